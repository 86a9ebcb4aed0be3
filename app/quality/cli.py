"""`floorwalker qa ...`: the weekly draw, its replay, the list of draws, linking recordings.

Exit codes: 0 done (replay: identical), 1 the check failed (replay: differs), 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli import add_db_option

PROG = "floorwalker qa"


def register(sub: argparse._SubParsersAction) -> None:
    qa = sub.add_parser("qa", help="quality assurance: the weekly draw, replay, recordings",
                        description="The weekly QA draw (R-QA-1) and its replay, and linking recordings.")
    qa_sub = qa.add_subparsers(dest="qa_command", metavar="WHAT", required=True)

    d = qa_sub.add_parser(
        "draw", help="draw a week's QA sample",
        description="Draw the recorded interactions supervisors review for a finished week: at least the "
                    "R-QA-1 quota per agent, stratified by channel and queue. Agents short of the quota are "
                    "listed with the reason; missing, empty or undecodable recordings are listed and skipped.")
    d.add_argument("--week", metavar="WEEK", help="the sampled week, e.g. 2026-W47 or a date in it "
                   "(default: last week)")
    d.add_argument("--seed", metavar="TEXT", help="the seed (default: a random one, stored with the draw); a "
                   "given seed is recorded as given in the draw and the audit log")
    add_db_option(d)
    d.add_argument("--json", action="store_true", help="print the result as JSON")
    d.set_defaults(handler=_draw)

    r = qa_sub.add_parser(
        "replay", help="recompute a stored draw and compare",
        description="Recompute a draw from its stored population, seed, rules and algorithm version. "
                    "Exit 0 when the result is identical, 1 when it differs (the differences are listed).")
    r.add_argument("draw_id", metavar="DRAW_ID", type=int)
    add_db_option(r)
    r.add_argument("--json", action="store_true", help="print the result as JSON")
    r.set_defaults(handler=_replay)

    ls = qa_sub.add_parser("draws", help="list the stored draws")
    add_db_option(ls)
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(handler=_draws)

    rules = qa_sub.add_parser(
        "rules", help="show or set the draw's rules (strata, minimum length, extra reviewers)",
        description="Without --set: print the rules the next draw uses (the quota is the R-QA-1 rule value). "
                    "--set FILE.json stores new rules: {\"min_duration_sec\": 30, \"strata\": [{\"name\": "
                    "\"voice\", \"quota\": 3, \"channels\": [\"phone\"], \"queue_ids\": [], \"fallback\": "
                    "[\"digital\", \"any\"]}, ...], \"spread_queues\": true, \"check_files\": true, "
                    "\"review_days\": 7, \"extra_reviewers\": [person ids]}.")
    rules.add_argument("--set", metavar="FILE", help="store the rules in FILE (JSON)")
    add_db_option(rules)
    rules.set_defaults(handler=_rules)

    st = qa_sub.add_parser(
        "stats", help="per agent: mean dialogue score with its 95 % interval and count (week, month, quarter)",
        description="Per agent, the mean QA dialogue score (1-10) with its 95 % t-interval and the number of "
                    "reviews for the sampled week, this month and this quarter; one review has no interval.")
    st.add_argument("--agent", type=int, metavar="ID", help="only this agent (people id)")
    add_db_option(st)
    st.add_argument("--json", action="store_true", help="print JSON")
    st.set_defaults(handler=_stats)

    card = qa_sub.add_parser(
        "scorecard", help="show or save a scorecard (a change saves a new revision)",
        description="Without FILE: print the current scorecards as JSON. With NAME FILE.json: save the "
                    "sections in FILE as a new scorecard, or as the next revision of NAME (earlier reviews keep "
                    "the revision they used). FILE holds {\"sections\": [{\"key\", \"label\", \"weight\", "
                    "\"questions\": [{\"key\", \"label\", \"kind\": yes_no|scale|points, \"weight\", "
                    "\"critical\", \"allow_na\", \"max_points\", \"fail_at\"}]}]}; --default saves the "
                    "built-in service scorecard.")
    card.add_argument("name", metavar="NAME", nargs="?")
    card.add_argument("file", metavar="FILE", nargs="?")
    card.add_argument("--default", action="store_true", help="save the built-in scorecard under NAME")
    add_db_option(card)
    card.set_defaults(handler=_scorecard)

    link = qa_sub.add_parser(
        "link-recordings", help="link recording files in a folder to interactions",
        description="Find recordings in DIR (MixMonitor names q-<queue>-<callerid>-<YYYYMMDD>-<HHMMSS>-<uniqueid>"
                    ".wav, <uniqueid>.wav, or any name containing an interaction's external id) and link them "
                    "to the interactions with that unique id. Missing, empty and undecodable files are listed; "
                    "the rest are linked.")
    link.add_argument("folder", metavar="DIR")
    link.add_argument("--source", metavar="NAME", help="only interactions of this source (e.g. cdr)")
    add_db_option(link)
    link.add_argument("--json", action="store_true", help="print JSON")
    link.set_defaults(handler=_link)


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from app.bootstrap import open_database
    from app.cli import database_url

    return open_database(database_url(args)).db


def _draw(args: argparse.Namespace) -> int:
    from app import clock
    from app.actor import Actor
    from app.quality.draw import (
        DrawExists,
        draw_summary_json,
        parse_week,
        previous_week,
        run_draw,
        week_label,
    )
    from app.quality.interactions import center_zone

    db = _open(args)
    try:
        with db.session() as s:
            try:
                monday = parse_week(args.week) if args.week else previous_week(
                    clock.now().astimezone(center_zone(s)).date())
                out = run_draw(s, Actor.system(), monday, seed=args.seed)
            except DrawExists as exc:
                print(f"{PROG} draw: {exc}", file=sys.stderr)
                return 2
            except ValueError as exc:
                print(f"{PROG} draw: {exc}", file=sys.stderr)
                return 2
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(draw_summary_json(out), indent=2, ensure_ascii=False))
        return 0
    eligible = out.population + len(out.excluded)
    print(f"Draw {out.draw_id} of {week_label(out.week_start)} (week of {out.week_start.isoformat()}): "
          f"{out.samples} interactions for {out.agents} agents from {eligible:,} eligible"
          + (f" ({len(out.excluded):,} set aside: recording unusable)" if out.excluded else "")
          + f", in {out.seconds:.2f} s")
    print(f"seed {out.seed}  population sha256 {out.population_hash}")
    if out.unassigned:
        print(f"{out.unassigned} interactions have no reviewer (agent without a team, or a team without "
              "a supervisor)")
    if out.shortfalls:
        print(f"{len(out.shortfalls)} agents under the quota:")
        for sf in out.shortfalls:
            print(f"  {sf.agent:28} {sf.available}/{sf.quota}  {sf.reason}")
    if out.excluded:
        by_status: dict[str, int] = {}
        for e in out.excluded:
            by_status[e.status] = by_status.get(e.status, 0) + 1
        print(f"{len(out.excluded)} recordings could not be used ("
              + ", ".join(f"{n} {status}" for status, n in sorted(by_status.items())) + "):")
        for e in out.excluded[:50]:
            print(f"  interaction {e.interaction_id}: {e.status} ({e.detail})")
        if len(out.excluded) > 50:
            print(f"  … and {len(out.excluded) - 50} more (--json lists all)")
    print(f"Replay it with: floorwalker qa replay {out.draw_id}")
    return 0


def _replay(args: argparse.Namespace) -> int:
    from app.quality.draw import replay_draw, week_label

    db = _open(args)
    try:
        with db.session() as s:
            try:
                res = replay_draw(s, args.draw_id)
            except ValueError as exc:
                print(f"{PROG} replay: {exc}", file=sys.stderr)
                return 2
    finally:
        db.dispose()
    if args.json:
        print(json.dumps({
            "draw_id": res.draw_id, "week": week_label(res.week_start), "identical": res.identical,
            "algorithm_version": res.algorithm_version, "population": res.population,
            "population_hash_stored": res.population_hash_stored, "population_hash_now": res.population_hash_now,
            "samples": res.samples, "replacements": res.replacements, "shortfalls_match": res.shortfalls_match,
            "problem": res.problem, "seconds": round(res.seconds, 3),
            "differences": [d.__dict__ for d in res.differences]}, indent=2))
        return 0 if res.identical else 1
    if res.problem:
        print(f"Draw {res.draw_id} cannot be replayed: {res.problem}")
        return 1
    print(f"Draw {res.draw_id} of {week_label(res.week_start)}: {res.samples} interactions from a population "
          f"of {res.population:,}, replayed in {res.seconds:.2f} s")
    print(f"population: {'same' if res.population_matches else 'CHANGED'} "
          f"(stored {res.population_hash_stored[:16]}…, now {res.population_hash_now[:16]}…)")
    if res.replacements:
        print(f"{res.replacements} samples were replaced afterwards (with a reason; see the audit log)")
    if not res.shortfalls_match:
        print("the agents under the quota differ")
    for d in res.differences[:50]:
        print(f"  interaction {d.interaction_id} (agent {d.agent_id}): stored {d.stored or '-'}, "
              f"replayed {d.replayed or '-'}")
    print("IDENTICAL" if res.identical else f"DIFFERENT ({len(res.differences)} interactions differ)")
    return 0 if res.identical else 1


def _draws(args: argparse.Namespace) -> int:
    from app.quality.draw import list_draws, week_label

    db = _open(args)
    try:
        with db.session() as s:
            draws = list_draws(s)
    finally:
        db.dispose()
    if args.json:
        print(json.dumps([{"id": d.id, "week": week_label(d.week_start), "created_at": d.created_at.isoformat(),
                           "created_by": d.created_by, "algorithm_version": d.algorithm_version,
                           "population": d.population, "samples": d.samples, "shortfalls": d.shortfalls,
                           "seed": d.seed} for d in draws], indent=2))
        return 0
    if not draws:
        print("No QA draws yet.")
    for d in draws:
        print(f"{d.id:>5}  {week_label(d.week_start)}  {d.samples:>6} samples  {d.shortfalls:>3} under quota  "
              f"population {d.population:>8,}  {d.algorithm_version:10}  {d.created_at:%Y-%m-%d %H:%M} "
              f"{d.created_by or ''}")
    return 0


def _rules(args: argparse.Namespace) -> int:
    from app.actor import Actor
    from app.quality.draw import draw_rules, save_draw_rules
    from app.quality.sampling import DrawRules

    db = _open(args)
    try:
        with db.session() as s:
            if args.set:
                try:
                    data = json.loads(Path(args.set).read_text(encoding="utf-8"))
                    extra = tuple(int(p) for p in data.get("extra_reviewers", ()))
                    new = DrawRules.from_json({**data, "quota": draw_rules(s)[0].quota})
                    save_draw_rules(s, Actor.local_administrator(), new, extra)
                except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                    print(f"{PROG} rules: {args.set}: {exc}", file=sys.stderr)
                    return 2
            current, extra = draw_rules(s)
    finally:
        db.dispose()
    print(json.dumps({**current.to_json(), "extra_reviewers": list(extra)}, indent=2))
    return 0


def _stats(args: argparse.Namespace) -> int:
    from app.actor import Actor
    from app.quality.stats import agent_score_stats

    db = _open(args)
    try:
        with db.session() as s:
            rows = agent_score_stats(s, Actor.system(), agent_id=args.agent)
    finally:
        db.dispose()

    def interval(m):  # type: ignore[no-untyped-def]
        return {"n": m.n, "mean": m.mean, "low": m.low, "high": m.high}

    if args.json:
        print(json.dumps([{"agent_id": r.agent_id, "agent": r.agent, "team": r.team, "week": interval(r.week),
                           "month": interval(r.month), "quarter": interval(r.quarter),
                           "quarter_violations": r.quarter_violations} for r in rows], indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("No QA reviews this quarter.")
    for r in rows:
        print(f"{r.agent:24} {r.team or '':16} week {r.week.label:30} month {r.month.label:30} "
              f"quarter {r.quarter.label}")
    return 0


def _scorecard(args: argparse.Namespace) -> int:
    from app.actor import Actor
    from app.quality.scorecards import (
        DEFAULT_SECTIONS,
        list_scorecards,
        parse_criteria,
        save_scorecard,
    )

    if args.name is None:
        db = _open(args)
        try:
            with db.session() as s:
                cards = list_scorecards(s)
        finally:
            db.dispose()
        print(json.dumps([{"id": c.id, "name": c.name, "revision": c.revision, **c.criteria_json()}
                          for c in cards], indent=2, ensure_ascii=False))
        return 0
    if args.default == bool(args.file):
        print(f"{PROG} scorecard: give NAME and either FILE.json or --default", file=sys.stderr)
        return 2
    try:
        sections = DEFAULT_SECTIONS if args.default else parse_criteria(
            json.loads(Path(args.file).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        print(f"{PROG} scorecard: {args.file}: {exc}", file=sys.stderr)
        return 2
    db = _open(args)
    try:
        with db.session() as s:
            try:
                card, _ = save_scorecard(s, Actor.local_administrator(), args.name, sections)
            except ValueError as exc:
                print(f"{PROG} scorecard: {exc}", file=sys.stderr)
                return 2
    finally:
        db.dispose()
    print(f"Saved scorecard '{card.name}' revision {card.revision} ({len(card.questions)} questions, "
          f"id {card.id}).")
    return 0


def _link(args: argparse.Namespace) -> int:
    from app.quality.linking import link_folder

    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"{PROG} link-recordings: no such folder: {folder}", file=sys.stderr)
        return 2
    db = _open(args)
    try:
        with db.session() as s:
            report = link_folder(s, folder, source=args.source)
    finally:
        db.dispose()
    print(json.dumps(report.to_json(), indent=2, ensure_ascii=False) if args.json else report.text())
    return 0
