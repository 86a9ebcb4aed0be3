"""Delivering the outbox to local stand-ins of WeCom, DingTalk, Feishu, Slack, a JSON webhook and
an SMTP server (aiosmtpd), all on loopback: formats, signatures, errors, rate limits, retries,
leases, resend and secrets."""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
import ssl
import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.actor import Actor
from app.notifications import Recipients, post_returning_id
from app.notifications import admin as nadmin
from app.notifications.channels import dingtalk_signed_url, feishu_sign
from app.notifications.fakes import FakeServer, FakeServices
from app.notifications.outbox import MAX_ATTEMPTS, claim, deliver_due
from app.security.permissions import PermissionDenied
from db.models import DeliveryAttempt, NotificationChannel, NotificationDelivery, Setting
from tests import factories as f

ADMIN = Actor("junjie.guo", "administrator")


@pytest.fixture
def server():
    with FakeServer(FakeServices(seed=7)) as srv:
        yield srv


def _org(db):
    with db.session() as s:
        c = f.center(s)
        t = f.team(s, c, "Jade")
        sup = f.person(s, c, t, name="Deng Min", title="supervisor")
        sup.email = "min.deng@example.test"
        t.supervisor_id = sup.id
        s.flush()
        return {"team": t.id, "sup": sup.id}


def _channel(db, name, kind, secrets=None, **config):
    with db.session() as s:
        cid, _ = nadmin.save_channel(s, ADMIN, channel_id=None, name=name, kind=kind, config=config,
                                     secrets=secrets or {})
    return cid


def _route(db, name, channel_id, **kw):
    with db.session() as s:
        rid, _ = nadmin.save_route(s, ADMIN, route_id=None, name=name, kinds=kw.pop("kinds", ["*"]),
                                   levels=kw.pop("levels", []), channel_id=channel_id, **kw)
    return rid


def _post(db, ids, ref="C-1", kind="sla.breach", **kw):
    params = kw.pop("params", {"ref": ref, "clock": "resolution", "deadline": "10:30", "owner": "Li N*",
                               "team": "Jade"})
    with db.session() as s:
        nid, _ = post_returning_id(s, kind=kind, params=params, entity=("complaint", 42),
                                   recipients=Recipients(person_ids=(ids["sup"],)), **kw)
    return nid


def _deliveries(db):
    with db.session() as s:
        return {d.channel_id: d for d in s.scalars(select(NotificationDelivery))}


def _delivery(db, channel_id):
    with db.session() as s:
        return s.scalars(select(NotificationDelivery).where(NotificationDelivery.channel_id == channel_id)
                         .order_by(NotificationDelivery.id)).all()


def test_each_service_gets_its_documented_request_in_its_language(sqlite_db, server):
    ids = _org(sqlite_db)
    server.fake.signing = {"ding-tok": "SECdingsecret", "lark-tok": "larksecret"}
    wecom = _channel(sqlite_db, "Jade WeCom", "wecom", {"url": server.url("/cgi-bin/webhook/send?key=wk-1")})
    ding = _channel(sqlite_db, "Jade DingTalk", "dingtalk",
                    {"url": server.url("/robot/send?access_token=ding-tok"), "secret": "SECdingsecret"})
    lark = _channel(sqlite_db, "Jade Feishu", "feishu",
                    {"url": server.url("/open-apis/bot/v2/hook/lark-tok"), "secret": "larksecret"})
    slack = _channel(sqlite_db, "Ops Slack", "slack", {"url": server.url("/services/T1/B1/xyz")})
    hook = _channel(sqlite_db, "Ticketing", "webhook", {"url": server.url("/hooks/fw")})
    for cid, lang in ((wecom, "zh_CN"), (ding, "zh_CN"), (lark, "zh_CN"), (slack, "en"), (hook, "en")):
        _route(sqlite_db, f"r{cid}", cid, language=lang)
    nid = _post(sqlite_db, ids, "C-1")
    run = deliver_due(sqlite_db)
    assert run.delivered == 5 and run.failed == 0
    got = {r.service: r for r in server.fake.accepted()}
    assert set(got) == {"wecom", "dingtalk", "feishu", "slack", "webhook"}
    assert got["wecom"].body["msgtype"] == "text"
    assert got["wecom"].body["text"]["content"].startswith("SLA 超时：C-1\n")
    assert "投诉 #42: floorwalker://open/complaint/42" in got["wecom"].body["text"]["content"]
    assert got["dingtalk"].body["text"]["content"].startswith("SLA 超时：C-1")
    assert got["feishu"].body["msg_type"] == "text" and "sign" in got["feishu"].body
    assert got["slack"].body["text"].startswith("*SLA breached: C-1*")
    assert got["webhook"].body["notification_id"] == nid and got["webhook"].body["kind"] == "sla.breach"
    assert got["webhook"].headers["idempotency-key"] == got["webhook"].body["id"]
    states = {d.state for d in _deliveries(sqlite_db).values()}
    assert states == {"delivered"}


def test_signatures_follow_the_documented_algorithms():
    # DingTalk: urlencode(base64(HMAC-SHA256(secret, "<ms>\n<secret>"))) on the query
    url = dingtalk_signed_url("https://oapi.dingtalk.com/robot/send?access_token=T", "this is secret",
                              now_ms=1577262236757)
    assert url.startswith("https://oapi.dingtalk.com/robot/send?access_token=T&timestamp=1577262236757&sign=")
    import base64
    import hashlib
    import hmac
    import urllib.parse

    sign = urllib.parse.unquote_plus(url.rsplit("sign=", 1)[1])
    expected = base64.b64encode(hmac.new(b"this is secret", b"1577262236757\nthis is secret", hashlib.sha256).digest())
    assert sign == expected.decode()
    # Feishu: base64(HMAC-SHA256(key="<s>\n<secret>", msg=""))
    assert feishu_sign("demo", 1599360473) == base64.b64encode(
        hmac.new(b"1599360473\ndemo", b"", hashlib.sha256).digest()).decode()


def test_revoked_tokens_and_bad_signatures_fail_with_the_services_own_error(sqlite_db, server):
    ids = _org(sqlite_db)
    server.fake.tokens = {"good-key", "ding-ok"}
    server.fake.signing = {"ding-ok": "SECright"}
    bad_wecom = _channel(sqlite_db, "Old WeCom", "wecom", {"url": server.url("/cgi-bin/webhook/send?key=revoked")})
    bad_ding = _channel(sqlite_db, "Old DingTalk", "dingtalk", {"url": server.url("/robot/send?access_token=gone")})
    bad_sign = _channel(sqlite_db, "Mis-signed", "dingtalk",
                        {"url": server.url("/robot/send?access_token=ding-ok"), "secret": "SECwrong"})
    bad_lark = _channel(sqlite_db, "Old Feishu", "feishu", {"url": server.url("/open-apis/bot/v2/hook/gone")})
    bad_slack = _channel(sqlite_db, "Old Slack", "slack", {"url": server.url("/services/T/B/gone")})
    good = _channel(sqlite_db, "Good WeCom", "wecom", {"url": server.url("/cgi-bin/webhook/send?key=good-key")})
    for cid in (bad_wecom, bad_ding, bad_sign, bad_lark, bad_slack, good):
        _route(sqlite_db, f"r{cid}", cid)
    _post(sqlite_db, ids)
    run = deliver_due(sqlite_db)
    assert (run.delivered, run.failed) == (1, 5)
    d = _deliveries(sqlite_db)
    assert d[good].state == "delivered"
    assert d[bad_wecom].state == "failed" and d[bad_wecom].last_error.startswith("93000 invalid webhook url")
    assert d[bad_ding].last_error == "300001 token is not exist"
    assert d[bad_sign].last_error.startswith("310000 sign not match")
    assert d[bad_lark].last_error.startswith("19001 param invalid")
    assert (d[bad_slack].last_status, d[bad_slack].last_error) == ("404", "no_service")
    with sqlite_db.session() as s:
        rows = nadmin.list_deliveries(s, ADMIN, state="failed")
        attempts = nadmin.attempts_of(s, ADMIN, d[bad_wecom].id)
    assert len(rows) == 5 and all(r.title == "SLA breached: C-1" for r in rows)
    assert attempts[0].outcome == "failed" and '"errcode": 93000' in attempts[0].response


def test_rate_limit_answers_pause_the_channel_and_retry_later(sqlite_db, server, frozen_clock):
    ids = _org(sqlite_db)
    wecom = _channel(sqlite_db, "WeCom", "wecom", {"url": server.url("/cgi-bin/webhook/send?key=k")})
    slack = _channel(sqlite_db, "Slack", "slack", {"url": server.url("/services/T/B/s")})
    _route(sqlite_db, "w", wecom, kinds=["sla.*"])
    server.fake.throttle_next = 1  # the first request anywhere gets the rate-limit answer
    _post(sqlite_db, ids)
    run = deliver_due(sqlite_db)
    assert run.throttled == 1
    d = _delivery(sqlite_db, wecom)[0]
    assert d.state == "queued" and d.last_error == "45009 api freq out of limit" and d.attempts == 0
    assert d.next_attempt_at == frozen_clock.at + timedelta(seconds=60)
    with sqlite_db.session() as s:
        assert s.get(NotificationChannel, wecom).throttled_until == frozen_clock.at + timedelta(seconds=60)
    assert deliver_due(sqlite_db).claimed == 0  # paused: nothing sent before the minute is over
    frozen_clock.advance(seconds=61)
    assert deliver_due(sqlite_db).delivered == 1
    # Slack: 429 with Retry-After: 3
    _route(sqlite_db, "s", slack, kinds=["job.failed"])
    server.fake.throttle_next = 1
    _post(sqlite_db, ids, kind="job.failed", params={"job": "x"})
    deliver_due(sqlite_db)
    d = _delivery(sqlite_db, slack)[0]
    assert (d.state, d.last_status) == ("queued", "429")
    assert d.next_attempt_at == frozen_clock.at + timedelta(seconds=3)


def test_own_rate_limit_keeps_wecom_under_20_per_minute(sqlite_db, server, frozen_clock):
    ids = _org(sqlite_db)
    wecom = _channel(sqlite_db, "WeCom", "wecom", {"url": server.url("/cgi-bin/webhook/send?key=k")})
    _route(sqlite_db, "w", wecom)
    for n in range(25):
        _post(sqlite_db, ids, f"C-{n}")
    run = deliver_due(sqlite_db)
    assert run.delivered == 20 and run.throttled == 0  # the server never had to say 45009
    assert sum(1 for d in _delivery(sqlite_db, wecom) if d.state == "queued") == 5
    frozen_clock.advance(seconds=61)
    server.fake.rate_limits = False  # the stand-in counts real seconds; the outbox the frozen clock
    assert deliver_due(sqlite_db).delivered == 5
    assert len(server.fake.accepted("wecom")) == 25


def test_failures_retry_with_exponential_backoff_then_give_up(sqlite_db, server, frozen_clock):
    ids = _org(sqlite_db)
    hook = _channel(sqlite_db, "Hook", "webhook", {"url": server.url("/hooks/x")})
    _route(sqlite_db, "h", hook)
    server.fake.fail_ratio = 1.0
    _post(sqlite_db, ids)
    delays = []
    for n in range(1, MAX_ATTEMPTS + 1):
        run = deliver_due(sqlite_db)
        d = _delivery(sqlite_db, hook)[0]
        assert d.attempts == n
        if n < MAX_ATTEMPTS:
            assert run.retried == 1 and d.state == "queued"
            delays.append((d.next_attempt_at - frozen_clock.at).total_seconds())
            frozen_clock.at = d.next_attempt_at
        else:
            assert d.state == "failed" and d.last_error.startswith(f"gave up after {MAX_ATTEMPTS} attempts: HTTP 500")
    for n, delay in enumerate(delays, start=1):
        nominal = min(3600, 30 * 2 ** (n - 1))
        assert 0.8 * nominal <= delay <= 1.2 * nominal, (n, delay)
    with sqlite_db.session() as s:
        assert len(nadmin.attempts_of(s, ADMIN, d.id)) == MAX_ATTEMPTS
        # resend: back in the queue, same key (it was never accepted)
        key = d.idempotency_key
        nadmin.resend(s, ADMIN, [d.id])
    server.fake.fail_ratio = 0.0
    assert deliver_due(sqlite_db).delivered == 1
    d = _delivery(sqlite_db, hook)[0]
    assert d.state == "delivered" and d.idempotency_key == key
    with sqlite_db.session() as s:  # resending a delivered one: a new key, so it really goes again
        nadmin.resend(s, ADMIN, [d.id])
    assert deliver_due(sqlite_db).delivered == 1
    assert len(server.fake.processed_keys) == 2


def test_wrong_url_and_oversized_message(sqlite_db, server):
    ids = _org(sqlite_db)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    dead_port = sock.getsockname()[1]
    sock.close()
    dead = _channel(sqlite_db, "Dead", "webhook", {"url": f"http://127.0.0.1:{dead_port}/x"})
    wecom = _channel(sqlite_db, "WeCom", "wecom", {"url": server.url("/cgi-bin/webhook/send?key=k")})
    hook = _channel(sqlite_db, "Hook", "webhook", {"url": server.url("/hooks/ok")})
    for cid in (dead, wecom, hook):
        _route(sqlite_db, f"r{cid}", cid)
    long = "长" * 300
    _post(sqlite_db, ids, kind="sla.escalation",
          params={k: long for k in ("ref", "clock", "deadline", "step", "owner", "team", "category", "priority")})
    run = deliver_due(sqlite_db)
    d = _deliveries(sqlite_db)
    assert d[dead].state == "queued" and "ConnectionRefusedError" in d[dead].last_error
    assert d[wecom].state == "failed" and d[wecom].last_error == "40058 text.content exceed max length 2048"
    assert d[hook].state == "delivered"
    assert (run.delivered, run.failed, run.retried) == (1, 1, 1)
    with pytest.raises(ValueError, match="https://"), sqlite_db.session() as s:
        nadmin.save_channel(s, ADMIN, channel_id=None, name="Typo", kind="wecom", config={},
                            secrets={"url": "qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x"})


def test_secrets_are_encrypted_and_never_shown_back(sqlite_db):
    cid = _channel(sqlite_db, "WeCom", "wecom",
                   {"url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=73febdcb-1b38-secret-8d30"})
    mail = _channel(sqlite_db, "Mail", "email", {"password": "hunter2-smtp"}, host="smtp.example.test",
                    port=587, username="fw", sender="fw@example.test", to="a@example.test, b@example.test")
    with sqlite_db.session() as s:
        blobs = [r.secret_enc for r in s.scalars(select(NotificationChannel))]
        rows = {r.id: r for r in nadmin.list_channels(s, ADMIN)}
    assert all(b"73febdcb" not in b and b"hunter2" not in b for b in blobs)
    assert rows[cid].secret_hint == "qyapi.weixin.qq.com …8d30" and rows[cid].secrets_set == ("url",)
    assert "73febdcb" not in repr(rows[cid]) and "hunter2" not in repr(rows[mail])
    assert rows[mail].config["to"] == ["a@example.test", "b@example.test"]
    # saving without secrets keeps the stored ones
    with sqlite_db.session() as s:
        nadmin.save_channel(s, ADMIN, channel_id=cid, name="WeCom Jade", kind="wecom", config={"rate_per_minute": 10},
                            secrets={}, expected_version=rows[cid].version)
    with sqlite_db.session() as s:
        row = {r.id: r for r in nadmin.list_channels(s, ADMIN)}[cid]
        from app.audit import AuditEntry  # noqa: F401 - the model is re-exported there
        audit_text = repr([(a.before, a.after) for a in s.scalars(select(AuditEntry))])
    assert row.name == "WeCom Jade" and row.secret_hint.endswith("8d30") and row.rate_per_minute == 10
    assert "73febdcb" not in audit_text and "hunter2" not in audit_text
    with pytest.raises(ValueError, match="not an e-mail address"), sqlite_db.session() as s:
        nadmin.save_channel(s, ADMIN, channel_id=None, name="Bad mail", kind="email",
                            config={"host": "h", "to": "not-an-address"})


def test_only_administrators_configure_and_managers_may_look(sqlite_db):
    cid = _channel(sqlite_db, "WeCom", "wecom", {"url": "https://example.test/cgi-bin/webhook/send?key=k"})
    with sqlite_db.session() as s:
        for role in ("agent", "supervisor", "manager"):
            with pytest.raises(PermissionDenied):
                nadmin.save_channel(s, Actor("x", role), channel_id=None, name="n", kind="wecom", config={},
                                    secrets={"url": "https://x.test/a"})
            with pytest.raises(PermissionDenied):
                nadmin.resend(s, Actor("x", role), [1])
        with pytest.raises(PermissionDenied):
            nadmin.list_deliveries(s, Actor("x", "agent"))
        assert nadmin.list_channels(s, Actor("m", "manager"))[0].id == cid


def test_an_expired_lease_is_taken_over_and_the_late_answer_does_not_overwrite(sqlite_db, server, frozen_clock):
    ids = _org(sqlite_db)
    hook = _channel(sqlite_db, "Hook", "webhook", {"url": server.url("/hooks/x")})
    _route(sqlite_db, "h", hook)
    _post(sqlite_db, ids)
    taken = claim(sqlite_db, hook, 10, "desk-A", 60)
    assert len(taken) == 1
    assert claim(sqlite_db, hook, 10, "desk-B", 60) == []  # leased: B cannot take it
    assert deliver_due(sqlite_db, desk="desk-B").claimed == 0
    frozen_clock.advance(seconds=61)  # desk A died: its lease runs out
    run = deliver_due(sqlite_db, desk="desk-B")
    assert run.delivered == 1
    d = _delivery(sqlite_db, hook)[0]
    assert d.state == "delivered" and d.lease_owner is None
    # desk A wakes up with its old answer: counted as a lost lease, the row stays as B left it
    from app.notifications.channels import ChannelConfig, SendResult
    from app.notifications.outbox import _record

    late = _record(sqlite_db, ChannelConfig(hook, "Hook", "webhook", {}), taken,
                   [(taken[0], SendResult("failed", "500", None, "late"), frozen_clock.at, 5)], "desk-A", 30.0)
    assert late.lost_lease == 1
    d = _delivery(sqlite_db, hook)[0]
    assert d.state == "delivered" and d.last_error is None


@pytest.mark.postgres
def test_two_desks_claiming_at_once_never_share_a_delivery(pg_db, server):
    ids = _org(pg_db)
    hook = _channel(pg_db, "Hook", "webhook", {"url": server.url("/hooks/x")})
    _route(pg_db, "h", hook)
    for n in range(60):
        _post(pg_db, ids, f"C-{n}")
    got: dict[str, list[int]] = {}
    barrier = threading.Barrier(4)

    def grab(desk: str) -> None:
        barrier.wait()
        mine = []
        while batch := claim(pg_db, hook, 7, desk, 60):
            mine.extend(batch)
        got[desk] = mine

    threads = [threading.Thread(target=grab, args=(f"desk-{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    all_ids = [i for v in got.values() for i in v]
    assert len(all_ids) == 60 and len(set(all_ids)) == 60


# --- e-mail ------------------------------------------------------------------------------------------

def _self_signed(tmp_path):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=1)).sign(key, hashes.SHA256()))
    (tmp_path / "c.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "k.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(tmp_path / "c.pem", tmp_path / "k.pem")
    return ctx


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802, ANN001, ANN201 - aiosmtpd's API
        self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.fixture
def smtp_server(tmp_path):
    pytest.importorskip("aiosmtpd")
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def authenticator(server, session, envelope, mechanism, auth_data):  # noqa: ANN001, ANN202
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"fw" and auth_data.password == b"right"
        return AuthResult(success=ok, handled=False)

    inbox = _Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=_self_signed(tmp_path),
                            authenticator=authenticator, auth_require_tls=True, data_size_limit=4000,
                            loop=asyncio.new_event_loop())
    controller.start()
    yield inbox, port
    controller.stop()


def test_email_over_starttls_with_login_reaches_the_inbox(sqlite_db, smtp_server):
    inbox, port = smtp_server
    ids = _org(sqlite_db)
    mail = _channel(sqlite_db, "Managers", "email", {"password": "right"}, host="127.0.0.1", port=port,
                    security="starttls", username="fw", sender="floorwalker@example.test",
                    to="duty@example.test", insecure_tls=True)
    wrong = _channel(sqlite_db, "Wrong login", "email", {"password": "wrong"}, host="127.0.0.1", port=port,
                     security="starttls", username="fw", to="duty@example.test", insecure_tls=True)
    _route(sqlite_db, "L3 mail", mail, to_people=True, language="en")
    _route(sqlite_db, "L3 wrong", wrong)
    nid = _post(sqlite_db, ids)
    run = deliver_due(sqlite_db)
    assert (run.delivered, run.failed) == (1, 1)
    (rcpts, content), = inbox.messages
    assert sorted(rcpts) == ["duty@example.test", "min.deng@example.test"]
    text = content.decode()
    d = _deliveries(sqlite_db)
    assert "Subject: SLA breached: C-1" in text and f"Message-ID: <{d[mail].idempotency_key}@floorwalker>" in text
    assert "Complaint #42: floorwalker://open/complaint/42" in text
    assert d[wrong].state == "failed" and d[wrong].last_error.startswith("login refused: 535")
    assert nid


def test_email_over_the_size_limit_fails_with_the_servers_answer(sqlite_db, smtp_server):
    inbox, port = smtp_server
    ids = _org(sqlite_db)
    mail = _channel(sqlite_db, "Mail", "email", {"password": "right"}, host="127.0.0.1", port=port,
                    security="starttls", username="fw", to="duty@example.test", insecure_tls=True)
    _route(sqlite_db, "m", mail)
    _post(sqlite_db, ids, kind="sla.escalation",
          params={k: "长" * 300 for k in ("ref", "clock", "deadline", "step", "owner", "team", "category")})
    deliver_due(sqlite_db)
    d = _deliveries(sqlite_db)[mail]
    assert d.state == "failed" and d.last_status == "552" and inbox.messages == []
    with sqlite_db.session() as s:
        (attempt,) = s.scalars(select(DeliveryAttempt)).all()
    assert attempt.outcome == "failed" and "552" in attempt.error


def test_backoff_setting_is_read_from_the_database(sqlite_db, server, frozen_clock):
    ids = _org(sqlite_db)
    hook = _channel(sqlite_db, "Hook", "webhook", {"url": server.url("/hooks/x")})
    _route(sqlite_db, "h", hook)
    with sqlite_db.session() as s:
        s.add(Setting(key="notify.backoff_seconds", value=2, unit="s"))
    server.fake.fail_ratio = 1.0
    _post(sqlite_db, ids)
    deliver_due(sqlite_db)
    d = _delivery(sqlite_db, hook)[0]
    assert 1.6 <= (d.next_attempt_at - frozen_clock.at).total_seconds() <= 2.4


def test_feishu_gets_at_most_five_a_second(sqlite_db, server):
    ids = _org(sqlite_db)
    lark = _channel(sqlite_db, "Feishu", "feishu", {"url": server.url("/open-apis/bot/v2/hook/t")})
    _route(sqlite_db, "f", lark)
    for n in range(12):
        _post(sqlite_db, ids, f"C-{n}")
    run = deliver_due(sqlite_db, max_seconds=20)
    assert run.delivered == 12 and run.throttled == 0  # the stand-in never had to say 11232
    got = sorted(r.at for r in server.fake.received)
    assert len(got) == 12 and got[-1] - got[0] >= 2.0  # three seconds' worth: 5 + 5 + 2


def test_json_webhook_is_signed_when_it_has_a_secret(sqlite_db, server):
    import hashlib
    import hmac
    import json

    ids = _org(sqlite_db)
    hook = _channel(sqlite_db, "Signed hook", "webhook", {"url": server.url("/hooks/signed"), "secret": "s3cr3t"})
    _route(sqlite_db, "h", hook)
    _post(sqlite_db, ids)
    assert deliver_due(sqlite_db).delivered == 1
    (got,) = server.fake.accepted("webhook")
    ts = got.headers["x-floorwalker-timestamp"]
    expected = hmac.new(b"s3cr3t", ts.encode() + b"." + got.raw, hashlib.sha256).hexdigest()
    assert json.loads(got.raw)["title"] == "SLA 超时：C-1"  # the route's default language
    assert got.headers["x-floorwalker-signature"] == f"sha256={expected}"


def test_email_over_implicit_tls(sqlite_db, tmp_path):
    pytest.importorskip("aiosmtpd")
    from aiosmtpd.controller import Controller

    inbox = _Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, ssl_context=_self_signed(tmp_path),
                            loop=asyncio.new_event_loop())
    controller.start()
    try:
        ids = _org(sqlite_db)
        mail = _channel(sqlite_db, "TLS mail", "email", {}, host="127.0.0.1", port=port, security="ssl",
                        to="duty@example.test", insecure_tls=True)
        _route(sqlite_db, "m", mail, language="zh_CN")
        _post(sqlite_db, ids)
        assert deliver_due(sqlite_db).delivered == 1
    finally:
        controller.stop()
    (rcpts, content), = inbox.messages
    assert rcpts == ["duty@example.test"]
    import email

    message = email.message_from_bytes(content)
    assert str(email.header.make_header(email.header.decode_header(message["Subject"]))) == "SLA 超时：C-1"


def test_a_prefix_satisfies_a_dingtalk_robot_secured_by_keyword(sqlite_db, server):
    ids = _org(sqlite_db)
    server.fake.keywords = {"kw": ["【Floorwalker】"]}
    plain = _channel(sqlite_db, "Plain", "dingtalk", {"url": server.url("/robot/send?access_token=kw")})
    with sqlite_db.session() as s:
        prefixed, _ = nadmin.save_channel(s, ADMIN, channel_id=None, name="Prefixed", kind="dingtalk",
                                          config={"prefix": "【Floorwalker】"},
                                          secrets={"url": server.url("/robot/send?access_token=kw")})
    for cid in (plain, prefixed):
        _route(sqlite_db, f"r{cid}", cid)
    _post(sqlite_db, ids)
    deliver_due(sqlite_db)
    d = _deliveries(sqlite_db)
    assert d[plain].state == "failed" and d[plain].last_error.startswith("310000 keywords not in content")
    assert d[prefixed].state == "delivered"
    assert server.fake.accepted("dingtalk")[0].body["text"]["content"].startswith("【Floorwalker】SLA 超时：C-1")
