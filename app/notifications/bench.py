"""``floorwalker bench notify``: 10,000 queued notifications delivered to a loopback webhook.

Three measurements in one run, each on a fresh SQLite file and a fresh stand-in server:

- *HTTP only* (baseline): the same 10,000 POSTs straight to the server, no database.
- *deliver 10,000*: the outbox delivers 10,000 queued notifications (target < 30 s).
- *deliver, 30 % failing*: the server answers 30 % of requests with HTTP 500 at random; the
  outbox retries (back-off shortened to 10 ms) until every one is delivered. The server counts
  processed requests by idempotency key: the run fails unless each of the 10,000 keys was
  processed exactly once.
"""

from __future__ import annotations

import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from app.bench.registry import (
    BenchError,
    BenchOptions,
    BenchResult,
    Measurement,
    benchmark,
    repeat_of,
)

COUNT = 10_000
TARGET_SEC = 30.0


def _queue(db, url: str, count: int) -> None:  # noqa: ANN001
    from sqlalchemy import insert

    from app import clock
    from app.actor import Actor
    from app.notifications import admin
    from app.notifications.service import new_idempotency_key
    from db.models import Notification, NotificationDelivery

    actor = Actor.system()
    with db.session() as s:
        cid, _ = admin.save_channel(s, actor, channel_id=None, name="bench", kind="webhook", config={},
                                    secrets={"url": url})
    now = clock.now()
    step = 2000
    for start in range(0, count, step):
        n = min(step, count - start)
        with db.session() as s:
            ids = list(s.execute(insert(Notification).returning(Notification.id), [
                {"kind": "sla.breach", "severity": "warning", "level": 2,
                 "params": {"ref": f"C-{start + i}", "clock": "resolution"}, "entity_type": "complaint",
                 "entity_id": str(start + i), "created_at": now} for i in range(n)]).scalars())
            s.execute(insert(NotificationDelivery), [
                {"notification_id": nid, "channel_id": cid, "language": "zh_CN", "state": "queued",
                 "idempotency_key": new_idempotency_key(), "attempts": 0, "next_attempt_at": now,
                 "created_at": now} for nid in ids])


def _deliver_all(db, fail_ratio: float, options: BenchOptions,  # noqa: ANN001
                 count: int = COUNT) -> tuple[float, dict[str, int]]:
    from sqlalchemy import func, select

    from app.notifications.fakes import FakeServer, FakeServices
    from app.notifications.outbox import deliver_due
    from db.models import NotificationDelivery, Setting

    fake = FakeServices(fail_ratio=fail_ratio, seed=20261123)
    with FakeServer(fake) as srv:
        _queue(db, srv.url("/hooks/bench"), count)
        with db.session() as s:
            s.add(Setting(key="notify.backoff_seconds", value=0.01, unit="s"))
        start = time.perf_counter()
        runs = 0
        while True:
            runs += 1
            deliver_due(db, max_seconds=120, batch=500, threads=8)
            with db.session() as s:
                left = s.scalar(select(func.count()).select_from(NotificationDelivery)
                                .where(NotificationDelivery.state.in_(("queued", "sending"))))
            if not left or time.perf_counter() - start > 300:
                break
            time.sleep(0.02)
        elapsed = time.perf_counter() - start
        with db.session() as s:
            states = dict(s.execute(select(NotificationDelivery.state, func.count())
                                    .group_by(NotificationDelivery.state)).all())
        processed = dict(fake.processed_keys)
        requests = sum(fake.request_keys.values())
    once = sum(1 for v in processed.values() if v == 1)
    info = {"delivered": int(states.get("delivered", 0)), "failed": int(states.get("failed", 0)),
            "keys processed once": once, "keys processed twice or more": sum(1 for v in processed.values() if v > 1),
            "requests": requests, "runs": runs}
    if info["delivered"] != count or once != count or info["keys processed twice or more"]:
        raise BenchError(f"not exactly once (fail ratio {fail_ratio:.0%}): {info}")
    options.say(f"  {fail_ratio:.0%} failing: {elapsed:.2f} s, {requests:,} requests")
    return elapsed, info


def _http_only(url: str) -> float:
    import json

    from app.notifications.channels import close_connections, http_post

    body = json.dumps({"kind": "sla.breach", "title": "x", "text": "y"}).encode()
    start = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: http_post(url, body, {"Idempotency-Key": f"b-{i}"}), range(COUNT)))
    close_connections()
    return time.perf_counter() - start


@benchmark("notify", "10,000 queued notifications delivered to a loopback webhook (target < 30 s), and with "
           "30 % of requests failing, each delivered exactly once; baseline: the same POSTs without the outbox",
           default_repeat=1)
def notify_bench(options: BenchOptions) -> BenchResult:
    from app.bootstrap import open_database
    from app.notifications.fakes import FakeServer

    http: list[float] = []
    clean: list[float] = []
    flaky: list[float] = []
    info: dict[str, object] = {}
    for run in range(repeat_of(options, "notify")):
        options.say(f"run {run + 1}: HTTP only…")
        with FakeServer() as srv:
            http.append(_http_only(srv.url("/hooks/baseline")))
        for ratio, sink in ((0.0, clean), (0.3, flaky)):
            with tempfile.TemporaryDirectory(prefix="fw-bench-notify-") as tmp:
                db = open_database(str(Path(tmp) / "notify.db")).db
                try:
                    options.say(f"run {run + 1}: outbox, {ratio:.0%} failing…")
                    elapsed, got = _deliver_all(db, ratio, options)
                finally:
                    db.dispose()
            sink.append(elapsed)
            info.update({f"{k} ({ratio:.0%} failing)": v for k, v in got.items()})
    return BenchResult("notify", (
        Measurement("HTTP only", tuple(http), note=f"{COUNT:,} POSTs, 8 threads, no database"),
        Measurement("deliver 10,000", tuple(clean), baseline="HTTP only", target=TARGET_SEC,
                    note="SQLite, leased batches of 500, 8 sending threads"),
        Measurement("deliver, 30 % failing", tuple(flaky), baseline="HTTP only", target=TARGET_SEC,
                    note="random HTTP 500s, retried until delivered; exactly once by idempotency key"),
    ), info={k: (f"{v:,}" if isinstance(v, int) else v) for k, v in info.items()})
