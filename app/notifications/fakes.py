"""A local stand-in for the IM services on 127.0.0.1, answering in each one's documented format.

Used by the tests, ``floorwalker bench notify`` and ``floorwalker notify fake-server`` (a demo
"WeCom group" on loopback). Paths as the real services use them:

- WeCom    ``/cgi-bin/webhook/send?key=KEY``      ``{"errcode": 0, "errmsg": "ok"}``
- DingTalk ``/robot/send?access_token=T[&timestamp=&sign=]``
- Feishu   ``/open-apis/bot/v2/hook/T``           ``{"code": 0, "msg": "success", "data": {}}``
- Slack    ``/services/T/B/X``                    ``ok``
- JSON webhook: any other path; dedupes by ``Idempotency-Key`` like a careful receiver.

Errors answered as the services do: unknown/revoked token (WeCom 93000, DingTalk 300001,
Feishu 19001, Slack 404 ``no_service``), bad signature (DingTalk 310000, Feishu 19021), over the
rate (WeCom 45009 at 20/min, DingTalk 130101 at 20/min, Feishu 11232 at 5/s or 9499 on demand,
Slack 429 with ``Retry-After``), too big (WeCom 40058 over 2048 bytes of text, DingTalk 460101,
Feishu 9499 over 20 KB, Slack 400 ``msg_too_long``), and random 500s (``fail_ratio``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
import socket
import threading
import time
import urllib.parse
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    service: str
    token: str
    body: Any
    headers: dict[str, str]
    at: float
    answer: int
    accepted: bool  # the service took it (counted as a message in the group / processed)
    raw: bytes = b""


@dataclass
class FakeServices:
    """Settings the tests change while the server runs."""

    tokens: set[str] = field(default_factory=set)  # valid robot tokens/keys; empty: any token works
    signing: dict[str, str] = field(default_factory=dict)  # token -> secret (DingTalk/Feishu sign)
    keywords: dict[str, list[str]] = field(default_factory=dict)  # token -> DingTalk security keywords
    fail_ratio: float = 0.0  # random HTTP 500s
    delay: float = 0.0  # seconds before answering
    throttle_next: int = 0  # answer this many requests with the service's rate-limit error
    rate_limits: bool = True
    seed: int | None = None
    received: list[Received] = field(default_factory=list)
    processed_keys: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    request_keys: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _windows: dict[str, deque] = field(default_factory=lambda: defaultdict(deque))
    _rng: random.Random = field(default_factory=random.Random)

    def accepted(self, service: str | None = None) -> list[Received]:
        with self._lock:
            return [r for r in self.received if r.accepted and (service is None or r.service == service)]

    def _rate_exceeded(self, key: str, limit: int, window: float) -> bool:
        now = time.monotonic()
        q = self._windows[key]
        while q and q[0] <= now - window:
            q.popleft()
        if len(q) >= limit:
            return True
        q.append(now)
        return False


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
        return

    def setup(self) -> None:
        super().setup()
        # headers and body go out in two writes: without this, Nagle + delayed ACK cost 40 ms each
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        fake = self.server.fake
        if fake.delay:
            time.sleep(fake.delay)
        parts = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        path = parts.path
        try:
            body = json.loads(raw.decode("utf-8")) if raw else None
        except (ValueError, UnicodeDecodeError):
            body = None
        headers = {k.lower(): v for k, v in self.headers.items()}
        with fake._lock:
            if path == "/cgi-bin/webhook/send":
                status, answer, extra = self._wecom(fake, query.get("key", ""), raw, body)
                service, token = "wecom", query.get("key", "")
            elif path == "/robot/send":
                status, answer, extra = self._dingtalk(fake, query, raw, body)
                service, token = "dingtalk", query.get("access_token", "")
            elif path.startswith("/open-apis/bot/v2/hook/"):
                token = path.rsplit("/", 1)[-1]
                status, answer, extra = self._feishu(fake, token, raw, body)
                service = "feishu"
            elif path.startswith("/services/"):
                token = path[len("/services/"):]
                status, answer, extra = self._slack(fake, token, raw, body)
                service = "slack"
            else:
                token = path
                status, answer, extra = self._webhook(fake, headers, body)
                service = "webhook"
            accepted = extra.pop("_accepted", False)
            fake.received.append(Received(service, token, body, headers, time.time(), status, accepted, raw))
        data = answer if isinstance(answer, bytes) else json.dumps(answer, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain" if isinstance(answer, bytes) else "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in extra.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    # each returns (HTTP status, answer, extra headers incl. "_accepted")
    def _random_failure(self, fake: FakeServices) -> bool:
        return fake.fail_ratio > 0 and fake._rng.random() < fake.fail_ratio

    def _wecom(self, fake: FakeServices, key: str, raw: bytes, body: Any) -> tuple[int, Any, dict]:
        if fake.tokens and key not in fake.tokens:
            return 200, {"errcode": 93000, "errmsg": "invalid webhook url, hint: [1700000000_1_abc]"}, {}
        if self._random_failure(fake):
            return 200, {"errcode": -1, "errmsg": "system busy"}, {}
        if fake.throttle_next > 0 or (fake.rate_limits and fake._rate_exceeded("wecom:" + key, 20, 60.0)):
            fake.throttle_next = max(0, fake.throttle_next - 1)
            return 200, {"errcode": 45009, "errmsg": "api freq out of limit"}, {}
        if not isinstance(body, dict) or body.get("msgtype") != "text":
            return 200, {"errcode": 40008, "errmsg": "invalid message type"}, {}
        content = (body.get("text") or {}).get("content", "")
        if len(content.encode("utf-8")) > 2048:
            return 200, {"errcode": 40058, "errmsg": "text.content exceed max length 2048"}, {}
        return 200, {"errcode": 0, "errmsg": "ok"}, {"_accepted": True}

    def _dingtalk(self, fake: FakeServices, query: dict[str, str], raw: bytes, body: Any) -> tuple[int, Any, dict]:
        token = query.get("access_token", "")
        if fake.tokens and token not in fake.tokens:
            return 200, {"errcode": 300001, "errmsg": "token is not exist"}, {}
        secret = fake.signing.get(token)
        if secret:
            ts, sign = query.get("timestamp", ""), query.get("sign", "")
            expected = base64.b64encode(hmac.new(secret.encode(), f"{ts}\n{secret}".encode(),
                                                 hashlib.sha256).digest()).decode()
            fresh = ts.isdigit() and abs(time.time() * 1000 - int(ts)) < 3600_000
            if not fresh or not hmac.compare_digest(sign, expected):
                return 200, {"errcode": 310000, "errmsg": "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"}, {}
        if self._random_failure(fake):
            return 200, {"errcode": -1, "errmsg": "系统繁忙"}, {}
        if fake.throttle_next > 0 or (fake.rate_limits and fake._rate_exceeded("ding:" + token, 20, 60.0)):
            fake.throttle_next = max(0, fake.throttle_next - 1)
            return 200, {"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"}, {}
        if len(raw) > 20000:
            return 200, {"errcode": 460101, "errmsg": "message too long, exceed 20000 bytes"}, {}
        if not isinstance(body, dict) or body.get("msgtype") not in ("text", "markdown"):
            return 200, {"errcode": 40035, "errmsg": "缺少参数 json"}, {}
        words = fake.keywords.get(token)
        content = json.dumps(body, ensure_ascii=False)
        if words and not any(w in content for w in words):
            return 200, {"errcode": 310000, "errmsg": "keywords not in content, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"}, {}
        return 200, {"errcode": 0, "errmsg": "ok"}, {"_accepted": True}

    def _feishu(self, fake: FakeServices, token: str, raw: bytes, body: Any) -> tuple[int, Any, dict]:
        if fake.tokens and token not in fake.tokens:
            return 200, {"code": 19001, "msg": "param invalid: incoming webhook access token invalid", "data": {}}, {}
        secret = fake.signing.get(token)
        if secret:
            ts = str((body or {}).get("timestamp", ""))
            key = f"{ts}\n{secret}".encode()
            expected = base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()
            fresh = ts.isdigit() and abs(time.time() - int(ts)) < 3600
            if not fresh or not hmac.compare_digest(str((body or {}).get("sign", "")), expected):
                return 200, {"code": 19021, "msg": "sign match fail or timestamp is not within one hour from current time", "data": {}}, {}
        if self._random_failure(fake):
            return 500, {"code": -1, "msg": "internal error"}, {}
        if fake.throttle_next > 0:
            fake.throttle_next = max(0, fake.throttle_next - 1)
            return 200, {"code": 9499, "msg": "Too Many Request", "data": {}}, {}
        if fake.rate_limits and fake._rate_exceeded("feishu:" + token, 5, 1.0):
            return 200, {"code": 11232, "msg": "frequency limited psm[lark.oapi.app_platform_runtime]appID[1]", "data": {}}, {}
        if len(raw) > 20 * 1024:
            return 200, {"code": 9499, "msg": "Bad Request", "data": {}}, {}
        if not isinstance(body, dict) or body.get("msg_type") != "text":
            return 200, {"code": 19002, "msg": "params error, msg_type need", "data": {}}, {}
        return 200, {"code": 0, "msg": "success", "data": {}}, {"_accepted": True}

    def _slack(self, fake: FakeServices, token: str, raw: bytes, body: Any) -> tuple[int, Any, dict]:
        if fake.tokens and token not in fake.tokens:
            return 404, b"no_service", {}
        if self._random_failure(fake):
            return 500, b"internal_error", {}
        if fake.throttle_next > 0:
            fake.throttle_next = max(0, fake.throttle_next - 1)
            return 429, b"rate_limited", {"Retry-After": "3"}
        if not isinstance(body, dict) or not body.get("text"):
            return 400, b"invalid_payload", {}
        if len(body["text"]) > 40000:
            return 400, b"msg_too_long", {}
        return 200, b"ok", {"_accepted": True}

    def _webhook(self, fake: FakeServices, headers: dict[str, str], body: Any) -> tuple[int, Any, dict]:
        key = headers.get("idempotency-key", "")
        fake.request_keys[key] += 1
        if not isinstance(body, dict):
            return 400, {"error": "expected a JSON object"}, {}
        if key and fake.processed_keys.get(key):
            # a repeat of a request already processed: same answer, nothing done twice
            return 200, {"ok": True, "duplicate": True}, {}
        if self._random_failure(fake):
            return 500, {"error": "random failure"}, {}
        if fake.throttle_next > 0:
            fake.throttle_next = max(0, fake.throttle_next - 1)
            return 429, {"error": "slow down"}, {"Retry-After": "2"}
        fake.processed_keys[key] += 1
        return 200, {"ok": True}, {"_accepted": True}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeServices


class FakeServer:
    """``with FakeServer() as srv: srv.url("/cgi-bin/webhook/send?key=k")``"""

    def __init__(self, fake: FakeServices | None = None, port: int = 0) -> None:
        self.fake = fake or FakeServices()
        if self.fake.seed is not None:
            self.fake._rng.seed(self.fake.seed)
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.fake = self.fake
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fake-im-services", daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> FakeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
