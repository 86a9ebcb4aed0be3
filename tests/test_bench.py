"""The benchmark harness: registry, table and JSON reports, a tiny real run, the process timers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.bench.benchmarks import _time_until_shown
from app.bench.registry import BenchError, BenchResult, Measurement, load_benchmarks
from app.bench.synthetic import grow_interactions
from app.bootstrap import open_database
from app.cli import main
from app.demo.builder import DemoOptions, build_demo
from db.models import Interaction


def test_registry_names_the_builtin_benchmarks(capsys: pytest.CaptureFixture[str]) -> None:
    assert {"demo", "startup", "idle"} <= set(load_benchmarks())
    assert main(["bench", "--list"]) == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in ("demo", "startup", "idle"))


def test_unknown_benchmark_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "no-such-thing"]) == 2
    assert "no benchmark named 'no-such-thing'" in capsys.readouterr().err


def test_tiny_demo_benchmark_reports_json_with_a_positive_median(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "demo", "--agents", "4", "--weeks", "1", "--repeat", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["benchmark"] == "demo"
    (m,) = report["measurements"]
    assert {"name", "median", "min", "max", "runs", "ratio", "unit"} <= set(m)
    assert m["runs"] == 1 and m["median"] > 0 and m["min"] <= m["median"] <= m["max"] and m["unit"] == "s"
    assert report["info"]["interactions"] > 0


def test_table_shows_ratio_to_the_baseline_and_missed_targets() -> None:
    result = BenchResult("startup", (
        Measurement("baseline", (0.5, 0.4, 0.6)),
        Measurement("window shown", (2.0, 1.0, 3.0), baseline="baseline", target=1.5),
    ))
    assert result.ratio(result.measurement("window shown")) == pytest.approx(4.0)
    text = result.table()
    assert "4.00x" in text and "MISSED" in text and "2.000 s" in text
    data = result.to_json()["measurements"][1]
    assert data["ratio"] == pytest.approx(4.0) and data["meets_target"] is False and data["median"] == 2.0


def test_process_timer_reads_the_shown_line_and_reports_failures() -> None:
    wall, shown = _time_until_shown([sys.executable, "-c", "print('starting'); print('shown 0.25')"], {})
    assert wall > 0 and shown == 0.25
    with pytest.raises(BenchError, match="without showing its window"):
        _time_until_shown([sys.executable, "-c", "import sys; sys.exit(3)"], {})


def test_synthetic_growth_keeps_the_period_and_marks_its_rows(tmp_path: Path) -> None:
    url = str(tmp_path / "grow.db")
    stats = build_demo(url, DemoOptions(agents=4, weeks=1, recordings_dir=tmp_path / "rec"))
    db = open_database(url).db
    try:
        with db.session() as s:
            first, last = s.execute(select(func.min(Interaction.offered_at), func.max(Interaction.offered_at))).one()
        added = grow_interactions(db, stats.interactions + 700)
        assert added == 700
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Interaction)) == stats.interactions + 700
            lo, hi = s.execute(select(func.min(Interaction.offered_at), func.max(Interaction.offered_at))
                               .where(Interaction.source == "synthetic")).one()
        assert first <= lo and hi <= last
        assert grow_interactions(db, 10) == 0  # already big enough
    finally:
        db.dispose()


def test_jobs_and_conflicts_benchmarks_are_registered_and_need_postgres_to_say_so():
    from app.bench.registry import BenchError, BenchOptions, load_benchmarks, run_benchmark

    assert {"jobs", "conflicts"} <= set(load_benchmarks())
    with pytest.raises(BenchError, match="needs PostgreSQL"):
        run_benchmark("conflicts", BenchOptions(pg="postgresql+psycopg://nobody@127.0.0.1:1/x", seconds=1))


@pytest.mark.postgres
def test_conflicts_benchmark_reports_zero_lost_updates(pg_server):
    from app.bench.registry import BenchOptions, run_benchmark

    result = run_benchmark("conflicts", BenchOptions(pg=pg_server, seconds=1.5, repeat=1))
    assert result.measurement("lost updates").median == 0
    assert result.measurement("attempts").median > 0
    assert "lost updates" in result.table()
