"""The daily case archive (R-FLOW-6): complete closed cases archived, the others held back with their reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app import clock
from app.actor import Actor
from app.complaints.archive import archive_closed
from app.jobs.registry import all_jobs
from app.jobs.runner import JobRunner
from db.models import AuditEntry, Complaint
from tests import factories as f


def _case(s, c, ref, stage="closed", *, closed_h=3, loop=True, merged_into=None):
    now = clock.now()
    row = Complaint(center_id=c.id, reference=ref, channel="phone", category="logistics", summary="late parcel",
                    stage=stage, first_contact_at=now - timedelta(days=1), opened_at=now - timedelta(days=1),
                    closed_at=now - timedelta(hours=closed_h) if stage == "closed" and closed_h is not None else None,
                    feedback_loop_closed=loop, merged_into_id=merged_into)
    s.add(row)
    s.flush()
    return row


def test_incomplete_closed_cases_are_held_back_with_their_reason_R_FLOW_6(any_db, frozen_clock):
    with any_db.session() as s:
        c = f.center(s)
        _case(s, c, "C-OK")
        _case(s, c, "C-LOOP", loop=False)
        survivor = _case(s, c, "C-OPEN", stage="process", loop=False)
        _case(s, c, "C-DUP", loop=False, merged_into=survivor.id)
        _case(s, c, "C-NOTIME", closed_h=None)
        _case(s, c, "C-LATER", closed_h=-2)  # closed after the slot: tomorrow's
    with any_db.session() as s:
        result = archive_closed(s, Actor.system(), clock.now())
    assert result.archived == 1
    assert {(h.reference, h.reason) for h in result.held} == {
        ("C-LOOP", "feedback_loop_open"), ("C-DUP", "survivor_open"), ("C-NOTIME", "no_closing_time")}
    out = result.as_dict()
    assert out["not_archived"] == 3 and "C-LOOP: feedback loop not closed (R-FLOW-5)" in out["not_archived_cases"]
    with any_db.session() as s:
        archived = {r.reference for r in s.scalars(select(Complaint).where(Complaint.archived_at.is_not(None)))}
        assert archived == {"C-OK"}
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "archive")).one()
        assert entry.after["not_archived"] == 3
        s.execute(Complaint.__table__.update().where(Complaint.reference == "C-LOOP")
                  .values(feedback_loop_closed=True))
    with any_db.session() as s:  # put right today, archived tonight; the archived one is not touched again
        again = archive_closed(s, Actor.system(), clock.now())
    assert again.archived == 1 and len(again.held) == 2


def test_the_job_reports_the_held_cases(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        c = f.center(s)
        _case(s, c, "C-LOOP", loop=False)
    frozen_clock.at = datetime(2026, 11, 18, 15, 31, tzinfo=UTC)  # 23:31 in Shanghai, after the 23:30 slot
    outcomes = JobRunner(sqlite_db, desk="d", jobs=[j for j in all_jobs() if j.id == "case_archive"]).run_due()
    assert outcomes[0].result["archived"] == 0
    assert outcomes[0].result["not_archived_cases"] == ["C-LOOP: feedback loop not closed (R-FLOW-5)"]
