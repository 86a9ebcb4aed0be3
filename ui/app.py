"""Starting the console: the QApplication, the database, the main window and the change watcher."""

from __future__ import annotations

import os
import sys
import time
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QTabWidget, QWidget

from app.actor import Actor
from app.changes import Changes
from app.config import APP_NAME, resolve_database_url
from app.jobs.runner import JobRunner
from app.people.center import center_summary
from db.database import Database
from db.errors import DatabaseError
from db.notify import ChangeWatcher
from resources import resource_path
from ui.bus import Bus
from ui.context import ConsoleContext
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

PROCESS_START = time.perf_counter()
# the outcomes JobRunner reports (app/jobs/runner.py), shown in the status bar
JOB_STATES = {"running": QT_TRANSLATE_NOOP("jobs", "running"), "ok": QT_TRANSLATE_NOOP("jobs", "ok"),
              "failed": QT_TRANSLATE_NOOP("jobs", "failed")}
ENV_USER = "FLOORWALKER_USER"
ENV_PASSWORD = "FLOORWALKER_PASSWORD"  # noqa: S105 - the name of a variable, not a password


def create_application(argv: list[str] | None = None, *, language: str | None = None,
                       theme: str | None = None) -> QApplication:
    """The QApplication with its translations and theme: ``language``/``theme`` given, else the
    FLOORWALKER_LANG / FLOORWALKER_THEME variables, else the saved settings; FLOORWALKER_PSEUDO=1
    turns on the pseudo-translation."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setOrganizationName(APP_NAME)
    QApplication.setApplicationName(APP_NAME)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    from ui.settings_dialog import saved_language, saved_theme
    from ui.style import apply_theme

    if os.environ.get("FLOORWALKER_PSEUDO", "") not in ("", "0"):
        language = "pseudo"
    install_translations(app, language or os.environ.get("FLOORWALKER_LANG") or saved_language())
    apply_theme(theme or os.environ.get("FLOORWALKER_THEME") or saved_theme())
    return app


def switch_language(app: QApplication, language: str) -> None:
    """Take out the catalogues :func:`install_translations` put in, then install ``language``'s."""
    for translator in app.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    install_translations(app, language)


def install_translations(app: QApplication, language: str) -> None:
    """Qt's and Floorwalker's catalogues for ``language`` ("system", "en", "zh_CN", "pseudo"), and
    the locale that formats dates, numbers and weekdays."""
    if language == "pseudo":
        from ui.pseudo import pseudo_qm

        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        qm = pseudo_qm()
        translator = QTranslator(app)
        if qm is not None and translator.load(str(qm)):
            app.installTranslator(translator)
        return
    locale = QLocale.system() if language == "system" else QLocale(language)
    QLocale.setDefault(locale)
    if locale.language() == QLocale.Language.English:
        return
    if locale.language() == QLocale.Language.Chinese:
        from ui.style import ensure_cjk_font

        ensure_cjk_font()
    from ui.translations import qm_directory

    ours = qm_directory()
    for directory, prefix in ((str(ours or resource_path("translations")), "floorwalker_"),
                              (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase_")):
        translator = QTranslator(app)
        if translator.load(locale, prefix.rstrip("_"), "_", directory):
            app.installTranslator(translator)


def _tabs_of(page: QWidget | None) -> QTabWidget | None:
    """A workspace's tabs (``page.tabs``), if it has them."""
    tabs = getattr(page, "tabs", None)
    return tabs if isinstance(tabs, QTabWidget) else None


class _WatcherBridge(QObject):
    """Carries the watcher thread's callbacks onto the GUI thread."""

    changed = Signal(object)
    offline = Signal(str)
    online = Signal()
    job_state = Signal(str, str)


class Console:
    """One open console: context, window, and the watcher that hears other desks."""

    def __init__(self, db: Database, *, actor: Actor | None = None, inline_tasks: bool = False,
                 watch: bool = True, run_jobs: bool | None = None) -> None:
        with db.session() as s:
            center = center_summary(s)
        self.bus = Bus()
        self.tasks = TaskRunner(db, inline=inline_tasks)
        self.ctx = ConsoleContext(
            db=db, tasks=self.tasks, bus=self.bus, actor=actor or Actor.local_administrator(),
            timezone=ZoneInfo(center.timezone) if center else ZoneInfo("UTC"),
            center_name=center.name if center else "",
        )
        self.window = self._new_window()
        self._bridge = _WatcherBridge()
        self._bridge.changed.connect(lambda kinds: self.bus.operation_did_execute.emit(
            Changes.from_names(kinds), None))
        self._bridge.offline.connect(lambda msg: self.bus.database_did_change_state.emit(False, msg))
        self._bridge.online.connect(lambda: self.bus.database_did_change_state.emit(True, ""))
        self.watcher: ChangeWatcher | None = None
        if watch:
            self.watcher = ChangeWatcher(
                db, self._bridge.changed.emit,
                on_error=lambda exc: self._bridge.offline.emit(str(exc).strip().splitlines()[0][:160]),
                on_recovered=self._bridge.online.emit,
            )
            self.watcher.start()
        # every console runs the background jobs; the database decides which desk does each slot
        self.jobs: JobRunner | None = None
        if watch if run_jobs is None else run_jobs:
            self._bridge.job_state.connect(self._on_job_state)
            self.jobs = JobRunner(db, on_state=self._bridge.job_state.emit)
            self.jobs.start()

    def _new_window(self) -> MainWindow:
        from ui.workspaces import workspace_specs

        window = MainWindow(self.ctx, workspace_specs())
        window.language_chosen.connect(self._on_window_language_chosen)
        return window

    def _on_window_language_chosen(self, language: str) -> None:
        # after the Settings dialog has returned: the old window is not deleted under its caller
        QTimer.singleShot(0, lambda: self.switch_language(language))

    def switch_language(self, language: str, *, wait_seconds: float = 30.0) -> None:
        """Show the console in ``language`` now: the work in flight finishes in the old window, the
        catalogues change, and a new window opens where the old one was, on the same workspace and
        tab (its pages load again); the old window goes. The database, the sign-in, the jobs and
        the change watcher stay as they are."""
        app = QApplication.instance()
        old = self.window
        deadline = time.monotonic() + wait_seconds
        while self.tasks.busy and time.monotonic() < deadline:  # loads answer the window that asked
            app.processEvents()
            time.sleep(0.01)
        old.save_state()
        old_tabs = _tabs_of(old.current_workspace())
        switch_language(app, language)
        self.window = self._new_window()
        new_tabs = _tabs_of(self.window.current_workspace())
        if old_tabs is not None and new_tabs is not None:
            new_tabs.setCurrentIndex(old_tabs.currentIndex())
        if old.isMaximized():
            self.window.showMaximized()
        elif old.isVisible():
            self.window.setGeometry(old.geometry())  # exactly where it was (a saved geometry may be clamped)
            self.window.show()
        if not old.database_online:  # the banner stays until the database is back
            self.window.set_database_online(False)
        old.hide()
        old.close()
        old.deleteLater()

    def _on_job_state(self, job_id: str, state: str) -> None:
        running = sorted(self.jobs.running_jobs) if self.jobs else []
        text = (QApplication.translate("jobs", "%1 running").replace("%1", ", ".join(running)) if running
                else QApplication.translate("jobs", "idle (last: %1 %2)").replace("%1", job_id)
                .replace("%2", QApplication.translate("jobs", JOB_STATES.get(state, state))))
        self.bus.job_did_change_state.emit(job_id, text)
        if state != "running":
            self.bus.operation_did_execute.emit(Changes.JOBS, None)

    def close(self) -> None:
        if self.jobs is not None:
            self.jobs.stop(wait=False)
        if self.watcher is not None:
            self.watcher.stop()
        self.window.close()
        self.tasks.shutdown()
        self.window.deleteLater()


def startup_error_box(exc: DatabaseError, url: str) -> QMessageBox:
    """The message a user sees when the console cannot open its database (password hidden)."""
    import re

    from ui.errors import user_message

    shown_url = re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)
    box = QMessageBox(QMessageBox.Icon.Critical, QApplication.translate("startup", "Cannot open the database"),
                      f"{user_message(exc)}\n\n{QApplication.translate('errors', exc.hint)}")
    box.setObjectName("startup_error")
    box.setInformativeText(QApplication.translate(
        "startup", "Nothing was changed. Database: %1\nChoose another database with --db, "
        "the FLOORWALKER_DB variable or File ▸ Settings.").replace("%1", shown_url))
    return box


def report_startup_error(exc: DatabaseError, url: str) -> None:
    startup_error_box(exc, url).exec()


def environment_actor(db: Database) -> Actor | None:
    """The user FLOORWALKER_USER / FLOORWALKER_PASSWORD sign in (unattended desks, the self-test);
    None when they are not set. A refused sign-in raises app.security.accounts.SignInError."""
    if not os.environ.get(ENV_USER):
        return None
    from app.security.accounts import authenticate

    with db.session() as s:
        return authenticate(s, os.environ[ENV_USER], os.environ.get(ENV_PASSWORD, "")).actor()


def run_gui(db_url: str | None, *, exit_after_shown: bool = False) -> int:
    from app.bootstrap import open_database

    app = create_application()
    from ui.settings_dialog import saved_database_url

    url = resolve_database_url(db_url, saved_database_url())
    try:
        opened = open_database(url)
    except DatabaseError as exc:
        if exit_after_shown or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            print(f"floorwalker: {exc}\n  {exc.hint}", file=sys.stderr)
        else:
            report_startup_error(exc, url)
        return 2
    if exit_after_shown:
        # benchmark mode measures start-up to the main window; it signs in as the local operator
        actor = Actor.local_administrator()
    elif os.environ.get(ENV_USER):
        # unattended desks (wallboards, automation): credentials from the environment, no dialog
        from app.security.accounts import SignInError

        try:
            actor = environment_actor(opened.db)
        except SignInError as exc:
            print(f"floorwalker: {exc}", file=sys.stderr)
            return 2
    else:
        from ui.security.sign_in import sign_in

        with opened.db.session() as s:
            center = center_summary(s)
        actor = sign_in(opened.db, center.name if center else "")
        if actor is None:
            return 0
    console = Console(opened.db, actor=actor)
    console.window.show()
    if not exit_after_shown and not os.environ.get(ENV_USER):
        QTimer.singleShot(600, console.window.show_guide_if_first_run)  # once the window is on screen
    if exit_after_shown:
        def shown() -> None:
            app.processEvents()
            print(f"shown {time.perf_counter() - PROCESS_START:.4f}", flush=True)
            console.close()
            app.quit()

        QTimer.singleShot(0, shown)
    code = app.exec()
    if not exit_after_shown:
        console.close()
    QSettings().sync()
    return code
