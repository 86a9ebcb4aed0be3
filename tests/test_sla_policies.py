"""SLA policies and calendars in Admin: edits are versioned, audited, refused with clear messages when wrong,
and recompute the open cases' deadlines at once (R-SLA-6, R-SLA-7)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app import clock
from app.actor import Actor
from app.complaints.calendar import CalendarError
from app.complaints.policies import (
    ensure_policy_rows,
    list_calendars,
    list_policies,
    policy_history,
    save_calendar,
    set_calendar_day,
    update_policy,
)
from app.complaints.service import ComplaintDraft, complaint_clocks, record_complaint
from app.security.permissions import PermissionDenied
from db.errors import ConflictError
from db.models import AuditEntry, Complaint, SlaPolicy
from tests import factories as f

ADMIN = Actor("ada", "administrator")
MANAGER = Actor("m", "manager")
OFFICE = {d: [["09:00", "12:00"], ["13:00", "18:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}


@pytest.fixture
def floor(any_db, frozen_clock):
    with any_db.session() as s:
        c = f.center(s)
        f.person(s, c, f.team(s, c), name="Li Na")
    return any_db


def _record(db, kind="complaint"):
    with db.session() as s:
        return record_complaint(s, MANAGER, ComplaintDraft(kind, "phone", "logistics", "regular", "Late parcel"))


def _clock(db, cid, rule):
    with db.session() as s:
        return next(c for c in complaint_clocks(s, MANAGER, cid) if c.rule_id == rule)


def test_rules_without_rows_run_on_their_rule_values_then_rows_are_written(floor):
    with floor.session() as s:
        views = {v.rule_id: v for v in list_policies(s)}
        assert views["R-SLA-6"].id is None and views["R-SLA-6"].target_minutes == 24 * 60
        with pytest.raises(PermissionDenied):
            ensure_policy_rows(s, MANAGER)
        assert ensure_policy_rows(s, ADMIN) == 10 and ensure_policy_rows(s, ADMIN) == 0  # R-SLA-1..7, R-RESP-4
    with floor.session() as s:
        views = {v.rule_id: v for v in list_policies(s)}
        assert views["R-SLA-4.diagnose"].target_minutes == 240 and views["R-SLA-6"].pause_when_waiting
        assert views["R-RESP-4"].target_minutes == 120
        assert views["R-RESP-4"].escalation_ladder == ({"level": 1, "notify": "manager", "after_minutes": 0},)


def test_a_policy_change_recomputes_open_deadlines_and_is_versioned_R_SLA_6(floor):
    cid = _record(floor).complaint_id
    assert _clock(floor, cid, "R-SLA-6").due_at == clock.now() + timedelta(hours=24)
    with floor.session() as s:
        ensure_policy_rows(s, ADMIN)
    with floor.session() as s:
        v = next(p for p in list_policies(s) if p.rule_id == "R-SLA-6").version
        update_policy(s, ADMIN, "R-SLA-6", v, target_minutes=12 * 60, warn_before_minutes=60)
    with floor.session() as s:
        row = s.get(Complaint, cid)
        cached = next(c for c in row.sla_clocks if c["rule"] == "R-SLA-6")
        assert cached["due"] == (clock.now() + timedelta(hours=12)).isoformat()  # the board's cache follows
        p = next(p for p in list_policies(s) if p.rule_id == "R-SLA-6")
        assert p.version == v + 1 and p.updated_by == "ada" and p.warn_before_minutes == 60
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity == "SLA policy")).all()
        assert audit[-1].before["target_minutes"] == 1440 and audit[-1].after["target_minutes"] == 720
    assert _clock(floor, cid, "R-SLA-6").policy_version == v + 1
    with floor.session() as s, pytest.raises(ConflictError):
        update_policy(s, ADMIN, "R-SLA-6", v, target_minutes=60)
    with floor.session() as s:
        update_policy(s, ADMIN, "R-SLA-6", v + 1, pause_when_waiting=False)
    with floor.session() as s:
        history = policy_history(s, MANAGER, "R-SLA-6")
        assert [(h.version, dict(h.changed)) for h in history] == [
            (v + 2, {"pause_when_waiting": (True, False)}),
            (v + 1, {"target_minutes": (1440, 720), "warn_before_minutes": (None, 60)})]
        with pytest.raises(PermissionDenied):
            policy_history(s, Actor("q", "agent"), "R-SLA-6")


@pytest.mark.parametrize(("changes", "message"), [
    ({"target_minutes": 0}, "R-SLA-6: the target"),
    ({"warn_at_percent": 120}, "warning"),
    ({"escalation_ladder": [{"notify": "nobody", "after_minutes": 5}]}, "level 1: notify"),
    ({"calendar_id": 99}, "calendar 99 does not exist"),
])
def test_bad_policy_values_are_refused_naming_the_rule(sqlite_db, frozen_clock, changes, message):
    with sqlite_db.session() as s:
        f.center(s)
        ensure_policy_rows(s, ADMIN)
        v = next(p for p in list_policies(s) if p.rule_id == "R-SLA-6").version
        with pytest.raises(ValueError, match=message):
            update_policy(s, ADMIN, "R-SLA-6", v, **changes)


def test_service_requests_on_a_calendar_with_a_closure_R_SLA_7(floor, frozen_clock):
    cid = _record(floor, "service_request").complaint_id  # Wed 10:00 in Shanghai
    with floor.session() as s:
        cal_id, _ = save_calendar(s, ADMIN, None, 0, name="Office", timezone="Asia/Shanghai",
                                  opening_hours=OFFICE, holiday_country="CN")
        ensure_policy_rows(s, ADMIN)
        v = next(p for p in list_policies(s) if p.rule_id == "R-SLA-7.response").version
        update_policy(s, ADMIN, "R-SLA-7.response", v, calendar_id=cal_id)
    due = _clock(floor, cid, "R-SLA-7.response").due_at
    assert due.isoformat() == "2026-11-23T02:00:00+00:00"  # 24 working hours: Mon 10:00 in Shanghai
    with floor.session() as s:
        set_calendar_day(s, ADMIN, cal_id, date(2026, 11, 20), False, "Office move")  # Friday closed
        assert list_calendars(s)[0].days == ((date(2026, 11, 20), False, "Office move"),)
    assert _clock(floor, cid, "R-SLA-7.response").due_at.isoformat() == "2026-11-24T02:00:00+00:00"


def test_a_calendar_with_no_working_hours_cannot_be_saved(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        f.center(s)
        with pytest.raises(CalendarError, match="'Nights' has no working hours"):
            save_calendar(s, ADMIN, None, 0, name="Nights", timezone="Asia/Shanghai", opening_hours={},
                          holiday_country="CN")
        with pytest.raises(CalendarError, match="unknown time zone"):
            save_calendar(s, ADMIN, None, 0, name="X", timezone="Asia/Nowhere", opening_hours=OFFICE,
                          holiday_country=None)
        with pytest.raises(PermissionDenied):
            save_calendar(s, MANAGER, None, 0, name="X", timezone="UTC", opening_hours=OFFICE, holiday_country=None)


def test_on_a_very_large_center_the_next_sweep_recomputes_after_a_policy_change(sqlite_db, frozen_clock,
                                                                                 monkeypatch):
    import app.complaints.policies as policies
    from app.complaints.sweep import sweep

    with sqlite_db.session() as s:
        c = f.center(s)
        f.person(s, c, f.team(s, c), name="Li Na")
    cid = _record(sqlite_db).complaint_id
    monkeypatch.setattr(policies, "RECOMPUTE_AT_ONCE", 0)
    with sqlite_db.session() as s:
        ensure_policy_rows(s, ADMIN)
        v = next(p for p in list_policies(s) if p.rule_id == "R-SLA-6").version
        update_policy(s, ADMIN, "R-SLA-6", v, target_minutes=60)
    with sqlite_db.session() as s:
        row = s.get(Complaint, cid)
        assert row.sla_next_at <= clock.now()  # marked: the sweep takes it within 30 s
        assert next(c for c in row.sla_clocks if c["rule"] == "R-SLA-6")["target"] == 1440
        assert sweep(s).checked == 1
    with sqlite_db.session() as s:
        cached = next(c for c in s.get(Complaint, cid).sla_clocks if c["rule"] == "R-SLA-6")
        assert cached["target"] == 60 and cached["due"] == (clock.now() + timedelta(hours=1)).isoformat()


def test_per_priority_targets_are_saved_and_applied_R_FLOW_2(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        c = f.center(s)
        f.person(s, c, f.team(s, c), name="Li Na")
    with sqlite_db.session() as s:
        cid = record_complaint(s, MANAGER, ComplaintDraft("complaint", "phone", "logistics", "urgent",
                                                          "Fridge broken")).complaint_id
        ensure_policy_rows(s, ADMIN)
    with sqlite_db.session() as s:
        v = next(p for p in list_policies(s) if p.rule_id == "R-SLA-6").version
        with pytest.raises(ValueError, match="'vip' is not a priority class"):
            update_policy(s, ADMIN, "R-SLA-6", v, targets_by_priority={"vip": 60})
        update_policy(s, ADMIN, "R-SLA-6", v, targets_by_priority={"urgent": 240})
    with sqlite_db.session() as s:
        view = next(p for p in list_policies(s) if p.rule_id == "R-SLA-6")
        assert view.priority_targets == {"urgent": 240} and view.version == v + 1
        row_applies = s.scalars(select(SlaPolicy.applies_to).where(SlaPolicy.rule_id == "R-SLA-6")).one()
        assert row_applies["kind"] == ["complaint"]  # the filter kept
    assert _clock(sqlite_db, cid, "R-SLA-6").due_at == clock.now() + timedelta(hours=4)
