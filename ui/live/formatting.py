"""How Live shows numbers: counts, percentages and durations through QLocale."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel

from app.i18n import TRANSLATION_CONTEXT

DASH = "—"
CENTER_WIDE = "All queues"  # app/live/alerts.py: the "queue" of a center-wide alert
# pause reasons the platforms and the demo send; any other reason is shown as it comes
PAUSE_REASONS = {
    "break": QT_TRANSLATE_NOOP("live", "Break"), "lunch": QT_TRANSLATE_NOOP("live", "Lunch"),
    "meeting": QT_TRANSLATE_NOOP("live", "Meeting"), "training": QT_TRANSLATE_NOOP("live", "Training"),
    "coaching": QT_TRANSLATE_NOOP("live", "Coaching"), "after_call": QT_TRANSLATE_NOOP("live", "After-call work"),
    "admin": QT_TRANSLATE_NOOP("live", "Admin work"), "personal": QT_TRANSLATE_NOOP("live", "Personal"),
}
_VALUE_UNIT = re.compile(r"(-?\d+(?:\.\d+)?) (s|min|%)(?=$|\W)")


def tr(text: str) -> str:
    return QCoreApplication.translate("live", text)


def count(value: int) -> str:
    return QLocale().toString(int(value))


def percent(fraction: float | None, decimals: int = 1) -> str:
    if fraction is None:
        return DASH
    return tr("%1 %").replace("%1", QLocale().toString(fraction * 100, "f", decimals))


def duration(seconds: float | None) -> str:
    """'45 s', '3 min 05 s', '1 h 12 min' — short forms a supervisor reads at a glance."""
    if seconds is None:
        return DASH
    total = int(round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return tr("%1 h %2 min").replace("%1", count(hours)).replace("%2", f"{minutes:02d}")
    if minutes:
        return tr("%1 min %2 s").replace("%1", str(minutes)).replace("%2", f"{secs:02d}")
    return tr("%1 s").replace("%1", str(secs))


def section_title(text: str) -> QLabel:
    """A bold caption over a chart or table."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * 1.08)
    label.setFont(font)
    return label


def target_time(seconds: int) -> str:
    """A target answer time in its natural unit: '30 s', '2 min', '4 h'."""
    if seconds >= 3600 and seconds % 3600 == 0:
        return tr("%1 h").replace("%1", count(seconds // 3600))
    if seconds >= 120 and seconds % 60 == 0:
        return tr("%1 min").replace("%1", count(seconds // 60))
    return tr("%1 s").replace("%1", count(seconds))


def pause_reason(reason: str | None) -> str:
    """A pause reason code ('lunch', 'after_call') in words; an unknown one as it comes."""
    if not reason:
        return ""
    known = PAUSE_REASONS.get(reason)
    return tr(known) if known else reason.replace("_", " ").capitalize()


def alert_title(title: str) -> str:
    """An alert's title (an N_() constant of app/live/alerts.py)."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, title)


def alert_where(queue: object) -> str:
    text = str(queue or "")
    return tr("All queues") if text == CENTER_WIDE else text


def alert_value(value: object) -> str:
    """An alert's stored value ('95 s', '12 min (lunch)', '62 %') with its units and reason in words."""
    units = {"s": "%1 s", "min": "%1 min", "%": "%1 %"}
    text = _VALUE_UNIT.sub(lambda m: tr(units[m.group(2)]).replace("%1", m.group(1)), str(value or ""))
    return re.sub(r"\((\w+)\)$", lambda m: "(" + pause_reason(m.group(1)) + ")", text)
