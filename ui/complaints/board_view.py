"""The Kanban board: one virtualised card list per stage (R-FLOW-1), drag and drop between them,
optional work-in-progress limits, keyboard navigation, and one timer that moves every visible countdown.

Each column is a ``QListView`` over a ``CardListModel`` painted by ``CardDelegate``: only the
visible cards are painted, so 10,000 cards cost no more on screen than twenty. The countdown
timer ticks once per second for the whole board and asks each view to repaint its viewport;
nothing is reloaded and no widget exists per card.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.complaints.board import CLOSED_DAYS, STAGE_LABELS, STAGES, ComplaintCard
from ui.complaints.cards import CardDelegate
from ui.complaints.formatting import label
from ui.complaints.models import CARD_ROLE, CardListModel

OVER_LIMIT = "#d64541"


class StageColumnWidget(QFrame):
    """A stage's header with its count (and limit), and its cards."""

    card_selected = Signal(int)

    def __init__(self, stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.wip_limit: int | None = None
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
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(200)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setMinimumWidth(144)  # five columns and the detail fit a 1280-px window
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setAccessibleName(label(STAGE_LABELS[stage]))
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        layout.addWidget(self.view, 1)
        self.set_count(0, 0, False)

    def set_count(self, shown: int, total: int, filtered: bool) -> None:
        self._counts = (shown, total, filtered)
        name = label(STAGE_LABELS[self.stage])
        locale = QLocale()
        count = (self.tr("%1 of %2").replace("%1", locale.toString(shown)).replace("%2", locale.toString(total))
                 if filtered else locale.toString(total))
        if self.wip_limit is not None:
            over = total > self.wip_limit
            limit = f"&nbsp;/&nbsp;{locale.toString(self.wip_limit)}"
            style = f" style='color:{OVER_LIMIT}; font-weight:600'" if over else ""
            self.header.setText(f"<b>{name}</b>&nbsp;&nbsp;<span{style}>{count}{limit}</span>")
            self.header.setToolTip(
                (self.tr("Over the work-in-progress limit of %1") if over
                 else self.tr("Work-in-progress limit: %1")).replace("%1", locale.toString(self.wip_limit)))
        else:
            self.header.setText(f"<b>{name}</b>&nbsp;&nbsp;<span>{count}</span>")
            self.header.setToolTip(self.tr("Right-click to set a work-in-progress limit"))
        if self.stage == "closed":
            self.header.setToolTip(self.tr("Closed in the last %1 days").replace("%1", str(CLOSED_DAYS)))

    @property
    def over_limit(self) -> bool:
        return self.wip_limit is not None and self._counts[1] > self.wip_limit

    def set_wip_limit(self, limit: int | None) -> None:
        self.wip_limit = limit if limit and limit > 0 else None
        self.set_count(*self._counts)

    def _on_view_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        current = self.view.currentIndex()
        rows = self.view.selectionModel().selectedRows()
        index = current if current.isValid() and self.view.selectionModel().isSelected(current) else (
            rows[0] if rows else None)
        if index is not None:
            card = index.data(CARD_ROLE)
            if card is not None:
                self.card_selected.emit(card.id)

    def selected_cards(self) -> list[ComplaintCard]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.cards[r] for r in rows if r < len(self.model.cards)]

    def select(self, complaint_id: int | None) -> bool:
        row = self.model.row_of(complaint_id) if complaint_id is not None else None
        if row is None:
            self.view.clearSelection()
            return False
        index = self.model.index(row, 0)
        # through the selection model: the view's setCurrentIndex would follow any held Ctrl/Shift
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)
        return True


class BoardView(QWidget):
    """The stage columns side by side; says which card was chosen, opened, dropped or moved by key."""

    card_selected = Signal(int)
    card_activated = Signal(int)  # Enter on a card
    cards_did_drop = Signal(list, str)  # [{"id", "stage", "version"}], target stage
    move_requested = Signal(int, int)  # complaint id, +1 next stage / -1 previous stage (Ctrl+arrow)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaints_board")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.columns: dict[str, StageColumnWidget] = {}
        for stage in STAGES:
            column = StageColumnWidget(stage, self)
            column.card_selected.connect(self._on_column_card_selected)
            column.model.cards_did_drop.connect(self.cards_did_drop)
            column.view.installEventFilter(self)
            column.view.doubleClicked.connect(self._on_view_double_clicked)
            self.columns[stage] = column
            layout.addWidget(column, 1)
        self.ticks = 0

    def set_cards(self, cards: dict[str, Sequence[ComplaintCard]], totals: dict[str, int], filtered: bool,
                  now: datetime) -> None:
        for stage, column in self.columns.items():
            shown = cards.get(stage, ())
            column.model.set_cards(shown, now)
            column.set_count(len(shown), totals.get(stage, 0), filtered)

    def select(self, complaint_id: int | None) -> bool:
        found = False
        for column in self.columns.values():
            if not found and column.select(complaint_id):
                found = True
            else:
                column.view.selectionModel().clearSelection()
        return found

    def selected_cards(self) -> list[ComplaintCard]:
        return [card for column in self.columns.values() for card in column.selected_cards()]

    def tick(self, now: datetime | None = None) -> None:
        """Move every countdown to ``now``: only the visible cards are repainted."""
        now = now or clock.now()
        self.ticks += 1
        for column in self.columns.values():
            column.model.now = now
            column.view.viewport().update()

    def _on_column_card_selected(self, complaint_id: int) -> None:
        sender = self.sender()
        for column in self.columns.values():
            if column is not sender:
                column.view.selectionModel().clearSelection()
        self.card_selected.emit(complaint_id)

    def _on_view_double_clicked(self, index: Any) -> None:
        card = index.data(CARD_ROLE)
        if card is not None:
            self.card_activated.emit(card.id)

    # --- keyboard: arrows between cards and columns, Enter opens, Ctrl+arrows move ---------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QListView):
            column = next((c for c in self.columns.values() if c.view is watched), None)
            if column is not None and self._on_key(column, event):  # type: ignore[arg-type]
                return True
        return super().eventFilter(watched, event)

    def _on_key(self, column: StageColumnWidget, event: QKeyEvent) -> bool:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        current = column.view.currentIndex()
        card = current.data(CARD_ROLE) if current.isValid() else None
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and card is not None:
            self.card_activated.emit(card.id)
            return True
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1 if key == Qt.Key.Key_Right else -1
            if ctrl:
                if card is not None:
                    self.move_requested.emit(card.id, step)
                return True
            self.focus_neighbour(column.stage, step, current.row() if current.isValid() else 0)
            return True
        return False

    def focus_neighbour(self, stage: str, step: int, row: int) -> None:
        """Focus the next column in ``step`` direction that has cards, at about the same row."""
        order = list(self.columns)
        i = order.index(stage) + step
        while 0 <= i < len(order):
            target = self.columns[order[i]]
            count = target.model.rowCount()
            if count:
                index = target.model.index(min(max(row, 0), count - 1), 0)
                target.view.setFocus(Qt.FocusReason.OtherFocusReason)
                target.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                return
            i += step
