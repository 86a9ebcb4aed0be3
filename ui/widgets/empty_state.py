"""An empty state: what this place is, why it is empty, and what to do next (with an optional button).

    empty = EmptyState("complaints", self.tr("No complaints match"),
                       self.tr("Clear the filters or record a case with Ctrl+N."),
                       button_text=self.tr("Record a case…"))
    empty.action_requested.connect(self.open_record_form)

Texts are given already translated; the widget centres itself in whatever space it gets.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

ICON_SIZE = 48


class EmptyState(QWidget):
    action_requested = Signal()

    def __init__(self, icon: str | QIcon | None = None, title: str = "", text: str = "", *,
                 button_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty_state_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(8)
        layout.addStretch(1)
        self.icon_label = QLabel()
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.icon_label)
        self.title_label = QLabel()
        self.title_label.setObjectName("empty_state_title")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        self.text_label = QLabel()
        self.text_label.setObjectName("empty_state")
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label.setWordWrap(True)
        # no alignment flag here: a word-wrapped label added with one gets too little height
        layout.addWidget(self.text_label)
        self.button = QPushButton()
        self.button.setObjectName("empty_state_button")
        self.button.clicked.connect(self.action_requested)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.set_content(icon, title, text, button_text=button_text)

    def set_content(self, icon: str | QIcon | None, title: str, text: str, *, button_text: str = "") -> None:
        if isinstance(icon, str):
            from ui.widgets.icons import icon as load_icon

            icon = load_icon(icon)
        if icon is not None and not icon.isNull():
            self.icon_label.setPixmap(icon.pixmap(QSize(ICON_SIZE, ICON_SIZE), QIcon.Mode.Disabled))
            self.icon_label.show()
        else:
            self.icon_label.hide()
        self.title_label.setText(title)
        self.title_label.setVisible(bool(title))
        self.text_label.setText(text)
        self.text_label.setVisible(bool(text))
        self.button.setText(button_text)
        self.button.setVisible(bool(button_text))
