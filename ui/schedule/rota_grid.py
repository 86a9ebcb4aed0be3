"""The rota editor's grid: agents (rows) x the week as one timeline (Monday 00:00 to Sunday 24:00),
each shift a bar. Custom painted over a scroll area and drawing only the visible rows, so a
center of 200+ agents scrolls smoothly.

Mouse: drag a bar to move it (another time, day or person), drag its left or right edge to
resize it (15-minute steps); right-click for the context menu; double-click an empty place to
add a shift there. The grid only reports what the user asked (signals); the editor saves it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from app.rota.model import DAY_SLOTS, SLOT_MIN, WEEK_SLOTS
from app.schedule.editing import DraftShift, EditorAgent, RotaDiff
from ui.schedule.dates import weekday_name
from ui.schedule.models import FALLBACK_COLORS, NO_TEMPLATE_COLOR

NAME_W = 190
HEADER_H = 38
ROW_H = 24
EDGE_PX = 5
ADDED, CHANGED, REMOVED = "#2e7d32", "#ef6c00", "#c62828"


ACTIVITY_NAMES = {
    "break": QT_TRANSLATE_NOOP("rota_editor", "break"),
    "lunch": QT_TRANSLATE_NOOP("rota_editor", "lunch"),
    "meeting": QT_TRANSLATE_NOOP("rota_editor", "meeting"),
    "training": QT_TRANSLATE_NOOP("rota_editor", "training"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("rota_editor", text)


def slot_text(slot: int) -> str:
    m = (slot % DAY_SLOTS) * SLOT_MIN
    return f"{m // 60:02d}:{m % 60:02d}"


def span_text(start: int, end: int) -> str:
    """``08:00–17:00``; a shift ending at midnight ends at ``24:00``; a later end is marked ``+1``."""
    if end % DAY_SLOTS == 0 and end // DAY_SLOTS == start // DAY_SLOTS + 1:
        return f"{slot_text(start)}–24:00"
    return f"{slot_text(start)}–{slot_text(end)}" + (" +1" if end // DAY_SLOTS > start // DAY_SLOTS else "")


def bar_color(s: DraftShift) -> QColor:
    if s.color and QColor(s.color).isValid():
        return QColor(s.color)
    if s.template_id is None:
        return QColor(NO_TEMPLATE_COLOR)
    return QColor(FALLBACK_COLORS[s.template_id % len(FALLBACK_COLORS)])


@dataclass
class _Drag:
    shift: DraftShift
    mode: str  # move / left / right
    origin: QPoint
    start: int
    slots: int
    row: int


class RotaGrid(QAbstractScrollArea):
    shift_selected = Signal(object)  # DraftShift | None
    shift_edited = Signal(object, int, int, int)  # shift, new start, new slots, new person id
    context_requested = Signal(object, int, int, QPoint)  # shift | None, person id, slot, global pos
    add_requested = Signal(int, int)  # person id, slot
    delete_requested = Signal(object)  # DraftShift
    drag_feedback = Signal(str)  # where the dragged shift would go; "" when the drag ends

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.agents: list[EditorAgent] = []
        self.shifts: list[DraftShift] = []
        self._by_person: dict[int, list[DraftShift]] = {}
        self._row_of: dict[int, int] = {}
        self.diff: RotaDiff | None = None
        self._diff_kind: dict[int, str] = {}
        self._removed: dict[int, list[tuple[int, int]]] = {}
        self.flagged: set[int] = set()  # people with a hard rule violation
        self._away: dict[int, list[tuple[int, int]]] = {}  # approved time off per person
        self.editable = False
        self.selected: DraftShift | None = None
        self._drag: _Drag | None = None
        self.horizontalScrollBar().setRange(0, 0)
        self.first_day = 0  # the view: the whole week, or one day zoomed in
        self.days_shown = 7

    # --- data -------------------------------------------------------------------------------------
    def set_data(self, agents: list[EditorAgent], shifts: list[DraftShift], editable: bool) -> None:
        self.agents = list(agents)
        self.shifts = list(shifts)
        self.editable = editable
        self._row_of = {a.id: i for i, a in enumerate(self.agents)}
        self._by_person = {}
        for s in self.shifts:
            self._by_person.setdefault(s.person_id, []).append(s)
        if self.selected is not None:
            self.selected = next((s for s in self.shifts if s.id == self.selected.id), None)
        self._drag = None
        self._update_scroll()
        self.viewport().update()

    def set_diff(self, diff: RotaDiff | None) -> None:
        self.diff = diff
        self._diff_kind = {d.draft_shift_id: d.kind for d in diff.diffs if d.draft_shift_id} if diff else {}
        self._removed = {}
        if diff:
            for d in diff.of_kind("removed"):
                self._removed.setdefault(d.person_id, []).append((d.start, d.slots))
        self.viewport().update()

    def set_time_off(self, ranges: list[tuple[int, int, int]]) -> None:
        self._away: dict[int, list[tuple[int, int]]] = {}
        for pid, a, b in ranges:
            self._away.setdefault(pid, []).append((a, b))
        self.viewport().update()

    def set_flagged(self, people: set[int]) -> None:
        self.flagged = people
        self.viewport().update()

    def set_view(self, day: int | None) -> None:
        """Show the whole week (None) or one day (0 = Monday) across the full width."""
        self.first_day, self.days_shown = (0, 7) if day is None or day < 0 else (day, 1)
        self.viewport().update()

    # --- geometry ---------------------------------------------------------------------------------
    @property
    def px_per_slot(self) -> float:
        return max(1.0, (self.viewport().width() - NAME_W - 4) / (self.days_shown * DAY_SLOTS))

    def _x(self, slot: float) -> float:
        return NAME_W + (slot - self.first_day * DAY_SLOTS) * self.px_per_slot

    def _slot_at(self, x: float) -> int:
        return int(round((x - NAME_W) / self.px_per_slot)) + self.first_day * DAY_SLOTS

    def _row_at(self, y: int) -> int:
        return (y - HEADER_H) // ROW_H + self.verticalScrollBar().value()

    def _row_y(self, row: int) -> int:
        return HEADER_H + (row - self.verticalScrollBar().value()) * ROW_H

    def _update_scroll(self) -> None:
        visible = max(1, (self.viewport().height() - HEADER_H) // ROW_H)
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, len(self.agents) - visible))
        bar.setPageStep(visible)
        bar.setSingleStep(1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._update_scroll()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt override
        self.viewport().update()

    def bar_rect(self, s: DraftShift, start: int | None = None, slots: int | None = None, row: int | None = None
                 ) -> QRectF:
        start = s.start if start is None else start
        slots = s.slots if slots is None else slots
        row = self._row_of.get(s.person_id, 0) if row is None else row
        end = min(start + slots, WEEK_SLOTS + DAY_SLOTS)
        return QRectF(self._x(start), self._row_y(row) + 3, max(3.0, (end - start) * self.px_per_slot), ROW_H - 6)

    def shift_at(self, pos: QPoint) -> tuple[DraftShift | None, str]:
        row = self._row_at(pos.y())
        if pos.y() < HEADER_H or pos.x() <= NAME_W or not 0 <= row < len(self.agents):
            return None, ""
        for s in self._by_person.get(self.agents[row].id, []):
            r = self.bar_rect(s)
            if r.left() - 2 <= pos.x() <= r.right() + 2:
                if pos.x() <= r.left() + EDGE_PX:
                    return s, "left"
                if pos.x() >= r.right() - EDGE_PX:
                    return s, "right"
                return s, "move"
        return None, ""

    # --- painting ---------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self.viewport())
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pal = self.palette()
        w, h = self.viewport().width(), self.viewport().height()
        p.fillRect(0, 0, w, h, pal.color(QPalette.ColorRole.Base))
        mid = pal.color(QPalette.ColorRole.Mid)
        text = pal.color(QPalette.ColorRole.Text)
        weekend = QColor(pal.color(QPalette.ColorRole.AlternateBase))
        first = self.verticalScrollBar().value()
        last = min(len(self.agents), first + (h - HEADER_H) // ROW_H + 1)
        ticks = 4 if self.days_shown == 7 else 24  # lines every 6 h over the week, every hour for a day
        p.setClipRect(QRect(NAME_W, 0, w - NAME_W, h))
        # weekend shading, day and hour lines
        for d in range(7):
            x0, x1 = self._x(d * DAY_SLOTS), self._x((d + 1) * DAY_SLOTS)
            if d >= 5:
                p.fillRect(QRectF(x0, HEADER_H, x1 - x0, h - HEADER_H), weekend)
            for q in range(1, ticks):
                light = QColor(mid)
                light.setAlpha(60)
                p.setPen(QPen(light, 1, Qt.PenStyle.DotLine))
                x = self._x(d * DAY_SLOTS + q * DAY_SLOTS // ticks)
                p.drawLine(int(x), HEADER_H, int(x), h)
        # rows
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        for row in range(first, last):
            a = self.agents[row]
            y = self._row_y(row)
            if row % 2:
                band = QColor(mid)
                band.setAlpha(18)
                p.fillRect(0, y, w, ROW_H, band)
            for start, end in self._away.get(a.id, []):
                away = QColor(mid)
                away.setAlpha(90)
                p.fillRect(QRectF(self._x(start), y + 1, (end - start) * self.px_per_slot, ROW_H - 2),
                           QBrush(away, Qt.BrushStyle.BDiagPattern))
            for start, slots in self._removed.get(a.id, []):
                r = QRectF(self._x(start), y + 3, slots * self.px_per_slot, ROW_H - 6)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.setPen(QPen(QColor(REMOVED), 1.5, Qt.PenStyle.DashLine))
                p.drawRect(r)
            for s in self._by_person.get(a.id, []):
                if self._drag is not None and self._drag.shift.id == s.id:
                    continue
                self._paint_bar(p, s, self.bar_rect(s), small)
        if self._drag is not None:
            d = self._drag
            r = self.bar_rect(d.shift, d.start, d.slots, d.row)
            self._paint_bar(p, d.shift, r, small, ghost=True)
        # day lines over the rows
        p.setPen(mid)
        for d in range(8):
            x = int(self._x(d * DAY_SLOTS))
            p.drawLine(x, 0, x, h)
        # the name column, over anything that scrolled under it
        p.setClipping(False)
        p.fillRect(0, HEADER_H, NAME_W, h - HEADER_H, pal.color(QPalette.ColorRole.Base))
        p.setFont(self.font())
        for row in range(first, last):
            a = self.agents[row]
            y = self._row_y(row)
            if row % 2:
                band = QColor(mid)
                band.setAlpha(18)
                p.fillRect(0, y, NAME_W, ROW_H, band)
            if row > 0 and self.agents[row - 1].team != a.team:
                p.setPen(QPen(QColor(mid), 1.5))
                p.drawLine(0, y, w, y)
            p.setPen(QColor(REMOVED) if a.id in self.flagged else text)
            name = a.name + ("  ⚠" if a.id in self.flagged else "")
            p.drawText(QRect(8, y, NAME_W - 70, ROW_H), Qt.AlignmentFlag.AlignVCenter, name)
            p.setPen(mid)
            hours = sum(s.slots for s in self._by_person.get(a.id, [])) * SLOT_MIN / 60
            p.setFont(small)
            p.drawText(QRect(NAME_W - 64, y, 58, ROW_H), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                       f"{hours:g} h" if hours else "")
            p.setFont(self.font())
        p.setPen(mid)
        p.drawLine(NAME_W, 0, NAME_W, h)
        # header
        p.fillRect(0, 0, w, HEADER_H, pal.color(QPalette.ColorRole.Button))
        p.setPen(mid)
        p.drawLine(0, HEADER_H - 1, w, HEADER_H - 1)
        p.setPen(text)
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(QRect(8, 0, NAME_W - 10, HEADER_H), Qt.AlignmentFlag.AlignVCenter,
                   tr("Agent (%1)").replace("%1", str(len(self.agents))))
        p.setClipRect(QRect(NAME_W + 1, 0, w - NAME_W - 1, HEADER_H))
        for d in range(self.first_day, self.first_day + self.days_shown):
            x0 = self._x(d * DAY_SLOTS)
            label = self.day_labels[d] if len(self.day_labels) == 7 else weekday_name(d)
            p.setFont(bold)
            p.drawText(QRectF(x0, 2, DAY_SLOTS * self.px_per_slot, HEADER_H / 2), Qt.AlignmentFlag.AlignCenter, label)
            p.setFont(small)
            for q in range(ticks):
                xq = self._x(d * DAY_SLOTS + q * DAY_SLOTS // ticks)
                p.drawText(QRectF(xq + 2, HEADER_H / 2, 40, HEADER_H / 2 - 2), Qt.AlignmentFlag.AlignVCenter,
                           f"{q * 24 // ticks:02d}")
        p.setClipping(False)
        p.setFont(self.font())
        p.end()

    day_labels: list[str] = []

    def _paint_bar(self, p: QPainter, s: DraftShift, r: QRectF, font: QFont, ghost: bool = False) -> None:
        color = bar_color(s)
        fill = QColor(color)
        fill.setAlpha(110 if ghost else 200)
        p.setBrush(QBrush(fill))
        kind = self._diff_kind.get(s.id)
        if kind:
            p.setPen(QPen(QColor(ADDED if kind == "added" else CHANGED), 2.5))
        elif self.selected is not None and self.selected.id == s.id:
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.5))
        else:
            p.setPen(QPen(color.darker(140), 1))
        p.drawRoundedRect(r, 3, 3)
        # breaks, meetings and training: lighter blocks inside the bar
        for k, a, b in s.activities:
            off = QColor("#ffffff")
            off.setAlpha(150 if k == "break" else 110)
            ar = QRectF(r.left() + (a - s.start) * self.px_per_slot, r.top() + 2,
                        max(1.0, (b - a) * self.px_per_slot), r.height() - 4)
            if ar.right() <= r.right() + 0.5:
                p.fillRect(ar, off)
        if s.pinned:
            p.fillRect(QRectF(r.left(), r.top(), 4, r.height()), color.darker(180))
        p.setFont(font)
        metrics = p.fontMetrics()
        room = r.width() - 9
        for label in (span_text(s.start, s.end), slot_text(s.start)):
            if metrics.horizontalAdvance(label) <= room:
                p.setPen(QColor("#101418"))
                p.drawText(r.adjusted(6, 0, -3, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
                break

    # --- mouse ------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        pos = event.position().toPoint()
        s, mode = self.shift_at(pos)
        self.selected = s
        self.shift_selected.emit(s)
        if s is not None and event.button() == Qt.MouseButton.LeftButton and self.editable:
            self._drag = _Drag(s, mode, pos, s.start, s.slots, self._row_of.get(s.person_id, 0))
        self.viewport().update()
        if event.button() == Qt.MouseButton.RightButton:
            row = self._row_at(pos.y())
            if pos.y() >= HEADER_H and 0 <= row < len(self.agents):
                self.context_requested.emit(s, self.agents[row].id, max(0, self._slot_at(pos.x())),
                                            event.globalPosition().toPoint())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        pos = event.position().toPoint()
        d = self._drag
        if d is None:
            s, mode = self.shift_at(pos)
            shape = (Qt.CursorShape.SizeHorCursor if mode in ("left", "right")
                     else Qt.CursorShape.OpenHandCursor if s is not None else Qt.CursorShape.ArrowCursor)
            self.viewport().setCursor(shape if self.editable else Qt.CursorShape.ArrowCursor)
            return
        dslots = int(round((pos.x() - d.origin.x()) / self.px_per_slot))
        s = d.shift
        if d.mode == "move":
            d.start = min(max(0, s.start + dslots), WEEK_SLOTS - 1)
            d.slots = s.slots
            d.row = min(max(0, self._row_at(pos.y())), len(self.agents) - 1)
        elif d.mode == "right":
            d.start, d.slots = s.start, max(1, s.slots + dslots)
        else:
            new_start = min(max(0, s.start + dslots), s.end - 1)
            d.start, d.slots = new_start, s.end - new_start
        self.drag_feedback.emit(f"{self.agents[d.row].name}: {weekday_name(min(d.start // DAY_SLOTS, 6))} "
                                f"{slot_text(d.start)}–{slot_text(d.start + d.slots)} "
                                f"({d.slots * SLOT_MIN / 60:g} h)")
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        d = self._drag
        self._drag = None
        if d is None:
            return
        self.drag_feedback.emit("")
        person = self.agents[d.row].id
        if (d.start, d.slots, person) != (d.shift.start, d.shift.slots, d.shift.person_id):
            self.shift_edited.emit(d.shift, d.start, d.slots, person)
        self.viewport().update()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self.drag_feedback.emit("")
            self.viewport().update()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected is not None and self.editable:
            self.delete_requested.emit(self.selected)
            return
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step is not None and self.selected is not None and self.editable:
            s = self.selected  # arrows move the selected shift by 15 minutes; with Shift they change its end
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                if s.slots + step > 0:
                    self.shift_edited.emit(s, s.start, s.slots + step, s.person_id)
            elif 0 <= s.start + step < WEEK_SLOTS:
                self.shift_edited.emit(s, s.start + step, s.slots, s.person_id)
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        pos = event.position().toPoint()
        s, _mode = self.shift_at(pos)
        row = self._row_at(pos.y())
        if s is None and self.editable and pos.y() >= HEADER_H and 0 <= row < len(self.agents) and pos.x() > NAME_W:
            self.add_requested.emit(self.agents[row].id, max(0, self._slot_at(pos.x())))

    def viewportEvent(self, e) -> bool:  # noqa: N802 - Qt override: tooltips over bars
        if e.type() == e.Type.ToolTip and self._drag is None:
            s, _m = self.shift_at(e.pos())
            if s is not None:
                lines = [f"<b>{s.template or tr('Shift')}</b> {weekday_name(min(s.day, 6))} "
                         f"{span_text(s.start, s.end)} ({tr('%1 h').replace('%1', f'{s.slots * SLOT_MIN / 60:g}')})"]
                lines += [f"{tr(ACTIVITY_NAMES.get(k, k))} {slot_text(a)}–{slot_text(b)}" for k, a, b in s.activities]
                if s.pinned:
                    lines.append(tr("Pinned: a new solve keeps this shift"))
                if s.note:
                    lines.append(s.note)
                kind = self._diff_kind.get(s.id)
                if kind:
                    lines.append(tr("Added since the published rota") if kind == "added"
                                 else tr("Changed since the published rota"))
                QToolTip.showText(e.globalPos(), "<br>".join(lines), self)
                return True
            row = self._row_at(e.pos().y())
            slot = self._slot_at(e.pos().x())
            if 0 <= row < len(self.agents) and e.pos().x() < NAME_W and e.pos().y() >= HEADER_H:
                a = self.agents[row]
                QToolTip.showText(e.globalPos(), f"<b>{a.name}</b><br>{a.team or tr('No team')}<br>"
                                  + tr("Skills: %1").replace("%1", ", ".join(a.skills) or "—") + "<br>"
                                  + tr("Contract: %1 h a week").replace("%1", f"{a.contract_hours:g}"), self)
                return True
            if 0 <= row < len(self.agents) and any(a <= slot < b for a, b in self._away.get(self.agents[row].id, [])):
                QToolTip.showText(e.globalPos(), tr("Approved time off"), self)
                return True
        return super().viewportEvent(e)
