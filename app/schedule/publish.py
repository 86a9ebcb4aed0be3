"""Publishing a rota: only schedulers (issue 3: "a supervisor cannot publish a rota"), versioned, audited.

A draft becomes published when it passes these checks:

* it is still a draft, and still at the version the scheduler looked at (another desk may have
  edited or published it since: :class:`ConflictError`);
* its week is not over (center-local: the Sunday is today or later), so a running week can
  still be corrected but history is not rewritten;
* it has shifts, and every shift starts before it ends.

It gets the next revision number after the week's highest published revision (1 when none), and
the earlier published revisions stay as history: ``rota_week`` shows the highest one. The audit
log keeps the status, revision and publisher before and after.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.editing import row_values
from app.people.center import center_summary
from app.schedule.week import DRAFT, PUBLISHED, UTC
from app.security.permissions import require
from db.errors import ConflictError
from db.models import Person, Rota, ShiftAssignment

PUBLISH_PERMISSION = "rota.publish"


@dataclass(frozen=True)
class PublishPreview:
    """What publishing a draft would put out, for the confirmation: shifts, people and hours."""

    rota_id: int
    week_start: date
    version: int
    status: str
    next_revision: int  # the revision it gets when published
    previous_revision: int | None  # the published revision it replaces, if any
    shifts: int
    people: int
    hours: float  # scheduled shift time, breaks included
    problems: tuple[str, ...]  # why it cannot be published; empty when it can

    @property
    def can_publish(self) -> bool:
        return not self.problems


def _zone(session: Session) -> ZoneInfo:
    center = center_summary(session)
    return ZoneInfo(center.timezone) if center else UTC


def _today(session: Session) -> date:
    return clock.now().astimezone(_zone(session)).date()


def _previous_published(session: Session, rota: Rota, *, lock: bool = False) -> int | None:
    query = select(func.max(Rota.revision)).where(
        Rota.center_id == rota.center_id, Rota.week_start == rota.week_start, Rota.status == PUBLISHED,
        Rota.id != rota.id)
    if lock:
        # two schedulers publishing two drafts of one week at once must not both take the same number:
        # on PostgreSQL lock the week's rotas (SQLite has one writer at a time anyway)
        session.execute(select(Rota.id).where(Rota.center_id == rota.center_id, Rota.week_start == rota.week_start)
                        .with_for_update())
    return session.scalar(query)


def _problems(session: Session, rota: Rota, today: date) -> list[str]:
    problems: list[str] = []
    if rota.status != DRAFT:
        problems.append(f"Revision {rota.revision} of the week of {rota.week_start:%d %b %Y} is already published.")
    week_end = rota.week_start + timedelta(days=6)
    if week_end < today:
        problems.append(f"The week of {rota.week_start:%d %b %Y} is over; a past rota cannot be published.")
    shifts = session.scalar(select(func.count()).select_from(ShiftAssignment)
                            .where(ShiftAssignment.rota_id == rota.id)) or 0
    if not shifts:
        problems.append("This draft has no shifts yet.")
    bad = session.execute(
        select(Person.full_name, ShiftAssignment.starts_at, func.count().over())
        .join(Person, Person.id == ShiftAssignment.person_id)
        .where(ShiftAssignment.rota_id == rota.id, ShiftAssignment.ends_at <= ShiftAssignment.starts_at)
        .order_by(ShiftAssignment.starts_at, ShiftAssignment.id).limit(1)).first()
    if bad is not None:
        name, starts, count = bad
        tz = _zone(session)
        more = f" (and {count - 1} more)" if count > 1 else ""
        problems.append(f"{name}'s shift on {starts.astimezone(tz):%a %d %b %H:%M} ends before it starts{more}.")
    return problems


def publish_preview(session: Session, rota_id: int) -> PublishPreview | None:
    """The numbers and checks for the confirmation; None when the rota no longer exists."""
    rota = session.get(Rota, rota_id)
    if rota is None:
        return None
    rows = session.execute(select(ShiftAssignment.person_id, ShiftAssignment.starts_at, ShiftAssignment.ends_at)
                           .where(ShiftAssignment.rota_id == rota_id)).all()
    hours = sum(max((end - start).total_seconds(), 0.0) for _pid, start, end in rows) / 3600
    previous = _previous_published(session, rota)
    return PublishPreview(
        rota_id=rota.id, week_start=rota.week_start, version=rota.version, status=rota.status,
        next_revision=(previous or 0) + 1, previous_revision=previous, shifts=len(rows),
        people=len({pid for pid, _s, _e in rows}), hours=round(hours, 2),
        problems=tuple(_problems(session, rota, _today(session))))


def publish_rota(session: Session, actor: Actor, rota_id: int, expected_version: int) -> Changes:
    """Publish a draft rota (schedulers only); raises PermissionDenied, ConflictError or ValueError."""
    require(actor, PUBLISH_PERMISSION)
    rota = session.get(Rota, rota_id, populate_existing=True)
    if rota is None:
        raise ConflictError("This rota was deleted by another desk.", "rota", rota_id)
    if rota.version != expected_version:
        raise ConflictError(
            f"Another desk changed this rota (version {rota.version}) after you opened it "
            f"(version {expected_version}).", "rota", rota_id, mine={"status": PUBLISHED},
            theirs=row_values(rota))
    problems = _problems(session, rota, _today(session))
    if problems:
        raise ValueError(" ".join(problems))
    previous = _previous_published(session, rota, lock=True)
    before = {"status": rota.status, "revision": rota.revision, "published_at": rota.published_at,
              "published_by": rota.published_by}
    rota.status = PUBLISHED
    rota.revision = (previous or 0) + 1
    rota.published_at = clock.now()
    rota.published_by = actor.username
    try:
        session.flush()
    except StaleDataError as exc:
        session.rollback()
        saved = session.get(Rota, rota_id, populate_existing=True)
        raise ConflictError("Another desk changed this rota at the same moment.", "rota", rota_id,
                            mine={"status": PUBLISHED}, theirs=row_values(saved) if saved else {}) from exc
    audit.record(session, actor, "publish", "rota", rota_id, before=before, after={
        "status": rota.status, "revision": rota.revision, "published_at": rota.published_at,
        "published_by": rota.published_by, "week_start": rota.week_start.isoformat(),
        "replaces_revision": previous})
    return record(session, Changes.SCHEDULE | Changes.AUDIT)
