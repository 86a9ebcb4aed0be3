"""The standard dialogs for failures: environmental (retry), conflict (reload/review), bug (report)."""

from __future__ import annotations

import json
import re
import traceback
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
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

from app.i18n import TRANSLATION_CONTEXT, Message
from app.security.permissions import PermissionDenied
from db.errors import ConflictError, DatabaseError, DatabaseUnavailable, classify


def tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def translated(text: object) -> str:
    """A message from app/ in the user's language: an N_() template (a plain marked string, or an
    app.i18n.Message with its values) translated and filled again; anything else as it is."""
    if isinstance(text, Message):
        params = {k: translated(v) if isinstance(v, Message) else v for k, v in text.params.items()}
        return QCoreApplication.translate(TRANSLATION_CONTEXT, text.template).format(**params)
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text) if isinstance(text, str) and text else str(text)


def message_text(exc: BaseException) -> str:
    """What an exception says, in the user's language when app/ built it from an N_() template."""
    return translated(exc.args[0]) if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)


# The advice of the database errors (db/errors.py, below the Qt layer), marked here to be translated.
DATABASE_HINTS = (
    QT_TRANSLATE_NOOP("errors", "Check the database address and that the server is running, then try again."),
    QT_TRANSLATE_NOOP("errors", "Check the user name and password in the database URL (File ▸ Settings or --db)."),
    QT_TRANSLATE_NOOP("errors", "Check the database name in the URL, or ask the database administrator to create it "
                                "(createdb NAME); Floorwalker then creates its tables."),
    QT_TRANSLATE_NOOP("errors", "Use a SQLite file path, or a URL like "
                                "postgresql+psycopg://user:password@host:5432/name (file paths need no prefix)."),
    QT_TRANSLATE_NOOP("errors", "Choose a Floorwalker database file, or a new file name to create one."),
    QT_TRANSLATE_NOOP("errors", "Make the file writable, or choose another location in Settings."),
    QT_TRANSLATE_NOOP("errors", "This database was upgraded by a newer Floorwalker. Install that version to open it."),
    QT_TRANSLATE_NOOP("errors", "Reload to see their version, or review both versions side by side."),
)

# Messages raised below the Qt layer (app/, db/) as plain English sentences. A sentence with a number
# or a name in it is matched by its pattern and translated as a template; any other is looked up as
# it is (``QCoreApplication.translate("messages", text)``), so marking it here is enough.
ROLE_NAMES = {
    "agent": QT_TRANSLATE_NOOP("roles", "agent"), "supervisor": QT_TRANSLATE_NOOP("roles", "supervisor"),
    "scheduler": QT_TRANSLATE_NOOP("roles", "scheduler"),
    "quality_analyst": QT_TRANSLATE_NOOP("roles", "quality analyst"),
    "trainer": QT_TRANSLATE_NOOP("roles", "trainer"), "manager": QT_TRANSLATE_NOOP("roles", "manager"),
    "administrator": QT_TRANSLATE_NOOP("roles", "administrator"),
}


def role_name(role: str) -> str:
    """A role as the user reads it ("quality analyst", 质检分析员)."""
    return QCoreApplication.translate("roles", ROLE_NAMES[role]) if role in ROLE_NAMES else role.replace("_", " ")


MESSAGE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # app.security.permissions.PermissionDenied; the role is translated too
    (re.compile(r"An? (\w+) may not do this \((.+)\)\."),
     QT_TRANSLATE_NOOP("messages", "Your role (%1) may not do this (%2).")),
    (re.compile(r"A password needs at least (\d+) characters\."),
     QT_TRANSLATE_NOOP("messages", "A password needs at least %1 characters.")),
    (re.compile(r"This account is locked after too many failed sign-ins\. Try again in (\d+) min "
                r"or ask an administrator to unlock it\."),
     QT_TRANSLATE_NOOP("messages", "This account is locked after too many failed sign-ins. Try again in %1 min "
                                   "or ask an administrator to unlock it.")),
    (re.compile(r"The user name '(.*)' is taken\."), QT_TRANSLATE_NOOP("messages", "The user name '%1' is taken.")),
]
PLAIN_MESSAGES = (
    QT_TRANSLATE_NOOP("messages", "A password needs letters and at least one digit or symbol."),
    QT_TRANSLATE_NOOP("messages", "An administrator already exists; sign in instead."),
    QT_TRANSLATE_NOOP("messages", "The user name or password is not right."),
    QT_TRANSLATE_NOOP("messages", "Unknown user."),
    QT_TRANSLATE_NOOP("messages", "The current password is not right."),
    QT_TRANSLATE_NOOP("messages", "Choose a password different from the current one."),
    QT_TRANSLATE_NOOP("messages", "A display name has at most 120 characters."),
    QT_TRANSLATE_NOOP("messages", "A user name is 1 to 64 characters without spaces."),
)


def user_message(exc: BaseException | str) -> str:
    """An error's sentence in the user's language: a sentence of app/ or db/ marked here (by pattern when
    it carries values), or an N_() message of app/ (message_text); else as it was raised."""
    text = str(exc)
    for pattern, template in MESSAGE_PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            out = QCoreApplication.translate("messages", template)
            for i, value in enumerate(m.groups(), 1):
                out = out.replace(f"%{i}", role_name(value) if value in ROLE_NAMES else value)
            return out
    if not text:
        return text
    known = QCoreApplication.translate("messages", text)
    if known != text:
        return known
    # app/'s own N_() messages (app.i18n.Message with its values, or a plain marked string)
    return message_text(exc) if isinstance(exc, BaseException) else translated(text)


def show_error(parent: QWidget | None, exc: BaseException, *, on_reload: Callable[[], None] | None = None) -> None:
    exc = classify(exc)
    if isinstance(exc, ConflictError):
        ConflictDialog(exc, parent, on_reload=on_reload).exec()
        return
    if isinstance(exc, DatabaseUnavailable):
        QMessageBox.warning(parent, tr("Database not reachable"),
                            f"{user_message(exc)}\n\n"
                            f"{tr('Your unsaved changes are kept. Try again when the database is back.')}")
        return
    if isinstance(exc, DatabaseError):
        QMessageBox.warning(parent, tr("Database problem"), f"{user_message(exc)}\n\n{tr(exc.hint)}")
        return
    if isinstance(exc, PermissionDenied):
        QMessageBox.information(parent, tr("Not allowed"), user_message(exc))
        return
    if isinstance(exc, ValueError):
        QMessageBox.warning(parent, tr("Please check the input"), user_message(exc))
        return
    CrashDialog(exc, parent).exec()


def field_label(key: str) -> str:
    """The user's word for a column name shown in the conflict dialog."""
    labels = {
        "value": tr("Value"), "updated_at": tr("Saved at"), "updated_by": tr("Saved by"),
        "team": tr("Team"), "team_id": tr("Team"), "level": tr("Level"),
        "contract_hours_week": tr("Contract hours per week"), "active": tr("Active"),
        "priority": tr("Priority"), "target_service_level": tr("Service-level target"),
        "target_answer_sec": tr("Answer-time target (s)"), "stage": tr("Stage"), "status": tr("Status"),
        "owner_id": tr("Owner"), "notes": tr("Notes"), "version": tr("Version"),
        # the demo builder's audit entry
        "seed": tr("Seed"), "agents": tr("Agents"), "weeks": tr("Weeks"), "today": tr("Today"),
        "interactions": tr("Interactions"), "forced": tr("Rebuilt over existing data"),
    }
    return labels.get(key, key.replace("_", " ").capitalize())


def entity_label(entity: str, entity_id: object) -> str:
    names = {"rule": tr("Rule"), "person": tr("Person"), "queue": tr("Queue"), "complaint": tr("Complaint"),
             "shift": tr("Shift"), "rota": tr("Rota")}
    name = names.get(entity, entity.replace("_", " ").capitalize()) if entity else ""
    return f"{name} {entity_id}".strip() if entity_id is not None else name


class ConflictDialog(QDialog):
    """Another desk saved first: show both versions; the user reloads theirs or keeps editing."""

    def __init__(self, exc: ConflictError, parent: QWidget | None = None,
                 on_reload: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(tr("Changed on another desk"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        what = entity_label(exc.entity, exc.entity_id)
        title = QLabel(f"{what}: {exc}" if what else str(exc))
        title.setObjectName("conflict_title")
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-weight: 600;")
        layout.addWidget(title)
        advice = QLabel(tr("Nothing was overwritten. Reload to continue from their version, "
                           "or keep your edits open and copy your values first."))
        advice.setWordWrap(True)
        layout.addWidget(advice)
        keys = [k for k in exc.mine] if exc.mine else sorted(exc.theirs)
        self.table = table = QTableWidget(len(keys), 3, self)
        table.setObjectName("conflict_table")
        table.setHorizontalHeaderLabels([tr("Field"), tr("Yours (not saved)"), tr("Theirs (saved)")])
        bold = QFont()
        bold.setBold(True)
        for row, key in enumerate(keys):
            mine, theirs = exc.mine.get(key, ""), exc.theirs.get(key, "")
            cells = (QTableWidgetItem(field_label(key)), QTableWidgetItem(_fmt(mine)),
                     QTableWidgetItem(_fmt(theirs) if key in exc.theirs else tr("(unknown)")))
            for col, item in enumerate(cells):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if key in exc.theirs and _fmt(mine) != _fmt(theirs):
                    item.setFont(bold)
                table.setItem(row, col, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setMaximumHeight(48 + 30 * max(len(keys), 1))
        layout.addWidget(table)
        buttons = QDialogButtonBox(self)
        self.reload_button = buttons.addButton(tr("Reload their version"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button = buttons.addButton(tr("Keep my edits open"), QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if on_reload is not None:
            self.accepted.connect(on_reload)
        layout.addWidget(buttons)

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


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
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)
