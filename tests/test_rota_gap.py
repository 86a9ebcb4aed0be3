"""The rota engine's integer stage against its LP bound: break counts by an integer program
(ShiftPool.optimise_breaks) and the drops it allows (_mip_drop_pass), on a generated center."""

from __future__ import annotations

import time
from collections import Counter

import numpy as np
import pytest

from app.rota import engine as E
from app.rota.generate import generate_center
from app.rota.model import DAY_SLOTS, Rules
from app.rota.quality import tour_stats


@pytest.fixture(scope="module")
def center():
    problem = generate_center(50, rules=Rules(standup=None))
    prep = E.prepare(problem)
    relaxed, _prices, _short = E.relaxation(prep, None, 30.0)
    bound = E.exact_relaxation(prep, E.support_of(prep, relaxed, 0), None, lambda *_: None, seconds=60.0)
    assert bound is not None
    return problem, prep, bound


def _pool(prep, counts):
    pool = E.ShiftPool(prep)
    for key, n in counts.items():
        for _ in range(n):
            pool.add_tour(*key)
    pool.repair()
    return pool


def _consistent(prep, pool) -> None:
    """The pool's slack is what its heads and break plan put on the phones, every break once per head."""
    groups = {key: list(range(n)) for key, n in pool.heads.items() if n > 0}
    for key, members in groups.items():
        for per_option in pool.plan[key]:
            assert sum(per_option) == len(members)
    slack = E._phone_slack(prep, [], groups, pool.plan)
    for k, arr in slack.items():
        np.testing.assert_allclose(pool.slack[k], arr)


def test_break_program_lowers_the_shortfall_and_keeps_the_pool_consistent(center):
    _problem, prep, (_obj, _paid, exact, _rounds) = center
    pool = _pool(prep, E.round_by_start(exact, 0.0))  # rounded down: slots short
    before = E._shortfall(pool)
    assert before > 0
    heads = dict(pool.heads)
    changed = pool.optimise_breaks(10.0)
    after = E._shortfall(pool)
    assert after <= before
    assert changed == (after < before - 1e-9)
    assert {k: v for k, v in pool.heads.items() if v} == {k: v for k, v in heads.items() if v}
    _consistent(prep, pool)


def test_breaks_can_cover_is_a_true_precondition(center):
    _problem, prep, (_obj, _paid, exact, _rounds) = center
    pool = _pool(prep, E.round_by_start(exact, 0.5))
    k = next(iter(pool.slack))
    # a slot short by more agents than take a break there cannot be mended by moving breaks
    pool.slack[k][3 * DAY_SLOTS + 40] -= 1000
    assert not pool.breaks_can_cover()
    assert not pool.optimise_breaks(5.0) or E._shortfall(pool) > 900


def test_mip_drops_lower_paid_hours_and_keep_full_cover(center):
    _problem, prep, (_obj, lp_paid, exact, _rounds) = center
    counts, pool = E.integer_tours(prep, exact, 0.5)
    assert E._shortfall(pool) <= 1e-9
    paid_before = sum(n * E._tour_paid(prep, key) for key, n in counts.items())
    checks = []

    def accept() -> bool:
        checks.append(1)
        return True

    dropped = E._mip_drop_pass(prep, pool, counts, time.perf_counter() + 20.0, accept)
    paid_after = sum(n * E._tour_paid(prep, key) for key, n in counts.items())
    assert E._shortfall(pool) <= 1e-9
    assert paid_after <= paid_before
    assert paid_after >= lp_paid - 1e-6  # never below the bound
    assert len(checks) == dropped
    if dropped:
        assert paid_after < paid_before
    else:
        assert paid_after == pytest.approx(paid_before)
    assert all(n > 0 for n in counts.values())
    _consistent(prep, pool)


def test_a_refused_drop_is_undone(center):
    _problem, prep, (_obj, _paid, exact, _rounds) = center
    counts, pool = E.integer_tours(prep, exact, 0.5)
    before_counts = dict(counts)
    before_slack = {k: v.copy() for k, v in pool.slack.items()}
    dropped = E._mip_drop_pass(prep, pool, counts, time.perf_counter() + 20.0, lambda: False)
    assert dropped == 0
    assert counts == before_counts
    for k, v in before_slack.items():
        np.testing.assert_allclose(pool.slack[k], v)
    _consistent(prep, pool)


def test_solve_covers_every_interval_with_stable_tours_above_the_bound(center):
    problem, _prep, _bound = center
    sol = E.solve(problem, time_limit=12.0)
    cov = sol.coverage[0]
    assert cov.pct_slots_covered == pytest.approx(100.0)
    assert not [v for v in sol.violations if v.hard]
    assert sol.lp_bound_hours > 0 and sol.paid_hours >= sol.lp_bound_hours - 1e-6
    stats = tour_stats([s for s in sol.shifts if not s.shadow])
    assert stats["pct_days_off_together"] == pytest.approx(100.0)
    assert stats["pct_stable_start"] == pytest.approx(100.0)
    starts = Counter()
    for s in sol.shifts:
        starts[(s.agent_id, s.start_of_day)] += 1
    assert len({a for a, _ in starts}) == len(starts)  # one start time per agent


def test_rebreak_moves_breaks_off_short_slots_within_their_windows(center):
    problem, prep, (_obj, _paid, exact, _rounds) = center
    counts, pool = E.integer_tours(prep, exact, 0.5)
    shifts = E.place_breaks(prep, E.assign_tours(prep, counts)[0], pool.plan)
    # take one agent's shift off the phones entirely: its slots go short, the others' breaks may move
    victim = next(s for s in shifts if s.day == 1 and 36 <= s.start_of_day <= 40)
    shifts = [s for s in shifts if s is not victim]
    before = E._rota_short(problem, shifts)
    assert before > 0
    after_shifts = E.rebreak(prep, shifts)
    assert E._rota_short(problem, after_shifts) <= before
    t_index = {t.name: i for i, t in enumerate(problem.templates)}
    for old, new in zip(shifts, after_shifts, strict=True):
        assert (old.agent_id, old.start, old.slots) == (new.agent_id, new.start, new.slots)
        assert len(old.activities) == len(new.activities)
        t = t_index[new.template]
        breaks = [a for a in new.activities if a.kind in {b.kind for b in problem.templates[t].breaks}]
        busy = np.zeros(new.slots, dtype=int)
        for a in new.activities:
            busy[a.start - new.start:a.end - new.start] += 1
        assert busy.max() <= 1  # no two activities at once
        for a in breaks:
            offsets = {o for opts in prep.break_options[(t, new.start_of_day)] for o in opts}
            assert a.start - new.start in offsets


def test_a_slow_relaxation_still_leaves_the_drops_their_share_of_the_time():
    limit = 12.0
    # a quick relaxation: the drops end by their share of the limit from the start
    assert E.drop_deadline(0.0, 1.5, limit) == pytest.approx(E.MIP_DROP_SHARE * limit)
    # a slow one (a busy machine) ends after that share: the drops still get their minimum
    late = E.drop_deadline(0.0, 6.0, limit)
    assert late == pytest.approx(6.0 + E.MIN_DROP_SHARE * limit)
    assert late > E.MIP_DROP_SHARE * limit
    # and never eat the last fifth, kept for the assignment, breaks and training
    assert E.drop_deadline(0.0, 11.0, limit) == pytest.approx(0.8 * limit)


@pytest.mark.parametrize("standup", [True, False])
def test_start_values_price_each_shift_start_as_its_slots_less_its_cheapest_breaks(standup):
    """The pricing of the column generation and the greedy tours (_start_values, vectorised over
    the week) equals the value of each shift worked out one at a time: its slots' prices, less the
    stand-up's, less each break's cheapest option in its window."""
    problem = generate_center(50, rules=Rules() if standup else Rules(standup=None))
    prep = E.prepare(problem)
    assert bool(prep.standup_offset) == standup
    rng = np.random.default_rng(3)
    pi = rng.random(7 * DAY_SLOTS)
    st_slots = problem.rules.standup.minutes // 15 if standup else 0
    for t, template in enumerate(problem.templates):
        values = E._start_values(prep, t, pi)
        for d, s in [(0, 0), (2, 34), (4, 90), (6, 95), (3, int(rng.integers(96)))]:
            base = d * DAY_SLOTS + s
            week = lambda off, n, base=base: pi[np.arange(base + off, base + off + n) % (7 * DAY_SLOTS)].sum()  # noqa: E731
            want = week(0, template.slots)
            if (t, s) in prep.standup_offset:
                want -= week(prep.standup_offset[(t, s)], st_slots)
            for b, brk in enumerate(template.breaks):
                want -= min(week(off, brk.minutes // 15) for off in prep.break_options[(t, s)][b])
            assert values[d, s] == pytest.approx(want, abs=1e-9)


def test_a_longer_time_limit_starts_again_and_keeps_the_cheapest_cover(center):
    """With time to spare before the improvement's share of the limit ends, the solver starts again
    from other roundings of the relaxation (each start ends in its own local optimum) and keeps the
    cheapest full cover: the rota's tours cost the least of the starts' paid hours."""
    from app.rota import quality

    problem, _prep, _bound = center
    seen: list[tuple[float, str]] = []
    sol = E.solve(problem, time_limit=45.0, progress=lambda f, m: seen.append((f, m)))
    hours = sol.stats["start_hours"]
    assert len(hours) >= 2
    # each start is reported, and the progress never goes back
    assert sum(m == "Starting again from another rounding" for _f, m in seen) >= len(hours) - 1
    assert [f for f, _m in seen] == sorted(f for f, _m in seen)
    assert sol.stats["rounding"].startswith("exact ")
    tours = sum(quality.shift_paid_minutes(problem, s) for s in sol.shifts if not s.shadow) / 60.0
    assert tours == pytest.approx(min(hours))
    assert all(c.pct_slots_covered == 100.0 for c in sol.coverage)
    assert sol.seconds < 0.8 * 45.0
