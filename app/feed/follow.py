"""A live feed: lines arriving over time (a tailed file, the simulator) parsed, tracked and stored.

Each :meth:`LiveFeed.commit` stores the calls and intervals finished since the last one and
the ones still open as they stand (a caller waiting, an agent on a call or paused), so the
live figures see them at once; the open rows are brought up to date by later commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.feed.calls import FeedState
from app.feed.queue_log import ParseReport, parse_native
from app.feed.store import DEFAULT_BATCH, FeedStore
from db.database import Database


@dataclass(frozen=True)
class CommitResult:
    calls_finished: int
    calls_open: int
    intervals_closed: int
    intervals_open: int


class LiveFeed:
    def __init__(self, db: Database, *, source: str | None = None, queue_map: dict[str, str] | None = None,
                 batch_size: int = DEFAULT_BATCH) -> None:
        self.db = db
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
        return CommitResult(len(calls), len(open_calls), len(intervals), len(open_intervals))
