"""`floorwalker rota solve` (a draft rota for a week, saved and audited, never published) and
`floorwalker rota solve-instance` (the Curtois & Qu benchmark format).

Exit codes: 0 done; 1 the rota or roster breaks a hard rule (still saved as a draft, with the
violations listed); 2 bad input (nothing saved).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

PROG = "floorwalker rota"


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option

    p = sub.add_parser("rota", help="optimise a weekly rota; solve benchmark instances",
                       description="Weekly rota optimisation (tours, breaks, training) and the Curtois & Qu "
                                   "employee shift scheduling benchmark format.")
    group = p.add_subparsers(dest="rota_command", metavar="ACTION", required=True)
    s = group.add_parser("solve", help="solve a week and save it as a draft rota",
                         description="Build the week's rota from the center's agents, templates, time off and "
                                     "requirements (the week's forecast, else four weeks of history, through "
                                     "Erlang C) and save it as a DRAFT rota in one transaction. Publishing is "
                                     "separate.")
    s.add_argument("--week", required=True, metavar="WEEK", help="ISO week, e.g. 2026-W48 (or a date in the week)")
    add_db_option(s)
    s.add_argument("--time-limit", type=float, default=30.0, metavar="S", help="seconds for the solve (default 30)")
    s.add_argument("--requirements", type=Path, metavar="FILE.json",
                   help='agents needed per queue and 15-min interval: {"Queue name": [672 numbers], ...}')
    s.add_argument("--week-sl", metavar="SHARE",
                   help="the week's service-level goal per queue for this solve, e.g. 0.9 (0: none); "
                        "overrides the rule value R-SCH-1.week_sl")
    s.add_argument("--json", action="store_true", help="print JSON")
    s.set_defaults(handler=_solve)
    t = group.add_parser("templates", help="list the shift templates, add one, or add a standard set",
                         description="Shift templates are what a rota is built from. Without options: list them. "
                                     "--defaults adds a standard set (8.5-h shifts with a 30-min lunch every hour "
                                     "07:00-16:00, a 22:30 night shift, 4-h part-time shifts); --add NAME with "
                                     "--start and --hours adds one.")
    t.add_argument("--defaults", action="store_true", help="add the standard set (existing names are kept)")
    t.add_argument("--add", metavar="NAME", help="add a template with this name")
    t.add_argument("--start", metavar="HH:MM", help="start time of --add, on the quarter hour")
    t.add_argument("--hours", type=float, metavar="H", help="length of --add in hours (including the break)")
    t.add_argument("--break-min", type=int, default=0, metavar="M", help="unpaid break of --add in minutes")
    add_db_option(t)
    t.set_defaults(handler=_templates)
    i = group.add_parser("solve-instance", help="solve a Curtois & Qu benchmark instance",
                         description="Read an Employee Shift Scheduling Benchmark instance (Curtois & Qu, "
                                     "2014, text format), solve it with CP-SAT and print the objective as the "
                                     "benchmark scores it and whether the roster is feasible.")
    i.add_argument("file", type=Path, metavar="FILE")
    i.add_argument("--time-limit", type=float, default=30.0, metavar="S", help="seconds for the solve (default 30)")
    i.add_argument("--json", action="store_true", help="print JSON")
    i.set_defaults(handler=_solve_instance)


def _solve_instance(args: argparse.Namespace) -> int:
    from app.rota.instances import InstanceError, read_instance, solve_instance

    if args.time_limit <= 0:
        print(f"{PROG} solve-instance: --time-limit must be positive", file=sys.stderr)
        return 2
    try:
        inst = read_instance(args.file)
    except InstanceError as exc:
        print(f"{PROG} solve-instance: {exc}", file=sys.stderr)
        return 2
    res = solve_instance(inst, time_limit=args.time_limit)
    if args.json:
        print(json.dumps({
            "file": str(args.file), "status": res.status, "feasible": res.feasible, "objective": res.objective,
            "bound": res.bound, "seconds": round(res.seconds, 3), "objective_parts": res.breakdown,
            "violations": list(res.violations), "employees": len(inst.staff), "days": inst.horizon,
            "roster": {e: [s or "" for s in row] for e, row in res.roster.items()}}, indent=2))
    else:
        print(f"{args.file.name}: {len(inst.staff)} employees, {inst.horizon} days, {len(inst.shifts)} shift types")
        if res.objective is None:
            print(f"  no roster ({res.status}) after {res.seconds:.1f} s")
        else:
            proof = "optimal" if res.status == "optimal" else f"best bound {res.bound:g}"
            print(f"  objective {res.objective} ({proof}), {'feasible' if res.feasible else 'INFEASIBLE'}, "
                  f"{res.seconds:.1f} s")
            print("  " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in res.breakdown.items()))
            for v in res.violations:
                print(f"  hard constraint broken: {v}")
    return 0 if res.feasible else 1


def _solve(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from app.actor import Actor
    from app.admin.rules import coerce_rule_value
    from app.bootstrap import open_database
    from app.cli import database_url
    from app.rota.model import RotaInputError
    from app.rota.service import parse_week, rules_from_values, solve_week

    try:
        week_start = parse_week(args.week)
        if args.time_limit <= 0:
            raise RotaInputError("--time-limit", "must be positive")
        week_sl = None
        if args.week_sl is not None:
            try:
                week_sl = float(coerce_rule_value("R-SCH-1.week_sl", args.week_sl))  # type: ignore[arg-type]
            except ValueError as exc:
                raise RotaInputError("--week-sl", str(exc).removeprefix("R-SCH-1.week_sl ")) from None
        reqs = None
        if args.requirements is not None:
            try:
                reqs = json.loads(args.requirements.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise RotaInputError(str(args.requirements), f"cannot read the requirements: {exc}") from None
            if not isinstance(reqs, dict):
                raise RotaInputError(str(args.requirements), "must be a JSON object of queue name -> list")
    except RotaInputError as exc:
        print(f"{PROG} solve: {exc}", file=sys.stderr)
        return 2
    db = open_database(database_url(args)).db
    try:
        with db.session() as session:
            rules = rules_from_values(session)
            if week_sl is not None:
                rules = replace(rules, weekly_service_level=week_sl or None)
            saved = solve_week(session, Actor.local_administrator(), week_start, args.time_limit, reqs,
                               progress=None if args.json else _progress, rules=rules)
    except RotaInputError as exc:
        print(f"{PROG} solve: {exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    sol = saved.solution
    hard = [v for v in sol.violations if v.hard]
    goal = rules.weekly_service_level
    if args.json:
        print(json.dumps({
            "rota_id": saved.rota_id, "status": "draft", "week_start": week_start.isoformat(), "shifts": saved.shifts,
            "solver_status": sol.status, "paid_hours": sol.paid_hours,
            "lp_bound_hours": sol.lp_bound_hours or None, "gap": sol.gap if sol.lp_bound_hours else None, "seconds": round(sol.seconds, 3),
            "weekly_service_level_goal": goal,
            "coverage": [{"skill": c.skill, "pct_intervals_covered": c.pct_slots_covered,
                          "pct_intervals_at_sl_target": c.pct_slots_at_target,
                          "weekly_service_level": c.weekly_service_level} for c in sol.coverage],
            "violations": [{"rule": v.rule, "hard": v.hard, "message": v.message} for v in sol.violations],
            "unscheduled": list(sol.unscheduled)}, indent=2, ensure_ascii=False))
    else:
        bound = (f"lower bound {sol.lp_bound_hours:g}, gap {sol.gap * 100:.1f} %" if sol.lp_bound_hours
                 else f"lower bound {sol.stats.get('lp_bound', 'not proven in the time limit')}")
        print(f"Draft rota {saved.rota_id} for the week of {week_start:%d %b %Y}: {saved.shifts} shifts, "
              f"{sol.paid_hours:g} paid hours ({bound}), {sol.seconds:.1f} s")
        for c in sol.coverage:
            at = "" if c.pct_slots_at_target is None else f", {c.pct_slots_at_target:.1f} % at the service-level target"
            week = "" if c.weekly_service_level is None else (
                f", week's service level {c.weekly_service_level * 100:.1f} %"
                + ("" if goal is None else f" (goal {goal * 100:g} %)"))
            print(f"  {c.skill}: {c.pct_slots_covered:.1f} % of intervals covered{at}{week}")
        for v in sol.violations[:20]:
            print(f"  {'!' if v.hard else '-'} {v.rule}: {v.message}")
        if len(sol.violations) > 20:
            print(f"  ... and {len(sol.violations) - 20} more")
        print("Not published: review it in Schedule, then publish.")
    return 1 if hard else 0


def _progress(fraction: float, message: str) -> None:
    print(f"  [{fraction * 100:3.0f} %] {message}", file=sys.stderr)


def _templates(args: argparse.Namespace) -> int:
    from datetime import datetime

    from app.actor import Actor
    from app.bootstrap import open_database
    from app.cli import database_url
    from app.schedule.templates import add_default_templates, add_template, list_templates

    db = open_database(database_url(args)).db
    try:
        with db.session() as s:
            if args.defaults:
                print(f"{add_default_templates(s, Actor.system())} templates added")
            if args.add:
                if not args.start or not args.hours:
                    print("floorwalker rota templates: --add needs --start HH:MM and --hours H", file=sys.stderr)
                    return 2
                try:
                    start = datetime.strptime(args.start, "%H:%M").time()
                except ValueError:
                    print(f"floorwalker rota templates: --start {args.start!r} is not a time like 07:30",
                          file=sys.stderr)
                    return 2
                add_template(s, Actor.system(), args.add, start, round(args.hours * 60), args.break_min)
        with db.session() as s:
            for t in list_templates(s):
                print(f"{t.name:<20} {t.start:%H:%M}  {t.duration_min / 60:>5.2f} h  break {t.break_min} min")
    except ValueError as exc:
        print(f"floorwalker rota templates: {exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    return 0
