"""How the Complaints workspace shows times, ages and deadlines, and the colours of SLA states."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QColor

from app.complaints.sla import AT_RISK, BREACHED, MET, ON_TRACK
from app.i18n import TRANSLATION_CONTEXT

SLA_COLORS = {BREACHED: QColor("#d64541"), AT_RISK: QColor("#e08a00"), ON_TRACK: QColor("#2e9d4f"),
              MET: QColor("#8a94a6")}
PRIORITY_COLORS = {"urgent": QColor("#d64541"), "regular": QColor("#5b7fb5"), "special": QColor("#8e5cc2")}


def tr(text: str) -> str:
    return QCoreApplication.translate("complaints", text)


def label(text: str) -> str:
    """A label defined in app/ with N_()."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def format_datetime(at: datetime | None, tz: ZoneInfo) -> str:
    if at is None:
        return "—"
    local = at.astimezone(tz)
    qdt = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    if QLocale().language() == QLocale.Language.C:  # the C locale writes "18 11 2026"; ISO reads better
        return QLocale().toString(qdt, "yyyy-MM-dd HH:mm")
    return QLocale().toString(qdt, QLocale.FormatType.ShortFormat)


def format_span(seconds: float) -> str:
    """A compact length of time: 45 min, 3 h 20 min, 2 d 4 h."""
    minutes = int(abs(seconds) // 60)
    if minutes < 60:
        return tr("%1 min").replace("%1", str(minutes))
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes)) if minutes \
            else tr("%1 h").replace("%1", str(hours))
    days, hours = divmod(hours, 24)
    return tr("%1 d %2 h").replace("%1", str(days)).replace("%2", str(hours)) if hours \
        else tr("%1 d").replace("%1", str(days))


def format_sla(state: str, remaining_sec: float, stopped: bool) -> str:
    """What a card says about its resolution deadline (``remaining_sec`` < 0: past it)."""
    if state == MET:
        return tr("Resolved in time")
    if stopped:
        return tr("%1 late").replace("%1", format_span(remaining_sec))
    if state == BREACHED:
        return tr("Overdue by %1").replace("%1", format_span(remaining_sec)) if remaining_sec < 0 \
            else tr("Breached")
    return tr("Due in %1").replace("%1", format_span(remaining_sec))


def format_countdown(state: str, remaining_sec: float, stopped: bool, paused: bool = False) -> str:
    """A card's live countdown, to the second under a day: "Due in 3:12:05", "Late 0:04:10"."""
    if stopped and -60 < remaining_sec < 0:
        text = tr("%1 s late").replace("%1", str(int(-remaining_sec)))
    elif stopped or state == "met" or abs(remaining_sec) >= 86400:
        text = format_sla(state, remaining_sec, stopped)
    else:
        total = int(abs(remaining_sec))
        hours, rest = divmod(total, 3600)
        clock = f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
        text = (tr("Late %1") if remaining_sec < 0 else tr("Due in %1")).replace("%1", clock)
    return tr("%1 (paused)").replace("%1", text) if paused else text
