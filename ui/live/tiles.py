"""Big-number tiles for the day's headline figures."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.widgets.labels import WrappingLabel, wrapped_height


class KpiTile(QFrame):
    """A caption over a big value, with a detail line under it (styled by base.qss). Caption and detail
    wrap when the tile is narrower than their text; :class:`DetailHeights` keeps a row of tiles aligned."""

    DETAIL_LINES = 1  # the detail's room at least, in lines

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpi_tile")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.caption_label = WrappingLabel(caption)
        self.caption_label.setObjectName("kpi_caption")
        # a row's captions are as tall as its longest: a one-line caption stays at the top of its room
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.value_label = QLabel("—")
        self.value_label.setObjectName("kpi_value")
        self.detail_label = WrappingLabel(" ")
        self.detail_label.setObjectName("kpi_caption")
        for label in (self.caption_label, self.value_label, self.detail_label):
            layout.addWidget(label)

    MIN_TEXT_WIDTH = 84  # a caption wraps, yet never down to a word (or a Chinese character) per line

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        inner = margins.left() + margins.right() + self.layout().contentsMargins().left() \
            + self.layout().contentsMargins().right()
        text = max(self.MIN_TEXT_WIDTH, self.value_label.sizeHint().width())
        return QSize(max(hint.width(), text + inner), hint.height())

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

    DETAIL_LINES = 2

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(caption, parent)
        self.setObjectName("status_tile")
        self.detail_label.one_line_hint = False  # a block of two lines: the row's widths as they were
        self.detail_label.updateGeometry()
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
    """Keeps a row of tiles equally tall and their values on one line: every caption as tall as the row's
    longest wrapped caption (one line at least, three at most) and every detail as tall as its longest
    wrapped detail (the tile's ``DETAIL_LINES`` at least, four at most). A narrow window or a longer
    language wraps a caption or a detail onto more lines, and a fixed-height tile would cut it; a text
    that needs more than the most lines keeps its full wording in a tooltip."""

    MAX_LINES = 4
    CAPTION_MAX_LINES = 3

    def __init__(self, tiles: tuple[KpiTile, ...] | list[KpiTile], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tiles = tuple(tiles)
        self._resting: dict[QLabel, Qt.AlignmentFlag] = {}  # each label's own alignment, while it is not cut
        for tile in self.tiles:
            tile.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # a new width, or a new text (a label's new size hint asks its tile for a new layout)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.align()
        return False

    def align(self) -> None:
        if not self.tiles:
            return
        self._align([t.caption_label for t in self.tiles], 1, self.CAPTION_MAX_LINES)
        self._align([t.detail_label for t in self.tiles], max(t.DETAIL_LINES for t in self.tiles), self.MAX_LINES)

    def _align(self, labels: list[QLabel], least: int, most: int) -> None:
        need = 0
        wanted: list[int] = []
        for label in labels:
            line = label.fontMetrics().lineSpacing()
            want = wrapped_height(label, label.width()) if label.width() > 0 else -1
            wanted.append(want)
            if want > 0:  # one line is its own height; more lines at least ``least`` lines' room
                need = max(need, min(max(want, least * line + 2) if least > 1 else want, most * line + 2))
        for label, want in zip(labels, wanted, strict=True):
            if need > 0 and label.minimumHeight() != need:
                label.setMinimumHeight(need)
            cut = need > 0 and want > need  # more lines than the most: the first ones shown, all in the tooltip
            resting = self._resting.setdefault(label, label.alignment())
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop if cut else resting)
            label.setToolTip(label.text() if cut else "")
