"""Rule values: seeded from SERVICE_RULES.md defaults, edited with audit, conflicts reported."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.actor import Actor
from app.admin.rules import coerce_rule_value, list_rules, rule_value, update_rule
from app.security.permissions import PermissionDenied
from db.errors import ConflictError
from db.models import AuditEntry, ChangeLogEntry

ADMIN = Actor("ada", "administrator")


def test_defaults_seeded_complaint_logged_within_5_min_R_SLA_1(any_db):
    with any_db.session() as s:
        assert rule_value(s, "R-SLA-1") == 5
        assert rule_value(s, "R-QA-1") == 5
        keys = {r.key for r in list_rules(s)}
    assert {"R-SLA-3", "R-SLA-5", "R-KPI-1", "R-SCH-4"} <= keys


def test_rule_edit_is_audited_and_announced_R_SLA_3(any_db):
    with any_db.session() as s:
        version = next(r.version for r in list_rules(s) if r.key == "R-SLA-3")
        update_rule(s, ADMIN, "R-SLA-3", "10", version)
    with any_db.session() as s:
        assert rule_value(s, "R-SLA-3") == 10
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "rule")).one()
        assert entry.before["value"] == 15 and entry.after["value"] == 10 and entry.actor == "ada"
        assert "SETTINGS" in s.scalars(select(ChangeLogEntry.kinds)).one()


def test_second_desk_with_stale_version_gets_conflict_not_overwrite(any_db):
    with any_db.session() as s:
        version = next(r.version for r in list_rules(s) if r.key == "R-SLA-6")
    with any_db.session() as s:
        update_rule(s, ADMIN, "R-SLA-6", 12, version)  # desk one saves first
    with pytest.raises(ConflictError) as info, any_db.session() as s:
        update_rule(s, ADMIN, "R-SLA-6", 36, version)  # desk two still holds the old version
    assert info.value.theirs["value"] == 12 and info.value.mine["value"] == 36
    with any_db.session() as s:
        assert rule_value(s, "R-SLA-6") == 12


def test_only_administrators_change_rules(sqlite_db):
    with pytest.raises(PermissionDenied), sqlite_db.session() as s:
        update_rule(s, Actor("sam", "supervisor"), "R-SLA-1", 9, 1)


@pytest.mark.parametrize("raw", ["abc", "", "-3", "nan"])
def test_bad_rule_values_are_refused_with_a_message(raw):
    with pytest.raises(ValueError, match="R-SLA-1"):
        coerce_rule_value("R-SLA-1", raw)
