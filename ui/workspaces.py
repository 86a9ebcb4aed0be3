"""The workspaces of the main window, in sidebar order (Ctrl+1..6)."""

from __future__ import annotations

from ui.workspace import Workspace


def workspace_classes() -> list[type[Workspace]]:
    # imported when the console starts, not when this module is imported (the CLI stays light)
    from ui.admin.workspace import AdminWorkspace
    from ui.complaints.workspace import ComplaintsWorkspace
    from ui.live.workspace import LiveWorkspace
    from ui.quality.workspace import QualityWorkspace
    from ui.review.workspace import ReportsWorkspace
    from ui.schedule.workspace import ScheduleWorkspace

    return [LiveWorkspace, ScheduleWorkspace, QualityWorkspace, ComplaintsWorkspace, ReportsWorkspace,
            AdminWorkspace]
