"""Property tests: malformed rows, cells and bytes never crash the complaint importer, never half-write."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.complaints.importer import COLUMNS, import_complaints
from app.imports.reading import ImportFileError
from db.database import Database
from db.models import AuditEntry, Complaint, ComplaintEvent
from tests import factories

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
PLAUSIBLE = {
    "reference": st.one_of(st.from_regex(r"\AR-[0-9]{1,3}\Z"), TEXT, st.text(min_size=30, max_size=40)),
    "kind": st.sampled_from(["", "complaint", "service_request", "投诉", "工单", "bogus"]),
    "channel": st.sampled_from(["", "phone", "chat", "电话", "fax"]),
    "category": st.sampled_from(["", "logistics", "物流", "产品质量", "Other", "weather"]),
    "priority": st.sampled_from(["", "urgent", "紧急", "special", "high"]),
    "stage": st.sampled_from(["", "accept", "closed", "关闭", "处理", "done"]),
    "summary": st.one_of(st.just(""), TEXT),
    "customer_phone": st.sampled_from(["", "13812345678", "13900001111", "+86 21 5555 0000"]),
    "customer_name": st.sampled_from(["", "张三", "Li Si"]),
    "vip": st.sampled_from(["", "yes", "否", "maybe"]),
    "owner": st.sampled_from(["", "王芳", "nobody"]),
    "team": st.sampled_from(["", "一组", "no team"]),
    "departments": st.sampled_from(["", "a;b", "；;;", "客服部"]),
    "temporary_solution": TEXT,
    "opened_at": st.sampled_from(["", "2026-11-10 09:30", "2026/11/11", "2026-02-30", "0001-01-01", "tomorrow",
                                  "9999-12-31 23:59"]),
    "expected_resolution_at": st.sampled_from(["", "2026-11-12 18:00", "x"]),
    "closed_at": st.sampled_from(["", "2026-11-09 00:00", "2026-11-20 10:00", "20261120"]),
}
CLEAN = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Z")), max_size=12)
VALID = dict(PLAUSIBLE, reference=st.from_regex(r"\AV-[0-9]{1,6}\Z"), kind=st.sampled_from(["", "投诉"]),
             channel=st.just(""), category=st.sampled_from(["logistics", "物流"]),
             priority=st.sampled_from(["", "紧急"]), stage=st.sampled_from(["", "处理"]),
             summary=CLEAN.filter(str.strip), vip=st.sampled_from(["", "是"]),
             owner=st.sampled_from(["", "王芳"]), team=st.sampled_from(["", "一组"]),
             temporary_solution=CLEAN, opened_at=st.just("2026-11-10 09:30"),
             expected_resolution_at=st.just(""), closed_at=st.just(""))
GOOD = st.fixed_dictionaries(VALID).map(lambda d: [d[c] for c in COLUMNS])
ROW = st.fixed_dictionaries(PLAUSIBLE).map(lambda d: [d[c] for c in COLUMNS])
RAGGED = st.lists(TEXT, max_size=len(COLUMNS) + 3)  # too short, too long, garbage


@pytest.fixture
def db(any_db: Database) -> Iterator[Database]:
    with any_db.session() as s:
        c = factories.center(s)
        t = factories.team(s, c, "一组")
        factories.person(s, c, t, name="王芳", title="supervisor")
    yield any_db


def _counts(db: Database) -> tuple[int, int, int]:
    with db.session() as s:
        return (s.scalar(select(func.count()).select_from(Complaint)),
                s.scalar(select(func.count()).select_from(ComplaintEvent)),
                s.scalar(select(func.count()).select_from(AuditEntry)))


def _check(db: Database, path: Path, batch_rows: int = 3) -> None:
    """The importer's contract on any file: a clear error and nothing written, or exactly the imported rows."""
    before = _counts(db)
    try:
        result = import_complaints(db, path, batch_rows=batch_rows)
    except ImportFileError as exc:
        event("file refused")
        assert str(exc)
        assert _counts(db) == before
        return
    event("some rows imported" if result.rows_imported else "no row imported")
    after = _counts(db)
    assert after[0] - before[0] == result.rows_imported
    assert after[1] - before[1] == result.rows_imported  # every complaint has its "created" event
    assert after[2] - before[2] == 1  # one audit entry per import
    assert result.rows_imported + len(result.skipped) == result.rows_read
    assert all(i.message for i in result.skipped)
    again = import_complaints(db, path, batch_rows=batch_rows)
    assert again.rows_imported == 0 and _counts(db)[0] == after[0]


@SETTINGS
@given(rows=st.lists(st.one_of(GOOD, ROW, RAGGED), max_size=8), delimiter=st.sampled_from([",", ";", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_random_rows_and_cells_never_crash_or_half_write(db: Database, tmp_path: Path, rows: list[list[str]],
                                                         delimiter: str, encoding: str) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    path = tmp_path / "rows.csv"
    path.write_bytes(buf.getvalue().encode(encoding, errors="replace"))
    _check(db, path)


@SETTINGS
@given(data=st.binary(max_size=400), header=st.booleans())
def test_random_bytes_never_crash(db: Database, tmp_path: Path, data: bytes, header: bool) -> None:
    path = tmp_path / "bytes.csv"
    prefix = (",".join(COLUMNS) + "\n").encode() if header else b""
    path.write_bytes(prefix + data)
    _check(db, path)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.one_of(GOOD, ROW, RAGGED), max_size=5), junk=st.binary(max_size=64))
def test_random_xlsx_cells_and_broken_workbooks(db: Database, tmp_path: Path, rows: list[list[str]],
                                                junk: bytes) -> None:
    import openpyxl
    from openpyxl.utils.exceptions import IllegalCharacterError

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(COLUMNS))
    for r in rows:
        try:
            ws.append(r)
        except IllegalCharacterError:
            continue
    path = tmp_path / "cells.xlsx"
    wb.save(path)
    _check(db, path)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(path.read_bytes()[: len(junk) * 20] + junk)
    _check(db, broken)
