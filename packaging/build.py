"""Build the one-folder Floorwalker bundle with PyInstaller and prove it starts.

    python packaging/build.py [--clean] [--skip-selftest]

Steps: compile the Qt Linguist translations (``resources/translations``) into ``.qm`` files,
render the application icon (PNG, ICO, ICNS) from ``resources/icons/floorwalker.svg``, write the
Windows version resource from the version in ``pyproject.toml``, run PyInstaller on
``packaging/floorwalker.spec``, then run the frozen ``floorwalker selftest`` offscreen. The exit
status is non-zero if any step fails, the self-test included. The bundle lands in
``dist/floorwalker/`` (``dist/Floorwalker.app`` as well on macOS); generated files go to
``build/packaging/``.

The helpers here are also used by the spec, so ``pyinstaller packaging/floorwalker.spec`` alone
works too (it prepares what is missing).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "floorwalker.spec"
GENERATED = ROOT / "build" / "packaging"
WORK = ROOT / "build" / "pyinstaller"
DIST = ROOT / "dist"
APP = "floorwalker"
TRANSLATIONS = ROOT / "resources" / "translations"
ICON_SVG = ROOT / "resources" / "icons" / "floorwalker.svg"
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]{2,4})*$")


# --- version -------------------------------------------------------------------------------------

def project_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib

        return str(tomllib.loads(text)["project"]["version"])
    except ModuleNotFoundError:  # pragma: no cover - Python 3.11+ has tomllib
        found = re.search(r'^version\s*=\s*"([^"]+)"', text, re.M)
        if not found:
            raise SystemExit("no version in pyproject.toml") from None
        return found.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def write_version_info(path: Path, version: str) -> Path:
    """The Windows VERSIONINFO resource, in PyInstaller's text format (ignored elsewhere)."""
    v = version_tuple(version)
    fields = {
        "CompanyName": "Floorwalker contributors",
        "FileDescription": "Floorwalker contact-center supervisor console",
        "FileVersion": version,
        "InternalName": APP,
        "LegalCopyright": "GPL-3.0-or-later",
        "OriginalFilename": f"{APP}.exe",
        "ProductName": "Floorwalker",
        "ProductVersion": version,
    }
    strings = ",\n".join(f"          StringStruct('{k}', '{val}')" for k, val in fields.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={v}, prodvers={v}, mask=0x3f, flags=0x0, OS=0x40004,\n"
        "                    fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([StringTable('040904B0', [\n"
        f"{strings}])]),\n"
        "    VarFileInfo([VarStruct('Translation', [1033, 1200])])\n"
        "  ]\n"
        ")\n",
        encoding="utf-8",
    )
    return path


# --- translations --------------------------------------------------------------------------------

def translation_groups(source: Path = TRANSLATIONS) -> dict[str, list[Path]]:
    """``floorwalker_<locale>.qm`` name -> the ``.ts`` files compiled into it.

    Both layouts: ``translations/floorwalker_zh_CN.ts`` (one file, its stem names the .qm) and
    ``translations/zh_CN/*.ts`` (a folder per locale, all its files compiled into one .qm).
    """
    groups: dict[str, list[Path]] = {}
    if not source.is_dir():
        return groups
    for ts in sorted(source.glob("*.ts")):
        stem = ts.stem
        locale = stem[len(APP) + 1:] if stem.startswith(APP + "_") else stem
        groups.setdefault(f"{APP}_{locale}.qm", []).append(ts)
    for folder in sorted(p for p in source.iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.ts"))
        if files and _LOCALE.match(folder.name):
            groups.setdefault(f"{APP}_{folder.name}.qm", []).extend(files)
    return groups


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        beside = Path(sys.executable).parent / name
        if beside.exists():
            return str(beside)
    raise SystemExit("pyside6-lrelease not found (it comes with PySide6): cannot compile translations")


def compile_translations(out_dir: Path, source: Path = TRANSLATIONS) -> list[Path]:
    """Compile every translation group into ``out_dir``; unfinished strings are reported."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.qm"):
        old.unlink()
    tool = lrelease()
    made: list[Path] = []
    for name, sources in translation_groups(source).items():
        target = out_dir / name
        result = subprocess.run([tool, *map(str, sources), "-qm", str(target)],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0 or not target.exists():
            raise SystemExit(f"lrelease failed for {name}:\n{result.stdout}{result.stderr}")
        summary = " ".join(line.strip() for line in result.stdout.splitlines() if "unfinished" in line)
        print(f"  {name} <- {len(sources)} file(s)  {summary}".rstrip())
        made.append(target)
    return made


# --- icon ----------------------------------------------------------------------------------------

_ICON_SCRIPT = r"""
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QImageWriter
from PySide6.QtSvg import QSvgRenderer

app = QGuiApplication(sys.argv[:1])
svg, out = sys.argv[1], sys.argv[2]
renderer = QSvgRenderer(svg)
if not renderer.isValid():
    sys.exit("invalid svg: " + svg)

def render(size):
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image

formats = {bytes(f).decode() for f in QImageWriter.supportedImageFormats()}
for size in (16, 32, 48, 64, 128, 256, 512):
    render(size).save(f"{out}/floorwalker-{size}.png")
render(512).save(f"{out}/floorwalker.png")
big = render(256)
if "ico" in formats:
    big.save(f"{out}/floorwalker.ico", "ico")
if "icns" in formats:
    render(512).save(f"{out}/floorwalker.icns", "icns")
"""


def make_icons(out_dir: Path, svg: Path = ICON_SVG) -> dict[str, Path]:
    """PNG (Linux), ICO (Windows) and ICNS (macOS) from the SVG, rendered by Qt.

    With Pillow installed the ICO holds every size from 16 to 256 px (Qt writes only one).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", _ICON_SCRIPT, str(svg), str(out_dir)],
                            env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"could not render the icon:\n{result.stderr}")
    try:
        from PIL import Image  # type: ignore[import-not-found]
    except ImportError:
        pass
    else:
        sizes = [(s, s) for s in (16, 32, 48, 64, 128, 256)]
        Image.open(out_dir / "floorwalker-256.png").save(out_dir / "floorwalker.ico", sizes=sizes)
    return {ext: out_dir / f"floorwalker.{ext}" for ext in ("png", "ico", "icns")
            if (out_dir / f"floorwalker.{ext}").exists()}


def prepare(out_dir: Path = GENERATED) -> None:
    """Everything the spec needs that is generated: .qm files, icons, version resource."""
    print("compiling translations…", flush=True)
    compile_translations(out_dir / "translations")
    print("rendering the icon…", flush=True)
    icons = make_icons(out_dir / "icons")
    print("  " + ", ".join(p.name for p in icons.values()))
    write_version_info(out_dir / "version_info.txt", project_version())


# --- build and check -----------------------------------------------------------------------------

def bundle_dir() -> Path:
    return DIST / APP


def executable() -> Path:
    return bundle_dir() / (f"{APP}.exe" if sys.platform == "win32" else APP)


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(clean: bool) -> None:
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
               "--distpath", str(DIST), "--workpath", str(WORK), "--log-level", "WARN"]
    if clean:
        command.append("--clean")
    print("running PyInstaller…", flush=True)
    subprocess.run(command, cwd=ROOT, check=True)


def run_selftest(timeout: float = 300.0) -> float:
    """The frozen ``floorwalker selftest``, offscreen, with its own settings and data folders."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="floorwalker-frozen-") as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FLOORWALKER_DATA_DIR=str(Path(home) / "data"),
                   XDG_CONFIG_HOME=str(Path(home) / "config"), XDG_DATA_HOME=str(Path(home) / "share"))
        env.pop("FLOORWALKER_DB", None)
        print(f"running the frozen self-test: {executable()} selftest", flush=True)
        start = time.perf_counter()
        result = subprocess.run([str(executable()), "selftest"], env=env, timeout=timeout, check=False)
        seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"the frozen self-test FAILED (exit {result.returncode})")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean", action="store_true",
                        help="remove build/ and dist/ output of earlier builds (and PyInstaller's cache)")
    parser.add_argument("--skip-selftest", action="store_true", help="do not run the frozen self-test")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.clean:
        for path in (GENERATED, WORK, bundle_dir(), DIST / "Floorwalker.app"):
            shutil.rmtree(path, ignore_errors=True)
    prepare()
    run_pyinstaller(args.clean)
    if not executable().exists():
        raise SystemExit(f"PyInstaller produced no {executable()}")
    build_seconds = time.perf_counter() - started
    size = tree_size(bundle_dir())
    print(f"bundle: {bundle_dir()}  {size / 1e6:.0f} MB, "
          f"{sum(1 for p in bundle_dir().rglob('*') if p.is_file())} files; built in {build_seconds:.0f} s")
    if not args.skip_selftest:
        seconds = run_selftest()
        print(f"frozen self-test passed in {seconds:.2f} s (wall time, demo included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
