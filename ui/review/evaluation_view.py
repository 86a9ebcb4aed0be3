"""Reports ▸ Monthly evaluation (R-QA-5): five dimensions per agent and team, change against the
previous month, and a trend chart of the selected row against its team and the center."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.changes import Changes
from app.i18n import TRANSLATION_CONTEXT
from app.review.evaluation import DIMENSIONS, EvaluationRow, MonthlyEvaluation, monthly_evaluation
from app.review.export import write_table
from app.review.monthly import previous_month, team_options
from ui.context import ConsoleContext
from ui.review.models import fill_team_box
from ui.review.pack import fmt_value
from ui.widgets.table_model import Index, RowTableModel
from ui.widgets.tables import row_table_defaults
from ui.workspace import Workspace

GOOD = QColor("#2e7d32")
BAD = QColor("#c62828")
SERIES_COLORS = ("#1565c0", "#ef6c00", "#616e7c")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def dim_label(text: str) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


class EvaluationModel(RowTableModel[EvaluationRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [tr("Team"), tr("Agent")] + [dim_label(d.label) for d in DIMENSIONS]
        self._header_tips = {2 + i: tr("This month, and the change against the previous month (green: better)")
                             for i in range(len(DIMENSIONS))}
        self.months: tuple[str, ...] = ()

    def set_evaluation(self, ev: MonthlyEvaluation | None) -> None:
        self.beginResetModel()
        self._rows = list(ev.rows) if ev else []
        self.months = ev.months if ev else ()
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return r.team or (tr("Whole center") if r.kind == "center" else tr("No team"))
            if c == 1:
                return {"agent": r.name, "team": tr("Team"), "center": tr("All agents")}[r.kind]
            t = r.dimensions[c - 2]
            text = fmt_value(t.dimension.kind, t.value)
            if t.change is not None and t.improved is not None:
                arrow = "▲" if t.change > 0 else "▼"
                text += f"  {arrow}{fmt_value(t.dimension.kind, abs(t.change))}"
            return text
        if role == Qt.ItemDataRole.ForegroundRole and c >= 2:
            improved = r.dimensions[c - 2].improved
            return None if improved is None else (GOOD if improved else BAD)
        if role == Qt.ItemDataRole.FontRole and r.kind != "agent":
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.TextAlignmentRole and c >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and c >= 2:
            t = r.dimensions[c - 2]
            return "\n".join(f"{m}: {fmt_value(t.dimension.kind, v)}" for m, v in zip(self.months, t.series,
                                                                                   strict=True))
        return None


class EvaluationView(Workspace):
    refresh_on = (Changes.INTERACTIONS | Changes.QA | Changes.SETTINGS | Changes.PEOPLE)

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        today = clock.now().astimezone(ctx.timezone).date()
        self.month = previous_month(today.replace(day=1))
        self.team_id: int | None = None
        self.evaluation: MonthlyEvaluation | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        self.month_box = QComboBox(self)
        m = today.replace(day=1)
        for _ in range(13):
            self.month_box.addItem(m.strftime("%Y-%m"), m)
            m = previous_month(m)
        self.month_box.setCurrentIndex(1)
        self.team = QComboBox(self)
        self.team.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.team.addItem(tr("All teams"), None)
        self.dimension = QComboBox(self)
        for d in DIMENSIONS:
            self.dimension.addItem(dim_label(d.label), d.key)
        bar.addWidget(QLabel(tr("Month"), self))
        bar.addWidget(self.month_box)
        bar.addSpacing(12)
        bar.addWidget(self.team)
        bar.addStretch(1)
        self.export_button = QPushButton(tr("Export…"), self)
        bar.addWidget(self.export_button)
        bar.addSpacing(12)
        bar.addWidget(QLabel(tr("Trend of"), self))
        bar.addWidget(self.dimension)
        layout.addLayout(bar)
        hint = QLabel(tr("R-QA-5: response speed, resolution rate, satisfaction, process compliance (QA reviews "
                         "without a violation) and attitude (the supervisors' dialogue score). Arrows compare with "
                         "the previous month; hover a cell for six months."), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.model = EvaluationModel(self)
        self.table = QTableView(split)
        self.table.setObjectName("evaluation_table")
        self.table.setModel(self.model)
        row_table_defaults(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.plot = pg.PlotWidget(split)
        self.plot.setBackground("w")
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.addLegend(offset=(10, 10))
        self.plot.setMinimumHeight(180)
        self.curves = [self.plot.plot([], [], pen=pg.mkPen(c, width=2), symbol="o", symbolSize=6,
                                      symbolBrush=c, name=n)
                       for c, n in zip(SERIES_COLORS, (tr("Selected"), tr("Team"), tr("Center")), strict=True)]
        split.addWidget(self.table)
        split.addWidget(self.plot)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        self.month_box.currentIndexChanged.connect(self._on_month_box_current_index_changed)
        self.team.currentIndexChanged.connect(self._on_team_current_index_changed)
        self.dimension.currentIndexChanged.connect(self._update_chart)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_chart)

    @staticmethod
    def title() -> str:
        return tr("Monthly evaluation")

    def reload(self) -> None:
        first: date = self.month_box.currentData()
        team_id = self.team_id

        def load(s: Any) -> tuple[Any, MonthlyEvaluation]:
            return team_options(s), monthly_evaluation(s, first.year, first.month, team_id=team_id)

        self.load(load, self._on_loaded, self._on_failed)

    def _on_loaded(self, result: tuple[Any, MonthlyEvaluation]) -> None:
        teams, ev = result
        self.team_id = fill_team_box(self.team, teams, self.team_id, tr("All teams"))
        self.evaluation = ev
        self.model.set_evaluation(ev)
        if self.model.rowCount():
            self.table.selectRow(self.model.rowCount() - 1)
        self._update_chart()
        self.mark_loaded()

    def _on_failed(self, exc: BaseException) -> None:
        self.mark_failed(exc)

    def _on_month_box_current_index_changed(self, _i: int) -> None:
        self.refresh()

    def _on_team_current_index_changed(self, _i: int) -> None:
        self.team_id = self.team.currentData()
        self.refresh()

    def _on_export_button_clicked(self) -> None:
        if self.evaluation is None:
            return
        suggested = str(Path.home() / f"floorwalker-evaluation-{self.evaluation.month}.xlsx")
        path, _f = QFileDialog.getSaveFileName(self, tr("Export the monthly evaluation"), suggested,
                                               tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> bool:
        """The shown evaluation with one value and one change column per dimension."""
        ev = self.evaluation
        if ev is None:
            return False
        headings = [tr("Team"), tr("Agent")]
        for d in DIMENSIONS:
            headings += [dim_label(d.label), tr("{d}: change").format(d=dim_label(d.label))]
        rows = []
        for r in ev.rows:
            cells: list[object] = [self.model.data(self.model.index(ev.rows.index(r), 0)),
                                   self.model.data(self.model.index(ev.rows.index(r), 1))]
            for t in r.dimensions:
                scale = 100.0 if t.dimension.kind == "share" else 1.0
                cells += ["" if t.value is None else round(t.value * scale, 3),
                          "" if t.change is None else round(t.change * scale, 3)]
            rows.append(cells)
        try:
            write_table(path, headings, rows, sheet=ev.month)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, tr("Export failed"), tr("The evaluation could not be written to {p}:\n{e}")
                                .format(p=path, e=getattr(exc, "strerror", None) or exc))
            return False
        return True

    def _update_chart(self, *_args: Any) -> None:
        ev = self.evaluation
        rows = self.table.selectionModel().selectedRows()
        if ev is None or not rows:
            for c in self.curves:
                c.setData([], [])
            return
        key = self.dimension.currentData()
        d_index = next(i for i, d in enumerate(DIMENSIONS) if d.key == key)
        selected = self.model.row_at(rows[0].row())
        team = next((r for r in ev.rows if r.kind == "team" and r.team_id == selected.team_id), None)
        center = ev.rows[-1]
        xs = list(range(len(ev.months)))
        scale = 100.0 if DIMENSIONS[d_index].kind == "share" else 1.0
        for curve, row in zip(self.curves, (selected, team, center), strict=True):
            if row is None:
                curve.setData([], [])
                continue
            pts = [(x, v * scale) for x, v in zip(xs, row.dimensions[d_index].series, strict=True) if v is not None]
            curve.setData([p[0] for p in pts], [p[1] for p in pts])
        self.plot.getAxis("bottom").setTicks([[(i, m) for i, m in enumerate(ev.months)]])
        unit = {"seconds": tr("s"), "share": "%", "rating": tr("of 5"), "score": tr("of 10")}.get(
            DIMENSIONS[d_index].kind, "")
        self.plot.setLabel("left", f"{dim_label(DIMENSIONS[d_index].label)} ({unit})")
