"""Regenerate the README screenshots: one PNG per workspace, from `floorwalker selftest --screenshots`.

    python3 scripts/screenshots.py                      # English and Chinese, light theme
    python3 scripts/screenshots.py --lang zh_CN --theme dark
    python3 scripts/screenshots.py --tabs --out /tmp/shots   # every tab too (to look for clipped text)

Each run builds the self-test's small demo center, opens the console offscreen at 1440×900 and writes
``<out>/<workspace>.png`` (``live.png``, ``schedule.png`` …); other languages and themes get a suffix
(``live-zh_CN.png``, ``live-dark.png``). The console runs with settings of its own, so the user's saved
language, theme and window geometry are neither used nor changed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOT = re.compile(r"^\d\d-(?P<workspace>[a-z]+)(?:-(?P<tab>\d\d-.+))?\.png$")


def run(language: str, theme: str, out: Path, *, tabs: bool = False, timeout: float = 60.0) -> list[Path]:
    suffix = "".join(f"-{x}" for x, default in ((language, "en"), (theme, "light")) if x != default)
    with tempfile.TemporaryDirectory(prefix="floorwalker-shots-") as tmp:
        raw = Path(tmp) / "raw"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(Path(tmp) / "config"),
                   QT_LOGGING_RULES="qt.multimedia*=false")
        command = [sys.executable, "-m", "app", "selftest", "--screenshots", str(raw), "--lang", language,
                   "--theme", theme, "--timeout", str(timeout)]
        if tabs:
            command.append("--tabs")
        print("$", " ".join(command[1:]), flush=True)
        result = subprocess.run(command, cwd=ROOT, env=env, check=False)
        if result.returncode != 0:
            print(f"selftest failed ({result.returncode}); the screenshots it made are still copied", file=sys.stderr)
        written = []
        out.mkdir(parents=True, exist_ok=True)
        for path in sorted(raw.glob("*.png")):
            m = SHOT.match(path.name)
            if not m:
                continue
            name = m["workspace"] + (f"-{m['tab']}" if m["tab"] else "") + suffix + ".png"
            target = out / name
            shutil.copyfile(path, target)
            written.append(target)
        return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", action="append", help="en, zh_CN or pseudo (repeatable; default: en and zh_CN)")
    parser.add_argument("--theme", action="append", choices=("light", "dark"),
                        help="repeatable; default: light")
    parser.add_argument("--tabs", action="store_true", help="also every tab of every workspace")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots", help="folder for the PNGs")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds each workspace may take to load")
    args = parser.parse_args(argv)
    written: list[Path] = []
    for language in args.lang or ["en", "zh_CN"]:
        for theme in args.theme or ["light"]:
            written += run(language, theme, args.out, tabs=args.tabs, timeout=args.timeout)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    print(f"{len(written)} screenshots written")
    return 0 if written else 1


if __name__ == "__main__":
    raise SystemExit(main())
