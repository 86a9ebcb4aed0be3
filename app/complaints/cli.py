"""`floorwalker import complaints FILE`: bring a center's open complaints from a spreadsheet."""

from __future__ import annotations

import argparse
import json
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
    p.set_defaults(handler=_complaints)


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
    try:
        if args.preview is not None:
            pv = preview_complaints(db, args.file, rows=max(1, args.preview), encoding=args.encoding,
                                    delimiter=args.delimiter)
            print_preview(pv, as_json=args.json)
            return 0
        result = import_complaints(db, args.file, actor=Actor.local_administrator(), encoding=args.encoding,
                                   delimiter=args.delimiter)
    except (ImportFileError, MappingError) as exc:
        print(f"floorwalker: {exc}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
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
