"""The Complaints workspace as a supervisor uses it: record form, Kanban moves (drag and drop, keys, bulk),
skipped steps, conflicts, filters and saved views, live countdowns, the list view, import and export."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import select

from app import clock
from app.actor import Actor
from app.complaints.sla import AT_RISK, BREACHED, ON_TRACK
from db.models import Complaint, ComplaintEvent, Customer
from tests import factories as f

pytestmark = pytest.mark.gui

MANAGER = Actor("ming.han", "manager")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _case(s, c, reference, stage, *, hours_ago, priority="regular", category="logistics", owner=None, team=None,
          summary="Parcel arrived damaged", **extra):
    opened = clock.now() - timedelta(hours=hours_ago)
    row = Complaint(center_id=c.id, reference=reference, kind="complaint", channel="phone", category=category,
                    priority=priority, stage=stage, summary=summary, owner_id=owner.id if owner else None,
                    team_id=team.id if team else None, first_contact_at=opened, opened_at=opened, **extra)
    s.add(row)
    s.flush()
    return row


@pytest.fixture
def floor(sqlite_db, frozen_clock):
    """Two teams, three people, five open cases in three stages."""
    with sqlite_db.session() as s:
        c = f.center(s)
        jade, coral = f.team(s, c, "Jade Team"), f.team(s, c, "Coral Team")
        li, wu = f.person(s, c, jade, name="Li Na"), f.person(s, c, coral, name="Wu Lei")
        f.person(s, c, jade, name="Zhou Min")
        rows = [
            _case(s, c, "C-1", "accept", hours_ago=1, owner=li, team=jade),
            _case(s, c, "C-2", "accept", hours_ago=17, priority="urgent", owner=wu, team=coral,
                  summary="Refund missing after return"),
            _case(s, c, "C-3", "assess", hours_ago=2, category="system_fault", owner=li, team=jade,
                  summary="App crashes at checkout"),
            _case(s, c, "C-4", "process", hours_ago=30, owner=wu, team=coral),  # breached
            _case(s, c, "C-5", "accept", hours_ago=3, category="after_sales"),  # unassigned
        ]
        ids = {r.reference: r.id for r in rows}
        ids["li"], ids["wu"] = li.id, wu.id
    return ids


@pytest.fixture
def page(qtbot, sqlite_db, floor):
    from ui.bus import Bus
    from ui.complaints.workspace import ComplaintsWorkspace
    from ui.context import ConsoleContext
    from ui.tasks import TaskRunner

    ctx = ConsoleContext(db=sqlite_db, tasks=TaskRunner(sqlite_db, inline=True), bus=Bus(), actor=MANAGER,
                         timezone=SHANGHAI)
    ws = ComplaintsWorkspace(ctx)
    qtbot.addWidget(ws)
    ws.resize(1400, 800)
    ws.show()
    qtbot.waitUntil(lambda: ws.load_count >= 1)
    ws.ids = floor
    yield ws
    ws.countdown.stop()
    ws._tick.stop()


def _stage(db, complaint_id):
    with db.session() as s:
        return s.get(Complaint, complaint_id).stage


def _refs(column):
    return [c.reference for c in column.model.cards]


def _drop(page, reference, to_stage):
    """Drag a card onto another column through the model/view API (what a mouse drop does)."""
    card = page.cards_by_id[page.ids[reference]]
    source = page.columns[card.stage].model
    data = source.mimeData([source.index(source.row_of(card.id), 0)])
    target = page.columns[to_stage].model
    assert target.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    return target.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, QModelIndex())


# --- record form ------------------------------------------------------------------------------------------------
def test_record_form_opens_with_ctrl_n_validates_inline_and_saves_R_FLOW_8(qtbot, page, sqlite_db):
    from ui.complaints.record_form import RecordComplaintDialog

    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.findChild(RecordComplaintDialog)
    assert form is not None and form.isVisible()
    form.save()  # nothing typed: the summary is asked for, under its field
    assert form.errors["summary"].isVisible() and "complains" in form.errors["summary"].text()
    assert not form.errors["customer"].isVisible()
    form.summary.setPlainText("Courier left the parcel in the rain")
    form.phone.set_value("12-3")
    form.eta_told.setChecked(True)
    form.set_eta(clock.now() - timedelta(hours=1))
    form.save()
    assert form.errors["customer"].isVisible() and "5 to 20 digits" in form.errors["customer"].text()
    assert form.errors["eta"].isVisible() and "past" in form.errors["eta"].text()
    assert not form.errors["summary"].isVisible()
    with sqlite_db.session() as s:
        assert s.scalar(select(Complaint).where(Complaint.summary.like("Courier%"))) is None

    form.phone.set_value("13812346925")
    assert form.phone.text() == "138****6925"  # masked on screen while not being typed in (R-SEC-2)
    form.name.set_value("Zhang Wei")
    form.vip.setChecked(True)
    form.category.setCurrentIndex(form.category.findData("logistics"))
    form.priority.setCurrentIndex(form.priority.findData("urgent"))
    form.departments.setText("Logistics; Finance")
    form.temporary.setText("Voucher of 20 yuan")
    eta = (clock.now() + timedelta(hours=30)).astimezone(SHANGHAI).replace(second=0, microsecond=0)
    form.set_eta(eta)
    form.owner.setCurrentIndex(next(i for i in range(form.owner.count())
                                    if (form.owner.itemData(i) or (None,))[0] == page.ids["li"]))
    with qtbot.waitSignal(form.complaint_did_record) as saved:
        form.save()
    assert not form.isVisible()
    with sqlite_db.session() as s:
        row = s.get(Complaint, saved.args[0])
        assert (row.summary, row.category, row.priority, row.is_vip) == (
            "Courier left the parcel in the rain", "logistics", "urgent", True)
        assert row.departments == ["Logistics", "Finance"] and row.temporary_solution == "Voucher of 20 yuan"
        assert row.expected_resolution_at == eta and row.owner_id == page.ids["li"]
        customer = s.get(Customer, row.customer_id)
        assert customer.phone_masked == "138****6925"
        assert "13812346925" not in str(customer.phone_enc)  # encrypted at rest
    # the board heard of it and shows the new case, selected
    assert saved.args[0] in page.cards_by_id and page.selected_id == saved.args[0]
    assert page.columns["accept"].view.currentIndex().data(Qt.ItemDataRole.UserRole + 1).id == saved.args[0]
    assert page.detail.detail.card.id == saved.args[0]
    # its most urgent clock counts down on the card: key points within 5 minutes (R-SLA-1)
    from ui.complaints.clocks import live_clock

    clock_now = live_clock(page.cards_by_id[saved.args[0]], clock.now())
    assert clock_now.rule_id == "R-SLA-1" and clock_now.remaining_sec == 300 and clock_now.state == ON_TRACK
    assert page.cards_by_id[saved.args[0]].reference in _refs(page.columns["accept"])


# --- board moves ----------------------------------------------------------------------------------------------------
def test_dropping_a_card_on_the_next_stage_saves_the_move_R_FLOW_1(page, sqlite_db):
    assert _drop(page, "C-1", "assess") is False  # the view never moves the row itself
    assert _stage(sqlite_db, page.ids["C-1"]) == "assess"
    assert "C-1" in _refs(page.columns["assess"]) and "C-1" not in _refs(page.columns["accept"])
    assert page.last_move_ms is not None and page.last_move_ms < 2000
    with sqlite_db.session() as s:
        event = s.scalars(select(ComplaintEvent).where(ComplaintEvent.complaint_id == page.ids["C-1"],
                                                       ComplaintEvent.kind == "stage")).one()
        assert (event.from_stage, event.to_stage, event.actor) == ("accept", "assess", "ming.han")


def test_a_move_that_skips_a_step_asks_for_a_reason_R_FLOW_1(page, sqlite_db):
    asked = []
    page.ask_reason = lambda title, prompt: asked.append(prompt) or None  # the user cancels
    _drop(page, "C-1", "process")
    assert len(asked) == 1 and "skips Assess" in asked[0] and "C-1" in asked[0]
    assert _stage(sqlite_db, page.ids["C-1"]) == "accept"  # cancelled: nothing saved

    page.ask_reason = lambda title, prompt: "Customer already sent the photos"
    _drop(page, "C-1", "process")
    assert _stage(sqlite_db, page.ids["C-1"]) == "process"
    with sqlite_db.session() as s:
        notes = s.scalars(select(ComplaintEvent.note).where(ComplaintEvent.complaint_id == page.ids["C-1"],
                                                            ComplaintEvent.kind == "stage")).all()
    assert notes == ["Customer already sent the photos"]

    asked.clear()
    page.ask_reason = lambda title, prompt: asked.append(prompt) or "Wrong team assessed it"
    _drop(page, "C-1", "assess")  # back one step: a reason too
    assert "back to Assess" in asked[0] and _stage(sqlite_db, page.ids["C-1"]) == "assess"


def test_a_move_made_stale_by_another_desk_shows_the_conflict_dialog(page, sqlite_db, monkeypatch):
    from app.complaints.service import move_stage
    from ui.errors import ConflictDialog

    shown = []
    monkeypatch.setattr(ConflictDialog, "exec", lambda self: shown.append(self) or 0)
    with sqlite_db.session() as s:  # another desk moves C-2 while this board still shows it in accept
        c2 = s.get(Complaint, page.ids["C-2"])
        move_stage(s, Actor("other.desk", "manager"), c2.id, c2.version, "assess")
    _drop(page, "C-2", "assess")
    assert len(shown) == 1
    assert shown[0].findChild(type(shown[0].table), "conflict_table") is not None
    assert "Another desk" in shown[0].findChild(type(page.summary), "conflict_title").text()
    assert "C-2" in _refs(page.columns["assess"])  # the board reloaded their version


def test_keyboard_arrows_walk_the_board_and_ctrl_arrow_moves_a_card(qtbot, page, sqlite_db):
    accept = page.columns["accept"]
    accept.select(page.ids["C-1"])
    accept.view.setFocus()
    qtbot.keyClick(accept.view, Qt.Key.Key_Right)
    assess = page.columns["assess"]
    assert assess.view.currentIndex().data(Qt.ItemDataRole.DisplayRole) == "C-3"
    assert page.selected_id == page.ids["C-3"]
    qtbot.keyClick(assess.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert _stage(sqlite_db, page.ids["C-3"]) == "process"
    page.columns["process"].select(page.ids["C-3"])
    qtbot.keyClick(page.columns["process"].view, Qt.Key.Key_Return)  # Enter opens the case in its window
    assert page.detail_dialog is not None and page.detail_dialog.isVisible()
    assert page.detail_dialog.panel.title.text().startswith("C-3")
    page.detail_dialog.close()
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # from the search box to the first card
    assert page.columns["accept"].view.hasFocus() and page.selected_id in (page.ids["C-2"], page.ids["C-1"],
                                                                          page.ids["C-5"])
    page.toggle_mode()
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on a list row opens it too
    assert page.detail_dialog.isVisible()
    page.detail_dialog.close()


def test_a_role_that_may_not_change_complaints_sees_the_board_read_only(qtbot, page, sqlite_db):
    from dataclasses import replace

    from ui.complaints.record_form import RecordComplaintDialog
    from ui.complaints.workspace import ComplaintsWorkspace

    page.hide()  # one console at a time: Ctrl+N belongs to the window in front
    ctx = replace(page.ctx, actor=Actor("qiang.xu", "scheduler"))
    ro = ComplaintsWorkspace(ctx)
    qtbot.addWidget(ro)
    ro.show()
    qtbot.waitUntil(lambda: ro.load_count >= 1)
    assert not ro.new_button.isVisible() and not ro.assign_button.isVisible()
    assert not ro.columns["accept"].view.dragEnabled() and "Read-only" in ro.keys_hint.text()
    qtbot.keyClick(ro, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert ro.findChild(RecordComplaintDialog) is None
    ro.columns["accept"].select(page.ids["C-1"])
    assert ro.detail.body.isVisible() and not ro.detail.note_button.isVisible()
    assert not ro.detail.log_button.isVisible() and not ro.detail.merge_button.isVisible()
    ro.move_cards([page.ids["C-1"]], "assess")
    assert _stage(sqlite_db, page.ids["C-1"]) == "accept"
    assert not page.new_button.isHidden() and page.columns["accept"].view.dragEnabled()  # a manager may
    ro.countdown.stop()


# --- filters, saved views, WIP limits -------------------------------------------------------------------------------
def test_filters_by_team_owner_category_priority_clock_state_and_text(page):
    def shown():
        return sorted(r for col in page.columns.values() for r in _refs(col))

    assert shown() == ["C-1", "C-2", "C-3", "C-4", "C-5"]
    page.team.setCurrentIndex(page.team.findData("Coral Team"))
    assert shown() == ["C-2", "C-4"]
    assert page.columns["accept"].header.text().endswith("<span>1 of 3</span>")
    page.team.setCurrentIndex(0)
    page.owner.setCurrentIndex(page.owner.findData("__unassigned__"))
    assert shown() == ["C-5"]
    page.owner.setCurrentIndex(page.owner.findData("Li Na"))
    assert shown() == ["C-1", "C-3"]
    page.owner.setCurrentIndex(0)
    page.state.setCurrentIndex(page.state.findData(BREACHED))
    assert shown() == ["C-4"]
    page.state.setCurrentIndex(page.state.findData(ON_TRACK))
    assert shown() == ["C-1", "C-2", "C-3", "C-5"]  # C-2: 17 of 24 h used, at risk from 18 h
    page.state.setCurrentIndex(0)
    page.priority.setCurrentIndex(page.priority.findData("urgent"))
    assert shown() == ["C-2"]
    page.priority.setCurrentIndex(0)
    page.category.setCurrentIndex(page.category.findData("system_fault"))
    assert shown() == ["C-3"]
    page.category.setCurrentIndex(0)
    page.search.setText("refund return")
    assert shown() == ["C-2"]
    page.toggle_mode()  # the list shows the same cards
    assert [page.list_model.row_at(r).reference for r in range(page.list_model.rowCount())] == ["C-2"]
    page.toggle_mode()
    page.search.setText("nothing like this")
    assert shown() == [] and page.empty.isVisible()


def test_saved_view_is_restored_on_another_workspace(qtbot, page):
    from ui.complaints.workspace import ComplaintsWorkspace

    page.owner.setCurrentIndex(page.owner.findData("Wu Lei"))
    page.search.setText("parcel")
    page.mode.setCurrentIndex(1)
    page.save_view("Wu's parcels")
    page.set_filter(type(page.current_filter())())
    assert page.current_filter().active is False

    other = ComplaintsWorkspace(page.ctx)
    qtbot.addWidget(other)
    other.show()
    qtbot.waitUntil(lambda: other.load_count >= 1)
    assert "Wu's parcels" in other.view_names()
    assert other.apply_view("Wu's parcels")
    f = other.current_filter()
    assert (f.owner, f.text) == ("Wu Lei", "parcel") and other.stack.currentIndex() == 1
    assert [other.list_model.row_at(r).reference for r in range(other.list_model.rowCount())] == ["C-4"]
    other.delete_view("Wu's parcels")
    assert "Wu's parcels" not in other.view_names()
    other.countdown.stop()


def test_wip_limit_marks_a_full_column_and_is_remembered(qtbot, page):
    from ui.complaints.workspace import ComplaintsWorkspace

    page.set_wip_limit("accept", 2)
    header = page.columns["accept"].header.text()
    assert "3&nbsp;/&nbsp;2" in header and "#d64541" in header
    assert page.columns["accept"].over_limit and "over the limit: Accept" in page.summary.text()
    page.set_wip_limit("assess", 5)
    assert not page.columns["assess"].over_limit
    other = ComplaintsWorkspace(page.ctx)
    qtbot.addWidget(other)
    assert other.columns["accept"].wip_limit == 2 and other.columns["process"].wip_limit is None
    page.set_wip_limit("accept", None)
    assert page.columns["accept"].header.text().endswith("<span>3</span>")


# --- live countdown -------------------------------------------------------------------------------------------------
def test_countdown_turns_amber_then_red_with_the_clock_without_a_reload_R_SLA_6(page, frozen_clock):
    from ui.complaints.formatting import SLA_COLORS

    accept = page.columns["accept"].model
    row = accept.row_of(page.ids["C-2"])  # 17 h of 24 h used

    def colour():
        return accept.index(row, 0).data(Qt.ItemDataRole.DecorationRole)

    assert colour() == SLA_COLORS[ON_TRACK]
    assert page.countdown.interval() == 1000 and page.countdown.isActive()  # one timer for the whole board
    loads, ticks = page.load_count, page.board_view.ticks
    frozen_clock.advance(hours=1)  # 18 h: 75 % used
    page._on_countdown_timeout()
    assert colour() == SLA_COLORS[AT_RISK]
    assert "Due in 6 h" in accept.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    frozen_clock.advance(hours=6, seconds=1)
    page._on_countdown_timeout()
    assert colour() == SLA_COLORS[BREACHED]
    assert page.load_count == loads and page.board_view.ticks == ticks + 2  # repainted, not reloaded


# --- list view ------------------------------------------------------------------------------------------------------
def test_list_view_sorts_and_bulk_assigns_and_moves(page, sqlite_db):
    from ui.complaints.models import COL_CLOCK, COL_REFERENCE

    page.toggle_mode()
    assert page.stack.currentIndex() == 1 and page.list_model.rowCount() == 5
    page.table.sortByColumn(COL_CLOCK, Qt.SortOrder.AscendingOrder)
    assert page.list_model.row_at(0).reference == "C-4"  # breached first
    page.table.sortByColumn(COL_REFERENCE, Qt.SortOrder.DescendingOrder)
    assert [page.list_model.row_at(r).reference for r in range(5)] == ["C-5", "C-4", "C-3", "C-2", "C-1"]
    assert not page.assign_button.isEnabled()
    sel = page.table.selectionModel()
    for r in (0, 3):  # C-5 and C-2
        sel.select(page.list_model.index(r, 0), sel.SelectionFlag.Select | sel.SelectionFlag.Rows)
    assert page.assign_button.isEnabled() and "2 case" in page.selection_label.text()
    assert sorted(c.reference for c in page.selected_list_cards()) == ["C-2", "C-5"]
    from app.changes import Changes

    page.ctx.bus.operation_did_execute.emit(Changes.COMPLAINTS, None)  # another desk: the list reloads
    assert sorted(c.reference for c in page.selected_list_cards()) == ["C-2", "C-5"]
    page.assign_cards([c.id for c in page.selected_list_cards()], page.ids["li"])
    with sqlite_db.session() as s:
        owners = {s.get(Complaint, page.ids[r]).owner_id for r in ("C-2", "C-5")}
    assert owners == {page.ids["li"]}
    for r in range(page.list_model.rowCount()):
        if page.list_model.row_at(r).reference in ("C-2", "C-5"):
            sel.select(page.list_model.index(r, 0), sel.SelectionFlag.Select | sel.SelectionFlag.Rows)
    page.move_selected("assess")
    assert _stage(sqlite_db, page.ids["C-2"]) == "assess" and _stage(sqlite_db, page.ids["C-5"]) == "assess"


def test_export_writes_the_view_as_shown_csv_and_xlsx(page, tmp_path):
    from openpyxl import load_workbook

    page.priority.setCurrentIndex(page.priority.findData("urgent"))
    n = page.export_view(str(tmp_path / "view.csv"))
    with (tmp_path / "view.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert n == 1 and rows[0][:3] == ["Reference", "Stage", "Priority"] and rows[1][:3] == ["C-2", "Accept", "Urgent"]
    page.priority.setCurrentIndex(0)
    assert page.export_view(str(tmp_path / "view.xlsx")) == 5
    sheet = load_workbook(tmp_path / "view.xlsx").active
    assert sheet.max_row == 6 and sheet.cell(1, 1).value == "Reference"


# --- detail ---------------------------------------------------------------------------------------------------------
def test_detail_adds_notes_merges_a_duplicate_and_explains_clocks(page, sqlite_db):
    page.columns["accept"].select(page.ids["C-1"])
    panel = page.detail
    assert panel.detail.card.reference == "C-1" and panel.merge_button.isVisible()
    assert "R-SLA-6" in panel.clocks.text()
    panel.add_note("Customer sent photos of the box")
    assert "Customer sent photos of the box" in panel.timeline.text()
    panel.merge_into("C-5", "Same parcel, second call")
    assert _stage(sqlite_db, page.ids["C-1"]) == "closed"
    with sqlite_db.session() as s:
        kinds = s.scalars(select(ComplaintEvent.kind).where(ComplaintEvent.complaint_id == page.ids["C-5"])).all()
    assert "merged_from" in kinds


def test_a_case_moves_through_every_stage_to_a_closed_loop_and_the_timeline_tells_it_R_FLOW_1_R_FLOW_5(
        page, sqlite_db, frozen_clock, monkeypatch):
    from ui import errors

    warned = []
    monkeypatch.setattr(errors.QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    cid = page.ids["C-1"]
    page.columns["accept"].select(cid)
    panel = page.detail
    assert panel.log_button.isVisible() and not panel.loop_button.isVisible()
    panel.log("key_points", "Door seal leaks, second time")
    for stage in ("assess", "process", "feedback"):
        frozen_clock.advance(minutes=10)
        _drop(page, "C-1", stage)
        assert _stage(sqlite_db, cid) == stage
    page.columns["feedback"].select(cid)
    assert panel.loop_button.isVisible() and panel.reopen_button.isVisible()
    page.ask_reason = lambda *_: pytest.fail("a step-by-step move needs no reason")
    _drop(page, "C-1", "closed")  # refused: the loop is still open (R-FLOW-5); the board shows it again
    assert _stage(sqlite_db, cid) == "feedback" and "C-1" in _refs(page.columns["feedback"])
    assert len(warned) == 1 and "feedback loop" in warned[0] and "R-FLOW-5" in warned[0]
    panel.close_loop("Happy with the replacement")
    _drop(page, "C-1", "closed")
    assert _stage(sqlite_db, cid) == "closed"
    page.columns["closed"].select(cid)
    story = panel.timeline.text()
    marks = ["Key points recorded", "Accept → Assess", "Assess → Process", "Process → Feedback",
             "Happy with the replacement", "Feedback → Closed"]
    assert all(m in story for m in marks) and [story.index(m) for m in marks] == sorted(story.index(m) for m in marks)
    assert "ming.han" in story and not panel.log_button.isVisible() and panel.reopen_button.isVisible()
    # the engine's own events say which clock they are about (matched with the clocks explained)
    assert "Clock started (R-SLA-6" in story and "Clock stopped (R-SLA-1" in story
    assert any(m.startswith("Clock stopped (R-SLA-6") and m.endswith("Met)")
               for m in story.replace("<b>", "\n").replace("</b>", "\n").splitlines())
    assert "R-SLA-6" in panel.clocks.text() and "Stopped" in panel.clocks.text()
    panel.reopen("The replacement arrived broken too")  # re-open with a reason: back to work
    assert _stage(sqlite_db, cid) == "process" and "C-1" in _refs(page.columns["process"])
    page.columns["process"].select(cid)
    assert "The replacement arrived broken too" in panel.timeline.text() and "Re-opened" in panel.timeline.text()


# --- import ---------------------------------------------------------------------------------------------------------
def _foreign_csv(path: Path) -> Path:
    path.write_text(
        "Ticket,类别,Description,Created,Urgency,Phone\n"
        "X-1,物流,Box crushed,03/11/2026 14:05,紧急,13812346925\n"
        "X-2,logistics,Late parcel,04/11/2026 09:30,regular,\n"
        "X-3,teleportation,Broken category,05/11/2026 10:00,regular,\n"
        "X-4,after_sales,,06/11/2026 10:00,regular,\n", encoding="utf-8")
    return path


def test_import_dialog_maps_columns_detects_dates_previews_and_lists_failed_rows(qtbot, page, sqlite_db, tmp_path):
    from ui.complaints.import_dialog import ImportComplaintsDialog

    dialog = ImportComplaintsDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    source = _foreign_csv(tmp_path / "other-system.csv")
    assert dialog.set_file(source)
    mapping = dialog.current_mapping()
    assert mapping.columns == {"reference": "Ticket", "category": "类别", "summary": "Description",
                               "opened_at": "Created", "priority": "Urgency", "customer_phone": "Phone"}
    assert mapping.date_format == "%d/%m/%Y %H:%M" and "Also possible" in dialog.date_note.text()
    assert dialog.preview.rowCount() == 4
    problems = [dialog.preview.item(r, 1).text() for r in range(4)]
    assert problems[:2] == ["", ""] and "teleportation" in problems[2] and "summary" in problems[3]
    opened = [dialog.preview.item(0, c).text() for c in range(dialog.preview.columnCount())]
    assert "2026-11-03 14:05" in opened  # 3 November, day first
    dialog.save_mapping("Other system")

    dialog.column_boxes["summary"].setCurrentIndex(0)  # a required field without a column
    assert "summary" in dialog.preview_note.text() and not dialog.import_button.isEnabled()
    assert dialog.apply_saved_mapping("Other system")
    assert dialog.current_mapping() == mapping and dialog.import_button.isEnabled()

    dialog.run_import()
    assert dialog.result.rows_imported == 2 and dialog.result.rows_skipped == 2
    assert dialog.failed.rowCount() == 2 and dialog.failed.item(0, 0).text() == "3"
    written = dialog.save_failed_rows(tmp_path / "failed.csv")
    with (tmp_path / "failed.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert written == 2 and rows[0][:4] == ["row", "reason", "detail", "Ticket"]
    assert rows[1][0] == "3" and rows[1][3:5] == ["X-3", "teleportation"]
    with sqlite_db.session() as s:
        imported = {c.reference: c for c in s.scalars(select(Complaint).where(Complaint.reference.like("X-%")))}
        assert sorted(imported) == ["X-1", "X-2"] and imported["X-1"].priority == "urgent"
        assert imported["X-1"].opened_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") == "2026-11-03 14:05"
    assert "X-1" in page._reference_ids()  # the board heard of the import
    folder = Path(dialog._tmp)
    dialog.done(0)
    assert not folder.exists()  # the remapped copies go with the dialog


# --- models ---------------------------------------------------------------------------------------------------------
def test_board_and_list_models_pass_the_model_tester(qtmodeltester, page):
    from ui.complaints.models import COL_AGE, CardListModel, ComplaintTableModel

    board = page.board
    cards = CardListModel("accept")
    cards.set_cards(board.column("accept").cards, board.at)
    qtmodeltester.check(cards)
    assert cards.flags(cards.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert cards.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    table = ComplaintTableModel(SHANGHAI)
    table.set_cards([c for col in board.columns for c in col.cards], board.at)
    qtmodeltester.check(table)
    table.sort(COL_AGE, Qt.SortOrder.DescendingOrder)
    assert table.row_at(0).reference == "C-4"
    qtmodeltester.check(table)


# --- benchmark ------------------------------------------------------------------------------------------------------
def test_board_benchmark_runs_the_probe_and_reports_medians_against_targets(tmp_path, monkeypatch):
    from app.bench.registry import BenchOptions, load_benchmarks, run_benchmark
    from app.complaints.bench_board import build_board_database

    monkeypatch.setenv("FLOORWALKER_KEY_FILE", str(tmp_path / "customer.key"))
    assert "complaints-board" in load_benchmarks()
    path = tmp_path / "board.db"
    build_board_database(path, cases=120)
    result = run_benchmark("complaints-board", BenchOptions(repeat=1, db=str(path)))
    assert result.info["open cases"] == "120"
    first = result.measurement("first paint")
    assert first.baseline == "board query alone (baseline)" and first.target == 500.0 and first.median > 0
    assert result.measurement("drag and drop: saved").median > 0
    assert result.measurement("search (text)").target == 100.0
    assert result.ratio(first) is not None


def test_board_loads_and_saves_a_drop_on_real_worker_threads(qtbot, sqlite_db, floor):
    from ui.bus import Bus
    from ui.complaints.workspace import ComplaintsWorkspace
    from ui.context import ConsoleContext
    from ui.tasks import TaskRunner

    tasks = TaskRunner(sqlite_db)  # a read pool and the single writer, as in the console
    ctx = ConsoleContext(db=sqlite_db, tasks=tasks, bus=Bus(), actor=MANAGER, timezone=SHANGHAI)
    ws = ComplaintsWorkspace(ctx)
    qtbot.addWidget(ws)
    try:
        with qtbot.waitSignal(ws.did_load, timeout=10_000):
            ws.show()
        ws.ids = floor
        with qtbot.waitSignal(ws.did_load, timeout=10_000):  # saved on the writer, then reloaded by the bus
            _drop(ws, "C-1", "assess")
        assert _stage(sqlite_db, floor["C-1"]) == "assess" and "C-1" in _refs(ws.columns["assess"])
    finally:
        ws.countdown.stop()
        ws._tick.stop()
        tasks.shutdown()
