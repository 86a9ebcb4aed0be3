"""The append-only audit log: who changed what, when, from which desk, before and after."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert
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
