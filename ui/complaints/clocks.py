"""The clock a card shows: the most urgent running clock of a case, and where it stands at a given second.

The board repaints its visible cards once per second; each repaint asks :func:`live_clock` for the
state at that second, so a card turns amber and then red on time without reloading the board.
This is the one place that knows where a card keeps its clocks: switch it when the SLA engine
gives cards several clocks (``card.clocks``); until then the card's resolution deadline is its clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.complaints.sla import AT_RISK, AT_RISK_SHARE, BREACHED, MET, ON_TRACK

PAUSED = "paused"
CANCELLED = "cancelled"


@dataclass(frozen=True)
class LiveClock:
    rule_id: str
    name: str  # what the clock measures, e.g. "Resolution"
    state: str  # on_track / at_risk / breached / met
    remaining_sec: float  # negative once past the deadline
    stopped: bool
    paused: bool = False
    due_at: datetime | None = None


def _state_at(started_at: datetime, due_at: datetime, stopped_at: datetime | None, now: datetime,
              warn_at: datetime | None = None) -> str:
    if stopped_at is not None:
        return MET if stopped_at <= due_at else BREACHED
    if now > due_at:
        return BREACHED
    if warn_at is not None:
        return AT_RISK if now >= warn_at else ON_TRACK
    span = (due_at - started_at).total_seconds()
    share = (now - started_at).total_seconds() / span if span > 0 else 1.0
    return AT_RISK if share >= AT_RISK_SHARE else ON_TRACK


def _from_clock(c: Any, now: datetime) -> LiveClock:
    """A clock of the SLA engine (``CardClock``: rule_id, due_at, warn_at, stopped_at, paused, state_at(now))."""
    paused = bool(getattr(c, "paused", False) or getattr(c, "state", "") == PAUSED)
    stopped_at = getattr(c, "stopped_at", None)
    due_at = getattr(c, "due_at", None)
    name = str(getattr(c, "name", "") or getattr(c, "label", "") or c.rule_id)
    state_at = getattr(c, "state_at", None)
    if callable(state_at):
        state = state_at(now)
        remaining = float(c.remaining_sec) if paused or due_at is None else (
            due_at - (stopped_at or now)).total_seconds()
        return LiveClock(c.rule_id, name, ON_TRACK if state == PAUSED else state, remaining,
                         stopped_at is not None, paused or state == PAUSED, due_at)
    if paused or due_at is None:  # a paused clock does not move: its remaining time is fixed
        state = getattr(c, "state", ON_TRACK)
        minutes = getattr(c, "remaining_minutes", None)
        remaining = float(minutes) * 60 if minutes is not None else (
            (due_at - now).total_seconds() if due_at is not None else 0.0)
        return LiveClock(c.rule_id, name, state if state in (ON_TRACK, AT_RISK, BREACHED) else ON_TRACK,
                         remaining, stopped_at is not None, paused, due_at)
    state = _state_at(c.started_at, due_at, stopped_at, now, getattr(c, "warn_at", None))
    return LiveClock(c.rule_id, name, state, (due_at - (stopped_at or now)).total_seconds(),
                     stopped_at is not None, False, due_at)


def live_clock(card: Any, now: datetime) -> LiveClock:
    """The card's most urgent running clock at ``now`` (a stopped one only when none runs)."""
    clocks = [c for c in getattr(card, "clocks", None) or () if getattr(c, "state", "") != CANCELLED]
    if clocks:
        live = [_from_clock(c, now) for c in clocks]
        running = [c for c in live if not c.stopped] or live
        return min(running, key=_urgency)
    sla = card.sla
    state = _state_at(sla.started_at, sla.due_at, sla.stopped_at, now)
    return LiveClock(sla.rule_id, "Resolution", state, (sla.due_at - (sla.stopped_at or now)).total_seconds(),
                     sla.stopped_at is not None, False, sla.due_at)


_ORDER = {BREACHED: 0, AT_RISK: 1, ON_TRACK: 2, MET: 3}


def _urgency(c: LiveClock) -> tuple[int, int, float]:
    return (_ORDER.get(c.state, 2), 1 if c.paused else 0, c.remaining_sec)


def card_state(card: Any, now: datetime | None) -> str:
    """The state the card is coloured by at ``now`` (its stored state without a time)."""
    if now is None:
        return str(card.sla.state)
    return live_clock(card, now).state
