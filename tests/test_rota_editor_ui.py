"""Rota editor and Time off tabs (pytest-qt): drag to move and resize saved through the service,
Ctrl+Z / Ctrl+Shift+Z restore and redo in the database, a stale version shows the conflict, sick
+ cover, compare, publish, print to PDF, CSV/XLSX export, read-only for supervisors, time-off
approval from the tab."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from app.actor import Actor
from app.schedule import editing as ed
from db.errors import ConflictError
from db.models import Rota, ShiftAssignment, TimeOffRequest
from tests.test_rota_editor import SCHEDULER, WEEK, H, build
from ui.bus import Bus
from ui.context import ConsoleContext
from ui.schedule.rota_editor import RotaEditor
from ui.schedule.rota_print import export_csv, export_xlsx, print_rota, setup_printer
from ui.schedule.timeoff_view import TimeOffView
from ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def setup(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        ids = build(s)
    return sqlite_db, ids


def open_editor(qtbot, db, actor=SCHEDULER) -> RotaEditor:
    ctx = ConsoleContext(db, TaskRunner(db, inline=True), Bus(), actor, ZoneInfo("Asia/Shanghai"), "Test")
    editor = RotaEditor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1500, 900)
    editor.show()
    qtbot.waitUntil(lambda: editor.load_count >= 1)
    assert editor.week_start == WEEK  # schedulers plan next week
    editor.errors = []
    editor.show_error = editor.errors.append
    return editor


def db_shift(db, shift_id: int) -> tuple[int, int, int]:
    with db.session() as s:
        r = s.get(ShiftAssignment, shift_id)
        return r.person_id, int(r.starts_at.timestamp()), int(r.ends_at.timestamp())


def drag(qtbot, editor: RotaEditor, start: QPoint, end: QPoint) -> None:
    vp = editor.grid.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(vp, end)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end)


def test_drag_moves_a_shift_and_undo_redo_follow_in_the_database(qtbot, setup):
    db, ids = setup
    editor = open_editor(qtbot, db)
    grid = editor.grid
    sh = next(s for s in editor.data.week.shifts if s.person_id == ids["ann"] and s.day == 1)
    before = db_shift(db, sh.id)
    r = grid.bar_rect(sh)
    start = QPoint(int(r.center().x()), int(r.center().y()))
    drag(qtbot, editor, start, start + QPoint(int(round(8 * grid.px_per_slot)), 0))  # two hours later
    after = db_shift(db, sh.id)
    assert after[1] - before[1] == 2 * 3600 and after[2] - before[2] == 2 * 3600
    assert editor.stack.count() == 1 and editor.errors == []
    editor.stack.undo()  # what Ctrl+Z does
    assert db_shift(db, sh.id) == before
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert db_shift(db, sh.id) == after
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db_shift(db, sh.id) == before
    # resize: drag the right edge one hour shorter
    cur = next(s for s in editor.data.week.shifts if s.id == sh.id)
    r = grid.bar_rect(cur)
    edge = QPoint(int(r.right()) - 1, int(r.center().y()))
    drag(qtbot, editor, edge, edge - QPoint(int(round(4 * grid.px_per_slot)), 0))
    resized = db_shift(db, sh.id)
    assert resized[1] == before[1] and before[2] - resized[2] == 3600


def test_a_stale_version_shows_the_conflict_and_saves_nothing(qtbot, setup):
    db, ids = setup
    editor = open_editor(qtbot, db)
    sh = next(s for s in editor.data.week.shifts if s.person_id == ids["bob"])
    with db.session() as s:  # another desk moves it first
        ed.move_shift(s, Actor("fang.zhu", "scheduler"), sh.id, sh.version, sh.start + H, sh.slots)
    theirs = db_shift(db, sh.id)
    editor.move(sh, sh.start + 2 * H, sh.slots, sh.person_id)
    assert len(editor.errors) == 1 and isinstance(editor.errors[0], ConflictError)
    assert db_shift(db, sh.id) == theirs and editor.stack.count() == 0
    assert next(s for s in editor.data.week.shifts if s.id == sh.id).start == sh.start + H  # reloaded


def test_sick_cover_compare_and_publish_from_the_editor_R_SCH_5(qtbot, setup):
    db, ids = setup
    editor = open_editor(qtbot, db)
    tue = next(s for s in editor.data.week.shifts if s.person_id == ids["ann"] and s.day == 1)
    menu = editor.context_menu(tue, ids["ann"], tue.start)
    labels = [a.text() for a in menu.actions()]
    assert any("sick" in t for t in labels) and any("Delete" in t for t in labels)
    editor.sick(tue, ids["cai"])
    shifts = editor.data.week.shifts
    assert any(s.person_id == ids["cai"] and s.start == tue.start for s in shifts)
    assert not any(s.person_id == ids["ann"] and s.day == 1 for s in shifts)
    editor.compare_button.setChecked(True)
    diff = editor.data.diff
    assert [d.kind for d in diff.diffs] == ["added", "removed"] or sorted(d.kind for d in diff.diffs) == [
        "added", "removed"]
    assert "1 added" in editor.diff_label.text() and "1 removed" in editor.diff_label.text()
    editor.stack.undo()
    assert editor.data.diff.diffs == () and editor.data.diff.unchanged == 6
    editor.publish()
    with db.session() as s:
        assert s.get(Rota, ids["draft"]).status == "published"
    assert editor.stack.count() == 0 and editor.data.week.rota_id is None
    assert editor.data.week.showing == "published" and len(editor.data.week.shifts) == 6  # shown read-only
    assert not editor.grid.editable and "Showing published revision 2" in editor.state_label.text()
    assert editor.draft_button.isVisibleTo(editor)  # a new draft can be started from it


def test_print_and_export(qtbot, setup, tmp_path: Path):
    db, ids = setup
    editor = open_editor(qtbot, db)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_printer(printer)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "rota.pdf"))
    assert print_rota(printer, editor.data.week, editor.state_text()) == 1
    assert (tmp_path / "rota.pdf").read_bytes()[:4] == b"%PDF"
    assert printer.pageLayout().orientation().name == "Landscape"
    export_csv(editor.data.week, tmp_path / "rota.csv")
    text = (tmp_path / "rota.csv").read_text(encoding="utf-8-sig")
    assert "Ann" in text and "08:00–17:00" in text and "20:00–04:00 +1" in text
    export_xlsx(editor.data.week, tmp_path / "rota.xlsx", "Draft")
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "rota.xlsx").active
    values = [c.value for row in ws.iter_rows() for c in row if c.value]
    assert "Ann" in values and "08:00–17:00" in values
    dialog = editor.print_preview()
    assert dialog is not None
    import gc

    gc.collect()  # the preview's printer must outlive the call that made it
    qtbot.wait(50)
    dialog.grab()  # paints the preview pages
    dialog.close()


def test_supervisors_see_the_draft_read_only(qtbot, setup):
    db, ids = setup
    editor = open_editor(qtbot, db, Actor("min.deng", "supervisor"))
    assert len(editor.data.week.shifts) == 6
    assert not editor.grid.editable and not editor.solve_button.isEnabled() and not editor.publish_button.isEnabled()
    sh = editor.data.week.shifts[0]
    assert editor.context_menu(sh, sh.person_id, sh.start) is None
    assert "read-only" in editor.state_label.text()


def test_time_off_tab_shows_impact_and_approves(qtbot, setup):
    db, ids = setup
    with db.session() as s:
        r = s.scalars(select(TimeOffRequest)).first()
        r.status = "requested"
    ctx = ConsoleContext(db, TaskRunner(db, inline=True), Bus(), SCHEDULER, ZoneInfo("Asia/Shanghai"), "Test")
    view = TimeOffView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.load_count >= 1)
    assert view.model.rowCount() == 1 and view.impact is not None
    assert "Dee" in view.impact_view.toPlainText() and "no shift" in view.impact_view.toPlainText()
    assert view.approve_button.isEnabled()
    view.approve_button.click()
    with db.session() as s:
        assert s.get(TimeOffRequest, r.id).status == "approved"
    assert view.model.rowCount() == 0  # the list shows requests waiting for a decision


def test_delete_key_removes_the_selected_shift_and_time_off_is_shown(qtbot, setup):
    db, ids = setup
    editor = open_editor(qtbot, db)
    assert editor.data.week.time_off == ((ids["dee"], 0, 96),)  # Dee's approved Monday
    assert editor.grid._away == {ids["dee"]: [(0, 96)]}
    sh = next(s for s in editor.data.week.shifts if s.person_id == ids["bob"])
    r = editor.grid.bar_rect(sh)
    qtbot.mouseClick(editor.grid.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(int(r.center().x()), int(r.center().y())))
    assert editor.grid.selected is not None and editor.grid.selected.id == sh.id
    qtbot.keyClick(editor.grid, Qt.Key.Key_Delete)
    with db.session() as s:
        assert s.get(ShiftAssignment, sh.id) is None
    editor.stack.undo()
    back = [s for s in editor.data.week.shifts if s.person_id == ids["bob"]]
    assert [(s.start, s.slots) for s in back] == [(sh.start, sh.slots)]


def test_an_approval_elsewhere_refreshes_the_requirements_and_time_off(qtbot, setup):
    db, ids = setup
    editor = open_editor(qtbot, db)
    cached = editor._problem[1]
    editor.refresh()  # its own reload keeps the week's problem
    assert editor._problem[1] is cached
    ctx = editor.ctx
    view = TimeOffView(ctx)
    qtbot.addWidget(view)
    from datetime import datetime

    view.create(ids["cai"], datetime(2026, 11, 25, tzinfo=ZoneInfo("Asia/Shanghai")),
                datetime(2026, 11, 26, tzinfo=ZoneInfo("Asia/Shanghai")), "annual", "Dentist")
    assert editor._problem[1] is not cached  # the bus told the editor: it read the week anew
    with db.session() as s:
        r = s.scalars(select(TimeOffRequest).where(TimeOffRequest.person_id == ids["cai"])).one()
        assert (r.status, r.reason) == ("requested", "Dentist")


def test_mark_sick_asks_who_covers_from_the_eligible_agents_R_SCH_5(qtbot, setup, monkeypatch):
    db, ids = setup
    editor = open_editor(qtbot, db)
    tue = next(s for s in editor.data.week.shifts if s.person_id == ids["ann"] and s.day == 1)
    offered: list[list[str]] = []

    def pick(parent, title, label, items, current, editable):
        offered.append(list(items))
        return next(i for i in items if i.startswith("Cai")), True

    monkeypatch.setattr("ui.schedule.rota_editor.QInputDialog.getItem", pick)
    editor.ask_cover(tue)
    (items,) = offered
    assert items[0].startswith("Nobody") and any(i.startswith("Cai") for i in items)
    assert not any(i.startswith("Bob") for i in items)  # 4 h after his night shift: no 11 h rest
    covered = [s for s in editor.data.week.shifts if s.person_id == ids["cai"]]
    assert [(s.start, s.slots) for s in covered] == [(tue.start, tue.slots)] and "R-SCH-5" in covered[0].note


def test_zoomed_to_a_day_a_drag_moves_by_the_quarter_hour(qtbot, setup):
    db, ids = setup
    editor = open_editor(qtbot, db)
    week_px = editor.grid.px_per_slot
    editor.quality_panel.day_combo.setCurrentIndex(2)  # Tuesday
    grid = editor.grid
    assert (grid.first_day, grid.days_shown) == (1, 1) and grid.px_per_slot > 6 * week_px
    sh = next(s for s in editor.data.week.shifts if s.person_id == ids["ann"] and s.day == 1)
    before = db_shift(db, sh.id)
    r = grid.bar_rect(sh)
    start = QPoint(int(r.center().x()), int(r.center().y()))
    drag(qtbot, editor, start, start - QPoint(int(round(grid.px_per_slot)), 0))  # 15 minutes earlier
    after = db_shift(db, sh.id)
    assert before[1] - after[1] == 15 * 60 and before[2] - after[2] == 15 * 60
    mon = next(s for s in editor.data.week.shifts if s.person_id == ids["ann"] and s.day == 0)
    assert grid.bar_rect(mon).right() < 190  # Monday lies left of the visible day (NAME_W)


def test_arrow_keys_nudge_the_selected_shift(qtbot, setup):
    db, ids = setup
    editor = open_editor(qtbot, db)
    grid = editor.grid
    sh = next(s for s in editor.data.week.shifts if s.person_id == ids["bob"])
    before = db_shift(db, sh.id)
    r = grid.bar_rect(sh)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(r.center().x()), int(r.center().y())))
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert db_shift(db, sh.id)[1] - before[1] == 15 * 60
    assert grid.selected is not None and grid.selected.id == sh.id  # still selected after the reload
    qtbot.keyClick(grid, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    now = db_shift(db, sh.id)
    assert now[1] - before[1] == 15 * 60 and now[2] - before[2] == 0  # moved on, then 15 min shorter
    assert editor.stack.count() == 2


def test_solve_from_the_editor_keeps_pins_and_clears_the_history(qtbot, sqlite_db, frozen_clock):
    from tests.test_rota_editor import history

    with sqlite_db.session() as s:
        ids = build(s)
        history(s)
    editor = open_editor(qtbot, sqlite_db)
    bob = next(s for s in editor.data.week.shifts if s.person_id == ids["bob"])
    editor.pin(bob, True)
    assert editor.stack.count() == 1
    old = editor.data.week.rota_id
    editor.solve(5.0)
    w = editor.data.week
    assert w.rota_id != old and w.solver_stats["source"] == "rota solver" and editor.stack.count() == 0
    assert [(s.start, s.slots, s.pinned) for s in w.shifts if s.person_id == ids["bob"]] == [(bob.start, bob.slots, True)]
    assert editor.quality_panel.quality.lp_bound_hours is not None
    assert "Lower bound" in editor.quality_panel.figures.text() and "solve to get one" not in editor.quality_panel.figures.text()
