"""Opening a database for use: connect, refuse a newer schema, upgrade (backup first), seed rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.admin.rules import seed_defaults
from db.database import Database
from db.errors import DatabaseUnavailable, NotADatabase, ReadOnlyDatabase
from db.migrate import schema_state, upgrade


@dataclass
class OpenedDatabase:
    db: Database
    backup: Path | None  # where the pre-upgrade copy of a SQLite file went, if any
    created: bool  # the database was empty and has just been given the schema


def open_database(url: str, *, upgrade_schema: bool = True, create: bool = True) -> OpenedDatabase:
    """Open ``url`` ready for work, or raise a DatabaseError whose message a user can act on.

    Nothing is written unless the schema is older than this Floorwalker (then it is upgraded,
    after a backup for SQLite) or the database is empty and ``create`` is true.
    """
    db = Database(url)
    if db.is_sqlite and db.path is not None:
        _check_sqlite_file(db.path, create=create)
    db.check_connection()
    state = schema_state(db)
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
    return OpenedDatabase(db=db, backup=backup, created=state.empty)


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    if path.exists():
        if path.is_dir():
            raise NotADatabase(f"{path} is a folder, not a database file.")
        with path.open("rb") as fh:
            head = fh.read(16)
        if head and head != b"SQLite format 3\x00":
            raise NotADatabase(f"{path} is not a database file.")
        import os

        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise ReadOnlyDatabase(f"{path} is read-only (the file or its folder cannot be written).")
    elif not create:
        raise DatabaseUnavailable(f"{path} does not exist.")


def _really_empty(db: Database) -> bool:
    from sqlalchemy import inspect

    names = [n for n in inspect(db.engine).get_table_names() if n != "alembic_version"]
    return not names
