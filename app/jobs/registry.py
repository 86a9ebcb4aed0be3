"""The jobs the console runs: id, schedule, and the idempotent function that does the work."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from app.actor import Actor
from db.database import Database

# Interval jobs count their slots from a fixed anchor, so every desk computes the same grid
# (a per-process start time would give each desk its own slots and run the job once per desk).
SLOT_ANCHOR = datetime(2026, 1, 1, tzinfo=UTC)

JobFunction = Callable[[Database, datetime, Actor], dict[str, Any] | None]


@dataclass(frozen=True)
class JobSpec:
    id: str
    title: str  # N_() marked; the UI translates
    description: str
    schedule: dict[str, Any]  # {"seconds": 30} (interval) or {"cron": {"day_of_week": "mon", "hour": 6}}
    run: JobFunction
    claim_timeout: timedelta = timedelta(minutes=5)
    lookback: timedelta = field(default=timedelta(days=8))

    def trigger(self, tz: tzinfo) -> BaseTrigger:
        if "cron" in self.schedule:
            return CronTrigger(timezone=tz, **self.schedule["cron"])
        return IntervalTrigger(timezone=tz, start_date=SLOT_ANCHOR, **self.schedule)

    def latest_slot(self, now: datetime, tz: tzinfo) -> datetime | None:
        """The most recent scheduled time at or before ``now`` (what a run at ``now`` stands for)."""
        trigger = self.trigger(tz)
        lookback = self.lookback
        if "cron" not in self.schedule:
            lookback = min(lookback, timedelta(**self.schedule) * 2)
        slot = None
        t = trigger.get_next_fire_time(None, now - lookback)
        while t is not None and t <= now:
            slot = t
            t = trigger.get_next_fire_time(t, t + timedelta(microseconds=1))
        return slot.astimezone(UTC) if slot else None

    def next_slot(self, now: datetime, tz: tzinfo) -> datetime | None:
        t = self.trigger(tz).get_next_fire_time(None, now + timedelta(microseconds=1))
        return t.astimezone(UTC) if t else None


_REGISTRY: dict[str, JobSpec] = {}


def register(spec: JobSpec) -> JobSpec:
    if spec.id in _REGISTRY and _REGISTRY[spec.id] is not spec:
        raise ValueError(f"job {spec.id} registered twice")
    _REGISTRY[spec.id] = spec
    return spec


def all_jobs() -> list[JobSpec]:
    _load_builtin_jobs()
    return sorted(_REGISTRY.values(), key=lambda j: j.id)


def get_job(job_id: str) -> JobSpec:
    _load_builtin_jobs()
    try:
        return _REGISTRY[job_id]
    except KeyError:
        raise ValueError(f"No job called '{job_id}'. Known jobs: {', '.join(sorted(_REGISTRY))}") from None


ENV_JOB_MODULES = "FLOORWALKER_JOB_MODULES"


def _load_builtin_jobs() -> None:
    # each feature registers its jobs when imported; listed here so a worker knows them all
    import importlib
    import os

    import app.autoqa.jobs  # noqa: F401
    import app.complaints.sweep  # noqa: F401
    import app.forecast.jobs  # noqa: F401
    import app.jobs.housekeeping  # noqa: F401
    import app.live.alerts  # noqa: F401
    import app.notifications.jobs  # noqa: F401
    import app.quality.jobs  # noqa: F401
    import app.review.jobs  # noqa: F401

    # a center's own jobs: comma-separated modules that call register() when imported
    for name in filter(None, (m.strip() for m in os.environ.get(ENV_JOB_MODULES, "").split(","))):
        importlib.import_module(name)
