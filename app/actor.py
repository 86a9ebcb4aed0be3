"""Who is acting: every service that changes data takes an Actor (user, role, desk)."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from db.database import DESK_ID


@dataclass(frozen=True)
class Actor:
    username: str
    role: str
    person_id: int | None = None
    desk: str = DESK_ID

    @classmethod
    def system(cls) -> Actor:
        """Background jobs and headless commands act as the system."""
        return cls(username="system", role="administrator")

    @classmethod
    def local_administrator(cls) -> Actor:
        """The desk's own operator on an embedded database before sign-in exists."""
        try:
            name = getpass.getuser()
        except Exception:  # noqa: BLE001 - no user name in some containers
            name = "admin"
        return cls(username=name, role="administrator")
