"""The Reports workspace: a month's figures per agent against the R-KPI targets (team subtotals, CSV
export) and the quarterly review with its printed pack (``ui/review/quarterly_view.py``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.changes import Changes
from app.review.export import write_report_csv
from app.review.monthly import (
    FIGURES,
    MonthReport,
    TeamOption,
    month_report,
    next_month,
    previous_month,
    team_options,
)
from ui.context import ConsoleContext
from ui.errors import message_text
from ui.review.evaluation_view import EvaluationView
from ui.review.models import (
    MET_COLOR,
    NOT_MET_COLOR,
    MonthReportModel,
    fill_team_box,
    format_target,
    label,
)
from ui.review.quarterly_view import QuarterlyView
from ui.workspace import Workspace


def month_title(qdate: QDate) -> str:
    """"November 2026", "2026年11月": the month in the locale's order (Qt has no month-year format)."""
    locale = QLocale()
    if locale.language() in (QLocale.Language.Chinese, QLocale.Language.Japanese):
        return locale.toString(qdate, "yyyy年M月")  # notr
    if locale.language() == QLocale.Language.Korean:
        return locale.toString(qdate, "yyyy년 M월")  # notr
    return locale.toString(qdate, "MMMM yyyy")


class ReportsWorkspace(Workspace):
    # targets are rule values (SETTINGS); complaints owned and teams count too
    refresh_on = (Changes.INTERACTIONS | Changes.QA | Changes.REVIEWS | Changes.AGENT_STATES | Changes.SETTINGS
                  | Changes.PEOPLE | Changes.COMPLAINTS | Changes.SCHEDULE)

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        today = clock.now().astimezone(ctx.timezone).date()
        self.current_month = today.replace(day=1)
        self.month = previous_month(self.current_month)  # last month by default
        self.team_id: int | None = None
        self.report: MonthReport | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(8)
        layout = outer
        header = QHBoxLayout()
        title = QLabel(self.title(), self)
        title.setObjectName("page_title")
        header.addWidget(title)
        subtitle = QLabel(self.tr("Figures per agent against the R-KPI targets, and the quarterly review"), self)
        subtitle.setObjectName("hint")
        header.addWidget(subtitle)
        header.addStretch(1)
        layout.addLayout(header)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("review_tabs")
        outer.addWidget(self.tabs, 1)
        self.monthly_page = QWidget(self.tabs)
        self.quarterly = QuarterlyView(ctx, self.tabs)
        self.tabs.addTab(self.monthly_page, self.tr("Monthly figures"))
        self.evaluation = EvaluationView(ctx, self.tabs)
        self.tabs.addTab(self.evaluation, self.tr("Monthly evaluation"))
        self.tabs.addTab(self.quarterly, self.tr("Quarterly review"))
        layout = QVBoxLayout(self.monthly_page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)

        bar = QHBoxLayout()
        self.prev_button = QPushButton("◀", self)
        self.prev_button.setToolTip(self.tr("Previous month"))
        self.prev_button.setFixedWidth(36)
        self.next_button = QPushButton("▶", self)
        self.next_button.setToolTip(self.tr("Next month"))
        self.next_button.setFixedWidth(36)
        self.month_label = QLabel(self)
        self.month_label.setObjectName("review_month")
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.month_label.setMinimumWidth(150)
        self.month_label.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.team = QComboBox(self)
        self.team.setObjectName("review_team")
        self.team.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.team.addItem(self.tr("All teams"), None)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("review_export")
        bar.addWidget(self.prev_button)
        bar.addWidget(self.month_label)
        bar.addWidget(self.next_button)
        bar.addSpacing(16)
        bar.addWidget(self.team)
        bar.addStretch(1)
        self.legend = QLabel(self)
        self.legend.setObjectName("review_legend")
        self.legend.setText(
            f"<span style='color:{MET_COLOR.name()}'>■</span> {self.tr('target met')} &nbsp; "
            f"<span style='color:{NOT_MET_COLOR.name()}'>■</span> {self.tr('target not met')} &nbsp; "
            f"{self.tr('plain: no target')}")
        bar.addWidget(self.legend)
        bar.addSpacing(16)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.targets = QLabel(self)
        self.targets.setObjectName("hint")
        self.targets.setWordWrap(True)
        layout.addWidget(self.targets)

        self.empty = QLabel(self)
        self.empty.setObjectName("empty_state")
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout.addWidget(self.empty)

        self.model = MonthReportModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("review_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        layout.addWidget(self.table, 1)
        self.footnote = QLabel(self.tr(
            "Working days: days with a published shift or with handled interactions. Times are center-local "
            "(%1). Team rows add up their agents; hover a heading for its definition and target.")
            .replace("%1", ctx.timezone.key), self)
        self.footnote.setObjectName("hint")
        self.footnote.setWordWrap(True)
        layout.addWidget(self.footnote)

        self.prev_button.clicked.connect(self._on_prev_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.team.currentIndexChanged.connect(self._on_team_current_index_changed)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self._update_month_bar()

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("workspaces", "Reports")

    @staticmethod
    def icon_name() -> str:
        return "reports"

    # --- loading -------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.current_month = clock.now().astimezone(self.ctx.timezone).date().replace(day=1)
        self._update_month_bar()
        year, month, team_id = self.month.year, self.month.month, self.team_id

        def load(s: object) -> tuple[tuple[TeamOption, ...], MonthReport]:
            return team_options(s), month_report(s, year, month, team_id=team_id)  # type: ignore[arg-type]

        self.load(load, self._on_loaded, self._on_failed)

    def _on_loaded(self, result: tuple[tuple[TeamOption, ...], MonthReport]) -> None:
        teams, report = result
        self._fill_teams(teams)
        self._show(report)
        self.mark_loaded()

    def _on_failed(self, exc: BaseException) -> None:
        self.mark_failed(exc)
        self.empty.setText(self.tr("Could not compute the report: %1").replace("%1", message_text(exc).splitlines()[0]))
        self.empty.show()

    def _fill_teams(self, teams: tuple[TeamOption, ...]) -> None:
        self.team_id = fill_team_box(self.team, teams, self.team_id, self.tr("All teams"))

    def _show(self, report: MonthReport) -> None:
        self.report = report
        self.model.set_report(report)
        targets = []
        for figure in FIGURES:
            target = report.targets.target(figure)
            if target is not None:
                targets.append(f"{label(figure.label)} {format_target(figure, target)}")
        self.targets.setText(self.tr("Targets: %1").replace("%1", " · ".join(targets)))
        month_name = self.month_label.text()
        if not report.agents:
            self.empty.setText(self.tr("No agents yet — add people in Admin, or run `floorwalker demo` for a "
                                       "demo center."))
            self.empty.show()
        elif report.total.counts.handled == 0:
            text = self.tr("No interactions were handled in %1.").replace("%1", month_name)
            latest = report.latest_interaction_at
            if latest is None:
                text += " " + self.tr("There are no interactions yet — run `floorwalker demo` or import history.")
            else:
                local = latest.astimezone(self.ctx.timezone)
                latest_name = month_title(QDate(local.year, local.month, 1))
                text += " " + self.tr("The latest interactions are from %1; choose it with ◀ ▶.").replace(
                    "%1", latest_name)
            self.empty.setText(text)
            self.empty.show()
        else:
            self.empty.hide()
        self.export_button.setEnabled(bool(report.agents))

    # --- month and team ----------------------------------------------------------------------------------
    def _update_month_bar(self) -> None:
        qdate = QDate(self.month.year, self.month.month, 1)
        self.month_label.setText(month_title(qdate))
        self.next_button.setEnabled(self.month < self.current_month)

    def show_month(self, year: int, month: int) -> None:
        self.month = min(date(year, month, 1), self.current_month)
        self._update_month_bar()
        self.refresh()

    def _on_prev_button_clicked(self) -> None:
        prev = previous_month(self.month)
        self.show_month(prev.year, prev.month)

    def _on_next_button_clicked(self) -> None:
        nxt = next_month(self.month)
        self.show_month(nxt.year, nxt.month)

    def _on_team_current_index_changed(self, _index: int) -> None:
        self.team_id = self.team.currentData()
        self.refresh()

    # --- export ------------------------------------------------------------------------------------------
    def _on_export_button_clicked(self) -> None:
        if self.report is None:
            return
        suggested = str(Path.home() / f"floorwalker-{self.report.month.key}.csv")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export report"), suggested,
                                                    self.tr("CSV files (*.csv);;Excel workbook (*.xlsx)"))
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> bool:
        """Write the shown report to ``path``; a clear message (and nothing lost) if that fails."""
        if self.report is None:
            return False
        headings = [self.tr("Team"), self.tr("Agent")] + [
            label(f.label) + (" (%)" if f.kind == "share" else " (s)" if f.kind == "seconds"
                              else " (h)" if f.kind == "hours" else "") for f in FIGURES]
        try:
            write_report_csv(self.report, path, headings=headings, team_total_label=self.tr("Team total"),
                             center_total_label=self.tr("All agents"))
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Export failed"),
                                self.tr("The report could not be written to %1:\n%2").replace("%1", str(path))
                                .replace("%2", exc.strerror or str(exc)))
            return False
        return True
