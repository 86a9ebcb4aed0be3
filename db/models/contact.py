"""What happened on the floor: interactions, agent state intervals, surveys, knowledge-base work."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.types import UTCDateTime

OUTCOMES = ("answered", "abandoned", "timeout", "transferred", "other")
AGENT_STATES = ("logged_in", "paused")


class Interaction(Base):
    """One contact: a call, chat, email, social message or on-site visit (R-RESP-6)."""

    __tablename__ = "interactions"
    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"))
    queue_id: Mapped[int] = mapped_column(ForeignKey("queues.id"))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    channel: Mapped[str] = mapped_column(String(16))
    region: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(32), default="platform")  # platform / import / demo / simulator
    external_id: Mapped[str | None] = mapped_column(String(128))
    offered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    wait_sec: Mapped[float] = mapped_column(Float, default=0.0)
    talk_sec: Mapped[float] = mapped_column(Float, default=0.0)
    wrap_sec: Mapped[float] = mapped_column(Float, default=0.0)
    outcome: Mapped[str] = mapped_column(String(16), default="answered")
    resolved: Mapped[bool | None] = mapped_column(Boolean)
    rating: Mapped[int | None] = mapped_column(Integer)  # 1..5 (R-QA-4)
    recording_ref: Mapped[str | None] = mapped_column(String(400))
    recording_sec: Mapped[float | None] = mapped_column(Float)
    recommendation_offered: Mapped[bool] = mapped_column(Boolean, default=False)
    recommendation_converted: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (
        Index("ix_interactions_offered_at", "offered_at"),
        Index("ix_interactions_agent_offered", "agent_id", "offered_at"),
        Index("ix_interactions_queue_offered", "queue_id", "offered_at"),
        UniqueConstraint("source", "external_id", name="uq_interactions_source_external_id"),
    )


class AgentStateInterval(Base):
    __tablename__ = "agent_state_intervals"
    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    state: Mapped[str] = mapped_column(String(16))  # logged_in / paused
    reason: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    __table_args__ = (Index("ix_agent_states_agent_started", "agent_id", "started_at"),
                      Index("ix_agent_states_started", "started_at"))


class SatisfactionSurvey(Base):
    """One answer to the quarterly customer satisfaction survey (R-QA-6)."""

    __tablename__ = "satisfaction_surveys"
    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"))
    quarter: Mapped[str] = mapped_column(String(8), index=True)  # 2026-Q4
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    interaction_id: Mapped[int | None] = mapped_column(ForeignKey("interactions.id"))
    responded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    score: Mapped[int] = mapped_column(Integer)  # 1..5
    satisfied: Mapped[bool] = mapped_column(Boolean)
    comment: Mapped[str | None] = mapped_column(Text)


class KnowledgeContribution(Base):
    __tablename__ = "kb_contributions"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="accepted")
