"""Qt item models of the Admin workspace: thin adapters over lists of the admin services' dataclasses."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QFont

from app import clock
from app.admin.audit_log import AuditLine
from app.admin.people import PersonRow, TeamRow
from app.admin.queues import QueueRow
from app.admin.rules import RuleValue, coerce_rule_value
from app.admin.users import UserRow
from app.i18n import TRANSLATION_CONTEXT
from app.jobs.claims import RunRecord
from app.jobs.status import JobStatus
from ui.errors import field_label

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


def tr(text: str) -> str:
    return QCoreApplication.translate("admin", text)


# words stored in the database, shown in the user's language
def job_title_text(title: str) -> str:
    return {
        "agent": tr("Agent"), "supervisor": tr("Supervisor"), "scheduler": tr("Scheduler"),
        "quality_analyst": tr("Quality analyst"), "trainer": tr("Trainer"), "manager": tr("Manager"),
        "administrator": tr("Administrator"),
    }.get(title, title)


def level_text(level: str | None) -> str:
    if not level:
        return ""
    return {"junior": tr("Junior"), "intermediate": tr("Intermediate"), "senior": tr("Senior")}.get(level, level)


def channel_text(channel: str) -> str:
    return {"phone": tr("Phone"), "chat": tr("Chat"), "email": tr("Email"), "social": tr("Social"),
            "onsite": tr("On-site")}.get(channel, channel)


def yes_no(value: bool) -> str:
    return tr("Yes") if value else tr("No")


def date_text(d: date | None) -> str:
    from PySide6.QtCore import QLocale

    if d is None:
        return ""
    locale = QLocale()
    qdate = QDate(d.year, d.month, d.day)
    if locale.language() == QLocale.Language.C:  # the C locale writes "5 05 2023"; ISO reads better
        return locale.toString(qdate, "yyyy-MM-dd")
    return locale.toString(qdate, QLocale.FormatType.ShortFormat)


def local_time_text(at: datetime | None, tz: ZoneInfo) -> str:
    """An aware UTC time shown in the center's time zone, as the user's locale writes it."""
    from PySide6.QtCore import QLocale

    if at is None:
        return ""
    local = at.astimezone(tz)
    qdt = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second))
    return QLocale().toString(qdt, "yyyy-MM-dd HH:mm:ss")


def number_text(value: float, decimals: int = -1) -> str:
    from PySide6.QtCore import QLocale

    if decimals < 0:
        return QLocale().toString(float(value), "g", 12)
    return QLocale().toString(float(value), "f", decimals)


def rule_value_text(value: object) -> str:
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, int | float):
        return number_text(value)
    return "" if value is None else str(value)


def unit_text(unit: str) -> str:
    """A rule's unit (app/rules.py) in the user's language."""
    return {
        "%": "%", "s": tr("s"), "min": tr("min"), "h": tr("h"), "days": tr("days"), "days/week": tr("days/week"),
        "h/day": tr("h/day"), "h/month": tr("h/month"), "customers": tr("customers"), "of 10": tr("of 10"),
        "of 5": tr("of 5"), "per agent per week": tr("per agent per week"), "per day": tr("per day"),
        "per month": tr("per month"), "points": tr("points"), "share": tr("share"), "text": tr("text"),
        "time": tr("time of day"), "violations": tr("violations"), "agents": tr("agents"),
    }.get(unit, unit)


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def weekday_text(day: str) -> str:
    """'mon' … 'sun' as the user's locale writes a short weekday; anything else as it is."""
    from PySide6.QtCore import QLocale

    if day in WEEKDAYS:
        return QLocale().dayName(WEEKDAYS.index(day) + 1, QLocale.FormatType.ShortFormat)
    return day


def schedule_text(schedule: dict[str, Any] | None, fallback: str = "") -> str:
    """A job's schedule (``JobSpec.schedule``) in words: "every 30 s", "daily 02:15", "Mon 06:00"."""
    if not schedule:
        return fallback
    if "cron" in schedule:
        cron = schedule["cron"]
        at = f"{int(cron.get('hour', 0)):02d}:{int(cron.get('minute', 0)):02d}"
        day = cron.get("day_of_week")
        if day:
            days = ", ".join(weekday_text(d.strip()) for d in str(day).split(","))
            return tr("%1 at %2").replace("%1", days).replace("%2", at)
        return tr("daily at %1").replace("%1", at)
    if len(schedule) != 1:
        return fallback
    (unit, amount), = schedule.items()
    texts = {"seconds": tr("every %1 s"), "minutes": tr("every %1 min"), "hours": tr("every %1 h"),
             "days": tr("every %1 days"), "weeks": tr("every %1 weeks")}
    return texts[unit].replace("%1", str(amount)) if unit in texts else fallback


def job_schedule_text(job_id: str, fallback: str) -> str:
    from app.jobs.registry import all_jobs

    spec = next((j for j in all_jobs() if j.id == job_id), None)
    return schedule_text(spec.schedule if spec else None, fallback)


def rule_description_text(description: str) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, description)


class Column(Generic[T]):
    def __init__(self, header: str, display: Callable[[T], str], sort: Callable[[T], Any] | None = None,
                 align_right: bool = False) -> None:
        self.header = header
        self.display = display
        self.sort = sort or display
        self.align_right = align_right


class RowsModel(QAbstractTableModel, Generic[T]):
    """A read-only table over a list of dataclass rows; subclasses define ``columns()``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._columns = self.columns()

    def columns(self) -> list[Column[T]]:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row(self, index: int) -> T:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._columns):
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self._columns)):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_ROLE:
            return column.sort(row)
        if role == ROW_ROLE:
            return index.row()
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        return None

    def tooltip(self, row: T, column: int) -> str | None:
        return None


class PeopleModel(RowsModel[PersonRow]):
    NAME, EMPLOYEE_NO, TITLE, LEVEL, TEAM, HIRED, MENTOR, HOURS, SKILLS, ACTIVE = range(10)

    def columns(self) -> list[Column[PersonRow]]:
        return [
            Column(tr("Name"), lambda p: p.full_name),
            Column(tr("Employee no."), lambda p: p.employee_no),
            Column(tr("Title"), lambda p: job_title_text(p.job_title)),
            Column(tr("Level"), lambda p: level_text(p.level),
                   lambda p: {"junior": 1, "intermediate": 2, "senior": 3}.get(p.level or "", 0)),
            Column(tr("Team"), lambda p: p.team_name or tr("(no team)")),
            Column(tr("Hire date"), lambda p: date_text(p.hire_date), lambda p: p.hire_date.toordinal()),
            Column(tr("Mentor"), lambda p: p.mentor_name or ""),
            Column(tr("Hours/week"), lambda p: number_text(p.contract_hours_week),
                   lambda p: p.contract_hours_week, align_right=True),
            Column(tr("Skills"), lambda p: p.skills_text),
            Column(tr("Active"), lambda p: yes_no(p.active), lambda p: int(p.active)),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and 0 <= index.row() < len(self._rows) \
                and not self._rows[index.row()].active:
            from PySide6.QtGui import QGuiApplication, QPalette

            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return super().data(index, role)

    def tooltip(self, row: PersonRow, column: int) -> str | None:
        return row.skills_text if column == self.SKILLS and row.skills else None


class TeamsModel(RowsModel[TeamRow]):
    def columns(self) -> list[Column[TeamRow]]:
        return [
            Column(tr("Team"), lambda t: t.name),
            Column(tr("Supervisor"), lambda t: t.supervisor_name or tr("(none)")),
            Column(tr("Headcount"), lambda t: str(t.headcount), lambda t: t.headcount, align_right=True),
        ]


class QueuesModel(RowsModel[QueueRow]):
    def columns(self) -> list[Column[QueueRow]]:
        return [
            Column(tr("Queue"), lambda q: q.name),
            Column(tr("Channel"), lambda q: channel_text(q.channel)),
            Column(tr("VIP"), lambda q: yes_no(q.is_vip), lambda q: int(q.is_vip)),
            Column(tr("Priority"), lambda q: str(q.priority), lambda q: q.priority, align_right=True),
            Column(tr("Target SL %"), lambda q: number_text(q.target_service_level * 100, 0) + " %",
                   lambda q: q.target_service_level, align_right=True),
            Column(tr("Target seconds"), lambda q: str(q.target_answer_sec), lambda q: q.target_answer_sec,
                   align_right=True),
            Column(tr("Active"), lambda q: yes_no(q.active), lambda q: int(q.active)),
        ]


class RulesModel(RowsModel[RuleValue]):
    """Rule values; the Value column is editable in place when the user may edit rules.

    An edit is checked at once (``coerce_rule_value``); a valid one is shown in italics as
    pending and announced through ``edit_requested`` for the workspace to save, an invalid one
    through ``edit_refused`` so the workspace can explain it without losing what was typed.
    """

    ID, DESCRIPTION, VALUE, UNIT, DEFAULT, CHANGED_BY, CHANGED_AT = range(7)
    edit_requested = Signal(str, str, int)  # key, typed text, version loaded
    edit_refused = Signal(str, str, str)  # key, typed text, message

    def __init__(self, timezone: ZoneInfo, parent: Any = None) -> None:
        self.timezone = timezone
        super().__init__(parent)
        self.editable = False
        self._pending: dict[str, str] = {}

    def columns(self) -> list[Column[RuleValue]]:
        return [
            Column(tr("Rule"), lambda r: r.key),
            Column(tr("Description"), lambda r: rule_description_text(r.description)),
            Column(tr("Value"), lambda r: rule_value_text(r.value)),
            Column(tr("Unit"), lambda r: unit_text(r.unit)),
            Column(tr("Default"), lambda r: rule_value_text(r.default)),
            Column(tr("Last changed by"), lambda r: r.updated_by or ""),
            Column(tr("Last changed at"), lambda r: local_time_text(r.updated_at, self.timezone),
                   lambda r: r.updated_at.timestamp() if r.updated_at else 0.0),
        ]

    def set_rows(self, rows: Sequence[RuleValue]) -> None:
        self._pending.clear()
        super().set_rows(rows)

    def index_of(self, key: str) -> QModelIndex:
        for i, r in enumerate(self._rows):
            if r.key == key:
                return self.index(i, self.VALUE)
        return QModelIndex()

    def clear_pending(self, key: str) -> None:
        if self._pending.pop(key, None) is not None:
            idx = self.index_of(key)
            self.dataChanged.emit(idx, idx)

    def is_pending(self, key: str) -> bool:
        return key in self._pending

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.VALUE and self.editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.VALUE and 0 <= index.row() < len(self._rows):
            rule = self._rows[index.row()]
            if role == Qt.ItemDataRole.EditRole:
                return self._pending.get(rule.key, _edit_text(rule.value))
            if role == Qt.ItemDataRole.DisplayRole and rule.key in self._pending:
                return self._pending[rule.key]
            if role == Qt.ItemDataRole.FontRole and (rule.key in self._pending or not rule.is_default):
                font = QFont()
                font.setItalic(rule.key in self._pending)
                font.setBold(not rule.is_default)
                return font
        return super().data(index, role)

    def tooltip(self, row: RuleValue, column: int) -> str | None:
        if column == self.VALUE and not row.is_default:
            return tr("Changed from the default %1").replace("%1", rule_value_text(row.default))
        if column == self.DESCRIPTION:
            return rule_description_text(row.description)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.VALUE \
                or not self.editable:
            return False
        rule = self._rows[index.row()]
        text = str(value)
        if text.strip() == _edit_text(rule.value):
            return False  # unchanged: nothing to save
        try:
            coerce_rule_value(rule.key, text)
        except ValueError as exc:
            self.edit_refused.emit(rule.key, text, str(exc))
            return False
        self._pending[rule.key] = text.strip()
        self.dataChanged.emit(index, index)
        self.edit_requested.emit(rule.key, text.strip(), rule.version)
        return True


def _edit_text(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


class AuditModel(RowsModel[AuditLine]):
    def __init__(self, timezone: ZoneInfo, parent: Any = None) -> None:
        self.timezone = timezone
        super().__init__(parent)

    def columns(self) -> list[Column[AuditLine]]:
        return [
            Column(tr("Time"), lambda a: local_time_text(a.at, self.timezone), lambda a: a.id),
            Column(tr("Actor"), lambda a: audit_actor_text(a.actor)),
            Column(tr("Desk"), lambda a: a.desk),
            Column(tr("Action"), lambda a: audit_action_text(a.action)),
            Column(tr("Entity"), lambda a: audit_entity_text(a.entity)),
            Column(tr("Record"), lambda a: a.entity_id or ""),
            Column(tr("Before → after"), lambda a: audit_changes_text(a, self.timezone)),
        ]

    def tooltip(self, row: AuditLine, column: int) -> str | None:
        if column != 6 or not row.changes:
            return None
        return "\n".join(f"{field_label(k)}: {_plain(b, self.timezone)} → {_plain(a, self.timezone)}"
                         for k, b, a in row.changes)


AUDIT_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("admin", "create"), "update": QT_TRANSLATE_NOOP("admin", "update"),
    "delete": QT_TRANSLATE_NOOP("admin", "delete"), "reveal": QT_TRANSLATE_NOOP("admin", "reveal"),
    "publish": QT_TRANSLATE_NOOP("admin", "publish"), "merge": QT_TRANSLATE_NOOP("admin", "merge"),
    "note": QT_TRANSLATE_NOOP("admin", "note"), "erase": QT_TRANSLATE_NOOP("admin", "erase"),
    "archive": QT_TRANSLATE_NOOP("admin", "archive"), "build": QT_TRANSLATE_NOOP("admin", "build"),
    "reset_password": QT_TRANSLATE_NOOP("admin", "reset password"), "test": QT_TRANSLATE_NOOP("admin", "test"),
    "resend": QT_TRANSLATE_NOOP("admin", "resend"), "ran": QT_TRANSLATE_NOOP("admin", "ran"),
    "move": QT_TRANSLATE_NOOP("admin", "move"), "assign": QT_TRANSLATE_NOOP("admin", "assign"),
    "edit": QT_TRANSLATE_NOOP("admin", "edit"), "sign_in": QT_TRANSLATE_NOOP("admin", "sign in"),
    "swap": QT_TRANSLATE_NOOP("admin", "swap"), "solve": QT_TRANSLATE_NOOP("admin", "solve"),
    "score": QT_TRANSLATE_NOOP("admin", "score"), "replace": QT_TRANSLATE_NOOP("admin", "replace"),
    "remove": QT_TRANSLATE_NOOP("admin", "remove"), "raise": QT_TRANSLATE_NOOP("admin", "raise"),
    "draw": QT_TRANSLATE_NOOP("admin", "draw"), "decide": QT_TRANSLATE_NOOP("admin", "decide"),
    "cover": QT_TRANSLATE_NOOP("admin", "cover"), "comment": QT_TRANSLATE_NOOP("admin", "comment"),
    "close": QT_TRANSLATE_NOOP("admin", "close"), "amend": QT_TRANSLATE_NOOP("admin", "amend"),
}


AUDIT_ENTITIES = {
    "autoqa_ruleset": QT_TRANSLATE_NOOP("admin", "auto-QA rules"),
    "business calendar": QT_TRANSLATE_NOOP("admin", "business calendar"),
    "calendar day": QT_TRANSLATE_NOOP("admin", "calendar day"),
    "complaint": QT_TRANSLATE_NOOP("admin", "complaint"),
    "complaints": QT_TRANSLATE_NOOP("admin", "complaints"),
    "customer": QT_TRANSLATE_NOOP("admin", "customer"),
    "forecast_override": QT_TRANSLATE_NOOP("admin", "forecast override"),
    "forecast_run": QT_TRANSLATE_NOOP("admin", "forecast"),
    "import_mapping": QT_TRANSLATE_NOOP("admin", "import mapping"),
    "improvement_plan": QT_TRANSLATE_NOOP("admin", "improvement plan"),
    "kpi_weights": QT_TRANSLATE_NOOP("admin", "KPI weights"),
    "notification_channel": QT_TRANSLATE_NOOP("admin", "notification channel"),
    "notification_delivery": QT_TRANSLATE_NOOP("admin", "notification delivery"),
    "notification_route": QT_TRANSLATE_NOOP("admin", "routing rule"),
    "qa_calibration": QT_TRANSLATE_NOOP("admin", "QA calibration"),
    "qa_dispute": QT_TRANSLATE_NOOP("admin", "QA dispute"),
    "qa_draw": QT_TRANSLATE_NOOP("admin", "QA draw"),
    "qa_draw_rules": QT_TRANSLATE_NOOP("admin", "QA draw rules"),
    "qa_sample": QT_TRANSLATE_NOOP("admin", "QA sample"),
    "quarterly_review": QT_TRANSLATE_NOOP("admin", "quarterly review"),
    "rota": QT_TRANSLATE_NOOP("admin", "rota"),
    "shift": QT_TRANSLATE_NOOP("admin", "shift"),
    "shift_template": QT_TRANSLATE_NOOP("admin", "shift template"),
    "sla_policy": QT_TRANSLATE_NOOP("admin", "SLA policy"),
    "SLA policy": QT_TRANSLATE_NOOP("admin", "SLA policy"),
    "time_off": QT_TRANSLATE_NOOP("admin", "time off"),
    "user": QT_TRANSLATE_NOOP("admin", "user"),
    "live alert rule": QT_TRANSLATE_NOOP("admin", "live alert rule"),
    "person": QT_TRANSLATE_NOOP("admin", "person"),
    "queue": QT_TRANSLATE_NOOP("admin", "queue"),
    "rule": QT_TRANSLATE_NOOP("admin", "rule"),
    "demo": QT_TRANSLATE_NOOP("admin", "demo center"),
}


def audit_entity_text(entity: str) -> str:
    """What an audit entry is about, in words (unknown kinds as they are)."""
    known = AUDIT_ENTITIES.get(entity)
    return tr(known) if known else entity


def audit_actor_text(actor: str) -> str:
    """Who acted: a user name, or the system's own actors in words."""
    return {"system": tr("system"), "sla": tr("SLA engine")}.get(actor, actor)


def audit_action_text(action: str) -> str:
    """An audit action code in words (unknown codes as they are)."""
    known = AUDIT_ACTIONS.get(action)
    return tr(known) if known else action


def audit_changes_text(line: AuditLine, tz: ZoneInfo | None = None) -> str:
    """"Value: 15 → 10" for an edit; just the values for a record of something done (nothing before)."""
    if all(b is None for _k, b, _a in line.changes):
        return "; ".join(f"{field_label(k)}: {_short(a, tz)}" for k, _b, a in line.changes)
    return "; ".join(f"{field_label(k)}: {_short(b, tz)} → {_short(a, tz)}" for k, b, a in line.changes)


_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00|Z)$")


def _plain(value: object, tz: ZoneInfo | None = None) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, float):
        return number_text(value)
    if tz is not None and isinstance(value, str) and _ISO_TIME.match(value):
        # the audit log stores times as UTC text; the supervisor reads them in the center's time
        return local_time_text(datetime.fromisoformat(value.replace("Z", "+00:00")), tz)
    return str(value)


def _short(value: object, tz: ZoneInfo | None = None) -> str:
    text = _plain(value, tz)
    return text if len(text) <= 40 else text[:39] + "…"


class JobsModel(RowsModel[JobStatus]):
    """Background jobs with their next and last run (read from ``app.jobs.status``)."""

    def __init__(self, timezone: ZoneInfo, parent: Any = None) -> None:
        self.timezone = timezone
        super().__init__(parent)

    def columns(self) -> list[Column[JobStatus]]:
        return [
            Column(tr("Job"), lambda j: rule_description_text(j.title)),
            Column(tr("Schedule"), lambda j: job_schedule_text(j.job_id, j.schedule)),
            Column(tr("State"), lambda j: tr("Paused") if j.paused else tr("Active")),
            Column(tr("Next run"), lambda j: "" if j.paused else local_time_text(j.next_run, self.timezone),
                   lambda j: j.next_run.timestamp() if j.next_run and not j.paused else 0.0),
            Column(tr("Last run"), lambda j: local_time_text(j.last_slot, self.timezone),
                   lambda j: j.last_slot.timestamp() if j.last_slot else 0.0),
            Column(tr("Outcome"), lambda j: _outcome_text(j.last_outcome)),
            Column(tr("Desk"), lambda j: j.last_desk or ""),
            Column(tr("Seconds"), lambda j: "" if j.last_seconds is None else number_text(j.last_seconds, 1),
                   lambda j: j.last_seconds or 0.0, align_right=True),
            Column(tr("Last error"), lambda j: j.last_error or ""),
        ]

    def tooltip(self, row: JobStatus, column: int) -> str | None:
        return rule_description_text(row.description) if column == 0 else (row.last_error if column == 8 and row.last_error else None)


def _outcome_text(outcome: str | None) -> str:
    if not outcome:
        return tr("never run")
    return {"ok": tr("OK"), "failed": tr("Failed"), "running": tr("Running"), "expired": tr("Expired")}.get(
        outcome, outcome)


class JobRunsModel(RowsModel[RunRecord]):
    """The recent runs of one job, newest first (``app.jobs.claims.runs_of``)."""

    SLOT, DESK, ATTEMPT, SECONDS, OUTCOME, ERROR = range(6)

    def __init__(self, timezone: ZoneInfo, parent: Any = None) -> None:
        self.timezone = timezone
        super().__init__(parent)

    def columns(self) -> list[Column[RunRecord]]:
        return [
            Column(tr("Slot"), lambda r: local_time_text(r.scheduled_for, self.timezone),
                   lambda r: r.scheduled_for.timestamp()),
            Column(tr("Desk"), lambda r: r.claimed_by),
            Column(tr("Attempt"), lambda r: str(r.attempt), lambda r: r.attempt, align_right=True),
            Column(tr("Seconds"), lambda r: "" if r.seconds is None else number_text(r.seconds, 1),
                   lambda r: r.seconds if r.seconds is not None else -1.0, align_right=True),
            Column(tr("Outcome"), lambda r: _outcome_text(r.outcome)),
            Column(tr("Error"), lambda r: last_line(r.error)),
        ]

    def tooltip(self, row: RunRecord, column: int) -> str | None:
        if column == self.ERROR and row.error:
            return row.error.strip()[-2000:]
        return None


def last_line(text: str | None) -> str:
    """The last line of a traceback: the exception and its message."""
    lines = (text or "").strip().splitlines()
    return lines[-1] if lines else ""


class UsersModel(RowsModel[UserRow]):
    """Users who can sign in; inactive ones greyed. "Locked until" shows only a lock still running."""

    USERNAME, DISPLAY_NAME, ROLE, PERSON, ACTIVE, LOCKED_UNTIL, LAST_SIGN_IN, MUST_CHANGE = range(8)

    def __init__(self, timezone: ZoneInfo, parent: Any = None) -> None:
        self.timezone = timezone
        self.now = clock.now()
        super().__init__(parent)

    def set_rows(self, rows: Sequence[UserRow]) -> None:
        self.now = clock.now()
        super().set_rows(rows)

    def columns(self) -> list[Column[UserRow]]:
        return [
            Column(tr("User name"), lambda u: u.username),
            Column(tr("Display name"), lambda u: u.display_name),
            Column(tr("Role"), lambda u: job_title_text(u.role)),
            Column(tr("Linked person"), lambda u: u.person_name or ""),
            Column(tr("Active"), lambda u: yes_no(u.active), lambda u: int(u.active)),
            Column(tr("Locked until"), self._locked_text,
                   lambda u: u.locked_until.timestamp() if u.locked(self.now) and u.locked_until else 0.0),
            Column(tr("Last sign-in"), lambda u: local_time_text(u.last_login_at, self.timezone) or tr("never"),
                   lambda u: u.last_login_at.timestamp() if u.last_login_at else 0.0),
            Column(tr("Must change password"), lambda u: yes_no(u.must_change_password) if u.has_password
                   else tr("No password yet"), lambda u: int(u.must_change_password) if u.has_password else 2),
        ]

    def _locked_text(self, u: UserRow) -> str:
        return local_time_text(u.locked_until, self.timezone) if u.locked(self.now) else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and 0 <= index.row() < len(self._rows):
            user = self._rows[index.row()]
            if index.column() == self.LOCKED_UNTIL and user.locked(self.now):
                from PySide6.QtGui import QColor

                return QColor("#b3261e")
            if not user.active:
                from PySide6.QtGui import QGuiApplication, QPalette

                return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return super().data(index, role)

    def tooltip(self, row: UserRow, column: int) -> str | None:
        if column == self.LOCKED_UNTIL and row.locked(self.now):
            return tr("Locked after too many failed sign-ins. Reset the password to unlock now.")
        if column == self.MUST_CHANGE and not row.has_password:
            return tr("This account cannot sign in until an administrator resets its password.")
        return None


class PeopleFilter(QSortFilterProxyModel):
    """Filters people by team (None: all; 0: no team) and by text in name, number, team or skills."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.team_id: int | None = None
        self.text = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_team(self, team_id: int | None) -> None:
        self._refilter(lambda: setattr(self, "team_id", team_id))

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "text", text.strip().casefold()))

    def _refilter(self, change: Callable[[], None]) -> None:
        # beginFilterChange() arrived in Qt 6.9; older Qt has invalidateRowsFilter()
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt API
        model = self.sourceModel()
        if not isinstance(model, PeopleModel):
            return True
        p = model.row(source_row)
        if self.team_id is not None and (p.team_id or 0) != self.team_id:
            return False
        if self.text:
            haystack = " ".join((p.full_name, p.employee_no, p.team_name or "", p.skills_text,
                                 job_title_text(p.job_title), level_text(p.level))).casefold()
            return all(word in haystack for word in self.text.split())
        return True


def sorting_proxy(model: RowsModel[Any], parent: Any = None) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy
