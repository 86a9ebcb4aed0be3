"""Schema upgrades owned by Alembic: check, back up (SQLite), upgrade, refuse a newer schema."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from db.database import Database
from db.errors import SchemaTooNew, classify

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
    try:
        with db.engine.connect() as conn:
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
