"""Property tests of the draw algorithm (R-QA-1): for any population, seed and strata, every agent gets
the quota or is flagged with what it had, nothing is drawn twice or from outside the population,
strata quotas hold while their pools last, and the same input always gives the same draw."""

from __future__ import annotations

from collections import Counter

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from app.quality.sampling import (
    ANY,
    DrawRules,
    Population,
    Stratum,
    assign_reviewers,
    rank_key,
    rank_keys,
)
from app.quality.sampling import select as select_picks

CHANNELS = ("chat", "email", "phone")

rows = st.lists(
    st.tuples(st.integers(1, 10**9), st.integers(1, 8), st.integers(1, 4), st.sampled_from(CHANNELS)),
    max_size=150, unique_by=lambda r: r[0])

strata_sets = st.sampled_from([
    (),
    (Stratum("voice", 3, ("phone",), fallback=("digital", ANY)),
     Stratum("digital", 2, ("chat", "email"), fallback=("voice", ANY))),
    (Stratum("voice", 1, ("phone",), fallback=()), Stratum("q1", 2, queue_ids=(1,), fallback=(ANY,))),
    (Stratum("mail", 4, ("email",), fallback=("chat",)), Stratum("chat", 1, ("chat",), fallback=())),
])


@settings(max_examples=150, deadline=None)
@given(rows=rows, seed=st.text(min_size=1, max_size=12), quota=st.integers(1, 7), strata=strata_sets,
       extra_agents=st.lists(st.integers(1, 12), max_size=4))
def test_quota_met_or_flagged_no_duplicates_and_replay_equal_R_QA_1(rows, seed, quota, strata, extra_agents):
    if sum(s.quota for s in strata) > quota:
        strata = ()
    rules = DrawRules(quota=quota, strata=strata)
    pop = Population.from_rows(rows)
    selection = select_picks(pop, seed, rules, extra_agents)
    picked = [p.interaction_id for p in selection.picks]
    assert len(picked) == len(set(picked))  # nothing twice
    assert set(picked) <= {r[0] for r in rows}  # nothing from outside the population
    owner = {r[0]: r[1] for r in rows}
    assert all(owner[p.interaction_id] == p.agent_id for p in selection.picks)
    per_agent = Counter(p.agent_id for p in selection.picks)
    available = Counter(r[1] for r in rows)
    uses_any = not strata or all(ANY in s.fallback for s in strata) or sum(s.quota for s in strata) < quota
    for agent in set(available) | set(extra_agents):
        got, had = per_agent.get(agent, 0), available.get(agent, 0)
        assert got <= quota
        if had < quota:
            assert selection.available[agent] == had  # flagged with what it had
        else:
            assert agent not in selection.available
        if uses_any:
            assert got == min(quota, had)  # with "any" as the last resort, every eligible slot is filled
    ranks = Counter((p.agent_id, p.rank) for p in selection.picks)
    assert all(n == 1 for n in ranks.values())
    # the same input draws the same, whatever order the population arrives in
    again = select_picks(Population.from_rows(list(reversed(rows))), seed, rules, extra_agents)
    assert again == selection
    assert again.result_hash() == selection.result_hash()


@settings(max_examples=60, deadline=None)
@given(rows=rows, seed=st.text(min_size=1, max_size=8))
def test_a_stratum_takes_its_quota_while_its_pool_lasts(rows, seed):
    rules = DrawRules(quota=5, strata=(Stratum("voice", 3, ("phone",), fallback=()),
                                       Stratum("digital", 2, ("chat", "email"), fallback=())))
    selection = select_picks(Population.from_rows(rows), seed, rules)
    for agent in {r[1] for r in rows}:
        phones = sum(1 for r in rows if r[1] == agent and r[3] == "phone")
        digital = sum(1 for r in rows if r[1] == agent and r[3] != "phone")
        mine = [p for p in selection.picks if p.agent_id == agent]
        assert sum(1 for p in mine if p.stratum == "voice") == min(3, phones)
        # without fallbacks, the rest of the quota comes from "any"
        assert len(mine) == min(5, phones + digital)


@settings(max_examples=60, deadline=None)
@given(rows=rows, seed=st.text(min_size=1, max_size=8), pool_size=st.integers(1, 3))
def test_reviewers_share_a_team_evenly(rows, seed, pool_size):
    selection = select_picks(Population.from_rows(rows), seed, DrawRules(quota=3, strata=()))
    teams = {agent: 1 for agent in range(1, 9)}
    pools = {1: [100 + k for k in range(pool_size)]}
    assigned = assign_reviewers(selection, teams, pools)
    load = Counter(p.reviewer_id for p in assigned.picks)
    if assigned.picks:
        assert max(load.values()) - min(load.get(r, 0) for r in pools[1]) <= 1
    # assigning reviewers changes nothing else
    assert sorted((p.interaction_id, p.agent_id, p.stratum, p.rank) for p in assigned.picks) == sorted(
        (p.interaction_id, p.agent_id, p.stratum, p.rank) for p in selection.picks)


@settings(max_examples=200, deadline=None)
@given(seed=st.text(max_size=20), ids=st.lists(st.integers(0, 2**62), max_size=30))
def test_vectorised_keys_equal_the_reference_definition(seed, ids):
    array = np.asarray(ids, dtype=np.int64)
    assert [int(k) for k in rank_keys(seed, array)] == [rank_key(seed, i) for i in ids]
