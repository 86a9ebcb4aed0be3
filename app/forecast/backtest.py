"""Backtest: re-run the forecast for each day of a past period as it would have been made then
(only the data before that day), and compare with what happened and with two baselines made
the same way: the same interval last week, and the mean of the same weekday.

Scores: WAPE and bias per 15-, 30-, 60-minute interval and per day; the error by hour of day;
how often the actual fell inside the prediction interval (coverage), counted over the spans
where something was expected or happened (closed hours would flatter it).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.forecast.history import History, load_history
from app.forecast.model import (
    MIN_HISTORY_DAYS,
    RESIDUAL_DAYS,
    SLOTS,
    ModelParams,
    NotEnoughHistory,
    aggregate,
    baseline_last_week,
    baseline_weekday_mean,
    bias,
    estimate_dispersion,
    forecast_day,
    interval_bounds,
    poisson_floor,
    wape,
)
from app.i18n import N_, Message
from db.models import Queue

LOOKBACK_DAYS = 56  # each day's forecast reads at most the 8 weeks before it
METHODS = ("forecast", "same_interval_last_week", "weekday_mean")
METHOD_LABELS = {"forecast": N_("Forecast"), "same_interval_last_week": N_("Same interval last week"),
                 "weekday_mean": N_("Mean of the same weekday")}
INTERVALS = (15, 30, 60)
MAX_DAYS = 366


class BacktestError(ValueError):
    """Bad input for a backtest (the message names it)."""


@dataclass(frozen=True)
class Score:
    wape: float
    bias: float


@dataclass(frozen=True)
class DayScore:
    day: date
    actual: float
    forecast: float
    wape: float  # at the chosen interval length
    bias: float


@dataclass(frozen=True)
class HourError:
    hour: int
    actual: float
    wape: dict[str, float]  # per method
    bias: float  # of the forecast


@dataclass(frozen=True)
class BacktestResult:
    queues: tuple[str, ...]
    first_day: date
    last_day: date
    interval_min: int
    level: float
    scores: dict[str, dict[str, Score]]  # method -> "15"/"30"/"60"/"day" -> score
    coverage: dict[str, float]  # "15"/"30"/"60"/chosen/"day" -> share inside the band
    poisson_floor: float  # at the chosen interval
    days: tuple[DayScore, ...]
    by_hour: tuple[HourError, ...]
    # series at the chosen interval, day after day (len = days * 1440 / interval_min)
    actual: tuple[float, ...]
    forecast: tuple[float, ...]
    lower: tuple[float, ...]
    upper: tuple[float, ...]
    baselines: dict[str, tuple[float, ...]]
    seconds: float

    def score(self, method: str, interval: int | str | None = None) -> Score:
        return self.scores[method][str(interval if interval is not None else self.interval_min)]


def _window(h: History, i: int) -> slice:
    return slice(max(0, i - LOOKBACK_DAYS), i)


def one_step(h: History, i: int, params: ModelParams) -> np.ndarray:
    """The forecast of day index ``i`` from the days before it (NotEnoughHistory if under a week)."""
    w = _window(h, i)
    return forecast_day(h.counts[w], h.types[w], h.holiday[w], int(h.types[i]), bool(h.holiday[i]), 1, params)


def residual_days(h: History, upto: int, cache: dict[int, np.ndarray], params: ModelParams
                  ) -> tuple[np.ndarray, np.ndarray]:
    """One-day-ahead forecasts and actuals of the (up to) RESIDUAL_DAYS ordinary days before ``upto``."""
    fs, acts = [], []
    for j in range(max(MIN_HISTORY_DAYS, upto - RESIDUAL_DAYS), upto):
        if h.holiday[j]:
            continue
        if j not in cache:
            cache[j] = one_step(h, j, params)
        fs.append(cache[j])
        acts.append(h.counts[j])
    if not fs:
        return np.zeros((0, SLOTS)), np.zeros((0, SLOTS))
    return np.array(fs), np.array(acts)


def _queue_names(session: Session, queue_ids: Sequence[int] | None) -> tuple[str, ...]:
    q = select(Queue.name).order_by(Queue.name)
    if queue_ids is not None:
        q = q.where(Queue.id.in_(list(queue_ids)))
    return tuple(session.scalars(q).all())


def backtest(session: Session, queue_ids: Sequence[int] | None, first_day: date, last_day: date, *,
             interval_min: int = 30, params: ModelParams = ModelParams(),  # noqa: B008 - frozen
             progress: Callable[[int, int], None] | None = None) -> BacktestResult:
    """Backtest the queues (None: all together) over the center-local days ``first_day`` .. ``last_day``."""
    started = time.perf_counter()
    if last_day < first_day:
        raise BacktestError(Message(N_("The period ends ({to}) before it starts ({frm})"),
                                    to=last_day.isoformat(), frm=first_day.isoformat()))
    n_days = (last_day - first_day).days + 1
    if n_days > MAX_DAYS:
        raise BacktestError(Message(N_("A backtest covers at most {n} days"), n=MAX_DAYS))
    if interval_min not in (15, 30, 60, 120, 240, 1440) or 1440 % interval_min:
        raise BacktestError(Message(N_("--interval-min must be 15, 30, 60, 120, 240 or 1440, not {m}"),
                                    m=interval_min))
    hist_first = first_day - timedelta(days=LOOKBACK_DAYS + RESIDUAL_DAYS)
    h = load_history(session, queue_ids, hist_first, last_day + timedelta(days=1))
    start_idx = h.index(first_day)
    history_before = h.counts[:start_idx].sum(axis=1)
    nonzero = np.flatnonzero(history_before > 0)
    if nonzero.size == 0 or start_idx - nonzero[0] < MIN_HISTORY_DAYS:
        have = 0 if nonzero.size == 0 else start_idx - int(nonzero[0])
        raise BacktestError(Message(N_(
            "Not enough history before {day}: {have} days with contacts before it, a backtest needs {need}"),
            day=first_day.isoformat(), have=have, need=MIN_HISTORY_DAYS))
    # days before the first contact are not "zero days": leave them out of the history
    offset = int(nonzero[0])
    if offset:
        h = History(h.day(offset), h.counts[offset:], h.handle_sec[offset:], h.answered[offset:], h.types[offset:],
                    h.holiday[offset:], h.calendar)
        start_idx -= offset

    cache: dict[int, np.ndarray] = {}
    fc = np.zeros((n_days, SLOTS))
    base = {m: np.zeros((n_days, SLOTS)) for m in METHODS[1:]}
    disps = []
    for k in range(n_days):
        i = start_idx + k
        if i not in cache:
            cache[i] = one_step(h, i, params)
        fc[k] = cache[i]
        w = _window(h, i)
        base["same_interval_last_week"][k] = baseline_last_week(h.counts[w])
        base["weekday_mean"][k] = baseline_weekday_mean(h.counts[w], h.types[w], int(h.types[i]))
        f_res, a_res = residual_days(h, i, cache, params)
        disps.append(estimate_dispersion(f_res, a_res))
        if progress is not None:
            progress(k + 1, n_days)
    actual = h.counts[start_idx:start_idx + n_days]
    series = {"forecast": fc, **base}

    scores: dict[str, dict[str, Score]] = {}
    for m, values in series.items():
        scores[m] = {}
        for minutes in sorted({*INTERVALS, interval_min}):
            fa, aa = aggregate(values, minutes), aggregate(actual, minutes)
            scores[m][str(minutes)] = Score(wape(fa, aa), bias(fa, aa))
        scores[m]["day"] = Score(wape(values.sum(axis=1), actual.sum(axis=1)), bias(values, actual))

    coverage: dict[str, float] = {}
    lower_sel = upper_sel = None
    for minutes in sorted({*INTERVALS, interval_min, 1440}):
        inside = total = 0
        lows, highs = [], []
        for k in range(n_days):
            means = aggregate(fc[k], minutes)
            lo, hi = interval_bounds(means, aggregate(fc[k] ** 2, minutes), disps[k], params.level)
            act = aggregate(actual[k], minutes)
            mask = (means >= 0.5) | (act > 0)
            inside += int(((act >= lo) & (act <= hi) & mask).sum())
            total += int(mask.sum())
            lows.append(lo)
            highs.append(hi)
        key = "day" if minutes == 1440 else str(minutes)
        coverage[key] = inside / total if total else float("nan")
        if minutes == interval_min:
            lower_sel, upper_sel = np.concatenate(lows), np.concatenate(highs)

    a_sel = aggregate(actual, interval_min)
    days = []
    for k in range(n_days):
        fa = aggregate(fc[k], interval_min)
        days.append(DayScore(first_day + timedelta(days=k), float(actual[k].sum()), float(fc[k].sum()),
                             wape(fa, a_sel[k]), bias(fa, a_sel[k])))
    by_hour = []
    a_hour = aggregate(actual, 60)
    s_hour = {m: aggregate(v, 60) for m, v in series.items()}
    for hour in range(24):
        by_hour.append(HourError(hour, float(a_hour[:, hour].sum()),
                                 {m: wape(s_hour[m][:, hour], a_hour[:, hour]) for m in series},
                                 bias(s_hour["forecast"][:, hour], a_hour[:, hour])))
    assert lower_sel is not None and upper_sel is not None
    return BacktestResult(
        queues=_queue_names(session, queue_ids), first_day=first_day, last_day=last_day, interval_min=interval_min,
        level=params.level, scores=scores, coverage=coverage, poisson_floor=poisson_floor(a_sel),
        days=tuple(days), by_hour=tuple(by_hour),
        actual=tuple(a_sel.ravel().tolist()), forecast=tuple(aggregate(fc, interval_min).ravel().tolist()),
        lower=tuple(lower_sel.tolist()), upper=tuple(upper_sel.tolist()),
        baselines={m: tuple(aggregate(v, interval_min).ravel().tolist()) for m, v in base.items()},
        seconds=time.perf_counter() - started)


__all__ = ["BacktestError", "BacktestResult", "NotEnoughHistory", "backtest"]
