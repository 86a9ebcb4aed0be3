"""The quarter-end job: on the first working day after a quarter ends, draft its review and tell the managers.

Runs every morning at 07:00 center time; it acts only on the first working day (Monday to
Friday, not a statutory holiday of the center's country, from the ``holidays`` package) after
the quarter's last day — and, should that morning be missed, on any later day of the first
month as long as the review has not been drafted yet. Idempotent: the draft exists once, and the
notification carries a dedupe key per quarter.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from app.actor import Actor
from app.i18n import N_
from app.jobs.registry import JobSpec, register
from app.people.center import center_summary
from app.review.periods import previous_quarter, quarter_key, quarter_of
from app.review.quarterly import _review_row, draft_quarter
from db.database import Database


def first_working_day_after(day: date, country: str | None, subdiv: str | None = None) -> date:
    import holidays

    cal = holidays.country_holidays(country, subdiv=subdiv, years=(day.year, day.year + 1)) if country else {}
    d = day + timedelta(days=1)
    while d.weekday() >= 5 or d in cal:
        d += timedelta(days=1)
    return d


def draft_finished_quarter(db: Database, slot: datetime, actor: Actor) -> dict[str, Any]:
    with db.session() as s:
        center = center_summary(s)
        if center is None:
            return {"skipped": "no center"}
        tz = ZoneInfo(center.timezone)
        today = slot.astimezone(tz).date()
        year, q = previous_quarter(*quarter_of(today))
        quarter = quarter_key(year, q)
        last_day = date(year + (q == 4), (3 * q) % 12 + 1, 1) - timedelta(days=1)
        first = first_working_day_after(last_day, center.holiday_country, getattr(center, "holiday_subdiv", None))
        if today < first or today > last_day + timedelta(days=31):
            return {"skipped": f"{quarter}: first working day after the quarter is {first.isoformat()}"}
        if _review_row(s, quarter) is not None:
            return {"skipped": f"{quarter} already drafted"}
        draft_quarter(s, actor, quarter)
        from app.notifications import Recipients, post

        post(s, kind="review.pack_ready", params={"period": quarter, "title": "quarterly review"},
             severity="info", recipients=Recipients(roles=("manager",)), entity=("review", quarter),
             dedupe_key=f"review:{quarter}:drafted")
        return {"drafted": quarter}


QUARTER_END = register(JobSpec(
    id="quarterly_review_draft",
    title=N_("Quarterly review draft"),
    description=N_("On the first working day after a quarter, drafts its review and tells the managers (R-REV-1)."),
    schedule={"cron": {"hour": 7, "minute": 0}},
    run=draft_finished_quarter,
    lookback=timedelta(days=2),
))
