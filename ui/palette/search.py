"""What the command palette finds in the database: agents (name or employee number), complaints (by
reference or number), and weeks ("2026-W48", "W48", "2026-11-23"). No Qt: runs on a worker.

Rows are limited to what the signed-in user may see (app.security.permissions.row_scope): a
supervisor finds the complaints of their teams, an agent their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.security.masking import mask_text
from app.security.permissions import row_scope
from db.models.complaints import Complaint
from db.models.org import Person, Team

LIMIT = 8
WEEK = re.compile(r"^(?:(\d{4})\s*-?\s*)?w(?:eek)?\s*(\d{1,2})$", re.IGNORECASE)
DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class Hit:
    kind: str  # "agent" | "complaint" | "week"
    key: str  # what the workspace is given: a person id, a complaint id, a Monday (ISO date)
    title: str
    detail: str = ""
    stage: str = ""  # complaints: the stage key (translated by the palette)


def parse_week(text: str, today: date) -> date | None:
    """The Monday of the week ``text`` names: "2026-W48", "2026W48", "W48" (this year), "week 48",
    or any day "2026-11-25"; None when it names no week."""
    text = text.strip()
    m = WEEK.match(text)
    if m:
        year = int(m.group(1)) if m.group(1) else today.isocalendar().year
        week = int(m.group(2))
        try:
            return date.fromisocalendar(year, week, 1)
        except ValueError:
            return None
    m = DAY.match(text)
    if m:
        try:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return day - timedelta(days=day.weekday())
    return None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def search_entities(session: Session, actor: Actor, text: str, today: date) -> list[Hit]:
    """Weeks, agents and complaints matching ``text`` (at most LIMIT of each), best first."""
    text = text.strip()
    hits: list[Hit] = []
    if not text:
        return hits
    monday = parse_week(text, today)
    if monday is not None:
        year, week, _ = monday.isocalendar()
        hits.append(Hit("week", monday.isoformat(), f"{year}-W{week:02d}",
                        f"{monday.isoformat()} – {(monday + timedelta(days=6)).isoformat()}"))
    if len(text) < 2 and text.isascii() and not text.isdigit():
        return hits  # one Latin letter matches everyone; one Chinese character is a surname
    pattern = _like(text)
    scope = row_scope(session, actor)
    people = select(Person.id, Person.full_name, Person.employee_no, Team.name) \
        .outerjoin(Team, Team.id == Person.team_id) \
        .where(Person.active.is_(True),
               or_(func.lower(Person.full_name).like(pattern, escape="\\"),
                   func.lower(Person.employee_no).like(pattern, escape="\\"))) \
        .order_by(func.length(Person.full_name), Person.full_name, Person.id).limit(LIMIT)
    if not scope.sees_all:
        agents = scope.agent_ids()
        if agents is not None:
            people = people.where(Person.id.in_(agents))
    for pid, name, number, team in session.execute(people):
        hits.append(Hit("agent", str(pid), name, " · ".join(x for x in (number, team or "") if x)))
    cases = select(Complaint.id, Complaint.reference, Complaint.stage, Complaint.summary) \
        .where(Complaint.merged_into_id.is_(None))
    # by reference, or by its number ("234" finds C-2026-000234); the ones ending so come first
    cases = cases.where(func.lower(Complaint.reference).like(pattern, escape="\\"))
    ending = Complaint.reference.like(f"%{text}", escape="\\") if text.isdigit() else None
    clause = scope.complaint_clause()
    if clause is not None:
        cases = cases.where(clause)
    order = [Complaint.id.desc()] if ending is None else [ending.desc(), Complaint.id.desc()]
    for cid, reference, stage, summary in session.execute(cases.order_by(*order).limit(LIMIT)):
        short = mask_text(" ".join((summary or "").split()))
        hits.append(Hit("complaint", str(cid), reference, short[:60], stage))
    return hits
