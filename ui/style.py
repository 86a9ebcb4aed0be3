"""Light and dark themes: a Fusion palette plus the console's style sheet."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from resources import resource_path

log = logging.getLogger(__name__)
ACCENT = "#2f6fde"
THEMES = ("light", "dark")
# first found wins; fontconfig names on Linux, then the usual Windows and macOS fonts
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei",
                "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "SimHei")
current_theme = "light"


class ThemeSignals(QObject):
    """``changed(theme)`` after the application switched theme (the main window tells each workspace)."""

    changed = Signal(str)


_signals: ThemeSignals | None = None


def theme_signals() -> ThemeSignals:
    global _signals
    if _signals is None:
        _signals = ThemeSignals()
    return _signals


def ensure_cjk_font() -> str | None:
    """A font that draws Simplified Chinese: fonts bundled in resources/fonts are loaded first, then
    the first of CJK_FAMILIES installed is put after the default font, so Latin text keeps its font
    and Chinese falls back to it. None (and a log line saying what to install) when there is none."""
    fonts = resource_path("fonts")
    if fonts.is_dir():
        for path in sorted(fonts.iterdir()):
            if path.suffix.lower() in (".ttf", ".otf", ".ttc") and QFontDatabase.addApplicationFont(str(path)) < 0:
                log.warning("could not load the bundled font %s", path.name)
    chinese = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    # a listed font, else a sans-serif one (a serif or monospaced font looks wrong in a console), else any
    family = next((f for f in CJK_FAMILIES if f in chinese), None) \
        or next((f for f in sorted(chinese) if "Sans" in f and "Mono" not in f), None) \
        or next((f for f in sorted(chinese) if "Mono" not in f), None) or (sorted(chinese)[0] if chinese else None)
    if family is None:
        if sys.platform.startswith("linux"):
            log.warning("No Chinese font found: Chinese text shows as boxes. Install one, e.g. "
                        "'sudo apt-get install fonts-noto-cjk' (or fonts-wqy-microhei), then restart.")
        return None
    app = QApplication.instance()
    if isinstance(app, QApplication):
        font = QFont(app.font())
        font.setFamilies([font.family(), family])
        app.setFont(font)
    return family


def apply_theme(theme: str) -> None:
    """Switch the whole application to ``theme`` ("light" or "dark"), at once, open windows included."""
    global current_theme
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    theme = theme if theme in THEMES else "light"
    changed = theme != current_theme
    current_theme = theme
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
    if changed:
        theme_signals().changed.emit(theme)
