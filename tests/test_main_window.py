"""The main window: status bar, Ctrl+1..6, remembered geometry, settings, and the offline banner."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from app.actor import Actor
from app.changes import Changes
from db.errors import DatabaseUnavailable
from tests.windows import open_workspace
from ui.workspace import Workspace

pytestmark = pytest.mark.gui
ADA = Actor("ada", "administrator")


@pytest.fixture
def settings_home(tmp_path: Path, qapp) -> Iterator[Path]:
    """QSettings in a folder of this test's own (Qt caches its paths, so XDG_CONFIG_HOME is not enough)."""
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("Floorwalker")
    QCoreApplication.setApplicationName("Floorwalker")
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()
    yield folder
    QSettings().clear()
    QSettings().sync()
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])


def _workspace_class(n: int) -> type[Workspace]:
    def reload(self: Workspace) -> None:
        self.reloads = getattr(self, "reloads", 0) + 1
        self.mark_loaded()

    return type(f"Page{n}", (Workspace,), {
        "refresh_on": Changes.PEOPLE, "reload": reload,
        "title": staticmethod(lambda: f"Page {n}"), "icon_name": staticmethod(lambda: "admin"),
    })


PAGES = [_workspace_class(n) for n in range(1, 7)]


def _ctx(db, actor=ADA):
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.tasks import TaskRunner

    return ConsoleContext(db=db, tasks=TaskRunner(db, inline=True), bus=Bus(), actor=actor,
                          timezone=ZoneInfo("Asia/Shanghai"), center_name="Test Center")


@pytest.fixture
def make_window(qtbot, sqlite_db, settings_home) -> Callable:
    from ui.main_window import MainWindow

    def make(db=sqlite_db, pages=PAGES, actor=ADA) -> MainWindow:
        window = MainWindow(_ctx(db, actor), pages)
        qtbot.addWidget(window)
        return window

    return make


def _answer_modal(expected: type, answer: Callable, seen: dict) -> None:
    def look() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, expected):
            seen["widget_type"] = type(widget).__name__
            answer(widget)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)


def test_status_bar_shows_database_user_jobs_and_last_refresh(qtbot, make_window, sqlite_db, frozen_clock):
    window = make_window()
    window.show()
    qtbot.waitUntil(lambda: window.workspaces[0].load_count == 1)
    assert window.db_label.text() == f"Database: {sqlite_db.path} (SQLite)"
    assert window.user_label.text() == "Signed in: ada (administrator)"
    assert window.jobs_label.text() == "Jobs: idle"
    assert window.refresh_label.text() == "Last refresh 10:00:00"  # 02:00 UTC in the center's Shanghai
    window.ctx.bus.job_did_change_state.emit("sla_sweep", "sla_sweep running")
    assert window.jobs_label.text() == "Jobs: sla_sweep running"
    frozen_clock.advance(minutes=5)
    window.refresh_current()
    assert window.refresh_label.text() == "Last refresh 10:05:00"


@pytest.mark.postgres
def test_status_bar_names_a_postgres_database_without_its_password(qtbot, make_window, pg_db):
    window = make_window(db=pg_db)
    text = window.db_label.text()
    assert text.startswith("Database: postgres@") and text.endswith(f"/{pg_db.engine.url.database} (PostgreSQL)")
    assert "psycopg" not in text


def test_ctrl_1_to_6_switch_workspaces(qtbot, make_window):
    window = make_window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need the active window
    for n in (3, 6, 1, 5, 2, 4):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{n}"), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == n - 1, f"Ctrl+{n}"
        assert window.sidebar.currentRow() == n - 1
        assert window.workspaces[n - 1].load_count >= 1  # shown pages load themselves


def test_geometry_and_workspace_are_remembered_across_runs(qtbot, make_window):
    first = make_window()
    first.show()
    first.resize(1111, 733)
    first.move(40, 30)
    first.show_workspace(4)
    qtbot.waitUntil(lambda: first.stack.currentIndex() == 4)
    first.close()
    assert QSettings().value("main_window/workspace") == 4
    second = make_window()
    second.show()
    qtbot.waitUntil(lambda: second.stack.currentIndex() == 4)
    # the offscreen screen is 800 px wide, so Qt fits the width to the screen (and the window's
    # 960 px minimum) and moves it left to keep it on screen; height and top are restored as they were
    assert (second.height(), second.y()) == (733, first.y())
    assert second.width() == max(second.minimumWidth(), min(1111, second.screen().availableGeometry().width()))
    QSettings().clear()
    assert make_window().height() != 733  # without the saved geometry a window has its default size


def test_banner_shows_when_the_database_goes_and_hides_when_it_is_back(qtbot, make_window):
    window = make_window()
    window.show()
    page = window.workspaces[0]
    qtbot.waitUntil(lambda: page.load_count == 1)
    window.ctx.bus.database_did_change_state.emit(False, "The connection to the database was lost.")
    assert window.banner.isVisible()
    assert "not reachable" in window.banner.label.text() and "connection to the database was lost" \
        in window.banner.label.text()
    assert window.db_label.text().endswith("— offline") and window._retry_timer.isActive()
    window.ctx.bus.database_did_change_state.emit(False, "still down")  # repeated reports: one banner
    assert window.banner.isVisible()
    window.ctx.bus.database_did_change_state.emit(True, "")
    assert not window.banner.isVisible() and not window._retry_timer.isActive()
    assert page.load_count == 2  # back online: what was on screen is refreshed once
    window.ctx.bus.database_did_change_state.emit(True, "")
    assert page.load_count == 2


def test_retry_now_checks_the_database_and_clears_the_banner(qtbot, make_window):
    window = make_window()
    window.show()
    window.set_database_online(False, "lost")
    qtbot.mouseClick(window.banner.retry, Qt.MouseButton.LeftButton)  # inline tasks: the check ran
    assert not window.banner.isVisible() and window.database_online


def test_failed_task_on_an_unreachable_database_shows_the_retry_message_not_a_crash(qtbot, make_window):
    window = make_window()
    window.show()
    seen: dict = {}

    def read_and_close(box: QMessageBox) -> None:
        seen.update(title=box.windowTitle(), text=box.text())
        box.close()

    _answer_modal(QMessageBox, read_and_close, seen)

    def fail(_s: object) -> None:
        raise DatabaseUnavailable("The connection to the database was lost.")

    window.ctx.tasks.query(fail).run()  # no failure handler: the standard dialog
    qtbot.waitUntil(lambda: "title" in seen)
    assert seen["title"] == "Database not reachable" and "unsaved changes are kept" in seen["text"]
    assert window.banner.isVisible()


def test_a_bug_in_a_task_shows_the_crash_dialog_with_details(qtbot, make_window):
    from ui.errors import CrashDialog

    window = make_window()
    seen: dict = {}
    _answer_modal(CrashDialog, lambda d: d.reject(), seen)

    def bug(_s: object) -> None:
        raise KeyError("oops")

    window.ctx.tasks.query(bug).run()
    qtbot.waitUntil(lambda: "widget_type" in seen)
    assert seen["widget_type"] == "CrashDialog" and not window.banner.isVisible()


# --- settings -----------------------------------------------------------------------------------
def test_settings_persist_in_qsettings(qtbot, settings_home, tmp_path):
    from ui.settings_dialog import SettingsDialog, saved_database_url, saved_language, saved_theme

    dialog = SettingsDialog("now.db")
    qtbot.addWidget(dialog)
    target = tmp_path / "center.db"
    dialog.url_edit.setText(f"  {target}  ")
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialog.database_changed and dialog.language_changed
    assert (saved_database_url(), saved_language(), saved_theme()) == (str(target), "zh_CN", "dark")
    assert QApplication.palette().window().color().name() == "#202327"  # the theme applies at once
    again = SettingsDialog("now.db")  # a new dialog starts from what was saved
    qtbot.addWidget(again)
    assert (again.url_edit.text(), again.language.currentData(), again.theme.currentData()) == \
        (str(target), "zh_CN", "dark")
    again.theme.setCurrentIndex(again.theme.findData("light"))
    assert again.save() and not again.database_changed and not again.language_changed  # only the theme
    assert QApplication.palette().window().color().name() == "#f4f5f7"


@pytest.mark.parametrize(("url", "message"), [
    ("mysql://root@db/center", "not mysql://"),
    ("postgresql+psycopg://floor@db:port/center", "port"),
    ("postgresql+psycopg://floor@db.example:5432/", "Add the database name"),
    ("postgresql+psycopg:///center", "Add the server name"),
    ("/no/such/folder/center.db", "does not exist"),
])
def test_settings_refuse_an_unusable_database_address_and_keep_the_old_one(qtbot, settings_home, url, message):
    from ui.settings_dialog import SettingsDialog, saved_database_url

    QSettings().setValue("database/url", "/srv/old.db")
    dialog = SettingsDialog("now.db")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.url_edit.setText(url)
    assert not dialog.save()
    assert dialog.isVisible() and dialog.error.isVisible() and message in dialog.error.text()
    assert saved_database_url() == "/srv/old.db"
    dialog.url_edit.setText("postgresql+psycopg://floor@db.example:5432/center")  # typing clears the message
    assert not dialog.error.isVisible()
    assert dialog.save() and saved_database_url() == "postgresql+psycopg://floor@db.example:5432/center"


def test_a_folder_is_not_a_database_file(qtbot, settings_home, tmp_path):
    from ui.settings_dialog import database_url_problem

    assert "is a folder" in database_url_problem(str(tmp_path))
    assert database_url_problem("") == ""  # the default local file
    assert database_url_problem(str(tmp_path / "new.db")) == ""


# --- the PostgreSQL database goes away while the console is open ----------------------------------
@pytest.mark.postgres
def test_console_survives_the_database_going_away_and_coming_back(qtbot, pg_db, settings_home, monkeypatch):
    import ui.workspaces
    from tests.test_notify import bring_database_back, take_database_down
    from ui.admin.workspace import AdminWorkspace
    from ui.app import Console

    monkeypatch.setattr(ui.workspaces, "workspace_specs", lambda: [AdminWorkspace])
    console = Console(pg_db, actor=ADA, inline_tasks=True, watch=True, run_jobs=False)
    window = console.window
    try:
        assert console.watcher is not None
        console.watcher.retry_seconds = 0.2
        window.show()
        qtbot.waitUntil(lambda: window.workspaces[0].load_count >= 1)
        deadline = time.monotonic() + 5
        while console.watcher._seq is None and time.monotonic() < deadline:
            qtbot.wait(10)
        try:
            take_database_down(pg_db.url)
            # the watcher notices, and the bus carries it to the banner
            qtbot.waitUntil(window.banner.isVisible, timeout=5000)
            assert "not reachable" in window.banner.label.text()
            assert window.db_label.text().endswith("— offline")
            seen: dict = {}

            def read_and_close(box: QMessageBox) -> None:
                seen.update(title=box.windowTitle(), text=box.text())
                box.close()

            _answer_modal(QMessageBox, read_and_close, seen)
            console.tasks.query(lambda s: s.execute(select(1)).scalar()).run()  # work while offline
            qtbot.waitUntil(lambda: "title" in seen, timeout=5000)
            assert seen["title"] == "Database not reachable"  # a message, not the crash dialog
        finally:
            bring_database_back(pg_db.url)
        qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=8000)
        assert window.database_online and not window.db_label.text().endswith("— offline")
        loads = window.workspaces[0].load_count
        window.refresh_current()
        assert window.workspaces[0].load_count == loads + 1 and window.workspaces[0].last_error is None
    finally:
        console.close()


@pytest.mark.gui
def test_the_window_builds_the_shown_workspace_first_and_the_others_once_it_is_on_screen(qtbot, sqlite_db,
                                                                                        settings_home):
    from ui.app import Console
    from ui.live.workspace import LiveWorkspace
    from ui.workspaces import workspace_specs

    console = Console(sqlite_db, actor=ADA, inline_tasks=True, watch=False, run_jobs=False)
    window = console.window
    try:
        built = [p is not None for p in window._pages]
        assert built == [True] + [False] * (len(workspace_specs()) - 1)  # only Live, the page shown first
        assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == [
            s.title() for s in workspace_specs()]
        window.show()
        qtbot.waitUntil(lambda: all(p is not None for p in window._pages))  # the rest, after the first paint
        assert isinstance(window.workspaces[0], LiveWorkspace) and window.current_workspace() is window.workspaces[0]
        window.show_workspace(4)
        assert window.current_workspace() is window.workspaces[4]
    finally:
        console.close()


@pytest.mark.gui
def test_a_small_window_scrolls_the_workspace_instead_of_squeezing_it(qtbot, sqlite_db, settings_home):
    """At the window's minimum (960 x 600, a small laptop screen) the page keeps PAGE_MIN and the
    scroll bars appear; in a large window it fills the room and no scroll bar shows."""
    from ui.app import Console
    from ui.main_window import PAGE_MIN, PageScroller

    console = Console(sqlite_db, actor=ADA, inline_tasks=True, watch=False, run_jobs=False)
    window = console.window
    try:
        window.show()
        qtbot.waitExposed(window)
        page = window.current_workspace()
        scroller = window.stack.currentWidget()
        assert isinstance(scroller, PageScroller) and scroller.widget() is page

        window.resize(window.minimumSize())
        qtbot.waitUntil(lambda: scroller.width() < PAGE_MIN.width())
        QApplication.processEvents()
        assert page.width() >= PAGE_MIN.width() and page.height() >= PAGE_MIN.height()
        assert page.width() >= page.minimumSizeHint().width()
        assert scroller.horizontalScrollBar().isVisible() and scroller.verticalScrollBar().isVisible()

        window.resize(1600, 1000)
        qtbot.waitUntil(lambda: scroller.width() > PAGE_MIN.width())
        QApplication.processEvents()
        assert page.size() == scroller.viewport().size()
        assert not scroller.horizontalScrollBar().isVisible() and not scroller.verticalScrollBar().isVisible()
    finally:
        console.close()


@pytest.mark.gui
def test_a_new_language_shows_at_once_on_the_same_workspace_and_tab(qtbot, sqlite_db, settings_home):
    """Settings ▸ Language: the console is rebuilt in the new language where the user was (no
    restart); the old window is gone and nothing it left connected answers the bus any more."""
    from PySide6.QtCore import QLocale
    from shiboken6 import isValid

    from app.changes import Changes
    from ui.app import Console
    from ui.schedule.workspace import ScheduleWorkspace
    from ui.translations import lrelease

    if lrelease() is None:
        pytest.skip("pyside6-lrelease is not installed")
    locale, font = QLocale(), QApplication.font()
    console = Console(sqlite_db, actor=ADA, inline_tasks=True, watch=False, run_jobs=False)
    try:
        old = console.window
        old.show()
        index, _page = open_workspace(old, ScheduleWorkspace)
        old.current_workspace().tabs.setCurrentIndex(1)  # Forecast
        assert old.sidebar.item(index).text() == "Schedule"

        old.language_chosen.emit("zh_CN")  # what Settings does when a new language is saved
        qtbot.waitUntil(lambda: console.window is not old)
        window = console.window
        qtbot.waitUntil(lambda: not isValid(old))  # deleted, not just hidden
        assert window.isVisible()
        assert window.sidebar.item(index).text() == "排班"
        assert window.current_workspace() is window.workspaces[index]
        assert window.current_workspace().tabs.currentIndex() == 1
        assert QLocale().language() == QLocale.Language.Chinese

        # the bus outlives the old window: a change everywhere reaches only the new one
        console.bus.operation_did_execute.emit(Changes.ALL, None)
        console.bus.entity_open_requested.emit("week", "2026-11-23")
        QApplication.processEvents()
        assert window.current_workspace() is window.workspaces[index]

        console.switch_language("en")
        assert console.window.sidebar.item(index).text() == "Schedule"
    finally:
        console.close()
        QApplication.processEvents()
        QLocale.setDefault(locale)
        QApplication.setFont(font)
