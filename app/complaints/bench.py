"""``floorwalker bench complaints``: the SLA sweep over 100,000 open complaints, and the board services
(load, filter, a drag-and-drop move) at 10,000 open complaints, each on a scratch SQLite file.

The open cases are written with bulk inserts; their clock cache is the engine's own output (cases share
one of 10,000 opening instants, and each instant is computed once by the engine, so every case carries
exactly what a sweep would have written). Sweep samples run on a fresh copy of the file each time.

* ``sweep idle`` (baseline): a run when no case is due, i.e. the indexed look-up alone.
* ``sweep 30 s``: the run 30 s later: the cases whose warning or escalation fell due in those 30 s are
  recomputed, written on their timelines and notified. Target: under 1 s.
* ``sweep 10 min``: the run after a 10-minute outage (about 20 times the usual work).
* ``board load`` / ``board filter`` / ``move save``: :func:`load_board` of 10,000 open cases (baseline:
  the same rows read with one plain SELECT), a text filter over the loaded cards, one stage move
  (accept -> assess) with its timeline, audit and clock refresh, committed. Targets 500 / 100 / 50 ms
  (the board helper measures the paint separately).
"""

from __future__ import annotations

import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from app import clock
from app.actor import Actor
from app.bench.registry import BenchOptions, BenchResult, Measurement, benchmark, repeat_of
from app.bootstrap import open_database
from app.complaints.clocks import Event, compute_clocks
from app.complaints.engine import load_policies, next_check, snapshot
from app.demo.writer import BulkWriter
from db.models import Center, Complaint, ComplaintEvent, Person, Team

SWEEP_CASES = 100_000
BOARD_CASES = 10_000
INSTANTS = 10_000  # opening instants over the last 24 h (ten cases each at 100,000)
NOW = datetime(2026, 11, 18, 2, 0, tzinfo=UTC)
CATEGORIES = ("product_quality", "after_sales", "logistics", "service_attitude", "other")


def build_open_cases(path: Path, n: int, *, seed: int = 1, progress: Callable[[str], None] | None = None) -> None:
    """A scratch SQLite file with ``n`` open complaints opened over the last 24 h, clocks cached at NOW."""
    rnd = random.Random(seed)
    db = open_database(str(path)).db
    try:
        with db.session() as s:
            center = Center(name="Bench center", timezone="Asia/Shanghai", holiday_country="CN", opening_hours={},
                            locale="zh_CN")
            s.add(center)
            s.flush()
            teams = [Team(center_id=center.id, name=f"Team {k}") for k in range(10)]
            s.add_all(teams)
            s.flush()
            people = []
            for k in range(100):
                people.append(Person(center_id=center.id, team_id=teams[k % 10].id, employee_no=f"B{k:04d}",
                                     full_name=f"Agent {k}", job_title="agent", level="junior",
                                     hire_date=NOW.date(), contract_hours_week=40.0))
            s.add_all(people)
            s.flush()
            for k, t in enumerate(teams):
                t.supervisor_id = people[k].id
            owners = [(p.id, p.team_id) for p in people]
            policies = load_policies(s)
            # opening instants spread over the last 24 h, each computed once by the engine, with the
            # warnings and escalations already past written on the timeline as the sweep would have
            spacing = 86_400.0 / INSTANTS
            instants = [NOW - timedelta(seconds=spacing * k + spacing / 2) for k in range(INSTANTS)]
            template: dict[int, tuple[list[Any], datetime | None, list[dict[str, Any]]]] = {}
            for k, opened in enumerate(instants):
                # what happened by NOW: key points 3 min after opening, in process after 30 min
                events = [e for e in (Event("created", opened, {"kind": "complaint", "category": "logistics"}),
                                      Event("key_points", opened + timedelta(minutes=3)),
                                      Event("stage", opened + timedelta(minutes=30), {"to": "process"}))
                          if e.at <= NOW]
                clocks = compute_clocks(events, policies, NOW)
                past = [{"at": m.at, "kind": "sla_warning" if m.kind == "warning" else "sla_escalated",
                         "actor": "sla", "data": {"clock": c.rule_id, "key": c.key, "milestone": m.key,
                                                  "level": m.level, "notify": m.notify}}
                        for c in clocks if c.stopped_at is None for m in c.reached_milestones()]
                happened = [{"at": e.at, "kind": e.name, "actor": "bench",
                             **({"from_stage": "accept", "to_stage": "process"} if e.name == "stage" else {}),
                             **({"to_stage": "accept"} if e.name == "created" else {})} for e in events]
                stage = "process" if len(events) == 3 else "accept"
                template[k] = (snapshot(clocks), next_check(clocks), happened + past, stage)
            if progress:
                progress(f"writing {n:,} open complaints…")
            writer = BulkWriter(s)
            rows, events_rows = [], []
            for i in range(1, n + 1):
                k = i % INSTANTS
                opened = instants[k]
                owner, team = owners[rnd.randrange(len(owners))]
                cache, next_at, timeline, stage = template[k]
                rows.append({
                    "id": i, "center_id": center.id, "reference": f"C-2026-{i:06d}", "kind": "complaint",
                    "channel": "phone", "category": CATEGORIES[i % len(CATEGORIES)],
                    "priority": ("urgent", "regular", "regular", "special")[i % 4],
                    "stage": stage,
                    "summary": f"Case {i}: parcel {rnd.randrange(10**6)} arrived damaged, customer wants a refund",
                    "is_vip": i % 25 == 0, "is_complex": False, "is_conflict": False, "team_id": team,
                    "owner_id": owner, "departments": ["logistics"], "first_contact_at": opened, "opened_at": opened,
                    "feedback_loop_closed": False, "sla_clocks": cache, "sla_next_at": next_at, "version": 1})
                events_rows += [{"complaint_id": i, **e} for e in timeline]
                if len(rows) >= 20_000:
                    writer.dicts(Complaint.__table__, rows)
                    writer.dicts(ComplaintEvent.__table__, events_rows)
                    rows, events_rows = [], []
            writer.dicts(Complaint.__table__, rows)
            writer.dicts(ComplaintEvent.__table__, events_rows)
        with db.engine.connect() as conn:
            conn.execute(text("ANALYZE"))
    finally:
        db.dispose()


def _sweep_once(master: Path, scratch: Path, at: datetime) -> tuple[float, int, int]:
    from app.complaints.sweep import sweep

    shutil.copyfile(master, scratch)
    db = open_database(str(scratch)).db
    try:
        start = time.perf_counter()
        with db.session() as s:
            result = sweep(s, at)
        return time.perf_counter() - start, result.checked, result.notified
    finally:
        db.dispose()


def _board_samples(path: Path, runs: int) -> dict[str, list[float]]:
    from app.complaints.board import BoardFilter, _select, filter_board, load_board
    from app.complaints.service import move_stage

    manager = Actor("bench", "manager")
    out: dict[str, list[float]] = {"select": [], "load": [], "filter": [], "move": []}
    db = open_database(str(path)).db
    try:
        accept_ids = []
        with db.session() as s:
            accept_ids = list(s.scalars(select(Complaint.id).where(Complaint.stage == "accept")
                                        .order_by(Complaint.id)))
        for run in range(runs):
            with db.session() as s:
                start = time.perf_counter()
                s.execute(_select().where(Complaint.stage != "closed")).all()
                out["select"].append(time.perf_counter() - start)
            with db.session() as s:
                start = time.perf_counter()
                board = load_board(s, manager, now=NOW)
                out["load"].append(time.perf_counter() - start)
            start = time.perf_counter()
            filter_board(board, BoardFilter(text=f"parcel {run}"))
            out["filter"].append(time.perf_counter() - start)
            cid = accept_ids[run % len(accept_ids)]
            start = time.perf_counter()
            with db.session() as s:
                move_stage(s, manager, cid, 1, "assess")
            out["move"].append(time.perf_counter() - start)
    finally:
        db.dispose()
    return out


@benchmark("complaints", f"SLA sweep over {SWEEP_CASES:,} open complaints (target 1 s); board load, filter and a "
           f"move at {BOARD_CASES:,} open complaints (targets 500 / 100 / 50 ms)", default_repeat=5)
def complaints(options: BenchOptions) -> BenchResult:
    runs = repeat_of(options, "complaints")
    with tempfile.TemporaryDirectory(prefix="fw-bench-complaints-") as tmp:
        master = Path(tmp) / "sweep.db"
        options.say(f"building {SWEEP_CASES:,} open complaints…")
        clock.set_clock(lambda: NOW)
        try:
            start = time.perf_counter()
            build_open_cases(master, SWEEP_CASES, progress=options.say)
            built = time.perf_counter() - start
            idle, s30, s600 = [], [], []
            due30 = due600 = notified30 = 0
            for run in range(runs):
                options.say(f"sweep run {run + 1} of {runs}…")
                idle.append(_sweep_once(master, Path(tmp) / "s.db", NOW)[0])
                clock.set_clock(lambda: NOW + timedelta(seconds=30))
                t, due30, notified30 = _sweep_once(master, Path(tmp) / "s.db", NOW + timedelta(seconds=30))
                s30.append(t)
                clock.set_clock(lambda: NOW + timedelta(minutes=10))
                t, due600, _ = _sweep_once(master, Path(tmp) / "s.db", NOW + timedelta(minutes=10))
                s600.append(t)
                clock.set_clock(lambda: NOW)
            board_db = Path(tmp) / "board.db"
            options.say(f"building {BOARD_CASES:,} open complaints for the board…")
            build_open_cases(board_db, BOARD_CASES, seed=2)
            clock.set_clock(lambda: NOW + timedelta(seconds=5))
            board = _board_samples(board_db, runs)
        finally:
            clock.reset_clock()
    ms = 1000.0
    return BenchResult("complaints", (
        Measurement("sweep idle", tuple(idle), note=f"{SWEEP_CASES:,} open, none due: the indexed look-up"),
        Measurement("sweep 30 s", tuple(s30), baseline="sweep idle", target=1.0,
                    note=f"{due30:,} cases due after 30 s, {notified30:,} notifications"),
        Measurement("sweep 10 min", tuple(s600), baseline="sweep idle", target=1.0,
                    note=f"{due600:,} cases due after a 10-minute outage"),
        Measurement("board select", tuple(x * ms for x in board["select"]), unit="ms",
                    note=f"{BOARD_CASES:,} open cases, one plain SELECT"),
        Measurement("board load", tuple(x * ms for x in board["load"]), unit="ms", baseline="board select",
                    target=500.0, note="load_board: cards, clocks from the cache, sorted columns"),
        Measurement("board filter", tuple(x * ms for x in board["filter"]), unit="ms", target=100.0,
                    note="text search over the loaded cards"),
        Measurement("move save", tuple(x * ms for x in board["move"]), unit="ms", target=50.0,
                    note="move_stage accept -> assess: checks, timeline, audit, clocks, commit"),
    ), info={"build seconds (100k cases, bulk)": round(built, 1),
             "sweep 30 s median per due case (ms)": round(statistics.median(s30) / max(1, due30) * 1000, 3)})
