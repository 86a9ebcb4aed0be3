"""Live (Ctrl+1): the floor now and the center-local day.

Following today it shows the floor as the feed sees it (ui/live/now.py: live tiles with
thresholds, feed health, SIMULATED badge, live charts, agents in their live states, alerts,
the wallboard) above the day's figures from stored history; a past day shows the history only
— headline tiles, offered vs answered per 15 minutes, agents by state and figures per queue."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.i18n import TRANSLATION_CONTEXT
from app.live.history import (
    AVAILABLE,
    LOGGED_OUT,
    PAUSED,
    STATE_LABELS,
    LiveDay,
    VolumeFilter,
    live_day,
    local_today,
)
from ui.context import ConsoleContext
from ui.live.formatting import count, duration, pause_reason, percent, section_title
from ui.live.models import SORT_ROLE, AgentStateModel, QueueFiguresModel, channel_label
from ui.live.now import FloorNowPanel
from ui.live.tiles import DetailHeights, KpiTile
from ui.widgets.labels import ElidedLabel, WrappingLabel
from ui.workspace import Workspace

if TYPE_CHECKING:
    from ui.live.chart import VolumeChart

REFRESH_MS = 60_000  # a gentle poll while visible; changes from other desks also refresh at once


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class LiveWorkspace(Workspace):
    refresh_on = Changes.INTERACTIONS | Changes.AGENT_STATES | Changes.QUEUES | Changes.PEOPLE

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("workspaces", "Live")

    @staticmethod
    def icon_name() -> str:
        return "live"

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._day: date | None = None  # None: follow today
        self._filter = VolumeFilter()
        self.data: LiveDay | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._build()

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.setSpacing(10)
        self.now = FloorNowPanel(self.ctx, self)
        self.now.did_poll.connect(self._on_now_did_poll)

        header = QHBoxLayout()
        title = QLabel(self.title())
        title.setObjectName("page_title")
        header.addWidget(title)
        self.day_label = ElidedLabel()  # beside the date field, which says the day too: cut first
        self.day_label.setObjectName("day_label")
        header.addSpacing(12)
        header.addWidget(self.day_label)
        header.addSpacing(12)
        header.addWidget(self.now.sim_badge)
        header.addStretch(1)
        self.previous_button = QToolButton()
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip(self.tr("Previous day"))
        self.previous_button.clicked.connect(lambda: self._step_day(-1))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd yyyy-MM-dd")
        self.date_edit.setToolTip(self.tr("Look at a past day"))
        self.date_edit.dateChanged.connect(self._on_date_edit_date_changed)
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Next day"))
        self.next_button.clicked.connect(lambda: self._step_day(1))
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.clicked.connect(self.show_today)
        self.filter_combo = QComboBox()
        self.filter_combo.setMinimumContentsLength(16)
        self.filter_combo.setToolTip(self.tr("Volume, tiles and chart for all queues, one channel or one queue"))
        self.filter_combo.addItem(self.tr("All queues"), "")
        self.filter_combo.currentIndexChanged.connect(self._on_filter_combo_current_index_changed)
        for widget in (self.previous_button, self.date_edit, self.next_button, self.today_button):
            header.addWidget(widget)
        header.addSpacing(12)
        header.addWidget(self.filter_combo)
        header.addSpacing(12)
        header.addWidget(self.now.rules_button)
        header.addWidget(self.now.wallboard_button)
        outer.addLayout(header)

        self.source_label = WrappingLabel()  # one line when it fits, wrapped (not cut) when it does not
        self.source_label.setObjectName("hint")
        source_row = QHBoxLayout()  # where the figures come from, and the feed's health at the right
        source_row.addWidget(self.source_label, 1)
        source_row.addSpacing(12)
        source_row.addWidget(self.now.feed_indicator)
        outer.addLayout(source_row)
        outer.addWidget(self.now.stale_banner)
        outer.addWidget(self.now.tiles_widget)

        tiles = QGridLayout()
        tiles.setSpacing(10)
        self.tile_offered = KpiTile(self.tr("Offered"))
        self.tile_answered = KpiTile(self.tr("Answered"))
        self.tile_abandoned = KpiTile(self.tr("Abandoned"))
        self.tile_service_level = KpiTile(self.tr("Service level"))
        self.tile_asa = KpiTile(self.tr("Avg speed of answer"))
        self.tile_longest = KpiTile(self.tr("Longest wait"))
        self.tiles = [self.tile_offered, self.tile_answered, self.tile_abandoned, self.tile_service_level,
                      self.tile_asa, self.tile_longest]
        for i, tile in enumerate(self.tiles):
            tiles.addWidget(tile, 0, i)
        self.tile_heights = DetailHeights(self.tiles, self)  # wrapped captions and details: one height per row
        outer.addLayout(tiles)

        self.empty_state = QWidget()
        empty_layout = QHBoxLayout(self.empty_state)
        empty_layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_state")
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.latest_button = QPushButton()
        self.latest_button.clicked.connect(self._on_latest_button_clicked)
        empty_layout.addWidget(self.empty_label, 1)
        empty_layout.addWidget(self.latest_button)
        self.empty_state.hide()
        outer.addWidget(self.empty_state)

        # chart and agents side by side; the per-queue table full width underneath
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.setChildrenCollapsible(False)
        # the chart is built on first use: pyqtgraph takes ~0.3 s to import, which would
        # otherwise delay the first appearance of the main window
        self._chart: VolumeChart | None = None
        self.chart_slot = QWidget()
        chart_layout = QVBoxLayout(self.chart_slot)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_tabs = QTabWidget()
        self.chart_tabs.setDocumentMode(True)
        self.chart_tabs.addTab(self.now.charts_slot, self.tr("Floor now"))
        self.chart_tabs.addTab(self.chart_slot, self.tr("Day per 15 minutes"))
        top.addWidget(self.chart_tabs)

        agents_box = QWidget()
        agents_layout = QVBoxLayout(agents_box)
        agents_layout.setContentsMargins(8, 0, 0, 0)
        agents_top = QHBoxLayout()
        self.agents_title = section_title(self.tr("Agents now"))
        agents_top.addWidget(self.agents_title)
        agents_top.addStretch(1)
        self.show_logged_out = QCheckBox(self.tr("Show logged-out agents"))
        self.show_logged_out.toggled.connect(self._on_show_logged_out_toggled)
        agents_top.addWidget(self.show_logged_out)
        agents_layout.addLayout(agents_top)
        self.state_counts = QLabel()
        self.state_counts.setWordWrap(True)
        agents_layout.addWidget(self.state_counts)
        self.agents_empty = QLabel()
        self.agents_empty.setObjectName("empty_state")
        self.agents_empty.setWordWrap(True)
        self.agents_empty.hide()
        agents_layout.addWidget(self.agents_empty)
        self.agent_model = AgentStateModel(self)
        self.agent_model.modelReset.connect(self._update_agents_empty)
        self.agent_view = self._table(self.agent_model, AgentStateModel.TIME_IN_STATE)
        # following today: the agents as the feed sees them (on call, wrap-up...); a past day: history
        self.agent_stack = QStackedWidget()
        self.agent_stack.addWidget(self.agent_view)
        self.agent_stack.addWidget(self.now.agent_view)
        agents_layout.addWidget(self.agent_stack, 1)
        top.addWidget(agents_box)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setSizes([600, 400])
        splitter.addWidget(top)

        queues_box = QWidget()
        queues_layout = QVBoxLayout(queues_box)
        queues_layout.setContentsMargins(0, 6, 0, 0)
        queues_top = QHBoxLayout()
        queues_top.addWidget(section_title(self.tr("Queues")))
        queues_top.addSpacing(12)
        self.queue_note = QLabel(self.tr("Service level (SL): answered within the queue's target ÷ offered, "
                                         "abandoned contacts included. ASA: average speed of answer."))
        self.queue_note.setObjectName("hint")
        queues_top.addWidget(self.queue_note, 1)
        queues_layout.addLayout(queues_top)
        self.queue_model = QueueFiguresModel(self)
        self.queue_view = self._table(self.queue_model, QueueFiguresModel.OFFERED)
        header = self.queue_view.horizontalHeader()
        for i, col in enumerate(QueueFiguresModel.LIVE_COLUMNS):
            header.moveSection(header.visualIndex(col), 1 + i)
        queues_layout.addWidget(self.queue_view, 1)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.setChildrenCollapsible(False)
        bottom.addWidget(queues_box)
        self.alerts_box = QWidget()
        alerts_layout = QVBoxLayout(self.alerts_box)
        alerts_layout.setContentsMargins(8, 6, 0, 0)
        alerts_layout.addWidget(section_title(self.tr("Alerts")))
        alerts_layout.addWidget(self.now.alert_view, 1)
        bottom.addWidget(self.alerts_box)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        bottom.setSizes([600, 400])
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 260])
        outer.addWidget(splitter, 1)

    def _table(self, model: AgentStateModel | QueueFiguresModel, sort_column: int) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view = QTableView()
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder if sort_column else Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(26)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if isinstance(model, QueueFiguresModel):
            view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        else:  # names first, whole; the last column takes what is left
            view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(False)
        return view

    # --- loading -------------------------------------------------------------------------------
    @property
    def chart(self) -> VolumeChart:
        if self._chart is None:
            from ui.live.chart import VolumeChart

            self._chart = VolumeChart()
            self.chart_slot.layout().addWidget(self._chart)
        return self._chart

    def reload(self) -> None:
        day, flt, tz = self._day, self._filter, self.ctx.timezone
        self.load(lambda s: live_day(s, day, tz=tz, flt=flt), self._on_loaded, self._on_failed)

    def _on_loaded(self, result: LiveDay) -> None:
        self.data = result
        self._show(result)
        self.mark_loaded()

    def _on_failed(self, exc: BaseException) -> None:
        self.source_label.setText(self.tr("Could not load the figures: %1").replace("%1", str(exc).splitlines()[0]))
        self.mark_failed(exc)

    # --- showing -------------------------------------------------------------------------------
    def _show(self, d: LiveDay) -> None:
        tz = self.ctx.timezone
        locale = QLocale()
        today = local_today(tz)
        with QSignalBlocker(self.date_edit):
            self.date_edit.setMaximumDate(qdate(today))
            self.date_edit.setDate(qdate(d.window.day))
        self.next_button.setEnabled(d.window.day < today)
        self.today_button.setEnabled(not d.is_today)
        self._fill_filter_combo(d)
        day_text = locale.toString(qdate(d.window.day), QLocale.FormatType.LongFormat)
        self.day_label.setText(self.tr("Today, %1").replace("%1", day_text) if d.is_today else day_text)
        self._show_live_parts(d.is_today)
        self._show_source(d)

        t = d.totals
        self.tile_offered.set_value(count(t.offered), self.tr("contacts offered"))
        self.tile_answered.set_value(
            count(t.answered),
            self.tr("%1 of offered").replace("%1", percent(t.answered / t.offered)) if t.offered else "")
        self.tile_abandoned.set_value(
            count(t.abandoned),
            self.tr("abandon rate %1").replace("%1", percent(t.abandon_rate)) if t.offered else "")
        target = d.target_service_level
        self.tile_service_level.set_value(
            percent(t.service_level),
            self.tr("target %1").replace("%1", percent(target, 0)) if target is not None
            else self.tr("within each queue's target"),
            self.tr("%1 of %2 offered contacts answered within their queue's target time")
            .replace("%1", count(t.answered_in_target)).replace("%2", count(t.offered)))
        asa_by_channel, longest_by_channel = self._by_channel(d)
        if d.filter.is_everything:  # email and social are answered asynchronously: left out here
            asa_detail = self.tr("phone, chat and on-site")
            longest_detail = self.tr("phone, chat and on-site, answered or not")
        else:
            asa_detail = self.tr("mean wait of answered contacts")
            longest_detail = self.tr("answered or not")
        self.tile_asa.set_value(duration(t.asa_sec), asa_detail, asa_by_channel)
        self.tile_longest.set_value(duration(t.longest_wait_sec), longest_detail, longest_by_channel)

        self.chart.set_day(d.window.start, tz, d.intervals, d.as_of, d.is_today)
        self._show_empty_state(d)

        self.agent_model.set_board(d.agents, tz)
        if d.is_today:
            self.agents_title.setText(self.tr("Agents now"))
        else:
            self.agents_title.setText(self.tr("Agents at the end of the day"))
        label = {s: QCoreApplication.translate(TRANSLATION_CONTEXT, STATE_LABELS[s]) for s in STATE_LABELS}
        parts = [f"{label[AVAILABLE]}: <b>{count(d.agents.count(AVAILABLE))}</b>",
                 f"{label[PAUSED]}: <b>{count(d.agents.count(PAUSED))}</b>"]
        reasons = d.agents.pause_reasons
        if reasons:
            parts[-1] += " (" + ", ".join(
                f"{pause_reason(reason) or self.tr('no reason')} {count(n)}" for reason, n in reasons) + ")"
        parts.append(f"{label[LOGGED_OUT]}: <b>{count(d.agents.count(LOGGED_OUT))}</b>")
        self.state_counts.setText("  ·  ".join(parts))
        self.queue_model.set_rows(d.queues)

    def _show_source(self, d: LiveDay) -> None:
        """Where the figures come from (the live feed's state is known after the first poll)."""
        as_of = d.as_of.astimezone(self.ctx.timezone).strftime("%H:%M")
        feed = self.now.floor.feed.status if self.now.floor is not None else "none"
        if d.is_today and feed != "none":
            self.source_label.setText(self.tr(
                "Live tiles, charts and agents from the contact-center feed, every 2 s. Day figures below: "
                "contacts offered since midnight up to %1 (%2), from stored history.")
                .replace("%1", as_of).replace("%2", d.window.timezone))
        elif d.is_today:
            self.source_label.setText(self.tr(
                "From stored history: contacts offered since midnight up to %1 (%2), refreshed every minute. "
                "A live queue feed is not connected.").replace("%1", as_of).replace("%2", d.window.timezone))
        else:
            self.source_label.setText(self.tr("From stored history: the whole day, %1.")
                                      .replace("%1", d.window.timezone))

    def _on_now_did_poll(self) -> None:
        if self.data is not None:
            self._show_source(self.data)
        if self.now.floor is not None and self._day is None:
            self.queue_model.set_live(self.now.floor.queues)

    def _show_live_parts(self, is_today: bool) -> None:
        """The live parts belong to today; a past day shows its history only."""
        self.now.tiles_widget.setVisible(is_today)
        self.now.wallboard_button.setEnabled(True)
        self.chart_tabs.setTabEnabled(0, is_today)
        if not is_today:
            self.chart_tabs.setCurrentIndex(1)
            self.now.stale_banner.hide()
        self.agent_stack.setCurrentIndex(1 if is_today else 0)
        self.state_counts.setVisible(not is_today)
        self.alerts_box.setVisible(is_today)
        for col in QueueFiguresModel.LIVE_COLUMNS:
            self.queue_view.setColumnHidden(col, not is_today)
        # following today the live columns stand next to the queue's name; the channel is in its name
        self.queue_view.setColumnHidden(QueueFiguresModel.CHANNEL, is_today)

    def _by_channel(self, d: LiveDay) -> tuple[str, str]:
        """Tooltips breaking ASA and longest wait down by channel (email waits hours, phone seconds)."""
        answered: dict[str, int] = {}
        waited: dict[str, float] = {}
        longest: dict[str, float] = {}
        for q in d.queues:
            if (d.filter.channel and q.channel != d.filter.channel) or \
                    (d.filter.queue_id and q.queue_id != d.filter.queue_id):
                continue
            fig = q.figures
            if fig.answered and fig.asa_sec is not None:
                answered[q.channel] = answered.get(q.channel, 0) + fig.answered
                waited[q.channel] = waited.get(q.channel, 0.0) + fig.asa_sec * fig.answered
            if fig.longest_wait_sec is not None:
                longest[q.channel] = max(longest.get(q.channel, 0.0), fig.longest_wait_sec)
        asa = "\n".join(f"{channel_label(c)}: {duration(waited[c] / n)}" for c, n in answered.items())
        worst = "\n".join(f"{channel_label(c)}: {duration(w)}" for c, w in longest.items())
        return asa, worst

    def _show_empty_state(self, d: LiveDay) -> None:
        if d.totals.offered:
            self.empty_state.hide()
            return
        if d.latest_offered_at is None:
            self.empty_label.setText(self.tr(
                "No interactions yet — run `floorwalker demo` to build a demo center, or import your "
                "platform's call history."))
            self.latest_button.hide()
        else:
            latest = d.latest_offered_at.astimezone(self.ctx.timezone).date()
            when = QLocale().toString(qdate(latest), QLocale.FormatType.LongFormat)
            scope = self.tr(" for this selection") if self._filter != VolumeFilter() else ""
            self.empty_label.setText(self.tr("No contacts offered on this day%1 so far. The latest stored "
                                             "interaction is on %2.").replace("%1", scope).replace("%2", when))
            self.latest_button.setText(self.tr("Go to %1").replace("%1", when))
            self.latest_button.setProperty("day", latest.isoformat())
            self.latest_button.setVisible(latest != d.window.day)
        self.empty_state.show()

    def _fill_filter_combo(self, d: LiveDay) -> None:
        wanted = [("", "")] + [(f"channel:{c}", channel_label(c)) for c in d.channels] + \
            [(f"queue:{q.id}", f"{q.name} ({channel_label(q.channel)})") for q in d.queue_options]
        have = [self.filter_combo.itemData(i) for i in range(self.filter_combo.count())]
        if have == [key for key, _ in wanted]:
            return
        current = self.filter_combo.currentData()
        with QSignalBlocker(self.filter_combo):
            self.filter_combo.clear()
            self.filter_combo.addItem(self.tr("All queues"), "")
            for key, text in wanted[1:]:
                if key.startswith("channel:"):
                    text = self.tr("All %1 queues").replace("%1", text.lower())
                self.filter_combo.addItem(text, key)
            index = self.filter_combo.findData(current)
            self.filter_combo.setCurrentIndex(max(index, 0))

    # --- navigation ----------------------------------------------------------------------------
    @property
    def shown_day(self) -> date:
        return self._day or local_today(self.ctx.timezone)

    def show_day(self, day: date | None) -> None:
        """Look at ``day`` (None or today: follow today, with the minute timer)."""
        today = local_today(self.ctx.timezone)
        self._day = None if day is None or day >= today else day
        self._update_timer()
        self.refresh()

    def show_today(self) -> None:
        self.show_day(None)

    def _step_day(self, step: int) -> None:
        self.show_day(date.fromordinal(self.shown_day.toordinal() + step))

    def _on_date_edit_date_changed(self, value: QDate) -> None:
        self.show_day(pydate(value))

    def _on_latest_button_clicked(self) -> None:
        day = self.latest_button.property("day")
        if day:
            self.show_day(date.fromisoformat(day))

    def _on_filter_combo_current_index_changed(self, _index: int) -> None:
        kind, _sep, value = str(self.filter_combo.currentData() or "").partition(":")
        if kind == "channel":
            self._filter = VolumeFilter(channel=value)
        elif kind == "queue":
            self._filter = VolumeFilter(queue_id=int(value))
        else:
            self._filter = VolumeFilter()
        self.refresh()

    def _on_show_logged_out_toggled(self, checked: bool) -> None:
        self.agent_model.set_show_logged_out(checked)
        self.now.agent_model.set_show_logged_out(checked)

    def _update_agents_empty(self) -> None:
        if self.agent_model.rowCount() or self.data is None:
            self.agents_empty.hide()
            return
        if not self.data.agents.agents:
            text = self.tr("No agents on record yet — add people in Admin or run `floorwalker demo`.")
        elif self.data.is_today:
            text = self.tr("No agent is logged in right now.")
        else:
            text = self.tr("No agent was logged in at the end of this day.")
        self.agents_empty.setText(text)
        self.agents_empty.show()

    # --- the gentle timer: only while visible and following today ------------------------------
    def _update_timer(self) -> None:
        if self._visible and self._day is None:
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
        self.now.set_active(self._visible and self._day is None)

    def _on_timer_timeout(self) -> None:
        if not self.loading:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._update_timer()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self._update_timer()
