"""Bad database targets: each gets a clear, classified message — from open_database, from the CLI
and from the console's start — and nothing is created or changed."""

from __future__ import annotations

import hashlib
import os
import socket
import stat
import struct
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.bootstrap import open_database
from app.cli import main
from db.errors import (
    AccessDenied,
    BadDatabaseUrl,
    DatabaseError,
    DatabaseMissing,
    DatabaseUnavailable,
    NotADatabase,
    ReadOnlyDatabase,
    SchemaTooNew,
)
from tests.conftest import PG_ADMIN_URL

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PasswordRefusingServer:
    """Speaks just enough of the PostgreSQL wire protocol to ask for a password and refuse it.

    The test server trusts local connections, so a real wrong password cannot be provoked there;
    this stands in for a server with password authentication, answering exactly as PostgreSQL does.
    """

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.passwords: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(5)
                try:
                    self._handle(conn)
                except OSError:
                    pass

    @staticmethod
    def _read(conn: socket.socket, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = conn.recv(n - len(data))
            if not chunk:
                raise OSError("closed")
            data += chunk
        return data

    def _handle(self, conn: socket.socket) -> None:
        while True:  # SSLRequest / GSSENCRequest come first: refuse encryption, await the startup
            length, code = struct.unpack("!ii", self._read(conn, 8))
            self._read(conn, length - 8)
            if code in (80877103, 80877104):
                conn.sendall(b"N")
                continue
            break
        conn.sendall(b"R" + struct.pack("!ii", 8, 3))  # AuthenticationCleartextPassword
        kind = self._read(conn, 1)
        (length,) = struct.unpack("!i", self._read(conn, 4))
        body = self._read(conn, length - 4)
        if kind == b"p":
            self.passwords.append(body.rstrip(b"\0").decode())
        fields = b"".join(tag + value.encode() + b"\0" for tag, value in (
            (b"S", "FATAL"), (b"V", "FATAL"), (b"C", "28P01"),
            (b"M", 'password authentication failed for user "floor"')))
        conn.sendall(b"E" + struct.pack("!i", len(fields) + 5) + fields + b"\0")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@dataclass
class BadTarget:
    url: str
    error: type[DatabaseError]
    message: str  # a phrase the user must see
    unchanged: Callable[[], object]  # a snapshot of what must not change


def _snapshot_file(path: Path) -> Callable[[], object]:
    def snap() -> object:
        if not path.exists():
            return None
        st = path.stat()
        return hashlib.sha256(path.read_bytes()).hexdigest(), stat.S_IMODE(st.st_mode), \
            sorted(p.name for p in path.parent.iterdir())
    return snap


def _pg_names(name: str) -> Callable[[], object]:
    """Whether a database or a role called ``name`` exists (the rest of the shared server is
    other test runs' business: they create and drop databases all the time)."""
    def snap() -> object:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL.replace("+psycopg", ""), autocommit=True) as conn:
            db = conn.execute("SELECT count(*) FROM pg_database WHERE datname = %s", (name,)).fetchone()
            role = conn.execute("SELECT count(*) FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        return db, role
    return snap


@pytest.fixture
def refusing_server() -> Iterator[PasswordRefusingServer]:
    server = PasswordRefusingServer()
    yield server
    server.close()


def _pg_host() -> str:
    return PG_ADMIN_URL.split("@", 1)[1].rsplit("/", 1)[0]


CASES = ["closed_port", "wrong_password", "unknown_role", "unknown_database", "text_file", "read_only_file",
         "missing_folder", "newer_schema", "bad_url"]


@pytest.fixture
def bad_target(request: pytest.FixtureRequest, tmp_path: Path) -> BadTarget:
    case = request.param
    if case == "closed_port":
        port = _free_port()
        return BadTarget(f"postgresql+psycopg://floor@127.0.0.1:{port}/center", DatabaseUnavailable,
                         f"No database server is answering at 127.0.0.1:{port}", lambda: None)
    if case == "wrong_password":
        server = request.getfixturevalue("refusing_server")
        return BadTarget(f"postgresql+psycopg://floor:not-the-password@127.0.0.1:{server.port}/center",
                         AccessDenied, 'refused the password for user "floor"', lambda: None)
    if case in ("unknown_role", "unknown_database"):
        request.getfixturevalue("pg_server")
        name = f"fw_nope_{uuid.uuid4().hex[:8]}"
        if case == "unknown_role":
            return BadTarget(f"postgresql+psycopg://{name}@{_pg_host()}/test", AccessDenied,
                             f'has no user "{name}"', _pg_names(name))
        return BadTarget(f"postgresql+psycopg://postgres@{_pg_host()}/{name}", DatabaseMissing,
                         f'has no database "{name}"', _pg_names(name))
    if case == "text_file":
        path = tmp_path / "notes.db"
        path.write_text("Shift notes: remember the stand-up at 08:30.\n" * 20)
        return BadTarget(str(path), NotADatabase, "is not a database file", _snapshot_file(path))
    if case == "read_only_file":
        path = tmp_path / "readonly.db"
        open_database(str(path)).db.dispose()
        path.chmod(0o444)
        return BadTarget(str(path), ReadOnlyDatabase, "is read-only", _snapshot_file(path))
    if case == "missing_folder":
        path = tmp_path / "no" / "such" / "folder" / "center.db"
        return BadTarget(str(path), DatabaseUnavailable, f"The folder {path.parent} does not exist",
                         lambda: sorted(p.name for p in tmp_path.iterdir()))
    if case == "newer_schema":
        import sqlite3

        path = tmp_path / "newer.db"
        open_database(str(path)).db.dispose()
        conn = sqlite3.connect(path)
        conn.execute("UPDATE alembic_version SET version_num = '9999_newer'")
        conn.commit()
        conn.close()
        return BadTarget(str(path), SchemaTooNew, "newer than this Floorwalker", _snapshot_file(path))
    if case == "bad_url":
        return BadTarget("postgresql+psycopg://floor:secret@127.0.0.1:notaport/center", BadDatabaseUrl,
                         "is not valid", lambda: None)
    raise AssertionError(case)


@pytest.mark.parametrize("bad_target", CASES, indirect=True)
def test_open_database_gives_a_classified_error_and_changes_nothing(bad_target):
    before = bad_target.unchanged()
    with pytest.raises(bad_target.error) as info:
        open_database(bad_target.url)
    assert bad_target.message in str(info.value)
    assert info.value.hint  # and says what to do next
    assert "secret" not in str(info.value) and "not-the-password" not in str(info.value)
    assert bad_target.unchanged() == before
    if "fw_nope_" in bad_target.url:
        assert before == ((0,), (0,))  # and nothing by that name was created


@pytest.mark.parametrize("bad_target", CASES, indirect=True)
def test_cli_db_upgrade_prints_the_message_and_exits_non_zero(bad_target, capsys):
    before = bad_target.unchanged()
    code = main(["db", "upgrade", "--db", bad_target.url])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("floorwalker: ") and bad_target.message in err
    assert "Traceback" not in err + out
    assert bad_target.unchanged() == before


def test_cli_in_a_real_process_has_no_traceback(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database\n")
    result = subprocess.run([sys.executable, "-m", "app", "db", "upgrade", "--db", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONWARNINGS": "default"})
    assert result.returncode == 2
    assert "is not a database file" in result.stderr and "Traceback" not in result.stderr
    assert path.read_text() == "not a database\n"


def test_wrong_password_really_went_to_the_server(refusing_server):
    with pytest.raises(AccessDenied):
        open_database(f"postgresql+psycopg://floor:not-the-password@127.0.0.1:{refusing_server.port}/center")
    assert "not-the-password" in refusing_server.passwords  # the refusal answered a real attempt


@pytest.mark.gui
@pytest.mark.parametrize("bad_target", CASES, indirect=True)
def test_console_start_shows_the_message_box_not_a_traceback(qtbot, bad_target, monkeypatch):
    """The `ui.app.run_gui` start path: a critical message box naming the problem and the fix."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    import ui.app

    seen: dict[str, str] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.update(title=box.windowTitle(), text=box.text(), info=box.informativeText())
            box.close()
        else:
            QTimer.singleShot(20, answer)

    # the start path shows the box whenever a real display is there; offscreen CI runs print instead
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    before = bad_target.unchanged()
    QTimer.singleShot(0, answer)
    assert ui.app.run_gui(bad_target.url) == 2
    assert seen["title"] == "Cannot open the database"
    assert bad_target.message in seen["text"] and "Nothing was changed" in seen["info"]
    assert "secret" not in seen["info"] + seen["text"] and "not-the-password" not in seen["info"] + seen["text"]
    assert bad_target.unchanged() == before


@pytest.mark.gui
def test_headless_start_prints_instead_of_waiting_on_a_dialog(qapp, tmp_path, capsys):
    import ui.app

    missing = tmp_path / "gone" / "center.db"
    assert ui.app.run_gui(str(missing)) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err


def test_the_startup_box_hides_the_password(qapp):
    from ui.app import startup_error_box

    box = startup_error_box(AccessDenied("refused"), "postgresql+psycopg://floor:hunter2@db.example:5432/center")
    assert "hunter2" not in box.informativeText() and "floor:***@db.example" in box.informativeText()
    assert AccessDenied.hint in box.text()
    box.deleteLater()
