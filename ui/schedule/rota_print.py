"""Printing and exporting a rota week: agents x days with shift times.

Print: landscape (A4 or Letter, as the printer is set), a header with the week, the center and
the rota's state, the table repeated over as many pages as needed, page numbers at the foot.
Export: CSV (UTF-8 with BOM so spreadsheet programs read Chinese names) or XLSX (openpyxl).
"""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter

from app.rota.model import DAY_SLOTS, SLOT_MIN
from app.schedule.editing import EditorWeek
from ui.schedule.rota_grid import slot_text


def tr(text: str) -> str:
    return QCoreApplication.translate("rota_editor", text)


def table_rows(week: EditorWeek) -> list[list[str]]:
    """Header row, then per agent: name, team, Monday..Sunday (times or empty), paid-and-break hours."""
    days = [week.week_start + timedelta(days=d) for d in range(7)]
    head = [tr("Agent"), tr("Team")] + [d.strftime("%a %d %b") for d in days] + [tr("Hours")]
    rows = [head]
    for a in week.agents:
        mine = week.shifts_of(a.id)
        cells = [""] * 7
        for s in mine:
            text = f"{slot_text(s.start)}–{slot_text(s.end)}" + (" +1" if s.end >= (s.day + 1) * DAY_SLOTS else "")
            d = min(s.day, 6)
            cells[d] = f"{cells[d]}\n{text}" if cells[d] else text
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
    ws.append([f"{week.center_name} — {tr('Rota, week of')} {week.week_start:%d %b %Y} ({state})"])
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


def print_rota(printer: QPrinter, week: EditorWeek, state: str) -> int:
    """Paint the rota on ``printer``; returns the number of pages."""
    rows = table_rows(week)
    head, body = rows[0], rows[1:]
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        # work in 1/96 inch units, whatever the printer's resolution
        scale = printer.resolution() / 96.0
        painter.scale(scale, scale)
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        width, height = page.width() / scale, page.height() / scale
        title_font = QFont("Sans Serif")
        title_font.setPixelSize(17)
        title_font.setBold(True)
        font = QFont("Sans Serif")
        font.setPixelSize(10)
        bold = QFont(font)
        bold.setBold(True)
        widths_rel = [2.2, 1.5] + [1.25] * 7 + [0.7]
        unit = width / sum(widths_rel)
        widths = [w * unit for w in widths_rel]
        top = 58.0
        head_h = 20.0
        line_h = 13.0
        foot = 22.0

        def row_height(row: list[str]) -> float:
            return max(c.count("\n") + 1 for c in row) * line_h + 5

        pages: list[list[list[str]]] = [[]]
        y = top + head_h
        for row in body:
            h = row_height(row)
            if y + h > height - foot and pages[-1]:
                pages.append([])
                y = top + head_h
            pages[-1].append(row)
            y += h
        grid = QPen(QColor("#b8c0cc"), 0.6)
        for n, chunk in enumerate(pages, 1):
            if n > 1:
                printer.newPage()
            painter.setFont(title_font)
            painter.setPen(QColor("#1d2733"))
            painter.drawText(QRectF(0, 0, width, 24), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{tr('Rota')} — {tr('week of')} {week.week_start:%d %b %Y}")
            painter.setFont(font)
            painter.drawText(QRectF(0, 26, width, 18), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{week.center_name} · {state} · {len(week.agents)} {tr('agents')} · "
                             f"{sum(s.slots for s in week.shifts) * SLOT_MIN / 60:g} {tr('h scheduled')}")
            x = 0.0
            painter.fillRect(QRectF(0, top, width, head_h), QColor("#dde6f5"))
            painter.setFont(bold)
            for text, w in zip(head, widths, strict=True):
                painter.drawText(QRectF(x + 4, top, w - 8, head_h), Qt.AlignmentFlag.AlignVCenter, text)
                x += w
            painter.setFont(font)
            y = top + head_h
            for i, row in enumerate(chunk):
                h = row_height(row)
                if i % 2:
                    painter.fillRect(QRectF(0, y, width, h), QColor("#f4f6fa"))
                x = 0.0
                for j, (text, w) in enumerate(zip(row, widths, strict=True)):
                    align = Qt.AlignmentFlag.AlignTop | (Qt.AlignmentFlag.AlignRight if j == len(row) - 1
                                                          else Qt.AlignmentFlag.AlignLeft)
                    painter.setPen(QColor("#1d2733"))
                    painter.drawText(QRectF(x + 4, y + 2, w - 8, h - 2), align, text)
                    x += w
                painter.setPen(grid)
                painter.drawLine(0, int(y + h), int(width), int(y + h))
                y += h
            x = 0.0
            painter.setPen(grid)
            for w in widths[:-1]:
                x += w
                painter.drawLine(int(x), int(top), int(x), int(y))
            painter.drawRect(QRectF(0, top, width, y - top))
            painter.setPen(QColor("#5a6573"))
            painter.drawText(QRectF(0, height - 16, width, 16), Qt.AlignmentFlag.AlignRight,
                             tr("Page %1 of %2").replace("%1", str(n)).replace("%2", str(len(pages))))
            painter.drawText(QRectF(0, height - 16, width, 16), Qt.AlignmentFlag.AlignLeft, "Floorwalker")
        return len(pages)
    finally:
        painter.end()
