"""Where the compiled Qt translations (.qm) are.

A packaged console ships them next to the sources (``packaging/build.py`` compiles them). A
source checkout keeps only the Qt Linguist sources (``resources/translations/*.ts``; ``*.qm`` is
not committed): they are compiled once with ``pyside6-lrelease`` into the data folder, again
whenever a ``.ts`` file changes, and loaded from there.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from app.config import data_dir
from resources import resource_path

log = logging.getLogger(__name__)


def lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    return str(beside) if beside.exists() else None


def qm_directory() -> Path | None:
    """The folder holding floorwalker_<locale>.qm files, compiling them first if needed; None: none."""
    source = resource_path("translations")
    if any(source.glob("*.qm")):
        return source
    sources = sorted(source.glob("*.ts"))
    if not sources:
        return None
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:16]
    cache = data_dir() / "translations" / digest
    wanted = [cache / f"{p.stem}.qm" for p in sources]
    if all(q.exists() for q in wanted):
        return cache
    tool = lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found: the console runs in English")
        return None
    cache.mkdir(parents=True, exist_ok=True)
    for ts, qm in zip(sources, wanted, strict=True):
        partial = qm.with_suffix(".part")
        result = subprocess.run([tool, str(ts), "-qm", str(partial)], capture_output=True, text=True, check=False)
        if result.returncode != 0 or not partial.exists():
            log.warning("could not compile %s: %s", ts.name, result.stderr.strip()[:300])
            partial.unlink(missing_ok=True)
            continue
        partial.replace(qm)
    return cache
