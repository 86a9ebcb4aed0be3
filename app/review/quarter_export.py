"""The quarterly review as a table: one row per agent, written as CSV (UTF-8 with BOM) or XLSX.

Shares are percentages and times in their unit, rounded as the pack prints them; the caller can
give translated headings (the console does), the command line uses the English ones.
"""

from __future__ import annotations

import csv
from pathlib import Path

from app.i18n import N_, Message
from app.review.kpi import INDICATORS
from app.review.quarterly import AgentReview, QuarterReview

BASE_HEADINGS = ["Team", "Agent", "Employee no", "KPI score", "Rank in team", "Under target", "Basic", "Quality",
                 "Additional"]
TAIL_HEADINGS = ["QA reviews", "QA mean", "QA 95% low", "QA 95% high", "QA violations", "Contacts handled",
                 "Complaints owned", "Complaints escalated", "Shifts rostered", "Shifts attended", "Training hours",
                 "Employed share", "Missing indicators", "Comment", "Plans this quarter", "Open plans carried",
                 "Auto-QA chats", "Auto-QA service code kept (%)", "Auto-QA first reply on time (%)"]


def default_headings() -> list[str]:
    return BASE_HEADINGS + [f"{i.rule_id} {i.label}" for i in INDICATORS] + TAIL_HEADINGS


def _num(value: float | None, decimals: int = 2) -> float | str:
    return "" if value is None else round(float(value), decimals)


def _indicator_cell(kind: str, value: float | None) -> float | str:
    if value is None:
        return ""
    if kind == "share":
        return round(value * 100.0, 2)
    return round(float(value), 2)


def agent_row(a: AgentReview) -> list[object]:
    f = a.figures
    groups = {g.group: g.points for g in f.groups}
    by_rule = {i.rule_id: i for i in f.indicators}
    return [f.team or "", f.name, f.employee_no, _num(f.total, 1), f.rank or "", "yes" if f.under_target else "no",
            _num(groups.get("basic"), 1), _num(groups.get("quality"), 1), _num(groups.get("additional"), 1),
            *[_indicator_cell(i.kind, by_rule[i.rule_id].value if i.rule_id in by_rule else None) for i in INDICATORS],
            f.qa.reviews, _num(f.qa.mean), _num(f.qa.low), _num(f.qa.high), f.qa.violations, f.handled,
            f.complaints_owned, f.complaints_escalated, f.rostered_shifts, f.attended_shifts,
            _num(f.training_hours, 1), _num(f.employed_share, 3), " ".join(f.missing), a.comment,
            "; ".join(f"{p.goal} (by {p.deadline.isoformat()}, {p.status})" for p in a.plans),
            "; ".join(f"{p.goal} ({p.quarter})" for p in a.carried_plans), f.autoqa_checked,
            _indicator_cell("share", f.autoqa_code_share), _indicator_cell("share", f.autoqa_first_reply_share)]


def write_quarter(review: QuarterReview, path: Path, *, headings: list[str] | None = None) -> int:
    """Write CSV or XLSX by the file's suffix; the file appears whole or not at all. Returns rows written."""
    headings = headings or default_headings()
    if len(headings) != len(default_headings()):
        raise ValueError(N_("one heading per column is needed"))
    rows = [agent_row(a) for a in review.agents]
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(Message(N_("Export to .csv or .xlsx, not '{value}'."), value=path.suffix or path.name))
    tmp = path.with_name(path.name + ".part")
    try:
        if suffix == ".csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(headings)
                writer.writerows(rows)
        else:
            from openpyxl import Workbook
            from openpyxl.styles import Font

            wb = Workbook()
            ws = wb.active
            ws.title = review.quarter
            ws.append(headings)
            for cell in ws[1]:
                cell.font = Font(bold=True)
            for row in rows:
                ws.append(row)
            ws.freeze_panes = "C2"
            meta = wb.create_sheet("About")
            meta.append(["Center", review.center])
            meta.append(["Quarter", review.quarter])
            meta.append(["Status", review.status])
            meta.append(["Published by", review.published_by or ""])
            for rule_id, weight in review.weights.items():
                meta.append([f"{rule_id} weight", weight])
            for note in review.notes:
                meta.append(["Note", note.text])
            wb.save(tmp)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return len(rows)
