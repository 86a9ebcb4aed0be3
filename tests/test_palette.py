"""The command palette (Ctrl+K): workspaces, tabs, actions, agents, complaints and weeks, by keyboard only."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QVBoxLayout

from app import clock
from app.actor import Actor
from app.changes import Changes
from db.models.complaints import Complaint
from tests import factories as f
from ui.palette.search import parse_week, search_entities
from ui.workspace import Workspace

pytestmark = pytest.mark.gui
ADA = Actor("ada", "administrator")


class BoardPage(Workspace):
    refresh_on = Changes.COMPLAINTS

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.opened: list[int] = []
        self.entities: list[tuple[str, str]] = []
        self.recorded = 0
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("board"))
        record = QAction("Record a case…", self)
        record.setShortcut(QKeySequence("Ctrl+N"))
        record.triggered.connect(self._record)
        self.addAction(record)

    def _record(self) -> None:
        self.recorded += 1

    @staticmethod
    def title() -> str:
        return "Board"

    @staticmethod
    def icon_name() -> str:
        return "complaints"

    def reload(self) -> None:
        self.mark_loaded()

    def open_detail(self, complaint_id: int) -> None:
        self.opened.append(complaint_id)

    def open_entity(self, entity_type: str, entity_id: str) -> bool:
        if entity_type == "agent":
            self.entities.append((entity_type, entity_id))
            return True
        return False


class RotaPage(Workspace):
    refresh_on = Changes.SCHEDULE

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.weeks: list[date] = []
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(QLabel("rota"), "Rota")
        inner = QTabWidget()
        inner.addTab(QLabel("a"), "Accuracy")
        inner.addTab(QLabel("b"), "Forecast detail")
        self.inner = inner
        self.tabs.addTab(inner, "Forecast")
        hidden = QLabel("secret")
        self.tabs.addTab(hidden, "Hidden tab")
        self.tabs.setTabVisible(2, False)
        layout.addWidget(self.tabs)

    @staticmethod
    def title() -> str:
        return "Rota"

    @staticmethod
    def icon_name() -> str:
        return "schedule"

    def reload(self) -> None:
        self.mark_loaded()

    def show_week(self, day: date) -> None:
        self.weeks.append(day)


@pytest.fixture
def floor(sqlite_db):
    with sqlite_db.session() as s:
        c = f.center(s)
        jade = f.team(s, c, "Jade Team")
        ruby = f.team(s, c, "Ruby Team")
        boss = f.person(s, c, jade, name="Min Deng", title="supervisor")
        jade.supervisor_id = boss.id
        lin = f.person(s, c, jade, name="Lin Wei")
        zhao = f.person(s, c, ruby, name="Zhao Lin")
        f.person(s, c, ruby, name="徐娜")
        gone = f.person(s, c, jade, name="Lin Gone")
        gone.active = False
        now = clock.now()
        cases = {}
        for ref, team in (("C-2026-000123", jade), ("C-2026-000777", ruby)):
            row = Complaint(center_id=c.id, reference=ref, kind="complaint", channel="phone", category="logistics",
                            stage="assess", summary="Parcel late, call 13812345678", team_id=team.id,
                            first_contact_at=now, opened_at=now)
            s.add(row)
            s.flush()
            cases[ref] = row.id
        s.commit()
        return {"boss": boss.id, "lin": lin.id, "zhao": zhao.id, "lin_no": lin.employee_no, "cases": cases}


@pytest.fixture
def window(qtbot, sqlite_db, floor):
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    def make(actor: Actor = ADA) -> MainWindow:
        ctx = ConsoleContext(db=sqlite_db, tasks=TaskRunner(sqlite_db), bus=Bus(), actor=actor,
                             timezone=ZoneInfo("Asia/Shanghai"), center_name="Test Center")
        w = MainWindow(ctx, [BoardPage, RotaPage])
        qtbot.addWidget(w)
        w.show()
        w.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
        return w

    made: list = []

    def factory(actor: Actor = ADA):
        made.append(make(actor))
        return made[-1]

    yield factory
    for w in made:
        w.ctx.tasks.shutdown()


def _open(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.palette is not None and window.palette.isVisible()
    assert window.palette.edit.hasFocus()


def _type(qtbot, window, text: str, *, wait_search: bool = True) -> list[str]:
    palette = window.palette
    qtbot.keyClicks(palette.edit, text)
    if wait_search:
        qtbot.waitUntil(lambda: not palette.searching, timeout=5000)
    return [e.title for e in palette.entries()]


def test_ctrl_k_jumps_to_a_nested_tab_by_keyboard_only(qtbot, window):
    w = window()
    _open(qtbot, w)
    titles = _type(qtbot, w, "accur", wait_search=False)
    assert titles[0] == "Rota ▸ Forecast ▸ Accuracy"
    assert all("Hidden tab" not in t for t in [e.title for e in w.palette.static])  # hidden tabs are not offered
    qtbot.keyClick(w.palette.edit, Qt.Key.Key_Return)
    assert not w.palette.isVisible()
    page = w.workspaces[1]
    assert w.stack.currentIndex() == 1 and page.tabs.currentIndex() == 1 and page.inner.currentIndex() == 0


def test_arrows_choose_and_escape_closes(qtbot, window):
    w = window()
    _open(qtbot, w)
    _type(qtbot, w, "rota", wait_search=False)
    entries = w.palette.entries()
    assert len(entries) >= 2 and w.palette.list.currentRow() == 0
    qtbot.keyClick(w.palette.edit, Qt.Key.Key_Down)
    assert w.palette.list.currentRow() == 1
    qtbot.keyClick(w.palette.edit, Qt.Key.Key_Up)
    qtbot.keyClick(w.palette.edit, Qt.Key.Key_Up)  # stays on the first row
    assert w.palette.list.currentRow() == 0
    qtbot.keyClick(w.palette.edit, Qt.Key.Key_Escape)
    assert not w.palette.isVisible() and w.stack.currentIndex() == 0


def test_runs_an_action_of_a_workspace_after_showing_it(qtbot, window):
    w = window()
    w.show_workspace(1)
    _open(qtbot, w)
    titles = _type(qtbot, w, "record case", wait_search=False)
    assert titles[0] == "Record a case…"
    assert "Board" in w.palette.entries()[0].detail and "Ctrl+N" in w.palette.entries()[0].detail
    qtbot.keyClick(w.palette.edit, Qt.Key.Key_Enter)
    assert w.stack.currentIndex() == 0 and w.workspaces[0].recorded == 1
    # the window's own actions are there too (the palette does not list itself)
    _open(qtbot, w)
    titles = _type(qtbot, w, "shortcuts", wait_search=False)
    assert "Keyboard shortcuts" in titles and "Command palette…" not in [e.title for e in w.palette.static]


def test_finds_an_agent_by_employee_number_and_asks_the_workspaces_to_open_it(qtbot, window, floor):
    w = window()
    _open(qtbot, w)
    _type(qtbot, w, floor["lin_no"].lower())
    first = w.palette.entries()[0]
    assert (first.kind, first.title) == ("agent", "Lin Wei") and "Jade Team" in first.detail
    qtbot.keyClick(w.palette.edit, Qt.Key.Key_Return)
    assert w.workspaces[0].entities == [("agent", str(floor["lin"]))]


def test_finds_a_complaint_by_its_number_with_the_summary_masked(qtbot, window, floor):
    w = window()
    w.show_workspace(1)
    _open(qtbot, w)
    _type(qtbot, w, "123")
    hits = [e for e in w.palette.entries() if e.kind == "complaint"]
    assert [h.title for h in hits] == ["C-2026-000123"]
    assert "13812345678" not in hits[0].detail and "Assess" in hits[0].detail
    w.palette.list.setCurrentRow(w.palette.entries().index(hits[0]))
    qtbot.keyClick(w.palette.edit, Qt.Key.Key_Return)
    assert w.stack.currentIndex() == 0 and w.workspaces[0].opened == [floor["cases"]["C-2026-000123"]]


def test_a_week_opens_the_workspace_that_shows_weeks(qtbot, window):
    w = window()
    _open(qtbot, w)
    _type(qtbot, w, "2026-W48")
    first = w.palette.entries()[0]
    assert (first.kind, first.title) == ("week", "2026-W48")
    assert QLocale().toString(QDate(2026, 11, 29), QLocale.FormatType.ShortFormat) in first.detail  # locale's dates
    qtbot.keyClick(w.palette.edit, Qt.Key.Key_Return)
    assert w.stack.currentIndex() == 1 and w.workspaces[1].weeks == [date(2026, 11, 23)]


def test_nothing_found_says_what_to_try(qtbot, window):
    w = window()
    _open(qtbot, w)
    _type(qtbot, w, "qqqzzz")
    assert w.palette.entries() == [] and w.palette.empty.isVisible() and not w.palette.list.isVisible()
    assert "2026-W48" in w.palette.empty.text_label.text()
    w.palette.edit.clear()  # back to everything
    assert w.palette.list.isVisible() and not w.palette.empty.isVisible() and w.palette.list.count() > 0


def test_a_supervisor_finds_only_what_their_teams_may_see(sqlite_db, floor):
    boss = Actor("min", "supervisor", person_id=floor["boss"])
    today = date(2026, 11, 25)
    with sqlite_db.session() as s:
        lin = [h.title for h in search_entities(s, boss, "lin", today)]
        cases = [h.title for h in search_entities(s, boss, "C-2026", today)]
        everyone = [h.title for h in search_entities(s, ADA, "lin", today)]
    assert lin == ["Lin Wei"]  # Zhao Lin is in another team; Lin Gone has left
    assert cases == ["C-2026-000123"]
    assert sorted(everyone) == ["Lin Wei", "Zhao Lin"]


def test_a_search_answer_that_arrives_late_is_dropped(qtbot, window):
    w = window()
    _open(qtbot, w)
    qtbot.keyClicks(w.palette.edit, "lin")
    w.palette._search()  # the search starts…
    qtbot.keyClick(w.palette.edit, Qt.Key.Key_Escape)  # …and the palette is closed before it answers
    w.ctx.tasks.wait_for_done()
    qtbot.wait(50)
    assert w.palette.found == []


def test_one_chinese_character_is_enough_one_latin_letter_is_not(sqlite_db, floor):
    today = date(2026, 11, 25)
    with sqlite_db.session() as s:
        assert [h.title for h in search_entities(s, ADA, "徐", today)] == ["徐娜"]
        assert search_entities(s, ADA, "l", today) == []
        assert [h.title for h in search_entities(s, ADA, "777", today)] == ["C-2026-000777"]


@pytest.mark.parametrize(("text", "monday"), [
    ("2026-W48", date(2026, 11, 23)), ("2026w48", date(2026, 11, 23)), ("w1", date(2025, 12, 29)),
    ("week 10", date(2026, 3, 2)), ("2026-11-26", date(2026, 11, 23)),
])
def test_weeks_are_read_in_several_forms(text, monday):
    assert parse_week(text, date(2026, 6, 1)) == monday
    assert monday.weekday() == 0 and monday + timedelta(days=3) > monday


@pytest.mark.parametrize("text", ["2026-W54", "W0", "2026-13-01", "Lin", "48"])
def test_not_weeks(text):
    assert parse_week(text, date(2026, 6, 1)) is None


def test_the_palette_is_built_on_first_use(qtbot, window):
    w = window()
    assert w.palette is None
    w.open_palette()
    first = w.palette
    w.palette.close_palette()
    w.open_palette()
    assert w.palette is first
    w.palette.close_palette()
