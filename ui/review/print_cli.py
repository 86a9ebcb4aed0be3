"""`floorwalker report quarterly`: the printed pack without a window (offscreen Qt)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def print_quarterly(args: argparse.Namespace) -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.actor import Actor
    from app.bootstrap import open_database
    from app.cli import database_url
    from app.review.pack_data import pack_data
    from app.review.quarterly import team_by_name
    from ui.app import install_translations
    from ui.review.pack import save_pack_pdf

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translations(app, args.lang or "system")  # type: ignore[arg-type]
    out = Path(args.out)
    db = open_database(database_url(args)).db
    try:
        with db.session() as s:
            team_id = team_by_name(s, args.team) if args.team else None
            data = pack_data(s, Actor.system(), args.quarter, team_id=team_id, team_name=args.team)
        pages = save_pack_pdf(data, out, page_size=args.page_size)
    except (ValueError, OSError) as exc:
        print(f"floorwalker report: {exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    print(f"{pages} pages written to {out}")
    return 0
