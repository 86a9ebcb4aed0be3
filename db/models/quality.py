"""Quality assurance: scorecards, weekly draws, sampled interactions and reviews."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Versioned
from db.types import UTCDateTime


class QaScorecard(Versioned, Base):
    __tablename__ = "qa_scorecards"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    # [{"key": "greeting", "label": "...", "weight": 10, "critical": false}, ...]
    criteria: Mapped[list] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
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


class QaReview(Versioned, Base):
    __tablename__ = "qa_reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("qa_samples.id"))
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
