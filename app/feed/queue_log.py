"""Asterisk ``queue_log`` parsing: the native pipe-separated file and the realtime table form.

Native line: ``epoch|callid|queuename|agent|event|data1|data2|data3|data4|data5`` (trailing
empty fields may be missing). Table form: CSV with a header naming ``time, callid, queuename,
agent, event`` and ``data1..data5`` (or one ``data`` column holding ``|``-separated values);
``time`` is an epoch or a datetime string (UTC unless it carries an offset); other columns are
ignored. See ``/work/shared/data/asterisk/FORMAT.md`` for the events.

A bad line is never fatal: it becomes a :class:`Problem` (line number, reason, a short excerpt)
and the parser carries on. Unknown event names parse into events whose ``known`` is False.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from app.i18n import N_

# The official events, Wazo's, PBXware's and QueueMetrics' additions (FORMAT.md).
CALL_EVENTS = frozenset({
    "ENTERQUEUE", "CONNECT", "COMPLETEAGENT", "COMPLETECALLER", "ABANDON", "EXITWITHTIMEOUT",
    "EXITWITHKEY", "EXITEMPTY", "RINGNOANSWER", "RINGCANCELED", "TRANSFER", "BLINDTRANSFER",
    "ATTENDEDTRANSFER", "AGENTDUMP", "SYSCOMPAT", "JOINEMPTY", "FULL", "CLOSED", "DID",
})
AGENT_EVENTS = frozenset({
    "AGENTLOGIN", "AGENTLOGOFF", "AGENTCALLBACKLOGIN", "AGENTCALLBACKLOGOFF", "ADDMEMBER",
    "REMOVEMEMBER", "PAUSE", "UNPAUSE", "PAUSEALL", "UNPAUSEALL", "PENALTY", "PAUSEREASON",
})
SYSTEM_EVENTS = frozenset({
    "QUEUESTART", "CONFIGRELOAD", "INFO", "CALLSTATUS", "CALLERONHOLD", "CALLEROFFHOLD",
    "OUTDIAL", "OUTANSWER", "OUTCANCEL", "OUTCHANUNAVAIL", "OUTCONGESTION", "OUTTRANSFER",
})
KNOWN_EVENTS = CALL_EVENTS | AGENT_EVENTS | SYSTEM_EVENTS
NONE_VALUES = frozenset({"", "NONE"})
MAX_FIELDS = 10
# 2000-01-01 .. 2100-01-01: anything outside is a corrupt timestamp, not a call
MIN_EPOCH, MAX_EPOCH = 946_684_800.0, 4_102_444_800.0
MAX_SECONDS = 1e8  # a hold or talk time beyond ~3 years is corrupt data, not a call
TABLE_COLUMNS = ("time", "callid", "queuename", "agent", "event")
_EVENT_NAME = re.compile(r"[A-Z][A-Z0-9_]*\Z")
EXCERPT = 80


class QueueLogFormatError(ValueError):
    """The input as a whole cannot be read (e.g. a table without the required columns)."""


@dataclass(frozen=True, slots=True)
class Event:
    time: float  # epoch seconds (UTC)
    callid: str
    queue: str | None  # None for NONE
    agent: str | None  # None for NONE
    name: str
    data: tuple[str, ...]  # data1..data5, always five strings
    line: int = 0

    @property
    def known(self) -> bool:
        return self.name in KNOWN_EVENTS

    def text(self, n: int) -> str:
        """data<n> (1-based) as text."""
        return self.data[n - 1]

    def number(self, n: int) -> float | None:
        """data<n> as a number of seconds (or ms for RING*), None if empty, not a number or absurd."""
        value = self.data[n - 1]
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            return None
        return number if 0 <= number <= MAX_SECONDS else None  # also refuses NaN and infinity

    @property
    def key(self) -> tuple[object, ...]:
        """Identity for duplicate detection: the whole line apart from its position."""
        return (self.time, self.callid, self.queue, self.agent, self.name, self.data)


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    reason: str
    excerpt: str


@dataclass
class ParseReport:
    lines: int = 0
    blank: int = 0
    events: int = 0
    malformed: list[Problem] = field(default_factory=list)
    unknown: list[Problem] = field(default_factory=list)
    simulated: bool = False  # the first line is the simulator's marker

    MAX_LISTED = 1000  # counts stay exact; the lists keep the first ones

    malformed_count: int = 0
    unknown_count: int = 0

    def add_malformed(self, line: int, reason: str, raw: str) -> None:
        self.malformed_count += 1
        if len(self.malformed) < self.MAX_LISTED:
            self.malformed.append(Problem(line, reason, raw[:EXCERPT]))

    def add_unknown(self, event: Event, raw: str) -> None:
        self.unknown_count += 1
        if len(self.unknown) < self.MAX_LISTED:
            self.unknown.append(Problem(event.line, N_("unknown event {name}").format(name=event.name),
                                        raw[:EXCERPT]))


SIMULATOR_MARK = "floorwalker-simulator"


def _none(value: str) -> str | None:
    return None if value in NONE_VALUES else value


def _epoch(text: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    if not (MIN_EPOCH <= value < MAX_EPOCH):
        return None
    return value


def _datetime_epoch(text: str) -> float | None:
    """An epoch or an ISO-like datetime (``2012-07-03 15:27:23.896208``; naive means UTC)."""
    value = _epoch(text)
    if value is not None:
        return value
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    value = moment.timestamp()
    return value if MIN_EPOCH <= value < MAX_EPOCH else None


def _build(fields: list[str], lineno: int, raw: str, report: ParseReport, *, table: bool) -> Event | None:
    when = _datetime_epoch(fields[0]) if table else _epoch(fields[0])
    if when is None:
        report.add_malformed(lineno, N_("the time is not a valid timestamp"), raw)
        return None
    name = fields[4].strip()
    if not name:
        report.add_malformed(lineno, N_("the event name is empty"), raw)
        return None
    if not _EVENT_NAME.match(name):
        report.add_malformed(lineno, N_("the event name is not a queue_log verb"), raw)
        return None
    callid = fields[1].strip() or "NONE"
    data = tuple(fields[5:10]) + ("",) * (10 - max(len(fields), 5))
    event = Event(when, callid, _none(fields[2].strip()), _none(fields[3].strip()), name, data, lineno)
    if name not in KNOWN_EVENTS:
        report.add_unknown(event, raw)
    report.events += 1
    return event


def parse_line(raw: str, lineno: int, report: ParseReport) -> Event | None:
    """One native line (without its newline) to an Event, or None (blank or malformed, counted)."""
    report.lines += 1
    if not raw.strip():
        report.blank += 1
        return None
    if "\x00" in raw:
        report.add_malformed(lineno, N_("the line contains NUL bytes"), raw.replace("\x00", "\\0"))
        return None
    fields = raw.split("|")
    if len(fields) < 5:
        report.add_malformed(lineno, N_("too few fields (at least 5 expected)"), raw)
        return None
    if len(fields) > MAX_FIELDS:
        report.add_malformed(lineno, N_("too many fields (at most 10 expected)"), raw)
        return None
    if lineno == 1 and SIMULATOR_MARK in fields[5:]:
        report.simulated = True
    return _build(fields, lineno, raw, report, table=False)


def decode_lines(chunks: Iterable[bytes], report: ParseReport, first_line: int = 1
                 ) -> Iterator[tuple[int, str]]:
    """Numbered text lines from raw lines; lines that are not UTF-8 are counted as malformed."""
    lineno = first_line - 1
    for chunk in chunks:
        lineno += 1
        try:
            text = chunk.decode("utf-8")
        except UnicodeDecodeError:
            report.lines += 1
            report.add_malformed(lineno, N_("the line is not valid UTF-8"),
                                 chunk.decode("utf-8", errors="replace").rstrip("\r\n"))
            continue
        yield lineno, text.rstrip("\r\n")


def parse_native(chunks: Iterable[bytes], report: ParseReport, first_line: int = 1) -> Iterator[Event]:
    """Events from the lines of a native queue_log file (bytes, as read from the file)."""
    for lineno, text in decode_lines(chunks, report, first_line):
        event = parse_line(text, lineno, report)
        if event is not None:
            yield event


def parse_table(chunks: Iterable[bytes], report: ParseReport) -> Iterator[Event]:
    """Events from the realtime table form exported as CSV (header on the first line)."""
    text_lines = (text for _n, text in decode_lines(chunks, report))
    reader = csv.reader(text_lines)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise QueueLogFormatError(f"the table's header cannot be read: {exc}") from exc
    names = [h.strip().lower() for h in header]
    missing = [c for c in TABLE_COLUMNS if c not in names]
    if missing:
        raise QueueLogFormatError(
            f"the table has no column {', '.join(missing)}; expected time, callid, queuename, agent, event, "
            "data1..data5 (or data)")
    index = {n: i for i, n in enumerate(names)}
    positions = [index[c] for c in TABLE_COLUMNS]
    data_positions = [index.get(f"data{n}") for n in range(1, 6)]
    combined = index.get("data")
    width = len(names)
    report.lines += 1  # the header
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            report.lines += 1
            report.add_malformed(reader.line_num, N_("the row cannot be read as CSV: {error}").format(error=exc), "")
            continue
        lineno = reader.line_num
        report.lines += 1
        raw = ",".join(row)
        if not any(cell.strip() for cell in row):
            report.blank += 1
            continue
        if len(row) != width:
            report.add_malformed(lineno, N_("the row has {got} columns, the header {want}").format(
                got=len(row), want=width), raw)
            continue
        if any("\x00" in cell for cell in row):
            report.add_malformed(lineno, N_("the line contains NUL bytes"), raw.replace("\x00", "\\0"))
            continue
        fields = [row[p] for p in positions]
        if combined is not None and all(p is None for p in data_positions):
            data = row[combined].split("|")[:5]
        else:
            data = [row[p] if p is not None else "" for p in data_positions]
        event = _build(fields + data, lineno, raw, report, table=True)
        if event is not None:
            yield event

