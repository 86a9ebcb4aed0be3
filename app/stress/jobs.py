"""Job stress drivers: a counting job, and worker processes that race for its slots.

Used by `floorwalker bench jobs` and by the exactly-once tests. Run as a module for one worker:
``python -m app.stress.jobs slots URL DESK SLOT...`` tries every slot (the database decides who
runs it) and prints ``ran N``; ``python -m app.stress.jobs hold URL DESK SLOT`` claims one slot
and sleeps inside the job, so the caller can kill it mid-job.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime, timedelta

from sqlalchemy import func, insert, select

from app.actor import Actor
from app.jobs.registry import JobSpec
from db.database import Database
from db.models import AuditEntry

ENTITY = "test_job"
ENV_SLEEP = "FW_TEST_JOB_SLEEP"


def record_execution(db: Database, slot: datetime, actor: Actor) -> dict:
    """Writes one audit row per execution, so a caller can count how often each slot ran."""
    delay = float(os.environ.get(ENV_SLEEP, "0"))
    if delay:
        time.sleep(delay)
    with db.session() as s:
        s.execute(insert(AuditEntry).values(at=slot, actor=actor.username, desk=f"pid{os.getpid()}",
                                            action="ran", entity=ENTITY, entity_id=slot.isoformat()))
    return {"pid": os.getpid()}


COUNTING = JobSpec(id="counting", title="Counting", description="stress", schedule={"seconds": 30},
                   run=record_execution, claim_timeout=timedelta(seconds=3))


def executions_per_slot(db: Database) -> dict[str, int]:
    with db.session() as s:
        rows = s.execute(select(AuditEntry.entity_id, func.count()).where(AuditEntry.entity == ENTITY)
                         .group_by(AuditEntry.entity_id)).all()
    return {slot: n for slot, n in rows}


def slot_grid(start: datetime, count: int) -> list[datetime]:
    return [start + timedelta(seconds=30 * i) for i in range(count)]


def worker_command(mode: str, url: str, desk: str, slots: list[datetime]) -> list[str]:
    return [sys.executable, "-m", "app.stress.jobs", mode, url, desk, *(s.isoformat() for s in slots)]


def main(argv: list[str]) -> int:
    from app.jobs.runner import JobRunner

    mode, url, desk, *slots = argv
    db = Database(url)
    runner = JobRunner(db, desk=desk, jobs=[COUNTING])
    if mode == "hold":
        os.environ[ENV_SLEEP] = "60"
        print("claiming", flush=True)
        runner.run_slot("counting", datetime.fromisoformat(slots[0]))
        return 0
    ran = sum(1 for iso in slots if runner.run_slot("counting", datetime.fromisoformat(iso)).ran)
    print(f"ran {ran}", flush=True)
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
