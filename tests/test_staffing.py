"""Staffing maths (Erlang C, Erlang A), the `floorwalker staffing` command and the `staffing` bench.

Reference values come from an independent exact implementation below (rational arithmetic,
exact factorials) or from a discrete-event simulation, never from the code under test.
"""

from __future__ import annotations

import heapq
import json
import math
import random
from fractions import Fraction

import numpy as np
import pytest

from app.cli import main
from app.staffing.erlang import (
    StaffingInputError,
    after_shrinkage,
    agents_needed,
    erlang_b,
    erlang_c,
    interval_metrics,
    offered_load,
    staff_interval,
    staff_week,
)

# --------------------------------------------------------------------------- exact reference


def exact_erlang_c(n: int, a: Fraction) -> Fraction:
    """The printed textbook formula in exact rational arithmetic."""
    top = a ** n / math.factorial(n) * Fraction(n) / (n - a)
    return top / (sum(a ** k / math.factorial(k) for k in range(n)) + top)


def exact_erlang_b(n: int, a: Fraction) -> Fraction:
    top = a ** n / math.factorial(n)
    return top / sum(a ** k / math.factorial(k) for k in range(n + 1))


CASES = [  # (calls, interval minutes, AHT seconds)
    (100, 30, 180),  # 10 Erlangs
    (360, 60, 240),  # 24 Erlangs
    (360, 30, 240),  # 48 Erlangs
    (7, 15, 45),  # 0.35 Erlangs
    (1234, 15, 333),  # 456.5... Erlangs
]


@pytest.mark.parametrize(("calls", "minutes", "aht"), CASES)
def test_erlang_c_matches_the_exact_rational_formula_to_1e_9(calls: int, minutes: int, aht: int) -> None:
    a = Fraction(calls * aht, minutes * 60)
    assert offered_load(calls, minutes, aht) == pytest.approx(float(a), rel=1e-15)
    start = math.floor(a) + 1
    for n in range(start, start + 12):
        want = exact_erlang_c(n, a)
        got = interval_metrics(calls, minutes, aht, n, 20)
        assert got.p_wait == pytest.approx(float(want), abs=1e-9, rel=1e-9)
        assert erlang_b(n, float(a)) == pytest.approx(float(exact_erlang_b(n, a)), abs=1e-12, rel=1e-9)
        slack = float(n - a)
        assert got.service_level == pytest.approx(1 - float(want) * math.exp(-slack * 20 / aht), abs=1e-9)
        assert got.asa_sec == pytest.approx(float(want * aht / (n - a)), abs=1e-9, rel=1e-9)
        assert got.occupancy == pytest.approx(float(a / n), abs=1e-12)


def test_call_centre_helper_worked_example_to_its_printed_precision() -> None:
    # 100 calls in 30 minutes, AHT 3 minutes: 10 Erlangs; 80 % in 20 s; 85 % occupancy; 30 % shrinkage.
    printed = {11: (0.6821, 0.3896), 12: (0.4494, 0.6402), 13: (0.2853, 0.7956), 14: (0.1741, 0.8884)}
    for n, (p_wait, sl) in printed.items():
        res = interval_metrics(100, 30, 180, n, 20)
        assert round(res.p_wait, 4) == p_wait
        assert round(res.service_level, 4) == sl
    res = staff_interval(100, 30, 180, 0.8, 20, max_occupancy=0.85)
    assert res.agents == 14  # 13 agents reach only 79.56 %
    assert round(res.asa_sec, 1) == 7.8
    assert round(res.occupancy, 4) == 0.7143
    assert after_shrinkage(res.agents, 0.3) == 20


def test_westbay_style_example_360_calls_per_half_hour_55_agents() -> None:
    # 360 calls per half hour, 4-minute calls, 55 agents, 15 s target: A = 48, occupancy 87.3 %.
    res = interval_metrics(360, 30, 240, 55, 15)
    assert res.load == 48
    assert round(res.occupancy, 3) == 0.873
    want = exact_erlang_c(55, Fraction(48))
    assert res.p_wait == pytest.approx(float(want), abs=1e-12)
    assert round(res.p_wait, 3) == 0.239


def test_erlang_c_of_ten_erlangs_is_the_classic_table_row() -> None:
    assert [round(erlang_c(n, 10.0), 4) for n in (11, 12, 13, 14)] == [0.6821, 0.4494, 0.2853, 0.1741]


def exact_sl(k: int, a: Fraction, aht: float, target: float) -> float:
    return 1 - float(exact_erlang_c(k, a)) * math.exp(-float(k - a) * target / aht)


@pytest.mark.parametrize(("calls", "minutes", "aht"), CASES)
def test_agents_needed_is_the_smallest_n_meeting_the_target(calls: int, minutes: int, aht: int) -> None:
    n = agents_needed(calls, minutes, aht, 0.8, 20)
    a = Fraction(calls * aht, minutes * 60)
    assert exact_sl(n, a, aht, 20) >= 0.8
    assert n - 1 <= a or exact_sl(n - 1, a, aht, 20) < 0.8


# --------------------------------------------------------------------------- edge cases


def test_zero_volume_needs_zero_agents_and_is_not_an_error() -> None:
    res = staff_interval(0, 15, 300, 0.8, 20, max_occupancy=0.85)
    assert (res.agents, res.p_wait, res.service_level, res.asa_sec, res.occupancy) == (0, 0.0, 1.0, 0.0, 0.0)
    assert agents_needed(0, 15, 300, 0.9, 10, patience_sec=60) == 0
    assert after_shrinkage(0, 0.3) == 0


def test_unstable_queue_is_a_result_not_an_exception() -> None:
    for n in (0, 5, 10):  # 10 Erlangs
        res = interval_metrics(100, 30, 180, n, 20)
        assert res.p_wait == 1.0 and res.service_level == 0.0
        assert res.asa_sec == math.inf and not res.stable


def test_occupancy_cap_raises_the_requirement() -> None:
    # 100 Erlangs: the service level alone needs about 107 agents; 85 % occupancy needs 118.
    free = staff_interval(400, 15, 225, 0.8, 20)
    capped = staff_interval(400, 15, 225, 0.8, 20, max_occupancy=0.85)
    assert free.load == 100 and free.occupancy > 0.85
    assert capped.agents == 118 and capped.occupancy <= 0.85
    assert 100 / (capped.agents - 1) > 0.85
    exact_cap = staff_interval(400, 15, 225, 0.8, 20, max_occupancy=0.8)  # 100 / 0.8 = 125 exactly
    assert exact_cap.agents == 125


def test_shrinkage_rounds_up_and_rejects_100_percent() -> None:
    assert after_shrinkage(13, 0.3) == 19  # 18.57
    assert after_shrinkage(14, 0.3) == 20  # 20.000000000000004 in floating point
    assert after_shrinkage(14, 0.0) == 14
    with pytest.raises(ValueError, match="shrinkage"):
        after_shrinkage(14, 1.0)
    with pytest.raises(ValueError, match="shrinkage"):
        after_shrinkage(14, -0.1)


@pytest.mark.parametrize(("kwargs", "param"), [
    ({"calls": -1}, "calls"),
    ({"calls": float("nan")}, "calls"),
    ({"aht_sec": 0}, "aht_sec"),
    ({"aht_sec": -5}, "aht_sec"),
    ({"interval_min": 0}, "interval_min"),
    ({"target_sl": 0}, "target_sl"),
    ({"target_sl": 1}, "target_sl"),
    ({"target_sl": 80}, "target_sl"),
    ({"target_sec": -1}, "target_sec"),
    ({"max_occupancy": 0}, "max_occupancy"),
    ({"max_occupancy": 1.2}, "max_occupancy"),
    ({"patience_sec": 0}, "patience_sec"),
])
def test_bad_input_names_the_parameter(kwargs: dict, param: str) -> None:
    args = {"calls": 100, "interval_min": 30, "aht_sec": 180, "target_sl": 0.8, "target_sec": 20} | kwargs
    with pytest.raises(StaffingInputError, match=f"^{param} ") as info:
        agents_needed(**args)
    assert info.value.param == param


# --------------------------------------------------------------------------- stability at scale


def test_stable_and_monotone_at_ten_thousand_agents_and_beyond() -> None:
    load = 9800.0  # 29,400 calls in 15 minutes at 300 s
    previous = None
    for n in range(9801, 10101, 7):
        res = interval_metrics(29_400, 15, 300, n, 20)
        values = (res.p_wait, res.service_level, res.asa_sec, res.occupancy)
        assert all(math.isfinite(v) for v in values)
        assert 0 <= res.p_wait <= 1 and 0 <= res.service_level <= 1
        if previous is not None:
            assert res.p_wait < previous.p_wait and res.service_level > previous.service_level
            assert res.asa_sec < previous.asa_sec and res.occupancy < previous.occupancy
        previous = res
    needed = staff_interval(29_400, 15, 300, 0.8, 20)
    assert needed.load == load and 9800 < needed.agents < 10_000
    huge = staff_interval(150_000, 15, 300, 0.9, 10)  # 50,000 Erlangs
    assert math.isfinite(huge.asa_sec) and huge.service_level >= 0.9
    assert 0.0 <= erlang_c(60_000, 50_000.0) < 1e-300  # far below double precision, not NaN


def test_erlang_b_recurrence_agrees_with_exact_at_large_n() -> None:
    a = Fraction(300)
    for n in (300, 320, 350):
        assert erlang_b(n, 300.0) == pytest.approx(float(exact_erlang_b(n, a)), rel=1e-10)


# --------------------------------------------------------------------------- Erlang A


def simulate_mmn_m(lam: float, aht: float, patience: float, agents: int, target: float,
                   count: int, seed: int = 7) -> tuple[float, float, float, float]:
    """FCFS M/M/N+M: P(wait), P(abandon), answered within target / offered, mean wait of answered."""
    rng = random.Random(seed)
    free = [0.0] * agents  # when each agent next becomes free (served callers only)
    now = 0.0
    waited = abandoned = within = answered = 0
    answered_wait = 0.0
    for _ in range(count):
        now += rng.expovariate(lam)
        patience_left = rng.expovariate(1 / patience)
        wait = max(0.0, free[0] - now)
        waited += wait > 0
        if wait <= patience_left:
            answered += 1
            answered_wait += wait
            within += wait <= target
            heapq.heapreplace(free, now + wait + rng.expovariate(1 / aht))
        else:
            abandoned += 1
    return waited / count, abandoned / count, within / count, answered_wait / answered


@pytest.mark.parametrize(("calls", "agents", "patience"), [(100, 10, 120), (100, 12, 60), (100, 8, 200)])
def test_erlang_a_matches_a_simulation(calls: int, agents: int, patience: float) -> None:
    res = interval_metrics(calls, 30, 180, agents, 20, patience_sec=patience)
    p_wait, p_ab, sl, asa = simulate_mmn_m(calls / 1800, 180, patience, agents, 20, 120_000)
    assert res.p_wait == pytest.approx(p_wait, abs=0.012)
    assert res.p_abandon == pytest.approx(p_ab, abs=0.008)
    assert res.service_level == pytest.approx(sl, abs=0.012)
    assert res.asa_sec == pytest.approx(asa, rel=0.06, abs=0.5)


def test_erlang_a_abandonment_obeys_littles_law() -> None:
    # Independent identity: abandonment rate = theta * E[queue]; E[queue] from the exact chain.
    calls, minutes, aht, n, patience = 100, 30, 180.0, 9, 90.0
    lam, mu, theta = calls / (minutes * 60), 1 / aht, 1 / patience
    weights = [Fraction(1)]
    for k in range(1, 400):
        rate = Fraction(min(k, n)) * Fraction(mu) + Fraction(max(k - n, 0)) * Fraction(theta)
        weights.append(weights[-1] * Fraction(lam) / rate)
    total = sum(weights)
    queue = sum(max(k - n, 0) * w for k, w in enumerate(weights)) / total
    p_wait = sum(weights[n:]) / total
    res = interval_metrics(calls, minutes, aht, n, 20, patience_sec=patience)
    assert res.p_abandon == pytest.approx(float(queue) * theta / lam, abs=1e-9)
    assert res.p_wait == pytest.approx(float(p_wait), abs=1e-9)


def test_erlang_a_tends_to_erlang_c_as_patience_grows() -> None:
    c = interval_metrics(100, 30, 180, 13, 20)
    gaps = []
    for patience in (1e3, 1e5, 1e7):
        a = interval_metrics(100, 30, 180, 13, 20, patience_sec=patience)
        gaps.append(abs(a.service_level - c.service_level))
        assert a.p_abandon < 100 / patience
    assert gaps[0] > gaps[1] > gaps[2] and gaps[2] < 1e-5
    far = interval_metrics(100, 30, 180, 13, 20, patience_sec=1e7)
    assert far.p_wait == pytest.approx(c.p_wait, abs=1e-5)
    assert far.asa_sec == pytest.approx(c.asa_sec, rel=1e-4)


def test_erlang_a_is_stable_below_the_load_and_monotone_in_agents() -> None:
    previous = None
    for n in range(0, 25):
        res = interval_metrics(100, 30, 180, n, 20, patience_sec=120)
        assert all(math.isfinite(v) for v in (res.p_wait, res.service_level, res.p_abandon, res.occupancy))
        if previous is not None:
            assert res.service_level >= previous.service_level and res.p_abandon <= previous.p_abandon
        previous = res
    needed = staff_interval(100, 30, 180, 0.8, 20, patience_sec=120)
    assert needed.service_level >= 0.8
    assert interval_metrics(100, 30, 180, needed.agents - 1, 20, patience_sec=120).service_level < 0.8
    assert needed.agents <= agents_needed(100, 30, 180, 0.8, 20)  # callers who leave shorten the queue


def test_erlang_a_at_ten_thousand_agents_is_finite() -> None:
    res = staff_interval(29_400, 15, 300, 0.8, 20, patience_sec=120)
    assert all(math.isfinite(v) for v in (res.p_wait, res.service_level, res.asa_sec, res.p_abandon))
    assert res.service_level >= 0.8 and 0 <= res.occupancy <= 1


# --------------------------------------------------------------------------- the week


def test_week_agrees_with_the_scalar_search_and_handles_zero_volume() -> None:
    rng = np.random.default_rng(4)
    volumes = rng.integers(0, 300, 672).astype(float)
    volumes[::7] = 0
    aht = rng.uniform(120, 420, 672)
    week = staff_week(volumes, aht, 15, 0.8, 20, max_occupancy=0.9, shrinkage=0.25)
    for i in range(0, 672, 11):
        one = staff_interval(volumes[i], 15, aht[i], 0.8, 20, max_occupancy=0.9)
        assert week.agents[i] == one.agents
        assert week.service_level[i] == pytest.approx(one.service_level, abs=1e-12)
        assert week.asa_sec[i] == pytest.approx(one.asa_sec, rel=1e-12, abs=1e-12)
        assert week.scheduled[i] == after_shrinkage(one.agents, 0.25)
    assert (week.agents[volumes == 0] == 0).all() and (week.service_level[volumes == 0] == 1).all()


def test_week_with_patience_uses_erlang_a_per_interval() -> None:
    volumes = [0, 40, 120, 300]
    week_a = staff_week(volumes, 240, 15, 0.8, 20, shrinkage=0.3, patience_sec=90)
    week_c = staff_week(volumes, 240, 15, 0.8, 20, shrinkage=0.3)
    for i, calls in enumerate(volumes):
        one = staff_interval(calls, 15, 240, 0.8, 20, patience_sec=90)
        assert week_a.agents[i] == one.agents and week_a.p_abandon[i] == one.p_abandon
    assert (week_a.agents <= week_c.agents).all() and week_a.agents[0] == 0
    assert (week_a.p_abandon[1:] > 0).all() and (week_c.p_abandon == 0).all()
    assert week_a.scheduled.tolist() == [after_shrinkage(int(n), 0.3) for n in week_a.agents]


def test_week_of_672_intervals_is_fast() -> None:
    import time

    from app.staffing.bench import bench_week

    volumes, aht = bench_week()
    staff_week(volumes, aht, 15, 0.8, 20, 0.9, 0.3)
    best = math.inf
    for _ in range(5):
        start = time.perf_counter()
        staff_week(volumes, aht, 15, 0.8, 20, 0.9, 0.3)
        best = min(best, time.perf_counter() - start)
    assert best < 0.050


def test_week_bad_input_names_the_interval() -> None:
    with pytest.raises(StaffingInputError, match=r"volumes \[3\] is negative"):
        staff_week([1, 2, 3, -4], 180)
    with pytest.raises(StaffingInputError, match=r"volumes \[1\] is missing"):
        staff_week([1, float("nan")], 180)
    with pytest.raises(StaffingInputError, match="aht has 2 values but volumes has 3"):
        staff_week([1, 2, 3], [180, 180])
    with pytest.raises(StaffingInputError, match=r"aht \[1\] must be greater than 0"):
        staff_week([1, 2], [180, 0])
    assert staff_week([0, 0], [0, 0]).agents.tolist() == [0, 0]  # no calls: AHT does not matter


# --------------------------------------------------------------------------- the command


BASE = ["staffing", "--calls", "100", "--interval-min", "30", "--aht-sec", "180",
        "--target-sl", "0.8", "--target-sec", "20"]


def test_cli_prints_agents_needed_and_after_shrinkage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*BASE, "--max-occupancy", "0.85", "--shrinkage", "0.3"]) == 0
    out = capsys.readouterr().out
    assert "Agents needed            14" in out
    assert "Probability of waiting   17.41 %" in out
    assert "Service level (20 s)     88.84 %" in out
    assert "Average speed of answer  7.8 s" in out
    assert "Occupancy                71.43 %" in out
    assert "Agents after shrinkage   20" in out


def test_cli_json_with_agents_reports_the_level_reached(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*BASE, "--agents", "13", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["agents"] == 13 and data["mode"] == "agents given"
    assert data["service_level"] == pytest.approx(0.7956, abs=5e-5) and data["meets_target"] is False
    assert data["p_wait"] == pytest.approx(float(exact_erlang_c(13, Fraction(10))), abs=1e-12)
    assert data["agents_after_shrinkage"] == 13


def test_cli_unstable_and_erlang_a(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*BASE, "--agents", "9", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["asa_sec"] is None and data["stable"] is False and data["service_level"] == 0
    assert main([*BASE, "--agents", "9"]) == 0
    assert "grows without limit" in capsys.readouterr().out
    assert main([*BASE, "--agents", "9", "--patience-sec", "120"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Erlang A") and "Abandonment" in out and "infinite" not in out
    assert main([*BASE, "--patience-sec", "120", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["model"] == "Erlang A" and 0 < data["p_abandon"] < 0.1 and data["meets_target"] is True


def test_cli_zero_calls_needs_no_agents(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["staffing", "--calls", "0", "--interval-min", "15", "--aht-sec", "300", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["agents"] == 0 and data["agents_after_shrinkage"] == 0


@pytest.mark.parametrize(("extra", "message"), [
    (["--aht-sec", "0"], "--aht-sec must be greater than 0"),
    (["--calls", "-5"], "--calls must not be negative"),
    (["--target-sl", "80"], "--target-sl must be a fraction in (0, 1)"),
    (["--max-occupancy", "1.5"], "--max-occupancy must be a fraction"),
    (["--shrinkage", "1"], "--shrinkage must be in [0, 1)"),
    (["--agents", "-1"], "--agents must not be negative"),
    (["--patience-sec", "0"], "--patience-sec must be greater than 0"),
    (["--interval-min", "0"], "--interval-min must be greater than 0"),
])
def test_cli_bad_input_exits_2_with_a_clear_message(capsys: pytest.CaptureFixture[str], extra: list[str],
                                                    message: str) -> None:
    assert main([*BASE, *extra]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("floorwalker staffing: ") and message in captured.err


def test_cli_non_number_is_an_argparse_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["staffing", "--calls", "many", "--interval-min", "15", "--aht-sec", "300"])
    assert info.value.code == 2
    assert "--calls" in capsys.readouterr().err


def test_staffing_benchmark_runs_and_meets_its_target() -> None:
    from app.bench.registry import BenchOptions, run_benchmark

    result = run_benchmark("staffing", BenchOptions(repeat=3))
    week = result.measurement("week_672_intervals")
    assert week.meets_target and week.unit == "ms"
    assert result.info["week agrees with the textbook loop and the scalar loop"] is True
    assert result.info["10,000-agent results finite"] is True


def test_erlang_a_with_huge_patience_finds_agents_and_refuses_an_endless_queue() -> None:
    assert agents_needed(100, 30, 180, 0.8, 20, patience_sec=1e9) == agents_needed(100, 30, 180, 0.8, 20)
    with pytest.raises(StaffingInputError, match="^patience_sec is too long"):
        interval_metrics(100, 30, 180, 5, 20, patience_sec=1e12)


def test_service_level_table_matches_interval_metrics_per_agent_count():
    import numpy as np

    from app.staffing.erlang import interval_metrics, service_level_table

    calls = np.array([0.0, 3.0, 40.0, 400.0])
    aht = np.array([300.0, 240.0, 300.0, 180.0])
    first = np.array([0, 1, 10, 80])
    table = service_level_table(calls, aht, 15.0, 20.0, first, 5)
    for i in range(4):
        for j in range(6):
            expected = interval_metrics(calls[i], 15.0, aht[i], int(first[i] + j), 20.0).service_level
            assert table[i, j] == pytest.approx(expected, abs=1e-12)
