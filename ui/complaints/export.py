"""Export what a view shows to CSV (UTF-8 with BOM, so Excel reads it right) or XLSX."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path


def export_rows(path: str | Path, headers: Sequence[str], rows: Sequence[Sequence[object]],
                sheet: str = "Complaints") -> int:
    """Write ``rows`` under ``headers``; the format follows the suffix (.xlsx, else CSV). Returns the row count."""
    target = Path(path)
    if target.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        wb = Workbook(write_only=True)
        ws = wb.create_sheet(sheet[:31])

        def cell(value: object) -> WriteOnlyCell:
            c = WriteOnlyCell(ws, value="" if value is None else str(value))
            c.data_type = "s"  # a summary starting with "=" is text, never a formula
            return c

        ws.append([cell(h) for h in headers])
        for row in rows:
            ws.append([cell(v) for v in row])
        wb.save(str(target))
    else:
        with target.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(headers)
            for row in rows:
                writer.writerow([_csv_safe(v) for v in row])
    return len(rows)


def _csv_safe(value: object) -> object:
    """A cell a spreadsheet would run as a formula ("=HYPERLINK(...)") is written as text."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "@", "\t", "\r"):
        return "'" + value
    return value
