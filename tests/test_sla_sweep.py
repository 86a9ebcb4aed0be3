"""The SLA sweep on real databases: warnings and escalations on time with a controlled clock, recorded on the
timeline and posted to the console once (idempotent), only the due cases read, policy changes recomputed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app import clock
from app.actor import Actor
from app.complaints.board import complaint_detail, load_board
from app.complaints.service import ComplaintDraft, log_action, record_complaint
from app.complaints.sweep import SLA_SWEEP, run_sweep, sweep
from app.jobs.registry import get_job
from db.models import Complaint, ComplaintEvent, Notification, NotificationRecipient, User
from db.models.complaints import SLA_RECOMPUTE
from tests import factories as f


@pytest.fixture
def floor(any_db, frozen_clock):
    return _build_floor(any_db)


@pytest.fixture
def sqlite_floor(sqlite_db, frozen_clock):
    return _build_floor(sqlite_db)


def _build_floor(any_db):
    with any_db.session() as s:
        c = f.center(s)
        team = f.team(s, c, "Escalations")
        li = f.person(s, c, team, name="Li Na")
        sup = f.person(s, c, team, name="Wang Fang", title="supervisor", level=None)
        boss = f.person(s, c, None, name="Han Ming", title="manager", level=None)
        team.supervisor_id = sup.id
        s.add(User(username="ming.han", display_name="Han Ming", role="manager", person_id=boss.id, password_hash="x"))
        ids = {"li": li.id, "sup": sup.id, "boss": boss.id}
    return any_db, ids


SUP = Actor("ming.han", "manager")


def _record(db, ids, category="logistics"):
    with db.session() as s:
        return record_complaint(s, Actor("m", "manager"), ComplaintDraft(
            "complaint", "phone", category, "regular", "Parcel arrived damaged", owner_id=ids["li"])).complaint_id


def _run(db):
    with db.session() as s:
        return sweep(s)


def _milestones(db, cid):
    with db.session() as s:
        rows = s.scalars(select(ComplaintEvent).where(ComplaintEvent.complaint_id == cid,
                                                      ComplaintEvent.kind.in_(("sla_warning", "sla_escalated")))
                         .order_by(ComplaintEvent.at, ComplaintEvent.id)).all()
        return [(e.data["clock"], e.data["milestone"], e.at) for e in rows]


def _notified(db):
    with db.session() as s:
        rows = s.execute(select(Notification.kind, Notification.dedupe_key, NotificationRecipient.person_id)
                         .join(NotificationRecipient, NotificationRecipient.notification_id == Notification.id)
                         .order_by(Notification.id, NotificationRecipient.person_id)).all()
        return [tuple(r) for r in rows]


def test_key_points_warning_breach_and_ladder_on_time_R_SLA_1(floor, frozen_clock):
    db, ids = floor
    t0 = clock.now()
    cid = _record(db, ids)
    assert _run(db).warnings == 0  # first computation: nothing due yet
    frozen_clock.advance(minutes=3, seconds=44)
    assert _run(db).checked == 0  # not due: the case is not even read
    frozen_clock.advance(seconds=1)  # 3:45 = 75 % of 5 min
    result = _run(db)
    assert (result.checked, result.warnings, result.escalations) == (1, 1, 0)
    assert _notified(db) == [("sla.warning", f"sla:{cid}:R-SLA-1#1:warning", ids["li"])]
    frozen_clock.advance(minutes=1, seconds=15)  # 5:00 breach: level 1, the owner
    assert _run(db).escalations == 1
    frozen_clock.advance(minutes=30)  # level 2: the team supervisor
    _run(db)
    frozen_clock.advance(minutes=30)  # level 3: the customer-service managers (R-RESP-4)
    _run(db)
    assert _milestones(db, cid) == [
        ("R-SLA-1", "warning", t0 + timedelta(minutes=3.75)), ("R-SLA-1", "L1", t0 + timedelta(minutes=5)),
        ("R-SLA-1", "L2", t0 + timedelta(minutes=35)), ("R-SLA-1", "L3", t0 + timedelta(minutes=65))]
    assert [(k, p) for k, _, p in _notified(db)] == [
        ("sla.warning", ids["li"]), ("sla.breach", ids["li"]), ("sla.escalation", ids["sup"]),
        ("sla.escalation", ids["boss"])]


def test_sweep_is_idempotent_and_catches_up_with_one_notification_per_clock(floor, frozen_clock):
    db, ids = floor
    cid = _record(db, ids)
    frozen_clock.advance(hours=2)  # the sweep was down: warning, L1, L2, L3 of R-SLA-1 all passed
    first = _run(db)
    assert first.warnings == 1 and first.escalations == 3 and first.notified == 1
    events, notes = _milestones(db, cid), _notified(db)
    again = _run(db)
    assert (again.checked, again.warnings, again.escalations, again.notified) == (0, 0, 0, 0)
    with db.session() as s:  # even forced to look again, nothing doubles
        s.execute(Complaint.__table__.update().values(sla_next_at=SLA_RECOMPUTE))
    forced = _run(db)
    assert forced.checked == 1 and forced.warnings == forced.escalations == forced.notified == 0
    assert _milestones(db, cid) == events and _notified(db) == notes
    assert notes == [("sla.escalation", f"sla:{cid}:R-SLA-1#1:L3", ids["boss"])]


def test_logged_key_points_stop_the_clock_before_it_warns_R_SLA_1(sqlite_floor, frozen_clock):
    db, ids = sqlite_floor
    cid = _record(db, ids)
    frozen_clock.advance(minutes=2)
    with db.session() as s:
        log_action(s, SUP, cid, "key_points")
    frozen_clock.advance(hours=1)
    _run(db)
    assert [m for m in _milestones(db, cid) if m[0] == "R-SLA-1"] == []


def test_pause_while_waiting_on_the_customer_moves_the_escalation_R_SLA_6(floor, frozen_clock):
    db, ids = floor
    cid = _record(db, ids)
    with db.session() as s:
        log_action(s, SUP, cid, "key_points")
    frozen_clock.advance(hours=10)
    with db.session() as s:
        log_action(s, SUP, cid, "feedback")  # keep R-SLA-5 quiet
        log_action(s, SUP, cid, "waiting_on_customer")
    frozen_clock.advance(hours=20)
    _run(db)
    assert not [m for m in _milestones(db, cid) if m[0] == "R-SLA-6"]  # paused at 10 of 24 h
    with db.session() as s:
        log_action(s, SUP, cid, "customer_replied")
        log_action(s, SUP, cid, "feedback")
    frozen_clock.advance(hours=14)  # 24 h on the clock now: breached exactly at the deadline
    _run(db)
    sla6 = [m for m in _milestones(db, cid) if m[0] == "R-SLA-6"]
    assert [m[1] for m in sla6] == ["warning", "L1"]
    with db.session() as s:
        kinds = [e.kind for e in complaint_detail(s, SUP, cid).events]
    assert "sla_paused" in kinds and "sla_resumed" in kinds


def test_cards_show_their_clocks_live_from_the_cache(sqlite_floor, frozen_clock):
    db, ids = sqlite_floor
    _record(db, ids)
    with db.session() as s:
        card = load_board(s, Actor("m", "manager")).column("accept").cards[0]
    by_rule = {c.rule_id: c for c in card.clocks}
    assert set(by_rule) == {"R-SLA-1", "R-SLA-5", "R-SLA-6"}
    kp = by_rule["R-SLA-1"]
    assert kp.state_at(clock.now()) == "on_track"
    assert kp.state_at(clock.now() + timedelta(minutes=4)) == "at_risk"
    assert kp.state_at(clock.now() + timedelta(minutes=6)) == "breached"


def test_imported_cases_are_computed_on_the_first_sweep(floor, frozen_clock):
    db, ids = floor
    with db.session() as s:
        now = clock.now()
        s.add(Complaint(center_id=1, reference="IMP-1", kind="complaint", channel="phone", category="other",
                        priority="regular", stage="process", summary="from the old system",
                        first_contact_at=now - timedelta(hours=30), opened_at=now - timedelta(hours=30)))
    result = _run(db)
    # R-SLA-5 and -6: L1..L3 each; the manager's escalation (5 h ago) started R-RESP-4, late by 3 h: a reminder
    assert (result.checked, result.escalations, result.notified) == (1, 7, 2)
    with db.session() as s:  # only the latest level is told after a catch-up, one toast for both clocks
        l3, late = s.scalars(select(Notification).order_by(Notification.id)).all()
        assert l3.kind == "sla.escalation" and l3.params["step"] == 3
        assert "R-SLA-5" in l3.params["clock"] and "R-SLA-6" in l3.params["clock"]
        assert late.kind == "sla.breach" and late.params["clock"].startswith("R-RESP-4")
    with db.session() as s:
        row = s.scalars(select(Complaint).where(Complaint.reference == "IMP-1")).one()
        states = {c["rule"]: c["state"] for c in row.sla_clocks}
        assert states["R-SLA-6"] == "breached" and states["R-SLA-1"] == "met"  # imported past accept
        assert row.sla_next_at is None  # every level passed: nothing left to chase


def test_the_sweep_is_a_30_second_job(sqlite_floor, frozen_clock):
    db, ids = sqlite_floor
    assert get_job("sla_sweep") is SLA_SWEEP and SLA_SWEEP.schedule == {"seconds": 30}
    _record(db, ids)
    frozen_clock.advance(minutes=6)
    out = run_sweep(db, clock.now(), Actor.system())
    assert out["escalations"] == 1 and out["warnings"] == 1
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Notification)) == 1


def test_a_late_manager_response_reminds_the_managers_R_RESP_4(floor, frozen_clock):
    db, ids = floor
    t0 = clock.now()
    slow, quick = _record(db, ids), _record(db, ids)
    frozen_clock.advance(minutes=65)  # R-SLA-1 of both: level 3, the managers
    _run(db)
    with db.session() as s:
        log_action(s, SUP, quick, "manager_responded")
        log_action(s, SUP, slow, "key_points")
        log_action(s, SUP, quick, "key_points")
    frozen_clock.advance(minutes=120)  # R-RESP-4: 2 h after the escalation
    _run(db)
    with db.session() as s:
        clocks = {c.rule_id: c for c in complaint_clocks_of(s, slow)}
        assert clocks["R-RESP-4"].started_at == t0 + timedelta(minutes=65) and clocks["R-RESP-4"].running
        assert {c.rule_id: c for c in complaint_clocks_of(s, quick)}["R-RESP-4"].state == "met"
    assert ("R-RESP-4", "L1", t0 + timedelta(minutes=185)) in _milestones(db, slow)
    assert not [m for m in _milestones(db, quick) if m[0] == "R-RESP-4"]
    reminder = [n for n in _notified(db) if n[1].startswith(f"sla:{slow}:R-RESP-4")]
    assert reminder == [("sla.breach", f"sla:{slow}:R-RESP-4#1:L1", ids["boss"])]


def complaint_clocks_of(s, cid):
    from app.complaints.service import complaint_clocks

    return complaint_clocks(s, SUP, cid)


def test_the_bench_builds_cases_whose_cache_is_the_engines_own(tmp_path):
    """`floorwalker bench complaints` shares computed clocks between cases opened at the same instant: each
    case's cache must be exactly what the engine computes for that case."""
    from app.bootstrap import open_database
    from app.complaints import bench
    from app.complaints.clocks import compute_clocks
    from app.complaints.engine import case_events, load_policies, snapshot

    path = tmp_path / "bench.db"
    clock.set_clock(lambda: bench.NOW)
    bench.build_open_cases(path, 300)
    db = open_database(str(path)).db
    try:
        with db.session() as s:
            policies = load_policies(s)
            for cid in (1, 150, 299):
                _, events = case_events(s, cid)
                cached = s.get(Complaint, cid).sla_clocks
                assert cached == snapshot(compute_clocks(events, policies, bench.NOW))
            assert sweep(s, bench.NOW).checked == 0  # nothing due the instant the cache was computed
            later = sweep(s, bench.NOW + timedelta(hours=6))
            assert later.checked > 0 and later.warnings + later.escalations > 0
    finally:
        db.dispose()


def test_a_calendar_broken_outside_admin_does_not_stop_the_sweep(sqlite_floor, frozen_clock):
    from db.models import BusinessCalendar, SlaPolicy

    db, ids = sqlite_floor
    with db.session() as s:
        cal = BusinessCalendar(center_id=1, name="Broken", timezone="Asia/Shanghai", opening_hours={})
        s.add(cal)
        s.flush()
        s.add(SlaPolicy(center_id=1, rule_id="R-SLA-1", name="Key points", target_minutes=5, calendar_id=cal.id,
                        escalation_ladder=[]))
    cid = _record(db, ids)
    frozen_clock.advance(minutes=6)
    result = _run(db)
    assert result.escalations == 1 and "'Broken' has no working hours" in result.as_dict()["problems"][0]
    assert [m[:2] for m in _milestones(db, cid)] == [("R-SLA-1", "warning"), ("R-SLA-1", "L1")]


def test_the_job_commits_a_backlog_slice_by_slice_and_misses_none(sqlite_floor, frozen_clock, monkeypatch):
    import app.complaints.sweep as sweep_module

    db, ids = sqlite_floor
    cases = [_record(db, ids) for _ in range(7)]
    frozen_clock.advance(minutes=6)
    monkeypatch.setattr(sweep_module, "SLICE", 3)
    out = run_sweep(db, clock.now(), Actor.system())
    assert (out["checked"], out["warnings"], out["escalations"], out["notified"]) == (7, 7, 7, 7)
    assert all([m[1] for m in _milestones(db, cid)] == ["warning", "L1"] for cid in cases)
    assert run_sweep(db, clock.now(), Actor.system())["checked"] == 0


@pytest.mark.postgres
def test_two_desks_sweeping_at_once_record_each_warning_once(pg_url, frozen_clock):
    import threading

    from app.bootstrap import open_database

    one, two = open_database(pg_url).db, open_database(pg_url).db
    try:
        db, ids = _build_floor(one)
        cases = [_record(one, ids) for _ in range(3)]
        frozen_clock.advance(minutes=6)
        other: dict[str, object] = {}

        def desk_two() -> None:
            with two.session() as s2:
                other["result"] = sweep(s2)

        with one.session() as s1:
            mine = sweep(s1)  # holds the due cases until it commits
            worker = threading.Thread(target=desk_two)
            worker.start()
            worker.join(20)
        assert not worker.is_alive()
        assert mine.checked == 3 and other["result"].checked == 0  # desk two skipped the locked cases
        assert all([m[1] for m in _milestones(one, cid)] == ["warning", "L1"] for cid in cases)
        assert len(_notified(one)) == 3
    finally:
        one.dispose()
        two.dispose()
