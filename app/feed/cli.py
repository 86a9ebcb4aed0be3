"""Headless feed commands: ``import queue-log``, ``simulate`` and ``live stats``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from app.feed.follow import LiveFeed
    from app.feed.simulator import SimConfig, SimTruth
    from db.database import Database

HEARTBEAT_SEC = 5.0  # a live feed writes its health row at least this often


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option, import_command

    p = import_command(sub).add_parser(
        "queue-log", help="import an Asterisk queue_log (calls and agent states)",
        description="Import an Asterisk queue_log file: calls become interactions (source "
                    "'queue_log', or 'simulator' for a simulated file), agent logins and pauses "
                    "become agent state intervals. Importing the same file again adds nothing. "
                    "Malformed lines and unknown events are counted and listed, never fatal.")
    p.add_argument("file", metavar="FILE", help="the queue_log file ('-' reads standard input)")
    add_db_option(p)
    p.add_argument("--table-form", action="store_true",
                   help="FILE is the realtime table exported as CSV (time, callid, queuename, agent, "
                        "event, data1..data5; time as epoch or datetime, UTC)")
    p.add_argument("--queue-map", metavar="LOGNAME=QUEUE", action="append", default=[],
                   help="store queue_log queue LOGNAME as the Floorwalker queue QUEUE (repeatable)")
    p.add_argument("--batch", type=_positive, default=5000, help="rows per transaction (default 5000)")
    p.add_argument("--follow", action="store_true",
                   help="keep reading as the file grows (survives log rotation); stop with Ctrl+C")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(handler=_import)

    c = import_command(sub).add_parser(
        "cdr", help="import an Asterisk CDR CSV (Master.csv)",
        description="Import an Asterisk cdr_csv Master.csv (with or without a header row): each row "
                    "becomes an interaction (source 'cdr'). Importing the same file again adds nothing. "
                    "Malformed rows are counted and listed with their line numbers, never fatal.")
    c.add_argument("file", metavar="FILE", help="the CSV file ('-' reads standard input)")
    add_db_option(c)
    c.add_argument("--queue", metavar="NAME", help="store every call in this queue (default: the dcontext)")
    c.add_argument("--timezone", metavar="TZ",
                   help="the PBX's time zone for the CDR times, e.g. Asia/Shanghai (default: the center's)")
    c.add_argument("--batch", type=_positive, default=5000, help="rows per transaction (default 5000)")
    c.add_argument("--columns", metavar="LIST",
                   help="the columns of a file without a header row, in order, comma-separated (a custom "
                        "cdr_csv format), e.g. start,end,src,dst,dcontext,dstchannel,disposition,billsec,uniqueid")
    c.add_argument("--recordings", metavar="DIR",
                   help="then link the recordings in DIR to the imported calls (MixMonitor names, "
                        "<uniqueid>.wav, or the file a row names); bad files are listed")
    c.add_argument("--json", action="store_true", help="print the summary as JSON")
    c.set_defaults(handler=_import_cdr)

    s = sub.add_parser(
        "simulate", help="write a simulated queue_log (for demos and tests)",
        description="Write believable queue_log lines: Poisson arrivals, lognormal talk times, "
                    "callers who give up, agents who pause. The first line marks the file as "
                    "simulated and agents are named SIM/nnn; stored data gets source 'simulator'.")
    s.add_argument("--rate", type=float, default=120.0, metavar="CALLS_PER_HOUR",
                   help="arrivals per hour over all queues (default 120)")
    s.add_argument("--agents", type=_positive, default=10, help="agents (default 10)")
    s.add_argument("--queues", nargs="+", default=["sales", "support", "billing"], metavar="NAME",
                   help="queue names (default: sales support billing)")
    length = s.add_mutually_exclusive_group()
    length.add_argument("--duration", type=float, default=3600.0, metavar="S",
                        help="seconds of traffic ending now, written at once (default 3600)")
    length.add_argument("--until-stopped", action="store_true",
                        help="write in real time from now until Ctrl+C (appends to --out)")
    s.add_argument("--out", metavar="FILE", help="append the lines to FILE (default: standard output)")
    s.add_argument("--seed", type=int, default=1, help="the same seed writes the same lines (default 1)")
    s.add_argument("--db", metavar="URL", help="also store the calls in this database (source 'simulator')")
    s.set_defaults(handler=_simulate)

    live = sub.add_parser("live", help="live floor figures, headless")
    live_sub = live.add_subparsers(dest="live_command", metavar="WHAT", required=True)
    st = live_sub.add_parser("stats", help="per-queue and per-agent figures now",
                             description="Per queue: offered, answered, abandoned, abandon rate, service "
                                         "level against the queue's target, ASA, longest wait, calls "
                                         "waiting now. Per agent: state now and time in state.")
    add_db_option(st)
    window = st.add_mutually_exclusive_group()
    window.add_argument("--since", metavar="ISO", help="start of the window (e.g. 2026-11-18T08:00+08:00; "
                        "a time without offset is in the center's time zone)")
    window.add_argument("--today", action="store_true", help="since the center-local midnight (default)")
    st.add_argument("--json", action="store_true", help="print JSON")
    st.set_defaults(handler=_live_stats)
    from app.live.cli import register_live

    register_live(live_sub)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _queue_map(items: list[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        name, sep, target = item.partition("=")
        if not sep or not name.strip() or not target.strip():
            raise ValueError(f"--queue-map wants LOGNAME=QUEUE, got {item!r}")
        mapping[name.strip()] = target.strip()
    return mapping


def _import(args: argparse.Namespace) -> int:
    from app.bootstrap import open_database
    from app.cli import database_url
    from app.feed.queue_log import QueueLogFormatError
    from app.feed.store import import_events

    try:
        mapping = _queue_map(args.queue_map)
    except ValueError as exc:
        print(f"floorwalker: {exc}", file=sys.stderr)
        return 2
    if args.follow and (args.file == "-" or args.table_form):
        print("floorwalker: --follow works on a native queue_log file", file=sys.stderr)
        return 2
    db = open_database(database_url(args)).db
    try:
        if args.follow:
            return _follow(db, Path(args.file), mapping, args.batch)
        if args.file == "-":
            summary = import_events(db, sys.stdin.buffer, table_form=args.table_form, queue_map=mapping,
                                    batch_size=args.batch)
        else:
            path = Path(args.file)
            if not path.is_file():
                print(f"floorwalker: no such file: {path}", file=sys.stderr)
                return 2
            with path.open("rb") as fh:
                summary = import_events(db, fh, table_form=args.table_form, queue_map=mapping,
                                        batch_size=args.batch)
    except QueueLogFormatError as exc:
        print(f"floorwalker: {args.file}: {exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    print(json.dumps(summary.to_json(), indent=2, ensure_ascii=False) if args.json else summary.text())
    return 0


def _import_cdr(args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from app.bootstrap import open_database
    from app.cli import database_url
    from app.feed.cdr import CdrFormatError, import_cdr

    tz = None
    if args.timezone:
        try:
            tz = ZoneInfo(args.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            print(f"floorwalker: unknown time zone {args.timezone!r} (e.g. Asia/Shanghai, UTC)", file=sys.stderr)
            return 2
    path = Path(args.file)
    if args.file != "-" and not path.is_file():
        print(f"floorwalker: no such file: {path}", file=sys.stderr)
        return 2
    if args.recordings and not Path(args.recordings).is_dir():
        print(f"floorwalker: no such folder: {args.recordings}", file=sys.stderr)
        return 2
    columns = [c for c in args.columns.split(",")] if args.columns else None
    db = open_database(database_url(args)).db
    try:
        if args.file == "-":
            summary = import_cdr(db, sys.stdin.buffer, tz=tz, queue=args.queue, batch_size=args.batch,
                                 columns=columns)
        else:
            with path.open("rb") as fh:
                summary = import_cdr(db, fh, tz=tz, queue=args.queue, batch_size=args.batch, columns=columns)
        if args.recordings:
            from app.quality.linking import link_folder

            with db.session() as s:
                linked = link_folder(s, Path(args.recordings), source=summary.source,
                                     expected=summary.recording_files)
            summary.recordings, summary.recordings_text = linked.to_json(), linked.text()
    except CdrFormatError as exc:
        print(f"floorwalker: {args.file}: {exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    print(json.dumps(summary.to_json(), indent=2, ensure_ascii=False) if args.json else summary.text())
    return 0


def _follow(db: Database, path: Path, mapping: dict[str, str], batch: int) -> int:
    from app.feed.follow import LiveFeed
    from app.feed.tail import FileTailer

    _stop_on_sigterm()
    feed = LiveFeed(db, queue_map=mapping, batch_size=batch, name=str(path.resolve()) if str(path) != "-" else "stdin")
    tailer = FileTailer(path)
    print(f"Following {path} (Ctrl+C to stop)…", file=sys.stderr)
    last_beat = time.monotonic()
    try:
        for lines in tailer.follow(interval=1.0):
            feed.rotations, feed.missing = tailer.status.rotations, tailer.status.missing
            if not lines and not tailer.status.missing:
                if time.monotonic() - last_beat >= HEARTBEAT_SEC:  # alive, quiet: the Live view knows
                    feed.heartbeat()
                    last_beat = time.monotonic()
                continue
            last_beat = time.monotonic()
            feed.feed(lines)
            done = feed.commit()
            report = feed.report
            print(f"{datetime.now(UTC):%H:%M:%S} +{done.calls_finished} calls ended, {done.calls_open} open; "
                  f"{report.events} events, {report.malformed_count} malformed, {report.unknown_count} unknown, "
                  f"rotations {tailer.status.rotations}" + (" — file missing" if tailer.status.missing else ""),
                  file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        feed.heartbeat(stopped=True)
    return 0


def _simulate(args: argparse.Namespace) -> int:
    from app.feed.simulator import SimConfig, SimTruth, simulate

    if args.rate < 0:
        print("floorwalker: --rate must not be negative", file=sys.stderr)
        return 2
    now = int(time.time())
    realtime = args.until_stopped
    config = SimConfig(rate=args.rate, agents=args.agents, queues=tuple(args.queues),
                       duration=None if realtime else args.duration,
                       start=now if realtime else now - int(args.duration), seed=args.seed)
    truth = SimTruth()
    out = open(args.out, "a", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115
    db = None
    if args.db:
        from app.bootstrap import open_database

        db = open_database(args.db).db
    try:
        if realtime:
            _simulate_live(config, truth, out, db)
        else:
            lines = [text for _t, text in simulate(config, truth)]
            out.write("".join(line + "\n" for line in lines))
            out.flush()
            if db is not None:
                from app.feed.store import import_events

                summary = import_events(db, ((line + "\n").encode("utf-8") for line in lines), source="simulator")
                print(summary.text(), file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        if out is not sys.stdout:
            out.close()
        if db is not None:
            db.dispose()
    offered = sum(truth.offered.values())
    print(f"Simulated {truth.lines} lines: {offered} calls offered, {sum(truth.answered.values())} answered, "
          f"{sum(truth.abandoned.values())} abandoned", file=sys.stderr)
    return 0


def _stop_on_sigterm() -> None:
    """``kill`` stops a live feed like Ctrl+C: pending lines are stored and the feed says it stopped."""
    import signal

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (tests): nothing to install
        pass


def _simulate_live(config: SimConfig, truth: SimTruth, out: TextIO, db: Database | None) -> None:
    _stop_on_sigterm()
    from app.feed.follow import LiveFeed

    feed = None
    if db is not None:
        from app import clock
        from app.feed.follow import close_simulator_leftovers

        close_simulator_leftovers(db, clock.now())
        feed = LiveFeed(db, source="simulator", name="simulator")
    pending: list[bytes] = []
    last_commit = time.monotonic()
    try:
        _pace(config, truth, out, feed, pending, last_commit)
    finally:
        if feed is not None:
            if pending:
                feed.feed(pending)
                feed.commit()
            feed.heartbeat(stopped=True)


def _pace(config: SimConfig, truth: SimTruth, out: TextIO, feed: LiveFeed | None, pending: list[bytes],
          last_commit: float) -> None:
    from app.feed.simulator import simulate

    for when, text in simulate(config, truth):
        delay = when - time.time()
        if delay > 0:
            out.flush()
            if feed is not None and (pending or time.monotonic() - last_commit > 5.0):
                feed.feed(pending)
                feed.commit()
                pending.clear()
                last_commit = time.monotonic()
            while delay > HEARTBEAT_SEC and feed is not None:  # a quiet spell: stay visibly alive
                time.sleep(HEARTBEAT_SEC)
                feed.heartbeat()
                delay = when - time.time()
            time.sleep(max(0.0, delay))
        out.write(text + "\n")
        if feed is not None:
            pending.append(text.encode("utf-8"))


def _live_stats(args: argparse.Namespace) -> int:
    from app.bootstrap import open_database
    from app.cli import database_url
    from app.feed.stats import format_stats, live_stats
    from app.live.history import center_timezone

    db = open_database(database_url(args), create=False).db
    try:
        with db.session() as s:
            tz = center_timezone(s)
            since = None
            if args.since:
                try:
                    since = datetime.fromisoformat(args.since)
                except ValueError:
                    print(f"floorwalker: --since wants an ISO date or time, got {args.since!r}", file=sys.stderr)
                    return 2
                if since.tzinfo is None:
                    since = since.replace(tzinfo=tz)
                since = since.astimezone(UTC)
            stats = live_stats(s, since=since)
    finally:
        db.dispose()
    print(json.dumps(stats.to_json(), indent=2, ensure_ascii=False) if args.json else format_stats(stats, tz))
    return 0
