"""Users as the Admin workspace lists them: account, role, linked person, lock-out and last sign-in.

The changes themselves (add, role, deactivate, reset password) are services in
``app.security.accounts``; this module only reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Person, User


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: str
    person_id: int | None
    person_name: str | None
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    must_change_password: bool
    has_password: bool  # False: an account made by an import or the demo that cannot sign in yet
    version: int

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


def list_user_rows(session: Session, *, user_id: int | None = None) -> list[UserRow]:
    q = (select(User, Person.full_name).outerjoin(Person, Person.id == User.person_id)
         .order_by(User.username))
    if user_id is not None:
        q = q.where(User.id == user_id)
    return [UserRow(u.id, u.username, u.display_name, u.role, u.person_id, name, u.active, u.locked_until,
                    u.last_login_at, u.must_change_password, u.password_hash is not None, u.version)
            for u, name in session.execute(q)]


def get_user_row(session: Session, user_id: int) -> UserRow | None:
    rows = list_user_rows(session, user_id=user_id)
    return rows[0] if rows else None
