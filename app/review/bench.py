"""`floorwalker bench reports`: quarterly KPIs for 500 agents over 2 million interactions, and the
printed center pack for all of them.

The center is generated straight into a SQLite file (numpy + executemany; cached under the
data folder by schema revision and size): 500 agents in 25 teams, Q3 2026 (92 days) with
``--interactions`` contacts (2,000,000 by default) spread over working days, logged-in
intervals, published shifts, five QA reviews per agent per week, complaints and knowledge-base
contributions. Measurements:

* ``kpi quarter`` — ``kpi_report`` for the quarter (every aggregate in SQL); target < 5 s.
* ``python loop`` (baseline) — the first indicator alone (average wait per agent) computed the
  naive way: every handled contact fetched and summed in Python. The ratio shows what SQL
  aggregation saves.
* ``pack center`` — ``floorwalker report quarterly`` in a fresh process: review, charts and a
  503-page PDF; target < 30 s, and its peak memory (target < 1 GB) is reported.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

from app.bench.registry import BenchOptions, BenchResult, Measurement, benchmark, repeat_of
from app.config import data_dir

AGENTS = 500
TEAMS = 25
QUARTER = (2026, 3)
TZ = "Asia/Shanghai"


def _times(epochs: np.ndarray) -> list[str]:
    from app.demo.timeline import db_times

    return db_times(epochs)


def build_center(path: Path, interactions: int, *, seed: int = 11, say=print) -> None:  # noqa: ANN001
    """A 500-agent center with one quarter of history, written with bulk inserts."""
    from sqlalchemy import insert

    from app.bootstrap import open_database
    from app.demo.writer import BulkWriter
    from db.models import (
        AgentStateInterval,
        Center,
        Complaint,
        Interaction,
        KnowledgeContribution,
        Person,
        QaReview,
        Queue,
        Rota,
        ShiftAssignment,
        Team,
    )

    rng = np.random.default_rng(seed)
    db = open_database(str(path)).db
    tz = ZoneInfo(TZ)
    first = date(2026, 7, 1)
    days = [first + timedelta(days=i) for i in range(92)]
    working = [d for d in days if d.weekday() < 5 or d.weekday() == 5 and d.day % 2 == 0]
    day_start = np.array([datetime(d.year, d.month, d.day, 8, tzinfo=tz).timestamp() for d in working])
    try:
        with db.session() as s:
            s.execute(insert(Center).values(id=1, name="Bench Center", timezone=TZ, holiday_country="CN",
                                            opening_hours={}, locale="zh_CN", version=1))
            s.execute(insert(Team), [{"id": t + 1, "center_id": 1, "name": f"Team {t + 1:02d}", "version": 1}
                                     for t in range(TEAMS)])
            s.execute(insert(Person), [{
                "id": a + 1, "center_id": 1, "team_id": a % TEAMS + 1, "employee_no": f"B{a + 1:05d}",
                "full_name": f"Agent {a + 1:03d}", "job_title": "agent", "level": "junior",
                "hire_date": date(2025, 1, 1) if a % 50 else date(2026, 8, 17), "contract_hours_week": 40.0,
                "cleared_for_solo": True, "active": True, "version": 1} for a in range(AGENTS)])
            s.execute(insert(Queue), [{"id": q + 1, "center_id": 1, "name": n, "channel": c, "is_vip": False,
                                       "version": 1}
                                      for q, (n, c) in enumerate([("Phone", "phone"), ("Chat", "chat")])])
            writer = BulkWriter(s)
            say(f"writing {interactions:,} interactions…")
            chunk = 250_000
            for start in range(0, interactions, chunk):
                n = min(chunk, interactions - start)
                agent = rng.integers(1, AGENTS + 1, n)
                day = rng.integers(0, len(working), n)
                offered = day_start[day] + rng.uniform(0, 10 * 3600, n)
                wait = rng.gamma(2.0, 9.0, n)
                talk = rng.gamma(3.0, 70.0, n)
                answered = rng.random(n) > 0.04
                rated = rng.random(n) < 0.35
                channel = np.where(rng.random(n) < 0.7, "phone", "chat")
                writer.columns(Interaction.__table__, {
                    "id": list(range(start + 1, start + n + 1)), "center_id": [1] * n,
                    "queue_id": np.where(channel == "phone", 1, 2).tolist(), "agent_id": agent.tolist(),
                    "channel": channel.tolist(), "source": ["bench"] * n,
                    "offered_at": _times(offered),
                    "answered_at": [t if a else None for t, a in zip(_times(offered + wait), answered.tolist(),
                                                                     strict=True)],
                    "ended_at": _times(offered + wait + talk), "wait_sec": wait.round(1).tolist(),
                    "talk_sec": talk.round(1).tolist(), "wrap_sec": [30.0] * n,
                    "outcome": np.where(answered, "answered", "abandoned").tolist(),
                    "resolved": [bool(r) if a else None for r, a in zip((rng.random(n) < 0.9).tolist(),
                                                                       answered.tolist(), strict=True)],
                    "rating": [int(r) if k else None for r, k in zip(rng.choice([3, 4, 5, 5, 5], n).tolist(),
                                                                     rated.tolist(), strict=True)],
                    "recommendation_offered": (rng.random(n) < 0.2).tolist(),
                    "recommendation_converted": (rng.random(n) < 0.012).tolist(),
                })
            say("writing agent states, shifts, QA, complaints…")
            states, shifts = [], []
            rota_ids = {}
            for week in range(14):
                monday = date(2026, 6, 29) + timedelta(days=7 * week)
                rota_ids[monday] = week + 1
            s.execute(insert(Rota), [{"id": rid, "center_id": 1, "week_start": monday, "status": "published",
                                      "revision": 1, "created_at": datetime(2026, 6, 1, tzinfo=UTC), "version": 1}
                                     for monday, rid in rota_ids.items()])
            for a in range(1, AGENTS + 1):
                for i, d in enumerate(working):
                    if (i + a) % 6 == 0:
                        continue
                    start = day_start[i]
                    shifts.append((len(shifts) + 1, rota_ids[d - timedelta(days=d.weekday())], a,
                                   *_times(np.array([start, start + 9 * 3600])), 1))
                    states.append((len(states) + 1, a, "logged_in", *_times(np.array([start + 120,
                                                                                      start + 8.5 * 3600]))))
            writer.dicts(ShiftAssignment.__table__, _dicts(["id", "rota_id", "person_id", "starts_at", "ends_at",
                                                            "version"], shifts, is_backup=False))
            writer.tuples(AgentStateInterval.__table__, ["id", "agent_id", "state", "started_at", "ended_at"],
                          states)
            reviews = []
            for a in range(1, AGENTS + 1):
                for k in range(65):  # five a week over 13 weeks, on interactions of the agent
                    iid = int(rng.integers(1, interactions + 1))
                    reviews.append((len(reviews) + 1, iid, a, int(rng.integers(5, 11)),
                                    int(rng.random() < 0.03), _times(np.array([day_start[k % len(working)]]))[0],
                                    "final", 1))
            writer.dicts(QaReview.__table__, _dicts(["id", "interaction_id", "agent_id", "dialogue_score",
                                                     "violations", "reviewed_at", "status", "version"], reviews,
                                                    answers={}))
            complaints = []
            for c in range(5000):
                opened = day_start[c % len(working)] + 3600
                complaints.append((c + 1, 1, f"B-{c + 1:05d}", "complaint", "phone", "other", "regular", "closed",
                                   "bench", c % AGENTS + 1, *_times(np.array([opened, opened, opened + 20 * 3600])),
                                   c % TEAMS + 1, 1))
            writer.dicts(Complaint.__table__, _dicts(["id", "center_id", "reference", "kind", "channel", "category",
                                                      "priority", "stage", "summary", "owner_id", "first_contact_at",
                                                      "opened_at", "resolved_at", "team_id", "version"], complaints,
                                                     departments=[]))
            kb = [(i + 1, i % AGENTS + 1, _times(np.array([day_start[i % len(working)]]))[0], f"Article {i}",
                   "accepted") for i in range(6000)]
            writer.tuples(KnowledgeContribution.__table__, ["id", "person_id", "created_at", "title", "status"], kb)
    finally:
        db.dispose()


def _dicts(names: list[str], rows: list[tuple], **fixed: object) -> list[dict[str, object]]:
    """Rows as mappings (so BulkWriter fills every other column's default), plus fixed values."""
    return [{**fixed, **dict(zip(names, r, strict=True))} for r in rows]


def cached_center(options: BenchOptions, interactions: int) -> Path:
    from db.migrate import head_revision

    bench = data_dir() / "bench"
    bench.mkdir(parents=True, exist_ok=True)
    path = bench / f"reports-{head_revision()}-{AGENTS}a-{interactions}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        options.say(f"building the reports benchmark center {path.name} (once)…")
        build_center(partial, interactions, say=options.say)
        partial.replace(path)
    return path


@benchmark("reports", "quarterly KPIs for 500 agents over 2M interactions, and the printed center pack "
           "(--interactions N, --skip-large: no pack)", default_repeat=3)
def reports(options: BenchOptions) -> BenchResult:
    from sqlalchemy import select

    from app.review.kpi import kpi_report
    from app.review.periods import quarter_window
    from db.database import Database
    from db.models import Interaction

    interactions = options.interactions if options.interactions != 1_000_000 else 2_000_000
    path = cached_center(options, interactions)
    db = Database(str(path))
    window = quarter_window(*QUARTER, ZoneInfo(TZ))
    now = datetime(2026, 10, 15, tzinfo=UTC)
    kpi_times, loop_times = [], []
    agents = under = 0
    try:
        for _ in range(repeat_of(options, "reports")):
            with db.session() as s:
                t = time.perf_counter()
                report = kpi_report(s, window, now=now)
                kpi_times.append(time.perf_counter() - t)
                agents, under = len(report.agents), len(report.under_target)
        with db.session() as s:  # the naive baseline: fetch everything, sum in Python (one run: it is slow)
            t = time.perf_counter()
            sums: dict[int, list[float]] = {}
            for agent_id, wait in s.execute(select(Interaction.agent_id, Interaction.wait_sec).where(
                    Interaction.offered_at >= window.start, Interaction.offered_at < window.end,
                    Interaction.answered_at.is_not(None))):
                acc = sums.setdefault(agent_id, [0.0, 0.0])
                acc[0] += wait
                acc[1] += 1
            loop_times.append(time.perf_counter() - t)
    finally:
        db.dispose()
    measurements = [
        Measurement("python loop (avg wait only)", tuple(loop_times), note="baseline: fetch rows, sum in Python"),
        Measurement("kpi quarter", tuple(kpi_times), baseline="python loop (avg wait only)", target=5.0,
                    note=f"{agents} agents, {interactions:,} interactions, 9 indicators"),
    ]
    info: dict[str, object] = {"database": str(path), "agents": agents, "under_target": under}
    if not options.skip_large:
        pack_times, peaks = [], []
        with tempfile.TemporaryDirectory(prefix="floorwalker-pack-") as tmp:
            for _ in range(1 if options.repeat is None else repeat_of(options, "reports")):
                out = Path(tmp) / "pack.pdf"
                t = time.perf_counter()
                proc = subprocess.run([sys.executable, "-m", "app", "report", "quarterly", "--quarter", "2026Q3",
                                       "--out", str(out), "--db", str(path)], capture_output=True, text=True,
                                      env=_offscreen_env(), timeout=600, check=False)
                pack_times.append(time.perf_counter() - t)
                if proc.returncode != 0:
                    raise RuntimeError(f"report quarterly failed: {proc.stderr.strip()[-500:]}")
                peaks.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0)
                info["pack"] = proc.stdout.strip()
                info["pack_bytes"] = out.stat().st_size
        measurements.append(Measurement("pack center", tuple(pack_times), target=30.0,
                                        note="fresh process: review + charts + PDF of every agent"))
        measurements.append(Measurement("pack peak memory", tuple(peaks), unit="MB", target=1024.0,
                                        note="largest child process so far (ru_maxrss)"))
    return BenchResult("reports", tuple(measurements), info)


def _offscreen_env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env
