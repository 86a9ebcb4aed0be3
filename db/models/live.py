"""The live floor: feed heartbeats, alert thresholds and the alert episodes raised from them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, Float, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Versioned
from db.types import UTCDateTime


class FeedStatus(Base):
    """One row per feed process (a tailed queue_log, the simulator): written on every commit and
    heartbeat, read by the Live view's feed-health indicator and the stale-feed check."""

    __tablename__ = "feed_status"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)  # the file, or "simulator"
    source: Mapped[str] = mapped_column(String(32))  # interactions.source it writes
    simulated: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime)  # the process was alive then
    last_event_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the feed's own clock
    last_event_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when it arrived
    events: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
    events_per_sec: Mapped[float] = mapped_column(Float, default=0.0)
    malformed: Mapped[int] = mapped_column(Integer, default=0)
    unknown: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    out_of_order: Mapped[int] = mapped_column(Integer, default=0)
    rotations: Mapped[int] = mapped_column(Integer, default=0)
    missing: Mapped[bool] = mapped_column(Boolean, default=False)  # the tailed file is gone
    problems: Mapped[list] = mapped_column(JSON, default=list)  # the latest few bad lines
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the process ended cleanly


class LiveAlertRule(Versioned, Base):
    """A live alert's threshold and on/off switch (rules with an R-id keep their value in Admin ▸ Rules)."""

    __tablename__ = "live_alert_rules"
    key: Mapped[str] = mapped_column(String(48), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    threshold: Mapped[float | None] = mapped_column(Float)  # None: the rule's default / the R-rule's value
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_by: Mapped[str | None] = mapped_column(String(64))


class LiveAlert(Base):
    """One episode of a live condition (raised when it starts, cleared when it ends)."""

    __tablename__ = "live_alerts"
    id: Mapped[int] = mapped_column(primary_key=True)
    rule: Mapped[str] = mapped_column(String(48))
    subject: Mapped[str] = mapped_column(String(120))  # "queue:3", "agent:17", "center"
    severity: Mapped[str] = mapped_column(String(16), default="warning")
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cleared_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    notified: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (Index("ix_live_alerts_open", "rule", "subject", "cleared_at"),
                      Index("ix_live_alerts_raised", "raised_at"))
