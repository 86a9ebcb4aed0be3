"""Qt item models over the Live dataclasses: queues of the day and agents by state."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QColor

from app.i18n import TRANSLATION_CONTEXT
from app.live.alerts import AlertView
from app.live.history import (
    AVAILABLE,
    LOGGED_OUT,
    PAUSED,
    STATE_LABELS,
    AgentBoard,
    AgentNow,
    QueueFigures,
)
from app.live.state import AgentLive, QueueNow
from ui.live.formatting import (
    DASH,
    alert_title,
    alert_value,
    alert_where,
    count,
    duration,
    pause_reason,
    percent,
    target_time,
)
from ui.widgets.table_model import RowTableModel

STATE_COLORS = {AVAILABLE: QColor("#1f9d6b"), PAUSED: QColor("#d98e04"), LOGGED_OUT: QColor("#9aa3ad")}
BELOW_TARGET = QColor("#c62828")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def channel_label(channel: str) -> str:
    labels = {"phone": QCoreApplication.translate("live", "Phone"),
              "chat": QCoreApplication.translate("live", "Chat"),
              "email": QCoreApplication.translate("live", "Email"),
              "social": QCoreApplication.translate("live", "Social"),
              "onsite": QCoreApplication.translate("live", "On-site")}
    return labels.get(channel, channel)


class QueueFiguresModel(RowTableModel[QueueFigures]):
    QUEUE, CHANNEL, OFFERED, ANSWERED, ABANDONED, SERVICE_LEVEL, TARGET, ASA, LONGEST = range(9)
    # following today, the live figures of each queue (from the 2-s poll) come after the day's
    WAITING, WAITING_LONGEST, SL_15, SL_60 = range(9, 13)
    LIVE_COLUMNS = (WAITING, WAITING_LONGEST, SL_15, SL_60)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._live: dict[int, QueueNow] = {}
        self._headers = [self.tr("Queue"), self.tr("Channel"), self.tr("Offered"), self.tr("Answered"),
                         self.tr("Abandoned"), self.tr("SL"), self.tr("Target"),
                         self.tr("ASA"), self.tr("Longest wait"), self.tr("Waiting now"),
                         self.tr("Waiting longest"), self.tr("SL 15 min"), self.tr("SL 60 min")]
        self._header_tips = {self.SERVICE_LEVEL: self.tr("Service level: answered within the queue's target "
                                                         "time ÷ offered"),
                             self.ASA: self.tr("Average speed of answer: mean wait of answered contacts"),
                             self.TARGET: self.tr("The queue's service-level target"),
                             self.SL_15: self.tr("Answered within target ÷ contacts decided in the last 15 min "
                                                 "(answered, ended, or waiting past the target)")}

    def set_rows(self, rows: tuple[QueueFigures, ...] | list[QueueFigures]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_live(self, queues: tuple[QueueNow, ...] | list[QueueNow]) -> None:
        """The live figures per queue (empty: none, e.g. for a past day)."""
        self._live = {q.queue_id: q for q in queues}
        if self._rows:
            self.dataChanged.emit(self.index(0, self.WAITING), self.index(len(self._rows) - 1, self.SL_60))

    def _live_value(self, queue_id: int, col: int, role: int) -> Any:
        live = self._live.get(queue_id)
        if live is None:
            return DASH if role == Qt.ItemDataRole.DisplayRole else -1.0
        sl15, sl60 = live.service_level.get("15"), live.service_level.get("60")
        if role == SORT_ROLE:
            return {self.WAITING: live.waiting, self.WAITING_LONGEST: live.longest_waiting_sec or 0.0,
                    self.SL_15: -1.0 if sl15 is None else sl15, self.SL_60: -1.0 if sl60 is None else sl60}[col]
        if role == Qt.ItemDataRole.ForegroundRole:
            sl = sl15 if col == self.SL_15 else sl60 if col == self.SL_60 else None
            return BELOW_TARGET if sl is not None and sl < live.target_service_level else None
        return {self.WAITING: count(live.waiting),
                self.WAITING_LONGEST: duration(live.longest_waiting_sec) if live.longest_waiting_sec else DASH,
                self.SL_15: percent(sl15), self.SL_60: percent(sl60)}[col]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        q = self._rows[index.row()]
        fig = q.figures
        col = index.column()
        if col in self.LIVE_COLUMNS:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ForegroundRole):
                return self._live_value(q.queue_id, col, role)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.QUEUE:
                vip = self.tr("VIP")
                return f"{q.name}  ·  {vip}" if q.is_vip and vip.casefold() not in q.name.casefold() else q.name
            if col == self.CHANNEL:
                return channel_label(q.channel)
            if col == self.OFFERED:
                return count(fig.offered)
            if col == self.ANSWERED:
                return count(fig.answered)
            if col == self.ABANDONED:
                return count(fig.abandoned)
            if col == self.SERVICE_LEVEL:
                return percent(fig.service_level)
            if col == self.TARGET:
                return self.tr("%1 in %2").replace("%1", percent(q.target_service_level, 0)) \
                    .replace("%2", target_time(q.target_answer_sec))
            if col == self.ASA:
                return duration(fig.asa_sec)
            if col == self.LONGEST:
                return duration(fig.longest_wait_sec)
        if role == SORT_ROLE:
            return [q.name.casefold(), q.channel, fig.offered, fig.answered, fig.abandoned,
                    fig.service_level if fig.service_level is not None else -1.0, q.target_service_level,
                    fig.asa_sec if fig.asa_sec is not None else -1.0,
                    fig.longest_wait_sec if fig.longest_wait_sec is not None else -1.0][col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.OFFERED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.SERVICE_LEVEL \
                and fig.service_level is not None and fig.service_level < q.target_service_level:
            return BELOW_TARGET
        if role == Qt.ItemDataRole.ToolTipRole and col == self.SERVICE_LEVEL and fig.offered:
            return self.tr("%1 of %2 offered answered within %3").replace("%1", count(fig.answered_in_target)) \
                .replace("%2", count(fig.offered)).replace("%3", target_time(q.target_answer_sec))
        return None


class AgentStateModel(RowTableModel[AgentNow]):
    AGENT, TEAM, STATE, REASON, TIME_IN_STATE = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[AgentNow] = []
        self._show_logged_out = False
        self._tz = ZoneInfo("UTC")
        self._headers = [self.tr("Agent"), self.tr("Team"), self.tr("State"), self.tr("Pause reason"),
                         self.tr("Time in state")]
        self._header_tips = {self.STATE: self.tr("Available: logged in and not paused. Paused: logged in "
                                                 "with a pause reason. Logged out: no open login.")}

    def set_board(self, board: AgentBoard, tz: ZoneInfo) -> None:
        self._tz = tz
        self._all = list(board.agents)
        self._rebuild()

    def set_show_logged_out(self, show: bool) -> None:
        if show != self._show_logged_out:
            self._show_logged_out = show
            self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._rows = [a for a in self._all if self._show_logged_out or a.state != LOGGED_OUT]
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.AGENT:
                return a.name
            if col == self.TEAM:
                return a.team or DASH
            if col == self.STATE:
                return QCoreApplication.translate(TRANSLATION_CONTEXT, STATE_LABELS[a.state])
            if col == self.REASON:
                return pause_reason(a.reason) if a.state == PAUSED else ""
            if col == self.TIME_IN_STATE:
                return duration(a.time_in_state_sec)
        if role == SORT_ROLE:
            return [a.name.casefold(), (a.team or "").casefold(), a.state, a.reason or "",
                    a.time_in_state_sec if a.time_in_state_sec is not None else -1.0][col]
        if role == Qt.ItemDataRole.DecorationRole and col == self.STATE:
            return STATE_COLORS[a.state]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.TIME_IN_STATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TIME_IN_STATE:
            if a.since is None:
                return self.tr("No recorded state in the last 24 hours")
            since = a.since.astimezone(self._tz)
            return self.tr("Since %1").replace("%1", QLocale().toString(
                QDateTime(QDate(since.year, since.month, since.day), QTime(since.hour, since.minute)),
                QLocale.FormatType.ShortFormat))
        return None


LIVE_STATE_COLORS = {"available": QColor("#1f9d6b"), "ringing": QColor("#7b61ff"), "on_call": QColor("#2f6fde"),
                     "wrap_up": QColor("#00a3a3"), "paused": QColor("#d98e04"), "logged_out": QColor("#9aa3ad")}


def live_state_label(state: str) -> str:
    labels = {"available": QCoreApplication.translate("live", "Available"),
              "ringing": QCoreApplication.translate("live", "Ringing"),
              "on_call": QCoreApplication.translate("live", "On call"),
              "wrap_up": QCoreApplication.translate("live", "Wrap-up"),
              "paused": QCoreApplication.translate("live", "Paused"),
              "logged_out": QCoreApplication.translate("live", "Logged out")}
    return labels.get(state, state)


class LiveAgentModel(RowTableModel[AgentLive]):
    """Agents as the feed sees them now (on call, wrap-up, available, paused with reason...).

    Polled every 2 s: when the same agents come back in the same order only the cells change
    (dataChanged), so the view keeps its scroll position and selection."""

    AGENT, TEAM, STATE, REASON, TIME_IN_STATE = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[AgentLive] = []
        self._show_logged_out = False
        self._headers = [self.tr("Agent"), self.tr("Team"), self.tr("State"), self.tr("Pause reason"),
                         self.tr("Time in state")]
        self._header_tips = {self.STATE: self.tr(
            "On call: an answered contact not ended. Wrap-up: just after a contact. Available: logged in, "
            "free. Paused: logged in with a pause reason. Logged out: no open login.")}

    def set_agents(self, agents: tuple[AgentLive, ...] | list[AgentLive]) -> None:
        self._all = list(agents)
        self._rebuild()

    def set_show_logged_out(self, show: bool) -> None:
        if show != self._show_logged_out:
            self._show_logged_out = show
            self._rebuild()

    def _rebuild(self) -> None:
        rows = [a for a in self._all if self._show_logged_out or a.state != "logged_out"]
        if [a.person_id for a in rows] == [a.person_id for a in self._rows] and rows:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.AGENT:
                return a.name
            if col == self.TEAM:
                return a.team or DASH
            if col == self.STATE:
                return live_state_label(a.state)
            if col == self.REASON:
                return pause_reason(a.reason) if a.state == "paused" else ""
            if col == self.TIME_IN_STATE:
                return duration(a.time_in_state_sec)
        if role == SORT_ROLE:
            order = ("available", "ringing", "on_call", "wrap_up", "paused", "logged_out")
            return [a.name.casefold(), (a.team or "").casefold(),
                    order.index(a.state) if a.state in order else 9, a.reason or "",
                    a.time_in_state_sec if a.time_in_state_sec is not None else -1.0][col]
        if role == Qt.ItemDataRole.DecorationRole and col == self.STATE:
            return LIVE_STATE_COLORS.get(a.state)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.TIME_IN_STATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AlertModel(RowTableModel[AlertView]):
    """Open live alerts first, then those cleared recently."""

    RAISED, ALERT, SUBJECT, VALUE, STATUS = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tz = ZoneInfo("UTC")
        self._headers = [self.tr("Raised"), self.tr("Alert"), self.tr("Where"), self.tr("Value"), self.tr("Status")]

    def set_alerts(self, alerts: list[AlertView], tz: ZoneInfo) -> None:
        self._tz = tz
        if [(a.id, a.cleared_at) for a in alerts] == [(a.id, a.cleared_at) for a in self._rows]:
            return
        self.beginResetModel()
        self._rows = list(alerts)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.RAISED:
                return a.raised_at.astimezone(self._tz).strftime("%H:%M")
            if col == self.ALERT:
                return alert_title(a.title)
            if col == self.SUBJECT:
                return alert_where(a.params.get("queue")) or self.tr("Center")
            if col == self.VALUE:
                value = alert_value(a.params.get("value", ""))
                threshold = a.params.get("threshold")
                return f"{value} ({alert_value(threshold)})" if threshold else value
            if col == self.STATUS:
                if a.cleared_at is None:
                    return self.tr("open")
                return self.tr("cleared %1").replace("%1", a.cleared_at.astimezone(self._tz).strftime("%H:%M"))
        if role == Qt.ItemDataRole.ForegroundRole and a.cleared_at is None and col in (self.ALERT, self.STATUS):
            return BELOW_TARGET if a.severity == "critical" else QColor("#b26a00")
        if role == Qt.ItemDataRole.ToolTipRole and col == self.SUBJECT and a.rule == "online_backup":
            return self.tr("Backup agents to call in: %1").replace("%1", str(a.params.get("agents", "")))
        return None
