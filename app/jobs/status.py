"""What the Admin jobs page and `floorwalker jobs list` show: every job with its next and last run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from app import clock
from app.jobs import claims
from app.jobs.registry import all_jobs
from app.jobs.runner import center_timezone, paused_jobs
from db.database import Database


@dataclass(frozen=True)
class JobStatus:
    job_id: str
    title: str
    description: str
    schedule: str
    paused: bool
    next_run: datetime | None
    last_slot: datetime | None
    last_outcome: str | None
    last_desk: str | None
    last_seconds: float | None
    last_attempt: int | None
    last_error: str | None


def describe_schedule(schedule: dict) -> str:
    if "cron" in schedule:
        cron = schedule["cron"]
        day = cron.get("day_of_week")
        at = f"{int(cron.get('hour', 0)):02d}:{int(cron.get('minute', 0)):02d}"
        return f"{day} {at}" if day else f"daily {at}"
    (unit, amount), = schedule.items()
    return f"every {amount} {unit}" if amount != 1 else f"every {unit.rstrip('s')}"


def job_statuses(db: Database, tz: tzinfo | None = None) -> list[JobStatus]:
    tz = tz or center_timezone(db)
    now = clock.now()
    last = claims.last_runs(db)
    paused = paused_jobs(db)
    out = []
    for spec in all_jobs():
        run = last.get(spec.id)
        error = (run.error or "").strip().splitlines()[-1] if run and run.error else None
        out.append(JobStatus(
            job_id=spec.id, title=spec.title, description=spec.description,
            schedule=describe_schedule(spec.schedule), paused=spec.id in paused,
            next_run=spec.next_slot(now, tz), last_slot=run.scheduled_for if run else None,
            last_outcome=run.outcome if run else None, last_desk=run.claimed_by if run else None,
            last_seconds=run.seconds if run else None, last_attempt=run.attempt if run else None,
            last_error=error))
    return out
