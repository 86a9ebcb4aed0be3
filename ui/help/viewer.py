"""The help window: one short page per workspace (resources/help/<language>/<workspace>.html).

F1 opens the page of the workspace shown. Pages exist in English and Simplified Chinese; the
language follows the console's (QLocale's default), falling back to English.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from resources import resource_path

LANGUAGES = ("en", "zh_CN")
PAGES = ("index", "live", "schedule", "quality", "complaints", "reports", "admin")


def help_language(locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def help_page(slug: str, language: str | None = None) -> Path:
    """The page's file: in ``language`` if it exists there, else in English, else the index."""
    language = language or help_language()
    for lang, name in ((language, slug), ("en", slug), (language, "index"), ("en", "index")):
        path = resource_path("help", lang, f"{name}.html")
        if path.exists():
            return path
    return resource_path("help", "en", "index.html")


class HelpWindow(QDialog):
    """Not modal: it stays open beside the console while you work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_window")
        self.setWindowTitle(self.tr("Floorwalker help"))
        self.setModal(False)
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_browser")
        self.browser.setOpenExternalLinks(True)
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.slug = ""

    def show_page(self, slug: str) -> None:
        path = help_page(slug)
        self.slug = path.stem
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
