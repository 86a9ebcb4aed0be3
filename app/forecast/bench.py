"""``floorwalker bench forecast``: the anonymous bank month imported into a scratch SQLite file;
the first three weeks are history, the last week (22-28 February 1999) is forecast day by day
from the data before each day. Prints the 30-minute WAPE beside both baselines (same interval
last week, mean of the same weekday) and the Poisson noise floor, the 80 % interval coverage,
and the time a backtest and a week's forecast take.

The bank is in Israel: the importer creates the center in the mapping's time zone
(Asia/Jerusalem) with that zone's country (IL) for its statutory holidays.
"""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

from app.bench.registry import (
    BenchError,
    BenchOptions,
    BenchResult,
    Measurement,
    benchmark,
    repeat_of,
)
from app.imports.bench import BANK_FILE

FIRST, LAST = date(1999, 2, 22), date(1999, 2, 28)
WAPE_TARGET = 0.24
COVERAGE_RANGE = (0.75, 0.85)


@benchmark("forecast", "anonymous bank month: 3 weeks of history, the last week forecast day by day; "
           "30-minute WAPE vs both baselines and the Poisson floor, 80 % interval coverage", default_repeat=3)
def forecast_bench(options: BenchOptions) -> BenchResult:
    from sqlalchemy import select

    from app.actor import Actor
    from app.bootstrap import open_database
    from app.forecast.backtest import backtest
    from app.forecast.service import make_week
    from app.imports.service import import_interactions
    from db.models import Center

    if not BANK_FILE.is_file():
        raise BenchError(f"the anonymous bank file is not there ({BANK_FILE}); this benchmark needs it")
    runs = repeat_of(options, "forecast")
    with tempfile.TemporaryDirectory(prefix="fw-bench-forecast-") as tmp:
        db = open_database(str(Path(tmp) / "bank.db")).db
        try:
            options.say("importing the bank month…")
            imported = import_interactions(db, BANK_FILE, "anonymous-bank")
            with db.session() as s:
                country = s.scalar(select(Center.holiday_country))
            times, week_times = [], []
            result = None
            for run in range(runs):
                options.say(f"run {run + 1}: backtest {FIRST} .. {LAST}…")
                with db.session() as s:
                    start = time.perf_counter()
                    result = backtest(s, None, FIRST, LAST, interval_min=30)
                    times.append(time.perf_counter() - start)
                with db.session() as s:
                    start = time.perf_counter()
                    made = make_week(s, Actor.system(), FIRST)
                    week_times.append(time.perf_counter() - start)
                    s.rollback()
            assert result is not None
        finally:
            db.dispose()
    r = result
    f30 = r.score("forecast", 30)
    b30 = r.score("same_interval_last_week", 30)
    m30 = r.score("weekday_mean", 30)
    cov = r.coverage["30"]
    lo, hi = COVERAGE_RANGE
    return BenchResult("forecast", (
        Measurement("wape_30min_forecast", (100 * f30.wape,), unit="%", baseline="wape_30min_same_interval_last_week",
                    target=100 * WAPE_TARGET, note=f"bias {f30.bias:+.3f}; 15 min {r.score('forecast', 15).wape:.3f}, "
                                             f"60 min {r.score('forecast', 60).wape:.3f}, "
                                             f"per day {r.score('forecast', 'day').wape:.3f}"),
        Measurement("wape_30min_same_interval_last_week", (100 * b30.wape,), unit="%", note=f"bias {b30.bias:+.3f}"),
        Measurement("wape_30min_weekday_mean", (100 * m30.wape,), unit="%", note=f"bias {m30.bias:+.3f}"),
        Measurement("wape_30min_poisson_floor", (100 * r.poisson_floor,), unit="%",
                    note="what a forecast of the exact rate would score from Poisson noise alone"),
        Measurement("coverage_80pct_30min", (100 * cov,), unit="%",
                    note=f"target {lo:.2f}..{hi:.2f}: {'ok' if lo <= cov <= hi else 'MISSED'}; "
                         f"15 min {r.coverage['15']:.3f}, 60 min {r.coverage['60']:.3f}, day {r.coverage['day']:.3f}"),
        Measurement("backtest_7_days", tuple(times), note="all queues together, each day from the data before it"),
        Measurement("forecast_week_all_queues", tuple(week_times),
                    note=f"{len(made)} queues x 672 intervals computed and stored (rolled back)"),
    ), info={"rows imported": f"{imported.rows_imported:,}", "queues": ", ".join(r.queues),
             "holiday country": country,
             "coverage within 75-85 %": lo <= cov <= hi, "WAPE target met": f30.wape <= WAPE_TARGET})
