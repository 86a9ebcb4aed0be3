"""`floorwalker demo`: build the seeded demo center into a database, then optionally open it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option

    p = sub.add_parser("demo", help="build a believable demo contact center (seeded, about 20 s)",
                       description="Build the demo center: people, queues, 13 weeks of contacts ending "
                                   "now, rotas, complaints, QA, training and short call recordings.")
    add_db_option(p)
    p.add_argument("--seed", type=int, default=1, help="the same seed builds the same center (default 1)")
    p.add_argument("--agents", type=_positive, default=60, help="number of agents (default 60)")
    p.add_argument("--weeks", type=_positive, default=13, help="weeks of history ending today (default 13)")
    p.add_argument("--recordings", metavar="DIR", help="folder for the generated WAV files "
                   "(default: recordings/<database name> in the data folder)")
    p.add_argument("--lang", choices=("en", "zh_CN"), default="en",
                   help="language of the center's names and texts: teams, queues, shifts, the scorecard, "
                        "complaints, chats … (default en; zh_CN builds the same center in Chinese)")
    p.add_argument("--force", action="store_true", help="replace a center already in the database")
    p.add_argument("--open", action="store_true", help="open the console on the database afterwards")
    p.set_defaults(handler=_demo)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _demo(args: argparse.Namespace) -> int:
    from app.cli import database_url
    from app.demo.builder import STEPS, DemoOptions, DemoRefused, build_demo

    url = database_url(args)
    options = DemoOptions(seed=args.seed, agents=args.agents, weeks=args.weeks, force=args.force, lang=args.lang,
                          recordings_dir=Path(args.recordings) if args.recordings else None)
    interactive = sys.stderr.isatty()

    def progress(step: int, total: int, label: str) -> None:
        if step >= total:
            if interactive:
                print(" " * 60, end="\r", file=sys.stderr)
            return
        line = f"[{step + 1}/{len(STEPS)}] {label}…"
        print(f"{line:60}", end="\r" if interactive else "\n", file=sys.stderr, flush=True)

    try:
        stats = build_demo(url, options, progress)
    except DemoRefused as exc:
        if args.open:  # the README's first command, run a second time: just open what is there
            print(f"floorwalker: {url} already holds a center; opening it as it is.", file=sys.stderr)
            from app.cli import main

            return main(["gui", "--db", url])
        print(f"floorwalker: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"floorwalker: {exc}", file=sys.stderr)
        return 2
    print(f"Demo center built in {url}")
    print(stats.summary())
    if args.open:
        from app.cli import main

        return main(["gui", "--db", url])
    return 0
