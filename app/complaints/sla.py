"""The resolution deadline of a complaint or service request, and how it stands.

This is the simplest honest indication the rule values allow: one clock per case, on 24 x 7
time, from the customer's first contact until the case is resolved (or closed).

* complaints: R-SLA-6, resolved within 24 h;
* service requests: R-SLA-7.process, processed within 72 h.

States: **on track**; **at risk** once at least 75 % of the target has elapsed; **breached**
when the deadline passed before the case was resolved; **met** when it was resolved in time.
The SLA engine (``app/complaints/clocks.py``: several clocks per case, business calendars, pauses,
warnings and the escalation ladder) is what warns and escalates; this indication remains the board's
sort key and the card's fallback until the sweep has computed a case's clocks (``card.clocks``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.i18n import N_

ON_TRACK = "on_track"
AT_RISK = "at_risk"
BREACHED = "breached"
MET = "met"
SLA_STATES = (BREACHED, AT_RISK, ON_TRACK, MET)  # most urgent first
SLA_LABELS = {ON_TRACK: N_("On track"), AT_RISK: N_("At risk"), BREACHED: N_("Breached"), MET: N_("Met")}

AT_RISK_SHARE = 0.75

# kind -> rule value key of the resolution target (hours)
RESOLUTION_RULES = {"complaint": "R-SLA-6", "service_request": "R-SLA-7.process"}


@dataclass(frozen=True)
class SlaIndication:
    rule_id: str
    target_hours: float
    started_at: datetime
    due_at: datetime
    stopped_at: datetime | None  # resolved (or closed) time; None while running
    state: str
    elapsed_share: float  # elapsed / target at ``now`` (or at the stop), may exceed 1

    def remaining_sec(self, now: datetime) -> float:
        """Seconds to the deadline (negative once past it), from ``now`` or from the stop."""
        return (self.due_at - (self.stopped_at or now)).total_seconds()


def resolution_rule(kind: str) -> str:
    return RESOLUTION_RULES.get(kind, RESOLUTION_RULES["complaint"])


def resolution_sla(*, rule_id: str, target_hours: float, started_at: datetime, stopped_at: datetime | None,
                   now: datetime) -> SlaIndication:
    """Where a resolution clock stands at ``now`` (a pure function: no database, no clock)."""
    if target_hours <= 0:
        raise ValueError(f"{rule_id}: the target must be a positive number of hours")
    target = timedelta(hours=target_hours)
    due = started_at + target
    until = stopped_at if stopped_at is not None else now
    share = max(0.0, (until - started_at) / target)
    if stopped_at is not None:
        state = MET if stopped_at <= due else BREACHED
    elif now > due:
        state = BREACHED
    elif share >= AT_RISK_SHARE:
        state = AT_RISK
    else:
        state = ON_TRACK
    return SlaIndication(rule_id=rule_id, target_hours=float(target_hours), started_at=started_at, due_at=due,
                         stopped_at=stopped_at, state=state, elapsed_share=share)
