"""How a complaint card looks: reference, category and priority badge, owner and age, deadline state."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.complaints.board import CATEGORY_LABELS, PRIORITY_LABELS, ComplaintCard
from ui.complaints.clocks import live_clock
from ui.complaints.formatting import (
    PRIORITY_COLORS,
    SLA_COLORS,
    format_countdown,
    format_span,
    label,
    tr,
)
from ui.complaints.models import CARD_ROLE, CardListModel

PAD = 8
BAR = 4
LINES = 4
GAP = 3


class CardDelegate(QStyledItemDelegate):
    """Paints a ``ComplaintCard``; the left bar and the last line carry the deadline state's colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        line = QFontMetrics(option.font).height()
        return QSize(160, LINES * line + (LINES - 1) * GAP + 2 * PAD + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, ComplaintCard):
            return
        model = index.model()
        now = model.now if isinstance(model, CardListModel) else None
        palette: QPalette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = QRectF(option.rect).adjusted(1, 3, -1, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        base = palette.color(QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Highlight) if selected else palette.color(QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(base)
        painter.drawRoundedRect(rect, 6, 6)
        clock = live_clock(card, now) if now is not None else None
        sla_color = SLA_COLORS[clock.state if clock is not None else card.sla.state]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(sla_color)
        painter.drawRoundedRect(QRectF(rect.left() + 1, rect.top() + 1, BAR, rect.height() - 2), 2, 2)

        text_color = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        line_h = metrics.height()
        left = rect.left() + BAR + PAD
        right = rect.right() - PAD
        width = right - left
        y = rect.top() + PAD

        # 1: reference (bold) and the VIP mark (the kind is in the reference, the tooltip and the detail)
        bold = QFont(font)
        bold.setBold(True)
        mark_text = tr("VIP") if card.is_vip else ""
        mark_w = QFontMetrics(bold).horizontalAdvance(mark_text) if mark_text else 0
        if mark_text:
            painter.setFont(bold)
            painter.setPen(PRIORITY_COLORS["special"])
            painter.drawText(QRectF(right - mark_w, y, mark_w, line_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, mark_text)
        painter.setFont(bold)
        painter.setPen(text_color)
        ref_w = width - (mark_w + 6 if mark_text else 0)
        painter.drawText(QRectF(left, y, ref_w, line_h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(card.reference, Qt.TextElideMode.ElideRight, int(ref_w)))
        y += line_h + GAP

        # 2: category and the priority badge
        badge_font = QFont(font)
        badge_font.setPointSizeF(max(6.5, font.pointSizeF() * 0.78))
        badge_font.setBold(True)
        badge_text = label(PRIORITY_LABELS.get(card.priority, card.priority))
        badge_w = QFontMetrics(badge_font).horizontalAdvance(badge_text) + 10
        badge_rect = QRectF(right - badge_w, y + 1, badge_w, line_h - 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PRIORITY_COLORS.get(card.priority, QColor("#5b7fb5")))
        painter.drawRoundedRect(badge_rect, 4, 4)
        painter.setFont(badge_font)
        painter.setPen(QColor("white"))
        painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge_text)
        painter.setFont(font)
        painter.setPen(text_color)
        category = label(CATEGORY_LABELS.get(card.category, card.category))
        cat_w = width - badge_w - 6
        painter.drawText(QRectF(left, y, cat_w, line_h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(category, Qt.TextElideMode.ElideRight, int(cat_w)))
        y += line_h + GAP

        # 3: owner and age
        age_sec = card.age_sec if card.stage == "closed" or now is None else \
            max(0.0, (now - card.opened_at).total_seconds())
        age = format_span(age_sec)
        age_w = metrics.horizontalAdvance(age)
        painter.setPen(muted)
        painter.drawText(QRectF(right - age_w, y, age_w, line_h),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, age)
        owner = card.owner or tr("Unassigned")
        painter.setPen(text_color if card.owner else muted)
        painter.drawText(QRectF(left, y, width - age_w - 6, line_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(owner, Qt.TextElideMode.ElideRight, int(width - age_w - 6)))
        y += line_h + GAP

        # 4: the most urgent clock, counting down, and its rule (short) at the right
        if clock is not None:
            sla_text = format_countdown(clock.state, clock.remaining_sec, clock.stopped, clock.paused)
            rule = clock.rule_id.removeprefix("R-").split(".")[0]
        else:
            sla_text, rule = format_countdown(card.sla.state, 0.0, card.sla.stopped_at is not None), ""
        rule_w = metrics.horizontalAdvance(rule) if rule else 0
        if rule:
            painter.setPen(muted)
            painter.drawText(QRectF(right - rule_w, y, rule_w, line_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, rule)
        painter.setPen(sla_color)
        text_w = width - (rule_w + 6 if rule else 0)
        painter.drawText(QRectF(left, y, text_w, line_h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(sla_text, Qt.TextElideMode.ElideRight, int(text_w)))
        painter.restore()
