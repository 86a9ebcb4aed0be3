"""Claiming a job slot in the database: exactly one desk works on each (job, scheduled time).

A claim is an INSERT into ``job_runs`` guarded by the unique (job_id, scheduled_for) key: the
first desk's insert wins, every other desk's does nothing. The holder refreshes a heartbeat
while it works; a claim whose heartbeat is older than the job's timeout is taken over by a
compare-and-set UPDATE (only one desk can win that too) and the slot runs again.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app import clock
from db.database import Database
from db.models import JobRun


@dataclass(frozen=True)
class Claim:
    run_id: int
    job_id: str
    slot: datetime
    attempt: int
    took_over: bool = False


def claim(db: Database, job_id: str, slot: datetime, desk: str, timeout: timedelta) -> Claim | None:
    """Claim the slot, or take over an expired claim. None: another desk has (or had) it."""
    now = clock.now()
    insert = pg_insert if db.dialect == "postgresql" else sqlite_insert
    with db.session() as s:
        stmt = (insert(JobRun)
                .values(job_id=job_id, scheduled_for=slot, claimed_by=desk, claimed_at=now,
                        heartbeat_at=now, outcome="running", attempt=1)
                .on_conflict_do_nothing(index_elements=["job_id", "scheduled_for"])
                .returning(JobRun.id))
        run_id = s.execute(stmt).scalar()
        if run_id is not None:
            return Claim(run_id, job_id, slot, 1)
        row = s.execute(select(JobRun.id, JobRun.outcome, JobRun.heartbeat_at, JobRun.attempt)
                        .where(JobRun.job_id == job_id, JobRun.scheduled_for == slot)).one_or_none()
        if row is None or row.outcome != "running" or row.heartbeat_at >= now - timeout:
            return None
        return _take_over(s, row.id, row.heartbeat_at, row.attempt, desk, now, job_id, slot)


def _take_over(s: Any, run_id: int, seen_heartbeat: datetime, attempt: int, desk: str, now: datetime,
               job_id: str, slot: datetime) -> Claim | None:
    result = s.execute(
        update(JobRun)
        .where(JobRun.id == run_id, JobRun.outcome == "running", JobRun.heartbeat_at == seen_heartbeat)
        .values(claimed_by=desk, claimed_at=now, heartbeat_at=now, attempt=attempt + 1, error=None)
    )
    if result.rowcount != 1:
        return None
    return Claim(run_id, job_id, slot, attempt + 1, took_over=True)


def expired_claims(db: Database, timeouts: dict[str, timedelta]) -> list[tuple[int, str, datetime, datetime, int]]:
    """Running claims whose holder stopped beating (crashed desk): (id, job, slot, heartbeat, attempt)."""
    now = clock.now()
    with db.session() as s:
        rows = s.execute(select(JobRun.id, JobRun.job_id, JobRun.scheduled_for, JobRun.heartbeat_at,
                                JobRun.attempt).where(JobRun.outcome == "running")).all()
    return [tuple(r) for r in rows  # type: ignore[misc]
            if r.job_id in timeouts and r.heartbeat_at < now - timeouts[r.job_id]]


def take_over_expired(db: Database, run_id: int, seen_heartbeat: datetime, attempt: int, desk: str,
                      job_id: str, slot: datetime) -> Claim | None:
    with db.session() as s:
        return _take_over(s, run_id, seen_heartbeat, attempt, desk, clock.now(), job_id, slot)


def heartbeat(db: Database, claim_: Claim, desk: str) -> bool:
    """Refresh the claim; False if it was lost (another desk took it over)."""
    with db.session() as s:
        result = s.execute(update(JobRun)
                           .where(JobRun.id == claim_.run_id, JobRun.claimed_by == desk,
                                  JobRun.outcome == "running", JobRun.attempt == claim_.attempt)
                           .values(heartbeat_at=clock.now()))
        return result.rowcount == 1


def finish(db: Database, claim_: Claim, desk: str, *, error: BaseException | None = None,
           result: dict[str, Any] | None = None) -> bool:
    """Record the outcome; False if the claim had been taken over meanwhile (its result is dropped)."""
    with db.session() as s:
        res = s.execute(update(JobRun)
                        .where(JobRun.id == claim_.run_id, JobRun.claimed_by == desk,
                               JobRun.attempt == claim_.attempt, JobRun.outcome == "running")
                        .values(finished_at=clock.now(), outcome="failed" if error else "ok",
                                error="".join(traceback.format_exception(error))[-4000:] if error else None,
                                result=result))
        return res.rowcount == 1


@dataclass(frozen=True)
class RunRecord:
    id: int
    job_id: str
    scheduled_for: datetime
    claimed_by: str
    claimed_at: datetime
    finished_at: datetime | None
    outcome: str
    attempt: int
    error: str | None
    result: dict | None

    @property
    def seconds(self) -> float | None:
        return (self.finished_at - self.claimed_at).total_seconds() if self.finished_at else None


def last_runs(db: Database) -> dict[str, RunRecord]:
    """The latest run of every job (one query)."""
    with db.session() as s:
        latest = (select(JobRun.job_id, func.max(JobRun.scheduled_for).label("slot"))
                  .group_by(JobRun.job_id).subquery())
        rows = s.scalars(select(JobRun).join(latest, and_(JobRun.job_id == latest.c.job_id,
                                                          JobRun.scheduled_for == latest.c.slot))).all()
        return {r.job_id: _record(r) for r in rows}


def runs_of(db: Database, job_id: str, limit: int = 50) -> list[RunRecord]:
    with db.session() as s:
        rows = s.scalars(select(JobRun).where(JobRun.job_id == job_id)
                         .order_by(JobRun.scheduled_for.desc()).limit(limit)).all()
        return [_record(r) for r in rows]


def slot_exists(db: Database, job_id: str, slot: datetime) -> bool:
    with db.session() as s:
        return s.scalar(select(JobRun.id).where(JobRun.job_id == job_id, JobRun.scheduled_for == slot)) is not None


def _record(r: JobRun) -> RunRecord:
    return RunRecord(r.id, r.job_id, r.scheduled_for, r.claimed_by, r.claimed_at, r.finished_at, r.outcome,
                     r.attempt, r.error, r.result)
