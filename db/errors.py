"""Database failures classified the way the console reacts to them (STYLE 7).

Environmental failures (server down, wrong password, file locked or read-only) become a
:class:`DatabaseError` whose ``str()`` is a sentence a user can act on and whose ``hint`` says
what to do next; a stale optimistic-locking write becomes :class:`ConflictError`; anything
else is a bug and is returned unchanged, so it reaches the crash dialog with its traceback.
"""

from __future__ import annotations

import re
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


class AccessDenied(DatabaseUnavailable):
    """The server answered but refused the user name or password (retrying will not help)."""

    hint = "Check the user name and password in the database URL (File ▸ Settings or --db)."


class DatabaseMissing(DatabaseUnavailable):
    """The server is up but has no database of that name."""

    hint = ("Check the database name in the URL, or ask the database administrator to create it "
            "(createdb NAME); Floorwalker then creates its tables.")


class BadDatabaseUrl(DatabaseError):
    """The address itself cannot be understood (typo, unknown driver)."""

    hint = ("Use a SQLite file path, or a URL like postgresql+psycopg://user:password@host:5432/name "
            "(file paths need no prefix).")


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


_SERVER = re.compile(r'connection to server at "(?P<host>[^"]*)"(?: \([^)]*\))?, port (?P<port>\d+)', re.I)
_SOCKET = re.compile(r'connection to server on socket "(?P<socket>[^"]*)"', re.I)
_ROLE = re.compile(r'role "(?P<name>[^"]*)" does not exist', re.I)
_PASSWORD = re.compile(r'password authentication failed for user "(?P<name>[^"]*)"', re.I)
_DATABASE = re.compile(r'database "(?P<name>[^"]*)" does not exist', re.I)
_NOT_ACCEPTING = re.compile(r'database "(?P<name>[^"]*)" is not currently accepting connections', re.I)
_HOST = re.compile(r"(?:failed to resolve host|could not translate host name) '?\"?(?P<host>[^'\"\s:]*)", re.I)

_LOST_MARKERS = (
    "server closed the connection", "terminating connection", "connection is closed",
    "ssl connection has been closed", "the connection is lost", "consuming input failed",
    "server conn crashed", "connection already closed", "the database system is shutting down",
    "the database system is starting up", "the database system is in recovery mode",
    "connection reset by peer", "broken pipe", "could not receive data from server",
    "could not send data to server",
)
_UNAVAILABLE_MARKERS = (
    "could not connect", "connection refused", "connection to server", "no route to host",
    "timeout expired", "connection timeout", "name or service not known", "network is unreachable",
)


def _is_driver_error(exc: BaseException) -> bool:
    """A DB-API error from SQLAlchemy, sqlite3 or psycopg (without importing psycopg here)."""
    if isinstance(exc, sa_exc.DBAPIError | sqlite3.Error):
        return True
    return any(cls.__module__.startswith("psycopg") and cls.__name__ == "Error" for cls in type(exc).__mro__)


def _where(raw: str) -> str:
    m = _SERVER.search(raw)
    if m:
        return f"{m['host']}:{m['port']}"
    m = _SOCKET.search(raw)
    return m["socket"] if m else "the configured address"


def classify(exc: BaseException) -> BaseException:
    """Map a raw driver/ORM exception to a DatabaseError subclass; return others unchanged."""
    if isinstance(exc, DatabaseError):
        return exc
    if isinstance(exc, StaleDataError):
        return ConflictError("Another desk changed this record after you opened it.")
    orig = getattr(exc, "orig", None) or exc
    if not (_is_driver_error(exc) or _is_driver_error(orig)):
        return exc
    raw = str(orig)
    text = raw.lower()
    invalidated = isinstance(exc, sa_exc.DBAPIError) and bool(exc.connection_invalidated)

    # SQLite files
    if "file is not a database" in text or "file is encrypted" in text:
        return NotADatabase("This file is not a Floorwalker database (it is not a SQLite database at all).")
    if "attempt to write a readonly database" in text or "readonly database" in text:
        return ReadOnlyDatabase("The database file is read-only, so nothing can be saved.")
    if "read-only transaction" in text:
        return ReadOnlyDatabase("The database server accepts only reading (a read-only standby?).",
                                "Point Floorwalker at the primary database server.")
    if "unable to open database file" in text:
        return DatabaseUnavailable("The database file cannot be opened (its folder is missing or not accessible).",
                                   "Check that the folder exists and that you may write to it.")
    if "database or disk is full" in text or "no space left on device" in text or "disk full" in text:
        return DatabaseUnavailable("There is no space left for the database.",
                                   "Free some disk space, then try again. Nothing was saved.")
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseUnavailable("The database file is busy: another program is holding a lock on it.",
                                   "Wait a moment and try again; close other programs that use the file.")

    # PostgreSQL: the server answered but refused us
    if m := _PASSWORD.search(raw):
        return AccessDenied(f'The database server at {_where(raw)} refused the password for user "{m["name"]}".')
    if m := _ROLE.search(raw):
        return AccessDenied(f'The database server at {_where(raw)} has no user "{m["name"]}".')
    if "no pg_hba.conf entry" in text:
        return AccessDenied(f"The database server at {_where(raw)} does not accept connections "
                            "from this computer with that user and database.",
                            "Ask the database administrator to allow this computer (pg_hba.conf).")
    if m := _DATABASE.search(raw):
        return DatabaseMissing(f'The database server at {_where(raw)} has no database "{m["name"]}".')
    if m := _NOT_ACCEPTING.search(raw):
        return DatabaseUnavailable(f'The database "{m["name"]}" is not accepting connections right now.',
                                   "It may be under maintenance. Floorwalker keeps retrying.")

    # PostgreSQL: the server is not there, or went away
    if "connection refused" in text:
        return DatabaseUnavailable(f"No database server is answering at {_where(raw)}.",
                                   "Check the host and port in the database URL and that the server is running.")
    if m := _HOST.search(raw):
        return DatabaseUnavailable(f'The database server name "{m["host"]}" cannot be found.',
                                   "Check the host name in the database URL and the network connection.")
    if "timeout expired" in text or "connection timeout" in text or "timed out" in text:
        return DatabaseUnavailable(f"The database server at {_where(raw)} did not answer in time.",
                                   "Check the network connection and the server, then try again.")
    if invalidated or any(m in text for m in _LOST_MARKERS):
        return DatabaseUnavailable("The connection to the database was lost.",
                                   "Floorwalker reconnects by itself when the server is back.")
    if isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError | sqlite3.OperationalError) or \
            type(orig).__name__ in ("OperationalError", "InterfaceError"):
        if any(m in text for m in _UNAVAILABLE_MARKERS):
            return DatabaseUnavailable(f"The database is not reachable: {_first_line(raw)}")
    return exc


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:200] if text.strip() else ""
