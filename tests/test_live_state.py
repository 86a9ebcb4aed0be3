"""The live floor: state from a simulated feed, rolling service level, feed health, alert episodes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import func, select

from app import clock
from app.actor import Actor
from app.feed.follow import LiveFeed, close_simulator_leftovers
from app.feed.simulator import SimConfig, simulate
from app.live import settings as live_settings
from app.live.alerts import evaluate, recent_alerts
from app.live.state import floor_now, shift_series
from app.security.permissions import PermissionDenied
from db.errors import ConflictError
from db.models import (
    AgentStateInterval,
    FeedStatus,
    Interaction,
    LiveAlert,
    Notification,
    Rota,
    ShiftAssignment,
)
from tests import factories as f

NOW = datetime(2026, 11, 18, 2, 0, tzinfo=UTC)  # the frozen clock: Wed 10:00 in Shanghai


def _open_call(s, c, q, offered: datetime, *, agent=None, answered: datetime | None = None,
               source: str = "test") -> Interaction:
    i = Interaction(center_id=c.id, queue_id=q.id, agent_id=agent.id if agent else None, channel=q.channel,
                    offered_at=offered, answered_at=answered, ended_at=None,
                    wait_sec=(answered - offered).total_seconds() if answered else 0.0, outcome="other",
                    source=source, external_id=f"x{offered.timestamp()}-{q.id}-{id(offered)}")
    s.add(i)
    s.flush()
    return i


# --- the floor from a simulated feed -------------------------------------------------------------
def _expected_from_lines(lines: list[str], at: float) -> tuple[int, int, dict[str, int]]:
    """Read the simulator's own lines (not through the parser): callers waiting and agents on a
    call at ``at``, and calls offered per queue."""
    enter: dict[str, float] = {}
    connect: dict[str, tuple[float, str]] = {}
    end: dict[str, float] = {}
    offered: dict[str, int] = {}
    for line in lines:
        t, callid, queue, agent, event, *_ = line.split("|")
        t = float(t)
        if t > at:
            continue
        if event == "ENTERQUEUE":
            enter[callid] = t
            offered[queue] = offered.get(queue, 0) + 1
        elif event == "CONNECT":
            connect[callid] = (t, agent)
        elif event in ("COMPLETEAGENT", "COMPLETECALLER", "BLINDTRANSFER", "ABANDON", "EXITWITHTIMEOUT"):
            end[callid] = t
    waiting = sum(1 for c in enter if c not in connect and c not in end)
    on_call = len({agent for c, (_t, agent) in connect.items() if c not in end})
    return waiting, on_call, offered


def test_live_state_from_a_simulated_feed_matches_the_simulator_R_RESP_3(any_db, frozen_clock):
    with any_db.session() as s:
        f.center(s)
    start = int(NOW.timestamp()) - 1800
    config = SimConfig(rate=600.0, agents=8, duration=None, start=start, seed=11)
    lines: list[str] = []
    for when, text in simulate(config):
        if when > NOW.timestamp():
            break
        lines.append(text)
    feed = LiveFeed(any_db, source="simulator", name="simulator")
    feed.feed([line.encode() for line in lines])
    feed.commit()

    waiting, on_call, offered = _expected_from_lines(lines, NOW.timestamp())
    assert waiting + on_call > 0, "the sample should catch the floor busy"
    with any_db.session() as s:
        floor = floor_now(s)
    assert floor.simulated and floor.feed.status == "live" and floor.feed.simulated
    assert floor.waiting == waiting
    assert floor.state_counts()["on_call"] == on_call
    assert {q.name: q.offered_today for q in floor.queues} == offered
    assert floor.staffing.logged_in == 8 and floor.staffing.planned is None
    longest = max(((NOW.timestamp() - float(line.split("|")[0])) for line in lines
                   if "|ENTERQUEUE|" in line and not any(
                       other.split("|")[1] == line.split("|")[1] and other.split("|")[4] in
                       ("CONNECT", "ABANDON", "EXITWITHTIMEOUT") for other in lines)), default=None)
    assert floor.longest_waiting_sec == longest
    # the shift so far: the last sample is now and agrees with the snapshot
    with any_db.session() as s:
        series = shift_series(s, NOW, step_sec=60)
    assert series.t[-1] == NOW.timestamp()
    assert series.waiting[-1] == waiting


def test_rolling_service_level_counts_only_decided_contacts_R_RESP_3(any_db, frozen_clock):
    with any_db.session() as s:
        c = f.center(s)
        q = f.queue(s, c, "Phone")  # target 30 s, 80 %
        a = f.person(s, c)
        f.interaction(s, c, q, a, NOW - timedelta(minutes=10), wait=12)  # in target
        f.interaction(s, c, q, a, NOW - timedelta(minutes=8), wait=45)  # late
        f.interaction(s, c, q, None, NOW - timedelta(minutes=40), wait=20, outcome="abandoned")  # 30/60 only
        _open_call(s, c, q, NOW - timedelta(seconds=5))  # waiting 5 s of 30: not decided yet
        _open_call(s, c, q, NOW - timedelta(seconds=50))  # waiting past the target: a miss already
    with any_db.session() as s:
        floor = floor_now(s)
    phone = next(q for q in floor.queues if q.name == "Phone")
    assert phone.waiting == 2 and phone.longest_waiting_sec == 50
    assert phone.service_level["15"] == pytest.approx(1 / 3)
    assert phone.service_level["60"] == pytest.approx(1 / 4)
    assert phone.service_level["today"] == pytest.approx(1 / 4)
    assert phone.offered_today == 5 and phone.answered_today == 2 and phone.abandoned_today == 1


def test_agent_states_on_call_wrap_up_paused_and_logged_out(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        c = f.center(s)
        q = f.queue(s, c, "Phone")
        talking, wrapping, pausing, idle, gone = (f.person(s, c, name=n) for n in ("A", "B", "C", "D", "E"))
        for p in (talking, wrapping, pausing, idle):
            s.add(AgentStateInterval(agent_id=p.id, state="logged_in", started_at=NOW - timedelta(hours=2)))
        s.add(AgentStateInterval(agent_id=pausing.id, state="paused", reason="Lunch",
                                 started_at=NOW - timedelta(minutes=45)))
        s.add(AgentStateInterval(agent_id=gone.id, state="logged_in", started_at=NOW - timedelta(hours=3),
                                 ended_at=NOW - timedelta(hours=1)))
        _open_call(s, c, q, NOW - timedelta(seconds=100), agent=talking, answered=NOW - timedelta(seconds=90))
        # B's call ended 6 s ago: within the 15-s wrap-up
        f.interaction(s, c, q, wrapping, NOW - timedelta(seconds=200), wait=10, talk=184)
        # D's call ended 5 min ago: available since its wrap-up ended
        f.interaction(s, c, q, idle, NOW - timedelta(seconds=600), wait=10, talk=290)
    with sqlite_db.session() as s:
        floor = floor_now(s)
    by_name = {a.name: a for a in floor.agents}
    assert by_name["A"].state == "on_call" and by_name["A"].time_in_state_sec == 90
    assert by_name["B"].state == "wrap_up" and by_name["B"].time_in_state_sec == 6
    assert by_name["C"].state == "paused" and by_name["C"].reason == "Lunch"
    assert by_name["D"].state == "available" and by_name["D"].time_in_state_sec == 300 - 15
    assert by_name["E"].state == "logged_out" and by_name["E"].time_in_state_sec == 3600
    assert floor.state_counts() == {"available": 1, "ringing": 0, "on_call": 1, "wrap_up": 1, "paused": 1,
                                    "logged_out": 1}


# --- feed health ---------------------------------------------------------------------------------
def test_feed_health_counts_bad_lines_and_says_when_the_feed_stopped(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        f.center(s)
    t = int(NOW.timestamp()) - 60
    feed = LiveFeed(sqlite_db, name="/var/log/asterisk/queue_log")
    feed.feed([f"{t}|c1|sales|NONE|ENTERQUEUE||13800000001|1".encode(), b"garbage without pipes",
               f"{t + 1}|c1|sales|NONE|WHATISTHIS|x".encode(), f"{t + 2}|c1|sales|SIP/1|CONNECT|2|c1.1|1".encode()])
    feed.commit()
    with sqlite_db.session() as s:
        health = floor_now(s).feed
    assert health.status == "live" and not health.simulated
    info = health.feeds[0]
    assert (info.malformed, info.unknown, info.events) == (1, 1, 3)
    assert info.last_event_at == datetime.fromtimestamp(t + 2, UTC)
    assert any("garbage" in p for p in info.problems)

    frozen_clock.advance(seconds=100)  # within the 120-s threshold: quiet, not stopped
    feed.heartbeat()
    with sqlite_db.session() as s:
        assert floor_now(s).feed.status == "live"
    frozen_clock.advance(seconds=121)  # heartbeats but no events for longer than the threshold
    feed.heartbeat()
    with sqlite_db.session() as s:
        floor = floor_now(s)
    assert floor.stale and floor.feed.stopped_since == NOW
    frozen_clock.advance(seconds=30)
    feed.feed([f"{t + 300}|c2|sales|NONE|ENTERQUEUE||13800000002|1".encode()])
    feed.commit()
    with sqlite_db.session() as s:
        assert floor_now(s).feed.status == "live"
    frozen_clock.advance(seconds=200)  # the process died: no heartbeat
    with sqlite_db.session() as s:
        floor = floor_now(s)
    assert floor.feed.status == "stopped" and floor.feed.stopped_since == NOW + timedelta(seconds=251)
    feed.heartbeat(stopped=True)
    with sqlite_db.session() as s:
        row = s.scalars(select(FeedStatus)).one()
        assert row.stopped_at == clock.now()


def test_no_feed_at_all_is_not_a_stopped_feed(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        f.center(s)
    with sqlite_db.session() as s:
        floor = floor_now(s)
    assert floor.feed.status == "none" and not floor.stale and not floor.simulated


def test_a_new_simulator_run_closes_what_an_earlier_run_left_open(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        f.center(s)
    lines = [text for when, text in simulate(SimConfig(rate=900.0, agents=4, duration=600,
                                                       start=int(NOW.timestamp()) - 900, seed=3))
             if when <= NOW.timestamp() - 250]
    feed = LiveFeed(sqlite_db, source="simulator", name="simulator")
    feed.feed([line.encode() for line in lines])
    feed.commit()
    with sqlite_db.session() as s:
        open_calls = s.scalar(select(func.count()).select_from(Interaction).where(Interaction.ended_at.is_(None)))
    assert open_calls > 0
    calls, intervals = close_simulator_leftovers(sqlite_db, NOW)
    assert calls == open_calls and intervals >= 4
    with sqlite_db.session() as s:
        floor = floor_now(s)
    assert floor.waiting == 0 and floor.state_counts()["on_call"] == 0 and floor.staffing.logged_in == 0


# --- alerts --------------------------------------------------------------------------------------
def _notifications(db, rule: str = "") -> list[str]:
    with db.session() as s:
        return [k for k in s.scalars(select(Notification.dedupe_key).order_by(Notification.id))
                if k.startswith(f"live:{rule}")]


def test_longest_wait_alert_fires_once_per_episode(any_db, frozen_clock):
    with any_db.session() as s:
        c = f.center(s)
        q = f.queue(s, c, "Phone")
        f.person(s, c, name="Supervisor", title="supervisor")
        call = _open_call(s, c, q, NOW - timedelta(seconds=100))
        call_id = call.id
    with any_db.session() as s:
        first = evaluate(s)
    assert [a.rule for a in first.raised] == ["longest_wait"]  # one decided call: too few for an SL alert
    keys = _notifications(any_db)
    assert len(keys) == 1 and keys[0].startswith("live:longest_wait:queue:")
    frozen_clock.advance(seconds=30)
    with any_db.session() as s:
        again = evaluate(s)
    assert again.raised == () and again.open == 1 and len(_notifications(any_db)) == 1
    with any_db.session() as s:  # answered: the episode ends
        row = s.get(Interaction, call_id)
        row.answered_at = clock.now()
        row.ended_at = clock.now() + timedelta(minutes=3)
    with any_db.session() as s:
        cleared = evaluate(s)
    assert cleared.cleared == 1 and cleared.raised == ()
    frozen_clock.advance(seconds=200)  # a new long wait: a new episode, a second notification
    with any_db.session() as s:
        _open_call(s, s.get(type(c), c.id), s.get(type(q), q.id), clock.now() - timedelta(seconds=120))
    with any_db.session() as s:
        relapse = evaluate(s)
    assert [a.rule for a in relapse.raised] == ["longest_wait"]
    assert len(_notifications(any_db)) == 2
    with any_db.session() as s:
        alerts = recent_alerts(s)
    assert [a.cleared_at is None for a in alerts] == [True, False]


def test_online_customers_at_the_threshold_call_in_the_backup_team_R_SCH_4(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        c = f.center(s)
        chat = f.queue(s, c, "Chat", "chat")
        backup = f.person(s, c, name="Backup Bao")
        rota = Rota(center_id=c.id, week_start=(NOW.date() - timedelta(days=NOW.weekday())), status="published",
                    created_at=NOW)
        s.add(rota)
        s.flush()
        s.add(ShiftAssignment(rota_id=rota.id, person_id=backup.id, starts_at=NOW - timedelta(hours=1),
                              ends_at=NOW + timedelta(hours=7), is_backup=True))
        for i in range(49):
            _open_call(s, c, chat, NOW - timedelta(seconds=5 + i), answered=NOW - timedelta(seconds=2))
    with sqlite_db.session() as s:
        assert floor_now(s).online_customers == 49
        assert [a.rule for a in evaluate(s).raised if a.rule == "online_backup"] == []
        _open_call(s, s.get(type(c), c.id), s.get(type(chat), chat.id), NOW - timedelta(seconds=1))
    with sqlite_db.session() as s:
        raised = [a for a in evaluate(s).raised if a.rule == "online_backup"]
    assert len(raised) == 1 and raised[0].params["online"] == 50
    assert "Backup Bao" in raised[0].params["agents"]
    with sqlite_db.session() as s:
        n = s.scalars(select(Notification).where(Notification.kind == "live.backup")).one()
        assert n.severity == "critical" and "Backup Bao" in n.params["agents"]


def test_vip_caller_waiting_alert_R_SCH_10(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        c = f.center(s)
        vip = f.queue(s, c, "VIP", vip=True)
        _open_call(s, c, vip, NOW - timedelta(seconds=8))
    with sqlite_db.session() as s:
        assert "vip_waiting" not in [a.rule for a in evaluate(s).raised]  # 8 s: under the 10-s default
    frozen_clock.advance(seconds=5)
    with sqlite_db.session() as s:
        assert [a.rule for a in evaluate(s).raised] == ["vip_waiting"]


def test_paused_too_long_and_staffing_below_the_rota(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        c = f.center(s)
        f.queue(s, c, "Phone")
        people = [f.person(s, c) for _ in range(4)]
        s.add(AgentStateInterval(agent_id=people[0].id, state="logged_in", started_at=NOW - timedelta(hours=1)))
        s.add(AgentStateInterval(agent_id=people[0].id, state="paused", reason="Break",
                                 started_at=NOW - timedelta(minutes=31)))
        rota = Rota(center_id=c.id, week_start=NOW.date(), status="published", created_at=NOW)
        s.add(rota)
        s.flush()
        for p in people:
            s.add(ShiftAssignment(rota_id=rota.id, person_id=p.id, starts_at=NOW - timedelta(hours=1),
                                  ends_at=NOW + timedelta(hours=7)))
    with sqlite_db.session() as s:
        rules = sorted(a.rule for a in evaluate(s).raised)
    assert rules == ["agent_paused_long", "staffing_below_rota"]
    with sqlite_db.session() as s:
        floor = floor_now(s)
    assert (floor.staffing.planned, floor.staffing.logged_in) == (4, 1)


def test_a_stopped_feed_raises_only_its_own_alert_and_keeps_the_others_open(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        c = f.center(s)
        q = f.queue(s, c, "Phone")
        _open_call(s, c, q, NOW - timedelta(seconds=100))
    feed = LiveFeed(sqlite_db, name="queue_log")
    feed.heartbeat()
    with sqlite_db.session() as s:
        assert [a.rule for a in evaluate(s).raised] == ["longest_wait"]
    frozen_clock.advance(seconds=600)
    with sqlite_db.session() as s:
        result = evaluate(s)
    assert [a.rule for a in result.raised] == ["feed_stopped"] and result.cleared == 0
    with sqlite_db.session() as s:
        assert s.scalar(select(func.count()).select_from(LiveAlert).where(LiveAlert.cleared_at.is_(None))) == 2


def test_alert_rules_are_configurable_by_administrators_only(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        c = f.center(s)
        q = f.queue(s, c, "Phone")
        _open_call(s, c, q, NOW - timedelta(seconds=100))
    with sqlite_db.session() as s, pytest.raises(PermissionDenied):
        live_settings.update_rule(s, Actor("min.deng", "supervisor"), "longest_wait", enabled=False,
                                  threshold=None, expected_version=0)
    admin = Actor("junjie.guo", "administrator")
    with sqlite_db.session() as s:
        live_settings.update_rule(s, admin, "longest_wait", enabled=True, threshold=120, expected_version=0)
    with sqlite_db.session() as s:
        assert live_settings.values(s)["longest_wait"] == 120
        assert evaluate(s).raised == ()  # 100 s is under the new 120-s threshold
    with sqlite_db.session() as s, pytest.raises(ValueError, match="R-SCH-4"):
        live_settings.update_rule(s, admin, "online_backup", enabled=True, threshold=10, expected_version=0)
    with sqlite_db.session() as s:
        version = next(r for r in live_settings.list_rules(s) if r.key == "longest_wait").version
    with sqlite_db.session() as s, pytest.raises(ConflictError):  # another desk's older copy
        live_settings.update_rule(s, admin, "longest_wait", enabled=False, threshold=30, expected_version=version - 1)
    with sqlite_db.session() as s:
        live_settings.update_rule(s, admin, "longest_wait", enabled=False, threshold=30, expected_version=version)
    with sqlite_db.session() as s:
        assert evaluate(s).raised == ()  # switched off


def test_service_level_alert_needs_enough_contacts_and_a_level_under_target_R_RESP_3(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        c = f.center(s)
        q = f.queue(s, c, "Phone")  # 80 % within 30 s
        a = f.person(s, c)
        for minute, wait in ((14, 10), (12, 50), (10, 45), (8, 12)):
            f.interaction(s, c, q, a, NOW - timedelta(minutes=minute), wait=wait, talk=60)
    with sqlite_db.session() as s:
        assert evaluate(s).raised == ()  # 50 % of 4 decided: under target, but too few to alert
    with sqlite_db.session() as s:
        f.interaction(s, s.get(type(c), c.id), s.get(type(q), q.id), s.get(type(a), a.id),
                      NOW - timedelta(minutes=6), wait=40, talk=60)
    with sqlite_db.session() as s:
        raised = evaluate(s).raised
    assert [r.rule for r in raised] == ["sl_below_target"] and raised[0].params["value"] == "40 %"


def test_live_now_rules_and_alerts_commands(frozen_clock, capsys, tmp_path):
    import json

    from app.cli import main

    url = str(tmp_path / "test.db")
    from app.bootstrap import open_database

    db = open_database(url).db
    try:
        feed = LiveFeed(db, name="queue_log")
        with db.session() as s:
            c = f.center(s)
            q = f.queue(s, c, "Phone")
            _open_call(s, c, q, NOW - timedelta(seconds=100))
        feed.heartbeat()
    finally:
        db.dispose()
    assert main(["live", "now", "--db", url, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["queues"][0]["waiting"] == 1 and data["feed"]["status"] == "live"
    assert main(["live", "rules", "--db", url, "--set", "longest_wait=200"]) == 0
    assert "longest_wait           on  200 s (default 90)" in capsys.readouterr().out
    assert main(["live", "rules", "--db", url, "--set", "longest_wait=soon"]) == 2
    assert main(["live", "alerts", "--db", url, "--evaluate"]) == 0
    assert "Raised 0 new alert(s)" in capsys.readouterr().out  # 100 s < 200 s
    assert main(["live", "rules", "--db", url, "--reset", "longest_wait"]) == 0
    assert main(["live", "alerts", "--db", url, "--evaluate"]) == 0
    out = capsys.readouterr().out
    assert "Raised 1 new alert(s): longest_wait" in out and "Caller waiting too long: Phone 100 s" in out
    frozen_clock.advance(seconds=600)  # the feed went silent: exit 1, and it says so
    assert main(["live", "now", "--db", url]) == 1
    assert "FEED STOPPED since 10:00" in capsys.readouterr().out


def test_shift_series_compares_offered_with_the_forecast_and_logged_in_with_the_rota_R_SCH_1(any_db, frozen_clock):
    from db.models import ForecastInterval, ForecastRun

    with any_db.session() as s:
        c = f.center(s)
        q = f.queue(s, c, "Phone")
        a, b = f.person(s, c), f.person(s, c)
        nine = NOW - timedelta(hours=1)  # 09:00 Shanghai: interval 36 of the day
        for minute in (1, 5, 20):
            f.interaction(s, c, q, a, nine + timedelta(minutes=minute), wait=5, talk=30)
        monday = datetime(2026, 11, 16).date()
        run = ForecastRun(queue_id=q.id, week_start=monday, method="test", params={}, created_at=NOW)
        s.add(run)
        s.flush()
        s.add_all([ForecastInterval(run_id=run.id, interval_start=nine, volume=4.0, aht_sec=180),
                   ForecastInterval(run_id=run.id, interval_start=nine + timedelta(minutes=15), volume=2.0,
                                    aht_sec=180, override_volume=3.0)])
        rota = Rota(center_id=c.id, week_start=monday, status="published", created_at=NOW)
        s.add(rota)
        s.flush()
        s.add_all([ShiftAssignment(rota_id=rota.id, person_id=a.id, starts_at=nine, ends_at=nine + timedelta(hours=8)),
                   ShiftAssignment(rota_id=rota.id, person_id=b.id, starts_at=nine + timedelta(minutes=15),
                                   ends_at=nine + timedelta(hours=8))])
        s.add(AgentStateInterval(agent_id=a.id, state="logged_in", started_at=nine - timedelta(minutes=5)))
    with any_db.session() as s:
        series = shift_series(s, NOW, step_sec=60)
    i = 36
    assert series.interval_starts[i] == nine.timestamp()
    assert series.offered[i:i + 2].tolist() == [2, 1]
    assert series.forecast is not None and series.forecast[i:i + 2].tolist() == [4.0, 3.0]  # the override wins
    assert series.planned is not None and series.planned[i:i + 2].tolist() == [1, 2]
    assert series.logged_in[i] == 1 and np.isnan(series.logged_in[41])  # 10:15 is still to come
    assert series.required is None  # no staffing requirement stored: shown as missing, not as zero


def test_a_killed_simulator_says_it_stopped_and_the_floor_is_stale_at_once(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    from app.bootstrap import open_database

    url = str(tmp_path / "sim.db")
    db = open_database(url).db
    try:
        with db.session() as s:
            f.center(s)
        with subprocess.Popen([sys.executable, "-m", "app", "simulate", "--db", url, "--until-stopped",
                               "--rate", "3600", "--agents", "3", "--out", str(tmp_path / "sim.log")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ)) as proc:
            deadline = time.monotonic() + 60
            live = None
            while time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.5)
                with db.session() as s:
                    health = floor_now(s).feed
                if health.status == "live":
                    live = health
                    break
            assert live is not None and live.simulated
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=30) == 0
        with db.session() as s:
            floor = floor_now(s)
        assert floor.stale and floor.feed.feeds[0].stopped_at is not None
        assert floor.feed.stopped_since == floor.feed.feeds[0].stopped_at
    finally:
        db.dispose()


def test_two_desks_evaluating_at_once_raise_an_episode_once(any_db, frozen_clock):
    with any_db.session() as s:
        c = f.center(s)
        q = f.queue(s, c, "Phone")
        _open_call(s, c, q, NOW - timedelta(seconds=100))
    first = any_db.session()
    second = any_db.session()
    with first as s1, second as s2:
        floor1, floor2 = floor_now(s1), floor_now(s2)
        a = evaluate(s1, floor1)
        s1.commit()
        b = evaluate(s2, floor2)  # the same episode, already raised by the first desk
    assert [x.rule for x in a.raised] == ["longest_wait"] and b.raised == ()
    assert _notifications(any_db, "longest_wait") == [f"live:longest_wait:queue:{q.id}:1"]
