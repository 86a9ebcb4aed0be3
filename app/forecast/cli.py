"""`floorwalker forecast make` and `floorwalker forecast backtest`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option

    p = sub.add_parser("forecast", help="forecast contact volume per queue and 15 minutes; backtest it")
    fsub = p.add_subparsers(dest="forecast_command", metavar="ACTION", required=True)

    m = fsub.add_parser("make", help="forecast a week (every active queue, or --queue) and store it",
                        description="Forecast each queue's contacts per 15-minute interval for a week from its "
                                    "history (weekly and daily seasonality, trend, the center's holidays), with an "
                                    "80 %% prediction interval, and store it for staffing.")
    m.add_argument("--week", required=True, metavar="YYYY-Www", help="ISO week (2026-W48) or any date in it")
    m.add_argument("--queue", action="append", metavar="NAME", help="a queue (repeatable; default: all active)")
    m.add_argument("--json", action="store_true", help="print JSON")
    add_db_option(m)
    m.set_defaults(handler=_make)

    b = fsub.add_parser("backtest", help="how well the forecast would have done over a past period",
                        description="Forecast each day of the period from the data before it only, and compare "
                                    "with what happened and with two baselines made the same way (same interval "
                                    "last week; mean of the same weekday): WAPE and bias per 15/30/60-minute "
                                    "interval and per day, error by hour of day, prediction-interval coverage.")
    b.add_argument("--queue", action="append", metavar="NAME",
                   help="a queue (repeatable: their sum is forecast; default: all queues together)")
    b.add_argument("--from", dest="first", required=True, metavar="DATE", help="first day (center-local)")
    b.add_argument("--to", dest="last", required=True, metavar="DATE", help="last day, inclusive")
    b.add_argument("--interval-min", type=int, default=30, metavar="M", help="interval for the table (default 30)")
    b.add_argument("--json", action="store_true", help="print JSON (with the series)")
    add_db_option(b)
    b.set_defaults(handler=_backtest)


def _bad(message: str) -> int:
    print(f"floorwalker forecast: {message}", file=sys.stderr)
    return 2


def _open(args: argparse.Namespace):  # noqa: ANN202
    from app.bootstrap import open_database
    from app.cli import database_url

    return open_database(database_url(args)).db


def _make(args: argparse.Namespace) -> int:
    from app.actor import Actor
    from app.forecast.history import queue_ids_by_name
    from app.forecast.service import ForecastError, make_week, parse_iso_week

    try:
        week = parse_iso_week(args.week)
    except ForecastError as exc:
        return _bad(f"--week: {exc}")
    db = _open(args)
    try:
        with db.session() as s:
            ids = queue_ids_by_name(s, args.queue) if args.queue else None
            made = make_week(s, Actor.local_administrator(), week, ids)
    except (ForecastError, ValueError) as exc:
        return _bad(str(exc))
    finally:
        db.dispose()
    if args.json:
        print(json.dumps([{"queue": m.queue_name, "week_start": m.week_start.isoformat(), "run_id": m.run_id,
                           "volume": round(m.total, 1), "history_days": m.history_days} for m in made], indent=2,
                         ensure_ascii=False))
        return 0
    iso = week.isocalendar()
    print(f"Forecast for week {iso.year}-W{iso.week:02d} (from {week.isoformat()}), stored:")
    for m in made:
        print(f"  {m.queue_name:24} {m.total:10,.0f} contacts  (run {m.run_id}, {m.history_days} days of history)")
    return 0


def _pct(x: float) -> str:
    return "-" if x != x else f"{x * 100:5.1f} %"


def _backtest(args: argparse.Namespace) -> int:
    from app.forecast.backtest import METHOD_LABELS, BacktestError, backtest
    from app.forecast.history import queue_ids_by_name
    from app.forecast.model import NotEnoughHistory

    try:
        first, last = date.fromisoformat(args.first), date.fromisoformat(args.last)
    except ValueError as exc:
        return _bad(f"--from/--to: {exc} (use YYYY-MM-DD)")
    db = _open(args)
    try:
        with db.session() as s:
            ids = queue_ids_by_name(s, args.queue) if args.queue else None
            r = backtest(s, ids, first, last, interval_min=args.interval_min)
    except (BacktestError, NotEnoughHistory, ValueError) as exc:
        return _bad(str(exc))
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(result_json(r), indent=2, ensure_ascii=False))
        return 0
    for line in result_lines(r, METHOD_LABELS):
        print(line)
    return 0


def result_json(r) -> dict:  # noqa: ANN001 - BacktestResult
    return {
        "queues": list(r.queues), "from": r.first_day.isoformat(), "to": r.last_day.isoformat(),
        "interval_min": r.interval_min, "level": r.level,
        "scores": {m: {k: {"wape": v.wape, "bias": v.bias} for k, v in sc.items()} for m, sc in r.scores.items()},
        "coverage": r.coverage, "poisson_floor": r.poisson_floor,
        "days": [{"day": d.day.isoformat(), "actual": d.actual, "forecast": round(d.forecast, 2), "wape": d.wape,
                  "bias": d.bias} for d in r.days],
        "by_hour": [{"hour": h.hour, "actual": h.actual, "wape": h.wape, "bias": h.bias} for h in r.by_hour],
        "series": {"actual": list(r.actual), "forecast": [round(x, 3) for x in r.forecast],
                   "lower": list(r.lower), "upper": list(r.upper),
                   **{m: list(v) for m, v in r.baselines.items()}},
        "seconds": round(r.seconds, 3),
    }


def result_lines(r, labels: dict[str, str]) -> list[str]:  # noqa: ANN001 - BacktestResult
    queues = ", ".join(r.queues) if r.queues else "-"
    lines = [f"Backtest {r.first_day.isoformat()} .. {r.last_day.isoformat()} ({len(r.days)} days), queues: {queues}",
             "each day forecast from the data before it only",
             ""]
    cols = sorted({"15", "30", "60", str(r.interval_min)}, key=int) + ["day"]
    head = f"{'WAPE (bias)':26}" + "".join(f"{(c + ' min') if c != 'day' else 'per day':>20}" for c in cols)
    lines.append(head)
    for m, sc in r.scores.items():
        cells = "".join(f"{_pct(sc[c].wape) + ' (' + _pct(sc[c].bias).strip() + ')':>20}" for c in cols)
        lines.append(f"{labels.get(m, m):26}{cells}")
    lines.append(f"{'Poisson noise floor':26}{_pct(r.poisson_floor):>20}  (at {r.interval_min} min)")
    cov = "  ".join(f"{(k + ' min') if k != 'day' else 'day'}: {_pct(v).strip()}" for k, v in
                    sorted(r.coverage.items(), key=lambda kv: 99999 if kv[0] == "day" else int(kv[0])))
    lines += ["", f"{int(r.level * 100)} % prediction interval coverage: {cov}", "",
              f"{'day':12}{'actual':>10}{'forecast':>10}{'WAPE':>10}{'bias':>10}"]
    for d in r.days:
        lines.append(f"{d.day.isoformat()} {d.day.strftime('%a'):3}{d.actual:8,.0f}{d.forecast:10,.0f}"
                     f"{_pct(d.wape):>10}{_pct(d.bias):>10}")
    lines += ["", "error by hour of day (WAPE): hour, actual, forecast, last week, weekday mean"]
    for h in r.by_hour:
        if h.actual > 0:
            lines.append(f"  {h.hour:02d}:00 {h.actual:8,.0f}  {_pct(h.wape['forecast'])}  "
                         f"{_pct(h.wape['same_interval_last_week'])}  {_pct(h.wape['weekday_mean'])}")
    lines.append(f"\n({r.seconds:.2f} s)")
    return lines
