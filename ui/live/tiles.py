"""Big-number tiles for the day's headline figures."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


class KpiTile(QFrame):
    """A caption over a big value, with a detail line under it (styled by base.qss)."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpi_tile")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.caption_label = QLabel(caption)
        self.caption_label.setObjectName("kpi_caption")
        self.value_label = QLabel("—")
        self.value_label.setObjectName("kpi_value")
        self.detail_label = QLabel(" ")
        self.detail_label.setObjectName("kpi_caption")
        for label in (self.caption_label, self.value_label, self.detail_label):
            layout.addWidget(label)

    def set_value(self, value: str, detail: str = "", tooltip: str = "") -> None:
        self.value_label.setText(value)
        self.detail_label.setText(detail or " ")
        self.setToolTip(tooltip)

    @property
    def value(self) -> str:
        return self.value_label.text()

    @property
    def detail(self) -> str:
        return self.detail_label.text()


LEVEL_COLORS = {"ok": "#1f9d6b", "warn": "#d98e04", "bad": "#c62828", "stale": "#9aa3ad"}


def level_for(value: float | None, *, good_at_most: float | None = None, warn_at_most: float | None = None,
              good_at_least: float | None = None, warn_at_least: float | None = None) -> str | None:
    """green/amber/red for a value: 'ok', 'warn' or 'bad' (None: no value, no colour).

    Either the lower the better (``good_at_most`` ≤ ``warn_at_most``: a wait against R-RESP-3's
    30 s) or the higher the better (``good_at_least`` ≥ ``warn_at_least``: a service level)."""
    if value is None:
        return None
    if good_at_most is not None:
        if value <= good_at_most:
            return "ok"
        return "warn" if warn_at_most is not None and value <= warn_at_most else "bad"
    if good_at_least is not None:
        if value >= good_at_least:
            return "ok"
        return "warn" if warn_at_least is not None and value >= warn_at_least else "bad"
    return None


def phone_target(floor: Any) -> float:
    """The service-level target of the busiest phone queue today (the headline tile's target)."""
    phones = [q for q in floor.queues if q.channel == "phone"]
    if not phones:
        return 0.8
    return float(max(phones, key=lambda q: (q.offered_today, -q.queue_id)).target_service_level)


class StatusTile(KpiTile):
    """A tile whose value is coloured by a threshold level, with a coloured bar on its left."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(caption, parent)
        self.setObjectName("status_tile")
        self.detail_label.setWordWrap(True)
        self.level: str | None = None
        self._reserve_two_lines()
        self.set_level(None)

    def _reserve_two_lines(self) -> None:
        """The detail wraps onto a second line in narrow tiles (and taller CJK fonts): keep room for two,
        so the tile's fixed height never clips it (``DetailHeights`` gives a row more when needed)."""
        two = 2 * self.detail_label.fontMetrics().lineSpacing() + 2
        if self.detail_label.minimumHeight() < two:
            self.detail_label.setMinimumHeight(two)

    def set_value(self, value: str, detail: str = "", tooltip: str = "") -> None:
        self._reserve_two_lines()
        super().set_value(value, detail, tooltip or detail)

    def set_level(self, level: str | None) -> None:
        self.level = level
        color = LEVEL_COLORS.get(level or "", "transparent")
        self.setStyleSheet(
            f"QFrame#status_tile {{ border-radius: 8px; border: 1px solid palette(mid); "
            f"border-left: 6px solid {color}; }}"
            + (f"QLabel#kpi_value {{ color: {color}; }}" if level in ("warn", "bad") else "")
            + ("QLabel#kpi_value { color: palette(placeholder-text); }" if level == "stale" else ""))


class DetailHeights(QObject):
    """Keeps a row of status tiles equally tall, tall enough for the longest wrapped detail (two lines at
    least, four at most): a narrow window or a longer language wraps a detail onto more lines, and a
    fixed-height tile would cut it."""

    MAX_LINES = 4

    def __init__(self, tiles: tuple[StatusTile, ...] | list[StatusTile], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tiles = tuple(tiles)
        for tile in self.tiles:
            tile.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.align()
        return False

    def align(self) -> None:
        need = 0
        for tile in self.tiles:
            label = tile.detail_label
            line = label.fontMetrics().lineSpacing()
            wanted = label.heightForWidth(label.width()) if label.width() > 0 else -1
            need = max(need, min(max(wanted, 2 * line + 2), self.MAX_LINES * line + 2))
        for tile in self.tiles:
            if tile.detail_label.minimumHeight() != need:
                tile.detail_label.setMinimumHeight(need)
