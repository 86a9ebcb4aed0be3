"""The first-run guide: a short, non-modal panel on the first start (QSettings ``ui/guide_shown``),
dismissible, shown again from Help ▸ Getting started guide or Settings ▸ Show the guide again.

The console shows it from ``run_gui`` only, so tests and the self-test never see it unless they ask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ui.main_window import GUIDE_SETTING
from ui.widgets.icons import icon
from ui.widgets.windows import bring_to_front

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class FirstRunGuide(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("first_run_guide")
        self.setWindowTitle(self.tr("Welcome to Floorwalker"))
        self.setModal(False)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        head = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(icon("floorwalker").pixmap(40, 40))
        head.addWidget(logo)
        title = QLabel(self.tr("Getting started"))
        title.setObjectName("page_title")
        head.addWidget(title, 1)
        layout.addLayout(head)
        rows = [self.tr("The sidebar holds the workspaces; Ctrl+1 … Ctrl+%1 switch between them:")
                .replace("%1", str(len(window._kinds)))]
        blurbs = {
            "live": self.tr("the floor now: waiting calls, service level, agents, alerts (F11: wallboard)."),
            "schedule": self.tr("forecast, staffing, the rota editor and time off."),
            "quality": self.tr("the weekly QA sample, reviews, calibration, disputes and auto-QA."),
            "complaints": self.tr("the escalation board with live SLA clocks (Ctrl+N: a new case)."),
            "reports": self.tr("monthly figures, the monthly evaluation and the quarterly review."),
            "admin": self.tr("people, teams, queues, rules, users, jobs, notifications and the audit log."),
        }
        items = "".join(f"<li><b>{window.workspace_title(i)}</b> — {blurbs.get(window.workspace_icon(i), '')}</li>"
                        for i in range(len(window._kinds)))
        rows.append(f"<ul style='margin-left: -20px'>{items}</ul>")
        rows.append(self.tr("<b>Ctrl+K</b> finds anything: a workspace, a tab, an action, an agent, a complaint "
                            "or a week such as 2026-W48."))
        rows.append(self.tr("<b>F1</b> opens the help page of the workspace you are in; <b>Ctrl+/</b> lists "
                            "every keyboard shortcut."))
        rows.append(self.tr("Language, theme and database are in File ▸ Settings, where this guide can be "
                            "shown again."))
        self.text = QLabel("<p>" + "</p><p>".join(rows) + "</p>")
        self.text.setObjectName("guide_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        help_button = QPushButton(icon("help"), self.tr("Open the help"))
        help_button.clicked.connect(self._on_help_clicked)
        buttons.addWidget(help_button)
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Got it"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    def open_guide(self) -> None:
        bring_to_front(self)

    def _on_help_clicked(self) -> None:
        self.window_.open_help("index")
        self.close()

    def done(self, result: int) -> None:
        self._remember()
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        self._remember()
        super().closeEvent(event)

    @staticmethod
    def _remember() -> None:
        settings = QSettings()
        settings.setValue(GUIDE_SETTING, True)
        settings.sync()
