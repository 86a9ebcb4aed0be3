"""SLA policies and business calendars (Admin): listed, edited with optimistic locking and audit, and every
change recomputes the open cases' deadlines at once.

Policies are versioned: each saved change bumps the policy's version, the audit log keeps its before and
after, and every warning or escalation on a timeline records the policy version it was computed with.
A rule without a policy row runs on its rule value (Admin > Rules) on 24 x 7;
:func:`ensure_policy_rows` writes those rows so they can be edited.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.complaints.calendar import Calendar, CalendarError
from app.complaints.clocks import PAUSING_RULES, RULE_LADDERS, RULES, parse_ladder
from app.complaints.engine import priority_targets, rule_minutes
from app.editing import apply_edit
from app.security.permissions import PermissionDenied, allowed, require
from db.models import AuditEntry, BusinessCalendar, CalendarDay, Center, Complaint, SlaPolicy
from db.models.complaints import PRIORITIES, SLA_RECOMPUTE

RECOMPUTE_AT_ONCE = 5_000
DEFAULT_LADDER_JSON = [{"level": 1, "notify": "owner", "after_minutes": 0},
                       {"level": 2, "notify": "supervisor", "after_minutes": 30},
                       {"level": 3, "notify": "manager", "after_minutes": 60}]
APPLIES = {"R-SLA-1": {"kind": ["complaint"]}, "R-SLA-2": {"kind": ["complaint"]}, "R-SLA-3": {"kind": ["complaint"]},
           "R-SLA-4": {"category": ["system_fault"]}, "R-SLA-4.diagnose": {"category": ["system_fault"]},
           "R-SLA-5": {"kind": ["complaint"]}, "R-SLA-6": {"kind": ["complaint"]},
           "R-SLA-7.response": {"kind": ["service_request"]}, "R-SLA-7.process": {"kind": ["service_request"]}}


def default_ladder_json(rule_id: str) -> list[dict[str, Any]]:
    levels = RULE_LADDERS.get(rule_id)
    if levels is None:
        return [dict(level) for level in DEFAULT_LADDER_JSON]
    return [{"level": lv.level, "notify": lv.notify, "after_minutes": lv.after_minutes} for lv in levels]


@dataclass(frozen=True)
class PolicyView:
    id: int | None  # None: no row yet (the rule value on 24 x 7)
    rule_id: str
    name: str
    target_minutes: float
    calendar_id: int | None
    calendar_name: str | None
    warn_at_percent: int | None
    warn_before_minutes: int | None
    escalation_ladder: tuple[Mapping[str, Any], ...]
    pause_when_waiting: bool
    active: bool
    version: int
    updated_at: datetime | None
    updated_by: str | None
    priority_targets: Mapping[str, float] = field(default_factory=dict)  # R-FLOW-2 class -> minutes


@dataclass(frozen=True)
class CalendarView:
    id: int
    name: str
    timezone: str
    holiday_country: str | None
    opening_hours: Mapping[str, Any]
    days: tuple[tuple[date, bool, str | None], ...]  # (day, is_open, note)
    version: int


def list_policies(session: Session) -> list[PolicyView]:
    rows = {r.rule_id: r for r in session.scalars(select(SlaPolicy))}
    names = dict(session.execute(select(BusinessCalendar.id, BusinessCalendar.name)).all())
    out = []
    for rule_id, rule in RULES.items():
        r = rows.get(rule_id)
        if r is None:
            out.append(PolicyView(None, rule_id, str(rule.description), rule_minutes(session, rule_id), None, None,
                                  75, None, tuple(default_ladder_json(rule_id)), rule_id in PAUSING_RULES, True, 0,
                                  None, None))
        else:
            out.append(PolicyView(r.id, rule_id, r.name, float(r.target_minutes), r.calendar_id,
                                  names.get(r.calendar_id) if r.calendar_id else None, r.warn_at_percent,
                                  r.warn_before_minutes, tuple(r.escalation_ladder or DEFAULT_LADDER_JSON),
                                  bool(r.pause_when_waiting), bool(r.active), r.version, r.updated_at, r.updated_by,
                                  priority_targets(r.applies_to)))
    return out


@dataclass(frozen=True)
class PolicyRevision:
    version: int  # the version the change produced
    at: datetime
    by: str
    changed: Mapping[str, tuple[Any, Any]]  # field -> (before, after)


def policy_history(session: Session, actor: Actor, rule_id: str) -> list[PolicyRevision]:
    """Every saved change of one rule's policy, newest first (from the audit log: who, when, what)."""
    if not (allowed(actor, "rules.edit") or allowed(actor, "audit.view")):
        raise PermissionDenied(actor, "audit.view")
    row = session.scalars(select(SlaPolicy).where(SlaPolicy.rule_id == rule_id)).first()
    if row is None:
        return []
    entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "SLA policy",
                                                       AuditEntry.entity_id == str(row.id))
                              .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())).all()
    out = []
    for n, e in enumerate(entries):
        before, after = e.before or {}, e.after or {}
        changed = {k: (before.get(k), after.get(k)) for k in after
                   if k not in ("updated_at", "updated_by") and before.get(k) != after.get(k)}
        out.append(PolicyRevision(row.version - n, e.at, e.actor, changed))
    return out


def list_calendars(session: Session) -> list[CalendarView]:
    days: dict[int, list[tuple[date, bool, str | None]]] = {}
    for d in session.scalars(select(CalendarDay).order_by(CalendarDay.day)):
        days.setdefault(d.calendar_id, []).append((d.day, bool(d.is_open), d.note))
    return [CalendarView(c.id, c.name, c.timezone, c.holiday_country, dict(c.opening_hours or {}),
                         tuple(days.get(c.id, ())), c.version)
            for c in session.scalars(select(BusinessCalendar).order_by(BusinessCalendar.name))]


def _center_id(session: Session) -> int:
    cid = session.scalar(select(Center.id).order_by(Center.id).limit(1))
    if cid is None:
        raise ValueError("There is no contact center in this database yet.")
    return int(cid)


def ensure_policy_rows(session: Session, actor: Actor) -> int:
    """Write a policy row for every clock rule that has none (from its rule value); returns how many."""
    require(actor, "rules.edit")
    have = set(session.scalars(select(SlaPolicy.rule_id)))
    center = _center_id(session)
    added = 0
    for rule_id, rule in RULES.items():
        if rule_id in have:
            continue
        session.add(SlaPolicy(center_id=center, rule_id=rule_id, name=str(rule.description),
                              applies_to=APPLIES.get(rule_id, {}), target_minutes=round(rule_minutes(session, rule_id)),
                              calendar_id=None, warn_at_percent=75, escalation_ladder=default_ladder_json(rule_id),
                              pause_when_waiting=rule_id in PAUSING_RULES, active=True,
                              updated_at=clock.now(), updated_by=actor.username))
        added += 1
    if added:
        session.flush()
        audit.record(session, actor, "create", "sla_policy", None, after={"rules": added})
        record(session, Changes.SETTINGS | Changes.AUDIT)
    return added


def _int_or_none(value: Any, what: str, lo: float, hi: float | None = None) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be a number, not '{value}'") from None
    if number < lo or (hi is not None and number > hi) or not number.is_integer():
        raise ValueError(f"{what} must be a whole number from {lo:g}" + (f" to {hi:g}" if hi else ""))
    return int(number)


def update_policy(session: Session, actor: Actor, rule_id: str, expected_version: int, *,
                  target_minutes: Any = None, calendar_id: int | None | str = "keep", warn_at_percent: Any = "keep",
                  warn_before_minutes: Any = "keep", escalation_ladder: Sequence[Mapping[str, Any]] | None = None,
                  pause_when_waiting: bool | None = None, active: bool | None = None,
                  targets_by_priority: Mapping[str, Any] | None = None) -> Changes:
    """Change one rule's policy; open cases get their deadlines recomputed in the same transaction."""
    require(actor, "rules.edit")
    if rule_id not in RULES:
        raise ValueError(f"Unknown clock rule {rule_id} (known: {', '.join(RULES)})")
    row = session.scalars(select(SlaPolicy).where(SlaPolicy.rule_id == rule_id)).first()
    if row is None:
        ensure_policy_rows(session, actor)
        row = session.scalars(select(SlaPolicy).where(SlaPolicy.rule_id == rule_id)).one()
        expected_version = expected_version or row.version
    values: dict[str, Any] = {}
    if target_minutes is not None:
        target = _int_or_none(target_minutes, f"{rule_id}: the target (minutes)", 1, 60 * 24 * 365)
        values["target_minutes"] = target
    if calendar_id != "keep":
        if calendar_id is not None:
            cal = session.get(BusinessCalendar, int(calendar_id))
            if cal is None:
                raise ValueError(f"{rule_id}: calendar {calendar_id} does not exist")
            _build(session, cal)  # a calendar that cannot serve a clock is refused here, with its message
        values["calendar_id"] = calendar_id
    if warn_at_percent != "keep":
        values["warn_at_percent"] = _int_or_none(warn_at_percent, f"{rule_id}: the warning (% of the target)", 1, 99)
    if warn_before_minutes != "keep":
        values["warn_before_minutes"] = _int_or_none(warn_before_minutes, f"{rule_id}: the warning (minutes before)",
                                                     1)
    if escalation_ladder is not None:
        ladder = parse_ladder(escalation_ladder)  # ValueError naming the level
        values["escalation_ladder"] = [{"level": lv.level, "notify": lv.notify,
                                        **({"after_minutes": lv.after_minutes} if lv.after_minutes is not None
                                           else {"at_percent": lv.at_percent})} for lv in ladder]
    if targets_by_priority is not None:  # R-FLOW-2: {"urgent": 240}; {} removes them
        checked: dict[str, int] = {}
        for priority, minutes in targets_by_priority.items():
            if priority not in PRIORITIES:
                raise ValueError(f"{rule_id}: '{priority}' is not a priority class ({', '.join(PRIORITIES)})")
            target = _int_or_none(minutes, f"{rule_id}: the {priority} target (minutes)", 1, 60 * 24 * 365)
            if target is not None:
                checked[priority] = target
        values["applies_to"] = {**{k: v for k, v in (row.applies_to or {}).items() if k != "priority_targets"},
                                **({"priority_targets": checked} if checked else {})}
    if pause_when_waiting is not None:
        values["pause_when_waiting"] = bool(pause_when_waiting)
    if active is not None:
        values["active"] = bool(active)
    if not values:
        return Changes.NONE
    values.update(updated_at=clock.now(), updated_by=actor.username)
    apply_edit(session, actor, SlaPolicy, row.id, expected_version, values, entity="SLA policy")
    return record(session, Changes.SETTINGS | Changes.AUDIT | recompute_open(session))


def _build(session: Session, cal: BusinessCalendar, opening_hours: Mapping[str, Any] | None = None,
           timezone: str | None = None, holiday_country: str | None = "keep") -> Calendar:
    days = session.execute(select(CalendarDay.day, CalendarDay.is_open).where(CalendarDay.calendar_id == cal.id)).all()
    return Calendar.build(cal.name, timezone or cal.timezone, opening_hours if opening_hours is not None
                          else cal.opening_hours or {},
                          holiday_country=cal.holiday_country if holiday_country == "keep" else holiday_country,
                          closed_days=[d for d, o in days if not o], open_days=[d for d, o in days if o])


def save_calendar(session: Session, actor: Actor, calendar_id: int | None, expected_version: int, *, name: str,
                  timezone: str, opening_hours: Mapping[str, Any], holiday_country: str | None) -> tuple[int, Changes]:
    """Create (``calendar_id`` None) or change a business calendar; CalendarError for one that could not open."""
    require(actor, "rules.edit")
    name = (name or "").strip()
    if not name or len(name) > 64:
        raise CalendarError("A calendar needs a name of 1 to 64 characters.")
    Calendar.build(name, timezone, opening_hours, holiday_country=holiday_country or None)  # checks it
    values = {"name": name, "timezone": timezone, "opening_hours": dict(opening_hours),
              "holiday_country": holiday_country or None}
    if calendar_id is None:
        cal = BusinessCalendar(center_id=_center_id(session), **values)
        session.add(cal)
        session.flush()
        audit.record(session, actor, "create", "business calendar", cal.id, after=values)
        return cal.id, record(session, Changes.SETTINGS | Changes.AUDIT)
    apply_edit(session, actor, BusinessCalendar, calendar_id, expected_version, values, entity="business calendar")
    cal = session.get(BusinessCalendar, calendar_id)
    assert cal is not None
    _build(session, cal)
    return calendar_id, record(session, Changes.SETTINGS | Changes.AUDIT | recompute_open(session))


def set_calendar_day(session: Session, actor: Actor, calendar_id: int, day: date, is_open: bool | None,
                     note: str | None = None) -> Changes:
    """An extra closure (``is_open`` False), a make-up working day (True), or back to the rule (None)."""
    require(actor, "rules.edit")
    cal = session.get(BusinessCalendar, calendar_id)
    if cal is None:
        raise ValueError(f"Calendar {calendar_id} does not exist")
    session.execute(delete(CalendarDay).where(CalendarDay.calendar_id == calendar_id, CalendarDay.day == day))
    if is_open is not None:
        session.add(CalendarDay(calendar_id=calendar_id, day=day, is_open=is_open, note=(note or "").strip()[:120]
                                or None))
    session.flush()
    _build(session, cal)  # a closure that leaves no working hour is refused (CalendarError), nothing kept
    audit.record(session, actor, "update", "calendar day", f"{calendar_id}:{day.isoformat()}",
                 after={"is_open": is_open, "note": note})
    return record(session, Changes.SETTINGS | Changes.AUDIT | recompute_open(session))


def recompute_open(session: Session) -> Changes:
    """Every open case's clocks recomputed (deadlines follow the new policy or calendar): at once in this
    transaction for up to ``RECOMPUTE_AT_ONCE`` open cases, else by the next sweep (within 30 s), so an
    administrator's save stays quick on a very large center."""
    from app.complaints.sweep import sweep

    marked = session.execute(update(Complaint).where(Complaint.stage != "closed").values(sla_next_at=SLA_RECOMPUTE)
                             .execution_options(synchronize_session=False)).rowcount or 0
    if marked > RECOMPUTE_AT_ONCE:
        return Changes.COMPLAINTS
    return sweep(session).changes | Changes.COMPLAINTS
