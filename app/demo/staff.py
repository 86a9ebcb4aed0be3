"""The demo center's organisation: center, teams, people, users, queues, skills.

Agents are described column-wise (numpy arrays) because the traffic generator works on all
of them at once; everyone else is a short list of dicts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, time, timedelta

import numpy as np

from app.demo import texts

CENTER_NAME = "Floorwalker Demo Center"
CENTER_TZ = "Asia/Shanghai"
LEVELS = ("junior", "intermediate", "senior")

# Shift templates: (name, start minute of the local day, duration, break minutes, colour)
TEMPLATES = (
    ("Early", 7 * 60, 540, 60, "#4caf50"),
    ("Day", 8 * 60 + 30, 540, 60, "#2196f3"),
    ("Late", 15 * 60, 540, 60, "#ff9800"),
    ("Night", 0, 540, 60, "#673ab7"),
)
EARLY, DAY, LATE, NIGHT = range(4)


@dataclass(frozen=True)
class QueueSpec:
    name: str
    channel: str
    is_vip: bool
    priority: int
    target_service_level: float
    target_answer_sec: int
    daily_volume: float  # offered per weekday at 60 agents


QUEUES = (
    QueueSpec("Phone – General", "phone", False, 1, 0.80, 30, 960),
    QueueSpec("Phone – VIP", "phone", True, 10, 0.90, 20, 125),
    QueueSpec("Online chat", "chat", False, 2, 0.80, 30, 540),
    QueueSpec("Email", "email", False, 0, 0.90, 4 * 3600, 190),
    QueueSpec("Social media", "social", False, 0, 0.80, 3600, 90),
)
Q_GENERAL, Q_VIP, Q_CHAT, Q_EMAIL, Q_SOCIAL = range(len(QUEUES))


@dataclass
class Agents:
    """Column-wise facts about the agents (index a = 0..n-1; ``ids[a]`` is the people.id)."""

    ids: np.ndarray
    team: np.ndarray  # team index
    level: np.ndarray  # 0 junior, 1 intermediate, 2 senior
    template: np.ndarray  # shift template index
    hire: list[date]
    start_day: np.ndarray  # first rota day index the agent may take contacts (after induction)
    induction_day: np.ndarray  # first rota day of induction (may be negative: before the data)
    part_time: np.ndarray  # bool: 32 h contract (three days off)
    cleared: np.ndarray  # bool: passed the practical assessment (R-SCH-9)
    skills: np.ndarray  # (queues, agents) proficiency 0..5
    rating_mu: np.ndarray
    resolve_p: np.ndarray
    talk_factor: np.ndarray
    offer_p: np.ndarray
    convert_p: np.ndarray
    dialogue_mu: np.ndarray
    kb_rate: np.ndarray
    names: list[str]

    @property
    def n(self) -> int:
        return len(self.ids)


@dataclass
class Organisation:
    center: dict
    teams: list[dict]
    people: list[dict]
    users: list[dict]
    queues: list[dict]
    person_skills: list[dict]
    templates: list[dict]
    agents: Agents
    supervisors: list[int]  # people.id per team
    staff: dict[str, int] = field(default_factory=dict)  # job title -> people.id
    usernames: dict[int, str] = field(default_factory=dict)  # people.id -> username


class NamePool:
    """Unique, believable names: characters (王芳), pinyin (Chen Jing) or English given names."""

    def __init__(self, rnd: random.Random, *, unique: bool = True, lang: str = "en") -> None:
        self.rnd = rnd
        self.unique = unique
        self.chinese = lang == "zh_CN"  # every display name in characters (the same draws as in English)
        self.used: set[str] = set()
        self.shown: set[str] = set()

    def person(self) -> tuple[str, str, str]:
        """(display name, login stem, e-mail stem)."""
        for _ in range(1000):
            sur, sur_py = self.rnd.choice(texts.SURNAMES)
            given, given_py = self.rnd.choice(texts.GIVEN_NAMES)
            style = self.rnd.random()
            if style < 0.62:
                name = sur + given
            elif style < 0.84:
                name = f"{sur_py} {given_py}"
            else:
                given_py = self.rnd.choice(texts.ENGLISH_GIVEN)
                name = f"{given_py} {sur_py}"
            if not self.unique or name not in self.used:
                self.used.add(name)
                stem = f"{given_py}.{sur_py}".lower()
                if self.chinese:
                    name = self._characters(sur, given)
                return name, stem, stem
        raise RuntimeError("name pool exhausted")

    def _characters(self, sur: str, given: str) -> str:
        """王芳 for the drawn surname and given name; another given name, chosen without drawing, when a
        different romanisation of the same characters already named someone (Chen Jing and 陈静)."""
        name = sur + given
        if self.unique:
            pool = [g for g, _ in texts.GIVEN_NAMES]
            start = pool.index(given)
            for k in range(len(pool) * 2):
                name = sur + pool[(start + k) % len(pool)] if k < len(pool) else sur + pool[k % len(pool)] * 2
                if name not in self.shown:
                    break
            self.shown.add(name)
        return name


def build_organisation(rnd: random.Random, nrng: np.random.Generator, n_agents: int, today: date,
                       first_day: date, lang: str = "en") -> Organisation:
    center = {"id": 1, "name": CENTER_NAME, "timezone": CENTER_TZ, "holiday_country": "CN",
              "holiday_subdiv": None, "locale": "zh_CN", "version": 1,
              "opening_hours": {d: ["00:00", "24:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}}
    n_teams = min(4, max(2 if n_agents >= 6 else 1, round(n_agents / 15)))
    teams = [{"id": i + 1, "center_id": 1, "name": texts.TEAM_NAMES[i], "supervisor_id": None, "version": 1}
             for i in range(n_teams)]
    names = NamePool(rnd, lang=lang)
    people: list[dict] = []
    users: list[dict] = []
    usernames: dict[int, str] = {}
    logins: set[str] = set()

    def add_person(title: str, team_id: int | None, level: str | None, hire: date,
                   hours: float = 40.0) -> int:
        pid = len(people) + 1
        name, stem, mail = names.person()
        people.append({
            "id": pid, "center_id": 1, "team_id": team_id, "employee_no": f"FW{pid:04d}",
            "full_name": name, "job_title": title, "level": level, "hire_date": hire, "mentor_id": None,
            "contract_hours_week": hours, "email": f"{mail}.{pid}@demo.floorwalker.example",
            "cleared_for_solo": True, "active": True, "version": 1,
        })
        if title != "agent":
            login = stem
            while login in logins:
                login = f"{stem}{len(logins)}"
            logins.add(login)
            usernames[pid] = login
            users.append({"id": len(users) + 1, "person_id": pid, "username": login, "display_name": name,
                          "role": title, "password_hash": None, "must_change_password": True,
                          "failed_logins": 0, "active": True, "version": 1})
        return pid

    def years_ago(lo: float, hi: float) -> date:
        return today - timedelta(days=int(rnd.uniform(lo, hi) * 365))

    supervisors = [add_person("supervisor", t["id"], None, years_ago(4, 9)) for t in teams]
    staff = {title: add_person(title, None, None, years_ago(2, 10))
             for title in ("manager", "scheduler", "quality_analyst", "trainer", "administrator")}

    # --- agents
    level = np.array([0] * n_agents)
    order = list(range(n_agents))
    rnd.shuffle(order)
    n_senior = max(1, round(0.25 * n_agents))
    n_inter = max(1 if n_agents >= 3 else 0, round(0.40 * n_agents))
    for rank, a in enumerate(order):
        level[a] = 2 if rank < n_senior else 1 if rank < n_senior + n_inter else 0
    n_night = 1 if n_agents < 4 else max(2, round(0.12 * n_agents))
    template = np.full(n_agents, DAY)
    night_pool = sorted(range(n_agents), key=lambda a: (-level[a], a))[:n_night]
    rest = [a for a in range(n_agents) if a not in night_pool]
    rnd.shuffle(rest)
    for a in night_pool:
        template[a] = NIGHT
    n_rest = len(rest)
    # the evening chat peak needs the late line; small centers keep two people per line
    least = 2 if n_rest >= 6 else 0
    n_early, n_late = max(least, round(0.25 * n_rest)), max(least, round(0.45 * n_rest))
    n_late = min(n_late, n_rest - n_early - least)
    for i, a in enumerate(rest):
        template[a] = EARLY if i < n_early else LATE if i < n_early + n_late else DAY

    # recent hires: juniors in the history window; one still in induction at larger sizes
    juniors = [a for a in range(n_agents) if level[a] == 0 and template[a] != NIGHT]
    rnd.shuffle(juniors)
    recent = juniors[: (2 if n_agents >= 12 else 0)]
    brand_new = juniors[2] if n_agents >= 20 and len(juniors) > 2 else None
    hire: list[date] = []
    for a in range(n_agents):
        if a == brand_new:
            hire.append(today - timedelta(days=rnd.randint(1, 2)))
        elif a in recent:
            hire.append(today - timedelta(days=rnd.randint(24, 45)))
        elif level[a] == 2:
            hire.append(years_ago(3, 8))
        elif level[a] == 1:
            hire.append(years_ago(1, 3))
        else:
            hire.append(today - timedelta(days=rnd.randint(90, 360)))
    part_time = np.array([template[a] != NIGHT and level[a] < 2 and rnd.random() < 0.1 for a in range(n_agents)])
    team = np.array([a % n_teams for a in range(n_agents)])

    agent_ids = []
    for a in range(n_agents):
        agent_ids.append(add_person("agent", teams[team[a]]["id"], LEVELS[level[a]], hire[a],
                                    32.0 if part_time[a] else 40.0))
    ids = np.array(agent_ids)
    induction_day = np.array([(h - first_day).days for h in hire])
    start_day = induction_day + 3  # R-SCH-9: three days of induction first
    cleared = np.array([a != brand_new for a in range(n_agents)])
    seniors = [a for a in range(n_agents) if level[a] == 2]
    for a in range(n_agents):
        person = people[ids[a] - 1]
        if (today - hire[a]).days <= 60 and seniors:  # a mentor for the first month (and a bit)
            same_team = [s for s in seniors if team[s] == team[a]] or seniors
            person["mentor_id"] = int(ids[rnd.choice(same_team)])
        if not cleared[a]:
            person["cleared_for_solo"] = False

    # --- skills (proficiency 1..5; 0 = none)
    skills = np.zeros((len(QUEUES), n_agents), dtype=np.int64)
    base = np.array([2, 3, 4])[level] + (nrng.random(n_agents) < 0.5)
    skills[Q_GENERAL] = np.clip(base, 1, 5)
    vip = (level == 2) | ((level == 1) & (nrng.random(n_agents) < 0.3))
    chat = nrng.random(n_agents) < np.array([0.7, 0.6, 0.5])[level]
    if n_agents < 30:  # in a small center everybody takes chats
        chat[:] = True
    email = nrng.random(n_agents) < 0.3
    social = nrng.random(n_agents) < 0.15
    for q, has in ((Q_VIP, vip), (Q_CHAT, chat), (Q_EMAIL, email), (Q_SOCIAL, social)):
        # every shift line can serve every queue: give the skill to its most senior member
        for t in range(len(TEMPLATES)):
            members = [a for a in range(n_agents) if template[a] == t and cleared[a]]
            # the lines answer calls and chats all day: at least half can take chats and VIPs
            wanted = (len(members) + 1) // 2 if q in (Q_VIP, Q_CHAT) else min(2, (len(members) + 1) // 2)
            for a in sorted(members, key=lambda a: (-level[a], a)):
                if sum(has[m] for m in members) >= wanted:
                    break
                has[a] = True
        skills[q] = np.where(has, np.clip(base - (q == Q_VIP), 1, 5), 0)
    person_skills = [{"person_id": int(ids[a]), "queue_id": q + 1, "proficiency": int(skills[q, a])}
                     for a in range(n_agents) for q in range(len(QUEUES)) if skills[q, a]]

    # --- how each agent performs (drives ratings, resolution, QA scores)
    lvl = level.astype(float)
    agents = Agents(
        ids=ids, team=team, level=level, template=template, hire=hire, start_day=start_day,
        induction_day=induction_day, part_time=part_time, cleared=cleared, skills=skills,
        rating_mu=4.62 + 0.08 * (lvl - 1) + nrng.normal(0, 0.16, n_agents),
        resolve_p=np.clip(0.885 + 0.025 * (lvl - 1) + nrng.normal(0, 0.02, n_agents), 0.78, 0.97),
        talk_factor=np.array([1.15, 1.0, 0.9])[level] * np.exp(nrng.normal(0, 0.08, n_agents)),
        offer_p=np.clip(nrng.normal(0.35, 0.08, n_agents), 0.1, 0.6),
        convert_p=np.clip(nrng.normal(0.05, 0.015, n_agents), 0.01, 0.1),
        dialogue_mu=np.clip(7.6 + 0.5 * (lvl - 1) + nrng.normal(0, 0.45, n_agents), 5.5, 9.5),
        kb_rate=np.clip(nrng.normal(5.2, 1.6, n_agents), 1.0, 9.0),
        names=[people[i - 1]["full_name"] for i in ids],
    )

    queues = [{"id": i + 1, "center_id": 1, "name": q.name, "channel": q.channel, "is_vip": q.is_vip,
               "priority": q.priority, "target_service_level": q.target_service_level,
               "target_answer_sec": q.target_answer_sec, "active": True, "version": 1}
              for i, q in enumerate(QUEUES)]
    templates = [{"id": i + 1, "center_id": 1, "name": name, "start_time": time(start // 60, start % 60),
                  "duration_min": dur,
                  "break_min": brk, "color": color, "version": 1, "_start_min": start}
                 for i, (name, start, dur, brk, color) in enumerate(TEMPLATES)]
    return Organisation(center=center, teams=teams, people=people, users=users, queues=queues,
                        person_skills=person_skills, templates=templates, agents=agents,
                        supervisors=supervisors, staff=staff, usernames=usernames)
