"""The review work of a week: the sample per reviewer and agent with progress, due dates, and saving a review.

* **Whose items**: the actor's row scope (a supervisor: the agents of their teams), plus every
  item assigned to the actor as reviewer (an analyst helping another team).
* **Due**: the end (center-local midnight) of the Sunday ``review_days`` after the sampled
  week's end, i.e. by default the end of the week in which the sample is reviewed.
  **Overdue**: not reviewed and past due.
* **Reviewed**: the sample's status is ``reviewed`` (a final review was saved for it).
* Saving a review scores the answers with the scorecard (:func:`app.quality.scorecards.score`),
  counts failed critical items as violations (R-QA-3), stores the reviewer's 1-10 dialogue score
  (R-QA-2), and marks the sample reviewed. A draft keeps the sample pending.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.i18n import N_, Message
from app.quality.interactions import center_zone, local_day_start
from app.quality.scorecards import Scorecard, ScoreResult, current_scorecard, get_scorecard, score
from app.security.permissions import PermissionDenied, require, row_scope
from db.errors import ConflictError
from db.models import Customer, Interaction, Person, QaDraw, QaReview, QaSample, Queue, Team


@dataclass(frozen=True)
class SampleItem:
    sample_id: int
    version: int
    draw_id: int
    week_start: date  # the sampled week
    interaction_id: int
    offered_at: datetime
    agent_id: int
    agent: str
    team: str | None
    reviewer_id: int | None
    reviewer: str | None
    stratum: str | None
    status: str  # pending / reviewed
    channel: str
    queue: str
    duration_sec: float
    has_recording: bool
    customer_masked: str | None  # R-SEC-2: the masked phone only
    due_at: datetime  # aware UTC
    overdue: bool
    review_id: int | None
    dialogue_score: int | None
    score_pct: float | None
    violations: int | None


@dataclass(frozen=True)
class Progress:
    id: int | None  # agent or reviewer person id (None: unassigned)
    name: str
    reviewed: int
    total: int
    overdue: int
    quota: int = 0  # agents: the R-QA-1 quota drawn against

    @property
    def label(self) -> str:
        return f"{self.reviewed}/{self.total}"


@dataclass(frozen=True)
class Worklist:
    week_start: date | None  # the sampled week (None: no draw yet)
    draw_ids: tuple[int, ...]
    items: tuple[SampleItem, ...]
    by_agent: tuple[Progress, ...]
    by_reviewer: tuple[Progress, ...]
    shortfalls: tuple[dict[str, Any], ...] = field(default=())

    @property
    def reviewed(self) -> int:
        return sum(1 for i in self.items if i.status == "reviewed")

    @property
    def overdue(self) -> int:
        return sum(1 for i in self.items if i.overdue)


def due_at(session: Session, week_start: date, review_days: int = 7) -> datetime:
    return local_day_start(week_start + timedelta(days=7 + review_days), center_zone(session))


def latest_draw_week(session: Session) -> date | None:
    return session.scalar(select(QaDraw.week_start).order_by(QaDraw.week_start.desc()).limit(1))


def worklist(session: Session, actor: Actor, week_start: date | None = None, *, reviewer_id: int | None = None,
             agent_id: int | None = None, pending_only: bool = False, sample_id: int | None = None) -> Worklist:
    """The sample of the week ``week_start`` (default: the latest drawn week) that ``actor`` may see."""
    week_start = week_start or latest_draw_week(session)
    if week_start is None:
        return Worklist(None, (), (), (), ())
    draws = session.execute(select(QaDraw.id, QaDraw.rules, QaDraw.shortfalls)
                            .where(QaDraw.week_start == week_start).order_by(QaDraw.id)).all()
    draw_ids = tuple(d[0] for d in draws)
    review_days = int((draws[0][1] or {}).get("review_days", 7)) if draws else 7
    quota = int((draws[0][1] or {}).get("quota", 5)) if draws else 5
    due = due_at(session, week_start, review_days)
    now = clock.now()
    agent, reviewer, latest = aliased(Person), aliased(Person), aliased(QaReview)
    latest_review = (select(latest.id).where(latest.sample_id == QaSample.id, latest.status != "draft")
                     .order_by(latest.reviewed_at.desc(), latest.id.desc()).limit(1).scalar_subquery())
    query = (
        select(QaSample.id, QaSample.version, QaSample.draw_id, QaSample.interaction_id, Interaction.offered_at,
               QaSample.agent_id, agent.full_name, Team.name, QaSample.reviewer_id, reviewer.full_name,
               QaSample.stratum, QaSample.status, Interaction.channel, Queue.name,
               Interaction.recording_sec, Interaction.talk_sec, Interaction.recording_ref, Customer.phone_masked,
               QaReview.id, QaReview.dialogue_score, QaReview.score_pct, QaReview.violations)
        .join(Interaction, Interaction.id == QaSample.interaction_id)
        .join(Queue, Queue.id == Interaction.queue_id)
        .join(agent, agent.id == QaSample.agent_id)
        .outerjoin(Team, Team.id == agent.team_id)
        .outerjoin(reviewer, reviewer.id == QaSample.reviewer_id)
        .outerjoin(Customer, Customer.id == Interaction.customer_id)
        .outerjoin(QaReview, QaReview.id == latest_review)
        .where(QaSample.draw_id.in_(draw_ids or (-1,)), QaSample.status != "replaced")
        .order_by(Team.name, agent.full_name, QaSample.agent_id, QaSample.rank, QaSample.id)
    )
    scope = row_scope(session, actor)
    in_scope = scope.agent_ids()
    if in_scope is not None:
        mine = [QaSample.agent_id.in_(in_scope)]
        if actor.person_id is not None and scope.kind != "own":
            mine.append(QaSample.reviewer_id == actor.person_id)
        query = query.where(or_(*mine))
    if reviewer_id is not None:
        query = query.where(QaSample.reviewer_id == reviewer_id)
    if agent_id is not None:
        query = query.where(QaSample.agent_id == agent_id)
    if pending_only:
        query = query.where(QaSample.status == "pending")
    if sample_id is not None:
        query = query.where(QaSample.id == sample_id)
    items = tuple(
        SampleItem(r[0], r[1], r[2], week_start, r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12],
                   r[13], float(r[14] if r[14] is not None else (r[15] or 0.0)), bool(r[16]), r[17], due,
                   r[11] != "reviewed" and now > due, r[18], r[19], r[20], r[21])
        for r in session.execute(query))
    return Worklist(week_start, draw_ids, items, _progress(items, "agent", quota), _progress(items, "reviewer"),
                    tuple(s for d in draws for s in (d[2] or ())))


def _progress(items: tuple[SampleItem, ...], by: str, quota: int = 0) -> tuple[Progress, ...]:
    groups: dict[int | None, list[Any]] = {}
    for i in items:
        key, name = (i.agent_id, i.agent) if by == "agent" else (i.reviewer_id, i.reviewer or "")
        g = groups.setdefault(key, [name, 0, 0, 0])
        g[1] += i.status == "reviewed"
        g[2] += 1
        g[3] += i.overdue
    out = [Progress(k, g[0], g[1], g[2], g[3], quota) for k, g in groups.items()]
    return tuple(sorted(out, key=lambda p: (p.id is None, p.name, p.id or 0)))


# --- one review -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReviewData:
    id: int
    version: int
    sample_id: int | None
    interaction_id: int
    agent_id: int
    reviewer_id: int | None
    scorecard_id: int | None
    dialogue_score: int
    answers: dict[str, Any]
    score_pct: float | None
    violations: int
    violation_notes: str | None
    comment: str | None
    coaching: str | None
    status: str
    reviewed_at: datetime


@dataclass(frozen=True)
class ReviewForm:
    sample: SampleItem
    scorecard: Scorecard | None  # the card to fill: the review's own revision, else the current one
    review: ReviewData | None  # the latest review of this sample (a draft or final), if any


@dataclass(frozen=True)
class SavedReview:
    review_id: int
    version: int
    result: ScoreResult
    changes: Changes


def _review_data(r: QaReview) -> ReviewData:
    return ReviewData(r.id, r.version, r.sample_id, r.interaction_id, r.agent_id, r.reviewer_id, r.scorecard_id,
                      r.dialogue_score, dict(r.answers or {}), r.score_pct, r.violations or 0, r.violation_notes,
                      r.comment, r.coaching, r.status, r.reviewed_at)


def get_review(session: Session, review_id: int) -> ReviewData:
    row = session.get(QaReview, review_id)
    if row is None:
        raise ValueError(Message(N_("There is no QA review {review_id}."), review_id=review_id))
    return _review_data(row)


def _sample_item(session: Session, actor: Actor, sample_id: int) -> SampleItem:
    sample = session.get(QaSample, sample_id)
    if sample is None:
        raise ValueError(Message(N_("There is no QA sample {sample_id}."), sample_id=sample_id))
    week = session.scalar(select(QaDraw.week_start).where(QaDraw.id == sample.draw_id))
    found = [i for i in worklist(session, actor, week, sample_id=sample_id).items if i.sample_id == sample_id]
    if not found:
        raise PermissionDenied(actor, "qa.review")
    return found[0]


def review_form(session: Session, actor: Actor, sample_id: int) -> ReviewForm:
    item = _sample_item(session, actor, sample_id)
    row = session.scalars(select(QaReview).where(QaReview.sample_id == sample_id)
                          .order_by(QaReview.reviewed_at.desc(), QaReview.id.desc()).limit(1)).first()
    review = _review_data(row) if row is not None else None
    card = (get_scorecard(session, review.scorecard_id) if review and review.scorecard_id
            else current_scorecard(session))
    return ReviewForm(item, card, review)


def save_review(session: Session, actor: Actor, sample_id: int, *, scorecard_id: int, answers: Mapping[str, Any],
                dialogue_score: int, comment: str | None = None, coaching: str | None = None,
                violation_notes: str | None = None, final: bool = True, review_id: int | None = None,
                expected_version: int | None = None) -> SavedReview:
    """Save (or update) the review of a sample. A new review must use the current scorecard revision;
    an existing one keeps the revision it was started with. ``final`` requires every question answered."""
    require(actor, "qa.review")
    item = _sample_item(session, actor, sample_id)
    if not isinstance(dialogue_score, int) or isinstance(dialogue_score, bool) or not 1 <= dialogue_score <= 10:
        raise ValueError(Message(N_("The dialogue score is a whole number from 1 to 10 (R-QA-2), not {dialogue_score!r}."), dialogue_score=dialogue_score))
    existing = session.get(QaReview, review_id) if review_id is not None else None
    if review_id is not None and (existing is None or existing.sample_id != sample_id):
        raise ValueError(Message(N_("Review {review_id} is not a review of sample {sample_id}."), review_id=review_id, sample_id=sample_id))
    card = get_scorecard(session, scorecard_id)
    if existing is None and not card.active:
        raise ValueError(Message(N_("Scorecard '{name}' revision {revision} was replaced by a newer revision; new reviews use the current one."), name=card.name, revision=card.revision))
    if existing is not None and existing.scorecard_id not in (None, scorecard_id):
        raise ValueError(N_("A review keeps the scorecard revision it was started with."))
    unknown = sorted(set(answers) - {q.key for q in card.questions})
    if unknown:
        raise ValueError(Message(N_("Scorecard '{name}' has no question {value}."), name=card.name, value=', '.join(unknown)))
    result = score(card.sections, answers)
    if final and result.missing:
        labels = ", ".join(card.question(k).label for k in result.missing)
        raise ValueError(Message(N_("Answer every question before saving the review (missing: {labels})."), labels=labels))
    if result.violations and final and not (violation_notes or "").strip():
        labels = ", ".join(card.question(k).label for k in result.violations)
        raise ValueError(Message(N_("Describe the service-code violation (R-QA-3) on: {labels}."), labels=labels))
    values = {"answers": dict(answers), "dialogue_score": dialogue_score, "score_pct": result.score_pct,
              "violations": len(result.violations), "violation_notes": (violation_notes or "").strip() or None,
              "comment": (comment or "").strip() or None, "coaching": (coaching or "").strip() or None,
              "status": "final" if final else "draft", "reviewed_at": clock.now()}
    if existing is not None:
        if expected_version is not None and existing.version != expected_version:
            raise ConflictError(Message(N_("Another desk saved this review (version {version}) after you opened it (version {expected_version})."), version=existing.version, expected_version=expected_version), "qa_review", existing.id, mine=values,
                                theirs={"dialogue_score": existing.dialogue_score, "status": existing.status})
        before = {"dialogue_score": existing.dialogue_score, "score_pct": existing.score_pct,
                  "violations": existing.violations, "status": existing.status}
        for key, value in values.items():
            setattr(existing, key, value)
        row = existing
        action = "update"
    else:
        before = None
        row = QaReview(sample_id=sample_id, interaction_id=item.interaction_id, agent_id=item.agent_id,
                       reviewer_id=actor.person_id, scorecard_id=scorecard_id, **values)
        session.add(row)
        action = "create"
    sample = session.get(QaSample, sample_id)
    assert sample is not None
    if final and sample.status != "reviewed":
        sample.status = "reviewed"
    session.flush()
    audit.record(session, actor, action, "qa_review", row.id, before=before, after={
        "sample_id": sample_id, "interaction_id": item.interaction_id, "dialogue_score": dialogue_score,
        "score_pct": None if result.score_pct is None else round(result.score_pct, 2),
        "violations": len(result.violations), "status": values["status"]})
    return SavedReview(row.id, row.version, result, record(session, Changes.QA | Changes.REVIEWS | Changes.AUDIT))
