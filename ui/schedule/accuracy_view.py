"""Schedule ▸ Forecast accuracy: backtest a queue (or all together) over a past period — each day
forecast from the data before it only — against two baselines made the same way; the scores,
the prediction-interval coverage, forecast vs actual, and the error by hour of day."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.changes import Changes
from app.forecast.backtest import METHOD_LABELS, BacktestResult, backtest
from app.forecast.history import history_span
from app.forecast.service import QueueChoice, queue_choices
from ui.context import ConsoleContext
from ui.errors import message_text, show_error
from ui.schedule.forecast_view import (
    ACTUAL_COLOR,
    BandChart,
    legend_chip,
    pydate,
    qdate,
    style_plot,
)
from ui.style import ACCENT
from ui.tasks import Progress
from ui.widgets.table_model import Index, RowTableModel
from ui.workspace import Workspace

LAST_WEEK_COLOR = "#c77d4a"
WEEKDAY_COLOR = "#9b6cf0"
METHOD_COLORS = {"forecast": ACCENT, "same_interval_last_week": LAST_WEEK_COLOR, "weekday_mean": WEEKDAY_COLOR}
ALL_QUEUES = -1


def tr(text: str) -> str:
    return QCoreApplication.translate("forecast", text)


def pct(x: float, signed: bool = False) -> str:
    if x != x:
        return "–"
    return f"{x * 100:+.1f} %" if signed else f"{x * 100:.1f} %"


class ScoreModel(RowTableModel[tuple[str, dict]]):
    """One row per method: WAPE (bias) per 15/30/60 minutes and per day."""

    COLUMNS = ("15", "30", "60", "day")

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._headers = [tr("Method")] + [tr("%1 min").replace("%1", c) if c != "day" else tr("per day")
                                          for c in self.COLUMNS]
        self._header_tips = {i + 1: tr("WAPE (weighted absolute percentage error) and, in brackets, bias "
                                       "(positive: too high)") for i in range(4)}
        self.best: dict[str, str] = {}

    def set_result(self, r: BacktestResult | None) -> None:
        self.beginResetModel()
        self._rows = [] if r is None else [(m, r.scores[m]) for m in r.scores]
        self.best = {} if r is None else {c: min(r.scores, key=lambda m, c=c: r.scores[m][c].wape)
                                          for c in self.COLUMNS}
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        method, scores = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return QCoreApplication.translate("floorwalker", METHOD_LABELS.get(method, method))
            s = scores[self.COLUMNS[col - 1]]
            return f"{pct(s.wape)}  ({pct(s.bias, True)})"
        if role == Qt.ItemDataRole.TextAlignmentRole and col:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col and self.best.get(self.COLUMNS[col - 1]) == method:
            from PySide6.QtGui import QFont

            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return QColor(METHOD_COLORS.get(method, ACCENT))
        return None


class HourChart(QWidget):
    """WAPE by hour of day for the forecast and both baselines (grouped bars)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel("<b>" + tr("Error by hour of day (WAPE)") + "</b>"))
        top.addSpacing(12)
        legend = QLabel(" &nbsp; ".join(legend_chip(METHOD_COLORS[m], QCoreApplication.translate(
            "floorwalker", METHOD_LABELS[m]), "&#9608;") for m in METHOD_COLORS))
        legend.setObjectName("hint")
        top.addWidget(legend)
        top.addStretch(1)
        layout.addLayout(top)
        self.plot = pg.PlotWidget()
        style_plot(self.plot, self)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMinimumHeight(160)
        self.plot.getAxis("bottom").setTicks([[(h, f"{h:02d}") for h in range(0, 24, 2)]])
        layout.addWidget(self.plot, 1)
        self.bars: list[pg.BarGraphItem] = []

    def set_result(self, r: BacktestResult | None) -> None:
        for b in self.bars:
            self.plot.removeItem(b)
        self.bars = []
        if r is None:
            return
        hours = [h for h in r.by_hour if h.actual > 0]
        # hours with a handful of calls have huge relative errors that would flatten the rest
        total = sum(h.actual for h in hours)
        shown = [h for h in hours if h.actual >= 0.01 * total] or hours
        top = 0.0
        for k, method in enumerate(METHOD_COLORS):
            x = np.array([h.hour for h in shown], dtype=float) - 0.27 + 0.27 * k
            y = np.array([h.wape.get(method, np.nan) * 100 for h in shown])
            y = np.nan_to_num(y)
            top = max(top, float(y.max(initial=0)))
            bar = pg.BarGraphItem(x=x, height=y, width=0.26, brush=QColor(METHOD_COLORS[method]),
                                  pen=pg.mkPen(None))
            self.plot.addItem(bar)
            self.bars.append(bar)
        self.plot.setXRange(-0.7, 23.7, padding=0)
        self.plot.setYRange(0, max(top * 1.1, 5), padding=0)
        self.plot.setLabel("left", tr("WAPE, %"))
        self.plot.setLabel("bottom", tr("hour of day"))


class AccuracyView(Workspace):
    refresh_on = Changes.INTERACTIONS | Changes.QUEUES

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("workspaces", "Forecast accuracy")

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.queues: list[QueueChoice] = []
        self.result: BacktestResult | None = None
        self._dates_set = False
        self._auto_ran = False
        self._build()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 12, 20, 12)
        outer.setSpacing(8)
        header = QHBoxLayout()
        title = QLabel(tr("Forecast accuracy"))
        title.setObjectName("page_title")
        # a longer language would not fit beside the period's fields: the title wraps instead of being cut
        title.setWordWrap(True)
        header.addWidget(title)
        header.addSpacing(12)
        header.addWidget(QLabel(tr("Queue")))
        self.queue_combo = QComboBox()
        self.queue_combo.setMinimumWidth(160)
        header.addWidget(self.queue_combo)
        header.addSpacing(8)
        header.addWidget(QLabel(tr("From")))
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for e in (self.from_edit, self.to_edit):
            e.setCalendarPopup(True)
            e.setDisplayFormat("ddd yyyy-MM-dd")
            e.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        header.addWidget(self.from_edit)
        header.addWidget(QLabel(tr("to")))
        header.addWidget(self.to_edit)
        header.addSpacing(8)
        header.addWidget(QLabel(tr("Interval")))
        self.interval_combo = QComboBox()
        for m in (15, 30, 60):
            self.interval_combo.addItem(tr("%1 min").replace("%1", str(m)), m)
        self.interval_combo.setCurrentIndex(1)
        header.addWidget(self.interval_combo)
        header.addStretch(1)
        self.run_button = QPushButton(tr("Run backtest"))
        self.run_button.setObjectName("run_backtest_button")
        self.run_button.setToolTip(tr("Forecast every day of the period from the data before it only, and "
                                      "compare with what happened"))
        self.run_button.clicked.connect(self.run_backtest)
        header.addWidget(self.run_button)
        outer.addLayout(header)

        self.summary = QLabel(tr("Pick a queue and a past period, then Run backtest."))
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)

        self.score_model = ScoreModel(self)
        self.score_table = QTableView()
        self.score_table.setModel(self.score_model)
        self.score_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.score_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.score_table.verticalHeader().hide()
        self.score_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.score_table.verticalHeader().setDefaultSectionSize(24)
        self.score_table.setFixedHeight(24 * 3 + self.score_table.horizontalHeader().sizeHint().height() + 4)
        self.score_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.score_table)

        split = QSplitter(Qt.Orientation.Vertical)
        self.chart = BandChart(tr("Forecast vs actual"))
        self.chart.plot.setLabel("left", tr("contacts"))
        split.addWidget(self.chart)
        self.hour_chart = HourChart()
        split.addWidget(self.hour_chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer.addWidget(split, 1)

    # --- loading: the queue list and a default period (the last week with contacts) ------------
    def reload(self) -> None:
        def fetch(s):  # noqa: ANN001, ANN202
            return queue_choices(s), history_span(s)

        self.load(fetch, lambda r: self._on_loaded(*r), self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self.summary.setText(tr("Could not load: %1").replace("%1", str(exc).splitlines()[0]))
        self.mark_failed(exc)

    def _on_loaded(self, queues: list[QueueChoice], span: tuple[date, date] | None) -> None:
        current = self.queue_combo.currentData()
        self.queues = queues
        self.queue_combo.clear()
        self.queue_combo.addItem(tr("All queues together"), ALL_QUEUES)
        for q in queues:
            self.queue_combo.addItem(q.name, q.id)
        if current is not None and self.queue_combo.findData(current) >= 0:
            self.queue_combo.setCurrentIndex(self.queue_combo.findData(current))
        if not self._dates_set:
            today = clock.now().astimezone(self.ctx.timezone).date()
            last = today - timedelta(days=1)
            if span is not None:
                last = min(last, span[1] if span[1] < today else last)
            self.set_period(last - timedelta(days=6), last)
        self.run_button.setEnabled(bool(queues))
        self.mark_loaded()
        if queues and self.result is None and not self._auto_ran:
            self._auto_ran = True  # the page opens on the last week's figures instead of empty charts
            self.run_backtest(quiet=True)

    def set_period(self, first: date, last: date) -> None:
        self._dates_set = True
        self.from_edit.setDate(qdate(first))
        self.to_edit.setDate(qdate(last))

    def set_queue(self, queue_id: int | None) -> None:
        i = self.queue_combo.findData(ALL_QUEUES if queue_id is None else queue_id)
        if i >= 0:
            self.queue_combo.setCurrentIndex(i)

    # --- the backtest, in a worker with progress and cancel -------------------------------------
    def run_backtest(self, quiet: bool = False) -> None:
        """Run the backtest in a worker (with a progress dialog and Cancel unless ``quiet``)."""
        qid = self.queue_combo.currentData()
        ids = None if qid in (None, ALL_QUEUES) else [int(qid)]
        first, last = pydate(self.from_edit.date()), pydate(self.to_edit.date())
        minutes = int(self.interval_combo.currentData())

        def work(s, progress: Progress):  # noqa: ANN001, ANN202
            return backtest(s, ids, first, last, interval_min=minutes,
                            progress=lambda done, total: progress.report(
                                done, total, tr("Forecasting day %1 of %2…").replace("%1", str(done))
                                .replace("%2", str(total))))

        self.run_button.setEnabled(False)
        self.summary.setText(tr("Running the backtest…"))
        task = self.ctx.tasks.query(work)
        if not quiet:
            task.with_progress(self, tr("Backtesting the forecast…"))
        task.success(self.show_result).failure(self._on_backtest_failed).run()

    def _on_backtest_failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        self.summary.setText(tr("The backtest did not run: %1").replace("%1", message_text(exc).splitlines()[0]))
        if not isinstance(exc, ValueError):
            show_error(self, exc)

    def show_result(self, r: BacktestResult) -> None:
        self.run_button.setEnabled(True)
        self.result = r
        self.score_model.set_result(r)
        f = r.score("forecast")
        base = r.score("same_interval_last_week")
        cov = r.coverage.get(str(r.interval_min), float("nan"))
        days = len(r.days)
        self.summary.setText(
            tr("%1 · %2 – %3 (%4 days), each day forecast from the data before it. At %5 minutes: WAPE %6 "
               "(same interval last week %7, Poisson noise floor %8); %9 of the actuals inside the 80 % band.")
            .replace("%1", ", ".join(r.queues) if len(r.queues) <= 4 else tr("%1 queues").replace(
                "%1", str(len(r.queues))))
            .replace("%2", r.first_day.isoformat()).replace("%3", r.last_day.isoformat())
            .replace("%4", str(days)).replace("%5", str(r.interval_min)).replace("%6", pct(f.wape))
            .replace("%7", pct(base.wape)).replace("%8", pct(r.poisson_floor)).replace("%9", pct(cov)))
        last_week = np.array(r.baselines["same_interval_last_week"])
        self.chart.set_series(r.first_day, days, r.interval_min, np.array(r.forecast), np.array(r.lower),
                              np.array(r.upper), actual=np.array(r.actual),
                              references=[("last week", last_week, QColor(LAST_WEEK_COLOR).name())])
        self.chart.title.setText("<b>" + tr("Forecast vs actual per %1 minutes").replace(
            "%1", str(r.interval_min)) + "</b>")
        self.chart.legend.setText(" &nbsp; ".join([
            legend_chip(ACCENT, tr("forecast")), legend_chip(ACCENT, tr("80 % band"), "&#9608;"),
            legend_chip(ACTUAL_COLOR, tr("actual")), legend_chip(LAST_WEEK_COLOR, tr("same interval last week"))]))
        self.hour_chart.set_result(r)
