"""Admin: people, teams, queues and rule values — listed, edited with audit, refused with a message."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.actor import Actor
from app.admin.audit_log import audit_entities, audit_lines
from app.admin.overview import admin_overview
from app.admin.people import get_person, list_people, list_teams, update_person
from app.admin.queues import get_queue, list_queues, update_queue_targets
from app.admin.rules import coerce_rule_value, get_rule, update_rule
from app.changes import Changes
from app.security.permissions import PermissionDenied
from db.errors import ConflictError
from db.models import AuditEntry, ChangeLogEntry, PersonSkill
from tests import factories as f

ADMIN = Actor("ada", "administrator")
SUPERVISOR = Actor("sam", "supervisor")
MANAGER = Actor("meg", "manager")


def _center(db) -> dict[str, int]:
    """Two teams, a supervisor, two agents (one mentored, one inactive), an admin, three queues."""
    with db.session() as s:
        c = f.center(s)
        north, south = f.team(s, c, "North"), f.team(s, c, "South")
        sup = f.person(s, c, north, name="Sue Supervisor", title="supervisor")
        north.supervisor_id = sup.id
        mentor = f.person(s, c, north, name="Mia Mentor", level="senior")
        newbie = f.person(s, c, north, name="Ned Newbie", level="junior")
        newbie.mentor_id = mentor.id
        gone = f.person(s, c, south, name="Gus Gone", level="intermediate")
        gone.active = False
        f.person(s, c, None, name="Al Admin", title="administrator", level=None)
        phone, vip = f.queue(s, c, "Phone", "phone"), f.queue(s, c, "VIP line", "phone", vip=True)
        f.queue(s, c, "Chat", "chat")
        vip.priority = 10
        s.add_all([PersonSkill(person_id=newbie.id, queue_id=phone.id, proficiency=2),
                   PersonSkill(person_id=mentor.id, queue_id=vip.id, proficiency=5),
                   PersonSkill(person_id=mentor.id, queue_id=phone.id, proficiency=4)])
        return {"north": north.id, "south": south.id, "newbie": newbie.id, "mentor": mentor.id,
                "gone": gone.id, "sup": sup.id, "phone": phone.id, "vip": vip.id}


# --- services -----------------------------------------------------------------------------------
def test_people_list_names_team_mentor_and_skills(any_db):
    ids = _center(any_db)
    with any_db.session() as s:
        people = {p.full_name: p for p in list_people(s)}
        teams = {t.name: t for t in list_teams(s)}
    newbie, mentor = people["Ned Newbie"], people["Mia Mentor"]
    assert (newbie.team_name, newbie.mentor_name, newbie.level) == ("North", "Mia Mentor", "junior")
    assert newbie.skills_text == "Phone (2)"
    assert mentor.skills_text == "VIP line (5), Phone (4)"  # strongest skill first
    assert people["Al Admin"].team_name is None and people["Gus Gone"].active is False
    # headcount counts active people only; the supervisor is named
    assert (teams["North"].headcount, teams["North"].supervisor_name) == (3, "Sue Supervisor")
    assert teams["South"].headcount == 0
    assert get_person_id(any_db, ids["newbie"]).full_name == "Ned Newbie"


def get_person_id(db, pid):
    with db.session() as s:
        return get_person(s, pid)


def test_person_edit_is_audited_and_announced(any_db):
    ids = _center(any_db)
    newbie = get_person_id(any_db, ids["newbie"])
    with any_db.session() as s:
        changes = update_person(s, ADMIN, newbie.id, newbie.version, team_id=ids["south"], level="intermediate",
                                contract_hours_week=32.5, active=True)
    assert changes == Changes.PEOPLE | Changes.AUDIT
    after = get_person_id(any_db, ids["newbie"])
    assert (after.team_name, after.level, after.contract_hours_week, after.version) == \
        ("South", "intermediate", 32.5, newbie.version + 1)
    with any_db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "person")).one()
        kinds = s.scalars(select(ChangeLogEntry.kinds)).all()
    assert entry.actor == "ada" and entry.entity_id == str(newbie.id)
    assert entry.before["team_id"] == ids["north"] and entry.after["team_id"] == ids["south"]
    assert entry.before["level"] == "junior" and entry.after["contract_hours_week"] == 32.5
    assert any("PEOPLE" in k for k in kinds)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("contract_hours_week", 0, "more than 0"),
    ("contract_hours_week", 61, "at most 60"),
    ("contract_hours_week", "lots", "must be a number"),
    ("level", "guru", "level must be one of"),
    ("team_id", 999_999, "does not exist"),
])
def test_bad_person_values_are_refused_with_a_message_and_nothing_changes(sqlite_db, field, value, message):
    ids = _center(sqlite_db)
    before = get_person_id(sqlite_db, ids["newbie"])
    values = {"team_id": before.team_id, "level": before.level, "contract_hours_week": 40.0, "active": True}
    values[field] = value
    with pytest.raises(ValueError, match=message), sqlite_db.session() as s:
        update_person(s, ADMIN, before.id, before.version, **values)
    assert get_person_id(sqlite_db, ids["newbie"]) == before


def test_only_agents_have_a_level(sqlite_db):
    ids = _center(sqlite_db)
    sup = get_person_id(sqlite_db, ids["sup"])
    with pytest.raises(ValueError, match="Only agents have a level"), sqlite_db.session() as s:
        update_person(s, ADMIN, sup.id, sup.version, team_id=sup.team_id, level="senior",
                      contract_hours_week=40, active=True)


def test_people_edits_need_the_people_edit_permission(sqlite_db):
    ids = _center(sqlite_db)
    p = get_person_id(sqlite_db, ids["newbie"])
    with pytest.raises(PermissionDenied), sqlite_db.session() as s:
        update_person(s, SUPERVISOR, p.id, p.version, team_id=None, level="junior", contract_hours_week=40,
                      active=True)


def test_person_conflict_names_the_teams_not_their_ids(sqlite_db):
    ids = _center(sqlite_db)
    p = get_person_id(sqlite_db, ids["newbie"])
    with sqlite_db.session() as s:  # desk one moves Ned to South
        update_person(s, ADMIN, p.id, p.version, team_id=ids["south"], level="junior", contract_hours_week=40,
                      active=True)
    with pytest.raises(ConflictError) as info, sqlite_db.session() as s:  # desk two still holds the old copy
        update_person(s, ADMIN, p.id, p.version, team_id=None, level="senior", contract_hours_week=40,
                      active=True)
    assert info.value.theirs["team"] == "South" and info.value.mine["team"] == ""
    assert info.value.mine["level"] == "senior" and info.value.theirs["level"] == "junior"
    assert get_person_id(sqlite_db, ids["newbie"]).team_name == "South"


def test_queue_targets_edit_R_SCH_10(any_db):
    ids = _center(any_db)
    with any_db.session() as s:
        queues = list_queues(s)
    assert queues[0].name == "VIP line"  # highest priority first (VIP served first at peaks)
    q = next(q for q in queues if q.id == ids["phone"])
    with any_db.session() as s:
        update_queue_targets(s, ADMIN, q.id, q.version, priority=3, target_percent="85 %", target_answer_sec=20)
    with any_db.session() as s:
        after = get_queue(s, q.id)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "queue")).one()
    assert (after.priority, after.target_service_level, after.target_answer_sec) == (3, 0.85, 20)
    assert entry.before["target_service_level"] == 0.8 and entry.after["target_service_level"] == 0.85


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"target_percent": 0}, "more than 0 %"),
    ({"target_percent": 120}, "at most 100 %"),
    ({"target_percent": "most"}, "must be a percentage"),
    ({"target_answer_sec": 0}, "between 1 and"),
    ({"target_answer_sec": 2.5}, "whole seconds"),
    ({"priority": -1}, "from 0 to 100"),
])
def test_bad_queue_targets_are_refused(sqlite_db, kwargs, message):
    ids = _center(sqlite_db)
    with sqlite_db.session() as s:
        q = get_queue(s, ids["phone"])
    values = {"priority": 0, "target_percent": 80, "target_answer_sec": 30, **kwargs}
    with pytest.raises(ValueError, match=message), sqlite_db.session() as s:
        update_queue_targets(s, ADMIN, q.id, q.version, **values)
    with sqlite_db.session() as s:
        assert get_queue(s, q.id) == q


def test_queue_targets_need_rules_edit(sqlite_db):
    ids = _center(sqlite_db)
    with pytest.raises(PermissionDenied), sqlite_db.session() as s:
        update_queue_targets(s, MANAGER, ids["phone"], 1, priority=1, target_percent=80, target_answer_sec=30)


@pytest.mark.parametrize(("key", "raw", "message"), [
    ("R-QA-6", "1.5", "at most 1"),  # a share
    ("R-QA-4.agent", "6", "at most 5"),  # of 5
    ("R-KPI-9", "11", "at most 10"),
    ("R-QA-1", "2.5", "whole number"),  # drawn interactions are counted
    ("R-SCH-6", "25:00", "time of day"),
    ("R-SCH-6", "half past eight", "time of day"),
])
def test_rule_values_respect_their_units(key, raw, message):
    with pytest.raises(ValueError, match=message):
        coerce_rule_value(key, raw)


def test_rule_values_that_fit_their_units_R_SLA_5_R_SCH_6():
    assert coerce_rule_value("R-SLA-5", "1.5") == 1.5  # hours may have decimals
    assert coerce_rule_value("R-SCH-6", " 9:05 ") == "09:05"
    assert coerce_rule_value("R-QA-6", "0,95") == 0.95


def test_get_rule_after_edit_R_SLA_1(sqlite_db):
    with sqlite_db.session() as s:
        v = get_rule(s, "R-SLA-1").version
        update_rule(s, ADMIN, "R-SLA-1", "7", v)
    with sqlite_db.session() as s:
        rule = get_rule(s, "R-SLA-1")
    assert (rule.value, rule.default, rule.updated_by, rule.is_default) == (7, 5, "ada", False)


def test_audit_lines_show_only_what_changed_and_filter_by_entity(sqlite_db):
    ids = _center(sqlite_db)
    with sqlite_db.session() as s:
        update_rule(s, ADMIN, "R-SLA-3", "10", get_rule(s, "R-SLA-3").version)
    p = get_person_id(sqlite_db, ids["newbie"])
    with sqlite_db.session() as s:
        update_person(s, ADMIN, p.id, p.version, team_id=p.team_id, level="senior", contract_hours_week=40,
                      active=True)
    with sqlite_db.session() as s:
        lines = audit_lines(s, ADMIN)
        rules_only = audit_lines(s, ADMIN, entity="rule")
        entities = audit_entities(s)
    assert [line.entity for line in lines] == ["person", "rule"]  # newest first
    assert lines[0].changes == (("level", "junior", "senior"),)  # unchanged fields are left out
    assert lines[1].changes_text() == "value: 15 → 10"
    assert [line.entity for line in rules_only] == ["rule"] and entities == ["person", "rule"]
    with pytest.raises(PermissionDenied), sqlite_db.session() as s:
        audit_lines(s, SUPERVISOR)


def test_overview_hides_the_audit_log_from_roles_without_audit_view(sqlite_db):
    _center(sqlite_db)
    with sqlite_db.session() as s:
        for_sup = admin_overview(s, SUPERVISOR)
        for_admin = admin_overview(s, ADMIN)
    assert for_sup.audit is None and for_admin.audit == []
    assert len(for_sup.people) == 5 and len(for_sup.queues) == 3 and len(for_sup.rules) == len(for_admin.rules)


# --- Qt models ------------------------------------------------------------------------------------
@pytest.mark.gui
def test_admin_models_pass_qtmodeltester(qtmodeltester, sqlite_db):
    from ui.admin.models import (
        AuditModel,
        PeopleFilter,
        PeopleModel,
        QueuesModel,
        RulesModel,
        TeamsModel,
    )

    _center(sqlite_db)
    with sqlite_db.session() as s:
        update_rule(s, ADMIN, "R-SLA-3", "10", get_rule(s, "R-SLA-3").version)
    with sqlite_db.session() as s:
        overview = admin_overview(s, ADMIN)
    tz = ZoneInfo("Asia/Shanghai")
    models = [(PeopleModel(), overview.people), (TeamsModel(), overview.teams), (QueuesModel(), overview.queues),
              (RulesModel(tz), overview.rules), (AuditModel(tz), overview.audit)]
    for model, rows in models:
        model.set_rows(rows)
        qtmodeltester.check(model, force_py=True)
        assert model.rowCount() == len(rows) > 0
    people = models[0][0]
    proxy = PeopleFilter()
    proxy.setSourceModel(people)
    proxy.set_text("mentor")
    assert proxy.rowCount() == 1
    proxy.set_text("")
    proxy.set_team(0)  # nobody's team: the administrator
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Al Admin"]
    qtmodeltester.check(proxy, force_py=True)


@pytest.mark.gui
def test_rules_model_checks_in_place_edits_before_announcing_them_R_SLA_1(qtbot):
    from app.admin.rules import RuleValue
    from ui.admin.models import RulesModel

    model = RulesModel(ZoneInfo("UTC"))
    model.set_rows([RuleValue("R-SLA-1", 5, 5, "min", "Key points recorded", 1, None, None)])
    index = model.index(0, RulesModel.VALUE)
    assert not (model.flags(index) & Qt.ItemFlag.ItemIsEditable)  # read-only until allowed
    model.editable = True
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(model.edit_refused) as refused, qtbot.assertNotEmitted(model.edit_requested):
        assert not model.setData(index, "soon")
    assert refused.args[:2] == ["R-SLA-1", "soon"] and "number" in refused.args[2]
    assert model.data(index) == "5"
    with qtbot.waitSignal(model.edit_requested) as requested:
        assert model.setData(index, " 8 ")
    assert requested.args == ["R-SLA-1", "8", 1]
    assert model.data(index) == "8" and model.is_pending("R-SLA-1")
    assert model.data(index, Qt.ItemDataRole.FontRole).italic()


# --- the workspace --------------------------------------------------------------------------------
def _ctx(db, actor=ADMIN):
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.tasks import TaskRunner

    return ConsoleContext(db=db, tasks=TaskRunner(db, inline=True), bus=Bus(), actor=actor,
                          timezone=ZoneInfo("Asia/Shanghai"), center_name="Test Center")


def _workspace(qtbot, db, actor=ADMIN):
    from ui.admin.workspace import AdminWorkspace

    page = AdminWorkspace(_ctx(db, actor))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitUntil(lambda: page.load_count >= 1)
    return page


def _select(page_table, proxy, text: str) -> None:
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data() == text:
            page_table.selectRow(row)
            return
    raise AssertionError(f"{text} not in the table")


@pytest.mark.gui
def test_workspace_shows_every_tab_and_filters_people(qtbot, sqlite_db):
    _center(sqlite_db)
    page = _workspace(qtbot, sqlite_db)
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tabs == ["People", "Teams", "Users", "Queues", "Rules", "Jobs", "Audit", "Notifications", "SLA"]
    assert page.people_model.rowCount() == 5 and page.teams_model.rowCount() == 2
    assert page.queues_model.rowCount() == 3 and page.rules_model.rowCount() >= 30
    assert page.people_count.text() == "5 people"
    page.team_filter.setCurrentIndex(page.team_filter.findText("North"))
    assert page.people_filter.rowCount() == 3 and page.people_count.text() == "3 of 5 people"
    page.people_search.setText("newbie")
    assert page.people_filter.rowCount() == 1
    page.people_search.setText("nobody-like-this")
    assert page.people_page.stack.currentWidget() is page.people_page.empty
    assert "Nobody matches" in page.people_page.empty.text()
    # the rule descriptions go through the translator, units and defaults are shown
    rules = page.rules_model
    row = next(i for i, r in enumerate(rules.rows()) if r.key == "R-SLA-3")
    assert rules.index(row, rules.DESCRIPTION).data() == "Customer conflict gets a supervisor involved"
    assert (rules.index(row, rules.VALUE).data(), rules.index(row, rules.UNIT).data()) == ("15", "min")


@pytest.mark.gui
def test_empty_database_says_what_to_do_next(qtbot, sqlite_db):
    page = _workspace(qtbot, sqlite_db)
    assert page.people_page.stack.currentWidget() is page.people_page.empty
    assert "floorwalker demo" in page.people_page.empty.text()
    assert "floorwalker demo" in page.queues_page.empty.text()
    assert page.audit_page.stack.currentWidget() is page.audit_page.empty


@pytest.mark.gui
def test_editing_a_person_through_the_dialog_saves_audits_and_refreshes(qtbot, sqlite_db):
    ids = _center(sqlite_db)
    page = _workspace(qtbot, sqlite_db)
    _select(page.people_page.table, page.people_filter, "Ned Newbie")
    dialog = page.edit_selected_person()
    assert dialog is not None and dialog.isVisible() and dialog.save_button is not None
    dialog.team.setCurrentIndex(dialog.team.findText("South"))
    dialog.level.setCurrentIndex(dialog.level.findData("senior"))
    dialog.hours.setValue(30)
    loads = page.load_count
    dialog.save()
    assert not dialog.isVisible()
    assert page.load_count == loads + 1  # the bus told the workspace to reload
    ned = get_person_id(sqlite_db, ids["newbie"])
    assert (ned.team_name, ned.level, ned.contract_hours_week) == ("South", "senior", 30.0)
    audit_rows = [page.audit_model.row(i) for i in range(page.audit_model.rowCount())]
    assert audit_rows[0].entity == "person" and audit_rows[0].actor == "ada"


@pytest.mark.gui
def test_person_dialog_keeps_the_form_open_with_the_message_on_a_refused_value(qtbot, sqlite_db):
    _center(sqlite_db)
    page = _workspace(qtbot, sqlite_db)
    _select(page.people_page.table, page.people_filter, "Ned Newbie")
    dialog = page.edit_selected_person()
    dialog.hours.setValue(0)
    dialog.save()
    assert dialog.isVisible() and "more than 0" in dialog.error.text() and dialog.error.isVisible()
    assert dialog.save_button.isEnabled()
    dialog.close()


@pytest.mark.gui
def test_queue_targets_through_the_dialog(qtbot, sqlite_db):
    ids = _center(sqlite_db)
    page = _workspace(qtbot, sqlite_db)
    page.tabs.setCurrentWidget(page.queues_page)
    _select(page.queues_page.table, page.queues_page.proxy, "Phone")
    dialog = page.edit_selected_queue()
    dialog.target_percent.setValue(90)
    dialog.target_seconds.setValue(15)
    dialog.save()
    assert not dialog.isVisible()
    with sqlite_db.session() as s:
        q = get_queue(s, ids["phone"])
    assert (q.target_service_level, q.target_answer_sec) == (0.9, 15)


@pytest.mark.gui
def test_rule_edited_in_place_is_saved_R_SLA_3(qtbot, sqlite_db):
    page = _workspace(qtbot, sqlite_db)
    rules = page.rules_model
    row = next(i for i, r in enumerate(rules.rows()) if r.key == "R-SLA-3")
    assert rules.setData(rules.index(row, rules.VALUE), "12")
    qtbot.waitUntil(lambda: not rules.is_pending("R-SLA-3") and page.load_count >= 2)
    with sqlite_db.session() as s:
        assert get_rule(s, "R-SLA-3").value == 12
    row = next(i for i, r in enumerate(rules.rows()) if r.key == "R-SLA-3")
    assert rules.index(row, rules.VALUE).data() == "12"
    assert rules.index(row, rules.CHANGED_BY).data() == "ada"


@pytest.mark.gui
def test_bad_in_place_rule_value_opens_the_dialog_with_what_was_typed_R_SLA_1(qtbot, sqlite_db):
    page = _workspace(qtbot, sqlite_db)
    rules = page.rules_model
    row = next(i for i, r in enumerate(rules.rows()) if r.key == "R-SLA-1")
    assert not rules.setData(rules.index(row, rules.VALUE), "five")
    qtbot.waitUntil(lambda: page.dialog is not None)
    dialog = page.dialog
    assert dialog.value_edit.text() == "five" and "must be a number" in dialog.error.text()
    dialog.value_edit.setText("6")
    dialog.save()
    assert not dialog.isVisible()
    with sqlite_db.session() as s:
        assert get_rule(s, "R-SLA-1").value == 6


@pytest.mark.gui
def test_a_supervisor_sees_everything_read_only(qtbot, sqlite_db):
    _center(sqlite_db)
    page = _workspace(qtbot, sqlite_db, SUPERVISOR)
    assert "read-only" in page.rights.text()
    assert not page.rules_model.editable
    index = page.rules_model.index(0, page.rules_model.VALUE)
    assert not (page.rules_model.flags(index) & Qt.ItemFlag.ItemIsEditable)
    assert not page.rules_model.setData(index, "99")
    _select(page.people_page.table, page.people_filter, "Ned Newbie")
    dialog = page.edit_selected_person()
    assert dialog.save_button is None and not dialog.team.isEnabled() and not dialog.hours.isEnabled()
    assert "may look but not change" in dialog.note.text()
    dialog.close()
    # the audit log is for managers and administrators
    assert page.audit_model.rowCount() == 0 and "may not read the audit log" in page.audit_page.empty.text()


@pytest.mark.gui
def test_workspace_refreshes_on_people_changes_but_not_on_unrelated_ones(qtbot, sqlite_db):
    _center(sqlite_db)
    page = _workspace(qtbot, sqlite_db)
    loads = page.load_count
    page.ctx.bus.operation_did_execute.emit(Changes.COMPLAINTS, None)
    assert page.load_count == loads
    page.ctx.bus.operation_did_execute.emit(Changes.PEOPLE, None)
    assert page.load_count == loads + 1


@pytest.mark.gui
def test_jobs_tab_lists_jobs_and_an_administrator_pauses_one(qtbot, sqlite_db):
    from app.jobs.registry import all_jobs
    from app.jobs.runner import paused_jobs

    page = _workspace(qtbot, sqlite_db)
    page.tabs.setCurrentWidget(page.jobs_page)
    qtbot.waitUntil(lambda: page.jobs_model.rowCount() == len(all_jobs()))
    first = page.jobs_model.row(0)
    assert page.jobs_model.index(0, 2).data() == "Active" and page.jobs_model.index(0, 5).data() == "never run"
    page.jobs_page.table.selectRow(page.jobs_page.proxy.mapFromSource(page.jobs_model.index(0, 0)).row())
    page.set_selected_job_paused(True)
    assert paused_jobs(sqlite_db) == {first.job_id}
    qtbot.waitUntil(lambda: page.jobs_model.row(0).paused)
    assert page.jobs_model.index(0, 2).data() == "Paused" and page.jobs_model.index(0, 3).data() == ""
    assert page.jobs_page.selected_source_row() == 0  # the reload kept the selection
    audit_rows = [page.audit_model.row(i) for i in range(page.audit_model.rowCount())]
    assert audit_rows and audit_rows[0].entity == "job" and audit_rows[0].action == "pause"


@pytest.mark.gui
def test_jobs_changes_reload_only_the_jobs_table_and_only_when_it_is_seen(qtbot, sqlite_db):
    page = _workspace(qtbot, sqlite_db, SUPERVISOR)
    assert not page.pause_job_button.isEnabled()  # jobs.manage is the administrator's
    calls: list[int] = []
    page.reload_jobs = lambda: calls.append(1)  # type: ignore[method-assign]
    loads = page.load_count
    page.ctx.bus.operation_did_execute.emit(Changes.JOBS, None)  # Rules tab not current: remembered
    assert calls == [] and page.jobs_stale
    page.tabs.setCurrentWidget(page.jobs_page)
    assert calls == [1]
    page.ctx.bus.operation_did_execute.emit(Changes.JOBS, None)
    assert calls == [1, 1] and page.load_count == loads  # the rest of the page was not reloaded


# --- audit filters and export -----------------------------------------------------------------------
def _audit_at(db, when, actor, action, entity, entity_id=None, after=None):
    from app import audit, clock

    clock.set_clock(clock.FrozenClock(when))
    try:
        with db.session() as s:
            audit.record(s, actor, action, entity, entity_id, after=after)
    finally:
        clock.reset_clock()


def test_audit_filters_by_action_actor_and_days_in_the_center_time_zone_R_SEC_3(any_db, tmp_path):
    from datetime import UTC, date, datetime

    from app.admin.audit_log import AuditFilter, audit_choices, count_audit
    from app.security.crypto import CustomerCipher
    from app.security.customers import new_customer_values, reveal
    from db.models import Customer

    tz = ZoneInfo("Asia/Shanghai")
    # 15:59 UTC on the 17th is 23:59 on the 17th in Shanghai; 16:01 UTC is already the 18th there
    _audit_at(any_db, datetime(2026, 11, 17, 15, 59, tzinfo=UTC), ADMIN, "update", "rule", "R-SLA-1")
    _audit_at(any_db, datetime(2026, 11, 17, 16, 1, tzinfo=UTC), MANAGER, "update", "rule", "R-SLA-3")
    cipher = CustomerCipher.from_key_file(tmp_path / "customer.key")
    with any_db.session() as s:
        from sqlalchemy import insert

        from app import clock

        cid = s.execute(insert(Customer).values(**new_customer_values(
            cipher, phone="13812346925", name="张伟", email=None, created_at=clock.now())).returning(Customer.id)
        ).scalar_one()
    with any_db.session() as s:
        reveal(s, SUPERVISOR, cid, cipher, reason="customer asked for a call back")
    with any_db.session() as s:
        reveals = audit_lines(s, ADMIN, filters=AuditFilter(entity="customer", action="reveal"))
        on_the_18th = audit_lines(s, ADMIN, filters=AuditFilter.days(date(2026, 11, 18), date(2026, 11, 18), tz,
                                                                    entity="rule"))
        on_the_17th = count_audit(s, ADMIN, AuditFilter.days(None, date(2026, 11, 17), tz))
        by_meg = audit_lines(s, ADMIN, filters=AuditFilter(actor="meg"))
        choices = audit_choices(s)
    assert [(r.actor, r.entity_id) for r in reveals] == [("sam", str(cid))]  # who saw which customer
    assert [r.entity_id for r in on_the_18th] == ["R-SLA-3"] and on_the_17th == 1
    assert [r.entity_id for r in by_meg] == ["R-SLA-3"]
    assert "reveal" in choices.actions and "customer" in choices.entities and "sam" in choices.actors
    with pytest.raises(ValueError, match="before the start"):
        AuditFilter.days(date(2026, 11, 18), date(2026, 11, 17), tz)


def test_audit_export_writes_every_match_as_utf8_with_bom_in_local_time(sqlite_db, tmp_path):
    import csv
    from datetime import UTC, datetime

    from app import audit
    from app.admin.audit_log import AuditFilter, export_audit_csv

    _audit_at(sqlite_db, datetime(2026, 11, 17, 16, 1, tzinfo=UTC), Actor("王芳", "administrator"), "update",
              "rule", "R-SLA-3", after={"value": 10})
    with sqlite_db.session() as s:  # more than the 300 the tab shows
        for i in range(305):
            audit.record(s, ADMIN, "sign_in", "user", i)
    target = tmp_path / "audit.csv"
    with sqlite_db.session() as s:
        assert len(audit_lines(s, ADMIN)) == 300
        count = export_audit_csv(s, ADMIN, target, ZoneInfo("Asia/Shanghai"))
        rules = export_audit_csv(s, ADMIN, tmp_path / "rules.csv", ZoneInfo("Asia/Shanghai"),
                                 filters=AuditFilter(entity="rule"))
    assert (count, rules) == (306, 1)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:6] == ["Time", "Actor", "Desk", "Action", "Entity", "Record"] and len(rows) == 307
    first = rows[1]  # oldest first
    assert first[0] == "2026-11-18 00:01:00+08:00" and first[1] == "王芳" and first[6] == "value: 10"
    assert '"value": 10' in first[8]
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_audit_export_to_an_unwritable_place_says_so_and_leaves_nothing(sqlite_db, tmp_path):
    from app.admin.audit_log import AuditExportError, export_audit_csv

    missing = tmp_path / "no such folder" / "audit.csv"
    with pytest.raises(AuditExportError, match="could not be written to .*no such folder"), sqlite_db.session() as s:
        export_audit_csv(s, ADMIN, missing, ZoneInfo("UTC"))
    folder = tmp_path / "taken"
    folder.mkdir()
    with pytest.raises(AuditExportError, match="Choose another folder"), sqlite_db.session() as s:
        export_audit_csv(s, ADMIN, folder, ZoneInfo("UTC"))  # a folder where the file should go
    assert list(folder.iterdir()) == []
    with pytest.raises(PermissionDenied), sqlite_db.session() as s:
        export_audit_csv(s, SUPERVISOR, tmp_path / "x.csv", ZoneInfo("UTC"))
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.gui
def test_audit_tab_filters_and_exports(qtbot, sqlite_db, tmp_path):
    from datetime import UTC, datetime

    from PySide6.QtCore import QDate

    _audit_at(sqlite_db, datetime(2026, 11, 17, 16, 1, tzinfo=UTC), MANAGER, "update", "rule", "R-SLA-3")
    _audit_at(sqlite_db, datetime(2026, 10, 1, 2, 0, tzinfo=UTC), SUPERVISOR, "reveal", "customer", "7")
    page = _workspace(qtbot, sqlite_db)
    page.tabs.setCurrentWidget(page.audit_page)
    assert page.audit_model.rowCount() == 2 and page.audit_count.text() == "Entries: 2"
    page.audit_action.setCurrentIndex(page.audit_action.findData("reveal"))
    assert [r.actor for r in page.audit_model.rows()] == ["sam"]
    page.audit_action.setCurrentIndex(0)
    page.audit_actor.setCurrentIndex(page.audit_actor.findData("meg"))
    assert [r.entity for r in page.audit_model.rows()] == ["rule"]
    page.audit_actor.setCurrentIndex(0)
    page.audit_from.setDate(QDate(2026, 11, 18))
    page.audit_to.setDate(QDate(2026, 11, 30))
    assert page.audit_model.rowCount() == 2  # the range is off until ticked
    page.audit_dates.setChecked(True)
    assert [r.entity_id for r in page.audit_model.rows()] == ["R-SLA-3"]
    page.ctx.bus.operation_did_execute.emit(Changes.AUDIT, None)  # a reload keeps the filters
    assert [r.entity_id for r in page.audit_model.rows()] == ["R-SLA-3"] and page.audit_dates.isChecked()
    target = tmp_path / "audit.csv"
    page.export_audit(str(target))
    assert "Exported to" in page.audit_message.text() and "entries: 1" in page.audit_message.text()
    assert target.read_text(encoding="utf-8-sig").count("\n") == 2  # headings and the one entry
    page.export_audit(str(tmp_path / "missing" / "audit.csv"))
    box = page.export_box
    assert box is not None and box.isVisible() and "could not be written" in box.text()
    box.close()
    assert [page.audit_entity.itemData(i) for i in range(page.audit_entity.count())] == ["", "customer", "rule"]


# --- jobs: run now and history ------------------------------------------------------------------------
def test_run_now_is_for_administrators_audited_and_recorded(sqlite_db):
    from app.admin.jobs import job_history, run_job_now

    with pytest.raises(PermissionDenied):
        run_job_now(sqlite_db, SUPERVISOR, "case_archive")
    run = run_job_now(sqlite_db, ADMIN, "case_archive")
    assert run.outcome.ran and run.outcome.ok and run.seconds >= 0
    assert Changes.JOBS in run.changes and Changes.AUDIT in run.changes
    history = job_history(sqlite_db, "case_archive")
    assert len(history) == 1 and history[0].outcome == "ok" and history[0].scheduled_for == run.outcome.slot
    with sqlite_db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "run_now")).one()
    assert (entry.actor, entry.entity, entry.entity_id, entry.after["outcome"]) == \
        ("ada", "job", "case_archive", "ok")


def _exploding_job():
    from app.jobs.registry import JobSpec

    def explode(db, slot, actor):
        raise RuntimeError("the archive folder is gone")

    return JobSpec(id="case_archive", title="Daily case archive", description="test", schedule={"hours": 1},
                   run=explode)


@pytest.mark.gui
def test_jobs_tab_runs_a_job_now_and_shows_its_history(qtbot, sqlite_db, monkeypatch, frozen_clock):
    import app.admin.jobs as admin_jobs

    page = _workspace(qtbot, sqlite_db)
    page.tabs.setCurrentWidget(page.jobs_page)
    qtbot.waitUntil(lambda: page.jobs_model.rowCount() > 0)
    row = next(i for i, j in enumerate(page.jobs_model.rows()) if j.job_id == "case_archive")
    page.jobs_page.table.selectRow(page.jobs_page.proxy.mapFromSource(page.jobs_model.index(row, 0)).row())
    assert page.history_title.text() == "Recent runs of Daily case archive"
    assert page.history_page.stack.currentWidget() is page.history_page.empty  # never run yet
    assert page.run_job_button.isEnabled()
    page.run_selected_job_now()
    assert "Daily case archive ran in" in page.job_run_message.text() and "OK" in page.job_run_message.text()
    assert page.history_model.rowCount() == 1 and page.history_model.index(0, 4).data() == "OK"
    assert page.run_job_button.isEnabled()  # ready for the next run
    frozen_clock.advance(seconds=5)
    monkeypatch.setattr(admin_jobs, "get_job", lambda job_id: _exploding_job())
    page.run_selected_job_now()
    assert "failed" in page.job_run_message.text() and "archive folder is gone" in page.job_run_message.text()
    assert [page.history_model.index(r, 4).data() for r in range(2)] == ["Failed", "OK"]  # newest first
    assert "archive folder is gone" in page.history_model.index(0, 5).data()
    status = next(j for j in page.jobs_model.rows() if j.job_id == "case_archive")
    assert status.last_outcome == "failed"  # the job list reloaded too


@pytest.mark.gui
def test_run_now_is_disabled_for_other_roles(qtbot, sqlite_db):
    page = _workspace(qtbot, sqlite_db, MANAGER)
    page.tabs.setCurrentWidget(page.jobs_page)
    qtbot.waitUntil(lambda: page.jobs_model.rowCount() > 0)
    page.jobs_page.table.selectRow(0)
    assert not page.run_job_button.isEnabled() and "administrators" in page.run_job_button.toolTip()
    page.run_selected_job_now()
    assert page.job_run_message.isHidden()
