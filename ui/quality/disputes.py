"""Disputes: enter an agent's dispute of one answer (from the Review tab), decide it here, see the history.

The decision belongs to another supervisor than the review's reviewer and whoever entered the
dispute (the service checks it and says so); accept, partly (with the answer that applies now)
or reject, always with a reason. The full history of each dispute is listed under it.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.quality.disputes import (
    DEFAULT_DAYS,
    DIALOGUE,
    DisputeEventView,
    DisputeView,
    decide_dispute,
    dispute_history,
    list_disputes,
    raise_dispute,
)
from app.quality.reviews import ReviewData, get_review
from app.quality.scorecards import NA, Question, Scorecard, get_scorecard
from app.security.permissions import allowed, row_scope
from ui.context import ConsoleContext
from ui.errors import message_text, show_error
from ui.quality.formatting import date_edit_format, format_datetime, qdate
from ui.quality.models import DONE_COLOR, ROW_ROLE, SHORT_COLOR
from ui.quality.tab import QualityTab
from ui.widgets.table_model import Index, RowTableModel
from ui.widgets.tables import row_table_defaults


def tr(text: str) -> str:
    return QCoreApplication.translate("disputes", text)


STATUS_LABELS = {"open": QT_TRANSLATE_NOOP("disputes", "Open"), "accepted": QT_TRANSLATE_NOOP("disputes", "Accepted"),
                 "partly": QT_TRANSLATE_NOOP("disputes", "Partly accepted"),
                 "rejected": QT_TRANSLATE_NOOP("disputes", "Rejected")}


def status_text(status: str) -> str:
    return tr(STATUS_LABELS.get(status, status))


def answer_text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    text = str(value)
    return {"yes": tr("Yes"), "no": tr("No"), NA: tr("N/A")}.get(text.lower(), text)


class AnswerInput(QWidget):
    """An answer for one question kind (or the 1-10 dialogue score), as the dispute service reads it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(self)
        self.spin = QSpinBox(self)
        self.na = QRadioButton(tr("N/A"), self)
        self.na.setAutoExclusive(False)
        layout.addWidget(self.combo)
        layout.addWidget(self.spin)
        layout.addWidget(self.na)
        layout.addStretch(1)
        self.set_question(None)

    def set_question(self, question: Question | None) -> None:
        """None: the dialogue score (1-10)."""
        kind = "dialogue" if question is None else question.kind
        self.combo.clear()
        self.combo.setVisible(kind == "yes_no")
        self.spin.setVisible(kind != "yes_no")
        self.na.setVisible(question is not None and question.allow_na)
        self.na.setChecked(False)
        if kind == "yes_no":
            self.combo.addItem(tr("Yes"), "yes")
            self.combo.addItem(tr("No"), "no")
        elif kind == "points" and question is not None:
            self.spin.setRange(0, question.max_points)
        else:
            self.spin.setRange(1, 10)

    def value(self) -> Any:
        if self.na.isVisible() and self.na.isChecked():
            return NA
        if self.combo.isVisible():
            return self.combo.currentData()
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        if str(value).lower() == NA:
            self.na.setChecked(True)
        elif self.combo.isVisible():
            self.combo.setCurrentIndex(max(0, self.combo.findData(str(value).lower())))
        else:
            try:
                self.spin.setValue(int(float(value)))
            except (TypeError, ValueError):
                pass


class DisputeDialog(QDialog):
    """Enter an agent's dispute of one answer of a saved review (on the agent's behalf)."""

    def __init__(self, ctx: ConsoleContext, scorecard: Scorecard | None, review: ReviewData, agent: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.review = review
        self.scorecard = scorecard
        self.setObjectName("dispute_dialog")
        self.setWindowTitle(tr("Dispute a review of %1").replace("%1", agent))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Entered on the agent's behalf. Another supervisor decides by the deadline; the review "
                          "shows as disputed until then."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.question = QComboBox(self)
        self.question.setObjectName("dispute_question")
        self.question.addItem(tr("Dialogue score (1-10)"), DIALOGUE)
        for q in scorecard.questions if scorecard else ():
            self.question.addItem(q.label + (" · " + tr("critical") if q.critical else ""), q.key)
        form.addRow(tr("Question"), self.question)
        self.current = QLabel(self)
        self.current.setObjectName("dispute_current")
        form.addRow(tr("Reviewer's answer"), self.current)
        self.proposed = AnswerInput(self)
        self.proposed.setObjectName("dispute_proposed")
        form.addRow(tr("Agent proposes"), self.proposed)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("dispute_reason")
        self.reason.setPlaceholderText(tr("The agent's reason, in their words"))
        self.reason.setFixedHeight(72)
        self.reason.setTabChangesFocus(True)
        form.addRow(tr("Reason"), self.reason)
        self.deadline = QDateEdit(self)
        self.deadline.setObjectName("dispute_deadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat(date_edit_format())
        from app import clock

        today = clock.now().astimezone(ctx.timezone).date()
        self.deadline.setMinimumDate(qdate(today + timedelta(days=1)))
        self.deadline.setDate(qdate(today + timedelta(days=DEFAULT_DAYS)))
        self.deadline.setToolTip(tr("Decided by the end of this day (center time)"))
        form.addRow(tr("Decide by"), self.deadline)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("dispute_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d64541;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(tr("Enter dispute"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.question.currentIndexChanged.connect(self._on_question_current_index_changed)
        self._on_question_current_index_changed(0)
        self.dispute_id: int | None = None

    def _on_question_current_index_changed(self, _index: int) -> None:
        key = self.question.currentData()
        q = None if key == DIALOGUE or self.scorecard is None else self.scorecard.question(key)
        current = self.review.dialogue_score if key == DIALOGUE else self.review.answers.get(key)
        self.current.setText(answer_text(current))
        self.proposed.set_question(q)
        if current is not None:
            self.proposed.set_value(current)

    def submit(self) -> None:
        review_id, key = self.review.id, self.question.currentData()
        value, reason = self.proposed.value(), self.reason.toPlainText()
        day = self.deadline.date().toPython() + timedelta(days=1)  # the end of the chosen day
        deadline = datetime.combine(day, time(0), tzinfo=self.ctx.timezone)
        actor = self.ctx.actor

        def done(result: Any) -> None:
            self.dispute_id, changes = result
            self.ctx.bus.operation_did_execute.emit(changes, self)
            self.accept()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValueError):
                self.error.setText(message_text(exc))
                self.error.show()
            else:
                show_error(self, exc)

        self.ctx.tasks.command(lambda s: raise_dispute(s, actor, review_id, key, reason=reason, proposed_value=value,
                                                       deadline=deadline)).success(done).failure(failed).run()


DISPUTE_COLUMNS = ("status", "agent", "question", "change", "raised_by", "deadline")


class DisputeModel(RowTableModel[DisputeView]):
    def __init__(self, ctx: ConsoleContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._headers = [tr("Status"), tr("Agent"), tr("Question"), tr("Answer → proposed"), tr("Entered by"),
                         tr("Deadline")]

    def set_rows(self, rows: list[DisputeView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        d = self._rows[index.row()]
        key = DISPUTE_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "status":
                return status_text(d.status) + (" · " + tr("overdue") if d.overdue else "")
            if key == "agent":
                return d.agent
            if key == "question":
                return d.question
            if key == "change":
                text = f"{answer_text(d.current_value)} → {answer_text(d.proposed_value)}"
                if d.status == "partly":
                    text += " (" + tr("now %1").replace("%1", answer_text(d.decided_value)) + ")"
                return text
            if key == "raised_by":
                return d.raised_by
            return format_datetime(d.deadline, self.ctx.timezone)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            if d.overdue:
                return SHORT_COLOR
            return DONE_COLOR if d.status == "accepted" else None
        if role == ROW_ROLE:
            return d
        return None


class DisputesPage(QualityTab):
    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("disputes_page")
        self.rows: list[DisputeView] = []
        self.history: tuple[DisputeEventView, ...] = ()
        self._detail_request = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        self.filter = QComboBox(self)
        self.filter.setObjectName("disputes_filter")
        self.filter.addItem(tr("All disputes"), None)
        self.filter.addItem(tr("Open disputes"), "open")
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.filter)
        self.summary = QLabel(self)
        self.summary.setObjectName("disputes_summary")
        bar.addWidget(self.summary, 1)
        hint = QLabel(tr("Enter a dispute from the Review tab (a reviewed item → Dispute…)."), self)
        hint.setObjectName("hint")
        bar.addWidget(hint)
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = DisputeModel(ctx, self)
        self.table = QTableView(left)
        self.table.setObjectName("disputes_table")
        self.table.setModel(self.model)
        row_table_defaults(self.table, word_wrap=False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        left_layout.addWidget(self.table, 1)
        self.empty = QLabel(left)
        self.empty.setObjectName("empty_state")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left_layout.addWidget(self.empty)
        right = QWidget(splitter)
        self.side = right
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        self.detail = QLabel(right)
        self.detail.setObjectName("dispute_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        right_layout.addWidget(self.detail)
        self.decision_box = QGroupBox(tr("Decision"), right)
        self.decision_box.setObjectName("dispute_decision")
        box = QFormLayout(self.decision_box)
        choices = QHBoxLayout()
        self.decisions = QButtonGroup(self)
        self.decision_buttons: dict[str, QRadioButton] = {}
        for key, text in (("accept", tr("Accept")), ("partly", tr("Partly")), ("reject", tr("Reject"))):
            button = QRadioButton(text, self.decision_box)
            button.setObjectName(f"decide_{key}")
            self.decisions.addButton(button)
            self.decision_buttons[key] = button
            choices.addWidget(button)
            button.toggled.connect(self._on_decision_toggled)
        choices.addStretch(1)
        box.addRow(tr("Decision"), choices)
        self.partly_value = AnswerInput(self.decision_box)
        self.partly_value.setObjectName("decide_value")
        self.partly_label = QLabel(tr("Answer that applies"), self.decision_box)
        box.addRow(self.partly_label, self.partly_value)
        self.reason = QPlainTextEdit(self.decision_box)
        self.reason.setObjectName("decide_reason")
        self.reason.setPlaceholderText(tr("Why — the agent and the reviewer read this"))
        self.reason.setFixedHeight(64)
        self.reason.setTabChangesFocus(True)
        box.addRow(tr("Reason"), self.reason)
        self.decide_button = QPushButton(tr("Decide"), self.decision_box)
        self.decide_button.setObjectName("decide_button")
        self.decide_button.clicked.connect(self.decide)
        self.decision_error = QLabel(self.decision_box)
        self.decision_error.setObjectName("decide_error")
        self.decision_error.setWordWrap(True)
        self.decision_error.setStyleSheet("color: #d64541;")
        row = QHBoxLayout()
        row.addWidget(self.decision_error, 1)
        row.addWidget(self.decide_button)
        box.addRow(row)
        right_layout.addWidget(self.decision_box)
        history_title = QLabel(tr("History"), right)
        history_title.setStyleSheet("font-weight: 600;")
        right_layout.addWidget(history_title)
        self.history_label = QLabel(right)
        self.history_label.setObjectName("dispute_history")
        self.history_label.setWordWrap(True)
        self.history_label.setTextFormat(Qt.TextFormat.RichText)
        self.history_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        right_layout.addWidget(self.history_label, 1)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.show_dispute(None)

    @staticmethod
    def tab_title() -> str:
        return QCoreApplication.translate("quality", "Disputes")

    def reload(self) -> None:
        actor, status = self.ctx.actor, self.filter.currentData()
        if not allowed(actor, "qa.review"):
            # an administrator or a scheduler sees no disputes (R-QA-2 is for reviewers): say so, ask nothing
            self.rows = []
            self.model.set_rows([])
            self.table.hide()
            self.side.hide()
            self.summary.setText("")
            self.empty.setText(tr("Disputes are decided by reviewers (supervisors, quality analysts, managers)."))
            self.empty.show()
            self.mark_loaded()
            return
        self.load(lambda s: (list_disputes(s, actor, status=status), row_scope(s, actor)), self._on_loaded)

    def _on_loaded(self, result: tuple[list[DisputeView], Any]) -> None:
        rows, scope = result
        self.scope_did_load.emit(scope)
        keep = self.selected()
        self.rows = rows
        self.model.set_rows(rows)
        locale = QLocale()
        open_n = sum(1 for d in rows if d.status == "open")
        overdue = sum(1 for d in rows if d.overdue)
        text = tr("%1 open").replace("%1", locale.toString(open_n))
        if overdue:
            text += " · " + tr("%1 past the deadline").replace("%1", locale.toString(overdue))
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #d64541;" if overdue else "")
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.side.setVisible(bool(rows))
        self.empty.setText(tr("No open disputes.") if self.filter.currentData() == "open" else tr("No disputes yet."))
        row = next((i for i, d in enumerate(rows) if keep is not None and d.id == keep.id), 0 if rows else None)
        if row is not None:
            self.table.selectRow(row)
            self.show_dispute(rows[row])
        else:
            self.show_dispute(None)
        self.mark_loaded()

    def selected(self) -> DisputeView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_table_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self.show_dispute(self.selected())

    def show_dispute(self, d: DisputeView | None) -> None:
        self._detail_request += 1
        request = self._detail_request
        self.decision_error.clear()
        if d is None:
            self.detail.setText(tr("Select a dispute."))
            self.decision_box.hide()
            self.history_label.clear()
            return
        tz = self.ctx.timezone
        lines = [f"<b>{_html(d.agent)}</b> · {_html(d.question)}",
                 tr("Reviewer's answer %1, the agent proposes %2").replace("%1", _html(answer_text(d.current_value)))
                 .replace("%2", _html(answer_text(d.proposed_value))),
                 tr("Reason: %1").replace("%1", _html(d.reason)),
                 tr("Entered by %1 on %2 · decide by %3").replace("%1", _html(d.raised_by))
                 .replace("%2", format_datetime(d.raised_at, tz)).replace("%3", format_datetime(d.deadline, tz))]
        if d.status != "open":
            lines.append("<b>" + _html(status_text(d.status)) + "</b> " + tr("by %1 on %2: %3")
                         .replace("%1", _html(d.decided_by or "")).replace("%2", format_datetime(d.decided_at, tz))
                         .replace("%3", _html(d.decision_reason or "")))
        self.detail.setText("<br>".join(lines))
        self.decision_box.setVisible(d.status == "open")
        if d.status == "open":
            mine = self.ctx.actor.username == d.raised_by
            self.decide_button.setEnabled(not mine)
            if mine:
                self.decision_error.setText(tr("You entered this dispute: another supervisor decides it."))
            for button in self.decision_buttons.values():
                button.setEnabled(not mine)
            self.reason.setEnabled(not mine)
            self.partly_value.set_question(None)
        actor = self.ctx.actor
        self.history_label.setText(tr("Loading…"))

        def done(events: tuple[DisputeEventView, ...]) -> None:
            if request == self._detail_request:
                self.history = events
                self.history_label.setText(_history_html(events, tz))

        self.ctx.tasks.query(lambda s: _history_with_card(s, actor, d)).success(
            lambda result: (self._set_partly_question(request, result[1]), done(result[0]))).failure(
            lambda exc: self.history_label.setText(_html(message_text(exc)))).run()

    def _set_partly_question(self, request: int, question: Question | None) -> None:
        if request == self._detail_request:
            self.partly_value.set_question(question)
            self._on_decision_toggled(True)

    def _on_decision_toggled(self, _on: bool) -> None:
        partly = self.decision_buttons["partly"].isChecked()
        self.partly_value.setVisible(partly)
        self.partly_label.setVisible(partly)

    def decide(self) -> None:
        d = self.selected()
        choice = next((k for k, b in self.decision_buttons.items() if b.isChecked()), None)
        if d is None:
            return
        if choice is None:
            self.decision_error.setText(tr("Choose accept, partly or reject."))
            return
        reason = self.reason.toPlainText()
        value = self.partly_value.value() if choice == "partly" else None
        actor = self.ctx.actor

        def done(changes: Any) -> None:
            self.reason.clear()
            self.ctx.bus.operation_did_execute.emit(changes, self)
            self.refresh()

        def failed(exc: BaseException) -> None:
            from app.security.permissions import PermissionDenied

            if isinstance(exc, ValueError | PermissionDenied):
                self.decision_error.setText(message_text(exc))
            else:
                show_error(self, exc, on_reload=self.refresh)

        self.ctx.tasks.command(lambda s: decide_dispute(s, actor, d.id, choice, reason=reason, decided_value=value,
                                                        expected_version=d.version)).success(done).failure(
            failed).run()


def _history_with_card(session: Any, actor: Any, d: DisputeView) -> tuple[tuple[DisputeEventView, ...],
                                                                          Question | None]:
    """The dispute's history, and its question (the input of a "partly" answer)."""
    events = dispute_history(session, actor, d.id)
    review = get_review(session, d.review_id)
    if d.question_key == DIALOGUE or review.scorecard_id is None:
        return events, None
    return events, get_scorecard(session, review.scorecard_id).question(d.question_key)


def _history_html(events: tuple[DisputeEventView, ...], tz: Any) -> str:
    lines = []
    for e in events:
        details = e.details
        if e.action == "raised":
            what = tr("entered: %1 → %2").replace("%1", _html(answer_text(details.get("current")))).replace(
                "%2", _html(answer_text(details.get("proposed"))))
        elif e.action == "decided":
            before = details.get("review_before") or {}
            after = details.get("review_after") or {}
            what = _html(tr("%1: %2").replace("%1", status_text(str(details.get("decision", "")))).replace(
                "%2", str(details.get("reason", ""))))
            if before != after:
                what += " · " + tr("score %1 → %2, dialogue %3 → %4").replace(
                    "%1", _pct(before.get("score_pct"))).replace("%2", _pct(after.get("score_pct"))).replace(
                    "%3", str(before.get("dialogue_score", "—"))).replace("%4", str(after.get("dialogue_score", "—")))
        else:
            what = _html(e.action)
        lines.append(f"{format_datetime(e.at, tz)} · <b>{_html(e.actor)}</b> {what}")
    return "<br>".join(lines) or tr("No history.")


def _pct(value: Any) -> str:
    return "—" if value is None else QLocale().toString(float(value), "f", 1) + " %"


def _html(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

