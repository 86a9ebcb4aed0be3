"""`floorwalker qa draw|replay|draws|link-recordings` and the Monday job (R-QA-1)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.actor import Actor
from app.bootstrap import open_database
from app.cli import main
from app.jobs.registry import get_job
from app.quality.linking import link_folder, parse_name
from db.models import Interaction, QaDraw, QaRecordingCheck
from tests import factories as f
from tests.qa_fixtures import LAST_MONDAY, build, write_wav


def _db(tmp_path):
    url = str(tmp_path / "qa.db")
    db = open_database(url).db
    with db.session() as s:
        build(s, tmp_path / "rec")
    return url, db


def test_draw_and_replay_from_the_command_line_R_QA_1(tmp_path, frozen_clock, capsys):
    url, db = _db(tmp_path)
    db.dispose()
    assert main(["qa", "draw", "--week", "2026-W46", "--db", url, "--seed", "cli"]) == 0
    out = capsys.readouterr().out
    assert "Draw 1 of 2026-W46" in out and "13 interactions for 4 agents" in out
    assert "2 agents under the quota" in out
    assert main(["qa", "draw", "--week", "2026-W46", "--db", url]) == 2  # drawn already
    assert "already drawn" in capsys.readouterr().err
    assert main(["qa", "replay", "1", "--db", url, "--json"]) == 0
    replay = json.loads(capsys.readouterr().out)
    assert replay["identical"] and replay["samples"] == 13
    db = open_database(url).db
    with db.session() as s:
        s.get(QaDraw, 1).population = s.get(QaDraw, 1).population[1:]  # tamper: one interaction fewer
    db.dispose()
    assert main(["qa", "replay", "1", "--db", url]) == 1
    out = capsys.readouterr().out
    assert "population: CHANGED" in out and "DIFFERENT" in out
    assert main(["qa", "replay", "99", "--db", url]) == 2
    assert main(["qa", "draw", "--week", "soon", "--db", url]) == 2
    assert main(["qa", "draws", "--db", url]) == 0
    assert "2026-W46" in capsys.readouterr().out


def test_the_monday_job_draws_last_week_once(tmp_path, frozen_clock):
    url, db = _db(tmp_path)
    job = get_job("qa_weekly_draw")
    slot = datetime(2026, 11, 15, 22, 0, tzinfo=UTC)  # Mon 16 Nov 06:00 Shanghai
    assert job.latest_slot(datetime(2026, 11, 16, 1, 0, tzinfo=UTC), ZoneInfo("Asia/Shanghai")) == slot
    first = job.run(db, slot, Actor.system())
    again = job.run(db, slot, Actor.system())
    db.dispose()
    assert first["week"] == "2026-W46" and first["samples"] == 13
    assert again == {"week": "2026-W46", "draw_id": first["draw_id"], "skipped": "already drawn"}


def test_mixmonitor_and_default_names_are_understood():
    q = parse_name("q-support-+8613800000000-20261110-093000-1731202200.42.wav")
    assert q and q.uniqueid == "1731202200.42" and q.queue == "support" and q.kind == "q"
    assert parse_name("1731202200.42.WAV").uniqueid == "1731202200.42"
    assert parse_name("out-201-55501-20261110-093000-1731202200.43.gsm").kind == "out"
    assert parse_name("notes.txt") is None and parse_name("q-x-20261110-1731202200.42.wav") is None


def test_linking_a_folder_lists_bad_files_and_links_the_rest(sqlite_db, frozen_clock, tmp_path):
    folder = tmp_path / "monitor"
    with sqlite_db.session() as s:
        c = f.center(s)
        q = f.queue(s, c, "support")
        agent = f.person(s, c)
        ids = []
        for k in range(4):
            i = f.interaction(s, c, q, agent, datetime(2026, 11, 10, 1, k, tzinfo=UTC))
            i.external_id = f"1731202200.{k}"
            i.source = "cdr"
            ids.append(i.id)
    write_wav(folder / "q-support-13800000000-20261110-093000-1731202200.0.wav", seconds=1.5)
    write_wav(folder / "2026/1731202200.1.wav")
    (folder / "1731202200.2.wav").write_bytes(b"")
    (folder / "1731202200.3.wav").write_bytes(b"RIFF....WAVEjunk")
    write_wav(folder / "1731202299.9.wav")  # no such call
    (folder / "holiday.wav").write_bytes(b"x")
    with sqlite_db.session() as s:
        report = link_folder(s, folder, source="cdr", expected={"1731202200.5": "missing-call.wav"})
    assert report.linked == 2 and report.unmatched == ["1731202299.9.wav"]
    assert report.unrecognised == ["holiday.wav"]
    assert sorted((p[0], p[1]) for p in report.problems) == [
        ("1731202200.2.wav", "empty"), ("1731202200.3.wav", "undecodable")]
    with sqlite_db.session() as s:
        linked = s.get(Interaction, ids[0])
        assert linked.recording_ref.endswith("1731202200.0.wav") and linked.recording_sec == 1.5
        assert s.get(QaRecordingCheck, ids[2]).status == "empty"
        assert s.scalars(select(Interaction.recording_ref).where(Interaction.id == ids[3])).one() is None


def test_scorecards_are_saved_and_revised_from_the_command_line(tmp_path, capsys):
    url = str(tmp_path / "qa.db")
    open_database(url).db.dispose()
    assert main(["qa", "scorecard", "Service", "--default", "--db", url]) == 0
    assert "revision 1" in capsys.readouterr().out
    card = tmp_path / "card.json"
    card.write_text(json.dumps({"sections": [{"key": "s", "label": "All", "weight": 1, "questions": [
        {"key": "greeting", "label": "Greeting", "kind": "yes_no", "weight": 1}]}]}), encoding="utf-8")
    assert main(["qa", "scorecard", "Service", str(card), "--db", url]) == 0
    assert "revision 2 (1 questions" in capsys.readouterr().out
    card.write_text(json.dumps({"sections": [{"key": "s", "label": "All", "weight": 1, "questions": [
        {"key": "greeting", "label": "Greeting", "kind": "stars", "weight": 1}]}]}), encoding="utf-8")
    assert main(["qa", "scorecard", "Service", str(card), "--db", url]) == 2
    assert "unknown kind 'stars'" in capsys.readouterr().err
    assert main(["qa", "scorecard", "--db", url]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [(c["name"], c["revision"]) for c in shown] == [("Service", 2)]


def test_draw_rules_are_shown_and_set_from_the_command_line(tmp_path, capsys):
    url = str(tmp_path / "qa.db")
    open_database(url).db.dispose()
    assert main(["qa", "rules", "--db", url]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["quota"] == 5 and [s["name"] for s in shown["strata"]] == ["voice", "digital"]
    new = tmp_path / "rules.json"
    new.write_text(json.dumps({"min_duration_sec": 45, "strata": [
        {"name": "phone", "quota": 4, "channels": ["phone"], "fallback": ["any"]}]}), encoding="utf-8")
    assert main(["qa", "rules", "--set", str(new), "--db", url]) == 0
    assert json.loads(capsys.readouterr().out)["min_duration_sec"] == 45
    new.write_text(json.dumps({"strata": [{"name": "phone", "quota": 9}]}), encoding="utf-8")
    assert main(["qa", "rules", "--set", str(new), "--db", url]) == 2
    assert "more than the quota" in capsys.readouterr().err


def test_the_qa_benchmark_runs_on_a_given_database(tmp_path):
    from app.bench.registry import BenchOptions, run_benchmark

    url, db = _db(tmp_path)
    db.dispose()
    result = run_benchmark("qa", BenchOptions(db=url, repeat=1))
    assert result.info["samples"] == 13 and result.info["listed"] == 13 and result.info["replay identical"]
    assert result.measurement("draw").baseline == "eligible" and result.measurement("draw").median > 0
    assert result.measurement("replay").target == 3.0


def _wav49(path):
    import struct

    data = bytes(65 * 4)
    path.write_bytes(struct.pack("<4sI4s4sIHHIIHH", b"RIFF", 36 + len(data), b"WAVE", b"fmt ", 16, 49, 1, 8000,
                                 1625, 65, 0) + b"data" + struct.pack("<I", len(data)) + data)


@pytest.mark.parametrize(("name", "content", "status"), [
    ("call.wav", None, "ok"),  # PCM written by write_wav
    ("call.WAV", "wav49", "ok"),  # GSM in WAV, as Asterisk's wav49 writes it
    ("call.wav", b"ID3 this is not a wav", "undecodable"),
    ("call.wav", b"RIFF\x00\x00\x00\x00WAVEfmt broken", "undecodable"),
    ("call.gsm", bytes(33 * 10), "ok"),
    ("call.gsm", bytes(50), "undecodable"),
    ("call.mp3", b"ID3\x04\x00" + bytes(100), "ok"),
    ("call.mp3", b"<html>not audio</html>", "undecodable"),
    ("call.ogg", b"OggS" + bytes(60), "ok"),
    ("call.ogg", b"", "empty"),
])
def test_recording_checks_by_format(tmp_path, name, content, status):
    from app.quality.recordings import check_file

    path = tmp_path / name
    if content is None:
        write_wav(path)
    elif content == "wav49":
        _wav49(path)
    else:
        path.write_bytes(content)
    assert check_file(path).status == status
    assert check_file(tmp_path / "absent.wav").status == "missing"


def test_stats_from_the_command_line(tmp_path, frozen_clock, capsys):
    url, db = _db(tmp_path)
    from app.quality.draw import run_draw
    from app.quality.reviews import save_review, worklist
    from app.quality.scorecards import DEFAULT_SECTIONS, save_scorecard
    from tests.test_qa_reviews import GOOD

    with db.session() as s:
        card, _ = save_scorecard(s, Actor.system(), "Service", DEFAULT_SECTIONS)
        run_draw(s, Actor.system(), LAST_MONDAY, seed="st")
    with db.session() as s:
        item = worklist(s, Actor.system()).items[0]
        save_review(s, Actor.system(), item.sample_id, scorecard_id=card.id, answers=GOOD, dialogue_score=9)
    db.dispose()
    assert main(["qa", "stats", "--db", url, "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["agent_id"] == item.agent_id and row["week"] == {"n": 1, "mean": 9.0, "low": None, "high": None}
    assert main(["qa", "stats", "--db", url]) == 0
    assert "9.0 (n = 1, no interval)" in capsys.readouterr().out
