"""Everything the printed quarterly pack shows besides the review itself: the charts' series.

* **Service level by week**: phone contacts offered in each center-local week (Monday to Sunday,
  cut to the quarter) and the share answered within R-RESP-3 (30 s). Abandoned calls count as
  not answered in time.
* **Complaint SLA compliance by month**: complaints and service requests resolved (or closed) in
  each month of the quarter, and the share resolved within their resolution target from the
  customer's first contact (R-SLA-6 for complaints, R-SLA-7.process for service requests), on
  24 x 7 time.
* **Score distribution**: the agents' KPI totals in 10-point bins.

Aggregated in SQL (per week, per month); the pack is drawn from these plain values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.actor import Actor
from app.admin.rules import rule_value
from app.review.monthly import _epoch, _local_day
from app.review.periods import PeriodWindow
from app.review.quarterly import QuarterReview, load_quarter
from db.models import Complaint, Interaction, Person

EPOCH_MONDAY_OFFSET = 3  # 1970-01-01 was a Thursday: (day + 3) // 7 counts Monday-based weeks


@dataclass(frozen=True)
class WeekLevel:
    week_start: date
    offered: int
    in_time: int

    @property
    def level(self) -> float | None:
        return self.in_time / self.offered if self.offered else None


@dataclass(frozen=True)
class MonthCompliance:
    month: str
    resolved: int
    in_time: int

    @property
    def share(self) -> float | None:
        return self.in_time / self.resolved if self.resolved else None


@dataclass(frozen=True)
class PackData:
    review: QuarterReview
    team_name: str | None  # None: the whole center
    service_level: tuple[WeekLevel, ...]
    complaint_sla: tuple[MonthCompliance, ...]
    sl_target_sec: float
    sl_target_share: float
    generated_at: datetime

    def distribution(self, bins: int = 10) -> list[int]:
        """Agents per 10-point bin of the total: [0-10), ..., [90-100]."""
        counts = [0] * bins
        for a in self.review.agents:
            t = a.figures.total
            if t is not None:
                counts[min(bins - 1, int(t // (100 / bins)))] += 1
        return counts


def weekly_service_level(session: Session, window: PeriodWindow, *, team_id: int | None = None
                         ) -> tuple[WeekLevel, ...]:
    target = float(rule_value(session, "R-RESP-3"))  # type: ignore[arg-type]
    day = _local_day(session, Interaction.offered_at, window)
    week = (day + EPOCH_MONDAY_OFFSET) // 7
    where = [Interaction.offered_at >= window.start, Interaction.offered_at < window.end,
             Interaction.channel == "phone"]
    if team_id is not None:
        where.append(Interaction.agent_id.in_(select(Person.id).where(Person.team_id == team_id)))
    in_time = and_(Interaction.answered_at.is_not(None), Interaction.wait_sec <= target)
    rows = session.execute(select(week, func.count(), func.sum(case((in_time, 1), else_=0)))
                           .where(*where).group_by(week).order_by(week)).all()
    out = []
    for w, n, ok in rows:
        monday = date(1970, 1, 1) + timedelta(days=int(w) * 7 - EPOCH_MONDAY_OFFSET)
        out.append(WeekLevel(max(monday, window.first_day), int(n), int(ok or 0)))
    return tuple(out)


def complaint_compliance(session: Session, window: PeriodWindow, *, team_id: int | None = None
                         ) -> tuple[MonthCompliance, ...]:
    complaint_h = float(rule_value(session, "R-SLA-6"))  # type: ignore[arg-type]
    request_h = float(rule_value(session, "R-SLA-7.process"))  # type: ignore[arg-type]
    done = func.coalesce(Complaint.resolved_at, Complaint.closed_at)
    elapsed = _epoch(session, done) - _epoch(session, Complaint.first_contact_at)
    target = case((Complaint.kind == "service_request", request_h * 3600), else_=complaint_h * 3600)
    out = []
    for month in window.months():
        where = [or_(and_(Complaint.resolved_at >= month.start, Complaint.resolved_at < month.end),
                     and_(Complaint.resolved_at.is_(None), Complaint.closed_at >= month.start,
                          Complaint.closed_at < month.end))]
        if team_id is not None:
            where.append(Complaint.team_id == team_id)
        n, ok = session.execute(select(func.count(), func.sum(case((elapsed <= target, 1), else_=0)))
                                .where(*where)).one()
        out.append(MonthCompliance(month.key, int(n or 0), int(ok or 0)))
    return tuple(out)


def pack_data(session: Session, actor: Actor, quarter: str, *, team_id: int | None = None,
              team_name: str | None = None, now: datetime | None = None) -> PackData:
    now = now or clock.now()
    review = load_quarter(session, actor, quarter, team_id=team_id, now=now)
    return PackData(review, team_name, weekly_service_level(session, review.window, team_id=team_id),
                    complaint_compliance(session, review.window, team_id=team_id),
                    float(rule_value(session, "R-RESP-3")), 0.8, now)  # type: ignore[arg-type]
