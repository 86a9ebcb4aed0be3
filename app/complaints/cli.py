"""`floorwalker import complaints FILE` (open complaints from a spreadsheet) and `floorwalker sla ...`
(explain a timeline's clocks, run the sweep once, list the SLA policies)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option, import_command
    from app.complaints.importer import COLUMNS

    p = import_command(sub).add_parser(
        "complaints", help="import open complaints and service requests (CSV or XLSX)",
        description="Columns (header row, any order): " + ", ".join(COLUMNS) + ". Required: reference, category, "
        "summary, opened_at. departments are ';'-separated; times are in the center's time zone; category, "
        "priority and stage also accept Chinese names (物流, 紧急, 处理...).")
    p.add_argument("file", type=Path, help="the CSV or XLSX file")
    add_db_option(p)
    p.add_argument("--encoding", help="the CSV's encoding (default: detected: UTF-8 with or without BOM, else GB18030)")
    p.add_argument("--delimiter", help="the CSV's delimiter, one character or 'tab' (default: detected)")
    p.add_argument("--preview", type=int, metavar="N", help="only show the first N rows parsed; write nothing")
    p.add_argument("--report", type=Path, metavar="FILE.csv", help="write the skipped rows (row, reason) as CSV")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--columns", metavar="FIELD=HEADER,...",
                   help="map the file's own column names onto the fields above (e.g. reference=工单号,summary=问题描述)")
    p.add_argument("--date-format", metavar="FMT", help="the file's date format, e.g. %%d/%%m/%%Y %%H:%%M (with --columns)")
    p.add_argument("--mapping", metavar="NAME", help="a column mapping saved with --save-mapping")
    p.add_argument("--save-mapping", metavar="NAME", help="keep --columns and --date-format under this name")
    p.set_defaults(handler=_complaints)
    _register_sla(sub)


def _register_sla(sub: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option

    sla = sub.add_parser("sla", help="SLA clocks: explain a timeline, run the sweep, list policies")
    group = sla.add_subparsers(dest="sla_command", metavar="ACTION", required=True)
    e = group.add_parser(
        "explain", help="explain every clock of a complaint given as JSON-lines events",
        description="Each line of FILE is one event: {\"event\": NAME, \"at\": ISO time with zone, other fields}. "
        "Names: contact, created (kind, category, priority), key_points, judged_complex, transferred, conflict, "
        "supervisor_joined, system_fault, tech_reported, tech_diagnosed, feedback, responded, stage (to), resolved, "
        "closed, reopened, waiting_on_customer, customer_replied, merged, escalated_to_manager, manager_responded.")
    e.add_argument("--timeline", type=Path, required=True, metavar="FILE", help="the events, JSON lines ('-': stdin)")
    e.add_argument("--policy", metavar="NAME", help="built-in 'default' (the rulebook, 24 x 7) or 'office' "
                   "(service requests on Mon-Fri office hours, Chinese holidays), or a JSON policy file; "
                   "with --db and no --policy: the database's policies")
    add_db_option(e)
    e.add_argument("--now", metavar="TIME", help="evaluate at this time (ISO 8601 with zone; default: now)")
    e.add_argument("--json", action="store_true", help="print JSON")
    e.set_defaults(handler=_explain)
    w = group.add_parser("sweep", help="run the SLA sweep once now (warnings, escalations, notifications)")
    add_db_option(w)
    w.add_argument("--json", action="store_true", help="print JSON")
    w.set_defaults(handler=_sweep)
    pol = group.add_parser("policies", help="list the SLA policies in force")
    add_db_option(pol)
    pol.add_argument("--json", action="store_true", help="print JSON")
    pol.set_defaults(handler=_policies)


def _explain(args: argparse.Namespace) -> int:
    from app import clock
    from app.complaints.calendar import CalendarError
    from app.complaints.clocks import TimelineError
    from app.complaints.explain import (
        case_json,
        explain,
        load_policy_arg,
        parse_time,
        read_timeline,
        unknown_events,
    )

    try:
        if str(args.timeline) == "-":
            lines = sys.stdin.read().splitlines()
        else:
            lines = args.timeline.read_text(encoding="utf-8-sig").splitlines()
        events = read_timeline(lines)
        now = parse_time(args.now, "--now") if args.now else clock.now()
        if args.db and not args.policy:
            policies = _db_policies(args)
        else:
            policies = load_policy_arg(args.policy)
        case = explain(events, policies, now)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"floorwalker: cannot read {args.timeline}: {exc}", file=sys.stderr)
        return 2
    except (TimelineError, CalendarError, ValueError) as exc:
        print(f"floorwalker: {exc}", file=sys.stderr)
        return 2
    unknown = unknown_events(events)
    if args.json:
        out = case_json(case, events[0].at.tzinfo)
        out["ignored_events"] = unknown
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    a = case.attributes
    print(f"{a['kind']} ({a['category']}, {a['priority']}), {len(events)} events, at {now.isoformat()}")
    if unknown:
        print(f"  events that start or stop no clock: {', '.join(unknown)}")
    if not case.clocks:
        print("  no clock runs on this case")
    for c, text in zip(case.clocks, case.lines, strict=True):
        print(f"\n{c.rule_id} #{c.cycle}  {c.name}: {c.state.replace('_', ' ').upper()}")
        for line in text:
            print(f"  {line}")
    return 0


def _db_policies(args: argparse.Namespace) -> dict:
    from app.bootstrap import open_database
    from app.cli import database_url
    from app.complaints.engine import load_policies

    db = open_database(database_url(args)).db
    try:
        with db.session() as s:
            return load_policies(s)
    finally:
        db.dispose()


def _sweep(args: argparse.Namespace) -> int:
    from app.bootstrap import open_database
    from app.cli import database_url
    from app.complaints.calendar import CalendarError
    from app.complaints.sweep import sweep

    db = open_database(database_url(args)).db
    try:
        with db.session() as s:
            result = sweep(s)
    except CalendarError as exc:
        print(f"floorwalker: {exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(result.as_dict(), indent=2))
    else:
        print(f"{result.checked:,} cases due, {result.warnings:,} warnings, {result.escalations:,} escalations, "
              f"{result.notified:,} notifications posted")
    return 0


def _policies(args: argparse.Namespace) -> int:
    from app.complaints.calendar import CalendarError

    try:
        policies = _db_policies(args)
    except CalendarError as exc:
        print(f"floorwalker: {exc}", file=sys.stderr)
        return 2
    rows = [{"rule": p.rule_id, "name": p.name, "target_minutes": p.target_minutes,
             "calendar": p.calendar.describe() if p.calendar else "24 x 7", "warn_at_percent": p.warn_at_percent,
             "warn_before_minutes": p.warn_before_minutes, "pause_when_waiting": p.pause_when_waiting,
             "ladder": [{"level": lv.level, "notify": lv.notify, "after_minutes": lv.after_minutes,
                         "at_percent": lv.at_percent} for lv in p.ladder], "active": p.active,
             "priority_targets": dict(p.priority_targets), "version": p.version} for p in policies.values()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        ladder = ", ".join(f"L{x['level']} {x['notify']} +{x['after_minutes']:g} min" if x["after_minutes"] is not None
                           else f"L{x['level']} {x['notify']} at {x['at_percent']:g} %" for x in r["ladder"])
        print(f"{r['rule']:<17} {r['target_minutes']:>7g} min  {r['calendar']}  warn {r['warn_at_percent']} %"
              f"{' pauses' if r['pause_when_waiting'] else ''}  ladder: {ladder}  (v{r['version']})")
    return 0


def _complaints(args: argparse.Namespace) -> int:
    from app.actor import Actor
    from app.bootstrap import open_database
    from app.cli import database_url
    from app.complaints.importer import import_complaints, preview_complaints
    from app.imports.cli import print_preview
    from app.imports.mapping import MappingError
    from app.imports.reading import ImportFileError
    from app.imports.service import write_report

    db = open_database(database_url(args)).db
    source = args.file
    remapped: Path | None = None
    try:
        mapping = _complaint_mapping(db, args)
        if mapping is not None:  # rename the file's columns (and dates) into the importer's, row numbers kept
            import tempfile

            from app.complaints.import_mapping import remap_file

            handle, name = tempfile.mkstemp(suffix=".csv", prefix="floorwalker-complaints-")
            os.close(handle)
            remapped = Path(name)
            remap_file(args.file, mapping, remapped)
            source = remapped
        if args.preview is not None:
            pv = preview_complaints(db, source, rows=max(1, args.preview), encoding=None if remapped else args.encoding,
                                    delimiter=args.delimiter)
            print_preview(pv, as_json=args.json)
            return 0
        result = import_complaints(db, source, actor=Actor.local_administrator(),
                                   encoding=None if remapped else args.encoding,
                                   delimiter=None if remapped else args.delimiter)
    except (ImportFileError, MappingError, ValueError) as exc:
        print(f"floorwalker: {exc}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
        if remapped is not None:
            remapped.unlink(missing_ok=True)
    if args.report is not None:
        write_report(args.report, result.skipped)
    if args.json:
        print(json.dumps({
            "file": result.file_name, "encoding": result.encoding, "delimiter": result.delimiter,
            "timezone": result.timezone, "rows_read": result.rows_read, "rows_imported": result.rows_imported,
            "rows_skipped": result.rows_skipped, "customers_created": result.customers_created,
            "skipped_reasons": result.reasons, "ignored_columns": list(result.ignored_columns),
            "skipped": [{"row": i.row, "reason": i.code, "detail": i.message} for i in result.skipped],
            "seconds": round(result.seconds, 3), "report": str(args.report) if args.report else None},
            ensure_ascii=False, indent=2))
        return 0
    print(f"{result.file_name}: {result.rows_read:,} rows read, {result.rows_imported:,} imported, "
          f"{result.rows_skipped:,} skipped in {result.seconds:.2f} s (times in {result.timezone})")
    for reason, count in result.reasons.items():
        print(f"  skipped: {reason}: {count:,}")
    if result.customers_created:
        print(f"  customers created (stored encrypted): {result.customers_created:,}")
    if result.ignored_columns:
        print(f"  columns ignored: {', '.join(result.ignored_columns)}")
    if args.report is not None:
        print(f"  skipped rows written to {args.report}")
    elif result.skipped:
        for issue in result.skipped[:10]:
            print(f"  row {issue.row}: {issue.message}")
        if len(result.skipped) > 10:
            print("  (add --report skipped.csv for the full row-by-row list)")
    return 0


def _complaint_mapping(db, args: argparse.Namespace):  # noqa: ANN001, ANN202 - a ComplaintMapping or None
    """--columns / --date-format, or a saved --mapping; --save-mapping keeps them (import_mappings, kind complaints)."""
    from sqlalchemy import select

    from app import clock
    from app.complaints.import_mapping import ComplaintMapping
    from db.models import ImportMapping

    columns: dict[str, str] = {}
    for pair in filter(None, (args.columns or "").split(",")):
        field, sep, header = pair.partition("=")
        if not sep:
            raise ValueError(f"--columns wants FIELD=HEADER pairs, not '{pair}'")
        columns[field.strip()] = header.strip()
    saved: dict[str, object] = {}
    with db.session() as s:
        if args.mapping:
            row = s.scalar(select(ImportMapping).where(ImportMapping.name == args.mapping))
            if row is None or row.mapping.get("kind") != "complaints":
                raise ValueError(f"There is no complaint mapping called '{args.mapping}'.")
            saved = dict(row.mapping)
        data = {"columns": {**dict(saved.get("columns") or {}), **columns},  # type: ignore[arg-type]
                "date_format": args.date_format or saved.get("date_format")}
        mapping = ComplaintMapping.from_json(data)
        unknown = [k for k in columns if k not in mapping.columns]
        if unknown:
            raise ValueError(f"Unknown field(s) in --columns: {', '.join(unknown)}.")
        if args.save_mapping:
            now = clock.now()
            value = {"kind": "complaints", **mapping.to_json()}
            row = s.scalar(select(ImportMapping).where(ImportMapping.name == args.save_mapping))
            if row is None:
                s.add(ImportMapping(name=args.save_mapping, mapping=value, created_by="cli", created_at=now,
                                    updated_by="cli", updated_at=now))
            else:
                row.mapping, row.updated_by, row.updated_at = value, "cli", now
    if not mapping.columns:
        return None
    # fields the file already names like the importer keep their own columns
    from app.complaints.import_mapping import read_sample
    from app.complaints.importer import COLUMNS

    header, _rows, _enc = read_sample(args.file, rows=1)
    own = {f: f for f in COLUMNS if f in header and f not in mapping.columns}
    return ComplaintMapping({**own, **mapping.columns}, mapping.date_format)
