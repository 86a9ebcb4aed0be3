"""Editing the KPI weights (R-KPI-n.weight): all nine at once, so they always sum to 100."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.admin.rules import seed_defaults
from app.changes import Changes, record
from app.i18n import N_
from app.review.kpi import INDICATORS, check_weights, load_weights
from app.security.permissions import require
from db.errors import ConflictError
from db.models import Setting


def update_kpi_weights(session: Session, actor: Actor, weights: dict[str, float],
                       expected_versions: dict[str, int] | None = None) -> Changes:
    """Set every indicator's weight in one transaction (administrators); refused unless they sum to 100.

    ``expected_versions`` (rule key -> version the editor loaded) turns a second desk's earlier
    save into a ConflictError instead of a silent overwrite.
    """
    require(actor, "rules.edit")
    clean = {k: float(v) for k, v in weights.items()}
    check_weights(clean)
    seed_defaults(session)
    before = load_weights(session).values
    rows = {r.key: r for r in session.scalars(select(Setting).where(Setting.key.in_(
        [f"{i.rule_id}.weight" for i in INDICATORS])))}
    for ind in INDICATORS:
        key = f"{ind.rule_id}.weight"
        row = rows[key]
        if expected_versions is not None and expected_versions.get(key, row.version) != row.version:
            raise ConflictError(N_("Another desk changed the KPI weights first."), "kpi_weights", None,
                                mine={k: clean[k] for k in clean}, theirs=before)
        value = clean[ind.rule_id]
        row.value = int(value) if value.is_integer() else value
        row.updated_at = clock.now()
        row.updated_by = actor.username
    session.flush()
    audit.record(session, actor, "update", "kpi_weights", None, before=before, after=clean)
    return record(session, Changes.SETTINGS | Changes.REVIEWS | Changes.AUDIT)
