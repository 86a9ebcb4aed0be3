"""Base of the Quality workspace's tabs: each loads its own data, only when shown and stale."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ui.context import ConsoleContext
from ui.errors import show_error


class QualityTab(QWidget):
    """Subclasses implement ``reload()`` and call ``mark_loaded()`` once their data is on screen."""

    did_load = Signal()
    scope_did_load = Signal(object)  # RowScope: whose rows the tab shows (the workspace header says it)

    def __init__(self, ctx: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stale = True
        self.load_count = 0
        self.last_error: BaseException | None = None
        self._seq = 0

    @staticmethod
    def tab_title() -> str:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        self.stale = False
        self.reload()

    def load(self, fn: Callable[[Any], Any], on_loaded: Callable[[Any], None],
             on_failed: Callable[[BaseException], None] | None = None) -> None:
        """``fn(session)`` on the read pool; a slow older answer never replaces a newer one."""
        self._seq += 1
        seq = self._seq

        def done(result: Any) -> None:
            if seq == self._seq:
                on_loaded(result)

        def failed(exc: BaseException) -> None:
            if seq != self._seq:
                return
            self.last_error = exc
            if on_failed is not None:
                on_failed(exc)
            else:
                show_error(self, exc)

        self.ctx.tasks.query(fn).success(done).failure(failed).run()

    def mark_loaded(self) -> None:
        self.last_error = None
        self.load_count += 1
        self.did_load.emit()
