"""Qt item models of the Quality workspace: thin adapters over the app's dataclasses."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from app.quality.interactions import CHANNEL_LABELS, OUTCOME_LABELS, InteractionRow
from app.quality.weekly import AgentQa
from ui.quality.formatting import format_datetime, format_duration, format_yes_no, label, tr

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the dataclass behind a row
SHORT_COLOR = QColor("#d64541")
OK_COLOR = QColor("#2e9d4f")

_Index = QModelIndex | QPersistentModelIndex


# (key, heading, sort key the query supports or None, right-aligned)
INTERACTION_COLUMNS: tuple[tuple[str, str, str | None, bool], ...] = (
    ("time", QT_TRANSLATE_NOOP("quality", "Time"), "time", False),
    ("agent", QT_TRANSLATE_NOOP("quality", "Agent"), "agent", False),
    ("team", QT_TRANSLATE_NOOP("quality", "Team"), "team", False),
    ("queue", QT_TRANSLATE_NOOP("quality", "Queue"), "queue", False),
    ("channel", QT_TRANSLATE_NOOP("quality", "Channel"), "channel", False),
    ("duration", QT_TRANSLATE_NOOP("quality", "Talk"), "duration", True),
    ("wait", QT_TRANSLATE_NOOP("quality", "Wait"), "wait", True),
    ("rating", QT_TRANSLATE_NOOP("quality", "Rating"), "rating", True),
    ("qa", QT_TRANSLATE_NOOP("quality", "QA"), None, True),
    ("recording", QT_TRANSLATE_NOOP("quality", "Rec."), None, False),
    ("customer", QT_TRANSLATE_NOOP("quality", "Customer"), None, False),
    ("outcome", QT_TRANSLATE_NOOP("quality", "Outcome"), None, False),
    ("resolved", QT_TRANSLATE_NOOP("quality", "Resolved"), None, False),
)
# shown in the details panel; a right click on the headings brings them into the table
DEFAULT_HIDDEN_COLUMNS = ("channel",)


def column_of(key: str) -> int:
    return next(i for i, c in enumerate(INTERACTION_COLUMNS) if c[0] == key)



class InteractionTableModel(QAbstractTableModel):
    """One page of interactions. Sorting is done by the query: ``sort()`` asks for it."""

    sort_requested = Signal(str, bool)  # (sort key, descending)

    def __init__(self, tz: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.rows: list[InteractionRow] = []
        self.sort_key = "time"
        self.descending = True

    def set_rows(self, rows: list[InteractionRow] | tuple[InteractionRow, ...]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> InteractionRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def sort_column(self) -> int:
        return next(i for i, c in enumerate(INTERACTION_COLUMNS) if c[2] == self.sort_key)

    # --- Qt API ---------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(INTERACTION_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(INTERACTION_COLUMNS):
            return None
        key, heading, sort_key, right = INTERACTION_COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(heading)
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = {
                "time": tr("When the contact was offered, in the center's time zone"),
                "duration": tr("Talk time (minutes:seconds)"),
                "wait": tr("Time the customer waited before an agent answered"),
                "recording": tr("✓: the interaction has a recording"),
                "qa": tr("Dialogue score of the latest QA review, 1-10 (R-QA-2)"),
                "customer": tr("Masked customer phone number (R-SEC-2)"),
            }
            tip = tips.get(key, "")
            if sort_key is None:
                tip = (tip + "\n" if tip else "") + tr("This column cannot be sorted.")
            return tip or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        key, _heading, _sort, right = INTERACTION_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "rating" and r.rating is not None and r.rating <= 2:
                return SHORT_COLOR
            if key == "outcome" and r.outcome != "answered":
                return SHORT_COLOR if r.outcome in ("abandoned", "timeout") else None
            return None
        if role == Qt.ItemDataRole.ToolTipRole and key == "agent" and r.agent is None:
            return tr("Not handled by an agent")
        if role == ROW_ROLE:
            return r
        return None

    def _display(self, r: InteractionRow, key: str) -> str:
        locale = QLocale()
        if key == "time":
            return format_datetime(r.offered_at, self.tz)
        if key == "agent":
            return r.agent or "—"
        if key == "team":
            return r.team or "—"
        if key == "queue":
            return r.queue
        if key == "channel":
            return label(CHANNEL_LABELS.get(r.channel, r.channel))
        if key == "duration":
            return format_duration(r.duration_sec)
        if key == "wait":
            return tr("%1 s").replace("%1", locale.toString(int(round(r.wait_sec))))
        if key == "outcome":
            return label(OUTCOME_LABELS.get(r.outcome, r.outcome))
        if key == "rating":
            return locale.toString(r.rating) if r.rating is not None else "—"
        if key == "resolved":
            return format_yes_no(r.resolved)
        if key == "recording":
            return "✓" if r.has_recording else ""
        if key == "qa":
            return locale.toString(r.review_score) if r.review_score is not None else "—"
        if key == "customer":
            return r.customer_masked or "—"
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(INTERACTION_COLUMNS):
            return
        sort_key = INTERACTION_COLUMNS[column][2]
        descending = order == Qt.SortOrder.DescendingOrder
        if sort_key is None or (sort_key == self.sort_key and descending == self.descending):
            return
        self.sort_key = sort_key
        self.descending = descending
        self.sort_requested.emit(sort_key, descending)


WEEKLY_COLUMNS = (
    ("agent", QT_TRANSLATE_NOOP("quality", "Agent")),
    ("team", QT_TRANSLATE_NOOP("quality", "Team")),
    ("drawn", QT_TRANSLATE_NOOP("quality", "Drawn")),
    ("reviewed", QT_TRANSLATE_NOOP("quality", "Reviewed")),
)


class WeeklyQaModel(QAbstractTableModel):
    """This week's QA per agent; rows under quota are flagged in red."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[AgentQa] = []

    def set_rows(self, rows: list[AgentQa] | tuple[AgentQa, ...]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(WEEKLY_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(WEEKLY_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(WEEKLY_COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole and WEEKLY_COLUMNS[section][0] in ("drawn", "reviewed"):
            return tr("Of the weekly quota per agent (R-QA-1)")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        a = self.rows[index.row()]
        key = WEEKLY_COLUMNS[index.column()][0]
        numeric = key in ("drawn", "reviewed")
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "agent":
                return a.agent
            if key == "team":
                return a.team or "—"
            return QLocale().toString(int(getattr(a, key)))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if (key == "drawn" and a.draw_short) or (key == "reviewed" and a.review_short):
                return SHORT_COLOR
            if key == "agent" and a.under_quota:
                return SHORT_COLOR
            return None
        if role == Qt.ItemDataRole.FontRole and key == "agent" and a.under_quota:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if a.draw_short:
                return tr("Only %1 of %2 drawn this week").replace("%1", str(a.drawn)).replace("%2", str(a.quota))
            if a.review_short:
                return tr("%1 of %2 reviewed this week").replace("%1", str(a.reviewed)).replace("%2", str(a.quota))
            return tr("Quota met")
        if role == ROW_ROLE:
            return a
        return None
