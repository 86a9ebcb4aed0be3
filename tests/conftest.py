"""Shared fixtures: offscreen Qt, a fresh database per test (SQLite file or real PostgreSQL),
an injectable clock, and a check that no test leaves Qt work running."""

from __future__ import annotations

import gc
import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")

import pytest  # noqa: E402

from app import clock  # noqa: E402
from app.bootstrap import open_database  # noqa: E402
from db.database import Database  # noqa: E402
from tests.languages import console_language  # noqa: E402

PG_ADMIN_URL = os.environ.get("FLOORWALKER_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test gets its own data folder, key file and QSettings, and the real clock back after."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FLOORWALKER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("FLOORWALKER_DB", raising=False)
    monkeypatch.delenv("FLOORWALKER_KEY_FILE", raising=False)
    # Qt caches its settings folder per process, so XDG_CONFIG_HOME alone does not separate tests
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / "settings"))
    yield
    clock.reset_clock()


@pytest.fixture
def frozen_clock() -> Iterator[clock.FrozenClock]:
    fc = clock.FrozenClock(datetime(2026, 11, 18, 2, 0, tzinfo=UTC))  # Wed 10:00 in Shanghai
    clock.set_clock(fc)
    yield fc
    clock.reset_clock()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    opened = open_database(str(tmp_path / "test.db"))
    yield opened.db
    opened.db.dispose()


def _pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL.replace("+psycopg", ""), connect_timeout=3):
            return True
    except Exception:  # noqa: BLE001
        return False


@pytest.fixture(scope="session")
def pg_server() -> str:
    if not _pg_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but not reachable at {PG_ADMIN_URL}")
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL}")
    return PG_ADMIN_URL


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A freshly created, empty PostgreSQL database for this test, dropped afterwards."""
    import psycopg

    name = f"fw_test_{uuid.uuid4().hex[:12]}"
    admin = pg_server.replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = pg_server.rsplit("/", 1)[0] + f"/{name}"
    yield url
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    opened = open_database(pg_url)
    yield opened.db
    opened.db.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def any_db(request: pytest.FixtureRequest) -> Database:
    """Runs the test on both engines: one schema, one code path."""
    return request.getfixturevalue("sqlite_db" if request.param == "sqlite" else "pg_db")


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["floorwalker-tests"]


def _graphics_views(application) -> bool:
    """Whether any pyqtgraph view exists (only when pyqtgraph is loaded)."""
    import sys

    pg = sys.modules.get("pyqtgraph")
    return pg is not None and any(isinstance(w, pg.GraphicsView) for w in application.allWidgets())


@pytest.fixture(autouse=True)
def _no_leftover_qt_work(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a GUI test that leaves top-level windows or pool threads running (napari's check)."""
    yield
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        return
    from PySide6.QtCore import QCoreApplication, QThreadPool
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance()
    if app is None:
        return
    if not QThreadPool.globalInstance().waitForDone(5000):
        pytest.fail("a test left work running on the global thread pool")
    leftovers = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in leftovers:
        widget.close()
        widget.deleteLater()
    app.processEvents()
    # the windows the test dropped (a closed console's, in reference cycles through their signal
    # connections) go now, on the GUI thread, after the answers still queued for them: left to the
    # garbage collector they die on whichever thread collects next, a later test's query worker,
    # where Qt cannot start the timers that handing on the focus needs
    # pyqtgraph's views too: a scene collected on a worker thread left a later test's view painting
    # a destroyed scene (a segmentation fault in GraphicsView.paintEvent, once in CI)
    if any(isinstance(w, QMainWindow) for w in QApplication.topLevelWidgets()) or _graphics_views(QApplication):
        QCoreApplication.sendPostedEvents()  # (a full collection costs: only after such tests)
        gc.collect()
    if leftovers:
        names = ", ".join(type(w).__name__ for w in leftovers)
        pytest.fail(f"a test left visible top-level widgets: {names}")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A small demo center (8 agents, one week), built once per test module, for screens to show."""
    from app.demo.builder import DemoOptions, build_demo

    folder = tmp_path_factory.mktemp("demo")
    url = str(folder / "demo.db")
    build_demo(url, DemoOptions(seed=7, agents=8, weeks=1, recordings_dir=folder / "rec"))
    opened = open_database(url)
    yield opened.db
    opened.db.dispose()


@pytest.fixture
def chinese(qapp):
    """The console in Chinese for one test."""
    with console_language(qapp, "zh_CN") as added:
        yield added
