"""This week's QA status per agent: samples drawn and reviewed against the R-QA-1 quota.

Definitions (shown in the UI, tested in ``tests/test_quality.py``):

* The weekly draw runs on Monday and samples the *previous* center-local Monday-to-Sunday week;
  a draw's ``week_start`` is the Monday of the week it sampled (as ``qa draw --week`` names it).
  **This week's QA** is therefore the draw of last week: the items supervisors review this week.
* **Drawn**: samples of those draws that were not replaced (a replaced sample's stand-in is a
  sample of its own).
* **Reviewed**: drawn samples with status ``reviewed`` or with a non-draft review linked to them.
* **Quota**: the R-QA-1 rule value (default 5 per agent per week). An agent is **under quota**
  when fewer than the quota were drawn or reviewed.

Every active agent in the actor's scope hired by the end of the sampled week is listed (a
supervisor: the agents of their teams; an agent: themselves; other roles: everyone, see
``app/security/permissions.py``), with zeros when nothing was drawn for them, so a gap is visible.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.actor import Actor
from app.admin.rules import rule_value
from app.quality.interactions import center_zone
from app.security.permissions import RowScope, row_scope
from db.models import Person, QaDraw, QaReview, QaSample, Team


@dataclass(frozen=True)
class AgentQa:
    agent_id: int
    agent: str
    team: str | None
    drawn: int
    reviewed: int
    quota: int

    @property
    def draw_short(self) -> bool:
        return self.drawn < self.quota

    @property
    def review_short(self) -> bool:
        return self.reviewed < self.quota

    @property
    def under_quota(self) -> bool:
        return self.draw_short or self.review_short


@dataclass(frozen=True)
class WeeklyQa:
    week_start: date  # center-local Monday of the sampled week (last week)
    quota: int
    has_draw: bool
    agents: tuple[AgentQa, ...]
    scope: RowScope = field(default_factory=lambda: RowScope("all"))

    @property
    def week_end(self) -> date:
        return self.week_start + timedelta(days=6)

    @property
    def review_week_start(self) -> date:
        """The Monday of the week in which this sample is reviewed."""
        return self.week_start + timedelta(days=7)

    @property
    def under_quota(self) -> int:
        return sum(1 for a in self.agents if a.under_quota)

    @property
    def drawn(self) -> int:
        return sum(a.drawn for a in self.agents)

    @property
    def reviewed(self) -> int:
        return sum(a.reviewed for a in self.agents)


def week_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_qa_status(session: Session, actor: Actor, today: date | None = None) -> WeeklyQa:
    """Last week's sample per agent in ``actor``'s scope, against the R-QA-1 quota."""
    tz = center_zone(session)
    scope = row_scope(session, actor)
    in_scope = scope.agent_ids()
    day = today or clock.now().astimezone(tz).date()
    monday = week_monday(day) - timedelta(days=7)  # the sampled week
    quota = int(float(rule_value(session, "R-QA-1")))  # type: ignore[arg-type]
    draw_ids = select(QaDraw.id).where(QaDraw.week_start == monday)
    has_draw = bool(session.scalar(select(exists().where(QaDraw.week_start == monday))))
    # computed once for the week's samples
    reviewed_samples = select(QaReview.sample_id).where(
        QaReview.sample_id.in_(select(QaSample.id).where(QaSample.draw_id.in_(draw_ids))),
        QaReview.status != "draft")
    is_reviewed = or_(QaSample.status == "reviewed", QaSample.id.in_(reviewed_samples))
    sample_where = [QaSample.draw_id.in_(draw_ids), QaSample.status != "replaced"]
    people_where = []
    if in_scope is not None:
        sample_where.append(QaSample.agent_id.in_(in_scope))
        people_where.append(Person.id.in_(in_scope))
    counts = {
        agent_id: (drawn, reviewed)
        for agent_id, drawn, reviewed in session.execute(
            select(QaSample.agent_id, func.count(QaSample.id),
                   func.sum(case((is_reviewed, 1), else_=0)))
            .where(*sample_where)
            .group_by(QaSample.agent_id)
        )
    }
    people = session.execute(
        select(Person.id, Person.full_name, Team.name)
        .outerjoin(Team, Team.id == Person.team_id)
        .where(or_(and_(Person.job_title == "agent", Person.active.is_(True),
                        Person.hire_date <= monday + timedelta(days=6)),
                   Person.id.in_(list(counts) or [-1])), *people_where)
        .order_by(Team.name.is_(None), Team.name, Person.full_name, Person.id)
    ).all()
    agents = tuple(
        AgentQa(pid, name, team, int(counts.get(pid, (0, 0))[0]), int(counts.get(pid, (0, 0))[1] or 0), quota)
        for pid, name, team in people
    )
    return WeeklyQa(week_start=monday, quota=quota, has_draw=has_draw, agents=agents, scope=scope)
