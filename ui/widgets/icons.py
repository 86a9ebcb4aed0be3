"""The console's icons: small SVGs in resources/icons (one stroke colour that reads on both themes).

Workspaces: live, schedule, quality, complaints, reports, admin. Actions: search (command palette),
keyboard (shortcuts), help, guide, settings, refresh, quit, notifications. Palette results: agent,
week, action. A missing name gives an empty icon, never an error.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from resources import resource_path


@cache
def icon(name: str) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
