"""``floorwalker bench qa``: the weekly draw for 1,000 agents over 1,000,000 interactions, its replay,
and the query behind the review screen listing 5,000 sampled items.

The scratch SQLite database (one center, 1,000 agents in 50 teams with a supervisor each, five
queues over phone, chat and email, 1,000,000 interactions in one week, 90 % recorded) is built
with bulk inserts once and cached under ``<data folder>/bench`` by schema revision. Each run
deletes the previous run's draw (not timed), then times:

* ``eligible`` (baseline): the SELECT of the eligible population alone;
* ``draw``: the whole draw (eligibility, ranking, strata, reviewers, storing the population and
  the 5,000 samples) — target 3 s. The recordings of the picks are not looked at on disk here
  (``check_files`` off: the bench has no audio files); on a real center that adds one ``stat``
  and a WAV header read per pick, about 5,000 small reads;
* ``replay``: recomputing the stored draw and comparing item by item — target 3 s;
* ``worklist 5,000``: the review screen's query of the week's 5,000 samples with agent, team,
  reviewer, queue, masked customer and latest review (the UI helper measures the paint).
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
from sqlalchemy import delete

from app.actor import Actor
from app.bench.registry import BenchOptions, BenchResult, Measurement, benchmark, repeat_of
from app.config import data_dir
from db.database import Database

AGENTS = 1000
TEAMS = 50
INTERACTIONS = 1_000_000
WEEK = date(2026, 11, 9)  # Monday; the clock of the bench stands on the Wednesday after
TARGET_DRAW = 3.0
TARGET_LIST = 0.3


def _build(db: Database, options: BenchOptions) -> None:
    from app.demo.timeline import db_times
    from app.demo.writer import BulkWriter
    from db.models import Center, Interaction, Person, Queue, Team

    rng = np.random.default_rng(47)
    with db.session() as s:
        w = BulkWriter(s)
        w.dicts(Center.__table__, [{"id": 1, "name": "Bench Center", "timezone": "Asia/Shanghai",
                                    "holiday_country": "CN", "opening_hours": {}, "locale": "zh_CN",
                                    "version": 1}])
        w.dicts(Team.__table__, [{"id": t + 1, "center_id": 1, "name": f"Team {t + 1:02d}", "version": 1}
                                 for t in range(TEAMS)])
        people = [{"id": t + 1, "center_id": 1, "team_id": t + 1, "employee_no": f"S{t + 1:04d}",
                   "full_name": f"Supervisor {t + 1:02d}", "job_title": "supervisor",
                   "hire_date": date(2020, 1, 1), "version": 1} for t in range(TEAMS)]
        people += [{"id": TEAMS + a + 1, "center_id": 1, "team_id": a % TEAMS + 1, "employee_no": f"A{a + 1:05d}",
                    "full_name": f"Agent {a + 1:04d}", "job_title": "agent", "level": "junior",
                    "hire_date": date(2021, 1, 1), "version": 1} for a in range(AGENTS)]
        w.dicts(Person.__table__, people)
        w.update_many(Team.__table__, "id", "supervisor_id", [(t + 1, t + 1) for t in range(TEAMS)])
        queues = [("Hotline", "phone"), ("Billing", "phone"), ("VIP", "phone"), ("Web chat", "chat"),
                  ("Email", "email")]
        w.dicts(Queue.__table__, [{"id": k + 1, "center_id": 1, "name": n, "channel": c, "version": 1}
                                  for k, (n, c) in enumerate(queues)])
        start = datetime(2026, 11, 8, 16, 0, tzinfo=UTC).timestamp()  # Mon 00:00 Shanghai
        chunk = 100_000
        for first in range(0, INTERACTIONS, chunk):
            options.say(f"building the QA bench database: {first:,} of {INTERACTIONS:,} interactions…")
            n = min(chunk, INTERACTIONS - first)
            ids = np.arange(first + 1, first + n + 1)
            offered = np.sort(start + rng.uniform(0, 7 * 86400 - 1, n))
            queue = rng.choice(5, n, p=[0.35, 0.2, 0.1, 0.25, 0.1])
            talk = rng.lognormal(5.0, 0.6, n)
            recorded = rng.random(n) < 0.9
            w.columns(Interaction.__table__, {
                "id": ids.tolist(), "center_id": [1] * n, "queue_id": (queue + 1).tolist(),
                "agent_id": (TEAMS + 1 + rng.integers(0, AGENTS, n)).tolist(),
                "channel": [queues[q][1] for q in queue.tolist()], "source": ["bench"] * n,
                "external_id": [f"b{i}" for i in ids.tolist()], "offered_at": db_times(offered),
                "answered_at": db_times(offered + 10), "ended_at": db_times(offered + 10 + talk),
                "wait_sec": [10.0] * n, "talk_sec": talk.tolist(), "wrap_sec": [30.0] * n,
                "outcome": ["answered"] * n,
                "recording_ref": [f"2026/11/b{i}.wav" if r else None for i, r in zip(ids.tolist(),
                                                                                       recorded.tolist(),
                                                                                       strict=True)],
                "recording_sec": [float(t) if r else None for t, r in zip(talk.tolist(), recorded.tolist(),
                                                                          strict=True)],
                "recommendation_offered": [False] * n, "recommendation_converted": [False] * n,
            })
        w.reset_sequences()


def cached_qa_db(options: BenchOptions) -> Path:
    from app.bench.benchmarks import _copy_sqlite, _remove_sqlite
    from db.migrate import head_revision

    bench = data_dir() / "bench"
    bench.mkdir(parents=True, exist_ok=True)
    path = bench / f"qa-{head_revision()}-{AGENTS}a-{INTERACTIONS}.db"
    if not path.exists():
        from app.bootstrap import open_database

        partial = path.with_suffix(".partial")
        _remove_sqlite(partial)
        db = open_database(str(partial)).db
        try:
            _build(db, options)
        finally:
            db.dispose()
        _copy_sqlite(partial, path)
        _remove_sqlite(partial)
    return path


@benchmark("qa", f"weekly QA draw for {AGENTS:,} agents over {INTERACTIONS:,} interactions, its replay, and the "
           "review list of 5,000 samples (targets: draw and replay 3 s); --pg URL: on a scratch PostgreSQL "
           "database instead of the cached SQLite file", default_repeat=3)
def qa(options: BenchOptions) -> BenchResult:
    from app.bootstrap import open_database

    if options.pg:
        from app.bench.concurrency import scratch_database

        with scratch_database(options) as (url, db):
            options.say("building the QA bench data on PostgreSQL…")
            _build(db, options)
            return _measure(db, options, {"database": "scratch PostgreSQL database (dropped afterwards)"})
    path = Path(options.db) if options.db else cached_qa_db(options)
    db = open_database(str(path)).db
    try:
        return _measure(db, options, {"database": str(path)})
    finally:
        db.dispose()


def _measure(db: Database, options: BenchOptions, info: dict[str, object]) -> BenchResult:
    from app import clock
    from app.quality.draw import _eligible_population, _week_range, replay_draw, run_draw
    from app.quality.reviews import worklist
    from app.quality.sampling import DrawRules
    from db.models import QaDraw, QaSample

    clock.set_clock(clock.FrozenClock(datetime(2026, 11, 18, 2, 0, tzinfo=UTC)))
    rules = DrawRules(check_files=False)
    eligible, draws, replays, lists = [], [], [], []
    draw_cpu, replay_cpu = [], []
    try:
        for run in range(repeat_of(options, "qa")):
            with db.session() as s:
                s.execute(delete(QaSample))
                s.execute(delete(QaDraw))
            options.say(f"run {run + 1}: eligible population…")
            with db.session() as s:
                t = time.perf_counter()
                start, end = _week_range(s, WEEK)
                population = len(_eligible_population(s, start, end, rules))
                eligible.append(time.perf_counter() - t)
            options.say(f"run {run + 1}: draw…")
            t, c = time.perf_counter(), time.process_time()
            with db.session() as s:
                out = run_draw(s, Actor.system(), WEEK, seed=f"bench-{run}", rules=rules)
            draws.append(time.perf_counter() - t)
            draw_cpu.append(time.process_time() - c)
            options.say(f"run {run + 1}: replay…")
            t, c = time.perf_counter(), time.process_time()
            with db.session() as s:
                again = replay_draw(s, out.draw_id)
            replays.append(time.perf_counter() - t)
            replay_cpu.append(time.process_time() - c)
            if not again.identical:
                raise RuntimeError(f"the replay of bench draw {out.draw_id} differs: {again.differences[:3]}")
            t = time.perf_counter()
            with db.session() as s:
                items = len(worklist(s, Actor("analyst", "quality_analyst"), WEEK).items)
            lists.append(time.perf_counter() - t)
            info.update({"population": population, "samples": out.samples, "listed": items,
                         "shortfalls": len(out.shortfalls), "replay identical": again.identical})
    finally:
        clock.reset_clock()
    return BenchResult("qa", (
        Measurement("eligible", tuple(eligible), note="SELECT of the eligible population only"),
        Measurement("draw", tuple(draws), baseline="eligible", target=TARGET_DRAW,
                    note="eligibility + ranking + strata + reviewers + storing population and samples"),
        Measurement("replay", tuple(replays), baseline="eligible", target=TARGET_DRAW,
                    note="recompute from the stored population and compare item by item"),
        Measurement("draw (CPU)", tuple(draw_cpu), note="process CPU time of the draw: what a busy machine's "
                    "other work does not inflate (PostgreSQL's own work is not in it)"),
        Measurement("replay (CPU)", tuple(replay_cpu), note="process CPU time of the replay"),
        Measurement("worklist 5,000", tuple(lists), target=TARGET_LIST,
                    note="the review screen's query of the week's samples (paint measured in ui/)"),
    ), info)
