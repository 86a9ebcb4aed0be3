"""`floorwalker import transcripts` and `floorwalker autoqa run|show|agents`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option, command_group, import_command

    p = import_command(sub).add_parser("transcripts", help="chat, email and social transcripts (jsonl or csv)")
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=("jsonl", "csv"), help="default: by the file's suffix")
    p.add_argument("--mapping", metavar="NAME", help="a saved column mapping (csv)")
    p.add_argument("--columns", metavar="FIELD=HEADER,...", help="map fields to the file's column names (csv)")
    p.add_argument("--save-mapping", metavar="NAME", help="keep --columns under this name")
    p.add_argument("--encoding", help="default: detected (UTF-8, UTF-8 with BOM, GBK/GB18030)")
    p.add_argument("--report", type=Path, metavar="CSV", help="write the lines that were skipped, with reasons")
    p.add_argument("--json", action="store_true")
    add_db_option(p)
    p.set_defaults(handler=_import)

    group = command_group(sub, "autoqa", "automatic checks on every chat, email and social conversation")
    p = group.add_parser("run", help="check the conversations not yet checked under the current rule set")
    p.add_argument("--limit", type=int, help="at most this many conversations")
    p.add_argument("--json", action="store_true")
    add_db_option(p)
    p.set_defaults(handler=_run)
    p = group.add_parser("show", help="one conversation's transcript (masked) and check results")
    p.add_argument("interaction", type=int, help="interaction id")
    p.add_argument("--json", action="store_true")
    add_db_option(p)
    p.set_defaults(handler=_show)


def _db(args: argparse.Namespace):  # noqa: ANN202
    from app.bootstrap import open_database
    from app.cli import database_url

    return open_database(database_url(args)).db


def _import(args: argparse.Namespace) -> int:
    from app.autoqa.importer import import_transcripts

    columns = {}
    for pair in filter(None, (args.columns or "").split(",")):
        field, sep, header = pair.partition("=")
        if not sep:
            print(f"floorwalker import transcripts: --columns wants FIELD=HEADER, not '{pair}'", file=sys.stderr)
            return 2
        columns[field.strip()] = header.strip()
    if not args.file.exists():
        print(f"floorwalker import transcripts: no such file {args.file}", file=sys.stderr)
        return 2
    db = _db(args)
    try:
        result = import_transcripts(db, args.file, fmt=args.format, columns=columns or None, mapping=args.mapping,
                                    save_mapping=args.save_mapping, encoding=args.encoding)
    except (ValueError, OSError, LookupError) as exc:
        print(f"floorwalker import transcripts: {exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    if args.report is not None:
        args.report.write_text(result.report_csv(), encoding="utf-8-sig")
    summary = {"lines": result.lines, "conversations": result.conversations, "messages": result.messages,
               "interactions_created": result.created_interactions, "already_imported": result.skipped_existing,
               "duplicates_dropped": result.duplicates, "unknown_senders": result.unknown_senders,
               "without_agent_message": len(result.without_agent), "problems": len(result.problems)}
    if args.json:
        print(json.dumps({**summary, "problem_lines": [p.__dict__ for p in result.problems[:200]]},
                         ensure_ascii=False, indent=2))
    else:
        print(f"{result.conversations} conversations, {result.messages} messages imported "
              f"({result.created_interactions} new interactions); {result.skipped_existing} already there, "
              f"{result.duplicates} duplicate messages dropped, {len(result.without_agent)} without an agent "
              f"message, {result.unknown_senders} messages from an unknown sender.")
        for p in result.problems[:20]:
            print(f"  line {p.line}: {p.conversation or '-'}: {p.reason}")
        if len(result.problems) > 20:
            print(f"  … {len(result.problems) - 20} more (--report FILE lists them all)")
    return 0


def _run(args: argparse.Namespace) -> int:
    from app.autoqa.service import run_checks

    db = _db(args)
    try:
        stats = run_checks(db, limit=args.limit)
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(stats.__dict__))
    else:
        print(f"rule set v{stats.version}: {stats.conversations} conversations checked, {stats.results} results, "
              f"{stats.errors} errors, {stats.seconds:.1f} s")
    return 0


def _show(args: argparse.Namespace) -> int:
    from app.actor import Actor
    from app.autoqa.service import conversation

    db = _db(args)
    try:
        with db.session() as s:
            conv = conversation(s, Actor.system(), args.interaction)
    finally:
        db.dispose()
    if conv is None:
        print(f"floorwalker autoqa: no interaction {args.interaction}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"interaction": conv.interaction_id, "version": conv.version,
                          "messages": [{"seq": m.seq, "at": m.at.isoformat(), "sender": m.sender, "text": m.text,
                                        "gap_sec": m.gap_sec, "over_limit": m.over_limit} for m in conv.lines],
                          "results": [r.__dict__ for r in conv.results]}, ensure_ascii=False, indent=2))
        return 0
    flagged = conv.flagged_seqs()
    for m in conv.lines:
        mark = "!" if m.seq in flagged else " "
        gap = f" (+{m.gap_sec:.0f} s{' over' if m.over_limit else ''})" if m.gap_sec is not None else ""
        print(f"{mark}{m.seq:>3} {m.at:%H:%M:%S} {m.sender:<8} {m.text[:100]}{gap}")
    for r in conv.results:
        state = {True: "pass", False: "FAIL", None: "n/a "}[r.passed]
        print(f"  {state} {r.check:<15} {r.rule_id:<9} {r.detail}")
    return 0
