"""Users: sign-in with a slow modern hash (Argon2id), lock-out, first-run administrator, roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.security.permissions import require
from db.models import User
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


def create_user(session: Session, actor: Actor, username: str, display_name: str, role: str,
                temporary_password: str, person_id: int | None = None) -> UserInfo:
    """An administrator adds a user; the user must change the temporary password at first sign-in."""
    require(actor, "users.edit")
    username = _clean_username(username)
    if role not in ROLES:
        raise ValueError(f"Unknown role '{role}'. Roles: {', '.join(ROLES)}.")
    if session.scalars(select(User).where(User.username == username)).first() is not None:
        raise ValueError(f"The user name '{username}' is taken.")
    check_password_strength(temporary_password)
    user = User(username=username, display_name=display_name.strip() or username, role=role,
                person_id=person_id, password_hash=hash_password(temporary_password), must_change_password=True)
    session.add(user)
    session.flush()
    audit.record(session, actor, "create", "user", user.id, after={"username": username, "role": role})
    record(session, Changes.PEOPLE | Changes.AUDIT)
    return _info(user)


def reset_password(session: Session, actor: Actor, user_id: int, temporary_password: str) -> None:
    """An administrator sets a temporary password and unlocks the account."""
    require(actor, "users.edit")
    user = session.get(User, user_id)
    if user is None:
        raise ValueError("Unknown user.")
    check_password_strength(temporary_password)
    user.password_hash = hash_password(temporary_password)
    user.must_change_password = True
    user.failed_logins = 0
    user.locked_until = None
    audit.record(session, actor, "reset_password", "user", user.id)
    record(session, Changes.PEOPLE | Changes.AUDIT)


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
