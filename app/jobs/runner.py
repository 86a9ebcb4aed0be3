"""Runs the registered jobs on APScheduler, claiming each slot first (see claims.py).

Every console process and every `floorwalker worker` runs one JobRunner. APScheduler wakes the
runner at each scheduled time; the runner works out which slot that time stands for, claims it,
and runs the job only if the claim succeeded, beating its heartbeat meanwhile. A reaper looks
for claims whose holder died and runs those slots again (exactly one desk wins the take-over).
On start, the latest slot of each job that nobody ran while all desks were off is run once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import select

from app import clock
from app.actor import Actor
from app.changes import Changes, record
from app.jobs import claims
from app.jobs.registry import JobSpec, all_jobs, get_job
from db.database import DESK_ID, Database
from db.models import Center, Setting

log = logging.getLogger(__name__)
PAUSE_KEY = "jobs.paused.{}"


@dataclass(frozen=True)
class RunOutcome:
    job_id: str
    slot: datetime
    ran: bool  # False: another desk had the slot, or the job is paused
    ok: bool = True
    attempt: int = 0
    result: dict[str, Any] | None = None
    error: str | None = None


def center_timezone(db: Database) -> tzinfo:
    with db.session() as s:
        tz = s.scalar(select(Center.timezone).order_by(Center.id).limit(1))
    return ZoneInfo(tz or "UTC")


def paused_jobs(db: Database) -> set[str]:
    prefix = PAUSE_KEY.format("")
    with db.session() as s:
        rows = s.execute(select(Setting.key, Setting.value).where(Setting.key.like(prefix + "%"))).all()
    return {key[len(prefix):] for key, value in rows if value}


def set_paused(db: Database, actor: Actor, job_id: str, paused: bool) -> Changes:
    from app import audit
    from app.security.permissions import require

    require(actor, "jobs.manage")
    get_job(job_id)
    with db.session() as s:
        row = s.get(Setting, PAUSE_KEY.format(job_id))
        before = bool(row.value) if row else False
        if row is None:
            s.add(Setting(key=PAUSE_KEY.format(job_id), value=paused, unit="flag",
                          updated_at=clock.now(), updated_by=actor.username))
        else:
            row.value = paused
            row.updated_at = clock.now()
            row.updated_by = actor.username
        audit.record(s, actor, "pause" if paused else "resume", "job", job_id,
                     before={"paused": before}, after={"paused": paused})
        return record(s, Changes.JOBS | Changes.AUDIT)


class JobRunner:
    def __init__(self, db: Database, *, desk: str = DESK_ID, jobs: list[JobSpec] | None = None,
                 actor: Actor | None = None, reap_every: timedelta = timedelta(seconds=15),
                 on_state: Callable[[str, str], None] | None = None) -> None:
        self.db = db
        self.desk = desk
        self.jobs = {j.id: j for j in (jobs if jobs is not None else all_jobs())}
        self.actor = actor or Actor.system()
        self.reap_every = reap_every
        self.on_state = on_state or (lambda job_id, state: None)
        self._scheduler: BackgroundScheduler | None = None
        self._tz: tzinfo | None = None
        self._lock = threading.Lock()
        self.running_jobs: set[str] = set()

    @property
    def tz(self) -> tzinfo:
        if self._tz is None:
            self._tz = center_timezone(self.db)
        return self._tz

    # --- one slot ----------------------------------------------------------------------------
    def run_slot(self, job_id: str, slot: datetime, *, ignore_pause: bool = False) -> RunOutcome:
        """Claim ``slot`` of ``job_id`` and run it if the claim is ours."""
        spec = self.jobs[job_id]
        if not ignore_pause and job_id in paused_jobs(self.db):
            return RunOutcome(job_id, slot, ran=False)
        claim_ = claims.claim(self.db, job_id, slot, self.desk, spec.claim_timeout)
        if claim_ is None:
            return RunOutcome(job_id, slot, ran=False)
        return self._work(spec, claim_)

    def _work(self, spec: JobSpec, claim_: claims.Claim) -> RunOutcome:
        stop = threading.Event()
        beat = threading.Thread(target=self._beat, args=(claim_, spec.claim_timeout / 3, stop),
                                name=f"heartbeat-{spec.id}", daemon=True)
        beat.start()
        with self._lock:
            self.running_jobs.add(spec.id)
        self.on_state(spec.id, "running")
        try:
            result = spec.run(self.db, claim_.slot, self.actor)
        except Exception as exc:  # noqa: BLE001 - a job's crash is recorded, the scheduler goes on
            log.exception("job %s failed for slot %s", spec.id, claim_.slot)
            stop.set()
            beat.join()
            try:
                claims.finish(self.db, claim_, self.desk, error=exc)
            except Exception:  # noqa: BLE001 - database gone: the claim expires and is re-run
                log.exception("could not record the failure of %s", spec.id)
            self._done(spec.id, "failed")
            return RunOutcome(spec.id, claim_.slot, ran=True, ok=False, attempt=claim_.attempt,
                              error=f"{type(exc).__name__}: {exc}")
        stop.set()
        beat.join()
        claims.finish(self.db, claim_, self.desk, result=result)
        self._done(spec.id, "ok")
        return RunOutcome(spec.id, claim_.slot, ran=True, attempt=claim_.attempt, result=result)

    def _done(self, job_id: str, state: str) -> None:
        with self._lock:
            self.running_jobs.discard(job_id)
        self.on_state(job_id, state)

    def _beat(self, claim_: claims.Claim, every: timedelta, stop: threading.Event) -> None:
        while not stop.wait(max(every.total_seconds(), 0.05)):
            try:
                if not claims.heartbeat(self.db, claim_, self.desk):
                    log.warning("lost the claim on %s %s", claim_.job_id, claim_.slot)
                    return
            except Exception:  # noqa: BLE001 - database away: keep trying until the job ends
                log.warning("heartbeat failed for %s", claim_.job_id, exc_info=True)

    # --- many slots --------------------------------------------------------------------------
    def run_due(self, now: datetime | None = None) -> list[RunOutcome]:
        """Catch up: run the latest slot of every job that has no run yet (coalesced), then reap."""
        now = now or clock.now()
        outcomes = []
        for spec in self.jobs.values():
            slot = spec.latest_slot(now, self.tz)
            if slot is None or claims.slot_exists(self.db, spec.id, slot):
                continue
            outcomes.append(self.run_slot(spec.id, slot))
        outcomes.extend(self.reap())
        return outcomes

    def reap(self) -> list[RunOutcome]:
        """Re-run slots whose claimer stopped beating (it crashed or lost the database)."""
        outcomes = []
        timeouts = {j.id: j.claim_timeout for j in self.jobs.values()}
        for run_id, job_id, slot, seen, attempt in claims.expired_claims(self.db, timeouts):
            claim_ = claims.take_over_expired(self.db, run_id, seen, attempt, self.desk, job_id, slot)
            if claim_ is not None:
                log.warning("taking over %s slot %s from a desk that stopped (attempt %d)",
                            job_id, slot, claim_.attempt)
                outcomes.append(self._work(self.jobs[job_id], claim_))
        return outcomes

    def run_now(self, job_id: str, actor: Actor) -> RunOutcome:
        """An administrator's manual run: a slot of its own at the current second."""
        from app.security.permissions import require

        require(actor, "jobs.manage")
        now = clock.now().replace(microsecond=0)
        return self.run_slot(job_id, now, ignore_pause=True)

    # --- the scheduler -----------------------------------------------------------------------
    def start(self) -> None:
        scheduler = BackgroundScheduler(
            timezone=self.tz,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        )
        for spec in self.jobs.values():
            scheduler.add_job(self._on_fire, spec.trigger(self.tz), args=[spec.id], id=spec.id,
                              name=spec.id, replace_existing=True)
        scheduler.add_job(self._on_reap, "interval", seconds=self.reap_every.total_seconds(),
                          id="__reaper__", name="reaper")
        scheduler.add_job(self._on_catch_up, "date", run_date=None, id="__catch_up__", name="catch-up")
        scheduler.start()
        self._scheduler = scheduler

    def stop(self, wait: bool = True) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=wait)
            self._scheduler = None

    def next_run_times(self) -> dict[str, datetime | None]:
        now = clock.now()
        return {job_id: spec.next_slot(now, self.tz) for job_id, spec in self.jobs.items()}

    def _on_fire(self, job_id: str) -> None:
        slot = self.jobs[job_id].latest_slot(clock.now(), self.tz)
        if slot is not None:
            self._guard(lambda: self.run_slot(job_id, slot))

    def _on_reap(self) -> None:
        self._guard(self.reap)

    def _on_catch_up(self) -> None:
        self._guard(self.run_due)

    def _guard(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except Exception:  # noqa: BLE001 - never let the database going away kill the scheduler
            log.warning("job runner could not reach the database; will retry", exc_info=True)
