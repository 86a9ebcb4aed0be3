"""A job plug-in for the multi-process test: a 2-second ticker that records each execution."""

from __future__ import annotations

from datetime import timedelta

from app.jobs.registry import JobSpec, register
from tests.job_fixtures import record_execution

TICKER = register(JobSpec(id="ticker", title="Ticker", description="test", schedule={"seconds": 2},
                          run=record_execution, claim_timeout=timedelta(seconds=10)))
