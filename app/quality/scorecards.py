"""Scorecards: versioned, weighted sections and questions, critical items, and the pure scoring function.

A scorecard revision is immutable once saved: changing it saves revision n+1 (the old one stays
for the reviews that used it and is no longer offered for new reviews).

Question kinds and their value as a fraction of full marks:

* ``yes_no``: "yes" 1, "no" 0.
* ``scale``: 1..10 -> (v - 1) / 9.
* ``points``: 0..max_points -> v / max_points.
* Any question with ``allow_na`` may be answered ``"na"``: it is left out of its section's
  denominator; a section with every question N/A is left out of the card's denominator; a card
  with everything N/A has no score (None), not zero.

Score (0..100) = sum over sections (weight_s x section fraction) / sum of the weights of the
sections that count; a section fraction = sum(weight_q x fraction_q) / sum of its counted weights.

**Critical items** (R-QA-3): a critical ``yes_no`` answered "no", a critical ``scale`` at or
below its ``fail_at`` (default 4), a critical ``points`` question at 0 is a *compliance
violation*. Violations are counted separately; they do not change the score (the monthly and
quarterly reviews show both: R-KPI-6 zero violations, R-KPI-9 the dialogue score).

The overall **dialogue score** (R-QA-2) is the reviewer's own 1-10 judgement, stored beside the
card's score.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.i18n import N_, Message
from app.security.permissions import PermissionDenied
from db.models import QaScorecard

KINDS = ("yes_no", "scale", "points")
NA = "na"
EDITOR_ROLES = frozenset({"quality_analyst", "manager", "administrator"})


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    kind: str = "scale"
    weight: float = 1.0
    critical: bool = False
    allow_na: bool = False
    max_points: int = 10  # points questions
    fail_at: int = 4  # critical scale questions fail at or below this

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "kind": self.kind, "weight": self.weight,
                "critical": self.critical, "allow_na": self.allow_na, "max_points": self.max_points,
                "fail_at": self.fail_at}


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    weight: float
    questions: tuple[Question, ...]

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "weight": self.weight,
                "questions": [q.to_json() for q in self.questions]}


@dataclass(frozen=True)
class Scorecard:
    id: int | None
    name: str
    revision: int
    active: bool
    sections: tuple[Section, ...]
    version: int = 1
    created_at: datetime | None = None
    created_by: str | None = None

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.sections for q in s.questions)

    def question(self, key: str) -> Question:
        for q in self.questions:
            if q.key == key:
                return q
        raise KeyError(key)

    def criteria_json(self) -> dict[str, Any]:
        return {"sections": [s.to_json() for s in self.sections]}


@dataclass(frozen=True)
class SectionScore:
    key: str
    score_pct: float | None  # None: every question N/A


@dataclass(frozen=True)
class ScoreResult:
    score_pct: float | None  # 0..100; None: everything N/A
    sections: tuple[SectionScore, ...]
    violations: tuple[str, ...]  # keys of failed critical questions (R-QA-3)
    answered: int
    not_applicable: int
    missing: tuple[str, ...]  # questions without an answer


# --- parsing and validation -----------------------------------------------------------------------------
def parse_criteria(criteria: Any) -> tuple[Section, ...]:
    """Sections from the stored JSON; the first demo's flat list of 1-10 criteria reads as one section."""
    if isinstance(criteria, Mapping):
        raw_sections = criteria.get("sections", [])
    elif isinstance(criteria, list) and criteria and "questions" not in criteria[0]:
        raw_sections = [{"key": "main", "label": "Criteria", "weight": 1,
                         "questions": [{**c, "kind": c.get("kind", "scale")} for c in criteria]}]
    else:
        raw_sections = criteria or []
    sections = []
    for s in raw_sections:
        questions = tuple(Question(
            key=str(q["key"]), label=str(q.get("label", q["key"])), kind=str(q.get("kind", "scale")),
            weight=float(q.get("weight", 1)), critical=bool(q.get("critical", False)),
            allow_na=bool(q.get("allow_na", False)), max_points=int(q.get("max_points", 10)),
            fail_at=int(q.get("fail_at", 4))) for q in s.get("questions", []))
        sections.append(Section(str(s["key"]), str(s.get("label", s["key"])), float(s.get("weight", 1)), questions))
    return tuple(sections)


def validate_sections(sections: Sequence[Section]) -> None:
    if not sections:
        raise ValueError(N_("A scorecard needs at least one section."))
    keys: set[str] = set()
    for s in sections:
        if not s.key.strip() or not s.label.strip():
            raise ValueError(N_("Every section needs a key and a label."))
        if s.weight <= 0:
            raise ValueError(Message(N_("Section '{label}': the weight must be above 0."), label=s.label))
        if not s.questions:
            raise ValueError(Message(N_("Section '{label}' has no questions."), label=s.label))
        for q in s.questions:
            where = Message(N_("Question '{label}' ({section})"), label=q.label, section=s.label)
            if not q.key.strip() or q.key in keys or q.key == "dialogue_score":
                raise ValueError(Message(N_("{where}: the key '{key}' is empty, reserved or used twice."), where=where, key=q.key))
            keys.add(q.key)
            if q.kind not in KINDS:
                raise ValueError(Message(N_("{where}: unknown kind '{kind}' (yes_no, scale or points)."), where=where, kind=q.kind))
            if q.weight <= 0:
                raise ValueError(Message(N_("{where}: the weight must be above 0."), where=where))
            if q.kind == "points" and q.max_points < 1:
                raise ValueError(Message(N_("{where}: the maximum points must be at least 1."), where=where))
            if q.kind == "scale" and not 1 <= q.fail_at < 10:
                raise ValueError(Message(N_("{where}: a critical scale question fails at 1..9."), where=where))


# --- scoring (pure) -------------------------------------------------------------------------------------
def answer_fraction(q: Question, value: Any) -> float | None:
    """The answer as a fraction of full marks; None for N/A. ValueError names the question."""
    if isinstance(value, str) and value.strip().lower() == NA:
        if not q.allow_na:
            raise ValueError(Message(N_("'{label}' cannot be answered N/A."), label=q.label))
        return None
    if q.kind == "yes_no":
        if isinstance(value, bool):
            return 1.0 if value else 0.0
        text = str(value).strip().lower()
        if text in ("yes", "y", "1", "true"):
            return 1.0
        if text in ("no", "n", "0", "false"):
            return 0.0
        raise ValueError(Message(N_("'{label}' is answered yes or no, not '{value}'."), label=q.label, value=value))
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(Message(N_("'{label}' needs a number, not '{value}'."), label=q.label, value=value)) from None
    if q.kind == "scale":
        if not number.is_integer() or not 1 <= number <= 10:
            raise ValueError(Message(N_("'{label}' is scored 1 to 10, not {value}."), label=q.label, value=value))
        return (number - 1) / 9
    if not number.is_integer() or not 0 <= number <= q.max_points:
        raise ValueError(Message(N_("'{label}' is scored 0 to {max_points} points, not {value}."), label=q.label, max_points=q.max_points, value=value))
    return number / q.max_points


def critical_failed(q: Question, value: Any) -> bool:
    if not q.critical:
        return False
    fraction = answer_fraction(q, value)
    if fraction is None:
        return False
    if q.kind == "yes_no":
        return fraction == 0.0
    if q.kind == "scale":
        return float(value) <= q.fail_at
    return fraction == 0.0


def score(sections: Sequence[Section], answers: Mapping[str, Any]) -> ScoreResult:
    """Score one set of answers (see the module docstring); unanswered questions are listed, not counted."""
    total_w = total = 0.0
    section_scores = []
    violations: list[str] = []
    answered = na = 0
    missing: list[str] = []
    for s in sections:
        w_sum = acc = 0.0
        for q in s.questions:
            if q.key not in answers or answers[q.key] is None or answers[q.key] == "":
                missing.append(q.key)
                continue
            fraction = answer_fraction(q, answers[q.key])
            if fraction is None:
                na += 1
                continue
            answered += 1
            w_sum += q.weight
            acc += q.weight * fraction
            if critical_failed(q, answers[q.key]):
                violations.append(q.key)
        if w_sum > 0:
            pct = 100.0 * acc / w_sum
            section_scores.append(SectionScore(s.key, pct))
            total_w += s.weight
            total += s.weight * pct
        else:
            section_scores.append(SectionScore(s.key, None))
    return ScoreResult(total / total_w if total_w > 0 else None, tuple(section_scores), tuple(violations),
                       answered, na, tuple(missing))


# --- storage --------------------------------------------------------------------------------------------
def _view(row: QaScorecard) -> Scorecard:
    return Scorecard(row.id, row.name, row.revision, bool(row.active), parse_criteria(row.criteria), row.version,
                     row.created_at, row.created_by)


def list_scorecards(session: Session, *, include_old: bool = False) -> list[Scorecard]:
    query = select(QaScorecard).order_by(QaScorecard.name, QaScorecard.revision.desc())
    if not include_old:
        query = query.where(QaScorecard.active.is_(True))
    return [_view(r) for r in session.scalars(query)]


def get_scorecard(session: Session, scorecard_id: int) -> Scorecard:
    row = session.get(QaScorecard, scorecard_id)
    if row is None:
        raise ValueError(Message(N_("There is no scorecard {scorecard_id}."), scorecard_id=scorecard_id))
    return _view(row)


def current_scorecard(session: Session, name: str | None = None) -> Scorecard | None:
    """The active revision of ``name`` (or of the first active scorecard by name)."""
    query = select(QaScorecard).where(QaScorecard.active.is_(True))
    if name is not None:
        query = query.where(QaScorecard.name == name)
    row = session.scalars(query.order_by(QaScorecard.name, QaScorecard.revision.desc()).limit(1)).first()
    return _view(row) if row is not None else None


def save_scorecard(session: Session, actor: Actor, name: str, sections: Sequence[Section]
                   ) -> tuple[Scorecard, Changes]:
    """Save a new scorecard, or a new revision of ``name`` (the previous one stays for its reviews)."""
    if actor.username != "system" and actor.role not in EDITOR_ROLES:
        raise PermissionDenied(actor, "qa.scorecard.edit")
    name = name.strip()
    if not name:
        raise ValueError(N_("The scorecard needs a name."))
    validate_sections(sections)
    latest = session.scalar(select(func.max(QaScorecard.revision)).where(QaScorecard.name == name)) or 0
    session.execute(update(QaScorecard).where(QaScorecard.name == name, QaScorecard.active.is_(True))
                    .values(active=False, version=QaScorecard.version + 1))
    row = QaScorecard(name=name, revision=latest + 1, active=True,
                      criteria={"sections": [s.to_json() for s in sections]},
                      created_at=clock.now(), created_by=actor.username)
    session.add(row)
    session.flush()
    audit.record(session, actor, "create" if latest == 0 else "revise", "qa_scorecard", row.id,
                 after={"name": name, "revision": row.revision, "sections": len(sections),
                        "questions": sum(len(s.questions) for s in sections)})
    return _view(row), record(session, Changes.QA | Changes.AUDIT)


DEFAULT_SECTIONS = (
    Section("opening", "Opening", 15, (
        Question("greeting", "Greeting and introduction", "yes_no", 1),
        Question("identification", "Customer identified and verified", "yes_no", 2, critical=True),
    )),
    Section("handling", "Handling the request", 45, (
        Question("understanding", "Understanding the need", "scale", 2),
        Question("solution", "Solution correct and complete", "scale", 3),
        Question("recommendation", "Relevant product recommendation", "points", 1, allow_na=True, max_points=5),
    )),
    Section("compliance", "Service code", 25, (
        Question("disclosure", "Required disclosures read", "yes_no", 1, critical=True, allow_na=True),
        Question("courtesy", "Courteous, no forbidden phrases", "scale", 1, critical=True),
    )),
    Section("closing", "Closing", 15, (
        Question("summary", "Summary and next steps", "scale", 1),
        Question("farewell", "Farewell and survey invitation", "yes_no", 1),
    )),
)
