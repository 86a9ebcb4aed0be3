"""`floorwalker report kpi|export`: the quarterly KPI figures headless (the pack is `report quarterly`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli import add_db_option, command_group


def register(sub: argparse._SubParsersAction) -> None:
    group = command_group(sub, "report", "quarterly review figures, exports and the printed pack")
    p = group.add_parser("kpi", help="the KPI scorecard of every agent for a quarter")
    p.add_argument("--quarter", required=True, help="e.g. 2026Q3")
    p.add_argument("--team", metavar="NAME", help="one team only")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(p)
    p.set_defaults(handler=_kpi)
    p = group.add_parser("export", help="the quarterly review table as CSV or XLSX")
    p.add_argument("--quarter", required=True, help="e.g. 2026Q3")
    p.add_argument("--team", metavar="NAME", help="one team only")
    p.add_argument("--out", required=True, type=Path, help="a .csv or .xlsx file")
    add_db_option(p)
    p.set_defaults(handler=_export)


def _load(args: argparse.Namespace):  # noqa: ANN202 - a QuarterReview, imported lazily
    from app.actor import Actor
    from app.bootstrap import open_database
    from app.cli import database_url
    from app.review.quarterly import load_quarter, team_by_name

    db = open_database(database_url(args)).db
    try:
        with db.session() as s:
            team_id = team_by_name(s, args.team) if args.team else None
            return load_quarter(s, Actor.system(), args.quarter, team_id=team_id)
    finally:
        db.dispose()


def _kpi(args: argparse.Namespace) -> int:
    from app.review.quarterly import figures_to_json

    try:
        review = _load(args)
    except ValueError as exc:
        print(f"floorwalker report: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"quarter": review.quarter, "center": review.center, "status": review.status,
                          "weights": review.weights, "targets": review.targets, "threshold": review.threshold,
                          "notes": [n.text for n in review.notes],
                          "agents": [{**figures_to_json(a.figures), "comment": a.comment,
                                      "plans": [p.goal for p in a.plans]} for a in review.agents],
                          "teams": [figures_to_json(t) for t in review.teams],
                          "center_figures": figures_to_json(review.center_figures)},
                         ensure_ascii=False, indent=2))
        return 0
    status = {"published": f"published by {review.published_by}", "draft": "draft"}.get(review.status, "not started")
    print(f"{review.center} — {review.quarter} ({status}); under target below {review.threshold:g} points")
    print(f"{'Team':<16} {'Agent':<22} {'Score':>6} {'Rank':>5} {'Basic':>6} {'Qual.':>6} {'Add.':>6}  Missing")
    for a in review.agents:
        f = a.figures
        g = {x.group: x.points for x in f.groups}
        total = "—" if f.total is None else f"{f.total:.1f}"
        flag = " *" if f.under_target else ""
        print(f"{(f.team or '')[:16]:<16} {f.name[:22]:<22} {total:>6} {f.rank or '':>5} {g['basic']:>6.1f} "
              f"{g['quality']:>6.1f} {g['additional']:>6.1f}  {' '.join(f.missing)}{flag}")
    print(f"{len(review.agents)} agents, {len(review.under_target)} under target (*)")
    for note in review.notes:
        print(f"note: {note.text}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from app.review.quarter_export import write_quarter

    try:
        review = _load(args)
        rows = write_quarter(review, args.out)
    except (ValueError, OSError) as exc:
        print(f"floorwalker report: {exc}", file=sys.stderr)
        return 2
    print(f"{rows} agents written to {args.out}")
    return 0
