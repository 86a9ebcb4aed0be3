"""`floorwalker db upgrade|status|backup`: schema and file maintenance without the console."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.bootstrap import open_database
from db.database import Database
from db.errors import DatabaseUnavailable
from db.migrate import backup_sqlite, schema_state


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option

    db_parser = sub.add_parser("db", help="database schema and backups")
    db_sub = db_parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    p = db_sub.add_parser("upgrade", help="create the schema or upgrade it to this version")
    add_db_option(p)
    p.set_defaults(handler=_upgrade)
    p = db_sub.add_parser("status", help="show the schema revision of a database")
    add_db_option(p)
    p.set_defaults(handler=_status)
    p = db_sub.add_parser("backup", help="copy a SQLite database file consistently while in use")
    add_db_option(p)
    p.add_argument("target", nargs="?", help="backup file (default: next to the database)")
    p.set_defaults(handler=_backup)


def _upgrade(args: argparse.Namespace) -> int:
    from app.cli import database_url

    opened = open_database(database_url(args))
    try:
        state = schema_state(opened.db)
        where = describe(opened.db)
        if opened.created:
            print(f"{where}: created the Floorwalker schema (revision {state.current}).")
        elif opened.previous_revision != state.current:
            print(f"{where}: upgraded from revision {opened.previous_revision} to {state.current}.")
        else:
            print(f"{where}: schema revision {state.current} is up to date.")
        if opened.backup:
            print(f"the previous version was copied to {opened.backup}")
    finally:
        opened.db.dispose()
    return 0


def _status(args: argparse.Namespace) -> int:
    from app.cli import database_url

    db = Database(database_url(args))
    try:
        if db.is_sqlite and db.path is not None and not db.path.exists():
            raise DatabaseUnavailable(f"{db.path} does not exist.",
                                      "Run `floorwalker db upgrade --db FILE` to create it.")
        db.check_connection()
        state = schema_state(db)
    finally:
        db.dispose()
    label = "empty" if state.empty else state.current
    verdict = "up to date" if state.up_to_date else ("newer than this Floorwalker" if not state.known
                                                    else "needs upgrade")
    print(f"{describe(db)}: schema {label}, this Floorwalker {state.head}: {verdict}")
    return 0 if state.known else 3


def describe(db: Database) -> str:
    """The database as a user names it: a file path, or user@host/name (never the password)."""
    if db.is_sqlite:
        return f"{db.path} (SQLite)" if db.path else "in-memory SQLite"
    return db.display_url.split("://", 1)[-1] + " (PostgreSQL)"


def _backup(args: argparse.Namespace) -> int:
    from app.cli import database_url

    db = Database(database_url(args))
    if not db.is_sqlite or db.path is None:
        print("floorwalker: backups of PostgreSQL are made with pg_dump by the database administrator")
        return 2
    db.check_connection()
    target = backup_sqlite(db, target=Path(args.target) if args.target else None)
    print(f"backup written to {target}")
    return 0
