"""Measure one opening of the Review tab: from showing it to its first paint with the sample listed.

Run by the ``qa-review`` benchmark (``app/quality/bench_ui.py``) in a fresh process, offscreen:

    python -m ui.quality.bench_probe --db FILE [--week YYYY-MM-DD]

Prints one JSON line: ``{"first_paint": seconds, "loaded": seconds, "cpu": seconds, "items": n}``. The imports,
the QApplication, the database engine and the tab widget exist before the clock starts, as they
do in a running console when the user opens the tab; the sample is read on the task pool's
threads as in the console (the first read in the process: nothing is warmed up).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date
from typing import Any


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.quality.bench_probe")
    parser.add_argument("--db", required=True)
    parser.add_argument("--week", help="the sampled week's Monday (default: the latest draw)")
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from app.actor import Actor
    from app.quality.interactions import center_zone
    from db.database import Database
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.quality.review import ReviewPage
    from ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication(["floorwalker-bench"])
    db = Database(args.db)
    with db.session() as s:
        tz = center_zone(s)
    tasks = TaskRunner(db)
    ctx = ConsoleContext(db=db, tasks=tasks, bus=Bus(), actor=Actor("bench", "manager"), timezone=tz)
    loop = QEventLoop()
    marks: dict[str, float] = {}

    class PaintWatch(QObject):
        """Notes the first paint of the list after the sample arrived."""

        def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and "loaded" in marks and "painted" not in marks:
                marks["painted"] = time.perf_counter()
                marks["cpu"] = time.process_time()
                loop.quit()
            return False

    watch = PaintWatch()
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(int(args.timeout * 1000))

    # the workspace builds its tabs when the console starts: opening the tab is showing and loading it
    page = ReviewPage(ctx)
    if args.week:
        page.week = date.fromisoformat(args.week)
    page.items.viewport().installEventFilter(watch)
    page.empty.installEventFilter(watch)
    page.did_load.connect(lambda: marks.setdefault("loaded", time.perf_counter()))
    page.resize(1440, 860)
    start = time.perf_counter()
    cpu_start = time.process_time()
    page.show()
    page.refresh()
    loop.exec()
    if "painted" not in marks:
        print(json.dumps({"error": f"no paint with data within {args.timeout:.0f} s"}), flush=True)
        return 1
    items = page.items_model.rowCount()
    # CPU seconds of all the process's threads: on a busy machine the wall time waits for a core too
    print(json.dumps({"first_paint": marks["painted"] - start, "loaded": marks["loaded"] - start,
                      "cpu": marks["cpu"] - cpu_start, "items": items}), flush=True)
    page.close()
    tasks.shutdown()
    db.dispose()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
