"""Demo interactions: arrivals with real daily and weekly shapes, waits that grow with load,
abandons, handle times per channel, routing to agents who are on shift and skilled, outcomes.

Everything is vectorised with numpy; the generator's draws happen in a fixed order, so a seed
gives the same contacts on every run.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np

from app.demo.customers import Customers
from app.demo.rota import RotaPlan
from app.demo.staff import NIGHT, Q_CHAT, Q_EMAIL, Q_GENERAL, Q_SOCIAL, Q_VIP, QUEUES, Organisation
from app.demo.timeline import Timeline, db_times, db_times_or_none

WEEKDAY_FACTOR = np.array([1.12, 1.05, 1.0, 1.0, 0.97, 0.70, 0.62])
HOLIDAY_FACTOR = 0.55
PROMOTIONS = {(11, 11): 1.7, (11, 12): 1.35, (11, 13): 1.2, (6, 18): 1.4, (12, 12): 1.3}

# relative volume per local hour, per queue (night trough, morning and afternoon peaks)
PHONE_HOURS = [0.15, 0.1, 0.07, 0.05, 0.05, 0.08, 0.2, 0.45, 0.85, 1.25, 1.45, 1.35,
               1.0, 1.05, 1.3, 1.4, 1.3, 1.1, 0.9, 0.8, 0.75, 0.6, 0.4, 0.25]
CHAT_HOURS = [0.25, 0.15, 0.08, 0.05, 0.05, 0.07, 0.15, 0.35, 0.65, 0.95, 1.1, 1.1,
              1.0, 1.0, 1.1, 1.15, 1.1, 1.0, 1.0, 1.15, 1.3, 1.3, 1.0, 0.55]
EMAIL_HOURS = [0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 1.0, 1.3, 1.3, 1.2,
               1.0, 1.1, 1.2, 1.2, 1.1, 1.0, 0.9, 0.8, 0.8, 0.7, 0.55, 0.4]
HOURS = (PHONE_HOURS, PHONE_HOURS, CHAT_HOURS, EMAIL_HOURS, CHAT_HOURS)

# per queue: mail pick-up delay (median s), ring/IVR time, patience,
# talk median (s) and spread, wrap median (s), share linked to a known customer, share rated
WAIT_MEDIAN = np.array([0.0, 0.0, 0.0, 2.5 * 3600, 25 * 60])  # mail: time before it is picked up
WAIT_SIGMA = np.array([1.0, 1.0, 1.0, 0.8, 1.0])
RING_MEDIAN = np.array([5.0, 4.0, 8.0, 0.0, 0.0])
PATIENCE = np.array([110.0, 180.0, 150.0, np.inf, np.inf])  # median seconds a caller will wait
OTHER_WORK_MEAN = 60.0
VIP_OVERFLOW_SEC = 20.0
TALK_MEDIAN = np.array([230.0, 300.0, 420.0, 280.0, 200.0])
TALK_SIGMA = np.array([0.55, 0.5, 0.6, 0.5, 0.6])
WRAP_MEDIAN = np.array([25.0, 30.0, 15.0, 40.0, 20.0])
LINKED = np.array([0.85, 1.0, 0.75, 0.95, 0.6])
RATED = np.array([0.30, 0.40, 0.45, 0.15, 0.20])
RECORDED = np.array([0.97, 0.97, 0.0, 0.0, 0.0])
CHAT_CONCURRENCY = 2.5
BETA = 2.5
REFERENCE_DAY_STAFF = 53  # day-time agents of the 60-agent center the volumes above are for


@dataclass
class Traffic:
    """The interactions, column-wise. Index i is interactions.id - 1."""

    n: int
    offered: np.ndarray
    answered: np.ndarray  # nan when abandoned
    ended: np.ndarray
    wrap: np.ndarray
    queue: np.ndarray
    agent: np.ndarray  # agent index, -1 when abandoned
    customer: np.ndarray  # customers.id, 0 when unknown
    recorded: np.ndarray  # bool
    talk: np.ndarray
    day: np.ndarray  # rota day index of the offer
    external_id: list[str]
    recording_ref: list[str | None]
    columns: dict[str, list]
    after_call: dict[str, list]


def volume_scale(day_staff: int) -> float:
    """Contacts relative to the 60-agent center, by the square-root staffing rule: a small team
    needs proportionally more slack (N = R + 1.5 sqrt(R)) to keep its answer times."""
    def load(n: int) -> float:
        return ((np.sqrt(BETA**2 + 4 * n) - BETA) / 2) ** 2
    return float(load(day_staff) / load(REFERENCE_DAY_STAFF))


def intraday_shapes() -> np.ndarray:
    """(queues, 96) share of the day's volume per 15-minute interval, from the hourly profiles."""
    quarter_mid = (np.arange(96) + 0.5) / 4.0
    out = np.zeros((len(QUEUES), 96))
    for q, hours in enumerate(HOURS):
        h = np.array(hours + hours[:1])  # wrap midnight
        out[q] = np.interp(quarter_mid - 0.5, np.arange(25), h, period=24)
        out[q] /= out[q].sum()
    return out


def build_traffic(nrng: np.random.Generator, tl: Timeline, org: Organisation, rota: RotaPlan,
                  customers: Customers, seed: int) -> Traffic:
    ag = org.agents
    n_days = tl.data_days
    scale = volume_scale(int((ag.template != NIGHT).sum()))
    days = [tl.day(d) for d in range(n_days)]
    factor = WEEKDAY_FACTOR[[d.weekday() for d in days]]
    factor = factor * np.array([HOLIDAY_FACTOR if d in tl.holidays else 1.0 for d in days])
    factor = factor * np.array([PROMOTIONS.get((d.month, d.day), 1.0) for d in days])
    factor = factor * np.exp(nrng.normal(0, 0.07, n_days))
    volume = np.array([q.daily_volume for q in QUEUES]) * scale
    lam = factor[:, None, None] * volume[None, :, None] * intraday_shapes()[None, :, :]
    counts = nrng.poisson(lam)
    flat = np.repeat(np.arange(counts.size), counts.ravel())
    d_idx, q_idx, i_idx = np.unravel_index(flat, counts.shape)
    offered = tl.day_start[d_idx] + i_idx * 900.0 + nrng.random(flat.size) * 900.0
    keep = offered < tl.cutoff
    d_idx, q_idx, offered = d_idx[keep], q_idx[keep], offered[keep]
    order = np.argsort(offered, kind="stable")
    d_idx, q_idx, offered = d_idx[order], q_idx[order], offered[order]
    n = offered.size

    # --- a first-come-first-served queue: each contact goes to the skilled agent who is free first
    talk_raw = TALK_MEDIAN[q_idx] * np.exp(nrng.normal(0, 1, n) * TALK_SIGMA[q_idx])
    wrap = np.round(WRAP_MEDIAN[q_idx] * np.exp(nrng.normal(0, 0.6, n)), 1)
    asynchronous = (q_idx == Q_EMAIL) | (q_idx == Q_SOCIAL)
    # mail sits in its queue a while (calls and chats come first); calls ring and pass the IVR
    ready = offered + np.where(asynchronous, WAIT_MEDIAN[q_idx] * np.exp(nrng.normal(0, 1, n) * WAIT_SIGMA[q_idx]),
                               0.0)
    ring = np.where(asynchronous, 0.0, RING_MEDIAN[q_idx] * np.exp(nrng.normal(0, 0.4, n)))
    patience = PATIENCE[q_idx] * np.exp(nrng.normal(0, 0.8, n))
    hang_up = ~asynchronous & (nrng.random(n) < 0.025)  # callers who give up within seconds
    patience[hang_up] = nrng.uniform(2.0, 12.0, int(hang_up.sum()))
    patience[asynchronous] = np.inf
    other_work = nrng.exponential(OTHER_WORK_MEAN, n)  # back-office work between contacts
    agent, answered, abandoned, waiting = _queue(nrng, ready, ring, patience, q_idx, talk_raw, wrap, other_work,
                                        ag.talk_factor, ag.skills, rota.avail, rota.minute0, tl.cutoff)
    answered_mask = ~abandoned & (agent >= 0)
    wait = np.round(np.where(answered_mask, answered - offered, np.minimum(patience, ready - offered + 600.0)), 1)
    answered = np.where(answered_mask, offered + wait, np.nan)
    talk = np.where(answered_mask, np.round(talk_raw * ag.talk_factor[np.maximum(agent, 0)]), 0.0)
    ended = np.where(answered_mask, answered + talk, offered + wait)
    wrap = np.where(answered_mask, wrap, 0.0)

    # nothing may end after "now": contacts still in progress are left out
    keep = (ended <= tl.cutoff) & ~waiting
    idx = np.flatnonzero(keep)
    offered, answered, ended, wait, talk, wrap = (x[idx] for x in (offered, answered, ended, wait, talk, wrap))
    q_idx, d_idx, agent, answered_mask = q_idx[idx], d_idx[idx], agent[idx], answered_mask[idx]
    agent[~answered_mask] = -1
    n = offered.size
    ids = np.arange(1, n + 1)

    # --- who called, and how it went
    a = np.maximum(agent, 0)
    customer = _customers(nrng, q_idx, customers)
    linked = nrng.random(n) < LINKED[q_idx]
    customer = np.where(linked, customer, 0)
    region_pool = np.array(customers.region, dtype=object)
    region = np.where(customer > 0, region_pool[np.maximum(customer - 1, 0)],
                      region_pool[nrng.integers(0, len(region_pool), n)])
    resolved = answered_mask & (nrng.random(n) < ag.resolve_p[a])
    latent = (ag.rating_mu[a] + nrng.normal(0, 0.85, n) - 0.8 * ~resolved
              - 0.5 * ((wait > 120) & (q_idx <= Q_CHAT)))
    rating = np.clip(np.round(latent), 1, 5).astype(np.int64)
    angry = nrng.random(n) < np.where(resolved, 0.012, 0.06)  # ratings are J-shaped: a few 1s
    rating[angry] = 1
    rated = answered_mask & (nrng.random(n) < RATED[q_idx])
    offer = answered_mask & (q_idx <= Q_CHAT) & (nrng.random(n) < ag.offer_p[a])
    converted = offer & (nrng.random(n) < ag.convert_p[a])
    recorded = answered_mask & (nrng.random(n) < RECORDED[q_idx])

    external = [f"D{seed}-{i:07d}" for i in ids.tolist()]
    day_path = [tl.day(d).strftime("%Y/%m/%d") for d in range(tl.rota_days)]
    rec_ref: list[str | None] = [f"{day_path[d]}/{e}.wav" if r else None
                                 for d, e, r in zip(d_idx.tolist(), external, recorded.tolist(), strict=True)]
    channel_names = np.array([q.channel for q in QUEUES], dtype=object)
    agent_ids = np.where(answered_mask, ag.ids[a], 0)
    columns = {
        "id": ids.tolist(),
        "center_id": [1] * n,
        "queue_id": (q_idx + 1).tolist(),
        "agent_id": [int(x) if x else None for x in agent_ids.tolist()],
        "customer_id": [int(x) if x else None for x in customer.tolist()],
        "channel": channel_names[q_idx].tolist(),
        "region": region.tolist(),
        "source": ["demo"] * n,
        "external_id": external,
        "offered_at": db_times(offered),
        "answered_at": db_times_or_none(answered, answered_mask),
        "ended_at": db_times(ended),
        "wait_sec": wait.tolist(),
        "talk_sec": talk.tolist(),
        "wrap_sec": wrap.tolist(),
        "outcome": np.where(answered_mask, "answered", "abandoned").tolist(),
        "resolved": [bool(r) if m else None for r, m in zip(resolved.tolist(), answered_mask.tolist(), strict=True)],
        "rating": [int(r) if m else None for r, m in zip(rating.tolist(), rated.tolist(), strict=True)],
        "recording_ref": rec_ref,
        "recording_sec": [float(t) if r else None for t, r in zip(talk.tolist(), recorded.tolist(), strict=True)],
        "recommendation_offered": offer.tolist(),
        "recommendation_converted": converted.tolist(),
    }
    after_call = _after_call_pauses(nrng, agent, answered, ended, wrap, answered_mask, rota, ag.ids, tl.cutoff)
    return Traffic(n=n, offered=offered, answered=answered, ended=ended, wrap=wrap, queue=q_idx, agent=agent,
                   customer=customer, recorded=recorded, talk=talk, day=d_idx, external_id=external,
                   recording_ref=rec_ref, columns=columns, after_call=after_call)


def _queue(nrng: np.random.Generator, ready: np.ndarray, ring: np.ndarray, patience: np.ndarray,
           q_idx: np.ndarray, talk_raw: np.ndarray, wrap: np.ndarray, other_work: np.ndarray,
           talk_factor: np.ndarray, skills: np.ndarray, avail: np.ndarray, minute0: float,
           cutoff: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Simulate the floor contact by contact, in the order they become ready.

    An agent takes one call at a time (chats ``CHAT_CONCURRENCY`` at a time) and only while the
    rota has them available; the contact waits for the skilled agent who is free first, and a
    caller whose patience runs out first hangs up. VIP calls overflow to the general agents.
    Mail that finds nobody on shift waits half an hour and tries again.
    """
    n = ready.size
    n_agents = skills.shape[1]
    busy = np.full(n_agents, -np.inf)
    limit = avail.shape[0] - 1
    candidates, penalty = [], []
    for q in range(len(QUEUES)):
        if q == Q_VIP:
            pool = np.flatnonzero((skills[Q_VIP] > 0) | (skills[Q_GENERAL] > 0))
            candidates.append(pool)
            penalty.append(np.where(skills[Q_VIP, pool] > 0, 0.0, VIP_OVERFLOW_SEC))
        else:
            pool = np.flatnonzero(skills[q] > 0)
            candidates.append(pool)
            penalty.append(np.zeros(pool.size))
    agent = np.full(n, -1, dtype=np.int64)
    answered = np.full(n, np.nan)
    abandoned = np.zeros(n, dtype=bool)
    waiting = np.zeros(n, dtype=bool)  # mail still in the queue at "now"
    heap = list(zip(ready.tolist(), range(n), strict=True))
    heapq.heapify(heap)
    while heap:
        t, i = heapq.heappop(heap)
        q = q_idx[i]
        pool = candidates[q]
        free = np.maximum(busy[pool], t) + ring[i]  # the moment the agent would answer
        minute = np.minimum(((free - minute0) // 60).astype(np.int64), limit)
        ok = avail[minute, pool]
        if not ok.any():  # nobody skilled on shift and free: wait for someone to come back
            if t >= cutoff:
                waiting[i] = True
            elif patience[i] == np.inf:
                heapq.heappush(heap, (t + 1800.0, i))
            elif t + 60.0 - ready[i] > patience[i]:
                abandoned[i] = True
            else:
                heapq.heappush(heap, (t + 60.0, i))
            continue
        # a little jitter spreads the work among agents who are free at the same moment
        when = np.where(ok, free + penalty[q] + nrng.random(pool.size), np.inf)
        k = int(when.argmin())
        start = float(free[k])
        if start - ready[i] > patience[i]:
            abandoned[i] = True
            continue
        a = int(pool[k])
        agent[i] = a
        answered[i] = start
        handle = talk_raw[i] * talk_factor[a] + wrap[i] + other_work[i]
        busy[a] = start + (handle / CHAT_CONCURRENCY if q == Q_CHAT else handle)
    return agent, answered, abandoned | waiting, waiting


def _customers(nrng: np.random.Generator, q_idx: np.ndarray, customers: Customers) -> np.ndarray:
    """Repeat callers are common: a long-tailed choice among regular customers; VIPs on the VIP line."""
    n = q_idx.size
    regular = customers.ids[~customers.vip]
    vip = customers.ids[customers.vip]
    weights = 1.0 / (np.arange(regular.size) + 10.0) ** 0.9
    weights /= weights.sum()
    out = nrng.choice(regular, size=n, p=weights)
    is_vip_line = q_idx == Q_VIP
    if vip.size:
        out[is_vip_line] = nrng.choice(vip, size=int(is_vip_line.sum()))
    return out


def _after_call_pauses(nrng: np.random.Generator, agent: np.ndarray, answered: np.ndarray, ended: np.ndarray,
                       wrap: np.ndarray, mask: np.ndarray, rota: RotaPlan, agent_ids: np.ndarray,
                       cutoff: float) -> dict[str, list]:
    """Short after-call pauses, placed in real gaps between an agent's contacts."""
    rows = np.flatnonzero(mask)
    order = rows[np.lexsort((answered[rows], agent[rows]))]
    a, start, nxt = agent[order[:-1]], ended[order[:-1]] + wrap[order[:-1]], answered[order[1:]]
    same = a == agent[order[1:]]
    gap = nxt - start
    candidate = same & (gap >= 240) & (gap <= 3600) & (nrng.random(a.size) < 0.08)
    dur = np.minimum(gap - 60, nrng.uniform(60, 180, a.size))
    end = start + dur
    limit = rota.avail.shape[0] - 1
    m_s = np.clip(((start - rota.minute0) // 60).astype(np.int64), 0, limit)
    m_e = np.clip(((end - rota.minute0) // 60).astype(np.int64), 0, limit)
    inside = rota.avail[m_s, a] & rota.avail[m_e, a] & (end <= cutoff)
    pick = np.flatnonzero(candidate & inside)
    return {"agent_id": agent_ids[a[pick]].tolist(), "started_at": start[pick].tolist(),
            "ended_at": end[pick].tolist()}
