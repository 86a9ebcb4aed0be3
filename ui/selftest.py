"""`floorwalker selftest`: open the console offscreen, visit every workspace, screenshot each.

Without ``--db`` it builds a small demo center in a temporary folder, so a fresh install (or a
frozen bundle) can prove that every page renders real data.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def run_selftest(db_url: str | None, screenshots: str | None, *, timeout: float = 60.0) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.bootstrap import open_database
    from db.errors import DatabaseError

    tmp: tempfile.TemporaryDirectory[str] | None = None
    if db_url is None:
        from app.demo.builder import DemoOptions, build_demo

        tmp = tempfile.TemporaryDirectory(prefix="floorwalker-selftest-")
        db_url = str(Path(tmp.name) / "selftest.db")
        print("building a small demo center for the self-test…", flush=True)
        build_demo(db_url, DemoOptions(seed=7, agents=16, weeks=2, recordings_dir=Path(tmp.name) / "rec"))
    try:
        opened = open_database(db_url)
    except DatabaseError as exc:
        print(f"selftest: cannot open the database: {exc}", file=sys.stderr)
        return 2
    from ui.app import Console, create_application

    app = create_application()
    console = Console(opened.db)
    window = console.window
    window.resize(1440, 900)
    window.show()
    out_dir = Path(screenshots) if screenshots else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    for index, page in enumerate(window.workspaces):
        window.show_workspace(index)
        deadline = time.monotonic() + timeout
        while (page.loading or page.load_count == 0) and page.last_error is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        # let charts and late layouts settle
        for _ in range(20):
            app.processEvents()
            time.sleep(0.005)
        name = page.title()
        if page.last_error is not None:
            failures.append(f"{name}: {page.last_error!r}")
            status = "FAILED"
        elif page.load_count == 0:
            failures.append(f"{name}: did not finish loading within {timeout:.0f} s")
            status = "TIMEOUT"
        else:
            status = "ok"
        if out_dir:
            slug = type(page).__module__.split(".")[1]
            path = out_dir / f"{index + 1:02d}-{slug}.png"
            window.grab().save(str(path))
        print(f"{status:7} {name}", flush=True)
    console.close()
    app.processEvents()
    opened.db.dispose()
    if tmp is not None:
        tmp.cleanup()
    if failures:
        print("selftest failed:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print(f"selftest passed: {len(window.workspaces)} workspaces rendered")
    return 0
