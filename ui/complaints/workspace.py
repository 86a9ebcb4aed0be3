"""The Complaints workspace: the Kanban board by stage (R-FLOW-1) or a sortable list, filters and saved
views, the record form (Ctrl+N), imports and exports, and the selected case's detail.

Keys: Ctrl+N new case · Ctrl+F search (Down goes on to the cards) · arrows between cards and columns ·
Enter opens the case · Ctrl+→ / Ctrl+← move the card to the next / previous stage · Ctrl+L board or list.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.changes import Changes
from app.complaints.board import (
    CATEGORIES,
    CATEGORY_LABELS,
    CLOSED_DAYS,
    PRIORITIES,
    PRIORITY_LABELS,
    STAGE_LABELS,
    STAGES,
    Board,
    ComplaintCard,
    ComplaintDetail,
    StageColumn,
    complaint_detail,
    load_board,
)
from app.complaints.sla import AT_RISK, BREACHED, MET, ON_TRACK, SLA_LABELS
from app.security.permissions import SCOPE_ALL, allowed
from ui.complaints import actions
from ui.complaints.access import scope_text, scope_tooltip
from ui.complaints.board_view import BoardView, StageColumnWidget
from ui.complaints.detail import ComplaintDetailDialog, ComplaintDetailPanel
from ui.complaints.dialogs import OwnerDialog, ReasonDialog
from ui.complaints.filters import UNASSIGNED, CardFilter, apply_filter, haystacks
from ui.complaints.formatting import SLA_COLORS, label
from ui.complaints.models import CARD_ROLE, ComplaintTableModel
from ui.context import ConsoleContext
from ui.errors import show_error
from ui.widgets.labels import WrappingLabel
from ui.workspace import Workspace

TICK_MS = 60_000  # the board reloads every minute while shown (other clocks' events, rule changes)
COUNTDOWN_MS = 1_000  # the countdowns on the visible cards move every second
SETTINGS_VIEWS = "complaints/views"
SETTINGS_WIP = "complaints/wip"
BOARD, LIST = 0, 1

__all__ = ["ComplaintDetailPanel", "ComplaintsWorkspace", "StageColumnWidget"]


class ComplaintsWorkspace(Workspace):
    # deadlines follow the rule values (SETTINGS); owners and teams are people (PEOPLE)
    refresh_on = Changes.COMPLAINTS | Changes.SETTINGS | Changes.PEOPLE

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.board: Board | None = None
        self.shown: dict[str, list[ComplaintCard]] = {}
        self.cards_by_id: dict[int, ComplaintCard] = {}
        self.selected_id: int | None = None
        self.people: list[Any] = []
        self._detail_request = 0
        self._applying_view = False
        # how the workspace asks for a reason; tests replace it (returns None when cancelled)
        self.ask_reason: Callable[[str, str], str | None] = self._ask_reason_dialog
        self.last_move_ms: float | None = None
        self.last_save_ms: float | None = None
        self._texts: dict[int, str] = {}
        self._texts_for: Board | None = None
        self._summary_for: Board | None = None
        self._list_stale = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_toolbar())
        layout.addLayout(self._build_filters())

        self.empty = QLabel(self)
        self.empty.setObjectName("empty_state")
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout.addWidget(self.empty)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        self.stack = QStackedWidget(splitter)
        self.board_view = BoardView(self.stack)
        self.columns: dict[str, StageColumnWidget] = self.board_view.columns
        self.stack.addWidget(self.board_view)
        self.stack.addWidget(self._build_list())
        self.board_view.card_selected.connect(self._on_card_selected)
        self.board_view.card_activated.connect(self.open_detail)
        self.board_view.cards_did_drop.connect(self._on_board_cards_did_drop)
        self.board_view.move_requested.connect(self._on_board_move_requested)
        for column in self.columns.values():
            column.header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            column.header.customContextMenuRequested.connect(
                lambda pos, c=column: self._on_header_context_menu(c, pos))
        self.detail = ComplaintDetailPanel(ctx)
        self.detail.references = lambda: list(self._reference_ids())
        self.detail.reference_ids = self._reference_ids
        scroll = QScrollArea(splitter)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.detail)
        scroll.setMinimumWidth(300)
        splitter.addWidget(self.stack)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([960, 320])
        layout.addWidget(splitter, 1)
        self.detail_dialog: ComplaintDetailDialog | None = None

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick_timeout)
        self.countdown = QTimer(self)
        self.countdown.setInterval(COUNTDOWN_MS)
        self.countdown.timeout.connect(self._on_countdown_timeout)

        for seq, slot in (("Ctrl+N", self.open_record_form), ("Ctrl+F", self._focus_search),
                          ("Ctrl+L", self.toggle_mode)):
            shortcut = QShortcut(QKeySequence(seq), self, activated=slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Enter on a list row opens the case, as on a card; Down from the search box goes to the cards
        for key in ("Return", "Enter"):
            QShortcut(QKeySequence(key), self.table, activated=self._on_table_enter,
                      context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Down"), self.search, activated=self._focus_cards,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self._load_wip_limits()
        self._reload_view_names()
        self.apply_permissions()

    def apply_permissions(self) -> None:
        """Roles that may not change complaints see the board read-only (the services refuse anyway)."""
        self.can_edit = allowed(self.ctx.actor, "complaints.edit")
        for w in (self.new_button, self.import_button, self.assign_button, self.move_button):
            w.setVisible(self.can_edit)
        for column in self.columns.values():
            column.view.setDragEnabled(self.can_edit)
            column.view.setAcceptDrops(self.can_edit)
        self.detail.set_read_only(not self.can_edit)
        self.keys_hint.setText(self.tr("Ctrl+N new case · arrows move between cards · Enter opens · "
                                       "Ctrl+→ / Ctrl+← next / previous stage") if self.can_edit
                               else self.tr("Read-only: your role does not change complaints"))
        self.keys_hint.setToolTip(self.keys_hint.text())  # the bar may cut it on a narrow window

    # --- building ----------------------------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
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
        return header

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New case…"), self)
        self.new_button.setObjectName("complaints_new")
        self.new_button.setToolTip(self.tr("Record a complaint or service request (Ctrl+N)"))
        self.new_button.clicked.connect(self.open_record_form)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.setObjectName("complaints_import")
        self.import_button.clicked.connect(self.open_import_dialog)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("complaints_export")
        self.export_button.setToolTip(self.tr("Save the cases shown (this filter, this order) as CSV or Excel"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.mode = QComboBox(self)
        self.mode.setObjectName("complaints_mode")
        self.mode.addItem(self.tr("Board"), BOARD)
        self.mode.addItem(self.tr("List"), LIST)
        self.mode.setToolTip(self.tr("Board or list (Ctrl+L)"))
        self.mode.currentIndexChanged.connect(self._on_mode_changed)
        self.views = QComboBox(self)
        self.views.setObjectName("complaints_views")
        self.views.setMinimumWidth(160)
        self.views.setToolTip(self.tr("Saved views: filters and board or list"))
        self.views.activated.connect(self._on_views_activated)
        self.save_view_button = QPushButton(self.tr("Save view…"), self)
        self.save_view_button.setObjectName("complaints_save_view")
        self.save_view_button.clicked.connect(self._on_save_view_button_clicked)
        self.delete_view_button = QPushButton(self.tr("Delete view"), self)
        self.delete_view_button.setObjectName("complaints_delete_view")
        self.delete_view_button.clicked.connect(self._on_delete_view_button_clicked)
        for w in (self.new_button, self.import_button, self.export_button):
            bar.addWidget(w)
        bar.addSpacing(16)
        bar.addWidget(self.mode)
        bar.addSpacing(12)
        self.keys_hint = QLabel(self)
        self.keys_hint.setObjectName("hint")
        # shrinks (clipped) on a narrow window instead of widening the toolbar
        self.keys_hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.keys_hint, 1)
        bar.addWidget(QLabel(self.tr("View"), self))
        bar.addWidget(self.views)
        bar.addWidget(self.save_view_button)
        bar.addWidget(self.delete_view_button)
        return bar

    def _build_filters(self) -> QHBoxLayout:
        filters = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("complaints_search")
        self.search.setPlaceholderText(self.tr("Filter: reference, summary, owner, team or customer…"))
        self.search.setClearButtonEnabled(True)
        self.team = QComboBox(self)
        self.team.setObjectName("complaints_team")
        self.team.addItem(self.tr("All teams"), None)
        self.owner = QComboBox(self)
        self.owner.setObjectName("complaints_owner")
        self.owner.addItem(self.tr("All owners"), None)
        self.owner.addItem(self.tr("Unassigned"), UNASSIGNED)
        self.category = QComboBox(self)
        self.category.setObjectName("complaints_category")
        self.category.addItem(self.tr("All categories"), None)
        for c in CATEGORIES:
            self.category.addItem(label(CATEGORY_LABELS[c]), c)
        self.priority = QComboBox(self)
        self.priority.setObjectName("complaints_priority")
        self.priority.addItem(self.tr("All priorities"), None)
        for p in PRIORITIES:
            self.priority.addItem(label(PRIORITY_LABELS[p]), p)
        self.state = QComboBox(self)
        self.state.setObjectName("complaints_state")
        self.state.addItem(self.tr("Any clock state"), None)
        for s in (BREACHED, AT_RISK, ON_TRACK, MET):
            self.state.addItem(label(SLA_LABELS[s]), s)
        for combo in (self.team, self.owner):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaximumWidth(200)
        filters.addWidget(self.search, 1)
        for w in (self.team, self.owner, self.category, self.priority, self.state):
            filters.addWidget(w)
        legend = WrappingLabel(parent=self)  # one line; two beside the filters in a narrow window
        legend.setObjectName("hint")
        legend.setText("  ".join(f"<span style='color:{SLA_COLORS[s].name()}'>■</span> {label(SLA_LABELS[s])}"
                                 for s in SLA_COLORS))
        legend.setToolTip(self.tr("The card's left bar and countdown: where its most urgent running clock stands"))
        filters.addSpacing(8)
        filters.addWidget(legend)
        self.search.textChanged.connect(self._on_filter_changed)
        for combo in (self.team, self.owner, self.category, self.priority, self.state):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        return filters

    def _build_list(self) -> QWidget:
        host = QWidget(self)
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        bulk = QHBoxLayout()
        self.selection_label = QLabel(self.tr("Select rows for bulk actions"), host)
        self.selection_label.setObjectName("hint")
        self.assign_button = QPushButton(self.tr("Assign owner…"), host)
        self.assign_button.setObjectName("bulk_assign")
        self.assign_button.clicked.connect(self._on_assign_button_clicked)
        self.move_button = QPushButton(self.tr("Move to stage"), host)
        self.move_button.setObjectName("bulk_move")
        menu = QMenu(self.move_button)
        for stage in STAGES:
            menu.addAction(label(STAGE_LABELS[stage]), lambda s=stage: self.move_selected(s))
        self.move_button.setMenu(menu)
        bulk.addWidget(self.selection_label)
        bulk.addStretch(1)
        bulk.addWidget(self.assign_button)
        bulk.addWidget(self.move_button)
        layout.addLayout(bulk)
        self.list_model = ComplaintTableModel(self.ctx.timezone, self)
        self.table = QTableView(host)
        self.table.setObjectName("complaints_list")
        self.table.setModel(self.list_model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((150, 80, 70, 120, 120, 100, 150, 120, 80, 110)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(lambda index: self.open_detail(index.data(CARD_ROLE).id))
        layout.addWidget(self.table, 1)
        self._update_bulk_buttons()
        return host

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("workspaces", "Complaints")

    @staticmethod
    def icon_name() -> str:
        return "complaints"

    # --- loading -------------------------------------------------------------------------------------------
    def reload(self) -> None:
        actor = self.ctx.actor
        self.load(lambda s: (load_board(s, actor), actions.people(s)), self._on_loaded, self._on_failed)

    def _on_loaded(self, result: tuple[Board, list[Any]]) -> None:
        self.board, self.people = result
        self.cards_by_id = {card.id: card for column in self.board.columns for card in column.cards}
        self._fill_choices()
        self._show_board()
        if self.selected_id is not None:
            dialog = self.detail_dialog
            also = dialog.show_detail if dialog is not None and dialog.isVisible() else None
            self._load_detail(self.selected_id, also)
        self.mark_loaded()

    def _on_failed(self, exc: BaseException) -> None:
        self.mark_failed(exc)
        self.summary.setText(self.tr("Could not load the board: %1").replace("%1", str(exc).splitlines()[0]))

    def _fill_choices(self) -> None:
        """Team and owner filters offer the names on the loaded cards (the selection is kept)."""
        cards = self.cards_by_id.values()
        for combo, names, fixed in ((self.team, {c.team for c in cards if c.team}, 1),
                                    (self.owner, {c.owner for c in cards if c.owner}, 2)):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > fixed:
                combo.removeItem(fixed)
            for name in sorted(names, key=str.casefold):
                combo.addItem(name, name)
            if current is not None and combo.findData(current) < 0:
                combo.addItem(current, current)  # a saved view's owner with no case on the board now
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def current_filter(self) -> CardFilter:
        return CardFilter(text=self.search.text(), team=self.team.currentData(), owner=self.owner.currentData(),
                          category=self.category.currentData(), priority=self.priority.currentData(),
                          state=self.state.currentData())

    def set_filter(self, f: CardFilter) -> None:
        self._applying_view = True
        try:
            self.search.setText(f.text)
            for combo, value in ((self.team, f.team), (self.owner, f.owner), (self.category, f.category),
                                 (self.priority, f.priority), (self.state, f.state)):
                if value is not None and combo.findData(value) < 0:
                    combo.addItem(value, value)
                combo.setCurrentIndex(max(0, combo.findData(value)))
        finally:
            self._applying_view = False
        self._show_board()

    def now(self) -> datetime:
        return clock.now() if self.board is None else max(self.board.at, clock.now())

    def _show_board(self) -> None:
        board = self.board
        if board is None:
            return
        f = self.current_filter()
        now = self.now()
        if f.text.strip() and self._texts_for is not board:  # built once per load, on the first search
            self._texts, self._texts_for = haystacks(board), board
        self.shown = apply_filter(board, f, now, self._texts if self._texts_for is board else None)
        totals = {c.stage: c.count for c in board.columns}
        self.board_view.set_cards(self.shown, totals, f.active, now)
        self._list_stale = True
        if self.stack.currentIndex() == LIST:  # the hidden list catches up when shown
            self._sync_list()
        selected_visible = self.board_view.select(self.selected_id) if self.selected_id is not None else False
        if self.selected_id is not None and not selected_visible:
            self.selected_id = None
            self.detail.clear()
        if self._summary_for is not board:
            self._show_summary(board)
        self._show_empty_state(board, f)

    def _sync_list(self) -> None:
        """The list shows the board's cards (same filter), keeping the bulk selection across reloads."""
        if not self._list_stale:
            return
        self._list_stale = False
        kept = self._table_selection()
        self.list_model.set_cards([card for stage in STAGES for card in self.shown.get(stage, ())], self.now())
        self._restore_table_selection(kept)
        self._update_bulk_buttons()
        if self.selected_id is not None:
            self._select_in_table(self.selected_id)

    def _show_summary(self, board: Board) -> None:
        self._summary_for = board
        locale = QLocale()
        counts = board.sla_counts()
        parts = [self.tr("%1 open").replace("%1", locale.toString(board.open_count))]
        for state in (BREACHED, AT_RISK):
            if counts[state]:
                parts.append(f"<span style='color:{SLA_COLORS[state].name()}'>"
                             f"{locale.toString(counts[state])} {label(SLA_LABELS[state]).lower()}</span>")
        over = [label(STAGE_LABELS[c.stage]) for c in self.columns.values() if c.over_limit]
        if over:
            parts.append(f"<span style='color:{SLA_COLORS[BREACHED].name()}'>"
                         + self.tr("over the limit: %1").replace("%1", ", ".join(over)) + "</span>")
        self.summary.setText(" · ".join(parts))
        self.scope_label.setText(scope_text(board.scope, self.tr("Only the cases you own")))
        self.scope_label.setToolTip(scope_tooltip(board.scope))

    def _show_empty_state(self, board: Board, f: CardFilter) -> None:
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
                                       "%1 days. Press Ctrl+N to record one; cases logged on any desk appear here "
                                       "as soon as they are saved; a demo center (`floorwalker demo`) has cases "
                                       "in every stage.").replace("%1", str(CLOSED_DAYS)))
            self.empty.show()
        elif f.active and not any(self.shown.values()):
            self.empty.setText(self.tr("No card matches this filter. Clear the search or choose "
                                       "“All teams”, “All owners”, “All priorities” and “All categories”."))
            self.empty.show()
        else:
            self.empty.hide()

    def _reference_ids(self) -> dict[str, int]:
        return {c.reference: c.id for c in self.cards_by_id.values()}

    # --- selection and detail ------------------------------------------------------------------------------
    def _on_filter_changed(self, *_args: object) -> None:
        if not self._applying_view:
            self._show_board()

    def _on_table_enter(self) -> None:
        current = self.table.currentIndex()
        card = current.data(CARD_ROLE) if current.isValid() else None
        if card is not None:
            self.open_detail(card.id)

    def _focus_cards(self) -> None:
        """From the search box into the first card shown (or the list)."""
        if self.stack.currentIndex() == LIST:
            self.table.setFocus()
            if self.list_model.rowCount() and not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return
        for column in self.columns.values():
            if column.model.rowCount():
                column.view.setFocus()
                current = column.view.currentIndex()
                card = current.data(CARD_ROLE) if current.isValid() else column.model.cards[0]
                self.board_view.select(card.id)
                return

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_card_selected(self, complaint_id: int) -> None:
        if complaint_id != self.selected_id or self.detail.detail is None:
            self.selected_id = complaint_id
            self._load_detail(complaint_id)

    def _select_in_table(self, complaint_id: int | None) -> None:
        row = self.list_model.row_of(complaint_id) if complaint_id is not None else None
        if row is not None and not self.table.selectionModel().hasSelection():
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(self.list_model.index(row, 0))
            self.table.selectionModel().blockSignals(False)

    def _table_selection(self) -> set[int]:
        model = self.list_model
        return {model.row_at(i.row()).id for i in self.table.selectionModel().selectedRows()
                if i.row() < model.rowCount()}

    def _restore_table_selection(self, ids: set[int]) -> None:
        if not ids:
            return
        sel = self.table.selectionModel()
        sel.blockSignals(True)
        flags = sel.SelectionFlag.Select | sel.SelectionFlag.Rows
        for row in range(self.list_model.rowCount()):
            if self.list_model.row_at(row).id in ids:
                sel.select(self.list_model.index(row, 0), flags)
        sel.blockSignals(False)
        self.table.viewport().update()

    def _on_table_selection_changed(self, *_args: object) -> None:
        self._update_bulk_buttons()
        current = self.table.currentIndex()
        card = current.data(CARD_ROLE) if current.isValid() else None
        if card is not None and self.table.selectionModel().isRowSelected(current.row()):
            self._on_card_selected(card.id)

    def _load_detail(self, complaint_id: int, then: Callable[[ComplaintDetail], None] | None = None) -> None:
        self._detail_request += 1
        request = self._detail_request

        def done(detail: ComplaintDetail | None) -> None:
            if request != self._detail_request:
                return
            if detail is None:
                self.selected_id = None
                self.detail.clear()
                return
            self.detail.show_detail(detail, self.now())
            if then is not None:
                then(detail)

        actor = self.ctx.actor
        self.ctx.tasks.query(lambda s: complaint_detail(s, actor, complaint_id)).success(done).run()

    def open_detail(self, complaint_id: int) -> None:
        """The case in its own window (Enter or double-click)."""
        if self.detail_dialog is None:
            self.detail_dialog = ComplaintDetailDialog(self.ctx, self)
            self.detail_dialog.panel.references = lambda: list(self._reference_ids())
            self.detail_dialog.panel.reference_ids = self._reference_ids
            self.detail_dialog.panel.set_read_only(not self.can_edit)
        self.selected_id = complaint_id
        dialog = self.detail_dialog

        def shown(detail: ComplaintDetail) -> None:
            dialog.show_detail(detail)
            dialog.show()

        self._load_detail(complaint_id, shown)

    # --- moves: drag and drop, Ctrl+arrows, bulk ----------------------------------------------------------
    def _on_board_cards_did_drop(self, items: list[dict[str, Any]], to_stage: str) -> None:
        self.move_cards([int(i["id"]) for i in items], to_stage)

    def _on_board_move_requested(self, complaint_id: int, step: int) -> None:
        card = self.cards_by_id.get(complaint_id)
        if card is None or card.stage not in STAGES:
            return
        i = STAGES.index(card.stage) + step
        if 0 <= i < len(STAGES):
            self.move_cards([complaint_id], STAGES[i])

    def move_selected(self, to_stage: str) -> None:
        self.move_cards([c.id for c in self.selected_list_cards()], to_stage)

    def move_cards(self, ids: Sequence[int], to_stage: str) -> None:
        """Validate and save a move: a skipped step or a move back asks for a reason first (R-FLOW-1)."""
        cards = [self.cards_by_id[i] for i in ids if i in self.cards_by_id and self.cards_by_id[i].stage != to_stage]
        if not cards or not self.can_edit:
            return
        reason: str | None = None
        if any(actions.needs_reason(c.stage, to_stage) for c in cards):
            refs = ", ".join(c.reference for c in cards[:5]) + ("…" if len(cards) > 5 else "")
            skipped = {s for c in cards for s in actions.skipped_steps(c.stage, to_stage)}
            why = (self.tr("Moving %1 to %2 skips %3.").replace("%3", ", ".join(
                label(STAGE_LABELS[s]) for s in STAGES if s in skipped)) if skipped
                else self.tr("Moving %1 back to %2.")).replace("%1", refs).replace(
                "%2", label(STAGE_LABELS[to_stage]))
            reason = self.ask_reason(self.tr("Reason for the move"), why + " " + self.tr(
                "Give the reason; it goes into the timeline."))
            if not reason:
                return
        actor = self.ctx.actor
        moves = [(c.id, c.version) for c in cards]

        def work(s: Any) -> tuple[Changes, dict[int, int]]:
            changes, versions = Changes.NONE, {}
            for complaint_id, version in moves:
                result = actions.move(s, actor, complaint_id, version, to_stage, reason=reason)
                changes |= getattr(result, "changes", result if isinstance(result, Changes) else Changes.COMPLAINTS)
                versions[complaint_id] = int(getattr(result, "version", version + 1))
            return changes, versions

        t0 = time.perf_counter()

        def done(result: tuple[Changes, dict[int, int]]) -> None:
            changes, versions = result
            self.last_save_ms = (time.perf_counter() - t0) * 1000
            self._show_moved(versions, to_stage)  # at once; the full reload the bus starts follows
            self.last_move_ms = (time.perf_counter() - t0) * 1000
            self.ctx.bus.operation_did_execute.emit(changes, self)

        self.ctx.tasks.command(work).success(done).failure(self._on_write_failed).run()

    def _show_moved(self, versions: dict[int, int], to_stage: str) -> None:
        """Show saved moves on the loaded board without waiting for the reload (the reload corrects any order)."""
        board = self.board
        if board is None:
            return
        moved = [replace(self.cards_by_id[i], stage=to_stage, version=v) for i, v in versions.items()
                 if i in self.cards_by_id]
        for card in moved:
            self.cards_by_id[card.id] = card
        columns = tuple(StageColumn(c.stage, tuple(card for card in c.cards if card.id not in versions)
                                    + (tuple(moved) if c.stage == to_stage else ())) for c in board.columns)
        self.board = replace(board, columns=columns)
        if self._texts_for is board:  # the same cards' texts: no rebuild on the next search
            self._texts_for = self.board
        self._show_board()

    def _on_write_failed(self, exc: BaseException) -> None:
        show_error(self, exc, on_reload=self.refresh)
        self.refresh()  # the board shows what is saved, not what was dragged

    def selected_list_cards(self) -> list[ComplaintCard]:
        if self.stack.currentIndex() == BOARD:
            return self.board_view.selected_cards()
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.list_model.row_at(r) for r in rows]

    def _update_bulk_buttons(self) -> None:
        n = len(self.table.selectionModel().selectedRows()) if self.table.selectionModel() else 0
        self.assign_button.setEnabled(n > 0)
        self.move_button.setEnabled(n > 0)
        self.selection_label.setText(self.tr("%n case(s) selected", "", n) if n
                                     else self.tr("Select rows for bulk actions (Shift/Ctrl+click)"))

    def _on_assign_button_clicked(self) -> None:
        cards = self.selected_list_cards()
        if not cards:
            return
        dialog = OwnerDialog(self.people, len(cards), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.assign_cards([c.id for c in cards], dialog.owner_id())

    def assign_cards(self, ids: Sequence[int], owner_id: int | None) -> None:
        actor = self.ctx.actor
        todo = [(i, self.cards_by_id[i].version) for i in ids if i in self.cards_by_id]

        def work(s: Any) -> Changes:
            changes = Changes.NONE
            for complaint_id, version in todo:
                result = actions.assign(s, actor, complaint_id, version, owner_id)
                changes |= getattr(result, "changes", result if isinstance(result, Changes) else Changes.COMPLAINTS)
            return changes

        self.ctx.tasks.command(work).success(
            lambda changes: self.ctx.bus.operation_did_execute.emit(changes, self)).failure(self._on_write_failed).run()

    def _ask_reason_dialog(self, title: str, prompt: str) -> str | None:
        dialog = ReasonDialog(title, prompt, self)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    # --- record, import, export -----------------------------------------------------------------------------
    def open_record_form(self) -> QDialog | None:
        from ui.complaints.record_form import RecordComplaintDialog

        if not self.can_edit:
            return None
        dialog = RecordComplaintDialog(self.ctx, self.people, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.complaint_did_record.connect(self._on_complaint_did_record)
        dialog.open()
        return dialog

    def _on_complaint_did_record(self, complaint_id: object) -> None:
        """The new case is selected: now if the board already has it, else when the reload brings it."""
        if isinstance(complaint_id, int):
            self.selected_id = complaint_id
            if complaint_id in self.cards_by_id:
                self.board_view.select(complaint_id)
                self._load_detail(complaint_id)

    def open_import_dialog(self) -> QDialog:
        from ui.complaints.import_dialog import ImportComplaintsDialog

        dialog = ImportComplaintsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_export_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the cases shown"), "complaints.xlsx",
                                              self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
        if path:
            self.export_view(path)

    def export_view(self, path: str) -> int:
        """What is shown (filter and list order) with the list's columns; customers stay masked."""
        from ui.complaints.export import export_rows

        self._sync_list()
        model = self.list_model
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
        sheet = self.tr("Complaints")
        try:
            return export_rows(path, headers, rows, sheet)
        except OSError as exc:
            show_error(self, ValueError(self.tr("Could not write %1: %2").replace("%1", path).replace(
                "%2", exc.strerror or str(exc))))
            return 0

    # --- board or list, saved views, WIP limits -------------------------------------------------------------
    def toggle_mode(self) -> None:
        self.mode.setCurrentIndex(LIST if self.mode.currentIndex() == BOARD else BOARD)

    def _on_mode_changed(self, index: int) -> None:
        self.stack.setCurrentIndex(self.mode.itemData(index))
        if self.stack.currentIndex() == LIST:
            self._sync_list()
        self._on_countdown_timeout()

    def view_names(self) -> list[str]:
        settings = QSettings()
        settings.beginGroup(SETTINGS_VIEWS)
        names = sorted(settings.childKeys(), key=str.casefold)
        settings.endGroup()
        return names

    def _reload_view_names(self, select: str | None = None) -> None:
        self.views.blockSignals(True)
        self.views.clear()
        self.views.addItem(self.tr("(current filters)"), None)
        for name in self.view_names():
            self.views.addItem(name, name)
        self.views.setCurrentIndex(max(0, self.views.findData(select)))
        self.views.blockSignals(False)
        self.delete_view_button.setEnabled(self.views.currentData() is not None)

    def save_view(self, name: str) -> None:
        name = name.strip().replace("/", "-")
        if not name:
            return
        QSettings().setValue(f"{SETTINGS_VIEWS}/{name}", json.dumps(
            {"filter": self.current_filter().to_json(), "mode": self.mode.currentData()}))
        self._reload_view_names(select=name)

    def apply_view(self, name: str) -> bool:
        raw = QSettings().value(f"{SETTINGS_VIEWS}/{name}")
        try:
            data = json.loads(str(raw)) if raw else None
        except ValueError:
            data = None
        if not isinstance(data, dict):
            return False
        self.set_filter(CardFilter.from_json(data.get("filter")))
        self.mode.setCurrentIndex(max(0, self.mode.findData(data.get("mode", BOARD))))
        self._reload_view_names(select=name)
        return True

    def delete_view(self, name: str) -> None:
        QSettings().remove(f"{SETTINGS_VIEWS}/{name}")
        self._reload_view_names()

    def _on_views_activated(self, index: int) -> None:
        name = self.views.itemData(index)
        if name:
            self.apply_view(name)
        self.delete_view_button.setEnabled(name is not None)

    def _on_save_view_button_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name of this view (filters and mode):"),
                                        text=self.views.currentData() or "")
        if ok and name.strip():
            self.save_view(name)

    def _on_delete_view_button_clicked(self) -> None:
        name = self.views.currentData()
        if name:
            self.delete_view(name)

    def _load_wip_limits(self) -> None:
        settings = QSettings()
        for stage, column in self.columns.items():
            value = settings.value(f"{SETTINGS_WIP}/{stage}")
            try:
                column.set_wip_limit(int(value) if value not in (None, "") else None)
            except (TypeError, ValueError):
                column.set_wip_limit(None)

    def set_wip_limit(self, stage: str, limit: int | None) -> None:
        """A column's work-in-progress limit (0 or None: no limit), remembered on this desk."""
        if limit:
            QSettings().setValue(f"{SETTINGS_WIP}/{stage}", int(limit))
        else:
            QSettings().remove(f"{SETTINGS_WIP}/{stage}")
        self.columns[stage].set_wip_limit(limit)
        if self.board is not None:
            self._show_summary(self.board)

    def _on_header_context_menu(self, column: StageColumnWidget, pos: QPoint) -> None:
        limit, ok = QInputDialog.getInt(
            self, self.tr("Work-in-progress limit"),
            self.tr("Most cases in %1 (0: no limit):").replace("%1", label(STAGE_LABELS[column.stage])),
            column.wip_limit or 0, 0, 100_000)
        if ok:
            self.set_wip_limit(column.stage, limit or None)

    # --- timers --------------------------------------------------------------------------------------------
    def _on_tick_timeout(self) -> None:
        if not self.loading:
            self.refresh()

    def _on_countdown_timeout(self) -> None:
        """One timer for every countdown: repaint what is visible, no reload."""
        now = self.now()
        if self.stack.currentIndex() == BOARD:
            self.board_view.tick(now)
        else:
            self.list_model.set_now(now)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._tick.start()
        self.countdown.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self._tick.stop()
        self.countdown.stop()
        super().hideEvent(event)
