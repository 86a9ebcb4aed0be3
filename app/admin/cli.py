"""`floorwalker db upgrade|status|backup|restore`: schema and file maintenance without the console."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import func, insert, select

from app import clock
from app.bootstrap import open_database
from app.changes import Changes
from db.database import DESK_ID, Database
from db.errors import DatabaseUnavailable
from db.migrate import backup_sqlite, check_sqlite_backup, restore_sqlite, schema_state
from db.models import ChangeLogEntry


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
    p = db_sub.add_parser("restore", help="replace a SQLite database with a backup (a copy of it is kept)",
                          description="Replace the SQLite database with BACKUP. The backup is checked first; "
                          "the current database is copied aside (NAME.pre-restore.TIME.db) before it is "
                          "replaced, and an older schema is upgraded. PostgreSQL: use pg_restore.")
    p.add_argument("backup", metavar="BACKUP", help="a backup file made by `floorwalker db backup`")
    add_db_option(p)
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=_restore)


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


def _restore(args: argparse.Namespace) -> int:
    from app.cli import database_url

    db = Database(database_url(args))
    try:
        if not db.is_sqlite or db.path is None:
            print("floorwalker: PostgreSQL databases are restored with pg_restore from a pg_dump backup, "
                  "by the database administrator (e.g. pg_restore --clean -d NAME BACKUP.dump).", file=sys.stderr)
            return 2
        backup = Path(args.backup).expanduser()
        state = check_sqlite_backup(backup)  # refuse a bad backup before asking anything
        if not args.yes and not _confirmed(db, backup, state.current or ""):
            return 2
        result = restore_sqlite(db, backup)
        _announce(db, result.previous_change_seq)
    finally:
        db.dispose()
    print(f"{describe(db)}: restored from {backup} (schema {result.backup_revision}"
          + (f", upgraded to {result.revision})" if result.revision != result.backup_revision else ")"))
    if result.safety_copy is not None:
        print(f"the database as it was before is kept in {result.safety_copy}")
    return 0


def _confirmed(db: Database, backup: Path, revision: str) -> bool:
    if not sys.stdin.isatty():
        print("floorwalker: restoring replaces the whole database; run it in a terminal to confirm, "
              "or add --yes.", file=sys.stderr)
        return False
    exists = db.path is not None and db.path.exists()
    print(f"This replaces {describe(db)} with {backup} (schema {revision}).")
    if exists:
        print("The current database is copied aside first; consoles open on it see the restored data.")
    answer = input("Restore? [y/N] ").strip().lower()
    if answer not in ("y", "yes"):
        print("nothing was changed")
        return False
    return True


def _announce(db: Database, previous_seq: int) -> None:
    """Tell consoles still open on the file that everything changed.

    They poll the change log from the sequence number they last saw, which the restored file
    may not have reached yet: the entry is numbered above both.
    """
    with db.session() as s:
        seq = max(previous_seq, int(s.scalar(select(func.coalesce(func.max(ChangeLogEntry.seq), 0))) or 0)) + 1
        s.execute(insert(ChangeLogEntry).values(seq=seq, at=clock.now(), kinds=",".join(Changes.ALL.names()),
                                                desk=f"restore {DESK_ID}"[:128]))
