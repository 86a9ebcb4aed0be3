"""The selected case: its facts, its clocks explained, its timeline, and what can be done to it.

The panel sits beside the board and also fills the window that Enter opens. Its actions (add a
note, merge a duplicate, re-open with a reason) run as commands; the board hears of the change
through the bus and reloads the case.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.changes import Changes
from app.complaints.board import (
    CATEGORY_LABELS,
    CHANNEL_LABELS,
    KIND_LABELS,
    PRIORITY_LABELS,
    STAGE_LABELS,
    ComplaintDetail,
)
from app.complaints.clocks import CLOCK_STATE_LABELS
from app.complaints.sla import SLA_LABELS
from ui.complaints import actions
from ui.complaints.access import CustomerRevealBox
from ui.complaints.dialogs import MergeDialog, ReasonDialog
from ui.complaints.formatting import SLA_COLORS, format_datetime, format_sla, format_span, label, tr
from ui.complaints.models import clock_annotations, role_label, timeline_html, trigger_label
from ui.context import ConsoleContext
from ui.errors import show_error


class ComplaintDetailPanel(QWidget):
    """The selected case: its facts, its resolution deadline and its timeline."""

    case_did_change = Signal(object)  # Changes

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.read_only = False
        self.references: Callable[[], Sequence[str]] = lambda: ()
        self.reference_ids: Callable[[], dict[str, int]] = lambda: {}
        self.setObjectName("complaint_detail")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel(self)
        self.title.setObjectName("detail_title")
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.placeholder = QLabel(self.tr("Select a card to see the case and its timeline."), self)
        self.placeholder.setObjectName("empty_state")
        self.placeholder.setWordWrap(True)
        layout.addWidget(self.placeholder)
        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.note_button = QPushButton(self.tr("Add note…"), self.body)
        self.note_button.setObjectName("detail_note")
        self.merge_button = QPushButton(self.tr("Merge into…"), self.body)
        self.merge_button.setObjectName("detail_merge")
        self.merge_button.setToolTip(self.tr("This case is a duplicate: close it and link it to the case to keep"))
        self.reopen_button = QPushButton(self.tr("Re-open…"), self.body)
        self.reopen_button.setObjectName("detail_reopen")
        self.log_button = QPushButton(self.tr("Log"), self.body)
        self.log_button.setObjectName("detail_log")
        self.log_button.setToolTip(self.tr("Record what happened: the SLA clocks start and stop on these"))
        log_menu = QMenu(self.log_button)
        for action, text in actions.LOGGABLE:
            log_menu.addAction(tr(text), lambda a=action: self._on_log_chosen(a))
        self.log_button.setMenu(log_menu)
        self.loop_button = QPushButton(self.tr("Close the loop…"), self.body)
        self.loop_button.setObjectName("detail_loop")
        self.loop_button.setToolTip(self.tr("The customer was told the result and asked for their opinion (R-FLOW-5)"))
        self.loop_button.clicked.connect(self._on_loop_button_clicked)
        more = QHBoxLayout()  # two short rows: the panel stays narrow beside the board
        more.setSpacing(6)
        for row, group in ((buttons, (self.log_button, self.note_button, self.loop_button)),
                           (more, (self.merge_button, self.reopen_button))):
            for b in group:
                b.setAutoDefault(False)
                row.addWidget(b)
            row.addStretch(1)
        body.addLayout(buttons)
        body.addLayout(more)
        self.note_button.clicked.connect(self._on_note_button_clicked)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.reopen_button.clicked.connect(self._on_reopen_button_clicked)
        form_host = QWidget(self.body)
        self.form = QFormLayout(form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fields: dict[str, QLabel] = {}
        for key, caption in (
            ("summary", self.tr("Summary")), ("stage", self.tr("Stage")), ("priority", self.tr("Priority")),
            ("owner", self.tr("Owner")), ("customer", self.tr("Customer")),
            ("first_contact", self.tr("First contact")), ("opened", self.tr("Opened")),
            ("deadline", self.tr("Resolve by")), ("expected", self.tr("Customer told")),
            ("temporary", self.tr("Temporary solution")), ("departments", self.tr("Departments")),
            ("feedback", self.tr("Feedback loop")),
        ):
            value = QLabel(form_host)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"complaint_{key}")
            self.fields[key] = value
            self.form.addRow(caption, value)
        self.fields["expected"].setToolTip(self.tr("Expected resolution time told to the customer (R-FLOW-8)"))
        self.fields["temporary"].setToolTip(self.tr("Temporary solution offered while open (R-SLA-8)"))
        self.fields["departments"].setToolTip(self.tr("Departments involved (R-FLOW-7)"))
        self.fields["feedback"].setToolTip(self.tr("Customer told the result and asked for their opinion (R-FLOW-5)"))
        # the audited reveal sits under the masked customer (roles allowed customer.reveal only)
        self.reveal_box = CustomerRevealBox(ctx, form_host)
        self.form.insertRow(self.form.getWidgetPosition(self.fields["customer"])[0] + 1, "", self.reveal_box)
        body.addWidget(form_host)
        clocks_label = QLabel(self.tr("Clocks"), self.body)
        clocks_label.setStyleSheet("font-weight: 600; margin-top: 8px;")
        body.addWidget(clocks_label)
        self.clocks = QLabel(self.body)
        self.clocks.setObjectName("complaint_clocks")
        self.clocks.setTextFormat(Qt.TextFormat.RichText)
        self.clocks.setWordWrap(True)
        self.clocks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(self.clocks)
        timeline_label = QLabel(self.tr("Timeline"), self.body)
        timeline_label.setStyleSheet("font-weight: 600; margin-top: 8px;")
        body.addWidget(timeline_label)
        self.timeline = QLabel(self.body)
        self.timeline.setObjectName("complaint_timeline")
        self.timeline.setTextFormat(Qt.TextFormat.RichText)
        self.timeline.setWordWrap(True)
        self.timeline.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.timeline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(self.timeline)
        body.addStretch(1)
        layout.addWidget(self.body, 1)
        self.body.hide()
        self.title.hide()
        self.detail: ComplaintDetail | None = None

    def clear(self) -> None:
        self.detail = None
        self.reveal_box.set_source(None)
        self.title.hide()
        self.body.hide()
        self.placeholder.show()
        self.timeline.clear()

    def show_detail(self, d: ComplaintDetail, now: Any) -> None:
        self.detail = d
        c = d.card
        tz = self.ctx.timezone
        f = self.fields
        kind = label(KIND_LABELS.get(c.kind, c.kind))
        self.title.setText(f"{c.reference} · {kind} · {label(CATEGORY_LABELS.get(c.category, c.category))}")
        f["stage"].setText(label(STAGE_LABELS.get(c.stage, c.stage)))
        priority = label(PRIORITY_LABELS.get(c.priority, c.priority))
        flags = [priority]
        if c.is_vip:
            flags.append(self.tr("VIP"))
        if d.is_complex:
            flags.append(self.tr("complex"))
        if d.is_conflict:
            flags.append(self.tr("customer conflict"))
        f["priority"].setText(" · ".join(flags))
        f["owner"].setText(" · ".join(x for x in (c.owner or self.tr("Unassigned"), c.team) if x))
        customer = " · ".join(x for x in (d.customer_name_masked, c.customer_masked) if x) or self.tr("Unknown")
        f["customer"].setText(customer + " · " + label(CHANNEL_LABELS.get(d.channel, d.channel)))
        self.reveal_box.set_source(d.customer_id, complaint_id=c.id)
        f["first_contact"].setText(format_datetime(d.first_contact_at, tz))
        age = self.tr("open %1") if c.stage != "closed" else self.tr("closed after %1")
        f["opened"].setText(format_datetime(c.opened_at, tz) + " · " + age.replace("%1", format_span(c.age_sec)))
        color = SLA_COLORS[c.sla.state].name()
        state = label(SLA_LABELS[c.sla.state])
        detail = format_sla(c.sla.state, c.sla.remaining_sec(now), c.sla.stopped_at is not None)
        f["deadline"].setText(f"{format_datetime(c.sla.due_at, tz)}<br>"
                              f"<span style='color:{color}; font-weight:600'>{state}</span> · {detail}")
        f["deadline"].setToolTip(self.tr("%1: resolve within %2 h of the first contact; at risk from 75 % of it.")
                                 .replace("%1", c.sla.rule_id)
                                 .replace("%2", QLocale().toString(c.sla.target_hours, "g", 6)))
        f["expected"].setText(format_datetime(c.expected_resolution_at, tz) if c.expected_resolution_at
                              else self.tr("Not recorded"))
        f["temporary"].setText(d.temporary_solution or self.tr("None recorded"))
        f["departments"].setText(", ".join(d.departments) if d.departments else "—")
        if d.feedback_loop_closed:
            feedback = self.tr("Closed")
            if d.customer_opinion:
                feedback += " — " + d.customer_opinion
        elif d.last_feedback_at:
            feedback = self.tr("Last feedback %1").replace("%1", format_datetime(d.last_feedback_at, tz))
        else:
            feedback = self.tr("No feedback to the customer yet")
        f["feedback"].setText(feedback)
        f["summary"].setText(d.summary)
        self.timeline.setText(timeline_html(d.events, self.ctx.timezone))
        self._show_actions(d)
        self.clocks.setText(resolution_clock_html(d, now, tz))
        self._load_clocks(c.id)
        self.placeholder.hide()
        self.title.show()
        self.body.show()



    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        if self.detail is not None:
            self._show_actions(self.detail)

    def _show_actions(self, d: ComplaintDetail) -> None:
        stage, editable = d.card.stage, not self.read_only
        self.reopen_button.setVisible(editable and stage in ("closed", "feedback"))
        self.merge_button.setVisible(editable and stage != "closed")
        self.log_button.setVisible(editable and stage != "closed")
        self.note_button.setVisible(editable)
        self.loop_button.setVisible(editable and stage == "feedback" and not d.feedback_loop_closed)

    # --- clocks explained ----------------------------------------------------------------------------
    def _load_clocks(self, complaint_id: int) -> None:
        actor = self.ctx.actor

        def shown(explained: Any) -> None:
            d = self.detail
            if d is not None and d.card.id == complaint_id:
                self.clocks.setText(clocks_html(explained, self.ctx.timezone))
                clocks = explained if isinstance(explained, list | tuple) else _get(explained, "clocks") or ()
                self.timeline.setText(timeline_html(d.events, self.ctx.timezone, clock_annotations(clocks)))

        def failed(exc: BaseException) -> None:  # no explain service yet: the resolution clock stays shown
            if not isinstance(exc, actions.ServiceMissing):
                self.clocks.setText(self.clocks.text() + f"<br><i>{escape(str(exc).splitlines()[0])}</i>")

        self.ctx.tasks.query(lambda s: actions.explain(s, actor, complaint_id)).success(shown).failure(failed).run()

    # --- actions ----------------------------------------------------------------------------------------
    def _run(self, fn: Callable[[Any], Any]) -> None:
        def done(result: Any) -> None:
            changes = getattr(result, "changes", result if isinstance(result, Changes) else Changes.COMPLAINTS)
            self.ctx.bus.operation_did_execute.emit(changes, self)
            self.case_did_change.emit(changes)

        self.ctx.tasks.command(fn).success(done).failure(lambda exc: show_error(self, exc)).run()

    def _on_note_button_clicked(self) -> None:
        d = self.detail
        if d is None:
            return
        dialog = ReasonDialog(self.tr("Add a note"), self.tr("A note on %1 for its timeline:").replace(
            "%1", d.card.reference), self, multiline=True)
        dialog.setObjectName("note_dialog")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_note(dialog.text())

    def add_note(self, text: str) -> None:
        d, actor = self.detail, self.ctx.actor
        if d is not None:
            self._run(lambda s: actions.add_note(s, actor, d.card.id, text))

    def _on_log_chosen(self, action: str) -> None:
        d = self.detail
        if d is None:
            return
        text = next(t for a, t in actions.LOGGABLE if a == action)
        dialog = ReasonDialog(tr(text), self.tr("%1 on %2. A note for the timeline (optional):").replace(
            "%1", tr(text)).replace("%2", d.card.reference), self, multiline=True)
        dialog.setObjectName("log_dialog")
        dialog.optional = action != "temporary_solution"
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.log(action, dialog.text() or None)

    def log(self, action: str, note: str | None = None) -> None:
        d, actor = self.detail, self.ctx.actor
        if d is not None:
            self._run(lambda s: actions.log_action(s, actor, d.card.id, action, note))

    def _on_loop_button_clicked(self) -> None:
        d = self.detail
        if d is None:
            return
        dialog = ReasonDialog(self.tr("Close the feedback loop"), self.tr(
            "The customer was told the result of %1. What is their opinion?").replace("%1", d.card.reference),
            self, multiline=True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.close_loop(dialog.text())

    def close_loop(self, opinion: str) -> None:
        d, actor = self.detail, self.ctx.actor
        if d is not None:
            self._run(lambda s: actions.close_loop(s, actor, d.card.id, d.card.version, opinion))

    def _on_merge_button_clicked(self) -> None:
        d = self.detail
        if d is None:
            return
        dialog = MergeDialog(d.card.reference, list(self.references()), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.merge_into(dialog.target.text().strip(), dialog.text())

    def merge_into(self, reference: str, reason: str) -> None:
        d, actor = self.detail, self.ctx.actor
        into = self.reference_ids().get(reference)
        if d is not None and into is not None:
            self._run(lambda s: actions.merge(s, actor, d.card.id, into, reason=reason))

    def _on_reopen_button_clicked(self) -> None:
        d = self.detail
        if d is None:
            return
        dialog = ReasonDialog(self.tr("Re-open"), self.tr("Why is %1 open again?").replace("%1", d.card.reference),
                              self, placeholder=self.tr("e.g. the customer called back: the refund never arrived"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reopen(dialog.text())

    def reopen(self, reason: str) -> None:
        d, actor = self.detail, self.ctx.actor
        if d is not None:
            self._run(lambda s: actions.reopen(s, actor, d.card.id, d.card.version, reason))


def resolution_clock_html(d: ComplaintDetail, now: Any, tz: Any) -> str:
    """The case's resolution clock explained from the card (shown until the engine's explanation arrives)."""
    sla = d.card.sla
    color = SLA_COLORS[sla.state].name()
    hours = QLocale().toString(sla.target_hours, "g", 6)
    lines = [f"<b>{escape(sla.rule_id)}</b> · " + escape(tr("resolve within %1 h").replace("%1", hours)),
             escape(tr("Started %1 by the first contact").replace("%1", format_datetime(sla.started_at, tz))),
             escape(tr("Deadline %1").replace("%1", format_datetime(sla.due_at, tz))),
             f"<span style='color:{color}; font-weight:600'>{escape(label(SLA_LABELS[sla.state]))}</span> · "
             + escape(format_sla(sla.state, sla.remaining_sec(now), sla.stopped_at is not None))]
    if sla.stopped_at is not None:
        lines.append(escape(tr("Stopped %1").replace("%1", format_datetime(sla.stopped_at, tz))))
    return "<p style='margin:0 0 6px 0'>" + "<br>".join(lines) + "</p>"


def _get(obj: Any, *names: str) -> Any:
    for n in names:
        value = obj.get(n) if isinstance(obj, dict) else getattr(obj, n, None)
        if value not in (None, "", ()):
            return value
    return None


def clocks_html(explained: Any, tz: Any) -> str:
    """Each clock of the engine's explanation: what started it, pauses, deadline, state, why it warned."""
    clocks = _get(explained, "clocks") if not isinstance(explained, list | tuple) else explained
    if not clocks:
        return f"<i>{escape(tr('No clock runs on this case.'))}</i>"
    parts = []
    for c in clocks:
        state = str(_get(c, "state") or "")
        color = SLA_COLORS[state].name() if state in SLA_COLORS else "gray"
        name = _get(c, "name", "label")
        head = " · ".join(str(x) for x in (_get(c, "rule_id"), label(str(name)) if name else None) if x)
        lines = [f"<b>{escape(head)}</b>"]
        started = _get(c, "started_at")
        why = _get(c, "started_by", "start_event", "started_because")
        if started is not None:
            text = tr("Started %1").replace("%1", format_datetime(started, tz))
            lines.append(escape(text + (" " + tr("by %1").replace("%1", trigger_label(str(why))) if why else "")))
        for p in _get(c, "pauses") or ():
            start, end = _get(p, "start", "started_at", "from"), _get(p, "end", "ended_at", "to")
            reason = _get(p, "reason", "why", "by")
            reason = trigger_label(str(reason)) if reason else None
            span = format_datetime(start, tz) + " – " + (format_datetime(end, tz) if end else tr("now"))
            lines.append(escape(tr("Paused %1").replace("%1", span) + (f" ({reason})" if reason else "")))
        due = _get(c, "due_at", "deadline")
        if due is not None:
            calendar = _get(c, "calendar", "calendar_name")
            lines.append(escape(tr("Deadline %1").replace("%1", format_datetime(due, tz))
                                + (f" · {calendar}" if calendar else "")))
        if state:
            label_text = label(SLA_LABELS[state]) if state in SLA_LABELS else label(CLOCK_STATE_LABELS[state]) \
                if state in CLOCK_STATE_LABELS else state.replace("_", " ").capitalize()
            lines.append(f"<span style='color:{color}; font-weight:600'>{escape(label_text)}</span>")
        stopped = _get(c, "stopped_at")
        if stopped is not None:
            by = _get(c, "stopped_by", "stop_event")
            lines.append(escape(tr("Stopped %1").replace("%1", format_datetime(stopped, tz))
                                + (" " + tr("by %1").replace("%1", trigger_label(str(by))) if by else "")))
        for m in _reached(c):
            lines.append("⚠ " + escape(milestone_text(m, tz)))
        for w in _get(c, "warnings", "escalations", "reasons") or ():
            lines.append("⚠ " + escape(w if isinstance(w, str) else str(_get(w, "text", "message", "why") or w)))
        parts.append("<p style='margin:0 0 8px 0'>" + "<br>".join(lines) + "</p>")
    return "".join(parts)


def _reached(c: Any) -> tuple[Any, ...]:
    fn = getattr(c, "reached_milestones", None)
    return tuple(fn()) if callable(fn) else ()


def milestone_text(m: Any, tz: Any) -> str:
    """Why a clock warned or escalated: which threshold, when, and who was told."""
    at = format_datetime(_get(m, "at"), tz)
    minutes = float(_get(m, "threshold_minutes") or 0)
    notify = role_label(str(_get(m, "notify"))) if _get(m, "notify") else ""
    if _get(m, "kind") == "warning":
        text = tr("Warned %1: %2 of the target used").replace("%1", at).replace("%2", format_span(minutes * 60))
    elif _get(m, "breach"):
        text = tr("Breached %1: escalated to level %2").replace("%1", at).replace("%2", str(_get(m, "level") or 1))
    else:
        text = tr("Escalated to level %1 at %2 (%3 on the clock)").replace("%1", str(_get(m, "level") or "")) \
            .replace("%2", at).replace("%3", format_span(minutes * 60))
    return text + (" → " + notify if notify else "")


class ComplaintDetailDialog(QDialog):
    """The case in its own window (Enter on a card): the same panel, more room."""

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaint_detail_dialog")
        self.setWindowTitle(self.tr("Complaint"))
        self.resize(720, 760)
        layout = QVBoxLayout(self)
        self.panel = ComplaintDetailPanel(ctx)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.panel)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def show_detail(self, d: ComplaintDetail) -> None:
        self.setWindowTitle(f"{d.card.reference} — {label(KIND_LABELS.get(d.card.kind, d.card.kind))}")
        self.panel.show_detail(d, clock.now())
