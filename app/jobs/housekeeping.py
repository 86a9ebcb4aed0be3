"""Housekeeping jobs: the daily case archive (R-FLOW-6) and pruning of bookkeeping tables."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete

from app.actor import Actor
from app.i18n import N_
from app.jobs.registry import JobSpec, register
from db.database import Database
from db.models import ChangeLogEntry, JobRun

CHANGE_LOG_KEEP = timedelta(days=1)
JOB_RUNS_KEEP = timedelta(days=180)


def archive_closed_cases(db: Database, slot: datetime, actor: Actor) -> dict[str, Any]:
    """Archive every complete closed complaint closed before the slot; list the ones held back and why
    (app/complaints/archive.py). Idempotent."""
    from app.complaints.archive import archive_closed

    with db.session() as s:
        return archive_closed(s, actor, slot).as_dict()


def prune_bookkeeping(db: Database, slot: datetime, actor: Actor) -> dict[str, Any]:
    """Drop change notifications every desk has long seen, and very old job records."""
    with db.session() as s:
        changes = s.execute(delete(ChangeLogEntry).where(ChangeLogEntry.at < slot - CHANGE_LOG_KEEP)).rowcount
        runs = s.execute(delete(JobRun).where(JobRun.scheduled_for < slot - JOB_RUNS_KEEP,
                                              JobRun.outcome != "running")).rowcount
    return {"change_log_deleted": changes or 0, "job_runs_deleted": runs or 0}


CASE_ARCHIVE = register(JobSpec(
    id="case_archive",
    title=N_("Daily case archive"),
    description=N_("Archives closed complaints every day before the end of the shift (R-FLOW-6)."),
    schedule={"cron": {"hour": 23, "minute": 30}},
    run=archive_closed_cases,
    lookback=timedelta(days=2),
))

HOUSEKEEPING = register(JobSpec(
    id="housekeeping",
    title=N_("Housekeeping"),
    description=N_("Prunes old change notifications and job records."),
    schedule={"hours": 1},
    run=prune_bookkeeping,
))


def erase_expired_customers(db: Database, slot: datetime, actor: Actor) -> dict[str, Any]:
    from app.security.customers import erase_expired

    with db.session() as s:
        return {"erased": erase_expired(s, actor, now=slot)}


CUSTOMER_RETENTION = register(JobSpec(
    id="customer_retention",
    title=N_("Customer data retention"),
    description=N_("Erases customer identifiers after the retention period; aggregates stay (R-SEC-1)."),
    schedule={"cron": {"hour": 2, "minute": 15}},
    run=erase_expired_customers,
    lookback=timedelta(days=2),
))
