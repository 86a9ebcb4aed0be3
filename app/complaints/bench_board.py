"""``floorwalker bench complaints-board``: the Complaints board with 10,000 open cases.

Measured in a separate process (``python -m ui.complaints.bench_probe``, offscreen), as a
supervisor would feel it: first paint of the workspace (query, cards, widgets, painted), a filter
and a text search over every card, and a drag-and-drop move (saved, and shown in its new column).
Each is compared with a baseline measured in the same run: the board query alone, the filter on
the cards alone, one ``UPDATE`` of the case row.

The database (a center, 8 teams, 160 people, 10,000 open cases spread over the stages, with their
SLA clocks computed by the sweep when the engine is present) is built once and cached under
``<data folder>/bench`` by schema revision.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from app.bench.registry import (
    BenchError,
    BenchOptions,
    BenchResult,
    Measurement,
    benchmark,
    repeat_of,
)
from app.config import data_dir

OPEN_CASES = 10_000
TARGETS_MS = {"first paint": 500.0, "filter": 100.0, "search": 100.0, "drop saved": 50.0, "drop shown": 50.0}
PROBE_TIMEOUT = 600.0
WORDS = ("parcel", "refund", "late", "damaged", "courier", "invoice", "warranty", "app", "crash", "login",
         "payment", "rude", "agent", "waiting", "broken", "missing", "wrong", "size", "colour", "delivery")


def build_board_database(path: Path, cases: int = OPEN_CASES, *, seed: int = 6) -> None:
    """A fresh SQLite database holding ``cases`` open complaints (plus their clocks when the sweep exists)."""
    from sqlalchemy import insert

    from app import clock
    from app.bootstrap import open_database
    from db.models import Center, Complaint, ComplaintEvent, Person, Team
    from db.models.complaints import CATEGORIES, PRIORITIES

    rng = random.Random(seed)
    db = open_database(str(path)).db
    try:
        now = clock.now()
        with db.session() as s:
            center = Center(name="Bench Center", timezone="Asia/Shanghai", holiday_country="CN", opening_hours={},
                            locale="zh_CN")
            s.add(center)
            s.flush()
            teams = [Team(center_id=center.id, name=f"Team {i + 1}") for i in range(8)]
            s.add_all(teams)
            s.flush()
            people = [Person(center_id=center.id, team_id=teams[i % 8].id, employee_no=f"B{i:05d}",
                             full_name=f"Agent {i:03d}", job_title="agent", level="junior",
                             hire_date=date(2024, 1, 1), contract_hours_week=40.0) for i in range(160)]
            s.add_all(people)
            s.flush()
            stages = ("accept",) * 3 + ("assess",) * 2 + ("process",) * 4 + ("feedback",)
            rows, events = [], []
            for n in range(cases):
                owner = rng.choice(people)
                opened = now - timedelta(minutes=rng.randint(1, 60 * 60))
                kind = "complaint" if n % 3 else "service_request"
                stage = rng.choice(stages)
                rows.append(dict(
                    center_id=center.id, reference=f"{'C' if kind == 'complaint' else 'S'}-B-{n + 1:06d}", kind=kind,
                    channel="phone", category=rng.choice(CATEGORIES), priority=rng.choice(PRIORITIES), stage=stage,
                    summary=" ".join(rng.sample(WORDS, 6)).capitalize(), is_vip=rng.random() < 0.05,
                    is_complex=False, is_conflict=False, team_id=owner.team_id, owner_id=owner.id, departments=[],
                    first_contact_at=opened, opened_at=opened,
                    resolved_at=opened + timedelta(hours=2) if stage == "feedback" else None,
                    feedback_loop_closed=False, version=1))
            s.execute(insert(Complaint), rows)
            s.flush()
            ids = s.execute(Complaint.__table__.select().with_only_columns(
                Complaint.id, Complaint.opened_at)).all()
            events = [dict(complaint_id=i, at=opened, kind="created", to_stage="accept", actor="bench")
                      for i, opened in ids]
            s.execute(insert(ComplaintEvent), events)
        try:
            from app.complaints.sweep import sweep  # the SLA engine fills the cards' clocks
        except ImportError:
            return
        with db.session() as s:
            sweep(s, now)
    finally:
        db.dispose()


def cached_board_database(options: BenchOptions) -> Path:
    from db.migrate import head_revision

    bench = data_dir() / "bench"
    bench.mkdir(parents=True, exist_ok=True)
    path = bench / f"complaints-board-{head_revision()}-{OPEN_CASES}.db"
    if not path.exists():
        options.say(f"building {OPEN_CASES:,} open complaints into {path.name}…")
        partial = path.with_suffix(".partial")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        build_board_database(partial)
        partial.rename(path)
    return path


@benchmark("complaints-board", "the Complaints board with 10,000 open cases: first paint, filter, search, "
           "drag-and-drop save (offscreen, in a separate process)", default_repeat=5)
def complaints_board(options: BenchOptions) -> BenchResult:
    from app.bench.benchmarks import PROJECT_ROOT, _console_env

    path = Path(options.db) if options.db else cached_board_database(options)
    repeat = repeat_of(options, "complaints-board")
    options.say(f"measuring the board on {path.name} ({repeat} runs)…")
    command = [sys.executable, "-m", "ui.complaints.bench_probe", "--db", str(path), "--repeat", str(repeat)]
    done = subprocess.run(command, cwd=PROJECT_ROOT, env=_console_env(), capture_output=True, text=True,
                          timeout=PROBE_TIMEOUT, check=False)
    if done.returncode != 0:
        raise BenchError(f"the board probe failed: {done.stderr[-800:]}")
    try:
        data = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError) as exc:
        raise BenchError(f"the board probe printed no result: {done.stdout[-400:]} {done.stderr[-400:]}") from exc
    s = data["samples"]
    ms = "ms"
    return BenchResult("complaints-board", (
        Measurement("board query alone (baseline)", tuple(s["query"]), unit=ms,
                    note="load_board: the SQL and the cards, no widgets"),
        Measurement("first paint", tuple(s["first_paint"]), unit=ms, baseline="board query alone (baseline)",
                    target=TARGETS_MS["first paint"], note="new workspace: query, cards, models, painted"),
        Measurement("filter on cards alone (baseline)", tuple(s["filter_core"]), unit=ms,
                    note="apply_filter over every card, no widgets"),
        Measurement("filter (team)", tuple(s["filter"]), unit=ms, baseline="filter on cards alone (baseline)",
                    target=TARGETS_MS["filter"], note="combo changed to the board repainted"),
        Measurement("search (text)", tuple(s["search"]), unit=ms, baseline="filter on cards alone (baseline)",
                    target=TARGETS_MS["search"], note="a word typed to the board repainted"),
        Measurement("one-row UPDATE (baseline)", tuple(s["update"]), unit=ms,
                    note="UPDATE complaints SET version = version WHERE id = ?; commit"),
        Measurement("drag and drop: saved", tuple(s["drop_saved"]), unit=ms, baseline="one-row UPDATE (baseline)",
                    target=TARGETS_MS["drop saved"], note="move_stage with its event, audit and clocks, committed"),
        Measurement("drag and drop: shown", tuple(s["drop_shown"]), unit=ms, baseline="one-row UPDATE (baseline)",
                    note="drop to the card painted in its new column (the full reload follows in the background)"),
    ), {"database": str(path), "open cases": f"{data['cards']:,}", "clocks per card": data.get("clocks", 0)})
