"""The center and its people: centers, teams, people, users, queues, skills, customers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, Versioned
from db.types import UTCDateTime

CHANNELS = ("phone", "chat", "email", "social", "onsite")
AGENT_LEVELS = ("junior", "intermediate", "senior")
JOB_TITLES = ("agent", "supervisor", "scheduler", "quality_analyst", "trainer", "manager", "administrator")
ROLES = JOB_TITLES


class Center(Versioned, Base):
    __tablename__ = "centers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    holiday_country: Mapped[str] = mapped_column(String(8), default="CN")
    holiday_subdiv: Mapped[str | None] = mapped_column(String(16))
    # {"mon": ["00:00", "24:00"], ...}; the phone line is open 24 h by default (R-RESP-3)
    opening_hours: Mapped[dict] = mapped_column(JSON, default=dict)
    locale: Mapped[str] = mapped_column(String(16), default="zh_CN")


class Team(Versioned, Base):
    __tablename__ = "teams"
    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    supervisor_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", use_alter=True, name="fk_teams_supervisor_id_people")
    )
    __table_args__ = (UniqueConstraint("center_id", "name"),)


class Person(Versioned, Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    employee_no: Mapped[str] = mapped_column(String(32), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    job_title: Mapped[str] = mapped_column(String(32), default="agent")
    level: Mapped[str | None] = mapped_column(String(16))  # agents: junior/intermediate/senior
    hire_date: Mapped[date] = mapped_column(Date)
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    contract_hours_week: Mapped[float] = mapped_column(Float, default=40.0)
    email: Mapped[str | None] = mapped_column(String(200))
    # R-SCH-9: a new hire takes calls alone only after passing the practical assessment
    cleared_for_solo: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    skills: Mapped[list[PersonSkill]] = relationship(back_populates="person", cascade="all, delete-orphan")


class Queue(Versioned, Base):
    __tablename__ = "queues"
    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    channel: Mapped[str] = mapped_column(String(16))
    is_vip: Mapped[bool] = mapped_column(Boolean, default=False)
    priority: Mapped[int] = mapped_column(Integer, default=0)  # R-SCH-10: VIP first
    target_service_level: Mapped[float] = mapped_column(Float, default=0.8)
    target_answer_sec: Mapped[int] = mapped_column(Integer, default=30)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    __table_args__ = (UniqueConstraint("center_id", "name"),)


class PersonSkill(Base):
    __tablename__ = "person_skills"
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    queue_id: Mapped[int] = mapped_column(ForeignKey("queues.id", ondelete="CASCADE"), primary_key=True)
    proficiency: Mapped[int] = mapped_column(Integer, default=3)  # 1..5
    person: Mapped[Person] = relationship(back_populates="skills")


class User(Versioned, Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Customer(Base):
    """Identifiers are encrypted (AES-GCM, key outside the database); lookup by keyed hash."""

    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(primary_key=True)
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    name_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    email_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    # masked forms are precomputed so lists never need to decrypt (R-SEC-2)
    phone_masked: Mapped[str | None] = mapped_column(String(32))
    name_masked: Mapped[str | None] = mapped_column(String(64))
    region: Mapped[str | None] = mapped_column(String(64))
    is_vip: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
