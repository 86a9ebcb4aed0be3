"""Regenerate the README screenshots: one PNG per workspace, from `floorwalker selftest --screenshots`.

    python3 scripts/screenshots.py                      # English and Chinese, light theme
    python3 scripts/screenshots.py --lang zh_CN --theme dark
    python3 scripts/screenshots.py --tabs --out /tmp/shots   # every tab too (to look for clipped text)
    python3 scripts/screenshots.py --demo            # the README's: the full demo as its manager, en and zh_CN
    python3 scripts/screenshots.py --demo --lang zh_CN   # the Chinese shots only (on the Chinese demo)
    python3 scripts/screenshots.py --db ~/.local/share/Floorwalker/demo.db --user ming.han  # a demo of yours (a copy)

Each run builds the self-test's small demo center (in the shots' language: ``demo --lang zh_CN`` for
the Chinese ones, so the data reads as Chinese as the console), opens the console offscreen at 1440×900 and writes
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


def run(language: str, theme: str, out: Path, *, tabs: bool = False, timeout: float = 60.0,
        db: Path | None = None, user: str | None = None, password: str = "") -> list[Path]:
    suffix = "".join(f"-{x}" for x, default in ((language, "en"), (theme, "light")) if x != default)
    with tempfile.TemporaryDirectory(prefix="floorwalker-shots-") as tmp:
        raw = Path(tmp) / "raw"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(Path(tmp) / "config"),
                   QT_LOGGING_RULES="qt.multimedia*=false")
        if user:
            env.update(FLOORWALKER_USER=user, FLOORWALKER_PASSWORD=password)
        command = [sys.executable, "-m", "app", "selftest", "--screenshots", str(raw), "--lang", language,
                   "--theme", theme, "--timeout", str(timeout)]
        if tabs:
            command.append("--tabs")
        if db is not None:  # a copy: the console's background jobs write to the database it opens
            copy = Path(tmp) / db.name
            shutil.copyfile(db, copy)
            command += ["--db", str(copy)]
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
    parser.add_argument("--db", type=Path, help="a SQLite demo database to show (a copy is opened; default: the "
                                                 "self-test's small demo)")
    parser.add_argument("--demo", action="store_true",
                        help="build the full demo center now (60 agents, 13 weeks ending now; about a minute) and "
                             "show it, as its manager unless --user says otherwise")
    parser.add_argument("--user", help="sign in as this user (e.g. a manager, who sees every workspace)")
    parser.add_argument("--password", default="demo", help="the user's password (default: demo, the demo's)")
    args = parser.parse_args(argv)
    written: list[Path] = []
    demo_dir = None
    demos: dict[str, Path] = {}  # demo language -> database
    if args.demo:
        demo_dir = tempfile.TemporaryDirectory(prefix="floorwalker-demo-")
        args.user = args.user or "ming.han"  # the same seed gives the same users in either language
    for language in args.lang or ["en", "zh_CN"]:
        db = args.db
        if demo_dir is not None:
            demo_lang = "zh_CN" if language == "zh_CN" else "en"  # the Chinese shots show the Chinese demo
            if demo_lang not in demos:
                folder = Path(demo_dir.name) / demo_lang
                folder.mkdir()
                demos[demo_lang] = folder / "demo.db"
                print(f"building the demo center ({demo_lang})…", flush=True)
                subprocess.run([sys.executable, "-m", "app", "demo", "--db", str(demos[demo_lang]), "--lang",
                                demo_lang, "--recordings", str(folder / "rec")],
                               cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            db = demos[demo_lang]
        for theme in args.theme or ["light"]:
            written += run(language, theme, args.out, tabs=args.tabs, timeout=args.timeout, db=db,
                           user=args.user, password=args.password)
    if demo_dir is not None:
        demo_dir.cleanup()
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    print(f"{len(written)} screenshots written")
    return 0 if written else 1


if __name__ == "__main__":
    raise SystemExit(main())
