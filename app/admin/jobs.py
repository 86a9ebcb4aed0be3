"""An administrator's "Run now" from the Admin jobs page, and the recent runs of one job.

The manual run claims a slot of its own (the current second) exactly like a scheduled run, so
it is recorded in ``job_runs`` with its desk, duration and outcome, and no other desk runs it
at the same time. It is audited, and the changes the job itself made are reported to the UI.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from app import audit
from app.actor import Actor
from app.changes import Changes, record
from app.jobs.claims import RunRecord, runs_of
from app.jobs.registry import get_job
from app.jobs.runner import JobRunner, RunOutcome
from app.security.permissions import require
from db.database import Database
from db.notify import changes_since, latest_seq

HISTORY_LENGTH = 20


@dataclass(frozen=True)
class ManualRun:
    outcome: RunOutcome
    seconds: float
    changes: Changes  # what the job changed, plus JOBS and AUDIT


def run_job_now(db: Database, actor: Actor, job_id: str) -> ManualRun:
    """Run ``job_id`` once now, on this desk, whatever its schedule or pause."""
    require(actor, "jobs.manage")
    spec = get_job(job_id)
    seq = latest_seq(db)
    started = time.perf_counter()
    outcome = JobRunner(db, jobs=[spec]).run_now(job_id, actor)
    seconds = time.perf_counter() - started
    _seq, kinds = changes_since(db, seq, exclude_desk=None)
    with db.session() as s:
        result = "skipped" if not outcome.ran else ("ok" if outcome.ok else "failed")
        after: dict[str, object] = {"slot": outcome.slot, "outcome": result}
        if outcome.error:
            after["error"] = outcome.error
        audit.record(s, actor, "run_now", "job", job_id, after=after)
        changes = record(s, Changes.JOBS | Changes.AUDIT)
    return ManualRun(outcome, seconds, changes | Changes.from_names(kinds))


def job_history(db: Database, job_id: str, limit: int = HISTORY_LENGTH) -> list[RunRecord]:
    """The latest runs of one job, newest first (for the history panel)."""
    return runs_of(db, job_id, limit=limit)
