"""Making, reading and adjusting a queue's weekly forecast (R-SCH-1).

``make_forecast`` stores one run per queue and week: a row per quarter hour that exists on the
center's clock (672; 668 in the week summer time starts, whose skipped hour has no moment to
store) with volume, average handle time and the prediction interval. A new run of the same week
supersedes the older ones (they stay as history); readers take the newest.

Readers see the week as 672 wall-clock slots (day * 96 + quarter hour of the local time), as the
rota (``app.rota.service``) and the history do: ``forecast_week`` and ``effective_volumes`` pad
the skipped spring hour with 0 contacts (no call can arrive then; ``ForecastSlot.exists`` is
False there), and the hour repeated when summer time ends is one wall-clock slot per quarter
hour, stored at the first pass's moment, for both passes (``app.forecast.history``'s convention).

Overrides (a promotion, a holiday eve) are kept apart from runs in ``forecast_overrides``, so
they survive a re-forecast; they are applied to the newest run's intervals (``override_volume``,
``override_reason``) whenever one is added or removed and whenever a run is made. Staffing reads
the *effective* volume: the override where there is one, else the statistical volume.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.forecast.backtest import LOOKBACK_DAYS, residual_days
from app.forecast.history import (
    DEFAULT_AHT_SEC,
    History,
    handle_time_profile,
    load_history,
    local_midnight,
    slot_starts,
)
from app.forecast.model import (
    MIN_HISTORY_DAYS,
    RESIDUAL_DAYS,
    SLOTS,
    ModelParams,
    estimate_dispersion,
    forecast_day,
    interval_bounds,
)
from app.i18n import N_, Message
from app.security.permissions import require
from db.errors import ConflictError
from db.models import ForecastInterval, ForecastOverride, ForecastRun, Interaction, Queue

METHOD = "seasonal-trend-nb/1"
MAX_FACTOR = 10.0
HISTORY_WEEKS_SHOWN = 4


class ForecastError(ValueError):
    """Bad input or not enough history (the message names the queue, week or value)."""


@dataclass(frozen=True)
class QueueChoice:
    id: int
    name: str
    channel: str


@dataclass(frozen=True)
class ForecastSlot:
    start: datetime  # UTC
    volume: float  # the statistical forecast
    lower: float | None
    upper: float | None
    aht_sec: float
    override_volume: float | None
    override_reason: str | None
    agents: int | None = None  # Erlang C at the queue's service-level target, before shrinkage
    # the center-local wall-clock start (naive); forecast_week sets it on every slot
    wall: datetime | None = None
    # False: a wall-clock quarter hour that is not on the clock (the hour skipped when summer time
    # starts): 0 contacts, no stored row, no adjustment; ``start`` is then the moment the wall time
    # would be at the old offset (history.slot_starts), the same as a real slot's after the jump
    exists: bool = True

    @property
    def effective(self) -> float:
        return self.volume if self.override_volume is None else self.override_volume


@dataclass(frozen=True)
class OverrideInfo:
    id: int
    version: int
    starts_at: datetime
    ends_at: datetime
    factor: float | None
    volume: float | None
    reason: str
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class ForecastWeek:
    queue_id: int
    queue_name: str
    week_start: date
    timezone: str
    run_id: int | None  # None: no forecast made for this week yet
    made_at: datetime | None
    made_by: str | None
    params: dict
    slots: tuple[ForecastSlot, ...]
    overrides: tuple[OverrideInfo, ...]
    # the same week in earlier weeks: (week start, contacts per 15-minute slot of the week)
    history: tuple[tuple[date, tuple[float, ...]], ...]
    actual: tuple[float, ...] | None  # this week's contacts so far (a past or current week)
    holidays: dict[date, str]


@dataclass(frozen=True)
class MadeForecast:
    run_id: int
    queue_name: str
    week_start: date
    total: float
    history_days: int
    history_to: date
    changes: Changes


def queue_choices(session: Session) -> list[QueueChoice]:
    return [QueueChoice(i, n, c) for i, n, c in session.execute(
        select(Queue.id, Queue.name, Queue.channel).where(Queue.active.is_(True)).order_by(Queue.name)).all()]


def busiest_queue(session: Session, queues: list[QueueChoice]) -> int | None:
    """The phone queue (else any) with the most contacts: what a scheduler opens first."""
    if not queues:
        return None
    from sqlalchemy import func

    counts = dict(session.execute(select(Interaction.queue_id, func.count()).group_by(Interaction.queue_id)).all())
    phone = [q for q in queues if q.channel == "phone"] or queues
    return max(phone, key=lambda q: (counts.get(q.id, 0), -phone.index(q))).id


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def parse_iso_week(text: str) -> date:
    """``2026-W48`` (or any date in the week) -> the Monday."""
    s = text.strip()
    try:
        if "W" in s.upper():
            year, _, week = s.upper().partition("-W")
            return date.fromisocalendar(int(year), int(week), 1)
        return monday(date.fromisoformat(s))
    except ValueError as exc:
        raise ForecastError(N_("{text!r} is not a week: use 2026-W48 or a date in the week").format(text=text)) from exc


def _queue(session: Session, queue_id: int) -> Queue:
    q = session.get(Queue, queue_id)
    if q is None:
        raise ForecastError(N_("No queue with id {id}").format(id=queue_id))
    return q


def _week_days(week_start: date) -> list[date]:
    return [week_start + timedelta(days=i) for i in range(7)]


def _week_wall_slots(week_start: date, tz: ZoneInfo) -> tuple[list[datetime], list[datetime], list[bool]]:
    """The week's 672 wall-clock slots: UTC start (history.slot_starts), naive local wall-clock start,
    and whether the wall time is on the clock (False in the hour skipped when summer time starts)."""
    starts: list[datetime] = []
    walls: list[datetime] = []
    exists: list[bool] = []
    for day in _week_days(week_start):
        for i, start in enumerate(slot_starts(day, tz)):
            wall = datetime.combine(day, time(i // 4, (i % 4) * 15))
            starts.append(start)
            walls.append(wall)
            exists.append(start.astimezone(tz).replace(tzinfo=None) == wall)
    return starts, walls, exists


def _wall_index(moment: datetime, week_start: date, tz: ZoneInfo) -> int:
    """The wall-clock slot of a moment in the week (the rota's ``wall_slot``; outside: <0 or >=672)."""
    local = moment.astimezone(tz)
    return (local.date() - week_start).days * SLOTS + (local.hour * 60 + local.minute) // 15


def _wall_rows(rows: Sequence, week_start: date, tz: ZoneInfo) -> list:
    """The stored rows (ordered by start) put in the week's 672 wall-clock slots: None where no row
    is (the skipped spring hour). A row per wall-clock slot, as make_forecast stores them; a second
    row in one slot (a moment of the repeated autumn hour's second pass, which make_forecast does not
    store) is left out, as the rota leaves it out."""
    out: list = [None] * (7 * SLOTS)
    for r in rows:
        k = _wall_index(r.interval_start, week_start, tz)
        if 0 <= k < len(out) and out[k] is None:
            out[k] = r
    return out


def compute_week(h: History, week_start: date, params: ModelParams = ModelParams()  # noqa: B008
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int, date]:
    """(volume, lower, upper, aht) per day and slot of the week (7, 96), the days of history used and
    the last of them.

    ``h`` ends at the last day the forecast may read (the day before the week, or yesterday)."""
    nonzero = np.flatnonzero(h.counts.sum(axis=1) > 0)
    # the history runs from the first to the last day with contacts: days after the last one are
    # missing data (an import that ends early), not days without calls
    n = int(nonzero[-1]) + 1 if nonzero.size else 0
    first = int(nonzero[0]) if nonzero.size else 0
    used = n - first
    if used < MIN_HISTORY_DAYS:
        raise ForecastError(Message(N_("Not enough history: {have} days with contacts before the week, "
                                       "a forecast needs {need}"), have=max(used, 0), need=MIN_HISTORY_DAYS))
    lo = max(first, n - LOOKBACK_DAYS)
    window = slice(lo, n)
    trimmed = History(h.day(first), h.counts[first:n], h.handle_sec[first:n], h.answered[first:n],
                      h.types[first:n], h.holiday[first:n], h.calendar)
    cache: dict[int, np.ndarray] = {}
    f_res, a_res = residual_days(trimmed, trimmed.days, cache, params)
    disp = estimate_dispersion(f_res, a_res)
    vol = np.zeros((7, SLOTS))
    low = np.zeros((7, SLOTS))
    high = np.zeros((7, SLOTS))
    aht = np.zeros((7, SLOTS))
    cal = h.calendar
    last_day = h.day(n - 1)
    for k, day in enumerate(_week_days(week_start)):
        horizon = (day - last_day).days
        t = cal.day_type(day)
        vol[k] = forecast_day(h.counts[window], h.types[window], h.holiday[window], t, cal.is_holiday(day),
                              max(1, horizon), params)
        low[k], high[k] = interval_bounds(vol[k], vol[k] ** 2, disp, params.level, max(1, horizon))
        aht[k] = handle_time_profile(h, n, t)
    # the wall-clock quarter hours skipped when summer time starts get no contacts (nothing is stored
    # for them; readers show 0 there and the week's total leaves them out)
    _starts, _walls, exists = _week_wall_slots(week_start, cal.tz)
    gap = ~np.array(exists).reshape(7, SLOTS)
    vol[gap] = low[gap] = high[gap] = 0.0
    return vol, low, high, aht, used, last_day


def make_forecast(session: Session, actor: Actor, queue_id: int, week_start: date, *,
                  params: ModelParams = ModelParams(),  # noqa: B008 - frozen
                  progress: Callable[[str], None] | None = None) -> MadeForecast:
    """Forecast a queue's week from its history and store it as a new run (audited)."""
    require(actor, "rota.edit")
    q = _queue(session, queue_id)
    week_start = monday(week_start)
    today = clock.now()
    # the forecast reads whole days before the week, and never today's partial day
    cal_probe = load_history(session, [queue_id], week_start, week_start)
    tz = cal_probe.calendar.tz
    local_today = today.astimezone(tz).date()
    end = min(week_start, local_today)
    first = end - timedelta(days=LOOKBACK_DAYS + RESIDUAL_DAYS)
    if progress:
        progress(N_("Reading the history of {queue}").format(queue=q.name))
    h = load_history(session, [queue_id], first, end, calendar_to=week_start + timedelta(days=7))
    try:
        vol, low, high, aht, used, last_day = compute_week(h, week_start, params)
    except ForecastError as exc:
        raise ForecastError(f"{q.name}: {exc}") from exc
    if progress:
        progress(N_("Saving the forecast of {queue}").format(queue=q.name))
    run = ForecastRun(queue_id=queue_id, week_start=week_start, method=METHOD,
                      params={**params.to_json(), "history_from": (last_day - timedelta(days=used - 1)).isoformat(),
                              "history_to": last_day.isoformat(), "timezone": h.calendar.timezone},
                      created_at=clock.now(), created_by=actor.username)
    session.add(run)
    session.flush()
    rows = []
    seen: set[datetime] = set()
    for k, day in enumerate(_week_days(week_start)):
        for i, start in enumerate(slot_starts(day, tz)):
            local = start.astimezone(tz)
            if (local.hour * 60 + local.minute) // 15 != i:  # the hour skipped when clocks go forward
                continue  # (its wall-clock times do not exist; they would take the next hour's row)
            if start in seen:
                continue
            seen.add(start)
            rows.append({"run_id": run.id, "interval_start": start, "volume": round(float(vol[k, i]), 4),
                         "aht_sec": round(float(aht[k, i]), 2), "lower": round(float(low[k, i]), 3),
                         "upper": round(float(high[k, i]), 3), "version": 1})
    session.execute(ForecastInterval.__table__.insert(), rows)
    _apply_overrides(session, run)
    total = float(vol.sum())
    audit.record(session, actor, "create", "forecast_run", run.id, after={
        "queue": q.name, "week_start": week_start.isoformat(), "method": METHOD, "intervals": len(rows),
        "volume": round(total, 1), "history_days": used})
    changes = record(session, Changes.FORECAST)
    return MadeForecast(run.id, q.name, week_start, total, used, last_day, changes)


def latest_run(session: Session, queue_id: int, week_start: date) -> ForecastRun | None:
    return session.scalars(select(ForecastRun).where(
        ForecastRun.queue_id == queue_id, ForecastRun.week_start == week_start)
        .order_by(ForecastRun.id.desc()).limit(1)).first()


def _active_overrides(session: Session, queue_id: int, start: datetime, end: datetime) -> list[ForecastOverride]:
    return list(session.scalars(select(ForecastOverride).where(
        ForecastOverride.queue_id == queue_id, ForecastOverride.removed_at.is_(None),
        ForecastOverride.starts_at < end, ForecastOverride.ends_at > start).order_by(ForecastOverride.id)).all())


def _week_span(session: Session, week_start: date) -> tuple[datetime, datetime]:
    tz = load_history(session, [], week_start, week_start).calendar.tz
    return local_midnight(week_start, tz), local_midnight(week_start + timedelta(days=7), tz)


def _apply_overrides(session: Session, run: ForecastRun) -> None:
    """Recompute override_volume/override_reason of every interval of ``run`` from the active overrides."""
    start, end = _week_span(session, run.week_start)
    overrides = _active_overrides(session, run.queue_id, start, end)
    intervals = session.scalars(select(ForecastInterval).where(ForecastInterval.run_id == run.id)).all()
    for iv in intervals:
        t = iv.interval_start
        value: float | None = None
        reasons = []
        for o in overrides:
            if o.starts_at <= t < o.ends_at:
                base = iv.volume if value is None else value
                value = o.volume if o.volume is not None else base * (o.factor or 1.0)
                reasons.append(o.reason)
        new_reason = "; ".join(reasons)[:200] if reasons else None
        new_value = None if value is None else round(value, 4)
        if iv.override_volume != new_value or iv.override_reason != new_reason:
            iv.override_volume, iv.override_reason = new_value, new_reason
    session.flush()


def _override_info(o: ForecastOverride) -> OverrideInfo:
    return OverrideInfo(o.id, o.version, o.starts_at, o.ends_at, o.factor, o.volume, o.reason, o.created_by,
                        o.created_at)


def add_override(session: Session, actor: Actor, queue_id: int, starts_at: datetime, ends_at: datetime, *,
                 reason: str, factor: float | None = None, volume: float | None = None) -> Changes:
    """Adjust a queue's forecast between two moments (aware datetimes): multiply it by ``factor``
    or set ``volume`` calls per 15 minutes. Audited; applied to every run of the weeks it touches."""
    require(actor, "rota.edit")
    q = _queue(session, queue_id)
    reason = (reason or "").strip()
    if not reason:
        raise ForecastError(N_("Give a reason for the adjustment (e.g. a promotion or a holiday eve)"))
    if len(reason) > 200:
        raise ForecastError(N_("The reason has at most 200 characters"))
    if (factor is None) == (volume is None):
        raise ForecastError(N_("Give either a factor or a volume"))
    if factor is not None and not (0 <= factor <= MAX_FACTOR) or factor is not None and factor != factor:
        raise ForecastError(N_("The factor must be between 0 and {max}").format(max=MAX_FACTOR))
    if volume is not None and not (0 <= volume < 1e6):
        raise ForecastError(N_("The volume must be 0 or more calls per 15 minutes"))
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise ForecastError(N_("The adjustment's times need a time zone"))
    starts_at, ends_at = starts_at.astimezone(UTC), ends_at.astimezone(UTC)
    if ends_at <= starts_at:
        raise ForecastError(N_("The adjustment ends before it starts"))
    if ends_at - starts_at > timedelta(days=31):
        raise ForecastError(N_("An adjustment covers at most 31 days"))
    o = ForecastOverride(queue_id=queue_id, starts_at=starts_at, ends_at=ends_at, factor=factor, volume=volume,
                         reason=reason, created_by=actor.username, created_at=clock.now())
    session.add(o)
    session.flush()
    _reapply(session, queue_id, starts_at, ends_at)
    audit.record(session, actor, "create", "forecast_override", o.id, after={
        "queue": q.name, "starts_at": starts_at, "ends_at": ends_at, "factor": factor, "volume": volume,
        "reason": reason})
    return record(session, Changes.FORECAST)


def remove_override(session: Session, actor: Actor, override_id: int, expected_version: int) -> Changes:
    """Withdraw an adjustment (kept, marked removed; audited)."""
    require(actor, "rota.edit")
    o = session.get(ForecastOverride, override_id, populate_existing=True)
    if o is None or o.removed_at is not None:
        raise ForecastError(N_("This adjustment was already removed"))
    if o.version != expected_version:
        raise ConflictError(f"Another desk changed this adjustment (version {o.version}) after you opened it "
                            f"(version {expected_version}).", "forecast_override", override_id,
                            mine={"removed": True}, theirs={"reason": o.reason, "version": o.version})
    o.removed_by, o.removed_at = actor.username, clock.now()
    session.flush()
    _reapply(session, o.queue_id, o.starts_at, o.ends_at)
    audit.record(session, actor, "remove", "forecast_override", o.id,
                 before={"reason": o.reason, "factor": o.factor, "volume": o.volume,
                         "starts_at": o.starts_at, "ends_at": o.ends_at})
    return record(session, Changes.FORECAST)


def _reapply(session: Session, queue_id: int, start: datetime, end: datetime) -> None:
    """Apply the overrides to the newest run of every week the span touches."""
    weeks = {monday(start.date()) + timedelta(days=7 * k) for k in range(-1, (end - start).days // 7 + 2)}
    for week in sorted(weeks):
        run = latest_run(session, queue_id, week)
        if run is not None:
            _apply_overrides(session, run)


def forecast_week(session: Session, queue_id: int, week_start: date,
                  history_weeks: int = HISTORY_WEEKS_SHOWN) -> ForecastWeek:
    """The newest forecast of a queue's week with its overrides, and the same weeks of history."""
    q = _queue(session, queue_id)
    week_start = monday(week_start)
    first = week_start - timedelta(days=7 * history_weeks)
    h = load_history(session, [queue_id], first, week_start + timedelta(days=7))
    tz = h.calendar.tz
    run = latest_run(session, queue_id, week_start)
    slots: tuple[ForecastSlot, ...] = ()
    if run is not None:
        rows = session.scalars(select(ForecastInterval).where(ForecastInterval.run_id == run.id)
                               .order_by(ForecastInterval.interval_start, ForecastInterval.id)).all()
        starts, walls, exists = _week_wall_slots(week_start, tz)
        placed = _wall_rows(rows, week_start, tz)
        by_start = {r.interval_start.astimezone(UTC): r for r in rows}
        built = []
        for start, wall, real, r in zip(starts, walls, exists, placed, strict=True):
            if r is None:  # the skipped spring hour (or a row missing): no contacts
                near = by_start.get(start)  # a skipped slot's start is the real slot's after the jump
                aht = near.aht_sec if near is not None else DEFAULT_AHT_SEC
                built.append(ForecastSlot(start, 0.0, 0.0, 0.0, aht, None, None, wall=wall, exists=real))
            else:
                built.append(ForecastSlot(r.interval_start, r.volume, r.lower, r.upper, r.aht_sec, r.override_volume,
                                          r.override_reason, wall=wall, exists=real))
        agents = _agents(q, [x.effective for x in built], [x.aht_sec for x in built])
        slots = tuple(replace(x, agents=a) for x, a in zip(built, agents, strict=True))
    start, end = local_midnight(week_start, tz), local_midnight(week_start + timedelta(days=7), tz)
    overrides = tuple(_override_info(o) for o in _active_overrides(session, queue_id, start, end))
    history = []
    for w in range(history_weeks, 0, -1):
        block = h.counts[7 * (history_weeks - w):7 * (history_weeks - w + 1)]
        if block.sum() > 0:
            history.append((week_start - timedelta(days=7 * w), tuple(block.ravel().tolist())))
    this_week = h.counts[7 * history_weeks:]
    now_local = clock.now().astimezone(tz).date()
    actual = tuple(this_week.ravel().tolist()) if week_start <= now_local and this_week.sum() > 0 else None
    holidays = {d: n for d, n in h.calendar.holidays.items() if week_start <= d < week_start + timedelta(days=7)}
    return ForecastWeek(q.id, q.name, week_start, h.calendar.timezone, run.id if run else None,
                        run.created_at if run else None, run.created_by if run else None,
                        dict(run.params or {}) if run else {}, slots, overrides, tuple(history), actual, holidays)


def _agents(q: Queue, volumes: list[float], aht: list[float]) -> list[int | None]:
    """Agents on the phones per interval by Erlang C at the queue's target (e.g. 80 % in 30 s)."""
    if not volumes:
        return []
    from app.staffing.erlang import StaffingInputError, staff_week

    try:
        week = staff_week(np.array(volumes), np.maximum(np.array(aht), 1.0), 15.0,
                          float(q.target_service_level or 0.8), float(q.target_answer_sec or 30))
    except StaffingInputError:
        return [None] * len(volumes)
    return [int(a) for a in week.agents]


def effective_volumes(session: Session, queue_id: int, week_start: date
                      ) -> tuple[tuple[datetime, ...], np.ndarray, np.ndarray] | None:
    """For staffing: (interval starts UTC, effective volume, AHT s) of the newest run in the week's
    672 wall-clock slots (the rota's), or None. The skipped spring hour has volume 0 (its starts
    are history.slot_starts', the same as the real slots' after the jump)."""
    week_start = monday(week_start)
    run = latest_run(session, queue_id, week_start)
    if run is None:
        return None
    rows = session.execute(select(ForecastInterval.interval_start, ForecastInterval.volume,
                                  ForecastInterval.override_volume, ForecastInterval.aht_sec)
                           .where(ForecastInterval.run_id == run.id)
                           .order_by(ForecastInterval.interval_start, ForecastInterval.id)).all()
    tz = load_history(session, [], week_start, week_start).calendar.tz
    starts, _walls, _exists = _week_wall_slots(week_start, tz)
    placed = _wall_rows(rows, week_start, tz)
    vol = np.array([0.0 if r is None else (r[1] if r[2] is None else r[2]) for r in placed], dtype=float)
    aht = np.array([DEFAULT_AHT_SEC if r is None else r[3] for r in placed], dtype=float)
    return tuple(starts), vol, aht


def prune_runs(session: Session, queue_id: int, week_start: date, keep: int = 5) -> int:
    """Drop all but the newest ``keep`` runs of a queue's week (their intervals go with them)."""
    ids = session.scalars(select(ForecastRun.id).where(ForecastRun.queue_id == queue_id,
                                                       ForecastRun.week_start == week_start)
                          .order_by(ForecastRun.id.desc())).all()
    old = ids[keep:]
    if old:
        session.execute(delete(ForecastInterval).where(ForecastInterval.run_id.in_(old)))
        session.execute(delete(ForecastRun).where(ForecastRun.id.in_(old)))
    return len(old)


def make_week(session: Session, actor: Actor, week_start: date, queue_ids: Sequence[int] | None = None,
              progress: Callable[[str], None] | None = None) -> list[MadeForecast]:
    """Forecast every active queue (or the given ones) for a week, in one transaction."""
    ids = list(queue_ids) if queue_ids is not None else [c.id for c in queue_choices(session)]
    if not ids:
        raise ForecastError(N_("There is no queue to forecast"))
    out = []
    for qid in ids:
        out.append(make_forecast(session, actor, qid, week_start, progress=progress))
        prune_runs(session, qid, monday(week_start))
    return out
