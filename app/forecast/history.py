"""Interaction history as the forecast reads it: contacts per center-local day and 15-minute slot,
handle time, and the center's holiday calendar.

Days are center-local; a contact belongs to the wall-clock quarter hour its offer time falls in,
mapped by the rota's ``app.rota.service.wall_slot``, so every day has 96 slots and the forecast,
the rota and the history agree on them also on the two daylight-saving days of a year. The rota's
convention applies there: the hour skipped when summer time starts has no contacts, and both
passes of the hour repeated when it ends share its wall-clock slots (their contacts are summed,
handle time and answered counts too). No contact is dropped: each day's total is exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.forecast.model import SLOTS
from db.models import BusinessCalendar, CalendarDay, Center, Interaction, Queue

DEFAULT_AHT_SEC = 300.0
MIDWEEK = 2  # a make-up working day on a weekend behaves like a Wednesday


@dataclass(frozen=True)
class CenterCalendar:
    timezone: str
    country: str | None
    holidays: dict[date, str]
    workdays: frozenset[date]  # weekend days that are working days (CN make-up days)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def day_type(self, day: date) -> int:
        return MIDWEEK if day in self.workdays else day.weekday()

    def is_holiday(self, day: date) -> bool:
        return day in self.holidays


def center_calendar(session: Session, first: date, last: date) -> CenterCalendar:
    """Statutory holidays of the center's country (``holidays`` package) plus the closed days
    entered in the center's business calendars, for the years from ``first`` to ``last``."""
    center = session.scalars(select(Center).order_by(Center.id).limit(1)).first()
    tz = center.timezone if center is not None else "UTC"
    country = center.holiday_country if center is not None else None
    found: dict[date, str] = {}
    workdays: set[date] = set()
    if country:
        days, extra = _statutory(country, center.holiday_subdiv if center else None, first.year, last.year)
        found.update(days)
        workdays.update(d for d in extra if first <= d <= last)
    if center is not None:
        rows = session.execute(
            select(CalendarDay.day, CalendarDay.is_open, CalendarDay.note)
            .join(BusinessCalendar, BusinessCalendar.id == CalendarDay.calendar_id)
            .where(BusinessCalendar.center_id == center.id, CalendarDay.day >= first, CalendarDay.day <= last)).all()
        for day, is_open, note in rows:
            if not is_open:
                found.setdefault(day, note or "closed")
    return CenterCalendar(tz, country, {d: n for d, n in found.items() if first <= d <= last},
                          frozenset(workdays))


@lru_cache(maxsize=64)
def _statutory(country: str, subdiv: str | None, first_year: int, last_year: int
               ) -> tuple[dict[date, str], frozenset[date]]:
    """The ``holidays`` package's statutory holidays and weekend working days (built once per years)."""
    import holidays

    try:
        cal = holidays.country_holidays(country, subdiv=subdiv, years=range(first_year, last_year + 1))
    except (NotImplementedError, KeyError):  # an unknown country code: no statutory holidays
        return {}, frozenset()
    return {d: str(n) for d, n in cal.items()}, frozenset(getattr(cal, "weekend_workdays", ()))


@dataclass(frozen=True)
class History:
    first_day: date
    counts: np.ndarray  # (days, 96) contacts offered
    handle_sec: np.ndarray  # (days, 96) talk + wrap of the answered ones
    answered: np.ndarray  # (days, 96)
    types: np.ndarray  # (days,) weekday 0..6 or the weekday a make-up day stands in for
    holiday: np.ndarray  # (days,) bool
    calendar: CenterCalendar

    @property
    def days(self) -> int:
        return len(self.counts)

    def day(self, index: int) -> date:
        return self.first_day + timedelta(days=index)

    def index(self, day: date) -> int:
        return (day - self.first_day).days


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tz).astimezone(UTC)


def slot_starts(day: date, tz: ZoneInfo) -> list[datetime]:
    """The UTC start of each 15-minute slot of a center-local day (96; wall-clock slots)."""
    out = []
    for i in range(SLOTS):
        local = datetime.combine(day, time(i // 4, (i % 4) * 15), tz)
        out.append(local.astimezone(UTC))
    return out


def queue_ids_by_name(session: Session, names: Sequence[str]) -> list[int]:
    """Queue ids for names (case-insensitive); ValueError naming the unknown one."""
    rows = session.execute(select(Queue.id, Queue.name)).all()
    known = {n.casefold(): i for i, n in rows}
    out = []
    for name in names:
        if name.casefold() not in known:
            raise ValueError(f"No queue named {name!r}; known: {', '.join(sorted(n for _, n in rows))}")
        out.append(known[name.casefold()])
    return out


def load_history(session: Session, queue_ids: Sequence[int] | None, first: date, end: date,
                 calendar_to: date | None = None) -> History:
    """Contacts of the queues (None: all) on the center-local days ``first`` .. ``end`` (exclusive);
    the calendar reaches ``calendar_to`` (the days to forecast) when given."""
    cal = center_calendar(session, first, max(end, calendar_to or end))
    tz = cal.tz
    n = max(0, (end - first).days)
    q = select(Interaction.offered_at, Interaction.outcome, Interaction.talk_sec, Interaction.wrap_sec).where(
        Interaction.offered_at >= local_midnight(first, tz), Interaction.offered_at < local_midnight(end, tz))
    if queue_ids is not None:
        q = q.where(Interaction.queue_id.in_(list(queue_ids)))
    rows = session.execute(q).all()
    counts = np.zeros((n, SLOTS))
    handle = np.zeros((n, SLOTS))
    answered = np.zeros((n, SLOTS))
    if rows and n:
        # the rota's wall-clock mapping (day * 96 + quarter hour of the local time), counted from the
        # local midnight of ``first``; imported here: app.rota.service loads the solver's libraries
        from app.rota.service import wall_slot

        origin = datetime.combine(first, time(0), tz)
        day, slot = np.divmod(np.array([wall_slot(r[0], origin) for r in rows], dtype=int), SLOTS)
        keep = (day >= 0) & (day < n)
        day, slot = day[keep], slot[keep]
        np.add.at(counts, (day, slot), 1)
        ans = np.array([r[1] == "answered" for r in rows])[keep]
        h = np.array([(r[2] or 0.0) + (r[3] or 0.0) for r in rows])[keep]
        np.add.at(answered, (day[ans], slot[ans]), 1)
        np.add.at(handle, (day[ans], slot[ans]), h[ans])
    days = [first + timedelta(days=d) for d in range(n)]
    types = np.array([cal.day_type(d) for d in days], dtype=int)
    holiday = np.array([cal.is_holiday(d) for d in days], dtype=bool)
    return History(first, counts, handle, answered, types, holiday, cal)


def handle_time_profile(h: History, upto: int, target_type: int, weeks: int = 6) -> np.ndarray:
    """Average handle time per slot for a day type, from the last ``weeks`` weeks before day ``upto``.

    Slots with few answered calls borrow from the whole day type, then from all days."""
    lo = max(0, upto - 7 * weeks)
    handle, answered = h.handle_sec[lo:upto], h.answered[lo:upto]
    if answered.sum() == 0:
        return np.full(SLOTS, DEFAULT_AHT_SEC)
    overall = handle.sum() / answered.sum()
    same = h.types[lo:upto] == target_type
    hs, an = handle[same].sum(axis=0), answered[same].sum(axis=0)
    day_mean = hs.sum() / an.sum() if an.sum() else overall
    prior = 10.0  # pseudo-calls of the day-type mean in every slot
    return (hs + prior * day_mean) / (an + prior)


def history_span(session: Session, queue_ids: Sequence[int] | None = None) -> tuple[date, date] | None:
    """The first and last center-local day with contacts of the queues (None: all), or None."""
    from sqlalchemy import func

    q = select(func.min(Interaction.offered_at), func.max(Interaction.offered_at))
    if queue_ids is not None:
        q = q.where(Interaction.queue_id.in_(list(queue_ids)))
    lo, hi = session.execute(q).one()
    if lo is None or hi is None:
        return None
    center = session.scalars(select(Center).order_by(Center.id).limit(1)).first()
    tz = ZoneInfo(center.timezone if center is not None else "UTC")
    return lo.astimezone(tz).date(), hi.astimezone(tz).date()
