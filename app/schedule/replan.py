"""Intraday re-plan of a DRAFT rota from the rota editor (issue 4, R-SCH-5): agents go home sick
during a day; re-optimise the rest of that day (``app.rota.replan.replan_intraday``: breaks move,
overtime, call-ins keeping rest and days off) and turn the result into edits of the draft.

Two steps, so the scheduler reviews before anything is written:

* :func:`propose_replan` reads the draft and the week's problem, solves, and returns a
  :class:`ReplanProposal` (the shifts it would change, add and remove, who is called in, the
  overtime and the shortfall left). It writes nothing.
* :func:`apply_batch` writes a list of shift operations in ONE transaction, version-checked and
  audited, and returns what undoes it (:attr:`BatchSaved.inverse`). The editor puts it on its undo
  stack like any other edit; undo is the inverse batch, redo the batch again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.actor import Actor
from app.changes import Changes, record
from app.rota import quality as rq
from app.rota.model import DAY_SLOTS, SLOT_MIN, WEEK_DAYS, RotaInputError, RotaProblem, Shift
from app.schedule import editing as ed
from app.security.permissions import require
from db.models import AuditEntry, TimeOffRequest

EDIT_PERMISSION = ed.EDIT_PERMISSION
UTC = ZoneInfo("UTC")


# --------------------------------------------------------------------------- results

@dataclass(frozen=True)
class ReplanChange:
    kind: str  # sent_home / removed / overtime / breaks / called_in
    person_id: int
    name: str
    shift_id: int | None  # the draft shift it changes (None: a new shift)
    version: int | None
    old: ed.ShiftSpec | None
    new: ed.ShiftSpec | None
    overtime_min: int = 0


@dataclass(frozen=True)
class ShortRun:
    skill: str
    first: int  # week slots, inclusive
    last: int
    missing: int  # agent-intervals short in the run


@dataclass(frozen=True)
class ReplanProposal:
    rota_id: int
    rota_version: int | None
    week_start: date
    day: int  # 0 = Monday
    at_min: int  # minutes after midnight, center-local
    sick: tuple[tuple[int, str], ...]  # everyone sent home (with new hires whose mentor is sick)
    changes: tuple[ReplanChange, ...]
    overtime_min: int
    short_before: int  # agent-intervals short for the rest of the day with the sick gone, nothing done
    short_after: int  # ... after the re-plan
    short_runs: tuple[ShortRun, ...]  # what is still short after the re-plan
    status: str
    seconds: float
    notes: tuple[str, ...] = ()

    def of_kind(self, kind: str) -> list[ReplanChange]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def from_slot(self) -> int:
        return self.day * DAY_SLOTS + self.at_min // SLOT_MIN


@dataclass
class ShiftRef:
    """A shift as a batch knows it: undo re-creates removed shifts under new ids, so every operation
    on the same shift shares one of these (the editor's own ``Ref`` objects work the same way)."""

    id: int
    version: int


@dataclass
class ShiftOp:
    kind: str  # update / delete / add
    ref: Any  # .id and .version: the shift (add: filled in when it is created)
    spec: ed.ShiftSpec | None = None  # update: the new spec; add: the shift to add


@dataclass
class BatchSaved:
    inverse: list[ShiftOp] = field(default_factory=list)  # the ops that undo it, in order
    changes: Changes = Changes(0)


# --------------------------------------------------------------------------- who is sick

def marked_sick(session: Session, week_start: date, day: int, shifts: tuple[ed.DraftShift, ...],
                timezone: str) -> list[int]:
    """People off sick on ``day``: approved time off of kind ``sick`` that day, and anyone whose shift
    that day was marked sick in the editor (and who has not had a shift put back that day)."""
    tz = ZoneInfo(timezone)
    begin = datetime.combine(week_start + timedelta(days=day), datetime.min.time(), tz)
    end = begin + timedelta(days=1)
    out = set(session.scalars(select(TimeOffRequest.person_id).where(
        TimeOffRequest.status == "approved", TimeOffRequest.kind == "sick",
        TimeOffRequest.starts_at < end, TimeOffRequest.ends_at > begin)))
    working = {s.person_id for s in shifts if s.start < (day + 1) * DAY_SLOTS and s.end > day * DAY_SLOTS}
    since = begin - timedelta(days=14)
    for before in session.scalars(select(AuditEntry.before).where(
            AuditEntry.entity == "shift", AuditEntry.action == "sick", AuditEntry.at >= since)):
        if not before or "person_id" not in before or "starts_at" not in before:
            continue
        try:
            started = datetime.fromisoformat(str(before["starts_at"]))
        except ValueError:
            continue
        if started.tzinfo is None:
            started = started.replace(tzinfo=UTC)
        if begin <= started < end and before["person_id"] not in working:
            out.add(int(before["person_id"]))
    return sorted(out)


# --------------------------------------------------------------------------- proposing

def _spec_of(shift: Shift, template_ids: dict[str, int], like: ed.DraftShift | None) -> ed.ShiftSpec:
    acts = tuple(("break" if a.kind in ("break", "lunch") else a.kind, a.start, a.end) for a in shift.activities)
    if like is not None:
        return ed.ShiftSpec(like.person_id, shift.start, shift.slots, like.template_id,
                            shift.note if shift.note != like.note else like.note, like.pinned, like.is_backup, acts)
    return ed.ShiftSpec(shift.agent_id, shift.start, shift.slots, template_ids.get(shift.template), shift.note,
                        False, True, acts)


def _draft_spec(s: ed.DraftShift) -> ed.ShiftSpec:
    return ed.ShiftSpec(s.person_id, s.start, s.slots, s.template_id, s.note, s.pinned, s.is_backup, s.activities)


def _short(problem: RotaProblem, shifts: list[Shift], lo: int, hi: int) -> tuple[int, list[ShortRun]]:
    total, runs = 0, []
    for c in rq.coverage(problem, shifts):
        gap = np.maximum(np.asarray(c.required[lo:hi], dtype=float) - np.asarray(c.on_phone[lo:hi]), 0.0)
        gap = np.ceil(gap - 1e-9).astype(int)
        total += int(gap.sum())
        run: list[int] = []
        for i, g in enumerate(gap):
            if g > 0:
                run.append(i)
            if run and (g <= 0 or i == len(gap) - 1):
                runs.append(ShortRun(c.skill, lo + run[0], lo + run[-1], int(gap[run[0]:run[-1] + 1].sum())))
                run = []
    return total, runs


def propose_replan(session: Session, actor: Actor, week_start: date, day: int, at_min: int, sick: list[int],
                   time_limit: float = 8.0, progress: Callable[[float, str], None] | None = None,
                   cancel: Callable[[], bool] | None = None) -> ReplanProposal:
    """What re-planning the rest of ``day`` from ``at_min`` with ``sick`` gone would change in the
    week's draft. Writes nothing."""
    from app.rota.replan import replan_intraday
    from app.rota.service import load_week

    require(actor, EDIT_PERMISSION)
    if not 0 <= day < WEEK_DAYS:
        raise ValueError("Pick a day of the week (Monday to Sunday).")
    if not 0 <= at_min < 24 * 60 or at_min % SLOT_MIN:
        raise ValueError("The re-plan time must be a quarter hour of the day (00:00 to 23:45).")
    week = ed.load_editor_week(session, actor, week_start)
    if week.rota_id is None:
        raise ValueError("This week has no draft to re-plan; start a draft first.")
    if not sick:
        raise ValueError("Tick at least one agent who went home sick.")
    loaded = load_week(session, week.week_start)
    problem = loaded.problem
    if not problem.requirements:
        raise RotaInputError("requirements", "no forecast and no history for any phone or chat queue")
    names = {a.id: a.name for a in week.agents}
    unknown = [pid for pid in sick if pid not in names]
    if unknown:
        raise ValueError(f"Person {unknown[0]} is not an agent of this rota.")
    drafts = list(week.shifts)
    shifts = ed.to_rota_shifts(problem, drafts)
    known = {t.name for t in problem.templates}
    shifts = [s if s.template in known else replace(s, template="") for s in shifts]
    now = day * DAY_SLOTS + at_min // SLOT_MIN
    day_end = (day + 1) * DAY_SLOTS
    without = [s for s in shifts if not (s.agent_id in set(sick) and s.end > now and s.start < day_end)]
    without += [replace(s, slots=now - s.start) for s in shifts
                if s.agent_id in set(sick) and s.start < now < s.end and s.start < day_end]
    short_before, _runs = _short(problem, without, now, day_end)
    solution = replan_intraday(problem, shifts, day, at_min, sick, time_limit=time_limit, progress=progress,
                               cancel=cancel)
    if solution.status == "no_solution":
        why = "; ".join(v.message for v in solution.violations if v.rule == "solver") or "no re-plan found"
        raise RotaInputError("re-plan", why)
    by_key: dict[tuple[int, int], ed.DraftShift] = {(s.person_id, s.start): s for s in drafts}
    seen: set[int] = set()
    changes: list[ReplanChange] = []
    went_home = set(solution.stats.get("sick", sick))
    for new in solution.shifts:
        old = by_key.get((new.agent_id, new.start))
        name = names.get(new.agent_id, str(new.agent_id))
        if old is None:
            changes.append(ReplanChange("called_in", new.agent_id, name, None, None, None,
                                        _spec_of(new, loaded.template_ids, None)))
            continue
        seen.add(old.id)
        spec = _spec_of(new, loaded.template_ids, old)
        before = _draft_spec(old)
        if (spec.start, spec.slots, tuple(spec.activities)) == (before.start, before.slots, tuple(before.activities)):
            continue
        if new.agent_id in went_home and spec.slots < before.slots:
            kind = "sent_home"
        elif spec.slots > before.slots:
            kind = "overtime"
        else:
            kind = "breaks"
        changes.append(ReplanChange(kind, new.agent_id, name, old.id, old.version, before, spec,
                                    max(0, spec.slots - before.slots) * SLOT_MIN))
    for old in drafts:
        if old.id not in seen:
            changes.append(ReplanChange("removed", old.person_id, names.get(old.person_id, str(old.person_id)),
                                        old.id, old.version, _draft_spec(old), None))
    changes.sort(key=lambda c: (["sent_home", "removed", "called_in", "overtime", "breaks"].index(c.kind), c.name))
    short_after, runs = _short(problem, list(solution.shifts), now, day_end)
    notes = tuple(v.message for v in solution.violations if v.rule == "R-SCH-5" or (v.hard and v.rule != "coverage"))
    return ReplanProposal(week.rota_id, week.rota_version, week.week_start, day, at_min,
                          tuple(sorted(((pid, names.get(pid, str(pid))) for pid in went_home), key=lambda x: x[1])),
                          tuple(changes), int(solution.stats.get("overtime_min", 0)), short_before, short_after,
                          tuple(runs), solution.status, solution.seconds, notes[:20])


def proposal_ops(proposal: ReplanProposal, ref: Callable[[int, int], Any] | None = None) -> list[ShiftOp]:
    """The batch that applies a proposal; ``ref(shift_id, version)`` gives the shared reference of a
    shift (``ref(0, 0)`` for one the batch creates; default: a new :class:`ShiftRef`)."""
    make = ref or ShiftRef
    ops = []
    for c in proposal.changes:
        if c.kind == "called_in":
            ops.append(ShiftOp("add", make(0, 0), c.new))
        elif c.kind == "removed":
            ops.append(ShiftOp("delete", make(c.shift_id, c.version)))
        else:
            ops.append(ShiftOp("update", make(c.shift_id, c.version), c.new))
    return ops


# --------------------------------------------------------------------------- writing

def _update(session: Session, actor: Actor, op: ShiftOp, origin: datetime, action: str) -> ShiftOp:
    row = ed._draft_of_shift(session, op.ref.id, op.ref.version)  # version and draft checked
    spec = op.spec
    assert spec is not None
    ed._check_span(spec.start, spec.slots)
    ed._check_overlap(session, row.rota_id, row.person_id, origin, spec.start, spec.slots, {row.id})
    old = ed._spec_of(row, origin)
    before = ed._audit_values(row)
    row.starts_at, row.ends_at = ed._at(origin, spec.start), ed._at(origin, spec.start + spec.slots)
    row.note = ed._note(spec.note, spec.pinned)
    ed._set_activities(row, origin, spec.start, spec.start + spec.slots, list(spec.activities))
    ed._flush(session, "shift", row.id)
    audit.record(session, actor, action, "shift", row.id, before=before, after=ed._audit_values(row))
    op.ref.version = row.version
    return ShiftOp("update", op.ref, old)


def apply_batch(session: Session, actor: Actor, rota_id: int, ops: list[ShiftOp], action: str = "replan",
                summary: dict | None = None) -> BatchSaved:
    """Write ``ops`` to the draft in one transaction (the caller's: any failure writes nothing),
    audited, and return the inverse batch. The ops' references get the ids and versions the
    shifts now have, so running the inverse and then ``ops`` again (undo, redo) works."""
    require(actor, EDIT_PERMISSION)
    rota = ed._draft(session, rota_id)
    origin = ed._week_origin(rota.week_start, ed._zone(session))
    inverse: list[ShiftOp] = []
    for op in ops:
        if op.kind == "update":
            inverse.append(_update(session, actor, op, origin, action))
        elif op.kind == "delete":
            removed = ed.delete_shift(session, actor, op.ref.id, op.ref.version, action=action)
            inverse.append(ShiftOp("add", op.ref, removed.spec))
        elif op.kind == "add":
            assert op.spec is not None
            row = ed._insert(session, rota, origin, op.spec)
            audit.record(session, actor, action, "shift", row.id, after=ed._audit_values(row))
            op.ref.id, op.ref.version = row.id, row.version
            inverse.append(ShiftOp("delete", op.ref))
        else:
            raise ValueError(f"Unknown shift operation {op.kind!r}.")
    audit.record(session, actor, action, "rota", rota_id, after={**(summary or {}), "operations": len(ops)})
    inverse.reverse()
    return BatchSaved(inverse, record(session, Changes.SCHEDULE | Changes.AUDIT))


def week_slot_text(slot: int) -> str:
    m = (slot % DAY_SLOTS) * SLOT_MIN
    return f"{m // 60:02d}:{m % 60:02d}"


def audit_summary(proposal: ReplanProposal) -> dict:
    return {"week_start": proposal.week_start.isoformat(), "day": proposal.day,
            "from": week_slot_text(proposal.from_slot), "sick": [pid for pid, _n in proposal.sick],
            "called_in": [c.person_id for c in proposal.of_kind("called_in")],
            "overtime_min": proposal.overtime_min, "short_before": proposal.short_before,
            "short_after": proposal.short_after}
