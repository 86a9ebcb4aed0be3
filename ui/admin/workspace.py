"""The Admin workspace: people, teams, queues, rule values and the audit log; edits are audited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.admin.audit_log import AuditLine, audit_lines
from app.admin.overview import AdminOverview, admin_overview
from app.admin.people import TeamRow
from app.admin.rules import update_rule
from app.changes import Changes
from app.jobs.runner import set_paused
from app.jobs.status import job_statuses
from app.security.permissions import allowed
from db.errors import ConflictError, DatabaseError, classify
from ui.admin.dialogs import EditDialog, PersonEditDialog, QueueEditDialog, RuleEditDialog
from ui.admin.models import (
    AuditModel,
    JobsModel,
    PeopleFilter,
    PeopleModel,
    QueuesModel,
    RowsModel,
    RulesModel,
    TeamsModel,
    job_title_text,
    sorting_proxy,
)
from ui.context import ConsoleContext
from ui.errors import show_error
from ui.workspace import Workspace

ALL_TEAMS = -1
NO_TEAM = 0


class TablePage(QWidget):
    """One tab: a tool row, a sortable table, and an empty-state text in place of an empty table."""

    def __init__(self, model: RowsModel[Any], proxy: QSortFilterProxyModel, empty_text: str,
                 stretch_column: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = proxy
        self.stretch_column = stretch_column
        self.max_column_width = 260
        self.column_caps: dict[int, int] = {}
        self.key: Callable[[Any], object] = lambda row: getattr(row, "id", getattr(row, "key", None))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.tools = QHBoxLayout()
        layout.addLayout(self.tools)
        self.stack = QStackedWidget(self)
        self.table = QTableView(self)
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setHighlightSections(False)
        self.empty = QLabel(empty_text, self)
        self.empty.setObjectName("empty_state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

    def set_rows(self, rows: list[Any]) -> None:
        selected = self.selected_source_row()
        key = self.key(self.model.row(selected)) if selected is not None else None
        scroll = self.table.verticalScrollBar().value()
        self.model.set_rows(rows)
        self.update_empty()
        if key is not None:  # a reload keeps the user's place
            for i, row in enumerate(rows):
                if self.key(row) == key:
                    self.table.selectRow(self.proxy.mapFromSource(self.model.index(i, 0)).row())
                    break
            self.table.verticalScrollBar().setValue(scroll)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            if col != self.stretch_column:
                cap = self.column_caps.get(col, self.max_column_width)
                header.resizeSection(col, min(header.sectionSize(col) + 16, cap))
        header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)

    def update_empty(self, text: str | None = None) -> None:
        if text is not None:
            self.empty.setText(text)
        self.stack.setCurrentIndex(0 if self.proxy.rowCount() else 1)

    def selected_source_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            index = self.table.currentIndex()
            if not index.isValid():
                return None
            rows = [index]
        return self.proxy.mapToSource(rows[0]).row()


class AdminWorkspace(Workspace):
    refresh_on = Changes.PEOPLE | Changes.QUEUES | Changes.SETTINGS | Changes.AUDIT

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("workspaces", "Admin")

    @staticmethod
    def icon_name() -> str:
        return "admin"

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        actor = ctx.actor
        self.may_edit_rules = allowed(actor, "rules.edit")
        self.may_edit_queues = allowed(actor, "queues.edit")
        self.may_edit_people = allowed(actor, "people.edit")
        self.may_view_audit = allowed(actor, "audit.view")
        self.teams: list[TeamRow] = []
        self.dialog: QDialog | None = None
        self.jobs_stale = True

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        heading = QLabel(self.title())
        heading.setObjectName("page_title")
        layout.addWidget(heading)
        self.rights = QLabel(self._rights_text())
        self.rights.setObjectName("hint")
        self.rights.setWordWrap(True)
        layout.addWidget(self.rights)

        error_row = QHBoxLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("load_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(self.refresh)
        error_row.addWidget(self.error_label, 1)
        error_row.addWidget(self.retry_button)
        self.error_label.hide()
        self.retry_button.hide()
        layout.addLayout(error_row)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self._build_people_tab()
        self._build_teams_tab()
        self._build_queues_tab()
        self._build_rules_tab()
        self._build_jobs_tab()
        self._build_audit_tab()
        # jobs finish every few minutes on some desk: reload only the jobs table, only when it is seen
        ctx.bus.operation_did_execute.connect(self._on_bus_operation_did_execute_jobs)

    def _rights_text(self) -> str:
        who = self.tr("Signed in as %1 (%2).").replace("%1", self.ctx.actor.username) \
            .replace("%2", job_title_text(self.ctx.actor.role))
        if self.may_edit_rules and self.may_edit_people:
            return who + " " + self.tr("You may change rule values, people and queue targets; "
                                       "every change is audited and reaches the other desks at once.")
        if self.may_edit_rules or self.may_edit_people:
            part = self.tr("rule values and queue targets") if self.may_edit_rules else self.tr("people")
            return who + " " + self.tr("You may change %1; the rest is read-only for your role.").replace("%1", part)
        return who + " " + self.tr("Everything here is read-only for your role; an administrator makes changes.")

    # --- tabs --------------------------------------------------------------------------------
    def _build_people_tab(self) -> None:
        self.people_model = PeopleModel(self)
        self.people_filter = PeopleFilter(self)
        self.people_filter.setSourceModel(self.people_model)
        self.people_page = TablePage(
            self.people_model, self.people_filter,
            self.tr("No people yet. Run `floorwalker demo` to build a demo center, or import your staff list."),
            PeopleModel.SKILLS)
        tools = self.people_page.tools
        tools.addWidget(QLabel(self.tr("Team")))
        self.team_filter = QComboBox()
        self.team_filter.setObjectName("team_filter")
        self.team_filter.setMinimumContentsLength(14)
        self.team_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.team_filter.addItem(self.tr("All teams"), ALL_TEAMS)
        self.team_filter.currentIndexChanged.connect(self._on_team_filter_current_index_changed)
        tools.addWidget(self.team_filter)
        self.people_search = QLineEdit()
        self.people_search.setObjectName("people_search")
        self.people_search.setClearButtonEnabled(True)
        self.people_search.setPlaceholderText(self.tr("Search name, employee no., team or skill"))
        self.people_search.setMinimumWidth(260)
        self.people_search.textChanged.connect(self._on_people_search_text_changed)
        tools.addWidget(self.people_search)
        self.people_count = QLabel()
        self.people_count.setObjectName("hint")
        tools.addWidget(self.people_count)
        tools.addStretch(1)
        self.edit_person_button = QPushButton(self.tr("Edit person…") if self.may_edit_people
                                              else self.tr("Details…"))
        self.edit_person_button.clicked.connect(self.edit_selected_person)
        tools.addWidget(self.edit_person_button)
        self.people_page.table.doubleClicked.connect(lambda _i: self.edit_selected_person())
        self.tabs.addTab(self.people_page, self.tr("People"))

    def _build_teams_tab(self) -> None:
        self.teams_model = TeamsModel(self)
        self.teams_page = TablePage(self.teams_model, sorting_proxy(self.teams_model, self),
                                    self.tr("No teams yet. Run `floorwalker demo`, or import your staff list."),
                                    2)
        self.teams_page.tools.addWidget(self._hint(self.tr("Headcount counts active people only.")), 1)
        self.tabs.addTab(self.teams_page, self.tr("Teams"))

    def _build_queues_tab(self) -> None:
        self.queues_model = QueuesModel(self)
        self.queues_page = TablePage(self.queues_model, sorting_proxy(self.queues_model, self),
                                     self.tr("No queues yet. Run `floorwalker demo`, or import your queues."),
                                     6)
        self.queues_page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        tools = self.queues_page.tools
        tools.addWidget(self._hint(self.tr("The service-level target is the share of contacts answered "
                                           "within the target seconds; VIP queues go first (R-SCH-10).")), 1)
        self.edit_queue_button = QPushButton(self.tr("Edit targets…") if self.may_edit_queues else self.tr("Details…"))
        self.edit_queue_button.clicked.connect(self.edit_selected_queue)
        tools.addWidget(self.edit_queue_button)
        self.queues_page.table.doubleClicked.connect(lambda _i: self.edit_selected_queue())
        self.tabs.addTab(self.queues_page, self.tr("Queues"))

    def _build_rules_tab(self) -> None:
        self.rules_model = RulesModel(self.ctx.timezone, self)
        self.rules_model.editable = self.may_edit_rules
        self.rules_model.edit_requested.connect(self._on_rules_model_edit_requested)
        self.rules_model.edit_refused.connect(self._on_rules_model_edit_refused)
        self.rules_page = TablePage(self.rules_model, sorting_proxy(self.rules_model, self),
                                    self.tr("No rule values in this database."), RulesModel.DESCRIPTION)
        self.rules_page.column_caps = {RulesModel.VALUE: 120, RulesModel.DEFAULT: 120}
        self.rules_page.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the order of SERVICE_RULES.md
        self.rules_page.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        tools = self.rules_page.tools
        tools.addWidget(self._hint(
            self.tr("Double-click a value to change it. Bold values differ from the default.")
            if self.may_edit_rules else self.tr("Bold values differ from the default.")), 1)
        self.edit_rule_button = QPushButton(self.tr("Edit rule…") if self.may_edit_rules else self.tr("Details…"))
        self.edit_rule_button.clicked.connect(self.edit_selected_rule)
        tools.addWidget(self.edit_rule_button)
        self.rules_page.table.doubleClicked.connect(self._on_rules_table_double_clicked)
        self.tabs.addTab(self.rules_page, self.tr("Rules"))

    def _build_jobs_tab(self) -> None:
        self.may_manage_jobs = allowed(self.ctx.actor, "jobs.manage")
        self.jobs_model = JobsModel(self.ctx.timezone, self)
        self.jobs_page = TablePage(self.jobs_model, sorting_proxy(self.jobs_model, self),
                                   self.tr("No background jobs are registered."), 8)
        self.jobs_page.key = lambda j: j.job_id
        self.jobs_page.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        tools = self.jobs_page.tools
        tools.addWidget(self._hint(self.tr("Every desk runs the jobs; each run is claimed once in the "
                                           "database, so exactly one desk does it.")), 1)
        self.pause_job_button = QPushButton(self.tr("Pause"))
        self.pause_job_button.clicked.connect(lambda: self.set_selected_job_paused(True))
        self.resume_job_button = QPushButton(self.tr("Resume"))
        self.resume_job_button.clicked.connect(lambda: self.set_selected_job_paused(False))
        for button in (self.pause_job_button, self.resume_job_button):
            button.setEnabled(self.may_manage_jobs)
            if not self.may_manage_jobs:
                button.setToolTip(self.tr("Only administrators pause and resume jobs."))
            tools.addWidget(button)
        self.tabs.addTab(self.jobs_page, self.tr("Jobs"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def reload_jobs(self) -> None:
        db, tz = self.ctx.db, self.ctx.timezone
        self.ctx.tasks.query(lambda _s: job_statuses(db, tz)).success(self.jobs_page.set_rows) \
            .failure(lambda exc: self.jobs_page.update_empty(
                self.tr("The job list could not be read: %1").replace("%1", str(classify(exc))))).run()

    def set_selected_job_paused(self, paused: bool) -> None:
        row = self.jobs_page.selected_source_row()
        if row is None or not self.may_manage_jobs:
            return
        db, actor, job_id = self.ctx.db, self.ctx.actor, self.jobs_model.row(row).job_id
        self.ctx.tasks.command(lambda _s: set_paused(db, actor, job_id, paused)) \
            .success(lambda changes: self.ctx.bus.operation_did_execute.emit(changes, self)) \
            .failure(lambda exc: show_error(self, exc)).run()

    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.jobs_page and self.jobs_stale:
            self.jobs_stale = False
            self.reload_jobs()

    def _on_bus_operation_did_execute_jobs(self, changes: Changes, _initiator: object) -> None:
        if not changes & Changes.JOBS or changes & self.refresh_on:
            return  # not about jobs, or the full reload (which includes the jobs) is on its way
        if self.isVisible() and self.tabs.currentWidget() is self.jobs_page:
            self.reload_jobs()
        else:
            self.jobs_stale = True

    def _build_audit_tab(self) -> None:
        self.audit_model = AuditModel(self.ctx.timezone, self)
        proxy = sorting_proxy(self.audit_model, self)
        self.audit_page = TablePage(self.audit_model, proxy,
                                    self.tr("Nothing has been changed yet. Every edit made here, and every "
                                            "unmasking of customer data, appears in this log."), 6)
        self.audit_page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        tools = self.audit_page.tools
        tools.addWidget(QLabel(self.tr("Entity")))
        self.audit_entity = QComboBox()
        self.audit_entity.setObjectName("audit_entity")
        self.audit_entity.setMinimumContentsLength(12)
        self.audit_entity.addItem(self.tr("All"), "")
        self.audit_entity.currentIndexChanged.connect(self._on_audit_entity_current_index_changed)
        tools.addWidget(self.audit_entity)
        self.audit_count = QLabel()
        self.audit_count.setObjectName("hint")
        tools.addWidget(self.audit_count)
        tools.addStretch(1)
        if not self.may_view_audit:
            self.audit_entity.setEnabled(False)
            self.audit_page.update_empty(self.tr("Your role may not read the audit log; managers and "
                                                 "administrators can."))
        self.tabs.addTab(self.audit_page, self.tr("Audit"))

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("hint")
        return label

    # --- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        actor, entity = self.ctx.actor, self.audit_entity.currentData() or None
        self.ctx.tasks.query(lambda s: admin_overview(s, actor, audit_entity=entity)) \
            .success(self._on_overview_loaded).failure(self._on_overview_failed).run()

    def _on_overview_loaded(self, overview: AdminOverview) -> None:
        self.error_label.hide()
        self.retry_button.hide()
        self.teams = overview.teams
        self._fill_team_filter(overview.teams)
        self.people_page.set_rows(overview.people)
        self.teams_page.set_rows(overview.teams)
        self.queues_page.set_rows(overview.queues)
        self.rules_page.set_rows(overview.rules)
        if overview.audit is not None:
            self._fill_entity_filter(overview.audit_entities)
            self._show_audit(overview.audit)
        self._update_people_count()
        if self.tabs.currentWidget() is self.jobs_page:
            self.reload_jobs()
        else:
            self.jobs_stale = True
        self.mark_loaded()

    def _on_overview_failed(self, exc: BaseException) -> None:
        classified = classify(exc)
        self.mark_failed(classified)
        if isinstance(classified, DatabaseError):
            self.error_label.setText(self.tr("The Admin data could not be loaded: %1").replace("%1", str(classified)))
            self.error_label.show()
            self.retry_button.show()
        else:
            show_error(self, classified)

    def _fill_team_filter(self, teams: list[TeamRow]) -> None:
        current = self.team_filter.currentData()
        self.team_filter.blockSignals(True)
        self.team_filter.clear()
        self.team_filter.addItem(self.tr("All teams"), ALL_TEAMS)
        for t in teams:
            self.team_filter.addItem(t.name, t.id)
        self.team_filter.addItem(self.tr("(no team)"), NO_TEAM)
        self.team_filter.setCurrentIndex(max(self.team_filter.findData(current), 0))
        self.team_filter.blockSignals(False)
        self._apply_team_filter()

    def _fill_entity_filter(self, entities: list[str]) -> None:
        current = self.audit_entity.currentData()
        self.audit_entity.blockSignals(True)
        self.audit_entity.clear()
        self.audit_entity.addItem(self.tr("All"), "")
        for e in entities:
            self.audit_entity.addItem(e, e)
        index = self.audit_entity.findData(current)
        if index < 0 and current:  # keep the filter even if nothing matches any more
            self.audit_entity.addItem(current, current)
            index = self.audit_entity.count() - 1
        self.audit_entity.setCurrentIndex(max(index, 0))
        self.audit_entity.blockSignals(False)

    def _show_audit(self, lines: list[AuditLine]) -> None:
        self.audit_page.set_rows(lines)
        self.audit_count.setText(self.tr("%n recent change(s)", "", len(lines)))

    # --- filters -------------------------------------------------------------------------------
    def _on_team_filter_current_index_changed(self, _index: int) -> None:
        self._apply_team_filter()

    def _apply_team_filter(self) -> None:
        data = self.team_filter.currentData()
        self.people_filter.set_team(None if data in (None, ALL_TEAMS) else int(data))
        self._update_people_count()

    def _on_people_search_text_changed(self, text: str) -> None:
        self.people_filter.set_text(text)
        self._update_people_count()

    def _update_people_count(self) -> None:
        shown, total = self.people_filter.rowCount(), self.people_model.rowCount()
        self.people_count.setText(self.tr("%1 of %2 people").replace("%1", str(shown)).replace("%2", str(total))
                                  if shown != total else self.tr("%n people", "", total))
        if total and not shown:
            self.people_page.empty.setText(self.tr("Nobody matches this filter."))
        elif not total:
            self.people_page.empty.setText(self.tr("No people yet. Run `floorwalker demo` to build a demo "
                                                   "center, or import your staff list."))
        self.people_page.update_empty()

    def _on_audit_entity_current_index_changed(self, _index: int) -> None:
        if not self.may_view_audit:
            return
        actor, entity = self.ctx.actor, self.audit_entity.currentData() or None
        self.ctx.tasks.query(lambda s: audit_lines(s, actor, entity=entity)) \
            .success(self._show_audit).failure(lambda exc: show_error(self, exc)).run()

    # --- editing -------------------------------------------------------------------------------
    def _open(self, dialog: EditDialog) -> EditDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: self._on_dialog_finished(d))
        dialog.open()
        return dialog

    def _on_dialog_finished(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def edit_selected_person(self) -> PersonEditDialog | None:
        row = self.people_page.selected_source_row()
        if row is None:
            return None
        dialog = PersonEditDialog(self.ctx, self.people_model.row(row), self.teams, self)
        self._open(dialog)
        return dialog

    def edit_selected_queue(self) -> QueueEditDialog | None:
        row = self.queues_page.selected_source_row()
        if row is None:
            return None
        dialog = QueueEditDialog(self.ctx, self.queues_model.row(row), self)
        self._open(dialog)
        return dialog

    def edit_selected_rule(self, typed: str | None = None, error: str = "") -> RuleEditDialog | None:
        row = self.rules_page.selected_source_row()
        if row is None:
            return None
        return self.edit_rule(self.rules_model.row(row).key, typed, error)

    def edit_rule(self, key: str, typed: str | None = None, error: str = "") -> RuleEditDialog | None:
        rule = next((r for r in self.rules_model.rows() if r.key == key), None)
        if rule is None:
            return None
        dialog = RuleEditDialog(self.ctx, rule, self, typed=typed, error=error)
        self._open(dialog)
        return dialog

    def _on_rules_table_double_clicked(self, index: QModelIndex) -> None:
        source = self.rules_page.proxy.mapToSource(index)
        if source.column() == RulesModel.VALUE and self.rules_model.editable:
            return  # the in-place editor handles it
        self.edit_rule(self.rules_model.row(source.row()).key)

    def _on_rules_model_edit_requested(self, key: str, text: str, version: int) -> None:
        # saved once the view has closed its editor: a reload must not reset the model inside setData()
        QTimer.singleShot(0, lambda: self.save_rule(key, text, version))

    def save_rule(self, key: str, text: str, version: int) -> None:
        actor = self.ctx.actor
        self.ctx.tasks.command(lambda s: update_rule(s, actor, key, text, version)) \
            .success(lambda changes: self.ctx.bus.operation_did_execute.emit(changes, self)) \
            .failure(lambda exc: self._on_rule_save_failed(key, text, exc)).run()

    def _on_rule_save_failed(self, key: str, text: str, exc: BaseException) -> None:
        self.rules_model.clear_pending(key)
        if isinstance(exc, ValueError):
            self.edit_rule(key, text, str(exc))
        elif isinstance(exc, ConflictError):
            show_error(self, exc, on_reload=self.refresh)
        else:
            show_error(self, exc)

    def _on_rules_model_edit_refused(self, key: str, text: str, message: str) -> None:
        QTimer.singleShot(0, lambda: self.edit_rule(key, text, message))
