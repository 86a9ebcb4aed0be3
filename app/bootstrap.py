"""Opening a database for use: connect, refuse a newer schema, upgrade (backup first), seed rules."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy import inspect
from sqlalchemy.engine import URL, make_url

from app.admin.rules import seed_defaults
from db.database import Database, normalise_url
from db.errors import (
    BadDatabaseUrl,
    DatabaseUnavailable,
    NotADatabase,
    ReadOnlyDatabase,
    SchemaTooNew,
)
from db.migrate import head_revision, known_revisions, schema_state, upgrade

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class OpenedDatabase:
    db: Database
    backup: Path | None  # where the pre-upgrade copy of a SQLite file went, if any
    created: bool  # the database was empty and has just been given the schema
    previous_revision: str | None = None  # the schema revision found before any upgrade


def open_database(url: str, *, upgrade_schema: bool = True, create: bool = True) -> OpenedDatabase:
    """Open ``url`` ready for work, or raise a DatabaseError whose message a user can act on.

    Nothing is written unless the schema is older than this Floorwalker (then it is upgraded,
    after a backup for SQLite) or the database is empty and ``create`` is true. A SQLite file
    is inspected read-only first, so a file that is refused (not a database, read-only, newer
    schema) is left byte for byte as it was.
    """
    path = _sqlite_path(_parse(url))
    if path is not None:
        _check_sqlite_file(path, create=create)
    db = _construct(url)
    try:
        db.check_connection()
        state = schema_state(db)
        if not state.known:
            raise _too_new(state.current, state.head)
        if state.empty and not create:
            raise NotADatabase(f"{db.display_url} has no Floorwalker schema.",
                               "Run `floorwalker db upgrade` or `floorwalker demo` to create one.")
        if state.empty and not _really_empty(db):
            raise NotADatabase(f"{db.display_url} holds tables of another application.",
                               "Choose an empty database or a Floorwalker database.")
        backup = None
        if upgrade_schema:
            backup = upgrade(db)
            with db.session() as s:
                seed_defaults(s)
    except BaseException:
        db.dispose()
        raise
    return OpenedDatabase(db=db, backup=backup, created=state.empty, previous_revision=state.current)


def _construct(url: str) -> Database:
    try:
        return Database(url)
    except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError, ValueError, ImportError) as exc:
        raise BadDatabaseUrl(f"The database address {_hide_password(url)} is not valid ({exc}).") from exc


def _parse(url: str) -> URL:
    try:
        parsed = make_url(normalise_url(url))
    except (sa_exc.ArgumentError, ValueError) as exc:
        raise BadDatabaseUrl(f"The database address {_hide_password(url)} is not valid.") from exc
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise BadDatabaseUrl(f"Floorwalker cannot use a '{parsed.get_backend_name()}' database.")
    return parsed


def _hide_password(url: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url.strip())


def _sqlite_path(parsed: URL) -> Path | None:
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _too_new(current: str | None, head: str) -> SchemaTooNew:
    return SchemaTooNew(f"The database schema ({current}) is newer than this Floorwalker "
                        f"(which knows up to {head}). Nothing was changed.")


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    """Refuse a file we must not touch, without opening it for writing."""
    if not path.exists():
        if not path.parent.is_dir():
            raise DatabaseUnavailable(f"The folder {path.parent} does not exist.",
                                      "Create the folder first, or choose another location for the database.")
        if not create:
            raise DatabaseUnavailable(f"{path} does not exist.",
                                      "Run `floorwalker db upgrade --db FILE` or `floorwalker demo` to create it.")
        if not os.access(path.parent, os.W_OK):
            raise ReadOnlyDatabase(f"A new database cannot be created in {path.parent}: the folder is read-only.")
        return
    if path.is_dir():
        raise NotADatabase(f"{path} is a folder, not a database file.")
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head and head != SQLITE_MAGIC:
        raise NotADatabase(f"{path} is not a database file (it is not in SQLite format).")
    if head:
        revision = _peek_revision(path)
        if revision is not None and not _revision_known(revision):
            raise _too_new(revision, head_revision())
    mode = path.stat().st_mode
    # the write bits, not only access(): an administrator account may write anything, but a file
    # marked read-only was marked so on purpose
    if not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(path, os.W_OK):
        raise ReadOnlyDatabase(f"{path} is read-only, so Floorwalker cannot save anything in it.")
    if not os.access(path.parent, os.W_OK):
        raise ReadOnlyDatabase(f"The folder of {path} is read-only; SQLite needs to write its journal there.")


def _peek_revision(path: Path) -> str | None:
    """The Alembic revision of a SQLite file, read without writing anything (not even a -wal file)."""
    uri = f"{path.resolve().as_uri()}?immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise DatabaseUnavailable(f"{path} cannot be opened: {exc}.") from exc
    try:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone()
        if not has_table:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version LIMIT 1").fetchone()
        return str(row[0]) if row else None
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc) or "encrypted" in str(exc):
            raise NotADatabase(f"{path} is not a Floorwalker database ({exc}).") from exc
        raise DatabaseUnavailable(f"{path} cannot be read: {exc}.") from exc
    finally:
        conn.close()


def _revision_known(revision: str) -> bool:
    return revision in known_revisions()[0]


def _really_empty(db: Database) -> bool:
    names = [n for n in inspect(db.engine).get_table_names() if n != "alembic_version"]
    return not names
