"""Pseudo-translation: every text of the console lengthened by about 40 % and accented, to find
clipped labels and layouts that only fit English (Settings ▸ Language ▸ Pseudo-translation, or
``FLOORWALKER_PSEUDO=1``).

Built at start-up from the Qt Linguist sources (every message of ``ts_sources()``, translated or
not): "Publish this week…" becomes "[Þûƀļîšĥ ţĥîš ŵééķ… ·····]". Placeholders (%1, %n, {name},
{n:,}), HTML tags and entities, and the key after an accelerator "&" are kept as they are. The
result is compiled with lrelease into the data folder (again only when a source changes) and
installed like a real language; numbers and dates stay English.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path
from xml.etree import ElementTree as ET

from app.config import data_dir

log = logging.getLogger(__name__)

ENV = "FLOORWALKER_PSEUDO"
LOCALE = "pseudo"
GROWTH = 0.4
ACCENTS = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ", strict=True))
# kept verbatim: %1 %n %L1, {name} {n:,}, <tags>, &entities;, "&&", and "&X" accelerators
PROTECTED = re.compile(r"%L?\d+|%n|\{[A-Za-z_][A-Za-z0-9_]*(?::[^}]*)?\}|<[^>]*>|&[a-zA-Z]+;|&#\d+;|&&|&.")


def pseudo(text: str) -> str:
    """``text`` accented and about 40 % longer, every placeholder, tag and accelerator kept."""
    if not text.strip():
        return text
    out: list[str] = []
    letters = 0
    pos = 0
    for m in PROTECTED.finditer(text):
        chunk = text[pos:m.start()]
        out.append("".join(ACCENTS.get(c, c) for c in chunk))
        letters += sum(c.isalpha() for c in chunk)
        out.append(m.group())
        pos = m.end()
    chunk = text[pos:]
    out.append("".join(ACCENTS.get(c, c) for c in chunk))
    letters += sum(c.isalpha() for c in chunk)
    pad = "·" * max(1, round(letters * GROWTH))
    body = "".join(out)
    if "\n" in body:  # a multi-line text keeps its lines: the padding goes on the first
        first, rest = body.split("\n", 1)
        return f"[{first} {pad}]\n{rest}"
    return f"[{body} {pad}]"


def pseudo_ts(sources: list[Path], target: Path) -> int:
    """Write one .ts file holding every message of ``sources`` with its pseudo text; the count."""
    root = ET.Element("TS", version="2.1", language="en_US", sourcelanguage="en")
    count = 0
    for source in sources:
        for context in ET.parse(source).getroot().iter("context"):
            out_ctx = ET.SubElement(root, "context")
            ET.SubElement(out_ctx, "name").text = context.findtext("name") or ""
            for message in context.iter("message"):
                text = message.findtext("source") or ""
                out_msg = ET.SubElement(out_ctx, "message")
                ET.SubElement(out_msg, "source").text = text
                comment = message.findtext("comment")
                if comment:
                    ET.SubElement(out_msg, "comment").text = comment
                ET.SubElement(out_msg, "translation").text = pseudo(text)
                count += 1
    target.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(target, encoding="utf-8", xml_declaration=True)
    return count


def pseudo_qm() -> Path | None:
    """The compiled pseudo catalogue (built now if the sources changed); None without lrelease."""
    from ui.translations import compile_qm, lrelease, ts_sources

    sources = [p for files in ts_sources().values() for p in files]
    if not sources:
        return None
    # one language's files hold every message; the first locale is enough
    first = next(iter(ts_sources().values()))
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in first)).hexdigest()[:16]
    folder = data_dir() / "translations" / f"pseudo-{digest}"
    qm = folder / "floorwalker_pseudo.qm"
    if qm.exists():
        return qm
    tool = lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found: no pseudo-translation")
        return None
    ts = folder / "floorwalker_pseudo.ts"
    pseudo_ts(first, ts)
    return qm if compile_qm(tool, [ts], qm) is not None and qm.exists() else None
