"""Import chat, email and social transcripts message by message (`floorwalker import transcripts`).

Formats (documented in the README):

* **jsonl** — one message per line: ``{"conversation": "C-1001", "time": "2026-11-02T10:15:03+08:00",
  "sender": "customer", "text": "...", "attachments": ["photo.jpg"], "agent": "Chen Jie",
  "queue": "Online chat", "channel": "chat"}``. ``conversation``, ``time``, ``sender`` and
  ``text`` are required; ``time`` may also be epoch seconds; ``sender`` is agent / customer / bot
  / system (common synonyms and the Chinese 客服 / 客户 / 机器人 / 系统 are understood; anything
  else is kept as *unknown*).
* **csv** — the same fields as columns (any delimiter, UTF-8 with or without BOM, GBK/GB18030);
  headers with other names are mapped with ``--columns field=Header,...``, which ``--save-mapping
  NAME`` keeps for ``--mapping NAME``. ``attachments`` are separated by ``;``.

A conversation becomes (or joins) an interaction: an interaction whose ``external_id`` is the
conversation id is used; otherwise a chat interaction is created (queue by name, agent by name or
employee number, times from the messages). Messages are stored in time order; exact duplicates
(same time, sender and text) are dropped; a conversation that already has messages is skipped, so
importing the same file twice adds nothing. Every bad line is listed with its reason; the rest
goes on. Conversations are written in batches, one transaction each.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.autoqa.checks import normalise_sender
from app.changes import Changes, record
from app.i18n import N_, Message
from app.imports.reading import check_encoding, detect_encoding, sniff_delimiter
from db.database import Database
from db.models import Center, ImportMapping, Interaction, Person, Queue, TranscriptMessage

FIELDS = ("conversation", "time", "sender", "text", "attachments", "agent", "queue", "channel")
REQUIRED = ("conversation", "time", "sender", "text")
CHANNELS = ("chat", "email", "social")
MAX_TEXT = 1_000_000


@dataclass(frozen=True)
class Problem:
    line: int
    conversation: str | None
    reason: str


@dataclass
class TranscriptImport:
    lines: int = 0
    messages: int = 0
    conversations: int = 0
    created_interactions: int = 0
    skipped_existing: int = 0
    duplicates: int = 0
    unknown_senders: int = 0
    problems: list[Problem] = field(default_factory=list)
    without_agent: list[str] = field(default_factory=list)

    def report_csv(self) -> str:
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(["line", "conversation", "reason"])
        for p in self.problems:
            w.writerow([p.line, p.conversation or "", p.reason])
        return out.getvalue()


@dataclass(frozen=True)
class _Msg:
    line: int
    at: datetime
    sender: str
    text: str
    attachments: tuple[str, ...]


@dataclass
class _Conv:
    id: str
    messages: list[_Msg] = field(default_factory=list)
    agent: str | None = None
    queue: str | None = None
    channel: str = "chat"


def parse_time(raw: object, tz: ZoneInfo) -> datetime:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return datetime.fromtimestamp(float(raw), UTC)
    text = str(raw or "").strip()
    if not text:
        raise ValueError(N_("no time"))
    if text.replace(".", "", 1).isdigit():
        return datetime.fromtimestamp(float(text), UTC)
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00").replace("/", "-"))
    except ValueError:
        raise ValueError(Message(N_("unreadable time '{value}' (use ISO 8601, e.g. 2026-11-02T10:15:03+08:00)"), value=text[:40])) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=tz)  # a time without zone is the center's local time
    return value.astimezone(UTC)


def _records_jsonl(text: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, f"not JSON ({exc.msg} at column {exc.colno})"
            continue
        yield n, value if isinstance(value, dict) else "not a JSON object"


def _records_csv(text: str, columns: dict[str, str]) -> Iterator[tuple[int, dict[str, Any] | str]]:
    delimiter = sniff_delimiter(text[:20_000])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        return
    where = {}
    for f in FIELDS:
        name = columns.get(f, f)
        if name in header:
            where[f] = header.index(name)
    missing = [f for f in REQUIRED if f not in where]
    if missing:
        raise ValueError(Message(N_("The file has no column for {value} (its columns: {value2}). Map them with --columns field=Header,..."), value=', '.join(missing), value2=', '.join(header)))
    for n, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        rec: dict[str, Any] = {f: row[i] if i < len(row) else "" for f, i in where.items()}
        if "attachments" in rec:
            rec["attachments"] = [a.strip() for a in str(rec["attachments"]).split(";") if a.strip()]
        yield n, rec


def read_transcripts(path: Path, fmt: str, *, columns: dict[str, str] | None = None, tz: ZoneInfo,
                     encoding: str | None = None, result: TranscriptImport) -> dict[str, _Conv]:
    raw = path.read_bytes()
    enc = check_encoding(encoding) if encoding else detect_encoding(raw[:65536])
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError as exc:
        raise ValueError(Message(N_("{name} is not {enc} text (byte {start}); give --encoding"), name=path.name, enc=enc, start=exc.start)) from None
    if fmt not in ("jsonl", "csv"):
        raise ValueError(Message(N_("Unknown format '{fmt}': use jsonl or csv."), fmt=fmt))
    records = _records_jsonl(text) if fmt == "jsonl" else _records_csv(text, columns or {})
    convs: dict[str, _Conv] = {}
    for n, rec in records:
        result.lines += 1
        if isinstance(rec, str):
            result.problems.append(Problem(n, None, rec))
            continue
        conv_id = str(rec.get("conversation") or "").strip()
        if not conv_id:
            result.problems.append(Problem(n, None, "no conversation id"))
            continue
        missing = [f for f in ("time", "sender") if rec.get(f) in (None, "")]
        if missing or "text" not in rec:
            result.problems.append(Problem(n, conv_id, f"missing {', '.join(missing or ['text'])}"))
            continue
        try:
            at = parse_time(rec["time"], tz)
        except ValueError as exc:
            result.problems.append(Problem(n, conv_id, str(exc)))
            continue
        text_value = rec.get("text")
        msg_text = "" if text_value is None else str(text_value)
        if len(msg_text) > MAX_TEXT:
            result.problems.append(Problem(n, conv_id, f"message of {len(msg_text):,} characters cut to 1,000,000"))
            msg_text = msg_text[:MAX_TEXT]
        sender = normalise_sender(rec.get("sender"))
        if sender == "unknown":
            result.unknown_senders += 1
        attachments = rec.get("attachments") or []
        if not isinstance(attachments, list):
            attachments = [str(attachments)]
        conv = convs.setdefault(conv_id, _Conv(conv_id))
        conv.messages.append(_Msg(n, at, sender, msg_text, tuple(str(a)[:200] for a in attachments)))
        if rec.get("agent") and not conv.agent:
            conv.agent = str(rec["agent"]).strip()
        if rec.get("queue") and not conv.queue:
            conv.queue = str(rec["queue"]).strip()
        channel = str(rec.get("channel") or "").strip().lower()
        if channel in CHANNELS:
            conv.channel = channel
    return convs


def import_transcripts(db: Database, path: Path, *, fmt: str | None = None, columns: dict[str, str] | None = None,
                       mapping: str | None = None, save_mapping: str | None = None, actor: Actor | None = None,
                       encoding: str | None = None, batch: int = 500) -> TranscriptImport:
    actor = actor or Actor.system()
    fmt = fmt or ("csv" if path.suffix.lower() in (".csv", ".txt") else "jsonl")
    result = TranscriptImport()
    with db.session() as s:
        center = s.scalars(select(Center).order_by(Center.id).limit(1)).first()
        if center is None:
            raise ValueError(N_("There is no center in this database yet; create it (or run floorwalker demo) first."))
        center_id, tz = center.id, ZoneInfo(center.timezone)
        if mapping:
            saved = s.scalar(select(ImportMapping).where(ImportMapping.name == mapping))
            if saved is None or saved.mapping.get("kind") != "transcripts":
                raise ValueError(Message(N_("There is no transcript mapping called '{mapping}'."), mapping=mapping))
            columns = {**saved.mapping.get("columns", {}), **(columns or {})}
        if save_mapping:
            _save_mapping(s, actor, save_mapping, columns or {})
    convs = read_transcripts(path, fmt, columns=columns, tz=tz, encoding=encoding, result=result)
    items = list(convs.values())
    for start in range(0, len(items), batch):
        with db.session() as s:
            _write(s, center_id, items[start:start + batch], result)
            record(s, Changes.INTERACTIONS | Changes.QA)
    with db.session() as s:
        audit.record(s, actor, "import", "transcripts", None,
                     after={"file": path.name, "conversations": result.conversations, "messages": result.messages,
                            "problems": len(result.problems)})
    return result


def _save_mapping(s: Session, actor: Actor, name: str, columns: dict[str, str]) -> None:
    unknown = [k for k in columns if k not in FIELDS]
    if unknown:
        raise ValueError(Message(N_("Unknown field(s) {value}; the fields are {value2}."), value=', '.join(unknown), value2=', '.join(FIELDS)))
    now = clock.now()
    row = s.scalar(select(ImportMapping).where(ImportMapping.name == name))
    value = {"kind": "transcripts", "columns": columns}
    if row is None:
        s.add(ImportMapping(name=name, mapping=value, created_by=actor.username, created_at=now,
                            updated_by=actor.username, updated_at=now))
    else:
        row.mapping = value
        row.updated_by, row.updated_at = actor.username, now


def _write(s: Session, center_id: int, convs: list[_Conv], result: TranscriptImport) -> None:
    ids = [c.id for c in convs]
    existing = dict(s.execute(select(Interaction.external_id, Interaction.id)
                              .where(Interaction.external_id.in_(ids))).all())
    have_messages = set(s.scalars(select(TranscriptMessage.interaction_id)
                                  .where(TranscriptMessage.interaction_id.in_(list(existing.values()) or [-1]))
                                  .distinct()))
    people = {}
    for pid, name, no in s.execute(select(Person.id, Person.full_name, Person.employee_no)):
        people[name] = pid
        people[no] = pid
    queues = {name: (qid, channel) for qid, name, channel in s.execute(select(Queue.id, Queue.name, Queue.channel))}
    default_queue = next(((qid, ch) for qid, ch in queues.values() if ch == "chat"), None)
    rows: list[dict[str, Any]] = []
    for conv in convs:
        msgs = sorted(conv.messages, key=lambda m: (m.at, m.line))
        unique: list[_Msg] = []
        seen: set[tuple[datetime, str, str]] = set()
        for m in msgs:
            key = (m.at, m.sender, m.text)
            if key in seen:
                result.duplicates += 1
                continue
            seen.add(key)
            unique.append(m)
        if not any(m.sender == "agent" for m in unique):
            result.without_agent.append(conv.id)
        interaction_id = existing.get(conv.id)
        if interaction_id is not None and interaction_id in have_messages:
            result.skipped_existing += 1
            continue
        if interaction_id is None:
            queue = queues.get(conv.queue or "") or default_queue
            if queue is None:
                result.problems.append(Problem(unique[0].line, conv.id,
                                               f"no queue '{conv.queue}' and no chat queue to put it in"))
                continue
            first, last = unique[0].at, unique[-1].at
            first_customer = next((m.at for m in unique if m.sender == "customer"), first)
            first_agent = next((m.at for m in unique if m.sender == "agent"), None)
            agent_id = people.get(conv.agent or "")
            if conv.agent and agent_id is None:
                result.problems.append(Problem(unique[0].line, conv.id,
                                               f"unknown agent '{conv.agent}' (imported without an agent)"))
            interaction_id = s.execute(insert(Interaction).values(
                center_id=center_id, queue_id=queue[0], agent_id=agent_id, channel=conv.channel, source="transcript",
                external_id=conv.id, offered_at=first_customer, answered_at=first_agent, ended_at=last,
                wait_sec=max(0.0, (first_agent - first_customer).total_seconds()) if first_agent else 0.0,
                talk_sec=max(0.0, (last - (first_agent or first)).total_seconds()) if first_agent else 0.0,
                wrap_sec=0.0, outcome="answered" if first_agent else "abandoned",
                recommendation_offered=False, recommendation_converted=False,
            ).returning(Interaction.id)).scalar_one()
            result.created_interactions += 1
        for seq, m in enumerate(unique, start=1):
            rows.append(dict(interaction_id=interaction_id, seq=seq, sent_at=m.at, sender=m.sender, text=m.text,
                             attachments=list(m.attachments) or None))
        result.conversations += 1
        result.messages += len(unique)
    if rows:
        s.execute(insert(TranscriptMessage), rows)


def by_conversation(problems: list[Problem]) -> dict[str, list[Problem]]:
    out: dict[str, list[Problem]] = defaultdict(list)
    for p in problems:
        out[p.conversation or ""].append(p)
    return out
