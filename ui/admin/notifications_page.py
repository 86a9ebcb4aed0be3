"""Admin ▸ Notifications: channels (secrets write-only), routing rules, and the delivery outbox."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.i18n import TRANSLATION_CONTEXT
from app.notifications import admin as nadmin
from app.notifications.channels import DEFAULT_RATE, KIND_TITLES, KINDS
from app.notifications.templates import known_kinds
from app.security.permissions import allowed
from db.models.org import ROLES
from ui.admin.models import Column, RowsModel, job_title_text, local_time_text, sorting_proxy
from ui.context import ConsoleContext
from ui.errors import show_error


def tr(text: str) -> str:
    return QCoreApplication.translate("notifications", text)


def kind_text(kind: str) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, KIND_TITLES[kind]) if kind in KIND_TITLES else kind


STATE_TEXT = {"queued": QT_TRANSLATE_NOOP("notifications", "Queued"),
              "sending": QT_TRANSLATE_NOOP("notifications", "Sending"),
              "delivered": QT_TRANSLATE_NOOP("notifications", "Delivered"),
              "failed": QT_TRANSLATE_NOOP("notifications", "Failed")}
SEVERITY_TEXT = {"info": QT_TRANSLATE_NOOP("notifications", "info"),
                 "warning": QT_TRANSLATE_NOOP("notifications", "warning"),
                 "critical": QT_TRANSLATE_NOOP("notifications", "critical")}


OUTCOME_TEXT = {"delivered": QT_TRANSLATE_NOOP("notifications", "delivered"),
                "throttled": QT_TRANSLATE_NOOP("notifications", "throttled"),
                "retry": QT_TRANSLATE_NOOP("notifications", "will retry"),
                "failed": QT_TRANSLATE_NOOP("notifications", "failed")}


def outcome_text(outcome: str) -> str:
    """One delivery attempt's outcome in words."""
    return tr(OUTCOME_TEXT[outcome]) if outcome in OUTCOME_TEXT else outcome


def severity_text(severity: str) -> str:
    return tr(SEVERITY_TEXT[severity]) if severity in SEVERITY_TEXT else severity


def state_text(state: str) -> str:
    return tr(STATE_TEXT.get(state, state))


# --- models ---------------------------------------------------------------------------------------

class ChannelsModel(RowsModel[nadmin.ChannelRow]):
    def __init__(self, ctx: ConsoleContext, parent: Any = None) -> None:
        self.ctx = ctx
        super().__init__(parent)

    def columns(self) -> list[Column[nadmin.ChannelRow]]:
        return [
            Column(tr("Channel"), lambda c: c.name),
            Column(tr("Service"), lambda c: kind_text(c.kind)),
            Column(tr("Address"), lambda c: c.secret_hint or (c.config.get("host", "") if c.kind == "email" else "")),
            Column(tr("Limit / min"), lambda c: str(c.rate_per_minute) if c.rate_per_minute else tr("none"),
                   lambda c: c.rate_per_minute, align_right=True),
            Column(tr("Waiting"), lambda c: str(c.queued), lambda c: c.queued, align_right=True),
            Column(tr("Failed"), lambda c: str(c.failed), lambda c: c.failed, align_right=True),
            Column(tr("Paused until"), lambda c: local_time_text(c.throttled_until, self.ctx.timezone)),
            Column(tr("Active"), lambda c: tr("Yes") if c.active else tr("No")),
        ]


class RoutesModel(RowsModel[nadmin.RouteRow]):
    def columns(self) -> list[Column[nadmin.RouteRow]]:
        return [
            Column(tr("Rule"), lambda r: r.name),
            Column(tr("Events"), lambda r: ", ".join(r.kinds) or "*"),
            Column(tr("Levels"), lambda r: ", ".join(str(x) for x in r.levels) or tr("all")),
            Column(tr("From severity"), lambda r: severity_text(r.min_severity)),
            Column(tr("For"), _audience),
            Column(tr("Channel"), lambda r: r.channel_name),
            Column(tr("Language"), lambda r: "中文" if r.language.startswith("zh") else "English"),  # notr
            Column(tr("Quiet hours"), lambda r: f"{r.quiet_start}–{r.quiet_end}" if r.quiet_start else ""),
            Column(tr("Active"), lambda r: tr("Yes") if r.active else tr("No")),
        ]


def _audience(r: nadmin.RouteRow) -> str:
    parts = []
    if r.team_name:
        parts.append(tr("team %1").replace("%1", r.team_name))
    if r.role:
        parts.append(job_title_text(r.role))
    if r.person_name:
        parts.append(r.person_name)
    text = ", ".join(parts) or tr("everyone concerned")
    return text + (" " + tr("(+ their e-mail)") if r.to_people else "")


class DeliveriesModel(RowsModel[nadmin.DeliveryRow]):
    def __init__(self, ctx: ConsoleContext, parent: Any = None) -> None:
        self.ctx = ctx
        super().__init__(parent)

    def columns(self) -> list[Column[nadmin.DeliveryRow]]:
        tz = self.ctx.timezone
        return [
            Column(tr("ID"), lambda d: str(d.id), lambda d: d.id, align_right=True),
            Column(tr("Created"), lambda d: local_time_text(d.created_at, tz), lambda d: d.created_at.timestamp()),
            Column(tr("Notification"), lambda d: d.title),
            Column(tr("Channel"), lambda d: d.channel_name),
            Column(tr("State"), lambda d: state_text(d.state)),
            Column(tr("Tries"), lambda d: str(d.attempts), lambda d: d.attempts, align_right=True),
            Column(tr("Last try"), lambda d: local_time_text(d.last_attempt_at, tz),
                   lambda d: d.last_attempt_at.timestamp() if d.last_attempt_at else 0.0),
            Column(tr("Next try"), lambda d: local_time_text(d.next_attempt_at, tz),
                   lambda d: d.next_attempt_at.timestamp() if d.next_attempt_at else 0.0),
            Column(tr("Answer"), lambda d: d.last_status or ""),
            Column(tr("Error"), lambda d: d.last_error or ""),
        ]


def _table(model: RowsModel[Any], parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(sorting_proxy(model, parent))
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def _selected(view: QTableView, model: RowsModel[Any]) -> list[Any]:
    proxy = view.model()
    rows = sorted({proxy.mapToSource(i).row() for i in view.selectionModel().selectedRows()})  # type: ignore[attr-defined]
    return [model.row(r) for r in rows]


# --- dialogs --------------------------------------------------------------------------------------

class ChannelDialog(QDialog):
    """Add or edit a channel. Secret fields start empty: typing replaces, leaving empty keeps."""

    def __init__(self, row: nadmin.ChannelRow | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(tr("Edit channel") if row else tr("Add channel"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.name = QLineEdit(row.name if row else "")
        form.addRow(tr("Name"), self.name)
        self.kind = QComboBox()
        for k in KINDS:
            self.kind.addItem(kind_text(k), k)
        if row:
            self.kind.setCurrentIndex(KINDS.index(row.kind))
            self.kind.setEnabled(False)
        form.addRow(tr("Service"), self.kind)
        keep = tr("stored — leave empty to keep")
        self.url = QLineEdit()
        self.url.setEchoMode(QLineEdit.EchoMode.Password)
        self.url.setPlaceholderText(keep if row and "url" in row.secrets_set else "https://…")  # notr
        form.addRow(tr("Webhook URL"), self.url)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(keep if row and "secret" in row.secrets_set else tr("optional"))
        form.addRow(tr("Signing secret"), self.secret)
        cfg = row.config if row else {}
        self.host = QLineEdit(cfg.get("host", ""))
        form.addRow(tr("SMTP server"), self.host)
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setValue(int(cfg.get("port") or 587))
        form.addRow(tr("Port"), self.port)
        self.security = QComboBox()
        for value, text in (("starttls", "STARTTLS"), ("ssl", "SSL/TLS"), ("none", tr("none (test servers)"))):
            self.security.addItem(text, value)
        self.security.setCurrentIndex(max(0, self.security.findData(cfg.get("security", "starttls"))))
        form.addRow(tr("Security"), self.security)
        self.username = QLineEdit(cfg.get("username", ""))
        form.addRow(tr("Login"), self.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(keep if row and "password" in row.secrets_set else "")
        form.addRow(tr("Password"), self.password)
        self.sender = QLineEdit(cfg.get("sender", ""))
        form.addRow(tr("From"), self.sender)
        self.to = QLineEdit(", ".join(cfg.get("to", [])))
        self.to.setPlaceholderText("duty@example.com, manager@example.com")  # notr
        form.addRow(tr("To"), self.to)
        self.prefix = QLineEdit(cfg.get("prefix", ""))
        self.prefix.setPlaceholderText(tr("e.g. 【Floorwalker】 — a DingTalk/Feishu security keyword"))
        form.addRow(tr("Message prefix"), self.prefix)
        self.rate = QLineEdit(str(cfg.get("rate_per_minute", "")))
        form.addRow(tr("Limit per minute"), self.rate)
        self.active = QCheckBox(tr("Active"))
        self.active.setChecked(row.active if row else True)
        form.addRow("", self.active)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.form = form
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self._on_kind_current_index_changed()

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _on_kind_current_index_changed(self, *_args: object) -> None:
        kind = self.current_kind()
        email = kind == "email"
        for w in (self.host, self.port, self.security, self.username, self.password, self.sender, self.to):
            self.form.setRowVisible(w, email)
        self.form.setRowVisible(self.url, not email)
        self.form.setRowVisible(self.prefix, not email)
        self.form.setRowVisible(self.secret, kind in ("dingtalk", "feishu", "webhook"))
        self.rate.setPlaceholderText(tr("default: %1").replace("%1", str(DEFAULT_RATE.get(kind) or tr("no limit"))))
        self.form.invalidate()
        self.adjustSize()

    def values(self) -> dict[str, Any]:
        kind = self.current_kind()
        config: dict[str, Any] = {"rate_per_minute": self.rate.text().strip(), "prefix": self.prefix.text()}
        secrets = {"url": self.url.text(), "secret": self.secret.text(), "password": self.password.text()}
        if kind == "email":
            config.update(host=self.host.text(), port=self.port.value(), security=self.security.currentData(),
                          username=self.username.text(), sender=self.sender.text(), to=self.to.text())
        return {"name": self.name.text(), "kind": kind, "config": config, "secrets": secrets,
                "active": self.active.isChecked()}


class RouteDialog(QDialog):
    def __init__(self, row: nadmin.RouteRow | None, channels: list[nadmin.ChannelRow],
                 teams: list[tuple[int, str]], parent: QWidget | None = None,
                 people: list[tuple[int, str]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Edit routing rule") if row else tr("Add routing rule"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.name = QLineEdit(row.name if row else "")
        form.addRow(tr("Name"), self.name)
        self.kinds = QLineEdit(", ".join(row.kinds) if row else "sla.*")
        self.kinds.setToolTip(tr("Event kinds, comma-separated; * matches anything. Known: %1")
                              .replace("%1", ", ".join(known_kinds())))
        form.addRow(tr("Events"), self.kinds)
        self.levels = QLineEdit(", ".join(str(x) for x in row.levels) if row else "2")
        self.levels.setPlaceholderText(tr("empty: every level"))
        form.addRow(tr("Escalation levels"), self.levels)
        self.severity = QComboBox()
        for s in ("info", "warning", "critical"):
            self.severity.addItem(severity_text(s), s)
        self.severity.setCurrentIndex(max(0, self.severity.findData(row.min_severity if row else "info")))
        form.addRow(tr("From severity"), self.severity)
        self.team = QComboBox()
        self.team.addItem(tr("any team"), None)
        for tid, name in teams:
            self.team.addItem(name, tid)
        self.team.setCurrentIndex(max(0, self.team.findData(row.team_id if row else None)))
        form.addRow(tr("Team"), self.team)
        self.role = QComboBox()
        self.role.addItem(tr("any role"), None)
        for r in ROLES:
            self.role.addItem(job_title_text(r), r)
        self.role.setCurrentIndex(max(0, self.role.findData(row.role if row else None)))
        form.addRow(tr("Role"), self.role)
        self.person = QComboBox()
        self.person.addItem(tr("anyone"), None)
        for pid, name in people or []:
            self.person.addItem(name, pid)
        self.person.setCurrentIndex(max(0, self.person.findData(row.person_id if row else None)))
        form.addRow(tr("Person"), self.person)
        self.channel = QComboBox()
        for c in channels:
            self.channel.addItem(f"{c.name} ({kind_text(c.kind)})", c.id)
        if row:
            self.channel.setCurrentIndex(max(0, self.channel.findData(row.channel_id)))
        form.addRow(tr("Channel"), self.channel)
        self.language = QComboBox()
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")  # notr
        self.language.setCurrentIndex(max(0, self.language.findData(row.language if row else "zh_CN")))
        form.addRow(tr("Language"), self.language)
        quiet = QHBoxLayout()
        self.quiet_start = QLineEdit(row.quiet_start or "" if row else "")
        self.quiet_start.setPlaceholderText("22:00")
        self.quiet_end = QLineEdit(row.quiet_end or "" if row else "")
        self.quiet_end.setPlaceholderText("07:00")
        quiet.addWidget(self.quiet_start)
        quiet.addWidget(QLabel(tr("to")))
        quiet.addWidget(self.quiet_end)
        form.addRow(tr("Quiet hours"), quiet)
        self.to_people = QCheckBox(tr("E-mail: also to the people concerned"))
        self.to_people.setChecked(row.to_people if row else False)
        form.addRow("", self.to_people)
        self.active = QCheckBox(tr("Active"))
        self.active.setChecked(row.active if row else True)
        form.addRow("", self.active)
        hint = QLabel(tr("Level 1 stays in the console; a usual ladder is level 2 to the team's IM group "
                         "and level 3 to the manager's e-mail. Critical events ignore quiet hours."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        form.addRow(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "kinds": self.kinds.text(), "levels": self.levels.text(),
                "min_severity": self.severity.currentData(), "team_id": self.team.currentData(),
                "role": self.role.currentData(), "person_id": self.person.currentData(),
                "channel_id": self.channel.currentData(),
                "language": self.language.currentData(), "quiet_start": self.quiet_start.text(),
                "quiet_end": self.quiet_end.text(), "to_people": self.to_people.isChecked(),
                "active": self.active.isChecked()}


# --- the page -------------------------------------------------------------------------------------

class NotificationsAdminPage(QWidget):
    """Three tabs; loads when shown and again whenever notifications change on any desk."""

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.may_edit = allowed(ctx.actor, "rules.edit")
        self.may_resend = allowed(ctx.actor, "jobs.manage")
        self.stale = True
        self.teams: list[tuple[int, str]] = []
        self.people: list[tuple[int, str]] = []
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.counts = QLabel()
        self.counts.setObjectName("hint")
        layout.addWidget(self.counts)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)

        # channels
        page = QWidget()
        v = QVBoxLayout(page)
        tools = QHBoxLayout()
        tools.addWidget(self._hint(tr("Webhook tokens and passwords are stored encrypted and never shown again; "
                                      "only the host and the last characters are.")), 1)
        self.add_channel_button = QPushButton(tr("Add…"))
        self.edit_channel_button = QPushButton(tr("Edit…"))
        self.test_channel_button = QPushButton(tr("Send test"))
        self.delete_channel_button = QPushButton(tr("Delete"))
        for b in (self.add_channel_button, self.edit_channel_button, self.test_channel_button, self.delete_channel_button):
            b.setEnabled(self.may_edit)
            tools.addWidget(b)
        v.addLayout(tools)
        self.channels_model = ChannelsModel(ctx, self)
        self.channels_view = _table(self.channels_model, page)
        v.addWidget(self.channels_view, 1)
        self.tabs.addTab(page, tr("Channels"))
        self.add_channel_button.clicked.connect(lambda: self.edit_channel(None))
        self.edit_channel_button.clicked.connect(self._on_edit_channel_clicked)
        self.channels_view.doubleClicked.connect(self._on_edit_channel_clicked)
        self.test_channel_button.clicked.connect(self.test_selected_channel)
        self.delete_channel_button.clicked.connect(self.delete_selected_channel)

        # routes
        page = QWidget()
        v = QVBoxLayout(page)
        tools = QHBoxLayout()
        tools.addWidget(self._hint(tr("Which events go to which channel, for which team or role. "
                                      "The console bell always shows them.")), 1)
        self.add_route_button = QPushButton(tr("Add…"))
        self.edit_route_button = QPushButton(tr("Edit…"))
        self.delete_route_button = QPushButton(tr("Delete"))
        for b in (self.add_route_button, self.edit_route_button, self.delete_route_button):
            b.setEnabled(self.may_edit)
            tools.addWidget(b)
        v.addLayout(tools)
        self.routes_model = RoutesModel(self)
        self.routes_view = _table(self.routes_model, page)
        v.addWidget(self.routes_view, 1)
        self.tabs.addTab(page, tr("Routing"))
        self.add_route_button.clicked.connect(lambda: self.edit_route(None))
        self.edit_route_button.clicked.connect(self._on_edit_route_clicked)
        self.routes_view.doubleClicked.connect(self._on_edit_route_clicked)
        self.delete_route_button.clicked.connect(self.delete_selected_route)

        # deliveries
        page = QWidget()
        v = QVBoxLayout(page)
        tools = QHBoxLayout()
        self.state_filter = QComboBox()
        self.state_filter.addItem(tr("All states"), None)
        for s in nadmin.STATES:
            self.state_filter.addItem(state_text(s), s)
        self.state_filter.currentIndexChanged.connect(lambda _i: self.reload())
        tools.addWidget(QLabel(tr("Show")))
        tools.addWidget(self.state_filter)
        tools.addStretch(1)
        self.resend_button = QPushButton(tr("Resend"))
        self.resend_button.setEnabled(self.may_resend)
        self.resend_button.clicked.connect(self.resend_selected)
        tools.addWidget(self.resend_button)
        v.addLayout(tools)
        split = QSplitter(Qt.Orientation.Vertical, page)
        self.deliveries_model = DeliveriesModel(ctx, self)
        self.deliveries_view = _table(self.deliveries_model, split)
        self.deliveries_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.attempts = QPlainTextEdit(split)
        self.attempts.setReadOnly(True)
        self.attempts.setPlaceholderText(tr("Select a delivery to see each attempt and the service's answer."))
        split.addWidget(self.deliveries_view)
        split.addWidget(self.attempts)
        split.setSizes([400, 140])
        v.addWidget(split, 1)
        self.tabs.addTab(page, tr("Deliveries"))
        self.deliveries_view.selectionModel().selectionChanged.connect(lambda *_a: self._on_delivery_selected())
        ctx.bus.operation_did_execute.connect(self._on_bus_operation_did_execute)

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("hint")
        label.setWordWrap(True)
        return label

    # --- loading ------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.stale:
            self.reload()

    def _on_bus_operation_did_execute(self, changes: Changes, _initiator: object) -> None:
        if changes & (Changes.NOTIFICATIONS | Changes.PEOPLE):
            if self.isVisible():
                self.reload()
            else:
                self.stale = True

    def reload(self) -> None:
        self.stale = False
        actor = self.ctx.actor
        state = self.state_filter.currentData()

        def load(s: Any) -> tuple[Any, ...]:
            from sqlalchemy import select

            from db.models import Person, Team

            return (nadmin.list_channels(s, actor), nadmin.list_routes(s, actor),
                    nadmin.list_deliveries(s, actor, state=state, limit=500), nadmin.outbox_counts(s),
                    [(t.id, t.name) for t in s.scalars(select(Team).order_by(Team.name))],
                    [tuple(r) for r in s.execute(select(Person.id, Person.full_name).where(
                        Person.active.is_(True), Person.job_title != "agent").order_by(Person.full_name))])

        self.ctx.tasks.query(load).success(self._on_loaded).failure(lambda exc: show_error(self, exc)).run()

    def _on_loaded(self, result: tuple[Any, ...]) -> None:
        channels, routes, deliveries, counts, self.teams, self.people = result
        self.channels_model.set_rows(channels)
        self.routes_model.set_rows(routes)
        self.deliveries_model.set_rows(deliveries)
        self.counts.setText(tr("Outbox: %1 queued, %2 sending, %3 delivered, %4 failed.")
                            .replace("%1", str(counts["queued"])).replace("%2", str(counts["sending"]))
                            .replace("%3", str(counts["delivered"])).replace("%4", str(counts["failed"])))

    # --- channels -----------------------------------------------------------------------------
    def _on_edit_channel_clicked(self, *_args: object) -> None:
        rows = _selected(self.channels_view, self.channels_model)
        if rows and self.may_edit:
            self.edit_channel(rows[0])

    def edit_channel(self, row: nadmin.ChannelRow | None) -> ChannelDialog:
        dialog = ChannelDialog(row, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._save_channel(dialog))
        dialog.open()
        return dialog

    def _save_channel(self, dialog: ChannelDialog) -> None:
        actor, row, values = self.ctx.actor, dialog.row, dialog.values()
        self.ctx.tasks.command(lambda s: nadmin.save_channel(
            s, actor, channel_id=row.id if row else None, expected_version=row.version if row else None, **values)) \
            .success(lambda result: self.ctx.bus.operation_did_execute.emit(result[1], self)) \
            .failure(lambda exc: show_error(self, exc)).run()

    def test_selected_channel(self) -> None:
        rows = _selected(self.channels_view, self.channels_model)
        if not rows:
            return
        actor, cid, db = self.ctx.actor, rows[0].id, self.ctx.db

        def send(s: Any) -> int:
            return nadmin.queue_test(s, actor, cid)

        def sent(delivery_id: int) -> None:
            from app.notifications.outbox import deliver_due

            self.ctx.bus.operation_did_execute.emit(Changes.NOTIFICATIONS, self)
            # the send itself runs as a read-side task (it opens its own sessions)
            self.ctx.tasks.query(lambda _s: deliver_due(db, channel_ids={cid}, max_seconds=20)) \
                .success(lambda _r: self._show_test_result(delivery_id)) \
                .failure(lambda exc: show_error(self, exc)).run()

        self.ctx.tasks.command(send).success(sent).failure(lambda exc: show_error(self, exc)).run()

    def _show_test_result(self, delivery_id: int) -> None:
        self.ctx.bus.operation_did_execute.emit(Changes.NOTIFICATIONS, self)
        self.tabs.setCurrentIndex(2)
        self.attempts_for(delivery_id)

    def delete_selected_channel(self) -> None:
        rows = _selected(self.channels_view, self.channels_model)
        if not rows:
            return
        actor, cid = self.ctx.actor, rows[0].id
        self.ctx.tasks.command(lambda s: nadmin.delete_channel(s, actor, cid)) \
            .success(lambda changes: self.ctx.bus.operation_did_execute.emit(changes, self)) \
            .failure(lambda exc: show_error(self, exc)).run()

    # --- routes -------------------------------------------------------------------------------
    def _on_edit_route_clicked(self, *_args: object) -> None:
        rows = _selected(self.routes_view, self.routes_model)
        if rows and self.may_edit:
            self.edit_route(rows[0])

    def edit_route(self, row: nadmin.RouteRow | None) -> RouteDialog:
        dialog = RouteDialog(row, self.channels_model.rows(), self.teams, self, people=self.people)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._save_route(row, dialog))
        dialog.open()
        return dialog

    def _save_route(self, row: nadmin.RouteRow | None, dialog: RouteDialog) -> None:
        actor, values = self.ctx.actor, dialog.values()
        if values["channel_id"] is None:
            show_error(self, ValueError(tr("Add a channel first: a routing rule sends to a channel.")))
            return
        self.ctx.tasks.command(lambda s: nadmin.save_route(
            s, actor, route_id=row.id if row else None, expected_version=row.version if row else None, **values)) \
            .success(lambda result: self.ctx.bus.operation_did_execute.emit(result[1], self)) \
            .failure(lambda exc: show_error(self, exc)).run()

    def delete_selected_route(self) -> None:
        rows = _selected(self.routes_view, self.routes_model)
        if not rows:
            return
        actor, rid = self.ctx.actor, rows[0].id
        self.ctx.tasks.command(lambda s: nadmin.delete_route(s, actor, rid)) \
            .success(lambda changes: self.ctx.bus.operation_did_execute.emit(changes, self)) \
            .failure(lambda exc: show_error(self, exc)).run()

    # --- deliveries ---------------------------------------------------------------------------
    def _on_delivery_selected(self) -> None:
        rows = _selected(self.deliveries_view, self.deliveries_model)
        if rows:
            self.attempts_for(rows[0].id)
        else:
            self.attempts.clear()

    def attempts_for(self, delivery_id: int) -> None:
        actor, tz = self.ctx.actor, self.ctx.timezone

        def shown(attempts: list[nadmin.AttemptRow]) -> None:
            lines = [tr("Delivery %1:").replace("%1", str(delivery_id))]
            for a in attempts:
                lines.append(f"{local_time_text(a.at, tz)}  {outcome_text(a.outcome):9} {a.status or '-':>8}  "
                             f"{a.duration_ms} ms  {a.desk or ''}")
                if a.error:
                    lines.append(f"    {tr('error')}: {a.error}")
                if a.response:
                    lines.append(f"    {tr('answer')}: {a.response}")
            if not attempts:
                lines.append(tr("No attempt yet."))
            self.attempts.setPlainText("\n".join(lines))

        self.ctx.tasks.query(lambda s: nadmin.attempts_of(s, actor, delivery_id)).success(shown) \
            .failure(lambda exc: show_error(self, exc)).run()

    def resend_selected(self) -> None:
        ids = [r.id for r in _selected(self.deliveries_view, self.deliveries_model)]
        if not ids:
            return
        actor = self.ctx.actor
        self.ctx.tasks.command(lambda s: nadmin.resend(s, actor, ids)) \
            .success(lambda changes: self.ctx.bus.operation_did_execute.emit(changes, self)) \
            .failure(lambda exc: show_error(self, exc)).run()
