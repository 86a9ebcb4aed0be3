"""Grow a demo database to a large number of interactions (for start-up and query benchmarks).

The extra rows resample the demo's own contacts (time of day, queue, agent, outcome, times),
jittered in time and spread over the same period, so every daily and weekly shape survives.
They are marked ``source = 'synthetic'`` and have no recordings.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from sqlalchemy import func, select

from app.demo.timeline import db_times, db_times_or_none
from app.demo.writer import BulkWriter
from db.database import Database
from db.models import Interaction

CHUNK = 100_000


def grow_interactions(db: Database, total: int, *, seed: int = 1,
                      progress: Callable[[int, int], None] | None = None) -> int:
    """Add synthetic interactions until the table holds ``total`` rows; returns how many were added."""
    t = Interaction
    with db.session() as s:
        existing = int(s.scalar(select(func.count()).select_from(t)) or 0)
        if existing >= total:
            return 0
        if existing == 0:
            raise ValueError("grow_interactions needs a database with interactions to resample (run the demo)")
        top = int(s.scalar(select(func.max(t.id))) or 0)
        rows = s.execute(select(
            t.center_id, t.queue_id, t.agent_id, t.customer_id, t.channel, t.region, t.offered_at,
            t.wait_sec, t.talk_sec, t.wrap_sec, t.outcome, t.resolved, t.rating,
            t.recommendation_offered, t.recommendation_converted)).all()
    rng = np.random.default_rng(seed)
    names = ("center_id", "queue_id", "agent_id", "customer_id", "channel", "region", "offered_at", "wait_sec",
             "talk_sec", "wrap_sec", "outcome", "resolved", "rating", "recommendation_offered",
             "recommendation_converted")
    column = {name: np.array(values, dtype=object) for name, values in zip(names, zip(*rows, strict=True),
                                                                          strict=True)}
    offered = np.array([o.timestamp() for o in column.pop("offered_at")])
    first, last = offered.min(), offered.max()
    wanted = total - existing
    pick = rng.integers(0, len(rows), wanted)
    when = np.clip(offered[pick] + rng.normal(0, 900, wanted), first, last)
    order = np.argsort(when, kind="stable")
    pick, when = pick[order], when[order]
    added = 0
    with db.session() as s:
        writer = BulkWriter(s)
        for start in range(0, wanted, CHUNK):
            p = pick[start:start + CHUNK]
            w = when[start:start + CHUNK]
            n = p.size
            ids = np.arange(top + 1 + start, top + 1 + start + n)
            data = {name: values[p].tolist() for name, values in column.items()}
            wait = np.array(data["wait_sec"], dtype=float)
            talk = np.array(data["talk_sec"], dtype=float)
            answered = np.array([o == "answered" for o in data["outcome"]])
            data.update({
                "id": ids.tolist(),
                "source": ["synthetic"] * n,
                "external_id": [f"syn-{i}" for i in ids.tolist()],
                "offered_at": db_times(w),
                "answered_at": db_times_or_none(w + wait, answered),
                "ended_at": db_times(w + wait + talk),
                "recording_ref": [None] * n,
                "recording_sec": [None] * n,
            })
            writer.columns(t.__table__, data)
            added += n
            if progress is not None:
                progress(existing + added, total)
        writer.reset_sequences()
    return added
