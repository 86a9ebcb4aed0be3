"""The Quality workspace: recent recorded interactions with filters, their details, this week's QA."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QItemSelection,
    QLocale,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.changes import Changes
from app.quality.interactions import (
    CHANNEL_LABELS,
    OUTCOME_LABELS,
    FilterOptions,
    InteractionDetail,
    InteractionFilter,
    InteractionPage,
    filter_options,
    interaction_detail,
    list_interactions,
)
from app.quality.weekly import WeeklyQa, weekly_qa_status
from app.security.permissions import SCOPE_ALL, SCOPE_OWN
from ui.autoqa.summary_view import AutoQaView
from ui.complaints.access import CustomerRevealBox, scope_text, scope_tooltip
from ui.context import ConsoleContext
from ui.errors import message_text
from ui.quality.calibration import CalibrationPage
from ui.quality.disputes import DisputesPage
from ui.quality.formatting import (
    date_edit_format,
    format_date,
    format_datetime,
    format_duration,
    format_yes_no,
    label,
    qdate,
)
from ui.quality.models import (
    DEFAULT_HIDDEN_COLUMNS,
    INTERACTION_COLUMNS,
    InteractionTableModel,
    WeeklyQaModel,
    tr,
)
from ui.quality.review import ReviewPage
from ui.quality.stats import StatsPage
from ui.quality.tab import QualityTab
from ui.workspace import Workspace

DEFAULT_DAYS = 7
HIDDEN_COLUMNS_KEY = "quality/hidden_columns"
TAB_KEY = "quality/tab"


class QualityFilterBar(QWidget):
    """Date range, agent, team, queue, channel, outcome, rating range, recorded / not reviewed, search."""

    filter_did_change = Signal()

    def __init__(self, today: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._options: FilterOptions | None = None
        self._quiet = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        row1 = QHBoxLayout()
        row2 = QHBoxLayout()
        outer.addLayout(row1)
        outer.addLayout(row2)

        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_edit_format())
        self.end.setDate(qdate(today))
        self.start.setDate(qdate(today - timedelta(days=DEFAULT_DAYS - 1)))
        self.start.setObjectName("quality_start")
        self.end.setObjectName("quality_end")
        self.start.setToolTip(self.tr("First day shown, in the center's time zone"))
        self.end.setToolTip(self.tr("Last day shown, in the center's time zone"))
        self.team = QComboBox(self)
        self.agent = QComboBox(self)
        self.queue = QComboBox(self)
        self.channel = QComboBox(self)
        self.outcome = QComboBox(self)
        for combo in (self.team, self.agent, self.queue, self.channel, self.outcome):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(8)
        self.agent.setObjectName("quality_agent")
        self.team.setObjectName("quality_team")
        self.outcome.addItem(self.tr("Any outcome"), None)
        for key, text in OUTCOME_LABELS.items():
            self.outcome.addItem(label(text), key)
        self.rating_min = QSpinBox(self)
        self.rating_max = QSpinBox(self)
        for spin in (self.rating_min, self.rating_max):
            spin.setRange(0, 5)
            spin.setSpecialValueText(self.tr("any"))
        self.rating_min.setToolTip(self.tr("Lowest customer rating (1-5)"))
        self.rating_max.setToolTip(self.tr("Highest customer rating (1-5)"))
        self.recorded = QCheckBox(self.tr("Recorded only"), self)
        self.recorded.setChecked(True)
        self.recorded.setObjectName("quality_recorded")
        self.not_reviewed = QCheckBox(self.tr("Not yet reviewed"), self)
        self.not_reviewed.setObjectName("quality_not_reviewed")
        self.search = QLineEdit(self)
        self.search.setObjectName("quality_search")
        self.search.setPlaceholderText(self.tr("Search agent name…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.reset_button = QPushButton(self.tr("Reset filters"), self)
        self._today = today

        row1.addWidget(QLabel(self.tr("From")))
        row1.addWidget(self.start)
        row1.addWidget(QLabel(self.tr("to")))
        row1.addWidget(self.end)
        row1.addSpacing(12)
        row1.addWidget(self.team)
        row1.addWidget(self.agent)
        row1.addWidget(self.queue)
        row1.addWidget(self.channel)
        row1.addStretch(1)
        row2.addWidget(self.outcome)
        row2.addSpacing(12)
        row2.addWidget(QLabel(self.tr("Rating")))
        row2.addWidget(self.rating_min)
        row2.addWidget(QLabel("–"))
        row2.addWidget(self.rating_max)
        row2.addSpacing(12)
        row2.addWidget(self.recorded)
        row2.addWidget(self.not_reviewed)
        row2.addSpacing(12)
        row2.addWidget(self.search, 1)
        row2.addWidget(self.reset_button)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self._changed)
        self.search.textChanged.connect(self._search_timer.start)
        self.start.dateChanged.connect(self._on_start_date_changed)
        self.end.dateChanged.connect(self._on_end_date_changed)
        self.team.currentIndexChanged.connect(self._on_team_current_index_changed)
        for combo in (self.agent, self.queue, self.channel, self.outcome):
            combo.currentIndexChanged.connect(self._changed)
        self.rating_min.valueChanged.connect(self._on_rating_min_value_changed)
        self.rating_max.valueChanged.connect(self._on_rating_max_value_changed)
        self.recorded.toggled.connect(self._changed)
        self.not_reviewed.toggled.connect(self._changed)
        self.reset_button.clicked.connect(self.reset)
        self._fill_static(None)

    # --- options -----------------------------------------------------------------------------------
    def set_options(self, options: FilterOptions) -> None:
        self._options = options
        self._fill_static(options)
        if options.today != self._today:  # the console stayed open past midnight
            self.follow_today(options.today)

    def follow_today(self, today: Any) -> None:
        """A new day: a range that ended "today" moves along with it (quietly; the caller reloads)."""
        if self.end.date().toPython() == self._today:
            shift = (today - self._today).days
            self._quiet = True
            try:
                self.end.setDate(qdate(today))
                self.start.setDate(qdate(self.start.date().toPython() + timedelta(days=shift)))
            finally:
                self._quiet = False
        self._today = today

    def _fill_static(self, options: FilterOptions | None) -> None:
        self._quiet = True
        try:
            scoped = options is not None and options.scope.kind != SCOPE_ALL
            _refill(self.team, self.tr("All your teams") if scoped else self.tr("All teams"),
                    [(t.name, t.id) for t in options.teams] if options else [])
            self.team.setVisible(options is None or options.scope.kind != SCOPE_OWN)  # an agent has no choice
            _refill(self.queue, self.tr("All queues"),
                    [(f"{q.name} ({label(CHANNEL_LABELS.get(q.channel, q.channel))})", q.id)
                     for q in options.queues] if options else [])
            _refill(self.channel, self.tr("All channels"),
                    [(label(CHANNEL_LABELS.get(c, c)), c) for c in options.channels] if options else [])
            self._fill_agents()
        finally:
            self._quiet = False

    def _fill_agents(self) -> None:
        team_id = self.team.currentData()
        agents = self._options.agents if self._options else ()
        _refill(self.agent, self.tr("All agents"),
                [(a.name, a.id) for a in agents if team_id is None or a.team_id == team_id])

    # --- state -------------------------------------------------------------------------------------
    def current_filter(self) -> InteractionFilter:
        start = self.start.date().toPython()
        end = self.end.date().toPython()
        return InteractionFilter(
            start_day=start, end_day=end, agent_id=self.agent.currentData(), team_id=self.team.currentData(),
            queue_id=self.queue.currentData(), channel=self.channel.currentData(),
            outcome=self.outcome.currentData(), rating_min=self.rating_min.value() or None,
            rating_max=self.rating_max.value() or None, recorded_only=self.recorded.isChecked(),
            not_reviewed=self.not_reviewed.isChecked(), agent_text=self.search.text(),
        )

    def reset(self) -> None:
        self._quiet = True
        try:
            self.end.setDate(qdate(self._today))
            self.start.setDate(qdate(self._today - timedelta(days=DEFAULT_DAYS - 1)))
            for combo in (self.team, self.agent, self.queue, self.channel, self.outcome):
                combo.setCurrentIndex(0)
            self.rating_min.setValue(0)
            self.rating_max.setValue(0)
            self.recorded.setChecked(True)
            self.not_reviewed.setChecked(False)
            self.search.clear()
            self._search_timer.stop()
        finally:
            self._quiet = False
        self.filter_did_change.emit()

    def _changed(self, *_args: object) -> None:
        if not self._quiet:
            self.filter_did_change.emit()

    def _on_team_current_index_changed(self, _index: int) -> None:
        was_quiet, self._quiet = self._quiet, True
        try:
            self._fill_agents()
        finally:
            self._quiet = was_quiet
        self._changed()

    def _on_start_date_changed(self, date: QDate) -> None:
        if date > self.end.date():  # keep the range valid instead of refusing the input
            was_quiet, self._quiet = self._quiet, True
            self.end.setDate(date)
            self._quiet = was_quiet
        self._changed()

    def _on_end_date_changed(self, date: QDate) -> None:
        if date < self.start.date():
            was_quiet, self._quiet = self._quiet, True
            self.start.setDate(date)
            self._quiet = was_quiet
        self._changed()

    def _on_rating_min_value_changed(self, value: int) -> None:
        if value and self.rating_max.value() and value > self.rating_max.value():
            was_quiet, self._quiet = self._quiet, True
            self.rating_max.setValue(value)
            self._quiet = was_quiet
        self._changed()

    def _on_rating_max_value_changed(self, value: int) -> None:
        if value and self.rating_min.value() and value < self.rating_min.value():
            was_quiet, self._quiet = self._quiet, True
            self.rating_min.setValue(value)
            self._quiet = was_quiet
        self._changed()


def _refill(combo: QComboBox, all_text: str, items: list[tuple[str, Any]]) -> None:
    """Replace a combo's items, keeping the current choice when it still exists."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_text, None)
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


class InteractionDetailPanel(QGroupBox):
    """Everything known about the selected interaction; the customer only masked (R-SEC-2)."""

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Interaction"), parent)
        self.ctx = ctx
        self.setObjectName("quality_detail")
        layout = QVBoxLayout(self)
        self.placeholder = QLabel(self.tr("Select an interaction to see its details."), self)
        self.placeholder.setObjectName("empty_state")
        self.placeholder.setWordWrap(True)
        layout.addWidget(self.placeholder)
        self.body = QWidget(self)
        self.form = QFormLayout(self.body)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, caption in (
            ("when", self.tr("Offered")), ("agent", self.tr("Agent")), ("queue", self.tr("Queue")),
            ("times", self.tr("Wait / talk / wrap")), ("outcome", self.tr("Outcome")),
            ("rating", self.tr("Rating")), ("recommendation", self.tr("Recommendation")),
            ("customer", self.tr("Customer")), ("region", self.tr("Region")),
            ("recording", self.tr("Recording")), ("reviews", self.tr("QA reviews")),
            ("complaints", self.tr("Complaints")),
        ):
            value = QLabel(self.body)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"detail_{key}")
            self.fields[key] = value
            self.form.addRow(caption, value)
        # the audited reveal sits under the masked customer (roles allowed customer.reveal only)
        self.reveal_box = CustomerRevealBox(ctx, self.body)
        self.form.insertRow(self.form.getWidgetPosition(self.fields["customer"])[0] + 1, "", self.reveal_box)
        layout.addWidget(self.body)
        layout.addStretch(1)
        self.body.hide()
        self.detail: InteractionDetail | None = None

    def clear(self) -> None:
        self.detail = None
        self.reveal_box.set_source(None)
        self.body.hide()
        self.placeholder.show()

    def show_detail(self, d: InteractionDetail) -> None:
        self.detail = d
        r = d.row
        tz = self.ctx.timezone
        locale = QLocale()
        f = self.fields
        f["when"].setText(format_datetime(r.offered_at, tz))
        f["agent"].setText(f"{r.agent} · {r.team}" if r.agent and r.team else (r.agent or self.tr("No agent")))
        f["queue"].setText(f"{r.queue} · {label(CHANNEL_LABELS.get(r.channel, r.channel))}")
        f["times"].setText(" / ".join(format_duration(x) for x in (r.wait_sec, r.duration_sec, d.wrap_sec)))
        f["outcome"].setText(label(OUTCOME_LABELS.get(r.outcome, r.outcome)) + " · "
                             + self.tr("resolved: %1").replace("%1", format_yes_no(r.resolved)))
        f["rating"].setText(self.tr("%1 of 5").replace("%1", locale.toString(r.rating))
                            if r.rating is not None else self.tr("Not rated"))
        if d.recommendation_offered:
            f["recommendation"].setText(self.tr("Offered, converted") if d.recommendation_converted
                                        else self.tr("Offered, not converted"))
        else:
            f["recommendation"].setText(self.tr("Not offered"))
        customer = " · ".join(x for x in (d.customer_name_masked, r.customer_masked) if x)
        if d.customer_is_vip:
            customer += " · " + self.tr("VIP")
        f["customer"].setText(customer or self.tr("Unknown"))
        self.reveal_box.set_source(d.customer_id, interaction_id=r.id)
        f["region"].setText(d.region or "—")
        if d.recording_ref:
            length = (" (" + format_duration(d.recording_sec) + ")") if d.recording_sec else ""
            f["recording"].setText(d.recording_ref.rsplit("/", 1)[-1] + length)
            f["recording"].setToolTip(d.recording_ref)
        else:
            f["recording"].setText(self.tr("No recording"))
            f["recording"].setToolTip("")
        if d.reviews:
            lines = []
            for review in d.reviews:
                line = self.tr("%1: score %2, %3 violation(s)").replace(
                    "%1", format_datetime(review.reviewed_at, tz)).replace(
                    "%2", locale.toString(review.dialogue_score)).replace("%3", locale.toString(review.violations))
                if review.reviewer:
                    line += " — " + review.reviewer
                if review.status == "draft":
                    line += " " + self.tr("(draft)")
                lines.append(line)
            f["reviews"].setText("\n".join(lines))
        else:
            f["reviews"].setText(self.tr("Not reviewed yet"))
        f["complaints"].setText(", ".join(d.complaints) if d.complaints else self.tr("None"))
        self.placeholder.hide()
        self.body.show()


class WeeklyQaPanel(QGroupBox):
    """This week's QA per agent: drawn / reviewed / quota (R-QA-1), agents under quota in red."""

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("This week's QA"), parent)
        self.ctx = ctx
        self.setObjectName("quality_weekly")
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("weekly_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = WeeklyQaModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("weekly_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # the agent's name matters most; the team gives way when the panel is narrow
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(24)
        layout.addWidget(self.table, 1)
        self.weekly: WeeklyQa | None = None

    def show_weekly(self, weekly: WeeklyQa) -> None:
        self.weekly = weekly
        locale = QLocale()
        span = self.tr("%1 – %2").replace("%1", format_date(weekly.week_start)).replace(
            "%2", format_date(weekly.week_end))
        self.setTitle(self.tr("This week's QA: sample of %1").replace("%1", span))
        self.model.set_rows(weekly.agents)
        if not weekly.agents and weekly.scope.kind != SCOPE_ALL:
            text = self.tr("No agents for you to see: %1.").replace(
                "%1", scope_text(weekly.scope, self.tr("only your own QA is shown")))
        elif not weekly.agents:
            text = self.tr("No active agents. Add agents in Admin to plan QA reviews.")
        elif not weekly.has_draw:
            text = self.tr("No QA draw has been made for last week yet, so all %1 agents are under the "
                           "quota of %2 reviewed interactions (R-QA-1).").replace(
                "%1", locale.toString(len(weekly.agents))).replace("%2", locale.toString(weekly.quota))
        else:
            text = self.tr("%1 of %2 agents under the quota of %3 (R-QA-1) · %4 drawn, %5 reviewed").replace(
                "%1", locale.toString(weekly.under_quota)).replace("%2", locale.toString(len(weekly.agents))) \
                .replace("%3", locale.toString(weekly.quota)).replace("%4", locale.toString(weekly.drawn)) \
                .replace("%5", locale.toString(weekly.reviewed))
        self.summary.setText(text)


class QualityWorkspace(Workspace):
    # interactions and their reviews, the R-QA-1 quota (SETTINGS), names and teams (PEOPLE)
    refresh_on = Changes.INTERACTIONS | Changes.QA | Changes.SETTINGS | Changes.PEOPLE

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.page_data: InteractionPage | None = None
        self.options: FilterOptions | None = None
        self._page_seq = 0  # list-only loads (paging, sorting, filters)
        self._detail_request = 0
        self._offset = 0
        self._selected_id: int | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(8)
        header = QHBoxLayout()
        title = QLabel(self.title(), self)
        title.setObjectName("page_title")
        header.addWidget(title)
        header.addStretch(1)
        self.scope_label = QLabel(self)
        self.scope_label.setObjectName("quality_scope")
        header.addWidget(self.scope_label)
        outer.addLayout(header)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("quality_tabs")
        self.tabs.setDocumentMode(True)
        outer.addWidget(self.tabs, 1)

        # --- the interactions tab: every recent interaction, filters, details, the weekly quota
        self.interactions_tab = QWidget(self.tabs)
        layout = QVBoxLayout(self.interactions_tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        hint = QLabel(self.tr("Recent interactions to spot-check; times in %1. Right-click the headings to "
                              "choose columns.").replace("%1", ctx.timezone.key), self.interactions_tab)
        hint.setObjectName("hint")
        layout.addWidget(hint)

        today = clock.now().astimezone(ctx.timezone).date()
        self.filters = QualityFilterBar(today, self)
        self.filters.filter_did_change.connect(self._on_filters_filter_did_change)
        layout.addWidget(self.filters)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = InteractionTableModel(ctx.timezone, self)
        self.model.sort_requested.connect(self._on_model_sort_requested)
        self.table = QTableView(left)
        self.table.setObjectName("quality_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._on_header_context_menu_requested)
        self._restore_hidden_columns()
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.empty = QLabel(left)
        self.empty.setObjectName("empty_state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(left)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        left_layout.addWidget(self.stack, 1)
        pager = QHBoxLayout()
        self.page_label = QLabel(left)
        self.page_label.setObjectName("quality_page_label")
        self.prev_button = QPushButton(self.tr("◀ Previous"), left)
        self.next_button = QPushButton(self.tr("Next ▶"), left)
        self.prev_button.clicked.connect(self._on_prev_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        pager.addWidget(self.page_label)
        pager.addStretch(1)
        pager.addWidget(self.prev_button)
        pager.addWidget(self.next_button)
        left_layout.addLayout(pager)

        right = QSplitter(Qt.Orientation.Vertical, splitter)
        right.setChildrenCollapsible(False)
        self.detail = InteractionDetailPanel(ctx)
        scroll = QScrollArea(right)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.detail)
        self.weekly = WeeklyQaPanel(ctx, right)
        right.addWidget(scroll)
        right.addWidget(self.weekly)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        right.setSizes([310, 450])
        right.setMinimumWidth(330)
        right.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([890, 350])
        layout.addWidget(splitter, 1)
        self._update_pager()
        self._build_tabs()

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("workspaces", "Quality")

    @staticmethod
    def icon_name() -> str:
        return "quality"

    # --- tabs ----------------------------------------------------------------------------------------
    def _build_tabs(self) -> None:
        """Review (this week's sample, player, scorecard), Interactions, Calibration, Disputes, Statistics."""
        self.quality_tabs: list[QualityTab] = []
        self.review = ReviewPage(self.ctx, self.tabs)
        self.calibration = CalibrationPage(self.ctx, self.tabs)
        self.disputes = DisputesPage(self.ctx, self.tabs)
        self.stats = StatsPage(self.ctx, self.tabs)
        self.tabs.addTab(self.review, ReviewPage.tab_title())
        self.tabs.addTab(self.interactions_tab, self.tr("Interactions"))
        for tab in (self.calibration, self.disputes, self.stats):
            self.tabs.addTab(tab, tab.tab_title())
        # automatic checks of every chat (issue 11): a nested workspace that loads when shown
        self.autoqa = AutoQaView(self.ctx, self.tabs)
        self.tabs.addTab(self.autoqa, AutoQaView.title())
        for tab in (self.review, self.calibration, self.disputes, self.stats):
            self.quality_tabs.append(tab)
            tab.did_load.connect(self._on_tab_did_load)
            tab.scope_did_load.connect(self._show_scope)
        self.review.calibration_requested.connect(self._on_review_calibration_requested)
        self._interactions_stale = True
        saved = QSettings().value(TAB_KEY)
        names = [self._tab_key(i) for i in range(self.tabs.count())]
        # the tab last used on this desk (QSettings); the first time, the interactions overview
        self.tabs.setCurrentIndex(names.index(str(saved)) if saved in names else names.index("interactions"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def _tab_key(self, index: int) -> str:
        widget = self.tabs.widget(index)
        return {self.review: "review", self.interactions_tab: "interactions", self.calibration: "calibration",
                self.disputes: "disputes", self.stats: "statistics", self.autoqa: "autoqa"}.get(widget, "")

    def show_tab(self, key: str) -> None:
        index = next(i for i in range(self.tabs.count()) if self._tab_key(i) == key)
        self.tabs.setCurrentIndex(index)

    def _on_tabs_current_changed(self, index: int) -> None:
        QSettings().setValue(TAB_KEY, self._tab_key(index))
        widget = self.tabs.widget(index)
        if widget is self.interactions_tab and self._interactions_stale:
            self._load_interactions()
        elif isinstance(widget, QualityTab) and widget.stale:
            widget.refresh()

    def _on_review_calibration_requested(self, interaction_id: int) -> None:
        self.show_tab("calibration")
        self.calibration.new_session(preselect=interaction_id)

    def _on_tab_did_load(self) -> None:
        if self.loading and self.sender() is self.tabs.currentWidget():
            self.mark_loaded()

    def _show_scope(self, scope: Any) -> None:
        self.scope_label.setText(scope_text(scope, self.tr("Only your own interactions")))
        self.scope_label.setToolTip(scope_tooltip(scope))

    # --- loading -------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Only the visible tab loads; the others load when they are shown."""
        self._interactions_stale = True
        for tab in self.quality_tabs:
            tab.stale = True
        current = self.tabs.currentWidget()
        if isinstance(current, QualityTab):
            current.refresh()
        elif current is self.autoqa:
            self.autoqa.refresh()
            self.mark_loaded()
        else:
            self._load_interactions()

    def _load_interactions(self) -> None:
        self._interactions_stale = False
        f = self.filters.current_filter()
        offset, sort, descending = self._offset, self.model.sort_key, self.model.descending
        actor = self.ctx.actor

        def load(s: Any) -> tuple[FilterOptions, InteractionPage, WeeklyQa]:
            return (filter_options(s, actor),
                    list_interactions(s, actor, f, offset=offset, sort=sort, descending=descending),
                    weekly_qa_status(s, actor))

        page_seq = self._page_seq
        self.load(load, lambda result: self._on_loaded(result, page_seq), self._on_failed)

    def _on_loaded(self, result: tuple[FilterOptions, InteractionPage, WeeklyQa], page_seq: int) -> None:
        options, page, weekly = result
        self.options = options
        self._show_scope(options.scope)
        before = self.filters.current_filter()
        self.filters.set_options(options)
        self.weekly.show_weekly(weekly)
        if page_seq == self._page_seq:  # no newer page was asked for while this loaded
            self._show_page(page)
        if self.loading:
            self.mark_loaded()
        if self.filters.current_filter() != before:  # a new day moved the range
            self.load_page(0)

    def _on_failed(self, exc: BaseException) -> None:
        if self.loading:
            self.mark_failed(exc)
        self.page_label.setText(self.tr("Could not load interactions: %1").replace("%1", message_text(exc).splitlines()[0]))

    def load_page(self, offset: int = 0) -> None:
        """Reload only the list (filters, paging, sorting changed)."""
        self._offset = max(0, offset)
        f = self.filters.current_filter()
        offset, sort, descending = self._offset, self.model.sort_key, self.model.descending
        actor = self.ctx.actor
        self.page_label.setText(self.tr("Loading…"))
        self._page_seq += 1
        seq = self._page_seq

        def done(page: InteractionPage) -> None:
            if seq == self._page_seq:
                self._show_page(page)

        self.ctx.tasks.query(
            lambda s: list_interactions(s, actor, f, offset=offset, sort=sort, descending=descending)
        ).success(done).failure(self._on_failed).run()

    def _show_page(self, page: InteractionPage) -> None:
        self.page_data = page
        self._offset = page.offset
        keep = self._selected_id
        self.model.set_rows(page.rows)
        if page.rows:
            self.stack.setCurrentWidget(self.table)
            self._fit_columns()
            row = next((i for i, r in enumerate(page.rows) if r.id == keep), None)
            if row is not None:
                self.table.selectRow(row)
            else:
                self._selected_id = None
                self.detail.clear()
        else:
            self._selected_id = None
            self.detail.clear()
            if self.options is not None and not self.options.has_interactions and \
                    self.options.scope.kind != SCOPE_ALL:
                self.empty.setText(self.tr("No interactions for you to see yet: %1.")
                                   .replace("%1", scope_text(self.options.scope,
                                                             self.tr("only your own interactions are shown"))))
            elif self.options is not None and not self.options.has_interactions:
                self.empty.setText(self.tr("No interactions yet — run `floorwalker demo` or import history."))
            else:
                self.empty.setText(self.tr("No interactions match these filters. Widen the dates, clear "
                                           "“Recorded only” or press Reset filters."))
            self.stack.setCurrentWidget(self.empty)
        self._update_pager()

    def _update_pager(self) -> None:
        page = self.page_data
        locale = QLocale()
        if page is None:
            self.page_label.setText(self.tr("Loading…"))
        elif page.total == 0:
            self.page_label.setText(self.tr("No interactions"))
        else:
            self.page_label.setText(self.tr("Showing %1–%2 of %3").replace("%1", locale.toString(page.first))
                                    .replace("%2", locale.toString(page.last))
                                    .replace("%3", locale.toString(page.total)))
        self.prev_button.setEnabled(bool(page and page.has_previous))
        self.next_button.setEnabled(bool(page and page.has_next))

    # --- columns -------------------------------------------------------------------------------------
    def _restore_hidden_columns(self) -> None:
        saved = QSettings().value(HIDDEN_COLUMNS_KEY)
        hidden = set(str(saved).split(",")) if saved is not None else set(DEFAULT_HIDDEN_COLUMNS)
        for column, (key, *_rest) in enumerate(INTERACTION_COLUMNS):
            self.table.setColumnHidden(column, key in hidden and key != "time")

    def _fit_columns(self) -> None:
        """Size columns to their contents and heading; only the sorted heading needs room for its arrow
        (Qt reserves it on every heading, which would push the customer column out of sight)."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        sorted_column = header.sortIndicatorSection()
        for column in range(self.model.columnCount()):
            if self.table.isColumnHidden(column):
                continue
            heading = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = metrics.horizontalAdvance(heading) + 16 + (18 if column == sorted_column else 0)
            self.table.setColumnWidth(column, max(width, self.table.sizeHintForColumn(column) + 4))

    def set_column_visible(self, key: str, visible: bool) -> None:
        column = next(i for i, c in enumerate(INTERACTION_COLUMNS) if c[0] == key)
        self.table.setColumnHidden(column, not visible)
        hidden = [c[0] for i, c in enumerate(INTERACTION_COLUMNS) if self.table.isColumnHidden(i)]
        QSettings().setValue(HIDDEN_COLUMNS_KEY, ",".join(hidden))

    def column_menu(self) -> QMenu:
        menu = QMenu(self)
        for column, (key, heading, *_rest) in enumerate(INTERACTION_COLUMNS):
            action = menu.addAction(tr(heading))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.setEnabled(key != "time")  # the list always says when
            action.toggled.connect(lambda on, k=key: self.set_column_visible(k, on))
        return menu

    def _on_header_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    # --- reactions -----------------------------------------------------------------------------------
    def _on_filters_filter_did_change(self) -> None:
        self.load_page(0)

    def _on_model_sort_requested(self, _key: str, _descending: bool) -> None:
        self.load_page(0)

    def _on_prev_button_clicked(self) -> None:
        if self.page_data is not None:
            self.load_page(self._offset - self.page_data.limit)

    def _on_next_button_clicked(self) -> None:
        if self.page_data is not None:
            self.load_page(self._offset + self.page_data.limit)

    def _on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        if row is None:
            return
        self._selected_id = row.id
        self._detail_request += 1
        request = self._detail_request
        interaction_id, actor = row.id, self.ctx.actor

        def done(detail: InteractionDetail | None) -> None:
            if request != self._detail_request:
                return
            if detail is None:
                self.detail.clear()
            else:
                self.detail.show_detail(detail)

        self.ctx.tasks.query(lambda s: interaction_detail(s, actor, interaction_id)).success(done).run()

