"""The keyboard cheat sheet (Ctrl+/): every shortcut of the window, read from the live QActions and
QShortcuts (ui/palette/registry.py), grouped by workspace, with a filter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ui.palette.registry import shortcut_entries
from ui.widgets.icons import icon

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ShortcutSheet(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("shortcut_sheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setModal(False)
        self.resize(580, 700)
        layout = QVBoxLayout(self)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by action or key"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        layout.addWidget(self.filter)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcut_tree")
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        layout.addWidget(self.tree, 1)
        note = QLabel(self.tr("Some keys work only where the focus is, such as the player keys while a "
                              "recording is shown. Ctrl+K finds any of these actions by name."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

    def fill(self) -> None:
        """Read the shortcuts again (workspaces built since, actions enabled or added)."""
        window = self.window_
        window.workspaces  # noqa: B018 - builds the workspaces not built yet, so their keys are listed
        self.tree.clear()
        groups: dict[int, QTreeWidgetItem] = {}
        order = [-1, *range(len(window._pages))]
        for group in order:
            title = self.tr("Everywhere") if group < 0 else window.workspace_title(group)
            item = QTreeWidgetItem([title, ""])
            item.setIcon(0, icon("keyboard" if group < 0 else window.workspace_icon(group)))
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            groups[group] = item
        for entry in sorted(shortcut_entries(window), key=lambda e: (e.group, e.keys[0])):
            QTreeWidgetItem(groups[entry.group], [entry.text, ", ".join(entry.keys)])
        for group in order:
            if groups[group].childCount():
                self.tree.addTopLevelItem(groups[group])
        self.tree.expandAll()
        self._on_filter_text_changed(self.filter.text())

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, action, keys) of every row shown."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                if not child.isHidden():
                    out.append((group.text(0), child.text(0), child.text(1)))
        return out

    def _on_filter_text_changed(self, text: str) -> None:
        words = text.lower().split()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            shown = 0
            for j in range(group.childCount()):
                child = group.child(j)
                hay = f"{group.text(0)} {child.text(0)} {child.text(1)}".lower()
                hide = not all(w in hay for w in words)
                child.setHidden(hide)
                shown += not hide
            group.setHidden(shown == 0)
