"""The notification bell: unread count, the list popup, a toast for new ones, the system tray.

Every desk the person is signed in to refreshes on ``Changes.NOTIFICATIONS`` (posted here or
heard from another desk through the change watcher) and on ``Changes.JOBS`` (a job on this very
desk may have posted; its own changes are not echoed back by the watcher). Opening an item
marks it read and emits ``Bus.entity_open_requested(type, id)``: the main window asks each
workspace's ``open_entity(type, id)`` and shows the one that handles it.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.i18n import TRANSLATION_CONTEXT
from app.notifications import NotificationView, mark_read, recent_for, unread_count
from ui.context import ConsoleContext

REFRESH_ON = Changes.NOTIFICATIONS | Changes.JOBS
TOAST_MS = 7000
SEVERITY_COLOURS = {"info": "#1a73e8", "warning": "#e37400", "critical": "#b3261e"}


def console_language() -> str:
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


def bell_icon(size: int = 20, colour: str = "#444") -> QIcon:
    """A bell drawn with QPainter (no icon file needed)."""
    pix = QPixmap(size * 2, size * 2)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(2, 2)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    s = size
    p.drawChord(int(s * 0.2), int(s * 0.12), int(s * 0.6), int(s * 0.7), 0, 180 * 16)
    p.drawRect(int(s * 0.2), int(s * 0.45), int(s * 0.6), int(s * 0.28))
    p.drawRoundedRect(int(s * 0.1), int(s * 0.68), int(s * 0.8), int(s * 0.1), 2, 2)
    p.drawEllipse(int(s * 0.41), int(s * 0.8), int(s * 0.18), int(s * 0.14))
    p.drawEllipse(int(s * 0.44), int(s * 0.04), int(s * 0.12), int(s * 0.12))
    p.end()
    return QIcon(pix)


ENTITY_LABELS = {
    "complaint": QT_TRANSLATE_NOOP("notifications", "complaint"),
    "qa_draw": QT_TRANSLATE_NOOP("notifications", "QA draw"),
    "qa_dispute": QT_TRANSLATE_NOOP("notifications", "QA dispute"),
    "review": QT_TRANSLATE_NOOP("notifications", "quarterly review"),
    "live": QT_TRANSLATE_NOOP("notifications", "live alert"),
}


def entity_label(entity_type: str) -> str:
    """What a notification is about, in words ('complaint' for "complaint", "QA draw" for "qa_draw")."""
    known = ENTITY_LABELS.get(entity_type)
    return QCoreApplication.translate("notifications", known) if known else entity_type.replace("_", " ")


_CLOCKS = re.compile(r",\s*(?=R-[A-Z]+-)")
_CLOCK = re.compile(r"^(R-[A-Z]+-[\w.]+)\s+(.+)$")


def localize_params(kind: str, params: dict[str, Any]) -> dict[str, Any]:
    """Stored words of a notification (priority, category, clock names, live alert titles and units) in
    the console's language before its template is filled (app.notifications.recent_for's ``localize``)."""
    from app.complaints.board import CATEGORY_LABELS, PRIORITY_LABELS
    from ui.live.formatting import alert_title, alert_value, alert_where

    def app_label(text: str) -> str:
        return QCoreApplication.translate(TRANSLATION_CONTEXT, text)

    out = dict(params)
    if isinstance(out.get("priority"), str) and out["priority"] in PRIORITY_LABELS:
        out["priority"] = app_label(PRIORITY_LABELS[out["priority"]])
    if isinstance(out.get("category"), str) and out["category"] in CATEGORY_LABELS:
        out["category"] = app_label(CATEGORY_LABELS[out["category"]])
    if isinstance(out.get("clock"), str):
        parts = []
        for part in _CLOCKS.split(out["clock"]):
            m = _CLOCK.match(part.strip())
            parts.append(f"{m.group(1)} {app_label(m.group(2))}" if m else part)
        out["clock"] = ", ".join(parts)
    if kind.startswith("live."):
        if isinstance(out.get("alert"), str):
            out["alert"] = alert_title(out["alert"])
        if "queue" in out:
            out["queue"] = alert_where(out["queue"])
        for key in ("value", "threshold"):
            if isinstance(out.get(key), str):
                out[key] = alert_value(out[key])
    return out


def _when(at: datetime, ctx: ConsoleContext) -> str:
    local = at.astimezone(ctx.timezone)
    return local.strftime("%m-%d %H:%M")


class NotificationList(QFrame):
    """The popup under the bell: newest first, unread in bold, click to open."""

    item_activated = Signal(object)  # NotificationView
    mark_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("notification_popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumSize(QSize(420, 320))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        head = QHBoxLayout()
        self.heading = QLabel(self.tr("Notifications"))
        self.heading.setStyleSheet("font-weight: 600; font-size: 14px;")
        head.addWidget(self.heading, 1)
        self.mark_all = QPushButton(self.tr("Mark all read"))
        self.mark_all.clicked.connect(self.mark_all_requested)
        head.addWidget(self.mark_all)
        layout.addLayout(head)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.itemClicked.connect(self._on_list_item_activated)
        layout.addWidget(self.list, 1)
        self.empty = QLabel(self.tr("No notifications yet."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("hint")
        layout.addWidget(self.empty)
        self.views: list[NotificationView] = []

    def set_views(self, views: list[NotificationView], ctx: ConsoleContext) -> None:
        self.views = views
        self.list.clear()
        for v in views:
            colour = SEVERITY_COLOURS.get(v.severity, "#1a73e8")
            when = _when(v.created_at, ctx)
            if v.entity_type:
                when += "  ·  " + self.tr("Open %1 #%2").replace("%1", entity_label(v.entity_type)) \
                    .replace("%2", v.entity_id or "")
            weight = "700" if v.read_at is None else "400"
            dot = f'<span style="color:{colour}">●</span> ' if v.read_at is None else ""
            label = QLabel(f'{dot}<span style="font-weight:{weight}">{html.escape(v.title)}</span><br>'
                           f'{html.escape(v.body)}<br><span style="color:#777">{html.escape(when)}</span>')
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setContentsMargins(6, 4, 6, 4)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{v.title}\n{v.body}\n{when}")
            item.setText("")
            item.setToolTip(v.body)
            label.setFixedWidth(self.list.viewport().width() - 4 if self.list.viewport().width() > 100 else 380)
            item.setSizeHint(QSize(label.width(), label.heightForWidth(label.width()) + 4))
            self.list.addItem(item)
            self.list.setItemWidget(item, label)
        self.empty.setVisible(not views)
        self.list.setVisible(bool(views))
        self.mark_all.setEnabled(any(v.read_at is None for v in views))

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        nid = item.data(Qt.ItemDataRole.UserRole)
        view = next((v for v in self.views if v.id == nid), None)
        if view is not None:
            self.item_activated.emit(view)


class Toast(QFrame):
    """A short-lived note in the window's bottom-right corner; click to open the item."""

    clicked = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("notification_toast")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#notification_toast { background: palette(window); border: 1px solid palette(mid);"
                           " border-left: 5px solid #e37400; border-radius: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.body = QLabel()
        self.body.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        self.setFixedWidth(360)
        self.view: NotificationView | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_view(self, view: NotificationView, more: int = 0) -> None:
        self.view = view
        colour = SEVERITY_COLOURS.get(view.severity, "#1a73e8")
        self.setStyleSheet(self.styleSheet().split("border-left")[0] +
                           f"border-left: 5px solid {colour}; border-radius: 6px; }}")
        self.title.setText(view.title + (self.tr(" (+%1 more)").replace("%1", str(more)) if more else ""))
        self.body.setText(view.body)
        self.adjustSize()
        parent = self.parentWidget()
        if parent is not None:
            self.move(parent.width() - self.width() - 16, parent.height() - self.height() - 40)
        self.raise_()
        self.show()
        self._timer.start(TOAST_MS)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.view is not None:
            self.clicked.emit(self.view)
        self.hide()
        event.accept()


class NotificationBell(QToolButton):
    """The bell with its badge; owns the popup, the toast and (where there is one) the tray icon."""

    did_refresh = Signal(int)  # unread count

    def __init__(self, ctx: ConsoleContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window_ = window
        self.setObjectName("notification_bell")
        self.setAutoRaise(True)
        self.setIconSize(QSize(20, 20))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIcon(bell_icon())
        self.unread = 0
        self.views: list[NotificationView] = []
        self._seen_max_id: int | None = None  # first load: no toast for what was already there
        self._loading = False
        self._again = False
        self.popup = NotificationList(window)
        self.popup.item_activated.connect(self.open_view)
        self.popup.mark_all_requested.connect(self.mark_all_read)
        self.toast = Toast(window.centralWidget() or window)
        self.toast.clicked.connect(self.open_view)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(window.windowIcon() if not window.windowIcon().isNull() else bell_icon(), self)
            self.tray.setToolTip(self.tr("Floorwalker"))
            self.tray.messageClicked.connect(self._on_tray_message_clicked)
            self.tray.activated.connect(lambda _reason: self.show_popup())
            self.tray.show()
        self.clicked.connect(self.show_popup)
        self._show_count()
        ctx.bus.operation_did_execute.connect(self._on_bus_operation_did_execute)
        QTimer.singleShot(0, self.refresh)

    # --- data --------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.ctx.actor.person_id is None:
            self._show_count()
            return
        if self._loading:
            self._again = True
            return
        self._loading = True
        actor, language = self.ctx.actor, console_language()
        self.ctx.tasks.query(lambda s: (recent_for(s, actor, language=language, limit=40, localize=localize_params),
                                        unread_count(s, actor))) \
            .success(self._on_loaded).failure(self._on_failed).run()

    def _on_loaded(self, result: tuple[list[NotificationView], int]) -> None:
        self._loading = False
        views, unread = result
        previous_max = self._seen_max_id
        self.views, self.unread = views, unread
        newest = max((v.id for v in views), default=0)
        if previous_max is not None:
            fresh = [v for v in views if v.id > previous_max and v.read_at is None]
            if fresh:
                self.announce(fresh)
        self._seen_max_id = max(newest, previous_max or 0)
        self._show_count()
        if self.popup.isVisible():
            self.popup.set_views(self.views, self.ctx)
        self.did_refresh.emit(unread)
        if self._again:
            self._again = False
            self.refresh()

    def _on_failed(self, _exc: BaseException) -> None:
        # the database banner tells the story; the bell keeps its last count and tries next time
        self._loading = False
        self._again = False

    def _show_count(self) -> None:
        self.setText(str(self.unread) if self.unread else "")
        self.setToolTip((self.tr("%n unread notification(s)", "", self.unread) if self.unread
                         else self.tr("No unread notifications")) + " (Ctrl+Shift+N)")  # notr
        self.setStyleSheet("QToolButton#notification_bell { color: #b3261e; font-weight: 700; }"
                           if self.unread else "")

    def _on_bus_operation_did_execute(self, changes: Changes, _initiator: object) -> None:
        if changes & REFRESH_ON:
            self.refresh()

    # --- announcing ---------------------------------------------------------------------------
    def announce(self, fresh: list[NotificationView]) -> None:
        newest = fresh[0]
        self.toast.show_view(newest, more=len(fresh) - 1)
        if self.tray is not None:
            icon = {"critical": QSystemTrayIcon.MessageIcon.Critical,
                    "warning": QSystemTrayIcon.MessageIcon.Warning}.get(newest.severity,
                                                                         QSystemTrayIcon.MessageIcon.Information)
            self.tray.showMessage(newest.title, newest.body, icon, TOAST_MS)

    def _on_tray_message_clicked(self) -> None:
        if self.toast.view is not None:
            self.open_view(self.toast.view)

    # --- actions ------------------------------------------------------------------------------
    def show_popup(self) -> None:
        self.popup.set_views(self.views, self.ctx)
        self.popup.adjustSize()
        anchor = self.mapToGlobal(QPoint(self.width(), self.height()))
        self.popup.move(anchor.x() - self.popup.width(), anchor.y() + 2)
        self.popup.show()
        self.refresh()

    def open_view(self, view: NotificationView) -> None:
        self.popup.hide()
        self.toast.hide()
        if view.read_at is None:
            self._mark([view.id])
        if view.entity_type and view.entity_id is not None:
            self.ctx.bus.entity_open_requested.emit(view.entity_type, view.entity_id)

    def mark_all_read(self) -> None:
        self._mark(None)

    def _mark(self, ids: list[int] | None) -> None:
        actor = self.ctx.actor
        self.ctx.tasks.command(lambda s: mark_read(s, actor, ids)) \
            .success(lambda changes: self.ctx.bus.operation_did_execute.emit(changes, self)) \
            .failure(self._on_failed).run()

    def open_entity_requested(self, entity_type: str, entity_id: str) -> None:
        open_entity(self.window_, entity_type, entity_id)

    def close_tray(self) -> None:
        if self.tray is not None:
            self.tray.hide()


def install(window: QMainWindow, ctx: ConsoleContext) -> NotificationBell:
    """Put the bell in the menu bar's top-right corner and route "open this item" requests."""
    bell = NotificationBell(ctx, window)
    window.menuBar().setCornerWidget(bell, Qt.Corner.TopRightCorner)
    show = QAction(bell.tr("Notifications"), window)
    show.setShortcut(QKeySequence("Ctrl+Shift+N"))
    show.triggered.connect(bell.show_popup)
    window.addAction(show)
    # a method of the bell, not a lambda: the bus outlives a window rebuilt in another language,
    # and a bound method's connection ends with its object
    ctx.bus.entity_open_requested.connect(bell.open_entity_requested)
    window.installEventFilter(_ToastPlacer(window, bell.toast))
    return bell


# workspaces that do not implement open_entity yet, but already open an item by its id
FALLBACK_OPENERS = {"complaint": "open_detail"}


def open_entity(window: QMainWindow, entity_type: str, entity_id: str) -> bool:
    """Show the first workspace whose ``open_entity(type, id)`` accepts the item (or, for kinds
    listed in ``FALLBACK_OPENERS``, that has the named method taking the numeric id)."""
    pages = getattr(window, "workspaces", [])
    show = getattr(window, "show_workspace", None)
    for index, page in enumerate(pages):
        handler = getattr(page, "open_entity", None)
        if handler is not None and handler(entity_type, entity_id):
            if show is not None:
                show(index)
            return True
    opener = FALLBACK_OPENERS.get(entity_type)
    if opener and str(entity_id).isdigit():
        for index, page in enumerate(pages):
            method = getattr(page, opener, None)
            if method is not None:
                if show is not None:
                    show(index)
                method(int(entity_id))
                return True
    window.statusBar().showMessage(
        QCoreApplication.translate("notifications", "%1 #%2 has no page to open it in yet.")
        .replace("%1", entity_label(entity_type)).replace("%2", str(entity_id)), 8000)
    return False


class _ToastPlacer(QObject):
    """Keeps the toast in the corner when the window is resized."""

    def __init__(self, window: QMainWindow, toast: Toast) -> None:
        super().__init__(window)
        self.toast = toast

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and self.toast.isVisible():
            parent = self.toast.parentWidget()
            if parent is not None:
                self.toast.move(parent.width() - self.toast.width() - 16, parent.height() - self.toast.height() - 40)
        return False
