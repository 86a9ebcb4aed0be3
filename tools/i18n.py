"""The translation catalogue: find every translatable string, keep the Qt Linguist files in step.

Floorwalker marks user-visible strings in four ways, and this tool reads all of them from the
source (Python's ``ast``, no import, no Qt):

* ``self.tr("Text")`` in a class: PySide6 looks the text up under the *runtime* class name, so the
  message is filed under the class and under every subclass of it found in ``ui/``;
* a module's ``tr("Text")`` wrapper (``def tr(text): return QCoreApplication.translate(CTX, text)``),
  also when imported from another module;
* ``QCoreApplication.translate(CTX, "Text")`` and ``QT_TRANSLATE_NOOP(CTX, "Text")``;
* ``N_("Text")`` (app/i18n.py) for constants outside Qt, looked up under ``floorwalker``.

Catalogue layout: ``resources/translations/<locale>/<area>.ts``, one file per area of the console
(``live.ts``, ``schedule.ts`` … ``shell.ts`` for the window and shared widgets, ``app.ts`` for the
N_() constants of app/). All files of a locale compile into one ``floorwalker_<locale>.qm``. A
message belongs to the first area that uses it, so no two files hold the same message.

    python3 tools/i18n.py update            # write the .ts files from the source, keeping translations
    python3 tools/i18n.py check [--area A]  # unmarked literals in ui/ and unfinished translations
    python3 tools/i18n.py todo --area A     # the area's unfinished messages as JSON, to translate
    python3 tools/i18n.py fill FILE.json    # write translations from such JSON into the .ts files
    python3 tools/i18n.py stats             # messages and unfinished ones per area

``check`` also finds user-visible literals that never pass through translation: a string with
letters given to a Qt text setter or widget constructor (``setText``, ``setToolTip``, ``QLabel``,
``addTab`` …), and f-strings inside ``tr()``. A literal that must stay as it is (a format, a
product name) is marked with ``# notr`` at the end of its line.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import fcntl
import functools
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LOCALES = ("zh_CN",)
DEFAULT_CONTEXT = "floorwalker"  # app/i18n.py TRANSLATION_CONTEXT

# Qt calls whose given positional arguments are shown to the user.
TEXT_CALLS: dict[str, tuple[int, ...]] = {
    "setText": (0,), "setToolTip": (0,), "setStatusTip": (0,), "setWhatsThis": (0,),
    "setWindowTitle": (0,), "setPlaceholderText": (0,), "setTitle": (0,), "setLabelText": (0,),
    "setTabText": (1,), "setTabToolTip": (1,), "addTab": (1, 2), "insertTab": (2, 3),
    "setSuffix": (0,), "setPrefix": (0,), "setSpecialValueText": (0,), "showMessage": (0,),
    "addAction": (0, 1), "addMenu": (0, 1), "addItem": (0,), "insertItem": (1,),
    "setHorizontalHeaderLabels": (0,), "setVerticalHeaderLabels": (0,), "setHeaderLabels": (0,),
    "addItems": (0,), "addRow": (0,), "setButtonText": (1,), "setInformativeText": (0,),
    "setDetailedText": (0,), "setAccessibleName": (0,), "setItemText": (1,), "setNameFilter": (0,),
    "QLabel": (0,), "QPushButton": (0, 1), "QCheckBox": (0,), "QRadioButton": (0,),
    "QGroupBox": (0,), "QAction": (0, 1), "QMenu": (0,), "QToolButton": (), "QCommandLinkButton": (0, 1),
    "information": (1, 2), "warning": (1, 2), "critical": (1, 2), "question": (1, 2), "about": (1, 2),
    "getText": (1, 2), "getInt": (1, 2), "getDouble": (1, 2), "getItem": (1, 2), "getMultiLineText": (1, 2),
    "getSaveFileName": (1, 3), "getOpenFileName": (1, 3), "getExistingDirectory": (1,),
    "QMessageBox": (1, 2), "QTreeWidgetItem": (0,), "QListWidgetItem": (0, 1), "QStandardItem": (0, 1),
    "QTableWidgetItem": (0,),
}
TEXT_KEYWORDS = {"text", "toolTip", "title", "windowTitle", "placeholderText", "statusTip"}
WORD = re.compile(r"[A-Za-z]{2,}")
NOTR = "# notr"


def area_of(path: Path) -> str:
    rel = path.relative_to(ROOT).parts
    if rel[0] == "app":
        return "app"
    if len(rel) == 2 or rel[1] in ("widgets", "palette", "help"):
        return "shell"
    return {"review": "reports"}.get(rel[1], rel[1])


@dataclass(frozen=True)
class Key:
    context: str
    source: str
    comment: str = ""


@dataclass
class Found:
    messages: dict[Key, list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    unmarked: list[tuple[str, int, str]] = field(default_factory=list)  # file, line, text
    problems: list[tuple[str, int, str]] = field(default_factory=list)


# --------------------------------------------------------------------------- reading the source

class Module:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.text = path.read_text(encoding="utf-8")
        self.tree = ast.parse(self.text, filename=str(path))
        self.lines = self.text.splitlines()
        self.name = ".".join(path.relative_to(ROOT).with_suffix("").parts)

    @functools.cached_property
    def constants(self) -> dict[str, str]:
        out = {}
        for node in self.tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                    and isinstance(node.value.value, str):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        out[target.id] = node.value.value
        return out

    @functools.cached_property
    def imports(self) -> dict[str, tuple[str, str]]:
        out = {}
        for node in self.tree.body:
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    out[alias.asname or alias.name] = (node.module, alias.name)
        return out


class Source:
    """Every module of app/ and ui/, with names resolved across imports."""

    def __init__(self) -> None:
        self.modules: dict[str, Module] = {}
        self._wrappers: dict[str, dict[str, str]] = {}
        for folder in ("app", "ui"):
            for path in sorted((ROOT / folder).rglob("*.py")):
                module = Module(path)
                self.modules[module.name] = module
        self.bases: dict[str, set[str]] = defaultdict(set)
        for module in self.modules.values():
            if module.name.startswith("ui."):
                for node in ast.walk(module.tree):
                    if isinstance(node, ast.ClassDef):
                        for base in node.bases:
                            name = base.id if isinstance(base, ast.Name) else \
                                base.attr if isinstance(base, ast.Attribute) else None
                            if name:
                                self.bases[node.name].add(name)
        self.children: dict[str, set[str]] = defaultdict(set)
        for child, parents in self.bases.items():
            for parent in parents:
                self.children[parent].add(child)

    @functools.cache  # noqa: B019 - one Source per run
    def descendants(self, cls: str) -> list[str]:
        seen, todo = {cls}, [cls]
        while todo:
            for child in self.children.get(todo.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return sorted(seen)

    def constant(self, module: Module, name: str, depth: int = 0) -> str | None:
        if name in module.constants:
            return module.constants[name]
        origin = module.imports.get(name)
        if origin and depth < 5 and origin[0] in self.modules:
            return self.constant(self.modules[origin[0]], origin[1], depth + 1)
        if origin and origin[0] == "app.i18n" and origin[1] == "TRANSLATION_CONTEXT":
            return DEFAULT_CONTEXT
        return None

    def wrappers(self, module: Module, depth: int = 0) -> dict[str, str]:
        """Module-level functions ``f(text)`` returning ``translate(CTX, text)``: name -> CTX."""
        if module.name in self._wrappers:
            return self._wrappers[module.name]
        out: dict[str, str] = {}
        for node in module.tree.body:
            if isinstance(node, ast.FunctionDef) and node.args.args:
                param = node.args.args[0].arg
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Call) \
                            and _callee(ret.value) == "translate" and len(ret.value.args) >= 2 \
                            and isinstance(ret.value.args[1], ast.Name) and ret.value.args[1].id == param:
                        ctx = self.value(module, ret.value.args[0])
                        if ctx is not None:
                            out[node.name] = ctx
        if depth < 5:
            for local, (origin, name) in module.imports.items():
                if origin in self.modules:
                    theirs = self.wrappers(self.modules[origin], depth + 1)
                    if name in theirs:
                        out[local] = theirs[name]
        self._wrappers[module.name] = out
        return out

    def value(self, module: Module, node: ast.AST) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return self.constant(module, node.id)
        return None


def _callee(call: ast.Call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _literal_text(node: ast.AST) -> list[ast.AST]:
    """The literal strings (and f-strings) a displayed argument is made of."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node]
    if isinstance(node, ast.JoinedStr):
        return [node]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [n for el in node.elts for n in _literal_text(el)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal_text(node.left) + _literal_text(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_text(node.body) + _literal_text(node.orelse)
    return []


def _shown_text(node: ast.AST) -> str:
    if isinstance(node, ast.Constant):
        return node.value
    return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))


def _visible(text: str) -> bool:
    stripped = re.sub(r"<[^>]+>|&[a-z]+;|%\d|\{[^}]*\}", " ", text)
    return bool(WORD.search(stripped))


class Extractor(ast.NodeVisitor):
    def __init__(self, source: Source, module: Module, found: Found) -> None:
        self.source, self.module, self.found = source, module, found
        self.classes: list[str] = []
        self.wrappers = source.wrappers(module)
        self.ui = module.name.startswith("ui.")
        self.rel = str(module.path.relative_to(ROOT))

    def add(self, contexts: list[str], node: ast.Call, text_arg: int) -> None:
        if len(node.args) <= text_arg:
            return
        arg = node.args[text_arg]
        if isinstance(arg, ast.JoinedStr):
            self.found.problems.append((self.rel, node.lineno, "f-string inside a translation call"))
            return
        text = self.source.value(self.module, arg) if isinstance(arg, ast.Constant) else None
        if text is None:
            return  # a variable: its value is marked where it is defined
        comment = ""
        if len(node.args) > text_arg + 1:
            comment = self.source.value(self.module, node.args[text_arg + 1]) or ""
        for ctx in contexts:
            self.found.messages[Key(ctx, text, comment)].append((self.rel, node.lineno))

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = _callee(node)
        translating = False
        if isinstance(node.func, ast.Attribute) and name == "tr" and isinstance(node.func.value, ast.Name) \
                and node.func.value.id in ("self", "cls") and self.classes:
            self.add(self.source.descendants(self.classes[-1]), node, 0)
            translating = True
        elif isinstance(node.func, ast.Name) and name in self.wrappers:
            self.add([self.wrappers[name]], node, 0)
            translating = True
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
            ctx = self.source.value(self.module, node.args[0])
            if ctx is not None:
                self.add([ctx], node, 1)
            translating = True
        elif name == "N_":
            self.add([DEFAULT_CONTEXT], node, 0)
            translating = True
        if self.ui and not translating and name in TEXT_CALLS:
            self.check_shown(node, TEXT_CALLS[name])
        self.generic_visit(node)

    def check_shown(self, node: ast.Call, positions: tuple[int, ...]) -> None:
        args = [node.args[i] for i in positions if i < len(node.args)]
        args += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
        for arg in args:
            for lit in _literal_text(arg):
                text = _shown_text(lit)
                line = self.module.lines[lit.lineno - 1] if lit.lineno <= len(self.module.lines) else ""
                if _visible(text) and NOTR not in line:
                    self.found.unmarked.append((self.rel, lit.lineno, text))


def extract() -> Found:
    source = Source()
    found = Found()
    for module in source.modules.values():
        Extractor(source, module, found).visit(module.tree)
    return found


# --------------------------------------------------------------------------- the .ts files

@dataclass
class Entry:
    translation: str
    finished: bool


def read_ts(path: Path) -> dict[Key, Entry]:
    out: dict[Key, Entry] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            key = Key(name, msg.findtext("source") or "", msg.findtext("comment") or "")
            tr = msg.find("translation")
            text = (tr.text or "") if tr is not None else ""
            kind = tr.get("type", "") if tr is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            out[key] = Entry(text, kind != "unfinished" and bool(text))
    return out


def read_locale(locale: str) -> dict[Path, dict[Key, Entry]]:
    folder = TRANSLATIONS / locale
    files = sorted(folder.glob("*.ts")) if folder.is_dir() else []
    legacy = TRANSLATIONS / f"floorwalker_{locale}.ts"
    if legacy.exists():
        files.append(legacy)
    return {p: read_ts(p) for p in files}


def write_ts(path: Path, locale: str, entries: dict[Key, Entry]) -> None:
    by_ctx: dict[str, list[tuple[Key, Entry]]] = defaultdict(list)
    for key, entry in entries.items():
        by_ctx[key.context].append((key, entry))
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
           f'<TS version="2.1" language="{locale}" sourcelanguage="en">']
    for ctx in sorted(by_ctx):
        out.append("<context>")
        out.append(f"    <name>{_esc(ctx)}</name>")
        for key, entry in sorted(by_ctx[ctx], key=lambda ke: (ke[0].source, ke[0].comment)):
            out.append("    <message>")
            out.append(f"        <source>{_esc(key.source)}</source>")
            if key.comment:
                out.append(f"        <comment>{_esc(key.comment)}</comment>")
            kind = "" if entry.finished else ' type="unfinished"'
            out.append(f"        <translation{kind}>{_esc(entry.translation)}</translation>")
            out.append("    </message>")
        out.append("</context>")
    out.append("</TS>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def areas_of(found: Found) -> dict[Key, str]:
    """Each message's area: the first file (in path order) that uses it."""
    out = {}
    for key, places in found.messages.items():
        first = min(places)
        out[key] = area_of(ROOT / first[0])
    return out


@contextlib.contextmanager
def catalogue_lock():
    """Several people may update and fill in the same checkout: one writer at a time."""
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    with open(TRANSLATIONS / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def update(locale: str) -> dict[str, tuple[int, int]]:
    found = extract()
    with catalogue_lock():
        return _update(locale, found)


def _update(locale: str, found: Found) -> dict[str, tuple[int, int]]:
    existing = read_locale(locale)
    known: dict[Key, Entry] = {}
    memory: dict[str, str] = {}
    for entries in existing.values():
        for key, entry in entries.items():
            if entry.finished:
                known.setdefault(key, entry)
                memory.setdefault(key.source, entry.translation)
    areas = areas_of(found)
    files: dict[str, dict[Key, Entry]] = defaultdict(dict)
    for key, area in areas.items():
        entry = known.get(key)
        if entry is None and key.source in memory:
            entry = Entry(memory[key.source], True)  # the same English text, translated elsewhere
        files[area][key] = entry or Entry("", False)
    folder = TRANSLATIONS / locale
    for path in existing:
        if path.parent != folder or path.stem not in files:
            path.unlink()
    stats = {}
    for area, entries in files.items():
        write_ts(folder / f"{area}.ts", locale, entries)
        stats[area] = (len(entries), sum(not e.finished for e in entries.values()))
    return stats


def unfinished(locale: str, area: str | None = None) -> list[dict]:
    found = extract()
    areas = areas_of(found)
    have: dict[Key, Entry] = {}
    for entries in read_locale(locale).values():
        have.update(entries)
    out = []
    for key in sorted(areas, key=lambda k: (areas[k], k.context, k.source)):
        if area and areas[key] != area:
            continue
        entry = have.get(key)
        if entry is None or not entry.finished:
            out.append({"area": areas[key], "context": key.context, "source": key.source,
                        "comment": key.comment, "translation": entry.translation if entry else ""})
    return out


PLACEHOLDER = re.compile(r"%\d|\{[A-Za-z_][A-Za-z0-9_]*(?::[^}]*)?\}|%[sd]|&&|<[a-z/][^>]*>")


def placeholder_problems(locale: str) -> list[str]:
    """Translations that lose or invent a %1 / {name} / markup placeholder of their source."""
    out = []
    for path, entries in read_locale(locale).items():
        for key, entry in entries.items():
            if not entry.finished:
                continue
            want = sorted(m for m in PLACEHOLDER.findall(key.source) if not m.startswith("<"))
            got = sorted(m for m in PLACEHOLDER.findall(entry.translation) if not m.startswith("<"))
            if want != got:
                out.append(f"{path.name}: [{key.context}] {key.source!r} -> {entry.translation!r}: "
                           f"placeholders {want} vs {got}")
    return out


def fill(locale: str, items: list[dict]) -> int:
    by_key = {Key(i["context"], i["source"], i.get("comment", "")): i["translation"]
              for i in items if i.get("translation")}
    changed = 0
    with catalogue_lock():
        changed = _fill(locale, by_key)
    return changed


def _fill(locale: str, by_key: dict[Key, str]) -> int:
    changed = 0
    for path, entries in read_locale(locale).items():
        touched = False
        for key in entries:
            if key in by_key:
                entries[key] = Entry(by_key[key], True)
                touched = True
                changed += 1
        if touched:
            write_ts(path, locale, entries)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "check", "todo", "fill", "stats"))
    parser.add_argument("file", nargs="?")
    parser.add_argument("--area")
    parser.add_argument("--locale", default=LOCALES[0])
    args = parser.parse_args(argv)
    if args.command == "update":
        for area, (total, missing) in sorted(update(args.locale).items()):
            print(f"{area:16} {total:5} messages, {missing:5} unfinished")
        return 0
    if args.command == "stats":
        found = extract()
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for item in unfinished(args.locale):
            counts[item["area"]][1] += 1
        for area in areas_of(found).values():
            counts[area][0] += 1
        for area, (total, missing) in sorted(counts.items()):
            print(f"{area:16} {total:5} messages, {missing:5} unfinished")
        return 0
    if args.command == "todo":
        json.dump(unfinished(args.locale, args.area), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if args.command == "fill":
        if not args.file:
            parser.error("fill needs a JSON file")
        items = json.loads(Path(args.file).read_text(encoding="utf-8"))
        print(f"{fill(args.locale, items)} translations written")
        return 0
    found = extract()
    bad = 0
    for rel, line, text in sorted(found.unmarked):
        if args.area and area_of(ROOT / rel) != args.area:
            continue
        print(f"{rel}:{line}: not translated: {text!r}")
        bad += 1
    for rel, line, why in sorted(found.problems):
        if args.area and area_of(ROOT / rel) != args.area:
            continue
        print(f"{rel}:{line}: {why}")
        bad += 1
    for item in unfinished(args.locale, args.area):
        print(f"{args.locale}/{item['area']}.ts: unfinished [{item['context']}] {item['source']!r}")
        bad += 1
    for problem in placeholder_problems(args.locale):
        print(problem)
        bad += 1
    print(f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
