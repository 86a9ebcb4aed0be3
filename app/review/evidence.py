"""How an agent's indicator was computed: the formula with its numbers, and the rows behind it.

The numbers come from the same aggregation as the scorecard (``collect_counts``); the rows are
the agent's interactions, QA reviews, complaints or knowledge-base contributions of the period
that the indicator counts (newest first, at most ``limit``; the total is given).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.i18n import N_, Message
from app.review.kpi import INDICATORS_BY_RULE
from app.review.monthly import REALTIME_CHANNELS, MonthCounts, collect_counts, load_targets
from app.review.periods import PeriodWindow
from app.security.permissions import PermissionDenied, row_scope
from db.models import Interaction, KnowledgeContribution, QaReview, Queue


@dataclass(frozen=True)
class Evidence:
    rule_id: str
    formula: str  # e.g. "wait 12,345.0 s ÷ 700 handled contacts = 17.6 s"
    columns: tuple[str, ...]  # N_() headings
    rows: tuple[tuple[object, ...], ...]
    total_rows: int
    formula_template: str = ""  # the N_() template of ``formula``, for the UI to translate
    formula_params: dict[str, str] = field(default_factory=dict)  # a value may be a Message (number and unit)


def _formula(rule_id: str, c: MonthCounts) -> tuple[str, dict[str, str]]:
    """The formula as an N_() template (translated by the UI) and its numbers, already formatted."""
    def r(num: float, den: float, unit: str = "") -> str:
        if not den:
            return "—"
        return Message(unit, v=f"{num / den:.2f}") if unit else f"{num / den:.2f}"

    templates = {
        "R-KPI-1": (N_("wait {wait} s ÷ {n} phone/chat/on-site contacts = {avg}; {within} within the target"),
                    {"wait": f"{c.wait_sum:,.1f}", "n": f"{c.realtime_handled:,}",
                     "avg": r(c.wait_sum, c.realtime_handled, N_("{v} s")), "within": f"{c.within_target:,}"}),
        "R-KPI-2": (N_("logged in {h} h ÷ {d} working days = {avg}"),
                    {"h": f"{c.logged_in_sec / 3600:,.1f}", "d": str(c.working_days),
                     "avg": r(c.logged_in_sec / 3600, c.working_days, N_("{v} h"))}),
        "R-KPI-3": (N_("{n} handled ÷ {d} working days = {avg}"),
                    {"n": f"{c.handled:,}", "d": str(c.working_days), "avg": r(c.handled, c.working_days)}),
        "R-KPI-4": (N_("ratings {sum} ÷ {n} rated contacts = {avg}; {good} at or above the per-contact target"),
                    {"sum": f"{c.rating_sum:,}", "n": f"{c.rated:,}", "avg": r(c.rating_sum, c.rated),
                     "good": f"{c.good_ratings:,}"}),
        "R-KPI-5": (N_("{n} resolved ÷ {known} with a recorded resolution = {share}"),
                    {"n": f"{c.resolved:,}", "known": f"{c.resolution_known:,}",
                     "share": r(100 * c.resolved, c.resolution_known, N_("{v} %"))}),
        "R-KPI-6": (N_("{v} violations in {n} QA reviews"), {"v": str(c.qa_violations), "n": str(c.qa_reviews)}),
        "R-KPI-7": (N_("{n} converted ÷ {offered} offered = {share}"),
                    {"n": f"{c.recommendations_converted:,}", "offered": f"{c.recommendations_offered:,}",
                     "share": r(100 * c.recommendations_converted, c.recommendations_offered, N_("{v} %"))}),
        "R-KPI-8": (N_("{n} accepted contributions"), {"n": str(c.kb_contributions)}),
        "R-KPI-9": (N_("dialogue scores {sum} ÷ {n} reviews = {avg}"),
                    {"sum": str(c.qa_score_sum), "n": str(c.qa_reviews), "avg": r(c.qa_score_sum, c.qa_reviews)}),
    }
    return templates[rule_id]


def indicator_evidence(session: Session, actor: Actor, agent_id: int, window: PeriodWindow, rule_id: str, *,
                       limit: int = 200, now: datetime | None = None) -> Evidence:
    if rule_id not in INDICATORS_BY_RULE:
        raise ValueError(Message(N_("{rule_id} is not a KPI indicator."), rule_id=rule_id))
    scope = row_scope(session, actor)
    visible = scope.agent_ids()
    if visible is not None and agent_id not in set(session.scalars(visible)):
        raise PermissionDenied(actor, "review.view")
    targets = load_targets(session)
    _people, base = collect_counts(session, window, targets, now=now, extended=True)
    counts = MonthCounts(**base.get(agent_id, {}))
    template, params = _formula(rule_id, counts)
    formula = template.format(**params)
    in_window = and_(Interaction.offered_at >= window.start, Interaction.offered_at < window.end,
                     Interaction.agent_id == agent_id, Interaction.answered_at.is_not(None))
    if rule_id in ("R-KPI-6", "R-KPI-9"):
        where = [QaReview.agent_id == agent_id, QaReview.status != "draft", Interaction.offered_at >= window.start,
                 Interaction.offered_at < window.end]
        if rule_id == "R-KPI-6":
            where.append(QaReview.violations > 0)
        q = (select(QaReview.reviewed_at, Interaction.id, Interaction.channel, QaReview.dialogue_score,
                    QaReview.violations, QaReview.violation_notes)
             .join(Interaction, Interaction.id == QaReview.interaction_id).where(*where))
        columns = (N_("Reviewed"), N_("Interaction"), N_("Channel"), N_("Dialogue score"), N_("Violations"),
                   N_("Notes"))
        total = session.scalar(select(func.count()).select_from(q.subquery()))
        rows = session.execute(q.order_by(QaReview.reviewed_at.desc()).limit(limit)).all()
    elif rule_id == "R-KPI-8":
        q = select(KnowledgeContribution.created_at, KnowledgeContribution.title, KnowledgeContribution.status).where(
            KnowledgeContribution.person_id == agent_id, KnowledgeContribution.created_at >= window.start,
            KnowledgeContribution.created_at < window.end, KnowledgeContribution.status == "accepted")
        columns = (N_("Created"), N_("Title"), N_("Status"))
        total = session.scalar(select(func.count()).select_from(q.subquery()))
        rows = session.execute(q.order_by(KnowledgeContribution.created_at.desc()).limit(limit)).all()
    elif rule_id == "R-KPI-2":
        return Evidence(rule_id, formula, (), (), 0, template, params)  # state intervals: the figure is the whole story
    else:
        where = [in_window]
        if rule_id == "R-KPI-1":
            where.append(Interaction.channel.in_(REALTIME_CHANNELS))
        elif rule_id == "R-KPI-4":
            where.append(Interaction.rating.is_not(None))
        elif rule_id == "R-KPI-5":
            where.append(Interaction.resolved.is_not(None))
        elif rule_id == "R-KPI-7":
            where.append(Interaction.recommendation_offered.is_(True))
        q = (select(Interaction.offered_at, Interaction.id, Queue.name, Interaction.channel, Interaction.wait_sec,
                    Interaction.rating, Interaction.resolved, Interaction.recommendation_converted)
             .join(Queue, Queue.id == Interaction.queue_id).where(*where))
        columns = (N_("Offered"), N_("Interaction"), N_("Queue"), N_("Channel"), N_("Wait (s)"), N_("Rating"),
                   N_("Resolved"), N_("Converted"))
        total = session.scalar(select(func.count()).select_from(q.subquery()))
        rows = session.execute(q.order_by(Interaction.offered_at.desc()).limit(limit)).all()
    return Evidence(rule_id, formula, columns, tuple(tuple(r) for r in rows), int(total or 0), template, params)
