"""The standard dialogs for failures: environmental (retry), conflict (reload/review), bug (report)."""

from __future__ import annotations

import json
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.security.permissions import PermissionDenied
from db.errors import ConflictError, DatabaseError, DatabaseUnavailable, classify


def tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def show_error(parent: QWidget | None, exc: BaseException, *, on_reload: Callable[[], None] | None = None) -> None:
    exc = classify(exc)
    if isinstance(exc, ConflictError):
        ConflictDialog(exc, parent, on_reload=on_reload).exec()
        return
    if isinstance(exc, DatabaseUnavailable):
        QMessageBox.warning(parent, tr("Database not reachable"),
                            f"{exc}\n\n{tr('Your unsaved changes are kept. Try again when the database is back.')}")
        return
    if isinstance(exc, DatabaseError):
        QMessageBox.warning(parent, tr("Database problem"), f"{exc}\n\n{tr(exc.hint)}")
        return
    if isinstance(exc, PermissionDenied):
        QMessageBox.information(parent, tr("Not allowed"), str(exc))
        return
    if isinstance(exc, ValueError):
        QMessageBox.warning(parent, tr("Please check the input"), str(exc))
        return
    CrashDialog(exc, parent).exec()


class ConflictDialog(QDialog):
    """Another desk saved first: show both versions; the user reloads theirs or keeps editing."""

    def __init__(self, exc: ConflictError, parent: QWidget | None = None,
                 on_reload: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Changed on another desk"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        advice = tr("Nothing was overwritten. Reload to continue from their version, "
                    "or close this and copy your values first.")
        text = QLabel(f"<b>{exc}</b><br>{advice}")
        text.setWordWrap(True)
        layout.addWidget(text)
        keys = sorted(set(exc.mine) | {k for k in exc.theirs if k in exc.mine or not exc.mine})
        table = QTableWidget(len(keys), 3, self)
        table.setObjectName("conflict_table")
        table.setHorizontalHeaderLabels([tr("Field"), tr("Yours (not saved)"), tr("Theirs (saved)")])
        for row, key in enumerate(keys):
            table.setItem(row, 0, QTableWidgetItem(key))
            table.setItem(row, 1, QTableWidgetItem(_fmt(exc.mine.get(key, ""))))
            table.setItem(row, 2, QTableWidgetItem(_fmt(exc.theirs.get(key, ""))))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        layout.addWidget(table)
        buttons = QDialogButtonBox(self)
        self.reload_button = buttons.addButton(tr("Reload their version"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Keep my edits open"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if on_reload is not None:
            self.accepted.connect(on_reload)
        layout.addWidget(buttons)


class CrashDialog(QDialog):
    """A bug: say so plainly and give the details to copy into a report."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Something went wrong"))
        layout = QVBoxLayout(self)
        label = QLabel(tr("Floorwalker hit an unexpected error. Your data is safe: the operation was "
                          "rolled back. Please copy the details below into a bug report."))
        label.setWordWrap(True)
        layout.addWidget(label)
        details = QPlainTextEdit("".join(traceback.format_exception(exc)))
        details.setReadOnly(True)
        layout.addWidget(details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 400)


def _fmt(value: object) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)
