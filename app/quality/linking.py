"""Link recording files in a folder to interactions (Asterisk MixMonitor names, or a CDR's file column).

File names understood (any audio extension: wav, WAV, gsm, mp3, ogg, wav49):

* FreePBX/MixMonitor: ``<kind>-<a>-<b>-<YYYYMMDD>-<HHMMSS>-<uniqueid>.wav`` where kind is
  ``q`` (queue calls: ``q-<queue>-<callerid>-...``), ``in``, ``out``, ``external``, ``exten``,
  ``rg``, ``conf``, ``ondemand`` (fields may be empty, callerids may carry ``+``);
* the MixMonitor default ``<uniqueid>.wav`` (``1700000000.123.wav``);
* a CDR row naming its file (``recordingfile`` column, or a ``userfield`` ending in an audio
  extension): the row's uniqueid is linked to that name, and a missing file is reported as such.

An interaction is found by its ``external_id`` (the CDR and queue_log importers store the
Asterisk uniqueid there). Every file is checked (:func:`app.quality.recordings.check_file`); a
missing, empty or undecodable file is listed with its reason and its finding is stored, so the
draw will not offer it; every other file is linked (``recording_ref`` relative to the recordings
folder when it is inside it, else absolute; ``recording_sec`` from the WAV header). Nothing stops
at a bad file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.changes import Changes, record
from app.quality import recordings as rec
from db.models import Interaction

AUDIO = ("wav", "gsm", "mp3", "ogg", "wav49", "sln", "ulaw", "alaw")
_UNIQUEID = r"(?P<uniqueid>\d{6,}\.\d+)"
_MIXMONITOR = re.compile(
    r"^(?P<kind>q|in|out|external|exten|rg|conf|ondemand|force)-(?P<a>[^-]*)-(?P<b>[^-]*)-"
    r"(?P<date>\d{8})-(?P<time>\d{6})-" + _UNIQUEID + r"\.(?P<ext>[A-Za-z0-9]+)$", re.I)
_DEFAULT = re.compile(r"^" + _UNIQUEID + r"\.(?P<ext>[A-Za-z0-9]+)$")


@dataclass(frozen=True)
class ParsedName:
    uniqueid: str
    kind: str  # q / in / out ... or "uniqueid"
    queue: str | None = None
    callerid: str | None = None


def parse_name(name: str) -> ParsedName | None:
    """What a recording's file name says; None when it is not a recording name we know."""
    m = _MIXMONITOR.match(name)
    if m and m.group("ext").lower() in AUDIO:
        kind = m.group("kind").lower()
        return ParsedName(m.group("uniqueid"), kind, m.group("a") if kind == "q" else None, m.group("b") or None)
    m = _DEFAULT.match(name)
    if m and m.group("ext").lower() in AUDIO:
        return ParsedName(m.group("uniqueid"), "uniqueid")
    return None


@dataclass
class LinkReport:
    folder: Path
    files: int = 0
    linked: int = 0
    already: int = 0
    unmatched: list[str] = field(default_factory=list)  # a recording name with no interaction
    unrecognised: list[str] = field(default_factory=list)  # not a recording name we know
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (file, status, detail)
    changes: Changes = Changes.NONE

    def to_json(self) -> dict[str, Any]:
        return {"folder": str(self.folder), "files": self.files, "linked": self.linked, "already": self.already,
                "unmatched": self.unmatched, "unrecognised": self.unrecognised,
                "problems": [{"file": f, "status": s, "detail": d} for f, s, d in self.problems]}

    def text(self) -> str:
        lines = [f"Recordings in {self.folder}: {self.files} files, {self.linked} linked, "
                 f"{self.already} already linked, {len(self.problems)} unusable, {len(self.unmatched)} without "
                 f"an interaction, {len(self.unrecognised)} not recording names"]
        for f, status, detail in self.problems[:50]:
            lines.append(f"  {f}: {status} ({detail})")
        for f in self.unmatched[:20]:
            lines.append(f"  {f}: no interaction with this unique id")
        for f in self.unrecognised[:20]:
            lines.append(f"  {f}: not a MixMonitor or uniqueid file name")
        return "\n".join(lines)


def _ref(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


def link_folder(session: Session, folder: Path, *, source: str | None = None,
                expected: Mapping[str, str] | None = None) -> LinkReport:
    """Link the recordings in ``folder`` (recursively); ``expected`` maps uniqueids to file names a CDR named."""
    report = LinkReport(folder)
    root = rec.recordings_root(session)
    by_uid: dict[str, Path] = {}
    by_name: dict[str, Path] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        report.files += 1
        by_name.setdefault(path.name, path)
        parsed = parse_name(path.name)
        if parsed is None:
            if path.suffix.lower().lstrip(".") in AUDIO and not (expected and path.name in expected.values()):
                report.unrecognised.append(path.name)
            continue
        by_uid.setdefault(parsed.uniqueid, path)
    wanted: dict[str, Path] = dict(by_uid)
    for uid, name in (expected or {}).items():
        if name:
            wanted[uid] = by_name.get(Path(name).name, folder / Path(name).name)
    uids = sorted(wanted)
    interactions: dict[str, tuple[int, str | None]] = {}
    for start in range(0, len(uids), 500):
        query = select(Interaction.external_id, Interaction.id, Interaction.recording_ref).where(
            Interaction.external_id.in_(uids[start:start + 500]))
        if source:
            query = query.where(Interaction.source == source)
        for ext, iid, ref in session.execute(query):
            interactions[ext] = (iid, ref)
    checks = []
    for uid in uids:
        path = wanted[uid]
        hit = interactions.get(uid)
        if hit is None:
            if uid in by_uid:
                report.unmatched.append(path.name)
            continue
        iid, old_ref = hit
        check = rec.check_file(path)
        checks.append((iid, check))
        if not check.ok:
            report.problems.append((path.name, check.status, check.detail or check.status))
            continue
        ref = _ref(root, path)
        if old_ref == ref:
            report.already += 1
            continue
        values: dict[str, Any] = {"recording_ref": ref}
        if check.duration_sec is not None:
            values["recording_sec"] = round(check.duration_sec, 2)
        session.execute(update(Interaction).where(Interaction.id == iid).values(**values))
        report.linked += 1
    rec.store_checks(session, checks)
    if report.linked or checks:
        report.changes = record(session, Changes.INTERACTIONS | Changes.QA)
    return report
