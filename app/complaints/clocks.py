"""The SLA engine: every clock of a complaint computed from its events (pure: no database, no Qt).

A complaint runs several independent clocks (R-SLA-1..7). Each clock is started and stopped by
events of the complaint's timeline, may pause while the case waits on the customer, and counts
time on its policy's business calendar or on 24 x 7. The same events always give the same clocks,
so the sweep, the detail panel and ``floorwalker sla explain`` agree by construction.

Events (the timeline vocabulary; ``floorwalker sla explain`` reads the same names):

==================== ===================================================================
``contact``          first contact with the customer (starts R-SLA-1, R-SLA-6, R-SLA-7.*);
                     when missing, ``created`` counts as the first contact
``created``          the case was recorded; fields ``kind`` (complaint, service_request),
                     ``category``, ``priority``, ``vip`` (starts R-SLA-5; a ``system_fault``
                     category also starts R-SLA-4)
``key_points``       key points recorded (stops R-SLA-1; so does any move past accept)
``judged_complex``   the case was judged complex (starts R-SLA-2)
``transferred``      handed to the specialist team (stops R-SLA-2; alias ``escalated``)
``conflict``         a customer conflict (starts R-SLA-3)
``supervisor_joined`` a supervisor got involved (stops R-SLA-3)
``system_fault``     a system fault was found (starts R-SLA-4)
``tech_reported``    reported to the technical team (stops R-SLA-4, starts R-SLA-4.diagnose)
``tech_diagnosed``   the technical team's diagnosis (stops R-SLA-4.diagnose)
``feedback``         progress feedback to the customer (R-SLA-5 starts its next 24 h; also
                     counts as the response of a service request, R-SLA-7.response)
``responded``        a service request was answered (stops R-SLA-7.response)
``stage``            field ``to``: assess/process count as a response, feedback as resolved,
                     closed as closed; back from feedback or closed to an earlier stage re-opens
``resolved``         resolved (stops R-SLA-5, R-SLA-6, R-SLA-7.process)
``closed``           closed: every clock still running stops
``reopened``         re-opened: R-SLA-5, R-SLA-6 and R-SLA-7.process start a new cycle
``waiting_on_customer`` / ``customer_replied``  pause / resume the clocks whose policy pauses
``merged``           merged into another case: its clocks are cancelled
``escalated_to_manager`` a clock escalated to the customer-service manager (the sweep writes it;
                     starts R-RESP-4)
``manager_responded`` the manager responded to the escalation (stops R-RESP-4)
==================== ===================================================================

Any other event (notes, assignments, the engine's own ``sla_*`` records) leaves the clocks alone.

A clock's **milestones** are the instants it warns and escalates: the warning at the earlier of
``warn_at_percent`` of the target and ``warn_before_minutes`` before the breach; then each level of
the escalation ladder, ``after_minutes`` after the breach (on the clock's own time: a business-hours
clock does not escalate at night), or at ``at_percent`` of the target.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from app.complaints.calendar import Calendar, add_minutes, minutes_between
from app.i18n import N_

ON_TRACK = "on_track"
AT_RISK = "at_risk"
BREACHED = "breached"
PAUSED = "paused"
MET = "met"
CANCELLED = "cancelled"
CLOCK_STATES = (BREACHED, AT_RISK, ON_TRACK, PAUSED, MET, CANCELLED)  # most urgent first
CLOCK_STATE_LABELS = {ON_TRACK: N_("On track"), AT_RISK: N_("At risk"), BREACHED: N_("Breached"),
                      PAUSED: N_("Paused"), MET: N_("Met"), CANCELLED: N_("Cancelled")}

WARNING = "warning"
ESCALATION = "escalation"

NOTIFY_OWNER = "owner"
NOTIFY_SUPERVISOR = "supervisor"
NOTIFY_MANAGER = "manager"

ALIASES = {"escalated": "transferred", "complex": "judged_complex", "resolve": "resolved", "close": "closed",
           "reopen": "reopened", "waiting": "waiting_on_customer", "resumed": "customer_replied",
           "response": "responded", "first_contact": "contact"}
KNOWN_EVENTS = frozenset({
    "contact", "created", "key_points", "judged_complex", "transferred", "conflict", "supervisor_joined",
    "system_fault", "tech_reported", "tech_diagnosed", "feedback", "responded", "stage", "resolved", "closed",
    "reopened", "waiting_on_customer", "customer_replied", "merged", "escalated_to_manager",
    "manager_responded"})


class TimelineError(ValueError):
    """Events the engine cannot use (a missing time, a naive time...), naming the event."""


@dataclass(frozen=True)
class Event:
    name: str
    at: datetime  # aware
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Level:
    level: int
    notify: str  # owner | supervisor | manager | role:<role>
    after_minutes: float | None = None  # after the breach, on the clock's time
    at_percent: float | None = None  # or at this share of the target

    def threshold(self, target: float) -> float:
        if self.at_percent is not None:
            return target * self.at_percent / 100.0
        return target + (self.after_minutes or 0.0)


# the default ladder (issue 6 / R-RESP-4): the owner at the breach, the team supervisor half an hour
# later, the customer-service manager an hour after the breach (who then has R-RESP-4's 2 h to respond)
DEFAULT_LADDER = (Level(1, NOTIFY_OWNER, 0), Level(2, NOTIFY_SUPERVISOR, 30), Level(3, NOTIFY_MANAGER, 60))


def parse_ladder(raw: Iterable[Mapping[str, Any]] | None) -> tuple[Level, ...]:
    """Levels from a policy's JSON: ``[{"notify": "owner", "after_minutes": 0}, ...]``; [] -> the default."""
    levels = []
    for n, item in enumerate(raw or (), start=1):
        notify = str(item.get("notify", "")).strip()
        if notify not in (NOTIFY_OWNER, NOTIFY_SUPERVISOR, NOTIFY_MANAGER) and not notify.startswith("role:"):
            raise ValueError(f"escalation level {n}: notify must be owner, supervisor, manager or role:<role>, "
                             f"not '{notify}'")
        after = item.get("after_minutes")
        pct = item.get("at_percent")
        if (after is None) == (pct is None):
            raise ValueError(f"escalation level {n}: give after_minutes or at_percent")
        if (after is not None and float(after) < 0) or (pct is not None and float(pct) <= 0):
            raise ValueError(f"escalation level {n}: the time must be positive")
        levels.append(Level(int(item.get("level", n)), notify, None if after is None else float(after),
                            None if pct is None else float(pct)))
    return tuple(levels) if levels else DEFAULT_LADDER


@dataclass(frozen=True)
class Policy:
    rule_id: str
    name: str
    target_minutes: float
    calendar: Calendar | None = None  # None: 24 x 7
    warn_at_percent: float | None = 75
    warn_before_minutes: float | None = None
    ladder: tuple[Level, ...] = DEFAULT_LADDER
    pause_when_waiting: bool = False
    applies_to: Mapping[str, Any] = field(default_factory=dict)
    active: bool = True
    version: int = 1
    # R-FLOW-2: a shorter (or longer) target for a priority class, e.g. {"urgent": 240}
    priority_targets: Mapping[str, float] = field(default_factory=dict)

    def target_for(self, attributes: Mapping[str, Any]) -> float:
        return float(self.priority_targets.get(attributes.get("priority", ""), self.target_minutes))

    def applies(self, attributes: Mapping[str, Any]) -> bool:
        if not self.active:
            return False
        for key in ("kind", "category", "priority"):
            wanted = self.applies_to.get(key)
            if wanted and attributes.get(key) not in wanted:
                return False
        return True

    def warning_threshold(self, target: float | None = None) -> float | None:
        target = self.target_minutes if target is None else target
        candidates = []
        if self.warn_at_percent:
            candidates.append(target * float(self.warn_at_percent) / 100.0)
        if self.warn_before_minutes:
            candidates.append(target - float(self.warn_before_minutes))
        usable = [c for c in candidates if 0 < c < target]
        return min(usable) if usable else None


@dataclass(frozen=True)
class ClockRule:
    rule_id: str
    kinds: tuple[str, ...]
    starts: frozenset[str]  # signals that start it (when not running)
    stops: frozenset[str]
    restarts: frozenset[str] = frozenset()  # signals that end the running cycle and start the next
    once: bool = False  # started at most once per case (by the first contact)
    description: str = ""


_END = frozenset({"closed"})
RULES: dict[str, ClockRule] = {r.rule_id: r for r in (
    ClockRule("R-SLA-1", ("complaint",), frozenset({"contact"}),
              frozenset({"key_points", "responded", "resolved"}) | _END, once=True,
              description=N_("Key points recorded after the first contact")),
    ClockRule("R-SLA-2", ("complaint",), frozenset({"judged_complex"}), frozenset({"transferred"}) | _END,
              description=N_("Transferred to the specialist team once judged complex")),
    ClockRule("R-SLA-3", ("complaint",), frozenset({"conflict"}), frozenset({"supervisor_joined"}) | _END,
              description=N_("A supervisor involved in a customer conflict")),
    ClockRule("R-SLA-4", ("complaint", "service_request"), frozenset({"system_fault"}),
              frozenset({"tech_reported"}) | _END, description=N_("System fault reported to the technical team")),
    ClockRule("R-SLA-4.diagnose", ("complaint", "service_request"), frozenset({"tech_reported"}),
              frozenset({"tech_diagnosed"}) | _END, description=N_("System fault diagnosed by the technical team")),
    ClockRule("R-SLA-5", ("complaint",), frozenset({"created", "reopened"}), frozenset({"resolved"}) | _END,
              restarts=frozenset({"feedback"}), description=N_("Progress feedback to the customer, every cycle")),
    ClockRule("R-SLA-6", ("complaint",), frozenset({"contact", "reopened"}), frozenset({"resolved"}) | _END,
              description=N_("Complaint resolved")),
    ClockRule("R-SLA-7.response", ("service_request",), frozenset({"contact"}),
              frozenset({"responded", "feedback", "resolved"}) | _END, once=True,
              description=N_("Service request answered")),
    ClockRule("R-SLA-7.process", ("service_request",), frozenset({"contact", "reopened"}),
              frozenset({"resolved"}) | _END, description=N_("Service request processed")),
    ClockRule("R-RESP-4", ("complaint", "service_request"), frozenset({"escalated_to_manager"}),
              frozenset({"manager_responded", "resolved"}) | _END,
              description=N_("Customer-service manager responds to the escalation")),
)}
# R-RESP-4's own ladder: the managers are reminded when their response is late (it never escalates
# to itself: its reminders do not start a new R-RESP-4 clock)
RULE_LADDERS: dict[str, tuple[Level, ...]] = {"R-RESP-4": (Level(1, NOTIFY_MANAGER, 0),)}
PAUSING_RULES = ("R-SLA-5", "R-SLA-6", "R-SLA-7.process")  # default: paused while waiting on the customer


@dataclass(frozen=True)
class Pause:
    start: datetime
    end: datetime | None  # None: still paused
    by: str = "waiting_on_customer"


@dataclass(frozen=True)
class Milestone:
    kind: str  # warning | escalation
    level: int  # 0 for the warning
    threshold_minutes: float  # elapsed clock minutes at which it falls due
    at: datetime | None  # None: cannot fall due as things stand (paused, or stopped first)
    notify: str
    breach: bool = False  # the escalation level that falls due at the breach itself

    def reached(self, now: datetime) -> bool:
        return self.at is not None and self.at <= now

    @property
    def key(self) -> str:
        return WARNING if self.kind == WARNING else f"L{self.level}"


@dataclass(frozen=True)
class Clock:
    key: str  # "R-SLA-5#2": rule and cycle
    rule_id: str
    name: str
    cycle: int
    target_minutes: float
    calendar: str | None  # None: 24 x 7
    started_at: datetime
    started_by: str
    stopped_at: datetime | None
    stopped_by: str | None
    pauses: tuple[Pause, ...]
    elapsed_minutes: float  # at ``now`` (or at the stop)
    due_at: datetime | None  # None while paused
    warn_at: datetime | None
    state: str
    milestones: tuple[Milestone, ...]
    policy_version: int
    now: datetime

    @property
    def running(self) -> bool:
        return self.stopped_at is None and self.state != CANCELLED

    @property
    def paused(self) -> bool:
        return bool(self.pauses) and self.pauses[-1].end is None and self.stopped_at is None

    @property
    def remaining_minutes(self) -> float:
        return self.target_minutes - self.elapsed_minutes

    def next_milestone(self) -> Milestone | None:
        """The next warning or escalation still to come (only while the clock runs)."""
        if not self.running:
            return None
        pending = [m for m in self.milestones if m.at is not None and m.at > self.now]
        return min(pending, key=lambda m: m.at) if pending else None  # type: ignore[arg-type, return-value]

    def reached_milestones(self) -> tuple[Milestone, ...]:
        if self.state == CANCELLED:
            return ()
        until = self.stopped_at or self.now
        return tuple(m for m in self.milestones if m.at is not None and m.at <= until and m.at <= self.now)


# --- events to signals -------------------------------------------------------------------------------------------
def _signals(e: Event, category: str) -> list[str]:
    name = ALIASES.get(e.name, e.name)
    if name == "stage":
        to = str(e.fields.get("to") or e.fields.get("to_stage") or "")
        return {"assess": ["responded"], "process": ["responded"], "feedback": ["responded", "resolved"],
                "closed": ["responded", "resolved", "closed"], "accept": []}.get(to, [])
    if name == "created":
        return ["created", "system_fault"] if category == "system_fault" else ["created"]
    if name == "resolved":
        return ["responded", "resolved"]
    if name == "closed":
        return ["responded", "resolved", "closed"]
    return [name] if name in KNOWN_EVENTS else []


def attributes_of(events: Sequence[Event]) -> dict[str, Any]:
    """kind, category, priority and VIP from the first ``created`` event (defaults otherwise)."""
    created = next((e for e in events if ALIASES.get(e.name, e.name) == "created"), None)
    f = dict(created.fields) if created else {}
    return {"kind": f.get("kind") or "complaint", "category": f.get("category") or "other",
            "priority": f.get("priority") or "regular", "vip": bool(f.get("vip", False))}


def check_events(events: Iterable[Event]) -> list[Event]:
    out = []
    for n, e in enumerate(events, start=1):
        if not isinstance(e.at, datetime) or e.at.tzinfo is None:
            raise TimelineError(f"event {n} ({e.name}): its time must include a zone, like 2026-11-18T10:00:00+08:00")
        out.append(e)
    # stable: events at the same instant keep their order
    return sorted(out, key=lambda e: e.at)


# --- the clocks --------------------------------------------------------------------------------------------------
@dataclass
class _Cycle:
    start: datetime
    started_by: str
    segments: list[list[datetime | None]]  # [start, end]; the last may end None (running)
    pauses: list[list[Any]]
    stopped_at: datetime | None = None
    stopped_by: str | None = None
    cancelled: bool = False


def compute_clocks(events: Sequence[Event], policies: Mapping[str, Policy], now: datetime) -> tuple[Clock, ...]:
    """Every clock of one case at ``now``, in rule order then cycle."""
    if now.tzinfo is None:
        raise TimelineError("now must be an aware time")
    events = check_events(events)
    attrs = attributes_of(events)
    has_contact = any(ALIASES.get(e.name, e.name) == "contact" for e in events)
    stream: list[tuple[datetime, str, str]] = []  # at, signal, event name
    stage = "accept"
    for e in events:
        if e.at > now:
            break  # the future has not happened yet
        if ALIASES.get(e.name, e.name) == "stage":
            to = str(e.fields.get("to") or e.fields.get("to_stage") or "")
            if stage in ("feedback", "closed") and to in ("accept", "assess", "process"):
                stream.append((e.at, "reopened", e.name))  # moved back from resolved: work starts again
            stage = to or stage
        elif ALIASES.get(e.name, e.name) == "reopened":
            stage = "process"
        for sig in _signals(e, attrs["category"]):
            if sig == "created" and not has_contact:
                stream.append((e.at, "contact", e.name))
            stream.append((e.at, sig, e.name))
    clocks: list[Clock] = []
    for rule_id, rule in RULES.items():
        policy = policies.get(rule_id)
        if policy is None or attrs["kind"] not in rule.kinds or not policy.applies(attrs):
            continue
        for n, cycle in enumerate(_cycles(rule, policy, stream), start=1):
            clocks.append(_clock(rule, policy, n, cycle, now, policy.target_for(attrs)))
    return tuple(clocks)


def _cycles(rule: ClockRule, policy: Policy, stream: list[tuple[datetime, str, str]]) -> list[_Cycle]:
    cycles: list[_Cycle] = []
    current: _Cycle | None = None
    waiting: datetime | None = None
    closed = False
    pauses = policy.pause_when_waiting

    def stop(at: datetime, by: str) -> None:
        nonlocal current
        assert current is not None
        seg = current.segments[-1]
        if seg[1] is None:
            seg[1] = at
        if current.pauses and current.pauses[-1][1] is None:
            current.pauses[-1][1] = at
        current.stopped_at, current.stopped_by = at, by
        current = None

    def start(at: datetime, by: str) -> None:
        nonlocal current
        current = _Cycle(start=at, started_by=by, segments=[], pauses=[])
        if pauses and waiting is not None:
            current.pauses.append([at, None, "waiting_on_customer"])
            current.segments.append([at, at])
        else:
            current.segments.append([at, None])
        cycles.append(current)

    for at, sig, name in stream:
        if sig == "merged":
            if current is not None:
                stop(at, name)
                cycles[-1].cancelled = True
            closed = True
            continue
        if sig == "reopened":
            closed = False
        elif closed:
            continue
        if sig == "closed":
            closed = True
        if sig == "waiting_on_customer":
            if waiting is None:
                waiting = at
                if pauses and current is not None and current.segments[-1][1] is None:
                    current.segments[-1][1] = at
                    current.pauses.append([at, None, name])
            continue
        if sig == "customer_replied":
            if waiting is not None:
                waiting = None
                if pauses and current is not None and current.pauses and current.pauses[-1][1] is None:
                    current.pauses[-1][1] = at
                    current.segments.append([at, None])
            continue
        if current is not None and sig in rule.restarts:
            stop(at, name)
            start(at, name)
            continue
        if current is not None and sig in rule.stops:
            stop(at, name)
            continue
        if current is None and sig in rule.starts:
            if rule.once and cycles:
                continue
            if sig == "reopened" and not cycles:
                continue  # a reopen restarts clocks that ran before, it does not invent new ones
            start(at, name)
    return cycles


def _elapsed(cal: Calendar | None, segments: list[list[datetime | None]], until: datetime) -> float:
    total = 0.0
    for a, b in segments:
        assert a is not None
        end = until if b is None else min(b, until)
        if end > a:
            total += minutes_between(cal, a, end)
    return total


def _instant_at(cal: Calendar | None, segments: list[list[datetime | None]], threshold: float,
                open_ended: bool) -> datetime | None:
    """When the clock's elapsed minutes reach ``threshold`` (None if the segments end before)."""
    cum = 0.0
    for i, (a, b) in enumerate(segments):
        assert a is not None
        last = i == len(segments) - 1
        if b is None or (last and open_ended):
            return add_minutes(cal, a, threshold - cum)
        span = minutes_between(cal, a, b)
        if cum + span >= threshold:
            return add_minutes(cal, a, threshold - cum)
        cum += span
    return None


def _clock(rule: ClockRule, policy: Policy, n: int, c: _Cycle, now: datetime, target: float) -> Clock:
    cal = policy.calendar
    until = c.stopped_at or now
    elapsed = _elapsed(cal, c.segments, until)
    running_segment = c.segments[-1][1] is None
    paused = c.stopped_at is None and not running_segment
    # due: where the target falls as things stand; for a stopped clock, where it fell (or would have)
    due = None if paused else _instant_at(cal, c.segments, target, open_ended=c.stopped_at is not None)
    warn_threshold = policy.warning_threshold(target)
    milestones: list[Milestone] = []
    warn_at = None
    if warn_threshold is not None:
        warn_at = _instant_at(cal, c.segments, warn_threshold, open_ended=False)
        milestones.append(Milestone(WARNING, 0, warn_threshold, _cap(warn_at, c.stopped_at), NOTIFY_OWNER))
    for level in policy.ladder:
        thr = level.threshold(target)
        at = _instant_at(cal, c.segments, thr, open_ended=False)
        milestones.append(Milestone(ESCALATION, level.level, thr, _cap(at, c.stopped_at), level.notify,
                                    breach=abs(thr - target) < 1e-9))
    if c.cancelled:
        state = CANCELLED
    elif c.stopped_at is not None:
        state = MET if elapsed <= target + 1e-9 else BREACHED
    elif elapsed > target + 1e-9:
        state = BREACHED
    elif paused:
        state = PAUSED
    elif warn_threshold is not None and elapsed >= warn_threshold - 1e-9:
        state = AT_RISK
    else:
        state = ON_TRACK
    pauses = tuple(Pause(p[0], p[1], p[2]) for p in c.pauses)
    return Clock(key=f"{rule.rule_id}#{n}", rule_id=rule.rule_id, name=policy.name or rule.description, cycle=n,
                 target_minutes=target, calendar=cal.name if cal else None, started_at=c.start,
                 started_by=c.started_by, stopped_at=c.stopped_at, stopped_by=c.stopped_by, pauses=pauses,
                 elapsed_minutes=elapsed, due_at=due, warn_at=None if paused else warn_at, state=state,
                 milestones=tuple(milestones), policy_version=policy.version, now=now)


def _cap(at: datetime | None, stopped: datetime | None) -> datetime | None:
    """A milestone at or after the stop never falls due (a clock stopped right at its deadline is met)."""
    if at is None or (stopped is not None and at >= stopped):
        return None
    return at


def most_urgent(clocks: Iterable[Clock]) -> Clock | None:
    """The running clock a card should show: breached first, then at risk, then the soonest deadline."""
    running = [c for c in clocks if c.running]
    if not running:
        return None
    order = {s: i for i, s in enumerate(CLOCK_STATES)}
    far = datetime.max.replace(tzinfo=UTC)
    return min(running, key=lambda c: (order[c.state], c.due_at or far, c.key))


def default_policies(values: Mapping[str, float] | None = None) -> dict[str, Policy]:
    """The rulebook defaults (SERVICE_RULES.md, rule values in minutes), all on 24 x 7."""
    from app.rules import RULES_BY_KEY

    out = {}
    for rule_id, rule in RULES.items():
        default = RULES_BY_KEY[rule_id]
        raw = float(values[rule_id]) if values and rule_id in values else float(default.value)  # type: ignore[arg-type]
        minutes = raw * 60 if default.unit == "h" else raw
        out[rule_id] = Policy(rule_id=rule_id, name=str(rule.description), target_minutes=minutes,
                              pause_when_waiting=rule_id in PAUSING_RULES,
                              ladder=RULE_LADDERS.get(rule_id, DEFAULT_LADDER))
    return out
