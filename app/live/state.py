"""The floor now: per queue, per agent and feed health at one moment, plus the shift so far.

What the Live view polls every 2 s, the alert job evaluates every 30 s and the wallboard shows.
Everything is read from the stored feed (``interactions`` and ``agent_state_intervals`` written
by :mod:`app.feed.store`, ``feed_status`` written by :mod:`app.feed.follow`) with aggregates over
indexed ranges, so a poll costs a few milliseconds whatever the history holds.

Definitions (beyond :mod:`app.live.history`):

* **Waiting**: offered in the last 24 h, neither answered nor ended by now. **Longest waiting**:
  now minus the oldest of those.
* **Rolling service level** over the last 15/30/60 min and today: of the contacts offered in the
  window whose fate against the queue's target is known now (answered, ended, or waiting longer
  than the target), the share answered within the target. A caller who has waited 5 s of a
  30-s target is not counted yet, so the figure does not dip on every new call.
* **Agent state**: ``on_call`` (an answered contact not ended), ``wrap_up`` (a contact ended
  less than the wrap-up time ago: the interaction's ``wrap_sec``, else the live setting
  ``wrap_up_sec``), else the Live board's ``paused`` (with reason) / ``available`` /
  ``logged_out``. Time in state runs from the start of that state. The queue_log reports a
  ring only when it ends (RINGNOANSWER, CONNECT's ring time), so ``ringing`` is shown only by
  feeds that store it as an agent state interval (state ``ringing``).
* **Concurrent customers online** (R-SCH-4): chat contacts offered and not ended (waiting or
  in conversation). ``None`` when the center has no chat queue.
* **Feed health**: a feed is *stopped* when its process has not written a heartbeat, or no
  event has arrived, for longer than ``feed_stale_sec``; the figures are then labelled as of
  the last event, never as current.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.live import settings as live_settings
from app.live.history import (
    INTERVAL,
    LOGGED_OUT,
    PAUSED,
    agents_by_state,
    center_timezone,
    day_window,
    interval_volumes,
    local_today,
)
from db.models import (
    AgentStateInterval,
    FeedStatus,
    ForecastInterval,
    ForecastRun,
    Interaction,
    Queue,
    Rota,
    ShiftAssignment,
    StaffingRequirement,
)

LOOKBACK = timedelta(hours=24)
WINDOWS = (15, 30, 60)  # minutes of the rolling service level
ON_CALL = "on_call"
WRAP_UP = "wrap_up"
RINGING = "ringing"
AVAILABLE = "available"
# the order of the agent-state bars and of the agent table
LIVE_STATES = (AVAILABLE, RINGING, ON_CALL, WRAP_UP, PAUSED, LOGGED_OUT)
ONLINE_CHANNELS = ("chat",)


# --- results -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class QueueNow:
    queue_id: int
    name: str
    channel: str
    is_vip: bool
    target_answer_sec: int
    target_service_level: float
    waiting: int
    longest_waiting_sec: float | None
    service_level: dict[str, float | None]  # "15", "30", "60", "today"
    decided: dict[str, int]  # contacts the level of each window is computed over
    offered_today: int
    answered_today: int
    abandoned_today: int
    asa_today_sec: float | None

    @property
    def abandon_rate_today(self) -> float | None:
        return self.abandoned_today / self.offered_today if self.offered_today else None


@dataclass(frozen=True)
class AgentLive:
    person_id: int
    name: str
    team: str | None
    state: str  # one of LIVE_STATES
    reason: str | None
    since: datetime | None
    time_in_state_sec: float | None


@dataclass(frozen=True)
class FeedInfo:
    name: str
    source: str
    simulated: bool
    heartbeat_at: datetime
    last_event_at: datetime | None
    last_event_seen_at: datetime | None
    events: int
    events_per_sec: float
    malformed: int
    unknown: int
    duplicates: int
    out_of_order: int
    rotations: int
    missing: bool
    stopped_at: datetime | None
    problems: tuple[str, ...]
    stale: bool
    silent_since: datetime | None  # when it last showed life (None: alive)


@dataclass(frozen=True)
class FeedHealth:
    """``live``: at least one feed alive; ``stopped``: feeds known, none alive; ``none``: no feed."""

    status: str
    feeds: tuple[FeedInfo, ...]
    stale_after_sec: float
    stopped_since: datetime | None  # the last sign of life of any feed, when stopped

    @property
    def simulated(self) -> bool:
        return any(f.simulated for f in self.feeds)

    @property
    def events_per_sec(self) -> float:
        return sum(f.events_per_sec for f in self.feeds if not f.stale)

    @property
    def malformed(self) -> int:
        return sum(f.malformed for f in self.feeds)

    @property
    def unknown(self) -> int:
        return sum(f.unknown for f in self.feeds)

    @property
    def last_event_at(self) -> datetime | None:
        return max((f.last_event_at for f in self.feeds if f.last_event_at), default=None)


@dataclass(frozen=True)
class Staffing:
    planned: int | None  # on a published rota's shift now (None: no published rota covers now)
    backup_on_shift: int
    required: int | None  # agents required this interval (None: no staffing requirement)
    logged_in: int


@dataclass(frozen=True)
class FloorNow:
    at: datetime
    queues: tuple[QueueNow, ...]
    agents: tuple[AgentLive, ...]
    feed: FeedHealth
    online_customers: int | None
    staffing: Staffing
    simulated: bool  # the data on screen includes simulated contacts
    # (window, channels or None) -> level over those queues: see :func:`_overall_sl`
    service_levels: dict[tuple[str, tuple[str, ...] | None], float | None] = field(default_factory=dict)

    @property
    def waiting(self) -> int:
        return sum(q.waiting for q in self.queues)

    @property
    def longest_waiting_sec(self) -> float | None:
        return max((q.longest_waiting_sec for q in self.queues if q.longest_waiting_sec is not None), default=None)

    def state_counts(self) -> dict[str, int]:
        counts = Counter(a.state for a in self.agents)
        return {s: counts.get(s, 0) for s in LIVE_STATES}

    @property
    def available(self) -> int:
        return sum(1 for a in self.agents if a.state == AVAILABLE)

    def service_level(self, window: str, channels: tuple[str, ...] | None = None) -> float | None:
        """Over all queues (weighted by decided contacts), optionally of some channels only."""
        return self.service_levels.get((window, channels))

    @property
    def stale(self) -> bool:
        return self.feed.status == "stopped"


# --- queries -------------------------------------------------------------------------------------
def today_start(session: Session, at: datetime) -> datetime:
    tz = center_timezone(session)
    return day_window(local_today(tz, at), tz).start


def _sl_columns(at: datetime, start: datetime) -> list[Any]:
    """Per window: decided contacts and those answered within target (see the module docstring)."""
    target = Queue.target_answer_sec
    answered_by_now = and_(Interaction.answered_at.is_not(None), Interaction.answered_at <= at)
    ended_by_now = and_(Interaction.ended_at.is_not(None), Interaction.ended_at <= at)
    in_target = and_(answered_by_now, Interaction.wait_sec <= target)
    # contacts still open but past their target are added in Python (they are the few waiting now)
    cols: list[Any] = []
    for minutes in (*WINDOWS, None):
        lo = start if minutes is None else at - timedelta(minutes=minutes)
        inside = Interaction.offered_at > lo
        cols.append(func.sum(case((and_(inside, in_target), 1), else_=0)))
        cols.append(func.sum(case((and_(inside, or_(answered_by_now, ended_by_now)), 1), else_=0)))
    return cols


def queue_now(session: Session, at: datetime, start: datetime) -> list[QueueNow]:
    """Every active queue (or one with traffic since ``start``) as it stands at ``at``."""
    lo = min(start, at - timedelta(minutes=max(WINDOWS)))
    recent = and_(Interaction.offered_at > lo, Interaction.offered_at <= at)
    answered_by_now = and_(Interaction.answered_at.is_not(None), Interaction.answered_at <= at)
    ended_by_now = and_(Interaction.ended_at.is_not(None), Interaction.ended_at <= at)
    today = Interaction.offered_at > start
    rows: dict[int, Any] = {}
    stmt = (select(Interaction.queue_id,
                   func.sum(case((today, 1), else_=0)),
                   func.sum(case((and_(today, answered_by_now), 1), else_=0)),
                   func.sum(case((and_(today, Interaction.outcome == "abandoned", ended_by_now), 1), else_=0)),
                   func.avg(case((and_(today, answered_by_now), Interaction.wait_sec), else_=None)),
                   *_sl_columns(at, start))
            .select_from(Interaction).join(Queue, Queue.id == Interaction.queue_id)
            .where(recent).group_by(Interaction.queue_id))
    for row in session.execute(stmt):
        rows[row[0]] = row[1:]
    # waiting now, and contacts still open but within their target (not decided yet): per queue,
    # the offered times of the open ones (few: the callers waiting right now)
    open_rows = session.execute(
        select(Interaction.queue_id, Interaction.offered_at)
        .where(Interaction.offered_at > at - LOOKBACK, Interaction.offered_at <= at,
               or_(Interaction.answered_at.is_(None), Interaction.answered_at > at),
               or_(Interaction.ended_at.is_(None), Interaction.ended_at > at))).all()
    waiting: dict[int, list[datetime]] = {}
    for qid, offered in open_rows:
        waiting.setdefault(qid, []).append(offered)
    queues = session.execute(
        select(Queue.id, Queue.name, Queue.channel, Queue.is_vip, Queue.target_answer_sec,
               Queue.target_service_level)
        .where(or_(Queue.active.is_(True), Queue.id.in_(list(rows) or [-1])))
        .order_by(Queue.priority.desc(), Queue.channel, Queue.name)).all()
    out = []
    for qid, name, channel, is_vip, target_sec, target_sl in queues:
        r = rows.get(qid)
        offered_waits = waiting.get(qid, [])
        # open contacts that have already waited past the target count as decided (missed)
        missed = [o for o in offered_waits if (at - o).total_seconds() > target_sec]
        sl: dict[str, float | None] = {}
        decided_by_window: dict[str, int] = {}
        keys = [str(m) for m in WINDOWS] + ["today"]
        for i, key in enumerate(keys):
            lo_w = start if key == "today" else at - timedelta(minutes=int(key))
            in_target = int(r[4 + 2 * i] or 0) if r else 0
            decided = int(r[5 + 2 * i] or 0) if r else 0
            decided += sum(1 for o in missed if o > lo_w)
            sl[key] = in_target / decided if decided else None
            decided_by_window[key] = decided
        longest = (at - min(offered_waits)).total_seconds() if offered_waits else None
        out.append(QueueNow(
            qid, name, channel, bool(is_vip), int(target_sec), float(target_sl), len(offered_waits), longest, sl,
            decided_by_window,
            int(r[0] or 0) if r else 0, int(r[1] or 0) if r else 0, int(r[2] or 0) if r else 0,
            float(r[3]) if r and r[3] is not None else None))
    return out


def agents_now(session: Session, at: datetime, wrap_up_sec: float) -> list[AgentLive]:
    board = agents_by_state(session, at)
    recent = and_(Interaction.offered_at > at - LOOKBACK, Interaction.offered_at <= at,
                  Interaction.agent_id.is_not(None))
    on_call = dict(session.execute(
        select(Interaction.agent_id, func.max(Interaction.answered_at))
        .where(recent, Interaction.answered_at <= at,
               or_(Interaction.ended_at.is_(None), Interaction.ended_at > at))
        .group_by(Interaction.agent_id)).all())
    last_end: dict[int, tuple[datetime, float]] = {}
    for agent_id, ended, wrap in session.execute(
            select(Interaction.agent_id, Interaction.ended_at, Interaction.wrap_sec)
            .where(recent, Interaction.answered_at.is_not(None), Interaction.ended_at <= at,
                   Interaction.ended_at > at - timedelta(hours=1))):
        if agent_id not in last_end or ended > last_end[agent_id][0]:
            last_end[agent_id] = (ended, float(wrap or 0.0) or wrap_up_sec)
    ringing = {row[0]: row[1] for row in session.execute(
        select(AgentStateInterval.agent_id, AgentStateInterval.started_at)
        .where(AgentStateInterval.state == RINGING, AgentStateInterval.started_at <= at,
               AgentStateInterval.started_at > at - timedelta(minutes=5),
               or_(AgentStateInterval.ended_at.is_(None), AgentStateInterval.ended_at > at)))}
    out = []
    for a in board.agents:
        state, reason, since = a.state, a.reason, a.since
        if a.person_id in on_call:
            state, reason, since = ON_CALL, None, on_call[a.person_id]
        elif a.person_id in ringing and a.state != LOGGED_OUT:
            state, reason, since = RINGING, None, ringing[a.person_id]
        elif a.state == AVAILABLE and a.person_id in last_end:
            ended, wrap = last_end[a.person_id]
            if (at - ended).total_seconds() < wrap:
                state, since = WRAP_UP, ended
            elif since is None or ended + timedelta(seconds=wrap) > since:
                since = ended + timedelta(seconds=wrap)
        out.append(AgentLive(a.person_id, a.name, a.team, state, reason, since,
                             (at - since).total_seconds() if since is not None else None))
    order = {s: i for i, s in enumerate(LIVE_STATES)}
    out.sort(key=lambda a: (order[a.state], -(a.time_in_state_sec or 0.0), a.name))
    return out


def feed_health(session: Session, at: datetime, stale_after_sec: float) -> FeedHealth:
    feeds = []
    for f in session.scalars(select(FeedStatus).order_by(FeedStatus.name)):
        # stale when the process is silent, or alive but no event has come for too long
        dead = f.stopped_at is not None or (at - f.heartbeat_at).total_seconds() > stale_after_sec
        quiet = (at - (f.last_event_seen_at or f.started_at)).total_seconds() > stale_after_sec
        stale = dead or quiet
        silent = (f.stopped_at or f.heartbeat_at) if dead else (f.last_event_seen_at or f.started_at)
        feeds.append(FeedInfo(
            f.name, f.source, bool(f.simulated), f.heartbeat_at, f.last_event_at, f.last_event_seen_at,
            int(f.events), float(f.events_per_sec), int(f.malformed), int(f.unknown), int(f.duplicates),
            int(f.out_of_order), int(f.rotations), bool(f.missing), f.stopped_at,
            tuple(str(p) for p in (f.problems or [])[-5:]), stale, silent if stale else None))
    if not feeds:
        return FeedHealth("none", (), stale_after_sec, None)
    alive = [f for f in feeds if not f.stale]
    if alive:
        return FeedHealth("live", tuple(feeds), stale_after_sec, None)
    since = max(f.silent_since for f in feeds if f.silent_since is not None)
    return FeedHealth("stopped", tuple(feeds), stale_after_sec, since)


def online_customers(session: Session, at: datetime) -> int | None:
    has_chat = session.scalar(select(func.count()).select_from(Queue).where(
        Queue.channel.in_(ONLINE_CHANNELS), Queue.active.is_(True)))
    if not has_chat:
        return None
    return int(session.scalar(
        select(func.count()).select_from(Interaction).where(
            Interaction.channel.in_(ONLINE_CHANNELS),
            Interaction.offered_at > at - LOOKBACK, Interaction.offered_at <= at,
            or_(Interaction.ended_at.is_(None), Interaction.ended_at > at))) or 0)


def _published_assignments(session: Session, lo: datetime, hi: datetime) -> list[tuple[datetime, datetime, bool]]:
    return [(s, e, bool(b)) for s, e, b in session.execute(
        select(ShiftAssignment.starts_at, ShiftAssignment.ends_at, ShiftAssignment.is_backup)
        .join(Rota, Rota.id == ShiftAssignment.rota_id)
        .where(Rota.status == "published", ShiftAssignment.starts_at < hi, ShiftAssignment.ends_at > lo))]


def _latest_runs(session: Session, day: date) -> list[int]:
    """The newest forecast run per queue for the week that holds ``day``."""
    monday = day - timedelta(days=day.weekday())
    rows = session.execute(
        select(ForecastRun.queue_id, func.max(ForecastRun.id))
        .where(ForecastRun.week_start == monday).group_by(ForecastRun.queue_id)).all()
    return [int(r[1]) for r in rows]


def staffing_now(session: Session, at: datetime, logged_in: int) -> Staffing:
    shifts = _published_assignments(session, at, at + timedelta(seconds=1))
    any_rota = session.scalar(select(func.count()).select_from(Rota).where(Rota.status == "published"))
    planned = sum(1 for _s, _e, backup in shifts if not backup) if any_rota else None
    backup = sum(1 for _s, _e, b in shifts if b)
    required = None
    tz = center_timezone(session)
    runs = _latest_runs(session, local_today(tz, at))
    if runs:
        slot = at - timedelta(seconds=(at.timestamp() % INTERVAL.total_seconds()))
        value = session.scalar(select(func.sum(StaffingRequirement.agents_required)).where(
            StaffingRequirement.run_id.in_(runs), StaffingRequirement.interval_start == slot))
        required = int(value) if value is not None else None
    return Staffing(planned, backup, required, logged_in)


def floor_now(session: Session, at: datetime | None = None) -> FloorNow:
    """The whole floor at ``at`` (default: now)."""
    at = at or clock.now()
    values = live_settings.values(session)
    start = today_start(session, at)
    queues = queue_now(session, at, start)
    agents = agents_now(session, at, values["wrap_up_sec"])
    feed = feed_health(session, at, values["feed_stale_sec"])
    logged_in = sum(1 for a in agents if a.state != LOGGED_OUT)
    sl = _overall_sl(queues)
    sim_rows = session.scalar(select(func.count()).select_from(Interaction).where(
        Interaction.source == "simulator", Interaction.offered_at > start, Interaction.offered_at <= at))
    snap = FloorNow(at, tuple(queues), tuple(agents), feed, online_customers(session, at),
                    staffing_now(session, at, logged_in), bool(sim_rows) or feed.simulated, sl)
    return snap


def _overall_sl(queues: list[QueueNow]) -> dict[tuple[str, tuple[str, ...] | None], float | None]:
    """Averages of the per-queue levels weighted by today's offered (a simple, readable roll-up)."""
    out: dict[tuple[str, tuple[str, ...] | None], float | None] = {}
    for key in [str(m) for m in WINDOWS] + ["today"]:
        for channels in (None, ("phone",), ONLINE_CHANNELS):
            scoped = [q for q in queues if (channels is None or q.channel in channels)
                      and q.service_level.get(key) is not None and q.channel in ("phone", "chat", "onsite")]
            weight = sum(max(q.offered_today, 1) for q in scoped)
            out[(key, channels)] = (sum(q.service_level[key] * max(q.offered_today, 1) for q in scoped)  # type: ignore[operator]
                                    / weight) if scoped else None
    return out


# --- the shift so far: series for the charts ----------------------------------------------------
@dataclass(frozen=True)
class ShiftSeries:
    """Sampled series since ``start`` (epoch seconds in ``t``), and per-interval plan figures."""

    start: datetime
    at: datetime
    t: np.ndarray
    waiting: np.ndarray
    available: np.ndarray
    service_level: np.ndarray  # rolling 15 min, NaN where nothing was decided
    target_service_level: float | None
    interval_starts: np.ndarray  # epoch of each 15-min interval of the day
    offered: np.ndarray
    forecast: np.ndarray | None
    logged_in: np.ndarray
    planned: np.ndarray | None
    required: np.ndarray | None


def _epoch(values: list[datetime | None], missing: float = np.inf) -> np.ndarray:
    return np.array([v.timestamp() if v is not None else missing for v in values], dtype=float)


def shift_series(session: Session, at: datetime | None = None, step_sec: int = 15) -> ShiftSeries:
    """Calls waiting, agents available and the rolling 15-min service level every ``step_sec``
    since local midnight (vectorised over the day's rows), and per 15-min interval the offered
    volume, the forecast, agents logged in, the published rota's planned staffing and the
    requirement."""
    at = at or clock.now()
    tz = center_timezone(session)
    window = day_window(local_today(tz, at), tz)
    start = window.start
    t = np.arange(start.timestamp(), at.timestamp() + 1e-9, step_sec, dtype=float)
    if t.size == 0 or t[-1] < at.timestamp():
        t = np.append(t, at.timestamp())
    rows = session.execute(
        select(Interaction.offered_at, Interaction.answered_at, Interaction.ended_at, Interaction.wait_sec,
               Interaction.agent_id, Interaction.channel, Queue.target_answer_sec)
        .join(Queue, Queue.id == Interaction.queue_id)
        .where(Interaction.offered_at > start - timedelta(hours=2), Interaction.offered_at <= at,
               Interaction.channel.in_(("phone", "chat", "onsite")))).all()
    offered = _epoch([r[0] for r in rows])
    answered = _epoch([r[1] for r in rows])
    ended = _epoch([r[2] for r in rows])
    wait = np.array([r[3] or 0.0 for r in rows], dtype=float)
    target = np.array([r[6] for r in rows], dtype=float)
    leave = np.minimum(answered, ended)
    waiting = (np.searchsorted(np.sort(offered), t, side="right")
               - np.searchsorted(np.sort(leave), t, side="right")).astype(float)
    has_agent = np.array([r[4] is not None for r in rows], dtype=bool)
    call_start = np.sort(answered[has_agent & np.isfinite(answered)])
    call_end = np.sort(np.where(np.isfinite(ended), ended, np.inf)[has_agent & np.isfinite(answered)])
    on_call = (np.searchsorted(call_start, t, side="right") - np.searchsorted(call_end, t, side="right"))

    # logged in and paused from the agents' intervals: a login counts once per agent
    states = session.execute(
        select(AgentStateInterval.agent_id, AgentStateInterval.state, AgentStateInterval.started_at,
               AgentStateInterval.ended_at)
        .where(AgentStateInterval.started_at <= at,
               or_(AgentStateInterval.ended_at.is_(None), AgentStateInterval.ended_at > start - LOOKBACK),
               AgentStateInterval.started_at > start - LOOKBACK)).all()
    logged = _count_covering([(r[2], r[3]) for r in states if r[1] == "logged_in"], t, at)
    paused = _count_covering([(r[2], r[3]) for r in states if r[1] == "paused"], t, at)
    available = np.maximum(logged - paused - on_call, 0).astype(float)

    # rolling 15-min service level at every sample
    order = np.argsort(offered)
    o_sorted, a_sorted = offered[order], answered[order]
    e_sorted, w_sorted, tg_sorted = ended[order], wait[order], target[order]
    sl = np.full(t.size, np.nan)
    lo_idx = np.searchsorted(o_sorted, t - 900.0, side="right")
    hi_idx = np.searchsorted(o_sorted, t, side="right")
    for i in range(t.size):
        lo, hi = lo_idx[i], hi_idx[i]
        if hi <= lo:
            continue
        now = t[i]
        ans = a_sorted[lo:hi] <= now
        decided = ans | (e_sorted[lo:hi] <= now) | (now - o_sorted[lo:hi] > tg_sorted[lo:hi])
        n = int(decided.sum())
        if n:
            sl[i] = float((ans & (w_sorted[lo:hi] <= tg_sorted[lo:hi])).sum()) / n
    # the target line: the target most real-time queues share (ties: the lower one)
    targets = Counter(float(r[0]) for r in session.execute(
        select(Queue.target_service_level).where(Queue.active.is_(True), Queue.channel.in_(("phone", "chat")))))
    target_line = min(targets, key=lambda v: (-targets[v], v)) if targets else None

    # per interval: offered, forecast, logged in, planned, required
    volumes = interval_volumes(session, window, at)
    starts = np.array([v.start.timestamp() for v in volumes], dtype=float)
    offered_iv = np.array([v.offered for v in volumes], dtype=float)
    logged_iv = _count_covering([(r[2], r[3]) for r in states if r[1] == "logged_in"],
                                np.minimum(starts + INTERVAL.total_seconds() / 2, at.timestamp()), at)
    logged_iv = np.where(starts <= at.timestamp(), logged_iv, np.nan)
    forecast = planned = required = None
    runs = _latest_runs(session, window.day)
    if runs:
        fc = np.zeros(starts.size)
        rq = np.zeros(starts.size)
        found_fc = found_rq = 0
        index = {s: i for i, s in enumerate(starts.tolist())}
        for when, vol, override in session.execute(
                select(ForecastInterval.interval_start, ForecastInterval.volume, ForecastInterval.override_volume)
                .where(ForecastInterval.run_id.in_(runs), ForecastInterval.interval_start >= window.start,
                       ForecastInterval.interval_start < window.end)):
            i = index.get(when.timestamp())
            if i is not None:
                fc[i] += override if override is not None else vol
                found_fc += 1
        for when, need in session.execute(
                select(StaffingRequirement.interval_start, StaffingRequirement.agents_required)
                .where(StaffingRequirement.run_id.in_(runs), StaffingRequirement.interval_start >= window.start,
                       StaffingRequirement.interval_start < window.end)):
            i = index.get(when.timestamp())
            if i is not None:
                rq[i] += need
                found_rq += 1
        # a run without rows for this day (or without a staffing requirement) shows as missing, not as 0
        forecast, required = (fc if found_fc else None), (rq if found_rq else None)
    shifts = _published_assignments(session, window.start, window.end)
    if shifts:
        mids = starts + INTERVAL.total_seconds() / 2
        s_arr = np.sort(_epoch([s for s, _e, b in shifts if not b]))
        e_arr = np.sort(_epoch([e for _s, e, b in shifts if not b]))
        planned = (np.searchsorted(s_arr, mids, side="right") - np.searchsorted(e_arr, mids, side="right")).astype(float)
    return ShiftSeries(start, at, t, waiting, available, sl, target_line,
                       starts, offered_iv, forecast, logged_iv.astype(float), planned, required)


def _count_covering(spans: list[tuple[datetime, datetime | None]], t: np.ndarray, at: datetime) -> np.ndarray:
    """How many spans [start, end) cover each time in ``t`` (an open span runs to ``at``)."""
    if not spans:
        return np.zeros(t.size)
    s = np.sort(_epoch([a for a, _b in spans]))
    e = np.sort(_epoch([b if b is not None else None for _a, b in spans], missing=np.inf))
    return (np.searchsorted(s, t, side="right") - np.searchsorted(e, t, side="right")).astype(float)


def time_label(moment: datetime, tz: Any) -> str:
    return moment.astimezone(tz).strftime("%H:%M")


