"""Complaint services: record (customer encrypted, masked), stage moves by R-FLOW-1 with reasons, the closed
feedback loop of R-FLOW-5, notes, merge with link, re-open, conflicts between two desks, permissions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app import clock
from app.actor import Actor
from app.changes import Changes
from app.complaints.board import complaint_detail, load_board
from app.complaints.service import (
    ComplaintDraft,
    ComplaintInputError,
    add_note,
    close_feedback_loop,
    complaint_clocks,
    log_action,
    merge,
    move_stage,
    record_complaint,
    reopen,
)
from app.security.permissions import PermissionDenied
from db.errors import ConflictError
from db.models import AuditEntry, Complaint, ComplaintEvent, Customer
from tests import factories as f

PHONE = "13812346925"
MASKED = "138****6925"


def _build_floor(db):
    with db.session() as s:
        c = f.center(s)
        team = f.team(s, c, "Escalations")
        li = f.person(s, c, team, name="Li Na")
        sup = f.person(s, c, team, name="Wang Fang", title="supervisor", level=None)
        team.supervisor_id = sup.id
        ids = {"li": li.id, "team": team.id, "sup": sup.id}
    return db, ids


@pytest.fixture
def floor(any_db, frozen_clock):
    return _build_floor(any_db)


@pytest.fixture
def sqlite_floor(sqlite_db, frozen_clock):
    """Input checks and permissions: one engine is enough (nothing engine-specific is written)."""
    return _build_floor(sqlite_db)


def _actor(ids, role="supervisor"):
    return Actor("wang.fang", role, person_id=ids["sup"]) if role == "supervisor" else Actor("x", role)


def _record(db, ids, **extra):
    draft = ComplaintDraft(kind=extra.pop("kind", "complaint"), channel="phone", category=extra.pop("category", "logistics"),
                           priority="urgent", summary="Parcel arrived damaged", customer_phone=PHONE,
                           customer_name="Zhang Wei", owner_id=ids["li"], **extra)
    with db.session() as s:
        return record_complaint(s, _actor(ids), draft)


def _version(db, cid):
    with db.session() as s:
        return s.get(Complaint, cid).version


def test_record_stores_the_customer_encrypted_and_shows_it_masked(floor):
    db, ids = floor
    out = _record(db, ids, temporary_solution="Voucher offered",
                  expected_resolution_at=clock.now() + timedelta(hours=20))
    assert out.changes & Changes.COMPLAINTS and out.reference.startswith("C-2026-")
    with db.session() as s:
        row = s.get(Complaint, out.complaint_id)
        cust = s.get(Customer, row.customer_id)
        assert PHONE.encode() not in (cust.phone_enc or b"") and cust.phone_masked == MASKED
        assert row.team_id == ids["team"] and row.stage == "accept" and row.temporary_solution == "Voucher offered"
        kinds = [e.kind for e in s.scalars(select(ComplaintEvent).where(ComplaintEvent.complaint_id == row.id)
                                           .order_by(ComplaintEvent.id))]
        assert kinds[:3] == ["created", "temporary_solution", "eta"]  # R-SLA-8, R-FLOW-8
        assert "sla_started" in kinds  # the clocks' starts are on the timeline
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity == "complaint")).all()
        assert audit and PHONE not in str(audit[0].after) and "Zhang" not in str(audit[0].after)
        board = load_board(s, Actor("m", "manager"))
        card = board.column("accept").cards[0]
        assert card.customer_masked == MASKED


def test_record_rejects_bad_input_naming_the_field(sqlite_floor):
    db, ids = sqlite_floor
    with pytest.raises(ComplaintInputError, match="past") as err:
        _record(db, ids, expected_resolution_at=clock.now() - timedelta(minutes=1))
    assert err.value.field == "eta"
    with pytest.raises(ComplaintInputError, match="year"):
        _record(db, ids, expected_resolution_at=clock.now() + timedelta(days=400))
    with pytest.raises(ComplaintInputError, match="future") as err:
        _record(db, ids, first_contact_at=clock.now() + timedelta(hours=1))
    assert err.value.field == "first_contact_at"
    with pytest.raises(ComplaintInputError, match="30 days"):
        _record(db, ids, first_contact_at=clock.now() - timedelta(days=90))
    with pytest.raises(ComplaintInputError, match="category"):
        _record(db, ids, category="weather")
    with db.session() as s:
        assert s.scalar(select(Complaint.id)) is None and s.scalar(select(Customer.id)) is None  # nothing half-written


def test_wrong_role_may_not_record_or_move(sqlite_floor):
    db, ids = sqlite_floor
    out = _record(db, ids)
    with db.session() as s, pytest.raises(PermissionDenied):
        record_complaint(s, Actor("q", "scheduler"), ComplaintDraft("complaint", "phone", "other", "regular", "x"))
    with db.session() as s, pytest.raises(PermissionDenied):
        move_stage(s, Actor("q", "quality_analyst"), out.complaint_id, 1, "assess")


def test_agent_cannot_touch_a_case_outside_their_scope(sqlite_floor):
    db, ids = sqlite_floor
    out = _record(db, ids)
    with db.session() as s, pytest.raises(ComplaintInputError, match="not one you may change"):
        add_note(s, Actor("other", "agent", person_id=ids["sup"] + 100), out.complaint_id, "hello")


def test_moves_follow_the_stages_and_skipping_needs_a_reason_R_FLOW_1(floor, frozen_clock):
    db, ids = floor
    out = _record(db, ids)
    cid = out.complaint_id
    with db.session() as s, pytest.raises(ComplaintInputError, match="skips assess: give a reason") as err:
        move_stage(s, _actor(ids), cid, out.version, "process")
    assert err.value.field == "reason"
    with db.session() as s:
        moved = move_stage(s, _actor(ids), cid, out.version, "assess")
    assert moved.version == out.version + 1
    with db.session() as s:
        moved = move_stage(s, _actor(ids), cid, moved.version, "feedback", reason="Solved on the first call")
    with db.session() as s:
        row = s.get(Complaint, cid)
        assert row.stage == "feedback" and row.resolved_at == clock.now()
        stage = s.scalars(select(ComplaintEvent).where(ComplaintEvent.complaint_id == cid,
                                                       ComplaintEvent.kind == "stage")
                          .order_by(ComplaintEvent.id)).all()[-1]
        assert stage.data == {"skipped": ["process"], "reason": "Solved on the first call"}
    with db.session() as s, pytest.raises(ComplaintInputError, match="goes back"):
        move_stage(s, _actor(ids), cid, moved.version, "assess")
    with db.session() as s:
        move_stage(s, _actor(ids), cid, moved.version, "process", reason="The customer says it is not solved")
    with db.session() as s:
        row = s.get(Complaint, cid)
        assert row.stage == "process" and row.resolved_at is None and not row.feedback_loop_closed
        clocks = {c.rule_id: c for c in complaint_clocks(s, _actor(ids), cid)}
        assert clocks["R-SLA-6"].running  # resolved no more: the resolution clock runs again


def test_closing_needs_the_feedback_loop_closed_R_FLOW_5(floor, frozen_clock):
    db, ids = floor
    out = _record(db, ids)
    cid = out.complaint_id
    with db.session() as s:
        v = move_stage(s, _actor(ids), cid, out.version, "feedback", reason="Solved at once").version
    with db.session() as s, pytest.raises(ComplaintInputError, match="R-FLOW-5"):
        move_stage(s, _actor(ids), cid, v, "closed")
    frozen_clock.advance(hours=2)
    with db.session() as s:
        v = close_feedback_loop(s, _actor(ids), cid, v, "Satisfied with the replacement").version
    with db.session() as s:
        move_stage(s, _actor(ids), cid, v, "closed")
    with db.session() as s:
        row = s.get(Complaint, cid)
        assert row.stage == "closed" and row.feedback_loop_closed and row.customer_opinion.startswith("Satisfied")
        assert row.sla_next_at is None  # nothing left for the sweep


def test_two_desks_moving_the_same_case_conflict(floor):
    db, ids = floor
    out = _record(db, ids)
    with db.session() as s:
        move_stage(s, _actor(ids), out.complaint_id, out.version, "assess")
    with db.session() as s, pytest.raises(ConflictError) as err:
        move_stage(s, Actor("m", "manager"), out.complaint_id, out.version, "assess")
    assert err.value.theirs["stage"] == "assess" and err.value.mine == {"stage": "assess"}


def test_notes_merge_and_reopen_tell_the_story(floor, frozen_clock):
    db, ids = floor
    a = _record(db, ids)
    b = _record(db, ids)
    with db.session() as s:
        add_note(s, _actor(ids), a.complaint_id, "Customer called again")
        with pytest.raises(ComplaintInputError, match="note"):
            add_note(s, _actor(ids), a.complaint_id, "   ")
    with db.session() as s:
        merge(s, _actor(ids), b.complaint_id, a.complaint_id, reason="Same parcel")
    with db.session() as s:
        dup = s.get(Complaint, b.complaint_id)
        assert dup.stage == "closed" and dup.merged_into_id == a.complaint_id
        with pytest.raises(ComplaintInputError, match="merged"):
            reopen(s, _actor(ids), dup.id, dup.version, "Again")
        with pytest.raises(ComplaintInputError, match="already merged"):
            merge(s, _actor(ids), dup.id, a.complaint_id)
        clocks = complaint_clocks(s, _actor(ids), dup.id)
        assert clocks and all(c.state == "cancelled" for c in clocks)
        detail = complaint_detail(s, _actor(ids), a.complaint_id)
        assert [e.kind for e in detail.events if e.kind in ("note", "merged_from")] == ["note", "merged_from"]
    # close a, then re-open with a reason: a new resolution cycle starts
    with db.session() as s:
        v = move_stage(s, _actor(ids), a.complaint_id, _version(db, a.complaint_id), "feedback", reason="Fixed").version
        v = close_feedback_loop(s, _actor(ids), a.complaint_id, v, "OK").version
        v = move_stage(s, _actor(ids), a.complaint_id, v, "closed").version
    frozen_clock.advance(hours=3)
    with db.session() as s:
        with pytest.raises(ComplaintInputError, match="why"):
            reopen(s, _actor(ids), a.complaint_id, v, " ")
        reopen(s, _actor(ids), a.complaint_id, v, "The replacement is broken too")
    with db.session() as s:
        row = s.get(Complaint, a.complaint_id)
        assert row.stage == "process" and row.closed_at is None and not row.feedback_loop_closed
        clocks = {c.key: c for c in complaint_clocks(s, _actor(ids), a.complaint_id)}
        assert clocks["R-SLA-6#1"].state == "met" and clocks["R-SLA-6#2"].started_at == clock.now()
        assert clocks["R-SLA-6#2"].due_at == clock.now() + timedelta(hours=24)


def test_logged_actions_stop_their_clocks_R_SLA_1(sqlite_floor, frozen_clock):
    db, ids = sqlite_floor
    out = _record(db, ids)
    frozen_clock.advance(minutes=3)
    with db.session() as s:
        log_action(s, _actor(ids), out.complaint_id, "key_points")
        with pytest.raises(ComplaintInputError, match="Unknown action"):
            log_action(s, _actor(ids), out.complaint_id, "lunch")
    with db.session() as s:
        clocks = {c.rule_id: c for c in complaint_clocks(s, _actor(ids), out.complaint_id)}
        assert clocks["R-SLA-1"].state == "met" and clocks["R-SLA-1"].elapsed_minutes == pytest.approx(3)
        stopped = s.scalars(select(ComplaintEvent).where(ComplaintEvent.kind == "sla_stopped")).all()
        assert [e.data["clock"] for e in stopped] == ["R-SLA-1"] and stopped[0].data["state"] == "met"


@pytest.mark.postgres
def test_two_desks_moving_at_the_same_instant_one_wins_the_other_gets_a_conflict(pg_url, frozen_clock):
    """Two consoles (two engines) on one PostgreSQL: desk two's UPDATE waits on desk one's row lock, then finds
    the version moved on; it gets a ConflictError with both versions, never a silent overwrite."""
    import threading
    import time

    from app.bootstrap import open_database

    one, two = open_database(pg_url).db, open_database(pg_url).db
    try:
        with one.session() as s:
            c = f.center(s)
            li = f.person(s, c, f.team(s, c), name="Li Na")
            out = record_complaint(s, Actor("m", "manager"), ComplaintDraft(
                "complaint", "phone", "logistics", "regular", "Late parcel", owner_id=li.id))
        outcome: dict[str, object] = {}

        def desk_two() -> None:
            try:
                with two.session() as s2:
                    move_stage(s2, Actor("bob", "manager", desk="desk-2"), out.complaint_id, out.version, "process",
                               reason="Clear case, no assessment needed")
                outcome["saved"] = True
            except ConflictError as exc:
                outcome["conflict"] = exc

        with one.session() as s1:
            move_stage(s1, Actor("ada", "manager", desk="desk-1"), out.complaint_id, out.version, "assess")
            worker = threading.Thread(target=desk_two)
            worker.start()
            time.sleep(0.5)  # desk two has read version 1 and now waits on the row lock
        worker.join(20)
        assert not worker.is_alive()
        conflict = outcome.get("conflict")
        assert isinstance(conflict, ConflictError) and "saved" not in outcome
        assert conflict.theirs["stage"] == "assess" and conflict.mine["stage"] == "process"
        with one.session() as s:
            row = s.get(Complaint, out.complaint_id)
            assert row.stage == "assess" and row.version == out.version + 1
            stages = s.scalars(select(ComplaintEvent.to_stage).where(ComplaintEvent.kind == "stage")).all()
            assert stages == ["assess"]  # desk two wrote nothing
    finally:
        one.dispose()
        two.dispose()


def test_a_temporary_solution_is_recorded_on_the_open_complaint_R_SLA_8(sqlite_floor, frozen_clock):
    db, ids = sqlite_floor
    out = _record(db, ids)
    with db.session() as s, pytest.raises(ComplaintInputError, match="temporary solution") as err:
        log_action(s, _actor(ids), out.complaint_id, "temporary_solution", note="  ")
    assert err.value.field == "note"
    frozen_clock.advance(minutes=20)
    with db.session() as s:
        log_action(s, _actor(ids), out.complaint_id, "temporary_solution", note="Loan phone until the repair")
    with db.session() as s:
        row = s.get(Complaint, out.complaint_id)
        assert row.temporary_solution == "Loan phone until the repair" and row.version == out.version
        detail = complaint_detail(s, _actor(ids), out.complaint_id)
        assert detail.temporary_solution == "Loan phone until the repair"
        assert [e.note for e in detail.events if e.kind == "temporary_solution"] == ["Loan phone until the repair"]


def test_the_expected_resolution_time_told_is_on_the_timeline_R_FLOW_8(sqlite_floor):
    db, ids = sqlite_floor
    eta = clock.now() + timedelta(hours=20)
    out = _record(db, ids, expected_resolution_at=eta)
    with db.session() as s:
        detail = complaint_detail(s, _actor(ids), out.complaint_id)
        assert detail.card.expected_resolution_at == eta
        told = [e for e in detail.events if e.kind == "eta"]
        assert len(told) == 1 and told[0].actor == "wang.fang"


def test_a_complaint_from_record_to_closed_loop_tells_its_whole_story(floor, frozen_clock):
    """Done-when of issue 6 on the services: logged, warned and escalated on time, moved through every stage
    to a closed loop; the timeline holds each step, each clock's start and stop, each warning and escalation."""
    from app.complaints.sweep import sweep

    db, ids = floor
    sup = _actor(ids)
    out = _record(db, ids)
    cid = out.complaint_id
    frozen_clock.advance(minutes=4)  # R-SLA-1 warns at 3:45
    with db.session() as s:
        assert sweep(s).warnings == 1
    frozen_clock.advance(minutes=2)  # and is breached at 5:00: level 1, the owner
    with db.session() as s:
        assert sweep(s).escalations == 1
        log_action(s, sup, cid, "key_points")
    steps = [("assess", None), ("process", None), ("feedback", None)]
    for stage, reason in steps:
        frozen_clock.advance(hours=1)
        with db.session() as s:
            move_stage(s, sup, cid, _version(db, cid), stage, reason=reason)
    frozen_clock.advance(hours=1)
    with db.session() as s:
        close_feedback_loop(s, sup, cid, _version(db, cid), "Happy with the refund")
    with db.session() as s:
        move_stage(s, sup, cid, _version(db, cid), "closed")
        assert sweep(s).checked == 0  # nothing left to chase
    with db.session() as s:
        events = complaint_detail(s, sup, cid).events
        clocks = {c.rule_id: c for c in complaint_clocks(s, sup, cid)}
    story = [(e.kind, e.to_stage or (e.data or {}).get("clock")) for e in events]
    stages = [to for kind, to in story if kind == "stage"]
    assert stages == ["assess", "process", "feedback", "closed"]
    assert ("sla_warning", "R-SLA-1") in story and ("sla_escalated", "R-SLA-1") in story
    assert {c for k, c in story if k == "sla_started"} == {"R-SLA-1", "R-SLA-5", "R-SLA-6"}
    assert {c for k, c in story if k == "sla_stopped"} == {"R-SLA-1", "R-SLA-5", "R-SLA-6"}
    assert [k for k, _ in story].index("created") == 0 and story[-1][0] in ("stage", "sla_stopped")
    assert clocks["R-SLA-1"].state == "breached" and clocks["R-SLA-6"].state == "met"
    assert [e.data.get("loop_closed") for e in events if e.kind == "feedback"] == [True]
