"""Scorecards (R-QA-2, R-QA-3), the week's worklist, saving a review, and the playback audit (R-SEC-3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.actor import Actor
from app.quality.draw import run_draw
from app.quality.recordings import check_file, open_recording, record_playback
from app.quality.reviews import review_form, save_review, worklist
from app.quality.scorecards import (
    DEFAULT_SECTIONS,
    Question,
    Section,
    current_scorecard,
    list_scorecards,
    parse_criteria,
    save_scorecard,
    score,
)
from app.security.permissions import PermissionDenied
from db.models import AuditEntry, QaRecordingCheck, QaReview, QaSample
from tests.qa_fixtures import LAST_MONDAY, build

CARD = (
    Section("a", "A", 3, (Question("q1", "Q1", "yes_no", 1, critical=True),
                          Question("q2", "Q2", "scale", 2, allow_na=True))),
    Section("b", "B", 1, (Question("q3", "Q3", "points", 1, max_points=4, allow_na=True),)),
)
GOOD = {"identification": "yes", "greeting": "yes", "understanding": 9, "solution": 8, "recommendation": "na",
        "disclosure": "yes", "courtesy": 9, "summary": 8, "farewell": "no"}


def test_scoring_weights_sections_and_questions_and_leaves_na_out():
    # section a: (1*1 + 2*(10-1)/9)/3 = 1.0 -> 100; section b: 2/4 -> 50; card: (3*100 + 1*50)/4
    r = score(CARD, {"q1": "yes", "q2": 10, "q3": 2})
    assert r.score_pct == pytest.approx(87.5)
    # q2 N/A: section a is q1 only (100); b still 50
    assert score(CARD, {"q1": "yes", "q2": "na", "q3": 2}).score_pct == pytest.approx(87.5)
    # section b N/A entirely: only a counts
    assert score(CARD, {"q1": "yes", "q2": 1, "q3": "na"}).score_pct == pytest.approx(100 / 3)
    assert score(CARD, {"q2": "na", "q3": "na"}).missing == ("q1",)


def test_a_failed_critical_item_is_a_violation_counted_apart_from_the_score_R_QA_3():
    passed = score(CARD, {"q1": "yes", "q2": 5, "q3": 4})
    failed = score(CARD, {"q1": "no", "q2": 5, "q3": 4})
    assert passed.violations == () and failed.violations == ("q1",)
    assert failed.score_pct < passed.score_pct  # the question itself still scores 0 ...
    assert failed.score_pct > 0  # ... but the violation does not zero the card


def test_bad_answers_name_the_question():
    with pytest.raises(ValueError, match="Q2.*1 to 10"):
        score(CARD, {"q1": "yes", "q2": 11})
    with pytest.raises(ValueError, match="Q1.*N/A"):
        score(CARD, {"q1": "na"})
    with pytest.raises(ValueError, match="Q3.*0 to 4"):
        score(CARD, {"q1": "yes", "q3": 5})


def test_the_first_demos_flat_criteria_still_read():
    sections = parse_criteria([{"key": "greeting", "label": "Greeting", "weight": 10, "critical": False}])
    assert sections[0].questions[0].kind == "scale"


def test_a_changed_scorecard_is_a_new_revision_for_new_reviews_only(any_db, frozen_clock, tmp_path):
    with any_db.session() as s:
        build(s, tmp_path)
    analyst = Actor("qa", "quality_analyst")
    with any_db.session() as s:
        first, _ = save_scorecard(s, analyst, "Service", DEFAULT_SECTIONS)
        second, _ = save_scorecard(s, analyst, "Service", DEFAULT_SECTIONS[:3])
    assert (first.revision, second.revision) == (1, 2)
    with any_db.session() as s:
        assert [c.id for c in list_scorecards(s)] == [second.id]
        assert current_scorecard(s, "Service").id == second.id
    with any_db.session() as s, pytest.raises(PermissionDenied):
        save_scorecard(s, Actor("sup", "supervisor"), "Service", DEFAULT_SECTIONS)


def _drawn(db, frozen_clock, tmp_path):
    with db.session() as s:
        qa = build(s, tmp_path)
        card, _ = save_scorecard(s, Actor.system(), "Service", DEFAULT_SECTIONS)
    with db.session() as s:
        run_draw(s, Actor.system(), LAST_MONDAY, seed="w")
    return qa, card


def test_the_worklist_shows_the_supervisors_teams_with_progress_and_due_dates(any_db, frozen_clock, tmp_path):
    qa, card = _drawn(any_db, frozen_clock, tmp_path)
    with any_db.session() as s:
        mine = worklist(s, qa.supervisor(0))
        everyone = worklist(s, qa.analyst_actor())
    assert mine.week_start == LAST_MONDAY
    assert {i.agent_id for i in mine.items} == {qa.agents[0], qa.agents[2]}
    assert len(everyone.items) == 13
    assert [p.label for p in mine.by_agent] == ["0/5", "0/3"]
    assert mine.by_reviewer[0].id == qa.supervisors[0] and mine.by_reviewer[0].total == 8
    item = mine.items[0]
    assert item.due_at.isoformat() == "2026-11-22T16:00:00+00:00"  # end of Sun 22 Nov, Shanghai
    assert not item.overdue
    frozen_clock.advance(days=5)
    with any_db.session() as s:
        assert worklist(s, qa.supervisor(0)).overdue == 8


def test_a_supervisor_scores_and_saves_a_review_R_QA_2(any_db, frozen_clock, tmp_path):
    qa, card = _drawn(any_db, frozen_clock, tmp_path)
    sup = qa.supervisor(0)
    with any_db.session() as s:
        item = worklist(s, sup).items[0]
        form = review_form(s, sup, item.sample_id)
    assert form.scorecard.id == card.id and form.review is None
    with any_db.session() as s, pytest.raises(ValueError, match="1 to 10"):
        save_review(s, sup, item.sample_id, scorecard_id=card.id, answers=GOOD, dialogue_score=11)
    with any_db.session() as s, pytest.raises(ValueError, match="missing"):
        save_review(s, sup, item.sample_id, scorecard_id=card.id, answers={"greeting": "yes"}, dialogue_score=8)
    with any_db.session() as s:
        saved = save_review(s, sup, item.sample_id, scorecard_id=card.id, answers=GOOD, dialogue_score=8,
                            comment="Clear and friendly", coaching="Offer the survey at the end")
    assert saved.result.violations == () and 0 < saved.result.score_pct < 100
    with any_db.session() as s:
        review = s.get(QaReview, saved.review_id)
        assert review.dialogue_score == 8 and review.coaching == "Offer the survey at the end"
        assert review.violations == 0 and review.status == "final"
        assert s.get(QaSample, item.sample_id).status == "reviewed"
        progress = worklist(s, sup).by_agent
    assert progress[0].label == "1/5"


def test_a_violation_needs_a_note_and_is_counted_R_QA_3(sqlite_db, frozen_clock, tmp_path):
    qa, card = _drawn(sqlite_db, frozen_clock, tmp_path)
    sup = qa.supervisor(0)
    bad = {**GOOD, "courtesy": 2}
    with sqlite_db.session() as s:
        item = worklist(s, sup).items[0]
    with sqlite_db.session() as s, pytest.raises(ValueError, match="violation"):
        save_review(s, sup, item.sample_id, scorecard_id=card.id, answers=bad, dialogue_score=4)
    with sqlite_db.session() as s:
        saved = save_review(s, sup, item.sample_id, scorecard_id=card.id, answers=bad, dialogue_score=4,
                            violation_notes="Told the customer to stop complaining")
    assert saved.result.violations == ("courtesy",)
    with sqlite_db.session() as s:
        assert s.get(QaReview, saved.review_id).violations == 1


def test_another_teams_supervisor_and_an_agent_cannot_review(sqlite_db, frozen_clock, tmp_path):
    qa, card = _drawn(sqlite_db, frozen_clock, tmp_path)
    with sqlite_db.session() as s:
        item = worklist(s, qa.supervisor(0)).items[0]
    with sqlite_db.session() as s, pytest.raises(PermissionDenied):
        save_review(s, qa.supervisor(1), item.sample_id, scorecard_id=card.id, answers=GOOD, dialogue_score=8)
    with sqlite_db.session() as s, pytest.raises(PermissionDenied):
        save_review(s, Actor("a", "agent", qa.agents[0]), item.sample_id, scorecard_id=card.id, answers=GOOD,
                    dialogue_score=8)


def test_every_playback_is_audited_R_SEC_3(any_db, frozen_clock, tmp_path):
    qa, _ = _drawn(any_db, frozen_clock, tmp_path)
    sup = qa.supervisor(0)
    with any_db.session() as s:
        item = worklist(s, sup).items[0]
        played = open_recording(s, sup, item.interaction_id)
        record_playback(s, sup, item.interaction_id, action="seek", position_sec=12.34)
    assert played.path.is_file() and played.check.duration_sec == pytest.approx(0.2)
    with any_db.session() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.entity == "recording")).all()
    assert [(r.action, r.actor, r.entity_id) for r in rows] == [
        ("play", "sup0", str(item.interaction_id)), ("seek", "sup0", str(item.interaction_id))]
    with any_db.session() as s, pytest.raises(PermissionDenied):
        open_recording(s, Actor("agent", "agent", qa.agents[0]), item.interaction_id)
    with any_db.session() as s, pytest.raises(PermissionDenied):  # another team's interaction
        open_recording(s, qa.supervisor(1), item.interaction_id)


def test_a_broken_file_is_not_played_and_the_finding_is_kept(sqlite_db, frozen_clock, tmp_path):
    qa, _ = _drawn(sqlite_db, frozen_clock, tmp_path)
    sup = qa.supervisor(0)
    with sqlite_db.session() as s:
        item = worklist(s, sup).items[0]
    with sqlite_db.session() as s:  # the draw looked at the picks' files and kept the paths
        target = Path(s.get(QaRecordingCheck, item.interaction_id).path)
    target.write_bytes(b"")
    assert check_file(target).status == "empty"
    with sqlite_db.session() as s, pytest.raises(ValueError, match="empty"):
        open_recording(s, sup, item.interaction_id)
    with sqlite_db.session() as s:
        assert s.get(QaRecordingCheck, item.interaction_id).status == "empty"
        assert not s.scalars(select(AuditEntry).where(AuditEntry.entity == "recording")).all()


def test_a_reviewer_from_another_team_plays_what_was_assigned_to_them_R_SEC_3(sqlite_db, frozen_clock, tmp_path):
    qa, _ = _drawn(sqlite_db, frozen_clock, tmp_path)
    with sqlite_db.session() as s:
        item = worklist(s, qa.supervisor(0)).items[0]
        s.get(QaSample, item.sample_id).reviewer_id = qa.supervisors[1]
    with sqlite_db.session() as s:
        played = open_recording(s, qa.supervisor(1), item.interaction_id)
    assert played.check.ok
    other = qa.calls[qa.agents[2]][0]  # team 0's agent, not sampled for supervisor 1
    with sqlite_db.session() as s, pytest.raises(PermissionDenied):
        open_recording(s, qa.supervisor(1), other)
