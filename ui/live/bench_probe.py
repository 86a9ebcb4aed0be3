"""Measures the live charts' redraw offscreen: ``python -m ui.live.bench_probe --seconds N``.

Fills :class:`ui.live.floor_charts.FloorCharts` with 24 h of 1-second points per series
(86,400 each), shows the 24-h window, then for N seconds adds one point and redraws at 4 Hz,
painting every frame. Prints one JSON line: frames, busy share of the UI thread (time spent in
redraw + paint ÷ wall time), and frame-time p50/p99/max in milliseconds. Run by
``floorwalker bench live-ui`` in a subprocess (a fresh QApplication, offscreen).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.live.bench_probe")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--points", type=int, default=86_400)
    parser.add_argument("--hz", type=float, default=4.0)
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--naive", action="store_true",
                        help="the baseline: all points to setData, pyqtgraph's own peak downsampling")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    import numpy as np
    from PySide6.QtWidgets import QApplication

    from ui.live import floor_charts
    from ui.live.floor_charts import FloorCharts

    if args.naive:
        floor_charts.peak_decimate = lambda x, ys, buckets, first=0: (x, ys)  # type: ignore[assignment]

    app = QApplication.instance() or QApplication(["floorwalker-bench-live-ui"])
    charts = FloorCharts(capacity=args.points)
    charts.resize(args.width, args.height)
    if args.naive:
        for plot in charts.plots[:2]:
            plot.setDownsampling(auto=True, mode="peak")
    charts.window_combo.setCurrentIndex(charts.window_combo.count() - 1)  # 24 h
    rng = np.random.default_rng(7)
    end = time.time()
    t = end - args.points + np.arange(args.points, dtype=float)
    waiting = np.clip(np.cumsum(rng.normal(0, 0.3, args.points)) % 25, 0, None).round()
    available = np.clip(20 + np.cumsum(rng.normal(0, 0.2, args.points)) % 15, 0, None).round()
    sl = np.clip(80 + np.cumsum(rng.normal(0, 0.1, args.points)) % 20, 0, 100)
    charts.buffer.extend(t, waiting=waiting, available=available, service_level=sl)
    charts._now = float(t[-1])
    paints = [0]
    for plot in charts.plots:
        view = charts.view_of(plot)
        original = view.paintEvent

        def counting(event, original=original):  # noqa: ANN001, ANN202
            paints[0] += 1
            return original(event)

        view.paintEvent = counting
    charts.show()
    app.processEvents()
    charts.redraw(force=True)
    app.processEvents()
    period = 1.0 / args.hz
    frames: list[float] = []
    busy = 0.0
    started = time.perf_counter()
    next_at = started
    x = float(t[-1])
    while time.perf_counter() - started < args.seconds:
        now = time.perf_counter()
        if now < next_at:
            time.sleep(next_at - now)
        next_at += period
        f0 = time.perf_counter()
        x += 1.0
        charts.add_point(x, float(rng.integers(0, 20)), float(rng.integers(0, 30)), float(rng.uniform(0.6, 1.0)))
        charts.redraw()
        app.processEvents()  # the repaint of what changed happens here, as in the console's event loop
        f1 = time.perf_counter()
        frames.append(f1 - f0)
        busy += f1 - f0
    wall = time.perf_counter() - started
    ms = np.array(frames) * 1000.0
    print(json.dumps({
        "mode": "naive" if args.naive else "floorwalker", "points": args.points, "series": 3, "hz": args.hz, "seconds": round(wall, 2), "frames": len(frames),
        "busy_share": round(busy / wall, 4),
        "frame_ms_p50": round(float(np.percentile(ms, 50)), 2),
        "frame_ms_p99": round(float(np.percentile(ms, 99)), 2),
        "frame_ms_max": round(float(ms.max()), 2),
        "paints": paints[0],
        "shown_points": int(charts.buffer.since(charts._now - charts.window_sec)[0].size),
    }))
    charts.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
