"""Settings: which database to open, the language and the theme (stored in QSettings)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.config import ENV_DB

# "pseudo": every text lengthened and accented (ui/pseudo.py), to find clipped layouts
LANGUAGES = (("system", QT_TRANSLATE_NOOP("SettingsDialog", "System default")), ("en", "English"),
             ("zh_CN", "简体中文"), ("pseudo", QT_TRANSLATE_NOOP("SettingsDialog", "Pseudo-translation (layout check)")))
THEMES = (("light", QT_TRANSLATE_NOOP("SettingsDialog", "Light")), ("dark", QT_TRANSLATE_NOOP("SettingsDialog", "Dark")))
SCHEMES = ("sqlite", "postgresql", "postgres", "postgresql+psycopg")


def saved_database_url() -> str | None:
    value = QSettings().value("database/url", "")
    return str(value) if value else None


def saved_language() -> str:
    return str(QSettings().value("ui/language", "system"))


def saved_theme() -> str:
    return str(QSettings().value("ui/theme", "light"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def database_url_problem(text: str) -> str:
    """Why ``text`` cannot be a database address, or "" when it can (empty: the local default file).

    Checks the form only; whether the server answers is found out when the console starts.
    """
    text = text.strip()
    if not text:
        return ""
    if "://" not in text:
        path = Path(text).expanduser()
        if path.is_dir():
            return _tr("%1 is a folder; give a file name inside it, such as %2.") \
                .replace("%1", str(path)).replace("%2", str(path / "floorwalker.db"))
        if not path.parent.is_dir():
            return _tr("The folder %1 does not exist.").replace("%1", str(path.parent))
        return ""
    parts = urlsplit(text)
    if parts.scheme not in SCHEMES:
        return _tr("Use a file path, or a URL starting with postgresql+psycopg:// (not %1://).") \
            .replace("%1", parts.scheme)
    if parts.scheme == "sqlite":
        return "" if parts.path.strip("/") else _tr("A sqlite:/// URL needs a file path after it.")
    try:
        port = parts.port
    except ValueError:
        return _tr("The port in the address must be a number.")
    if not parts.hostname:
        return _tr("Add the server name, for example postgresql+psycopg://user@host:5432/floorwalker")
    if not parts.path.strip("/"):
        return _tr("Add the database name after the server, for example %1/floorwalker") \
            .replace("%1", f"{parts.hostname}{':' + str(port) if port else ''}")
    return ""


class SettingsDialog(QDialog):
    """Edits the saved settings. After saving, ``database_changed`` tells the caller a new database
    was chosen (it opens at the next start) and ``language_changed`` a new language (the console
    switches to it at once, see :meth:`ui.app.Console.switch_language`)."""

    def __init__(self, current_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(600)
        self.database_changed = False
        self.language_changed = False
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        row = QHBoxLayout()
        self.url_edit = QLineEdit(saved_database_url() or "")
        self.url_edit.setObjectName("database_url")
        self.url_edit.setPlaceholderText(self.tr("Local file (default) — or postgresql+psycopg://user@host/db"))
        self.url_edit.textChanged.connect(lambda _t: self.error.hide())
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
        self.language.setObjectName("language")
        for code, label in LANGUAGES:
            self.language.addItem(self.tr(label) if code in ("system", "pseudo") else label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(saved_language())))
        form.addRow(self.tr("Language"), self.language)
        self.language_note = QLabel(self.tr("The console switches to a new language when you save; the "
                                            "workspaces open again where you were."))
        self.language_note.setObjectName("hint")
        self.language_note.setWordWrap(True)
        form.addRow("", self.language_note)

        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        for code, label in THEMES:
            self.theme.addItem(self.tr(label), code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(saved_theme())))
        form.addRow(self.tr("Theme"), self.theme)
        self.theme.currentIndexChanged.connect(self._on_theme_current_index_changed)
        self._theme_at_open = saved_theme()

        self.guide_requested = False
        self.guide_button = QPushButton(self.tr("Show the guide again"))
        self.guide_button.setObjectName("show_guide")
        self.guide_button.setToolTip(self.tr("The short guide of the first start: the workspaces, help (F1) and "
                                             "the command palette (Ctrl+K)"))
        self.guide_button.clicked.connect(self._on_guide_button_clicked)
        form.addRow(self.tr("Guide"), self.guide_button)

        self.error = QLabel()
        self.error.setObjectName("form_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.error.hide()
        layout.addWidget(self.error)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_theme_current_index_changed(self, _index: int) -> None:
        """The theme applies while choosing (Cancel puts the old one back)."""
        from ui.style import apply_theme

        apply_theme(str(self.theme.currentData()))

    def _on_guide_button_clicked(self) -> None:
        self.guide_requested = True
        QSettings().setValue("ui/guide_shown", False)
        self.guide_button.setEnabled(False)
        self.guide_button.setText(self.tr("The guide opens when Settings closes"))

    def reject(self) -> None:
        if self.theme.currentData() != self._theme_at_open:
            from ui.style import apply_theme

            apply_theme(self._theme_at_open)
        super().reject()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Database file"), self.url_edit.text(),
                                              self.tr("Floorwalker database (*.db)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.url_edit.setText(path)

    def save(self) -> bool:
        """Store the settings, or show why the database address cannot be used and keep the dialog open."""
        url = self.url_edit.text().strip()
        problem = database_url_problem(url)
        if problem:
            self.error.setText(problem)
            self.error.show()
            self.url_edit.setFocus()
            return False
        settings = QSettings()
        old = (saved_database_url() or "", saved_language(), self._theme_at_open)
        settings.setValue("database/url", url)
        settings.setValue("ui/language", self.language.currentData())
        settings.setValue("ui/theme", self.theme.currentData())
        settings.sync()
        self.database_changed = old[0] != url
        self.language_changed = old[1] != self.language.currentData()
        if old[2] != self.theme.currentData():
            from ui.style import apply_theme

            apply_theme(str(self.theme.currentData()))
        self.accept()
        return True
