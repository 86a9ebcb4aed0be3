"""The live figures, headless: what ``floorwalker live stats`` prints.

Per queue over a window (default: the center-local day so far) — offered, answered, abandoned,
abandon rate, service level, ASA, longest wait — with the definitions pinned in
:mod:`app.live.history` (the Live workspace shows the same numbers): service level = answered
within the queue's ``target_answer_sec`` ÷ offered. Added here: calls waiting now and the
longest current wait (offered, neither answered nor ended; it also counts in the longest wait),
and per agent the state now —
``on_call`` (an answered call without an end), else the Live board's available / paused (with
reason) / logged out — with time in state. Every figure is an SQL aggregate over indexed ranges.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.live.history import (
    agents_by_state,
    center_timezone,
    day_window,
    local_today,
    queue_figures,
)
from db.models import Interaction

LOOKBACK = timedelta(hours=24)  # a call open longer than this is a feed gap, not a live call
ON_CALL = "on_call"


@dataclass(frozen=True)
class QueueLive:
    name: str
    channel: str
    offered: int
    answered: int
    abandoned: int
    abandon_rate: float | None
    service_level: float | None
    target_service_level: float
    target_answer_sec: int
    asa_sec: float | None
    longest_wait_sec: float | None
    waiting_now: int
    longest_waiting_now_sec: float | None


@dataclass(frozen=True)
class AgentLive:
    name: str
    state: str  # on_call / available / paused / logged_out
    reason: str | None
    since: datetime | None
    time_in_state_sec: float | None


@dataclass(frozen=True)
class LiveStats:
    since: datetime
    until: datetime
    queues: tuple[QueueLive, ...]
    agents: tuple[AgentLive, ...]
    sources: dict[str, int]  # interactions in the window per source ("simulator" = simulated)
    latest_offered_at: datetime | None

    @property
    def simulated(self) -> bool:
        return self.sources.get("simulator", 0) > 0

    def to_json(self) -> dict[str, Any]:
        def plain(value: Any) -> Any:
            return value.isoformat() if isinstance(value, datetime) else value

        return {
            "since": self.since.isoformat(), "until": self.until.isoformat(), "simulated": self.simulated,
            "sources": self.sources,
            "latest_offered_at": plain(self.latest_offered_at),
            "queues": [asdict(q) for q in self.queues],
            "agents": [{k: plain(v) for k, v in asdict(a).items()} for a in self.agents],
        }


def today_start(session: Session) -> datetime:
    tz = center_timezone(session)
    return day_window(local_today(tz), tz).start


def live_stats(session: Session, since: datetime | None = None, until: datetime | None = None) -> LiveStats:
    until = until or clock.now()
    since = since or today_start(session)
    waiting: dict[int, tuple[int, datetime | None]] = {}
    recent = and_(Interaction.offered_at > until - LOOKBACK, Interaction.offered_at <= until)
    for queue_id, n, oldest in session.execute(
            select(Interaction.queue_id, func.count(), func.min(Interaction.offered_at))
            .where(recent, Interaction.answered_at.is_(None),
                   or_(Interaction.ended_at.is_(None), Interaction.ended_at > until))
            .group_by(Interaction.queue_id)):
        waiting[queue_id] = (int(n), oldest)
    queues = []
    for q in queue_figures(session, since, until):
        f = q.figures
        n, oldest = waiting.get(q.queue_id, (0, None))
        waiting_sec = (until - oldest).total_seconds() if oldest is not None else None
        longest = max((w for w in (f.longest_wait_sec, waiting_sec) if w is not None), default=None)
        queues.append(QueueLive(
            q.name, q.channel, f.offered, f.answered, f.abandoned, f.abandon_rate, f.service_level,
            q.target_service_level, q.target_answer_sec, f.asa_sec, longest, n, waiting_sec))
    on_call = dict(session.execute(
        select(Interaction.agent_id, func.max(Interaction.answered_at))
        .where(recent, Interaction.agent_id.is_not(None), Interaction.answered_at <= until,
               or_(Interaction.ended_at.is_(None), Interaction.ended_at > until))
        .group_by(Interaction.agent_id)).all())
    last_call_end = dict(session.execute(
        select(Interaction.agent_id, func.max(Interaction.ended_at))
        .where(recent, Interaction.agent_id.is_not(None), Interaction.ended_at <= until)
        .group_by(Interaction.agent_id)).all())
    agents = []
    for a in agents_by_state(session, until).agents:
        if a.person_id in on_call:
            started = on_call[a.person_id]
            agents.append(AgentLive(a.name, ON_CALL, None, started, (until - started).total_seconds()))
        elif a.state == "available" and a.since is not None and (last_call_end.get(a.person_id) or a.since) > a.since:
            idle = last_call_end[a.person_id]  # available since the last call ended
            agents.append(AgentLive(a.name, a.state, None, idle, (until - idle).total_seconds()))
        else:
            agents.append(AgentLive(a.name, a.state, a.reason, a.since, a.time_in_state_sec))
    order = {ON_CALL: 0, "available": 1, "paused": 2, "logged_out": 3}
    agents.sort(key=lambda a: (order.get(a.state, 9), a.name))
    sources = {src: int(n) for src, n in session.execute(
        select(Interaction.source, func.count()).where(Interaction.offered_at >= since,
                                                        Interaction.offered_at < until)
        .group_by(Interaction.source))}
    latest = session.scalar(select(func.max(Interaction.offered_at)))
    return LiveStats(since, until, tuple(queues), tuple(agents), sources, latest)


def format_stats(stats: LiveStats, tz: Any = None) -> str:
    """A plain-text report (times in ``tz``, a ZoneInfo; UTC when None)."""
    def when(moment: datetime | None) -> str:
        if moment is None:
            return "-"
        return (moment.astimezone(tz) if tz else moment).strftime("%Y-%m-%d %H:%M:%S")

    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value * 100:.1f}%"

    def sec(value: float | None) -> str:
        return "-" if value is None else f"{value:.0f}s"

    lines = [f"Live figures from {when(stats.since)} to {when(stats.until)}"
             + (" — includes SIMULATED data" if stats.simulated else "")]
    if not stats.queues or not any(q.offered for q in stats.queues):
        hint = f" (latest contact: {when(stats.latest_offered_at)})" if stats.latest_offered_at else ""
        lines.append("No contacts in this window" + hint + " — run `floorwalker simulate --db ...`, "
                     "`floorwalker import queue-log FILE` or `floorwalker demo`, or widen --since.")
    if stats.queues:
        width = max(len(q.name) for q in stats.queues) + 2
        lines.append(f"{'queue':{width}}{'offered':>8}{'answered':>9}{'abandoned':>10}{'aband%':>8}"
                     f"{'SL':>8}{'target':>8}{'ASA':>6}{'longest':>8}{'waiting':>8}{'oldest':>7}")
        for q in stats.queues:
            target = f"{q.target_service_level * 100:.0f}%/{q.target_answer_sec}s"
            lines.append(f"{q.name:{width}}{q.offered:>8}{q.answered:>9}{q.abandoned:>10}{pct(q.abandon_rate):>8}"
                         f"{pct(q.service_level):>8}{target:>8}{sec(q.asa_sec):>6}{sec(q.longest_wait_sec):>8}"
                         f"{q.waiting_now:>8}{sec(q.longest_waiting_now_sec):>7}")
    working = [a for a in stats.agents if a.state != "logged_out"]
    lines.append(f"Agents: {len(working)} logged in of {len(stats.agents)}")
    if working:
        width = max(len(a.name) for a in working) + 2
        for a in working:
            state = a.state + (f" ({a.reason})" if a.reason else "")
            lines.append(f"  {a.name:{width}}{state:24}{sec(a.time_in_state_sec):>8}")
    return "\n".join(lines)
