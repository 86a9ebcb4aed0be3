"""Rule values, audit log, job runs, change log and schema-level metadata."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Versioned
from db.types import UTCDateTime


class Setting(Versioned, Base):
    """A rule value from SERVICE_RULES.md (or any console setting), editable and audited."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)
    unit: Mapped[str | None] = mapped_column(String(32))
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_by: Mapped[str | None] = mapped_column(String(64))


class AuditEntry(Base):
    """Append-only: who did what, when, from which desk, before and after."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    desk: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(48))
    entity: Mapped[str] = mapped_column(String(48))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)


class JobRun(Base):
    """A claimed slot of a scheduled job: unique per job and scheduled time (exactly once)."""

    __tablename__ = "job_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[str] = mapped_column(String(64))
    scheduled_for: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str] = mapped_column(String(128))
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(String(16), default="running")  # running/ok/failed/expired
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    error: Mapped[str | None] = mapped_column(Text)
    result: Mapped[dict | None] = mapped_column(JSON)
    __table_args__ = (UniqueConstraint("job_id", "scheduled_for", name="uq_job_runs_slot"),)


class ChangeLogEntry(Base):
    """One committed change, so other desks can refresh (SQLite polls; PostgreSQL also NOTIFYs)."""

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kinds: Mapped[str] = mapped_column(String(200))  # comma-separated Changes flags
    desk: Mapped[str] = mapped_column(String(128))
