"""The console's main window: sidebar of workspaces, a banner for database trouble, a status bar."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QLocale,
    QObject,
    QSettings,
    QSize,
    Qt,
    QThread,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__, clock
from app.changes import Changes
from db.errors import DatabaseUnavailable, classify
from ui.context import ConsoleContext
from ui.errors import role_name, show_error
from ui.widgets.icons import icon
from ui.widgets.labels import ElidedLabel
from ui.widgets.windows import bring_to_front
from ui.workspace import Workspace
from ui.workspaces import WorkspaceSpec

RETRY_SECONDS = 5
GUIDE_SETTING = "ui/guide_shown"
# the least room a workspace is laid out in: in a smaller window (a laptop's 1024 x 600, the window
# at its 960 x 600 minimum) the page scrolls instead of squeezing its charts, tables and captions
PAGE_MIN = QSize(1000, 640)
__all__ = ["GUIDE_SETTING", "PAGE_MIN", "Banner", "MainWindow", "PageScroller", "icon"]


def _typable(seq: QKeySequence) -> bool:
    """A key one types: with a modifier, or a function key (not a media key such as "Refresh")."""
    combo = seq[0]
    if combo.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        return True
    return Qt.Key.Key_F1.value <= combo.key().value <= Qt.Key.Key_F35.value


class Banner(QWidget):
    """A strip across the top for conditions the user must know about (database offline)."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        # a plain QWidget paints its style-sheet background only when asked to
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 12, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label, 1)
        self.retry = QPushButton(self.tr("Retry now"))
        self.retry.setObjectName("banner_retry")
        self.retry.clicked.connect(self.retry_requested)
        layout.addWidget(self.retry)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()


class PageScroller(QScrollArea):
    """Holds one workspace: the page fills the window, yet is never laid out smaller than
    PAGE_MIN or than its own layout's minimum (a longer language may need more); below that the
    scroll bars appear."""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_scroller")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)  # sized by fit(): the viewport, at least the minimum
        self.page = page  # (before setWidget: the event filter below sees the page from then on)
        self.setWidget(page)

    def fit(self) -> None:
        self.page.resize(self.viewport().size().expandedTo(PAGE_MIN).expandedTo(self.page.minimumSizeHint()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # (QScrollArea watches its widget) the page's layout changed, e.g. captions wrapped once the
        # figures came in: fit again once that layout is done
        # (only on the GUI thread: a window Python drops outside the event loop may be destroyed by
        # the garbage collector on a worker thread, and no timer can start there)
        if watched is self.page and event.type() == QEvent.Type.LayoutRequest \
                and QThread.currentThread() is self.thread():
            QTimer.singleShot(0, self, self.fit)
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.page.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, 0)  # the window's minimum rules; the page scrolls below its own


class MainWindow(QMainWindow):
    language_chosen = Signal(str)  # Settings saved a new language ("system", "en", "zh_CN", "pseudo")

    def __init__(self, ctx: ConsoleContext, workspace_classes: Sequence[type[Workspace] | WorkspaceSpec]) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Floorwalker") + (f" — {ctx.center_name}" if ctx.center_name else ""))
        self.setWindowIcon(icon("floorwalker"))
        self.resize(1360, 860)
        self.setMinimumSize(QSize(960, 600))

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = Banner(central)
        self.banner.retry_requested.connect(self._on_banner_retry_requested)
        outer.addWidget(self.banner)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        outer.addLayout(body, 1)

        self.sidebar = QListWidget(central)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setFixedWidth(168)
        self.stack = QStackedWidget(central)
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # a workspace is a class (built now) or a WorkspaceSpec (imported and built when first shown,
        # the rest once the window is on screen): the window appears without building all six
        self._kinds = list(workspace_classes)
        self._pages: list[Workspace | None] = []
        for index, kind in enumerate(self._kinds):
            self._pages.append(None)
            self.stack.addWidget(QWidget(self.stack))  # stands in until the workspace is built
            if isinstance(kind, type):
                self._build_page(index)
            item = QListWidgetItem(icon(kind.icon_name()), kind.title())
            item.setToolTip(f"{kind.title()} (Ctrl+{index + 1})")  # notr
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._on_sidebar_current_row_changed)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_sidebar()

        self.palette = None
        self.help_window = None
        self.shortcut_sheet = None
        self.guide = None
        self.database_online = True
        self.last_refresh: datetime | None = None
        self._retry_running = False
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_SECONDS * 1000)
        self._retry_timer.timeout.connect(self._on_banner_retry_requested)
        self._build_menus()
        self._build_status_bar()
        ctx.tasks.task_did_fail.connect(self._on_tasks_task_did_fail)
        ctx.bus.database_did_change_state.connect(self._on_bus_database_did_change_state)
        ctx.bus.job_did_change_state.connect(self._on_bus_job_did_change_state)
        from ui.notifications.bell import install as install_bell

        self.bell = install_bell(self, ctx)
        from ui.style import theme_signals

        theme_signals().changed.connect(self._on_theme_changed)
        self._restore_geometry()

    # --- construction -------------------------------------------------------------------
    def _fit_sidebar(self) -> None:
        """Wide enough for the longest workspace name in this language (168-260 px)."""
        font = self.sidebar.font()
        font.setPixelSize(14)  # the style sheet's size for the sidebar
        metrics = QFontMetrics(font)
        text = max((metrics.horizontalAdvance(self.sidebar.item(i).text()) for i in range(self.sidebar.count())),
                   default=0)
        # icon 22 + gap 8 + item padding 2 × 12 + item margins 2 × 8 + frame and slack 14
        self.sidebar.setFixedWidth(min(260, max(168, text + 22 + 8 + 24 + 16 + 14)))

    def _build_page(self, index: int) -> Workspace:
        page = self._pages[index]
        if page is not None:
            return page
        kind = self._kinds[index]
        cls = kind if isinstance(kind, type) else kind.load()
        page = cls(self.ctx, self.stack)
        page.did_load.connect(self._on_workspace_did_load)
        page.did_fail.connect(self._on_workspace_did_fail)
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, PageScroller(page, self.stack))
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._pages[index] = page
        if current == index:
            self.stack.setCurrentIndex(index)
        return page

    @property
    def workspaces(self) -> list[Workspace]:
        """Every workspace, built (those not built yet are built now)."""
        return [self._build_page(i) for i in range(len(self._pages))]

    def _build_remaining(self) -> None:
        """Build the next workspace not built yet, one per turn of the event loop."""
        for index, page in enumerate(self._pages):
            if page is None:
                self._build_page(index)
                QTimer.singleShot(0, self._build_remaining)
                return

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if any(p is None for p in self._pages):
            QTimer.singleShot(0, self._build_remaining)

    def _build_menus(self) -> None:
        def action(text: str, icon_name: str, slot, *keys: QKeySequence | QKeySequence.StandardKey) -> QAction:
            a = QAction(icon(icon_name), text, self)
            sequences: list[QKeySequence] = []
            for k in keys:
                for seq in (QKeySequence.keyBindings(k) if isinstance(k, QKeySequence.StandardKey) else [k]):
                    # a platform's standard keys may add media keys ("Refresh", "Help"): keyboards have F5/F1
                    if not seq.isEmpty() and seq not in sequences and _typable(seq):
                        sequences.append(seq)
            a.setShortcuts(sequences)
            a.triggered.connect(slot)
            self.addAction(a)  # the keys work wherever the focus is in the window
            return a

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(action(self.tr("&Settings…"), "settings", self.open_settings,
                                   QKeySequence.StandardKey.Preferences, QKeySequence("Ctrl+,")))
        file_menu.addAction(action(self.tr("&Refresh"), "refresh", self.refresh_current,
                                   QKeySequence("F5"), QKeySequence.StandardKey.Refresh))
        file_menu.addSeparator()
        file_menu.addAction(action(self.tr("&Quit"), "quit", self.close, QKeySequence.StandardKey.Quit,
                                   QKeySequence("Ctrl+Q")))

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.palette_action = action(self.tr("Command palette…"), "search", self.open_palette, QKeySequence("Ctrl+K"))
        self.palette_action.setToolTip(self.tr("Jump to a workspace, tab, action, agent, complaint or week (Ctrl+K)"))
        view_menu.addAction(self.palette_action)
        view_menu.addSeparator()
        for index, kind in enumerate(self._kinds):
            view_menu.addAction(action(kind.title(), kind.icon_name(), lambda _=False, i=index: self.show_workspace(i),
                                       QKeySequence(f"Ctrl+{index + 1}")))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_action = action(self.tr("Help for this workspace"), "help", self.open_help,
                                  QKeySequence.StandardKey.HelpContents, QKeySequence("F1"))
        help_menu.addAction(self.help_action)
        self.shortcuts_action = action(self.tr("Keyboard shortcuts"), "keyboard", self.open_shortcuts,
                                       QKeySequence("Ctrl+/"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(action(self.tr("Getting started guide"), "guide", self.show_guide))
        help_menu.addSeparator()
        about = QAction(icon("floorwalker"), self.tr("&About Floorwalker"), self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        # a long path or URL is cut in the middle (both ends stay readable) in a narrow window
        self.db_label = ElidedLabel(mode=Qt.TextElideMode.ElideMiddle, tooltip=self.ctx.db.display_url)
        self.db_label.setObjectName("status_db")
        self.user_label = QLabel(self.tr("Signed in: %1 (%2)").replace("%1", self.ctx.actor.username)
                                 .replace("%2", role_name(self.ctx.actor.role)))
        self.user_label.setObjectName("status_user")
        self.jobs_label = QLabel(self.tr("Jobs: idle"))
        self.jobs_label.setObjectName("status_jobs")
        self.refresh_label = QLabel(self.tr("Not yet refreshed"))
        self.refresh_label.setObjectName("status_refresh")
        for label in (self.db_label, self.user_label, self.jobs_label, self.refresh_label):
            bar.addPermanentWidget(label)
        self._show_database_state()

    def database_text(self) -> str:
        """Where the data comes from, as a user would say it (no password, no driver prefix)."""
        db = self.ctx.db
        if db.is_sqlite:
            return self.tr("%1 (SQLite)").replace("%1", str(db.path) if db.path else ":memory:")
        url = urlsplit(db.display_url)
        user = f"{url.username}@" if url.username else ""
        port = f":{url.port}" if url.port else ""
        where = f"{user}{url.hostname or 'localhost'}{port}{url.path}"
        return self.tr("%1 (PostgreSQL)").replace("%1", where)

    def _show_database_state(self) -> None:
        if self.database_online:
            self.db_label.setText(self.tr("Database: %1").replace("%1", self.database_text()))
            self.db_label.setStyleSheet("")
        else:
            self.db_label.setText(self.tr("Database: %1 — offline").replace("%1", self.database_text()))
            self.db_label.setStyleSheet("color: #b3261e; font-weight: 600;")

    # --- navigation ---------------------------------------------------------------------
    def show_workspace(self, index: int) -> None:
        if 0 <= index < len(self._pages):
            self.sidebar.setCurrentRow(index)

    def _on_theme_changed(self, theme: str) -> None:
        for page in self._pages:
            if page is not None:
                page.theme_did_change(theme)

    def workspace_title(self, index: int) -> str:
        return self._kinds[index].title()

    def workspace_icon(self, index: int) -> str:
        """The workspace's icon name, also the name of its help page (live, schedule, …)."""
        return self._kinds[index].icon_name()

    def navigate(self, kind: str, key: str, title: str = "") -> bool:
        """Show an item found by the command palette: each workspace's ``open_entity`` is asked in turn;
        then the shell's own ways (a week in the workspace with ``show_week``, a complaint in the one
        with ``open_detail``); else a note in the status bar. True when something showed it."""
        pages = self.workspaces
        for index, page in enumerate(pages):
            if page.open_entity(kind, key):
                self.show_workspace(index)
                return True
        fallback = {"week": "show_week", "complaint": "open_detail"}.get(kind)
        for index, page in enumerate(pages):
            method = getattr(page, fallback, None) if fallback else None
            if method is None:
                continue
            self.show_workspace(index)
            method(date.fromisoformat(key) if kind == "week" else int(key))
            return True
        self.statusBar().showMessage(self.tr("No workspace opens %1 yet.").replace("%1", title or key), 8000)
        return False

    def current_workspace(self) -> Workspace | None:
        index = self.stack.currentIndex()
        return self._pages[index] if 0 <= index < len(self._pages) else None

    def refresh_current(self) -> None:
        page = self.current_workspace()
        if page is not None and not page.loading:
            page.refresh()

    def _on_sidebar_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self._build_page(row)
            self.stack.setCurrentIndex(row)

    # --- status ---------------------------------------------------------------------------
    def _on_workspace_did_load(self) -> None:
        at = clock.now().astimezone(self.ctx.timezone)
        self.last_refresh = at
        self.refresh_label.setText(self.tr("Last refresh %1").replace(
            "%1", QLocale().toString(QTime(at.hour, at.minute, at.second), "HH:mm:ss")))
        self.refresh_label.setStyleSheet("")

    def _on_workspace_did_fail(self, exc: BaseException) -> None:
        self.refresh_label.setText(self.tr("Refresh failed"))
        self.refresh_label.setStyleSheet("color: #b3261e;")
        if isinstance(classify(exc), DatabaseUnavailable):
            self.set_database_online(False, str(classify(exc)))

    def _on_tasks_task_did_fail(self, exc: BaseException) -> None:
        classified = classify(exc)
        if isinstance(classified, DatabaseUnavailable):
            self.set_database_online(False, str(classified))
        show_error(self, classified)

    def _on_bus_database_did_change_state(self, online: bool, message: str) -> None:
        self.set_database_online(online, message)

    def set_database_online(self, online: bool, message: str = "") -> None:
        """Show or clear the offline banner; on the way back, refresh what may have gone stale."""
        was_online = self.database_online
        self.database_online = online
        self._show_database_state()
        if online:
            self._retry_timer.stop()
            self.banner.hide()
            if not was_online:
                # whatever was shown while offline may be stale
                self.ctx.bus.operation_did_execute.emit(Changes.ALL, None)
            return
        self.banner.show_message(
            self.tr("The database is not reachable. %1 Your open forms keep their edits; Floorwalker "
                    "tries again every %2 seconds and refreshes everything when it is back.")
            .replace("%1", message.strip() or "").replace("%2", str(RETRY_SECONDS)))
        if not self._retry_timer.isActive():
            self._retry_timer.start()

    def _on_bus_job_did_change_state(self, job_id: str, state: str) -> None:
        self.jobs_label.setText(self.tr("Jobs: %1").replace("%1", state))

    def _on_banner_retry_requested(self) -> None:
        if self._retry_running:
            return
        self._retry_running = True

        def done(online: bool, message: str = "") -> None:
            self._retry_running = False
            self.set_database_online(online, message)

        self.ctx.tasks.query(lambda s: s.connection().exec_driver_sql("SELECT 1").scalar()) \
            .success(lambda _r: done(True)) \
            .failure(lambda exc: done(False, str(classify(exc)).splitlines()[0] if str(exc) else "")) \
            .run()

    # --- palette, help, guide (each built when first asked for) --------------------------------
    def open_palette(self) -> None:
        if self.palette is None:
            from ui.palette.palette import CommandPalette

            self.palette = CommandPalette(self)
        self.palette.open()

    def open_help(self, slug: str | None = None) -> None:
        """The help page of ``slug`` (default: the workspace shown), in a window beside the console."""
        from ui.help.viewer import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self)
        self.help_window.show_page(slug or self.workspace_icon(max(self.sidebar.currentRow(), 0)))
        bring_to_front(self.help_window)

    def open_shortcuts(self) -> None:
        from ui.help.shortcuts import ShortcutSheet

        if self.shortcut_sheet is None:
            self.shortcut_sheet = ShortcutSheet(self)
        self.shortcut_sheet.fill()
        bring_to_front(self.shortcut_sheet)

    def show_guide(self) -> None:
        from ui.help.guide import FirstRunGuide

        if self.guide is None:
            self.guide = FirstRunGuide(self)
        self.guide.open_guide()

    def show_guide_if_first_run(self) -> bool:
        """Called at start-up by the console (never by tests or the self-test): the guide, once."""
        if QSettings().value(GUIDE_SETTING, False, type=bool):
            return False
        self.show_guide()
        return True

    # --- dialogs -----------------------------------------------------------------------------
    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.database_text(), self)
        accepted = dialog.exec() == SettingsDialog.DialogCode.Accepted
        if accepted and dialog.database_changed:
            self.statusBar().showMessage(
                self.tr("Settings saved. The new database opens at the next start."), 15000)
        if accepted and dialog.language_changed:
            # the console (ui.app.Console) rebuilds the window in the new language once this dialog
            # has closed; a window on its own (tests) keeps its language until the next start
            self.language_chosen.emit(str(dialog.language.currentData()))
        if dialog.guide_requested:
            self.show_guide()

    def _show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Floorwalker"),
                          self.tr("Floorwalker %1 — the open-source contact-center supervisor console.")
                          .replace("%1", __version__))

    # --- geometry ------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        row = settings.value("main_window/workspace", 0)
        try:
            row = int(row)
        except (TypeError, ValueError):
            row = 0
        # chosen now: only the current page is shown, so it alone loads once the window appears
        # (a deferred choice would race with callers that pick a workspace right after construction)
        self.show_workspace(row if 0 <= row < len(self._pages) else 0)

    def save_state(self) -> None:
        """Where the window is and which workspace is shown, for the next window (QSettings)."""
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/workspace", self.sidebar.currentRow())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._retry_timer.stop()
        self.save_state()
        super().closeEvent(event)

