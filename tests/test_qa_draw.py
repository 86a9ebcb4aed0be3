"""The weekly QA draw (R-QA-1): eligibility, stratification, shortfalls, reviewers, replay and replacement."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import func, select

from app.actor import Actor
from app.quality.draw import (
    DrawExists,
    parse_week,
    replace_sample,
    replay_draw,
    run_draw,
    week_label,
)
from app.quality.sampling import DrawRules, Population, Stratum, rank_key, rank_keys
from app.quality.sampling import select as select_picks
from app.security.permissions import PermissionDenied
from db.models import AuditEntry, Center, Person, QaDraw, QaReview, QaSample
from db.models.notifications import Notification
from tests import factories as f
from tests.qa_fixtures import LAST_MONDAY, build


def test_week_names_parse_to_their_monday():
    assert parse_week("2026-W46") == LAST_MONDAY
    assert parse_week("2026-11-12") == LAST_MONDAY
    assert week_label(LAST_MONDAY) == "2026-W46"
    with pytest.raises(ValueError, match="not a week"):
        parse_week("last week")


def test_rank_keys_match_the_reference_definition():
    ids = np.array([1, 2, 3, 10**9, 2**40 + 7], dtype=np.int64)
    assert [int(k) for k in rank_keys("seed-1", ids)] == [rank_key("seed-1", int(i)) for i in ids]
    assert rank_key("seed-1", 5) != rank_key("seed-2", 5)


def test_each_agent_gets_the_quota_or_a_flagged_reason_R_QA_1(any_db, frozen_clock, tmp_path):
    with any_db.session() as s:
        qa = build(s, tmp_path)
    with any_db.session() as s:
        out = run_draw(s, Actor.system(), LAST_MONDAY, seed="fixed")
    a, b, c, d = qa.agents
    with any_db.session() as s:
        per_agent = dict(s.execute(select(QaSample.agent_id, func.count()).group_by(QaSample.agent_id)).all())
        reviewers = dict(s.execute(select(QaSample.agent_id, QaSample.reviewer_id).distinct()).all())
    assert per_agent[a] == 5 and per_agent[b] == 5
    assert per_agent[c] == 3  # all it had
    assert d not in per_agent
    short = {x.agent_id: x for x in out.shortfalls}
    assert set(short) == {c, d}
    assert short[c].available == 3 and "only 3" in short[c].reason
    assert short[d].available == 0 and "no interactions" in short[d].reason
    # the team's supervisor reviews the team's agents
    assert reviewers[a] == qa.supervisors[0] and reviewers[b] == qa.supervisors[1]
    assert out.samples == 13 and out.population == 19
    with any_db.session() as s:
        assert s.get(QaDraw, out.draw_id).rules["seed_source"] == "given"
    # each reviewer is told how many are theirs and by when; managers and analysts hear of the shortfalls
    with any_db.session() as s:
        sent = {(n.kind, n.dedupe_key): n.params for n in s.scalars(select(Notification))}
    assert sent[("qa.draw", f"qa.draw:{out.draw_id}:{qa.supervisors[0]}")] == {
        "week": "2026-W46", "count": 8, "due": "2026-11-22"}
    assert sent[("qa.draw", f"qa.draw:{out.draw_id}:{qa.supervisors[1]}")]["count"] == 5
    assert sent[("qa.shortfall", f"qa.shortfall:{out.draw_id}")]["agents"] == 2


def test_strata_take_their_quota_and_fall_back_in_order_R_QA_1():
    rows = [(i, 1, 10 if i <= 6 else 20, "phone" if i <= 6 else "chat") for i in range(1, 9)]
    pop = Population.from_rows(rows)
    rules = DrawRules(quota=5, strata=(Stratum("voice", 2, ("phone",), fallback=("digital",)),
                                       Stratum("digital", 3, ("chat",), fallback=("voice",))))
    picks = select_picks(pop, "s", rules).picks
    labels = sorted(p.stratum for p in picks)
    # chat has only 2: its third slot comes from the phone pool
    assert labels == ["digital", "digital", "digital (from voice)", "voice", "voice"]
    assert len({p.interaction_id for p in picks}) == 5


def test_the_spread_takes_the_best_of_each_queue_first():
    rows = [(i, 1, 1 + i % 3, "phone") for i in range(1, 31)]
    picks = select_picks(Population.from_rows(rows), "x", DrawRules(quota=3, strata=())).picks
    assert len({1 + p.interaction_id % 3 for p in picks}) == 3


def test_missing_empty_and_undecodable_recordings_are_excluded_and_listed(sqlite_db, frozen_clock, tmp_path):
    with sqlite_db.session() as s:
        qa = build(s, tmp_path, per_agent=(8,))
    calls = qa.calls[qa.agents[0]]
    (tmp_path / f"{qa.agents[0]}/0.wav").unlink()
    (tmp_path / f"{qa.agents[0]}/1.wav").write_bytes(b"")
    (tmp_path / f"{qa.agents[0]}/2.wav").write_bytes(b"RIFF not really a wav")
    with sqlite_db.session() as s:
        out = run_draw(s, Actor.system(), LAST_MONDAY, seed="files")
    excluded = {e.interaction_id: e.status for e in out.excluded}
    # only the picks are looked at, so a broken file is listed when the draw reached it
    assert set(excluded.values()) <= {"missing", "empty", "undecodable"}
    assert set(excluded) <= set(calls[:3])
    with sqlite_db.session() as s:
        sampled = set(s.scalars(select(QaSample.interaction_id)))
    assert not sampled & set(calls[:3])
    assert len(sampled) == 5  # 8 calls - 3 broken = 5 playable, exactly the quota
    with sqlite_db.session() as s:
        assert replay_draw(s, out.draw_id).identical


def test_a_draw_replays_exactly_and_a_tampered_one_does_not(any_db, frozen_clock, tmp_path):
    with any_db.session() as s:
        build(s, tmp_path)
    with any_db.session() as s:
        out = run_draw(s, Actor.system(), LAST_MONDAY)
    with any_db.session() as s:
        again = replay_draw(s, out.draw_id)
    assert again.identical and again.samples == out.samples and again.population_matches
    with any_db.session() as s:
        draw = s.get(QaDraw, out.draw_id)
        draw.seed = draw.seed + "x"
    with any_db.session() as s:
        changed = replay_draw(s, out.draw_id)
    assert not changed.identical and changed.differences


def test_a_week_is_drawn_once_and_only_after_it_ended(sqlite_db, frozen_clock, tmp_path):
    with sqlite_db.session() as s:
        build(s, tmp_path)
    with sqlite_db.session() as s:
        first = run_draw(s, Actor.system(), LAST_MONDAY)
    with sqlite_db.session() as s, pytest.raises(DrawExists) as err:
        run_draw(s, Actor.system(), LAST_MONDAY)
    assert err.value.draw_id == first.draw_id
    with sqlite_db.session() as s, pytest.raises(ValueError, match="has not ended"):
        run_draw(s, Actor.system(), parse_week("2026-W47"))


def test_reviewed_and_already_sampled_interactions_are_not_eligible(sqlite_db, frozen_clock, tmp_path):
    with sqlite_db.session() as s:
        qa = build(s, tmp_path, per_agent=(6,))
        agent = qa.agents[0]
        done = qa.calls[agent][0]
        s.add(QaReview(interaction_id=done, agent_id=agent, dialogue_score=7, reviewed_at=frozen_clock.at))
    with sqlite_db.session() as s:
        out = run_draw(s, Actor.system(), LAST_MONDAY, seed="e")
    assert out.population == 5
    with sqlite_db.session() as s:
        assert done not in set(s.scalars(select(QaSample.interaction_id)))


def test_replacing_a_sample_needs_a_reason_and_is_audited_R_QA_1(sqlite_db, frozen_clock, tmp_path):
    with sqlite_db.session() as s:
        build(s, tmp_path, per_agent=(8,))
    with sqlite_db.session() as s:
        run_draw(s, Actor.system(), LAST_MONDAY, seed="r")
    with sqlite_db.session() as s:
        sample = s.scalars(select(QaSample).order_by(QaSample.id)).first()
        sid, version, iid = sample.id, sample.version, sample.interaction_id
    with sqlite_db.session() as s, pytest.raises(ValueError, match="Say why"):
        replace_sample(s, Actor.system(), sid, "  ", version)
    with sqlite_db.session() as s, pytest.raises(PermissionDenied):
        replace_sample(s, Actor("a", "agent"), sid, "silent", version)
    with sqlite_db.session() as s:
        rep = replace_sample(s, Actor("lead", "supervisor"), sid, "Recording is silent", version)
    assert rep.new_sample_id is not None and rep.interaction_id != iid
    with sqlite_db.session() as s:
        old = s.get(QaSample, sid)
        assert old.status == "replaced" and old.replaced_by_id == rep.new_sample_id
        assert old.replace_reason == "Recording is silent"
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "replace")).one()
        assert entry.actor == "lead" and entry.after["reason"] == "Recording is silent"
        # the replay still checks the original draw and counts the replacement
        again = replay_draw(s, old.draw_id)
    assert again.identical and again.replacements == 1


def test_an_agent_may_not_draw(sqlite_db, frozen_clock, tmp_path):
    with sqlite_db.session() as s:
        build(s, tmp_path)
    with sqlite_db.session() as s, pytest.raises(PermissionDenied):
        run_draw(s, Actor("x", "agent"), LAST_MONDAY)


@pytest.mark.parametrize(("rules", "message"), [
    (DrawRules(quota=0), "at least 1"),
    (DrawRules(strata=(Stratum("a", 1), Stratum("a", 1))), "same name"),
    (DrawRules(strata=(Stratum("any", 1),)), "reserved"),
    (DrawRules(strata=(Stratum("a", 1, fallback=("b",)),)), "unknown fallback pool 'b'"),
    (DrawRules(quota=2, strata=(Stratum("a", 2), Stratum("b", 1))), "more than the quota"),
])
def test_bad_draw_rules_are_refused_with_the_reason(rules, message):
    with pytest.raises(ValueError, match=message):
        rules.validate()


def test_rules_round_trip_through_json_and_the_setting(sqlite_db, frozen_clock, tmp_path):
    from app.quality.draw import draw_rules, save_draw_rules

    custom = DrawRules(quota=5, min_duration_sec=60, strata=(Stratum("vip", 2, queue_ids=(2,)),))
    assert DrawRules.from_json(custom.to_json()) == custom
    with sqlite_db.session() as s:
        qa = build(s, tmp_path)
        with pytest.raises(PermissionDenied):
            save_draw_rules(s, qa.supervisor(0), custom)
        save_draw_rules(s, Actor("admin", "administrator"), custom, extra_reviewers=(qa.analyst,))
    with sqlite_db.session() as s:
        rules, extra = draw_rules(s)
    assert rules.min_duration_sec == 60 and rules.strata == custom.strata and extra == (qa.analyst,)
    with sqlite_db.session() as s:  # the analyst now shares every team's work
        out = run_draw(s, Actor.system(), LAST_MONDAY, seed="x")
        reviewers = set(s.scalars(select(QaSample.reviewer_id)))
    assert qa.analyst in reviewers and out.samples == 13


def test_an_agent_hired_after_the_sampled_week_is_not_under_its_quota_R_QA_1(sqlite_db, frozen_clock, tmp_path):
    from datetime import date

    from app.quality.weekly import weekly_qa_status

    with sqlite_db.session() as s:
        qa = build(s, tmp_path)
        center = s.get(Center, s.get(Person, qa.agents[0]).center_id)
        newcomer = f.person(s, center, f.team(s, center), name="New Hire")
        newcomer.hire_date = date(2026, 11, 17)  # this week
    with sqlite_db.session() as s:
        out = run_draw(s, Actor.system(), LAST_MONDAY, seed="n")
        listed = {a.agent_id for a in weekly_qa_status(s, Actor.system()).agents}
    assert newcomer.id not in {x.agent_id for x in out.shortfalls}
    assert newcomer.id not in listed and qa.agents[3] in listed


def test_two_desks_drawing_the_same_week_make_one_draw(any_db, frozen_clock, tmp_path):
    """Both read "not drawn yet", both draw; the database keeps one and the other is told."""
    from app.quality import draw as draw_module

    with any_db.session() as s:
        build(s, tmp_path)
    real = draw_module.select_picks
    raced: list[int] = []

    def select_while_another_desk_draws(*args, **kwargs):
        if not raced:
            raced.append(1)
            with any_db.session() as other:
                raced.append(run_draw(other, Actor("desk2", "supervisor"), LAST_MONDAY, seed="other").draw_id)
        return real(*args, **kwargs)

    draw_module.select_picks = select_while_another_desk_draws
    try:
        with any_db.session() as s, pytest.raises(DrawExists) as err:
            run_draw(s, Actor.system(), LAST_MONDAY, seed="mine")
    finally:
        draw_module.select_picks = real
    assert err.value.draw_id == raced[1]
    with any_db.session() as s:
        assert [d.seed for d in s.scalars(select(QaDraw))] == ["other"]
