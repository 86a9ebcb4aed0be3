"""One signal for "something changed", from this desk or another (STYLE 4)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Bus(QObject):
    # (Changes, initiator): initiator is the widget that made the change, or None for other desks
    operation_did_execute = Signal(object, object)
    # (online, message): the database connection went away or came back
    database_did_change_state = Signal(bool, str)
    # a job started/finished on this desk: (job id, state text)
    job_did_change_state = Signal(str, str)
    # (entity type, id): open this item, e.g. ("complaint", "42") from a notification
    entity_open_requested = Signal(str, str)
