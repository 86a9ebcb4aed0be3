"""Calibration (blind, agreement, never in KPIs), disputes (another supervisor decides, history) and
the honest statistics (t-intervals) of QA scores."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.actor import Actor
from app.quality.agreement import krippendorff_alpha_interval, mean_abs_deviation
from app.quality.calibration import (
    calibration_results,
    close_calibration,
    create_calibration,
    get_calibration,
    submit_calibration_score,
)
from app.quality.disputes import decide_dispute, dispute_history, list_disputes, raise_dispute
from app.quality.draw import run_draw
from app.quality.reviews import save_review, worklist
from app.quality.scorecards import DEFAULT_SECTIONS, save_scorecard
from app.quality.stats import agent_score_stats, mean_interval, periods, t_quantile_975
from app.quality.weekly import weekly_qa_status
from app.review.monthly import month_report
from app.security.permissions import PermissionDenied
from db.models import QaReview
from db.models.notifications import Notification
from tests.qa_fixtures import LAST_MONDAY, build
from tests.test_qa_reviews import GOOD

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4 observers x 12 units example
KRIPPENDORFF_EXAMPLE = [
    [1, 1, None, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
    [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [None, 5, 5, 5], [None, None, 1, 1], [None, 3, None, None],
]


def test_krippendorffs_alpha_matches_the_published_example():
    assert krippendorff_alpha_interval(KRIPPENDORFF_EXAMPLE) == pytest.approx(0.849, abs=0.001)
    assert krippendorff_alpha_interval([[5, 5], [3, 3], [8, 8]]) == pytest.approx(1.0)
    assert krippendorff_alpha_interval([[4, 4], [4, 4]]) is None  # no variation: undefined
    assert krippendorff_alpha_interval([[1, 9], [9, 1]]) < 0  # systematic disagreement


def test_mean_abs_deviation_points_at_the_outlier():
    matrix = {1: [80.0, 60.0], 2: [80.0, 60.0], 3: [20.0, 100.0]}
    # coder 1 vs the others: |80 - mean(80, 20)| = 30, |60 - mean(60, 100)| = 20
    assert mean_abs_deviation(matrix, 1) == pytest.approx((30 + 20) / 2)
    assert mean_abs_deviation(matrix, 3) > mean_abs_deviation(matrix, 1)


def test_t_intervals_say_how_little_five_calls_mean():
    assert t_quantile_975(4) == pytest.approx(2.776)
    assert t_quantile_975(60) == pytest.approx(2.000, abs=0.001)  # tables: 2.000
    assert t_quantile_975(120) == pytest.approx(1.980, abs=0.001)
    five = mean_interval([6, 7, 8, 9, 10])
    assert five.mean == 8 and five.low == pytest.approx(8 - 2.776 * (2.5 ** 0.5) / 5 ** 0.5, abs=1e-3)
    one = mean_interval([7])
    assert one.mean == 7 and one.low is None and "no interval" in one.label
    assert mean_interval([]).label == "no scores"
    p = periods(date(2026, 11, 18))
    assert p.week == (date(2026, 11, 9), date(2026, 11, 16))
    assert p.quarter == (date(2026, 10, 1), date(2027, 1, 1))


def _setup(db, frozen_clock, tmp_path):
    with db.session() as s:
        qa = build(s, tmp_path)
        card, _ = save_scorecard(s, Actor.system(), "Service", DEFAULT_SECTIONS)
    with db.session() as s:
        run_draw(s, Actor.system(), LAST_MONDAY, seed="c")
    return qa, card


def test_a_calibration_is_blind_until_closed_and_never_counts_in_kpis(any_db, frozen_clock, tmp_path):
    qa, card = _setup(any_db, frozen_clock, tmp_path)
    s0, s1, analyst = qa.supervisor(0), qa.supervisor(1), qa.analyst_actor()
    interaction = qa.calls[qa.agents[0]][0]
    with any_db.session() as s:
        before = month_report(s, 2026, 11)
        weekly_before = weekly_qa_status(s, analyst)
        info, _ = create_calibration(s, analyst, interaction, [qa.supervisors[0], qa.supervisors[1], qa.analyst])
    with any_db.session() as s, pytest.raises(ValueError, match="two"):
        close_calibration(s, analyst, info.id)
    with any_db.session() as s:
        submit_calibration_score(s, s0, info.id, answers=GOOD, dialogue_score=8)
        submit_calibration_score(s, s1, info.id, answers={**GOOD, "solution": 6}, dialogue_score=7)
        submit_calibration_score(s, analyst, info.id, answers={**GOOD, "courtesy": 3, "solution": 2},
                                 dialogue_score=3)
    with any_db.session() as s:
        seen_by_s1 = get_calibration(s, s1, info.id)
        with pytest.raises(ValueError, match="still open"):
            calibration_results(s, s1, info.id)
    assert seen_by_s1.my_dialogue_score == 7 and seen_by_s1.submitted == tuple(sorted(
        [qa.supervisors[0], qa.supervisors[1], qa.analyst]))
    with any_db.session() as s, pytest.raises(PermissionDenied):
        submit_calibration_score(s, Actor("x", "supervisor", qa.agents[1]), info.id, answers=GOOD, dialogue_score=5)
    with any_db.session() as s, pytest.raises(PermissionDenied):  # a reviewer who did not organise it
        close_calibration(s, s0, info.id)
    with any_db.session() as s:
        close_calibration(s, analyst, info.id)
    with any_db.session() as s:
        res = calibration_results(s, s0, info.id)
        after = month_report(s, 2026, 11)
        weekly_after = weekly_qa_status(s, analyst)
        reviews = s.scalars(select(QaReview)).all()
    solution = next(q for q in res.questions if q.key == "solution")
    assert solution.minimum < solution.maximum and solution.count == 3
    assert next(q for q in res.questions if q.key == "greeting").sd == 0
    assert res.alpha is not None and res.alpha < 1
    worst = max(res.reviewers, key=lambda r: r.mean_abs_deviation)
    assert worst.reviewer_id == qa.analyst and worst.violations == 1
    assert res.dialogue.values == (8.0, 7.0, 3.0)
    # calibration scores are not reviews: nothing in the KPIs moved
    assert reviews == []
    assert [a.counts for a in after.agents] == [a.counts for a in before.agents]
    assert weekly_after.agents == weekly_before.agents
    with any_db.session() as s, pytest.raises(ValueError, match="closed"):
        submit_calibration_score(s, s0, info.id, answers=GOOD, dialogue_score=9)


def _reviewed(db, qa, card):
    sup = qa.supervisor(0)
    with db.session() as s:
        item = worklist(s, sup).items[0]
        saved = save_review(s, sup, item.sample_id, scorecard_id=card.id, answers=GOOD, dialogue_score=6)
    return saved.review_id


def test_a_dispute_is_decided_by_another_supervisor_and_rescores_the_review(any_db, frozen_clock, tmp_path):
    qa, card = _setup(any_db, frozen_clock, tmp_path)
    review_id = _reviewed(any_db, qa, card)
    sup0 = qa.supervisor(0)
    manager = Actor("boss", "manager", qa.supervisors[1])
    with any_db.session() as s:
        score_before = s.get(QaReview, review_id).score_pct
    with any_db.session() as s, pytest.raises(ValueError, match="reason"):
        raise_dispute(s, sup0, review_id, "farewell", reason=" ", proposed_value="yes")
    with any_db.session() as s, pytest.raises(ValueError, match="no question"):
        raise_dispute(s, sup0, review_id, "nonsense", reason="x", proposed_value="yes")
    with any_db.session() as s:
        dispute_id, _ = raise_dispute(s, sup0, review_id, "farewell", reason="I did invite to the survey at 04:10",
                                      proposed_value="yes")
        second, _ = raise_dispute(s, sup0, review_id, "dialogue_score", reason="Call was calm", proposed_value=9)
    with any_db.session() as s:
        assert s.get(QaReview, review_id).status == "disputed"
        views = {d.id: d for d in list_disputes(s, sup0)}
        told = s.scalars(select(Notification).where(Notification.kind == "qa.dispute")).all()
    assert len(told) == 2 and told[0].params["deadline"] == "2026-11-23 10:00"  # Shanghai, 5 days on
    assert views[dispute_id].current_value == "no" and views[dispute_id].deadline == frozen_clock.at + timedelta(days=5)
    # the reviewer who raised it cannot decide it
    with any_db.session() as s, pytest.raises(PermissionDenied):
        decide_dispute(s, sup0, dispute_id, "accept", reason="fine", expected_version=views[dispute_id].version)
    with any_db.session() as s:
        decide_dispute(s, manager, dispute_id, "accept", reason="Heard it at 04:10",
                       expected_version=views[dispute_id].version)
    with any_db.session() as s:
        review = s.get(QaReview, review_id)
        assert review.answers["farewell"] == "yes" and review.score_pct > score_before
        assert review.status == "disputed"  # the dialogue-score dispute is still open
    with any_db.session() as s, pytest.raises(ValueError, match="needs the answer"):
        decide_dispute(s, manager, second, "partly", reason="Somewhat", expected_version=views[second].version)
    with any_db.session() as s:
        decide_dispute(s, manager, second, "partly", reason="Calm but long hold", decided_value=7,
                       expected_version=views[second].version)
    with any_db.session() as s:
        review = s.get(QaReview, review_id)
        assert review.dialogue_score == 7 and review.status == "final"
        history = dispute_history(s, sup0, dispute_id)
    assert [e.action for e in history] == ["raised", "decided"]
    assert history[1].details["decision"] == "accepted" and history[1].details["review_before"]["score_pct"] == (
        pytest.approx(score_before))
    with any_db.session() as s, pytest.raises(ValueError, match="already decided"):
        decide_dispute(s, manager, dispute_id, "reject", reason="no", expected_version=views[dispute_id].version + 1)


def test_a_rejected_dispute_changes_nothing_and_another_team_cannot_raise(sqlite_db, frozen_clock, tmp_path):
    qa, card = _setup(sqlite_db, frozen_clock, tmp_path)
    review_id = _reviewed(sqlite_db, qa, card)
    with sqlite_db.session() as s, pytest.raises(PermissionDenied):
        raise_dispute(s, qa.supervisor(1), review_id, "farewell", reason="x", proposed_value="yes")
    with sqlite_db.session() as s:
        dispute_id, _ = raise_dispute(s, qa.supervisor(0), review_id, "farewell", reason="x", proposed_value="yes")
        before = s.get(QaReview, review_id).score_pct
    with sqlite_db.session() as s:
        decide_dispute(s, qa.analyst_actor(), dispute_id, "reject", reason="Not on the recording",
                       expected_version=1)
    with sqlite_db.session() as s:
        review = s.get(QaReview, review_id)
        assert review.score_pct == before and review.answers["farewell"] == "no" and review.status == "final"


def test_agent_stats_show_mean_interval_and_count(sqlite_db, frozen_clock, tmp_path):
    qa, card = _setup(sqlite_db, frozen_clock, tmp_path)
    sup = qa.supervisor(0)
    with sqlite_db.session() as s:
        items = [i for i in worklist(s, sup).items if i.agent_id == qa.agents[0]]
    for item, score in zip(items, (6, 7, 8, 9, 10), strict=True):
        with sqlite_db.session() as s:
            save_review(s, sup, item.sample_id, scorecard_id=card.id, answers=GOOD, dialogue_score=score)
    with sqlite_db.session() as s:
        stats = {a.agent_id: a for a in agent_score_stats(s, sup)}
    mine = stats[qa.agents[0]]
    assert mine.week.n == 5 and mine.week.mean == 8 and mine.week.low == pytest.approx(6.037, abs=0.01)
    assert mine.quarter.n == 5 and mine.quarter_violations == 0
    assert qa.agents[1] not in stats  # another team's agent


def test_a_supervisor_of_another_team_sees_and_decides_an_open_dispute(sqlite_db, frozen_clock, tmp_path):
    qa, card = _setup(sqlite_db, frozen_clock, tmp_path)
    review_id = _reviewed(sqlite_db, qa, card)
    sup0, sup1 = qa.supervisor(0), qa.supervisor(1)
    with sqlite_db.session() as s:
        dispute_id, _ = raise_dispute(s, sup0, review_id, "farewell", reason="Invited at 04:10", proposed_value="yes")
    with sqlite_db.session() as s:
        open_for_other = {d.id: d for d in list_disputes(s, sup1)}
    assert dispute_id in open_for_other  # the other team's supervisor is the one who decides
    with sqlite_db.session() as s:
        decide_dispute(s, sup1, dispute_id, "accept", reason="Heard it", expected_version=open_for_other[dispute_id].version)
    with sqlite_db.session() as s:
        assert dispute_id not in {d.id for d in list_disputes(s, sup1)}  # decided: back to the agent's team only
        assert dispute_id in {d.id for d in list_disputes(s, sup0)}
