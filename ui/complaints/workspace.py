"""The Complaints workspace: one column per stage (R-FLOW-1), filters, and the selected case's timeline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.complaints.board import (
    CATEGORIES,
    CATEGORY_LABELS,
    CHANNEL_LABELS,
    CLOSED_DAYS,
    KIND_LABELS,
    PRIORITIES,
    PRIORITY_LABELS,
    STAGE_LABELS,
    STAGES,
    Board,
    BoardFilter,
    ComplaintDetail,
    complaint_detail,
    filter_board,
    load_board,
)
from app.complaints.sla import AT_RISK, BREACHED, SLA_LABELS
from app.security.permissions import SCOPE_ALL
from ui.complaints.access import CustomerRevealBox, scope_text, scope_tooltip
from ui.complaints.cards import CardDelegate
from ui.complaints.formatting import SLA_COLORS, format_datetime, format_sla, format_span, label
from ui.complaints.models import CARD_ROLE, CardListModel, timeline_html
from ui.context import ConsoleContext
from ui.workspace import Workspace

TICK_MS = 60_000  # deadlines move with time: refresh the board every minute while it is shown


class StageColumnWidget(QFrame):
    """A stage's header with its count, and its cards."""

    card_selected = Signal(int)

    def __init__(self, stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName("stage_column")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.header = QLabel(self)
        self.header.setObjectName("stage_header")
        layout.addWidget(self.header)
        self.model = CardListModel(stage, self)
        self.view = QListView(self)
        self.view.setObjectName(f"stage_{stage}")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setMinimumWidth(150)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        layout.addWidget(self.view, 1)
        self.set_count(0, 0, False)

    def set_count(self, shown: int, total: int, filtered: bool) -> None:
        name = label(STAGE_LABELS[self.stage])
        locale = QLocale()
        count = (self.tr("%1 of %2").replace("%1", locale.toString(shown)).replace("%2", locale.toString(total))
                 if filtered else locale.toString(total))
        self.header.setText(f"<b>{name}</b>&nbsp;&nbsp;<span>{count}</span>")
        if self.stage == "closed":
            self.header.setToolTip(self.tr("Closed in the last %1 days").replace("%1", str(CLOSED_DAYS)))

    def _on_view_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            card = rows[0].data(CARD_ROLE)
            if card is not None:
                self.card_selected.emit(card.id)

    def select(self, complaint_id: int | None) -> bool:
        row = self.model.row_of(complaint_id) if complaint_id is not None else None
        if row is None:
            self.view.clearSelection()
            return False
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True


class ComplaintDetailPanel(QWidget):
    """The selected case: its facts, its resolution deadline and its timeline."""

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        self.placeholder.hide()
        self.title.show()
        self.body.show()


class ComplaintsWorkspace(Workspace):
    # deadlines follow the rule values (SETTINGS); owners and teams are people (PEOPLE)
    refresh_on = Changes.COMPLAINTS | Changes.SETTINGS | Changes.PEOPLE

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.board: Board | None = None
        self.shown_board: Board | None = None
        self.selected_id: int | None = None
        self._detail_request = 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        header = QHBoxLayout()
        title = QLabel(self.title(), self)
        title.setObjectName("page_title")
        header.addWidget(title)
        self.summary = QLabel(self)
        self.summary.setObjectName("complaints_summary")
        header.addWidget(self.summary)
        header.addStretch(1)
        self.scope_label = QLabel(self)
        self.scope_label.setObjectName("complaints_scope")
        header.addWidget(self.scope_label)
        layout.addLayout(header)

        filters = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("complaints_search")
        self.search.setPlaceholderText(self.tr("Filter: reference, summary, owner, team or customer…"))
        self.search.setClearButtonEnabled(True)
        self.priority = QComboBox(self)
        self.priority.setObjectName("complaints_priority")
        self.priority.addItem(self.tr("All priorities"), None)
        for p in PRIORITIES:
            self.priority.addItem(label(PRIORITY_LABELS[p]), p)
        self.category = QComboBox(self)
        self.category.setObjectName("complaints_category")
        self.category.addItem(self.tr("All categories"), None)
        for c in CATEGORIES:
            self.category.addItem(label(CATEGORY_LABELS[c]), c)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.priority)
        filters.addWidget(self.category)
        legend = QLabel(self)
        legend.setObjectName("hint")
        legend.setText("  ".join(f"<span style='color:{SLA_COLORS[s].name()}'>■</span> {label(SLA_LABELS[s])}"
                                 for s in SLA_COLORS))
        legend.setToolTip(self.tr("The card's left bar: where its resolution deadline stands "
                                  "(R-SLA-6 for complaints, R-SLA-7 for service requests)"))
        filters.addSpacing(12)
        filters.addWidget(legend)
        layout.addLayout(filters)
        self.search.textChanged.connect(self._on_filter_changed)
        self.priority.currentIndexChanged.connect(self._on_filter_changed)
        self.category.currentIndexChanged.connect(self._on_filter_changed)

        self.empty = QLabel(self)
        self.empty.setObjectName("empty_state")
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout.addWidget(self.empty)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        board_host = QWidget(splitter)
        board_layout = QHBoxLayout(board_host)
        board_layout.setContentsMargins(0, 0, 0, 0)
        board_layout.setSpacing(8)
        self.columns: dict[str, StageColumnWidget] = {}
        for stage in STAGES:
            column = StageColumnWidget(stage, board_host)
            column.card_selected.connect(self._on_column_card_selected)
            self.columns[stage] = column
            board_layout.addWidget(column, 1)
        self.detail = ComplaintDetailPanel(ctx)
        scroll = QScrollArea(splitter)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.detail)
        scroll.setMinimumWidth(260)
        splitter.addWidget(board_host)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([960, 300])
        layout.addWidget(splitter, 1)

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick_timeout)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("workspaces", "Complaints")

    @staticmethod
    def icon_name() -> str:
        return "complaints"

    # --- loading -------------------------------------------------------------------------------------
    def reload(self) -> None:
        actor = self.ctx.actor
        self.load(lambda s: load_board(s, actor), self._on_loaded, self._on_failed)

    def _on_loaded(self, board: Board) -> None:
        self.board = board
        self._show_board()
        if self.selected_id is not None:
            self._load_detail(self.selected_id)
        self.mark_loaded()

    def _on_failed(self, exc: BaseException) -> None:
        self.mark_failed(exc)
        self.summary.setText(self.tr("Could not load the board: %1").replace("%1", str(exc).splitlines()[0]))

    def current_filter(self) -> BoardFilter:
        return BoardFilter(text=self.search.text(), priority=self.priority.currentData(),
                           category=self.category.currentData())

    def _show_board(self) -> None:
        board = self.board
        if board is None:
            return
        f = self.current_filter()
        shown = filter_board(board, f)
        self.shown_board = shown
        for stage, column in self.columns.items():
            cards = shown.column(stage).cards
            column.model.set_cards(cards, board.at)
            column.set_count(len(cards), board.column(stage).count, f.active)
        selected_visible = any(col.select(self.selected_id) for col in self.columns.values())
        if not selected_visible and self.selected_id is not None:
            self.selected_id = None
            self.detail.clear()
        locale = QLocale()
        counts = board.sla_counts()
        parts = [self.tr("%1 open").replace("%1", locale.toString(board.open_count))]
        for state in (BREACHED, AT_RISK):
            if counts[state]:
                parts.append(f"<span style='color:{SLA_COLORS[state].name()}'>"
                             f"{locale.toString(counts[state])} {label(SLA_LABELS[state]).lower()}</span>")
        self.summary.setText(" · ".join(parts))
        self.scope_label.setText(scope_text(board.scope, self.tr("Only the cases you own")))
        self.scope_label.setToolTip(scope_tooltip(board.scope))
        total = sum(c.count for c in board.columns)
        if total == 0 and board.scope.kind != SCOPE_ALL:
            self.empty.setText(self.tr("No open complaints or service requests for you to see, and none closed in "
                                       "the last %1 days. You see %2; cases of other teams are not shown.")
                               .replace("%1", str(CLOSED_DAYS))
                               .replace("%2", self.tr("the cases you own") if not board.scope.team_ids
                                        else ", ".join(board.scope.team_names)))
            self.empty.show()
        elif total == 0:
            self.empty.setText(self.tr("No open complaints or service requests, and none closed in the last "
                                       "%1 days. Cases logged on any desk appear here as soon as they are saved; "
                                       "a demo center (`floorwalker demo`) has cases in every stage.")
                               .replace("%1", str(CLOSED_DAYS)))
            self.empty.show()
        elif f.active and sum(c.count for c in shown.columns) == 0:
            self.empty.setText(self.tr("No card matches this filter. Clear the search or choose "
                                       "“All priorities” and “All categories”."))
            self.empty.show()
        else:
            self.empty.hide()

    # --- reactions -----------------------------------------------------------------------------------
    def _on_filter_changed(self, *_args: object) -> None:
        self._show_board()

    def _on_column_card_selected(self, complaint_id: int) -> None:
        sender = self.sender()
        for column in self.columns.values():
            if column is not sender:
                column.view.selectionModel().clearSelection()
        if complaint_id != self.selected_id or self.detail.detail is None:
            self.selected_id = complaint_id
            self._load_detail(complaint_id)

    def _load_detail(self, complaint_id: int) -> None:
        self._detail_request += 1
        request = self._detail_request

        def done(detail: ComplaintDetail | None) -> None:
            if request != self._detail_request:
                return
            if detail is None:
                self.selected_id = None
                self.detail.clear()
            else:
                self.detail.show_detail(detail, self.board.at if self.board else detail.card.opened_at)

        actor = self.ctx.actor
        self.ctx.tasks.query(lambda s: complaint_detail(s, actor, complaint_id)).success(done).run()

    def _on_tick_timeout(self) -> None:
        if not self.loading:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._tick.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self._tick.stop()
        super().hideEvent(event)
