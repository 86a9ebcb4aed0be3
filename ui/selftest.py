"""`floorwalker selftest`: open the console offscreen, visit every workspace, screenshot each.

Without ``--db`` it builds a small demo center in a temporary folder, so a fresh install (or a
frozen bundle) can prove that every page renders real data. ``--lang zh_CN`` / ``--theme dark``
choose the language and theme (default: the saved settings), FLOORWALKER_USER and
FLOORWALKER_PASSWORD the user it signs in as (default: the local administrator); ``--tabs`` also visits (and
screenshots) every tab of every workspace and lists labels and buttons narrower than their text
(with ``--lang pseudo`` this finds layouts that only fit English). The helpers below (waiting for a page, walking its tabs,
reading every text shown) are shared with the tests that look for English left in the Chinese console.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.workspace import Workspace


def settle(app: QApplication, seconds: float = 0.1) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def wait_loaded(app: QApplication, page: Workspace, timeout: float) -> str:
    """Wait until ``page`` has loaded once and its background work is done: "ok", "FAILED" or "TIMEOUT"."""
    deadline = time.monotonic() + timeout
    while (page.loading or page.load_count == 0) and page.last_error is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    wait_idle(app, page.ctx.tasks, max(0.0, deadline - time.monotonic()))
    settle(app, 0.1)  # let charts and late layouts settle
    if page.last_error is not None:
        return "FAILED"
    return "ok" if page.load_count else "TIMEOUT"


def wait_idle(app: QApplication, tasks: object, timeout: float) -> bool:
    """Process events until the task runner has nothing in flight (tabs load when first shown)."""
    deadline = time.monotonic() + timeout
    quiet = 0
    while time.monotonic() < deadline:
        app.processEvents()
        quiet = quiet + 1 if not getattr(tasks, "busy", False) else 0
        if quiet >= 5:
            return True
        time.sleep(0.01)
    return False


class ModalWatch:
    """Closes any modal dialog that opens while pages are visited (an error box would otherwise wait
    for a click forever) and keeps what it said."""

    def __init__(self, app: QApplication) -> None:
        from PySide6.QtCore import QTimer

        self.app = app
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        modal = self.app.activeModalWidget()
        if modal is None:
            return
        text = modal.windowTitle()
        if isinstance(modal, QMessageBox):
            text += f": {modal.text()}"
        self.seen.append(f"{type(modal).__name__} {text}".strip())
        modal.close()
        if hasattr(modal, "reject"):
            modal.reject()

    def stop(self) -> None:
        self.timer.stop()


@dataclass
class TabStop:
    path: list[str]  # tab texts from the outermost, e.g. ["Forecast", "Accuracy"]
    show: Callable[[], None]


def tab_stops(page: QWidget) -> list[TabStop]:
    """Every visible, enabled tab inside ``page`` (nested tabs too), with a way to bring it forward."""
    from PySide6.QtWidgets import QTabWidget

    from ui.palette.palette import enclosing_tabs, tab_path
    from ui.palette.registry import clean

    stops = []
    for tabs in page.findChildren(QTabWidget):
        if tabs.window() is not page.window():
            continue
        outer = [clean(o.tabText(i)) for o, i in reversed(enclosing_tabs(tabs)) if page.isAncestorOf(o)]
        for i in range(tabs.count()):
            if tabs.isTabVisible(i) and tabs.isTabEnabled(i):
                stops.append(TabStop([*outer, clean(tabs.tabText(i))], tab_path(tabs, i)))
    return stops


def _plain(text: str) -> str:
    from PySide6.QtGui import QTextDocumentFragment

    if re.search(r"<[a-zA-Z/][^>]*>|&[a-z]+;", text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def cell_texts(root: QWidget, rows: int = 30) -> Iterator[tuple[str, str]]:
    """(where, text) of the first ``rows`` rows of every visible table, tree and list: mostly data
    (names, numbers), but also the words a page puts in its cells (states, kinds, yes/no)."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisible() or model is None or isinstance(view, QHeaderView):
            continue
        where = f"{type(view).__name__}#{view.objectName()} cell"
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # some of Qt's list models keep it private: one column
            columns = 1
        for row in range(min(model.rowCount(QModelIndex()), rows)):
            for column in range(columns):
                value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    yield where, value


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every text a user can read in ``root``: labels, buttons and their tooltips,
    group titles, tab texts, header texts of tables and trees, combo items, placeholders, the window
    title, menus. Table cells are data and are left out."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QHeaderView,
        QLabel,
        QLineEdit,
        QListWidget,
        QMainWindow,
        QTabBar,
        QWidget,
    )

    def name(w: QWidget) -> str:
        return f"{type(w).__name__}#{w.objectName()}" if w.objectName() else type(w).__name__

    if root.isWindow():
        yield "window title", root.windowTitle()
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            yield "menu", action.text()
            if action.menu() is not None:
                for item in action.menu().actions():
                    if not item.isSeparator():
                        yield "menu item", item.text()
    for w in root.findChildren(QWidget):
        if not w.isVisible():
            continue
        where = name(w)
        if isinstance(w, QLabel):
            yield where, _plain(w.text())
        elif isinstance(w, QAbstractButton):
            yield where, w.text()
            yield where + " tooltip", _plain(w.toolTip())
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.isTabVisible(i):
                    yield where, w.tabText(i)
        elif isinstance(w, QHeaderView):
            model = w.model()
            if model is None:
                continue
            count = model.columnCount() if w.orientation() == Qt.Orientation.Horizontal else 0
            for section in range(count):
                if not w.isSectionHidden(section):
                    value = model.headerData(section, w.orientation(), Qt.ItemDataRole.DisplayRole)
                    if isinstance(value, str):
                        yield where, value
        elif isinstance(w, QComboBox):
            if not w.isEditable():
                for i in range(w.count()):
                    yield where, w.itemText(i)
        elif isinstance(w, QLineEdit):
            yield where + " placeholder", w.placeholderText()
        elif isinstance(w, QListWidget) and w.objectName() == "sidebar":
            for i in range(w.count()):
                yield where, w.item(i).text()


CLIP_SLACK = 2


def clipped_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """Labels and buttons narrower than their text (one line, no eliding by design)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    for w in root.findChildren(QWidget):
        if not w.isVisible() or w.width() <= 0:
            continue
        if isinstance(w, QLabel) and not w.wordWrap() and w.text() and w.pixmap().isNull():
            need = w.fontMetrics().horizontalAdvance(_plain(w.text()).split("\n")[0])
            margins = w.contentsMargins()
            margin = margins.left() + margins.right() + 2 * w.margin() + max(w.indent(), 0)
            if need + margin > w.width() + CLIP_SLACK:
                yield f"{type(w).__name__}#{w.objectName()}", w.text()
        elif isinstance(w, QAbstractButton) and w.text():
            # the text itself (and the icon) must fit; the style's padding may shrink
            text = w.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            need = w.fontMetrics().horizontalAdvance(text) + (w.iconSize().width() + 4 if not w.icon().isNull() else 0)
            if need + 6 > w.width() + CLIP_SLACK:
                yield f"{type(w).__name__}#{w.objectName()}", w.text()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "tab"


def run_selftest(db_url: str | None, screenshots: str | None, *, timeout: float = 60.0,
                 language: str | None = None, theme: str | None = None, tabs: bool = False,
                 size: tuple[int, int] = (1440, 900)) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.bootstrap import open_database
    from db.errors import DatabaseError

    tmp: tempfile.TemporaryDirectory[str] | None = None
    if db_url is None:
        from app.demo.builder import DemoOptions, build_demo

        tmp = tempfile.TemporaryDirectory(prefix="floorwalker-selftest-")
        db_url = str(Path(tmp.name) / "selftest.db")
        print("building a small demo center for the self-test…", flush=True)
        # the center speaks the console's language: Chinese names and texts under --lang zh_CN
        build_demo(db_url, DemoOptions(seed=7, agents=16, weeks=2, recordings_dir=Path(tmp.name) / "rec",
                                       lang="zh_CN" if language == "zh_CN" else "en"))
    try:
        opened = open_database(db_url)
    except DatabaseError as exc:
        print(f"selftest: cannot open the database: {exc}", file=sys.stderr)
        return 2
    from app.security.accounts import SignInError
    from ui.app import Console, create_application, environment_actor

    app = create_application(language=language, theme=theme)
    try:  # the local administrator, unless FLOORWALKER_USER / FLOORWALKER_PASSWORD name a user
        actor = environment_actor(opened.db)
    except SignInError as exc:
        print(f"selftest: {exc}", file=sys.stderr)
        return 2
    console = Console(opened.db, actor=actor)
    window = console.window
    window.resize(*size)
    window.show()
    out_dir = Path(screenshots) if screenshots else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    modals = ModalWatch(app)
    clipped: set[tuple[str, str]] = set()  # reported once (--tabs): labels and buttons narrower than their text
    for index, page in enumerate(window.workspaces):
        window.show_workspace(index)
        status = wait_loaded(app, page, timeout)
        name = page.title()
        if status == "FAILED":
            failures.append(f"{name}: {page.last_error!r}")
        elif status == "TIMEOUT":
            failures.append(f"{name}: did not finish loading within {timeout:.0f} s")
        workspace_slug = window.workspace_icon(index)
        if out_dir:
            window.grab().save(str(out_dir / f"{index + 1:02d}-{workspace_slug}.png"))
        print(f"{status:7} {name}", flush=True)
        if tabs:
            stops = tab_stops(page)
            for n, stop in enumerate(stops):
                stop.show()
                wait_idle(app, console.tasks, timeout)
                settle(app, 0.15)
                if page.last_error is not None:
                    failures.append(f"{name} ▸ {' ▸ '.join(stop.path)}: {page.last_error!r}")
                if out_dir:
                    tab_slug = "-".join(slug(p) for p in stop.path)
                    window.grab().save(str(out_dir / f"{index + 1:02d}-{workspace_slug}-{n + 1:02d}-{tab_slug}.png"))
                print(f"{'':7}   ▸ {' ▸ '.join(stop.path)}", flush=True)
                for where, text in clipped_texts(window):
                    if (where, text) not in clipped:
                        clipped.add((where, text))
                        print(f"{'':7}     clipped: {where} {text[:80]!r}", flush=True)
            if stops:
                stops[0].show()
    pages = len(window.workspaces)
    modals.stop()
    failures += [f"a dialog opened by itself: {text}" for text in modals.seen]
    console.close()
    app.processEvents()
    opened.db.dispose()
    if tmp is not None:
        tmp.cleanup()
    if failures:
        print("selftest failed:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print(f"selftest passed: {pages} workspaces rendered")
    return 0
