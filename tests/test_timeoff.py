"""Time off (issue 4, item 6): requests, approval with the coverage impact shown before approving,
audited decisions with optimistic locking, permissions, and approved time off in the solver input."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.actor import Actor
from app.rota.model import (
    DAY_SLOTS,
    WEEK_SLOTS,
    Agent,
    Requirement,
    RotaProblem,
    Rules,
    Shift,
    ShiftTemplate,
)
from app.rota.service import load_week
from app.schedule import timeoff as to
from app.security.permissions import PermissionDenied
from db.errors import ConflictError
from db.models import AuditEntry, TimeOffRequest
from tests.test_rota_editor import SCHEDULER, TZ, WEEK, H, at, build, history

SUPERVISOR = Actor("min.deng", "supervisor")


@pytest.fixture
def data(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        ids = build(s)
    return sqlite_db, ids


def test_request_then_decide_is_audited_and_a_stale_version_conflicts(data):
    db, ids = data
    with db.session() as s:
        rid, changes = to.request_time_off(s, SCHEDULER, ids["cai"], at(2 * DAY_SLOTS).astimezone(TZ),
                                           at(3 * DAY_SLOTS).astimezone(TZ), "annual", "Family visit")
    assert "SCHEDULE" in changes.names()
    with db.session() as s:
        rows = to.list_time_off(s, WEEK, "requested")
        assert [(r.person, r.reason) for r in rows] == [("Cai", "Family visit")]
        version = rows[0].version
        to.decide_time_off(s, SCHEDULER, rid, version, approve=True)
    with db.session() as s, pytest.raises(ConflictError):
        to.decide_time_off(s, SCHEDULER, rid, version, approve=False)  # decided meanwhile
    with db.session() as s:
        r = s.get(TimeOffRequest, rid)
        assert (r.status, r.decided_by) == ("approved", "qiang.xu")
        actions = [a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.entity == "time_off")
                                               .order_by(AuditEntry.id))]
    assert actions == ["create", "approve"]


def test_bad_requests_name_the_person_and_save_nothing(data):
    db, ids = data
    with db.session() as s:
        with pytest.raises(ValueError, match="Cai's time off must end after it starts"):
            to.request_time_off(s, SCHEDULER, ids["cai"], at(DAY_SLOTS), at(0))
        with pytest.raises(ValueError, match="Dee already has time off"):  # Monday is approved already
            to.request_time_off(s, SCHEDULER, ids["dee"], at(4 * H), at(8 * H))
    with db.session() as s:
        assert len(s.scalars(select(TimeOffRequest)).all()) == 1


@pytest.mark.parametrize("role", ["supervisor", "agent", "manager"])
def test_only_schedulers_enter_or_decide_time_off(data, role):
    db, ids = data
    actor = Actor("x", role)
    with db.session() as s:
        rid = s.scalars(select(TimeOffRequest.id)).first()
        with pytest.raises(PermissionDenied):
            to.request_time_off(s, actor, ids["cai"], at(DAY_SLOTS), at(2 * DAY_SLOTS))
        with pytest.raises(PermissionDenied):
            to.decide_time_off(s, actor, rid, 1, approve=False)
    with db.session() as s:
        assert s.get(TimeOffRequest, rid).status == "approved"


def test_coverage_drops_are_the_intervals_that_fall_below_requirement():
    need = [0] * WEEK_SLOTS
    for i in range(9 * H, 17 * H):
        need[i] = 2
    p = RotaProblem(WEEK, (Agent(1, "Ann", frozenset({"phone"})), Agent(2, "Bob", frozenset({"phone"}))),
                    (ShiftTemplate("Day", 9 * 60),), (Requirement("phone", tuple(need)),),
                    Rules(phone_skill=None, standup=None))
    shifts = [Shift(1, "Day", 8 * H, 9 * H), Shift(2, "Day", 12 * H, 9 * H)]  # both on 12:00-17:00 only
    drops = to.coverage_drops(p, shifts, 2, (0, DAY_SLOTS))
    # 09:00-12:00 stays short at 1 (Bob is not there yet): not a drop; 12:00-17:00 falls from 2 to 1
    assert [(d.label, d.before, d.after, d.already_short) for d in drops] == [("Mon 12:00-17:00", 2.0, 1.0, False)]
    assert to.coverage_drops(p, shifts, 2, (DAY_SLOTS, 2 * DAY_SLOTS)) == []  # Bob is off on Tuesday


def test_approval_impact_before_approving_and_the_solver_honours_approved_time_off(data):
    db, ids = data
    with db.session() as s:
        history(s)
        rid, _c = to.request_time_off(s, SCHEDULER, ids["ann"], at(DAY_SLOTS), at(2 * DAY_SLOTS))  # Tuesday
        rid2, _c = to.request_time_off(s, SCHEDULER, ids["cai"], at(DAY_SLOTS), at(2 * DAY_SLOTS))
    with db.session() as s:
        impact = to.approval_impact(s, rid)
        idle = to.approval_impact(s, rid2)
        assert s.get(TimeOffRequest, rid).status == "requested"  # looking changes nothing
    (week,) = impact.weeks
    assert (week.week_start, week.rota_status, week.shifts_hit, week.hours_lost) == (WEEK, "draft", 1, 9.0)
    assert week.drops and impact.new_gaps > 0
    assert all(DAY_SLOTS <= d.first <= d.last < 2 * DAY_SLOTS for d in week.drops)  # Tuesday only
    assert all(d.after < d.before for d in week.drops)
    assert idle.weeks[0].shifts_hit == 0 and idle.weeks[0].drops == ()
    with db.session() as s:
        before = {a.id: a.time_off for a in load_week(s, WEEK).problem.agents}
        v = s.get(TimeOffRequest, rid).version
        to.decide_time_off(s, SCHEDULER, rid, v, approve=True)
    with db.session() as s:
        after = {a.id: a.time_off for a in load_week(s, WEEK).problem.agents}
    assert before[ids["ann"]] == () and after[ids["ann"]] == ((DAY_SLOTS, 2 * DAY_SLOTS),)
    assert after[ids["dee"]] == ((0, DAY_SLOTS),)
