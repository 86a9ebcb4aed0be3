"""The SLA engine on the database: policies and calendars from their tables, a case's events from its
row and timeline, and the clock cache on ``complaints`` that the board and the sweep read.

* :func:`load_policies`: ``sla_policies`` rows (with their business calendars and calendar days); a
  rule without a row takes the rule value (Admin > Rules) on 24 x 7.
* :func:`case_events`: the engine's events for one case. Rows imported or built in bulk may lack
  some events; the row's own facts fill in (first contact, a complex or conflict flag, resolved and
  closed times), so every case gets honest clocks.
* :func:`refresh`: recompute a case's clocks, write what changed as timeline events (``sla_started``,
  ``sla_paused``, ``sla_resumed``, ``sla_stopped``) and update the cache columns (``sla_clocks``,
  ``sla_next_at``) with a Core UPDATE, so the cache never bumps the row's version: a desk editing
  the case is not put in conflict by the engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.admin.rules import rule_value
from app.complaints.calendar import Calendar, CalendarError
from app.complaints.clocks import (
    AT_RISK,
    BREACHED,
    CANCELLED,
    DEFAULT_LADDER,
    MET,
    ON_TRACK,
    PAUSED,
    PAUSING_RULES,
    RULE_LADDERS,
    RULES,
    Clock,
    Event,
    Policy,
    compute_clocks,
    parse_ladder,
)
from app.rules import RULES_BY_KEY
from db.models import BusinessCalendar, CalendarDay, Complaint, ComplaintEvent, SlaPolicy

SLA_EVENT_KINDS = ("sla_started", "sla_paused", "sla_resumed", "sla_stopped", "sla_warning", "sla_escalated")


def rule_minutes(session: Session, rule_id: str) -> float:
    raw = float(rule_value(session, rule_id))  # type: ignore[arg-type]
    return raw * 60 if RULES_BY_KEY[rule_id].unit == "h" else raw


def load_calendars(session: Session, errors: list[str] | None = None) -> dict[int, Calendar]:
    """Every business calendar; one that cannot serve a clock raises CalendarError, or, when ``errors`` is
    given, is left out with its message there (its policies then count on 24 x 7 rather than not at all)."""
    days: dict[int, tuple[list[Any], list[Any]]] = {}
    for d in session.scalars(select(CalendarDay)):
        closed, opened = days.setdefault(d.calendar_id, ([], []))
        (opened if d.is_open else closed).append(d.day)
    out = {}
    for c in session.scalars(select(BusinessCalendar)):
        closed, opened = days.get(c.id, ([], []))
        try:
            out[c.id] = Calendar.build(c.name, c.timezone, c.opening_hours or {}, holiday_country=c.holiday_country,
                                       closed_days=closed, open_days=opened)
        except CalendarError as exc:
            if errors is None:
                raise
            errors.append(f"{exc} Its clocks count on 24 x 7 until it is fixed.")
    return out


def policy_from_row(row: SlaPolicy, calendars: Mapping[int, Calendar]) -> Policy:
    return Policy(rule_id=row.rule_id, name=row.name, target_minutes=float(row.target_minutes),
                  calendar=calendars.get(row.calendar_id) if row.calendar_id is not None else None,
                  warn_at_percent=row.warn_at_percent, warn_before_minutes=row.warn_before_minutes,
                  ladder=parse_ladder(row.escalation_ladder), pause_when_waiting=bool(row.pause_when_waiting),
                  applies_to=_applies(row.applies_to), active=bool(row.active), version=row.version,
                  priority_targets=priority_targets(row.applies_to))


def priority_targets(applies_to: Mapping[str, Any] | None) -> dict[str, float]:
    """Per-priority targets (minutes) kept in the policy's ``applies_to`` JSON under ``priority_targets``."""
    raw = (applies_to or {}).get("priority_targets") or {}
    return {str(k): float(v) for k, v in raw.items() if v}


def _applies(raw: Mapping[str, Any] | None) -> dict[str, Any]:
    return {k: v for k, v in (raw or {}).items() if k in ("kind", "category", "priority") and v}


def load_policies(session: Session, errors: list[str] | None = None) -> dict[str, Policy]:
    """Every clock rule's policy: its ``sla_policies`` row, else the rule value on 24 x 7 (``errors``: see
    :func:`load_calendars`)."""
    calendars = load_calendars(session, errors)
    rows = {r.rule_id: r for r in session.scalars(select(SlaPolicy).order_by(SlaPolicy.center_id.desc()))}
    out: dict[str, Policy] = {}
    for rule_id, rule in RULES.items():
        row = rows.get(rule_id)
        if row is not None:
            out[rule_id] = policy_from_row(row, calendars)
        else:
            out[rule_id] = Policy(rule_id=rule_id, name=str(rule.description),
                                  target_minutes=rule_minutes(session, rule_id),
                                  pause_when_waiting=rule_id in PAUSING_RULES,
                                  ladder=RULE_LADDERS.get(rule_id, DEFAULT_LADDER), version=0)
    return out


# --- a case's events ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CaseFacts:
    id: int
    kind: str
    category: str
    priority: str
    is_vip: bool
    stage: str
    is_complex: bool
    is_conflict: bool
    first_contact_at: datetime
    opened_at: datetime
    resolved_at: datetime | None
    closed_at: datetime | None
    merged_into_id: int | None


FACT_COLUMNS = (Complaint.id, Complaint.kind, Complaint.category, Complaint.priority, Complaint.is_vip,
                Complaint.stage, Complaint.is_complex, Complaint.is_conflict, Complaint.first_contact_at,
                Complaint.opened_at, Complaint.resolved_at, Complaint.closed_at, Complaint.merged_into_id)
EVENT_COLUMNS = (ComplaintEvent.complaint_id, ComplaintEvent.at, ComplaintEvent.kind, ComplaintEvent.from_stage,
                 ComplaintEvent.to_stage, ComplaintEvent.data)


def facts_of(row: Any) -> CaseFacts:
    return CaseFacts(*(row[i] for i in range(len(FACT_COLUMNS))))


def events_from(f: CaseFacts, rows: Iterable[Any]) -> list[Event]:
    """The engine's events from a case's facts and its timeline rows (complaint_id, at, kind, from, to, data)."""
    events = [Event("contact", f.first_contact_at),
              Event("created", f.opened_at, {"kind": f.kind, "category": f.category, "priority": f.priority,
                                             "vip": bool(f.is_vip)})]
    seen: set[str] = set()
    assess_at = None
    for r in rows:
        kind, at, to = r[2], r[1], r[4]
        if kind in SLA_EVENT_KINDS:
            data = r[5] or {}
            if kind == "sla_escalated" and data.get("notify") == "manager" and data.get("clock") != "R-RESP-4":
                events.append(Event("escalated_to_manager", at, {"clock": data.get("clock")}))
            continue
        if kind == "created":
            if to and to != "accept":  # imported straight into a later stage
                events.append(Event("stage", at, {"to": to}))
                seen.add("stage")
                assess_at = assess_at or at
            continue
        if kind == "stage":
            events.append(Event("stage", at, {"to": to, "from": r[3]}))
            if to != "accept" and assess_at is None:
                assess_at = at  # a case is judged complex (or not) when it is assessed
            seen.update((f"stage:{to}", "stage"))
            continue
        events.append(Event(kind, at, dict(r[5] or {})))
        seen.add(kind)
    if "stage" not in seen and f.stage != "accept":  # a bulk-built row past accept, with no stage history
        events.append(Event("stage", f.opened_at, {"to": f.stage if f.stage in ("assess", "process") else "process",
                                                   "from": "complaint row"}))
        assess_at = f.opened_at
    if f.is_complex and "judged_complex" not in seen and assess_at is not None:
        events.append(Event("judged_complex", assess_at, {"from": "complaint flag"}))
    if f.is_conflict and "conflict" not in seen:
        events.append(Event("conflict", f.opened_at, {"from": "complaint flag"}))
    if f.resolved_at is not None and not seen & {"resolved", "stage:feedback", "stage:closed", "reopened"}:
        events.append(Event("resolved", f.resolved_at, {"from": "complaint row"}))
    if (f.stage == "closed" and f.closed_at is not None and "stage:closed" not in seen
            and "merged" not in seen and "reopened" not in seen):
        events.append(Event("closed", f.closed_at, {"from": "complaint row"}))
    return events


def case_events(session: Session, complaint_id: int) -> tuple[CaseFacts, list[Event]]:
    row = session.execute(select(*FACT_COLUMNS).where(Complaint.id == complaint_id)).one()
    f = facts_of(row)
    rows = session.execute(select(*EVENT_COLUMNS).where(ComplaintEvent.complaint_id == complaint_id)
                           .order_by(ComplaintEvent.at, ComplaintEvent.id)).all()
    return f, events_from(f, rows)


# --- the cache -----------------------------------------------------------------------------------------------------
def _iso(t: datetime | None) -> str | None:
    return None if t is None else t.astimezone(UTC).isoformat()


def _time(s: str | None) -> datetime | None:
    return None if s is None else datetime.fromisoformat(s)


def snapshot(clocks: Sequence[Clock]) -> list[dict[str, Any]]:
    """What the cache keeps of each clock: enough for a card to show it live, and to see what changed."""
    return [{"key": c.key, "rule": c.rule_id, "name": c.name, "cycle": c.cycle, "state": c.state,
             "target": round(c.target_minutes, 3), "elapsed": round(c.elapsed_minutes, 3),
             "started": _iso(c.started_at), "due": _iso(c.due_at), "warn": _iso(c.warn_at),
             "stopped": _iso(c.stopped_at), "paused": c.paused, "pauses": len(c.pauses),
             "done": sorted(m.key for m in c.reached_milestones())} for c in clocks]


@dataclass(frozen=True)
class CardClock:
    """One clock of a case as the board shows it, live at any second from the cache."""

    rule_id: str
    name: str
    cycle: int
    started_at: datetime
    due_at: datetime | None  # None while paused
    warn_at: datetime | None
    stopped_at: datetime | None
    paused: bool
    target_minutes: float
    elapsed_minutes: float  # at the last computation (what a paused clock shows)
    stored_state: str

    @property
    def remaining_sec(self) -> float:
        return (self.target_minutes - self.elapsed_minutes) * 60.0

    def state_at(self, now: datetime) -> str:
        if self.stored_state in (MET, CANCELLED) or self.stopped_at is not None:
            return self.stored_state
        if self.paused or self.due_at is None:
            return BREACHED if self.elapsed_minutes > self.target_minutes else PAUSED
        if now > self.due_at:
            return BREACHED
        if self.warn_at is not None and now >= self.warn_at:
            return AT_RISK
        return ON_TRACK

    @property
    def state(self) -> str:
        return self.stored_state


def card_clocks(cache: Sequence[Mapping[str, Any]] | None) -> tuple[CardClock, ...]:
    out = []
    for c in cache or ():
        started = _time(c.get("started"))
        if started is None:
            continue
        out.append(CardClock(rule_id=c["rule"], name=c.get("name") or c["rule"], cycle=int(c.get("cycle", 1)),
                             started_at=started, due_at=_time(c.get("due")), warn_at=_time(c.get("warn")),
                             stopped_at=_time(c.get("stopped")), paused=bool(c.get("paused")),
                             target_minutes=float(c.get("target", 0)), elapsed_minutes=float(c.get("elapsed", 0)),
                             stored_state=str(c.get("state", ON_TRACK))))
    return tuple(out)


def next_check(clocks: Sequence[Clock]) -> datetime | None:
    """When the sweep must look at the case again: its next warning or escalation (None: nothing pending)."""
    times = [m.at for c in clocks if (m := c.next_milestone()) is not None and m.at is not None]
    return min(times) if times else None


def transitions(before: Sequence[Mapping[str, Any]] | None, clocks: Sequence[Clock]) -> list[dict[str, Any]]:
    """Timeline events for what changed since the cached snapshot (start, pause, resume, stop)."""
    old = {c["key"]: c for c in before or ()}
    out: list[dict[str, Any]] = []
    for c in clocks:
        prev = old.get(c.key)
        data = {"clock": c.rule_id, "cycle": c.cycle, "key": c.key}
        if prev is None:
            out.append({"at": c.started_at, "kind": "sla_started", "data": {
                **data, "by": c.started_by, "due": _iso(c.due_at), "target_minutes": c.target_minutes,
                "calendar": c.calendar}})
        prev_pauses = int(prev.get("pauses", 0)) if prev else 0
        resumed = [p for p in c.pauses[prev_pauses:]]
        for p in resumed:
            out.append({"at": p.start, "kind": "sla_paused", "data": {**data, "by": p.by}})
        if prev is not None and prev.get("paused") and 0 < prev_pauses <= len(c.pauses):
            resumed.insert(0, c.pauses[prev_pauses - 1])  # the pause that was open last time
        for p in resumed:
            if p.end is not None and p.end != c.stopped_at:
                out.append({"at": p.end, "kind": "sla_resumed", "data": {**data, "due": _iso(c.due_at)}})
        if c.stopped_at is not None and (prev is None or prev.get("stopped") is None):
            out.append({"at": c.stopped_at, "kind": "sla_stopped", "data": {
                **data, "by": c.stopped_by, "state": c.state, "elapsed_minutes": round(c.elapsed_minutes, 1),
                "target_minutes": c.target_minutes}})
    return out


def refresh(session: Session, complaint_id: int, now: datetime, policies: Mapping[str, Policy] | None = None,
            *, actor: str | None = None) -> tuple[Clock, ...]:
    """Recompute one case's clocks, record the transitions on its timeline, update the cache."""
    policies = policies if policies is not None else load_policies(session, [])  # see load_calendars
    f, events = case_events(session, complaint_id)
    clocks = compute_clocks(events, policies, now)
    before = session.scalar(select(Complaint.sla_clocks).where(Complaint.id == complaint_id))
    write_refresh(session, complaint_id, before, clocks, actor=actor)
    return clocks


def write_refresh(session: Session, complaint_id: int, before: Sequence[Mapping[str, Any]] | None,
                  clocks: Sequence[Clock], *, actor: str | None = None) -> None:
    rows = [{"complaint_id": complaint_id, "at": t["at"], "kind": t["kind"], "actor": actor or "sla",
             "data": t["data"]} for t in transitions(before, clocks)]
    if rows:
        session.execute(insert(ComplaintEvent), rows)
    session.execute(update(Complaint).where(Complaint.id == complaint_id)
                    .values(sla_clocks=snapshot(clocks), sla_next_at=next_check(clocks))
                    .execution_options(synchronize_session=False))
