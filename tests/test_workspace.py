"""The workspace base: loads when shown, refreshes on relevant changes, catches up after a busy load."""

from __future__ import annotations

import pytest

from app.actor import Actor
from app.changes import Changes
from ui.bus import Bus
from ui.context import ConsoleContext
from ui.tasks import TaskRunner
from ui.workspace import Workspace

pytestmark = pytest.mark.gui


class Probe(Workspace):
    refresh_on = Changes.COMPLAINTS

    @staticmethod
    def title() -> str:
        return "Probe"

    def reload(self) -> None:
        self.reloads = getattr(self, "reloads", 0) + 1  # the load finishes when the test says so


@pytest.fixture
def probe(qtbot, sqlite_db):
    ctx = ConsoleContext(db=sqlite_db, tasks=TaskRunner(sqlite_db, inline=True), bus=Bus(),
                         actor=Actor("ada", "administrator"))
    page = Probe(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_a_change_during_a_load_triggers_one_more_load_afterwards(probe):
    assert probe.reloads == 1 and probe.loading
    probe.ctx.bus.operation_did_execute.emit(Changes.COMPLAINTS, None)  # arrives mid-load
    assert probe.reloads == 1  # not a second load on top of the running one
    probe.mark_loaded()
    assert probe.reloads == 2  # caught up once the first load was on screen
    probe.mark_loaded()
    assert probe.reloads == 2 and not probe.loading


def test_irrelevant_changes_do_not_reload(probe):
    probe.mark_loaded()
    probe.ctx.bus.operation_did_execute.emit(Changes.SCHEDULE, None)
    assert probe.reloads == 1
    probe.ctx.bus.operation_did_execute.emit(Changes.COMPLAINTS | Changes.SCHEDULE, None)
    assert probe.reloads == 2


def test_a_slow_old_load_never_overwrites_a_newer_one(qtbot, sqlite_db):
    import threading

    ctx = ConsoleContext(db=sqlite_db, tasks=TaskRunner(sqlite_db), bus=Bus(), actor=Actor("ada", "administrator"))
    page = Probe(ctx)
    qtbot.addWidget(page)
    shown: list[str] = []
    release = threading.Event()

    def slow(_session):  # the first load is still running when the user asks again
        release.wait(10)
        return "old"

    page.load(slow, shown.append, lambda exc: shown.append(f"error {exc}"))
    page.load(lambda _s: "new", shown.append, lambda exc: shown.append(f"error {exc}"))
    qtbot.waitUntil(lambda: shown == ["new"], timeout=5000)
    release.set()
    assert ctx.tasks.wait_for_done(5000)
    qtbot.wait(50)  # let the old answer reach the GUI thread, where it must be dropped
    assert shown == ["new"]
    ctx.tasks.shutdown()
