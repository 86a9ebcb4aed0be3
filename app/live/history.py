"""A center-local day from stored history: volume per 15-minute interval, the day's figures,
per-queue figures and the agents' states at a moment.

Definitions (pinned here, shown in the UI, tested in ``tests/test_live.py``):

* **Offered**: every interaction whose ``offered_at`` falls in the center-local day (for today:
  up to now). All outcomes count, whatever the channel.
* **Answered**: an offered interaction with ``answered_at`` set (transferred calls were answered
  first, so they count).
* **Abandoned**: ``outcome == 'abandoned'`` (the customer gave up). Queue time-outs and other
  unanswered outcomes are offered but neither answered nor abandoned.
* **Abandon rate** = abandoned ÷ offered.
* **Service level** = answered with ``wait_sec`` at most the *queue's own*
  ``target_answer_sec`` ÷ offered. Abandoned contacts stay in the denominator (no short-abandon
  exclusion), so a contact that waited too long always counts against the target. ``None`` when
  nothing was offered.
* **Average speed of answer (ASA)** = mean ``wait_sec`` of answered contacts.
* **Longest wait** = the largest ``wait_sec`` of any offered contact, answered or not.
* Email and social messages are answered asynchronously (hours, not seconds), so the day's
  ASA and longest wait over *all* queues cover the real-time channels only (phone, chat,
  on-site). Filtered to a channel or a queue, and per queue, they cover exactly that selection.

Every aggregate runs in SQL (GROUP BY over the indexed ``offered_at`` range), never by loading
the day's rows into Python.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, and_, case, cast, func, or_, select, true
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app import clock
from app.i18n import N_
from app.people.center import center_summary
from db.models import AgentStateInterval, Interaction, Person, Queue, Team

INTERVAL = timedelta(minutes=15)
INTERVAL_SEC = int(INTERVAL.total_seconds())

# An agent state still open after this long is treated as a feed gap, not as a real state:
# nobody stays logged in (or on one pause) for a whole day.
STATE_LOOKBACK = timedelta(hours=24)

# answered while the customer waits; email and social are answered asynchronously
REALTIME_CHANNELS = ("phone", "chat", "onsite")

AVAILABLE = "available"
PAUSED = "paused"
LOGGED_OUT = "logged_out"
AGENT_STATES = (AVAILABLE, PAUSED, LOGGED_OUT)
STATE_LABELS = {
    AVAILABLE: N_("Available"),
    PAUSED: N_("Paused"),
    LOGGED_OUT: N_("Logged out"),
}


# --- the day -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DayWindow:
    """A center-local calendar day as a UTC range [start, end) (23 or 25 h on DST changes)."""

    day: date
    timezone: str
    start: datetime
    end: datetime

    @property
    def interval_count(self) -> int:
        return int((self.end - self.start) / INTERVAL)

    def interval_start(self, index: int) -> datetime:
        return self.start + index * INTERVAL


def center_timezone(session: Session) -> ZoneInfo:
    center = center_summary(session)
    return ZoneInfo(center.timezone if center else "UTC")


def local_today(tz: ZoneInfo, now: datetime | None = None) -> date:
    return (now or clock.now()).astimezone(tz).date()


def day_window(day: date, tz: ZoneInfo) -> DayWindow:
    start = datetime.combine(day, time(0), tzinfo=tz).astimezone(ZoneInfo("UTC"))
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(ZoneInfo("UTC"))
    return DayWindow(day=day, timezone=tz.key, start=start, end=end)


@dataclass(frozen=True)
class VolumeFilter:
    """Restrict volumes and day figures to one channel or one queue (None: everything)."""

    channel: str | None = None
    queue_id: int | None = None

    @property
    def is_everything(self) -> bool:
        return self.channel is None and self.queue_id is None

    def clauses(self) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = []
        if self.channel is not None:
            out.append(Interaction.channel == self.channel)
        if self.queue_id is not None:
            out.append(Interaction.queue_id == self.queue_id)
        return out


# --- results -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class IntervalVolume:
    start: datetime  # UTC
    offered: int
    answered: int
    abandoned: int


@dataclass(frozen=True)
class DayFigures:
    offered: int = 0
    answered: int = 0
    abandoned: int = 0
    answered_in_target: int = 0
    asa_sec: float | None = None
    longest_wait_sec: float | None = None

    @property
    def service_level(self) -> float | None:
        return self.answered_in_target / self.offered if self.offered else None

    @property
    def abandon_rate(self) -> float | None:
        return self.abandoned / self.offered if self.offered else None


@dataclass(frozen=True)
class QueueFigures:
    queue_id: int
    name: str
    channel: str
    is_vip: bool
    target_answer_sec: int
    target_service_level: float
    figures: DayFigures


@dataclass(frozen=True)
class QueueOption:
    id: int
    name: str
    channel: str


@dataclass(frozen=True)
class AgentNow:
    person_id: int
    name: str
    team: str | None
    state: str  # AVAILABLE / PAUSED / LOGGED_OUT
    reason: str | None  # pause reason
    since: datetime | None  # None: no state in the last STATE_LOOKBACK
    time_in_state_sec: float | None


@dataclass(frozen=True)
class AgentBoard:
    at: datetime
    agents: tuple[AgentNow, ...] = ()

    def count(self, state: str) -> int:
        return sum(1 for a in self.agents if a.state == state)

    @property
    def pause_reasons(self) -> list[tuple[str, int]]:
        """(reason, agents) for paused agents, the most common first."""
        counter = Counter(a.reason or "" for a in self.agents if a.state == PAUSED)
        return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


@dataclass(frozen=True)
class LiveDay:
    window: DayWindow
    as_of: datetime  # figures cover [window.start, as_of)
    is_today: bool
    filter: VolumeFilter
    intervals: tuple[IntervalVolume, ...]
    totals: DayFigures
    queues: tuple[QueueFigures, ...]
    agents: AgentBoard
    latest_offered_at: datetime | None  # newest stored interaction anywhere (None: no history)
    queue_options: tuple[QueueOption, ...] = field(default=())
    channels: tuple[str, ...] = field(default=())
    target_service_level: float | None = None  # when every queue in scope shares one target


# --- queries -------------------------------------------------------------------------------------
def _epoch_bucket(session: Session, start: datetime) -> ColumnElement[int]:
    """The 15-minute interval index of ``offered_at`` counted from ``start``, in SQL."""
    start_epoch = int(start.timestamp())
    if session.get_bind().dialect.name == "sqlite":
        seconds = cast(func.strftime("%s", Interaction.offered_at), Integer)
        return (seconds - start_epoch) // INTERVAL_SEC
    # PostgreSQL: epoch of a timestamp without time zone is its nominal (here: UTC) seconds
    return cast(func.floor((func.extract("epoch", Interaction.offered_at) - start_epoch) / INTERVAL_SEC),
                Integer)


def _answered() -> ColumnElement[bool]:
    return Interaction.answered_at.is_not(None)


def _range(start: datetime, end: datetime) -> ColumnElement[bool]:
    return and_(Interaction.offered_at >= start, Interaction.offered_at < end)


def interval_volumes(session: Session, window: DayWindow, until: datetime | None = None,
                     flt: VolumeFilter | None = None) -> list[IntervalVolume]:
    """Offered/answered/abandoned per 15-minute interval of the day, zero-filled, up to ``until``."""
    end = min(window.end, until) if until is not None else window.end
    flt = flt or VolumeFilter()
    buckets: dict[int, tuple[int, int, int]] = {}
    if end > window.start:
        inner = (
            select(
                _epoch_bucket(session, window.start).label("bucket"),
                case((_answered(), 1), else_=0).label("answered"),
                case((Interaction.outcome == "abandoned", 1), else_=0).label("abandoned"),
            )
            .where(_range(window.start, end), *flt.clauses())
            .subquery()
        )
        stmt = select(inner.c.bucket, func.count(), func.sum(inner.c.answered),
                      func.sum(inner.c.abandoned)).group_by(inner.c.bucket)
        for bucket, offered, answered, abandoned in session.execute(stmt):
            buckets[int(bucket)] = (int(offered), int(answered or 0), int(abandoned or 0))
    return [IntervalVolume(window.interval_start(i), *buckets.get(i, (0, 0, 0)))
            for i in range(window.interval_count)]


def _figure_columns(realtime_waits: bool = False) -> list[Any]:
    answered = _answered()
    in_target = and_(answered, Interaction.wait_sec <= Queue.target_answer_sec)
    waits = Interaction.channel.in_(REALTIME_CHANNELS) if realtime_waits else true()
    return [
        func.count(),
        func.sum(case((answered, 1), else_=0)),
        func.sum(case((Interaction.outcome == "abandoned", 1), else_=0)),
        func.sum(case((in_target, 1), else_=0)),
        func.avg(case((and_(answered, waits), Interaction.wait_sec), else_=None)),
        func.max(case((waits, Interaction.wait_sec), else_=None)),
    ]


def _figures(row: Any) -> DayFigures:
    offered, answered, abandoned, in_target, asa, longest = row
    return DayFigures(
        offered=int(offered or 0), answered=int(answered or 0), abandoned=int(abandoned or 0),
        answered_in_target=int(in_target or 0),
        asa_sec=float(asa) if asa is not None else None,
        longest_wait_sec=float(longest) if longest is not None else None,
    )


def day_figures(session: Session, start: datetime, end: datetime,
                flt: VolumeFilter | None = None) -> DayFigures:
    """The headline figures of the contacts offered in [start, end) (see the module docstring)."""
    if end <= start:
        return DayFigures()
    flt = flt or VolumeFilter()
    stmt = (select(*_figure_columns(realtime_waits=flt.is_everything)).select_from(Interaction)
            .join(Queue, Queue.id == Interaction.queue_id)
            .where(_range(start, end), *flt.clauses()))
    return _figures(session.execute(stmt).one())


def queue_figures(session: Session, start: datetime, end: datetime) -> list[QueueFigures]:
    """Figures per queue: every active queue (zeros when quiet) plus any queue with traffic."""
    by_queue: dict[int, DayFigures] = {}
    if end > start:
        stmt = (select(Interaction.queue_id, *_figure_columns()).select_from(Interaction)
                .join(Queue, Queue.id == Interaction.queue_id)
                .where(_range(start, end)).group_by(Interaction.queue_id))
        for row in session.execute(stmt):
            by_queue[row[0]] = _figures(row[1:])
    queues = session.scalars(
        select(Queue).where(or_(Queue.active.is_(True), Queue.id.in_(list(by_queue) or [-1])))
        .order_by(Queue.priority.desc(), Queue.channel, Queue.name)).all()
    return [QueueFigures(q.id, q.name, q.channel, q.is_vip, q.target_answer_sec, q.target_service_level,
                         by_queue.get(q.id, DayFigures())) for q in queues]


def latest_offered_at(session: Session) -> datetime | None:
    """The newest stored interaction (an index lookup), to point an empty day at real data."""
    return session.scalar(select(func.max(Interaction.offered_at)))


def agents_by_state(session: Session, at: datetime) -> AgentBoard:
    """Each active agent's state at ``at`` from ``agent_state_intervals``.

    Paused wins over logged in (a pause may be recorded inside a login session or as its own
    segment); time in state runs from the pause start, from the end of the last pause (or the
    login) for available agents, and from the last interval's end for logged-out agents.
    """
    rows = session.execute(
        select(AgentStateInterval.agent_id, AgentStateInterval.state, AgentStateInterval.reason,
               AgentStateInterval.started_at, AgentStateInterval.ended_at)
        .where(AgentStateInterval.started_at > at - STATE_LOOKBACK, AgentStateInterval.started_at <= at)
    ).all()
    by_agent: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        by_agent[row.agent_id].append(row)
    people = session.execute(
        select(Person.id, Person.full_name, Team.name).outerjoin(Team, Team.id == Person.team_id)
        .where(or_(and_(Person.active.is_(True), Person.job_title == "agent"),
                   Person.id.in_(list(by_agent) or [-1])))
    ).all()
    agents = []
    for person_id, name, team in people:
        state, reason, since = _state_at(by_agent.get(person_id, []), at)
        agents.append(AgentNow(person_id, name, team, state, reason, since,
                               (at - since).total_seconds() if since is not None else None))
    order = {s: i for i, s in enumerate(AGENT_STATES)}
    agents.sort(key=lambda a: (order[a.state], -(a.time_in_state_sec or 0.0), a.name))
    return AgentBoard(at=at, agents=tuple(agents))


def _state_at(intervals: list[Any], at: datetime) -> tuple[str, str | None, datetime | None]:
    covering = [iv for iv in intervals if iv.ended_at is None or iv.ended_at > at]
    pauses = [iv for iv in covering if iv.state == "paused"]
    if pauses:
        latest = max(pauses, key=lambda iv: iv.started_at)
        return PAUSED, latest.reason, latest.started_at
    logins = [iv for iv in covering if iv.state == "logged_in"]
    if logins:
        login_start = min(iv.started_at for iv in logins)
        pause_ends = [iv.ended_at for iv in intervals
                      if iv.state == "paused" and iv.ended_at is not None and login_start <= iv.ended_at <= at]
        return AVAILABLE, None, max([login_start, *pause_ends])
    ended = [iv.ended_at for iv in intervals if iv.ended_at is not None and iv.ended_at <= at]
    return LOGGED_OUT, None, max(ended) if ended else None


def _queue_options(session: Session) -> tuple[tuple[QueueOption, ...], tuple[str, ...]]:
    queues = session.execute(select(Queue.id, Queue.name, Queue.channel).order_by(Queue.channel, Queue.name)).all()
    options = tuple(QueueOption(q.id, q.name, q.channel) for q in queues)
    channels = tuple(dict.fromkeys(q.channel for q in options))
    return options, channels


def _target_in_scope(queues: list[QueueFigures], flt: VolumeFilter) -> float | None:
    in_scope = {q.target_service_level for q in queues
                if (flt.queue_id is None or q.queue_id == flt.queue_id)
                and (flt.channel is None or q.channel == flt.channel)}
    return in_scope.pop() if len(in_scope) == 1 else None


def live_day(session: Session, day: date | None = None, *, tz: ZoneInfo | None = None,
             flt: VolumeFilter | None = None) -> LiveDay:
    """Everything the Live workspace shows for one center-local day (default: today).

    For today the figures cover midnight up to now and agent states are those of now; for a
    past day they cover the whole day and agent states are those at its last second.
    """
    tz = tz or center_timezone(session)
    now = clock.now()
    today = local_today(tz, now)
    day = day or today
    window = day_window(day, tz)
    flt = flt or VolumeFilter()
    as_of = min(max(now, window.start), window.end)
    queues = queue_figures(session, window.start, as_of)
    options, channels = _queue_options(session)
    agents_at = as_of if as_of < window.end else window.end - timedelta(seconds=1)
    return LiveDay(
        window=window, as_of=as_of, is_today=day == today, filter=flt,
        intervals=tuple(interval_volumes(session, window, as_of, flt)),
        totals=day_figures(session, window.start, as_of, flt),
        queues=tuple(queues),
        agents=agents_by_state(session, agents_at),
        latest_offered_at=latest_offered_at(session),
        queue_options=options, channels=channels,
        target_service_level=_target_in_scope(queues, flt),
    )
