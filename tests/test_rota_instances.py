"""The Curtois & Qu benchmark format: Instance1 read, solved to its published optimum (607) and
scored the benchmark's way; bad files named by line; the CLI prints objective and feasibility."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.rota.instances import InstanceError, evaluate, parse, read_instance, solve_instance

INSTANCE1 = Path(__file__).parent / "fixtures" / "rota" / "Instance1.txt"


def test_instance1_is_read() -> None:
    inst = read_instance(INSTANCE1)
    assert inst.horizon == 14 and len(inst.staff) == 8 and [s.id for s in inst.shifts] == ["D"]
    a = inst.staff[0]
    assert (a.max_shifts, a.max_minutes, a.min_minutes, a.max_consecutive, a.min_consecutive, a.min_days_off,
            a.max_weekends) == ({"D": 14}, 4320, 3360, 5, 2, 2, 1)
    assert inst.days_off["B"] == frozenset({5})
    assert len(inst.on_requests) == 21 and len(inst.off_requests) == 5 and len(inst.cover) == 14


def test_instance1_solved_to_the_published_optimum() -> None:
    res = solve_instance(read_instance(INSTANCE1), time_limit=20)
    assert res.status == "optimal" and res.objective == 607 and res.feasible
    objective, parts, bad = evaluate(read_instance(INSTANCE1), res.roster)  # re-scored independently
    assert objective == 607 and not bad and sum(parts.values()) == 607


def test_scoring_counts_requests_cover_and_hard_constraints() -> None:
    inst = read_instance(INSTANCE1)
    nobody = {e.id: (None,) * 14 for e in inst.staff}
    objective, parts, bad = evaluate(inst, nobody)
    assert parts["cover_under"] == 100 * sum(c.requirement for c in inst.cover)
    assert parts["shift_on_requests"] == sum(r.weight for r in inst.on_requests)
    assert parts["shift_off_requests"] == 0
    assert objective == sum(parts.values())
    assert any("min worked" in b for b in bad)  # MinTotalMinutes broken for everyone
    everyday = {e.id: ("D",) * 14 for e in inst.staff}
    _obj, _parts, bad = evaluate(inst, everyday)
    assert any("in a row" in b for b in bad) and any("weekends" in b for b in bad) and any("day off" in b for b in bad)


def test_bad_file_names_the_line() -> None:
    with pytest.raises(InstanceError, match="missing sections"):
        parse("SECTION_HORIZON\n14\n")
    text = INSTANCE1.read_text().replace("A,D=14,4320,3360,5,2,2,1", "A,D=14,lots,3360,5,2,2,1")
    with pytest.raises(InstanceError, match=r"line \d+: 'lots' is not a whole number"):
        parse(text)


def test_cli_prints_objective_and_feasibility(capsys) -> None:
    assert main(["rota", "solve-instance", str(INSTANCE1), "--time-limit", "20", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["objective"] == 607 and out["feasible"] is True and out["status"] == "optimal"
    assert len(out["roster"]) == 8


def test_cli_bad_file_exit_2(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("hello\n")
    assert main(["rota", "solve-instance", str(bad)]) == 2
    assert "line 1" in capsys.readouterr().err
