"""The QA draw's algorithm: pure, seeded, stratified and replayable (no database here).

Algorithm ``qa-draw/1`` (documented in the README; tests pin it with a pure-Python reference):

1. **Rank.** Every eligible interaction gets a 64-bit key from the draw's seed and its id:
   ``s = first 8 bytes of sha256(seed)`` (big-endian), ``x = (id * 0x9E3779B97F4A7C15 + s) mod 2**64``,
   then the SplitMix64 finaliser ``x ^= x >> 30; x *= 0xBF58476D1CE4E5B9; x ^= x >> 27;
   x *= 0x94D049BB133111EB; x ^= x >> 31`` (all mod 2**64). Smaller key first; equal keys by id.
   Integer arithmetic only, so the order is the same on every Python, numpy and platform, and a
   draw made today replays identically in ten years.
2. **Strata.** Each interaction belongs to the first configured stratum whose channels (and
   queues, when given) match it, or to none. Per agent, each stratum takes up to its own quota;
   a stratum that is short fills its gap from its fallback pools in order (another stratum's
   leftovers, or ``any``: whatever the agent has left). When the strata's quotas add up to less
   than the agent quota, the rest comes from ``any``.
3. **Spread over queues.** Inside a pool the order is "best-ranked of each queue first": items
   are ordered by (position among the same queue's items in rank order, rank), so five items
   from three queues are not all from the busiest queue unless the others are empty.
4. **Shortfall.** An agent with fewer eligible items than the quota gets all of them and is
   listed with the number available.
5. **Reviewers.** Picks are taken team by team (agent, then pick order) and each goes to the
   least-loaded reviewer of the agent's team pool (ties: the pool's order), loads counted over
   the whole draw, so the supervisors reviewing a team share its work evenly.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from app.i18n import N_, Message

ALGORITHM_VERSION = "qa-draw/1"
ANY = "any"
_GOLDEN = 0x9E3779B97F4A7C15
_M1 = 0xBF58476D1CE4E5B9
_M2 = 0x94D049BB133111EB
_MASK = (1 << 64) - 1


# --- rules ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Stratum:
    name: str
    quota: int
    channels: tuple[str, ...] = ()  # empty: any channel
    queue_ids: tuple[int, ...] = ()  # empty: any queue
    fallback: tuple[str, ...] = (ANY,)  # other strata's names, or "any", in order
    # only conversations that failed an automatic check (issue 11): over-sample them with this quota
    autoqa_failed: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "quota": self.quota, "channels": list(self.channels),
                               "queue_ids": list(self.queue_ids), "fallback": list(self.fallback)}
        if self.autoqa_failed:
            out["autoqa_failed"] = True
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Stratum:
        return cls(name=str(data["name"]), quota=int(data["quota"]),
                   channels=tuple(str(c) for c in data.get("channels", ())),
                   queue_ids=tuple(int(q) for q in data.get("queue_ids", ())),
                   fallback=tuple(str(f) for f in data.get("fallback", (ANY,))),
                   autoqa_failed=bool(data.get("autoqa_failed", False)))


DEFAULT_STRATA = (
    Stratum("voice", 3, channels=("phone",), fallback=("digital", ANY)),
    Stratum("digital", 2, channels=("chat", "email", "social"), fallback=("voice", ANY)),
)


@dataclass(frozen=True)
class DrawRules:
    quota: int = 5  # R-QA-1
    min_duration_sec: float = 30.0
    strata: tuple[Stratum, ...] = DEFAULT_STRATA
    spread_queues: bool = True
    check_files: bool = True
    review_days: int = 7  # the sample is due at the end of the week after the sampled one
    # the population's interactions that failed an automatic check when the draw was made: frozen
    # with the draw's rules, so an ``autoqa_failed`` stratum replays exactly
    flagged: frozenset[int] = frozenset()

    def validate(self) -> None:
        if self.quota < 1:
            raise ValueError(N_("The quota must be at least 1 interaction per agent."))
        if self.min_duration_sec < 0:
            raise ValueError(N_("The minimum duration must not be negative."))
        names = [s.name for s in self.strata]
        if len(set(names)) != len(names):
            raise ValueError(N_("Two strata have the same name."))
        if ANY in names:
            raise ValueError(Message(N_("'{ANY}' is reserved for the fallback pool of everything left."), ANY=ANY))
        for s in self.strata:
            if s.quota < 0:
                raise ValueError(Message(N_("Stratum {name}: the quota must not be negative."), name=s.name))
            for f in s.fallback:
                if f != ANY and f not in names:
                    raise ValueError(Message(N_("Stratum {name}: unknown fallback pool '{f}'."), name=s.name, f=f))
        if sum(s.quota for s in self.strata) > self.quota:
            raise ValueError(N_("The strata's quotas add up to more than the quota per agent."))

    def to_json(self) -> dict[str, Any]:
        return {"quota": self.quota, "min_duration_sec": self.min_duration_sec,
                "strata": [s.to_json() for s in self.strata], "spread_queues": self.spread_queues,
                "check_files": self.check_files, "review_days": self.review_days,
                **({"flagged": sorted(self.flagged)} if self.flagged else {})}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DrawRules:
        strata = data.get("strata")
        return cls(quota=int(data.get("quota", 5)), min_duration_sec=float(data.get("min_duration_sec", 30.0)),
                   strata=DEFAULT_STRATA if strata is None else tuple(Stratum.from_json(s) for s in strata),
                   spread_queues=bool(data.get("spread_queues", True)),
                   check_files=bool(data.get("check_files", True)),
                   review_days=int(data.get("review_days", 7)),
                   flagged=frozenset(int(i) for i in data.get("flagged", ())))


# --- the population -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Population:
    """Eligible interactions as parallel arrays, sorted by id (the frozen population of a draw)."""

    ids: np.ndarray  # int64
    agents: np.ndarray  # int64
    queues: np.ndarray  # int64
    channels: np.ndarray  # int64 codes into channel_names
    channel_names: tuple[str, ...]

    @classmethod
    def from_rows(cls, rows: Sequence[tuple[int, int, int, str]]) -> Population:
        """Rows of (interaction id, agent id, queue id, channel)."""
        if not rows:
            empty = np.zeros(0, dtype=np.int64)
            return cls(empty, empty, empty, empty, ())
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        agents = np.fromiter((r[1] for r in rows), dtype=np.int64, count=len(rows))
        queues = np.fromiter((r[2] for r in rows), dtype=np.int64, count=len(rows))
        names = tuple(sorted({r[3] for r in rows}))
        code = {n: i for i, n in enumerate(names)}
        channels = np.fromiter((code[r[3]] for r in rows), dtype=np.int64, count=len(rows))
        return cls.from_arrays(ids, agents, queues, channels, names)

    @classmethod
    def from_arrays(cls, ids: np.ndarray, agents: np.ndarray, queues: np.ndarray, channels: np.ndarray,
                    channel_names: tuple[str, ...]) -> Population:
        order = np.argsort(ids, kind="stable")
        ids = ids[order]
        if ids.size > 1 and np.any(ids[1:] == ids[:-1]):
            raise ValueError(N_("The population lists an interaction twice."))
        return cls(ids, agents[order], queues[order], channels[order], channel_names)

    def __len__(self) -> int:
        return int(self.ids.size)

    def without(self, drop: Sequence[int] | np.ndarray) -> Population:
        keep = ~np.isin(self.ids, np.asarray(drop, dtype=np.int64))
        return Population(self.ids[keep], self.agents[keep], self.queues[keep], self.channels[keep],
                          self.channel_names)

    def hash(self) -> str:
        """sha256 of ids, agents, queues and channels (little-endian int64), and the channel names."""
        h = hashlib.sha256(b"qa-population/1\n")
        for arr in (self.ids, self.agents, self.queues, self.channels):
            h.update(np.ascontiguousarray(arr, dtype="<i8").tobytes())
        h.update("\n".join(self.channel_names).encode("utf-8"))
        return h.hexdigest()


# --- ranking ------------------------------------------------------------------------------------------
def seed_number(seed: str) -> int:
    return int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest()[:8], "big")


def rank_key(seed: str, interaction_id: int) -> int:
    """The reference definition of one key (pure Python); :func:`rank_keys` is its vectorised twin."""
    x = (interaction_id * _GOLDEN + seed_number(seed)) & _MASK
    x ^= x >> 30
    x = (x * _M1) & _MASK
    x ^= x >> 27
    x = (x * _M2) & _MASK
    x ^= x >> 31
    return x


def rank_keys(seed: str, ids: np.ndarray) -> np.ndarray:
    x = ids.astype(np.uint64) * np.uint64(_GOLDEN) + np.uint64(seed_number(seed))
    x ^= x >> np.uint64(30)
    x *= np.uint64(_M1)
    x ^= x >> np.uint64(27)
    x *= np.uint64(_M2)
    x ^= x >> np.uint64(31)
    return x


# --- the selection --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Pick:
    interaction_id: int
    agent_id: int
    stratum: str
    rank: int  # 1.. within the agent's picks
    reviewer_id: int | None = None


@dataclass(frozen=True)
class Selection:
    picks: tuple[Pick, ...]
    available: dict[int, int] = field(default_factory=dict)  # agent -> eligible count, agents under quota only

    def result_hash(self) -> str:
        h = hashlib.sha256(b"qa-selection/1\n")
        for p in sorted(self.picks, key=lambda p: p.interaction_id):
            h.update(f"{p.interaction_id},{p.agent_id},{p.stratum},{p.rank},{p.reviewer_id}\n".encode())
        return h.hexdigest()


def _spread(indices: np.ndarray, queues: np.ndarray, spread: bool) -> np.ndarray:
    """``indices`` are in rank order; return them "best of each queue first" when spreading."""
    if not spread or indices.size <= 1:
        return indices
    q = queues[indices]
    by_queue = np.argsort(q, kind="stable")  # rank order kept inside each queue
    sorted_q = q[by_queue]
    first = np.r_[True, sorted_q[1:] != sorted_q[:-1]]
    group_start = np.maximum.accumulate(np.where(first, np.arange(q.size), 0))
    position = np.empty(q.size, dtype=np.int64)
    position[by_queue] = np.arange(q.size) - group_start
    return indices[np.lexsort((np.arange(indices.size), position))]


def _strata_of(pop: Population, rules: DrawRules) -> np.ndarray:
    """Index of the first matching stratum per interaction (-1: none)."""
    out = np.full(len(pop), -1, dtype=np.int64)
    free = np.ones(len(pop), dtype=bool)
    for k, s in enumerate(rules.strata):
        match = free.copy()
        if s.channels:
            codes = [pop.channel_names.index(c) for c in s.channels if c in pop.channel_names]
            match &= np.isin(pop.channels, np.asarray(codes, dtype=np.int64))
        if s.queue_ids:
            match &= np.isin(pop.queues, np.asarray(s.queue_ids, dtype=np.int64))
        if s.autoqa_failed:
            match &= np.isin(pop.ids, np.fromiter(rules.flagged, dtype=np.int64, count=len(rules.flagged)))
        out[match] = k
        free &= ~match
    return out


def select_for_agent(order: np.ndarray, strata: np.ndarray, queues: np.ndarray, rules: DrawRules
                     ) -> list[tuple[int, str]]:
    """One agent's picks: ``order`` are population indices in rank order; returns (index, stratum label)."""
    taken: set[int] = set()
    picks: list[tuple[int, str]] = []
    names = [s.name for s in rules.strata]

    def pool(name: str) -> np.ndarray:
        members = order if name == ANY else order[strata[order] == names.index(name)]
        if taken:
            members = members[~np.isin(members, np.fromiter(taken, dtype=np.int64, count=len(taken)))]
        return _spread(members, queues, rules.spread_queues)

    def take(name: str, n: int, label: str) -> int:
        got = 0
        for i in pool(name)[:n].tolist():
            taken.add(i)
            picks.append((i, label))
            got += 1
        return got

    missing: dict[str, int] = {}
    for s in rules.strata:
        if s.quota:
            missing[s.name] = s.quota - take(s.name, s.quota, s.name)
    for s in rules.strata:
        for source in s.fallback:
            if missing.get(s.name, 0) <= 0:
                break
            missing[s.name] -= take(source, missing[s.name], f"{s.name} (from {source})")
    rest = rules.quota - len(picks)
    if rest > 0:
        take(ANY, rest, ANY)
    return picks


def select(pop: Population, seed: str, rules: DrawRules, agents: Sequence[int] = ()) -> Selection:
    """The picks of a draw (without reviewers); ``agents`` adds agents with nothing eligible to the shortfalls."""
    rules.validate()
    keys = rank_keys(seed, pop.ids)
    order = np.lexsort((pop.ids, keys, pop.agents))  # by agent, then key, then id
    strata = _strata_of(pop, rules)
    sorted_agents = pop.agents[order]
    bounds = np.flatnonzero(np.diff(sorted_agents)) + 1
    starts = np.concatenate(([0], bounds)) if order.size else np.zeros(0, dtype=np.int64)
    ends = np.concatenate((bounds, [order.size])) if order.size else np.zeros(0, dtype=np.int64)
    picks: list[Pick] = []
    available: dict[int, int] = {}
    seen_agents: set[int] = set()
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        agent = int(sorted_agents[a])
        seen_agents.add(agent)
        chosen = select_for_agent(order[a:b], strata, pop.queues, rules)
        picks.extend(Pick(int(pop.ids[i]), agent, label, k + 1) for k, (i, label) in enumerate(chosen))
        if b - a < rules.quota:
            available[agent] = b - a
    for agent in agents:
        if agent not in seen_agents:
            available[int(agent)] = 0
    return Selection(tuple(picks), dict(sorted(available.items())))


def assign_reviewers(selection: Selection, agent_teams: Mapping[int, int | None],
                     pools: Mapping[int, Sequence[int]]) -> Selection:
    """Give each pick to the least-loaded reviewer of its agent's team (see the module docstring)."""
    load: dict[int, int] = {}
    out: list[Pick] = []
    ordered = sorted(selection.picks, key=lambda p: (
        agent_teams.get(p.agent_id) is None, agent_teams.get(p.agent_id) or 0, p.agent_id, p.rank))
    for p in ordered:
        team = agent_teams.get(p.agent_id)
        pool = [r for r in pools.get(team, ()) if r != p.agent_id] if team is not None else []
        reviewer = None
        if pool:
            reviewer = min(pool, key=lambda r: (load.get(r, 0), pool.index(r)))
            load[reviewer] = load.get(reviewer, 0) + 1
        out.append(Pick(p.interaction_id, p.agent_id, p.stratum, p.rank, reviewer))
    return Selection(tuple(out), selection.available)
