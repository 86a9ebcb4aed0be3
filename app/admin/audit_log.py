"""The audit log as the Admin workspace shows it: recent entries, what changed, filter by entity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.audit import recent
from app.security.permissions import require
from db.models import AuditEntry

# bookkeeping fields that change with every save and say nothing about the change itself
_NOISE = frozenset({"updated_at", "updated_by", "version"})


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: datetime
    actor: str
    desk: str
    action: str
    entity: str
    entity_id: str | None
    changes: tuple[tuple[str, object, object], ...]  # (field, before, after), only what differs

    def changes_text(self) -> str:
        return "; ".join(f"{k}: {_short(b)} → {_short(a)}" for k, b, a in self.changes)


def audit_lines(session: Session, actor: Actor, *, entity: str | None = None, limit: int = 300) -> list[AuditLine]:
    require(actor, "audit.view")
    return [AuditLine(r.id, r.at, r.actor, r.desk, r.action, r.entity, r.entity_id, _diff(r.before, r.after))
            for r in recent(session, limit=limit, entity=entity or None)]


def audit_entities(session: Session) -> list[str]:
    return sorted(e for e in session.scalars(select(AuditEntry.entity).distinct()) if e)


def _diff(before: dict | None, after: dict | None) -> tuple[tuple[str, object, object], ...]:
    before, after = before or {}, after or {}
    keys = [k for k in dict.fromkeys([*before, *after]) if k not in _NOISE]
    return tuple((k, before.get(k), after.get(k)) for k in keys
                 if k not in before or k not in after or before.get(k) != after.get(k))


def _short(value: object) -> str:
    if value is None:
        return "—"
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"
