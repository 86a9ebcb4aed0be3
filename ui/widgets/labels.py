"""Labels that fit where they are put."""

from __future__ import annotations

import math

from PySide6 import QtGui
from PySide6.QtCore import QRect, QSize, Qt, QThread, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent, QTextDocument
from PySide6.QtWidgets import QLabel, QWidget


class ElidedLabel(QLabel):
    """One line that never pushes its neighbours away: cut with "…" when there is no room for it (a
    longer language, a small window), the whole text in its tooltip. ``text()`` is what is shown,
    ``full_text()`` what was set. ``mode`` says where the cut goes (the middle keeps both ends of a
    path); ``tooltip`` is a tooltip to show always instead of the whole text."""

    def __init__(self, parent: QWidget | None = None, *, mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
                 tooltip: str = "") -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self._tooltip = tooltip
        self.setToolTip(tooltip)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._full = text
        self.updateGeometry()
        # the whole text until the layout has given the label its new width; then cut if need be
        super().setText(text)
        self.setToolTip(self._tooltip)
        if QThread.currentThread() is self.thread():  # (no timer starts on another thread)
            QTimer.singleShot(0, self, self._elide)  # (with self as context: never after the label is gone)

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override: the whole text, as a plain label asks
        hint = super().sizeHint()
        # QLabel's own room around the text shown now (margins, a style sheet's padding), around the whole text
        around = hint.width() - self.fontMetrics().horizontalAdvance(super().text()) if super().text() else self._extra()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + max(around, self._extra()) + 1, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override: a few words and the "…"
        hint = super().minimumSizeHint()
        width = min(self.sizeHint().width(), 8 * self.fontMetrics().averageCharWidth() + self._extra())
        return QSize(width, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._elide()

    def _extra(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right() + 2 * self.margin()

    def _elide(self) -> None:
        # not laid out yet (hidden): the whole text, cut once it has a width of its own
        shown = (self.fontMetrics().elidedText(self._full, self._mode, max(0, self.width() - self._extra()))
                 if self.isVisible() else self._full)
        if shown != super().text():
            super().setText(shown)
        self.setToolTip(self._tooltip or (self._full if shown != self._full else ""))


def _rich(label: QLabel) -> QTextDocument | None:
    """The label's rich text laid out as QLabel does (its font, no margin); None for plain text."""
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.PlainText or (fmt == Qt.TextFormat.AutoText and not QtGui.Qt.mightBeRichText(label.text())):
        return None
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    doc.setHtml(label.text())
    return doc


def wrapped_height(label: QLabel, width: int) -> int:
    """How tall ``label``'s text is, word-wrapped at ``width`` (QLabel's own heightForWidth never
    answers less than the minimum height: a row made taller once would stay taller)."""
    margins = label.contentsMargins()
    inner = max(1, width - margins.left() - margins.right() - 2 * label.margin())
    extra = margins.top() + margins.bottom() + 2 * label.margin()
    doc = _rich(label)
    if doc is not None:
        doc.setTextWidth(inner)
        return math.ceil(doc.size().height()) + extra
    flags = int(label.alignment().value) | int(Qt.TextFlag.TextWordWrap.value)
    text = label.fontMetrics().boundingRect(QRect(0, 0, inner, 100_000), flags, label.text())
    return text.height() + extra


class WrappingLabel(QLabel):
    """A word-wrapped label that asks for its whole text on one line, as a plain label does, and wraps
    only when its tile is given less: a longer language (the pseudo-translation, ~40 % longer) wraps
    instead of being cut, and a text that fits is laid out as before (QLabel's own size hint for a
    wrapped text is a guess at a narrower block of two lines)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, one_line_hint: bool = True) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.one_line_hint = one_line_hint  # False: QLabel's own hint for a wrapped text

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        if not self.one_line_hint:
            return super().sizeHint()
        margins = self.contentsMargins()
        extra = margins.left() + margins.right() + 2 * self.margin()
        doc = _rich(self)
        if doc is not None:  # the words, not the markup
            width = math.ceil(doc.idealWidth()) + extra
        else:
            line = self.fontMetrics().boundingRect(QRect(0, 0, 2000, 2000), int(self.alignment().value), self.text())
            width = line.width() + extra
        return QSize(width, wrapped_height(self, width))
