"""Qt item models of the Complaints workspace: a column's cards, the list view's rows, a timeline."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
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
from ui.complaints.clocks import live_clock
from ui.complaints.formatting import SLA_COLORS, format_datetime, format_sla, format_span, label, tr
from ui.widgets.table_model import RowTableModel

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
CARD_MIME = "application/x-floorwalker-complaints"
_Index = QModelIndex | QPersistentModelIndex


def cards_mime(cards: Sequence[ComplaintCard]) -> QMimeData:
    """Dragged cards: their ids, stages and versions (the version makes a stale drop a conflict)."""
    data = QMimeData()
    data.setData(CARD_MIME, json.dumps([{"id": c.id, "stage": c.stage, "version": c.version}
                                        for c in cards]).encode())
    data.setText("\n".join(c.reference for c in cards))
    return data


def dropped_cards(data: QMimeData) -> list[dict[str, Any]]:
    if not data.hasFormat(CARD_MIME):
        return []
    try:
        items = json.loads(bytes(data.data(CARD_MIME).data()).decode())
    except ValueError:
        return []
    return [i for i in items if isinstance(i, dict) and isinstance(i.get("id"), int)]


class CardListModel(QAbstractListModel):
    """The cards of one stage column; painted by ``CardDelegate``.

    Cards can be dragged out and dropped in: a drop does not move any row itself, it says
    ``cards_did_drop(items, stage)`` and the workspace validates and saves the move.
    """

    cards_did_drop = Signal(list, str)

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

    # --- drag and drop -------------------------------------------------------------------------------
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemNeverHasChildren)

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [CARD_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid() and 0 <= i.row() < len(self.cards)})
        return cards_mime([self.cards[r] for r in rows])

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                        parent: _Index) -> bool:
        items = dropped_cards(data)
        return bool(items) and any(i.get("stage") != self.stage for i in items)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: _Index) -> bool:
        items = [i for i in dropped_cards(data) if i.get("stage") != self.stage]
        if not items or action == Qt.DropAction.IgnoreAction:
            return False
        self.cards_did_drop.emit(items, self.stage)
        return False  # the rows move when the saved board comes back, not here

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
            clock = live_clock(card, self.now or card.opened_at)
            lines.append(f"{clock.rule_id} {label(SLA_LABELS[clock.state])}: "
                         + format_sla(clock.state, clock.remaining_sec, clock.stopped))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = live_clock(card, self.now).state if self.now else card.sla.state
            return f"{card.reference}, {label(PRIORITY_LABELS.get(card.priority, card.priority))}, " \
                   f"{label(SLA_LABELS[state])}"
        if role == Qt.ItemDataRole.DecorationRole:
            return SLA_COLORS[live_clock(card, self.now).state if self.now else card.sla.state]
        if role == CARD_ROLE:
            return card
        return None


SLA_EVENT_LABELS = {
    "sla_started": QT_TRANSLATE_NOOP("complaints", "Clock started"),
    "sla_paused": QT_TRANSLATE_NOOP("complaints", "Clock paused"),
    "sla_resumed": QT_TRANSLATE_NOOP("complaints", "Clock resumed"),
    "sla_stopped": QT_TRANSLATE_NOOP("complaints", "Clock stopped"),
    "sla_warning": QT_TRANSLATE_NOOP("complaints", "SLA warning"),
    "sla_escalated": QT_TRANSLATE_NOOP("complaints", "SLA escalation"),
    "merged": QT_TRANSLATE_NOOP("complaints", "Merged into another case"),
    "merged_from": QT_TRANSLATE_NOOP("complaints", "A duplicate was merged into this case"),
    "waiting_on_customer": QT_TRANSLATE_NOOP("complaints", "Waiting on the customer"),
    "customer_replied": QT_TRANSLATE_NOOP("complaints", "Customer replied"),
    "judged_complex": QT_TRANSLATE_NOOP("complaints", "Judged complex"),
    "transferred": QT_TRANSLATE_NOOP("complaints", "Transferred to the specialist team"),
    "conflict": QT_TRANSLATE_NOOP("complaints", "Customer conflict"),
    "system_fault": QT_TRANSLATE_NOOP("complaints", "System fault found"),
    "responded": QT_TRANSLATE_NOOP("complaints", "Responded"),
    "feedback_loop_closed": QT_TRANSLATE_NOOP("complaints", "Feedback loop closed"),
    "manager_responded": QT_TRANSLATE_NOOP("complaints", "Manager responded"),
}


# what started or stopped a clock, when it is not an event of the timeline
CLOCK_TRIGGERS = {
    "contact": QT_TRANSLATE_NOOP("complaints", "first contact"),
    "stage": QT_TRANSLATE_NOOP("complaints", "stage change"),
}
ROLE_LABELS = {
    "owner": QT_TRANSLATE_NOOP("complaints", "owner"), "supervisor": QT_TRANSLATE_NOOP("complaints", "supervisor"),
    "manager": QT_TRANSLATE_NOOP("complaints", "manager"), "team": QT_TRANSLATE_NOOP("complaints", "team"),
    "quality_analyst": QT_TRANSLATE_NOOP("complaints", "quality analyst"),
    "administrator": QT_TRANSLATE_NOOP("complaints", "administrator"),
}
# notes the complaint services write themselves (shown in the user's language)
SYSTEM_NOTES = {
    "Complaint recorded": QT_TRANSLATE_NOOP("complaints", "Complaint recorded"),
    "Service request recorded": QT_TRANSLATE_NOOP("complaints", "Service request recorded"),
    "Expected resolution time told to the customer":
        QT_TRANSLATE_NOOP("complaints", "Expected resolution time told to the customer"),
}
_MERGED_INTO = re.compile(r"^Merged into (\S+)$")
_MERGED_FROM = re.compile(r"^(\S+) merged into this case$")


def trigger_label(kind: str) -> str:
    """The event that started or stopped a clock ('key_points' -> "Key points recorded")."""
    if kind in CLOCK_TRIGGERS:
        return tr(CLOCK_TRIGGERS[kind])
    if kind in EVENT_LABELS:
        return label(EVENT_LABELS[kind])
    if kind in SLA_EVENT_LABELS:
        return tr(SLA_EVENT_LABELS[kind])
    return kind.replace("_", " ")


def role_label(notify: str) -> str:
    """Whom an escalation notifies ('role:manager', 'owner') in words."""
    parts = []
    for who in str(notify).split(","):
        who = who.strip().removeprefix("role:")
        parts.append(tr(ROLE_LABELS[who]) if who in ROLE_LABELS else who.replace("_", " "))
    return ", ".join(parts)


def note_text(note: str) -> str:
    """A timeline note; the ones the services write are shown in the user's language."""
    known = SYSTEM_NOTES.get(note)
    if known:
        return tr(known)
    m = _MERGED_INTO.match(note)
    if m:
        return tr("Merged into %1").replace("%1", m.group(1))
    m = _MERGED_FROM.match(note)
    if m:
        return tr("%1 merged into this case").replace("%1", m.group(1))
    return note


def _clock_detail(e: TimelineEvent) -> str:
    """Which clock an engine event is about, and why (when the event carries its data)."""
    data = getattr(e, "data", None)
    if not isinstance(data, dict):
        return ""
    parts = [str(data["clock"])] if data.get("clock") else []
    if data.get("by"):
        parts.append(tr("by %1").replace("%1", trigger_label(str(data["by"]))))
    if e.kind in ("sla_warning", "sla_escalated"):
        if data.get("level"):
            parts.append(tr("level %1").replace("%1", str(data["level"])))
        if data.get("notify"):
            parts.append("→ " + role_label(str(data["notify"])))
    if data.get("state"):
        parts.append(label(SLA_LABELS.get(str(data["state"]), str(data["state"]))))
    return " · ".join(parts)


def describe_event(e: TimelineEvent) -> str:
    """What happened, in words: the event's label and, for a stage change, from and to."""
    if e.kind in EVENT_LABELS:
        text = label(EVENT_LABELS[e.kind])
    elif e.kind in SLA_EVENT_LABELS:
        text = tr(SLA_EVENT_LABELS[e.kind])
    else:
        text = e.kind.replace("_", " ").capitalize()  # a kind this console does not know yet
    detail = _clock_detail(e)
    if detail:
        text += f" ({detail})"
    if e.from_stage and e.to_stage:
        return f"{text}: {label(STAGE_LABELS.get(e.from_stage, e.from_stage))} → " \
               f"{label(STAGE_LABELS.get(e.to_stage, e.to_stage))}"
    if e.to_stage:
        return f"{text} → {label(STAGE_LABELS.get(e.to_stage, e.to_stage))}"
    return text


def clock_annotations(clocks: Sequence[Any]) -> dict[tuple[str, datetime], list[str]]:
    """Which clock each engine event of the timeline is about, from the clocks explained: an engine
    event at an instant matches the clock that started, paused, resumed, stopped, warned or escalated then."""
    out: dict[tuple[str, datetime], list[str]] = {}

    def add(kind: str, at: datetime | None, text: str) -> None:
        if at is not None:
            out.setdefault((kind, at), []).append(text)

    for c in clocks:
        rule = str(getattr(c, "rule_id", ""))
        add("sla_started", getattr(c, "started_at", None), rule)
        for pause in getattr(c, "pauses", ()) or ():
            add("sla_paused", getattr(pause, "start", None), rule)
            add("sla_resumed", getattr(pause, "end", None), rule)
        stopped = getattr(c, "stopped_at", None)
        state = getattr(c, "state", "")
        add("sla_stopped", stopped, f"{rule} · {label(SLA_LABELS[state])}" if state in SLA_LABELS else rule)
        reached = getattr(c, "reached_milestones", None)
        for m in (reached() if callable(reached) else ()):
            kind = "sla_warning" if getattr(m, "kind", "") == "warning" else "sla_escalated"
            level = getattr(m, "level", 0)
            whom = role_label(str(getattr(m, "notify", ""))) if getattr(m, "notify", "") else ""
            add(kind, getattr(m, "at", None), rule + (f" · {tr('level %1').replace('%1', str(level))}" if level
                                                      else "") + (f" → {whom}" if whom else ""))
    return out


def timeline_html(events: list[TimelineEvent] | tuple[TimelineEvent, ...], tz: ZoneInfo,
                  annotations: dict[tuple[str, datetime], list[str]] | None = None) -> str:
    """The timeline as rich text: when and who, what happened, and the note when it adds something."""
    if not events:
        return f"<i>{escape(tr('No events recorded.'))}</i>"
    parts = []
    pending = {k: list(v) for k, v in (annotations or {}).items()}
    for e in events:
        actor = tr("SLA engine") if e.actor == "sla" else tr("system") if e.actor == "system" else e.actor
        head = " · ".join(x for x in (format_datetime(e.at, tz), actor) if x)
        what = describe_event(e)
        todo = pending.get((e.kind, e.at))
        if todo and not _clock_detail(e):
            what += f" ({todo.pop(0)})"
        block = f"<span style='color:gray'>{escape(head)}</span><br><b>{escape(what)}</b>"
        note = note_text(e.note.strip()) if e.note else ""
        english = EVENT_LABELS.get(e.kind) or SLA_EVENT_LABELS.get(e.kind) or ""
        if note and note.casefold() not in (what.casefold(), english.casefold()):
            block += f"<br>{escape(note)}"
        parts.append(f"<p style='margin:0 0 8px 0'>{block}</p>")
    return "".join(parts)


# --- the list view ---------------------------------------------------------------------------------------
COL_REFERENCE, COL_STAGE, COL_PRIORITY, COL_CATEGORY, COL_OWNER, COL_TEAM, COL_CLOCK, COL_DUE, COL_AGE, \
    COL_CUSTOMER, COL_SUMMARY = range(11)
_STAGE_ORDER = {s: i for i, s in enumerate(STAGE_LABELS)}
_PRIORITY_ORDER = {p: i for i, p in enumerate(PRIORITY_LABELS)}
_STATE_ORDER = {"breached": 0, "at_risk": 1, "on_track": 2, "met": 3}


class ComplaintTableModel(RowTableModel[ComplaintCard]):
    """The same cards as the board, one row each, for sorting and bulk actions (sort by ``SORT_ROLE``)."""

    def __init__(self, tz: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.now: datetime | None = None
        self._headers = [tr("Reference"), tr("Stage"), tr("Priority"), tr("Category"), tr("Owner"), tr("Team"),
                         tr("Clock"), tr("Due"), tr("Age"), tr("Customer"), tr("Summary")]
        self._header_tips = {COL_CLOCK: tr("The most urgent running clock and where it stands now"),
                             COL_CUSTOMER: tr("Masked (R-SEC-2)")}

    sort_column = -1
    sort_order = Qt.SortOrder.AscendingOrder

    def set_cards(self, cards: Sequence[ComplaintCard], now: datetime) -> None:
        self.beginResetModel()
        self._rows = list(cards)
        self.now = now
        if self.sort_column >= 0:
            self._rows.sort(key=lambda c: (self._sort_key(c, self.sort_column, now), c.id),
                            reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        """The countdown moved: only the clock and age columns change."""
        self.now = now
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_CLOCK), self.index(len(self._rows) - 1, COL_AGE))

    def row_of(self, complaint_id: int) -> int | None:
        return next((i for i, c in enumerate(self._rows) if c.id == complaint_id), None)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted in Python on one key per row (a proxy model would call data() n log n times)."""
        self.sort_column, self.sort_order = column, order
        if not self._rows:
            return
        now = self.now or self._rows[0].opened_at
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        cards = [self._rows[i.row()] for i in persistent]
        self._rows.sort(key=lambda c: (self._sort_key(c, column, now), c.id),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        if persistent:
            rows = {c.id: r for r, c in enumerate(self._rows)}
            self.changePersistentIndexList(persistent, [self.index(rows[c.id], i.column())
                                                        for i, c in zip(persistent, cards, strict=True)])
        self.layoutChanged.emit()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        card = self._rows[index.row()]
        col = index.column()
        now = self.now or card.opened_at
        if role == CARD_ROLE:
            return card
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(card, col, now)
        if role == SORT_ROLE:
            return self._sort_key(card, col, now)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_CLOCK:
            return SLA_COLORS[live_clock(card, now).state]
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_SUMMARY:
            return card.summary
        return None

    def _display(self, card: ComplaintCard, col: int, now: datetime) -> str:
        if col == COL_REFERENCE:
            return card.reference + ("  VIP" if card.is_vip else "")
        if col == COL_STAGE:
            return label(STAGE_LABELS.get(card.stage, card.stage))
        if col == COL_PRIORITY:
            return label(PRIORITY_LABELS.get(card.priority, card.priority))
        if col == COL_CATEGORY:
            return label(CATEGORY_LABELS.get(card.category, card.category))
        if col == COL_OWNER:
            return card.owner or tr("Unassigned")
        if col == COL_TEAM:
            return card.team or ""
        if col == COL_CLOCK:
            clock = live_clock(card, now)
            return format_sla(clock.state, clock.remaining_sec, clock.stopped)
        if col == COL_DUE:
            return format_datetime(live_clock(card, now).due_at, self.tz)
        if col == COL_AGE:
            return format_span(_age(card, now))
        if col == COL_CUSTOMER:
            return card.customer_masked or ""
        return card.summary

    def _sort_key(self, card: ComplaintCard, col: int, now: datetime) -> Any:
        if col == COL_STAGE:
            return _STAGE_ORDER.get(card.stage, 99)
        if col == COL_PRIORITY:
            return _PRIORITY_ORDER.get(card.priority, 99)
        if col == COL_CLOCK:
            clock = live_clock(card, now)
            return _STATE_ORDER.get(clock.state, 9) * 1e12 + clock.remaining_sec
        if col == COL_DUE:
            due = live_clock(card, now).due_at
            return due.timestamp() if due else 0.0
        if col == COL_AGE:
            return _age(card, now)
        return self._display(card, col, now).casefold()


def _age(card: ComplaintCard, now: datetime) -> float:
    if card.stage == "closed" and card.closed_at:
        return card.age_sec
    return max(0.0, (now - card.opened_at).total_seconds())
