"""What the board shows: the filter bar's values, matched against loaded cards without a database trip.

A filter is plain data (it is what a saved view stores), so it is checked in memory on the cards
the board already holds: typing in the search box over 10,000 cards costs a few milliseconds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from app.complaints.board import Board, ComplaintCard
from ui.complaints.clocks import card_state

UNASSIGNED = "__unassigned__"


@dataclass(frozen=True)
class CardFilter:
    text: str = ""  # reference, summary, owner, team or masked customer; every word must match
    team: str | None = None  # team name
    owner: str | None = None  # person's name, or UNASSIGNED
    category: str | None = None
    priority: str | None = None
    state: str | None = None  # the card's clock state (on_track, at_risk, breached, met)

    @property
    def active(self) -> bool:
        return bool(self.text.strip() or self.team or self.owner or self.category or self.priority or self.state)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v}

    @classmethod
    def from_json(cls, data: object) -> CardFilter:
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: (str(v) if v is not None else None) for k, v in data.items() if k in known and v})


def haystack(card: ComplaintCard) -> str:
    """The text a search looks in: reference, summary, owner, team, masked customer (folded)."""
    return " ".join(x for x in (card.reference, card.summary, card.owner, card.team, card.customer_masked)
                    if x).casefold()


def haystacks(board: Board) -> dict[int, str]:
    """Every card's search text, built once per loaded board (typing then costs one ``in`` per word)."""
    return {card.id: haystack(card) for column in board.columns for card in column.cards}


def matcher(f: CardFilter, now: datetime | None, texts: dict[int, str] | None = None):  # noqa: ANN201
    """A fast predicate over cards for ``f`` (words folded once; ``texts`` from :func:`haystacks`)."""
    words = f.text.strip().casefold().split()
    team, owner, category, priority, state = f.team, f.owner, f.category, f.priority, f.state

    def matches(card: ComplaintCard) -> bool:
        if priority and card.priority != priority:
            return False
        if category and card.category != category:
            return False
        if team and card.team != team:
            return False
        if owner and (card.owner is not None if owner == UNASSIGNED else card.owner != owner):
            return False
        if state and card_state(card, now) != state:
            return False
        if words:
            text = texts.get(card.id) if texts is not None else None
            if text is None:
                text = haystack(card)
            return all(w in text for w in words)
        return True

    return matches


def apply_filter(board: Board, f: CardFilter, now: datetime | None = None,
                 texts: dict[int, str] | None = None) -> dict[str, list[ComplaintCard]]:
    """The cards of each stage that pass ``f``, in the board's order."""
    if not f.active:
        return {c.stage: list(c.cards) for c in board.columns}
    ok = matcher(f, now, texts)
    return {c.stage: [card for card in c.cards if ok(card)] for c in board.columns}
