"""Explain a case's clocks: what started each one, its pauses, its deadline on the calendar, its state,
and why it warned or escalated. The detail panel and ``floorwalker sla explain`` share this.

The timeline file of ``floorwalker sla explain --timeline FILE`` is JSON lines, one event per line::

    {"event": "contact", "at": "2026-11-18T09:58:00+08:00"}
    {"event": "created", "at": "2026-11-18T10:00:00+08:00", "kind": "complaint", "category": "logistics"}
    {"event": "waiting_on_customer", "at": "2026-11-18T11:00:00+08:00"}
    {"event": "customer_replied", "at": "2026-11-18T16:00:00+08:00"}
    {"event": "stage", "at": "2026-11-19T09:00:00+08:00", "to": "feedback"}

``event`` is one of the names in :mod:`app.complaints.clocks`; ``at`` is ISO 8601 with its zone
(``+08:00`` or ``Z``); every other key is a field of the event (``kind``, ``category``, ``to``...).
Blank lines and lines starting with ``#`` are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app import clock
from app.actor import Actor
from app.complaints.calendar import Calendar, CalendarError
from app.complaints.clocks import (
    BREACHED,
    KNOWN_EVENTS,
    MET,
    WARNING,
    Clock,
    Event,
    Policy,
    TimelineError,
    attributes_of,
    compute_clocks,
    default_policies,
    parse_ladder,
)

BUILTIN_POLICIES = ("default", "office")
OFFICE_HOURS = {d: [["09:00", "12:00"], ["13:00", "18:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}


@dataclass(frozen=True)
class ExplainedCase:
    complaint_id: int | None
    reference: str | None
    now: datetime
    attributes: Mapping[str, Any]
    clocks: tuple[Clock, ...]
    lines: tuple[tuple[str, ...], ...]  # per clock, the sentences explaining it


# --- words -----------------------------------------------------------------------------------------------------------
def span(minutes: float) -> str:
    minutes = abs(minutes)
    if minutes < 1:
        return f"{minutes * 60:.0f} s"
    if minutes < 120:
        return f"{minutes:.0f} min" if minutes == int(minutes) else f"{minutes:.1f} min"
    h, m = divmod(round(minutes), 60)
    if h < 48:
        return f"{h} h" + (f" {m} min" if m else "")
    d, h = divmod(h, 24)
    return f"{d} d" + (f" {h} h" if h else "")


def _t(at: datetime | None, tz: tzinfo) -> str:
    return "-" if at is None else at.astimezone(tz).strftime("%Y-%m-%d %H:%M %z")


def explain_clock(c: Clock, tz: tzinfo) -> tuple[str, ...]:
    on = f"on the calendar {c.calendar}" if c.calendar else "on 24 x 7"
    lines = [f"started {_t(c.started_at, tz)} by {c.started_by}",
             f"target {span(c.target_minutes)} {on} (policy version {c.policy_version})"]
    for p in c.pauses:
        end = _t(p.end, tz) if p.end else "still paused"
        lines.append(f"paused {_t(p.start, tz)} -> {end} ({p.by.replace('_', ' ')})")
    elapsed = f"{span(c.elapsed_minutes)} on the clock"
    if c.stopped_at is not None:
        verdict = "in time" if c.state == MET else f"late by {span(c.elapsed_minutes - c.target_minutes)}"
        lines.append(f"stopped {_t(c.stopped_at, tz)} by {c.stopped_by}: {elapsed}, {verdict}")
    elif c.due_at is None:
        lines.append(f"paused: {elapsed}, {span(c.remaining_minutes)} left when it resumes")
    else:
        left = c.remaining_minutes
        lines.append(f"deadline {_t(c.due_at, tz)}: {elapsed}, "
                     + (f"{span(left)} left" if left >= 0 else f"{span(-left)} over"))
    for m in c.reached_milestones():
        who = m.notify.replace("role:", "role ")
        if m.kind == WARNING:
            lines.append(f"warned {_t(m.at, tz)}: {span(m.threshold_minutes)} of {span(c.target_minutes)} used "
                         f"-> {who}")
        elif m.breach:
            lines.append(f"breached {_t(m.at, tz)}: escalated to level {m.level} -> {who}")
        else:
            over = m.threshold_minutes - c.target_minutes
            when = f"{span(over)} after the breach" if over >= 0 else f"at {span(m.threshold_minutes)}"
            lines.append(f"escalated to level {m.level} {_t(m.at, tz)} ({when} on the clock) -> {who}")
    nxt = c.next_milestone()
    if nxt is not None:
        what = "warning" if nxt.kind == WARNING else f"level {nxt.level} ({nxt.notify})"
        lines.append(f"next: {what} at {_t(nxt.at, tz)}")
    return tuple(lines)


def explain(events: Sequence[Event], policies: Mapping[str, Policy], now: datetime, tz: tzinfo | None = None,
            *, complaint_id: int | None = None, reference: str | None = None) -> ExplainedCase:
    clocks = compute_clocks(events, policies, now)
    zone = tz or (events[0].at.tzinfo if events else UTC) or UTC
    return ExplainedCase(complaint_id, reference, now, attributes_of(list(events)), clocks,
                         tuple(explain_clock(c, zone) for c in clocks))


def explain_complaint(session: Session, actor: Actor, complaint_id: int, *, now: datetime | None = None
                      ) -> ExplainedCase:
    """The explanation of one case the actor may see (its clocks computed from its timeline now)."""
    from zoneinfo import ZoneInfo

    from sqlalchemy import select

    from app.complaints.engine import case_events, load_policies
    from app.complaints.service import ComplaintInputError
    from app.security.permissions import row_scope
    from db.models import Center, Complaint

    query = select(Complaint.reference, Center.timezone).join(Center, Center.id == Complaint.center_id) \
        .where(Complaint.id == complaint_id)
    clause = row_scope(session, actor).complaint_clause()
    if clause is not None:
        query = query.where(clause)
    row = session.execute(query).first()
    if row is None:
        raise ComplaintInputError(f"Complaint {complaint_id} does not exist, or is not one you may see.")
    _, events = case_events(session, complaint_id)
    try:
        tz: tzinfo = ZoneInfo(row[1] or "UTC")
    except Exception:  # noqa: BLE001
        tz = UTC
    return explain(events, load_policies(session, []), now or clock.now(), tz, complaint_id=complaint_id,
                   reference=row[0])


# --- the timeline file ------------------------------------------------------------------------------------------------
def parse_time(text: Any, where: str) -> datetime:
    if not isinstance(text, str) or not text.strip():
        raise TimelineError(f"{where}: 'at' must be a time like 2026-11-18T10:00:00+08:00")
    raw = text.strip()
    if raw.endswith(("Z", "z")):
        raw = raw[:-1] + "+00:00"
    try:
        at = datetime.fromisoformat(raw)
    except ValueError:
        raise TimelineError(f"{where}: '{text}' is not an ISO 8601 time like 2026-11-18T10:00:00+08:00") from None
    if at.tzinfo is None:
        raise TimelineError(f"{where}: '{text}' has no zone; add one like +08:00 or Z")
    if not 1970 <= at.year <= 2200:
        raise TimelineError(f"{where}: {at.year} is outside the years 1970-2200")
    return at


def read_timeline(lines: Iterable[str]) -> list[Event]:
    """Events from JSON lines; TimelineError naming the line for anything unusable."""
    events = []
    for n, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        where = f"line {n}"
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise TimelineError(f"{where}: not JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise TimelineError(f"{where}: an event is a JSON object like {{\"event\": \"created\", \"at\": ...}}")
        name = obj.pop("event", None) or obj.pop("name", None)
        if not isinstance(name, str) or not name.strip():
            raise TimelineError(f"{where}: the event has no name (key 'event')")
        at = parse_time(obj.pop("at", None), where)
        fields = dict(obj.pop("fields", None) or {})
        fields.update(obj)
        events.append(Event(name.strip(), at, fields))
    if not events:
        raise TimelineError("the timeline has no events")
    return events


def unknown_events(events: Iterable[Event]) -> list[str]:
    from app.complaints.clocks import ALIASES

    return sorted({e.name for e in events if ALIASES.get(e.name, e.name) not in KNOWN_EVENTS})


def builtin_policies(name: str) -> dict[str, Policy]:
    """``default``: the rulebook on 24 x 7; ``office``: the same, with service requests on office hours
    (Mon-Fri 09:00-12:00 and 13:00-18:00, Asia/Shanghai, Chinese statutory holidays)."""
    from dataclasses import replace

    policies = default_policies()
    if name == "default":
        return policies
    if name == "office":
        cal = Calendar.build("Office hours (CN)", "Asia/Shanghai", OFFICE_HOURS, holiday_country="CN")
        return {k: replace(p, calendar=cal) if k.startswith("R-SLA-7") else p for k, p in policies.items()}
    raise ValueError(f"no built-in policy '{name}' (try {', '.join(BUILTIN_POLICIES)} or a JSON policy file)")


def policies_from_json(data: Mapping[str, Any]) -> dict[str, Policy]:
    """A policy file: ``{"calendars": {NAME: {...}}, "policies": {RULE: {...}}}``; rules not listed keep the
    defaults. Calendar keys: timezone, opening_hours, holiday_country, closed_days, open_days (dates).
    Policy keys: target_minutes, priority_targets ({"urgent": 240}), calendar, warn_at_percent,
    warn_before_minutes, escalation_ladder, pause_when_waiting, applies_to, active."""
    from dataclasses import replace

    from app.complaints.clocks import RULES

    calendars: dict[str, Calendar] = {}
    for name, c in (data.get("calendars") or {}).items():
        try:
            calendars[name] = Calendar.build(
                name, str(c.get("timezone", "UTC")), c.get("opening_hours") or {},
                holiday_country=c.get("holiday_country"),
                closed_days=[date.fromisoformat(d) for d in c.get("closed_days", ())],
                open_days=[date.fromisoformat(d) for d in c.get("open_days", ())])
        except (TypeError, AttributeError) as exc:
            raise CalendarError(f"calendar '{name}': {exc}") from None
    policies = default_policies()
    for rule_id, p in (data.get("policies") or {}).items():
        if rule_id not in RULES:
            raise ValueError(f"policy file: unknown rule '{rule_id}' (known: {', '.join(RULES)})")
        base = policies[rule_id]
        cal_name = p.get("calendar")
        if cal_name is not None and cal_name not in calendars:
            raise ValueError(f"policy {rule_id}: no calendar named '{cal_name}' in the file")
        target = float(p.get("target_minutes", base.target_minutes))
        if target <= 0:
            raise ValueError(f"policy {rule_id}: target_minutes must be positive")
        policies[rule_id] = replace(
            base, target_minutes=target, calendar=calendars[cal_name] if cal_name else None,
            warn_at_percent=p.get("warn_at_percent", base.warn_at_percent),
            warn_before_minutes=p.get("warn_before_minutes", base.warn_before_minutes),
            ladder=parse_ladder(p.get("escalation_ladder")) if "escalation_ladder" in p else base.ladder,
            pause_when_waiting=bool(p.get("pause_when_waiting", base.pause_when_waiting)),
            applies_to=p.get("applies_to", base.applies_to), active=bool(p.get("active", True)),
            name=str(p.get("name", base.name)),
            priority_targets={str(k): float(v) for k, v in (p.get("priority_targets") or {}).items()})
    return policies


def load_policy_arg(name: str | None) -> dict[str, Policy]:
    if name is None or name in BUILTIN_POLICIES:
        return builtin_policies(name or "default")
    path = Path(name)
    if not path.is_file():
        raise ValueError(f"--policy {name}: not a built-in policy ({', '.join(BUILTIN_POLICIES)}) nor a file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"--policy {name}: cannot read the policy file ({exc})") from None
    return policies_from_json(data)


def clock_json(c: Clock, lines: Sequence[str], tz: tzinfo = UTC) -> dict[str, Any]:
    def iso(t: datetime | None) -> str | None:
        return None if t is None else t.astimezone(tz).isoformat()

    return {
        "key": c.key, "rule": c.rule_id, "name": c.name, "cycle": c.cycle, "state": c.state,
        "target_minutes": c.target_minutes, "calendar": c.calendar, "started_at": iso(c.started_at),
        "started_by": c.started_by, "stopped_at": iso(c.stopped_at), "stopped_by": c.stopped_by,
        "pauses": [{"start": iso(p.start), "end": iso(p.end), "by": p.by} for p in c.pauses],
        "elapsed_minutes": round(c.elapsed_minutes, 3), "due_at": iso(c.due_at), "warn_at": iso(c.warn_at),
        "breached": c.state == BREACHED,
        "milestones": [{"kind": m.kind, "level": m.level, "notify": m.notify, "breach": m.breach,
                        "threshold_minutes": round(m.threshold_minutes, 3), "at": iso(m.at),
                        "reached": m.reached(c.now) and (c.stopped_at is None or (m.at or c.now) <= c.stopped_at)}
                       for m in c.milestones],
        "explanation": list(lines),
    }


def case_json(case: ExplainedCase, tz: tzinfo | None = None) -> dict[str, Any]:
    """The explanation as JSON; times in ``tz`` (default: the zone of the ``now`` given)."""
    zone = tz or case.now.tzinfo or UTC
    return {"complaint_id": case.complaint_id, "reference": case.reference, "now": case.now.isoformat(),
            "attributes": dict(case.attributes),
            "clocks": [clock_json(c, lines, zone) for c, lines in zip(case.clocks, case.lines, strict=True)]}
