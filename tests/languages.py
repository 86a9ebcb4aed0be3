"""The console in another language for a test: what ui.app.install_translations does at start-up,
undone afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def console_language(qapp, language: str) -> Iterator[list]:
    """The console's own way into ``language`` (ui.app.install_translations: Floorwalker's catalogue
    compiled from the .ts files, Qt's, the locale, a CJK font), undone afterwards; yields the
    translators installed (none for English)."""
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    from ui.app import install_translations
    from ui.translations import lrelease

    if language != "en" and lrelease() is None:
        pytest.skip("pyside6-lrelease is not installed")
    before = QLocale(), QApplication.font(), set(qapp.findChildren(QTranslator))
    install_translations(qapp, language)
    added = [t for t in qapp.findChildren(QTranslator) if t not in before[2]]
    assert added or language == "en", "no translator was installed"
    try:
        yield added
    finally:
        for translator in added:
            QCoreApplication.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(before[0])
        QApplication.setFont(before[1])
