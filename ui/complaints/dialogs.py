"""Small dialogs of the Complaints workspace: a reason, a note, the case a duplicate merges into, an owner."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

ERROR_COLOR = "#d64541"


class ReasonDialog(QDialog):
    """Asks for a reason (skipping a step, moving back, re-opening, merging); empty is refused."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None, *, multiline: bool = False,
                 placeholder: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.prompt = QLabel(prompt, self)
        self.prompt.setObjectName("reason_prompt")
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.multiline = multiline
        self.edit: QLineEdit | QPlainTextEdit
        if multiline:
            self.edit = QPlainTextEdit(self)
            self.edit.setPlaceholderText(placeholder)
            self.edit.setTabChangesFocus(True)
            self.edit.setFixedHeight(90)
        else:
            self.edit = QLineEdit(self)
            self.edit.setPlaceholderText(placeholder)
        self.edit.setObjectName("reason_edit")
        layout.addWidget(self.edit)
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def text(self) -> str:
        return (self.edit.toPlainText() if isinstance(self.edit, QPlainTextEdit) else self.edit.text()).strip()

    def set_text(self, text: str) -> None:
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(text)
        else:
            self.edit.setText(text)

    optional = False  # a note that may stay empty

    def _on_buttons_accepted(self) -> None:
        if not self.text() and not self.optional:
            self.error.setText(self.tr("Please give a reason: it goes into the case's timeline."))
            self.error.show()
            return
        self.accept()


class MergeDialog(ReasonDialog):
    """Merge this case into another: the other case's reference, and why."""

    def __init__(self, reference: str, references: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Merge a duplicate"),
                         self.tr("%1 is a duplicate of which case? It is closed and linked to that case; "
                                 "its timeline is kept.").replace("%1", reference), parent,
                         placeholder=self.tr("Why they are the same case"))
        self.setObjectName("merge_dialog")
        self.target = QLineEdit(self)
        self.target.setObjectName("merge_target")
        self.target.setPlaceholderText(self.tr("Reference of the case to keep"))
        completer = QCompleter([r for r in references if r != reference], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.target.setCompleter(completer)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.target)
        self._references = set(references)
        self._own = reference

    def _on_buttons_accepted(self) -> None:
        target = self.target.text().strip()
        if not target or target == self._own or target not in self._references:
            self.error.setText(self.tr("Name another case on the board by its reference.") if target != self._own
                               else self.tr("A case cannot be merged into itself."))
            self.error.show()
            return
        super()._on_buttons_accepted()


class OwnerDialog(QDialog):
    """Choose an owner for the selected cases (or none)."""

    def __init__(self, people: Sequence[Any], count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("owner_dialog")
        self.setWindowTitle(self.tr("Assign owner"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Owner of the %n selected case(s):", "", count), self))
        self.owner = QComboBox(self)
        self.owner.setObjectName("owner_choice")
        self.owner.addItem(self.tr("Unassigned"), None)
        for p in people:
            self.owner.addItem(p.full_name + (f" · {p.team_name}" if p.team_name else ""), p.id)
        layout.addWidget(self.owner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def owner_id(self) -> int | None:
        return self.owner.currentData()
