"""Offered vs answered per 15-minute interval of one center-local day (pyqtgraph, STYLE 15:
one PlotDataItem per series, created once, updated with setData from preallocated buffers)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.live.history import INTERVAL, IntervalVolume
from ui.live.formatting import count, section_title, tr
from ui.style import ACCENT

ANSWERED_COLOR = "#1f9d6b"
NOW_COLOR = "#b3261e"
MAX_INTERVALS = 25 * 4  # the longest day: 25 h when clocks go back


def nice_step(raw: float) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50... at least ``raw`` (and at least 1)."""
    magnitude = 1.0
    while True:
        for factor in (1, 2, 5):
            if factor * magnitude >= raw:
                return factor * magnitude
        magnitude *= 10


class LocalHourAxis(pg.AxisItem):
    """Bottom axis in hours since local midnight, labelled with the center-local clock time
    (correct on days when the clocks change, where elapsed hours and clock hours differ)."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self._start: datetime | None = None
        self._tz: ZoneInfo | None = None

    def set_day(self, start: datetime, tz: ZoneInfo) -> None:
        self._start, self._tz = start, tz
        self.picture = None
        self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N802, N803 - pyqtgraph API
        first, last = int(np.floor(minVal)), int(np.ceil(maxVal))
        hours = [float(h) for h in range(max(first, 0), last + 1) if minVal <= h <= maxVal]
        return [(3.0, [h for h in hours if int(h) % 3 == 0]), (1.0, [h for h in hours if int(h) % 3])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        if self._start is None or self._tz is None:
            return [f"{int(v):02d}:00" for v in values]
        return [(self._start + timedelta(hours=v)).astimezone(self._tz).strftime("%H:%M") for v in values]


class VolumeChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(section_title(tr("Offered and answered per 15 minutes")))
        legend = QLabel(
            f'<span style="color:{ACCENT}">&#9632;</span> {tr("Offered")} &nbsp;&nbsp; '
            f'<span style="color:{ANSWERED_COLOR}"><b>&#9473;&#9473;</b></span> {tr("Answered")}')
        legend.setObjectName("hint")
        self.now_legend = QLabel(f'<span style="color:{NOW_COLOR}">&#9476;</span> {tr("now")}')
        self.now_legend.setObjectName("hint")
        top.addSpacing(16)
        top.addWidget(legend)
        top.addSpacing(10)
        top.addWidget(self.now_legend)
        top.addStretch(1)
        self.readout = QLabel(" ")
        self.readout.setObjectName("hint")
        top.addWidget(self.readout)
        layout.addLayout(top)

        self.axis = LocalHourAxis()
        self.plot = pg.PlotWidget(axisItems={"bottom": self.axis})
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=True, alpha=0.12)
        self.plot.setLabel("left", tr("contacts"))
        self.plot.setMinimumHeight(200)
        self.axis.setStyle(hideOverlappingLabels=False)
        self._apply_palette()

        accent = QColor(ACCENT)
        fill = QColor(accent)
        fill.setAlpha(70)
        self.offered_item = pg.PlotDataItem(
            stepMode="center", fillLevel=0, brush=fill, pen=pg.mkPen(accent, width=1),
            antialias=False)
        self.answered_item = pg.PlotDataItem(
            stepMode="center", pen=pg.mkPen(ANSWERED_COLOR, width=2), antialias=False)
        self.now_line = pg.InfiniteLine(angle=90, movable=False,
                                        pen=pg.mkPen(QColor(NOW_COLOR), width=1, style=Qt.PenStyle.DashLine))
        self.plot.addItem(self.offered_item)
        self.plot.addItem(self.answered_item)
        self.plot.addItem(self.now_line, ignoreBounds=True)
        self.now_line.hide()
        layout.addWidget(self.plot, 1)

        # preallocated once: interval edges in hours, and the two series
        self._edges = np.arange(MAX_INTERVALS + 1, dtype=float) / 4.0
        self._offered = np.zeros(MAX_INTERVALS, dtype=float)
        self._answered = np.zeros(MAX_INTERVALS, dtype=float)
        self._shown = 0
        self._starts: list[datetime] = []
        self._tz: ZoneInfo | None = None
        self.plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    def _apply_palette(self) -> None:
        palette = self.palette()
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setTextPen(text)
            axis.setPen(palette.color(QPalette.ColorRole.Mid))

    # --- data ----------------------------------------------------------------------------------
    def set_day(self, start: datetime, tz: ZoneInfo, intervals: tuple[IntervalVolume, ...], as_of: datetime,
                is_today: bool) -> None:
        """Show the day's intervals; for today only those begun by ``as_of`` (the rest is future)."""
        total = len(intervals)
        shown = total
        if is_today:
            shown = min(total, max(1, int((as_of - start) / INTERVAL) + 1))
        self._shown = shown
        self._starts = [iv.start for iv in intervals]
        self._tz = tz
        self._offered[:] = 0
        self._answered[:] = 0
        self._offered[:shown] = [iv.offered for iv in intervals[:shown]]
        self._answered[:shown] = [iv.answered for iv in intervals[:shown]]
        edges = self._edges[:shown + 1]
        self.offered_item.setData(edges, self._offered[:shown])
        self.answered_item.setData(edges, self._answered[:shown])
        self.axis.set_day(start, tz)
        hours = total / 4.0
        self.plot.setXRange(-0.8, hours + 0.8, padding=0)  # room for the 00:00 and 24:00 labels
        peak = float(max(self._offered[:shown].max(initial=0), self._answered[:shown].max(initial=0)))
        top = max(peak * 1.15, 5.0)
        self.plot.setYRange(0, top, padding=0)
        step = nice_step(top / 5)  # contacts are whole numbers: whole-number ticks
        self.plot.getAxis("left").setTickSpacing(step, step / 5 if step >= 5 else step)
        if is_today:
            self.now_line.setValue((as_of - start).total_seconds() / 3600)
            self.now_line.show()
        else:
            self.now_line.hide()
        self.now_legend.setVisible(is_today)
        self.readout.setText(" ")

    @property
    def offered(self) -> np.ndarray:
        return self._offered[:self._shown].copy()

    @property
    def answered(self) -> np.ndarray:
        return self._answered[:self._shown].copy()

    # --- hover ---------------------------------------------------------------------------------
    def _on_scene_mouse_moved(self, pos: QPointF) -> None:
        view = self.plot.getPlotItem().vb
        if not self.plot.sceneBoundingRect().contains(pos) or not self._shown or self._tz is None:
            return
        x = view.mapSceneToView(pos).x()
        index = int(np.floor(x * 4))
        if not 0 <= index < self._shown:
            self.readout.setText(" ")
            return
        start = self._starts[index].astimezone(self._tz)
        end = (self._starts[index] + INTERVAL).astimezone(self._tz)
        self.readout.setText(
            tr("%1–%2: %3 offered, %4 answered")
            .replace("%1", start.strftime("%H:%M")).replace("%2", end.strftime("%H:%M"))
            .replace("%3", count(int(self._offered[index]))).replace("%4", count(int(self._answered[index]))))
