"""The Admin workspace: people, teams, users, queues, rule values, jobs and the audit log; edits are audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDir,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.admin.audit_log import (
    CSV_HEADINGS,
    AuditChoices,
    AuditExportError,
    AuditFilter,
    AuditLine,
    audit_lines,
    count_audit,
    export_audit_csv,
)
from app.admin.jobs import ManualRun, job_history, run_job_now
from app.admin.overview import AdminOverview, admin_overview
from app.admin.people import PersonRow, TeamRow
from app.admin.rules import update_rule
from app.admin.users import UserRow
from app.changes import Changes
from app.i18n import TRANSLATION_CONTEXT
from app.jobs.claims import RunRecord
from app.jobs.runner import set_paused
from app.jobs.status import job_statuses
from app.security.accounts import set_user_active
from app.security.permissions import allowed
from db.errors import ConflictError, DatabaseError, classify
from ui.admin.dialogs import EditDialog, PersonEditDialog, QueueEditDialog, RuleEditDialog
from ui.admin.models import (
    AuditModel,
    JobRunsModel,
    JobsModel,
    PeopleFilter,
    PeopleModel,
    QueuesModel,
    RowsModel,
    RulesModel,
    TeamsModel,
    UsersModel,
    audit_action_text,
    audit_actor_text,
    audit_entity_text,
    job_title_text,
    number_text,
    sorting_proxy,
)
from ui.admin.user_dialogs import AddUserDialog, ResetPasswordDialog, UserEditDialog
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
        self.may_edit_users = allowed(actor, "users.edit")
        self.teams: list[TeamRow] = []
        self.people: list[PersonRow] = []
        self.filling_audit = False
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
        self._build_users_tab()
        self._build_queues_tab()
        self._build_rules_tab()
        self._build_jobs_tab()
        self._build_audit_tab()
        if self.may_view_audit:  # administrators configure, managers look
            from ui.admin.notifications_page import NotificationsAdminPage

            self.notifications_page = NotificationsAdminPage(ctx, self)
            self.tabs.addTab(self.notifications_page, self.tr("Notifications"))
        if self.may_view_audit:  # the complaint clocks: administrators edit, managers look
            from ui.admin.sla_page import SlaAdminPage

            self.sla_page = SlaAdminPage(ctx, self)
            self.tabs.addTab(self.sla_page, self.tr("SLA"))
        # jobs finish every few minutes on some desk: reload only the jobs table, only when it is seen
        ctx.bus.operation_did_execute.connect(self._on_bus_operation_did_execute_jobs)

    def _rights_text(self) -> str:
        who = self.tr("Signed in as %1 (%2).").replace("%1", self.ctx.actor.username) \
            .replace("%2", job_title_text(self.ctx.actor.role))
        if self.may_edit_rules and self.may_edit_people and self.may_edit_users:
            return who + " " + self.tr("You may change rule values, people, users and queue targets; "
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

    def _build_users_tab(self) -> None:
        self.users_model = UsersModel(self.ctx.timezone, self)
        self.users_page = TablePage(self.users_model, sorting_proxy(self.users_model, self),
                                    self.tr("No users yet. The first administrator is created at the first start; "
                                            "add the others here."), UsersModel.PERSON)
        tools = self.users_page.tools
        self.users_hint = self._hint(
            self.tr("Deactivated users keep their history but cannot sign in. A reset unlocks the account.")
            if self.may_edit_users else self.tr("Only administrators add and change users."))
        tools.addWidget(self.users_hint, 1)
        self.add_user_button = QPushButton(self.tr("Add user…"))
        self.add_user_button.clicked.connect(self.add_user)
        self.edit_user_button = QPushButton(self.tr("Edit user…") if self.may_edit_users else self.tr("Details…"))
        self.edit_user_button.clicked.connect(self.edit_selected_user)
        self.user_active_button = QPushButton(self.tr("Deactivate"))
        self.user_active_button.setObjectName("user_active_button")
        self.user_active_button.clicked.connect(self.toggle_selected_user_active)
        self.reset_password_button = QPushButton(self.tr("Reset password…"))
        self.reset_password_button.clicked.connect(self.reset_selected_user_password)
        for button in (self.add_user_button, self.edit_user_button, self.user_active_button,
                       self.reset_password_button):
            tools.addWidget(button)
        if not self.may_edit_users:
            for button in (self.add_user_button, self.user_active_button, self.reset_password_button):
                button.setEnabled(False)
                button.setToolTip(self.tr("Only administrators add and change users."))
        self.users_message = QLabel()
        self.users_message.setObjectName("users_message")
        self.users_message.setWordWrap(True)
        self.users_message.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.users_message.hide()
        self.users_page.layout().insertWidget(1, self.users_message)
        self.users_page.key = lambda u: u.id
        self.users_page.table.doubleClicked.connect(lambda _i: self.edit_selected_user())
        self.users_page.table.selectionModel().selectionChanged.connect(
            lambda *_a: self._on_users_selection_changed())
        self._update_user_buttons()
        self.tabs.addTab(self.users_page, self.tr("Users"))

    def selected_user(self) -> UserRow | None:
        row = self.users_page.selected_source_row()
        return self.users_model.row(row) if row is not None else None

    def _on_users_selection_changed(self) -> None:
        self.users_message.hide()  # a refusal was about the user selected before
        self._update_user_buttons()

    def _update_user_buttons(self) -> None:
        user = self.selected_user()
        self.user_active_button.setText(self.tr("Reactivate") if user is not None and not user.active
                                        else self.tr("Deactivate"))
        for button in (self.user_active_button, self.reset_password_button):
            button.setEnabled(self.may_edit_users and user is not None)
        self.edit_user_button.setEnabled(user is not None)

    def add_user(self) -> AddUserDialog | None:
        if not self.may_edit_users:
            return None
        dialog = AddUserDialog(self.ctx, self.people, self)
        self._open(dialog)
        return dialog

    def edit_selected_user(self) -> UserEditDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        dialog = UserEditDialog(self.ctx, user, self.people, self)
        self._open(dialog)
        return dialog

    def reset_selected_user_password(self) -> ResetPasswordDialog | None:
        user = self.selected_user()
        if user is None or not self.may_edit_users:
            return None
        dialog = ResetPasswordDialog(self.ctx, user, self)
        self._open(dialog)
        return dialog

    def toggle_selected_user_active(self) -> None:
        user = self.selected_user()
        if user is None or not self.may_edit_users:
            return
        actor, uid, version, active = self.ctx.actor, user.id, user.version, not user.active
        self.users_message.hide()
        self.ctx.tasks.command(lambda s: set_user_active(s, actor, uid, version, active)) \
            .success(lambda changes: self.ctx.bus.operation_did_execute.emit(changes, self)) \
            .failure(self._on_user_change_failed).run()

    def _on_user_change_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValueError):  # the last administrator, or one's own account: say why, in place
            self.users_message.setText(str(exc))
            self.users_message.show()
        else:
            show_error(self, exc, on_reload=self.refresh)

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
        self.run_job_button = QPushButton(self.tr("Run now"))
        self.run_job_button.setObjectName("run_job_button")
        self.run_job_button.clicked.connect(self.run_selected_job_now)
        tools.addWidget(self.run_job_button)
        self.pause_job_button = QPushButton(self.tr("Pause"))
        self.pause_job_button.clicked.connect(lambda: self.set_selected_job_paused(True))
        self.resume_job_button = QPushButton(self.tr("Resume"))
        self.resume_job_button.clicked.connect(lambda: self.set_selected_job_paused(False))
        for button in (self.pause_job_button, self.resume_job_button):
            button.setEnabled(self.may_manage_jobs)
            if not self.may_manage_jobs:
                button.setToolTip(self.tr("Only administrators pause and resume jobs."))
            tools.addWidget(button)
        if not self.may_manage_jobs:
            self.run_job_button.setToolTip(self.tr("Only administrators run jobs by hand."))
        self.running_job: str | None = None
        self.history_job: str | None = None
        self._build_job_history()
        self.jobs_page.table.selectionModel().selectionChanged.connect(
            lambda *_a: self._on_jobs_selection_changed())
        self._update_job_buttons()
        self.tabs.addTab(self.jobs_page, self.tr("Jobs"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def _build_job_history(self) -> None:
        """Under the job list: the outcome of a manual run, and the selected job's recent runs."""
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 6, 0, 0)
        self.job_run_message = QLabel()
        self.job_run_message.setObjectName("job_run_message")
        self.job_run_message.setWordWrap(True)
        self.job_run_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.job_run_message.hide()
        layout.addWidget(self.job_run_message)
        self.history_title = QLabel(self.tr("Select a job to see its recent runs."))
        self.history_title.setObjectName("section_title")
        self.history_title.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.history_title)
        self.history_model = JobRunsModel(self.ctx.timezone, self)
        self.history_page = TablePage(self.history_model, sorting_proxy(self.history_model, self),
                                      self.tr("This job has not run yet."), JobRunsModel.ERROR)
        self.history_page.layout().setContentsMargins(0, 0, 0, 0)
        self.history_page.table.sortByColumn(JobRunsModel.SLOT, Qt.SortOrder.DescendingOrder)
        self.history_page.update_empty()
        layout.addWidget(self.history_page, 1)
        # the job list above, the history below, the user moves the line between them
        page_layout = self.jobs_page.layout()
        page_layout.removeWidget(self.jobs_page.stack)
        splitter = QSplitter(Qt.Orientation.Vertical, self.jobs_page)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.jobs_page.stack)
        splitter.addWidget(panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 300])  # a center has a handful of jobs: half the height is plenty
        page_layout.addWidget(splitter, 1)

    def reload_jobs(self) -> None:
        db, tz = self.ctx.db, self.ctx.timezone
        self.ctx.tasks.query(lambda _s: job_statuses(db, tz)).success(self._on_jobs_loaded) \
            .failure(lambda exc: self.jobs_page.update_empty(
                self.tr("The job list could not be read: %1").replace("%1", str(classify(exc))))).run()

    def _on_jobs_loaded(self, rows: list[Any]) -> None:
        self.jobs_page.set_rows(rows)
        if self.jobs_page.selected_source_row() is None and rows:  # show a history from the start
            self.jobs_page.table.selectRow(0)
        self.reload_job_history()

    def selected_job_id(self) -> str | None:
        row = self.jobs_page.selected_source_row()
        return self.jobs_model.row(row).job_id if row is not None else None

    def _on_jobs_selection_changed(self) -> None:
        self._update_job_buttons()
        if self.selected_job_id() != self.history_job:
            self.reload_job_history()

    def _update_job_buttons(self) -> None:
        self.run_job_button.setEnabled(self.may_manage_jobs and self.selected_job_id() is not None
                                       and self.running_job is None)

    def reload_job_history(self) -> None:
        job_id = self.selected_job_id()
        self.history_job = job_id
        if job_id is None:
            self.history_model.set_rows([])
            self.history_title.setText(self.tr("Select a job to see its recent runs."))
            self.history_page.update_empty()
            return
        title = self.jobs_model.row(self.jobs_page.selected_source_row() or 0).title
        self.history_title.setText(self.tr("Recent runs of %1").replace(
            "%1", QCoreApplication.translate(TRANSLATION_CONTEXT, title)))
        db = self.ctx.db
        self.ctx.tasks.query(lambda _s: job_history(db, job_id)) \
            .success(lambda runs: self._on_job_history_loaded(job_id, runs)) \
            .failure(lambda exc: self.history_page.update_empty(
                self.tr("The runs could not be read: %1").replace("%1", str(classify(exc))))).run()

    def _on_job_history_loaded(self, job_id: str, runs: list[RunRecord]) -> None:
        if job_id != self.history_job:
            return  # the user picked another job meanwhile
        self.history_page.set_rows(runs)

    def run_selected_job_now(self) -> None:
        row = self.jobs_page.selected_source_row()
        if row is None or not self.may_manage_jobs or self.running_job is not None:
            return
        job = self.jobs_model.row(row)
        title = QCoreApplication.translate(TRANSLATION_CONTEXT, job.title)
        db, actor, job_id = self.ctx.db, self.ctx.actor, job.job_id
        self.running_job = job_id
        self._update_job_buttons()
        self._show_job_message(self.tr("Running %1…").replace("%1", title), failed=False)
        self.ctx.tasks.command(lambda _s: run_job_now(db, actor, job_id)) \
            .success(lambda run: self._on_job_ran(title, run)) \
            .failure(lambda exc: self._on_job_run_failed(title, exc)).run()

    def _on_job_ran(self, title: str, run: ManualRun) -> None:
        self.running_job = None
        self._update_job_buttons()
        outcome, seconds = run.outcome, number_text(run.seconds, 1)
        if not outcome.ran:
            text = self.tr("%1 did not run: another desk started it in the same second. Try again.")
        elif outcome.ok:
            text = self.tr("%1 ran in %2 s: OK")
            details = ", ".join(f"{k}: {v}" for k, v in (outcome.result or {}).items())
            if details:
                text += f" — {details}"
        else:
            text = self.tr("%1 failed after %2 s: %3").replace("%3", outcome.error or "")
        self._show_job_message(text.replace("%1", title).replace("%2", seconds), failed=outcome.ran and not outcome.ok)
        self.ctx.bus.operation_did_execute.emit(run.changes, self)
        self.reload_job_history()

    def _on_job_run_failed(self, title: str, exc: BaseException) -> None:
        self.running_job = None
        self._update_job_buttons()
        self._show_job_message(self.tr("%1 could not be started: %2").replace("%1", title)
                               .replace("%2", str(classify(exc))), failed=True)

    def _show_job_message(self, text: str, *, failed: bool) -> None:
        self.job_run_message.setText(text)
        self.job_run_message.setStyleSheet("color: #b3261e; font-weight: 600;" if failed else "font-weight: 600;")
        self.job_run_message.show()

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
        self.audit_entity = self._audit_combo("audit_entity", self.tr("Entity"), tools)
        self.audit_action = self._audit_combo("audit_action", self.tr("Action"), tools)
        self.audit_actor = self._audit_combo("audit_actor", self.tr("Actor"), tools)
        self.audit_dates = QCheckBox(self.tr("From"))
        self.audit_dates.setObjectName("audit_dates")
        self.audit_dates.setToolTip(self.tr("Only entries between these days (the center's time zone)"))
        today = clock.now().astimezone(self.ctx.timezone).date()
        self.audit_from = self._date_edit("audit_from", today.replace(day=1))
        self.audit_to = self._date_edit("audit_to", today)
        self.audit_from.setEnabled(False)
        self.audit_to.setEnabled(False)
        self.audit_dates.toggled.connect(self._on_audit_dates_toggled)
        self.audit_from.dateChanged.connect(self._on_audit_from_date_changed)
        self.audit_to.dateChanged.connect(lambda _d: self.audit_dates.isChecked() and self.reload_audit())
        tools.addWidget(self.audit_dates)
        tools.addWidget(self.audit_from)
        tools.addWidget(QLabel(self.tr("to")))
        tools.addWidget(self.audit_to)
        tools.addStretch(1)
        self.audit_count = QLabel()
        self.audit_count.setObjectName("hint")
        tools.addWidget(self.audit_count)
        self.export_audit_button = QPushButton(self.tr("Export CSV…"))
        self.export_audit_button.setToolTip(self.tr("Write every entry that matches the filters to a CSV file"))
        self.export_audit_button.clicked.connect(lambda: self.export_audit())
        tools.addWidget(self.export_audit_button)
        self.audit_message = QLabel()
        self.audit_message.setObjectName("audit_message")
        self.audit_message.setWordWrap(True)
        self.audit_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.audit_message.hide()
        self.audit_page.layout().insertWidget(1, self.audit_message)
        self.export_box: QMessageBox | None = None
        if not self.may_view_audit:
            for widget in (self.audit_entity, self.audit_action, self.audit_actor, self.audit_dates,
                           self.export_audit_button):
                widget.setEnabled(False)
            self.audit_page.update_empty(self.tr("Your role may not read the audit log; managers and "
                                                 "administrators can."))
        self.tabs.addTab(self.audit_page, self.tr("Audit"))

    def _audit_combo(self, name: str, label: str, tools: QHBoxLayout) -> QComboBox:
        tools.addWidget(QLabel(label))
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setMinimumContentsLength(10)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.addItem(self.tr("All"), "")
        combo.currentIndexChanged.connect(lambda _i: self.reload_audit())
        tools.addWidget(combo)
        return combo

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _on_audit_dates_toggled(self, on: bool) -> None:
        self.audit_from.setEnabled(on)
        self.audit_to.setEnabled(on)
        self.reload_audit()

    def _on_audit_from_date_changed(self, day: QDate) -> None:
        self.audit_to.setMinimumDate(day)  # the range cannot be turned upside down
        if self.audit_dates.isChecked():
            self.reload_audit()

    def audit_filter(self) -> AuditFilter:
        def chosen(combo: QComboBox) -> str | None:
            return combo.currentData() or None

        kinds = {"entity": chosen(self.audit_entity), "action": chosen(self.audit_action),
                 "actor": chosen(self.audit_actor)}
        if not self.audit_dates.isChecked():
            return AuditFilter(**kinds)
        first, last = self.audit_from.date(), self.audit_to.date()
        return AuditFilter.days(date(first.year(), first.month(), first.day()),
                                date(last.year(), last.month(), last.day()), self.ctx.timezone, **kinds)

    def reload_audit(self) -> None:
        if not self.may_view_audit or self.filling_audit:
            return
        actor, filters = self.ctx.actor, self.audit_filter()
        self.ctx.tasks.query(lambda s: (audit_lines(s, actor, filters=filters), count_audit(s, actor, filters))) \
            .success(lambda loaded: self._show_audit(*loaded)).failure(lambda exc: show_error(self, exc)).run()

    def export_audit(self, path: str | None = None) -> None:
        """Write the filtered entries to a CSV file (asks where unless ``path`` is given)."""
        if not self.may_view_audit:
            return
        if path is None:
            today = clock.now().astimezone(self.ctx.timezone).date().isoformat()
            suggested = str(Path(QDir.homePath()) / f"floorwalker-audit-{today}.csv")
            path, _kind = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"), suggested,
                                                      self.tr("CSV files (*.csv)"))
            if not path:
                return
        target, actor, tz, filters = Path(path), self.ctx.actor, self.ctx.timezone, self.audit_filter()
        headings = [QCoreApplication.translate(TRANSLATION_CONTEXT, h) for h in CSV_HEADINGS]
        self.export_audit_button.setEnabled(False)
        self.ctx.tasks.query(lambda s: export_audit_csv(s, actor, target, tz, filters=filters, headings=headings)) \
            .success(lambda count: self._on_audit_exported(target, count)) \
            .failure(self._on_audit_export_failed).run()

    def _on_audit_exported(self, target: Path, count: int) -> None:
        self.export_audit_button.setEnabled(True)
        self.audit_message.setStyleSheet("")
        self.audit_message.setText(self.tr("Exported to %1 (entries: %2).").replace("%1", str(target))
                                   .replace("%2", number_text(count, 0)))
        self.audit_message.show()

    def _on_audit_export_failed(self, exc: BaseException) -> None:
        self.export_audit_button.setEnabled(True)
        if not isinstance(exc, AuditExportError):
            show_error(self, exc)
            return
        self.export_box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export failed"), str(exc),
                                      QMessageBox.StandardButton.Ok, self)
        self.export_box.setObjectName("audit_export_failed")
        self.export_box.open()  # window-modal without blocking: the page keeps its state

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("hint")
        return label

    # --- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        actor, filters = self.ctx.actor, self.audit_filter()
        self.ctx.tasks.query(lambda s: admin_overview(s, actor, audit_filter=filters)) \
            .success(self._on_overview_loaded).failure(self._on_overview_failed).run()

    def _on_overview_loaded(self, overview: AdminOverview) -> None:
        self.error_label.hide()
        self.retry_button.hide()
        self.teams = overview.teams
        self.people = overview.people
        self._fill_team_filter(overview.teams)
        self.people_page.set_rows(overview.people)
        self.teams_page.set_rows(overview.teams)
        self.users_page.set_rows(overview.users)
        self._update_user_buttons()
        self.queues_page.set_rows(overview.queues)
        self.rules_page.set_rows(overview.rules)
        if overview.audit is not None:
            if overview.audit_choices is not None:
                self._fill_audit_filters(overview.audit_choices)
            self._show_audit(overview.audit, overview.audit_total)
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

    def _fill_audit_filters(self, choices: AuditChoices) -> None:
        self.filling_audit = True
        try:
            for combo, values, text in ((self.audit_entity, choices.entities, audit_entity_text),
                                        (self.audit_action, choices.actions, audit_action_text),
                                        (self.audit_actor, choices.actors, audit_actor_text)):
                current = combo.currentData()
                combo.clear()
                combo.addItem(self.tr("All"), "")
                for value in values:
                    combo.addItem(text(value), value)
                index = combo.findData(current)
                if index < 0 and current:  # keep the filter even if nothing matches any more
                    combo.addItem(text(current), current)
                    index = combo.count() - 1
                combo.setCurrentIndex(max(index, 0))
        finally:
            self.filling_audit = False

    def _show_audit(self, lines: list[AuditLine], total: int | None = None) -> None:
        self.audit_page.set_rows(lines)
        total = len(lines) if total is None else total
        if total > len(lines):
            self.audit_count.setText(self.tr("newest %1 of %2 entries").replace("%1", number_text(len(lines), 0))
                                     .replace("%2", number_text(total, 0)))
        else:
            self.audit_count.setText(self.tr("Entries: %1").replace("%1", number_text(total, 0)))
        if not lines and self.may_view_audit and self.audit_filter() != AuditFilter():
            self.audit_page.update_empty(self.tr("No audit entries match these filters."))
        elif self.may_view_audit:
            self.audit_page.update_empty(self.tr("Nothing has been changed yet. Every edit made here, and every "
                                                 "unmasking of customer data, appears in this log."))

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
