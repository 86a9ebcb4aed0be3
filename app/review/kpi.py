"""The KPI scorecard of R-KPI-1..9: each indicator measured, scored against its target and weighted.

Definitions (the pack's appendix prints them; tested in ``tests/test_kpi.py``):

* The figures are those of the month report (``app/review/monthly.py``) over any center-local
  period: a quarter, a month, a run of days. Every aggregate runs in SQL.
* **Score of an indicator**, 0 to 1:

  - higher is better (logged-in hours, handled per day, rating, resolution, conversion, QA score,
    knowledge-base contributions): ``min(1, value ÷ target)``;
  - lower is better (response speed, R-KPI-1): 1 at or under the target, else ``target ÷ value``;
  - service-code compliance (R-KPI-6): 1 when the violations found in QA are within the allowance
    (0 by default), else 0 — the rule is zero tolerance.

* **Points** = score × the indicator's weight (R-KPI-n.weight, summing to 100: basic 40, quality
  40, additional 20). **Group subtotals** add the points of the group's indicators.
* Logged-in hours need the agent-state feed: an agent with no logged-in time recorded at all is
  not scored on R-KPI-2 (rather than scored 0 hours).
* An agent without a working day in the period (a shift or a handled contact) has no scorecard.
* An indicator with nothing to measure it on (no ratings, no QA reviews, no recommendations) is
  **left out**: its weight is not counted and the **total** is scaled to 100 over the measured
  weights; the scorecard lists what was missing. An agent with no measured indicator has no total.
* **Knowledge-base contributions** (R-KPI-8) are counted against the monthly target × the months
  of the period the agent was employed (pro-rated from the hire date). The per-day indicators are
  pro-rated by nature (per working day).
* An agent is **under target** when the total is below R-REV-1 (80 points by default); R-REV-1
  asks for an improvement plan for each of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from app import clock
from app.admin.rules import rule_value
from app.i18n import N_, Message
from app.quality.stats import t_quantile_975
from app.review.monthly import MonthCounts, Targets, collect_counts, load_targets
from app.review.periods import PeriodWindow

GROUPS = (("basic", N_("Basic")), ("quality", N_("Quality")), ("additional", N_("Additional")))
GROUP_LABELS = dict(GROUPS)


@dataclass(frozen=True)
class Indicator:
    rule_id: str
    figure: str  # MonthCounts.value key
    group: str
    label: str
    kind: str  # seconds / hours / decimal / rating / share / count / score
    scoring: str  # higher / lower / zero_tolerance / prorated_count
    description: str


INDICATORS: tuple[Indicator, ...] = (
    Indicator("R-KPI-1", "avg_wait_sec", "basic", N_("Response speed"), "seconds", "lower",
              N_("Average wait of handled phone, chat and on-site contacts; target at most 30 s")),
    Indicator("R-KPI-2", "logged_in_per_day", "basic", N_("Logged-in hours"), "hours", "higher",
              N_("Logged-in hours per working day; target at least 6 h")),
    Indicator("R-KPI-3", "per_day", "basic", N_("Inquiries handled"), "decimal", "higher",
              N_("Interactions handled per working day; target at least 30")),
    Indicator("R-KPI-4", "avg_rating", "quality", N_("Customer satisfaction"), "rating", "higher",
              N_("Average customer rating, 1-5; target at least 4.5")),
    Indicator("R-KPI-5", "resolution_rate", "quality", N_("Resolution rate"), "share", "higher",
              N_("Resolved share of handled interactions with a recorded resolution; target 90 %")),
    Indicator("R-KPI-6", "qa_violations", "quality", N_("Service-code compliance"), "count", "zero_tolerance",
              N_("Violations found in QA reviews; target none")),
    Indicator("R-KPI-7", "conversion", "additional", N_("Recommendation conversion"), "share", "higher",
              N_("Recommendations converted ÷ offered; target 5 %")),
    Indicator("R-KPI-8", "kb_contributions", "additional", N_("Knowledge-base contributions"), "count",
              "prorated_count", N_("Accepted contributions; target 5 per month employed")),
    Indicator("R-KPI-9", "qa_avg_score", "additional", N_("QA dialogue score"), "score", "higher",
              N_("Average supervisor dialogue score, 1-10; target at least 8")),
)
INDICATORS_BY_RULE = {i.rule_id: i for i in INDICATORS}
WEIGHT_KEYS = tuple(f"{i.rule_id}.weight" for i in INDICATORS)


@dataclass(frozen=True)
class Weights:
    values: dict[str, float]  # rule id -> weight (percent)

    @property
    def total(self) -> float:
        return sum(self.values.values())

    def group(self, group: str) -> float:
        return sum(self.values[i.rule_id] for i in INDICATORS if i.group == group)


def load_weights(session: Session) -> Weights:
    return Weights({i.rule_id: float(rule_value(session, f"{i.rule_id}.weight")) for i in INDICATORS})  # type: ignore[arg-type]


def check_weights(values: dict[str, float]) -> None:
    """ValueError with a clear message unless every indicator has a weight 0-100 and they sum to 100."""
    missing = [i.rule_id for i in INDICATORS if i.rule_id not in values]
    if missing:
        raise ValueError(Message(N_("Every indicator needs a weight; missing: {value}."), value=', '.join(missing)))
    for rule_id, w in values.items():
        if rule_id not in INDICATORS_BY_RULE:
            raise ValueError(Message(N_("{rule_id} is not a KPI indicator."), rule_id=rule_id))
        if not isinstance(w, int | float) or math.isnan(w) or not 0 <= w <= 100:
            raise ValueError(Message(N_("The weight of {rule_id} must be between 0 and 100, not {w}."), rule_id=rule_id, w=w))
    total = sum(values.values())
    if abs(total - 100.0) > 1e-9:
        raise ValueError(Message(N_("The weights add up to {total:g}, not 100. Change them so they sum to 100."), total=total))


@dataclass(frozen=True)
class IndicatorScore:
    indicator: Indicator
    value: float | None
    target: float
    weight: float
    score: float | None  # 0..1; None: not measured

    @property
    def points(self) -> float | None:
        return None if self.score is None else self.score * self.weight

    @property
    def met(self) -> bool | None:
        return None if self.score is None else self.score >= 1.0 - 1e-9


@dataclass(frozen=True)
class GroupScore:
    group: str
    points: float
    weight: float  # the group's weight (all its indicators)
    measured_weight: float


@dataclass(frozen=True)
class QaSummary:
    reviews: int
    mean: float | None
    low: float | None  # 95 % confidence interval of the mean (None below 2 reviews)
    high: float | None
    violations: int


@dataclass(frozen=True)
class Scorecard:
    indicators: tuple[IndicatorScore, ...]
    groups: tuple[GroupScore, ...]
    total: float | None  # 0..100, scaled over the measured weights
    missing: tuple[str, ...]  # rule ids left out


@dataclass(frozen=True)
class AgentKpi:
    agent_id: int
    name: str
    employee_no: str
    team_id: int | None
    team: str | None
    hire_date: date | None
    active: bool
    employed_share: float  # of the period, from the hire date
    counts: MonthCounts
    card: Scorecard
    qa: QaSummary
    rank: int | None  # within the team by total, 1 = best
    under_target: bool

    @property
    def total(self) -> float | None:
        return self.card.total

    @property
    def joined_in_period(self) -> bool:
        return self.employed_share < 1.0


@dataclass(frozen=True)
class TeamKpi:
    team_id: int | None
    team: str | None
    agents: int
    counts: MonthCounts
    card: Scorecard  # the team's pooled figures scored the same way
    mean_total: float | None  # mean of the agents' totals


@dataclass(frozen=True)
class KpiReport:
    window: PeriodWindow
    targets: Targets
    weights: Weights
    threshold: float
    agents: tuple[AgentKpi, ...]
    teams: tuple[TeamKpi, ...]
    center: TeamKpi
    computed_at: datetime

    def agents_of(self, team_id: int | None) -> tuple[AgentKpi, ...]:
        return tuple(a for a in self.agents if a.team_id == team_id)

    @property
    def under_target(self) -> tuple[AgentKpi, ...]:
        return tuple(a for a in self.agents if a.under_target)


# --- scoring -----------------------------------------------------------------------------------------
def indicator_target(ind: Indicator, targets: Targets, months_employed: float) -> float:
    if ind.rule_id == "R-KPI-8":
        return float(targets.values.get("R-KPI-8", 5.0)) * months_employed
    return float(targets.values[ind.rule_id])


def score_indicator(ind: Indicator, value: float | None, target: float) -> float | None:
    if value is None:
        return None
    if ind.scoring == "zero_tolerance":
        return 1.0 if value <= target + 1e-9 else 0.0
    if ind.scoring == "lower":
        if value <= target + 1e-9:
            return 1.0
        return max(0.0, target / value)
    # higher is better (and the pro-rated count)
    if target <= 0:
        return 1.0
    return max(0.0, min(1.0, value / target))


def scorecard(counts: MonthCounts, targets: Targets, weights: Weights, *, months_employed: float) -> Scorecard:
    scores: list[IndicatorScore] = []
    worked = counts.working_days > 0 or counts.handled > 0
    for ind in INDICATORS:
        # nothing is measured for a period without a working day (before joining, or no data at all)
        value = counts.value(ind.figure) if worked else None
        if ind.rule_id == "R-KPI-2" and counts.logged_in_sec <= 0:
            value = None  # no agent-state feed for this agent: not measured, rather than 0 hours
        if ind.rule_id == "R-KPI-8" and months_employed <= 0:
            value = None
        target = indicator_target(ind, targets, months_employed)
        scores.append(IndicatorScore(ind, value, target, weights.values[ind.rule_id],
                                     score_indicator(ind, value, target)))
    groups = []
    for group, _label in GROUPS:
        members = [s for s in scores if s.indicator.group == group]
        groups.append(GroupScore(group, sum(s.points or 0.0 for s in members), sum(s.weight for s in members),
                                 sum(s.weight for s in members if s.score is not None)))
    measured = sum(g.measured_weight for g in groups)
    points = sum(g.points for g in groups)
    total = points * 100.0 / measured if measured > 0 else None
    missing = tuple(s.indicator.rule_id for s in scores if s.score is None)
    return Scorecard(tuple(scores), tuple(groups), total, missing)


def mean_interval(n: int, total: float, sq_total: float) -> tuple[float | None, float | None, float | None]:
    """Mean and 95 % t-interval of n values given their sum and sum of squares (as SQL aggregates them);
    no interval below n = 2. The same interval as ``app.quality.stats.mean_interval`` over the values."""
    if n <= 0:
        return None, None, None
    mean = total / n
    if n < 2:
        return mean, None, None
    var = max(0.0, (sq_total - n * mean * mean) / (n - 1))
    half = t_quantile_975(n - 1) * math.sqrt(var / n)
    return mean, mean - half, mean + half


def _qa_summary(c: MonthCounts) -> QaSummary:
    mean, low, high = mean_interval(c.qa_reviews, c.qa_score_sum, c.qa_score_sq_sum)
    return QaSummary(c.qa_reviews, mean, low, high, c.qa_violations)


# --- the report --------------------------------------------------------------------------------------------
def employed_share(window: PeriodWindow, hire_date: date | None) -> float:
    if hire_date is None or hire_date <= window.first_day:
        return 1.0
    if hire_date > window.last_day:
        return 0.0
    return ((window.last_day - hire_date).days + 1) / window.days


def kpi_report(session: Session, window: PeriodWindow, *, team_id: int | None = None,
               now: datetime | None = None, agent_ids: set[int] | None = None) -> KpiReport:
    now = now or clock.now()
    targets = load_targets(session)
    targets = Targets({**targets.values, "R-KPI-8": float(rule_value(session, "R-KPI-8"))},  # type: ignore[arg-type]
                      targets.contact_rating)
    weights = load_weights(session)
    threshold = float(rule_value(session, "R-REV-1"))  # type: ignore[arg-type]
    people, base = collect_counts(session, window, targets, team_id=team_id, now=now, extended=True)
    months = len(window.months()) * window.days / sum(m.last_day.day for m in window.months())
    if now < window.end:  # a period still running: the monthly targets count up to today
        elapsed = max(0.0, (now - window.start).total_seconds()) / (window.end - window.start).total_seconds()
        months *= elapsed
    agents: list[AgentKpi] = []
    for p in people:
        if agent_ids is not None and p[0] not in agent_ids:
            continue
        counts = MonthCounts(**base.get(p[0], {}))
        share = employed_share(window, p[5])
        card = scorecard(counts, targets, weights, months_employed=months * share)
        agents.append(AgentKpi(p[0], p[1], p[2], p[3], p[4], p[5], bool(p[6]), share, counts, card,
                               _qa_summary(counts), None,
                               card.total is not None and card.total < threshold - 1e-9))
    # rank within each team by total (agents without a total are not ranked)
    ranked: list[AgentKpi] = []
    teams: list[TeamKpi] = []
    for tid in dict.fromkeys(a.team_id for a in agents):
        members = [a for a in agents if a.team_id == tid]
        order = sorted((a for a in members if a.total is not None), key=lambda a: (-a.total, a.name))  # type: ignore[operator]
        ranks = {a.agent_id: i + 1 for i, a in enumerate(order)}
        ranked.extend(_with_rank(a, ranks.get(a.agent_id)) for a in members)
        teams.append(_team(tid, members[0].team, members, targets, weights, months))
    center = _team(None, None, agents, targets, weights, months)
    return KpiReport(window, targets, weights, threshold, tuple(ranked), tuple(teams), center, now)


def _with_rank(a: AgentKpi, rank: int | None) -> AgentKpi:
    return AgentKpi(a.agent_id, a.name, a.employee_no, a.team_id, a.team, a.hire_date, a.active, a.employed_share,
                    a.counts, a.card, a.qa, rank, a.under_target)


def _team(team_id: int | None, name: str | None, members: list[AgentKpi], targets: Targets, weights: Weights,
          months: float) -> TeamKpi:
    counts = sum((a.counts for a in members), MonthCounts())
    # the team's knowledge-base target is the sum of its agents' pro-rated targets
    employed = sum(a.employed_share for a in members)
    card = scorecard(counts, targets, weights, months_employed=months * employed)
    totals = [a.total for a in members if a.total is not None]
    return TeamKpi(team_id, name, len(members), counts, card, sum(totals) / len(totals) if totals else None)

