"""Engine and session factory for both engines (SQLite file, shared PostgreSQL)."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from db.errors import DatabaseUnavailable, classify

# Identifies this process in job claims, change notifications and the audit log.
DESK_ID = f"{socket.gethostname()}:{os.getpid()}"


def normalise_url(url: str) -> str:
    """Accept a bare file path or ``postgresql://`` and return a SQLAlchemy URL using psycopg 3."""
    url = url.strip()
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


class Database:
    """One database: its engine and a factory for short units of work.

    Sessions are created per operation in the thread that uses them; no session is shared.
    """

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = normalise_url(url)
        parsed = make_url(self.url)
        self.dialect = parsed.get_backend_name()
        if self.dialect == "sqlite":
            self.path = Path(parsed.database) if parsed.database and parsed.database != ":memory:" else None
            if self.path is not None and not self.path.parent.exists():
                raise DatabaseUnavailable(f"The folder {self.path.parent} does not exist.")
            self.engine: Engine = create_engine(
                self.url, echo=echo, connect_args={"timeout": 15, "check_same_thread": False}
            )
            event.listen(self.engine, "connect", _sqlite_pragmas)
        elif self.dialect == "postgresql":
            self.path = None
            self.engine = create_engine(
                self.url, echo=echo, pool_pre_ping=True, pool_size=5, max_overflow=5,
                connect_args={"connect_timeout": 5, "application_name": f"floorwalker {DESK_ID}"},
            )
        else:
            raise DatabaseUnavailable(
                f"Unsupported database type '{self.dialect}'.",
                "Use a SQLite file path or a postgresql+psycopg:// URL.",
            )
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def display_url(self) -> str:
        """The URL with any password hidden, for status bars and logs."""
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on error, re-raises classified errors."""
        s = self._sessions()
        try:
            yield s
            s.commit()
        except BaseException as exc:
            s.rollback()
            classified = classify(exc)
            if classified is exc:
                raise
            raise classified from exc
        finally:
            s.close()

    def check_connection(self) -> None:
        """Open and close one connection; raise a classified error if that fails."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except Exception as exc:  # noqa: BLE001 - classified below
            classified = classify(exc)
            if classified is exc:
                raise DatabaseUnavailable(f"The database cannot be opened: {exc}") from exc
            raise classified from exc

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=15000")
    try:
        cur.execute("PRAGMA journal_mode=WAL")
    except Exception:  # noqa: BLE001 - read-only files cannot switch journal mode; reads still work
        pass
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
