"""Console notifications, who they are for, and the outbox that delivers them to IM and e-mail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Versioned
from db.types import UTCDateTime

_BigId = BigInteger().with_variant(Integer, "sqlite")


class Notification(Base):
    """One event worth telling people about; params hold masked data only (checked on post)."""

    __tablename__ = "notifications"
    id: Mapped[int] = mapped_column(_BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(16), default="info")  # info/warning/critical
    level: Mapped[int] = mapped_column(Integer, default=1)  # escalation level 1..3
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    entity_type: Mapped[str | None] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    # posting the same key twice is a no-op (a re-run sweep never doubles a notification)
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class NotificationRecipient(Base):
    """A notification as one person sees it in the console bell: read or not."""

    __tablename__ = "notification_recipients"
    id: Mapped[int] = mapped_column(_BigId, primary_key=True)
    notification_id: Mapped[int] = mapped_column(ForeignKey("notifications.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    __table_args__ = (
        UniqueConstraint("notification_id", "person_id", name="uq_notification_recipients_pair"),
        Index("ix_notification_recipients_person", "person_id", "read_at"),
    )


class NotificationChannel(Versioned, Base):
    """An outside service: WeCom/DingTalk/Feishu/Slack robot, JSON webhook or SMTP mailbox.

    ``config`` holds what may be shown (host, port, sender, language, rate); ``secret_enc`` the
    encrypted JSON of what may not (webhook URL with its token, signing secret, SMTP password).
    """

    __tablename__ = "notification_channels"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    config: Mapped[dict] = mapped_column(JSON, default=dict)
    secret_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    secret_hint: Mapped[str | None] = mapped_column(String(80))  # e.g. "…a1b2" for the Admin list
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # a rate-limit answer pauses the whole channel until then (the robot's quota is shared)
    throttled_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_by: Mapped[str | None] = mapped_column(String(64))


class NotificationRoute(Versioned, Base):
    """Which kinds at which escalation levels go to which channel, for whom, outside quiet hours."""

    __tablename__ = "notification_routes"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    kinds: Mapped[list] = mapped_column(JSON, default=list)  # patterns: "sla.*", "*", "job.failed"
    levels: Mapped[list] = mapped_column(JSON, default=list)  # [] = every level
    min_severity: Mapped[str] = mapped_column(String(16), default="info")
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    role: Mapped[str | None] = mapped_column(String(32))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("notification_channels.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(8), default="zh_CN")
    quiet_start: Mapped[str | None] = mapped_column(String(5))  # "22:00" in the center's zone
    quiet_end: Mapped[str | None] = mapped_column(String(5))  # "07:00"
    # e-mail: also send to the matching recipients' own addresses
    to_people: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_by: Mapped[str | None] = mapped_column(String(64))


class NotificationDelivery(Base):
    """The outbox: one row per notification and channel, written in the poster's transaction."""

    __tablename__ = "notification_deliveries"
    id: Mapped[int] = mapped_column(_BigId, primary_key=True)
    notification_id: Mapped[int] = mapped_column(ForeignKey("notifications.id", ondelete="CASCADE"))
    channel_id: Mapped[int] = mapped_column(ForeignKey("notification_channels.id", ondelete="CASCADE"))
    route_id: Mapped[int | None] = mapped_column(ForeignKey("notification_routes.id", ondelete="SET NULL"))
    language: Mapped[str] = mapped_column(String(8), default="zh_CN")
    to_addresses: Mapped[list | None] = mapped_column(JSON)  # e-mail recipients decided at post time
    # queued -> sending (leased) -> delivered | failed; a resend puts it back to queued
    state: Mapped[str] = mapped_column(String(12), default="queued")
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    lease_owner: Mapped[str | None] = mapped_column(String(128))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_status: Mapped[str | None] = mapped_column(String(32))
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (
        UniqueConstraint("notification_id", "channel_id", name="uq_notification_deliveries_pair"),
        Index("ix_notification_deliveries_due", "state", "next_attempt_at"),
        Index("ix_notification_deliveries_channel", "channel_id", "last_attempt_at"),
    )


class DeliveryAttempt(Base):
    """Each try of a delivery: when, how long, what the service answered, and the verdict."""

    __tablename__ = "notification_attempts"
    id: Mapped[int] = mapped_column(_BigId, primary_key=True)
    delivery_id: Mapped[int] = mapped_column(
        ForeignKey("notification_deliveries.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(12))  # delivered/retry/throttled/failed
    status: Mapped[str | None] = mapped_column(String(32))  # HTTP status or SMTP code
    response: Mapped[str | None] = mapped_column(String(500))  # excerpt of the answer
    error: Mapped[str | None] = mapped_column(Text)
    desk: Mapped[str | None] = mapped_column(String(128))
