"""Column mapping for the complaint import: which column of another system's file feeds which field.

The importer (``app/complaints/importer.py``) reads its own column names; a mapping renames the
file's columns to those names and rewrites dates in a detected format as ISO, into a temporary
CSV that keeps the data-row numbers, so every reason the importer gives points at the right row
of the user's file. Plain Python, no Qt: the dialog and its tests share it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.complaints.importer import COLUMNS, REQUIRED
from app.imports.reading import open_table

DATE_FIELDS = ("opened_at", "expected_resolution_at", "closed_at")
ISO = "%Y-%m-%d %H:%M:%S"
# day-first before month-first: the centers this console serves write 03/11/2026 for 3 November
DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y.%m.%d %H:%M",
    "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%d.%m.%Y %H:%M",
    "%d-%m-%Y %H:%M", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日 %H时%M分", "%Y%m%d %H%M%S", "%Y%m%d%H%M",
    "%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y",
)
# other systems' names for our columns (case-insensitive; Chinese exports included)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "reference": ("ref", "id", "ticket", "ticket_id", "case", "case_id", "case_no", "编号", "工单号", "单号"),
    "kind": ("type", "类型"),
    "channel": ("source", "渠道", "来源"),
    "category": ("category", "分类", "类别", "投诉类别"),
    "priority": ("urgency", "优先级", "紧急程度"),
    "stage": ("status", "state", "状态", "阶段"),
    "summary": ("description", "subject", "title", "details", "内容", "摘要", "问题描述"),
    "customer_phone": ("phone", "mobile", "tel", "电话", "手机", "联系电话"),
    "customer_name": ("customer", "name", "客户", "客户姓名", "姓名"),
    "vip": ("is_vip", "vip客户"),
    "owner": ("agent", "assignee", "handler", "负责人", "处理人"),
    "team": ("group", "班组", "团队"),
    "departments": ("department", "depts", "部门", "涉及部门"),
    "temporary_solution": ("workaround", "interim", "临时方案", "临时解决方案"),
    "opened_at": ("created", "created_at", "opened", "date", "受理时间", "创建时间"),
    "expected_resolution_at": ("eta", "due", "due_at", "预计解决时间"),
    "closed_at": ("closed", "resolved_at", "结案时间", "关闭时间"),
}


class MappingProblem(ValueError):
    """The mapping cannot be used (a required field has no column)."""


@dataclass(frozen=True)
class ComplaintMapping:
    columns: dict[str, str]  # field -> the file's column
    date_format: str | None = None  # None: the importer's own recognition

    def to_json(self) -> dict[str, object]:
        return {"columns": dict(self.columns), "date_format": self.date_format}

    @classmethod
    def from_json(cls, data: object) -> ComplaintMapping:
        if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
            return cls({})
        columns = {str(k): str(v) for k, v in data["columns"].items() if k in COLUMNS and v}
        fmt = data.get("date_format")
        return cls(columns, str(fmt) if fmt else None)

    def missing(self) -> list[str]:
        return [f for f in REQUIRED if not self.columns.get(f)]


def _key(text: str) -> str:
    return text.strip().casefold().replace(" ", "_").replace("-", "_")


def guess_mapping(header: Sequence[str]) -> dict[str, str]:
    """Each field's column by its own name first, then by a known synonym (each column used once)."""
    by_key = {_key(h): h for h in header if h.strip()}
    out: dict[str, str] = {}
    used: set[str] = set()
    for f in COLUMNS:
        for name in (f, *SYNONYMS.get(f, ())):
            h = by_key.get(_key(name))
            if h is not None and h not in used:
                out[f] = h
                used.add(h)
                break
    return out


@dataclass(frozen=True)
class DateGuess:
    date_format: str | None  # None: ISO or nothing to go by
    samples: int
    ambiguous: tuple[str, ...] = field(default=())  # other formats that read every sample too


def detect_date_format(values: Iterable[str]) -> DateGuess:
    samples = [v.strip() for v in values if v and v.strip()][:200]
    if not samples:
        return DateGuess(None, 0)
    fits = []
    for fmt in DATE_FORMATS:
        try:
            for v in samples:
                datetime.strptime(v, fmt)
        except ValueError:
            continue
        fits.append(fmt)
    if not fits:
        return DateGuess(None, len(samples))
    return DateGuess(fits[0], len(samples), tuple(fits[1:]))


def read_sample(path: Path, rows: int = 200) -> tuple[tuple[str, ...], list[tuple[str, ...]], str | None]:
    """The header, the first ``rows`` data rows and the encoding of a CSV or XLSX file."""
    with open_table(Path(path)) as table:
        data = []
        for _, values in table.rows:
            data.append(values)
            if len(data) >= rows:
                break
        return table.header, data, table.encoding


def column_values(header: Sequence[str], rows: Sequence[Sequence[str]], column: str) -> list[str]:
    if column not in header:
        return []
    i = list(header).index(column)
    return [r[i] for r in rows if i < len(r)]


def remap_file(source: Path, mapping: ComplaintMapping, target: Path, *, limit: int | None = None) -> int:
    """Write ``source`` as a CSV with the importer's column names (data-row numbers kept); the rows written."""
    missing = mapping.missing()
    if missing:
        raise MappingProblem("No column chosen for: " + ", ".join(missing))
    fields = [f for f in COLUMNS if mapping.columns.get(f)]
    with open_table(Path(source)) as table:
        header = list(table.header)
        absent = [mapping.columns[f] for f in fields if mapping.columns[f] not in header]
        if absent:
            raise MappingProblem("The file has no column " + ", ".join(repr(a) for a in absent))
        index = [header.index(mapping.columns[f]) for f in fields]
        dates = {n for n, f in enumerate(fields) if f in DATE_FIELDS}
        written = 0
        with Path(target).open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(fields)
            for number, values in table.rows:
                if limit is not None and number > limit:
                    break
                while written < number - 1:  # blank rows keep their numbers
                    w.writerow([""] * len(fields))
                    written += 1
                cells = [values[i] if i < len(values) else "" for i in index]
                if mapping.date_format:
                    cells = [_iso(c, mapping.date_format) if n in dates else c for n, c in enumerate(cells)]
                w.writerow(cells)
                written += 1
    return written


def _iso(value: str, fmt: str) -> str:
    v = value.strip()
    if not v:
        return v
    try:
        return datetime.strptime(v, fmt).strftime(ISO)
    except ValueError:
        return v  # left as written: the importer names the row and the value


def failed_rows(source: Path, numbers: Iterable[int]) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]]]:
    """The header and the original cells of the given data rows (for the failed-rows download)."""
    wanted = set(numbers)
    out: dict[int, tuple[str, ...]] = {}
    with open_table(Path(source)) as table:
        for number, values in table.rows:
            if number in wanted:
                out[number] = values
                if len(out) == len(wanted):
                    break
        return table.header, out


def write_failed_rows(target: Path, source: Path, issues: Sequence[object]) -> int:
    """The rows that were not imported: row, reason, detail, then the row as it was in the file."""
    header, rows = failed_rows(source, [getattr(i, "row", 0) for i in issues])
    with Path(target).open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["row", "reason", "detail", *header])
        for issue in issues:
            number = getattr(issue, "row", 0)
            w.writerow([number, getattr(issue, "code", ""), getattr(issue, "message", ""), *rows.get(number, ())])
    return len(issues)

