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
    from app.jobs.claims import last_runs
    from app.jobs.runner import JobRunner, paused_jobs

    db = _open(args)
    runner = JobRunner(db)
    last = last_runs(db)
    paused = paused_jobs(db)
    nexts = runner.next_run_times()
    rows = []
    for job_id, spec in sorted(runner.jobs.items()):
        run = last.get(job_id)
        rows.append({
            "job": job_id, "title": spec.title, "paused": job_id in paused,
            "next_run": nexts[job_id].astimezone(runner.tz).isoformat(timespec="seconds") if nexts[job_id] else None,
            "last_slot": run.scheduled_for.astimezone(runner.tz).isoformat(timespec="seconds") if run else None,
            "last_outcome": run.outcome if run else None, "last_desk": run.claimed_by if run else None,
            "last_seconds": round(run.seconds, 3) if run and run.seconds is not None else None,
            "last_attempt": run.attempt if run else None,
            "last_error": (run.error or "").strip().splitlines()[-1] if run and run.error else None,
        })
    if args.json:
        print(json.dumps({"now": clock.now().isoformat(), "jobs": rows}, ensure_ascii=False, indent=2))
        return 0
    print(f"{'JOB':16} {'NEXT RUN':26} {'LAST SLOT':26} {'OUTCOME':8} {'SECS':>7}  DESK")
    for r in rows:
        outcome = "paused" if r["paused"] else (r["last_outcome"] or "-")
        secs = f"{r['last_seconds']:.2f}" if r["last_seconds"] is not None else "-"
        print(f"{r['job']:16} {r['next_run'] or '-':26} {r['last_slot'] or '-':26} {outcome:8} {secs:>7}  "
              f"{r['last_desk'] or '-'}")
        if r["last_error"]:
            print(f"{'':16} error: {r['last_error']}")
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
