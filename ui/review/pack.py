"""The printed quarterly review pack: cover, summary with charts, one page per agent, appendix.

Drawn with QPainter on any QPagedPaintDevice, so the same code fills the print preview, a printer
and a PDF (QPdfWriter). A4 or Letter, portrait; every page has a header (center, quarter, team)
and a footer (status and "page n of N"). Chinese and English text use a CJK-capable font family
list, so names and labels render on a bare Linux desk with fonts-noto-cjk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from app.i18n import TRANSLATION_CONTEXT
from app.review.kpi import GROUP_LABELS, INDICATORS
from app.review.pack_data import PackData
from app.review.quarterly import AgentReview, IndicatorRow, Note, PlanRow

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
# Latin text in a font whose digits extract cleanly from the PDF; Chinese falls back to a CJK family
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Arial", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
                 "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei"]
INK = QColor("#1f2933")
MUTED = QColor("#616e7c")
RULE = QColor("#cbd2d9")
ACCENT = QColor("#1565c0")
GOOD = QColor("#2e7d32")
BAD = QColor("#c62828")
BAND = QColor("#f0f4f8")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def n_(text: str) -> str:
    """An N_()-marked string from app/ (indicator and group names, definitions)."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def note_text(note: Note) -> str:
    return n_(note.template).format(**note.params)


def plan_status(status: str) -> str:
    return {"open": tr("open"), "achieved": tr("achieved"), "missed": tr("missed"),
            "cancelled": tr("cancelled")}.get(status, status)


def fmt_value(kind: str, value: float | None) -> str:
    if value is None:
        return "—"
    if kind == "seconds":
        return tr("%1 s").replace("%1", f"{value:.1f}")
    if kind == "hours":
        return tr("%1 h").replace("%1", f"{value:.1f}")
    if kind == "share":
        return f"{value * 100:.1f} %"
    if kind == "rating":
        return f"{value:.2f}"
    if kind == "count":
        return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return f"{value:.1f}"


def fmt_score(score: float | None) -> str:
    """A 0..1 score as a percentage that never shows 100 % for a target not quite met."""
    if score is None:
        return "—"
    pct = score * 100
    return f"{pct:.1f} %" if 99.5 <= pct < 100 else f"{pct:.0f} %"


def fmt_total(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


class PackPainter:
    """Lays the pack out page by page on one painter (device units, mm helpers)."""

    def __init__(self, device: QPagedPaintDevice, data: PackData) -> None:
        self.device = device
        self.data = data
        self.review = data.review
        layout = device.pageLayout()
        rect = layout.paintRectPixels(device.resolution())
        self.width = float(rect.width())
        self.height = float(rect.height())
        self.mm = device.resolution() / 25.4
        self.painter = QPainter()
        self.page = 0
        self.total_pages = 2 + len(self.review.agents) + 1

    # --- primitives ----------------------------------------------------------------------------------
    def font(self, size: float, bold: bool = False) -> QFont:
        f = QFont()
        f.setFamilies(FONT_FAMILIES)
        f.setPointSizeF(size)
        f.setBold(bold)
        return f

    def text(self, x: float, y: float, w: float, h: float, text: str, size: float = 9, *, bold: bool = False,
             color: QColor = INK, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
             wrap: bool = False) -> float:
        """Draw text in a box given in mm; returns the height used in mm."""
        p = self.painter
        p.setFont(self.font(size, bold))
        p.setPen(color)
        r = QRectF(x * self.mm, y * self.mm, w * self.mm, h * self.mm)
        if wrap:  # wrapped text starts at the top of its box, so the height used is what follows
            align = (align & Qt.AlignmentFlag.AlignHorizontal_Mask) | Qt.AlignmentFlag.AlignTop
        flags = int(align) | (int(Qt.TextFlag.TextWordWrap) if wrap else 0)
        if wrap:
            used = p.boundingRect(r, flags, text)
            p.drawText(r, flags, text)
            return min(h, used.height() / self.mm)
        metrics = QFontMetricsF(p.font(), self.device)
        p.drawText(r, flags, metrics.elidedText(text, Qt.TextElideMode.ElideRight, r.width()))
        return h

    def line(self, x1: float, y1: float, x2: float, y2: float, color: QColor = RULE, width: float = 0.2) -> None:
        self.painter.setPen(QPen(color, width * self.mm))
        self.painter.drawLine(QPointF(x1 * self.mm, y1 * self.mm), QPointF(x2 * self.mm, y2 * self.mm))

    def box(self, x: float, y: float, w: float, h: float, fill: QColor, border: QColor | None = None) -> None:
        self.painter.setPen(Qt.PenStyle.NoPen if border is None else QPen(border, 0.2 * self.mm))
        self.painter.setBrush(fill)
        self.painter.drawRect(QRectF(x * self.mm, y * self.mm, w * self.mm, h * self.mm))
        self.painter.setBrush(Qt.BrushStyle.NoBrush)

    @property
    def w(self) -> float:
        return self.width / self.mm

    @property
    def h(self) -> float:
        return self.height / self.mm

    # --- pages ---------------------------------------------------------------------------------------
    def new_page(self) -> float:
        if self.page > 0:
            self.device.newPage()
        self.page += 1
        r = self.review
        scope = self.data.team_name or tr("Whole center")
        self.text(0, 0, self.w * 0.6, 6, f"{r.center} · {tr('Quarterly review')} {r.quarter}", 8, color=MUTED)
        self.text(self.w * 0.6, 0, self.w * 0.4, 6, scope, 8, color=MUTED, align=Qt.AlignmentFlag.AlignRight
                  | Qt.AlignmentFlag.AlignVCenter)
        self.line(0, 6.5, self.w, 6.5)
        status = (tr("Published {when} by {who}").format(when=r.published_at.date().isoformat(), who=r.published_by)
                  if r.status == "published" and r.published_at else tr("DRAFT — figures may still change"))
        self.line(0, self.h - 7, self.w, self.h - 7)
        self.text(0, self.h - 6.5, self.w * 0.7, 6, status, 7.5, color=BAD if r.status != "published" else MUTED)
        self.text(self.w * 0.7, self.h - 6.5, self.w * 0.3, 6,
                  tr("Page {n} of {total}").format(n=self.page, total=self.total_pages), 7.5, color=MUTED,
                  align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return 10.0

    def render(self) -> None:
        if not self.painter.begin(self.device):
            raise OSError(tr("The printer or PDF file could not be opened."))
        try:
            self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.cover()
            self.summary()
            for agent in self.review.agents:
                self.agent_page(agent)
            self.appendix()
        finally:
            self.painter.end()

    def cover(self) -> None:
        self.new_page()
        r, w = self.review, self.w
        self.box(0, 40, w, 60, BAND)
        self.text(10, 48, w - 20, 14, tr("Quarterly review"), 26, bold=True)
        self.text(10, 64, w - 20, 10, f"{r.quarter} · {r.window.first_day.isoformat()} – {r.window.last_day.isoformat()}",
                  14, color=MUTED)
        self.text(10, 78, w - 20, 10, r.center, 14)
        self.text(10, 88, w - 20, 9, self.data.team_name or tr("Whole center"), 12, color=ACCENT)
        y = 120.0
        facts = [
            (tr("Agents reviewed"), str(len(r.agents))),
            (tr("Average KPI score"), fmt_total(_mean([a.figures.total for a in r.agents]))),
            (tr("Under target (below {n} points)").format(n=f"{r.threshold:g}"), str(len(r.under_target))),
            (tr("Improvement plans this quarter"), str(sum(len(a.plans) for a in r.agents))),
            (tr("Status"), tr("Published") if r.status == "published" else tr("Draft")),
            (tr("Printed"), self.data.generated_at.strftime("%Y-%m-%d %H:%M UTC")),
        ]
        for label, value in facts:
            self.text(10, y, 90, 8, label, 11, color=MUTED)
            self.text(100, y, w - 110, 8, value, 11, bold=True)
            y += 10
        if r.notes:
            y += 6
            self.text(10, y, w - 20, 7, tr("Notes"), 10, bold=True)
            y += 8
            for note in r.notes:
                y += self.text(10, y, w - 20, 14, "• " + note_text(note), 8.5, color=MUTED, wrap=True) + 1.5

    def summary(self) -> None:
        y = self.new_page()
        r, w = self.review, self.w
        self.text(0, y, w, 9, tr("Summary"), 16, bold=True)
        y += 12
        # the pooled indicators of the team (or center)
        fig = r.center_figures if self.data.team_name is None or not r.teams else r.teams[0]
        y = self.indicator_table(0, y, w, fig.indicators, fig.total, compact=True)
        y += 6
        half = (w - 8) / 2
        ch = 52.0 if (self.data.team_name is None and len(r.teams) > 1) else 60.0
        dist = self.data.distribution()
        self.bar_chart(0, y, half, ch, tr("Score distribution (agents per 10 points)"),
                       [float(v) for v in dist], [f"{i * 10}" for i in range(10)], value_fmt=lambda v: f"{v:.0f}")
        months = list(r.month_keys)
        self.bar_chart(half + 8, y, half, ch, tr("KPI score by month"),
                       [v for v in fig.monthly_totals], months, y_max=100, target=r.threshold,
                       value_fmt=lambda v: f"{v:.0f}")
        y += ch + 8
        comp = self.data.complaint_sla
        self.bar_chart(0, y, half, ch, tr("Complaints resolved within SLA"),
                       [None if c.share is None else c.share * 100 for c in comp], [c.month for c in comp],
                       y_max=100, value_fmt=lambda v: f"{v:.0f}%",
                       footnote=tr("{n} resolved").format(n=sum(c.resolved for c in comp)))
        sl = self.data.service_level
        self.bar_chart(half + 8, y, half, ch,
                       tr("Service level by week (answered within {s} s)").format(s=f"{self.data.sl_target_sec:g}"),
                       [None if s.level is None else s.level * 100 for s in sl],
                       [s.week_start.strftime("%m-%d") for s in sl], y_max=100,
                       target=self.data.sl_target_share * 100, value_fmt=lambda v: f"{v:.0f}%")
        y += ch + 8
        if r.teams and self.data.team_name is None and len(r.teams) > 1:
            self.team_table(0, y, w)

    def team_table(self, x: float, y: float, w: float) -> float:
        r = self.review
        cols = [(tr("Team"), 0.34), (tr("Agents"), 0.12), (tr("Team score"), 0.18), (tr("Mean of agents"), 0.18),
                (tr("Under target"), 0.18)]
        y = self.table_header(x, y, w, cols)
        for t in r.teams:
            values = [t.team or tr("No team"), str(t.agents), fmt_total(t.total), fmt_total(t.mean_total),
                      str(t.under_target)]
            y = self.table_row(x, y, w, cols, values)
        return y

    def table_header(self, x: float, y: float, w: float, cols: Sequence[tuple[str, float]]) -> float:
        self.box(x, y, w, 6.5, BAND)
        cx = x
        for i, (label, share) in enumerate(cols):
            align = (Qt.AlignmentFlag.AlignLeft if i == 0 else Qt.AlignmentFlag.AlignRight) | Qt.AlignmentFlag.AlignVCenter
            self.text(cx + 1, y, share * w - 2, 6.5, label, 7.5, bold=True, align=align)
            cx += share * w
        return y + 6.5

    def table_row(self, x: float, y: float, w: float, cols: Sequence[tuple[str, float]], values: Sequence[str],
                  colors: Sequence[QColor | None] | None = None, bold: bool = False) -> float:
        cx = x
        for i, ((_label, share), value) in enumerate(zip(cols, values, strict=True)):
            align = (Qt.AlignmentFlag.AlignLeft if i == 0 else Qt.AlignmentFlag.AlignRight) | Qt.AlignmentFlag.AlignVCenter
            color = (colors[i] if colors and colors[i] is not None else INK)
            self.text(cx + 1, y, share * w - 2, 5.6, value, 8, color=color, align=align, bold=bold)  # type: ignore[arg-type]
            cx += share * w
        self.line(x, y + 5.6, x + w, y + 5.6)
        return y + 5.6

    def indicator_table(self, x: float, y: float, w: float, rows: Sequence[IndicatorRow], total: float | None, *,
                        compact: bool = False) -> float:
        cols = [(tr("Indicator"), 0.36), (tr("Value"), 0.14), (tr("Target"), 0.14), (tr("Score"), 0.12),
                (tr("Weight"), 0.12), (tr("Points"), 0.12)]
        y = self.table_header(x, y, w, cols)
        for group, label in GROUP_LABELS.items():
            members = [r for r in rows if r.group == group]
            points = sum(r.points or 0.0 for r in members)
            weight = sum(r.weight for r in members)
            self.text(x + 1, y, w * 0.6, 5.2, n_(label), 7.5, bold=True, color=ACCENT)
            self.text(x + w * 0.6, y, w * 0.4 - 1, 5.2, f"{points:.1f} / {weight:g}", 7.5, bold=True, color=ACCENT,
                      align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            y += 5.2
            for r in members:
                op = "≤" if r.rule_id == "R-KPI-1" or r.rule_id == "R-KPI-6" else "≥"
                color = None if r.met is None else (GOOD if r.met else BAD)
                values = [f"{r.rule_id}  {n_(r.label)}", fmt_value(r.kind, r.value), f"{op} {fmt_value(r.kind, r.target)}",
                          fmt_score(r.score), f"{r.weight:g}",
                          "—" if r.points is None else f"{r.points:.1f}"]
                y = self.table_row(x, y, w, cols, values, [None, color, None, color, None, None])
        self.text(x + 1, y, w * 0.85, 5.6, tr("Total (scaled to 100 over the measured weights)"), 8, bold=True)
        self.text(x + w * 0.85, y, w * 0.15 - 1, 5.6, fmt_total(total), 8, bold=True,
                  align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.line(x, y + 5.6, x + w, y + 5.6)
        return y + 5.6

    def bar_chart(self, x: float, y: float, w: float, h: float, title: str, values: Sequence[float | None],
                  labels: Sequence[str], *, y_max: float | None = None, target: float | None = None,
                  value_fmt: Callable[[float], str] = str, footnote: str | None = None) -> None:
        self.box(x, y, w, h, QColor("#ffffff"), RULE)
        self.text(x + 2, y + 1, w - 4, 6, title, 8.5, bold=True)
        px, py, pw, ph = x + 8, y + 10, w - 12, h - 20
        present = [v for v in values if v is not None]
        top = y_max if y_max is not None else max(present + [1.0]) * 1.15
        self.line(px, py + ph, px + pw, py + ph, MUTED)
        self.text(x + 0.5, py - 2, 7, 4, value_fmt(top) if y_max is None else f"{top:g}", 6, color=MUTED)
        self.text(x + 0.5, py + ph - 2, 7, 4, "0", 6, color=MUTED)
        n = max(1, len(values))
        slot = pw / n
        bar = slot * 0.62
        if not present:
            self.text(px, py + ph / 2 - 3, pw, 6, tr("No data in this period"), 8, color=MUTED,
                      align=Qt.AlignmentFlag.AlignCenter)
        for i, v in enumerate(values):
            bx = px + i * slot + (slot - bar) / 2
            if v is not None:
                bh = ph * max(0.0, min(1.0, v / top)) if top else 0
                self.box(bx, py + ph - bh, bar, bh, ACCENT)
                self.text(bx - 3, py + ph - bh - 4.2, bar + 6, 4, value_fmt(v), 6, color=INK,
                          align=Qt.AlignmentFlag.AlignCenter)
            if n <= 14:
                self.text(px + i * slot, py + ph + 0.5, slot, 4, labels[i], 6, color=MUTED,
                          align=Qt.AlignmentFlag.AlignCenter)
        if target is not None and top:
            ty = py + ph - ph * min(1.0, target / top)
            pen = QPen(BAD, 0.3 * self.mm, Qt.PenStyle.DashLine)
            self.painter.setPen(pen)
            self.painter.drawLine(QPointF(px * self.mm, ty * self.mm), QPointF((px + pw) * self.mm, ty * self.mm))
            self.text(px + 0.5, ty - 4, 24, 4, tr("target {v}").format(v=f"{target:g}"), 6, color=BAD,
                      align=Qt.AlignmentFlag.AlignLeft)
        if footnote:
            self.text(x + 2, y + h - 5, w - 4, 4.5, footnote, 6.5, color=MUTED)

    def sparkline(self, x: float, y: float, w: float, h: float, values: Sequence[float | None],
                  labels: Sequence[str]) -> None:
        pts = [(i, v) for i, v in enumerate(values) if v is not None]
        self.line(x, y + h, x + w, y + h, RULE)
        n = max(1, len(values) - 1)
        for i, label in enumerate(labels):
            self.text(x + w * i / n - 8, y + h + 0.5, 16, 3.5, label, 5.5, color=MUTED,
                      align=Qt.AlignmentFlag.AlignCenter)
        if not pts:
            self.text(x, y, w, h, tr("No monthly figures"), 7, color=MUTED, align=Qt.AlignmentFlag.AlignCenter)
            return
        path = QPainterPath()
        for k, (i, v) in enumerate(pts):
            point = QPointF((x + w * i / n) * self.mm, (y + h - h * max(0.0, min(1.0, v / 100))) * self.mm)
            path.moveTo(point) if k == 0 else path.lineTo(point)
        self.painter.setPen(QPen(ACCENT, 0.5 * self.mm))
        self.painter.drawPath(path)
        for i, v in pts:
            cx, cy = x + w * i / n, y + h - h * max(0.0, min(1.0, v / 100))
            self.box(cx - 0.7, cy - 0.7, 1.4, 1.4, ACCENT)
            self.text(cx - 6, cy - 4.5, 12, 3.5, f"{v:.0f}", 6, color=INK, align=Qt.AlignmentFlag.AlignCenter)

    def agent_page(self, agent: AgentReview) -> None:
        y = self.new_page()
        a, w = agent.figures, self.w
        self.text(0, y, w * 0.7, 9, a.name, 16, bold=True)
        self.text(0, y + 9, w * 0.7, 5.5, " · ".join(filter(None, [
            a.employee_no, a.team or tr("No team"),
            tr("rank {rank} in team").format(rank=a.rank) if a.rank else None,
            tr("joined {day}").format(day=a.hire_date.isoformat()) if a.employed_share < 1.0 and a.hire_date else None,
            tr("no longer active") if not a.active else None])), 8.5, color=MUTED)
        # the total, big, coloured against R-REV-1
        color = BAD if a.under_target else GOOD
        self.box(w - 42, y, 42, 16, BAND)
        self.text(w - 42, y + 0.5, 42, 10, fmt_total(a.total), 20, bold=True, color=color,
                  align=Qt.AlignmentFlag.AlignCenter)
        self.text(w - 42, y + 10.5, 42, 5, tr("under target") if a.under_target else tr("KPI score"), 7,
                  color=color, align=Qt.AlignmentFlag.AlignCenter)
        y += 20
        y = self.indicator_table(0, y, w, a.indicators, a.total)
        y += 5
        col = (w - 6) / 2
        # left: trend and QA; right: complaints, attendance, training
        self.text(0, y, col, 5.5, tr("KPI score by month"), 9, bold=True)
        self.sparkline(4, y + 8, col - 8, 16, a.monthly_totals, list(self.review.month_keys))
        qa = a.qa
        if qa.reviews and qa.mean is not None:
            ci = (tr("95 % interval {low}–{high}").format(low=f"{qa.low:.1f}", high=f"{qa.high:.1f}")
                  if qa.low is not None else tr("too few reviews for an interval"))
            qa_text = tr("{n} reviews, mean {mean} ({ci}), violations: {v}").format(
                n=qa.reviews, mean=f"{qa.mean:.1f}", ci=ci, v=qa.violations)
        else:
            qa_text = tr("No QA reviews in this quarter.")
        self.text(col + 6, y, col, 5.5, tr("Quality and complaints"), 9, bold=True)
        facts = [
            (tr("QA"), qa_text),
            (tr("Contacts handled"), f"{a.handled:,}"),
            (tr("Complaints owned"), tr("{n}, of which escalated {e}").format(n=a.complaints_owned,
                                                                              e=a.complaints_escalated)),
            (tr("Attendance"), tr("{a} of {r} rostered shifts").format(a=a.attended_shifts, r=a.rostered_shifts)
             + (f" ({a.attendance * 100:.0f} %)" if a.attendance is not None else "")),
            (tr("Training"), tr("{h} h").format(h=f"{a.training_hours:g}")),
        ]
        if a.autoqa_checked:
            facts.append((tr("Auto-QA"), tr("{n} chats checked: service code kept in {c}, first reply on time in {f}")
                          .format(n=f"{a.autoqa_checked:,}", c=fmt_value("share", a.autoqa_code_share),
                                  f=fmt_value("share", a.autoqa_first_reply_share))))
        fy = y + 7
        for label, value in facts:
            self.text(col + 6, fy, 26, 5, label, 7.5, color=MUTED, wrap=True)
            fy += self.text(col + 32, fy, col - 26, 10, value, 7.5, wrap=True) + 1.2
        y = max(y + 30, fy) + 4
        self.text(0, y, w, 5.5, tr("Supervisor's comment"), 9, bold=True)
        y += 6.5
        y += self.text(0, y, w, 22, agent.comment or tr("No comment yet."), 8.5, wrap=True,
                       color=INK if agent.comment else MUTED) + 4
        self.text(0, y, w, 5.5, tr("Improvement plan"), 9, bold=True)
        y += 6.5
        plans: list[tuple[PlanRow, bool]] = [(p, False) for p in agent.plans] + [(p, True) for p in agent.carried_plans]
        if not plans:
            text = (tr("Under target: an improvement plan is required (R-REV-1) and has not been recorded.")
                    if a.under_target else tr("None needed."))
            self.text(0, y, w, 6, text, 8.5, color=BAD if a.under_target else MUTED)
            return
        for plan, carried in plans:
            if y > self.h - 30:
                self.text(0, y, w, 5, tr("More plans in the console."), 7.5, color=MUTED)
                break
            head = tr("Goal: {goal}").format(goal=plan.goal)
            if carried:
                head += "  " + tr("(from {q})").format(q=plan.quarter)
            y += self.text(0, y, w, 12, head, 8.5, bold=True, wrap=True) + 0.8
            y += self.text(4, y, w - 4, 14, tr("Measures: {m}").format(m=plan.measures), 8, wrap=True) + 0.8
            status = tr("Deadline {d} · {s}").format(d=plan.deadline.isoformat(), s=plan_status(plan.status))
            y += self.text(4, y, w - 4, 5, status, 7.5, color=MUTED) + 3

    def appendix(self) -> None:
        y = self.new_page()
        w, r = self.w, self.review
        self.text(0, y, w, 9, tr("Appendix: definitions and weights"), 16, bold=True)
        y += 12
        cols = [(tr("Indicator"), 0.3), (tr("Group"), 0.12), (tr("Weight"), 0.1), (tr("Target"), 0.12),
                (tr("How it is measured"), 0.36)]
        y = self.table_header(0, y, w, cols)
        for ind in INDICATORS:
            weight = r.weights.get(ind.rule_id, 0)
            target = r.targets.get(ind.rule_id)
            self.text(1, y, 0.3 * w - 2, 9, f"{ind.rule_id}  {n_(ind.label)}", 7.5)
            self.text(0.3 * w + 1, y, 0.12 * w - 2, 9, n_(GROUP_LABELS[ind.group]), 7.5)
            self.text(0.42 * w + 1, y, 0.1 * w - 2, 9, f"{weight:g}", 7.5,
                      align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.text(0.52 * w + 1, y, 0.12 * w - 2, 9, fmt_value(ind.kind, target), 7.5,
                      align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.text(0.64 * w + 1, y, 0.36 * w - 2, 9, n_(ind.description), 7, color=MUTED, wrap=True)
            y += 9
            self.line(0, y, w, y)
        y += 5
        rules = [
            tr("Score of an indicator: value ÷ target, at most 100 % (response speed: target ÷ value; "
               "compliance: 100 % with no violation, else 0)."),
            tr("Points = score × weight. Basic, quality and additional groups weigh 40, 40 and 20."),
            tr("An indicator with no data is left out; the total is scaled to 100 over the measured weights."),
            tr("Knowledge-base contributions are counted against 5 per month employed (pro-rated from the hire date)."),
            tr("An agent below {n} points is under target and needs an improvement plan (R-REV-1).").format(
                n=f"{r.threshold:g}"),
            tr("QA: mean supervisor dialogue score with a 95 % t-interval; calibration scores are not counted."),
            tr("Service level: phone contacts answered within {s} s ÷ offered, per week.").format(
                s=f"{self.data.sl_target_sec:g}"),
            tr("Complaint SLA: resolved within 24 h (complaints) or 72 h (service requests) of first contact."),
        ]
        for line in rules:
            y += self.text(0, y, w, 12, "• " + line, 8, wrap=True) + 1.5
        if r.amendments:
            y += 4
            self.text(0, y, w, 6, tr("Amendments after publishing"), 10, bold=True)
            y += 7
            for am in r.amendments:
                if y > self.h - 20:
                    break
                y += self.text(0, y, w, 10, f"{am.at.date().isoformat()} · {am.by} · {am.field}: {am.reason}", 7.5,
                               wrap=True, color=MUTED) + 1


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def page_layout(page_size: str) -> QPageLayout:
    if page_size not in PAGE_SIZES:
        raise ValueError(tr("Paper size must be A4 or Letter, not '{s}'.").format(s=page_size))
    return QPageLayout(QPageSize(PAGE_SIZES[page_size]), QPageLayout.Orientation.Portrait,
                       QMarginsF(15, 14, 15, 14), QPageLayout.Unit.Millimeter)


def render_pack(device: QPagedPaintDevice, data: PackData) -> int:
    """Draw the pack on a printer or PDF writer (its page layout already set); returns the pages drawn."""
    painter = PackPainter(device, data)
    painter.render()
    return painter.page


def save_pack_pdf(data: PackData, path: Path, *, page_size: str = "A4") -> int:
    """Write the pack as a PDF; the file appears whole or not at all."""
    layout = page_layout(page_size)
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(300)
    writer.setPageLayout(layout)
    writer.setTitle(f"{data.review.center} {data.review.quarter}")
    writer.setCreator("Floorwalker")
    try:
        pages = render_pack(writer, data)
        del writer  # flushes and closes the file
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return pages
