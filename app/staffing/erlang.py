"""Erlang C and Erlang A staffing maths: pure functions, no database, stable for 10,000+ agents.

Erlang C (M/M/N): calls arrive at random (Poisson), handle times are exponential, nobody hangs up.
Per interval, with ``calls`` offered in ``interval_min`` minutes and an average handle time
``aht_sec``:

- offered load ``A = calls * aht_sec / (interval_min * 60)`` (Erlangs);
- probability of waiting ``P(W) = ErlangC(N, A)``;
- service level ``SL(t) = 1 - P(W) * exp(-(N - A) * t / aht_sec)``;
- average speed of answer ``ASA = P(W) * aht_sec / (N - A)``; occupancy ``A / N``.

Erlang B comes from the recurrence ``B(n) = A B(n-1) / (n + A B(n-1))`` (``B(0) = 1``), which
never forms a factorial or ``A ** N`` and so neither overflows nor loses precision at 10,000
agents; Erlang C follows as ``N B / (N - A + A B)``. ``N <= A`` is an unstable queue (it grows
without limit): ``P(W) = 1``, ``SL = 0``, ``ASA = inf`` — a result, not an exception.

Erlang A (M/M/N+M, Palm's queue) adds callers who hang up after an exponential patience with
mean ``patience_sec``. It is computed exactly from the birth-death chain in log space (the queue
part is a sum of terms ``prod y / (x + i)``, ``x = N mu / theta``, ``y = lambda / theta``);
waiting times use the negative-binomial form of the incomplete beta function. Its service level
is *answered within t seconds as a share of all offered calls* (callers who hang up count as
missed), its ASA the mean wait of answered calls, its occupancy the carried load per agent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

#: Service levels within this of the target count as meeting it (floating-point noise only).
SL_TOLERANCE = 1e-12
#: Erlang A sums at most this many queue states before it gives up (patience far too long).
MAX_QUEUE_TERMS = 2_000_000


class StaffingInputError(ValueError):
    """Bad input to a staffing calculation; ``param`` names the offending parameter."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param} {message}")
        self.param = param
        self.detail = message


class QueueTooLong(StaffingInputError):
    """Erlang A with so few agents and such patience that the queue would hold millions."""


@dataclass(frozen=True)
class IntervalStaffing:
    """One interval: its inputs, the agents on it, and what those agents achieve."""

    calls: float
    interval_min: float
    aht_sec: float
    target_sec: float
    agents: int
    load: float  # offered load, Erlangs
    p_wait: float  # probability that a call waits at all
    service_level: float  # share of offered calls answered within target_sec
    asa_sec: float  # average speed of answer (answered calls); inf when unstable
    occupancy: float  # share of agent time busy with calls
    p_abandon: float = 0.0  # Erlang A only: share of callers who hang up
    patience_sec: float | None = None  # Erlang A only: mean time to abandon

    @property
    def model(self) -> str:
        return "Erlang C" if self.patience_sec is None else "Erlang A"

    @property
    def stable(self) -> bool:
        """False when the queue grows without limit (Erlang C with agents <= load)."""
        return math.isfinite(self.asa_sec)


# --------------------------------------------------------------------------- validation

def _finite(param: str, value: float) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise StaffingInputError(param, f"must be a number, not {value!r}") from None
    if not math.isfinite(value):
        raise StaffingInputError(param, f"must be a finite number, not {value}")
    return value


def _non_negative(param: str, value: float) -> float:
    value = _finite(param, value)
    if value < 0:
        raise StaffingInputError(param, f"must not be negative (got {value:g})")
    return value


def _positive(param: str, value: float) -> float:
    value = _finite(param, value)
    if value <= 0:
        raise StaffingInputError(param, f"must be greater than 0 (got {value:g})")
    return value


def _fraction(param: str, value: float, *, allow_one: bool = False) -> float:
    value = _finite(param, value)
    if not (0 < value < 1 or (allow_one and value == 1)):
        upper = "1]" if allow_one else "1)"
        raise StaffingInputError(param, f"must be a fraction in (0, {upper}, e.g. 0.8 for 80 % (got {value:g})")
    return value


def _agents(param: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise StaffingInputError(param, f"must be a whole number of agents, not {value!r}")
    if value < 0:
        raise StaffingInputError(param, f"must not be negative (got {value})")
    return int(value)


def validate_targets(target_sl: float, max_occupancy: float | None = None) -> None:
    """Check a service-level target and an optional occupancy cap (both fractions)."""
    _fraction("target_sl", target_sl)
    if max_occupancy is not None:
        _fraction("max_occupancy", max_occupancy, allow_one=True)


def validate_shrinkage(shrinkage: float) -> float:
    shrinkage = _finite("shrinkage", shrinkage)
    if not 0 <= shrinkage < 1:
        raise StaffingInputError("shrinkage", f"must be in [0, 1), e.g. 0.3 for 30 % (got {shrinkage:g})")
    return shrinkage


# --------------------------------------------------------------------------- Erlang B / C

def offered_load(calls: float, interval_min: float, aht_sec: float) -> float:
    """Offered load in Erlangs: the agents that would be busy if calls never queued."""
    calls = _non_negative("calls", calls)
    interval_min = _positive("interval_min", interval_min)
    aht_sec = _positive("aht_sec", aht_sec)
    return calls * aht_sec / (interval_min * 60.0)


def erlang_b(agents: int, load: float) -> float:
    """Blocking probability of N agents offered ``load`` Erlangs (recurrence, no factorials)."""
    agents = _agents("agents", agents)
    load = _non_negative("load", load)
    b = 1.0
    for n in range(1, agents + 1):
        ab = load * b
        b = ab / (n + ab)
    return b


def _c_from_b(agents: int, load: float, b: float) -> float:
    if agents <= load:
        return 1.0
    return agents * b / (agents - load + load * b)


def erlang_c(agents: int, load: float) -> float:
    """Probability that a call waits (M/M/N); 1.0 when ``agents <= load`` (unstable)."""
    agents = _agents("agents", agents)
    load = _non_negative("load", load)
    if load == 0:
        return 0.0
    return _c_from_b(agents, load, erlang_b(agents, load))


def _erlang_c_result(calls: float, interval_min: float, aht_sec: float, target_sec: float,
                     agents: int, load: float, p_wait: float) -> IntervalStaffing:
    if load == 0:
        return IntervalStaffing(calls, interval_min, aht_sec, target_sec, agents, 0.0, 0.0, 1.0, 0.0, 0.0)
    if agents <= load:
        occupancy = 1.0 if agents else 0.0
        return IntervalStaffing(calls, interval_min, aht_sec, target_sec, agents, load, 1.0, 0.0, math.inf,
                                occupancy)
    slack = agents - load
    sl = 1.0 - p_wait * math.exp(-slack * target_sec / aht_sec)
    return IntervalStaffing(calls, interval_min, aht_sec, target_sec, agents, load, p_wait, sl,
                            p_wait * aht_sec / slack, load / agents)


# --------------------------------------------------------------------------- Erlang A

def _log_queue_terms(x: float, y: float) -> np.ndarray:
    """``log prod_{i=1..j} y / (x + i)`` for j = 0, 1, … until the terms are negligible."""
    peak_at = max(0.0, y - x)
    chunks: list[np.ndarray] = []
    start, offset, total, best = 1, 0.0, 0, 0.0
    size = 4096
    while True:
        i = np.arange(start, start + size, dtype=float)
        logs = offset + np.cumsum(math.log(y) - np.log(x + i))
        chunks.append(logs)
        total += size
        best = max(best, float(logs.max()))
        offset = float(logs[-1])
        start += size
        if start > peak_at and offset < best - 50.0:
            break
        if total > MAX_QUEUE_TERMS:
            raise QueueTooLong("patience_sec", "is too long for Erlang A with this few agents (millions "
                               "of callers would be waiting); add agents, or leave it out to use Erlang C")
        size = min(size * 2, 1 << 20)
    return np.concatenate([[0.0], *chunks])


def _erlang_a_result(calls: float, interval_min: float, aht_sec: float, target_sec: float,
                     agents: int, load: float, patience_sec: float) -> IntervalStaffing:
    def result(p_wait: float, sl: float, asa: float, occupancy: float, p_ab: float) -> IntervalStaffing:
        return IntervalStaffing(calls, interval_min, aht_sec, target_sec, agents, load, p_wait, sl, asa,
                                occupancy, p_ab, patience_sec)

    if load == 0:
        return result(0.0, 1.0, 0.0, 0.0, 0.0)
    if agents == 0:
        return result(1.0, 0.0, math.inf, 0.0, 1.0)
    theta = 1.0 / patience_sec
    x = agents / aht_sec / theta  # N mu / theta
    y = load / aht_sec / theta  # lambda / theta
    b = erlang_b(agents, load)
    if b == 0.0:  # below double precision: nobody waits
        return result(0.0, 1.0, 0.0, load / agents, 0.0)
    logs = _log_queue_terms(x, y)
    log_low = math.log1p(-b) - math.log(b)  # mass of states 0..N-1 relative to state N
    top = float(logs.max())
    log_s = top + math.log(float(np.exp(logs - top).sum()))
    log_z = float(np.logaddexp(log_low, log_s))
    q = np.exp(logs - log_z)  # P(arrival finds N + j in the system)
    p_wait = math.exp(log_s - log_z)
    p_now = math.exp(log_low - log_z)
    j = np.arange(len(logs), dtype=float)
    served = x / (x + j + 1.0)  # P(served | j waiting ahead)
    p_ab = float(np.dot(q, 1.0 - served))
    # Answered within t: the offered wait from position j is hypoexponential with rates
    # N mu + i theta; with the caller's own patience that gives served * NB(x + 1, u) tail.
    u = -math.expm1(-theta * target_sec)
    if u > 0.0:
        bb = x + 1.0
        k = np.arange(1, len(logs), dtype=float)
        log_t = bb * math.log1p(-u) + np.concatenate(
            [[0.0], np.cumsum(math.log(u) + np.log(k + bb - 1.0) - np.log(k))])
        tail = np.clip(1.0 - np.cumsum(np.exp(log_t)), 0.0, 1.0)
        sl = p_now + float(np.dot(q, served * tail))
    else:
        sl = p_now
    harmonic = np.cumsum(1.0 / (x + j + 1.0)) / theta  # mean wait to service from position j
    p_served = 1.0 - p_ab
    asa = float(np.dot(q, served * harmonic)) / p_served if p_served > 0 else math.inf
    return result(min(p_wait, 1.0), min(sl, 1.0), asa, min(load * p_served / agents, 1.0), p_ab)


# --------------------------------------------------------------------------- per interval

def interval_metrics(calls: float, interval_min: float, aht_sec: float, agents: int, target_sec: float,
                     patience_sec: float | None = None) -> IntervalStaffing:
    """What ``agents`` achieve on one interval (Erlang C, or Erlang A with ``patience_sec``)."""
    load = offered_load(calls, interval_min, aht_sec)
    agents = _agents("agents", agents)
    target_sec = _non_negative("target_sec", target_sec)
    calls, interval_min, aht_sec = float(calls), float(interval_min), float(aht_sec)
    if patience_sec is not None:
        patience_sec = _positive("patience_sec", patience_sec)
        return _erlang_a_result(calls, interval_min, aht_sec, target_sec, agents, load, patience_sec)
    p_wait = 0.0 if load == 0 else _c_from_b(agents, load, erlang_b(agents, load))
    return _erlang_c_result(calls, interval_min, aht_sec, target_sec, agents, load, p_wait)


def _occupancy_floor(load: float, max_occupancy: float | None) -> int:
    if max_occupancy is None:
        return 0
    return max(0, math.ceil(load / max_occupancy - 1e-9))


def agents_needed(calls: float, interval_min: float, aht_sec: float, target_sl: float, target_sec: float,
                  max_occupancy: float | None = None, patience_sec: float | None = None) -> int:
    """The smallest number of agents meeting the service level and the occupancy cap."""
    return staff_interval(calls, interval_min, aht_sec, target_sl, target_sec, max_occupancy,
                          patience_sec).agents


def staff_interval(calls: float, interval_min: float, aht_sec: float, target_sl: float, target_sec: float,
                   max_occupancy: float | None = None, patience_sec: float | None = None) -> IntervalStaffing:
    """:func:`agents_needed` with everything those agents achieve. Zero volume needs 0 agents."""
    load = offered_load(calls, interval_min, aht_sec)
    target_sl = _fraction("target_sl", target_sl)
    target_sec = _non_negative("target_sec", target_sec)
    if max_occupancy is not None:
        max_occupancy = _fraction("max_occupancy", max_occupancy, allow_one=True)
    if patience_sec is not None:
        patience_sec = _positive("patience_sec", patience_sec)
    calls, interval_min, aht_sec = float(calls), float(interval_min), float(aht_sec)
    if load == 0:
        return interval_metrics(calls, interval_min, aht_sec, 0, target_sec, patience_sec)
    floor_occ = _occupancy_floor(load, max_occupancy)
    if patience_sec is None:
        n = max(math.floor(load) + 1, floor_occ, 1)
        b = erlang_b(n - 1, load)
        while True:
            ab = load * b
            b = ab / (n + ab)
            res = _erlang_c_result(calls, interval_min, aht_sec, target_sec, n, load, _c_from_b(n, load, b))
            if res.service_level >= target_sl - SL_TOLERANCE:
                return res
            n += 1

    def ok(n: int) -> IntervalStaffing | None:
        try:
            res = _erlang_a_result(calls, interval_min, aht_sec, target_sec, n, load, patience_sec)
        except QueueTooLong:  # millions waiting: this many agents are nowhere near the target
            return None
        return res if res.service_level >= target_sl - SL_TOLERANCE else None

    # Erlang A's service level rises with agents: find a bracket, then bisect.
    lo = max(floor_occ, 1) - 1  # lo fails (or is below the occupancy floor)
    step = max(1, math.ceil(math.sqrt(load)))
    hi = max(floor_occ, 1)
    best = ok(hi)
    while best is None:
        lo, hi = hi, hi + step
        step *= 2
        best = ok(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        found = ok(mid) if mid >= max(floor_occ, 1) else None
        if found is None:
            lo = mid
        else:
            hi, best = mid, found
    return best


def after_shrinkage(agents: int, shrinkage: float) -> int:
    """Agents to schedule so that ``agents`` remain after shrinkage (breaks, training, absence)."""
    agents = _agents("agents", agents)
    shrinkage = validate_shrinkage(shrinkage)
    return math.ceil(agents / (1.0 - shrinkage) - 1e-9)


# --------------------------------------------------------------------------- a whole week

@dataclass(frozen=True)
class WeekStaffing:
    """Erlang C requirements for a run of intervals (numpy arrays, one entry per interval)."""

    load: np.ndarray
    agents: np.ndarray  # int64: agents needed on the phones
    scheduled: np.ndarray  # int64: agents after shrinkage
    p_wait: np.ndarray
    service_level: np.ndarray
    asa_sec: np.ndarray
    occupancy: np.ndarray
    p_abandon: np.ndarray  # zeros for Erlang C


def _week_array(param: str, values, size: int | None = None) -> np.ndarray:
    arr = np.asarray(values, dtype=float)
    if arr.ndim == 0 and size is not None:
        arr = np.full(size, float(arr))
    if arr.ndim != 1:
        raise StaffingInputError(param, "must be a one-dimensional sequence of numbers")
    if size is not None and len(arr) != size:
        raise StaffingInputError(param, f"has {len(arr)} values but volumes has {size}")
    bad = np.flatnonzero(~np.isfinite(arr))
    if bad.size:
        raise StaffingInputError(param, f"[{bad[0]}] is missing or not a finite number")
    return arr


def staff_week(volumes, aht, interval_min: float = 15.0, target_sl: float = 0.8, target_sec: float = 20.0,
               max_occupancy: float | None = None, shrinkage: float = 0.0,
               patience_sec: float | None = None) -> WeekStaffing:
    """Erlang C staffing for every interval at once (e.g. 672 quarter-hours), vectorised.

    ``aht`` is one number or one per interval. All intervals run the Erlang B recurrence
    together, each leaving the loop at its first agent count meeting the targets. With
    ``patience_sec`` it uses Erlang A, one interval at a time (slower: milliseconds each).
    """
    vol = _week_array("volumes", volumes)
    aht_arr = _week_array("aht", aht, len(vol))
    interval_min = _positive("interval_min", interval_min)
    target_sl = _fraction("target_sl", target_sl)
    target_sec = _non_negative("target_sec", target_sec)
    if max_occupancy is not None:
        max_occupancy = _fraction("max_occupancy", max_occupancy, allow_one=True)
    shrinkage = validate_shrinkage(shrinkage)
    neg = np.flatnonzero(vol < 0)
    if neg.size:
        raise StaffingInputError("volumes", f"[{neg[0]}] is negative ({vol[neg[0]]:g})")
    bad_aht = np.flatnonzero((vol > 0) & (aht_arr <= 0))
    if bad_aht.size:
        raise StaffingInputError("aht", f"[{bad_aht[0]}] must be greater than 0 where there are calls "
                                        f"(got {aht_arr[bad_aht[0]]:g})")
    size = len(vol)
    if patience_sec is not None:
        return _staff_week_erlang_a(vol, aht_arr, interval_min, target_sl, target_sec, max_occupancy, shrinkage,
                                    _positive("patience_sec", patience_sec))
    load = np.where(vol > 0, vol * np.maximum(aht_arr, 0.0) / (interval_min * 60.0), 0.0)
    agents = np.zeros(size, dtype=np.int64)
    p_wait = np.zeros(size)
    sl = np.ones(size)
    asa = np.zeros(size)
    occ = np.zeros(size)
    n_lo = np.floor(load).astype(np.int64) + 1
    if max_occupancy is not None:
        n_lo = np.maximum(n_lo, np.ceil(load / max_occupancy - 1e-9).astype(np.int64))
    idx = np.flatnonzero(load > 0)  # intervals still searching
    a = load[idx]
    h = aht_arr[idx]
    lo = n_lo[idx]
    b = np.ones(len(idx))
    n = 0
    while idx.size:
        n += 1
        ab = a * b
        b = ab / (n + ab)
        if n < lo.min():
            continue
        cand = lo <= n
        slack = n - a
        with np.errstate(divide="ignore", invalid="ignore"):  # only intervals below n_lo divide badly
            c = np.where(cand, n * b / (slack + a * b), 1.0)
        level = np.where(cand, 1.0 - c * np.exp(-np.where(cand, slack, 0.0) * target_sec / h), 0.0)
        hit = cand & (level >= target_sl - SL_TOLERANCE)
        if hit.any():
            where = idx[hit]
            agents[where] = n
            p_wait[where] = c[hit]
            sl[where] = level[hit]
            asa[where] = c[hit] * h[hit] / slack[hit]
            occ[where] = a[hit] / n
            keep = ~hit
            idx, a, h, lo, b = idx[keep], a[keep], h[keep], lo[keep], b[keep]
    return WeekStaffing(load, agents, _scheduled(agents, shrinkage), p_wait, sl, asa, occ, np.zeros(size))


def service_level_table(calls: np.ndarray, aht: np.ndarray, interval_min: float, target_sec: float,
                        first: np.ndarray, steps: int) -> np.ndarray:
    """(intervals, steps + 1): the Erlang C service level of every interval with first, first + 1,
    ... first + steps agents (the Erlang B recurrence run for all intervals at once, as in
    :func:`staff_week`); 1.0 where there are no calls, 0.0 with too few agents for the load."""
    load = calls * aht / (interval_min * 60.0)
    top = int(first.max()) + steps
    out = np.zeros((len(calls), steps + 1))
    b = np.ones(len(calls))
    for n in range(1, top + 1):
        ab = load * b
        b = ab / (n + ab)
        j = n - first
        hit = (j >= 0) & (j <= steps)
        if hit.any():
            with np.errstate(divide="ignore", invalid="ignore"):
                c = np.where(n > load, n * b / (n - load + load * b), 1.0)
                level = np.where(n > load, 1.0 - c * np.exp(-(n - load) * target_sec / aht), 0.0)
            rows = np.flatnonzero(hit)
            out[rows, j[rows]] = level[rows]
    out[load <= 0] = 1.0
    out[first == 0, 0] = np.where(load[first == 0] > 0, 0.0, 1.0)
    return np.clip(out, 0.0, 1.0)


def _scheduled(agents: np.ndarray, shrinkage: float) -> np.ndarray:
    if not shrinkage:
        return agents.copy()
    return np.ceil(agents / (1.0 - shrinkage) - 1e-9).astype(np.int64)


def _staff_week_erlang_a(vol: np.ndarray, aht: np.ndarray, interval_min: float, target_sl: float,
                         target_sec: float, max_occupancy: float | None, shrinkage: float,
                         patience_sec: float) -> WeekStaffing:
    rows = [staff_interval(c, interval_min, h if c > 0 else 1.0, target_sl, target_sec, max_occupancy,
                           patience_sec) for c, h in zip(vol.tolist(), aht.tolist(), strict=True)]
    agents = np.array([r.agents for r in rows], dtype=np.int64)

    def column(name: str) -> np.ndarray:
        return np.array([getattr(r, name) for r in rows], dtype=float)

    return WeekStaffing(column("load"), agents, _scheduled(agents, shrinkage), column("p_wait"),
                        column("service_level"), column("asa_sec"), column("occupancy"), column("p_abandon"))
