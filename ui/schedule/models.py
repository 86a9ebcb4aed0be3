"""Qt item models over a RotaWeek: the people-by-day grid (team header rows included) and the
hour-by-day coverage heat map."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from app.i18n import TRANSLATION_CONTEXT
from app.schedule.week import ACTIVITY_LABELS, RotaRow, RotaWeek, ShiftCell, TeamGroup
from ui.schedule.dates import day_label

Index = QModelIndex | QPersistentModelIndex
IS_TEAM_ROLE = Qt.ItemDataRole.UserRole + 1
# used when a shift template has no colour of its own: distinct, calm hues
FALLBACK_COLORS = ("#4c8bf5", "#2fb383", "#f2a93b", "#9b6cf0", "#e0607e", "#3fb8c9", "#8a9a5b", "#c77d4a")
NO_TEMPLATE_COLOR = "#8a94a6"
ACCENT = "#2f6fde"
GAP_COLOR = "#c62828"


def tr(text: str) -> str:
    return QCoreApplication.translate("schedule", text)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def hhmm(at: datetime) -> str:
    return at.strftime("%H:%M")


def hours_text(hours: float) -> str:
    decimals = 0 if abs(hours - round(hours)) < 1e-9 else 1
    return tr("%1 h").replace("%1", QLocale().toString(hours, "f", decimals))


def template_color(cell_or_id: ShiftCell | int | None, color: str | None = None) -> QColor:
    if isinstance(cell_or_id, ShiftCell):
        color, template_id = cell_or_id.template_color, cell_or_id.template_id
    else:
        template_id = cell_or_id
    if color:
        parsed = QColor(color)
        if parsed.isValid():
            return parsed
    if template_id is None:
        return QColor(NO_TEMPLATE_COLOR)
    return QColor(FALLBACK_COLORS[template_id % len(FALLBACK_COLORS)])


def shift_text(cell: ShiftCell) -> str:
    end = hhmm(cell.end)
    if cell.ends_next_day and end == "00:00":  # ends at midnight: the same day's 24:00
        text = f"{hhmm(cell.start)}–24:00"
    else:
        text = f"{hhmm(cell.start)}–{end}" + (" +1" if cell.ends_next_day else "")
    if cell.is_backup:
        text += " " + tr("(backup)")
    return text


def shift_tooltip(cell: ShiftCell) -> str:
    name = cell.template_name or tr("Shift without template")
    lines = [f"<b>{name}</b>: {shift_text(cell)} ({hours_text(cell.hours)})"]
    for act in cell.activities:
        if act.kind == "work":
            continue
        label = QCoreApplication.translate(TRANSLATION_CONTEXT, ACTIVITY_LABELS.get(act.kind, act.kind))
        lines.append(f"{label} {hhmm(act.start)}–{hhmm(act.end)}")
    if cell.is_backup:
        lines.append(tr("Backup team"))
    if cell.note:
        lines.append(cell.note)
    return "<br>".join(lines)


class RotaWeekModel(QAbstractTableModel):
    """Rows: a header row per team, then its people; columns: person, Monday..Sunday, hours."""

    PERSON = 0
    FIRST_DAY = 1
    HOURS = 8

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._week: RotaWeek | None = None
        self._rows: list[TeamGroup | RotaRow] = []
        self._today: date | None = None

    def set_week(self, week: RotaWeek, today: date | None = None) -> None:
        self.beginResetModel()
        self._week = week
        self._today = today
        self._rows = []
        for team in week.teams:
            self._rows.append(team)
            self._rows.extend(team.rows)
        self.endResetModel()

    def is_team_row(self, row: int) -> bool:
        return isinstance(self._rows[row], TeamGroup)

    def team_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if isinstance(r, TeamGroup)]

    def person_row(self, row: int) -> RotaRow | None:
        r = self._rows[row]
        return r if isinstance(r, RotaRow) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 9:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.PERSON:
                return self.tr("Person")
            if section == self.HOURS:
                return self.tr("Hours")
            if self._week is None:
                return ""
            day = self._week.days[section - 1]
            text = day_label(day)
            if day == self._today:
                text += " · " + self.tr("today")
            people = self._week.headcount[section - 1]
            return text + "\n" + self.tr("%1 on shift").replace("%1", QLocale().toString(people))
        if role == Qt.ItemDataRole.ToolTipRole and self.FIRST_DAY <= section < self.HOURS and self._week:
            return self.tr("People with a shift starting this day")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        col = index.column()
        if isinstance(item, TeamGroup):
            return self._team_data(item, col, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.PERSON:
                return item.name
            if col == self.HOURS:
                return hours_text(item.hours) if item.shift_count else ""
            cells = item.days[col - 1]
            return "\n".join(shift_text(c) for c in cells) if cells else self.tr("Off")
        if role == IS_TEAM_ROLE:
            return False
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.PERSON and item.level:
                return self.tr("Level: %1").replace("%1", item.level)
            if self.FIRST_DAY <= col < self.HOURS and item.days[col - 1]:
                return "<br><br>".join(shift_tooltip(c) for c in item.days[col - 1])
            if col == self.HOURS and item.shift_count:
                return self.tr("%1 shifts, %2 including breaks").replace("%1", str(item.shift_count)) \
                    .replace("%2", hours_text(item.hours))
        if role == Qt.ItemDataRole.BackgroundRole and self.FIRST_DAY <= col < self.HOURS and item.days[col - 1]:
            color = template_color(item.days[col - 1][0])
            color.setAlpha(64)
            return color
        if role == Qt.ItemDataRole.ForegroundRole and self.FIRST_DAY <= col < self.HOURS and not item.days[col - 1]:
            return QColor("#9aa3ad")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == self.HOURS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col != self.PERSON:
                return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _team_data(self, team: TeamGroup, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and col == self.PERSON:
            name = team.name or self.tr("No team")
            return self.tr("%1 (%2)").replace("%1", name).replace("%2", QLocale().toString(len(team.rows)))
        if role == IS_TEAM_ROLE:
            return True
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            color = QColor(ACCENT)
            color.setAlpha(28)
            return color
        return None


class CoverageModel(QAbstractTableModel):
    """Rows: Monday..Sunday; columns: local hours 00..23; value: people working at HH:30."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._week: RotaWeek | None = None
        self._peak = 0

    def set_week(self, week: RotaWeek) -> None:
        self.beginResetModel()
        self._week = week
        self._peak = max((h.working for day in week.coverage for h in day), default=0)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self._week is None else len(self._week.coverage)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 24

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return f"{section:02d}" if 0 <= section < 24 else None
        if self._week is not None and 0 <= section < 7:
            return QLocale().toString(qdate(self._week.days[section]), "ddd")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._week is None or not index.isValid() or not 0 <= index.row() < len(self._week.coverage):
            return None
        hour = self._week.coverage[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return staffed_text(hour.working)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if hour.working <= 0:  # nobody on the phones: a gap for a 24 x 7 line (R-SCH-2)
                color = QColor(GAP_COLOR)
                color.setAlpha(50)
                return color
            color = QColor(ACCENT)
            color.setAlpha(int(20 + 140 * hour.working / max(self._peak, 1e-9)))
            return color
        if role == Qt.ItemDataRole.ToolTipRole:
            day = QLocale().toString(qdate(self._week.days[index.row()]), "dddd")
            away = max(hour.on_shift - hour.working, 0.0) if hour.on_shift else 0.0
            return self.tr("%1 %2:00–%3:00 — %4 on shift, %5 staffed hours").replace("%1", day) \
                .replace("%2", f"{index.column():02d}").replace("%3", f"{(index.column() + 1) % 24:02d}") \
                .replace("%4", str(hour.on_shift)).replace("%5", staffed_text(hour.working)) + (
                    self.tr(" (at most %1 h on breaks, meetings or training)").replace("%1", staffed_text(away))
                    if hour.working < hour.on_shift else "")
        return None


def staffed_text(hours: float) -> str:
    """Staffed hours in an hour: whole numbers plainly, fractions to one decimal."""
    if abs(hours - round(hours)) < 0.05:
        return QLocale().toString(int(round(hours)))
    return QLocale().toString(hours, "f", 1)
