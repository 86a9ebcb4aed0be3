"""The outside services a notification can be delivered to, each in its documented format.

Every channel turns a rendered message into one request and reads the service's answer into a
:class:`SendResult`: ``delivered``, ``retry`` (try again later with back-off), ``throttled``
(the service said "too fast": wait as long as it says, the whole channel pauses), or ``failed``
(permanent: wrong token, revoked robot, message too big; retrying would not help).

- WeCom (企业微信) group robot: ``POST …/cgi-bin/webhook/send?key=KEY`` with
  ``{"msgtype": "text", "text": {"content": …}}``; answer ``{"errcode": 0, "errmsg": "ok"}``.
  20 messages per minute per robot (errcode 45009 when exceeded); text up to 2048 bytes.
- DingTalk (钉钉) custom robot: ``POST …/robot/send?access_token=T`` with the same shape of body;
  with signing on, ``&timestamp=<ms>&sign=urlencode(base64(HMAC-SHA256(secret,
  "<ms>\\n<secret>")))``. 20 per minute (errcode 130101, then throttled for 10 minutes).
- Feishu/Lark (飞书) custom bot: ``POST …/open-apis/bot/v2/hook/T`` with
  ``{"msg_type": "text", "content": {"text": …}}``; with signing on, the body also carries
  ``timestamp`` (seconds) and ``sign = base64(HMAC-SHA256(key="<s>\\n<secret>", msg=""))``.
  Answer ``{"code": 0, "msg": "success"}``; 100 per minute and 5 per second (11232, 9499).
- Slack incoming webhook: ``POST {"text": …}``; answer ``200 ok``; ``429`` with
  ``Retry-After``; ``404 no_service`` (revoked), ``410 channel_is_archived``, ``400
  invalid_payload``. About one message per second.
- Generic JSON webhook: ``POST`` of the notification as JSON with an ``Idempotency-Key`` header
  (the same key on every retry, so a receiver can drop a repeat), optionally signed
  (``X-Floorwalker-Signature: sha256=<hex HMAC of "<timestamp>.<body>">``).
- E-mail over SMTP (plain, STARTTLS or SSL; login optional); the ``Message-ID`` is derived from
  the idempotency key, so a repeated message is recognisably the same one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import smtplib
import socket
import ssl
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any

from app.i18n import N_
from app.notifications.templates import Rendered

KINDS = ("wecom", "dingtalk", "feishu", "slack", "webhook", "email")
KIND_TITLES = {
    "wecom": N_("WeCom group robot"), "dingtalk": N_("DingTalk robot"), "feishu": N_("Feishu/Lark bot"),
    "slack": N_("Slack incoming webhook"), "webhook": N_("JSON webhook"), "email": N_("E-mail (SMTP)"),
}
# messages per minute the service allows per robot/webhook (0: no documented limit)
DEFAULT_RATE = {"wecom": 20, "dingtalk": 20, "feishu": 100, "slack": 60, "webhook": 0, "email": 0}
# and per second, where the service says so
BURST_PER_SECOND = {"feishu": 5, "slack": 1}
# secrets per kind: never shown back, stored encrypted
SECRET_FIELDS = {
    "wecom": ("url",), "dingtalk": ("url", "secret"), "feishu": ("url", "secret"), "slack": ("url",),
    "webhook": ("url", "secret"), "email": ("password",),
}
TIMEOUT = 10.0
EXCERPT = 300


@dataclass(frozen=True)
class Message:
    """What is sent: the rendered text plus the delivery's identity."""

    rendered: Rendered
    idempotency_key: str
    notification_id: int
    kind: str
    severity: str
    level: int
    entity: tuple[str, str] | None
    created_at: str
    language: str
    to_addresses: tuple[str, ...] = ()


@dataclass(frozen=True)
class SendResult:
    outcome: str  # delivered / retry / throttled / failed
    status: str | None = None
    response: str | None = None
    error: str | None = None
    retry_after: float | None = None  # seconds, for throttled


@dataclass
class ChannelConfig:
    id: int
    name: str
    kind: str
    config: dict[str, Any]
    secrets: dict[str, str] = field(default_factory=dict)

    @property
    def rate_per_minute(self) -> int:
        value = self.config.get("rate_per_minute")
        return int(value) if value not in (None, "") else DEFAULT_RATE.get(self.kind, 0)


# --- HTTP with kept-alive connections (one per thread and host) ----------------------------------

_local = threading.local()
_opened: list[http.client.HTTPConnection] = []
_opened_lock = threading.Lock()


def close_connections() -> None:
    """Close every kept-alive connection (end of a delivery run; the threads may be gone)."""
    with _opened_lock:
        conns = list(_opened)
        _opened.clear()
    for conn in conns:
        conn.close()


def http_post(url: str, body: bytes, headers: dict[str, str], timeout: float = TIMEOUT) -> tuple[int, dict[str, str], bytes]:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"'{_redact(url)}' is not an http(s) URL")
    key = (parts.scheme, parts.hostname, parts.port)
    pool: dict[tuple[Any, ...], http.client.HTTPConnection] = getattr(_local, "pool", None) or {}
    _local.pool = pool
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "Floorwalker", **headers}
    for attempt in (1, 2):
        conn = pool.get(key)
        fresh = conn is None
        if conn is None:
            cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
            conn = cls(parts.hostname, parts.port, timeout=timeout)
            pool[key] = conn
            with _opened_lock:
                _opened.append(conn)
        try:
            conn.request("POST", path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            result_headers = {k.lower(): v for k, v in resp.getheaders()}
            if result_headers.get("connection", "").lower() == "close":
                conn.close()
                pool.pop(key, None)
            return resp.status, result_headers, data
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            conn.close()
            pool.pop(key, None)
            if fresh or attempt == 2:
                raise
            # a kept-alive connection the server closed meanwhile: one fresh try. The request
            # may have reached the server; the idempotency key makes a repeat harmless.
        except BaseException:
            conn.close()
            pool.pop(key, None)
            raise
    raise RuntimeError("unreachable")


def _redact(url: str) -> str:
    """A URL without its secrets (query values, the last path segment of hook URLs)."""
    parts = urllib.parse.urlsplit(url)
    query = "&".join(f"{k}=…" for k, _ in urllib.parse.parse_qsl(parts.query))
    path = parts.path
    if "/hook" in path or "/services/" in path:
        segs = path.split("/")
        segs[-1] = "…"
        path = "/".join(segs)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, query, ""))


def secret_hint(kind: str, secrets: dict[str, str]) -> str:
    """What Admin shows of the secrets: the host and the last four characters, never more."""
    url = secrets.get("url")
    if url:
        tail = url[-4:] if len(url) > 8 else ""
        return f"{urllib.parse.urlsplit(url).netloc} …{tail}"
    if secrets.get("password"):
        return "•••• (set)"
    return ""


def _excerpt(data: bytes | str) -> str:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[:EXCERPT - 1] + "…"


def _network_error(exc: BaseException) -> SendResult:
    return SendResult("retry", None, None, f"{type(exc).__name__}: {exc}")


def _text_of(m: Message, ch: ChannelConfig | None = None) -> str:
    """Title, body and link; a channel's prefix first (DingTalk/Feishu robots secured by keyword
    accept only messages that contain one of their keywords, e.g. "【Floorwalker】")."""
    prefix = str((ch.config if ch else {}).get("prefix") or "")
    return f"{prefix}{m.rendered.title}\n{m.rendered.full_text()}"


# --- the services ----------------------------------------------------------------------------------

def _robot_answer(status: int, headers: dict[str, str], data: bytes, *, code_key: str,
                  ok_codes: set[int], throttle: dict[int, float], transient: set[int]) -> SendResult:
    excerpt = _excerpt(data)
    if status == 429:
        return SendResult("throttled", str(status), excerpt, "rate limited (HTTP 429)",
                          _retry_after(headers, 60.0))
    if status >= 500:
        return SendResult("retry", str(status), excerpt, f"HTTP {status}")
    try:
        answer = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        answer = None
    if not isinstance(answer, dict):
        outcome = "retry" if status >= 500 else "failed"
        return SendResult(outcome, str(status), excerpt, f"HTTP {status}: not a JSON answer")
    code = answer.get(code_key, answer.get("StatusCode"))
    msg = answer.get("errmsg") or answer.get("msg") or answer.get("StatusMessage") or ""
    try:
        code = int(code) if code is not None else (0 if status == 200 else -1)
    except (TypeError, ValueError):
        code = -1
    label = f"{status}/{code}"
    if code in ok_codes and status < 400:
        return SendResult("delivered", label, excerpt)
    if code in throttle:
        return SendResult("throttled", label, excerpt, f"{code} {msg}".strip(), throttle[code])
    if code in transient:
        return SendResult("retry", label, excerpt, f"{code} {msg}".strip())
    return SendResult("failed", label, excerpt, f"{code} {msg}".strip())


def _retry_after(headers: dict[str, str], default: float) -> float:
    try:
        return max(1.0, float(headers.get("retry-after", default)))
    except ValueError:
        return default


def send_wecom(ch: ChannelConfig, m: Message) -> SendResult:
    body = {"msgtype": "text", "text": {"content": _text_of(m, ch)}}
    try:
        status, headers, data = http_post(ch.secrets["url"], json.dumps(body, ensure_ascii=False).encode(), {})
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return _permanent_if_bad_url(exc)
    # -1: system busy; 45009: over the robot's 20 per minute
    return _robot_answer(status, headers, data, code_key="errcode", ok_codes={0},
                         throttle={45009: 60.0}, transient={-1})


def dingtalk_signed_url(url: str, secret: str, now_ms: int | None = None) -> str:
    ts = str(now_ms if now_ms is not None else int(time.time() * 1000))
    digest = hmac.new(secret.encode(), f"{ts}\n{secret}".encode(), hashlib.sha256).digest()
    sign = urllib.parse.quote_plus(base64.b64encode(digest))
    return f"{url}{'&' if '?' in url else '?'}timestamp={ts}&sign={sign}"


def send_dingtalk(ch: ChannelConfig, m: Message) -> SendResult:
    url = ch.secrets["url"]
    if ch.secrets.get("secret"):
        url = dingtalk_signed_url(url, ch.secrets["secret"])
    body = {"msgtype": "text", "text": {"content": _text_of(m, ch)}}
    try:
        status, headers, data = http_post(url, json.dumps(body, ensure_ascii=False).encode(), {})
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return _permanent_if_bad_url(exc)
    # 130101: over 20 per minute, the robot is throttled for 10 minutes
    return _robot_answer(status, headers, data, code_key="errcode", ok_codes={0},
                         throttle={130101: 600.0}, transient={-1})


def feishu_sign(secret: str, timestamp: int) -> str:
    key = f"{timestamp}\n{secret}".encode()
    return base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()


def send_feishu(ch: ChannelConfig, m: Message) -> SendResult:
    body: dict[str, Any] = {"msg_type": "text", "content": {"text": _text_of(m, ch)}}
    if ch.secrets.get("secret"):
        ts = int(time.time())
        body = {"timestamp": str(ts), "sign": feishu_sign(ch.secrets["secret"], ts), **body}
    try:
        status, headers, data = http_post(ch.secrets["url"], json.dumps(body, ensure_ascii=False).encode(), {})
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return _permanent_if_bad_url(exc)
    # 9499 (too many requests at the gateway) and 11232 (frequency limited): wait and retry
    return _robot_answer(status, headers, data, code_key="code", ok_codes={0},
                         throttle={9499: 10.0, 11232: 10.0}, transient={-1})


def send_slack(ch: ChannelConfig, m: Message) -> SendResult:
    r = m.rendered
    prefix = str(ch.config.get("prefix") or "")
    text = f"{prefix}*{r.title}*\n{r.body}" + (f"\n{r.link_text}: <{r.link}>" if r.link else "")
    try:
        status, headers, data = http_post(ch.secrets["url"], json.dumps({"text": text}, ensure_ascii=False).encode(), {})
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return _permanent_if_bad_url(exc)
    excerpt = _excerpt(data)
    if 200 <= status < 300:
        return SendResult("delivered", str(status), excerpt)
    if status == 429:
        return SendResult("throttled", "429", excerpt, "rate_limited", _retry_after(headers, 30.0))
    if status >= 500:
        return SendResult("retry", str(status), excerpt, excerpt or f"HTTP {status}")
    return SendResult("failed", str(status), excerpt, excerpt or f"HTTP {status}")


def webhook_payload(m: Message) -> dict[str, Any]:
    r = m.rendered
    return {
        "id": m.idempotency_key, "notification_id": m.notification_id, "kind": m.kind,
        "severity": m.severity, "level": m.level, "language": m.language, "title": r.title,
        "text": r.body, "link": r.link,
        "entity": {"type": m.entity[0], "id": m.entity[1]} if m.entity else None,
        "created_at": m.created_at,
    }


def send_webhook(ch: ChannelConfig, m: Message) -> SendResult:
    body = json.dumps(webhook_payload(m), ensure_ascii=False).encode()
    headers = {"Idempotency-Key": m.idempotency_key}
    if ch.secrets.get("secret"):
        ts = str(int(time.time()))
        mac = hmac.new(ch.secrets["secret"].encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
        headers.update({"X-Floorwalker-Timestamp": ts, "X-Floorwalker-Signature": f"sha256={mac}"})
    try:
        status, resp_headers, data = http_post(ch.secrets["url"], body, headers)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return _permanent_if_bad_url(exc)
    excerpt = _excerpt(data)
    if 200 <= status < 300:
        return SendResult("delivered", str(status), excerpt)
    if status in (429, 503) and "retry-after" in resp_headers:
        return SendResult("throttled", str(status), excerpt, f"HTTP {status}", _retry_after(resp_headers, 30.0))
    if status in (408, 409, 425, 429) or status >= 500:
        return SendResult("retry", str(status), excerpt, f"HTTP {status}")
    return SendResult("failed", str(status), excerpt, f"HTTP {status}: {excerpt}" if excerpt else f"HTTP {status}")


def _permanent_if_bad_url(exc: BaseException) -> SendResult:
    if isinstance(exc, ValueError):
        return SendResult("failed", None, None, str(exc))
    if isinstance(exc, socket.gaierror):  # the host name does not exist: retrying may help (DNS)
        return SendResult("retry", None, None, f"host not found: {exc}")
    return _network_error(exc)


def send_email(ch: ChannelConfig, m: Message) -> SendResult:
    cfg = ch.config
    to = list(m.to_addresses) or list(cfg.get("to") or [])
    if not to:
        return SendResult("failed", None, None, "no recipient address (set the channel's To or the route's people)")
    msg = EmailMessage()
    msg["Subject"] = m.rendered.title
    msg["From"] = cfg.get("sender") or cfg.get("username") or "floorwalker@localhost"
    msg["To"] = ", ".join(to)
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = f"<{m.idempotency_key}@floorwalker>"
    msg.set_content(m.rendered.full_text())
    host, port = cfg.get("host") or "localhost", int(cfg.get("port") or 0)
    security = cfg.get("security") or "starttls"
    context = ssl.create_default_context()
    if cfg.get("insecure_tls"):  # a test or a lab server with a self-signed certificate
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    try:
        if security == "ssl":
            server: smtplib.SMTP = smtplib.SMTP_SSL(host, port or 465, timeout=TIMEOUT, context=context)
        else:
            server = smtplib.SMTP(host, port or (587 if security == "starttls" else 25), timeout=TIMEOUT)
        with server:
            server.ehlo()
            if security == "starttls":
                server.starttls(context=context)
                server.ehlo()
            if cfg.get("username"):
                server.login(cfg["username"], ch.secrets.get("password", ""))
            refused = server.send_message(msg)
            reply = server.noop()
    except smtplib.SMTPAuthenticationError as exc:
        return SendResult("failed", str(exc.smtp_code), _excerpt(exc.smtp_error), f"login refused: {exc.smtp_code} {_excerpt(exc.smtp_error)}")
    except smtplib.SMTPRecipientsRefused as exc:
        detail = "; ".join(f"{a}: {c} {_excerpt(e)}" for a, (c, e) in exc.recipients.items())
        return SendResult("failed", None, None, f"recipients refused: {detail}")
    except smtplib.SMTPResponseException as exc:
        outcome = "retry" if 400 <= exc.smtp_code < 500 else "failed"
        return SendResult(outcome, str(exc.smtp_code), _excerpt(exc.smtp_error), f"{exc.smtp_code} {_excerpt(exc.smtp_error)}")
    except smtplib.SMTPNotSupportedError as exc:
        return SendResult("failed", None, None, f"the server does not support this: {exc}")
    except (OSError, smtplib.SMTPException) as exc:
        return _network_error(exc)
    if refused:
        return SendResult("delivered", "250", f"refused for: {', '.join(refused)}")
    return SendResult("delivered", str(reply[0]), _excerpt(reply[1]))


SENDERS = {"wecom": send_wecom, "dingtalk": send_dingtalk, "feishu": send_feishu, "slack": send_slack,
           "webhook": send_webhook, "email": send_email}


def send(ch: ChannelConfig, m: Message) -> SendResult:
    sender = SENDERS.get(ch.kind)
    if sender is None:
        return SendResult("failed", None, None, f"unknown channel kind '{ch.kind}'")
    if ch.kind != "email" and not ch.secrets.get("url"):
        return SendResult("failed", None, None, "the channel has no webhook URL")
    try:
        return sender(ch, m)
    except Exception as exc:  # noqa: BLE001 - a sender bug must not stop the other deliveries
        return SendResult("retry", None, None, f"{type(exc).__name__}: {exc}")
