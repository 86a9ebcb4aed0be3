"""Exactly-once background jobs: slot grids, claims, take-over of crashed claims, catch-up."""

from __future__ import annotations

import os
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app import clock
from app.actor import Actor
from app.jobs import claims
from app.jobs.registry import JobSpec, all_jobs
from app.jobs.runner import JobRunner, paused_jobs, set_paused
from app.security.permissions import PermissionDenied
from app.stress.jobs import slot_grid, worker_command
from db.models import AuditEntry, Complaint, JobRun
from tests import factories
from tests.job_fixtures import COUNTING, EXPLODING

ROOT = Path(__file__).resolve().parents[1]
SHANGHAI = ZoneInfo("Asia/Shanghai")


def executions(db, slot: datetime | None = None) -> int:
    with db.session() as s:
        q = select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "test_job")
        if slot is not None:
            q = q.where(AuditEntry.entity_id == slot.isoformat())
        return s.scalar(q)


def test_interval_slots_are_the_same_grid_on_every_desk():
    now = datetime(2026, 11, 23, 10, 0, 47, tzinfo=UTC)
    assert COUNTING.latest_slot(now, SHANGHAI) == datetime(2026, 11, 23, 10, 0, 30, tzinfo=UTC)
    assert COUNTING.next_slot(now, SHANGHAI) == datetime(2026, 11, 23, 10, 1, 0, tzinfo=UTC)
    # exactly on a slot: that slot, not the previous one
    assert COUNTING.latest_slot(datetime(2026, 11, 23, 10, 1, tzinfo=UTC), SHANGHAI) == \
        datetime(2026, 11, 23, 10, 1, tzinfo=UTC)


def test_weekly_cron_slot_is_in_the_center_time_zone():
    weekly = JobSpec(id="w", title="w", description="", schedule={"cron": {"day_of_week": "mon", "hour": 6}},
                     run=lambda db, slot, actor: None)
    # Monday 06:00 in Shanghai is Sunday 22:00 UTC
    now = datetime(2026, 11, 25, 12, tzinfo=UTC)
    assert weekly.latest_slot(now, SHANGHAI) == datetime(2026, 11, 22, 22, 0, tzinfo=UTC)


def test_two_desks_claim_a_slot_only_one_wins(any_db):
    slot = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    first = claims.claim(any_db, "counting", slot, "desk-a", timedelta(minutes=5))
    second = claims.claim(any_db, "counting", slot, "desk-b", timedelta(minutes=5))
    assert first is not None and first.attempt == 1
    assert second is None


def test_expired_claim_is_taken_over_exactly_once(any_db, frozen_clock):
    slot = datetime(2026, 11, 18, 1, 0, tzinfo=UTC)
    held = claims.claim(any_db, "counting", slot, "crashed-desk", COUNTING.claim_timeout)
    assert held is not None
    frozen_clock.advance(seconds=2)  # within the timeout: nobody may take it
    assert JobRunner(any_db, desk="desk-b", jobs=[COUNTING]).reap() == []
    frozen_clock.advance(seconds=5)  # the holder stopped beating: it expired
    outcomes_b = JobRunner(any_db, desk="desk-b", jobs=[COUNTING]).reap()
    outcomes_c = JobRunner(any_db, desk="desk-c", jobs=[COUNTING]).reap()
    assert [o.attempt for o in outcomes_b] == [2] and outcomes_c == []
    assert executions(any_db, slot) == 1
    with any_db.session() as s:
        run = s.scalars(select(JobRun)).one()
    assert (run.outcome, run.claimed_by, run.attempt) == ("ok", "desk-b", 2)
    # the crashed desk, if it wakes up, cannot record a result over the new holder's
    assert claims.finish(any_db, held, "crashed-desk") is False


def test_a_crashing_job_is_recorded_and_the_runner_goes_on(sqlite_db, frozen_clock):
    runner = JobRunner(sqlite_db, desk="d", jobs=[EXPLODING, COUNTING])
    outcomes = runner.run_due()
    by_job = {o.job_id: o for o in outcomes}
    assert by_job["exploding"].ok is False and "the job broke" in by_job["exploding"].error
    assert by_job["counting"].ok is True
    with sqlite_db.session() as s:
        failed = s.scalars(select(JobRun).where(JobRun.job_id == "exploding")).one()
    assert failed.outcome == "failed" and "RuntimeError: the job broke" in failed.error


def test_missed_slots_are_caught_up_once_coalesced(sqlite_db, frozen_clock):
    runner = JobRunner(sqlite_db, desk="d", jobs=[COUNTING])
    runner.run_due()
    frozen_clock.advance(minutes=10)  # 20 slots passed while every desk was off
    outcomes = runner.run_due()
    assert len(outcomes) == 1 and outcomes[0].ran
    assert outcomes[0].slot == COUNTING.latest_slot(clock.now(), SHANGHAI)
    assert runner.run_due() == []  # nothing left to catch up
    assert executions(sqlite_db) == 2


def test_paused_job_does_not_run_on_any_desk_and_only_admins_pause(sqlite_db, frozen_clock):
    with pytest.raises(PermissionDenied):
        set_paused(sqlite_db, Actor("sam", "supervisor"), "housekeeping", True)
    set_paused(sqlite_db, Actor("ada", "administrator"), "housekeeping", True)
    assert paused_jobs(sqlite_db) == {"housekeeping"}
    runner = JobRunner(sqlite_db, desk="d")
    assert all(not o.ran for o in runner.run_due() if o.job_id == "housekeeping")
    # an administrator can still run it by hand
    assert runner.run_now("housekeeping", Actor("ada", "administrator")).ran


def test_case_archive_archives_closed_complaints_daily_R_FLOW_6(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        c = factories.center(s)
        for ref, stage, closed in (("C-1", "closed", clock.now() - timedelta(hours=3)),
                                   ("C-2", "process", None)):
            s.add(Complaint(center_id=c.id, reference=ref, channel="phone", category="logistics",
                            summary="late parcel", stage=stage, first_contact_at=clock.now() - timedelta(days=1),
                            opened_at=clock.now() - timedelta(days=1), closed_at=closed,
                            feedback_loop_closed=closed is not None))
    frozen_clock.at = datetime(2026, 11, 18, 15, 31, tzinfo=UTC)  # 23:31 in Shanghai
    outcomes = JobRunner(sqlite_db, desk="d", jobs=[j for j in all_jobs() if j.id == "case_archive"]).run_due()
    assert outcomes[0].result == {"archived": 1}
    with sqlite_db.session() as s:
        archived = {c.reference: c.archived_at for c in s.scalars(select(Complaint))}
    assert archived["C-1"] is not None and archived["C-2"] is None


def _spawn(mode: str, url: str, desk: str, slots: list[datetime]) -> subprocess.Popen:
    return subprocess.Popen(worker_command(mode, url, desk, slots), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))


@pytest.mark.postgres
@pytest.mark.slow
def test_five_worker_processes_run_1000_slots_exactly_once(pg_db, pg_url):
    base = datetime(2026, 11, 23, tzinfo=UTC)
    slots = slot_grid(base, 1000)
    procs = [_spawn("slots", pg_url, f"worker-{n}", slots) for n in range(5)]
    ran = []
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
        ran.append(int(out.split()[-1]))
    assert sum(ran) == 1000
    assert sum(1 for r in ran if r > 0) >= 2  # the work really was shared between processes
    with pg_db.session() as s:
        per_slot = s.execute(select(AuditEntry.entity_id, func.count()).where(AuditEntry.entity == "test_job")
                             .group_by(AuditEntry.entity_id)).all()
        runs = s.scalar(select(func.count()).select_from(JobRun).where(JobRun.outcome == "ok"))
    assert len(per_slot) == 1000 and all(n == 1 for _, n in per_slot)
    assert runs == 1000


@pytest.mark.postgres
def test_killed_claimer_mid_job_leads_to_exactly_one_rerun(pg_db, pg_url):
    slot = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    holder = _spawn("hold", pg_url, "doomed-desk", [slot])
    deadline = time.monotonic() + 60
    while not claims.slot_exists(pg_db, "counting", slot):
        assert time.monotonic() < deadline, "the holder never claimed the slot"
        time.sleep(0.05)
    holder.kill()
    holder.communicate(timeout=30)
    desks = [JobRunner(pg_db, desk=f"survivor-{n}", jobs=[COUNTING]) for n in range(3)]
    reruns = []
    deadline = time.monotonic() + COUNTING.claim_timeout.total_seconds() + 10
    while not reruns and time.monotonic() < deadline:
        for desk in desks:
            reruns.extend(o for o in desk.reap() if o.ran)
        time.sleep(0.2)
    assert len(reruns) == 1 and reruns[0].attempt == 2
    for desk in desks:  # later sweeps find nothing more to do
        assert desk.reap() == []
    assert executions(pg_db, slot) == 1


def test_job_statuses_show_last_run_outcome_and_next_run(sqlite_db, frozen_clock):
    from app.jobs.status import describe_schedule, job_statuses

    JobRunner(sqlite_db, desk="desk-x").run_due()
    statuses = {j.job_id: j for j in job_statuses(sqlite_db)}
    assert {"case_archive", "housekeeping", "customer_retention"} <= set(statuses)
    hk = statuses["housekeeping"]
    assert (hk.last_outcome, hk.last_desk, hk.last_attempt) == ("ok", "desk-x", 1)
    assert hk.next_run > frozen_clock.at and hk.last_slot <= frozen_clock.at
    assert describe_schedule({"cron": {"hour": 23, "minute": 30}}) == "daily 23:30"
    assert describe_schedule({"seconds": 30}) == "every 30 seconds"
