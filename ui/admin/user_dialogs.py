"""The Admin workspace's user dialogs: add a user, edit one (role, linked person, active), reset a password.

They save through ``app.security.accounts`` on the writer thread, like the other Admin dialogs:
a refused value keeps the dialog open with the message under the form, a conflict shows both
versions. Temporary passwords are shown in clear text so the administrator can hand them over;
they are never written anywhere but as a hash.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.admin.people import PersonRow
from app.admin.users import UserRow, get_user_row
from app.changes import Changes
from app.security import accounts
from db.models.org import ROLES
from ui.admin.dialogs import EditDialog
from ui.admin.models import job_title_text, local_time_text
from ui.context import ConsoleContext


def _person_combo(people: list[PersonRow], linked: int | None, linked_name: str | None) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("user_person")
    combo.addItem(QCoreApplication.translate("admin", "(nobody)"), None)
    for p in people:
        if p.active or p.id == linked:
            combo.addItem(f"{p.full_name} ({p.employee_no})", p.id)
    if linked is not None and combo.findData(linked) < 0:  # linked to someone added on another desk
        combo.addItem(linked_name or str(linked), linked)
    combo.setCurrentIndex(max(combo.findData(linked), 0) if linked is not None else 0)
    return combo


def _role_combo() -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("user_role")
    for role in ROLES:
        combo.addItem(job_title_text(role), role)
    return combo


class _PasswordField(QWidget):
    """A temporary password in clear text, with a button that suggests a strong one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setObjectName("temporary_password")
        self.edit.setPlaceholderText(self.tr("%1+ characters, with a digit or symbol")
                                     .replace("%1", str(accounts.MIN_PASSWORD_LENGTH)))
        self.edit.setToolTip(self.tr("At least %1 characters: letters and at least one digit or symbol")
                             .replace("%1", str(accounts.MIN_PASSWORD_LENGTH)))
        self.suggest = QPushButton(self.tr("Suggest"))
        self.suggest.setToolTip(self.tr("Fill in a random password that meets the rules"))
        self.suggest.clicked.connect(lambda: self.edit.setText(accounts.suggest_temporary_password()))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.suggest)

    def text(self) -> str:
        return self.edit.text()


class UserEditDialog(EditDialog):
    permission = "users.edit"

    def __init__(self, ctx: ConsoleContext, user: UserRow, people: list[PersonRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Edit user"), parent)
        self.user_id = user.id
        self.display_name = QLineEdit()
        self.display_name.setObjectName("user_display_name")
        self.display_name.setMaxLength(120)
        self.role = _role_combo()
        self.person = _person_combo(people, user.person_id, user.person_name)
        self.active = QCheckBox(self.tr("Active (may sign in)"))
        self.active.setObjectName("user_active")
        self.last_sign_in = QLabel()
        self.form.addRow(self.tr("Display name"), self.display_name)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Linked person"), self.person)
        self.form.addRow("", self.active)
        self.form.addRow(self.tr("Last sign-in"), self.last_sign_in)
        if self.save_button is not None:
            self.save_button.setText(self.tr("Save user"))
        self.fill(user)
        self.set_editable()

    def editors(self) -> list[QWidget]:
        return [self.display_name, self.role, self.person, self.active]

    def fill(self, user: UserRow) -> None:
        self.user = user
        self.version = user.version
        self.header.setText(f"{user.username} — {job_title_text(user.role)}")
        self.display_name.setText(user.display_name)
        self.role.setCurrentIndex(max(self.role.findData(user.role), 0))
        index = self.person.findData(user.person_id) if user.person_id is not None else 0
        if index < 0:
            self.person.addItem(user.person_name or str(user.person_id), user.person_id)
            index = self.person.count() - 1
        self.person.setCurrentIndex(index)
        self.active.setChecked(user.active)
        self.last_sign_in.setText(local_time_text(user.last_login_at, self.ctx.timezone) or self.tr("never"))

    def command(self) -> Callable[[Any], Changes]:
        uid, version, actor = self.user_id, self.version, self.ctx.actor
        name, role = self.display_name.text(), self.role.currentData()
        person_id, active = self.person.currentData(), self.active.isChecked()
        return lambda s: accounts.update_user(s, actor, uid, version, display_name=name, role=role,
                                              person_id=person_id, active=active)

    def fetch(self) -> Callable[[Any], Any]:
        uid = self.user_id
        return lambda s: get_user_row(s, uid)


class AddUserDialog(EditDialog):
    permission = "users.edit"

    def __init__(self, ctx: ConsoleContext, people: list[PersonRow], parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add user"), parent)
        self.header.setText(self.tr("New user"))
        self.show_note(self.tr("The new user signs in with the temporary password and then chooses their own. "
                               "Tell them the password in person or by phone."))
        self.username = QLineEdit()
        self.username.setObjectName("user_username")
        self.username.setMaxLength(64)
        self.username.setPlaceholderText(self.tr("e.g. wang.fang (no spaces)"))
        self.display_name = QLineEdit()
        self.display_name.setObjectName("user_display_name")
        self.display_name.setMaxLength(120)
        self.role = _role_combo()
        self.role.setCurrentIndex(max(self.role.findData("agent"), 0))
        self.people = {p.id: p for p in people}
        self.person = _person_combo(people, None, None)
        self.person.currentIndexChanged.connect(self._on_person_current_index_changed)
        self.password = _PasswordField()
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Linked person"), self.person)
        self.form.addRow(self.tr("Display name"), self.display_name)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Temporary password"), self.password)
        if self.save_button is not None:
            self.save_button.setText(self.tr("Add user"))
        self.set_editable()

    def editors(self) -> list[QWidget]:
        return [self.username, self.display_name, self.role, self.person, self.password]

    def _on_person_current_index_changed(self, _index: int) -> None:
        """Picking the person fills in their name and job as display name and role."""
        person = self.people.get(self.person.currentData())
        if person is None:
            return
        if not self.display_name.text().strip():
            self.display_name.setText(person.full_name)
        role_index = self.role.findData(person.job_title)
        if role_index >= 0:
            self.role.setCurrentIndex(role_index)

    def check(self) -> None:
        if not self.username.text().strip():
            raise ValueError(self.tr("Enter a user name."))
        accounts.check_password_strength(self.password.text())

    def command(self) -> Callable[[Any], Changes]:
        actor = self.ctx.actor
        username, name, role = self.username.text(), self.display_name.text(), self.role.currentData()
        person_id, password = self.person.currentData(), self.password.text()

        def add(s: Any) -> Changes:
            accounts.create_user(s, actor, username, name, role, password, person_id=person_id)
            return Changes.PEOPLE | Changes.AUDIT

        return add

    def fetch(self) -> Callable[[Any], Any]:
        return lambda s: None


class ResetPasswordDialog(EditDialog):
    permission = "users.edit"

    def __init__(self, ctx: ConsoleContext, user: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Reset password"), parent)
        self.user_id = user.id
        self.header.setText(self.tr("New temporary password for %1 (%2)").replace("%1", user.display_name)
                            .replace("%2", user.username))
        self.password = _PasswordField()
        self.form.addRow(self.tr("Temporary password"), self.password)
        self.show_note(self.tr("%1 must choose a new password at the next sign-in. A locked account is "
                               "unlocked at once.").replace("%1", user.username))
        if self.save_button is not None:
            self.save_button.setText(self.tr("Reset password"))
        self.set_editable()

    def editors(self) -> list[QWidget]:
        return [self.password]

    def check(self) -> None:
        accounts.check_password_strength(self.password.text())

    def command(self) -> Callable[[Any], Changes]:
        uid, actor, password = self.user_id, self.ctx.actor, self.password.text()
        return lambda s: accounts.reset_password(s, actor, uid, password)

    def fetch(self) -> Callable[[Any], Any]:
        uid = self.user_id
        return lambda s: get_user_row(s, uid)
