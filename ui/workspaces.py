"""The workspaces of the main window, in sidebar order (Ctrl+1..6)."""

from __future__ import annotations

import importlib

from ui.workspace import Workspace

# (module, class) in sidebar order
WORKSPACES = (
    ("ui.live.workspace", "LiveWorkspace"),
    ("ui.schedule.workspace", "ScheduleWorkspace"),
    ("ui.quality.workspace", "QualityWorkspace"),
    ("ui.complaints.workspace", "ComplaintsWorkspace"),
    ("ui.review.workspace", "ReportsWorkspace"),
    ("ui.admin.workspace", "AdminWorkspace"),
)


def workspace_classes() -> list[type[Workspace]]:
    # TEMPORARY during the parallel build-out: skip workspaces whose package does not exist yet.
    classes = []
    for module_name, class_name in WORKSPACES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue
            raise
        classes.append(getattr(module, class_name))
    return classes
