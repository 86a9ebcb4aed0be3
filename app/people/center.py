"""The center's identity: name, time zone, holiday country."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Center


@dataclass(frozen=True)
class CenterSummary:
    id: int
    name: str
    timezone: str
    holiday_country: str


def center_summary(session: Session) -> CenterSummary | None:
    center = session.scalars(select(Center).order_by(Center.id).limit(1)).first()
    if center is None:
        return None
    return CenterSummary(center.id, center.name, center.timezone, center.holiday_country)
