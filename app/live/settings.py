"""Live alert rules and live settings: defaults, stored overrides (``live_alert_rules``), editing.

A rule whose number is a service rule (R-SCH-4 backup team at 50 online customers) takes its
value from Admin ▸ Rules (:mod:`app.admin.rules`), so it is changed in one place; the others
keep their threshold here. Every rule can be switched off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.actor import Actor
from app.changes import Changes, record
from app.editing import apply_edit
from app.i18n import N_
from app.security.permissions import require
from db.models import LiveAlertRule


@dataclass(frozen=True)
class LiveRuleDefault:
    key: str
    threshold: float
    unit: str
    description: str
    service_rule: str | None = None  # the R-id whose stored value is the threshold
    is_alert: bool = True


LIVE_RULES: tuple[LiveRuleDefault, ...] = (
    LiveRuleDefault("sl_below_target", 5.0, "points",
                    N_("Service level of the last 15 min below the queue's target by more than this many "
                       "percentage points")),
    LiveRuleDefault("longest_wait", 90, "s", N_("A caller has waited longer than this")),
    LiveRuleDefault("online_backup", 50, "customers",
                    N_("Concurrent online customers reach the backup-team threshold (R-SCH-4)"),
                    service_rule="R-SCH-4"),
    LiveRuleDefault("vip_waiting", 10, "s", N_("A VIP caller has waited longer than this (R-SCH-10: VIP first)")),
    LiveRuleDefault("agent_paused_long", 30, "min", N_("An agent has been paused longer than this")),
    LiveRuleDefault("staffing_below_rota", 2, "agents",
                    N_("Agents logged in are this many or more below the published rota")),
    LiveRuleDefault("feed_stopped", 0, "", N_("The contact-center feed has stopped (silent for feed_stale_sec)")),
    LiveRuleDefault("feed_stale_sec", 120, "s", N_("A feed silent this long counts as stopped"), is_alert=False),
    LiveRuleDefault("wrap_up_sec", 15, "s", N_("Wrap-up after a call when the platform does not report it"),
                    is_alert=False),
)
RULES_BY_KEY = {r.key: r for r in LIVE_RULES}


@dataclass(frozen=True)
class LiveRule:
    key: str
    enabled: bool
    threshold: float
    default: float
    unit: str
    description: str
    service_rule: str | None
    is_alert: bool
    version: int
    updated_at: datetime | None
    updated_by: str | None


def list_rules(session: Session) -> list[LiveRule]:
    from app.admin.rules import rule_value

    stored = {r.key: r for r in session.scalars(select(LiveAlertRule))}
    out = []
    for d in LIVE_RULES:
        row = stored.get(d.key)
        if d.service_rule is not None:
            threshold = float(rule_value(session, d.service_rule))  # type: ignore[arg-type]
        elif row is not None and row.threshold is not None:
            threshold = float(row.threshold)
        else:
            threshold = float(d.threshold)
        out.append(LiveRule(d.key, row.enabled if row is not None else True, threshold, float(d.threshold),
                            d.unit, d.description, d.service_rule, d.is_alert,
                            row.version if row is not None else 0,
                            row.updated_at if row is not None else None, row.updated_by if row is not None else None))
    return out


def values(session: Session) -> dict[str, float]:
    """Every threshold by key (disabled alerts included: the caller checks ``enabled``)."""
    return {r.key: r.threshold for r in list_rules(session)}


def update_rule(session: Session, actor: Actor, key: str, *, enabled: bool, threshold: float | None,
                expected_version: int) -> Changes:
    """Switch a rule on/off and set its threshold (None: back to the default). Administrators only;
    a rule tied to a service rule takes its number from Admin ▸ Rules."""
    require(actor, "rules.edit")
    rule = RULES_BY_KEY.get(key)
    if rule is None:
        raise ValueError(f"Unknown live rule '{key}'. Known: {', '.join(RULES_BY_KEY)}")
    if threshold is not None:
        if rule.service_rule is not None:
            raise ValueError(f"{key} takes its number from {rule.service_rule}: change it in Admin ▸ Rules.")
        if not threshold == threshold or threshold < 0 or threshold == float("inf"):
            raise ValueError(f"{key}: the threshold must be a number of {rule.unit or 'units'} ≥ 0, not {threshold}")
    if session.get(LiveAlertRule, key) is None:
        session.add(LiveAlertRule(key=key, enabled=True, threshold=None, version=1))
        session.flush()
        expected_version = expected_version or 1
    apply_edit(session, actor, LiveAlertRule, key, expected_version,
               {"enabled": bool(enabled), "threshold": threshold, "updated_at": clock.now(),
                "updated_by": actor.username}, entity="live alert rule")
    return record(session, Changes.LIVE | Changes.AUDIT)
