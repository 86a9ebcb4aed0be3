"""Column mappings: which source column feeds which interaction field, in which format.

A mapping is plain JSON (saved by name in ``import_mappings``)::

    {"columns": {"id": ["vru+line", "call_id"], "queue": "type", "date": "date",
                 "arrival": "vru_entry", "queue_entry": "q_start", "queue_exit": "q_exit",
                 "wait": "q_time", "service_start": "ser_start", "service_end": "ser_exit",
                 "handle_time": "ser_time", "outcome": "outcome", "agent": "server"},
     "date_format": "%y%m%d", "timezone": "Asia/Jerusalem", "channel": "phone",
     "outcomes": {"answered": ["AGENT"], "abandoned": ["HANG"], "skip": ["PHANTOM"]},
     "agent_none_values": ["NO_SERVER"], "zero_time_is_missing": true}

With a ``date`` column the moment columns (arrival, queue entry/exit, service start/end) hold
times of day (hours may pass 24; a time more than 12 hours before the arrival is on the next
day); without one they hold full date-times. Formats are optional ``strptime`` strings; without
them the common forms are recognised (ISO, ``2026/11/03``, ``03.11.2026``, ``20261103``, ...).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.i18n import N_, Message

FIELDS = ("id", "queue", "date", "arrival", "queue_entry", "queue_exit", "wait", "service_start",
          "service_end", "handle_time", "outcome", "agent", "customer")
MOMENTS = ("queue_entry", "queue_exit", "service_start", "service_end")
OUTCOME_KINDS = ("answered", "abandoned", "other", "skip")
CHANNELS = ("phone", "chat", "email", "social", "onsite")
MAX_NAME = 25  # interactions.source is "import:<name>" in 32 characters
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%d.%m.%Y", "%d/%m/%Y", "%Y%m%d", "%y%m%d", "%Y年%m月%d日")
NEXT_DAY = timedelta(hours=12)
MAX_DURATION_SEC = 7 * 86400  # a wait or handle time longer than a week is a broken value
MIN_YEAR, MAX_YEAR = 1900, 2100


class MappingError(Exception):
    """The mapping itself is wrong (message says which key and why)."""


class RowError(Exception):
    """One row cannot be imported; ``code`` groups the reasons in the summary."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message  # a Message when built from a template: the UI translates it


@dataclass(frozen=True)
class Mapping:
    name: str
    columns: dict[str, Any]
    timezone: str | None = None  # None: the center's time zone
    channel: str = "phone"
    queue_name: str | None = None  # the queue when no column names one
    date_format: str | None = None
    time_format: str | None = None
    datetime_format: str | None = None
    outcomes: dict[str, list[str]] = field(default_factory=dict)
    agent_none_values: list[str] = field(default_factory=list)
    customer_none_values: list[str] = field(default_factory=list)
    zero_time_is_missing: bool = False

    @classmethod
    def from_json(cls, name: str, data: dict[str, Any]) -> Mapping:
        if not isinstance(data, dict):
            raise MappingError(N_("A mapping is a JSON object"))
        name = (name or "").strip()
        if not name or len(name) > MAX_NAME:
            raise MappingError(Message(N_("A mapping name has 1 to {n} characters"), n=MAX_NAME))
        unknown = set(data) - {"name", "columns", "timezone", "channel", "queue_name", "date_format", "time_format",
                               "datetime_format", "outcomes", "agent_none_values", "customer_none_values",
                               "zero_time_is_missing"}
        if unknown:
            raise MappingError(Message(N_("Unknown mapping keys: {keys}"), keys=", ".join(sorted(unknown))))
        columns = data.get("columns")
        if not isinstance(columns, dict) or not columns:
            raise MappingError(N_("The mapping needs \"columns\": {field: source column}"))
        bad = set(columns) - set(FIELDS)
        if bad:
            raise MappingError(Message(N_("Unknown fields in \"columns\": {bad} (known: {known})"),
                bad=", ".join(sorted(bad)), known=", ".join(FIELDS)))
        for key, col in columns.items():
            ok = isinstance(col, str) and col.strip() if key != "id" else (
                (isinstance(col, str) and col.strip())
                or (isinstance(col, list) and col and all(isinstance(c, str) and c.strip() for c in col)))
            if not ok:
                raise MappingError(Message(N_("columns.{key} must name a source column"), key=key))
        if "arrival" not in columns:
            raise MappingError(N_("The mapping needs columns.arrival (the arrival time, or the time with columns.date)"))
        if "queue" not in columns and not data.get("queue_name"):
            raise MappingError(N_("Name the queue: columns.queue or a fixed \"queue_name\""))
        tz = data.get("timezone")
        if tz is not None:
            zone(tz)
        channel = data.get("channel", "phone")
        if channel not in CHANNELS:
            raise MappingError(Message(N_("channel must be one of {c}"), c=", ".join(CHANNELS)))
        outcomes = data.get("outcomes") or {}
        if not isinstance(outcomes, dict) or set(outcomes) - set(OUTCOME_KINDS) or not all(
                isinstance(v, list) and all(isinstance(x, str) for x in v) for v in outcomes.values()):
            raise MappingError(N_("outcomes maps answered/abandoned/other/skip to lists of values"))
        if "outcome" in columns and not outcomes:
            raise MappingError(N_("columns.outcome needs \"outcomes\": which values mean answered and abandoned"))
        for key in ("agent_none_values", "customer_none_values"):
            v = data.get(key, [])
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                raise MappingError(Message(N_("{key} is a list of strings"), key=key))
        for key in ("date_format", "time_format", "datetime_format", "queue_name"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise MappingError(Message(N_("{key} is a string"), key=key))
        return cls(name=name, columns=dict(columns), timezone=tz, channel=channel,
                   queue_name=data.get("queue_name"), date_format=data.get("date_format"),
                   time_format=data.get("time_format"), datetime_format=data.get("datetime_format"),
                   outcomes={k: list(v) for k, v in outcomes.items()},
                   agent_none_values=list(data.get("agent_none_values", [])),
                   customer_none_values=list(data.get("customer_none_values", [])),
                   zero_time_is_missing=bool(data.get("zero_time_is_missing", False)))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"columns": self.columns, "channel": self.channel}
        for key in ("timezone", "queue_name", "date_format", "time_format", "datetime_format"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.outcomes:
            out["outcomes"] = self.outcomes
        if self.agent_none_values:
            out["agent_none_values"] = self.agent_none_values
        if self.customer_none_values:
            out["customer_none_values"] = self.customer_none_values
        if self.zero_time_is_missing:
            out["zero_time_is_missing"] = True
        return out

    @property
    def source(self) -> str:
        return f"import:{self.name}"


ANONYMOUS_BANK = {
    "columns": {"id": ["vru+line", "call_id"], "queue": "type", "date": "date", "arrival": "vru_entry",
                "queue_entry": "q_start", "queue_exit": "q_exit", "wait": "q_time", "service_start": "ser_start",
                "service_end": "ser_exit", "handle_time": "ser_time", "outcome": "outcome", "agent": "server"},
    "date_format": "%y%m%d", "timezone": "Asia/Jerusalem", "channel": "phone",
    "outcomes": {"answered": ["AGENT"], "abandoned": ["HANG"], "skip": ["PHANTOM"]},
    "agent_none_values": ["NO_SERVER"], "zero_time_is_missing": True,
}
BUILTIN: dict[str, dict[str, Any]] = {"anonymous-bank": ANONYMOUS_BANK}


def builtin(name: str) -> Mapping | None:
    data = BUILTIN.get(name)
    return None if data is None else Mapping.from_json(name, data)


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise MappingError(Message(N_("Unknown time zone {tz!r} (use a name like Asia/Shanghai)"), tz=name)) from exc


# --- value parsers -------------------------------------------------------------------------------

def parse_seconds_of_day(text: str, fmt: str | None) -> int | None:
    """``H:MM[:SS[.f]]`` (hours may pass 24) or ``3:05 PM``; seconds since midnight."""
    if fmt:
        t = datetime.strptime(text, fmt)
        return t.hour * 3600 + t.minute * 60 + t.second
    s = text.strip()
    pm = am = False
    upper = s.upper()
    if upper.endswith(("AM", "PM")):
        pm, am = upper.endswith("PM"), upper.endswith("AM")
        s = s[:-2].strip()
    parts = s.split(":")
    if not 2 <= len(parts) <= 3 or not all(p.strip().replace(".", "", 1).isdigit() for p in parts):
        return None
    h, m = int(parts[0]), int(parts[1])
    sec = float(parts[2]) if len(parts) == 3 else 0.0
    if m >= 60 or sec >= 60:
        return None
    if am or pm:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if pm else 0)
    return h * 3600 + m * 60 + int(sec)


@lru_cache(maxsize=4096)
def parse_date(text: str, fmt: str | None) -> date | None:
    s = text.strip()
    if fmt:
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(s).date()
    except ValueError:
        pass
    for f in DATE_FORMATS:
        try:
            d = datetime.strptime(s, f).date()
        except ValueError:
            continue
        if MIN_YEAR <= d.year <= MAX_YEAR:  # "990201" is 1999-02-01 (%y%m%d), not the year 9902
            return d
    return None


def parse_datetime(text: str, fmt: str | None, tz: tzinfo) -> datetime | None:
    s = text.strip()
    try:
        if fmt:
            value = datetime.strptime(s, fmt)
        else:
            try:
                value = datetime.fromisoformat(s)
            except ValueError:
                day, _, rest = s.partition(" ")
                d = parse_date(day, None)
                secs = parse_seconds_of_day(rest, None) if rest else 0
                if d is None or secs is None:
                    return None
                value = datetime(d.year, d.month, d.day) + timedelta(seconds=secs)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=tz)
    try:
        return value.astimezone(UTC)
    except OverflowError:  # e.g. 0001-01-01 in a zone east of UTC: before the first representable moment
        return None


def parse_duration(text: str) -> float | None:
    s = text.strip()
    if ":" in s:
        neg = s.startswith("-")
        parts = s.lstrip("-").split(":")
        try:
            nums = [float(p) for p in parts]
        except ValueError:
            return None
        if len(nums) > 3:
            return None
        total = 0.0
        for n in nums:
            total = total * 60 + n
        return -total if neg else total
    try:
        value = float(s)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


# --- rows ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ParsedRow:
    row: int
    external_id: str
    queue: str
    agent: str | None
    customer: str | None
    offered_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    wait_sec: float
    talk_sec: float
    outcome: str

    def preview(self, tz: tzinfo) -> dict[str, str]:
        def local(t: datetime | None) -> str:
            return "" if t is None else t.astimezone(tz).isoformat(sep=" ", timespec="seconds")

        return {"id": self.external_id, "queue": self.queue, "arrival": local(self.offered_at),
                "answered": local(self.answered_at), "ended": local(self.ended_at),
                "wait_sec": f"{self.wait_sec:g}", "handle_sec": f"{self.talk_sec:g}", "outcome": self.outcome,
                "agent": self.agent or "", "customer": "***" if self.customer else ""}


class CompiledMapping:
    """A mapping bound to a file's header: column positions resolved once, a fast ``parse(row, values)``."""

    def __init__(self, mapping: Mapping, header: Sequence[str], tz: tzinfo) -> None:
        self.mapping = mapping
        self.tz = tz
        index = {h: i for i, h in enumerate(header)}
        folded = {h.casefold(): i for i, h in enumerate(header)}
        missing: list[str] = []

        def pos(col: str) -> int:
            if col in index:
                return index[col]
            if col.casefold() in folded:
                return folded[col.casefold()]
            missing.append(col)
            return -1

        self.pos: dict[str, int] = {}
        self.id_pos: list[int] = []
        for key, col in mapping.columns.items():
            if key == "id":
                self.id_pos = [pos(c) for c in ([col] if isinstance(col, str) else col)]
            else:
                self.pos[key] = pos(col)
        if missing:
            raise MappingError(Message(N_("The file has no column {cols} (mapping {name!r}); its columns are: {have}"),
                cols=", ".join(repr(c) for c in missing), name=mapping.name, have=", ".join(header)))
        self.width = len(header)
        self.outcome_of = {v.strip().casefold(): kind for kind, values in mapping.outcomes.items() for v in values}
        self.agent_none = {v.strip().casefold() for v in mapping.agent_none_values}
        self.customer_none = {v.strip().casefold() for v in mapping.customer_none_values}
        self.day_mode = "date" in self.pos

    def _get(self, values: Sequence[str], key: str) -> str:
        i = self.pos.get(key, -1)
        if i < 0:
            return ""
        return values[i].strip() if i < len(values) else ""

    def _to_utc(self, d: date, secs: int) -> datetime:
        local = datetime(d.year, d.month, d.day) + timedelta(seconds=secs)
        return local.replace(tzinfo=self.tz).astimezone(UTC)

    def _moment(self, values: Sequence[str], key: str, day: date | None, arrival_secs: int | None,
                required: bool = False) -> tuple[datetime | None, int | None]:
        text = self._get(values, key)
        column = self.mapping.columns.get(key)
        if not text:
            if required:
                raise RowError(N_("missing value"), Message(N_("no {field} (column {col!r} is empty)"), field=key, col=column))
            return None, None
        if self.day_mode:
            try:
                secs = parse_seconds_of_day(text, self.mapping.time_format)
            except ValueError:
                secs = None
            if secs is None:
                raise RowError(N_("unparseable time"), Message(N_("{field} {value!r} is not a time of day"),
                    field=key, value=text))
            if secs == 0 and self.mapping.zero_time_is_missing and not required:
                return None, None
            if arrival_secs is not None and secs + NEXT_DAY.total_seconds() < arrival_secs:
                secs += 86400  # past midnight
            assert day is not None
            return self._to_utc(day, secs), secs
        value = parse_datetime(text, self.mapping.datetime_format, self.tz)
        if value is None:
            raise RowError(N_("unparseable date"), Message(N_("{field} {value!r} is not a date and time{hint}"),
                field=key, value=text, hint="" if self.mapping.datetime_format else
                Message(N_(" (give datetime_format in the mapping)"))))
        return value, None

    def _duration(self, values: Sequence[str], key: str) -> float | None:
        text = self._get(values, key)
        if not text:
            return None
        value = parse_duration(text)
        if value is None:
            raise RowError(N_("unparseable duration"), Message(N_("{field} {value!r} is not a number of seconds or H:MM:SS"),
                field=key, value=text))
        if value < 0:
            raise RowError(N_("negative duration"), Message(N_("{field} is negative ({value})"), field=key, value=text))
        if value > MAX_DURATION_SEC:
            raise RowError(N_("out of range"), Message(N_("{field} is longer than a week ({value} s)"), field=key, value=text))
        return value

    def parse(self, row: int, values: Sequence[str]) -> ParsedRow:
        """Parse one row or raise :class:`RowError`; never anything else for bad data."""
        try:
            return self._parse(row, values)
        except (OverflowError, ValueError) as exc:  # e.g. year 1 moved to UTC, a wait of 1e300 s
            raise RowError(N_("out of range"), Message(N_("a value is out of range: {err}"), err=exc)) from exc

    def _parse(self, row: int, values: Sequence[str]) -> ParsedRow:
        if len(values) < self.width and any(
                p >= len(values) for p in [*self.pos.values(), *self.id_pos] if p >= 0):
            raise RowError(N_("missing columns"), Message(N_("the row has {n} values, the header {m}"),
                n=len(values), m=self.width))
        day = None
        if self.day_mode:
            text = self._get(values, "date")
            if not text:
                raise RowError(N_("missing value"), Message(N_("no date (column {col!r} is empty)"),
                    col=self.mapping.columns["date"]))
            day = parse_date(text, self.mapping.date_format)
            if day is None:
                raise RowError(N_("unparseable date"), Message(N_("date {value!r} does not match {fmt}"),
                    value=text, fmt=self.mapping.date_format or Message(N_("any common date format"))))
        offered, arrival_secs = self._moment(values, "arrival", day, None, required=True)
        assert offered is not None
        if not MIN_YEAR <= offered.year <= MAX_YEAR:
            raise RowError(N_("out of range"), Message(N_("the arrival {when} is not between {lo} and {hi}"),
                when=offered.date().isoformat(), lo=MIN_YEAR, hi=MAX_YEAR))
        q_in, _ = self._moment(values, "queue_entry", day, arrival_secs)
        q_out, _ = self._moment(values, "queue_exit", day, arrival_secs)
        s_start, _ = self._moment(values, "service_start", day, arrival_secs)
        s_end, _ = self._moment(values, "service_end", day, arrival_secs)
        wait = self._duration(values, "wait")
        handle = self._duration(values, "handle_time")
        if q_in is not None and q_out is not None and q_out < q_in:
            raise RowError(N_("negative duration"), N_("the queue exit is before the queue entry"))
        if s_start is not None and s_end is not None and s_end < s_start:
            raise RowError(N_("negative duration"), N_("the service ends before it starts"))
        if wait is None:
            if q_in is not None and q_out is not None:
                wait = (q_out - q_in).total_seconds()
            elif s_start is not None and "queue_entry" not in self.pos:
                wait = max(0.0, (s_start - offered).total_seconds())  # no queue columns: arrival to answer
            else:
                wait = 0.0
        if handle is None:
            handle = (s_end - s_start).total_seconds() if s_start is not None and s_end is not None else 0.0

        agent = self._get(values, "agent") or None
        if agent is not None and agent.casefold() in self.agent_none:
            agent = None
        customer = self._get(values, "customer") or None
        if customer is not None and customer.casefold() in self.customer_none:
            customer = None
        if "outcome" in self.pos:
            raw = self._get(values, "outcome")
            kind = self.outcome_of.get(raw.casefold())
            if kind is None:
                raise RowError(N_("unknown outcome"), Message(N_("outcome {value!r} is not in the mapping's outcomes"),
                    value=raw))
            if kind == "skip":
                raise RowError(N_("ignored outcome"), Message(N_("outcome {value!r} is skipped by the mapping"), value=raw))
        else:
            kind = "answered" if (s_start is not None or agent is not None) else "abandoned"

        queue = self._get(values, "queue") if "queue" in self.pos else (self.mapping.queue_name or "")
        if not queue:
            raise RowError(N_("missing value"), Message(N_("no queue (column {col!r} is empty)"),
                col=self.mapping.columns.get("queue")))
        answered = s_start
        if kind == "answered" and answered is None:
            answered = q_out or offered + timedelta(seconds=wait)
        if kind != "answered":
            answered = None
        ended = s_end or (answered + timedelta(seconds=handle) if answered is not None else q_out)
        return ParsedRow(row=row, external_id=self.external_id(values), queue=queue[:120],
                         agent=agent[:120] if agent else None, customer=customer, offered_at=offered,
                         answered_at=answered, ended_at=ended, wait_sec=wait,
                         talk_sec=handle if kind == "answered" else 0.0, outcome=kind)

    def external_id(self, values: Sequence[str]) -> str:
        if self.id_pos:
            parts = [values[i].strip() if i < len(values) else "" for i in self.id_pos]
            if not all(parts):
                raise RowError(N_("missing value"), Message(N_("no id (column {col!r} is empty)"),
                    col=self.mapping.columns["id"]))
            ext = ":".join(parts)
            if len(ext) > 128:
                ext = "sha1:" + hashlib.sha1(ext.encode("utf-8")).hexdigest()
            return ext
        return "row:" + hashlib.sha1("\x1f".join(v.strip() for v in values).encode("utf-8")).hexdigest()



# words a center's export uses for each field (lower case, without spaces, dashes or underscores)
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "id": ("uniqueid", "interactionid", "contactid", "recordid", "呼叫id", "通话id"),
    "queue": ("queue", "queuename", "type", "skill", "skillgroup", "split", "service", "队列", "技能组", "业务类型"),
    "date": ("date", "day", "calldate", "日期"),
    "arrival": ("arrival", "arrivaltime", "start", "starttime", "offered", "offeredat", "calltime", "vruentry",
                "received", "datetime", "来电时间", "开始时间", "呼入时间"),
    "queue_entry": ("queueentry", "qstart", "queuestart", "enqueue", "入队时间"),
    "queue_exit": ("queueexit", "qexit", "queueend", "dequeue", "出队时间"),
    "wait": ("wait", "waittime", "qtime", "queuetime", "waitsec", "等待时长", "排队时长"),
    "service_start": ("servicestart", "serstart", "answered", "answertime", "answeredat", "connect", "接听时间",
                      "应答时间"),
    "service_end": ("serviceend", "serexit", "end", "endtime", "ended", "hangup", "挂机时间", "结束时间"),
    "handle_time": ("handletime", "sertime", "talktime", "duration", "talksec", "aht", "billsec", "通话时长"),
    "outcome": ("outcome", "result", "status", "disposition", "结果", "状态"),
    "agent": ("agent", "server", "agentname", "operator", "employee", "坐席", "客服", "工号"),
    "customer": ("customer", "caller", "callerid", "ani", "phone", "customerphone", "主叫号码", "客户"),
}


def guess_columns(header: Sequence[str]) -> dict[str, str]:
    """A first guess of the mapping from the header's names (exact words first, then contained words)."""
    def norm(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch not in " _-./+")

    normalised = [(h, norm(h)) for h in header if h.strip()]
    taken: set[str] = set()
    out: dict[str, str] = {}
    for exact in (True, False):
        for fieldname, words in FIELD_WORDS.items():
            if fieldname in out or (not exact and fieldname in ("id", "customer")):
                continue  # an id or a customer only on an exact name: a wrong guess would be costly
            for h, n in normalised:
                if h in taken:
                    continue
                if (n in words) if exact else any(len(w) >= 4 and w in n for w in words):
                    out[fieldname] = h
                    taken.add(h)
                    break
    return out
