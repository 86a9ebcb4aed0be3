"""Live workspace from stored history: interval buckets, the day's figures (service level as
pinned in app/live/history.py), per-queue figures and agents by state now."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.live.history import (
    AVAILABLE,
    LOGGED_OUT,
    PAUSED,
    VolumeFilter,
    agents_by_state,
    day_window,
    interval_volumes,
    live_day,
)
from db.models import AgentStateInterval, Person
from tests import factories as f

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 11, 18)  # the frozen clock stands at 10:00 on this day in Shanghai


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def local(hour: int, minute: int = 0, second: int = 0, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=SHANGHAI).astimezone(UTC)


def state(s, agent: Person, kind: str, start: datetime, end: datetime | None, reason: str | None = None):
    s.add(AgentStateInterval(agent_id=agent.id, state=kind, reason=reason, started_at=start, ended_at=end))
    s.flush()


@pytest.fixture
def floor(any_db, frozen_clock):
    """A Shanghai center with a phone queue (target 30 s) and a chat queue (target 60 s)."""
    with any_db.session() as s:
        c = f.center(s)
        t = f.team(s, c, "Dragons")
        phone = f.queue(s, c, "Phone", "phone")
        chat = f.queue(s, c, "Chat", "chat")
        chat.target_answer_sec = 60
        chat.target_service_level = 0.9
        quiet = f.queue(s, c, "Email", "email")
        retired = f.queue(s, c, "Old line", "phone")
        retired.active = False
        agent = f.person(s, c, t, name="Li Na")
        ids = {"center": c.id, "team": t.id, "phone": phone.id, "chat": chat.id, "quiet": quiet.id,
               "retired": retired.id, "agent": agent.id}
    return any_db, ids


def _add(db, ids, queue: str, offered_at: datetime, **kw):
    with db.session() as s:
        from db.models import Center, Queue

        c = s.get(Center, ids["center"])
        q = s.get(Queue, ids[queue])
        a = s.get(Person, ids["agent"])
        f.interaction(s, c, q, a if kw.get("outcome", "answered") == "answered" else None, offered_at, **kw)


def test_day_window_is_the_center_local_day():
    w = day_window(DAY, SHANGHAI)
    assert w.start == utc(2026, 11, 17, 16) and w.end == utc(2026, 11, 18, 16)
    assert w.interval_count == 96


def test_day_window_on_a_dst_change_has_fewer_intervals():
    w = day_window(date(2026, 3, 29), ZoneInfo("Europe/London"))  # clocks go forward: 23 h
    assert w.interval_count == 92
    assert w.interval_start(4) == utc(2026, 3, 29, 1)  # 01:00 UTC is 02:00 BST, the first hour after 01:00


def test_intervals_bucket_by_center_local_day_boundary(floor):
    db, ids = floor
    _add(db, ids, "phone", utc(2026, 11, 17, 15, 59, 59))  # 23:59:59 on the 17th, local
    _add(db, ids, "phone", utc(2026, 11, 17, 16, 0, 0))  # 00:00:00 local: first bucket
    _add(db, ids, "phone", utc(2026, 11, 17, 16, 14, 59), outcome="abandoned", wait=20)
    _add(db, ids, "chat", utc(2026, 11, 17, 16, 15, 0))  # 00:15 local: second bucket
    _add(db, ids, "phone", local(9, 59, 30))  # the last interval before now (10:00)
    _add(db, ids, "phone", local(10, 0, 1))  # after now: not history yet for "today so far"
    with db.session() as s:
        w = day_window(DAY, SHANGHAI)
        today = interval_volumes(s, w, until=local(10))
        whole = interval_volumes(s, w)
        yesterday = interval_volumes(s, day_window(DAY - timedelta(days=1), SHANGHAI))
    assert len(today) == 96
    assert [(v.offered, v.answered, v.abandoned) for v in today[:3]] == [(2, 1, 1), (1, 1, 0), (0, 0, 0)]
    assert today[39].offered == 1 and today[39].start == local(9, 45)
    assert today[40].offered == 0 and whole[40].offered == 1
    assert sum(v.offered for v in today) == 4
    assert yesterday[95].offered == 1 and sum(v.offered for v in yesterday) == 1


def test_service_level_counts_answered_within_each_queues_target_over_offered_R_RESP_3(floor):
    db, ids = floor
    _add(db, ids, "phone", local(8, 0), wait=30)  # exactly on the 30 s target: in target
    _add(db, ids, "phone", local(8, 5), wait=31)  # one second late
    _add(db, ids, "phone", local(8, 10), wait=90, outcome="abandoned")  # in the denominator
    _add(db, ids, "chat", local(8, 20), wait=45)  # within the chat queue's own 60 s
    _add(db, ids, "phone", local(8, 30), wait=200, outcome="timeout")  # offered, neither answered nor abandoned
    with db.session() as s:
        day = live_day(s, tz=SHANGHAI)
    t = day.totals
    assert (t.offered, t.answered, t.abandoned, t.answered_in_target) == (5, 3, 1, 2)
    assert t.service_level == pytest.approx(2 / 5)
    assert t.abandon_rate == pytest.approx(1 / 5)
    assert t.asa_sec == pytest.approx((30 + 31 + 45) / 3)
    assert t.longest_wait_sec == 200
    assert day.is_today and day.as_of == local(10)
    assert day.target_service_level is None  # phone 80 % and chat 90 % differ


def test_per_queue_figures_and_filters(floor):
    db, ids = floor
    _add(db, ids, "phone", local(8, 0), wait=10)
    _add(db, ids, "phone", local(8, 1), wait=50)
    _add(db, ids, "chat", local(8, 2), wait=70)
    with db.session() as s:
        day = live_day(s, tz=SHANGHAI)
        phone_only = live_day(s, tz=SHANGHAI, flt=VolumeFilter(queue_id=ids["phone"]))
        chat_channel = live_day(s, tz=SHANGHAI, flt=VolumeFilter(channel="chat"))
    by_name = {q.name: q for q in day.queues}
    assert set(by_name) == {"Phone", "Chat", "Email"}  # the inactive quiet queue is left out
    assert by_name["Phone"].figures.offered == 2 and by_name["Phone"].figures.service_level == 0.5
    assert by_name["Phone"].figures.asa_sec == 30
    assert by_name["Chat"].figures.service_level == 0 and by_name["Chat"].target_answer_sec == 60
    assert by_name["Email"].figures.offered == 0 and by_name["Email"].figures.service_level is None
    assert phone_only.totals.offered == 2 and sum(v.offered for v in phone_only.intervals) == 2
    assert phone_only.target_service_level == 0.8
    assert chat_channel.totals.offered == 1 and chat_channel.intervals[32].offered == 1
    assert {o.name for o in day.queue_options} >= {"Phone", "Chat", "Email"}
    assert set(day.channels) == {"phone", "chat", "email"}


def test_day_waits_leave_out_asynchronous_channels_unless_selected(floor):
    db, ids = floor
    _add(db, ids, "phone", local(8, 0), wait=10)
    _add(db, ids, "chat", local(8, 1), wait=30)
    _add(db, ids, "quiet", local(8, 2), wait=7200)  # an email answered two hours later
    with db.session() as s:
        everything = live_day(s, tz=SHANGHAI)
        email = live_day(s, tz=SHANGHAI, flt=VolumeFilter(channel="email"))
    assert everything.totals.offered == 3 and everything.totals.answered_in_target == 2
    assert everything.totals.asa_sec == 20 and everything.totals.longest_wait_sec == 30
    assert email.totals.asa_sec == 7200 and email.totals.longest_wait_sec == 7200
    assert {q.name: q.figures.asa_sec for q in everything.queues}["Email"] == 7200


def test_a_past_day_covers_the_whole_day(floor):
    db, ids = floor
    _add(db, ids, "phone", local(23, 50, day=DAY - timedelta(days=1)))
    with db.session() as s:
        day = live_day(s, DAY - timedelta(days=1), tz=SHANGHAI)
    assert not day.is_today and day.as_of == day.window.end
    assert day.totals.offered == 1 and day.intervals[95].offered == 1
    assert day.latest_offered_at == local(23, 50, day=DAY - timedelta(days=1))


def test_empty_history_gives_zeros_not_errors(any_db, frozen_clock):
    with any_db.session() as s:
        f.center(s)
        day = live_day(s)
    assert day.window.timezone == "Asia/Shanghai" and len(day.intervals) == 96
    assert day.totals.offered == 0 and day.totals.service_level is None and day.totals.asa_sec is None
    assert day.latest_offered_at is None and day.queues == () and day.agents.agents == ()


def test_agents_by_state_now(floor):
    db, ids = floor
    now = local(10)
    with db.session() as s:
        from db.models import Center, Team

        c, t = s.get(Center, ids["center"]), s.get(Team, ids["team"])
        back = f.person(s, c, t, name="Back from break")
        lunch = f.person(s, c, t, name="At lunch")
        gone = f.person(s, c, t, name="Went home")
        segmented = f.person(s, c, t, name="Segments")
        stale = f.person(s, c, t, name="Stale login")
        f.person(s, c, t, name="Supervisor", title="supervisor")  # not an agent: not on the board
        state(s, back, "logged_in", local(8), None)
        state(s, back, "paused", local(9, 40), local(9, 50), "break")
        state(s, lunch, "logged_in", local(8), None)
        state(s, lunch, "paused", local(9, 45), None, "lunch")
        state(s, gone, "logged_in", local(6), local(9))
        state(s, segmented, "logged_in", local(8), local(9))
        state(s, segmented, "paused", local(9), local(9, 30), "training")
        state(s, segmented, "logged_in", local(9, 30), None)
        state(s, stale, "logged_in", now - timedelta(days=2), None)
        state(s, back, "paused", local(10, 5), None, "later")  # in the future of "now": ignored
        board = agents_by_state(s, now)
    got = {a.name: (a.state, a.reason, a.time_in_state_sec) for a in board.agents}
    assert got == {
        "Back from break": (AVAILABLE, None, 600),
        "At lunch": (PAUSED, "lunch", 900),
        "Went home": (LOGGED_OUT, None, 3600),
        "Segments": (AVAILABLE, None, 1800),
        "Stale login": (LOGGED_OUT, None, None),
        "Li Na": (LOGGED_OUT, None, None),
    }
    assert (board.count(AVAILABLE), board.count(PAUSED), board.count(LOGGED_OUT)) == (2, 1, 3)
    assert board.pause_reasons == [("lunch", 1)]
    assert [a.state for a in board.agents][:3] == [AVAILABLE, AVAILABLE, PAUSED]
    assert {a.team for a in board.agents} == {"Dragons"}


# --- the workspace -------------------------------------------------------------------------------
def _small_floor(db) -> None:
    with db.session() as s:
        c = f.center(s)
        t = f.team(s, c, "Dragons")
        phone = f.queue(s, c, "Phone", "phone")
        chat = f.queue(s, c, "Chat", "chat")
        chat.target_answer_sec = 60
        li, wang, zhao = (f.person(s, c, t, name=n) for n in ("Li Na", "Wang Fang", "Zhao Lei"))
        f.interaction(s, c, phone, li, local(8, 5), wait=12)
        f.interaction(s, c, phone, wang, local(8, 10), wait=40)
        f.interaction(s, c, phone, None, local(8, 20), wait=75, outcome="abandoned")
        f.interaction(s, c, chat, li, local(9, 0), wait=20)
        f.interaction(s, c, phone, li, local(23, 0, day=DAY - timedelta(days=2)), wait=5)
        state(s, li, "logged_in", local(7, 55), None)
        state(s, wang, "logged_in", local(8), None)
        state(s, wang, "paused", local(9, 50), None, "lunch")
        state(s, zhao, "logged_in", local(6), local(9, 30))


@pytest.mark.gui
def test_live_workspace_shows_the_day_on_screen(qtbot, sqlite_db, frozen_clock):
    from ui.app import Console
    from ui.live.workspace import LiveWorkspace

    _small_floor(sqlite_db)
    console = Console(sqlite_db, inline_tasks=True, watch=False)
    try:
        window = console.window
        window.show()
        window.show_workspace(0)
        live = window.workspaces[0]
        assert isinstance(live, LiveWorkspace) and window.current_workspace() is live
        qtbot.waitUntil(lambda: live.load_count >= 1)
        assert [t.value for t in live.tiles] == ["4", "3", "1", "50.0 %", "24 s", "1 min 15 s"]
        assert live.tile_abandoned.detail == "abandon rate 25.0 %"
        assert set(live.tile_asa.toolTip().splitlines()) == {"Phone: 26 s", "Chat: 20 s"}
        assert "stored history" in live.source_label.text() and "10:00" in live.source_label.text()
        assert live.day_label.text().startswith("Today")
        # today so far: midnight to the 10:00 interval (41 intervals), 08:00 is interval 32
        assert len(live.chart.offered) == 41
        assert live.chart.offered[32:37].tolist() == [2, 1, 0, 0, 1]
        assert live.chart.answered[32:37].tolist() == [2, 0, 0, 0, 1]
        assert live.chart.now_line.isVisible()
        assert live.queue_model.rowCount() == 2 and live.queue_view.model().rowCount() == 2
        assert live.agent_model.rowCount() == 2  # logged-out agents hidden by default
        assert "Paused: <b>1</b> (Lunch 1)" in live.state_counts.text()
        live.show_logged_out.setChecked(True)
        assert live.agent_model.rowCount() == 3
        assert live._timer.isActive()  # the gentle refresh runs while today is on screen

        live.filter_combo.setCurrentIndex(live.filter_combo.findText("Chat (Chat)"))
        assert live.tile_offered.value == "1" and live.tile_service_level.detail == "target 80 %"

        live.filter_combo.setCurrentIndex(0)
        live._step_day(-1)  # a quiet day: says so and offers the latest day with data
        assert not live._timer.isActive()
        assert live.tile_offered.value == "0" and live.empty_state.isVisible()
        assert "No contacts offered" in live.empty_label.text()
        assert live.latest_button.isVisible()
        assert live.agents_title.text() == "Agents at the end of the day"
        assert len(live.chart.offered) == 96 and not live.chart.now_line.isVisible()
        live._step_day(-1)
        assert live.tile_offered.value == "1" and not live.empty_state.isVisible()
        live.show_today()
        assert live.tile_offered.value == "4" and live._timer.isActive()
        window.show_workspace(len(window.workspaces) - 1)
        assert not live._timer.isActive()  # hidden: no polling
    finally:
        console.close()


@pytest.mark.gui
def test_live_workspace_empty_database_says_what_to_do(qtbot, sqlite_db, frozen_clock):
    from ui.app import Console

    with sqlite_db.session() as s:
        f.center(s)
    console = Console(sqlite_db, inline_tasks=True, watch=False)
    try:
        console.window.show()
        console.window.show_workspace(0)  # whatever workspace an earlier test left remembered
        live = console.window.workspaces[0]
        qtbot.waitUntil(lambda: live.load_count >= 1)
        assert "floorwalker demo" in live.empty_label.text() and not live.latest_button.isVisible()
        assert "No agents on record" in live.agents_empty.text()
        assert live.tile_service_level.value == "—"
    finally:
        console.close()


@pytest.mark.gui
def test_live_models_pass_the_model_tester(qtmodeltester, sqlite_db, frozen_clock):
    from ui.live.models import AgentStateModel, QueueFiguresModel

    _small_floor(sqlite_db)
    with sqlite_db.session() as s:
        day = live_day(s)
    queues = QueueFiguresModel()
    queues.set_rows(day.queues)
    qtmodeltester.check(queues)
    assert [queues.row_at(r).name for r in range(2)] == ["Chat", "Phone"]
    assert queues.data(queues.index(1, QueueFiguresModel.SERVICE_LEVEL)) == "33.3 %"
    assert queues.data(queues.index(1, QueueFiguresModel.TARGET)) == "80 % in 30 s"
    agents = AgentStateModel()
    agents.set_board(day.agents, SHANGHAI)
    agents.set_show_logged_out(True)
    qtmodeltester.check(agents)
    assert agents.rowCount() == 3
