"""Everything the Admin workspace shows, read in one unit of work so the tabs agree with each other."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.actor import Actor
from app.admin.audit_log import (
    AuditChoices,
    AuditFilter,
    AuditLine,
    audit_choices,
    audit_lines,
    count_audit,
)
from app.admin.people import PersonRow, TeamRow, list_people, list_teams
from app.admin.queues import QueueRow, list_queues
from app.admin.rules import RuleValue, list_rules
from app.admin.users import UserRow, list_user_rows
from app.security.permissions import allowed


@dataclass(frozen=True)
class AdminOverview:
    people: list[PersonRow]
    teams: list[TeamRow]
    queues: list[QueueRow]
    rules: list[RuleValue]
    audit: list[AuditLine] | None  # None: this role may not read the audit log
    audit_entities: list[str]
    users: list[UserRow]
    audit_choices: AuditChoices | None = None
    audit_total: int = 0  # entries matching the filter (the list holds the most recent of them)


def admin_overview(session: Session, actor: Actor, *, audit_entity: str | None = None,
                   audit_filter: AuditFilter | None = None) -> AdminOverview:
    may_audit = allowed(actor, "audit.view")
    choices = audit_choices(session) if may_audit else None
    return AdminOverview(
        people=list_people(session), teams=list_teams(session), queues=list_queues(session),
        rules=list_rules(session),
        audit=audit_lines(session, actor, entity=audit_entity, filters=audit_filter) if may_audit else None,
        audit_entities=choices.entities if choices else [],
        users=list_user_rows(session),
        audit_choices=choices,
        audit_total=count_audit(session, actor, _with_entity(audit_filter, audit_entity)) if may_audit else 0,
    )


def _with_entity(filters: AuditFilter | None, entity: str | None) -> AuditFilter:
    filters = filters or AuditFilter()
    if not entity:
        return filters
    return AuditFilter(entity, filters.action, filters.actor, filters.since, filters.until)
