"""Asterisk CDR CSV (``Master.csv`` of cdr_csv) import: one row per call leg becomes an interaction.

Columns (FORMAT.md, "Asterisk CDR Master.csv"): ``accountcode, src, dst, dcontext, clid, channel,
dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags``, then
``uniqueid`` and ``userfield`` (cdr.conf ``loguniqueid``/``loguserfield``), then ``peeraccount,
linkedid, sequence`` with ``newcdrcolumns=yes``. A file without a header has 16, 17, 18 or 21
columns in that order; a file whose first row names the columns (``start``, ``end``,
``disposition`` at least) is read by name.

Mapping: offered_at = start, answered_at = answer (ANSWERED rows only), ended_at = end,
wait = answer - start (end - start when not answered), talk = billsec, outcome ANSWERED ->
answered, NO ANSWER -> abandoned, BUSY / FAILED / CONGESTION -> other. external_id = uniqueid,
else a hash of the row; queue = ``--queue`` or dcontext; agent = the peer of dstchannel
(``SIP/201-0000001a`` -> ``SIP/201``) on answered rows. CDR times are the PBX's local wall times.

Storing goes through :class:`app.feed.store.FeedStore` (the queue_log importer's writer): one
transaction per batch, idempotent by (source, external_id), queues and agents matched or created.
A bad row is never fatal: it is counted and listed with its line number.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.feed.calls import Call, FeedState
from app.feed.queue_log import MAX_EPOCH, MAX_SECONDS, MIN_EPOCH, ParseReport, decode_lines
from app.feed.store import DEFAULT_BATCH, FeedStore, ImportSummary
from app.i18n import N_
from db.database import Database

SOURCE = "cdr"
DEFAULT_QUEUE = "cdr"
BASE_COLUMNS = ("accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp",
                "lastdata", "start", "answer", "end", "duration", "billsec", "disposition", "amaflags")
POSITIONAL = {
    16: BASE_COLUMNS,
    17: (*BASE_COLUMNS, "uniqueid"),
    18: (*BASE_COLUMNS, "uniqueid", "userfield"),
    21: (*BASE_COLUMNS, "uniqueid", "userfield", "peeraccount", "linkedid", "sequence"),
}
REQUIRED = ("start", "end", "disposition")
# columns read by name; others in a header are reported as ignored (``recordingfile``: FreePBX)
KNOWN_COLUMNS = frozenset((*POSITIONAL[21], "recordingfile"))
AUDIO_SUFFIXES = (".wav", ".gsm", ".mp3", ".ogg", ".wav49")
OUTCOME = {"ANSWERED": "answered", "NO ANSWER": "abandoned", "BUSY": "other", "FAILED": "other",
           "CONGESTION": "other"}
_PEER = re.compile(r"^(?P<peer>.+?)-[0-9A-Za-z]+(?:;\d+)?$")


class CdrFormatError(ValueError):
    """The file as a whole cannot be read (a header without the start/end/disposition columns)."""


def agent_of(dstchannel: str) -> str | None:
    """The peer name of a channel: ``SIP/201-0000001a`` -> ``SIP/201``; None for no channel."""
    channel = dstchannel.strip()
    if not channel:
        return None
    match = _PEER.match(channel)
    return (match.group("peer") if match else channel)[:120]


@dataclass
class CdrSummary(ImportSummary):
    header: bool = False
    unknown_columns: tuple[str, ...] = ()  # header columns that were ignored
    recording_files: dict[str, str] = field(default_factory=dict)  # uniqueid -> file named by the row
    recordings: dict[str, Any] | None = None  # what linking --recordings DIR did (app/quality/linking.py)
    recordings_text: str = ""

    def to_json(self) -> dict[str, Any]:
        data = super().to_json()
        data.update(format="cdr", header=self.header, rows=self.report.events,
                    unknown_columns=list(self.unknown_columns))
        if self.recordings is not None:
            data["recordings"] = self.recordings
        return data

    def text(self) -> str:
        lines = super().text().split("\n")
        r = self.report
        lines[0] = (f"Read {r.lines} lines: {r.events} call rows, {r.malformed_count} malformed, "
                    f"{r.blank} blank" + (", 1 header" if self.header else ""))
        lines[1] = f"{self.calls} calls (source '{self.source}')"
        st = self.stored
        lines = [f"Stored: {st.calls_new} new interactions, {st.calls_already} already present; {st.batches} batches"
                 if line.startswith("Stored:") else line for line in lines]
        if self.unknown_columns:
            lines.insert(1, "Columns not known to the CDR importer were ignored: " + ", ".join(self.unknown_columns))
        if self.recordings_text:
            lines.append(self.recordings_text)
        return "\n".join(lines)


class CdrParser:
    """Rows of a Master.csv to :class:`Call` values; problems go to ``report``."""

    def __init__(self, report: ParseReport, tz: ZoneInfo, *, queue: str | None = None,
                 columns: Iterable[str] | None = None) -> None:
        self.report = report
        self.tz = tz
        self.queue = queue
        self.header = False
        self._names: tuple[str, ...] | None = None  # columns by name (header or --columns), else positional
        self.unknown_columns: tuple[str, ...] = ()
        self.recording_files: dict[str, str] = {}  # uniqueid -> the recording file a row names
        if columns is not None:
            self._names = self._check_names(tuple(c.strip().lower() for c in columns), "the column list")

    def parse(self, chunks: Iterable[bytes]) -> Iterator[Call]:
        for lineno, text in decode_lines(chunks, self.report):
            call = self.parse_line(text, lineno)
            if call is not None:
                yield call

    def parse_line(self, text: str, lineno: int) -> Call | None:
        report = self.report
        report.lines += 1
        if not text.strip():
            report.blank += 1
            return None
        if "\x00" in text:
            report.add_malformed(lineno, N_("the line contains NUL bytes"), text.replace("\x00", "\\0"))
            return None
        try:
            row = next(csv.reader([text]))
        except csv.Error as exc:
            report.add_malformed(lineno, N_("the row cannot be read as CSV: {error}").format(error=exc), text)
            return None
        if lineno == 1 and not self.header and self._is_header(row):
            return None
        names = self._names or POSITIONAL.get(len(row))
        if names is None or len(row) != len(names):
            want = len(self._names) if self._names else "16, 17, 18 or 21"
            report.add_malformed(lineno, N_("the row has {got} columns, expected {want}").format(
                got=len(row), want=want), text)
            return None
        reason, call = self._call(dict(zip(names, row, strict=True)), text)
        if reason:
            report.add_malformed(lineno, reason, text)
            return None
        report.events += 1
        return call

    def _is_header(self, row: list[str]) -> bool:
        names = tuple(cell.strip().lower() for cell in row)
        if not {"start", "disposition"} <= set(names):
            return False
        self._names = self._check_names(names, "the header")
        self.header = True
        return True

    def _check_names(self, names: tuple[str, ...], what: str) -> tuple[str, ...]:
        missing = [c for c in REQUIRED if c not in names]
        if missing:
            raise CdrFormatError(f"{what} has no column {', '.join(missing)}")
        repeated = sorted({n for n in names if n and names.count(n) > 1})
        if repeated:
            raise CdrFormatError(f"{what} names the column {', '.join(repeated)} twice")
        self.unknown_columns = tuple(n for n in names if n not in KNOWN_COLUMNS)
        return names

    def _time(self, text: str) -> float | None:
        text = text.strip()
        try:
            moment = datetime.fromisoformat(text)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=self.tz)
            value = moment.timestamp()
        except (ValueError, OverflowError):
            return None
        return value if MIN_EPOCH <= value < MAX_EPOCH else None

    def _call(self, row: dict[str, str], raw: str) -> tuple[str | None, Call | None]:
        start = self._time(row.get("start", ""))
        if start is None:
            return N_("the start time is not a valid date and time"), None
        end = self._time(row.get("end", ""))
        if end is None:
            return N_("the end time is not a valid date and time"), None
        if end < start:
            return N_("the call ends before it starts"), None
        disposition = row.get("disposition", "").strip().upper()
        outcome = OUTCOME.get(disposition)
        if outcome is None:
            return N_("unknown disposition {value!r}").format(value=disposition[:20]), None
        billsec = _seconds(row.get("billsec", "0"))
        if billsec is None:
            return N_("billsec is not a whole number of seconds >= 0"), None
        if "duration" in row and _seconds(row["duration"]) is None:
            return N_("duration is not a whole number of seconds >= 0"), None
        answer_text = row.get("answer", "").strip()
        answer = self._time(answer_text) if answer_text else None
        if answer_text and answer is None:
            return N_("the answer time is not a valid date and time"), None
        if answer is not None and not start <= answer <= end:
            return N_("the answer time is outside start..end"), None
        answered = outcome == "answered"
        if answered and answer is None:
            return N_("an ANSWERED row without an answer time"), None
        if not answered:
            answer = None
        uniqueid = row.get("uniqueid", "").strip()
        ext = uniqueid or "row-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:32]
        recording = row.get("recordingfile", "").strip()
        userfield = row.get("userfield", "").strip()
        if not recording and userfield.lower().endswith(AUDIO_SUFFIXES):
            recording = userfield
        if recording and uniqueid:
            self.recording_files[uniqueid] = recording
        queue = (self.queue or row.get("dcontext", "").strip() or DEFAULT_QUEUE)[:120]
        return None, Call(
            callid=ext[:128], queue=queue, agent=agent_of(row.get("dstchannel", "")) if answered else None,
            offered_at=start, answered_at=answer, ended_at=end,
            wait_sec=(answer if answer is not None else end) - start, talk_sec=float(billsec) if answered else 0.0,
            outcome=outcome, end_event=disposition, rings_unanswered=0, had_enterqueue=True)


def _seconds(text: str) -> int | None:
    text = text.strip()
    if not text.isdigit() or not text.isascii():
        return None
    value = int(text)
    return value if value <= MAX_SECONDS else None


def import_cdr(db: Database, chunks: Iterable[bytes], *, tz: ZoneInfo | None = None, queue: str | None = None,
               source: str = SOURCE, batch_size: int = DEFAULT_BATCH,
               columns: Iterable[str] | None = None) -> CdrSummary:
    """Parse and store a CDR CSV; ``tz`` None means the center's time zone (UTC without a center).
    ``columns`` names the columns of a file without a header row in their order (a custom cdr_csv)."""
    if tz is None:
        tz = center_tz(db)
    report = ParseReport()
    parser = CdrParser(report, tz, queue=queue, columns=columns)
    summary = CdrSummary(source, report, FeedState())
    store = FeedStore(db, source=source, batch_size=batch_size)
    summary.stored = store.counts
    pending: list[Call] = []
    for call in parser.parse(chunks):
        summary.header = parser.header
        pending.append(call)
        if len(pending) >= store.batch_size:
            summary.count(pending)
            store.store_batch(pending, ())
            pending = []
    summary.header = parser.header
    if pending:
        summary.count(pending)
        store.store_batch(pending, ())
    summary.unknown_columns = parser.unknown_columns
    summary.recording_files = parser.recording_files
    return summary


def center_tz(db: Database) -> ZoneInfo:
    from app.people.center import center_summary

    with db.session() as s:
        center = center_summary(s)
    return ZoneInfo(center.timezone if center else "UTC")
