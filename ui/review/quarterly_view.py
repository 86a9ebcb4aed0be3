"""Reports ▸ Quarterly review: every agent's KPI scorecard, rank, QA, complaints, attendance and
training for a quarter; comments and improvement plans; publishing; the printed pack and exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.changes import Changes
from app.i18n import TRANSLATION_CONTEXT, Message
from app.quality.interactions import CHANNEL_LABELS
from app.review.evidence import Evidence, indicator_evidence
from app.review.kpi import INDICATORS, load_weights
from app.review.monthly import team_options
from app.review.pack_data import PackData, pack_data
from app.review.periods import previous_quarter, quarter_key, quarter_of
from app.review.quarter_export import default_headings, write_quarter
from app.review.quarterly import (
    AgentReview,
    QuarterReview,
    add_plan,
    adopt_recomputed,
    publish,
    save_comment,
    update_plan,
)
from app.review.weights import update_kpi_weights
from app.security.permissions import allowed
from ui.context import ConsoleContext
from ui.errors import message_text, show_error
from ui.review.models import fill_team_box
from ui.review.pack import (
    fmt_score,
    fmt_total,
    fmt_value,
    note_text,
    page_layout,
    plan_status,
    render_pack,
    save_pack_pdf,
)
from ui.widgets.labels import ElidedLabel
from ui.widgets.table_model import Index, RowTableModel
from ui.widgets.tables import row_table_defaults
from ui.workspace import Workspace

GOOD = QColor("#2e7d32")
BAD = QColor("#c62828")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class AgentTableModel(RowTableModel[AgentReview]):
    COLUMNS = ("team", "agent", "score", "rank", "basic", "quality", "additional", "qa", "complaints",
               "attendance", "training", "plan", "comment")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [tr("Team"), tr("Agent"), tr("KPI score"), tr("Rank"), tr("Basic /40"), tr("Quality /40"),
                         tr("Additional /20"), tr("QA (n, mean)"), tr("Complaints (escalated)"), tr("Attendance"),
                         tr("Training"), tr("Improvement plan"), tr("Comment")]
        self._header_tips = {2: tr("Points out of 100, scaled over the indicators that could be measured"),
                             3: tr("Rank within the team by KPI score"),
                             11: tr("R-REV-1: an agent under target needs an improvement plan")}
        self.changed: set[int] = set()

    def set_review(self, review: QuarterReview | None) -> None:
        self.beginResetModel()
        self._rows = list(review.agents) if review else []
        self.changed = set(review.changed_since_publishing) if review else set()
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        f = a.figures
        col = self.COLUMNS[index.column()]
        groups = {g.group: g.points for g in f.groups}
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "team":
                return f.team or tr("No team")
            if col == "agent":
                return f.name + (" ⚠" if f.agent_id in self.changed else "")
            if col == "score":
                return fmt_total(f.total)
            if col == "rank":
                return "" if f.rank is None else str(f.rank)
            if col in ("basic", "quality", "additional"):
                return f"{groups.get(col, 0.0):.1f}" if f.total is not None else "—"
            if col == "qa":
                return (tr(", ").join((str(f.qa.reviews), f"{f.qa.mean:.1f}")) if f.qa.mean is not None
                        else f"{f.qa.reviews}")
            if col == "complaints":
                return f"{f.complaints_owned} ({f.complaints_escalated})"
            if col == "attendance":
                return "—" if f.attendance is None else f"{f.attendance * 100:.0f} %"
            if col == "training":
                return tr("{h} h").format(h=f"{f.training_hours:g}")
            if col == "plan":
                if a.plans:
                    return tr("{n} plan(s)").format(n=len(a.plans))
                return tr("needed") if f.under_target else ""
            if col == "comment":
                return a.comment.replace("\n", " ")
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == "score" and f.total is not None:
                return BAD if f.under_target else GOOD
            if col == "plan" and f.under_target and not a.plans:
                return BAD
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in ("team", "agent", "plan", "comment"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == "agent" and f.agent_id in self.changed:
                return tr("The figures changed since the quarter was published (late data). A manager can adopt "
                          "the recomputed figures as an amendment.")
            if col == "score" and f.missing:
                return tr("Not measured (no data): {rules}").format(rules=", ".join(f.missing))
            if col == "comment" and a.comment:
                return a.comment
        return None


@dataclass(frozen=True)
class IndicatorLine:
    rule_id: str
    label: str
    kind: str
    value: float | None
    target: float
    score: float | None
    weight: float
    points: float | None
    met: bool | None


class ScorecardModel(RowTableModel[IndicatorLine]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [tr("Indicator"), tr("Value"), tr("Target"), tr("Score"), tr("Weight"), tr("Points")]

    def set_agent(self, agent: AgentReview | None) -> None:
        self.beginResetModel()
        self._rows = [] if agent is None else [
            IndicatorLine(i.rule_id, i.label, i.kind, i.value, i.target, i.score, i.weight, i.points, i.met)
            for i in agent.figures.indicators]
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            op = "≤" if r.rule_id in ("R-KPI-1", "R-KPI-6") else "≥"
            return [f"{r.rule_id}  {QCoreApplication.translate(TRANSLATION_CONTEXT, r.label)}",
                    fmt_value(r.kind, r.value), f"{op} {fmt_value(r.kind, r.target)}",
                    fmt_score(r.score), f"{r.weight:g}",
                    "—" if r.points is None else f"{r.points:.1f}"][c]
        if role == Qt.ItemDataRole.ForegroundRole and c in (1, 3) and r.met is not None:
            return GOOD if r.met else BAD
        if role == Qt.ItemDataRole.TextAlignmentRole and c > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("Double-click to see how this was computed and the records behind it")
        return None


class EvidenceModel(RowTableModel[tuple[object, ...]]):
    def set_evidence(self, ev: Evidence) -> None:
        self.beginResetModel()
        self._headers = [QCoreApplication.translate(TRANSLATION_CONTEXT, c) for c in ev.columns]
        self._channel_column = ev.columns.index("Channel") if "Channel" in ev.columns else -1
        self._rows = list(ev.rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self._rows[index.row()][index.column()]
        if value is None:
            return ""
        if hasattr(value, "astimezone"):
            return value.astimezone().strftime("%Y-%m-%d %H:%M")
        if isinstance(value, bool):
            return tr("yes") if value else tr("no")
        if isinstance(value, float):
            return f"{value:.1f}"
        if index.column() == getattr(self, "_channel_column", -1) and value in CHANNEL_LABELS:
            return QCoreApplication.translate(TRANSLATION_CONTEXT, CHANNEL_LABELS[value])
        return str(value)


def _translated(msg: Message) -> str:
    """An app message in the user's language: its N_() template translated, its values too when they are messages."""
    params = {k: _translated(v) if isinstance(v, Message) else v for k, v in msg.params.items()}
    return QCoreApplication.translate(TRANSLATION_CONTEXT, msg.template).format(**params)


class EvidenceDialog(QDialog):
    def __init__(self, agent: str, ev: Evidence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("{rule} for {agent}").format(rule=ev.rule_id, agent=agent))
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        formula = _translated(Message(ev.formula_template, **ev.formula_params)) if ev.formula_template else ev.formula
        self.formula = QLabel(formula, self)
        self.formula.setWordWrap(True)
        self.formula.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.formula)
        shown = len(ev.rows)
        note = (tr("The figure comes from the agent-state feed; there are no single records to list.")
                if not ev.columns else tr("{shown} of {total} records, newest first.").format(shown=shown,
                                                                                          total=ev.total_rows))
        hint = QLabel(note, self)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        self.model = EvidenceModel(self)
        self.model.set_evidence(ev)
        table = QTableView(self)
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class PlanDialog(QDialog):
    """Add an improvement plan: goal, measures, deadline after the quarter (R-REV-1)."""

    def __init__(self, agent: str, quarter_end: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Improvement plan for {agent}").format(agent=agent))
        form = QFormLayout(self)
        self.goal = QLineEdit(self)
        self.goal.setPlaceholderText(tr("e.g. average response under 30 s"))
        self.measures = QPlainTextEdit(self)
        self.measures.setPlaceholderText(tr("Coaching, training, shadowing … and how progress is checked"))
        self.measures.setFixedHeight(90)
        self.deadline = QDateEdit(self)
        self.deadline.setCalendarPopup(True)
        default = quarter_end + timedelta(days=60)
        self.deadline.setDate(QDate(default.year, default.month, default.day))
        self.deadline.setMinimumDate(QDate(quarter_end.year, quarter_end.month, quarter_end.day).addDays(1))
        form.addRow(tr("Goal"), self.goal)
        form.addRow(tr("Measures"), self.measures)
        form.addRow(tr("Deadline"), self.deadline)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _on_accepted(self) -> None:
        if not self.goal.text().strip():
            self.error.setText(tr("Give the plan a goal."))
            return
        if not self.measures.toPlainText().strip():
            self.error.setText(tr("Say which measures will get the agent there."))
            return
        self.accept()

    def values(self) -> tuple[str, str, date]:
        d = self.deadline.date()
        return self.goal.text().strip(), self.measures.toPlainText().strip(), date(d.year(), d.month(), d.day())


class WeightsDialog(QDialog):
    """All nine KPI weights at once; Save stays off until they add up to 100."""

    def __init__(self, weights: dict[str, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("KPI weights"))
        form = QFormLayout(self)
        self.spins: dict[str, QDoubleSpinBox] = {}
        for ind in INDICATORS:
            spin = QDoubleSpinBox(self)
            spin.setRange(0, 100)
            spin.setDecimals(1)
            spin.setSuffix(" %")
            spin.setValue(weights[ind.rule_id])
            spin.valueChanged.connect(self._on_spin_value_changed)
            self.spins[ind.rule_id] = spin
            form.addRow(f"{ind.rule_id}  {QCoreApplication.translate(TRANSLATION_CONTEXT, ind.label)}", spin)
        self.sum_label = QLabel(self)
        form.addRow(self.sum_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._on_spin_value_changed()

    def values(self) -> dict[str, float]:
        return {k: s.value() for k, s in self.spins.items()}

    def _on_spin_value_changed(self, *_args: Any) -> None:
        total = sum(self.values().values())
        ok = abs(total - 100) < 1e-6
        self.sum_label.setText(tr("Total {t} % — the weights must add up to 100 %.").format(t=f"{total:g}")
                               if not ok else tr("Total 100 %"))
        self.sum_label.setStyleSheet("" if ok else "color: #b3261e; font-weight: 600;")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)


class QuarterlyView(Workspace):
    refresh_on = (Changes.INTERACTIONS | Changes.QA | Changes.REVIEWS | Changes.AGENT_STATES | Changes.SETTINGS
                  | Changes.PEOPLE | Changes.COMPLAINTS | Changes.SCHEDULE)

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("quarterly_review")
        today = clock.now().astimezone(ctx.timezone).date()
        self.quarter = quarter_key(*previous_quarter(*quarter_of(today)))  # the last finished quarter
        self.team_id: int | None = None
        self.review: QuarterReview | None = None
        actor = ctx.actor

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        self.quarter_box = QComboBox(self)
        self.quarter_box.setObjectName("quarter")
        y, q = quarter_of(today)
        for _ in range(8):
            self.quarter_box.addItem(quarter_key(y, q), quarter_key(y, q))
            y, q = previous_quarter(y, q)
        self.quarter_box.setCurrentIndex(self.quarter_box.findData(self.quarter))
        self.team = QComboBox(self)
        self.team.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.team.addItem(tr("All teams"), None)
        self.status = ElidedLabel(self)  # one line beside the buttons: elided, the whole text in its tooltip
        self.status.setObjectName("review_status")
        bar.addWidget(QLabel(tr("Quarter"), self))
        bar.addWidget(self.quarter_box)
        bar.addSpacing(12)
        bar.addWidget(self.team)
        bar.addSpacing(12)
        bar.addWidget(self.status, 1)
        self.publish_button = QPushButton(tr("Publish…"), self)
        self.publish_button.setToolTip(tr("Freeze the quarter's figures and rule values (managers)"))
        self.publish_button.setVisible(allowed(actor, "review.publish"))
        self.weights_button = QPushButton(tr("KPI weights…"), self)
        self.weights_button.setVisible(allowed(actor, "rules.edit"))
        self.export_button = QPushButton(tr("Export…"), self)
        self.preview_button = QPushButton(tr("Print preview…"), self)
        self.pdf_button = QPushButton(tr("Save PDF…"), self)
        for b in (self.weights_button, self.publish_button, self.export_button, self.preview_button, self.pdf_button):
            bar.addWidget(b)
        layout.addLayout(bar)

        self.notes = QLabel(self)
        self.notes.setObjectName("hint")
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = AgentTableModel(self)
        self.table = QTableView(split)
        self.table.setObjectName("quarterly_table")
        self.table.setModel(self.model)
        row_table_defaults(self.table)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        side = QWidget(split)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        self.agent_title = QLabel(tr("Select an agent"), side)
        self.agent_title.setStyleSheet("font-size: 15px; font-weight: 600;")
        side_layout.addWidget(self.agent_title)
        self.card_model = ScorecardModel(self)
        self.card = QTableView(side)
        self.card.setObjectName("scorecard")
        self.card.setModel(self.card_model)
        self.card.verticalHeader().hide()
        self.card.verticalHeader().setDefaultSectionSize(22)
        self.card.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.card.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.card.setFixedHeight(34 + 9 * 22 + 8)  # the nine indicators without a scroll bar
        side_layout.addWidget(self.card)
        self.agent_facts = QLabel(side)
        self.agent_facts.setWordWrap(True)
        side_layout.addWidget(self.agent_facts)
        self.comment_label = QLabel(side)
        self.comment_label.setWordWrap(True)
        side_layout.addWidget(self.comment_label)
        self.plans_label = QLabel(side)
        self.plans_label.setWordWrap(True)
        self.plans_label.setTextFormat(Qt.TextFormat.RichText)
        side_layout.addWidget(self.plans_label)
        row = QHBoxLayout()
        self.comment_button = QPushButton(tr("Comment…"), side)
        self.plan_button = QPushButton(tr("Add plan…"), side)
        self.close_plan_button = QPushButton(tr("Close plan…"), side)
        self.adopt_button = QPushButton(tr("Adopt recomputed…"), side)
        self.adopt_button.setToolTip(tr("Amend the published figures of this agent with the recomputed ones"))
        for b in (self.comment_button, self.plan_button, self.close_plan_button, self.adopt_button):
            row.addWidget(b)
        row.addStretch(1)
        side_layout.addLayout(row)
        side_layout.addStretch(1)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)

        self.quarter_box.currentIndexChanged.connect(self._on_quarter_box_current_index_changed)
        self.team.currentIndexChanged.connect(self._on_team_current_index_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.card.doubleClicked.connect(self._on_card_double_clicked)
        self.comment_button.clicked.connect(self._on_comment_button_clicked)
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        self.close_plan_button.clicked.connect(self._on_close_plan_button_clicked)
        self.adopt_button.clicked.connect(self._on_adopt_button_clicked)
        self.publish_button.clicked.connect(self._on_publish_button_clicked)
        self.weights_button.clicked.connect(self._on_weights_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self._show_agent(None)

    @staticmethod
    def title() -> str:
        return tr("Quarterly review")

    # --- loading -------------------------------------------------------------------------------------
    def reload(self) -> None:
        quarter, team_id, actor = self.quarter, self.team_id, self.ctx.actor

        def load(s: Any) -> tuple[Any, QuarterReview]:
            from app.review.quarterly import load_quarter

            return team_options(s), load_quarter(s, actor, quarter, team_id=team_id)

        self.load(load, self._on_loaded, self._on_failed)

    def _on_loaded(self, result: tuple[Any, QuarterReview]) -> None:
        teams, review = result
        self.team_id = fill_team_box(self.team, teams, self.team_id, tr("All teams"))
        selected = self.selected_agent()
        self.review = review
        self.model.set_review(review)
        self._show_status(review)
        if selected is not None:
            row = next((i for i, a in enumerate(review.agents) if a.figures.agent_id == selected.figures.agent_id), -1)
            if row >= 0:
                self.table.selectRow(row)
        self._show_agent(self.selected_agent())
        self.mark_loaded()

    def _on_failed(self, exc: BaseException) -> None:
        self.mark_failed(exc)
        self.notes.setText(tr("Could not compute the review: {e}").format(e=message_text(exc).splitlines()[0]))

    def _show_status(self, r: QuarterReview) -> None:
        if r.status == "published" and r.published_at:
            text = tr("Published {when} by {who} — figures are frozen; corrections are amendments.").format(
                when=r.published_at.astimezone(self.ctx.timezone).strftime("%Y-%m-%d"), who=r.published_by)
            if r.changed_since_publishing:
                text += " " + tr("{n} agent(s) ⚠ changed since.").format(n=len(r.changed_since_publishing))
        else:
            text = tr("Draft — live figures. {n} under target (below {t} points), {m} without a plan.").format(
                n=len(r.under_target), t=f"{r.threshold:g}", m=len(r.plans_missing))
        self.status.setText(text)
        self.publish_button.setEnabled(r.status != "published")
        notes = [note_text(n) for n in r.notes]
        if not r.agents:
            notes.insert(0, tr("No agents to review in {q}. Choose another quarter or team.").format(q=r.quarter))
        self.notes.setText(" ".join(notes))
        self.notes.setVisible(bool(notes))
        for b in (self.export_button, self.preview_button, self.pdf_button):
            b.setEnabled(bool(r.agents))

    # --- selection -------------------------------------------------------------------------------------
    def selected_agent(self) -> AgentReview | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= self.model.rowCount():
            return None
        return self.model.row_at(rows[0].row())

    def select_agent(self, name: str) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).figures.name == name:
                self.table.selectRow(i)
                return
        raise ValueError(name)

    def _on_table_selection_changed(self, *_args: Any) -> None:
        self._show_agent(self.selected_agent())

    def _show_agent(self, a: AgentReview | None) -> None:
        self.card_model.set_agent(a)
        editable = a is not None and allowed(self.ctx.actor, "review.edit")
        self.comment_button.setEnabled(editable)
        self.plan_button.setEnabled(editable)
        self.close_plan_button.setEnabled(editable and bool(a and (a.plans or a.carried_plans)))
        changed = a is not None and self.review is not None and a.figures.agent_id in self.review.changed_since_publishing
        self.adopt_button.setVisible(changed and allowed(self.ctx.actor, "review.publish"))
        if a is None:
            self.agent_title.setText(tr("Select an agent to see the scorecard"))
            self.agent_facts.clear()
            self.comment_label.clear()
            self.plans_label.clear()
            return
        f = a.figures
        self.agent_title.setText(f"{f.name} — {fmt_total(f.total)}" + (f"  · {tr('under target')}"
                                                                      if f.under_target else ""))
        qa = (tr("QA: {n} reviews, mean {m} (95 % {lo}–{hi}), {v} violations").format(
            n=f.qa.reviews, m=f"{f.qa.mean:.1f}", lo=f"{f.qa.low:.1f}", hi=f"{f.qa.high:.1f}", v=f.qa.violations)
            if f.qa.low is not None and f.qa.mean is not None and f.qa.high is not None
            else tr("QA: {n} reviews").format(n=f.qa.reviews))
        self.agent_facts.setText(" · ".join([
            qa, tr("Complaints {n} (escalated {e})").format(n=f.complaints_owned, e=f.complaints_escalated),
            tr("Attended {a} of {r} shifts").format(a=f.attended_shifts, r=f.rostered_shifts),
            tr("Training {h} h").format(h=f"{f.training_hours:g}")]
            + ([tr("Auto-QA: {n} chats, service code kept in {c}, first reply on time in {r}").format(
                n=f"{f.autoqa_checked:,}", c=fmt_value("share", f.autoqa_code_share),
                r=fmt_value("share", f.autoqa_first_reply_share))] if f.autoqa_checked else [])))
        self.comment_label.setText(tr("Comment: {c}").format(c=a.comment) if a.comment else tr("No comment yet."))
        lines = []
        for p in a.plans:
            lines.append(tr("<b>Plan</b>: {g} — by {d} ({s})").format(g=_html(p.goal), d=p.deadline.isoformat(),
                                                                    s=plan_status(p.status)))
        for p in a.carried_plans:
            lines.append(tr("<b>Open plan from {q}</b>: {g} — by {d}").format(q=p.quarter, g=_html(p.goal),
                                                                          d=p.deadline.isoformat()))
        if not lines and f.under_target:
            lines.append(f"<span style='color:#c62828'>{tr('Under target: an improvement plan is needed.')}</span>")
        self.plans_label.setText("<br>".join(lines))

    # --- actions -----------------------------------------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        self.ctx.bus.operation_did_execute.emit(changes, self)
        self.refresh()

    def _on_quarter_box_current_index_changed(self, _i: int) -> None:
        self.quarter = self.quarter_box.currentData()
        self.refresh()

    def _on_team_current_index_changed(self, _i: int) -> None:
        self.team_id = self.team.currentData()
        self.refresh()

    def _on_card_double_clicked(self, index: Any) -> None:
        a = self.selected_agent()
        if a is None or self.review is None:
            return
        rule_id = self.card_model.row_at(index.row()).rule_id
        actor, window, agent_id = self.ctx.actor, self.review.window, a.figures.agent_id
        self.ctx.tasks.query(lambda s: indicator_evidence(s, actor, agent_id, window, rule_id)) \
            .success(lambda ev: EvidenceDialog(a.figures.name, ev, self).exec()) \
            .failure(lambda exc: show_error(self, exc)).run()

    def _on_comment_button_clicked(self) -> None:
        a = self.selected_agent()
        if a is None or self.review is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, tr("Comment on {a}").format(a=a.figures.name),
                                                 tr("Supervisor's comment for the quarter"), a.comment)
        if not ok:
            return
        reason = None
        if self.review.status == "published":
            reason, ok = QInputDialog.getText(self, tr("Amendment"),
                                              tr("The quarter is published. Why does the comment change?"))
            if not ok:
                return
        self.save_comment(a, text, reason)

    def save_comment(self, a: AgentReview, text: str, reason: str | None = None) -> None:
        actor, quarter, agent_id, version = self.ctx.actor, self.quarter, a.figures.agent_id, a.comment_version
        self.ctx.tasks.command(lambda s: save_comment(s, actor, quarter, agent_id, text, version, reason=reason)) \
            .success(self._changed).failure(lambda exc: show_error(self, exc, on_reload=self.refresh)).run()

    def _on_plan_button_clicked(self) -> None:
        a = self.selected_agent()
        if a is None or self.review is None:
            return
        dialog = PlanDialog(a.figures.name, self.review.window.last_day, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_plan(a, *dialog.values())

    def add_plan(self, a: AgentReview, goal: str, measures: str, deadline: date) -> None:
        actor, quarter, agent_id = self.ctx.actor, self.quarter, a.figures.agent_id
        self.ctx.tasks.command(lambda s: add_plan(s, actor, quarter, agent_id, goal=goal, measures=measures,
                                                  deadline=deadline)) \
            .success(self._changed).failure(lambda exc: show_error(self, exc)).run()

    def _on_close_plan_button_clicked(self) -> None:
        a = self.selected_agent()
        if a is None:
            return
        plans = list(a.plans) + list(a.carried_plans)
        names = [f"{p.quarter}: {p.goal}" for p in plans]
        choice, ok = QInputDialog.getItem(self, tr("Close plan"), tr("Plan"), names, 0, False)
        if not ok:
            return
        plan = plans[names.index(choice)]
        labels = {tr("achieved"): "achieved", tr("missed"): "missed", tr("cancelled"): "cancelled",
                  tr("open"): "open"}
        status_label, ok = QInputDialog.getItem(self, tr("Close plan"), tr("Outcome"), list(labels), 0, False)
        if not ok:
            return
        outcome, ok = QInputDialog.getText(self, tr("Close plan"), tr("What happened? (needed when missed or "
                                                                      "cancelled)"))
        if not ok:
            return
        actor, status = self.ctx.actor, labels[status_label]
        self.ctx.tasks.command(lambda s: update_plan(s, actor, plan.id, plan.version, status=status, outcome=outcome)) \
            .success(self._changed).failure(lambda exc: show_error(self, exc, on_reload=self.refresh)).run()

    def _on_adopt_button_clicked(self) -> None:
        a = self.selected_agent()
        if a is None:
            return
        reason, ok = QInputDialog.getText(self, tr("Amend published figures"),
                                          tr("Why are {a}'s figures corrected?").format(a=a.figures.name))
        if ok:
            actor, quarter, agent_id = self.ctx.actor, self.quarter, a.figures.agent_id
            self.ctx.tasks.command(lambda s: adopt_recomputed(s, actor, quarter, agent_id, reason)) \
                .success(self._changed).failure(lambda exc: show_error(self, exc)).run()

    def _on_publish_button_clicked(self) -> None:
        r = self.review
        if r is None:
            return
        question = tr("Publish {q}? The figures and rule values are frozen; later corrections are recorded as "
                      "amendments.").format(q=r.quarter)
        if r.plans_missing:
            question += "\n\n" + tr("{n} agent(s) under target have no improvement plan yet.").format(
                n=len(r.plans_missing))
        if QMessageBox.question(self, tr("Publish the quarter"), question) != QMessageBox.StandardButton.Yes:
            return
        actor, quarter = self.ctx.actor, self.quarter
        self.ctx.tasks.command(lambda s: publish(s, actor, quarter)) \
            .success(self._changed).failure(lambda exc: show_error(self, exc)).run()

    def _on_weights_button_clicked(self) -> None:
        self.ctx.tasks.query(lambda s: load_weights(s).values).success(self._edit_weights) \
            .failure(lambda exc: show_error(self, exc)).run()

    def _edit_weights(self, weights: dict[str, float]) -> None:
        dialog = WeightsDialog(weights, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values, actor = dialog.values(), self.ctx.actor
        self.ctx.tasks.command(lambda s: update_kpi_weights(s, actor, values)) \
            .success(self._changed).failure(lambda exc: show_error(self, exc)).run()

    # --- export and print ------------------------------------------------------------------------------
    def _on_export_button_clicked(self) -> None:
        if self.review is None:
            return
        suggested = str(Path.home() / f"floorwalker-{self.review.quarter}.xlsx")
        path, _f = QFileDialog.getSaveFileName(self, tr("Export the quarterly review"), suggested,
                                               tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> bool:
        if self.review is None:
            return False
        headings = [tr(h) for h in default_headings()]
        try:
            write_quarter(self.review, path, headings=headings)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, tr("Export failed"), tr("The review could not be written to {p}:\n{e}").format(
                p=path, e=getattr(exc, "strerror", None) or exc))
            return False
        return True

    def _pack(self, then: Any) -> None:
        actor, quarter, team_id = self.ctx.actor, self.quarter, self.team_id
        team_name = self.team.currentText() if team_id is not None else None
        self.ctx.tasks.query(lambda s: pack_data(s, actor, quarter, team_id=team_id, team_name=team_name)) \
            .with_progress(self, tr("Preparing the pack…")).success(then) \
            .failure(lambda exc: show_error(self, exc)).run()

    def _on_pdf_button_clicked(self) -> None:
        if self.review is None:
            return
        suggested = str(Path.home() / f"floorwalker-review-{self.review.quarter}.pdf")
        path, _f = QFileDialog.getSaveFileName(self, tr("Save the pack as PDF"), suggested, tr("PDF (*.pdf)"))
        if path:
            self._pack(lambda data: self.save_pdf(data, Path(path)))

    def save_pdf(self, data: PackData, path: Path, page_size: str = "A4") -> bool:
        try:
            save_pack_pdf(data, path, page_size=page_size)
        except OSError as exc:
            QMessageBox.warning(self, tr("Could not save the PDF"), f"{path}\n{exc}")
            return False
        return True

    def _on_preview_button_clicked(self) -> None:
        self._pack(self.preview)

    def preview(self, data: PackData, *, exec_dialog: bool = True) -> QPrintPreviewDialog:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout("Letter" if _letter_locale() else "A4"))
        printer.setDocName(f"{data.review.center} {data.review.quarter}")
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(tr("Quarterly review pack — print preview"))
        dialog.resize(900, 1000)
        dialog.paintRequested.connect(lambda p: render_pack(p, data))
        if exec_dialog:
            dialog.exec()
        return dialog


def _letter_locale() -> bool:
    from PySide6.QtCore import QLocale

    return QLocale().territory() in (QLocale.Country.UnitedStates, QLocale.Country.Canada)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

