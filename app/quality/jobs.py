"""The weekly QA draw as a background job: Monday 06:00 in the center's time zone (R-QA-1)."""

from __future__ import annotations

from datetime import timedelta

from app.i18n import N_
from app.jobs.registry import JobSpec, register
from app.quality.draw import weekly_draw_job

WEEKLY_DRAW = register(JobSpec(
    id="qa_weekly_draw",
    title=N_("Weekly QA draw"),
    description=N_("Draws last week's recorded interactions for review: at least the quota per agent "
                   "(R-QA-1), stratified by channel and queue, replayable."),
    schedule={"cron": {"day_of_week": "mon", "hour": 6, "minute": 0}},
    run=weekly_draw_job,
    claim_timeout=timedelta(minutes=15),
    lookback=timedelta(days=8),
))
