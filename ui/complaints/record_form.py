"""The record form (Ctrl+N): a complaint or service request logged in under a minute.

Everything has a sensible default except the summary; the customer's phone and name are shown
masked as soon as the field is left (R-SEC-2) and are stored encrypted by the service. Problems
are shown under the field they concern, and the form stays open with what was typed.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.changes import Changes
from app.complaints.board import (
    CATEGORIES,
    CATEGORY_LABELS,
    CHANNEL_LABELS,
    KIND_LABELS,
    PRIORITIES,
    PRIORITY_LABELS,
)
from app.security.masking import mask_name, mask_phone
from db.errors import ConflictError, DatabaseError
from ui.complaints import actions
from ui.complaints.formatting import label
from ui.context import ConsoleContext
from ui.errors import show_error

SUMMARY_MAX = 4000
FAR_FUTURE = timedelta(days=366)
ERROR_COLOR = "#d64541"


class MaskedLineEdit(QLineEdit):
    """Shows what is typed while focused and the masked form once left (the value stays in clear)."""

    def __init__(self, masker: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._masker = masker
        self._value = ""

    def value(self) -> str:
        return (self.text() if self.hasFocus() else self._value).strip()

    def set_value(self, value: str) -> None:
        self._value = value
        self.setText(value if self.hasFocus() else self._masker(value))

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.setText(self._value)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self._value = self.text()
        self.setText(self._masker(self._value))
        super().focusOutEvent(event)


class RecordComplaintDialog(QDialog):
    """New complaint or service request; ``complaint_did_record(id)`` once it is saved."""

    complaint_did_record = Signal(object)

    def __init__(self, ctx: ConsoleContext, people: list[Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("record_complaint")
        self.setWindowTitle(self.tr("New complaint or service request"))
        self.setMinimumWidth(560)
        self.saving = False
        self.errors: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)

        first = QHBoxLayout()
        self.kind = QComboBox(self)
        for k in actions.KINDS:
            self.kind.addItem(label(KIND_LABELS[k]), k)
        self.channel = QComboBox(self)
        for c in actions.CHANNELS:
            self.channel.addItem(label(CHANNEL_LABELS[c]), c)
        first.addWidget(self.kind, 1)
        first.addWidget(QLabel(self.tr("via")))
        first.addWidget(self.channel, 1)
        self._row(form, self.tr("&Type"), first, self.kind)

        customer = QHBoxLayout()
        self.phone = MaskedLineEdit(mask_phone, self)
        self.phone.setObjectName("record_phone")
        self.phone.setPlaceholderText(self.tr("Phone"))
        self.name = MaskedLineEdit(mask_name, self)
        self.name.setObjectName("record_name")
        self.name.setPlaceholderText(self.tr("Name (optional)"))
        self.vip = QCheckBox(self.tr("&VIP"), self)
        customer.addWidget(self.phone, 3)
        customer.addWidget(self.name, 3)
        customer.addWidget(self.vip)
        self._row(form, self.tr("&Customer"), customer, self.phone)
        self._error_row(form, "customer")

        second = QHBoxLayout()
        self.category = QComboBox(self)
        self.category.setObjectName("record_category")
        for c in CATEGORIES:
            self.category.addItem(label(CATEGORY_LABELS[c]), c)
        self.category.setToolTip(self.tr("Complaint category (R-FLOW-3)"))
        self.priority = QComboBox(self)
        self.priority.setObjectName("record_priority")
        for p in PRIORITIES:
            self.priority.addItem(label(PRIORITY_LABELS[p]), p)
        self.priority.setCurrentIndex(PRIORITIES.index("regular"))
        self.priority.setToolTip(self.tr("Priority class (R-FLOW-2)"))
        second.addWidget(self.category, 2)
        second.addWidget(QLabel(self.tr("Priority")))
        second.addWidget(self.priority, 1)
        self._row(form, self.tr("C&ategory"), second, self.category)

        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("record_summary")
        self.summary.setPlaceholderText(self.tr("What happened, what the customer wants"))
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(84)
        form.addRow(self.tr("&Summary"), self.summary)
        self._error_row(form, "summary")

        self.departments = QLineEdit(self)
        self.departments.setObjectName("record_departments")
        self.departments.setPlaceholderText(self.tr("e.g. Logistics; Finance"))
        self.departments.setToolTip(self.tr("Departments involved, separated by ';' (R-FLOW-7)"))
        form.addRow(self.tr("&Departments"), self.departments)
        self._error_row(form, "departments")

        self.temporary = QLineEdit(self)
        self.temporary.setObjectName("record_temporary")
        self.temporary.setPlaceholderText(self.tr("Offered while the case is open (R-SLA-8)"))
        form.addRow(self.tr("Te&mporary solution"), self.temporary)

        eta = QHBoxLayout()
        self.eta_told = QCheckBox(self.tr("Customer told:"), self)
        self.eta_told.setObjectName("record_eta_told")
        self.eta = QDateTimeEdit(self)
        self.eta.setObjectName("record_eta")
        self.eta.setCalendarPopup(True)
        self.eta.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.set_eta(clock.now() + timedelta(hours=24))
        self.eta.setEnabled(False)
        self.eta_told.toggled.connect(self.eta.setEnabled)
        eta.addWidget(self.eta_told)
        eta.addWidget(self.eta, 1)
        self._row(form, self.tr("&Expected resolution"), eta, self.eta_told)
        self.eta.setToolTip(self.tr("The resolution time told to the customer (R-FLOW-8)"))
        self._error_row(form, "eta")

        self.owner = QComboBox(self)
        self.owner.setObjectName("record_owner")
        self.owner.addItem(self.tr("Unassigned"), None)
        for p in people or ():
            self.owner.addItem(p.full_name + (f" · {p.team_name}" if p.team_name else ""), (p.id, p.team_id))
        mine = self.owner.findData(next(((p.id, p.team_id) for p in people or () if p.id == ctx.actor.person_id),
                                        None))
        if mine >= 0:
            self.owner.setCurrentIndex(mine)
        form.addRow(self.tr("&Owner"), self.owner)

        self.general_error = QLabel(self)
        self.general_error.setObjectName("record_error")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.general_error.hide()
        outer.addWidget(self.general_error)
        hint = QLabel(self.tr("Ctrl+Enter saves · Esc cancels"), self)
        hint.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(hint)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        outer.addLayout(bottom)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, activated=self.save)
        self.phone.setFocus()

    def set_eta(self, at: datetime) -> None:
        """Shown in the center's time zone, whatever the desk's own zone is."""
        local = at.astimezone(self.ctx.timezone)
        self.eta.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)))

    def eta_value(self) -> datetime:
        d, t = self.eta.date(), self.eta.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.ctx.timezone)

    def _row(self, form: QFormLayout, text: str, field: QHBoxLayout, buddy: QWidget) -> None:
        caption = QLabel(text, self)
        caption.setBuddy(buddy)
        form.addRow(caption, field)

    def _error_row(self, form: QFormLayout, key: str) -> None:
        error = QLabel(self)
        error.setObjectName(f"error_{key}")
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {ERROR_COLOR}; font-size: 11px;")
        error.hide()
        self.errors[key] = error
        form.addRow("", error)

    # --- validation --------------------------------------------------------------------------------------
    def draft(self) -> actions.ComplaintDraft:
        owner = self.owner.currentData()
        departments = tuple(d.strip() for d in re.split(r"[;；,，]", self.departments.text()) if d.strip())
        return actions.ComplaintDraft(
            kind=self.kind.currentData(), channel=self.channel.currentData(), category=self.category.currentData(),
            priority=self.priority.currentData(), summary=self.summary.toPlainText().strip(),
            customer_phone=self.phone.value() or None, customer_name=self.name.value() or None,
            is_vip=self.vip.isChecked(), departments=departments,
            temporary_solution=self.temporary.text().strip() or None,
            expected_resolution_at=self.eta_value() if self.eta_told.isChecked() else None,
            owner_id=owner[0] if owner else None, team_id=owner[1] if owner else None)

    def validate(self) -> dict[str, str]:
        """Problems by field; empty when the form can be saved."""
        d = self.draft()
        problems: dict[str, str] = {}
        if not d.summary:
            problems["summary"] = self.tr("Write what the customer complains about.")
        elif len(d.summary) > SUMMARY_MAX:
            problems["summary"] = self.tr("The summary has more than %1 characters.").replace("%1", str(SUMMARY_MAX))
        if d.customer_phone:
            digits = re.sub(r"[\s\-+()]", "", d.customer_phone)
            if not digits.isdigit() or not 5 <= len(digits) <= 20:
                problems["customer"] = self.tr("The phone number should have 5 to 20 digits.")
        if any(len(x) > 120 for x in d.departments):
            problems["departments"] = self.tr("A department name has more than 120 characters.")
        if d.expected_resolution_at is not None:
            now = clock.now()
            if d.expected_resolution_at <= now:
                problems["eta"] = self.tr("The expected resolution time is in the past.")
            elif d.expected_resolution_at > now + FAR_FUTURE:
                problems["eta"] = self.tr("The expected resolution time is more than a year away.")
        return problems

    def show_problems(self, problems: dict[str, str], general: str = "") -> None:
        for key, error in self.errors.items():
            error.setText(problems.get(key, ""))
            error.setVisible(key in problems)
        self.general_error.setText(general)
        self.general_error.setVisible(bool(general))

    # --- saving -----------------------------------------------------------------------------------------
    def save(self) -> None:
        if self.saving:
            return
        problems = self.validate()
        self.show_problems(problems)
        if problems:
            return
        draft = self.draft()
        actor = self.ctx.actor
        self.saving = True
        self.save_button.setEnabled(False)
        self.ctx.tasks.command(lambda s: actions.record(s, actor, draft)) \
            .success(self._on_saved).failure(self._on_save_failed).run()

    def _on_saved(self, result: Any) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        changes = getattr(result, "changes", result if isinstance(result, Changes) else Changes.COMPLAINTS)
        complaint_id = getattr(result, "complaint_id", getattr(result, "id", None))
        self.ctx.bus.operation_did_execute.emit(changes, self)
        self.complaint_did_record.emit(complaint_id)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValueError | actions.ServiceMissing) and not isinstance(exc, ConflictError | DatabaseError):
            field = getattr(exc, "field", None)
            if field in ("summary", "customer", "departments", "eta"):
                self.show_problems({field: str(exc)})
            else:
                self.show_problems({}, str(exc))
            return
        show_error(self, exc)

