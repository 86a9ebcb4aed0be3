"""The Statistics tab: per agent the mean dialogue score with its 95 % interval and count (R-QA-2).

Five reviewed calls say little, so the interval and the count stand beside every mean; the
chart draws the selected agent's week, month and quarter as error bars on the 1-10 scale.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QItemSelection, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.quality.stats import AgentScoreStats, MeanInterval, agent_score_stats, periods
from app.security.permissions import row_scope
from ui.context import ConsoleContext
from ui.quality.formatting import format_date
from ui.quality.models import ROW_ROLE, SHORT_COLOR
from ui.quality.tab import QualityTab
from ui.widgets.table_model import Index, RowTableModel
from ui.widgets.tables import row_table_defaults


def tr(text: str) -> str:
    return QCoreApplication.translate("qa_stats", text)


def interval_text(m: MeanInterval, digits: int = 1) -> str:
    locale = QLocale()
    if m.n == 0 or m.mean is None:
        return "—"
    mean = locale.toString(m.mean, "f", digits)
    if m.low is None or m.high is None:
        return tr("%1 (n = 1, no interval)").replace("%1", mean)
    return tr("%1  [%2 – %3]  n = %4").replace("%1", mean).replace("%2", locale.toString(m.low, "f", digits)) \
        .replace("%3", locale.toString(m.high, "f", digits)).replace("%4", locale.toString(m.n))


STATS_COLUMNS = ("agent", "team", "week", "month", "quarter", "card", "violations")


class AgentStatsModel(RowTableModel[AgentScoreStats]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [tr("Agent"), tr("Team"), tr("Last week"), tr("This month"), tr("This quarter"),
                         tr("Scorecard %, quarter"), tr("Violations")]
        tip = tr("Mean dialogue score (1-10, R-QA-2) with its 95 % confidence interval and the number of reviews")
        self._header_tips = {2: tip, 3: tip, 4: tip,
                             5: tr("Mean scorecard score (0-100 %) with its 95 % interval"),
                             6: tr("Failed critical items in this quarter's reviews (R-QA-3)")}

    def set_rows(self, rows: list[AgentScoreStats]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        key = STATS_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "agent":
                return a.agent
            if key == "team":
                return a.team or "—"
            if key == "violations":
                return QLocale().toString(a.quarter_violations)
            if key == "card":
                return interval_text(a.quarter_card, 0)
            return interval_text(getattr(a, key))
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("agent", "team"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and key == "violations" and a.quarter_violations:
            return SHORT_COLOR
        if role == Qt.ItemDataRole.ToolTipRole and key in ("week", "month", "quarter"):
            m: MeanInterval = getattr(a, key)
            if m.n == 1:
                return tr("One review says nothing about spread: no interval.")
            if 0 < m.n < 5:
                return tr("Only %1 reviews: read the mean with care.").replace("%1", str(m.n))
            return None
        if role == ROW_ROLE:
            return a
        return None


class StatsPage(QualityTab):
    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("stats_page")
        self.rows: list[AgentScoreStats] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        self.periods_label = QLabel(self)
        self.periods_label.setObjectName("stats_periods")
        self.periods_label.setWordWrap(True)
        bar.addWidget(self.periods_label, 1)
        self.search = QLineEdit(self)
        self.search.setObjectName("stats_search")
        self.search.setPlaceholderText(tr("Find agent…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(220)
        self.search.textChanged.connect(self._show_rows)
        bar.addWidget(self.search)
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        self.model = AgentStatsModel(self)
        self.table = QTableView(splitter)
        self.table.setObjectName("stats_table")
        self.table.setModel(self.model)
        row_table_defaults(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        self.chart_title = QLabel(right)
        self.chart_title.setObjectName("stats_chart_title")
        self.chart_title.setStyleSheet("font-weight: 600;")
        self.chart_title.setWordWrap(True)
        right_layout.addWidget(self.chart_title)
        # the chart is made when the tab first loads: a PlotWidget costs ~40 ms at console start-up
        self.plot: pg.PlotWidget | None = None
        self.right_layout = right_layout
        self.chart_slot = right_layout.count()
        self.note = QLabel(tr("Bars: the 95 % confidence interval of the mean (Student's t). Few reviews give wide "
                              "bars; one review gives none."), right)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        right_layout.addWidget(self.note)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.empty = QLabel(self)
        self.empty.setObjectName("empty_state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout.addWidget(self.empty)

    @staticmethod
    def tab_title() -> str:
        return QCoreApplication.translate("quality", "Statistics")

    def _ensure_chart(self) -> pg.PlotWidget:
        if self.plot is not None:
            return self.plot
        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("stats_chart")
        self.plot.setBackground(None)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.setYRange(0, 11, padding=0)
        self.plot.getAxis("bottom").setTicks([[(0, tr("Last week")), (1, tr("This month")), (2, tr("This quarter"))]])
        self.plot.setXRange(-0.5, 2.5, padding=0)
        self.plot.getAxis("left").setLabel(tr("Dialogue score"))
        self.plot.showGrid(y=True, alpha=0.2)
        self.error_bars = pg.ErrorBarItem(x=np.arange(3.0), y=np.zeros(3), height=np.zeros(3), beam=0.18,
                                          pen=pg.mkPen(QColor("#2f6fb3"), width=2))
        self.means = pg.ScatterPlotItem(size=10, brush=pg.mkBrush(QColor("#2f6fb3")), pen=None)
        self.plot.addItem(self.error_bars)
        self.plot.addItem(self.means)
        self.counts: list[pg.TextItem] = []
        for x in range(3):
            label = pg.TextItem("", anchor=(0.5, 0), color=QColor("#666666"))
            label.setPos(x, 0.9)
            self.plot.addItem(label)
            self.counts.append(label)
        self.right_layout.insertWidget(self.chart_slot, self.plot, 1)
        return self.plot

    def reload(self) -> None:
        actor = self.ctx.actor
        tz = self.ctx.timezone

        def load(s: Any) -> tuple[list[AgentScoreStats], Any, Any]:
            from app import clock

            return agent_score_stats(s, actor), periods(clock.now().astimezone(tz).date()), row_scope(s, actor)

        self.load(load, self._on_loaded)

    def _on_loaded(self, result: tuple[list[AgentScoreStats], Any, Any]) -> None:
        rows, p, scope = result
        self.scope_did_load.emit(scope)
        self._ensure_chart()
        self.rows = rows
        span = tr("Last week %1 – %2 · this month from %3 · this quarter from %4 (center-local days, final reviews "
                  "only; calibration scores never count)")
        self.periods_label.setText(span.replace("%1", format_date(p.week[0]))
                                   .replace("%2", format_date(p.week[1] - timedelta(days=1)))
                                   .replace("%3", format_date(p.month[0])).replace("%4", format_date(p.quarter[0])))
        self._show_rows()
        self.mark_loaded()

    def _show_rows(self, *_args: object) -> None:
        text = self.search.text().strip().lower()
        keep = self.selected()
        rows = [r for r in self.rows if not text or text in r.agent.lower()]
        self.model.set_rows(rows)
        # one team (a supervisor's usual view): the column would repeat its name on every row
        self.table.setColumnHidden(1, len({r.team for r in self.rows}) <= 1)
        self.empty.setVisible(not self.rows)
        self.empty.setText(tr("No reviews this quarter yet: the figures appear as supervisors save reviews."))
        row = next((i for i, r in enumerate(rows) if keep is not None and r.agent_id == keep.agent_id), 0 if rows
                   else None)
        if row is not None:
            self.table.selectRow(row)
        else:
            self.show_agent(None)

    def selected(self) -> AgentScoreStats | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_table_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self.show_agent(self.selected())

    def show_agent(self, a: AgentScoreStats | None) -> None:
        if self.plot is None:
            return
        if a is None:
            self.chart_title.setText(tr("Select an agent"))
            self.error_bars.setData(x=np.arange(3.0), y=np.zeros(3), height=np.zeros(3))
            self.means.setData([], [])
            for label in self.counts:
                label.setText("")
            return
        self.chart_title.setText(tr("%1: dialogue score, mean and 95 % interval").replace("%1", a.agent))
        xs, ys, heights, mx, my = [], [], [], [], []
        for x, m in enumerate((a.week, a.month, a.quarter)):
            self.counts[x].setText(tr("n = %1").replace("%1", str(m.n)))
            if m.mean is None:
                continue
            mx.append(x)
            my.append(m.mean)
            if m.low is not None and m.high is not None:
                xs.append(x)
                ys.append((m.low + m.high) / 2)
                heights.append(m.high - m.low)
        self.error_bars.setData(x=np.array(xs or [0.0]), y=np.array(ys or [0.0]), height=np.array(heights or [0.0]))
        self.means.setData(mx, my)
        # an interval is not clipped to 1..10 (few scores: it honestly reaches past the scale)
        low = min([0.0] + [y - h / 2 for y, h in zip(ys, heights, strict=True)])
        high = max([11.0] + [y + h / 2 for y, h in zip(ys, heights, strict=True)])
        self.plot.setYRange(low, high, padding=0.02)
