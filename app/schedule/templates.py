"""Shift templates: the shifts a rota is built from (start time, length, unpaid break).

A new center (for instance after importing its history) has none; ``add_default_templates``
gives it a standard set to start from — full-time shifts of 8 h 30 min with a 30-minute unpaid
lunch starting every hour from 07:00 to 16:00, a night shift at 22:30 (ending when the first day
shift starts), and 4-hour part-time shifts starting every two hours from 08:00 to 18:00 — which a
scheduler then trims.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.actor import Actor
from app.changes import Changes, record
from app.people.center import center_summary
from app.security.permissions import require
from db.models import ShiftTemplate

QUARTER = 15


@dataclass(frozen=True)
class TemplateRow:
    id: int
    name: str
    start: time
    duration_min: int
    break_min: int


def list_templates(session: Session) -> list[TemplateRow]:
    return [TemplateRow(t.id, t.name, t.start_time, t.duration_min, t.break_min)
            for t in session.scalars(select(ShiftTemplate).order_by(ShiftTemplate.start_time, ShiftTemplate.name))]


def _center_id(session: Session) -> int:
    center = center_summary(session)
    if center is None:
        raise ValueError("There is no center in this database yet.")
    return center.id


def _check(name: str, start: time, duration_min: int, break_min: int) -> None:
    if not name.strip():
        raise ValueError("A shift template needs a name.")
    if (start.hour * 60 + start.minute) % QUARTER or start.second:
        raise ValueError(f"{name}: shifts start on the quarter hour, not at {start:%H:%M}.")
    if duration_min <= 0 or duration_min % QUARTER:
        raise ValueError(f"{name}: a shift lasts whole quarter hours, not {duration_min} min.")
    if duration_min > 16 * 60:
        raise ValueError(f"{name}: a shift of {duration_min / 60:g} h is longer than 16 h.")
    if break_min < 0 or break_min % QUARTER or break_min >= duration_min:
        raise ValueError(f"{name}: the break must be whole quarter hours and shorter than the shift.")


def add_template(session: Session, actor: Actor, name: str, start: time, duration_min: int, break_min: int = 0
                 ) -> Changes:
    require(actor, "rota.edit")
    _check(name, start, duration_min, break_min)
    center_id = _center_id(session)
    if session.scalar(select(ShiftTemplate.id).where(ShiftTemplate.center_id == center_id,
                                                     ShiftTemplate.name == name.strip())) is not None:
        raise ValueError(f"There is already a shift template called '{name.strip()}'.")
    row = ShiftTemplate(center_id=center_id, name=name.strip(), start_time=start, duration_min=duration_min,
                        break_min=break_min)
    session.add(row)
    session.flush()
    audit.record(session, actor, "create", "shift_template", row.id,
                 after={"name": row.name, "start": start.strftime("%H:%M"), "minutes": duration_min,
                        "break": break_min})
    return record(session, Changes.SCHEDULE | Changes.AUDIT)


def default_templates() -> list[tuple[str, time, int, int]]:
    out = [(f"Day {h:02d}:00", time(h), 510, 30) for h in range(7, 17)]
    out.append(("Night 22:30", time(22, 30), 510, 30))  # ends 07:00, when the first day shift starts
    out += [(f"Part-time {h:02d}:00", time(h), 240, 0) for h in range(8, 19, 2)]
    return out


def add_default_templates(session: Session, actor: Actor) -> int:
    """Add the standard set (skipping names that exist); returns how many were added."""
    require(actor, "rota.edit")
    center_id = _center_id(session)
    have = set(session.scalars(select(ShiftTemplate.name).where(ShiftTemplate.center_id == center_id)))
    added = 0
    for name, start, minutes, brk in default_templates():
        if name not in have:
            add_template(session, actor, name, start, minutes, brk)
            added += 1
    return added
