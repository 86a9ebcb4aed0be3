"""Small helpers for top-level windows."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` above the others (offscreen, for tests and the self-test, showing is enough)."""
    window.show()
    if QGuiApplication.platformName() != "offscreen":
        window.raise_()
        window.activateWindow()
