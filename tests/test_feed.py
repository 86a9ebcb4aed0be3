"""The queue_log feed: parser, call state machine, import, tailer, simulator and live stats."""

from __future__ import annotations

import json
import os
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.feed.calls import FeedState
from app.feed.queue_log import (
    KNOWN_EVENTS,
    ParseReport,
    QueueLogFormatError,
    parse_native,
    parse_table,
)
from app.feed.simulator import SimConfig, SimTruth, simulate
from app.feed.stats import live_stats
from app.feed.store import FeedStore, employee_no_for, import_events
from app.feed.tail import FileTailer
from db.models import AgentStateInterval, Interaction, Person, Queue
from tests.conftest import SHARED_DATA

FIXTURES = Path(__file__).parent / "fixtures" / "queue_log"
WAZO = SHARED_DATA / "asterisk" / "wazo_doc_samples" / "queue_log_table_samples.csv"

ISSUE_7_EVENTS = ("ENTERQUEUE CONNECT COMPLETECALLER COMPLETEAGENT ABANDON EXITWITHTIMEOUT EXITEMPTY EXITWITHKEY "
                  "TRANSFER BLINDTRANSFER ATTENDEDTRANSFER RINGNOANSWER RINGCANCELED ADDMEMBER REMOVEMEMBER PAUSE "
                  "UNPAUSE PAUSEALL UNPAUSEALL AGENTLOGIN AGENTLOGOFF AGENTCALLBACKLOGIN AGENTCALLBACKLOGOFF "
                  "QUEUESTART CONFIGRELOAD SYSCOMPAT DID AGENTDUMP PENALTY JOINEMPTY FULL CLOSED").split()


def run(path: Path, *, table: bool = False) -> tuple[ParseReport, FeedState, list, list]:
    report, state = ParseReport(), FeedState()
    with path.open("rb") as fh:
        for event in (parse_table if table else parse_native)(fh, report):
            state.push(event)
    calls, intervals = state.flush()
    return report, state, calls, intervals


def per_queue(calls) -> dict[str, tuple[int, int, int]]:
    out: dict[str, Counter] = {}
    for c in calls:
        k = out.setdefault(c.queue, Counter())
        k["offered"] += 1
        k["answered"] += c.answered
        k["abandoned"] += c.outcome == "abandoned"
    return {q: (k["offered"], k["answered"], k["abandoned"]) for q, k in out.items()}


# ------------------------------------------------------------------------------------------ parser
def test_every_standard_event_of_issue_7_and_format_md_is_known():
    assert set(ISSUE_7_EVENTS) <= KNOWN_EVENTS


def test_fixture_with_every_event_type_gives_exact_per_queue_counts():
    report, state, calls, intervals = run(FIXTURES / "all_events.log")
    assert report.malformed_count == 0 and report.unknown_count == 0
    assert set(ISSUE_7_EVENTS) - {"AGENTDUMP"} <= set(state.counts.by_event)
    assert per_queue(calls) == {"sales": (4, 2, 1), "support": (6, 4, 0)}
    assert state.counts.refused == {"sales": 2, "support": 1}  # JOINEMPTY, FULL / CLOSED are not offered
    outcomes = Counter((c.queue, c.outcome) for c in calls)
    assert outcomes[("sales", "timeout")] == 1
    assert outcomes[("support", "transferred")] == 3
    assert outcomes[("support", "other")] == 2  # EXITEMPTY, EXITWITHKEY


def test_wait_and_talk_follow_the_derived_kpis_and_ringnoanswer_is_not_an_answer():
    _r, _s, calls, _i = run(FIXTURES / "all_events.log")
    by_id = {c.callid: c for c in calls}
    first = by_id["1700000010.10"]
    assert (first.offered_at, first.answered_at, first.ended_at) == (1700000010, 1700000015, 1700000075)
    assert (first.wait_sec, first.talk_sec, first.agent, first.rings_unanswered) == (5, 60, "SIP/8001", 1)
    assert by_id["1700000020.20"].agent == "Local/2002@from-internal/n"
    abandoned = by_id["1700000030.30"]
    assert (abandoned.answered, abandoned.wait_sec, abandoned.outcome) == (False, 16, "abandoned")
    assert by_id["1700000050.40"].wait_sec == 300
    assert by_id["1700000070.60"].wait_sec == 9  # EXITWITHKEY: waittime is data4
    assert (by_id["1700000080.70"].talk_sec, by_id["1700000080.70"].outcome) == (120, "transferred")
    assert by_id["1700000100.90"].talk_sec == 30  # ATTENDEDTRANSFER calltime = data4
    assert by_id["1700000110.95"].answered  # connected, then dropped by SYSCOMPAT


def test_agent_intervals_from_login_members_and_pauses():
    _r, _s, _c, intervals = run(FIXTURES / "all_events.log")
    got = {(i.agent, i.state, i.reason, i.started_at, i.ended_at) for i in intervals}
    assert got == {
        ("SIP/8001", "logged_in", None, 1700000002, 1700000600),  # last REMOVEMEMBER ends it
        ("SIP/8001", "paused", "Lunch", 1700000200, 1700000500),  # per-queue PAUSE + PAUSEALL = one pause
        ("Agent/1127", "logged_in", None, 1700000003, 1700000700),
        ("Agent/2001", "logged_in", None, 1700000004, 1700000800),
        ("Local/2002@from-internal/n", "logged_in", None, 1700000005, None),  # still a member at the end
    }


def test_quirks_malformed_unknown_duplicates_out_of_order_are_counted_with_line_numbers():
    report, state, calls, _i = run(FIXTURES / "quirks.log")
    assert report.lines == 18 and report.blank == 1
    assert [p.line for p in report.malformed] == [14, 15, 17, 18]
    assert "not valid UTF-8" in report.malformed[3].reason
    assert [(p.line, p.reason) for p in report.unknown] == [(13, "unknown event ENTERQ"),
                                                           (16, "unknown event FROBNICATE")]
    assert state.counts.duplicates == 2 and state.counts.out_of_order == 1
    assert per_queue(calls) == {"vip": (3, 2, 1)}
    by_id = {c.callid: c for c in calls}
    assert by_id["1700001090.3"].offered_at == 1700001085  # ENTERQUEUE arrived after CONNECT
    assert by_id["1700001000.1"].agent == "Paty Marin"


def test_trailing_empty_fields_present_or_missing_parse_the_same():
    report = ParseReport()
    a, b = parse_native([b"1700000000|NONE|NONE|NONE|QUEUESTART|\n", b"1700000000|NONE|NONE|NONE|QUEUESTART"],
                        report)
    assert a.key == b.key and a.data == ("",) * 5 and report.malformed_count == 0


def test_wazo_table_form_sample_from_shared_data():
    if not WAZO.exists():
        pytest.skip(f"shared data not present: {WAZO}")
    report, state, calls, intervals = run(WAZO, table=True)
    assert report.events == 12 and report.malformed_count == 0 and report.unknown_count == 0
    assert per_queue(calls) == {"q1": (3, 2, 1)}  # rows out of time order, calls without ENTERQUEUE
    assert state.counts.refused == {"q1": 3}  # JOINEMPTY, FULL, CLOSED
    completed = next(c for c in calls if c.callid == "1341401851.34")
    assert (completed.wait_sec, completed.talk_sec) == (2, 12)
    login = datetime(2012, 7, 3, 15, 27, 23, 896208, tzinfo=UTC).timestamp()
    logoff = datetime(2012, 7, 3, 15, 28, 6, 249357, tzinfo=UTC).timestamp()
    assert [(i.agent, i.state, i.started_at, i.ended_at) for i in intervals] == [
        ("Agent/3001", "logged_in", login, logoff)]


def test_table_form_epoch_times_combined_data_bad_rows_and_missing_columns():
    rows = [b"time,callid,queuename,agent,event,data,extra\n",
            b"1700000000,1.1,q,NONE,ENTERQUEUE,|100|1,x\n",
            b"1700000009,1.1,q,SIP/1,CONNECT,9|1.2|1,x\n",
            b"1700000010,1.1,q,SIP/1,COMPLETECALLER,9|1|1\n",  # a column short
            b"yesterday,1.3,q,NONE,ENTERQUEUE,,x\n"]
    report = ParseReport()
    events = list(parse_table(rows, report))
    assert [e.name for e in events] == ["ENTERQUEUE", "CONNECT"]
    assert events[1].number(1) == 9
    assert [p.line for p in report.malformed] == [4, 5]
    with pytest.raises(QueueLogFormatError, match="callid"):
        list(parse_table([b"time,queuename,agent,event\n"], ParseReport()))


# ------------------------------------------------------------------------------------------ import
def test_import_stores_calls_and_states_and_reimport_adds_nothing(any_db):
    with (FIXTURES / "all_events.log").open("rb") as fh:
        first = import_events(any_db, fh, batch_size=3)  # several batches
    assert first.stored.calls_new == 10 and first.stored.batches >= 4
    with (FIXTURES / "all_events.log").open("rb") as fh:
        again = import_events(any_db, fh, batch_size=3)
    assert again.stored.calls_new == 0 and again.stored.calls_already == 10
    assert again.stored.intervals_new == 0 and again.stored.intervals_already == 5
    with any_db.session() as s:
        rows = s.execute(select(Queue.name, Interaction.outcome, func.count())
                         .join(Queue, Queue.id == Interaction.queue_id)
                         .where(Interaction.source == "queue_log")
                         .group_by(Queue.name, Interaction.outcome)).all()
        assert {(q, o): n for q, o, n in rows} == {
            ("sales", "answered"): 2, ("sales", "abandoned"): 1, ("sales", "timeout"): 1,
            ("support", "transferred"): 3, ("support", "answered"): 1, ("support", "other"): 2}
        assert s.scalar(select(func.count()).select_from(AgentStateInterval)) == 5
        person = s.scalars(select(Person).where(Person.employee_no == employee_no_for("SIP/8001"))).one()
        assert person.full_name == "SIP/8001"
        call = s.scalars(select(Interaction).where(Interaction.external_id == "1700000010.10")).one()
        assert (call.wait_sec, call.talk_sec, call.agent_id) == (5, 60, person.id)
        assert call.offered_at == datetime.fromtimestamp(1700000010, UTC)


def test_a_call_stored_open_is_completed_by_a_later_import(sqlite_db):
    lines = (FIXTURES / "all_events.log").read_bytes().splitlines(keepends=True)
    first_part = [line for line in lines if b"|COMPLETECALLER|" not in line]
    import_events(sqlite_db, first_part)
    full = import_events(sqlite_db, lines)
    assert full.stored.calls_completed == 1 and full.stored.calls_new == 0
    with sqlite_db.session() as s:
        call = s.scalars(select(Interaction).where(Interaction.external_id == "1700000010.10")).one()
        assert call.ended_at == datetime.fromtimestamp(1700000075, UTC) and call.talk_sec == 60


def test_a_call_moving_to_a_second_queue_keeps_both_legs(sqlite_db):
    lines = [b"1700000000|5.5|first|NONE|ENTERQUEUE||1|1\n", b"1700000010|5.5|first|NONE|EXITWITHTIMEOUT|1|1|10\n",
             b"1700000011|5.5|second|NONE|ENTERQUEUE||1|1\n", b"1700000020|5.5|second|NONE|ABANDON|1|1|9\n"]
    for _ in range(2):
        import_events(sqlite_db, lines)
    with sqlite_db.session() as s:
        assert sorted(s.scalars(select(Interaction.external_id))) == ["5.5", "5.5@second"]


def test_importing_a_simulated_queue_log_gives_correct_per_queue_counts(sqlite_db, tmp_path, capsys):
    truth = SimTruth()
    path = tmp_path / "queue_log"
    config = SimConfig(rate=400, agents=6, duration=3 * 3600, seed=3)
    path.write_text("".join(text + "\n" for _t, text in simulate(config, truth)), encoding="utf-8")
    assert sum(truth.abandoned.values()) > 10 and sum(truth.answered.values()) > 100
    url = str(tmp_path / "test.db")
    assert main(["import", "queue-log", str(path), "--db", url, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["simulated"] and out["source"] == "simulator" and out["malformed"] == 0
    for queue in config.queues:
        q = out["queues"][queue]
        assert (q["offered"], q["answered"], q["abandoned"]) == (
            truth.offered[queue], truth.answered[queue], truth.abandoned[queue])
    from app.bootstrap import open_database

    db = open_database(url).db
    with db.session() as s:
        stored = dict(s.execute(select(Queue.name, func.count()).join(Interaction, Interaction.queue_id == Queue.id)
                                .where(Interaction.source == "simulator").group_by(Queue.name)).all())
    db.dispose()
    assert stored == dict(truth.offered)


def test_import_cli_queue_map_and_clear_errors(tmp_path, capsys):
    url = str(tmp_path / "t.db")
    code = main(["import", "queue-log", str(FIXTURES / "all_events.log"), "--db", url, "--queue-map",
                 "sales=Phone Sales"])
    assert code == 0
    assert "sales" in capsys.readouterr().out
    from app.bootstrap import open_database

    db = open_database(url).db
    with db.session() as s:
        assert set(s.scalars(select(Queue.name))) == {"Phone Sales", "support"}
    db.dispose()
    assert main(["import", "queue-log", str(tmp_path / "nope.log"), "--db", url]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["import", "queue-log", str(FIXTURES / "all_events.log"), "--db", url, "--table-form"]) == 2
    assert "no column" in capsys.readouterr().err


def test_a_failed_batch_writes_nothing_and_the_next_attempt_recovers(sqlite_db, monkeypatch):
    _r, _s, calls, intervals = run(FIXTURES / "all_events.log")
    store = FeedStore(sqlite_db)

    def boom(*_args, **_kw):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(FeedStore, "_write_intervals", boom)  # after the calls were inserted
    with pytest.raises(RuntimeError):
        store.store_batch(calls, intervals)
    with sqlite_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Interaction)) == 0
        assert s.scalar(select(func.count()).select_from(Queue)) == 0
    assert store.counts.calls_new == 0
    monkeypatch.undo()
    store.store_batch(calls, intervals)
    with sqlite_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Interaction)) == 10


# ------------------------------------------------------------------------------------------ tail
def test_tailer_follows_appends_partial_lines_rotation_truncation_and_deletion(tmp_path):
    path = tmp_path / "queue_log"
    path.write_bytes(b"1|a\n2|b\n3|par")
    tail = FileTailer(path)
    assert tail.poll() == [b"1|a", b"2|b"]
    with path.open("ab") as fh:
        fh.write(b"tial\n4|d\n")
    assert tail.poll() == [b"3|partial", b"4|d"]
    assert tail.poll() == []
    # logrotate: the old file is renamed (and written to once more), a new one takes its name
    with path.open("ab") as fh:
        fh.write(b"5|e\n")
    path.rename(tmp_path / "queue_log.1")
    with (tmp_path / "queue_log.1").open("ab") as fh:
        fh.write(b"6|f\n")
    path.write_bytes(b"7|g\n")
    assert tail.poll() == [b"5|e", b"6|f", b"7|g"]
    assert tail.status.rotations == 1
    # copytruncate: same file, shorter
    with path.open("ab") as fh:
        fh.write(b"8|h\n")
    assert tail.poll() == [b"8|h"]
    with path.open("wb") as fh:
        fh.write(b"9|i\n")
    assert tail.poll() == [b"9|i"]
    assert tail.status.truncations == 1
    # deleted: wait, then pick up the new file from its start
    path.unlink()
    assert tail.poll() == [] and tail.status.missing
    path.write_bytes(b"10|j\n")
    assert tail.poll() == [b"10|j"] and not tail.status.missing
    tail.close()


def test_tailer_can_start_at_the_end_and_waits_for_a_missing_file(tmp_path):
    path = tmp_path / "later"
    tail = FileTailer(path, from_end=True)
    assert tail.poll() == [] and tail.status.missing
    path.write_bytes(b"old\n")
    assert tail.poll() == []  # from_end: what was there when it appeared is skipped
    with path.open("ab") as fh:
        fh.write(b"new\n")
    assert tail.poll() == [b"new"]
    tail.close()


def test_tailed_lines_feed_the_importer_through_a_rotation(sqlite_db, tmp_path):
    lines = (FIXTURES / "all_events.log").read_bytes().splitlines(keepends=True)
    path = tmp_path / "queue_log"
    path.write_bytes(b"".join(lines[:20]))
    tail, report, state = FileTailer(path), ParseReport(), FeedState()
    got = tail.poll()
    os.rename(path, tmp_path / "queue_log.1")
    path.write_bytes(b"".join(lines[20:]))
    got += tail.poll()
    tail.close()
    for event in parse_native(got, report):
        state.push(event)
    calls, _ = state.flush()
    assert per_queue(calls) == {"sales": (4, 2, 1), "support": (6, 4, 0)}


# ------------------------------------------------------------------------------------------ simulator
def test_simulator_is_seeded_time_ordered_marked_and_parses_cleanly():
    config = SimConfig(rate=600, agents=5, duration=1800, seed=9)
    a = list(simulate(config))
    assert a == list(simulate(config))
    times = [t for t, _ in a]
    assert times == sorted(times)
    assert a[0][1].endswith("|INFO|floorwalker-simulator|seed=9")
    report = ParseReport()
    events = list(parse_native([(text + "\n").encode() for _t, text in a], report))
    assert report.simulated and report.malformed_count == 0 and report.unknown_count == 0
    assert {e.agent for e in events if e.agent} == {f"SIM/{n:03d}" for n in range(1, 6)}
    assert {"PAUSE", "UNPAUSE", "RINGNOANSWER", "ABANDON", "CONNECT"} <= {e.name for e in events}


def test_simulate_cli_writes_a_file_and_stores_simulator_rows(tmp_path, capsys):
    out, url = tmp_path / "sim.log", str(tmp_path / "sim.db")
    assert main(["simulate", "--rate", "300", "--agents", "4", "--duration", "1800", "--out", str(out),
                 "--db", url, "--seed", "2"]) == 0
    assert "simulator" in out.read_text(encoding="utf-8").splitlines()[0].lower()
    from app.bootstrap import open_database

    db = open_database(url).db
    with db.session() as s:
        assert set(s.scalars(select(Interaction.source).distinct())) == {"simulator"}
    db.dispose()


# ------------------------------------------------------------------------------------------ live stats
def test_live_stats_per_queue_and_agent_state_R_RESP_3(sqlite_db, frozen_clock, tmp_path, capsys):
    # the fixture's calls moved to the frozen day so "today" covers them
    shift = int(frozen_clock.at.timestamp()) - 1700000800
    lines = []
    for raw in (FIXTURES / "all_events.log").read_bytes().splitlines():
        epoch, rest = raw.split(b"|", 1)
        lines.append(str(int(epoch) + shift - 3600).encode() + b"|" + rest + b"\n")
    import_events(sqlite_db, lines)
    with sqlite_db.session() as s:
        stats = live_stats(s)
    sales = next(q for q in stats.queues if q.name == "sales")
    # waits 5 and 20 answered within 30 s; abandoned 16 s; timed out at 300 s
    assert (sales.offered, sales.answered, sales.abandoned) == (4, 2, 1)
    assert sales.service_level == pytest.approx(0.5) and sales.abandon_rate == pytest.approx(0.25)
    assert sales.asa_sec == pytest.approx(12.5) and sales.longest_wait_sec == 300
    assert sales.waiting_now == 0
    states = {a.name: a.state for a in stats.agents}
    assert states["Local/2002@from-internal/n"] == "available" and states["SIP/8001"] == "logged_out"
    assert not stats.simulated
    url = str(tmp_path / "test.db")
    assert main(["live", "stats", "--db", url, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {q["name"]: q["offered"] for q in data["queues"]} == {"sales": 4, "support": 6}
    assert main(["live", "stats", "--db", url, "--since", "2000-01-01T00:00"]) == 0
    assert "sales" in capsys.readouterr().out
    assert main(["live", "stats", "--db", url, "--since", "last tuesday"]) == 2


def test_live_stats_counts_a_waiting_caller_and_an_agent_on_call(sqlite_db, frozen_clock):
    now = int(frozen_clock.at.timestamp())
    lines = [f"{now - 100}|1.1|q|SIP/1|ADDMEMBER|", f"{now - 50}|1.2|q|NONE|ENTERQUEUE||1|1",
             f"{now - 40}|1.2|q|SIP/1|CONNECT|10|1.3|1", f"{now - 20}|1.4|q|NONE|ENTERQUEUE||2|1"]
    import_events(sqlite_db, [(line + "\n").encode() for line in lines])
    with sqlite_db.session() as s:
        stats = live_stats(s)
    q = next(q for q in stats.queues if q.name == "q")
    assert (q.offered, q.answered, q.waiting_now, q.longest_waiting_now_sec) == (2, 1, 1, 20)
    agent = next(a for a in stats.agents if a.name == "SIP/1")
    assert (agent.state, agent.time_in_state_sec) == ("on_call", 40)


def test_live_benchmark_is_registered():
    from app.bench.registry import load_benchmarks
    from app.feed.bench import bench_lines

    assert "live" in load_benchmarks()
    lines = bench_lines(2000)
    assert len(lines) == 2000


def test_live_feed_from_a_tailed_file_shows_waiting_callers_then_completes_them(sqlite_db, frozen_clock, tmp_path):
    from app.feed.follow import LiveFeed

    now = int(frozen_clock.at.timestamp())
    path = tmp_path / "queue_log"
    path.write_text(f"{now - 100}|M|q|SIP/1|ADDMEMBER|\n{now - 60}|1.1|q|NONE|ENTERQUEUE||1|1\n"
                    f"{now - 50}|1.1|q|SIP/1|CONNECT|10|1.2|1\n{now - 30}|2.1|q|NONE|ENTERQUEUE||2|1\n",
                    encoding="utf-8")
    tail, feed = FileTailer(path), LiveFeed(sqlite_db)
    feed.feed(tail.poll())
    assert feed.commit().calls_open == 2
    with sqlite_db.session() as s:
        stats = live_stats(s)
    q = stats.queues[0]
    assert (q.offered, q.answered, q.waiting_now, q.longest_waiting_now_sec, q.longest_wait_sec) == (2, 1, 1, 30, 30)
    assert [(a.name, a.state) for a in stats.agents] == [("SIP/1", "on_call")]
    frozen_clock.advance(seconds=60)
    path.rename(tmp_path / "queue_log.1")  # rotated while followed
    path.write_text(f"{now + 10}|1.1|q|SIP/1|COMPLETECALLER|10|60|1\n{now + 20}|2.1|q|NONE|ABANDON|1|1|50\n",
                    encoding="utf-8")
    feed.feed(tail.poll())
    feed.commit()
    # a later end inside the grace period still lands on the call stored from the snapshot
    feed.feed([f"{now + 12}|1.1|q|SIP/1|TRANSFER|5000|ctx|10|62|1".encode()])
    feed.commit()
    for _ in range(2):  # the feed clock passes the grace period: both calls are released and stored whole
        feed.feed([f"{now + 1000}|NONE|NONE|NONE|QUEUESTART|".encode()])
        feed.commit()
    tail.close()
    with sqlite_db.session() as s:
        rows = s.execute(select(Interaction.external_id, Interaction.outcome, Interaction.talk_sec,
                                Interaction.ended_at.is_(None)).order_by(Interaction.external_id)).all()
        stats = live_stats(s)
    assert [tuple(r) for r in rows] == [("1.1", "transferred", 62.0, False), ("2.1", "abandoned", 0.0, False)]
    q = stats.queues[0]
    assert (q.offered, q.answered, q.abandoned, q.waiting_now, q.longest_wait_sec) == (2, 1, 1, 0, 50)
    assert feed.store is not None and feed.store.counts.calls_new == 2
    assert [(a.name, a.state) for a in stats.agents] == [("SIP/1", "available")]
