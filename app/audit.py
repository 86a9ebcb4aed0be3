"""The append-only audit log: who changed what, when, from which desk, before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app import clock
from app.actor import Actor
from db.models import AuditEntry


def record(session: Session, actor: Actor, action: str, entity: str, entity_id: object = None,
           before: dict[str, Any] | None = None, after: dict[str, Any] | None = None) -> None:
    session.execute(insert(AuditEntry).values(
        at=clock.now(), actor=actor.username, desk=actor.desk, action=action, entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        before=_jsonable(before), after=_jsonable(after),
    ))


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    desk: str
    action: str
    entity: str
    entity_id: str | None
    before: dict | None
    after: dict | None


def recent(session: Session, limit: int = 200, entity: str | None = None) -> list[AuditRow]:
    q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if entity:
        q = q.where(AuditEntry.entity == entity)
    return [AuditRow(e.id, e.at, e.actor, e.desk, e.action, e.entity, e.entity_id, e.before, e.after)
            for e in session.scalars(q)]


def _jsonable(d: dict[str, Any] | None) -> dict[str, Any] | None:
    if d is None:
        return None
    out: dict[str, Any] = {}
    for k, v in d.items():
        if isinstance(v, datetime):
            out[k] = v.isoformat()
        elif isinstance(v, str | int | float | bool | type(None) | list | dict):
            out[k] = v
        else:
            out[k] = str(v)
    return out
