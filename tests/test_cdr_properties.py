"""Hostile CDR CSV input (issue 3 item 6): random rows and bytes never crash the parser or the
importer; every line is accounted for; a batch lands whole or not at all; re-import adds nothing."""

from __future__ import annotations

import csv
import io
import itertools
import math
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.feed.cdr import CdrFormatError, CdrParser, import_cdr
from app.feed.queue_log import ParseReport
from app.feed.store import FeedStore
from db.models import Interaction
from db.models.contact import OUTCOMES

_sources = itertools.count(1)
TZ = ZoneInfo("Asia/Shanghai")
no_newline = st.characters(blacklist_characters="\n\r", codec="utf-8")
garbage = st.text(alphabet=no_newline, max_size=20)
stamp = st.integers(0, 86_399).map(lambda t: _at(t))
bad_stamp = st.sampled_from(["", "x", "2026-13-01 00:00:00", "0001-01-01 00:00:00", "9999-12-31 23:59:59",
                             "18/11/2026", "2026-11-18T10:00:00+14:00"]) | garbage
seconds = st.integers(0, 400).map(str) | st.sampled_from(["", "-5", "1.5", "nan", "٣", "1e9"]) | garbage
disposition = st.sampled_from(["ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION"]) | st.sampled_from(
    ["answered", "", "UNKNOWN"]) | garbage


def _at(offset: int) -> str:
    return f"2026-11-18 {offset // 3600 % 24:02d}:{offset // 60 % 60:02d}:{offset % 60:02d}"


@st.composite
def cdr_line(draw: st.DrawFn) -> bytes:
    kind = draw(st.integers(0, 9))
    if kind == 0:  # anything at all, including invalid UTF-8
        return draw(st.binary(max_size=80)).replace(b"\n", b"")
    plausible = kind >= 3
    if plausible:  # consistent times, so calls really get built and stored
        t0 = draw(st.integers(0, 80_000))
        wait, talk = draw(st.integers(0, 120)), draw(st.integers(0, 600))
        outcome = draw(st.sampled_from(["ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION"]))
        answered = outcome == "ANSWERED"
        start, answer, end = _at(t0), _at(t0 + wait) if answered else "", _at(t0 + wait + talk)
        durations = [str(wait + talk), str(talk if answered else 0)]
    else:
        start, answer, end = draw(stamp | bad_stamp), draw(st.just("") | stamp | bad_stamp), draw(stamp | bad_stamp)
        durations = [draw(seconds), draw(seconds)]
        outcome = draw(disposition)
    cells = ["", draw(st.sampled_from(["1001", "1002"])), "201", draw(st.sampled_from(["sales", "support", ""])),
             '"A" <1001>', "SIP/1001-00000001", draw(st.sampled_from(["SIP/201-0000001a", "PJSIP/7-1", ""])),
             "Dial", "SIP/201,30", start, answer, end, *durations, outcome, "DOCUMENTATION",
             draw(st.integers(1, 15).map(lambda n: f"1763427600.{n}") | st.just(""))]
    cells += draw(st.sampled_from([[""], [], ["", "", "x", "2"], ["", "extra", "more"]]))
    if kind == 1:  # random column count
        cells = cells[: draw(st.integers(0, len(cells)))]
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_ALL if kind % 2 else csv.QUOTE_MINIMAL, lineterminator="").writerow(cells)
    text = buf.getvalue()
    if kind == 2:  # truncated mid-line
        text = text[: draw(st.integers(0, len(text)))]
    return text.encode("utf-8")


lines_strategy = st.integers(0, 40).flatmap(lambda n: st.lists(cdr_line(), min_size=n, max_size=n))


def expected_ids(calls) -> set[str]:
    namer = FeedStore(None, source="x")  # type: ignore[arg-type]  # external_id needs no database
    return {namer.external_id(c) for c in calls}


@settings(max_examples=80, deadline=None)
@given(lines=lines_strategy)
def test_parser_never_crashes_and_accounts_for_every_line(lines):
    report = ParseReport()
    parser = CdrParser(report, TZ)
    try:
        calls = list(parser.parse(lines))
    except CdrFormatError:
        return
    assert report.lines == len(lines)
    assert report.events == len(calls)
    assert report.events + report.malformed_count + report.blank + parser.header == len(lines)
    assert [p.line for p in report.malformed] == sorted({p.line for p in report.malformed})
    assert all(1 <= p.line <= len(lines) for p in report.malformed)
    for c in calls:
        assert c.outcome in OUTCOMES
        assert math.isfinite(c.offered_at) and c.offered_at <= c.ended_at
        assert c.wait_sec >= 0 and c.talk_sec >= 0
        assert (c.answered_at is not None) == (c.outcome == "answered")
        if c.answered_at is not None:
            assert c.offered_at <= c.answered_at <= c.ended_at
        else:
            assert c.agent is None and c.talk_sec == 0


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(lines=lines_strategy)
def test_importer_never_crashes_and_reimport_adds_nothing(sqlite_db, lines):
    source = f"cdrprop-{next(_sources)}"
    try:
        calls = list(CdrParser(ParseReport(), TZ).parse(lines))
        first = import_cdr(sqlite_db, lines, tz=TZ, source=source, batch_size=3)
    except CdrFormatError:
        return
    again = import_cdr(sqlite_db, lines, tz=TZ, source=source, batch_size=3)
    with sqlite_db.session() as s:
        stored = s.scalar(select(func.count()).select_from(Interaction).where(Interaction.source == source))
    assert first.calls == first.report.events == len(calls)
    assert stored == first.stored.calls_new == len(expected_ids(calls))
    assert again.stored.calls_new == 0


class Boom(RuntimeError):
    pass


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(lines=lines_strategy, fail_at=st.integers(1, 4))
def test_a_batch_lands_whole_or_not_at_all(sqlite_db, lines, fail_at):
    try:
        calls = list(CdrParser(ParseReport(), TZ).parse(lines))
    except CdrFormatError:
        return
    source = f"cdratomic-{next(_sources)}"
    write = FeedStore._write
    batches = itertools.count(1)
    failed = False

    def failing(self, s, *args):
        changes = write(self, s, *args)  # the whole batch is written, then the transaction fails
        if next(batches) == fail_at:
            raise Boom
        return changes

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(FeedStore, "_write", failing)
        try:
            summary = import_cdr(sqlite_db, lines, tz=TZ, source=source, batch_size=2)
        except Boom:
            failed = True
    with sqlite_db.session() as s:
        stored = s.scalar(select(func.count()).select_from(Interaction).where(Interaction.source == source))
    if failed:
        assert stored == len(expected_ids(calls[: 2 * (fail_at - 1)]))  # the batches before, nothing of the failed one
    else:
        assert stored == summary.stored.calls_new == len(expected_ids(calls))
    import_cdr(sqlite_db, lines, tz=TZ, source=source, batch_size=2)  # the retry completes it
    with sqlite_db.session() as s:
        stored = s.scalar(select(func.count()).select_from(Interaction).where(Interaction.source == source))
    assert stored == len(expected_ids(calls))
