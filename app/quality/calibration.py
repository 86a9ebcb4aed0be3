"""Calibration sessions: several reviewers score the same interaction blind, then compare.

* A session names an interaction, a scorecard revision and at least two reviewers.
* **Blind**: while the session is open, a reviewer sees only their own answers and who has
  submitted; nobody (not even the organiser) sees the others' scores until it is closed.
* **Results** (closed sessions): per question the answers of each reviewer as a share of full
  marks (0..100), their spread (min, max, mean, standard deviation); Krippendorff's alpha
  (interval) over all questions and the dialogue score; per reviewer the mean absolute deviation
  from the others' mean, and the alpha of the group without them (see ``agreement.py``).
* Calibration scores live in ``qa_calibration_scores``, never in ``qa_reviews``: they never count
  in an agent's QA figures, the monthly evaluation or the quarterly review.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.i18n import N_, Message
from app.quality.agreement import (
    alpha_without,
    krippendorff_alpha_interval,
    mean_abs_deviation,
    spread,
)
from app.quality.scorecards import (
    Scorecard,
    answer_fraction,
    current_scorecard,
    get_scorecard,
    score,
)
from app.security.permissions import PermissionDenied, require, row_scope
from db.models import Interaction, Person, QaCalibration, QaCalibrationScore

MANAGING_ROLES = frozenset({"manager", "quality_analyst", "administrator"})


@dataclass(frozen=True)
class CalibrationInfo:
    id: int
    version: int
    title: str
    interaction_id: int
    scorecard_id: int
    status: str  # open / closed
    reviewers: tuple[tuple[int, str], ...]  # (person id, name)
    submitted: tuple[int, ...]  # reviewers who have scored (values hidden while open)
    created_at: datetime
    created_by: str
    closed_at: datetime | None
    my_answers: dict[str, Any] | None = None  # the actor's own answers
    my_dialogue_score: int | None = None


@dataclass(frozen=True)
class QuestionSpread:
    key: str
    label: str
    values: tuple[float | None, ...]  # per reviewer (results order), 0..100 share of full marks; None: N/A
    count: int
    minimum: float | None
    maximum: float | None
    mean: float | None
    sd: float | None


@dataclass(frozen=True)
class ReviewerAgreement:
    reviewer_id: int
    name: str
    score_pct: float | None
    dialogue_score: int
    violations: int
    mean_abs_deviation: float | None  # points of 100 (questions) from the others' mean
    alpha_without: float | None


@dataclass(frozen=True)
class CalibrationResults:
    info: CalibrationInfo
    questions: tuple[QuestionSpread, ...]
    dialogue: QuestionSpread  # the 1-10 dialogue scores
    alpha: float | None  # Krippendorff's alpha, interval, questions + dialogue score
    reviewers: tuple[ReviewerAgreement, ...]


def _info(session: Session, c: QaCalibration, actor: Actor | None = None) -> CalibrationInfo:
    names = dict(session.execute(select(Person.id, Person.full_name).where(
        Person.id.in_(c.reviewer_ids or [-1]))).all())
    scores = session.scalars(select(QaCalibrationScore).where(QaCalibrationScore.calibration_id == c.id)).all()
    mine = next((s for s in scores if actor is not None and s.reviewer_id == actor.person_id), None)
    return CalibrationInfo(
        c.id, c.version, c.title, c.interaction_id, c.scorecard_id, c.status,
        tuple((int(p), names.get(int(p), f"#{p}")) for p in c.reviewer_ids or []),
        tuple(sorted(s.reviewer_id for s in scores)), c.created_at, c.created_by, c.closed_at,
        dict(mine.answers) if mine else None, mine.dialogue_score if mine else None)


def _may_manage(actor: Actor, c: QaCalibration) -> bool:
    return actor.username in ("system", c.created_by) or actor.role in MANAGING_ROLES


def create_calibration(session: Session, actor: Actor, interaction_id: int, reviewer_ids: Sequence[int], *,
                       title: str | None = None, scorecard_id: int | None = None) -> tuple[CalibrationInfo, Changes]:
    require(actor, "qa.review")
    reviewers = list(dict.fromkeys(int(r) for r in reviewer_ids))
    if len(reviewers) < 2:
        raise ValueError(N_("A calibration needs at least two reviewers."))
    query = select(Interaction.id, Interaction.recording_ref).where(Interaction.id == interaction_id)
    clause = row_scope(session, actor).interaction_clause()
    found = session.execute(query.where(clause) if clause is not None else query).first()
    if found is None:
        raise ValueError(Message(N_("Interaction {interaction_id} does not exist or is not one you may see."), interaction_id=interaction_id))
    known = set(session.scalars(select(Person.id).where(Person.id.in_(reviewers))))
    if missing := [r for r in reviewers if r not in known]:
        raise ValueError(Message(N_("Unknown reviewer {value}."), value=', '.join(map(str, missing))))
    card = get_scorecard(session, scorecard_id) if scorecard_id is not None else current_scorecard(session)
    if card is None or card.id is None:
        raise ValueError(N_("There is no scorecard to calibrate with; create one first."))
    c = QaCalibration(interaction_id=interaction_id, scorecard_id=card.id, reviewer_ids=reviewers,
                      title=(title or "").strip() or f"Calibration of interaction {interaction_id}",
                      status="open", created_at=clock.now(), created_by=actor.username)
    session.add(c)
    session.flush()
    audit.record(session, actor, "create", "qa_calibration", c.id,
                 after={"interaction_id": interaction_id, "reviewers": reviewers, "scorecard_id": card.id})
    return _info(session, c, actor), record(session, Changes.QA | Changes.AUDIT)


def _open_session(session: Session, calibration_id: int) -> QaCalibration:
    c = session.get(QaCalibration, calibration_id)
    if c is None:
        raise ValueError(Message(N_("There is no calibration session {calibration_id}."), calibration_id=calibration_id))
    return c


def submit_calibration_score(session: Session, actor: Actor, calibration_id: int, *, answers: Mapping[str, Any],
                             dialogue_score: int) -> Changes:
    """The actor's own blind score (again while open replaces it). Every question must be answered."""
    require(actor, "qa.review")
    c = _open_session(session, calibration_id)
    if actor.person_id is None or actor.person_id not in (c.reviewer_ids or []):
        raise PermissionDenied(actor, "qa.calibration.score")
    if c.status != "open":
        raise ValueError(Message(N_("Calibration {calibration_id} is closed; scores can no longer change."), calibration_id=calibration_id))
    if not isinstance(dialogue_score, int) or isinstance(dialogue_score, bool) or not 1 <= dialogue_score <= 10:
        raise ValueError(Message(N_("The dialogue score is a whole number from 1 to 10 (R-QA-2), not {dialogue_score!r}."), dialogue_score=dialogue_score))
    card = get_scorecard(session, c.scorecard_id)
    unknown = sorted(set(answers) - {q.key for q in card.questions})
    if unknown:
        raise ValueError(Message(N_("Scorecard '{name}' has no question {value}."), name=card.name, value=', '.join(unknown)))
    result = score(card.sections, answers)
    if result.missing:
        raise ValueError("Answer every question (missing: "
                         + ", ".join(card.question(k).label for k in result.missing) + ").")
    row = session.scalars(select(QaCalibrationScore).where(QaCalibrationScore.calibration_id == c.id,
                                                           QaCalibrationScore.reviewer_id == actor.person_id)).first()
    if row is None:
        row = QaCalibrationScore(calibration_id=c.id, reviewer_id=actor.person_id)
        session.add(row)
    row.answers, row.dialogue_score = dict(answers), dialogue_score
    row.score_pct, row.violations, row.submitted_at = result.score_pct, len(result.violations), clock.now()
    session.flush()
    audit.record(session, actor, "score", "qa_calibration", c.id, after={"reviewer_id": actor.person_id})
    return record(session, Changes.QA | Changes.AUDIT)


def close_calibration(session: Session, actor: Actor, calibration_id: int) -> Changes:
    require(actor, "qa.review")
    c = _open_session(session, calibration_id)
    if not _may_manage(actor, c):
        raise PermissionDenied(actor, "qa.calibration.close")
    if c.status != "open":
        raise ValueError(Message(N_("Calibration {calibration_id} is already closed."), calibration_id=calibration_id))
    n = len(session.scalars(select(QaCalibrationScore.id).where(QaCalibrationScore.calibration_id == c.id)).all())
    if n < 2:
        raise ValueError(Message(N_("Only {n} reviewer(s) scored calibration {calibration_id}; at least two are needed to compare."), n=n, calibration_id=calibration_id))
    c.status, c.closed_at = "closed", clock.now()
    session.flush()
    audit.record(session, actor, "close", "qa_calibration", c.id, after={"scores": n})
    return record(session, Changes.QA | Changes.AUDIT)


def get_calibration(session: Session, actor: Actor, calibration_id: int) -> CalibrationInfo:
    require(actor, "qa.review")
    return _info(session, _open_session(session, calibration_id), actor)


def list_calibrations(session: Session, actor: Actor, *, status: str | None = None) -> list[CalibrationInfo]:
    """Sessions the actor organised or reviews in (analysts and managers: all)."""
    require(actor, "qa.review")
    query = select(QaCalibration).order_by(QaCalibration.created_at.desc(), QaCalibration.id.desc())
    if status:
        query = query.where(QaCalibration.status == status)
    out = []
    for c in session.scalars(query):
        if actor.role in MANAGING_ROLES or c.created_by == actor.username or actor.person_id in (c.reviewer_ids or []):
            out.append(_info(session, c, actor))
    return out


def _share(card: Scorecard, key: str, value: Any) -> float | None:
    fraction = answer_fraction(card.question(key), value)
    return None if fraction is None else 100.0 * fraction


def calibration_results(session: Session, actor: Actor, calibration_id: int) -> CalibrationResults:
    """The comparison of a closed session (open sessions stay blind: ValueError)."""
    require(actor, "qa.review")
    c = _open_session(session, calibration_id)
    if c.status != "closed":
        raise ValueError(Message(N_("Calibration {calibration_id} is still open: results are shown once it is closed, so every reviewer scores blind."), calibration_id=calibration_id))
    card = get_scorecard(session, c.scorecard_id)
    rows = session.scalars(select(QaCalibrationScore).where(QaCalibrationScore.calibration_id == c.id)
                           .order_by(QaCalibrationScore.reviewer_id)).all()
    names = dict(session.execute(select(Person.id, Person.full_name).where(
        Person.id.in_([r.reviewer_id for r in rows] or [-1]))).all())
    questions = []
    matrix: dict[int, list[float | None]] = {r.reviewer_id: [] for r in rows}
    for q in card.questions:
        values = tuple(_share(card, q.key, r.answers.get(q.key)) for r in rows)
        for r, v in zip(rows, values, strict=True):
            matrix[r.reviewer_id].append(v)
        questions.append(QuestionSpread(q.key, q.label, values, *spread(values)))
    dialogue_values = tuple(float(r.dialogue_score) for r in rows)
    # the dialogue score (1..10) joins the alpha on the questions' 0..100 scale
    for r in rows:
        matrix[r.reviewer_id].append((r.dialogue_score - 1) / 9 * 100)
    units = list(zip(*matrix.values(), strict=True))
    reviewers = tuple(ReviewerAgreement(
        r.reviewer_id, names.get(r.reviewer_id, f"#{r.reviewer_id}"), r.score_pct, r.dialogue_score, r.violations,
        mean_abs_deviation(matrix, r.reviewer_id), alpha_without(matrix, r.reviewer_id)) for r in rows)
    return CalibrationResults(_info(session, c, actor), tuple(questions),
                              QuestionSpread("dialogue_score", "Dialogue score (1-10)", dialogue_values,
                                             *spread(dialogue_values)),
                              krippendorff_alpha_interval(units), reviewers)
