"""Help pages (F1), the shortcut cheat sheet (Ctrl+/), the first-run guide, empty states, pseudo-translation."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout

from app.actor import Actor
from app.changes import Changes
from resources import resource_path
from ui.help.viewer import LANGUAGES, PAGES, help_language, help_page
from ui.workspace import Workspace
from ui.workspaces import WORKSPACES

pytestmark = pytest.mark.gui
ADA = Actor("ada", "administrator")


class WallPage(Workspace):
    refresh_on = Changes.LIVE if hasattr(Changes, "LIVE") else Changes.ALL

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.wall = QPushButton("Wallboard")
        self.wall.setToolTip("Full-screen board for a TV on the floor (F11; Esc leaves)")
        layout.addWidget(self.wall)
        self.walls = 0
        QShortcut(QKeySequence("F11"), self, activated=self._wall)
        described = QShortcut(QKeySequence("Ctrl+Shift+P"), self, activated=self._wall)
        described.setWhatsThis("Pause the feed")
        QShortcut(QKeySequence("Ctrl+Shift+Q"), self, activated=self._wall)  # says nothing: not listed

    def _wall(self) -> None:
        self.walls += 1

    @staticmethod
    def title() -> str:
        return "Live"

    @staticmethod
    def icon_name() -> str:
        return "live"

    def reload(self) -> None:
        self.mark_loaded()


class PlainPage(WallPage):
    @staticmethod
    def title() -> str:
        return "Complaints"

    @staticmethod
    def icon_name() -> str:
        return "complaints"


@pytest.fixture
def window(qtbot, sqlite_db):
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    ctx = ConsoleContext(db=sqlite_db, tasks=TaskRunner(sqlite_db, inline=True), bus=Bus(), actor=ADA,
                         timezone=ZoneInfo("Asia/Shanghai"))
    w = MainWindow(ctx, [WallPage, PlainPage])
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    yield w
    for child in (w.help_window, w.shortcut_sheet, w.guide):
        if child is not None:
            child.close()


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links += [v for k, v in attrs if k == "href"]

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_workspace_has_a_help_page_in_both_languages(language):
    slugs = {spec.icon for spec in WORKSPACES}
    assert slugs <= set(PAGES)
    for slug in PAGES:
        path = resource_path("help", language, f"{slug}.html")
        assert path.exists(), path
        parsed = _Text()
        parsed.feed(path.read_text(encoding="utf-8"))
        text = "".join(parsed.text)
        for link in parsed.links:
            assert resource_path("help", language, link).exists(), f"{path.name}: broken link {link}"
        if slug != "index":
            assert re.search(r"R-[A-Z]+-\d", text), f"{language}/{slug}: no rule ids"
            assert "index.html" in parsed.links
        if language == "zh_CN":
            assert re.search(r"[\u4e00-\u9fff]", text)
    # the same rule ids in both languages
    for slug in PAGES:
        ids = [set(re.findall(r"R-[A-Z]+-\d+", resource_path("help", lang, f"{slug}.html").read_text("utf-8")))
               for lang in LANGUAGES]
        assert ids[0] == ids[1], slug


def test_help_follows_the_language_and_falls_back_to_english():
    assert help_language(QLocale("zh_CN")) == "zh_CN"
    assert help_language(QLocale("en_US")) == "en"
    assert help_page("live", "zh_CN").parent.name == "zh_CN"
    assert help_page("live", "fr").parent.name == "en"
    assert help_page("nothing-here", "en").name == "index.html"


def test_f1_opens_the_help_of_the_workspace_shown(qtbot, window):
    window.show_workspace(1)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_window = window.help_window
    assert help_window is not None and help_window.isVisible() and not help_window.isModal()
    assert help_window.slug == "complaints" and "R-SLA-1" in help_window.browser.toPlainText()
    window.show_workspace(0)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert help_window.slug == "live" and "F11" in help_window.browser.toPlainText()


def test_the_cheat_sheet_lists_the_live_shortcuts_by_workspace(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    sheet = window.shortcut_sheet
    assert sheet is not None and sheet.isVisible()
    rows = sheet.rows()
    groups = [g for g, _a, _k in rows]
    assert ("Everywhere", "Command palette…", "Ctrl+K") in rows
    assert ("Everywhere", "Keyboard shortcuts", "Ctrl+/") in rows
    assert ("Everywhere", "Complaints", "Ctrl+2") in rows
    # a QShortcut is described by its whatsThis, or by the button whose tooltip names its key
    assert ("Live", "Wallboard", "F11") in rows and ("Live", "Pause the feed", "Ctrl+Shift+P") in rows
    assert not any(k == "Ctrl+Shift+Q" for _g, _a, k in rows)
    assert groups.index("Everywhere") < groups.index("Live") < groups.index("Complaints")
    # every action of the window with a key is listed
    listed = {a for _g, a, _k in rows}
    for action in window.actions():
        if not action.shortcut().isEmpty():
            assert action.text().replace("&", "") in listed
    sheet.filter.setText("wall")
    assert [(g, a) for g, a, _k in sheet.rows()] == [("Live", "Wallboard"), ("Complaints", "Wallboard")]


def test_first_run_guide_once_then_again_from_settings(qtbot, window, monkeypatch):
    assert window.guide is None  # a window alone never shows it (tests, self-test)
    assert window.show_guide_if_first_run()
    guide = window.guide
    assert guide.isVisible() and not guide.isModal()
    text = guide.text.text()
    assert "Ctrl+K" in text and "F1" in text and "Live" in text and "Complaints" in text
    qtbot.mouseClick(guide.close_button, Qt.MouseButton.LeftButton)
    assert not guide.isVisible() and QSettings().value("ui/guide_shown", type=bool)
    assert not window.show_guide_if_first_run()

    from ui.settings_dialog import SettingsDialog

    def answer(self) -> int:
        qtbot.mouseClick(self.guide_button, Qt.MouseButton.LeftButton)
        assert not self.guide_button.isEnabled()
        return SettingsDialog.DialogCode.Rejected

    monkeypatch.setattr(SettingsDialog, "exec", answer)
    window.open_settings()
    assert window.guide.isVisible()
    window.guide.close()


def test_theme_previews_live_and_cancel_puts_it_back(qtbot):
    from ui.settings_dialog import SettingsDialog
    from ui.style import apply_theme

    apply_theme("light")
    dialog = SettingsDialog("now.db")
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert QApplication.palette().window().color().name() == "#202327"
    assert "command_palette" in QApplication.instance().styleSheet()
    dialog.reject()
    assert QApplication.palette().window().color().name() == "#f4f5f7"


def test_settings_offer_the_pseudo_language_and_say_it_shows_at_once(qtbot):
    from ui.settings_dialog import SettingsDialog, saved_language

    dialog = SettingsDialog("now.db")
    qtbot.addWidget(dialog)
    assert dialog.language.findData("pseudo") >= 0
    assert "when you save" in dialog.language_note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("pseudo"))
    assert dialog.save() and dialog.language_changed and not dialog.database_changed
    assert saved_language() == "pseudo"


def test_empty_state_shows_what_and_what_next(qtbot):
    from ui.widgets.empty_state import EmptyState

    empty = EmptyState("complaints", "No complaints match", "Clear the filters or press Ctrl+N.",
                       button_text="Record a case…")
    qtbot.addWidget(empty)
    empty.show()
    assert empty.icon_label.pixmap() is not None and not empty.icon_label.pixmap().isNull()
    assert empty.button.isVisible() and empty.title_label.text() == "No complaints match"
    with qtbot.waitSignal(empty.action_requested):
        qtbot.mouseClick(empty.button, Qt.MouseButton.LeftButton)
    empty.set_content(None, "", "Nothing yet.")
    assert not empty.button.isVisible() and not empty.icon_label.isVisible() and not empty.title_label.isVisible()
    assert isinstance(empty.text_label, QLabel) and empty.text_label.text() == "Nothing yet."


# --- pseudo-translation -----------------------------------------------------------------------------------
@pytest.mark.parametrize("source", [
    "Publish this week…", "%1 agents on %2", "Forecast {queue} for {n:,} contacts", "<b>Ctrl+K</b> finds &amp; jumps",
    "&Settings…", "Line one\nLine two", "R-SLA-1: within %1 min",
])
def test_pseudo_keeps_placeholders_and_grows_about_40_percent(source):
    from tools.i18n import PLACEHOLDER
    from ui.pseudo import pseudo

    out = pseudo(source)
    assert sorted(PLACEHOLDER.findall(out)) == sorted(PLACEHOLDER.findall(source))
    assert out != source and out.count("\n") == source.count("\n")
    letters = sum(c.isalpha() for c in source)
    assert len(out) >= len(source) + 0.3 * letters
    if source.startswith("&"):
        assert out.startswith("[&S")  # the accelerator key stays a plain letter
    assert not re.search(r"[a-z]{3}", re.sub(r"%\d|\{[^}]*\}|<[^>]*>|&[a-z]+;", "", out))  # accented


def test_pseudo_catalogue_compiles_and_translates_at_runtime(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from ui.pseudo import pseudo, pseudo_qm
    from ui.translations import lrelease

    if lrelease() is None:
        pytest.skip("pyside6-lrelease is not installed")
    qm = pseudo_qm()
    assert qm is not None and qm.exists()
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "Keyboard shortcuts") == pseudo("Keyboard shortcuts")
    finally:
        QCoreApplication.removeTranslator(translator)


# --- messages raised below the Qt layer -------------------------------------------------------------------
def test_every_database_hint_is_marked_for_translation():
    import inspect

    import db.errors
    from ui.errors import DATABASE_HINTS

    hints = {c.hint for _n, c in inspect.getmembers(db.errors, inspect.isclass)
             if issubclass(c, db.errors.DatabaseError) and c.hint}
    assert hints and hints <= set(DATABASE_HINTS)


def test_known_messages_are_translated_with_their_values(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from ui.errors import user_message
    from ui.pseudo import pseudo, pseudo_qm
    from ui.translations import lrelease

    assert user_message(ValueError("A password needs at least 10 characters.")) == \
        "A password needs at least 10 characters."
    assert user_message("Something nobody marked") == "Something nobody marked"
    if lrelease() is None:
        pytest.skip("pyside6-lrelease is not installed")
    translator = QTranslator()
    assert translator.load(str(pseudo_qm()))
    QCoreApplication.installTranslator(translator)
    try:
        assert user_message(ValueError("A password needs at least 10 characters.")) == \
            pseudo("A password needs at least %1 characters.").replace("%1", "10")
        assert user_message("The user name or password is not right.") == \
            pseudo("The user name or password is not right.")
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize(("text", "shown"), [("&Settings…", "Settings…"), ("设置(&S)…", "设置…"),
                                             ("退出（&Q）", "退出"), ("Q&&A", "Q&A"), ("Undo\tCtrl+Z", "Undo")])
def test_menu_texts_are_listed_without_accelerators(text, shown):
    from ui.palette.registry import clean

    assert clean(text) == shown


def test_a_chinese_font_is_found_or_the_log_says_what_to_install(qapp, monkeypatch, caplog):
    import sys

    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    import ui.style
    from ui.style import CJK_FAMILIES, ensure_cjk_font

    before = QApplication.font()
    try:
        found = ensure_cjk_font()
        installed = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        if installed:
            assert found in installed and "Mono" not in found and found in QApplication.font().families()
            if set(CJK_FAMILIES) & set(installed):
                assert found in CJK_FAMILIES
        monkeypatch.setattr(ui.style.QFontDatabase, "families", staticmethod(lambda *_a: []))
        monkeypatch.setattr(sys, "platform", "linux")
        with caplog.at_level("WARNING", logger="ui.style"):
            assert ensure_cjk_font() is None
        assert "fonts-noto-cjk" in caplog.text
    finally:
        QApplication.setFont(before)


def test_a_theme_switch_reaches_every_open_workspace(qtbot, window):
    from ui.style import apply_theme

    seen: list[str] = []
    for page in window.workspaces:
        page.theme_did_change = lambda theme, s=seen: s.append(theme)
    apply_theme("light")
    seen.clear()
    apply_theme("dark")
    assert seen == ["dark", "dark"]
    apply_theme("dark")  # no change: nobody is asked to redraw
    assert seen == ["dark", "dark"]
    apply_theme("light")
    assert seen[-2:] == ["light", "light"]


def test_the_console_installs_the_pseudo_language(qapp, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from ui.app import install_translations
    from ui.pseudo import pseudo
    from ui.translations import lrelease

    if lrelease() is None:
        pytest.skip("pyside6-lrelease is not installed")
    before = set(qapp.findChildren(QTranslator)), QLocale()
    install_translations(qapp, "pseudo")
    added = [t for t in qapp.findChildren(QTranslator) if t not in before[0]]
    try:
        assert added
        assert QCoreApplication.translate("SettingsDialog", "Theme") == pseudo("Theme")
        assert QLocale().language() == QLocale.Language.English  # numbers and dates stay English
    finally:
        for translator in added:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(before[1])


def test_a_refused_permission_names_the_role_in_plain_words():
    from app.actor import Actor
    from app.security.permissions import PermissionDenied
    from ui.errors import user_message

    exc = PermissionDenied(Actor("ada", "quality_analyst"), "rota.publish")
    assert user_message(exc) == "Your role (quality analyst) may not do this (rota.publish)."
    # the plain message below the Qt layer reads as English too ("An administrator", "A supervisor")
    assert str(PermissionDenied(Actor("root", "administrator"), "qa.review")) == \
        "An administrator may not do this (qa.review)."
    assert str(PermissionDenied(Actor("sue", "supervisor"), "rota.publish")).startswith("A supervisor ")
    assert user_message(PermissionDenied(Actor("root", "administrator"), "qa.review")) == \
        "Your role (administrator) may not do this (qa.review)."
