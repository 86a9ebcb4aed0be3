"""The ``staffing`` benchmark: a week of 672 quarter-hours, and one 10,000-agent interval.

The baseline, measured in the same run on the same week, is the textbook way: a loop over the
intervals, each trying N = A+1, A+2, … with the factorial formula for Erlang C
(``A**N / N!``), which only works while ``A**N`` and N! fit in a float — the bench week peaks
at about 60 Erlangs so that the baseline can finish.
"""

from __future__ import annotations

import math
import time

import numpy as np

from app.bench.registry import BenchOptions, BenchResult, Measurement, benchmark, repeat_of
from app.staffing.erlang import staff_interval, staff_week

INTERVALS = 672  # 7 days x 96 quarter-hours
AHT_SEC = 300.0
TARGET_SL = 0.8
TARGET_SEC = 20.0
MAX_OCCUPANCY = 0.9
SHRINKAGE = 0.3
BIG_CALLS = 29_400  # 9,800 Erlangs in 15 minutes at 300 s: about 10,000 agents
PATIENCE_SEC = 120.0


def bench_week(seed: int = 2026) -> tuple[np.ndarray, np.ndarray]:
    """A plausible week: two daily peaks, quieter weekend, empty small hours, some noise."""
    rng = np.random.default_rng(seed)
    hour = (np.arange(INTERVALS) % 96) / 4.0
    day = np.arange(INTERVALS) // 96
    shape = np.exp(-((hour - 10.5) ** 2) / 4.0) + 0.8 * np.exp(-((hour - 15.5) ** 2) / 5.0)
    weekday = np.where(day < 5, 1.0, 0.55)
    volumes = np.round(180.0 * shape * weekday * rng.uniform(0.9, 1.1, INTERVALS))
    volumes[(hour < 6) & (rng.random(INTERVALS) < 0.5)] = 0.0
    aht = AHT_SEC * rng.uniform(0.9, 1.1, INTERVALS)
    return volumes, aht


def textbook_erlang_c(n: int, a: float) -> float:
    """Erlang C straight from the printed formula, with factorials (the baseline)."""
    top = a ** n / math.factorial(n) * n / (n - a)
    return top / (sum(a ** k / math.factorial(k) for k in range(n)) + top)


def textbook_week(volumes: np.ndarray, aht: np.ndarray, interval_min: float = 15.0) -> list[int]:
    agents = []
    for calls, h in zip(volumes.tolist(), aht.tolist(), strict=True):
        a = calls * h / (interval_min * 60.0)
        if a == 0:
            agents.append(0)
            continue
        n = max(math.floor(a) + 1, math.ceil(a / MAX_OCCUPANCY - 1e-9))
        while 1.0 - textbook_erlang_c(n, a) * math.exp(-(n - a) * TARGET_SEC / h) < TARGET_SL - 1e-12:
            n += 1
        agents.append(n)
    return agents


def _timed(fn, runs: int) -> tuple[list[float], object]:
    """Milliseconds per run, and the last result."""
    samples, out = [], None
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        samples.append((time.perf_counter() - start) * 1000.0)
    return samples, out


@benchmark("staffing", f"Erlang C staffing for a week of {INTERVALS} quarter-hours (vs the textbook factorial "
           "loop) and one 10,000-agent interval (Erlang C and Erlang A)", default_repeat=21)
def staffing(options: BenchOptions) -> BenchResult:
    runs = repeat_of(options, "staffing")
    volumes, aht = bench_week()
    options.say(f"week of {INTERVALS} intervals, {runs} runs…")
    week_s, week = _timed(lambda: staff_week(volumes, aht, 15.0, TARGET_SL, TARGET_SEC, MAX_OCCUPANCY,
                                             SHRINKAGE), runs)
    base_runs = max(1, min(runs, 3))
    base_s, base = _timed(lambda: textbook_week(volumes, aht), base_runs)
    agree = bool(np.array_equal(week.agents, np.asarray(base)))
    loop_s, loop = _timed(lambda: [staff_interval(c, 15.0, h, TARGET_SL, TARGET_SEC, MAX_OCCUPANCY).agents
                                   for c, h in zip(volumes.tolist(), aht.tolist(), strict=True)], base_runs)
    agree = agree and loop == week.agents.tolist()
    options.say("10,000-agent interval…")
    big_s, big = _timed(lambda: staff_interval(BIG_CALLS, 15.0, AHT_SEC, TARGET_SL, TARGET_SEC), runs)
    big_a_s, big_a = _timed(lambda: staff_interval(BIG_CALLS, 15.0, AHT_SEC, TARGET_SL, TARGET_SEC,
                                                   patience_sec=PATIENCE_SEC), max(1, runs // 3))
    finite = all(math.isfinite(v) for r in (big, big_a)
                 for v in (r.p_wait, r.service_level, r.asa_sec, r.occupancy, r.p_abandon))
    return BenchResult("staffing", (
        Measurement("week_672_intervals", tuple(week_s), "ms", baseline="week_textbook_loop", target=50.0,
                    note=f"numpy, all intervals in one recurrence; {int(week.agents.max())} agents at the peak"),
        Measurement("week_scalar_loop", tuple(loop_s), "ms", baseline="week_textbook_loop",
                    note="staff_interval() once per interval (the same recurrence, no numpy)"),
        Measurement("week_textbook_loop", tuple(base_s), "ms",
                    note="per-interval loop with the factorial formula; same answers: " + ("yes" if agree else "NO")),
        Measurement("interval_10000_agents_erlang_c", tuple(big_s), "ms",
                    note=f"{BIG_CALLS} calls/15 min, AHT {AHT_SEC:g} s: {big.agents} agents, "
                         f"SL {big.service_level:.4f}, ASA {big.asa_sec:.2f} s"),
        Measurement("interval_10000_agents_erlang_a", tuple(big_a_s), "ms",
                    note=f"patience {PATIENCE_SEC:g} s: {big_a.agents} agents, SL {big_a.service_level:.4f}, "
                         f"abandon {big_a.p_abandon:.4f}"),
    ), info={
        "week agents (sum of intervals)": int(week.agents.sum()),
        "week agents after 30 % shrinkage": int(week.scheduled.sum()),
        "week agrees with the textbook loop and the scalar loop": agree,
        "10,000-agent results finite": finite,
    })
