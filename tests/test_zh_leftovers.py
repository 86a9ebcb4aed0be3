"""The console in Simplified Chinese shows no English: every workspace and every tab of a small demo
center is visited and every text a user can read is checked (labels, buttons and their tooltips,
group titles, tab texts, table and tree headers, combo items, placeholders, window titles, menus),
and so are the shell's own windows (Settings, help, shortcuts, command palette, guide).

Two kinds of leftovers fail the test:

1. a text equal to an English source of the catalogue that *has* a Chinese translation: it is shown
   in English although translated — the code looks it up in another context, or not at all;
2. a text with English words that are not data: names of people, teams, queues, skills, templates
   and other rows of the database, numbers, rule ids (R-SLA-1), units, keys (Ctrl+K), acronyms
   (KPI, SLA, CSV) and product names are allowed.

The failure message lists every leftover with where it was seen (workspace ▸ tab, widget).
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from sqlalchemy import String, select

pytestmark = pytest.mark.gui

ALLOWED_WORDS = {
    # keys and units
    "ctrl", "shift", "alt", "esc", "enter", "space", "tab", "min", "ms", "px", "pt", "kb", "mb", "gb",
    # product, format and method names
    "floorwalker", "sqlite", "postgresql", "postgres", "psycopg", "erlang", "krippendorff", "poisson",
    "argon2id", "splitmix64", "pyworkforce", "excel", "wav", "mp3", "xlsx", "csv", "pdf", "png", "json", "html",
    "wecom", "dingtalk", "feishu", "webhook", "smtp", "email", "e-mail", "a4", "letter", "qt", "wapi", "cp-sat",
    "db", "createdb", "localhost", "utc", "gmt", "ok", "student",
}
ENDONYMS = {"English"}  # a language's own name in the language list
ALLOWED = re.compile(
    r"R-[A-Z]+-\d+(?:\.\.\d+)?"  # rule ids
    r"|\b[A-Z][A-Z0-9]{1,5}s?\b"  # acronyms: KPI, SLA, ASA, VIP, QA, AHT, WAPE, IDs
    r"|\bF\d{1,2}\b"  # function keys
    r"|\S*[/@_\\]\S*"  # paths, URLs, e-mail addresses, ids like sla_sweep
    r"|\S+\.(?:db|csv|xlsx|json|pdf|wav|png)\b"
    r"|`[^`]*`|floorwalker(?: [a-z][a-z-]*)+"  # commands to type
    r"|\b[\w.-]+:\d+\b"  # desks (host:process)
    r"|%\d|\{[^}]*\}"  # placeholders (a template shown as it is would be caught as a match below)
)
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
NAME_COLUMNS = {"name", "full_name", "username", "display_name", "reference", "employee_no", "title", "label",
                "code", "slug"}


def _catalogue() -> tuple[set[str], dict[str, str]]:
    """English sources of the catalogue, and those with a finished Chinese translation (source -> zh)."""
    from tools.i18n import extract, read_locale

    sources = {key.source for key in extract().messages}
    translated: dict[str, str] = {}
    for entries in read_locale("zh_CN").values():
        for key, entry in entries.items():
            if entry.finished and entry.translation.strip() != key.source.strip():
                translated[key.source] = entry.translation
    return sources, translated


CODE = re.compile(r"^[a-z][a-z0-9_]*$")  # "personal", "phone", "after_sales": shown raw they are leftovers


def _data_names(db) -> set[str]:
    """What the database holds and a page shows as it is: names of people, teams, queues, skills,
    templates, free text (reasons, summaries) — every short string value except codes (a lowercase
    word such as a time-off kind or a channel, which the page must translate)."""
    from db.models.base import Base

    names: set[str] = set()
    with db.session() as s:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if not isinstance(column.type, String):
                    continue
                values = s.execute(select(column).distinct().limit(2000)).scalars()
                names.update(v for v in values if isinstance(v, str) and v.strip()
                             and (column.name in NAME_COLUMNS or not CODE.match(v)) and len(v) <= 200)
    return names


def _clean(text: str) -> str:
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split())


def english_words(text: str, data: list[str]) -> list[str]:
    """Words of ``text`` that are English and not data, allowed names, keys, acronyms or units."""
    for name in data:  # longest first, so "Phone – General" goes before "Phone"
        if name in text:
            text = text.replace(name, " ")
    text = ALLOWED.sub(" ", text)
    return [w for w in WORD.findall(text) if w.lower() not in ALLOWED_WORDS]


def _supervisor(db):
    from app.actor import Actor
    from db.models.org import User

    with db.session() as s:
        user = s.execute(select(User).where(User.role == "supervisor").order_by(User.username)).scalars().first()
        return Actor(user.username, user.role, person_id=user.person_id)


def test_the_chinese_console_shows_no_english(qtbot, qapp, demo_db, chinese):
    from app.actor import Actor
    from ui.app import Console
    from ui.selftest import (
        ModalWatch,
        cell_texts,
        settle,
        tab_stops,
        visible_texts,
        wait_idle,
        wait_loaded,
    )

    sources, translated = _catalogue()
    data = sorted(_data_names(demo_db) | {Actor.local_administrator().username}, key=len, reverse=True)
    data_set = set(data)
    seen: dict[str, set[str]] = defaultdict(set)  # text -> where

    def collect(where: str, root) -> None:
        for widget, text in [*visible_texts(root), *cell_texts(root)]:
            text = _clean(text)
            if text:
                seen[text].add(f"{where} [{widget}]")

    modals = ModalWatch(qapp)
    try:
        # the administrator sees every tab of Admin; a supervisor reviews (Quality) and works cases
        for actor in (Actor.local_administrator(), _supervisor(demo_db)):
            console = Console(demo_db, actor=actor, watch=False, run_jobs=False)
            window = console.window
            try:
                window.resize(1440, 900)
                window.show()
                for index, page in enumerate(window.workspaces):
                    window.show_workspace(index)
                    wait_loaded(qapp, page, 8)
                    name = f"{window.workspace_title(index)} ({actor.role})"
                    collect(name, window)
                    for stop in tab_stops(page):
                        stop.show()
                        wait_idle(qapp, console.tasks, 5)
                        settle(qapp, 0.05)
                        collect(f"{name} ▸ {' ▸ '.join(stop.path)}", page)
                if actor.role != "administrator":
                    continue
                # the shell's own windows
                window.open_palette()
                collect("Command palette", window.palette)
                window.palette.close_palette()
                window.open_help()
                collect("Help", window.help_window)
                window.help_window.close()
                window.open_shortcuts()
                collect("Keyboard shortcuts", window.shortcut_sheet)
                window.shortcut_sheet.close()
                window.show_guide()
                collect("Guide", window.guide)
                window.guide.close()
                from ui.settings_dialog import SettingsDialog

                settings = SettingsDialog(window.database_text(), window)
                settings.show()
                collect("Settings", settings)
                settings.close()
            finally:
                console.close()
                qapp.processEvents()
    finally:
        modals.stop()

    shown_in_english = []
    english = []
    for text, places in sorted(seen.items()):
        where = sorted(places)[0] + (f" (+{len(places) - 1} more)" if len(places) > 1 else "")
        if text in data_set or text in ENDONYMS:
            continue
        if text in translated or text.rstrip(":：") in translated:
            shown_in_english.append(f"  {text!r} -> {translated.get(text) or translated.get(text.rstrip(':：'))!r}"
                                    f"  at {where}")
            continue
        words = english_words(text, data)
        if words:
            known = " (in the catalogue, not translated yet)" if text in sources else ""
            english.append(f"  {text[:120]!r}{known}  at {where}")
    message = []
    if shown_in_english:
        message.append(f"{len(shown_in_english)} text(s) shown in English although translated (context mismatch "
                       "or never passed through tr):\n" + "\n".join(shown_in_english))
    if english:
        message.append(f"{len(english)} text(s) with English words:\n" + "\n".join(english))
    for text in modals.seen:
        message.append(f"a dialog opened by itself while visiting: {text}")
    assert not message, "\n\n".join(message)


@pytest.mark.parametrize(("text", "words"), [
    ("已登录：root（administrator）", ["administrator"]),
    ("已登录：root（管理员）", []),
    ("R-SLA-1：5 分钟内记录要点", []),
    ("按 Ctrl+K 查找", []),
    ("Jade Team 的坐席", []),
    ("导出 CSV…", []),
    ("数据库：/tmp/x/selftest.db（SQLite）", []),
    ("Publish this week…", ["Publish", "this", "week"]),
    ("KPI 目标 4.5 / 5", []),
    ("请运行 `floorwalker qa draw`，或 floorwalker import transcripts", []),
])
def test_what_counts_as_english(text, words):
    assert english_words(text, ["Jade Team", "root"]) == words
