"""Hostile queue_log input (issue 3 item 6): random and malformed lines never crash the parser,
the state machine or the importer; every line is accounted for; a batch lands whole or not at all."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.feed.calls import FeedState
from app.feed.queue_log import (
    KNOWN_EVENTS,
    MIN_EPOCH,
    ParseReport,
    QueueLogFormatError,
    parse_native,
    parse_table,
)
from app.feed.store import FeedStore, import_events
from db.models import Interaction
from db.models.contact import OUTCOMES

_sources = itertools.count(1)
no_newline = st.characters(blacklist_characters="\n", codec="utf-8")
garbage = st.text(alphabet=no_newline, max_size=30)
epoch = st.one_of(st.integers(1_700_000_000, 1_700_003_600).map(str),
                  st.sampled_from(["", "x", "-1", "1e309", "nan", "17000000000000", "1700000000.5"]), garbage)
number = st.one_of(st.integers(0, 400).map(str), st.sampled_from(["", "-5", "nan", "inf", "1e300", "1,5"]), garbage)
field = st.one_of(st.sampled_from(["NONE", "", "q1", "q2", "SIP/1", "Agent/7", "Local/2@ctx/n", "Paty Marin"]),
                  garbage)
event_name = st.one_of(st.sampled_from(sorted(KNOWN_EVENTS)), st.sampled_from(["ENTERQ", "FOO", "connect", ""]),
                       garbage)


good_epoch = st.integers(1_700_000_000, 1_700_003_600).map(str)
good_event = st.sampled_from(["ENTERQUEUE", "CONNECT", "COMPLETECALLER", "COMPLETEAGENT", "ABANDON",
                              "EXITWITHTIMEOUT", "EXITWITHKEY", "TRANSFER", "RINGNOANSWER", "FULL", "ADDMEMBER",
                              "REMOVEMEMBER", "PAUSE", "UNPAUSE", "PAUSEALL", "UNPAUSEALL", "AGENTLOGIN",
                              "AGENTLOGOFF"])


@st.composite
def queue_log_line(draw: st.DrawFn) -> bytes:
    kind = draw(st.integers(0, 9))
    if kind == 0:  # anything at all, including invalid UTF-8
        return draw(st.binary(max_size=60)).replace(b"\n", b"")
    plausible = kind >= 3  # mostly believable lines, so calls and agent states really get built
    callid = draw(st.integers(1, 12).map(lambda n: f"{n}.1") | st.just("NONE") if plausible
                  else st.sampled_from(["1.1", "NONE"]) | garbage)
    fields = [draw(good_epoch if plausible else epoch), callid,
              draw(st.sampled_from(["q1", "q2", "NONE"]) if plausible else field),
              draw(st.sampled_from(["SIP/1", "Agent/7", "Paty Marin", "NONE"]) if plausible else field),
              draw(good_event if plausible else event_name)]
    fields += draw(st.lists(st.integers(0, 400).map(str) | number if plausible else number | field, max_size=7))
    if kind == 1:  # truncated mid-line
        text = "|".join(fields)
        return text[: draw(st.integers(0, len(text)))].encode("utf-8")
    return "|".join(fields).encode("utf-8")


lines_strategy = st.integers(0, 60).flatmap(lambda n: st.lists(queue_log_line(), min_size=n, max_size=n))


@settings(max_examples=80, deadline=None)
@given(lines=lines_strategy)
def test_parser_and_state_machine_never_crash_and_account_for_every_line(lines):
    report = ParseReport()
    events = list(parse_native(lines, report))
    assert report.lines == len(lines)
    assert report.events == len(events)
    assert report.events + report.malformed_count + report.blank == len(lines)
    assert [p.line for p in report.malformed] == sorted({p.line for p in report.malformed})
    assert all(1 <= p.line <= len(lines) for p in report.malformed + report.unknown)
    assert report.unknown_count == sum(1 for e in events if not e.known)
    for e in events:
        assert e.time >= MIN_EPOCH and math.isfinite(e.time) and len(e.data) == 5 and e.name
    # and the state machine builds sane calls and intervals from whatever parsed
    state = FeedState()
    for event in events:
        state.push(event)
    calls, intervals = state.flush()
    assert state.counts.events + state.counts.duplicates == len(events)
    for c in calls:
        assert c.outcome in OUTCOMES
        assert 0 <= c.wait_sec <= 1e8 and 0 <= c.talk_sec <= 1e8
        assert math.isfinite(c.offered_at)
    for i in intervals:
        assert i.ended_at is None or i.ended_at >= i.started_at


@settings(max_examples=100, deadline=None)
@given(header_extra=st.lists(st.sampled_from(["data", "extra", "data1", "data2", "time"]), max_size=3),
       rows=st.lists(st.text(alphabet=no_newline, max_size=60), max_size=15))
def test_table_form_never_crashes(header_extra, rows):
    header = ",".join(["time", "callid", "queuename", "agent", "event", *header_extra])
    report = ParseReport()
    try:
        list(parse_table([(header + "\n").encode()] + [(r + "\n").encode() for r in rows], report))
    except QueueLogFormatError:
        return
    assert report.malformed_count + report.events + report.blank <= report.lines


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(lines=lines_strategy)
def test_importer_never_crashes_and_reimport_adds_nothing(sqlite_db, lines):
    source = f"prop-{next(_sources)}"
    first = import_events(sqlite_db, lines, source=source, batch_size=4)
    again = import_events(sqlite_db, lines, source=source, batch_size=4)
    with sqlite_db.session() as s:
        stored = s.scalar(select(func.count()).select_from(Interaction).where(Interaction.source == source))
    assert stored == first.stored.calls_new <= first.calls
    assert again.stored.calls_new == 0 and again.stored.intervals_new == 0


class Boom(RuntimeError):
    pass


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(lines=lines_strategy, fail_at=st.integers(1, 4))
def test_a_batch_lands_whole_or_not_at_all(sqlite_db, lines, fail_at):
    state = FeedState()
    for event in parse_native(lines, ParseReport()):
        state.push(event)
    calls, intervals = state.flush()
    source = f"atomic-{next(_sources)}"
    store = FeedStore(sqlite_db, source=source, batch_size=2)
    write = FeedStore._write
    batches = itertools.count(1)

    def failing(self, s, *args):
        changes = write(self, s, *args)  # everything of the batch is written, then the batch fails
        if next(batches) == fail_at:
            raise Boom
        return changes

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(FeedStore, "_write", failing)
        try:
            store.store(calls, intervals)
        except Boom:
            pass
    with sqlite_db.session() as s:
        stored = s.scalar(select(func.count()).select_from(Interaction).where(Interaction.source == source))
    assert stored == store.counts.calls_new  # the failed batch left nothing behind
    assert stored == len({store.external_id(c) for c in calls[: 2 * store.counts.batches]})
    FeedStore(sqlite_db, source=source, batch_size=2).store(calls, intervals)  # the retry completes it
    with sqlite_db.session() as s:
        stored = s.scalar(select(func.count()).select_from(Interaction).where(Interaction.source == source))
    assert stored == len({store.external_id(c) for c in calls})
