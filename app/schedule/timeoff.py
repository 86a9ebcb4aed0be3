"""Time-off requests (issue 4, item 6): the list, a new request, and approve / reject with the
coverage impact shown BEFORE approving: which 15-minute intervals of the week's rota would drop
below the requirement if the person's shifts in that time went away.

Only ``rota.edit`` (schedulers, administrators) may enter or decide requests; decisions are
audited and guarded by the request's version. Approved time off is honoured by the solver:
``app.rota.service.load_week`` reads approved ``time_off_requests`` into each agent's
``time_off`` ranges.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.editing import row_values
from app.people.center import center_summary
from app.rota import quality as rq
from app.rota.model import SLOT_MIN, WEEK_SLOTS, RotaProblem, Shift, range_label
from app.schedule.editing import (
    DRAFT,
    PUBLISHED,
    _end_slot,
    _latest,
    _shifts,
    _slot,
    _week_origin,
    to_rota_shifts,
)
from app.security.permissions import require
from db.errors import ConflictError
from db.models import Person, Team, TimeOffRequest

EDIT_PERMISSION = "rota.edit"
KINDS = ("annual", "sick", "leave", "training", "other")
STATUSES = ("requested", "approved", "rejected")
UTC = ZoneInfo("UTC")


@dataclass(frozen=True)
class TimeOffRow:
    id: int
    version: int
    person_id: int
    person: str
    team: str | None
    starts_at: datetime  # center-local
    ends_at: datetime
    kind: str
    status: str
    reason: str | None
    requested_at: datetime
    decided_by: str | None
    decided_at: datetime | None


@dataclass(frozen=True)
class Drop:
    """A run of intervals of one skill that the approval would put (further) below requirement."""

    skill: str
    first: int  # week slot
    last: int
    required: int  # the largest requirement in the run
    before: float  # the smallest staffing in the run, with the person
    after: float  # ... and without
    already_short: bool

    @property
    def label(self) -> str:
        return range_label(self.first, self.last)


@dataclass(frozen=True)
class WeekImpact:
    week_start: date
    rota_status: str | None  # draft / published / None (no rota: nothing to lose)
    shifts_hit: int  # the person's shifts overlapping the request
    hours_lost: float
    drops: tuple[Drop, ...]


@dataclass(frozen=True)
class TimeOffImpact:
    request: TimeOffRow
    weeks: tuple[WeekImpact, ...]

    @property
    def new_gaps(self) -> int:
        return sum(1 for w in self.weeks for d in w.drops if not d.already_short)


def _zone(session: Session) -> ZoneInfo:
    c = center_summary(session)
    return ZoneInfo(c.timezone) if c else UTC


def _row(r: TimeOffRequest, name: str, team: str | None, tz: ZoneInfo) -> TimeOffRow:
    return TimeOffRow(r.id, r.version, r.person_id, name, team, r.starts_at.astimezone(tz), r.ends_at.astimezone(tz),
                      r.kind, r.status, r.reason, r.requested_at.astimezone(tz), r.decided_by,
                      r.decided_at.astimezone(tz) if r.decided_at else None)


def list_time_off(session: Session, since: date | None = None, status: str | None = None) -> list[TimeOffRow]:
    """Requests ending on or after ``since`` (center-local), newest start first."""
    tz = _zone(session)
    q = (select(TimeOffRequest, Person.full_name, Team.name).join(Person, Person.id == TimeOffRequest.person_id)
         .outerjoin(Team, Team.id == Person.team_id))
    if since is not None:
        q = q.where(TimeOffRequest.ends_at > datetime.combine(since, datetime.min.time(), tz))
    if status:
        q = q.where(TimeOffRequest.status == status)
    q = q.order_by(TimeOffRequest.starts_at.desc(), TimeOffRequest.id.desc())
    return [_row(r, name, team, tz) for r, name, team in session.execute(q)]


def request_time_off(session: Session, actor: Actor, person_id: int, starts_at: datetime, ends_at: datetime,
                     kind: str = "annual", reason: str | None = None) -> tuple[int, Changes]:
    """Record a request (entered by the scheduler on the agent's behalf)."""
    require(actor, EDIT_PERMISSION)
    person = session.get(Person, person_id)
    if person is None or not person.active:
        raise ValueError(f"Person {person_id} does not exist or has left.")
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise ValueError("Start and end need a time zone.")
    if ends_at <= starts_at:
        raise ValueError(f"{person.full_name}'s time off must end after it starts.")
    if ends_at - starts_at > timedelta(days=366):
        raise ValueError(f"{person.full_name}'s time off is longer than a year.")
    if kind not in KINDS:
        raise ValueError(f"Unknown kind of time off {kind!r}; one of {', '.join(KINDS)}.")
    clash = session.scalars(select(TimeOffRequest).where(
        TimeOffRequest.person_id == person_id, TimeOffRequest.status != "rejected",
        TimeOffRequest.starts_at < ends_at, TimeOffRequest.ends_at > starts_at)).first()
    if clash is not None:
        tz = _zone(session)
        raise ValueError(f"{person.full_name} already has time off {clash.starts_at.astimezone(tz):%d %b %H:%M}–"
                         f"{clash.ends_at.astimezone(tz):%d %b %H:%M} ({clash.status}) overlapping it.")
    r = TimeOffRequest(person_id=person_id, starts_at=starts_at.astimezone(UTC), ends_at=ends_at.astimezone(UTC),
                       kind=kind, status="requested", reason=(reason or "").strip() or None,
                       requested_at=clock.now())
    session.add(r)
    session.flush()
    audit.record(session, actor, "create", "time_off", r.id, after={
        "person_id": person_id, "starts_at": r.starts_at, "ends_at": r.ends_at, "kind": kind, "reason": r.reason})
    return r.id, record(session, Changes.SCHEDULE | Changes.AUDIT)


def coverage_drops(problem: RotaProblem, shifts: list[Shift], person_id: int, away: tuple[int, int]) -> list[Drop]:
    """Pure: intervals whose staffing falls below the requirement when ``person_id``'s shifts that
    overlap ``away`` (week slots [a, b)) are taken out."""
    a, b = away
    without = [s for s in shifts if not (s.agent_id == person_id and s.start < b and s.end > a)]
    before = {c.skill: c for c in rq.coverage(problem, shifts)}
    after = {c.skill: c for c in rq.coverage(problem, without)}
    out: list[Drop] = []
    for skill, c in after.items():
        req = np.asarray(c.required, dtype=float)
        now = np.asarray(c.on_phone)
        was = np.asarray(before[skill].on_phone)
        bad = (now + 1e-9 < req) & (now + 1e-9 < was)
        i = 0
        while i < WEEK_SLOTS:
            if not bad[i]:
                i += 1
                continue
            j = i
            while j + 1 < WEEK_SLOTS and bad[j + 1] and (was[j + 1] + 1e-9 < req[j + 1]) == (was[i] + 1e-9 < req[i]):
                j += 1
            out.append(Drop(skill, i, j, int(req[i:j + 1].max()), float(was[i:j + 1].min()),
                            float(now[i:j + 1].min()), bool(was[i] + 1e-9 < req[i])))
            i = j + 1
    out.sort(key=lambda d: (d.first, d.skill))
    return out


def approval_impact(session: Session, request_id: int) -> TimeOffImpact:
    """What approving would cost the rota of each week the request touches (the draft if there is
    one, otherwise the published rota)."""
    from app.rota.service import load_week

    tz = _zone(session)
    found = session.execute(select(TimeOffRequest, Person.full_name, Team.name)
                            .join(Person, Person.id == TimeOffRequest.person_id)
                            .outerjoin(Team, Team.id == Person.team_id)
                            .where(TimeOffRequest.id == request_id)).first()
    if found is None:
        raise ConflictError("This time-off request was deleted by another desk.", "time_off", request_id)
    r, name, team = found
    row = _row(r, name, team, tz)
    center = center_summary(session)
    weeks = []
    day = row.starts_at.date() - timedelta(days=row.starts_at.weekday())
    while datetime.combine(day, datetime.min.time(), tz) < row.ends_at and len(weeks) < 8:
        origin = _week_origin(day, tz)
        rota = (_latest(session, center.id, day, DRAFT) or _latest(session, center.id, day, PUBLISHED)) \
            if center else None
        if rota is None:
            weeks.append(WeekImpact(day, None, 0, 0.0, ()))
        else:
            # wall-clock slots, as the rota's shifts and the requirement count them (also in a
            # week with a DST change): the request covers the slots it starts and ends in
            a = max(0, _slot(origin, r.starts_at))
            b = min(WEEK_SLOTS, _end_slot(origin, r.ends_at))
            mine = [s for s in _shifts(session, rota.id, origin)]
            hit = [s for s in mine if s.person_id == r.person_id and s.start < b and s.end > a]
            drops: list[Drop] = []
            if hit:
                problem = load_week(session, day).problem
                drops = coverage_drops(problem, to_rota_shifts(problem, mine), r.person_id, (a, b))
            weeks.append(WeekImpact(day, rota.status, len(hit), sum(s.slots for s in hit) * SLOT_MIN / 60.0,
                                    tuple(drops)))
        day += timedelta(days=7)
    return TimeOffImpact(row, tuple(weeks))


def decide_time_off(session: Session, actor: Actor, request_id: int, expected_version: int,
                    approve: bool) -> Changes:
    """Approve or reject a request (audited; a stale version raises ConflictError)."""
    require(actor, EDIT_PERMISSION)
    r = session.get(TimeOffRequest, request_id, populate_existing=True)
    status = "approved" if approve else "rejected"
    if r is None:
        raise ConflictError("This time-off request was deleted by another desk.", "time_off", request_id)
    if r.version != expected_version:
        raise ConflictError(f"Another desk changed this request (version {r.version}) after you opened it "
                            f"(version {expected_version}).", "time_off", request_id, mine={"status": status},
                            theirs=row_values(r))
    if r.status == status:
        raise ValueError(f"This request is already {status}.")
    before = {"status": r.status, "decided_by": r.decided_by, "decided_at": r.decided_at}
    r.status, r.decided_by, r.decided_at = status, actor.username, clock.now()
    try:
        session.flush()
    except StaleDataError as exc:
        session.rollback()
        raise ConflictError("Another desk decided this request at the same moment.", "time_off", request_id) from exc
    audit.record(session, actor, "approve" if approve else "reject", "time_off", request_id, before=before,
                 after={"status": status, "decided_by": actor.username, "decided_at": r.decided_at})
    return record(session, Changes.SCHEDULE | Changes.AUDIT)
