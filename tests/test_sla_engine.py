"""The SLA engine (pure): each R-SLA rule's clock, started and stopped by its events, on 24 x 7 or a business
calendar with holidays, pauses while waiting on the customer, warnings and the escalation ladder."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.complaints.calendar import Calendar, CalendarError
from app.complaints.clocks import (
    AT_RISK,
    BREACHED,
    CANCELLED,
    MET,
    ON_TRACK,
    PAUSED,
    Event,
    Level,
    TimelineError,
    compute_clocks,
    default_policies,
    most_urgent,
    parse_ladder,
)

SH = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 11, 18, 10, 0, tzinfo=SH)  # a Wednesday, 10:00 in Shanghai
P = default_policies()
OFFICE = {d: [["09:00", "12:00"], ["13:00", "18:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}


def ev(name: str, minutes: float = 0, **fields) -> Event:
    return Event(name, T0 + timedelta(minutes=minutes), fields)


def created(kind="complaint", category="logistics", minutes=0):
    return ev("created", minutes, kind=kind, category=category, priority="regular")


def clocks_at(events, minutes, policies=P):
    return {c.key: c for c in compute_clocks(events, policies, T0 + timedelta(minutes=minutes))}


def office(**kw) -> Calendar:
    return Calendar.build("Office", "Asia/Shanghai", OFFICE, holiday_country="CN", **kw)


# --- R-SLA-1: key points within 5 minutes of the first contact ----------------------------------------------------
def test_key_points_clock_runs_5_minutes_from_first_contact_R_SLA_1():
    events = [ev("contact", -2), created()]
    c = clocks_at(events, 2)["R-SLA-1#1"]
    assert c.started_at == T0 - timedelta(minutes=2) and c.due_at == T0 + timedelta(minutes=3)
    assert c.state == AT_RISK  # 4 of 5 minutes: past the 75 % warning
    assert clocks_at(events, 3.01)["R-SLA-1#1"].state == BREACHED
    done = clocks_at([*events, ev("key_points", 2.5)], 60)["R-SLA-1#1"]
    assert (done.state, done.stopped_by, done.elapsed_minutes) == (MET, "key_points", pytest.approx(4.5))


def test_moving_past_accept_counts_as_key_points_recorded_R_SLA_1():
    c = clocks_at([created(), ev("stage", 7, to="assess")], 30)["R-SLA-1#1"]
    assert c.state == BREACHED and c.stopped_at == T0 + timedelta(minutes=7)


# --- R-SLA-2: to the specialist team within 2 minutes of being judged complex -------------------------------------
def test_specialist_transfer_clock_starts_when_judged_complex_R_SLA_2():
    events = [created(), ev("judged_complex", 30)]
    assert "R-SLA-2#1" not in clocks_at(events[:1], 60)
    c = clocks_at(events, 31)["R-SLA-2#1"]
    assert c.due_at == T0 + timedelta(minutes=32) and c.state == ON_TRACK
    assert clocks_at([*events, ev("escalated", 33)], 40)["R-SLA-2#1"].state == BREACHED  # alias of transferred
    assert clocks_at([*events, ev("transferred", 31.5)], 40)["R-SLA-2#1"].state == MET


# --- R-SLA-3: a supervisor within 15 minutes of a customer conflict -----------------------------------------------
def test_conflict_gets_a_supervisor_within_15_minutes_R_SLA_3():
    events = [created(), ev("conflict", 5)]
    assert clocks_at(events, 20)["R-SLA-3#1"].state == AT_RISK
    assert clocks_at(events, 20.5)["R-SLA-3#1"].state == BREACHED
    assert clocks_at([*events, ev("supervisor_joined", 19)], 30)["R-SLA-3#1"].state == MET


# --- R-SLA-4: system fault reported in 10 min, diagnosed in 4 h ----------------------------------------------------
def test_system_fault_report_and_diagnosis_clocks_R_SLA_4():
    events = [created(category="system_fault"), ev("tech_reported", 8)]
    cs = clocks_at(events, 60)
    assert cs["R-SLA-4#1"].state == MET and cs["R-SLA-4#1"].elapsed_minutes == pytest.approx(8)
    diag = cs["R-SLA-4.diagnose#1"]
    assert diag.started_at == T0 + timedelta(minutes=8) and diag.due_at == T0 + timedelta(minutes=248)
    assert clocks_at(events, 249)["R-SLA-4.diagnose#1"].state == BREACHED
    assert clocks_at([*events, ev("tech_diagnosed", 200)], 300)["R-SLA-4.diagnose#1"].state == MET
    assert not any(k.startswith("R-SLA-4") for k in clocks_at([created()], 60))  # not a system fault


# --- R-SLA-5: progress feedback within 24 h, and again every 24 h while open --------------------------------------
def test_progress_feedback_is_a_recurring_24_hour_clock_R_SLA_5():
    events = [created(), ev("feedback", 20 * 60), ev("feedback", 50 * 60)]
    cs = clocks_at(events, 60 * 60)
    assert [cs[k].state for k in ("R-SLA-5#1", "R-SLA-5#2", "R-SLA-5#3")] == [MET, BREACHED, ON_TRACK]
    assert cs["R-SLA-5#2"].elapsed_minutes == pytest.approx(30 * 60)  # 20 h -> 50 h: six hours late
    assert cs["R-SLA-5#3"].due_at == T0 + timedelta(hours=74)
    resolved = clocks_at([*events, ev("stage", 55 * 60, to="feedback")], 200 * 60)
    assert resolved["R-SLA-5#3"].state == MET and resolved["R-SLA-5#3"].stopped_by == "stage"


# --- R-SLA-6: resolved within 24 h ---------------------------------------------------------------------------------
def test_complaint_resolved_within_24_hours_R_SLA_6():
    events = [ev("contact", -10), created()]
    c = clocks_at(events, 60)["R-SLA-6#1"]
    assert c.due_at == T0 + timedelta(hours=24, minutes=-10) and c.warn_at == T0 + timedelta(hours=18, minutes=-10)
    late = clocks_at([*events, ev("resolved", 24 * 60)], 30 * 60)["R-SLA-6#1"]
    assert late.state == BREACHED and late.stopped_at == T0 + timedelta(hours=24)


def test_waiting_on_the_customer_pauses_the_resolution_clock_R_SLA_6():
    events = [created(), ev("waiting_on_customer", 60), ev("customer_replied", 60 + 5 * 60)]
    paused = clocks_at(events[:2], 3 * 60)["R-SLA-6#1"]
    assert paused.state == PAUSED and paused.due_at is None and paused.elapsed_minutes == pytest.approx(60)
    assert paused.next_milestone() is None  # a paused clock neither warns nor escalates
    c = clocks_at(events, 7 * 60)["R-SLA-6#1"]
    assert c.due_at == T0 + timedelta(hours=29)  # 24 h + the 5 h paused
    assert [(p.start, p.end) for p in c.pauses] == [(T0 + timedelta(hours=1), T0 + timedelta(hours=6))]
    key_points = clocks_at(events, 7 * 60)["R-SLA-1#1"]
    assert key_points.state == BREACHED  # R-SLA-1 does not pause


def test_a_reopened_complaint_starts_a_new_resolution_cycle_R_SLA_6():
    events = [created(), ev("resolved", 10 * 60), ev("reopened", 30 * 60)]
    cs = clocks_at(events, 31 * 60)
    assert cs["R-SLA-6#1"].state == MET and cs["R-SLA-6#2"].due_at == T0 + timedelta(hours=54)
    assert cs["R-SLA-5#2"].started_by == "reopened"
    assert "R-SLA-1#2" not in cs  # key points are recorded once


def test_a_merged_duplicate_cancels_its_clocks():
    cs = clocks_at([created(), ev("merged", 30, into=7)], 60 * 30)
    assert {c.state for c in cs.values()} == {CANCELLED}
    assert all(not c.reached_milestones() for c in cs.values())


# --- R-SLA-7: service requests, response 24 h and processing 72 h on the business calendar ------------------------
def test_service_request_response_and_processing_clocks_R_SLA_7():
    policies = default_policies()
    events = [created(kind="service_request")]
    cs = clocks_at(events, 60, policies)
    assert set(cs) == {"R-SLA-7.response#1", "R-SLA-7.process#1"}  # no complaint clocks
    assert cs["R-SLA-7.process#1"].due_at == T0 + timedelta(hours=72)
    answered = clocks_at([*events, ev("stage", 30, to="assess")], 60, policies)
    assert answered["R-SLA-7.response#1"].state == MET


def test_service_request_on_office_hours_skips_nights_weekends_and_lunch_R_SLA_7():
    cal = office()
    policies = {k: (p if not k.startswith("R-SLA-7") else _with(p, calendar=cal)) for k, p in P.items()}
    start = datetime(2026, 11, 20, 17, 0, tzinfo=SH)  # Friday 17:00
    events = [Event("created", start, {"kind": "service_request"})]
    c = {x.rule_id: x for x in compute_clocks(events, policies, start + timedelta(hours=1))}["R-SLA-7.response"]
    # 24 working hours at 8 h a day: Fri 17-18 (1 h), Mon, Tue (16 h), Wed 09-12 + 13-17 (7 h) -> Wed 17:00
    assert c.due_at == datetime(2026, 11, 25, 17, 0, tzinfo=SH)
    assert c.calendar == "Office" and c.elapsed_minutes == pytest.approx(60)


def _with(policy, **changes):
    from dataclasses import replace

    return replace(policy, **changes)


# --- calendars -------------------------------------------------------------------------------------------------------
def test_chinese_statutory_holidays_and_make_up_days_move_the_deadline():
    cal = office()
    # National Day week 2026: Oct 1-7 off (holidays package), Sat Oct 10 a make-up working day (调休)
    assert cal.is_holiday(date(2026, 10, 1)) and cal.day_windows(date(2026, 10, 1)) == ()
    before = datetime(2026, 9, 30, 17, 0, tzinfo=SH)
    assert cal.add(before, 120) == datetime(2026, 10, 8, 10, 0, tzinfo=SH)
    assert cal.minutes_between(before, datetime(2026, 10, 8, 10, 0, tzinfo=SH)) == pytest.approx(120)
    assert cal.day_windows(date(2026, 10, 10)) == ((540, 720), (780, 1080))  # Saturday, worked


def test_extra_closures_and_make_up_days_from_calendar_days():
    cal = office(closed_days=[date(2026, 11, 18)], open_days=[date(2026, 11, 21)])
    assert cal.day_windows(date(2026, 11, 18)) == () and cal.day_windows(date(2026, 11, 21))
    assert cal.add(datetime(2026, 11, 17, 17, 30, tzinfo=SH), 60) == datetime(2026, 11, 19, 9, 30, tzinfo=SH)


def test_a_calendar_with_no_working_hours_is_refused_with_a_clear_message():
    with pytest.raises(CalendarError, match="'Night desk' has no working hours"):
        Calendar.build("Night desk", "Asia/Shanghai", {"mon": []})
    with pytest.raises(CalendarError, match="ends before it starts"):
        Calendar.build("Bad", "Asia/Shanghai", {"mon": ["18:00", "09:00"]})
    with pytest.raises(CalendarError, match="unknown time zone"):
        Calendar.build("Bad", "Mars/Olympus", OFFICE)
    # open only on a day that never comes again: a deadline search gives up with the calendar's name
    only_once = Calendar.build("Once", "UTC", {"mon": ["09:00", "10:00"]}, closed_days=[
        date(2026, 11, 23) + timedelta(days=7 * k) for k in range(200)])
    with pytest.raises(CalendarError, match="'Once' has no working hours in the"):
        only_once.add(datetime(2026, 11, 23, tzinfo=UTC), 120)


def test_dates_far_in_the_past_and_future_compute():
    cal = office()
    far = datetime(2099, 3, 2, 9, 0, tzinfo=SH)  # a Monday
    assert cal.add(far, 8 * 60) == datetime(2099, 3, 2, 18, 0, tzinfo=SH)
    old = [Event("created", datetime(1999, 1, 4, 9, 0, tzinfo=SH), {"kind": "complaint"})]
    c = {x.rule_id: x for x in compute_clocks(old, P, T0)}["R-SLA-6"]
    assert c.state == BREACHED and c.elapsed_minutes > 27 * 365 * 24 * 60


def test_events_without_a_zone_are_refused_naming_the_event():
    with pytest.raises(TimelineError, match="event 1 \\(created\\)"):
        compute_clocks([Event("created", datetime(2026, 11, 18, 10, 0))], P, T0)


def test_future_events_have_not_happened_yet():
    c = clocks_at([created(), ev("key_points", 10)], 2)["R-SLA-1#1"]
    assert c.stopped_at is None and c.state == ON_TRACK


# --- warnings and the escalation ladder ------------------------------------------------------------------------------
def test_warning_in_minutes_before_or_percent_whichever_comes_first():
    pol = {"R-SLA-6": _with(P["R-SLA-6"], warn_at_percent=90, warn_before_minutes=240)}
    c = clocks_at([created()], 60, pol)["R-SLA-6#1"]
    assert c.warn_at == T0 + timedelta(hours=20)  # 4 h before beats 90 % (21.6 h)
    pol = {"R-SLA-6": _with(P["R-SLA-6"], warn_at_percent=None, warn_before_minutes=None)}
    assert clocks_at([created()], 60, pol)["R-SLA-6#1"].warn_at is None


def test_escalation_ladder_levels_fall_due_after_the_breach_R_RESP_4():
    c = clocks_at([created()], 60)["R-SLA-1#1"]
    ms = {m.key: m for m in c.milestones}
    assert ms["warning"].at == T0 + timedelta(minutes=3.75)
    assert (ms["L1"].at, ms["L1"].notify, ms["L1"].breach) == (T0 + timedelta(minutes=5), "owner", True)
    assert (ms["L2"].at, ms["L2"].notify) == (T0 + timedelta(minutes=35), "supervisor")
    assert (ms["L3"].at, ms["L3"].notify) == (T0 + timedelta(minutes=65), "manager")
    assert [m.key for m in c.reached_milestones()] == ["warning", "L1", "L2"]
    assert c.next_milestone().key == "L3"


def test_a_clock_stopped_in_time_never_escalates():
    c = clocks_at([created(), ev("key_points", 4)], 600)["R-SLA-1#1"]
    assert [m.key for m in c.reached_milestones()] == ["warning"] and c.next_milestone() is None
    assert all(m.at is None for m in c.milestones if m.key != "warning")


def test_ladder_from_policy_json_and_bad_levels():
    ladder = parse_ladder([{"notify": "owner", "after_minutes": 0}, {"notify": "role:quality_analyst",
                                                                     "at_percent": 150}])
    assert ladder == (Level(1, "owner", 0.0), Level(2, "role:quality_analyst", None, 150.0))
    assert ladder[1].threshold(60) == 90
    with pytest.raises(ValueError, match="level 1: notify"):
        parse_ladder([{"notify": "the boss", "after_minutes": 0}])
    with pytest.raises(ValueError, match="after_minutes or at_percent"):
        parse_ladder([{"notify": "owner"}])


def test_most_urgent_running_clock_is_the_breached_one():
    cs = compute_clocks([created(), ev("key_points", 2), ev("conflict", 1)], P, T0 + timedelta(minutes=17))
    urgent = most_urgent(cs)
    assert (urgent.rule_id, urgent.state) == ("R-SLA-3", BREACHED)  # 16 of 15 min; R-SLA-6 is on track


# --- rows built in bulk or imported: the row's facts fill in missing events --------------------------------------
def _facts(**kw):
    from app.complaints.engine import CaseFacts

    base = dict(id=1, kind="complaint", category="logistics", priority="regular", is_vip=False, stage="accept",
                is_complex=False, is_conflict=False, first_contact_at=T0, opened_at=T0, resolved_at=None,
                closed_at=None, merged_into_id=None)
    base.update(kw)
    return CaseFacts(**base)


def test_a_complex_flag_starts_the_transfer_clock_when_the_case_was_assessed_R_SLA_2():
    from app.complaints.engine import events_from

    flagged = _facts(is_complex=True)
    assert "R-SLA-2#1" not in clocks_at(events_from(flagged, []), 60)  # not assessed yet: not judged
    rows = [(1, T0 + timedelta(minutes=20), "stage", "accept", "assess", None)]
    c = clocks_at(events_from(flagged, rows), 60)["R-SLA-2#1"]
    assert c.started_at == T0 + timedelta(minutes=20) and c.started_by == "judged_complex"


def test_a_closed_row_without_history_stops_every_clock_at_its_closing_time():
    from app.complaints.engine import events_from

    f = _facts(stage="closed", resolved_at=T0 + timedelta(hours=30), closed_at=T0 + timedelta(hours=40))
    cs = clocks_at(events_from(f, []), 100 * 60)
    assert cs["R-SLA-6#1"].state == BREACHED and cs["R-SLA-6#1"].stopped_at == T0 + timedelta(hours=30)
    assert cs["R-SLA-1#1"].state == MET  # past accept from the start
    assert all(c.stopped_at is not None for c in cs.values())


def test_a_calendar_across_a_daylight_saving_change_counts_real_minutes():
    berlin = Calendar.build("Berlin", "Europe/Berlin", {d: [["00:00", "24:00"]] for d in
                                                         ("mon", "tue", "wed", "thu", "fri", "sat", "sun")})
    be = ZoneInfo("Europe/Berlin")
    day = datetime(2026, 3, 29, 0, 0, tzinfo=be)  # clocks go forward at 02:00: a 23-hour day
    assert berlin.minutes_between(day, datetime(2026, 3, 30, 0, 0, tzinfo=be)) == pytest.approx(23 * 60)
    assert berlin.add(day, 23 * 60) == datetime(2026, 3, 30, 0, 0, tzinfo=be)
    office_be = Calendar.build("Office BE", "Europe/Berlin", {"mon": [["09:00", "17:00"]]})
    friday = datetime(2026, 3, 27, 12, 0, tzinfo=be)
    assert office_be.add(friday, 60).astimezone(UTC) == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)  # 10:00 CEST


def test_moving_back_from_feedback_restarts_the_resolution_clock_R_SLA_6():
    events = [created(), ev("stage", 60, to="feedback"), ev("stage", 120, to="process", **{"from": "feedback"})]
    cs = clocks_at(events, 180)
    assert cs["R-SLA-6#1"].state == MET and cs["R-SLA-6#2"].started_at == T0 + timedelta(minutes=120)
    assert cs["R-SLA-6#2"].started_by == "stage" and cs["R-SLA-6#2"].running


def test_an_urgent_complaint_can_have_a_shorter_target_R_FLOW_2():
    pol = {"R-SLA-6": _with(P["R-SLA-6"], priority_targets={"urgent": 240})}
    urgent = [Event("created", T0, {"kind": "complaint", "priority": "urgent"})]
    c = clocks_at(urgent, 60, pol)["R-SLA-6#1"]
    assert c.target_minutes == 240 and c.due_at == T0 + timedelta(hours=4) and c.warn_at == T0 + timedelta(hours=3)
    assert clocks_at([created()], 60, pol)["R-SLA-6#1"].due_at == T0 + timedelta(hours=24)  # regular
