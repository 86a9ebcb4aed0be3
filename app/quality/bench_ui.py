"""``floorwalker bench qa-review``: opening the Quality review screen with 5,000 sampled items.

Target (issue 5): under 300 ms from opening the Review tab to its first paint with the sample
listed. Each run is a fresh offscreen process (``python -m ui.quality.bench_probe``) that imports
the console's modules and opens the database first, then times creating the tab, reading the
week's worklist on the task pool and painting it. The baseline, measured in the same run by the
same probe, opens a week without a draw: the cost of the screen itself. The tab widget is built before the clock starts (the console
builds it with the workspace); the clock runs from showing it to its first paint with the list.

The database is the cached benchmark demo grown to 1,000 agents with one synthetic draw of 5
samples each (cached next to the demo, like the start-up benchmark's large database).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.bench.benchmarks import (
    PROJECT_ROOT,
    _console_env,
    _copy_sqlite,
    _remove_sqlite,
    cached_demo,
)
from app.bench.registry import (
    BenchError,
    BenchOptions,
    BenchResult,
    Measurement,
    benchmark,
    repeat_of,
)

SAMPLED_ITEMS = 5_000
AGENTS = 1_000
TARGET_SECONDS = 0.300
PROBE_TIMEOUT = 120.0
BENCH_SEED = "bench-qa-review"


@benchmark("qa-review", f"open the Quality review tab with {SAMPLED_ITEMS:,} sampled items: to first paint "
           "(offscreen, fresh process per run)", default_repeat=5)
def qa_review(options: BenchOptions) -> BenchResult:
    repeat = repeat_of(options, "qa-review")
    demo = Path(options.db) if options.db else cached_demo(options)
    path, week, empty_week = review_database(options, demo)
    env = _console_env()
    runs: dict[str, list[float]] = {"empty": [], "full": []}
    loaded: list[float] = []
    cpu: list[float] = []
    items = 0
    _probe(path, empty_week, env)  # warm-up: file caches and .pyc files, not counted
    for run in range(repeat):
        options.say(f"opening the review tab, run {run + 1} of {repeat}…")
        runs["empty"].append(_probe(path, empty_week, env)["first_paint"])
        result = _probe(path, week, env)
        runs["full"].append(result["first_paint"])
        loaded.append(result["loaded"])
        cpu.append(result["cpu"])
        items = int(result["items"])
    if items != SAMPLED_ITEMS:
        raise BenchError(f"the review tab listed {items} items instead of {SAMPLED_ITEMS}")
    baseline = "review tab, a week without a draw (baseline)"
    return BenchResult("qa-review", (
        Measurement(baseline, tuple(runs["empty"]), note="showing, loading and painting the empty tab"),
        Measurement(f"review tab, {SAMPLED_ITEMS:,} sampled items: first paint", tuple(runs["full"]),
                    baseline=baseline, target=TARGET_SECONDS,
                    note="show the tab, read the worklist on the task pool, list it, paint"),
        Measurement(f"review tab, {SAMPLED_ITEMS:,} sampled items: worklist on screen", tuple(loaded),
                    note="before the paint: query, dataclasses, models"),
        Measurement(f"review tab, {SAMPLED_ITEMS:,} sampled items: CPU time to first paint", tuple(cpu),
                    note="all threads of the probe; close to the wall time on an idle machine"),
    ), {"database": str(path), "sampled week": week, "agents": AGENTS})


def _probe(path: Path, week: str, env: dict[str, str]) -> dict[str, float]:
    command = [sys.executable, "-m", "ui.quality.bench_probe", "--db", str(path), "--week", week]
    done = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                          timeout=PROBE_TIMEOUT, check=False)
    line = next((ln for ln in reversed(done.stdout.splitlines()) if ln.startswith("{")), "")
    result = json.loads(line) if line else {}
    if done.returncode != 0 or "first_paint" not in result:
        raise BenchError(f"the review probe failed ({done.returncode}): {result.get('error', '')} "
                         f"{done.stderr[-800:]}")
    return result


def review_database(options: BenchOptions, demo: Path) -> tuple[Path, str, str]:
    """The demo grown to ``AGENTS`` agents with a synthetic draw of 5 samples each; (path, week, empty week)."""
    from sqlalchemy import func, insert, select

    from db.database import Database
    from db.models import Interaction, Person, QaDraw, QaSample, Team

    path = demo.with_name(f"{demo.stem}-qa-review-{SAMPLED_ITEMS}.db")
    if path.exists():
        db = Database(str(path))
        try:
            with db.session() as s:
                cached = s.scalar(select(QaDraw.week_start).where(QaDraw.seed == BENCH_SEED))
        finally:
            db.dispose()
        if cached is not None:
            return path, cached.isoformat(), (cached + timedelta(days=7)).isoformat()
        _remove_sqlite(path)
    db = Database(str(demo))
    try:
        with db.session() as s:
            latest = s.scalar(select(func.max(QaDraw.week_start)))
    finally:
        db.dispose()
    week = (latest or datetime(2026, 1, 5).date()) + timedelta(days=7 * 4)  # after the demo's own draws
    empty_week = week + timedelta(days=7)
    options.say(f"adding {AGENTS:,} agents and a {SAMPLED_ITEMS:,}-item draw to a copy of the demo…")
    partial = path.with_suffix(".partial")
    _copy_sqlite(demo, partial)
    db = Database(str(partial))
    try:
        with db.session() as s:
            teams = s.execute(select(Team.id, Team.supervisor_id, Team.center_id).order_by(Team.id)).all()
            if not teams:
                raise BenchError(f"{demo} has no teams (is it a demo database?)")
            agents = [a for (a,) in s.execute(select(Person.id).where(Person.job_title == "agent")
                                              .order_by(Person.id))]
            hire = datetime(2025, 1, 1).date()
            new = [{"center_id": teams[k % len(teams)].center_id, "team_id": teams[k % len(teams)].id,
                    "employee_no": f"QAB{k:05d}", "full_name": f"Bench Agent {k:04d}", "job_title": "agent",
                    "level": "junior", "hire_date": hire, "active": True, "version": 1}
                   for k in range(max(0, AGENTS - len(agents)))]
            if new:
                s.execute(insert(Person), new)
            agents = [a for (a,) in s.execute(select(Person.id).where(Person.job_title == "agent")
                                              .order_by(Person.id).limit(AGENTS)).all()]
            team_of = dict(s.execute(select(Person.id, Person.team_id)).all())
            supervisor = {t.id: t.supervisor_id for t in teams}
            recorded = [i for (i,) in s.execute(select(Interaction.id).where(Interaction.recording_ref.is_not(None))
                                                .order_by(Interaction.id).limit(SAMPLED_ITEMS))]
            if not recorded:
                raise BenchError(f"{demo} has no recorded interactions to sample")
            draw = QaDraw(center_id=teams[0].center_id, week_start=week, seed=BENCH_SEED, population=[],
                          population_hash="bench", rules={"quota": 5, "review_days": 7},
                          algorithm_version="bench", created_at=datetime.now(UTC), created_by="bench",
                          shortfalls=[])
            s.add(draw)
            s.flush()
            per_agent = SAMPLED_ITEMS // len(agents)
            rows = []
            for n in range(SAMPLED_ITEMS):
                agent = agents[min(n // max(per_agent, 1), len(agents) - 1)]
                rows.append({"draw_id": draw.id, "interaction_id": recorded[n % len(recorded)], "agent_id": agent,
                             "reviewer_id": supervisor.get(team_of.get(agent)), "stratum": "voice",
                             "status": "reviewed" if n % 3 == 0 else "pending", "origin": "draw",
                             "rank": n % 5 + 1, "version": 1})
            s.execute(insert(QaSample), rows)
    finally:
        db.dispose()
    _copy_sqlite(partial, path)
    _remove_sqlite(partial)
    return path, week.isoformat(), empty_week.isoformat()
