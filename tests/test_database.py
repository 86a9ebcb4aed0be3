"""The schema's life: created on an empty database, no drift from the models, upgrades with a backup,
and a schema from a newer Floorwalker refused without touching a byte."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

import db.migrate
from app.bootstrap import open_database
from app.rules import RULE_DEFAULTS
from db.database import Database
from db.errors import SchemaTooNew
from db.migrate import head_revision, schema_state
from db.models import Base, Center, Setting

FIXTURES = Path(__file__).parent / "fixtures"
FUTURE = "9999_from_a_newer_floorwalker"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(params=["sqlite", "postgres"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "empty.db")
    return request.getfixturevalue("pg_url")


def test_an_empty_database_gets_the_whole_schema_and_the_rule_defaults(empty_url):
    opened = open_database(empty_url)
    try:
        assert opened.created and opened.backup is None and opened.previous_revision is None
        state = schema_state(opened.db)
        assert state.current == head_revision() and state.up_to_date
        tables = set(inspect(opened.db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with opened.db.session() as s:
            assert len(s.scalars(select(Setting.key)).all()) == len(RULE_DEFAULTS)
    finally:
        opened.db.dispose()
    again = open_database(empty_url)  # the second start finds it ready: nothing to create or copy
    try:
        assert not again.created and again.backup is None and again.previous_revision == head_revision()
    finally:
        again.db.dispose()


def test_models_and_migrations_do_not_drift(empty_url):
    """Autogenerate against a database built by the migrations must find nothing to do."""
    opened = open_database(empty_url)
    try:
        with opened.db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, Base.metadata)
    finally:
        opened.db.dispose()
    assert diff == [], "db/models and db/migrations disagree:\n" + "\n".join(map(str, diff))


def _stamp(path: Path, revision: str, *, journal_mode: str = "wal") -> None:
    """Pretend a newer Floorwalker wrote this file: set its revision with plain sqlite3."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()
        conn.execute(f"PRAGMA journal_mode={journal_mode}")
    finally:
        conn.close()


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_a_newer_sqlite_schema_is_refused_and_the_file_stays_byte_identical(tmp_path, journal_mode):
    path = tmp_path / "newer.db"
    open_database(str(path)).db.dispose()
    _stamp(path, FUTURE, journal_mode=journal_mode)
    before = sha256(path)
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(SchemaTooNew) as info:
        open_database(str(path))
    assert FUTURE in str(info.value) and head_revision() in str(info.value)
    assert "newer Floorwalker" in info.value.hint
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no backup, no -wal/-shm left behind


@pytest.mark.postgres
def test_a_newer_postgres_schema_is_refused_and_left_alone(pg_url):
    open_database(pg_url).db.dispose()
    db = Database(pg_url)
    try:
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": FUTURE})
        tables = set(inspect(db.engine).get_table_names())
        with pytest.raises(SchemaTooNew):
            open_database(pg_url)
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == FUTURE
        assert set(inspect(db.engine).get_table_names()) == tables
    finally:
        db.dispose()


@pytest.mark.parametrize("revision", sorted(p.stem.removeprefix("schema_") for p in FIXTURES.glob("schema_*.db")))
def test_every_released_schema_upgrades_to_head(tmp_path, revision):
    """STYLE 14: a database file per released schema revision, made by `floorwalker db upgrade`."""
    path = tmp_path / f"schema_{revision}.db"
    shutil.copyfile(FIXTURES / f"schema_{revision}.db", path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0].startswith(revision)
    conn.close()
    opened = open_database(str(path))
    try:
        assert opened.previous_revision.startswith(revision) and not opened.created
        assert schema_state(opened.db).current == head_revision()
        if not head_revision().startswith(revision):
            assert opened.backup is not None and opened.backup.exists()
        with opened.db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        with opened.db.session() as s:
            assert len(s.scalars(select(Setting.key)).all()) == len(RULE_DEFAULTS)
    finally:
        opened.db.dispose()
    assert diff == [], (
        f"tests/fixtures/schema_{revision}.db upgraded to head does not match the models. A released "
        "revision must never change; add a new migration instead.\n" + "\n".join(map(str, diff)))


NEXT_REVISION = '''"""test-only: a schema change after 0001, to prove the upgrade path"""
from alembic import op
import sqlalchemy as sa

revision = "0002_test_only"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("upgrade_marker", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("centers") as batch:
        batch.add_column(sa.Column("upgrade_note", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("centers") as batch:
        batch.drop_column("upgrade_note")
    op.drop_table("upgrade_marker")
'''


@pytest.fixture
def newer_floorwalker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Simulates the next release: today's migrations plus one more revision (test-only, temporary).

    The *code* is made newer by a test-only revision on top of today's head, so the test keeps
    exercising an upgrade whatever the newest released revision is.
    """
    scripts = tmp_path / "migrations"
    shutil.copytree(db.migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision()
    (scripts / "versions" / "0002_test_only.py").write_text(NEXT_REVISION.replace("{head}", head))
    monkeypatch.setattr(db.migrate, "MIGRATIONS", scripts)
    return head


def test_an_older_sqlite_database_is_backed_up_before_the_upgrade(tmp_path, newer_floorwalker):
    path = tmp_path / "desk.db"
    shutil.copyfile(FIXTURES / "schema_0001.db", path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO centers (name, timezone, holiday_country, opening_hours, locale, version) "
                 "VALUES ('Kept Center', 'Asia/Shanghai', 'CN', '{}', 'zh_CN', 1)")
    conn.commit()
    conn.close()
    old_bytes = sha256(path)
    opened = open_database(str(path))
    try:
        assert opened.previous_revision == "0001"  # the released fixture, older than today's head too
        assert schema_state(opened.db).current == "0002_test_only"
        assert opened.backup is not None and opened.backup.exists() and opened.backup.parent == tmp_path
        assert "pre-upgrade" in opened.backup.name
        assert "upgrade_marker" in inspect(opened.db.engine).get_table_names()
        with opened.db.session() as s:
            assert s.scalars(select(Center.name)).all() == ["Kept Center"]  # data survives the upgrade
    finally:
        opened.db.dispose()
    # the copy is the database as it was: old revision, old tables, same rows
    assert sha256(path) != old_bytes
    backup = sqlite3.connect(opened.backup)
    try:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        names = {r[0] for r in backup.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "upgrade_marker" not in names and "centers" in names
        assert backup.execute("SELECT name FROM centers").fetchall() == [("Kept Center",)]
        assert backup.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        backup.close()


@pytest.mark.postgres
def test_an_older_postgres_database_is_upgraded_in_place(pg_url, newer_floorwalker, monkeypatch):
    # build it at today's head with the real migrations, then let the "newer" Floorwalker open it
    with monkeypatch.context() as m:
        m.setattr(db.migrate, "MIGRATIONS", Path(db.__file__).parent / "migrations")
        open_database(pg_url).db.dispose()
    opened = open_database(pg_url)
    try:
        assert opened.previous_revision == newer_floorwalker and opened.backup is None  # pg_dump is the DBA's
        assert schema_state(opened.db).current == "0002_test_only"
        assert "upgrade_marker" in inspect(opened.db.engine).get_table_names()
    finally:
        opened.db.dispose()


def test_quick_revision_reading_agrees_with_alembic():
    """Start-up reads revisions from the migration files without alembic; alembic must agree."""
    from alembic.script import ScriptDirectory

    from db.migrate import alembic_config, known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    revisions, head = known_revisions()
    assert head == script.get_current_head()
    assert revisions == {r.revision for r in script.walk_revisions()}
