"""The demo center: seeded and repeatable, believable shapes, every stage, QA quota, no plaintext."""

from __future__ import annotations

import hashlib
import sqlite3
import wave
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, insert, select

from app.bootstrap import open_database
from app.cli import main
from app.demo.builder import DemoOptions, DemoRefused, DemoStats, build_demo
from app.security.crypto import CustomerCipher
from db.models import Center, Interaction, Person

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 11, 18)  # a Wednesday: two complete weeks of history before this one


@dataclass
class Built:
    path: Path
    key_file: Path
    stats: DemoStats

    def rows(self, sql: str, *params: object) -> list[tuple]:
        conn = sqlite3.connect(self.path)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def scalar(self, sql: str, *params: object) -> object:
        return self.rows(sql, *params)[0][0]


def _build(folder: Path, seed: int, *, key_file: Path | None = None, agents: int = 8, weeks: int = 3) -> Built:
    """Build into its own folder, data dir and key file (module fixtures run outside the per-test
    isolation, so the environment is set here)."""
    folder.mkdir(parents=True, exist_ok=True)
    key_file = key_file or folder / "customer.key"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FLOORWALKER_DATA_DIR", str(folder / "data"))
        mp.setenv("FLOORWALKER_KEY_FILE", str(key_file))
        stats = build_demo(str(folder / "demo.db"), DemoOptions(
            seed=seed, agents=agents, weeks=weeks, today=TODAY, recordings_dir=folder / "rec"))
    return Built(folder / "demo.db", key_file, stats)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(tmp_path_factory.mktemp("demo"), seed=3)


def _digest(built: Built) -> str:
    """A fingerprint of everything the seed decides (ciphertexts excluded: their nonces are random)."""
    h = hashlib.sha256()
    for sql in (
        "SELECT id, full_name, level, team_id, hire_date, mentor_id FROM people ORDER BY id",
        "SELECT id, queue_id, agent_id, customer_id, offered_at, answered_at, wait_sec, talk_sec, outcome, "
        "rating, resolved, recording_ref FROM interactions ORDER BY id",
        "SELECT agent_id, state, reason, started_at, ended_at FROM agent_state_intervals ORDER BY id",
        "SELECT reference, stage, category, priority, opened_at, summary FROM complaints ORDER BY id",
        "SELECT complaint_id, at, kind FROM complaint_events ORDER BY id",
        "SELECT draw_id, interaction_id, agent_id, status FROM qa_samples ORDER BY id",
        "SELECT phone_hash, phone_masked, name_masked, region FROM customers ORDER BY id",
        "SELECT person_id, starts_at, ends_at FROM shift_assignments ORDER BY id",
    ):
        for row in built.rows(sql):
            h.update(repr(row).encode())
    return h.hexdigest()


def test_same_seed_builds_the_same_center_and_another_seed_another(demo: Built, tmp_path: Path) -> None:
    again = _build(tmp_path / "again", seed=3, key_file=demo.key_file)
    other = _build(tmp_path / "other", seed=4, key_file=demo.key_file)
    assert again.stats.rows == demo.stats.rows
    assert _digest(again) == _digest(demo)
    assert _digest(other) != _digest(demo)
    # the recordings too: the same files with the same bytes
    ours = sorted(p.relative_to(demo.path.parent / "rec") for p in (demo.path.parent / "rec").rglob("*.wav"))
    theirs = sorted(p.relative_to(tmp_path / "again" / "rec") for p in (tmp_path / "again" / "rec").rglob("*.wav"))
    assert ours and ours == theirs
    assert (demo.path.parent / "rec" / ours[-1]).read_bytes() == (tmp_path / "again" / "rec" / ours[-1]).read_bytes()
    # only the ciphertexts differ (fresh AES-GCM nonces)
    assert demo.rows("SELECT phone_enc FROM customers WHERE id = 1") != again.rows(
        "SELECT phone_enc FROM customers WHERE id = 1")


def test_center_people_and_queues_look_like_a_contact_center(demo: Built) -> None:
    assert demo.rows("SELECT name, timezone, holiday_country FROM centers") == [
        ("Floorwalker Demo Center", "Asia/Shanghai", "CN")]
    levels = dict(demo.rows("SELECT level, count(*) FROM people WHERE job_title = 'agent' GROUP BY level"))
    assert sum(levels.values()) == 8 and set(levels) == {"junior", "intermediate", "senior"}
    titles = {t for (t,) in demo.rows("SELECT job_title FROM people")}
    assert {"supervisor", "scheduler", "quality_analyst", "trainer", "manager", "administrator"} <= titles
    users = demo.rows("SELECT role, password_hash, must_change_password FROM users")
    # demo users share the documented password (an Argon2id hash, never the text itself)
    assert users and all(pw.startswith("$argon2id$") and not must for _, pw, must in users)
    assert demo.scalar("SELECT count(*) FROM teams WHERE supervisor_id IS NULL") == 0
    channels = {c for (c,) in demo.rows("SELECT channel FROM queues")}
    assert {"phone", "chat", "email"} <= channels
    assert demo.scalar("SELECT count(*) FROM queues WHERE is_vip AND priority > 1") == 1


def test_every_stage_of_the_board_has_cases_R_FLOW_1(demo: Built) -> None:
    stages = dict(demo.rows("SELECT stage, count(*) FROM complaints GROUP BY stage"))
    assert set(stages) == {"accept", "assess", "process", "feedback", "closed"}
    kinds = {k for (k,) in demo.rows("SELECT kind FROM complaints")}
    assert kinds == {"complaint", "service_request"}
    # closed ones closed the feedback loop (R-FLOW-5); open ones have a timeline up to now
    assert demo.scalar("SELECT count(*) FROM complaints WHERE stage = 'closed' AND NOT feedback_loop_closed") == 0
    assert demo.scalar("SELECT count(*) FROM complaints c WHERE NOT EXISTS "
                       "(SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id AND e.kind = 'created')") == 0
    refs = [r for (r,) in demo.rows("SELECT reference FROM complaints")]
    assert all(r[:2] in ("C-", "S-") and len(r) == 13 for r in refs)


def test_a_complaint_is_breaching_its_key_points_deadline_R_SLA_1(demo: Built) -> None:
    end_of_today = datetime.combine(TODAY + timedelta(days=1), datetime.min.time(), SHANGHAI).astimezone(UTC)
    rows = demo.rows("SELECT c.opened_at FROM complaints c WHERE c.stage = 'accept' AND c.kind = 'complaint' "
                     "AND NOT EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id "
                     "AND e.kind = 'key_points')")
    ages = [(end_of_today - datetime.fromisoformat(o).replace(tzinfo=UTC)).total_seconds() / 60 for (o,) in rows]
    assert any(age > 5 for age in ages)


def test_sla_policies_take_their_targets_from_the_rule_values_R_SLA_6(demo: Built) -> None:
    targets = dict(demo.rows("SELECT rule_id, target_minutes FROM sla_policies"))
    assert targets["R-SLA-1"] == 5 and targets["R-SLA-3"] == 15 and targets["R-SLA-6"] == 24 * 60
    assert targets["R-SLA-7.process"] == 72 * 60
    assert demo.scalar("SELECT calendar_id FROM sla_policies WHERE rule_id = 'R-SLA-7.response'") == 1


def test_at_least_five_qa_samples_per_agent_per_past_week_R_QA_1(demo: Built) -> None:
    draws = demo.rows("SELECT id, week_start, population_hash, seed FROM qa_draws ORDER BY week_start")
    assert [w for _, w, _, _ in draws] == ["2026-11-02", "2026-11-09"]  # the complete weeks
    for draw_id, week_start, population_hash, seed in draws:
        assert len(population_hash) == 64 and seed
        per_agent = dict(demo.rows("SELECT agent_id, count(*) FROM qa_samples WHERE draw_id = ? "
                                   "AND status != 'replaced' GROUP BY agent_id", draw_id))
        worked = {a for (a,) in demo.rows(
            "SELECT DISTINCT agent_id FROM interactions WHERE recording_ref IS NOT NULL "
            "AND date(offered_at, '+8 hours') BETWEEN ? AND date(?, '+6 days')", week_start, week_start)}
        assert worked and worked == set(per_agent)
        assert min(per_agent.values()) >= 5, f"week {week_start}: {per_agent}"
    reviewed = demo.rows("SELECT dialogue_score FROM qa_reviews")
    assert reviewed and all(1 <= s <= 10 for (s,) in reviewed)


def test_no_plaintext_customer_identifier_in_the_database_file_R_SEC_2(demo: Built) -> None:
    cipher = CustomerCipher.from_key_file(demo.key_file)
    rows = demo.rows("SELECT phone_enc, name_enc, phone_masked FROM customers WHERE phone_enc IS NOT NULL")
    phones = [cipher.decrypt(p) for p, _, _ in rows]
    assert len(phones) >= 200 and all(p and len(p) == 11 and p.startswith("1") for p in phones)
    assert all(masked and "****" in masked for _, _, masked in rows)
    raw = demo.path.read_bytes()
    wal = demo.path.with_name(demo.path.name + "-wal")
    if wal.exists():
        raw += wal.read_bytes()
    leaked = [p for p in phones if p.encode() in raw]
    assert leaked == []
    staff = {n for (n,) in demo.rows("SELECT full_name FROM people")}  # a customer may share a name
    names = [cipher.decrypt(n) for _, n, _ in rows[:300]]
    assert [n for n in names if n and len(n) > 3 and n not in staff and n.encode() in raw] == []


def test_recordings_are_real_small_wav_files(demo: Built) -> None:
    root = Path(str(demo.scalar("SELECT json_extract(value, '$') FROM settings WHERE key = 'recordings.root'")))
    assert root == (demo.path.parent / "rec").resolve()
    refs = [r for (r,) in demo.rows("SELECT recording_ref FROM interactions WHERE recording_ref IS NOT NULL")]
    phone_answered = demo.scalar("SELECT count(*) FROM interactions WHERE channel = 'phone' AND outcome = 'answered'")
    assert len(refs) > 0.9 * phone_answered
    files = [root / r for r in refs if (root / r).exists()]
    assert demo.stats.recordings == len(files) > 20
    for path in files[:: max(1, len(files) // 10)]:
        with wave.open(str(path), "rb") as w:
            assert w.getnchannels() == 1 and w.getframerate() == 8000
            assert 1.5 <= w.getnframes() / 8000 <= 5
    assert demo.stats.recording_bytes < 30_000_000


def test_contacts_follow_a_daily_and_weekly_shape(demo: Built) -> None:
    by_hour = dict(demo.rows("SELECT CAST(strftime('%H', offered_at, '+8 hours') AS INTEGER), count(*) "
                             "FROM interactions GROUP BY 1"))
    assert by_hour[10] > 5 * by_hour.get(3, 0) and by_hour[15] > 5 * by_hour.get(4, 0)
    by_day = dict(demo.rows("SELECT strftime('%w', offered_at, '+8 hours'), count(*) FROM interactions GROUP BY 1"))
    assert by_day["1"] > by_day["0"]  # Monday busier than Sunday
    abandoned = demo.scalar("SELECT avg(outcome = 'abandoned') FROM interactions WHERE channel IN ('phone', 'chat')")
    assert 0.02 < abandoned < 0.25  # a tiny center: one night agent on a meal break leaves the line open
    rating = demo.scalar("SELECT avg(rating) FROM interactions WHERE rating IS NOT NULL")
    assert 4.0 < rating < 4.6
    # the last contact is from "today" (the build's day), none later
    last = demo.scalar("SELECT max(date(offered_at, '+8 hours')) FROM interactions")
    assert last == TODAY.isoformat()


def test_agents_take_contacts_only_while_on_shift_and_one_call_at_a_time(demo: Built) -> None:
    assert demo.scalar(
        "SELECT count(*) FROM interactions i WHERE agent_id IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM agent_state_intervals l WHERE l.agent_id = i.agent_id AND l.state = 'logged_in' "
        "AND i.answered_at >= l.started_at AND (l.ended_at IS NULL OR i.answered_at <= l.ended_at))") == 0
    assert demo.scalar(
        "SELECT count(*) FROM interactions i JOIN agent_state_intervals p ON p.agent_id = i.agent_id "
        "AND p.state = 'paused' AND i.answered_at >= p.started_at AND i.answered_at < p.ended_at") == 0
    overlapping = demo.scalar(
        "SELECT count(*) FROM (SELECT answered_at, lag(ended_at) OVER (PARTITION BY agent_id ORDER BY answered_at) "
        "AS previous_end FROM interactions WHERE channel = 'phone' AND agent_id IS NOT NULL) "
        "WHERE previous_end > answered_at")
    assert overlapping == 0
    reasons = {r for (r,) in demo.rows("SELECT DISTINCT reason FROM agent_state_intervals WHERE state = 'paused'")}
    assert {"break", "lunch", "meeting"} <= reasons


def test_published_rota_this_week_with_the_stand_up_and_a_draft_next_week_R_SCH_6(demo: Built) -> None:
    rotas = dict(demo.rows("SELECT week_start, status FROM rotas"))
    assert rotas["2026-11-16"] == "published" and rotas["2026-11-23"] == "draft"
    assert rotas["2026-11-02"] == "published"
    stand_ups = demo.rows(
        "SELECT count(*) FROM shift_activities a JOIN shift_assignments s ON s.id = a.assignment_id "
        "JOIN rotas r ON r.id = s.rota_id WHERE r.week_start = '2026-11-16' AND a.kind = 'meeting' "
        "AND strftime('%H:%M', a.starts_at, '+8 hours') = '08:30' "
        "AND (julianday(a.ends_at) - julianday(a.starts_at)) * 1440 BETWEEN 14.9 AND 15.1")
    assert stand_ups[0][0] > 5
    time_off = {s for (s,) in demo.rows("SELECT DISTINCT status FROM time_off_requests")}
    assert "approved" in time_off


def test_training_covers_product_hours_R_SCH_8(demo: Built) -> None:
    hours = demo.rows("SELECT person_id, sum(hours) FROM training_records WHERE kind = 'product' "
                      "AND started_at >= '2026-11-01' GROUP BY person_id")
    assert len(hours) >= 4 and max(h for _, h in hours) >= 4
    assert demo.scalar("SELECT count(*) FROM satisfaction_surveys") > 0
    assert demo.scalar("SELECT count(*) FROM kb_contributions") > 0


def test_today_has_data_up_to_now_and_agents_logged_in_now(tmp_path: Path, frozen_clock) -> None:
    built = build_demo(str(tmp_path / "now.db"), DemoOptions(agents=20, weeks=1, recordings_dir=tmp_path / "rec"))
    now = frozen_clock()  # Wednesday 10:00 in Shanghai
    conn = sqlite3.connect(tmp_path / "now.db")
    try:
        latest = conn.execute("SELECT max(ended_at) FROM interactions").fetchone()[0]
        today = conn.execute("SELECT count(*) FROM interactions WHERE date(offered_at, '+8 hours') = '2026-11-18'"
                             ).fetchone()[0]
        open_logins = conn.execute("SELECT count(*) FROM agent_state_intervals WHERE state = 'logged_in' "
                                   "AND ended_at IS NULL").fetchone()[0]
    finally:
        conn.close()
    assert datetime.fromisoformat(latest).replace(tzinfo=UTC) <= now
    assert today > 50 and open_logins >= 1
    assert built.interactions > 0


def test_refuses_a_database_that_holds_a_center_and_changes_nothing(tmp_path: Path, capsys) -> None:
    url = str(tmp_path / "busy.db")
    assert main(["demo", "--db", url, "--agents", "4", "--weeks", "1", "--recordings", str(tmp_path / "r")]) == 0
    out = capsys.readouterr().out
    assert "interactions" in out and "built in" in out
    opened = open_database(url)
    with opened.db.session() as s:
        before = s.scalar(select(func.count()).select_from(Interaction))
    opened.db.dispose()
    with pytest.raises(DemoRefused, match="already holds"):
        build_demo(url, DemoOptions(agents=4, weeks=1, seed=9))
    assert main(["demo", "--db", url, "--agents", "4", "--weeks", "1"]) == 2
    assert "--force" in capsys.readouterr().err
    opened = open_database(url)
    with opened.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Interaction)) == before
    opened.db.dispose()


def test_force_replaces_the_center(tmp_path: Path) -> None:
    url = str(tmp_path / "force.db")
    first = build_demo(url, DemoOptions(agents=4, weeks=1, seed=1, today=TODAY, recordings_dir=tmp_path / "r"))
    second = build_demo(url, DemoOptions(agents=6, weeks=1, seed=2, today=TODAY, recordings_dir=tmp_path / "r",
                                         force=True))
    opened = open_database(url)
    with opened.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Center)) == 1
        assert s.scalar(select(func.count()).select_from(Interaction)) == second.interactions != first.interactions
        assert s.scalar(select(func.count()).select_from(Person).where(Person.job_title == "agent")) == 6
    opened.db.dispose()
    wavs = list((tmp_path / "r").rglob("*.wav"))
    assert len(wavs) == second.recordings  # the first build's files were replaced, not mixed in


@pytest.mark.postgres
def test_demo_builds_on_postgresql_and_ids_continue_after_it(pg_url: str, tmp_path: Path) -> None:
    stats = build_demo(pg_url, DemoOptions(agents=10, weeks=1, today=TODAY, recordings_dir=tmp_path / "r"))
    assert stats.interactions > 200 and stats.rows["complaints"] >= 8
    opened = open_database(pg_url)
    try:
        with opened.db.session() as s:
            assert s.scalar(select(func.count()).select_from(Interaction)) == stats.interactions
            stages = set(s.scalars(select(func.distinct(Interaction.outcome))))
            assert stages == {"answered", "abandoned"}
            # the id sequences moved past the demo's explicit ids: a new row gets a fresh id
            new_id = s.execute(insert(Interaction).values(
                center_id=1, queue_id=1, channel="phone", source="test", offered_at=datetime.now(UTC),
            ).returning(Interaction.id)).scalar_one()
            assert new_id == stats.interactions + 1
        with pytest.raises(DemoRefused):
            build_demo(pg_url, DemoOptions(agents=4, weeks=1))
        again = build_demo(pg_url, DemoOptions(agents=6, weeks=1, seed=5, today=TODAY, force=True,
                                               recordings_dir=tmp_path / "r"))
        with opened.db.session() as s:
            assert s.scalar(select(func.count()).select_from(Center)) == 1
            assert s.scalar(select(func.count()).select_from(Interaction)) == again.interactions
            assert s.scalar(select(func.max(Interaction.id))) == again.interactions
    finally:
        opened.db.dispose()


def test_every_demo_user_signs_in_with_the_documented_password(tmp_path):
    from app.demo.builder import DEMO_PASSWORD, DemoOptions, build_demo
    from app.security import accounts
    from db.database import Database

    url = str(tmp_path / "users.db")
    stats = build_demo(url, DemoOptions(seed=3, agents=4, weeks=1, recordings_dir=tmp_path / "rec"))
    roles = {role for _, role in stats.users}
    assert {"administrator", "supervisor", "scheduler", "manager"} <= roles
    assert f"password '{DEMO_PASSWORD}'" in stats.summary()
    db = Database(url)
    with db.session() as s:
        for username, role in stats.users:
            user = accounts.authenticate(s, username, DEMO_PASSWORD)
            assert user.role == role and not user.must_change_password
    db.dispose()
