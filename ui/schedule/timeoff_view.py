"""Schedule → Time off: requests (agent, dates, kind, reason, status), a new request, and approve /
reject with the coverage impact shown BEFORE deciding: which intervals of the week's rota would
drop below the requirement if the person's shifts in that time went away."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.changes import Changes
from app.schedule import timeoff as to
from app.schedule.editing import load_editor_week
from app.security.permissions import allowed
from ui.context import ConsoleContext
from ui.errors import show_error
from ui.schedule.dates import date_time_label, day_label, slot_range
from ui.widgets.table_model import RowTableModel
from ui.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
# kinds and states of a request, for the catalogue (shown with tr(kind) / tr(status))
_NAMES = (
    QT_TRANSLATE_NOOP("timeoff", "annual"), QT_TRANSLATE_NOOP("timeoff", "sick"),
    QT_TRANSLATE_NOOP("timeoff", "leave"), QT_TRANSLATE_NOOP("timeoff", "training"),
    QT_TRANSLATE_NOOP("timeoff", "other"), QT_TRANSLATE_NOOP("timeoff", "personal"),
    QT_TRANSLATE_NOOP("timeoff", "requested"),
    QT_TRANSLATE_NOOP("timeoff", "approved"), QT_TRANSLATE_NOOP("timeoff", "rejected"),
)
STATUS_COLORS = {"requested": "#ef6c00", "approved": "#2e7d32", "rejected": "#8a94a6"}


def tr(text: str) -> str:
    return QCoreApplication.translate("timeoff", text)


def span_labels(starts: datetime, ends: datetime) -> tuple[str, str]:
    """Whole days as their first and last day (``Wed 16 Dec``, ``Thu 17 Dec``), otherwise with times."""
    if starts.time() == ends.time() == datetime.min.time() and ends > starts:
        return day_label(starts.date()), day_label((ends - timedelta(days=1)).date())
    return date_time_label(starts), date_time_label(ends)


class TimeOffModel(RowTableModel[to.TimeOffRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [tr("Agent"), tr("Team"), tr("From"), tr("To"), tr("Kind"), tr("Reason"), tr("Status"),
                         tr("Decided by")]

    def set_rows(self, rows: list[to.TimeOffRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            first, last = span_labels(r.starts_at, r.ends_at)
            return (r.person, r.team or "", first, last, tr(r.kind), r.reason or "", tr(r.status),
                    r.decided_by or "")[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 6:
            return QColor(STATUS_COLORS.get(r.status, "#000000"))
        if role == Qt.ItemDataRole.ToolTipRole and col == 5:
            return r.reason
        return None


class RequestDialog(QDialog):
    def __init__(self, people: list[tuple[int, str]], start: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New time-off request"))
        form = QFormLayout(self)
        self.person = QComboBox()
        for pid, name in people:
            self.person.addItem(name, pid)
        self.start = QDateTimeEdit(QDateTime(start.date(), QTime(0, 0)))
        self.end = QDateTimeEdit(QDateTime(start.date() + timedelta(days=1), QTime(0, 0)))
        for e in (self.start, self.end):
            e.setCalendarPopup(True)
            e.setDisplayFormat("ddd yyyy-MM-dd HH:mm")
        self.kind = QComboBox()
        for k in to.KINDS:
            self.kind.addItem(tr(k), k)
        self.reason = QLineEdit()
        form.addRow(tr("Agent"), self.person)
        form.addRow(tr("From"), self.start)
        form.addRow(tr("To"), self.end)
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class TimeOffView(Workspace):
    refresh_on = Changes.SCHEDULE | Changes.PEOPLE

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("workspaces", "Time off")

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.may_edit = allowed(ctx.actor, to.EDIT_PERMISSION)
        self.rows: list[to.TimeOffRow] = []
        self.people: list[tuple[int, str]] = []
        self.impact: to.TimeOffImpact | None = None
        self.show_error = lambda exc: show_error(self, exc, on_reload=self.refresh)
        self._build()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 12, 20, 12)
        header = QHBoxLayout()
        title = QLabel(tr("Time off"))
        title.setObjectName("page_title")
        header.addWidget(title)
        header.addSpacing(12)
        header.addWidget(QLabel(tr("Show")))
        self.status_combo = QComboBox()
        self.status_combo.addItem(tr("Waiting for a decision"), "requested")
        self.status_combo.addItem(tr("Approved"), "approved")
        self.status_combo.addItem(tr("Rejected"), "rejected")
        self.status_combo.addItem(tr("All"), None)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        header.addWidget(self.status_combo)
        header.addStretch(1)
        self.new_button = QPushButton(tr("New request…"))
        self.new_button.setEnabled(self.may_edit)
        self.new_button.clicked.connect(self.ask_new)
        header.addWidget(self.new_button)
        outer.addLayout(header)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = TimeOffModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._on_row(cur.row()))
        split.addWidget(self.table)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        heading = QLabel(tr("Coverage impact of approving"))
        heading.setObjectName("section_title")
        side_layout.addWidget(heading)
        self.impact_view = QTextBrowser()
        self.impact_view.setOpenLinks(False)
        side_layout.addWidget(self.impact_view, 1)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton(tr("Approve"))
        self.reject_button = QPushButton(tr("Reject"))
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        buttons.addStretch(1)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.approve_button)
        side_layout.addLayout(buttons)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer.addWidget(split, 1)
        self._set_buttons(None)

    def reload(self) -> None:
        status = self.status_combo.currentData()
        since = clock.now().astimezone(self.ctx.timezone).date() - timedelta(days=14)
        actor = self.ctx.actor

        def fn(s: Any) -> tuple[list[to.TimeOffRow], list[tuple[int, str]]]:
            week = load_editor_week(s, actor, since)
            return to.list_time_off(s, since, status), [(a.id, a.name) for a in week.agents]

        self.load(fn, self._on_loaded, lambda exc: self.mark_failed(exc))

    def _on_loaded(self, result: tuple[list[to.TimeOffRow], list[tuple[int, str]]]) -> None:
        self.rows, self.people = result
        self.model.set_rows(self.rows)
        self.impact = None
        self.impact_view.setHtml(f"<p style='color:#5a6573'>{tr('Select a request to see what approving it would do to the rota.')}</p>")
        self._set_buttons(None)
        if self.rows:
            self.table.selectRow(0)
        self.mark_loaded()

    def _set_buttons(self, row: to.TimeOffRow | None) -> None:
        self.approve_button.setEnabled(self.may_edit and row is not None and row.status != "approved")
        self.reject_button.setEnabled(self.may_edit and row is not None and row.status != "rejected")

    def current(self) -> to.TimeOffRow | None:
        i = self.table.currentIndex().row()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def _on_row(self, i: int) -> None:
        row = self.rows[i] if 0 <= i < len(self.rows) else None
        self._set_buttons(row)
        if row is None:
            return
        self.impact_view.setHtml(f"<p>{tr('Working out the coverage impact…')}</p>")
        self.ctx.tasks.query(lambda s: to.approval_impact(s, row.id)).success(self.show_impact) \
            .failure(lambda exc: self.impact_view.setHtml(f"<p>{exc}</p>")).run()

    def show_impact(self, impact: to.TimeOffImpact) -> None:
        cur = self.current()
        if cur is None or cur.id != impact.request.id:
            return
        self.impact = impact
        r = impact.request
        html = [f"<h3>{r.person}</h3><p>{' – '.join(span_labels(r.starts_at, r.ends_at))} · {tr(r.kind)}"
                + (f" · {r.reason}" if r.reason else "") + "</p>"]
        for w in impact.weeks:
            head = f"<p><b>{tr('Week of')} {day_label(w.week_start, year=True)}</b>: "
            if w.rota_status is None:
                html.append(head + tr("no rota yet — the solver will plan around approved time off.") + "</p>")
                continue
            rota = tr("draft") if w.rota_status == "draft" else tr("published rota")
            if not w.shifts_hit:
                html.append(head + tr("no shift in the %1 during this time; approving costs no coverage.")
                            .replace("%1", rota) + "</p>")
                continue
            html.append(head + tr("%1 shifts (%2 h) in the %3 would go.").replace("%1", str(w.shifts_hit))
                        .replace("%2", f"{w.hours_lost:g}").replace("%3", rota) + "</p>")
            new = [d for d in w.drops if not d.already_short]
            worse = [d for d in w.drops if d.already_short]
            if new:
                html.append(f"<p style='color:#c62828'><b>{tr('Would drop below the requirement:')}</b></p><ul>")
                html += [f"<li>{slot_range(d.first, d.last)} · {d.skill}: {d.before:g} → {d.after:g} ({tr('need')} {d.required})</li>"
                         for d in new[:30]]
                html.append("</ul>")
            else:
                html.append(f"<p style='color:#2e7d32'>{tr('No interval drops below the requirement.')}</p>")
            if worse:
                html.append(f"<p>{tr('Already short, and shorter still:')}</p><ul>")
                html += [f"<li>{slot_range(d.first, d.last)} · {d.skill}: {d.before:g} → {d.after:g} ({tr('need')} {d.required})</li>"
                         for d in worse[:15]]
                html.append("</ul>")
        self.impact_view.setHtml("".join(html))

    def decide(self, approve: bool) -> None:
        row = self.current()
        if row is None:
            return
        actor = self.ctx.actor

        def done(changes: Changes) -> None:
            self.ctx.bus.operation_did_execute.emit(changes, self)
            self.refresh()

        self.ctx.tasks.command(lambda s: to.decide_time_off(s, actor, row.id, row.version, approve)) \
            .success(done).failure(self.show_error).run()

    def ask_new(self) -> None:
        start = clock.now().astimezone(self.ctx.timezone) + timedelta(days=7)
        dialog = RequestDialog(self.people, start, self)
        self.request_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.create(dialog.person.currentData(), self._aware(dialog.start.dateTime()),
                    self._aware(dialog.end.dateTime()), dialog.kind.currentData(), dialog.reason.text())

    def _aware(self, value: QDateTime) -> datetime:
        d, t = value.date(), value.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.ctx.timezone)

    def create(self, person_id: int, start: datetime, end: datetime, kind: str, reason: str) -> None:
        actor = self.ctx.actor

        def done(result: tuple[int, Changes]) -> None:
            self.ctx.bus.operation_did_execute.emit(result[1], self)
            self.refresh()

        self.ctx.tasks.command(lambda s: to.request_time_off(s, actor, person_id, start, end, kind, reason)) \
            .success(done).failure(self.show_error).run()
