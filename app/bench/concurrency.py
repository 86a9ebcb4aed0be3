"""Many desks on one PostgreSQL database: ``jobs`` (exactly-once slots, take-over after a crash)
and ``conflicts`` (concurrent writers on the same complaints lose nothing).

Both create a scratch database on the server given by ``--pg`` (default: the
``FLOORWALKER_BENCH_PG`` variable, else the local server) and drop it afterwards.
"""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from app.bench.registry import (
    BenchError,
    BenchOptions,
    BenchResult,
    Measurement,
    benchmark,
    repeat_of,
)
from app.bootstrap import open_database
from db.database import Database, normalise_url

DEFAULT_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
WORKERS = 5
SLOTS = 1000


def server_url(options: BenchOptions) -> str:
    return normalise_url(options.pg or os.environ.get("FLOORWALKER_BENCH_PG") or DEFAULT_SERVER)


@contextmanager
def scratch_database(options: BenchOptions) -> Iterator[tuple[str, Database]]:
    import psycopg
    from sqlalchemy.engine import make_url

    server = make_url(server_url(options))
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"floorwalker_bench_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        raise BenchError(f"this benchmark needs PostgreSQL; {server.render_as_string()} said: {exc}".strip()) from exc
    url = server.set(database=name).render_as_string(hide_password=False)
    db = open_database(url).db
    try:
        yield url, db
    finally:
        db.dispose()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@benchmark("jobs", f"{WORKERS} worker processes race for {SLOTS} job slots on PostgreSQL; a claimer is "
           "killed mid-job and must be re-run exactly once (--pg)", default_repeat=3)
def jobs(options: BenchOptions) -> BenchResult:
    from app.jobs.runner import JobRunner
    from app.stress.jobs import COUNTING, executions_per_slot, slot_grid, worker_command

    race: list[float] = []
    takeover: list[float] = []
    duplicates = missing = 0
    shares: list[list[int]] = []
    for run in range(repeat_of(options, "jobs")):
        with scratch_database(options) as (url, db):
            slots = slot_grid(datetime(2026, 1, 5, tzinfo=UTC), SLOTS)
            options.say(f"run {run + 1}: {WORKERS} workers, {SLOTS} slots…")
            start = time.perf_counter()
            procs = [subprocess.Popen(worker_command("slots", url, f"bench-worker-{n}", slots),
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for n in range(WORKERS)]
            ran = []
            for p in procs:
                out, err = p.communicate(timeout=600)
                if p.returncode != 0:
                    raise BenchError(f"a worker failed: {err.strip()[-500:]}")
                ran.append(int(out.split()[-1]))
            race.append(time.perf_counter() - start)
            shares.append(ran)
            counts = executions_per_slot(db)
            duplicates += sum(n - 1 for n in counts.values() if n > 1)
            missing += SLOTS - len(counts)

            options.say(f"run {run + 1}: killing a claimer mid-job…")
            slot = datetime(2026, 2, 2, tzinfo=UTC)
            holder = subprocess.Popen(worker_command("hold", url, "doomed", [slot]), stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True)
            holder.stdout.readline()  # "claiming"
            _wait_for_claim(db, slot)
            holder.kill()
            holder.communicate()
            killed = time.perf_counter()
            survivors = [JobRunner(db, desk=f"survivor-{n}", jobs=[COUNTING]) for n in range(3)]
            reruns = 0
            while reruns == 0 and time.perf_counter() - killed < 60:
                for desk in survivors:
                    reruns += sum(1 for o in desk.reap() if o.ran)
                time.sleep(0.05)
            takeover.append(time.perf_counter() - killed)
            for desk in survivors:
                reruns += sum(1 for o in desk.reap() if o.ran)
            counts = executions_per_slot(db)
            duplicates += max(0, counts.get(slot.isoformat(), 0) - 1)
            missing += 0 if counts.get(slot.isoformat()) else 1
    timeout = COUNTING.claim_timeout.total_seconds()
    return BenchResult("jobs", (
        Measurement(f"{WORKERS} workers × {SLOTS} slots", tuple(race), note="each slot claimed and run once"),
        Measurement("slots per second", tuple(SLOTS / t for t in race), unit="slots/s"),
        Measurement("re-run after the claimer was killed", tuple(takeover),
                    target=timeout + 1.0, note=f"claim timeout {timeout:.0f} s"),
        Measurement("slots run more than once", (float(duplicates),), unit="slots", target=0.0),
        Measurement("slots never run", (float(missing),), unit="slots", target=0.0),
    ), info={"work shared between workers (slots each, per run)": shares, "server": server_url(options)})


def _wait_for_claim(db: Database, slot: datetime) -> None:
    from app.jobs.claims import slot_exists

    deadline = time.perf_counter() + 60
    while not slot_exists(db, "counting", slot):
        if time.perf_counter() > deadline:
            raise BenchError("the holder process never claimed its slot")
        time.sleep(0.02)


@benchmark("conflicts", "10 concurrent writers edit the same 100 complaints on PostgreSQL for --seconds "
           "(default 60): no lost update, every conflict reported (--pg)", default_repeat=1)
def conflicts(options: BenchOptions) -> BenchResult:
    from app.stress.writers import prepare, run_writers

    saves, conflicts_, lost, unreported, attempts = [], [], [], [], []
    for run in range(repeat_of(options, "conflicts")):
        with scratch_database(options) as (_url, db):
            ids = prepare(db, rows=100)
            options.say(f"run {run + 1}: 10 writers on 100 complaints for {options.seconds:.0f} s…")
            report = run_writers(db, ids, writers=10, seconds=options.seconds, seed=run + 1)
            if report.other_errors:
                raise BenchError(f"writers failed: {report.other_errors[:3]}")
            saves.append(report.saved / report.seconds)
            conflicts_.append(float(report.conflicts))
            lost.append(float(report.lost_updates))
            unreported.append(float(report.unreported))
            attempts.append(float(report.attempts))
    return BenchResult("conflicts", (
        Measurement("saves per second", tuple(saves), unit="saves/s"),
        Measurement("conflicts reported", tuple(conflicts_), unit="saves"),
        Measurement("attempts", tuple(attempts), unit="saves"),
        Measurement("lost updates", tuple(lost), unit="saves", target=0.0),
        Measurement("saves that landed but reported failure", tuple(unreported), unit="saves", target=0.0),
    ), info={"seconds per run": options.seconds, "server": server_url(options)})
