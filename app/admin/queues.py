"""Queues as the Admin workspace lists them, and their service targets (priority, SL %, seconds)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.changes import Changes, record
from app.editing import apply_edit
from app.security.permissions import require
from db.errors import ConflictError
from db.models import Queue

MAX_ANSWER_SECONDS = 24 * 3600  # email queues answer within a day (R-SLA-7.response)
MAX_PRIORITY = 100


@dataclass(frozen=True)
class QueueRow:
    id: int
    name: str
    channel: str
    is_vip: bool
    priority: int
    target_service_level: float  # share 0..1 answered within target_answer_sec
    target_answer_sec: int
    active: bool
    version: int


def list_queues(session: Session) -> list[QueueRow]:
    return [_row(q) for q in session.scalars(select(Queue).order_by(Queue.priority.desc(), Queue.name))]


def get_queue(session: Session, queue_id: int) -> QueueRow | None:
    q = session.get(Queue, queue_id)
    return _row(q) if q is not None else None


def _row(q: Queue) -> QueueRow:
    return QueueRow(q.id, q.name, q.channel, q.is_vip, q.priority, q.target_service_level,
                    q.target_answer_sec, q.active, q.version)


def validate_queue_targets(*, priority: object, target_percent: object, target_answer_sec: object) -> dict:
    """Parse the form's values; ValueError with a message a user can act on."""
    try:
        percent = float(str(target_percent).strip().rstrip("%").replace(",", "."))
    except ValueError:
        raise ValueError(f"The service-level target must be a percentage, not '{target_percent}'.") from None
    if not (0 < percent <= 100):
        raise ValueError(f"The service-level target must be more than 0 % and at most 100 %, not {percent:g} %.")
    try:
        seconds = float(str(target_answer_sec).strip())
    except ValueError:
        raise ValueError(f"The answer-time target must be a number of seconds, not '{target_answer_sec}'.") from None
    if not seconds.is_integer() or not (1 <= seconds <= MAX_ANSWER_SECONDS):
        raise ValueError(f"The answer-time target must be whole seconds between 1 and {MAX_ANSWER_SECONDS}, "
                         f"not {seconds:g}.")
    try:
        prio = float(str(priority).strip())
    except ValueError:
        raise ValueError(f"The priority must be a whole number, not '{priority}'.") from None
    if not prio.is_integer() or not (0 <= prio <= MAX_PRIORITY):
        raise ValueError(f"The priority must be a whole number from 0 to {MAX_PRIORITY}, not {prio:g}.")
    return {"priority": int(prio), "target_service_level": round(percent / 100.0, 4),
            "target_answer_sec": int(seconds)}


def update_queue_targets(session: Session, actor: Actor, queue_id: int, expected_version: int, *,
                         priority: object, target_percent: object, target_answer_sec: object) -> Changes:
    """Save a queue's targets (administrators: queues.edit)."""
    require(actor, "queues.edit")
    values = validate_queue_targets(priority=priority, target_percent=target_percent,
                                    target_answer_sec=target_answer_sec)
    if session.get(Queue, queue_id) is None:
        raise ConflictError("This queue was removed by another desk.", "queue", queue_id, mine=values)
    apply_edit(session, actor, Queue, queue_id, expected_version, values, entity="queue")
    return record(session, Changes.QUEUES | Changes.AUDIT)
