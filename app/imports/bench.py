"""``floorwalker bench import``: the anonymous bank month (33,344 calls) into a fresh SQLite file.

The baseline, measured in the same run, only reads and parses the file (no database), so the
ratio shows what the database side costs.
"""

from __future__ import annotations

import tempfile
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

BANK_FILE = Path(__file__).resolve().parents[3] / "shared" / "data" / "anonymous_bank" / \
    "data_anonymous_bank_february.txt"
TARGET_SEC = 5.0


def parse_only(path: Path) -> tuple[int, int]:
    """Read and parse every row with the built-in mapping; (rows parsed, rows that would be skipped)."""
    from app.imports.mapping import CompiledMapping, RowError, builtin, zone
    from app.imports.reading import open_table

    mapping = builtin("anonymous-bank")
    assert mapping is not None and mapping.timezone is not None
    table = open_table(path)
    compiled = CompiledMapping(mapping, table.header, zone(mapping.timezone))
    ok = bad = 0
    for number, values in table.rows:
        try:
            compiled.parse(number, values)
            ok += 1
        except RowError:
            bad += 1
    return ok, bad


@benchmark("import", "import the anonymous bank month (33,344 calls) into a fresh SQLite file; "
           "baseline: read and parse only", default_repeat=3)
def import_bench(options: BenchOptions) -> BenchResult:
    from app.bootstrap import open_database
    from app.imports.service import import_interactions

    if not BANK_FILE.is_file():
        raise BenchError(f"the anonymous bank file is not there ({BANK_FILE}); this benchmark needs it")
    parse: list[float] = []
    full: list[float] = []
    counts: dict[str, int] = {}
    for run in range(repeat_of(options, "import")):
        options.say(f"run {run + 1}: parse only…")
        start = time.perf_counter()
        parsed, bad = parse_only(BANK_FILE)
        parse.append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory(prefix="fw-bench-import-") as tmp:
            db = open_database(str(Path(tmp) / "import.db")).db
            try:
                options.say(f"run {run + 1}: import…")
                start = time.perf_counter()
                result = import_interactions(db, BANK_FILE, "anonymous-bank")
                full.append(time.perf_counter() - start)
            finally:
                db.dispose()
        counts = {"rows read": result.rows_read, "imported": result.rows_imported,
                  "skipped": result.rows_skipped, "parsed (baseline)": parsed}
    return BenchResult("import", (
        Measurement("parse only", tuple(parse), note="read + parse every row, no database"),
        Measurement("import", tuple(full), baseline="parse only", target=TARGET_SEC,
                    note="fresh SQLite file, batches of 2,000 rows, one transaction each"),
    ), info={k: f"{v:,}" for k, v in counts.items()})
