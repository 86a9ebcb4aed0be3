"""Hostile input at the history importer (issue 3 item 6): random rows, cells and bytes never crash it,
every row is either imported or reported with a reason, and committed progress always matches the data."""

from __future__ import annotations

import csv
import itertools
from datetime import UTC, datetime

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.imports.mapping import CompiledMapping, Mapping, MappingError, ParsedRow, RowError
from app.imports.reading import ImportFileError
from app.imports.service import import_interactions
from db.models import ImportBatch, Interaction

HEADER = ["id", "day", "arrival", "answered", "ended", "wait", "outcome", "agent", "queue"]
MAPPING = Mapping.from_json("hostile", {
    "columns": {"id": "id", "date": "day", "arrival": "arrival", "service_start": "answered",
                "service_end": "ended", "wait": "wait", "outcome": "outcome", "agent": "agent", "queue": "queue"},
    "timezone": "America/New_York",  # has DST gaps and folds
    "outcomes": {"answered": ["A"], "abandoned": ["H"], "skip": ["P"]},
    "agent_none_values": ["-"], "zero_time_is_missing": True,
})
COMBINED = Mapping.from_json("hostile-combined", {
    "columns": {"id": "id", "arrival": "arrival", "service_end": "ended", "handle_time": "wait", "queue": "queue"},
    "timezone": "Asia/Shanghai",
})
_counter = itertools.count()

weird = st.sampled_from(["", " ", "0:00:00", "24:00:00", "25:61:00", "23:59:59", "12:00 AM", "13:00 PM", "-1",
                         "-0:01", "1e309", "NaN", "inf", "2026-02-30", "2026-03-08", "260308", "99999999",
                         "2026-11-01 01:30:00", "2026-03-08 02:30:00", "'; DROP TABLE interactions; --",
                         "\x00", "😀", "１２:００", "1" * 300, "A", "H", "P", "-", "3:5", "::", "1:2:3:4"])
cell = st.one_of(weird, st.text(max_size=12))


def plausible_row(n: int, changes: dict[int, str]) -> list[str]:
    """A valid row with a few cells replaced by hostile ones."""
    base = [f"r{n}", "2026-11-01", "8:00:00", "8:00:10", "8:03:00", "10", "A", "Ana", "Q"]
    return [changes.get(i, v) for i, v in enumerate(base)]


@settings(max_examples=300, deadline=None)
@given(values=st.lists(cell, min_size=0, max_size=len(HEADER) + 2), mapping=st.sampled_from([MAPPING, COMBINED]))
def test_parsing_any_row_gives_a_row_or_a_reason(values, mapping):
    header = HEADER if mapping is MAPPING else ["id", "arrival", "ended", "wait", "queue"]
    compiled = CompiledMapping(mapping, header, mapping_zone(mapping))
    try:
        parsed = compiled.parse(1, values)
    except RowError as exc:
        assert exc.code and str(exc)
        return
    assert isinstance(parsed, ParsedRow)
    assert parsed.offered_at.tzinfo is not None and parsed.offered_at.utcoffset().total_seconds() == 0
    assert parsed.wait_sec >= 0 and parsed.talk_sec >= 0 and parsed.queue
    assert parsed.outcome in ("answered", "abandoned", "other")
    if parsed.answered_at is not None and parsed.ended_at is not None:
        assert parsed.ended_at >= parsed.answered_at


def mapping_zone(mapping: Mapping):
    from zoneinfo import ZoneInfo

    return ZoneInfo(mapping.timezone or "UTC")


def _state(db) -> tuple[int, int]:
    with db.session() as s:
        interactions = s.scalar(select(func.count()).select_from(Interaction))
        committed = s.scalar(select(func.coalesce(func.sum(ImportBatch.rows_imported), 0)))
    return interactions, committed


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(rows=st.lists(st.one_of(st.lists(cell, max_size=len(HEADER) + 1),
                              st.dictionaries(st.integers(1, len(HEADER) - 1), cell, max_size=3)), max_size=12),
       delimiter=st.sampled_from([",", ";", "\t", "|"]), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
       batch_rows=st.integers(1, 5))
def test_importing_random_rows_never_crashes_and_never_half_writes(sqlite_db, tmp_path, rows, delimiter, encoding,
                                                                    batch_rows):
    n = next(_counter)
    path = tmp_path / f"hostile-{n}.csv"
    body = [plausible_row(n * 100 + i, r) if isinstance(r, dict) else r for i, r in enumerate(rows)]
    with path.open("w", encoding=encoding, errors="replace", newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(HEADER)
        w.writerows(body)
    before, _ = _state(sqlite_db)
    try:
        result = import_interactions(sqlite_db, path, MAPPING, delimiter=delimiter, batch_rows=batch_rows)
    except (ImportFileError, MappingError) as exc:
        event("refused the file")
        assert str(exc)
    else:
        assert result.rows_read == result.rows_imported + result.rows_skipped
        assert len(result.skipped) == result.rows_skipped
        assert all(i.code and i.message and 1 <= i.row for i in result.skipped)
        after, _ = _state(sqlite_db)
        assert after - before == result.rows_imported
        event(f"imported some rows: {result.rows_imported > 0}")
    interactions, committed = _state(sqlite_db)
    assert interactions == committed  # every interaction was counted by the batch that committed it
    with sqlite_db.session() as s:
        for t in s.scalars(select(Interaction.offered_at)):
            assert t.tzinfo is UTC or t.utcoffset().total_seconds() == 0
            assert datetime(1900, 1, 1, tzinfo=UTC) < t < datetime(2100, 1, 1, tzinfo=UTC)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".csv", ".txt", ".xlsx"]))
def test_random_bytes_are_refused_or_reported_never_a_crash(sqlite_db, tmp_path, data, suffix):
    path = tmp_path / f"bytes-{next(_counter)}{suffix}"
    path.write_bytes(data)
    before, _ = _state(sqlite_db)
    try:
        result = import_interactions(sqlite_db, path, MAPPING)
    except (ImportFileError, MappingError) as exc:
        assert str(exc)
        assert _state(sqlite_db)[0] == before
    else:
        assert result.rows_read == result.rows_imported + result.rows_skipped
    interactions, committed = _state(sqlite_db)
    assert interactions == committed
