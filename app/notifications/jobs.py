"""The delivery job: every few seconds, on whichever desk or worker claims the slot."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from typing import Any

from app.actor import Actor
from app.i18n import N_
from app.jobs.registry import JobSpec, register
from db.database import Database

# FLOORWALKER_NOTIFY_EVERY (seconds) shortens the interval for tests and demos
EVERY_SECONDS = max(1, int(os.environ.get("FLOORWALKER_NOTIFY_EVERY", "10")))


def deliver(db: Database, slot: datetime, actor: Actor) -> dict[str, Any]:
    from app.notifications.outbox import deliver_due, prune

    result: dict[str, Any] = deliver_due(db, max_seconds=max(5.0, EVERY_SECONDS * 5.0)).as_dict()
    if slot.minute == 0 and slot.second < EVERY_SECONDS:  # once an hour
        result.update(prune(db, slot, job_id=NOTIFY_JOB_ID))
    return result


NOTIFY_JOB_ID = "notify_delivery"


NOTIFY_DELIVERY = register(JobSpec(
    id=NOTIFY_JOB_ID,
    title=N_("Notification delivery"),
    description=N_("Sends queued notifications to IM groups and e-mail, with retries and rate limits."),
    schedule={"seconds": EVERY_SECONDS},
    run=deliver,
    claim_timeout=timedelta(minutes=2),
    lookback=timedelta(minutes=5),
))
