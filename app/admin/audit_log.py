"""The audit log as the Admin workspace shows it: recent entries, what changed, filters, CSV export.

Filters are by entity, action, actor and a time range; a reveal of customer data is entity
``customer``, action ``reveal``. The export writes every matching entry (not only the recent
ones shown), times in the center's time zone, as UTF-8 with a byte-order mark so spreadsheet
programs read the Chinese names right.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.actor import Actor
from app.i18n import N_
from app.security.permissions import require
from db.models import AuditEntry

# bookkeeping fields that change with every save and say nothing about the change itself
_NOISE = frozenset({"updated_at", "updated_by", "version"})


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: datetime
    actor: str
    desk: str
    action: str
    entity: str
    entity_id: str | None
    changes: tuple[tuple[str, object, object], ...]  # (field, before, after), only what differs

    def changes_text(self, *, full: bool = False) -> str:
        text = _text if full else _short
        if all(b is None for _k, b, _a in self.changes):  # something done, nothing before: just the values
            return "; ".join(f"{k}: {text(a)}" for k, _b, a in self.changes)
        return "; ".join(f"{k}: {text(b)} → {text(a)}" for k, b, a in self.changes)


@dataclass(frozen=True)
class AuditFilter:
    entity: str | None = None
    action: str | None = None
    actor: str | None = None
    since: datetime | None = None  # aware; entries at or after
    until: datetime | None = None  # aware; entries before

    @classmethod
    def days(cls, first: date | None, last: date | None, tz: tzinfo, **kwargs: str | None) -> AuditFilter:
        """Whole days ``first``..``last`` (inclusive) in the center's time zone."""
        if first is not None and last is not None and last < first:
            raise ValueError("The end date is before the start date.")
        since = datetime.combine(first, time(), tz) if first is not None else None
        until = datetime.combine(last + timedelta(days=1), time(), tz) if last is not None else None
        return cls(since=since, until=until, **kwargs)  # type: ignore[arg-type]

    def apply(self, q: Select) -> Select:
        if self.entity:
            q = q.where(AuditEntry.entity == self.entity)
        if self.action:
            q = q.where(AuditEntry.action == self.action)
        if self.actor:
            q = q.where(AuditEntry.actor == self.actor)
        if self.since is not None:
            q = q.where(AuditEntry.at >= self.since)
        if self.until is not None:
            q = q.where(AuditEntry.at < self.until)
        return q


@dataclass(frozen=True)
class AuditChoices:
    """The values the filters offer: what the log holds."""

    entities: list[str]
    actions: list[str]
    actors: list[str]


def audit_lines(session: Session, actor: Actor, *, entity: str | None = None, filters: AuditFilter | None = None,
                limit: int = 300) -> list[AuditLine]:
    require(actor, "audit.view")
    filters = filters or AuditFilter()
    if entity:
        filters = AuditFilter(entity, filters.action, filters.actor, filters.since, filters.until)
    q = filters.apply(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit))
    return [_line(e) for e in session.scalars(q)]


def count_audit(session: Session, actor: Actor, filters: AuditFilter | None = None) -> int:
    require(actor, "audit.view")
    return int(session.scalar((filters or AuditFilter()).apply(select(func.count()).select_from(AuditEntry))) or 0)


def audit_entities(session: Session) -> list[str]:
    return sorted(e for e in session.scalars(select(AuditEntry.entity).distinct()) if e)


def audit_choices(session: Session) -> AuditChoices:
    def distinct(column: object) -> list[str]:
        return sorted(v for v in session.scalars(select(column).distinct()) if v)  # type: ignore[call-overload]

    return AuditChoices(distinct(AuditEntry.entity), distinct(AuditEntry.action), distinct(AuditEntry.actor))


# --- export -----------------------------------------------------------------------------------------
CSV_HEADINGS = (N_("Time"), N_("Actor"), N_("Desk"), N_("Action"), N_("Entity"), N_("Record"),
                N_("Changes"), N_("Before"), N_("After"))


class AuditExportError(Exception):
    """The export file could not be written; the message says where and why."""


def export_audit_csv(session: Session, actor: Actor, target: Path, tz: tzinfo, *,
                     filters: AuditFilter | None = None, headings: Sequence[str] = CSV_HEADINGS) -> int:
    """Write every entry matching ``filters``, oldest first, to ``target``; return how many.

    The file appears complete or not at all: rows go to a temporary file next to it first.
    """
    require(actor, "audit.view")
    q = (filters or AuditFilter()).apply(select(AuditEntry).order_by(AuditEntry.id))
    target = Path(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise AuditExportError(_os_message(target, exc)) from exc
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(headings)
            for e in session.scalars(q.execution_options(yield_per=1000)):
                line = _line(e)
                writer.writerow([e.at.astimezone(tz).isoformat(sep=" ", timespec="seconds"), e.actor, e.desk,
                                 e.action, e.entity, e.entity_id or "", line.changes_text(full=True),
                                 _json(e.before), _json(e.after)])
                count += 1
        os.replace(tmp_name, target)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise AuditExportError(_os_message(target, exc)) from exc
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return count


def _os_message(target: Path, exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return f"The audit export could not be written to {target}: {reason}. Choose another folder or file name."


def _json(value: dict | None) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _line(e: AuditEntry) -> AuditLine:
    return AuditLine(e.id, e.at, e.actor, e.desk, e.action, e.entity, e.entity_id, _diff(e.before, e.after))


def _diff(before: dict | None, after: dict | None) -> tuple[tuple[str, object, object], ...]:
    before, after = before or {}, after or {}
    keys = [k for k in dict.fromkeys([*before, *after]) if k not in _NOISE]
    return tuple((k, before.get(k), after.get(k)) for k in keys
                 if k not in before or k not in after or before.get(k) != after.get(k))


def _text(value: object) -> str:
    return "—" if value is None else str(value)


def _short(value: object) -> str:
    text = _text(value)
    return text if len(text) <= 40 else text[:39] + "…"
