"""`floorwalker notify test|outbox|channels|deliver`, the delivery job and the outbox's pruning."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import func, select

from app.actor import Actor
from app.cli import main
from app.notifications import Recipients, post
from app.notifications import admin as nadmin
from app.notifications.fakes import FakeServer, FakeServices
from app.notifications.outbox import prune
from db.models import JobRun, Notification, NotificationDelivery
from tests import factories as f

ADMIN = Actor.system()


def _setup(db, srv):
    with db.session() as s:
        c = f.center(s)
        p = f.person(s, c, f.team(s, c), title="supervisor")
        good, _ = nadmin.save_channel(s, ADMIN, channel_id=None, name="Jade WeCom", kind="wecom", config={},
                                      secrets={"url": srv.url("/cgi-bin/webhook/send?key=good")})
        nadmin.save_channel(s, ADMIN, channel_id=None, name="Old DingTalk", kind="dingtalk", config={},
                            secrets={"url": srv.url("/robot/send?access_token=gone")})
        nadmin.save_route(s, ADMIN, route_id=None, name="all", kinds=["*"], levels=[], channel_id=good)
        return p.id


def test_notify_test_sends_now_and_exits_by_outcome(sqlite_db, capsys):
    with FakeServer(FakeServices(tokens={"good"})) as srv:
        _setup(sqlite_db, srv)
        url = str(sqlite_db.path)
        assert main(["notify", "test", "Jade WeCom", "--db", url]) == 0
        out = capsys.readouterr().out
        assert out.startswith("Jade WeCom: delivered (HTTP/SMTP 200/0)") and '"errcode": 0' in out
        (got,) = srv.fake.accepted("wecom")
        assert got.body["text"]["content"].startswith("Floorwalker 测试消息")
        assert main(["notify", "test", "Old DingTalk", "--db", url, "--json", "--language", "en"]) == 1
        answer = json.loads(capsys.readouterr().out)
        assert answer["state"] == "failed" and answer["error"] == "300001 token is not exist"
        assert main(["notify", "test", "Nope", "--db", url]) == 2
        assert "No channel called 'Nope'. Channels: Jade WeCom, Old DingTalk" in capsys.readouterr().err


def test_notify_outbox_channels_and_deliver(sqlite_db, capsys):
    with FakeServer(FakeServices(tokens={"good"})) as srv:
        pid = _setup(sqlite_db, srv)
        with sqlite_db.session() as s:
            post(s, kind="sla.breach", params={"ref": "C-1"}, recipients=Recipients(person_ids=(pid,)))
        url = str(sqlite_db.path)
        assert main(["notify", "outbox", "--db", url, "--json"]) == 0
        out = json.loads(capsys.readouterr().out)
        assert out["counts"] == {"queued": 1, "sending": 0, "delivered": 0, "failed": 0}
        assert out["deliveries"][0]["channel"] == "Jade WeCom" and out["deliveries"][0]["title"] == "SLA breached: C-1"
        assert main(["notify", "deliver", "--db", url, "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["delivered"] == 1
        assert main(["notify", "outbox", "--db", url]) == 0
        assert capsys.readouterr().out.startswith("queued: 0  sending: 0  delivered: 1  failed: 0")
        assert main(["notify", "channels", "--db", url, "--json"]) == 0
        channels = json.loads(capsys.readouterr().out)
        assert [c["name"] for c in channels] == ["Jade WeCom", "Old DingTalk"]
        assert channels[0]["secret"].endswith(" …good")  # the host and the last four characters only
        assert "key=" not in json.dumps(channels) and "access_token" not in json.dumps(channels)


def test_the_delivery_job_is_registered_and_delivers(sqlite_db, frozen_clock):
    from app.jobs.registry import get_job
    from app.jobs.runner import JobRunner

    spec = get_job("notify_delivery")
    with FakeServer(FakeServices()) as srv:
        pid = _setup(sqlite_db, srv)
        with sqlite_db.session() as s:
            post(s, kind="sla.breach", params={"ref": "C-2"}, recipients=Recipients(person_ids=(pid,)))
        outcome = JobRunner(sqlite_db, desk="d1", jobs=[spec]).run_slot(spec.id, frozen_clock.at)
    assert outcome.ran and outcome.ok and outcome.result["delivered"] == 1


def test_prune_keeps_pending_and_deduplicated_notifications(sqlite_db, frozen_clock):
    with FakeServer(FakeServices()) as srv:
        pid = _setup(sqlite_db, srv)
        with sqlite_db.session() as s:
            post(s, kind="sla.breach", params={"ref": "old"}, recipients=Recipients(person_ids=(pid,)))
            post(s, kind="sla.breach", params={"ref": "keyed"}, recipients=Recipients(person_ids=(pid,)),
                 dedupe_key="sla:1:breach")
        from app.notifications.outbox import deliver_due

        deliver_due(sqlite_db)
        with sqlite_db.session() as s:
            post(s, kind="sla.breach", params={"ref": "queued"}, recipients=Recipients(person_ids=(pid,)))
            s.add(JobRun(job_id="notify_delivery", scheduled_for=frozen_clock.at - timedelta(days=2),
                         claimed_by="d", claimed_at=frozen_clock.at, heartbeat_at=frozen_clock.at, outcome="ok"))
    frozen_clock.advance(days=91)
    result = prune(sqlite_db, frozen_clock.at, job_id="notify_delivery")
    assert result == {"deliveries_pruned": 2, "notifications_pruned": 1, "job_runs_pruned": 1}
    with sqlite_db.session() as s:
        left = sorted(n.params["ref"] for n in s.scalars(select(Notification)))
        assert left == ["keyed", "queued"]
        assert s.scalar(select(func.count()).select_from(NotificationDelivery)) == 1


def test_bench_notify_path_delivers_each_exactly_once_at_a_small_size(sqlite_db):
    from app.bench.registry import BenchOptions, load_benchmarks
    from app.notifications.bench import _deliver_all

    assert "notify" in load_benchmarks()
    elapsed, info = _deliver_all(sqlite_db, 0.3, BenchOptions(), count=300)
    assert info["delivered"] == 300 and info["keys processed once"] == 300
    assert info["requests"] > 300  # the failures really happened and were retried


def test_fake_server_command_prints_its_urls_and_what_it_receives():
    import os
    import subprocess
    import sys
    from pathlib import Path

    from app.notifications.channels import ChannelConfig, Message, send
    from app.notifications.templates import render

    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen([sys.executable, "-m", "app", "notify", "fake-server", "--for-seconds", "2.5"], cwd=root,
                            env={**os.environ, "PYTHONPATH": str(root)}, stdout=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        assert first.startswith("stand-in services on http://127.0.0.1:")
        wecom = ""
        while not wecom:
            line = proc.stdout.readline()
            if line.strip().startswith("WeCom"):
                wecom = line.split()[-1]
        msg = Message(render("job.failed", {"job": "nightly", "slot": "02:15", "error": "disk full"}, "en"),
                      "fw-1", 1, "job.failed", "warning", 1, None, "2026-11-23T00:00:00+00:00", "en")
        assert send(ChannelConfig(1, "demo", "wecom", {}, {"url": wecom}), msg).outcome == "delivered"
        out, _ = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert "[wecom] 200 accepted:" in out and "Background job failed: nightly" in out
