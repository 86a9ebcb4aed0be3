"""Generated centers for the benchmark and the tests: a week of calls with two daily peaks and quiet
nights, Erlang C requirements, 8 h and 4 h shifts on the quarter hour (overnight allowed), and a
pool of full- and part-time agents with some time off, new hires with mentors, training and
preferred start times.
"""

from __future__ import annotations

import random
from datetime import date

import numpy as np

from app.rota.model import (
    DAY_SLOTS,
    WEEK_SLOTS,
    Agent,
    BreakRule,
    Requirement,
    RotaProblem,
    Rules,
    ShiftTemplate,
)
from app.staffing.erlang import staff_week

AHT_SEC = 300.0
TARGET_SL = 0.8
TARGET_SEC = 20.0
FULL_TIME = ShiftTemplate("8h", 480, breaks=(
    BreakRule("break", 15, 90, 150), BreakRule("lunch", 30, 210, 300, paid=False), BreakRule("break", 15, 330, 390)))
PART_TIME = ShiftTemplate("4h", 240, breaks=(BreakRule("break", 15, 90, 150),))
FULL_TIME_HOURS = 5 * FULL_TIME.paid_min / 60.0  # 37.5
PART_TIME_HOURS = 5 * PART_TIME.paid_min / 60.0  # 20
ON_PHONE_SLOTS = {FULL_TIME.name: 5 * 28, PART_TIME.name: 5 * 15}  # a week's on-phone quarter hours


def call_shape(seed: int) -> np.ndarray:
    """Relative calls per slot: peaks at 10:30 and 15:30, quieter weekends, a thin night."""
    rng = np.random.default_rng(seed)
    hour = (np.arange(WEEK_SLOTS) % DAY_SLOTS) / 4.0
    day = np.arange(WEEK_SLOTS) // DAY_SLOTS
    shape = 0.04 + np.exp(-((hour - 10.5) ** 2) / 6.0) + 0.8 * np.exp(-((hour - 15.5) ** 2) / 7.0)
    shape *= np.where(day < 5, 1.0, 0.6)
    return shape * rng.uniform(0.93, 1.07, WEEK_SLOTS)


def requirement_for(calls: np.ndarray, skill: str = "phone") -> Requirement:
    week = staff_week(calls, AHT_SEC, 15.0, TARGET_SL, TARGET_SEC)
    return Requirement(skill, tuple(int(x) for x in week.agents), tuple(float(c) for c in calls),
                       (AHT_SEC,) * WEEK_SLOTS, TARGET_SL, TARGET_SEC)


def generate_center(fte: int, seed: int = 7, week_start: date = date(2026, 11, 23), load: float = 0.72,
                    extras: bool = True, rules: Rules | None = None) -> RotaProblem:
    """A center of about ``fte`` full-time equivalents whose requirement needs about ``load`` of them."""
    rnd = random.Random(seed)
    n_full = round(fte * 0.8)
    n_part = round(fte * 0.4)
    capacity = n_full * ON_PHONE_SLOTS["8h"] + n_part * ON_PHONE_SLOTS["4h"]
    shape = call_shape(seed)
    lo, hi = 0.0, 400.0 * fte / 50.0
    for _ in range(18):  # scale the calls until the requirement uses ``load`` of the on-phone capacity
        mid = (lo + hi) / 2
        need = staff_week(np.round(shape * mid), AHT_SEC, 15.0, TARGET_SL, TARGET_SEC).agents.sum()
        lo, hi = (mid, hi) if need < load * capacity else (lo, mid)
    calls = np.round(shape * lo)
    agents = []
    for i in range(n_full + n_part):
        full = i < n_full
        agents.append(Agent(
            id=i + 1, name=f"Agent {i + 1:04d}", skills=frozenset({"phone"}),
            contract_hours=FULL_TIME_HOURS if full else PART_TIME_HOURS,
            templates=("8h",) if full else ("4h",)))
    if extras:
        agents = _extras(agents, rnd)
    return RotaProblem(week_start, tuple(agents), (FULL_TIME, PART_TIME), (requirement_for(calls),), rules or Rules())


def _extras(agents: list[Agent], rnd: random.Random) -> list[Agent]:
    """Time off (3 %), preferred starts (20 %), training (10 %), new hires with mentors (1 %)."""
    from dataclasses import replace

    out = []
    n = len(agents)
    for a in agents:
        r = rnd.random()
        if r < 0.03:
            d = rnd.randrange(7)
            a = replace(a, time_off=((d * DAY_SLOTS, (d + 1) * DAY_SLOTS),))
        elif r < 0.23:
            a = replace(a, preferred_start_min=rnd.choice((7, 8, 9, 10, 12)) * 60)
        if rnd.random() < 0.10 and a.templates == ("8h",):
            a = replace(a, training_min=60)
        a = replace(a, weekends_worked_recently=rnd.randrange(5), nights_worked_recently=rnd.randrange(3))
        out.append(a)
    hires = max(1, n // 100)
    for k in range(hires):
        idx = n - 1 - k
        mentor = out[k * 3]
        out[idx] = replace(out[idx], mentor_id=mentor.id, cleared_for_solo=False, templates=mentor.templates,
                           contract_hours=mentor.contract_hours, name=f"New hire {k + 1}")
    return out
