"""The monthly service-quality evaluation (R-QA-5): five dimensions per agent and team, with the trend.

Dimensions (each from the month's figures, ``app/review/monthly.py``):

* **Response speed**: average wait of handled real-time contacts (R-KPI-1 target, lower is better).
* **Resolution rate**: resolved ÷ handled with a recorded resolution (R-KPI-5).
* **Satisfaction**: average customer rating 1-5 (R-KPI-4).
* **Process compliance**: share of the month's QA reviews with no service-code violation.
* **Attitude**: the supervisors' average dialogue score 1-10 in QA reviews (R-QA-2, R-KPI-9).

The **trend** compares the month with the previous one (the change, and whether it improved)
and gives the dimension over the last ``months`` months for a sparkline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from app import clock
from app.i18n import N_
from app.review.monthly import (
    MonthCounts,
    center_zone,
    collect_counts,
    load_targets,
    month_window,
    previous_month,
)


@dataclass(frozen=True)
class Dimension:
    key: str
    figure: str
    label: str
    kind: str
    higher_is_better: bool
    rule_id: str | None


DIMENSIONS = (
    Dimension("response", "avg_wait_sec", N_("Response speed"), "seconds", False, "R-KPI-1"),
    Dimension("resolution", "resolution_rate", N_("Resolution rate"), "share", True, "R-KPI-5"),
    Dimension("satisfaction", "avg_rating", N_("Satisfaction"), "rating", True, "R-KPI-4"),
    Dimension("compliance", "compliance", N_("Process compliance"), "share", True, None),
    Dimension("attitude", "qa_avg_score", N_("Attitude"), "score", True, "R-KPI-9"),
)


@dataclass(frozen=True)
class DimensionTrend:
    dimension: Dimension
    series: tuple[float | None, ...]  # oldest month first; the last is the evaluated month

    @property
    def value(self) -> float | None:
        return self.series[-1]

    @property
    def previous(self) -> float | None:
        return self.series[-2] if len(self.series) > 1 else None

    @property
    def change(self) -> float | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    @property
    def improved(self) -> bool | None:
        if self.change is None or abs(self.change) < 1e-9:
            return None
        return (self.change > 0) == self.dimension.higher_is_better


@dataclass(frozen=True)
class EvaluationRow:
    kind: str  # agent / team / center
    agent_id: int | None
    team_id: int | None
    name: str
    team: str | None
    dimensions: tuple[DimensionTrend, ...]


@dataclass(frozen=True)
class MonthlyEvaluation:
    month: str  # 2026-10
    months: tuple[str, ...]  # the trend's months, oldest first
    targets: dict[str, float]
    rows: tuple[EvaluationRow, ...]  # per team: its agents then the team; the center last
    computed_at: datetime


def monthly_evaluation(session: Session, year: int, month: int, *, team_id: int | None = None, months: int = 6,
                       now: datetime | None = None) -> MonthlyEvaluation:
    now = now or clock.now()
    tz = center_zone(session)
    targets = load_targets(session)
    firsts: list[date] = [date(year, month, 1)]
    for _ in range(max(1, months) - 1):
        firsts.insert(0, previous_month(firsts[0]))
    per_month: list[dict[int, MonthCounts]] = []
    people: dict[int, tuple[str, int | None, str | None]] = {}
    for first in firsts:
        window = month_window(first.year, first.month, tz)
        if window.start >= now:
            per_month.append({})
            continue
        rows, base = collect_counts(session, window, targets, team_id=team_id, now=now)
        per_month.append({pid: MonthCounts(**v) for pid, v in base.items()})
        if first == firsts[-1]:
            for p in rows:
                people[p[0]] = (p[1], p[3], p[4])

    def trends(counts: list[MonthCounts | None]) -> tuple[DimensionTrend, ...]:
        return tuple(DimensionTrend(d, tuple(c.value(d.figure) if c is not None else None for c in counts))
                     for d in DIMENSIONS)

    out: list[EvaluationRow] = []
    team_order = list(dict.fromkeys(t for (_n, _tid, t) in people.values()))
    by_team: dict[int | None, list[int]] = {}
    for pid, (_name, tid, _team) in people.items():
        by_team.setdefault(tid, []).append(pid)
    for team_name in team_order:
        ids = [pid for pid, (_n, _tid, t) in people.items() if t == team_name]
        tid = people[ids[0]][1]
        for pid in ids:
            name = people[pid][0]
            out.append(EvaluationRow("agent", pid, tid, name, team_name,
                                     trends([m.get(pid) for m in per_month])))
        out.append(EvaluationRow("team", None, tid, team_name or "", team_name,
                                 trends([sum((m[p] for p in ids if p in m), MonthCounts()) for m in per_month])))
    everyone = list(people)
    out.append(EvaluationRow("center", None, None, "", None,
                             trends([sum((m[p] for p in everyone if p in m), MonthCounts()) for m in per_month])))
    return MonthlyEvaluation(f"{year:04d}-{month:02d}", tuple(f"{d.year:04d}-{d.month:02d}" for d in firsts),
                             {k: float(v) for k, v in targets.values.items()}, tuple(out), now)
