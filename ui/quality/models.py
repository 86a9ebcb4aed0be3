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
from app.quality.reviews import Progress, SampleItem
from app.quality.weekly import AgentQa
from ui.quality.formatting import format_datetime, format_duration, format_yes_no, label, tr
from ui.widgets.table_model import RowTableModel

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


# --- the review screen ----------------------------------------------------------------------------------
SAMPLE_COLUMNS = (
    ("agent", QT_TRANSLATE_NOOP("quality", "Agent")),
    ("time", QT_TRANSLATE_NOOP("quality", "Time")),
    ("queue", QT_TRANSLATE_NOOP("quality", "Queue")),
    ("length", QT_TRANSLATE_NOOP("quality", "Length")),
    ("reviewer", QT_TRANSLATE_NOOP("quality", "Reviewer")),
    ("status", QT_TRANSLATE_NOOP("quality", "Status")),
    ("score", QT_TRANSLATE_NOOP("quality", "Score")),
    ("dialogue", QT_TRANSLATE_NOOP("quality", "Dialogue")),
)
OVERDUE_COLOR = SHORT_COLOR
DONE_COLOR = OK_COLOR
# the roles SampleItemModel answers: a view asks for a dozen per cell, most of them answered None
_SAMPLE_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole,
                           Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole, ROW_ROLE})


class SampleItemModel(RowTableModel[SampleItem]):
    """The week's sampled interactions (any number: data() formats only the rows on screen)."""

    def __init__(self, tz: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self._headers = [tr(c[1]) for c in SAMPLE_COLUMNS]
        self._header_tips = {
            1: tr("When the contact was offered, in the center's time zone"),
            3: tr("Length of the recording (minutes:seconds)"),
            5: tr("Reviewed, to review, or overdue (not reviewed by the due date)"),
            6: tr("Scorecard score, 0-100 %; N/A questions are left out"),
            7: tr("The reviewer's dialogue score, 1-10 (R-QA-2)"),
        }
        self._keys = [c[0] for c in SAMPLE_COLUMNS]

    def set_rows(self, rows: list[SampleItem] | tuple[SampleItem, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of_sample(self, sample_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.sample_id == sample_id), None)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _SAMPLE_ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        key = self._keys[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = key in ("length", "score", "dialogue")
            return int((Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            if item.overdue:
                return OVERDUE_COLOR
            return DONE_COLOR if item.status == "reviewed" else None
        if role == Qt.ItemDataRole.ForegroundRole and key == "score" and item.violations:
            return OVERDUE_COLOR
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "status" and item.overdue:
                return tr("Not reviewed by %1").replace("%1", format_datetime(item.due_at, self.tz))
            if key == "score" and item.violations:
                return tr("%1 compliance violation(s) (R-QA-3)").replace("%1", str(item.violations))
            if key == "length" and not item.has_recording:
                return tr("No recording")
            if key == "queue":
                return label(CHANNEL_LABELS.get(item.channel, item.channel))
            return None
        if role == ROW_ROLE:
            return item
        return None

    def _display(self, item: SampleItem, key: str) -> str:
        locale = QLocale()
        if key == "agent":
            return item.agent
        if key == "time":
            return format_datetime(item.offered_at, self.tz)
        if key == "queue":
            return item.queue
        if key == "length":
            return format_duration(item.duration_sec) if item.has_recording else "—"
        if key == "reviewer":
            return item.reviewer or tr("unassigned")
        if key == "status":
            if item.status == "reviewed":
                return tr("Reviewed")
            return tr("Overdue") if item.overdue else tr("To review")
        if key == "score":
            if item.score_pct is None:
                return "—"
            text = locale.toString(float(item.score_pct), "f", 0) + " %"
            return text + (" ⚠" if item.violations else "")
        if key == "dialogue":
            return locale.toString(item.dialogue_score) if item.dialogue_score is not None else "—"
        return ""


PROGRESS_COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("quality", "Agent")),
    ("progress", QT_TRANSLATE_NOOP("quality", "Reviewed")),
    ("overdue", QT_TRANSLATE_NOOP("quality", "Overdue")),
)


class ProgressModel(RowTableModel[Progress]):
    """Progress per agent (or per reviewer): "3/5 reviewed", overdue items in red. Row 0 is everyone."""

    def __init__(self, first_heading: str, everyone: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [first_heading, tr("Reviewed"), tr("Overdue")]
        self._header_tips = {1: tr("Reviewed of sampled (R-QA-1: at least %1 per agent per week)")}
        self.everyone = everyone
        self.total: Progress | None = None
        self.quota = 0

    def set_rows(self, rows: list[Progress] | tuple[Progress, ...], quota: int = 5) -> None:
        """``quota`` 0: do not flag agents drawn under the quota (a reviewer's share of a team)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.quota = quota
        self.total = Progress(None, self.everyone, sum(p.reviewed for p in rows), sum(p.total for p in rows),
                              sum(p.overdue for p in rows), quota)
        self._header_tips = {1: tr("Reviewed of sampled (R-QA-1: at least %1 per agent per week)")
                             .replace("%1", str(quota or 5))}
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self.total is None else len(self._rows) + 1

    def progress_at(self, row: int) -> Progress | None:
        if self.total is None or not 0 <= row <= len(self._rows):
            return None
        return self.total if row == 0 else self._rows[row - 1]

    def row_of(self, person_id: int | None) -> int:
        return next((i + 1 for i, p in enumerate(self._rows) if p.id == person_id), 0) if person_id else 0

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p = self.progress_at(index.row()) if index.isValid() else None
        if p is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return p.name or tr("unassigned")
            if column == 1:
                return tr("%1/%2").replace("%1", QLocale().toString(p.reviewed)).replace(
                    "%2", QLocale().toString(p.total))
            return QLocale().toString(p.overdue) if p.overdue else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 2 and p.overdue:
                return OVERDUE_COLOR
            if column == 1 and p.total and p.reviewed >= p.total:
                return DONE_COLOR
            if column == 1 and p.id is not None and self.quota and p.total < self.quota:
                return OVERDUE_COLOR  # fewer drawn than the quota (see the draw's shortfalls)
        if role == Qt.ItemDataRole.FontRole and index.row() == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and p.id is not None and self.quota and \
                p.total < self.quota:
            return tr("Only %1 drawn, under the quota of %2 (R-QA-1)").replace("%1", str(p.total)).replace(
                "%2", str(self.quota))
        if role == ROW_ROLE:
            return p
        return None
