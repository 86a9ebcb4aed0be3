"""Change notification between desks: a change_log row per commit; PostgreSQL also NOTIFYs.

Writers call :func:`record_change` inside their transaction. Readers run a
:class:`ChangeWatcher`: on PostgreSQL it LISTENs (woken at once, with a slow poll as a safety
net); on SQLite it polls the highest sequence number. Either way the callback receives the
set of kinds changed by *other* desks since the last look.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from db import clock_utc
from db.database import DESK_ID, Database
from db.errors import DatabaseError, DatabaseUnavailable, classify
from db.models.admin import ChangeLogEntry

CHANNEL = "floorwalker_changes"
log = logging.getLogger(__name__)


def record_change(session: Session, kinds: Iterable[str], desk: str | None = None) -> None:
    """Log a change inside the writer's transaction (and NOTIFY on PostgreSQL).

    The desk is this process unless given, or unless the session says whom it speaks for
    (``session.info["desk"]``: a worker, or a test playing a second desk).
    """
    kinds = sorted(set(kinds))
    if not kinds:
        return
    desk = desk or session.info.get("desk") or DESK_ID
    stmt = insert(ChangeLogEntry).values(at=clock_utc(), kinds=",".join(kinds), desk=desk)
    if session.get_bind().dialect.name == "postgresql":
        seq = session.execute(stmt.returning(ChangeLogEntry.seq)).scalar_one()
        # NOTIFY is transactional: delivered only if this transaction commits. The payload carries
        # the kinds, so a listener never has to guess from sequence numbers, which PostgreSQL may
        # commit out of order.
        payload = json.dumps({"desk": desk, "kinds": kinds, "seq": seq})
        session.execute(select(func.pg_notify(CHANNEL, payload)))
    else:
        session.execute(stmt)


def latest_seq(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.coalesce(func.max(ChangeLogEntry.seq), 0))) or 0)


def changes_since(db: Database, seq: int, *, exclude_desk: str | None = DESK_ID) -> tuple[int, set[str]]:
    """Kinds changed after ``seq`` (by other desks), and the new high-water mark."""
    with db.session() as s:
        rows = s.execute(
            select(ChangeLogEntry.seq, ChangeLogEntry.kinds, ChangeLogEntry.desk)
            .where(ChangeLogEntry.seq > seq).order_by(ChangeLogEntry.seq)
        ).all()
    kinds: set[str] = set()
    for row_seq, row_kinds, desk in rows:
        seq = max(seq, row_seq)
        if desk != exclude_desk:
            kinds.update(k for k in row_kinds.split(",") if k)
    return seq, kinds


class ChangeWatcher:
    """A daemon thread that reports other desks' changes through ``on_changes(kinds)``.

    ``desk`` is this desk's id: changes it recorded itself are not reported back (the UI already
    announced them when its own command finished). ``on_error(exc)`` is called with a classified
    :class:`~db.errors.DatabaseError` when the database cannot be reached, ``on_recovered()``
    when it can again; the watcher keeps retrying in between. No Qt here: the UI wraps the
    callbacks in queued signals.
    """

    def __init__(self, db: Database, on_changes: Callable[[set[str]], None], *,
                 poll_seconds: float = 2.0, listen_poll_seconds: float = 30.0,
                 on_error: Callable[[BaseException], None] | None = None,
                 on_recovered: Callable[[], None] | None = None, desk: str = DESK_ID,
                 retry_seconds: float | None = None) -> None:
        self.db = db
        self.on_changes = on_changes
        self.on_error = on_error or (lambda exc: None)
        self.on_recovered = on_recovered or (lambda: None)
        self.poll_seconds = poll_seconds
        self.listen_poll_seconds = listen_poll_seconds
        self.retry_seconds = retry_seconds if retry_seconds is not None else min(poll_seconds * 2, 5.0)
        self.desk = desk
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._seq: int | None = None
        self._failing = False

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="floorwalker-change-watcher", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def failing(self) -> bool:
        return self._failing

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self.db.dialect == "postgresql":
                    self._listen_loop()
                else:
                    self._poll_once()
                    self._stop.wait(self.poll_seconds)
            except Exception as exc:  # noqa: BLE001 - any failure: report, wait, retry
                log.info("change watcher: %s", exc)
                if not self._failing:
                    self._failing = True
                    classified = classify(exc)
                    if not isinstance(classified, DatabaseError):
                        classified = DatabaseUnavailable(f"The database is not reachable: {_first_line(exc)}")
                    self.on_error(classified)
                self._stop.wait(self.retry_seconds)

    def _poll_once(self) -> None:
        if self._seq is None:
            self._seq = latest_seq(self.db)
            self._mark_ok()
            return
        self._seq, kinds = changes_since(self.db, self._seq, exclude_desk=self.desk)
        self._mark_ok()
        if kinds:
            self.on_changes(kinds)

    def _mark_ok(self) -> None:
        if self._failing:
            self._failing = False
            self.on_recovered()

    def _listen_loop(self) -> None:
        import psycopg

        url = self.db.engine.url.set(drivername="postgresql")
        conninfo = url.render_as_string(hide_password=False)
        with psycopg.connect(conninfo, autocommit=True, connect_timeout=5,
                             application_name=f"floorwalker-watcher {DESK_ID}"[:63]) as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            # catch up on anything committed while not listening (and prove the database works)
            self._poll_once()
            last_check = time.monotonic()
            while not self._stop.is_set():
                for note in conn.notifies(timeout=0.5, stop_after=1):
                    self._on_notify(note.payload)
                if time.monotonic() - last_check >= self.listen_poll_seconds:
                    # a dead TCP connection raises here, and the outer loop reconnects
                    conn.execute("SELECT 1")
                    last_check = time.monotonic()

    def _on_notify(self, payload: str) -> None:
        try:
            note = json.loads(payload)
            desk, kinds, seq = str(note["desk"]), {str(k) for k in note["kinds"]}, int(note.get("seq") or 0)
        except (ValueError, KeyError, TypeError):
            log.warning("change watcher: unreadable notification %r", payload)
            return
        if seq and (self._seq is None or seq > self._seq):
            self._seq = seq
        if desk != self.desk and kinds:
            self.on_changes(kinds)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__
