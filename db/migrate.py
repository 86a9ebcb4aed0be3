"""Schema upgrades owned by Alembic: check, back up (SQLite), upgrade, refuse a newer schema."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from db.database import Database
from db.errors import SchemaTooNew, classify

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


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
    try:
        with db.engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
    except Exception as exc:  # noqa: BLE001 - classified
        raise classify(exc) from exc
    script = ScriptDirectory.from_config(alembic_config())
    known = current is None or _revision_known(script, current)
    return SchemaState(current=current, head=head_revision(), known=known)


def _revision_known(script: ScriptDirectory, rev: str) -> bool:
    try:
        return script.get_revision(rev) is not None
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
        return False


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
