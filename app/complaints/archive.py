"""The daily case archive (R-FLOW-6): every closed case archived before the end of the last shift, and the
cases that could not be, each with its reason, for the supervisors to put right.

A closed case is held back (not archived) when its record is not complete:

* ``feedback loop open``: closed without the customer told the result and asked for an opinion (R-FLOW-5);
* ``survivor open``: a merged duplicate whose surviving case is still open (the two archive together);
* ``no closing time``: a closed case without its closing time (an import from another system).

The run is idempotent (archived cases are not touched again); held cases are retried every day, so one
put right today is archived tonight. The result (counts, and the held cases by reference and reason) is
what the Jobs page shows, and is kept in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, aliased

from app import audit
from app.actor import Actor
from app.changes import Changes, record
from app.i18n import N_
from db.models import Complaint

HELD_REASONS = {
    "feedback_loop_open": N_("feedback loop not closed (R-FLOW-5)"),
    "survivor_open": N_("merged into a case that is still open"),
    "no_closing_time": N_("closed without a closing time"),
}
HELD_LIST_MAX = 200  # the job result lists at most this many held cases (the counts are complete)


@dataclass(frozen=True)
class HeldCase:
    complaint_id: int
    reference: str
    reason: str  # a key of HELD_REASONS


@dataclass(frozen=True)
class ArchiveResult:
    archived: int
    held: tuple[HeldCase, ...]
    changes: Changes

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"archived": self.archived}
        if self.held:
            counts: dict[str, int] = {}
            for h in self.held:
                counts[h.reason] = counts.get(h.reason, 0) + 1
            out["not_archived"] = len(self.held)
            out["not_archived_by_reason"] = {HELD_REASONS[k]: v for k, v in counts.items()}
            out["not_archived_cases"] = [f"{h.reference}: {HELD_REASONS[h.reason]}" for h in self.held[:HELD_LIST_MAX]]
        return out


def archive_closed(session: Session, actor: Actor, slot: datetime) -> ArchiveResult:
    """Archive the closed cases whose record is complete; list the others with their reason."""
    survivor = aliased(Complaint)
    rows = session.execute(
        select(Complaint.id, Complaint.reference, Complaint.closed_at, Complaint.feedback_loop_closed,
               Complaint.merged_into_id, survivor.stage)
        .outerjoin(survivor, survivor.id == Complaint.merged_into_id)
        .where(Complaint.stage == "closed", Complaint.archived_at.is_(None),
               (Complaint.closed_at <= slot) | Complaint.closed_at.is_(None))
        .order_by(Complaint.id)).all()
    ready: list[int] = []
    held: list[HeldCase] = []
    for cid, ref, closed_at, loop_closed, merged_into, survivor_stage in rows:
        if closed_at is None:
            held.append(HeldCase(cid, ref, "no_closing_time"))
        elif merged_into is not None and survivor_stage != "closed":
            held.append(HeldCase(cid, ref, "survivor_open"))
        elif merged_into is None and not loop_closed:
            held.append(HeldCase(cid, ref, "feedback_loop_open"))
        else:
            ready.append(cid)
    for start in range(0, len(ready), 500):
        session.execute(update(Complaint).where(Complaint.id.in_(ready[start:start + 500]))
                        .values(archived_at=slot, version=Complaint.version + 1)
                        .execution_options(synchronize_session=False))
    result = ArchiveResult(len(ready), tuple(held), Changes.NONE)
    if ready or held:
        audit.record(session, actor, "archive", "complaints", None, after={"slot": slot, **result.as_dict()})
        result = ArchiveResult(len(ready), tuple(held), record(session, Changes.COMPLAINTS | Changes.AUDIT))
    return result
