"""The permission matrix: which role may do what. Services enforce it; the UI hides what it denies."""

from __future__ import annotations

from app.actor import Actor

# permission -> roles allowed
MATRIX: dict[str, frozenset[str]] = {
    "rules.edit": frozenset({"administrator"}),
    "people.edit": frozenset({"administrator"}),
    "users.edit": frozenset({"administrator"}),
    "queues.edit": frozenset({"administrator"}),
    "rota.edit": frozenset({"scheduler", "administrator"}),
    "rota.publish": frozenset({"scheduler"}),
    "review.publish": frozenset({"manager"}),
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
        super().__init__(f"A {actor.role} may not do this ({permission}).")
        self.permission = permission


def allowed(actor: Actor, permission: str) -> bool:
    if actor.username == "system":
        return True
    return actor.role in MATRIX.get(permission, frozenset())


def require(actor: Actor, permission: str) -> None:
    if not allowed(actor, permission):
        raise PermissionDenied(actor, permission)
