"""Build the one-folder Floorwalker bundle with PyInstaller and prove it starts.

    python packaging/build.py [--clean] [--skip-selftest]

Steps: compile the Qt Linguist translations (``resources/translations``) into ``.qm`` files,
render the application icon (PNG, ICO, ICNS) from ``resources/icons/floorwalker.svg``, write the
Windows version resource from the version in ``pyproject.toml``, run PyInstaller on
``packaging/floorwalker.spec``, then run the frozen ``floorwalker selftest`` offscreen and a few
frozen smoke checks (migrations, database drivers, solvers, the Chinese pack). The exit status is
non-zero if any step fails, the self-test and checks included. The bundle lands in
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
    here = Path(sys.executable).parent
    for folder in (here, here / "Scripts", here / "bin"):  # a venv; Windows' and Unix' system Pythons
        for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
            if (folder / name).exists():
                return str(folder / name)
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


# --- what the bundle carries besides Python modules ----------------------------------------------

_NOT_DATA = {".py", ".pyc", ".pyo", ".ts", ".qm"}


def bundle_datas(generated: Path = GENERATED) -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for every data file, as PyInstaller's ``datas``.

    * ``resources/`` whole (icons, style sheets, fonts…), found through ``resources.resource_path``
      (``sys._MEIPASS/resources`` when frozen), with the freshly compiled ``.qm`` files in
      ``resources/translations`` instead of the Linguist sources;
    * ``db/migrations`` whole, as source files: ``db/migrate.py`` finds it next to itself
      (``Path(__file__).parent / "migrations"``) and Alembic loads ``env.py`` and
      ``versions/*.py`` from there;
    * any other non-Python file inside ``app/``, ``db/`` and ``ui/`` (demo data, presets…).
    """
    datas: list[tuple[str, str]] = []

    def files(folder: Path) -> list[Path]:
        return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)

    for path in files(ROOT / "resources"):
        if path.suffix not in _NOT_DATA:
            datas.append((str(path), path.parent.relative_to(ROOT).as_posix()))
    for path in sorted((generated / "translations").glob("*.qm")):
        datas.append((str(path), "resources/translations"))
    migrations = ROOT / "db" / "migrations"
    for path in files(migrations):
        if path.suffix not in (".pyc", ".pyo"):
            datas.append((str(path), path.parent.relative_to(ROOT).as_posix()))
    for package in ("app", "db", "ui"):
        for path in files(ROOT / package):
            if path.suffix not in _NOT_DATA and migrations not in path.parents:
                datas.append((str(path), path.parent.relative_to(ROOT).as_posix()))
    return datas


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


def has_symbols(path: Path) -> bool:
    """True for a 64-bit little-endian ELF file that still has a symbol table or debug sections."""
    import struct

    try:
        with path.open("rb") as f:
            head = f.read(64)
            if len(head) < 64 or head[:4] != b"\x7fELF" or head[4] != 2 or head[5] != 1:
                return False
            shoff, = struct.unpack_from("<Q", head, 0x28)
            shentsize, shnum, shstrndx = struct.unpack_from("<HHH", head, 0x3A)
            if not shoff or not shnum or shstrndx >= shnum:
                return False
            f.seek(shoff)
            table = f.read(shentsize * shnum)
            names_offset, names_size = struct.unpack_from("<QQ", table, shstrndx * shentsize + 0x18)
            f.seek(names_offset)
            names = f.read(names_size)
    except (OSError, struct.error):
        return False
    for i in range(shnum):
        name_at, = struct.unpack_from("<I", table, i * shentsize)
        name = names[name_at:names.find(b"\0", name_at)]
        if name == b".symtab" or name.startswith(b".debug"):
            return True
    return False


def patched_by_auditwheel(path: Path) -> bool:
    """Libraries that auditwheel vendored or rewrote with patchelf (a ``*.libs`` folder, or an
    RPATH/RUNPATH relative to ``$ORIGIN``): ``strip`` can leave them unloadable ("ELF load command
    address/offset not page-aligned"), so they are left alone. (An absolute RPATH, as in a
    pyenv-built libpython, comes from the linker and is safe.)"""
    if any(part.endswith(".libs") for part in path.parent.parts):
        return True
    readelf = shutil.which("readelf")
    if readelf is None:
        return True
    dynamic = subprocess.run([readelf, "-d", str(path)], capture_output=True, text=True, check=False).stdout
    return any(("(RPATH)" in line or "(RUNPATH)" in line) and "$ORIGIN" in line
               for line in dynamic.splitlines())


_LOAD_CHECK = r"""
import ctypes, json, sys
failed = {}
for path in sys.argv[1:]:
    try:
        ctypes.CDLL(path)
    except OSError as exc:
        failed[path] = str(exc)
print(json.dumps(failed))
"""


def failing_to_load(paths: list[Path]) -> set[Path] | None:
    """The libraries the dynamic loader refuses (dlopen in a separate Python); None: the check crashed."""
    if not paths:
        return set()
    result = subprocess.run([sys.executable, "-c", _LOAD_CHECK, *map(str, paths)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return None
    import json

    return {Path(p) for p in json.loads(result.stdout.strip().splitlines()[-1])}


def strip_binaries(bundle: Path) -> int:
    """Linux: remove symbol tables and debug sections from the bundle's libraries; bytes saved.

    A pyenv- or source-built Python keeps them (libpython alone drops from ~23 MB to ~6 MB), and
    so do many wheels (OR-Tools, OpenBLAS, cryptography, SQLAlchemy's Cython modules). ``strip
    --strip-unneeded`` keeps what the dynamic loader needs. Libraries rewritten by patchelf (see
    ``patched_by_auditwheel``) can come out of ``strip`` unloadable, so each of them is loaded
    before and after, and put back as it was if it no longer loads. The frozen self-test and
    smoke checks then exercise the libraries that matter. ``--no-strip`` skips this.
    """
    import tempfile

    tool = shutil.which("strip")
    if not sys.platform.startswith("linux") or tool is None:
        return 0
    safe: list[Path] = []
    risky: list[Path] = []
    for path in sorted(bundle.rglob("*")):
        if path.parent == bundle:  # the executables carry the Python archive: never strip them
            continue
        if path.is_symlink() or not path.is_file() or not (".so" in path.name or path.suffix == ""):
            continue
        if path.stat().st_nlink > 1:  # a hard link: stripping it would strip the original too
            continue
        if has_symbols(path):
            (risky if patched_by_auditwheel(path) else safe).append(path)
    refused = failing_to_load(risky)  # only what loads now is stripped (and checked again)
    risky = [] if refused is None else [p for p in risky if p not in refused]
    before = sum(p.stat().st_size for p in safe + risky)

    def strip(path: Path) -> None:
        result = subprocess.run([tool, "--strip-unneeded", str(path)], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            print(f"  could not strip {path.relative_to(bundle)}: {result.stderr.strip()[:200]}")

    for path in safe:
        strip(path)
    # one at a time, vendored libraries (*.libs) first: a library that no longer loads is put back
    # before its dependents are tried, so they are judged on their own
    risky.sort(key=lambda p: (not any(part.endswith(".libs") for part in p.parent.parts), str(p)))
    with tempfile.TemporaryDirectory(prefix="floorwalker-strip-") as backup_dir:
        for path in risky:
            backup = Path(backup_dir) / "original"
            shutil.copy2(path, backup)
            strip(path)
            if failing_to_load([path]) != set():
                shutil.copy2(backup, path)
                print(f"  kept the symbols of {path.relative_to(bundle)} (it does not load stripped)")
    return before - sum(p.stat().st_size for p in safe + risky)


def link_duplicates(bundle: Path) -> int:
    """Linux: replace a library that is byte-for-byte another one with a relative symlink; bytes saved.

    Wheels repaired by auditwheel each carry their own copy (numpy.libs and scipy.libs both hold
    the same libgfortran and libquadmath).
    """
    import hashlib

    if not sys.platform.startswith("linux"):
        return 0
    seen: dict[tuple[int, str], Path] = {}
    saved = 0
    for path in sorted(bundle.rglob("*.so*")):
        if path.is_symlink() or not path.is_file() or path.stat().st_size < 100_000:
            continue
        key = (path.stat().st_size, hashlib.sha256(path.read_bytes()).hexdigest())
        first = seen.setdefault(key, path)
        if first is path:
            continue
        saved += path.stat().st_size
        path.unlink()
        path.symlink_to(os.path.relpath(first, path.parent))
    return saved


def frozen_env(home: Path) -> dict[str, str]:
    """Offscreen, with its own settings and data folders (nothing of the builder's leaks in)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FLOORWALKER_DATA_DIR=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "share"), HOME=str(home))
    env.pop("FLOORWALKER_DB", None)
    return env


def run_selftest(timeout: float = 300.0) -> float:
    """The frozen ``floorwalker selftest`` (it builds a small demo center first); its wall time."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="floorwalker-frozen-") as home:
        print(f"running the frozen self-test: {executable()} selftest", flush=True)
        start = time.perf_counter()
        result = subprocess.run([str(executable()), "selftest"], env=frozen_env(Path(home)),
                                timeout=timeout, check=False)
        seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"the frozen self-test FAILED (exit {result.returncode})")
    return seconds


def _next_iso_week() -> str:
    from datetime import date, timedelta

    year, week, _ = (date.today() + timedelta(days=7)).isocalendar()
    return f"{year}-W{week:02d}"


def _this_quarter() -> str:
    from datetime import date

    today = date.today()
    return f"{today.year}Q{(today.month - 1) // 3 + 1}"


def run_smoke_checks(timeout: float = 300.0) -> list[tuple[str, float]]:
    """What the self-test does not reach, run from the bundle: Alembic migrations from their
    bundled files, the PostgreSQL driver, both OR-Tools solvers (CP-SAT, which imports pandas,
    and the LP with SciPy's assignment), the demo builder and the quarterly pack printed in
    English and Chinese (the compiled .qm files). Raises SystemExit on the first failure."""
    import tempfile

    timings: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="floorwalker-smoke-") as tmp:
        home = Path(tmp)
        env = frozen_env(home)

        def run(label: str, *args: str | Path, ok: tuple[int, ...] = (0,), expect: str = "") -> str:
            start = time.perf_counter()
            result = subprocess.run([str(executable()), *map(str, args)], env=env, capture_output=True,
                                    text=True, timeout=timeout, check=False)
            seconds = time.perf_counter() - start
            output = result.stdout + result.stderr
            broken = next((m for m in ("Traceback", "ImportError", "No module named") if m in output), None)
            if result.returncode not in ok or broken or expect not in output:
                raise SystemExit(f"frozen check FAILED: {label} (exit {result.returncode})\n"
                                 f"  {executable().name} {' '.join(map(str, args))}\n{output[-3000:]}")
            print(f"  ok  {label}  ({seconds:.1f} s)", flush=True)
            timings.append((label, seconds))
            return output

        fresh = home / "fresh.db"
        run("migrations create the schema on a fresh SQLite file", "db", "upgrade", "--db", fresh)
        run("the schema is at the head revision", "db", "status", "--db", fresh, expect="up to date")
        run("the PostgreSQL driver loads (a closed port gives a clear message)",
            "db", "status", "--db", "postgresql+psycopg://floorwalker@127.0.0.1:9/none", ok=(2,),
            expect="127.0.0.1:9")
        instance = ROOT / "tests" / "fixtures" / "rota" / "Instance1.txt"
        if instance.exists():
            run("CP-SAT solves a benchmark instance", "rota", "solve-instance", instance,
                "--time-limit", "30", expect="feasible")
        demo = home / "demo.db"
        run("a small demo center", "demo", "--db", demo, "--agents", "16", "--weeks", "2", "--seed", "7")
        run("a week's rota (LP, assignment)", "rota", "solve", "--db", demo, "--week", _next_iso_week(),
            "--time-limit", "10", ok=(0, 1))
        packs = {}
        for lang in ("en", "zh_CN"):
            packs[lang] = home / f"quarter_{lang}.pdf"
            run(f"the quarterly pack printed in {lang}", "report", "quarterly", "--db", demo,
                "--quarter", _this_quarter(), "--out", packs[lang], "--lang", lang)
            if not packs[lang].exists() or packs[lang].stat().st_size < 1000:
                raise SystemExit(f"frozen check FAILED: the {lang} quarterly pack PDF was not written")
        pdftotext = shutil.which("pdftotext")
        if pdftotext:
            # the demo's people have Chinese names in both packs: the Chinese one must have more
            # Chinese text, which only the compiled translations can give it
            def cjk(pdf: Path) -> int:
                text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True,
                                      check=False).stdout
                return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u2f00" <= ch <= "\u2fdf")

            english, chinese = cjk(packs["en"]), cjk(packs["zh_CN"])
            if chinese < english + 50:
                raise SystemExit(f"frozen check FAILED: the zh_CN pack has {chinese} Chinese characters, "
                                 f"the English one {english} (are the .qm files in the bundle?)")
            print(f"  ok  the zh_CN pack is in Chinese ({chinese} Chinese characters, English pack "
                  f"{english})", flush=True)
    return timings


def platform_tag() -> str:
    import platform

    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("aarch64", "arm64")
    return f"{system}-{machine}"


def make_archive() -> Path:
    """The bundle as one file to hand out: .tar.gz on Linux (symlinks kept), .zip on Windows,
    a .dmg of Floorwalker.app on macOS (a .zip when hdiutil is missing)."""
    name = f"floorwalker-{project_version()}-{platform_tag()}"
    app_bundle = DIST / "Floorwalker.app"
    if sys.platform == "darwin" and app_bundle.exists():
        hdiutil = shutil.which("hdiutil")
        if hdiutil:
            target = DIST / f"{name}.dmg"
            target.unlink(missing_ok=True)
            subprocess.run([hdiutil, "create", "-volname", "Floorwalker", "-srcfolder", str(app_bundle),
                            "-ov", "-format", "UDZO", str(target)], check=True)
            return target
        return Path(shutil.make_archive(str(DIST / name), "zip", DIST, app_bundle.name))
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(DIST / name), "zip", DIST, APP))
    import tarfile

    target = DIST / f"{name}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle_dir(), arcname=name)  # symlinks stay symlinks
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean", action="store_true",
                        help="remove build/ and dist/ output of earlier builds (and PyInstaller's cache)")
    parser.add_argument("--no-strip", action="store_true", help="keep the libraries' symbol tables (Linux)")
    parser.add_argument("--skip-selftest", action="store_true", help="do not run the frozen self-test")
    parser.add_argument("--archive", action="store_true",
                        help="also pack the bundle into one file in dist/ (.tar.gz, .zip or .dmg)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.clean:
        for path in (GENERATED, WORK, bundle_dir(), DIST / "Floorwalker.app"):
            shutil.rmtree(path, ignore_errors=True)
    prepare()
    run_pyinstaller(args.clean)
    if not executable().exists():
        raise SystemExit(f"PyInstaller produced no {executable()}")
    if not args.no_strip:
        saved = strip_binaries(bundle_dir())
        if saved:
            print(f"stripped symbol tables from the libraries: {saved / 1e6:.0f} MB saved")
    linked = link_duplicates(bundle_dir())
    if linked:
        print(f"linked identical libraries: {linked / 1e6:.1f} MB saved")
    build_seconds = time.perf_counter() - started
    size = tree_size(bundle_dir())
    print(f"bundle: {bundle_dir()}  {size / 1e6:.0f} MB, "
          f"{sum(1 for p in bundle_dir().rglob('*') if p.is_file())} files; built in {build_seconds:.0f} s")
    if not args.skip_selftest:
        seconds = run_selftest()
        print(f"frozen self-test passed in {seconds:.2f} s (wall time, demo included)")
        print("frozen smoke checks:", flush=True)
        run_smoke_checks()
    if args.archive:
        archive = make_archive()
        print(f"archive: {archive}  {archive.stat().st_size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
