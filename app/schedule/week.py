"""A rota week as the Schedule workspace shows it: per person (grouped by team) the shifts of
each day in center-local time with their activities, headcount and hourly coverage; the weeks
that have rotas; and who is on shift now.

Which rota a week shows: the highest published revision; when nothing is published yet, the
highest draft. A shift belongs to the day on which it starts (center-local), so a night shift
from Sunday 22:00 to Monday 06:00 sits in Sunday's column of its own week.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.i18n import N_
from app.people.center import center_summary
from db.models import Person, Rota, ShiftActivity, ShiftAssignment, ShiftTemplate, Team

DRAFT = "draft"
PUBLISHED = "published"
# Activities that take an agent off the phones while on shift (work is the shift itself).
OFF_PHONE_ACTIVITIES = ("break", "meeting", "training")
ACTIVITY_LABELS = {
    "work": N_("Work"),
    "break": N_("Break"),
    "meeting": N_("Meeting"),
    "training": N_("Training"),
}
UTC = ZoneInfo("UTC")


def week_start_of(day: date) -> date:
    """The Monday of the week holding ``day``."""
    return day - timedelta(days=day.weekday())


def current_week_start(tz: ZoneInfo) -> date:
    return week_start_of(clock.now().astimezone(tz).date())


def _center(session: Session) -> tuple[int | None, ZoneInfo]:
    center = center_summary(session)
    return (center.id, ZoneInfo(center.timezone)) if center else (None, UTC)


# --- results ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ActivitySlot:
    kind: str  # work / break / meeting / training
    start: datetime  # center-local, aware
    end: datetime


@dataclass(frozen=True)
class ShiftCell:
    assignment_id: int
    start: datetime  # center-local, aware
    end: datetime
    template_id: int | None
    template_name: str | None
    template_color: str | None
    is_backup: bool
    note: str | None
    activities: tuple[ActivitySlot, ...]

    @property
    def day(self) -> date:
        return self.start.date()

    @property
    def ends_next_day(self) -> bool:
        return self.end.date() > self.start.date()

    @property
    def hours(self) -> float:
        return (self.end - self.start).total_seconds() / 3600

    @property
    def break_hours(self) -> float:
        return sum((a.end - a.start).total_seconds() for a in self.activities if a.kind == "break") / 3600


@dataclass(frozen=True)
class RotaRow:
    person_id: int
    name: str
    level: str | None
    days: tuple[tuple[ShiftCell, ...], ...]  # seven days, Monday first; usually zero or one shift

    @property
    def shift_count(self) -> int:
        return sum(len(d) for d in self.days)

    @property
    def hours(self) -> float:
        return sum(cell.hours for d in self.days for cell in d)


@dataclass(frozen=True)
class TeamGroup:
    team_id: int | None  # None: people without a team
    name: str | None
    rows: tuple[RotaRow, ...]


@dataclass(frozen=True)
class HourCoverage:
    """One center-local hour: ``on_shift`` people have a shift overlapping it; ``working`` is the
    staffed time they give it in hours (shift time minus breaks, meetings and training), so 9
    people through an hour with a 15-minute stand-up work 6.75 h."""

    on_shift: int
    working: float


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    name: str
    color: str | None
    start: time
    duration_min: int


@dataclass(frozen=True)
class RotaWeek:
    week_start: date
    timezone: str
    rota_id: int | None = None
    status: str | None = None
    revision: int | None = None
    created_at: datetime | None = None
    published_at: datetime | None = None
    published_by: str | None = None
    newer_draft_revision: int | None = None  # a draft in progress after the shown published revision
    newer_draft_id: int | None = None
    version: int | None = None  # the shown rota's row version, for publishing it (app/schedule/publish.py)
    teams: tuple[TeamGroup, ...] = ()
    headcount: tuple[int, ...] = (0,) * 7  # people with a shift starting that day
    coverage: tuple[tuple[HourCoverage, ...], ...] = ()  # [day][hour], center-local
    templates: tuple[TemplateInfo, ...] = ()

    @property
    def has_rota(self) -> bool:
        return self.rota_id is not None

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.week_start + timedelta(days=i) for i in range(7))

    @property
    def people(self) -> int:
        return sum(len(t.rows) for t in self.teams)


@dataclass(frozen=True)
class RotaWeekSummary:
    week_start: date
    status: str
    revision: int


@dataclass(frozen=True)
class OnShift:
    person_id: int
    name: str
    team: str | None
    shift_start: datetime  # center-local
    shift_end: datetime
    activity: str | None  # break / meeting / training right now, None when working


@dataclass(frozen=True)
class OnShiftNow:
    at: datetime
    people: tuple[OnShift, ...]

    @property
    def working(self) -> int:
        return sum(1 for p in self.people if p.activity is None)


# --- queries ---------------------------------------------------------------------------------------
def _shown_rotas(session: Session, center_id: int, week_start: date) -> tuple[Rota | None, Rota | None]:
    """The rota a week shows, and the newest draft after it when the shown one is published."""
    rotas = session.scalars(
        select(Rota).where(Rota.center_id == center_id, Rota.week_start == week_start)
        .order_by(Rota.revision.desc(), Rota.id.desc())).all()
    published = [r for r in rotas if r.status == PUBLISHED]
    drafts = [r for r in rotas if r.status != PUBLISHED]
    if published:
        shown = published[0]
        newer = [d for d in drafts if d.revision > shown.revision]
        return shown, newer[0] if newer else None
    return (drafts[0] if drafts else None), None


def rota_week(session: Session, week_start: date | None = None, *, tz: ZoneInfo | None = None) -> RotaWeek:
    """The rota of the week holding ``week_start`` (default: this week, center-local)."""
    center_id, center_tz = _center(session)
    tz = tz or center_tz
    week_start = week_start_of(week_start) if week_start else current_week_start(tz)
    if center_id is None:
        return RotaWeek(week_start=week_start, timezone=tz.key)
    rota, newer_draft = _shown_rotas(session, center_id, week_start)
    if rota is None:
        return RotaWeek(week_start=week_start, timezone=tz.key)

    days = [week_start + timedelta(days=i) for i in range(7)]
    cells: dict[int, list[list[ShiftCell]]] = defaultdict(lambda: [[] for _ in range(7)])
    templates: dict[int, TemplateInfo] = {}
    all_cells: list[ShiftCell] = []
    for person_id, cell, template in _rota_cells(session, rota.id, tz):
        all_cells.append(cell)
        offset = (cell.day - week_start).days
        if 0 <= offset < 7:
            cells[person_id][offset].append(cell)
        if template is not None:
            templates[template.id] = TemplateInfo(template.id, template.name, template.color,
                                                  template.start_time, template.duration_min)

    people = session.execute(
        select(Person.id, Person.full_name, Person.level, Person.team_id, Team.name)
        .outerjoin(Team, Team.id == Person.team_id)
        .where(Person.center_id == center_id,
               or_(and_(Person.active.is_(True), Person.job_title == "agent"),
                   Person.id.in_(list(cells) or [-1])))).all()
    groups: dict[int | None, tuple[str | None, list[RotaRow]]] = {}
    for person_id, name, level, team_id, team_name in people:
        row_days = tuple(tuple(d) for d in cells[person_id]) if person_id in cells else ((),) * 7
        groups.setdefault(team_id, (team_name, []))[1].append(RotaRow(person_id, name, level, row_days))
    teams = tuple(
        TeamGroup(team_id, name, tuple(sorted(rows, key=lambda r: r.name.casefold())))
        for team_id, (name, rows) in sorted(groups.items(), key=lambda kv: (kv[0] is None, (kv[1][0] or "").casefold())))

    headcount = tuple(len({pid for pid, per_day in cells.items() if per_day[i]}) for i in range(7))
    # last week's night shifts still cover this Monday's early hours
    previous, _newer = _shown_rotas(session, center_id, week_start - timedelta(days=7))
    if previous is not None:
        week_begins = datetime.combine(week_start, time(0), tzinfo=tz)
        all_cells.extend(cell for _pid, cell, _t in _rota_cells(session, previous.id, tz, ends_after=week_begins))
    return RotaWeek(
        week_start=week_start, timezone=tz.key, rota_id=rota.id, status=rota.status, revision=rota.revision,
        created_at=rota.created_at, published_at=rota.published_at, published_by=rota.published_by,
        newer_draft_revision=newer_draft.revision if newer_draft else None,
        newer_draft_id=newer_draft.id if newer_draft else None, version=rota.version, teams=teams,
        headcount=headcount,
        coverage=_coverage(all_cells, days, tz),
        templates=tuple(sorted(templates.values(), key=lambda t: (t.start, t.name))),
    )


def _rota_cells(session: Session, rota_id: int, tz: ZoneInfo, *, ends_after: datetime | None = None,
                ) -> list[tuple[int, ShiftCell, ShiftTemplate | None]]:
    """(person id, shift, template) of every assignment of a rota, in center-local time."""
    where = [ShiftAssignment.rota_id == rota_id]
    if ends_after is not None:
        where.append(ShiftAssignment.ends_at > ends_after)
    assignments = session.execute(
        select(ShiftAssignment, ShiftTemplate)
        .outerjoin(ShiftTemplate, ShiftTemplate.id == ShiftAssignment.template_id)
        .where(*where).order_by(ShiftAssignment.starts_at)).all()
    activities: dict[int, list[ActivitySlot]] = defaultdict(list)
    if assignments:
        for act in session.scalars(
                select(ShiftActivity).join(ShiftAssignment, ShiftAssignment.id == ShiftActivity.assignment_id)
                .where(*where).order_by(ShiftActivity.starts_at)):
            activities[act.assignment_id].append(
                ActivitySlot(act.kind, act.starts_at.astimezone(tz), act.ends_at.astimezone(tz)))
    return [
        (a.person_id,
         ShiftCell(assignment_id=a.id, start=a.starts_at.astimezone(tz), end=a.ends_at.astimezone(tz),
                   template_id=template.id if template else None,
                   template_name=template.name if template else None,
                   template_color=template.color if template else None, is_backup=a.is_backup, note=a.note,
                   activities=tuple(activities.get(a.id, ()))),
         template)
        for a, template in assignments
    ]


def _coverage(cells: list[ShiftCell], days: list[date], tz: ZoneInfo) -> tuple[tuple[HourCoverage, ...], ...]:
    """Per local hour of the week: people on shift in it, and the staffed hours they work in it."""
    bounds = [datetime.combine(day, time(hour), tzinfo=tz).astimezone(UTC) for day in days for hour in range(24)]
    bounds.append(datetime.combine(days[-1] + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC))
    on_shift = [0] * (len(bounds) - 1)
    working = [0.0] * (len(bounds) - 1)
    for cell in cells:
        first = max(bisect_right(bounds, cell.start) - 1, 0)
        for i in range(first, len(bounds) - 1):
            start, end = bounds[i], bounds[i + 1]
            if start >= cell.end:
                break
            seconds = _overlap(cell.start, cell.end, start, end)
            if seconds <= 0:
                continue
            away = sum(_overlap(a.start, a.end, start, end) for a in cell.activities if a.kind in OFF_PHONE_ACTIVITIES)
            on_shift[i] += 1
            working[i] += max(seconds - away, 0.0) / 3600
    return tuple(tuple(HourCoverage(on_shift[d * 24 + h], round(working[d * 24 + h], 4)) for h in range(24))
                 for d in range(len(days)))


def _overlap(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> float:
    return max((min(a_end, b_end) - max(a_start, b_start)).total_seconds(), 0.0)


def rota_weeks(session: Session) -> list[RotaWeekSummary]:
    """Every week that has a rota, newest first, with the status of the revision it shows."""
    center_id, _tz = _center(session)
    if center_id is None:
        return []
    rows = session.execute(
        select(Rota.week_start, Rota.status, func.max(Rota.revision))
        .where(Rota.center_id == center_id).group_by(Rota.week_start, Rota.status)).all()
    best: dict[date, RotaWeekSummary] = {}
    for week, status, revision in rows:
        current = best.get(week)
        if current is None or (status == PUBLISHED and current.status != PUBLISHED):
            best[week] = RotaWeekSummary(week, status, int(revision))
    return sorted(best.values(), key=lambda w: w.week_start, reverse=True)


def on_shift_now(session: Session, at: datetime | None = None, *, tz: ZoneInfo | None = None) -> OnShiftNow:
    """Who is on shift at ``at`` (default now) by the published rotas (latest revision per week)."""
    center_id, center_tz = _center(session)
    tz = tz or center_tz
    at = at or clock.now()
    if center_id is None:
        return OnShiftNow(at, ())
    this_week = week_start_of(at.astimezone(tz).date())
    candidates = session.execute(
        select(Rota.id, Rota.week_start, Rota.revision)
        .where(Rota.center_id == center_id, Rota.status == PUBLISHED,
               Rota.week_start.in_([this_week, this_week - timedelta(days=7)]))).all()
    latest: dict[date, tuple[int, int]] = {}
    for rota_id, week, revision in candidates:
        if week not in latest or revision > latest[week][1]:
            latest[week] = (rota_id, revision)
    rota_ids = [rota_id for rota_id, _rev in latest.values()]
    if not rota_ids:
        return OnShiftNow(at, ())
    rows = session.execute(
        select(ShiftAssignment.id, ShiftAssignment.person_id, ShiftAssignment.starts_at, ShiftAssignment.ends_at,
               Person.full_name, Team.name)
        .join(Person, Person.id == ShiftAssignment.person_id)
        .outerjoin(Team, Team.id == Person.team_id)
        .where(ShiftAssignment.rota_id.in_(rota_ids), ShiftAssignment.starts_at <= at,
               ShiftAssignment.ends_at > at)).all()
    doing: dict[int, str] = {}
    if rows:
        for assignment_id, kind in session.execute(
                select(ShiftActivity.assignment_id, ShiftActivity.kind)
                .where(ShiftActivity.assignment_id.in_([r[0] for r in rows]),
                       ShiftActivity.kind.in_(OFF_PHONE_ACTIVITIES),
                       ShiftActivity.starts_at <= at, ShiftActivity.ends_at > at)):
            doing[assignment_id] = kind
    people = sorted(
        (OnShift(person_id, name, team, start.astimezone(tz), end.astimezone(tz), doing.get(aid))
         for aid, person_id, start, end, name, team in rows),
        key=lambda p: ((p.team or "").casefold(), p.name.casefold()))
    return OnShiftNow(at, tuple(people))
