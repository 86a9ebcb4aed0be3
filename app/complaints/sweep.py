"""The SLA sweep: every 30 s, every case whose next warning or escalation has come (no cap per run).

Each case carries ``sla_next_at``, the instant of its next milestone, kept by the engine whenever the
case changes. A run therefore reads only the cases due (an indexed range), recomputes their clocks
from their timelines, and for every warning or escalation that has fallen due and is not on the
timeline yet:

* writes it on the timeline (``sla_warning`` / ``sla_escalated``, at the instant it fell due, with
  who was told and when the sweep noticed), and
* posts a console notification with the dedupe key ``sla:<case>:<clock>#<cycle>:<milestone>``.

Both are keyed, so a second run, a run on another desk, or a run after a crash never doubles
anything: the sweep is idempotent. After a long outage only each clock's latest milestone is
notified (the earlier ones are recorded, marked as not notified), so nobody gets a burst of stale
warnings. Cases new to the engine (imported, built in bulk, or after a policy change) carry
``SLA_RECOMPUTE`` and are computed on the next run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from app import clock
from app.actor import Actor
from app.changes import Changes, record
from app.complaints.clocks import (
    ESCALATION,
    NOTIFY_MANAGER,
    NOTIFY_OWNER,
    NOTIFY_SUPERVISOR,
    WARNING,
    Clock,
    Milestone,
    Policy,
    compute_clocks,
)
from app.complaints.engine import (
    EVENT_COLUMNS,
    FACT_COLUMNS,
    _iso,
    events_from,
    facts_of,
    load_policies,
    next_check,
    snapshot,
    transitions,
)
from app.i18n import N_
from app.jobs.registry import JobSpec, register
from db.database import Database
from db.models import Center, Complaint, ComplaintEvent, Person, Team

CHUNK = 500
MILESTONE_KINDS = ("sla_warning", "sla_escalated")


@dataclass
class SweepResult:
    checked: int = 0
    warnings: int = 0
    escalations: int = 0
    notified: int = 0
    transitions: int = 0
    changes: Changes = Changes.NONE
    by_clock: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out = {"checked": self.checked, "warnings": self.warnings, "escalations": self.escalations,
               "notified": self.notified, "clock_events": self.transitions, "by_clock": dict(self.by_clock)}
        if self.problems:
            out["problems"] = list(self.problems)
        return out


@dataclass(frozen=True)
class _Case:
    reference: str
    owner_id: int | None
    owner: str | None
    team_id: int | None
    team: str | None
    supervisor_id: int | None
    category: str
    priority: str


def dedupe_key(complaint_id: int, clock_key: str, milestone: Milestone) -> str:
    return f"sla:{complaint_id}:{clock_key}:{milestone.key}"


def sweep(session: Session, now: datetime | None = None, *, policies: Mapping[str, Policy] | None = None,
          limit: int | None = None) -> SweepResult:
    """One run over every case due at ``now`` (in the caller's transaction); ``limit``: only the first cases
    due (the job commits a very large backlog in slices, see :func:`run_sweep`)."""
    now = now or clock.now()
    result = SweepResult()
    if policies is None:
        # a broken calendar (edited outside Admin) must not stop every warning: its clocks count on 24 x 7
        # and the run's result says so (the Jobs page shows it)
        policies = load_policies(session, result.problems)
    tz = _center_zone(session)
    # no ORDER BY: with it SQLite scans the whole table in id order instead of the sla_next_at index.
    # On PostgreSQL the due rows are locked for the run, and rows another desk's sweep holds are skipped:
    # two sweeps at once never both record (or notify) the same warning
    query = select(Complaint.id).where(Complaint.sla_next_at <= now)
    if limit is not None:
        query = query.order_by(Complaint.sla_next_at).limit(limit)
    due = sorted(session.scalars(query.with_for_update(skip_locked=True)).all())
    for start in range(0, len(due), CHUNK):
        _sweep_chunk(session, list(due[start:start + CHUNK]), now, policies, tz, result)
    result.checked = len(due)
    if result.warnings or result.escalations or result.transitions:
        result.changes |= record(session, Changes.COMPLAINTS)
    return result


def _sweep_chunk(session: Session, ids: list[int], now: datetime, policies: Mapping[str, Policy], tz: ZoneInfo,
                 result: SweepResult) -> None:
    facts = {r[0]: facts_of(r) for r in session.execute(select(*FACT_COLUMNS).where(Complaint.id.in_(ids)))}
    cached = dict(session.execute(select(Complaint.id, Complaint.sla_clocks).where(Complaint.id.in_(ids))).all())
    timeline: dict[int, list[Any]] = defaultdict(list)
    for r in session.execute(select(*EVENT_COLUMNS).where(ComplaintEvent.complaint_id.in_(ids))
                             .order_by(ComplaintEvent.complaint_id, ComplaintEvent.at, ComplaintEvent.id)):
        timeline[r[0]].append(r)
    new_events: list[dict[str, Any]] = []
    cache_rows: list[dict[str, Any]] = []
    to_notify: list[tuple[int, Clock, Milestone]] = []
    for cid in ids:
        f = facts.get(cid)
        if f is None:
            continue
        rows = list(timeline.get(cid, []))
        done = {(r[5] or {}).get("key", "") + ":" + str((r[5] or {}).get("milestone", ""))
                for r in rows if r[2] in MILESTONE_KINDS}
        milestone_events: list[dict[str, Any]] = []
        # a second pass when this run escalated to the manager: that starts R-RESP-4 (the manager's response),
        # whose own reminder may already be due after an outage
        for _pass in range(2):
            clocks = compute_clocks(events_from(f, rows), policies, now)
            added = _fresh_milestones(cid, clocks, done, now, result, to_notify)
            milestone_events += added
            rows += [(cid, e["at"], e["kind"], None, None, e["data"]) for e in added]
            rows.sort(key=lambda r: r[1])
            if not any(e["data"]["notify"] == NOTIFY_MANAGER and e["data"]["clock"] != "R-RESP-4" for e in added):
                break
        for t in transitions(cached.get(cid), clocks):
            new_events.append({"complaint_id": cid, "at": t["at"], "kind": t["kind"], "actor": "sla", "note": None,
                               "data": t["data"]})
            result.transitions += 1
        new_events += milestone_events
        cache_rows.append({"cid": cid, "clocks": snapshot(clocks), "next": next_check(clocks), "due_by": now})
    if new_events:
        session.execute(insert(ComplaintEvent), new_events)
    if cache_rows:
        table = Complaint.__table__
        # only where the case is still due: a desk that changed it meanwhile wrote a newer cache itself
        session.execute(update(table).where(table.c.id == bindparam("cid"), table.c.sla_next_at <= bindparam("due_by"))
                        .values(sla_clocks=bindparam("clocks"), sla_next_at=bindparam("next")), cache_rows)
    if to_notify:
        cases = _cases(session, sorted({cid for cid, _, _ in to_notify}))
        # one notification per case, kind of milestone and level: two clocks of a case warning in the same
        # run make one toast naming both, not two
        groups: dict[tuple[int, str, int, bool, str], list[tuple[Clock, Milestone]]] = defaultdict(list)
        for cid, c, m in to_notify:
            groups[(cid, m.kind, m.level, m.breach, m.notify)].append((c, m))
        for (cid, *_), pairs in groups.items():
            if notify(session, cid, cases[cid], pairs, tz):
                result.notified += 1
                result.changes |= Changes.NOTIFICATIONS


def _fresh_milestones(cid: int, clocks: Sequence[Clock], done: set[str], now: datetime, result: SweepResult,
                      to_notify: list[tuple[int, Clock, Milestone]]) -> list[dict[str, Any]]:
    """Timeline rows for the milestones that fell due and are not on the timeline yet (``done`` grows)."""
    out: list[dict[str, Any]] = []
    for c in clocks:
        if c.stopped_at is not None:  # the case moved on: a late stop is on the timeline, nobody is chased
            continue
        fresh = [m for m in c.reached_milestones() if f"{c.key}:{m.key}" not in done]
        if not fresh:
            continue
        latest = max(fresh, key=lambda m: (m.at, m.level))
        for m in fresh:
            done.add(f"{c.key}:{m.key}")
            notified = m is latest
            out.append({"complaint_id": cid, "at": m.at, "kind": "sla_warning" if m.kind == WARNING
                        else "sla_escalated", "actor": "sla", "note": None, "data": {
                            "clock": c.rule_id, "key": c.key, "milestone": m.key, "level": m.level,
                            "notify": m.notify, "breach": m.breach, "due": _iso(c.due_at),
                            "threshold_minutes": round(m.threshold_minutes, 3), "noticed_at": _iso(now),
                            "notified": notified, "policy_version": c.policy_version}})
            if m.kind == WARNING:
                result.warnings += 1
            else:
                result.escalations += 1
            result.by_clock[c.rule_id] = result.by_clock.get(c.rule_id, 0) + 1
            if notified:
                to_notify.append((cid, c, m))
    return out


def _cases(session: Session, ids: Sequence[int]) -> dict[int, _Case]:
    rows = session.execute(
        select(Complaint.id, Complaint.reference, Complaint.owner_id, Person.full_name, Complaint.team_id, Team.name,
               Team.supervisor_id, Complaint.category, Complaint.priority)
        .outerjoin(Person, Person.id == Complaint.owner_id).outerjoin(Team, Team.id == Complaint.team_id)
        .where(Complaint.id.in_(ids))).all()
    return {r[0]: _Case(*r[1:]) for r in rows}


def _center_zone(session: Session) -> ZoneInfo:
    tz = session.scalar(select(Center.timezone).order_by(Center.id).limit(1))
    try:
        return ZoneInfo(tz or "UTC")
    except Exception:  # noqa: BLE001 - a bad zone in the center row must not stop the sweep
        return ZoneInfo("UTC")


def recipients_for(case: _Case, notify_whom: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """(person ids, roles) to tell: the owner, else the team supervisor, else the managers."""
    if notify_whom == NOTIFY_OWNER and case.owner_id is not None:
        return (case.owner_id,), ()
    if notify_whom in (NOTIFY_OWNER, NOTIFY_SUPERVISOR) and case.supervisor_id is not None:
        return (case.supervisor_id,), ()
    if notify_whom.startswith("role:"):
        return (), (notify_whom[5:],)
    return (), (NOTIFY_MANAGER,)


def notify(session: Session, complaint_id: int, case: _Case, pairs: Sequence[tuple[Clock, Milestone]],
           tz: ZoneInfo) -> bool:
    """Post the console notification of one or more clocks' same milestone (deduplicated by key); True if new."""
    from app.notifications import Recipients, post

    pairs = sorted(pairs, key=lambda p: (p[0].due_at or p[1].at or datetime.max.replace(tzinfo=tz), p[0].key))
    c, m = pairs[0]
    people, roles = recipients_for(case, m.notify)
    deadline = c.due_at.astimezone(tz).strftime("%Y-%m-%d %H:%M") if c.due_at else "-"
    base = {"ref": case.reference, "clock": ", ".join(f"{x.rule_id} {x.name}" for x, _ in pairs),
            "deadline": deadline, "owner": case.owner or "-", "team": case.team or "-"}
    if m.kind == WARNING:
        kind, severity, params = "sla.warning", "warning", {
            **base, "minutes_left": max(0, round(c.target_minutes - m.threshold_minutes))}
    elif m.breach and m.level <= 1:
        kind, severity, params = "sla.breach", "critical", base
    else:
        kind, severity, params = "sla.escalation", "critical", {
            **base, "step": m.level, "category": case.category, "priority": case.priority}
    changes = post(session, kind=kind, params=params, severity=severity,
                   recipients=Recipients(person_ids=people, roles=roles), entity=("complaint", complaint_id),
                   dedupe_key=dedupe_key(complaint_id, c.key, m), level=max(1, min(9, m.level or 1)))
    return bool(changes)


SLICE = 5_000  # cases per transaction of one job run


def run_sweep(db: Database, slot: datetime, actor: Actor) -> dict[str, Any]:
    """The job: every case due, with no cap; a backlog (the first run after an import or an upgrade) is
    committed slice by slice, so its progress survives a crash and no transaction runs for minutes."""
    now = max(slot, clock.now())
    total = SweepResult()
    with db.session() as s:
        backlog = len(s.scalars(select(Complaint.id).where(Complaint.sla_next_at <= now)).all())
    for _ in range(backlog // SLICE + 1):  # each slice leaves its cases not due at ``now`` any more
        with db.session() as s:
            part = sweep(s, now, limit=SLICE)
        total.checked += part.checked
        total.warnings += part.warnings
        total.escalations += part.escalations
        total.notified += part.notified
        total.transitions += part.transitions
        for rule, n in part.by_clock.items():
            total.by_clock[rule] = total.by_clock.get(rule, 0) + n
        total.problems = part.problems
        if part.checked < SLICE:
            break
    return total.as_dict()


SLA_SWEEP = register(JobSpec(
    id="sla_sweep",
    title=N_("SLA sweep"),
    description=N_("Warns and escalates complaints whose clocks run out (R-SLA-1..7), every 30 seconds."),
    schedule={"seconds": 30},
    run=run_sweep,
))

__all__ = ["ESCALATION", "SLA_SWEEP", "SweepResult", "dedupe_key", "notify", "recipients_for", "run_sweep", "sweep"]
