"""Schema upgrades owned by Alembic: check, back up (SQLite), upgrade, refuse a newer schema."""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.pool import NullPool

from db.database import Database
from db.errors import DatabaseUnavailable, NotADatabase, SchemaTooNew, classify

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)

# Alembic itself (~0.1 s to import) is loaded only when the schema must change: opening an
# up-to-date database reads the revision table and the migration file headers directly.


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def known_revisions() -> tuple[set[str], str]:
    """Every revision id in the migrations folder, and the head (the one no other revises)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev = _REVISION.search(source)
        if rev:
            revisions.add(rev.group(1))
        down = _DOWN.search(source)
        if down:
            parents.add(down.group(1))
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have exactly one head, found {sorted(heads)}")
    return revisions, heads.pop()


def head_revision() -> str:
    return known_revisions()[1]


@dataclass(frozen=True)
class SchemaState:
    current: str | None  # None: empty database
    head: str
    known: bool  # is `current` a revision this version of Floorwalker knows?

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def empty(self) -> bool:
        return self.current is None


def schema_state(db: Database) -> SchemaState:
    return _engine_schema_state(db.engine)


def _engine_schema_state(engine: Engine) -> SchemaState:
    try:
        with engine.connect() as conn:
            current = None
            if inspect(conn).has_table("alembic_version"):
                current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception as exc:  # noqa: BLE001 - classified
        raise classify(exc) from exc
    revisions, head = known_revisions()
    return SchemaState(current=current, head=head, known=current is None or current in revisions)


def upgrade(db: Database, *, backup: bool = True) -> Path | None:
    """Bring the database to head. Returns the backup path when a SQLite file was copied first.

    A schema written by a newer Floorwalker is refused before anything is touched.
    """
    state = schema_state(db)
    if not state.known:
        raise SchemaTooNew(
            f"The database schema ({state.current}) is newer than this Floorwalker "
            f"(which knows up to {state.head})."
        )
    if state.up_to_date:
        return None
    backup_path = None
    if backup and db.is_sqlite and db.path is not None and not state.empty and db.path.exists():
        backup_path = backup_sqlite(db, reason=f"pre-upgrade-{state.current}")
    from alembic import command

    cfg = alembic_config()
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as exc:  # noqa: BLE001 - classified
        raise classify(exc) from exc
    return backup_path


def backup_sqlite(db: Database, *, reason: str = "backup", target: Path | None = None) -> Path:
    """Copy a live SQLite database consistently (the sqlite3 online backup API)."""
    assert db.path is not None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = target or db.path.with_name(f"{db.path.stem}.{reason}.{stamp}{db.path.suffix}")
    src = sqlite3.connect(str(db.path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


@dataclass(frozen=True)
class RestoreResult:
    safety_copy: Path | None  # the database as it was before the restore (None: there was none)
    backup_revision: str
    revision: str  # after the restore (and upgrade, if the backup was older)
    previous_change_seq: int  # the change log's high-water mark before: desks still open poll from it


def check_sqlite_backup(backup: Path) -> SchemaState:
    """Open ``backup`` read-only and check it is an intact Floorwalker database this version knows."""
    backup = Path(backup)
    if not backup.is_file():
        raise DatabaseUnavailable(f"{backup} does not exist or is not a file.",
                                  "Give the path of a backup made with `floorwalker db backup`.")
    engine = create_engine("sqlite://", poolclass=NullPool, creator=lambda: _connect_backup(backup))
    try:
        try:
            with engine.connect() as conn:
                verdict = conn.exec_driver_sql("PRAGMA quick_check").scalar()
        except Exception as exc:  # noqa: BLE001 - classified
            raise classify(exc) from exc
        if verdict != "ok":
            raise NotADatabase(f"{backup} is damaged ({verdict}); it cannot be restored.")
        state = _engine_schema_state(engine)
    finally:
        engine.dispose()
    if state.empty:
        raise NotADatabase(f"{backup} is not a Floorwalker database (it has no schema revision).")
    if not state.known:
        raise SchemaTooNew(f"The backup's schema ({state.current}) is newer than this Floorwalker "
                           f"(which knows up to {state.head}); it cannot be restored with this version.")
    return state


def restore_sqlite(db: Database, backup: Path) -> RestoreResult:
    """Replace the SQLite database of ``db`` with ``backup``, keeping a safety copy of what was there.

    The backup is checked first (nothing is touched if it is not a readable Floorwalker database
    of a known schema); then the current database is copied aside, the backup is copied in with
    the sqlite3 online backup API (which works while other connections hold the file: they see
    the restored data on their next read), and an older schema is upgraded to head.
    """
    if not db.is_sqlite or db.path is None:
        raise DatabaseUnavailable("Only SQLite databases are restored by Floorwalker.",
                                  "Restore a PostgreSQL database with pg_restore (from a pg_dump backup).")
    backup = Path(backup)
    if db.path.exists() and backup.exists() and db.path.resolve() == backup.resolve():
        raise DatabaseUnavailable(f"{backup} is the database itself; choose a backup file.")
    state = check_sqlite_backup(backup)
    safety_copy = None
    seq = 0
    if db.path.exists() and db.path.stat().st_size > 0:
        safety_copy, seq = _safety_copy(db)
    db.dispose()  # pooled connections would keep pages of the old file cached
    src = _connect_backup(backup)
    try:
        dst = sqlite3.connect(str(db.path), timeout=15)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise classify(exc) from exc
    finally:
        src.close()
    upgrade(db, backup=False)  # the backup file itself is the copy of the older schema
    db.dispose()
    return RestoreResult(safety_copy, str(state.current), schema_state(db).current or "", seq)


def _safety_copy(db: Database) -> tuple[Path, int]:
    """Copy the current database aside; a damaged one is copied byte for byte (restore is its cure)."""
    assert db.path is not None
    try:
        seq = _change_seq(db.path)
        return backup_sqlite(db, reason="pre-restore"), seq
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) not in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise classify(exc) from exc  # locked, unreadable, disk full: stop, touch nothing
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = db.path.with_name(f"{db.path.stem}.pre-restore.{stamp}{db.path.suffix}")
        shutil.copy2(db.path, target)
        for suffix in ("-wal", "-shm"):  # the damaged file and its journal are replaced, not merged
            db.path.with_name(db.path.name + suffix).unlink(missing_ok=True)
        db.path.unlink()
        return target, 0


_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def _connect_backup(backup: Path) -> sqlite3.Connection:
    """Read-only; a quiet backup file is opened immutable, so no -wal/-shm files appear next to it."""
    wal = backup.with_name(backup.name + "-wal")
    live = wal.exists() and wal.stat().st_size > 0  # a database in use: read its journal too
    uri = backup.resolve().as_uri() + ("?mode=ro" if live else "?mode=ro&immutable=1")
    return sqlite3.connect(uri, uri=True)


def _change_seq(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        has_log = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_log'").fetchone()
        return int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM change_log").fetchone()[0]) if has_log else 0
    finally:
        conn.close()
