"""Database layer: SQLAlchemy models, engine and sessions, Alembic migrations, change notification."""

from datetime import UTC, datetime


def clock_utc() -> datetime:
    """Wall-clock UTC for bookkeeping rows written by the db layer (change log)."""
    return datetime.now(UTC)
