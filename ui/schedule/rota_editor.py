"""Schedule → Rota editor: a week's DRAFT rota as bars (agents x the week), edited by hand with
undo/redo, re-solved around pinned shifts, compared with the published rota, published, printed
and exported; the quality panel (coverage against requirement per interval, expected service
level, paid hours, the solver's lower bound and gap, rule violations) follows every edit.

Each edit runs its service in the writer (``app.schedule.editing``: one transaction, audited,
version-checked) and then goes on the QUndoStack; undo and redo run the inverse service. When an
undo or redo meets a conflict (another desk changed the shift) the history is cleared.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.changes import Changes
from app.rota.model import DAY_SLOTS, SLOT_MIN, WEEK_SLOTS, RotaProblem
from app.schedule import editing as ed
from app.schedule import replan as rp
from app.schedule.publish import publish_rota
from app.schedule.week import week_start_of
from app.security.permissions import allowed
from ui.context import ConsoleContext
from ui.errors import show_error
from ui.schedule.dates import day_label, slot_range, weekday_name
from ui.schedule.forecast_view import WeekAxis, style_plot
from ui.schedule.messages import rule_message
from ui.schedule.replan_dialog import ReplanDialog, ReplanReview
from ui.schedule.rota_grid import RotaGrid, slot_text
from ui.schedule.rota_print import export_csv, export_xlsx, print_rota, setup_printer
from ui.workspace import Workspace

ACCENT = "#2f6fde"
REQ_COLOR = "#c62828"
SL_COLOR = "#2e7d32"


def tr(text: str) -> str:
    return QCoreApplication.translate("rota_editor", text)


# the optimiser's progress messages (app/rota), shown in the progress dialog in the user's language
ENGINE_MESSAGES = (
    QT_TRANSLATE_NOOP("rota_engine", "Preparing agents and tours"),
    QT_TRANSLATE_NOOP("rota_engine", "Linear relaxation (breaks spread evenly)"),
    QT_TRANSLATE_NOOP("rota_engine", "Linear relaxation (lower bound)"),
    QT_TRANSLATE_NOOP("rota_engine", "Choosing whole tours"),
    QT_TRANSLATE_NOOP("rota_engine", "Swapping tours for cheaper ones"),
    QT_TRANSLATE_NOOP("rota_engine", "Dropping tours whose breaks the others can cover"),
    QT_TRANSLATE_NOOP("rota_engine", "Starting again from another rounding"),
    QT_TRANSLATE_NOOP("rota_engine", "Assigning agents to tours"),
    QT_TRANSLATE_NOOP("rota_engine", "Placing breaks"),
    QT_TRANSLATE_NOOP("rota_engine", "Placing training"),
    QT_TRANSLATE_NOOP("rota_engine", "Checking the rota"),
    QT_TRANSLATE_NOOP("rota_engine", "Taking the sick agents off"),
    QT_TRANSLATE_NOOP("rota_engine", "Re-planning the rest of the day"),
)


def engine_text(message: str) -> str:
    """An optimiser progress message in the user's language."""
    found = re.fullmatch(r"Lower bound, round (\d+): (\d+) better start times", message)
    if found:
        return QCoreApplication.translate("rota_engine", "Lower bound, round %1: %2 better start times") \
            .replace("%1", found.group(1)).replace("%2", found.group(2))
    return QCoreApplication.translate("rota_engine", message)


@dataclass
class Ref:
    """A shift as the undo history knows it: its id and version change when undo re-creates it."""

    id: int
    version: int


@dataclass(frozen=True)
class Loaded:
    week: ed.EditorWeek
    problem: RotaProblem | None
    problem_error: str | None
    quality: ed.RotaQuality | None
    diff: ed.RotaDiff | None


def _load(session: Any, actor: Any, week_start: date, problem: RotaProblem | None, compare: bool) -> Loaded:
    week = ed.load_editor_week(session, actor, week_start)
    error = None
    if problem is None:
        try:
            problem = ed.week_problem(session, week_start)
        except ValueError as exc:  # RotaInputError: no templates, bad forecast...
            error = str(exc)
    quality = ed.rota_quality(problem, ed.to_rota_shifts(problem, week.shifts), week.solver_stats) \
        if problem is not None else None
    diff = ed.compare_with_published(session, week.rota_id) if compare and week.rota_id else None
    return Loaded(week, problem, error, quality, diff)


def coverage_text(c: Any) -> str:
    """``Phone: short of the requirement in Mon 08:30–08:45, … (28.3 % of the intervals)``."""
    runs: list[tuple[int, int]] = []
    for i in range(WEEK_SLOTS):
        if c.on_phone[i] + 1e-9 < c.required[i]:
            if runs and runs[-1][1] == i - 1:
                runs[-1] = (runs[-1][0], i)
            else:
                runs.append((i, i))
    shown = ", ".join(slot_range(a, b) for a, b in runs[:6])
    if len(runs) > 6:
        shown += tr(" and %1 more").replace("%1", str(len(runs) - 6))
    return tr("%1: short of the requirement in %2 (%3 % of the intervals)").replace("%1", c.skill) \
        .replace("%2", shown).replace("%3", f"{100 - c.pct_slots_covered:.1f}")


class ServiceCommand(QUndoCommand):
    """An edit already saved once; undo/redo run the inverse/forward service in the writer."""

    def __init__(self, editor: RotaEditor, text: str, forward: Callable[[Any], Any],
                 backward: Callable[[Any], Any]) -> None:
        super().__init__(text)
        self.editor = editor
        self.forward = forward
        self.backward = backward
        self.done_once = True

    def redo(self) -> None:
        if self.done_once:
            self.done_once = False
            return
        self.editor.run_history(self.forward)

    def undo(self) -> None:
        self.editor.run_history(self.backward)


class QualityPanel(QWidget):
    """Coverage vs requirement per interval, expected service level, hours, bound, violations."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quality: ed.RotaQuality | None = None
        self.week_start: date | None = None
        self.solved = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        top = QHBoxLayout()
        self.title = QLabel(tr("Coverage per 15 minutes"))
        self.title.setObjectName("section_title")
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(QLabel(tr("Show")))
        self.day_combo = QComboBox()
        self.day_combo.addItem(tr("Whole week"), -1)
        for d in range(7):
            self.day_combo.addItem(weekday_name(d, long=True), d)
        self.day_combo.currentIndexChanged.connect(self._draw)
        top.addWidget(self.day_combo)
        left.addLayout(top)
        self.axis = WeekAxis()
        self.plot = pg.PlotWidget(axisItems={"bottom": self.axis})
        style_plot(self.plot, self)
        self.plot.setMinimumHeight(150)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.25, brush=QColor(ACCENT).lighter(130),
                                    pen=pg.mkPen(None))
        self.req_line = pg.PlotDataItem(pen=pg.mkPen(QColor(REQ_COLOR), width=1.6), stepMode="center")
        self.short_bars = pg.BarGraphItem(x=[], height=[], width=0.25, brush=QColor(REQ_COLOR).lighter(160),
                                          pen=pg.mkPen(None))
        self.plot.addItem(self.bars)
        self.plot.addItem(self.short_bars)
        self.plot.addItem(self.req_line)
        self.plot.setLabel("left", tr("agents"))
        self.plot.getAxis("left").setWidth(56)
        left.addWidget(self.plot, 3)
        self.sl_plot = pg.PlotWidget(axisItems={"bottom": WeekAxis()})
        style_plot(self.sl_plot, self)
        self.sl_plot.setMinimumHeight(96)
        self.sl_plot.setMaximumHeight(130)
        self.sl_plot.setYRange(-0.12, 1.14, padding=0)
        self.sl_plot.setLabel("left", tr("SL, %"))
        self.sl_plot.getAxis("left").setTicks([[(0.0, "0"), (0.5, "50"), (1.0, "100")]])
        self.sl_plot.getAxis("left").setWidth(56)  # the two charts' days line up
        self.sl_line = pg.PlotDataItem(pen=pg.mkPen(QColor(SL_COLOR), width=1.4), connect="finite")
        self.target_line = pg.InfiniteLine(angle=0, pen=pg.mkPen(QColor(REQ_COLOR), width=1,
                                                                  style=Qt.PenStyle.DashLine))
        self.sl_plot.addItem(self.sl_line)
        self.sl_plot.addItem(self.target_line)
        self.sl_plot.setXLink(self.plot)
        left.addWidget(self.sl_plot, 1)
        self.legend = QLabel(
            f'<span style="color:{ACCENT}">■</span> {tr("on the phones")} &nbsp; '
            f'<span style="color:{REQ_COLOR}">━</span> {tr("requirement")} &nbsp; '
            f'<span style="color:{REQ_COLOR}">■</span> {tr("short")} &nbsp; '
            f'<span style="color:{SL_COLOR}">━</span> {tr("expected service level")}')
        left.addWidget(self.legend)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        self.figures = QLabel()
        self.figures.setObjectName("quality_figures")
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures.setWordWrap(True)
        right.addWidget(self.figures)
        self.violations_title = QLabel()
        right.addWidget(self.violations_title)
        self.violations = QListWidget()
        self.violations.setWordWrap(True)
        self.violations.setAlternatingRowColors(True)
        right.addWidget(self.violations, 1)
        layout.addLayout(right, 2)

    def show_quality(self, quality: ed.RotaQuality | None, week_start: date, error: str | None = None,
                     solved: bool = False) -> None:
        self.quality, self.week_start, self.solved = quality, week_start, solved
        self.violations.clear()
        if quality is None:
            self.figures.setText(tr("No quality figures: %1").replace("%1", error or tr("no requirement")))
            self.violations_title.setText("")
            self._draw()
            return
        rows = [(tr("Paid hours"), f"{quality.paid_hours:,.1f} h")]
        if quality.lp_bound_hours:
            rows.append((tr("Lower bound (LP)"), f"{quality.lp_bound_hours:,.1f} h"))
            gap = quality.gap or 0.0
            rows.append((tr("Gap to the bound"), f"{100 * max(gap, 0.0):.1f} %" if gap >= -0.0005 else
                         tr("below it: coverage given up by hand")))
        elif self.solved:
            rows.append((tr("Lower bound (LP)"), tr("— not proven by this solve")))
        else:
            rows.append((tr("Lower bound (LP)"), tr("— solve to get one")))
        rows.append((tr("Intervals covered"), f"{quality.pct_covered:.1f} % "
                     f"({WEEK_SLOTS - quality.short_slots} / {WEEK_SLOTS})"))
        if quality.weekly_service_level is not None:
            week = f"{100 * quality.weekly_service_level:.1f} %"
            if quality.weekly_goal:
                week += " " + tr("(goal %1 %)").replace("%1", f"{100 * quality.weekly_goal:.0f}")
            rows.append((tr("Expected service level, week"), week))
        for c in quality.skills:
            sl = (" · " + tr("SL %1 %").replace("%1", f"{100 * c.weekly_service_level:.0f}")
                  if c.weekly_service_level is not None else "")
            rows.append((f"&nbsp;&nbsp;{c.skill}", f"{c.pct_slots_covered:.1f} % {tr('covered')}{sl}"))
        self.figures.setText("<table cellspacing=2>" + "".join(
            f"<tr><td>{k}</td><td style='padding-left:12px' align=right><b>{v}</b></td></tr>" for k, v in rows)
            + "</table>")
        hard = sum(1 for v in quality.violations if v.hard)
        self.violations_title.setText(tr("Rule violations: %1 (%2 hard)").replace("%1", str(len(quality.violations)))
                                      .replace("%2", str(hard)))
        for v in quality.violations[:400]:
            text = f"{v.rule}: {rule_message(v.message)}"
            if v.rule == "coverage":  # said again in the user's language, from the figures
                skill = next((c for c in quality.skills if v.message.startswith(f"{c.skill}:")), None)
                text = coverage_text(skill) if skill is not None else text
            item = QListWidgetItem(text)
            if v.hard:
                item.setForeground(QColor(REQ_COLOR))
            self.violations.addItem(item)
        if not quality.violations:
            self.violations.addItem(tr("No rule broken: rest, days off, contract hours, availability and skills "
                                       "are all kept."))
        self._draw()

    def _draw(self) -> None:
        q = self.quality
        if q is None or self.week_start is None:
            self.bars.setOpts(x=[], height=[])
            self.short_bars.setOpts(x=[], height=[])
            self.req_line.setData([], [])
            self.sl_line.setData([], [])
            return
        day = self.day_combo.currentData()
        lo, hi = (0, WEEK_SLOTS) if day is None or day < 0 else (day * DAY_SLOTS, (day + 1) * DAY_SLOTS)
        first = self.week_start + timedelta(days=max(day or 0, 0))
        days = 7 if day is None or day < 0 else 1
        self.axis.set_days(first, days)
        self.sl_plot.getAxis("bottom").set_days(first, days)
        hours = [(i - lo) * SLOT_MIN / 60 + SLOT_MIN / 120 for i in range(lo, hi)]
        staffed = list(q.staffed[lo:hi])
        req = list(q.required[lo:hi])
        ok = [min(s, r) if s < r else s for s, r in zip(staffed, req, strict=True)]
        short = [r - s if s < r else 0 for s, r in zip(staffed, req, strict=True)]
        self.bars.setOpts(x=hours, height=ok, width=0.25 * 0.9)
        self.short_bars.setOpts(x=hours, y0=ok, height=short, width=0.25 * 0.9)
        edges = [(i - lo) * SLOT_MIN / 60 for i in range(lo, hi + 1)]
        self.req_line.setData(edges, req)
        sl = [float("nan") if v is None else v for v in q.service_level[lo:hi]]
        self.sl_line.setData(hours, sl)
        targets = [c.target_sl for c in q.skills]
        self.target_line.setValue(min(targets) if targets else 0.8)
        self.plot.setXRange(0, (hi - lo) * SLOT_MIN / 60, padding=0.01)
        self.plot.setYRange(0, max([*req, *staffed, 1]) * 1.1, padding=0)


class RotaEditor(Workspace):
    refresh_on = Changes.SCHEDULE | Changes.PEOPLE | Changes.FORECAST

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("workspaces", "Rota editor")

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        today = clock.now().astimezone(ctx.timezone).date()
        self.week_start = week_start_of(today) + timedelta(days=7)  # schedulers plan next week
        self.may_edit = allowed(ctx.actor, ed.EDIT_PERMISSION)
        self.may_publish = allowed(ctx.actor, "rota.publish")
        self.data: Loaded | None = None
        self._problem: tuple[date, RotaProblem] | None = None
        self._refs: list[Ref] = []
        self.stack = QUndoStack(self)
        self._after_load: Callable[[], None] | None = None  # what to do once the next load is shown
        self.show_error: Callable[[BaseException], None] = lambda exc: show_error(self, exc, on_reload=self.refresh)
        self._build()

    # --- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 12, 20, 12)
        outer.setSpacing(8)
        header = QHBoxLayout()
        title = QLabel(tr("Rota editor"))
        title.setObjectName("page_title")
        header.addWidget(title)
        header.addSpacing(12)
        prev = QPushButton("◀")
        prev.setToolTip(tr("The week before"))
        prev.clicked.connect(lambda: self.show_week(self.week_start - timedelta(days=7)))
        self.week_edit = QDateEdit()
        self.week_edit.setCalendarPopup(True)
        self.week_edit.setDisplayFormat("'" + tr("Week of") + "' ddd yyyy-MM-dd")
        self.week_edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.week_edit.setDate(QDate(self.week_start.year, self.week_start.month, self.week_start.day))
        self.week_edit.dateChanged.connect(
            lambda d: self.show_week(date(d.year(), d.month(), d.day())))
        nxt = QPushButton("▶")
        nxt.setToolTip(tr("The week after"))
        nxt.clicked.connect(lambda: self.show_week(self.week_start + timedelta(days=7)))
        for w in (prev, self.week_edit, nxt):
            header.addWidget(w)
        prev.setFixedWidth(36)
        nxt.setFixedWidth(36)
        header.addSpacing(12)
        self.state_label = QLabel()
        self.state_label.setObjectName("rota_status")
        header.addWidget(self.state_label, 1)
        self.undo_button = QToolButton()
        self.redo_button = QToolButton()
        undo = self.stack.createUndoAction(self, tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.stack.createRedoAction(self, tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        for action in (undo, redo):  # Ctrl+Z / Ctrl+Shift+Z while the editor (or the grid) has focus
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_button.setDefaultAction(undo)
        self.redo_button.setDefaultAction(redo)
        header.addWidget(self.undo_button)
        header.addWidget(self.redo_button)
        outer.addLayout(header)

        actions = QHBoxLayout()
        self.draft_button = QPushButton(tr("Start a draft"))
        self.draft_button.setToolTip(tr("Copy the published rota of this week into a draft to edit"))
        self.draft_button.clicked.connect(self.start_draft)
        self.solve_button = QPushButton(tr("Solve…"))
        self.solve_button.setToolTip(tr("Optimise the week again; pinned shifts are kept as they are"))
        self.solve_button.clicked.connect(self.ask_solve)
        self.replan_button = QPushButton(tr("Re-plan the rest of the day…"))
        self.replan_button.setObjectName("replan_button")
        self.replan_button.setToolTip(tr("Agents went home sick: re-optimise the rest of a day (breaks, overtime, "
                                         "call-ins, R-SCH-5) and review the proposal before it is applied; a published week is "
                                         "re-planned in a draft copy, published with Publish…"))
        self.replan_button.clicked.connect(lambda: self.ask_replan())
        self.compare_button = QPushButton(tr("Compare with published"))
        self.compare_button.setCheckable(True)
        self.compare_button.toggled.connect(lambda _on: self.refresh())
        self.publish_button = QPushButton(tr("Publish…"))
        self.publish_button.clicked.connect(self.ask_publish)
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.clicked.connect(self.print_preview)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.clicked.connect(self.ask_export)
        for b in (self.draft_button, self.solve_button, self.replan_button, self.compare_button, self.publish_button):
            actions.addWidget(b)
        self.diff_label = QLabel()
        actions.addWidget(self.diff_label, 1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.export_button)
        outer.addLayout(actions)

        split = QSplitter(Qt.Orientation.Vertical)
        self.grid = RotaGrid()
        self.grid.shift_edited.connect(self._on_grid_shift_edited)
        self.grid.context_requested.connect(self._on_grid_context_requested)
        self.grid.add_requested.connect(self._on_grid_add_requested)
        self.grid.delete_requested.connect(self.delete)
        split.addWidget(self.grid)
        self.quality_panel = QualityPanel()
        self.quality_panel.day_combo.setToolTip(tr("Zooms the grid and the charts to one day"))
        self.quality_panel.day_combo.currentIndexChanged.connect(
            lambda _i: self.grid.set_view(self.quality_panel.day_combo.currentData()))
        split.addWidget(self.quality_panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([560, 380])
        self.split = split
        outer.addWidget(split, 1)
        self.hint = QLabel(tr("Drag a bar to move it, drag its edge to change its length (or ←/→, Shift+←/→ on the "
                              "selected shift), right-click for more, Delete removes it; Ctrl+Z undoes. Hatched: "
                              "approved time off."))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)  # a longer language wraps onto a second line instead of being cut
        self._hint_text = self.hint.text()
        self.grid.drag_feedback.connect(lambda text: self.hint.setText(text or self._hint_text))
        outer.addWidget(self.hint)

    # --- loading -----------------------------------------------------------------------------------
    def _on_bus_operation_did_execute(self, changes: Changes, initiator: object) -> None:
        if initiator is not self and changes & self.refresh_on:
            self._problem = None  # time off, forecast or people changed elsewhere: requirements anew
        super()._on_bus_operation_did_execute(changes, initiator)

    def show_week(self, day: date) -> None:
        week = week_start_of(day)
        if week == self.week_start:
            return
        self.week_start = week
        self.stack.clear()
        self.week_edit.blockSignals(True)
        self.week_edit.setDate(QDate(week.year, week.month, week.day))
        self.week_edit.blockSignals(False)
        self.refresh()

    def reload(self) -> None:
        week, actor = self.week_start, self.ctx.actor
        cached = self._problem[1] if self._problem and self._problem[0] == week else None
        compare = self.compare_button.isChecked()
        self.load(lambda s: _load(s, actor, week, cached, compare), self._on_loaded, self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self.state_label.setText(tr("Could not load the rota: %1").replace("%1", str(exc)))
        self.mark_failed(exc)

    def _on_loaded(self, data: Loaded) -> None:
        self.data = data
        if data.problem is not None:
            self._problem = (data.week.week_start, data.problem)
        w = data.week
        self._sync_refs(w)
        self.grid.day_labels = [day_label(w.week_start + timedelta(days=d)) for d in range(7)]
        has_draft = w.rota_id is not None
        self.grid.set_data(list(w.agents), list(w.shifts), self.may_edit and has_draft)
        self.grid.set_diff(data.diff)
        self.grid.set_time_off(list(w.time_off))
        flagged = {a for v in (data.quality.violations if data.quality else ()) if v.hard for a in v.agent_ids[:1]}
        self.grid.set_flagged(flagged)
        self.quality_panel.show_quality(data.quality, w.week_start, data.problem_error,
                                        (w.solver_stats or {}).get("source") == "rota solver")
        if has_draft:
            stats = w.solver_stats or {}
            source = tr("from the solver") if stats.get("source") == "rota solver" else (
                tr("copied from revision %1").replace("%1", str(stats.get("from_revision")))
                if stats.get("source") == "copy" else tr("made by hand"))
            text = tr("Draft (%1) · %2 shifts").replace("%1", source).replace("%2", str(len(w.shifts)))
            if w.published_revision:
                text += " · " + tr("published revision %1 stays in force until you publish").replace(
                    "%1", str(w.published_revision))
        elif w.published_rota_id:
            text = tr("Showing published revision %1 — start a draft to change it").replace(
                "%1", str(w.published_revision))
        else:
            text = tr("No rota for this week yet — solve to make a draft")
        if not self.may_edit:
            text += " · " + tr("read-only (schedulers edit rotas)")
        self.state_label.setText(text)
        self.draft_button.setVisible(self.may_edit and not has_draft and w.published_rota_id is not None)
        self.solve_button.setEnabled(self.may_edit)
        self.replan_button.setEnabled(self.may_edit and bool(w.shifts))
        self.replan_button.setVisible(self.may_edit)
        self.publish_button.setEnabled(self.may_publish and has_draft)
        self.compare_button.setEnabled(has_draft and w.published_rota_id is not None)
        self.print_button.setEnabled(bool(w.shifts))
        self.export_button.setEnabled(bool(w.shifts))
        if data.diff is not None and data.diff.published_revision is None:
            self.diff_label.setText(tr("Nothing is published for this week yet: every shift is new."))
        elif data.diff is not None:
            self.diff_label.setText(
                tr("Against revision %1: %2 added, %3 changed, %4 removed, %5 unchanged")
                .replace("%1", str(data.diff.published_revision)).replace("%2", str(len(data.diff.of_kind("added"))))
                .replace("%3", str(len(data.diff.of_kind("changed"))))
                .replace("%4", str(len(data.diff.of_kind("removed")))).replace("%5", str(data.diff.unchanged)))
        else:
            self.diff_label.setText("")
        self.mark_loaded()
        then, self._after_load = self._after_load, None
        if then is not None and data.week.rota_id is not None:
            then()

    def _sync_refs(self, w: ed.EditorWeek) -> None:
        by_id = {r.id: r for r in self._refs}
        for s in w.shifts:
            ref = by_id.get(s.id)
            if ref is None:
                self._refs.append(Ref(s.id, s.version))
            else:
                ref.version = s.version

    def ref(self, shift_id: int) -> Ref:
        for r in reversed(self._refs):
            if r.id == shift_id:
                return r
        r = Ref(shift_id, 0)
        self._refs.append(r)
        return r

    # --- running edits -----------------------------------------------------------------------------
    def execute(self, text: str, forward: Callable[[Any], Any], backward: Callable[[Any], Any]) -> None:
        """Save an edit now; on success it goes on the undo stack."""
        def done(changes: Any) -> None:
            self.stack.push(ServiceCommand(self, text, forward, backward))
            self._after_edit(changes)

        self.ctx.tasks.command(forward).success(done).failure(self._edit_failed).run()

    def run_history(self, fn: Callable[[Any], Any]) -> None:
        def failed(exc: BaseException) -> None:
            self.stack.clear()  # the history no longer matches the database
            self._edit_failed(exc)

        self.ctx.tasks.command(fn).success(self._after_edit).failure(failed).run()

    def _after_edit(self, changes: Any) -> None:
        if isinstance(changes, Changes) and changes:
            self.ctx.bus.operation_did_execute.emit(changes, self)
        self.refresh()

    def _edit_failed(self, exc: BaseException) -> None:
        self.show_error(exc)
        self.refresh()

    # --- edits ---------------------------------------------------------------------------------------
    def move(self, shift: ed.DraftShift, start: int, slots: int, person_id: int) -> None:
        actor, ref = self.ctx.actor, self.ref(shift.id)
        old = (shift.start, shift.slots, shift.person_id)

        def go(target: tuple[int, int, int]) -> Callable[[Any], Changes]:
            def fn(s: Any) -> Changes:
                r = ed.move_shift(s, actor, ref.id, ref.version, target[0], target[1], target[2])
                ref.version = r.version
                return r.changes
            return fn

        verb = tr("move") if slots == shift.slots else tr("resize")
        self.execute(f"{verb} {self._label(shift)}", go((start, slots, person_id)), go(old))

    def _label(self, shift: ed.DraftShift) -> str:
        names = {a.id: a.name for a in self.data.week.agents} if self.data else {}
        return f"{names.get(shift.person_id, '')} {weekday_name(min(shift.day, 6))} {slot_text(shift.start)}"

    def swap(self, first: ed.DraftShift, second: ed.DraftShift) -> None:
        actor, a, b = self.ctx.actor, self.ref(first.id), self.ref(second.id)

        def fn(s: Any) -> Changes:
            r = ed.swap_shifts(s, actor, a.id, a.version, b.id, b.version)
            a.version, b.version = r.versions[a.id], r.versions[b.id]
            return r.changes

        self.execute(f"{tr('swap')} {self._label(first)}", fn, fn)

    def delete(self, shift: ed.DraftShift) -> None:
        actor, ref, rota_id = self.ctx.actor, self.ref(shift.id), self.data.week.rota_id  # type: ignore[union-attr]
        kept: dict[str, ed.ShiftSpec] = {}

        def forward(s: Any) -> Changes:
            r = ed.delete_shift(s, actor, ref.id, ref.version)
            kept["spec"] = r.spec
            return r.changes

        def backward(s: Any) -> Changes:
            r = ed.add_shift(s, actor, rota_id, kept["spec"])
            ref.id, ref.version = r.shift_id, r.version
            return r.changes

        self.execute(f"{tr('delete')} {self._label(shift)}", forward, backward)

    def add(self, spec: ed.ShiftSpec) -> None:
        actor, rota_id = self.ctx.actor, self.data.week.rota_id  # type: ignore[union-attr]
        ref = Ref(0, 0)
        self._refs.append(ref)

        def forward(s: Any) -> Changes:
            r = ed.add_shift(s, actor, rota_id, spec)
            ref.id, ref.version = r.shift_id, r.version
            return r.changes

        def backward(s: Any) -> Changes:
            return ed.delete_shift(s, actor, ref.id, ref.version).changes

        self.execute(tr("add shift"), forward, backward)

    def pin(self, shift: ed.DraftShift, pinned: bool) -> None:
        actor, ref = self.ctx.actor, self.ref(shift.id)

        def go(value: bool) -> Callable[[Any], Changes]:
            def fn(s: Any) -> Changes:
                r = ed.set_pinned(s, actor, ref.id, ref.version, value)
                ref.version = r.version
                return r.changes
            return fn

        self.execute(f"{tr('pin') if pinned else tr('unpin')} {self._label(shift)}", go(pinned), go(not pinned))

    def sick(self, shift: ed.DraftShift, cover_person_id: int | None) -> None:
        actor, ref, rota_id = self.ctx.actor, self.ref(shift.id), self.data.week.rota_id  # type: ignore[union-attr]
        cover = Ref(0, 0)
        self._refs.append(cover)
        kept: dict[str, Any] = {}

        def forward(s: Any) -> Changes:
            r = ed.mark_sick(s, actor, ref.id, ref.version, cover_person_id)
            kept["spec"] = r.removed
            if r.cover is not None:
                cover.id, cover.version = r.cover.shift_id, r.cover.version
            return r.changes

        def backward(s: Any) -> Changes:
            r = ed.undo_sick(s, actor, rota_id, kept["spec"], cover.id if cover_person_id else None,
                             cover.version if cover_person_id else None)
            ref.id, ref.version = r.shift_id, r.version
            return r.changes

        self.execute(f"{tr('sick')} {self._label(shift)}", forward, backward)

    # --- grid signals ------------------------------------------------------------------------------
    def _on_grid_shift_edited(self, shift: ed.DraftShift, start: int, slots: int, person_id: int) -> None:
        self.move(shift, start, slots, person_id)

    def _on_grid_add_requested(self, person_id: int, slot: int) -> None:
        self.add(self._spec_at(person_id, slot, None))

    def _spec_at(self, person_id: int, slot: int, template: ed.TemplateChoice | None) -> ed.ShiftSpec:
        day = min(slot // DAY_SLOTS, 6)
        if template is None:
            templates = self.data.week.templates if self.data else ()
            template = min(templates, key=lambda t: abs(day * DAY_SLOTS + t.start_min // SLOT_MIN - slot),
                           default=None)
        if template is None:
            return ed.ShiftSpec(person_id, day * DAY_SLOTS + 9 * 4, 8 * 4)
        return ed.ShiftSpec(person_id, day * DAY_SLOTS + template.start_min // SLOT_MIN,
                            template.duration_min // SLOT_MIN, template.id)

    def _on_grid_context_requested(self, shift: ed.DraftShift | None, person_id: int, slot: int, pos: QPoint) -> None:
        menu = self.context_menu(shift, person_id, slot)
        if menu is not None:
            menu.exec(pos)

    def context_menu(self, shift: ed.DraftShift | None, person_id: int, slot: int) -> QMenu | None:
        if self.data is None or self.data.week.rota_id is None or not self.may_edit:
            return None
        menu = QMenu(self)
        w = self.data.week
        if shift is None:
            add = menu.addMenu(tr("Add shift"))
            for t in w.templates:
                add.addAction(f"{t.name} ({t.start_min // 60:02d}:{t.start_min % 60:02d}, {t.duration_min / 60:g} h)",
                              lambda t=t: self.add(self._spec_at(person_id, slot, t)))
            return menu
        names = {a.id: a.name for a in w.agents}
        swap = menu.addMenu(tr("Swap with…"))
        same_day = [s for s in w.shifts if s.day == shift.day and s.person_id != shift.person_id]
        # the closest start times first; a long day of a big center is cut to the nearest 30
        same_day = sorted(same_day, key=lambda s: (abs(s.start - shift.start), names.get(s.person_id, "")))[:30]
        for other in sorted(same_day, key=lambda s: (s.start, names.get(s.person_id, ""))):
            swap.addAction(f"{names.get(other.person_id, other.person_id)} "
                           f"({slot_text(other.start)}–{slot_text(other.end)})",
                           lambda other=other: self.swap(shift, other))
        busy = {s.person_id for s in w.shifts if s.day == shift.day}
        give = menu.addMenu(tr("Give to…"))
        hours = {a.id: sum(s.slots for s in w.shifts if s.person_id == a.id) for a in w.agents}
        free = sorted((a for a in w.agents if a.id not in busy), key=lambda a: (hours[a.id], a.name))[:30]
        for a in sorted(free, key=lambda a: a.name):
            if a.id not in busy:
                give.addAction(a.name, lambda a=a: self.move(shift, shift.start, shift.slots, a.id))
        menu.addAction(tr("Mark sick and call in cover…"), lambda: self.ask_cover(shift))
        menu.addAction(tr("Re-plan the rest of the day…"),
                       lambda: self.ask_replan(shift.day, [shift.person_id]))
        menu.addAction(tr("Unpin") if shift.pinned else tr("Pin (a new solve keeps it)"),
                       lambda: self.pin(shift, not shift.pinned))
        menu.addSeparator()
        menu.addAction(tr("Delete shift"), lambda: self.delete(shift))
        return menu

    def ask_cover(self, shift: ed.DraftShift) -> None:
        self.ctx.tasks.query(lambda s: ed.cover_candidates(s, shift.id)).success(
            lambda c: self._choose_cover(shift, c)).failure(self._edit_failed).run()

    def _choose_cover(self, shift: ed.DraftShift, candidates: list[ed.CoverCandidate]) -> None:
        none = tr("Nobody — leave the shift open")
        items = [none] + [f"{c.name} ({c.team or '—'}, {c.hours_this_week:g} h this week"
                          + (", " + tr("overtime") if c.over_contract else "") + ")" for c in candidates]
        day = weekday_name(min(shift.day, 6))
        text, ok = QInputDialog.getItem(
            self, tr("Mark sick"), tr("%1 %2–%3: who covers? Only agents who keep 11 h rest and a day off, "
                                      "share a skill and have no time off are listed (R-SCH-5).")
            .replace("%1", day).replace("%2", slot_text(shift.start)).replace("%3", slot_text(shift.end)),
            items, 1 if candidates else 0, False)
        if ok:
            chosen = None if text == none else candidates[items.index(text) - 1].person_id
            self.sick(shift, chosen)

    # --- draft, solve, publish ---------------------------------------------------------------------
    def start_draft(self) -> None:
        actor, week = self.ctx.actor, self.week_start
        self.ctx.tasks.command(lambda s: ed.ensure_draft(s, actor, week).changes).success(self._after_edit) \
            .failure(self._edit_failed).run()

    def ask_solve(self) -> None:
        pinned = sum(1 for s in self.data.week.shifts if s.pinned) if self.data else 0
        seconds, ok = QInputDialog.getInt(
            self, tr("Solve the week"),
            tr("Optimise the week of %1 again. %2 pinned shifts are kept; the result replaces the draft. "
               "Time limit in seconds:").replace("%1", day_label(self.week_start, year=True, weekday=False)).replace("%2", str(pinned)),
            30, 5, 600)
        if ok:
            self.solve(float(seconds))

    def solve(self, time_limit: float) -> None:
        actor, week = self.ctx.actor, self.week_start
        rota_id = self.data.week.rota_id if self.data else None
        version = self.data.week.rota_version if self.data else None

        def fn(s: Any, progress: Any) -> ed.SolvedDraft:
            return ed.solve_draft(s, actor, week, rota_id, version, time_limit,
                                  progress=lambda f, m: progress.report(int(100 * f), 100, engine_text(m)),
                                  cancel=lambda: progress.cancelled)

        def done(result: ed.SolvedDraft) -> None:
            self.stack.clear()
            self.last_solve = result
            self._after_edit(result.changes)

        self.ctx.tasks.command(fn).with_progress(self, tr("Solving the rota…")).success(done) \
            .failure(self._edit_failed).run()

    # --- intraday re-plan (R-SCH-5) ----------------------------------------------------------------
    def replan_defaults(self) -> tuple[int, int]:
        """(day, minutes): now, rounded to the quarter hour, when the week is the current one; otherwise
        the day shown (or Monday) at 10:00."""
        now = clock.now().astimezone(self.ctx.timezone)
        if self.week_start <= now.date() < self.week_start + timedelta(days=7):
            minutes = min(int(round((now.hour * 60 + now.minute + now.second / 60) / SLOT_MIN)) * SLOT_MIN,
                          24 * 60 - SLOT_MIN)
            return now.weekday(), minutes
        shown = self.quality_panel.day_combo.currentData()
        return (shown if shown is not None and shown >= 0 else 0), 10 * 60

    def ask_replan(self, day: int | None = None, sick: list[int] | None = None) -> None:
        """Ask which day, from when and who went home sick (pre-filled with those marked sick)."""
        if self.data is None or not self.may_edit:
            return
        w = self.data.week
        if w.rota_id is None:  # only the published rota: re-plan a draft copy of it (published on Publish…)
            if w.published_rota_id is None:
                return
            actor, week = self.ctx.actor, self.week_start

            def drafted(changes: Changes) -> None:
                self._after_load = lambda: self.ask_replan(day, sick)
                self._after_edit(changes)

            self.ctx.tasks.command(lambda s: ed.ensure_draft(s, actor, week).changes).success(drafted) \
                .failure(self._edit_failed).run()
            return
        default_day, at_min = self.replan_defaults()
        day = default_day if day is None else day

        def fetch(s: Any) -> dict[int, list[int]]:
            return {d: rp.marked_sick(s, w.week_start, d, w.shifts, w.timezone) for d in range(7)}

        self.ctx.tasks.query(fetch).success(lambda by_day: self._open_replan(w, day, at_min, by_day, sick)) \
            .failure(self._edit_failed).run()

    def _open_replan(self, week: ed.EditorWeek, day: int, at_min: int, by_day: dict[int, list[int]],
                     sick: list[int] | None) -> None:
        dialog = ReplanDialog(week, day, at_min, by_day, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if sick:
            dialog.set_sick(sorted(set(sick) | set(by_day.get(day, []))))
        dialog.accepted.connect(lambda: self.replan(dialog.day, dialog.at_min, dialog.sick(), dialog.time_limit))
        self.replan_dialog = dialog
        dialog.open()

    def replan(self, day: int, at_min: int, sick: list[int], time_limit: float = 8.0) -> None:
        """Work out the re-plan in a worker (progress, cancel); the proposal is shown for review."""
        actor, week = self.ctx.actor, self.week_start

        def fn(s: Any, progress: Any) -> rp.ReplanProposal:
            proposal = rp.propose_replan(s, actor, week, day, at_min, sick, time_limit,
                                         progress=lambda f, m: progress.report(int(100 * f), 100, engine_text(m)),
                                         cancel=lambda: progress.cancelled)
            progress.report(100, 100, "")  # raises Cancelled when the user pressed Cancel: nothing shown
            return proposal

        self.ctx.tasks.query(fn).with_progress(self, tr("Re-planning the rest of the day…")) \
            .success(self._review_replan).failure(self._edit_failed).run()

    def _review_replan(self, proposal: rp.ReplanProposal) -> None:
        review = ReplanReview(proposal, self)
        review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        review.accepted.connect(lambda: self.apply_replan(proposal))
        self.replan_review = review
        review.open()

    def _batch_ref(self, shift_id: int, version: int) -> Ref:
        if not shift_id:  # a shift the batch creates: registered, so reloads keep its version
            ref = Ref(0, 0)
            self._refs.append(ref)
            return ref
        ref = self.ref(shift_id)
        ref.version = version  # the version the proposal saw: a change since then is a conflict
        return ref

    def apply_replan(self, proposal: rp.ReplanProposal) -> None:
        """Write the proposal to the draft as one undoable, audited edit."""
        if self.data is None or self.data.week.rota_id != proposal.rota_id:
            self.show_error(ValueError(tr("The draft was replaced (a new solve?) since the re-plan was worked "
                                          "out; re-plan again.")))
            return
        actor, rota_id = self.ctx.actor, proposal.rota_id
        ops = rp.proposal_ops(proposal, self._batch_ref)
        summary = rp.audit_summary(proposal)
        held: dict[str, list[rp.ShiftOp]] = {}

        def forward(s: Any) -> Changes:
            r = rp.apply_batch(s, actor, rota_id, ops, summary=summary)
            held["inverse"] = r.inverse
            return r.changes

        def backward(s: Any) -> Changes:
            return rp.apply_batch(s, actor, rota_id, held["inverse"], action="undo replan").changes

        day = proposal.week_start + timedelta(days=proposal.day)
        self.execute(tr("re-plan %1 from %2").replace("%1", weekday_name(day.weekday()))
                     .replace("%2", slot_text(proposal.from_slot)), forward, backward)

    def ask_publish(self) -> None:
        if self.data is None or self.data.week.rota_id is None:
            return
        w = self.data.week
        hard = sum(1 for v in self.data.quality.violations if v.hard) if self.data.quality else 0
        text = tr("Publish this draft of the week of %1 (%2 shifts)?").replace("%1", day_label(w.week_start, year=True, weekday=False)) \
            .replace("%2", str(len(w.shifts)))
        if hard:
            text += "\n\n" + tr("It still breaks %1 hard rules (see the list).").replace("%1", str(hard))
        if QMessageBox.question(self, tr("Publish rota"), text) == QMessageBox.StandardButton.Yes:
            self.publish()

    def publish(self) -> None:
        actor, rota_id, version = self.ctx.actor, self.data.week.rota_id, self.data.week.rota_version  # type: ignore

        def done(changes: Changes) -> None:
            self.stack.clear()
            self._after_edit(changes)

        self.ctx.tasks.command(lambda s: publish_rota(s, actor, rota_id, version)).success(done) \
            .failure(self._edit_failed).run()

    # --- print and export --------------------------------------------------------------------------
    def state_text(self) -> str:
        w = self.data.week if self.data else None
        if w is None:
            return ""
        return tr("Draft") if w.rota_id else tr("Published revision %1").replace("%1", str(w.published_revision))

    def print_preview(self) -> QPrintPreviewDialog | None:
        if self.data is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        setup_printer(printer)
        self.printer = printer  # the dialog does not own it: keep it alive as long as the dialog
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(tr("Print rota"))
        week, state = self.data.week, self.state_text()
        dialog.paintRequested.connect(lambda p: print_rota(p, week, state))
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def ask_export(self) -> None:
        if self.data is None:
            return
        name = f"rota-{self.week_start:%Y-%m-%d}"
        path, chosen = QFileDialog.getSaveFileName(self, tr("Export rota"), name + ".xlsx",
                                                   tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        try:
            if path.lower().endswith(".csv"):
                export_csv(self.data.week, path)  # type: ignore[union-attr]
            else:
                export_xlsx(self.data.week, path, self.state_text())  # type: ignore[union-attr]
        except OSError as exc:
            QMessageBox.warning(self, tr("Export rota"), tr("Could not write %1: %2").replace("%1", path)
                                .replace("%2", str(exc)))


def install_editor_views(workspace: Workspace, tabs: Any) -> None:
    """Add the Rota editor and Time off tabs to the Schedule workspace's tabs."""
    from ui.schedule.timeoff_view import TimeOffView

    workspace.rota_editor = RotaEditor(workspace.ctx)  # type: ignore[attr-defined]
    workspace.timeoff_view = TimeOffView(workspace.ctx)  # type: ignore[attr-defined]
    tabs.addTab(workspace.rota_editor, tr("Rota editor"))  # type: ignore[attr-defined]
    tabs.addTab(workspace.timeoff_view, tr("Time off"))  # type: ignore[attr-defined]
