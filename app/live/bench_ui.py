"""``floorwalker bench live-ui``: the live charts' redraw with 24 h of 1-second points.

Runs ``python -m ui.live.bench_probe`` offscreen in a subprocess (a fresh QApplication; app/
never imports Qt): 86,400 points per series (calls waiting, agents available, service level),
the 24-h window, one new point and a redraw at 4 Hz for N seconds (``--seconds``, default 15).
Reports the UI thread's busy share and the frame time p50/p99/max per run. The baseline, in
the same run, is the textbook path: every point to ``setData`` and pyqtgraph's own peak
downsampling (5 s). Targets: busy ≤ 25 %, no frame over 50 ms.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from app.bench.registry import (
    BenchError,
    BenchOptions,
    BenchResult,
    Measurement,
    benchmark,
    repeat_of,
)

TARGET_BUSY = 25.0  # % of the UI thread
TARGET_FRAME_MS = 50.0
DEFAULT_SECONDS = 15.0
BASELINE_SECONDS = 5.0


def run_probe(seconds: float, *, naive: bool = False, points: int = 86_400) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = [sys.executable, "-m", "ui.live.bench_probe", "--seconds", str(seconds), "--points", str(points)]
    if naive:
        cmd.append("--naive")
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=seconds * 4 + 120, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise BenchError(f"the chart probe failed (exit {done.returncode}): {done.stderr.strip()[-400:]}")
    result: dict[str, float] = json.loads(lines[-1])
    return result


@benchmark("live-ui", "live charts: 24 h of 1-second points (3 series × 86,400) redrawn at 4 Hz offscreen; "
           "UI-thread busy share and frame times (targets: busy ≤ 25 %, every frame ≤ 50 ms)", default_repeat=3)
def live_ui(options: BenchOptions) -> BenchResult:
    seconds = options.seconds if options.seconds != BenchOptions().seconds else DEFAULT_SECONDS
    busy, p50, p99, worst = [], [], [], []
    frames = 0
    for run in range(repeat_of(options, "live-ui")):
        options.say(f"run {run + 1}: redrawing for {seconds:g} s…")
        r = run_probe(seconds)
        busy.append(r["busy_share"] * 100)
        p50.append(r["frame_ms_p50"])
        p99.append(r["frame_ms_p99"])
        worst.append(r["frame_ms_max"])
        frames += int(r["frames"])
    options.say(f"baseline: all points to setData, pyqtgraph downsampling, {BASELINE_SECONDS:g} s…")
    base = run_probe(BASELINE_SECONDS, naive=True)
    return BenchResult("live-ui", (
        Measurement("baseline frame p50", (base["frame_ms_p50"],), unit="ms",
                    note="every point to setData, pyqtgraph's auto peak downsampling"),
        Measurement("baseline busy", (base["busy_share"] * 100,), unit="%"),
        Measurement("frame p50", tuple(p50), unit="ms", baseline="baseline frame p50"),
        Measurement("frame p99", tuple(p99), unit="ms", target=TARGET_FRAME_MS),
        Measurement("frame max", tuple(worst), unit="ms", target=TARGET_FRAME_MS,
                    note="the slowest redraw of each run"),
        Measurement("busy", tuple(busy), unit="%", baseline="baseline busy", target=TARGET_BUSY,
                    note="UI-thread time in redraw + paint ÷ wall time"),
    ), info={"points per series": 86_400, "series": 3, "rate": "4 Hz", "seconds per run": seconds,
             "frames": frames, "baseline frame max ms": base["frame_ms_max"]})
