"""Intraday re-plan: agents go home sick at 10:00; re-optimise the rest of the day (CP-SAT).

Everything before the re-plan time stays as it was. For the rest of the day the model may move
breaks that have not started (inside their windows), extend shifts by overtime (up to a cap,
keeping the rest rule), and call in agents who are off today (R-SCH-5: emergency cover, the
supervisor pulls backup agents into a shift) with a short shift after some notice, as long as
they keep their rest (R-SCH-3) and a full day off in the week. It minimises the shortfall first,
then the extra paid time (overtime and call-ins at a premium), then moved breaks.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from app.rota import quality
from app.rota.engine import Cancel, Progress, _main_skill_of_agent
from app.rota.model import (
    DAY_SLOTS,
    SLOT_MIN,
    WEEK_SLOTS,
    Activity,
    RotaProblem,
    RotaSolution,
    Shift,
    Violation,
    range_label,
)
from app.rota.quality import _runs_cyclic
from app.rota.tours import unavailable_mask


@dataclass(frozen=True)
class ReplanOptions:
    max_overtime_min: int = 120
    notice_min: int = 60  # a called-in agent starts at least this long after the re-plan
    call_in_template: str | None = None  # default: the shortest template
    call_in_step_min: int = 30
    max_candidates: int = 80  # call-in candidates per skill (fewest hours this week first)
    overtime_premium: float = 1.5
    call_in_cost_min: int = 60  # fixed cost of calling someone in, in paid minutes


def replan_intraday(problem: RotaProblem, shifts: Iterable[Shift], day: int, at_min: int, sick: Iterable[int],
                    options: ReplanOptions | None = None, time_limit: float = 8.0,
                    progress: Progress | None = None, cancel: Cancel | None = None) -> RotaSolution:
    """Re-plan the rest of ``day`` (0 = Monday) from ``at_min`` (minutes after midnight) with the
    ``sick`` agents gone from then on."""
    started = time.perf_counter()
    opts = options or ReplanOptions()
    now = day * DAY_SLOTS + at_min // SLOT_MIN
    day_end = (day + 1) * DAY_SLOTS
    sick = set(sick)
    agents = {a.id: a for a in problem.agents}
    # R-SCH-9: a new hire on a sick mentor's shift goes home too (cannot take calls alone)
    sick |= {a.id for a in problem.agents if a.mentor_id in sick and not a.cleared_for_solo}
    if progress:
        progress(0.0, "Taking the sick agents off")
    kept: list[Shift] = []
    notes: list[Violation] = []
    for s in shifts:
        if s.agent_id in sick and s.end > now and s.start < day_end:
            if s.start < now:  # went home at the re-plan time
                acts = tuple(a for a in s.activities if a.start < now)
                acts = tuple(Activity(a.kind, a.start, min(a.end, now) - a.start) for a in acts)
                kept.append(Shift(s.agent_id, s.template, s.start, now - s.start, acts, True, s.shadow,
                                  "mentor went home sick" if s.shadow else "went home sick"))
            continue
        kept.append(s)
    req = {k: np.asarray(c.required, dtype=float) for k, c in
           ((c.skill, c) for c in quality.coverage(problem, []))}
    horizon = np.arange(now, day_end)
    hidx = {int(i): j for j, i in enumerate(horizon)}
    main = {a.id: _main_skill_of_agent(a, req) for a in problem.agents}
    # base coverage from everything that is not a decision, and the decisions
    model = cp_model.CpModel()
    on_phone: dict[str, list[list]] = {k: [[] for _ in horizon] for k in req}
    base = {k: np.zeros(len(horizon)) for k in req}
    cost_terms = []
    choices: dict[int, dict] = {}
    by_agent: dict[int, list[Shift]] = defaultdict(list)
    for s in kept:
        by_agent[s.agent_id].append(s)
    templates = {t.name: t for t in problem.templates}
    for idx, s in enumerate(kept):
        k = main.get(s.agent_id)
        if k is None or s.shadow:
            continue
        live = s.end > now and s.start < day_end and not (s.locked and s.agent_id in sick)
        mask = quality.phone_mask(s)
        movable = []
        t = templates.get(s.template)
        if live and t is not None and s.start < day_end:
            rules_by_kind = list(t.breaks)
            for act in s.activities:
                if act.start >= now and act.kind in ("break", "lunch"):
                    rule = next((b for b in rules_by_kind if b.kind == act.kind
                                 and s.start + b.earliest_min // SLOT_MIN <= act.start
                                 <= s.start + b.latest_min // SLOT_MIN), None)
                    if rule is not None:
                        movable.append((act, rule))
        moved = {id(a) for a, _r in movable}
        for act in s.activities:
            if id(act) in moved:
                mask[act.start - s.start:act.end - s.start] = True
        for off in range(s.slots):
            slot = s.start + off
            if slot in hidx and mask[off]:
                base[k][hidx[slot]] += 1
        if not live:
            continue
        entry = {"breaks": [], "ext": None}
        for act, rule in movable:
            lits = []
            for o in range(rule.earliest_min // SLOT_MIN, rule.latest_min // SLOT_MIN + 1):
                st = s.start + o
                if st < now or st + act.slots > s.end:
                    continue
                lit = model.NewBoolVar("")
                lits.append((st, lit))
                for x in range(st, st + act.slots):
                    if x in hidx:
                        on_phone[k][hidx[x]].append((lit, -1))
                if st != act.start:
                    cost_terms.append((lit, 1))  # a moved break costs a little
            if lits:
                model.AddExactlyOne(lit for _st, lit in lits)
                entry["breaks"].append((act, lits))
            else:
                for x in range(act.start, act.end):
                    if x in hidx:
                        base[k][hidx[x]] -= 1
        # overtime at the end of a shift ending today, keeping the rest before the next shift
        if now <= s.end < day_end + DAY_SLOTS // 2 and s.end >= now:
            nxt = min((o.start for o in by_agent[s.agent_id] if o.start > s.start), default=s.start + 10**6)
            room = (nxt - s.end) - int(problem.rules.min_rest_hours * 60 // SLOT_MIN)
            steps = max(0, min(opts.max_overtime_min // SLOT_MIN, room))
            if steps:
                ext = model.NewIntVar(0, steps, "")
                flags = []
                for e in range(1, steps + 1):
                    f = model.NewBoolVar("")
                    model.Add(ext >= e).OnlyEnforceIf(f)
                    model.Add(ext < e).OnlyEnforceIf(f.Not())
                    flags.append(f)
                    slot = s.end + e - 1
                    if slot in hidx:
                        on_phone[k][hidx[slot]].append((f, 1))
                    cost_terms.append((f, int(SLOT_MIN * opts.overtime_premium)))
                entry["ext"] = (ext, flags)
        choices[idx] = entry
    # call-ins: agents off today, free of time off, rest kept, a full day off left in the week
    ci_name = opts.call_in_template or min(problem.templates, key=lambda t: t.length_min).name
    ci = templates[ci_name]
    earliest = now + -(-opts.notice_min // SLOT_MIN)
    step = max(1, opts.call_in_step_min // SLOT_MIN)
    starts = [s for s in range(earliest, day_end - ci.slots + 1) if (s - earliest) % step == 0]
    calls: list[tuple[int, int, cp_model.IntVar]] = []
    per_skill: dict[str, list[int]] = defaultdict(list)
    for a in problem.agents:
        k = main.get(a.id)
        if k is None or a.id in sick or not a.cleared_for_solo:
            continue
        mine = by_agent.get(a.id, [])
        if any(s.day == day or (s.start < day_end and s.end > day * DAY_SLOTS) for s in mine):
            continue
        per_skill[k].append(a.id)
    for k, ids in per_skill.items():
        hours = {aid: sum(s.slots for s in by_agent.get(aid, [])) for aid in ids}
        for aid in sorted(ids, key=lambda x: (hours[x], x))[:opts.max_candidates]:
            a = agents[aid]
            mask = unavailable_mask(a)
            mine = sorted(by_agent.get(aid, []), key=lambda s: s.start)
            lits = []
            for st in starts:
                end = st + ci.slots
                if mask[np.arange(st, end) % WEEK_SLOTS].any():
                    continue
                rest = problem.rules.min_rest_hours * 60 / SLOT_MIN
                if any(not (o.end + rest <= st or end + rest <= o.start) for o in mine):
                    continue
                if not _keeps_day_off(mine, st, end):
                    continue
                if _runs_cyclic({x.day for x in mine} | {day}) > problem.rules.max_consecutive_days:
                    continue
                paid_min = quality.shift_paid_minutes(problem, Shift(aid, ci.name, st, ci.slots))
                lit = model.NewBoolVar("")
                lits.append(lit)
                calls.append((aid, st, lit))
                over = (hours[aid] * SLOT_MIN + paid_min) / 60.0 > a.contract_hours + 1e-6
                cost_terms.append((lit, int(paid_min * opts.overtime_premium) + opts.call_in_cost_min
                                   + (4 * paid_min if over else 0)))  # spare agents before overtime
                on_at = _call_in_phone(ci, st)
                for x in range(st, end):
                    if x in hidx and on_at[x - st]:
                        on_phone[k][hidx[x]].append((lit, 1))
            if lits:
                model.AddAtMostOne(lits)
    shortfalls = []
    for k in req:
        for j, slot in enumerate(horizon):
            need = int(req[k][slot % WEEK_SLOTS])
            if need <= 0:
                continue
            short = model.NewIntVar(0, need, "")
            terms = on_phone[k][j]
            model.Add(sum(c * v for v, c in terms) + short >= need - int(base[k][j]))
            shortfalls.append(short)
    weight = int(problem.rules.under_weight)
    model.Minimize(weight * sum(shortfalls) + sum(c * v for v, c in cost_terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(1.0, time_limit - (time.perf_counter() - started))
    solver.parameters.num_workers = 2
    if progress:
        progress(0.3, "Re-planning the rest of the day")
    if cancel is not None:
        class _Stop(cp_model.CpSolverSolutionCallback):
            def on_solution_callback(self) -> None:
                if cancel():
                    self.StopSearch()
        status = solver.Solve(model, _Stop())
    else:
        status = solver.Solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return RotaSolution("no_solution", tuple(kept), (), 0.0, 0.0,
                            (Violation("solver", "The re-plan found no solution in time."),), (),
                            time.perf_counter() - started, {})
    out = list(kept)
    overtime_min = 0
    for idx, entry in choices.items():
        s = out[idx]
        acts = list(s.activities)
        for act, lits in entry["breaks"]:
            st = next(st for st, lit in lits if solver.Value(lit))
            acts[acts.index(act)] = Activity(act.kind, st, act.slots)
        slots = s.slots
        if entry["ext"] is not None:
            e = solver.Value(entry["ext"][0])
            slots += e
            overtime_min += e * SLOT_MIN
        if slots != s.slots or acts != list(s.activities):
            note = s.note if slots == s.slots else f"overtime {(slots - s.slots) * SLOT_MIN} min"
            out[idx] = Shift(s.agent_id, s.template, s.start, slots, tuple(sorted(acts, key=lambda a: a.start)),
                             s.locked, s.shadow, note)
    called = []
    for aid, st, lit in calls:
        if solver.Value(lit):
            acts = tuple(Activity(b.kind, st + _mid(b), b.minutes // SLOT_MIN) for b in ci.breaks)
            out.append(Shift(aid, ci.name, st, ci.slots, acts, note="called in (R-SCH-5)"))
            called.append(aid)
    result = quality.evaluate(problem, out)
    extra = set(called) | {s.agent_id for s in out if s.note and s.note.startswith("overtime")}
    violations = [Violation(v.rule, v.message + " (R-SCH-5 emergency cover)", v.slots, v.agent_ids, hard=False)
                  if v.rule == "contract" and set(v.agent_ids) & extra else v for v in result.violations]
    short_total = sum(solver.Value(s) for s in shortfalls)
    if short_total:
        left = []
        for k in req:
            cov = next(c for c in result.coverage if c.skill == k)
            gap = [int(i) for i in horizon if cov.on_phone[i % WEEK_SLOTS] + 1e-9 < cov.required[i % WEEK_SLOTS]]
            if gap:
                left.append(f"{k}: {range_label(gap[0], gap[-1])}")
        notes.append(Violation("R-SCH-5", "Still short after moving breaks, overtime and calling in everyone "
                               "allowed: " + "; ".join(left) + ".", hard=False))
    return RotaSolution(
        "optimal" if status == cp_model.OPTIMAL else "feasible", tuple(sorted(out, key=lambda s: (s.agent_id, s.start))),
        result.coverage, result.paid_hours, 0.0, (*notes, *violations), (),
        time.perf_counter() - started,
        {"sick": sorted(sick), "called_in": called, "overtime_min": overtime_min,
         "shortfall_agent_slots": short_total, "replan_from": range_label(now, now)})


def _mid(brk) -> int:
    return ((brk.earliest_min + brk.latest_min) // 2) // SLOT_MIN


def _call_in_phone(template, start: int) -> np.ndarray:
    on = np.ones(template.slots, dtype=bool)
    for b in template.breaks:
        o = _mid(b)
        on[o:o + b.minutes // SLOT_MIN] = False
    return on


def _keeps_day_off(mine: list[Shift], start: int, end: int) -> bool:
    busy = set()
    for s in mine:
        for x in range(s.start, s.end):
            busy.add((x % WEEK_SLOTS) // DAY_SLOTS)
    for x in range(start, end):
        busy.add((x % WEEK_SLOTS) // DAY_SLOTS)
    return len(busy) < 7
