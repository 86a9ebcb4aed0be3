"""The rota engine against the database: build the week's problem from the center (agents, skills,
contracts, approved time off, mentors, training due, shift templates, requirements) and save the
solution as a DRAFT rota in one transaction, audited. Publishing stays in ``app.schedule.publish``.

Requirements per queue (phone and chat queues; the queue's name is the skill): the latest
forecast of the week when there is one (``forecast_runs``/``forecast_intervals``, overrides
applied), otherwise the average of the same quarter-hours over the last four weeks of history;
either way Erlang C (``app.staffing``) at the queue's service-level target turns volume and
handle time into agents on the phones per slot.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.admin.rules import rule_value
from app.changes import Changes, record
from app.people.center import center_summary
from app.rota.engine import Cancel, Progress, solve
from app.rota.model import (
    DAY_SLOTS,
    SLOT_MIN,
    WEEK_SLOTS,
    Agent,
    BreakRule,
    Requirement,
    RotaInputError,
    RotaProblem,
    RotaSolution,
    Rules,
    ShiftTemplate,
    Standup,
)
from app.security.permissions import require
from app.staffing.erlang import staff_week
from db.models import (
    ForecastInterval,
    ForecastRun,
    Interaction,
    Person,
    PersonSkill,
    Queue,
    Rota,
    ShiftActivity,
    ShiftAssignment,
    TimeOffRequest,
    TrainingRecord,
)
from db.models import ShiftTemplate as ShiftTemplateRow

EDIT_PERMISSION = "rota.edit"
REQUIREMENT_CHANNELS = ("phone", "chat")
HISTORY_WEEKS = 4
TRAINING_HOURS_PER_MONTH = 4.0  # R-SCH-8
DEFAULT_AHT_SEC = 300.0


@dataclass(frozen=True)
class WeekProblem:
    problem: RotaProblem
    center_id: int
    timezone: str
    template_ids: dict[str, int]
    requirement_sources: dict[str, str]  # skill -> "forecast run N" / "history, 4 weeks"


@dataclass(frozen=True)
class SavedRota:
    rota_id: int
    shifts: int
    solution: RotaSolution
    changes: Changes


def parse_week(text: str) -> date:
    """``2026-W48`` (ISO week) or a date inside the week -> its Monday."""
    text = text.strip()
    try:
        if "W" in text.upper():
            year, _, week = text.upper().partition("-W")
            return date.fromisocalendar(int(year), int(week), 1)
        day = date.fromisoformat(text)
    except ValueError:
        raise RotaInputError("--week", f"{text!r} is not an ISO week like 2026-W48 or a date") from None
    return day - timedelta(days=day.weekday())


def wall_slot(moment: datetime, week_start_local: datetime) -> int:
    """The wall-clock slot of ``moment`` in the week starting at ``week_start_local`` (center-local
    midnight): day * 96 + quarter-hour of the local time. Slots are wall-clock quarter hours, as
    the forecast's and the saved shifts' are, so a week with a 23-h or 25-h day still has 672 of
    them: in the skipped hour (spring forward) nothing happens, the repeated hour (fall back)
    shares the wall-clock slot of its first pass. Moments outside the week fall outside 0..671."""
    tz = week_start_local.tzinfo
    local = moment.astimezone(tz) if moment.tzinfo is not None else moment
    days = (local.date() - week_start_local.date()).days
    return days * DAY_SLOTS + (local.hour * 60 + local.minute) // SLOT_MIN


_slot_of = wall_slot


def _wall_slots(week_start: date, tz: ZoneInfo) -> tuple[list[datetime], np.ndarray]:
    """The UTC start of each of the 672 wall-clock slots of the week (as the forecast stores them)
    and which of them do not exist on the clock (the hour skipped when summer time starts)."""
    starts, skipped = [], np.zeros(WEEK_SLOTS, dtype=bool)
    for d in range(7):
        day = week_start + timedelta(days=d)
        for i in range(DAY_SLOTS):
            wall = datetime.combine(day, time(i // 4, (i % 4) * SLOT_MIN), tz)
            utc = wall.astimezone(ZoneInfo("UTC"))
            starts.append(utc)
            back = utc.astimezone(tz)
            skipped[d * DAY_SLOTS + i] = (back.date(), back.hour, back.minute) != (day, wall.hour, wall.minute)
    return starts, skipped


def _templates(session: Session, center_id: int) -> tuple[list[ShiftTemplate], dict[str, int]]:
    rows = session.scalars(select(ShiftTemplateRow).where(ShiftTemplateRow.center_id == center_id)
                           .order_by(ShiftTemplateRow.id)).all()
    out, ids = [], {}
    for r in rows:
        start = r.start_time.hour * 60 + r.start_time.minute
        if start % SLOT_MIN or r.duration_min % SLOT_MIN:
            raise RotaInputError(f"shift template {r.name!r}", "must start and last in whole quarter hours")
        breaks: tuple[BreakRule, ...] = ()
        if r.break_min:
            length = r.duration_min
            # the template's break time is one unpaid meal in the middle third of the shift
            early = (length // 3) // SLOT_MIN * SLOT_MIN
            late = max(early, (2 * length // 3 - r.break_min) // SLOT_MIN * SLOT_MIN)
            breaks = (BreakRule("lunch", r.break_min, early, late, paid=False),)
        out.append(ShiftTemplate(r.name, r.duration_min, start, start, breaks))
        ids[r.name] = r.id
    if not out:
        raise RotaInputError("shift templates", "the center has none; add templates before solving")
    return out, ids


def _history_volumes(session: Session, queue_id: int, start_utc: datetime, tz: ZoneInfo
                     ) -> tuple[np.ndarray, float] | None:
    since = start_utc - timedelta(weeks=HISTORY_WEEKS)
    rows = session.execute(select(Interaction.offered_at, Interaction.talk_sec, Interaction.wrap_sec)
                           .where(Interaction.queue_id == queue_id, Interaction.offered_at >= since,
                                  Interaction.offered_at < start_utc)).all()
    if not rows:
        return None
    counts = np.zeros(WEEK_SLOTS)
    handle = []
    for offered, talk, wrap in rows:
        local = offered.astimezone(tz)
        slot = local.weekday() * DAY_SLOTS + (local.hour * 60 + local.minute) // SLOT_MIN
        counts[slot] += 1
        if talk:
            handle.append(float(talk) + float(wrap or 0.0))
    return counts / HISTORY_WEEKS, (float(np.mean(handle)) if handle else DEFAULT_AHT_SEC)


def _forecast(session: Session, queue_id: int, week_start: date, start_local: datetime
              ) -> tuple[np.ndarray, np.ndarray, int] | None:
    run = session.scalars(select(ForecastRun).where(ForecastRun.queue_id == queue_id,
                                                    ForecastRun.week_start == week_start)
                          .order_by(ForecastRun.id.desc()).limit(1)).first()
    if run is None:
        return None
    rows = session.scalars(select(ForecastInterval).where(ForecastInterval.run_id == run.id)
                           .order_by(ForecastInterval.interval_start, ForecastInterval.id)).all()
    vol = np.full(WEEK_SLOTS, np.nan)
    aht = np.full(WEEK_SLOTS, DEFAULT_AHT_SEC)
    # the forecast has one row per wall-clock slot, stored at the slot's UTC start; in the hour
    # skipped by summer time two wall-clock slots share one UTC start, their rows in slot order
    starts, skipped = _wall_slots(week_start, start_local.tzinfo)
    by_start: dict[datetime, list[int]] = defaultdict(list)
    for slot in sorted(range(WEEK_SLOTS), key=lambda x: (bool(skipped[x]), x)):  # real times first
        by_start[starts[slot]].append(slot)
    taken: dict[datetime, int] = defaultdict(int)
    for r in rows:
        utc = r.interval_start.astimezone(ZoneInfo("UTC"))
        slots = by_start.get(utc)
        if not slots or taken[utc] >= len(slots):
            continue
        slot = slots[taken[utc]]
        taken[utc] += 1
        vol[slot] = r.override_volume if r.override_volume is not None else r.volume
        aht[slot] = r.aht_sec or DEFAULT_AHT_SEC
    # a wall-clock time that does not exist has no calls (documented choice: the skipped hour
    # needs nobody; the repeated hour of autumn keeps the forecast of its wall-clock slot)
    vol[skipped] = 0.0
    missing = np.flatnonzero(np.isnan(vol))
    if missing.size:
        raise RotaInputError(f"forecast run {run.id}", f"{missing.size} of {WEEK_SLOTS} intervals are missing")
    return vol, aht, run.id


def rules_from_values(session: Session) -> Rules:
    """The rota rules with the rule values admins edit (Settings ▸ Rules) in place of the engine's
    defaults: the week's service-level goal (R-SCH-1.week_sl, 0: none), the rest between shifts
    (R-SCH-3.rest_hours) and the stand-up time (R-SCH-6; its length and morning line as they are,
    the line moved earlier with a stand-up before 06:00). R-SCH-3.days_off is not read: the days
    off come from each agent's contract (two together for five shifts a week, see ``_agents``),
    which always keeps at least the rule's one full day off."""
    base = Rules()
    goal = float(rule_value(session, "R-SCH-1.week_sl"))  # type: ignore[arg-type]
    rest = float(rule_value(session, "R-SCH-3.rest_hours"))  # type: ignore[arg-type]
    standup = base.standup or Standup()
    text = str(rule_value(session, "R-SCH-6")).strip()
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60):
        raise RotaInputError("R-SCH-6", f"the stand-up time {text!r} is not a time like 08:30")
    at = int(hours) * 60 + int(minutes)
    window = standup.at_min - standup.line_from_min  # how long before the stand-up the morning line starts
    standup = Standup(at_min=at, minutes=standup.minutes, line_from_min=min(standup.line_from_min, max(0, at - window)))
    return replace(base, weekly_service_level=goal if goal > 0 else None, min_rest_hours=rest, standup=standup)


def load_week(session: Session, week_start: date, requirements: dict[str, list[int]] | None = None,
              rules: Rules | None = None) -> WeekProblem:
    """The week's problem from the database; ``requirements`` (skill -> 672 agents) replaces the
    requirement the database would give; ``rules`` replaces the rules built from the rule values
    (:func:`rules_from_values`)."""
    center = center_summary(session)
    if center is None:
        raise RotaInputError("center", "the database has no center")
    tz = ZoneInfo(center.timezone)
    start_local = datetime.combine(week_start, datetime.min.time(), tz)
    end_local = start_local + timedelta(days=7)
    templates, template_ids = _templates(session, center.id)
    queues = session.scalars(select(Queue).where(Queue.center_id == center.id, Queue.active.is_(True),
                                                 Queue.channel.in_(REQUIREMENT_CHANNELS))
                             .order_by(Queue.id)).all()
    reqs: list[Requirement] = []
    sources: dict[str, str] = {}
    volumes_by_queue: dict[str, float] = {}
    for q in queues:
        if requirements is not None:
            if q.name in requirements:
                reqs.append(Requirement(q.name, tuple(int(x) for x in requirements[q.name])))
                sources[q.name] = "given"
            continue
        fc = _forecast(session, q.id, week_start, start_local)
        if fc is not None:
            vol, aht, run_id = fc
            sources[q.name] = f"forecast run {run_id}"
        else:
            hist = _history_volumes(session, q.id, start_local.astimezone(ZoneInfo("UTC")), tz)
            if hist is None:
                continue
            vol, mean_aht = hist
            aht = np.full(WEEK_SLOTS, mean_aht)
            sources[q.name] = f"history, {HISTORY_WEEKS} weeks"
        week = staff_week(vol, aht, float(SLOT_MIN), q.target_service_level, float(q.target_answer_sec))
        volumes_by_queue[q.name] = float(vol.sum())
        reqs.append(Requirement(q.name, tuple(int(x) for x in week.agents), tuple(float(v) for v in vol),
                                tuple(float(a) for a in aht), q.target_service_level, float(q.target_answer_sec)))
    if requirements is not None:
        known = {q.name for q in queues}
        for name in requirements:
            if name not in known:
                raise RotaInputError(f"requirement for {name!r}", "no active phone or chat queue has this name")
    phone = [q.name for q in queues if q.channel == "phone" and q.name in sources]
    main_phone = max(phone, key=lambda n: volumes_by_queue.get(n, 0.0)) if phone else None
    base_rules = rules if rules is not None else rules_from_values(session)
    rules = Rules(**{**base_rules.__dict__, "phone_skill": main_phone})
    agents = _agents(session, center.id, week_start, start_local, end_local, templates, rules)
    return WeekProblem(RotaProblem(week_start, tuple(agents), tuple(templates), tuple(reqs), rules),
                       center.id, center.timezone, template_ids, sources)


def _agents(session: Session, center_id: int, week_start: date, start_local: datetime, end_local: datetime,
            templates: list[ShiftTemplate], rules: Rules) -> list[Agent]:
    people = session.scalars(select(Person).where(Person.center_id == center_id, Person.active.is_(True),
                                                  Person.job_title == "agent").order_by(Person.id)).all()
    skills: dict[int, set[str]] = defaultdict(set)
    for pid, name in session.execute(select(PersonSkill.person_id, Queue.name)
                                     .join(Queue, Queue.id == PersonSkill.queue_id)
                                     .where(Queue.active.is_(True))):
        skills[pid].add(name)
    off: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for r in session.scalars(select(TimeOffRequest).where(TimeOffRequest.status == "approved",
                                                          TimeOffRequest.starts_at < end_local,
                                                          TimeOffRequest.ends_at > start_local)):
        a = max(0, _slot_of(r.starts_at, start_local))
        b = min(WEEK_SLOTS, _slot_of(r.ends_at - timedelta(microseconds=1), start_local) + 1)
        if b > a:
            off[r.person_id].append((a, b))
    month_ago = start_local - timedelta(days=28)
    trained = dict(session.execute(select(TrainingRecord.person_id, func.sum(TrainingRecord.hours))
                                   .where(TrainingRecord.kind == "product", TrainingRecord.started_at >= month_ago,
                                          TrainingRecord.started_at < start_local)
                                   .group_by(TrainingRecord.person_id)).all())
    most_days = 7 - rules.days_off
    out = []
    for p in people:
        # the fullest week the contract allows: the most paid hours of one template on up to
        # ``most_days`` days (e.g. 32 h of 8-h shifts: four days, three off together; with 4-h
        # shifts too, four 8-h days rather than five 4-h ones), and the agent must get it
        weeks = [(d * t.paid_min / 60.0, d) for t in templates if t.paid_min for d in range(1, most_days + 1)
                 if d * t.paid_min / 60.0 <= p.contract_hours_week + 1e-6]
        fits = bool(weeks)
        days_off = None
        min_hours = p.contract_hours_week
        if fits:
            min_hours, days = max(weeks)
            if days < most_days:  # a shorter contract: more days off, still together
                days_off = 7 - days
        hire_start = datetime.combine(p.hire_date, datetime.min.time(), start_local.tzinfo)
        unavailable = ((0, max(0, min(WEEK_SLOTS, _slot_of(hire_start, start_local)))),) \
            if p.hire_date > week_start else ()
        out.append(Agent(
            id=p.id, name=p.full_name, skills=frozenset(skills.get(p.id, ())),
            contract_hours=p.contract_hours_week,
            min_hours=min_hours if fits else 0.0, days_off=days_off,
            unavailable=tuple(x for x in unavailable if x[1] > x[0]),
            time_off=tuple(off.get(p.id, ())),
            mentor_id=p.mentor_id if not p.cleared_for_solo else None,
            cleared_for_solo=p.cleared_for_solo,
            training_min=60 if float(trained.get(p.id) or 0.0) < TRAINING_HOURS_PER_MONTH else 0,
        ))
    return out


def save_draft(session: Session, actor: Actor, week: WeekProblem, solution: RotaSolution) -> SavedRota:
    """Save ``solution`` as a new draft rota of the week (never published here); one transaction."""
    require(actor, EDIT_PERMISSION)
    if solution.status not in ("optimal", "feasible"):
        raise RotaInputError("rota", f"the solve ended {solution.status}; nothing saved")
    tz = ZoneInfo(week.timezone)
    start_local = datetime.combine(week.problem.week_start, datetime.min.time(), tz)

    def at(slot: int) -> datetime:
        return (start_local + timedelta(minutes=slot * SLOT_MIN)).astimezone(ZoneInfo("UTC"))

    now = clock.now()
    cov = {c.skill: c for c in solution.coverage}
    rota = Rota(center_id=week.center_id, week_start=week.problem.week_start, status="draft", revision=1,
                created_at=now, solver_stats={
                    "source": "rota solver", "status": solution.status, "paid_hours": solution.paid_hours,
                    "lp_bound_hours": solution.lp_bound_hours, "gap": round(solution.gap, 5),
                    "seconds": round(solution.seconds, 3), "requirements": week.requirement_sources,
                    "pct_intervals_covered": {k: round(c.pct_slots_covered, 2) for k, c in cov.items()},
                    "weekly_service_level": {k: c.weekly_service_level for k, c in cov.items()},
                    "weekly_service_level_goal": week.problem.rules.weekly_service_level,
                    "violations": [{"rule": v.rule, "message": v.message, "hard": v.hard}
                                   for v in solution.violations[:200]],
                    "unscheduled": list(solution.unscheduled)})
    session.add(rota)
    session.flush()
    for s in solution.shifts:
        row = ShiftAssignment(rota_id=rota.id, person_id=s.agent_id, template_id=week.template_ids.get(s.template),
                              starts_at=at(s.start), ends_at=at(s.end), is_backup=False, note=s.note)
        cursor = s.start
        for a in sorted(s.activities, key=lambda x: x.start):
            if a.start > cursor:
                row.activities.append(ShiftActivity(kind="work", starts_at=at(cursor), ends_at=at(a.start)))
            kind = "break" if a.kind in ("break", "lunch") else a.kind
            row.activities.append(ShiftActivity(kind=kind, starts_at=at(a.start), ends_at=at(a.end)))
            cursor = max(cursor, a.end)
        if cursor < s.end:
            row.activities.append(ShiftActivity(kind="work", starts_at=at(cursor), ends_at=at(s.end)))
        session.add(row)
    session.flush()
    audit.record(session, actor, "solve", "rota", rota.id, after={
        "week_start": week.problem.week_start.isoformat(), "status": "draft", "shifts": len(solution.shifts),
        "paid_hours": solution.paid_hours, "lp_bound_hours": solution.lp_bound_hours,
        "hard_violations": sum(1 for v in solution.violations if v.hard)})
    return SavedRota(rota.id, len(solution.shifts), solution, record(session, Changes.SCHEDULE | Changes.AUDIT))


def solve_week(session: Session, actor: Actor, week_start: date, time_limit: float = 30.0,
               requirements: dict[str, list[int]] | None = None, progress: Progress | None = None,
               cancel: Cancel | None = None, rules: Rules | None = None) -> SavedRota:
    """Load, solve and save a draft in the caller's transaction (permission checked first);
    ``rules`` replaces the rules built from the rule values."""
    require(actor, EDIT_PERMISSION)
    week = load_week(session, week_start, requirements, rules)
    if not week.problem.requirements:
        raise RotaInputError("requirements", "no forecast and no history for any phone or chat queue")
    solution = solve(week.problem, time_limit=time_limit, progress=progress, cancel=cancel)
    if solution.status == "no_solution":  # nothing to save: say why instead of an empty draft
        why = "; ".join(v.message for v in solution.violations if v.rule == "solver") or "no rota found"
        raise RotaInputError("solver", why)
    return save_draft(session, actor, week, solution)
