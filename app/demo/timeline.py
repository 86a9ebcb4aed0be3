"""The demo's calendar: which days it covers, where "now" is, and fast UTC time formatting.

All generated times are float seconds since the epoch (UTC). Days are center-local; a day's
start is found through the time zone, so the arithmetic stays right in any zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import numpy as np


@dataclass(frozen=True)
class Timeline:
    tz: ZoneInfo
    today: date  # center-local
    cutoff: float  # epoch seconds: nothing happens after this moment ("now")
    first_day: date  # a Monday: the first day with interactions
    weeks: int  # weeks of history, the current (partial) week included
    holidays: dict[date, str]
    weekend_workdays: frozenset[date]  # CN make-up working days on a weekend
    day_start: np.ndarray  # epoch seconds of local midnight for every rota day (+1 sentinel)

    @property
    def current_week_start(self) -> date:
        return self.today - timedelta(days=self.today.weekday())

    @property
    def rota_days(self) -> int:
        """Days with a rota: the history weeks plus next week's draft."""
        return 7 * (self.weeks + 1)

    @property
    def data_days(self) -> int:
        """Days with interactions: first_day .. today."""
        return (self.today - self.first_day).days + 1

    def day(self, index: int) -> date:
        return self.first_day + timedelta(days=index)

    def local_epoch(self, day: date, minutes: float = 0.0) -> float:
        return datetime.combine(day, time(0), self.tz).timestamp() + minutes * 60.0

    @property
    def now(self) -> datetime:
        return to_datetime(self.cutoff)


def make_timeline(tz_name: str, weeks: int, now: datetime, today: date | None) -> Timeline:
    tz = ZoneInfo(tz_name)
    local_today = now.astimezone(tz).date()
    if today is None or today == local_today:
        today, cutoff = local_today, now.timestamp()
    else:  # a fixed day: the build covers that whole day, whatever the clock says
        cutoff = datetime.combine(today + timedelta(days=1), time(0), tz).timestamp() - 1.0
    week_start = today - timedelta(days=today.weekday())
    first_day = week_start - timedelta(days=7 * (weeks - 1))
    n_days = 7 * (weeks + 1)
    starts = np.array([datetime.combine(first_day + timedelta(days=d), time(0), tz).timestamp()
                       for d in range(n_days + 2)], dtype=np.float64)
    years = sorted({first_day.year, (first_day + timedelta(days=n_days)).year})
    cn = holidays.country_holidays("CN", years=years)
    in_range = {d: name for d, name in sorted(cn.items())
                if first_day <= d < first_day + timedelta(days=n_days + 60)}
    workdays = frozenset(d for d in getattr(cn, "weekend_workdays", ()) if d.year in years)
    return Timeline(tz=tz, today=today, cutoff=cutoff, first_day=first_day, weeks=weeks,
                    holidays=in_range, weekend_workdays=workdays, day_start=starts)


def to_datetime(epoch: float) -> datetime:
    return datetime.fromtimestamp(float(epoch), UTC)


def db_time(epoch: float | None) -> str | None:
    """One timestamp in the naive-UTC text form both engines read (SQLAlchemy's SQLite format)."""
    if epoch is None:
        return None
    return datetime.fromtimestamp(float(epoch), UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def db_times(epochs: np.ndarray) -> list[str]:
    """Vectorised :func:`db_time` for a float array of epoch seconds (microsecond precision)."""
    micros = np.round(np.asarray(epochs, dtype=np.float64) * 1_000_000).astype("int64")
    text = np.datetime_as_string(micros.astype("datetime64[us]"), unit="us")
    return np.char.replace(text, "T", " ").tolist()


def db_times_or_none(epochs: np.ndarray, present: np.ndarray) -> list[str | None]:
    text = db_times(np.where(present, epochs, 0.0))
    return [t if p else None for t, p in zip(text, present.tolist(), strict=True)]
