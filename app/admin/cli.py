"""`floorwalker db upgrade|status|backup`: schema and file maintenance without the console."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.bootstrap import open_database
from db.database import Database
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
    state = schema_state(opened.db)
    print(f"{opened.db.display_url}: schema at {state.current} (head {state.head})")
    if opened.backup:
        print(f"backup of the previous version: {opened.backup}")
    return 0


def _status(args: argparse.Namespace) -> int:
    from app.cli import database_url

    db = Database(database_url(args))
    db.check_connection()
    state = schema_state(db)
    label = "empty" if state.empty else state.current
    verdict = "up to date" if state.up_to_date else ("newer than this Floorwalker" if not state.known
                                                    else "needs upgrade")
    print(f"{db.display_url}: schema {label}, this Floorwalker {state.head}: {verdict}")
    return 0 if state.known else 3


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
