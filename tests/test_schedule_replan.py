"""Rota editor ▸ Re-plan the rest of the day (R-SCH-5), pytest-qt with inline tasks on the small
center of test_rota_editor: the dialog's defaults and pre-filled sick agents, the proposal shown for
review (nothing written), Apply as one audited edit that Ctrl+Z undoes and redo re-applies, Cancel
and Discard writing nothing, and a conflict when another desk changed a shift in between."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.actor import Actor
from app.rota.model import DAY_SLOTS
from app.schedule import editing as ed
from app.schedule import replan as rp
from db.errors import ConflictError
from db.models import AuditEntry, ShiftAssignment, TimeOffRequest
from tests.test_rota_editor import SCHEDULER, WEEK, H, at, build, history
from tests.test_rota_editor_ui import open_editor
from ui.tasks import Progress

pytestmark = pytest.mark.gui
TUE = 1


@pytest.fixture
def setup(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        ids = build(s)
        history(s)
    return sqlite_db, ids


def tuesday(db) -> list[tuple[int, int, int, bool, str | None]]:
    """(person, start slot, end slot, is_backup, note) of every draft shift touching Tuesday."""
    with db.session() as s:
        w = ed.load_editor_week(s, SCHEDULER, WEEK)
        return sorted((x.person_id, x.start, x.end, x.is_backup, x.note) for x in w.shifts
                      if x.start < (TUE + 1) * DAY_SLOTS and x.end > TUE * DAY_SLOTS)


def replan_audit(db) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "rota",
                                                              AuditEntry.action.like("%replan%"))
                              .order_by(AuditEntry.id)))


def tick(dialog, person_id: int) -> None:
    for i in range(dialog.people.count()):
        item = dialog.people.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == person_id:
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"{person_id} not offered")


def test_replan_proposal_reviewed_applied_undone_and_redone(qtbot, setup):
    db, ids = setup
    editor = open_editor(qtbot, db)
    assert editor.replan_button.isEnabled()
    before = tuesday(db)
    assert [(p, a, b) for p, a, b, *_ in before] == [(ids["ann"], DAY_SLOTS + 8 * H, DAY_SLOTS + 17 * H),
                                                     (ids["bob"], 20 * H, DAY_SLOTS + 4 * H)]  # Mon night
    editor.quality_panel.day_combo.setCurrentIndex(TUE + 1)  # the day shown is the default day
    editor.ask_replan()
    dialog = editor.replan_dialog
    assert dialog.day == TUE and dialog.at_min == 10 * 60  # next week: 10:00 of the day shown
    offered = {dialog.people.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.people.count())}
    assert offered == {ids["ann"], ids["bob"]}  # only who works that day (or is marked sick) can go home
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()  # nobody ticked yet
    tick(dialog, ids["ann"])
    assert dialog.sick() == [ids["ann"]]
    dialog.accept()  # runs the re-plan (inline) and opens the review
    review = editor.replan_review
    p = review.proposal
    assert tuesday(db) == before  # nothing written before Apply
    assert p.day == TUE and p.from_slot == DAY_SLOTS + 10 * H and p.sick == ((ids["ann"], "Ann"),)
    home = p.of_kind("sent_home")
    assert len(home) == 1 and home[0].new.start + home[0].new.slots == DAY_SLOTS + 10 * H
    called = p.of_kind("called_in")
    assert called and {c.person_id for c in called} <= {ids["cai"], ids["dee"]}  # Bob works that night
    assert all(c.new.start >= DAY_SLOTS + 11 * H for c in called)  # at least an hour's notice
    assert p.short_after < p.short_before
    cells = [review.table.item(r, c).text() for r in range(review.table.rowCount()) for c in range(4)]
    assert "Ann" in cells and "Goes home sick" in cells and "Called in (R-SCH-5)" in cells
    assert "08:00–17:00" in cells and "08:00–10:00" in cells
    review.apply_button.click()
    applied = tuesday(db)
    ann = next(x for x in applied if x[0] == ids["ann"])
    assert ann[2] == DAY_SLOTS + 10 * H and ann[4] == "went home sick"
    assert {x[0] for x in applied if x[3]} == {c.person_id for c in called}  # call-ins are backups
    assert editor.stack.count() == 1 and editor.errors == []
    assert replan_audit(db) == ["replan"]
    with db.session() as s:  # every shift written is audited too
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "shift", AuditEntry.action == "replan")) == len(p.changes)
    editor.stack.undo()  # Ctrl+Z
    assert tuesday(db) == before and editor.errors == []
    editor.stack.redo()
    assert tuesday(db) == applied or [x[:2] for x in tuesday(db)] == [x[:2] for x in applied]
    editor.stack.undo()
    assert tuesday(db) == before
    assert replan_audit(db) == ["replan", "undo replan", "replan", "undo replan"]


def test_cancel_and_discard_write_nothing(qtbot, setup, monkeypatch):
    db, ids = setup
    editor = open_editor(qtbot, db)
    before = tuesday(db)
    original = Progress.__init__

    def cancelled_at_once(self, emit):  # noqa: ANN001, ANN202 - the user presses Cancel at once
        original(self, emit)
        self.cancel()

    monkeypatch.setattr(Progress, "__init__", cancelled_at_once)
    editor.replan_review = None
    editor.replan(TUE, 10 * 60, [ids["ann"]])
    assert editor.replan_review is None and editor.errors == []  # no proposal, no error
    monkeypatch.setattr(Progress, "__init__", original)
    editor.replan(TUE, 10 * 60, [ids["ann"]])
    editor.replan_review.reject()  # Discard
    assert tuesday(db) == before and editor.stack.count() == 0 and replan_audit(db) == []


def test_marked_sick_are_pre_filled_and_the_menu_offers_the_replan(qtbot, setup):
    db, ids = setup
    with db.session() as s:  # Cai is off sick on Tuesday (time off of kind "sick")
        s.add(TimeOffRequest(person_id=ids["cai"], starts_at=at(DAY_SLOTS), ends_at=at(2 * DAY_SLOTS), kind="sick",
                             status="approved", requested_at=datetime(2026, 11, 17, tzinfo=UTC)))
    editor = open_editor(qtbot, db)
    tue = next(s for s in editor.data.week.shifts if s.person_id == ids["ann"] and s.day == TUE)
    menu = editor.context_menu(tue, ids["ann"], tue.start)
    replan = next(a for a in menu.actions() if a.text().startswith("Re-plan"))
    replan.trigger()  # the shift's day, its agent ticked, plus whoever is marked sick that day
    dialog = editor.replan_dialog
    assert dialog.day == TUE and dialog.sick() == sorted([ids["ann"], ids["cai"]])
    dialog.reject()
    editor.sick(tue, None)  # Ann marked sick in the editor: her Tuesday shift goes
    editor.ask_replan(TUE)
    assert set(editor.replan_dialog.sick()) == {ids["ann"], ids["cai"]}
    editor.replan_dialog.accept()
    p = editor.replan_review.proposal
    assert ids["cai"] not in {c.person_id for c in p.of_kind("called_in")}  # sick people are not called in
    assert ids["ann"] not in {c.person_id for c in p.of_kind("called_in")}
    editor.replan_review.reject()


def test_a_shift_changed_on_another_desk_meanwhile_is_a_conflict_and_nothing_is_written(qtbot, setup):
    db, ids = setup
    editor = open_editor(qtbot, db)
    editor.replan(TUE, 10 * 60, [ids["ann"]])
    proposal = editor.replan_review.proposal
    sh = next(s for s in editor.data.week.shifts if s.person_id == ids["ann"] and s.day == TUE)
    with db.session() as s:
        ed.move_shift(s, Actor("fang.zhu", "scheduler"), sh.id, sh.version, sh.start + H, sh.slots)
    theirs = tuesday(db)
    editor.replan_review.reject()
    editor.apply_replan(proposal)
    assert len(editor.errors) == 1 and isinstance(editor.errors[0], ConflictError)
    assert tuesday(db) == theirs and editor.stack.count() == 0  # the call-ins were not written either
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ShiftAssignment).where(ShiftAssignment.is_backup)) == 0


def test_the_service_refuses_bad_input(setup):
    db, ids = setup
    with db.session() as s:
        with pytest.raises(ValueError, match="quarter hour"):
            rp.propose_replan(s, SCHEDULER, WEEK, TUE, 10 * 60 + 7, [ids["ann"]])
        with pytest.raises(ValueError, match="at least one"):
            rp.propose_replan(s, SCHEDULER, WEEK, TUE, 600, [])
        with pytest.raises(ValueError, match="day of the week"):
            rp.propose_replan(s, SCHEDULER, WEEK, 7, 600, [ids["ann"]])


def test_a_published_week_is_re_planned_in_a_draft_copy_from_now(qtbot, setup, frozen_clock):
    db, ids = setup
    editor = open_editor(qtbot, db)
    editor.publish()  # only the published revision is left
    assert editor.data.week.rota_id is None and editor.replan_button.isEnabled()
    editor.ask_replan(TUE, [ids["ann"]])  # a draft copy is made first, then the dialog opens on it
    assert editor.data.week.rota_id is not None and editor.data.week.showing == "draft"
    dialog = editor.replan_dialog
    assert dialog.day == TUE and dialog.sick() == [ids["ann"]]
    dialog.reject()
    # in the current week the time defaults to now, to the nearest quarter hour (Wed 10:08 -> 10:15)
    frozen_clock.advance(minutes=8)
    editor.show_week(datetime(2026, 11, 18).date())
    assert editor.replan_defaults() == (2, 10 * 60 + 15)
