"""Customer reveal (R-SEC-2, R-SEC-3): allowed roles only, one record at a time, a reason, one audit row each.

Lists, details and exports stay masked; the Complaints and Quality detail panels offer "Show
customer details…" only to roles allowed ``customer.reveal`` (supervisor, manager).
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.actor import Actor
from app.complaints.board import complaint_detail, load_board
from app.quality.interactions import interaction_detail
from app.security.crypto import CustomerCipher, KeyError_, key_file_path
from app.security.customers import reveal, reveal_cipher
from app.security.permissions import PermissionDenied
from db.models import AuditEntry
from tests.test_roles import EMAIL, MASKED, NAME, PHONE, TwoTeams, build_two_teams


def _reveals(s) -> list[AuditEntry]:
    return list(s.scalars(select(AuditEntry).where(AuditEntry.entity == "customer",
                                                    AuditEntry.action == "reveal").order_by(AuditEntry.id)))


@pytest.fixture
def floor(any_db, tmp_path, frozen_clock):
    key = tmp_path / "customer.key"
    return any_db, build_two_teams(any_db, key), CustomerCipher.from_key_file(key)


def test_supervisor_reveals_a_customer_of_their_team_with_one_audit_row_R_SEC_3(floor):
    db, t, cipher = floor
    sup = Actor("min.deng", "supervisor", t.sup_jade)
    with db.session() as s:
        shown = reveal(s, sup, t.customer, cipher, reason="  call back about the refund ",
                       complaint_id=t.complaints["J-1"])
    assert (shown.phone, shown.name, shown.email) == (PHONE, NAME, EMAIL)
    with db.session() as s:
        rows = _reveals(s)
        assert len(rows) == 1
        assert rows[0].actor == "min.deng" and rows[0].entity_id == str(t.customer)
        assert rows[0].after == {"reason": "call back about the refund", "complaint_id": t.complaints["J-1"]}
        # a second reveal is a second row
        reveal(s, sup, t.customer, cipher, reason="again", interaction_id=t.interactions["ana"])
    with db.session() as s:
        assert [r.after.get("interaction_id") for r in _reveals(s)] == [None, t.interactions["ana"]]


@pytest.mark.parametrize("role", ["agent", "quality_analyst", "trainer", "scheduler", "administrator"])
def test_roles_without_customer_reveal_are_refused_and_nothing_is_logged_R_SEC_2(sqlite_db, tmp_path,
                                                                                frozen_clock, role):
    key = tmp_path / "customer.key"
    t = build_two_teams(sqlite_db, key)
    with sqlite_db.session() as s, pytest.raises(PermissionDenied):
        reveal(s, Actor("x", role, t.ana), t.customer, CustomerCipher.from_key_file(key), reason="curious")
    with sqlite_db.session() as s:
        assert _reveals(s) == []


def test_supervisor_cannot_reveal_through_another_teams_record(floor):
    db, t, cipher = floor
    pearl_sup = Actor("hu", "supervisor", t.sup_pearl)
    with db.session() as s, pytest.raises(PermissionDenied):
        reveal(s, pearl_sup, t.customer, cipher, reason="looking", complaint_id=t.complaints["J-1"])
    with db.session() as s, pytest.raises(PermissionDenied):
        reveal(s, pearl_sup, t.customer, cipher, reason="looking", interaction_id=t.interactions["ana"])
    # a record of their own team that is not this customer's: refused as well
    with db.session() as s, pytest.raises(ValueError, match="not the one on that record"):
        reveal(s, pearl_sup, t.customer, cipher, reason="looking", complaint_id=t.complaints["P-1"])
    with db.session() as s:
        assert _reveals(s) == []


def test_a_reason_is_required(floor):
    db, t, cipher = floor
    with db.session() as s, pytest.raises(ValueError, match="Say why"):
        reveal(s, Actor("m", "manager"), t.customer, cipher, reason="   ")
    with db.session() as s:
        assert _reveals(s) == []


def test_key_file_problems_are_clear_and_log_nothing(floor, tmp_path, monkeypatch):
    db, t, _cipher = floor
    missing = tmp_path / "elsewhere" / "customer.key"
    monkeypatch.setenv("FLOORWALKER_KEY_FILE", str(missing))
    with pytest.raises(KeyError_, match="no customer-data key file"):
        reveal_cipher()
    assert not missing.exists()  # a reveal never creates a key
    # a key file with the right key id but another secret (a hand-edited copy)
    payload = json.loads((tmp_path / "customer.key").read_text())
    wrong = tmp_path / "wrong.key"
    other = CustomerCipher.from_key_file(tmp_path / "other.key")
    payload["keys"][0]["secret"] = json.loads((tmp_path / "other.key").read_text())["keys"][0]["secret"]
    wrong.write_text(json.dumps(payload))
    assert other is not None
    with db.session() as s, pytest.raises(KeyError_, match="does not match"):
        reveal(s, Actor("m", "manager"), t.customer, reveal_cipher(wrong), reason="refund")
    with db.session() as s:
        assert _reveals(s) == []


def test_lists_and_details_stay_masked_R_SEC_2(floor):
    db, t, _cipher = floor
    sup = Actor("min.deng", "supervisor", t.sup_jade)
    with db.session() as s:
        board = load_board(s, sup)
        card = next(c for col in board.columns for c in col.cards if c.reference == "J-1")
        detail = complaint_detail(s, sup, t.complaints["J-1"])
        call = interaction_detail(s, sup, t.interactions["ana"])
    assert card.customer_masked == MASKED and detail.customer_name_masked == "Zhang *"
    assert detail.customer_id == t.customer and call.customer_id == t.customer
    assert PHONE not in repr(board) + repr(detail) + repr(call) and NAME not in repr(detail) + repr(call)


# --- the panels ---------------------------------------------------------------------------------------
def _console(db, actor):
    from ui.app import Console

    console = Console(db, actor=actor, inline_tasks=True, watch=False)
    console.window.show()
    return console


def _open(console, qtbot, cls):
    window = console.window
    index = next(i for i, w in enumerate(window.workspaces) if isinstance(w, cls))
    window.show_workspace(index)
    page = window.workspaces[index]
    qtbot.waitUntil(lambda: page.load_count >= 1)
    return page


def _use_default_key(tmp_path) -> None:
    """The panels read the desk's key file (FLOORWALKER_KEY_FILE or the data folder): put the test key there."""
    target = key_file_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((tmp_path / "customer.key").read_bytes())


@pytest.mark.gui
def test_complaints_panel_reveals_for_a_supervisor_until_the_selection_changes(qtbot, sqlite_db, tmp_path,
                                                                               frozen_clock):
    from ui.complaints.workspace import ComplaintsWorkspace

    t: TwoTeams = build_two_teams(sqlite_db, tmp_path / "customer.key")
    _use_default_key(tmp_path)
    console = _console(sqlite_db, Actor("min.deng", "supervisor", t.sup_jade))
    try:
        page = _open(console, qtbot, ComplaintsWorkspace)
        assert page.scope_label.text() == "Your teams: Jade Team"
        assert page.summary.text().startswith("2 open")
        page.columns["accept"].select(t.complaints["J-1"])
        box = page.detail.reveal_box
        assert box.isVisible() and box.button.isVisible() and not box.details.isVisible()
        dialog = box.ask()
        assert dialog is not None and dialog.isVisible() and not dialog.ok_button.isEnabled()
        dialog.accept()  # no reason: nothing happens
        assert dialog.isVisible()
        dialog.reason.setText("call back about the refund")
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: box.details.isVisible())
        text = box.details.text()
        assert PHONE in text and NAME in text and EMAIL in text and not box.button.isVisible()
        assert page.detail.fields["customer"].text().startswith(f"Zhang * · {MASKED}")  # the field stays masked
        page.refresh()  # the minute tick reloads the same case: the reveal stays
        assert box.details.isVisible() and PHONE in box.details.text()
        page.columns["accept"].select(t.complaints["J-2"])  # no customer on this case: no button
        assert not box.isVisible() and box.revealed is None
        page.columns["accept"].select(t.complaints["J-1"])  # back again: masked until revealed again
        assert box.button.isVisible() and not box.details.isVisible() and PHONE not in box.details.text()
        with sqlite_db.session() as s:
            rows = _reveals(s)
        assert len(rows) == 1 and rows[0].after["reason"] == "call back about the refund"
    finally:
        console.close()


@pytest.mark.gui
def test_quality_panel_reveal_with_a_broken_key_file_says_so(qtbot, sqlite_db, tmp_path, frozen_clock):
    from ui.quality.workspace import QualityWorkspace

    t = build_two_teams(sqlite_db, tmp_path / "customer.key")  # the desk's own key file is missing
    console = _console(sqlite_db, Actor("haiyan.liu", "manager", None))
    try:
        page = _open(console, qtbot, QualityWorkspace)
        assert page.scope_label.text() == "All teams"
        row = next(i for i, r in enumerate(page.model.rows) if r.id == t.interactions["ana"])
        page.table.selectRow(row)
        box = page.detail.reveal_box
        assert box.button.isVisible()
        box.reveal("refund")
        assert box.error.isVisible() and "no customer-data key file" in box.error.text()
        assert "FLOORWALKER_KEY_FILE" in box.error.text() and not box.details.isVisible()
        assert not key_file_path().exists()
        _use_default_key(tmp_path)  # the administrator copies the center's key: it works
        box.reveal("refund")
        assert box.details.isVisible() and PHONE in box.details.text() and not box.error.isVisible()
        with sqlite_db.session() as s:
            assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "reveal")) == 1
    finally:
        console.close()


@pytest.mark.gui
@pytest.mark.parametrize("role", ["quality_analyst", "agent"])
def test_roles_without_reveal_do_not_get_the_button(qtbot, sqlite_db, tmp_path, frozen_clock, role):
    from ui.complaints.workspace import ComplaintsWorkspace
    from ui.quality.workspace import QualityWorkspace

    t = build_two_teams(sqlite_db, tmp_path / "customer.key")
    console = _console(sqlite_db, Actor("someone", role, t.ana))
    try:
        quality = _open(console, qtbot, QualityWorkspace)
        row = next(i for i, r in enumerate(quality.model.rows) if r.id == t.interactions["ana"])
        quality.table.selectRow(row)
        assert quality.detail.body.isVisible() and not quality.detail.reveal_box.isVisible()
        assert quality.detail.reveal_box.ask() is None
        complaints = _open(console, qtbot, ComplaintsWorkspace)
        complaints.columns["accept"].select(t.complaints["J-1"])
        assert complaints.detail.body.isVisible() and not complaints.detail.reveal_box.isVisible()
        if role == "agent":
            assert complaints.scope_label.text() == "Only the cases you own"
            assert quality.scope_label.text() == "Only your own interactions"
            assert {r.agent for r in quality.model.rows} == {"Ana"} and quality.filters.team.isHidden()
    finally:
        console.close()
