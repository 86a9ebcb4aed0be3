"""Dates and weekdays as the user's language writes them (QLocale), for the Schedule grids, charts'
axes, dialogs and the printed rota: "Tue 24 Nov" in English, "11月24日 周二" in Chinese. Never
strftime("%a"), which is always English."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _chinese(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Chinese


def weekday_name(weekday: int, long: bool = False) -> str:
    """0 = Monday."""
    locale = QLocale()
    return locale.dayName(weekday + 1, QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat)


def day_label(day: date, year: bool = False, weekday: bool = True) -> str:
    """``Tue 24 Nov`` / ``11月24日 周二`` (``year``: with the year)."""
    locale = QLocale()
    d = qdate(day)
    if _chinese(locale):
        text = locale.toString(d, "yyyy年M月d日" if year else "M月d日")
        return f"{text} {weekday_name(day.weekday())}" if weekday else text
    text = locale.toString(d, "d MMM yyyy" if year else "d MMM")
    return f"{weekday_name(day.weekday())} {text}" if weekday else text


def long_day_label(day: date) -> str:
    """``Tuesday 24 November 2026`` / ``2026年11月24日 星期二``."""
    locale = QLocale()
    d = qdate(day)
    if _chinese(locale):
        return f"{locale.toString(d, 'yyyy年M月d日')} {weekday_name(day.weekday(), True)}"
    return f"{weekday_name(day.weekday(), True)} {locale.toString(d, 'd MMMM yyyy')}"


def short_day(day: date) -> str:
    """A chart axis label: ``Tue 24`` / ``周二 24``."""
    return f"{weekday_name(day.weekday())} {day.day}"


def date_time_label(moment: datetime) -> str:
    """``Tue 24 Nov 10:15`` / ``11月24日 周二 10:15``."""
    return f"{day_label(moment.date())} {moment:%H:%M}"


def numeric_date(day: date) -> str:
    return day.isoformat()


def slot_range(first: int, last: int) -> str:
    """Week slots first..last inclusive as ``Tue 09:15–10:00`` (``Mon 22:00–Tue 06:00`` across days),
    the weekday in the user's language (``app.rota.model.range_label`` is always English)."""
    from app.rota.model import DAY_SLOTS, SLOT_MIN, WEEK_SLOTS

    def hm(slot: int) -> str:
        m = (slot % DAY_SLOTS) * SLOT_MIN
        return f"{m // 60:02d}:{m % 60:02d}"

    end = last + 1
    d1, d2 = (first % WEEK_SLOTS) // DAY_SLOTS, (last % WEEK_SLOTS) // DAY_SLOTS
    end_text = "24:00" if end % DAY_SLOTS == 0 else hm(end)
    if d1 != d2:
        end_text = f"{weekday_name(d2)} {end_text}"
    return f"{weekday_name(d1)} {hm(first)}–{end_text}"
