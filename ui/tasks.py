"""The one way to run background work (STYLE 5): queries on a pool, commands on one writer.

    ctx.tasks.query(lambda s: service.load(s)).success(self._show).run()
    ctx.tasks.command(lambda s: service.save(s, ...)).success(done).with_progress(self, "Saving").run()

The function receives a fresh Session (one unit of work, created in the worker thread) and,
if it declares a second parameter, a :class:`Progress` to report on and to check for cancel.
Results come back on the GUI thread. Failures go to ``.failure(cb)`` or, by default, to the
standard error dialog. Tests pass ``inline=True`` to run everything synchronously.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from db.database import Database

T = TypeVar("T")
log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class Progress:
    """Handed to long tasks: report progress, and stop when cancelled."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def report(self, done: int, total: int, label: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._emit(done, total, label)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from a worker reach its slots there (queued)."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)

    def __init__(self, on_finished: Callable[[Any], None], on_failed: Callable[[BaseException], None],
                 on_progress: Callable[[int, int, str], None]) -> None:
        super().__init__()
        self._on_finished = on_finished
        self._on_failed = on_failed
        self._on_progress = on_progress
        self.finished.connect(self._finished)
        self.failed.connect(self._failed)
        self.progressed.connect(self._progressed)

    @Slot(object)
    def _finished(self, result: Any) -> None:
        self._on_finished(result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._on_failed(exc)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, label: str) -> None:
        self._on_progress(done, total, label)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


class Task(Generic[T]):
    def __init__(self, runner: TaskRunner, fn: Callable[..., T], writer: bool) -> None:
        self._runner = runner
        self._fn = fn
        self._writer = writer
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._progress_parent: QWidget | None = None
        self._progress_label = ""
        self.progress = Progress(lambda *a: None)

    def success(self, cb: Callable[[T], None]) -> Task[T]:
        self._on_success = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> Task[T]:
        self._on_failure = cb
        return self

    def with_progress(self, parent: QWidget, label: str) -> Task[T]:
        self._progress_parent = parent
        self._progress_label = label
        return self

    def run(self) -> Task[T]:
        self._runner._start(self)
        return self

    # called by the runner
    def _call(self) -> T:
        takes_progress = len(inspect.signature(self._fn).parameters) >= 2
        with self._runner.db.session() as session:
            return self._fn(session, self.progress) if takes_progress else self._fn(session)


class TaskRunner(QObject):
    """Owns the thread pools; one per console."""

    task_did_fail = Signal(object)  # unhandled failures, for the standard error dialog

    def __init__(self, db: Database, *, inline: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.inline = inline
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(3)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._live: set[_Relay] = set()

    def query(self, fn: Callable[..., T]) -> Task[T]:
        return Task(self, fn, writer=False)

    def command(self, fn: Callable[..., T]) -> Task[T]:
        return Task(self, fn, writer=True)

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def wait_for_done(self, msecs: int = 30000) -> bool:
        ok = self._readers.waitForDone(msecs) and self._writer.waitForDone(msecs)
        return ok

    def _start(self, task: Task[Any]) -> None:
        dialog = None
        if task._progress_parent is not None and not self.inline:
            dialog = QProgressDialog(task._progress_label, self.tr("Cancel"), 0, 0, task._progress_parent)
            dialog.setMinimumDuration(400)
            dialog.setAutoClose(False)
            dialog.canceled.connect(task.progress.cancel)
        relay: _Relay | None = None

        def on_progress(done: int, total: int, label: str) -> None:
            if dialog is not None:
                dialog.setMaximum(max(total, 0))
                dialog.setValue(min(done, total) if total else 0)
                if label:
                    dialog.setLabelText(label)

        def finish() -> None:
            self._live.discard(relay)  # type: ignore[arg-type]
            if dialog is not None:
                dialog.reset()
                dialog.deleteLater()

        def on_finished(result: Any) -> None:
            finish()
            if task._on_success is not None:
                task._on_success(result)

        def on_failed(exc: BaseException) -> None:
            finish()
            if isinstance(exc, Cancelled):
                return
            if task._on_failure is not None:
                task._on_failure(exc)
            else:
                self.task_did_fail.emit(exc)

        relay = _Relay(on_finished, on_failed, on_progress)
        self._live.add(relay)
        task.progress = Progress(relay.progressed.emit)
        if self.inline:
            try:
                result = task._call()
            except BaseException as exc:  # noqa: BLE001
                on_failed(exc)
            else:
                on_finished(result)
            return
        pool = self._writer if task._writer else self._readers
        pool.start(_Runnable(task._call, relay))

    @Slot()
    def shutdown(self) -> None:
        self._readers.clear()
        self._writer.clear()
        self.wait_for_done()
