"""The auto-QA job: every 5 minutes, check the conversations not yet checked (idempotent)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from app.actor import Actor
from app.autoqa.service import run_checks
from app.i18n import N_
from app.jobs.registry import JobSpec, register
from db.database import Database


def check_new_conversations(db: Database, slot: datetime, actor: Actor) -> dict[str, Any]:
    stats = run_checks(db)
    return {"version": stats.version, "conversations": stats.conversations, "results": stats.results,
            "errors": stats.errors}


AUTOQA = register(JobSpec(
    id="autoqa",
    title=N_("Automatic QA of conversations"),
    description=N_("Checks new chat, email and social transcripts against the service rules every 5 minutes; "
                   "after a rule change, re-checks every conversation."),
    schedule={"minutes": 5},
    run=check_new_conversations,
    claim_timeout=timedelta(minutes=30),
))
