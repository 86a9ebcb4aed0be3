"""Importing interaction history: preview, batched resumable import, saved mappings.

One transaction per batch: the interactions of the batch, any queues/agents/customers they
need, and the progress row in ``import_batches`` commit together or not at all. A run that
stops half-way (crash, database gone) leaves its batch row ``failed`` or ``running`` with the
last committed data row; the next run of the same file with the same mapping continues there.
Every interaction carries ``source="import:<mapping>"`` and an ``external_id`` (the id columns
or a hash of the row), so importing a file again adds nothing.
"""

from __future__ import annotations

import csv
import hashlib
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.i18n import N_, Message
from app.imports.mapping import BUILTIN as BUILTIN_MAPPINGS
from app.imports.mapping import (
    CompiledMapping,
    Mapping,
    MappingError,
    ParsedRow,
    RowError,
    builtin,
    zone,
)
from app.imports.reading import ImportFileError, Table, file_sha256, open_table
from app.security.permissions import require
from db.database import Database
from db.models import (
    Center,
    Customer,
    ImportBatch,
    ImportMapping,
    Interaction,
    Person,
    PersonSkill,
    Queue,
)

BATCH_ROWS = 2000
IMPORT_PERMISSION = "rota.edit"  # history feeds the forecast and the rota: schedulers and administrators
__all__ = ["ImportFileError", "MappingError", "import_interactions", "preview"]


@dataclass(frozen=True)
class RowIssue:
    row: int
    code: str
    message: str


@dataclass(frozen=True)
class PreviewRow:
    row: int
    values: dict[str, str] | None
    error: str | None


@dataclass(frozen=True)
class Preview:
    file_name: str
    encoding: str | None
    delimiter: str | None
    header: tuple[str, ...]
    timezone: str
    rows: tuple[PreviewRow, ...]


@dataclass(frozen=True)
class ImportResult:
    batch_id: int
    file_name: str
    mapping: str
    encoding: str | None
    delimiter: str | None
    rows_read: int
    rows_imported: int
    rows_skipped: int
    resumed_from: int  # 0: a fresh run; else the data row an earlier run had committed
    queues_created: tuple[str, ...]
    agents_created: tuple[str, ...]
    customers_created: int
    skills_added: int  # (agent, queue) skills for the queues each agent answered
    skipped: tuple[RowIssue, ...]  # rows skipped in this run
    seconds: float
    changes: Changes = Changes.NONE
    reasons: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class MappingInfo:
    name: str
    builtin: bool
    version: int | None
    updated_by: str | None
    data: dict[str, Any]


# --- mappings --------------------------------------------------------------------------------------

def load_mapping(session: Session, name: str) -> Mapping:
    """A mapping saved in the database, else a built-in one."""
    row = session.scalars(select(ImportMapping).where(ImportMapping.name == name)).first()
    if row is not None:
        return Mapping.from_json(name, row.mapping)
    found = builtin(name)
    if found is None:
        known = sorted({*BUILTIN_MAPPINGS, *session.scalars(select(ImportMapping.name)).all()})
        raise MappingError(Message(N_("No mapping named {name!r}; known: {known}"), name=name, known=", ".join(known)))
    return found


def list_mappings(session: Session) -> list[MappingInfo]:
    saved = {m.name: m for m in session.scalars(select(ImportMapping)).all()}
    out = [MappingInfo(m.name, False, m.version, m.updated_by, m.mapping) for m in saved.values()]
    out += [MappingInfo(n, True, None, None, d) for n, d in BUILTIN_MAPPINGS.items() if n not in saved]
    return sorted(out, key=lambda m: m.name)


def save_mapping(session: Session, actor: Actor, name: str, data: dict[str, Any]) -> Changes:
    """Create or replace the mapping ``name`` (validated first; audited). Schedulers and administrators."""
    require(actor, IMPORT_PERMISSION)
    mapping = Mapping.from_json(name, data)
    stored = mapping.to_json()
    now = clock.now()
    row = session.scalars(select(ImportMapping).where(ImportMapping.name == mapping.name)).first()
    if row is None:
        row = ImportMapping(name=mapping.name, mapping=stored, created_by=actor.username, created_at=now,
                            updated_by=actor.username, updated_at=now)
        session.add(row)
        session.flush()
        audit.record(session, actor, "create", "import_mapping", row.id, after={"name": mapping.name, **stored})
    else:
        before = dict(row.mapping)
        row.mapping, row.updated_by, row.updated_at = stored, actor.username, now
        session.flush()
        audit.record(session, actor, "update", "import_mapping", row.id, before=before, after=stored)
    return record(session, Changes.SETTINGS)


# --- preview ---------------------------------------------------------------------------------------

def _center(session: Session) -> Center | None:
    return session.scalars(select(Center).order_by(Center.id)).first()


def _timezone(session: Session, mapping: Mapping) -> tuple[str, tzinfo]:
    name = mapping.timezone
    if name is None:
        center = _center(session)
        name = center.timezone if center is not None else "UTC"
    return name, zone(name)


def preview(db: Database, path: Path, mapping: Mapping | str, *, rows: int = 20, encoding: str | None = None,
            delimiter: str | None = None) -> Preview:
    """The first ``rows`` data rows parsed to field values (or the reason each fails); writes nothing."""
    with db.session() as s:
        m = load_mapping(s, mapping) if isinstance(mapping, str) else mapping
        tz_name, tz = _timezone(s, m)
    with open_table(Path(path), encoding=encoding, delimiter=delimiter) as table:
        compiled = CompiledMapping(m, table.header, tz)
        out: list[PreviewRow] = []
        for number, values in table.rows:
            if len(out) >= rows:
                break
            try:
                out.append(PreviewRow(number, compiled.parse(number, values).preview(tz), None))
            except RowError as exc:
                out.append(PreviewRow(number, None, exc.message))
    return Preview(table.file_name, table.encoding, table.delimiter, table.header, tz_name, tuple(out))


def _close(table: Table) -> None:
    table.close()


# --- import ----------------------------------------------------------------------------------------

class _Names:
    """Queues, agents and customers by name, created on first sight inside the batch's transaction."""

    def __init__(self, session: Session, center_id: int, channel: str, cipher: Any) -> None:
        self.center_id = center_id
        self.channel = channel
        self.cipher = cipher
        self.queues = {n.casefold(): i for i, n in session.execute(
            select(Queue.id, Queue.name).where(Queue.center_id == center_id)).all()}
        self.people = {n.strip().casefold(): i for i, n in session.execute(
            select(Person.id, Person.full_name).where(Person.center_id == center_id)).all()}
        self.employee_nos = {e: i for i, e in session.execute(select(Person.id, Person.employee_no)).all()}
        self.customers: dict[str, int] = {}
        self.queues_created: list[str] = []
        self.agents_created: list[str] = []
        self.customers_created = 0
        self.skills: set[tuple[int, int]] = set()  # (person, queue) known to exist
        self.skills_added = 0

    def add_skills(self, session: Session, pairs: set[tuple[int, int]]) -> None:
        """An agent who answered a queue's calls has that skill (so a rota can be solved right after an import)."""
        new = pairs - self.skills
        if not new:
            return
        people = {p for p, _ in new}
        have = {(p, q) for p, q in session.execute(select(PersonSkill.person_id, PersonSkill.queue_id)
                                                   .where(PersonSkill.person_id.in_(people))).all()}
        missing = sorted(new - have)
        if missing:
            session.execute(insert(PersonSkill), [{"person_id": p, "queue_id": q, "proficiency": 3}
                                                  for p, q in missing])
            self.skills_added += len(missing)
        self.skills |= new

    def queue(self, session: Session, name: str) -> int:
        key = name.casefold()
        if key not in self.queues:
            q = Queue(center_id=self.center_id, name=name, channel=self.channel)
            session.add(q)
            session.flush()
            self.queues[key] = q.id
            self.queues_created.append(name)
        return self.queues[key]

    def agent(self, session: Session, name: str, day: date) -> int:
        key = name.strip().casefold()
        if key not in self.people:
            number = employee_no(name)
            if number in self.employee_nos:
                self.people[key] = self.employee_nos[number]
            else:
                p = Person(center_id=self.center_id, employee_no=number, full_name=name.strip(), hire_date=day)
                session.add(p)
                session.flush()
                self.people[key] = self.employee_nos[number] = p.id
                self.agents_created.append(name.strip())
        return self.people[key]

    def resolve_customers(self, session: Session, values: Iterable[str]) -> None:
        from app.security.masking import mask_phone

        wanted: dict[str, list[str]] = {}
        for v in values:
            if v not in self.customers:
                wanted.setdefault(self.cipher.lookup_hash(v), []).append(v)
        if not wanted:
            return
        known = dict(session.execute(select(Customer.phone_hash, Customer.id)
                                     .where(Customer.phone_hash.in_(list(wanted)))).all())
        for h, vs in wanted.items():
            if h not in known:
                c = Customer(phone_enc=self.cipher.encrypt(vs[0]), phone_hash=h, phone_masked=mask_phone(vs[0]),
                             created_at=clock.now())
                session.add(c)
                session.flush()
                known[h] = c.id
                self.customers_created += 1
            for v in vs:
                self.customers[v] = known[h]


def country_of_timezone(tz_name: str) -> str | None:
    """The country of an IANA time zone (``Asia/Jerusalem`` -> ``IL``) from the system's zone.tab, so
    that a center created by an import gets its own statutory holidays; None when unknown."""
    import os
    from pathlib import Path as _Path

    for base in (os.environ.get("PYTHONTZPATH", ""), "/usr/share/zoneinfo", "/usr/lib/zoneinfo",
                 "/usr/share/lib/zoneinfo"):
        tab = _Path(base) / "zone.tab" if base else None
        if tab is None or not tab.is_file():
            continue
        for line in tab.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3 and not line.startswith("#") and parts[2] == tz_name:
                return parts[0]
        return None
    return None


def employee_no(name: str) -> str:
    """``imp-`` + the name's letters + a short hash of the name: stable, unique, at most 32 characters."""
    slug = re.sub(r"[^a-z0-9]+", "", name.strip().casefold())[:20]
    digest = hashlib.sha1(name.strip().casefold().encode("utf-8")).hexdigest()[:6]
    return f"imp-{slug}-{digest}" if slug else f"imp-{digest}"


def _write_batch(session: Session, batch_id: int, names: _Names, mapping: Mapping, center_id: int,
                 parsed: list[ParsedRow], tz: tzinfo, *, last_row: int, read: int, skipped_here: int,
                 issues: list[RowIssue]) -> tuple[int, Changes]:
    """Insert one batch and move the progress mark, in the caller's transaction; returns rows imported."""
    changes = Changes.NONE
    q_before, a_before, s_before = len(names.queues_created), len(names.agents_created), names.skills_added
    existing: set[str] = set()
    ids = [p.external_id for p in parsed]
    for start in range(0, len(ids), 500):
        existing.update(session.scalars(select(Interaction.external_id).where(
            Interaction.source == mapping.source, Interaction.external_id.in_(ids[start:start + 500]))).all())
    if names.cipher is not None:
        names.resolve_customers(session, {p.customer for p in parsed if p.customer and p.external_id not in existing})
    rows: list[dict[str, Any]] = []
    for p in parsed:
        if p.external_id in existing:
            issues.append(RowIssue(p.row, N_("already imported"), Message(N_("id {id} was imported before"),
                id=p.external_id)))
            skipped_here += 1
            continue
        rows.append({
            "center_id": center_id, "queue_id": names.queue(session, p.queue),
            "agent_id": names.agent(session, p.agent, p.offered_at.astimezone(tz).date()) if p.agent else None,
            "customer_id": names.customers.get(p.customer) if p.customer else None,
            "channel": mapping.channel, "source": mapping.source, "external_id": p.external_id,
            "offered_at": p.offered_at, "answered_at": p.answered_at, "ended_at": p.ended_at,
            "wait_sec": p.wait_sec, "talk_sec": p.talk_sec, "wrap_sec": 0.0, "outcome": p.outcome,
            "recommendation_offered": False, "recommendation_converted": False,
        })
    if rows:
        session.execute(insert(Interaction.__table__), rows)  # Core: one executemany, not ORM groups
        names.add_skills(session, {(r["agent_id"], r["queue_id"]) for r in rows
                                   if r["agent_id"] is not None and r["outcome"] == "answered"})
        changes |= Changes.INTERACTIONS
    if len(names.queues_created) > q_before:
        changes |= Changes.QUEUES
    if len(names.agents_created) > a_before or names.skills_added > s_before:
        changes |= Changes.PEOPLE
    batch = session.get(ImportBatch, batch_id)
    assert batch is not None
    batch.rows_read += read
    batch.rows_imported += len(rows)
    batch.rows_skipped += skipped_here
    batch.last_row = last_row
    record(session, changes)
    return len(rows), changes


def import_interactions(db: Database, path: Path, mapping: Mapping | str, *, actor: Actor | None = None,
                        encoding: str | None = None, delimiter: str | None = None, batch_rows: int = BATCH_ROWS,
                        progress: Callable[[int], None] | None = None) -> ImportResult:
    """Import every valid row of ``path``; skipped rows come back with their reasons.

    Raises :class:`ImportFileError` / :class:`MappingError` before writing anything when the file
    or the mapping is unusable.
    """
    started = time.perf_counter()
    actor = actor or Actor.system()
    require(actor, IMPORT_PERMISSION)
    path = Path(path)
    table = open_table(path, encoding=encoding, delimiter=delimiter)
    try:
        with db.session() as s:
            m = load_mapping(s, mapping) if isinstance(mapping, str) else mapping
            _, tz = _timezone(s, m)
        compiled = CompiledMapping(m, table.header, tz)
        digest = file_sha256(path)
        cipher = None
        if "customer" in m.columns:
            from app.security.crypto import CustomerCipher

            cipher = CustomerCipher.from_key_file()
        with db.session() as s:
            center = _center(s)
            if center is None:
                tz_name = m.timezone or "UTC"
                center = Center(name=N_("Contact center"), timezone=tz_name,
                                holiday_country=country_of_timezone(tz_name) or "CN")
                s.add(center)
                s.flush()
            center_id = center.id
            batch = s.scalars(select(ImportBatch).where(
                ImportBatch.file_sha256 == digest, ImportBatch.mapping_name == m.name,
                ImportBatch.status != "done").order_by(ImportBatch.id.desc())).first()
            if batch is None:
                batch = ImportBatch(file_name=path.name[:400], file_sha256=digest, mapping_name=m.name,
                                    started_at=clock.now(), status="running")
                s.add(batch)
                s.flush()
                audit.record(s, actor, "import", "import_batch", batch.id,
                             after={"file": path.name, "sha256": digest, "mapping": m.name})
            else:
                batch.status, batch.error = "running", None
            batch_id, resume_after = batch.id, batch.last_row
            names = _Names(s, center_id, m.channel, cipher)
        issues: list[RowIssue] = []
        seen: dict[str, int] = {}
        changes = Changes.NONE
        parsed: list[ParsedRow] = []
        read = skipped = imported = 0
        last = resume_after
        try:
            for number, values in table.rows:
                if number <= resume_after:
                    continue
                read += 1
                last = number
                try:
                    p = compiled.parse(number, values)
                    first = seen.setdefault(p.external_id, number)
                    if first != number:
                        raise RowError(N_("duplicate id"), Message(N_("id {id} already on data row {row}"),
                            id=p.external_id, row=first))
                    parsed.append(p)
                except RowError as exc:
                    issues.append(RowIssue(number, exc.code, exc.message))
                    skipped += 1
                if read >= batch_rows:
                    imported, changes = _flush(db, batch_id, names, m, center_id, parsed, tz, last, read, skipped,
                                               issues, imported, changes)
                    if progress is not None:
                        progress(last)
                    parsed, read, skipped = [], 0, 0
            if read or parsed:
                imported, changes = _flush(db, batch_id, names, m, center_id, parsed, tz, last, read, skipped,
                                           issues, imported, changes)
        except BaseException as exc:
            try:
                _mark(db, batch_id, "failed", f"{type(exc).__name__}: {exc}"[:2000])
            except Exception:  # noqa: BLE001 - the database may be the reason; the batch row stays "running"
                pass
            raise
        totals = _mark(db, batch_id, "done", None)
    finally:
        _close(table)
    reasons = Counter(i.code for i in issues)
    return ImportResult(
        batch_id=batch_id, file_name=path.name, mapping=m.name, encoding=table.encoding, delimiter=table.delimiter,
        rows_read=totals.rows_read, rows_imported=totals.rows_imported, rows_skipped=totals.rows_skipped,
        resumed_from=resume_after, queues_created=tuple(names.queues_created),
        agents_created=tuple(names.agents_created), customers_created=names.customers_created,
        skills_added=names.skills_added,
        skipped=tuple(issues), seconds=time.perf_counter() - started, changes=changes,
        reasons=dict(reasons.most_common()))


@dataclass(frozen=True)
class _Totals:
    rows_read: int
    rows_imported: int
    rows_skipped: int


def _flush(db: Database, batch_id: int, names: _Names, m: Mapping, center_id: int, parsed: list[ParsedRow],
           tz: tzinfo, last: int, read: int, skipped: int, issues: list[RowIssue], imported: int,
           changes: Changes) -> tuple[int, Changes]:
    mark = len(issues)
    q_mark, a_mark, c_mark = len(names.queues_created), len(names.agents_created), names.customers_created
    skills_mark, skills_added_mark = set(names.skills), names.skills_added
    try:
        with db.session() as s:
            n, ch = _write_batch(s, batch_id, names, m, center_id, parsed, tz, last_row=last, read=read,
                                 skipped_here=skipped, issues=issues)
    except BaseException:
        del issues[mark:]
        # what this batch created was rolled back with it: forget it
        for name in names.queues_created[q_mark:]:
            names.queues.pop(name.casefold(), None)
        for name in names.agents_created[a_mark:]:
            names.people.pop(name.casefold(), None)
            names.employee_nos.pop(employee_no(name), None)
        del names.queues_created[q_mark:], names.agents_created[a_mark:]
        names.customers.clear()
        names.customers_created = c_mark
        names.skills, names.skills_added = skills_mark, skills_added_mark
        raise
    return imported + n, changes | ch


def _mark(db: Database, batch_id: int, status: str, error: str | None) -> _Totals:
    with db.session() as s:
        batch = s.get(ImportBatch, batch_id)
        assert batch is not None
        batch.status, batch.error = status, error
        if status == "done":
            batch.finished_at = clock.now()
        return _Totals(batch.rows_read, batch.rows_imported, batch.rows_skipped)


def write_report(path: Path, issues: Iterable[RowIssue]) -> int:
    """The skipped rows as CSV (row, reason, detail), UTF-8 with BOM so that Excel opens it right."""
    n = 0
    with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["row", "reason", "detail"])
        for issue in issues:
            w.writerow([issue.row, issue.code, issue.message])
            n += 1
    return n
