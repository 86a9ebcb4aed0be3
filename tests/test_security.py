"""Sign-in, lock-out, first-run administrator, roles, masking and encryption of customer data."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.actor import Actor
from app.security import accounts
from app.security.accounts import SignInError
from app.security.crypto import CustomerCipher, KeyError_
from app.security.masking import mask_email, mask_name, mask_phone
from app.security.permissions import PermissionDenied, allowed
from db.models import AuditEntry, User

ADMIN = Actor("ada", "administrator")


def _first_admin(db, password="s3cret-pass"):
    with db.session() as s:
        return accounts.create_first_administrator(s, "Ada", "Ada Admin", password)


def test_first_run_creates_the_administrator_once(any_db):
    with any_db.session() as s:
        assert accounts.needs_first_administrator(s)
    user = _first_admin(any_db)
    assert (user.username, user.role, user.must_change_password) == ("ada", "administrator", False)
    with any_db.session() as s:
        assert not accounts.needs_first_administrator(s)
        stored = s.scalars(select(User)).one().password_hash
    assert stored.startswith("$argon2id$") and "s3cret-pass" not in stored
    with pytest.raises(SignInError), any_db.session() as s:
        accounts.create_first_administrator(s, "eve", "Eve", "another-pass1")


def test_sign_in_checks_the_password_and_is_audited(sqlite_db, frozen_clock):
    _first_admin(sqlite_db)
    with sqlite_db.session() as s:
        user = accounts.authenticate(s, " ada ", "s3cret-pass")
    assert user.last_login_at == frozen_clock.at
    with pytest.raises(SignInError, match="not right"), sqlite_db.session() as s:
        accounts.authenticate(s, "ada", "wrong")
    with pytest.raises(SignInError, match="not right"), sqlite_db.session() as s:
        accounts.authenticate(s, "nobody", "wrong")
    with sqlite_db.session() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "user")).all()
    assert "sign_in" in actions


def test_lock_out_after_repeated_failures_then_unlock_after_the_period(sqlite_db, frozen_clock):
    _first_admin(sqlite_db)
    for _ in range(accounts.MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInError), sqlite_db.session() as s:
            accounts.authenticate(s, "ada", "wrong")
    # now even the right password is refused, with a clear reason
    with pytest.raises(SignInError, match="locked"), sqlite_db.session() as s:
        accounts.authenticate(s, "ada", "s3cret-pass")
    frozen_clock.advance(seconds=accounts.LOCK_OUT_FOR.total_seconds() + 1)
    with sqlite_db.session() as s:
        assert accounts.authenticate(s, "ada", "s3cret-pass").username == "ada"


def test_new_user_must_change_the_temporary_password(sqlite_db):
    _first_admin(sqlite_db)
    with sqlite_db.session() as s:
        sam = accounts.create_user(s, ADMIN, "sam", "Sam Supervisor", "supervisor", "temp-pass-1")
    with sqlite_db.session() as s:
        assert accounts.authenticate(s, "sam", "temp-pass-1").must_change_password
    with pytest.raises(ValueError, match="at least"), sqlite_db.session() as s:
        accounts.change_password(s, sam.id, "temp-pass-1", "short")
    with sqlite_db.session() as s:
        accounts.change_password(s, sam.id, "temp-pass-1", "my-own-pass-2")
    with sqlite_db.session() as s:
        assert not accounts.authenticate(s, "sam", "my-own-pass-2").must_change_password


def test_only_administrators_manage_users_service_layer_enforced(sqlite_db):
    _first_admin(sqlite_db)
    supervisor = Actor("sam", "supervisor")
    with pytest.raises(PermissionDenied), sqlite_db.session() as s:
        accounts.create_user(s, supervisor, "eve", "Eve", "administrator", "temp-pass-1")
    with pytest.raises(ValueError, match="Unknown role"), sqlite_db.session() as s:
        accounts.create_user(s, ADMIN, "eve", "Eve", "overlord", "temp-pass-1")


def test_permission_matrix_matches_the_roles():
    assert allowed(Actor("s", "scheduler"), "rota.publish")
    assert not allowed(Actor("s", "supervisor"), "rota.publish")
    assert allowed(Actor("m", "manager"), "review.publish")
    assert not allowed(Actor("s", "scheduler"), "review.publish")
    assert not allowed(Actor("a", "agent"), "customer.reveal")


@pytest.mark.parametrize(("phone", "masked"), [("13812346925", "138****6925"), ("+86 138-1234-6925", "861****6925"),
                                               ("", ""), ("1234", "****")])
def test_phone_masking_R_SEC_2(phone, masked):
    assert mask_phone(phone) == masked


def test_name_and_email_masking_R_SEC_2():
    assert mask_name("Zhang Wei") == "Zhang *"
    assert mask_name("张伟") == "张*"
    assert mask_email("wei.zhang@example.com") == "w***@example.com"


def test_customer_identifiers_round_trip_and_are_authenticated_R_SEC_2(tmp_path):
    cipher = CustomerCipher.from_key_file(tmp_path / "customer.key")
    blob = cipher.encrypt("13812346925")
    assert b"13812346925" not in blob and cipher.decrypt(blob) == "13812346925"
    tampered = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(Exception):  # noqa: B017 - cryptography raises InvalidTag
        cipher.decrypt(tampered)
    other = CustomerCipher.from_key_file(tmp_path / "other.key")
    with pytest.raises(KeyError_):
        other.decrypt(blob)
    assert cipher.lookup_hash("138-1234-6925") == cipher.lookup_hash("13812346925")
    assert (tmp_path / "customer.key").stat().st_mode & 0o077 == 0  # owner-only key file


@pytest.mark.gui
def test_first_run_dialog_creates_admin_and_sign_in_dialog_reports_errors(qtbot, sqlite_db):
    from ui.security.sign_in import FirstRunDialog, SignInDialog
    from ui.tasks import TaskRunner

    tasks = TaskRunner(sqlite_db, inline=True)
    first = FirstRunDialog(tasks)
    qtbot.addWidget(first)
    first.password.setText("s3cret-pass")
    first.repeat.setText("s3cret-pass!")
    first._submit()
    assert "differ" in first.error.text() and first.user is None
    first.repeat.setText("s3cret-pass")
    first._submit()
    assert first.user is not None and first.user.role == "administrator"

    dialog = SignInDialog(tasks, "Demo Center")
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    dialog.password.setText("nope")
    dialog._submit()
    assert dialog.user is None and "not right" in dialog.error.text()
    assert dialog.buttons.isEnabled()  # after an error the user can try again
    dialog.password.setText("s3cret-pass")
    dialog._submit()
    assert dialog.user is not None and dialog.result() == dialog.DialogCode.Accepted
    tasks.shutdown()


def test_same_user_signing_in_on_two_desks_at_once_is_not_a_conflict(pg_db):
    import threading

    _first_admin(pg_db)
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def desk() -> None:
        barrier.wait()
        try:
            with pg_db.session() as s:
                accounts.authenticate(s, "ada", "s3cret-pass")
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=desk) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with pg_db.session() as s:
        assert s.scalars(select(User)).one().failed_logins == 0
