"""``floorwalker bench live``: queue_log ingest speed (parse + call state machine + SQLite store).

The input is a simulated queue_log of at least 200,000 events, held in memory so disk reads do
not count. ``parse`` (decoding and splitting only) is the baseline measured in the same run;
``ingest`` is the whole import into a fresh SQLite file. Target: 20,000 events/s sustained, i.e.
at most 50 µs per event.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from app.bench.registry import BenchOptions, BenchResult, Measurement, benchmark, repeat_of
from app.bootstrap import open_database
from app.feed.calls import FeedState
from app.feed.queue_log import ParseReport, parse_native
from app.feed.simulator import SimConfig, simulate
from app.feed.store import import_events

MIN_EVENTS = 200_000
TARGET_US = 1e6 / 20_000  # 20,000 events per second


def bench_lines(min_events: int = MIN_EVENTS, seed: int = 7) -> list[bytes]:
    config = SimConfig(rate=6000.0, agents=320, duration=None, seed=seed,
                       queues=("sales", "support", "billing", "vip"))
    lines: list[bytes] = []
    for _t, text in simulate(config):
        lines.append((text + "\n").encode("utf-8"))
        if len(lines) >= min_events:
            break
    return lines


@benchmark("live", f"ingest {MIN_EVENTS:,} simulated queue_log events: parse only, parse + calls, "
           "parse + calls + store into SQLite (target 20,000 events/s)", default_repeat=3)
def live(options: BenchOptions) -> BenchResult:
    options.say("simulating the queue_log…")
    lines = bench_lines()
    n = len(lines)
    parse, state_s, ingest = [], [], []
    calls = 0
    for run in range(repeat_of(options, "live")):
        options.say(f"run {run + 1}: parsing {n:,} events…")
        start = time.perf_counter()
        report = ParseReport()
        for _e in parse_native(lines, report):
            pass
        parse.append((time.perf_counter() - start) / n * 1e6)
        start = time.perf_counter()
        state = FeedState()
        for event in parse_native(lines, ParseReport()):
            state.push(event)
        state.flush()
        state_s.append((time.perf_counter() - start) / n * 1e6)
        with tempfile.TemporaryDirectory(prefix="fw-bench-live-") as tmp:
            db = open_database(str(Path(tmp) / "live.db")).db
            try:
                options.say(f"run {run + 1}: ingesting into SQLite…")
                start = time.perf_counter()
                summary = import_events(db, lines)
                ingest.append((time.perf_counter() - start) / n * 1e6)
                calls = summary.calls
            finally:
                db.dispose()
    best = min(ingest)
    return BenchResult("live", (
        Measurement("parse", tuple(parse), unit="µs/event", note="decode + split + typed events"),
        Measurement("parse+calls", tuple(state_s), unit="µs/event", baseline="parse",
                    note="plus the call and agent state machine"),
        Measurement("ingest", tuple(ingest), unit="µs/event", baseline="parse", target=TARGET_US,
                    note="parse + state machine + store into SQLite, one transaction per 5,000 rows"),
    ), info={"events": n, "calls": calls,
             "ingest events/s (median)": round(1e6 / sorted(ingest)[len(ingest) // 2]),
             "ingest events/s (best)": round(1e6 / best),
             "parse events/s (median)": round(1e6 / sorted(parse)[len(parse) // 2])})
