"""``python -m ui.complaints.bench_probe --db FILE [--repeat N]``: time the Complaints board on a database.

Run by ``floorwalker bench complaints-board`` in a separate, offscreen process. Prints one JSON
line: the samples (milliseconds) of each measurement. Work runs inline (the measurement is the
work itself, not the thread hand-off); a drop's reload, which the console runs in the background,
happens after the drop is timed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0


def run(db_path: str, repeat: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QModelIndex, Qt
    from sqlalchemy import select, text

    from app.actor import Actor
    from app.bootstrap import open_database
    from app.complaints.board import load_board
    from db.models import Center
    from ui.app import create_application
    from ui.bus import Bus
    from ui.complaints.filters import CardFilter, apply_filter
    from ui.complaints.workspace import ComplaintsWorkspace
    from ui.context import ConsoleContext
    from ui.tasks import TaskRunner

    app = create_application([sys.argv[0]])
    db = open_database(db_path).db
    actor = Actor("bench.manager", "manager")
    with db.session() as s:
        tz = ZoneInfo(s.scalar(select(Center.timezone).order_by(Center.id).limit(1)) or "UTC")
    ctx = ConsoleContext(db=db, tasks=TaskRunner(db, inline=True), bus=Bus(), actor=actor, timezone=tz)
    samples: dict[str, list[float]] = {k: [] for k in (
        "query", "first_paint", "filter_core", "filter", "search", "update", "drop_saved", "drop_shown")}

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    # warm-up: imports, statement caches, fonts (not counted)
    with db.session() as s:
        load_board(s, actor)
    warm = ComplaintsWorkspace(ctx)
    warm.resize(1440, 860)
    warm.show()
    settle()
    warm.grab()
    warm.close()
    warm.deleteLater()
    settle()

    for _ in range(repeat):
        start = time.perf_counter()
        with db.session() as s:
            load_board(s, actor)
        samples["query"].append(_ms(start))

    page = None
    for _ in range(repeat):
        if page is not None:
            page.close()
            page.deleteLater()
            settle()
        start = time.perf_counter()
        page = ComplaintsWorkspace(ctx)
        page.resize(1440, 860)
        page.show()  # loads (inline) and fills the columns
        app.processEvents()
        page.board_view.grab()  # the visible cards painted
        samples["first_paint"].append(_ms(start))
    assert page is not None
    cards = sum(len(v) for v in page.shown.values())
    clocks = max((len(getattr(c, "clocks", ())) for c in page.cards_by_id.values()), default=0)

    teams = [page.team.itemData(i) for i in range(1, page.team.count())]
    for n in range(repeat):
        f = CardFilter(team=teams[n % len(teams)])
        start = time.perf_counter()
        apply_filter(page.board, f, page.now())
        samples["filter_core"].append(_ms(start))
        start = time.perf_counter()
        page.team.setCurrentIndex(1 + n % len(teams))
        page.board_view.grab()
        samples["filter"].append(_ms(start))
    page.team.setCurrentIndex(0)
    for word in ("parcel", "refund late", "warranty", "crash app", "missing")[:max(repeat, 1)] * (1 + repeat // 5):
        if len(samples["search"]) >= repeat:
            break
        start = time.perf_counter()
        page.search.setText(word)
        page.board_view.grab()
        samples["search"].append(_ms(start))
    page.search.clear()

    accept = page.columns["accept"].model
    for n in range(repeat):
        card = accept.cards[n]
        start = time.perf_counter()
        with db.session() as s:
            s.execute(text("UPDATE complaints SET version = version WHERE id = :i"), {"i": card.id})
        samples["update"].append(_ms(start))
    for _ in range(repeat):
        card = accept.cards[0]
        data = accept.mimeData([accept.index(0, 0)])
        target = page.columns["assess"].model
        page.last_save_ms = page.last_move_ms = None
        target.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
        if page.last_save_ms is None or page.last_move_ms is None:
            raise RuntimeError(f"the drop of {card.reference} was not saved")
        samples["drop_saved"].append(page.last_save_ms)
        samples["drop_shown"].append(page.last_move_ms)
        settle()
    page.close()
    db.dispose()
    return {"samples": samples, "cards": cards, "clocks": clocks}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.complaints.bench_probe")
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    result = run(args.db, max(1, args.repeat))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
