"""The Quality workspace's Review tab and scorecard form (pytest-qt, offscreen, real SQLite).

A small floor: one team supervised by Sue, a second supervisor Max, agents Alice and Bob, a
draw of last week with six samples (five for Sue, one for Max), real WAV recordings in a
temporary recordings folder (one of them missing on disk).
"""

from __future__ import annotations

import wave
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from sqlalchemy import select

from app.actor import Actor
from app.quality.scorecards import DEFAULT_SECTIONS, Question, Scorecard, Section, save_scorecard
from app.security.crypto import CustomerCipher
from app.security.customers import new_customer_values
from db.models import AuditEntry, Customer, QaDraw, QaReview, QaSample, Setting, Team
from tests import factories as f

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("PulseAudioService.*", "No audio device detected"),
]

PHONE = "13812346925"
MASKED = "138****6925"
SAMPLED_WEEK = date(2026, 11, 9)  # the frozen clock stands on Wed 18 Nov: last week is sampled


@dataclass
class Floor:
    sue: Actor
    max: Actor
    alice: int
    bob: int
    samples: dict[str, int]
    interactions: dict[str, int]
    recordings: Path


def _wav(path: Path, seconds: float = 12.0) -> None:
    t = np.arange(int(seconds * 8000)) / 8000
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(np.round(np.sin(2 * np.pi * 220 * t) * 90 + 128).astype(np.uint8).tobytes())


def build_floor(db, tmp_path: Path) -> Floor:
    recordings = tmp_path / "recordings"
    recordings.mkdir()
    cipher = CustomerCipher.from_key_file(tmp_path / "customer.key")
    samples: dict[str, int] = {}
    interactions: dict[str, int] = {}
    with db.session() as s:
        c = f.center(s)
        team = f.team(s, c, "Jade")
        sue = f.person(s, c, team, name="Sue Supervisor", title="supervisor")
        mx = f.person(s, c, team, name="Max Supervisor", title="supervisor")
        s.get(Team, team.id).supervisor_id = sue.id
        alice = f.person(s, c, team, name="Alice Wang")
        bob = f.person(s, c, team, name="Bob Li")
        phone = f.queue(s, c, "General", "phone")
        customer = Customer(**new_customer_values(cipher, phone=PHONE, name="Zhang Wei"))
        s.add(customer)
        s.add(Setting(key="recordings.root", value=str(recordings)))
        s.flush()
        save_scorecard(s, Actor.system(), "Service quality scorecard", DEFAULT_SECTIONS)
        draw = QaDraw(center_id=c.id, week_start=SAMPLED_WEEK, seed="test", population=[], population_hash="x",
                      rules={"quota": 5, "review_days": 7}, algorithm_version="qa-draw/1",
                      created_at=datetime(2026, 11, 16, 0, 0, tzinfo=UTC), shortfalls=[])
        s.add(draw)
        s.flush()
        plan = [("a1", alice, sue), ("a2", alice, sue), ("a3", alice, sue), ("b1", bob, sue), ("b2", bob, sue),
                ("b3", bob, mx)]
        for rank, (key, agent, reviewer) in enumerate(plan):
            ref = f"2026-11/{key}.wav"
            if key != "b2":  # b2's file is missing on disk
                (recordings / "2026-11").mkdir(exist_ok=True)
                _wav(recordings / ref)
            i = f.interaction(s, c, phone, agent, datetime(2026, 11, 10, 2, 0, tzinfo=UTC) + timedelta(hours=rank),
                              recording=ref, rating=4)
            if key == "a1":
                i.customer_id = customer.id
            interactions[key] = i.id
            sample = QaSample(draw_id=draw.id, interaction_id=i.id, agent_id=agent.id, reviewer_id=reviewer.id,
                              stratum="voice", status="pending", origin="draw", rank=rank + 1)
            s.add(sample)
            s.flush()
            samples[key] = sample.id
        # an unsampled call of Bob's from the same week: the stand-in when a sample is replaced
        _wav(recordings / "2026-11" / "spare.wav")
        spare = f.interaction(s, c, phone, bob, datetime(2026, 11, 12, 3, 0, tzinfo=UTC), recording="2026-11/spare.wav")
        interactions["spare"] = spare.id
        draw.population = sorted(interactions.values())
        return Floor(Actor("sue", "supervisor", sue.id), Actor("max", "supervisor", mx.id), alice.id, bob.id,
                     samples, interactions, recordings)


def make_ctx(db, actor: Actor):
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.tasks import TaskRunner

    return ConsoleContext(db=db, tasks=TaskRunner(db, inline=True), bus=Bus(), actor=actor,
                          timezone=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def review_page(qtbot, sqlite_db, tmp_path, frozen_clock):
    from ui.quality.review import ReviewPage

    floor = build_floor(sqlite_db, tmp_path)
    page = ReviewPage(make_ctx(sqlite_db, floor.sue))
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    assert page.load_count == 1
    yield page, floor
    page.player.clear()  # drops the source with the GIL released (a stop() here once hung the run)
    assert page.player._media is None or page.player._media.source().isEmpty()


def _select(page, qtbot, sample_id: int) -> None:
    row = page.items_model.row_of_sample(sample_id)
    assert row is not None
    page.items.selectRow(row)
    qtbot.waitUntil(lambda: page.form_data is not None and page.form_data.sample.sample_id == sample_id)


def _answer_everything(form, *, identification: str = "yes") -> None:
    values = {"greeting": "yes", "identification": identification, "understanding": 8, "solution": 7,
              "recommendation": "na", "disclosure": "yes", "courtesy": 9, "summary": 6, "farewell": "no"}
    for key, value in values.items():
        form.inputs[key].set_value(value)


def test_review_screen_shows_own_share_with_progress_per_agent_R_QA_1(review_page):
    page, floor = review_page
    # Sue starts on her own share: five of the six samples, Max's item is not in it
    assert page.reviewer.currentText() == "Me (Sue Supervisor) (0/5)"
    assert [page.reviewer.itemText(i) for i in range(page.reviewer.count())] == [
        "All reviewers (0/6)", "Max Supervisor (0/1)", "Me (Sue Supervisor) (0/5)"]
    assert page.items_model.rowCount() == 5
    agents = {page.agents_model.index(r, 0).data(): page.agents_model.index(r, 1).data()
              for r in range(page.agents_model.rowCount())}
    assert agents == {"All agents": "0/5", "Alice Wang": "0/3", "Bob Li": "0/2"}
    assert "Sample of 2026-11-09 – 2026-11-15" in page.week_label.text()
    # due at the end of the review week (Sunday 22 Nov, center time): not overdue on Wednesday
    assert "due by the end of 2026-11-22" in page.summary.text() and "overdue" not in page.summary.text()
    page.agents.selectRow(page.agents_model.row_of(floor.bob))
    assert page.items_model.rowCount() == 2
    page.reviewer.setCurrentIndex(0)  # all reviewers: Bob's third item is Max's
    page.reviewer.activated.emit(0)
    assert page.agents_model.index(page.agents.selectionModel().selectedRows()[0].row(), 0).data() == "Bob Li"
    assert page.items_model.rowCount() == 3
    assert {page.items_model.index(r, 4).data() for r in range(3)} == {"Sue Supervisor", "Max Supervisor"}
    _save(page.ctx.db, floor.sue, floor.samples["b1"], 7)
    page.pending_only.setChecked(True)  # what is left to do
    assert {page.items_model.row_at(r).sample_id for r in range(page.items_model.rowCount())} == {
        floor.samples["b2"], floor.samples["b3"]}


def test_overdue_items_are_flagged_after_the_due_date(review_page, frozen_clock):
    page, _floor = review_page
    frozen_clock.advance(days=5)  # Monday 23 Nov: the sample of 9-15 Nov was due at midnight
    page.refresh()
    assert "5 overdue" in page.summary.text()
    assert page.items_model.index(0, 5).data() == "Overdue"
    assert page.agents_model.index(0, 2).data() == "5"


def test_selecting_an_item_loads_the_player_and_audits_a_play_R_SEC_3(review_page, qtbot, sqlite_db):
    page, floor = review_page
    _select(page, qtbot, floor.samples["a1"])
    assert page.details.fields["customer"].text() == "Zhang * · " + MASKED  # masked only (R-SEC-2)
    assert PHONE not in page.details.fields["customer"].text()
    assert page.player.interaction_id == floor.interactions["a1"] and page.player.path.name == "a1.wav"
    qtbot.waitUntil(lambda: page.player.wave.peaks is not None)
    with sqlite_db.session() as s:
        before = s.scalars(select(AuditEntry).where(AuditEntry.entity == "recording")).all()
    assert before == []  # selecting is not playing
    page.player.play()
    qtbot.waitUntil(lambda: page.player.playing)
    with sqlite_db.session() as s:
        audits = s.scalars(select(AuditEntry).where(AuditEntry.entity == "recording")).all()
        assert [(a.actor, a.action, a.entity_id) for a in audits] == [("sue", "play", str(floor.interactions["a1"]))]
    page.player.pause()


def test_space_and_arrow_shortcuts_work_from_the_sample_list(review_page, qtbot):
    from PySide6.QtCore import Qt

    page, floor = review_page
    _select(page, qtbot, floor.samples["a2"])
    qtbot.waitUntil(lambda: page.player.media.duration() > 0)
    page.items.setFocus()
    qtbot.keyClick(page.items, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: abs(page.player.media.position() - 5000) < 300)
    qtbot.keyClick(page.items, Qt.Key.Key_BracketRight)
    assert page.player.rate() == 1.25
    qtbot.keyClick(page.items, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.player.playing)
    qtbot.keyClick(page.items, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.player.playing)
    # typing in the comment keeps its keys: a space is text, not play/pause
    page.form.comment.setFocus()
    qtbot.keyClick(page.form.comment, Qt.Key.Key_Space)
    assert page.form.comment.toPlainText() == " " and not page.player.playing


def test_switching_recordings_while_one_plays_stops_it_and_loads_the_next(review_page, qtbot):
    from PySide6.QtMultimedia import QMediaPlayer

    page, floor = review_page
    _select(page, qtbot, floor.samples["a1"])
    page.player.play()
    qtbot.waitUntil(lambda: page.player.playing)
    _select(page, qtbot, floor.samples["a3"])  # the switch drops a1 without QMediaPlayer.stop() (see player.py)
    assert page.player.interaction_id == floor.interactions["a3"] and page.player.path.name == "a3.wav"
    assert not page.player.playing and not page.player.audited
    qtbot.waitUntil(lambda: page.player.loaded)
    assert page.player.media.source().fileName() == "a3.wav"
    assert page.player.media.playbackState() == QMediaPlayer.PlaybackState.StoppedState


def test_a_missing_recording_says_so_and_is_not_audited(review_page, qtbot, sqlite_db):
    page, floor = review_page
    _select(page, qtbot, floor.samples["b2"])
    assert "The recording file is missing" in page.player.message.text()
    assert "b2.wav" in page.player.message.text()
    page.player.play()
    assert not page.player.playing
    with sqlite_db.session() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.entity == "recording")).all() == []


def test_saving_a_review_updates_progress_R_QA_2(review_page, qtbot, sqlite_db):
    page, floor = review_page
    _select(page, qtbot, floor.samples["a1"])
    _answer_everything(page.form)
    page.save(final=True)
    assert "dialogue score" in page.status.text()  # nothing saved without the 1-10 dialogue score
    page.form.dialogue.setValue(8)
    page.form.comment.setPlainText("Clear and friendly")
    page.form.coaching.setPlainText("Summarise before closing")
    page.save(final=True)
    with sqlite_db.session() as s:
        review = s.scalars(select(QaReview).where(QaReview.sample_id == floor.samples["a1"])).one()
        assert (review.dialogue_score, review.status, review.violations) == (8, "final", 0)
        assert review.comment == "Clear and friendly" and review.coaching == "Summarise before closing"
        assert s.get(QaSample, floor.samples["a1"]).status == "reviewed"
    assert page.agents_model.index(page.agents_model.row_of(floor.alice), 1).data() == "1/3"
    assert page.reviewer.currentText() == "Me (Sue Supervisor) (1/5)"
    assert page.progress_bar.value() == 1
    row = page.items_model.row_of_sample(floor.samples["a1"])
    assert page.items_model.index(row, 5).data() == "Reviewed"
    assert page.items_model.index(row, 7).data() == "8"
    # a batch of reviews: the next item still to review is open
    qtbot.waitUntil(lambda: page.form_data is not None)
    assert page.form_data.sample.sample_id == floor.samples["a2"]
    assert page.status.text() == "Saved the review of Alice Wang's call; next: Alice Wang."


def test_a_failed_critical_item_needs_a_violation_note_R_QA_3(review_page, qtbot, sqlite_db):
    page, floor = review_page
    _select(page, qtbot, floor.samples["a2"])
    _answer_everything(page.form, identification="no")
    page.form.dialogue.setValue(4)
    assert page.violation_row.isVisible()
    assert "1 violation(s)" in page.form.summary.text()
    page.save(final=True)
    assert "violation" in page.status.text()
    with sqlite_db.session() as s:
        assert s.scalars(select(QaReview)).all() == []
    page.violation_notes.setPlainText("Did not verify the caller before giving the balance")
    page.save(final=True)
    with sqlite_db.session() as s:
        review = s.scalars(select(QaReview)).one()
        assert review.violations == 1 and review.violation_notes.startswith("Did not verify")
    row = page.items_model.row_of_sample(floor.samples["a2"])
    assert page.items_model.index(row, 6).data().endswith("⚠")


def test_a_draft_keeps_the_item_to_review(review_page, qtbot, sqlite_db):
    page, floor = review_page
    _select(page, qtbot, floor.samples["b1"])
    page.form.inputs["greeting"].set_value("yes")
    page.form.dialogue.setValue(6)
    page.save(final=False)
    with sqlite_db.session() as s:
        assert s.scalars(select(QaReview.status)).all() == ["draft"]
        assert s.get(QaSample, floor.samples["b1"]).status == "pending"
    _select(page, qtbot, floor.samples["b1"])
    assert page.form.inputs["greeting"].value() == "yes" and page.form.dialogue_score() == 6
    assert page.status.text().startswith("Draft saved")


# --- the scorecard form alone ----------------------------------------------------------------------------
def _card() -> Scorecard:
    return Scorecard(7, "Test card", 3, True, (
        Section("a", "Opening", 1.0, (
            Question("hello", "Greeting", "yes_no", 1.0),
            Question("tone", "Tone", "scale", 1.0, allow_na=True),
            Question("verify", "Verification", "yes_no", 2.0, critical=True),
        )),
        Section("b", "Solution", 3.0, (
            Question("fix", "Fix", "points", 1.0, max_points=4),
        )),
    ))


def test_form_scores_with_na_excluded_and_a_failed_critical_item_R_QA_3(qtbot):
    from ui.quality.scorecard_form import ScorecardForm

    form = ScorecardForm()
    qtbot.addWidget(form)
    form.set_scorecard(_card())
    assert "4 question(s) unanswered" in form.summary.text()
    form.inputs["hello"].set_value("yes")
    form.inputs["tone"].set_value("na")
    form.inputs["verify"].set_value("no")
    form.inputs["fix"].set_value(3)
    # Opening: (1*1 + 2*0) / (1 + 2) with Tone left out; Solution 3/4; card = (1*33.3 + 3*75) / 4
    opening = 100 * 1 / 3
    expected = (1 * opening + 3 * 75.0) / 4
    assert form.result is not None and form.result.score_pct == pytest.approx(expected)
    assert form.summary.text() == f"Score {expected:.1f} % · 1 violation(s) (R-QA-3) · 1 N/A"
    assert form.captions["verify"].styleSheet() != "" and form.captions["hello"].styleSheet() == ""
    assert form.section_boxes["a"].title().endswith(f"{opening:.0f} %")
    form.inputs["verify"].set_value("yes")  # compliant now: no violation, the score moves up
    assert form.result.violations == () and form.result.score_pct == pytest.approx((100 + 3 * 75.0) / 4)
    form.inputs["tone"].set_value(10)  # N/A switched back to a number
    assert form.answers()["tone"] == 10 and form.result.not_applicable == 0


def test_review_models_pass_the_model_tester(qtmodeltester, sqlite_db, tmp_path, frozen_clock):
    from app.quality.reviews import worklist
    from ui.quality.models import ProgressModel, SampleItemModel

    floor = build_floor(sqlite_db, tmp_path)
    with sqlite_db.session() as s:
        work = worklist(s, floor.sue)
    items = SampleItemModel(ZoneInfo("Asia/Shanghai"))
    items.set_rows(work.items)
    qtmodeltester.check(items)
    assert items.rowCount() == 6 and items.index(0, 1).data() == "2026-11-10 10:00"  # center-local time
    agents = ProgressModel("Agent", "All agents")
    agents.set_rows(work.by_agent, 5)
    qtmodeltester.check(agents)
    assert agents.rowCount() == 3 and agents.progress_at(0).total == 6
    # an agent drawn under the quota is red, with the reason in the tooltip
    from PySide6.QtCore import Qt

    from ui.quality.models import OVERDUE_COLOR

    bob = agents.row_of(floor.bob)
    assert agents.index(bob, 1).data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOR
    assert "under the quota of 5" in agents.index(bob, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_bench_probe_times_the_review_tab_with_the_sample_listed(sqlite_db, tmp_path, frozen_clock):
    """The qa-review benchmark's probe, on the small floor: one JSON line with the listed item count."""
    import json
    import os
    import subprocess
    import sys

    build_floor(sqlite_db, tmp_path)
    url = str(sqlite_db.engine.url.database)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "ui.quality.bench_probe", "--db", url, "--week", "2026-11-09"],
                          capture_output=True, text=True, timeout=120, env=env, check=False)
    assert done.returncode == 0, done.stderr[-600:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["items"] == 6  # a manager sees both reviewers' items
    assert 0 < result["loaded"] <= result["first_paint"] < 60


# --- calibration, disputes, statistics ----------------------------------------------------------------------
ANSWERS = {"greeting": "yes", "identification": "yes", "understanding": 8, "solution": 7, "recommendation": "na",
           "disclosure": "yes", "courtesy": 9, "summary": 6, "farewell": "no"}


def _save(db, actor: Actor, sample_id: int, dialogue: int, **changes) -> int:
    from app.quality.reviews import save_review
    from app.quality.scorecards import current_scorecard

    with db.session() as s:
        card = current_scorecard(s)
        return save_review(s, actor, sample_id, scorecard_id=card.id, answers={**ANSWERS, **changes},
                           dialogue_score=dialogue, violation_notes="Not verified").review_id


def _page(qtbot, cls, db, actor):
    page = cls(make_ctx(db, actor))
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    return page


def test_calibration_is_blind_until_closed_then_shows_spread_and_alpha(qtbot, sqlite_db, tmp_path, frozen_clock):
    from PySide6.QtCore import Qt

    from ui.quality.calibration import CalibrationPage

    floor = build_floor(sqlite_db, tmp_path)
    sue = _page(qtbot, CalibrationPage, sqlite_db, floor.sue)
    assert sue.empty.isVisible() and "No calibration sessions yet" in sue.empty.text()
    dialog = sue.new_session(preselect=floor.interactions["a2"])
    assert dialog is not None and dialog.interaction.currentData() == floor.interactions["a2"]
    assert dialog.chosen_reviewers() == [floor.sue.person_id]  # the organiser is ticked
    dialog.submit()
    assert "at least two reviewers" in dialog.error.text()
    dialog.set_reviewers([floor.sue.person_id, floor.max.person_id])
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert sue.model.rowCount() == 1 and sue.model.index(0, 2).data() == "0/2"
    assert sue.stack.currentWidget() is sue.open_view and sue.player.interaction_id == floor.interactions["a2"]
    for key, value in {**ANSWERS, "understanding": 9}.items():
        sue.form.inputs[key].set_value(value)
    sue.form.dialogue.setValue(8)
    sue.submit_score()
    assert "stays hidden until the session is closed" in sue.open_status.text()
    assert sue.model.index(0, 2).data() == "1/2" and sue.submit_button.text() == "Update my score"
    assert not sue.close_button.isEnabled()  # one score: nothing to compare yet

    mx = _page(qtbot, CalibrationPage, sqlite_db, floor.max)
    assert mx.current is not None and mx.current.my_answers is None
    # blind: Max's form is empty, Sue's answers are nowhere on his screen
    assert mx.form.inputs["understanding"].value() is None and "✓ Sue Supervisor" in mx.open_info.text()
    for key, value in {**ANSWERS, "understanding": 3}.items():
        mx.form.inputs[key].set_value(value)
    mx.form.dialogue.setValue(5)
    mx.submit_score()
    assert not mx.close_button.isVisible()  # Max did not organise it

    sue.refresh()
    assert sue.model.index(0, 2).data() == "2/2" and sue.close_button.isEnabled()
    qtbot.mouseClick(sue.close_button, Qt.MouseButton.LeftButton)
    assert sue.stack.currentWidget() is sue.results_view
    table = sue.questions
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Question", "Sue Supervisor", "Max Supervisor", "Lowest", "Highest", "Mean", "SD"]
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Understanding the need")
    sue_col, max_col = headers.index("Sue Supervisor"), headers.index("Max Supervisor")
    assert table.item(row, sue_col).text() == f"{(9 - 1) / 9 * 100:.0f}"
    assert table.item(row, max_col).text() == f"{(3 - 1) / 9 * 100:.0f}"
    assert table.item(row, 0).background().color().alpha() > 0  # 67 points apart: highlighted
    same = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Greeting and introduction")
    assert table.item(same, headers.index("SD")).text() == "0.0"
    assert sue.alpha_label.text().startswith("Krippendorff's α")
    assert sue.reviewers.rowCount() == 2
    with sqlite_db.session() as s:
        assert s.scalars(select(QaReview)).all() == []  # calibration scores are not reviews


def test_dispute_entered_by_the_reviewer_is_decided_by_someone_else(qtbot, sqlite_db, tmp_path, frozen_clock):
    """Sue reviewed and entered the dispute: she cannot decide it. A supervisor sees only their own teams'
    disputes (app/quality/disputes.py), so with one supervisor per team the decider is a manager here."""
    from ui.quality.disputes import DisputesPage
    from ui.quality.review import ReviewPage

    floor = build_floor(sqlite_db, tmp_path)
    review_id = _save(sqlite_db, floor.sue, floor.samples["a1"], 7, understanding=4)
    review = _page(qtbot, ReviewPage, sqlite_db, floor.sue)
    _select(review, qtbot, floor.samples["a1"])
    assert review.dispute_button.isVisible()
    dialog = review.open_dispute()
    dialog.question.setCurrentIndex(dialog.question.findData("understanding"))
    assert dialog.current.text() == "4"
    dialog.proposed.set_value(9)
    dialog.submit()
    assert "reason" in dialog.error.text()  # a dispute needs the agent's reason
    dialog.reason.setPlainText("The customer's need was clarified in the first minute")
    dialog.submit()
    assert dialog.dispute_id is not None

    own = _page(qtbot, DisputesPage, sqlite_db, floor.sue)
    own.filter.setCurrentIndex(own.filter.findData("open"))
    assert own.model.rowCount() == 1 and not own.decide_button.isEnabled()
    assert "another supervisor decides" in own.decision_error.text()

    manager = Actor("mia", "manager")
    other = _page(qtbot, DisputesPage, sqlite_db, manager)
    assert other.model.index(0, 2).data() == "Understanding the need"
    assert other.model.index(0, 3).data() == "4 → 9"
    assert other.decide_button.isEnabled()
    other.decide()
    assert other.decision_error.text() == "Choose accept, partly or reject."
    other.decision_buttons["partly"].setChecked(True)
    assert other.partly_value.isVisible() and other.partly_value.spin.maximum() == 10
    other.partly_value.set_value(7)
    other.reason.setPlainText("Clarified late, but clarified")
    other.decide()
    assert other.model.index(0, 0).data() == "Partly accepted" and not other.decision_box.isVisible()
    assert other.model.index(0, 3).data() == "4 → 9 (now 7)"
    assert "entered: 4 → 9" in other.history_label.text() and "Partly accepted" in other.history_label.text()
    other.filter.setCurrentIndex(other.filter.findData("open"))
    assert other.model.rowCount() == 0 and "No open disputes" in other.empty.text()
    with sqlite_db.session() as s:
        saved = s.get(QaReview, review_id)
        assert saved.answers["understanding"] == 7 and saved.status == "final"


def test_statistics_show_mean_interval_and_count_per_agent_R_QA_2(qtbot, sqlite_db, tmp_path, frozen_clock):
    import math
    import statistics

    from ui.quality.stats import StatsPage

    floor = build_floor(sqlite_db, tmp_path)
    page = _page(qtbot, StatsPage, sqlite_db, floor.sue)
    assert page.empty.isVisible() and page.model.rowCount() == 0
    _save(sqlite_db, floor.sue, floor.samples["a1"], 8)
    page.refresh()
    assert page.model.index(0, 0).data() == "Alice Wang"
    assert page.model.index(0, 2).data() == "8.0 (n = 1, no interval)"
    _save(sqlite_db, floor.sue, floor.samples["a2"], 6, identification="no")
    page.refresh()
    mean, sd = 7.0, statistics.stdev([8, 6])
    half = 12.706 * sd / math.sqrt(2)  # t(0.975, 1): two reviews say little
    assert page.model.index(0, 2).data() == f"{mean:.1f}  [{mean - half:.1f} – {mean + half:.1f}]  n = 2"
    assert page.model.index(0, 6).data() == "1"  # the failed critical item (R-QA-3)
    assert page.chart_title.text().startswith("Alice Wang")
    assert list(page.means.getData()[1]) == [mean, mean, mean]


def test_a_saved_review_is_corrected_not_turned_back_into_a_draft(review_page, qtbot, sqlite_db):
    page, floor = review_page
    _save(sqlite_db, floor.sue, floor.samples["b1"], 5)
    page.refresh()
    _select(page, qtbot, floor.samples["b1"])
    assert not page.save_draft.isVisible() and page.save_button.text() == "Save changes"
    page.form.dialogue.setValue(6)
    page.save(final=True)
    with sqlite_db.session() as s:
        assert s.scalars(select(QaReview.dialogue_score)).all() == [6]


def test_a_review_changed_on_another_desk_opens_the_conflict_dialog(review_page, qtbot, sqlite_db):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.quality.reviews import save_review
    from app.quality.scorecards import current_scorecard
    from ui.errors import ConflictDialog

    page, floor = review_page
    review_id = _save(sqlite_db, floor.sue, floor.samples["a3"], 5)
    page.refresh()
    _select(page, qtbot, floor.samples["a3"])
    with sqlite_db.session() as s:  # another desk corrects the same review meanwhile
        save_review(s, floor.sue, floor.samples["a3"], scorecard_id=current_scorecard(s).id, answers=ANSWERS,
                    dialogue_score=9, review_id=review_id, expected_version=1, violation_notes="x")
    seen: list[str] = []

    def answer_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ConflictDialog):
            seen.append(dialog.cell(0, 0))
            dialog.accept()  # reload their version

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(answer_dialog)
    timer.start()
    page.form.dialogue.setValue(3)
    page.save(final=True)
    timer.stop()
    assert seen, "the conflict dialog was not shown"
    assert page.form.dialogue_score() == 9  # their version is on screen now
    with sqlite_db.session() as s:
        assert s.get(QaReview, review_id).dialogue_score == 9  # nothing overwritten


def test_replacing_a_sample_needs_a_reason_and_brings_the_stand_in(review_page, qtbot, sqlite_db):
    page, floor = review_page
    _select(page, qtbot, floor.samples["b2"])  # its recording is missing
    assert page.replace_button.isVisible()
    dialog = page.open_replace()
    assert "missing" in dialog.reason.text()  # the player's finding is offered as the reason
    dialog.reason.clear()
    dialog.submit()
    assert "Say why" in dialog.error.text()
    dialog.reason.setText("Recording file lost in the storage migration")
    dialog.submit()
    assert dialog.replacement is not None and dialog.replacement.interaction_id == floor.interactions["spare"]
    with sqlite_db.session() as s:
        old = s.get(QaSample, floor.samples["b2"])
        assert (old.status, old.replace_reason) == ("replaced", "Recording file lost in the storage migration")
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "qa_sample")).all() == ["replace"]
    qtbot.waitUntil(lambda: page.form_data is not None)
    assert page.form_data.sample.interaction_id == floor.interactions["spare"]
    assert page.items_model.row_of_sample(floor.samples["b2"]) is None  # the replaced one left the list
    assert page.items_model.rowCount() == 5


def test_an_administrator_sees_why_there_are_no_disputes_instead_of_an_error(qtbot, sqlite_db, tmp_path,
                                                                             frozen_clock):
    # R-QA-2: disputes are decided by reviewers; Admin's role lacks qa.review, so the tab says so
    from ui.quality.disputes import DisputesPage

    build_floor(sqlite_db, tmp_path)
    page = _page(qtbot, DisputesPage, sqlite_db, Actor("root", "administrator"))
    assert page.last_error is None and page.load_count == 1
    assert page.table.isHidden() and "decided by reviewers" in page.empty.text()
    assert page.model.rowCount() == 0
