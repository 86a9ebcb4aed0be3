"""The weekly QA draw as a service: eligibility, the stored draw, replay, replacement and the job.

Eligible (for the draw of the center-local Monday-to-Sunday week ``week_start``): an interaction
of that week with an agent, a recording (``recording_ref``) whose length (``recording_sec``, else
the talk time) is at least the rules' minimum — or, for a chat, e-mail or social conversation, a
stored transcript (its "recording", issue 11) —, not reviewed yet (no non-draft review), never
sampled before, and whose recording is not known to be broken (``qa_recording_checks``). With
``check_files`` the files of the picks are looked at while drawing; a missing, empty or
undecodable one is excluded (listed in the draw with its reason) and the agent's selection is
recomputed without it, until every pick is playable.

Stored per draw: the population (eligible ids after exclusions) and its hash over ids, agents,
queues and channels; the seed; the rules (strata, quota, reviewer pools, the agents counted);
the algorithm version; the exclusions; the shortfalls with reasons; the hash of the selection.
:func:`replay_draw` recomputes the selection from those and the interactions' stored agent,
queue and channel, and says whether it matches, item by item.
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import BigInteger, String, and_, case, cast, exists, false, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.admin.rules import rule_value
from app.changes import Changes, record
from app.i18n import N_, Message
from app.quality import recordings as rec
from app.quality.interactions import center_zone, local_day_start
from app.quality.sampling import (
    ALGORITHM_VERSION,
    DrawRules,
    Pick,
    Population,
    assign_reviewers,
    select_for_agent,
)
from app.quality.sampling import (
    select as select_picks,
)
from app.security.permissions import require
from db.models import (
    AutoQaResult,
    AutoQaRuleset,
    Center,
    Interaction,
    Person,
    QaDraw,
    QaRecordingCheck,
    QaReview,
    QaSample,
    Setting,
    Team,
    TranscriptMessage,
)
from db.models.org import CHANNELS

RULES_SETTING = "qa.draw_rules"  # JSON: DrawRules fields, plus "extra_reviewers": [person ids]


class DrawExists(ValueError):
    def __init__(self, week_start: date, draw_id: int) -> None:
        super().__init__(f"The week of {week_start.isoformat()} was already drawn (draw {draw_id}); "
                         f"replay it with `floorwalker qa replay {draw_id}`.")
        self.draw_id = draw_id


@dataclass(frozen=True)
class Shortfall:
    agent_id: int
    agent: str
    available: int
    quota: int
    reason: str


@dataclass(frozen=True)
class Exclusion:
    interaction_id: int
    status: str
    detail: str


@dataclass(frozen=True)
class DrawOutcome:
    draw_id: int
    week_start: date
    seed: str
    population: int
    population_hash: str
    result_hash: str
    agents: int
    samples: int
    shortfalls: tuple[Shortfall, ...]
    excluded: tuple[Exclusion, ...]
    unassigned: int  # picks with no reviewer (agent without a team or team without supervisor)
    seconds: float
    changes: Changes = Changes.NONE


@dataclass(frozen=True)
class ReplayDifference:
    interaction_id: int
    agent_id: int
    stored: str | None  # "stratum/rank/reviewer" as stored, None: not stored
    replayed: str | None


@dataclass(frozen=True)
class ReplayResult:
    draw_id: int
    week_start: date
    algorithm_version: str
    population: int
    population_hash_stored: str
    population_hash_now: str
    samples: int
    differences: tuple[ReplayDifference, ...] = ()
    shortfalls_match: bool = True
    replacements: int = 0
    seconds: float = 0.0
    problem: str | None = None  # why the replay could not run at all

    @property
    def population_matches(self) -> bool:
        return self.population_hash_stored == self.population_hash_now

    @property
    def identical(self) -> bool:
        return (self.problem is None and self.population_matches and not self.differences
                and self.shortfalls_match)


# --- week arithmetic ----------------------------------------------------------------------------------
def parse_week(text: str) -> date:
    """``2026-W47`` (ISO week) or a date inside the week -> that week's Monday."""
    text = text.strip()
    try:
        if "W" in text.upper():
            year, week = text.upper().split("-W")
            return date.fromisocalendar(int(year), int(week), 1)
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(Message(N_("'{text}' is not a week: write it like 2026-W47 or 2026-11-16."), text=text)) from None
    return day - timedelta(days=day.weekday())


def week_label(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def previous_week(today: date) -> date:
    return today - timedelta(days=today.weekday() + 7)


# --- rules ---------------------------------------------------------------------------------------------
def draw_rules(session: Session) -> tuple[DrawRules, tuple[int, ...]]:
    """The configured rules (setting ``qa.draw_rules``) with the quota from R-QA-1, and extra reviewers."""
    row = session.get(Setting, RULES_SETTING)
    data: dict[str, Any] = dict(row.value) if row is not None and isinstance(row.value, dict) else {}
    data["quota"] = int(float(rule_value(session, "R-QA-1")))  # type: ignore[arg-type]
    rules = DrawRules.from_json(data)
    rules.validate()
    return rules, tuple(int(p) for p in data.get("extra_reviewers", ()))


def save_draw_rules(session: Session, actor: Actor, rules: DrawRules, extra_reviewers: tuple[int, ...] = ()
                    ) -> Changes:
    require(actor, "rules.edit")
    rules.validate()
    value = {k: v for k, v in rules.to_json().items() if k != "quota"}
    value["extra_reviewers"] = list(extra_reviewers)
    row = session.get(Setting, RULES_SETTING)
    before = row.value if row is not None else None
    if row is None:
        session.add(Setting(key=RULES_SETTING, value=value, unit="json", updated_at=clock.now(),
                            updated_by=actor.username))
    else:
        row.value, row.updated_at, row.updated_by = value, clock.now(), actor.username
    session.flush()
    audit.record(session, actor, "update", "qa_draw_rules", RULES_SETTING,
                 before={"value": before}, after={"value": value})
    return record(session, Changes.SETTINGS | Changes.AUDIT)


# --- drawing ------------------------------------------------------------------------------------------
def _week_range(session: Session, week_start: date) -> tuple[datetime, datetime]:
    tz = center_zone(session)
    return local_day_start(week_start, tz), local_day_start(week_start + timedelta(days=7), tz)


# Fetching hundreds of thousands of rows as Python tuples costs more than the draw itself, so the
# rows come back as ONE string: "id,packed,id,packed,..." (SQLite group_concat, PostgreSQL
# string_agg), parsed by numpy in C. packed = (agent_id * 65536 + queue_id) * 16 + channel code
# (the position in CHANNELS, or 15 for a channel outside it, read as "other").
_CHANNEL_OTHER = 15
TRANSCRIPT_CHANNELS = ("chat", "email", "social")
_PACK_QUEUE = 65536


def _packed_column() -> Any:
    code = case(*[(Interaction.channel == name, k) for k, name in enumerate(CHANNELS)], else_=_CHANNEL_OTHER)
    return (cast(Interaction.agent_id, BigInteger) * _PACK_QUEUE + Interaction.queue_id) * 16 + code


def _fetch_population(session: Session, *where: Any) -> Population:
    """(id, agent, queue, channel) of the interactions matching ``where``, as a Population."""
    row = cast(Interaction.id, String) + "," + cast(_packed_column(), String)
    if session.get_bind().dialect.name == "postgresql":
        aggregate = func.string_agg(row, ",")
    else:
        aggregate = func.group_concat(row, ",")
    text = session.scalar(select(aggregate).where(Interaction.agent_id.is_not(None), *where))
    if not text:
        return Population.from_rows([])
    flat = np.fromstring(text, dtype=np.int64, sep=",")
    if flat.size % 2 or np.any(flat[1::2] < 0):
        raise ValueError(N_("The interactions could not be read for the draw (a queue id above 65535?)."))
    ids, packed = flat[0::2], flat[1::2]
    codes = packed % 16
    queues = (packed // 16) % _PACK_QUEUE
    agents = packed // 16 // _PACK_QUEUE
    names_all = (*CHANNELS, *("other" for _ in range(_CHANNEL_OTHER - len(CHANNELS) + 1)))
    used = sorted({names_all[c] for c in np.unique(codes).tolist()})
    remap = np.array([used.index(n) if n in used else -1 for n in names_all], dtype=np.int64)
    return Population.from_arrays(ids, agents, queues, remap[codes], tuple(used))


def _eligible_population(session: Session, start: datetime, end: datetime, rules: DrawRules) -> Population:
    """The eligible interactions of [start, end) (see the module docstring)."""
    length = func.coalesce(Interaction.recording_sec, Interaction.talk_sec)
    in_week = (Interaction.offered_at >= start, Interaction.offered_at < end)
    recorded = and_(Interaction.recording_ref.is_not(None), Interaction.recording_ref != "",
                    length >= rules.min_duration_sec)
    # a chat's, e-mail's or social conversation's "recording" is its transcript (issue 11)
    transcript = and_(Interaction.channel.in_(TRANSCRIPT_CHANNELS),
                      exists().where(TranscriptMessage.interaction_id == Interaction.id))
    pop = _fetch_population(session, *in_week, or_(recorded, transcript))
    if not len(pop):
        return pop
    # the few interactions of the week already reviewed, sampled or with a broken recording: read from
    # those small tables by their interaction_id index over the population's id range
    lo, hi = int(pop.ids.min()), int(pop.ids.max())
    taken: set[int] = set()
    for column, *extra in ((QaReview.interaction_id, QaReview.status != "draft"), (QaSample.interaction_id,),
                           (QaRecordingCheck.interaction_id, QaRecordingCheck.status != rec.OK)):
        taken.update(session.scalars(select(column).where(column >= lo, column <= hi, *extra)))
    return pop.without(sorted(taken)) if taken else pop


def _flagged(session: Session, pop: Population) -> frozenset[int]:
    """The population's conversations with a failed automatic check under the current rule set."""
    if not len(pop):
        return frozenset()
    version = session.scalar(select(func.max(AutoQaRuleset.version)))
    if version is None:
        return frozenset()
    lo, hi = int(pop.ids.min()), int(pop.ids.max())
    failed = set(session.scalars(select(AutoQaResult.interaction_id).where(
        AutoQaResult.ruleset_version == version, AutoQaResult.passed.is_(False),
        AutoQaResult.interaction_id >= lo, AutoQaResult.interaction_id <= hi).distinct()))
    return frozenset(int(i) for i in pop.ids.tolist() if i in failed)


def _agents_and_teams(session: Session, week_start: date, in_population: set[int]
                      ) -> tuple[list[int], dict[int, int | None], dict[int, str]]:
    week_end = week_start + timedelta(days=6)
    rows = session.execute(
        select(Person.id, Person.team_id, Person.full_name)
        .where(or_(and_(Person.job_title == "agent", Person.active.is_(True), Person.hire_date <= week_end),
                   Person.id.in_(sorted(in_population) or [-1])))).all()
    agents = sorted(r[0] for r in rows)
    return agents, {r[0]: r[1] for r in rows}, {r[0]: r[2] for r in rows}


def _reviewer_pools(session: Session, extra: tuple[int, ...]) -> dict[int, list[int]]:
    pools: dict[int, list[int]] = {}
    for team_id, supervisor in session.execute(select(Team.id, Team.supervisor_id).order_by(Team.id)):
        pool = [supervisor] if supervisor is not None else []
        pools[team_id] = pool + [p for p in extra if p not in pool]
    return pools


def _check_picks(session: Session, pop: Population, seed: str, rules: DrawRules,
                 ) -> tuple[Population, list[Exclusion], list[tuple[int, rec.FileCheck]]]:
    """Look at the files of the picks; drop broken ones and re-pick those agents until every pick plays.

    Agents are drawn independently (the keys depend on the seed and the id only), so after the
    first pass only the agents who lost a pick are drawn again, from their own interactions.
    """
    root = rec.recordings_root(session)
    excluded: list[Exclusion] = []
    checked: list[tuple[int, rec.FileCheck]] = []
    seen: set[int] = set()

    def check(picks: tuple[Pick, ...]) -> list[int]:
        todo = [p.interaction_id for p in picks if p.interaction_id not in seen]
        refs: dict[int, str | None] = {}
        for start in range(0, len(todo), 500):
            refs.update(session.execute(select(Interaction.id, Interaction.recording_ref)
                                        .where(Interaction.id.in_(todo[start:start + 500]))).all())
        bad = []
        for iid in todo:
            seen.add(iid)
            if not refs.get(iid):
                continue  # eligible by its transcript: there is no file to check
            result = rec.check_file(rec.resolve(root, refs.get(iid) or ""))
            checked.append((iid, result))
            if not result.ok:
                bad.append(iid)
                excluded.append(Exclusion(iid, result.status, result.detail or result.status))
        return bad

    current = pop
    bad = check(select_picks(current, seed, rules).picks)
    while bad:
        affected = set(current.agents[np.isin(current.ids, bad)].tolist())
        current = current.without(bad)
        bad = []
        for agent in sorted(affected):
            mine = current.agents == agent
            own = Population(current.ids[mine], current.agents[mine], current.queues[mine], current.channels[mine],
                             current.channel_names)
            bad += check(select_picks(own, seed, rules).picks)
    return current, excluded, checked


def _shortfall_reason(session: Session, agent_id: int, start: datetime, end: datetime, rules: DrawRules,
                      available: int, broken_files: int) -> str:
    length = func.coalesce(Interaction.recording_sec, Interaction.talk_sec)
    recorded = and_(Interaction.recording_ref.is_not(None), Interaction.recording_ref != "")
    handled, with_recording, long_enough = session.execute(
        select(func.count(), func.sum(case((recorded, 1), else_=0)),
               func.sum(case((and_(recorded, length >= rules.min_duration_sec), 1), else_=0)))
        .where(Interaction.agent_id == agent_id, Interaction.offered_at >= start, Interaction.offered_at < end)
    ).one()
    handled, with_recording, long_enough = int(handled or 0), int(with_recording or 0), int(long_enough or 0)
    if handled == 0:
        return N_("handled no interactions that week (leave, training or new hire)")
    if with_recording == 0:
        return f"handled {handled} interactions, none recorded"
    if long_enough < rules.quota:
        return (f"only {long_enough} of {with_recording} recorded interactions last at least "
                f"{rules.min_duration_sec:g} s")
    parts = [f"only {available} eligible of {long_enough} recorded interactions long enough"]
    if broken_files:
        parts.append(f"{broken_files} recordings missing, empty or undecodable")
    evaluated = long_enough - available - broken_files
    if evaluated > 0:
        parts.append(f"{evaluated} already evaluated or sampled")
    return "; ".join(parts)


def run_draw(session: Session, actor: Actor, week_start: date, *, seed: str | None = None,
             rules: DrawRules | None = None, extra_reviewers: tuple[int, ...] | None = None) -> DrawOutcome:
    """Draw the week starting ``week_start`` (a Monday, center-local) and store it with its samples.

    Raises DrawExists when that week has a draw already, ValueError for a bad week or rules,
    PermissionDenied for a role that may not draw.
    """
    require(actor, "qa.draw")
    started = time.perf_counter()
    if week_start.weekday() != 0:
        raise ValueError(Message(N_("{value} is not a Monday."), value=week_start.isoformat()))
    today = clock.now().astimezone(center_zone(session)).date()
    if week_start + timedelta(days=7) > today:
        raise ValueError(Message(N_("The week of {value} ({value2}) has not ended yet."), value=week_start.isoformat(), value2=week_label(week_start)))
    existing = session.scalar(select(QaDraw.id).where(QaDraw.week_start == week_start).order_by(QaDraw.id))
    if existing is not None:
        raise DrawExists(week_start, existing)
    configured, configured_extra = draw_rules(session)
    rules = rules or configured
    rules.validate()
    extra = configured_extra if extra_reviewers is None else extra_reviewers
    # a seed given by a person is recorded as such: a fair draw uses the random one
    seed_source = "given" if seed else "random"
    seed = seed or secrets.token_hex(16)
    start, end = _week_range(session, week_start)
    pop = _eligible_population(session, start, end, rules)
    if any(s.autoqa_failed for s in rules.strata):
        rules = replace(rules, flagged=_flagged(session, pop))
    excluded: list[Exclusion] = []
    checks: list[tuple[int, rec.FileCheck]] = []
    if rules.check_files and len(pop):
        pop, excluded, checks = _check_picks(session, pop, seed, rules)
    agents, teams, names = _agents_and_teams(session, week_start, set(np.unique(pop.agents).tolist()))
    pools = _reviewer_pools(session, extra)
    selection = assign_reviewers(select_picks(pop, seed, rules, agents), teams, pools)
    broken_by_agent: dict[int, int] = {}
    if excluded:
        owner = dict(session.execute(select(Interaction.id, Interaction.agent_id).where(
            Interaction.id.in_([e.interaction_id for e in excluded]))).all())
        for e in excluded:
            broken_by_agent[owner[e.interaction_id]] = broken_by_agent.get(owner[e.interaction_id], 0) + 1
    shortfalls = tuple(
        Shortfall(agent, names.get(agent, f"#{agent}"), available, rules.quota,
                  _shortfall_reason(session, agent, start, end, rules, available, broken_by_agent.get(agent, 0)))
        for agent, available in selection.available.items())
    center_id = session.scalar(select(Center.id).order_by(Center.id))
    if center_id is None:
        raise ValueError(N_("There is no contact center in this database."))
    stored_rules = {**rules.to_json(), "agents": agents,
                    "agent_teams": {str(a): teams.get(a) for a in agents},
                    "reviewer_pools": {str(t): p for t, p in pools.items()},
                    "week": week_label(week_start), "seed_source": seed_source}
    result_hash = selection.result_hash()
    draw = QaDraw(center_id=center_id, week_start=week_start, seed=seed, population=pop.ids.tolist(),
                  population_hash=pop.hash(), rules=stored_rules, algorithm_version=ALGORITHM_VERSION,
                  created_at=clock.now(), created_by=actor.username,
                  shortfalls=[{"agent_id": s.agent_id, "available": s.available, "quota": s.quota,
                               "reason": s.reason} for s in shortfalls],
                  excluded=[{"interaction_id": e.interaction_id, "status": e.status, "detail": e.detail}
                            for e in excluded],
                  result_hash=result_hash)
    session.add(draw)
    try:
        session.flush()
    except IntegrityError:  # another desk drew this week a moment ago (one draw per week, by constraint)
        session.rollback()
        other = session.scalar(select(QaDraw.id).where(QaDraw.week_start == week_start)) or 0
        raise DrawExists(week_start, other) from None
    if checks:
        rec.store_checks(session, checks)
    if selection.picks:
        session.execute(QaSample.__table__.insert(), [
            {"draw_id": draw.id, "interaction_id": p.interaction_id, "agent_id": p.agent_id,
             "reviewer_id": p.reviewer_id, "stratum": p.stratum[:64], "status": "pending", "origin": "draw",
             "rank": p.rank, "version": 1} for p in selection.picks])
    _notify_reviewers(session, draw.id, week_start, selection.picks, len(shortfalls), rules)
    audit.record(session, actor, "draw", "qa_draw", draw.id, after={
        "week": week_label(week_start), "seed": seed, "seed_source": seed_source, "population": len(pop), "population_hash": draw.population_hash,
        "samples": len(selection.picks), "shortfalls": len(shortfalls), "excluded": len(excluded),
        "algorithm": ALGORITHM_VERSION, "result_hash": result_hash})
    changes = record(session, Changes.QA | Changes.AUDIT | Changes.NOTIFICATIONS)
    return DrawOutcome(
        draw_id=draw.id, week_start=week_start, seed=seed, population=len(pop), population_hash=draw.population_hash,
        result_hash=result_hash, agents=len(agents), samples=len(selection.picks), shortfalls=shortfalls,
        excluded=tuple(excluded), unassigned=sum(1 for p in selection.picks if p.reviewer_id is None),
        seconds=time.perf_counter() - started, changes=changes)


def _notify_reviewers(session: Session, draw_id: int, week_start: date, picks: tuple[Pick, ...], short: int,
                      rules: DrawRules) -> None:
    """Each reviewer hears how many items are theirs and by when; managers and analysts hear of shortfalls."""
    from app.notifications import Recipients, post

    label = week_label(week_start)
    due = (week_start + timedelta(days=6 + rules.review_days)).isoformat()  # the last day, center-local
    per_reviewer: dict[int, int] = {}
    for p in picks:
        if p.reviewer_id is not None:
            per_reviewer[p.reviewer_id] = per_reviewer.get(p.reviewer_id, 0) + 1
    for reviewer, count in sorted(per_reviewer.items()):
        post(session, kind="qa.draw", params={"week": label, "count": count, "due": due},
             recipients=Recipients(person_ids=(reviewer,)), entity=("qa_draw", draw_id),
             dedupe_key=f"qa.draw:{draw_id}:{reviewer}")
    if short:
        post(session, kind="qa.shortfall", params={"week": label, "agents": short, "quota": rules.quota},
             severity="warning", recipients=Recipients(roles=("manager", "quality_analyst")),
             entity=("qa_draw", draw_id), dedupe_key=f"qa.shortfall:{draw_id}")


# --- replay -------------------------------------------------------------------------------------------
def _population_of(session: Session, ids: list[int]) -> Population:
    """The stored population's interactions as they are now (read by id range, then the ids kept)."""
    if not ids:
        return Population.from_rows([])
    wanted = np.asarray(ids, dtype=np.int64)
    pop = _fetch_population(session, Interaction.id >= int(wanted.min()), Interaction.id <= int(wanted.max()))
    keep = np.isin(pop.ids, wanted)
    pop = Population(pop.ids[keep], pop.agents[keep], pop.queues[keep], pop.channels[keep], pop.channel_names)
    used = np.unique(pop.channels)
    if used.size != len(pop.channel_names):  # drop the channel names only the other rows had
        names = tuple(pop.channel_names[i] for i in used.tolist())
        remap = np.full(len(pop.channel_names), -1, dtype=np.int64)
        remap[used] = np.arange(used.size)
        pop = Population(pop.ids, pop.agents, pop.queues, remap[pop.channels], names)
    return pop


def _describe(p: Pick) -> str:
    return f"{p.stratum}/{p.rank}/{p.reviewer_id}"


def replay_draw(session: Session, draw_id: int) -> ReplayResult:
    """Recompute a stored draw from its population, seed and rules; compare with what was stored."""
    started = time.perf_counter()
    draw = session.get(QaDraw, draw_id)
    if draw is None:
        raise ValueError(Message(N_("There is no QA draw {draw_id}."), draw_id=draw_id))
    base = {"draw_id": draw.id, "week_start": draw.week_start, "algorithm_version": draw.algorithm_version,
            "population": len(draw.population or []), "population_hash_stored": draw.population_hash}
    if draw.algorithm_version != ALGORITHM_VERSION:
        return ReplayResult(**base, population_hash_now="", samples=0, problem=(
            f"draw {draw_id} was made by algorithm {draw.algorithm_version!r}; this Floorwalker replays "
            f"{ALGORITHM_VERSION!r} only"))
    data = dict(draw.rules or {})
    rules = DrawRules.from_json(data)
    pop = _population_of(session, [int(i) for i in draw.population or []])
    teams = {int(a): t for a, t in (data.get("agent_teams") or {}).items()}
    pools = {int(t): [int(p) for p in ps] for t, ps in (data.get("reviewer_pools") or {}).items()}
    replayed = assign_reviewers(select_picks(pop, draw.seed, rules, [int(a) for a in data.get("agents", [])]),
                                teams, pools)
    stored_rows = session.execute(
        select(QaSample.interaction_id, QaSample.agent_id, QaSample.stratum, QaSample.rank, QaSample.reviewer_id,
               QaSample.status).where(QaSample.draw_id == draw_id, QaSample.origin == "draw")).all()
    replacements = session.scalar(select(func.count()).select_from(QaSample).where(
        QaSample.draw_id == draw_id, QaSample.origin == "replacement")) or 0
    stored = {r[0]: Pick(r[0], r[1], r[2] or "", r[3] or 0, r[4]) for r in stored_rows}
    again = {p.interaction_id: p for p in replayed.picks}
    differences = []
    for iid in sorted(set(stored) | set(again)):
        a, b = stored.get(iid), again.get(iid)
        if a is None or b is None or _describe(a) != _describe(b) or a.agent_id != b.agent_id:
            differences.append(ReplayDifference(iid, (a or b).agent_id,  # type: ignore[union-attr]
                                                _describe(a) if a else None, _describe(b) if b else None))
    stored_short = {int(s["agent_id"]): int(s["available"]) for s in draw.shortfalls or []}
    return ReplayResult(**base, population_hash_now=pop.hash(), samples=len(stored),
                        differences=tuple(differences), shortfalls_match=stored_short == replayed.available,
                        replacements=int(replacements), seconds=time.perf_counter() - started)


# --- replacing a sampled interaction ----------------------------------------------------------------------
@dataclass(frozen=True)
class Replacement:
    old_sample_id: int
    new_sample_id: int | None  # None: nothing eligible was left for that agent
    interaction_id: int | None
    changes: Changes


def replace_sample(session: Session, actor: Actor, sample_id: int, reason: str, expected_version: int
                   ) -> Replacement:
    """Replace a sample unfit for review (reason required, audited): the agent's next eligible
    interaction of the same draw in rank order (same stratum first) takes its place."""
    require(actor, "qa.draw")
    reason = reason.strip()
    if not reason:
        raise ValueError(N_("Say why this interaction is replaced (for example: the recording is silent)."))
    sample = session.get(QaSample, sample_id, populate_existing=True)
    if sample is None:
        raise ValueError(Message(N_("There is no QA sample {sample_id}."), sample_id=sample_id))
    from db.errors import ConflictError

    if sample.version != expected_version:
        raise ConflictError(Message(N_("Another desk changed this sample (version {version}) after you opened it."), version=sample.version),
                            "qa_sample", sample_id, mine={"reason": reason}, theirs={"status": sample.status})
    if sample.status != "pending":
        raise ValueError(Message(N_("Sample {sample_id} is {status}; only a pending sample can be replaced."), sample_id=sample_id, status=sample.status))
    draw = session.get(QaDraw, sample.draw_id)
    assert draw is not None
    used = set(session.scalars(select(QaSample.interaction_id).where(QaSample.draw_id == draw.id)))
    rules = DrawRules.from_json(draw.rules or {})
    population = np.asarray(draw.population or [], dtype=np.int64)
    new_id: int | None = None
    new_iid: int | None = None
    pop = _fetch_population(session, Interaction.agent_id == sample.agent_id,
                            Interaction.id >= int(population.min()) if population.size else false(),
                            Interaction.id <= int(population.max()) if population.size else false())
    allowed = np.setdiff1d(population, np.fromiter(used, dtype=np.int64))  # the draw's population, unsampled
    pop = pop.without(np.setdiff1d(pop.ids, allowed))
    if len(pop):
        from app.quality.sampling import _strata_of, rank_keys

        order = np.lexsort((pop.ids, rank_keys(draw.seed, pop.ids)))
        strata = _strata_of(pop, rules)
        label = sample.stratum or ""
        base = label.split(" (from ")[0]
        names = [s.name for s in rules.strata]
        same = order[strata[order] == names.index(base)] if base in names else order[:0]
        chosen = same if same.size else order
        ranked = select_for_agent(chosen, strata, pop.queues,
                                  DrawRules(quota=int(chosen.size), min_duration_sec=rules.min_duration_sec,
                                            strata=(), spread_queues=rules.spread_queues))
        root = rec.recordings_root(session)
        for index, _label in ranked:  # the next in the draw's order whose recording plays
            iid = int(pop.ids[index])
            if rules.check_files:
                ref = session.scalar(select(Interaction.recording_ref).where(Interaction.id == iid)) or ""
                check = rec.check_file(rec.resolve(root, ref))
                rec.store_checks(session, [(iid, check)])
                if not check.ok:
                    continue
            new_iid = iid
            break
        if new_iid is not None:
            row = QaSample(draw_id=draw.id, interaction_id=new_iid, agent_id=sample.agent_id,
                           reviewer_id=sample.reviewer_id, stratum=sample.stratum, status="pending",
                           origin="replacement", rank=sample.rank)
            session.add(row)
            session.flush()
            new_id = row.id
    sample.status = "replaced"
    sample.replace_reason = reason
    sample.replaced_by_id = new_id
    session.flush()
    audit.record(session, actor, "replace", "qa_sample", sample_id,
                 before={"interaction_id": sample.interaction_id, "status": "pending"},
                 after={"reason": reason, "replaced_by_sample": new_id, "interaction_id": new_iid})
    return Replacement(sample_id, new_id, new_iid, record(session, Changes.QA | Changes.AUDIT))


def draw_summary_json(outcome: DrawOutcome) -> dict[str, Any]:
    return json.loads(json.dumps({
        "draw_id": outcome.draw_id, "week": week_label(outcome.week_start),
        "week_start": outcome.week_start.isoformat(), "seed": outcome.seed, "population": outcome.population,
        "population_hash": outcome.population_hash, "result_hash": outcome.result_hash,
        "agents": outcome.agents, "samples": outcome.samples, "unassigned": outcome.unassigned,
        "shortfalls": [s.__dict__ for s in outcome.shortfalls],
        "excluded": [e.__dict__ for e in outcome.excluded], "seconds": round(outcome.seconds, 3)}))


@dataclass(frozen=True)
class DrawInfo:
    id: int
    week_start: date
    created_at: datetime
    created_by: str | None
    algorithm_version: str
    population: int
    samples: int
    shortfalls: int
    seed: str
    population_hash: str
    result_hash: str | None
    shortfall_list: tuple[dict[str, Any], ...] = field(default=())
    excluded_list: tuple[dict[str, Any], ...] = field(default=())


def list_draws(session: Session, limit: int = 30) -> list[DrawInfo]:
    counts = dict(session.execute(select(QaSample.draw_id, func.count()).where(QaSample.status != "replaced")
                                  .group_by(QaSample.draw_id)).all())
    out = []
    for d in session.scalars(select(QaDraw).order_by(QaDraw.week_start.desc(), QaDraw.id.desc()).limit(limit)):
        out.append(DrawInfo(d.id, d.week_start, d.created_at, d.created_by, d.algorithm_version,
                            len(d.population or []), int(counts.get(d.id, 0)), len(d.shortfalls or []), d.seed,
                            d.population_hash, d.result_hash, tuple(d.shortfalls or ()), tuple(d.excluded or ())))
    return out


# --- the Monday job --------------------------------------------------------------------------------------
def weekly_draw_job(db: Any, slot: datetime, actor: Actor) -> dict[str, Any]:
    """Draw the week before the slot's center-local Monday; a week already drawn is left alone."""
    with db.session() as s:
        monday = previous_week(slot.astimezone(center_zone(s)).date())
        existing = s.scalar(select(QaDraw.id).where(QaDraw.week_start == monday))
        if existing is not None:
            return {"week": week_label(monday), "draw_id": existing, "skipped": "already drawn"}
        if s.scalar(select(func.count()).select_from(Center)) == 0:
            return {"week": week_label(monday), "skipped": "no center"}
        out = run_draw(s, actor, monday)
    return {"week": week_label(monday), "draw_id": out.draw_id, "samples": out.samples,
            "shortfalls": len(out.shortfalls), "excluded": len(out.excluded), "seconds": round(out.seconds, 2)}
