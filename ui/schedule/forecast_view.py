"""Schedule ▸ Forecast: a queue's week per 15 minutes with its 80 % band, against the same weeks of
history; the intervals as a table; make the forecast (in a worker) and adjust a day or an
interval with a reason (an audited override, R-SCH-1)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QSignalBlocker, Qt, QTime
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.changes import Changes
from app.forecast.service import (
    ForecastSlot,
    ForecastWeek,
    OverrideInfo,
    QueueChoice,
    add_override,
    busiest_queue,
    forecast_week,
    make_forecast,
    monday,
    queue_choices,
    remove_override,
)
from app.security.permissions import allowed
from ui.context import ConsoleContext
from ui.errors import message_text, show_error
from ui.schedule.dates import date_time_label, day_label, long_day_label, short_day, weekday_name
from ui.style import ACCENT
from ui.tasks import Progress
from ui.widgets.table_model import Index, RowTableModel
from ui.workspace import Workspace

BAND_COLOR = "#2f6fde"
ACTUAL_COLOR = "#1f7a4d"
HISTORY_COLOR = "#8a94a6"
HOLIDAY_COLOR = "#f2a93b"
STAT_COLOR = "#6b7a90"


def tr(text: str) -> str:
    return QCoreApplication.translate("forecast", text)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def number(value: float | None, decimals: int = 1) -> str:
    return "" if value is None else f"{value:,.{decimals}f}"


def wall_moment(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The moment a center-local wall-clock time stands for. A time the clock skips when summer
    time starts (01:30 on a day London goes from 01:00 to 02:00) stands for the jump itself, so an
    adjustment from or to it covers the wall-clock quarter hours before or after the gap, never
    the hour after it (zoneinfo alone would read it at the old offset, 02:30)."""
    moment = datetime.combine(day, at, tz)
    wall = moment.replace(tzinfo=None)
    step = wall
    while moment.astimezone(ZoneInfo("UTC")).astimezone(tz).replace(tzinfo=None) != step:
        step += timedelta(minutes=1)  # the first wall time on the clock after the gap: the jump
        moment = step.replace(tzinfo=tz)
        if step - wall > timedelta(hours=3):  # no clock skips that long; keep zoneinfo's reading
            return datetime.combine(day, at, tz)
    return moment


class WeekAxis(pg.AxisItem):
    """Hours since the start of a week (or of a period of days), labelled with the day and hour."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.setStyle(textFillLimits=[(0, 0.95), (8, 0.9)])  # the hours too, under the days' names
        self.first_day: date | None = None
        self.days = 7

    def set_days(self, first_day: date, days: int) -> None:
        self.first_day, self.days = first_day, days
        self.picture = None
        self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N802, N803 - pyqtgraph API
        """Over several days: the day's name under its middle (noon) and hours where they fit; over
        one day: the hours."""
        if self.days <= 1:
            step = next((h for h in (1, 2, 3, 6) if size / (24 / h) >= 34), 12)
            return [(float(step), [float(h) for h in range(0, 25, step) if minVal <= h <= maxVal])]
        per_day = size / max(self.days, 1)
        step = next((h for h in (3, 6, 12) if per_day / (24 / h) >= 30), 0)
        noons = [24.0 * d + 12 for d in range(self.days) if minVal <= 24.0 * d + 12 <= maxVal]
        hours = [24.0 * d + h for d in range(self.days) for h in range(step, 24, step)
                 if h != 12 and minVal <= 24.0 * d + h <= maxVal] if step else []
        return [(24.0, noons), (float(step or 24), hours)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        out = []
        for v in values:
            if self.days > 1 and self.first_day is not None and abs(v % 24 - 12) < 1e-6:
                out.append(short_day(self.first_day + timedelta(days=int(v // 24))))
            else:
                out.append(f"{int(round(v)) % 24:02d}" if v % 24 or self.days <= 1 else "")
        return out


def style_plot(plot: pg.PlotWidget, widget: QWidget) -> None:
    palette = widget.palette()
    plot.setBackground(palette.color(QPalette.ColorRole.Base))
    text = palette.color(QPalette.ColorRole.Text)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTextPen(text)
        axis.setPen(palette.color(QPalette.ColorRole.Mid))
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=True, y=False)
    plot.hideButtons()
    plot.showGrid(x=True, y=True, alpha=0.12)


def legend_chip(color: str, text: str, line: str = "&#9644;") -> str:
    return f'<span style="color:{color}">{line}</span> {text}'


class BandChart(QWidget):
    """Forecast line with its band, optional actual and reference lines, over days."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        top = QHBoxLayout()
        self.title = QLabel(f"<b>{title}</b>")
        top.addWidget(self.title)
        top.addSpacing(12)
        self.legend = QLabel()
        self.legend.setObjectName("hint")
        top.addWidget(self.legend)
        top.addStretch(1)
        self.readout = QLabel(" ")
        self.readout.setObjectName("hint")
        top.addWidget(self.readout)
        layout.addLayout(top)
        self.axis = WeekAxis()
        self.plot = pg.PlotWidget(axisItems={"bottom": self.axis})
        style_plot(self.plot, self)
        self.plot.setMinimumHeight(220)
        layout.addWidget(self.plot, 1)
        band = QColor(BAND_COLOR)
        band.setAlpha(55)
        self.low_curve = pg.PlotCurveItem(pen=pg.mkPen(None))
        self.high_curve = pg.PlotCurveItem(pen=pg.mkPen(None))
        self.band = pg.FillBetweenItem(self.low_curve, self.high_curve, brush=band)
        self.reference_items: list[pg.PlotDataItem] = []
        self.stat_item = pg.PlotDataItem(pen=pg.mkPen(QColor(STAT_COLOR), width=1, style=Qt.PenStyle.DashLine))
        self.forecast_item = pg.PlotDataItem(pen=pg.mkPen(QColor(ACCENT), width=2))
        self.actual_item = pg.PlotDataItem(pen=pg.mkPen(QColor(ACTUAL_COLOR), width=1.5))
        self.holiday_items: list[pg.LinearRegionItem] = []
        for item in (self.band, self.low_curve, self.high_curve, self.stat_item, self.forecast_item,
                     self.actual_item):
            self.plot.addItem(item)
        self._x = np.zeros(0)
        self._series: dict[str, np.ndarray] = {}
        self._step_hours = 0.25
        self.plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    def set_series(self, first_day: date, days: int, step_min: int, forecast: np.ndarray,
                   lower: np.ndarray | None, upper: np.ndarray | None, *, actual: np.ndarray | None = None,
                   statistical: np.ndarray | None = None, references: list[tuple[str, np.ndarray, str]] = (),
                   holidays: list[int] = ()) -> None:
        step = step_min / 60.0
        self._step_hours = step
        x = np.arange(len(forecast)) * step + step / 2
        self._x = x
        self.axis.set_days(first_day, days)
        for item in self.reference_items:
            self.plot.removeItem(item)
        self.reference_items = []
        for _label, values, color in references:
            item = pg.PlotDataItem(x[:len(values)], values, pen=pg.mkPen(QColor(color), width=1))
            item.setZValue(-5)
            self.plot.addItem(item)
            self.reference_items.append(item)
        if lower is not None and upper is not None and len(lower):
            self.low_curve.setData(x, lower)
            self.high_curve.setData(x, upper)
            self.band.show()
        else:
            self.low_curve.setData([], [])
            self.high_curve.setData([], [])
            self.band.hide()
        self.forecast_item.setData(x, forecast)
        self.stat_item.setData(x, statistical) if statistical is not None else self.stat_item.setData([], [])
        self.actual_item.setData(x[:len(actual)], actual) if actual is not None else self.actual_item.setData([], [])
        for item in self.holiday_items:
            self.plot.removeItem(item)
        self.holiday_items = []
        shade = QColor(HOLIDAY_COLOR)
        shade.setAlpha(35)
        for d in holidays:
            region = pg.LinearRegionItem((24.0 * d, 24.0 * (d + 1)), movable=False, brush=shade,
                                         pen=pg.mkPen(None))
            region.setZValue(-10)
            self.plot.addItem(region)
            self.holiday_items.append(region)
        self._series = {"forecast": forecast}
        if actual is not None:
            self._series["actual"] = actual
        if lower is not None and upper is not None:
            self._series["lower"], self._series["upper"] = lower, upper
        peaks = [float(np.max(v, initial=0)) for v in [forecast, upper, actual] if v is not None and len(v)]
        peaks += [float(np.max(v, initial=0)) for _, v, _ in references]
        self.plot.setXRange(-0.02 * 24.0 * days, 24.0 * days * 1.01, padding=0)
        self.plot.setYRange(0, max(max(peaks, default=0) * 1.08, 1.0), padding=0)

    def _on_scene_mouse_moved(self, pos) -> None:  # noqa: ANN001 - QPointF
        if not len(self._x) or not self.plot.sceneBoundingRect().contains(pos):
            return
        xv = self.plot.getPlotItem().vb.mapSceneToView(pos).x()
        i = int(xv // self._step_hours)
        if not 0 <= i < len(self._x) or self.axis.first_day is None:
            self.readout.setText(" ")
            return
        start = datetime.combine(self.axis.first_day, time(0)) + timedelta(hours=i * self._step_hours)
        parts = [date_time_label(start), tr("forecast %1").replace("%1", number(self._series["forecast"][i]))]
        if "lower" in self._series:
            parts.append(tr("80 %: %1–%2").replace("%1", number(self._series["lower"][i]))
                         .replace("%2", number(self._series["upper"][i])))
        if "actual" in self._series and i < len(self._series["actual"]):
            parts.append(tr("actual %1").replace("%1", number(self._series["actual"][i], 0)))
        self.readout.setText(" · ".join(parts))


class IntervalModel(RowTableModel[ForecastSlot]):
    DAY, TIME, VOLUME, LOW, HIGH, AHT, ADJUSTED, AGENTS, REASON = range(9)

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._headers = [tr("Day"), tr("Interval"), tr("Forecast"), tr("80 % low"), tr("80 % high"),
                         tr("AHT (s)"), tr("Adjusted"), tr("Agents"), tr("Reason")]
        self._header_tips = {self.VOLUME: tr("Contacts expected in the 15 minutes (statistical forecast)"),
                             self.LOW: tr("80 % of the time the actual is above this"),
                             self.HIGH: tr("80 % of the time the actual is below this"),
                             self.ADJUSTED: tr("The volume after the scheduler's adjustments; staffing uses it"),
                             self.AGENTS: tr("Agents on the phones by Erlang C at the queue's service-level target, "
                                             "before shrinkage")}
        self.tz = ZoneInfo("UTC")

    def set_slots(self, slots: tuple[ForecastSlot, ...], tz: ZoneInfo) -> None:
        self.beginResetModel()
        self._rows = list(slots)
        self.tz = tz
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            # the wall-clock quarter hour (the skipped spring hour's rows too: 0 contacts and a note)
            local = s.wall if s.wall is not None else s.start.astimezone(self.tz).replace(tzinfo=None)
            if not s.exists:
                return {
                    self.DAY: day_label(local.date()),
                    self.TIME: local.strftime("%H:%M") + "–" + (local + timedelta(minutes=15)).strftime("%H:%M"),
                    self.VOLUME: number(0.0), self.LOW: number(0.0), self.HIGH: number(0.0), self.AGENTS: "0",
                    self.REASON: tr("Not on the clock: the clocks go forward, no contacts"),
                }.get(col, "")
            return {
                self.DAY: day_label(local.date()),
                self.TIME: local.strftime("%H:%M") + "–" + (local + timedelta(minutes=15)).strftime("%H:%M"),
                self.VOLUME: number(s.volume), self.LOW: number(s.lower), self.HIGH: number(s.upper),
                self.AHT: number(s.aht_sec, 0), self.ADJUSTED: number(s.override_volume),
                self.AGENTS: "" if s.agents is None else str(s.agents), self.REASON: s.override_reason or "",
            }.get(col)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.VOLUME <= col <= self.AGENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not s.exists:
            return QColor(STAT_COLOR)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.ADJUSTED and s.override_volume is not None:
            return QColor(ACCENT)
        return None


class OverrideModel(RowTableModel[OverrideInfo]):
    WHEN, CHANGE, REASON, BY = range(4)

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._headers = [tr("When"), tr("Adjustment"), tr("Reason"), tr("By")]
        self.tz = ZoneInfo("UTC")

    def set_overrides(self, rows: tuple[OverrideInfo, ...], tz: ZoneInfo) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.tz = tz
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        o = self._rows[index.row()]
        a, b = o.starts_at.astimezone(self.tz), o.ends_at.astimezone(self.tz)
        if index.column() == self.WHEN:
            if a.time() == time(0) and b.time() == time(0):
                last = b - timedelta(days=1)
                return day_label(a.date()) + ("" if last.date() == a.date() else " – " + day_label(last.date()))
            return date_time_label(a) + "–" + b.strftime("%H:%M")
        if index.column() == self.CHANGE:
            return (tr("× %1").replace("%1", f"{o.factor:g}") if o.factor is not None
                    else tr("%1 per 15 min").replace("%1", f"{o.volume:g}"))
        if index.column() == self.REASON:
            return o.reason
        return o.created_by


class AdjustDialog(QDialog):
    """Adjust one day or a span of intervals: multiply by a factor or set a volume; a reason is required."""

    def __init__(self, week_start: date, tz: ZoneInfo, queue: str, day: date | None = None,
                 start: time | None = None, end: time | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("forecast_adjust_dialog")
        self.setWindowTitle(tr("Adjust the forecast of %1").replace("%1", queue))
        self.tz = tz
        form = QFormLayout(self)
        self.day_combo = QComboBox()
        for k in range(7):
            d = week_start + timedelta(days=k)
            self.day_combo.addItem(long_day_label(d), d.isoformat())
        if day is not None and week_start <= day < week_start + timedelta(days=7):
            self.day_combo.setCurrentIndex((day - week_start).days)
        form.addRow(tr("Day"), self.day_combo)
        self.whole_day = QRadioButton(tr("The whole day"))
        self.span = QRadioButton(tr("From"))
        scope = QButtonGroup(self)
        scope.addButton(self.whole_day)
        scope.addButton(self.span)
        self.from_edit = QTimeEdit(QTime(start.hour, start.minute) if start else QTime(9, 0))
        self.to_edit = QTimeEdit(QTime(end.hour, end.minute) if end else QTime(12, 0))
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("HH:mm")
        row = QHBoxLayout()
        row.addWidget(self.span)
        row.addWidget(self.from_edit)
        row.addWidget(QLabel(tr("to")))
        row.addWidget(self.to_edit)
        row.addStretch(1)
        (self.span if start is not None else self.whole_day).setChecked(True)
        form.addRow(tr("Span"), self.whole_day)
        form.addRow("", row)
        self.by_factor = QRadioButton(tr("Multiply the forecast by"))
        self.by_volume = QRadioButton(tr("Set the volume to"))
        mode = QButtonGroup(self)
        mode.addButton(self.by_factor)
        mode.addButton(self.by_volume)
        self.factor = QDoubleSpinBox()
        self.factor.setRange(0.0, 10.0)
        self.factor.setDecimals(2)
        self.factor.setSingleStep(0.05)
        self.factor.setValue(1.2)
        self.volume = QDoubleSpinBox()
        self.volume.setRange(0.0, 100000.0)
        self.volume.setDecimals(1)
        self.volume.setSuffix(" " + tr("per 15 min"))
        self.by_factor.setChecked(True)
        r1 = QHBoxLayout()
        r1.addWidget(self.by_factor)
        r1.addWidget(self.factor)
        r1.addStretch(1)
        r2 = QHBoxLayout()
        r2.addWidget(self.by_volume)
        r2.addWidget(self.volume)
        r2.addStretch(1)
        form.addRow(tr("Change"), r1)
        form.addRow("", r2)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(tr("e.g. promotion on the website, eve of the Spring Festival"))
        form.addRow(tr("Reason"), self.reason)
        hint = QLabel(tr("The adjustment is kept with the forecast of this week (also when it is made again), "
                         "shown in the table, used by staffing and recorded in the audit log."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form.addRow(hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.reason.textChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(520, self.sizeHint().height())

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason.text().strip()))

    def values(self) -> tuple[datetime, datetime, float | None, float | None, str]:
        day = date.fromisoformat(self.day_combo.currentData())
        if self.whole_day.isChecked():
            start = wall_moment(day, time(0), self.tz)
            end = wall_moment(day + timedelta(days=1), time(0), self.tz)
        else:
            a, b = self.from_edit.time(), self.to_edit.time()
            start = wall_moment(day, time(a.hour(), a.minute() // 15 * 15), self.tz)
            end_day = day if (b.hour(), b.minute()) > (a.hour(), a.minute()) else day + timedelta(days=1)
            end = wall_moment(end_day, time(b.hour(), b.minute() // 15 * 15), self.tz)
        factor = self.factor.value() if self.by_factor.isChecked() else None
        volume = self.volume.value() if self.by_volume.isChecked() else None
        return start, end, factor, volume, self.reason.text().strip()


class ForecastView(Workspace):
    refresh_on = Changes.FORECAST | Changes.INTERACTIONS | Changes.QUEUES

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("workspaces", "Forecast")

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.queue_id: int | None = None
        self.week_start = monday(clock.now().astimezone(ctx.timezone).date()) + timedelta(days=7)
        self.week: ForecastWeek | None = None
        self.queues: list[QueueChoice] = []
        self.may_edit = allowed(ctx.actor, "rota.edit")
        self.adjust_dialog: AdjustDialog | None = None
        self.import_dialog = None
        self._build()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 12, 20, 12)
        outer.setSpacing(8)
        header = QHBoxLayout()
        title = QLabel(tr("Forecast"))
        title.setObjectName("page_title")
        header.addWidget(title)
        header.addSpacing(12)
        header.addWidget(QLabel(tr("Queue")))
        self.queue_combo = QComboBox()
        self.queue_combo.setMinimumWidth(160)
        self.queue_combo.currentIndexChanged.connect(self._on_queue_combo_changed)
        header.addWidget(self.queue_combo)
        header.addSpacing(8)
        self.previous_button = QPushButton(tr("◀"))
        self.previous_button.setToolTip(tr("The week before"))
        self.previous_button.clicked.connect(lambda: self.show_week(self.week_start - timedelta(days=7)))
        self.week_edit = QDateEdit()
        self.week_edit.setCalendarPopup(True)
        self.week_edit.setDisplayFormat("'" + tr("Week of") + "' ddd yyyy-MM-dd")
        self.week_edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.week_edit.dateChanged.connect(lambda d: self.show_week(pydate(d)))
        self.next_button = QPushButton(tr("▶"))
        self.next_button.setToolTip(tr("The week after"))
        self.next_button.clicked.connect(lambda: self.show_week(self.week_start + timedelta(days=7)))
        for w in (self.previous_button, self.next_button):
            w.setFixedWidth(36)
        for w in (self.previous_button, self.week_edit, self.next_button):
            header.addWidget(w)
        header.addStretch(1)
        self.make_button = QPushButton(tr("Make forecast"))
        self.make_button.setObjectName("make_forecast_button")
        self.make_button.setToolTip(tr("Forecast this queue's week from its history (seasonality, trend, the "
                                       "center's holidays) with an 80 % band; adjustments are kept"))
        self.make_button.clicked.connect(self.make)
        self.adjust_button = QPushButton(tr("Adjust…"))
        self.adjust_button.setToolTip(tr("Adjust a day or the selected intervals (promotion, holiday eve)"))
        self.adjust_button.clicked.connect(self.ask_adjust)
        self.import_button = QPushButton(tr("Import history…"))
        self.import_button.setToolTip(tr("Import call records exported from another platform (CSV or XLSX)"))
        self.import_button.clicked.connect(self.open_import)
        for w in (self.make_button, self.adjust_button, self.import_button):
            header.addWidget(w)
            w.setVisible(self.may_edit)
        outer.addLayout(header)

        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        outer.addWidget(self.status_label)

        split = QSplitter(Qt.Orientation.Vertical)
        self.chart = BandChart(tr("Contacts per 15 minutes"))
        self.chart.plot.setLabel("left", tr("contacts"))
        split.addWidget(self.chart)
        bottom = QWidget()
        bl = QHBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        self.model = IntervalModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.ask_adjust())
        bl.addWidget(self.table, 5)
        side = QVBoxLayout()
        side.addWidget(QLabel("<b>" + tr("Adjustments this week") + "</b>"))
        self.override_model = OverrideModel(self)
        self.override_table = QTableView()
        self.override_table.setModel(self.override_model)
        self.override_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.override_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.override_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.override_table.verticalHeader().hide()
        self.override_table.horizontalHeader().setStretchLastSection(True)
        side.addWidget(self.override_table, 1)
        self.no_overrides = QLabel(tr("No adjustments this week. Select intervals (or a day) and press Adjust… for "
                                      "a promotion or a holiday eve; a reason is required and the audit log keeps it."))
        self.no_overrides.setObjectName("hint")
        self.no_overrides.setWordWrap(True)
        self.no_overrides.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        side.addWidget(self.no_overrides, 1)
        self.remove_button = QPushButton(tr("Remove adjustment"))
        self.remove_button.clicked.connect(self.remove_selected_override)
        self.remove_button.setVisible(self.may_edit)
        side.addWidget(self.remove_button)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("hint")
        self.totals_label.setWordWrap(True)
        side.addWidget(self.totals_label)
        bl.addLayout(side, 3)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer.addWidget(split, 1)

    # --- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        qid, week = self.queue_id, self.week_start

        def fetch(s):  # noqa: ANN001, ANN202
            queues = queue_choices(s)
            chosen = qid if any(q.id == qid for q in queues) else busiest_queue(s, queues)
            return queues, (forecast_week(s, chosen, week) if chosen is not None else None)

        self.load(fetch, lambda r: self._on_loaded(*r), self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self.status_label.setText(tr("Could not load the forecast: %1").replace("%1", str(exc).splitlines()[0]))
        self.mark_failed(exc)

    def _on_loaded(self, queues: list[QueueChoice], week: ForecastWeek | None) -> None:
        self.queues = queues
        with QSignalBlocker(self.queue_combo):
            self.queue_combo.clear()
            for q in queues:
                self.queue_combo.addItem(q.name, q.id)
            if week is not None:
                self.queue_combo.setCurrentIndex(self.queue_combo.findData(week.queue_id))
        with QSignalBlocker(self.week_edit):
            self.week_edit.setDate(qdate(self.week_start))
        self.week = week
        self.queue_id = week.queue_id if week else None
        self._show(week)
        self.mark_loaded()

    def _show(self, week: ForecastWeek | None) -> None:
        has_queue = week is not None
        self.make_button.setEnabled(has_queue)
        self.adjust_button.setEnabled(has_queue and week.run_id is not None)
        if week is None:
            self.status_label.setText(tr("No queue yet: import the center's call history first (Import history…)."))
            self.model.set_slots((), self.ctx.timezone)
            self.override_model.set_overrides((), self.ctx.timezone)
            self.chart.set_series(self.week_start, 7, 15, np.zeros(0), None, None)
            self.totals_label.clear()
            return
        tz = ZoneInfo(week.timezone)
        iso = week.week_start.isocalendar()
        hol = "".join(" · " + tr("holiday: %1 %2").replace("%1", day_label(d)).replace("%2", n)
                      for d, n in sorted(week.holidays.items()))
        if week.run_id is None:
            self.status_label.setText(tr("Week %1 of %2: no forecast yet for %3.").replace("%1", str(iso.week))
                                      .replace("%2", str(iso.year)).replace("%3", week.queue_name)
                                      + (" " + tr("Press Make forecast.") if self.may_edit else "") + hol)
        else:
            made = week.made_at.astimezone(self.ctx.timezone).strftime("%Y-%m-%d %H:%M") if week.made_at else ""
            span = ""
            if week.params.get("history_from"):
                span = " " + tr("from the history of %1 – %2").replace("%1", week.params["history_from"]) \
                    .replace("%2", week.params.get("history_to", ""))
            self.status_label.setText(
                tr("Week %1 of %2 · made by %3 on %4").replace("%1", str(iso.week)).replace("%2", str(iso.year))
                .replace("%3", week.made_by or "?").replace("%4", made) + span + hol)
        self.model.set_slots(week.slots, tz)
        self.override_model.set_overrides(week.overrides, tz)
        self.remove_button.setEnabled(bool(week.overrides))
        self.override_table.setVisible(bool(week.overrides))
        self.no_overrides.setVisible(not week.overrides)
        self.remove_button.setVisible(self.may_edit and bool(week.overrides))
        n = len(week.slots)
        vol = np.array([s.volume for s in week.slots]) if n else np.zeros(0)
        eff = np.array([s.effective for s in week.slots]) if n else np.zeros(0)
        low = np.array([s.lower if s.lower is not None else s.volume for s in week.slots]) if n else None
        high = np.array([s.upper if s.upper is not None else s.volume for s in week.slots]) if n else None
        adjusted = n and bool(np.any(eff != vol))
        if adjusted and low is not None and high is not None:  # the band follows the adjustment
            ratio = np.where(vol > 0, eff / np.maximum(vol, 1e-9), 1.0)
            low, high = low * ratio, high * ratio
        refs = []
        for k, (ws, values) in enumerate(week.history):
            shade = QColor(HISTORY_COLOR)
            shade.setAlpha(90 + 40 * k)  # older weeks fainter
            # a centred 1-hour average: the raw quarter-hours of a small queue are mostly noise
            smooth = np.convolve(np.array(values), np.ones(5) / 5.0, mode="same")
            refs.append((ws.isoformat(), smooth, shade.name(QColor.NameFormat.HexArgb)))
        actual = np.array(week.actual) if week.actual is not None else None
        if actual is not None:  # only what has happened so far: the wall-clock slots before now's
            # (the rota's mapping: a DST week still has 672 slots; the repeated autumn hour shares
            # its wall-clock slots, so during its second pass the line stops where the first did);
            # imported here, as app.schedule.editing does, so that the view does not load the solver
            from app.rota.service import wall_slot

            now_idx = wall_slot(clock.now(), datetime.combine(week.week_start, time(0), tz))
            actual = actual[:max(0, min(len(actual), now_idx))]
        holidays = [(d - week.week_start).days for d in week.holidays]
        self.chart.set_series(week.week_start, 7, 15, eff if n else np.zeros(0), low, high, actual=actual,
                              statistical=vol if adjusted else None, references=refs, holidays=holidays)
        chips = [legend_chip(ACCENT, tr("forecast")), legend_chip(BAND_COLOR, tr("80 % band"), "&#9608;")]
        if adjusted:
            chips.append(legend_chip(STAT_COLOR, tr("before adjustments"), "- -"))
        if refs:
            chips.append(legend_chip(HISTORY_COLOR, tr("the same week %1 earlier weeks (1-hour average)").replace(
                "%1", str(len(refs)))))
        if actual is not None and len(actual):
            chips.append(legend_chip(ACTUAL_COLOR, tr("actual")))
        if holidays:
            chips.append(legend_chip(HOLIDAY_COLOR, tr("holiday"), "&#9608;"))
        self.chart.legend.setText(" &nbsp; ".join(chips))
        if n:
            lines = [tr("Week total: %1 contacts").replace("%1", f"{eff.sum():,.0f}")]
            if adjusted:
                lines.append(tr("before adjustments: %1").replace("%1", f"{vol.sum():,.0f}"))
            per_day = eff[:96 * 7].reshape(7, -1).sum(axis=1) if n == 672 else None
            if per_day is not None:
                lines.append(" · ".join(f"{weekday_name(k)} {v:,.0f}"
                                        for k, v in enumerate(per_day)))
            self.totals_label.setText("\n".join(lines))
        else:
            self.totals_label.clear()

    # --- navigation -----------------------------------------------------------------------------
    def show_week(self, day: date) -> None:
        week = monday(day)
        if week != self.week_start:
            self.week_start = week
            self.refresh()

    def show_queue(self, queue_id: int) -> None:
        self.queue_id = queue_id
        self.refresh()

    def _on_queue_combo_changed(self, index: int) -> None:
        qid = self.queue_combo.itemData(index)
        if qid is not None and qid != self.queue_id:
            self.show_queue(int(qid))

    # --- actions --------------------------------------------------------------------------------
    def make(self) -> None:
        if self.queue_id is None:
            return
        actor, qid, week = self.ctx.actor, self.queue_id, self.week_start

        def work(s, progress: Progress):  # noqa: ANN001, ANN202
            progress.report(0, 2, tr("Reading the history…"))
            made = make_forecast(s, actor, qid, week, progress=lambda label: progress.report(1, 2, tr(label)))
            return made

        self.make_button.setEnabled(False)
        self.ctx.tasks.command(work).with_progress(self, tr("Making the forecast…")) \
            .success(self._on_made).failure(self._on_action_failed).run()

    def _on_made(self, made) -> None:  # noqa: ANN001
        self.make_button.setEnabled(True)
        self.ctx.bus.operation_did_execute.emit(made.changes, self)
        self.refresh()

    def _on_action_failed(self, exc: BaseException) -> None:
        self.make_button.setEnabled(True)
        said = message_text(exc)
        if isinstance(exc, ValueError) and said != str(exc):  # a known sentence from app/forecast
            QMessageBox.warning(self, tr("Forecast"), said)
            return
        show_error(self, exc, on_reload=self.refresh)

    def _selected_span(self) -> tuple[date | None, time | None, time | None]:
        """The day and wall-clock span of the selected rows (the whole day when they span days); rows
        of the skipped spring hour are not on the clock and are left out (only them: their day)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}) if self.table.model() else []
        if not rows or self.week is None:
            return None, None, None
        tz = ZoneInfo(self.week.timezone)
        slots = [self.week.slots[r] for r in rows]
        walls = [s.wall if s.wall is not None else s.start.astimezone(tz).replace(tzinfo=None)
                 for s in slots if s.exists]
        if not walls:
            return (slots[0].wall or slots[0].start.astimezone(tz)).date(), None, None
        first, last = walls[0], walls[-1] + timedelta(minutes=15)
        if len(walls) == 1 or first.date() == walls[-1].date():
            return first.date(), first.time(), last.time()
        return first.date(), None, None

    def ask_adjust(self) -> None:
        if self.week is None or not self.may_edit:
            return
        day, start, end = self._selected_span()
        dialog = AdjustDialog(self.week.week_start, ZoneInfo(self.week.timezone), self.week.queue_name, day, start,
                              end, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._adjust(dialog.values()))
        self.adjust_dialog = dialog
        dialog.open()

    def _adjust(self, values: tuple[datetime, datetime, float | None, float | None, str]) -> None:
        start, end, factor, volume, reason = values
        if start == end:  # a span inside the hour the clocks skip (wall_moment): nothing to adjust
            QMessageBox.warning(self, tr("Forecast"), tr("That span is not on the clock: the clocks go forward "
                                                         "then, and no contacts can arrive."))
            return
        actor, qid = self.ctx.actor, self.queue_id
        self.ctx.tasks.command(lambda s: add_override(s, actor, qid, start, end, reason=reason, factor=factor,
                                                      volume=volume)) \
            .success(self._on_changed).failure(self._on_action_failed).run()

    def _on_changed(self, changes: Changes) -> None:
        self.ctx.bus.operation_did_execute.emit(changes, self)
        self.refresh()

    def remove_selected_override(self) -> None:
        rows = self.override_table.selectionModel().selectedRows()
        if not rows:
            if self.override_model.rowCount() == 1:
                rows = [self.override_model.index(0, 0)]
            else:
                return
        o = self.override_model.row_at(rows[0].row())
        actor = self.ctx.actor
        self.ctx.tasks.command(lambda s: remove_override(s, actor, o.id, o.version)) \
            .success(self._on_changed).failure(self._on_action_failed).run()

    def open_import(self) -> None:
        from ui.imports.dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog = dialog
        dialog.open()

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()


def install_forecast_views(workspace: Workspace, rota_page: QWidget) -> QTabWidget:
    """Put the Schedule workspace's rota page in a tab beside Forecast and Forecast accuracy."""
    from ui.schedule.accuracy_view import AccuracyView

    tabs = QTabWidget()
    tabs.setObjectName("schedule_tabs")
    tabs.setDocumentMode(True)
    tabs.addTab(rota_page, tr("Rota"))
    workspace.forecast_view = ForecastView(workspace.ctx)  # type: ignore[attr-defined]
    workspace.accuracy_view = AccuracyView(workspace.ctx)  # type: ignore[attr-defined]
    tabs.addTab(workspace.forecast_view, tr("Forecast"))  # type: ignore[attr-defined]
    tabs.addTab(workspace.accuracy_view, tr("Forecast accuracy"))  # type: ignore[attr-defined]
    layout = QVBoxLayout(workspace)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.addWidget(tabs)
    return tabs
