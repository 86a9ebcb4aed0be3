"""Forecast history and the forecast view count wall-clock quarter hours, also on the two DST days
of a year (96 slots per day, 672 per week), with the rota's mapping (app.rota.service.wall_slot),
not the time elapsed since local midnight or since Monday 00:00.

Europe/London changes on 2026-03-29 (spring forward, 01:00 -> 02:00: the day has 23 hours) and on
2026-10-25 (fall back, 02:00 -> 01:00: 25 hours). The rota's convention for those hours: the
skipped hour has no calls; both passes of the repeated hour share its wall-clock slots, so the
calls of 01:00-02:00 GMT and BST are summed there. Every expected slot below is built from the
calendar date and wall-clock time (or from stepping through UTC), independently of the code."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from sqlalchemy import insert

from app import clock
from app.actor import Actor
from app.forecast.history import load_history
from db.models import Interaction
from tests import factories

TZ = ZoneInfo("Europe/London")
SCHEDULER = Actor("qiang.xu", "scheduler")
H = 4  # slots per hour
DAY = 96
DST_DAYS = {"spring-forward": date(2026, 3, 29), "fall-back": date(2026, 10, 25)}
HOURS = {"spring-forward": 23, "fall-back": 25}


def local(day: date, hour: int, minute: int = 0, fold: int = 0) -> datetime:
    """A London wall-clock time as aware UTC (fold=1: the second pass of a repeated hour)."""
    return datetime.combine(day, time(hour, minute, fold=fold), TZ).astimezone(UTC)


def every_quarter(day: date, offset_min: int = 7) -> list[datetime]:
    """One moment in each real quarter hour of the London day, stepping through UTC: 92 on the
    spring day, 100 on the autumn day, 96 otherwise."""
    start, end = local(day, 0), local(day + timedelta(days=1), 0)
    out, t = [], start + timedelta(minutes=offset_min)
    while t < end:
        out.append(t)
        t += timedelta(minutes=15)
    return out


def add_calls(s, queue, moments: list[datetime]) -> None:
    s.execute(insert(Interaction.__table__), [
        {"center_id": queue.center_id, "queue_id": queue.id, "channel": "phone", "source": "test",
         "offered_at": t, "answered_at": t + timedelta(seconds=10), "ended_at": t + timedelta(seconds=250),
         "wait_sec": 10.0, "talk_sec": 200.0, "wrap_sec": 40.0, "outcome": "answered",
         "recommendation_offered": False, "recommendation_converted": False} for t in moments])


def london_queue(s):
    c = factories.center(s, tz="Europe/London")
    c.holiday_country = "GB"
    return factories.queue(s, c, "Hotline")


def test_the_days_really_change_the_clock():
    for name, day in DST_DAYS.items():
        assert local(day + timedelta(days=1), 0) - local(day, 0) == timedelta(hours=HOURS[name])
        assert len(every_quarter(day)) == HOURS[name] * H


@pytest.mark.parametrize("name", sorted(DST_DAYS))
def test_history_counts_wall_clock_slots_on_dst_days_R_SCH_1(any_db, frozen_clock, name):
    day = DST_DAYS[name]
    before, after = day - timedelta(days=1), day + timedelta(days=1)
    with any_db.session() as s:
        q = london_queue(s)
        moments = [t for d in (before, day, after) for t in every_quarter(d)]
        ten = [local(day, 10, 5)] * 3 + [local(before, 10, 5), local(after, 10, 5)]  # three calls at 10:05
        late = [local(day, 23, 50)] * 2  # the last quarter hour of the DST day
        add_calls(s, q, moments + ten + late)
        s.flush()
        h = load_history(s, [q.id], before, after + timedelta(days=1))
    assert h.counts.shape == (3, DAY)
    # the total number of calls is kept, and each day keeps its own calls
    assert h.counts.sum() == len(moments) + len(ten) + len(late)
    assert list(h.counts.sum(axis=1)) == [DAY + 1, HOURS[name] * H + 3 + 2, DAY + 1]
    # calls at 10:05 local on the DST day land in the 10:00 slot (and on the days around it)
    assert h.counts[1, 10 * H] == 1 + 3
    assert h.counts[0, 10 * H] == h.counts[2, 10 * H] == 1 + 1
    # the DST day slot by slot: the skipped hour is empty, the repeated hour holds both passes
    expected = np.ones(DAY)
    expected[1 * H:2 * H] = 0 if name == "spring-forward" else 2
    expected[10 * H] += 3
    expected[23 * H + 3] += 2
    assert list(h.counts[1]) == list(expected)
    # the other measures follow the counts into the same wall-clock slots
    assert list(h.answered[1]) == list(expected)
    assert h.handle_sec[1, 10 * H] == pytest.approx(240.0 * 4)


def test_both_passes_of_the_repeated_autumn_hour_share_its_slots(sqlite_db, frozen_clock):
    """01:20 BST and 01:20 GMT are an hour apart but land in the one 01:15 wall-clock slot."""
    day = DST_DAYS["fall-back"]
    first, second = local(day, 1, 20, fold=0), local(day, 1, 20, fold=1)
    assert second - first == timedelta(hours=1)
    with sqlite_db.session() as s:
        q = london_queue(s)
        add_calls(s, q, [first, second, local(day, 2, 20)])
        s.flush()
        h = load_history(s, [q.id], day, day + timedelta(days=1))
    assert h.counts[0, 1 * H + 1] == 2
    assert h.counts[0, 2 * H + 1] == 1  # 02:20 GMT, an hour after the second pass: the 02:15 slot
    assert h.counts.sum() == 3


def test_the_skipped_spring_hour_stays_empty(sqlite_db, frozen_clock):
    """00:50 GMT and 02:10 BST are 20 minutes apart: the slots of 00:45 and 02:00, none of 01:xx."""
    day = DST_DAYS["spring-forward"]
    before, after = local(day, 0, 50), local(day, 2, 10)
    assert after - before == timedelta(minutes=20)
    with sqlite_db.session() as s:
        q = london_queue(s)
        add_calls(s, q, [before, after])
        s.flush()
        h = load_history(s, [q.id], day, day + timedelta(days=1))
    assert h.counts[0, 0 * H + 3] == 1 and h.counts[0, 2 * H] == 1
    assert h.counts[0, 1 * H:2 * H].sum() == 0
    assert h.counts.sum() == 2


# --- the forecast view's actuals line ----------------------------------------------------------

WEEKS = {"spring-forward": date(2026, 3, 23), "fall-back": date(2026, 10, 19)}


def open_week(qtbot, db, name: str, forecast: bool):
    """The Forecast view of the DST week on its Sunday at 10:07 London, after three weeks and the
    week so far of one call a quarter hour plus four at Sunday 09:50."""
    from app.forecast.service import make_forecast
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.schedule.forecast_view import ForecastView
    from ui.tasks import TaskRunner

    week, day = WEEKS[name], DST_DAYS[name]
    now = local(day, 10, 7)
    clock.set_clock(clock.FrozenClock(now))
    with db.session() as s:
        q = london_queue(s)
        moments = [t for k in range(-21, 7) for t in every_quarter(week + timedelta(days=k))]
        add_calls(s, q, [t for t in moments if t < now] + [local(day, 9, 50)] * 4)
        if forecast:
            make_forecast(s, SCHEDULER, q.id, week)
    ctx = ConsoleContext(db, TaskRunner(db, inline=True), Bus(), SCHEDULER, TZ, "Test")
    view = ForecastView(ctx)
    qtbot.addWidget(view)
    # what the view hands the chart (without a forecast the chart has no x axis to draw it on)
    view.actual_given = []
    draw = view.chart.set_series

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        view.actual_given.append(kwargs.get("actual"))
        return draw(*args, **kwargs)

    view.chart.set_series = spy
    view.week_start = week
    view.resize(1200, 800)
    view.show()
    qtbot.waitUntil(lambda: view.load_count >= 1 and view.week is not None)
    return view


@pytest.mark.gui
@pytest.mark.parametrize("name", sorted(DST_DAYS))
def test_forecast_view_cuts_actuals_at_the_wall_clock_now_R_SCH_1(qtbot, sqlite_db, name):
    """Sunday of the DST week at 10:07 London: the actuals the view draws run to Sunday 09:45 (wall
    slot 6 * 96 + 39), the last one holds the calls of 09:45-10:00, and nothing after now shows."""
    view = open_week(qtbot, sqlite_db, name, forecast=False)
    assert view.week.week_start == WEEKS[name] and view.week.actual is not None
    assert len(view.week.actual) == 7 * DAY
    y = view.actual_given[-1]
    sunday_10 = 6 * DAY + 10 * H
    assert len(y) == sunday_10  # every slot before Sunday 10:00 wall clock, none after
    assert y[sunday_10 - 1] == 1 + 4  # Sunday 09:45-10:00: the regular call and the four extra
    # Sunday: one call a quarter hour; the skipped hour empty, the repeated hour both passes
    assert list(y[6 * DAY:6 * DAY + H]) == [1] * H
    assert list(y[6 * DAY + H:6 * DAY + 2 * H]) == [0 if name == "spring-forward" else 2] * H
    assert list(y[6 * DAY + 2 * H:sunday_10 - 1]) == [1] * (sunday_10 - 1 - 6 * DAY - 2 * H)
    assert list(y[:6 * DAY]) == [1] * (6 * DAY)  # Monday to Saturday: no change of clock


@pytest.mark.gui
def test_forecast_view_with_a_forecast_in_the_fall_back_week(qtbot, sqlite_db):
    """With a forecast (672 stored intervals in the autumn week) the actuals line is cut the same."""
    view = open_week(qtbot, sqlite_db, "fall-back", forecast=True)
    assert view.week.run_id is not None and len(view.week.slots) == 7 * DAY
    _x, y = view.chart.actual_item.getData()  # the line as drawn
    assert len(y) == 6 * DAY + 10 * H and y[-1] == 1 + 4
    assert list(y[6 * DAY + H:6 * DAY + 2 * H]) == [2] * H


@pytest.mark.gui
@pytest.mark.xfail(strict=True, reason="app.forecast.service.make_forecast stores 668 intervals in the "
                   "spring-forward week (it skips the hour that does not exist) and the chart's x axis "
                   "follows len(forecast), so the 672-slot history/actual lines do not fit it "
                   "(pyqtgraph: X and Y arrays must be the same shape); not in this file's scope")
def test_forecast_view_with_a_forecast_in_the_spring_forward_week(qtbot, sqlite_db):
    view = open_week(qtbot, sqlite_db, "spring-forward", forecast=True)
    _x, y = view.chart.actual_item.getData()
    assert len(y) == 6 * DAY + 10 * H and y[-1] == 1 + 4
