"""Workforce management: forecasts, requirements, shift templates, rotas, time off, training."""

from __future__ import annotations

from datetime import date, datetime, time

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
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, Versioned
from db.types import UTCDateTime

ROTA_STATUSES = ("draft", "published")
ACTIVITY_KINDS = ("work", "break", "meeting", "training")


class ForecastRun(Base):
    __tablename__ = "forecast_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    queue_id: Mapped[int] = mapped_column(ForeignKey("queues.id"), index=True)
    week_start: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(64))
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str | None] = mapped_column(String(64))


class ForecastInterval(Versioned, Base):
    """Forecast volume and handle time per 15-minute interval (R-SCH-1), with audited override."""

    __tablename__ = "forecast_intervals"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("forecast_runs.id", ondelete="CASCADE"))
    interval_start: Mapped[datetime] = mapped_column(UTCDateTime)
    volume: Mapped[float] = mapped_column(Float)
    aht_sec: Mapped[float] = mapped_column(Float)
    override_volume: Mapped[float | None] = mapped_column(Float)
    override_reason: Mapped[str | None] = mapped_column(String(200))
    # the prediction interval of the volume (e.g. 80 %: the 10th and 90th percentiles)
    lower: Mapped[float | None] = mapped_column(Float)
    upper: Mapped[float | None] = mapped_column(Float)
    __table_args__ = (UniqueConstraint("run_id", "interval_start"),)


class ForecastOverride(Versioned, Base):
    """A scheduler's adjustment of a queue's forecast for a span (a day or an interval), R-SCH-1.

    Kept apart from the runs so that it survives a new forecast of the same week: every run
    of the week applies the active overrides to its intervals. ``factor`` multiplies the
    statistical volume; ``volume`` replaces it (calls per 15-minute interval).
    """

    __tablename__ = "forecast_overrides"
    id: Mapped[int] = mapped_column(primary_key=True)
    queue_id: Mapped[int] = mapped_column(ForeignKey("queues.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    factor: Mapped[float | None] = mapped_column(Float)
    volume: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    removed_by: Mapped[str | None] = mapped_column(String(64))
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class StaffingRequirement(Base):
    __tablename__ = "staffing_requirements"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("forecast_runs.id", ondelete="CASCADE"))
    interval_start: Mapped[datetime] = mapped_column(UTCDateTime)
    agents_required: Mapped[int] = mapped_column(Integer)
    agents_after_shrinkage: Mapped[int] = mapped_column(Integer)
    service_level: Mapped[float] = mapped_column(Float)
    __table_args__ = (UniqueConstraint("run_id", "interval_start"),)


class ShiftTemplate(Versioned, Base):
    __tablename__ = "shift_templates"
    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"))
    name: Mapped[str] = mapped_column(String(64))
    start_time: Mapped[time] = mapped_column(Time)
    duration_min: Mapped[int] = mapped_column(Integer)
    break_min: Mapped[int] = mapped_column(Integer, default=60)
    color: Mapped[str | None] = mapped_column(String(16))
    __table_args__ = (UniqueConstraint("center_id", "name"),)


class Rota(Versioned, Base):
    __tablename__ = "rotas"
    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"))
    week_start: Mapped[date] = mapped_column(Date)  # Monday, center-local
    status: Mapped[str] = mapped_column(String(16), default="draft")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_by: Mapped[str | None] = mapped_column(String(64))
    solver_stats: Mapped[dict | None] = mapped_column(JSON)
    assignments: Mapped[list[ShiftAssignment]] = relationship(back_populates="rota", cascade="all, delete-orphan")
    __table_args__ = (Index("ix_rotas_center_week", "center_id", "week_start"),)


class ShiftAssignment(Versioned, Base):
    __tablename__ = "shift_assignments"
    id: Mapped[int] = mapped_column(primary_key=True)
    rota_id: Mapped[int] = mapped_column(ForeignKey("rotas.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    template_id: Mapped[int | None] = mapped_column(ForeignKey("shift_templates.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    is_backup: Mapped[bool] = mapped_column(Boolean, default=False)  # R-SCH-4/5 backup team
    note: Mapped[str | None] = mapped_column(String(200))
    rota: Mapped[Rota] = relationship(back_populates="assignments")
    activities: Mapped[list[ShiftActivity]] = relationship(cascade="all, delete-orphan")


class ShiftActivity(Base):
    __tablename__ = "shift_activities"
    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("shift_assignments.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # work / break / meeting / training
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)


class TimeOffRequest(Versioned, Base):
    __tablename__ = "time_off_requests"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(16), default="leave")
    status: Mapped[str] = mapped_column(String(16), default="requested")  # requested/approved/rejected
    reason: Mapped[str | None] = mapped_column(Text)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class TrainingRecord(Versioned, Base):
    """R-SCH-8 / R-SCH-9: product, emotion-management and induction training."""

    __tablename__ = "training_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))  # product / emotion / induction / other
    topic: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    hours: Mapped[float] = mapped_column(Float)
    trainer_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))


class SkillAssessment(Versioned, Base):
    __tablename__ = "skill_assessments"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    assessed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(24))  # quarterly / practical / promotion
    score: Mapped[float] = mapped_column(Float)
    passed: Mapped[bool] = mapped_column(Boolean)
    assessor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
