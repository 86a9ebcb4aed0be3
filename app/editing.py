"""Saving an edited row safely: optimistic locking, audited before/after, conflicts reported.

Every editable row has a version. A form remembers the version it loaded; saving sends it back.
If another desk saved first, the versions differ and :class:`ConflictError` carries both
copies (theirs from the database, mine from the form) so the UI can offer reload or review.
The UPDATE itself is also guarded by ``WHERE version = n`` (SQLAlchemy version_id_col), which
closes the gap between the check and the write when two desks save at the same instant.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app import audit
from app.actor import Actor
from db.errors import ConflictError
from db.models import Base


def row_values(obj: Base) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in inspect(obj).mapper.column_attrs}


def apply_edit(session: Session, actor: Actor, model: type[Base], pk: object, expected_version: int,
               values: Mapping[str, Any], *, entity: str | None = None) -> int:
    """Apply ``values`` to the row if it is still at ``expected_version``; return the new version."""
    entity = entity or model.__tablename__
    obj = session.get(model, pk, populate_existing=True)
    if obj is None:
        raise ConflictError(f"This {entity} was deleted by another desk.", entity, pk, mine=dict(values))
    current = obj.version  # type: ignore[attr-defined]
    if current != expected_version:
        theirs = row_values(obj)
        raise ConflictError(
            f"Another desk saved this {entity} (version {current}) after you opened it "
            f"(version {expected_version}).", entity, pk, mine=dict(values), theirs=theirs)
    before = {k: getattr(obj, k) for k in values}
    for key, value in values.items():
        setattr(obj, key, value)
    try:
        session.flush()
    except StaleDataError as exc:
        session.rollback()
        # read what the other desk saved, so the conflict shows both versions
        saved = session.get(model, pk, populate_existing=True)
        raise ConflictError(f"Another desk saved this {entity} at the same moment.", entity, pk,
                            mine=dict(values), theirs=row_values(saved) if saved is not None else {}) from exc
    audit.record(session, actor, "update", entity, pk, before=before, after=dict(values))
    return obj.version  # type: ignore[attr-defined]
