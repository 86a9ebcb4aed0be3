"""Small edit dialogs of the Admin workspace: a rule value, a person, a queue's targets.

Each dialog remembers the version it loaded and saves through an ``app.admin`` service on the
writer thread. A refused value keeps the dialog open with the message under the form; a
conflict shows both versions and "Reload their version" refills the form from the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.admin.people import MAX_CONTRACT_HOURS, PersonRow, TeamRow, get_person, update_person
from app.admin.queues import (
    MAX_ANSWER_SECONDS,
    MAX_PRIORITY,
    QueueRow,
    get_queue,
    update_queue_targets,
)
from app.admin.rules import RuleValue, coerce_rule_value, get_rule, update_rule
from app.changes import Changes
from app.security.permissions import allowed
from db.errors import ConflictError
from db.models.org import AGENT_LEVELS
from ui.admin.models import (
    channel_text,
    job_title_text,
    level_text,
    local_time_text,
    rule_description_text,
    rule_value_text,
    unit_text,
)
from ui.context import ConsoleContext
from ui.errors import show_error


class EditDialog(QDialog):
    """Header, form, read-only note, error line and Save/Cancel; subclasses fill the form."""

    permission = ""

    def __init__(self, ctx: ConsoleContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.may_edit = allowed(ctx.actor, self.permission)
        self.version = 0
        self.saving = False
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setObjectName("dialog_header")
        self.header.setStyleSheet("font-weight: 600; font-size: 14px; padding-bottom: 4px;")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.header)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        self.error = QLabel()
        self.error.setObjectName("form_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)
        if self.may_edit:
            self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            self.buttons.accepted.connect(self.save)
        else:
            self.save_button = None
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
            self.show_note(self.tr("You are signed in as %1 (%2): your role may look but not change this.")
                           .replace("%1", ctx.actor.username).replace("%2", job_title_text(ctx.actor.role)))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # --- for subclasses --------------------------------------------------------------------
    def fill(self, row: Any) -> None:
        raise NotImplementedError

    def check(self) -> None:
        """Validate the form without the database; raise ValueError with a message."""

    def command(self) -> Callable[[Any], Changes]:
        raise NotImplementedError

    def fetch(self) -> Callable[[Any], Any]:
        raise NotImplementedError

    def editors(self) -> list[QWidget]:
        return []

    # --- behaviour ---------------------------------------------------------------------------
    def set_editable(self) -> None:
        for widget in self.editors():
            widget.setEnabled(self.may_edit)

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def save(self) -> None:
        if not self.may_edit or self.saving:
            return
        try:
            self.check()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.show_error("")
        self.saving = True
        if self.save_button is not None:
            self.save_button.setEnabled(False)
        self.ctx.tasks.command(self.command()).success(self._on_saved).failure(self._on_failed).run()

    def _on_saved(self, changes: Changes) -> None:
        self.saving = False
        self.ctx.bus.operation_did_execute.emit(changes, self)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.saving = False
        if self.save_button is not None:
            self.save_button.setEnabled(True)
        if isinstance(exc, ValueError):
            self.show_error(str(exc))
        elif isinstance(exc, ConflictError):
            show_error(self, exc, on_reload=self.reload_theirs)
        else:
            show_error(self, exc)

    def reload_theirs(self) -> None:
        """Refill the form from the database: their values, their version."""
        self.ctx.tasks.query(self.fetch()).success(self._on_reloaded).failure(
            lambda exc: show_error(self, exc)).run()

    def _on_reloaded(self, row: Any) -> None:
        if row is None:
            self.show_error(self.tr("This record no longer exists; it was removed on another desk."))
            if self.save_button is not None:
                self.save_button.setEnabled(False)
            return
        self.fill(row)
        self.show_error("")
        self.show_note(self.tr("Reloaded the version saved on the other desk. Make your change again if "
                               "it is still needed."))


class RuleEditDialog(EditDialog):
    permission = "rules.edit"

    def __init__(self, ctx: ConsoleContext, rule: RuleValue, parent: QWidget | None = None, *,
                 typed: str | None = None, error: str = "") -> None:
        super().__init__(ctx, self.tr("Rule %1").replace("%1", rule.key), parent)
        self.key = rule.key
        self.value_edit = QLineEdit()
        self.value_edit.setObjectName("rule_value")
        self.unit_label = QLabel()
        self.form.addRow(self.tr("Value"), self.value_edit)
        self.form.addRow(self.tr("Unit"), self.unit_label)
        self.default_label = QLabel()
        self.form.addRow(self.tr("Default"), self.default_label)
        self.changed_label = QLabel()
        self.form.addRow(self.tr("Last changed"), self.changed_label)
        self.fill(rule)
        if typed is not None:
            self.value_edit.setText(typed)
        self.show_error(error)
        self.set_editable()

    def editors(self) -> list[QWidget]:
        return [self.value_edit]

    def fill(self, rule: RuleValue) -> None:
        self.rule = rule
        self.version = rule.version
        self.header.setText(f"{rule.key} — {rule_description_text(rule.description)}")
        self.value_edit.setText(("yes" if rule.value else "no") if isinstance(rule.value, bool) else str(rule.value))  # notr
        self.unit_label.setText(unit_text(rule.unit))
        self.default_label.setText(rule_value_text(rule.default))
        self.changed_label.setText(
            self.tr("%1 by %2").replace("%1", local_time_text(rule.updated_at, self.ctx.timezone))
            .replace("%2", rule.updated_by) if rule.updated_by and rule.updated_at else self.tr("never (default)"))

    def check(self) -> None:
        coerce_rule_value(self.key, self.value_edit.text())

    def command(self) -> Callable[[Any], Changes]:
        key, text, version, actor = self.key, self.value_edit.text(), self.version, self.ctx.actor
        return lambda s: update_rule(s, actor, key, text, version)

    def fetch(self) -> Callable[[Any], Any]:
        key = self.key
        return lambda s: get_rule(s, key)


class PersonEditDialog(EditDialog):
    permission = "people.edit"

    def __init__(self, ctx: ConsoleContext, person: PersonRow, teams: list[TeamRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Edit person"), parent)
        self.person_id = person.id
        self.team = QComboBox()
        self.team.setObjectName("person_team")
        self.team.addItem(self.tr("(no team)"), None)
        for t in teams:
            self.team.addItem(t.name, t.id)
        self.level = QComboBox()
        self.level.setObjectName("person_level")
        for level in AGENT_LEVELS:
            self.level.addItem(level_text(level), level)
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("person_hours")
        self.hours.setRange(0.0, MAX_CONTRACT_HOURS)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(self.tr(" h/week"))
        self.active = QCheckBox(self.tr("Active (works in this center)"))
        self.active.setObjectName("person_active")
        self.form.addRow(self.tr("Team"), self.team)
        self.form.addRow(self.tr("Level"), self.level)
        self.form.addRow(self.tr("Contract hours"), self.hours)
        self.form.addRow("", self.active)
        self.fill(person)
        self.set_editable()

    def editors(self) -> list[QWidget]:
        return [self.team, self.level, self.hours, self.active]

    def fill(self, person: PersonRow) -> None:
        self.person = person
        self.version = person.version
        self.header.setText(f"{person.full_name} ({person.employee_no}) — {job_title_text(person.job_title)}")
        index = self.team.findData(person.team_id) if person.team_id is not None else 0
        if index < 0 and person.team_name:  # a team created on another desk since the list loaded
            self.team.addItem(person.team_name, person.team_id)
            index = self.team.count() - 1
        self.team.setCurrentIndex(max(index, 0))
        self.level.setCurrentIndex(max(self.level.findData(person.level), 0))
        self.hours.setValue(person.contract_hours_week)
        self.active.setChecked(person.active)
        self.level.setVisible(person.job_title == "agent")
        label = self.form.labelForField(self.level)
        if label is not None:
            label.setVisible(person.job_title == "agent")

    def set_editable(self) -> None:
        super().set_editable()
        self.level.setEnabled(self.may_edit and self.person.job_title == "agent")

    def command(self) -> Callable[[Any], Changes]:
        pid, version, actor = self.person_id, self.version, self.ctx.actor
        team_id = self.team.currentData()
        level = self.level.currentData() if self.person.job_title == "agent" else None
        hours, active = self.hours.value(), self.active.isChecked()
        return lambda s: update_person(s, actor, pid, version, team_id=team_id, level=level,
                                       contract_hours_week=hours, active=active)

    def fetch(self) -> Callable[[Any], Any]:
        pid = self.person_id
        return lambda s: get_person(s, pid)


class QueueEditDialog(EditDialog):
    permission = "queues.edit"

    def __init__(self, ctx: ConsoleContext, queue: QueueRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Queue targets"), parent)
        self.queue_id = queue.id
        self.priority = QSpinBox()
        self.priority.setObjectName("queue_priority")
        self.priority.setRange(0, MAX_PRIORITY)
        self.target_percent = QDoubleSpinBox()
        self.target_percent.setObjectName("queue_target_percent")
        self.target_percent.setRange(0.0, 100.0)
        self.target_percent.setDecimals(1)
        self.target_percent.setSuffix(" %")
        self.target_seconds = QSpinBox()
        self.target_seconds.setObjectName("queue_target_seconds")
        self.target_seconds.setRange(1, MAX_ANSWER_SECONDS)
        self.target_seconds.setSuffix(self.tr(" s"))
        self.form.addRow(self.tr("Priority (higher first)"), self.priority)
        self.form.addRow(self.tr("Service-level target"), self.target_percent)
        self.form.addRow(self.tr("…answered within"), self.target_seconds)
        self.fill(queue)
        self.set_editable()

    def editors(self) -> list[QWidget]:
        return [self.priority, self.target_percent, self.target_seconds]

    def fill(self, queue: QueueRow) -> None:
        self.queue = queue
        self.version = queue.version
        vip = self.tr(", VIP") if queue.is_vip else ""
        self.header.setText(f"{queue.name} — {channel_text(queue.channel)}{vip}")
        self.priority.setValue(queue.priority)
        self.target_percent.setValue(round(queue.target_service_level * 100, 1))
        self.target_seconds.setValue(queue.target_answer_sec)

    def command(self) -> Callable[[Any], Changes]:
        qid, version, actor = self.queue_id, self.version, self.ctx.actor
        priority, percent, seconds = self.priority.value(), self.target_percent.value(), self.target_seconds.value()
        return lambda s: update_queue_targets(s, actor, qid, version, priority=priority,
                                              target_percent=percent, target_answer_sec=seconds)

    def fetch(self) -> Callable[[Any], Any]:
        qid = self.queue_id
        return lambda s: get_queue(s, qid)
