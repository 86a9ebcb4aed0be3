"""Importing open complaints from a spreadsheet (CSV or XLSX) when a center moves to Floorwalker.

The columns are fixed (see :data:`COLUMNS`); category, priority, stage, kind and channel also
accept their Chinese names (物流 → logistics, 紧急 → urgent). Times are in the center's time zone.
The whole file is read and checked before anything is written, so a file that cannot be read
writes nothing; valid rows are then written in batches, one transaction per batch, each
complaint with a "created" event. A row whose reference is already in the database is skipped,
so importing the same file again adds nothing. Customers are stored encrypted (phone, name) and
found again by their phone's keyed hash.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.actor import Actor
from app.changes import Changes, record
from app.i18n import N_
from app.imports.mapping import MAX_YEAR, MIN_YEAR, RowError, parse_datetime, zone
from app.imports.reading import ImportFileError, open_table
from app.imports.service import Preview, PreviewRow, RowIssue
from db.database import Database
from db.models import Center, Complaint, ComplaintEvent, Customer, Person, Team
from db.models.complaints import CATEGORIES, KINDS, PRIORITIES, STAGES
from db.models.org import CHANNELS

BATCH_ROWS = 500
REQUIRED = ("reference", "category", "summary", "opened_at")
COLUMNS = ("reference", "kind", "channel", "category", "priority", "stage", "summary", "customer_phone",
           "customer_name", "vip", "owner", "team", "departments", "temporary_solution", "opened_at",
           "expected_resolution_at", "closed_at")
MAX_REFERENCE = 32
MAX_TEXT = 10_000

CHINESE: dict[str, dict[str, str]] = {
    "kind": {"投诉": "complaint", "服务请求": "service_request", "工单": "service_request"},
    "channel": {"电话": "phone", "在线": "chat", "聊天": "chat", "邮件": "email", "社交": "social",
                "社交媒体": "social", "现场": "onsite"},
    "category": {"产品质量": "product_quality", "售后": "after_sales", "售后服务": "after_sales", "物流": "logistics",
                 "服务态度": "service_attitude", "系统故障": "system_fault", "其他": "other", "其它": "other"},
    "priority": {"紧急": "urgent", "普通": "regular", "一般": "regular", "特殊": "special"},
    "stage": {"受理": "accept", "评估": "assess", "处理": "process", "处理中": "process", "反馈": "feedback",
              "关闭": "closed", "已关闭": "closed", "结案": "closed"},
}
ALLOWED: dict[str, tuple[str, ...]] = {"kind": KINDS, "channel": CHANNELS, "category": CATEGORIES,
                                       "priority": PRIORITIES, "stage": STAGES}
DEFAULTS = {"kind": "complaint", "channel": "phone", "priority": "regular", "stage": "accept"}
YES = {"yes", "y", "true", "1", "是", "vip"}
NO = {"", "no", "n", "false", "0", "否"}


@dataclass(frozen=True)
class ComplaintRow:
    """One valid row, ready to write (times in UTC)."""

    row: int
    reference: str
    kind: str
    channel: str
    category: str
    priority: str
    stage: str
    summary: str
    customer_phone: str | None
    customer_name: str | None
    is_vip: bool
    owner_id: int | None
    team_id: int | None
    departments: tuple[str, ...]
    temporary_solution: str | None
    opened_at: datetime
    expected_resolution_at: datetime | None
    closed_at: datetime | None

    def preview(self, tz: tzinfo) -> dict[str, str]:
        def t(v: datetime | None) -> str:
            return v.astimezone(tz).strftime("%Y-%m-%d %H:%M") if v else ""

        return {"reference": self.reference, "kind": self.kind, "channel": self.channel, "category": self.category,
                "priority": self.priority, "stage": self.stage, "summary": self.summary[:60],
                "customer": "yes" if self.customer_phone or self.customer_name else "",
                "vip": "yes" if self.is_vip else "", "departments": ";".join(self.departments),
                "opened_at": t(self.opened_at), "expected_resolution_at": t(self.expected_resolution_at),
                "closed_at": t(self.closed_at)}


@dataclass(frozen=True)
class ComplaintImportResult:
    file_name: str
    encoding: str | None
    delimiter: str | None
    timezone: str
    rows_read: int
    rows_imported: int
    rows_skipped: int
    customers_created: int
    ignored_columns: tuple[str, ...]
    skipped: tuple[RowIssue, ...]
    seconds: float
    changes: Changes = Changes.NONE
    reasons: dict[str, int] = field(default_factory=dict)


def _column_key(name: str) -> str:
    return name.strip().casefold().replace(" ", "_").replace("-", "_")


class _Parser:
    """Turns a row of cells into a :class:`ComplaintRow` or raises :class:`RowError`."""

    def __init__(self, header: Sequence[str], tz: tzinfo, people: dict[str, int], teams: dict[str, int]) -> None:
        self.index: dict[str, int] = {}
        ignored: list[str] = []
        for i, h in enumerate(header):
            key = _column_key(h)
            if key in COLUMNS and key not in self.index:
                self.index[key] = i
            elif h:
                ignored.append(h)
        missing = [c for c in REQUIRED if c not in self.index]
        if missing:
            raise ImportFileError(N_("The file has no column {cols}; the columns are: {all}").format(
                cols=", ".join(missing), all=", ".join(COLUMNS)))
        self.ignored = tuple(ignored)
        self.tz, self.people, self.teams = tz, people, teams

    def cell(self, values: Sequence[str], key: str) -> str:
        i = self.index.get(key)
        if i is None or i >= len(values):
            return ""
        return values[i].strip()

    def choice(self, values: Sequence[str], key: str) -> str:
        raw = self.cell(values, key)
        if not raw:
            if key in DEFAULTS:
                return DEFAULTS[key]
            raise RowError(f"missing {key}", N_("the {col} is empty").format(col=key))
        value = CHINESE[key].get(raw) or raw.casefold().replace(" ", "_").replace("-", "_")
        if value not in ALLOWED[key]:
            raise RowError(f"unknown {key}", N_("unknown {col} {value!r} (one of {known})").format(
                col=key, value=raw, known=", ".join(ALLOWED[key])))
        return value

    def moment(self, values: Sequence[str], key: str) -> datetime | None:
        raw = self.cell(values, key)
        if not raw:
            return None
        value = parse_datetime(raw, None, self.tz)
        if value is None or not MIN_YEAR <= value.year <= MAX_YEAR:
            raise RowError("bad date", N_("{col} {value!r} is not a date and time").format(col=key, value=raw))
        return value

    def parse(self, row: int, values: Sequence[str]) -> ComplaintRow:
        if any("\x00" in v for v in values):
            raise RowError("bad characters", N_("the row contains NUL characters"))
        reference = self.cell(values, "reference")
        if not reference:
            raise RowError("missing reference", N_("the reference is empty"))
        if len(reference) > MAX_REFERENCE:
            raise RowError("bad reference", N_("the reference has more than {n} characters").format(n=MAX_REFERENCE))
        summary = self.cell(values, "summary")
        if not summary:
            raise RowError("missing summary", N_("the summary is empty"))
        kind, channel = self.choice(values, "kind"), self.choice(values, "channel")
        category, priority = self.choice(values, "category"), self.choice(values, "priority")
        stage = self.choice(values, "stage")
        opened = self.moment(values, "opened_at")
        if opened is None:
            raise RowError("missing opened_at", N_("opened_at is empty"))
        expected, closed = self.moment(values, "expected_resolution_at"), self.moment(values, "closed_at")
        if closed is not None and closed < opened:
            raise RowError("closed before opened", N_("closed_at is before opened_at"))
        if stage == "closed" and closed is None:
            raise RowError("closed without closed_at", N_("the stage is closed but closed_at is empty"))
        if stage != "closed" and closed is not None:
            raise RowError("closed_at on open complaint", N_("closed_at is set but the stage is {stage}").format(
                stage=stage))
        vip_raw = self.cell(values, "vip").casefold()
        if vip_raw not in YES | NO:
            raise RowError("bad vip", N_("vip {value!r} is not yes or no").format(value=vip_raw))
        owner_id = team_id = None
        owner = self.cell(values, "owner")
        if owner:
            owner_id = self.people.get(owner.casefold())
            if owner_id is None:
                raise RowError("unknown owner", N_("no person named {name!r}").format(name=owner))
        team = self.cell(values, "team")
        if team:
            team_id = self.teams.get(team.casefold())
            if team_id is None:
                raise RowError("unknown team", N_("no team named {name!r}").format(name=team))
        departments = tuple(d.strip() for d in self.cell(values, "departments").replace("；", ";").split(";")
                            if d.strip())
        texts = (summary, self.cell(values, "temporary_solution"), self.cell(values, "customer_name"))
        if any(len(t) > MAX_TEXT for t in texts) or any(len(d) > 120 for d in departments):
            raise RowError("text too long", N_("a text cell is longer than {n} characters").format(n=MAX_TEXT))
        phone = self.cell(values, "customer_phone")
        if phone and len(phone) > 40:
            raise RowError("bad phone", N_("the customer phone has more than 40 characters"))
        return ComplaintRow(
            row=row, reference=reference, kind=kind, channel=channel, category=category, priority=priority,
            stage=stage, summary=summary, customer_phone=phone or None,
            customer_name=self.cell(values, "customer_name") or None, is_vip=vip_raw in YES,
            owner_id=owner_id, team_id=team_id, departments=departments,
            temporary_solution=self.cell(values, "temporary_solution") or None, opened_at=opened,
            expected_resolution_at=expected, closed_at=closed)


def _names(session: Session, center_id: int | None) -> tuple[dict[str, int], dict[str, int]]:
    people: dict[str, int] = {}
    for pid, name in session.execute(select(Person.id, Person.full_name).where(Person.center_id == center_id)
                                     .order_by(Person.id)).all():
        people.setdefault(name.strip().casefold(), pid)
    teams = {n.strip().casefold(): i for i, n in session.execute(
        select(Team.id, Team.name).where(Team.center_id == center_id)).all()}
    return people, teams


def _read(db: Database, path: Path, encoding: str | None, delimiter: str | None,
          limit: int | None = None) -> tuple[Any, int | None, str, tzinfo, _Parser, list[tuple[int, tuple[str, ...]]]]:
    with db.session() as s:
        center = s.scalars(select(Center).order_by(Center.id)).first()
        center_id, tz_name = (center.id, center.timezone) if center is not None else (None, "UTC")
        people, teams = _names(s, center_id)
    tz = zone(tz_name)
    with open_table(Path(path), encoding=encoding, delimiter=delimiter) as table:
        parser = _Parser(table.header, tz, people, teams)
        rows: list[tuple[int, tuple[str, ...]]] = []
        for number, values in table.rows:
            if limit is not None and len(rows) >= limit:
                break
            rows.append((number, values))
    return table, center_id, tz_name, tz, parser, rows


def preview_complaints(db: Database, path: Path, *, rows: int = 20, encoding: str | None = None,
                       delimiter: str | None = None) -> Preview:
    """The first ``rows`` data rows parsed (or the reason each fails); writes nothing."""
    table, _, tz_name, tz, parser, data = _read(db, path, encoding, delimiter, limit=rows)
    out: list[PreviewRow] = []
    for number, values in data:
        try:
            out.append(PreviewRow(number, parser.parse(number, values).preview(tz), None))
        except RowError as exc:
            out.append(PreviewRow(number, None, str(exc)))
    return Preview(table.file_name, table.encoding, table.delimiter, table.header, tz_name, tuple(out))


def _customer(session: Session, cipher: Any, cache: dict[str, int], r: ComplaintRow) -> tuple[int | None, bool]:
    from app.security.customers import find_by_phone, new_customer_values

    if r.customer_phone is None and r.customer_name is None:
        return None, False
    if r.customer_phone is not None:
        if r.customer_phone in cache:
            return cache[r.customer_phone], False
        found = find_by_phone(session, cipher, r.customer_phone)
        if found is not None:
            cache[r.customer_phone] = found
            return found, False
    c = Customer(**new_customer_values(cipher, phone=r.customer_phone, name=r.customer_name, is_vip=r.is_vip))
    session.add(c)
    session.flush()
    if r.customer_phone is not None:
        cache[r.customer_phone] = c.id
    return c.id, True


def _write_batch(session: Session, center_id: int | None, batch: list[ComplaintRow], cipher: Any, actor: Actor,
                 file_name: str, issues: list[RowIssue]) -> tuple[int, int, int]:
    if center_id is None:  # an empty database: the first batch creates the center (in its transaction)
        center = Center(name=N_("Contact center"), timezone="UTC")
        session.add(center)
        session.flush()
        center_id = center.id
    refs = [r.reference for r in batch]
    existing = set(session.scalars(select(Complaint.reference).where(Complaint.reference.in_(refs))).all())
    cache: dict[str, int] = {}
    imported = created = 0
    for r in batch:
        if r.reference in existing:
            issues.append(RowIssue(r.row, "already imported", N_("reference {ref} is already in the database").format(
                ref=r.reference)))
            continue
        customer_id, new = _customer(session, cipher, cache, r)
        created += new
        c = Complaint(center_id=center_id, reference=r.reference, kind=r.kind, customer_id=customer_id,
                      channel=r.channel, category=r.category, priority=r.priority, stage=r.stage,
                      summary=r.summary, is_vip=r.is_vip, team_id=r.team_id, owner_id=r.owner_id,
                      departments=list(r.departments), temporary_solution=r.temporary_solution,
                      expected_resolution_at=r.expected_resolution_at, first_contact_at=r.opened_at,
                      opened_at=r.opened_at, closed_at=r.closed_at)
        c.events.append(ComplaintEvent(at=r.opened_at, kind="created", to_stage=r.stage, actor=actor.username,
                                       note=N_("imported from {file}").format(file=file_name)))
        session.add(c)
        imported += 1
    session.flush()
    if imported:
        record(session, Changes.COMPLAINTS)
    return imported, created, center_id


def import_complaints(db: Database, path: Path, *, actor: Actor | None = None, encoding: str | None = None,
                      delimiter: str | None = None, batch_rows: int = BATCH_ROWS) -> ComplaintImportResult:
    """Import every valid row of ``path``; the skipped rows come back with their reasons.

    Raises :class:`ImportFileError` before writing anything when the file cannot be read.
    """
    started = time.perf_counter()
    actor = actor or Actor.system()
    path = Path(path)
    table, center_id, tz_name, _, parser, data = _read(db, path, encoding, delimiter)
    issues: list[RowIssue] = []
    valid: list[ComplaintRow] = []
    seen: dict[str, int] = {}
    for number, values in data:
        try:
            r = parser.parse(number, values)
            first = seen.setdefault(r.reference, number)
            if first != number:
                raise RowError("duplicate reference", N_("reference {ref} already on data row {row}").format(
                    ref=r.reference, row=first))
            valid.append(r)
        except RowError as exc:
            issues.append(RowIssue(number, exc.code, str(exc)))
    cipher = None
    if any(r.customer_phone or r.customer_name for r in valid):
        from app.security.crypto import CustomerCipher

        cipher = CustomerCipher.from_key_file()
    imported = customers = 0
    changes = Changes.NONE
    for start in range(0, len(valid), max(1, batch_rows)):
        with db.session() as s:
            n, c, center_id = _write_batch(s, center_id, valid[start:start + batch_rows], cipher, actor, path.name, issues)
        imported, customers = imported + n, customers + c
        if n:
            changes |= Changes.COMPLAINTS
    issues.sort(key=lambda i: i.row)
    with db.session() as s:
        audit.record(s, actor, "import", "complaints", None, after={
            "file": path.name, "rows_read": len(data), "rows_imported": imported,
            "rows_skipped": len(data) - imported, "customers_created": customers})
    reasons = Counter(i.code for i in issues)
    return ComplaintImportResult(
        file_name=path.name, encoding=table.encoding, delimiter=table.delimiter, timezone=tz_name,
        rows_read=len(data), rows_imported=imported, rows_skipped=len(data) - imported,
        customers_created=customers, ignored_columns=parser.ignored, skipped=tuple(issues),
        seconds=time.perf_counter() - started, changes=changes, reasons=dict(reasons.most_common()))
