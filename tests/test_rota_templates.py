"""Shift templates for a new center, and a solver that finds nothing saying so (issue 4, issue 9 item 4)."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import func, select

from app.actor import Actor
from app.cli import main
from app.schedule.templates import (
    add_default_templates,
    add_template,
    default_templates,
    list_templates,
)
from app.security.permissions import PermissionDenied
from db.models import AuditEntry, ShiftTemplate
from tests import factories as f

SCHEDULER = Actor("qiang.xu", "scheduler")


def test_templates_are_checked_added_once_and_audited(sqlite_db):
    with sqlite_db.session() as s:
        f.center(s)
    with sqlite_db.session() as s, pytest.raises(ValueError, match="quarter hour"):
        add_template(s, SCHEDULER, "Odd", time(7, 10), 480)
    with sqlite_db.session() as s, pytest.raises(ValueError, match="shorter than the shift"):
        add_template(s, SCHEDULER, "Long break", time(7), 60, 60)
    with sqlite_db.session() as s, pytest.raises(PermissionDenied):
        add_template(s, Actor("sam", "supervisor"), "Early", time(7), 480)
    with sqlite_db.session() as s:
        add_template(s, SCHEDULER, "Early", time(7), 510, 30)
    with sqlite_db.session() as s, pytest.raises(ValueError, match="already"):
        add_template(s, SCHEDULER, "Early", time(8), 480)
    with sqlite_db.session() as s:
        assert add_default_templates(s, SCHEDULER) == len(default_templates())
        assert add_default_templates(s, SCHEDULER) == 0  # the names exist: nothing twice
    with sqlite_db.session() as s:
        rows = list_templates(s)
        assert len(rows) == 1 + len(default_templates())
        assert any(r.name == "Night 22:30" and r.duration_min == 510 for r in rows)
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "shift_template")) \
            == len(rows)


def test_rota_templates_command(sqlite_db, capsys):
    with sqlite_db.session() as s:
        f.center(s)
    assert main(["rota", "templates", "--defaults", "--db", sqlite_db.url]) == 0
    assert "Day 07:00" in capsys.readouterr().out
    assert main(["rota", "templates", "--add", "Late", "--start", "14:30", "--hours", "8", "--db", sqlite_db.url]) == 0
    assert main(["rota", "templates", "--add", "Bad", "--start", "25:00", "--hours", "8", "--db", sqlite_db.url]) == 2
    assert main(["rota", "templates", "--add", "Half", "--db", sqlite_db.url]) == 2
    with sqlite_db.session() as s:
        assert s.scalar(select(ShiftTemplate.duration_min).where(ShiftTemplate.name == "Late")) == 480


def test_a_relaxation_that_finds_nothing_still_gives_a_rota_and_says_why(monkeypatch):
    from app.rota import engine
    from app.rota.generate import generate_center

    def nothing(*_args, **_kw):
        raise RuntimeError("the linear relaxation found nothing in 1 s (status 6)")

    problem = generate_center(10, seed=1)
    normal = engine.solve(problem, time_limit=5)
    monkeypatch.setattr(engine, "relaxation", nothing)
    solution = engine.solve(problem, time_limit=5)
    # the tours are then chosen greedily where the phones are short: a rota, never "no rota"
    assert solution.status == "feasible" and solution.shifts
    assert "found nothing" in solution.stats["spread_lp"]
    assert solution.coverage[0].pct_slots_covered >= normal.coverage[0].pct_slots_covered - 5.0
