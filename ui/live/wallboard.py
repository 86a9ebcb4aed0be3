"""The wallboard: the floor in big numbers for a TV on the wall (full screen, Esc leaves).

Dark background, six headline numbers readable across a room (coloured green/amber/red by the
same thresholds as the Live tiles), the queues underneath, agents by state, and the open
alerts. A stopped feed turns the numbers grey and says since when; simulated data says so.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.live.alerts import AlertView
from app.live.state import LIVE_STATES, FloorNow
from ui.live.floor_charts import STATE_COLORS, state_label
from ui.live.formatting import (
    DASH,
    alert_title,
    alert_value,
    alert_where,
    count,
    duration,
    percent,
    tr,
)
from ui.live.tiles import LEVEL_COLORS, phone_target

BACKGROUND = "#0f1419"
PANEL = "#1a2129"
TEXT = "#e8edf2"
MUTED = "#8a96a3"
MAX_QUEUES = 6


class WallTile(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wall_tile")
        self.setStyleSheet(f"QFrame#wall_tile {{ background: {PANEL}; border-radius: 14px; }}"
                           f"QLabel {{ color: {MUTED}; background: transparent; }}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.bar = QFrame()  # the threshold colour, a band along the top
        self.bar.setFixedHeight(10)
        outer.addWidget(self.bar)
        layout = QVBoxLayout()
        layout.setContentsMargins(24, 10, 24, 16)
        layout.setSpacing(0)
        outer.addLayout(layout, 1)
        self.caption = QLabel(caption.upper())
        self.value = QLabel(DASH)
        self.detail = QLabel(" ")
        for label in (self.caption, self.value, self.detail):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            # a long text is clipped, never widens the board beyond the screen
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(label)
        layout.addStretch(1)
        self.level: str | None = None
        self.set_level(None)

    def set_level(self, level: str | None) -> None:
        self.level = level
        bar = LEVEL_COLORS.get(level or "", PANEL)
        value_color = {"warn": LEVEL_COLORS["warn"], "bad": LEVEL_COLORS["bad"], "ok": LEVEL_COLORS["ok"],
                       "stale": MUTED}.get(level or "", TEXT)
        self.bar.setStyleSheet(f"background: {bar}; border-top-left-radius: 14px; border-top-right-radius: 14px;")
        self.value.setStyleSheet(f"color: {value_color};")

    def set_sizes(self, value_px: int) -> None:
        font = QFont(self.value.font())
        font.setPixelSize(value_px)
        font.setWeight(QFont.Weight.Bold)
        self.value.setFont(font)
        small = QFont(self.caption.font())
        small.setPixelSize(max(14, value_px // 5))
        small.setWeight(QFont.Weight.DemiBold)
        self.caption.setFont(small)
        detail = QFont(small)
        detail.setWeight(QFont.Weight.Normal)
        self.detail.setFont(detail)


class Wallboard(QWidget):
    """A top-level window; :meth:`show_floor` paints the latest figures."""

    did_close = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("Floorwalker wallboard"))
        self.setObjectName("wallboard")
        self.setStyleSheet(f"QWidget#wallboard {{ background: {BACKGROUND}; }} QLabel {{ color: {TEXT}; }}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 24, 36, 24)
        outer.setSpacing(18)

        top = QHBoxLayout()
        self.title = QLabel(tr("Contact center — live"))
        self.badge = QLabel(tr("SIMULATED"))
        self.badge.setStyleSheet("background: #7b61ff; color: white; border-radius: 6px; padding: 4px 14px;")
        self.badge.hide()
        self.feed_label = QLabel(" ")
        self.clock = QLabel(" ")
        top.addWidget(self.title)
        top.addSpacing(18)
        top.addWidget(self.badge)
        top.addStretch(1)
        top.addWidget(self.feed_label)
        top.addSpacing(24)
        top.addWidget(self.clock)
        outer.addLayout(top)

        self.stale_band = QLabel(" ")
        self.stale_band.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stale_band.setWordWrap(True)
        self.stale_band.setStyleSheet("background: #b3261e; color: white; border-radius: 10px; padding: 10px;")
        self.stale_band.hide()
        outer.addWidget(self.stale_band)

        grid = QGridLayout()
        grid.setSpacing(18)
        self.tile_waiting = WallTile(tr("Calls waiting"))
        self.tile_longest = WallTile(tr("Longest wait"))
        self.tile_sl = WallTile(tr("Service level, 15 min"))
        self.tile_available = WallTile(tr("Agents available"))
        self.tile_online = WallTile(tr("Customers online"))
        self.tile_today = WallTile(tr("Answered today"))
        self.tiles = (self.tile_waiting, self.tile_longest, self.tile_sl, self.tile_available, self.tile_online,
                      self.tile_today)
        for i, tile in enumerate(self.tiles):
            grid.addWidget(tile, i // 3, i % 3)
        for col in range(3):
            grid.setColumnStretch(col, 1)
        outer.addLayout(grid, 5)

        bottom = QHBoxLayout()
        bottom.setSpacing(18)
        self.queue_panel = QFrame()
        self.queue_panel.setStyleSheet(f"QFrame {{ background: {PANEL}; border-radius: 14px; }}")
        self.queue_grid = QGridLayout(self.queue_panel)
        self.queue_grid.setContentsMargins(24, 14, 24, 14)
        self.queue_grid.setHorizontalSpacing(28)
        bottom.addWidget(self.queue_panel, 3)
        side = QFrame()
        side.setStyleSheet(f"QFrame {{ background: {PANEL}; border-radius: 14px; }}")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(24, 14, 24, 14)
        self.states_label = QLabel(" ")
        self.states_label.setTextFormat(Qt.TextFormat.RichText)
        self.states_label.setWordWrap(True)
        self.alerts_label = QLabel(" ")
        self.alerts_label.setTextFormat(Qt.TextFormat.RichText)
        self.alerts_label.setWordWrap(True)
        self.alerts_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        side_layout.addWidget(self.states_label)
        side_layout.addSpacing(10)
        side_layout.addWidget(self.alerts_label, 1)
        bottom.addWidget(side, 2)
        outer.addLayout(bottom, 3)
        self.hint = QLabel(tr("Esc or F11 leaves the wallboard"))
        self.hint.setStyleSheet(f"color: {MUTED};")
        outer.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignRight)
        self._queue_labels: list[QLabel] = []
        self._queue_cells: dict[tuple[int, int], QLabel] = {}
        self._apply_sizes()

    # --- sizes follow the screen ---------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._apply_sizes()

    def _px(self, share: float) -> int:
        return max(12, int(self.height() * share))

    def _apply_sizes(self) -> None:
        for tile in self.tiles:
            tile.set_sizes(self._px(0.105))
        for label, share, bold in ((self.title, 0.034, True), (self.clock, 0.04, True), (self.badge, 0.024, True),
                                   (self.feed_label, 0.022, False), (self.stale_band, 0.03, True),
                                   (self.states_label, 0.024, False), (self.alerts_label, 0.024, False),
                                   (self.hint, 0.014, False)):
            font = QFont(label.font())
            font.setPixelSize(self._px(share))
            font.setBold(bold)
            label.setFont(font)
        for label in self._queue_labels:
            font = QFont(label.font())
            font.setPixelSize(self._px(0.024))
            label.setFont(font)

    # --- figures ---------------------------------------------------------------------------------
    def show_floor(self, floor: FloorNow, alerts: list[AlertView], tz: ZoneInfo, *, center: str = "",
                   answer_target_sec: float = 30.0, online_threshold: float = 50.0) -> None:
        from ui.live.tiles import level_for

        stale = floor.stale
        self.title.setText(center or tr("Contact center — live"))
        self.badge.setVisible(floor.simulated)
        self.clock.setText(floor.at.astimezone(tz).strftime("%H:%M:%S"))
        feed = floor.feed
        if feed.status == "live":
            self.feed_label.setText(tr("● feed live · %1 events/s").replace("%1", f"{feed.events_per_sec:.1f}"))
            self.feed_label.setStyleSheet(f"color: {LEVEL_COLORS['ok']};")
        elif feed.status == "stopped":
            self.feed_label.setText(tr("● feed stopped"))
            self.feed_label.setStyleSheet(f"color: {LEVEL_COLORS['bad']};")
        else:
            self.feed_label.setText(tr("stored data — no live feed"))
            self.feed_label.setStyleSheet(f"color: {MUTED};")
        if stale and feed.stopped_since is not None:
            since = feed.stopped_since.astimezone(tz).strftime("%H:%M")
            self.stale_band.setText(tr("FEED STOPPED SINCE %1 — the figures are as of %1, not current")
                                    .replace("%1", since))
            self.stale_band.show()
        else:
            self.stale_band.hide()

        def lv(level: str | None) -> str | None:
            return "stale" if stale else level

        longest = floor.longest_waiting_sec
        self.tile_waiting.value.setText(count(floor.waiting))
        self.tile_waiting.detail.setText(tr("in all queues"))
        self.tile_waiting.set_level(lv(level_for(floor.waiting, good_at_most=0, warn_at_most=5)))
        self.tile_longest.value.setText(clock_duration(longest))
        self.tile_longest.detail.setText(tr("target: answered within %1 s").replace("%1", f"{answer_target_sec:.0f}"))
        self.tile_longest.set_level(lv(level_for(longest or 0.0, good_at_most=answer_target_sec,
                                                 warn_at_most=2 * answer_target_sec)))
        sl = floor.service_level("15", ("phone",))
        target = phone_target(floor)
        self.tile_sl.value.setText(percent(sl, 0))
        self.tile_sl.detail.setText(tr("phone · target %1 · today %2 · chat %3").replace("%1", percent(target, 0))
                                    .replace("%2", percent(floor.service_level("today", ("phone",)), 0))
                                    .replace("%3", percent(floor.service_level("15", ("chat",)), 0)))
        self.tile_sl.set_level(lv(level_for(sl, good_at_least=target, warn_at_least=target - 0.1)))
        counts = floor.state_counts()
        self.tile_available.value.setText(count(counts["available"]))
        self.tile_available.detail.setText(tr("%1 on call · %2 paused").replace("%1", count(counts["on_call"]))
                                           .replace("%2", count(counts["paused"])))
        self.tile_available.set_level(lv(level_for(counts["available"], good_at_least=2, warn_at_least=1)))
        if floor.online_customers is None:
            self.tile_online.value.setText(DASH)
            self.tile_online.detail.setText(tr("no online queue"))
            self.tile_online.set_level(lv(None))
        else:
            self.tile_online.value.setText(count(floor.online_customers))
            self.tile_online.detail.setText(tr("backup team at %1").replace("%1", f"{online_threshold:.0f}"))
            self.tile_online.set_level(lv(level_for(floor.online_customers, good_at_most=online_threshold * 0.8,
                                                    warn_at_most=online_threshold - 1)))
        answered = sum(q.answered_today for q in floor.queues)
        offered = sum(q.offered_today for q in floor.queues)
        abandoned = sum(q.abandoned_today for q in floor.queues)
        self.tile_today.value.setText(count(answered))
        self.tile_today.detail.setText(tr("of %1 offered · %2 abandoned").replace("%1", count(offered))
                                       .replace("%2", percent(abandoned / offered if offered else None, 0)))
        self.tile_today.set_level(lv(None))
        self._show_queues(floor, stale)
        parts = []
        for state in LIVE_STATES:
            if state == "logged_out":
                continue
            # never split a name: no-break spaces and hyphens, and word joiners between CJK characters
            label = "\u2060".join(state_label(state)).replace(" ", "&nbsp;").replace("-", "\u2011")
            parts.append(f'<span style="color:{STATE_COLORS[state]}">■</span>&nbsp;{label}&nbsp;'
                         f'<b>{count(counts[state])}</b>')
        self.states_label.setText("&nbsp;&nbsp; ".join(parts))
        open_alerts = [a for a in alerts if a.cleared_at is None][:6]
        if open_alerts:
            lines = [f'<span style="color:{LEVEL_COLORS["bad"] if a.severity == "critical" else LEVEL_COLORS["warn"]}">'
                     f'▲</span> {alert_title(a.title)} — {alert_where(a.params.get("queue"))} '
                     f'{alert_value(a.params.get("value", ""))}'
                     for a in open_alerts]
            self.alerts_label.setText("<br>".join(lines))
        else:
            self.alerts_label.setText(f'<span style="color:{MUTED}">{tr("No open alerts")}</span>')
        self._apply_sizes()

    def _show_queues(self, floor: FloorNow, stale: bool) -> None:
        headers = [tr("Queue"), tr("Waiting"), tr("Longest"), tr("SL 15 min"), tr("SL today"), tr("ASA")]
        rows = [q for q in floor.queues if q.channel in ("phone", "chat", "onsite")][:MAX_QUEUES]
        for col, text in enumerate(headers):
            self._queue_cell(0, col, text, MUTED)
        for r, q in enumerate(rows, start=1):
            sl = q.service_level.get("15")
            color = MUTED if stale else (LEVEL_COLORS["bad"] if sl is not None and sl < q.target_service_level - 0.1
                                         else LEVEL_COLORS["warn"] if sl is not None and sl < q.target_service_level
                                         else TEXT)
            values = [q.name + (" ★" if q.is_vip else ""), count(q.waiting),
                      clock_duration(q.longest_waiting_sec) if q.longest_waiting_sec is not None else "—",
                      percent(sl, 0), percent(q.service_level.get("today"), 0), duration(q.asa_today_sec)]
            for col, text in enumerate(values):
                self._queue_cell(r, col, text, color if col == 3 else (MUTED if stale else TEXT))
        for (row, _col), label in self._queue_cells.items():
            label.setVisible(row <= len(rows))

    def _queue_cell(self, row: int, col: int, text: str, color: str) -> None:
        """The cell's label, made once and reused (recreating labels every 2 s would flicker)."""
        label = self._queue_cells.get((row, col))
        if label is None:
            label = QLabel()
            if col:
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.queue_grid.addWidget(label, row, col)
            self._queue_cells[(row, col)] = label
            self._queue_labels.append(label)
            font = QFont(label.font())
            font.setPixelSize(self._px(0.024))
            label.setFont(font)
        label.setText(text)
        label.setStyleSheet(f"color: {color}; background: transparent;")

    # --- leaving -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.did_close.emit()
        super().closeEvent(event)


def clock_text(moment: datetime, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%H:%M:%S")


def clock_duration(seconds: float | None) -> str:
    """A wait as a TV shows it: '42 s', '3:08', '1:02:45' (short enough for the big font)."""
    total = int(round(seconds or 0.0))
    if total < 60:
        return tr("%1 s").replace("%1", str(total))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
