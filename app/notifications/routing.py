"""Routing rules: which outside channels a notification goes to, in which language, and when.

A route matches a notification when its kind pattern matches (``sla.*``, ``*``, an exact kind),
its levels include the notification's escalation level (none listed: every level), the
severity reaches the route's minimum, and its audience matches: a team (the notification was
posted to that team, or one of the people concerned is in it), a role (posted to that role, or
one of the people has it), a person (among the people concerned), or nobody in particular.
The default ladder is level 1 console only, level 2 the team's IM group, level 3 the manager's
e-mail: that is three routes an administrator sets up in Admin ▸ Notifications.

Quiet hours (the center's local time) hold a non-critical delivery until they end; a critical
one goes at once.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Center, NotificationChannel, NotificationRoute, Person, User

if TYPE_CHECKING:
    from app.notifications.service import Recipients

SEVERITY_RANK = {"info": 0, "warning": 1, "critical": 2}


@dataclass
class Plan:
    channel_id: int
    route_id: int
    language: str
    not_before: datetime
    to_addresses: list[str] = field(default_factory=list)


def kind_matches(patterns: list[str] | None, kind: str) -> bool:
    if not patterns:
        return True
    return any(fnmatch.fnmatchcase(kind, p.strip()) for p in patterns if p and p.strip())


def parse_hhmm(text: str | None) -> time | None:
    if not text:
        return None
    try:
        hh, mm = text.strip().split(":")
        h, m = int(hh), int(mm)
    except ValueError:
        raise ValueError(f"'{text}' is not a time of day (use HH:MM, e.g. 22:00).") from None
    if h == 24 and m == 0:
        return time(0, 0)
    if not (0 <= h < 24 and 0 <= m < 60):
        raise ValueError(f"'{text}' is not a time of day (use HH:MM, e.g. 22:00).")
    return time(h, m)


def quiet_until(now: datetime, start: str | None, end: str | None, tz: ZoneInfo) -> datetime | None:
    """The end of the quiet window ``now`` falls in (aware UTC), or None if it is not quiet."""
    s, e = parse_hhmm(start), parse_hhmm(end)
    if s is None or e is None or s == e:
        return None
    local = now.astimezone(tz)
    t = local.time().replace(tzinfo=None)
    if s < e:
        inside = s <= t < e
        end_day = local.date()
    else:  # over midnight: 22:00-07:00
        inside = t >= s or t < e
        end_day = local.date() + timedelta(days=1) if t >= s else local.date()
    if not inside:
        return None
    end_local = datetime.combine(end_day, e, tzinfo=tz)
    return end_local.astimezone(now.tzinfo)


def center_tz(session: Session) -> ZoneInfo:
    name = session.scalar(select(Center.timezone).order_by(Center.id).limit(1))
    try:
        return ZoneInfo(name or "UTC")
    except Exception:  # noqa: BLE001 - a broken zone name must not stop a notification
        return ZoneInfo("UTC")


def plan(session: Session, *, kind: str, severity: str, level: int, recipients: Recipients,
         people: set[int], now: datetime) -> list[Plan]:
    routes = session.execute(
        select(NotificationRoute, NotificationChannel.kind, NotificationChannel.config)
        .join(NotificationChannel, NotificationChannel.id == NotificationRoute.channel_id)
        .where(NotificationRoute.active.is_(True), NotificationChannel.active.is_(True))
        .order_by(NotificationRoute.id)
    ).all()
    if not routes:
        return []
    person_rows: dict[int, tuple[int | None, str | None]] = {}
    roles: set[str] = set(recipients.roles)
    teams: set[int] = set(recipients.team_ids)
    if people:
        for pid, team_id, email in session.execute(
                select(Person.id, Person.team_id, Person.email).where(Person.id.in_(people))):
            person_rows[pid] = (team_id, email)
            if team_id is not None:
                teams.add(team_id)
        person_roles: dict[int, set[str]] = {}
        for pid, role in session.execute(select(User.person_id, User.role).where(
                User.person_id.in_(people), User.active.is_(True))):
            person_roles.setdefault(pid, set()).add(role)
            roles.add(role)
    else:
        person_roles = {}
    tz = None
    by_channel: dict[int, Plan] = {}
    for route, channel_kind, channel_config in routes:
        if not kind_matches(route.kinds, kind):
            continue
        if route.levels and level not in {int(x) for x in route.levels}:
            continue
        if SEVERITY_RANK.get(severity, 0) < SEVERITY_RANK.get(route.min_severity or "info", 0):
            continue
        audience: set[int] = set(people)
        if route.team_id is not None:
            if route.team_id not in teams:
                continue
            audience = {p for p in audience if person_rows.get(p, (None, None))[0] == route.team_id}
        if route.role:
            if route.role not in roles:
                continue
            audience = {p for p in audience if route.role in person_roles.get(p, set())}
        if route.person_id is not None:
            if route.person_id not in people:
                continue
            audience = {route.person_id}
        not_before = now
        if severity != "critical" and route.quiet_start and route.quiet_end:
            tz = tz or center_tz(session)
            held = quiet_until(now, route.quiet_start, route.quiet_end, tz)
            if held is not None:
                not_before = held
        addresses: list[str] = []
        if channel_kind == "email":
            addresses.extend(a for a in (channel_config or {}).get("to", []) if a)
            if route.to_people:
                addresses.extend(e for p in sorted(audience) if (e := person_rows.get(p, (None, None))[1]))
        existing = by_channel.get(route.channel_id)
        if existing is None:
            by_channel[route.channel_id] = Plan(route.channel_id, route.id, route.language or "zh_CN",
                                                not_before, list(dict.fromkeys(addresses)))
        else:  # two routes to one channel: one message, the earliest time, all addresses
            existing.not_before = min(existing.not_before, not_before)
            existing.to_addresses = list(dict.fromkeys(existing.to_addresses + addresses))
    return list(by_channel.values())
