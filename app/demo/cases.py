"""Demo complaints and service requests with believable timelines, plus SLA policies and the
business calendar they are measured against (R-SLA-1..8, R-FLOW-1..8).

Each case is simulated from the moment it was opened; whatever had happened by "now" is what
the database shows. Open cases are drawn until every stage of the board has some.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from app.demo import texts
from app.demo.staff import Q_VIP, Organisation
from app.demo.timeline import Timeline, to_datetime
from app.demo.traffic import Traffic
from app.rules import RULES_BY_KEY
from db.models.complaints import CATEGORIES, STAGES

CATEGORY_WEIGHTS = (0.25, 0.25, 0.2, 0.1, 0.1, 0.1)
REQUEST_CATEGORIES = ("after_sales", "logistics", "other")
CATEGORY_DEPARTMENTS = {
    "product_quality": ("product", "after-sales"), "after_sales": ("after-sales", "finance"),
    "logistics": ("logistics", "warehouse"), "service_attitude": ("after-sales",),
    "system_fault": ("technical",), "other": ("finance", "legal"),
}
OPEN_PER_60 = {"accept": 4, "assess": 6, "process": 14, "feedback": 6}
OPEN_WINDOWS_H = {"accept": (0.05, 0.7), "assess": (0.3, 4.0), "process": (3.0, 72.0), "feedback": (8.0, 96.0)}
SLA_RULES = (
    ("R-SLA-1", {"kind": ["complaint"]}, False),
    ("R-SLA-2", {"kind": ["complaint"], "is_complex": True}, False),
    ("R-SLA-3", {"kind": ["complaint"], "is_conflict": True}, False),
    ("R-SLA-4", {"category": ["system_fault"]}, False),
    ("R-SLA-4.diagnose", {"category": ["system_fault"]}, False),
    ("R-SLA-5", {"kind": ["complaint"]}, False),
    ("R-SLA-6", {"kind": ["complaint"]}, False),
    ("R-SLA-7.response", {"kind": ["service_request"]}, True),
    ("R-SLA-7.process", {"kind": ["service_request"]}, True),
)
H = 3600.0
M = 60.0


@dataclass
class Cases:
    complaints: list[dict]
    events: list[dict]
    policies: list[dict]
    calendars: list[dict]
    calendar_days: list[dict]


@dataclass
class _Case:
    kind: str
    category: str
    interaction: int  # index into the traffic arrays
    opened: float
    events: list[tuple[float, str, str | None, str | None, str, str | None]]  # at, kind, from, to, actor, note
    stage_times: dict[str, float]
    complex: bool
    conflict: bool
    temporary: str | None
    temporary_at: float | None
    eta: float | None
    eta_at: float | None
    opinion: str


def minutes_of(key: str, value: object) -> int:
    """A rule value in minutes (the rule's unit is min or h)."""
    unit = RULES_BY_KEY[key].unit
    return int(round(float(value) * (60 if unit == "h" else 1)))  # type: ignore[arg-type]


def build_cases(rnd: random.Random, tl: Timeline, org: Organisation, traffic: Traffic,
                rules: dict[str, object], next_ids: dict[str, int]) -> Cases:
    ag = org.agents
    scale = ag.n / 60.0
    answered = np.flatnonzero((traffic.agent >= 0) & (traffic.customer > 0))
    answered_at = traffic.answered[answered]
    people = {p["id"]: p for p in org.people}
    cases: list[_Case] = []

    def pick_interaction(before: float) -> int | None:
        j = int(np.searchsorted(answered_at, before)) - 1 - rnd.randrange(5)
        return int(answered[j]) if j >= 0 else None

    # history: about 2.5 complaints and 2 service requests a day at 60 agents
    start, end = tl.local_epoch(tl.first_day), tl.cutoff - 4 * 86400
    for kind, per_day in (("complaint", 2.5), ("service_request", 2.0)):
        for _ in range(int(round(per_day * scale * tl.data_days))):
            if end <= start:
                break
            i = pick_interaction(rnd.uniform(start, end))
            if i is not None:
                cases.append(_simulate(rnd, kind, i, traffic, tl))
    # open cases: every stage of the board, some of them breaching now
    for stage, per_60 in OPEN_PER_60.items():
        wanted = max(2, int(round(per_60 * scale)))
        lo, hi = OPEN_WINDOWS_H[stage]
        for k in range(wanted):
            kind = "complaint" if k % 3 != 2 else "service_request"
            case = None
            for _ in range(300):
                ago = rnd.uniform(lo, hi) * H
                if stage == "accept" and k == 0:
                    ago = rnd.uniform(7, 12) * M  # key points not recorded yet: R-SLA-1 breached
                if stage == "process" and k == 0 and kind == "complaint":
                    ago = rnd.uniform(28, 40) * H  # not resolved after a day: R-SLA-6 breached
                i = pick_interaction(tl.cutoff - ago)
                if i is None:
                    break
                candidate = _simulate(rnd, kind, i, traffic, tl, opened_ago=ago,
                                      skip_key_points=stage == "accept" and k == 0,
                                      slow=stage == "process" and k == 0)
                if _stage_at(candidate, tl.cutoff) == stage:
                    case = candidate
                    break
            if case is not None:
                cases.append(case)
    cases.sort(key=lambda c: c.opened)

    complaints: list[dict] = []
    events: list[dict] = []
    numbers: dict[tuple[str, int], int] = {}
    for case in cases:
        i = case.interaction
        a = int(traffic.agent[i])
        owner = int(ag.ids[a])
        team_id = people[owner]["team_id"]
        supervisor = people[org.supervisors[(team_id or 1) - 1]]["full_name"]
        stage = _stage_at(case, tl.cutoff)
        year = to_datetime(case.opened).astimezone(tl.tz).year
        prefix = "C" if case.kind == "complaint" else "S"
        numbers[(prefix, year)] = numbers.get((prefix, year), 0) + 1
        cid = next_ids["complaints"] = next_ids["complaints"] + 1
        is_vip = bool(traffic.queue[i] == Q_VIP) or rnd.random() < 0.04
        priority = ("urgent" if (is_vip and rnd.random() < 0.5) or (case.category == "system_fault"
                                                                    and rnd.random() < 0.4)
                    else "special" if rnd.random() < 0.1 else "regular")
        departments = list(CATEGORY_DEPARTMENTS[case.category][: 1 + case.complex + (rnd.random() < 0.3)])
        summaries = texts.SUMMARIES[case.category] if case.kind == "complaint" else texts.REQUEST_SUMMARIES
        feedback_times = [at for at, kind, *_ in case.events if kind == "feedback" and at <= tl.cutoff]
        resolved = case.stage_times.get("feedback")
        closed = case.stage_times.get("closed")
        done = closed is not None and closed <= tl.cutoff
        archive = tl.local_epoch(to_datetime(closed).astimezone(tl.tz).date(), 21.5 * 60) if done else None
        complaints.append({
            "id": cid, "center_id": 1, "reference": f"{prefix}-{year}-{numbers[(prefix, year)]:06d}",
            "kind": case.kind, "customer_id": int(traffic.customer[i]), "interaction_id": i + 1,
            "channel": org.queues[int(traffic.queue[i])]["channel"], "category": case.category,
            "priority": priority, "stage": stage, "summary": rnd.choice(summaries), "is_vip": is_vip,
            "is_complex": case.complex, "is_conflict": case.conflict, "team_id": team_id, "owner_id": owner,
            "departments": departments,
            "temporary_solution": case.temporary if case.temporary_at and case.temporary_at <= tl.cutoff else None,
            "expected_resolution_at": to_datetime(case.eta) if case.eta and case.eta_at
            and case.eta_at <= tl.cutoff else None,
            "first_contact_at": to_datetime(traffic.answered[i]), "opened_at": to_datetime(case.opened),
            "resolved_at": to_datetime(resolved) if resolved and resolved <= tl.cutoff else None,
            "closed_at": to_datetime(closed) if done else None,
            "last_feedback_at": to_datetime(max(feedback_times)) if feedback_times else None,
            "feedback_loop_closed": done, "customer_opinion": case.opinion if done else None,
            "archived_at": to_datetime(archive) if archive and archive <= tl.cutoff else None,
            "version": 1,
        })
        owner_name = people[owner]["full_name"]
        for at, kind, from_stage, to_stage, actor, note in sorted(case.events, key=lambda e: e[0]):
            if at > tl.cutoff:
                break
            next_ids["complaint_events"] += 1
            events.append({"id": next_ids["complaint_events"], "complaint_id": cid, "at": to_datetime(at),
                           "kind": kind, "from_stage": from_stage, "to_stage": to_stage,
                           "actor": {"owner": owner_name, "supervisor": supervisor}.get(actor, actor),
                           "note": note})

    policies = []
    for n, (key, applies, business) in enumerate(SLA_RULES, start=1):
        policies.append({
            "id": n, "center_id": 1, "rule_id": key, "name": RULES_BY_KEY[key].description,
            "applies_to": applies, "target_minutes": minutes_of(key, rules[key]),
            "calendar_id": 1 if business else None, "warn_at_percent": 75, "active": True, "version": 1,
            **sla_policy_ladder(key),
        })
    calendars = [{"id": 1, "center_id": 1, "name": "Office hours (CN)", "timezone": org.center["timezone"],
                  "holiday_country": "CN", "version": 1,
                  "opening_hours": {d: ["09:00", "18:00"] for d in ("mon", "tue", "wed", "thu", "fri")}}]
    calendar_days = [{"id": k, "calendar_id": 1, "day": d, "is_open": True,
                      "note": "Make-up working day (调休)"}
                     for k, d in enumerate(sorted(tl.weekend_workdays), start=1)]
    return Cases(complaints=complaints, events=events, policies=policies, calendars=calendars,
                 calendar_days=calendar_days)


def sla_policy_ladder(key: str) -> dict:
    """The SLA engine's defaults for a demo policy: warn at 75 %, then owner at the breach, the team
    supervisor 30 min later, the manager after an hour (R-RESP-4); the resolution clocks pause while the
    case waits on the customer (app/complaints/clocks.py)."""
    from app.complaints.clocks import PAUSING_RULES
    from app.complaints.policies import DEFAULT_LADDER_JSON

    return {"escalation_ladder": [dict(level) for level in DEFAULT_LADDER_JSON],
            "pause_when_waiting": key in PAUSING_RULES}


def _stage_at(case: _Case, at: float) -> str:
    stage = "accept"
    for name in STAGES[1:]:
        t = case.stage_times.get(name)
        if t is not None and t <= at:
            stage = name
    return stage


def _simulate(rnd: random.Random, kind: str, i: int, traffic: Traffic, tl: Timeline, *,
              opened_ago: float | None = None, skip_key_points: bool = False, slow: bool = False) -> _Case:
    """The whole life of a case, from the contact where it was raised (times may pass "now")."""
    complaint = kind == "complaint"
    category = (rnd.choices(CATEGORIES, CATEGORY_WEIGHTS)[0] if complaint
                else rnd.choice(REQUEST_CATEGORIES))
    opened = float(traffic.answered[i]) + rnd.uniform(30, 240)
    if opened_ago is not None:
        opened = max(opened, tl.cutoff - opened_ago)
    complex_ = complaint and rnd.random() < (0.25 if category == "system_fault" else 0.12)
    conflict = complaint and rnd.random() < (0.3 if category == "service_attitude" else 0.06)
    ev: list[tuple[float, str, str | None, str | None, str, str | None]] = []
    ev.append((opened, "created", None, "accept", "owner",
               "Complaint recorded from the customer contact" if complaint else "Service request recorded"))
    if complaint and not skip_key_points:
        delay = rnd.uniform(60, 280) if rnd.random() > 0.06 else rnd.uniform(330, 900)  # R-SLA-1
        ev.append((opened + delay, "key_points", None, None, "owner", "Key points recorded"))
    assess = opened + rnd.uniform(5, 40) * M
    ev.append((assess, "stage", "accept", "assess", "owner", None))
    if complex_:  # R-SLA-2: to the specialist team within 2 minutes of being judged complex
        delay = rnd.uniform(20, 110) if rnd.random() > 0.03 else rnd.uniform(150, 400)
        ev.append((assess + delay, "escalated", None, None, "owner", "Transferred to the specialist team"))
    if conflict:  # R-SLA-3: a supervisor within 15 minutes
        delay = rnd.uniform(3, 14) * M if rnd.random() > 0.05 else rnd.uniform(16, 30) * M
        ev.append((opened + delay, "supervisor_joined", None, None, "supervisor", "Supervisor joined the case"))
    if category == "system_fault":  # R-SLA-4: reported in 10 min, diagnosed in 4 h
        reported = opened + rnd.uniform(2, 9.5) * M
        ev.append((reported, "tech_reported", None, None, "owner", "Reported to the technical team"))
        ev.append((reported + rnd.uniform(0.5, 3.8) * H, "tech_diagnosed", None, None, "technical team",
                   "Diagnosis received from the technical team"))
    process = assess + rnd.uniform(10, 120) * M
    ev.append((process, "stage", "assess", "process", "owner", None))
    temporary = temporary_at = None
    if complaint and rnd.random() < 0.85:  # R-SLA-8
        temporary = rnd.choice(texts.TEMPORARY_SOLUTIONS)
        temporary_at = process + rnd.uniform(10, 90) * M
        ev.append((temporary_at, "temporary_solution", None, None, "owner", temporary))
    eta_at = process + rnd.uniform(5, 30) * M  # R-FLOW-8: the customer is told when to expect a result
    eta = opened + (rnd.uniform(12, 24) if complaint else rnd.uniform(24, 72)) * H
    ev.append((eta_at, "eta", None, None, "owner", "Customer told the expected resolution time"))
    median = 16 * H if complaint else 30 * H
    resolved = process + median * float(np.exp(rnd.gauss(0, 0.45)))
    if slow:
        resolved = tl.cutoff + rnd.uniform(4, 30) * H
    # R-SLA-5: progress feedback at least every 24 h while open (now and then late)
    t = opened
    while True:
        gap = rnd.uniform(6, 22) * H if rnd.random() > 0.08 else rnd.uniform(25, 40) * H
        t += gap
        if t >= resolved:
            break
        ev.append((t, "feedback", None, None, "owner", rnd.choice(texts.FEEDBACK_NOTES)))
    ev.append((resolved, "stage", "process", "feedback", "owner", "Resolved; result sent to the customer"))
    closed = resolved + rnd.uniform(1, 20) * H
    opinion = rnd.choice(texts.CUSTOMER_OPINIONS)
    ev.append((closed, "feedback", None, None, "owner", "Customer told the result and asked for an opinion"))
    ev.append((closed, "stage", "feedback", "closed", "owner", opinion))  # R-FLOW-5
    return _Case(kind=kind, category=category, interaction=i, opened=opened, events=ev,
                 stage_times={"accept": opened, "assess": assess, "process": process, "feedback": resolved,
                              "closed": closed},
                 complex=complex_, conflict=conflict, temporary=temporary, temporary_at=temporary_at,
                 eta=eta, eta_at=eta_at, opinion=opinion)
