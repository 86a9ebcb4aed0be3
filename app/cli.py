"""The `floorwalker` command: the console by default, sub-commands for headless work.

Headless commands live next to their feature (`app/<feature>/cli.py`, each with a
``register(subparsers)``). Commands that need Qt (the console itself, `selftest`) are
registered by ``ui.cli`` when the UI package is installed: ``app`` never imports Qt, and the
headless commands keep working on a server without it.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence

from app import __version__
from app.config import resolve_database_url
from db.errors import DatabaseError

COMMAND_MODULES = (
    "app.admin.cli",
    "app.demo.cli",
    "app.feed.cli",
    "app.bench.cli",
    "app.jobs.cli",
    "app.security.cli",
    "app.imports.cli",
    "app.complaints.cli",
    "app.staffing.cli",
    "app.rota.cli",
    "app.quality.cli",
    "app.forecast.cli",
    "app.notifications.cli",
    "app.review.cli",
    "app.autoqa.cli",
)
FRONTEND_MODULE = "ui.cli"

Handler = Callable[[argparse.Namespace], int]


def import_command(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The shared `floorwalker import KIND ...` group: every importer adds its KIND here.

    Use ``import_command(sub).add_parser("queue-log", ...)`` in a module's ``register(sub)``;
    never ``sub.add_parser("import")`` directly (two importers would collide).
    """
    group = getattr(sub, "_floorwalker_import_group", None)
    if group is None:
        parser = sub.add_parser("import", help="import history and feeds from other systems")
        group = parser.add_subparsers(dest="import_kind", metavar="KIND", required=True)
        sub._floorwalker_import_group = group  # type: ignore[attr-defined]
    return group


def command_group(sub: argparse._SubParsersAction, name: str, help_text: str) -> argparse._SubParsersAction:
    """A shared `floorwalker NAME ACTION ...` group that several modules add actions to.

    The headless `report kpi` lives in app/ and the printed `report quarterly` in ui/; both call
    ``command_group(sub, "report", ...)`` and get the same group.
    """
    groups: dict[str, argparse._SubParsersAction] = getattr(sub, "_floorwalker_groups", {})
    if name not in groups:
        parser = sub.add_parser(name, help=help_text)
        groups[name] = parser.add_subparsers(dest=f"{name}_action", metavar="ACTION", required=True)
        sub._floorwalker_groups = groups  # type: ignore[attr-defined]
    return groups[name]


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help="database: a SQLite file path or a "
                        "postgresql+psycopg:// URL (default: FLOORWALKER_DB, then the local file)")


def build_parser() -> tuple[argparse.ArgumentParser, bool]:
    parser = argparse.ArgumentParser(
        prog="floorwalker", description="Floorwalker: the contact-center supervisor console.")
    parser.add_argument("--version", action="version", version=f"floorwalker {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    has_frontend = True
    try:
        frontend = importlib.import_module(FRONTEND_MODULE)
    except ImportError as exc:  # headless install without PySide6
        logging.getLogger(__name__).debug("no console frontend: %s", exc)
        has_frontend = False
    else:
        frontend.register(sub)
    return parser, has_frontend


def database_url(args: argparse.Namespace) -> str:
    return resolve_database_url(getattr(args, "db", None))


def main(argv: Sequence[str] | None = None) -> int:
    parser, has_frontend = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.command is None:
        if not has_frontend:
            parser.error("the console needs PySide6; install it or give a sub-command")
        args = parser.parse_args(["gui", *argv])
    handler: Handler = args.handler
    try:
        return int(handler(args) or 0)
    except DatabaseError as exc:
        print(f"floorwalker: {exc}", file=sys.stderr)
        if exc.hint:
            print(f"  {exc.hint}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("floorwalker: interrupted", file=sys.stderr)
        return 130
