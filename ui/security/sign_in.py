"""The dialogs between start-up and the main window: first administrator, sign-in, new password."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.actor import Actor
from app.security import accounts
from app.security.accounts import SignInError, UserInfo
from db.database import Database
from db.errors import DatabaseError
from ui.errors import user_message
from ui.tasks import TaskRunner


class _AccountDialog(QDialog):
    """Shared frame: a heading, a form, an error line, OK/Cancel; the work runs off the UI thread."""

    def __init__(self, tasks: TaskRunner, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        title = QLabel(heading)
        title.setObjectName("page_title")
        title.setWordWrap(True)
        layout.addWidget(title)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error = QLabel()
        self.error.setObjectName("form_error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def set_submit_text(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)

    def _password_field(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _submit(self) -> None:
        raise NotImplementedError

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.WaitCursor if busy else Qt.CursorShape.ArrowCursor)

    def show_error(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, SignInError | ValueError):
            self.error.setText(user_message(exc))
        elif isinstance(exc, DatabaseError):
            self.error.setText(f"{user_message(exc)} {QCoreApplication.translate('errors', exc.hint)}")
        else:
            raise exc
        self.error.show()


class FirstRunDialog(_AccountDialog):
    """A fresh database: create the administrator who will add everyone else."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, QCoreApplication.translate("FirstRunDialog", "Welcome to Floorwalker"), parent)
        self.setWindowTitle(self.tr("Create the administrator"))
        intro = QLabel(self.tr("This database has no users yet. Create the administrator account; "
                               "the administrator then adds supervisors, schedulers and managers in Admin."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.password = self._password_field()
        self.repeat = self._password_field()
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Full name"), self.display_name)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Repeat password"), self.repeat)
        self.set_submit_text(self.tr("Create administrator"))
        self.user: UserInfo | None = None

    def _submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.show_error(ValueError(self.tr("The two passwords differ.")))
            return
        self._busy(True)
        username, name, password = self.username.text(), self.display_name.text(), self.password.text()
        self.tasks.command(lambda s: accounts.create_first_administrator(s, username, name, password)) \
            .success(self._done).failure(self.show_error).run()

    def _done(self, user: UserInfo) -> None:
        self.user = user
        self.accept()


class SignInDialog(_AccountDialog):
    def __init__(self, tasks: TaskRunner, center_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(tasks, center_name or "Floorwalker", parent)
        self.setWindowTitle(self.tr("Sign in to Floorwalker"))
        hint = QLabel(self.tr("Sign in with the user name and password your administrator gave you."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.username = QLineEdit()
        self.password = self._password_field()
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)
        self.set_submit_text(self.tr("Sign in"))
        self.user: UserInfo | None = None

    def _submit(self) -> None:
        self._busy(True)
        username, password = self.username.text(), self.password.text()
        self.tasks.command(lambda s: accounts.authenticate(s, username, password)) \
            .success(self._done).failure(self.show_error).run()

    def _done(self, user: UserInfo) -> None:
        self.user = user
        self.accept()


class ChangePasswordDialog(_AccountDialog):
    def __init__(self, tasks: TaskRunner, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(tasks, QCoreApplication.translate("ChangePasswordDialog", "Choose a new password"), parent)
        self.setWindowTitle(self.tr("Change password"))
        self.user = user
        note = QLabel(self.tr("Your password was set by an administrator. Choose your own before you start."))
        note.setWordWrap(True)
        self.form.addRow(note)
        self.current = self._password_field()
        self.new = self._password_field()
        self.repeat = self._password_field()
        self.form.addRow(self.tr("Current password"), self.current)
        self.form.addRow(self.tr("New password"), self.new)
        self.form.addRow(self.tr("Repeat new password"), self.repeat)
        self.set_submit_text(self.tr("Change password"))

    def _submit(self) -> None:
        if self.new.text() != self.repeat.text():
            self.show_error(ValueError(self.tr("The two new passwords differ.")))
            return
        self._busy(True)
        user_id, old, new = self.user.id, self.current.text(), self.new.text()
        self.tasks.command(lambda s: accounts.change_password(s, user_id, old, new)) \
            .success(lambda _r: self.accept()).failure(self.show_error).run()


def sign_in(db: Database, center_name: str = "") -> Actor | None:
    """Run the start-up dialogs; the signed-in Actor, or None if the user gave up."""
    tasks = TaskRunner(db)
    try:
        with db.session() as s:
            first_run = accounts.needs_first_administrator(s)
        if first_run:
            dialog: FirstRunDialog | SignInDialog = FirstRunDialog(tasks)
        else:
            dialog = SignInDialog(tasks, center_name)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
            return None
        user = dialog.user
        if user.must_change_password:
            change = ChangePasswordDialog(tasks, user)
            if change.exec() != QDialog.DialogCode.Accepted:
                return None
        return user.actor()
    finally:
        tasks.shutdown()
