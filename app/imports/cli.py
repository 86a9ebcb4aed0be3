"""`floorwalker import interactions FILE --mapping NAME` and `floorwalker import mappings list|show|save`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.imports.service import Preview


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option, import_command

    group = import_command(sub)
    p = group.add_parser("interactions", help="import interaction history (CSV or XLSX) with a column mapping")
    p.add_argument("file", type=Path, help="the CSV or XLSX export")
    p.add_argument("--mapping", required=True, metavar="NAME",
                   help="a saved mapping or a built-in one (anonymous-bank); see `import mappings list`")
    add_db_option(p)
    p.add_argument("--encoding", help="the CSV's encoding (default: detected: UTF-8 with or without BOM, else GB18030)")
    p.add_argument("--delimiter", help="the CSV's delimiter, one character or 'tab' (default: detected)")
    p.add_argument("--preview", type=int, metavar="N", help="only show the first N rows parsed; write nothing")
    p.add_argument("--report", type=Path, metavar="FILE.csv", help="write the skipped rows (row, reason) as CSV")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_interactions)

    m = group.add_parser("mappings", help="list, show or save import column mappings")
    msub = m.add_subparsers(dest="mappings_command", metavar="ACTION", required=True)
    q = msub.add_parser("list", help="saved and built-in mappings")
    add_db_option(q)
    q.set_defaults(handler=_mappings_list)
    q = msub.add_parser("show", help="print a mapping as JSON")
    q.add_argument("name")
    add_db_option(q)
    q.set_defaults(handler=_mappings_show)
    q = msub.add_parser("save", help="save (or replace) a mapping from a JSON file")
    q.add_argument("name")
    q.add_argument("file", type=Path)
    add_db_option(q)
    q.set_defaults(handler=_mappings_save)


def _open(args: argparse.Namespace):  # noqa: ANN202
    from app.bootstrap import open_database
    from app.cli import database_url

    return open_database(database_url(args)).db


def _fail(message: str) -> int:
    print(f"floorwalker: {message}", file=sys.stderr)
    return 1


def print_preview(pv: Preview, *, as_json: bool) -> None:
    """How the first rows of a file would be read (shared by every importer's --preview)."""
    if as_json:
        print(json.dumps({"file": pv.file_name, "encoding": pv.encoding, "delimiter": pv.delimiter,
                          "timezone": pv.timezone, "columns": list(pv.header),
                          "rows": [{"row": r.row, "values": r.values, "error": r.error} for r in pv.rows]},
                         ensure_ascii=False, indent=2))
        return
    print(f"{pv.file_name}: encoding {pv.encoding or '-'}, delimiter {pv.delimiter!r}, "
          f"times in {pv.timezone} (nothing written)")
    for r in pv.rows:
        if r.error:
            print(f"  row {r.row}: SKIPPED: {r.error}")
        else:
            print(f"  row {r.row}: " + ", ".join(f"{k}={v}" for k, v in (r.values or {}).items() if v))


def _interactions(args: argparse.Namespace) -> int:
    from app.imports.mapping import MappingError
    from app.imports.reading import ImportFileError
    from app.imports.service import import_interactions, preview, write_report

    db = _open(args)
    try:
        if args.preview is not None:
            pv = preview(db, args.file, args.mapping, rows=max(1, args.preview), encoding=args.encoding,
                         delimiter=args.delimiter)
            print_preview(pv, as_json=args.json)
            return 0
        from app.actor import Actor

        result = import_interactions(db, args.file, args.mapping, encoding=args.encoding, delimiter=args.delimiter,
                                     actor=Actor.local_administrator())
    except (ImportFileError, MappingError) as exc:
        return _fail(str(exc))
    finally:
        db.dispose()
    if args.report is not None:
        write_report(args.report, result.skipped)
    if args.json:
        print(json.dumps({
            "file": result.file_name, "mapping": result.mapping, "batch_id": result.batch_id,
            "encoding": result.encoding, "delimiter": result.delimiter, "rows_read": result.rows_read,
            "rows_imported": result.rows_imported, "rows_skipped": result.rows_skipped,
            "resumed_from_row": result.resumed_from, "skipped_reasons": result.reasons,
            "queues_created": list(result.queues_created), "agents_created": list(result.agents_created),
            "customers_created": result.customers_created, "skills_added": result.skills_added, "seconds": round(result.seconds, 3),
            "report": str(args.report) if args.report else None}, ensure_ascii=False, indent=2))
        return 0
    print(f"{result.file_name} with mapping {result.mapping}: {result.rows_read:,} rows read, "
          f"{result.rows_imported:,} imported, {result.rows_skipped:,} skipped in {result.seconds:.2f} s")
    if result.resumed_from:
        print(f"  continued an interrupted import after data row {result.resumed_from:,}")
    for reason, count in result.reasons.items():
        print(f"  skipped: {reason}: {count:,}")
    if result.queues_created:
        print(f"  queues created: {', '.join(result.queues_created)}")
    if result.agents_created:
        print(f"  agents created ({len(result.agents_created)}): {', '.join(result.agents_created)}")
    if result.skills_added:
        print(f"  agent skills added (agent answered the queue): {result.skills_added:,}")
    if result.customers_created:
        print(f"  customers created: {result.customers_created:,}")
    if args.report is not None:
        print(f"  skipped rows written to {args.report}")
    elif result.skipped:
        print("  (add --report skipped.csv for the row-by-row list)")
    return 0


def _mappings_list(args: argparse.Namespace) -> int:
    from app.imports.service import list_mappings

    db = _open(args)
    try:
        with db.session() as s:
            infos = list_mappings(s)
    finally:
        db.dispose()
    for m in infos:
        origin = "built-in" if m.builtin else f"saved v{m.version} by {m.updated_by}"
        print(f"{m.name:26} {origin}")
    return 0


def _mappings_show(args: argparse.Namespace) -> int:
    from app.imports.mapping import MappingError
    from app.imports.service import load_mapping

    db = _open(args)
    try:
        with db.session() as s:
            mapping = load_mapping(s, args.name)
    except MappingError as exc:
        return _fail(str(exc))
    finally:
        db.dispose()
    print(json.dumps(mapping.to_json(), ensure_ascii=False, indent=2))
    return 0


def _mappings_save(args: argparse.Namespace) -> int:
    from app.actor import Actor
    from app.imports.mapping import MappingError
    from app.imports.service import save_mapping

    try:
        data = json.loads(args.file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _fail(f"cannot read {args.file}: {exc}")
    db = _open(args)
    try:
        with db.session() as s:
            save_mapping(s, Actor.local_administrator(), args.name, data)
    except MappingError as exc:
        return _fail(str(exc))
    finally:
        db.dispose()
    print(f"mapping {args.name} saved")
    return 0
