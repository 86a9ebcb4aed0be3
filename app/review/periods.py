"""Center-local periods of the reports: quarters (2026Q3) and runs of days, as UTC ranges [start, end)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.i18n import N_, Message
from app.review.monthly import MonthWindow, month_window, next_month

_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]\s*([1-4])\s*$")


@dataclass(frozen=True)
class PeriodWindow:
    first_day: date
    last_day: date
    timezone: str
    start: datetime
    end: datetime
    key: str

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def months(self) -> list[MonthWindow]:
        out: list[MonthWindow] = []
        day = self.first_day.replace(day=1)
        while day <= self.last_day:
            out.append(month_window(day.year, day.month, ZoneInfo(self.timezone)))
            day = next_month(day)
        return out


def day_window(first: date, last: date, tz: ZoneInfo, key: str | None = None) -> PeriodWindow:
    if last < first:
        raise ValueError(Message(N_("The period ends ({last}) before it starts ({first})."), last=last, first=first))
    start = datetime.combine(first, time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    return PeriodWindow(first, last, tz.key, start, end, key or f"{first}..{last}")


def parse_quarter(text: str) -> tuple[int, int]:
    """'2026Q3', '2026-Q3' or '2026 q3' -> (2026, 3); ValueError naming the expected form."""
    m = _QUARTER.match(text or "")
    if not m:
        raise ValueError(Message(N_("'{text}' is not a quarter; write it like 2026Q3."), text=text))
    return int(m.group(1)), int(m.group(2))


def quarter_key(year: int, quarter: int) -> str:
    return f"{year}Q{quarter}"


def quarter_window(year: int, quarter: int, tz: ZoneInfo) -> PeriodWindow:
    if not 1 <= quarter <= 4:
        raise ValueError(Message(N_("There is no quarter {quarter}."), quarter=quarter))
    first = date(year, 3 * quarter - 2, 1)
    last = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - timedelta(days=1)
    return day_window(first, last, tz, quarter_key(year, quarter))


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def previous_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year - 1, 4) if quarter == 1 else (year, quarter - 1)


def next_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year + 1, 1) if quarter == 4 else (year, quarter + 1)
