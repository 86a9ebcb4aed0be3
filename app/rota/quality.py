"""What a rota achieves and which rules it breaks: coverage per skill and slot after breaks,
expected service level (Erlang C, ``app.staffing``), paid hours, and an independent check of
every hard rule on the shifts themselves (so hand edits are checked the same way as the solver).

The violations' sentences are :class:`app.i18n.Message` values: they read as English (the CLI, logs,
the solver's stats) and the UI says them again in the user's language from their N_() templates
(``ui.errors.translated``); times are :func:`slot_range` messages whose weekdays are translated too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_flow

from app.i18n import N_, Message
from app.rota.model import (
    DAY_SLOTS,
    SLOT_MIN,
    WEEK_DAYS,
    WEEK_SLOTS,
    RotaProblem,
    Shift,
    SkillCoverage,
    Violation,
)
from app.rota.tours import unavailable_mask
from app.staffing.erlang import interval_metrics, service_level_table

# app.rota.model.DAY_NAMES, marked for translation (range_label's weekdays)
WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
# the activities a shift holds besides work (BreakRule kinds, meetings, training), marked for translation
ACTIVITY_KINDS = {"break": N_("break"), "lunch": N_("lunch"), "meeting": N_("meeting"), "training": N_("training")}


def _hm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def slot_range(first: int, last: int) -> Message:
    """``range_label(first, last)`` as a Message (``Tue 09:15-10:00``, ``Mon 22:00-Tue 06:00``): the
    same English, the weekdays translated on screen."""
    day, end_day = (first % WEEK_SLOTS) // DAY_SLOTS, (last % WEEK_SLOTS) // DAY_SLOTS
    start, end = _hm((first % DAY_SLOTS) * SLOT_MIN), _hm(((last % DAY_SLOTS) + 1) * SLOT_MIN)
    if day == end_day:
        return Message(N_("{day} {start}-{end}"), day=Message(WEEKDAYS[day]), start=start, end=end)
    return Message(N_("{day} {start}-{end_day} {end}"), day=Message(WEEKDAYS[day]), start=start,
                   end_day=Message(WEEKDAYS[end_day]), end=end)


def listing(items: list[Message] | list[str]) -> Message | str:
    """``a, b, c`` with each item translated on screen (the separator too)."""
    if len(items) <= 1:
        return items[0] if items else ""
    return Message(N_("{first}, {rest}"), first=items[0], rest=listing(items[1:]))


def activity_kind(kind: str) -> Message | str:
    return Message(ACTIVITY_KINDS[kind]) if kind in ACTIVITY_KINDS else kind


@dataclass(frozen=True)
class Evaluation:
    coverage: tuple[SkillCoverage, ...]
    paid_hours: float
    violations: tuple[Violation, ...]


def shift_paid_minutes(problem: RotaProblem, shift: Shift) -> int:
    unpaid = set()
    for t in problem.templates:
        if t.name == shift.template:
            unpaid = {b.kind for b in t.breaks if not b.paid}
    return shift.slots * SLOT_MIN - sum(a.slots * SLOT_MIN for a in shift.activities if a.kind in unpaid)


def phone_mask(shift: Shift) -> np.ndarray:
    """Per slot of the shift: on the phones (not on a break, meeting or training)."""
    on = np.ones(shift.slots, dtype=bool)
    for a in shift.activities:
        on[max(0, a.start - shift.start):max(0, min(shift.slots, a.end - shift.start))] = False
    return on


def coverage(problem: RotaProblem, shifts: list[Shift] | tuple[Shift, ...]) -> tuple[SkillCoverage, ...]:
    req = {r.skill: np.asarray(r.agents, dtype=float) for r in problem.requirements}
    phone = problem.rules.phone_skill
    if phone is not None and problem.rules.min_phone_agents > 0:
        req[phone] = np.maximum(req.get(phone, np.zeros(WEEK_SLOTS)), problem.rules.min_phone_agents)
    skills_of = {a.id: a.skills for a in problem.agents}
    on_shift = {k: np.zeros(WEEK_SLOTS) for k in req}
    group_phone: dict[frozenset, np.ndarray] = defaultdict(lambda: np.zeros(WEEK_SLOTS))
    for s in shifts:
        if s.shadow:
            continue
        skills = frozenset(k for k in skills_of.get(s.agent_id, ()) if k in req)
        if not skills:
            continue
        idx = np.arange(s.start, s.end) % WEEK_SLOTS
        for k in skills:
            on_shift[k][idx] += 1
        np.add.at(group_phone[skills], idx, phone_mask(s).astype(float))
    on_phone = {k: np.zeros(WEEK_SLOTS) for k in req}
    multi = []
    for g, arr in group_phone.items():
        if len(g) == 1:
            on_phone[next(iter(g))] += arr
        else:
            multi.append((sorted(g), arr))
    if multi:
        _share_out(multi, req, on_phone)
    out = []
    by_skill = {r.skill: r for r in problem.requirements}
    for k in req:
        r = by_skill.get(k)
        sl = weekly = None
        target = r.target_sl if r else 0.8
        if r is not None and r.calls is not None:
            calls = np.asarray(r.calls, dtype=float)
            aht = np.asarray(r.aht_sec if r.aht_sec is not None else (300.0,) * WEEK_SLOTS, dtype=float)
            busy = calls > 0
            bad = np.flatnonzero(busy & ~(aht > 0))
            if bad.size:  # refused as Erlang C refuses it, naming the value
                interval_metrics(float(calls[bad[0]]), SLOT_MIN, float(aht[bad[0]]), 1, r.target_sec)
            agents = np.floor(on_phone[k] + 1e-9).astype(np.int64)
            levels = np.where(busy, service_level_table(np.where(busy, calls, 0.0), np.where(busy, aht, 1.0),
                                                        SLOT_MIN, r.target_sec, agents, 0)[:, 0], 1.0)
            sl = tuple(float(x) for x in levels)
            den = float(calls[busy].sum())
            weekly = float((calls[busy] * levels[busy]).sum()) / den if den else 1.0
        out.append(SkillCoverage(k, tuple(int(x) for x in req[k]), tuple(int(x) for x in on_shift[k]),
                                 tuple(float(x) for x in on_phone[k]), sl, weekly, target))
    return tuple(out)


def _share_out(multi: list[tuple[list[str], np.ndarray]], req: dict[str, np.ndarray],
               on_phone: dict[str, np.ndarray]) -> None:
    """Share the multi-skilled agents on the phones out over their skills, slot by slot. Where
    there are enough of them: first as many as can fill the requirement (a maximum flow from groups
    to skills, so that an agent who alone can take a skill is not spent on another), then the
    rest, one by one, to the skill with the fewest agents per agent required. Where there are too
    few, one by one to the skill most short."""
    skills = sorted({k for ks, _ in multi for k in ks})
    n_g, n_k = len(multi), len(skills)
    pos = {k: j for j, k in enumerate(skills)}
    src, sink = 0, 1 + n_g + n_k
    rows, cols = [], []
    for gi, (ks, _arr) in enumerate(multi):
        rows.append(src)
        cols.append(1 + gi)
        for k in ks:
            rows.append(1 + gi)
            cols.append(1 + n_g + pos[k])
    for j in range(n_k):
        rows.append(1 + n_g + j)
        cols.append(sink)
    rows_a, cols_a = np.array(rows), np.array(cols)
    counts = np.rint(np.stack([arr for _, arr in multi])).astype(np.int64)  # (groups, slots)
    big = int(counts.sum(axis=0).max()) + 1 if counts.size else 1
    for i in np.flatnonzero(counts.sum(axis=0)):
        need = [max(0, int(np.ceil(req[k][i] - on_phone[k][i] - 1e-9))) for k in skills]
        # one by one to the skill most short (the biggest queues first): kept when it meets every
        # requirement or when too few agents could anyway (a flow would count a 1-agent queue
        # like a 20-agent one); otherwise the maximum flow below
        trial = {k: 0 for k in skills}
        for gi, (ks, _arr) in enumerate(multi):
            for _ in range(int(counts[gi, i])):
                k = max(ks, key=lambda x: req[x][i] - on_phone[x][i] - trial[x])
                trial[k] += 1
        if counts[:, i].sum() < sum(need) or all(trial[k] >= n for k, n in zip(skills, need, strict=True)):
            for k, n in trial.items():
                on_phone[k][i] += n
            continue
        caps = []
        for gi, (ks, _arr) in enumerate(multi):
            caps.append(int(counts[gi, i]))
            caps.extend([big] * len(ks))
        caps.extend(need)
        graph = csr_matrix((np.array(caps, dtype=np.int32), (rows_a, cols_a)), shape=(sink + 1, sink + 1))
        flow = maximum_flow(graph, src, sink).flow.tocsr()
        left = counts[:, i].copy()
        for gi, (ks, _arr) in enumerate(multi):
            for k in ks:
                f = int(flow[1 + gi, 1 + n_g + pos[k]])
                if f > 0:
                    on_phone[k][i] += f
                    left[gi] -= f
        for gi, (ks, _arr) in enumerate(multi):
            for _ in range(int(left[gi])):
                k = min(ks, key=lambda x: (on_phone[x][i] + 1.0) / max(req[x][i], 0.5))
                on_phone[k][i] += 1


def evaluate(problem: RotaProblem, shifts: list[Shift] | tuple[Shift, ...]) -> Evaluation:
    paid = sum(shift_paid_minutes(problem, s) for s in shifts) / 60.0
    return Evaluation(coverage(problem, shifts), round(paid, 4), tuple(check_rules(problem, shifts)))


def week_goal_violations(problem: RotaProblem, coverage: tuple[SkillCoverage, ...] | list[SkillCoverage]
                         ) -> list[Violation]:
    """The queues whose expected service level over the week stays below the rules' week goal
    (Rules.weekly_service_level, R-SCH-1.week_sl); soft."""
    goal = problem.rules.weekly_service_level
    if not goal:
        return []
    return [Violation("R-SCH-1", Message(N_("{skill}: the week's expected service level is {level:.1f} %, below the "
                                            "goal of {goal:.0f} %."), skill=c.skill,
                                         level=100 * c.weekly_service_level, goal=100 * goal), hard=False)
            for c in coverage if c.weekly_service_level is not None and c.weekly_service_level < goal - 1e-6]


def _runs_cyclic(days: set[int]) -> int:
    """Longest run of consecutive days in a cyclic week."""
    if len(days) == WEEK_DAYS:
        return WEEK_DAYS
    best = 0
    for start in range(WEEK_DAYS):
        if (start - 1) % WEEK_DAYS in days or start not in days:
            continue
        n = 0
        while (start + n) % WEEK_DAYS in days and n < WEEK_DAYS:
            n += 1
        best = max(best, n)
    return best


def check_rules(problem: RotaProblem, shifts: list[Shift] | tuple[Shift, ...]) -> list[Violation]:
    """Every hard rule checked on the shifts as they are (solver output or hand edits)."""
    rules = problem.rules
    out: list[Violation] = []
    by_agent: dict[int, list[Shift]] = defaultdict(list)
    for s in shifts:
        by_agent[s.agent_id].append(s)
    agents = {a.id: a for a in problem.agents}
    st = rules.standup
    for aid, mine in by_agent.items():
        a = agents.get(aid)
        if a is None:
            continue
        mine.sort(key=lambda s: s.start)
        # rest between shifts, cyclic across the week boundary (R-SCH-3)
        for i, s in enumerate(mine):
            nxt = mine[(i + 1) % len(mine)]
            nxt_start = nxt.start + (WEEK_SLOTS if i + 1 == len(mine) else 0)
            if len(mine) == 1 and nxt is s:
                break
            gap_h = (nxt_start - s.end) * SLOT_MIN / 60.0
            if gap_h < 0:
                out.append(Violation("overlap", Message(N_("{name}: shifts at {first} and {second} overlap."),
                                                        name=a.name, first=slot_range(s.start, s.end - 1),
                                                        second=slot_range(nxt.start, nxt.end - 1)),
                                     agent_ids=(aid,)))
            elif gap_h < rules.min_rest_hours - 1e-9:
                out.append(Violation("R-SCH-3", Message(
                    N_("{name}: only {hours:g} h rest between the shift at {shift} and the next at {next} "
                       "(minimum {minimum:g} h)."), name=a.name, hours=gap_h, shift=slot_range(s.start, s.end - 1),
                    next=slot_range(nxt.start, nxt.end - 1), minimum=rules.min_rest_hours),
                                     slots=((s.end % WEEK_SLOTS, nxt_start % WEEK_SLOTS),), agent_ids=(aid,)))
        # at least one full calendar day without work, and the days off together
        busy_days = set()
        for s in mine:
            for slot in range(s.start, s.end):
                busy_days.add((slot % WEEK_SLOTS) // DAY_SLOTS)
        if len(busy_days) >= WEEK_DAYS:
            out.append(Violation("R-SCH-3", Message(N_("{name} has no full day off this week."), name=a.name),
                                 agent_ids=(aid,)))
        work_days = {s.day for s in mine}
        if _runs_cyclic(work_days) > rules.max_consecutive_days:
            out.append(Violation("max-consecutive-days", Message(
                N_("{name} works {days} days in a row (at most {most})."), name=a.name, days=_runs_cyclic(work_days),
                most=rules.max_consecutive_days), agent_ids=(aid,)))
        # availability and approved time off
        mask = unavailable_mask(a)
        for s in mine:
            if mask[np.arange(s.start, s.end) % WEEK_SLOTS].any():
                what = N_("{name}'s shift at {shift} falls in approved time off.") \
                    if a.time_off and _hits(a.time_off, s) else N_("{name}'s shift at {shift} falls in unavailable time.")
                out.append(Violation("availability", Message(what, name=a.name, shift=slot_range(s.start, s.end - 1)),
                                     slots=((s.start, s.end - 1),), agent_ids=(aid,)))
        paid = sum(shift_paid_minutes(problem, s) for s in mine) / 60.0
        if paid > a.contract_hours + 1e-6:
            out.append(Violation("contract", Message(N_("{name} is rostered {paid:g} h, above the contract's "
                                                        "{contract:g} h."), name=a.name, paid=paid,
                                                     contract=a.contract_hours), agent_ids=(aid,)))
        if a.min_hours > 0 and paid < a.min_hours - 1e-6:
            out.append(Violation("contract", Message(N_("{name} is rostered {paid:g} h, below the contract's "
                                                        "{contract:g} h."), name=a.name, paid=paid,
                                                     contract=a.min_hours), agent_ids=(aid,), hard=False))
        # R-SCH-9: a new hire not cleared for solo works only while the mentor is on shift
        if a.mentor_id is not None and not a.cleared_for_solo:
            covered = np.zeros(WEEK_SLOTS, dtype=bool)
            for m in by_agent.get(a.mentor_id, []):
                covered[np.arange(m.start, m.end) % WEEK_SLOTS] = True
            for s in mine:
                if not covered[np.arange(s.start, s.end) % WEEK_SLOTS].all():
                    out.append(Violation("R-SCH-9", Message(N_("{name} (new hire) works {shift} without the mentor "
                                                               "on shift."), name=a.name,
                                                            shift=slot_range(s.start, s.end - 1)),
                                         slots=((s.start, s.end - 1),),
                                         agent_ids=(aid, a.mentor_id)))
        # R-SCH-6: the morning line attends the stand-up
        if st is not None:
            for s in mine:
                start_min = s.start_of_day * SLOT_MIN
                at = s.day * DAY_SLOTS + st.at_min // SLOT_MIN
                if (st.line_from_min <= start_min <= st.at_min and s.start <= at
                        and at + st.minutes // SLOT_MIN <= s.end
                        and not any(x.kind == "meeting" and x.start <= at < x.end for x in s.activities)):
                    out.append(Violation("R-SCH-6", Message(N_("{name}'s shift at {shift} misses the 08:30 stand-up."),
                                                            name=a.name, shift=slot_range(s.start, s.end - 1)),
                                         slots=((at, at),), agent_ids=(aid,), hard=False))
        # R-SCH-8: training hours scheduled
        if a.training_min > 0:
            got = sum(x.slots * SLOT_MIN for s in mine for x in s.activities if x.kind == "training")
            if got < a.training_min:
                out.append(Violation("R-SCH-8", Message(N_("{name} has {got} of {need} min training scheduled this "
                                                           "week."), name=a.name, got=got, need=a.training_min),
                                     agent_ids=(aid,), hard=False))
        # breaks inside their windows
        for s in mine:
            for x in s.activities:
                if x.start < s.start or x.end > s.end:
                    out.append(Violation("breaks", Message(N_("{name}: {kind} at {when} lies outside the shift."),
                                                           name=a.name, kind=activity_kind(x.kind),
                                                           when=slot_range(x.start, x.end - 1)), agent_ids=(aid,)))
    return out


def _hits(ranges, s: Shift) -> bool:
    slots = set((np.arange(s.start, s.end) % WEEK_SLOTS).tolist())
    return any(slots & set(range(a, b)) for a, b in ranges)


def tour_stats(shifts: list[Shift] | tuple[Shift, ...]) -> dict[str, float]:
    """Bench figures: share of scheduled agents with their days off together and one start time."""
    by_agent: dict[int, list[Shift]] = defaultdict(list)
    for s in shifts:
        by_agent[s.agent_id].append(s)
    together = stable = 0
    for mine in by_agent.values():
        days = {s.day for s in mine}
        off = set(range(WEEK_DAYS)) - days
        if off and _runs_cyclic(off) == len(off):
            together += 1
        if len({s.start_of_day for s in mine}) == 1:
            stable += 1
    n = max(1, len(by_agent))
    return {"agents": len(by_agent), "pct_days_off_together": 100.0 * together / n,
            "pct_stable_start": 100.0 * stable / n}
