"""Many desks, one truth: concurrent writers on the same complaints lose nothing (real PostgreSQL)."""

from __future__ import annotations

import pytest

from app.stress.writers import cleanup, prepare, run_writers


@pytest.mark.postgres
@pytest.mark.slow
def test_ten_concurrent_writers_on_100_complaints_zero_lost_updates(pg_db):
    ids = prepare(pg_db, rows=100)
    report = run_writers(pg_db, ids, writers=10, seconds=4.0)
    assert report.saved > 100 and report.conflicts > 0, report  # real contention happened
    assert report.lost_updates == 0 and report.unreported == 0, report
    assert not report.other_errors, report.other_errors[:3]
    assert report.attempts == report.saved + report.conflicts
    cleanup(pg_db)


def test_writers_on_sqlite_file_also_never_lose_an_update(sqlite_db):
    ids = prepare(sqlite_db, rows=5)  # few rows: many collisions
    report = run_writers(sqlite_db, ids, writers=4, seconds=1.5)
    assert report.consistent, report
    assert report.conflicts > 0
