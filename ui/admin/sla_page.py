"""Admin ▸ SLA: the clocks' policies (target, calendar, warning, pause, escalation ladder, per-priority
targets) and the business calendars (working windows, time zone, holidays, extra closures and
make-up days). Administrators edit; every save is versioned, audited and recomputes open deadlines."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.complaints.board import PRIORITY_LABELS
from app.complaints.policies import (
    CalendarView,
    PolicyView,
    list_calendars,
    list_policies,
    save_calendar,
    set_calendar_day,
    update_policy,
)
from app.security.permissions import allowed
from ui.admin.models import (
    Column,
    RowsModel,
    date_text,
    rule_description_text,
    sorting_proxy,
    weekday_text,
)
from ui.complaints.models import role_label
from ui.context import ConsoleContext
from ui.errors import show_error

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WINDOW = re.compile(r"^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$")


def tr(text: str) -> str:
    return QCoreApplication.translate("sla_admin", text)


def priority_text(priority: str) -> str:
    return rule_description_text(PRIORITY_LABELS[priority]) if priority in PRIORITY_LABELS else priority


def minutes_text(minutes: float | None) -> str:
    if minutes is None:
        return "—"
    if minutes >= 60 and minutes % 60 == 0:
        return tr("%1 h").replace("%1", f"{minutes / 60:g}")
    return tr("%1 min").replace("%1", f"{minutes:g}")


def ladder_text(ladder: Any) -> str:
    parts = []
    for level in ladder or ():
        when = (tr("+%1 min").replace("%1", str(level.get("after_minutes"))) if "after_minutes" in level
                else tr("at %1 %").replace("%1", str(level.get("at_percent"))))
        parts.append(f"{level.get('level', '?')}: {role_label(str(level.get('notify', '?')))} {when}")
    return " · ".join(parts)


def hours_text(opening_hours: dict[str, Any], *, localized: bool = False) -> str:
    """The working windows as the dialog reads them ('mon 09:00-18:00; …'); ``localized``: the
    weekdays as the user's locale names them (for the table)."""
    out = []
    for d in DAYS:
        windows = opening_hours.get(d) or []
        if windows and isinstance(windows[0], str):  # ["09:00", "18:00"]
            windows = [windows]
        if windows:
            out.append(f"{weekday_text(d) if localized else d} " + ",".join(f"{a}-{b}" for a, b in windows))
    return "; ".join(out) or tr("never open")


def parse_hours(text: str) -> dict[str, list[list[str]]]:
    """'mon-fri 09:00-12:00,13:00-18:00; sat 10:00-16:00' -> opening_hours; ValueError naming the part."""
    result: dict[str, list[list[str]]] = {}
    for part in filter(None, (p.strip() for p in re.split(r"[;\n]", text))):
        head, _, spans = part.partition(" ")
        head = head.strip().lower()
        if "-" in head:
            a, _, b = head.partition("-")
            if a not in DAYS or b not in DAYS:
                raise ValueError(tr("'%1': days are mon, tue, wed, thu, fri, sat, sun.").replace("%1", part))
            days = DAYS[DAYS.index(a):DAYS.index(b) + 1]
        elif head in DAYS:
            days = (head,)
        else:
            raise ValueError(tr("'%1': start with a day (mon) or a range (mon-fri).").replace("%1", part))
        windows = []
        for span in filter(None, (s.strip() for s in spans.split(","))):
            m = _WINDOW.match(span)
            if not m:
                raise ValueError(tr("'%1': write the hours like 09:00-18:00.").replace("%1", span))
            windows.append([m.group(1).zfill(5), m.group(2).zfill(5)])
        if not windows:
            raise ValueError(tr("'%1': give the hours, like mon-fri 09:00-18:00.").replace("%1", part))
        for d in days:
            result[d] = windows
    return result


class PoliciesModel(RowsModel[PolicyView]):
    def columns(self) -> list[Column[PolicyView]]:
        return [
            Column(tr("Clock"), lambda p: p.rule_id),
            Column(tr("Name"), lambda p: rule_description_text(p.name)),
            Column(tr("Target"), lambda p: minutes_text(p.target_minutes) + (
                " (" + ", ".join(f"{priority_text(k)} {minutes_text(v)}" for k, v in p.priority_targets.items()) + ")"
                if p.priority_targets else ""), sort=lambda p: p.target_minutes),
            Column(tr("Calendar"), lambda p: p.calendar_name or tr("24 x 7")),
            Column(tr("Warn"), lambda p: " / ".join(filter(None, (
                f"{p.warn_at_percent} %" if p.warn_at_percent else "",
                tr("%1 before").replace("%1", minutes_text(p.warn_before_minutes)) if p.warn_before_minutes else "")))
                or "—"),
            Column(tr("Pauses"), lambda p: tr("yes") if p.pause_when_waiting else tr("no")),
            Column(tr("Escalation ladder"), lambda p: ladder_text(p.escalation_ladder)),
            Column(tr("Version"), lambda p: str(p.version), align_right=True),
            Column(tr("Changed by"), lambda p: p.updated_by or ""),
        ]


class CalendarsModel(RowsModel[CalendarView]):
    def columns(self) -> list[Column[CalendarView]]:
        return [
            Column(tr("Calendar"), lambda c: c.name),
            Column(tr("Time zone"), lambda c: c.timezone),
            Column(tr("Holidays"), lambda c: c.holiday_country or tr("none")),
            Column(tr("Working hours"), lambda c: hours_text(dict(c.opening_hours), localized=True)),
            Column(tr("Extra days"), lambda c: ", ".join(
                f"{date_text(d)} {tr('open') if is_open else tr('closed')}" for d, is_open, _n in c.days[-6:])),
        ]


class PolicyDialog(QDialog):
    def __init__(self, policy: PolicyView, calendars: list[CalendarView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self.setWindowTitle(tr("SLA policy %1").replace("%1", policy.rule_id))
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{policy.rule_id}</b> — {rule_description_text(policy.name)}", self))
        self.target = QSpinBox(self)
        self.target.setRange(1, 60 * 24 * 365)
        self.target.setSuffix(tr(" min"))
        self.target.setValue(int(policy.target_minutes))
        form.addRow(tr("Target"), self.target)
        self.calendar = QComboBox(self)
        self.calendar.addItem(tr("24 x 7"), None)
        for c in calendars:
            self.calendar.addItem(c.name, c.id)
        self.calendar.setCurrentIndex(max(0, self.calendar.findData(policy.calendar_id)))
        form.addRow(tr("Calendar"), self.calendar)
        self.warn_percent = QSpinBox(self)
        self.warn_percent.setRange(0, 99)
        self.warn_percent.setSpecialValueText(tr("off"))
        self.warn_percent.setSuffix(" %")
        self.warn_percent.setValue(policy.warn_at_percent or 0)
        form.addRow(tr("Warn at (% of the target)"), self.warn_percent)
        self.warn_before = QSpinBox(self)
        self.warn_before.setRange(0, 60 * 24 * 30)
        self.warn_before.setSpecialValueText(tr("off"))
        self.warn_before.setSuffix(tr(" min before"))
        self.warn_before.setValue(policy.warn_before_minutes or 0)
        form.addRow(tr("…or minutes before the breach"), self.warn_before)
        self.pause = QCheckBox(tr("Pause while waiting on the customer"), self)
        self.pause.setChecked(policy.pause_when_waiting)
        form.addRow(self.pause)
        self.ladder = QPlainTextEdit(self)
        self.ladder.setPlainText(json.dumps(list(policy.escalation_ladder), indent=1))
        self.ladder.setFixedHeight(110)
        self.ladder.setToolTip(tr('Levels after the breach, e.g. [{"level": 1, "notify": "owner", "after_minutes": 0}]; '
                                  "notify owner, supervisor, manager or role:<role>"))
        form.addRow(tr("Escalation ladder"), self.ladder)
        self.priorities = QLineEdit(self)
        self.priorities.setPlaceholderText(tr("e.g. urgent=240 (minutes per priority class; empty: none)"))
        self.priorities.setText(", ".join(f"{k}={v:g}" for k, v in policy.priority_targets.items()))
        form.addRow(tr("Targets by priority"), self.priorities)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        ladder = json.loads(self.ladder.toPlainText() or "[]")
        if not isinstance(ladder, list):
            raise ValueError(tr("The ladder is a list of levels."))
        priorities: dict[str, float] = {}
        for pair in filter(None, (p.strip() for p in self.priorities.text().split(","))):
            name, _, minutes = pair.partition("=")
            try:
                priorities[name.strip()] = float(minutes)
            except ValueError:
                raise ValueError(tr("'%1': write a priority target like urgent=240.").replace("%1", pair)) from None
        return {"target_minutes": self.target.value(), "calendar_id": self.calendar.currentData(),
                "warn_at_percent": self.warn_percent.value() or None,
                "warn_before_minutes": self.warn_before.value() or None, "escalation_ladder": ladder,
                "pause_when_waiting": self.pause.isChecked(), "targets_by_priority": priorities}

    def _on_accepted(self) -> None:
        try:
            self.values()
        except (ValueError, json.JSONDecodeError) as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class CalendarDialog(QDialog):
    def __init__(self, calendar: CalendarView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar = calendar
        self.setWindowTitle(tr("Business calendar"))
        form = QFormLayout(self)
        self.name = QLineEdit(calendar.name if calendar else "", self)
        self.zone = QLineEdit(calendar.timezone if calendar else "Asia/Shanghai", self)
        self.country = QLineEdit((calendar.holiday_country or "") if calendar else "CN", self)
        self.country.setPlaceholderText(tr("CN, US, … (empty: no statutory holidays)"))
        self.hours = QPlainTextEdit(self)
        self.hours.setFixedHeight(70)
        self.hours.setPlaceholderText("mon-fri 09:00-12:00,13:00-18:00; sat 10:00-16:00")  # notr
        if calendar:
            self.hours.setPlainText(hours_text(dict(calendar.opening_hours)))
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Time zone"), self.zone)
        form.addRow(tr("Holidays of"), self.country)
        form.addRow(tr("Working hours"), self.hours)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "timezone": self.zone.text().strip(),
                "opening_hours": parse_hours(self.hours.toPlainText()),
                "holiday_country": self.country.text().strip().upper() or None}

    def _on_accepted(self) -> None:
        try:
            self.values()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class SlaAdminPage(QWidget):
    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.may_edit = allowed(ctx.actor, "rules.edit")
        self.policies: list[PolicyView] = []
        self.calendars: list[CalendarView] = []
        layout = QVBoxLayout(self)
        hint = QLabel(tr("Every complaint runs these clocks. A change makes a new version, is audited, and "
                         "recomputes the deadlines of the open cases at once."), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        tabs = QTabWidget(self)
        layout.addWidget(tabs, 1)
        pol = QWidget(tabs)
        pl = QVBoxLayout(pol)
        self.policies_model = PoliciesModel(self)
        self.policies_view = self._table(self.policies_model, pol)
        pl.addWidget(self.policies_view, 1)
        row = QHBoxLayout()
        self.edit_policy_button = QPushButton(tr("Edit policy…"), pol)
        self.edit_policy_button.setEnabled(self.may_edit)
        row.addWidget(self.edit_policy_button)
        row.addStretch(1)
        pl.addLayout(row)
        tabs.addTab(pol, tr("Policies"))
        cal = QWidget(tabs)
        cl = QVBoxLayout(cal)
        self.calendars_model = CalendarsModel(self)
        self.calendars_view = self._table(self.calendars_model, cal)
        cl.addWidget(self.calendars_view, 1)
        row = QHBoxLayout()
        self.new_calendar_button = QPushButton(tr("New calendar…"), cal)
        self.edit_calendar_button = QPushButton(tr("Edit calendar…"), cal)
        self.day = QDateEdit(cal)
        self.day.setCalendarPopup(True)
        self.day.setDate(QDate.currentDate())
        self.close_day_button = QPushButton(tr("Closed that day"), cal)
        self.open_day_button = QPushButton(tr("Open that day (make-up)"), cal)
        self.clear_day_button = QPushButton(tr("Back to the rule"), cal)
        for b in (self.new_calendar_button, self.edit_calendar_button, self.close_day_button, self.open_day_button,
                  self.clear_day_button):
            b.setEnabled(self.may_edit)
        for w in (self.new_calendar_button, self.edit_calendar_button):
            row.addWidget(w)
        row.addSpacing(16)
        row.addWidget(QLabel(tr("Day"), cal))
        for w in (self.day, self.close_day_button, self.open_day_button, self.clear_day_button):
            row.addWidget(w)
        row.addStretch(1)
        cl.addLayout(row)
        tabs.addTab(cal, tr("Calendars"))
        self.edit_policy_button.clicked.connect(self._on_edit_policy)
        self.policies_view.doubleClicked.connect(lambda _i: self._on_edit_policy())
        self.new_calendar_button.clicked.connect(lambda: self._edit_calendar(None))
        self.edit_calendar_button.clicked.connect(lambda: self._edit_calendar(self._selected_calendar()))
        self.close_day_button.clicked.connect(lambda: self._set_day(False))
        self.open_day_button.clicked.connect(lambda: self._set_day(True))
        self.clear_day_button.clicked.connect(lambda: self._set_day(None))
        ctx.bus.operation_did_execute.connect(self._on_bus_operation_did_execute)
        self.reload()

    def _table(self, model: RowsModel[Any], parent: QWidget) -> QTableView:
        view = QTableView(parent)
        view.setModel(sorting_proxy(model, view))
        view.setSortingEnabled(True)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def reload(self) -> None:
        self.ctx.tasks.query(lambda s: (list_policies(s), list_calendars(s))).success(self._on_loaded) \
            .failure(lambda exc: show_error(self, exc)).run()

    def _on_loaded(self, result: tuple[list[PolicyView], list[CalendarView]]) -> None:
        self.policies, self.calendars = result
        self.policies_model.set_rows(self.policies)
        self.calendars_model.set_rows(self.calendars)

    def _on_bus_operation_did_execute(self, changes: Changes, _initiator: object) -> None:
        if changes & Changes.SETTINGS and self.isVisible():
            self.reload()

    def _selected(self, view: QTableView, rows: list[Any]) -> Any:
        sel = view.selectionModel().selectedRows()
        if not sel:
            return None
        source = view.model().mapToSource(sel[0])  # type: ignore[attr-defined]
        return rows[source.row()]

    def _selected_calendar(self) -> CalendarView | None:
        return self._selected(self.calendars_view, self.calendars)

    def _changed(self, changes: Changes) -> None:
        self.ctx.bus.operation_did_execute.emit(changes, self)
        self.reload()

    def _on_edit_policy(self) -> None:
        policy = self._selected(self.policies_view, self.policies)
        if policy is None or not self.may_edit:
            return
        dialog = PolicyDialog(policy, self.calendars, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save_policy(policy, dialog.values())

    def save_policy(self, policy: PolicyView, values: dict[str, Any]) -> None:
        actor = self.ctx.actor
        self.ctx.tasks.command(lambda s: update_policy(s, actor, policy.rule_id, policy.version, **values)) \
            .success(self._changed).failure(lambda exc: show_error(self, exc, on_reload=self.reload)).run()

    def _edit_calendar(self, calendar: CalendarView | None) -> None:
        if not self.may_edit:
            return
        dialog = CalendarDialog(calendar, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.save_calendar(calendar, dialog.values())

    def save_calendar(self, calendar: CalendarView | None, values: dict[str, Any]) -> None:
        actor = self.ctx.actor
        cid, version = (calendar.id, calendar.version) if calendar else (None, 0)
        self.ctx.tasks.command(lambda s: save_calendar(s, actor, cid, version, **values)[1]) \
            .success(self._changed).failure(lambda exc: show_error(self, exc, on_reload=self.reload)).run()

    def _set_day(self, is_open: bool | None) -> None:
        calendar = self._selected_calendar()
        if calendar is None:
            return
        q = self.day.date()
        self.set_day(calendar, date(q.year(), q.month(), q.day()), is_open)

    def set_day(self, calendar: CalendarView, day: date, is_open: bool | None) -> None:
        actor = self.ctx.actor
        self.ctx.tasks.command(lambda s: set_calendar_day(s, actor, calendar.id, day, is_open)) \
            .success(self._changed).failure(lambda exc: show_error(self, exc)).run()

