"""The KPI scorecard (R-KPI-1..9) and the quarterly review (R-REV-1): scoring, weights, pro-rating,
publishing, amendments and improvement plans."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.actor import Actor
from app.admin.rules import update_rule
from app.review import quarterly
from app.review.kpi import (
    INDICATORS,
    INDICATORS_BY_RULE,
    check_weights,
    kpi_report,
    mean_interval,
    score_indicator,
    scorecard,
)
from app.review.monthly import MonthCounts, Targets
from app.review.periods import parse_quarter, quarter_window
from app.review.weights import update_kpi_weights
from app.security.permissions import PermissionDenied
from db.errors import ConflictError
from db.models import AuditEntry, ImprovementPlan, KnowledgeContribution, QaReview, ReviewAmendment
from tests import factories as f

SHANGHAI = ZoneInfo("Asia/Shanghai")
MANAGER = Actor("ming.han", "manager")
ADMIN = Actor("admin", "administrator")
TARGETS = Targets({"R-KPI-1": 30, "R-KPI-2": 6, "R-KPI-3": 30, "R-KPI-4": 4.5, "R-KPI-5": 0.9, "R-KPI-6": 0,
                   "R-KPI-7": 0.05, "R-KPI-8": 5, "R-KPI-9": 8}, 4.2)
WEIGHTS_DEFAULT = {"R-KPI-1": 15, "R-KPI-2": 15, "R-KPI-3": 10, "R-KPI-4": 20, "R-KPI-5": 10, "R-KPI-6": 10,
                   "R-KPI-7": 10, "R-KPI-8": 5, "R-KPI-9": 5}


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_quarters_parse_and_span_center_local_months():
    assert parse_quarter("2026Q3") == parse_quarter("2026-q3") == (2026, 3)
    with pytest.raises(ValueError, match="2026Q3"):
        parse_quarter("Q3 of 2026")
    w = quarter_window(2026, 4, SHANGHAI)
    assert (w.first_day, w.last_day, w.days) == (date(2026, 10, 1), date(2026, 12, 31), 92)
    assert w.start == utc(2026, 9, 30, 16) and w.end == utc(2026, 12, 31, 16)
    assert [m.key for m in w.months()] == ["2026-10", "2026-11", "2026-12"]


def test_indicator_scoring_rules_R_KPI_1_R_KPI_6():
    speed = INDICATORS_BY_RULE["R-KPI-1"]
    assert score_indicator(speed, 20.0, 30.0) == 1.0  # under the target: full score
    assert score_indicator(speed, 60.0, 30.0) == pytest.approx(0.5)  # twice as slow: half
    compliance = INDICATORS_BY_RULE["R-KPI-6"]
    assert score_indicator(compliance, 0, 0) == 1.0
    assert score_indicator(compliance, 1, 0) == 0.0  # zero tolerance
    rating = INDICATORS_BY_RULE["R-KPI-4"]
    assert score_indicator(rating, 4.5, 4.5) == 1.0
    assert score_indicator(rating, 3.6, 4.5) == pytest.approx(0.8)
    assert score_indicator(rating, None, 4.5) is None


def test_groups_are_40_40_20_and_missing_indicators_are_left_out_R_KPI_9():
    from app.review.kpi import Weights

    weights = Weights({k: float(v) for k, v in WEIGHTS_DEFAULT.items()})
    assert (weights.group("basic"), weights.group("quality"), weights.group("additional")) == (40, 40, 20)
    perfect = MonthCounts(handled=600, working_days=20, realtime_handled=600, wait_sum=600 * 10,
                          logged_in_sec=20 * 7 * 3600, rated=100, rating_sum=480, resolution_known=100, resolved=95,
                          recommendations_offered=100, recommendations_converted=10, qa_reviews=10,
                          qa_score_sum=90, qa_violations=0, kb_contributions=15)
    card = scorecard(perfect, TARGETS, weights, months_employed=3)
    assert card.total == pytest.approx(100.0) and card.missing == ()
    assert [g.points for g in card.groups] == pytest.approx([40, 40, 20])
    # no ratings: R-KPI-4 is left out and the total is scaled over the other 80 points of weight
    unrated = MonthCounts(**{**perfect.__dict__, "rated": 0, "rating_sum": 0, "qa_violations": 1})
    card = scorecard(unrated, TARGETS, weights, months_employed=3)
    assert card.missing == ("R-KPI-4",)
    assert card.total == pytest.approx((80 - 10) * 100 / 80)  # compliance lost its 10 points
    # no working day at all: no scorecard
    assert scorecard(MonthCounts(kb_contributions=2), TARGETS, weights, months_employed=3).total is None


def test_weights_must_sum_to_100_and_are_edited_together(sqlite_db):
    with pytest.raises(ValueError, match="add up to 95"):
        check_weights({**WEIGHTS_DEFAULT, "R-KPI-9": 0})
    with sqlite_db.session() as s:
        f.center(s)
    with sqlite_db.session() as s, pytest.raises(ValueError, match="edited together"):
        update_rule(s, ADMIN, "R-KPI-1.weight", "20", 1)
    with sqlite_db.session() as s, pytest.raises(PermissionDenied):
        update_kpi_weights(s, MANAGER, {**WEIGHTS_DEFAULT, "R-KPI-1": 20, "R-KPI-2": 10})
    with sqlite_db.session() as s:
        update_kpi_weights(s, ADMIN, {**WEIGHTS_DEFAULT, "R-KPI-1": 20, "R-KPI-2": 10})
    with sqlite_db.session() as s:
        from app.review.kpi import load_weights

        assert load_weights(s).values["R-KPI-1"] == 20 and load_weights(s).total == 100
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "kpi_weights")) == 1


def test_mean_interval_is_a_t_interval_and_needs_two_reviews_R_QA_2():
    assert mean_interval(0, 0, 0) == (None, None, None)
    assert mean_interval(1, 7, 49) == (7.0, None, None)
    mean, low, high = mean_interval(5, 40, 40 * 8 + 10)  # values 6, 7, 8, 9, 10 -> sum 40, squares 330
    mean2, low2, high2 = mean_interval(5, 40, 330)
    assert mean2 == 8.0 and low2 == pytest.approx(8 - 2.776 * (2.5 / 5) ** 0.5, abs=1e-3)
    assert high2 == pytest.approx(8 + 2.776 * (2.5 / 5) ** 0.5, abs=1e-3)
    assert mean == mean2


def _quarter_center(db):
    """Q3 2026 (Shanghai): Alice works well all quarter, Bob slowly, Nina joins on 2026-09-01."""
    with db.session() as s:
        c = f.center(s)
        t = f.team(s, c, "Alpha")
        sup = f.person(s, c, t, name="Sam", title="supervisor")
        t.supervisor_id = sup.id
        other = f.team(s, c, "Beta")
        alice = f.person(s, c, t, name="Alice")
        bob = f.person(s, c, t, name="Bob")
        nina = f.person(s, c, t, name="Nina")
        nina.hire_date = date(2026, 9, 1)
        olga = f.person(s, c, other, name="Olga")
        q = f.queue(s, c)
        for day in range(0, 90, 3):
            at = utc(2026, 7, 1, 2) + timedelta(days=day)
            for k in range(3):
                f.interaction(s, c, q, alice, at + timedelta(minutes=10 * k), wait=10, rating=5, resolved=True)
                f.interaction(s, c, q, bob, at + timedelta(minutes=10 * k), wait=90, rating=3, resolved=False)
                f.interaction(s, c, q, olga, at + timedelta(minutes=10 * k), wait=20, rating=4, resolved=True)
        for k in range(3):
            f.interaction(s, c, q, nina, utc(2026, 9, 10, 2 + k), wait=10, rating=5)
        for n in range(15):
            s.add(KnowledgeContribution(person_id=alice.id, created_at=utc(2026, 7, 2) + timedelta(days=5 * n),
                                        title=f"Article {n}", status="accepted"))
        s.add(KnowledgeContribution(person_id=nina.id, created_at=utc(2026, 9, 5), title="First", status="accepted"))
        i = f.interaction(s, c, q, bob, utc(2026, 8, 3, 2), wait=5)
        s.add(QaReview(interaction_id=i.id, agent_id=bob.id, dialogue_score=5, violations=1,
                       reviewed_at=utc(2026, 8, 4), status="final"))
    with db.session() as s:  # a small center: 3 contacts per working day is the target here
        update_rule(s, ADMIN, "R-KPI-3", "3", 1)
        return {"alice": alice.id, "bob": bob.id, "nina": nina.id, "olga": olga.id, "sup": sup.id, "alpha": t.id}


def test_quarter_scorecards_rank_and_flag_agents_under_target_R_REV_1(any_db):
    ids = _quarter_center(any_db)
    with any_db.session() as s:
        r = kpi_report(s, quarter_window(2026, 3, SHANGHAI), now=utc(2026, 10, 10))
        by = {a.agent_id: a for a in r.agents}
        alice, bob, nina = by[ids["alice"]], by[ids["bob"]], by[ids["nina"]]
        assert alice.rank == 1 and bob.rank is not None and bob.rank > 1
        assert alice.total > bob.total
        assert bob.under_target and not alice.under_target  # R-REV-1: below 80 points
        speed = next(x for x in bob.card.indicators if x.indicator.rule_id == "R-KPI-1")
        assert speed.value == pytest.approx((90 * 90 + 5) / 91) and speed.score == pytest.approx(30 / speed.value)
        compliance = next(x for x in bob.card.indicators if x.indicator.rule_id == "R-KPI-6")
        assert compliance.score == 0.0  # one violation found in QA
        # knowledge base: 15 in the quarter meets 5 per month; Nina joined a month before the end
        kb = {a.agent_id: next(x for x in a.card.indicators if x.indicator.rule_id == "R-KPI-8") for a in r.agents}
        assert kb[ids["alice"]].score == 1.0 and kb[ids["alice"]].target == pytest.approx(15)
        assert nina.employed_share == pytest.approx(30 / 92)
        assert kb[ids["nina"]].target == pytest.approx(15 * 30 / 92)
        assert "R-KPI-4" not in alice.card.missing and "R-KPI-9" in alice.card.missing  # no QA review of Alice
        assert {t.team for t in r.teams} == {"Alpha", "Beta"}


def test_a_supervisor_reviews_only_their_team_and_plans_need_goal_and_deadline_R_REV_1(any_db):
    ids = _quarter_center(any_db)
    sup = Actor("sam", "supervisor", person_id=ids["sup"])
    with any_db.session() as s:
        review = quarterly.load_quarter(s, sup, "2026Q3", now=utc(2026, 10, 10))
        assert {a.figures.name for a in review.agents} == {"Alice", "Bob", "Nina"}  # not Olga (other team)
        assert review.status == "none" and [a.figures.name for a in review.plans_missing] == ["Bob"]
    with any_db.session() as s, pytest.raises(PermissionDenied):
        quarterly.add_plan(s, sup, "2026Q3", ids["olga"], goal="x", measures="y", deadline=date(2026, 12, 1))
    with any_db.session() as s, pytest.raises(ValueError, match="after the quarter"):
        quarterly.add_plan(s, sup, "2026Q3", ids["bob"], goal="Answer faster", measures="Coaching",
                           deadline=date(2026, 9, 1))
    with any_db.session() as s, pytest.raises(ValueError, match="goal"):
        quarterly.add_plan(s, sup, "2026Q3", ids["bob"], goal=" ", measures="Coaching", deadline=date(2026, 12, 1))
    with any_db.session() as s:
        quarterly.add_plan(s, sup, "2026Q3", ids["bob"], goal="Average wait under 30 s",
                           measures="Weekly coaching; shadow Alice", deadline=date(2026, 12, 31))
        quarterly.save_comment(s, sup, "2026Q3", ids["bob"], "Improving since August.", 0)
        quarterly.add_plan(s, sup, "2026Q3", ids["nina"], goal="Five articles", measures="Pair with Alice",
                           deadline=date(2026, 12, 31))
    with any_db.session() as s:
        review = quarterly.load_quarter(s, sup, "2026Q3", now=utc(2026, 10, 10))
        bob = next(a for a in review.agents if a.figures.agent_id == ids["bob"])
        assert bob.comment == "Improving since August." and bob.comment_version == 1
        assert [p.goal for p in bob.plans] == ["Average wait under 30 s"] and review.plans_missing == ()
        # the plan is carried into the next quarter while it is open
        q4 = quarterly.load_quarter(s, sup, "2026Q4", now=utc(2026, 11, 10))
        assert [p.goal for p in next(a for a in q4.agents if a.figures.agent_id == ids["bob"]).carried_plans] \
            == ["Average wait under 30 s"]
    # a stale comment version is a conflict, not an overwrite
    with any_db.session() as s, pytest.raises(ConflictError):
        quarterly.save_comment(s, sup, "2026Q3", ids["bob"], "Overwrite?", 0)


def test_publishing_freezes_figures_and_corrections_are_amendments_R_REV_1(any_db, frozen_clock):
    frozen_clock.at = utc(2026, 10, 10)
    ids = _quarter_center(any_db)
    sup = Actor("sam", "supervisor", person_id=ids["sup"])
    with any_db.session() as s, pytest.raises(PermissionDenied):
        quarterly.publish(s, sup, "2026Q3")
    with any_db.session() as s, pytest.raises(ValueError, match="has not ended"):
        quarterly.publish(s, MANAGER, "2026Q4")
    with any_db.session() as s:
        quarterly.publish(s, MANAGER, "2026Q3")
    with any_db.session() as s:
        before = quarterly.load_quarter(s, MANAGER, "2026Q3")
        assert before.status == "published" and before.published_by == "ming.han"
        alice_total = next(a.figures.total for a in before.agents if a.figures.agent_id == ids["alice"])
        # a late correction to the data: Alice gets a QA review with a violation in September
        q = s.scalar(select(QaReview.interaction_id).limit(1))
        s.add(QaReview(interaction_id=q, agent_id=ids["alice"], dialogue_score=2, violations=2,
                       reviewed_at=utc(2026, 10, 5), status="final"))
    with any_db.session() as s:
        after = quarterly.load_quarter(s, MANAGER, "2026Q3")
        # the published figures stand; the review says whose figures changed since
        assert next(a.figures.total for a in after.agents if a.figures.agent_id == ids["alice"]) == alice_total
        assert after.changed_since_publishing == (ids["alice"],)
    with any_db.session() as s, pytest.raises(ValueError, match="reason"):
        quarterly.adopt_recomputed(s, MANAGER, "2026Q3", ids["alice"], " ")
    with any_db.session() as s, pytest.raises(ValueError, match="needs a reason"):
        quarterly.save_comment(s, MANAGER, "2026Q3", ids["alice"], "Late note", 0)
    with any_db.session() as s:
        quarterly.adopt_recomputed(s, MANAGER, "2026Q3", ids["alice"], "QA review entered late")
        quarterly.save_comment(s, MANAGER, "2026Q3", ids["alice"], "Late note", 0, reason="forgotten")
    with any_db.session() as s:
        final = quarterly.load_quarter(s, MANAGER, "2026Q3")
        assert next(a.figures.total for a in final.agents if a.figures.agent_id == ids["alice"]) < alice_total
        assert final.changed_since_publishing == ()
        assert [(a.field, a.reason) for a in final.amendments] == [("figures", "QA review entered late"),
                                                                  ("comment", "forgotten")]
        assert s.scalar(select(func.count()).select_from(ReviewAmendment)) == 2
    with any_db.session() as s, pytest.raises(ValueError, match="already published"):
        quarterly.publish(s, MANAGER, "2026Q3")


def test_plans_are_closed_with_an_outcome_R_REV_1(sqlite_db):
    ids = _quarter_center(sqlite_db)
    with sqlite_db.session() as s:
        quarterly.add_plan(s, MANAGER, "2026Q3", ids["bob"], goal="g", measures="m", deadline=date(2026, 12, 31))
    with sqlite_db.session() as s:
        plan = s.scalar(select(ImprovementPlan))
        pid, version = plan.id, plan.version
    with sqlite_db.session() as s, pytest.raises(ValueError, match="why"):
        quarterly.update_plan(s, MANAGER, pid, version, status="missed")
    with sqlite_db.session() as s:
        quarterly.update_plan(s, MANAGER, pid, version, status="achieved", outcome="Wait now 25 s")
    with sqlite_db.session() as s:
        q4 = quarterly.load_quarter(s, MANAGER, "2026Q4", now=utc(2026, 11, 10))
        assert all(not a.carried_plans for a in q4.agents)  # achieved plans are not carried on


def test_every_indicator_has_a_weight_rule():
    from app.rules import RULES_BY_KEY

    assert sum(RULES_BY_KEY[f"{i.rule_id}.weight"].value for i in INDICATORS) == 100


def test_monthly_evaluation_has_five_dimensions_and_the_trend_R_QA_5(any_db):
    from app.review.evaluation import DIMENSIONS, monthly_evaluation

    ids = _quarter_center(any_db)
    with any_db.session() as s:
        ev = monthly_evaluation(s, 2026, 9, months=3, now=utc(2026, 10, 10))
    assert ev.months == ("2026-07", "2026-08", "2026-09")
    assert [d.key for d in DIMENSIONS] == ["response", "resolution", "satisfaction", "compliance", "attitude"]
    bob = next(r for r in ev.rows if r.agent_id == ids["bob"])
    response = bob.dimensions[0]
    assert response.series[0] == pytest.approx(90.0) and response.value == pytest.approx(90.0)
    compliance = {r.agent_id: r.dimensions[3] for r in ev.rows if r.kind == "agent"}
    assert compliance[ids["bob"]].series == (None, 0.0, None)  # his one QA review (August) had a violation
    # rows: each team's agents, then the team; the whole center last
    assert [r.kind for r in ev.rows][-1] == "center"
    alpha = next(r for r in ev.rows if r.kind == "team" and r.team == "Alpha")
    assert alpha.dimensions[2].value == pytest.approx((5 * 27 + 3 * 27 + 5 * 3) / 57)  # Alice, Bob, Nina in September
    nina = next(r for r in ev.rows if r.agent_id == ids["nina"])
    assert nina.dimensions[0].series[:2] == (None, None) and nina.dimensions[0].change is None


def test_trend_direction_depends_on_the_dimension_R_QA_5():
    from app.review.evaluation import DIMENSIONS, DimensionTrend

    speed, resolution = DIMENSIONS[0], DIMENSIONS[1]
    assert DimensionTrend(speed, (30.0, 20.0)).improved is True  # faster is better
    assert DimensionTrend(resolution, (0.9, 0.8)).improved is False
    assert DimensionTrend(resolution, (0.9, 0.9)).improved is None
    assert DimensionTrend(resolution, (None, 0.9)).change is None


def test_the_interval_from_sums_equals_the_one_from_the_values_R_QA_2():
    from app.quality.stats import mean_interval as from_values

    values = [6, 7, 7, 8, 9, 9, 10, 5] * 5  # 40 reviews: beyond the t table
    mean, low, high = mean_interval(len(values), sum(values), sum(v * v for v in values))
    ref = from_values(values)
    assert (mean, low, high) == pytest.approx((ref.mean, ref.low, ref.high))
