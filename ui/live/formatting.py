"""How Live shows numbers: counts, percentages and durations through QLocale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel

DASH = "—"


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
