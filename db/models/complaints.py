"""Complaints and service requests, their timeline, SLA policies and business calendars."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, Versioned
from db.types import UTCDateTime

STAGES = ("accept", "assess", "process", "feedback", "closed")  # R-FLOW-1
PRIORITIES = ("urgent", "regular", "special")  # R-FLOW-2
CATEGORIES = ("product_quality", "after_sales", "logistics", "service_attitude", "system_fault", "other")  # R-FLOW-3
KINDS = ("complaint", "service_request")
# ``complaints.sla_next_at`` at this instant means "clocks not computed yet": the SLA sweep picks the
# case up on its next run (new, imported or re-opened cases, and every open case after a policy change)
SLA_RECOMPUTE = datetime(2000, 1, 1, tzinfo=UTC)


class Complaint(Versioned, Base):
    __tablename__ = "complaints"
    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"))
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="complaint")
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    interaction_id: Mapped[int | None] = mapped_column(ForeignKey("interactions.id"))
    channel: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(24))
    priority: Mapped[str] = mapped_column(String(16), default="regular")
    stage: Mapped[str] = mapped_column(String(16), default="accept")
    summary: Mapped[str] = mapped_column(Text)
    is_vip: Mapped[bool] = mapped_column(Boolean, default=False)
    is_complex: Mapped[bool] = mapped_column(Boolean, default=False)
    is_conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    departments: Mapped[list] = mapped_column(JSON, default=list)  # R-FLOW-7
    temporary_solution: Mapped[str | None] = mapped_column(Text)  # R-SLA-8
    expected_resolution_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # R-FLOW-8
    first_contact_at: Mapped[datetime] = mapped_column(UTCDateTime)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_feedback_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    feedback_loop_closed: Mapped[bool] = mapped_column(Boolean, default=False)  # R-FLOW-5
    customer_opinion: Mapped[str | None] = mapped_column(Text)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # R-FLOW-6
    # a duplicate merged into another case keeps its row and timeline, with the link
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"))
    # the SLA engine's cache (app/complaints/clocks.py): the clocks as of the last computation, and
    # when the sweep must look again (the next warning, breach or escalation; None: nothing pending)
    sla_clocks: Mapped[list | None] = mapped_column(JSON)
    sla_next_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=SLA_RECOMPUTE)
    events: Mapped[list[ComplaintEvent]] = relationship(
        back_populates="complaint", cascade="all, delete-orphan", order_by="ComplaintEvent.at"
    )
    __table_args__ = (Index("ix_complaints_stage", "stage"), Index("ix_complaints_opened", "opened_at"),
                      Index("ix_complaints_sla_next", "sla_next_at"))


class ComplaintEvent(Base):
    __tablename__ = "complaint_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(32))  # created/stage/note/feedback/escalated/supervisor_joined...
    from_stage: Mapped[str | None] = mapped_column(String(16))
    to_stage: Mapped[str | None] = mapped_column(String(16))
    actor: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    # what the event needs beyond its kind: a clock's rule and level, a merge target, a reason...
    data: Mapped[dict | None] = mapped_column(JSON)
    complaint: Mapped[Complaint] = relationship(back_populates="events")


class BusinessCalendar(Versioned, Base):
    __tablename__ = "business_calendars"
    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"))
    name: Mapped[str] = mapped_column(String(64))
    timezone: Mapped[str] = mapped_column(String(64))
    holiday_country: Mapped[str | None] = mapped_column(String(8))
    opening_hours: Mapped[dict] = mapped_column(JSON, default=dict)
    __table_args__ = (UniqueConstraint("center_id", "name"),)


class CalendarDay(Base):
    """A day that differs from the calendar's rule: an extra holiday or a make-up working day."""

    __tablename__ = "calendar_days"
    id: Mapped[int] = mapped_column(primary_key=True)
    calendar_id: Mapped[int] = mapped_column(ForeignKey("business_calendars.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    is_open: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(String(120))
    __table_args__ = (UniqueConstraint("calendar_id", "day"),)


class SlaPolicy(Versioned, Base):
    __tablename__ = "sla_policies"
    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"))
    rule_id: Mapped[str] = mapped_column(String(16))  # R-SLA-1 ...
    name: Mapped[str] = mapped_column(String(120))
    applies_to: Mapped[dict] = mapped_column(JSON, default=dict)  # {"kind": [...], "priority": [...]}
    target_minutes: Mapped[int] = mapped_column(Integer)
    calendar_id: Mapped[int | None] = mapped_column(ForeignKey("business_calendars.id"))  # None: 24x7
    warn_at_percent: Mapped[int] = mapped_column(Integer, default=75)
    warn_before_minutes: Mapped[int | None] = mapped_column(Integer)  # a warning this long before the breach
    escalation_ladder: Mapped[list] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # the clock stands still while the case waits on the customer
    pause_when_waiting: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_by: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (UniqueConstraint("center_id", "rule_id"),)
