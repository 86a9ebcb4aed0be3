"""Quarterly reviews (R-REV-1): the draft or published review of a quarter, comments, plans, amendments."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Versioned
from db.types import UTCDateTime


class QuarterlyReview(Versioned, Base):
    """One per center and quarter. Publishing freezes the figures (``snapshot``) and the rule
    values and weights they were computed with (``rules``); later corrections are amendments."""

    __tablename__ = "quarterly_reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"))
    quarter: Mapped[str] = mapped_column(String(8))  # 2026Q3
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft / published
    rules: Mapped[dict | None] = mapped_column(JSON)
    snapshot: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_by: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (UniqueConstraint("center_id", "quarter"),)


class ReviewComment(Versioned, Base):
    __tablename__ = "review_comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("quarterly_reviews.id", ondelete="CASCADE"))
    agent_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    comment: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(64))
    __table_args__ = (UniqueConstraint("review_id", "agent_id"),)


class ImprovementPlan(Versioned, Base):
    """R-REV-1: goal, measures and deadline for an agent under target, followed into the next quarter."""

    __tablename__ = "improvement_plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    quarter: Mapped[str] = mapped_column(String(8), index=True)  # the review that raised it
    goal: Mapped[str] = mapped_column(Text)
    measures: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open / achieved / missed / cancelled
    outcome: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReviewAmendment(Base):
    """A change to a published review: what, from what to what, why, by whom (append-only)."""

    __tablename__ = "review_amendments"
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("quarterly_reviews.id", ondelete="CASCADE"), index=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    field: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[dict | list | str | float | None] = mapped_column(JSON)
    new_value: Mapped[dict | list | str | float | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by: Mapped[str] = mapped_column(String(64))
