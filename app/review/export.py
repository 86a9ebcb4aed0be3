"""The month report as CSV: one row per agent, a subtotal row per team and the total.

Shares are written as percentages and times in their unit, rounded the way the screen shows
them, so the file opens in a spreadsheet looking like the table. The caller supplies the
(translated) column headings; the file is UTF-8 with a byte-order mark so Excel reads
Chinese names correctly.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from app.i18n import N_, Message
from app.review.monthly import FIGURES, Figure, MonthReport

DECIMALS = {"count": 0, "decimal": 1, "seconds": 1, "share": 1, "hours": 2, "rating": 2, "score": 1}


def csv_value(figure: Figure, value: float | None) -> str:
    if value is None:
        return ""
    if figure.kind == "share":
        value *= 100.0
    decimals = DECIMALS[figure.kind]
    return str(int(round(value))) if decimals == 0 else f"{value:.{decimals}f}"


def report_rows(report: MonthReport, *, team_total_label: str, center_total_label: str
                ) -> list[tuple[str, str, str, list[str]]]:
    """(row kind, team, agent, figure values) in screen order: agents, then their team's subtotal."""
    rows: list[tuple[str, str, str, list[str]]] = []
    for team in report.teams:
        for agent in report.agents_of(team.team_id):
            rows.append(("agent", agent.team or "", agent.name,
                         [csv_value(f, agent.value(f.key)) for f in FIGURES]))
        rows.append(("team", team.team or "", team_total_label,
                     [csv_value(f, team.value(f.key)) for f in FIGURES]))
    rows.append(("total", "", center_total_label, [csv_value(f, report.total.value(f.key)) for f in FIGURES]))
    return rows


def _number(value: object) -> object:
    """Numbers written as text (as the screen rounds them) become numbers in a workbook."""
    if isinstance(value, str) and value:
        try:
            return float(value) if any(c in value for c in ".eE") else int(value)
        except ValueError:
            return value
    return value


def write_table(path: Path, headings: Sequence[str], rows: Sequence[Sequence[object]], *, sheet: str = "Report") -> int:
    """A table as CSV (UTF-8 with BOM) or XLSX, by the file's suffix; the file appears whole or not at all."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(Message(N_("Export to .csv or .xlsx, not '{value}'."), value=path.suffix or path.name))
    tmp = path.with_name(path.name + ".part")
    try:
        if suffix == ".csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(list(headings))
                writer.writerows(rows)
        else:
            from openpyxl import Workbook
            from openpyxl.styles import Font

            wb = Workbook()
            ws = wb.active
            ws.title = sheet[:31]
            ws.append([h.replace("\n", " ") for h in headings])
            for cell in ws[1]:
                cell.font = Font(bold=True)
            for row in rows:
                ws.append([_number(v) for v in row])
            ws.freeze_panes = "A2"
            wb.save(tmp)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return len(rows)


def write_report_csv(report: MonthReport, target: Path | IO[str], *, headings: Sequence[str],
                     team_total_label: str = "Team total", center_total_label: str = "All agents") -> int:
    """Write the report; ``headings`` = [team, agent, *one per FIGURES]. Returns the rows written.

    A path ending in .xlsx gets a workbook instead of CSV."""
    if len(headings) != 2 + len(FIGURES):
        raise ValueError(N_("one heading for team, agent and each figure is needed"))
    rows = report_rows(report, team_total_label=team_total_label, center_total_label=center_total_label)
    if isinstance(target, Path) and target.suffix.lower() not in (".csv", ".xlsx"):
        raise ValueError(Message(N_("Export to .csv or .xlsx, not '{value}'."), value=target.suffix or target.name))
    if isinstance(target, Path) and target.suffix.lower() == ".xlsx":
        return write_table(target, headings, [[team, agent, *values] for _k, team, agent, values in rows],
                           sheet=report.month.key)
    if isinstance(target, Path):
        with target.open("w", encoding="utf-8-sig", newline="") as fh:
            return _write(fh, headings, rows)
    return _write(target, headings, rows)


def _write(fh: IO[str], headings: Sequence[str], rows: list[tuple[str, str, str, list[str]]]) -> int:
    writer = csv.writer(fh)
    writer.writerow(list(headings))
    for _kind, team, agent, values in rows:
        writer.writerow([team, agent, *values])
    return len(rows)
