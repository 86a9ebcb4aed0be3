"""Qt item models of the Complaints workspace: a column's cards and a complaint's timeline."""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.complaints.board import (
    CATEGORY_LABELS,
    EVENT_LABELS,
    KIND_LABELS,
    PRIORITY_LABELS,
    STAGE_LABELS,
    ComplaintCard,
    TimelineEvent,
)
from app.complaints.sla import SLA_LABELS
from ui.complaints.formatting import SLA_COLORS, format_datetime, format_sla, label, tr

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class CardListModel(QAbstractListModel):
    """The cards of one stage column; painted by ``CardDelegate``."""

    def __init__(self, stage: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.cards: list[ComplaintCard] = []
        self.now: datetime | None = None

    def set_cards(self, cards: list[ComplaintCard] | tuple[ComplaintCard, ...], now: datetime) -> None:
        self.beginResetModel()
        self.cards = list(cards)
        self.now = now
        self.endResetModel()

    def row_of(self, complaint_id: int) -> int | None:
        return next((i for i, c in enumerate(self.cards) if c.id == complaint_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.reference
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [" · ".join((card.reference, label(KIND_LABELS.get(card.kind, card.kind)),
                                 label(PRIORITY_LABELS.get(card.priority, card.priority)),
                                 label(CATEGORY_LABELS.get(card.category, card.category)))), card.summary]
            if card.customer_masked:
                lines.append(tr("Customer: %1").replace("%1", card.customer_masked))
            lines.append(f"{label(SLA_LABELS[card.sla.state])}: "
                         + format_sla(card.sla.state, card.sla.remaining_sec(self.now or card.opened_at),
                                      card.sla.stopped_at is not None))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{card.reference}, {label(PRIORITY_LABELS.get(card.priority, card.priority))}, " \
                   f"{label(SLA_LABELS[card.sla.state])}"
        if role == Qt.ItemDataRole.DecorationRole:
            return SLA_COLORS[card.sla.state]
        if role == CARD_ROLE:
            return card
        return None


def describe_event(e: TimelineEvent) -> str:
    """What happened, in words: the event's label and, for a stage change, from and to."""
    text = label(EVENT_LABELS.get(e.kind, e.kind.replace("_", " ").capitalize()))
    if e.from_stage and e.to_stage:
        return f"{text}: {label(STAGE_LABELS.get(e.from_stage, e.from_stage))} → " \
               f"{label(STAGE_LABELS.get(e.to_stage, e.to_stage))}"
    if e.to_stage:
        return f"{text} → {label(STAGE_LABELS.get(e.to_stage, e.to_stage))}"
    return text


def timeline_html(events: list[TimelineEvent] | tuple[TimelineEvent, ...], tz: ZoneInfo) -> str:
    """The timeline as rich text: when and who, what happened, and the note when it adds something."""
    if not events:
        return f"<i>{escape(tr('No events recorded.'))}</i>"
    parts = []
    for e in events:
        head = " · ".join(x for x in (format_datetime(e.at, tz), e.actor) if x)
        what = describe_event(e)
        block = f"<span style='color:gray'>{escape(head)}</span><br><b>{escape(what)}</b>"
        if e.note and e.note.strip().casefold() != what.casefold():
            block += f"<br>{escape(e.note)}"
        parts.append(f"<p style='margin:0 0 8px 0'>{block}</p>")
    return "".join(parts)
