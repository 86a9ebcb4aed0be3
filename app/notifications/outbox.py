"""Delivering the outbox: claim with a lease, send, record every attempt, retry with back-off.

The crash story, honestly:

1. ``post()`` writes the delivery row in the event's transaction: if the event commits, the
   delivery exists (never lost); if not, it does not.
2. A worker claims due rows with one compare-and-set UPDATE (``state='queued'`` and due, or
   ``state='sending'`` with an expired lease) that sets its own name and a lease; two workers
   never both win a row while a lease holds.
3. It sends, then records the answer in one transaction per batch, only where it still holds
   the lease.
4. If the worker dies between the service accepting a message and step 3 committing, the lease
   runs out and another worker sends again: the residual window is *at least once*. Each
   delivery carries one idempotency key for all its attempts: the JSON webhook sends it as
   ``Idempotency-Key`` and e-mail as ``Message-ID``, so a receiver that honours them sees the
   message exactly once. WeCom, DingTalk, Feishu and Slack robots have no idempotency key: a
   crash inside that window (one batch, at most a few seconds) can show a message twice in
   the group. Nothing is ever lost.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, insert, or_, select, update

from app import clock
from app.changes import Changes, record
from app.notifications import channels as ch_mod
from app.notifications.secrets import open_secrets
from app.notifications.templates import render
from db.database import DESK_ID, Database
from db.models import (
    DeliveryAttempt,
    JobRun,
    Notification,
    NotificationChannel,
    NotificationDelivery,
    NotificationRecipient,
    Setting,
)

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 12  # 30 s, 1, 2, 4, 8, 16, 32 min, then hourly: about 5 h of retries in all
BASE_BACKOFF = 30.0
MAX_BACKOFF = 3600.0
LEASE_SECONDS = 60.0
BATCH = 200
THREADS = 8
SETTING_LEASE = "notify.lease_seconds"
SETTING_BACKOFF = "notify.backoff_seconds"


def backoff_seconds(attempt: int, base: float = BASE_BACKOFF) -> float:
    """Exponential back-off with ±20 % jitter, so many failed deliveries do not retry in step."""
    delay = min(MAX_BACKOFF, base * (2 ** max(0, attempt - 1)))
    return delay * random.uniform(0.8, 1.2)


@dataclass(frozen=True)
class DeliveryRun:
    claimed: int = 0
    delivered: int = 0
    retried: int = 0
    throttled: int = 0
    failed: int = 0
    lost_lease: int = 0

    def __add__(self, other: DeliveryRun) -> DeliveryRun:
        return DeliveryRun(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[int, ...]:
        return (self.claimed, self.delivered, self.retried, self.throttled, self.failed, self.lost_lease)

    def as_dict(self) -> dict[str, int]:
        return dict(zip(("claimed", "delivered", "retried", "throttled", "failed", "lost_lease"),
                        self.as_tuple(), strict=True))


KEEP_DAYS = 90
JOB_RUNS_KEEP = timedelta(days=1)


def prune(db: Database, now: datetime, *, keep_days: int = KEEP_DAYS, job_id: str | None = None) -> dict[str, int]:
    """Forget finished deliveries (and their attempts) older than ``keep_days``, and notifications
    that old unless they carry a dedupe key (those stay, so a sweep that comes back to the same
    milestone still finds it posted); and this job's own run records older than a day (it runs
    every few seconds)."""
    cutoff = now - timedelta(days=keep_days)
    with db.session() as s:
        finished = select(NotificationDelivery.id).where(
            NotificationDelivery.state.in_(("delivered", "failed")), NotificationDelivery.created_at < cutoff)
        s.execute(delete(DeliveryAttempt).where(DeliveryAttempt.delivery_id.in_(finished)))
        deliveries = s.execute(delete(NotificationDelivery).where(NotificationDelivery.id.in_(finished))).rowcount or 0
        pending = select(NotificationDelivery.notification_id)
        old = select(Notification.id).where(Notification.created_at < cutoff, Notification.dedupe_key.is_(None),
                                            Notification.id.not_in(pending))
        s.execute(delete(NotificationRecipient).where(NotificationRecipient.notification_id.in_(old)))
        gone = s.execute(delete(Notification).where(Notification.id.in_(old))).rowcount or 0
        runs = 0
        if job_id is not None:
            runs = s.execute(delete(JobRun).where(JobRun.job_id == job_id, JobRun.scheduled_for < now - JOB_RUNS_KEEP,
                                                  JobRun.outcome != "running")).rowcount or 0
    return {"deliveries_pruned": deliveries, "notifications_pruned": gone, "job_runs_pruned": runs}


def _setting(db: Database, key: str, default: float) -> float:
    with db.session() as s:
        value = s.scalar(select(Setting.value).where(Setting.key == key))
    try:
        return float(value) if value is not None else default
    except (TypeError, ValueError):
        return default


def _due_clause(now: datetime):  # noqa: ANN202
    return or_(and_(NotificationDelivery.state == "queued", NotificationDelivery.next_attempt_at <= now),
               and_(NotificationDelivery.state == "sending", NotificationDelivery.lease_until < now))


def claim(db: Database, channel_id: int, limit: int, desk: str, lease: float,
          now: datetime | None = None) -> list[int]:
    """Take up to ``limit`` due deliveries of one channel with a compare-and-set UPDATE."""
    now = now or clock.now()
    with db.session() as s:
        candidates = list(s.scalars(
            select(NotificationDelivery.id)
            .where(NotificationDelivery.channel_id == channel_id, _due_clause(now))
            .order_by(NotificationDelivery.next_attempt_at, NotificationDelivery.id).limit(limit)))
        if not candidates:
            return []
        # the WHERE is evaluated again on each row: a row another desk claimed meanwhile is skipped
        result = s.execute(
            update(NotificationDelivery)
            .where(NotificationDelivery.id.in_(candidates), _due_clause(now))
            .values(state="sending", lease_owner=desk, lease_until=now + timedelta(seconds=lease))
            .returning(NotificationDelivery.id))
        return sorted(result.scalars())


def _load_messages(db: Database, ids: list[int]) -> list[tuple[int, ch_mod.Message]]:
    with db.session() as s:
        rows = s.execute(
            select(NotificationDelivery, Notification)
            .join(Notification, Notification.id == NotificationDelivery.notification_id)
            .where(NotificationDelivery.id.in_(ids)).order_by(NotificationDelivery.id)).all()
        out = []
        for d, n in rows:
            entity = (n.entity_type, n.entity_id) if n.entity_type else None
            rendered = render(n.kind, n.params or {}, d.language, entity)
            out.append((d.id, ch_mod.Message(
                rendered, d.idempotency_key, n.id, n.kind, n.severity, n.level,
                (str(n.entity_type), str(n.entity_id)) if entity else None,
                n.created_at.isoformat(), d.language, tuple(d.to_addresses or ()))))
        return out


def _channels(db: Database) -> list[tuple[ch_mod.ChannelConfig, datetime | None]]:
    with db.session() as s:
        rows = s.execute(select(NotificationChannel).where(NotificationChannel.active.is_(True))
                         .order_by(NotificationChannel.id)).scalars().all()
        out = []
        for r in rows:
            try:
                secrets = open_secrets(r.secret_enc)
            except Exception as exc:  # noqa: BLE001 - a wrong key file: this channel waits, others go on
                log.warning("channel %s: cannot open its secrets (%s); its deliveries wait", r.name, exc)
                continue
            out.append((ch_mod.ChannelConfig(r.id, r.name, r.kind, dict(r.config or {}), secrets),
                        r.throttled_until))
        return out


def _recent_sends(db: Database, channel_id: int, now: datetime, seconds: float = 60.0) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(NotificationDelivery).where(
            NotificationDelivery.channel_id == channel_id,
            NotificationDelivery.last_attempt_at > now - timedelta(seconds=seconds))) or 0)


def _has_due(db: Database, channel_id: int, now: datetime) -> bool:
    with db.session() as s:
        return s.scalar(select(NotificationDelivery.id).where(
            NotificationDelivery.channel_id == channel_id, _due_clause(now)).limit(1)) is not None


def deliver_due(db: Database, *, desk: str = DESK_ID, max_seconds: float = 50.0,
                batch: int = BATCH, threads: int = THREADS, channel_ids: set[int] | None = None,
                on_sent: Callable[[int, ch_mod.SendResult], None] | None = None) -> DeliveryRun:
    """Deliver what is due, channel by channel within each service's rate, until nothing is due
    or ``max_seconds`` have passed. Safe to run on several desks at once."""
    started = time.monotonic()
    fixed_lease = _setting(db, SETTING_LEASE, 0.0)  # an administrator's (or a test's) fixed lease
    base = _setting(db, SETTING_BACKOFF, BASE_BACKOFF)
    total = DeliveryRun()
    pool = ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="notify-send")
    try:
        while time.monotonic() - started < max_seconds:
            progressed = False
            burst_wait = False
            for channel, throttled_until in _channels(db):
                if channel_ids is not None and channel.id not in channel_ids:
                    continue
                now = clock.now()
                if throttled_until is not None and throttled_until > now:
                    continue
                limit = batch
                if channel.rate_per_minute:
                    limit = min(limit, channel.rate_per_minute - _recent_sends(db, channel.id, now))
                burst = ch_mod.BURST_PER_SECOND.get(channel.kind)
                if burst and limit > 0:  # Feishu: 5 a second; Slack: about 1 a second
                    limit = min(limit, burst - _recent_sends(db, channel.id, now, seconds=1.0))
                    if limit <= 0 and _has_due(db, channel.id, now):
                        burst_wait = True
                if limit <= 0:
                    continue
                # the lease covers the whole batch even if every send hits its timeout
                per_thread = -(-limit // max(1, threads))
                lease = fixed_lease or max(LEASE_SECONDS, per_thread * ch_mod.TIMEOUT + 10)
                ids = claim(db, channel.id, limit, desk, lease, now)
                if not ids:
                    continue
                progressed = True
                total += _send_batch(db, pool, channel, ids, desk, base, threads, on_sent)
            if not progressed:
                before = clock.now()
                if not burst_wait or time.monotonic() - started + 1.0 >= max_seconds:
                    break
                time.sleep(1.1)  # the next second's share of a per-second limit (with a margin)
                if clock.now() <= before:
                    break  # a stopped clock (tests): the second never passes
    finally:
        pool.shutdown(wait=True)
        ch_mod.close_connections()
    if total.claimed:
        with db.session() as s:
            record(s, Changes.NOTIFICATIONS)
    return total


def _send_batch(db: Database, pool: ThreadPoolExecutor, channel: ch_mod.ChannelConfig, ids: list[int],
                desk: str, base: float, threads: int,
                on_sent: Callable[[int, ch_mod.SendResult], None] | None) -> DeliveryRun:
    messages = _load_messages(db, ids)
    sequential = channel.kind == "email" or channel.rate_per_minute > 0 or threads <= 1
    results: list[tuple[int, ch_mod.SendResult, datetime, int]] = []

    def one(item: tuple[int, ch_mod.Message]) -> tuple[int, ch_mod.SendResult, datetime, int]:
        at = clock.now()
        t0 = time.monotonic()
        result = ch_mod.send(channel, item[1])
        if on_sent is not None:
            on_sent(item[0], result)
        return item[0], result, at, int((time.monotonic() - t0) * 1000)

    if sequential:
        for item in messages:
            results.append(one(item))
            if results[-1][1].outcome == "throttled":
                break  # the service said stop: leave the rest for after the pause
    else:
        results = list(pool.map(one, messages))
    return _record(db, channel, ids, results, desk, base)


def _record(db: Database, channel: ch_mod.ChannelConfig, ids: list[int],
            results: list[tuple[int, ch_mod.SendResult, datetime, int]], desk: str, base: float) -> DeliveryRun:
    counts = {"delivered": 0, "retry": 0, "throttled": 0, "failed": 0, "lost": 0}
    now = clock.now()
    sent_ids = {r[0] for r in results}
    t = NotificationDelivery.__table__
    with db.session() as s:
        # the rows this desk still holds; a row whose lease ran out belongs to whoever took it over
        held = {d: a for d, a in s.execute(select(NotificationDelivery.id, NotificationDelivery.attempts).where(
            NotificationDelivery.id.in_(ids), NotificationDelivery.state == "sending",
            NotificationDelivery.lease_owner == desk))}
        throttle_until: datetime | None = None
        attempt_rows: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for delivery_id, result, at, ms in results:
            n = (held.get(delivery_id) or 0) + (0 if result.outcome == "throttled" else 1)
            row: dict[str, Any] = {"b_id": delivery_id, "b_attempts": n, "b_last_attempt_at": at,
                                   "b_last_status": result.status, "b_last_error": result.error,
                                   "b_delivered_at": None, "b_next_attempt_at": now}
            outcome = result.outcome
            if outcome == "delivered":
                row.update(b_state="delivered", b_delivered_at=now, b_last_error=None)
            elif outcome == "throttled":
                wait = result.retry_after or 60.0
                row.update(b_state="queued", b_next_attempt_at=now + timedelta(seconds=wait))
                throttle_until = max(throttle_until or now, now + timedelta(seconds=wait))
            elif outcome == "retry" and n < MAX_ATTEMPTS:
                row.update(b_state="queued", b_next_attempt_at=now + timedelta(seconds=backoff_seconds(n, base)))
            else:
                if outcome == "retry":
                    outcome = "failed"
                    row["b_last_error"] = f"gave up after {n} attempts: {result.error}"
                row.update(b_state="failed")
            if delivery_id in held:
                updates.append(row)
            else:
                counts["lost"] += 1  # our lease ran out and another desk took it over
            counts[outcome] += 1
            attempt_rows.append({"delivery_id": delivery_id, "at": at, "duration_ms": ms, "outcome": outcome,
                                 "status": result.status, "response": (result.response or "")[:500] or None,
                                 "error": result.error, "desk": desk})
        if updates:
            # one executemany; the WHERE still checks the lease, row by row
            s.connection().execute(
                update(t).where(t.c.id == bindparam("b_id"), t.c.state == "sending", t.c.lease_owner == desk)
                .values(state=bindparam("b_state"), attempts=bindparam("b_attempts"),
                        last_attempt_at=bindparam("b_last_attempt_at"), last_status=bindparam("b_last_status"),
                        last_error=bindparam("b_last_error"), delivered_at=bindparam("b_delivered_at"),
                        next_attempt_at=bindparam("b_next_attempt_at"), lease_owner=None, lease_until=None),
                updates)
        if attempt_rows:
            s.execute(insert(DeliveryAttempt), attempt_rows)
        # claimed but not sent (a throttle stopped the batch): back to the queue at once
        unsent = [i for i in ids if i not in sent_ids]
        if unsent:
            s.execute(update(NotificationDelivery).where(
                NotificationDelivery.id.in_(unsent), NotificationDelivery.lease_owner == desk,
                NotificationDelivery.state == "sending").values(
                state="queued", lease_owner=None, lease_until=None,
                next_attempt_at=throttle_until or now))
        if throttle_until is not None:
            s.execute(update(NotificationChannel).where(NotificationChannel.id == channel.id)
                      .values(throttled_until=throttle_until))
    return DeliveryRun(len(ids), counts["delivered"], counts["retry"], counts["throttled"], counts["failed"],
                       counts["lost"])
