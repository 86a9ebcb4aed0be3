"""The weekly rota optimiser: tours from a linear relaxation, agents by assignment, breaks and
training placed.

Stages (each fast at 1,000 agents):

1. **Tour selection**: how many agents of each *class* (agents with the same skills and the same
   allowed tours, e.g. the same day of approved time off) work each tour (template, start time,
   days off), with the breaks of each shift start spread over their windows and the stand-up
   taken off the phones, so that every slot's requirement per skill is met at the fewest paid
   hours. The linear relaxation (GLOP; HiGHS interior point when skill groups overlap, with
   multi-skilled agents pooled by skill-set rows, see :class:`TourLP`) is solved first and is the
   lower bound on paid hours; its tours are rounded, completed greedily where the phones are
   short, and improved by moves, swaps and drops. Then tours are dropped, or swapped for cheaper
   ones, where an integer program over the break counts per shift start (HiGHS through
   ``scipy.optimize.milp``, only around the short slots) covers the gap the tour leaves; a drop
   stands only when the whole rota (agents, breaks, training) stays as covered as before it.
   The drops end in a local optimum that depends on the rounding: while the time limit allows,
   the selection starts again from other roundings and keeps the cheapest full cover.
2. **Assignment**: the tours of a class go to its agents (linear assignment: preferred start,
   fairness of weekends and nights); new hires follow their mentor's tour (R-SCH-9).
3. **Breaks**: the break counts are rounded and repaired so the phones stay covered, then handed
   to the agents of each shift start.
4. **Training** (R-SCH-8) goes into the hours with the most staff above the requirement.

Locked shifts are kept: an agent whose locked shifts fit one tour gets a tour containing them;
otherwise the agent keeps exactly the locked shifts. Whatever cannot be met is reported as
violations naming slots and rules (and, when the staff is too small, by how much); the engine
does not raise for impossible rules, and a relaxation that finds nothing in its time falls back
to greedy tours instead of "no rota".
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
from ortools.linear_solver import pywraplp
from scipy.optimize import Bounds, LinearConstraint, linear_sum_assignment, milp
from scipy.sparse import coo_matrix

from app.i18n import N_, Message
from app.rota import quality
from app.rota.model import (
    DAY_SLOTS,
    SLOT_MIN,
    WEEK_DAYS,
    WEEK_SLOTS,
    Activity,
    Agent,
    RotaInputError,
    RotaProblem,
    RotaSolution,
    Rules,
    Shift,
    ShiftTemplate,
    Violation,
    range_label,
)
from app.rota.tours import (
    Tour,
    is_night,
    restrict_to_locks,
    tour_ok,
    unavailable_mask,
    weekend_days,
    working_days,
)
from app.staffing.erlang import service_level_table

Progress = Callable[[float, str], None]
LP_BACKEND = "GLOP"
MULTI_SKILL_LP_BACKEND = "HIGHS"
HIGHS_LP_OPTIONS = "output_flag=false\nsolver=ipm"
SUPPORT_SPREAD = 0  # neighbouring start times added to the quick relaxation's support
MULTI_SKILL_BOUND_SHARE = 0.25  # of the time limit for the bound with multi-skilled groups
UNDERSTAFFED_BOUND_SHARE = 0.1  # of the time limit for the bound when the staff cannot cover
QUICK_ROW_ROUNDS = 1  # rounds of skill-set rows in the quick relaxation (a guide, not the bound)
BREAK_MIP_SECONDS = 0.5  # per call of ShiftPool.optimise_breaks (break counts by an integer program)
SPARE_PRICE = 0.01  # ... its price of a slot left without an agent to spare (per agent-slot short: 1)
MIP_DROP_SHARE = 0.4  # the drops with the break integer program end by this share of the time limit
MIN_DROP_SHARE = 0.15  # ... but at least this share after the tours are chosen
RESERVE_TRAINING = True  # the drops keep room for the training placed on the rota before them
MIP_DROP_PATIENCE = 12  # ... or after this many tours in a row could not go (at least half of them)
MORE_ROUNDINGS = (0.5, 0.3, 0.7, 0.2, 0.4, 0.6, 0.8, 0.1)  # the starts after the first, while time allows
SL_STEPS = 8  # agents above the requirement the week's service-level goal may add per slot
SL_TINY = 1e-2  # ... steps worth less than this share of the best step join the one before
MENTOR_IDLE_COST = 100.0  # assignment cost of a mentor left without a tour (preferences cost hours apart)
Cancel = Callable[[], bool]


class Cancelled(Exception):
    pass


# --------------------------------------------------------------------------- validation

def validate(problem: RotaProblem) -> None:
    """Raise :class:`RotaInputError` naming the bad item; nothing else is checked here."""
    if not problem.templates:
        raise RotaInputError("shift templates", "none given")
    names = set()
    for t in problem.templates:
        item = f"shift template {t.name!r}"
        if t.name in names:
            raise RotaInputError(item, "is defined twice")
        names.add(t.name)
        if t.length_min <= 0 or t.length_min % SLOT_MIN:
            raise RotaInputError(item, f"length {t.length_min} min must be a positive multiple of {SLOT_MIN}")
        if t.length_min >= WEEK_SLOTS * SLOT_MIN:
            raise RotaInputError(item, f"is {t.length_min / 60:g} h long, longer than the week")
        if t.length_min > 24 * 60 - problem.rules.min_rest_hours * 60:
            raise RotaInputError(item, f"is {t.length_min / 60:g} h long: with {problem.rules.min_rest_hours:g} h "
                                       "rest it cannot be worked on two days running")
        if not (0 <= t.earliest_start_min <= t.latest_start_min < 24 * 60):
            raise RotaInputError(item, "start window must lie within the day, earliest before latest")
        if t.earliest_start_min % SLOT_MIN or t.latest_start_min % SLOT_MIN:
            raise RotaInputError(item, "start window must be on the quarter hour")
        for b in t.breaks:
            if b.minutes <= 0 or b.minutes % SLOT_MIN or b.earliest_min % SLOT_MIN or b.latest_min % SLOT_MIN:
                raise RotaInputError(item, f"{b.kind} must be in whole quarter hours")
            if not (0 <= b.earliest_min <= b.latest_min and b.latest_min + b.minutes <= t.length_min):
                raise RotaInputError(item, f"{b.kind} window {b.earliest_min}-{b.latest_min} min does not fit "
                                           "inside the shift")
    rules = problem.rules
    if not 1 <= rules.days_off <= 6:
        raise RotaInputError("rules", f"days off per week must be 1-6 (R-SCH-3), got {rules.days_off}")
    if rules.min_rest_hours < 0:
        raise RotaInputError("rules", "minimum rest cannot be negative")
    skills = set()
    for r in problem.requirements:
        item = f"requirement for {r.skill!r}"
        if r.skill in skills:
            raise RotaInputError(item, "given twice")
        skills.add(r.skill)
        if len(r.agents) != WEEK_SLOTS:
            raise RotaInputError(item, f"has {len(r.agents)} intervals, expected {WEEK_SLOTS} (a week of 15 min)")
        arr = np.asarray(r.agents, dtype=float)
        bad = np.flatnonzero(~np.isfinite(arr))
        if bad.size:
            raise RotaInputError(item, f"interval {range_label(int(bad[0]), int(bad[0]))} is missing")
        neg = np.flatnonzero(arr < 0)
        if neg.size:
            raise RotaInputError(item, f"interval {range_label(int(neg[0]), int(neg[0]))} is negative "
                                       f"({arr[neg[0]]:g})")
        for name, series in (("calls", r.calls), ("aht_sec", r.aht_sec)):
            if series is not None and len(series) != WEEK_SLOTS:
                raise RotaInputError(item, f"{name} has {len(series)} intervals, expected {WEEK_SLOTS}")
    ids = set()
    for a in problem.agents:
        if a.id in ids:
            raise RotaInputError(f"agent {a.id}", "listed twice")
        ids.add(a.id)
        if a.templates is not None:
            for n in a.templates:
                if n not in names:
                    raise RotaInputError(f"agent {a.name}", f"contract names unknown shift template {n!r}")
    for s in problem.locked:
        if s.agent_id not in ids:
            raise RotaInputError(f"locked shift at {range_label(s.start, s.end - 1)}", f"agent {s.agent_id} unknown")
        if s.template not in names:
            raise RotaInputError(f"locked shift at {range_label(s.start, s.end - 1)}",
                                 f"unknown template {s.template!r}")


# --------------------------------------------------------------------------- preparation

@dataclass
class AgentClass:
    skills: frozenset[str]
    ok: np.ndarray  # (templates, 7, 96)
    members: list[Agent] = field(default_factory=list)
    must: int = 0
    pinned: bool = False
    rules: Rules = field(default_factory=Rules)  # the problem's rules with the class's days off


@dataclass
class Prepared:
    problem: RotaProblem
    classes: list[AgentClass]
    fixed: list[Shift]  # locked shifts of agents whose locks fit no tour (kept as they are)
    mentees: list[Agent]
    required: dict[str, np.ndarray]  # skill -> needed per slot (with R-SCH-2's minimum)
    notes: list[Violation]
    break_options: dict[tuple[int, int], list[list[int]]]  # (template, start) -> per break: offsets
    standup_offset: dict[tuple[int, int], int]  # (template, start) -> offset of the stand-up
    profile: dict[tuple[int, int], np.ndarray]  # (template, start) -> expected on-phone share per slot
    agent_ok: dict[int, np.ndarray]  # agent -> tours the agent may work (time off applied)
    tour_costs: dict[tuple[int, Tour], float] = field(default_factory=dict)  # (agent, tour) -> assignment cost
    # the week's service-level goal per skill: (calls answered in time that each agent above the
    # requirement adds, per slot and agent (672, SL_STEPS), calls still short of the goal at the
    # requirement); see :func:`weekly_sl_gains`
    sl_gains: dict[str, tuple[np.ndarray, float, np.ndarray]] = field(default_factory=dict)
    base_required: dict[str, np.ndarray] = field(default_factory=dict)  # before the week's SL goal
    lp_extra: dict[str, np.ndarray] = field(default_factory=dict)  # the last relaxation's agents above it
    lp_goal_miss: float = 0.0  # calls the exact relaxation leaves short of the goal (then no bound)
    # with the goal: per skill with calls, (service level with 0, 1, ... agents per slot, calls per slot)
    sl_table: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    start_index: dict[int, tuple] = field(default_factory=dict)  # template -> see _start_index


def _required(problem: RotaProblem) -> dict[str, np.ndarray]:
    out = {r.skill: np.asarray(r.agents, dtype=np.int64).copy() for r in problem.requirements}
    phone = problem.rules.phone_skill
    if phone is not None and problem.rules.min_phone_agents > 0:
        base = out.get(phone, np.zeros(WEEK_SLOTS, dtype=np.int64))
        out[phone] = np.maximum(base, problem.rules.min_phone_agents)
    return out


def _standup_offset(template: ShiftTemplate, start: int, problem: RotaProblem) -> int | None:
    st = problem.rules.standup
    if st is None:
        return None
    start_min = start * SLOT_MIN
    if not st.line_from_min <= start_min <= st.at_min:
        return None
    offset = (st.at_min - start_min) // SLOT_MIN
    if offset + st.minutes // SLOT_MIN > template.slots:
        return None
    return offset


def _break_options(template: ShiftTemplate, standup: int | None, standup_slots: int) -> list[list[int]]:
    out = []
    for b in template.breaks:
        n = b.minutes // SLOT_MIN
        opts = list(range(b.earliest_min // SLOT_MIN, b.latest_min // SLOT_MIN + 1))
        if standup is not None:
            clear = [o for o in opts if o + n <= standup or o >= standup + standup_slots]
            opts = clear or opts
        out.append(opts)
    return out


def prepare(problem: RotaProblem) -> Prepared:
    validate(problem)
    rules = problem.rules
    notes: list[Violation] = []
    required = _required(problem)
    by_id = {a.id: a for a in problem.agents}
    locks: dict[int, list[Shift]] = defaultdict(list)
    for s in problem.locked:
        locks[s.agent_id].append(s)
    fixed: list[Shift] = []
    mentees: list[Agent] = []
    classes: dict[tuple, AgentClass] = {}
    agent_ok: dict[int, np.ndarray] = {}
    pinned: list[AgentClass] = []
    for a in problem.agents:
        if not a.skills:
            notes.append(Violation("skills", Message(N_("{name} has no skills and was not scheduled."), name=a.name),
                                   agent_ids=(a.id,), hard=a.min_hours > 0))
            continue
        needed = frozenset(k for k in a.skills if k in required)
        if not needed:
            notes.append(Violation("skills", Message(N_("{name} has none of the skills this week's requirement asks "
                                                       "for and was not scheduled."), name=a.name),
                                   agent_ids=(a.id,), hard=a.min_hours > 0))
            continue
        a_skills = needed  # skills nobody needs this week do not split agents into classes
        if a.mentor_id is not None and not a.cleared_for_solo and a.id not in locks:
            if a.mentor_id not in by_id:
                notes.append(Violation("R-SCH-9", Message(N_("{name} is a new hire whose mentor is not on this rota; "
                                                             "not scheduled."), name=a.name),
                                       agent_ids=(a.id,), hard=a.min_hours > 0))
            else:
                mentees.append(a)
            continue
        arules = rules if a.days_off is None else replace(rules, days_off=a.days_off)
        ok = tour_ok(a, problem.templates, arules)
        if a.id in locks:
            restricted = restrict_to_locks(ok, locks[a.id], problem.templates, arules)
            if restricted is None:
                fixed.extend(s if s.locked else _locked(s) for s in locks[a.id])
                continue
            agent_ok[a.id] = restricted
            cls = AgentClass(a_skills, restricted, [a], 1, pinned=True, rules=arules)
            pinned.append(cls)
            continue
        if not ok.any():
            notes.append(Violation("contract", Message(
                N_("{name}: no shift template fits the contract ({least}-{most} h a week, {days_off} days off) "
                   "and the availability; not scheduled."), name=a.name, least=f"{a.min_hours:g}",
                most=f"{a.contract_hours:g}", days_off=arules.days_off), agent_ids=(a.id,), hard=a.min_hours > 0))
            continue
        agent_ok[a.id] = ok
        if a.min_hours <= 0 and (a.time_off or a.unavailable):
            # optional agents with some time off share the class of their contract; the assignment
            # gives them a tour that fits (spare agents take the others)
            free = tour_ok(replace(a, time_off=(), unavailable=()), problem.templates, arules)
            ok = free if free.any() else ok
        key = (a_skills, arules.days_off, ok.tobytes())
        cls = classes.get(key)
        if cls is None:
            cls = classes[key] = AgentClass(a_skills, ok, rules=arules)
        cls.members.append(a)
        if a.min_hours > 0:
            cls.must += 1
    break_options = {}
    standup_offset = {}
    profile = {}
    st_slots = rules.standup.minutes // SLOT_MIN if rules.standup else 0
    for t, template in enumerate(problem.templates):
        for s in range(DAY_SLOTS):
            off = _standup_offset(template, s, problem)
            if off is not None:
                standup_offset[(t, s)] = off
            break_options[(t, s)] = _break_options(template, off, st_slots)
            profile[(t, s)] = _profile(template, break_options[(t, s)], off, st_slots)
    return Prepared(problem, [*classes.values(), *pinned], fixed, mentees, required, notes, break_options,
                    standup_offset, profile, agent_ok, sl_gains=weekly_sl_gains(problem, required),
                    base_required={k: v.copy() for k, v in required.items()}, sl_table=_sl_tables(problem, required))


def _queues_with_calls(problem: RotaProblem, required: dict[str, np.ndarray]):
    """(requirement, calls per slot, handle time per slot) of the skills with calls this week."""
    for r in problem.requirements:
        if r.calls is None or r.skill not in required:
            continue
        calls = np.asarray(r.calls, dtype=float)
        if calls.sum() <= 0:
            continue
        aht = np.asarray(r.aht_sec if r.aht_sec is not None else (300.0,) * WEEK_SLOTS, dtype=float)
        yield r, calls, np.where(aht > 0, aht, 300.0)


def _sl_tables(problem: RotaProblem, required: dict[str, np.ndarray]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """For the week's goal: each skill's service level with 0 .. (its most required + a margin)
    agents per slot, to read the week's level off agents on the phones quickly."""
    if not problem.rules.weekly_service_level:
        return {}
    out = {}
    for r, calls, aht in _queues_with_calls(problem, required):
        top = int(required[r.skill].max()) + 4 * SL_STEPS
        out[r.skill] = (service_level_table(calls, aht, SLOT_MIN, r.target_sec, np.zeros(WEEK_SLOTS, dtype=np.int64), top), calls)
    return out


def weekly_sl_gains(problem: RotaProblem, required: dict[str, np.ndarray]
                    ) -> dict[str, tuple[np.ndarray, float, np.ndarray]]:
    """For the rule's week service level: per skill with calls, what each agent above the
    requirement adds in calls answered in time (per slot, SL_STEPS agents, made non-increasing by
    the concave envelope so that the linear model takes them in order and stays a relaxation; the
    last step holds all that is left to 100 %), and the calls the week is short of the goal when
    every slot has just its requirement, and the increments as they are (for the integer stage).
    Skills whose week already reaches the goal are left out."""
    goal = problem.rules.weekly_service_level
    out: dict[str, tuple[np.ndarray, float, np.ndarray]] = {}
    if not goal:
        return out
    for r, calls, aht in _queues_with_calls(problem, required):
        first = np.asarray(required[r.skill], dtype=np.int64)
        levels = service_level_table(calls, aht, SLOT_MIN, r.target_sec, first, SL_STEPS)
        levels[:, -1] = 1.0  # all that is left beyond the last step (a relaxation: never less)
        raw = np.maximum(calls[:, None] * np.diff(levels, axis=1), 0.0)
        short = goal * calls.sum() - float((calls * levels[:, 0]).sum())
        if short > 1e-9:
            gains = _concave(raw)
            # steps worth almost nothing join the step before them (never less: still a
            # relaxation), which keeps the goal's row free of tiny coefficients
            tiny = gains < SL_TINY * gains.max()
            keep = np.maximum(np.argmax(np.concatenate([tiny, np.ones((WEEK_SLOTS, 1), bool)], axis=1), axis=1), 1)
            for i in np.flatnonzero(keep < gains.shape[1]):
                gains[i, keep[i] - 1] += gains[i, keep[i]:].sum()
                gains[i, keep[i]:] = 0.0
            out[r.skill] = (gains, short, raw)
    return out


def raise_for_week_sl(prep: Prepared) -> float:
    """Turn the relaxation's agents above the requirement (for the week's service-level goal) into
    whole agents per slot and raise ``prep.required`` by them: the relaxation's values rounded,
    then the slot where one more agent answers the most calls in time added while the week is
    short of the goal, and the least useful removed while it stays reached. Returns the agent-hours
    added."""
    added = 0.0
    for k, (_gains, short, raw) in prep.sl_gains.items():
        steps = raw.shape[1]
        x = prep.lp_extra.get(k, np.zeros(WEEK_SLOTS))
        n = np.clip(np.floor(x + 0.5), 0, steps).astype(np.int64)
        cum = np.concatenate([np.zeros((WEEK_SLOTS, 1)), np.cumsum(raw, axis=1)], axis=1)
        got = float(cum[np.arange(WEEK_SLOTS), n].sum())
        while got < short - 1e-9:
            nxt = np.where(n < steps, raw[np.arange(WEEK_SLOTS), np.minimum(n, steps - 1)], -1.0)
            i = int(np.argmax(nxt))
            if nxt[i] <= 0:
                break
            n[i] += 1
            got += float(nxt[i])
        while True:
            last = np.where(n > 0, raw[np.arange(WEEK_SLOTS), np.maximum(n - 1, 0)], np.inf)
            i = int(np.argmin(last))
            if not np.isfinite(last[i]) or got - last[i] < short - 1e-9:
                break
            n[i] -= 1
            got -= float(last[i])
        prep.required[k] = prep.base_required[k] + n
        added += float(n.sum()) * SLOT_MIN / 60.0
    return added


def _concave(gains: np.ndarray) -> np.ndarray:
    """Per row, the least non-increasing sequence with the same total that is at least every
    prefix sum (pooling adjacent violators): the increments of the upper concave envelope."""
    out = gains.copy()
    for r in np.flatnonzero((np.diff(gains, axis=1) > 1e-12).any(axis=1)):
        blocks: list[list[float]] = []  # [sum, count]
        for g in gains[r]:
            blocks.append([float(g), 1])
            while len(blocks) > 1 and blocks[-1][0] / blocks[-1][1] > blocks[-2][0] / blocks[-2][1]:
                tot, cnt = blocks.pop()
                blocks[-1][0] += tot
                blocks[-1][1] += cnt
        out[r] = np.concatenate([[tot / cnt] * cnt for tot, cnt in blocks])
    return out


def _profile(template: ShiftTemplate, options: list[list[int]], standup: int | None, st_slots: int) -> np.ndarray:
    """On-phone share of a shift per slot with each break spread evenly over its window (the
    integer placement in stage 3 then follows the requirement)."""
    on = np.ones(template.slots)
    if standup is not None:
        on[standup:standup + st_slots] = 0.0
    for brk, opts in zip(template.breaks, options, strict=True):
        n = brk.minutes // SLOT_MIN
        for off in opts:
            on[off:off + n] -= 1.0 / len(opts)
    return np.clip(on, 0.0, 1.0)


def _locked(s: Shift) -> Shift:
    return Shift(s.agent_id, s.template, s.start, s.slots, s.activities, True, s.shadow, s.note)


# --------------------------------------------------------------------------- stage 1: tours

def _fixed_coverage(prep: Prepared) -> dict[str, np.ndarray]:
    """On-phone contribution of fixed (locked, non-tour) shifts, to each agent's first required skill."""
    cov = {k: np.zeros(WEEK_SLOTS) for k in prep.required}
    by_id = {a.id: a for a in prep.problem.agents}
    for s in prep.fixed:
        if s.shadow:
            continue
        skills = [k for k in sorted(by_id[s.agent_id].skills) if k in cov]
        if not skills:
            continue
        k = max(skills, key=lambda x: prep.required[x][s.start % WEEK_SLOTS])
        on = np.ones(s.slots)
        for act in s.activities:
            on[max(0, act.start - s.start):max(0, act.end - s.start)] = 0
        cov[k][np.arange(s.start, s.end) % WEEK_SLOTS] += on
    return cov


class TourLP:
    """The relaxation of the tour model, built once and grown by start times and rows (warm-started).

    Rows: one per class (agents available / who must work), one per (skills, template, day,
    start) linking heads to the tours working then, one per break of those linking its window
    options to the heads, and coverage rows per slot with an ``under`` slack per skill at a high
    price. Multi-skilled agents are pooled by skill-set (Hall) rows instead of a split of their
    time over the skills: each skill group's agents on the phones per slot is one variable x (at
    most what its shifts put there), and for a set S of skills and a slot, the x of every group
    sharing a skill with S must reach S's summed requirement (less its shortfall). Those rows for
    every S are exactly the condition that the agents can be shared out over the skills (Hall's
    theorem for supplies and demands), with one variable per group and slot instead of one per
    group, skill and slot; only the rows a solution violates are added (row generation), starting
    from each skill alone and all together. With one skill per group the rows are the skills'.
    """

    def __init__(self, prep: Prepared, backend: str | None = None, explicit_breaks: bool = True) -> None:
        self.prep = prep
        self.explicit = explicit_breaks
        self.rules = prep.problem.rules
        self.templates = prep.problem.templates
        multi = any(len([k for k in cls.skills if k in prep.required]) > 1 for cls in prep.classes)
        if backend is None:
            # many overlapping skill groups make the LP highly degenerate: the simplex methods
            # crawl (GLOP 176 s, HiGHS simplex > 60 s on 19 groups with hourly starts) where
            # HiGHS's interior point with crossover takes 3 s; one skill each: GLOP, warm-started
            backend = MULTI_SKILL_LP_BACKEND if multi else LP_BACKEND
        solver = pywraplp.Solver.CreateSolver(backend)
        if solver is None:
            raise RuntimeError(f"OR-Tools has no {backend} backend")
        if backend == "HIGHS":
            solver.SetSolverSpecificParametersAsString(HIGHS_LP_OPTIONS)  # (returns False yet applies them)
        if backend == "GLOP" and not explicit_breaks:
            # the dual simplex is about twice as fast on the quick relaxation; the column generation
            # of the exact one adds columns, where the primal simplex restarts from its basis
            solver.SetSolverSpecificParametersAsString("use_dual_simplex: true")
        self.solver = solver
        inf = self.inf = solver.infinity()
        self.z: dict[tuple[int, int, int, int], pywraplp.Variable] = {}
        self.h: dict[tuple, pywraplp.Variable] = {}
        self.h_rows: dict[tuple, pywraplp.Constraint] = {}
        self.starts: set[tuple[int, int, int]] = set()
        self.class_rows: dict[int, pywraplp.Constraint] = {}
        self.under: dict[tuple[str, int], pywraplp.Variable] = {}
        self.objective = solver.Objective()
        self.objective.SetMinimization()
        self.st_slots = self.rules.standup.minutes // SLOT_MIN if self.rules.standup else 0
        fixed = _fixed_coverage(prep)
        self.skills = sorted(prep.required)
        self.need = {k: prep.required[k].astype(float) - fixed[k] for k in self.skills}
        self.groups: list[frozenset] = []
        for c, cls in enumerate(prep.classes):
            self.class_rows[c] = solver.Constraint(cls.must, len(cls.members))
            g = frozenset(k for k in cls.skills if k in prep.required)
            if g and g not in self.groups:
                self.groups.append(g)
        self.group_index = {g: j for j, g in enumerate(self.groups)}
        # with multi-skilled groups each group's agents on the phones per slot is a variable x (at
        # most what its shifts put there); the skill-set rows then read x, one entry per group
        self.pooled = any(len(g) > 1 for g in self.groups)
        self.rows: dict[tuple[frozenset, int], pywraplp.Constraint] = {}
        self.rows_at: list[list[frozenset]] = [[] for _ in range(WEEK_SLOTS)]
        self.x: dict[tuple[int, int], pywraplp.Variable] = {}
        self.group_rows: dict[tuple[int, int], pywraplp.Constraint] = {}
        if self.pooled:
            for j in range(len(self.groups)):
                for i in range(WEEK_SLOTS):
                    xv = solver.NumVar(0, inf, "")
                    row = solver.Constraint(0, inf)
                    row.SetCoefficient(xv, -1)
                    self.x[(j, i)] = xv
                    self.group_rows[(j, i)] = row
        for k in self.skills:
            for i in range(WEEK_SLOTS):
                u = solver.NumVar(0, inf, "")
                self.objective.SetCoefficient(u, self.rules.under_weight)
                self.under[(k, i)] = u
        # the week's service-level goal (Rules.weekly_service_level): agents above the requirement
        # per skill, slot and step (each at most 1, worth its calls answered in time; the steps are
        # non-increasing, so a minimum takes them in order), and per skill one row for the goal
        self.extra: dict[tuple[str, int], list[pywraplp.Variable]] = {}
        self.goal_miss: list[pywraplp.Variable] = []
        for k, (gains, short, _raw) in prep.sl_gains.items():
            if k not in self.need:
                continue
            goal = solver.Constraint(float(short), inf)
            # the goal is soft, below the requirement: a call short of it costs less than any agent
            # it could take from the requirement (so an understaffed week stays covered where it
            # can), yet more than the agent-slots that would answer it in time where they exist
            miss = solver.NumVar(0, inf, "")
            self.goal_miss.append(miss)
            goal.SetCoefficient(miss, 1)
            self.objective.SetCoefficient(miss, 0.5 * self.rules.under_weight / max(float(gains.max()), 1e-9))
            for i in range(WEEK_SLOTS):
                steps = []
                for j in range(gains.shape[1]):
                    if gains[i, j] <= 1e-9:
                        break
                    ev = solver.NumVar(0, 1, "")
                    goal.SetCoefficient(ev, float(gains[i, j]))
                    steps.append(ev)
                self.extra[(k, i)] = steps
        first = [frozenset({k}) for k in self.skills]
        if any(len(g) > 1 for g in self.groups):
            first.append(frozenset(self.skills))
        for S in first:
            for i in range(WEEK_SLOTS):
                self._add_row(S, i)
        # every skill set worth a row: the unions of groups' skills within reach (all subsets for a
        # handful of skills, else singletons, groups and pairs of groups)
        if len(self.skills) <= 12:
            sets = [frozenset(k for b, k in enumerate(self.skills) if m >> b & 1)
                    for m in range(1, 1 << len(self.skills))]
        else:
            sets = {frozenset({k}) for k in self.skills} | set(self.groups)
            sets |= {a | b for a in self.groups for b in self.groups}
            sets = sorted(sets, key=lambda s: (len(s), sorted(s)))
        self.sets = [S for S in sets if any(S & g for g in self.groups)]
        self.set_skill = np.array([[k in S for k in self.skills] for S in self.sets], dtype=float)
        self.set_group = np.array([[bool(S & g) for g in self.groups] for S in self.sets], dtype=float)
        self.set_pos = {S: j for j, S in enumerate(self.sets)}
        self._viol: np.ndarray | None = None

    def _add_row(self, S: frozenset, i: int) -> None:
        row = self.solver.Constraint(float(sum(self.need[k][i] for k in S)), self.inf)
        for k in S:
            row.SetCoefficient(self.under[(k, i)], 1)
            for ev in self.extra.get((k, i), ()):
                row.SetCoefficient(ev, -1)
        if self.pooled:
            for j, g in enumerate(self.groups):
                if g & S:
                    row.SetCoefficient(self.x[(j, i)], 1)
        self.rows[(S, i)] = row
        self.rows_at[i].append(S)

    def _put(self, g: frozenset, var: pywraplp.Variable, coef: dict[int, float]) -> None:
        """Put ``var`` on the phones for group g (slot -> coefficient)."""
        j = self.group_index.get(g)
        if j is None:
            return
        for i, v in coef.items():
            if not v:
                continue
            if self.pooled:
                self.group_rows[(j, i)].SetCoefficient(var, v)
            else:  # single-skilled groups only: straight into the skill's row
                self.rows[(g, i)].SetCoefficient(var, v)

    def values(self) -> np.ndarray:
        """(groups, slots): agents on the phones per group at the current solution (pooled model)."""
        x = np.zeros((len(self.groups), WEEK_SLOTS))
        for (j, i), xv in self.x.items():
            x[j, i] = xv.solution_value()
        return x

    def extra_values(self) -> dict[str, np.ndarray]:
        """Agents above the requirement per skill and slot for the week's service-level goal."""
        out: dict[str, np.ndarray] = {}
        for (k, i), steps in self.extra.items():
            if steps:
                out.setdefault(k, np.zeros(WEEK_SLOTS))[i] = sum(ev.solution_value() for ev in steps)
        return out

    def violated(self) -> bool:
        """Whether the current solution breaks a skill-set row not yet in the model (kept for
        :meth:`add_violated_rows`)."""
        self._viol = None
        if not self.pooled:  # single-skill rows are then exact
            return False
        x = self.values()
        under = np.array([[self.under[(k, i)].solution_value() for i in range(WEEK_SLOTS)] for k in self.skills])
        extra = self.extra_values()
        need = np.stack([self.need[k] + extra.get(k, 0.0) for k in self.skills]) - under
        viol = self.set_skill @ need - self.set_group @ x  # (sets, slots)
        for (S, i) in self.rows:
            if S in self.set_pos:
                viol[self.set_pos[S], i] = 0.0
        self._viol = viol
        return bool((viol > 1e-6).any())

    def add_violated_rows(self, limit: int = 4000) -> int:
        """Add the skill-set rows the last solution breaks (most broken first); how many."""
        viol = self._viol
        if viol is None:
            return 0
        cand = np.argwhere(viol > 1e-6)
        if not len(cand):
            return 0
        order = np.argsort(-viol[cand[:, 0], cand[:, 1]])
        added = 0
        for si, i in cand[order].tolist():
            S = self.sets[si]
            if (S, i) in self.rows:
                continue
            self._add_row(S, i)
            added += 1
            if added >= limit:
                break
        return added

    def group_prices(self) -> dict[frozenset, np.ndarray]:
        """The relaxation's price of one more agent of each group on the phones, per slot."""
        out = {}
        for j, g in enumerate(self.groups):
            if self.pooled:
                out[g] = np.array([self.group_rows[(j, i)].dual_value() for i in range(WEEK_SLOTS)])
            else:
                out[g] = np.array([self.rows[(g, i)].dual_value() for i in range(WEEK_SLOTS)])
        return out

    def solve(self, cancel: Cancel | None, deadline: float, max_rounds: int = 50) -> tuple[int, bool]:
        """Solve, adding violated skill-set rows until none is left, for at most ``max_rounds`` rounds
        or until ``deadline``. Returns (status, complete): complete when no row is violated (the
        model is then exact); an incomplete optimum is a relaxation of it, its solution still
        readable."""
        status = pywraplp.Solver.NOT_SOLVED
        for rnd in range(max_rounds):
            self.solver.SetTimeLimit(int(max(0.2, deadline - time.perf_counter()) * 1000))
            status = _solve_with_cancel(self.solver, cancel)
            if cancel is not None and cancel():
                raise Cancelled
            if status != pywraplp.Solver.OPTIMAL:
                return status, False
            if not self.violated():
                return status, True
            if rnd + 1 >= max_rounds or time.perf_counter() > deadline:
                return status, False
            self.add_violated_rows()
        return status, False

    def _heads(self, g: frozenset, t: int, d: int, s: int) -> pywraplp.Constraint:
        key = (g, t, d, s)
        row = self.h_rows.get(key)
        if row is not None:
            return row
        solver, inf = self.solver, self.inf
        hv = solver.NumVar(0, inf, "")
        self.h[key] = hv
        row = self.h_rows[key] = solver.Constraint(0, 0)
        row.SetCoefficient(hv, 1)
        template = self.templates[t]
        base = d * DAY_SLOTS + s
        if not self.explicit:  # breaks spread evenly over their windows
            self._put(g, hv, {(base + off) % WEEK_SLOTS: float(v)
                              for off, v in enumerate(self.prep.profile[(t, s)]) if v})
            return row
        coef: dict[int, float] = defaultdict(float)
        for off in range(template.slots):
            coef[(base + off) % WEEK_SLOTS] += 1.0
        so = self.prep.standup_offset.get((t, s))
        if so is not None:
            for k in range(self.st_slots):
                coef[(base + so + k) % WEEK_SLOTS] -= 1.0
        self._put(g, hv, coef)
        for brk, opts in zip(template.breaks, self.prep.break_options[(t, s)], strict=True):
            n = brk.minutes // SLOT_MIN
            link = solver.Constraint(0, 0)
            link.SetCoefficient(hv, -1)
            for off in opts:
                yv = solver.NumVar(0, inf, "")
                link.SetCoefficient(yv, 1)
                yc: dict[int, float] = defaultdict(float)
                for k in range(n):
                    yc[(base + off + k) % WEEK_SLOTS] -= 1.0
                self._put(g, yv, yc)
        return row

    def add_start(self, c: int, t: int, s: int) -> None:
        if (c, t, s) in self.starts:
            return
        self.starts.add((c, t, s))
        cls = self.prep.classes[c]
        g = frozenset(k for k in cls.skills if k in self.prep.required)
        for o in range(WEEK_DAYS):
            if not cls.ok[t, o, s]:
                continue
            var = self.solver.NumVar(0, len(cls.members), "")
            self.z[(c, t, o, s)] = var
            self.class_rows[c].SetCoefficient(var, 1)
            self.objective.SetCoefficient(var, _tour_paid(self.prep, (c, t, o, s)))
            for d in working_days(o, cls.rules):
                self._heads(g, t, d, s).SetCoefficient(var, -1)


def _solve_with_cancel(solver: pywraplp.Solver, cancel: Cancel | None) -> int:
    if cancel is None:
        return solver.Solve()
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.1):
            if cancel():
                solver.InterruptSolve()
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        return solver.Solve()
    finally:
        done.set()
        watcher.join()


# --------------------------------------------------------------------------- stage 1a: the relaxation

def _window_sums(values: np.ndarray, length: int) -> np.ndarray:
    """Sum of ``values`` over [x, x+length) for every week slot x (cyclic)."""
    doubled = np.concatenate([values, values])
    csum = np.concatenate([[0.0], np.cumsum(doubled)])
    x = np.arange(WEEK_SLOTS)
    return csum[x + length] - csum[x]


def _start_values(prep: Prepared, t: int, pi: np.ndarray) -> np.ndarray:
    """(7, 96): what one shift of template t starting there is worth at slot prices ``pi``,
    breaks put where they cost least (the pricing of the column generation)."""
    template = prep.problem.templates[t]
    val = _window_sums(pi, template.slots)
    st = prep.problem.rules.standup
    st_slots = st.minutes // SLOT_MIN if st else 0
    standup, breaks = _start_index(prep, t)
    if st_slots and standup is not None:
        has, at = standup
        val[has] -= _window_sums(pi, st_slots)[at]
    for brk, idx in zip(template.breaks, breaks, strict=True):
        val -= _window_sums(pi, brk.minutes // SLOT_MIN)[idx].min(axis=1)
    return val.reshape(WEEK_DAYS, DAY_SLOTS)


def _start_index(prep: Prepared, t: int) -> tuple[tuple[np.ndarray, np.ndarray] | None, list[np.ndarray]]:
    """For template t, made once per problem: the week starts with a stand-up and the slot it
    begins (or None), and per break a (672, options) array of the slots its options begin at
    (a start with fewer options repeats its first, which leaves the minimum as it is)."""
    cached = prep.start_index.get(t)
    if cached is not None:
        return cached
    starts = np.arange(WEEK_SLOTS)
    standup = None
    offs = np.full(DAY_SLOTS, -1)
    for (tt, s), off in prep.standup_offset.items():
        if tt == t:
            offs[s] = off
    week_offs = offs[starts % DAY_SLOTS]
    if (week_offs >= 0).any():
        has = week_offs >= 0
        standup = (has, (starts[has] + week_offs[has]) % WEEK_SLOTS)
    breaks = []
    for b in range(len(prep.problem.templates[t].breaks)):
        opts = [prep.break_options[(t, s)][b] for s in range(DAY_SLOTS)]
        width = max(len(o) for o in opts)
        table = np.array([o + [o[0]] * (width - len(o)) for o in opts])  # (96, width)
        breaks.append((starts[:, None] + table[starts % DAY_SLOTS]) % WEEK_SLOTS)
    prep.start_index[t] = (standup, breaks)
    return prep.start_index[t]


def relaxation(prep: Prepared, cancel: Cancel | None, seconds: float = 60.0
               ) -> tuple[dict[tuple[int, int, int, int], float], dict[frozenset, np.ndarray], float]:
    """The linear relaxation with each shift's breaks spread evenly over their windows (small and
    quick): its tour values guide the integer stage, its slot prices start the bound. Returns
    (tour values, price per group and slot, agent quarter-hours short)."""
    # the week's service-level goal adds a dense row that slows the simplex down (GLOP 2.2 s, HiGHS
    # interior point 0.5 s at 50 FTE); the exact relaxation's column generation keeps GLOP's warm starts
    m = TourLP(prep, backend=MULTI_SKILL_LP_BACKEND if prep.sl_gains else None, explicit_breaks=False)
    for c, cls in enumerate(prep.classes):
        starts = {(int(t), int(s)) for t, _o, s in zip(*np.nonzero(cls.ok), strict=True)}
        if m.pooled:  # many skill groups: whole hours only (the bound's column generation adds the rest)
            starts = {(t, s) for t, s in starts if s % 4 == 0} or starts
        for t, s in starts:
            m.add_start(c, t, s)
    status, _complete = m.solve(cancel, time.perf_counter() + max(1.0, seconds), max_rounds=QUICK_ROW_ROUNDS)
    if status not in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE):
        raise RuntimeError(f"the linear relaxation found nothing in {seconds:.0f} s (status {status})")
    values = {key: v.solution_value() for key, v in m.z.items() if v.solution_value() > 1e-7}
    shortfall = sum(u.solution_value() for u in m.under.values())
    prep.lp_extra = m.extra_values()
    return values, m.group_prices(), shortfall


def exact_relaxation(prep: Prepared, support: set[tuple[int, int, int]], cancel: Cancel | None,
                     say: Callable[[float, str], None], max_rounds: int = 30, seconds: float = 60.0
                     ) -> tuple[float, float, dict[tuple[int, int, int, int], float], int] | None:
    """The linear relaxation of the exact model (each break anywhere in its window) by column
    generation: start from ``support`` (start times the quick relaxation used, and their
    neighbours), add the start times whose tours price out below zero at the slot prices, and
    stop when none does: the value is then the LP optimum over *all* start times, a lower bound
    on paid hours. Returns (objective, paid quarter-hours, tour values, rounds)."""
    m = TourLP(prep, explicit_breaks=True)
    for key in sorted(support):
        m.add_start(*key)
    rounds = 0
    deadline = time.perf_counter() + seconds
    while True:
        rounds += 1
        status, complete = m.solve(cancel, deadline)
        if status != pywraplp.Solver.OPTIMAL or not complete:
            return None  # no proven bound in the time given
        if rounds >= max_rounds or time.perf_counter() > deadline:
            return None
        prices = m.group_prices()
        new: list[tuple[float, tuple[int, int, int]]] = []
        for c, cls in enumerate(prep.classes):
            mu = m.class_rows[c].dual_value()
            pi = prices.get(frozenset(k for k in cls.skills if k in prep.required))
            if pi is None:
                continue
            for t in range(len(prep.problem.templates)):
                if not cls.ok[t].any():
                    continue
                val = _start_values(prep, t, pi)
                paid_day = prep.problem.templates[t].paid_min / SLOT_MIN
                for o in range(WEEK_DAYS):
                    days = list(working_days(o, cls.rules))
                    rc = paid_day * len(days) - mu - val[days].sum(axis=0)
                    for s in np.flatnonzero((rc < -1e-6) & cls.ok[t, o]).tolist():
                        if (c, t, s) not in m.starts:
                            new.append((float(rc[s]), (c, t, s)))
        if not new:
            break
        say(min(0.5, 0.2 + 0.05 * rounds), f"Lower bound, round {rounds}: {len(new)} better start times")
        new.sort()
        for _rc, key in new[:400 if m.pooled else 80]:  # (each interior-point solve starts afresh)
            m.add_start(*key)
    paid = sum(v.solution_value() * _tour_paid(prep, key) for key, v in m.z.items())
    values = {key: v.solution_value() for key, v in m.z.items() if v.solution_value() > 1e-7}
    prep.lp_extra = m.extra_values()
    prep.lp_goal_miss = sum(v.solution_value() for v in m.goal_miss)
    return m.solver.Objective().Value(), paid, values, rounds


def support_of(prep: Prepared, relaxed: dict[tuple[int, int, int, int], float], spread: int = 2
               ) -> set[tuple[int, int, int]]:
    out = set()
    for c, t, _o, s in relaxed:
        for ds in range(-spread, spread + 1):
            s2 = (s + ds) % DAY_SLOTS
            if prep.classes[c].ok[t, :, s2].any():
                out.add((c, t, s2))
    for c, cls in enumerate(prep.classes):  # every class keeps at least its whole hours
        if not any(key[0] == c for key in out):
            for t, _o, s in zip(*np.nonzero(cls.ok), strict=True):
                if int(s) % 4 == 0:
                    out.add((c, int(t), int(s)))
    return out


# --------------------------------------------------------------------------- stage 1b: integer tours

class ShiftPool:
    """Anonymous shifts per (skills, template, day, start) with their break counts per window
    option, and the on-phone slack (on the phones minus required) per skill and slot."""

    def __init__(self, prep: Prepared) -> None:
        self.prep = prep
        self.templates = prep.problem.templates
        self.heads: dict[tuple, int] = defaultdict(int)
        self.plan: dict[tuple, list[list[int]]] = {}
        fixed = _fixed_coverage(prep)
        self.slack = {k: fixed[k] - prep.required[k].astype(float) for k in prep.required}
        self.main = {g: _main_skill(g, prep) for g in {cls.skills for cls in prep.classes}}
        self.skills_of = {g: [k for k in sorted(g) if k in prep.required] for g in self.main}
        self.records: dict[tuple, list] = {}  # multi-skilled (group, t, d, s) -> what each shift covers
        st = prep.problem.rules.standup
        self.st_slots = st.minutes // SLOT_MIN if st else 0

    def _slots(self, base: int, off: int, n: int) -> np.ndarray:
        return np.arange(base + off, base + off + n) % WEEK_SLOTS

    def add_day(self, g: frozenset, t: int, d: int, s: int, sign: int = 1) -> None:
        key = (g, t, d, s)
        k = self.main[g]
        template = self.templates[t]
        base = d * DAY_SLOTS + s
        plan = self.plan.setdefault(key, [[0] * len(o) for o in self.prep.break_options[(t, s)]])
        self.heads[key] += sign
        if k is None:
            return
        skills = self.skills_of[g]
        if len(skills) > 1:
            self._add_day_pooled(skills, key, plan, sign)
            return
        sl = self.slack[k]
        sl[self._slots(base, 0, template.slots)] += sign
        so = self.prep.standup_offset.get((t, s))
        if so is not None:
            sl[self._slots(base, so, self.st_slots)] -= sign
        for b, brk in enumerate(template.breaks):
            n = brk.minutes // SLOT_MIN
            opts = self.prep.break_options[(t, s)][b]
            mins = [sl[self._slots(base, off, n)].min() for off in opts]
            if sign > 0:  # the break goes where the phones can best spare someone
                j = int(np.argmax(mins))
            else:  # a leaving shift takes its break from where it hurts most
                cand = [i for i, c in enumerate(plan[b]) if c > 0]
                j = min(cand, key=lambda i: mins[i])
            plan[b][j] += sign
            sl[self._slots(base, opts[j], n)] -= sign

    def _add_day_pooled(self, skills: list[str], key: tuple, plan: list[list[int]], sign: int) -> None:
        """A multi-skilled shift: breaks where even its most short skill can spare someone, then
        each quarter-hour on the phones counted for the skill most short then. What a shift was
        counted for is kept, and a leaving shift takes back exactly that (the last one added)."""
        _g, t, d, s = key
        template = self.templates[t]
        base = d * DAY_SLOTS + s
        idx = self._slots(base, 0, template.slots)
        if sign < 0:
            pick, on, chosen = self.records[key].pop()
            for b, j in enumerate(chosen):
                plan[b][j] -= 1
            for r, k in enumerate(skills):
                sel = pick == r
                np.subtract.at(self.slack[k], idx[sel], on[sel])
            return
        stack = np.stack([self.slack[k][idx] for k in skills])
        worst = stack.min(axis=0)
        on = np.ones(template.slots)
        so = self.prep.standup_offset.get((t, s))
        if so is not None:
            on[so:so + self.st_slots] = 0
        chosen = []
        for b, brk in enumerate(template.breaks):
            n = brk.minutes // SLOT_MIN
            opts = self.prep.break_options[(t, s)][b]
            j = int(np.argmax([worst[off:off + n].min() for off in opts]))
            plan[b][j] += 1
            chosen.append(j)
            on[opts[j]:opts[j] + n] -= 1
        on = np.clip(on, 0, None)
        pick = stack.argmin(axis=0)
        for r, k in enumerate(skills):
            sel = pick == r
            np.add.at(self.slack[k], idx[sel], on[sel])
        self.records.setdefault(key, []).append((pick, on, chosen))

    def group_short(self, g: frozenset) -> np.ndarray:
        """Per slot: how short the most short of the group's skills is (0 when none is)."""
        skills = self.skills_of[g]
        if not skills:
            return np.zeros(WEEK_SLOTS)
        return np.max(np.stack([np.maximum(-self.slack[k], 0.0) for k in skills]), axis=0)

    def add_tour(self, c: int, t: int, o: int, s: int, sign: int = 1) -> None:
        g = self.prep.classes[c].skills
        for d in working_days(o, self.prep.classes[c].rules):
            self.add_day(g, t, d, s, sign)

    def repair(self) -> None:
        # (multi-skilled shifts keep the breaks they were given: the single-skill repair would
        # move them against one skill's count only)
        groups = {key: range(n) for key, n in self.heads.items() if n > 0 and len(self.skills_of[key[0]]) <= 1}
        _repair(self.prep, groups, self.plan, self.slack)

    def breaks_can_cover(self) -> bool:
        """Whether moving breaks could end the shortfall: no single-skilled slot is short by more
        than the breaks taken in it (a quick test before :meth:`optimise_breaks`)."""
        taken = {k: np.zeros(WEEK_SLOTS) for k in self.slack}
        for key, n in self.heads.items():
            g, t, d, s = key
            k = self.main[g]
            if n <= 0 or k is None or len(self.skills_of[g]) != 1:
                continue
            start = d * DAY_SLOTS + s
            for b, brk in enumerate(self.templates[t].breaks):
                length = brk.minutes // SLOT_MIN
                for off, cnt in zip(self.prep.break_options[(t, s)][b], self.plan[key][b], strict=True):
                    if cnt:
                        taken[k][self._slots(start, off, length)] += cnt
        return all(bool((np.maximum(-self.slack[k], 0.0) <= taken[k] + 1e-9).all()) for k in self.slack)

    def optimise_breaks(self, seconds: float) -> bool:
        """Break counts per shift start (single-skilled groups) chosen by an integer program
        (HiGHS) to leave the fewest agent-slots short, where the one-break-at-a-time repair stops
        at a local optimum. Kept only when it is better; False when nothing changed."""
        prep, templates = self.prep, self.templates
        keys = [key for key, n in self.heads.items()
                if n > 0 and len(self.skills_of[key[0]]) == 1 and self.main[key[0]] is not None]
        if not keys:
            return False
        skills = sorted({self.main[key[0]] for key in keys})
        before = sum(float(np.maximum(-self.slack[k], 0.0).sum()) for k in skills)
        if before <= 1e-9:
            return False
        # only the shift starts whose breaks can reach a short slot, and those whose breaks can
        # reach the slots the former's breaks may move to, are re-planned (the rest stay)
        def reach(key) -> np.ndarray:
            g, t, d, s = key
            start = d * DAY_SLOTS + s
            out = [self._slots(start, off, brk.minutes // SLOT_MIN)
                   for b, brk in enumerate(templates[t].breaks) for off in prep.break_options[(t, s)][b]]
            return np.unique(np.concatenate(out)) if out else np.zeros(0, dtype=int)

        reaches = {key: reach(key) for key in keys}
        zone = {k: self.slack[k] < -1e-9 for k in skills}
        for _hop in range(2):
            grown = {k: z.copy() for k, z in zone.items()}
            for key in keys:
                k = self.main[key[0]]
                if zone[k][reaches[key]].any():
                    grown[k][reaches[key]] = True
            zone = grown
        keys = [key for key in keys if zone[self.main[key[0]]][reaches[key]].any()]
        sidx = {k: j for j, k in enumerate(skills)}
        spare = {k: self.slack[k].copy() for k in skills}  # slack with these breaks back on the phones
        cols: list[tuple[tuple, int, int, np.ndarray]] = []
        rows: list[int] = []
        cidx: list[int] = []
        lrows: list[int] = []
        rhs: list[int] = []
        for key in keys:
            g, t, d, s = key
            k = self.main[g]
            start = d * DAY_SLOTS + s
            for b, brk in enumerate(templates[t].breaks):
                n = brk.minutes // SLOT_MIN
                link = len(rhs)
                rhs.append(self.heads[key])
                for j, off in enumerate(prep.break_options[(t, s)][b]):
                    slots = self._slots(start, off, n)
                    if self.plan[key][b][j]:
                        spare[k][slots] += self.plan[key][b][j]
                    cols.append((key, b, j, slots))
                    lrows.append(link)
                    rows.extend((sidx[k] * WEEK_SLOTS + slots).tolist())
                    cidx.extend([len(cols) - 1] * n)
        ny, nu = len(cols), len(skills) * WEEK_SLOTS
        # per slot: breaks taken there minus the shortfall u there <= what the slot can spare; and,
        # at a small price, minus v (0..1) <= that less one: an agent to spare where possible (room
        # for the training placed later, as the greedy placement leaves)
        r_idx = rows + list(range(nu))
        c_idx = cidx + list(range(ny, ny + nu))
        vals = [1.0] * len(rows) + [-1.0] * nu
        cover = coo_matrix((vals + vals + [-1.0] * nu,
                            (r_idx + [r + nu for r in r_idx] + list(range(nu, 2 * nu)),
                             c_idx + c_idx + list(range(ny + nu, ny + 2 * nu)))),
                           shape=(2 * nu, ny + 2 * nu))
        link_m = coo_matrix((np.ones(ny), (lrows, list(range(ny)))), shape=(len(rhs), ny + 2 * nu))
        s0 = np.concatenate([spare[k] for k in skills])
        res = milp(np.r_[np.zeros(ny), np.ones(nu), np.full(nu, SPARE_PRICE)],
                   constraints=[LinearConstraint(cover, -np.inf, np.r_[s0, s0 - 1.0]),
                                LinearConstraint(link_m, rhs, rhs)],
                   integrality=np.r_[np.ones(ny), np.zeros(2 * nu)],
                   bounds=Bounds(0, np.r_[np.full(ny + nu, np.inf), np.ones(nu)]),
                   options={"time_limit": max(0.05, seconds)})
        if res.x is None:
            return False
        y = np.round(res.x[:ny]).astype(int)
        new_slack = {k: spare[k].copy() for k in skills}
        for (key, _b, _j, slots), n in zip(cols, y.tolist(), strict=True):
            if n:
                new_slack[self.main[key[0]]][slots] -= n
        after = sum(float(np.maximum(-v, 0.0).sum()) for v in new_slack.values())
        if after >= before - 1e-9:
            return False
        for key in keys:
            self.plan[key] = [[0] * len(o) for o in prep.break_options[(key[1], key[3])]]
        for (key, b, j, _slots), n in zip(cols, y.tolist(), strict=True):
            self.plan[key][b][j] = n
        self.slack.update(new_slack)
        return True


def round_by_start(relaxed: dict[tuple[int, int, int, int], float], rounding: float = 0.5
                   ) -> dict[tuple[int, int, int, int], int]:
    """Round the agents per start time (summed over the days-off patterns, far less fractional than
    each tour), then share them over the patterns by largest remainder."""
    by_start: dict[tuple[int, int, int], list[tuple[int, float]]] = defaultdict(list)
    for (c, t, o, s), v in relaxed.items():
        by_start[(c, t, s)].append((o, v))
    out = {}
    for (c, t, s), items in by_start.items():
        total = int(np.floor(sum(v for _o, v in items) + rounding))
        if total <= 0:
            continue
        shares = _round_counts([v for _o, v in items], total)
        for (o, _v), n in zip(items, shares, strict=True):
            if n:
                out[(c, t, o, s)] = n
    return out


def integer_tours(prep: Prepared, relaxed: dict[tuple[int, int, int, int], float], rounding: float = 0.5,
                  move_seconds: float = 5.0) -> tuple[dict[tuple[int, int, int, int], int], ShiftPool]:
    """Round the relaxation down, then add whole tours greedily where the phones are still short
    (shortfall covered per paid hour, breaks put where they cost least), then drop tours the
    cover does not need."""
    counts = round_by_start(relaxed, rounding)
    for c, cls in enumerate(prep.classes):  # rounding up may give a class more tours than agents
        mine = sorted((k for k in counts if k[0] == c), key=lambda k: relaxed.get(k, 0.0))
        extra = sum(counts[k] for k in mine) - len(cls.members)
        for k in mine:
            if extra <= 0:
                break
            take = min(extra, counts[k])
            counts[k] -= take
            extra -= take
            if not counts[k]:
                del counts[k]
    used: dict[int, int] = defaultdict(int)
    pool = ShiftPool(prep)
    for key, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        used[key[0]] += n
        for _ in range(n):
            pool.add_tour(*key)
    pool.repair()

    def add(key) -> None:
        counts[key] = counts.get(key, 0) + 1
        used[key[0]] += 1
        pool.add_tour(*key)

    for c, cls in enumerate(prep.classes):  # agents who must work get a tour first
        while used[c] < cls.must:
            best = _best_tour(prep, pool, c)
            if best is None:
                break
            add(best[1])
    added = 0
    while True:
        best = None
        for c, cls in enumerate(prep.classes):
            k = pool.main[cls.skills]
            if k is None or used[c] >= len(cls.members) or pool.group_short(cls.skills).max() <= 1e-9:
                continue
            cand = _best_tour(prep, pool, c)
            if cand is not None and (best is None or cand[0] > best[0]):
                best = cand
        if best is None or best[0] <= 1e-9:
            break
        add(best[1])
        added += 1
        if added % 8 == 0:
            pool.repair()
    pool.repair()
    if _shortfall(pool) > 1e-9:
        improve_moves(prep, pool, counts, time.perf_counter() + move_seconds)
        pool.repair()
    # drop tours the cover does not need (the most expensive first); moving breaks in between
    # frees more of them
    for _round in range(3):
        if not _drop_pass(prep, pool, counts, used):
            break
        pool.repair()
    return {k: v for k, v in counts.items() if v > 0}, pool


def polish(prep: Prepared, pool: ShiftPool, counts: dict, deadline: float) -> None:
    """Swap tours for cheaper ones and drop the unneeded, while time is left."""
    used: dict[int, int] = defaultdict(int)
    for (c, _t, _o, _s), n in counts.items():
        used[c] += n
    while time.perf_counter() < deadline:
        swapped = _replace_pass(prep, pool, counts, used, deadline)
        dropped = _drop_pass(prep, pool, counts, used)
        if not swapped and not dropped:
            break
        pool.repair()
    for key in [k for k, v in counts.items() if v <= 0]:
        del counts[key]


def _drop_pass(prep: Prepared, pool: ShiftPool, counts: dict, used: dict) -> int:
    dropped = 0
    for key in sorted(counts, key=lambda x: (-_tour_paid(prep, x), x)):
        c = key[0]
        k = pool.main[prep.classes[c].skills]
        if k is None:
            continue
        skills = pool.skills_of[prep.classes[c].skills]
        while counts[key] > 0 and used[c] > prep.classes[c].must:
            if len(skills) > 1:  # multi-skilled: try it on a copy of the pool
                snap = _snapshot(pool)
                short = _shortfall(pool)
                pool.add_tour(*key, sign=-1)
                if _shortfall(pool) > short + 1e-9:
                    _restore(pool, snap)
                    break
                counts[key] -= 1
                used[c] -= 1
                dropped += 1
                continue
            before = {kk: pool.slack[kk].copy() for kk in skills}
            days = working_days(key[2], prep.classes[c].rules)
            touched = [(prep.classes[c].skills, key[1], d, key[3]) for d in days]
            plan_before = {kk: [list(x) for x in pool.plan[kk]] for kk in touched if kk in pool.plan}
            short_before = sum(np.minimum(v, 0).sum() for v in before.values())
            pool.add_tour(*key, sign=-1)
            if sum(np.minimum(pool.slack[kk], 0).sum() for kk in skills) < short_before - 1e-9:
                pool.slack.update(before)  # undo
                pool.plan.update(plan_before)
                for kk in touched:
                    pool.heads[kk] += 1
                break
            counts[key] -= 1
            used[c] -= 1
            dropped += 1
    return dropped


def _mip_drop_pass(prep: Prepared, pool: ShiftPool, counts: dict, deadline: float,
                   accept: Callable[[], bool] | None = None, swaps: bool = False) -> int:
    """Drop tours whose shortfall the break integer program (ShiftPool.optimise_breaks) can absorb
    by moving the other shifts' breaks; tours over the most spare agents are tried first."""
    used: dict[int, int] = defaultdict(int)
    for (c, _t, _o, _s), n in counts.items():
        used[c] += n

    def spare(key) -> float:
        c, t, o, s = key
        g = prep.classes[c].skills
        k = pool.main[g]
        length = pool.templates[t].slots
        return float(sum(pool.slack[k][pool._slots(d * DAY_SLOTS + s, 0, length)].mean()
                         for d in working_days(o, prep.classes[c].rules)))

    keys = [key for key, n in counts.items() if n > 0 and pool.main[prep.classes[key[0]].skills] is not None
            and len(pool.skills_of[prep.classes[key[0]].skills]) == 1]
    keys.sort(key=lambda key: (-spare(key), -_tour_paid(prep, key), key))
    # the tours that can go are mostly among the first (most spare): stop after a run of failures
    patience = max(MIP_DROP_PATIENCE, len(keys) // 2)
    dropped = failures = 0
    for key in keys:
        c = key[0]
        while counts.get(key, 0) > 0 and used[c] > prep.classes[c].must and time.perf_counter() < deadline:
            snap = _snapshot(pool)
            pool.add_tour(*key, sign=-1)
            if pool.breaks_can_cover():  # (else no move of breaks can end the shortfall)
                pool.repair()
                if _shortfall(pool) > 1e-9:
                    pool.optimise_breaks(min(BREAK_MIP_SECONDS, max(0.05, deadline - time.perf_counter())))
            counts[key] -= 1
            if _shortfall(pool) <= 1e-9 and (accept is None or accept()):
                used[c] -= 1
                dropped += 1
                failures = 0
                continue
            if swaps and _swap_cheaper(prep, pool, counts, used, key, deadline, accept):
                dropped += 1
                failures = 0
                continue
            counts[key] += 1
            _restore(pool, snap)
            failures += 1
            break
        if failures >= patience or time.perf_counter() >= deadline:
            break
    for key in [k for k, v in counts.items() if v <= 0]:
        del counts[key]
    return dropped


def _swap_cheaper(prep: Prepared, pool: ShiftPool, counts: dict, used: dict, key: tuple, deadline: float,
                  accept: Callable[[], bool] | None) -> bool:
    """With tour ``key`` just taken out (counts and pool), put in the cheaper tour covering most of
    the shortfall and move breaks by the integer program; True when that covers everything (the
    swap then stands), False with the pool to be restored by the caller."""
    c = key[0]
    paid = _tour_paid(prep, key)
    best = None
    prices = None
    k = pool.main[prep.classes[c].skills]
    if _shortfall(pool) <= 1e-9 and k in prep.sl_table:
        # covered, yet the week's goal refused the drop: the cheaper tour goes where one more agent
        # answers the most calls in time
        table, calls = prep.sl_table[k]
        n = np.clip(np.floor(pool.slack[k] + prep.required[k] + 1e-9).astype(np.int64), 0, table.shape[1] - 2)
        rows = np.arange(WEEK_SLOTS)
        prices = calls * (table[rows, n + 1] - table[rows, n])
    for c2, cls in enumerate(prep.classes):
        if cls.skills != prep.classes[c].skills or used[c2] - (1 if c2 == c else 0) >= len(cls.members):
            continue
        cand = _best_tour(prep, pool, c2, prices)
        if cand is None or _tour_paid(prep, cand[1]) >= paid - 1e-9:
            continue
        if best is None or cand[0] > best[0]:
            best = cand
    if best is None:
        return False
    new = best[1]
    pool.add_tour(*new)
    if _shortfall(pool) > 1e-9 and pool.breaks_can_cover():
        pool.repair()
        if _shortfall(pool) > 1e-9:
            pool.optimise_breaks(min(BREAK_MIP_SECONDS, max(0.05, deadline - time.perf_counter())))
    counts[new] = counts.get(new, 0) + 1
    if _shortfall(pool) <= 1e-9 and (accept is None or accept()):
        used[c] -= 1
        used[new[0]] += 1
        return True
    counts[new] -= 1
    if not counts[new]:
        del counts[new]
    return False


def _replace_pass(prep: Prepared, pool: ShiftPool, counts: dict, used: dict, deadline: float) -> int:
    """Swap a tour for a cheaper one (e.g. an 8 h tour for a 4 h one) where the cover stays full."""
    swapped = 0
    for key in sorted(counts, key=lambda x: (-_tour_paid(prep, x), x)):
        if time.perf_counter() > deadline:
            break
        if counts.get(key, 0) <= 0:
            continue
        c = key[0]
        paid = _tour_paid(prep, key)
        if used[c] <= prep.classes[c].must or _shortfall(pool) > 1e-9:
            continue
        snap = _snapshot(pool)
        pool.add_tour(*key, sign=-1)
        best = None
        for c2, cls in enumerate(prep.classes):
            if used[c2] - (1 if c2 == c else 0) >= len(cls.members) or cls.skills != prep.classes[c].skills:
                continue
            cand = _best_tour(prep, pool, c2)
            if cand is None or _tour_paid(prep, cand[1]) >= paid:
                continue
            if best is None or cand[0] > best[0]:
                best = cand
        if best is not None:
            pool.add_tour(*best[1])
            if _shortfall(pool) <= 1e-9:
                counts[key] -= 1
                used[c] -= 1
                counts[best[1]] = counts.get(best[1], 0) + 1
                used[best[1][0]] += 1
                swapped += 1
                continue
        _restore(pool, snap)
    return swapped


def _shortfall(pool: ShiftPool) -> float:
    return float(sum(np.maximum(-sl, 0.0).sum() for sl in pool.slack.values()))


def _snapshot(pool: ShiftPool):
    return ({k: v.copy() for k, v in pool.slack.items()}, {k: [list(x) for x in v] for k, v in pool.plan.items()},
            dict(pool.heads), {k: list(v) for k, v in pool.records.items()})



def _restore(pool: ShiftPool, snap) -> None:
    pool.slack, pool.plan, heads, pool.records = snap[0], snap[1], snap[2], snap[3]
    pool.heads = defaultdict(int, heads)


def improve_moves(prep: Prepared, pool: ShiftPool, counts: dict[tuple[int, int, int, int], int],
                  deadline: float) -> None:
    """While slots are short but no agent is left: move whole tours to other start times or other
    days off when that lowers the shortfall (the same paid hours, better overlap for breaks)."""
    moves = [d for d in range(-8, 9) if d]
    improved = True
    while improved and _shortfall(pool) > 1e-9 and time.perf_counter() < deadline:
        improved = False
        for key in sorted(counts):
            if counts.get(key, 0) <= 0 or time.perf_counter() > deadline:
                continue
            c, t, o, s = key
            ok = prep.classes[c].ok
            base = _shortfall(pool)
            for o2, s2 in [(o, (s + d) % DAY_SLOTS) for d in moves] + [(x, s) for x in range(WEEK_DAYS) if x != o]:
                if not ok[t, o2, s2]:
                    continue
                snap = _snapshot(pool)
                pool.add_tour(c, t, o, s, sign=-1)
                pool.add_tour(c, t, o2, s2)
                if _shortfall(pool) < base - 1e-9:
                    counts[key] -= 1
                    counts[(c, t, o2, s2)] = counts.get((c, t, o2, s2), 0) + 1
                    improved = True
                    break
                _restore(pool, snap)
            if improved:
                break
    for key in [k for k, v in counts.items() if v <= 0]:
        del counts[key]


def _best_tour(prep: Prepared, pool: ShiftPool, c: int, prices: np.ndarray | None = None
               ) -> tuple[float, tuple[int, int, int, int]] | None:
    """The tour of class c covering most of the shortfall (or worth most at ``prices`` per agent
    and slot) per paid quarter-hour."""
    cls = prep.classes[c]
    k = pool.main[cls.skills]
    if prices is not None:
        pi = prices
    else:
        pi = np.clip(pool.group_short(cls.skills), 0.0, 1.0) if k is not None else np.zeros(WEEK_SLOTS)
    best = None
    for t, template in enumerate(prep.problem.templates):
        if not cls.ok[t].any():
            continue
        val = _start_values(prep, t, pi)
        paid = (WEEK_DAYS - cls.rules.days_off) * template.paid_min / SLOT_MIN
        for o in range(WEEK_DAYS):
            g = val[list(working_days(o, cls.rules))].sum(axis=0) / paid
            g = np.where(cls.ok[t, o], g, -1.0)
            s = int(np.argmax(g))
            if g[s] >= 0 and (best is None or g[s] > best[0]):
                best = (float(g[s]), (c, t, o, s))
    return best


# --------------------------------------------------------------------------- the whole solve

def solve(problem: RotaProblem, time_limit: float = 30.0, progress: Progress | None = None,
          cancel: Cancel | None = None) -> RotaSolution:
    """Optimise the week. Raises :class:`RotaInputError` for bad input only; impossible rules come
    back as violations in the solution."""
    started = time.perf_counter()

    def say(fraction: float, message: str) -> None:
        if progress is not None:
            progress(fraction, message)
        if cancel is not None and cancel():
            raise Cancelled

    stats: dict = {}
    try:
        say(0.0, "Preparing agents and tours")
        prep = prepare(problem)
        stats["classes"] = len(prep.classes)
        say(0.05, "Linear relaxation (breaks spread evenly)")
        t0 = time.perf_counter()
        try:
            relaxed, _prices, lp_short = relaxation(prep, cancel, 0.4 * time_limit)
        except RuntimeError as exc:  # the LP found nothing in its share of the time: tours chosen greedily
            relaxed, lp_short = {}, 0.0
            stats["spread_lp"] = str(exc)
        stats["spread_lp_seconds"] = round(time.perf_counter() - t0, 3)
        t0 = time.perf_counter()
        left = time_limit - (time.perf_counter() - started)
        seconds = max(1.0, 0.7 * left)
        if any(len(cls.skills) > 1 for cls in prep.classes):  # interior point, no warm start: a share
            seconds = min(seconds, max(1.0, MULTI_SKILL_BOUND_SHARE * time_limit))
            stats["lp_bound"] = f"not proven in {seconds:.0f} s (many skill groups)"
        if lp_short > 0.5:
            # even the relaxation leaves slots short: the staff cannot cover the week, the bound is
            # that of the penalised model, and the understaffed LP is the slow, degenerate kind
            # (many ways to share a shortfall): it gets a small share of the time
            seconds = min(seconds, max(1.0, UNDERSTAFFED_BOUND_SHARE * time_limit))
            stats["lp_bound"] = (f"not proven in {seconds:.0f} s: the agents cannot cover the requirement (the "
                                 f"relaxation is {lp_short * SLOT_MIN / 60.0:.1f} agent-hours short)")
        say(0.2, "Linear relaxation (lower bound)")
        bound = exact_relaxation(prep, support_of(prep, relaxed, SUPPORT_SPREAD), cancel, say, seconds=seconds)
        stats["lp_seconds"] = round(time.perf_counter() - t0, 3)
        if bound is None:
            lp_paid, exact = 0.0, relaxed
            bound_paid = 0.0
            stats.setdefault("lp_bound", "not proven in the time limit")
        else:
            lp_objective, lp_paid, exact, stats["lp_rounds"] = bound
            bound_paid = lp_paid
            stats.pop("lp_bound", None)
            if prep.lp_goal_miss > 1e-6:  # the relaxation's paid hours then trade against the goal
                stats["lp_bound"] = (f"not proven: even the relaxation leaves the week's service level "
                                     f"{prep.lp_goal_miss:.1f} calls short of the goal")
                bound_paid = 0.0
            stats["lp_objective_hours"] = round(lp_objective * SLOT_MIN / 60.0, 3)
        if prep.sl_gains:
            stats["week_sl_extra_hours"] = round(raise_for_week_sl(prep), 2)
        say(0.5, "Choosing whole tours")
        t0 = time.perf_counter()

        def paid_of(tours: dict) -> float:
            return sum(n * _tour_paid(prep, key) for key, n in tours.items())

        def round_tours():
            best = None
            # round the relaxation two ways and keep the cheaper full cover (while time allows)
            for rounding in (0.5, 0.3):
                counts_r, pool_r = integer_tours(prep, exact, rounding)
                short = _shortfall(pool_r)
                cost = paid_of(counts_r) + problem.rules.under_weight * short
                if best is None or cost < best[0] - 1e-9:
                    best = (cost, counts_r, pool_r, f"exact {rounding}")
                if time.perf_counter() - started > 0.35 * time_limit:
                    break
            return best

        _cost, counts, pool, stats["rounding"] = round_tours()
        deadline = drop_deadline(started, time.perf_counter(), time_limit)
        if prep.sl_gains and _shortfall(pool) > 1e-9:
            # the agents cannot give the week's goal on top of the requirement: the requirement
            # first (the goal's shortfall is reported with the rota)
            prep.required = {k: v.copy() for k, v in prep.base_required.items()}
            stats["week_sl_extra_hours"] = 0.0
            _cost, counts, pool, stats["rounding"] = round_tours()
        stats["pool_shortfall"] = round(_shortfall(pool), 2)

        def improve(counts: dict, pool: ShiftPool, deadline: float, again: bool = False) -> None:
            # (a later start says only that it started: the progress never goes back)
            if lp_paid and paid_of(counts) > 1.01 * lp_paid and _shortfall(pool) <= 1e-9:
                if not again:
                    say(0.55, "Swapping tours for cheaper ones")
                polish(prep, pool, counts, deadline)
            if lp_paid and paid_of(counts) > 1.01 * lp_paid and _shortfall(pool) <= 1e-9:
                if not again:
                    say(0.57, "Dropping tours whose breaks the others can cover")
                # with the week's service-level goal the tours were chosen for the raised
                # requirement; the drops then need only the requirement itself and the goal for the week
                if prep.sl_gains:
                    for k, base in prep.base_required.items():
                        pool.slack[k] += prep.required[k] - base
                        prep.required[k] = base.copy()
                _drop_round(problem, prep, pool, counts, deadline)

        raised = {k: v.copy() for k, v in prep.required.items()}
        improve(counts, pool, deadline)
        took = time.perf_counter() - t0  # both roundings and the drops: an upper estimate of one more start
        best = (paid_of(counts), counts, pool, prep.required, stats["rounding"])
        stats["start_hours"] = [round(best[0] * SLOT_MIN / 60.0, 2)]  # tours' paid hours of each start
        # the drops end in a local optimum that depends on how the relaxation was rounded: while
        # the improvement's share of the time limit allows one more start (as long as the longest
        # so far), start again from another rounding and keep the cheapest full cover, so that a
        # longer limit gives a cheaper rota
        end = started + MIP_DROP_SHARE * time_limit
        others = [r for r in MORE_ROUNDINGS if f"exact {r}" != stats["rounding"]]
        if not lp_paid or _shortfall(pool) > 1e-9:
            others = []
        while others and best[0] > 1.01 * lp_paid and time.perf_counter() + took <= end:
            rounding = others.pop(0)
            say(0.58, "Starting again from another rounding")
            t1 = time.perf_counter()
            prep.required = {k: v.copy() for k, v in raised.items()}
            counts_r, pool_r = integer_tours(prep, exact, rounding, move_seconds=max(0.0, end - t1))
            if _shortfall(pool_r) <= 1e-9:
                improve(counts_r, pool_r, end, again=True)
            if _shortfall(pool_r) <= 1e-9:
                paid_r = paid_of(counts_r)
                stats["start_hours"].append(round(paid_r * SLOT_MIN / 60.0, 2))
                if paid_r < best[0] - 1e-9:
                    best = (paid_r, counts_r, pool_r, prep.required, f"exact {rounding}")
            took = max(took, time.perf_counter() - t1)
        _paid, counts, pool, prep.required, stats["rounding"] = best
        stats["integer_seconds"] = round(time.perf_counter() - t0, 3)
        stats["status"] = "feasible"
        say(0.6, "Assigning agents to tours")
        shifts, unscheduled, notes, train_notes = _rota(prep, counts, pool.plan)
        fixed_set = set(prep.fixed)
        say(0.95, "Checking the rota")
        result = quality.evaluate(problem, shifts)
        constant = sum(quality.shift_paid_minutes(problem, s) for s in shifts if s.shadow or s in fixed_set) / 60.0
        # the coverage explanation first: a scheduler reads why queues go short before the
        # training notes
        violations = (*prep.notes, *explain_shortfall(prep, result.coverage), *quality.week_goal_violations(problem, result.coverage),
                      *notes, *result.violations, *train_notes)
        return RotaSolution(
            status=stats["status"], shifts=tuple(sorted(shifts, key=lambda s: (s.agent_id, s.start))),
            coverage=result.coverage, paid_hours=result.paid_hours,
            lp_bound_hours=round(bound_paid * SLOT_MIN / 60.0 + constant, 4) if bound_paid else 0.0,
            violations=tuple(_dedupe(violations)), unscheduled=tuple(sorted(unscheduled)),
            seconds=time.perf_counter() - started, stats=stats)
    except Cancelled:
        return RotaSolution("cancelled", (), (), 0.0, 0.0, (), (), time.perf_counter() - started, stats)


def drop_deadline(started: float, now: float, time_limit: float) -> float:
    """When the swaps and drops stop: by their share of the time limit, yet at least
    MIN_DROP_SHARE of it after the tours are chosen (``now``), so that a slow relaxation on a busy
    machine does not leave them no time (they make the rota's paid hours; the relaxation only
    guides them), and never in the last fifth (the assignment, breaks and training)."""
    return min(max(started + MIP_DROP_SHARE * time_limit, now + MIN_DROP_SHARE * time_limit),
               started + 0.8 * time_limit)


def _drop_round(problem: RotaProblem, prep: Prepared, pool: ShiftPool, counts: dict, deadline: float) -> int:
    """Drop tours (then swap for cheaper ones) while the rest covers ``prep.required``; how many."""
    # the training is placed after the tours: a drop stands only when the whole rota (agents,
    # breaks, training) stays as covered as before it
    base_short, base_week = _rota_short_week(problem, _rota(prep, counts, pool.plan)[0], prep.required)
    goal = problem.rules.weekly_service_level
    week_floor = {k: min(goal, level) - 1e-9 for k, level in base_week.items()} if goal else {}

    def keeps_cover() -> bool:
        short, week = _rota_short_week(problem, _rota(prep, counts, pool.plan)[0], prep.required)
        return short <= base_short + 1e-9 and all(week[k] >= floor for k, floor in week_floor.items())

    def keeps_week() -> bool:  # the pool's agents on the phones (quick), for the week's goal
        return all(_week_level(prep, k, pool.slack[k] + prep.required[k]) >= floor for k, floor in week_floor.items())

    def accept() -> bool:  # the quick check first, then the whole rota rebuilt
        return (not week_floor or keeps_week()) and keeps_cover()

    reserved = _reserve_training(prep, pool, counts) if RESERVE_TRAINING else []
    dropped = 0
    # drops first; then, while time is left, a cheaper tour where a tour cannot simply go
    for swaps in (False, True):
        while time.perf_counter() < deadline:
            n = _mip_drop_pass(prep, pool, counts, deadline, accept, swaps)
            dropped += n
            if not n:
                break
    for k, slots in reserved:
        pool.slack[k][slots] += 1
    return dropped


def _week_level(prep: Prepared, skill: str, on_phone: np.ndarray) -> float:
    """The week's expected service level of ``skill`` with ``on_phone`` agents per slot (Erlang C,
    calls-weighted, from the table made once)."""
    table, calls = prep.sl_table[skill]
    n = np.clip(np.floor(on_phone + 1e-9).astype(np.int64), 0, table.shape[1] - 1)
    return float((calls * table[np.arange(WEEK_SLOTS), n]).sum() / calls.sum())


def _rota(prep: Prepared, counts: dict, plan: dict) -> tuple[list[Shift], list[int], list[Violation], list[Violation]]:
    """Agents on the tours, breaks, training, fixed shifts and new hires' shadows."""
    shifts, unscheduled, notes = assign_tours(prep, counts)
    shifts = place_breaks(prep, shifts, plan)
    shifts, train_notes = place_training(prep, shifts)
    shifts = rebreak(prep, shifts)
    shifts.extend(prep.fixed)
    shifts.extend(shadow_mentees(prep, shifts, notes))
    return shifts, unscheduled, notes, train_notes


def _reserve_training(prep: Prepared, pool: ShiftPool, counts: dict) -> list[tuple[str, np.ndarray]]:
    """Take the training blocks, placed on the rota as it stands, off the pool's spare agents where
    they fit, so that the drops leave the training room near where it goes; returns what was taken."""
    if not any(a.training_min > 0 for a in prep.problem.agents):
        return []
    skills_of = {a.id: frozenset(k for k in a.skills if k in prep.required) for a in prep.problem.agents}
    taken = []
    for sh in _rota(prep, counts, pool.plan)[0]:
        k = _main_skill(skills_of.get(sh.agent_id, frozenset()), prep)
        if sh.shadow or k is None or k not in pool.slack:
            continue
        for act in sh.activities:
            if act.kind == "training":
                slots = np.arange(act.start, act.end) % WEEK_SLOTS
                if pool.slack[k][slots].min() >= 1:
                    pool.slack[k][slots] -= 1
                    taken.append((k, slots))
    return taken


def rebreak(prep: Prepared, shifts: list[Shift]) -> list[Shift]:
    """After the training is placed: move single breaks of single-skilled agents off slots left
    short to other starts in their window where the phones can spare the agent (the training
    may have taken the agent the break plan counted on)."""
    problem = prep.problem
    t_index = {t.name: i for i, t in enumerate(problem.templates)}
    skill_of = {}
    for a in problem.agents:
        mine = [k for k in a.skills if k in prep.required]
        if len(mine) == 1:
            skill_of[a.id] = mine[0]
    by_skill = {c.skill: np.asarray(c.on_phone, dtype=float) - np.asarray(c.required, dtype=float)
                for c in quality.coverage(problem, shifts)}
    if all((v >= -1e-9).all() for v in by_skill.values()):
        return shifts
    out = list(shifts)
    for idx, sh in enumerate(out):
        k = skill_of.get(sh.agent_id)
        t = t_index.get(sh.template)
        if k is None or t is None or sh.shadow or sh.locked or k not in by_skill:
            continue
        slack = by_skill[k]
        acts = list(sh.activities)
        changed = False
        for b, brk in enumerate(problem.templates[t].breaks):
            n = brk.minutes // SLOT_MIN
            opts = prep.break_options.get((t, sh.start_of_day), [])
            if b >= len(opts):
                continue
            opts = opts[b]
            pos = next((i for i, a in enumerate(acts) if a.kind == brk.kind and a.start - sh.start in opts), None)
            if pos is None:
                continue
            here = np.arange(acts[pos].start, acts[pos].start + n) % WEEK_SLOTS
            if slack[here].min() >= 0:
                continue
            busy = np.zeros(sh.slots, dtype=bool)
            for i, a in enumerate(acts):
                if i != pos:
                    busy[max(0, a.start - sh.start):max(0, a.end - sh.start)] = True
            best = None
            for off in opts:
                there = np.arange(sh.start + off, sh.start + off + n) % WEEK_SLOTS
                if busy[off:off + n].any() or np.intersect1d(there, here).size or slack[there].min() < 1:
                    continue
                if best is None or slack[there].min() > best[0]:
                    best = (slack[there].min(), off, there)
            if best is None:
                continue
            slack[here] += 1
            slack[best[2]] -= 1
            acts[pos] = Activity(acts[pos].kind, sh.start + best[1], n)
            changed = True
        if changed:
            out[idx] = Shift(sh.agent_id, sh.template, sh.start, sh.slots, tuple(sorted(acts, key=lambda a: a.start)),
                             sh.locked, sh.shadow, sh.note)
    return out


def _rota_short(problem: RotaProblem, shifts: list[Shift]) -> float:
    """Agent-slots short of the requirement, summed over the skills."""
    return float(sum(np.maximum(np.asarray(c.required, dtype=float) - np.asarray(c.on_phone, dtype=float), 0.0).sum()
                     for c in quality.coverage(problem, shifts)))


def _rota_short_week(problem: RotaProblem, shifts: list[Shift], required: dict[str, np.ndarray]
                     ) -> tuple[float, dict[str, float]]:
    """Agent-slots short of ``required`` summed over the skills, and the week's service level of
    each skill that has calls."""
    cov = quality.coverage(problem, shifts)
    short = float(sum(np.maximum(required[c.skill] - np.asarray(c.on_phone, dtype=float), 0.0).sum() for c in cov))
    return short, {c.skill: c.weekly_service_level for c in cov if c.weekly_service_level is not None}


def _dedupe(violations) -> list[Violation]:
    seen, out = set(), []
    for v in violations:
        key = (v.rule, v.message)
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def _tour_paid(prep: Prepared, key: tuple[int, int, int, int]) -> float:
    c, t, o, _s = key
    return len(working_days(o, prep.classes[c].rules)) * prep.problem.templates[t].paid_min / SLOT_MIN


def _tour_cost(agent: Agent, tour: Tour, template: ShiftTemplate, prep: Prepared) -> float:
    rules = prep.problem.rules
    cost = 0.0
    if agent.preferred_start_min is not None:
        diff = abs(tour.start * SLOT_MIN - agent.preferred_start_min)
        cost += rules.preference_weight * min(diff, 24 * 60 - diff) / 60.0
    cost += rules.fairness_weight * weekend_days(tour.days) * agent.weekends_worked_recently / 4.0
    if is_night(tour.start, rules):
        cost += rules.fairness_weight * len(tour.days) * agent.nights_worked_recently / 4.0
    return cost


def tour_shifts(agent_id: int, tour: Tour, template: ShiftTemplate, locked_days: set[int] = frozenset(),
                note: str | None = None) -> list[Shift]:
    return [Shift(agent_id, template.name, d * DAY_SLOTS + tour.start, template.slots, (),
                  locked=d in locked_days, note=note) for d in tour.days]


def assign_tours(prep: Prepared, counts: dict[tuple[int, int, int, int], int]
                 ) -> tuple[list[Shift], list[int], list[Violation]]:
    problem = prep.problem
    by_class: dict[int, list[Tour]] = defaultdict(list)
    for (c, t, o, s), n in sorted(counts.items()):
        by_class[c].extend([Tour(t, s, o, working_days(o, prep.classes[c].rules))] * n)
    locked_days: dict[int, set[int]] = defaultdict(set)
    for s in problem.locked:
        locked_days[s.agent_id].add(s.day)
    shifts: list[Shift] = []
    unscheduled: list[int] = []
    notes: list[Violation] = []
    mentors = {m.mentor_id for m in prep.mentees}
    for c, cls in enumerate(prep.classes):
        tours = by_class.get(c, [])
        members = cls.members
        if not tours:
            unscheduled.extend(a.id for a in members)
            continue
        big = 1e6
        n_m, n_t = len(members), len(tours)
        cost = np.zeros((n_m, n_t + max(0, n_m - n_t)))
        distinct: dict[Tour, int] = {}
        col_of = np.array([distinct.setdefault(tour, len(distinct)) for tour in tours], dtype=int)
        # each agent's cost of each distinct tour (kept on prep: the drops rebuild the rota often)
        cached = prep.tour_costs
        per_tour = np.zeros((n_m, len(distinct)))
        for i, a in enumerate(members):
            ok = prep.agent_ok.get(a.id)
            for tour, j in distinct.items():
                key = (a.id, tour)
                v = cached.get(key)
                if v is None:
                    v = _tour_cost(a, tour, problem.templates[tour.template], prep)
                    if ok is not None and not ok[tour.template, tour.off_start, tour.start]:
                        v = big
                    cached[key] = v
                per_tour[i, j] = v
        cost[:, :n_t] = per_tour[:, col_of]
        for i, a in enumerate(members):
            if a.min_hours > 0:
                cost[i, n_t:] = big
            elif a.id in mentors:  # a mentor left at home leaves the new hire at home too (R-SCH-9)
                cost[i, n_t:] = MENTOR_IDLE_COST
        rows, cols = linear_sum_assignment(cost)
        taken = set()
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            a = members[i]
            if j >= n_t:
                unscheduled.append(a.id)
                continue
            tour = tours[j]
            ok = prep.agent_ok.get(a.id)
            if ok is not None and not ok[tour.template, tour.off_start, tour.start]:
                unscheduled.append(a.id)
                notes.append(Violation("availability", Message(
                    N_("No agent free of time off was left for the tour starting {start} with days off from {day}; "
                       "it stays empty."), start=f"{tour.start * SLOT_MIN // 60:02d}:{tour.start * SLOT_MIN % 60:02d}",
                    day=Message(quality.WEEKDAYS[tour.off_start])), hard=False))
                continue
            taken.add(i)
            shifts.extend(tour_shifts(a.id, tour, problem.templates[tour.template], locked_days.get(a.id, set())))
        for i, a in enumerate(members):
            if i not in taken and a.id not in unscheduled:
                unscheduled.append(a.id)
                if a.min_hours > 0:
                    notes.append(Violation("contract", Message(N_("{name} must work {hours} h but no tour was left "
                                                                  "for the agent."), name=a.name,
                                                               hours=f"{a.min_hours:g}"), agent_ids=(a.id,)))
    return shifts, unscheduled, notes


def shadow_mentees(prep: Prepared, shifts: list[Shift], notes: list[Violation]) -> list[Shift]:
    """R-SCH-9: a new hire works the mentor's shifts (not counted for coverage), minus own time off."""
    by_agent: dict[int, list[Shift]] = defaultdict(list)
    for s in shifts:
        by_agent[s.agent_id].append(s)
    out = []
    for a in prep.mentees:
        mask = unavailable_mask(a)
        mine = []
        for s in sorted(by_agent.get(a.mentor_id, []), key=lambda x: x.start):
            if mask[np.arange(s.start, s.end) % WEEK_SLOTS].any():
                continue
            acts = tuple(act for act in s.activities if act.kind != "training")
            mine.append(Shift(a.id, s.template, s.start, s.slots, acts, shadow=True, note="with mentor"))
        if not mine:
            notes.append(Violation("R-SCH-9", Message(N_("{name} is a new hire and the mentor has no shifts this "
                                                         "week; not scheduled."), name=a.name),
                                   agent_ids=(a.id, a.mentor_id), hard=a.min_hours > 0))
        out.extend(mine)
    return out


# --------------------------------------------------------------------------- stage 3: breaks

def _round_counts(fracs: list[float], total: int) -> list[int]:
    """Largest-remainder rounding of ``fracs`` to integers summing to ``total``."""
    s = sum(fracs)
    if s <= 0:
        out = [0] * len(fracs)
        if out:
            out[len(out) // 2] = total
        return out
    scaled = [f * total / s for f in fracs]
    base = [int(np.floor(x)) for x in scaled]
    rest = total - sum(base)
    order = sorted(range(len(fracs)), key=lambda i: scaled[i] - base[i], reverse=True)
    for i in order[:rest]:
        base[i] += 1
    return base


def place_breaks(prep: Prepared, shifts: list[Shift], chosen: dict | None = None) -> list[Shift]:
    """Break counts per shift start rounded from the integer program, repaired against the
    requirement, then given to the agents of that start; the stand-up is added as a meeting."""
    problem = prep.problem
    templates = problem.templates
    t_index = {t.name: i for i, t in enumerate(templates)}
    agent_skills = {a.id: frozenset(k for k in a.skills if k in prep.required) for a in problem.agents}
    groups: dict[tuple, list[int]] = defaultdict(list)  # (skills, t, day, start) -> shift indexes
    for idx, s in enumerate(shifts):
        if s.locked and s.activities:
            continue
        groups[(agent_skills[s.agent_id], t_index[s.template], s.day, s.start_of_day)].append(idx)
    # choose counts per (group, break, offset)
    plan: dict[tuple, list[list[int]]] = {}
    for key, members in groups.items():
        g, t, d, s = key
        opts_all = prep.break_options[(t, s)]
        per_break = []
        for b, opts in enumerate(opts_all):
            given = (chosen or {}).get(key)
            if given is not None and sum(given[b]) == len(members):
                per_break.append([int(x) for x in given[b]])
            else:
                fr = given[b] if given is not None else [1.0] * len(opts)
                per_break.append(_round_counts([float(x) + 1e-3 for x in fr], len(members)))
        plan[key] = per_break
    on_phone = _phone_slack(prep, shifts, groups, plan)
    single = {key: m for key, m in groups.items() if len([k for k in key[0] if k in prep.required]) <= 1}
    _repair(prep, single, plan, on_phone)  # multi-skilled shifts keep the pool's break plan
    st = problem.rules.standup
    st_slots = st.minutes // SLOT_MIN if st else 0
    out = list(shifts)
    for key, members in groups.items():
        g, t, d, s = key
        template = templates[t]
        opts_all = prep.break_options[(t, s)]
        queues = []
        for b, counts in enumerate(plan[key]):
            q = []
            for off, n in zip(opts_all[b], counts, strict=True):
                q.extend([off] * n)
            queues.append(q)
        so = prep.standup_offset.get((t, s))
        for m, idx in enumerate(members):
            sh = out[idx]
            acts = []
            if so is not None:
                acts.append(Activity("meeting", sh.start + so, st_slots))
            for b, brk in enumerate(template.breaks):
                acts.append(Activity(brk.kind, sh.start + queues[b][m], brk.minutes // SLOT_MIN))
            out[idx] = Shift(sh.agent_id, sh.template, sh.start, sh.slots, tuple(sorted(acts, key=lambda a: a.start)),
                             sh.locked, sh.shadow, sh.note)
    return out


def _phone_slack(prep: Prepared, shifts, groups, plan) -> dict[str, np.ndarray]:
    """Per skill: on-phone heads minus requirement per slot (single-skill view for repair)."""
    problem = prep.problem
    templates = problem.templates
    slack = {k: -req.astype(float) for k, req in prep.required.items()}
    fixed = _fixed_coverage(prep)
    for k in slack:
        slack[k] += fixed[k]
    st_slots = problem.rules.standup.minutes // SLOT_MIN if problem.rules.standup else 0
    for key, members in groups.items():
        g, t, d, s = key
        k = _main_skill(g, prep)
        if k is None:
            continue
        base = d * DAY_SLOTS + s
        n = len(members)
        slack[k][np.arange(base, base + templates[t].slots) % WEEK_SLOTS] += n
        so = prep.standup_offset.get((t, s))
        if so is not None:
            slack[k][np.arange(base + so, base + so + st_slots) % WEEK_SLOTS] -= n
        for b, counts in enumerate(plan[key]):
            length = templates[t].breaks[b].minutes // SLOT_MIN
            for off, c in zip(prep.break_options[(t, s)][b], counts, strict=True):
                if c:
                    slack[k][np.arange(base + off, base + off + length) % WEEK_SLOTS] -= c
    return slack


def _main_skill(g: frozenset, prep: Prepared) -> str | None:
    skills = [k for k in sorted(g) if k in prep.required]
    if not skills:
        return None
    return max(skills, key=lambda k: int(prep.required[k].sum()))


def _repair(prep: Prepared, groups, plan, slack: dict[str, np.ndarray]) -> None:
    """Move single breaks from a slot short of agents to another start in the window where the
    move does not make anything worse, until no move helps."""
    templates = prep.problem.templates
    for _round in range(4):
        moved = False
        for key in groups:
            g, t, d, s = key
            k = _main_skill(g, prep)
            if k is None:
                continue
            sl = slack[k]
            base = d * DAY_SLOTS + s
            for b, counts in enumerate(plan[key]):
                length = templates[t].breaks[b].minutes // SLOT_MIN
                opts = prep.break_options[(t, s)][b]
                for i, off in enumerate(opts):
                    while counts[i] > 0:
                        here = np.arange(base + off, base + off + length) % WEEK_SLOTS
                        if sl[here].min() >= 0:
                            break
                        best, best_gain = None, 0.0
                        for j, off2 in enumerate(opts):
                            if j == i:
                                continue
                            there = np.arange(base + off2, base + off2 + length) % WEEK_SLOTS
                            trial = sl.copy()
                            trial[here] += 1
                            trial[there] -= 1
                            gain = np.minimum(trial, 0).sum() - np.minimum(sl, 0).sum()
                            if gain > best_gain + 1e-9:
                                best, best_gain = j, gain
                        if best is None:
                            break
                        there = np.arange(base + opts[best], base + opts[best] + length) % WEEK_SLOTS
                        sl[here] += 1
                        sl[there] -= 1
                        counts[i] -= 1
                        counts[best] += 1
                        moved = True
        if not moved:
            return


# --------------------------------------------------------------------------- stage 4: training

def place_training(prep: Prepared, shifts: list[Shift]) -> tuple[list[Shift], list[Violation]]:
    problem = prep.problem
    block = max(1, problem.rules.training_block_min // SLOT_MIN)
    notes: list[Violation] = []
    todo = [a for a in problem.agents if a.training_min > 0]
    if not todo:
        return shifts, notes
    cov = quality.evaluate(problem, shifts).coverage
    slack = {c.skill: np.asarray(c.on_phone) - np.asarray(c.required) for c in cov}
    out = list(shifts)
    by_agent: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(out):
        by_agent[s.agent_id].append(i)
    for a in todo:
        if not by_agent.get(a.id):
            continue  # not rostered this week: the training waits for a week the agent works
        need = -(-a.training_min // (block * SLOT_MIN))
        skills = [k for k in a.skills if k in slack]
        for _ in range(need):
            best = None
            for i in by_agent.get(a.id, []):
                sh = out[i]
                if sh.locked or sh.shadow:
                    continue
                busy = np.zeros(sh.slots, dtype=bool)
                for act in sh.activities:
                    busy[act.start - sh.start:act.end - sh.start] = True
                for off in range(2, sh.slots - block - 1):
                    if busy[off:off + block].any():
                        continue
                    slots = np.arange(sh.start + off, sh.start + off + block) % WEEK_SLOTS
                    score = min((slack[k][slots].min() for k in skills), default=0.0)
                    if best is None or score > best[0]:
                        best = (score, i, off, slots)
            if best is None:
                notes.append(Violation("R-SCH-8", Message(N_("{name}: no room for {minutes} min of training in this "
                                                             "week's shifts."), name=a.name,
                                                          minutes=problem.rules.training_block_min),
                                       agent_ids=(a.id,)))
                break
            score, i, off, slots = best
            sh = out[i]
            acts = tuple(sorted((*sh.activities, Activity("training", sh.start + off, block)), key=lambda x: x.start))
            out[i] = Shift(sh.agent_id, sh.template, sh.start, sh.slots, acts, sh.locked, sh.shadow, sh.note)
            if skills:
                slack[max(skills, key=lambda k: slack[k][slots].min())][slots] -= 1
            if score < 1:
                notes.append(Violation("R-SCH-8", Message(N_("{name}'s training {when} takes an agent the requirement "
                                                             "needs."), name=a.name,
                                                          when=quality.slot_range(int(slots[0]), int(slots[-1]))),
                                       slots=((int(slots[0]), int(slots[-1])),), agent_ids=(a.id,), hard=False))
    return out, notes


# --------------------------------------------------------------------------- explanations

def _ranges(slots: np.ndarray) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in slots.tolist():
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def capacity(prep: Prepared, skill: str) -> np.ndarray:
    """Per slot: how many agents with ``skill`` could be at work then at all (ignoring the others)."""
    cap = np.zeros(WEEK_SLOTS)
    templates = prep.problem.templates
    for cls in prep.classes:
        if skill not in cls.skills:
            continue
        can = np.zeros(WEEK_SLOTS, dtype=bool)
        for t, o, s in zip(*np.nonzero(cls.ok), strict=True):
            for d in working_days(int(o), cls.rules):
                base = d * DAY_SLOTS + int(s)
                can[np.arange(base, base + templates[int(t)].slots) % WEEK_SLOTS] = True
        cap += can * len(cls.members)
    return cap


def staff_capacity(prep: Prepared) -> float:
    """Agent quarter-hours on the phones the agents could give at most in the week (each agent's
    longest allowed tour, its breaks taken), plus the fixed shifts'."""
    total = 0.0
    for cls in prep.classes:
        best = 0.0
        for t in range(len(prep.problem.templates)):
            for o in range(WEEK_DAYS):
                starts = np.flatnonzero(cls.ok[t, o])
                if starts.size:
                    per_day = max(float(prep.profile[(t, int(s))].sum()) for s in starts[:4])
                    best = max(best, len(working_days(o, cls.rules)) * per_day)
        total += best * len(cls.members)
    return total + sum(float(v.sum()) for v in _fixed_coverage(prep).values())


def explain_shortfall(prep: Prepared, coverage) -> list[Violation]:
    """Name the slots short of the requirement and why: nobody can work then, too few agents
    could, or the agents' contracts and rules (R-SCH-3 days off, one start time) do not stretch."""
    out = []
    rules = prep.problem.rules
    short_any = any((np.asarray(c.on_phone) + 1e-9 < np.asarray(c.required)).any() for c in coverage)
    need = sum(float(np.asarray(c.required, dtype=float).sum()) for c in coverage)
    supply = staff_capacity(prep)
    if short_any and supply < need:
        full = max((len(working_days(0, cls.rules)) * float(prep.profile[(t, 0)].sum())
                    for cls in prep.classes for t in range(len(prep.problem.templates)) if cls.ok[t].any()),
                   default=0.0)
        hours = {"need": f"{need * SLOT_MIN / 60.0:,.0f}", "supply": f"{supply * SLOT_MIN / 60.0:,.0f}"}
        if full:
            text = Message(N_("The week needs {need} agent-hours on the phones over all queues; this rota's agents can "
                              "give at most {supply} (contracts, days off, breaks); about {more} more full-time "
                              "agents."), **hours, more=int(np.ceil((need - supply) / full)))
        else:
            text = Message(N_("The week needs {need} agent-hours on the phones over all queues; this rota's agents can "
                              "give at most {supply} (contracts, days off, breaks)."), **hours)
        out.append(Violation("R-SCH-1", text))
    for cov in coverage:
        req = np.asarray(cov.required, dtype=float)
        short = np.flatnonzero(np.asarray(cov.on_phone) + 1e-9 < req)
        if not short.size:
            continue
        cap = capacity(prep, cov.skill)
        rule = "R-SCH-2" if cov.skill == rules.phone_skill else "R-SCH-1"
        nobody = short[cap[short] == 0]
        few = short[(cap[short] > 0) & (cap[short] < req[short])]
        other = short[cap[short] >= req[short]]
        if nobody.size:
            rr = _ranges(nobody)
            out.append(Violation(rule, Message(N_("{skill}: no agent with this skill can work {ranges} (time off, "
                                                  "availability, shift start windows)."), skill=cov.skill,
                                               ranges=_list(rr)), slots=tuple(rr)))
        if few.size:
            rr = _ranges(few)
            out.append(Violation(rule, Message(N_("{skill}: fewer agents with this skill can work than required in "
                                                  "{ranges}."), skill=cov.skill, ranges=_list(rr)), slots=tuple(rr)))
        if other.size:
            rr = _ranges(other)
            out.append(Violation(rule, Message(N_("{skill}: short of the requirement in {ranges}: the agents' "
                                                  "contracts and the rules ({days_off} days off together, one start "
                                                  "time, {rest} h rest, R-SCH-3) do not stretch that far."),
                                               skill=cov.skill, ranges=_list(rr), days_off=rules.days_off,
                                               rest=f"{rules.min_rest_hours:g}"), slots=tuple(rr)))
    return out


def _list(ranges: list[tuple[int, int]], limit: int = 6) -> Message | str:
    """The first ``limit`` ranges (``Mon 09:00-10:00, Tue 12:00-13:00 and 2 more``), translated on screen."""
    text = quality.listing([quality.slot_range(a, b) for a, b in ranges[:limit]])
    if len(ranges) > limit:
        return Message(N_("{ranges} and {more} more"), ranges=text, more=len(ranges) - limit)
    return text


def _main_skill_of_agent(agent: Agent, required: dict[str, np.ndarray]) -> str | None:
    """The skill an agent's phone time is counted for in single-skill views (the busiest one)."""
    skills = [k for k in sorted(agent.skills) if k in required]
    if not skills:
        return None
    return max(skills, key=lambda k: float(np.asarray(required[k]).sum()))
