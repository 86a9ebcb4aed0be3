"""Users: sign-in with a slow modern hash (Argon2id), lock-out, first-run administrator, roles.

Administrators add users, change their role, deactivate and reactivate them and reset their
passwords here (``users.edit``). Every such change is audited without the password, and role
or active edits go through the row's version so a second desk gets the conflict dialog. The
last active administrator can neither be demoted nor deactivated: someone must be able to
manage users afterwards.
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.editing import apply_edit
from app.security.permissions import require
from db.errors import ConflictError
from db.models import Person, User
from db.models.org import ROLES

MAX_FAILED_SIGN_INS = 5
LOCK_OUT_FOR = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8

_hasher = PasswordHasher()  # Argon2id, library defaults (64 MiB, 3 iterations)


class SignInError(Exception):
    """A sign-in failed; the message says why in words a user can act on."""


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: str
    person_id: int | None
    active: bool
    must_change_password: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    version: int

    def actor(self) -> Actor:
        return Actor(self.username, self.role, self.person_id)


def _info(u: User) -> UserInfo:
    return UserInfo(u.id, u.username, u.display_name, u.role, u.person_id, u.active, u.must_change_password,
                    u.locked_until, u.last_login_at, u.version)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    if password.isdigit() or password.isalpha():
        raise ValueError("A password needs letters and at least one digit or symbol.")


def needs_first_administrator(session: Session) -> bool:
    """True on a fresh database: no user can sign in yet."""
    count = session.scalar(select(func.count()).select_from(User).where(User.password_hash.is_not(None),
                                                                        User.active.is_(True)))
    return not count


def create_first_administrator(session: Session, username: str, display_name: str, password: str) -> UserInfo:
    if not needs_first_administrator(session):
        raise SignInError("An administrator already exists; sign in instead.")
    username = _clean_username(username)
    check_password_strength(password)
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        user = User(username=username, display_name=display_name.strip() or username, role="administrator")
        session.add(user)
    user.role = "administrator"
    user.password_hash = hash_password(password)
    user.must_change_password = False
    user.active = True
    session.flush()
    audit.record(session, Actor(username, "administrator"), "create", "user", user.id,
                 after={"username": username, "role": "administrator", "first_run": True})
    record(session, Changes.PEOPLE | Changes.AUDIT)
    return _info(user)


def authenticate(session: Session, username: str, password: str) -> UserInfo:
    """Check the password; count failures and lock the account for a while after too many."""
    now = clock.now()
    user = session.scalars(select(User).where(User.username == username.strip())).first()
    if user is None or not user.active or user.password_hash is None:
        # the same words whether the name or the password is wrong: no account discovery
        raise SignInError("The user name or password is not right.")
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        raise SignInError(f"This account is locked after too many failed sign-ins. Try again in {minutes} min "
                          "or ask an administrator to unlock it.")
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        _count_failure(session, user, now)
        raise SignInError("The user name or password is not right.") from None
    # sign-in bookkeeping is written with atomic UPDATEs, not through the row's version:
    # the same user signing in on two desks at once is normal and must not be a "conflict"
    values: dict[str, object] = {"failed_logins": 0, "locked_until": None, "last_login_at": now}
    if _hasher.check_needs_rehash(user.password_hash):
        values["password_hash"] = hash_password(password)
    session.execute(update(User).where(User.id == user.id).values(**values))
    audit.record(session, Actor(user.username, user.role), "sign_in", "user", user.id)
    session.expire(user)
    return _info(session.get(User, user.id))  # type: ignore[arg-type]


def _count_failure(session: Session, user: User, now: datetime) -> None:
    """One more failed sign-in, counted atomically; lock the account when there were too many."""
    failures = session.execute(update(User).where(User.id == user.id)
                               .values(failed_logins=User.failed_logins + 1)
                               .returning(User.failed_logins)).scalar_one()
    if failures >= MAX_FAILED_SIGN_INS:
        locked_until = now + LOCK_OUT_FOR
        session.execute(update(User).where(User.id == user.id).values(failed_logins=0, locked_until=locked_until))
        audit.record(session, Actor(user.username, user.role), "lock", "user", user.id,
                     after={"locked_until": locked_until})
    session.commit()  # the failure must count even though the caller's unit of work rolls back


def change_password(session: Session, user_id: int, old_password: str, new_password: str) -> None:
    user = session.get(User, user_id)
    if user is None or user.password_hash is None:
        raise SignInError("Unknown user.")
    try:
        _hasher.verify(user.password_hash, old_password)
    except (VerificationError, InvalidHashError):
        raise SignInError("The current password is not right.") from None
    if old_password == new_password:
        raise ValueError("Choose a password different from the current one.")
    check_password_strength(new_password)
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    audit.record(session, Actor(user.username, user.role), "change_password", "user", user.id)
    session.flush()


def list_users(session: Session) -> list[UserInfo]:
    return [_info(u) for u in session.scalars(select(User).order_by(User.username))]


def get_user(session: Session, user_id: int) -> UserInfo | None:
    user = session.get(User, user_id, populate_existing=True)
    return _info(user) if user is not None else None


def create_user(session: Session, actor: Actor, username: str, display_name: str, role: str,
                temporary_password: str, person_id: int | None = None) -> UserInfo:
    """An administrator adds a user; the user must change the temporary password at first sign-in."""
    require(actor, "users.edit")
    username = _clean_username(username)
    _check_role(role)
    display_name = _clean_display_name(display_name, username)
    _check_person(session, person_id)
    if session.scalars(select(User).where(User.username == username)).first() is not None:
        raise ValueError(f"The user name '{username}' is taken.")
    check_password_strength(temporary_password)
    user = User(username=username, display_name=display_name, role=role,
                person_id=person_id, password_hash=hash_password(temporary_password), must_change_password=True)
    session.add(user)
    session.flush()
    # never the password, not even its hash
    audit.record(session, actor, "create", "user", user.id,
                 after={"username": username, "display_name": display_name, "role": role,
                        "person_id": person_id, "active": True, "must_change_password": True})
    record(session, Changes.PEOPLE | Changes.AUDIT)
    return _info(user)


def reset_password(session: Session, actor: Actor, user_id: int, temporary_password: str) -> Changes:
    """An administrator sets a temporary password and unlocks the account; the user changes it at sign-in."""
    require(actor, "users.edit")
    user = session.get(User, user_id)
    if user is None:
        raise ValueError("Unknown user.")
    check_password_strength(temporary_password)
    before = {"must_change_password": user.must_change_password, "locked_until": user.locked_until}
    user.password_hash = hash_password(temporary_password)
    user.must_change_password = True
    user.failed_logins = 0
    user.locked_until = None
    session.flush()
    audit.record(session, actor, "reset_password", "user", user.id, before=before,
                 after={"must_change_password": True, "locked_until": None})
    return record(session, Changes.PEOPLE | Changes.AUDIT)


def update_user(session: Session, actor: Actor, user_id: int, expected_version: int, *, display_name: str,
                role: str, person_id: int | None, active: bool) -> Changes:
    """Save a user's display name, role, linked person and active flag (optimistic-locked, audited)."""
    require(actor, "users.edit")
    user = _user_or_conflict(session, user_id)
    _check_role(role)
    _check_person(session, person_id)
    values = {"display_name": _clean_display_name(display_name, user.username), "role": role,
              "person_id": person_id, "active": bool(active)}
    return _edit(session, actor, user, expected_version, values)


def set_user_role(session: Session, actor: Actor, user_id: int, expected_version: int, role: str) -> Changes:
    require(actor, "users.edit")
    user = _user_or_conflict(session, user_id)
    _check_role(role)
    return _edit(session, actor, user, expected_version, {"role": role})


def set_user_active(session: Session, actor: Actor, user_id: int, expected_version: int, active: bool) -> Changes:
    """Deactivate (the user can no longer sign in; history keeps the name) or reactivate a user."""
    require(actor, "users.edit")
    user = _user_or_conflict(session, user_id)
    return _edit(session, actor, user, expected_version, {"active": bool(active)})


def suggest_temporary_password(length: int = 12) -> str:
    """A random temporary password that passes the strength rules, without look-alike characters."""
    letters = "".join(ch for ch in string.ascii_letters if ch not in "IlO")
    digits = "23456789"
    while True:
        password = "".join(secrets.choice(letters + digits) for _ in range(length))
        if any(ch in digits for ch in password) and any(ch in letters for ch in password):
            return password


def _edit(session: Session, actor: Actor, user: User, expected_version: int, values: dict[str, object]) -> Changes:
    if user.version == expected_version:  # a stale copy is a conflict, reported by apply_edit below
        _keep_an_administrator(session, actor, user, role=str(values.get("role", user.role)),
                               active=bool(values.get("active", user.active)))
    try:
        apply_edit(session, actor, User, user.id, expected_version, values, entity="user")
    except ConflictError as exc:
        _readable_conflict(session, exc)
        raise
    return record(session, Changes.PEOPLE | Changes.AUDIT)


def _keep_an_administrator(session: Session, actor: Actor, user: User, *, role: str, active: bool) -> None:
    """Refuse to demote or deactivate the last active administrator, and to deactivate oneself."""
    if user.active and not active and user.username == actor.username:
        raise ValueError("You cannot deactivate the account you are signed in with; "
                         "ask another administrator.")
    if not (user.active and user.role == "administrator") or (active and role == "administrator"):
        return
    # FOR UPDATE (PostgreSQL): two desks demoting two different administrators at once queue up
    # here, and the second sees that only one is left
    others = session.scalars(
        select(User.id).where(User.role == "administrator", User.active.is_(True), User.password_hash.is_not(None),
                              User.id != user.id).with_for_update()).all()
    if not others:
        what = "deactivated" if not active else "given another role"
        raise ValueError(f"{user.username} is the last active administrator and cannot be {what}. "
                         "Make another user an administrator first.")


def _readable_conflict(session: Session, exc: ConflictError) -> None:
    """The conflict dialog shows the person's name, never password material or sign-in counters."""
    for side in (exc.mine, exc.theirs):
        for secret in ("password_hash", "failed_logins"):
            side.pop(secret, None)
        if "person_id" in side:
            person_id = side.pop("person_id")
            person = session.get(Person, person_id) if person_id is not None else None
            side["person"] = person.full_name if person is not None else ""


def _user_or_conflict(session: Session, user_id: int) -> User:
    user = session.get(User, user_id, populate_existing=True)
    if user is None:
        raise ConflictError("This user was removed by another desk.", "user", user_id)
    return user


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"Unknown role '{role}'. Roles: {', '.join(ROLES)}.")


def _check_person(session: Session, person_id: int | None) -> None:
    if person_id is not None and session.get(Person, person_id) is None:
        raise ValueError(f"Person {person_id} does not exist (it may have been removed on another desk).")


def _clean_display_name(display_name: str, username: str) -> str:
    name = " ".join(display_name.split())
    if len(name) > 120:
        raise ValueError("A display name has at most 120 characters.")
    return name or username


def set_demo_passwords(session: Session, password: str) -> int:
    """Demo centers only: give every demo user the same documented password, no change forced."""
    hashed = hash_password(password)  # one slow hash for all: they share the password anyway
    users = session.scalars(select(User)).all()
    for user in users:
        user.password_hash = hashed
        user.must_change_password = False
    session.flush()
    return len(users)


def _clean_username(username: str) -> str:
    name = username.strip().lower()
    if not name or len(name) > 64 or any(ch.isspace() for ch in name):
        raise ValueError("A user name is 1 to 64 characters without spaces.")
    return name
