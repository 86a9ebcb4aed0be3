"""The demo's rotas: fixed shift lines with rotating days off, breaks, the 08:30 stand-up
(R-SCH-6), training (R-SCH-8, R-SCH-9), the monthly team meeting (R-SCH-7), time off, and
the minute-by-minute availability the traffic generator routes contacts by.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from app.demo import texts
from app.demo.staff import DAY, EARLY, LATE, NIGHT, TEMPLATES, Organisation
from app.demo.timeline import Timeline, to_datetime

DAYS_OFF_STARTS = (5, 6, 4, 5, 0, 6, 1, 5, 2, 6, 3)  # Monday = 0; weekends favoured
# minutes after the shift start; breaks and meals go in three waves so the phones stay covered
FIRST_BREAK = {EARLY: 150, DAY: 105, LATE: 135, NIGHT: 195}
MEAL = {EARLY: 255, DAY: 210, LATE: 195, NIGHT: 270}
MEAL_WAVE = {EARLY: 45, DAY: 45, LATE: 45, NIGHT: 60}
TRAINING_SLOT = {EARLY: 405, DAY: 360, LATE: 15, NIGHT: 60}
OFF, WORK, INDUCTION = 0, 1, 2


@dataclass
class Session:
    """A training session (product, emotion, induction) for the training records."""

    agent: int
    kind: str
    topic: str
    start: float
    hours: float


@dataclass
class RotaPlan:
    rotas: list[dict]
    assignments: list[dict]
    activities: dict[str, list]
    time_off: list[dict]
    sessions: list[Session]
    avail: np.ndarray  # (minutes, agents) bool: may take a contact in this minute
    minute0: float  # epoch of minute 0
    states: dict[str, list] = field(default_factory=dict)
    working_days: np.ndarray | None = None  # (agents, rota days) int: OFF / WORK / INDUCTION


def build_rota(rnd: random.Random, nrng: np.random.Generator, tl: Timeline, org: Organisation,
               standup_minute: int, next_ids: dict[str, int]) -> RotaPlan:
    ag = org.agents
    n, n_days = ag.n, tl.rota_days
    kind = np.zeros((n, n_days), dtype=np.int64)
    night_rank = {a: j for j, a in enumerate(a for a in range(n) if ag.template[a] == NIGHT)}
    day_rank = {a: k for k, a in enumerate(a for a in range(n) if ag.template[a] != NIGHT)}
    for a in range(n):
        n_off = 3 if ag.part_time[a] else 2
        for w in range(tl.weeks + 1):
            if a in night_rank:
                off_start = (3 * night_rank[a] + w) % 7
            else:
                off_start = DAYS_OFF_STARTS[(day_rank[a] + 2 * w) % len(DAYS_OFF_STARTS)]
            for d in range(7):
                if (d - off_start) % 7 >= n_off:
                    kind[a, 7 * w + d] = WORK
        before = np.arange(n_days) < ag.start_day[a]
        kind[a, before] = OFF
        for d in range(max(0, ag.induction_day[a]), min(n_days, ag.induction_day[a] + 3)):
            kind[a, d] = INDUCTION
    # statutory holidays: about half of the day-time staff get the day off
    for d in range(n_days):
        if tl.day(d) in tl.holidays:
            for a in range(n):
                if kind[a, d] == WORK and ag.template[a] != NIGHT and rnd.random() < 0.45:
                    kind[a, d] = OFF

    time_off = _time_off(rnd, tl, org, kind, next_ids)
    sessions: list[Session] = []
    plan_training = _training_days(rnd, tl, org, kind, sessions)
    team_meeting_days = _team_meeting_days(tl)

    wave_of = {}  # break wave: the agent's rank within their shift line, modulo three
    for t in range(len(TEMPLATES)):
        for rank, a in enumerate(a for a in range(n) if ag.template[a] == t):
            wave_of[a] = rank % 3
    minutes = (n_days + 2) * 1440
    avail = np.zeros((minutes, n), dtype=bool)
    minute0 = float(tl.day_start[0])
    rotas = []
    for w in range(tl.weeks + 1):
        week_start = tl.first_day + timedelta(days=7 * w)
        published = w < tl.weeks
        created = min(tl.local_epoch(week_start - timedelta(days=10), 10 * 60), tl.cutoff - 7200)
        rotas.append({
            "id": w + 1, "center_id": 1, "week_start": week_start, "status": "published" if published else "draft",
            "revision": 1, "created_at": to_datetime(created), "version": 1,
            "published_at": to_datetime(min(tl.local_epoch(week_start - timedelta(days=4), 17 * 60),
                                            tl.cutoff - 3600)) if published else None,
            "published_by": org.usernames[org.staff["scheduler"]] if published else None,
            "solver_stats": {"source": "demo", "pattern": "fixed shift lines, rotating days off"},
        })

    assignments: list[dict] = []
    act: dict[str, list] = {"id": [], "assignment_id": [], "kind": [], "starts_at": [], "ends_at": []}
    st: dict[str, list] = {"agent_id": [], "state": [], "reason": [], "started_at": [], "ended_at": []}
    for d in range(n_days):
        day = tl.day(d)
        day_epoch = float(tl.day_start[d])
        for a in range(n):
            if kind[a, d] == OFF:
                continue
            t = DAY if kind[a, d] == INDUCTION else int(ag.template[a])
            start_min = TEMPLATES[t][1]
            start, end = day_epoch + start_min * 60, day_epoch + (start_min + TEMPLATES[t][2]) * 60
            aid = next_ids["shift_assignments"] = next_ids["shift_assignments"] + 1
            assignments.append({
                "id": aid, "rota_id": d // 7 + 1, "person_id": int(ag.ids[a]), "template_id": t + 1,
                "starts_at": to_datetime(start), "ends_at": to_datetime(end), "is_backup": False,
                "note": "Induction" if kind[a, d] == INDUCTION else None, "version": 1,
            })
            pauses = _pauses(a, t, d, day, kind[a, d] == INDUCTION, standup_minute, start_min,
                             plan_training, team_meeting_days, wave_of)
            # activities: the pauses, and work for the gaps between them
            cursor = start
            for reason, p_start, p_end in pauses:
                ps, pe = day_epoch + p_start * 60, day_epoch + p_end * 60
                if ps > cursor:
                    _activity(act, next_ids, aid, "work", cursor, ps)
                _activity(act, next_ids, aid, "break" if reason in ("break", "lunch") else reason, ps, pe)
                cursor = pe
                if reason == "training" and ps < tl.cutoff:
                    topic = plan_training.get((a, d))
                    if topic is not None:
                        sessions.append(Session(a, topic[0], topic[1], ps, (pe - ps) / 3600))
            if cursor < end:
                _activity(act, next_ids, aid, "work", cursor, end)
            if kind[a, d] == INDUCTION:
                if start < tl.cutoff:
                    sessions.append(Session(a, "induction", f"Induction day {d - ag.induction_day[a] + 1} of 3",
                                            start, 7.5))
                continue
            # the agent's day as the phone system saw it: logged in, paused, available
            late = nrng.random() < 0.03
            login = start - nrng.uniform(0, 360) + (nrng.uniform(300, 1200) if late else 0.0)
            logout = end + nrng.uniform(0, 300)
            if login >= tl.cutoff:
                continue
            _state(st, ag.ids[a], "logged_in", None, login, logout, tl.cutoff)
            m_from = int(np.ceil((max(login, start) - minute0) / 60))
            m_to = int((end - minute0) // 60)
            avail[m_from:m_to, a] = True
            for reason, p_start, p_end in pauses:
                ps, pe = day_epoch + p_start * 60, day_epoch + p_end * 60
                avail[int((ps - minute0) // 60):int(np.ceil((pe - minute0) / 60)), a] = False
                if ps < tl.cutoff and pe > login:
                    _state(st, ag.ids[a], "paused", reason, max(ps, login), pe, tl.cutoff)
    return RotaPlan(rotas=rotas, assignments=assignments, activities=act, time_off=time_off,
                    sessions=sessions, avail=avail, minute0=minute0, states=st, working_days=kind)


def _activity(act: dict[str, list], next_ids: dict[str, int], aid: int, kind: str, start: float,
              end: float) -> None:
    next_ids["shift_activities"] += 1
    act["id"].append(next_ids["shift_activities"])
    act["assignment_id"].append(aid)
    act["kind"].append(kind)
    act["starts_at"].append(start)
    act["ends_at"].append(end)


def _state(st: dict[str, list], agent_id: int, state: str, reason: str | None, start: float, end: float,
           cutoff: float) -> None:
    st["agent_id"].append(int(agent_id))
    st["state"].append(state)
    st["reason"].append(reason)
    st["started_at"].append(start)
    st["ended_at"].append(end if end <= cutoff else None)  # still going on: open interval


def _pauses(a: int, t: int, d: int, day: date, induction: bool, standup: int, start_min: int,
            plan_training: dict[tuple[int, int], tuple[str, str]], team_meetings: dict[date, bool],
            wave_of: dict[int, int]) -> list[tuple[str, int, int]]:
    """(reason, start minute, end minute) of the local day, sorted; minutes may pass 1440."""
    end_min = start_min + TEMPLATES[t][2]
    if induction:
        return [("meeting", standup, standup + 15), ("training", standup + 15, 12 * 60 + 30),
                ("lunch", 12 * 60 + 30, 13 * 60 + 15), ("training", 13 * 60 + 15, end_min)]
    wave = wave_of[a]
    brk = start_min + FIRST_BREAK[t] + 15 * wave
    meal = start_min + MEAL[t] + MEAL_WAVE[t] * wave
    out = [("break", brk, brk + 15), ("lunch", meal, meal + 45)]
    if (a, d) in plan_training:
        slot = start_min + TRAINING_SLOT[t]
        out.append(("training", slot, slot + 120))
    elif day in team_meetings and t != NIGHT:
        slot = start_min + TRAINING_SLOT[t]
        out.append(("meeting", slot, slot + 60))
    # R-SCH-6: everyone on shift meets at 08:30, except the night line, which finishes its shift
    # on the phones so that the line stays open around the clock (R-SCH-2)
    if t != NIGHT and start_min <= standup and standup + 15 <= end_min:
        out = [p for p in out if p[2] <= standup or p[1] >= standup + 15]
        out.append(("meeting", standup, standup + 15))
    out.sort(key=lambda p: p[1])
    return out


def _training_days(rnd: random.Random, tl: Timeline, org: Organisation, kind: np.ndarray,
                   sessions: list[Session]) -> dict[tuple[int, int], tuple[str, str]]:
    """Product training twice a month (R-SCH-8: >= 4 h), emotion management once a quarter.

    Sessions inside the rota become training activities; those of a month or quarter that began
    before the demo's history are recorded as already held.
    """
    ag = org.agents
    plan: dict[tuple[int, int], tuple[str, str]] = {}
    last = tl.day(tl.rota_days - 1)
    months = []
    m = date(tl.first_day.year, tl.first_day.month, 1)
    while m <= last:
        months.append(m)
        m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    meeting_days = _team_meeting_days(tl)
    for a in range(ag.n):
        for m in months:
            nxt = date(m.year + (m.month == 12), m.month % 12 + 1, 1)
            wanted = 1 if rnd.random() < 0.1 else 2
            covered = [d for d in range(tl.rota_days)
                       if m <= tl.day(d) < nxt and kind[a, d] == 1 and tl.day(d) not in meeting_days]
            before = max(0, (min(nxt, tl.first_day) - m).days)
            share_before = before / (nxt - m).days
            for _ in range(wanted):
                topic = rnd.choice(texts.PRODUCT_TRAINING_TOPICS)
                if rnd.random() < share_before or not covered:
                    if before and ag.hire[a] < m:
                        when = m + timedelta(days=rnd.randrange(before))
                        sessions.append(Session(a, "product", topic, tl.local_epoch(when, 14 * 60), 2.0))
                    continue
                d = rnd.choice(covered)
                covered.remove(d)
                plan[(a, d)] = ("product", topic)
        # emotion management once a quarter
        q_start = date(tl.today.year, 3 * ((tl.today.month - 1) // 3) + 1, 1)
        candidates = [d for d in range(tl.rota_days) if tl.day(d) >= q_start and kind[a, d] == 1
                      and (a, d) not in plan and tl.day(d) not in meeting_days]
        if q_start < tl.first_day and ag.hire[a] < q_start and rnd.random() < 0.6:
            when = q_start + timedelta(days=rnd.randrange(max(1, (tl.first_day - q_start).days)))
            sessions.append(Session(a, "emotion", rnd.choice(texts.EMOTION_TOPICS),
                                    tl.local_epoch(when, 15 * 60), 2.0))
        elif candidates:
            plan[(a, rnd.choice(candidates))] = ("emotion", rnd.choice(texts.EMOTION_TOPICS))
    return plan


def _team_meeting_days(tl: Timeline) -> dict[date, bool]:
    """R-SCH-7: the monthly team meeting, held on the second Wednesday."""
    out: dict[date, bool] = {}
    m = date(tl.first_day.year, tl.first_day.month, 1)
    last = tl.day(tl.rota_days - 1)
    while m <= last:
        first_wed = m + timedelta(days=(2 - m.weekday()) % 7)
        out[first_wed + timedelta(days=7)] = True
        m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    return out


def _time_off(rnd: random.Random, tl: Timeline, org: Organisation, kind: np.ndarray,
              next_ids: dict[str, int]) -> list[dict]:
    """Approved leave in the past (the rota already honours it) and requests for the coming weeks."""
    ag = org.agents
    scheduler = org.usernames[org.staff["scheduler"]]
    rows: list[dict] = []
    today_index = tl.data_days - 1

    def add(a: int, first: int, days: int, status: str, leave_kind: str, requested: float,
            decided: float | None) -> None:
        next_ids["time_off_requests"] += 1
        rows.append({
            "id": next_ids["time_off_requests"], "person_id": int(ag.ids[a]),
            "starts_at": to_datetime(tl.local_epoch(tl.day(first))),
            "ends_at": to_datetime(tl.local_epoch(tl.day(first + days))),
            "kind": leave_kind, "status": status, "reason": rnd.choice(texts.LEAVE_REASONS),
            "requested_at": to_datetime(min(requested, tl.cutoff - 600)),
            "decided_by": scheduler if decided is not None else None,
            "decided_at": to_datetime(min(decided, tl.cutoff - 300)) if decided is not None else None,
            "version": 1,
        })

    for a in range(ag.n):
        # past: about one leave every ten weeks, already taken off the rota
        for _ in range(sum(rnd.random() < 0.1 for _ in range(tl.weeks))):
            first = rnd.randrange(max(1, today_index))
            if first < ag.start_day[a]:
                continue
            days = rnd.choice((1, 1, 2, 3))
            leave_kind = "sick" if rnd.random() < 0.25 else "annual"
            start = tl.local_epoch(tl.day(first))
            requested = start + 7 * 3600 if leave_kind == "sick" else start - rnd.uniform(5, 20) * 86400
            add(a, first, days, "approved", leave_kind, requested, requested + rnd.uniform(1, 20) * 3600)
            kind[a, first:first + days] = 0
        # the coming weeks: some decided, most waiting for the scheduler
        if rnd.random() < 0.3:
            first = today_index + rnd.randint(2, 28)
            days = rnd.choice((1, 2, 3, 5))
            status = rnd.choices(("approved", "requested", "rejected"), (0.35, 0.55, 0.10))[0]
            requested = tl.cutoff - rnd.uniform(0.2, 6) * 86400
            decided = requested + rnd.uniform(2, 30) * 3600 if status != "requested" else None
            add(a, first, days, status, "annual" if rnd.random() < 0.8 else "personal", requested, decided)
            if status == "approved":
                kind[a, first:min(first + days, kind.shape[1])] = 0
    return rows
