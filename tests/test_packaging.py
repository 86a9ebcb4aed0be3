"""packaging/build.py without building: translations, data files, version resource, frozen paths.

The bundle itself is built and checked (frozen selftest and smoke checks) by
``python packaging/build.py``, which CI runs after the tests.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_build():
    spec = importlib.util.spec_from_file_location("floorwalker_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build()


def _ts(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">\n'
                    "<context><name>x</name><message><source>Hello</source><translation>你好</translation>"
                    "</message></context>\n</TS>\n", encoding="utf-8")
    return path


def test_translation_groups_cover_both_layouts(tmp_path):
    single = _ts(tmp_path / "floorwalker_de.ts")
    folder = [_ts(tmp_path / "zh_CN" / name) for name in ("shell.ts", "admin.ts")]
    (tmp_path / "zh_CN" / "notes.txt").write_text("not a translation")
    (tmp_path / "empty").mkdir()

    groups = build.translation_groups(tmp_path)

    assert groups == {"floorwalker_de.qm": [single], "floorwalker_zh_CN.qm": sorted(folder)}


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None
                    and not (Path(sys.executable).parent / "pyside6-lrelease").exists(),
                    reason="pyside6-lrelease is not installed")
def test_the_repository_translations_compile_into_loadable_qm_files(tmp_path):
    from PySide6.QtCore import QTranslator

    made = build.compile_translations(tmp_path)

    assert {p.name for p in made} == set(build.translation_groups())
    assert any(p.name == "floorwalker_zh_CN.qm" for p in made)
    for qm in made:
        translator = QTranslator()
        assert translator.load(str(qm)), qm
        assert not translator.isEmpty(), qm


def test_bundle_data_carries_resources_migrations_and_compiled_translations(tmp_path):
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "floorwalker_zh_CN.qm").write_bytes(b"qm")

    datas = build.bundle_datas(tmp_path)
    shipped = {(Path(src).relative_to(ROOT).as_posix() if Path(src).is_relative_to(ROOT) else src, dest)
               for src, dest in datas}

    for dest in {d for _, d in datas}:
        assert not dest.startswith("/") and ".." not in dest
    # every migration Alembic reads, at the same place relative to db/migrate.py
    import db.migrate

    migrations = db.migrate.MIGRATIONS
    for path in list((migrations / "versions").glob("*.py")) + [migrations / "env.py"]:
        rel = path.relative_to(ROOT)
        assert (rel.as_posix(), rel.parent.as_posix()) in shipped, rel
    # every icon and style sheet the console loads through resource_path()
    for path in list((ROOT / "resources" / "icons").glob("*.svg")) + list((ROOT / "resources" / "style").glob("*.qss")):
        rel = path.relative_to(ROOT)
        assert (rel.as_posix(), rel.parent.as_posix()) in shipped, rel
    # compiled translations go where the frozen console looks; the Linguist sources do not ship
    assert (str(tmp_path / "translations" / "floorwalker_zh_CN.qm"), "resources/translations") in shipped
    assert not [src for src, _ in datas if src.endswith((".ts", ".pyc"))]


def test_version_resource_carries_the_project_version(tmp_path):
    import ast

    import app

    version = build.project_version()
    assert version == app.__version__
    path = build.write_version_info(tmp_path / "v.txt", version)

    tree = ast.parse(path.read_text(encoding="utf-8"), mode="eval")
    assert isinstance(tree.body, ast.Call) and tree.body.func.id == "VSVersionInfo"
    ffi = next(k.value for k in tree.body.keywords if k.arg == "ffi")
    fixed = {k.arg: ast.literal_eval(k.value) for k in ffi.keywords}
    assert fixed["filevers"] == fixed["prodvers"] == build.version_tuple(version)
    strings = {c.args[0].value: c.args[1].value for c in ast.walk(tree)
               if isinstance(c, ast.Call) and getattr(c.func, "id", "") == "StringStruct"}
    assert strings["ProductVersion"] == strings["FileVersion"] == version
    assert strings["OriginalFilename"] == "floorwalker.exe"


def test_pyinstaller_reads_the_version_resource(tmp_path):
    versioninfo = pytest.importorskip("PyInstaller.utils.win32.versioninfo")  # needs pefile (Windows)
    version = build.project_version()
    info = versioninfo.load_version_info_from_text_file(str(build.write_version_info(tmp_path / "v.txt", version)))
    major, minor, patch, build_no = build.version_tuple(version)
    assert (info.ffi.fileVersionMS, info.ffi.fileVersionLS) == (major << 16 | minor, patch << 16 | build_no)


def test_version_tuple_pads_and_ignores_suffixes():
    assert build.version_tuple("1.2") == (1, 2, 0, 0)
    assert build.version_tuple("2.0.1rc3") == (2, 0, 1, 3)


def test_frozen_resources_and_translations_come_from_the_bundle(tmp_path, monkeypatch):
    """In the bundle, resource_path() points into sys._MEIPASS and the shipped .qm files are used
    as they are (nothing compiled, no pyside6-lrelease needed)."""
    from resources import resource_path
    from ui import translations

    bundled = tmp_path / "resources" / "translations"
    bundled.mkdir(parents=True)
    (bundled / "floorwalker_zh_CN.qm").write_bytes(b"qm")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(translations, "lrelease", lambda: pytest.fail("compiled in a frozen bundle"))

    assert resource_path("icons", "floorwalker.svg") == tmp_path / "resources" / "icons" / "floorwalker.svg"
    assert translations.qm_directory() == bundled


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="symlinks for identical libraries: Linux only")
def test_identical_libraries_become_symlinks(tmp_path):
    payload = bytes(range(256)) * 1000
    (tmp_path / "a.libs").mkdir()
    (tmp_path / "b.libs").mkdir()
    first = tmp_path / "a.libs" / "libx.so.1"
    second = tmp_path / "b.libs" / "libx.so.1"
    other = tmp_path / "b.libs" / "liby.so.1"
    first.write_bytes(payload)
    second.write_bytes(payload)
    other.write_bytes(payload[:-1] + b"!")

    saved = build.link_duplicates(tmp_path)

    assert saved == len(payload)
    assert second.is_symlink() and second.read_bytes() == payload
    assert second.resolve() == first.resolve()
    assert not first.is_symlink() and not other.is_symlink()


def test_has_symbols_reads_elf_section_names(tmp_path):
    assert not build.has_symbols(tmp_path / "missing.so")
    text = tmp_path / "notes.so"
    text.write_text("not an ELF file")
    assert not build.has_symbols(text)
    libpython = Path(sys.executable).resolve()
    if libpython.read_bytes()[:4] == b"\x7fELF" and shutil.which("strip"):
        copy = tmp_path / "python"
        shutil.copy2(libpython, copy)
        import subprocess

        subprocess.run(["strip", "--strip-all", str(copy)], check=True)
        assert not build.has_symbols(copy)
