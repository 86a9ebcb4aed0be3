"""The command palette (Ctrl+K): a box over the window to jump anywhere by typing.

It lists, filtered by every word typed: the workspaces and their tabs, the window's actions that
have a shortcut (from the live QActions and QShortcuts, see registry.py), and — searched on a
worker as you type — agents by name or employee number, complaints by reference or number, and
weeks ("2026-W48", "W48", a date). ↑/↓ choose, Enter opens, Esc closes; the mouse works too.
Built the first time it is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import clock
from ui.palette.registry import clean, shortcut_entries
from ui.palette.search import Hit, search_entities
from ui.widgets.empty_state import EmptyState
from ui.widgets.icons import icon

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SEARCH_DELAY_MS = 150
MAX_STATIC = 40


@dataclass
class Entry:
    kind: str  # workspace | tab | action | agent | complaint | week
    title: str
    detail: str = ""
    icon: QIcon = field(default_factory=QIcon)
    run: Callable[[], None] = lambda: None
    haystack: str = ""

    def matches(self, words: list[str]) -> bool:
        return all(w in self.haystack for w in words)

    def score(self, words: list[str]) -> int:
        title = self.title.lower()
        if not words:
            return 0
        first = words[0]
        if title.startswith(first):
            return 0
        if any(part.startswith(first) for part in title.replace("▸", " ").split()):
            return 1
        return 2 if first in title else 3


def tr(text: str) -> str:
    return QCoreApplication.translate("CommandPalette", text)


def enclosing_tabs(widget: QWidget) -> list[tuple[QTabWidget, int]]:
    """The tab widgets holding ``widget``, innermost first, each with the index of the tab it is in."""
    out = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget):
            for i in range(parent.count()):
                page = parent.widget(i)
                if page is widget or page.isAncestorOf(widget):
                    out.append((parent, i))
                    break
        parent = parent.parentWidget()
    return out


def tab_path(tabs: QTabWidget, index: int) -> Callable[[], None]:
    """Show tab ``index`` of ``tabs``, and every tab holding ``tabs`` on the way up."""

    def show() -> None:
        for outer, i in reversed(enclosing_tabs(tabs)):
            outer.setCurrentIndex(i)
        tabs.setCurrentIndex(index)

    return show


class CommandPalette(QFrame):
    """A child of the main window, drawn over it near the top; never modal."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("command_palette")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(6)
        self.edit = QLineEdit()
        self.edit.setObjectName("palette_input")
        self.edit.setPlaceholderText(tr("Go to a workspace, tab or action; find an agent, a complaint or a "
                                        "week (2026-W48)"))
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        layout.addWidget(self.edit)
        self.list = QListWidget()
        self.list.setObjectName("palette_results")
        self.list.setIconSize(QSize(18, 18))
        self.list.setUniformItemSizes(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.itemClicked.connect(self._on_list_item_activated)
        layout.addWidget(self.list, 1)
        self.empty = EmptyState("search", tr("Nothing matches"),
                                tr("Try a name, an employee number, a complaint reference or a week such as 2026-W48."))
        self.empty.hide()
        layout.addWidget(self.empty, 1)
        self.hint = QLabel(tr("↑ ↓ choose · Enter open · Esc close"))
        self.hint.setObjectName("hint")
        layout.addWidget(self.hint)
        self.static: list[Entry] = []
        self.found: list[Entry] = []
        self.searching = False
        self._search_seq = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        QApplication.instance().focusChanged.connect(self._on_app_focus_changed)
        self.hide()

    # --- opening and closing -------------------------------------------------------------------
    def open(self) -> None:
        self.static = self._static_entries()
        self.found = []
        self.edit.blockSignals(True)
        self.edit.clear()
        self.edit.blockSignals(False)
        self._place()
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._fill()

    def close_palette(self) -> None:
        self._timer.stop()
        self._search_seq += 1  # an answer still on its way is dropped
        self.searching = False
        self.hide()

    def _place(self) -> None:
        area = self.window_.centralWidget().geometry()
        width = min(640, max(360, area.width() - 80))
        height = min(440, max(240, area.height() - 60))
        self.setGeometry(area.x() + (area.width() - width) // 2, area.y() + 24, width, height)

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.isVisible() and new is not None and not self.isAncestorOf(new) and new is not self:
            self.close_palette()

    # --- entries ---------------------------------------------------------------------------------
    def _static_entries(self) -> list[Entry]:
        window = self.window_
        out: list[Entry] = []
        pages = window.workspaces
        for index, page in enumerate(pages):
            name = window.workspace_title(index)
            out.append(Entry("workspace", name, tr("Workspace") + f" · Ctrl+{index + 1}",
                             icon(window.workspace_icon(index)), lambda i=index: window.show_workspace(i)))
            for tabs in page.findChildren(QTabWidget):
                if tabs.window() is not window:
                    continue
                for t in range(tabs.count()):
                    if not tabs.isTabEnabled(t) or not tabs.isTabVisible(t):
                        continue
                    outer = [clean(o.tabText(i)) for o, i in reversed(enclosing_tabs(tabs)) if page.isAncestorOf(o)]
                    label = " ▸ ".join([*outer, clean(tabs.tabText(t))])

                    out.append(Entry("tab", f"{name} ▸ {label}", tr("Tab"), icon(window.workspace_icon(index)),
                                     self._go_to_tab(index, tab_path(tabs, t))))
        for entry in shortcut_entries(window):
            if entry.action is not None and entry.action is window.palette_action:
                continue
            where = window.workspace_title(entry.group) if entry.group >= 0 else ""

            def run(e=entry) -> None:
                if e.group >= 0:
                    window.show_workspace(e.group)
                e.trigger()

            act_icon = entry.action.icon() if entry.action is not None and not entry.action.icon().isNull() \
                else icon("action")
            detail = " · ".join(x for x in (where, ", ".join(entry.keys)) if x)
            out.append(Entry("action", entry.text, detail, act_icon, run))
        for entry in out:
            entry.haystack = f"{entry.title} {entry.detail}".lower()
        return out

    def _go_to_tab(self, index: int, show: Callable[[], None]) -> Callable[[], None]:
        def go() -> None:
            self.window_.show_workspace(index)
            show()

        return go

    def _hit_entry(self, hit: Hit) -> Entry:
        window = self.window_
        if hit.kind == "agent":
            detail, kind_icon = tr("Agent") + (f" · {hit.detail}" if hit.detail else ""), "agent"
        elif hit.kind == "complaint":
            from app.complaints.board import STAGE_LABELS

            stage = QCoreApplication.translate("floorwalker", STAGE_LABELS.get(hit.stage, hit.stage))
            detail = " · ".join(x for x in (tr("Complaint"), stage, hit.detail) if x)
            kind_icon = "complaints"
        else:
            monday = QDate.fromString(hit.key, Qt.DateFormat.ISODate)
            short = QLocale.FormatType.ShortFormat
            span = f"{QLocale().toString(monday, short)} – {QLocale().toString(monday.addDays(6), short)}"
            detail, kind_icon = tr("Week") + f" · {span}", "week"
        return Entry(hit.kind, hit.title, detail, icon(kind_icon),
                     lambda: window.navigate(hit.kind, hit.key, hit.title))

    # --- filtering -------------------------------------------------------------------------------
    def _on_edit_text_changed(self, text: str) -> None:
        self.found = []
        self._fill()
        self._search_seq += 1
        if text.strip():
            self.searching = True
            self._timer.start()
        else:
            self._timer.stop()
            self.searching = False

    def _search(self) -> None:
        text = self.edit.text()
        self._search_seq += 1
        seq = self._search_seq
        actor = self.window_.ctx.actor
        today = clock.now().astimezone(self.window_.ctx.timezone).date()

        def done(hits: list[Hit]) -> None:
            if not shiboken6.isValid(self) or seq != self._search_seq or not self.isVisible():
                return
            self.searching = False
            self.found = [self._hit_entry(h) for h in hits]
            self._fill()

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self) and seq == self._search_seq:
                self.searching = False
                self.hint.setText(tr("The search failed: %1").replace("%1", str(exc).splitlines()[0][:120]
                                                                       if str(exc) else type(exc).__name__))

        self.window_.ctx.tasks.query(lambda s: search_entities(s, actor, text, today)) \
            .success(done).failure(failed).run()

    def entries(self) -> list[Entry]:
        """What the list shows now, in order."""
        words = self.edit.text().lower().split()
        static = [e for e in self.static if e.matches(words)]
        static.sort(key=lambda e: e.score(words))
        return self.found + static[:MAX_STATIC]

    def _fill(self) -> None:
        self.list.clear()
        self.hint.setText(tr("↑ ↓ choose · Enter open · Esc close"))
        for entry in self.entries():
            item = QListWidgetItem(entry.icon, f"{entry.title}    —    {entry.detail}" if entry.detail else entry.title)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        nothing = not self.list.count() and bool(self.edit.text().strip()) and not self.searching
        self.list.setVisible(not nothing)
        self.empty.setVisible(nothing)

    # --- keys -----------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close_palette()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8, Qt.Key.Key_PageUp: -8}[key]
                if self.list.count():
                    row = min(max(self.list.currentRow() + step, 0), self.list.count() - 1)
                    self.list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.activate_current()
                return True
        return super().eventFilter(obj, event)

    def activate_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._on_list_item_activated(item)

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        entry = item.data(Qt.ItemDataRole.UserRole)
        self.close_palette()
        if isinstance(entry, Entry):
            entry.run()
