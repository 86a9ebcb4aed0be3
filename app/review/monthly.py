"""A center-local calendar month's basic figures per agent and team, against the R-KPI targets.

Definitions (shown in the UI, tested in ``tests/test_review.py``). The month is the
center-local calendar month ``[1st 00:00, next 1st 00:00)`` in the center's time zone.

* **Handled**: interactions the agent answered (``answered_at`` set) that were offered in the month.
* **Working days**: distinct center-local days on which the agent had a shift in a published
  rota *or* handled at least one interaction. (A rostered day without contacts still counts;
  a day worked off-rota counts too.)
* **Per working day**: handled ÷ working days (target R-KPI-3, at least 30).
* **Average response** (R-KPI-1): mean wait of the handled interactions on the real-time channels
  (phone, chat, on-site), target at most 30 s; **answered within target**: share of them with
  wait ≤ the R-KPI-1 value. Email and social messages are answered asynchronously (their wait
  is hours by nature, and R-RESP-5 governs them), so they would drown the 30-second figure.
* **Logged-in hours per working day** (R-KPI-2, at least 6 h): the ``logged_in`` state
  intervals clipped to the month, ÷ working days. An interval counts for at most 24 h and one
  still open counts up to now (a longer one is a gap in the feed, as in Live).
* **Average rating** (R-KPI-4, at least 4.5) over rated handled interactions, and the **share
  rated at least** the R-QA-4 per-contact target (4.2, so a 5 on the 1-5 scale).
* **Resolution rate** (R-KPI-5, at least 90 %): resolved ÷ handled interactions whose
  resolution was recorded.
* **Recommendation conversion** (R-KPI-7, 5 %): converted ÷ recommendations offered.
* **QA dialogue score** (R-KPI-9, at least 8 of 10) and **violations** (R-KPI-6, zero): non-draft
  QA reviews of the agent's interactions offered in the month.
* **Complaints owned**: complaints and service requests the agent owns that were opened in the month.

Team and center totals add up the agents' numerators and denominators (agent-days for the
per-day figures), so a total is never an average of averages. Agents are grouped under their
current team. Every figure over interactions, states, reviews and complaints is aggregated in
SQL; Python only adds up per-agent results.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import BigInteger, Integer, and_, case, cast, exists, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.expression import UnaryExpression

from app import clock
from app.admin.rules import rule_value
from app.i18n import N_, Message
from app.people.center import center_summary
from db.models import (
    AgentStateInterval,
    AutoQaResult,
    Complaint,
    ComplaintEvent,
    Interaction,
    KnowledgeContribution,
    Person,
    QaReview,
    Rota,
    ShiftAssignment,
    Team,
    TrainingRecord,
)

DAY_SEC = 86400
REALTIME_CHANNELS = ("phone", "chat", "onsite")  # R-KPI-1 response speed is measured on these
MAX_INTERVAL_SEC = DAY_SEC  # a state interval counts for at most a day


# --- the month -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MonthWindow:
    """A center-local calendar month as a UTC range [start, end)."""

    year: int
    month: int
    timezone: str
    start: datetime
    end: datetime

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return next_month(self.first_day) - timedelta(days=1)

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def previous_month(day: date) -> date:
    return date(day.year - (day.month == 1), (day.month - 2) % 12 + 1, 1)


def month_window(year: int, month: int, tz: ZoneInfo) -> MonthWindow:
    if not 1 <= month <= 12:
        raise ValueError(Message(N_("There is no month {month}."), month=month))
    first = date(year, month, 1)
    start = datetime.combine(first, time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(next_month(first), time(0), tzinfo=tz).astimezone(UTC)
    return MonthWindow(year, month, tz.key, start, end)


def center_zone(session: Session) -> ZoneInfo:
    center = center_summary(session)
    return ZoneInfo(center.timezone if center else "UTC")


def default_month(session: Session, now: datetime | None = None) -> tuple[int, int]:
    """Last month, center-local."""
    today = (now or clock.now()).astimezone(center_zone(session)).date()
    last = previous_month(today.replace(day=1))
    return last.year, last.month


# --- figures ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    kind: str  # count / decimal / seconds / share / hours / rating / score
    rule_id: str | None = None  # the target this figure is judged against
    higher_is_better: bool = True
    description: str = ""


FIGURES: tuple[Figure, ...] = (
    Figure("handled", N_("Handled"), "count", description=N_("Interactions answered in the month")),
    Figure("working_days", N_("Working days"), "count",
           description=N_("Days with a published shift or with handled interactions")),
    Figure("per_day", N_("Per day"), "decimal", "R-KPI-3", description=N_("Handled per working day")),
    Figure("avg_wait_sec", N_("Avg response"), "seconds", "R-KPI-1", higher_is_better=False,
           description=N_("Average wait of handled phone, chat and on-site contacts")),
    Figure("within_target_share", N_("Within target"), "share",
           description=N_("Share of handled phone, chat and on-site contacts answered within the R-KPI-1 "
                          "target")),
    Figure("logged_in_per_day", N_("Logged in / day"), "hours", "R-KPI-2",
           description=N_("Logged-in hours per working day")),
    Figure("avg_rating", N_("Avg rating"), "rating", "R-KPI-4", description=N_("Average customer rating, 1-5")),
    Figure("good_rating_share", N_("Rated ≥ target"), "share",
           description=N_("Share of ratings at or above the R-QA-4 per-contact target")),
    Figure("resolution_rate", N_("Resolution rate"), "share", "R-KPI-5",
           description=N_("Resolved share of handled interactions with a recorded resolution")),
    Figure("conversion", N_("Conversion"), "share", "R-KPI-7",
           description=N_("Recommendations converted ÷ recommendations offered")),
    Figure("qa_avg_score", N_("QA score"), "score", "R-KPI-9", description=N_("Average QA dialogue score, 1-10")),
    Figure("qa_violations", N_("Violations"), "count", "R-KPI-6", higher_is_better=False,
           description=N_("Service-code violations found in QA reviews")),
    Figure("complaints_owned", N_("Complaints"), "count",
           description=N_("Complaints and service requests owned, opened in the month")),
)
FIGURES_BY_KEY = {f.key: f for f in FIGURES}


@dataclass(frozen=True)
class Targets:
    values: dict[str, float]  # rule id -> target
    contact_rating: float  # R-QA-4.contact

    def target(self, figure: Figure) -> float | None:
        return self.values.get(figure.rule_id) if figure.rule_id else None


TARGET_RULES = ("R-KPI-1", "R-KPI-2", "R-KPI-3", "R-KPI-4", "R-KPI-5", "R-KPI-6", "R-KPI-7", "R-KPI-9")


def load_targets(session: Session) -> Targets:
    return Targets(values={key: float(rule_value(session, key)) for key in TARGET_RULES},  # type: ignore[arg-type]
                   contact_rating=float(rule_value(session, "R-QA-4.contact")))  # type: ignore[arg-type]


@dataclass(frozen=True)
class MonthCounts:
    """Numerators and denominators; adding two gives the combined figures of both."""

    handled: int = 0
    working_days: int = 0
    realtime_handled: int = 0  # phone, chat, on-site: the response-speed denominator
    wait_sum: float = 0.0
    within_target: int = 0
    logged_in_sec: float = 0.0
    rated: int = 0
    rating_sum: int = 0
    good_ratings: int = 0
    resolution_known: int = 0
    resolved: int = 0
    recommendations_offered: int = 0
    recommendations_converted: int = 0
    qa_reviews: int = 0
    qa_score_sum: int = 0
    qa_score_sq_sum: int = 0  # for the confidence interval of the mean
    qa_violations: int = 0
    qa_reviews_clean: int = 0  # reviews without a violation (process compliance, R-QA-5)
    complaints_owned: int = 0
    # the quarterly review's extras (collect_counts(extended=True))
    complaints_escalated: int = 0
    kb_contributions: int = 0
    training_hours: float = 0.0
    rostered_shifts: int = 0
    attended_shifts: int = 0
    autoqa_checked: int = 0  # conversations checked automatically (latest rule set)
    autoqa_code_ok: int = 0  # ... that passed every service-code check (R-QA-3)
    autoqa_first_reply_known: int = 0
    autoqa_first_reply_ok: int = 0  # ... answered first within R-RESP-1

    def __add__(self, other: MonthCounts) -> MonthCounts:
        return MonthCounts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def value(self, key: str) -> float | None:
        """The figure ``key`` (see FIGURES); None when there is nothing to measure it on."""

        def ratio(num: float, den: float) -> float | None:
            return num / den if den else None

        return {
            "handled": self.handled,
            "working_days": self.working_days,
            "per_day": ratio(self.handled, self.working_days),
            "avg_wait_sec": ratio(self.wait_sum, self.realtime_handled),
            "within_target_share": ratio(self.within_target, self.realtime_handled),
            "logged_in_per_day": ratio(self.logged_in_sec / 3600.0, self.working_days),
            "avg_rating": ratio(self.rating_sum, self.rated),
            "good_rating_share": ratio(self.good_ratings, self.rated),
            "resolution_rate": ratio(self.resolved, self.resolution_known),
            "conversion": ratio(self.recommendations_converted, self.recommendations_offered),
            "qa_avg_score": ratio(self.qa_score_sum, self.qa_reviews),
            "qa_violations": self.qa_violations if self.qa_reviews else None,
            "complaints_owned": self.complaints_owned,
            "complaints_escalated": self.complaints_escalated,
            "kb_contributions": self.kb_contributions,
            "training_hours": self.training_hours,
            "attendance": ratio(self.attended_shifts, self.rostered_shifts),
            "compliance": ratio(self.qa_reviews_clean, self.qa_reviews),
            "autoqa_code": ratio(self.autoqa_code_ok, self.autoqa_checked),
            "autoqa_first_reply": ratio(self.autoqa_first_reply_ok, self.autoqa_first_reply_known),
        }[key]

    @property
    def logged_in_hours(self) -> float:
        return self.logged_in_sec / 3600.0


def is_met(figure: Figure, value: float | None, targets: Targets) -> bool | None:
    """True/False against the figure's target; None when it has no target or no value."""
    target = targets.target(figure)
    if target is None or value is None:
        return None
    # compare at the precision shown, so 4.4999 is not "met" while shown as 4.5 and vice versa
    value = round(value, 6)
    return value >= target if figure.higher_is_better else value <= target


@dataclass(frozen=True)
class AgentMonth:
    agent_id: int
    name: str
    employee_no: str
    team_id: int | None
    team: str | None
    counts: MonthCounts

    def value(self, key: str) -> float | None:
        return self.counts.value(key)


@dataclass(frozen=True)
class TeamMonth:
    team_id: int | None  # None: agents without a team (or the whole center for the total)
    team: str | None
    agents: int
    counts: MonthCounts

    def value(self, key: str) -> float | None:
        return self.counts.value(key)


@dataclass(frozen=True)
class MonthReport:
    month: MonthWindow
    targets: Targets
    agents: tuple[AgentMonth, ...]  # ordered by team, then name
    teams: tuple[TeamMonth, ...]
    total: TeamMonth
    team_filter: int | None = None
    latest_interaction_at: datetime | None = None  # to point an empty month at the data there is

    def agents_of(self, team_id: int | None) -> tuple[AgentMonth, ...]:
        return tuple(a for a in self.agents if a.team_id == team_id)

    def met(self, key: str, value: float | None) -> bool | None:
        return is_met(FIGURES_BY_KEY[key], value, self.targets)


@dataclass(frozen=True)
class TeamOption:
    id: int
    name: str


# --- SQL helpers -------------------------------------------------------------------------------------------
def _epoch(session: Session, column: Any) -> ColumnElement[int]:
    """Whole seconds since 1970 of a stored (naive UTC) timestamp, on either engine."""
    if session.get_bind().dialect.name == "sqlite":
        return cast(func.strftime("%s", column), Integer)
    return cast(func.floor(func.extract("epoch", column)), BigInteger)


def _least(session: Session, *args: Any) -> Any:
    return func.min(*args) if session.get_bind().dialect.name == "sqlite" else func.least(*args)


def _greatest(session: Session, *args: Any) -> Any:
    return func.max(*args) if session.get_bind().dialect.name == "sqlite" else func.greatest(*args)


def _offset_segments(window: Window) -> list[tuple[datetime, int]]:
    """(segment end UTC, UTC offset in seconds) pieces of the month with one offset each (DST)."""
    tz = ZoneInfo(window.timezone)
    segments: list[tuple[datetime, int]] = []
    t = window.start
    offset = int(t.astimezone(tz).utcoffset().total_seconds())  # type: ignore[union-attr]
    while t < window.end:
        t_next = min(t + timedelta(minutes=15), window.end)
        next_offset = int(t_next.astimezone(tz).utcoffset().total_seconds())  # type: ignore[union-attr]
        if next_offset != offset or t_next == window.end:
            segments.append((t_next, offset))
            offset = next_offset
        t = t_next
    return segments


def _full_scan(session: Session, window: Window) -> bool:
    """On SQLite, whether the window holds a large share of the contacts: then one pass over the
    table in storage order beats visiting most rows through an index (several times per row)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    first = session.scalar(select(func.min(Interaction.offered_at)))  # each an index lookup
    last = session.scalar(select(func.max(Interaction.offered_at)))
    if first is None or last is None or last <= first:
        return False
    covered = (min(last, window.end) - max(first, window.start)).total_seconds()
    return covered / (last - first).total_seconds() >= 0.3


def _unindexed(column: Any) -> Any:
    """``+column``: the same value, but SQLite will not use an index for it (nor scan one for GROUP BY)."""
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)


def _local_day(session: Session, column: Any, window: Window) -> ColumnElement[int]:
    """The center-local day of ``column`` as a day number since 1970-01-01, in SQL."""
    segments = _offset_segments(window)
    if len(segments) == 1:
        offset: Any = segments[0][1]
    else:
        offset = case(*[(column < end, off) for end, off in segments[:-1]], else_=segments[-1][1])
    return (_epoch(session, column) + offset) // DAY_SEC


ESCALATION_EVENTS = ("escalated", "escalation")
SERVICE_CODE_CHECKS = ("greeting", "closing", "polite", "forbidden")  # the R-QA-3 auto-checks


def _collect_extended(session: Session, window: Window, base: dict[int, dict[str, Any]],
                      agent_scope: Any, now: datetime) -> None:
    in_window = (window.start, window.end)
    # complaints owned and opened in the window that were escalated at least once
    escalated = exists().where(ComplaintEvent.complaint_id == Complaint.id,
                               ComplaintEvent.kind.in_(ESCALATION_EVENTS))
    for owner_id, n in session.execute(
            select(Complaint.owner_id, func.count())
            .where(Complaint.opened_at >= in_window[0], Complaint.opened_at < in_window[1], escalated,
                   *agent_scope(Complaint.owner_id))
            .group_by(Complaint.owner_id)):
        base[owner_id]["complaints_escalated"] = int(n)
    # knowledge-base contributions accepted (R-KPI-8)
    for person_id, n in session.execute(
            select(KnowledgeContribution.person_id, func.count())
            .where(KnowledgeContribution.created_at >= in_window[0], KnowledgeContribution.created_at < in_window[1],
                   KnowledgeContribution.status == "accepted", *agent_scope(KnowledgeContribution.person_id))
            .group_by(KnowledgeContribution.person_id)):
        base[person_id]["kb_contributions"] = int(n)
    # training hours (R-SCH-8)
    for person_id, hours in session.execute(
            select(TrainingRecord.person_id, func.sum(TrainingRecord.hours))
            .where(TrainingRecord.started_at >= in_window[0], TrainingRecord.started_at < in_window[1],
                   *agent_scope(TrainingRecord.person_id))
            .group_by(TrainingRecord.person_id)):
        base[person_id]["training_hours"] = float(hours or 0.0)
    # automatic QA of the agent's conversations (latest rule set): service code and first reply
    version = session.scalar(select(func.max(AutoQaResult.ruleset_version)))
    if version is not None:
        code_failed = func.max(case((and_(AutoQaResult.check.in_(SERVICE_CODE_CHECKS),
                                          AutoQaResult.passed.is_(False)), 1), else_=0))
        first_known = func.max(case((and_(AutoQaResult.check == "first_reply", AutoQaResult.passed.is_not(None)), 1),
                                    else_=0))
        first_ok = func.max(case((and_(AutoQaResult.check == "first_reply", AutoQaResult.passed.is_(True)), 1),
                                 else_=0))
        per_conversation = (
            select(Interaction.agent_id.label("agent_id"), code_failed.label("failed"), first_known.label("known"),
                   first_ok.label("ok"))
            .join(Interaction, Interaction.id == AutoQaResult.interaction_id)
            .where(AutoQaResult.ruleset_version == version, Interaction.offered_at >= in_window[0],
                   Interaction.offered_at < in_window[1], *agent_scope(Interaction.agent_id))
            .group_by(AutoQaResult.interaction_id, Interaction.agent_id).subquery())
        for agent_id, checked, failed, known, ok in session.execute(
                select(per_conversation.c.agent_id, func.count(), func.sum(per_conversation.c.failed),
                       func.sum(per_conversation.c.known), func.sum(per_conversation.c.ok))
                .group_by(per_conversation.c.agent_id)):
            base[agent_id].update(autoqa_checked=int(checked), autoqa_code_ok=int(checked) - int(failed or 0),
                                  autoqa_first_reply_known=int(known or 0), autoqa_first_reply_ok=int(ok or 0))
    # attendance: published shifts that had started by now, and those the agent logged in during
    logged_in = exists().where(AgentStateInterval.agent_id == ShiftAssignment.person_id,
                               AgentStateInterval.state == "logged_in",
                               AgentStateInterval.started_at < ShiftAssignment.ends_at,
                               AgentStateInterval.started_at >= window.start - timedelta(seconds=MAX_INTERVAL_SEC),
                               or_(AgentStateInterval.ended_at.is_(None),
                                   AgentStateInterval.ended_at > ShiftAssignment.starts_at))
    for person_id, rostered, attended in session.execute(
            select(ShiftAssignment.person_id, func.count(), func.sum(case((logged_in, 1), else_=0)))
            .join(Rota, Rota.id == ShiftAssignment.rota_id)
            .where(Rota.status == "published", ShiftAssignment.starts_at >= in_window[0],
                   ShiftAssignment.starts_at < min(in_window[1], now),
                   *agent_scope(ShiftAssignment.person_id))
            .group_by(ShiftAssignment.person_id)):
        base[person_id].update(rostered_shifts=int(rostered), attended_shifts=int(attended or 0))


# --- the report ------------------------------------------------------------------------------------------------
def team_options(session: Session) -> tuple[TeamOption, ...]:
    return tuple(TeamOption(t[0], t[1]) for t in session.execute(select(Team.id, Team.name).order_by(Team.name)))


class Window(Protocol):
    """A center-local period as a UTC range [start, end): a month, a quarter, any run of days."""

    timezone: str
    start: datetime
    end: datetime

    @property
    def last_day(self) -> date: ...


def collect_counts(session: Session, window: Window, targets: Targets, *, team_id: int | None = None,
                   now: datetime | None = None, extended: bool = False
                   ) -> tuple[list[Any], dict[int, dict[str, Any]]]:
    """Per-agent numerators and denominators of ``window`` (every aggregate in SQL).

    Returns the agents (id, name, employee no, team id, team name, hire date, active) — everyone
    with figures and every agent employed during the window — and their ``MonthCounts`` fields.
    ``extended`` adds what the quarterly review needs besides the month's figures: knowledge-base
    contributions, training hours, complaints escalated and attendance against the rota.
    """
    now = now or clock.now()
    in_team: list[ColumnElement[bool]] = []
    if team_id is not None:
        in_team.append(Person.team_id == team_id)
    team_agents = select(Person.id).where(*in_team) if team_id is not None else None

    def agent_scope(column: Any) -> list[ColumnElement[bool]]:
        return [column.in_(team_agents)] if team_agents is not None else [column.is_not(None)]

    def count_if(condition: ColumnElement[bool]) -> Any:
        return func.sum(case((condition, 1), else_=0))

    # 1. interactions handled, per agent and center-local day: one pass over the period's contacts
    #    gives both the sums and the days worked (the days are summed per agent in Python)
    wait_target = targets.values["R-KPI-1"]
    realtime = Interaction.channel.in_(REALTIME_CHANNELS)
    scan = _full_scan(session, window)
    offered = _unindexed(Interaction.offered_at) if scan else Interaction.offered_at
    agent = _unindexed(Interaction.agent_id) if scan else Interaction.agent_id
    handled = and_(offered >= window.start, offered < window.end, Interaction.answered_at.is_not(None),
                   *agent_scope(agent))
    day_of_interaction = _local_day(session, Interaction.offered_at, window)
    interaction_rows = session.execute(
        select(agent, day_of_interaction, func.count(),
               func.sum(case((realtime, Interaction.wait_sec), else_=0.0)),
               count_if(and_(realtime, Interaction.wait_sec <= wait_target)), func.count(Interaction.rating),
               func.sum(Interaction.rating), count_if(Interaction.rating >= targets.contact_rating),
               func.count(Interaction.resolved), count_if(Interaction.resolved.is_(True)),
               count_if(Interaction.recommendation_offered.is_(True)),
               count_if(and_(Interaction.recommendation_offered.is_(True),
                             Interaction.recommendation_converted.is_(True))),
               count_if(realtime))
        .where(handled).group_by(agent, day_of_interaction)
    ).all()
    keys = ("handled", "wait_sum", "within_target", "rated", "rating_sum", "good_ratings", "resolution_known",
            "resolved", "recommendations_offered", "recommendations_converted", "realtime_handled")
    base: dict[int, dict[str, Any]] = defaultdict(dict)
    days: dict[int, set[int]] = defaultdict(set)
    for r in interaction_rows:
        sums = base[r[0]]
        for key, value in zip(keys, r[2:], strict=True):
            sums[key] = sums.get(key, 0) + (value or 0)
        days[r[0]].add(int(r[1]))
    for sums in base.values():
        sums["wait_sum"] = float(sums["wait_sum"])
        for key in keys:
            if key != "wait_sum":
                sums[key] = int(sums[key])

    # 2. working days: distinct local days with handled interactions (above) or a published shift
    day_of_shift = _local_day(session, ShiftAssignment.starts_at, window)
    for person_id, day in session.execute(
            select(ShiftAssignment.person_id, day_of_shift)
            .join(Rota, Rota.id == ShiftAssignment.rota_id)
            .where(Rota.status == "published", ShiftAssignment.starts_at >= window.start,
                   ShiftAssignment.starts_at < window.end, *agent_scope(ShiftAssignment.person_id))
            .distinct()):
        days[person_id].add(int(day))
    for agent_id, agent_days in days.items():
        base[agent_id]["working_days"] = len(agent_days)

    # 3. logged-in seconds, clipped to the month (and to now, and to a day per interval)
    start_e = _epoch(session, AgentStateInterval.started_at)
    now_e = int(min(now, window.end).timestamp())
    end_e = func.coalesce(_epoch(session, AgentStateInterval.ended_at), now_e)
    clipped = (_least(session, end_e, start_e + MAX_INTERVAL_SEC, int(window.end.timestamp()), now_e)
               - _greatest(session, start_e, int(window.start.timestamp())))
    for agent_id, seconds in session.execute(
            select(AgentStateInterval.agent_id, func.sum(case((clipped > 0, clipped), else_=0)))
            .where(AgentStateInterval.state == "logged_in",
                   AgentStateInterval.started_at >= window.start - timedelta(seconds=MAX_INTERVAL_SEC),
                   AgentStateInterval.started_at < window.end, *agent_scope(AgentStateInterval.agent_id))
            .group_by(AgentStateInterval.agent_id)):
        base[agent_id]["logged_in_sec"] = float(seconds or 0.0)

    # 4. QA reviews of the month's interactions
    for agent_id, n, score_sum, violations, score_sq_sum, clean in session.execute(
            select(QaReview.agent_id, func.count(), func.sum(QaReview.dialogue_score),
                   func.sum(QaReview.violations), func.sum(QaReview.dialogue_score * QaReview.dialogue_score),
                   func.sum(case((QaReview.violations == 0, 1), else_=0)))
            .join(Interaction, Interaction.id == QaReview.interaction_id)
            # over a large window, start from the (few) reviews and look their interactions up by id
            .where(QaReview.status != "draft", offered >= window.start, offered < window.end,
                   *agent_scope(QaReview.agent_id))
            .group_by(QaReview.agent_id)):
        base[agent_id].update(qa_reviews=int(n), qa_score_sum=int(score_sum or 0),
                              qa_violations=int(violations or 0), qa_score_sq_sum=int(score_sq_sum or 0),
                              qa_reviews_clean=int(clean or 0))

    # 5. complaints owned, opened in the month
    for owner_id, n in session.execute(
            select(Complaint.owner_id, func.count())
            .where(Complaint.opened_at >= window.start, Complaint.opened_at < window.end,
                   *agent_scope(Complaint.owner_id))
            .group_by(Complaint.owner_id)):
        base[owner_id]["complaints_owned"] = int(n)

    # the agents: everyone with figures, and every agent employed during the month
    people = session.execute(
        select(Person.id, Person.full_name, Person.employee_no, Person.team_id, Team.name, Person.hire_date,
               Person.active)
        .outerjoin(Team, Team.id == Person.team_id)
        .where(*in_team)
        .where(or_(Person.id.in_(list(base) or [-1]),
                   and_(Person.job_title == "agent", Person.active.is_(True), Person.hire_date <= window.last_day)))
        .order_by(Team.name.is_(None), Team.name, Person.full_name, Person.id)
    ).all()
    if extended:
        _collect_extended(session, window, base, agent_scope, now)
    return list(people), base


def month_report(session: Session, year: int | None = None, month: int | None = None, *,
                 team_id: int | None = None, now: datetime | None = None) -> MonthReport:
    now = now or clock.now()
    if year is None or month is None:
        year, month = default_month(session, now)
    tz = center_zone(session)
    window = month_window(year, month, tz)
    targets = load_targets(session)
    people, base = collect_counts(session, window, targets, team_id=team_id, now=now)
    agents = tuple(AgentMonth(p[0], p[1], p[2], p[3], p[4], MonthCounts(**base.get(p[0], {}))) for p in people)

    teams: list[TeamMonth] = []
    for tid in dict.fromkeys(a.team_id for a in agents):
        members = [a for a in agents if a.team_id == tid]
        teams.append(TeamMonth(tid, members[0].team, len(members), sum((a.counts for a in members), MonthCounts())))
    total = TeamMonth(None, None, len(agents), sum((a.counts for a in agents), MonthCounts()))
    latest = session.scalar(select(func.max(Interaction.offered_at)))  # an index lookup
    return MonthReport(month=window, targets=targets, agents=agents, teams=tuple(teams), total=total,
                       team_filter=team_id, latest_interaction_at=latest)

