"""The floor now, inside the Live workspace: live tiles with thresholds, the feed-health indicator
and SIMULATED badge, the live charts, agents in their live states, the alert list and the
wallboard — all fed by one poll every 2 s (off the UI thread, through ui/tasks.py).

The poll reads :func:`app.live.state.floor_now` (a few indexed aggregates); the charts'
history is loaded once (:func:`app.live.state.shift_series`) and then grows by one point per
poll. A stopped feed greys the figures and says since when; no point is added while stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.live.alerts import AlertView, recent_alerts
from app.live.state import FloorNow, ShiftSeries, floor_now, shift_series
from app.security.permissions import allowed
from ui.context import ConsoleContext
from ui.live.formatting import count, duration, percent, tr
from ui.live.models import SORT_ROLE, AlertModel, LiveAgentModel
from ui.live.tiles import LEVEL_COLORS, DetailHeights, StatusTile, level_for, phone_target

if TYPE_CHECKING:
    from ui.live.floor_charts import FloorCharts
    from ui.live.wallboard import Wallboard

POLL_MS = 2000
IDLE_POLL_MS = 10_000  # no live feed (or a stopped one): figures change slowly, an idle console stays idle
SERIES_RELOAD_SEC = 15 * 60  # the per-interval plan figures and the history are reloaded this often


@dataclass(frozen=True)
class Polled:
    floor: FloorNow
    alerts: list[AlertView]
    answer_target_sec: float  # R-RESP-3
    online_reply_sec: float  # R-RESP-1
    online_threshold: float  # R-SCH-4
    series: ShiftSeries | None


def poll(session: Any, with_series: bool) -> Polled:
    from app.admin.rules import rule_value

    floor = floor_now(session)
    return Polled(floor, recent_alerts(session, floor.at), float(rule_value(session, "R-RESP-3")),  # type: ignore[arg-type]
                  float(rule_value(session, "R-RESP-1")), float(rule_value(session, "R-SCH-4")),  # type: ignore[arg-type]
                  shift_series(session, floor.at) if with_series else None)


def _table(model: Any, sort_column: int, parent: QObject) -> QTableView:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


class FloorNowPanel(QObject):
    """Owns the live widgets the workspace places; polls while active."""

    did_poll = Signal()

    def __init__(self, ctx: ConsoleContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.host = parent
        self.floor: FloorNow | None = None
        self.last: Polled | None = None
        self.poll_count = 0
        self._in_flight = False
        self._series_at = 0.0
        self._active = False
        self._wanted = False
        self._charts: FloorCharts | None = None
        self.wallboard: Wallboard | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

        # header pieces
        self.sim_badge = QLabel(tr("SIMULATED"))
        self.sim_badge.setToolTip(tr("Figures include contacts written by `floorwalker simulate`, not a real platform"))
        self.sim_badge.setStyleSheet("background: #7b61ff; color: white; border-radius: 4px; padding: 2px 8px; "
                                     "font-weight: 600;")
        self.sim_badge.hide()
        self.feed_indicator = QLabel(" ")
        self.feed_indicator.setTextFormat(Qt.TextFormat.RichText)
        self.wallboard_button = QPushButton(tr("Wallboard"))
        self.wallboard_button.clicked.connect(self.open_wallboard)
        self.wallboard_button.setToolTip(tr("Full-screen board for a TV on the floor (F11; Esc leaves)"))
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F11), parent)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.toggle_wallboard)  # also reaches the board: it is our child
        self.rules_button = QPushButton(tr("Alert rules…"))
        self.rules_button.setToolTip(tr("Which live alerts are raised, and their thresholds"))
        self.rules_button.setVisible(allowed(ctx.actor, "rules.edit"))
        self.rules_button.clicked.connect(self.open_rules)
        self.rules_dialog: QDialog | None = None

        # the stale banner and the live tiles
        self.stale_banner = QLabel(" ")
        self.stale_banner.setWordWrap(True)
        self.stale_banner.setStyleSheet("background: #b3261e; color: white; font-weight: 600; padding: 6px 10px; "
                                        "border-radius: 4px;")
        self.stale_banner.hide()
        self.tiles_widget = QWidget()
        row = QHBoxLayout(self.tiles_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.tile_waiting = StatusTile(tr("Calls waiting"))
        self.tile_longest = StatusTile(tr("Longest waiting"))
        self.tile_sl = StatusTile(tr("Phone SL, 15 min"))
        self.tile_online_reply = StatusTile(tr("Chat: SL 15 min"))
        self.tile_available = StatusTile(tr("Agents available"))
        self.tile_online = StatusTile(tr("Customers online"))
        self.tile_staffing = StatusTile(tr("Logged in vs rota"))
        self.tiles = (self.tile_waiting, self.tile_longest, self.tile_sl, self.tile_online_reply,
                      self.tile_available, self.tile_online, self.tile_staffing)
        for tile in self.tiles:
            row.addWidget(tile)
        self.tile_heights = DetailHeights(self.tiles, self)

        # charts (built on first use: pyqtgraph's import is not free)
        self.charts_slot = QWidget()
        QVBoxLayout(self.charts_slot).setContentsMargins(0, 0, 0, 0)

        # agents and alerts
        self.agent_model = LiveAgentModel(self)
        self.agent_view = _table(self.agent_model, LiveAgentModel.STATE, self)
        self.alert_model = AlertModel(self)
        self.alert_view = _table(self.alert_model, AlertModel.RAISED, self)
        self.alert_view.setSortingEnabled(False)  # the model's order: open alerts first, newest first

    # --- lifecycle -----------------------------------------------------------------------------
    @property
    def charts(self) -> FloorCharts:
        if self._charts is None:
            from ui.live.floor_charts import FloorCharts

            self._charts = FloorCharts()
            self._charts.set_timezone(self.ctx.timezone)
            self.charts_slot.layout().addWidget(self._charts)
        return self._charts

    def set_active(self, active: bool) -> None:
        """Poll (and redraw) while Live shows today or the wallboard is up."""
        self._wanted = active
        active = active or self.wallboard is not None
        if active == self._active:
            return
        self._active = active
        if active:
            self.timer.start()
            self.charts.start()
            self.poll()
        else:
            self.timer.stop()
            if self._charts is not None:
                self._charts.stop()

    @property
    def active(self) -> bool:
        return self._active

    def poll(self) -> None:
        if self._in_flight:
            return
        self._in_flight = True
        import time

        with_series = self._charts is not None and time.monotonic() - self._series_at > SERIES_RELOAD_SEC
        if with_series:
            self._series_at = time.monotonic()
        self.ctx.tasks.query(lambda s: poll(s, with_series)).success(self._on_polled) \
            .failure(self._on_poll_failed).run()

    def reload_series(self) -> None:
        self._series_at = 0.0
        self.poll()

    def _on_poll_failed(self, exc: BaseException) -> None:
        self._in_flight = False
        self.feed_indicator.setText(f'<span style="color:{LEVEL_COLORS["bad"]}">●</span> '
                                    + tr("Live figures unavailable: %1").replace("%1", str(exc).splitlines()[0][:120]))

    def _on_polled(self, result: Polled) -> None:
        self._in_flight = False
        self.last = result
        self.floor = result.floor
        self.poll_count += 1
        # every 2 s while a feed is live; a stopped or absent feed is checked every 10 s
        self.timer.setInterval(POLL_MS if result.floor.feed.status == "live" else IDLE_POLL_MS)
        self.show(result)
        self.did_poll.emit()

    # --- showing -------------------------------------------------------------------------------
    def show(self, p: Polled) -> None:
        f = p.floor
        tz = self.ctx.timezone
        stale = f.stale
        self.sim_badge.setVisible(f.simulated)
        self._show_feed(f, tz)
        if stale and f.feed.stopped_since is not None:
            since = f.feed.stopped_since.astimezone(tz).strftime("%H:%M")
            self.stale_banner.setText(tr("The feed stopped at %1: the live figures below are as of %1, not current. "
                                         "Check the queue_log follower or the simulator.").replace("%1", since))
            self.stale_banner.show()
        else:
            self.stale_banner.hide()

        def lv(level: str | None) -> str | None:
            return "stale" if stale else level

        as_of = tr("as of %1").replace("%1", f.feed.stopped_since.astimezone(tz).strftime("%H:%M")) \
            if stale and f.feed.stopped_since else ""
        target = p.answer_target_sec
        self.tile_waiting.set_value(count(f.waiting), as_of or tr("in all queues"))
        self.tile_waiting.set_level(lv(level_for(f.waiting, good_at_most=0, warn_at_most=5)))
        longest = f.longest_waiting_sec
        self.tile_longest.set_value(duration(longest) if longest is not None else duration(0),
                                    as_of or tr("R-RESP-3: within %1").replace("%1", duration(target)))
        self.tile_longest.set_level(lv(level_for(longest or 0.0, good_at_most=target, warn_at_most=2 * target)))
        target_sl = phone_target(f)
        sl = f.service_level("15", ("phone",))
        self.tile_sl.set_value(percent(sl, 0), as_of or tr("30 min %1 · 60 min %2 · today %3")
                               .replace("%1", percent(f.service_level("30", ("phone",)), 0))
                               .replace("%2", percent(f.service_level("60", ("phone",)), 0))
                               .replace("%3", percent(f.service_level("today", ("phone",)), 0)),
                               tr("Phone: answered within the queue's target ÷ contacts decided in the window "
                                  "(target %1)").replace("%1", percent(target_sl, 0)))
        self.tile_sl.set_level(lv(level_for(sl, good_at_least=target_sl, warn_at_least=target_sl - 0.1)))
        chat_sl = f.service_level("15", ("chat",))
        chat_target = next((q.target_service_level for q in f.queues if q.channel == "chat"), None)
        self.tile_online_reply.set_value(
            percent(chat_sl, 0), as_of or tr("R-RESP-1: reply within %1").replace("%1", duration(p.online_reply_sec)))
        self.tile_online_reply.set_level(lv(None if chat_target is None else level_for(
            chat_sl, good_at_least=chat_target, warn_at_least=chat_target - 0.1)))
        counts = f.state_counts()
        self.tile_available.set_value(count(counts["available"]), as_of or tr("%1 on call · %2 wrap · %3 paused")
                                      .replace("%1", count(counts["on_call"])).replace("%2", count(counts["wrap_up"]))
                                      .replace("%3", count(counts["paused"])))
        self.tile_available.set_level(lv(level_for(counts["available"], good_at_least=2, warn_at_least=1)
                                         if f.staffing.logged_in else None))
        if f.online_customers is None:
            self.tile_online.set_value("—", tr("no online queue"))
            self.tile_online.set_level(None)
        else:
            self.tile_online.set_value(count(f.online_customers), as_of or tr("backup team at %1 (R-SCH-4)")
                                       .replace("%1", f"{p.online_threshold:.0f}"))
            self.tile_online.set_level(lv(level_for(f.online_customers, good_at_most=p.online_threshold * 0.8,
                                                    warn_at_most=p.online_threshold - 1)))
        st = f.staffing
        if st.planned is None:
            self.tile_staffing.set_value(count(st.logged_in), tr("no published rota now"))
            self.tile_staffing.set_level(None)
        else:
            need = f" · {tr('required %1').replace('%1', count(st.required))}" if st.required is not None else ""
            self.tile_staffing.set_value(f"{count(st.logged_in)} / {count(st.planned)}",
                                         as_of or tr("logged in / on the rota") + need)
            self.tile_staffing.set_level(lv(level_for(st.logged_in - st.planned, good_at_least=0, warn_at_least=-1)))

        self.tile_heights.align()
        self.agent_model.set_agents(f.agents)
        self.agent_view.setEnabled(not stale)  # greyed: these states are as of the last event
        self.alert_model.set_alerts(p.alerts, tz)
        if self._charts is not None:
            charts = self._charts
            if p.series is not None:
                charts.load_shift(p.series)
            elif not stale:
                charts.add_point(f.at, f.waiting, f.available, f.service_level("15"))
            charts.set_state_counts(counts)
        if self.wallboard is not None:
            self.wallboard.show_floor(f, p.alerts, tz, center=self.ctx.center_name,
                                      answer_target_sec=target, online_threshold=p.online_threshold)

    def _show_feed(self, f: FloorNow, tz: ZoneInfo) -> None:
        feed = f.feed
        details = []
        for info in feed.feeds:
            last = info.last_event_at.astimezone(tz).strftime("%H:%M:%S") if info.last_event_at else "—"
            details.append(tr("%1 (%2): last event %3, %4 events/s, %5 events, %6 malformed, %7 unknown, "
                              "%8 duplicates, %9 out of order")
                           .replace("%1", info.name).replace("%2", info.source).replace("%3", last)
                           .replace("%4", f"{info.events_per_sec:.1f}").replace("%5", count(info.events))
                           .replace("%6", count(info.malformed)).replace("%7", count(info.unknown))
                           .replace("%8", count(info.duplicates)).replace("%9", count(info.out_of_order))
                           + (" — " + tr("file missing") if info.missing else "")
                           + (" — " + tr("stopped") if info.stale else ""))
            details.extend("    " + p for p in info.problems)
        if feed.status == "live":
            color, text = LEVEL_COLORS["ok"], tr("Feed live · %1 events/s").replace("%1", f"{feed.events_per_sec:.1f}")
            if feed.malformed or feed.unknown:
                color = LEVEL_COLORS["warn"]
                text += " · " + tr("%1 malformed, %2 unknown").replace("%1", count(feed.malformed)) \
                    .replace("%2", count(feed.unknown))
        elif feed.status == "stopped":
            since = feed.stopped_since.astimezone(tz).strftime("%H:%M") if feed.stopped_since else "?"
            color, text = LEVEL_COLORS["bad"], tr("Feed stopped since %1").replace("%1", since)
        else:
            color, text = LEVEL_COLORS["stale"], tr("No live feed: figures from stored contacts")
            details.append(tr("Connect one with `floorwalker import queue-log FILE --follow --db …` "
                              "or try `floorwalker simulate --until-stopped --db …`."))
        self.feed_indicator.setText(f'<span style="color:{color}">●</span> {text}')
        self.feed_indicator.setToolTip("\n".join(details))

    # --- alert rules ---------------------------------------------------------------------------
    def open_rules(self) -> None:
        from app.live.settings import list_rules

        self.ctx.tasks.query(list_rules).success(self._show_rules).run()

    def _show_rules(self, rules: list[Any]) -> None:
        from ui.live.rules_dialog import AlertRulesDialog

        self.rules_dialog = AlertRulesDialog(self.ctx, rules, self.host)
        self.rules_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rules_dialog.finished.connect(self._on_rules_dialog_finished)
        self.rules_dialog.open()

    def _on_rules_dialog_finished(self, _result: int) -> None:
        self.rules_dialog = None

    # --- wallboard -----------------------------------------------------------------------------
    def open_wallboard(self, *, full_screen: bool = True) -> Wallboard:
        from ui.live.wallboard import Wallboard

        if self.wallboard is None:
            self.wallboard = Wallboard(self.host)  # its own window, closed with the console
            self.wallboard.did_close.connect(self._on_wallboard_did_close)
        if full_screen:
            self.wallboard.showFullScreen()
        else:
            self.wallboard.show()
        self.set_active(True)
        if self.last is not None:
            self.show(self.last)
        return self.wallboard

    def toggle_wallboard(self) -> None:
        if self.wallboard is not None:
            self.close_wallboard()
        else:
            self.open_wallboard()

    def close_wallboard(self) -> None:
        if self.wallboard is not None:
            self.wallboard.close()

    def _on_wallboard_did_close(self) -> None:
        board, self.wallboard = self.wallboard, None
        if board is not None:
            board.deleteLater()
        self.set_active(self._wanted)
