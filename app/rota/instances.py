"""The public "Employee Shift Scheduling Benchmark" (Curtois & Qu, 2014): read an instance in its
text format, solve it with CP-SAT, and score a roster the way the benchmark does.

Hard constraints: one shift a day; shifts that cannot follow the previous day's shift; the most
shifts of each type per employee; total minutes between the minimum and the maximum; at most
MaxConsecutiveShifts working days in a row; runs of working days at least MinConsecutiveShifts and
runs of days off at least MinConsecutiveDaysOff long; at most MaxWeekends working weekends
(Saturday or Sunday worked; every instance starts on a Monday); no shift on a requested day off.
A run of working days or days off that touches the start or end of the horizon is not held to
the minimum (it continues outside the horizon). The objective sums the weights of shift-on
requests not granted, of shift-off requests not granted, and per day and shift type the
shortfall times the under-cover weight plus the excess times the over-cover weight.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from ortools.sat.python import cp_model

SECTIONS = ("SECTION_HORIZON", "SECTION_SHIFTS", "SECTION_STAFF", "SECTION_DAYS_OFF",
            "SECTION_SHIFT_ON_REQUESTS", "SECTION_SHIFT_OFF_REQUESTS", "SECTION_COVER")


class InstanceError(ValueError):
    """The file is not a valid instance; the message names the line."""


@dataclass(frozen=True)
class ShiftType:
    id: str
    minutes: int
    cannot_follow: frozenset[str]


@dataclass(frozen=True)
class Employee:
    id: str
    max_shifts: dict[str, int]
    max_minutes: int
    min_minutes: int
    max_consecutive: int
    min_consecutive: int
    min_days_off: int
    max_weekends: int


@dataclass(frozen=True)
class Request:
    employee: str
    day: int
    shift: str
    weight: int


@dataclass(frozen=True)
class Cover:
    day: int
    shift: str
    requirement: int
    under_weight: int
    over_weight: int


@dataclass(frozen=True)
class Instance:
    horizon: int
    shifts: tuple[ShiftType, ...]
    staff: tuple[Employee, ...]
    days_off: dict[str, frozenset[int]]
    on_requests: tuple[Request, ...]
    off_requests: tuple[Request, ...]
    cover: tuple[Cover, ...]


@dataclass(frozen=True)
class InstanceResult:
    status: str  # optimal / feasible / infeasible / unknown
    objective: int | None
    bound: float | None
    roster: dict[str, tuple[str | None, ...]]  # employee -> shift per day (None: off)
    violations: tuple[str, ...]  # hard constraints broken by the roster (empty when feasible)
    seconds: float
    breakdown: dict[str, int] = field(default_factory=dict)

    @property
    def feasible(self) -> bool:
        return self.objective is not None and not self.violations


def _int(text: str, where: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise InstanceError(f"{where}: {text.strip()!r} is not a whole number") from None


def parse(text: str) -> Instance:
    sections: dict[str, list[tuple[int, str]]] = {}
    current = None
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("SECTION_"):
            if line not in SECTIONS:
                raise InstanceError(f"line {no}: unknown section {line}")
            current = line
            sections[current] = []
            continue
        if current is None:
            raise InstanceError(f"line {no}: data before the first SECTION_ header")
        sections[current].append((no, line))
    missing = [s for s in SECTIONS if s not in sections]
    if missing:
        raise InstanceError(f"missing sections: {', '.join(missing)}")
    if len(sections["SECTION_HORIZON"]) != 1:
        raise InstanceError("SECTION_HORIZON must hold one number")
    no, line = sections["SECTION_HORIZON"][0]
    horizon = _int(line, f"line {no}")
    if horizon <= 0:
        raise InstanceError(f"line {no}: the horizon must be positive")
    shifts = []
    for no, line in sections["SECTION_SHIFTS"]:
        parts = [p.strip() for p in line.split(",")]
        if len(parts) < 2:
            raise InstanceError(f"line {no}: expected ShiftID, Length, CannotFollow")
        follow = frozenset(p for p in (parts[2] if len(parts) > 2 else "").split("|") if p)
        shifts.append(ShiftType(parts[0], _int(parts[1], f"line {no}"), follow))
    ids = {s.id for s in shifts}
    staff = []
    for no, line in sections["SECTION_STAFF"]:
        parts = [p.strip() for p in line.split(",")]
        if len(parts) != 8:
            raise InstanceError(f"line {no}: expected 8 fields for a staff line, got {len(parts)}")
        maxes = {}
        for term in filter(None, parts[1].split("|")):
            sid, _, n = term.partition("=")
            if sid not in ids:
                raise InstanceError(f"line {no}: unknown shift {sid!r}")
            maxes[sid] = _int(n, f"line {no}")
        staff.append(Employee(parts[0], maxes, *(_int(p, f"line {no}") for p in parts[2:])))
    people = {e.id for e in staff}
    days_off: dict[str, frozenset[int]] = {}
    for no, line in sections["SECTION_DAYS_OFF"]:
        parts = [p.strip() for p in line.split(",") if p.strip()]
        if parts[0] not in people:
            raise InstanceError(f"line {no}: unknown employee {parts[0]!r}")
        days_off[parts[0]] = frozenset(_int(p, f"line {no}") for p in parts[1:])

    def requests(name: str) -> tuple[Request, ...]:
        out = []
        for no, line in sections[name]:
            parts = [p.strip() for p in line.split(",")]
            if len(parts) != 4 or parts[0] not in people or parts[2] not in ids:
                raise InstanceError(f"line {no}: expected EmployeeID, Day, ShiftID, Weight with known IDs")
            out.append(Request(parts[0], _int(parts[1], f"line {no}"), parts[2], _int(parts[3], f"line {no}")))
        return tuple(out)

    cover = []
    for no, line in sections["SECTION_COVER"]:
        parts = [p.strip() for p in line.split(",")]
        if len(parts) != 5 or parts[1] not in ids:
            raise InstanceError(f"line {no}: expected Day, ShiftID, Requirement, Under weight, Over weight")
        cover.append(Cover(_int(parts[0], f"line {no}"), parts[1], *(_int(p, f"line {no}") for p in parts[2:])))
    return Instance(horizon, tuple(shifts), tuple(staff), days_off, requests("SECTION_SHIFT_ON_REQUESTS"),
                    requests("SECTION_SHIFT_OFF_REQUESTS"), tuple(cover))


def read_instance(path: str | Path) -> Instance:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InstanceError(f"{path}: {exc.strerror or exc}") from None
    return parse(text)


# --------------------------------------------------------------------------- scoring

def _runs(work: list[bool]) -> list[tuple[bool, int, int]]:
    """(working?, start, length) of each run of equal days."""
    out: list[tuple[bool, int, int]] = []
    for d, w in enumerate(work):
        if out and out[-1][0] == w:
            out[-1] = (w, out[-1][1], out[-1][2] + 1)
        else:
            out.append((w, d, 1))
    return out


def evaluate(inst: Instance, roster: dict[str, tuple[str | None, ...]]) -> tuple[int, dict[str, int], list[str]]:
    """The benchmark's objective of a roster, its parts, and the hard constraints it breaks."""
    minutes = {s.id: s.minutes for s in inst.shifts}
    follow = {s.id: s.cannot_follow for s in inst.shifts}
    bad: list[str] = []
    h = inst.horizon
    for e in inst.staff:
        row = roster.get(e.id, (None,) * h)
        if len(row) != h:
            bad.append(f"{e.id}: roster has {len(row)} days, horizon {h}")
            continue
        for d in range(h - 1):
            if row[d] and row[d + 1] and row[d + 1] in follow[row[d]]:
                bad.append(f"{e.id}: shift {row[d + 1]} on day {d + 1} cannot follow {row[d]}")
        for sid in minutes:
            n = sum(1 for x in row if x == sid)
            if n > e.max_shifts.get(sid, 0):
                bad.append(f"{e.id}: {n} shifts {sid}, at most {e.max_shifts.get(sid, 0)}")
        total = sum(minutes[x] for x in row if x)
        if not e.min_minutes <= total <= e.max_minutes:
            bad.append(f"{e.id}: {total} min worked, must be {e.min_minutes}-{e.max_minutes}")
        work = [x is not None for x in row]
        for w, start, length in _runs(work):
            inner = start > 0 and start + length < h
            if w and length > e.max_consecutive:
                bad.append(f"{e.id}: {length} shifts in a row from day {start}, at most {e.max_consecutive}")
            if w and inner and length < e.min_consecutive:
                bad.append(f"{e.id}: {length} shifts in a row from day {start}, at least {e.min_consecutive}")
            if not w and inner and length < e.min_days_off:
                bad.append(f"{e.id}: {length} days off in a row from day {start}, at least {e.min_days_off}")
        weekends = sum(1 for w in range(h // 7) if work[7 * w + 5] or work[7 * w + 6])
        if weekends > e.max_weekends:
            bad.append(f"{e.id}: {weekends} weekends worked, at most {e.max_weekends}")
        for d in inst.days_off.get(e.id, ()):
            if 0 <= d < h and work[d]:
                bad.append(f"{e.id}: works on day {d}, a day off")
    parts = {"shift_on_requests": 0, "shift_off_requests": 0, "cover_under": 0, "cover_over": 0}
    for r in inst.on_requests:
        if roster.get(r.employee, (None,) * h)[r.day] != r.shift:
            parts["shift_on_requests"] += r.weight
    for r in inst.off_requests:
        if roster.get(r.employee, (None,) * h)[r.day] == r.shift:
            parts["shift_off_requests"] += r.weight
    for c in inst.cover:
        n = sum(1 for e in inst.staff if roster.get(e.id, (None,) * h)[c.day] == c.shift)
        parts["cover_under"] += max(0, c.requirement - n) * c.under_weight
        parts["cover_over"] += max(0, n - c.requirement) * c.over_weight
    return sum(parts.values()), parts, bad


# --------------------------------------------------------------------------- solving

def solve_instance(inst: Instance, time_limit: float = 10.0, workers: int = 2) -> InstanceResult:
    started = time.perf_counter()
    m = cp_model.CpModel()
    h = inst.horizon
    sids = [s.id for s in inst.shifts]
    x = {(e.id, d, s): m.NewBoolVar("") for e in inst.staff for d in range(h) for s in sids}
    work = {}
    for e in inst.staff:
        for d in range(h):
            w = m.NewBoolVar("")
            m.Add(sum(x[(e.id, d, s)] for s in sids) == w)
            work[(e.id, d)] = w
        for st in inst.shifts:
            for d in range(h - 1):
                for nxt in st.cannot_follow:
                    if nxt in sids:
                        m.AddBoolOr([x[(e.id, d, st.id)].Not(), x[(e.id, d + 1, nxt)].Not()])
        for s in sids:
            m.Add(sum(x[(e.id, d, s)] for d in range(h)) <= e.max_shifts.get(s, 0))
        total = sum(x[(e.id, d, st.id)] * st.minutes for d in range(h) for st in inst.shifts)
        m.Add(total <= e.max_minutes)
        m.Add(total >= e.min_minutes)
        w = [work[(e.id, d)] for d in range(h)]
        for d in range(h - e.max_consecutive):
            m.Add(sum(w[d:d + e.max_consecutive + 1]) <= e.max_consecutive)
        # an inner run (between a day of the other kind on each side) must be long enough
        for length in range(1, e.min_consecutive):
            for d in range(1, h - length):
                m.AddBoolOr([w[d - 1], *(w[k].Not() for k in range(d, d + length)), w[d + length]])
        for length in range(1, e.min_days_off):
            for d in range(1, h - length):
                m.AddBoolOr([w[d - 1].Not(), *(w[k] for k in range(d, d + length)), w[d + length].Not()])
        weekends = []
        for k in range(h // 7):
            we = m.NewBoolVar("")
            m.AddMaxEquality(we, [w[7 * k + 5], w[7 * k + 6]])
            weekends.append(we)
        m.Add(sum(weekends) <= e.max_weekends)
        for d in inst.days_off.get(e.id, ()):
            if 0 <= d < h:
                m.Add(w[d] == 0)
    terms = []
    for r in inst.on_requests:
        terms.append(r.weight * (1 - x[(r.employee, r.day, r.shift)]))
    for r in inst.off_requests:
        terms.append(r.weight * x[(r.employee, r.day, r.shift)])
    for c in inst.cover:
        n = sum(x[(e.id, c.day, c.shift)] for e in inst.staff)
        under = m.NewIntVar(0, max(c.requirement, 0), "")
        over = m.NewIntVar(0, len(inst.staff), "")
        m.Add(n - c.requirement == over - under)
        terms.append(c.under_weight * under + c.over_weight * over)
    m.Minimize(sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    status = solver.Solve(m)
    seconds = time.perf_counter() - started
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        name = "infeasible" if status == cp_model.INFEASIBLE else "unknown"
        return InstanceResult(name, None, None, {}, ("no roster meets the hard constraints" if
                                                     name == "infeasible" else "no roster found in time",),
                              seconds)
    roster = {e.id: tuple(next((s for s in sids if solver.Value(x[(e.id, d, s)])), None) for d in range(h))
              for e in inst.staff}
    objective, parts, bad = evaluate(inst, roster)
    return InstanceResult("optimal" if status == cp_model.OPTIMAL else "feasible", objective,
                          solver.BestObjectiveBound(), roster, tuple(bad), seconds, parts)
