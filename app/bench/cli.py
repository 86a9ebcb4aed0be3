"""`floorwalker bench`: run a named benchmark (placeholder while the harness is written)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="run a named benchmark")
    p.set_defaults(handler=lambda args: 0)
