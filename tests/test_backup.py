"""`floorwalker db backup` and `db restore` for SQLite: a bad backup touches nothing, a good one comes back
whole with a copy of what it replaced, an older one is upgraded, a newer one refused."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import open_database
from app.cli import main
from db.database import Database
from db.errors import NotADatabase, SchemaTooNew
from db.migrate import check_sqlite_backup, head_revision, restore_sqlite, schema_state
from db.models import Team
from db.notify import changes_since, latest_seq
from tests import factories as f

FIXTURES = Path(__file__).parent / "fixtures"


def _database(path: Path, teams: list[str]) -> None:
    opened = open_database(str(path))
    with opened.db.session() as s:
        c = f.center(s)
        for name in teams:
            f.team(s, c, name)
    opened.db.dispose()


def _teams(path: Path) -> list[str]:
    db = Database(str(path))
    try:
        with db.session() as s:
            return sorted(s.scalars(select(Team.name)))
    finally:
        db.dispose()


def _rename_team(path: Path, old: str, new: str) -> None:
    db = Database(str(path))
    with db.session() as s:
        s.scalars(select(Team).where(Team.name == old)).one().name = new
    db.dispose()


def _digest(path: Path) -> str:
    """The file and its write-ahead log: what a later reader would see."""
    parts = [path, path.with_name(path.name + "-wal")]
    return hashlib.sha256(b"".join(p.read_bytes() for p in parts if p.exists())).hexdigest()


def _pre_restore_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.pre-restore.*{path.suffix}"))


def test_restore_brings_the_backup_back_and_keeps_a_copy_of_what_it_replaced(tmp_path, capsys):
    db_path, backup = tmp_path / "center.db", tmp_path / "monday.db"
    _database(db_path, ["North", "South"])
    assert main(["db", "backup", "--db", str(db_path), str(backup)]) == 0
    _rename_team(db_path, "North", "Renamed after the backup")
    assert main(["db", "restore", str(backup), "--db", str(db_path), "--yes"]) == 0
    out = capsys.readouterr().out
    assert f"restored from {backup}" in out and "kept in" in out
    assert _teams(db_path) == ["North", "South"]
    copies = _pre_restore_copies(db_path)
    assert len(copies) == 1 and str(copies[0]) in out
    assert _teams(copies[0]) == ["Renamed after the backup", "South"]  # nothing is lost by restoring


def test_a_desk_still_open_on_the_file_sees_the_restored_data_and_hears_of_it(tmp_path):
    db_path, backup = tmp_path / "center.db", tmp_path / "backup.db"
    _database(db_path, ["North"])
    assert main(["db", "backup", "--db", str(db_path), str(backup)]) == 0
    desk = Database(str(db_path))  # a console with its pooled connection
    try:
        _rename_team(db_path, "North", "Later")
        with desk.session() as s:
            assert s.scalar(select(Team.name)) == "Later"
        seen = latest_seq(desk)
        assert main(["db", "restore", str(backup), "--db", str(db_path), "--yes"]) == 0
        with desk.session() as s:
            assert s.scalar(select(Team.name)) == "North"
        _seq, kinds = changes_since(desk, seen)
        assert {"PEOPLE", "SETTINGS", "COMPLAINTS"} <= kinds  # its watcher reloads every workspace
    finally:
        desk.dispose()


def test_a_file_that_is_not_a_database_is_refused_and_nothing_changes(tmp_path, capsys):
    db_path = tmp_path / "center.db"
    _database(db_path, ["North"])
    before = _digest(db_path)
    junk = tmp_path / "notes.db"
    junk.write_text("these are my notes, not a database\n" * 100)
    assert main(["db", "restore", str(junk), "--db", str(db_path), "--yes"]) == 2
    assert "not a Floorwalker database" in capsys.readouterr().err
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()  # a valid SQLite file without our schema
    assert main(["db", "restore", str(empty), "--db", str(db_path), "--yes"]) == 2
    assert "not a Floorwalker database" in capsys.readouterr().err
    assert main(["db", "restore", str(tmp_path / "nowhere.db"), "--db", str(db_path), "--yes"]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert _digest(db_path) == before and _pre_restore_copies(db_path) == []
    assert not list(tmp_path.glob("notes.db-*")) and not list(tmp_path.glob("empty.db-*"))  # only read


def test_a_backup_from_a_newer_floorwalker_is_refused(tmp_path, capsys):
    db_path, backup = tmp_path / "center.db", tmp_path / "future.db"
    _database(db_path, ["North"])
    _database(backup, ["From the future"])
    with sqlite3.connect(backup) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = _digest(db_path)
    assert main(["db", "restore", str(backup), "--db", str(db_path), "--yes"]) == 2
    assert "newer than this Floorwalker" in capsys.readouterr().err
    with pytest.raises(SchemaTooNew):
        restore_sqlite(Database(str(db_path)), backup)
    assert _digest(db_path) == before and _teams(db_path) == ["North"]


def test_an_older_backup_is_upgraded_after_the_restore(tmp_path):
    db_path, backup = tmp_path / "center.db", tmp_path / "old.db"
    _database(db_path, ["North"])
    shutil.copy(FIXTURES / "schema_0001.db", backup)
    assert check_sqlite_backup(backup).current == "0001"
    untouched = backup.read_bytes()
    db = Database(str(db_path))
    try:
        result = restore_sqlite(db, backup)
        assert (result.backup_revision, result.revision) == ("0001", head_revision())
        assert schema_state(db).up_to_date
    finally:
        db.dispose()
    assert backup.read_bytes() == untouched  # the backup itself is only read
    assert not backup.with_name("old.db-wal").exists()


def test_a_damaged_database_is_replaced_and_its_bytes_kept(tmp_path):
    db_path, backup = tmp_path / "center.db", tmp_path / "good.db"
    _database(backup, ["North"])
    db_path.write_bytes(b"\x00garbage after a disk failure" * 200)
    db = Database(str(db_path))
    try:
        result = restore_sqlite(db, backup)
    finally:
        db.dispose()
    assert _teams(db_path) == ["North"]
    assert result.safety_copy is not None and result.safety_copy.read_bytes().startswith(b"\x00garbage")


def test_restore_asks_first_and_refuses_without_a_terminal(tmp_path, capsys, monkeypatch):
    db_path, backup = tmp_path / "center.db", tmp_path / "backup.db"
    _database(db_path, ["North"])
    assert main(["db", "backup", "--db", str(db_path), str(backup)]) == 0
    _rename_team(db_path, "North", "Current")
    assert main(["db", "restore", str(backup), "--db", str(db_path)]) == 2  # pytest's stdin is no terminal
    assert "add --yes" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["db", "restore", str(backup), "--db", str(db_path)]) == 2
    assert "nothing was changed" in capsys.readouterr().out
    assert _teams(db_path) == ["Current"] and _pre_restore_copies(db_path) == []
    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    assert main(["db", "restore", str(backup), "--db", str(db_path)]) == 0
    assert _teams(db_path) == ["North"]


def test_postgresql_is_restored_with_pg_restore(tmp_path, capsys):
    backup = tmp_path / "backup.db"
    _database(backup, ["North"])
    assert main(["db", "restore", str(backup), "--db", "postgresql://fw@127.0.0.1:1/none", "--yes"]) == 2
    assert "pg_restore" in capsys.readouterr().err


def test_restoring_the_database_onto_itself_is_refused(tmp_path):
    db_path = tmp_path / "center.db"
    _database(db_path, ["North"])
    db = Database(str(db_path))
    try:
        with pytest.raises(Exception, match="the database itself"):
            restore_sqlite(db, db_path)
    finally:
        db.dispose()
    assert _teams(db_path) == ["North"]


def test_check_backup_names_a_non_database(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"PK\x03\x04 a zip file")
    with pytest.raises(NotADatabase):
        check_sqlite_backup(junk)
