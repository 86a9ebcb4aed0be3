"""Build the demo center into a database: seeded, believable, fast (numpy + bulk writes).

``build_demo(url, DemoOptions(seed=1))`` gives the same center for the same seed and day
(only the AES-GCM nonces of the encrypted customer identifiers differ). It refuses a
database that already holds a center unless ``force`` is set; then every domain row is
deleted and rebuilt in one transaction. Short WAV files are written for a share of the
recorded calls after the data is committed.
"""

from __future__ import annotations

import random
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
from sqlalchemy import delete
from sqlalchemy.engine import make_url

from app import audit, clock
from app.actor import Actor
from app.admin.rules import rule_value
from app.bootstrap import open_database
from app.changes import Changes, record
from app.config import data_dir
from app.demo import audio
from app.demo.cases import SLA_RULES, build_cases
from app.demo.customers import build_customers
from app.demo.development import build_development
from app.demo.quality import build_quality
from app.demo.rota import RotaPlan, build_rota
from app.demo.staff import CENTER_TZ, build_organisation
from app.demo.timeline import db_times, db_times_or_none, make_timeline
from app.demo.traffic import Traffic, build_traffic
from app.demo.transcripts import add_demo_transcripts
from app.demo.writer import BulkWriter, clear_domain, holds_center
from app.demo.zh import LANGUAGES, localise
from app.security.accounts import list_users, set_demo_passwords
from app.security.crypto import CustomerCipher
from db.database import Database
from db.models import (
    AgentStateInterval,
    BusinessCalendar,
    CalendarDay,
    Center,
    Complaint,
    ComplaintEvent,
    Customer,
    Interaction,
    KnowledgeContribution,
    Person,
    PersonSkill,
    QaDraw,
    QaReview,
    QaSample,
    QaScorecard,
    Queue,
    Rota,
    SatisfactionSurvey,
    Setting,
    ShiftActivity,
    ShiftAssignment,
    ShiftTemplate,
    SkillAssessment,
    SlaPolicy,
    Team,
    TimeOffRequest,
    TrainingRecord,
    User,
)

RECORDINGS_SETTING = "recordings.root"
DEMO_MARKER = ".floorwalker-demo"
STEPS = ("organisation", "customers", "rota", "interactions", "complaints", "quality",
         "training and surveys", "writing the database", "recordings")
Progress = Callable[[int, int, str], None]


class DemoRefused(Exception):
    """The database already holds a center; nothing was changed."""


@dataclass(frozen=True)
class DemoOptions:
    seed: int = 1
    agents: int = 60
    weeks: int = 13
    recordings_dir: Path | None = None
    today: date | None = None
    force: bool = False
    lang: str = "en"  # "zh_CN": the same center with Chinese names and texts (app/demo/zh.py)


@dataclass(frozen=True)
class DemoStats:
    rows: dict[str, int] = field(default_factory=dict)  # table name -> rows written
    recordings: int = 0  # WAV files written
    recording_bytes: int = 0
    recordings_dir: Path | None = None
    seconds: float = 0.0
    users: list[tuple[str, str]] = field(default_factory=list)  # (username, role) who can sign in

    @property
    def interactions(self) -> int:
        return self.rows.get("interactions", 0)

    def summary(self) -> str:
        lines = [f"{name:24} {count:>9,}" for name, count in self.rows.items() if count]
        lines.append(f"{'recordings (WAV files)':24} {self.recordings:>9,}  "
                     f"({self.recording_bytes / 1e6:.1f} MB in {self.recordings_dir})")
        lines.append(f"built in {self.seconds:.1f} s")
        if self.users:
            lines.append(f"Sign in with the password '{DEMO_PASSWORD}' as any of:")
            lines.extend(f"  {name:20} {role}" for name, role in self.users)
        return "\n".join(lines)


DEMO_PASSWORD = "demo"  # noqa: S105 - the documented password of demo centers only


def default_recordings_dir(db: Database) -> Path:
    if db.is_sqlite and db.path is not None:
        stem = db.path.stem
    else:
        stem = f"postgres-{make_url(db.url).database or 'default'}"
    return data_dir() / "recordings" / stem


def build_demo(url: str, options: DemoOptions, progress: Progress | None = None) -> DemoStats:
    """Build the demo center into ``url`` (created if empty). Raises DemoRefused, ValueError."""
    if options.agents < 2 or options.agents > 500:
        raise ValueError("The demo needs between 2 and 500 agents.")
    if options.weeks < 1 or options.weeks > 52:
        raise ValueError("The demo covers between 1 and 52 weeks.")
    if options.lang not in LANGUAGES:
        raise ValueError(f"The demo speaks {' or '.join(LANGUAGES)}, not {options.lang!r}.")
    started = time.perf_counter()
    report = progress or (lambda _step, _total, _label: None)
    opened = open_database(url)
    db = opened.db
    try:
        with db.session() as s:
            existing = holds_center(s)
            rules = {key: rule_value(s, key) for key, _, _ in SLA_RULES}
            quota = int(rule_value(s, "R-QA-1"))  # type: ignore[call-overload]
            standup = str(rule_value(s, "R-SCH-6"))
        if existing and not options.force:
            raise DemoRefused(f"{db.display_url} already holds a contact center ({existing}); "
                              "nothing was changed. Use --force to replace it with the demo.")
        root = (options.recordings_dir or default_recordings_dir(db)).expanduser().resolve()
        rows, wav_jobs = _generate_and_write(db, options, rules, quota, _minutes(standup), root, report)
        # chat transcripts (issue 11); the auto-QA job checks them when a console or worker starts
        rows["transcript_messages"] = add_demo_transcripts(db, options.seed, options.lang)
        # the complaints' SLA clocks, warnings and escalations as of now (what the sweep job keeps up)
        from app.actor import Actor
        from app.complaints.sweep import run_sweep

        run_sweep(db, clock.now(), Actor.system())
        report(len(STEPS) - 1, len(STEPS), STEPS[-1])
        count, size = _write_recordings(root, options.seed, wav_jobs)
        with db.session() as s:
            # a demo is for trying every role: its users share one documented password
            set_demo_passwords(s, DEMO_PASSWORD)
            users = [(u.username, u.role) for u in list_users(s)]
    finally:
        db.dispose()
    report(len(STEPS), len(STEPS), "done")
    return DemoStats(rows=rows, recordings=count, recording_bytes=size, recordings_dir=root,
                     seconds=time.perf_counter() - started, users=sorted(users, key=lambda u: u[1]))


def _minutes(hhmm: str) -> int:
    try:
        hours, minutes = hhmm.split(":")
        return int(hours) * 60 + int(minutes)
    except ValueError:
        return 8 * 60 + 30


def _generate_and_write(db: Database, options: DemoOptions, rules: dict[str, object], quota: int,
                        standup: int, root: Path, report: Progress
                        ) -> tuple[dict[str, int], list[tuple[str, int, float]]]:
    rnd = random.Random(options.seed)
    nrng = np.random.default_rng(options.seed)
    tl = make_timeline(CENTER_TZ, options.weeks, clock.now(), options.today)
    total = len(STEPS)
    ids = {name: 0 for name in ("shift_assignments", "shift_activities", "time_off_requests", "complaints",
                                "complaint_events", "qa_samples", "qa_reviews")}

    report(0, total, STEPS[0])
    org = build_organisation(rnd, nrng, options.agents, tl.today, tl.first_day, options.lang)
    report(1, total, STEPS[1])
    customers = build_customers(rnd, max(200, 50 * options.agents), CustomerCipher.from_key_file(), tl,
                                options.lang)
    report(2, total, STEPS[2])
    rota = build_rota(rnd, nrng, tl, org, standup, ids)
    report(3, total, STEPS[3])
    traffic = build_traffic(nrng, tl, org, rota, customers, options.seed)
    report(4, total, STEPS[4])
    cases = build_cases(rnd, tl, org, traffic, rules, ids)
    report(5, total, STEPS[5])
    quality = build_quality(rnd, tl, org, traffic, quota, ids)
    report(6, total, STEPS[6])
    development = build_development(rnd, nrng, tl, org, rota, traffic)
    wav_jobs = _choose_recordings(rnd, traffic, quality.sampled_interactions, options.agents)
    if options.lang == "zh_CN":  # after every draw: the same numbers as the English demo
        localise(org, cases, quality, development, rota)

    report(7, total, STEPS[7])
    states = _state_columns(rota, traffic)
    activities = {k: v if k not in ("starts_at", "ends_at") else db_times(np.array(v))
                  for k, v in rota.activities.items()}
    with db.session() as s:
        if holds_center(s):
            if not options.force:
                raise DemoRefused(f"{db.display_url} received a contact center while the demo was being "
                                  "generated; nothing was changed.")
            clear_domain(s)
        w = BulkWriter(s)
        w.dicts(Center.__table__, [org.center])
        w.dicts(Team.__table__, org.teams)
        w.dicts(Person.__table__, [{**p, "mentor_id": None} for p in org.people])
        w.update_many(Person.__table__, "id", "mentor_id",
                      [(p["id"], p["mentor_id"]) for p in org.people if p["mentor_id"]])
        w.update_many(Team.__table__, "id", "supervisor_id",
                      [(t["id"], org.supervisors[k]) for k, t in enumerate(org.teams)])
        w.dicts(User.__table__, org.users)
        w.dicts(Queue.__table__, org.queues)
        w.dicts(PersonSkill.__table__, org.person_skills)
        w.dicts(Customer.__table__, customers.rows)
        w.dicts(ShiftTemplate.__table__, org.templates)
        w.dicts(Rota.__table__, rota.rotas)
        w.dicts(ShiftAssignment.__table__, rota.assignments)
        w.columns(ShiftActivity.__table__, activities)
        w.dicts(TimeOffRequest.__table__, rota.time_off)
        w.columns(Interaction.__table__, traffic.columns)
        w.columns(AgentStateInterval.__table__, states)
        w.dicts(BusinessCalendar.__table__, cases.calendars)
        w.dicts(CalendarDay.__table__, cases.calendar_days)
        w.dicts(SlaPolicy.__table__, cases.policies)
        w.dicts(Complaint.__table__, cases.complaints)
        w.dicts(ComplaintEvent.__table__, cases.events)
        w.dicts(QaScorecard.__table__, quality.scorecards)
        w.dicts(QaDraw.__table__, quality.draws)
        w.dicts(QaSample.__table__, quality.samples)
        w.update_many(QaSample.__table__, "id", "replaced_by_id", quality.replacements)
        w.dicts(QaReview.__table__, quality.reviews)
        for table, rows in quality.extra:  # calibration sessions and disputes
            w.dicts(table, rows)
        w.dicts(TrainingRecord.__table__, development.training)
        w.dicts(SkillAssessment.__table__, development.assessments)
        w.dicts(KnowledgeContribution.__table__, development.contributions)
        w.dicts(SatisfactionSurvey.__table__, development.surveys)
        s.execute(delete(Setting).where(Setting.key == RECORDINGS_SETTING))
        w.dicts(Setting.__table__, [{"key": RECORDINGS_SETTING, "value": str(root), "unit": "path",
                                     "updated_at": clock.now(), "updated_by": "demo", "version": 1}])
        w.reset_sequences()
        audit.record(s, Actor.system(), "build", "demo", options.seed,
                     after={"seed": options.seed, "agents": options.agents, "weeks": options.weeks,
                            "today": tl.today.isoformat(), "interactions": traffic.n, "forced": options.force,
                            **({"lang": options.lang} if options.lang != "en" else {})})
        record(s, Changes.ALL)
        rows = {name: count for name, count in w.counts.items() if name != "settings"}
    return rows, wav_jobs


def _state_columns(rota: RotaPlan, traffic: Traffic) -> dict[str, list]:
    st = rota.states
    ac = traffic.after_call
    starts = np.array(st["started_at"] + ac["started_at"], dtype=np.float64)
    ends_raw = st["ended_at"] + ac["ended_at"]
    present = np.array([e is not None for e in ends_raw])
    ends = np.array([e if e is not None else 0.0 for e in ends_raw], dtype=np.float64)
    agent = st["agent_id"] + ac["agent_id"]
    state = st["state"] + ["paused"] * len(ac["agent_id"])
    reason = st["reason"] + ["after_call"] * len(ac["agent_id"])
    order = np.lexsort((np.array([s != "logged_in" for s in state]), starts))
    n = len(agent)
    return {
        "id": list(range(1, n + 1)),
        "agent_id": [agent[i] for i in order],
        "state": [state[i] for i in order],
        "reason": [reason[i] for i in order],
        "started_at": [x for x in np.array(db_times(starts), dtype=object)[order]],
        "ended_at": [x for x in np.array(db_times_or_none(ends, present), dtype=object)[order]],
    }


def _choose_recordings(rnd: random.Random, traffic: Traffic, sampled: list[int],
                       agents: int) -> list[tuple[str, int, float]]:
    """WAV files for QA samples of the last two weeks and the newest calls: ~1000 at 60 agents."""
    budget = max(40, int(round(1000 * agents / 60)))
    refs = traffic.recording_ref
    chosen: list[int] = []
    seen: set[int] = set()
    recent_weeks = max(0, int(traffic.day.max()) // 7 - 2) if traffic.n else 0
    for iid in sampled:
        i = iid - 1
        if len(chosen) >= budget // 2 or traffic.day[i] // 7 < recent_weeks:
            continue
        if refs[i] and i not in seen:
            chosen.append(i)
            seen.add(i)
    for i in range(traffic.n - 1, -1, -1):
        if len(chosen) >= budget:
            break
        if refs[i] and i not in seen:
            chosen.append(i)
            seen.add(i)
    return [(refs[i], i + 1, rnd.uniform(2.0, 4.0)) for i in chosen]


def _write_recordings(root: Path, seed: int, jobs: list[tuple[str, int, float]]) -> tuple[int, int]:
    root.mkdir(parents=True, exist_ok=True)
    if (root / DEMO_MARKER).exists():  # a previous demo's files: replace them, touch nothing else
        for child in root.iterdir():
            if child.is_dir() and child.name.isdigit() and len(child.name) == 4:
                shutil.rmtree(child)
    (root / DEMO_MARKER).write_text("Generated by `floorwalker demo`; safe to delete.\n", encoding="utf-8")
    size = 0
    synth = audio.CallSynth(seed)
    for ref, key, seconds in jobs:
        size += audio.write_wav(root / ref, synth.render(key, seconds))
    return len(jobs), size
