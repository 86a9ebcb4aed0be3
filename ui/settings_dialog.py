"""Settings: which database to open, the language and the theme (stored in QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.config import ENV_DB

LANGUAGES = (("system", "System default"), ("en", "English"), ("zh_CN", "简体中文"))
THEMES = (("light", "Light"), ("dark", "Dark"))


def saved_database_url() -> str | None:
    value = QSettings().value("database/url", "")
    return str(value) if value else None


def saved_language() -> str:
    return str(QSettings().value("ui/language", "system"))


def saved_theme() -> str:
    return str(QSettings().value("ui/theme", "light"))


class SettingsDialog(QDialog):
    def __init__(self, current_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        row = QHBoxLayout()
        self.url_edit = QLineEdit(saved_database_url() or "")
        self.url_edit.setPlaceholderText(self.tr("Local file (default) — or postgresql+psycopg://user@host/db"))
        row.addWidget(self.url_edit, 1)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        form.addRow(self.tr("Database"), row)
        note = QLabel(self.tr("In use now: %1. A new database opens after a restart. "
                              "The %2 environment variable and --db override this setting.")
                      .replace("%1", current_url).replace("%2", ENV_DB))
        note.setWordWrap(True)
        note.setObjectName("hint")
        form.addRow("", note)

        self.language = QComboBox()
        for code, label in LANGUAGES:
            self.language.addItem(self.tr(label) if code == "system" else label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(saved_language())))
        form.addRow(self.tr("Language"), self.language)

        self.theme = QComboBox()
        for code, label in THEMES:
            self.theme.addItem(self.tr(label), code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(saved_theme())))
        form.addRow(self.tr("Theme"), self.theme)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Database file"), self.url_edit.text(),
                                              self.tr("Floorwalker database (*.db)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.url_edit.setText(path)

    def _save(self) -> None:
        url = self.url_edit.text().strip()
        if url and "://" in url and not url.startswith(("sqlite", "postgres")):
            QMessageBox.warning(self, self.tr("Database"),
                                self.tr("Use a file path, or a URL starting with postgresql+psycopg://"))
            return
        settings = QSettings()
        old = (saved_database_url() or "", saved_language(), saved_theme())
        settings.setValue("database/url", url)
        settings.setValue("ui/language", self.language.currentData())
        settings.setValue("ui/theme", self.theme.currentData())
        settings.sync()
        if old[0] != url or old[1] != self.language.currentData():
            QMessageBox.information(self, self.tr("Settings saved"),
                                    self.tr("The new database or language is used from the next start."))
        if old[2] != self.theme.currentData():
            from ui.style import apply_theme

            apply_theme(str(self.theme.currentData()))
        self.accept()
