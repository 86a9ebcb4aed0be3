"""Quality ▸ Auto-QA: every checked conversation of a period — per agent the pass rate of each
check, the conversations behind a cell (failing that check), and the transcript with the failed
checks marked. Supervisors see their teams, agents themselves (the services' row scope)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.autoqa.service import (
    CHECK_NAMES,
    AgentChecks,
    Conversation,
    ConversationRow,
    agent_summary,
    conversation,
    conversations_for,
)
from app.changes import Changes
from ui.autoqa.transcript_view import TranscriptView, check_label
from ui.context import ConsoleContext
from ui.errors import message_text, show_error
from ui.widgets.table_model import Index, RowTableModel
from ui.workspace import Workspace

GOOD = QColor("#2e7d32")
WARN = QColor("#b26a00")
BAD = QColor("#c62828")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


class AgentChecksModel(RowTableModel[AgentChecks]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [tr("Agent"), tr("Chats")] + [check_label(c) for c in CHECK_NAMES]

    def set_rows(self, rows: list[AgentChecks]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def check_at(self, column: int) -> str | None:
        return CHECK_NAMES[column - 2] if column >= 2 else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        c = index.column()
        check = self.check_at(c)
        rate = a.pass_rate(check) if check else None
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return a.agent
            if c == 1:
                return f"{a.conversations:,}"
            return "—" if rate is None else f"{rate * 100:.0f} %"
        if role == Qt.ItemDataRole.ForegroundRole and rate is not None:
            return GOOD if rate >= 0.95 else WARN if rate >= 0.8 else BAD
        if role == Qt.ItemDataRole.TextAlignmentRole and c > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and check:
            failed, applicable = a.failed.get(check, 0), a.applicable.get(check, 0)
            return tr("{f} of {n} conversations failed — select to list them").format(f=failed, n=applicable)
        return None


class ConversationModel(RowTableModel[ConversationRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [tr("Time"), tr("Agent"), tr("Queue"), tr("Failed checks")]
        self.tz: Any = None

    def set_rows(self, rows: list[ConversationRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [r.offered_at.astimezone(self.tz).strftime("%m-%d %H:%M"), r.agent or "—", r.queue,
                    tr(", ").join(check_label(c) for c in r.failed) or tr("all passed")][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3:
            return BAD if r.failed else GOOD
        return None


class AutoQaView(Workspace):
    refresh_on = Changes.QA | Changes.INTERACTIONS | Changes.SETTINGS

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("autoqa_view")
        today = clock.now().astimezone(ctx.timezone).date()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        self.since = QDateEdit(self)
        self.until = QDateEdit(self)
        for edit, day in ((self.since, today - timedelta(days=6)), (self.until, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
        bar.addWidget(QLabel(tr("From"), self))
        bar.addWidget(self.since)
        bar.addWidget(QLabel(tr("to"), self))
        bar.addWidget(self.until)
        self.summary = QLabel(self)
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)  # two lines beside the period rather than cut
        bar.addSpacing(12)
        bar.addWidget(self.summary, 1)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.agents_model = AgentChecksModel(self)
        self.agents = QTableView(split)
        self.agents.setObjectName("autoqa_agents")
        self.agents.setModel(self.agents_model)
        self.agents.verticalHeader().hide()
        self.agents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.agents.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agents.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.agents.horizontalHeader().setStretchLastSection(True)
        bottom = QSplitter(Qt.Orientation.Horizontal, split)
        self.conversations_model = ConversationModel(self)
        self.conversations_model.tz = ctx.timezone
        self.conversations = QTableView(bottom)
        self.conversations.setObjectName("autoqa_conversations")
        self.conversations.setModel(self.conversations_model)
        self.conversations.verticalHeader().hide()
        self.conversations.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conversations.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conversations.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.conversations.horizontalHeader().setStretchLastSection(True)
        self.transcript = TranscriptView(bottom, ctx.timezone)
        bottom.addWidget(self.conversations)
        bottom.addWidget(self.transcript)
        bottom.setStretchFactor(0, 2)
        bottom.setStretchFactor(1, 3)
        split.addWidget(self.agents)
        split.addWidget(bottom)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)
        self.since.dateChanged.connect(self._on_range_changed)
        self.until.dateChanged.connect(self._on_range_changed)
        self.agents.selectionModel().currentChanged.connect(self._on_agent_cell_changed)
        self.conversations.selectionModel().currentRowChanged.connect(self._on_conversation_changed)
        self.transcript.show_conversation(None, tr("Select a conversation to read its transcript."))

    @staticmethod
    def title() -> str:
        return tr("Auto-QA")

    def _range(self) -> tuple[datetime, datetime]:
        tz = self.ctx.timezone
        a, b = self.since.date(), self.until.date()
        since = datetime.combine(datetime(a.year(), a.month(), a.day()).date(), time(0), tzinfo=tz)
        until = datetime.combine(datetime(b.year(), b.month(), b.day()).date(), time(0), tzinfo=tz) + timedelta(days=1)
        return since, until

    def reload(self) -> None:
        since, until = self._range()
        actor = self.ctx.actor

        def load(s: Any) -> tuple[list[AgentChecks], list[ConversationRow]]:
            return agent_summary(s, actor, since, until), conversations_for(s, actor, since, until, limit=300)

        self.load(load, self._on_loaded, self._on_failed)

    def _on_loaded(self, result: tuple[list[AgentChecks], list[ConversationRow]]) -> None:
        agents, rows = result
        self.agents_model.set_rows(agents)
        self.conversations_model.set_rows(rows)
        chats = sum(a.conversations for a in agents)
        if chats:
            self.summary.setText(tr("{n} conversations checked by {a} agents. Select a cell to list the "
                                    "conversations failing that check.").format(n=f"{chats:,}", a=len(agents)))
        else:
            self.summary.setText(tr("No checked conversations in this period. Import transcripts "
                                    "(floorwalker import transcripts) — the auto-QA job checks them every 5 minutes."))
        self.mark_loaded()

    def _on_failed(self, exc: BaseException) -> None:
        self.mark_failed(exc)
        self.summary.setText(tr("Could not load the automatic checks: {e}").format(e=message_text(exc).splitlines()[0]))

    def _on_range_changed(self, *_args: Any) -> None:
        self.refresh()

    def _on_agent_cell_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        agent = self.agents_model.row_at(current.row())
        check = self.agents_model.check_at(current.column())
        self.show_conversations(agent.agent_id, check)

    def show_conversations(self, agent_id: int | None, failed_check: str | None) -> None:
        since, until = self._range()
        actor = self.ctx.actor
        self.ctx.tasks.query(lambda s: conversations_for(s, actor, since, until, agent_id=agent_id,
                                                         failed_check=failed_check)) \
            .success(self.conversations_model.set_rows).failure(lambda exc: show_error(self, exc)).run()

    def _on_conversation_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        iid = self.conversations_model.row_at(current.row()).interaction_id
        actor = self.ctx.actor
        self.ctx.tasks.query(lambda s: conversation(s, actor, iid)).success(self._show_transcript) \
            .failure(lambda exc: show_error(self, exc)).run()

    def _show_transcript(self, conv: Conversation | None) -> None:
        self.transcript.show_conversation(conv)
