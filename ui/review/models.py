"""The month report as a Qt table: agents grouped by team, a subtotal row per team, the total last."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from app.i18n import TRANSLATION_CONTEXT
from app.review.monthly import FIGURES, AgentMonth, Figure, MonthReport, TeamMonth

MET_COLOR = QColor("#2e9d4f")
NOT_MET_COLOR = QColor("#d64541")
ROW_KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "agent" / "team" / "total"
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # the raw figure (float or None)
MET_ROLE = Qt.ItemDataRole.UserRole + 3  # True / False / None
_Index = QModelIndex | QPersistentModelIndex
FIRST_FIGURE_COLUMN = 1

# two-line headings keep the table narrow enough to read without scrolling sideways
HEADINGS = {
    "handled": QT_TRANSLATE_NOOP("review", "Handled"),
    "working_days": QT_TRANSLATE_NOOP("review", "Working\ndays"),
    "per_day": QT_TRANSLATE_NOOP("review", "Per\nday"),
    "avg_wait_sec": QT_TRANSLATE_NOOP("review", "Avg\nresponse"),
    "within_target_share": QT_TRANSLATE_NOOP("review", "Within\ntarget"),
    "logged_in_per_day": QT_TRANSLATE_NOOP("review", "Logged in\nper day"),
    "avg_rating": QT_TRANSLATE_NOOP("review", "Avg\nrating"),
    "good_rating_share": QT_TRANSLATE_NOOP("review", "Rated\n≥ target"),
    "resolution_rate": QT_TRANSLATE_NOOP("review", "Resolved"),
    "conversion": QT_TRANSLATE_NOOP("review", "Conver-\nsion"),
    "qa_avg_score": QT_TRANSLATE_NOOP("review", "QA\nscore"),
    "qa_violations": QT_TRANSLATE_NOOP("review", "Viola-\ntions"),
    "complaints_owned": QT_TRANSLATE_NOOP("review", "Com-\nplaints"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("review", text)


def label(text: str) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def format_figure(figure: Figure, value: float | None) -> str:
    if value is None:
        return "—"
    locale = QLocale()
    if figure.kind == "count":
        return locale.toString(int(round(value)))
    if figure.kind == "decimal":
        return locale.toString(float(value), "f", 1)
    if figure.kind == "seconds":
        return tr("%1 s").replace("%1", locale.toString(float(value), "f", 1))
    if figure.kind == "share":
        return tr("%1 %").replace("%1", locale.toString(float(value) * 100.0, "f", 1))
    if figure.kind == "hours":
        return tr("%1 h").replace("%1", locale.toString(float(value), "f", 1))
    if figure.kind == "rating":
        return locale.toString(float(value), "f", 2)
    return locale.toString(float(value), "f", 1)


def format_target(figure: Figure, target: float) -> str:
    sign = "≥" if figure.higher_is_better else "≤"
    return f"{sign} {format_figure(figure, target)}"


@dataclass(frozen=True)
class ReportRow:
    kind: str  # agent / team / total
    name: str
    team: str
    item: AgentMonth | TeamMonth


class MonthReportModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.report: MonthReport | None = None
        self.rows: list[ReportRow] = []

    def set_report(self, report: MonthReport | None) -> None:
        self.beginResetModel()
        self.report = report
        self.rows = self._flatten(report) if report is not None else []
        self.endResetModel()

    @staticmethod
    def _flatten(report: MonthReport) -> list[ReportRow]:
        rows: list[ReportRow] = []
        no_team = tr("No team")
        for team in report.teams:
            for agent in report.agents_of(team.team_id):
                rows.append(ReportRow("agent", agent.name, agent.team or no_team, agent))
            rows.append(ReportRow("team", tr("%1 — total, %2 agents").replace("%1", team.team or no_team)
                                  .replace("%2", str(team.agents)), team.team or no_team, team))
        if len(report.teams) != 1:
            rows.append(ReportRow("total", tr("All agents (%1)").replace("%1", str(report.total.agents)), "",
                                  report.total))
        return rows

    def figure_at(self, column: int) -> Figure | None:
        i = column - FIRST_FIGURE_COLUMN
        return FIGURES[i] if 0 <= i < len(FIGURES) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else FIRST_FIGURE_COLUMN + len(FIGURES)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        figure = self.figure_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if figure is None:
                return tr("Agent")
            return tr(HEADINGS[figure.key])
        if role == Qt.ItemDataRole.ToolTipRole and figure is not None:
            tip = label(figure.description)
            if self.report is not None:
                target = self.report.targets.target(figure)
                if target is not None:
                    tip += "\n" + tr("Target %1 (%2)").replace("%1", format_target(figure, target)) \
                        .replace("%2", figure.rule_id or "")
                elif figure.key == "within_target_share":
                    tip += "\n" + tr("Target time: %1 s (R-KPI-1)").replace(
                        "%1", QLocale().toString(self.report.targets.values["R-KPI-1"], "g", 6))
                elif figure.key == "good_rating_share":
                    tip += "\n" + tr("Per-contact target: %1 (R-QA-4)").replace(
                        "%1", QLocale().toString(self.report.targets.contact_rating, "g", 6))
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignLeft if figure is None else Qt.AlignmentFlag.AlignRight
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or self.report is None:
            return None
        row = self.rows[index.row()]
        figure = self.figure_at(index.column())
        value = row.item.value(figure.key) if figure is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if figure is None:
                return row.name
            return format_figure(figure, value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignLeft if figure is None else Qt.AlignmentFlag.AlignRight
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and figure is not None:
            met = self.report.met(figure.key, value)
            if met is True:
                return MET_COLOR
            if met is False:
                return NOT_MET_COLOR
            return None
        if role == Qt.ItemDataRole.FontRole and row.kind != "agent":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and row.kind != "agent":
            return QBrush(QApplication.palette().color(QPalette.ColorRole.AlternateBase).darker(106))
        if role == Qt.ItemDataRole.ToolTipRole and figure is not None:
            target = self.report.targets.target(figure)
            if target is None or value is None:
                return None
            met = self.report.met(figure.key, value)
            verdict = tr("target met") if met else tr("target not met")
            return tr("%1: %2 — %3 (%4)").replace("%1", label(figure.label)).replace(
                "%2", format_figure(figure, value)).replace("%3", verdict).replace(
                "%4", format_target(figure, target))
        if role == Qt.ItemDataRole.ToolTipRole and figure is None and row.kind == "agent":
            assert isinstance(row.item, AgentMonth)
            return tr("%1 · employee no. %2").replace("%1", row.team).replace("%2", row.item.employee_no)
        if role == ROW_KIND_ROLE:
            return row.kind
        if role == VALUE_ROLE:
            return value
        if role == MET_ROLE and figure is not None:
            return self.report.met(figure.key, value)
        return None


def fill_team_box(box: Any, teams: Any, team_id: int | None, all_label: str) -> int | None:
    """Refill a team picker ("All teams" first) without signals; returns the team still chosen
    (None when it is gone, e.g. deleted on another desk)."""
    box.blockSignals(True)
    box.clear()
    box.addItem(all_label, None)
    for t in teams:
        box.addItem(t.name, t.id)
    index = box.findData(team_id) if team_id is not None else 0
    if index < 0:
        team_id, index = None, 0
    box.setCurrentIndex(index)
    box.blockSignals(False)
    return team_id
