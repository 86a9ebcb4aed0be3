"""Chat, email and social conversations message by message, and the automatic checks on them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.types import UTCDateTime


class TranscriptMessage(Base):
    __tablename__ = "transcript_messages"
    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)  # 1.. in time order
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sender: Mapped[str] = mapped_column(String(16))  # agent / customer / bot / system / unknown
    text: Mapped[str] = mapped_column(Text)
    attachments: Mapped[list | None] = mapped_column(JSON)  # file names only
    __table_args__ = (UniqueConstraint("interaction_id", "seq"),)


class AutoQaRuleset(Base):
    """A version of the automatic checks' configuration; results record the version they used."""

    __tablename__ = "autoqa_rulesets"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    config: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)


class AutoQaResult(Base):
    """One check on one conversation: passed, failed or not applicable, with the message that decided it."""

    __tablename__ = "autoqa_results"
    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id", ondelete="CASCADE"))
    ruleset_version: Mapped[int] = mapped_column(Integer)
    check: Mapped[str] = mapped_column(String(32))
    rule_id: Mapped[str] = mapped_column(String(24))
    passed: Mapped[bool | None] = mapped_column(Boolean)  # None: not applicable
    message_seq: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str | None] = mapped_column(Text)
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (UniqueConstraint("interaction_id", "ruleset_version", "check"),
                      Index("ix_autoqa_results_version_passed", "ruleset_version", "passed"))
