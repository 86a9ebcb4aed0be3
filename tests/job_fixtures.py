"""Jobs used by the exactly-once tests; importable by worker subprocesses."""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime, timedelta

from sqlalchemy import insert

from app.actor import Actor
from app.jobs.registry import JobSpec
from db.database import Database
from db.models import AuditEntry


def record_execution(db: Database, slot: datetime, actor: Actor) -> dict:
    """Writes one audit row per execution, so a test can count how often each slot ran."""
    delay = float(os.environ.get("FW_TEST_JOB_SLEEP", "0"))
    if delay:
        time.sleep(delay)
    with db.session() as s:
        s.execute(insert(AuditEntry).values(at=slot, actor=actor.username, desk=f"pid{os.getpid()}",
                                            action="ran", entity="test_job",
                                            entity_id=slot.isoformat()))
    return {"pid": os.getpid()}


def explode(db: Database, slot: datetime, actor: Actor) -> dict:
    raise RuntimeError("the job broke")


COUNTING = JobSpec(id="counting", title="Counting", description="test", schedule={"seconds": 30},
                   run=record_execution, claim_timeout=timedelta(seconds=3))
EXPLODING = JobSpec(id="exploding", title="Exploding", description="test", schedule={"seconds": 30},
                    run=explode)


def worker_main(url: str, slots_iso: list[str], desk: str) -> None:
    """Entry point of a worker subprocess: try every slot; the database decides who runs it."""
    from app.jobs.runner import JobRunner

    db = Database(url)
    runner = JobRunner(db, desk=desk, jobs=[COUNTING])
    ran = 0
    for iso in slots_iso:
        if runner.run_slot("counting", datetime.fromisoformat(iso)).ran:
            ran += 1
    print(f"ran {ran}", flush=True)
    db.dispose()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "slots":
        worker_main(sys.argv[2], sys.argv[4:], sys.argv[3])
    elif mode == "hold":
        # claim one slot and die mid-job (the test kills this process while it sleeps)
        from app.jobs.runner import JobRunner

        db = Database(sys.argv[2])
        os.environ["FW_TEST_JOB_SLEEP"] = "60"
        print("claiming", flush=True)
        JobRunner(db, desk=sys.argv[3], jobs=[COUNTING]).run_slot("counting", datetime.fromisoformat(sys.argv[4]))
