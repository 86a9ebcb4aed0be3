"""Quality assurance: scorecards, weekly draws, sampled interactions, reviews, calibration, disputes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Versioned
from db.types import UTCDateTime


class QaScorecard(Versioned, Base):
    """One revision of a scorecard; a change makes a new revision (reviews keep the one they used)."""

    __tablename__ = "qa_scorecards"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    # {"sections": [{"key", "label", "weight", "questions": [{"key", "label", "kind", "weight",
    #   "max_points", "critical", "allow_na"}]}]}; the flat list of the first demo is read as one section
    criteria: Mapped[list] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (UniqueConstraint("name", "revision"),)


class QaDraw(Base):
    """A weekly draw: the frozen population, its hash, the seed, rules and algorithm (replayable)."""

    __tablename__ = "qa_draws"
    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"))
    week_start: Mapped[date] = mapped_column(Date, index=True)
    seed: Mapped[str] = mapped_column(String(64))
    population: Mapped[list] = mapped_column(JSON, default=list)
    population_hash: Mapped[str] = mapped_column(String(64))
    rules: Mapped[dict] = mapped_column(JSON, default=dict)
    algorithm_version: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str | None] = mapped_column(String(64))
    shortfalls: Mapped[list] = mapped_column(JSON, default=list)  # agents under quota, with reason
    # recordings found missing/empty/undecodable while drawing: [{"interaction_id", "reason"}]
    excluded: Mapped[list | None] = mapped_column(JSON)
    result_hash: Mapped[str | None] = mapped_column(String(64))  # sha256 of the drawn selection
    # one draw per week: drawing again until the result pleases would not be fair
    __table_args__ = (UniqueConstraint("center_id", "week_start"),)


class QaSample(Versioned, Base):
    __tablename__ = "qa_samples"
    id: Mapped[int] = mapped_column(primary_key=True)
    draw_id: Mapped[int] = mapped_column(ForeignKey("qa_draws.id", ondelete="CASCADE"), index=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id"), index=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    stratum: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending/reviewed/replaced
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("qa_samples.id"))
    replace_reason: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(String(16))  # draw / replacement (None: before 0003)
    rank: Mapped[int | None] = mapped_column(Integer)  # order in the agent's selection


class QaReview(Versioned, Base):
    __tablename__ = "qa_reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("qa_samples.id"), index=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id"), index=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    scorecard_id: Mapped[int | None] = mapped_column(ForeignKey("qa_scorecards.id"))
    dialogue_score: Mapped[int] = mapped_column(Integer)  # 1..10 (R-QA-2)
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    violations: Mapped[int] = mapped_column(Integer, default=0)  # R-QA-3
    violation_notes: Mapped[str | None] = mapped_column(Text)
    comment: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="final")  # draft/final/disputed
    score_pct: Mapped[float | None] = mapped_column(Float)  # the scorecard score, 0..100 (N/A excluded)
    coaching: Mapped[str | None] = mapped_column(Text)


class QaRecordingCheck(Base):
    """What the last look at an interaction's recording found (linking, drawing, playing)."""

    __tablename__ = "qa_recording_checks"
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # ok / missing / empty / undecodable
    path: Mapped[str | None] = mapped_column(String(400))
    size_bytes: Mapped[int | None] = mapped_column(Integer)
    duration_sec: Mapped[float | None] = mapped_column(Float)
    detail: Mapped[str | None] = mapped_column(Text)
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime)


class QaCalibration(Versioned, Base):
    """Several reviewers score one interaction blind; the scores never count in agent KPIs."""

    __tablename__ = "qa_calibrations"
    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id"), index=True)
    scorecard_id: Mapped[int] = mapped_column(ForeignKey("qa_scorecards.id"))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="open")  # open / closed
    reviewer_ids: Mapped[list] = mapped_column(JSON, default=list)  # invited reviewers (people ids)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class QaCalibrationScore(Base):
    __tablename__ = "qa_calibration_scores"
    id: Mapped[int] = mapped_column(primary_key=True)
    calibration_id: Mapped[int] = mapped_column(ForeignKey("qa_calibrations.id", ondelete="CASCADE"))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    dialogue_score: Mapped[int] = mapped_column(Integer)
    score_pct: Mapped[float | None] = mapped_column(Float)
    violations: Mapped[int] = mapped_column(Integer, default=0)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (UniqueConstraint("calibration_id", "reviewer_id"),)


class QaDispute(Versioned, Base):
    """An agent's dispute of one question (or the dialogue score) of a review."""

    __tablename__ = "qa_disputes"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("qa_reviews.id", ondelete="CASCADE"), index=True)
    question_key: Mapped[str] = mapped_column(String(64))  # a scorecard question, or "dialogue_score"
    reason: Mapped[str] = mapped_column(Text)
    current_value: Mapped[str | None] = mapped_column(String(32))
    proposed_value: Mapped[str] = mapped_column(String(32))
    raised_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))  # the supervisor entering it
    raised_by: Mapped[str] = mapped_column(String(64))
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deadline: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open/accepted/partly/rejected
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    decided_value: Mapped[str | None] = mapped_column(String(32))


class QaDisputeEvent(Base):
    __tablename__ = "qa_dispute_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    dispute_id: Mapped[int] = mapped_column(ForeignKey("qa_disputes.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))  # raised / decided / commented
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    __table_args__ = (Index("ix_qa_dispute_events_dispute", "dispute_id", "at"),)
