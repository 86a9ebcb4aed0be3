"""Base of every workspace page: load in the background, refresh on relevant changes, defer while hidden."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from app.changes import Changes
from ui.context import ConsoleContext


class Workspace(QWidget):
    """Subclasses set ``refresh_on`` and implement ``reload()`` (start tasks; call
    ``self.mark_loaded()`` when the data is on screen, ``self.mark_failed(exc)`` on error)."""

    refresh_on: Changes = Changes.ALL
    did_load = Signal()
    did_fail = Signal(object)

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self._visible = False
        self.loading = False
        self.load_count = 0
        self.last_error: BaseException | None = None
        self._load_seq = 0
        ctx.bus.operation_did_execute.connect(self._on_bus_operation_did_execute)

    @staticmethod
    def title() -> str:
        raise NotImplementedError

    @staticmethod
    def icon_name() -> str:
        return "workspace"

    def reload(self) -> None:
        raise NotImplementedError

    def theme_did_change(self, theme: str) -> None:
        """The application switched to ``theme`` ("light"/"dark") while open. Widgets styled by the palette
        and style sheet follow by themselves; pages that paint colours of their own (charts) redraw here."""

    def open_entity(self, entity_type: str, entity_id: str) -> bool:
        """Show one item, e.g. ("complaint", "42"), ("agent", "7") (a person id) or ("week",
        "2026-11-23") (its Monday); True if this workspace showed it. The command palette and the
        notification bell ask each workspace in turn (MainWindow.navigate); the default shows nothing."""
        return False

    def refresh(self) -> None:
        self._stale = False
        self.loading = True
        self.last_error = None
        self.reload()

    def load(self, fn: Callable[[Any], Any], on_loaded: Callable[[Any], None],
             on_failed: Callable[[BaseException], None]) -> None:
        """Run ``fn(session)`` on the read pool and hand its result (or error) to the callbacks,
        unless a newer load started meanwhile: a slow old answer never overwrites a newer one."""
        self._load_seq += 1
        seq = self._load_seq

        def done(result: Any) -> None:
            if seq == self._load_seq:
                on_loaded(result)

        def failed(exc: BaseException) -> None:
            if seq == self._load_seq:
                on_failed(exc)

        self.ctx.tasks.query(fn).success(done).failure(failed).run()

    def mark_loaded(self) -> None:
        self.loading = False
        self.load_count += 1
        self.did_load.emit()
        self._catch_up()

    def mark_failed(self, exc: BaseException) -> None:
        self.loading = False
        self.last_error = exc
        self.did_fail.emit(exc)

    def _catch_up(self) -> None:
        """A change that arrived while loading may be missing from what was just shown: load again."""
        if self._stale and self._visible:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._visible = True
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self._visible = False
        super().hideEvent(event)

    def _on_bus_operation_did_execute(self, changes: Changes, initiator: object) -> None:
        if not (changes & self.refresh_on):
            return
        if self._visible and not self.loading:
            self.refresh()
        else:
            self._stale = True
