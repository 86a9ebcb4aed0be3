"""Disputes: an agent contests one answer (or the dialogue score) of a review; another supervisor decides.

* A supervisor (or analyst, manager) enters the dispute on the agent's behalf: the question,
  the reason, the proposed answer, a deadline (default ``DEFAULT_DAYS`` days). Only a final
  review can be disputed, one open dispute per question; the review shows as ``disputed``.
* The decision is taken by **another** person than the review's reviewer and the one who entered
  the dispute: *accept* (the proposed answer replaces the old one), *partly* (an answer between,
  given by the decider) or *reject* (no change), always with a reason.
* On accept/partly the review is re-scored with its own scorecard revision (score, violations,
  dialogue score) and goes back to ``final`` when no dispute on it is open.
* History: every step is a ``qa_dispute_events`` row (and an audit row), never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.i18n import N_, Message
from app.quality.interactions import center_zone
from app.quality.scorecards import answer_fraction, get_scorecard, score
from app.security.permissions import SCOPE_TEAMS, PermissionDenied, require, row_scope
from db.errors import ConflictError
from db.models import Person, QaDispute, QaDisputeEvent, QaReview

DEFAULT_DAYS = 5
DIALOGUE = "dialogue_score"
DECISIONS = ("accepted", "partly", "rejected")


@dataclass(frozen=True)
class DisputeView:
    id: int
    version: int
    review_id: int
    agent_id: int
    agent: str
    question_key: str
    question: str
    reason: str
    current_value: str | None
    proposed_value: str
    raised_by: str
    raised_at: datetime
    deadline: datetime
    overdue: bool
    status: str  # open / accepted / partly / rejected
    decided_by: str | None
    decided_at: datetime | None
    decision_reason: str | None
    decided_value: str | None


@dataclass(frozen=True)
class DisputeEventView:
    at: datetime
    actor: str
    action: str
    details: dict[str, Any]


def _text(value: Any) -> str:
    return str(value).strip()


def _validate(session: Session, review: QaReview, key: str, value: Any) -> tuple[str, str]:
    """(question label, normalised value); ValueError names the question."""
    if key == DIALOGUE:
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ValueError(Message(N_("The dialogue score is a whole number from 1 to 10, not '{value}'."), value=value)) from None
        if not 1 <= number <= 10:
            raise ValueError(Message(N_("The dialogue score is a whole number from 1 to 10, not {number}."), number=number))
        return "Dialogue score", str(number)
    if review.scorecard_id is None:
        raise ValueError(Message(N_("Review {id} has no scorecard; only its dialogue score can be disputed."), id=review.id))
    card = get_scorecard(session, review.scorecard_id)
    try:
        q = card.question(key)
    except KeyError:
        raise ValueError(Message(N_("Scorecard '{name}' revision {revision} has no question '{key}'."), name=card.name, revision=card.revision, key=key)) from None
    answer_fraction(q, value)
    return q.label, _text(value)


def raise_dispute(session: Session, actor: Actor, review_id: int, question_key: str, *, reason: str,
                  proposed_value: Any, deadline: datetime | None = None) -> tuple[int, Changes]:
    require(actor, "qa.review")
    review = session.get(QaReview, review_id)
    if review is None:
        raise ValueError(Message(N_("There is no QA review {review_id}."), review_id=review_id))
    scope = row_scope(session, actor).agent_ids()
    if scope is not None and review.agent_id not in set(session.scalars(scope)):
        raise PermissionDenied(actor, "qa.dispute")
    if review.status not in ("final", "disputed"):
        raise ValueError(Message(N_("Review {review_id} is a {status}; only a saved review can be disputed."), review_id=review_id, status=review.status))
    reason = reason.strip()
    if not reason:
        raise ValueError(N_("Give the agent's reason for the dispute."))
    label, proposed = _validate(session, review, question_key, proposed_value)
    current = str(review.dialogue_score) if question_key == DIALOGUE else (
        None if (review.answers or {}).get(question_key) is None else _text(review.answers[question_key]))
    if current is not None and current == proposed:
        raise ValueError(Message(N_("'{label}' is already {proposed}; propose a different answer."), label=label, proposed=proposed))
    open_one = session.scalar(select(QaDispute.id).where(QaDispute.review_id == review_id,
                                                         QaDispute.question_key == question_key,
                                                         QaDispute.status == "open"))
    if open_one is not None:
        raise ValueError(Message(N_("'{label}' of review {review_id} is already disputed (dispute {open_one})."), label=label, review_id=review_id, open_one=open_one))
    now = clock.now()
    deadline = deadline or now + timedelta(days=DEFAULT_DAYS)
    if deadline <= now:
        raise ValueError(N_("The deadline must be in the future."))
    d = QaDispute(review_id=review_id, question_key=question_key, reason=reason, current_value=current,
                  proposed_value=proposed, raised_by_id=actor.person_id, raised_by=actor.username, raised_at=now,
                  deadline=deadline, status="open")
    session.add(d)
    review.status = "disputed"
    session.flush()
    session.add(QaDisputeEvent(dispute_id=d.id, at=now, actor=actor.username, action="raised",
                               details={"question": question_key, "reason": reason, "current": current,
                                        "proposed": proposed, "deadline": deadline.isoformat()}))
    from app.notifications import Recipients, post

    agent = session.get(Person, review.agent_id)
    post(session, kind="qa.dispute", params={"agent": agent.full_name if agent else f"#{review.agent_id}",
                                             "question": label, "deadline": deadline.astimezone(center_zone(session)).strftime("%Y-%m-%d %H:%M")},
         recipients=Recipients(roles=("manager", "quality_analyst")), entity=("qa_dispute", d.id),
         dedupe_key=f"qa.dispute:{d.id}")
    audit.record(session, actor, "raise", "qa_dispute", d.id, after={
        "review_id": review_id, "question": question_key, "current": current, "proposed": proposed})
    return d.id, record(session, Changes.QA | Changes.REVIEWS | Changes.AUDIT | Changes.NOTIFICATIONS)


def decide_dispute(session: Session, actor: Actor, dispute_id: int, decision: str, *, reason: str,
                   expected_version: int, decided_value: Any = None) -> Changes:
    """accept / partly (with ``decided_value``) / reject, by someone other than the reviewer and the raiser."""
    require(actor, "qa.review")
    decision = {"accept": "accepted", "reject": "rejected"}.get(decision, decision)
    if decision not in DECISIONS:
        raise ValueError(Message(N_("Decide accept, partly or reject, not '{decision}'."), decision=decision))
    d = session.get(QaDispute, dispute_id, populate_existing=True)
    if d is None:
        raise ValueError(Message(N_("There is no dispute {dispute_id}."), dispute_id=dispute_id))
    if d.version != expected_version:
        raise ConflictError(Message(N_("Another desk changed dispute {dispute_id} (version {version}) after you opened it."), dispute_id=dispute_id, version=d.version),
                            "qa_dispute", dispute_id, mine={"decision": decision}, theirs={"status": d.status})
    if d.status != "open":
        raise ValueError(Message(N_("Dispute {dispute_id} was already decided ({status})."), dispute_id=dispute_id, status=d.status))
    review = session.get(QaReview, d.review_id)
    assert review is not None
    reviewer = session.get(Person, review.reviewer_id) if review.reviewer_id is not None else None
    same_person = actor.person_id is not None and actor.person_id in (review.reviewer_id, d.raised_by_id)
    if same_person or actor.username == d.raised_by:
        raise PermissionDenied(actor, "qa.dispute.decide (another supervisor decides: not the reviewer "
                                      "or whoever entered the dispute)")
    scope = row_scope(session, actor)
    if scope.kind == "own":
        raise PermissionDenied(actor, "qa.dispute.decide")
    reason = reason.strip()
    if not reason:
        raise ValueError(N_("Give the reason for the decision."))
    if decision == "partly":
        if decided_value is None or _text(decided_value) == "":
            raise ValueError(N_("A partly accepted dispute needs the answer that applies now."))
        _, value = _validate(session, review, d.question_key, decided_value)
    elif decision == "accepted":
        value = d.proposed_value
    else:
        value = None
    before = {"score_pct": review.score_pct, "dialogue_score": review.dialogue_score,
              "violations": review.violations}
    if value is not None:
        if d.question_key == DIALOGUE:
            review.dialogue_score = int(value)
        else:
            answers = dict(review.answers or {})
            old = answers.get(d.question_key)
            numeric = isinstance(old, int | float) and not isinstance(old, bool) and value != "na"
            answers[d.question_key] = type(old)(float(value)) if numeric else value
            review.answers = answers
            assert review.scorecard_id is not None
            result = score(get_scorecard(session, review.scorecard_id).sections, answers)
            review.score_pct, review.violations = result.score_pct, len(result.violations)
    now = clock.now()
    d.status, d.decided_by_id, d.decided_by, d.decided_at = decision, actor.person_id, actor.username, now
    d.decision_reason, d.decided_value = reason, value
    session.flush()
    still_open = session.scalar(select(func.count()).select_from(QaDispute).where(
        QaDispute.review_id == review.id, QaDispute.status == "open")) or 0
    if not still_open and review.status == "disputed":
        review.status = "final"
    session.flush()
    after = {"score_pct": review.score_pct, "dialogue_score": review.dialogue_score, "violations": review.violations}
    session.add(QaDisputeEvent(dispute_id=d.id, at=now, actor=actor.username, action="decided",
                               details={"decision": decision, "reason": reason, "value": value,
                                        "review_before": before, "review_after": after,
                                        "reviewer": reviewer.full_name if reviewer else None}))
    audit.record(session, actor, "decide", "qa_dispute", d.id, before=before,
                 after={**after, "decision": decision, "reason": reason})
    return record(session, Changes.QA | Changes.REVIEWS | Changes.AUDIT)


def list_disputes(session: Session, actor: Actor, *, status: str | None = None,
                  review_id: int | None = None) -> list[DisputeView]:
    require(actor, "qa.review")
    agent = aliased(Person)
    query = (select(QaDispute, QaReview.agent_id, agent.full_name, QaReview.scorecard_id)
             .join(QaReview, QaReview.id == QaDispute.review_id)
             .join(agent, agent.id == QaReview.agent_id)
             .order_by(QaDispute.status != "open", QaDispute.deadline, QaDispute.id))
    scope = row_scope(session, actor)
    own = scope.agent_ids()
    if own is not None:
        if scope.kind == SCOPE_TEAMS:
            # a dispute is decided by ANOTHER supervisor: supervisors also see the open disputes of
            # other teams (to decide them), while decided ones stay with the agent's own team
            query = query.where(or_(QaReview.agent_id.in_(own), QaDispute.status == "open"))
        else:
            query = query.where(QaReview.agent_id.in_(own))
    if status:
        query = query.where(QaDispute.status == status)
    if review_id is not None:
        query = query.where(QaDispute.review_id == review_id)
    now = clock.now()
    labels: dict[int, dict[str, str]] = {}
    out = []
    for d, agent_id, agent_name, card_id in session.execute(query).all():
        if card_id is not None and card_id not in labels:
            labels[card_id] = {q.key: q.label for q in get_scorecard(session, card_id).questions}
        label = "Dialogue score" if d.question_key == DIALOGUE else labels.get(card_id, {}).get(
            d.question_key, d.question_key)
        out.append(DisputeView(d.id, d.version, d.review_id, agent_id, agent_name, d.question_key, label, d.reason,
                               d.current_value, d.proposed_value, d.raised_by, d.raised_at, d.deadline,
                               d.status == "open" and now > d.deadline, d.status, d.decided_by, d.decided_at,
                               d.decision_reason, d.decided_value))
    return out


def dispute_history(session: Session, actor: Actor, dispute_id: int) -> tuple[DisputeEventView, ...]:
    require(actor, "qa.review")
    if not any(d.id == dispute_id for d in list_disputes(session, actor)):
        raise PermissionDenied(actor, "qa.dispute")
    return tuple(DisputeEventView(e.at, e.actor, e.action, dict(e.details or {})) for e in session.scalars(
        select(QaDisputeEvent).where(QaDisputeEvent.dispute_id == dispute_id)
        .order_by(QaDisputeEvent.at, QaDisputeEvent.id)))
