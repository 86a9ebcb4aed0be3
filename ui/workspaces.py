"""The workspaces of the main window, in sidebar order (Ctrl+1..6).

Each is named by a :class:`WorkspaceSpec` (title, icon, where its class lives) so the sidebar and
menus are built without importing the workspaces: the main window imports and builds the one it
shows first, and the others once the window is on screen (or when first asked for).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ui.workspace import Workspace


@dataclass(frozen=True)
class WorkspaceSpec:
    module: str
    class_name: str
    title_text: str  # translated in the "workspaces" context, as each class's title()
    icon: str

    def title(self) -> str:
        return QCoreApplication.translate("workspaces", self.title_text)

    def icon_name(self) -> str:
        return self.icon

    def load(self) -> type[Workspace]:
        return getattr(importlib.import_module(self.module), self.class_name)


WORKSPACES = (
    WorkspaceSpec("ui.live.workspace", "LiveWorkspace", "Live", "live"),
    WorkspaceSpec("ui.schedule.workspace", "ScheduleWorkspace", "Schedule", "schedule"),
    WorkspaceSpec("ui.quality.workspace", "QualityWorkspace", "Quality", "quality"),
    WorkspaceSpec("ui.complaints.workspace", "ComplaintsWorkspace", "Complaints", "complaints"),
    WorkspaceSpec("ui.review.workspace", "ReportsWorkspace", "Reports", "reports"),
    WorkspaceSpec("ui.admin.workspace", "AdminWorkspace", "Admin", "admin"),
)


def workspace_specs() -> list[WorkspaceSpec]:
    return list(WORKSPACES)


def workspace_classes() -> list[type[Workspace]]:
    # imported when asked for, not when this module is imported (the CLI stays light)
    return [spec.load() for spec in WORKSPACES]
