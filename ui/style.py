"""Light and dark themes: a Fusion palette plus the console's style sheet."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from resources import resource_path

ACCENT = "#2f6fde"


def apply_theme(theme: str) -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    app.setStyle("Fusion")
    palette = QPalette()
    if theme == "dark":
        colors = {
            QPalette.ColorRole.Window: "#202327", QPalette.ColorRole.WindowText: "#e6e6e6",
            QPalette.ColorRole.Base: "#17191c", QPalette.ColorRole.AlternateBase: "#24272c",
            QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#2a2d32",
            QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: ACCENT,
            QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#2a2d32",
            QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.PlaceholderText: "#8a8f98",
        }
    else:
        colors = {
            QPalette.ColorRole.Window: "#f4f5f7", QPalette.ColorRole.WindowText: "#1d2329",
            QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#f6f8fa",
            QPalette.ColorRole.Text: "#1d2329", QPalette.ColorRole.Button: "#ffffff",
            QPalette.ColorRole.ButtonText: "#1d2329", QPalette.ColorRole.Highlight: ACCENT,
            QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#ffffff",
            QPalette.ColorRole.ToolTipText: "#1d2329", QPalette.ColorRole.PlaceholderText: "#8a8f98",
        }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    app.setPalette(palette)
    qss = resource_path("style", f"{theme}.qss")
    base = resource_path("style", "base.qss")
    sheet = base.read_text(encoding="utf-8") if base.exists() else ""
    if qss.exists():
        sheet += "\n" + qss.read_text(encoding="utf-8")
    app.setStyleSheet(sheet)
