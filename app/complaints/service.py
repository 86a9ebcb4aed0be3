"""Complaint services: record, move through the stages, note, log what happened, merge, re-open.

Every write checks the actor's permission and row scope, runs in the caller's transaction, writes
the case's timeline and an audit row, recomputes the case's SLA clocks (their start, pause and stop
land on the timeline too) and returns an :class:`Outcome` carrying the ``Changes`` flags.

* R-FLOW-1: a case moves accept -> assess -> process -> feedback -> closed. Skipping a step or
  going back needs a reason; leaving "closed" is a re-open (:func:`reopen`), with a reason.
* R-FLOW-5: a case closes only once the feedback loop is closed (the customer told the result and
  asked for their opinion, :func:`close_feedback_loop`); a merged duplicate closes with its survivor.
* Moves are optimistic: the caller passes the version it showed; a second desk moving the same case
  gets :class:`db.errors.ConflictError` with both versions.
* The customer is stored encrypted (``app/security/customers.py``); only masked forms are shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.complaints.clocks import Clock, compute_clocks
from app.complaints.engine import case_events, load_policies, refresh
from app.editing import apply_edit
from app.security.permissions import require, row_scope
from db.errors import ConflictError
from db.models import Center, Complaint, ComplaintEvent, Customer, Person
from db.models.complaints import CATEGORIES, KINDS, PRIORITIES, SLA_RECOMPUTE, STAGES
from db.models.org import CHANNELS

SUMMARY_MAX = 4000
NOTE_MAX = 4000
REASON_MAX = 500
ETA_MAX_AHEAD = timedelta(days=365)
CONTACT_MAX_AGO = timedelta(days=30)
CLOCK_SKEW = timedelta(minutes=5)  # a desk's clock may run a little ahead

# what a desk logs on a case (the engine's events, app/complaints/clocks.py)
ACTIONS = ("key_points", "judged_complex", "transferred", "conflict", "supervisor_joined", "system_fault",
           "tech_reported", "tech_diagnosed", "feedback", "responded", "waiting_on_customer", "customer_replied",
           "temporary_solution", "eta", "manager_responded")


class ComplaintInputError(ValueError):
    """Bad input for a complaint service; ``field`` names the form field (summary, customer, eta, reason...)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


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
    first_contact_at: datetime | None = None  # default: now
    interaction_id: int | None = None


@dataclass(frozen=True)
class Outcome:
    complaint_id: int
    version: int
    changes: Changes
    reference: str = ""


# --- helpers -------------------------------------------------------------------------------------------------------
def _case(session: Session, actor: Actor, complaint_id: int, permission: str = "complaints.edit") -> Complaint:
    require(actor, permission)
    query = select(Complaint.id).where(Complaint.id == complaint_id)
    clause = row_scope(session, actor).complaint_clause()
    if clause is not None:
        query = query.where(clause)
    if session.execute(query).first() is None:
        raise ComplaintInputError(f"Complaint {complaint_id} does not exist, or is not one you may change.")
    c = session.get(Complaint, complaint_id, populate_existing=True)
    assert c is not None
    return c


def _event(session: Session, complaint_id: int, actor: Actor, kind: str, *, at: datetime | None = None,
           from_stage: str | None = None, to_stage: str | None = None, note: str | None = None,
           data: dict[str, Any] | None = None) -> None:
    session.execute(insert(ComplaintEvent).values(
        complaint_id=complaint_id, at=at or clock.now(), kind=kind, from_stage=from_stage, to_stage=to_stage,
        actor=actor.username, note=note, data=data))


def _done(session: Session, c: Complaint, actor: Actor, changes: Changes = Changes.COMPLAINTS | Changes.AUDIT
          ) -> Outcome:
    session.flush()
    refresh(session, c.id, clock.now(), actor=actor.username)
    version = session.scalar(select(Complaint.version).where(Complaint.id == c.id))
    return Outcome(c.id, int(version or 0), record(session, changes), c.reference)


def _text(value: str | None, what: str, limit: int, field: str, required: bool = True) -> str | None:
    text = (value or "").strip()
    if not text:
        if required:
            raise ComplaintInputError(f"Write {what}.", field)
        return None
    if len(text) > limit:
        raise ComplaintInputError(f"{what[0].upper() + what[1:]} has {len(text):,} characters; at most {limit:,}.",
                                  field)
    return text


def _aware(t: datetime, what: str, field: str) -> datetime:
    if t.tzinfo is None:
        raise ComplaintInputError(f"{what} needs a time zone.", field)
    return t


def next_reference(session: Session, kind: str, at: datetime, tz: Any) -> str:
    prefix = "C" if kind == "complaint" else "S"
    year = at.astimezone(tz).year
    start = f"{prefix}-{year}-"
    top = session.scalar(select(func.max(Complaint.reference)).where(Complaint.reference.like(start + "%")))
    n = 0
    if top:
        m = re.match(rf"{re.escape(start)}(\d+)$", top)
        n = int(m.group(1)) if m else 0
    return f"{start}{n + 1:06d}"


def _center(session: Session) -> Center:
    center = session.scalars(select(Center).order_by(Center.id).limit(1)).first()
    if center is None:
        raise ComplaintInputError("There is no contact center in this database yet (run floorwalker demo, or set "
                                  "up the center in Admin).")
    return center


def _customer(session: Session, draft: Any) -> int | None:
    phone = (draft.customer_phone or "").strip() or None
    name = (draft.customer_name or "").strip() or None
    if phone is None and name is None:
        return None
    if phone is not None:
        digits = re.sub(r"[\s\-+()]", "", phone)
        if not digits.isdigit() or not 5 <= len(digits) <= 20:
            raise ComplaintInputError("The customer's phone number should have 5 to 20 digits.", "customer")
        phone = digits
    from app.security.crypto import CustomerCipher
    from app.security.customers import find_by_phone, new_customer_values

    cipher = CustomerCipher.from_key_file()
    if phone is not None:
        found = find_by_phone(session, cipher, phone)
        if found is not None:
            return found
    row = Customer(**new_customer_values(cipher, phone=phone, name=name, is_vip=bool(draft.is_vip)))
    session.add(row)
    session.flush()
    return row.id


# --- record --------------------------------------------------------------------------------------------------------
def record_complaint(session: Session, actor: Actor, draft: Any) -> Outcome:
    """Record a complaint or service request from the form (``ComplaintDraft`` or anything shaped like it)."""
    require(actor, "complaints.edit")
    now = clock.now()
    kind = draft.kind
    for value, allowed, what, field in ((kind, KINDS, "kind", "kind"), (draft.channel, CHANNELS, "channel", "channel"),
                                        (draft.category, CATEGORIES, "category", "category"),
                                        (draft.priority, PRIORITIES, "priority", "priority")):
        if value not in allowed:
            raise ComplaintInputError(f"Unknown {what} '{value}' (use one of {', '.join(allowed)}).", field)
    summary = _text(draft.summary, "what the customer complains about", SUMMARY_MAX, "summary")
    temporary = _text(draft.temporary_solution, "the temporary solution", NOTE_MAX, "temporary_solution",
                      required=False)
    departments = [d.strip() for d in (draft.departments or ()) if d and d.strip()]
    if any(len(d) > 120 for d in departments):
        raise ComplaintInputError("A department name has more than 120 characters.", "departments")
    eta = draft.expected_resolution_at
    if eta is not None:
        _aware(eta, "The expected resolution time", "eta")
        if eta <= now:
            raise ComplaintInputError(f"The expected resolution time {eta:%Y-%m-%d %H:%M} is in the past.", "eta")
        if eta > now + ETA_MAX_AHEAD:
            raise ComplaintInputError("The expected resolution time is more than a year away.", "eta")
    contact = getattr(draft, "first_contact_at", None) or now
    _aware(contact, "The first contact time", "first_contact_at")
    if contact > now + CLOCK_SKEW:
        raise ComplaintInputError(f"The first contact {contact:%Y-%m-%d %H:%M} is in the future.", "first_contact_at")
    if contact < now - CONTACT_MAX_AGO:
        raise ComplaintInputError(f"The first contact {contact:%Y-%m-%d} is more than 30 days ago: import old cases "
                                  "with floorwalker import complaints instead.", "first_contact_at")
    owner_id, team_id = draft.owner_id, draft.team_id
    if owner_id is not None:
        owner = session.get(Person, owner_id)
        if owner is None or not owner.active:
            raise ComplaintInputError(f"Owner {owner_id} is not an active person of the center.", "owner")
        team_id = team_id or owner.team_id
    elif actor.person_id is not None:
        owner_id = actor.person_id
        me = session.get(Person, owner_id)
        team_id = team_id or (me.team_id if me else None)
    center = _center(session)
    from zoneinfo import ZoneInfo

    customer_id = _customer(session, draft)
    values = dict(center_id=center.id, kind=kind, customer_id=customer_id,
                  interaction_id=getattr(draft, "interaction_id", None), channel=draft.channel,
                  category=draft.category, priority=draft.priority, stage="accept", summary=summary,
                  is_vip=bool(draft.is_vip), is_complex=False, is_conflict=False, team_id=team_id, owner_id=owner_id,
                  departments=departments, temporary_solution=temporary, expected_resolution_at=eta,
                  first_contact_at=min(contact, now), opened_at=now, feedback_loop_closed=False,
                  sla_next_at=SLA_RECOMPUTE)
    c = None
    for _attempt in range(5):  # two desks recording at once may draw the same number: take the next one
        reference = next_reference(session, kind, now, ZoneInfo(center.timezone or "UTC"))
        try:
            with session.begin_nested():
                c = Complaint(reference=reference, **values)
                session.add(c)
                session.flush()
            break
        except IntegrityError:
            c = None
    if c is None:
        raise ConflictError("Another desk recorded complaints at the same moment; save again.", "complaint")
    _event(session, c.id, actor, "created", at=now, to_stage="accept",
           note="Complaint recorded" if kind == "complaint" else "Service request recorded",
           data={"kind": kind, "category": c.category, "priority": c.priority, "vip": c.is_vip,
                 "channel": c.channel})
    if temporary:
        _event(session, c.id, actor, "temporary_solution", at=now, note=temporary)  # R-SLA-8
    if eta is not None:
        _event(session, c.id, actor, "eta", at=now, note="Expected resolution time told to the customer",
               data={"eta": eta.isoformat()})  # R-FLOW-8
    audit.record(session, actor, "create", "complaint", c.id, after={
        "reference": c.reference, "kind": kind, "category": c.category, "priority": c.priority,
        "channel": c.channel, "owner_id": owner_id, "team_id": team_id, "vip": c.is_vip,
        "customer": "recorded (encrypted)" if customer_id else None})
    return _done(session, c, actor)


# --- stages ---------------------------------------------------------------------------------------------------------
def skipped_steps(from_stage: str, to_stage: str) -> tuple[str, ...]:
    a, b = STAGES.index(from_stage), STAGES.index(to_stage)
    return STAGES[a + 1:b] if b > a + 1 else ()


def move_stage(session: Session, actor: Actor, complaint_id: int, expected_version: int, to_stage: str, *,
               reason: str | None = None) -> Outcome:
    """Move a case to another stage (R-FLOW-1), closing only with the feedback loop closed (R-FLOW-5)."""
    c = _case(session, actor, complaint_id)
    if to_stage not in STAGES:
        raise ComplaintInputError(f"Unknown stage '{to_stage}' (use one of {', '.join(STAGES)}).", "stage")
    from_stage = c.stage
    if c.version != expected_version:
        apply_edit(session, actor, Complaint, c.id, expected_version, {"stage": to_stage}, entity="complaint")
    if to_stage == from_stage:
        raise ComplaintInputError(f"{c.reference} is already in {to_stage}.", "stage")
    if from_stage == "closed":
        raise ComplaintInputError(f"{c.reference} is closed: re-open it (with a reason) to work on it again.",
                                  "stage")
    skipped = skipped_steps(from_stage, to_stage)
    backwards = STAGES.index(to_stage) < STAGES.index(from_stage)
    why = _text(reason, "the reason", REASON_MAX, "reason", required=False)
    if (skipped or backwards) and why is None:
        what = (f"skips {', '.join(skipped)}" if skipped else f"goes back from {from_stage}")
        raise ComplaintInputError(f"Moving {c.reference} to {to_stage} {what}: give a reason (R-FLOW-1).", "reason")
    if to_stage == "closed" and not c.feedback_loop_closed:
        raise ComplaintInputError(f"{c.reference} cannot close before its feedback loop is closed: tell the customer "
                                  "the result and record their opinion first (R-FLOW-5).", "stage")
    now = clock.now()
    values: dict[str, Any] = {"stage": to_stage}
    if STAGES.index(to_stage) >= STAGES.index("feedback") and c.resolved_at is None:
        values["resolved_at"] = now
    if to_stage == "closed":
        values["closed_at"] = now
    if STAGES.index(to_stage) < STAGES.index("feedback"):
        if c.resolved_at is not None:
            values["resolved_at"] = None  # back to work: not resolved any more
        if c.feedback_loop_closed:
            values["feedback_loop_closed"] = False  # the customer will need telling the new result
    apply_edit(session, actor, Complaint, c.id, expected_version, values, entity="complaint")
    _event(session, c.id, actor, "stage", at=now, from_stage=from_stage, to_stage=to_stage, note=why,
           data={"skipped": list(skipped), "reason": why} if why else None)
    return _done(session, c, actor)


def assign_owner(session: Session, actor: Actor, complaint_id: int, expected_version: int,
                 owner_id: int | None) -> Outcome:
    c = _case(session, actor, complaint_id)
    team_id = c.team_id
    name = None
    if owner_id is not None:
        owner = session.get(Person, owner_id)
        if owner is None or not owner.active:
            raise ComplaintInputError(f"Owner {owner_id} is not an active person of the center.", "owner")
        team_id, name = owner.team_id or team_id, owner.full_name
    apply_edit(session, actor, Complaint, c.id, expected_version, {"owner_id": owner_id, "team_id": team_id},
               entity="complaint")
    _event(session, c.id, actor, "assigned", note=name, data={"owner_id": owner_id, "team_id": team_id})
    return _done(session, c, actor)


# --- timeline ------------------------------------------------------------------------------------------------------
def add_note(session: Session, actor: Actor, complaint_id: int, text: str) -> Outcome:
    c = _case(session, actor, complaint_id)
    note = _text(text, "the note", NOTE_MAX, "note")
    _event(session, c.id, actor, "note", note=note)
    audit.record(session, actor, "note", "complaint", c.id, after={"chars": len(note or "")})
    return _done(session, c, actor)


def log_action(session: Session, actor: Actor, complaint_id: int, action: str, *, note: str | None = None,
               at: datetime | None = None) -> Outcome:
    """Record that something happened on the case (key points, transfer, supervisor joined, tech report,
    progress feedback, waiting on the customer...): the events the SLA clocks start and stop on.

    ``at`` defaults to now; a desk may log a moment of the last hour it is catching up with.
    """
    c = _case(session, actor, complaint_id)
    if action not in ACTIONS:
        raise ComplaintInputError(f"Unknown action '{action}' (use one of {', '.join(ACTIONS)}).", "action")
    if c.stage == "closed":
        raise ComplaintInputError(f"{c.reference} is closed: re-open it first.", "action")
    now = clock.now()
    when = at or now
    _aware(when, "The time", "at")
    if when > now + CLOCK_SKEW or when < max(c.opened_at, c.first_contact_at) - CLOCK_SKEW or when < now - timedelta(
            hours=24):
        raise ComplaintInputError(f"{when:%Y-%m-%d %H:%M} is outside the case's life: log what happened in the last "
                                  "24 hours, after the case was opened.", "at")
    what = "the temporary solution offered to the customer" if action == "temporary_solution" else "the note"
    text = _text(note, what, NOTE_MAX, "note", required=action in ("temporary_solution",))
    flags: dict[str, Any] = {}
    if action == "judged_complex":
        flags["is_complex"] = True
    elif action == "conflict":
        flags["is_conflict"] = True
    elif action == "feedback":
        flags["last_feedback_at"] = when
    elif action == "temporary_solution":
        flags["temporary_solution"] = text  # R-SLA-8
    if flags:  # additive facts: no version bump, so a desk holding the card is not put in conflict
        session.execute(update(Complaint).where(Complaint.id == c.id).values(**flags)
                        .execution_options(synchronize_session=False))
    _event(session, c.id, actor, action, at=min(when, now), note=text)
    audit.record(session, actor, action, "complaint", c.id, after={"at": when, "note": bool(text)})
    return _done(session, c, actor)


def close_feedback_loop(session: Session, actor: Actor, complaint_id: int, expected_version: int,
                        opinion: str) -> Outcome:
    """R-FLOW-5: the customer was told the result and asked for their opinion (recorded)."""
    c = _case(session, actor, complaint_id)
    if c.stage != "feedback":
        raise ComplaintInputError(f"{c.reference} is in {c.stage}: the loop closes in the feedback stage, after "
                                  "the result was reached.", "stage")
    text = _text(opinion, "the customer's opinion", NOTE_MAX, "opinion")
    now = clock.now()
    apply_edit(session, actor, Complaint, c.id, expected_version,
               {"feedback_loop_closed": True, "customer_opinion": text, "last_feedback_at": now}, entity="complaint")
    _event(session, c.id, actor, "feedback", at=now, note=text, data={"loop_closed": True})
    return _done(session, c, actor)


def merge(session: Session, actor: Actor, duplicate_id: int, into_id: int, *, reason: str | None = None) -> Outcome:
    """Merge a duplicate into another case: the duplicate closes with a link and keeps its timeline."""
    if duplicate_id == into_id:
        raise ComplaintInputError("A case cannot be merged into itself.", "into")
    dup = _case(session, actor, duplicate_id)
    into = _case(session, actor, into_id)
    if dup.merged_into_id is not None:
        raise ComplaintInputError(f"{dup.reference} is already merged into case {dup.merged_into_id}.", "into")
    if into.merged_into_id is not None or into.stage == "closed":
        raise ComplaintInputError(f"{into.reference} is closed{' (merged)' if into.merged_into_id else ''}: merge into "
                                  "an open case.", "into")
    if dup.stage == "closed":
        raise ComplaintInputError(f"{dup.reference} is closed already.", "into")
    why = _text(reason, "the reason", REASON_MAX, "reason", required=False)
    now = clock.now()
    from_stage = dup.stage
    dup.stage, dup.closed_at, dup.merged_into_id = "closed", now, into.id
    session.flush()
    _event(session, dup.id, actor, "merged", at=now, from_stage=from_stage, to_stage="closed",
           note=why or f"Merged into {into.reference}", data={"into_id": into.id, "into": into.reference})
    _event(session, into.id, actor, "merged_from", at=now, note=f"{dup.reference} merged into this case",
           data={"from_id": dup.id, "from": dup.reference, "reason": why})
    audit.record(session, actor, "merge", "complaint", dup.id, after={"into": into.reference, "reason": why})
    refresh(session, into.id, now, actor=actor.username)
    return _done(session, dup, actor)


def reopen(session: Session, actor: Actor, complaint_id: int, expected_version: int, reason: str) -> Outcome:
    """Re-open a closed (or resolved) case with a reason: back to process, with new resolution clocks."""
    c = _case(session, actor, complaint_id)
    if c.merged_into_id is not None:
        raise ComplaintInputError(f"{c.reference} was merged into case {c.merged_into_id}: re-open that one.", "stage")
    if c.stage not in ("closed", "feedback"):
        raise ComplaintInputError(f"{c.reference} is still open ({c.stage}).", "stage")
    why = _text(reason, "why the case is re-opened", REASON_MAX, "reason")
    now = clock.now()
    from_stage = c.stage
    apply_edit(session, actor, Complaint, c.id, expected_version,
               {"stage": "process", "closed_at": None, "resolved_at": None, "feedback_loop_closed": False,
                "archived_at": None}, entity="complaint")
    _event(session, c.id, actor, "reopened", at=now, from_stage=from_stage, to_stage="process", note=why,
           data={"reason": why})
    return _done(session, c, actor)


# --- clocks ---------------------------------------------------------------------------------------------------------
def complaint_clocks(session: Session, actor: Actor, complaint_id: int, *, now: datetime | None = None
                     ) -> tuple[Clock, ...]:
    """Every clock of a case at ``now``, computed from its timeline (read-only; the actor's scope applies)."""
    query = select(Complaint.id).where(Complaint.id == complaint_id)
    clause = row_scope(session, actor).complaint_clause()
    if clause is not None:
        query = query.where(clause)
    if session.execute(query).first() is None:
        raise ComplaintInputError(f"Complaint {complaint_id} does not exist, or is not one you may see.")
    _, events = case_events(session, complaint_id)
    return compute_clocks(events, load_policies(session, []), now or clock.now())


__all__ = ["ACTIONS", "ComplaintDraft", "ComplaintInputError", "Outcome", "add_note", "assign_owner",
           "close_feedback_loop", "complaint_clocks", "log_action", "merge", "move_stage", "record_complaint",
           "reopen"]
