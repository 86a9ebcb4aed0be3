"""A live feed: lines arriving over time (a tailed file, the simulator) parsed, tracked and stored.

Each :meth:`LiveFeed.commit` stores the calls and intervals finished since the last one and
the ones still open as they stand (a caller waiting, an agent on a call or paused), so the
live figures see them at once; the open rows are brought up to date by later commits.

Each commit (and :meth:`LiveFeed.heartbeat` while the input is quiet) also writes the feed's
row in ``feed_status``: last event, events per second, malformed/unknown/duplicate counts. The
Live view reads it for its feed-health indicator and says "feed stopped" when it goes silent.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from app import clock
from app.feed.calls import FeedState
from app.feed.queue_log import ParseReport, parse_native
from app.feed.store import DEFAULT_BATCH, FeedStore
from db.database import Database
from db.models import FeedStatus

PROBLEMS_KEPT = 20
RATE_WINDOW_SEC = 60.0


@dataclass(frozen=True)
class CommitResult:
    calls_finished: int
    calls_open: int
    intervals_closed: int
    intervals_open: int


class LiveFeed:
    def __init__(self, db: Database, *, source: str | None = None, queue_map: dict[str, str] | None = None,
                 batch_size: int = DEFAULT_BATCH, name: str | None = None) -> None:
        self.db = db
        self.name = (name or source or "queue_log")[:200]
        self.started_at = clock.now()
        self._status_at = self.started_at
        self._status_events = 0
        self._last_seen: datetime | None = None
        self._rate_samples: deque[tuple[datetime, int]] = deque([(self.started_at, 0)])
        self.rotations = 0
        self.missing = False
        self.report = ParseReport()
        self.state = FeedState()
        self._source = source
        self._queue_map = queue_map
        self._batch = batch_size
        self._line = 0
        self.store: FeedStore | None = None

    def feed(self, lines: Iterable[bytes]) -> int:
        """Parse and track raw lines (without or with newlines); returns the events read."""
        before = self.report.events
        chunk = list(lines)
        for event in parse_native(chunk, self.report, first_line=self._line + 1):
            self.state.push(event)
        self._line += len(chunk)
        return self.report.events - before

    def commit(self) -> CommitResult:
        calls, intervals = self.state.drain()
        open_calls, open_intervals = self.state.snapshot()
        if self.store is None:
            source = self._source or ("simulator" if self.report.simulated else "queue_log")
            self.store = FeedStore(self.db, source=source, queue_map=self._queue_map, batch_size=self._batch)
        self.store.store(calls + open_calls, intervals + open_intervals)
        self.heartbeat()
        return CommitResult(len(calls), len(open_calls), len(intervals), len(open_intervals))

    def heartbeat(self, *, stopped: bool = False) -> None:
        """Write this feed's health row (alive now; events since the last write; problem counts)."""
        now = clock.now()
        report, counts = self.report, self.state.counts
        events = counts.events
        if events > self._status_events:
            self._last_seen = now
        # events per second over the last minute (one quiet heartbeat does not read as zero)
        self._rate_samples.append((now, events))
        while len(self._rate_samples) > 2 and (now - self._rate_samples[0][0]).total_seconds() > RATE_WINDOW_SEC:
            self._rate_samples.popleft()
        first_at, first_events = self._rate_samples[0]
        elapsed = (now - first_at).total_seconds()
        rate = (events - first_events) / elapsed if elapsed > 0 else 0.0
        self._status_at, self._status_events = now, events
        watermark = self.state.watermark
        problems = [f"line {p.line}: {p.reason}: {p.excerpt}"
                    for p in (list(report.malformed) + list(report.unknown))[-PROBLEMS_KEPT:]]
        values = {
            "source": self._source or ("simulator" if report.simulated else "queue_log"),
            "simulated": bool(report.simulated), "heartbeat_at": now,
            "last_event_at": datetime.fromtimestamp(watermark, UTC) if watermark > 0 else None,
            "last_event_seen_at": self._last_seen, "events": events, "events_per_sec": round(rate, 2),
            "malformed": report.malformed_count, "unknown": report.unknown_count,
            "duplicates": counts.duplicates, "out_of_order": counts.out_of_order,
            "rotations": self.rotations, "missing": self.missing, "problems": problems,
            "stopped_at": now if stopped else None,
        }
        with self.db.session() as s:
            row = s.scalars(select(FeedStatus).where(FeedStatus.name == self.name)).first()
            if row is None:
                s.add(FeedStatus(name=self.name, started_at=self.started_at, **values))
            else:
                if row.started_at < self.started_at and not stopped:
                    row.started_at = self.started_at
                for key, value in values.items():
                    setattr(row, key, value)


def close_simulator_leftovers(db: Database, at: datetime) -> tuple[int, int]:
    """A new simulator run continues no call of an earlier one: calls an earlier run left open (it
    was stopped mid-call) end now, and the simulated agents' open states close, so they are not
    shown as waiting, on a call or paused for the rest of the day. Returns (calls, intervals)."""
    from sqlalchemy import update

    from app.feed.store import employee_no_for
    from db.models import AgentStateInterval, Interaction, Person

    with db.session() as s:
        calls = s.execute(update(Interaction).where(
            Interaction.source == "simulator", Interaction.ended_at.is_(None), Interaction.offered_at <= at)
            .values(ended_at=at)).rowcount or 0
        sim_people = select(Person.id).where(Person.employee_no.like(employee_no_for("SIM/") + "%"))
        intervals = s.execute(update(AgentStateInterval).where(
            AgentStateInterval.agent_id.in_(sim_people), AgentStateInterval.ended_at.is_(None),
            AgentStateInterval.started_at <= at).values(ended_at=at)).rowcount or 0
    return calls, intervals
