"""`floorwalker sla explain`: a timeline of JSON lines in, every clock explained out (text and JSON), bad input
refused with the line named; the detail panel's explanation of a stored case."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from app import clock
from app.actor import Actor
from app.cli import main
from app.complaints.explain import explain_complaint, read_timeline
from app.complaints.service import ComplaintDraft, log_action, record_complaint
from tests import factories as f

TIMELINE = """\
# recorded at 10:00, waiting on the customer 11:00-16:00, resolved the next afternoon
{"event": "contact", "at": "2026-11-18T09:58:00+08:00"}
{"event": "created", "at": "2026-11-18T10:00:00+08:00", "kind": "complaint", "category": "logistics"}
{"event": "key_points", "at": "2026-11-18T10:02:00+08:00"}
{"event": "waiting_on_customer", "at": "2026-11-18T11:00:00+08:00"}
{"event": "customer_replied", "at": "2026-11-18T16:00:00+08:00"}
{"event": "note", "at": "2026-11-18T16:10:00+08:00", "text": "called back"}
{"event": "stage", "at": "2026-11-19T15:30:00+08:00", "to": "feedback"}
"""


def _run(tmp_path, capsys, *args, text=TIMELINE):
    path = tmp_path / "timeline.jsonl"
    path.write_text(text, encoding="utf-8")
    code = main(["sla", "explain", "--timeline", str(path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_explain_json_shows_start_pauses_deadline_state_and_escalations_R_SLA_6(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, "--now", "2026-11-19T18:00:00+08:00", "--json")
    assert code == 0
    data = json.loads(out)
    clocks = {c["key"]: c for c in data["clocks"]}
    assert set(clocks) == {"R-SLA-1#1", "R-SLA-5#1", "R-SLA-6#1"} and data["ignored_events"] == ["note"]
    r6 = clocks["R-SLA-6#1"]
    assert r6["started_by"] == "contact" and r6["started_at"] == "2026-11-18T09:58:00+08:00"
    assert r6["pauses"] == [{"start": "2026-11-18T11:00:00+08:00", "end": "2026-11-18T16:00:00+08:00",
                             "by": "waiting_on_customer"}]
    assert r6["due_at"] == "2026-11-19T14:58:00+08:00"  # 24 h + 5 h paused after 09:58
    assert r6["state"] == "breached" and r6["elapsed_minutes"] == pytest.approx(24 * 60 + 32)
    reached = [(m["kind"], m["level"]) for m in r6["milestones"] if m["reached"]]
    assert reached == [("warning", 0), ("escalation", 1), ("escalation", 2)]  # L3 would fall after the stop
    assert any("late by 32 min" in line for line in r6["explanation"])
    assert clocks["R-SLA-1#1"]["state"] == "met"


def test_explain_text_names_each_clock_and_why_it_escalated(tmp_path, capsys):
    code, out, _ = _run(tmp_path, capsys, "--now", "2026-11-19T18:00:00+08:00")
    assert code == 0
    assert "R-SLA-6 #1  Complaint resolved: BREACHED" in out
    assert "paused 2026-11-18 11:00 +0800 -> 2026-11-18 16:00 +0800 (waiting on customer)" in out
    assert "breached 2026-11-19 14:58 +0800: escalated to level 1 -> owner" in out


def test_office_policy_puts_service_requests_on_the_business_calendar_R_SLA_7(tmp_path, capsys):
    text = ('{"event": "created", "at": "2026-09-30T17:00:00+08:00", "kind": "service_request"}\n')
    code, out, _ = _run(tmp_path, capsys, "--policy", "office", "--now", "2026-10-01T12:00:00+08:00", "--json",
                        text=text)
    assert code == 0
    resp = next(c for c in json.loads(out)["clocks"] if c["rule"] == "R-SLA-7.response")
    # 24 working hours: Sep 30 17-18 (1 h), National Day Oct 1-7 off, Oct 8 and 9 (16 h), Sat Oct 10 is a
    # make-up working day (调休): 09-12 and 13-17 (7 h)
    assert resp["calendar"] == "Office hours (CN)" and resp["elapsed_minutes"] == pytest.approx(60)
    assert resp["due_at"] == "2026-10-10T17:00:00+08:00"


def test_a_policy_file_changes_targets_calendars_and_ladders(tmp_path, capsys):
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({
        "calendars": {"day": {"timezone": "Asia/Shanghai", "opening_hours": {"wed": [["09:00", "12:00"]]}}},
        "policies": {"R-SLA-6": {"target_minutes": 60, "calendar": "day", "warn_before_minutes": 10, "warn_at_percent": None,
                                 "escalation_ladder": [{"notify": "role:quality_analyst", "after_minutes": 0}]}}}))
    code, out, _ = _run(tmp_path, capsys, "--policy", str(policy), "--now", "2026-11-18T10:30:00+08:00", "--json")
    assert code == 0
    r6 = next(c for c in json.loads(out)["clocks"] if c["rule"] == "R-SLA-6")
    assert r6["calendar"] == "day" and r6["due_at"] == "2026-11-18T10:58:00+08:00"  # 09:58 + 60 working min
    assert r6["warn_at"] == "2026-11-18T10:48:00+08:00"
    assert [m["notify"] for m in r6["milestones"] if m["kind"] == "escalation"] == ["role:quality_analyst"]
    policy.write_text(json.dumps({"calendars": {"none": {"timezone": "UTC", "opening_hours": {}}}}))
    code, _, err = _run(tmp_path, capsys, "--policy", str(policy))
    assert code == 2 and "'none' has no working hours" in err


@pytest.mark.parametrize(("line", "message"), [
    ('{"event": "created", "at": "2026-11-18 10:00"}', "line 1: '2026-11-18 10:00' has no zone"),
    ('{"at": "2026-11-18T10:00:00Z"}', "line 1: the event has no name"),
    ('{"event": "created", "at": "yesterday"}', "line 1: 'yesterday' is not an ISO 8601 time"),
    ('{"event": "created", "at": "2400-01-01T00:00:00Z"}', "outside the years"),
    ('not json', "line 1: not JSON"),
    ('# only a comment', "the timeline has no events"),
])
def test_bad_timelines_are_refused_naming_the_line(tmp_path, capsys, line, message):
    code, _, err = _run(tmp_path, capsys, text=line + "\n")
    assert code == 2 and message in err


def test_read_timeline_keeps_fields_and_accepts_z():
    events = read_timeline(['{"event": "stage", "at": "2026-11-18T02:00:00Z", "to": "assess"}'])
    assert events[0].fields == {"to": "assess"} and events[0].at.utcoffset() == timedelta(0)


def test_the_panel_explains_a_stored_case_like_the_command(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        c = f.center(s)
        li = f.person(s, c, f.team(s, c), name="Li Na")
        cid = record_complaint(s, Actor("m", "manager"), ComplaintDraft(
            "complaint", "phone", "system_fault", "urgent", "App crashes", owner_id=li.id)).complaint_id
    frozen_clock.advance(minutes=12)
    with sqlite_db.session() as s:
        log_action(s, Actor("m", "manager"), cid, "tech_reported")
        case = explain_complaint(s, Actor("m", "manager"), cid)
    by_rule = {c.rule_id: (c, lines) for c, lines in zip(case.clocks, case.lines, strict=True)}
    report, lines = by_rule["R-SLA-4"]
    assert report.state == "breached" and report.stopped_at == clock.now()
    assert any(line.startswith("stopped") and "late by 2 min" in line for line in lines)
    diag = by_rule["R-SLA-4.diagnose"][0]
    assert diag.due_at == clock.now() + timedelta(hours=4) and case.reference.startswith("C-")
    with sqlite_db.session() as s, pytest.raises(ValueError, match="not one you may see"):
        explain_complaint(s, Actor("a", "agent", person_id=999), cid)


def test_sla_sweep_and_policies_commands(tmp_path, capsys, frozen_clock):
    from app.bootstrap import open_database

    path = tmp_path / "center.db"
    db = open_database(str(path)).db
    try:
        with db.session() as s:
            c = f.center(s)
            li = f.person(s, c, f.team(s, c), name="Li Na")
            record_complaint(s, Actor("m", "manager"), ComplaintDraft(
                "complaint", "phone", "logistics", "regular", "Late parcel", owner_id=li.id))
    finally:
        db.dispose()
    frozen_clock.advance(minutes=6)
    assert main(["sla", "sweep", "--db", str(path), "--json"]) == 0
    swept = json.loads(capsys.readouterr().out)
    assert (swept["checked"], swept["warnings"], swept["escalations"], swept["notified"]) == (1, 1, 1, 1)
    assert main(["sla", "sweep", "--db", str(path)]) == 0
    assert capsys.readouterr().out.startswith("0 cases due")
    assert main(["sla", "policies", "--db", str(path), "--json"]) == 0
    rows = {r["rule"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["R-SLA-6"]["target_minutes"] == 1440 and rows["R-RESP-4"]["ladder"][0]["notify"] == "manager"
