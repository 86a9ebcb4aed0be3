"""A `floorwalker worker` killed while it delivers: after a restart every notification reaches the
stand-in webhook exactly once (counted by idempotency key), none is lost."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.actor import Actor
from app.jobs.registry import all_jobs
from app.jobs.runner import PAUSE_KEY
from app.notifications import Recipients, post
from app.notifications import admin as nadmin
from app.notifications.fakes import FakeServer, FakeServices
from db.models import NotificationDelivery, Setting
from tests import factories as f

ROOT = Path(__file__).resolve().parents[1]
COUNT = 60


def _worker(db_url: str) -> subprocess.Popen:
    env = {**os.environ, "FLOORWALKER_NOTIFY_EVERY": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "app", "worker", "--db", db_url], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["sqlite", "postgres"])
def test_worker_killed_mid_delivery_delivers_each_notification_exactly_once(engine, request):
    db = request.getfixturevalue("sqlite_db" if engine == "sqlite" else "pg_db")
    fake = FakeServices(delay=0.05)
    with FakeServer(fake) as srv:
        with db.session() as s:
            c = f.center(s)
            p = f.person(s, c, f.team(s, c), title="supervisor")
            cid, _ = nadmin.save_channel(s, Actor.system(), channel_id=None, name="Hook", kind="webhook",
                                         config={}, secrets={"url": srv.url("/hooks/crash")})
            nadmin.save_route(s, Actor.system(), route_id=None, name="all", kinds=["*"], levels=[], channel_id=cid)
            s.add(Setting(key="notify.lease_seconds", value=2, unit="s"))
            # only the delivery job runs in these workers: the others' catch-up must not slow the test
            for job in all_jobs():
                if job.id != "notify_delivery":
                    s.add(Setting(key=PAUSE_KEY.format(job.id), value=True, unit="flag"))
        with db.session() as s:
            for n in range(COUNT):
                post(s, kind="sla.breach", params={"ref": f"C-{n}"}, recipients=Recipients(person_ids=(p.id,)),
                     entity=("complaint", n))
        first = _worker(db.url)
        try:
            deadline = time.monotonic() + 60
            while len(fake.received) < 12 and time.monotonic() < deadline:
                assert first.poll() is None, first.communicate()[1][-2000:]
                time.sleep(0.01)
            assert len(fake.received) >= 12, "the worker never started delivering"
            first.kill()  # mid-batch: some requests answered, none recorded yet
            first.communicate()
        finally:
            _stop(first)
        with db.session() as s:
            states = dict(s.execute(select(NotificationDelivery.state, func.count())
                                    .group_by(NotificationDelivery.state)).all())
        assert states.get("delivered", 0) < COUNT  # the crash really interrupted the delivery
        second = _worker(db.url)
        try:
            deadline = time.monotonic() + 60
            delivered = 0
            while delivered < COUNT and time.monotonic() < deadline:
                assert second.poll() is None, second.communicate()[1][-2000:]
                time.sleep(0.2)
                with db.session() as s:
                    delivered = s.scalar(select(func.count()).select_from(NotificationDelivery)
                                         .where(NotificationDelivery.state == "delivered"))
        finally:
            _stop(second)
        with db.session() as s:
            keys = set(s.scalars(select(NotificationDelivery.idempotency_key)))
    assert delivered == COUNT
    assert set(fake.processed_keys) == keys and all(v == 1 for v in fake.processed_keys.values())
    # the honest part: requests the crash cut off were sent again and absorbed by the key
    assert sum(fake.request_keys.values()) > COUNT
