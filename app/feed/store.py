"""Storing the feed: calls become interactions, agent states become agent_state_intervals.

Rows are written in batches, one transaction per batch (a batch lands whole or not at all).
Interactions are keyed by (source, external_id = callid), so importing the same file again adds
nothing; a call stored while still open (no end yet) is completed when a later import sees its
end. Agent intervals are matched on (agent, state, start); an open one is closed when its end
arrives. Queues are matched by name in the
center (created if missing, as phone queues); agents by an employee number derived from their
queue_log name (``QL-<name>``), then by full name, else created.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, bindparam, select, update
from sqlalchemy.orm import Session

from app.changes import Changes, record
from app.feed.calls import AgentInterval, Call, FeedState
from app.feed.queue_log import ParseReport, Problem, parse_native, parse_table
from db.database import Database
from db.models import AgentStateInterval, Center, Interaction, Person, Queue

DEFAULT_BATCH = 5000
IN_CHUNK = 900  # bound parameters per IN (...) list


def utc(epoch: float | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC)


def employee_no_for(agent: str) -> str:
    """The employee number of a person created for a queue_log agent name (stable, <= 32 chars)."""
    candidate = f"QL-{agent}"
    if len(candidate) <= 32:
        return candidate
    digest = hashlib.sha1(agent.encode("utf-8")).hexdigest()[:8]
    return f"QL-{agent[:20]}-{digest}"


@dataclass
class QueueCounts:
    offered: int = 0
    answered: int = 0
    abandoned: int = 0
    timeout: int = 0
    other_exits: int = 0
    refused: int = 0  # JOINEMPTY / FULL / CLOSED: never entered, not offered

    def add(self, call: Call) -> None:
        self.offered += 1
        if call.answered:
            self.answered += 1
        elif call.outcome == "abandoned":
            self.abandoned += 1
        elif call.outcome == "timeout":
            self.timeout += 1
        else:
            self.other_exits += 1


@dataclass
class StoreCounts:
    calls_new: int = 0
    calls_completed: int = 0  # stored open before, ended now
    calls_already: int = 0
    intervals_new: int = 0
    intervals_closed: int = 0
    intervals_already: int = 0
    batches: int = 0
    people_created: int = 0
    queues_created: int = 0


@dataclass
class ImportSummary:
    source: str
    report: ParseReport
    state: FeedState
    per_queue: dict[str, QueueCounts] = field(default_factory=dict)
    stored: StoreCounts = field(default_factory=StoreCounts)
    calls: int = 0
    intervals: int = 0

    def count(self, calls: Iterable[Call]) -> None:
        for call in calls:
            self.calls += 1
            self.per_queue.setdefault(call.queue, QueueCounts()).add(call)

    def to_json(self) -> dict[str, Any]:
        counts = self.state.counts
        queues = {q: vars(c).copy() for q, c in sorted(self.per_queue.items())}
        for q, n in counts.refused.items():
            queues.setdefault(q, vars(QueueCounts()).copy())["refused"] = n

        def problems(items: Sequence[Problem]) -> list[dict[str, Any]]:
            return [{"line": p.line, "reason": p.reason, "excerpt": p.excerpt} for p in items]

        return {
            "source": self.source, "simulated": self.report.simulated,
            "lines": self.report.lines, "blank": self.report.blank, "events": self.report.events,
            "malformed": self.report.malformed_count, "unknown": self.report.unknown_count,
            "duplicates": counts.duplicates, "out_of_order": counts.out_of_order, "late": counts.late,
            "calls_without_enterqueue": counts.calls_without_enterqueue,
            "calls": self.calls, "agent_intervals": self.intervals,
            "queues": queues, "stored": vars(self.stored).copy(),
            "malformed_lines": problems(self.report.malformed), "unknown_lines": problems(self.report.unknown),
        }

    def text(self) -> str:
        data = self.to_json()
        lines = [f"Read {data['lines']} lines: {data['events']} events, {data['malformed']} malformed, "
                 f"{data['unknown']} unknown events, {data['blank']} blank, {data['duplicates']} duplicates, "
                 f"{data['out_of_order']} out of order" + (" (simulated data)" if data["simulated"] else ""),
                 f"{data['calls']} calls, {data['agent_intervals']} agent state intervals "
                 f"(source '{data['source']}')"]
        if data["queues"]:
            width = max(len(q) for q in data["queues"]) + 2
            lines.append(f"{'queue':{width}}{'offered':>8}{'answered':>9}{'abandoned':>10}{'timeout':>8}"
                         f"{'other':>6}{'refused':>8}")
            for q, c in data["queues"].items():
                lines.append(f"{q:{width}}{c['offered']:>8}{c['answered']:>9}{c['abandoned']:>10}"
                             f"{c['timeout']:>8}{c['other_exits']:>6}{c['refused']:>8}")
        s = data["stored"]
        lines.append(f"Stored: {s['calls_new']} new interactions, {s['calls_completed']} completed, "
                     f"{s['calls_already']} already present; {s['intervals_new']} new agent intervals, "
                     f"{s['intervals_already']} already present; {s['batches']} batches")
        for title, key in (("Malformed", "malformed_lines"), ("Unknown events", "unknown_lines")):
            shown = data[key][:20]
            if shown:
                lines.append(f"{title} (first {len(shown)}):")
                lines.extend(f"  line {p['line']}: {p['reason']}: {p['excerpt']}" for p in shown)
        return "\n".join(lines)


class FeedStore:
    """Writes calls and intervals into one database; keeps id caches across batches."""

    def __init__(self, db: Database, *, source: str = "queue_log", queue_map: dict[str, str] | None = None,
                 batch_size: int = DEFAULT_BATCH) -> None:
        self.db = db
        self.source = source
        self.queue_map = dict(queue_map or {})
        self.batch_size = max(1, batch_size)
        self.counts = StoreCounts()
        self._center_id: int | None = None
        self._queues: dict[str, int] = {}
        self._channels: dict[int, str] = {}  # queue id -> its channel
        self._agents: dict[str, int] = {}
        self._first_queue: dict[str, str] = {}
        self._provisional: set[str] = set()  # stored from a live snapshot: later writes update them

    def external_id(self, call: Call) -> str:
        """The callid; a call that moves on to another queue keeps its callid plus ``@queue`` there."""
        first = self._first_queue.setdefault(call.callid, call.queue)
        ext = call.callid if first == call.queue else f"{call.callid}@{call.queue}"
        return ext[:128]

    def store(self, calls: Sequence[Call], intervals: Sequence[AgentInterval]) -> Changes:
        changes = Changes.NONE
        step = self.batch_size
        for start in range(0, max(len(calls), len(intervals)), step):
            changes |= self.store_batch(calls[start:start + step], intervals[start:start + step])
        return changes

    def store_batch(self, calls: Sequence[Call], intervals: Sequence[AgentInterval]) -> Changes:
        """One transaction: everything in it lands, or nothing does (the caches are reset then)."""
        if not calls and not intervals:
            return Changes.NONE
        ext_ids = [self.external_id(c) for c in calls]
        before = vars(self.counts).copy()
        try:
            with self.db.session() as s:
                changes = self._write(s, calls, ext_ids, intervals)
        except BaseException:
            self._center_id = None
            self._queues.clear()
            self._agents.clear()
            for key, value in before.items():
                setattr(self.counts, key, value)
            raise
        self.counts.batches += 1
        for call, ext in zip(calls, ext_ids, strict=True):
            if call.final:
                self._provisional.discard(ext)
            else:
                self._provisional.add(ext)
        return changes

    # ---------------------------------------------------------------- resolution
    def _center(self, s: Session, first_seen: float) -> int:
        if self._center_id is None:
            cid = s.scalars(select(Center.id).order_by(Center.id).limit(1)).first()
            if cid is None:
                center = Center(name="Imported center", timezone="UTC", holiday_country="CN",
                                opening_hours={}, locale="en_US")
                s.add(center)
                s.flush()
                cid = center.id
            self._center_id = cid
        return self._center_id

    def _queue_ids(self, s: Session, center_id: int, names: set[str]) -> bool:
        wanted = {n: self.queue_map.get(n, n)[:120] for n in names if n not in self._queues}
        if not wanted:
            return False
        found: dict[str, int] = {}
        for name, qid, channel in s.execute(select(Queue.name, Queue.id, Queue.channel).where(
                Queue.center_id == center_id, Queue.name.in_(sorted(set(wanted.values()))))).all():
            found[name] = qid
            self._channels[qid] = channel
        created = False
        for raw, name in wanted.items():
            if name not in found:
                q = Queue(center_id=center_id, name=name, channel="phone")
                s.add(q)
                s.flush()
                found[name] = q.id
                self._channels[q.id] = "phone"
                self.counts.queues_created += 1
                created = True
            self._queues[raw] = found[name]
        return created

    def _agent_ids(self, s: Session, center_id: int, names: set[str], first_seen: float) -> bool:
        wanted = {n: employee_no_for(n) for n in names if n not in self._agents}
        if not wanted:
            return False
        by_no: dict[str, int] = {}
        numbers = sorted(wanted.values())
        for i in range(0, len(numbers), IN_CHUNK):
            by_no.update(s.execute(select(Person.employee_no, Person.id).where(
                Person.employee_no.in_(numbers[i:i + IN_CHUNK]))).all())
        rest = sorted(n[:120] for n, no in wanted.items() if no not in by_no)
        by_name: dict[str, int | None] = {}
        for i in range(0, len(rest), IN_CHUNK):
            for full_name, pid in s.execute(select(Person.full_name, Person.id).where(
                    Person.center_id == center_id, Person.full_name.in_(rest[i:i + IN_CHUNK]))).all():
                by_name[full_name] = None if full_name in by_name else pid  # ambiguous: None
        created = False
        hired = datetime.fromtimestamp(first_seen, UTC).date() if first_seen > 0 else date(2000, 1, 1)
        for name, no in wanted.items():
            pid = by_no.get(no) or by_name.get(name[:120])
            if pid is None:
                person = Person(center_id=center_id, employee_no=no, full_name=name[:120], job_title="agent",
                                level=None, hire_date=hired, contract_hours_week=40.0)
                s.add(person)
                s.flush()
                pid = person.id
                self.counts.people_created += 1
                created = True
            self._agents[name] = pid
        return created

    # ---------------------------------------------------------------- writing
    def _write(self, s: Session, calls: Sequence[Call], ext_ids: Sequence[str],
               intervals: Sequence[AgentInterval]) -> Changes:
        firsts = [c.offered_at for c in calls] + [i.started_at for i in intervals]
        center_id = self._center(s, min(firsts))
        changes = Changes.NONE
        if self._queue_ids(s, center_id, {c.queue for c in calls}):
            changes |= Changes.QUEUES
        agents = {c.agent for c in calls if c.agent} | {i.agent for i in intervals}
        if self._agent_ids(s, center_id, agents, min(firsts)):
            changes |= Changes.PEOPLE
        if calls and self._write_calls(s, center_id, calls, ext_ids):
            changes |= Changes.INTERACTIONS
        if intervals and self._write_intervals(s, intervals):
            changes |= Changes.AGENT_STATES
        return record(s, changes)

    def _write_calls(self, s: Session, center_id: int, calls: Sequence[Call], ext_ids: Sequence[str]) -> bool:
        existing: dict[str, tuple[int, bool]] = {}
        for i in range(0, len(ext_ids), IN_CHUNK):
            rows = s.execute(select(Interaction.external_id, Interaction.id, Interaction.ended_at).where(
                Interaction.source == self.source, Interaction.external_id.in_(ext_ids[i:i + IN_CHUNK])))
            for ext, iid, ended in rows:
                existing[ext] = (iid, ended is None)
        new_rows: list[dict[str, Any]] = []
        completions: list[dict[str, Any]] = []
        seen: set[str] = set()
        for call, ext in zip(calls, ext_ids, strict=True):
            if ext in seen:
                continue
            seen.add(ext)
            row = {
                "queue_id": self._queues[call.queue], "agent_id": self._agents.get(call.agent) if call.agent else None,
                "offered_at": utc(call.offered_at), "answered_at": utc(call.answered_at),
                "ended_at": utc(call.ended_at), "wait_sec": call.wait_sec, "talk_sec": call.talk_sec,
                "outcome": call.outcome,
            }
            if ext in existing:
                iid, was_open = existing[ext]
                if was_open or ext in self._provisional:  # stored before it was final: bring it up to date
                    completions.append({"b_id": iid, **row})
                if was_open and call.ended_at is not None:
                    self.counts.calls_completed += 1
                else:
                    self.counts.calls_already += 1
                continue
            # a queue_log queue mapped onto a chat queue carries chats (R-SCH-4 counts them online)
            channel = self._channels.get(row["queue_id"], "phone")
            new_rows.append({"center_id": center_id, "channel": channel, "source": self.source,
                             "external_id": ext, "resolved": None, **row})
        if new_rows:
            table = Interaction.__table__
            stmt = _insert_ignoring(s, table, ("source", "external_id"))
            s.execute(stmt, new_rows)
            self.counts.calls_new += len(new_rows)
        if completions:
            table = Interaction.__table__
            stmt = update(table).where(table.c.id == bindparam("b_id")).values(
                {k: bindparam(k) for k in completions[0] if k != "b_id"})
            s.execute(stmt, completions)
        return bool(new_rows or completions)

    def _write_intervals(self, s: Session, intervals: Sequence[AgentInterval]) -> bool:
        agent_ids = sorted({self._agents[i.agent] for i in intervals})
        lo = utc(min(i.started_at for i in intervals))
        hi = utc(max(i.started_at for i in intervals))
        existing: dict[tuple[int, str, datetime], tuple[int, bool]] = {}
        for k in range(0, len(agent_ids), IN_CHUNK):
            rows = s.execute(select(AgentStateInterval.agent_id, AgentStateInterval.state,
                                    AgentStateInterval.started_at, AgentStateInterval.id,
                                    AgentStateInterval.ended_at).where(
                and_(AgentStateInterval.agent_id.in_(agent_ids[k:k + IN_CHUNK]),
                     AgentStateInterval.started_at >= lo, AgentStateInterval.started_at <= hi)))
            for aid, state, started, iid, ended in rows:
                existing[(aid, state, started)] = (iid, ended is None)
        new_rows: list[dict[str, Any]] = []
        closes: list[dict[str, Any]] = []
        for interval in intervals:
            aid = self._agents[interval.agent]
            started = utc(interval.started_at)
            key = (aid, interval.state, started)
            if key in existing:
                iid, was_open = existing[key]
                if was_open and interval.ended_at is not None:
                    closes.append({"b_id": iid, "ended_at": utc(interval.ended_at)})
                    existing[key] = (iid, False)
                    self.counts.intervals_closed += 1
                else:
                    self.counts.intervals_already += 1
                continue
            existing[key] = (0, interval.ended_at is None)
            new_rows.append({"agent_id": aid, "state": interval.state, "reason": interval.reason,
                             "started_at": started, "ended_at": utc(interval.ended_at)})
        table = AgentStateInterval.__table__
        if new_rows:
            s.execute(table.insert(), new_rows)
            self.counts.intervals_new += len(new_rows)
        if closes:
            s.execute(update(table).where(table.c.id == bindparam("b_id")).values(ended_at=bindparam("ended_at")),
                      closes)
        return bool(new_rows or closes)


def _insert_ignoring(s: Session, table: Any, conflict: tuple[str, ...]) -> Any:
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing(index_elements=list(conflict))
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing(index_elements=list(conflict))


Progress = Callable[[ImportSummary], None]


def import_events(db: Database, chunks: Iterable[bytes], *, table_form: bool = False,
                  source: str | None = None, queue_map: dict[str, str] | None = None,
                  batch_size: int = DEFAULT_BATCH, progress: Progress | None = None) -> ImportSummary:
    """Parse, build calls and store them; ``source`` None means "queue_log" (or "simulator" for
    a file that starts with the simulator's marker line)."""
    report = ParseReport()
    state = FeedState()
    events = parse_table(chunks, report) if table_form else parse_native(chunks, report)
    summary = ImportSummary(source or "queue_log", report, state)
    store: FeedStore | None = None
    pending_calls: list[Call] = []
    pending_intervals: list[AgentInterval] = []

    def ensure_store() -> FeedStore:
        nonlocal store
        if store is None:
            summary.source = source or ("simulator" if report.simulated else "queue_log")
            store = FeedStore(db, source=summary.source, queue_map=queue_map, batch_size=batch_size)
            summary.stored = store.counts
        return store

    def flush_pending(calls: list[Call], intervals: list[AgentInterval]) -> None:
        summary.count(calls)
        summary.intervals += len(intervals)
        ensure_store().store(calls, intervals)
        if progress is not None:
            progress(summary)

    for n, event in enumerate(events, 1):
        state.push(event)
        if n % batch_size == 0:
            calls, intervals = state.drain()
            pending_calls.extend(calls)
            pending_intervals.extend(intervals)
            if len(pending_calls) >= batch_size or len(pending_intervals) >= batch_size:
                flush_pending(pending_calls, pending_intervals)
                pending_calls, pending_intervals = [], []
    calls, intervals = state.flush()
    flush_pending(pending_calls + calls, pending_intervals + intervals)
    ensure_store()
    return summary

