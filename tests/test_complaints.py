"""Complaints workspace foundation: the board by stage (R-FLOW-1), the resolution deadline, details."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app import clock
from app.actor import Actor
from app.admin.rules import list_rules, update_rule
from app.complaints.board import BoardFilter, complaint_detail, filter_board, load_board, shorten
from app.complaints.sla import AT_RISK, BREACHED, MET, ON_TRACK, resolution_sla
from app.security.crypto import CustomerCipher
from app.security.customers import new_customer_values
from db.models import Complaint, ComplaintEvent, Customer
from tests import factories as f
from tests.windows import open_workspace

PHONE = "13812346925"
MASKED = "138****6925"
MANAGER = Actor("hana", "manager")  # sees the whole center


# --- the resolution deadline (pure) ---------------------------------------------------------------------------
def _sla(started: datetime, stopped: datetime | None = None, hours: float = 24, rule: str = "R-SLA-6"):
    return resolution_sla(rule_id=rule, target_hours=hours, started_at=started, stopped_at=stopped, now=clock.now())


def test_resolution_clock_on_track_until_75_percent_then_at_risk_R_SLA_6(frozen_clock):
    started = clock.now()
    frozen_clock.advance(hours=18, seconds=-1)
    assert _sla(started).state == ON_TRACK
    frozen_clock.advance(seconds=1)  # exactly 75 % of 24 h
    sla = _sla(started)
    assert sla.state == AT_RISK and sla.elapsed_share == pytest.approx(0.75)
    assert sla.due_at == started + timedelta(hours=24) and sla.remaining_sec(clock.now()) == 6 * 3600


def test_resolution_clock_breached_only_after_the_deadline_R_SLA_6(frozen_clock):
    started = clock.now()
    frozen_clock.advance(hours=24)
    assert _sla(started).state == AT_RISK  # due now, not yet late
    frozen_clock.advance(seconds=1)
    sla = _sla(started)
    assert sla.state == BREACHED and sla.remaining_sec(clock.now()) == -1


def test_resolved_case_stops_the_clock_met_or_breached_R_SLA_6(frozen_clock):
    started = clock.now() - timedelta(days=3)
    on_time = _sla(started, stopped=started + timedelta(hours=24))
    late = _sla(started, stopped=started + timedelta(hours=24, seconds=1))
    assert on_time.state == MET and on_time.remaining_sec(clock.now()) == 0
    assert late.state == BREACHED and late.remaining_sec(clock.now()) == -1  # measured at the stop, not now


def test_service_request_has_72_hours_R_SLA_7(frozen_clock):
    started = clock.now() - timedelta(hours=53, minutes=59)
    assert _sla(started, hours=72, rule="R-SLA-7.process").state == ON_TRACK
    assert _sla(started - timedelta(minutes=1), hours=72, rule="R-SLA-7.process").state == AT_RISK
    with pytest.raises(ValueError, match="R-SLA-6"):
        _sla(started, hours=0)


# --- the board ---------------------------------------------------------------------------------------------------
def _complaint(s, c, reference, stage, *, opened_h_ago, priority="regular", category="logistics", kind="complaint",
               vip=False, owner=None, team=None, customer=None, closed_h_ago=None, resolved_h_ago=None,
               summary="Parcel arrived damaged", **extra):
    now = clock.now()
    opened = now - timedelta(hours=opened_h_ago)
    row = Complaint(center_id=c.id, reference=reference, kind=kind, channel="phone", category=category,
                    priority=priority, stage=stage, summary=summary, is_vip=vip,
                    owner_id=owner.id if owner else None, team_id=team.id if team else None,
                    customer_id=customer, first_contact_at=opened, opened_at=opened,
                    closed_at=now - timedelta(hours=closed_h_ago) if closed_h_ago is not None else None,
                    resolved_at=now - timedelta(hours=resolved_h_ago) if resolved_h_ago is not None else None,
                    **extra)
    s.add(row)
    s.flush()
    return row


def _board_floor(db, tmp_path) -> dict[str, int]:
    cipher = CustomerCipher.from_key_file(tmp_path / "customer.key")
    ids = {}
    with db.session() as s:
        c = f.center(s)
        team = f.team(s, c, "Escalations")
        li = f.person(s, c, team, name="Li Na")
        customer = Customer(**new_customer_values(cipher, phone=PHONE, name="Zhang Wei"))
        s.add(customer)
        s.flush()
        rows = [
            _complaint(s, c, "C-1", "accept", opened_h_ago=1, owner=li, team=team, customer=customer.id,
                       summary="The parcel arrived damaged and the customer wants a replacement before the weekend "
                               "because it is a birthday present for her daughter"),
            _complaint(s, c, "C-2", "accept", opened_h_ago=20, priority="urgent"),  # at risk (83 %)
            _complaint(s, c, "C-3", "accept", opened_h_ago=2, priority="urgent", vip=True),
            _complaint(s, c, "C-4", "assess", opened_h_ago=30, category="system_fault"),  # breached
            _complaint(s, c, "S-1", "process", opened_h_ago=30, kind="service_request",
                       category="after_sales"),  # 30 of 72 h
            _complaint(s, c, "C-5", "feedback", opened_h_ago=40, resolved_h_ago=20),  # resolved after 20 h: met
            _complaint(s, c, "C-6", "closed", opened_h_ago=6 * 24, closed_h_ago=6 * 24 - 30,
                       resolved_h_ago=6 * 24 - 26),  # closed 4.75 days ago, resolved after 26 h
            _complaint(s, c, "C-7", "closed", opened_h_ago=9 * 24, closed_h_ago=8 * 24),  # closed 8 days ago
        ]
        ids = {r.reference: r.id for r in rows}
        s.add_all([
            ComplaintEvent(complaint_id=ids["C-1"], at=clock.now() - timedelta(minutes=30), kind="note",
                           actor="li.na", note="Customer called again"),
            ComplaintEvent(complaint_id=ids["C-1"], at=clock.now() - timedelta(hours=1), kind="created",
                           to_stage="accept", actor="li.na"),
        ])
        row = s.get(Complaint, ids["C-1"])
        row.departments = ["logistics", "warehouse"]
        row.temporary_solution = "Voucher offered"
        row.expected_resolution_at = clock.now() + timedelta(hours=20)
    return ids


def test_board_groups_by_stage_in_R_FLOW_1_order_with_counts(any_db, tmp_path, frozen_clock):
    _board_floor(any_db, tmp_path)
    with any_db.session() as s:
        board = load_board(s, MANAGER)
    assert [c.stage for c in board.columns] == ["accept", "assess", "process", "feedback", "closed"]
    assert [c.count for c in board.columns] == [3, 1, 1, 1, 1]
    assert [card.reference for card in board.column("accept").cards] == ["C-3", "C-2", "C-1"]  # urgent VIP first
    assert [card.reference for card in board.column("closed").cards] == ["C-6"]  # C-7 closed over 7 days ago
    assert board.open_count == 6
    assert board.sla_counts() == {BREACHED: 1, AT_RISK: 1, ON_TRACK: 3, MET: 1}
    c1 = board.column("accept").cards[2]
    assert (c1.owner, c1.team, c1.customer_masked) == ("Li Na", "Escalations", MASKED)
    assert c1.summary.endswith("…") and len(c1.summary) <= 90 and c1.age_sec == 3600
    sr = board.column("process").cards[0]
    assert (sr.sla.rule_id, sr.sla.target_hours, sr.sla.state) == ("R-SLA-7.process", 72, ON_TRACK)
    assert board.column("assess").cards[0].sla.state == BREACHED
    closed = board.column("closed").cards[0]
    assert closed.sla.state == BREACHED and closed.age_sec == 30 * 3600  # resolved after 26 h; open for 30 h


def test_board_deadline_follows_the_rule_value_R_SLA_6(sqlite_db, tmp_path, frozen_clock):
    _board_floor(sqlite_db, tmp_path)
    admin = Actor("ada", "administrator")
    with sqlite_db.session() as s:
        version = next(r.version for r in list_rules(s) if r.key == "R-SLA-6")
        update_rule(s, admin, "R-SLA-6", "1.5", version)
    with sqlite_db.session() as s:
        board = load_board(s, MANAGER)
    states = {card.reference: card.sla.state for column in board.columns for card in column.cards}
    assert states["C-1"] == ON_TRACK and states["C-3"] == BREACHED and states["C-5"] == BREACHED


def test_board_filter_by_text_priority_and_category(sqlite_db, tmp_path, frozen_clock):
    _board_floor(sqlite_db, tmp_path)
    with sqlite_db.session() as s:
        board = load_board(s, MANAGER)

    def refs(flt: BoardFilter) -> list[str]:
        return [card.reference for column in filter_board(board, flt).columns for card in column.cards]

    assert refs(BoardFilter()) == ["C-3", "C-2", "C-1", "C-4", "S-1", "C-5", "C-6"]
    assert refs(BoardFilter(priority="urgent")) == ["C-3", "C-2"]
    assert refs(BoardFilter(category="system_fault")) == ["C-4"]
    assert refs(BoardFilter(text="li  NA")) == ["C-1"]  # owner, any order of words
    assert refs(BoardFilter(text="6925")) == ["C-1"]  # the masked customer's visible digits
    assert refs(BoardFilter(text="s-1")) == ["S-1"]
    assert refs(BoardFilter(text="birthday", priority="urgent")) == []
    assert filter_board(board, BoardFilter()) is board


def test_complaint_detail_has_the_timeline_in_order(any_db, tmp_path, frozen_clock):
    ids = _board_floor(any_db, tmp_path)
    with any_db.session() as s:
        detail = complaint_detail(s, MANAGER, ids["C-1"])
        missing = complaint_detail(s, MANAGER, 10_000)
    assert missing is None
    assert [e.kind for e in detail.events] == ["created", "note"]
    assert detail.events[1].note == "Customer called again"
    assert detail.summary.endswith("daughter")  # the full text, not the card's
    assert detail.departments == ("logistics", "warehouse") and detail.temporary_solution == "Voucher offered"
    assert detail.customer_name_masked == "Zhang *" and detail.card.customer_masked == MASKED
    assert detail.card.expected_resolution_at == clock.now() + timedelta(hours=20)


def test_shorten_cuts_at_a_word():
    assert shorten("short") == "short"
    assert shorten("one two three four", 12) == "one two…"
    assert shorten("x" * 20, 10) == "x" * 9 + "…"


# --- Qt models and the workspace ----------------------------------------------------------------------------------
@pytest.mark.gui
def test_complaint_models_pass_the_model_tester(qtmodeltester, sqlite_db, tmp_path, frozen_clock):
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import Qt

    from ui.complaints.formatting import SLA_COLORS
    from ui.complaints.models import CardListModel, timeline_html

    ids = _board_floor(sqlite_db, tmp_path)
    with sqlite_db.session() as s:
        board = load_board(s, MANAGER)
        detail = complaint_detail(s, MANAGER, ids["C-1"])
    cards = CardListModel("accept")
    cards.set_cards(board.column("accept").cards, board.at)
    qtmodeltester.check(cards)
    assert cards.index(1, 0).data(Qt.ItemDataRole.DecorationRole) == SLA_COLORS[AT_RISK]
    assert "Due in 4 h" in cards.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    html = timeline_html(detail.events, ZoneInfo("Asia/Shanghai"))
    assert html.index("2026-11-18 09:00 · li.na") < html.index("<b>Created → Accept</b>") < html.index(
        "2026-11-18 09:30") < html.index("Customer called again")
    assert "No events recorded" in timeline_html((), ZoneInfo("UTC"))


@pytest.mark.gui
def test_complaints_workspace_shows_columns_filters_and_timeline(qtbot, sqlite_db, tmp_path, frozen_clock):
    from ui.app import Console
    from ui.complaints.workspace import ComplaintsWorkspace

    ids = _board_floor(sqlite_db, tmp_path)
    console = Console(sqlite_db, inline_tasks=True, watch=False)
    try:
        window = console.window
        window.show()
        _index, page = open_workspace(window, ComplaintsWorkspace)
        assert page.title() == "Complaints"
        qtbot.waitUntil(lambda: page.load_count >= 1)
        headers = {stage: column.header.text() for stage, column in page.columns.items()}
        assert headers["accept"] == "<b>Accept</b>&nbsp;&nbsp;<span>3</span>"
        assert headers["closed"].endswith("<span>1</span>")
        assert page.summary.text().startswith("6 open") and "1 breached" in page.summary.text()
        assert page.detail.placeholder.isVisible()

        page.columns["accept"].select(ids["C-1"])
        assert page.selected_id == ids["C-1"] and page.detail.body.isVisible()
        assert page.detail.title.text() == "C-1 · Complaint · Logistics"
        assert page.detail.fields["customer"].text() == f"Zhang * · {MASKED} · Phone"
        assert "Created → Accept" in page.detail.timeline.text()
        assert "Customer called again" in page.detail.timeline.text()
        assert PHONE not in page.detail.fields["customer"].text()

        page.columns["assess"].select(ids["C-4"])  # selecting in another column clears the first
        assert not page.columns["accept"].view.selectionModel().hasSelection()
        assert page.detail.title.text().startswith("C-4")

        page.priority.setCurrentIndex(page.priority.findData("urgent"))
        assert page.columns["accept"].header.text().endswith("<span>2 of 3</span>")
        assert page.columns["assess"].model.rowCount() == 0
        assert page.selected_id is None and page.detail.placeholder.isVisible()  # C-4 is filtered away
        page.search.setText("no such case")
        assert "No card matches this filter" in page.empty.text() and page.empty.isVisible()
        page.search.clear()
        page.priority.setCurrentIndex(0)
        assert not page.empty.isVisible() and page.columns["assess"].model.rowCount() == 1
        assert page._tick.isActive()
        window.show_workspace(0)
        assert not page._tick.isActive()  # hidden: the minute refresh stops
    finally:
        console.close()


@pytest.mark.gui
def test_complaints_workspace_empty_board_says_so(qtbot, sqlite_db, frozen_clock):
    from ui.app import Console
    from ui.complaints.workspace import ComplaintsWorkspace

    with sqlite_db.session() as s:
        f.center(s)
    console = Console(sqlite_db, inline_tasks=True, watch=False)
    try:
        window = console.window
        window.show()
        _index, page = open_workspace(window, ComplaintsWorkspace)
        qtbot.waitUntil(lambda: page.load_count >= 1)
        assert page.empty.isVisible() and "floorwalker demo" in page.empty.text()
        assert all(column.model.rowCount() == 0 for column in page.columns.values())
    finally:
        console.close()


def test_board_closed_column_window_edge(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        c = f.center(s)
        _complaint(s, c, "C-in", "closed", opened_h_ago=200, closed_h_ago=7 * 24)  # exactly 7 days: shown
        _complaint(s, c, "C-out", "closed", opened_h_ago=200, closed_h_ago=7 * 24 + 1 / 60)
    with sqlite_db.session() as s:
        board = load_board(s, MANAGER)
    assert [card.reference for card in board.column("closed").cards] == ["C-in"]
    assert board.at == datetime(2026, 11, 18, 2, 0, tzinfo=UTC)
