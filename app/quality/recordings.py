"""Recordings of interactions: where the file is, whether it can be played, and the playback audit.

* A ``recording_ref`` is a path: absolute, or relative to the recordings folder (the
  ``recordings.root`` setting, else ``<data folder>/recordings``).
* :func:`check_file` looks at one file: **missing**, **empty** (0 bytes), **undecodable** (a WAV
  without a RIFF/WAVE header, one whose header cannot be read or with no audio frames; raw GSM
  whose size is not a whole number of 33-byte frames; an MP3 or Ogg file without its header) or
  **ok** (with its duration for PCM WAV; GSM-in-WAV, Asterisk's ``wav49``, is accepted on its header).
* What was found is kept in ``qa_recording_checks`` so a draw does not offer an interaction
  whose recording is known to be broken, and the Quality screen can say why.
* Every playback is written to the audit log (R-SEC-3): :func:`record_playback`, which the
  player calls each time the user starts a recording.
"""

from __future__ import annotations

import os
import wave
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app import audit, clock
from app.actor import Actor
from app.changes import Changes, record
from app.config import data_dir
from app.i18n import N_, Message
from app.security.permissions import PermissionDenied, require, row_scope
from db.models import Interaction, QaCalibration, QaRecordingCheck, QaSample, Setting

RECORDINGS_SETTING = "recordings.root"
OK, MISSING, EMPTY, UNDECODABLE = "ok", "missing", "empty", "undecodable"
STATUS_LABELS = {OK: N_("Playable"), MISSING: N_("File missing"), EMPTY: N_("File is empty"),
                 UNDECODABLE: N_("Cannot be decoded")}


@dataclass(frozen=True)
class FileCheck:
    status: str
    path: Path
    size_bytes: int | None = None
    duration_sec: float | None = None
    detail: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == OK


def recordings_root(session: Session) -> Path:
    row = session.get(Setting, RECORDINGS_SETTING)
    if row is not None and row.value:
        return Path(str(row.value)).expanduser()
    return data_dir() / "recordings"


def resolve(root: Path, ref: str) -> Path:
    path = Path(ref)
    return path if path.is_absolute() else root / path


def check_file(path: Path) -> FileCheck:
    """Look at one recording file (never raises for a bad file: the status says what is wrong)."""
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        return FileCheck(MISSING, path, detail=N_("no such file"))
    except OSError as exc:
        return FileCheck(MISSING, path, detail=str(exc))
    if not path.is_file():
        return FileCheck(MISSING, path, detail=N_("not a file"))
    if size == 0:
        return FileCheck(EMPTY, path, size_bytes=0, detail=N_("the file is empty (0 bytes)"))
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as fh:
            head = fh.read(12)
    except OSError as exc:
        return FileCheck(MISSING, path, size_bytes=size, detail=str(exc))
    if suffix in (".wav", ".wav49"):
        if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            return FileCheck(UNDECODABLE, path, size_bytes=size, detail=N_("not a WAV file (no RIFF/WAVE header)"))
        try:
            with wave.open(str(path), "rb") as w:
                frames, rate = w.getnframes(), w.getframerate()
        except wave.Error as exc:
            if "unknown format" in str(exc):  # GSM in WAV (Asterisk's wav49): playable, length not read here
                return FileCheck(OK, path, size_bytes=size)
            return FileCheck(UNDECODABLE, path, size_bytes=size, detail=f"not a readable WAV file: {exc}")
        except (EOFError, OSError) as exc:
            return FileCheck(UNDECODABLE, path, size_bytes=size, detail=f"not a readable WAV file: {exc}")
        if frames <= 0 or rate <= 0:
            return FileCheck(UNDECODABLE, path, size_bytes=size, detail=N_("the WAV file holds no audio"))
        return FileCheck(OK, path, size_bytes=size, duration_sec=frames / rate)
    problem = _sniff(suffix, head, size)
    if problem:
        return FileCheck(UNDECODABLE, path, size_bytes=size, detail=problem)
    return FileCheck(OK, path, size_bytes=size)


def _sniff(suffix: str, head: bytes, size: int) -> str | None:
    """A cheap look at the first bytes of formats Asterisk writes besides WAV; None: looks right."""
    if suffix == ".gsm" and size % 33:
        return N_("not raw GSM audio (the size is not a whole number of 33-byte frames)")
    if suffix == ".mp3" and not (head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)):
        return N_("not an MP3 file (no ID3 tag or frame header)")
    if suffix == ".ogg" and head[:4] != b"OggS":
        return N_("not an Ogg file (no OggS header)")
    return None


def store_checks(session: Session, checks: Iterable[tuple[int, FileCheck]], at: datetime | None = None) -> int:
    """Remember what was found for each interaction (replacing an older finding)."""
    rows = [{"interaction_id": iid, "status": c.status, "path": str(c.path)[:400], "size_bytes": c.size_bytes,
             "duration_sec": c.duration_sec, "detail": c.detail, "checked_at": at or clock.now()}
            for iid, c in checks]
    for start in range(0, len(rows), 500):
        chunk = rows[start:start + 500]
        session.execute(delete(QaRecordingCheck).where(
            QaRecordingCheck.interaction_id.in_([r["interaction_id"] for r in chunk])))
        session.execute(insert(QaRecordingCheck), chunk)
    return len(rows)


@dataclass(frozen=True)
class PlayableRecording:
    interaction_id: int
    path: Path
    check: FileCheck


def open_recording(session: Session, actor: Actor, interaction_id: int) -> PlayableRecording:
    """The file to play for an interaction the actor may see; checks it and audits the playback (R-SEC-3).

    Raises PermissionDenied (role or scope), ValueError (no recording, or a file that cannot be
    played: the message names the interaction and what is wrong; the finding is stored).
    """
    require(actor, "recording.play")
    query = select(Interaction.recording_ref).where(Interaction.id == interaction_id)
    clause = row_scope(session, actor).interaction_clause()
    found = session.execute(query.where(clause) if clause is not None else query).first()
    if found is None:
        if session.get(Interaction, interaction_id) is None:
            raise ValueError(Message(N_("Interaction {interaction_id} does not exist."), interaction_id=interaction_id))
        if not _assigned(session, actor, interaction_id):
            raise PermissionDenied(actor, "recording.play")
        found = session.execute(query).first()
        assert found is not None
    if not found[0]:
        raise ValueError(Message(N_("Interaction {interaction_id} has no recording."), interaction_id=interaction_id))
    path = resolve(recordings_root(session), found[0])
    check = check_file(path)
    store_checks(session, [(interaction_id, check)])
    if not check.ok:
        raise ValueError(Message(N_("The recording of interaction {interaction_id} cannot be played: {value} ({path})."), interaction_id=interaction_id, value=check.detail or check.status, path=path))
    record_playback(session, actor, interaction_id, action="play")
    return PlayableRecording(interaction_id, path, check)


def _assigned(session: Session, actor: Actor, interaction_id: int) -> bool:
    """Outside their teams, a reviewer may play what they were given: a sample or a calibration."""
    if actor.person_id is None:
        return False
    if session.scalar(select(QaSample.id).where(QaSample.interaction_id == interaction_id,
                                                QaSample.reviewer_id == actor.person_id).limit(1)) is not None:
        return True
    return any(actor.person_id in (ids or []) for ids in session.scalars(
        select(QaCalibration.reviewer_ids).where(QaCalibration.interaction_id == interaction_id)))


def record_playback(session: Session, actor: Actor, interaction_id: int, *, action: str = "play",
                    position_sec: float | None = None) -> Changes:
    """One audit row per playback (R-SEC-3): who, desk, when, which interaction's recording."""
    require(actor, "recording.play")
    after: dict[str, object] = {"interaction_id": interaction_id}
    if position_sec is not None:
        after["position_sec"] = round(float(position_sec), 1)
    audit.record(session, actor, action, "recording", interaction_id, after=after)
    return record(session, Changes.AUDIT)
