"""How the Quality workspace shows times, durations and yes/no through QLocale."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from app.i18n import TRANSLATION_CONTEXT


def tr(text: str) -> str:
    return QCoreApplication.translate("quality", text)


def label(text: str) -> str:
    """A label defined in app/ with N_()."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def is_c_locale() -> bool:
    # the C locale writes "18 11 2026"; ISO dates read better there
    return QLocale().language() == QLocale.Language.C


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def local_qdatetime(at: datetime, tz: ZoneInfo) -> QDateTime:
    local = at.astimezone(tz)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second))


def format_datetime(at: datetime | None, tz: ZoneInfo) -> str:
    if at is None:
        return "—"
    qdt = local_qdatetime(at, tz)
    if is_c_locale():
        return QLocale().toString(qdt, "yyyy-MM-dd HH:mm")
    return QLocale().toString(qdt, QLocale.FormatType.ShortFormat)


def format_date(day: date) -> str:
    if is_c_locale():
        return QLocale().toString(qdate(day), "yyyy-MM-dd")
    return QLocale().toString(qdate(day), QLocale.FormatType.ShortFormat)


def date_edit_format() -> str:
    return "yyyy-MM-dd" if is_c_locale() else QLocale().dateFormat(QLocale.FormatType.ShortFormat)


def format_duration(seconds: float | None) -> str:
    """Minutes:seconds (hours:minutes:seconds from an hour on)."""
    if seconds is None:
        return "—"
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_yes_no(value: bool | None) -> str:
    if value is None:
        return "—"
    return tr("Yes") if value else tr("No")
