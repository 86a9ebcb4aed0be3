"""`floorwalker demo --lang zh_CN`: the same seeded center as the English demo, in Chinese.

Same seed: the same counts, times, figures and QA draws; only names and free texts differ, and none of
them is an English word (codes such as VIP, IVR, App and the product name excepted)."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from app.bootstrap import open_database
from app.cli import main
from app.demo.builder import DemoOptions, DemoStats, build_demo

TODAY = date(2026, 11, 18)
ALLOWED = {"VIP", "IVR", "App", "Floorwalker"}
WORD = re.compile(r"[A-Za-z]+")


@dataclass
class Built:
    path: Path
    stats: DemoStats

    def rows(self, sql: str) -> list[tuple]:
        conn = sqlite3.connect(self.path)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()


def _build(folder: Path, lang: str) -> Built:
    folder.mkdir(parents=True, exist_ok=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FLOORWALKER_DATA_DIR", str(folder / "data"))
        mp.setenv("FLOORWALKER_KEY_FILE", str(folder / "customer.key"))
        stats = build_demo(str(folder / "demo.db"), DemoOptions(
            seed=5, agents=12, weeks=3, today=TODAY, recordings_dir=folder / "rec", lang=lang))
    return Built(folder / "demo.db", stats)


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Built]:
    root = tmp_path_factory.mktemp("demo_zh")
    return _build(root / "en", "en"), _build(root / "zh", "zh_CN")


def english_words(values: list[object]) -> list[str]:
    return sorted({w for v in values if isinstance(v, str) for w in WORD.findall(v)} - ALLOWED)


def column(built: Built, sql: str) -> list[object]:
    return [row[0] for row in built.rows(sql)]


NAMES = {
    "center": "SELECT name FROM centers",
    "teams": "SELECT name FROM teams",
    "queues": "SELECT name FROM queues",
    "shift templates": "SELECT name FROM shift_templates",
    "people": "SELECT full_name FROM people",
    "users": "SELECT display_name FROM users",
    "scorecard": "SELECT name FROM qa_scorecards",
    "regions": "SELECT DISTINCT region FROM customers",
    "SLA policies": "SELECT name FROM sla_policies",
    "calendars": "SELECT name FROM business_calendars",
    "calendar days": "SELECT note FROM calendar_days",
}
TEXTS = {
    "complaint summaries": "SELECT summary FROM complaints",
    "temporary solutions": "SELECT temporary_solution FROM complaints",
    "customer opinions": "SELECT customer_opinion FROM complaints",
    "complaint notes": "SELECT note FROM complaint_events",
    "complaint actors": "SELECT actor FROM complaint_events WHERE actor <> 'sla'",  # sla: the sweep
    "shift notes": "SELECT note FROM shift_assignments",
    "time off reasons": "SELECT reason FROM time_off_requests",
    "training": "SELECT topic FROM training_records",
    "knowledge base": "SELECT title FROM kb_contributions",
    "surveys": "SELECT comment FROM satisfaction_surveys",
    "QA comments": "SELECT comment FROM qa_reviews",
    "QA coaching": "SELECT coaching FROM qa_reviews",
    "QA violations": "SELECT violation_notes FROM qa_reviews",
    "replacements": "SELECT replace_reason FROM qa_samples",
    "calibrations": "SELECT title FROM qa_calibrations",
    "disputes": "SELECT reason FROM qa_disputes",
    "dispute decisions": "SELECT decision_reason FROM qa_disputes",
    "chats": "SELECT text FROM transcript_messages",
}


def test_zh_demo_names_have_no_english_words(pair: tuple[Built, Built]) -> None:
    en, zh = pair
    for what, sql in NAMES.items():
        assert english_words(column(zh, sql)) == [], what
    # the English demo did have them: the check is not vacuous
    assert english_words(column(en, NAMES["teams"])) and english_words(column(en, NAMES["queues"]))
    assert set(column(zh, NAMES["shift templates"])) == {"早班", "白班", "晚班", "夜班"}
    assert "电话–VIP" in column(zh, NAMES["queues"])
    labels: list[object] = []
    for (criteria,) in zh.rows("SELECT criteria FROM qa_scorecards"):
        for section in json.loads(criteria)["sections"]:
            labels.append(section["label"])
            labels.extend(q["label"] for q in section["questions"])
    assert len(labels) >= 10 and english_words(labels) == []
    assert "开场白" in labels and "问候与自我介绍" in labels


def test_zh_demo_free_texts_and_chats_are_chinese(pair: tuple[Built, Built]) -> None:
    en, zh = pair
    for what, sql in TEXTS.items():
        values = column(zh, sql)
        assert english_words(values) == [], what
    assert english_words(column(en, TEXTS["chats"]))  # the English demo mixes languages in its chats
    assert any("您好" in t for t in column(zh, TEXTS["chats"]))


def test_zh_demo_has_the_same_counts_and_figures_as_the_english_one(pair: tuple[Built, Built]) -> None:
    en, zh = pair
    assert zh.stats.rows == en.stats.rows and zh.stats.recordings == en.stats.recordings
    for sql in (
        "SELECT id, queue_id, agent_id, customer_id, channel, offered_at, answered_at, wait_sec, talk_sec, outcome, "
        "rating, resolved, recording_ref FROM interactions ORDER BY id",
        "SELECT agent_id, state, reason, started_at, ended_at FROM agent_state_intervals ORDER BY id",
        "SELECT reference, stage, category, priority, opened_at, closed_at FROM complaints ORDER BY id",
        "SELECT complaint_id, at, kind FROM complaint_events ORDER BY id",
        "SELECT seed, result_hash, population_hash FROM qa_draws ORDER BY id",
        "SELECT draw_id, interaction_id, agent_id, reviewer_id, status FROM qa_samples ORDER BY id",
        "SELECT sample_id, answers, score_pct, violations FROM qa_reviews ORDER BY id",
        "SELECT person_id, template_id, starts_at, ends_at FROM shift_assignments ORDER BY id",
        "SELECT id, username, role FROM users ORDER BY id",
        "SELECT interaction_id, seq, sent_at, sender FROM transcript_messages ORDER BY id",
        "SELECT id, channel, is_vip, priority, target_service_level FROM queues ORDER BY id",
    ):
        assert zh.rows(sql) == en.rows(sql), sql
    # people keep one distinct name each
    names = column(zh, "SELECT full_name FROM people")
    assert len(set(names)) == len(names)


def test_zh_demo_draws_replay_identically(pair: tuple[Built, Built], capsys) -> None:
    _, zh = pair
    draws = column(zh, "SELECT id FROM qa_draws ORDER BY id")
    assert draws
    for draw_id in draws:
        assert main(["qa", "replay", str(draw_id), "--db", str(zh.path)]) == 0
        assert "IDENTICAL" in capsys.readouterr().out


def test_autoqa_checks_the_chinese_chats(pair: tuple[Built, Built], tmp_path: Path) -> None:
    from app.autoqa.service import run_checks

    en, zh = pair
    passed: dict[str, dict[str, list[bool | None]]] = {}
    for label, built in (("en", en), ("zh", zh)):
        copy = tmp_path / f"{label}.db"
        copy.write_bytes(built.path.read_bytes())
        db = open_database(str(copy)).db
        try:
            stats = run_checks(db)
        finally:
            db.dispose()
        assert stats.errors == 0 and stats.conversations > 0
        conn = sqlite3.connect(copy)
        try:
            rows = conn.execute("SELECT \"check\", passed FROM autoqa_results").fetchall()
        finally:
            conn.close()
        passed[label] = {}
        for check, ok in rows:
            passed[label].setdefault(check, []).append(None if ok is None else bool(ok))
    # every conversation is Chinese now: the polite-form check (Chinese only) applies to all answered ones
    zh_polite = passed["zh"]["polite"]
    en_polite = passed["en"]["polite"]
    assert sum(v is not None for v in zh_polite) > sum(v is not None for v in en_polite)
    # and the greeting and closing checks recognise the Chinese wording: most pass, as in English
    for check in ("greeting", "closing"):
        applicable = [v for v in passed["zh"][check] if v is not None]
        assert applicable and sum(applicable) / len(applicable) > 0.7, check
    assert len(passed["zh"]["first_reply"]) == len(passed["en"]["first_reply"])


def test_demo_command_takes_the_language(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("FLOORWALKER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FLOORWALKER_KEY_FILE", str(tmp_path / "customer.key"))
    db = tmp_path / "zh.db"
    assert main(["demo", "--db", str(db), "--agents", "4", "--weeks", "1", "--lang", "zh_CN",
                 "--recordings", str(tmp_path / "rec")]) == 0
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT name FROM teams").fetchall() == [("翡翠组",)]
    finally:
        conn.close()
    with pytest.raises(SystemExit):
        main(["demo", "--db", str(tmp_path / "x.db"), "--lang", "fr"])
    with pytest.raises(ValueError, match="zh_CN"):
        build_demo(str(tmp_path / "y.db"), DemoOptions(lang="fr"))
