"""How an agent's indicator was computed: the formula with its numbers, and the rows behind it.

The numbers come from the same aggregation as the scorecard (``collect_counts``); the rows are
the agent's interactions, QA reviews, complaints or knowledge-base contributions of the period
that the indicator counts (newest first, at most ``limit``; the total is given).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.review.kpi import INDICATORS_BY_RULE
from app.review.monthly import REALTIME_CHANNELS, MonthCounts, collect_counts, load_targets
from app.review.periods import PeriodWindow
from app.security.permissions import PermissionDenied, row_scope
from db.models import Interaction, KnowledgeContribution, QaReview, Queue


@dataclass(frozen=True)
class Evidence:
    rule_id: str
    formula: str  # e.g. "wait 12,345.0 s ÷ 700 handled contacts = 17.6 s"
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    total_rows: int


def _formula(rule_id: str, c: MonthCounts) -> str:
    def r(num: float, den: float, unit: str = "") -> str:
        return f"{num / den:.2f}{unit}" if den else "—"

    return {
        "R-KPI-1": f"wait {c.wait_sum:,.1f} s ÷ {c.realtime_handled:,} phone/chat/on-site contacts = "
                   f"{r(c.wait_sum, c.realtime_handled, ' s')}; {c.within_target:,} within the target",
        "R-KPI-2": f"logged in {c.logged_in_sec / 3600:,.1f} h ÷ {c.working_days} working days = "
                   f"{r(c.logged_in_sec / 3600, c.working_days, ' h')}",
        "R-KPI-3": f"{c.handled:,} handled ÷ {c.working_days} working days = {r(c.handled, c.working_days)}",
        "R-KPI-4": f"ratings {c.rating_sum:,} ÷ {c.rated:,} rated contacts = {r(c.rating_sum, c.rated)}; "
                   f"{c.good_ratings:,} at or above the per-contact target",
        "R-KPI-5": f"{c.resolved:,} resolved ÷ {c.resolution_known:,} with a recorded resolution = "
                   f"{r(100 * c.resolved, c.resolution_known, ' %')}",
        "R-KPI-6": f"{c.qa_violations} violations in {c.qa_reviews} QA reviews",
        "R-KPI-7": f"{c.recommendations_converted:,} converted ÷ {c.recommendations_offered:,} offered = "
                   f"{r(100 * c.recommendations_converted, c.recommendations_offered, ' %')}",
        "R-KPI-8": f"{c.kb_contributions} accepted contributions",
        "R-KPI-9": f"dialogue scores {c.qa_score_sum} ÷ {c.qa_reviews} reviews = {r(c.qa_score_sum, c.qa_reviews)}",
    }[rule_id]


def indicator_evidence(session: Session, actor: Actor, agent_id: int, window: PeriodWindow, rule_id: str, *,
                       limit: int = 200, now: datetime | None = None) -> Evidence:
    if rule_id not in INDICATORS_BY_RULE:
        raise ValueError(f"{rule_id} is not a KPI indicator.")
    scope = row_scope(session, actor)
    visible = scope.agent_ids()
    if visible is not None and agent_id not in set(session.scalars(visible)):
        raise PermissionDenied(actor, "review.view")
    targets = load_targets(session)
    _people, base = collect_counts(session, window, targets, now=now, extended=True)
    counts = MonthCounts(**base.get(agent_id, {}))
    formula = _formula(rule_id, counts)
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
        columns = ("Reviewed", "Interaction", "Channel", "Dialogue score", "Violations", "Notes")
        total = session.scalar(select(func.count()).select_from(q.subquery()))
        rows = session.execute(q.order_by(QaReview.reviewed_at.desc()).limit(limit)).all()
    elif rule_id == "R-KPI-8":
        q = select(KnowledgeContribution.created_at, KnowledgeContribution.title, KnowledgeContribution.status).where(
            KnowledgeContribution.person_id == agent_id, KnowledgeContribution.created_at >= window.start,
            KnowledgeContribution.created_at < window.end, KnowledgeContribution.status == "accepted")
        columns = ("Created", "Title", "Status")
        total = session.scalar(select(func.count()).select_from(q.subquery()))
        rows = session.execute(q.order_by(KnowledgeContribution.created_at.desc()).limit(limit)).all()
    elif rule_id == "R-KPI-2":
        return Evidence(rule_id, formula, (), (), 0)  # state intervals: the figure is the whole story
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
        columns = ("Offered", "Interaction", "Queue", "Channel", "Wait (s)", "Rating", "Resolved", "Converted")
        total = session.scalar(select(func.count()).select_from(q.subquery()))
        rows = session.execute(q.order_by(Interaction.offered_at.desc()).limit(limit)).all()
    return Evidence(rule_id, formula, columns, tuple(tuple(r) for r in rows), int(total or 0))
