"""Rota editor ▸ Re-plan the rest of the day… (R-SCH-5): the scheduler picks the day, the time and
who went home sick; the re-plan runs in a worker (``app.schedule.replan.propose_replan``); the
proposal is shown for review — who is sent home, who is called in, overtime, moved breaks, the
shortfall left — and only *Apply* writes it (one undoable, audited edit of the draft)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.rota.model import DAY_SLOTS, SLOT_MIN
from app.schedule import editing as ed
from app.schedule.replan import ReplanChange, ReplanProposal
from ui.schedule.dates import day_label, long_day_label, weekday_name
from ui.schedule.rota_grid import ACTIVITY_NAMES
from ui.schedule.rota_grid import span_text as grid_span


def tr(text: str) -> str:
    return QCoreApplication.translate("replan", text)


def hm(slot: int) -> str:
    m = (slot % DAY_SLOTS) * SLOT_MIN
    return f"{m // 60:02d}:{m % 60:02d}"


def slot_day_time(week_start: date, slot: int) -> str:
    """``Tue 24 Nov 10:00`` for a week slot."""
    return f"{day_label(week_start + timedelta(days=slot // DAY_SLOTS))} {hm(slot)}"


def span_text(spec: ed.ShiftSpec | None, day: int, breaks: bool = False) -> str:
    """The shift's times (``15:00–24:00``; another day's shift with its weekday); with ``breaks``, its
    breaks instead (``break 18:00–18:30``)."""
    if spec is None:
        return "—"
    if breaks:
        return ", ".join(f"{tr(ACTIVITY_NAMES.get(k, k))} {hm(a)}–{hm(b)}" for k, a, b in spec.activities) or "—"
    text = grid_span(spec.start, spec.start + spec.slots)
    if spec.start // DAY_SLOTS != day:
        text = f"{weekday_name(spec.start // DAY_SLOTS)} {text}"
    return text


def hours_text(minutes: int) -> str:
    return tr("%1 h").replace("%1", f"{minutes / 60:.2f}".rstrip("0").rstrip("."))


KIND_TEXT = {
    "sent_home": QT_TRANSLATE_NOOP("replan", "Goes home sick"),
    "removed": QT_TRANSLATE_NOOP("replan", "Shift removed (sick)"),
    "called_in": QT_TRANSLATE_NOOP("replan", "Called in (R-SCH-5)"),
    "overtime": QT_TRANSLATE_NOOP("replan", "Overtime"),
    "breaks": QT_TRANSLATE_NOOP("replan", "Break moved"),
}
STATUS_TEXT = {
    "optimal": QT_TRANSLATE_NOOP("replan", "optimal"),
    "feasible": QT_TRANSLATE_NOOP("replan", "the best found in the time limit"),
}


class ReplanDialog(QDialog):
    """Day, time and the sick agents; *Re-plan* starts the worker (the editor does)."""

    def __init__(self, week: ed.EditorWeek, day: int, at_min: int, sick_by_day: dict[int, list[int]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replan_dialog")
        self.setWindowTitle(tr("Re-plan the rest of the day"))
        self.week = week
        self.sick_by_day = sick_by_day
        self._ticked: dict[int, set[int]] = {d: set(ids) for d, ids in sick_by_day.items()}
        outer = QVBoxLayout(self)
        intro = QLabel(tr("Agents went home sick? Everything before the time you give stays as it is. For the "
                          "rest of the day the re-plan moves breaks that have not started, offers overtime and calls "
                          "in agents who are off (R-SCH-5), keeping 11 h rest and a day off. Nothing is saved until "
                          "you have reviewed the proposal and pressed Apply."))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        outer.addWidget(intro)
        form = QFormLayout()
        self.day_combo = QComboBox()
        for d in range(7):
            self.day_combo.addItem(long_day_label(week.week_start + timedelta(days=d)), d)
        self.day_combo.setCurrentIndex(day)
        form.addRow(tr("Day"), self.day_combo)
        self.time_edit = QTimeEdit(QTime(at_min // 60, at_min % 60))
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setCurrentSection(QTimeEdit.Section.MinuteSection)
        self.time_edit.setToolTip(tr("The re-plan starts at this quarter hour; earlier times are rounded down"))
        form.addRow(tr("From"), self.time_edit)
        self.limit = QSpinBox()
        self.limit.setRange(2, 120)
        self.limit.setValue(8)
        self.limit.setSuffix(" " + tr("s"))
        self.limit.setToolTip(tr("How long the optimiser may search (usually done in a second or two)"))
        form.addRow(tr("Time limit"), self.limit)
        outer.addLayout(form)
        top = QHBoxLayout()
        top.addWidget(QLabel("<b>" + tr("Who went home sick?") + "</b>"))
        top.addStretch(1)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Find an agent"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        top.addWidget(self.filter)
        outer.addLayout(top)
        self.people = QListWidget()
        self.people.setObjectName("replan_people")
        self.people.setMinimumHeight(260)
        self.people.itemChanged.connect(self._on_item_changed)
        outer.addWidget(self.people, 1)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        outer.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Re-plan"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.day_combo.currentIndexChanged.connect(lambda _i: self._fill())
        self._fill()
        self.resize(560, 640)

    @property
    def day(self) -> int:
        return int(self.day_combo.currentData())

    @property
    def at_min(self) -> int:
        t = self.time_edit.time()
        return t.hour() * 60 + t.minute() // SLOT_MIN * SLOT_MIN

    @property
    def time_limit(self) -> float:
        return float(self.limit.value())

    def sick(self) -> list[int]:
        return sorted(self._ticked.get(self.day, set()))

    def set_sick(self, ids: list[int]) -> None:
        self._ticked[self.day] = set(ids)
        self._fill()

    def _fill(self) -> None:
        day = self.day
        lo, hi = day * DAY_SLOTS, (day + 1) * DAY_SLOTS
        ticked = self._ticked.setdefault(day, set())
        marked = set(self.sick_by_day.get(day, []))
        working = {}
        for s in self.week.shifts:
            if s.start < hi and s.end > lo:
                working.setdefault(s.person_id, []).append(s)
        self.people.blockSignals(True)
        self.people.clear()
        order = sorted(self.week.agents, key=lambda a: (a.id not in ticked and a.id not in working, a.name))
        for a in order:
            mine = working.get(a.id)
            if mine:
                when = ", ".join(grid_span(s.start, s.end) for s in sorted(mine, key=lambda s: s.start))
            elif a.id in marked:
                when = tr("marked sick")
            else:
                continue  # off that day and not sick: nothing to take away
            item = QListWidgetItem(f"{a.name}  ·  {a.team or '—'}  ·  {when}")
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if a.id in ticked else Qt.CheckState.Unchecked)
            if a.id in marked:
                item.setToolTip(tr("Marked sick for this day (time off or Mark sick in the editor)"))
            self.people.addItem(item)
        self.people.blockSignals(False)
        self._apply_filter(self.filter.text())
        self._update()

    def _apply_filter(self, text: str) -> None:
        text = text.strip().lower()
        for i in range(self.people.count()):
            item = self.people.item(i)
            item.setHidden(bool(text) and text not in item.text().lower())

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        pid = int(item.data(Qt.ItemDataRole.UserRole))
        ticked = self._ticked.setdefault(self.day, set())
        if item.checkState() == Qt.CheckState.Checked:
            ticked.add(pid)
        else:
            ticked.discard(pid)
        self._update()

    def _update(self) -> None:
        n = len(self._ticked.get(self.day, ()))
        self.summary.setText(tr("%1 agents ticked").replace("%1", str(n)) if n else
                             tr("Tick the agents who went home sick."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(n > 0)


class ReplanReview(QDialog):
    """The proposal, for review: accept applies it, reject discards it."""

    def __init__(self, proposal: ReplanProposal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replan_review")
        self.proposal = p = proposal
        self.setWindowTitle(tr("Re-plan proposal"))
        outer = QVBoxLayout(self)
        day = p.week_start + timedelta(days=p.day)
        title = QLabel("<b>" + tr("Re-plan of %1 from %2").replace("%1", long_day_label(day))
                       .replace("%2", hm(p.from_slot)) + "</b>")
        outer.addWidget(title)
        called = p.of_kind("called_in")
        rows = [
            (tr("Sent home sick"), ", ".join(n for _pid, n in p.sick) or "—"),
            (tr("Called in"), tr("%1 agents").replace("%1", str(len(called))) if called else tr("nobody")),
            (tr("Overtime"), hours_text(p.overtime_min) if p.overtime_min else tr("none")),
            (tr("Breaks moved"), str(len(p.of_kind("breaks")))),
            (tr("Shortfall for the rest of the day"),
             tr("%1 → %2 agent-hours (without → with the re-plan)")
             .replace("%1", f"{p.short_before * SLOT_MIN / 60:g}").replace("%2", f"{p.short_after * SLOT_MIN / 60:g}")),
        ]
        figures = QLabel("<table cellspacing=3>" + "".join(
            f"<tr><td>{k}</td><td style='padding-left:14px'><b>{v}</b></td></tr>" for k, v in rows) + "</table>")
        figures.setTextFormat(Qt.TextFormat.RichText)
        figures.setObjectName("replan_figures")
        outer.addWidget(figures)
        if p.short_runs:
            left = "; ".join(
                tr("%1: %2–%3 (%4 agent-hours)").replace("%1", r.skill).replace("%2", hm(r.first))
                .replace("%3", hm(r.last + 1)).replace("%4", f"{r.missing * SLOT_MIN / 60:g}")
                for r in p.short_runs[:8])
            more = tr(" and %1 more").replace("%1", str(len(p.short_runs) - 8)) if len(p.short_runs) > 8 else ""
            short = QLabel(tr("Still short after calling in everyone allowed: %1").replace("%1", left + more))
            short.setWordWrap(True)
            short.setObjectName("replan_short")
            short.setStyleSheet("color: #c62828")
            outer.addWidget(short)
        else:
            ok = QLabel(tr("Every interval of the rest of the day meets its requirement."))
            ok.setObjectName("replan_short")
            ok.setStyleSheet("color: #2e7d32")
            outer.addWidget(ok)
        self.table = QTableWidget(len(p.changes), 4)
        self.table.setObjectName("replan_changes")
        self.table.setHorizontalHeaderLabels([tr("Agent"), tr("Change"), tr("Before"), tr("After")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        for i, c in enumerate(p.changes):
            moved = c.kind == "breaks"
            for j, text in enumerate((c.name, self.change_text(c), span_text(c.old, p.day, moved),
                                      span_text(c.new, p.day, moved))):
                self.table.setItem(i, j, QTableWidgetItem(text))
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setStretchLastSection(True)
        outer.addWidget(self.table, 1)
        if not p.changes:
            outer.addWidget(QLabel(tr("The re-plan changes nothing.")))
        foot = QLabel(tr("Solved in %1 s (%2). Apply writes these changes to the draft as one edit: "
                         "Ctrl+Z undoes it, and the audit log records it.")
                      .replace("%1", f"{p.seconds:.1f}").replace("%2", tr(STATUS_TEXT.get(p.status, p.status))))
        foot.setWordWrap(True)
        foot.setObjectName("hint")
        outer.addWidget(foot)
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(tr("Discard"), QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.setEnabled(bool(p.changes))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.resize(720, 560)

    @staticmethod
    def change_text(c: ReplanChange) -> str:
        text = tr(KIND_TEXT[c.kind])
        if c.kind == "overtime" and c.overtime_min:
            text += " " + tr("+%1 min").replace("%1", str(c.overtime_min))
        return text

