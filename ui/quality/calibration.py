"""The Quality workspace's Calibration tab."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.context import ConsoleContext
from ui.quality.tab import QualityTab


class CalibrationPage(QualityTab):
    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Loading…"), self))

    @staticmethod
    def tab_title() -> str:
        return QCoreApplication.translate("quality", "Calibration")

    def reload(self) -> None:
        self.mark_loaded()
