"""Automatic QA on chat transcripts (issue 11): the checks by rule, the labelled set, the importer,
incremental runs and versioned rule sets."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.actor import Actor
from app.autoqa.checks import Checker, Message, normalise_sender
from app.autoqa.importer import import_transcripts
from app.autoqa.service import (
    agent_summary,
    conversation,
    current_ruleset,
    mask_text,
    run_checks,
    save_ruleset,
)
from app.cli import main
from app.security.permissions import PermissionDenied
from db.models import AutoQaResult, Interaction, TranscriptMessage
from tests import factories as f
from tests.windows import open_workspace

FIXTURE = Path(__file__).parent / "fixtures" / "autoqa_labelled.jsonl"
T0 = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
ADMIN = Actor("admin", "administrator")


def conv(*msgs: tuple[float, str, str]) -> list[Message]:
    return [Message(i + 1, T0 + timedelta(seconds=s), who, text) for i, (s, who, text) in enumerate(msgs)]


def results(messages: list[Message], **config: object) -> dict[str, object]:
    return {r.check: r for r in Checker(config or None).check(messages)}


def test_first_reply_within_30_s_R_RESP_1():
    fast = results(conv((0, "customer", "hi"), (30, "agent", "Hello, my name is Ann")))
    assert fast["first_reply"].passed is True and fast["first_reply"].message_seq == 2
    slow = results(conv((0, "customer", "hi"), (20, "bot", "please wait"), (31, "agent", "Hello, my name is Ann")))
    assert slow["first_reply"].passed is False and "31 s" in slow["first_reply"].detail  # bots do not count
    never = results(conv((0, "customer", "hi"), (40, "customer", "hello?")))
    assert never["first_reply"].passed is False and never["first_reply"].message_seq == 1
    outbound = results(conv((0, "agent", "您好，我是回访专员"), (30, "customer", "好")))
    assert outbound["first_reply"].passed is None


def test_every_reply_within_60_s_R_RESP_2():
    r = results(conv((0, "customer", "a"), (10, "agent", "b"), (20, "customer", "c"), (25, "customer", "d"),
                     (81, "agent", "e")))
    # the clock runs from the first unanswered customer message (seq 3 at 20 s) to the reply at 81 s
    assert r["reply_time"].passed is False and r["reply_time"].message_seq == 3 and "61 s" in r["reply_time"].detail
    assert results(conv((0, "customer", "a"), (60, "agent", "b")))["reply_time"].passed is True
    assert results(conv((0, "customer", "a"), (60, "agent", "b")), reply_sec=30)["reply_time"].passed is False


def test_greeting_closing_polite_and_forbidden_phrases_R_QA_3():
    good = results(conv((0, "customer", "在吗"), (5, "agent", "您好，我是小李客服，很高兴为您服务"),
                        (20, "agent", "已为您处理。请问还有其他问题吗？")))
    assert good["greeting"].passed and good["closing"].passed and good["polite"].passed and good["forbidden"].passed
    rude = results(conv((0, "customer", "在吗"), (5, "agent", "嗯"), (9, "agent", "你自己看吧")))
    assert rude["greeting"].passed is False and rude["greeting"].message_seq == 2
    assert rude["polite"].passed is False and rude["polite"].message_seq == 3
    assert rude["forbidden"].passed is False and "你自己看" in rude["forbidden"].detail
    assert rude["closing"].passed is False
    english = results(conv((0, "customer", "hi"), (5, "agent", "Good morning, I'm Sam."),
                           (9, "agent", "Honestly, whatever works.")))
    assert english["polite"].passed is None  # no Chinese: not applicable
    assert english["forbidden"].passed is False
    # Latin phrases match whole words only: "whatever" is not inside "whateverland"
    assert results(conv((0, "customer", "hi"), (5, "agent", "Welcome to Whateverland!")))["forbidden"].passed


def test_transfer_within_2_min_of_announcing_it_R_SLA_2():
    on_time = results(conv((0, "customer", "x"), (5, "agent", "这个需要专员，我为您转接"), (100, "system", "会话已转接至专员组")))
    assert on_time["transfer"].passed is True and on_time["transfer"].message_seq == 3
    late = results(conv((0, "customer", "x"), (5, "agent", "I'll transfer you"),
                        (200, "system", "Conversation transferred to billing")))
    assert late["transfer"].passed is False
    never = results(conv((0, "customer", "x"), (5, "agent", "I'll transfer you")))
    assert never["transfer"].passed is False and never["transfer"].message_seq == 2
    assert results(conv((0, "customer", "x"), (5, "agent", "done")))["transfer"].passed is None


def test_rating_request_at_the_end_R_QA_4():
    asked = results(conv((0, "customer", "x"), (5, "agent", "done"), (9, "bot", "请为本次服务评价")))
    assert asked["rating_request"].passed is True and asked["rating_request"].message_seq == 3
    assert results(conv((0, "customer", "x"), (5, "agent", "bye")))["rating_request"].passed is False


def test_every_rule_matches_the_labelled_set():
    """200 conversations: 188 written from scenarios whose expected results follow from the scenario
    (not from the checker), and 12 edge cases labelled by hand (emoji, bots, mixed languages,
    out-of-order messages, unknown senders, no agent message, outbound, long messages)."""
    checker = Checker()
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 200
    mismatches = []
    per_rule: dict[str, int] = {}
    for row in rows:
        messages = [Message(i + 1, datetime.fromisoformat(m["time"]), m["sender"], m["text"])
                    for i, m in enumerate(row["messages"])]
        got = {r.check: r.passed for r in checker.check(messages)}
        for check, label in row["labels"].items():
            per_rule[check] = per_rule.get(check, 0) + (label is not None)
            if got[check] != label:
                mismatches.append((row["id"], check, label, got[check]))
    assert mismatches == []
    assert all(n >= 10 for n in per_rule.values()), per_rule  # every rule is exercised on real cases


def test_senders_are_normalised():
    assert [normalise_sender(x) for x in ("客服", "User", "机器人", "SYSTEM", "cat", None)] == [
        "agent", "customer", "bot", "system", "unknown", "unknown"]


def test_customer_identifiers_in_messages_are_masked_R_SEC_2():
    assert mask_text("电话 13812346925，邮箱 zhang.san@example.com") == "电话 138****6925，邮箱 z***@example.com"
    assert mask_text("身份证 110105199003071234") == "身份证 110105********1234"
    assert mask_text("order 20261105-8841") == "order 20261105-8841"


def _center(db):
    with db.session() as s:
        c = f.center(s)
        f.queue(s, c, "Online chat", channel="chat")
        agent = f.person(s, c, None, name="Chen Jie")
        return agent.id


def _jsonl(path: Path, messages: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(m, ensure_ascii=False) for m in messages) + "\n", encoding="utf-8")
    return path


def test_import_jsonl_orders_dedupes_reports_and_never_duplicates(any_db, tmp_path):
    agent_id = _center(any_db)
    t = "2026-11-02T10:00:{:02d}+08:00"
    lines = [
        {"conversation": "C1", "time": t.format(9), "sender": "客服", "text": "您好，我是小李客服 😀", "agent": "Chen Jie"},
        {"conversation": "C1", "time": t.format(0), "sender": "客户", "text": "在吗"},  # out of order
        {"conversation": "C1", "time": t.format(0), "sender": "客户", "text": "在吗"},  # a duplicate
        {"conversation": "C1", "time": t.format(30), "sender": "agent", "text": "请评价", "attachments": ["a.png"]},
        {"conversation": "C2", "time": t.format(5), "sender": "visitor", "text": "anyone?"},  # no agent message
        {"conversation": "C2", "time": t.format(6), "sender": "parrot", "text": "squawk"},  # unknown sender
        {"conversation": "C3", "time": "yesterday", "sender": "customer", "text": "x"},  # bad time
        {"conversation": "C4", "time": t.format(7), "sender": "customer", "text": "y" * 1_200_000},  # > 1 MB
    ]
    path = _jsonl(tmp_path / "t.jsonl", lines)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    result = import_transcripts(any_db, path)
    assert (result.conversations, result.messages, result.duplicates) == (3, 6, 1)
    assert result.unknown_senders == 1 and sorted(result.without_agent) == ["C2", "C4"]
    reasons = {p.line: p.reason for p in result.problems}
    assert "unreadable time" in reasons[7] and "not JSON" in reasons[9] and "cut to 1,000,000" in reasons[8]
    with any_db.session() as s:
        c1 = s.scalar(select(Interaction).where(Interaction.external_id == "C1"))
        assert c1.agent_id == agent_id and c1.channel == "chat" and c1.wait_sec == pytest.approx(9.0)
        texts = s.execute(select(TranscriptMessage.seq, TranscriptMessage.sender, TranscriptMessage.text)
                          .where(TranscriptMessage.interaction_id == c1.id).order_by(TranscriptMessage.seq)).all()
        assert [(r.seq, r.sender) for r in texts] == [(1, "customer"), (2, "agent"), (3, "agent")]
    again = import_transcripts(any_db, path)
    assert again.conversations == 0 and again.skipped_existing == 3
    with any_db.session() as s:
        assert s.scalar(select(func.count()).select_from(TranscriptMessage)) == 6
    assert "line,conversation,reason" in result.report_csv()


def test_import_csv_in_gbk_with_a_saved_column_mapping(sqlite_db, tmp_path):
    _center(sqlite_db)
    csv_text = ("会话,时间,角色,内容\n"
                "K1,2026-11-02 10:00:00,客户,你好\n"
                "K1,2026-11-02 10:00:20,客服,您好，我是小王客服\n")
    path = tmp_path / "t.csv"
    path.write_bytes(csv_text.encode("gbk"))
    columns = {"conversation": "会话", "time": "时间", "sender": "角色", "text": "内容"}
    with pytest.raises(ValueError, match="no column for conversation"):
        import_transcripts(sqlite_db, path)
    result = import_transcripts(sqlite_db, path, columns=columns, save_mapping="center-export")
    assert result.messages == 2
    path2 = tmp_path / "t2.csv"
    path2.write_bytes(csv_text.replace("K1", "K2").encode("gbk"))
    assert import_transcripts(sqlite_db, path2, mapping="center-export").conversations == 1
    with sqlite_db.session() as s:
        start = s.scalar(select(Interaction.offered_at).where(Interaction.external_id == "K2"))
        assert start == datetime(2026, 11, 2, 2, 0, tzinfo=UTC)  # a time without zone is center-local (Shanghai)


def test_runs_are_incremental_versioned_and_survive_a_bad_conversation(any_db, tmp_path, monkeypatch):
    _center(any_db)
    t = "2026-11-02T10:00:{:02d}+08:00"
    lines = []
    for n in range(5):
        lines += [{"conversation": f"R{n}", "time": t.format(0), "sender": "customer", "text": "hi"},
                  {"conversation": f"R{n}", "time": t.format(10 + 10 * n), "sender": "agent",
                   "text": "Hello, my name is Ann. Is there anything else? Please rate us."}]
    import_transcripts(any_db, _jsonl(tmp_path / "r.jsonl", lines))
    first = run_checks(any_db, batch=2)
    assert (first.version, first.conversations, first.results, first.errors) == (1, 5, 40, 0)
    assert run_checks(any_db).conversations == 0  # nothing new: nothing done
    with any_db.session() as s:
        slow = s.scalar(select(func.count()).select_from(AutoQaResult).where(
            AutoQaResult.check == "first_reply", AutoQaResult.passed.is_(False)))
        assert slow == 2  # 40 s and 50 s
    with any_db.session() as s, pytest.raises(PermissionDenied):
        save_ruleset(s, Actor("sam", "supervisor"), {"first_reply_sec": 45})
    with any_db.session() as s, pytest.raises(ValueError, match="greeting pattern"):
        save_ruleset(s, ADMIN, {"greeting": {"en": ["(unclosed"]}})
    with any_db.session() as s:
        version, _ = save_ruleset(s, ADMIN, {"first_reply_sec": 45}, "first reply 45 s")
        assert version == 2
    original = Checker.check

    def flaky(self, messages):
        if messages and messages[-1].text.startswith("Hello") and (messages[-1].at - messages[0].at).seconds == 30:
            raise RuntimeError("broken conversation")
        return original(self, messages)

    monkeypatch.setattr(Checker, "check", flaky)
    second = run_checks(any_db)
    assert (second.version, second.conversations, second.errors) == (2, 5, 1)  # every conversation again
    with any_db.session() as s:
        slow = s.scalar(select(func.count()).select_from(AutoQaResult).where(
            AutoQaResult.ruleset_version == 2, AutoQaResult.check == "first_reply", AutoQaResult.passed.is_(False)))
        assert slow == 1  # only the 50 s one under a 45 s limit
        assert current_ruleset(s)[0] == 2
        error = s.scalar(select(AutoQaResult.detail).where(AutoQaResult.check == "error"))
        assert "broken conversation" in error


def test_a_transcript_reads_back_masked_with_gaps_and_failed_checks(sqlite_db, tmp_path):
    agent_id = _center(sqlite_db)
    t = "2026-11-02T10:{:02d}:{:02d}+08:00"
    lines = [{"conversation": "M1", "time": t.format(0, 0), "sender": "customer", "text": "我的手机 13812346925"},
             {"conversation": "M1", "time": t.format(0, 45), "sender": "agent", "text": "你好", "agent": "Chen Jie"},
             {"conversation": "M1", "time": t.format(1, 0), "sender": "customer", "text": "?"},
             {"conversation": "M1", "time": t.format(2, 30), "sender": "agent", "text": "不知道"}]
    import_transcripts(sqlite_db, _jsonl(tmp_path / "m.jsonl", lines))
    run_checks(sqlite_db)
    with sqlite_db.session() as s:
        iid = s.scalar(select(Interaction.id).where(Interaction.external_id == "M1"))
        c = conversation(s, Actor.system(), iid)
        other_agent = Actor("x", "agent", person_id=agent_id + 100)
        assert conversation(s, other_agent, iid) is None  # an agent sees only their own
    assert c.lines[0].text == "我的手机 138****6925"
    assert [(m.gap_sec, m.over_limit) for m in c.lines if m.sender == "agent"] == [(45.0, True), (90.0, True)]
    assert {r.check for r in c.failed} >= {"first_reply", "reply_time", "greeting", "polite", "forbidden"}
    assert c.flagged_seqs() >= {2, 4}
    with sqlite_db.session() as s:
        summary = agent_summary(s, Actor.system(), T0 - timedelta(days=1), T0 + timedelta(days=1))
    assert summary[0].agent == "Chen Jie" and summary[0].conversations == 1
    assert summary[0].pass_rate("forbidden") == 0.0 and summary[0].pass_rate("transfer") is None


def test_autoqa_commands(sqlite_db, tmp_path, capsys):
    _center(sqlite_db)
    path = _jsonl(tmp_path / "c.jsonl", [
        {"conversation": "Z1", "time": "2026-11-02T10:00:00+08:00", "sender": "customer", "text": "hi"},
        {"conversation": "Z1", "time": "2026-11-02T10:00:05+08:00", "sender": "agent", "text": "Hello, I am Bo."}])
    url = sqlite_db.url
    assert main(["import", "transcripts", str(path), "--db", url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["messages"] == 2
    assert main(["autoqa", "run", "--db", url]) == 0
    assert "1 conversations checked" in capsys.readouterr().out
    with sqlite_db.session() as s:
        iid = s.scalar(select(Interaction.id).where(Interaction.external_id == "Z1"))
    assert main(["autoqa", "show", str(iid), "--db", url]) == 0
    out = capsys.readouterr().out
    assert "FAIL closing" in out and "pass first_reply" in out
    assert main(["import", "transcripts", str(tmp_path / "missing.jsonl"), "--db", url]) == 2
    assert main(["import", "transcripts", str(path), "--columns", "oops", "--db", url]) == 2


def test_the_job_is_registered():
    from app.jobs.registry import get_job

    job = get_job("autoqa")
    assert job.schedule == {"minutes": 5}


@pytest.mark.gui
def test_the_transcript_view_marks_failed_checks_and_masks_the_customer(qtbot, sqlite_db, tmp_path):
    from zoneinfo import ZoneInfo

    from ui.autoqa.transcript_view import TranscriptDialog, transcript_html

    _center(sqlite_db)
    lines = [{"conversation": "V1", "time": "2026-11-02T10:00:00+08:00", "sender": "customer",
              "text": "手机 13812346925 <b>"},
             {"conversation": "V1", "time": "2026-11-02T10:00:50+08:00", "sender": "agent", "text": "你好，我是小李客服"}]
    import_transcripts(sqlite_db, _jsonl(tmp_path / "v.jsonl", lines))
    with sqlite_db.session() as s:
        iid = s.scalar(select(Interaction.id).where(Interaction.external_id == "V1"))
        unchecked = conversation(s, Actor.system(), iid)
    assert "Not checked yet" in transcript_html(unchecked)
    run_checks(sqlite_db)
    with sqlite_db.session() as s:
        conv = conversation(s, Actor.system(), iid)
    html = transcript_html(conv, ZoneInfo("Asia/Shanghai"))
    assert "138****6925" in html and "13812346925" not in html
    assert "&lt;b&gt;" in html  # message text is escaped, never markup
    assert "10:00:50" in html and "replied after 50 s" in html
    assert "✘ First reply ≤ 30 s (R-RESP-1)" in html and "✘ Polite address 您 (R-QA-3)" in html
    dialog = TranscriptDialog(conv, tz=ZoneInfo("Asia/Shanghai"))
    qtbot.addWidget(dialog)
    assert "Polite address" in dialog.view.toPlainText()


@pytest.mark.gui
def test_the_auto_qa_view_lists_agents_then_failing_conversations_then_the_transcript(qtbot, sqlite_db, tmp_path,
                                                                                     frozen_clock):
    from zoneinfo import ZoneInfo

    from ui.autoqa.summary_view import AutoQaView
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.tasks import TaskRunner

    frozen_clock.at = datetime(2026, 11, 3, 2, tzinfo=UTC)
    _center(sqlite_db)
    lines = []
    for n, reply in enumerate((10, 50, 12)):  # the second chat answers late
        lines += [{"conversation": f"Q{n}", "time": f"2026-11-02T10:0{n}:00+08:00", "sender": "customer", "text": "hi"},
                  {"conversation": f"Q{n}", "time": f"2026-11-02T10:0{n}:{reply:02d}+08:00", "sender": "agent",
                   "text": "Hello, my name is Ann.", "agent": "Chen Jie"}]
    import_transcripts(sqlite_db, _jsonl(tmp_path / "q.jsonl", lines))
    run_checks(sqlite_db)
    tasks = TaskRunner(sqlite_db, inline=True)
    ctx = ConsoleContext(sqlite_db, tasks, Bus(), Actor.system(), ZoneInfo("Asia/Shanghai"), "Test")
    view = AutoQaView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.load_count >= 1)
    assert view.agents_model.rowCount() == 1 and view.conversations_model.rowCount() == 3
    first_reply_col = 2  # the first check column
    assert view.agents_model.index(0, first_reply_col).data() == "67 %"
    view.agents.setCurrentIndex(view.agents_model.index(0, first_reply_col))
    assert view.conversations_model.rowCount() == 1  # only the chat that failed the first reply
    view.conversations.setCurrentIndex(view.conversations_model.index(0, 0))
    assert "first reply after 50 s" in view.transcript.toPlainText()
    tasks.shutdown()


def test_a_chat_with_a_transcript_is_eligible_for_the_weekly_draw_R_QA_1(sqlite_db, tmp_path):
    from datetime import date

    from app.quality.draw import run_draw
    from db.models import QaSample, Team

    with sqlite_db.session() as s:
        c = f.center(s)
        team = f.team(s, c, "Alpha")
        boss = f.person(s, c, team, name="Sam", title="supervisor")
        s.get(Team, team.id).supervisor_id = boss.id
        f.queue(s, c, "Online chat", channel="chat")
        f.person(s, c, team, name="Chen Jie")
    lines = []
    for n in range(3):  # three chats in the week of Monday 2026-11-02, no recordings
        lines += [{"conversation": f"D{n}", "time": f"2026-11-0{3 + n}T10:00:00+08:00", "sender": "customer",
                   "text": "hi"},
                  {"conversation": f"D{n}", "time": f"2026-11-0{3 + n}T10:00:09+08:00", "sender": "agent",
                   "text": "Hello, my name is Ann.", "agent": "Chen Jie"}]
    import_transcripts(sqlite_db, _jsonl(tmp_path / "d.jsonl", lines))
    with sqlite_db.session() as s:
        outcome = run_draw(s, Actor.system(), date(2026, 11, 2), seed="transcripts")
    with sqlite_db.session() as s:
        sampled = s.scalars(select(Interaction.external_id).join(QaSample, QaSample.interaction_id == Interaction.id)
                            ).all()
    assert sorted(sampled) == ["D0", "D1", "D2"]  # short of the quota of 5, but every chat is in
    assert outcome is not None


@pytest.mark.gui
def test_quality_has_an_auto_qa_tab(qtbot, sqlite_db, frozen_clock):
    from ui.app import Console
    from ui.quality.workspace import QualityWorkspace

    _center(sqlite_db)
    console = Console(sqlite_db, inline_tasks=True, watch=False, run_jobs=False)
    try:
        window = console.window
        window.show()
        _index, page = open_workspace(window, QualityWorkspace)
        page.show_tab("autoqa")
        qtbot.waitUntil(lambda: page.autoqa.load_count >= 1)
        assert "No checked conversations" in page.autoqa.summary.text()
    finally:
        console.close()


def test_checks_become_scorecard_evidence_never_answers(sqlite_db, tmp_path):
    from app.autoqa.service import scorecard_evidence

    _center(sqlite_db)
    t = "2026-11-02T10:00:{:02d}+08:00"
    import_transcripts(sqlite_db, _jsonl(tmp_path / "e.jsonl", [
        {"conversation": "E1", "time": t.format(0), "sender": "customer", "text": "在吗"},
        {"conversation": "E1", "time": t.format(5), "sender": "agent", "text": "在"},
        {"conversation": "E1", "time": t.format(9), "sender": "agent", "text": "已为您处理，还有其他问题吗？请评价"}]))
    with sqlite_db.session() as s:
        iid = s.scalar(select(Interaction.id).where(Interaction.external_id == "E1"))
        assert scorecard_evidence(s, Actor.system(), iid) == {}  # not checked yet: no evidence
    run_checks(sqlite_db)
    with sqlite_db.session() as s:
        ev = scorecard_evidence(s, Actor.system(), iid)
    assert ev["greeting"].passed is False and "message 2" in ev["greeting"].detail
    assert ev["summary"].passed and ev["farewell"].passed and ev["courtesy"].passed


@pytest.mark.gui
def test_the_scorecard_shows_evidence_and_uses_it_only_when_asked(qtbot):
    from app.autoqa.service import Evidence
    from app.quality.scorecards import DEFAULT_SECTIONS, Scorecard
    from ui.quality.scorecard_form import ScorecardForm

    form = ScorecardForm()
    qtbot.addWidget(form)
    form.set_scorecard(Scorecard(1, "Default", 1, True, DEFAULT_SECTIONS))
    form.set_evidence({"greeting": Evidence("greeting", False, "no standard greeting (message 2)"),
                       "farewell": Evidence("farewell", True, "rating asked"),
                       "courtesy": Evidence("courtesy", False, "forbidden phrase")})
    assert "Auto-check ✘ no standard greeting (message 2)" in form.captions["greeting"].text()
    assert form.answers() == {}  # shown, never counted by itself
    assert not form.use_evidence.isHidden()
    assert form.apply_evidence() == 2  # the yes/no questions; the courtesy scale stays the supervisor's
    assert form.answers() == {"greeting": "no", "farewell": "yes"}
    assert form.use_evidence.isHidden()


def test_the_draw_can_over_sample_flagged_chats_and_replays_exactly_R_QA_1(sqlite_db, tmp_path):
    from datetime import date

    from app.quality.draw import replay_draw, run_draw
    from app.quality.sampling import ANY, DrawRules, Stratum
    from db.models import QaDraw, QaSample, Team

    with sqlite_db.session() as s:
        c = f.center(s)
        team = f.team(s, c, "Alpha")
        boss = f.person(s, c, team, name="Sam", title="supervisor")
        s.get(Team, team.id).supervisor_id = boss.id
        f.queue(s, c, "Online chat", channel="chat")
        f.person(s, c, team, name="Chen Jie")
    lines = []
    for n in range(12):  # twelve chats; the odd ones answered late (they fail R-RESP-1)
        reply = 50 if n % 2 else 9
        day = 3 + n % 6
        lines += [{"conversation": f"F{n}", "time": f"2026-11-0{day}T1{n % 10}:00:00+08:00", "sender": "customer",
                   "text": "hi"},
                  {"conversation": f"F{n}", "time": f"2026-11-0{day}T1{n % 10}:00:{reply:02d}+08:00",
                   "sender": "agent", "text": "Hello, my name is Ann. I have fixed it. Anything else? Please rate us.",
                   "agent": "Chen Jie"}]
    import_transcripts(sqlite_db, _jsonl(tmp_path / "f.jsonl", lines))
    run_checks(sqlite_db)
    rules = DrawRules(quota=5, strata=(Stratum("flagged chats", 3, channels=("chat",), autoqa_failed=True,
                                               fallback=(ANY,)),
                                       Stratum("chats", 2, channels=("chat",), fallback=(ANY,))),
                      check_files=False)
    with sqlite_db.session() as s:
        run_draw(s, Actor.system(), date(2026, 11, 2), seed="over-sample", rules=rules)
    with sqlite_db.session() as s:
        draw = s.scalar(select(QaDraw))
        picked = dict(s.execute(select(Interaction.external_id, QaSample.stratum)
                                .join(QaSample, QaSample.interaction_id == Interaction.id)).all())
        late = {i for i, in s.execute(select(Interaction.external_id).where(Interaction.wait_sec > 30))}
        assert len(draw.rules["flagged"]) == 6  # frozen with the draw
        result = replay_draw(s, draw.id)
    flagged_picks = [e for e, stratum in picked.items() if stratum.startswith("flagged")]
    assert len(flagged_picks) == 3 and set(flagged_picks) <= late  # three of the six late chats
    assert len(picked) == 5 and result.identical
