"""Big-number tiles for the day's headline figures."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


class KpiTile(QFrame):
    """A caption over a big value, with a detail line under it (styled by base.qss)."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpi_tile")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.caption_label = QLabel(caption)
        self.caption_label.setObjectName("kpi_caption")
        self.value_label = QLabel("—")
        self.value_label.setObjectName("kpi_value")
        self.detail_label = QLabel(" ")
        self.detail_label.setObjectName("kpi_caption")
        for label in (self.caption_label, self.value_label, self.detail_label):
            layout.addWidget(label)

    def set_value(self, value: str, detail: str = "", tooltip: str = "") -> None:
        self.value_label.setText(value)
        self.detail_label.setText(detail or " ")
        self.setToolTip(tooltip)

    @property
    def value(self) -> str:
        return self.value_label.text()

    @property
    def detail(self) -> str:
        return self.detail_label.text()
