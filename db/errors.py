"""Database failures classified the way the console reacts to them (STYLE 7)."""

from __future__ import annotations

import sqlite3

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm.exc import StaleDataError


class DatabaseError(Exception):
    """Base of every classified database failure; ``str()`` is a message for the user."""

    hint: str = ""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint or self.hint


class DatabaseUnavailable(DatabaseError):
    """Environmental: server unreachable, wrong password, connection lost, locked. Retry later."""

    hint = "Check the database address and that the server is running, then try again."


class NotADatabase(DatabaseError):
    hint = "Choose a Floorwalker database file, or a new file name to create one."


class ReadOnlyDatabase(DatabaseError):
    hint = "Make the file writable, or choose another location in Settings."


class SchemaTooNew(DatabaseError):
    hint = "This database was upgraded by a newer Floorwalker. Install that version to open it."


class ConflictError(DatabaseError):
    """Conflict: another desk saved the same row first (optimistic locking)."""

    hint = "Reload to see their version, or review both versions side by side."

    def __init__(self, message: str, entity: str = "", entity_id: object = None,
                 mine: dict | None = None, theirs: dict | None = None) -> None:
        super().__init__(message)
        self.entity = entity
        self.entity_id = entity_id
        self.mine = mine or {}
        self.theirs = theirs or {}


_UNAVAILABLE_MARKERS = (
    "could not connect", "connection refused", "connection to server", "password authentication",
    "server closed the connection", "terminating connection", "no route to host", "timeout expired",
    "database is locked", "could not translate host name", "does not exist", "connection is closed",
    "ssl connection has been closed", "the connection is lost", "consuming input failed",
    "name or service not known", "connection timeout", "server conn crashed",
)


def classify(exc: BaseException) -> BaseException:
    """Map a raw driver/ORM exception to a DatabaseError subclass; return others unchanged."""
    if isinstance(exc, DatabaseError):
        return exc
    if isinstance(exc, StaleDataError):
        return ConflictError("Another desk changed this record after you opened it.")
    text = str(getattr(exc, "orig", None) or exc).lower()
    if isinstance(exc, sa_exc.DBAPIError) and getattr(exc, "connection_invalidated", False):
        return DatabaseUnavailable(f"The connection to the database was lost: {_first_line(text)}")
    if "file is not a database" in text or "file is encrypted" in text:
        return NotADatabase("This file is not a Floorwalker database.")
    if "readonly database" in text or "read-only" in text or "attempt to write a readonly" in text:
        return ReadOnlyDatabase("The database file is read-only.")
    if "unable to open database file" in text:
        return DatabaseUnavailable("The database file cannot be opened (missing folder or no permission).")
    if isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError | sqlite3.OperationalError):
        if any(m in text for m in _UNAVAILABLE_MARKERS):
            return DatabaseUnavailable(f"The database is not reachable: {_first_line(text)}")
    if isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated:
        return DatabaseUnavailable("The connection to the database was lost.")
    return exc


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:200] if text.strip() else ""
