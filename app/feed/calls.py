"""From queue_log events to calls and agent state intervals.

Calls are keyed by (callid, queue) and built from facts, so events of one call may arrive in
any order (the Wazo sample lists CONNECT before ENTERQUEUE). A call is offered at ENTERQUEUE,
answered at CONNECT (wait = CONNECT.data1 holdtime), and ended by COMPLETECALLER/COMPLETEAGENT
(talk = data2), TRANSFER/BLINDTRANSFER/ATTENDEDTRANSFER (talk = data4), ABANDON, EXITWITHTIMEOUT,
EXITEMPTY, EXITWITHKEY (wait = the waittime field), AGENTDUMP or SYSCOMPAT. RINGNOANSWER and
RINGCANCELED are not answers. JOINEMPTY, FULL and CLOSED are callers refused before they entered
the queue: counted per queue, never offered (Offered = ENTERQUEUE, FORMAT.md "Derived KPIs").

An ended call is released once the feed's clock (the latest event time) has moved
``grace`` seconds past its end, so late events of the call still land on it; :meth:`flush`
releases everything at the end of a file. Exact duplicate lines are dropped and counted;
events older than the latest one seen are counted as out of order (and still used).

Agents: AGENTLOGIN/AGENTCALLBACKLOGIN/ADDMEMBER start a ``logged_in`` interval, the matching
logoffs and the last REMOVEMEMBER end it; PAUSE/PAUSEALL start ``paused`` (reason = data1),
UNPAUSE/UNPAUSEALL/logoff end it.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field, replace

from app.feed.queue_log import Event

END_EVENTS = {
    "COMPLETEAGENT": "answered", "COMPLETECALLER": "answered",
    "TRANSFER": "transferred", "BLINDTRANSFER": "transferred", "ATTENDEDTRANSFER": "transferred",
    "ABANDON": "abandoned", "EXITWITHTIMEOUT": "timeout", "EXITEMPTY": "other", "EXITWITHKEY": "other",
    "AGENTDUMP": "other", "SYSCOMPAT": "other",
}
REFUSED_EVENTS = frozenset({"JOINEMPTY", "FULL", "CLOSED"})
CALL_FACT_EVENTS = frozenset({"ENTERQUEUE", "CONNECT", "RINGNOANSWER", "RINGCANCELED", "DID"}) | set(END_EVENTS)
LOGIN_EVENTS = frozenset({"AGENTLOGIN", "AGENTCALLBACKLOGIN"})
LOGOFF_EVENTS = frozenset({"AGENTLOGOFF", "AGENTCALLBACKLOGOFF"})
DEFAULT_GRACE = 300.0  # seconds a finished call waits for late events
STALE_OPEN = 12 * 3600.0  # an unfinished call silent this long is released as it is
DUP_WINDOW = 50_000  # recent lines remembered for duplicate detection


@dataclass(frozen=True, slots=True)
class Call:
    callid: str
    queue: str
    agent: str | None
    offered_at: float  # epoch seconds
    answered_at: float | None
    ended_at: float | None
    wait_sec: float
    talk_sec: float
    outcome: str  # answered / abandoned / timeout / transferred / other (see db OUTCOMES)
    end_event: str | None
    rings_unanswered: int
    had_enterqueue: bool
    final: bool = True  # False: a live snapshot of a call not yet released (it may still change)

    @property
    def answered(self) -> bool:
        return self.answered_at is not None


@dataclass(frozen=True, slots=True)
class AgentInterval:
    agent: str
    state: str  # logged_in / paused
    reason: str | None
    started_at: float
    ended_at: float | None


@dataclass(slots=True)
class _CallFacts:
    callid: str
    queue: str
    first: float
    last: float
    enter: float | None = None
    connect: float | None = None
    hold: float | None = None
    agent: str | None = None
    end: float | None = None
    end_event: str | None = None
    talk: float | None = None
    wait: float | None = None
    rings: int = 0


@dataclass(slots=True)
class _AgentFacts:
    logged_in_since: float | None = None
    by_login: bool = False
    queues: set[str] = field(default_factory=set)
    paused_since: float | None = None
    pause_reason: str | None = None
    paused_queues: set[str] = field(default_factory=set)
    paused_all: bool = False


@dataclass
class FeedCounts:
    events: int = 0
    duplicates: int = 0
    out_of_order: int = 0
    late: int = 0  # events of a call already released
    ignored: int = 0  # well-formed events that carry nothing for calls or agents
    calls_without_enterqueue: int = 0
    refused: Counter[str] = field(default_factory=Counter)  # per queue: JOINEMPTY/FULL/CLOSED
    by_event: Counter[str] = field(default_factory=Counter)


class FeedState:
    """Feed events in with :meth:`push`; take finished calls and intervals with :meth:`drain`."""

    def __init__(self, grace: float = DEFAULT_GRACE) -> None:
        self.grace = grace
        self.counts = FeedCounts()
        self.watermark = float("-inf")
        self._open: dict[tuple[str, str], _CallFacts] = {}
        self._ended: dict[tuple[str, str], float] = {}  # ended, not yet released: key -> end time
        self._released: dict[tuple[str, str], float] = {}
        self._agents: dict[str, _AgentFacts] = {}
        self._recent: set[tuple[object, ...]] = set()
        self._recent_order: deque[tuple[object, ...]] = deque()
        self._calls: list[Call] = []
        self._intervals: list[AgentInterval] = []
        self._next_sweep = float("-inf")

    # ------------------------------------------------------------------ input
    def push(self, event: Event) -> None:
        counts = self.counts
        key = event.key
        if key in self._recent:
            counts.duplicates += 1
            return
        self._recent.add(key)
        self._recent_order.append(key)
        if len(self._recent_order) > DUP_WINDOW:
            self._recent.discard(self._recent_order.popleft())
        counts.events += 1
        counts.by_event[event.name] += 1
        if event.time < self.watermark:
            counts.out_of_order += 1
        else:
            self.watermark = event.time
        name = event.name
        if name in CALL_FACT_EVENTS and event.queue is not None:
            self._call_event(event)
        elif name in REFUSED_EVENTS and event.queue is not None:
            counts.refused[event.queue] += 1
        elif event.agent is not None and name in _AGENT_HANDLERS:
            _AGENT_HANDLERS[name](self, event, self._agents.setdefault(event.agent, _AgentFacts()))
        else:
            counts.ignored += 1
        if self.watermark >= self._next_sweep:
            self._sweep()

    def _call_event(self, e: Event) -> None:
        key = (e.callid, e.queue or "")
        if key in self._released:
            self.counts.late += 1
            return
        facts = self._open.get(key)
        if facts is None:
            facts = self._open[key] = _CallFacts(e.callid, e.queue or "", e.time, e.time)
        facts.first = min(facts.first, e.time)
        facts.last = max(facts.last, e.time)
        name = e.name
        if name == "ENTERQUEUE":
            facts.enter = e.time if facts.enter is None else min(facts.enter, e.time)
        elif name == "CONNECT":
            if facts.connect is None or e.time < facts.connect:
                facts.connect = e.time
                facts.hold = e.number(1)
                facts.agent = e.agent or facts.agent
        elif name in ("RINGNOANSWER", "RINGCANCELED"):
            facts.rings += 1
        elif name in END_EVENTS:
            if facts.end is None or e.time > facts.end:
                facts.end = e.time
                facts.end_event = name
                if name.startswith("COMPLETE"):
                    facts.hold = facts.hold if facts.hold is not None else e.number(1)
                    facts.talk = e.number(2)
                    facts.agent = facts.agent or e.agent
                elif name.endswith("TRANSFER"):
                    facts.hold = facts.hold if facts.hold is not None else e.number(3)
                    facts.talk = e.number(4)
                    facts.agent = facts.agent or e.agent
                elif name == "EXITWITHKEY":
                    facts.wait = e.number(4)
                elif name in ("ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY"):
                    facts.wait = e.number(3)
            self._ended[key] = facts.end

    # ------------------------------------------------------------------ agents
    def _login(self, e: Event, a: _AgentFacts) -> None:
        if e.name in LOGIN_EVENTS:
            a.by_login = True
        elif e.queue is not None:
            a.queues.add(e.queue)
        if a.logged_in_since is None:
            a.logged_in_since = e.time

    def _logoff(self, e: Event, a: _AgentFacts) -> None:
        if e.name in LOGOFF_EVENTS:
            a.by_login = False
            a.queues.clear()
        elif e.queue is not None:
            a.queues.discard(e.queue)
        if not a.by_login and not a.queues:
            self._end_pause(e, a, force=True)
            if a.logged_in_since is not None:
                self._interval(e.agent or "", "logged_in", None, a.logged_in_since, e.time)
                a.logged_in_since = None

    def _pause(self, e: Event, a: _AgentFacts) -> None:
        if e.name == "PAUSEALL":
            a.paused_all = True
        elif e.queue is not None:
            a.paused_queues.add(e.queue)
        reason = e.text(1).strip() or None
        if a.paused_since is None:
            a.paused_since = e.time
            a.pause_reason = reason
        elif reason and not a.pause_reason:
            a.pause_reason = reason

    def _unpause(self, e: Event, a: _AgentFacts) -> None:
        if e.name == "UNPAUSEALL":
            a.paused_all = False
            a.paused_queues.clear()
        elif e.queue is not None:
            a.paused_queues.discard(e.queue)
        self._end_pause(e, a, force=e.name == "UNPAUSEALL")

    def _end_pause(self, e: Event, a: _AgentFacts, *, force: bool) -> None:
        if a.paused_since is None or (not force and (a.paused_all or a.paused_queues)):
            return
        self._interval(e.agent or "", "paused", a.pause_reason, a.paused_since, e.time)
        a.paused_since, a.pause_reason = None, None
        a.paused_queues.clear()
        a.paused_all = False

    def _interval(self, agent: str, state: str, reason: str | None, start: float, end: float | None) -> None:
        if end is not None and end < start:  # out of order (counted on the event): zero length
            end = start
        self._intervals.append(AgentInterval(agent, state, reason[:64] if reason else None, start, end))

    # ------------------------------------------------------------------ output
    def _sweep(self) -> None:
        self._next_sweep = self.watermark + 30.0
        limit = self.watermark - self.grace
        done = [k for k, end in self._ended.items() if end <= limit]
        for k in done:
            self._release(k)
        stale = self.watermark - STALE_OPEN
        if len(self._open) > len(self._ended):
            for k in [k for k, f in self._open.items() if f.end is None and f.last < stale]:
                self._release(k)
        forget = self.watermark - 2 * STALE_OPEN
        if len(self._released) > 100_000:
            self._released = {k: t for k, t in self._released.items() if t >= forget}

    def _release(self, key: tuple[str, str]) -> None:
        facts = self._open.pop(key)
        self._ended.pop(key, None)
        self._released[key] = facts.last
        self._calls.append(self._to_call(facts))

    def _to_call(self, f: _CallFacts, *, counting: bool = True) -> Call:
        answered = f.connect
        if answered is None and f.end_event is not None and END_EVENTS[f.end_event] in ("answered", "transferred"):
            answered = f.end - (f.talk or 0.0) if f.end is not None else None
        if answered is not None:
            wait = f.hold
            if f.enter is not None and wait is None:
                wait = max(0.0, answered - f.enter)
        else:
            wait = f.wait
            if wait is None and f.enter is not None and f.end is not None:
                wait = max(0.0, f.end - f.enter)
        offered = f.enter
        if offered is None:
            if counting:
                self.counts.calls_without_enterqueue += 1
            if answered is not None:
                offered = answered - (wait or 0.0)
            elif f.end is not None:
                offered = f.end - (wait or 0.0)
            else:
                offered = f.first
            offered = min(offered, f.first)
        talk = f.talk
        if talk is None and answered is not None and f.end is not None:
            talk = max(0.0, f.end - answered)
        if f.end_event is not None:
            outcome = END_EVENTS[f.end_event]
            if outcome == "other" and answered is not None:
                outcome = "answered"
        else:
            outcome = "answered" if answered is not None else "other"
        return Call(f.callid, f.queue, f.agent, offered, answered, f.end, float(wait or 0.0),
                    float(talk or 0.0) if answered is not None else 0.0, outcome, f.end_event, f.rings,
                    f.enter is not None)

    def snapshot(self) -> tuple[list[Call], list[AgentInterval]]:
        """Calls not yet released and intervals still open, as they stand (nothing is released):
        a live feed stores them so callers waiting and agents on a call show before the end."""
        calls = [replace(self._to_call(f, counting=False), final=False) for f in self._open.values()]
        intervals = []
        for agent, a in self._agents.items():
            if a.logged_in_since is not None:
                intervals.append(AgentInterval(agent, "logged_in", None, a.logged_in_since, None))
            if a.paused_since is not None:
                reason = a.pause_reason[:64] if a.pause_reason else None
                intervals.append(AgentInterval(agent, "paused", reason, a.paused_since, None))
        return calls, intervals

    def drain(self) -> tuple[list[Call], list[AgentInterval]]:
        """Calls released and intervals closed since the last drain."""
        calls, intervals = self._calls, self._intervals
        self._calls, self._intervals = [], []
        return calls, intervals

    def flush(self) -> tuple[list[Call], list[AgentInterval]]:
        """End of input: release every call and report still-open intervals (ended_at None)."""
        for key in list(self._open):
            self._release(key)
        for agent, a in self._agents.items():
            if a.logged_in_since is not None:
                self._interval(agent, "logged_in", None, a.logged_in_since, None)
            if a.paused_since is not None:
                self._interval(agent, "paused", a.pause_reason, a.paused_since, None)
        self._agents.clear()
        return self.drain()

    @property
    def open_calls(self) -> int:
        return len(self._open)


_AGENT_HANDLERS = {
    "AGENTLOGIN": FeedState._login, "AGENTCALLBACKLOGIN": FeedState._login, "ADDMEMBER": FeedState._login,
    "AGENTLOGOFF": FeedState._logoff, "AGENTCALLBACKLOGOFF": FeedState._logoff,
    "REMOVEMEMBER": FeedState._logoff,
    "PAUSE": FeedState._pause, "PAUSEALL": FeedState._pause,
    "UNPAUSE": FeedState._unpause, "UNPAUSEALL": FeedState._unpause,
}
