"""Where the compiled Qt translations (.qm) are.

A packaged console ships them next to the sources (``packaging/build.py`` compiles them). A
source checkout keeps only the Qt Linguist sources, one folder per language with a file per area
of the console (``resources/translations/zh_CN/*.ts``, kept in step with the code by
``tools/i18n.py``; ``*.qm`` is not committed). Each folder is compiled with ``pyside6-lrelease``
into one ``floorwalker_<locale>.qm`` in the data folder, again whenever a ``.ts`` file changes, and
loaded from there.
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
    languages = ts_sources()
    if not languages:
        return None
    digest = hashlib.sha256(b"".join(p.read_bytes() for files in languages.values() for p in files)).hexdigest()[:16]
    cache = data_dir() / "translations" / digest
    if all((cache / f"floorwalker_{locale}.qm").exists() for locale in languages):
        return cache
    tool = lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found: the console runs in English")
        return None
    cache.mkdir(parents=True, exist_ok=True)
    for locale, files in languages.items():
        compile_qm(tool, files, cache / f"floorwalker_{locale}.qm")
    return cache


def ts_sources() -> dict[str, list[Path]]:
    """locale -> its Qt Linguist files (``resources/translations/<locale>/*.ts``)."""
    root = resource_path("translations")
    return {folder.name: sorted(folder.glob("*.ts")) for folder in sorted(root.iterdir())
            if folder.is_dir() and any(folder.glob("*.ts"))} if root.is_dir() else {}


def compile_qm(tool: str, sources: list[Path], qm: Path) -> subprocess.CompletedProcess | None:
    """Compile ``sources`` into ``qm`` (written whole or not at all); the lrelease result, None on failure."""
    partial = qm.with_suffix(".part")
    result = subprocess.run([tool, *map(str, sources), "-qm", str(partial)], capture_output=True, text=True,
                            check=False)
    if result.returncode != 0 or not partial.exists():
        log.warning("could not compile %s: %s", qm.name, result.stderr.strip()[:300])
        partial.unlink(missing_ok=True)
        return None
    partial.replace(qm)
    return result
