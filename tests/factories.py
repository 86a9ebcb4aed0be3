"""Small builders for test data that the demo generator would be too big for."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import count

from sqlalchemy.orm import Session

from db.models import Center, Interaction, Person, Queue, Team

_seq = count(1)


def center(s: Session, name: str = "Test Center", tz: str = "Asia/Shanghai") -> Center:
    c = Center(name=name, timezone=tz, holiday_country="CN", opening_hours={}, locale="zh_CN")
    s.add(c)
    s.flush()
    return c


def team(s: Session, c: Center, name: str | None = None) -> Team:
    t = Team(center_id=c.id, name=name or f"Team {next(_seq)}")
    s.add(t)
    s.flush()
    return t


def person(s: Session, c: Center, t: Team | None = None, *, name: str | None = None,
           title: str = "agent", level: str | None = "junior") -> Person:
    n = next(_seq)
    p = Person(center_id=c.id, team_id=t.id if t else None, employee_no=f"E{n:05d}",
               full_name=name or f"Agent {n}", job_title=title, level=level if title == "agent" else None,
               hire_date=date(2024, 1, 1), contract_hours_week=40.0)
    s.add(p)
    s.flush()
    return p


def queue(s: Session, c: Center, name: str | None = None, channel: str = "phone", vip: bool = False) -> Queue:
    q = Queue(center_id=c.id, name=name or f"Queue {next(_seq)}", channel=channel, is_vip=vip)
    s.add(q)
    s.flush()
    return q


def interaction(s: Session, c: Center, q: Queue, agent: Person | None, offered_at: datetime, *,
                wait: float = 10.0, talk: float = 180.0, outcome: str = "answered", rating: int | None = None,
                resolved: bool | None = True, recording: str | None = None) -> Interaction:
    if offered_at.tzinfo is None:
        offered_at = offered_at.replace(tzinfo=UTC)
    answered = offered_at + timedelta(seconds=wait) if outcome == "answered" else None
    i = Interaction(center_id=c.id, queue_id=q.id, agent_id=agent.id if agent else None, channel=q.channel,
                    offered_at=offered_at, answered_at=answered,
                    ended_at=(answered or offered_at) + timedelta(seconds=talk if answered else wait),
                    wait_sec=wait, talk_sec=talk if answered else 0.0, outcome=outcome, rating=rating,
                    resolved=resolved if answered else None, recording_ref=recording, region="Shanghai",
                    source="test")
    s.add(i)
    s.flush()
    return i


def day_shift_problem(agents, req: int = 1, week: date = date(2026, 11, 23)):
    """A rota problem with one 8-h "Day" template starting 09:00 and ``req`` agents of "phone" needed
    09:00-17:00 every day (4 calls, 180 s handle time per slot): small enough to reason about."""
    from app.rota.model import DAY_SLOTS, WEEK_SLOTS, Requirement, RotaProblem, Rules, ShiftTemplate

    need = [0] * WEEK_SLOTS
    for d in range(7):
        for i in range(9 * 4, 17 * 4):
            need[d * DAY_SLOTS + i] = req
    return RotaProblem(week, tuple(agents), (ShiftTemplate("Day", 9 * 60, 8 * 60, 8 * 60),),
                       (Requirement("phone", tuple(need), (4.0,) * WEEK_SLOTS, (180.0,) * WEEK_SLOTS),),
                       Rules(phone_skill=None, standup=None))
