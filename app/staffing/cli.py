"""`floorwalker staffing`: agents needed for one interval (Erlang C, or Erlang A with patience).

No database: everything comes from the options. With ``--agents K`` it prints what K agents
achieve instead of searching for the number needed.
"""

from __future__ import annotations

import argparse
import json
import math
import sys

PROG = "floorwalker staffing"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "staffing", help="agents needed for an interval (Erlang C / Erlang A)",
        description="Agents needed to answer N calls in an interval of M minutes at the target service "
                    "level (Erlang C; Erlang A when --patience-sec is given), or with --agents the service "
                    "level K agents reach. Prints probability of waiting, service level, average speed of "
                    "answer, occupancy and agents after shrinkage.")
    p.add_argument("--calls", type=float, required=True, metavar="N", help="calls offered in the interval")
    p.add_argument("--interval-min", type=float, required=True, metavar="M", help="interval length in minutes")
    p.add_argument("--aht-sec", type=float, required=True, metavar="S", help="average handle time in seconds")
    p.add_argument("--target-sl", type=float, default=0.8, metavar="F",
                   help="service level target as a fraction, e.g. 0.8 for 80 %% (default 0.8)")
    p.add_argument("--target-sec", type=float, default=20.0, metavar="T",
                   help="answered within T seconds (default 20)")
    p.add_argument("--max-occupancy", type=float, metavar="F",
                   help="cap on agent occupancy, e.g. 0.85 (default: no cap)")
    p.add_argument("--shrinkage", type=float, default=0.0, metavar="F",
                   help="share of paid time off the phones, e.g. 0.3 (default 0)")
    p.add_argument("--agents", type=int, metavar="K", help="evaluate K agents instead of finding the number needed")
    p.add_argument("--patience-sec", type=float, metavar="P",
                   help="average time callers wait before hanging up: use Erlang A")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_staffing)


def _option(param: str) -> str:
    return "--" + param.replace("_", "-")


def _staffing(args: argparse.Namespace) -> int:
    from app.staffing.erlang import (
        StaffingInputError,
        after_shrinkage,
        interval_metrics,
        staff_interval,
        validate_shrinkage,
        validate_targets,
    )

    try:
        validate_targets(args.target_sl, args.max_occupancy)
        validate_shrinkage(args.shrinkage)
        if args.agents is None:
            res = staff_interval(args.calls, args.interval_min, args.aht_sec, args.target_sl, args.target_sec,
                                 args.max_occupancy, args.patience_sec)
        else:
            res = interval_metrics(args.calls, args.interval_min, args.aht_sec, args.agents, args.target_sec,
                                   args.patience_sec)
        scheduled = after_shrinkage(res.agents, args.shrinkage)
    except StaffingInputError as exc:
        param = {"agents": "agents", "aht": "aht_sec"}.get(exc.param, exc.param)
        print(f"{PROG}: {_option(param)} {exc.detail}", file=sys.stderr)
        return 2
    meets = res.service_level >= args.target_sl - 1e-12 and (
        args.max_occupancy is None or res.occupancy <= args.max_occupancy + 1e-12)
    if args.json:
        print(json.dumps(_as_json(res, scheduled, args, meets), indent=2))
        return 0
    for line in _as_text(res, scheduled, args, meets):
        print(line)
    return 0


def _finite_or_none(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _as_json(res, scheduled: int, args: argparse.Namespace, meets: bool) -> dict:
    out = {
        "model": res.model,
        "mode": "agents needed" if args.agents is None else "agents given",
        "calls": res.calls, "interval_min": res.interval_min, "aht_sec": res.aht_sec,
        "target_sl": args.target_sl, "target_sec": res.target_sec,
        "max_occupancy": args.max_occupancy, "shrinkage": args.shrinkage,
        "load_erlangs": res.load, "agents": res.agents,
        "p_wait": res.p_wait, "service_level": res.service_level,
        "meets_target": meets,
        "asa_sec": _finite_or_none(res.asa_sec),  # null: unstable queue, waits grow without limit
        "occupancy": res.occupancy, "stable": res.stable,
        "agents_after_shrinkage": scheduled,
    }
    if res.patience_sec is not None:
        out["patience_sec"] = res.patience_sec
        out["p_abandon"] = res.p_abandon
    return out


def _pct(value: float) -> str:
    return f"{value * 100:.2f} %"


def _as_text(res, scheduled: int, args: argparse.Namespace, meets: bool) -> list[str]:
    target = f"{args.target_sl * 100:g} % in {res.target_sec:g} s" + (
        "" if args.max_occupancy is None else f", occupancy at most {args.max_occupancy * 100:g} %")
    head = (f"{res.model}: {res.calls:g} calls in {res.interval_min:g} min, AHT {res.aht_sec:g} s"
            + ("" if res.patience_sec is None else f", patience {res.patience_sec:g} s"))
    load = f"{res.load:.2f}" if res.load == 0 or res.load >= 0.01 else f"{res.load:.2g}"
    rows: list[tuple[str, str]] = [("Offered load", f"{load} Erlangs")]
    if args.agents is None:
        rows.append(("Agents needed", f"{res.agents} (target {target})"))
    else:
        verdict = (" - meets" if meets else " - misses") + f" the target {target}"
        rows.append(("Agents", f"{res.agents}{verdict}"))
    rows.append(("Probability of waiting", _pct(res.p_wait)))
    if res.patience_sec is not None:
        rows.append(("Abandonment", _pct(res.p_abandon)))
    label = "Service level reached" if args.agents is not None else "Service level"
    rows.append((f"{label} ({res.target_sec:g} s)", _pct(res.service_level)))
    rows.append(("Average speed of answer", f"{res.asa_sec:.1f} s" if res.stable else "infinite"))
    rows.append(("Occupancy", _pct(res.occupancy)))
    rows.append(("Agents after shrinkage", f"{scheduled} (shrinkage {args.shrinkage * 100:g} %)"))
    width = max(len(label) for label, _ in rows)
    lines = [head] + [f"  {label:<{width}}  {value}" for label, value in rows]
    if not res.stable:
        lines.append(f"  Unstable: {res.agents} agents cannot carry {res.load:.2f} Erlangs; the queue grows "
                     "without limit. Add agents, or give --patience-sec for Erlang A.")
    return lines
