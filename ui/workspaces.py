"""The workspaces of the main window, in sidebar order (Ctrl+1..6)."""

from __future__ import annotations

from ui.workspace import Workspace


def workspace_classes() -> list[type[Workspace]]:
    # imported here so that starting the console loads each workspace module once, lazily
    from ui.admin.workspace import AdminWorkspace

    return [AdminWorkspace]
