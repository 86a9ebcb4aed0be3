"""The Complaints workspace's calls into the complaint services, in one place.

Every function takes a Session first (it runs inside ``ctx.tasks``) and returns what the service
returns (a ``Changes`` value for writes). The workspace, the form and the dialogs call only these,
so a change in the services' names or arguments is a change here and nowhere else.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy.orm import Session

from app.actor import Actor
from app.complaints.board import STAGES

CHANNELS = ("phone", "chat", "email", "social", "onsite")
KINDS = ("complaint", "service_request")


class ServiceMissing(RuntimeError):
    """The service this action needs is not in this build yet."""


@dataclass(frozen=True)
class ComplaintDraft:
    """What the record form collects (R-FLOW-2/3/7/8, R-SLA-8); customer identifiers in clear, once."""

    kind: str
    channel: str
    category: str
    priority: str
    summary: str
    customer_phone: str | None = None
    customer_name: str | None = None
    is_vip: bool = False
    departments: tuple[str, ...] = ()
    temporary_solution: str | None = None
    expected_resolution_at: datetime | None = None
    owner_id: int | None = None
    team_id: int | None = None


def skipped_steps(from_stage: str, to_stage: str) -> tuple[str, ...]:
    """The R-FLOW-1 stages a move jumps over (backwards moves skip nothing but need a reason too)."""
    if from_stage not in STAGES or to_stage not in STAGES:
        return ()
    a, b = STAGES.index(from_stage), STAGES.index(to_stage)
    return STAGES[a + 1:b] if b > a + 1 else ()


def needs_reason(from_stage: str, to_stage: str) -> bool:
    """A move asks for a reason when it skips a step or goes back (R-FLOW-1); the service checks again."""
    if from_stage not in STAGES or to_stage not in STAGES:
        return True
    return bool(skipped_steps(from_stage, to_stage)) or STAGES.index(to_stage) < STAGES.index(from_stage)


def _service(name: str) -> Any:
    import importlib

    module_name, _, attr = name.rpartition(".")
    try:
        module = importlib.import_module(module_name)
        return getattr(module, attr)
    except (ImportError, AttributeError) as exc:
        raise ServiceMissing(f"{name} is not available in this build") from exc


def record(session: Session, actor: Actor, draft: ComplaintDraft) -> Any:
    """Returns the service's outcome (``complaint_id``, ``version``, ``changes``, ``reference``)."""
    service_draft = _service("app.complaints.service.ComplaintDraft")(**asdict(draft))
    return _service("app.complaints.service.record_complaint")(session, actor, service_draft)


def move(session: Session, actor: Actor, complaint_id: int, expected_version: int, to_stage: str,
         reason: str | None = None) -> Any:
    return _service("app.complaints.service.move_stage")(session, actor, complaint_id, expected_version, to_stage,
                                                        reason=reason)


def assign(session: Session, actor: Actor, complaint_id: int, expected_version: int, owner_id: int | None) -> Any:
    return _service("app.complaints.service.assign_owner")(session, actor, complaint_id, expected_version, owner_id)


# what a desk logs on a case; each starts or stops clocks (app/complaints/clocks.py)
LOGGABLE = (
    ("key_points", QT_TRANSLATE_NOOP("complaints", "Key points recorded")),
    ("judged_complex", QT_TRANSLATE_NOOP("complaints", "Judged complex")),
    ("transferred", QT_TRANSLATE_NOOP("complaints", "Transferred to the specialist team")),
    ("conflict", QT_TRANSLATE_NOOP("complaints", "Customer conflict")),
    ("supervisor_joined", QT_TRANSLATE_NOOP("complaints", "Supervisor involved")),
    ("system_fault", QT_TRANSLATE_NOOP("complaints", "System fault found")),
    ("tech_reported", QT_TRANSLATE_NOOP("complaints", "Reported to the technical team")),
    ("tech_diagnosed", QT_TRANSLATE_NOOP("complaints", "Diagnosed by the technical team")),
    ("feedback", QT_TRANSLATE_NOOP("complaints", "Progress feedback to the customer")),
    ("responded", QT_TRANSLATE_NOOP("complaints", "Service request answered")),
    ("waiting_on_customer", QT_TRANSLATE_NOOP("complaints", "Waiting on the customer")),
    ("customer_replied", QT_TRANSLATE_NOOP("complaints", "Customer replied")),
    ("temporary_solution", QT_TRANSLATE_NOOP("complaints", "Temporary solution offered")),
    ("manager_responded", QT_TRANSLATE_NOOP("complaints", "Manager responded")),
)


def log_action(session: Session, actor: Actor, complaint_id: int, action: str, note: str | None = None) -> Any:
    return _service("app.complaints.service.log_action")(session, actor, complaint_id, action, note=note)


def close_loop(session: Session, actor: Actor, complaint_id: int, expected_version: int, opinion: str) -> Any:
    return _service("app.complaints.service.close_feedback_loop")(session, actor, complaint_id, expected_version,
                                                                 opinion)


def add_note(session: Session, actor: Actor, complaint_id: int, text: str) -> Any:
    return _service("app.complaints.service.add_note")(session, actor, complaint_id, text)


def merge(session: Session, actor: Actor, duplicate_id: int, into_id: int, reason: str | None = None) -> Any:
    return _service("app.complaints.service.merge")(session, actor, duplicate_id, into_id, reason=reason)


def reopen(session: Session, actor: Actor, complaint_id: int, expected_version: int, reason: str) -> Any:
    return _service("app.complaints.service.reopen")(session, actor, complaint_id, expected_version, reason)


def explain(session: Session, actor: Actor, complaint_id: int) -> Any:
    """Every clock of the case, computed from its timeline (the engine's ``Clock`` values)."""
    return _service("app.complaints.service.complaint_clocks")(session, actor, complaint_id)


def people(session: Session) -> list[Any]:
    from app.admin.people import list_people

    return list_people(session, include_inactive=False)
