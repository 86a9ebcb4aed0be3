"""The benchmark registry, results, and how they are printed (a table or JSON).

A benchmark is a function taking :class:`BenchOptions` and returning a :class:`BenchResult`
of named measurements; some measurements name a baseline measured in the same run, and the
report shows their ratio to it. Later features add benchmarks with ``@benchmark(...)``.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class BenchError(Exception):
    """A benchmark could not run (its message says why)."""


@dataclass(frozen=True)
class BenchOptions:
    repeat: int | None = None  # None: the benchmark's own default
    agents: int = 60
    weeks: int = 13
    seconds: float = 60.0  # idle: how long to watch the console
    interactions: int = 1_000_000  # startup: size of the large database
    skip_large: bool = False  # startup: only the demo database
    db: str | None = None  # startup/idle: use this SQLite file instead of the cached demo
    pg: str | None = None  # jobs/conflicts: PostgreSQL server to make a scratch database on
    progress: Callable[[str], None] | None = None

    def say(self, message: str) -> None:
        if self.progress is not None:
            self.progress(message)


@dataclass(frozen=True)
class Measurement:
    name: str
    samples: tuple[float, ...]
    unit: str = "s"
    baseline: str | None = None  # name of the measurement this one is compared to
    target: float | None = None  # the measurement should stay at or below this (same unit)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def minimum(self) -> float:
        return min(self.samples)

    @property
    def maximum(self) -> float:
        return max(self.samples)

    @property
    def runs(self) -> int:
        return len(self.samples)

    @property
    def meets_target(self) -> bool | None:
        return None if self.target is None else self.median <= self.target


@dataclass(frozen=True)
class BenchResult:
    benchmark: str
    measurements: tuple[Measurement, ...]
    info: dict[str, Any] = field(default_factory=dict)

    def measurement(self, name: str) -> Measurement:
        for m in self.measurements:
            if m.name == name:
                return m
        raise KeyError(name)

    def ratio(self, m: Measurement) -> float | None:
        if m.baseline is None:
            return None
        base = self.measurement(m.baseline).median
        return m.median / base if base > 0 else None

    def to_json(self) -> dict[str, Any]:
        return {
            "benchmark": self.benchmark,
            "measurements": [{
                "name": m.name, "unit": m.unit, "median": m.median, "min": m.minimum, "max": m.maximum,
                "runs": m.runs, "samples": list(m.samples), "baseline": m.baseline, "ratio": self.ratio(m),
                "target": m.target, "meets_target": m.meets_target, "note": m.note,
            } for m in self.measurements],
            "info": self.info,
        }

    def table(self) -> str:
        width = max([len(m.name) for m in self.measurements] + [4])
        cells = [(_fmt(m.median, m.unit), _fmt(m.minimum, m.unit), _fmt(m.maximum, m.unit))
                 for m in self.measurements]
        col = max([len(c) for row in cells for c in row] + [10])
        lines = [f"benchmark: {self.benchmark}",
                 f"{'name':{width}}  {'median':>{col}}  {'min':>{col}}  {'max':>{col}}  {'runs':>4}  {'ratio':>7}  target"]
        for m, (median, minimum, maximum) in zip(self.measurements, cells, strict=True):
            ratio = self.ratio(m)
            target = "" if m.target is None else (
                f"<= {_fmt(m.target, m.unit)} {'ok' if m.meets_target else 'MISSED'}")
            lines.append(f"{m.name:{width}}  {median:>{col}}  {minimum:>{col}}  {maximum:>{col}}  {m.runs:>4}  "
                         f"{'' if ratio is None else f'{ratio:.2f}x':>7}  {target}")
            if m.note:
                lines.append(f"{'':{width}}  ({m.note})")
        for key, value in self.info.items():
            lines.append(f"{key}: {value}")
        return "\n".join(lines)


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s"
    return f"{value:.2f} {unit}"


@dataclass(frozen=True)
class Benchmark:
    name: str
    description: str
    run: Callable[[BenchOptions], BenchResult]
    default_repeat: int = 5


REGISTRY: dict[str, Benchmark] = {}


def benchmark(name: str, description: str, *, default_repeat: int = 5
              ) -> Callable[[Callable[[BenchOptions], BenchResult]], Callable[[BenchOptions], BenchResult]]:
    """Register a benchmark function under ``name``."""

    def decorate(fn: Callable[[BenchOptions], BenchResult]) -> Callable[[BenchOptions], BenchResult]:
        if name in REGISTRY:
            raise ValueError(f"benchmark {name!r} is registered twice")
        REGISTRY[name] = Benchmark(name, description, fn, default_repeat)
        return fn

    return decorate


def load_benchmarks() -> dict[str, Benchmark]:
    """Every registered benchmark (importing the modules that define them)."""
    import app.autoqa.bench  # noqa: F401
    import app.bench.benchmarks  # noqa: F401 - registers on import
    import app.bench.concurrency  # noqa: F401
    import app.complaints.bench  # noqa: F401
    import app.complaints.bench_board  # noqa: F401
    import app.feed.bench  # noqa: F401
    import app.forecast.bench  # noqa: F401
    import app.imports.bench  # noqa: F401
    import app.live.bench_ui  # noqa: F401
    import app.notifications.bench  # noqa: F401
    import app.quality.bench  # noqa: F401
    import app.quality.bench_ui  # noqa: F401
    import app.review.bench  # noqa: F401
    import app.rota.bench  # noqa: F401
    import app.staffing.bench  # noqa: F401

    return dict(sorted(REGISTRY.items()))


def run_benchmark(name: str, options: BenchOptions) -> BenchResult:
    benchmarks = load_benchmarks()
    if name not in benchmarks:
        raise BenchError(f"no benchmark named {name!r}; try: {', '.join(benchmarks)}")
    return benchmarks[name].run(options)


def repeat_of(options: BenchOptions, name: str) -> int:
    return max(1, options.repeat if options.repeat is not None else REGISTRY[name].default_repeat)


def dumps(result: BenchResult) -> str:
    return json.dumps(result.to_json(), indent=2, ensure_ascii=False)
