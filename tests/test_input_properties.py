"""Hostile input at the form services: random text never crashes, never half-writes, always explains."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.actor import Actor
from app.admin.rules import coerce_rule_value, list_rules, rule_value, update_rule
from app.rules import RULE_DEFAULTS
from app.security import accounts
from db.models import AuditEntry, User

ADMIN = Actor("ada", "administrator")
hostile_text = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["'; DROP TABLE settings; --", "1e309", "-0", "NaN", "inf", "0x10", "１２", "3,5", "  7  ",
                     "\x00", "😀", "1" * 400, "true", "None"]),
)


@given(key=st.sampled_from([r.key for r in RULE_DEFAULTS]), raw=hostile_text)
def test_rule_values_parse_or_explain(key, raw):
    try:
        value = coerce_rule_value(key, raw)
    except ValueError as exc:
        assert key in str(exc)
        return
    default = next(r.value for r in RULE_DEFAULTS if r.key == key)
    if isinstance(default, int | float) and not isinstance(default, bool):
        assert isinstance(value, int | float) and value >= 0 and value == value and value != float("inf")
    else:
        assert isinstance(value, str) and value.strip() == value and value


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(raw=hostile_text)
def test_a_refused_rule_edit_writes_nothing(sqlite_db, raw):
    with sqlite_db.session() as s:
        before = rule_value(s, "R-SLA-1")
        version = next(r.version for r in list_rules(s) if r.key == "R-SLA-1")
        audits = s.scalar(select(func.count()).select_from(AuditEntry))
    try:
        with sqlite_db.session() as s:
            update_rule(s, ADMIN, "R-SLA-1", raw, version)
    except ValueError:
        with sqlite_db.session() as s:
            assert rule_value(s, "R-SLA-1") == before
            assert s.scalar(select(func.count()).select_from(AuditEntry)) == audits
    else:
        with sqlite_db.session() as s:
            assert rule_value(s, "R-SLA-1") == coerce_rule_value("R-SLA-1", raw)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(username=hostile_text, password=hostile_text)
def test_sign_in_with_any_text_fails_cleanly(sqlite_db, username, password):
    with sqlite_db.session() as s:
        if accounts.needs_first_administrator(s):
            accounts.create_first_administrator(s, "ada", "Ada", "correct-horse-1")
    with pytest.raises(accounts.SignInError), sqlite_db.session() as s:
        accounts.authenticate(s, username, password)
    with sqlite_db.session() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 1


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(username=hostile_text, password=hostile_text)
def test_creating_users_from_any_text_either_works_or_explains(sqlite_db, username, password):
    with sqlite_db.session() as s:
        count = s.scalar(select(func.count()).select_from(User))
    try:
        with sqlite_db.session() as s:
            accounts.create_user(s, ADMIN, username, "Someone", "agent", password)
    except ValueError as exc:
        assert str(exc)
        with sqlite_db.session() as s:
            assert s.scalar(select(func.count()).select_from(User)) == count
