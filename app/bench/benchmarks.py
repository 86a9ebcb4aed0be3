"""The built-in benchmarks: ``demo`` (build time), ``startup`` (process start to main window),
``idle`` (CPU and memory of a console left open).

The console is always measured in a separate process (``python -m app gui``, offscreen), so
these numbers include interpreter start-up and imports, as a user would feel them. Databases
are cached under ``<data folder>/bench`` by schema revision and size, so repeated runs reuse
them.
"""

from __future__ import annotations

import os
import queue
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from app.bench.registry import (
    BenchError,
    BenchOptions,
    BenchResult,
    Measurement,
    benchmark,
    repeat_of,
)
from app.config import data_dir

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SPAWN_TIMEOUT = 180.0
IDLE_WARMUP = 10.0
IDLE_WINDOW = 5.0
IDLE_PASSWORD = "bench-idle-2026"  # noqa: S105 - set on a throw-away copy of the benchmark database


# ---------------------------------------------------------------- demo
@benchmark("demo", "build the demo center into a new SQLite file (--agents, --weeks)", default_repeat=3)
def demo_build(options: BenchOptions) -> BenchResult:
    from app.demo.builder import DemoOptions, build_demo

    samples = []
    rows = 0
    size = 0
    for run in range(repeat_of(options, "demo")):
        options.say(f"building the demo ({options.agents} agents, {options.weeks} weeks), run {run + 1}…")
        with tempfile.TemporaryDirectory(prefix="floorwalker-bench-") as tmp:
            with _env(FLOORWALKER_KEY_FILE=str(Path(tmp) / "customer.key")):
                start = time.perf_counter()
                stats = build_demo(str(Path(tmp) / "demo.db"), DemoOptions(
                    agents=options.agents, weeks=options.weeks, recordings_dir=Path(tmp) / "rec"))
                samples.append(time.perf_counter() - start)
            rows = stats.interactions
            size = sum(p.stat().st_size for p in Path(tmp).glob("demo.db*"))
    target = 60.0 if (options.agents, options.weeks) == (60, 13) else None
    return BenchResult("demo", (
        Measurement(f"build demo ({options.agents} agents, {options.weeks} weeks, SQLite)", tuple(samples),
                    target=target),
    ), {"interactions": rows, "database size": f"{size / 1e6:.1f} MB"})


# ---------------------------------------------------------------- startup
@benchmark("startup", "process start to main window shown, on the demo and on a 1-million-interaction "
           "database (--skip-large, --interactions)", default_repeat=5)
def startup(options: BenchOptions) -> BenchResult:
    repeat = repeat_of(options, "startup")
    demo_db = Path(options.db) if options.db else cached_demo(options)
    # a desk's own settings (the last workspace shown, its geometry) would change what is built first:
    # every run starts from the same, empty settings, i.e. on the Live workspace
    settings_dir = tempfile.TemporaryDirectory(prefix="floorwalker-bench-settings-")
    env = _console_env(XDG_CONFIG_HOME=settings_dir.name)
    measurements = []
    options.say("baseline: python -c 'import PySide6.QtWidgets'…")
    base = [_time_process([sys.executable, "-c", "import PySide6.QtWidgets"], env) for _ in range(repeat)]
    baseline = "python + Qt import (baseline)"
    measurements.append(Measurement(baseline, tuple(base), note="interpreter start and PySide6.QtWidgets import"))
    databases = [("demo database", demo_db, 2.0)]
    info: dict[str, object] = {"demo database": str(demo_db)}
    if not options.skip_large:
        large = cached_large(options, demo_db)
        databases.append((f"{options.interactions:,} interactions", large, 3.0))
        info["large database"] = str(large)
    for label, path, target in databases:
        options.say(f"start-up on the {label}…")
        command = [sys.executable, "-m", "app", "gui", "--db", str(path), "--exit-after-shown"]
        _time_until_shown(command, env)  # warm-up: file caches, .pyc files (not counted)
        walls, inside = [], []
        for _ in range(repeat):
            wall, shown = _time_until_shown(command, env)
            walls.append(wall)
            inside.append(shown)
        measurements.append(Measurement(f"window shown, {label} (wall)", tuple(walls), baseline=baseline,
                                        target=target, note="spawn to the 'shown' line"))
        measurements.append(Measurement(f"window shown, {label} (in-process)", tuple(inside),
                                        note="as printed by the console: since ui.app was imported"))
    settings_dir.cleanup()
    return BenchResult("startup", tuple(measurements), info)


# ---------------------------------------------------------------- idle
@benchmark("idle", "CPU and memory of a console left open on the demo database (--seconds)", default_repeat=1)
def idle(options: BenchOptions) -> BenchResult:
    source = Path(options.db) if options.db else cached_demo(options)
    bench = data_dir() / "bench"
    bench.mkdir(parents=True, exist_ok=True)
    copy = bench / f"idle-{source.stem}.db"
    _copy_sqlite(source, copy)
    user = _enable_sign_in(copy)
    env = _console_env(FLOORWALKER_USER=user, FLOORWALKER_PASSWORD=IDLE_PASSWORD)
    cpu_samples: list[float] = []
    growth: list[float] = []
    rss_first = rss_last = rss_peak = 0.0
    for run in range(repeat_of(options, "idle")):
        options.say(f"console open for {IDLE_WARMUP:.0f} s warm-up + {options.seconds:.0f} s, run {run + 1}…")
        stderr = tempfile.TemporaryFile()
        proc = subprocess.Popen([sys.executable, "-m", "app", "gui", "--db", str(copy)], cwd=PROJECT_ROOT,
                                env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            _sleep_while_running(proc, IDLE_WARMUP, stderr)
            ticks0, rss0 = _proc_sample(proc.pid)
            t0 = time.monotonic()
            rss_first, rss_peak = rss0, rss0
            window_start, window_ticks = t0, ticks0
            end = t0 + options.seconds
            while time.monotonic() < end:
                _sleep_while_running(proc, min(1.0, end - time.monotonic()), stderr)
                ticks, rss = _proc_sample(proc.pid)
                rss_peak = max(rss_peak, rss)
                now = time.monotonic()
                if now - window_start >= IDLE_WINDOW - 0.05:
                    cpu_samples.append(100.0 * (ticks - window_ticks) / _HZ / (now - window_start))
                    window_start, window_ticks = now, ticks
            rss_last = rss
            growth.append(rss_last - rss_first)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            stderr.close()
    if not cpu_samples:
        raise BenchError("the idle window was too short to measure; give --seconds 5 or more")
    return BenchResult("idle", (
        Measurement(f"CPU, {IDLE_WINDOW:.0f}-second windows", tuple(cpu_samples), unit="%", target=2.0,
                    note="user + system time of the console process, all threads"),
        Measurement("memory growth while idle", tuple(growth), unit="MB",
                    note=f"resident set: {rss_first:.0f} MB after warm-up, {rss_last:.0f} MB at the end, "
                         f"peak {rss_peak:.0f} MB"),
    ), {"database": str(copy), "watched": f"{options.seconds:.0f} s after {IDLE_WARMUP:.0f} s warm-up"})


# ---------------------------------------------------------------- databases
def cached_demo(options: BenchOptions) -> Path:
    """The demo database for start-up and idle runs, built once per schema revision and size."""
    from app.demo.builder import DemoOptions, build_demo
    from db.migrate import head_revision

    bench = data_dir() / "bench"
    bench.mkdir(parents=True, exist_ok=True)
    path = bench / f"demo-{head_revision()}-{options.agents}a{options.weeks}w.db"
    if not path.exists():
        options.say(f"building the benchmark demo database {path.name}…")
        partial = path.with_suffix(".partial")
        _remove_sqlite(partial)
        build_demo(str(partial), DemoOptions(agents=options.agents, weeks=options.weeks,
                                             recordings_dir=bench / f"recordings-{path.stem}"))
        _copy_sqlite(partial, path)
        _remove_sqlite(partial)
    return path


def cached_large(options: BenchOptions, demo_db: Path) -> Path:
    """The demo grown to ``options.interactions`` interactions, cached next to it."""
    from app.bench.synthetic import grow_interactions
    from db.database import Database

    path = demo_db.with_name(f"{demo_db.stem}-{options.interactions}.db")
    if not path.exists():
        partial = path.with_suffix(".partial")
        _copy_sqlite(demo_db, partial)
        db = Database(str(partial))
        try:
            options.say(f"growing a copy of the demo to {options.interactions:,} interactions…")
            grow_interactions(db, options.interactions)
        finally:
            db.dispose()
        _copy_sqlite(partial, path)
        _remove_sqlite(partial)
    return path


def _copy_sqlite(source: Path, target: Path) -> None:
    """A consistent single-file copy (WAL folded in) through SQLite's backup API."""
    _remove_sqlite(target)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _enable_sign_in(path: Path) -> str:
    """Give the copy's administrator a password so the console signs in without a dialog."""
    from sqlalchemy import select

    from app.security.accounts import hash_password
    from db.database import Database
    from db.models import User

    db = Database(str(path))
    try:
        with db.session() as s:
            user = s.scalars(select(User).where(User.role == "administrator").order_by(User.id)).first()
            if user is None:
                raise BenchError(f"{path} has no administrator to sign in as (is it a demo database?)")
            user.password_hash = hash_password(IDLE_PASSWORD)
            user.must_change_password = False
            return user.username
    finally:
        db.dispose()


# ---------------------------------------------------------------- processes
_HZ = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _console_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p)
    env.update(extra)
    return env


class _env:  # noqa: N801 - used like a function: ``with _env(NAME=value):``
    """Set environment variables for the duration of a block."""

    def __init__(self, **values: str) -> None:
        self.values = values
        self.saved: dict[str, str | None] = {}

    def __enter__(self) -> None:
        for key, value in self.values.items():
            self.saved[key] = os.environ.get(key)
            os.environ[key] = value

    def __exit__(self, *exc: object) -> None:
        for key, value in self.saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _time_process(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, timeout=SPAWN_TIMEOUT,
                          check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise BenchError(f"{' '.join(command)} failed: {done.stderr.decode(errors='replace')[-800:]}")
    return elapsed


def _time_until_shown(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning the console to its 'shown <s>' line, and the <s> it printed."""
    stderr = tempfile.TemporaryFile()
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True)
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        deadline = start + SPAWN_TIMEOUT
        while True:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.perf_counter()))
            except queue.Empty:
                raise BenchError(f"the console did not show its window within {SPAWN_TIMEOUT:.0f} s") from None
            if line is None:
                proc.wait(timeout=10)
                stderr.seek(0)
                raise BenchError(f"the console exited ({proc.returncode}) without showing its window: "
                                 f"{stderr.read().decode(errors='replace')[-800:]}")
            if line.startswith("shown "):
                wall = time.perf_counter() - start
                shown = float(line.split()[1])
                break
        proc.wait(timeout=SPAWN_TIMEOUT)
        return wall, shown
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        reader.join(timeout=5)
        if proc.stdout is not None:
            proc.stdout.close()
        stderr.close()


def _sleep_while_running(proc: subprocess.Popen, seconds: float, stderr: object) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            stderr.seek(0)  # type: ignore[attr-defined]
            text = stderr.read().decode(errors="replace")[-800:]  # type: ignore[attr-defined]
            raise BenchError(f"the console exited ({proc.returncode}) while being watched: {text}")
        time.sleep(min(0.2, max(0.0, end - time.monotonic())))


def _proc_sample(pid: int) -> tuple[int, float]:
    """(CPU clock ticks used so far, resident memory in MB) of a process."""
    stat = Path(f"/proc/{pid}/stat")
    if stat.exists():
        fields = stat.read_text().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])  # utime + stime
        rss_kb = 0
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss_kb = int(line.split()[1])
        return ticks, rss_kb / 1024
    try:
        import psutil  # type: ignore[import-not-found]
    except ImportError:
        raise BenchError("the idle benchmark needs /proc (Linux) or the psutil package") from None
    p = psutil.Process(pid)
    times = p.cpu_times()
    return int((times.user + times.system) * _HZ), p.memory_info().rss / 2**20


def remove_cache() -> None:
    """Forget the cached benchmark databases (they are rebuilt on the next run)."""
    shutil.rmtree(data_dir() / "bench", ignore_errors=True)
