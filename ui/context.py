"""What every workspace is given: the database, the task runner, the bus and the acting user."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from app.actor import Actor
from db.database import Database
from ui.bus import Bus
from ui.tasks import TaskRunner


@dataclass
class ConsoleContext:
    db: Database
    tasks: TaskRunner
    bus: Bus
    actor: Actor
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    center_name: str = ""
