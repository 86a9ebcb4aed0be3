"""Business calendars for SLA clocks: working windows per weekday, a time zone, statutory holidays,
extra closures and make-up working days; or 24 x 7.

A clock on a business calendar counts only the minutes inside working windows. Times in and out are
aware datetimes; the windows are local times of the calendar's zone, so a deadline lands at the same
local time whatever the desk's zone, and daylight-saving changes are handled by the zone.

* ``opening_hours``: ``{"mon": [["09:00", "12:00"], ["13:00", "18:00"]], ...}`` (several windows a
  day); the older form ``{"mon": ["09:00", "18:00"]}`` (one window) is accepted too. ``"24:00"`` ends
  a window at midnight. A weekday missing from the mapping is closed.
* statutory holidays come from the ``holidays`` package for ``holiday_country`` (and its make-up
  working days where the package knows them, China's 调休 for instance);
* ``closed_days`` close a day that would be open; ``open_days`` open a day that would be closed
  (a make-up working day) with the windows of the first weekday that has any.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# a deadline search that finds no working minute in this many days gives up with a clear message
SEARCH_DAYS = 3 * 366

Window = tuple[int, int]  # minutes after local midnight, start < end <= 1440


class CalendarError(ValueError):
    """A calendar that cannot serve a clock (no working hours, bad zone or window)."""


def _minutes(text: str, where: str) -> int:
    try:
        hh, mm = str(text).strip().split(":")
        h, m = int(hh), int(mm)
    except ValueError:
        raise CalendarError(f"{where}: '{text}' is not a time like 09:00") from None
    if not (0 <= h <= 24 and 0 <= m <= 59) or (h == 24 and m):
        raise CalendarError(f"{where}: '{text}' is not a time of day")
    return h * 60 + m


def parse_opening_hours(opening_hours: Mapping[str, Any], name: str = "calendar") -> dict[int, tuple[Window, ...]]:
    """Weekday (0 = Monday) -> sorted, non-overlapping windows; CalendarError naming the bad entry."""
    out: dict[int, tuple[Window, ...]] = {}
    for key, value in (opening_hours or {}).items():
        day = str(key).strip().lower()[:3]
        if day not in WEEKDAYS:
            raise CalendarError(f"{name}: '{key}' is not a weekday (mon, tue, ... sun)")
        raw = value or []
        if raw and isinstance(raw[0], str):  # one window: ["09:00", "18:00"]
            raw = [raw]
        windows: list[Window] = []
        for w in raw:
            if not isinstance(w, list | tuple) or len(w) != 2:
                raise CalendarError(f"{name}, {day}: a window is [start, end], not {w!r}")
            a, b = _minutes(w[0], f"{name}, {day}"), _minutes(w[1], f"{name}, {day}")
            if b <= a:
                raise CalendarError(f"{name}, {day}: the window {w[0]}-{w[1]} ends before it starts")
            windows.append((a, b))
        windows.sort()
        for (_a1, b1), (a2, _b2) in zip(windows, windows[1:], strict=False):
            if a2 < b1:
                raise CalendarError(f"{name}, {day}: working windows overlap")
        out[WEEKDAYS.index(day)] = tuple(windows)
    return out


@dataclass(frozen=True, eq=False)
class Calendar:
    """Working time of a business calendar. ``None`` stands for 24 x 7 wherever a calendar is optional."""

    name: str
    timezone: str
    windows: Mapping[int, tuple[Window, ...]]
    holiday_country: str | None = None
    holiday_subdiv: str | None = None
    closed_days: frozenset[date] = frozenset()
    open_days: frozenset[date] = frozenset()
    _days: dict[date, tuple[tuple[datetime, datetime], ...]] = field(default_factory=dict, repr=False)
    _holidays: dict[int, tuple[frozenset[date], frozenset[date]]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, name: str, timezone: str, opening_hours: Mapping[str, Any], *,
              holiday_country: str | None = None, holiday_subdiv: str | None = None,
              closed_days: Iterable[date] = (), open_days: Iterable[date] = ()) -> Calendar:
        """A checked calendar: CalendarError with a clear message when it could never open."""
        windows = parse_opening_hours(opening_hours, name)
        cal = cls(name=name, timezone=timezone, windows=windows, holiday_country=holiday_country or None,
                  holiday_subdiv=holiday_subdiv or None, closed_days=frozenset(closed_days),
                  open_days=frozenset(open_days))
        cal.zone  # noqa: B018 - validates the zone now, not at the first deadline
        if not any(windows.values()):
            raise CalendarError(f"The calendar '{name}' has no working hours: give at least one weekday a "
                                "working window (for example mon 09:00-18:00), or use 24 x 7.")
        if holiday_country:
            cal._year_days(2026)  # validates the country code
        return cal

    @cached_property
    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise CalendarError(f"The calendar '{self.name}' has an unknown time zone '{self.timezone}'") from None

    @cached_property
    def makeup_windows(self) -> tuple[Window, ...]:
        for wd in range(7):
            if self.windows.get(wd):
                return self.windows[wd]
        return ()

    def _year_days(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        cached = self._holidays.get(year)
        if cached is None:
            if self.holiday_country:
                import holidays

                try:
                    h = holidays.country_holidays(self.holiday_country, subdiv=self.holiday_subdiv, years=year)
                except (NotImplementedError, KeyError) as exc:
                    raise CalendarError(f"The calendar '{self.name}': no statutory holidays are known for "
                                        f"'{self.holiday_country}' ({exc})") from None
                off = frozenset(d for d in h if d.year == year)
                makeup = frozenset(d for d in getattr(h, "weekend_workdays", ()) if d.year == year)
                cached = (off, makeup)
            else:
                cached = (frozenset(), frozenset())
            self._holidays[year] = cached
        return cached

    def is_holiday(self, day: date) -> bool:
        return day in self._year_days(day.year)[0]

    def day_windows(self, day: date) -> tuple[Window, ...]:
        """The local working windows of one date, after holidays, closures and make-up days."""
        if day in self.closed_days:
            return ()
        if day in self.open_days:
            return self.windows.get(day.weekday()) or self.makeup_windows
        off, makeup = self._year_days(day.year)
        if day in off:
            return ()
        if day in makeup:
            return self.windows.get(day.weekday()) or self.makeup_windows
        return self.windows.get(day.weekday(), ())

    def intervals(self, day: date) -> tuple[tuple[datetime, datetime], ...]:
        """The working intervals of a local date, as aware UTC instants."""
        found = self._days.get(day)
        if found is None:
            zone = self.zone
            out = []
            for a, b in self.day_windows(day):
                start = datetime.combine(day, time(a // 60, a % 60), zone)
                end = (datetime.combine(day + timedelta(days=1), time(0), zone) if b == 1440
                       else datetime.combine(day, time(b // 60, b % 60), zone))
                out.append((start.astimezone(UTC), end.astimezone(UTC)))
            found = self._days[day] = tuple(out)
        return found

    def _local_day(self, at: datetime) -> date:
        return at.astimezone(self.zone).date()

    def add(self, start: datetime, minutes: float) -> datetime:
        """The instant ``minutes`` working minutes after ``start`` (``start`` itself for 0 minutes)."""
        remaining = timedelta(minutes=minutes)
        day = self._local_day(start)
        idle = 0
        while True:
            found = False
            for a, b in self.intervals(day):
                if b <= start:
                    continue
                found = True
                begin = max(a, start)
                if b - begin >= remaining:
                    return begin + remaining
                remaining -= b - begin
            idle = 0 if found else idle + 1
            if idle > SEARCH_DAYS:
                raise CalendarError(f"The calendar '{self.name}' has no working hours in the {SEARCH_DAYS} days "
                                    f"after {start:%Y-%m-%d}: a deadline cannot be set on it.")
            day += timedelta(days=1)

    def minutes_between(self, start: datetime, end: datetime) -> float:
        """Working minutes in [start, end) (0 when end <= start)."""
        if end <= start:
            return 0.0
        total = timedelta(0)
        day = self._local_day(start)
        last = self._local_day(end)
        while day <= last:
            for a, b in self.intervals(day):
                lo, hi = max(a, start), min(b, end)
                if hi > lo:
                    total += hi - lo
            day += timedelta(days=1)
        return total.total_seconds() / 60.0

    def describe(self) -> str:
        parts = []
        for wd, day in enumerate(WEEKDAYS):
            ws = self.windows.get(wd)
            if ws:
                parts.append(day + " " + ", ".join(f"{a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}"
                                                   for a, b in ws))
        extra = f", holidays of {self.holiday_country}" if self.holiday_country else ""
        return f"{self.name} ({self.timezone}: {'; '.join(parts)}{extra})"


def add_minutes(calendar: Calendar | None, start: datetime, minutes: float) -> datetime:
    """``start`` plus working minutes on ``calendar``, or plain minutes on 24 x 7 (``None``)."""
    if calendar is None:
        return start + timedelta(minutes=minutes)
    return calendar.add(start, minutes)


def minutes_between(calendar: Calendar | None, start: datetime, end: datetime) -> float:
    if calendar is None:
        return max(0.0, (end - start).total_seconds() / 60.0)
    return calendar.minutes_between(start, end)
