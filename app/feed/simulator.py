"""A believable queue_log for demos, tests and benchmarks: the format the parser reads.

Callers arrive as a Poisson process (``rate`` calls per hour over all queues), wait in one FIFO
line served by ``agents`` agents who are members of every queue, give up after an exponential
patience (ABANDON) or at the queue timeout (EXITWITHTIMEOUT), and talk for a lognormal time
(COMPLETEAGENT/COMPLETECALLER, now and then a BLINDTRANSFER). The first agent rung sometimes
lets it ring (RINGNOANSWER). After a call an agent sometimes pauses (PAUSE with a reason,
UNPAUSE later).

Simulated data is marked: the first line is
``<epoch>|SIMULATOR|NONE|NONE|INFO|floorwalker-simulator|seed=<n>`` and agents are named
``SIM/<nnn>``. Importing such a file stores interactions with ``source = "simulator"``.
"""

from __future__ import annotations

import heapq
import math
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from app.feed.queue_log import SIMULATOR_MARK

DEFAULT_QUEUES = ("sales", "support", "billing")
PAUSE_REASONS = ("Break", "Lunch", "Coaching", "Admin")
QUEUE_TIMEOUT = 300


@dataclass(frozen=True)
class SimConfig:
    rate: float = 120.0  # calls per hour, all queues together
    agents: int = 10
    queues: tuple[str, ...] = DEFAULT_QUEUES
    duration: float | None = 3600.0  # seconds of arrivals; None: forever
    start: int = 1_700_000_000  # epoch of the first line
    seed: int = 1
    mean_talk: float = 180.0
    mean_patience: float = 90.0
    pause_probability: float = 0.05
    ring_no_answer_probability: float = 0.1
    transfer_probability: float = 0.03


@dataclass
class SimTruth:
    """What the simulator did, per queue: the answer an import must reproduce."""

    offered: Counter[str] = field(default_factory=Counter)
    answered: Counter[str] = field(default_factory=Counter)
    abandoned: Counter[str] = field(default_factory=Counter)
    timeout: Counter[str] = field(default_factory=Counter)
    lines: int = 0


def agent_name(n: int) -> str:
    return f"SIM/{n:03d}"


def simulate(config: SimConfig, truth: SimTruth | None = None) -> Iterator[tuple[int, str]]:
    """Lines (epoch, text without newline) in time order; endless when ``duration`` is None."""
    rng = random.Random(config.seed)
    truth = truth if truth is not None else SimTruth()
    pending: list[tuple[int, int, str]] = []  # (epoch, seq, line): seq keeps a call's events in order
    seq = 0

    def emit(t: int, callid: str, queue: str, agent: str, event: str, *data: object) -> None:
        nonlocal seq
        seq += 1
        text = "|".join([str(t), callid, queue, agent, event, *(str(d) for d in data)])
        heapq.heappush(pending, (t, seq, text))

    start = int(config.start)
    agents = [agent_name(n + 1) for n in range(max(1, config.agents))]
    queues = list(config.queues) or list(DEFAULT_QUEUES)
    emit(start, "SIMULATOR", "NONE", "NONE", "INFO", SIMULATOR_MARK, f"seed={config.seed}")
    emit(start, "NONE", "NONE", "NONE", "QUEUESTART", "")
    for a in agents:
        for q in queues:
            emit(start, "MANAGER", q, a, "ADDMEMBER", "")
    free_at = [(start + 1, i) for i in range(len(agents))]  # (time the agent is free, agent index)
    heapq.heapify(free_at)
    sigma = 0.6
    mu = math.log(config.mean_talk) - sigma * sigma / 2
    per_second = config.rate / 3600.0
    t = float(start + 1)
    call_no = 0
    end = None if config.duration is None else start + config.duration
    while True:
        t += rng.expovariate(per_second) if per_second > 0 else float("inf")
        if end is not None and t >= end:
            break
        arrival = int(t)
        while pending and pending[0][0] <= arrival:
            when, _s, text = heapq.heappop(pending)
            truth.lines += 1
            yield when, text
        call_no += 1
        queue = rng.choice(queues)
        callid = f"{arrival}.{call_no}"
        truth.offered[queue] += 1
        emit(arrival, callid, queue, "NONE", "ENTERQUEUE", "", f"1380000{call_no % 10000:04d}", 1)
        patience = max(1, int(rng.expovariate(1 / config.mean_patience)))
        free, idx = free_at[0]
        ring = rng.randint(1, 6)
        connect = max(arrival, free) + ring
        wait = connect - arrival
        if wait > patience or wait > QUEUE_TIMEOUT:
            if patience < QUEUE_TIMEOUT:
                truth.abandoned[queue] += 1
                emit(arrival + patience, callid, queue, "NONE", "ABANDON", 1, 1, patience)
            else:
                truth.timeout[queue] += 1
                emit(arrival + QUEUE_TIMEOUT, callid, queue, "NONE", "EXITWITHTIMEOUT", 1, 1, QUEUE_TIMEOUT)
            continue
        heapq.heappop(free_at)
        agent = agents[idx]
        if rng.random() < config.ring_no_answer_probability and len(agents) > 1:
            other = agents[(idx + 1 + rng.randrange(len(agents) - 1)) % len(agents)]
            emit(max(arrival, connect - ring), callid, queue, other, "RINGNOANSWER", rng.choice((0, 9000, 15000)))
        truth.answered[queue] += 1
        talk = max(1, int(rng.lognormvariate(mu, sigma)))
        emit(connect, callid, queue, agent, "CONNECT", wait, f"{connect}.{call_no}9", ring)
        hang = connect + talk
        if rng.random() < config.transfer_probability:
            emit(hang, callid, queue, agent, "BLINDTRANSFER", "5000", "from-internal", wait, talk, 1)
        else:
            event = "COMPLETEAGENT" if rng.random() < 0.4 else "COMPLETECALLER"
            emit(hang, callid, queue, agent, event, wait, talk, 1)
        back = hang + rng.randint(5, 30)  # wrap-up
        if rng.random() < config.pause_probability:
            reason = rng.choice(PAUSE_REASONS)
            length = int(rng.lognormvariate(math.log(600), 0.5))
            for q in queues:
                emit(back, "NONE", q, agent, "PAUSE", reason)
            back += length
            for q in queues:
                emit(back, "NONE", q, agent, "UNPAUSE", "")
        heapq.heappush(free_at, (back, idx))
    last = max([p[0] for p in pending] + [int(t) if end is None else int(end)])
    for a in agents:
        for q in queues:
            emit(last + 1, "NONE", q, a, "REMOVEMEMBER", "")
    while pending:
        when, _s, text = heapq.heappop(pending)
        truth.lines += 1
        yield when, text
