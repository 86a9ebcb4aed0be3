"""The weekly forecast job: every Monday morning, next week's forecast for every active queue that
has none yet (a forecast a scheduler already made, and its adjustments, are left alone)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from app.actor import Actor
from app.i18n import N_
from app.jobs.registry import JobSpec, register
from db.database import Database


def forecast_next_week(db: Database, slot: datetime, actor: Actor) -> dict[str, Any]:
    """Idempotent: a queue whose next week already has a forecast is skipped; a queue without
    enough history is listed, not an error."""
    from app.forecast.service import ForecastError, latest_run, make_forecast, monday, queue_choices
    from app.people.center import center_summary

    made, skipped, short = [], [], []
    with db.session() as s:
        center = center_summary(s)
        tz = ZoneInfo(center.timezone if center else "UTC")
        week = monday(slot.astimezone(tz).date()) + timedelta(days=7)
        queues = queue_choices(s)
    for q in queues:
        with db.session() as s:
            if latest_run(s, q.id, week) is not None:
                skipped.append(q.name)
                continue
            try:
                make_forecast(s, actor, q.id, week)
                made.append(q.name)
            except ForecastError as exc:
                short.append(str(exc))  # names the queue
    return {"week": week.isoformat(), "made": made, "already_there": skipped, "not_enough_history": short}


FORECAST_NEXT_WEEK = register(JobSpec(
    id="forecast_next_week",
    title=N_("Weekly forecast"),
    description=N_("Every Monday at 05:00, forecasts next week for every queue that has no forecast yet (R-SCH-1)."),
    schedule={"cron": {"day_of_week": "mon", "hour": 5, "minute": 0}},
    run=forecast_next_week,
))
