"""Honest QA statistics: per agent the mean dialogue score with a 95 % confidence interval and the count.

Five reviewed calls say little; the interval shows how little. For n scores with mean m and
sample standard deviation s, the interval is ``m ± t(0.975, n-1) · s / √n`` (Student's t).

* n = 0: no mean, no interval.
* n = 1: the mean is that one score; **no interval** (one value says nothing about spread) —
  shown as "n = 1, no interval".
* n ≥ 2 with every score equal: s = 0 and the interval has zero width; that is what the data
  say, and the count beside it tells the reader how much to trust it.
* The interval is not clipped to 1..10: a wide interval reaching past the scale is the honest
  signal that there are too few scores.

Periods (center-local, by the reviewed interaction's time, as the monthly evaluation counts
them): **week** = the week last sampled (Monday to Sunday before this week), **month** = this
calendar month, **quarter** = this calendar quarter. Only non-draft reviews count; calibration
scores are not reviews and never count (``calibration.py``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.actor import Actor
from app.quality.interactions import center_zone, local_day_start
from app.security.permissions import row_scope
from db.models import Interaction, Person, QaReview, Team

# two-sided 95 %: t(0.975, df) for df = 1..30 (standard tables)
_T975 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
         2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
         2.045, 2.042)
_Z975 = 1.959963984540054


def t_quantile_975(df: int) -> float:
    """t(0.975, df): the table up to 30, then the Cornish-Fisher expansion (error < 0.001)."""
    if df < 1:
        raise ValueError("degrees of freedom must be at least 1")
    if df <= len(_T975):
        return _T975[df - 1]
    z = _Z975
    return (z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
            + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3))


@dataclass(frozen=True)
class MeanInterval:
    n: int
    mean: float | None
    low: float | None  # None: no interval (n < 2)
    high: float | None
    sd: float | None

    @property
    def label(self) -> str:
        if self.n == 0 or self.mean is None:
            return "no scores"
        if self.low is None or self.high is None:
            return f"{self.mean:.1f} (n = 1, no interval)"
        return f"{self.mean:.1f} [{self.low:.1f}–{self.high:.1f}] n = {self.n}"


def mean_interval(values: Sequence[float]) -> MeanInterval:
    n = len(values)
    if n == 0:
        return MeanInterval(0, None, None, None, None)
    mean = sum(values) / n
    if n == 1:
        return MeanInterval(1, mean, None, None, None)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = t_quantile_975(n - 1) * sd / math.sqrt(n)
    return MeanInterval(n, mean, mean - half, mean + half, sd)


@dataclass(frozen=True)
class Periods:
    week: tuple[date, date]  # first day, day after the last (center-local)
    month: tuple[date, date]
    quarter: tuple[date, date]


def periods(today: date) -> Periods:
    monday = today - timedelta(days=today.weekday())
    month_start = today.replace(day=1)
    next_month = (month_start + timedelta(days=32)).replace(day=1)
    q_first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    q_next = date(q_first.year + (q_first.month + 3 > 12), (q_first.month + 2) % 12 + 1, 1)
    return Periods((monday - timedelta(days=7), monday), (month_start, next_month), (q_first, q_next))


@dataclass(frozen=True)
class AgentScoreStats:
    agent_id: int
    agent: str
    team: str | None
    week: MeanInterval
    month: MeanInterval
    quarter: MeanInterval
    quarter_card: MeanInterval  # the scorecard score (0..100) over the quarter
    quarter_violations: int


def agent_score_stats(session: Session, actor: Actor, *, today: date | None = None,
                      agent_id: int | None = None) -> list[AgentScoreStats]:
    """Every agent in the actor's scope with reviews this quarter (or ``agent_id`` alone)."""
    tz = center_zone(session)
    today = today or clock.now().astimezone(tz).date()
    p = periods(today)
    start = local_day_start(min(p.quarter[0], p.week[0]), tz)
    end = local_day_start(max(p.quarter[1], p.week[1]), tz)
    query = (select(QaReview.agent_id, Person.full_name, Team.name, Interaction.offered_at, QaReview.dialogue_score,
                    QaReview.score_pct, QaReview.violations)
             .join(Interaction, Interaction.id == QaReview.interaction_id)
             .join(Person, Person.id == QaReview.agent_id)
             .outerjoin(Team, Team.id == Person.team_id)
             .where(QaReview.status != "draft", Interaction.offered_at >= start, Interaction.offered_at < end))
    in_scope = row_scope(session, actor).agent_ids()
    if in_scope is not None:
        query = query.where(QaReview.agent_id.in_(in_scope))
    if agent_id is not None:
        query = query.where(QaReview.agent_id == agent_id)
    per_agent: dict[int, dict[str, list[float] | str | None | int]] = {}
    for a, name, team, at, dialogue, pct, violations in session.execute(query):
        day = at.astimezone(tz).date()
        g = per_agent.setdefault(a, {"name": name, "team": team, "week": [], "month": [], "quarter": [], "card": [],
                                     "violations": 0})
        for key, (lo, hi) in (("week", p.week), ("month", p.month), ("quarter", p.quarter)):
            if lo <= day < hi:
                g[key].append(float(dialogue))  # type: ignore[union-attr]
        if p.quarter[0] <= day < p.quarter[1]:
            if pct is not None:
                g["card"].append(float(pct))  # type: ignore[union-attr]
            g["violations"] = int(g["violations"]) + int(violations or 0)  # type: ignore[arg-type]
    out = [AgentScoreStats(a, str(g["name"]), g["team"], mean_interval(g["week"]),  # type: ignore[arg-type]
                           mean_interval(g["month"]), mean_interval(g["quarter"]),  # type: ignore[arg-type]
                           mean_interval(g["card"]), int(g["violations"]))  # type: ignore[arg-type]
           for a, g in per_agent.items()]
    return sorted(out, key=lambda s: (s.team is None, s.team or "", s.agent, s.agent_id))
