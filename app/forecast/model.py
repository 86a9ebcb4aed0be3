"""The forecasting maths: pure numpy, no database.

History is a matrix ``counts[day, slot]`` of contacts per center-local day and 15-minute slot
(96 per day), with each day's *type* (its weekday 0..6, or the weekday it stands in for) and
whether it was a statutory holiday. A day's forecast is

    total  = (level + damped trend) x weekday factor [x holiday factor]
    volume = total x intraday shape (of the same weekday, shrunk towards similar days, smoothed)

- **weekday factors** from the last whole weeks before the day: each weekday's share of its
  week's mean (holidays left out);
- **level and trend**: a weighted (half-life ``half_life_days``) least-squares line through the
  deseasonalised daily totals, extrapolated with a damped trend;
- **holiday effect**: the median ratio actual/expected of the holidays in the history, else
  ``DEFAULT_HOLIDAY_FACTOR``;
- **intraday shape**: the mean share per slot of the same weekday's days (recent ones weigh
  more), shrunk towards days with a similar weekday factor, then smoothed.

**Prediction intervals.** Contacts in a slot are modelled as Poisson around the forecast times
two multiplicative errors: one shared by the whole day (``sigma_day``, the error of the day's
total) and one per slot (``sigma_slot``, the error of the shape). Both are estimated by the
method of moments from the one-day-ahead residuals of the days before the forecast (a rolling
backtest inside the history), so the band widens where the forecast has been wrong. The
volume of any span (15, 30, 60 minutes, a day) then has mean ``M`` and variance
``M + sigma_day² M² + sigma_slot² (1 + sigma_day²) Σ m_i²``, and its bounds are the quantiles
of the negative binomial with that mean and variance.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SLOTS = 96  # 15-minute intervals in a day
SLOT_MIN = 15
DEFAULT_HOLIDAY_FACTOR = 0.6  # volume on a statutory holiday when the history holds none
MIN_HISTORY_DAYS = 7
RESIDUAL_DAYS = 14  # one-day-ahead residuals used to size the prediction interval
MIN_SIGMA_DAY = 0.05
DEFAULT_SIGMA_DAY = 0.12
DEFAULT_SIGMA_SLOT = 0.25


@dataclass(frozen=True)
class ModelParams:
    half_life_days: float = 14.0
    trend_damping: float = 0.9
    shape_shrinkage: float = 5.0  # pseudo-days of similar-day shape mixed into a weekday's shape
    shape_smoothing: int = 2  # passes of a [1/4, 1/2, 1/4] filter over the shape
    level: float = 0.8  # the prediction interval: 80 %
    outlier_log_ratio: float = 0.25  # a day this far (log ratio) from its neighbours is left out

    def to_json(self) -> dict[str, float]:
        return {"half_life_days": self.half_life_days, "trend_damping": self.trend_damping,
                "shape_shrinkage": self.shape_shrinkage, "shape_smoothing": self.shape_smoothing,
                "level": self.level}


class NotEnoughHistory(ValueError):
    """Fewer than a week of history before the day to forecast."""


@dataclass(frozen=True)
class Dispersion:
    sigma_day: float
    sigma_slot: float
    residual_days: int  # how many days the estimate rests on (0: the defaults)


def _weights(n: int, half_life: float) -> np.ndarray:
    age = (n - 1 - np.arange(n)).astype(float)
    return 0.5 ** (age / half_life)


def weekday_factors(totals: np.ndarray, types: np.ndarray, holiday: np.ndarray) -> np.ndarray:
    """Each day type's share of its week's mean, averaged over the last whole weeks."""
    n = len(totals)
    sums, counts = np.zeros(7), np.zeros(7)
    for b in range(n // 7):
        sl = slice(n - 7 * (b + 1), n - 7 * b)
        t, w, h = totals[sl], types[sl], holiday[sl]
        ok = ~h
        if ok.sum() < 4 or t[ok].mean() <= 0:
            continue
        ratio = t / t[ok].mean()
        np.add.at(sums, w[ok], ratio[ok])
        np.add.at(counts, w[ok], 1)
    f = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    if np.all(np.isnan(f)):
        return np.ones(7)
    f = np.where(np.isnan(f), np.nanmean(f), f)
    mean = f.mean()
    return f / mean if mean > 0 else np.ones(7)


def unusual_days(totals: np.ndarray, types: np.ndarray, holiday: np.ndarray, f: np.ndarray,
                 threshold: float) -> np.ndarray:
    """Days whose deseasonalised total is far from the median of the fortnight around them: a
    promotion, an outage, an unlisted holiday. They would drag the level and the trend, so the
    level, trend and weekday factors leave them out (the shape keeps them)."""
    n = len(totals)
    z = totals / np.maximum(f[types], 1e-9)
    out = np.zeros(n, dtype=bool)
    for i in range(n):
        lo, hi = max(0, i - 7), min(n, i + 8)
        ref = z[lo:hi][~holiday[lo:hi]]
        if len(ref) < 5 or holiday[i]:
            continue
        med = float(np.median(ref))
        if med > 0 and z[i] > 0 and abs(np.log(z[i] / med)) > threshold:
            out[i] = True
    return out


def _smooth(shape: np.ndarray, passes: int) -> np.ndarray:
    for _ in range(passes):
        padded = np.concatenate(([shape[-1]], shape, [shape[0]]))
        shape = 0.25 * padded[:-2] + 0.5 * padded[1:-1] + 0.25 * padded[2:]
    return shape


def forecast_day(counts: np.ndarray, types: np.ndarray, holiday: np.ndarray, target_type: int,
                 target_holiday: bool = False, horizon: int = 1,
                 params: ModelParams = ModelParams()) -> np.ndarray:  # noqa: B008 - frozen dataclass
    """Expected contacts per slot of one day, ``horizon`` days after the last day of history."""
    n = len(counts)
    if n < MIN_HISTORY_DAYS:
        raise NotEnoughHistory(f"{n} days of history; at least {MIN_HISTORY_DAYS} are needed")
    totals = counts.sum(axis=1)
    f = weekday_factors(totals, types, holiday)
    unusual = holiday | unusual_days(totals, types, holiday, f, params.outlier_log_ratio)
    if unusual.any() and not np.array_equal(unusual, holiday):
        f = weekday_factors(totals, types, unusual)
    ok = ~unusual & (f[types] > 0)
    if not ok.any():
        raise NotEnoughHistory("no ordinary day in the history")
    z = np.where(ok, totals / np.maximum(f[types], 1e-9), 0.0)
    w = _weights(n, params.half_life_days) * ok
    x = np.arange(n, dtype=float)
    level = float((w * z).sum() / w.sum())
    trend = 0.0
    if ok.sum() >= 14:
        xm = float((w * x).sum() / w.sum())
        var = float((w * (x - xm) ** 2).sum())
        if var > 0:
            trend = float((w * (x - xm) * (z - level)).sum() / var)
            level = level + trend * (n - 1 - xm)
    phi = params.trend_damping
    damped = sum(phi ** i for i in range(1, horizon + 1))
    total = max(0.0, level + trend * damped) * f[target_type]
    if target_holiday:
        total *= holiday_factor(counts, types, holiday, f, z, w)

    # intraday shape
    share = counts / np.maximum(totals, 1.0)[:, None]
    base_w = _weights(n, params.half_life_days) * (totals > 0)
    same = (types == target_type) & ~holiday & (totals > 0)
    similar = (np.abs(np.log(np.maximum(f[types], 1e-9) / max(f[target_type], 1e-9))) < 0.25) & ~holiday & (totals > 0)
    if not similar.any():
        similar = totals > 0
    ws = base_w * similar
    shape_similar = (share * ws[:, None]).sum(axis=0) / max(ws.sum(), 1e-12)
    if same.any():
        wd = base_w * same
        shape_same = (share * wd[:, None]).sum(axis=0) / wd.sum()
        k = float(same.sum())
        shape = (k * shape_same + params.shape_shrinkage * shape_similar) / (k + params.shape_shrinkage)
    else:
        shape = shape_similar
    shape = _smooth(shape, params.shape_smoothing)
    s = shape.sum()
    shape = shape / s if s > 0 else np.full(counts.shape[1], 1.0 / counts.shape[1])
    return total * shape


def holiday_factor(counts: np.ndarray, types: np.ndarray, holiday: np.ndarray, f: np.ndarray,
                   z: np.ndarray, w: np.ndarray) -> float:
    """Median actual/expected of the holidays in the history; the default when there are none."""
    if not holiday.any():
        return DEFAULT_HOLIDAY_FACTOR
    level = float((w * z).sum() / max(w.sum(), 1e-12))
    if level <= 0:
        return DEFAULT_HOLIDAY_FACTOR
    totals = counts.sum(axis=1)
    ratios = [totals[i] / (level * f[types[i]]) for i in np.flatnonzero(holiday) if f[types[i]] > 0]
    return float(np.clip(np.median(ratios), 0.05, 2.0)) if ratios else DEFAULT_HOLIDAY_FACTOR


def estimate_dispersion(forecasts: np.ndarray, actuals: np.ndarray) -> Dispersion:
    """sigma_day and sigma_slot from one-day-ahead forecasts and what happened (method of moments)."""
    keep = forecasts.sum(axis=1) > 0
    forecasts, actuals = forecasts[keep], actuals[keep]
    n = len(forecasts)
    if n == 0:
        return Dispersion(DEFAULT_SIGMA_DAY, DEFAULT_SIGMA_SLOT, 0)
    ft, at = forecasts.sum(axis=1), actuals.sum(axis=1)
    day_var = float(np.mean(((at - ft) ** 2 - ft) / ft ** 2))
    ratio = at / ft
    expected = forecasts * ratio[:, None]
    num = float(((actuals - expected) ** 2 - expected).sum())
    den = float((expected ** 2).sum())
    slot_var = num / den if den > 0 else DEFAULT_SIGMA_SLOT ** 2
    # few residual days: lean on the defaults
    weight = n / (n + 3.0)
    sd2 = weight * max(day_var, MIN_SIGMA_DAY ** 2) + (1 - weight) * DEFAULT_SIGMA_DAY ** 2
    ss2 = weight * max(slot_var, 0.0) + (1 - weight) * DEFAULT_SIGMA_SLOT ** 2
    return Dispersion(float(np.sqrt(sd2)), float(np.sqrt(ss2)), n)


def span_variance(means: np.ndarray, mean_squares: np.ndarray, disp: Dispersion, horizon: int = 1) -> np.ndarray:
    """Variance of the contacts in spans with forecast ``means`` and sums of squared slot means."""
    sd2 = disp.sigma_day ** 2 * (1.0 + (horizon - 1) / 7.0)  # further ahead, the level is less sure
    ss2 = disp.sigma_slot ** 2
    return means + sd2 * means ** 2 + ss2 * (1.0 + sd2) * mean_squares


def nb_quantiles(mean: np.ndarray, variance: np.ndarray, probs: tuple[float, ...]) -> dict[float, np.ndarray]:
    """Mid-distribution quantiles of the negative binomial with this mean and variance (Poisson
    when not over-dispersed): the quantiles of ``X + U - 1/2`` with U uniform on [0, 1), so that a
    band ``[q(a), q(b)]`` holds an integer count with probability close to ``b - a`` even for small
    means (plain integer quantiles would cover far more than asked). Bounds are clipped at 0.

    The pmf comes from the recurrence ``p(k+1) = p(k) (k + r) / (k + 1) (1 - q)`` (no factorials)."""
    mean = np.asarray(mean, dtype=float)
    var = np.maximum(np.asarray(variance, dtype=float), mean * (1 + 1e-9) + 1e-12)
    out = {p: np.zeros(mean.shape) for p in probs}
    positive = mean > 0
    if not positive.any():
        return out
    m, v = mean[positive], var[positive]
    size = m * m / (v - m)  # NB "r"
    q = m / v  # success probability
    kmax = int(np.max(m + 10.0 * np.sqrt(v) + 10.0))
    pk = np.exp(size * np.log(q))
    before = np.zeros_like(m)  # P(X <= k - 1)
    found = {p: np.full(m.shape, np.nan) for p in probs}
    for k in range(kmax + 1):
        after = before + pk
        for p in probs:
            hit = np.isnan(found[p]) & (after >= p)
            if hit.any():
                found[p][hit] = k - 0.5 + (p - before[hit]) / np.maximum(pk[hit], 1e-300)
        if all(not np.isnan(found[p]).any() for p in probs):
            break
        before = after
        pk = pk * (k + size) / (k + 1) * (1.0 - q)
    for p in probs:
        r = found[p]
        r[np.isnan(r)] = kmax
        out[p][positive] = np.maximum(r, 0.0)
    return out


def interval_bounds(means: np.ndarray, mean_squares: np.ndarray, disp: Dispersion, level: float,
                    horizon: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """(lower, upper) of the central ``level`` prediction interval of each span."""
    tail = (1.0 - level) / 2.0
    q = nb_quantiles(means, span_variance(means, mean_squares, disp, horizon), (tail, 1.0 - tail))
    return q[tail], q[1.0 - tail]


def aggregate(values: np.ndarray, minutes: int) -> np.ndarray:
    """Sum slots into spans of ``minutes`` (15, 30, 60, ... up to a day) along the last axis."""
    k = minutes // SLOT_MIN
    if k < 1 or values.shape[-1] % k:
        raise ValueError(f"{minutes} minutes does not divide a day into 15-minute slots")
    return values.reshape(*values.shape[:-1], values.shape[-1] // k, k).sum(axis=-1)


def wape(forecast: np.ndarray, actual: np.ndarray) -> float:
    """Weighted absolute percentage error: sum |F - A| / sum A."""
    total = float(np.sum(actual))
    return float(np.sum(np.abs(forecast - actual)) / total) if total > 0 else float("nan")


def bias(forecast: np.ndarray, actual: np.ndarray) -> float:
    """(sum F - sum A) / sum A: positive when the forecast is too high."""
    total = float(np.sum(actual))
    return float((np.sum(forecast) - total) / total) if total > 0 else float("nan")


def poisson_floor(actual: np.ndarray) -> float:
    """The WAPE a forecast of the exact rate would still score, from Poisson noise alone:
    ``sum E|X - mu| / sum mu`` with X ~ Poisson(mu), the rate ``mu`` taken as the actual count."""
    mu = np.asarray(actual, dtype=float).ravel()
    total = mu.sum()
    if total <= 0:
        return float("nan")
    return float(sum(_poisson_mad(m) for m in mu) / total)


def _poisson_mad(mu: float) -> float:
    """E|X - mu| for X ~ Poisson(mu): 2 e^-mu mu^(floor(mu)+1) / floor(mu)! (exact)."""
    if mu <= 0:
        return 0.0
    import math

    k = math.floor(mu)
    return float(2.0 * math.exp(-mu + (k + 1) * math.log(mu) - math.lgamma(k + 1)))


# --- baselines (computed the same way: only data before the day) ------------------------------------

def baseline_last_week(counts: np.ndarray) -> np.ndarray:
    """The same slot a week before."""
    if len(counts) < 7:
        raise NotEnoughHistory("the same-interval-last-week baseline needs 7 days")
    return counts[-7].astype(float)


def baseline_weekday_mean(counts: np.ndarray, types: np.ndarray, target_type: int) -> np.ndarray:
    """The mean of the same slot on every earlier day of the same weekday."""
    same = types == target_type
    if not same.any():
        raise NotEnoughHistory("no earlier day of the same weekday")
    return counts[same].mean(axis=0)
