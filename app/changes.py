"""What a mutating service changed, named in flags the UI refreshes by (STYLE 4)."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from sqlalchemy.orm import Session

from db import notify


class Changes(enum.Flag):
    NONE = 0
    PEOPLE = enum.auto()
    QUEUES = enum.auto()
    INTERACTIONS = enum.auto()
    AGENT_STATES = enum.auto()
    SCHEDULE = enum.auto()
    QA = enum.auto()
    COMPLAINTS = enum.auto()
    SETTINGS = enum.auto()
    AUDIT = enum.auto()
    JOBS = enum.auto()
    REVIEWS = enum.auto()
    NOTIFICATIONS = enum.auto()
    FORECAST = enum.auto()
    LIVE = enum.auto()
    ALL = (PEOPLE | QUEUES | INTERACTIONS | AGENT_STATES | SCHEDULE | QA | COMPLAINTS | SETTINGS
           | AUDIT | JOBS | REVIEWS | NOTIFICATIONS | FORECAST | LIVE)

    def names(self) -> list[str]:
        return [f.name for f in Changes if f.name and f.name not in ("NONE", "ALL") and f in self]

    @classmethod
    def from_names(cls, names: Iterable[str]) -> Changes:
        result = cls.NONE
        for name in names:
            member = cls.__members__.get(name.strip().upper())
            if member is not None:
                result |= member
        return result


def record(session: Session, changes: Changes) -> Changes:
    """Write the change into the same transaction, so other desks hear of it only if it commits."""
    if changes:
        notify.record_change(session, changes.names())
    return changes
