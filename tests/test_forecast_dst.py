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
from sqlalchemy import func, insert, select

from app import clock
from app.actor import Actor
from app.forecast.history import load_history
from db.models import ForecastInterval, Interaction
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
def test_forecast_view_with_a_forecast_in_the_spring_forward_week_R_SCH_1(qtbot, sqlite_db):
    """The spring week's forecast stores a row per quarter hour on the clock (668), yet the view
    reads 672 wall-clock slots like the rota: the chart draws 672 points (no pyqtgraph shape error),
    the skipped hour is 0, and the table shows its four rows with 0 and a note."""
    view = open_week(qtbot, sqlite_db, "spring-forward", forecast=True)
    with sqlite_db.session() as s:
        stored = s.scalar(select(func.count()).select_from(ForecastInterval))
    assert stored == 7 * DAY - H  # the hour that does not exist has no moment to store
    assert "Could not load" not in view.status_label.text()
    assert view.week.run_id is not None and len(view.week.slots) == 7 * DAY
    x, y = view.chart.forecast_item.getData()
    assert len(x) == len(y) == 7 * DAY
    gap = slice(6 * DAY + H, 6 * DAY + 2 * H)  # Sunday 01:00-02:00, not on the clock
    assert list(y[gap]) == [0.0] * H
    assert y[6 * DAY + 2 * H] > 0 and y[6 * DAY + H - 1] > 0  # 02:00 BST and 00:45 GMT are forecast
    assert [s.exists for s in view.week.slots[gap]] == [False] * H
    assert sum(not s.exists for s in view.week.slots) == H
    lo, hi = view.chart.low_curve.getData()[1], view.chart.high_curve.getData()[1]
    assert len(lo) == len(hi) == 7 * DAY and hi[gap].max() == 0.0
    for item in view.chart.reference_items:  # the earlier weeks, on the same wall-clock x axis
        assert len(item.getData()[0]) == 7 * DAY
    _x, actual = view.chart.actual_item.getData()
    assert len(actual) == 6 * DAY + 10 * H and actual[-1] == 1 + 4
    # the wall-clock slots of the table and the chart agree: row k is the chart's point k
    model = view.model
    assert model.rowCount() == 7 * DAY
    text = [model.data(model.index(6 * DAY + k, c)) for k in range(H - 1, 2 * H + 1)
            for c in (model.TIME, model.VOLUME, model.REASON)]
    assert text[0::3] == ["00:45–01:00", "01:00–01:15", "01:15–01:30", "01:30–01:45", "01:45–02:00",
                          "02:00–02:15"]
    assert text[4:14:3] == ["0.0"] * 4 and all(text[5:15:3]) and not text[2] and not text[-1]
    assert y[6 * DAY + 2 * H] == pytest.approx(view.week.slots[6 * DAY + 2 * H].volume)
    # the week's total leaves the hour out, as the stored rows do
    assert sum(s.effective for s in view.week.slots) == pytest.approx(
        sum(s.volume for s in view.week.slots if s.exists))


def _rota_volumes(s, qid: int, week: date) -> list[float]:
    from app.rota.service import _forecast

    vol, _aht, _run = _forecast(s, qid, week, datetime.combine(week, time(0), TZ))
    return [float(v) for v in vol]


@pytest.mark.parametrize("name", sorted(DST_DAYS))
def test_forecast_readers_agree_on_672_wall_clock_slots_R_SCH_1(sqlite_db, name):
    """forecast_week, effective_volumes (staffing) and the rota read the same 672 wall-clock slots."""
    from app.forecast.service import effective_volumes, forecast_week, make_forecast

    week, day = WEEKS[name], DST_DAYS[name]
    clock.set_clock(clock.FrozenClock(local(week, 6)))
    try:
        with sqlite_db.session() as s:
            q = london_queue(s)
            add_calls(s, q, [t for k in range(-21, 0) for t in every_quarter(week + timedelta(days=k))])
            made = make_forecast(s, SCHEDULER, q.id, week)
            fw = forecast_week(s, q.id, week)
            starts, vol, aht = effective_volumes(s, q.id, week)
            rota = _rota_volumes(s, q.id, week)
    finally:
        clock.reset_clock()
    assert len(fw.slots) == len(starts) == len(vol) == len(aht) == len(rota) == 7 * DAY
    assert [sl.effective for sl in fw.slots] == pytest.approx(list(vol))
    assert list(vol) == pytest.approx(rota)
    assert made.total == pytest.approx(sum(rota), abs=0.01)
    sunday = 6 * DAY
    assert [sl.wall for sl in fw.slots[sunday:sunday + DAY]] == [
        datetime.combine(day, time(k // H, k % H * 15)) for k in range(DAY)]
    if name == "spring-forward":
        assert list(vol[sunday + H:sunday + 2 * H]) == [0.0] * H
        assert aht.min() > 0
    else:  # the repeated hour: one slot per quarter hour at the first pass's moment, and forecast
        assert all(sl.exists for sl in fw.slots)
        assert [sl.start for sl in fw.slots[sunday + H:sunday + 2 * H]] == [
            local(day, 1, 15 * k, fold=0) for k in range(H)]
        assert min(vol[sunday + H:sunday + 2 * H]) > 0


def _dialog_span(qtbot, week: date, day: date, start: time, end: time):
    from ui.schedule.forecast_view import AdjustDialog

    dialog = AdjustDialog(week, TZ, "Hotline", day, start, end)
    qtbot.addWidget(dialog)
    dialog.reason.setText("test")
    dialog.by_volume.setChecked(True)
    dialog.volume.setValue(50.0)
    start, end, *_rest = dialog.values()
    return start.astimezone(UTC), end.astimezone(UTC)


@pytest.mark.gui
def test_overrides_land_on_their_wall_clock_slots_in_the_fall_back_week_R_SCH_1(qtbot, sqlite_db):
    """Adjustments made as the Adjust dialog makes them, on the autumn Sunday (25 hours): 01:00-02:00
    wall clock covers both passes of the repeated hour and lands on its four slots only; 10:00-10:30
    (after the change) on the 10:00 and 10:15 slots; the whole Sunday on its 96 slots. The view, the
    staffing read and the rota see the same adjusted slots; removing one restores them."""
    from app.forecast.service import add_override, effective_volumes, forecast_week, remove_override

    week, day = WEEKS["fall-back"], DST_DAYS["fall-back"]
    view = open_week(qtbot, sqlite_db, "fall-back", forecast=True)
    qid = view.week.queue_id
    before = [sl.volume for sl in view.week.slots]
    sunday = 6 * DAY
    night = _dialog_span(qtbot, week, day, time(1, 0), time(2, 0))
    assert night[1] - night[0] == timedelta(hours=2)  # both passes
    morning = _dialog_span(qtbot, week, day, time(10, 0), time(10, 30))
    with sqlite_db.session() as s:
        add_override(s, SCHEDULER, qid, night[0], night[1], reason="night promotion", volume=7.0)
        add_override(s, SCHEDULER, qid, morning[0], morning[1], reason="mail-out", factor=2.0)
    with sqlite_db.session() as s:
        fw = forecast_week(s, qid, week)
        _starts, vol, _aht = effective_volumes(s, qid, week)
        rota = _rota_volumes(s, qid, week)
    adjusted = {k for k, sl in enumerate(fw.slots) if sl.override_volume is not None}
    assert adjusted == set(range(sunday + H, sunday + 2 * H)) | {sunday + 40, sunday + 41}
    assert [fw.slots[k].override_volume for k in range(sunday + H, sunday + 2 * H)] == [7.0] * H
    assert fw.slots[sunday + 40].override_volume == pytest.approx(2 * before[sunday + 40], rel=1e-3)
    assert fw.slots[sunday + 40].override_reason == "mail-out"
    assert list(vol) == pytest.approx([sl.effective for sl in fw.slots])
    assert list(vol) == pytest.approx(rota)
    # the whole Sunday (25 hours) is its 96 slots, not Saturday's or Monday's
    whole = _whole_day(qtbot, week, day)
    assert whole[1] - whole[0] == timedelta(hours=25)
    with sqlite_db.session() as s:
        add_override(s, SCHEDULER, qid, whole[0], whole[1], reason="event", factor=0.5)
        fw = forecast_week(s, qid, week)
        o = next(o for o in fw.overrides if o.reason == "night promotion")
        remove_override(s, SCHEDULER, o.id, o.version)
    with sqlite_db.session() as s:
        fw = forecast_week(s, qid, week)
        rota = _rota_volumes(s, qid, week)
    adjusted = [k for k, sl in enumerate(fw.slots) if sl.override_volume is not None]
    assert adjusted == list(range(sunday, 7 * DAY))
    assert fw.slots[sunday + H].override_volume == pytest.approx(0.5 * before[sunday + H], rel=1e-3)
    assert fw.slots[sunday + 40].override_reason == "mail-out; event"
    assert [sl.effective for sl in fw.slots] == pytest.approx(rota)
    # the view's table hands the dialog the selected rows' wall-clock span
    view.refresh()
    qtbot.waitUntil(lambda: view.week is not None and len(view.week.overrides) == 2)
    view.table.clearSelection()
    for row in (sunday + 5, sunday + 6):
        view.table.selectionModel().select(view.model.index(row, 0), _rows_flag())
    assert view._selected_span() == (day, time(1, 15), time(1, 45))


@pytest.mark.gui
def test_overrides_around_the_skipped_spring_hour_R_SCH_1(qtbot, sqlite_db):
    """On the spring Sunday, a span ending or starting inside the skipped hour stands for the jump:
    00:00-01:30 covers 00:00-00:45 only, 01:30-03:00 covers 02:00-02:45 only (not an hour more
    or less); the skipped slots stay 0 under a volume override; selecting only them adjusts nothing."""
    from app.forecast.service import add_override, forecast_week

    week, day = WEEKS["spring-forward"], DST_DAYS["spring-forward"]
    view = open_week(qtbot, sqlite_db, "spring-forward", forecast=True)
    qid = view.week.queue_id
    sunday = 6 * DAY
    early = _dialog_span(qtbot, week, day, time(0, 0), time(1, 30))
    late = _dialog_span(qtbot, week, day, time(1, 30), time(3, 0))
    inside = _dialog_span(qtbot, week, day, time(1, 0), time(1, 45))
    assert early[1] == late[0] == local(day, 2, 0) == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert inside[0] == inside[1]  # nothing on the clock to adjust
    with sqlite_db.session() as s:
        add_override(s, SCHEDULER, qid, early[0], early[1], reason="early", volume=3.0)
        add_override(s, SCHEDULER, qid, late[0], late[1], reason="late", volume=5.0)
        fw = forecast_week(s, qid, week)
        rota = _rota_volumes(s, qid, week)
    got = {k - sunday: sl.effective for k, sl in enumerate(fw.slots) if sl.override_volume is not None}
    assert got == {**{k: 3.0 for k in range(H)}, **{k: 5.0 for k in range(2 * H, 3 * H)}}
    assert [sl.effective for sl in fw.slots[sunday + H:sunday + 2 * H]] == [0.0] * H
    assert [sl.effective for sl in fw.slots] == pytest.approx(rota)
    # the table: rows of the skipped hour alone give the day (no made-up 02:xx span)
    for row in range(sunday + H, sunday + 2 * H):
        view.table.selectionModel().select(view.model.index(row, 0), _rows_flag())
    assert view._selected_span() == (day, None, None)
    view.table.selectionModel().select(view.model.index(sunday + 2 * H, 0), _rows_flag())
    assert view._selected_span() == (day, time(2, 0), time(2, 15))


def _whole_day(qtbot, week: date, day: date):
    from ui.schedule.forecast_view import AdjustDialog

    dialog = AdjustDialog(week, TZ, "Hotline", day)
    qtbot.addWidget(dialog)
    assert dialog.whole_day.isChecked()
    start, end, *_rest = dialog.values()
    return start.astimezone(UTC), end.astimezone(UTC)


def _rows_flag():
    from PySide6.QtCore import QItemSelectionModel

    return QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
