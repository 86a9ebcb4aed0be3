"""The rota engine's inputs and outputs: plain frozen dataclasses, no database, no Qt.

Time is counted in slots of 15 minutes from Monday 00:00 of the week (center-local): slot 0 is
Monday 00:00-00:15 and slot 671 Sunday 23:45-24:00. The week is treated as *cyclic*: a shift
starting Sunday 22:00 covers Sunday night and its last hours count for Monday 00:00-06:00 (the
same hours the previous week's Sunday night shift covered), and the rest rule R-SCH-3 is checked
across the week boundary the same way. A rota that repeats week after week is therefore legal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SLOT_MIN = 15
DAY_SLOTS = 24 * 60 // SLOT_MIN  # 96
WEEK_DAYS = 7
WEEK_SLOTS = WEEK_DAYS * DAY_SLOTS  # 672
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class RotaInputError(ValueError):
    """Bad input: ``item`` names the offending template, agent, requirement or interval."""

    def __init__(self, item: str, message: str) -> None:
        super().__init__(f"{item}: {message}")
        self.item = item
        self.detail = message


def slot_label(slot: int) -> str:
    """``Tue 09:15`` for a week slot (cyclic)."""
    slot %= WEEK_SLOTS
    minutes = (slot % DAY_SLOTS) * SLOT_MIN
    return f"{DAY_NAMES[slot // DAY_SLOTS]} {minutes // 60:02d}:{minutes % 60:02d}"


def range_label(first: int, last: int) -> str:
    """``Tue 09:15-10:00`` for the slots first..last inclusive (``Mon 22:00-Tue 06:00`` across days)."""
    end_min = ((last % DAY_SLOTS) + 1) * SLOT_MIN
    end = f"{end_min // 60:02d}:{end_min % 60:02d}"
    if (first % WEEK_SLOTS) // DAY_SLOTS != (last % WEEK_SLOTS) // DAY_SLOTS:
        end = f"{DAY_NAMES[(last % WEEK_SLOTS) // DAY_SLOTS]} {end}"
    return f"{slot_label(first)}-{end}"


# --------------------------------------------------------------------------- inputs

@dataclass(frozen=True)
class BreakRule:
    """A break or lunch inside a shift: its length and the window in which it may start,
    in minutes after the shift start (multiples of 15)."""

    kind: str  # "break" or "lunch"
    minutes: int
    earliest_min: int
    latest_min: int
    paid: bool = True


@dataclass(frozen=True)
class ShiftTemplate:
    """A shift shape: length, the window of start times (minutes after midnight, on the quarter
    hour; a start late in the evening makes an overnight shift) and its breaks."""

    name: str
    length_min: int
    earliest_start_min: int = 0
    latest_start_min: int = 24 * 60 - SLOT_MIN
    breaks: tuple[BreakRule, ...] = ()

    @property
    def slots(self) -> int:
        return self.length_min // SLOT_MIN

    @property
    def paid_min(self) -> int:
        return self.length_min - sum(b.minutes for b in self.breaks if not b.paid)

    def start_slots(self) -> list[int]:
        """Start times of the day as slots 0..95."""
        return list(range(self.earliest_start_min // SLOT_MIN, self.latest_start_min // SLOT_MIN + 1))


@dataclass(frozen=True)
class Agent:
    """Someone who can be rostered. ``unavailable`` holds week-slot ranges [start, end) of approved
    time off and declared unavailability; ``min_hours`` > 0 means the agent must get a week of
    shifts with at least that many paid hours (0: the agent may be left unscheduled)."""

    id: int
    name: str
    skills: frozenset[str]
    contract_hours: float = 40.0  # at most this many paid hours a week
    min_hours: float = 0.0
    templates: tuple[str, ...] | None = None  # shift templates the contract allows; None: any that fits
    unavailable: tuple[tuple[int, int], ...] = ()
    time_off: tuple[tuple[int, int], ...] = ()  # approved time off (also unavailable; named in messages)
    mentor_id: int | None = None  # R-SCH-9: works only on the mentor's shifts
    cleared_for_solo: bool = True  # a new hire not yet cleared does not count for coverage
    training_min: int = 0  # R-SCH-8: training to schedule inside this week's shifts
    preferred_start_min: int | None = None  # soft: preferred start time of day
    weekends_worked_recently: int = 0  # fairness: weekend days in the last weeks
    nights_worked_recently: int = 0  # fairness: night shifts in the last weeks
    days_off: int | None = None  # days off together a week when the contract differs from the rules'


@dataclass(frozen=True)
class Requirement:
    """Agents needed on the phones (or the skill's channel) per slot for one skill. With calls and
    AHT the result also reports the expected service level per slot (Erlang C)."""

    skill: str
    agents: tuple[int, ...]  # WEEK_SLOTS values
    calls: tuple[float, ...] | None = None
    aht_sec: tuple[float, ...] | None = None
    target_sl: float = 0.8
    target_sec: float = 20.0


@dataclass(frozen=True)
class Standup:
    """R-SCH-6: the daily stand-up. Agents of the morning line (shift starting between
    ``line_from_min`` and ``at_min``) attend; the night line keeps the phones (R-SCH-2)."""

    at_min: int = 8 * 60 + 30
    minutes: int = 15
    line_from_min: int = 6 * 60


@dataclass(frozen=True)
class Rules:
    min_rest_hours: float = 11.0  # R-SCH-3
    days_off: int = 2  # R-SCH-3: days off a week, taken together
    max_consecutive_days: int = 5
    one_start_time: bool = True  # the same start time every working day
    phone_skill: str | None = "phone"  # R-SCH-2: this skill is covered 24 x 7 ...
    min_phone_agents: int = 1  # ... by at least this many agents
    standup: Standup | None = field(default_factory=Standup)
    training_block_min: int = 60  # R-SCH-8: training is scheduled in blocks of this length
    night_start_min: int = 20 * 60  # shifts starting at or after this (or before 05:00) are nights
    under_weight: float = 1000.0  # per agent-slot short (soft, but dominant)
    over_weight: float = 0.01  # per agent-slot above the requirement
    preference_weight: float = 1.0  # per hour away from the preferred start
    fairness_weight: float = 1.0  # per weekend day / night given to someone who had many recently
    # each queue's service level over the week (calls-weighted, Erlang C) at least this, on top of
    # every interval's requirement: the buffer a center keeps above its interval target (None: none)
    weekly_service_level: float | None = None


@dataclass(frozen=True)
class Activity:
    kind: str  # break / lunch / meeting / training
    start: int  # week slot (may run past 671 for a Sunday night shift)
    slots: int

    @property
    def end(self) -> int:
        return self.start + self.slots


@dataclass(frozen=True)
class Shift:
    """One agent's shift: ``start`` is a week slot, the shift may end after 671 (cyclic)."""

    agent_id: int
    template: str
    start: int
    slots: int
    activities: tuple[Activity, ...] = ()
    locked: bool = False
    shadow: bool = False  # R-SCH-9: a new hire on the mentor's shift, not counted for coverage
    note: str | None = None

    @property
    def end(self) -> int:
        return self.start + self.slots

    @property
    def day(self) -> int:
        return self.start // DAY_SLOTS

    @property
    def start_of_day(self) -> int:
        return self.start % DAY_SLOTS


@dataclass(frozen=True)
class RotaProblem:
    week_start: date
    agents: tuple[Agent, ...]
    templates: tuple[ShiftTemplate, ...]
    requirements: tuple[Requirement, ...]
    rules: Rules = field(default_factory=Rules)
    locked: tuple[Shift, ...] = ()  # kept as they are; only the rest is optimised

    def template(self, name: str) -> ShiftTemplate:
        for t in self.templates:
            if t.name == name:
                return t
        raise RotaInputError(f"shift template {name!r}", "is not defined")


# --------------------------------------------------------------------------- outputs

@dataclass(frozen=True)
class Violation:
    """A rule the rota breaks (or could not meet): the rule ID, a message, and what it concerns."""

    rule: str  # e.g. R-SCH-2, R-SCH-3, coverage, contract, skills
    message: str
    slots: tuple[tuple[int, int], ...] = ()  # inclusive slot ranges
    agent_ids: tuple[int, ...] = ()
    hard: bool = True


@dataclass(frozen=True)
class SkillCoverage:
    skill: str
    required: tuple[int, ...]
    on_shift: tuple[int, ...]  # heads at work, breaks included
    on_phone: tuple[float, ...]  # after breaks, meetings and training (multi-skilled agents shared out)
    service_level: tuple[float, ...] | None  # expected SL per slot (Erlang C); None without calls
    weekly_service_level: float | None
    target_sl: float

    @property
    def pct_slots_covered(self) -> float:
        ok = sum(1 for r, c in zip(self.required, self.on_phone, strict=True) if c + 1e-9 >= r)
        return 100.0 * ok / len(self.required)

    @property
    def pct_slots_at_target(self) -> float | None:
        if self.service_level is None:
            return None
        ok = sum(1 for s in self.service_level if s >= self.target_sl - 1e-9)
        return 100.0 * ok / len(self.service_level)


@dataclass(frozen=True)
class RotaSolution:
    status: str  # optimal / feasible / cancelled / no_solution
    shifts: tuple[Shift, ...]
    coverage: tuple[SkillCoverage, ...]
    paid_hours: float
    lp_bound_hours: float  # paid hours of the linear relaxation of the same model (a lower bound)
    violations: tuple[Violation, ...]
    unscheduled: tuple[int, ...]  # agents left without shifts (spare capacity)
    seconds: float
    stats: dict = field(default_factory=dict)

    @property
    def gap(self) -> float:
        """Paid hours above the LP bound, as a fraction of the bound."""
        return (self.paid_hours - self.lp_bound_hours) / self.lp_bound_hours if self.lp_bound_hours > 0 else 0.0

    @property
    def feasible(self) -> bool:
        return not any(v.hard for v in self.violations)

    def shifts_of(self, agent_id: int) -> list[Shift]:
        return sorted((s for s in self.shifts if s.agent_id == agent_id), key=lambda s: s.start)
