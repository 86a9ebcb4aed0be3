"""Weekly tours: one start time all week, the days off together, and which agent may work which.

A tour is (template, start slot of the day, first day off). With ``days_off`` consecutive days
off in the cyclic week the agent works the other days at the same time, so the rest between
shifts is 24 h minus the shift length (R-SCH-3 holds for any shift up to 13 h with 11 h rest) and
the working days in a row are 7 - days_off.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.rota.model import (
    DAY_SLOTS,
    SLOT_MIN,
    WEEK_DAYS,
    WEEK_SLOTS,
    Agent,
    Rules,
    Shift,
    ShiftTemplate,
)


@dataclass(frozen=True)
class Tour:
    template: int  # index into the problem's templates
    start: int  # slot of the day, 0..95
    off_start: int  # first day off, 0 = Monday
    days: tuple[int, ...]  # working days


def working_days(off_start: int, rules: Rules) -> tuple[int, ...]:
    off = {(off_start + k) % WEEK_DAYS for k in range(rules.days_off)}
    return tuple(d for d in range(WEEK_DAYS) if d not in off)


def unavailable_mask(agent: Agent) -> np.ndarray:
    """Bool per week slot: the agent cannot work then (time off, unavailability); cyclic."""
    mask = np.zeros(WEEK_SLOTS, dtype=bool)
    for start, end in (*agent.unavailable, *agent.time_off):
        if end <= start:
            continue
        idx = np.arange(start, end) % WEEK_SLOTS
        mask[idx] = True
    return mask


def day_ok(mask: np.ndarray, template: ShiftTemplate) -> np.ndarray:
    """(7, 96) bool: a shift of ``template`` starting that day at that slot avoids the mask."""
    doubled = np.concatenate([mask, mask]).astype(np.int32)
    csum = np.concatenate([[0], np.cumsum(doubled)])
    starts = np.arange(WEEK_SLOTS)
    busy = csum[starts + template.slots] - csum[starts]
    ok = (busy == 0).reshape(WEEK_DAYS, DAY_SLOTS)
    allowed = np.zeros(DAY_SLOTS, dtype=bool)
    allowed[template.start_slots()] = True
    return ok & allowed[None, :]


def template_fits(agent: Agent, template: ShiftTemplate, rules: Rules) -> bool:
    if agent.templates is not None and template.name not in agent.templates:
        return False
    hours = (WEEK_DAYS - rules.days_off) * template.paid_min / 60.0
    if hours > agent.contract_hours + 1e-6:
        return False
    return not (agent.min_hours > 0 and hours < agent.min_hours - 1e-6)


def tour_ok(agent: Agent, templates: tuple[ShiftTemplate, ...], rules: Rules,
            mask: np.ndarray | None = None) -> np.ndarray:
    """(templates, 7 off starts, 96 starts) bool: the tours this agent may work."""
    mask = unavailable_mask(agent) if mask is None else mask
    out = np.zeros((len(templates), WEEK_DAYS, DAY_SLOTS), dtype=bool)
    for t, template in enumerate(templates):
        if not template_fits(agent, template, rules):
            continue
        ok = day_ok(mask, template)
        for o in range(WEEK_DAYS):
            out[t, o] = np.all(ok[list(working_days(o, rules))], axis=0)
    return out


def restrict_to_locks(ok: np.ndarray, locks: list[Shift], templates: tuple[ShiftTemplate, ...],
                      rules: Rules) -> np.ndarray | None:
    """Tours consistent with an agent's locked shifts, or None when no tour contains them all."""
    names = {locks[0].template}
    starts = {s.start_of_day for s in locks}
    if len(names) != 1 or len(starts) != 1:
        return None
    t = next((i for i, tp in enumerate(templates) if tp.name == locks[0].template), None)
    if t is None or any(s.slots != templates[t].slots for s in locks):
        return None
    start = starts.pop()
    days = {s.day for s in locks}
    out = np.zeros_like(ok)
    for o in range(WEEK_DAYS):
        if days <= set(working_days(o, rules)):
            out[t, o, start] = ok[t, o, start] or True  # locked shifts stand even over time off
    return out if out.any() else None


def is_night(start_of_day_slot: int, rules: Rules) -> bool:
    minute = start_of_day_slot * SLOT_MIN
    return minute >= rules.night_start_min or minute < 5 * 60


def weekend_days(days: tuple[int, ...]) -> int:
    return sum(1 for d in days if d >= 5)
