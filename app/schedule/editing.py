"""Editing a week's DRAFT rota by hand (issue 4, items 4-5): move, resize, swap, delete and add
shifts, mark someone sick and call in cover (R-SCH-5), pin shifts so the solver keeps them, solve
again around the pins, and compare the draft with the published rota.

Every edit is one transaction, audited, guarded by the shift's version (a stale version raises
:class:`ConflictError` with both copies) and returns ``Changes.SCHEDULE``. Only people allowed
``rota.edit`` (schedulers, administrators) may edit; everyone may read.

Times are week slots of 15 minutes from Monday 00:00 center-local (``app.rota.model``), so the
editor, the engine and the quality check speak the same units. A pinned shift carries
``PIN_MARK`` at the start of its note (no schema change needed).

The quality of a draft (:func:`rota_quality`) is a pure function of the week's problem and the
shifts: coverage against the requirement per interval and skill, expected service level
(Erlang C), paid hours, the solver's LP lower bound and the gap to it, and rule violations (rest,
day off, contract hours, availability, skills) from ``app.rota.quality``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.editing import row_values
from app.i18n import N_, Message
from app.people.center import center_summary
from app.rota import quality as rq
from app.rota.model import (
    DAY_SLOTS,
    SLOT_MIN,
    WEEK_DAYS,
    WEEK_SLOTS,
    Activity,
    RotaInputError,
    RotaProblem,
    Rules,
    Shift,
    SkillCoverage,
    range_label,
)
from app.schedule.week import DRAFT, PUBLISHED
from app.security.permissions import allowed, require
from db.errors import ConflictError
from db.models import (
    Person,
    PersonSkill,
    Queue,
    Rota,
    ShiftActivity,
    ShiftAssignment,
    Team,
    TimeOffRequest,
)
from db.models import ShiftTemplate as ShiftTemplateRow

EDIT_PERMISSION = "rota.edit"
PIN_MARK = "[pinned]"
MAX_SHIFT_SLOTS = 16 * 60 // SLOT_MIN  # a hand-made shift is at most 16 h
UTC = ZoneInfo("UTC")


# --------------------------------------------------------------------------- results

@dataclass(frozen=True)
class DraftShift:
    id: int
    version: int
    person_id: int
    template_id: int | None
    template: str | None
    color: str | None
    start: int  # week slot (center-local)
    slots: int
    pinned: bool
    is_backup: bool
    note: str | None  # without the pin mark
    activities: tuple[tuple[str, int, int], ...]  # (kind, first slot, end slot), no "work"

    @property
    def end(self) -> int:
        return self.start + self.slots

    @property
    def day(self) -> int:
        return self.start // DAY_SLOTS


@dataclass(frozen=True)
class EditorAgent:
    id: int
    name: str
    team: str | None
    skills: tuple[str, ...]
    contract_hours: float


@dataclass(frozen=True)
class TemplateChoice:
    id: int
    name: str
    start_min: int
    duration_min: int
    break_min: int
    color: str | None


@dataclass(frozen=True)
class EditorWeek:
    week_start: date
    timezone: str
    center_name: str
    rota_id: int | None  # the draft being edited; None when the week has no draft
    rota_version: int | None
    solver_stats: dict | None
    published_rota_id: int | None
    published_revision: int | None
    agents: tuple[EditorAgent, ...]
    shifts: tuple[DraftShift, ...]
    templates: tuple[TemplateChoice, ...]
    may_edit: bool
    time_off: tuple[tuple[int, int, int], ...] = ()  # approved: (person id, first slot, end slot)
    showing: str | None = None  # "draft", or "published" (read-only) when the week has no draft

    def shifts_of(self, person_id: int) -> list[DraftShift]:
        return sorted((s for s in self.shifts if s.person_id == person_id), key=lambda s: s.start)


@dataclass(frozen=True)
class ShiftSpec:
    """Everything needed to (re)create a shift: used by add and by undo of delete/sick."""

    person_id: int
    start: int
    slots: int
    template_id: int | None = None
    note: str | None = None
    pinned: bool = False
    is_backup: bool = False
    activities: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True)
class ShiftSaved:
    shift_id: int
    version: int
    changes: Changes


@dataclass(frozen=True)
class ShiftRemoved:
    spec: ShiftSpec
    changes: Changes


@dataclass(frozen=True)
class SwapSaved:
    versions: dict[int, int]  # shift id -> new version
    changes: Changes


@dataclass(frozen=True)
class SickSaved:
    removed: ShiftSpec
    cover: ShiftSaved | None
    changes: Changes


@dataclass(frozen=True)
class CoverCandidate:
    person_id: int
    name: str
    team: str | None
    hours_this_week: float
    over_contract: bool  # taking the shift puts them above their contract hours (overtime)


@dataclass(frozen=True)
class DraftRef:
    rota_id: int
    version: int
    changes: Changes


@dataclass(frozen=True)
class ViolationRow:
    rule: str
    message: str  # an app.i18n.Message for the rules checked here and in app.rota.quality
    hard: bool
    agent_ids: tuple[int, ...]


@dataclass(frozen=True)
class RotaQuality:
    skills: tuple[SkillCoverage, ...]
    required: tuple[int, ...]  # per slot, all skills
    staffed: tuple[float, ...]  # on the phones per slot, all skills
    service_level: tuple[float | None, ...]  # expected SL per slot, calls-weighted over skills
    weekly_service_level: float | None
    paid_hours: float
    lp_bound_hours: float | None
    gap: float | None  # paid hours above the bound, as a fraction of it
    violations: tuple[ViolationRow, ...]
    short_slots: int  # intervals below the requirement
    weekly_goal: float | None = None  # the week's service-level goal of the rules (R-SCH-1.week_sl)

    @property
    def pct_covered(self) -> float:
        return 100.0 * (WEEK_SLOTS - self.short_slots) / WEEK_SLOTS


@dataclass(frozen=True)
class ShiftDiff:
    person_id: int
    kind: str  # added / removed / changed
    start: int
    slots: int
    draft_shift_id: int | None
    old_start: int | None = None
    old_slots: int | None = None


@dataclass(frozen=True)
class RotaDiff:
    published_revision: int | None
    diffs: tuple[ShiftDiff, ...]
    unchanged: int

    def of_kind(self, kind: str) -> list[ShiftDiff]:
        return [d for d in self.diffs if d.kind == kind]


# --------------------------------------------------------------------------- helpers

def _zone(session: Session) -> ZoneInfo:
    center = center_summary(session)
    return ZoneInfo(center.timezone) if center else UTC


def _week_origin(week_start: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(week_start, datetime.min.time(), tz)


def _at(origin: datetime, slot: int) -> datetime:
    """The UTC moment of a wall-clock week slot (the inverse of :func:`_slot`, as
    ``app.rota.service.save_draft`` stores the solver's shifts): an aware datetime plus a timedelta
    moves the wall clock, so ``Sun 09:00`` is 09:00 local on either side of a DST change. A slot in
    the hour skipped in spring lands an hour later on the clock (it does not exist); the hour
    repeated in autumn is its first pass."""
    return (origin + timedelta(minutes=slot * SLOT_MIN)).astimezone(UTC)


def _slot(origin: datetime, moment: datetime) -> int:
    """The wall-clock week slot of ``moment`` (``app.rota.service.wall_slot``, the solver's own
    mapping), not the time elapsed since ``origin``: a week with a DST change still has 672 slots
    and Sunday 09:00 is slot 6 * 96 + 36 in it. Imported here, not at the top, so that opening the
    editor does not load the solver."""
    from app.rota.service import wall_slot

    return wall_slot(moment, origin)


def _end_slot(origin: datetime, moment: datetime) -> int:
    """The slot after the last one ``moment`` ends in (a time that ends mid-slot covers that slot)."""
    return _slot(origin, moment - timedelta(microseconds=1)) + 1


def is_pinned(note: str | None) -> bool:
    return bool(note) and note.startswith(PIN_MARK)  # type: ignore[union-attr]


def plain_note(note: str | None) -> str | None:
    if not note:
        return None
    text = note[len(PIN_MARK):].strip() if note.startswith(PIN_MARK) else note
    return text or None


def _note(note: str | None, pinned: bool) -> str | None:
    base = plain_note(note)
    text = f"{PIN_MARK} {base}" if pinned and base else (PIN_MARK if pinned else base)
    return text[:200] if text else None


def _draft_of_shift(session: Session, shift_id: int, expected_version: int) -> ShiftAssignment:
    row = session.get(ShiftAssignment, shift_id, populate_existing=True)
    if row is None:
        raise ConflictError("This shift was deleted by another desk.", "shift", shift_id)
    if row.version != expected_version:
        raise ConflictError(
            f"Another desk changed this shift (version {row.version}) after you opened it "
            f"(version {expected_version}).", "shift", shift_id, theirs=row_values(row))
    if row.rota.status != DRAFT:
        raise ValueError(f"Revision {row.rota.revision} of the week of {row.rota.week_start:%d %b %Y} is "
                         "published; edit a draft of it instead.")
    return row


def _flush(session: Session, entity: str, pk: object) -> None:
    try:
        session.flush()
    except StaleDataError as exc:
        session.rollback()
        raise ConflictError(f"Another desk changed this {entity} at the same moment.", entity, pk) from exc


def _person(session: Session, person_id: int) -> Person:
    p = session.get(Person, person_id)
    if p is None or not p.active:
        raise ValueError(f"Person {person_id} does not exist or has left.")
    return p


def _check_span(start: int, slots: int) -> None:
    if slots <= 0:
        raise ValueError("A shift must end after it starts.")
    if slots > MAX_SHIFT_SLOTS:
        raise ValueError(f"A shift of {slots * SLOT_MIN / 60:g} h is longer than {MAX_SHIFT_SLOTS * SLOT_MIN // 60} h.")
    if not 0 <= start < WEEK_SLOTS:
        raise ValueError("A shift must start inside the week (Monday 00:00 to Sunday 23:45).")


def _check_overlap(session: Session, rota_id: int, person_id: int, origin: datetime, start: int, slots: int,
                   ignore: set[int]) -> None:
    begin, end = _at(origin, start), _at(origin, start + slots)
    clash = session.execute(
        select(ShiftAssignment.id, ShiftAssignment.starts_at, ShiftAssignment.ends_at, Person.full_name)
        .join(Person, Person.id == ShiftAssignment.person_id)
        .where(ShiftAssignment.rota_id == rota_id, ShiftAssignment.person_id == person_id,
               ShiftAssignment.starts_at < end, ShiftAssignment.ends_at > begin)).all()
    for sid, s, e, name in clash:
        if sid not in ignore:
            tz = origin.tzinfo
            raise ValueError(f"{name} already has a shift {s.astimezone(tz):%a %H:%M}–{e.astimezone(tz):%H:%M} "
                             "that overlaps.")


def _set_activities(row: ShiftAssignment, origin: datetime, start: int, end: int,
                    acts: list[tuple[str, int, int]]) -> None:
    """Replace the shift's activities: the given non-work ones (clipped to the shift) and work between."""
    row.activities.clear()
    cursor = start
    for kind, a, b in sorted(acts, key=lambda x: x[1]):
        a, b = max(a, start), min(b, end)
        if b <= a or kind == "work" or a < cursor:
            continue
        if a > cursor:
            row.activities.append(ShiftActivity(kind="work", starts_at=_at(origin, cursor), ends_at=_at(origin, a)))
        row.activities.append(ShiftActivity(kind=kind, starts_at=_at(origin, a), ends_at=_at(origin, b)))
        cursor = b
    if cursor < end:
        row.activities.append(ShiftActivity(kind="work", starts_at=_at(origin, cursor), ends_at=_at(origin, end)))


def _row_acts(row: ShiftAssignment, origin: datetime) -> list[tuple[str, int, int]]:
    return [(a.kind, _slot(origin, a.starts_at), _slot(origin, a.ends_at)) for a in row.activities if a.kind != "work"]


def _spec_of(row: ShiftAssignment, origin: datetime) -> ShiftSpec:
    start = _slot(origin, row.starts_at)
    return ShiftSpec(row.person_id, start, _slot(origin, row.ends_at) - start, row.template_id, plain_note(row.note),
                     is_pinned(row.note), row.is_backup, tuple(_row_acts(row, origin)))


def _audit_values(row: ShiftAssignment) -> dict:
    return {"person_id": row.person_id, "starts_at": row.starts_at, "ends_at": row.ends_at, "note": row.note}


# --------------------------------------------------------------------------- reading

def _latest(session: Session, center_id: int, week_start: date, status: str) -> Rota | None:
    return session.scalars(select(Rota).where(Rota.center_id == center_id, Rota.week_start == week_start,
                                              Rota.status == status)
                           .order_by(Rota.revision.desc(), Rota.id.desc()).limit(1)).first()


def _shifts(session: Session, rota_id: int, origin: datetime) -> list[DraftShift]:
    templates = {t.id: t for t in session.scalars(select(ShiftTemplateRow))}
    acts: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
    for aid, kind, s, e in session.execute(
            select(ShiftActivity.assignment_id, ShiftActivity.kind, ShiftActivity.starts_at, ShiftActivity.ends_at)
            .join(ShiftAssignment, ShiftAssignment.id == ShiftActivity.assignment_id)
            .where(ShiftAssignment.rota_id == rota_id, ShiftActivity.kind != "work")):
        acts[aid].append((kind, _slot(origin, s), _slot(origin, e)))
    out = []
    for r in session.scalars(select(ShiftAssignment).where(ShiftAssignment.rota_id == rota_id)
                             .order_by(ShiftAssignment.person_id, ShiftAssignment.starts_at)):
        t = templates.get(r.template_id) if r.template_id else None
        start = _slot(origin, r.starts_at)
        out.append(DraftShift(r.id, r.version, r.person_id, r.template_id, t.name if t else None,
                              t.color if t else None, start, _slot(origin, r.ends_at) - start, is_pinned(r.note),
                              r.is_backup, plain_note(r.note), tuple(sorted(acts.get(r.id, ()), key=lambda a: a[1]))))
    return out


def load_editor_week(session: Session, actor: Actor, week_start: date) -> EditorWeek:
    """The week's draft (the newest one) with its people, shifts and templates; read by everyone.
    Without a draft, the published rota's shifts are shown (read-only)."""
    week_start = week_start - timedelta(days=week_start.weekday())
    center = center_summary(session)
    if center is None:
        raise ValueError("The database has no center.")
    tz = ZoneInfo(center.timezone)
    origin = _week_origin(week_start, tz)
    draft = _latest(session, center.id, week_start, DRAFT)
    published = _latest(session, center.id, week_start, PUBLISHED)
    shown = draft or published
    shifts = _shifts(session, shown.id, origin) if shown else []
    rostered = {s.person_id for s in shifts}
    skills: dict[int, list[str]] = defaultdict(list)
    for pid, name in session.execute(select(PersonSkill.person_id, Queue.name)
                                     .join(Queue, Queue.id == PersonSkill.queue_id)
                                     .where(Queue.active.is_(True)).order_by(Queue.id)):
        skills[pid].append(name)
    people = session.execute(
        select(Person.id, Person.full_name, Team.name, Person.contract_hours_week, Person.active, Person.job_title)
        .outerjoin(Team, Team.id == Person.team_id).where(Person.center_id == center.id)
        .order_by(Team.name, Person.full_name)).all()
    agents = tuple(EditorAgent(pid, name, team, tuple(skills.get(pid, ())), hours)
                   for pid, name, team, hours, active, title in people
                   if pid in rostered or (active and title == "agent"))
    templates = tuple(
        TemplateChoice(t.id, t.name, t.start_time.hour * 60 + t.start_time.minute, t.duration_min, t.break_min or 0,
                       t.color)
        for t in session.scalars(select(ShiftTemplateRow).where(ShiftTemplateRow.center_id == center.id)
                                 .order_by(ShiftTemplateRow.start_time, ShiftTemplateRow.id)))
    away = []
    for pid, s, e in session.execute(select(TimeOffRequest.person_id, TimeOffRequest.starts_at, TimeOffRequest.ends_at)
                                     .where(TimeOffRequest.status == "approved",
                                            TimeOffRequest.starts_at < origin + timedelta(days=7),
                                            TimeOffRequest.ends_at > origin)):
        away.append((pid, max(0, _slot(origin, s)), min(WEEK_SLOTS, _end_slot(origin, e))))
    return EditorWeek(week_start, center.timezone, center.name, draft.id if draft else None,
                      draft.version if draft else None, dict(shown.solver_stats) if shown and shown.solver_stats
                      else None, published.id if published else None, published.revision if published else None,
                      agents, tuple(shifts), templates, allowed(actor, EDIT_PERMISSION), tuple(away),
                      shown.status if shown else None)


def week_problem(session: Session, week_start: date) -> RotaProblem:
    """The solver's view of the week (requirements, agents, rules) for the quality panel."""
    from app.rota.service import load_week

    return load_week(session, week_start).problem


# --------------------------------------------------------------------------- quality (pure)

def to_rota_shifts(problem: RotaProblem, shifts: list[DraftShift] | tuple[DraftShift, ...]) -> list[Shift]:
    """The editor's shifts in the engine's terms (a stored break is the template's unpaid meal)."""
    unpaid = {t.name: next((b.kind for b in t.breaks if not b.paid), "break") for t in problem.templates}
    out = []
    for s in shifts:
        name = s.template or ""
        acts = tuple(Activity(unpaid.get(name, "break") if k == "break" else k, a, b - a)
                     for k, a, b in s.activities if b > a)
        out.append(Shift(s.person_id, name, s.start, s.slots, acts, locked=s.pinned, note=s.note))
    return out


def rota_quality(problem: RotaProblem, shifts: list[Shift], solver_stats: dict | None = None) -> RotaQuality:
    """Coverage, service level, paid hours, bound and gap, and violations of ``shifts``."""
    ev = rq.evaluate(problem, shifts)
    required = np.zeros(WEEK_SLOTS)
    staffed = np.zeros(WEEK_SLOTS)
    short = np.zeros(WEEK_SLOTS, dtype=bool)
    num = np.zeros(WEEK_SLOTS)
    den = np.zeros(WEEK_SLOTS)
    calls_num = calls_den = 0.0
    by_skill = {r.skill: r for r in problem.requirements}
    for c in ev.coverage:
        req = np.asarray(c.required, dtype=float)
        on = np.asarray(c.on_phone, dtype=float)
        required += req
        staffed += on
        short |= on + 1e-9 < req
        r = by_skill.get(c.skill)
        if c.service_level is not None and r is not None and r.calls is not None:
            calls = np.asarray(r.calls, dtype=float)
            num += calls * np.asarray(c.service_level)
            den += calls
            calls_num += float((calls * np.asarray(c.service_level)).sum())
            calls_den += float(calls.sum())
    sl = tuple(float(num[i] / den[i]) if den[i] > 0 else None for i in range(WEEK_SLOTS))
    violations = [ViolationRow(v.rule, v.message, v.hard, v.agent_ids) for v in ev.violations]
    needed = {r.skill for r in problem.requirements}
    agents = {a.id: a for a in problem.agents}
    seen: set[int] = set()
    for s in shifts:
        a = agents.get(s.agent_id)
        if a is None or s.agent_id in seen or s.shadow:
            continue
        seen.add(s.agent_id)
        if needed and not (a.skills & needed):
            violations.append(ViolationRow("skills", Message(
                N_("{name} has none of the skills needed this week ({skills}) and does not count for coverage."),
                name=a.name, skills=", ".join(sorted(needed))), True, (a.id,)))
    for c in ev.coverage:  # under-coverage per skill, as ranges (soft: the solver minimises it)
        runs = _runs([i for i in range(WEEK_SLOTS) if c.on_phone[i] + 1e-9 < c.required[i]])
        if runs:
            shown = rq.listing([rq.slot_range(a, b) for a, b in runs[:6]])
            if len(runs) > 6:
                text = Message(N_("{skill}: short of the requirement in {ranges} and {more} more ({pct:.1f} % of "
                                  "the intervals)."), skill=c.skill, ranges=shown, more=len(runs) - 6,
                               pct=100 - c.pct_slots_covered)
            else:
                text = Message(N_("{skill}: short of the requirement in {ranges} ({pct:.1f} % of the intervals)."),
                               skill=c.skill, ranges=shown, pct=100 - c.pct_slots_covered)
            violations.append(ViolationRow("coverage", text, False, ()))
    violations.extend(ViolationRow(v.rule, v.message, v.hard, v.agent_ids)
                      for v in rq.week_goal_violations(problem, ev.coverage))
    bound = None
    if solver_stats and solver_stats.get("source") == "rota solver":
        bound = float(solver_stats.get("lp_bound_hours") or 0.0) or None
    gap = (ev.paid_hours - bound) / bound if bound else None
    violations.sort(key=lambda v: (not v.hard, v.rule, v.message))
    return RotaQuality(ev.coverage, tuple(int(x) for x in required), tuple(float(x) for x in staffed), sl,
                       calls_num / calls_den if calls_den else None, ev.paid_hours, bound, gap, tuple(violations),
                       int(short.sum()), problem.rules.weekly_service_level or None)


def _runs(slots: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in slots:
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def short_ranges(quality: RotaQuality) -> list[str]:
    """``Tue 09:15-10:00`` for each run of intervals below the requirement."""
    out = []
    run: list[int] = []
    for i in range(WEEK_SLOTS):
        if quality.staffed[i] + 1e-9 < quality.required[i]:
            run.append(i)
        elif run:
            out.append(range_label(run[0], run[-1]))
            run = []
    if run:
        out.append(range_label(run[0], run[-1]))
    return out


# --------------------------------------------------------------------------- drafts

def ensure_draft(session: Session, actor: Actor, week_start: date) -> DraftRef:
    """The week's draft to edit: the newest draft, or a new one copied from the published rota
    (or empty when nothing is published)."""
    require(actor, EDIT_PERMISSION)
    center = center_summary(session)
    if center is None:
        raise ValueError("The database has no center.")
    draft = _latest(session, center.id, week_start, DRAFT)
    if draft is not None:
        return DraftRef(draft.id, draft.version, Changes(0))
    published = _latest(session, center.id, week_start, PUBLISHED)
    rota = Rota(center_id=center.id, week_start=week_start, status=DRAFT, revision=1, created_at=clock.now(),
                solver_stats={"source": "copy", "from_revision": published.revision} if published else None)
    session.add(rota)
    session.flush()
    copied = 0
    if published is not None:
        for s in published.assignments:
            row = ShiftAssignment(rota_id=rota.id, person_id=s.person_id, template_id=s.template_id,
                                  starts_at=s.starts_at, ends_at=s.ends_at, is_backup=s.is_backup, note=s.note)
            for a in s.activities:
                row.activities.append(ShiftActivity(kind=a.kind, starts_at=a.starts_at, ends_at=a.ends_at))
            session.add(row)
            copied += 1
    session.flush()
    audit.record(session, actor, "create", "rota", rota.id, after={
        "week_start": week_start.isoformat(), "status": DRAFT, "copied_from_revision":
        published.revision if published else None, "shifts": copied})
    return DraftRef(rota.id, rota.version, record(session, Changes.SCHEDULE | Changes.AUDIT))


# --------------------------------------------------------------------------- edits

def move_shift(session: Session, actor: Actor, shift_id: int, expected_version: int, start: int, slots: int,
               person_id: int | None = None) -> ShiftSaved:
    """Move (another start, day or person) or resize a draft shift; breaks move along with a move
    and are kept when they still fit after a resize."""
    require(actor, EDIT_PERMISSION)
    _check_span(start, slots)
    row = _draft_of_shift(session, shift_id, expected_version)
    origin = _week_origin(row.rota.week_start, _zone(session))
    target = row.person_id if person_id is None else _person(session, person_id).id
    _check_overlap(session, row.rota_id, target, origin, start, slots, {row.id})
    before = _audit_values(row)
    old_start = _slot(origin, row.starts_at)
    old_slots = _slot(origin, row.ends_at) - old_start
    acts = _row_acts(row, origin)
    if slots == old_slots:  # a move: everything shifts along
        delta = start - old_start
        acts = [(k, a + delta, b + delta) for k, a, b in acts]
    else:  # a resize: keep what still fits
        acts = [(k, a, b) for k, a, b in acts if a >= start and b <= start + slots]
    row.person_id = target
    row.starts_at, row.ends_at = _at(origin, start), _at(origin, start + slots)
    _set_activities(row, origin, start, start + slots, acts)
    _flush(session, "shift", shift_id)
    audit.record(session, actor, "update", "shift", shift_id, before=before, after=_audit_values(row))
    return ShiftSaved(row.id, row.version, record(session, Changes.SCHEDULE | Changes.AUDIT))


def swap_shifts(session: Session, actor: Actor, first_id: int, first_version: int, second_id: int,
                second_version: int) -> SwapSaved:
    """Swap the people of two draft shifts (each keeps its times)."""
    require(actor, EDIT_PERMISSION)
    a = _draft_of_shift(session, first_id, first_version)
    b = _draft_of_shift(session, second_id, second_version)
    if a.rota_id != b.rota_id:
        raise ValueError("Both shifts must be in the same draft.")
    if a.person_id == b.person_id:
        raise ValueError("Both shifts belong to the same person; nothing to swap.")
    origin = _week_origin(a.rota.week_start, _zone(session))
    sa, sb = _spec_of(a, origin), _spec_of(b, origin)
    _check_overlap(session, a.rota_id, b.person_id, origin, sa.start, sa.slots, {a.id, b.id})
    _check_overlap(session, a.rota_id, a.person_id, origin, sb.start, sb.slots, {a.id, b.id})
    before = {"shift_ids": [a.id, b.id], "person_ids": [a.person_id, b.person_id]}
    a.person_id, b.person_id = b.person_id, a.person_id
    _flush(session, "shift", first_id)
    audit.record(session, actor, "swap", "shift", first_id, before=before,
                 after={"shift_ids": [a.id, b.id], "person_ids": [a.person_id, b.person_id]})
    return SwapSaved({a.id: a.version, b.id: b.version}, record(session, Changes.SCHEDULE | Changes.AUDIT))


def delete_shift(session: Session, actor: Actor, shift_id: int, expected_version: int,
                 action: str = "delete") -> ShiftRemoved:
    require(actor, EDIT_PERMISSION)
    row = _draft_of_shift(session, shift_id, expected_version)
    origin = _week_origin(row.rota.week_start, _zone(session))
    spec = _spec_of(row, origin)
    before = _audit_values(row)
    session.delete(row)
    _flush(session, "shift", shift_id)
    audit.record(session, actor, action, "shift", shift_id, before=before)
    return ShiftRemoved(spec, record(session, Changes.SCHEDULE | Changes.AUDIT))


def _insert(session: Session, rota: Rota, origin: datetime, spec: ShiftSpec) -> ShiftAssignment:
    _check_span(spec.start, spec.slots)
    _person(session, spec.person_id)
    _check_overlap(session, rota.id, spec.person_id, origin, spec.start, spec.slots, set())
    row = ShiftAssignment(rota_id=rota.id, person_id=spec.person_id, template_id=spec.template_id,
                          starts_at=_at(origin, spec.start), ends_at=_at(origin, spec.start + spec.slots),
                          is_backup=spec.is_backup, note=_note(spec.note, spec.pinned))
    _set_activities(row, origin, spec.start, spec.start + spec.slots, list(spec.activities))
    session.add(row)
    session.flush()
    return row


def _draft(session: Session, rota_id: int) -> Rota:
    rota = session.get(Rota, rota_id, populate_existing=True)
    if rota is None:
        raise ConflictError("This draft was deleted by another desk (replaced by a new solve?).", "rota", rota_id)
    if rota.status != DRAFT:
        raise ValueError(f"Revision {rota.revision} of the week of {rota.week_start:%d %b %Y} is published; "
                         "edit a draft of it instead.")
    return rota


def add_shift(session: Session, actor: Actor, rota_id: int, spec: ShiftSpec) -> ShiftSaved:
    """Add a shift to a draft (also how undo brings back a deleted one)."""
    require(actor, EDIT_PERMISSION)
    rota = _draft(session, rota_id)
    origin = _week_origin(rota.week_start, _zone(session))
    if spec.template_id is not None and not spec.activities:
        t = session.get(ShiftTemplateRow, spec.template_id)
        if t is not None and t.break_min:
            mid = spec.start + (spec.slots - t.break_min // SLOT_MIN) // 2
            spec = replace(spec, activities=(("break", mid, mid + t.break_min // SLOT_MIN),))
    row = _insert(session, rota, origin, spec)
    audit.record(session, actor, "create", "shift", row.id, after=_audit_values(row))
    return ShiftSaved(row.id, row.version, record(session, Changes.SCHEDULE | Changes.AUDIT))


def set_pinned(session: Session, actor: Actor, shift_id: int, expected_version: int, pinned: bool) -> ShiftSaved:
    """Pin a shift (a new solve keeps it as it is) or release it."""
    require(actor, EDIT_PERMISSION)
    row = _draft_of_shift(session, shift_id, expected_version)
    before = {"note": row.note}
    row.note = _note(row.note, pinned)
    _flush(session, "shift", shift_id)
    audit.record(session, actor, "pin" if pinned else "unpin", "shift", shift_id, before=before,
                 after={"note": row.note})
    return ShiftSaved(row.id, row.version, record(session, Changes.SCHEDULE | Changes.AUDIT))


# --------------------------------------------------------------------------- sick and cover (R-SCH-5)

def _rest_ok(mine: list[tuple[int, int]], start: int, end: int, rest_slots: int) -> bool:
    for a, b in mine:
        for shift in (0, WEEK_SLOTS, -WEEK_SLOTS):  # the week is cyclic (app.rota.model)
            a2, b2 = a + shift, b + shift
            if not (b2 + rest_slots <= start or end + rest_slots <= a2):
                return False
    return True


def _keeps_day_off(mine: list[tuple[int, int]], start: int, end: int) -> bool:
    busy = {(x % WEEK_SLOTS) // DAY_SLOTS for a, b in [*mine, (start, end)] for x in range(a, b)}
    return len(busy) < WEEK_DAYS


def cover_candidates(session: Session, shift_id: int, rules: Rules | None = None) -> list[CoverCandidate]:
    """Who can take over a shift (R-SCH-5): active agents sharing a skill with the absent agent,
    free at that time, keeping the minimum rest between shifts and a full day off (R-SCH-3), not on
    approved time off; fewest hours this week first."""
    if rules is None:
        # (the service loads the solver: imported only when asked)
        from app.rota.service import rules_from_values

        rules = rules_from_values(session)
    row = session.get(ShiftAssignment, shift_id)
    if row is None:
        raise ConflictError("This shift was deleted by another desk.", "shift", shift_id)
    origin = _week_origin(row.rota.week_start, _zone(session))
    start, end = _slot(origin, row.starts_at), _slot(origin, row.ends_at)
    rest = int(rules.min_rest_hours * 60 // SLOT_MIN)
    skill_rows = session.execute(select(PersonSkill.person_id, PersonSkill.queue_id)).all()
    skills: dict[int, set[int]] = defaultdict(set)
    for pid, qid in skill_rows:
        skills[pid].add(qid)
    needed = skills.get(row.person_id, set())
    busy: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for pid, s, e in session.execute(select(ShiftAssignment.person_id, ShiftAssignment.starts_at,
                                            ShiftAssignment.ends_at).where(ShiftAssignment.rota_id == row.rota_id,
                                                                           ShiftAssignment.id != row.id)):
        busy[pid].append((_slot(origin, s), _slot(origin, e)))
    away = set(session.scalars(select(TimeOffRequest.person_id).where(
        TimeOffRequest.status == "approved", TimeOffRequest.starts_at < row.ends_at,
        TimeOffRequest.ends_at > row.starts_at)))
    hours_paid = (end - start) * SLOT_MIN / 60.0
    out = []
    for p, team in session.execute(select(Person, Team.name).outerjoin(Team, Team.id == Person.team_id)
                                   .where(Person.center_id == row.rota.center_id, Person.active.is_(True),
                                          Person.job_title == "agent", Person.id != row.person_id)):
        if p.id in away or not p.cleared_for_solo:
            continue
        if needed and not (skills.get(p.id, set()) & needed):
            continue
        mine = busy.get(p.id, [])
        if not _rest_ok(mine, start, end, rest) or not _keeps_day_off(mine, start, end):
            continue
        hours = sum(b - a for a, b in mine) * SLOT_MIN / 60.0
        out.append(CoverCandidate(p.id, p.full_name, team, hours, hours + hours_paid > p.contract_hours_week + 1e-6))
    out.sort(key=lambda c: (c.over_contract, c.hours_this_week, c.name))
    return out


def mark_sick(session: Session, actor: Actor, shift_id: int, expected_version: int,
              cover_person_id: int | None = None) -> SickSaved:
    """Take a sick agent's shift off the draft and, optionally, give it to a cover agent who is
    eligible (:func:`cover_candidates`); one transaction."""
    require(actor, EDIT_PERMISSION)
    row = _draft_of_shift(session, shift_id, expected_version)
    name = session.get(Person, row.person_id).full_name  # type: ignore[union-attr]
    if cover_person_id is not None and cover_person_id not in {c.person_id for c in cover_candidates(session, shift_id)}:
        cover = session.get(Person, cover_person_id)
        raise ValueError(f"{cover.full_name if cover else cover_person_id} cannot cover this shift: it would break "
                         "the rest or day-off rules, clash with time off or another shift, or needs a skill "
                         "they lack.")
    rota = row.rota
    origin = _week_origin(rota.week_start, _zone(session))
    removed = delete_shift(session, actor, shift_id, expected_version, action="sick")
    saved = None
    if cover_person_id is not None:
        spec = replace(removed.spec, person_id=cover_person_id, pinned=False,
                       note=f"cover for {name} (R-SCH-5)")
        new = _insert(session, rota, origin, spec)
        audit.record(session, actor, "cover", "shift", new.id, after={**_audit_values(new), "sick_person_id":
                                                                      removed.spec.person_id})
        saved = ShiftSaved(new.id, new.version, Changes.SCHEDULE | Changes.AUDIT)
    return SickSaved(removed.spec, saved, record(session, Changes.SCHEDULE | Changes.AUDIT))


def undo_sick(session: Session, actor: Actor, rota_id: int, removed: ShiftSpec, cover_id: int | None,
              cover_version: int | None) -> ShiftSaved:
    """Undo :func:`mark_sick`: the cover shift goes, the original shift comes back; one transaction."""
    require(actor, EDIT_PERMISSION)
    if cover_id is not None and cover_version is not None:
        delete_shift(session, actor, cover_id, cover_version, action="undo cover")
    return add_shift(session, actor, rota_id, removed)


# --------------------------------------------------------------------------- compare and solve

def compare_with_published(session: Session, draft_id: int) -> RotaDiff:
    """What publishing the draft changes: shifts added, removed or moved (per person and day)."""
    draft = session.get(Rota, draft_id)
    if draft is None:
        raise ConflictError("This draft was deleted by another desk.", "rota", draft_id)
    tz = _zone(session)
    origin = _week_origin(draft.week_start, tz)
    published = _latest(session, draft.center_id, draft.week_start, PUBLISHED)
    new = _shifts(session, draft.id, origin)
    old = _shifts(session, published.id, origin) if published else []
    old_by: dict[tuple[int, int], list[DraftShift]] = defaultdict(list)
    for s in old:
        old_by[(s.person_id, s.day)].append(s)
    diffs: list[ShiftDiff] = []
    unchanged = 0
    for s in new:
        bucket = old_by.get((s.person_id, s.day))
        if not bucket:
            diffs.append(ShiftDiff(s.person_id, "added", s.start, s.slots, s.id))
            continue
        same = next((o for o in bucket if o.start == s.start and o.slots == s.slots), None)
        match = same or bucket[0]
        bucket.remove(match)
        if same is not None:
            unchanged += 1
        else:
            diffs.append(ShiftDiff(s.person_id, "changed", s.start, s.slots, s.id, match.start, match.slots))
    for bucket in old_by.values():
        for o in bucket:
            diffs.append(ShiftDiff(o.person_id, "removed", o.start, o.slots, None, o.start, o.slots))
    diffs.sort(key=lambda d: (d.person_id, d.start))
    return RotaDiff(published.revision if published else None, tuple(diffs), unchanged)


@dataclass(frozen=True)
class SolvedDraft:
    rota_id: int
    status: str
    shifts: int
    pinned: int
    paid_hours: float
    lp_bound_hours: float
    changes: Changes


def solve_draft(session: Session, actor: Actor, week_start: date, rota_id: int | None, expected_version: int | None,
                time_limit: float = 30.0, progress: Callable[[float, str], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> SolvedDraft:
    """Solve the week again keeping the draft's pinned shifts as they are; the result replaces the
    draft (a new draft row; the old one is deleted in the same transaction)."""
    from app.rota.engine import solve
    from app.rota.service import load_week, save_draft

    require(actor, EDIT_PERMISSION)
    old = None
    if rota_id is not None:
        old = _draft(session, rota_id)
        if expected_version is not None and old.version != expected_version:
            raise ConflictError(f"Another desk changed this draft (version {old.version}) after you opened it "
                                f"(version {expected_version}).", "rota", rota_id, theirs=row_values(old))
    week = load_week(session, week_start)
    if not week.problem.requirements:
        raise RotaInputError("requirements", "no forecast and no history for any phone or chat queue")
    origin = _week_origin(week_start, ZoneInfo(week.timezone))
    pinned_rows = [s for s in _shifts(session, old.id, origin) if s.pinned] if old else []
    known = {a.id for a in week.problem.agents}
    locked = [replace(s, locked=True) for s in to_rota_shifts(week.problem, pinned_rows) if s.agent_id in known]
    locked = [replace(s, template=s.template if s.template in {t.name for t in week.problem.templates}
                      else week.problem.templates[0].name) for s in locked]
    problem = replace(week.problem, locked=tuple(locked))
    solution = solve(problem, time_limit=time_limit, progress=progress, cancel=cancel)
    if solution.status == "cancelled":
        raise RotaInputError("solve", "cancelled; the draft is unchanged")
    saved = save_draft(session, actor, replace(week, problem=problem), solution)
    pins = {(s.agent_id, s.start) for s in locked}
    for r in session.scalars(select(ShiftAssignment).where(ShiftAssignment.rota_id == saved.rota_id)):
        if (r.person_id, _slot(origin, r.starts_at)) in pins:
            r.note = _note(r.note, True)
    if old is not None:
        stats = dict(session.get(Rota, saved.rota_id).solver_stats or {})  # type: ignore[union-attr]
        stats["replaces_draft"] = old.id
        session.get(Rota, saved.rota_id).solver_stats = stats  # type: ignore[union-attr]
        session.execute(delete(ShiftActivity).where(ShiftActivity.assignment_id.in_(
            select(ShiftAssignment.id).where(ShiftAssignment.rota_id == old.id))))
        session.execute(delete(ShiftAssignment).where(ShiftAssignment.rota_id == old.id))
        session.expunge(old)
        session.execute(delete(Rota).where(Rota.id == old.id))
        audit.record(session, actor, "replace", "rota", old.id, after={"replaced_by": saved.rota_id,
                                                                       "pinned_kept": len(locked)})
    session.flush()
    return SolvedDraft(saved.rota_id, solution.status, saved.shifts, len(locked), solution.paid_hours,
                       solution.lp_bound_hours, record(session, Changes.SCHEDULE | Changes.AUDIT))
