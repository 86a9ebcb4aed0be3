"""The floor's live charts (pyqtgraph, STYLE 15): calls waiting and agents available over the
shift, the rolling service level against its target, offered volume against the forecast per
interval, agents logged in against the rota's plan and the requirement, and the agent-state bars.

Every series is one PlotDataItem created once and fed with ``setData`` from a bounded buffer
(:class:`SeriesBuffer`, 24 h of 1-second points); only the part inside the chosen time window
is handed over, with clip-to-view and peak downsampling, on one 4-Hz redraw timer that does
nothing when nothing changed or when paused.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.live.state import AVAILABLE, LIVE_STATES, ON_CALL, RINGING, WRAP_UP, ShiftSeries
from ui.live.formatting import tr
from ui.style import ACCENT

DAY_POINTS = 86_400  # 24 h of 1-second points
REDRAW_MS = 250  # 4 Hz
WINDOWS = ((15 * 60, QT_TRANSLATE_NOOP("live", "15 min")), (3600, QT_TRANSLATE_NOOP("live", "1 h")),
           (4 * 3600, QT_TRANSLATE_NOOP("live", "4 h")), (8 * 3600, QT_TRANSLATE_NOOP("live", "8 h")),
           (24 * 3600, QT_TRANSLATE_NOOP("live", "24 h")))
WAITING_COLOR = "#c62828"
AVAILABLE_COLOR = "#1f9d6b"
TARGET_COLOR = "#d98e04"
FORECAST_COLOR = "#7b61ff"
PLANNED_COLOR = "#6d4c41"
REQUIRED_COLOR = "#c62828"
STATE_COLORS = {AVAILABLE: "#1f9d6b", RINGING: "#7b61ff", ON_CALL: "#2f6fde", WRAP_UP: "#00a3a3",
                "paused": "#d98e04", "logged_out": "#9aa3ad"}


def state_label(state: str) -> str:
    return {AVAILABLE: tr("Available"), RINGING: tr("Ringing"), ON_CALL: tr("On call"), WRAP_UP: tr("Wrap-up"),
            "paused": tr("Paused"), "logged_out": tr("Logged out")}.get(state, state)


def state_title(title: str, counts: np.ndarray) -> str:
    """The state chart's title: its name, then each state with anyone in it, in its colour."""
    shown = [f'<span style="color:{STATE_COLORS[s]}">■</span> {state_label(s)} {int(n)}'
             for s, n in zip(LIVE_STATES, counts, strict=True) if n > 0]
    # the states on a second, smaller line: beside the name they ran past the chart's width
    return f"{title}<br><span style='font-size:8pt'>" + " &nbsp;".join(shown) + "</span>" if shown else title


class SeriesBuffer:
    """Time-stamped points of several series in preallocated arrays of twice the capacity: new
    points go at the end; when the end is reached the newest ``capacity`` points move to the
    front (amortised O(1)), so the latest points are always one contiguous slice — what
    ``setData`` wants, without a copy per frame."""

    def __init__(self, capacity: int, names: tuple[str, ...]) -> None:
        self.capacity = capacity
        self.names = names
        self._x = np.zeros(2 * capacity, dtype=float)
        self._y = {n: np.zeros(2 * capacity, dtype=float) for n in names}
        self._start = 0
        self._end = 0
        self.total = 0  # points ever appended: the absolute index of the next one
        self.version = 0  # bumped on every change: the redraw skips an unchanged buffer

    def __len__(self) -> int:
        return self._end - self._start

    def clear(self) -> None:
        self._start = self._end = 0
        self.version += 1

    def _make_room(self, n: int) -> None:
        if self._end + n <= 2 * self.capacity:
            return
        keep = min(len(self), self.capacity - n)
        src = slice(self._end - keep, self._end)
        self._x[:keep] = self._x[src]
        for arr in self._y.values():
            arr[:keep] = arr[src]
        self._start, self._end = 0, keep

    def append(self, x: float, **values: float) -> None:
        if len(self) and x <= self._x[self._end - 1]:
            return  # time runs forward: an old or repeated point is dropped
        self._make_room(1)
        self._x[self._end] = x
        for name, arr in self._y.items():
            arr[self._end] = values.get(name, np.nan)
        self._end += 1
        self.total += 1
        if len(self) > self.capacity:
            self._start = self._end - self.capacity
        self.version += 1

    def extend(self, x: np.ndarray, **values: np.ndarray) -> None:
        x = np.asarray(x, dtype=float)
        if len(self):
            keep = x > self._x[self._end - 1]
            x = x[keep]
            values = {k: np.asarray(v, dtype=float)[keep] for k, v in values.items()}
        if x.size > self.capacity:
            self.total += x.size - self.capacity  # the older ones are never stored, but they count
            x = x[-self.capacity:]
            values = {k: v[-self.capacity:] for k, v in values.items()}
        n = x.size
        if not n:
            return
        self._make_room(n)
        self._x[self._end:self._end + n] = x
        for name, arr in self._y.items():
            arr[self._end:self._end + n] = values.get(name, np.full(n, np.nan))
        self._end += n
        self.total += n
        if len(self) > self.capacity:
            self._start = self._end - self.capacity
        self.version += 1

    @property
    def x(self) -> np.ndarray:
        return self._x[self._start:self._end]

    def y(self, name: str) -> np.ndarray:
        return self._y[name][self._start:self._end]

    def since(self, lo: float) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """The points at or after ``lo`` (views, not copies)."""
        x, ys, _first = self.since_indexed(lo)
        return x, ys

    def since_indexed(self, lo: float) -> tuple[np.ndarray, dict[str, np.ndarray], int]:
        """:meth:`since`, plus the absolute index of the first point returned."""
        x = self.x
        i = int(np.searchsorted(x, lo, side="left"))
        first = self.total - len(self) + i
        return x[i:], {n: self._y[n][self._start + i:self._end] for n in self.names}, first


def peak_decimate(x: np.ndarray, ys: dict[str, np.ndarray], buckets: int,
                  first_index: int = 0) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """At most ~2 points per bucket: each bucket's lowest and highest value (peak downsampling, so
    a one-second spike in calls waiting still shows at 24 h). Buckets are aligned to the point's
    absolute index (``first_index`` is that of ``x[0]``), so they do not jitter as the window
    slides; the points after the last full bucket (always at least the newest) pass through."""
    n = x.size
    if n <= 2 * buckets:
        return x, ys
    k = -(-n // buckets)
    head = (-first_index) % k
    body = (n - head - 1) // k * k  # the newest point always stays exact (it is "now")
    stop = head + body
    xb = x[head:stop:k]
    x_out = np.concatenate((x[:head], np.repeat(xb, 2), x[stop:]))
    out = {}
    for name, y in ys.items():
        block = y[head:stop].reshape(-1, k)
        pair = np.empty((block.shape[0], 2))
        pair[:, 0] = np.fmin.reduce(block, axis=1)  # fmin/fmax skip NaN (no warning on empty)
        pair[:, 1] = np.fmax.reduce(block, axis=1)
        out[name] = np.concatenate((y[:head], pair.ravel(), y[stop:]))
    return x_out, out


class ClockAxis(pg.DateAxisItem):
    """Time axis in the center's time zone (not the desk's)."""

    def set_timezone(self, tz: ZoneInfo) -> None:
        offset = datetime.now(UTC).astimezone(tz).utcoffset()
        self.utcOffset = -offset.total_seconds() if offset is not None else 0
        self.picture = None
        self.update()


def _plot(grid: QGridLayout, row: int, col: int, title: str, *, colspan: int = 1,
          time_axis: bool = True) -> pg.PlotItem:
    """One PlotWidget per chart: a new point repaints only the charts it changes (one shared
    scene would repaint all five, axes and titles included, on every frame)."""
    axis = {"bottom": ClockAxis(orientation="bottom")} if time_axis else {}
    widget = pg.PlotWidget(axisItems=axis)
    widget.setMinimumHeight(84)  # three rows of charts fit a 1440 x 900 window without scrolling
    grid.addWidget(widget, row, col, 1, colspan)
    plot = widget.getPlotItem()
    plot.setTitle(title, size="9pt")
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.showGrid(x=True, y=True, alpha=0.12)
    plot.setClipToView(True)
    # the 1-second series are peak-decimated to the plot's width before setData (peak_decimate):
    # pyqtgraph's own auto-downsampling would redo that work over all points on every frame
    plot.setDownsampling(auto=False)
    for name in ("left", "bottom"):
        # axes and title are drawn once into a pixmap and reused until their range moves
        plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    plot.titleLabel.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return plot


class FloorCharts(QWidget):
    """The live charts of the floor; fed by :meth:`load_shift` once and :meth:`add_point` per poll."""

    did_export = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, capacity: int = DAY_POINTS) -> None:
        super().__init__(parent)
        self.tz = ZoneInfo("UTC")
        self.buffer = SeriesBuffer(capacity, ("waiting", "available", "service_level"))
        self.window_sec = 4 * 3600
        self.paused = False
        self._drawn_version = -1
        self._drawn_window: tuple[float, int] | None = None
        self._now = 0.0
        self._x_range: tuple[float, int] | None = None
        self._y_top = 0.0
        self._intervals: ShiftSeries | None = None
        self.frame_times: list[float] = []  # seconds per redraw that did work (bench and tests)
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(REDRAW_MS)
        self.timer.timeout.connect(self.redraw)

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Window")))
        self.window_combo = QComboBox()
        for seconds, label in WINDOWS:
            self.window_combo.addItem(tr(label), seconds)
        self.window_combo.setCurrentIndex(2)
        self.window_combo.currentIndexChanged.connect(self._on_window_combo_current_index_changed)
        bar.addWidget(self.window_combo)
        self.pause_button = QPushButton(tr("Pause"))
        self.pause_button.setCheckable(True)
        self.pause_button.setToolTip(tr("Freeze the charts to look closer; figures keep arriving"))
        self.pause_button.toggled.connect(self._on_pause_button_toggled)
        bar.addWidget(self.pause_button)
        bar.addStretch(1)
        self.readout = QLabel(" ")
        self.readout.setObjectName("hint")
        bar.addWidget(self.readout)
        self.png_button = QPushButton(tr("Export PNG…"))
        self.csv_button = QPushButton(tr("Export CSV…"))
        self.png_button.clicked.connect(lambda: self._ask_export("png"))
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        bar.addWidget(self.png_button)
        bar.addWidget(self.csv_button)
        outer.addLayout(bar)

        self.grid_widget = QWidget()
        lw = QGridLayout(self.grid_widget)
        lw.setContentsMargins(0, 0, 0, 0)
        lw.setSpacing(4)
        outer.addWidget(self.grid_widget, 1)
        self.waiting_plot = _plot(lw, 0, 0, tr("Calls waiting and agents available"), colspan=2)
        self.waiting_item = pg.PlotDataItem(pen=pg.mkPen(WAITING_COLOR, width=1), name=tr("waiting"),
                                            antialias=False, stepMode=None)
        self.available_item = pg.PlotDataItem(pen=pg.mkPen(AVAILABLE_COLOR, width=1), antialias=False)
        for item in (self.waiting_item, self.available_item):
            item.setSkipFiniteCheck(True)  # counts, never NaN: skip pyqtgraph's per-frame scan
        self.waiting_plot.addItem(self.waiting_item)
        self.waiting_plot.addItem(self.available_item)
        self.sl_plot = _plot(lw, 1, 0, tr("Service level, last 15 min, vs target"))
        self.sl_item = pg.PlotDataItem(pen=pg.mkPen(ACCENT, width=1), antialias=False, connect="finite")
        self.target_line = pg.InfiniteLine(angle=0, movable=False,
                                           pen=pg.mkPen(TARGET_COLOR, width=1.5, style=Qt.PenStyle.DashLine))
        self.sl_plot.addItem(self.sl_item)
        self.sl_plot.addItem(self.target_line, ignoreBounds=True)
        self.sl_plot.setYRange(0, 100, padding=0.02)
        self.volume_plot = _plot(lw, 1, 1, tr("Offered vs forecast per 15 min"))
        fill = QColor(ACCENT)
        fill.setAlpha(70)
        self.offered_item = pg.PlotDataItem(stepMode="center", fillLevel=0, brush=fill,
                                            pen=pg.mkPen(ACCENT, width=1), antialias=False)
        self.forecast_item = pg.PlotDataItem(stepMode="center", antialias=False,
                                             pen=pg.mkPen(FORECAST_COLOR, width=2, style=Qt.PenStyle.DashLine))
        self.volume_plot.addItem(self.offered_item)
        self.volume_plot.addItem(self.forecast_item)
        self.staff_plot = _plot(lw, 2, 0, tr("Agents logged in vs rota and requirement"))
        self.logged_item = pg.PlotDataItem(stepMode="center", pen=pg.mkPen(AVAILABLE_COLOR, width=2), antialias=False)
        self.planned_item = pg.PlotDataItem(stepMode="center", antialias=False,
                                            pen=pg.mkPen(PLANNED_COLOR, width=1.5, style=Qt.PenStyle.DashLine))
        self.required_item = pg.PlotDataItem(stepMode="center", antialias=False,
                                             pen=pg.mkPen(REQUIRED_COLOR, width=1, style=Qt.PenStyle.DotLine))
        for item in (self.logged_item, self.planned_item, self.required_item):
            self.staff_plot.addItem(item)
        # one bar cut into the states (their colours), the states with anyone in them named in the
        # title: six state names down a chart a hundred pixels high would run into each other
        self.state_chart_name = tr("Agents by state now")
        self.state_plot = _plot(lw, 2, 1, self.state_chart_name, time_axis=False)
        self.state_bars = pg.BarGraphItem(x0=np.zeros(len(LIVE_STATES)), y=np.zeros(len(LIVE_STATES)),
                                          height=0.8, width=np.zeros(len(LIVE_STATES)),
                                          brushes=[QColor(STATE_COLORS[s]) for s in LIVE_STATES],
                                          pens=[pg.mkPen(None)] * len(LIVE_STATES))
        self.state_plot.addItem(self.state_bars)
        self.state_plot.hideAxis("left")
        self.state_plot.setYRange(-0.5, 0.5, padding=0)
        self.state_plot.showGrid(x=True, y=False, alpha=0.12)
        self.state_counts = np.zeros(len(LIVE_STATES))
        self.legend_label = QLabel(
            f'<span style="color:{WAITING_COLOR}">━</span> {tr("waiting")} &nbsp; '
            f'<span style="color:{AVAILABLE_COLOR}">━</span> {tr("available")} &nbsp; '
            f'<span style="color:{TARGET_COLOR}">┅</span> {tr("SL target")} &nbsp; '
            f'<span style="color:{ACCENT}">■</span> {tr("offered")} &nbsp; '
            f'<span style="color:{FORECAST_COLOR}">┅</span> {tr("forecast")} &nbsp; '
            f'<span style="color:{AVAILABLE_COLOR}">━</span> {tr("logged in")} &nbsp; '
            f'<span style="color:{PLANNED_COLOR}">┅</span> {tr("rota")} &nbsp; '
            f'<span style="color:{REQUIRED_COLOR}">┄</span> {tr("required")}')
        self.legend_label.setObjectName("hint")
        outer.addWidget(self.legend_label)
        self.notes = QLabel(" ")
        self.notes.setObjectName("hint")
        self.notes.setWordWrap(True)
        outer.addWidget(self.notes)
        self._apply_palette()
        for plot in self.plots:
            plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    @staticmethod
    def view_of(plot: pg.PlotItem) -> pg.PlotWidget:
        return plot.getViewWidget()

    def _apply_palette(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        for plot in self.plots:
            self.view_of(plot).setBackground(palette.color(QPalette.ColorRole.Base))
            plot.titleLabel.item.setDefaultTextColor(text)
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setTextPen(text)
                axis.setPen(palette.color(QPalette.ColorRole.Mid))

    @property
    def plots(self) -> tuple[pg.PlotItem, ...]:
        return (self.waiting_plot, self.sl_plot, self.volume_plot, self.staff_plot, self.state_plot)

    @property
    def data_items(self) -> tuple[pg.GraphicsObject, ...]:
        return (self.waiting_item, self.available_item, self.sl_item, self.offered_item, self.forecast_item,
                self.logged_item, self.planned_item, self.required_item, self.state_bars)

    # --- data in ------------------------------------------------------------------------------
    def set_timezone(self, tz: ZoneInfo) -> None:
        self.tz = tz
        for plot in self.plots[:4]:
            axis = plot.getAxis("bottom")
            if isinstance(axis, ClockAxis):
                axis.set_timezone(tz)

    def load_shift(self, series: ShiftSeries) -> None:
        """The shift so far (replaces the buffer) and the per-interval plan figures."""
        self.buffer.clear()
        sl = series.service_level * 100.0
        self.buffer.extend(series.t, waiting=series.waiting, available=series.available, service_level=sl)
        self.set_intervals(series)
        self._now = series.at.timestamp()

    def set_intervals(self, series: ShiftSeries) -> None:
        self._intervals = series
        step = 900.0
        starts = series.interval_starts
        if starts.size:
            edges = np.append(starts, starts[-1] + step)
            upto = int(np.searchsorted(starts, series.at.timestamp(), side="right"))
            self.offered_item.setData(edges[:upto + 1], series.offered[:upto])
            if series.forecast is not None:
                self.forecast_item.setData(edges, series.forecast)
            else:
                self.forecast_item.setData([], [])
            logged = np.nan_to_num(series.logged_in[:upto])
            self.logged_item.setData(edges[:upto + 1], logged)
            self.planned_item.setData(*((edges, series.planned) if series.planned is not None else ([], [])))
            self.required_item.setData(*((edges, series.required) if series.required is not None else ([], [])))
            lo, hi = float(starts[0]), float(edges[-1])
            self.volume_plot.setXRange(lo, hi, padding=0)
            self.staff_plot.setXRange(lo, hi, padding=0)
        if series.target_service_level is not None:
            self.target_line.setValue(series.target_service_level * 100)
            self.target_line.show()
        else:
            self.target_line.hide()
        missing = []
        if series.forecast is None:
            missing.append(tr("no forecast for today"))
        if series.planned is None:
            missing.append(tr("no published rota for today"))
        if series.required is None:
            missing.append(tr("no staffing requirement for today"))
        self.notes.setText((tr("Not shown: %1.").replace("%1", ", ".join(missing))) if missing else " ")
        self._drawn_version = -1

    def add_point(self, at: datetime | float, waiting: float, available: float, service_level: float | None) -> None:
        x = at.timestamp() if isinstance(at, datetime) else float(at)
        self.buffer.append(x, waiting=waiting, available=available,
                           service_level=np.nan if service_level is None else service_level * 100.0)
        self._now = max(self._now, x)

    def set_state_counts(self, counts: dict[str, int]) -> None:
        values = np.array([counts.get(s, 0) for s in LIVE_STATES], dtype=float)
        if not np.array_equal(values, self.state_counts):
            self.state_counts = values
            self.state_bars.setOpts(x0=np.cumsum(values) - values, width=values)  # each state after the ones before
            self.state_plot.setXRange(0, max(values.sum(), 5), padding=0)
            self.state_plot.setTitle(state_title(self.state_chart_name, values), size="9pt")  # (as _plot: the same grey)

    # --- redraw ------------------------------------------------------------------------------
    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def redraw(self, *, force: bool = False) -> bool:
        """Hand the window's points to the plot items; False when there was nothing to do."""
        if self.paused and not force:
            return False
        key = (self._now, self.window_sec)
        if not force and self.buffer.version == self._drawn_version and key == self._drawn_window:
            return False
        import time

        started = time.perf_counter()
        lo = self._now - self.window_sec
        x, ys, first = self.buffer.since_indexed(lo)
        # one min/max pair per 3 pixels: a one-second spike still shows, and the path stays short
        # enough to paint well inside a frame; 1-px pens (thick pens take Qt's slow path)
        buckets = max(int(self.waiting_plot.vb.width()) // 3, 100)
        x, ys = peak_decimate(x, ys, buckets, first)
        self.waiting_item.setData(x, ys["waiting"])
        self.available_item.setData(x, ys["available"])
        self.sl_item.setData(x, ys["service_level"])
        # the right edge moves in steps of 1/240 of the window: the axes (cached pixmaps) are
        # redrawn when it steps, not on every frame; the newest points fill the gap meanwhile
        step = max(self.window_sec / 240.0, 1.0)
        right = np.ceil(self._now / step) * step
        if (right, self.window_sec) != self._x_range:
            self._x_range = (right, self.window_sec)
            for plot in (self.waiting_plot, self.sl_plot):
                plot.setXRange(right - self.window_sec, right, padding=0)
        top = 5.0
        if x.size:
            top = max(top, float(np.fmax.reduce(ys["waiting"])), float(np.fmax.reduce(ys["available"])))
        top = float(np.ceil(top * 1.1 / 5.0) * 5.0)  # in steps of 5: the axis stays put
        if top != self._y_top:
            self._y_top = top
            self.waiting_plot.setYRange(0, top, padding=0)
        self._drawn_version = self.buffer.version
        self._drawn_window = key
        self.frame_times.append(time.perf_counter() - started)
        if len(self.frame_times) > 10_000:
            del self.frame_times[:5000]
        return True

    def _on_window_combo_current_index_changed(self, _index: int) -> None:
        self.window_sec = int(self.window_combo.currentData())
        self.redraw(force=True)

    def _on_pause_button_toggled(self, paused: bool) -> None:
        self.paused = paused
        self.pause_button.setText(tr("Resume") if paused else tr("Pause"))
        if not paused:
            self.redraw(force=True)

    # --- hover ---------------------------------------------------------------------------------
    def _on_scene_mouse_moved(self, pos: QPointF) -> None:
        scene = self.sender()
        plot = next((p for p in self.plots if p.scene() is scene), None)
        text = self.describe_at(plot, pos) if plot is not None else ""
        self.readout.setText(text or " ")
        if text and plot is not None:
            QToolTip.showText(QCursor.pos(), text, self.view_of(plot))

    def describe_at(self, plot: pg.PlotItem, pos: QPointF) -> str:
        """The hover text of ``plot`` at scene position ``pos`` (empty outside its data)."""
        if plot in self.plots[:4] and plot.vb.sceneBoundingRect().contains(pos):
            x = plot.vb.mapSceneToView(pos).x()
            when = datetime.fromtimestamp(x, UTC).astimezone(self.tz).strftime("%H:%M:%S")
            if plot in (self.waiting_plot, self.sl_plot):
                bx = self.buffer.x
                if not bx.size:
                    return ""
                i = int(np.clip(np.searchsorted(bx, x), 0, bx.size - 1))
                sl = self.buffer.y("service_level")[i]
                return (tr("%1: %2 waiting, %3 available, SL %4").replace("%1", when)
                        .replace("%2", f"{self.buffer.y('waiting')[i]:.0f}")
                        .replace("%3", f"{self.buffer.y('available')[i]:.0f}")
                        .replace("%4", "—" if np.isnan(sl) else f"{sl:.0f} %"))
            s = self._intervals
            if s is None or not s.interval_starts.size:
                return ""
            i = int(np.searchsorted(s.interval_starts, x, side="right")) - 1
            if not 0 <= i < s.interval_starts.size:
                return ""
            start = datetime.fromtimestamp(float(s.interval_starts[i]), UTC).astimezone(self.tz).strftime("%H:%M")
            if plot is self.volume_plot:
                fc = "—" if s.forecast is None else f"{s.forecast[i]:.0f}"
                return tr("%1: %2 offered, forecast %3").replace("%1", start) \
                    .replace("%2", f"{s.offered[i]:.0f}").replace("%3", fc)
            li = s.logged_in[i]
            return (tr("%1: %2 logged in, rota %3, required %4").replace("%1", start)
                    .replace("%2", "—" if np.isnan(li) else f"{li:.0f}")
                    .replace("%3", "—" if s.planned is None else f"{s.planned[i]:.0f}")
                    .replace("%4", "—" if s.required is None else f"{s.required[i]:.0f}"))
        return ""

    # --- export --------------------------------------------------------------------------------
    def _ask_export(self, kind: str) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        stamp = datetime.now(UTC).astimezone(self.tz).strftime("%Y%m%d-%H%M")
        name = f"floorwalker-live-{stamp}.{kind}"
        filters = tr("PNG image (*.png)") if kind == "png" else tr("CSV file (*.csv)")
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the live charts"), str(Path.home() / name), filters)
        if not path:
            return
        try:
            self.export_png(path) if kind == "png" else self.export_csv(path)
        except OSError as exc:
            QMessageBox.warning(self, tr("Export"), tr("Could not write %1: %2").replace("%1", path)
                                .replace("%2", str(exc)))

    def export_png(self, path: str | Path) -> Path:
        path = Path(path)
        if not self.grab().save(str(path), "PNG"):
            raise OSError(tr("Could not write %1").replace("%1", str(path)))
        self.did_export.emit(str(path))
        return path

    def export_csv(self, path: str | Path) -> Path:
        """The shift's points (time in the center's zone, waiting, available, SL) and, after a blank
        line, the intervals (start, offered, forecast, logged in, rota, required)."""
        path = Path(path)
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["time", "calls_waiting", "agents_available", "service_level_15min_pct"])
            x = self.buffer.x
            waiting, available, sl = (self.buffer.y(n) for n in ("waiting", "available", "service_level"))
            for i in range(x.size):
                w.writerow([datetime.fromtimestamp(float(x[i]), UTC).astimezone(self.tz).isoformat(timespec="seconds"),
                            f"{waiting[i]:.0f}", f"{available[i]:.0f}", "" if np.isnan(sl[i]) else f"{sl[i]:.1f}"])
            s = self._intervals
            if s is not None:
                w.writerow([])
                w.writerow(["interval_start", "offered", "forecast", "logged_in", "rota_planned", "required"])
                for i, start in enumerate(s.interval_starts.tolist()):
                    if start > s.at.timestamp():
                        break
                    w.writerow([datetime.fromtimestamp(start, UTC).astimezone(self.tz).isoformat(timespec="minutes"),
                                f"{s.offered[i]:.0f}",
                                "" if s.forecast is None else f"{s.forecast[i]:.1f}",
                                "" if np.isnan(s.logged_in[i]) else f"{s.logged_in[i]:.0f}",
                                "" if s.planned is None else f"{s.planned[i]:.0f}",
                                "" if s.required is None else f"{s.required[i]:.0f}"])
        self.did_export.emit(str(path))
        return path
