"""Users in Admin: only administrators change them, every change is audited (never the password),
the last administrator stays, and a stale copy is a conflict — services and the Users tab."""

from __future__ import annotations

import json
import threading
import time
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.actor import Actor
from app.admin.users import get_user_row, list_user_rows
from app.changes import Changes
from app.security import accounts
from app.security.accounts import SignInError
from app.security.permissions import PermissionDenied
from db.errors import ConflictError
from db.models import AuditEntry, ChangeLogEntry
from tests import factories as f

ADA = Actor("ada", "administrator")
PASSWORD = "first-pass-1"  # noqa: S105 - test data


@pytest.fixture(autouse=True)
def _quick_hashes(monkeypatch):
    """Argon2id with the smallest cost: these tests hash dozens of passwords; the algorithm is the same."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))


def _setup(db) -> dict[str, int]:
    """A first administrator (ada), a supervisor account (sam) linked to a person."""
    with db.session() as s:
        admin = accounts.create_first_administrator(s, "ada", "Ada Admin", PASSWORD)
        c = f.center(s)
        sue = f.person(s, c, None, name="Sue Supervisor", title="supervisor")
        sam = accounts.create_user(s, ADA, "sam", "Sam", "supervisor", "temp-pass-1", person_id=sue.id)
        return {"ada": admin.id, "sam": sam.id, "sue": sue.id}


def _row(db, user_id):
    with db.session() as s:
        return get_user_row(s, user_id)


def _audit(db, action: str | None = None) -> list[AuditEntry]:
    with db.session() as s:
        q = select(AuditEntry).where(AuditEntry.entity == "user").order_by(AuditEntry.id)
        if action:
            q = q.where(AuditEntry.action == action)
        return list(s.scalars(q))


def _no_password_in(entries: list[AuditEntry], *passwords: str) -> None:
    for e in entries:
        text = json.dumps([e.before, e.after], default=str)
        assert "password_hash" not in text and "$argon2" not in text
        for password in passwords:
            assert password not in text


# --- services -----------------------------------------------------------------------------------
def test_user_list_names_the_linked_person_and_sign_in_state(sqlite_db, frozen_clock):
    ids = _setup(sqlite_db)
    with sqlite_db.session() as s:
        accounts.authenticate(s, "ada", PASSWORD)
        rows = {u.username: u for u in list_user_rows(s)}
    assert rows["sam"].person_name == "Sue Supervisor" and rows["sam"].must_change_password
    assert rows["ada"].last_login_at == frozen_clock() and rows["sam"].last_login_at is None
    assert rows["ada"].person_name is None and rows["ada"].has_password
    assert _row(sqlite_db, ids["sam"]).role == "supervisor"


def test_adding_a_user_is_audited_without_the_password(sqlite_db):
    _setup(sqlite_db)
    with sqlite_db.session() as s:
        person = f.person(s, f.center(s, name="Second"), None, name="Tina Trainer", title="trainer")
        user = accounts.create_user(s, ADA, " Tina ", "  Tina   Trainer ", "trainer", "tina-temp-9",
                                    person_id=person.id)
    assert (user.username, user.display_name, user.must_change_password) == ("tina", "Tina Trainer", True)
    created = [e for e in _audit(sqlite_db, "create") if e.after["username"] == "tina"]
    assert len(created) == 1 and created[0].actor == "ada"
    assert created[0].after["role"] == "trainer" and created[0].after["person_id"] == person.id
    _no_password_in(_audit(sqlite_db), "tina-temp-9", "temp-pass-1", PASSWORD)
    with sqlite_db.session() as s:
        kinds = s.scalars(select(ChangeLogEntry.kinds).order_by(ChangeLogEntry.seq.desc())).first()
        assert accounts.authenticate(s, "tina", "tina-temp-9").must_change_password
    assert "PEOPLE" in kinds and "AUDIT" in kinds


@pytest.mark.parametrize("bad", [
    {"role": "overlord"}, {"username": "two words"}, {"password": "short1"}, {"password": "lettersonly"},
    {"person_id": 999_999}, {"username": "sam"},
])
def test_bad_new_users_are_refused_with_a_message(sqlite_db, bad):
    _setup(sqlite_db)
    args = {"username": "newbie", "role": "agent", "password": "good-pass-1", "person_id": None} | bad
    with pytest.raises(ValueError) as info, sqlite_db.session() as s:
        accounts.create_user(s, ADA, args["username"], "New", args["role"], args["password"],
                             person_id=args["person_id"])
    assert str(info.value)  # a sentence, not an empty error
    with sqlite_db.session() as s:
        assert len(list_user_rows(s)) == 2


@pytest.mark.parametrize("role", ["agent", "supervisor", "scheduler", "quality_analyst", "trainer", "manager"])
def test_only_administrators_change_users_service_layer_enforced(sqlite_db, role):
    ids = _setup(sqlite_db)
    actor = Actor("someone", role)
    sam = _row(sqlite_db, ids["sam"])
    calls = [
        lambda s: accounts.create_user(s, actor, "eve", "Eve", "administrator", "temp-pass-1"),
        lambda s: accounts.set_user_role(s, actor, sam.id, sam.version, "administrator"),
        lambda s: accounts.set_user_active(s, actor, sam.id, sam.version, False),
        lambda s: accounts.update_user(s, actor, sam.id, sam.version, display_name="x", role="manager",
                                       person_id=None, active=True),
        lambda s: accounts.reset_password(s, actor, sam.id, "hijack-pass-1"),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied), sqlite_db.session() as s:
            call(s)
    assert _row(sqlite_db, ids["sam"]) == sam


def test_role_change_and_deactivation_are_audited_and_versioned(any_db):
    ids = _setup(any_db)
    sam = _row(any_db, ids["sam"])
    with any_db.session() as s:
        changes = accounts.set_user_role(s, ADA, sam.id, sam.version, "manager")
    assert changes == Changes.PEOPLE | Changes.AUDIT
    after = _row(any_db, ids["sam"])
    assert after.role == "manager" and after.version == sam.version + 1
    with any_db.session() as s:
        accounts.set_user_active(s, ADA, sam.id, after.version, False)
    with pytest.raises(SignInError), any_db.session() as s:  # a deactivated user cannot sign in
        accounts.authenticate(s, "sam", "temp-pass-1")
    updates = _audit(any_db, "update")
    assert [(e.before, e.after) for e in updates] == [({"role": "supervisor"}, {"role": "manager"}),
                                                      ({"active": True}, {"active": False})]
    with any_db.session() as s:
        accounts.set_user_active(s, ADA, sam.id, after.version + 1, True)
        assert accounts.authenticate(s, "sam", "temp-pass-1").role == "manager"


def test_stale_copy_of_a_user_is_a_conflict_on_both_engines(any_db):
    ids = _setup(any_db)
    sam = _row(any_db, ids["sam"])
    with any_db.session() as s:  # desk one makes Sam a manager
        accounts.set_user_role(s, ADA, sam.id, sam.version, "manager")
    with pytest.raises(ConflictError) as info, any_db.session() as s:  # desk two still holds the old copy
        accounts.update_user(s, ADA, sam.id, sam.version, display_name="Samuel", role="trainer",
                             person_id=None, active=True)
    exc = info.value
    assert exc.entity == "user" and exc.theirs["role"] == "manager" and exc.mine["role"] == "trainer"
    assert exc.theirs["person"] == "Sue Supervisor" and exc.mine["person"] == ""  # names, not ids
    assert "password_hash" not in exc.theirs and "failed_logins" not in exc.theirs
    after = _row(any_db, ids["sam"])
    assert (after.role, after.display_name) == ("manager", "Sam")


def test_last_active_administrator_cannot_be_demoted_or_deactivated(any_db):
    ids = _setup(any_db)
    ada = _row(any_db, ids["ada"])
    other_admin = Actor("root", "administrator")  # a second desk's administrator acting on ada
    with pytest.raises(ValueError, match="last active administrator"), any_db.session() as s:
        accounts.set_user_role(s, other_admin, ada.id, ada.version, "manager")
    with pytest.raises(ValueError, match="last active administrator"), any_db.session() as s:
        accounts.set_user_active(s, other_admin, ada.id, ada.version, False)
    with pytest.raises(ValueError, match="last active administrator"), any_db.session() as s:
        accounts.update_user(s, other_admin, ada.id, ada.version, display_name="Ada", role="supervisor",
                             person_id=None, active=True)
    assert _row(any_db, ids["ada"]) == ada
    # with a second administrator, ada may step down
    sam = _row(any_db, ids["sam"])
    with any_db.session() as s:
        accounts.set_user_role(s, ADA, sam.id, sam.version, "administrator")
    with any_db.session() as s:
        accounts.set_user_role(s, ADA, ada.id, ada.version, "manager")
    assert _row(any_db, ids["ada"]).role == "manager"
    # ...and now sam is the last one
    sam = _row(any_db, ids["sam"])
    with pytest.raises(ValueError, match="sam is the last active administrator"), any_db.session() as s:
        accounts.set_user_active(s, ADA, sam.id, sam.version, False)


def test_a_deactivated_administrator_does_not_count(sqlite_db):
    ids = _setup(sqlite_db)
    with sqlite_db.session() as s:
        eve = accounts.create_user(s, ADA, "eve", "Eve", "administrator", "temp-pass-1")
    with sqlite_db.session() as s:
        accounts.set_user_active(s, ADA, eve.id, eve.version, False)
    ada = _row(sqlite_db, ids["ada"])
    with pytest.raises(ValueError, match="last active administrator"), sqlite_db.session() as s:
        accounts.set_user_role(s, Actor("root", "administrator"), ada.id, ada.version, "manager")


def test_an_administrator_cannot_deactivate_their_own_account(sqlite_db):
    ids = _setup(sqlite_db)
    sam = _row(sqlite_db, ids["sam"])
    with sqlite_db.session() as s:
        accounts.set_user_role(s, ADA, sam.id, sam.version, "administrator")
    ada = _row(sqlite_db, ids["ada"])
    with pytest.raises(ValueError, match="signed in with"), sqlite_db.session() as s:
        accounts.set_user_active(s, ADA, ada.id, ada.version, False)
    assert _row(sqlite_db, ids["ada"]).active


def test_two_desks_demoting_the_last_two_administrators_at_once_leave_one(pg_db):
    """PostgreSQL: the second desk waits for the first and then sees that only one is left."""
    ids = _setup(pg_db)
    sam = _row(pg_db, ids["sam"])
    with pg_db.session() as s:
        accounts.set_user_role(s, ADA, sam.id, sam.version, "administrator")
    ada, sam = _row(pg_db, ids["ada"]), _row(pg_db, ids["sam"])
    first_done, outcome = threading.Event(), {}

    def desk_one() -> None:
        with pg_db.session() as s:
            accounts.set_user_role(s, Actor("root", "administrator"), ada.id, ada.version, "manager")
            first_done.set()
            time.sleep(0.6)  # still uncommitted while desk two checks

    def desk_two() -> None:
        first_done.wait(5)
        try:
            with pg_db.session() as s:
                accounts.set_user_role(s, Actor("root", "administrator"), sam.id, sam.version, "manager")
            outcome["two"] = "saved"
        except ValueError as exc:
            outcome["two"] = str(exc)

    threads = [threading.Thread(target=desk_one), threading.Thread(target=desk_two)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert "last active administrator" in outcome["two"]
    with pg_db.session() as s:
        admins = [u.username for u in list_user_rows(s) if u.role == "administrator" and u.active]
    assert admins == ["sam"]


def test_reset_password_unlocks_forces_a_change_and_is_audited_without_it(sqlite_db, frozen_clock):
    ids = _setup(sqlite_db)
    for _ in range(accounts.MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInError), sqlite_db.session() as s:
            accounts.authenticate(s, "sam", "wrong")
    assert _row(sqlite_db, ids["sam"]).locked(frozen_clock())
    with sqlite_db.session() as s:
        changes = accounts.reset_password(s, ADA, ids["sam"], "brand-new-7")
    assert changes == Changes.PEOPLE | Changes.AUDIT
    row = _row(sqlite_db, ids["sam"])
    assert not row.locked(frozen_clock()) and row.must_change_password
    with pytest.raises(SignInError), sqlite_db.session() as s:
        accounts.authenticate(s, "sam", "temp-pass-1")
    with sqlite_db.session() as s:
        assert accounts.authenticate(s, "sam", "brand-new-7").must_change_password
    resets = _audit(sqlite_db, "reset_password")
    assert len(resets) == 1 and resets[0].after == {"must_change_password": True, "locked_until": None}
    _no_password_in(_audit(sqlite_db), "brand-new-7", "temp-pass-1")


def test_suggested_temporary_passwords_meet_the_rules():
    seen = set()
    for _ in range(50):
        password = accounts.suggest_temporary_password()
        accounts.check_password_strength(password)
        assert not set(password) & set("IlO01")
        seen.add(password)
    assert len(seen) == 50


# --- the Users tab --------------------------------------------------------------------------------
def _workspace(qtbot, db, actor=ADA):
    from ui.admin.workspace import AdminWorkspace
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.tasks import TaskRunner

    ctx = ConsoleContext(db=db, tasks=TaskRunner(db, inline=True), bus=Bus(), actor=actor,
                         timezone=ZoneInfo("Asia/Shanghai"), center_name="Test Center")
    page = AdminWorkspace(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitUntil(lambda: page.load_count >= 1)
    page.tabs.setCurrentWidget(page.users_page)
    return page


def _select_user(page, username: str) -> None:
    proxy = page.users_page.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data() == username:
            page.users_page.table.selectRow(row)
            return
    raise AssertionError(f"{username} not listed")


def _shown(page, username: str, column: int) -> str:
    model = page.users_model
    row = next(i for i, u in enumerate(model.rows()) if u.username == username)
    return model.index(row, column).data()


@pytest.mark.gui
def test_users_model_passes_qtmodeltester(qtmodeltester, sqlite_db, frozen_clock):
    from ui.admin.models import UsersModel

    _setup(sqlite_db)
    for _ in range(accounts.MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInError), sqlite_db.session() as s:
            accounts.authenticate(s, "sam", "wrong")
    model = UsersModel(ZoneInfo("Asia/Shanghai"))
    with sqlite_db.session() as s:
        model.set_rows(list_user_rows(s))
    qtmodeltester.check(model, force_py=True)
    sam = next(i for i, u in enumerate(model.rows()) if u.username == "sam")
    assert model.index(sam, UsersModel.ROLE).data() == "Supervisor"
    assert model.index(sam, UsersModel.PERSON).data() == "Sue Supervisor"
    assert model.index(sam, UsersModel.LOCKED_UNTIL).data() == "2026-11-18 10:15:00"  # 15 min, Shanghai time
    assert model.index(sam, UsersModel.LAST_SIGN_IN).data() == "never"
    assert model.index(sam, UsersModel.MUST_CHANGE).data() == "Yes"


@pytest.mark.gui
def test_administrator_adds_a_user_through_the_dialog(qtbot, sqlite_db):
    ids = _setup(sqlite_db)
    page = _workspace(qtbot, sqlite_db)
    assert page.users_model.rowCount() == 2 and page.add_user_button.isEnabled()
    dialog = page.add_user()
    dialog.username.setText("wang.fang")
    dialog.person.setCurrentIndex(dialog.person.findData(ids["sue"]))
    assert dialog.display_name.text() == "Sue Supervisor"  # picked up from the person
    assert dialog.role.currentData() == "supervisor"
    dialog.password.edit.setText("short")
    dialog.save()
    assert dialog.isVisible() and "at least 8" in dialog.error.text()  # refused before the database
    dialog.password.suggest.click()
    temporary = dialog.password.text()
    dialog.save()
    assert not dialog.isVisible()
    assert page.users_model.rowCount() == 3  # the bus reloaded the tab
    assert _shown(page, "wang.fang", page.users_model.MUST_CHANGE) == "Yes"
    with sqlite_db.session() as s:
        assert accounts.authenticate(s, "wang.fang", temporary).must_change_password


@pytest.mark.gui
def test_administrator_changes_a_role_and_deactivates_and_reactivates(qtbot, sqlite_db):
    _setup(sqlite_db)
    page = _workspace(qtbot, sqlite_db)
    _select_user(page, "sam")
    dialog = page.edit_selected_user()
    assert dialog.save_button is not None and dialog.person.currentText().startswith("Sue Supervisor")
    dialog.role.setCurrentIndex(dialog.role.findData("scheduler"))
    dialog.save()
    assert not dialog.isVisible()
    assert _shown(page, "sam", page.users_model.ROLE) == "Scheduler"
    _select_user(page, "sam")
    assert page.user_active_button.text() == "Deactivate"
    page.toggle_selected_user_active()
    assert _shown(page, "sam", page.users_model.ACTIVE) == "No"
    assert page.selected_user().username == "sam" and page.user_active_button.text() == "Reactivate"
    page.toggle_selected_user_active()
    assert _shown(page, "sam", page.users_model.ACTIVE) == "Yes"
    actions = [(line.action, line.entity) for line in page.audit_model.rows()][:3]
    assert actions == [("update", "user")] * 3


@pytest.mark.gui
def test_deactivating_the_last_administrator_says_why_in_place(qtbot, sqlite_db):
    _setup(sqlite_db)
    page = _workspace(qtbot, sqlite_db, Actor("root", "administrator"))
    _select_user(page, "ada")
    page.toggle_selected_user_active()
    assert page.users_message.isVisible() and "last active administrator" in page.users_message.text()
    assert _shown(page, "ada", page.users_model.ACTIVE) == "Yes"


@pytest.mark.gui
def test_reset_password_through_the_dialog_unlocks_the_account(qtbot, sqlite_db, frozen_clock):
    ids = _setup(sqlite_db)
    for _ in range(accounts.MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInError), sqlite_db.session() as s:
            accounts.authenticate(s, "sam", "wrong")
    page = _workspace(qtbot, sqlite_db)
    assert _shown(page, "sam", page.users_model.LOCKED_UNTIL) != ""
    _select_user(page, "sam")
    dialog = page.reset_selected_user_password()
    assert "sam" in dialog.header.text() and "next sign-in" in dialog.note.text()
    dialog.password.edit.setText("reset-pass-4")
    dialog.save()
    assert not dialog.isVisible()
    assert _shown(page, "sam", page.users_model.LOCKED_UNTIL) == ""
    assert _row(sqlite_db, ids["sam"]).must_change_password


@pytest.mark.gui
def test_second_desk_editing_a_stale_user_gets_the_conflict_dialog(qtbot, sqlite_db, monkeypatch):
    import ui.admin.dialogs as dialogs

    ids = _setup(sqlite_db)
    page = _workspace(qtbot, sqlite_db)
    _select_user(page, "sam")
    dialog = page.edit_selected_user()
    sam = _row(sqlite_db, ids["sam"])
    with sqlite_db.session() as s:  # another desk saves first
        accounts.set_user_role(s, ADA, sam.id, sam.version, "trainer")
    shown: list[BaseException] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, exc, on_reload=None: shown.append(exc)
                        or (on_reload and on_reload()))
    dialog.role.setCurrentIndex(dialog.role.findData("manager"))
    dialog.save()
    assert len(shown) == 1 and isinstance(shown[0], ConflictError) and shown[0].theirs["role"] == "trainer"
    # "Reload their version" refilled the form with the other desk's values
    assert dialog.isVisible() and dialog.role.currentData() == "trainer" and dialog.version == sam.version + 1
    dialog.close()


@pytest.mark.gui
def test_non_administrators_see_users_read_only(qtbot, sqlite_db):
    _setup(sqlite_db)
    page = _workspace(qtbot, sqlite_db, Actor("meg", "manager"))
    assert page.users_model.rowCount() == 2
    assert not page.add_user_button.isEnabled() and page.add_user() is None
    _select_user(page, "sam")
    assert not page.user_active_button.isEnabled() and not page.reset_password_button.isEnabled()
    assert page.edit_user_button.text() == "Details…"
    dialog = page.edit_selected_user()
    assert dialog.save_button is None and not dialog.role.isEnabled() and not dialog.active.isEnabled()
    dialog.close()
    page.toggle_selected_user_active()  # refused before any database work
    assert _row(page.ctx.db, _row_id(page, "sam")).active


def _row_id(page, username: str) -> int:
    return next(u.id for u in page.users_model.rows() if u.username == username)
