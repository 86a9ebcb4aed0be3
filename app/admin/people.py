"""People and teams as the Admin workspace lists and edits them (team, level, contract hours, active)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.actor import Actor
from app.changes import Changes, record
from app.editing import apply_edit
from app.security.permissions import require
from db.errors import ConflictError
from db.models import Person, PersonSkill, Queue, Team
from db.models.org import AGENT_LEVELS

# R-SCH-3 keeps a weekly day off; nobody is contracted for more than six 10-hour days
MAX_CONTRACT_HOURS = 60.0


@dataclass(frozen=True)
class SkillRow:
    queue_name: str
    proficiency: int


@dataclass(frozen=True)
class PersonRow:
    id: int
    employee_no: str
    full_name: str
    job_title: str
    level: str | None
    team_id: int | None
    team_name: str | None
    hire_date: date
    mentor_name: str | None
    contract_hours_week: float
    skills: tuple[SkillRow, ...]
    active: bool
    version: int

    @property
    def skills_text(self) -> str:
        return ", ".join(f"{s.queue_name} ({s.proficiency})" for s in self.skills)


@dataclass(frozen=True)
class TeamRow:
    id: int
    name: str
    supervisor_name: str | None
    headcount: int  # active people in the team
    version: int


def list_people(session: Session, *, include_inactive: bool = True,
                person_id: int | None = None) -> list[PersonRow]:
    mentor = aliased(Person)
    q = (select(Person, Team.name, mentor.full_name)
         .outerjoin(Team, Team.id == Person.team_id)
         .outerjoin(mentor, mentor.id == Person.mentor_id)
         .order_by(Person.full_name, Person.id))
    if not include_inactive:
        q = q.where(Person.active.is_(True))
    skill_q = (select(PersonSkill.person_id, Queue.name, PersonSkill.proficiency)
               .join(Queue, Queue.id == PersonSkill.queue_id)
               .order_by(PersonSkill.person_id, PersonSkill.proficiency.desc(), Queue.name))
    if person_id is not None:
        q = q.where(Person.id == person_id)
        skill_q = skill_q.where(PersonSkill.person_id == person_id)
    skills: dict[int, list[SkillRow]] = defaultdict(list)
    for owner_id, queue_name, proficiency in session.execute(skill_q):
        skills[owner_id].append(SkillRow(queue_name, proficiency))
    return [_person_row(p, team_name, mentor_name, skills.get(p.id, []))
            for p, team_name, mentor_name in session.execute(q)]


def get_person(session: Session, person_id: int) -> PersonRow | None:
    rows = list_people(session, person_id=person_id)
    return rows[0] if rows else None


def _person_row(p: Person, team_name: str | None, mentor_name: str | None, skills: list[SkillRow]) -> PersonRow:
    return PersonRow(
        id=p.id, employee_no=p.employee_no, full_name=p.full_name, job_title=p.job_title, level=p.level,
        team_id=p.team_id, team_name=team_name, hire_date=p.hire_date, mentor_name=mentor_name,
        contract_hours_week=p.contract_hours_week, skills=tuple(skills), active=p.active, version=p.version)


def list_teams(session: Session) -> list[TeamRow]:
    supervisor = aliased(Person)
    headcount = (select(Person.team_id, func.count(Person.id).label("n"))
                 .where(Person.active.is_(True)).group_by(Person.team_id).subquery())
    rows = session.execute(
        select(Team, supervisor.full_name, func.coalesce(headcount.c.n, 0))
        .outerjoin(supervisor, supervisor.id == Team.supervisor_id)
        .outerjoin(headcount, headcount.c.team_id == Team.id)
        .order_by(Team.name))
    return [TeamRow(t.id, t.name, sup, int(n), t.version) for t, sup, n in rows]


def validate_person_edit(session: Session, person: Person, *, team_id: int | None, level: str | None,
                         contract_hours_week: float, active: bool) -> dict[str, object]:
    """Check the edited fields; ValueError with a message a user can act on."""
    if team_id is not None:
        team = session.get(Team, team_id)
        if team is None:
            raise ValueError(f"Team {team_id} does not exist (it may have been removed on another desk).")
        if team.center_id != person.center_id:
            raise ValueError(f"{team.name} belongs to another center.")
    if person.job_title == "agent":
        if level not in AGENT_LEVELS:
            raise ValueError(f"An agent's level must be one of {', '.join(AGENT_LEVELS)}, not '{level or ''}'.")
    elif level:
        raise ValueError(f"Only agents have a level; {person.full_name} is a {person.job_title}.")
    try:
        hours = float(contract_hours_week)
    except (TypeError, ValueError):
        raise ValueError(f"Contract hours must be a number, not '{contract_hours_week}'.") from None
    if not (0 < hours <= MAX_CONTRACT_HOURS):
        raise ValueError(f"Contract hours must be more than 0 and at most {MAX_CONTRACT_HOURS:g} a week, "
                         f"not {hours:g}.")
    return {"team_id": team_id, "level": level if person.job_title == "agent" else None,
            "contract_hours_week": hours, "active": bool(active)}


def update_person(session: Session, actor: Actor, person_id: int, expected_version: int, *,
                  team_id: int | None, level: str | None, contract_hours_week: float,
                  active: bool) -> Changes:
    """Save a person's team, level, contract hours and active flag (optimistic-locked, audited)."""
    require(actor, "people.edit")
    person = session.get(Person, person_id)
    if person is None:
        raise ConflictError("This person was removed by another desk.", "person", person_id)
    values = validate_person_edit(session, person, team_id=team_id, level=level,
                                  contract_hours_week=contract_hours_week, active=active)
    try:
        apply_edit(session, actor, Person, person_id, expected_version, values, entity="person")
    except ConflictError as exc:
        _name_teams(session, exc)
        raise
    return record(session, Changes.PEOPLE | Changes.AUDIT)


def _name_teams(session: Session, exc: ConflictError) -> None:
    """Show team names rather than ids in the conflict dialog."""
    for side in (exc.mine, exc.theirs):
        if "team_id" in side:
            team_id = side.pop("team_id")
            team = session.get(Team, team_id) if team_id is not None else None
            side["team"] = team.name if team is not None else ""
