"""Demo quality assurance, made with the real QA code: the scorecard, one draw per past week by the
draw algorithm (``app/quality/sampling.py``, replayable with ``floorwalker qa replay``), supervisor
reviews scored with the scorecard (R-QA-2, R-QA-3), a closed and an open calibration session, and
two disputes (one decided, one waiting for another supervisor).

The draws are computed from the generated traffic in memory with the same eligibility as
``app/quality/draw.py`` (recorded, at least the minimum length, not reviewed or sampled before),
the same stored rules, population and hashes, so ``qa replay`` reproduces them from the database.
The demo writes WAV files for the latest week's sample after the database, so its draws record
``check_files: false``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import numpy as np

from app.demo import texts
from app.demo.staff import QUEUES, Organisation
from app.demo.timeline import Timeline, to_datetime
from app.quality.sampling import ALGORITHM_VERSION, DrawRules, Population, assign_reviewers, select
from app.quality.scorecards import DEFAULT_SECTIONS, Question, score
from db.models import QaCalibration, QaCalibrationScore, QaDispute, QaDisputeEvent

SCORECARD_NAME = "Service quality scorecard"
REPLACE_REASONS = ("Recording is silent after the first minute", "Internal test call, not a customer contact")
DISPUTE_REASONS = ("The agent says the survey invitation was given at the end of the call.",
                   "The agent says the customer had already been verified by the IVR.")


@dataclass
class Quality:
    scorecards: list[dict]
    draws: list[dict]
    samples: list[dict]
    replacements: list[tuple[int, int]]  # (sample id, replaced by sample id)
    reviews: list[dict]
    sampled_interactions: list[int]  # interaction ids, newest weeks first
    # further QA tables in writing order: calibrations, their scores, disputes, dispute events
    extra: list[tuple[Any, list[dict]]] = field(default_factory=list)


def _answer(rnd: random.Random, q: Question, mu: float) -> Any:
    if q.allow_na and rnd.random() < 0.2:
        return "na"
    quality = float(np.clip(rnd.gauss(mu, 1.1), 1, 10))
    if q.kind == "yes_no":
        return "yes" if rnd.random() < 0.55 + 0.045 * quality else "no"
    if q.kind == "points":
        return int(round((quality - 1) / 9 * q.max_points))
    return int(round(quality))


def _answers(rnd: random.Random, mu: float, violation: bool) -> dict[str, Any]:
    answers = {q.key: _answer(rnd, q, mu) for s in DEFAULT_SECTIONS for q in s.questions}
    critical = [q for s in DEFAULT_SECTIONS for q in s.questions if q.critical]
    for q in critical:  # only the chosen reviews carry a violation
        if q.kind == "yes_no" and answers[q.key] == "no" and not violation:
            answers[q.key] = "yes"
        if q.kind == "scale" and isinstance(answers[q.key], int) and answers[q.key] <= q.fail_at and not violation:
            answers[q.key] = q.fail_at + 1
    if violation:
        q = critical[int(rnd.random() * len(critical))]
        answers[q.key] = "no" if q.kind == "yes_no" else 2
    return answers


def build_quality(rnd: random.Random, tl: Timeline, org: Organisation, traffic: Any, quota: int,
                  next_ids: dict[str, int]) -> Quality:
    ag = org.agents
    created_card = tl.local_epoch(tl.first_day, 8 * 60)
    scorecards = [{"id": 1, "name": SCORECARD_NAME, "revision": 1, "active": True, "version": 1,
                   "criteria": {"sections": [s.to_json() for s in DEFAULT_SECTIONS]},
                   "created_at": to_datetime(created_card), "created_by": "demo"}]
    analyst = org.staff["quality_analyst"]
    rules = DrawRules(quota=quota, check_files=False)
    week_of = traffic.day // 7
    channels = np.array([q.channel for q in QUEUES], dtype=object)
    long_enough = np.asarray(traffic.talk) >= rules.min_duration_sec
    # a chat's "recording" is its transcript (app/demo/transcripts.py writes one for every answered chat)
    chats = np.array([q.channel == "chat" for q in QUEUES], dtype=bool)[traffic.queue]
    answered = ~np.isnan(np.asarray(traffic.answered, dtype=float))
    eligible_all = (np.asarray(traffic.recorded) & long_enough) | (chats & answered)
    team_ids = [int(t["id"]) for t in org.teams]
    pools = {team_ids[k]: [org.supervisors[k], analyst] for k in range(len(team_ids))}
    agent_teams = {int(ag.ids[a]): team_ids[int(ag.team[a])] for a in range(ag.n)}
    draws: list[dict] = []
    samples: list[dict] = []
    replacements: list[tuple[int, int]] = []
    reviews: list[dict] = []
    sampled: list[int] = []
    complete_weeks = [w for w in range(tl.weeks) if tl.first_day + timedelta(days=7 * w + 7) <= tl.current_week_start]
    for w in complete_weeks:
        week_start = tl.first_day + timedelta(days=7 * w)
        week_end = week_start + timedelta(days=6)
        idx = np.flatnonzero(eligible_all & (week_of == w))
        used = tuple(sorted(set(channels[traffic.queue[idx]].tolist())))
        code = np.array([used.index(c) if c in used else -1 for c in channels], dtype=np.int64)
        pop = Population.from_arrays((idx + 1).astype(np.int64), ag.ids[traffic.agent[idx]].astype(np.int64),
                                     (traffic.queue[idx] + 1).astype(np.int64), code[traffic.queue[idx]], used)
        in_pop = set(np.unique(pop.agents).tolist())
        agents = sorted({int(ag.ids[a]) for a in range(ag.n) if ag.hire[a] <= week_end} | in_pop)
        seed = f"{rnd.getrandbits(128):032x}"
        selection = assign_reviewers(select(pop, seed, rules, agents), agent_teams, pools)
        created = min(tl.local_epoch(week_start + timedelta(days=7), 6 * 60), tl.cutoff - 60)
        draw_id = len(draws) + 1
        latest_week = w == complete_weeks[-1]
        shortfalls = [{"agent_id": agent, "available": available, "quota": quota,
                       "reason": ("handled no interactions that week (leave, training or new hire)" if available == 0
                                  else f"only {available} eligible recorded interactions of at least "
                                       f"{rules.min_duration_sec:g} s")}
                      for agent, available in selection.available.items()]
        draws.append({
            "id": draw_id, "center_id": 1, "week_start": week_start, "seed": seed, "population": pop.ids.tolist(),
            "population_hash": pop.hash(),
            "rules": {**rules.to_json(), "agents": agents,
                      "agent_teams": {str(a): agent_teams.get(a) for a in agents},
                      "reviewer_pools": {str(t): p for t, p in pools.items()},
                      "week": f"{week_start.isocalendar()[0]}-W{week_start.isocalendar()[1]:02d}",
                      "seed_source": "random"},
            "algorithm_version": ALGORITHM_VERSION, "created_at": to_datetime(created), "created_by": "system",
            "shortfalls": shortfalls, "excluded": [], "result_hash": selection.result_hash(),
        })
        picked = {p.interaction_id for p in selection.picks}
        spare_by_agent: dict[int, list[int]] = {}
        for iid, agent in zip(pop.ids.tolist(), pop.agents.tolist(), strict=True):
            if iid not in picked:
                spare_by_agent.setdefault(agent, []).append(iid)
        a_index = {int(ag.ids[a]): a for a in range(ag.n)}
        for p in selection.picks:
            sid = next_ids["qa_samples"] = next_ids["qa_samples"] + 1
            sample = {"id": sid, "draw_id": draw_id, "interaction_id": p.interaction_id, "agent_id": p.agent_id,
                      "reviewer_id": p.reviewer_id, "stratum": p.stratum[:64], "status": "pending",
                      "replaced_by_id": None, "replace_reason": None, "origin": "draw", "rank": p.rank,
                      "version": 1}
            samples.append(sample)
            sampled.append(p.interaction_id)
            spare = spare_by_agent.get(p.agent_id, [])
            if spare and rnd.random() < 0.01:  # a sample unfit for review is replaced, with the reason
                j = spare.pop(0)
                sample["status"] = "replaced"
                sample["replace_reason"] = rnd.choice(REPLACE_REASONS)
                new_id = next_ids["qa_samples"] = next_ids["qa_samples"] + 1
                samples.append({**sample, "id": new_id, "interaction_id": j, "status": "pending",
                                "replace_reason": None, "origin": "replacement"})
                replacements.append((sid, new_id))
                sample = samples[-1]
                sampled.append(j)
            review_share = 0.45 if latest_week else 0.97
            reviewed_at = created + rnd.uniform(0.3, 6.0) * 86400
            if rnd.random() < review_share and reviewed_at < tl.cutoff:
                sample["status"] = "reviewed"
                reviews.append(_review(rnd, float(ag.dialogue_mu[a_index[p.agent_id]]), sample, reviewed_at,
                                       next_ids))
    sampled_order = _newest_weeks_first(sampled, samples)
    extra = _calibration_and_disputes(rnd, tl, org, reviews, samples, draws, analyst)
    return Quality(scorecards=scorecards, draws=draws, samples=samples, replacements=replacements,
                   reviews=reviews, sampled_interactions=sampled_order, extra=extra)


def _newest_weeks_first(sampled: list[int], samples: list[dict]) -> list[int]:
    week_of = {s["interaction_id"]: s["draw_id"] for s in samples}
    return sorted(sampled, key=lambda iid: -week_of[iid])


def _review(rnd: random.Random, mu: float, sample: dict, at: float, next_ids: dict[str, int]) -> dict:
    violation = rnd.random() < 0.03
    answers = _answers(rnd, mu, violation)
    result = score(DEFAULT_SECTIONS, answers)
    dialogue = int(np.clip(round(rnd.gauss(mu, 0.9) - 2.5 * bool(result.violations)), 1, 10))
    next_ids["qa_reviews"] += 1
    return {
        "id": next_ids["qa_reviews"], "sample_id": sample["id"], "interaction_id": sample["interaction_id"],
        "agent_id": sample["agent_id"], "reviewer_id": sample["reviewer_id"], "scorecard_id": 1,
        "dialogue_score": dialogue, "answers": answers, "violations": len(result.violations),
        "score_pct": result.score_pct,
        "violation_notes": rnd.choice(texts.VIOLATION_NOTES) if result.violations else None,
        "comment": rnd.choice(texts.QA_COMMENTS) if rnd.random() < 0.4 else None,
        "coaching": "Summarise the next steps before closing." if rnd.random() < 0.2 else None,
        "reviewed_at": to_datetime(at), "status": "final", "version": 1,
    }


def _calibration_and_disputes(rnd: random.Random, tl: Timeline, org: Organisation, reviews: list[dict],
                              samples: list[dict], draws: list[dict], analyst: int) -> list[tuple[Any, list[dict]]]:
    if not draws or len(org.supervisors) < 2:
        return []
    latest = draws[-1]["id"]
    recent = [s for s in samples if s["draw_id"] == latest and s["status"] != "replaced"]
    if len(recent) < 2:
        return []
    now = tl.cutoff
    reviewers = [org.supervisors[0], org.supervisors[1], analyst]
    calibrations, cal_scores = [], []
    for k, (status, sample) in enumerate((("closed", recent[0]), ("open", recent[1]))):
        cid = k + 1
        opened = now - (3 - k) * 86400
        calibrations.append({"id": cid, "interaction_id": sample["interaction_id"], "scorecard_id": 1,
                             "title": ("Monthly calibration" if status == "closed"
                                       else "Calibration: second opinion on a recent call"),
                             "status": status, "reviewer_ids": reviewers, "created_at": to_datetime(opened),
                             "created_by": "demo", "closed_at": to_datetime(opened + 86400) if status == "closed"
                             else None, "version": 1})
        scorers = reviewers if status == "closed" else reviewers[1:]  # the open one waits for the first supervisor
        for n, person in enumerate(scorers):
            answers = _answers(rnd, 7.5 - 1.5 * (person == analyst), False)
            result = score(DEFAULT_SECTIONS, answers)
            cal_scores.append({"id": len(cal_scores) + 1, "calibration_id": cid, "reviewer_id": person,
                               "answers": answers, "dialogue_score": int(np.clip(round(rnd.gauss(7.5, 1.0)), 1, 10)),
                               "score_pct": result.score_pct, "violations": len(result.violations),
                               "submitted_at": to_datetime(opened + 3600 * (n + 1))})
    disputes, events = [], []
    final = [r for r in reviews if r["status"] == "final" and r["answers"].get("farewell") == "no"]
    team_sup = {int(org.agents.ids[a]): org.supervisors[int(org.agents.team[a])] for a in range(org.agents.n)}
    for k, review in enumerate(final[-2:]):
        did = k + 1
        raised_at = to_datetime(review["reviewed_at"].timestamp() + 3600)
        raiser = team_sup[review["agent_id"]]  # the agent's supervisor enters it on the agent's behalf
        decided = k == 0
        # decided by someone other than the reviewer and the one who entered it
        decider = next((p for p in (org.staff.get("manager"), analyst, *org.supervisors)
                        if p is not None and p not in (review["reviewer_id"], raiser)), None) if decided else None
        proposed = "yes"
        base = {"id": did, "review_id": review["id"], "question_key": "farewell", "reason": DISPUTE_REASONS[k],
                "current_value": "no", "proposed_value": proposed, "raised_by_id": raiser,
                "raised_by": org.usernames.get(raiser, "demo"), "raised_at": raised_at,
                "deadline": to_datetime(now + 4 * 86400), "version": 1}
        if decided:
            base.update(status="accepted", decided_by_id=decider,
                        decided_by=org.usernames.get(decider or 0, "demo"), decided_at=to_datetime(now - 3600),
                        decision_reason="The invitation is audible at the end of the recording.",
                        decided_value=proposed)
            review["answers"] = {**review["answers"], "farewell": "yes"}
            rescored = score(DEFAULT_SECTIONS, review["answers"])
            before = {"score_pct": review["score_pct"], "dialogue_score": review["dialogue_score"],
                      "violations": review["violations"]}
            review["score_pct"], review["violations"] = rescored.score_pct, len(rescored.violations)
        else:
            base.update(status="open", decided_by_id=None, decided_by=None, decided_at=None, decision_reason=None,
                        decided_value=None)
            review["status"] = "disputed"
        disputes.append(base)
        events.append({"id": len(events) + 1, "dispute_id": did, "at": raised_at, "actor": base["raised_by"],
                       "action": "raised", "details": {"question": "farewell", "reason": base["reason"],
                                                       "current": "no", "proposed": proposed}})
        if decided:
            events.append({"id": len(events) + 1, "dispute_id": did, "at": base["decided_at"],
                           "actor": base["decided_by"], "action": "decided",
                           "details": {"decision": "accepted", "reason": base["decision_reason"], "value": proposed,
                                       "review_before": before,
                                       "review_after": {"score_pct": review["score_pct"],
                                                        "dialogue_score": review["dialogue_score"],
                                                        "violations": review["violations"]}}})
    return [(QaCalibration.__table__, calibrations), (QaCalibrationScore.__table__, cal_scores),
            (QaDispute.__table__, disputes), (QaDisputeEvent.__table__, events)]
