"""Every keyboard shortcut of the main window, read from the live widgets (QActions and QShortcuts),
grouped by the workspace that owns it. The command palette runs them; the cheat sheet lists them.

A QAction describes itself (its text). A QShortcut has no text: it is described by its
``whatsThis()``, otherwise by a button in the same place whose tooltip names the key (the
Wallboard button says "… (F11; Esc leaves)"), otherwise it is left out. Workspaces that want a
shortcut listed set ``shortcut.setWhatsThis(self.tr("…"))`` or use a QAction with a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

if TYPE_CHECKING:
    from ui.main_window import MainWindow

PAREN = re.compile(r"\s*[(（][^)）]*[)）]\s*$")


@dataclass
class ShortcutEntry:
    group: int  # index of the workspace, -1: the whole window
    text: str
    keys: list[str]  # native texts, e.g. ["Ctrl+K"]
    action: QAction | None = None
    shortcut: QShortcut | None = None

    def trigger(self) -> None:
        if self.action is not None:
            self.action.trigger()
        elif self.shortcut is not None:
            self.shortcut.activated.emit()


ACCELERATOR = re.compile(r"\s*[(（]&\w[)）]")  # "设置(&S)…": the Chinese way to keep the key


def clean(text: str) -> str:
    """A menu text as shown in a list: no accelerator ampersand, no trailing tab part."""
    text = ACCELERATOR.sub("", text.split("\t")[0])
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _native(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.NativeText)


def owner_index(window: MainWindow, obj: QObject) -> int:
    """The workspace ``obj`` lives in (its index), or -1 for the window itself."""
    pages = {id(p): i for i, p in enumerate(window._pages) if p is not None}
    node: QObject | None = obj
    while node is not None and node is not window:
        if id(node) in pages:
            return pages[id(node)]
        node = node.parent()
    return -1


def _describe_shortcut(shortcut: QShortcut, keys: list[str]) -> str:
    if shortcut.whatsThis():
        return shortcut.whatsThis()
    scope = shortcut.parent()
    if not isinstance(scope, QWidget):
        return ""
    patterns = [re.compile(rf"(?<![\w+]){re.escape(k)}(?![\w+])") for k in keys]
    for button in scope.findChildren(QAbstractButton):
        tip = button.toolTip()
        if tip and any(p.search(tip) for p in patterns):
            return clean(button.text()) or PAREN.sub("", tip)
    return ""


def shortcut_entries(window: MainWindow) -> list[ShortcutEntry]:
    """Every action and shortcut with a key, in the window and in its workspaces built so far."""
    out: list[ShortcutEntry] = []
    seen: set[tuple[int, str]] = set()
    for action in window.findChildren(QAction):
        keys = [_native(s) for s in action.shortcuts() if not s.isEmpty()]
        text = clean(action.text())
        if not keys or not text or action.isSeparator():
            continue
        group = owner_index(window, action)
        if (group, text) in seen:
            continue
        seen.add((group, text))
        out.append(ShortcutEntry(group, text, keys, action=action))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.key().isEmpty() or not shortcut.isEnabled():
            continue
        keys = [_native(shortcut.key())]
        portable = shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)
        text = clean(_describe_shortcut(shortcut, list({*keys, portable})))
        if not text:
            continue
        group = owner_index(window, shortcut)
        if (group, text) in seen:
            continue
        seen.add((group, text))
        out.append(ShortcutEntry(group, text, keys, shortcut=shortcut))
    return out
