"""Two consoles and a headless worker on one PostgreSQL database run each job slot exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.security import accounts
from db.models import AuditEntry, JobRun

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.postgres
@pytest.mark.slow
def test_two_consoles_and_a_worker_share_jobs_exactly_once(pg_db, pg_url, tmp_path):
    with pg_db.session() as s:
        accounts.create_first_administrator(s, "ada", "Ada", "correct-horse-1")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FLOORWALKER_USER": "ada",
           "FLOORWALKER_PASSWORD": "correct-horse-1", "FLOORWALKER_JOB_MODULES": "tests.job_plugin",
           "FLOORWALKER_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "PYTHONPATH": str(ROOT)}
    commands = [["gui", "--db", pg_url], ["gui", "--db", pg_url], ["worker", "--db", pg_url]]
    procs = [subprocess.Popen([sys.executable, "-m", "app", *c], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in commands]
    try:
        deadline = time.monotonic() + 60
        slots = 0
        while slots < 6 and time.monotonic() < deadline:
            time.sleep(0.5)
            for p in procs:
                assert p.poll() is None, p.communicate()[1][-2000:]
            with pg_db.session() as s:
                slots = s.scalar(select(func.count()).select_from(JobRun).where(JobRun.job_id == "ticker",
                                                                                 JobRun.outcome == "ok"))
        assert slots >= 6, "the ticker job did not run on any desk"
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.communicate()
    with pg_db.session() as s:
        per_slot = s.execute(select(AuditEntry.entity_id, func.count()).where(AuditEntry.entity == "test_job")
                             .group_by(AuditEntry.entity_id)).all()
        claimers = set(s.scalars(select(JobRun.claimed_by).where(JobRun.job_id == "ticker")))
    assert per_slot and all(n == 1 for _, n in per_slot), per_slot
    pids = {str(p.pid) for p in procs}
    assert {c.rsplit(":", 1)[1] for c in claimers} <= pids
