"""Desks hear each other: PostgreSQL LISTEN/NOTIFY, SQLite polling, losing and regaining the server."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.engine import make_url

from app.actor import Actor
from app.admin.rules import get_rule, update_rule
from app.changes import Changes, record
from db.database import Database
from db.errors import DatabaseUnavailable
from db.notify import ChangeWatcher
from tests.conftest import PG_ADMIN_URL

ROOT = Path(__file__).resolve().parents[1]
ADA = Actor("ada", "administrator")


class Heard:
    """Collects what a watcher reports, with the time it arrived, thread-safely."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.changes: list[tuple[float, set[str]]] = []
        self.errors: list[BaseException] = []
        self.recoveries = 0
        self.changed = threading.Event()
        self.failed = threading.Event()
        self.recovered = threading.Event()

    def on_changes(self, kinds: set[str]) -> None:
        with self.lock:
            self.changes.append((time.time(), set(kinds)))
        self.changed.set()

    def on_error(self, exc: BaseException) -> None:
        self.errors.append(exc)
        self.failed.set()

    def on_recovered(self) -> None:
        self.recoveries += 1
        self.recovered.set()

    def kinds(self) -> set[str]:
        with self.lock:
            return set().union(*(k for _t, k in self.changes)) if self.changes else set()


@pytest.fixture
def start_watcher() -> Iterator:
    watchers: list[ChangeWatcher] = []

    def start(db: Database, heard: Heard, **kwargs: object) -> ChangeWatcher:
        w = ChangeWatcher(db, heard.on_changes, on_error=heard.on_error, on_recovered=heard.on_recovered,
                          **kwargs)  # type: ignore[arg-type]
        w.start()
        watchers.append(w)
        # ready once it has read the current high-water mark (and, on PostgreSQL, is LISTENing)
        deadline = time.monotonic() + 10
        while w._seq is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert w._seq is not None, "the watcher did not start"
        return w

    yield start
    for w in watchers:
        w.stop()


def _as_desk(db: Database, desk: str, kinds: Changes) -> None:
    """A unit of work that speaks for another desk (a second console in the same test process)."""
    with db.session() as s:
        s.info["desk"] = desk
        record(s, kinds)


OTHER_DESK = """
import sys, time
from app.actor import Actor
from app.admin.rules import get_rule, update_rule
from db.database import Database
db = Database(sys.argv[1])
with db.session() as s:
    version = get_rule(s, "R-SLA-3").version
print("ready", flush=True)
sys.stdin.readline()
with db.session() as s:
    update_rule(s, Actor("bob", "administrator"), "R-SLA-3", "20", version)
print(f"{time.time():.6f}", flush=True)
db.dispose()
"""


def _change_from_another_process(url: str, heard: Heard, timeout: float) -> float:
    """Run a real second desk (another process), let it commit, return how long until we heard it."""
    with subprocess.Popen([sys.executable, "-c", OTHER_DESK, url], cwd=ROOT, stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stdout is not None and proc.stdin is not None and proc.stderr is not None
            assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
            heard.changed.clear()
            proc.stdin.write("go\n")
            proc.stdin.flush()
            committed_at = float(proc.stdout.readline())
            assert heard.changed.wait(timeout), "the other desk's change was never heard"
            with heard.lock:
                heard_at = heard.changes[-1][0]
            proc.stdin.close()
            assert proc.wait(10) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
    return heard_at - committed_at


@pytest.mark.postgres
def test_postgres_desk_hears_another_process_commit_within_a_second(pg_db, start_watcher):
    heard = Heard()
    start_watcher(pg_db, heard)
    latency = _change_from_another_process(pg_db.url, heard, timeout=5)
    assert heard.kinds() == {"SETTINGS", "AUDIT"}
    assert latency < 0.5, f"LISTEN/NOTIFY latency {latency:.3f} s"
    with pg_db.session() as s:
        assert get_rule(s, "R-SLA-3").value == 20


def test_sqlite_desk_hears_another_process_within_two_poll_periods(sqlite_db, start_watcher):
    heard = Heard()
    poll = 0.25
    start_watcher(sqlite_db, heard, poll_seconds=poll)
    latency = _change_from_another_process(str(sqlite_db.path), heard, timeout=5)
    assert heard.kinds() == {"SETTINGS", "AUDIT"}
    assert latency < 2 * poll + 0.15, f"polling latency {latency:.3f} s with a {poll} s period"


@pytest.mark.parametrize("engine", ["sqlite", "postgres"])
def test_own_changes_are_not_reported_back_but_other_desks_are(request, engine, start_watcher):
    db = request.getfixturevalue("sqlite_db" if engine == "sqlite" else "pg_db")
    heard = Heard()
    start_watcher(db, heard, poll_seconds=0.1)  # this desk: DESK_ID of this process
    with db.session() as s:  # this desk saves: it announced that itself on its own bus
        update_rule(s, ADA, "R-SLA-3", "10", get_rule(s, "R-SLA-3").version)
    _as_desk(db, "desk-elsewhere", Changes.QUEUES)  # then another desk saves
    assert heard.changed.wait(3)
    time.sleep(0.3)  # room for a wrong report of our own change to arrive too
    assert heard.kinds() == {"QUEUES"}


@pytest.mark.parametrize("engine", ["sqlite", "postgres"])
def test_a_rolled_back_transaction_is_never_announced(request, engine, start_watcher):
    db = request.getfixturevalue("sqlite_db" if engine == "sqlite" else "pg_db")
    heard = Heard()
    start_watcher(db, heard, desk="desk-listening", poll_seconds=0.1)
    with pytest.raises(RuntimeError), db.session() as s:
        update_rule(s, ADA, "R-SLA-3", "10", get_rule(s, "R-SLA-3").version)  # logs SETTINGS, AUDIT ...
        raise RuntimeError("... then the unit of work fails")
    _as_desk(db, "desk-elsewhere", Changes.QUEUES)  # a committed change after it
    assert heard.changed.wait(3)
    time.sleep(0.3)
    assert heard.kinds() == {"QUEUES"}  # never SETTINGS: that transaction did not happen
    with db.session() as s:
        assert get_rule(s, "R-SLA-3").value == 15


def _admin(statement: object, params: tuple = ()) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(statement, params)  # type: ignore[arg-type]


def _allow_connections(url: str, allow: bool) -> None:
    from psycopg import sql

    _admin(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS {}").format(
        sql.Identifier(make_url(url).database), sql.SQL("true" if allow else "false")))


def take_database_down(url: str) -> None:
    """What an outage looks like from a desk: every connection cut, and no new ones accepted."""
    _allow_connections(url, False)
    _admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
           "AND pid <> pg_backend_pid()", (make_url(url).database,))


def bring_database_back(url: str) -> None:
    _allow_connections(url, True)


@pytest.mark.postgres
def test_watcher_reports_a_terminated_database_and_recovers_when_it_is_back(pg_db, start_watcher):
    heard = Heard()
    watcher = start_watcher(pg_db, heard, desk="desk-listening", retry_seconds=0.2)
    try:
        take_database_down(pg_db.url)
        assert heard.failed.wait(5), "the watcher did not notice the database going away"
        assert isinstance(heard.errors[0], DatabaseUnavailable)
        assert "lost" in str(heard.errors[0]) or "not accepting" in str(heard.errors[0])
        time.sleep(0.6)  # several failed retries in a row ...
        assert len(heard.errors) == 1  # ... are one outage, reported once
        assert watcher.running and watcher.failing
    finally:
        bring_database_back(pg_db.url)
    assert heard.recovered.wait(5), "the watcher did not recover"
    assert not watcher.failing
    _as_desk(pg_db, "desk-elsewhere", Changes.COMPLAINTS)  # and it is LISTENing again
    assert heard.changed.wait(3) and "COMPLAINTS" in heard.kinds()


# --- the bus and a workspace --------------------------------------------------------------------
def _admin_page(qtbot, db: Database):
    from ui.admin.workspace import AdminWorkspace
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.tasks import TaskRunner

    ctx = ConsoleContext(db=db, tasks=TaskRunner(db, inline=True), bus=Bus(), actor=ADA,
                         timezone=ZoneInfo("Asia/Shanghai"))
    page = AdminWorkspace(ctx)
    qtbot.addWidget(page)
    return page


@pytest.mark.gui
def test_workspace_refreshes_on_another_desks_change_and_defers_while_hidden(qtbot, sqlite_db):
    page = _admin_page(qtbot, sqlite_db)
    page.show()
    qtbot.waitUntil(lambda: page.load_count == 1)
    bus = page.ctx.bus
    bus.operation_did_execute.emit(Changes.SETTINGS, None)  # initiator None: another desk
    assert page.load_count == 2
    bus.operation_did_execute.emit(Changes.SCHEDULE, None)  # nothing the Admin page shows
    assert page.load_count == 2
    page.hide()
    bus.operation_did_execute.emit(Changes.PEOPLE, None)
    bus.operation_did_execute.emit(Changes.QUEUES, None)
    assert page.load_count == 2  # hidden: only remembered
    page.show()
    qtbot.waitUntil(lambda: page.load_count == 3)  # one reload for both, when seen again
    qtbot.wait(50)
    assert page.load_count == 3


@pytest.mark.gui
def test_a_change_from_another_desk_reaches_the_open_admin_page_through_the_watcher(qtbot, sqlite_db, monkeypatch):
    """End to end: other desk commits → change log → watcher thread → queued signal → bus → reload."""
    import ui.workspaces
    from ui.admin.workspace import AdminWorkspace
    from ui.app import Console

    monkeypatch.setattr(ui.workspaces, "workspace_specs", lambda: [AdminWorkspace])
    console = Console(sqlite_db, actor=ADA, inline_tasks=True, watch=True, run_jobs=False)
    try:
        assert console.watcher is not None
        console.watcher.poll_seconds = 0.1
        window = console.window
        window.show()
        page = window.workspaces[0]
        qtbot.waitUntil(lambda: page.load_count >= 1)
        other = Database(str(sqlite_db.path))
        try:
            with other.session() as s:
                s.info["desk"] = "desk-2"
                update_rule(s, Actor("bob", "administrator"), "R-SLA-3", "25", get_rule(s, "R-SLA-3").version)
        finally:
            other.dispose()
        rules = page.rules_model
        qtbot.waitUntil(lambda: any(r.key == "R-SLA-3" and r.value == 25 for r in rules.rows()), timeout=5000)
    finally:
        console.close()
