"""Sub-commands that need Qt: the console itself (`gui`, the default) and `selftest`."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    from app.cli import add_db_option

    p = sub.add_parser("gui", help="open the console (the default when no command is given)")
    add_db_option(p)
    p.add_argument("--exit-after-shown", action="store_true",
                   help="print the start-up time once the window is shown, then quit (benchmarks)")
    p.set_defaults(handler=_gui)

    p = sub.add_parser("selftest", help="open every workspace offscreen and check it renders")
    add_db_option(p)
    p.add_argument("--screenshots", metavar="DIR", help="save a PNG of each workspace here")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds each workspace may take to load")
    p.add_argument("--lang", metavar="LOCALE", help="language: en, zh_CN or pseudo (default: the saved setting)")
    p.add_argument("--theme", choices=("light", "dark"), help="theme (default: the saved setting)")
    p.add_argument("--tabs", action="store_true", help="also visit (and screenshot) every tab of every workspace")
    p.add_argument("--size", metavar="WxH", type=window_size, default=(1440, 900),
                   help="window size in pixels, e.g. 960x600 (default: 1440x900; the smallest the console allows "
                        "is 960x600)")
    p.set_defaults(handler=_selftest)

    from app.cli import command_group

    p = command_group(sub, "report", "quarterly review figures, exports and the printed pack").add_parser(
        "quarterly", help="print the quarterly review pack to a PDF (one team or the whole center)")
    p.add_argument("--quarter", required=True, help="e.g. 2026Q3")
    p.add_argument("--team", metavar="NAME", help="one team's pack (default: the whole center)")
    p.add_argument("--out", required=True, metavar="PDF", help="the PDF file to write")
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    p.add_argument("--lang", metavar="LOCALE", help="language of the pack, e.g. zh_CN or en (default: the system's)")
    add_db_option(p)
    p.set_defaults(handler=_report_quarterly)


def _gui(args: argparse.Namespace) -> int:
    from ui.app import run_gui

    return run_gui(args.db, exit_after_shown=args.exit_after_shown)


def _report_quarterly(args: argparse.Namespace) -> int:
    from ui.review.print_cli import print_quarterly

    return print_quarterly(args)


def _selftest(args: argparse.Namespace) -> int:
    from ui.selftest import run_selftest

    return run_selftest(args.db, args.screenshots, timeout=args.timeout, language=args.lang, theme=args.theme,
                        tabs=args.tabs, size=args.size)


def window_size(text: str) -> tuple[int, int]:
    """``WxH`` as (width, height); argparse shows the message of a bad one."""
    try:
        width, height = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1440x900") from None
    if width < 960 or height < 600:
        raise argparse.ArgumentTypeError(f"{text}: the console's smallest window is 960x600")
    return width, height
