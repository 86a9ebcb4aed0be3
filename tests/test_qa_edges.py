"""Edges of the QA services: editing a review (drafts, conflicts, scorecard revisions), overdue disputes,
listing calibrations, replacing the last eligible sample."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.actor import Actor
from app.quality.calibration import create_calibration, list_calibrations
from app.quality.disputes import list_disputes, raise_dispute
from app.quality.draw import replace_sample, run_draw
from app.quality.reviews import review_form, save_review, worklist
from app.quality.scorecards import DEFAULT_SECTIONS, save_scorecard
from db.errors import ConflictError
from db.models import QaReview, QaSample
from tests.qa_fixtures import LAST_MONDAY, build
from tests.test_qa_reviews import GOOD


@pytest.fixture
def drawn(sqlite_db, frozen_clock, tmp_path):
    with sqlite_db.session() as s:
        qa = build(s, tmp_path)
        card, _ = save_scorecard(s, Actor.system(), "Service", DEFAULT_SECTIONS)
    with sqlite_db.session() as s:
        run_draw(s, Actor.system(), LAST_MONDAY, seed="edges")
    return sqlite_db, qa, card


def test_a_draft_keeps_the_sample_pending_and_a_stale_save_is_a_conflict(drawn):
    db, qa, card = drawn
    sup = qa.supervisor(0)
    with db.session() as s:
        item = worklist(s, sup).items[0]
        draft = save_review(s, sup, item.sample_id, scorecard_id=card.id, answers={"greeting": "yes"},
                            dialogue_score=5, final=False)
    with db.session() as s:
        assert s.get(QaSample, item.sample_id).status == "pending"
        form = review_form(s, sup, item.sample_id)
    assert form.review is not None and form.review.status == "draft" and form.review.answers == {"greeting": "yes"}
    with db.session() as s:
        final = save_review(s, sup, item.sample_id, scorecard_id=card.id, answers=GOOD, dialogue_score=7,
                            review_id=draft.review_id, expected_version=draft.version)
    assert final.review_id == draft.review_id
    with db.session() as s, pytest.raises(ConflictError):
        save_review(s, sup, item.sample_id, scorecard_id=card.id, answers=GOOD, dialogue_score=9,
                    review_id=draft.review_id, expected_version=draft.version)  # the old version
    with db.session() as s:
        assert s.get(QaReview, draft.review_id).dialogue_score == 7
        assert s.get(QaSample, item.sample_id).status == "reviewed"


def test_a_review_started_on_an_old_revision_keeps_it_and_new_ones_use_the_current(drawn):
    db, qa, card = drawn
    sup = qa.supervisor(0)
    with db.session() as s:
        first, second = worklist(s, sup).items[:2]
        draft = save_review(s, sup, first.sample_id, scorecard_id=card.id, answers={}, dialogue_score=5, final=False)
    with db.session() as s:
        revised, _ = save_scorecard(s, Actor.system(), "Service", DEFAULT_SECTIONS[:2])
    with db.session() as s:  # the draft is finished on the revision it was started with
        assert review_form(s, sup, first.sample_id).scorecard.id == card.id
        save_review(s, sup, first.sample_id, scorecard_id=card.id, answers=GOOD, dialogue_score=6,
                    review_id=draft.review_id, expected_version=draft.version)
    with db.session() as s, pytest.raises(ValueError, match="newer revision"):
        save_review(s, sup, second.sample_id, scorecard_id=card.id, answers=GOOD, dialogue_score=6)
    keys = {q.key for sec in DEFAULT_SECTIONS[:2] for q in sec.questions}
    with db.session() as s:
        assert review_form(s, sup, second.sample_id).scorecard.id == revised.id
        save_review(s, sup, second.sample_id, scorecard_id=revised.id,
                    answers={k: v for k, v in GOOD.items() if k in keys}, dialogue_score=6)


def test_an_open_dispute_past_its_deadline_is_overdue(drawn, frozen_clock):
    db, qa, card = drawn
    sup = qa.supervisor(0)
    with db.session() as s:
        item = worklist(s, sup).items[0]
        saved = save_review(s, sup, item.sample_id, scorecard_id=card.id, answers=GOOD, dialogue_score=6)
        raise_dispute(s, sup, saved.review_id, "farewell", reason="Survey was offered", proposed_value="yes")
    frozen_clock.advance(days=6)
    with db.session() as s:
        (view,) = list_disputes(s, sup)
        assert view.overdue and view.status == "open"
        # another team's supervisor sees the open dispute: a different supervisor is the one who decides it
        assert [d.id for d in list_disputes(s, qa.supervisor(1))] == [view.id]


def test_calibrations_are_listed_for_their_reviewers_and_analysts(drawn):
    db, qa, card = drawn
    with db.session() as s:
        info, _ = create_calibration(s, qa.supervisor(0), qa.calls[qa.agents[0]][0],
                                     [qa.supervisors[0], qa.analyst], title="Week 46")
        with pytest.raises(ValueError, match="two reviewers"):
            create_calibration(s, qa.supervisor(0), qa.calls[qa.agents[0]][0], [qa.supervisors[0]])
    with db.session() as s:
        assert [c.title for c in list_calibrations(s, qa.supervisor(0))] == ["Week 46"]
        assert [c.id for c in list_calibrations(s, qa.analyst_actor())] == [info.id]
        assert list_calibrations(s, qa.supervisor(1)) == []


def test_replacing_when_nothing_is_left_records_the_reason_without_a_stand_in(drawn):
    db, qa, _ = drawn
    short_agent = qa.agents[2]  # had 3, all drawn
    with db.session() as s:
        sample = s.scalars(select(QaSample).where(QaSample.agent_id == short_agent)).first()
        rep = replace_sample(s, Actor("lead", "supervisor"), sample.id, "Wrong number", sample.version)
    assert rep.new_sample_id is None and rep.interaction_id is None
    with db.session() as s:
        assert s.get(QaSample, sample.id).status == "replaced"
