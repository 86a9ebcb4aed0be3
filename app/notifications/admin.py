"""Admin ▸ Notifications: channels (secrets write-only), routing rules, the outbox and resend."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.notifications.channels import DEFAULT_RATE, KINDS, SECRET_FIELDS, secret_hint
from app.notifications.routing import SEVERITY_RANK, parse_hhmm
from app.notifications.secrets import open_secrets, seal_secrets
from app.notifications.service import new_idempotency_key
from app.notifications.templates import LANGUAGES, render
from app.security.permissions import require
from db.errors import ConflictError
from db.models import (
    DeliveryAttempt,
    Notification,
    NotificationChannel,
    NotificationDelivery,
    NotificationRoute,
    Person,
    Team,
)

EDIT = "rules.edit"  # administrators configure channels and routes
VIEW = "audit.view"  # administrators and managers see the outbox
RESEND = "jobs.manage"
STATES = ("queued", "sending", "delivered", "failed")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class ChannelRow:
    id: int
    name: str
    kind: str
    config: dict[str, Any]
    secret_hint: str
    secrets_set: tuple[str, ...]  # which secret fields hold a value (never the values)
    active: bool
    rate_per_minute: int
    throttled_until: datetime | None
    queued: int
    failed: int
    version: int


@dataclass(frozen=True)
class RouteRow:
    id: int
    name: str
    kinds: tuple[str, ...]
    levels: tuple[int, ...]
    min_severity: str
    team_id: int | None
    team_name: str | None
    role: str | None
    person_id: int | None
    person_name: str | None
    channel_id: int
    channel_name: str
    language: str
    quiet_start: str | None
    quiet_end: str | None
    to_people: bool
    active: bool
    version: int


@dataclass(frozen=True)
class DeliveryRow:
    id: int
    notification_id: int
    kind: str
    title: str
    channel_name: str
    channel_kind: str
    state: str
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status: str | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime
    idempotency_key: str


@dataclass(frozen=True)
class AttemptRow:
    at: datetime
    outcome: str
    status: str | None
    response: str | None
    error: str | None
    duration_ms: int
    desk: str | None


# --- channels ----------------------------------------------------------------------------------------

def list_channels(session: Session, actor: Actor) -> list[ChannelRow]:
    require(actor, VIEW)
    counts: dict[tuple[int, str], int] = {
        (cid, st): n for cid, st, n in session.execute(
            select(NotificationDelivery.channel_id, NotificationDelivery.state, func.count())
            .where(NotificationDelivery.state.in_(("queued", "sending", "failed")))
            .group_by(NotificationDelivery.channel_id, NotificationDelivery.state))}
    rows = []
    for c in session.scalars(select(NotificationChannel).order_by(NotificationChannel.name)):
        try:
            present = tuple(k for k, v in open_secrets(c.secret_enc).items() if v)
        except Exception:  # noqa: BLE001 - shown as unreadable, not a crash
            present = ("?",)
        rate = int(c.config.get("rate_per_minute") or DEFAULT_RATE.get(c.kind, 0))
        rows.append(ChannelRow(c.id, c.name, c.kind, dict(c.config or {}), c.secret_hint or "", present,
                               c.active, rate, c.throttled_until,
                               counts.get((c.id, "queued"), 0) + counts.get((c.id, "sending"), 0),
                               counts.get((c.id, "failed"), 0), c.version))
    return rows


def _clean_config(kind: str, config: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if config.get("rate_per_minute") not in (None, ""):
        try:
            rate = int(str(config["rate_per_minute"]).strip())
        except ValueError:
            raise ValueError(f"The rate must be a whole number of messages per minute, not "
                             f"'{config['rate_per_minute']}'.") from None
        if not 0 <= rate <= 100000:
            raise ValueError(f"The rate must be between 0 (no limit) and 100000 per minute, not {rate}.")
        out["rate_per_minute"] = rate
    prefix = str(config.get("prefix") or "").strip()
    if prefix and kind != "email":
        if len(prefix) > 40:
            raise ValueError("The message prefix may have at most 40 characters.")
        out["prefix"] = prefix
    if kind == "email":
        host = str(config.get("host") or "").strip()
        if not host:
            raise ValueError("An e-mail channel needs the SMTP server's host name.")
        try:
            port = int(str(config.get("port") or 0).strip() or 0)
        except ValueError:
            raise ValueError(f"The SMTP port must be a number, not '{config.get('port')}'.") from None
        if not 0 <= port <= 65535:
            raise ValueError(f"The SMTP port must be between 1 and 65535, not {port}.")
        security = str(config.get("security") or "starttls")
        if security not in ("starttls", "ssl", "none"):
            raise ValueError(f"The SMTP security must be starttls, ssl or none, not '{security}'.")
        to = config.get("to") or []
        if isinstance(to, str):
            to = [a.strip() for a in re.split(r"[,;\s]+", to) if a.strip()]
        for address in [*to, *([config["sender"]] if config.get("sender") else [])]:
            if not _EMAIL.match(address):
                raise ValueError(f"'{address}' is not an e-mail address.")
        out.update(host=host, port=port, security=security, to=list(to),
                   username=str(config.get("username") or "").strip(),
                   sender=str(config.get("sender") or "").strip(),
                   insecure_tls=bool(config.get("insecure_tls")))
    return out


def _check_url(url: str) -> None:
    if not re.match(r"^https?://[^/\s]+", url):
        raise ValueError(f"The webhook URL must start with https:// (or http:// on a test server), not "
                         f"'{url[:40]}'.")


def save_channel(session: Session, actor: Actor, *, channel_id: int | None, name: str, kind: str,
                 config: dict[str, Any], secrets: dict[str, str] | None = None, active: bool = True,
                 expected_version: int | None = None) -> tuple[int, Changes]:
    """Create or update a channel. ``secrets``: only the fields given (non-empty) replace the
    stored ones; the others stay. Returns the channel's id."""
    require(actor, EDIT)
    name = (name or "").strip()
    if not name:
        raise ValueError("A channel needs a name.")
    if kind not in KINDS:
        raise ValueError(f"Unknown channel kind '{kind}' (one of {', '.join(KINDS)}).")
    clean = _clean_config(kind, config)
    given = {k: v.strip() for k, v in (secrets or {}).items() if k in SECRET_FIELDS[kind] and v and v.strip()}
    if "url" in given:
        _check_url(given["url"])
    clash = session.scalar(select(NotificationChannel.id).where(NotificationChannel.name == name))
    if clash is not None and clash != channel_id:
        raise ValueError(f"There is already a channel called '{name}'.")
    now = clock.now()
    if channel_id is None:
        if kind != "email" and "url" not in given:
            raise ValueError(f"The channel '{name}' needs its webhook URL.")
        row = NotificationChannel(name=name, kind=kind, config=clean, secret_enc=seal_secrets(given),
                                  secret_hint=secret_hint(kind, given), active=active, updated_at=now,
                                  updated_by=actor.username)
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", "notification_channel", row.id,
                     after={"name": name, "kind": kind, **clean, "secrets": sorted(given)})
        return row.id, record(session, Changes.NOTIFICATIONS | Changes.AUDIT)
    row = session.get(NotificationChannel, channel_id, populate_existing=True)
    if row is None:
        raise ConflictError(f"The channel '{name}' was deleted by another desk.", "notification_channel", channel_id)
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(f"Another desk saved the channel '{row.name}' after you opened it.",
                            "notification_channel", channel_id, mine={"name": name, **clean},
                            theirs={"name": row.name, **(row.config or {})})
    if row.kind != kind:
        raise ValueError("A channel's kind cannot change; add a new channel instead.")
    before = {"name": row.name, "active": row.active, **(row.config or {})}
    stored = open_secrets(row.secret_enc)
    stored.update(given)
    row.name, row.config, row.active = name, clean, active
    if given:
        row.secret_enc = seal_secrets(stored)
        row.secret_hint = secret_hint(kind, stored)
    row.updated_at, row.updated_by = now, actor.username
    session.flush()
    audit.record(session, actor, "update", "notification_channel", row.id, before=before,
                 after={"name": name, "active": active, **clean, "secrets_replaced": sorted(given)})
    return row.id, record(session, Changes.NOTIFICATIONS | Changes.AUDIT)


def delete_channel(session: Session, actor: Actor, channel_id: int) -> Changes:
    require(actor, EDIT)
    row = session.get(NotificationChannel, channel_id)
    if row is None:
        return Changes.NONE
    audit.record(session, actor, "delete", "notification_channel", channel_id, before={"name": row.name, "kind": row.kind})
    session.execute(delete(NotificationRoute).where(NotificationRoute.channel_id == channel_id))
    session.execute(delete(DeliveryAttempt).where(DeliveryAttempt.delivery_id.in_(
        select(NotificationDelivery.id).where(NotificationDelivery.channel_id == channel_id))))
    session.execute(delete(NotificationDelivery).where(NotificationDelivery.channel_id == channel_id))
    session.delete(row)
    return record(session, Changes.NOTIFICATIONS | Changes.AUDIT)


# --- routes ------------------------------------------------------------------------------------------

def list_routes(session: Session, actor: Actor) -> list[RouteRow]:
    require(actor, VIEW)
    teams = dict(session.execute(select(Team.id, Team.name)).all())
    channels = dict(session.execute(select(NotificationChannel.id, NotificationChannel.name)).all())
    out = []
    for r in session.scalars(select(NotificationRoute).order_by(NotificationRoute.name)):
        person = session.get(Person, r.person_id) if r.person_id else None
        out.append(RouteRow(r.id, r.name, tuple(r.kinds or ()), tuple(int(x) for x in r.levels or ()),
                            r.min_severity, r.team_id, teams.get(r.team_id), r.role, r.person_id,
                            person.full_name if person else None, r.channel_id, channels.get(r.channel_id, "?"),
                            r.language, r.quiet_start, r.quiet_end, r.to_people, r.active, r.version))
    return out


def save_route(session: Session, actor: Actor, *, route_id: int | None, name: str, kinds: list[str] | str,
               levels: list[int] | str, channel_id: int, min_severity: str = "info", team_id: int | None = None,
               role: str | None = None, person_id: int | None = None, language: str = "zh_CN",
               quiet_start: str | None = None, quiet_end: str | None = None, to_people: bool = False,
               active: bool = True, expected_version: int | None = None) -> tuple[int, Changes]:
    require(actor, EDIT)
    name = (name or "").strip()
    if not name:
        raise ValueError("A routing rule needs a name.")
    if isinstance(kinds, str):
        kinds = [k.strip() for k in re.split(r"[,\s]+", kinds) if k.strip()]
    if isinstance(levels, str):
        try:
            levels = [int(x) for x in re.split(r"[,\s]+", levels) if x.strip()]
        except ValueError:
            raise ValueError(f"Levels must be numbers such as '2' or '2, 3', not '{levels}'.") from None
    for lv in levels:
        if not 1 <= int(lv) <= 9:
            raise ValueError(f"Escalation level {lv} is out of range (1..9).")
    if min_severity not in SEVERITY_RANK:
        raise ValueError(f"Unknown severity '{min_severity}'.")
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language '{language}' (en or zh_CN).")
    quiet_start = (quiet_start or "").strip() or None
    quiet_end = (quiet_end or "").strip() or None
    if bool(quiet_start) != bool(quiet_end):
        raise ValueError("Quiet hours need both a start and an end (e.g. 22:00 to 07:00).")
    parse_hhmm(quiet_start)
    parse_hhmm(quiet_end)
    if session.get(NotificationChannel, channel_id) is None:
        raise ValueError("The routing rule's channel does not exist (deleted on another desk?).")
    if team_id is not None and session.get(Team, team_id) is None:
        raise ValueError("The routing rule's team does not exist.")
    if person_id is not None and session.get(Person, person_id) is None:
        raise ValueError("The routing rule's person does not exist.")
    clash = session.scalar(select(NotificationRoute.id).where(NotificationRoute.name == name))
    if clash is not None and clash != route_id:
        raise ValueError(f"There is already a routing rule called '{name}'.")
    values = dict(name=name, kinds=list(kinds), levels=[int(x) for x in levels], min_severity=min_severity,
                  team_id=team_id, role=(role or None), person_id=person_id, channel_id=channel_id,
                  language=language, quiet_start=quiet_start, quiet_end=quiet_end, to_people=bool(to_people),
                  active=bool(active))
    now = clock.now()
    if route_id is None:
        row = NotificationRoute(**values, updated_at=now, updated_by=actor.username)
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", "notification_route", row.id, after=values)
        return row.id, record(session, Changes.NOTIFICATIONS | Changes.AUDIT)
    row = session.get(NotificationRoute, route_id, populate_existing=True)
    if row is None:
        raise ConflictError(f"The routing rule '{name}' was deleted by another desk.", "notification_route", route_id)
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(f"Another desk saved the routing rule '{row.name}' after you opened it.",
                            "notification_route", route_id, mine=values,
                            theirs={k: getattr(row, k) for k in values})
    before = {k: getattr(row, k) for k in values}
    for k, v in values.items():
        setattr(row, k, v)
    row.updated_at, row.updated_by = now, actor.username
    session.flush()
    audit.record(session, actor, "update", "notification_route", row.id, before=before, after=values)
    return row.id, record(session, Changes.NOTIFICATIONS | Changes.AUDIT)


def delete_route(session: Session, actor: Actor, route_id: int) -> Changes:
    require(actor, EDIT)
    row = session.get(NotificationRoute, route_id)
    if row is None:
        return Changes.NONE
    audit.record(session, actor, "delete", "notification_route", route_id, before={"name": row.name})
    session.delete(row)
    return record(session, Changes.NOTIFICATIONS | Changes.AUDIT)


# --- the outbox --------------------------------------------------------------------------------------

def list_deliveries(session: Session, actor: Actor, *, state: str | None = None, channel_id: int | None = None,
                    limit: int = 500, language: str = "en") -> list[DeliveryRow]:
    require(actor, VIEW)
    q = (select(NotificationDelivery, Notification, NotificationChannel.name, NotificationChannel.kind)
         .join(Notification, Notification.id == NotificationDelivery.notification_id)
         .join(NotificationChannel, NotificationChannel.id == NotificationDelivery.channel_id))
    if state:
        q = q.where(NotificationDelivery.state == state)
    if channel_id is not None:
        q = q.where(NotificationDelivery.channel_id == channel_id)
    q = q.order_by(NotificationDelivery.id.desc()).limit(limit)
    out = []
    for d, n, cname, ckind in session.execute(q):
        entity = (n.entity_type, n.entity_id) if n.entity_type else None
        title = render(n.kind, n.params or {}, language, entity).title
        out.append(DeliveryRow(d.id, n.id, n.kind, title, cname, ckind, d.state, d.attempts,
                               d.next_attempt_at if d.state == "queued" else None, d.last_attempt_at,
                               d.last_status, d.last_error, d.delivered_at, d.created_at, d.idempotency_key))
    return out


def outbox_counts(session: Session) -> dict[str, int]:
    counts = dict(session.execute(select(NotificationDelivery.state, func.count())
                                  .group_by(NotificationDelivery.state)).all())
    return {s: int(counts.get(s, 0)) for s in STATES}


def attempts_of(session: Session, actor: Actor, delivery_id: int) -> list[AttemptRow]:
    require(actor, VIEW)
    return [AttemptRow(a.at, a.outcome, a.status, a.response, a.error, a.duration_ms, a.desk)
            for a in session.scalars(select(DeliveryAttempt).where(DeliveryAttempt.delivery_id == delivery_id)
                                     .order_by(DeliveryAttempt.id))]


def resend(session: Session, actor: Actor, delivery_ids: list[int]) -> Changes:
    """Put deliveries back in the queue, due now. A failed one keeps its idempotency key (the
    service never accepted it); a delivered one gets a new key, so a receiver that drops
    repeats still shows the deliberate resend."""
    require(actor, RESEND)
    if not delivery_ids:
        return Changes.NONE
    now = clock.now()
    rows = session.execute(select(NotificationDelivery.id, NotificationDelivery.state)
                           .where(NotificationDelivery.id.in_(delivery_ids))).all()
    changed = 0
    for did, state in rows:
        if state == "sending":
            continue  # a desk holds it right now; its answer decides
        values: dict[str, Any] = {"state": "queued", "next_attempt_at": now, "attempts": 0,
                                  "lease_owner": None, "lease_until": None}
        if state == "delivered":
            values["idempotency_key"] = new_idempotency_key()
            values["delivered_at"] = None
        changed += session.execute(update(NotificationDelivery).where(
            NotificationDelivery.id == did, NotificationDelivery.state == state).values(**values)).rowcount or 0
    if not changed:
        return Changes.NONE
    audit.record(session, actor, "resend", "notification_delivery", ",".join(str(i) for i in delivery_ids)[:64],
                 after={"deliveries": len(delivery_ids), "requeued": changed})
    return record(session, Changes.NOTIFICATIONS | Changes.AUDIT)


def queue_test(session: Session, actor: Actor, channel_id: int, *, language: str | None = None) -> int:
    """A test message for one channel, outside the routing rules; returns its delivery id."""
    require(actor, EDIT)
    channel = session.get(NotificationChannel, channel_id)
    if channel is None:
        raise ValueError("No such channel.")
    now = clock.now()
    n = Notification(kind="notify.test", severity="info", level=1,
                     params={"channel": channel.name, "sent_by": actor.username}, created_at=now)
    session.add(n)
    session.flush()
    d = NotificationDelivery(notification_id=n.id, channel_id=channel_id, route_id=None,
                             language=language or ("en" if channel.kind == "slack" else "zh_CN"),
                             to_addresses=None, state="queued", idempotency_key=new_idempotency_key(),
                             attempts=0, next_attempt_at=now, created_at=now)
    session.add(d)
    session.flush()
    audit.record(session, actor, "test", "notification_channel", channel_id, after={"delivery": d.id})
    record(session, Changes.NOTIFICATIONS | Changes.AUDIT)
    return d.id


def channel_id_by_name(session: Session, name: str) -> int | None:
    return session.scalar(select(NotificationChannel.id).where(NotificationChannel.name == name))
