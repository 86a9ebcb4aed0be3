"""The complaints board: open complaints and service requests grouped by stage (R-FLOW-1).

* Columns are the R-FLOW-1 stages in order: accept, assess, process, feedback, closed.
* Every case not closed is on the board; the closed column shows only cases closed in the last
  ``CLOSED_DAYS`` days (older ones are history, not work).
* Within a column: urgent before regular before special (R-FLOW-2), VIP first, then the
  resolution deadline (see ``app/complaints/sla.py``) soonest first; closed cases newest first.
* The customer appears only as ``customers.phone_masked`` (R-SEC-2).
* Whose cases: the actor's row scope (``app/security/permissions.py``): a supervisor sees the
  cases of the teams they supervise, an agent their own, the other roles the whole center. The
  scope is applied in the query, so no caller can see more than its actor may.
* Filtering by text, priority and category runs on the loaded cards (``filter_board``), so it
  costs no database round trip while typing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

from sqlalchemy import Text, cast, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.actor import Actor
from app.admin.rules import rule_value
from app.complaints.engine import CardClock, card_clocks
from app.complaints.sla import AT_RISK_SHARE, SLA_STATES, SlaIndication, resolution_rule
from app.i18n import N_
from app.security.permissions import RowScope, row_scope
from db.models import Complaint, ComplaintEvent, Customer, Person, Team
from db.models.complaints import CATEGORIES, PRIORITIES, STAGES

CLOSED_DAYS = 7
SUMMARY_CHARS = 90

STAGE_LABELS = {
    "accept": N_("Accept"), "assess": N_("Assess"), "process": N_("Process"), "feedback": N_("Feedback"),
    "closed": N_("Closed"),
}
PRIORITY_LABELS = {"urgent": N_("Urgent"), "regular": N_("Regular"), "special": N_("Special")}
CATEGORY_LABELS = {
    "product_quality": N_("Product quality"), "after_sales": N_("After-sales"), "logistics": N_("Logistics"),
    "service_attitude": N_("Service attitude"), "system_fault": N_("System fault"), "other": N_("Other"),
}
CHANNEL_LABELS = {
    "phone": N_("Phone"), "chat": N_("Chat"), "email": N_("Email"), "social": N_("Social"),
    "onsite": N_("On-site"),
}
KIND_LABELS = {"complaint": N_("Complaint"), "service_request": N_("Service request")}
EVENT_LABELS = {
    "created": N_("Created"), "stage": N_("Stage changed"), "note": N_("Note"), "feedback": N_("Feedback to customer"),
    "escalated": N_("Escalated"), "supervisor_joined": N_("Supervisor involved"), "assigned": N_("Assigned"),
    "resolved": N_("Resolved"), "closed": N_("Closed"), "reopened": N_("Re-opened"),
    "key_points": N_("Key points recorded"), "tech_reported": N_("Reported to the technical team"),
    "tech_diagnosed": N_("Diagnosed by the technical team"), "temporary_solution": N_("Temporary solution offered"),
    "eta": N_("Expected resolution time told"),
}


@dataclass(frozen=True)
class ComplaintCard:
    id: int
    reference: str
    kind: str
    category: str
    priority: str
    is_vip: bool
    stage: str
    owner: str | None
    team: str | None
    customer_masked: str | None
    summary: str  # shortened to SUMMARY_CHARS
    opened_at: datetime
    closed_at: datetime | None
    age_sec: float  # open: now - opened; closed: closed - opened
    expected_resolution_at: datetime | None  # told to the customer (R-FLOW-8)
    sla: SlaIndication
    version: int
    # the SLA engine's clock cache as stored (JSON text), parsed only when a card's clocks are asked for:
    # a board of 10,000 cases paints a few dozen cards, so the others never pay for it
    clock_cache: str | None = field(default=None, repr=False, compare=False)

    @cached_property
    def clocks(self) -> tuple[CardClock, ...]:
        """Every clock of the SLA engine as of its last computation (app/complaints/engine.py); each tells
        its state at any second (``CardClock.state_at``); empty until the sweep first computed the case."""
        return card_clocks(json.loads(self.clock_cache)) if self.clock_cache else ()


@dataclass(frozen=True)
class StageColumn:
    stage: str
    cards: tuple[ComplaintCard, ...]

    @property
    def count(self) -> int:
        return len(self.cards)


@dataclass(frozen=True)
class Board:
    at: datetime
    columns: tuple[StageColumn, ...]
    closed_days: int = CLOSED_DAYS
    scope: RowScope = field(default_factory=lambda: RowScope("all"))

    def column(self, stage: str) -> StageColumn:
        return next(c for c in self.columns if c.stage == stage)

    @property
    def open_count(self) -> int:
        return sum(c.count for c in self.columns if c.stage != "closed")

    def sla_counts(self) -> dict[str, int]:
        """Cases per SLA state among the open ones."""
        counts = dict.fromkeys(SLA_STATES, 0)
        for column in self.columns:
            if column.stage != "closed":
                for card in column.cards:
                    counts[card.sla.state] += 1
        return counts


@dataclass(frozen=True)
class BoardFilter:
    text: str = ""  # reference, summary, owner, team or masked customer, case-insensitive
    priority: str | None = None
    category: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.text.strip() or self.priority or self.category)

    def matches(self, card: ComplaintCard) -> bool:
        if self.priority and card.priority != self.priority:
            return False
        if self.category and card.category != self.category:
            return False
        needle = self.text.strip().casefold()
        if needle:
            haystack = " ".join(x for x in (card.reference, card.summary, card.owner, card.team,
                                            card.customer_masked) if x).casefold()
            return all(word in haystack for word in needle.split())
        return True


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    kind: str
    from_stage: str | None
    to_stage: str | None
    actor: str | None
    note: str | None
    # what the event carries beyond its kind: a clock's rule, level and whom it told, a merge target,
    # the reason of a skipped step (see app/complaints/service.py and sweep.py)
    data: dict[str, Any] | None = None


@dataclass(frozen=True)
class ComplaintDetail:
    card: ComplaintCard
    summary: str  # full text
    channel: str
    first_contact_at: datetime
    resolved_at: datetime | None
    last_feedback_at: datetime | None
    feedback_loop_closed: bool
    customer_opinion: str | None
    customer_name_masked: str | None
    departments: tuple[str, ...]
    temporary_solution: str | None
    is_complex: bool
    is_conflict: bool
    interaction_id: int | None
    events: tuple[TimelineEvent, ...] = field(default=())
    # whose identifiers an allowed role may reveal (app/security/customers.py); None: no customer, or erased
    customer_id: int | None = None


def shorten(text: str, limit: int = SUMMARY_CHARS) -> str:
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(",;:.- ") + "…"


def _targets(session: Session) -> dict[str, float]:
    targets = {kind: float(rule_value(session, resolution_rule(kind)))  # type: ignore[arg-type]
               for kind in ("complaint", "service_request")}
    for kind, hours in targets.items():
        if hours <= 0:
            raise ValueError(f"{resolution_rule(kind)}: the target must be a positive number of hours")
    return targets


def _columns() -> tuple[Any, ...]:
    return (Complaint.id, Complaint.reference, Complaint.kind, Complaint.category, Complaint.priority,
            Complaint.is_vip, Complaint.stage, Person.full_name, Team.name, Customer.phone_masked,
            Complaint.summary, Complaint.opened_at, Complaint.closed_at, Complaint.first_contact_at,
            Complaint.resolved_at, Complaint.expected_resolution_at, Complaint.version,
            cast(Complaint.sla_clocks, Text).label("sla_clocks"))


def _card(r: Any, now: datetime, targets: dict[str, float]) -> ComplaintCard:
    # one tuple unpack instead of a named lookup per column: a board of 10,000 cases builds in a third
    # of the time (SQLAlchemy's Row attribute access is the slow part)
    (cid, reference, kind, category, priority, is_vip, stage, owner, team, masked, summary, opened_at, closed_at,
     first_contact_at, resolved_at, eta, version, cache) = r
    rule_kind = kind if kind in targets else "complaint"
    stopped = resolved_at or (closed_at if stage == "closed" else None)
    sla = _resolution(rule_kind, targets[rule_kind], first_contact_at, stopped, now)
    end = closed_at if stage == "closed" and closed_at else now
    return ComplaintCard(
        cid, reference, kind, category, priority, bool(is_vip), stage, owner, team, masked, shorten(summary or ""),
        opened_at, closed_at, max(0.0, (end - opened_at).total_seconds()), eta, sla, version, cache)


def _resolution(kind: str, target_hours: float, started_at: datetime, stopped_at: datetime | None,
                now: datetime) -> SlaIndication:
    """:func:`resolution_sla` without its checks (the targets were checked once per board)."""
    target = timedelta(hours=target_hours)
    due = started_at + target
    share = max(0.0, ((stopped_at or now) - started_at) / target)
    if stopped_at is not None:
        state = "met" if stopped_at <= due else "breached"
    elif now > due:
        state = "breached"
    elif share >= AT_RISK_SHARE:
        state = "at_risk"
    else:
        state = "on_track"
    return SlaIndication(resolution_rule(kind), float(target_hours), started_at, due, stopped_at, state, share)


def _select() -> Any:
    return (select(*_columns())
            .outerjoin(Person, Person.id == Complaint.owner_id)
            .outerjoin(Team, Team.id == Complaint.team_id)
            .outerjoin(Customer, Customer.id == Complaint.customer_id))


def _sort_key(card: ComplaintCard) -> tuple[Any, ...]:
    if card.stage == "closed":
        return (-(card.closed_at or card.opened_at).timestamp(), card.id)
    priority = PRIORITIES.index(card.priority) if card.priority in PRIORITIES else len(PRIORITIES)
    return (priority, not card.is_vip, card.sla.due_at, card.id)


def _scoped(query: Any, scope: RowScope) -> Any:
    clause = scope.complaint_clause()
    return query if clause is None else query.where(clause)


def load_board(session: Session, actor: Actor, *, now: datetime | None = None) -> Board:
    """The board of the cases ``actor`` may see."""
    now = now or clock.now()
    scope = row_scope(session, actor)
    targets = _targets(session)
    closed_since = now - timedelta(days=CLOSED_DAYS)
    rows = session.execute(
        _scoped(_select(), scope).where(or_(Complaint.stage != "closed", Complaint.closed_at >= closed_since))
    ).all()
    by_stage: dict[str, list[ComplaintCard]] = {stage: [] for stage in STAGES}
    for r in rows:
        card = _card(r, now, targets)
        by_stage.setdefault(card.stage if card.stage in by_stage else "accept", []).append(card)
    columns = tuple(StageColumn(stage, tuple(sorted(by_stage[stage], key=_sort_key))) for stage in STAGES)
    return Board(at=now, columns=columns, scope=scope)


def filter_board(board: Board, f: BoardFilter) -> Board:
    if not f.active:
        return board
    return replace(board, columns=tuple(
        StageColumn(c.stage, tuple(card for card in c.cards if f.matches(card))) for c in board.columns))


def complaint_detail(session: Session, actor: Actor, complaint_id: int, *,
                     now: datetime | None = None) -> ComplaintDetail | None:
    """One case with its timeline; None when it does not exist or is outside the actor's scope."""
    now = now or clock.now()
    row = session.execute(_scoped(_select(), row_scope(session, actor)).where(Complaint.id == complaint_id)).first()
    if row is None:
        return None
    c = session.get(Complaint, complaint_id)
    assert c is not None
    customer = session.get(Customer, c.customer_id) if c.customer_id is not None else None
    events = session.execute(
        select(ComplaintEvent.at, ComplaintEvent.kind, ComplaintEvent.from_stage, ComplaintEvent.to_stage,
               ComplaintEvent.actor, ComplaintEvent.note, ComplaintEvent.data)
        .where(ComplaintEvent.complaint_id == complaint_id)
        .order_by(ComplaintEvent.at, ComplaintEvent.id)
    ).all()
    return ComplaintDetail(
        card=_card(row, now, _targets(session)), summary=c.summary or "", channel=c.channel,
        first_contact_at=c.first_contact_at, resolved_at=c.resolved_at, last_feedback_at=c.last_feedback_at,
        feedback_loop_closed=bool(c.feedback_loop_closed), customer_opinion=c.customer_opinion,
        customer_name_masked=customer.name_masked if customer else None,
        departments=tuple(str(d) for d in (c.departments or ())), temporary_solution=c.temporary_solution,
        is_complex=bool(c.is_complex), is_conflict=bool(c.is_conflict), interaction_id=c.interaction_id,
        events=tuple(TimelineEvent(e[0], e[1], e[2], e[3], e[4], e[5], e[6]) for e in events),
        customer_id=customer.id if customer is not None and customer.erased_at is None else None,
    )


__all__ = ["CATEGORIES", "PRIORITIES", "STAGES", "Board", "BoardFilter", "ComplaintCard", "ComplaintDetail",
           "StageColumn", "TimelineEvent", "complaint_detail", "filter_board", "load_board"]
