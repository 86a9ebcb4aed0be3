"""Printing and exporting a rota week: agents x days with shift times.

Print: landscape (A4 or Letter, as the printer is set), a header with the week, the center and
the rota's state, the table repeated over as many pages as needed, page numbers at the foot.
Export: CSV (UTF-8 with BOM so spreadsheet programs read Chinese names) or XLSX (openpyxl).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter

from app.rota.model import SLOT_MIN
from app.schedule.editing import DraftShift, EditorWeek
from ui.schedule.dates import day_label
from ui.schedule.rota_grid import bar_color, span_text


def tr(text: str) -> str:
    return QCoreApplication.translate("rota_editor", text)


def day_heads(week: EditorWeek) -> list[str]:
    return [day_label(week.week_start + timedelta(days=d)) for d in range(7)]


def cell_text(s: DraftShift) -> str:
    return span_text(s.start, s.end)


def table_rows(week: EditorWeek) -> list[list[str]]:
    """Header row, then per agent: name, team, Monday..Sunday (times or empty), paid-and-break hours."""
    head = [tr("Agent"), tr("Team"), *day_heads(week), tr("Hours")]
    rows = [head]
    for a in week.agents:
        mine = week.shifts_of(a.id)
        cells = [""] * 7
        for s in mine:
            d = min(s.day, 6)
            cells[d] = f"{cells[d]}\n{cell_text(s)}" if cells[d] else cell_text(s)
        hours = sum(s.slots for s in mine) * SLOT_MIN / 60
        rows.append([a.name, a.team or "", *cells, f"{hours:g}" if hours else ""])
    return rows


def export_csv(week: EditorWeek, path: str | Path) -> None:
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        for row in table_rows(week):
            writer.writerow([c.replace("\n", " / ") for c in row])


def export_xlsx(week: EditorWeek, path: str | Path, state: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = week.week_start.strftime("%Y-%m-%d")
    ws.append([f"{week.center_name} — {tr('Rota, week of')} {day_label(week.week_start, year=True)} ({state})"])
    ws["A1"].font = Font(bold=True, size=13)
    rows = table_rows(week)
    ws.append([])
    for i, row in enumerate(rows):
        ws.append(row)
        if i == 0:
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor="DDE6F5")
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [22, 16] + [15] * 7 + [8]
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = w
    ws.freeze_panes = "C4"
    wb.save(path)


def setup_printer(printer: QPrinter) -> None:
    layout = printer.pageLayout()
    size = layout.pageSize()
    if size.id() not in (QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter):
        size = QPageSize(QPageSize.PageSizeId.A4)
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Landscape, QMarginsF(12, 12, 12, 12),
                                      QPageLayout.Unit.Millimeter))


@dataclass
class _Row:
    kind: str  # team / agent / total
    label: str
    cells: list[list[DraftShift]]
    hours: float = 0.0
    counts: list[int] | None = None


def _rows(week: EditorWeek) -> list[_Row]:
    out: list[_Row] = []
    team: object = object()
    sizes: dict[str | None, int] = {}
    for a in week.agents:
        sizes[a.team] = sizes.get(a.team, 0) + 1
    for a in week.agents:
        if a.team != team:
            team = a.team
            out.append(_Row("team", tr("%1 (%2)").replace("%1", a.team or tr("No team"))
                            .replace("%2", str(sizes[a.team])), []))
        cells: list[list[DraftShift]] = [[] for _ in range(7)]
        mine = week.shifts_of(a.id)
        for s in mine:
            cells[min(s.day, 6)].append(s)
        out.append(_Row("agent", a.name, cells, sum(s.slots for s in mine) * SLOT_MIN / 60))
    return out


def print_rota(printer: QPrinter, week: EditorWeek, state: str) -> int:
    """Paint the rota on ``printer`` (landscape; the width fits the page, rows run over as many pages
    as needed, grouped by team, the day header repeated); returns the number of pages."""
    rows = _rows(week)
    counts = [len({s.person_id for s in week.shifts if min(s.day, 6) == d}) for d in range(7)]
    total_hours = sum(s.slots for s in week.shifts) * SLOT_MIN / 60
    templates: dict[str, QColor] = {}
    for s in week.shifts:
        if s.template and s.template not in templates:
            templates[s.template] = bar_color(s)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        # work in 1/96 inch units, whatever the printer's resolution
        scale = printer.resolution() / 96.0
        painter.scale(scale, scale)
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        width, height = page.width() / scale, page.height() / scale
        family = QFont().defaultFamily() or "Sans Serif"
        title_font = QFont(family)
        title_font.setPixelSize(18)
        title_font.setBold(True)
        font = QFont(family)
        font.setPixelSize(10)
        small = QFont(family)
        small.setPixelSize(9)
        bold = QFont(font)
        bold.setBold(True)
        widths_rel = [2.0] + [1.3] * 7 + [0.6]
        unit = width / sum(widths_rel)
        widths = [w * unit for w in widths_rel]
        top = 70.0
        head_h = 22.0
        line_h = 13.0
        team_h = 16.0
        foot = 24.0
        ink, grey, grid_c = QColor("#1d2733"), QColor("#5a6573"), QColor("#c3cad5")

        def row_height(r: _Row) -> float:
            if r.kind == "team":
                return team_h
            return max([1, *(len(c) for c in r.cells)]) * line_h + 3

        # pages: rows until the foot (the total row on the last page); a team header never ends a page
        pages: list[list[_Row]] = [[]]
        y = top + head_h
        for i, r in enumerate(rows):
            h = row_height(r)
            need = h + (row_height(rows[i + 1]) if r.kind == "team" and i + 1 < len(rows) else 0)
            if y + need > height - foot - line_h - 8 and pages[-1]:
                pages.append([])
                y = top + head_h
                if r.kind == "agent":  # the team goes on: say so at the top of the page
                    team = next(x for x in reversed(rows[:i]) if x.kind == "team")
                    pages[-1].append(_Row("team", team.label + " " + tr("(continued)"), []))
                    y += team_h
            pages[-1].append(r)
            y += h
        pages[-1].append(_Row("total", tr("On shift"), [], total_hours, counts))
        first_day, last_day = week.week_start, week.week_start + timedelta(days=6)
        title = tr("Rota · week %1 · %2 – %3").replace("%1", str(first_day.isocalendar().week)) \
            .replace("%2", day_label(first_day, weekday=False)).replace("%3", day_label(last_day, year=True,
                                                                                         weekday=False))
        hours = QLocale().toString(total_hours, "f", 0 if float(total_hours).is_integer() else 1)
        sub = " · ".join([week.center_name, state, tr("%1 agents").replace("%1", str(len(week.agents))),
                          tr("%1 h scheduled").replace("%1", hours),
                          tr("times are center-local (%1)").replace("%1", week.timezone)])
        printed = tr("Printed %1").replace("%1", QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm"))
        for n, chunk in enumerate(pages, 1):
            if n > 1:
                printer.newPage()
            painter.setPen(ink)
            painter.setFont(title_font)
            painter.drawText(QRectF(0, 0, width, 26), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
            painter.setFont(font)
            painter.setPen(grey)
            painter.drawText(QRectF(0, 28, width, 18), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, sub)
            # legend: the shift templates' colours
            x = 0.0
            painter.setFont(small)
            for name, color in templates.items():
                chip = QColor(color)
                chip.setAlpha(90)
                painter.fillRect(QRectF(x, 52, 12, 10), chip)
                painter.setPen(QPen(color.darker(130), 0.6))
                painter.drawRect(QRectF(x, 52, 12, 10))
                painter.setPen(grey)
                tw = painter.fontMetrics().horizontalAdvance(name)
                painter.drawText(QRectF(x + 16, 48, tw + 4, 18), Qt.AlignmentFlag.AlignVCenter, name)
                x += 16 + tw + 18
            # column header
            painter.fillRect(QRectF(0, top, width, head_h), QColor("#dde6f5"))
            painter.setPen(ink)
            painter.setFont(bold)
            heads = [tr("Agent"), *day_heads(week), tr("Hours")]
            x = 0.0
            for j, (text, w) in enumerate(zip(heads, widths, strict=True)):
                align = Qt.AlignmentFlag.AlignVCenter | (Qt.AlignmentFlag.AlignLeft if j == 0 else
                                                         Qt.AlignmentFlag.AlignRight if j == len(heads) - 1
                                                         else Qt.AlignmentFlag.AlignHCenter)
                painter.drawText(QRectF(x + 5, top, w - 10, head_h), align, text)
                x += w
            y = top + head_h
            stripe = 0
            for r in chunk:
                h = row_height(r) if r.kind != "total" else line_h + 6
                if r.kind == "team":
                    painter.fillRect(QRectF(0, y, width, h), QColor("#eef1f6"))
                    painter.setFont(bold)
                    painter.setPen(ink)
                    painter.drawText(QRectF(5, y, width - 10, h), Qt.AlignmentFlag.AlignVCenter, r.label)
                    stripe = 0
                elif r.kind == "total":
                    painter.fillRect(QRectF(0, y, width, h), QColor("#dde6f5"))
                    painter.setFont(bold)
                    painter.setPen(ink)
                    painter.drawText(QRectF(5, y, widths[0] - 10, h), Qt.AlignmentFlag.AlignVCenter, r.label)
                    x = widths[0]
                    for d in range(7):
                        painter.drawText(QRectF(x, y, widths[d + 1], h), Qt.AlignmentFlag.AlignCenter,
                                         str((r.counts or [0] * 7)[d]))
                        x += widths[d + 1]
                    painter.drawText(QRectF(x + 2, y, widths[-1] - 7, h),
                                     Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, hours)
                else:
                    if stripe % 2:
                        painter.fillRect(QRectF(0, y, width, h), QColor("#f6f8fb"))
                    stripe += 1
                    painter.setFont(font)
                    painter.setPen(ink)
                    painter.drawText(QRectF(5, y, widths[0] - 10, h), Qt.AlignmentFlag.AlignVCenter, r.label)
                    x = widths[0]
                    for d in range(7):
                        w = widths[d + 1]
                        for k, sh in enumerate(r.cells[d]):
                            cell = QRectF(x + 3, y + 1.5 + k * line_h, w - 6, line_h - 1)
                            fill = QColor(bar_color(sh))
                            fill.setAlpha(70)
                            painter.fillRect(cell, fill)
                            painter.setPen(ink)
                            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, cell_text(sh))
                        if not r.cells[d]:
                            painter.setPen(QColor("#a0a8b4"))
                            painter.setFont(small)
                            painter.drawText(QRectF(x, y, w, h), Qt.AlignmentFlag.AlignCenter, tr("off"))
                            painter.setFont(font)
                        x += w
                    painter.setPen(ink)
                    painter.drawText(QRectF(x + 2, y, widths[-1] - 7, h),
                                     Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                                     f"{r.hours:g}" if r.hours else "")
                painter.setPen(QPen(grid_c, 0.6))
                painter.drawLine(QPointF(0, y + h), QPointF(width, y + h))
                if r.kind != "team":
                    x = 0.0
                    for w in widths[:-1]:
                        x += w
                        painter.drawLine(QPointF(x, y), QPointF(x, y + h))
                y += h
            painter.setPen(QPen(grid_c, 0.6))
            x = 0.0
            for w in widths[:-1]:
                x += w
                painter.drawLine(QPointF(x, top), QPointF(x, top + head_h))
            painter.drawRect(QRectF(0, top, width, y - top))
            painter.setFont(small)
            painter.setPen(grey)
            painter.drawText(QRectF(0, height - 16, width, 16), Qt.AlignmentFlag.AlignRight,
                             tr("Page %1 of %2").replace("%1", str(n)).replace("%2", str(len(pages))))
            painter.drawText(QRectF(0, height - 16, width, 16), Qt.AlignmentFlag.AlignLeft,
                             "Floorwalker · " + printed)  # notr
        return len(pages)
    finally:
        painter.end()
