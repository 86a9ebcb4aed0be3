"""The quarterly review (R-REV-1): KPI scorecards, QA, complaints, attendance and training per agent,
ranking within the team, the supervisor's comment and improvement plans; publishing freezes it.

* A quarter is **draft** until a manager publishes it. A draft shows live figures. Publishing
  stores the figures (``snapshot``) and the rule values and weights they were computed with
  (``rules``); from then on the review shows what was published. A later correction is an
  **amendment** with a reason: adopting an agent's recomputed figures, or changing a comment.
* **Improvement plans** (goal, measures, deadline) are raised in a quarter for agents under
  target; open plans from earlier quarters are carried into the next review until they are
  marked achieved, missed or cancelled.
* Supervisors see and edit their teams' agents; managers everyone (``app/security/permissions.py``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.i18n import N_, Message
from app.people.center import center_summary
from app.review.kpi import (
    GROUP_LABELS,
    INDICATORS_BY_RULE,
    AgentKpi,
    KpiReport,
    QaSummary,
    kpi_report,
)
from app.review.monthly import center_zone
from app.review.periods import PeriodWindow, parse_quarter, quarter_key, quarter_window
from app.security.permissions import require, row_scope
from db.errors import ConflictError
from db.models import ImprovementPlan, Person, QuarterlyReview, ReviewAmendment, ReviewComment, Team

PLAN_STATUSES = ("open", "achieved", "missed", "cancelled")


@dataclass(frozen=True)
class IndicatorRow:
    rule_id: str
    value: float | None
    target: float
    weight: float
    score: float | None

    @property
    def points(self) -> float | None:
        return None if self.score is None else self.score * self.weight

    @property
    def met(self) -> bool | None:
        return None if self.score is None else self.score >= 1.0 - 1e-9

    @property
    def label(self) -> str:
        return INDICATORS_BY_RULE[self.rule_id].label

    @property
    def group(self) -> str:
        return INDICATORS_BY_RULE[self.rule_id].group

    @property
    def kind(self) -> str:
        return INDICATORS_BY_RULE[self.rule_id].kind


@dataclass(frozen=True)
class GroupRow:
    group: str
    points: float
    weight: float
    measured_weight: float

    @property
    def label(self) -> str:
        return GROUP_LABELS[self.group]


@dataclass(frozen=True)
class PlanRow:
    id: int
    agent_id: int
    quarter: str
    goal: str
    measures: str
    deadline: date
    status: str
    outcome: str | None
    version: int

    def overdue(self, today: date) -> bool:
        return self.status == "open" and self.deadline < today


@dataclass(frozen=True)
class AgentFigures:
    """What is published for an agent (serialised into the snapshot)."""

    agent_id: int
    name: str
    employee_no: str
    team_id: int | None
    team: str | None
    hire_date: date | None
    active: bool
    employed_share: float
    total: float | None
    rank: int | None
    under_target: bool
    indicators: tuple[IndicatorRow, ...]
    groups: tuple[GroupRow, ...]
    missing: tuple[str, ...]
    qa: QaSummary
    handled: int
    complaints_owned: int
    complaints_escalated: int
    rostered_shifts: int
    attended_shifts: int
    training_hours: float
    monthly_totals: tuple[float | None, ...]  # one per month of the quarter (sparkline)
    autoqa_checked: int = 0  # conversations checked automatically (issue 11), not weighted in the score
    autoqa_code_share: float | None = None  # share passing every service-code check (R-QA-3)
    autoqa_first_reply_share: float | None = None  # share answered first within R-RESP-1

    @property
    def attendance(self) -> float | None:
        return self.attended_shifts / self.rostered_shifts if self.rostered_shifts else None


@dataclass(frozen=True)
class TeamFigures:
    team_id: int | None
    team: str | None
    agents: int
    total: float | None  # the team's pooled figures, scored
    mean_total: float | None
    under_target: int
    monthly_totals: tuple[float | None, ...]
    indicators: tuple[IndicatorRow, ...]


@dataclass(frozen=True)
class AgentReview:
    figures: AgentFigures
    comment: str
    comment_version: int
    plans: tuple[PlanRow, ...]  # raised in this quarter
    carried_plans: tuple[PlanRow, ...]  # raised earlier, still open


@dataclass(frozen=True)
class Note:
    """A remark on the review: an N_() template and its values (the UI translates the template)."""

    template: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class Amendment:
    at: datetime
    by: str
    agent_id: int | None
    field: str
    reason: str


@dataclass(frozen=True)
class QuarterReview:
    quarter: str
    window: PeriodWindow
    center: str
    status: str  # none / draft / published
    review_id: int | None
    version: int
    published_at: datetime | None
    published_by: str | None
    weights: dict[str, float]
    targets: dict[str, float]
    threshold: float
    month_keys: tuple[str, ...]
    agents: tuple[AgentReview, ...]
    teams: tuple[TeamFigures, ...]
    center_figures: TeamFigures
    amendments: tuple[Amendment, ...]
    changed_since_publishing: tuple[int, ...]  # agents whose live figures differ from the published ones
    notes: tuple[Note, ...]  # what is missing or pro-rated, for the pack

    def agents_of(self, team_id: int | None) -> tuple[AgentReview, ...]:
        return tuple(a for a in self.agents if a.figures.team_id == team_id)

    @property
    def under_target(self) -> tuple[AgentReview, ...]:
        return tuple(a for a in self.agents if a.figures.under_target)

    @property
    def plans_missing(self) -> tuple[AgentReview, ...]:
        """Agents under target without a plan raised this quarter (R-REV-1 wants one each)."""
        return tuple(a for a in self.under_target if not a.plans)


# --- computing --------------------------------------------------------------------------------------------
def _indicator_rows(card: Any) -> tuple[IndicatorRow, ...]:
    return tuple(IndicatorRow(s.indicator.rule_id, s.value, s.target, s.weight, s.score) for s in card.indicators)


def _agent_figures(a: AgentKpi, monthly: tuple[float | None, ...]) -> AgentFigures:
    c = a.counts
    return AgentFigures(
        a.agent_id, a.name, a.employee_no, a.team_id, a.team, a.hire_date, a.active, a.employed_share, a.total,
        a.rank, a.under_target, _indicator_rows(a.card),
        tuple(GroupRow(g.group, g.points, g.weight, g.measured_weight) for g in a.card.groups), a.card.missing,
        a.qa, c.handled, c.complaints_owned, c.complaints_escalated, c.rostered_shifts, c.attended_shifts,
        c.training_hours, monthly, c.autoqa_checked, c.value("autoqa_code"), c.value("autoqa_first_reply"))


def compute_figures(session: Session, window: PeriodWindow, *, team_id: int | None = None,
                    agent_ids: set[int] | None = None, now: datetime | None = None
                    ) -> tuple[KpiReport, tuple[AgentFigures, ...], tuple[TeamFigures, ...], TeamFigures]:
    now = now or clock.now()
    report = kpi_report(session, window, team_id=team_id, now=now, agent_ids=agent_ids)
    tz = center_zone(session)
    month_reports = []
    for m in window.months():
        if m.start >= now:
            month_reports.append(None)
            continue
        from app.review.periods import day_window

        month_reports.append(kpi_report(session, day_window(m.first_day, m.last_day, tz, m.key), team_id=team_id,
                                        now=now, agent_ids=agent_ids))

    def monthly_of(agent_id: int) -> tuple[float | None, ...]:
        out: list[float | None] = []
        for r in month_reports:
            hit = next((a for a in r.agents if a.agent_id == agent_id), None) if r else None
            out.append(hit.total if hit else None)
        return tuple(out)

    def team_monthly(tid: int | None, center: bool = False) -> tuple[float | None, ...]:
        out: list[float | None] = []
        for r in month_reports:
            if r is None:
                out.append(None)
                continue
            t = r.center if center else next((t for t in r.teams if t.team_id == tid), None)
            out.append(t.card.total if t else None)
        return tuple(out)

    agents = tuple(_agent_figures(a, monthly_of(a.agent_id)) for a in report.agents)
    teams = tuple(TeamFigures(t.team_id, t.team, t.agents, t.card.total, t.mean_total,
                              sum(1 for a in report.agents_of(t.team_id) if a.under_target),
                              team_monthly(t.team_id), _indicator_rows(t.card)) for t in report.teams)
    c = report.center
    center = TeamFigures(None, None, c.agents, c.card.total, c.mean_total, len(report.under_target),
                         team_monthly(None, center=True), _indicator_rows(c.card))
    return report, agents, teams, center


# --- snapshot (de)serialisation ------------------------------------------------------------------------------
def _to_json(obj: Any) -> Any:
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {k: _to_json(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_to_json(v) for v in obj]
    return obj


def figures_to_json(f: AgentFigures | TeamFigures) -> dict[str, Any]:
    return _to_json(asdict(f))


def agent_from_json(d: dict[str, Any]) -> AgentFigures:
    return AgentFigures(
        d["agent_id"], d["name"], d["employee_no"], d["team_id"], d["team"],
        date.fromisoformat(d["hire_date"]) if d.get("hire_date") else None, d["active"], d["employed_share"],
        d["total"], d["rank"], d["under_target"], tuple(IndicatorRow(**i) for i in d["indicators"]),
        tuple(GroupRow(**g) for g in d["groups"]), tuple(d["missing"]), QaSummary(**d["qa"]), d["handled"],
        d["complaints_owned"], d["complaints_escalated"], d["rostered_shifts"], d["attended_shifts"],
        d["training_hours"], tuple(d["monthly_totals"]), d.get("autoqa_checked", 0), d.get("autoqa_code_share"),
        d.get("autoqa_first_reply_share"))


def team_from_json(d: dict[str, Any]) -> TeamFigures:
    return TeamFigures(d["team_id"], d["team"], d["agents"], d["total"], d["mean_total"], d["under_target"],
                       tuple(d["monthly_totals"]), tuple(IndicatorRow(**i) for i in d["indicators"]))


def _same(a: AgentFigures, b: AgentFigures) -> bool:
    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 6)

    return (r(a.total) == r(b.total) and a.handled == b.handled and a.qa.reviews == b.qa.reviews
            and a.complaints_owned == b.complaints_owned and a.rostered_shifts == b.rostered_shifts)


# --- loading -------------------------------------------------------------------------------------------------
def _center_id(session: Session) -> int:
    center = center_summary(session)
    if center is None:
        raise ValueError(N_("There is no center in this database yet."))
    return center.id


def _review_row(session: Session, quarter: str) -> QuarterlyReview | None:
    return session.scalar(select(QuarterlyReview).where(QuarterlyReview.center_id == _center_id(session),
                                                        QuarterlyReview.quarter == quarter))


def _visible_agents(session: Session, actor: Actor) -> set[int] | None:
    scope = row_scope(session, actor)
    sub = scope.agent_ids()
    return None if sub is None else set(session.scalars(sub))


def _plan_row(p: ImprovementPlan) -> PlanRow:
    return PlanRow(p.id, p.agent_id, p.quarter, p.goal, p.measures, p.deadline, p.status, p.outcome, p.version)


def normalise_quarter(text: str) -> str:
    return quarter_key(*parse_quarter(text))


def load_quarter(session: Session, actor: Actor, quarter: str, *, team_id: int | None = None,
                 now: datetime | None = None) -> QuarterReview:
    now = now or clock.now()
    quarter = normalise_quarter(quarter)
    year, q = parse_quarter(quarter)
    tz = center_zone(session)
    window = quarter_window(year, q, tz)
    visible = _visible_agents(session, actor)
    row = _review_row(session, quarter)
    report, live_agents, live_teams, live_center = compute_figures(session, window, team_id=team_id,
                                                                   agent_ids=visible, now=now)
    weights = dict(report.weights.values)
    targets = dict(report.targets.values)
    threshold = report.threshold
    changed: list[int] = []
    if row is not None and row.status == "published" and row.snapshot:
        snap = row.snapshot
        published = {a["agent_id"]: agent_from_json(a) for a in snap["agents"]}
        agents = tuple(f for f in published.values()
                       if (visible is None or f.agent_id in visible) and (team_id is None or f.team_id == team_id))
        teams = tuple(t for t in (team_from_json(t) for t in snap["teams"]) if team_id is None or t.team_id == team_id)
        center_fig = team_from_json(snap["center"])
        live = {a.agent_id: a for a in live_agents}
        changed = [a.agent_id for a in agents if a.agent_id in live and not _same(a, live[a.agent_id])]
        rules = row.rules or {}
        weights, targets, threshold = rules.get("weights", weights), rules.get("targets", targets), \
            rules.get("threshold", threshold)
    else:
        agents, teams, center_fig = live_agents, live_teams, live_center

    ids = [a.agent_id for a in agents]
    comments = {} if row is None else {
        c.agent_id: c for c in session.scalars(select(ReviewComment).where(ReviewComment.review_id == row.id))}
    plans = session.scalars(select(ImprovementPlan).where(ImprovementPlan.agent_id.in_(ids or [-1]))
                            .order_by(ImprovementPlan.deadline, ImprovementPlan.id)).all()
    by_agent: dict[int, list[PlanRow]] = {}
    carried: dict[int, list[PlanRow]] = {}
    for p in plans:
        if p.quarter == quarter:
            by_agent.setdefault(p.agent_id, []).append(_plan_row(p))
        elif p.quarter < quarter and p.status == "open":
            carried.setdefault(p.agent_id, []).append(_plan_row(p))
    reviews = tuple(AgentReview(f, comments[f.agent_id].comment if f.agent_id in comments else "",
                                comments[f.agent_id].version if f.agent_id in comments else 0,
                                tuple(by_agent.get(f.agent_id, ())), tuple(carried.get(f.agent_id, ())))
                    for f in agents)
    amendments: tuple[Amendment, ...] = ()
    if row is not None:
        amendments = tuple(Amendment(a.at, a.by, a.agent_id, a.field, a.reason) for a in session.scalars(
            select(ReviewAmendment).where(ReviewAmendment.review_id == row.id).order_by(ReviewAmendment.at)))
    center = center_summary(session)
    return QuarterReview(
        quarter, window, center.name if center else "", "none" if row is None else row.status,
        None if row is None else row.id, 0 if row is None else row.version,
        None if row is None else row.published_at, None if row is None else row.published_by,
        weights, targets, threshold, tuple(m.key for m in window.months()), reviews, teams, center_fig, amendments,
        tuple(changed), _notes(window, agents, now))


def _notes(window: PeriodWindow, agents: tuple[AgentFigures, ...], now: datetime) -> tuple[Note, ...]:
    """What is missing or pro-rated, for the screen and the pack (templates the UI translates)."""
    notes: list[Note] = []
    if not agents:
        notes.append(Note(N_("No agents with figures in this quarter.")))
    if now < window.end:
        notes.append(Note(N_("The quarter is still running: figures up to {day}."), {"day": now.date().isoformat()}))
    for i, month in enumerate(window.months()):
        if month.start < now and agents and all(a.monthly_totals[i] is None for a in agents):
            notes.append(Note(N_("No data for {month}."), {"month": month.key}))
    joined = [a.name for a in agents if a.employed_share < 1.0]
    if joined:
        notes.append(Note(N_("Joined during the quarter (targets pro-rated): {names}."), {"names": ", ".join(joined)}))
    left = [a.name for a in agents if not a.active]
    if left:
        notes.append(Note(N_("No longer active: {names}."), {"names": ", ".join(left)}))
    from app.review.kpi import INDICATORS

    for ind in INDICATORS:
        missing = sum(1 for a in agents if ind.rule_id in a.missing)
        if missing:
            notes.append(Note(N_("{rule} not measured for {n} agent(s) (no data); their totals are scaled over "
                                 "the measured weights."), {"rule": ind.rule_id, "n": missing}))
    return tuple(notes)


# --- changing ------------------------------------------------------------------------------------------------
def _get_or_create(session: Session, actor: Actor, quarter: str) -> QuarterlyReview:
    row = _review_row(session, quarter)
    if row is None:
        row = QuarterlyReview(center_id=_center_id(session), quarter=quarter, status="draft",
                              created_at=clock.now(), created_by=actor.username)
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", "quarterly_review", row.id, after={"quarter": quarter})
    return row


def _require_agent(session: Session, actor: Actor, agent_id: int) -> Person:
    person = session.get(Person, agent_id)
    if person is None:
        raise ValueError(Message(N_("There is no agent with id {agent_id}."), agent_id=agent_id))
    visible = _visible_agents(session, actor)
    if visible is not None and agent_id not in visible:
        from app.security.permissions import PermissionDenied

        raise PermissionDenied(actor, "review.edit")
    return person


def draft_quarter(session: Session, actor: Actor, quarter: str) -> Changes:
    """Make sure the quarter has a (draft) review; the quarter-end job calls this."""
    quarter = normalise_quarter(quarter)
    if _review_row(session, quarter) is None:
        _get_or_create(session, actor, quarter)
        return record(session, Changes.REVIEWS | Changes.AUDIT)
    return Changes.NONE


def save_comment(session: Session, actor: Actor, quarter: str, agent_id: int, text: str, expected_version: int,
                 *, reason: str | None = None) -> Changes:
    require(actor, "review.edit")
    quarter = normalise_quarter(quarter)
    person = _require_agent(session, actor, agent_id)
    text = (text or "").strip()
    if len(text) > 4000:
        raise ValueError(N_("A comment can be at most 4,000 characters."))
    row = _get_or_create(session, actor, quarter)
    if row.status == "published" and not (reason or "").strip():
        raise ValueError(Message(N_("{quarter} is published: changing a comment is an amendment and needs a reason."), quarter=quarter))
    existing = session.scalar(select(ReviewComment).where(ReviewComment.review_id == row.id,
                                                          ReviewComment.agent_id == agent_id))
    old = existing.comment if existing else ""
    if existing is None:
        if expected_version not in (0, None):
            raise ConflictError(N_("Another desk added a comment for this agent first."), "review_comment", agent_id,
                                mine={"comment": text}, theirs={"comment": ""})
        session.add(ReviewComment(review_id=row.id, agent_id=agent_id, comment=text, updated_at=clock.now(),
                                  updated_by=actor.username))
    else:
        if existing.version != expected_version:
            raise ConflictError(N_("Another desk changed this comment first."), "review_comment", agent_id,
                                mine={"comment": text}, theirs={"comment": existing.comment})
        existing.comment = text
        existing.updated_at = clock.now()
        existing.updated_by = actor.username
    if row.status == "published":
        session.add(ReviewAmendment(review_id=row.id, agent_id=agent_id, field="comment", old_value=old,
                                    new_value=text, reason=reason.strip(), at=clock.now(),  # type: ignore[union-attr]
                                    by=actor.username))
    session.flush()
    audit.record(session, actor, "comment", "quarterly_review", row.id,
                 before={"agent": person.full_name, "comment": old}, after={"agent": person.full_name, "comment": text})
    return record(session, Changes.REVIEWS | Changes.AUDIT)


def add_plan(session: Session, actor: Actor, quarter: str, agent_id: int, *, goal: str, measures: str,
             deadline: date) -> Changes:
    require(actor, "review.edit")
    quarter = normalise_quarter(quarter)
    person = _require_agent(session, actor, agent_id)
    goal, measures = (goal or "").strip(), (measures or "").strip()
    if not goal:
        raise ValueError(N_("An improvement plan needs a goal."))
    if not measures:
        raise ValueError(N_("An improvement plan needs the measures that will get the agent there."))
    year, q = parse_quarter(quarter)
    window = quarter_window(year, q, center_zone(session))
    if deadline <= window.last_day:
        raise ValueError(Message(N_("The deadline must fall after the quarter it reviews (after {last_day})."), last_day=window.last_day))
    row = _get_or_create(session, actor, quarter)
    now = clock.now()
    plan = ImprovementPlan(agent_id=agent_id, quarter=quarter, goal=goal, measures=measures, deadline=deadline,
                           status="open", created_at=now, created_by=actor.username, updated_at=now)
    session.add(plan)
    session.flush()
    if row.status == "published":
        session.add(ReviewAmendment(review_id=row.id, agent_id=agent_id, field="plan", old_value=None,
                                    new_value={"goal": goal, "deadline": deadline.isoformat()},
                                    reason="plan added after publishing", at=now, by=actor.username))
    audit.record(session, actor, "create", "improvement_plan", plan.id,
                 after={"agent": person.full_name, "quarter": quarter, "goal": goal, "measures": measures,
                        "deadline": deadline})
    return record(session, Changes.REVIEWS | Changes.AUDIT)


def update_plan(session: Session, actor: Actor, plan_id: int, expected_version: int, *, status: str,
                outcome: str | None = None, goal: str | None = None, measures: str | None = None,
                deadline: date | None = None) -> Changes:
    require(actor, "review.edit")
    plan = session.get(ImprovementPlan, plan_id)
    if plan is None:
        raise ValueError(Message(N_("There is no improvement plan {plan_id}."), plan_id=plan_id))
    _require_agent(session, actor, plan.agent_id)
    if status not in PLAN_STATUSES:
        raise ValueError(Message(N_("A plan's status is one of {value}, not '{status}'."), value=', '.join(PLAN_STATUSES), status=status))
    if status in ("missed", "cancelled") and not (outcome or "").strip():
        raise ValueError(N_("Say why the plan was missed or cancelled."))
    before = {"status": plan.status, "outcome": plan.outcome, "goal": plan.goal, "measures": plan.measures,
              "deadline": plan.deadline}
    if plan.version != expected_version:
        raise ConflictError(N_("Another desk changed this plan first."), "improvement_plan", plan_id,
                            mine={"status": status, "outcome": outcome}, theirs=before)
    plan.status = status
    plan.outcome = (outcome or "").strip() or None
    if goal is not None:
        if not goal.strip():
            raise ValueError(N_("An improvement plan needs a goal."))
        plan.goal = goal.strip()
    if measures is not None:
        plan.measures = measures.strip()
    if deadline is not None:
        plan.deadline = deadline
    plan.updated_at = clock.now()
    session.flush()
    audit.record(session, actor, "update", "improvement_plan", plan.id, before=before,
                 after={"status": plan.status, "outcome": plan.outcome, "goal": plan.goal,
                        "measures": plan.measures, "deadline": plan.deadline})
    return record(session, Changes.REVIEWS | Changes.AUDIT)


def publish(session: Session, actor: Actor, quarter: str, *, now: datetime | None = None) -> Changes:
    """Freeze the quarter's figures and rule values (managers; the quarter must have ended)."""
    require(actor, "review.publish")
    now = now or clock.now()
    quarter = normalise_quarter(quarter)
    year, q = parse_quarter(quarter)
    window = quarter_window(year, q, center_zone(session))
    if now < window.end:
        raise ValueError(Message(N_("{quarter} has not ended yet; publish it after {last_day}."), quarter=quarter, last_day=window.last_day))
    row = _get_or_create(session, actor, quarter)
    if row.status == "published":
        raise ValueError(Message(N_("{quarter} is already published (by {published_by}); corrections are amendments."), quarter=quarter, published_by=row.published_by))
    report, agents, teams, center = compute_figures(session, window, now=now)
    row.status = "published"
    row.snapshot = {"agents": [figures_to_json(a) for a in agents], "teams": [figures_to_json(t) for t in teams],
                    "center": figures_to_json(center)}
    row.rules = {"weights": report.weights.values, "targets": report.targets.values,
                 "threshold": report.threshold, "contact_rating": report.targets.contact_rating}
    row.published_at = now
    row.published_by = actor.username
    session.flush()
    audit.record(session, actor, "publish", "quarterly_review", row.id,
                 after={"quarter": quarter, "agents": len(agents), "rules": row.rules})
    return record(session, Changes.REVIEWS | Changes.AUDIT)


def adopt_recomputed(session: Session, actor: Actor, quarter: str, agent_id: int, reason: str, *,
                     now: datetime | None = None) -> Changes:
    """Amend a published review: replace one agent's figures by the recomputed ones, with a reason."""
    require(actor, "review.publish")
    quarter = normalise_quarter(quarter)
    if not (reason or "").strip():
        raise ValueError(N_("An amendment needs a reason."))
    row = _review_row(session, quarter)
    if row is None or row.status != "published" or not row.snapshot:
        raise ValueError(Message(N_("{quarter} is not published; its figures are live already."), quarter=quarter))
    year, q = parse_quarter(quarter)
    window = quarter_window(year, q, center_zone(session))
    _report, agents, _teams, _center = compute_figures(session, window, now=now)
    fresh = next((a for a in agents if a.agent_id == agent_id), None)
    if fresh is None:
        raise ValueError(Message(N_("Agent {agent_id} has no figures in {quarter}."), agent_id=agent_id, quarter=quarter))
    snapshot = dict(row.snapshot)
    old = next((a for a in snapshot["agents"] if a["agent_id"] == agent_id), None)
    snapshot["agents"] = [a for a in snapshot["agents"] if a["agent_id"] != agent_id] + [figures_to_json(fresh)]
    snapshot["agents"].sort(key=lambda a: (a["team"] is None, a["team"] or "", a["name"]))
    row.snapshot = snapshot
    session.add(ReviewAmendment(review_id=row.id, agent_id=agent_id, field="figures",
                                old_value={"total": old["total"]} if old else None,
                                new_value={"total": fresh.total}, reason=reason.strip(), at=clock.now(),
                                by=actor.username))
    session.flush()
    audit.record(session, actor, "amend", "quarterly_review", row.id,
                 before={"agent_id": agent_id, "total": old["total"] if old else None},
                 after={"agent_id": agent_id, "total": fresh.total, "reason": reason.strip()})
    return record(session, Changes.REVIEWS | Changes.AUDIT)


def team_by_name(session: Session, name: str) -> int:
    tid = session.scalar(select(Team.id).where(Team.name == name))
    if tid is None:
        names = ", ".join(session.scalars(select(Team.name).order_by(Team.name)))
        raise ValueError(Message(N_("There is no team called '{name}'. Teams: {names}."), name=name, names=names))
    return tid
