"""The forecast engine, its prediction intervals, overrides and backtest, on generated history
with a known rate (a Poisson process with weekly and daily seasonality and CN holidays), plus
the anonymous bank month when ../shared/data is there."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from sqlalchemy import func, insert, select

from app.actor import Actor
from app.cli import main
from app.forecast.backtest import BacktestError, backtest
from app.forecast.model import (
    DEFAULT_HOLIDAY_FACTOR,
    Dispersion,
    aggregate,
    forecast_day,
    nb_quantiles,
    wape,
)
from app.forecast.service import (
    ForecastError,
    add_override,
    effective_volumes,
    forecast_week,
    make_forecast,
    parse_iso_week,
    remove_override,
)
from app.security.permissions import PermissionDenied
from app.staffing.erlang import staff_week
from db.errors import ConflictError
from db.models import AuditEntry, Center, ForecastInterval, ForecastRun, Interaction, Queue
from tests import factories
from tests.conftest import SHARED_DATA

TZ = ZoneInfo("Asia/Shanghai")
SCHEDULER = Actor("qiang.xu", "scheduler")
WEEKDAY = np.array([1.15, 1.05, 1.0, 1.0, 0.95, 0.6, 0.5])
HOLIDAY_EFFECT = 0.5


def rate_profile() -> np.ndarray:
    """Share of a day's contacts per 15-minute slot: night trough, morning and afternoon peaks."""
    hour = (np.arange(96) + 0.5) / 4
    shape = 0.05 + np.exp(-((hour - 10.5) ** 2) / 5) + 0.8 * np.exp(-((hour - 15.5) ** 2) / 6)
    return shape / shape.sum()


def true_rate(day: date, daily: float, holidays: set[date]) -> np.ndarray:
    factor = WEEKDAY[day.weekday()] * (HOLIDAY_EFFECT if day in holidays else 1.0)
    return daily * factor * rate_profile()


def cn_holidays(first: date, last: date) -> set[date]:
    import holidays

    return {d for d in holidays.country_holidays("CN", years=range(first.year, last.year + 1)) if first <= d <= last}


def generate(s, q, first: date, days: int, daily: float, seed: int = 7, day_noise: float = 0.0) -> dict[date, np.ndarray]:
    """Insert Poisson arrivals at the true rate; returns the counts per day and slot."""
    rng = np.random.default_rng(seed)
    hol = cn_holidays(first, first + timedelta(days=days))
    rows, counts = [], {}
    for k in range(days):
        day = first + timedelta(days=k)
        lam = true_rate(day, daily, hol) * (np.exp(rng.normal(0, day_noise)) if day_noise else 1.0)
        c = rng.poisson(lam)
        counts[day] = c
        midnight = datetime.combine(day, time(0), TZ).astimezone(UTC)
        for slot in np.flatnonzero(c):
            for offset in rng.uniform(0, 900, c[slot]):
                t = midnight + timedelta(seconds=float(slot * 900 + offset))
                rows.append({"center_id": q.center_id, "queue_id": q.id, "channel": "phone", "source": "test",
                             "offered_at": t, "answered_at": t + timedelta(seconds=10), "ended_at": t + timedelta(
                                 seconds=250), "wait_sec": 10.0, "talk_sec": 200.0, "wrap_sec": 40.0,
                             "outcome": "answered", "recommendation_offered": False,
                             "recommendation_converted": False})
    s.execute(insert(Interaction.__table__), rows)
    return counts


@pytest.fixture
def center_queue(sqlite_db, frozen_clock):
    return _center_queue(sqlite_db)


def _center_queue(db):
    with db.session() as s:
        c = factories.center(s)
        q = factories.queue(s, c, "Hotline")
        return c.id, q.id


# --- the model alone ---------------------------------------------------------------------------

def test_forecast_recovers_a_known_weekly_and_daily_rate_R_SCH_1():
    rng = np.random.default_rng(1)
    first = date(2026, 3, 2)  # a Monday; no CN holiday in the six weeks
    days = [first + timedelta(days=k) for k in range(42)]
    counts = np.array([rng.poisson(true_rate(d, 2000, set())) for d in days])
    types = np.array([d.weekday() for d in days])
    for target in range(7):
        f = forecast_day(counts, types, np.zeros(42, bool), target)
        truth = true_rate(first + timedelta(days=42 + target), 2000, set())
        assert abs(f.sum() / truth.sum() - 1) < 0.05, f"day total of weekday {target}"
        # hourly shape within a few percent of the true rate (noise of 6 weeks of 2,000 calls a day)
        assert wape(aggregate(f, 60), aggregate(truth, 60)) < 0.06


def test_forecast_follows_a_trend():
    rng = np.random.default_rng(2)
    first = date(2026, 3, 2)
    days = [first + timedelta(days=k) for k in range(42)]
    growth = np.array([1.0 + 0.01 * k for k in range(42)])  # +1 % a day
    counts = np.array([rng.poisson(true_rate(d, 1500, set()) * g) for d, g in zip(days, growth, strict=True)])
    types = np.array([d.weekday() for d in days])
    f = forecast_day(counts, types, np.zeros(42, bool), 0)
    truth = true_rate(first + timedelta(days=42), 1500, set()) * 1.42
    flat_mean = counts[types == 0].sum(axis=1).mean()  # what a level-only forecast would say
    assert abs(f.sum() / truth.sum() - 1) < 0.06
    assert f.sum() > flat_mean * 1.1


def test_a_holiday_lowers_its_day_even_without_holidays_in_the_history():
    rng = np.random.default_rng(3)
    days = [date(2026, 3, 2) + timedelta(days=k) for k in range(28)]
    counts = np.array([rng.poisson(true_rate(d, 1000, set())) for d in days])
    types = np.array([d.weekday() for d in days])
    normal = forecast_day(counts, types, np.zeros(28, bool), 2).sum()
    holiday = forecast_day(counts, types, np.zeros(28, bool), 2, target_holiday=True).sum()
    assert holiday == pytest.approx(normal * DEFAULT_HOLIDAY_FACTOR, rel=1e-9)


def test_negative_binomial_band_holds_80_percent_of_draws():
    rng = np.random.default_rng(4)
    for mean, variance in ((40.0, 40.0), (40.0, 200.0), (400.0, 4000.0)):
        q = nb_quantiles(np.array([mean]), np.array([variance]), (0.1, 0.9))
        if variance == mean:
            draws = rng.poisson(mean, 200_000)
        else:
            size = mean * mean / (variance - mean)
            draws = rng.negative_binomial(size, size / (size + mean), 200_000)
        inside = np.mean((draws >= q[0.1][0]) & (draws <= q[0.9][0]))
        assert 0.77 <= inside <= 0.83, (mean, variance, inside)
    # small means: one count is a big step; mid-distribution quantiles keep the coverage near 80 %
    # on average over many intervals (integer quantiles would hold about 90 %)
    means = rng.uniform(0.5, 8.0, 4000)
    q = nb_quantiles(means, means, (0.1, 0.9))
    draws = rng.poisson(means)
    assert 0.74 <= np.mean((draws >= q[0.1]) & (draws <= q[0.9])) <= 0.86


def test_zero_volume_has_a_zero_band():
    q = nb_quantiles(np.zeros(3), np.zeros(3), (0.1, 0.9))
    assert q[0.1].tolist() == [0, 0, 0] and q[0.9].tolist() == [0, 0, 0]
    assert Dispersion(0.1, 0.2, 0).sigma_day == 0.1


# --- stored forecasts, holidays from the center's calendar, overrides -------------------------------

def test_make_forecast_stores_672_intervals_with_band_and_aht_R_SCH_1(sqlite_db, center_queue):
    _, qid = center_queue
    with sqlite_db.session() as s:
        q = s.get(Queue, qid)
        generate(s, q, date(2026, 10, 12), 35, 800)  # to Sunday 15 November
    with sqlite_db.session() as s:
        made = make_forecast(s, SCHEDULER, qid, date(2026, 11, 23))
    assert made.history_days == 35
    with sqlite_db.session() as s:
        rows = s.scalars(select(ForecastInterval).where(ForecastInterval.run_id == made.run_id)).all()
        assert len(rows) == 672
        assert all(r.lower <= r.volume + 0.5 and r.volume <= r.upper + 0.5 for r in rows)
        assert all(abs(r.aht_sec - 240.0) < 1e-6 for r in rows)  # talk 200 + wrap 40 in every generated call
        total = sum(r.volume for r in rows)
        truth = sum(true_rate(date(2026, 11, 23) + timedelta(days=k), 800, set()).sum() for k in range(7))
        assert abs(total / truth - 1) < 0.07
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity == "forecast_run")).one()
        assert audit.actor == "qiang.xu" and audit.after["intervals"] == 672
        # staffing turns it into agents per interval
        starts, vol, aht = effective_volumes(s, qid, date(2026, 11, 23))
        week = staff_week(vol, aht, 15.0, 0.8, 20.0)
        assert len(starts) == 672 and week.agents.max() > 0 and week.agents.min() >= 0


def test_a_cn_holiday_in_the_week_lowers_its_day(sqlite_db, frozen_clock):
    # the week of National Day 2026 (Thu 1 October is a statutory holiday); the history (with the
    # Mid-Autumn festival on Fri 25 September at half volume) teaches the holiday effect
    with sqlite_db.session() as s:
        c = factories.center(s)
        q = factories.queue(s, c, "Hotline")
        generate(s, q, date(2026, 8, 17), 42, 900, seed=11)
        qid = q.id
    with sqlite_db.session() as s:
        make_forecast(s, SCHEDULER, qid, date(2026, 9, 28))
        fw = forecast_week(s, qid, date(2026, 9, 28))
    assert date(2026, 10, 1) in fw.holidays
    per_day = [sum(x.volume for x in fw.slots[96 * k:96 * (k + 1)]) for k in range(7)]
    # the truth is 0.5 of an ordinary Thursday; without the calendar it would be close to Mon/Tue
    assert per_day[3] < 0.7 * (per_day[0] + per_day[1]) / 2


def test_a_holiday_country_without_holidays_leaves_the_day_alone(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        c = factories.center(s)
        c.holiday_country = "XX"  # unknown code: no statutory holidays, no error
        q = factories.queue(s, c, "Hotline")
        generate(s, q, date(2026, 8, 17), 42, 900, seed=11)
        qid = q.id
    with sqlite_db.session() as s:
        make_forecast(s, SCHEDULER, qid, date(2026, 9, 28))
        fw = forecast_week(s, qid, date(2026, 9, 28))
    per_day = [sum(x.volume for x in fw.slots[96 * k:96 * (k + 1)]) for k in range(7)]
    assert fw.holidays == {}
    assert per_day[3] == pytest.approx((per_day[0] + per_day[1]) / 2, rel=0.12)


def test_override_is_audited_survives_a_new_run_and_can_be_withdrawn_R_SCH_1(any_db, frozen_clock):
    sqlite_db = any_db  # both engines: one schema, one code path
    _, qid = _center_queue(any_db)
    week = date(2026, 11, 23)
    with sqlite_db.session() as s:
        generate(s, s.get(Queue, qid), date(2026, 10, 12), 35, 800)
    with sqlite_db.session() as s:
        make_forecast(s, SCHEDULER, qid, week)
    promo = datetime.combine(date(2026, 11, 25), time(0), TZ)
    with sqlite_db.session() as s:
        changes = add_override(s, SCHEDULER, qid, promo, promo + timedelta(days=1), factor=1.5,
                               reason="Double-11 style promotion")
        assert changes.names() == ["FORECAST"]
    with sqlite_db.session() as s:
        fw = forecast_week(s, qid, week)
        day = fw.slots[96 * 2:96 * 3]
        assert all(x.override_volume == pytest.approx(x.volume * 1.5, rel=1e-3) for x in day)
        assert all(x.override_reason == "Double-11 style promotion" for x in day)
        assert all(x.override_volume is None for x in fw.slots[:96 * 2] + fw.slots[96 * 3:])
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "forecast_override")).one()
        assert entry.actor == "qiang.xu" and entry.after["factor"] == 1.5
        # a fixed volume for one interval on top of it: the later adjustment wins there
        ten = datetime.combine(date(2026, 11, 25), time(10), TZ)
        add_override(s, SCHEDULER, qid, ten, ten + timedelta(minutes=15), volume=99.0, reason="TV spot")
    with sqlite_db.session() as s:
        make_forecast(s, SCHEDULER, qid, week)  # a new run keeps the adjustments
        fw = forecast_week(s, qid, week)
        assert s.scalar(select(func.count()).select_from(ForecastRun)) == 2
        assert fw.slots[96 * 2 + 40].override_volume == 99.0
        assert fw.slots[96 * 2 + 41].override_volume == pytest.approx(fw.slots[96 * 2 + 41].volume * 1.5, rel=1e-3)
        starts, vol, _ = effective_volumes(s, qid, week)
        assert vol[96 * 2 + 40] == 99.0
        first = next(o for o in fw.overrides if o.factor == 1.5)
    with sqlite_db.session() as s, pytest.raises(ConflictError):
        remove_override(s, SCHEDULER, first.id, first.version + 1)
    with sqlite_db.session() as s:
        remove_override(s, SCHEDULER, first.id, first.version)
    with sqlite_db.session() as s:
        fw = forecast_week(s, qid, week)
        assert fw.slots[96 * 2 + 41].override_volume is None
        assert fw.slots[96 * 2 + 40].override_volume == 99.0
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "forecast_override").order_by(AuditEntry.id)).all() == [
            "create", "create", "remove"]


def test_wrong_role_and_bad_input_change_nothing(sqlite_db, center_queue):
    _, qid = center_queue
    with sqlite_db.session() as s:
        generate(s, s.get(Queue, qid), date(2026, 10, 12), 35, 300)
    start = datetime.combine(date(2026, 11, 25), time(0), TZ)
    with sqlite_db.session() as s:
        with pytest.raises(PermissionDenied):
            make_forecast(s, Actor("min.deng", "supervisor"), qid, date(2026, 11, 23))
        with pytest.raises(PermissionDenied):
            add_override(s, Actor("ming.han", "manager"), qid, start, start + timedelta(hours=1), factor=2.0,
                         reason="x")
        for kwargs, message in (({"factor": 2.0, "reason": "  "}, "reason"),
                                ({"factor": -1.0, "reason": "r"}, "factor"),
                                ({"factor": 2.0, "volume": 3.0, "reason": "r"}, "either"),
                                ({"volume": -3.0, "reason": "r"}, "volume")):
            with pytest.raises(ForecastError, match=message):
                add_override(s, SCHEDULER, qid, start, start + timedelta(hours=1), **kwargs)
        with pytest.raises(ForecastError, match="ends before"):
            add_override(s, SCHEDULER, qid, start, start - timedelta(hours=1), factor=2.0, reason="r")
        with pytest.raises(ForecastError, match="Not enough history"):
            make_forecast(s, SCHEDULER, qid, date(2026, 10, 12))
    with sqlite_db.session() as s:
        assert s.scalar(select(func.count()).select_from(ForecastRun)) == 0
    assert parse_iso_week("2026-W48") == date(2026, 11, 23)
    assert parse_iso_week("2026-11-26") == date(2026, 11, 23)
    with pytest.raises(ForecastError):
        parse_iso_week("week 48")


# --- backtest ----------------------------------------------------------------------------------------

def test_backtest_scores_against_baselines_computed_by_hand(sqlite_db, center_queue):
    _, qid = center_queue
    with sqlite_db.session() as s:
        counts = generate(s, s.get(Queue, qid), date(2026, 9, 14), 56, 600, seed=5, day_noise=0.06)
    first, last = date(2026, 10, 26), date(2026, 11, 8)
    with sqlite_db.session() as s:
        r = backtest(s, [qid], first, last, interval_min=30)
    days = [first + timedelta(days=k) for k in range((last - first).days + 1)]
    actual = np.array([counts[d] for d in days])
    last_week = np.array([counts[d - timedelta(days=7)] for d in days])
    expect = np.abs(aggregate(last_week, 30) - aggregate(actual, 30)).sum() / actual.sum()
    assert r.score("same_interval_last_week", 30).wape == pytest.approx(expect, rel=1e-9)
    assert r.actual == tuple(aggregate(actual, 30).ravel().tolist())
    # the model beats both baselines on a process it can learn, and its band holds about 80 %
    assert r.score("forecast", 30).wape < r.score("same_interval_last_week", 30).wape
    assert r.score("forecast", 30).wape < r.score("weekday_mean", 30).wape
    assert r.poisson_floor < r.score("forecast", 30).wape
    assert 0.72 <= r.coverage["30"] <= 0.9
    assert len(r.days) == 14 and len(r.by_hour) == 24 and len(r.forecast) == 14 * 48
    assert sum(h.actual for h in r.by_hour) == actual.sum()


def test_backtest_refuses_bad_periods(sqlite_db, center_queue):
    _, qid = center_queue
    with sqlite_db.session() as s:
        generate(s, s.get(Queue, qid), date(2026, 10, 12), 14, 100)
    with sqlite_db.session() as s:
        with pytest.raises(BacktestError, match="before it starts"):
            backtest(s, [qid], date(2026, 10, 20), date(2026, 10, 19))
        with pytest.raises(BacktestError, match="Not enough history"):
            backtest(s, [qid], date(2026, 10, 14), date(2026, 10, 20))
        with pytest.raises(BacktestError, match="interval"):
            backtest(s, [qid], date(2026, 10, 20), date(2026, 10, 21), interval_min=25)


def test_cli_make_and_backtest(sqlite_db, center_queue, tmp_path, capsys):
    _, qid = center_queue
    with sqlite_db.session() as s:
        generate(s, s.get(Queue, qid), date(2026, 10, 12), 35, 300)
    url = str(sqlite_db.engine.url)
    assert main(["forecast", "make", "--week", "2026-W48", "--queue", "hotline", "--db", url]) == 0
    assert "Hotline" in capsys.readouterr().out
    assert main(["forecast", "backtest", "--queue", "Hotline", "--from", "2026-11-02", "--to", "2026-11-08",
                 "--json", "--db", url]) == 0
    import json

    out = json.loads(capsys.readouterr().out)
    assert set(out["scores"]) == {"forecast", "same_interval_last_week", "weekday_mean"}
    assert len(out["series"]["actual"]) == 7 * 48
    assert main(["forecast", "backtest", "--queue", "Nope", "--from", "2026-11-02", "--to", "2026-11-08",
                 "--db", url]) == 2
    assert "No queue named 'Nope'" in capsys.readouterr().err
    assert main(["forecast", "make", "--week", "someday", "--db", url]) == 2
    assert main(["forecast", "backtest", "--from", "2026-11-02", "--to", "yesterday", "--db", url]) == 2


# --- the real bank month ---------------------------------------------------------------------------

BANK = SHARED_DATA / "anonymous_bank" / "data_anonymous_bank_february.txt"


@pytest.mark.skipif(not BANK.is_file(), reason="../shared/data/anonymous_bank is not there")
def test_bank_month_last_week_meets_the_targets(sqlite_db):
    from app.imports.service import import_interactions

    import_interactions(sqlite_db, BANK, "anonymous-bank")
    with sqlite_db.session() as s:  # the center takes the country of the mapping's time zone
        assert s.scalar(select(Center.holiday_country)) == "IL"
    with sqlite_db.session() as s:
        r = backtest(s, None, date(1999, 2, 22), date(1999, 2, 28), interval_min=30)
    assert r.score("forecast", 30).wape <= 0.24
    assert r.score("same_interval_last_week", 30).wape == pytest.approx(0.28, abs=0.01)
    assert r.poisson_floor == pytest.approx(0.13, abs=0.01)
    assert 0.75 <= r.coverage["30"] <= 0.85


def test_a_closed_day_in_the_business_calendar_counts_as_a_holiday(sqlite_db, frozen_clock):
    from db.models import BusinessCalendar, CalendarDay

    with sqlite_db.session() as s:
        c = factories.center(s)
        q = factories.queue(s, c, "Hotline")
        generate(s, q, date(2026, 10, 12), 35, 600, seed=9)
        cal = BusinessCalendar(center_id=c.id, name="Office", timezone="Asia/Shanghai", holiday_country="CN",
                               opening_hours={})
        s.add(cal)
        s.flush()
        s.add(CalendarDay(calendar_id=cal.id, day=date(2026, 11, 26), is_open=False, note="Company anniversary"))
        qid = q.id
    with sqlite_db.session() as s:
        make_forecast(s, SCHEDULER, qid, date(2026, 11, 23))
        fw = forecast_week(s, qid, date(2026, 11, 23))
    assert fw.holidays == {date(2026, 11, 26): "Company anniversary"}
    per_day = [sum(x.volume for x in fw.slots[96 * k:96 * (k + 1)]) for k in range(7)]
    assert per_day[3] == pytest.approx(per_day[2] * DEFAULT_HOLIDAY_FACTOR, rel=0.15)


def test_weekly_job_forecasts_next_week_once_and_leaves_a_made_forecast_alone(sqlite_db, center_queue):
    from app.forecast.jobs import forecast_next_week
    from app.jobs.registry import get_job

    _, qid = center_queue
    with sqlite_db.session() as s:
        generate(s, s.get(Queue, qid), date(2026, 10, 12), 35, 300)
        factories.queue(s, s.get(Center, 1), "Empty queue")
    slot = datetime(2026, 11, 15, 21, 0, tzinfo=UTC)  # Monday 16 November 05:00 in Shanghai
    assert get_job("forecast_next_week").latest_slot(slot + timedelta(minutes=1), TZ) == slot
    first = forecast_next_week(sqlite_db, slot, Actor.system())
    assert first["week"] == "2026-11-23" and first["made"] == ["Hotline"]
    assert first["not_enough_history"][0].startswith("Empty queue: Not enough history")
    again = forecast_next_week(sqlite_db, slot, Actor.system())
    assert again["made"] == [] and again["already_there"] == ["Hotline"]
    with sqlite_db.session() as s:
        assert s.scalar(select(func.count()).select_from(ForecastRun)) == 1
