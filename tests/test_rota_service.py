"""`floorwalker rota solve` on a small demo database: a DRAFT rota saved in one transaction and
audited, nothing published; wrong role and bad input save nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.actor import Actor
from app.bootstrap import open_database
from app.cli import main
from app.demo.builder import DemoOptions, build_demo
from app.rota.model import WEEK_SLOTS, RotaInputError
from app.rota.service import load_week, parse_week, solve_week
from app.security.permissions import PermissionDenied


@pytest.fixture
def demo(tmp_path: Path, frozen_clock) -> Path:
    path = tmp_path / "demo.db"
    build_demo(str(path), DemoOptions(agents=12, weeks=1, recordings_dir=tmp_path / "rec"))
    return path


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {
            "rotas": conn.execute("SELECT count(*) FROM rotas").fetchone()[0],
            "published": conn.execute("SELECT count(*) FROM rotas WHERE status = 'published'").fetchone()[0],
            "shifts": conn.execute("SELECT count(*) FROM shift_assignments").fetchone()[0],
            "audit": conn.execute("SELECT count(*) FROM audit_log WHERE entity = 'rota'").fetchone()[0],
        }
    finally:
        conn.close()


def test_solve_saves_a_draft_only_and_audits_it(demo: Path, capsys) -> None:
    before = _counts(demo)
    rc = main(["rota", "solve", "--week", "2026-W48", "--db", str(demo), "--time-limit", "15", "--json"])
    assert rc in (0, 1)  # 1: saved, but some hard rule could not be met (listed)
    out = json.loads(capsys.readouterr().out)
    after = _counts(demo)
    assert after["rotas"] == before["rotas"] + 1
    assert after["published"] == before["published"]
    assert after["shifts"] == before["shifts"] + out["shifts"] and out["shifts"] > 0
    assert after["audit"] == before["audit"] + 1
    conn = sqlite3.connect(demo)
    try:
        status, week, stats = conn.execute("SELECT status, week_start, solver_stats FROM rotas WHERE id = ?",
                                           (out["rota_id"],)).fetchone()
        acts = conn.execute("SELECT count(*) FROM shift_activities a JOIN shift_assignments s ON s.id = a.assignment_id "
                            "WHERE s.rota_id = ?", (out["rota_id"],)).fetchone()[0]
    finally:
        conn.close()
    assert status == "draft" and week == "2026-11-23"
    assert json.loads(stats)["source"] == "rota solver"
    assert acts >= out["shifts"]  # every shift has its work (and break) activities
    assert out["lp_bound_hours"] is None or out["lp_bound_hours"] <= out["paid_hours"] + 1e-6
    assert (rc == 1) == any(v["hard"] for v in out["violations"])


def test_requirements_come_from_history_when_there_is_no_forecast(demo: Path) -> None:
    db = open_database(str(demo)).db
    try:
        with db.session() as s:
            week = load_week(s, date(2026, 11, 23))
    finally:
        db.dispose()
    assert week.problem.requirements
    assert all(src.startswith("history") or src.startswith("forecast") for src in week.requirement_sources.values())
    assert all(len(r.agents) == WEEK_SLOTS and min(r.agents) >= 0 for r in week.problem.requirements)
    assert week.problem.agents and week.problem.templates


def test_wrong_role_saves_nothing(demo: Path) -> None:
    before = _counts(demo)
    db = open_database(str(demo)).db
    try:
        with pytest.raises(PermissionDenied), db.session() as s:
            solve_week(s, Actor("min.deng", "supervisor"), date(2026, 11, 23), time_limit=5)
    finally:
        db.dispose()
    assert _counts(demo) == before


def test_bad_input_exit_2_and_nothing_saved(demo: Path, tmp_path: Path, capsys) -> None:
    before = _counts(demo)
    assert main(["rota", "solve", "--week", "someday", "--db", str(demo)]) == 2
    assert "--week" in capsys.readouterr().err
    reqs = tmp_path / "req.json"
    reqs.write_text(json.dumps({"No such queue": [1] * WEEK_SLOTS}))
    assert main(["rota", "solve", "--week", "2026-W48", "--db", str(demo), "--requirements", str(reqs)]) == 2
    assert "No such queue" in capsys.readouterr().err
    assert _counts(demo) == before


def test_parse_week() -> None:
    assert parse_week("2026-W48") == date(2026, 11, 23)
    assert parse_week("2026-11-26") == date(2026, 11, 23)
    with pytest.raises(RotaInputError):
        parse_week("W48")


def test_contracts_between_two_template_weeks_get_the_fullest_week_R_SCH_3(demo: Path) -> None:
    from app.schedule.templates import add_default_templates

    db = open_database(str(demo)).db
    admin = Actor.local_administrator()
    with db.session() as s:
        add_default_templates(s, admin)  # 8-h paid shifts every hour and 4-h part-time shifts
    with db.session() as s:
        week = load_week(s, date(2026, 11, 23))
    agents = {a.name: a for a in week.problem.agents}
    by_hours = {a.contract_hours: a for a in agents.values()}
    # a 40-h contract: five 8-h days (the rules' two days off); a 32-h one: four 8-h days, three
    # off together, not five 4-h days and not "no template fits"
    assert by_hours[40.0].min_hours == 40.0 and by_hours[40.0].days_off is None
    assert by_hours[32.0].min_hours == 32.0 and by_hours[32.0].days_off == 3
    with db.session() as s:
        saved = solve_week(s, admin, date(2026, 11, 23), time_limit=10)
    assert not [v for v in saved.solution.violations if v.rule == "contract"]
    thirty_two = by_hours[32.0].id
    days = {sh.day for sh in saved.solution.shifts if sh.agent_id == thirty_two}
    assert len(days) == 4
    db.dispose()
