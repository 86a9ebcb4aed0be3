"""Schedule (Ctrl+2): the rota of a week, people grouped by team, with shift times per day,
hourly coverage and who is on shift now. Read-only: rota editing arrives with the optimiser."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QFont, QHideEvent, QShowEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.changes import Changes
from app.schedule.publish import PublishPreview, publish_preview, publish_rota
from app.schedule.week import (
    DRAFT,
    PUBLISHED,
    OnShiftNow,
    RotaWeek,
    RotaWeekSummary,
    current_week_start,
    on_shift_now,
    rota_week,
    rota_weeks,
    week_start_of,
)
from app.security.permissions import allowed
from ui.context import ConsoleContext
from ui.errors import show_error
from ui.schedule.dates import day_label
from ui.schedule.forecast_view import install_forecast_views
from ui.schedule.models import CoverageModel, RotaWeekModel, hhmm, hours_text, qdate, template_color
from ui.schedule.rota_editor import install_editor_views
from ui.workspace import Workspace

ON_SHIFT_REFRESH_MS = 60_000  # shifts start and end on the quarter hour; a minute is close enough


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def bold_label(text: str = "") -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class ScheduleWorkspace(Workspace):
    refresh_on = Changes.SCHEDULE | Changes.PEOPLE

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("workspaces", "Schedule")

    @staticmethod
    def icon_name() -> str:
        return "schedule"

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._week_start: date | None = None  # None: this week
        self.week: RotaWeek | None = None
        self.weeks: list[RotaWeekSummary] = []
        self.on_shift: OnShiftNow | None = None
        self.may_publish = allowed(ctx.actor, "rota.publish")
        self.publish_dialog: QMessageBox | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(ON_SHIFT_REFRESH_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._build()

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        rota_page = QWidget()
        outer = QVBoxLayout(rota_page)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.setSpacing(10)

        header = QHBoxLayout()
        title = QLabel(self.title())
        title.setObjectName("page_title")
        header.addWidget(title)
        header.addSpacing(12)
        self.week_label = QLabel()
        header.addWidget(self.week_label)
        header.addStretch(1)
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.previous_button.setToolTip(self.tr("The week before"))
        self.previous_button.clicked.connect(lambda: self._step_week(-1))
        self.this_week_button = QPushButton(self.tr("This week"))
        self.this_week_button.clicked.connect(self.show_this_week)
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("The week after"))
        self.next_button.clicked.connect(lambda: self._step_week(1))
        self.week_edit = QDateEdit()
        self.week_edit.setCalendarPopup(True)
        self.week_edit.setDisplayFormat("ddd yyyy-MM-dd")
        self.week_edit.setToolTip(self.tr("Pick any day to see its week; weeks with a rota are in bold"))
        self.week_edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.week_edit.dateChanged.connect(self._on_week_edit_date_changed)
        for widget in (self.previous_button, self.this_week_button, self.next_button, self.week_edit):
            header.addWidget(widget)
        outer.addLayout(header)

        status = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("rota_status")
        status.addWidget(self.status_label)
        status.addSpacing(12)
        # only schedulers publish (issue 3); for other roles the button does not exist on screen
        self.publish_button = QPushButton(self.tr("Publish this week…"))
        self.publish_button.setObjectName("publish_button")
        self.publish_button.setToolTip(self.tr("Publish this draft: every desk sees it, the earlier published "
                                               "revision stays as history, and the audit log records it"))
        self.publish_button.clicked.connect(self.ask_publish)
        self.publish_button.hide()
        status.addWidget(self.publish_button)
        status.addStretch(1)
        self.on_shift_label = bold_label()
        status.addWidget(self.on_shift_label)
        outer.addLayout(status)

        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(8)
        self.legend = QLabel()
        self.legend.setObjectName("hint")
        content_layout.addWidget(self.legend)
        self.model = RotaWeekModel(self)
        self.model.modelReset.connect(self._apply_team_spans)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setWordWrap(False)
        header_view = self.view.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header_view.setSectionResizeMode(RotaWeekModel.PERSON, QHeaderView.ResizeMode.Interactive)
        # fixed to the widest figure in the user's language ("45 h" / "45 小时"): contents-sizing let
        # the stretched day columns push it under the scroll bar
        header_view.setSectionResizeMode(RotaWeekModel.HOURS, QHeaderView.ResizeMode.Fixed)
        header_view.resizeSection(RotaWeekModel.HOURS, self.view.fontMetrics().horizontalAdvance(
            hours_text(188.5)) + 28)
        header_view.resizeSection(RotaWeekModel.PERSON, 200)
        header_view.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        content_layout.addWidget(self.view, 1)

        coverage_top = QHBoxLayout()
        coverage_top.addWidget(bold_label(self.tr("Coverage by hour")))
        coverage_top.addSpacing(12)
        note = QLabel(self.tr("Staffed hours in each center-local hour: shift time minus breaks, meetings "
                              "and training (9 people through a 15-minute stand-up give 6.8)."))
        note.setObjectName("hint")
        coverage_top.addWidget(note, 1)
        content_layout.addLayout(coverage_top)
        self.coverage_model = CoverageModel(self)
        self.coverage_view = QTableView()
        self.coverage_view.setModel(self.coverage_model)
        self.coverage_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.coverage_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.coverage_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.coverage_view.horizontalHeader().setMinimumSectionSize(24)
        self.coverage_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.coverage_view.verticalHeader().setDefaultSectionSize(22)
        self.coverage_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.coverage_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.coverage_view.setFixedHeight(7 * 22 + self.coverage_view.horizontalHeader().sizeHint().height() + 4)
        content_layout.addWidget(self.coverage_view)
        self.stack.addWidget(content)

        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_state")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addWidget(self.empty_label)
        self.latest_button = QPushButton()
        self.latest_button.clicked.connect(self._on_latest_button_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.latest_button)
        row.addStretch(1)
        empty_layout.addLayout(row)
        empty_layout.addStretch(2)
        self.stack.addWidget(empty)
        self.tabs = install_forecast_views(self, rota_page)  # Rota | Forecast | Forecast accuracy
        install_editor_views(self, self.tabs)  # ... | Rota editor | Time off

    # --- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        week_start, tz = self._week_start, self.ctx.timezone
        self.load(lambda s: (rota_week(s, week_start, tz=tz), rota_weeks(s), on_shift_now(s, tz=tz)),
                  lambda result: self._on_loaded(*result), self._on_failed)

    def _on_loaded(self, week: RotaWeek, weeks: list[RotaWeekSummary], now: OnShiftNow) -> None:
        self.week, self.weeks = week, weeks
        self._show_week(week, weeks)
        self._show_on_shift(now)
        self.mark_loaded()

    def _on_failed(self, exc: BaseException) -> None:
        self.status_label.setText(self.tr("Could not load the rota: %1").replace("%1", str(exc).splitlines()[0]))
        self.mark_failed(exc)

    # --- showing -------------------------------------------------------------------------------
    def _show_week(self, week: RotaWeek, weeks: list[RotaWeekSummary]) -> None:
        locale = QLocale()
        tz = self.ctx.timezone
        today = clock.now().astimezone(tz).date()
        first, last = week.days[0], week.days[-1]
        self.week_label.setText(self.tr("Week %1 · %2 – %3").replace("%1", str(first.isocalendar().week))
                                .replace("%2", day_label(first, weekday=False))
                                .replace("%3", day_label(last, year=True, weekday=False)))
        with QSignalBlocker(self.week_edit):
            self.week_edit.setDate(qdate(first))
        self._mark_rota_weeks(weeks)
        self.this_week_button.setEnabled(first != current_week_start(tz))

        self._show_publish(week)
        if not week.has_rota:
            self.status_label.setText(self.tr("No rota for this week"))
            self.legend.clear()
            self.model.set_week(week, today)
            self.coverage_model.set_week(week)
            self._show_empty_state(week, weeks)
            return
        self.stack.setCurrentIndex(0)
        if week.status == PUBLISHED:
            when = week.published_at.astimezone(tz) if week.published_at else None
            text = self.tr("Published by %1 on %2 · revision %3").replace("%1", week.published_by or self.tr("unknown")) \
                .replace("%2", f"{locale.toString(qdate(when.date()), QLocale.FormatType.LongFormat)} {hhmm(when)}"
                         if when else self.tr("an unknown date")) \
                .replace("%3", str(week.revision))
            if week.newer_draft_revision:
                text += " · " + self.tr("a draft of revision %1 is in progress").replace(
                    "%1", str(week.newer_draft_revision))
                if not self.may_publish:
                    text += " · " + self.tr("only schedulers publish rotas")
        else:
            text = self.tr("Draft — not yet published (revision %1)").replace("%1", str(week.revision))
            if not self.may_publish:
                text += " · " + self.tr("only schedulers publish rotas")
        self.status_label.setText(text)
        chips = []
        for template in week.templates:
            color = template_color(template.id, template.color).name()
            hours = template.duration_min / 60
            chips.append(f'<span style="color:{color}">&#9632;</span> {template.name} '
                         f'{template.start.strftime("%H:%M")} ({QLocale().toString(hours, "f", 0 if hours.is_integer() else 1)} h)')
        self.legend.setText(self.tr("Shift templates:") + " &nbsp; " + " &nbsp;&nbsp; ".join(chips)
                            if chips else self.tr("Shift times are center-local (%1).").replace("%1", week.timezone))
        self.model.set_week(week, today)
        self.coverage_model.set_week(week)

    # --- publishing (schedulers only) ------------------------------------------------------------------
    def _publish_target(self) -> tuple[int, int | None] | None:
        """(rota id, the version the scheduler sees) of the draft the button publishes; None: nothing."""
        week = self.week
        if week is None or not week.has_rota or not self.may_publish:
            return None
        if week.status == DRAFT and week.rota_id is not None:
            return week.rota_id, week.version
        if week.newer_draft_id is not None:
            return week.newer_draft_id, None  # not on screen: the confirmation shows what it holds
        return None

    def _show_publish(self, week: RotaWeek) -> None:
        target = self._publish_target()
        self.publish_button.setVisible(target is not None)
        if target is not None and week.status != DRAFT:
            self.publish_button.setText(self.tr("Publish draft revision %1…").replace(
                "%1", str(week.newer_draft_revision)))
        else:
            self.publish_button.setText(self.tr("Publish this week…"))

    def ask_publish(self) -> None:
        """Check the draft and ask for confirmation with its shifts, people and hours."""
        target = self._publish_target()
        if target is None:
            return
        rota_id, shown_version = target
        self.publish_button.setEnabled(False)
        self.ctx.tasks.query(lambda s: publish_preview(s, rota_id)) \
            .success(lambda preview: self._confirm_publish(preview, shown_version)) \
            .failure(self._on_publish_failed).run()

    def _confirm_publish(self, preview: PublishPreview | None, shown_version: int | None) -> None:
        self.publish_button.setEnabled(True)
        if preview is None:
            self.refresh()
            return
        locale = QLocale()
        first, last = preview.week_start, preview.week_start + timedelta(days=6)
        span = self.tr("%1 – %2").replace("%1", day_label(first, weekday=False)) \
            .replace("%2", day_label(last, year=True, weekday=False))
        box = QMessageBox(self)
        box.setObjectName("publish_dialog")
        box.setWindowTitle(self.tr("Publish the rota"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if not preview.can_publish:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(self.tr("The rota for %1 cannot be published yet.").replace("%1", span))
            box.setInformativeText("\n".join(preview.problems))
            box.setStandardButtons(QMessageBox.StandardButton.Close)
        else:
            box.setIcon(QMessageBox.Icon.Question)
            box.setText(self.tr("Publish the rota for %1?").replace("%1", span))
            hours = locale.toString(preview.hours, "f", 0 if preview.hours.is_integer() else 1)
            lines = [self.tr("%1 shifts · %2 people · %3 hours").replace("%1", locale.toString(preview.shifts))
                     .replace("%2", locale.toString(preview.people)).replace("%3", hours)]
            if preview.previous_revision:
                lines.append(self.tr("It becomes revision %1; revision %2 stays as history.")
                             .replace("%1", str(preview.next_revision)).replace("%2", str(preview.previous_revision)))
            else:
                lines.append(self.tr("It becomes revision %1.").replace("%1", str(preview.next_revision)))
            lines.append(self.tr("Every desk sees it at once, and the audit log records it."))
            box.setInformativeText("\n".join(lines))
            publish = box.addButton(self.tr("Publish"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(publish)
            version = shown_version if shown_version is not None else preview.version
            publish.clicked.connect(lambda: self.publish(preview.rota_id, version))
        self.publish_dialog = box
        box.open()

    def publish(self, rota_id: int, version: int) -> None:
        actor = self.ctx.actor
        self.publish_button.setEnabled(False)
        self.ctx.tasks.command(lambda s: publish_rota(s, actor, rota_id, version)) \
            .success(self._on_published).failure(self._on_publish_failed).run()

    def _on_published(self, changes: Changes) -> None:
        self.publish_button.setEnabled(True)
        self.ctx.bus.operation_did_execute.emit(changes, self)

    def _on_publish_failed(self, exc: BaseException) -> None:
        self.publish_button.setEnabled(True)
        show_error(self, exc, on_reload=self.refresh)

    def _show_empty_state(self, week: RotaWeek, weeks: list[RotaWeekSummary]) -> None:
        nearest = min(weeks, key=lambda w: (abs((w.week_start - week.week_start).days), w.week_start),
                      default=None)
        self.empty_label.setText(self.tr(
            "No rota for this week yet — a scheduler builds and publishes it here; "
            "`floorwalker demo` creates a demo center with a published rota for the current week."))
        if nearest is None:
            self.latest_button.hide()
        else:
            self.latest_button.setText(self.tr("Go to the rota of the week of %1")
                                       .replace("%1", day_label(nearest.week_start, year=True, weekday=False)))
            self.latest_button.setProperty("week", nearest.week_start.isoformat())
            self.latest_button.show()
        self.stack.setCurrentIndex(1)

    def _show_on_shift(self, now: OnShiftNow) -> None:
        self.on_shift = now
        self.on_shift_label.setText(self.tr("On shift now: %1").replace("%1", QLocale().toString(len(now.people))))
        if now.people:
            lines = [f"{p.name} ({p.team or self.tr('no team')}) {self.tr('until')} {hhmm(p.shift_end)}"
                     + (f" — {p.activity}" if p.activity else "") for p in now.people]
            self.on_shift_label.setToolTip(
                self.tr("%1 working, %2 on a break, meeting or training").replace("%1", str(now.working))
                .replace("%2", str(len(now.people) - now.working)) + "\n\n" + "\n".join(lines))
        else:
            self.on_shift_label.setToolTip(self.tr("Nobody is on shift by the published rota right now."))

    def _apply_team_spans(self) -> None:
        self.view.clearSpans()
        for row in self.model.team_rows():
            self.view.setSpan(row, 0, 1, self.model.columnCount())

    def _mark_rota_weeks(self, weeks: list[RotaWeekSummary]) -> None:
        calendar = self.week_edit.calendarWidget()
        calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear earlier marks
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        for w in weeks:
            for i in range(7):
                calendar.setDateTextFormat(qdate(w.week_start + timedelta(days=i)), bold)

    # --- navigation ----------------------------------------------------------------------------
    @property
    def shown_week(self) -> date:
        return self._week_start or current_week_start(self.ctx.timezone)

    def show_week(self, day: date | None) -> None:
        """Show the week holding ``day`` (None: this week, following the calendar)."""
        week = week_start_of(day) if day else None
        self._week_start = None if week == current_week_start(self.ctx.timezone) else week
        self.refresh()

    def show_this_week(self) -> None:
        self.show_week(None)

    def _step_week(self, step: int) -> None:
        self.show_week(self.shown_week + timedelta(days=7 * step))

    def _on_week_edit_date_changed(self, value: QDate) -> None:
        self.show_week(pydate(value))

    def _on_latest_button_clicked(self) -> None:
        week = self.latest_button.property("week")
        if week:
            self.show_week(date.fromisoformat(week))

    # --- on shift now: a light query every minute while visible --------------------------------
    def _on_timer_timeout(self) -> None:
        tz = self.ctx.timezone
        self.ctx.tasks.query(lambda s: on_shift_now(s, tz=tz)).success(self._show_on_shift) \
            .failure(lambda exc: None).run()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self._timer.stop()
