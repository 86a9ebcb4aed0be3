"""The Review tab: the week's QA sample per reviewer and agent with progress, the player, the scorecard.

Left: the sampled week (◀ ▶), the reviewer filter (each supervisor's progress), agents with
"3/5 reviewed" and overdue counts, and the sampled interactions. Right: the selected
interaction's details (customer masked, R-SEC-2), its recording (every playback audited,
R-SEC-3) and the scorecard form; saving goes through ``ui/tasks.py`` and a conflict with another
desk opens the standard conflict dialog.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.actor import Actor
from app.autoqa.service import conversation, scorecard_evidence
from app.changes import Changes
from app.quality.draw import Replacement, replace_sample
from app.quality.interactions import (
    CHANNEL_LABELS,
    OUTCOME_LABELS,
    InteractionDetail,
    interaction_detail,
)
from app.quality.recordings import open_recording, recordings_root, resolve
from app.quality.reviews import (
    Progress,
    ReviewForm,
    SampleItem,
    SavedReview,
    Worklist,
    review_form,
    save_review,
    worklist,
)
from app.security.permissions import allowed, row_scope
from ui.autoqa.transcript_view import TranscriptDialog
from ui.context import ConsoleContext
from ui.errors import message_text, show_error
from ui.quality.disputes import DisputeDialog
from ui.quality.formatting import (
    format_date,
    format_datetime,
    format_duration,
    format_yes_no,
    label,
)
from ui.quality.models import ProgressModel, SampleItemModel
from ui.quality.player import RecordingPlayer
from ui.quality.scorecard_form import ScorecardForm
from ui.quality.tab import QualityTab
from ui.widgets.tables import row_table_defaults


def tr(text: str) -> str:
    return QCoreApplication.translate("review", text)


class SampleDetails(QGroupBox):
    """The selected sample's interaction: who, when, where, outcome; the customer only masked (R-SEC-2)."""

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("Interaction"), parent)
        self.ctx = ctx
        self.setObjectName("review_details")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(2)
        self.fields: dict[str, QLabel] = {}
        for key, caption in (("agent", tr("Agent")), ("when", tr("Offered")), ("queue", tr("Queue")),
                             ("outcome", tr("Outcome")), ("customer", tr("Customer")),
                             ("review", tr("Review"))):
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"review_detail_{key}")
            self.fields[key] = value
            form.addRow(caption, value)
        self.player = RecordingPlayer(ctx.tasks, self)
        form.addRow(self.player)
        # a chat's, e-mail's or social conversation's "recording" is its transcript (issue 11)
        self.transcript_button = QPushButton(tr("Transcript and automatic checks…"), self)
        self.transcript_button.setObjectName("review_transcript")
        self.transcript_button.hide()
        self.transcript_button.clicked.connect(self._on_transcript_button_clicked)
        form.addRow(self.transcript_button)
        self._interaction_id: int | None = None

    def _on_transcript_button_clicked(self) -> None:
        iid, actor = self._interaction_id, self.ctx.actor
        if iid is None:
            return
        self.ctx.tasks.query(lambda s: conversation(s, actor, iid)) \
            .success(lambda conv: TranscriptDialog(conv, self, tz=self.ctx.timezone).exec()) \
            .failure(lambda exc: show_error(self, exc)).run()

    def show_item(self, item: SampleItem, detail: InteractionDetail | None) -> None:
        self._interaction_id = item.interaction_id
        self.transcript_button.setVisible(item.channel in ("chat", "email", "social"))
        tz = self.ctx.timezone
        f = self.fields
        f["agent"].setText(f"{item.agent} · {item.team}" if item.team else item.agent)
        f["when"].setText(format_datetime(item.offered_at, tz))
        f["queue"].setText(f"{item.queue} · {label(CHANNEL_LABELS.get(item.channel, item.channel))}")
        if detail is not None:
            r = detail.row
            times = " / ".join(format_duration(x) for x in (r.wait_sec, r.duration_sec, detail.wrap_sec))
            rating = QLocale().toString(r.rating) if r.rating is not None else "—"
            f["outcome"].setText(tr("%1 · resolved: %2 · rating %3 · wait/talk/wrap %4")
                                 .replace("%1", label(OUTCOME_LABELS.get(r.outcome, r.outcome)))
                                 .replace("%2", format_yes_no(r.resolved)).replace("%3", rating)
                                 .replace("%4", times))
            customer = " · ".join(x for x in (detail.customer_name_masked, r.customer_masked) if x)
        else:
            f["outcome"].setText("—")
            customer = item.customer_masked or ""
        f["customer"].setText(customer or tr("Unknown"))
        f["customer"].setToolTip(tr("Masked (R-SEC-2); the Interactions tab reveals it, audited, to roles "
                                    "allowed to see it"))
        if item.status == "reviewed" and item.score_pct is not None:
            f["review"].setText(tr("Reviewed: score %1 %, dialogue %2, %3 violation(s)")
                                .replace("%1", QLocale().toString(float(item.score_pct), "f", 1))
                                .replace("%2", str(item.dialogue_score or "—"))
                                .replace("%3", str(item.violations or 0)))
        else:
            due = format_datetime(item.due_at, tz)
            f["review"].setText((tr("Overdue: was due %1") if item.overdue else tr("Due %1")).replace("%1", due))
        f["review"].setStyleSheet("color: #d64541;" if item.overdue else "")


class ReviewPage(QualityTab):
    """This week's QA work (see the module docstring)."""

    review_did_save = Signal(object)  # SavedReview
    calibration_requested = Signal(int)  # interaction id: start a calibration session on it

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("review_page")
        self.data: Worklist | None = None
        self.week: date | None = None  # None: the latest drawn week
        self.reviewer_id: int | None = None
        self.reviewer_chosen = False  # the user picked a reviewer (else: "mine" when the actor has items)
        self.agent_id: int | None = None
        self.form_data: ReviewForm | None = None
        self.selected_sample: int | None = None
        self._select_request = 0
        self._note = ""  # said once on the next form shown ("saved …; next: …")
        self.may_review = allowed(ctx.actor, "qa.review")
        self.may_play = allowed(ctx.actor, "recording.play")
        self.may_replace = allowed(ctx.actor, "qa.draw")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        self.prev_week = QPushButton("◀", self)
        self.prev_week.setToolTip(tr("The week before"))
        self.prev_week.setFixedWidth(32)
        self.next_week = QPushButton("▶", self)
        self.next_week.setToolTip(tr("The week after"))
        self.next_week.setFixedWidth(32)
        self.week_label = QLabel(self)
        self.week_label.setObjectName("review_week")
        self.week_label.setStyleSheet("font-weight: 600;")
        self.reviewer = QComboBox(self)
        self.reviewer.setObjectName("review_reviewer")
        self.reviewer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reviewer.setToolTip(tr("Whose sample: each reviewer's progress in brackets"))
        self.pending_only = QCheckBox(tr("To review only"), self)
        self.pending_only.setObjectName("review_pending_only")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("review_progress")
        self.progress_bar.setMinimumWidth(170)
        self.progress_bar.setMaximumWidth(240)
        self.progress_bar.setFormat(tr("%v of %m reviewed"))
        self.summary = QLabel(self)
        self.summary.setObjectName("review_summary")
        bar.addWidget(self.prev_week)
        bar.addWidget(self.week_label)
        bar.addWidget(self.next_week)
        bar.addSpacing(12)
        bar.addWidget(self.reviewer)
        bar.addWidget(self.pending_only)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        bar.addWidget(self.progress_bar)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        left = QSplitter(Qt.Orientation.Vertical, splitter)
        left.setChildrenCollapsible(False)
        self.agents_model = ProgressModel(tr("Agent"), tr("All agents"), self)
        self.agents = QTableView(left)
        self.agents.setObjectName("review_agents")
        self.agents.setModel(self.agents_model)
        self._table_defaults(self.agents)
        header = self.agents.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.agents.selectionModel().selectionChanged.connect(self._on_agents_selection_changed)
        self.items_model = SampleItemModel(ctx.timezone, self)
        self.items = QTableView(left)
        self.items.setObjectName("review_items")
        self.items.setModel(self.items_model)
        self._table_defaults(self.items)
        self.items.horizontalHeader().setStretchLastSection(True)
        self.items.selectionModel().selectionChanged.connect(self._on_items_selection_changed)
        self.empty = QLabel(left)
        self.empty.setObjectName("empty_state")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_stack = QStackedWidget(left)
        self.list_stack.addWidget(self.items)
        self.list_stack.addWidget(self.empty)
        left.addWidget(self.agents)
        left.addWidget(self.list_stack)
        left.setSizes([260, 520])

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(tr("Select a sampled interaction to listen to it and score it."), right)
        self.placeholder.setObjectName("empty_state")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        right_layout.addWidget(self.placeholder, 1)
        self.work = QWidget(right)
        work_layout = QVBoxLayout(self.work)
        work_layout.setContentsMargins(0, 0, 0, 0)
        self.details = SampleDetails(ctx, self.work)
        self.player = self.details.player
        self.player.audit = self._audit_playback
        self.player.install_shortcuts(self)
        work_layout.addWidget(self.details)
        self.form = ScorecardForm(self.work)
        self.violation_notes = QPlainTextEdit(self.form)
        self.violation_notes.setObjectName("violation_notes")
        self.violation_notes.setPlaceholderText(tr("What was breached, and when in the call (required for a "
                                                   "violation)"))
        self.violation_notes.setFixedHeight(52)
        self.violation_notes.setTabChangesFocus(True)
        self.violation_row = QWidget(self.form)
        row = QVBoxLayout(self.violation_row)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(tr("Service-code violation (R-QA-3)"), self.violation_row)
        caption.setStyleSheet("color: #d64541; font-weight: 600;")
        row.addWidget(caption)
        row.addWidget(self.violation_notes)
        self.form.layout().insertWidget(2, self.violation_row)
        self.form.answers_did_change.connect(self._on_form_answers_did_change)
        scroll = QScrollArea(self.work)
        scroll.setObjectName("review_form_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        work_layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.status = QLabel(self.work)
        self.status.setObjectName("review_status")
        self.status.setWordWrap(True)
        self.save_draft = QPushButton(tr("Save draft"), self.work)
        self.save_draft.setObjectName("review_save_draft")
        self.save_draft.setToolTip(tr("Keep the answers; the item stays to review"))
        self.save_button = QPushButton(tr("Save review"), self.work)
        self.save_button.setObjectName("review_save")
        self.save_button.setDefault(True)
        self.save_draft.clicked.connect(lambda: self.save(final=False))
        self.save_button.clicked.connect(lambda: self.save(final=True))
        self.dispute_button = QPushButton(tr("Dispute…"), self.work)
        self.dispute_button.setObjectName("review_dispute")
        self.dispute_button.setToolTip(tr("Enter the agent's dispute of one answer of this review"))
        self.dispute_button.clicked.connect(self.open_dispute)
        self.calibrate_button = QPushButton(tr("Calibrate…"), self.work)
        self.calibrate_button.setObjectName("review_calibrate")
        self.calibrate_button.setToolTip(tr("Have several reviewers score this interaction blind"))
        self.calibrate_button.clicked.connect(self._on_calibrate_button_clicked)
        self.replace_button = QPushButton(tr("Replace…"), self.work)
        self.replace_button.setObjectName("review_replace")
        self.replace_button.setToolTip(tr("Replace this interaction in the sample (for example: the recording is "
                                          "silent); the reason is recorded"))
        self.replace_button.clicked.connect(self.open_replace)
        self.dispute_dialog: DisputeDialog | None = None
        self.replace_dialog: ReplaceDialog | None = None
        buttons.addWidget(self.replace_button)
        buttons.addWidget(self.dispute_button)
        buttons.addWidget(self.calibrate_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_draft)
        buttons.addWidget(self.save_button)
        work_layout.addLayout(buttons)
        right_layout.addWidget(self.work, 1)
        self.work.hide()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([760, 560])
        layout.addWidget(splitter, 1)

        self.prev_week.clicked.connect(lambda: self._move_week(-7))
        self.next_week.clicked.connect(lambda: self._move_week(7))
        self.reviewer.activated.connect(self._on_reviewer_activated)
        self.pending_only.toggled.connect(self._on_pending_only_toggled)

    @staticmethod
    def tab_title() -> str:
        return QCoreApplication.translate("quality", "Review")

    @staticmethod
    def _table_defaults(table: QTableView) -> None:
        row_table_defaults(table, word_wrap=False)
        # fitting columns looks at the first rows only: a week of 5,000 items must open at once
        table.horizontalHeader().setResizeContentsPrecision(20)

    # --- loading -------------------------------------------------------------------------------------
    def reload(self) -> None:
        actor = self.ctx.actor
        week, pending = self.week, self.pending_only.isChecked()
        reviewer_id, chosen = self.reviewer_id, self.reviewer_chosen

        def load(s: Any) -> tuple[Worklist, Worklist, Any]:
            everything = worklist(s, actor, week)
            mine = reviewer_id
            if not chosen and actor.person_id is not None and any(
                    p.id == actor.person_id for p in everything.by_reviewer):
                mine = actor.person_id  # a supervisor starts on their own share
            shown = everything if mine is None and not pending else worklist(
                s, actor, everything.week_start, reviewer_id=mine, pending_only=pending)
            return everything, shown, row_scope(s, actor)

        self.load(load, self._on_loaded, self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self.summary.setText(tr("Could not load the sample: %1").replace("%1", message_text(exc).splitlines()[0]))
        self.mark_loaded()

    def _on_loaded(self, result: tuple[Worklist, Worklist, Any]) -> None:
        everything, shown, scope = result
        self.scope_did_load.emit(scope)
        self.data = shown
        self.week = everything.week_start
        if not self.reviewer_chosen and shown is not everything:
            ids = {i.reviewer_id for i in shown.items}
            self.reviewer_id = next(iter(ids)) if len(ids) == 1 else None
        self._fill_reviewers(everything)
        self._show_week(everything)
        keep_agent = self.agent_id
        # an agent under the quota is flagged on the whole draw; in one reviewer's share a partial count is normal
        self.agents_model.set_rows(shown.by_agent, _quota(shown) if shown is everything else 0)
        self.agents.selectRow(self.agents_model.row_of(keep_agent))
        self._show_items()
        self.mark_loaded()

    def _fill_reviewers(self, everything: Worklist) -> None:
        self.reviewer.blockSignals(True)
        self.reviewer.clear()
        self.reviewer.addItem(_progress_text(tr("All reviewers"), everything.reviewed, len(everything.items)), None)
        for p in everything.by_reviewer:
            name = p.name or tr("Unassigned")
            if p.id is not None and p.id == self.ctx.actor.person_id:
                name = tr("Me (%1)").replace("%1", name)
            self.reviewer.addItem(_progress_text(name, p.reviewed, p.total), p.id if p.id is not None else -1)
        index = self.reviewer.findData(self.reviewer_id) if self.reviewer_id is not None else 0
        self.reviewer.setCurrentIndex(max(index, 0))
        self.reviewer.setEnabled(self.reviewer.count() > 1)
        self.reviewer.blockSignals(False)

    def _show_week(self, everything: Worklist) -> None:
        shown = self.data
        assert shown is not None
        locale = QLocale()
        if everything.week_start is None:
            self.week_label.setText(tr("No QA draw yet"))
            self.prev_week.setEnabled(False)
            self.next_week.setEnabled(False)
        else:
            start = everything.week_start
            self.week_label.setText(tr("Sample of %1 – %2").replace("%1", format_date(start))
                                    .replace("%2", format_date(start + timedelta(days=6))))
            self.prev_week.setEnabled(True)
            self.next_week.setEnabled(True)
        self.progress_bar.setRange(0, max(len(shown.items), 1))
        self.progress_bar.setValue(shown.reviewed)
        self.progress_bar.setVisible(bool(shown.items))
        parts = []
        if shown.items:
            # due at midnight after the review week's Sunday: say "by the end of" that Sunday
            last_day = (shown.items[0].due_at - timedelta(seconds=1)).astimezone(self.ctx.timezone).date()
            parts.append(tr("due by the end of %1").replace("%1", format_date(last_day)))
        if shown.overdue:
            parts.append(tr("%1 overdue").replace("%1", locale.toString(shown.overdue)))
        short = len(everything.shortfalls)
        if short:
            parts.append(tr("%1 agent(s) under quota in the draw").replace("%1", locale.toString(short)))
        self.summary.setText(" · ".join(parts))
        self.summary.setStyleSheet("color: #d64541;" if shown.overdue else "")
        names = {p.id: p.name for p in everything.by_agent}
        self.summary.setToolTip("\n".join(_shortfall_text(s, names) for s in everything.shortfalls))

    def _show_items(self) -> None:
        shown = self.data
        if shown is None:
            return
        items = [i for i in shown.items if self.agent_id is None or i.agent_id == self.agent_id]
        self.items_model.set_rows(items)
        if items:
            self.list_stack.setCurrentWidget(self.items)
            self.items.resizeColumnsToContents()
            row = self.items_model.row_of_sample(self.selected_sample) if self.selected_sample else None
            if row is not None:
                self.items.selectRow(row)
            else:
                self._clear_selection()
        else:
            self._clear_selection()
            if shown.week_start is None:
                self.empty.setText(tr("No QA draw has been made yet. The weekly draw runs on Monday morning; "
                                      "`floorwalker qa draw` runs one now."))
            elif not shown.draw_ids:
                self.empty.setText(tr("No draw for this week."))
            elif self.pending_only.isChecked():
                self.empty.setText(tr("Nothing left to review here."))
            else:
                self.empty.setText(tr("No sampled interactions for you to review this week."))
            self.list_stack.setCurrentWidget(self.empty)

    def _clear_selection(self) -> None:
        self.selected_sample = None
        self.form_data = None
        self._select_request += 1
        self.player.clear()
        self.work.hide()
        self.placeholder.show()

    # --- reactions -----------------------------------------------------------------------------------
    def _move_week(self, days: int) -> None:
        if self.week is not None:
            self.week = self.week + timedelta(days=days)
            self.selected_sample = None
            self.refresh()

    def _on_reviewer_activated(self, _index: int) -> None:
        data = self.reviewer.currentData()
        self.reviewer_id = data
        self.reviewer_chosen = True
        self.refresh()

    def _on_pending_only_toggled(self, _on: bool) -> None:
        self.refresh()

    def _on_agents_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        rows = self.agents.selectionModel().selectedRows()
        progress: Progress | None = self.agents_model.progress_at(rows[0].row()) if rows else None
        agent_id = progress.id if progress is not None else None
        if agent_id != self.agent_id:
            self.agent_id = agent_id
            self._show_items()

    def _on_items_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        rows = self.items.selectionModel().selectedRows()
        if not rows:
            return
        item = self.items_model.row_at(rows[0].row())
        if item.sample_id == self.selected_sample and self.form_data is not None:
            return
        self.select_sample(item)

    def select_sample(self, item: SampleItem) -> None:
        """Load the sample's form, the interaction's details and its recording's path (not yet played)."""
        self.selected_sample = item.sample_id
        self._select_request += 1
        request = self._select_request
        actor = self.ctx.actor

        def load(s: Any) -> tuple[ReviewForm, InteractionDetail | None, Path | None, dict[str, Any]]:
            form = review_form(s, actor, item.sample_id)
            detail = interaction_detail(s, actor, item.interaction_id)
            path = resolve(recordings_root(s), detail.recording_ref) if detail and detail.recording_ref else None
            # a chat's automatic checks as evidence beside the scorecard (issue 11)
            evidence = scorecard_evidence(s, actor, item.interaction_id) \
                if item.channel in ("chat", "email", "social") else {}
            return form, detail, path, evidence

        def done(result: tuple[ReviewForm, InteractionDetail | None, Path | None, dict[str, Any]]) -> None:
            if request == self._select_request:
                self._show_form(*result[:3])
                self.form.set_evidence(result[3])

        self.ctx.tasks.query(load).success(done).failure(lambda exc: show_error(self, exc)).run()

    def _show_form(self, form: ReviewForm, detail: InteractionDetail | None, path: Path | None) -> None:
        self.form_data = form
        item = form.sample
        self.details.show_item(item, detail)
        name = path.name if path is not None else ""
        if not self.may_play:
            self.player.clear(tr("Your role does not play recordings."))
        else:
            self.player.load(item.interaction_id, path, name, detail.recording_sec if detail else None)
        review = form.review
        self.form.set_scorecard(form.scorecard, review.answers if review else None,
                                dialogue=review.dialogue_score if review else None,
                                comment=review.comment or "" if review else "",
                                coaching=review.coaching or "" if review else "")
        self.violation_notes.setPlainText(review.violation_notes or "" if review else "")
        editable = self.may_review and form.scorecard is not None
        self.form.set_read_only(not editable)
        self.violation_notes.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.save_draft.setEnabled(editable)
        # a saved (final) review is corrected, not turned back into a draft
        self.save_draft.setVisible(review is None or review.status == "draft")
        self.save_button.setText(tr("Save changes") if review is not None and review.status != "draft"
                                 else tr("Save review"))
        self.dispute_button.setVisible(self.may_review and review is not None
                                       and review.status in ("final", "disputed"))
        self.calibrate_button.setVisible(self.may_review)
        self.replace_button.setVisible(self.may_replace and item.status == "pending" and review is None)
        if form.scorecard is None:
            self._set_status(tr("No active scorecard: a quality analyst or manager creates one first."), error=True)
        elif not self.may_review:
            self._set_status(tr("Your role can read reviews but not score them."))
        elif review is not None:
            self._set_status((tr("Draft saved %1") if review.status == "draft" else tr("Reviewed %1"))
                             .replace("%1", format_datetime(review.reviewed_at, self.ctx.timezone)))
        else:
            self._set_status(self._note)
        self._note = ""
        self._on_form_answers_did_change()
        self.placeholder.hide()
        self.work.show()

    def _on_form_answers_did_change(self) -> None:
        failed = bool(self.form.result and self.form.result.violations)
        self.violation_row.setVisible(failed or bool(self.violation_notes.toPlainText().strip()))

    # --- disputes and calibration --------------------------------------------------------------------
    def open_dispute(self) -> DisputeDialog | None:
        form = self.form_data
        if form is None or form.review is None:
            return None
        dialog = DisputeDialog(self.ctx, form.scorecard, form.review, form.sample.agent, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_dispute_dialog_accepted)
        self.dispute_dialog = dialog
        dialog.open()
        return dialog

    def _on_dispute_dialog_accepted(self) -> None:
        self._set_status(tr("Dispute entered; another supervisor decides it in the Disputes tab."))
        self.form_data = None
        if not _inside_workspace(self):
            self.refresh()

    def open_replace(self) -> ReplaceDialog | None:
        form = self.form_data
        if form is None:
            return None
        dialog = ReplaceDialog(self.ctx, form.sample, self.player.error_text, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_replaced(dialog.replacement))
        self.replace_dialog = dialog
        dialog.open()
        return dialog

    def _on_replaced(self, replacement: Replacement | None) -> None:
        if replacement is None:
            return
        if replacement.new_sample_id is not None:
            self.selected_sample = replacement.new_sample_id
            self._note = tr("Replaced; this is the agent's next eligible interaction of the draw.")
        else:
            self.selected_sample = None
            self._set_status(tr("Replaced; nothing eligible was left for this agent in the draw."), error=True)
        self.form_data = None
        if not _inside_workspace(self):
            self.refresh()

    def _on_calibrate_button_clicked(self) -> None:
        if self.form_data is not None:
            self.calibration_requested.emit(self.form_data.sample.interaction_id)

    # --- playback and saving -------------------------------------------------------------------------
    def _audit_playback(self, interaction_id: int, ok: Any, failed: Any) -> None:
        """The player's audit hook: open_recording checks the file and writes the audit row (R-SEC-3)."""
        actor: Actor = self.ctx.actor

        def done(_recording: Any) -> None:
            self.ctx.bus.operation_did_execute.emit(Changes.AUDIT, self)
            ok()

        self.ctx.tasks.command(lambda s: open_recording(s, actor, interaction_id)).success(done).failure(failed).run()

    def save(self, *, final: bool) -> None:
        form = self.form_data
        if form is None or form.scorecard is None or not self.may_review:
            return
        dialogue = self.form.dialogue_score()
        if dialogue is None:
            self._set_status(tr("Choose the dialogue score (1-10, R-QA-2) before saving."), error=True)
            self.form.dialogue.setFocus()
            return
        if final and self.form.unanswered():
            self._set_status(tr("Answer every question before saving the review (missing: %1). "
                                "Save a draft to finish later.").replace("%1", ", ".join(self.form.unanswered())),
                             error=True)
            return
        if final and self.form.result is not None and self.form.result.violations and \
                not self.violation_notes.toPlainText().strip():
            self._set_status(tr("Describe the service-code violation before saving (R-QA-3)."), error=True)
            self.violation_notes.setFocus()
            return
        actor = self.ctx.actor
        sample_id, card_id = form.sample.sample_id, form.scorecard.id
        review = form.review
        answers = self.form.answers()
        comment, coaching = self.form.comment.toPlainText(), self.form.coaching.toPlainText()
        notes = self.violation_notes.toPlainText()
        assert card_id is not None

        def work(s: Any) -> SavedReview:
            return save_review(s, actor, sample_id, scorecard_id=card_id, answers=answers, dialogue_score=dialogue,
                               comment=comment, coaching=coaching, violation_notes=notes, final=final,
                               review_id=review.id if review else None,
                               expected_version=review.version if review else None)

        self.save_button.setEnabled(False)
        self.save_draft.setEnabled(False)
        self._set_status(tr("Saving…"))
        self.ctx.tasks.command(work).success(lambda saved: self._on_saved(saved, final)).failure(
            self._on_save_failed).run()

    def _on_saved(self, saved: SavedReview, final: bool) -> None:
        self.save_button.setEnabled(True)
        self.save_draft.setEnabled(True)
        self._set_status(tr("Saved."))
        done = self.form_data.sample if self.form_data else None
        self.form_data = None  # reload the form (new version) with the list
        if final and done is not None and done.status != "reviewed":
            # a batch of reviews: go on with the next item still to review
            following = self._next_pending(done.sample_id)
            if following is not None:
                self.selected_sample = following.sample_id
                self._note = tr("Saved the review of %1's call; next: %2.").replace("%1", done.agent).replace(
                    "%2", following.agent)
        self.review_did_save.emit(saved)
        # inside the workspace the bus refreshes every tab that shows reviews; alone, refresh here
        self.ctx.bus.operation_did_execute.emit(saved.changes, self)
        if not _inside_workspace(self):
            self.refresh()

    def _next_pending(self, sample_id: int) -> SampleItem | None:
        rows = [self.items_model.row_at(r) for r in range(self.items_model.rowCount())]
        start = next((i for i, r in enumerate(rows) if r.sample_id == sample_id), -1)
        return next((r for r in rows[start + 1:] + rows[:start] if r.status != "reviewed"), None)

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.save_draft.setEnabled(True)
        self._set_status(message_text(exc).splitlines()[0] if isinstance(exc, ValueError) else "", error=True)
        if not isinstance(exc, ValueError):
            item = self.form_data.sample if self.form_data else None
            show_error(self, exc, on_reload=(lambda: self.select_sample(item)) if item else None)

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #d64541;" if error else "")


class ReplaceDialog(QDialog):
    """Why this sampled interaction is replaced; the draw's next eligible one takes its place (audited)."""

    def __init__(self, ctx: ConsoleContext, item: SampleItem, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.replacement: Replacement | None = None
        self.setObjectName("replace_dialog")
        self.setWindowTitle(tr("Replace a sampled interaction"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("%1's call of %2 leaves the sample; the agent's next eligible interaction of the same "
                          "draw takes its place. The reason is kept with the draw and in the audit log.")
                       .replace("%1", item.agent).replace("%2", format_datetime(item.offered_at, ctx.timezone)),
                       self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("replace_reason")
        self.reason.setPlaceholderText(tr("e.g. the recording is silent after the first minute"))
        self.reason.setMaxLength(300)
        if problem:
            self.reason.setText(problem)
        layout.addWidget(self.reason)
        self.error = QLabel(self)
        self.error.setObjectName("replace_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d64541;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(tr("Replace"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def submit(self) -> None:
        actor, item, reason = self.ctx.actor, self.item, self.reason.text()

        def done(replacement: Replacement) -> None:
            self.replacement = replacement
            self.ctx.bus.operation_did_execute.emit(replacement.changes, self)
            self.accept()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValueError):
                self.error.setText(message_text(exc))
                self.error.show()
            else:
                show_error(self, exc)

        self.ctx.tasks.command(lambda s: replace_sample(s, actor, item.sample_id, reason, item.version)) \
            .success(done).failure(failed).run()


def _quota(w: Worklist) -> int:
    return w.by_agent[0].quota if w.by_agent else 5


def _progress_text(name: str, reviewed: int, total: int) -> str:
    locale = QLocale()
    return tr("%1 (%2/%3)").replace("%1", name).replace("%2", locale.toString(reviewed)).replace(
        "%3", locale.toString(total))


def _shortfall_text(s: dict[str, Any], names: dict[int | None, str]) -> str:
    agent_id = s.get("agent_id")
    name = names.get(agent_id) or tr("agent %1").replace("%1", str(agent_id))
    return tr("%1: %2 of %3 drawn — %4").replace("%1", name).replace("%2", str(s.get("available", 0))) \
        .replace("%3", str(s.get("quota", ""))).replace("%4", str(s.get("reason") or ""))


def _inside_workspace(widget: QWidget) -> bool:
    from ui.workspace import Workspace

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, Workspace):
            return True
        parent = parent.parentWidget()
    return False
