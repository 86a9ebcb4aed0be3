"""Concurrent writers editing the same complaints: every save either lands or is reported.

Each writer thread is a desk: it loads a complaint (value and version), appends its own token to
the summary and saves through :func:`app.editing.apply_edit` with the version it loaded. A save
that lands must leave its token in the final text (otherwise an update was lost); a save that
does not land must have raised ConflictError (otherwise a conflict went unreported).
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select

from app import clock
from app.actor import Actor
from app.editing import apply_edit
from db.database import Database
from db.errors import ConflictError
from db.models import Center, Complaint

PREFIX = "STRESS-"


@dataclass
class WriterReport:
    attempts: int = 0
    saved: int = 0
    conflicts: int = 0
    other_errors: list[str] = field(default_factory=list)
    lost_updates: int = 0
    unreported: int = 0
    seconds: float = 0.0
    saved_per_row: Counter[int] = field(default_factory=Counter)

    @property
    def consistent(self) -> bool:
        return (self.lost_updates == 0 and self.unreported == 0 and not self.other_errors
                and self.attempts == self.saved + self.conflicts)


def prepare(db: Database, rows: int = 100) -> list[int]:
    """(Re)create ``rows`` complaints used only by the stress run."""
    now = clock.now()
    with db.session() as s:
        s.execute(delete(Complaint).where(Complaint.reference.like(PREFIX + "%")))
        center_id = s.scalar(select(Center.id).limit(1))
        if center_id is None:
            center_id = s.execute(insert(Center).values(name="Stress", timezone="UTC", holiday_country="CN",
                                                        opening_hours={}, locale="en", version=1)
                                  .returning(Center.id)).scalar_one()
        ids = s.execute(insert(Complaint).returning(Complaint.id), [
            {"center_id": center_id, "reference": f"{PREFIX}{n:04d}", "channel": "phone", "category": "other",
             "summary": "", "first_contact_at": now, "opened_at": now, "version": 1, "stage": "process",
             "kind": "complaint", "priority": "regular"} for n in range(rows)]).scalars().all()
    return list(ids)


def run_writers(db: Database, ids: list[int], *, writers: int = 10, seconds: float = 60.0,
                seed: int = 1) -> WriterReport:
    report = WriterReport()
    lock = threading.Lock()
    tokens: dict[int, list[str]] = {i: [] for i in ids}
    stop_at = time.monotonic() + seconds

    def desk(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        actor = Actor(f"writer{n}", "supervisor", desk=f"stress-desk-{n}")
        k = 0
        while time.monotonic() < stop_at:
            row_id = rng.choice(ids)
            k += 1
            token = f"|{n}.{k}"
            try:
                with db.session() as s:
                    summary, version = s.execute(select(Complaint.summary, Complaint.version)
                                                 .where(Complaint.id == row_id)).one()
                time.sleep(rng.random() * 0.002)  # think time: other desks get to save meanwhile
                with db.session() as s:
                    apply_edit(s, actor, Complaint, row_id, version, {"summary": summary + token},
                               entity="complaint")
            except ConflictError:
                with lock:
                    report.attempts += 1
                    report.conflicts += 1
            except Exception as exc:  # noqa: BLE001 - counted: the run must report it, not die
                with lock:
                    report.attempts += 1
                    report.other_errors.append(f"{type(exc).__name__}: {exc}")
            else:
                with lock:
                    report.attempts += 1
                    report.saved += 1
                    report.saved_per_row[row_id] += 1
                    tokens[row_id].append(token)

    started = time.monotonic()
    threads = [threading.Thread(target=desk, args=(n,), name=f"stress-writer-{n}") for n in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report.seconds = time.monotonic() - started
    with db.session() as s:
        final = dict(s.execute(select(Complaint.id, Complaint.summary).where(Complaint.id.in_(ids))).all())
        versions = dict(s.execute(select(Complaint.id, Complaint.version).where(Complaint.id.in_(ids))).all())
    for row_id, saved_tokens in tokens.items():
        present = Counter(part for part in final[row_id].split("|") if part)
        expected = Counter(t.lstrip("|") for t in saved_tokens)
        # a save that reported success but left no trace was lost
        report.lost_updates += sum((expected - present).values())
        # a trace that no successful save accounts for: a save landed but reported failure
        report.unreported += sum((present - expected).values())
        if versions[row_id] != 1 + len(saved_tokens):
            report.lost_updates += abs(versions[row_id] - 1 - len(saved_tokens))
    return report


def cleanup(db: Database) -> None:
    with db.session() as s:
        s.execute(delete(Complaint).where(Complaint.reference.like(PREFIX + "%")))

