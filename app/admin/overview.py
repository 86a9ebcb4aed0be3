"""Everything the Admin workspace shows, read in one unit of work so the tabs agree with each other."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.actor import Actor
from app.admin.audit_log import AuditLine, audit_entities, audit_lines
from app.admin.people import PersonRow, TeamRow, list_people, list_teams
from app.admin.queues import QueueRow, list_queues
from app.admin.rules import RuleValue, list_rules
from app.security.permissions import allowed


@dataclass(frozen=True)
class AdminOverview:
    people: list[PersonRow]
    teams: list[TeamRow]
    queues: list[QueueRow]
    rules: list[RuleValue]
    audit: list[AuditLine] | None  # None: this role may not read the audit log
    audit_entities: list[str]


def admin_overview(session: Session, actor: Actor, *, audit_entity: str | None = None) -> AdminOverview:
    may_audit = allowed(actor, "audit.view")
    return AdminOverview(
        people=list_people(session), teams=list_teams(session), queues=list_queues(session),
        rules=list_rules(session),
        audit=audit_lines(session, actor, entity=audit_entity) if may_audit else None,
        audit_entities=audit_entities(session) if may_audit else [],
    )
