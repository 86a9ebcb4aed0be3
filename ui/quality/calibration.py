"""The Calibration tab: several reviewers score one interaction blind, then compare.

While a session is open each invited reviewer sees only their own form (and who has submitted);
once the organiser closes it the results show per question every reviewer's answer (as a share
of full marks) with the spread, Krippendorff's alpha for the group, and per reviewer the mean
deviation from the others and the alpha without them. Calibration scores never count in an
agent's figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.admin.people import list_people
from app.quality.calibration import (
    MANAGING_ROLES,
    CalibrationInfo,
    CalibrationResults,
    calibration_results,
    close_calibration,
    create_calibration,
    get_calibration,
    list_calibrations,
    submit_calibration_score,
)
from app.quality.interactions import InteractionDetail, interaction_detail
from app.quality.recordings import open_recording, recordings_root, resolve
from app.quality.reviews import SampleItem, worklist
from app.quality.scorecards import Scorecard, get_scorecard
from app.security.permissions import PermissionDenied, allowed, row_scope
from ui.context import ConsoleContext
from ui.errors import message_text, show_error
from ui.quality.formatting import format_datetime
from ui.quality.models import ROW_ROLE
from ui.quality.player import RecordingPlayer
from ui.quality.scorecard_form import ScorecardForm
from ui.quality.tab import QualityTab
from ui.widgets.table_model import Index, RowTableModel
from ui.widgets.tables import row_table_defaults

REVIEWER_TITLES = ("supervisor", "quality_analyst", "manager", "trainer")
WIDE_SPREAD = 20.0  # points of 100: a question the reviewers read differently
JOB_TITLES = {
    "agent": QT_TRANSLATE_NOOP("calibration", "agent"), "supervisor": QT_TRANSLATE_NOOP("calibration", "supervisor"),
    "quality_analyst": QT_TRANSLATE_NOOP("calibration", "quality analyst"),
    "manager": QT_TRANSLATE_NOOP("calibration", "manager"), "trainer": QT_TRANSLATE_NOOP("calibration", "trainer"),
    "scheduler": QT_TRANSLATE_NOOP("calibration", "scheduler"),
    "administrator": QT_TRANSLATE_NOOP("calibration", "administrator"),
}
GOOD_ALPHA, TENTATIVE_ALPHA = 0.8, 0.667  # Krippendorff's usual thresholds


def tr(text: str) -> str:
    return QCoreApplication.translate("calibration", text)


def alpha_text(alpha: float | None) -> str:
    if alpha is None:
        return tr("α: not enough variation to compute")
    locale = QLocale()
    if alpha >= GOOD_ALPHA:
        verdict = tr("good agreement")
    elif alpha >= TENTATIVE_ALPHA:
        verdict = tr("tentative agreement")
    else:
        verdict = tr("low agreement: talk the scorecard through")
    return tr("Krippendorff's α = %1 (%2)").replace("%1", locale.toString(alpha, "f", 2)).replace("%2", verdict)


class NewCalibrationDialog(QDialog):
    """Pick the interaction (from the week's sample) and at least two reviewers."""

    def __init__(self, ctx: ConsoleContext, candidates: list[SampleItem], reviewers: list[tuple[int, str, str]],
                 preselect: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("new_calibration")
        self.setWindowTitle(tr("New calibration session"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Each reviewer scores the same interaction without seeing the others' scores. Results "
                          "are shown when you close the session; they never count in the agent's figures."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.title.setObjectName("calibration_title")
        self.title.setPlaceholderText(tr("e.g. Week 47 calibration: refund call"))
        form.addRow(tr("Title"), self.title)
        self.interaction = QComboBox(self)
        self.interaction.setObjectName("calibration_interaction")
        tz = ctx.timezone
        for item in candidates:
            self.interaction.addItem(f"{format_datetime(item.offered_at, tz)} · {item.agent} · {item.queue}",
                                     item.interaction_id)
        if preselect is not None:
            self.interaction.setCurrentIndex(max(0, self.interaction.findData(preselect)))
        form.addRow(tr("Interaction"), self.interaction)
        self.reviewers = QListWidget(self)
        self.reviewers.setObjectName("calibration_reviewers")
        for person_id, name, title in reviewers:
            item = QListWidgetItem(f"{name} · {tr(JOB_TITLES[title]) if title in JOB_TITLES else title.replace('_', ' ')}",
                                   self.reviewers)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person_id == ctx.actor.person_id
                               else Qt.CheckState.Unchecked)
        self.reviewers.setMinimumHeight(160)
        form.addRow(tr("Reviewers"), self.reviewers)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("calibration_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d64541;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(tr("Start session"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.created: CalibrationInfo | None = None
        if not candidates:
            self.error.setText(tr("There is no sampled interaction to calibrate on yet."))
            self.error.show()
            self.ok_button.setEnabled(False)

    def chosen_reviewers(self) -> list[int]:
        out = []
        for row in range(self.reviewers.count()):
            item = self.reviewers.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_reviewers(self, ids: list[int]) -> None:
        for row in range(self.reviewers.count()):
            item = self.reviewers.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids
                               else Qt.CheckState.Unchecked)

    def submit(self) -> None:
        interaction_id = self.interaction.currentData()
        reviewers = self.chosen_reviewers()
        title = self.title.text()
        if len(reviewers) < 2:
            self.error.setText(tr("Choose at least two reviewers."))
            self.error.show()
            return
        actor = self.ctx.actor

        def done(result: Any) -> None:
            self.created, changes = result
            self.ctx.bus.operation_did_execute.emit(changes, self)
            self.accept()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValueError | PermissionDenied):
                self.error.setText(message_text(exc))
                self.error.show()
            else:
                show_error(self, exc)

        self.ctx.tasks.command(lambda s: create_calibration(s, actor, interaction_id, reviewers, title=title)) \
            .success(done).failure(failed).run()


class CalibrationModel(RowTableModel[CalibrationInfo]):
    def __init__(self, ctx: ConsoleContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._headers = [tr("Session"), tr("Status"), tr("Scored"), tr("Started")]

    def set_rows(self, rows: list[CalibrationInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return c.title
            if column == 1:
                return tr("Open (blind)") if c.status == "open" else tr("Closed")
            if column == 2:
                return f"{len(c.submitted)}/{len(c.reviewers)}"
            return format_datetime(c.created_at, self.ctx.timezone) + " · " + c.created_by
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return c.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return c
        return None


class CalibrationPage(QualityTab):
    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("calibration_page")
        self.may_review = allowed(ctx.actor, "qa.review")
        self.current: CalibrationInfo | None = None
        self.card: Scorecard | None = None
        self.results: CalibrationResults | None = None
        self.dialog: NewCalibrationDialog | None = None
        self._detail_request = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        self.new_button = QPushButton(tr("New session…"), self)
        self.new_button.setObjectName("calibration_new")
        self.new_button.setEnabled(self.may_review)
        self.new_button.clicked.connect(lambda: self.new_session())
        bar.addWidget(self.new_button)
        self.filter = QComboBox(self)
        self.filter.setObjectName("calibration_filter")
        self.filter.addItem(tr("All sessions"), None)
        self.filter.addItem(tr("Open"), "open")
        self.filter.addItem(tr("Closed"), "closed")
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.filter)
        bar.addStretch(1)
        hint = QLabel(tr("Calibration scores never count in an agent's QA figures."), self)
        hint.setObjectName("hint")
        bar.addWidget(hint)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = CalibrationModel(ctx, self)
        self.table = QTableView(left)
        self.table.setObjectName("calibration_table")
        self.table.setModel(self.model)
        row_table_defaults(self.table, word_wrap=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        left_layout.addWidget(self.table, 1)
        self.empty = QLabel(left)
        self.empty.setObjectName("empty_state")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left_layout.addWidget(self.empty)

        self.stack = QStackedWidget(splitter)
        self.placeholder = QLabel(tr("Select a session, or start one with New session…"), self.stack)
        self.placeholder.setObjectName("empty_state")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        # --- an open session: blind scoring
        self.open_view = QWidget(self.stack)
        open_layout = QVBoxLayout(self.open_view)
        open_layout.setContentsMargins(8, 0, 0, 0)
        self.open_info = QLabel(self.open_view)
        self.open_info.setObjectName("calibration_info")
        self.open_info.setWordWrap(True)
        self.open_info.setTextFormat(Qt.TextFormat.RichText)
        open_layout.addWidget(self.open_info)
        self.player = RecordingPlayer(ctx.tasks, self.open_view)
        self.player.audit = self._audit_playback
        self.player.install_shortcuts(self.open_view)
        open_layout.addWidget(self.player)
        self.form = ScorecardForm(self.open_view, notes=False)
        scroll = QScrollArea(self.open_view)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        open_layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.open_status = QLabel(self.open_view)
        self.open_status.setObjectName("calibration_status")
        self.open_status.setWordWrap(True)
        self.submit_button = QPushButton(tr("Submit my score"), self.open_view)
        self.submit_button.setObjectName("calibration_submit")
        self.submit_button.clicked.connect(self.submit_score)
        self.close_button = QPushButton(tr("Close and show results"), self.open_view)
        self.close_button.setObjectName("calibration_close")
        self.close_button.clicked.connect(self.close_session)
        buttons.addWidget(self.open_status, 1)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.close_button)
        open_layout.addLayout(buttons)
        self.stack.addWidget(self.open_view)
        # --- a closed session: results
        self.results_view = QWidget(self.stack)
        results_layout = QVBoxLayout(self.results_view)
        results_layout.setContentsMargins(8, 0, 0, 0)
        self.results_title = QLabel(self.results_view)
        self.results_title.setObjectName("calibration_results_title")
        self.results_title.setWordWrap(True)
        self.results_title.setTextFormat(Qt.TextFormat.RichText)
        results_layout.addWidget(self.results_title)
        self.alpha_label = QLabel(self.results_view)
        self.alpha_label.setObjectName("calibration_alpha")
        self.alpha_label.setStyleSheet("font-weight: 600;")
        results_layout.addWidget(self.alpha_label)
        self.questions = QTableWidget(self.results_view)
        self.questions.setObjectName("calibration_questions")
        self.questions.verticalHeader().hide()
        self.questions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.questions.setAlternatingRowColors(True)
        self.questions.setWordWrap(False)
        self.questions.verticalHeader().setDefaultSectionSize(24)
        results_layout.addWidget(self.questions, 3)
        reviewers_title = QLabel(tr("Agreement per reviewer"), self.results_view)
        reviewers_title.setStyleSheet("font-weight: 600;")
        results_layout.addWidget(reviewers_title)
        self.reviewers = QTableWidget(self.results_view)
        self.reviewers.setObjectName("calibration_reviewers_table")
        self.reviewers.verticalHeader().hide()
        self.reviewers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reviewers.verticalHeader().setDefaultSectionSize(24)
        results_layout.addWidget(self.reviewers, 1)
        note = QLabel(tr("Values are shares of full marks (0-100). Spread: lowest, highest, mean and standard "
                         "deviation; rows with a deviation over %1 are highlighted. Deviation per reviewer: mean "
                         "distance from the others' mean, in points of 100.").replace("%1", f"{WIDE_SPREAD:g}"),
                      self.results_view)
        note.setObjectName("hint")
        note.setWordWrap(True)
        results_layout.addWidget(note)
        self.stack.addWidget(self.results_view)
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 800])
        layout.addWidget(splitter, 1)

    @staticmethod
    def tab_title() -> str:
        return QCoreApplication.translate("quality", "Calibration")

    # --- the list ------------------------------------------------------------------------------------
    def reload(self) -> None:
        actor, status = self.ctx.actor, self.filter.currentData()
        if not self.may_review:
            self.model.set_rows([])
            self.table.hide()
            self.empty.setText(tr("Calibration is for reviewers (supervisors, quality analysts, managers)."))
            self.empty.show()
            self.mark_loaded()
            return
        self.load(lambda s: (list_calibrations(s, actor, status=status), row_scope(s, actor)), self._on_loaded)

    def _on_loaded(self, result: tuple[list[CalibrationInfo], Any]) -> None:
        rows, scope = result
        self.scope_did_load.emit(scope)
        keep = self.current.id if self.current else None
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.empty.setText(tr("No calibration sessions yet. Start one with New session…"))
        row = next((i for i, c in enumerate(rows) if c.id == keep), 0 if rows else None)
        if row is not None:
            self.table.selectRow(row)
            self.show_session(rows[row])
        else:
            self.show_session(None)
        self.mark_loaded()

    def _on_table_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        session = self.model.row_at(rows[0].row()) if rows else None
        if session is not None and (self.current is None or session.id != self.current.id
                                    or session.version != self.current.version):
            self.show_session(session)

    # --- one session ---------------------------------------------------------------------------------
    def show_session(self, info: CalibrationInfo | None) -> None:
        self.current = info
        self._detail_request += 1
        request = self._detail_request
        if info is None:
            self.player.clear()
            self.stack.setCurrentWidget(self.placeholder)
            return
        actor = self.ctx.actor
        calibration_id = info.id

        def load(s: Any) -> tuple[Any, ...]:
            fresh = get_calibration(s, actor, calibration_id)
            card = get_scorecard(s, fresh.scorecard_id)
            if fresh.status == "closed":
                return fresh, card, calibration_results(s, actor, calibration_id), None
            detail = interaction_detail(s, actor, fresh.interaction_id)
            path = resolve(recordings_root(s), detail.recording_ref) if detail and detail.recording_ref else None
            return fresh, card, None, (path, detail)

        def done(result: tuple[Any, ...]) -> None:
            if request == self._detail_request:
                self._show_loaded(*result)

        self.ctx.tasks.query(load).success(done).failure(lambda exc: show_error(self, exc)).run()

    def _show_loaded(self, info: CalibrationInfo, card: Scorecard, results: CalibrationResults | None,
                     recording: tuple[Path | None, InteractionDetail | None] | None) -> None:
        path, detail = recording or (None, None)
        self.current = info
        self.card = card
        self.results = results
        if results is not None:
            self.player.clear()
            self._show_results(results)
            self.stack.setCurrentWidget(self.results_view)
            return
        actor = self.ctx.actor
        invited = actor.person_id is not None and any(p == actor.person_id for p, _ in info.reviewers)
        names = []
        for person_id, name in info.reviewers:
            done = person_id in info.submitted
            names.append(("✓ " if done else "… ") + _html(name) + (" " + tr("(you)") if person_id == actor.person_id
                                                                    else ""))
        what = ""
        if detail is not None:
            r = detail.row
            what = _html(" · ".join(x for x in (format_datetime(r.offered_at, self.ctx.timezone), r.agent or "",
                                                r.queue, r.customer_masked or "") if x)) + "<br>"
        self.open_info.setText(
            f"<b>{_html(info.title)}</b><br>" + what
            + tr("Blind scoring: nobody sees the others' answers until the session is closed.") + "<br>"
            + tr("Scored: %1 of %2 — %3").replace("%1", str(len(info.submitted))).replace(
                "%2", str(len(info.reviewers))).replace("%3", ", ".join(names)))
        self.form.set_scorecard(card, info.my_answers, dialogue=info.my_dialogue_score)
        self.form.set_read_only(not invited)
        self.form.setVisible(invited)
        self.submit_button.setVisible(invited)
        self.submit_button.setText(tr("Update my score") if info.my_answers else tr("Submit my score"))
        may_close = actor.role in MANAGING_ROLES or actor.username == info.created_by
        self.close_button.setVisible(may_close)
        self.close_button.setEnabled(len(info.submitted) >= 2)
        self.close_button.setToolTip(tr("Needs at least two scores") if len(info.submitted) < 2 else "")
        if not invited:
            self.open_status.setText(tr("You are not a reviewer in this session."))
        elif info.my_answers:
            self.open_status.setText(tr("Your score is in; it stays hidden until the session is closed. You can "
                                        "change it until then."))
        else:
            self.open_status.setText("")
        if invited:
            self.player.load(info.interaction_id, path, path.name if path else "")
        else:
            self.player.clear(tr("Only the session's reviewers listen to the recording here."))
        self.stack.setCurrentWidget(self.open_view)

    def _show_results(self, r: CalibrationResults) -> None:
        locale = QLocale()
        tz = self.ctx.timezone
        self.results_title.setText(f"<b>{_html(r.info.title)}</b> · " + tr("closed %1").replace(
            "%1", format_datetime(r.info.closed_at, tz)))
        self.alpha_label.setText(alpha_text(r.alpha))
        names = [a.name for a in r.reviewers]
        headers = [tr("Question"), *names, tr("Lowest"), tr("Highest"), tr("Mean"), tr("SD")]
        rows = [*r.questions, r.dialogue]
        self.questions.clear()
        self.questions.setColumnCount(len(headers))
        self.questions.setRowCount(len(rows))
        self.questions.setHorizontalHeaderLabels(headers)
        wide = QColor(214, 69, 65, 45)
        for i, q in enumerate(rows):
            dialogue = q is r.dialogue
            digits = 0 if not dialogue else 1

            def cell(value: float | None, d: int = digits) -> str:
                return "—" if value is None else locale.toString(float(value), "f", d)

            values = [q.label if not dialogue else tr("Dialogue score (1-10)"), *[cell(v, 0) for v in q.values],
                      cell(q.minimum), cell(q.maximum), cell(q.mean, 1), cell(q.sd, 1)]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not dialogue and q.sd is not None and q.sd > WIDE_SPREAD:
                    item.setBackground(wide)
                    item.setToolTip(tr("The reviewers read this question differently"))
                self.questions.setItem(i, column, item)
        header = self.questions.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        rheaders = [tr("Reviewer"), tr("Score"), tr("Dialogue"), tr("Violations"), tr("Deviation"), tr("α without")]
        self.reviewers.clear()
        self.reviewers.setColumnCount(len(rheaders))
        self.reviewers.setRowCount(len(r.reviewers))
        self.reviewers.setHorizontalHeaderLabels(rheaders)
        self.reviewers.horizontalHeaderItem(5).setToolTip(tr("The group's α without this reviewer: higher than "
                                                             "the group's means this reviewer differs most"))
        for i, a in enumerate(r.reviewers):
            cells = [a.name, "—" if a.score_pct is None else locale.toString(a.score_pct, "f", 1) + " %",
                     locale.toString(a.dialogue_score), locale.toString(a.violations),
                     "—" if a.mean_abs_deviation is None else locale.toString(a.mean_abs_deviation, "f", 1),
                     "—" if a.alpha_without is None else locale.toString(a.alpha_without, "f", 2)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.reviewers.setItem(i, column, item)
        rh = self.reviewers.horizontalHeader()
        rh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    # --- actions -------------------------------------------------------------------------------------
    def new_session(self, preselect: int | None = None) -> NewCalibrationDialog | None:
        """Open the dialog (window-modal); candidates are this week's sampled interactions."""
        if not self.may_review:
            return None
        actor = self.ctx.actor

        def load(s: Any) -> tuple[list[SampleItem], list[tuple[int, str, str]]]:
            items = list(worklist(s, actor).items)
            people = [(p.id, p.full_name, p.job_title) for p in list_people(s, include_inactive=False)
                      if p.job_title in REVIEWER_TITLES]
            return items, people

        result: list[NewCalibrationDialog] = []

        def open_dialog(data: tuple[list[SampleItem], list[tuple[int, str, str]]]) -> None:
            dialog = NewCalibrationDialog(self.ctx, data[0], data[1], preselect, self.window())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self._on_created(dialog.created))
            self.dialog = dialog
            result.append(dialog)
            dialog.open()

        self.ctx.tasks.query(load).success(open_dialog).failure(lambda exc: show_error(self, exc)).run()
        return result[0] if result else None

    def _on_created(self, info: CalibrationInfo | None) -> None:
        if info is not None:
            self.current = info
        self.refresh()

    def submit_score(self) -> None:
        info = self.current
        if info is None:
            return
        dialogue = self.form.dialogue_score()
        if dialogue is None:
            self.open_status.setText(tr("Choose the dialogue score (1-10) before submitting."))
            return
        if self.form.unanswered():
            self.open_status.setText(tr("Answer every question (missing: %1).").replace(
                "%1", ", ".join(self.form.unanswered())))
            return
        actor, answers = self.ctx.actor, self.form.answers()

        def done(changes: Any) -> None:
            self.ctx.bus.operation_did_execute.emit(changes, self)
            self.refresh()

        self.ctx.tasks.command(lambda s: submit_calibration_score(s, actor, info.id, answers=answers,
                                                                  dialogue_score=dialogue)) \
            .success(done).failure(self._on_failed).run()

    def close_session(self) -> None:
        info = self.current
        if info is None:
            return
        actor = self.ctx.actor

        def done(changes: Any) -> None:
            self.ctx.bus.operation_did_execute.emit(changes, self)
            self.refresh()

        self.ctx.tasks.command(lambda s: close_calibration(s, actor, info.id)).success(done).failure(
            self._on_failed).run()

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValueError | PermissionDenied):
            self.open_status.setText(message_text(exc))
        else:
            show_error(self, exc, on_reload=self.refresh)

    def _audit_playback(self, interaction_id: int, ok: Any, failed: Any) -> None:
        from app.changes import Changes

        actor = self.ctx.actor

        def done(_r: Any) -> None:
            self.ctx.bus.operation_did_execute.emit(Changes.AUDIT, self)
            ok()

        self.ctx.tasks.command(lambda s: open_recording(s, actor, interaction_id)).success(done).failure(failed).run()


def _html(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
