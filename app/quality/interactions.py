"""Recent interactions for quality review: a filtered, sorted, paged query and one interaction's details.

Definitions (shown in the UI, tested in ``tests/test_quality.py``):

* Days are **center-local** calendar days: ``start_day``..``end_day`` (both inclusive) become
  the UTC range ``[start_day 00:00, end_day + 1 00:00)`` in the center's time zone, so the
  query runs on the ``offered_at`` index.
* **Recorded** means ``recording_ref`` is set.
* **Reviewed** means a QA review that is not a draft exists for the interaction; the score
  shown is the dialogue score (1-10, R-QA-2) of the latest such review.
* The customer is shown only as ``customers.phone_masked`` (R-SEC-2): nothing here decrypts.
* Whose interactions: the actor's row scope (``app/security/permissions.py``): a supervisor sees
  the agents of the teams they supervise, an agent their own, the other roles everyone. It is a
  WHERE clause on ``agent_id`` in every query here (list, count, details, filter choices).

A page is fetched with LIMIT/OFFSET over an indexed range and the total is one COUNT with the
same filters; nothing loads every row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from app import clock
from app.actor import Actor
from app.i18n import N_, Message
from app.people.center import center_summary
from app.security.permissions import RowScope, row_scope
from db.models import Complaint, Customer, Interaction, Person, QaReview, Queue, Team

PAGE_SIZE = 200

CHANNEL_LABELS = {
    "phone": N_("Phone"), "chat": N_("Chat"), "email": N_("Email"), "social": N_("Social"),
    "onsite": N_("On-site"),
}
OUTCOME_LABELS = {
    "answered": N_("Answered"), "abandoned": N_("Abandoned"), "timeout": N_("Timed out"),
    "transferred": N_("Transferred"), "other": N_("Other"),
}

# sort keys the query supports; every sort ends with the id so paging is stable
SORT_KEYS = ("time", "agent", "team", "queue", "channel", "duration", "wait", "rating")


@dataclass(frozen=True)
class InteractionFilter:
    """What the Quality list shows. ``None`` means "any"."""

    start_day: date | None = None  # center-local, inclusive
    end_day: date | None = None  # center-local, inclusive
    agent_id: int | None = None
    team_id: int | None = None
    queue_id: int | None = None
    channel: str | None = None
    outcome: str | None = None
    rating_min: int | None = None
    rating_max: int | None = None
    recorded_only: bool = True
    not_reviewed: bool = False
    agent_text: str = ""  # part of the agent's name, case-insensitive

    def validate(self) -> None:
        if self.start_day and self.end_day and self.start_day > self.end_day:
            raise ValueError(N_("The start date is after the end date."))
        if self.rating_min is not None and self.rating_max is not None and self.rating_min > self.rating_max:
            raise ValueError(N_("The lowest rating is above the highest rating."))


@dataclass(frozen=True)
class InteractionRow:
    id: int
    offered_at: datetime  # aware UTC
    agent_id: int | None
    agent: str | None
    team: str | None
    queue: str
    channel: str
    outcome: str
    duration_sec: float  # talk time
    wait_sec: float
    rating: int | None
    resolved: bool | None
    has_recording: bool
    review_score: int | None  # latest non-draft dialogue score, 1..10
    customer_masked: str | None  # customers.phone_masked only (R-SEC-2)


@dataclass(frozen=True)
class InteractionPage:
    rows: tuple[InteractionRow, ...]
    total: int  # every interaction matching the filter
    offset: int
    limit: int
    sort: str = "time"
    descending: bool = True

    @property
    def first(self) -> int:
        """1-based number of the first row shown (0 when the page is empty)."""
        return self.offset + 1 if self.rows else 0

    @property
    def last(self) -> int:
        return self.offset + len(self.rows)

    @property
    def has_previous(self) -> bool:
        return self.offset > 0

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.rows) < self.total


@dataclass(frozen=True)
class ReviewSummary:
    reviewed_at: datetime
    reviewer: str | None
    dialogue_score: int
    violations: int
    status: str
    comment: str | None


@dataclass(frozen=True)
class InteractionDetail:
    row: InteractionRow
    answered_at: datetime | None
    ended_at: datetime | None
    wrap_sec: float
    region: str | None
    source: str
    recording_ref: str | None
    recording_sec: float | None
    recommendation_offered: bool
    recommendation_converted: bool
    customer_name_masked: str | None
    customer_is_vip: bool
    reviews: tuple[ReviewSummary, ...] = field(default=())
    complaints: tuple[str, ...] = field(default=())  # references of complaints raised from it
    # whose identifiers an allowed role may reveal (app/security/customers.py); None: no customer, or erased
    customer_id: int | None = None


@dataclass(frozen=True)
class AgentOption:
    id: int
    name: str
    team_id: int | None


@dataclass(frozen=True)
class NamedOption:
    id: int
    name: str


@dataclass(frozen=True)
class QueueOption:
    id: int
    name: str
    channel: str


@dataclass(frozen=True)
class FilterOptions:
    agents: tuple[AgentOption, ...]
    teams: tuple[NamedOption, ...]
    queues: tuple[QueueOption, ...]
    channels: tuple[str, ...]
    today: date  # center-local
    timezone: str
    has_interactions: bool  # any in scope, to tell "nothing matches" from "nothing yet"
    scope: RowScope = field(default_factory=lambda: RowScope("all"))


# --- helpers ---------------------------------------------------------------------------------------
def center_zone(session: Session) -> ZoneInfo:
    center = center_summary(session)
    return ZoneInfo(center.timezone if center else "UTC")


def local_day_start(day: date, tz: ZoneInfo) -> datetime:
    """Midnight of a center-local day, as aware UTC."""
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(ZoneInfo("UTC"))


def _not_draft() -> ColumnElement[bool]:
    return QaReview.status != "draft"


def _where(f: InteractionFilter, tz: ZoneInfo) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if f.start_day is not None:
        clauses.append(Interaction.offered_at >= local_day_start(f.start_day, tz))
    if f.end_day is not None:
        clauses.append(Interaction.offered_at < local_day_start(f.end_day + timedelta(days=1), tz))
    if f.agent_id is not None:
        clauses.append(Interaction.agent_id == f.agent_id)
    if f.team_id is not None:
        clauses.append(Interaction.agent_id.in_(select(Person.id).where(Person.team_id == f.team_id)))
    if f.queue_id is not None:
        clauses.append(Interaction.queue_id == f.queue_id)
    if f.channel:
        clauses.append(Interaction.channel == f.channel)
    if f.outcome:
        clauses.append(Interaction.outcome == f.outcome)
    if f.rating_min is not None:
        clauses.append(Interaction.rating >= f.rating_min)
    if f.rating_max is not None:
        clauses.append(Interaction.rating <= f.rating_max)
    if f.recorded_only:
        clauses.append(Interaction.recording_ref.is_not(None))
    if f.not_reviewed:
        clauses.append(~exists().where(QaReview.interaction_id == Interaction.id, _not_draft()))
    text = f.agent_text.strip().lower()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append(Interaction.agent_id.in_(
            select(Person.id).where(func.lower(Person.full_name).like(pattern, escape="\\"))))
    return clauses


def _latest_review_score() -> Any:
    latest = aliased(QaReview)
    return (select(latest.dialogue_score)
            .where(latest.interaction_id == Interaction.id, latest.status != "draft")
            .order_by(latest.reviewed_at.desc(), latest.id.desc())
            .limit(1)
            .scalar_subquery())


def _row_select() -> Select[Any]:
    return (
        select(Interaction.id, Interaction.offered_at, Interaction.agent_id, Person.full_name, Team.name,
               Queue.name, Interaction.channel, Interaction.outcome, Interaction.talk_sec,
               Interaction.wait_sec, Interaction.rating, Interaction.resolved,
               Interaction.recording_ref.is_not(None), _latest_review_score(), Customer.phone_masked)
        .join(Queue, Queue.id == Interaction.queue_id)
        .outerjoin(Person, Person.id == Interaction.agent_id)
        .outerjoin(Team, Team.id == Person.team_id)
        .outerjoin(Customer, Customer.id == Interaction.customer_id)
    )


def _to_row(r: Any) -> InteractionRow:
    return InteractionRow(
        id=r[0], offered_at=r[1], agent_id=r[2], agent=r[3], team=r[4], queue=r[5], channel=r[6],
        outcome=r[7], duration_sec=float(r[8] or 0.0), wait_sec=float(r[9] or 0.0), rating=r[10],
        resolved=r[11], has_recording=bool(r[12]), review_score=r[13], customer_masked=r[14])


def _order_by(sort: str, descending: bool) -> list[Any]:
    columns: dict[str, Any] = {
        "time": Interaction.offered_at, "agent": Person.full_name, "team": Team.name, "queue": Queue.name,
        "channel": Interaction.channel, "duration": Interaction.talk_sec, "wait": Interaction.wait_sec,
        "rating": Interaction.rating,
    }
    if sort not in columns:
        raise ValueError(Message(N_("Cannot sort by {sort!r}"), sort=sort))
    column = columns[sort]
    # NULLs (no agent, no rating) always last, on both engines
    keys: list[Any] = [column.is_(None)] if sort in ("agent", "team", "rating") else []
    keys.append(column.desc() if descending else column.asc())
    if sort != "time":
        keys.append(Interaction.offered_at.desc())
    keys.append(Interaction.id.desc() if descending or sort != "time" else Interaction.id.asc())
    return keys


# --- queries -----------------------------------------------------------------------------------------
def _scope_where(session: Session, actor: Actor) -> list[ColumnElement[bool]]:
    clause = row_scope(session, actor).interaction_clause()
    return [] if clause is None else [clause]


def list_interactions(session: Session, actor: Actor, f: InteractionFilter, *, offset: int = 0,
                      limit: int = PAGE_SIZE, sort: str = "time", descending: bool = True) -> InteractionPage:
    """One page of the interactions ``actor`` may see matching ``f`` (newest first by default), and the total."""
    f.validate()
    if limit <= 0:
        raise ValueError(N_("limit must be positive"))
    tz = center_zone(session)
    where = _where(f, tz) + _scope_where(session, actor)
    total = session.scalar(select(func.count()).select_from(Interaction).where(*where)) or 0
    offset = max(0, min(offset, max(0, total - 1) // limit * limit))
    rows = session.execute(
        _row_select().where(*where).order_by(*_order_by(sort, descending)).offset(offset).limit(limit)
    ).all()
    return InteractionPage(rows=tuple(_to_row(r) for r in rows), total=total, offset=offset, limit=limit,
                           sort=sort, descending=descending)


def interaction_detail(session: Session, actor: Actor, interaction_id: int) -> InteractionDetail | None:
    """One interaction's details; None when it does not exist or is outside the actor's scope."""
    row = session.execute(
        _row_select().where(Interaction.id == interaction_id, *_scope_where(session, actor))).first()
    if row is None:
        return None
    i = session.get(Interaction, interaction_id)
    assert i is not None
    customer = session.get(Customer, i.customer_id) if i.customer_id is not None else None
    reviewer = aliased(Person)
    reviews = session.execute(
        select(QaReview.reviewed_at, reviewer.full_name, QaReview.dialogue_score, QaReview.violations,
               QaReview.status, QaReview.comment)
        .outerjoin(reviewer, reviewer.id == QaReview.reviewer_id)
        .where(QaReview.interaction_id == interaction_id)
        .order_by(QaReview.reviewed_at.desc(), QaReview.id.desc())
    ).all()
    complaints = session.scalars(
        select(Complaint.reference).where(Complaint.interaction_id == interaction_id).order_by(Complaint.id)
    ).all()
    return InteractionDetail(
        row=_to_row(row), answered_at=i.answered_at, ended_at=i.ended_at, wrap_sec=float(i.wrap_sec or 0.0),
        region=i.region, source=i.source, recording_ref=i.recording_ref, recording_sec=i.recording_sec,
        recommendation_offered=bool(i.recommendation_offered),
        recommendation_converted=bool(i.recommendation_converted),
        customer_name_masked=customer.name_masked if customer else None,
        customer_is_vip=bool(customer.is_vip) if customer else False,
        reviews=tuple(ReviewSummary(r[0], r[1], r[2], r[3] or 0, r[4], r[5]) for r in reviews),
        complaints=tuple(complaints),
        customer_id=customer.id if customer is not None and customer.erased_at is None else None,
    )


def filter_options(session: Session, actor: Actor, today: date | None = None) -> FilterOptions:
    """Choices for the filter bar (the teams and agents in the actor's scope), plus the center-local today."""
    tz = center_zone(session)
    scope = row_scope(session, actor)
    # former agents stay listed: their past interactions can still be reviewed
    agent_query = select(Person.id, Person.full_name, Person.team_id).where(Person.job_title == "agent")
    team_query = select(Team.id, Team.name)
    in_scope = scope.agent_ids()
    if in_scope is not None:
        agent_query = agent_query.where(Person.id.in_(in_scope))
        team_query = team_query.where(Team.id.in_(scope.team_ids or (-1,)))
    agents = session.execute(agent_query.order_by(Person.full_name, Person.id)).all()
    scoped = [] if scope.interaction_clause() is None else [scope.interaction_clause()]
    teams = session.execute(team_query.order_by(Team.name)).all()
    queues = session.execute(select(Queue.id, Queue.name, Queue.channel).order_by(Queue.channel, Queue.name)).all()
    channels = tuple(dict.fromkeys(q.channel for q in queues))
    return FilterOptions(
        agents=tuple(AgentOption(a[0], a[1], a[2]) for a in agents),
        teams=tuple(NamedOption(t[0], t[1]) for t in teams),
        queues=tuple(QueueOption(q[0], q[1], q[2]) for q in queues),
        channels=channels,
        today=today or clock.now().astimezone(tz).date(),
        timezone=tz.key,
        has_interactions=bool(session.scalar(select(exists().where(Interaction.id.is_not(None), *scoped)))),
        scope=scope,
    )
