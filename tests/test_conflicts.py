"""Two desks, one truth: the second desk to save a stale copy gets a conflict, never an overwrite.

Each "desk" is its own :class:`Database` (its own engine and connection pool) on the same real
PostgreSQL database, as two consoles on two machines would be.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.admin.people import get_person, update_person
from app.admin.queues import get_queue, update_queue_targets
from app.admin.rules import get_rule, update_rule
from app.bootstrap import open_database
from db.database import Database
from db.errors import ConflictError
from db.models import AuditEntry
from tests import factories as f

ADA = Actor("ada", "administrator", desk="desk-1")
BOB = Actor("bob", "administrator", desk="desk-2")

pytestmark = pytest.mark.postgres


@pytest.fixture
def two_desks(pg_url: str) -> Iterator[tuple[Database, Database]]:
    one, two = open_database(pg_url).db, open_database(pg_url).db
    yield one, two
    one.dispose()
    two.dispose()


def _seed(db: Database) -> dict[str, int]:
    with db.session() as s:
        c = f.center(s)
        north, south = f.team(s, c, "North"), f.team(s, c, "South")
        ned = f.person(s, c, north, name="Ned Newbie", level="junior")
        phone = f.queue(s, c, "Phone", "phone")
        return {"north": north.id, "south": south.id, "ned": ned.id, "phone": phone.id}


# (load, save-with-a-value, read back the saved value) per kind of editable row
def _rule_case(ids: dict[str, int]) -> tuple[Callable, Callable, Callable]:
    return (lambda s: get_rule(s, "R-SLA-3"),
            lambda s, actor, version, value: update_rule(s, actor, "R-SLA-3", str(value), version),
            lambda s: get_rule(s, "R-SLA-3").value)


def _person_case(ids: dict[str, int]) -> tuple[Callable, Callable, Callable]:
    return (lambda s: get_person(s, ids["ned"]),
            lambda s, actor, version, value: update_person(s, actor, ids["ned"], version, team_id=ids["north"],
                                                           level="junior", contract_hours_week=value,
                                                           active=True),
            lambda s: get_person(s, ids["ned"]).contract_hours_week)


def _queue_case(ids: dict[str, int]) -> tuple[Callable, Callable, Callable]:
    return (lambda s: get_queue(s, ids["phone"]),
            lambda s, actor, version, value: update_queue_targets(s, actor, ids["phone"], version, priority=1,
                                                                  target_percent=80, target_answer_sec=value),
            lambda s: get_queue(s, ids["phone"]).target_answer_sec)


CASES = {"rule": _rule_case, "person": _person_case, "queue": _queue_case}


@pytest.mark.parametrize("kind", list(CASES))
def test_second_desk_saving_a_stale_copy_gets_both_versions_and_overwrites_nothing(two_desks, kind):
    one, two = two_desks
    ids = _seed(one)
    load, save, read = CASES[kind](ids)
    with one.session() as s:
        v1 = load(s).version
    with two.session() as s:
        v2 = load(s).version  # both desks opened the same version
    assert v1 == v2
    with one.session() as s:
        save(s, ADA, v1, 20)  # desk 1 saves first
    with pytest.raises(ConflictError) as info, two.session() as s:
        save(s, BOB, v2, 45)  # desk 2 still holds the old version
    conflict = info.value
    assert conflict.entity == kind
    mine = conflict.mine.get("value", conflict.mine.get("contract_hours_week", conflict.mine.get("target_answer_sec")))
    theirs_key = {"rule": "value", "person": "contract_hours_week", "queue": "target_answer_sec"}[kind]
    assert mine in (45, 45.0) and conflict.theirs[theirs_key] in (20, 20.0)
    assert f"version {v1 + 1}" in str(conflict)
    with two.session() as s:
        assert read(s) == 20  # desk 1's value stands
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == kind)) == 1
    # desk 2 reloads and saves on top of desk 1's version: now it is an informed change
    with two.session() as s:
        save(s, BOB, load(s).version, 45)
    with one.session() as s:
        assert read(s) == 45


@pytest.fixture
def flush_barrier() -> Iterator[Callable[[int], threading.Barrier]]:
    """Holds each racing thread just before its UPDATE until all have passed the version check."""
    state: dict[str, object] = {}

    def before_flush(session: Session, _ctx: object, _instances: object) -> None:
        barrier = state.get("barrier")
        me = threading.current_thread().name
        if isinstance(barrier, threading.Barrier) and me.startswith("racer") and me not in state:
            state[me] = True
            barrier.wait(timeout=10)

    event.listen(Session, "before_flush", before_flush)

    def arm(parties: int) -> threading.Barrier:
        state["barrier"] = threading.Barrier(parties)
        return state["barrier"]  # type: ignore[return-value]

    yield arm
    event.remove(Session, "before_flush", before_flush)


@pytest.mark.parametrize("kind", ["rule", "person"])
def test_true_race_exactly_one_desk_wins_the_other_gets_a_conflict(two_desks, flush_barrier, kind):
    one, two = two_desks
    ids = _seed(one)
    load, save, read = CASES[kind](ids)
    with one.session() as s:
        version = load(s).version
    flush_barrier(2)
    outcomes: dict[str, object] = {}

    def race(name: str, db: Database, actor: Actor, value: int) -> None:
        try:
            with db.session() as s:
                save(s, actor, version, value)
            outcomes[name] = value
        except BaseException as exc:  # noqa: BLE001 - recorded for the assertions
            outcomes[name] = exc

    threads = [threading.Thread(target=race, name=f"racer-{n}", args=(n, db, actor, value))
               for n, db, actor, value in (("one", one, ADA, 20), ("two", two, BOB, 45))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(outcomes) == 2, outcomes
    winners = [v for v in outcomes.values() if isinstance(v, int)]
    losers = [v for v in outcomes.values() if isinstance(v, ConflictError)]
    assert len(winners) == 1 and len(losers) == 1, outcomes  # never both, never a raw error
    # both passed the version check before either wrote: only the UPDATE ... WHERE version guard
    # (version_id_col) can have stopped the second one
    assert "same moment" in str(losers[0])
    assert winners[0] in losers[0].theirs.values()  # the loser is shown what the winner saved
    with two.session() as s:
        assert read(s) == winners[0]
        assert load(s).version == version + 1  # exactly one UPDATE went through
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == kind)) == 1


def test_race_on_sqlite_too_never_overwrites(tmp_path, flush_barrier):
    url = str(tmp_path / "race.db")
    one, two = open_database(url).db, open_database(url).db
    try:
        with one.session() as s:
            version = get_rule(s, "R-SLA-6").version
        flush_barrier(2)
        outcomes: dict[str, object] = {}

        def race(name: str, db: Database, actor: Actor, value: str) -> None:
            try:
                with db.session() as s:
                    update_rule(s, actor, "R-SLA-6", value, version)
                outcomes[name] = int(value)
            except BaseException as exc:  # noqa: BLE001
                outcomes[name] = exc

        threads = [threading.Thread(target=race, name=f"racer-{n}", args=(n, db, a, v))
                   for n, db, a, v in (("one", one, ADA, "12"), ("two", two, BOB, "36"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        winners = [v for v in outcomes.values() if isinstance(v, int)]
        assert len(winners) == 1 and sum(isinstance(v, ConflictError) for v in outcomes.values()) == 1, outcomes
        with one.session() as s:
            assert get_rule(s, "R-SLA-6").value == winners[0]
    finally:
        one.dispose()
        two.dispose()


# --- the Admin workspace meets a conflict ---------------------------------------------------------
def _workspace(qtbot, db: Database, actor: Actor):
    from ui.admin.workspace import AdminWorkspace
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.tasks import TaskRunner

    ctx = ConsoleContext(db=db, tasks=TaskRunner(db, inline=True), bus=Bus(), actor=actor,
                         timezone=ZoneInfo("Asia/Shanghai"))
    page = AdminWorkspace(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitUntil(lambda: page.load_count >= 1)
    return page


def _answer_modal(qtbot, expected: type, answer: Callable[[object], None]) -> dict[str, object]:
    """Wait (from a timer) for a modal dialog of ``expected`` type, record it, and answer it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: dict[str, object] = {"tries": 0}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, expected):
            seen["dialog"] = dialog
            answer(dialog)
            return
        seen["tries"] = int(seen["tries"]) + 1  # type: ignore[arg-type]
        if int(seen["tries"]) < 200:  # type: ignore[arg-type]
            QTimer.singleShot(25, look)
        elif dialog is not None:
            dialog.close()  # something else popped up: close it so the test fails instead of hanging

    QTimer.singleShot(0, look)
    return seen


@pytest.mark.gui
def test_admin_rule_editor_shows_the_conflict_and_reload_shows_the_other_desk_value(qtbot, two_desks):
    from ui.errors import ConflictDialog

    other_desk, this_desk = two_desks
    page = _workspace(qtbot, this_desk, ADA)
    rules = page.rules_model
    loaded = next(r for r in rules.rows() if r.key == "R-SLA-3")
    with other_desk.session() as s:  # meanwhile Bob, on another desk, changes the rule
        update_rule(s, BOB, "R-SLA-3", "20", loaded.version)

    cells: list[tuple[str, str, str]] = []

    def reload(dialog) -> None:
        cells.extend((dialog.cell(r, 0), dialog.cell(r, 1), dialog.cell(r, 2)) for r in range(dialog.table.rowCount()))
        dialog.reload_button.click()

    seen = _answer_modal(qtbot, ConflictDialog, reload)
    row = next(i for i, r in enumerate(rules.rows()) if r.key == "R-SLA-3")
    assert rules.setData(rules.index(row, rules.VALUE), "12")  # Ada edits her stale copy in place
    qtbot.waitUntil(lambda: "dialog" in seen, timeout=5000)
    qtbot.waitUntil(lambda: any(r.key == "R-SLA-3" and r.value == 20 for r in rules.rows()), timeout=5000)
    assert ("Value", "12", "20") in cells and ("Saved by", "ada", "bob") in cells
    row = next(i for i, r in enumerate(rules.rows()) if r.key == "R-SLA-3")
    assert rules.index(row, rules.VALUE).data() == "20" and not rules.is_pending("R-SLA-3")
    assert rules.index(row, rules.CHANGED_BY).data() == "bob"
    with this_desk.session() as s:
        assert get_rule(s, "R-SLA-3").value == 20  # nothing was overwritten


@pytest.mark.gui
def test_person_dialog_conflict_reload_refills_the_form_with_their_version(qtbot, two_desks):
    from ui.admin.dialogs import PersonEditDialog
    from ui.errors import ConflictDialog

    other_desk, this_desk = two_desks
    ids = _seed(this_desk)
    page = _workspace(qtbot, this_desk, ADA)
    row = next(i for i in range(page.people_filter.rowCount())
               if page.people_filter.index(i, 0).data() == "Ned Newbie")
    page.people_page.table.selectRow(row)
    dialog = page.edit_selected_person()
    assert isinstance(dialog, PersonEditDialog)
    with other_desk.session() as s:
        p = get_person(s, ids["ned"])
        update_person(s, BOB, p.id, p.version, team_id=ids["south"], level="senior", contract_hours_week=20,
                      active=True)
    dialog.hours.setValue(38)
    seen = _answer_modal(qtbot, ConflictDialog, lambda d: d.reload_button.click())
    dialog.save()
    qtbot.waitUntil(lambda: "dialog" in seen, timeout=5000)
    # still open, now showing Bob's saved values and his version, ready for an informed change
    assert dialog.isVisible()
    assert (dialog.team.currentText(), dialog.level.currentData(), dialog.hours.value()) == ("South", "senior", 20.0)
    assert "Reloaded" in dialog.note.text()
    dialog.hours.setValue(38)
    dialog.save()
    assert not dialog.isVisible()
    with this_desk.session() as s:
        p = get_person(s, ids["ned"])
    assert (p.team_name, p.level, p.contract_hours_week) == ("South", "senior", 38.0)
