"""Demo people development and the customer's voice: training records (R-SCH-8, R-SCH-9), skill
assessments, knowledge-base contributions (R-KPI-8) and quarterly satisfaction surveys (R-QA-6).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from app.demo import texts
from app.demo.rota import RotaPlan
from app.demo.staff import Organisation
from app.demo.timeline import Timeline, to_datetime
from app.demo.traffic import Traffic

SURVEY_SCORES = (5, 4, 3, 2, 1)
SURVEY_WEIGHTS = (0.52, 0.38, 0.06, 0.025, 0.015)  # ~90 % satisfied (4 or 5)


@dataclass
class Development:
    training: list[dict]
    assessments: list[dict]
    contributions: list[dict]
    surveys: list[dict]


def _quarter_start(d: date) -> date:
    return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def _next_quarter(d: date) -> date:
    q = _quarter_start(d)
    return date(q.year + (q.month == 10), (q.month + 2) % 12 + 1, 1)


def build_development(rnd: random.Random, nrng: np.random.Generator, tl: Timeline, org: Organisation,
                      rota: RotaPlan, traffic: Traffic) -> Development:
    ag = org.agents
    trainer = org.staff["trainer"]
    training = [{"id": k, "person_id": int(ag.ids[s.agent]), "kind": s.kind, "topic": s.topic,
                 "started_at": to_datetime(s.start), "hours": s.hours, "trainer_id": trainer, "version": 1}
                for k, s in enumerate(sorted(rota.sessions, key=lambda s: (s.start, s.agent)), start=1)]

    assessments: list[dict] = []

    def assess(a: int, at: float, kind: str, score: float, passed: bool) -> None:
        assessments.append({"id": len(assessments) + 1, "person_id": int(ag.ids[a]), "assessed_at": to_datetime(at),
                            "kind": kind, "score": round(score, 1), "passed": passed, "assessor_id": trainer,
                            "version": 1})

    quarters = []
    q = _quarter_start(tl.first_day - timedelta(days=1))
    while q <= tl.today:
        quarters.append(q)
        q = _next_quarter(q)
    for a in range(ag.n):
        for q in quarters:
            end = _next_quarter(q) - timedelta(days=1)
            window_start = max(q, ag.hire[a] + timedelta(days=30))
            if window_start > min(end, tl.today) or (end > tl.today and rnd.random() < 0.4):
                continue  # not assessed yet this quarter
            day = window_start + timedelta(days=rnd.randrange(max(1, (min(end, tl.today) - window_start).days)))
            at = min(tl.local_epoch(day, rnd.uniform(10, 16) * 60), tl.cutoff - 3600)
            score = float(np.clip(rnd.gauss(80 + 4 * int(ag.level[a]), 7), 45, 100))
            assess(a, at, "quarterly", score, score >= 70)
        if (tl.today - ag.hire[a]).days < 120 and ag.cleared[a]:  # R-SCH-9: cleared for solo calls
            at = tl.local_epoch(ag.hire[a] + timedelta(days=3), 16 * 60)
            assess(a, min(at, tl.cutoff - 3600), "practical", rnd.uniform(75, 95), True)
        if ag.level[a] == 1 and rnd.random() < 0.1:
            assess(a, tl.cutoff - rnd.uniform(5, 40) * 86400, "promotion", rnd.uniform(84, 96), True)

    contributions: list[dict] = []
    month = date(tl.first_day.year, tl.first_day.month, 1)
    first = tl.local_epoch(tl.first_day)
    while month <= tl.today:
        nxt = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
        lo, hi = max(first, tl.local_epoch(month)), min(tl.cutoff, tl.local_epoch(nxt))
        share = (hi - lo) / (tl.local_epoch(nxt) - tl.local_epoch(month))
        for a in range(ag.n):
            for _ in range(int(nrng.poisson(ag.kb_rate[a] * share))):
                at = rnd.uniform(lo, hi)
                status = "pending" if at > tl.cutoff - 3 * 86400 else rnd.choices(
                    ("accepted", "pending", "rejected"), (0.85, 0.08, 0.07))[0]
                contributions.append({"id": len(contributions) + 1, "person_id": int(ag.ids[a]),
                                      "created_at": to_datetime(at), "title": rnd.choice(texts.KB_TITLES),
                                      "status": status})
        month = nxt

    # R-QA-6: a quarterly survey of customers who were served
    surveys: list[dict] = []
    served = np.flatnonzero((traffic.agent >= 0) & (traffic.customer > 0))
    for q in quarters:
        nq = _next_quarter(q)
        lo, hi = tl.local_epoch(q), tl.local_epoch(nq)
        pool = served[(traffic.ended[served] >= lo) & (traffic.ended[served] < hi)]
        if pool.size == 0:
            continue
        covered = (min(hi, tl.cutoff) - max(lo, first)) / (hi - lo)
        wanted = max(5, int(round(8 * ag.n * covered)))
        label = f"{q.year}-Q{(q.month - 1) // 3 + 1}"
        for i in sorted(rnd.sample(pool.tolist(), min(wanted, pool.size))):
            at = float(traffic.ended[i]) + rnd.uniform(1, 48) * 3600
            if at > tl.cutoff:
                continue
            score = rnd.choices(SURVEY_SCORES, SURVEY_WEIGHTS)[0]
            surveys.append({"id": len(surveys) + 1, "center_id": 1, "quarter": label,
                            "customer_id": int(traffic.customer[i]), "interaction_id": i + 1,
                            "responded_at": to_datetime(at), "score": score, "satisfied": score >= 4,
                            "comment": rnd.choice(texts.SURVEY_COMMENTS) if rnd.random() < 0.2 else None})
    return Development(training=training, assessments=assessments, contributions=contributions, surveys=surveys)
