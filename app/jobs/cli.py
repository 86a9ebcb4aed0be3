"""`floorwalker jobs list|run|pause|resume` and `floorwalker worker [--once]`."""

from __future__ import annotations

import argparse
import json
import signal
import threading

from app.actor import Actor


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option

    jobs = sub.add_parser("jobs", help="list, run, pause or resume background jobs")
    jobs_sub = jobs.add_subparsers(dest="jobs_command", metavar="ACTION", required=True)
    p = jobs_sub.add_parser("list", help="every job with its next and last run")
    add_db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_list)
    for name, helptext in (("run", "run a job now (a slot of its own)"), ("pause", "pause a job on every desk"),
                           ("resume", "resume a paused job")):
        p = jobs_sub.add_parser(name, help=helptext)
        add_db_option(p)
        p.add_argument("job_id")
        p.set_defaults(handler=_action, action=name)

    p = sub.add_parser("worker", help="run the background jobs without a window (for a server)")
    add_db_option(p)
    p.add_argument("--once", action="store_true",
                   help="run whatever is due (catch-up and expired claims) once, then exit")
    p.set_defaults(handler=_worker)


def _open(args: argparse.Namespace):  # noqa: ANN202
    from app.bootstrap import open_database
    from app.cli import database_url

    return open_database(database_url(args)).db


def _list(args: argparse.Namespace) -> int:
    from app import clock
    from app.jobs.runner import center_timezone
    from app.jobs.status import job_statuses

    db = _open(args)
    tz = center_timezone(db)

    def local(t):  # noqa: ANN001, ANN202
        return t.astimezone(tz).isoformat(timespec="seconds") if t else None

    statuses = job_statuses(db, tz)
    if args.json:
        rows = [{"job": j.job_id, "title": j.title, "schedule": j.schedule, "paused": j.paused,
                 "next_run": local(j.next_run), "last_slot": local(j.last_slot), "last_outcome": j.last_outcome,
                 "last_desk": j.last_desk,
                 "last_seconds": round(j.last_seconds, 3) if j.last_seconds is not None else None,
                 "last_attempt": j.last_attempt, "last_error": j.last_error} for j in statuses]
        print(json.dumps({"now": clock.now().isoformat(), "jobs": rows}, ensure_ascii=False, indent=2))
        return 0
    print(f"{'JOB':20} {'SCHEDULE':16} {'NEXT RUN':26} {'LAST SLOT':26} {'OUTCOME':8} {'SECS':>7}  DESK")
    for j in statuses:
        outcome = "paused" if j.paused else (j.last_outcome or "-")
        secs = f"{j.last_seconds:.2f}" if j.last_seconds is not None else "-"
        print(f"{j.job_id:20} {j.schedule:16} {local(j.next_run) or '-':26} {local(j.last_slot) or '-':26} "
              f"{outcome:8} {secs:>7}  {j.last_desk or '-'}")
        if j.last_error:
            print(f"{'':20} error: {j.last_error}")
    return 0


def _action(args: argparse.Namespace) -> int:
    from app.jobs.registry import get_job
    from app.jobs.runner import JobRunner, set_paused

    db = _open(args)
    try:
        get_job(args.job_id)
    except ValueError as exc:
        print(f"floorwalker: {exc}")
        return 2
    actor = Actor.system()
    if args.action == "run":
        outcome = JobRunner(db).run_now(args.job_id, actor)
        if not outcome.ran:
            print(f"{args.job_id}: another desk is already running this slot")
            return 1
        print(f"{args.job_id}: {'ok' if outcome.ok else 'failed'} {outcome.result or outcome.error or ''}")
        return 0 if outcome.ok else 1
    set_paused(db, actor, args.job_id, args.action == "pause")
    print(f"{args.job_id}: {'paused' if args.action == 'pause' else 'resumed'} on every desk")
    return 0


def _worker(args: argparse.Namespace) -> int:
    from app.jobs.runner import JobRunner

    db = _open(args)
    runner = JobRunner(db, on_state=lambda job, state: print(f"{job}: {state}", flush=True))
    if args.once:
        outcomes = runner.run_due()
        for o in outcomes:
            print(f"{o.job_id} {o.slot.isoformat()}: {'ran' if o.ran else 'skipped'}"
                  f"{'' if o.ok else ' FAILED ' + (o.error or '')}")
        return 0 if all(o.ok for o in outcomes) else 1
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    runner.start()
    print(f"worker running {len(runner.jobs)} jobs on {db.display_url}; Ctrl+C to stop", flush=True)
    stop.wait()
    runner.stop()
    return 0
