"""Jobs used by the exactly-once tests (the counting job is shared with the benchmark)."""

from __future__ import annotations

from datetime import datetime

from app.actor import Actor
from app.jobs.registry import JobSpec
from app.stress.jobs import COUNTING, record_execution
from db.database import Database

__all__ = ["COUNTING", "EXPLODING", "record_execution"]


def explode(db: Database, slot: datetime, actor: Actor) -> dict:
    raise RuntimeError("the job broke")


EXPLODING = JobSpec(id="exploding", title="Exploding", description="test", schedule={"seconds": 30},
                    run=explode)
