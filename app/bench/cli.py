"""`floorwalker bench NAME [--json] [--repeat N]`: run a named benchmark and report it."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="run a named benchmark (--list shows them)",
                       description="Run a benchmark and print median, min, max and runs of each "
                                   "measurement, with its ratio to a baseline measured in the same run.")
    p.add_argument("name", nargs="?", help="benchmark to run")
    p.add_argument("--list", action="store_true", help="list the benchmarks")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--repeat", type=int, metavar="N", help="runs per measurement (default: per benchmark)")
    p.add_argument("--agents", type=int, default=60, help="demo size: agents (default 60)")
    p.add_argument("--weeks", type=int, default=13, help="demo size: weeks (default 13)")
    p.add_argument("--seconds", type=float, default=60.0, help="idle: seconds to watch the console (default 60)")
    p.add_argument("--interactions", type=int, default=1_000_000,
                   help="startup: interactions in the large database (default 1000000)")
    p.add_argument("--skip-large", action="store_true", help="startup: only the demo database")
    p.add_argument("--db", metavar="FILE", help="startup/idle: a SQLite file to use instead of the cached demo")
    p.add_argument("--pg", metavar="URL", help="jobs/conflicts: a PostgreSQL server URL whose user may create "
                   "databases (default: FLOORWALKER_BENCH_PG, else the local server)")
    p.set_defaults(handler=_bench)


def _bench(args: argparse.Namespace) -> int:
    from app.bench.registry import BenchError, BenchOptions, dumps, load_benchmarks, run_benchmark

    benchmarks = load_benchmarks()
    if args.list or not args.name:
        for bench in benchmarks.values():
            print(f"{bench.name:10} {bench.description} (default {bench.default_repeat} runs)")
        return 0 if args.list else 2
    if args.repeat is not None and args.repeat < 1:
        print("floorwalker: --repeat must be at least 1", file=sys.stderr)
        return 2
    options = BenchOptions(repeat=args.repeat, agents=args.agents, weeks=args.weeks, seconds=args.seconds,
                           interactions=args.interactions, skip_large=args.skip_large, db=args.db, pg=args.pg,
                           progress=lambda message: print(message, file=sys.stderr, flush=True))
    try:
        result = run_benchmark(args.name, options)
    except BenchError as exc:
        print(f"floorwalker: {exc}", file=sys.stderr)
        return 2
    print(dumps(result) if args.json else result.table())
    return 0
