"""Posting a notification inside the caller's transaction, and reading it back for the bell.

``post()`` writes, in the caller's session and so in the same transaction as the event that
causes it: the notification, one recipient row per person concerned (the console bell on every
desk they are signed in to), and one outbox row per routed outside channel (IM group, e-mail).
Nothing is sent here; the delivery job does that after the transaction commits, so a rolled-back
event never announces itself and a committed one is never forgotten.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from app import clock
from app.actor import Actor
from app.changes import Changes, record
from app.notifications import routing
from app.notifications.templates import SEVERITIES, check_params, render
from db.models import (
    Notification,
    NotificationDelivery,
    NotificationRecipient,
    Person,
    Team,
    User,
)


@dataclass(frozen=True)
class Recipients:
    """Who sees a notification in the console. Resolved to people at post time (a union):
    ``person_ids`` as given, ``roles`` = every active user with that role who is linked to a
    person, ``team_ids`` = the team's active members and its supervisor."""

    person_ids: tuple[int, ...] = ()
    roles: tuple[str, ...] = ()
    team_ids: tuple[int, ...] = ()


Localizer = Callable[[str, dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class NotificationView:
    id: int
    kind: str
    severity: str
    level: int
    title: str
    body: str
    entity_type: str | None
    entity_id: str | None
    link: str | None
    created_at: datetime
    read_at: datetime | None


def post(session: Session, *, kind: str, params: Mapping[str, Any], severity: str = "info",
         recipients: Recipients = Recipients(), entity: tuple[str, object] | None = None,  # noqa: B008
         dedupe_key: str | None = None, level: int = 1) -> Changes:
    """Record a notification and its outbox rows in the caller's transaction.

    Returns ``Changes.NOTIFICATIONS`` (recorded) or ``Changes.NONE`` when ``dedupe_key`` was
    posted before. Raises ``ValueError`` (``UnmaskedData``) for a bad severity or level, or
    params that look like unmasked customer data.
    """
    return post_returning_id(session, kind=kind, params=params, severity=severity,
                             recipients=recipients, entity=entity, dedupe_key=dedupe_key,
                             level=level)[1]


def post_returning_id(session: Session, *, kind: str, params: Mapping[str, Any],
                      severity: str = "info", recipients: Recipients = Recipients(),  # noqa: B008
                      entity: tuple[str, object] | None = None, dedupe_key: str | None = None,
                      level: int = 1) -> tuple[int | None, Changes]:
    """:func:`post`, also giving the new notification's id (None: a duplicate, nothing written)."""
    if severity not in SEVERITIES:
        raise ValueError(f"Unknown severity '{severity}' (use one of {', '.join(SEVERITIES)}).")
    if not 1 <= int(level) <= 9:
        raise ValueError(f"Escalation level {level} is out of range (1..9).")
    if not kind or len(kind) > 64:
        raise ValueError("A notification needs a kind of at most 64 characters.")
    params = dict(params)
    check_params(params)
    now = clock.now()
    values = dict(kind=kind, severity=severity, level=int(level), params=params,
                  entity_type=entity[0] if entity else None,
                  entity_id=str(entity[1]) if entity else None,
                  dedupe_key=dedupe_key, created_at=now)
    notification_id = _insert_notification(session, values)
    if notification_id is None:
        return None, Changes.NONE
    people = resolve(session, recipients)
    if people:
        session.execute(insert(NotificationRecipient),
                        [{"notification_id": notification_id, "person_id": pid} for pid in sorted(people)])
    plans = routing.plan(session, kind=kind, severity=severity, level=int(level),
                         recipients=recipients, people=people, now=now)
    if plans:
        session.execute(insert(NotificationDelivery), [
            {"notification_id": notification_id, "channel_id": p.channel_id, "route_id": p.route_id,
             "language": p.language, "to_addresses": list(p.to_addresses) or None, "state": "queued",
             "idempotency_key": new_idempotency_key(), "attempts": 0,
             "next_attempt_at": p.not_before, "created_at": now}
            for p in plans
        ])
    return notification_id, record(session, Changes.NOTIFICATIONS)


def new_idempotency_key() -> str:
    return "fw-" + uuid.uuid4().hex


def _insert_notification(session: Session, values: dict[str, Any]) -> int | None:
    """INSERT ... ON CONFLICT (dedupe_key) DO NOTHING: safe when two desks post at once."""
    dialect = session.get_bind().dialect.name
    if values["dedupe_key"] is None or dialect not in ("postgresql", "sqlite"):
        if values["dedupe_key"] is not None:  # another engine: a savepoint catches the duplicate
            from sqlalchemy.exc import IntegrityError

            try:
                with session.begin_nested():
                    return session.execute(insert(Notification).values(**values)
                                           .returning(Notification.id)).scalar_one()
            except IntegrityError:
                return None
        return session.execute(insert(Notification).values(**values).returning(Notification.id)).scalar_one()
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    stmt = (dialect_insert(Notification).values(**values)
            .on_conflict_do_nothing(index_elements=["dedupe_key"]).returning(Notification.id))
    return session.execute(stmt).scalar_one_or_none()


def resolve(session: Session, recipients: Recipients) -> set[int]:
    """The active people a :class:`Recipients` names (see its docstring)."""
    people: set[int] = set()
    if recipients.person_ids:
        people.update(session.scalars(select(Person.id).where(
            Person.id.in_(recipients.person_ids), Person.active.is_(True))))
    if recipients.roles:
        people.update(session.scalars(
            select(User.person_id).join(Person, Person.id == User.person_id)
            .where(User.role.in_(recipients.roles), User.active.is_(True), Person.active.is_(True))))
    if recipients.team_ids:
        people.update(session.scalars(select(Person.id).where(
            Person.team_id.in_(recipients.team_ids), Person.active.is_(True))))
        people.update(pid for pid in session.scalars(select(Team.supervisor_id).where(
            Team.id.in_(recipients.team_ids))) if pid is not None)
    return people


# --- the bell ------------------------------------------------------------------------------------

def _views(session: Session, actor: Actor, *, unread_only: bool, language: str,
           limit: int, localize: Localizer | None = None) -> list[NotificationView]:
    if actor.person_id is None:
        return []
    q = (select(Notification, NotificationRecipient.read_at)
         .join(NotificationRecipient, NotificationRecipient.notification_id == Notification.id)
         .where(NotificationRecipient.person_id == actor.person_id))
    if unread_only:
        q = q.where(NotificationRecipient.read_at.is_(None))
    q = q.order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit)
    out = []
    for n, read_at in session.execute(q):
        entity = (n.entity_type, n.entity_id) if n.entity_type else None
        params = dict(n.params or {})
        r = render(n.kind, localize(n.kind, params) if localize is not None else params, language, entity)
        out.append(NotificationView(n.id, n.kind, n.severity, n.level, r.title, r.body, n.entity_type,
                                    n.entity_id, r.link, n.created_at, read_at))
    return out


def unread_for(session: Session, actor: Actor, *, language: str = "en",
               limit: int = 100) -> list[NotificationView]:
    """The actor's unread notifications, newest first."""
    return _views(session, actor, unread_only=True, language=language, limit=limit)


def recent_for(session: Session, actor: Actor, *, language: str = "en",
               limit: int = 50, localize: Localizer | None = None) -> list[NotificationView]:
    """The actor's latest notifications, read or not, newest first (the bell's list). ``localize``
    (kind, params) -> params puts stored words (priority, category, clock names) into the reader's
    language before the template is filled."""
    return _views(session, actor, unread_only=False, language=language, limit=limit, localize=localize)


def unread_count(session: Session, actor: Actor) -> int:
    if actor.person_id is None:
        return 0
    return int(session.scalar(select(func.count()).select_from(NotificationRecipient).where(
        NotificationRecipient.person_id == actor.person_id, NotificationRecipient.read_at.is_(None))) or 0)


def mark_read(session: Session, actor: Actor, notification_ids: Iterable[int] | None = None) -> Changes:
    """Mark the actor's own notifications read (all of them when ``notification_ids`` is None).

    Only the actor's recipient rows change, so nobody can read away someone else's bell; the
    change is recorded so the same person's other desks update their count.
    """
    if actor.person_id is None:
        return Changes.NONE
    stmt = (update(NotificationRecipient)
            .where(NotificationRecipient.person_id == actor.person_id,
                   NotificationRecipient.read_at.is_(None))
            .values(read_at=clock.now()))
    if notification_ids is not None:
        ids = [int(i) for i in notification_ids]
        if not ids:
            return Changes.NONE
        stmt = stmt.where(NotificationRecipient.notification_id.in_(ids))
    changed = session.execute(stmt).rowcount or 0
    return record(session, Changes.NOTIFICATIONS) if changed else Changes.NONE
