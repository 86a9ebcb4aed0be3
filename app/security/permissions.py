"""The permission matrix: which role may do what, and whose rows each role sees.

Services enforce both; the UI hides what they deny.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, false, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.actor import Actor
from app.i18n import N_
from db.models import Complaint, Interaction, Person, Team

# permission -> roles allowed
MATRIX: dict[str, frozenset[str]] = {
    "rules.edit": frozenset({"administrator"}),
    "people.edit": frozenset({"administrator"}),
    "users.edit": frozenset({"administrator"}),
    "queues.edit": frozenset({"administrator"}),
    "rota.edit": frozenset({"scheduler", "administrator"}),
    "rota.publish": frozenset({"scheduler"}),
    "review.publish": frozenset({"manager"}),
    "review.edit": frozenset({"supervisor", "manager"}),  # comments and improvement plans
    "complaints.edit": frozenset({"agent", "supervisor", "manager", "administrator"}),
    "qa.review": frozenset({"supervisor", "quality_analyst", "manager"}),
    "qa.draw": frozenset({"supervisor", "quality_analyst", "manager", "administrator"}),
    "customer.reveal": frozenset({"supervisor", "manager"}),
    "recording.play": frozenset({"supervisor", "quality_analyst", "manager", "trainer"}),
    "audit.view": frozenset({"administrator", "manager"}),
    "jobs.manage": frozenset({"administrator"}),
}


class PermissionDenied(Exception):
    def __init__(self, actor: Actor, permission: str) -> None:
        article = "An" if actor.role[:1] in "aeiou" else "A"
        super().__init__(f"{article} {actor.role} may not do this ({permission}).")
        self.permission = permission


def allowed(actor: Actor, permission: str) -> bool:
    if actor.username == "system":
        return True
    return actor.role in MATRIX.get(permission, frozenset())


def require(actor: Actor, permission: str) -> None:
    if not allowed(actor, permission):
        raise PermissionDenied(actor, permission)


# --- whose rows a role sees ------------------------------------------------------------------------
# Issue 3: "supervisors see their own teams' complaints and QA". The Complaints board and the
# Quality workspace (interaction list, details, this week's QA) show:
#   all   - the whole center. Managers run the center; quality analysts and trainers work across
#           teams (sampling, coaching); schedulers plan for everyone; administrators maintain it.
#   teams - supervisors: the teams whose ``teams.supervisor_id`` is the supervisor's person.
#           Complaints by ``complaints.team_id`` (plus cases the supervisor owns personally);
#           interactions and QA samples by the agent's current team.
#   own   - agents: complaints they own (``owner_id``), interactions they handled (``agent_id``).
# A role missing here (a new one, or a typo in the users table) sees only its own rows.
SCOPE_ALL = "all"
SCOPE_TEAMS = "teams"
SCOPE_OWN = "own"
ROW_SCOPES: dict[str, str] = {
    "agent": SCOPE_OWN,
    "supervisor": SCOPE_TEAMS,
    "manager": SCOPE_ALL,
    "quality_analyst": SCOPE_ALL,
    "trainer": SCOPE_ALL,
    "scheduler": SCOPE_ALL,
    "administrator": SCOPE_ALL,
}
SCOPE_LABELS = {SCOPE_ALL: N_("Whole center"), SCOPE_TEAMS: N_("Your teams"), SCOPE_OWN: N_("Your own")}


def scope_kind(actor: Actor) -> str:
    if actor.username == "system":
        return SCOPE_ALL
    return ROW_SCOPES.get(actor.role, SCOPE_OWN)


@dataclass(frozen=True)
class RowScope:
    """The rows an actor may see, resolved once per query (one small indexed lookup of teams)."""

    kind: str
    person_id: int | None = None
    team_ids: tuple[int, ...] = ()
    team_names: tuple[str, ...] = ()

    @property
    def sees_all(self) -> bool:
        return self.kind == SCOPE_ALL

    def complaint_clause(self) -> ColumnElement[bool] | None:
        """A WHERE clause on ``complaints`` (None: no restriction)."""
        if self.kind == SCOPE_ALL:
            return None
        clauses: list[ColumnElement[bool]] = []
        if self.person_id is not None:
            clauses.append(Complaint.owner_id == self.person_id)
        if self.kind == SCOPE_TEAMS and self.team_ids:
            clauses.append(Complaint.team_id.in_(self.team_ids))
        return or_(*clauses) if clauses else false()

    def agent_ids(self) -> Select[Any] | None:
        """The agents whose interactions and QA the actor sees, as a subquery (None: everyone)."""
        if self.kind == SCOPE_ALL:
            return None
        if self.kind == SCOPE_TEAMS:
            return select(Person.id).where(Person.team_id.in_(self.team_ids or (-1,)))
        return select(Person.id).where(Person.id == (self.person_id if self.person_id is not None else -1))

    def interaction_clause(self) -> ColumnElement[bool] | None:
        """A WHERE clause on ``interactions`` that keeps the (agent_id, offered_at) index usable."""
        if self.kind == SCOPE_ALL:
            return None
        if self.kind == SCOPE_OWN:
            return Interaction.agent_id == self.person_id if self.person_id is not None else false()
        return Interaction.agent_id.in_(self.agent_ids()) if self.team_ids else false()


def row_scope(session: Session, actor: Actor) -> RowScope:
    kind = scope_kind(actor)
    if kind != SCOPE_TEAMS or actor.person_id is None:
        return RowScope(kind, actor.person_id)
    teams = session.execute(select(Team.id, Team.name).where(Team.supervisor_id == actor.person_id)
                            .order_by(Team.name, Team.id)).all()
    return RowScope(kind, actor.person_id, tuple(t.id for t in teams), tuple(t.name for t in teams))
