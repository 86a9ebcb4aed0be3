"""Asterisk CDR CSV (Master.csv) import: parsing, mapping to interactions, idempotent storing, CLI."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.cli import main
from app.feed.cdr import CdrFormatError, CdrParser, agent_of, import_cdr
from app.feed.queue_log import ParseReport
from db.models import Interaction, Person, Queue
from tests import factories

FIXTURES = Path(__file__).parent / "fixtures" / "cdr"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def parse(path: Path, tz: ZoneInfo = SHANGHAI, **kw):
    report = ParseReport()
    parser = CdrParser(report, tz, **kw)
    with path.open("rb") as fh:
        calls = list(parser.parse(fh))
    return report, parser, calls


@pytest.mark.parametrize(("channel", "peer"), [
    ("SIP/201-0000001a", "SIP/201"), ("PJSIP/300-00000c1d", "PJSIP/300"),
    ("Local/500@from-queue-00000011;1", "Local/500@from-queue"), ("DAHDI/1-1", "DAHDI/1"),
    ("SIP/trunk", "SIP/trunk"), ("", None), ("  ", None)])
def test_agent_is_the_peer_of_dstchannel(channel, peer):
    assert agent_of(channel) == peer


def test_headerless_master_csv_maps_rows_and_lists_malformed_rows_with_line_numbers():
    report, parser, calls = parse(FIXTURES / "master.csv")
    assert not parser.header
    assert report.lines == 11 and report.blank == 1 and report.events == 5
    assert {p.line: p.reason for p in report.malformed} == {
        7: "the row has 19 columns, expected 16, 17, 18 or 21",
        8: "the start time is not a valid date and time",
        9: "the answer time is outside start..end",
        10: "billsec is not a whole number of seconds >= 0",
        11: "the line is not valid UTF-8",
    }
    assert report.events + report.malformed_count + report.blank == report.lines
    first = calls[0]
    # 09:00 Shanghai wall time is 01:00 UTC
    assert first.offered_at == datetime(2026, 11, 18, 1, 0, tzinfo=UTC).timestamp()
    assert (first.answered_at - first.offered_at, first.wait_sec, first.talk_sec) == (12, 12.0, 180.0)
    assert first.ended_at - first.offered_at == 192
    assert (first.callid, first.queue, first.agent, first.outcome) == ("1763427600.1", "sales", "SIP/201", "answered")
    assert [(c.outcome, c.answered_at is None, c.agent, c.talk_sec) for c in calls[1:4]] == [
        ("abandoned", True, None, 0.0), ("other", True, None, 0.0), ("other", True, None, 0.0)]
    assert calls[1].wait_sec == 30.0  # not answered: waited until the end


def test_header_with_new_cdr_columns_is_read_by_name_and_queue_option_overrides_dcontext():
    report, parser, calls = parse(FIXTURES / "header_newcolumns.csv", tz=ZoneInfo("UTC"), queue="Support")
    assert parser.header and report.events == 2 and [p.line for p in report.malformed] == [4]
    assert {c.queue for c in calls} == {"Support"}
    assert calls[0].agent == "Local/500@from-queue"
    assert calls[0].offered_at == datetime(2026, 11, 19, 14, 0, tzinfo=UTC).timestamp()


def test_a_header_without_start_end_or_disposition_is_refused():
    with pytest.raises(CdrFormatError, match="end"):
        list(CdrParser(ParseReport(), SHANGHAI).parse([b"src,dst,start,disposition\n"]))


def test_a_row_without_uniqueid_gets_a_stable_hash_as_external_id():
    row = (b'"","1","2","ctx","","SIP/1-1","SIP/2-2","Dial","","2026-11-18 09:00:00","2026-11-18 09:00:01",'
           b'"2026-11-18 09:00:10",10,9,"ANSWERED","DOCUMENTATION"\n')
    a = list(CdrParser(ParseReport(), SHANGHAI).parse([row]))
    b = list(CdrParser(ParseReport(), SHANGHAI).parse([row]))
    assert len(a) == 1 and a[0].callid == b[0].callid and a[0].callid.startswith("row-")


def test_import_stores_interactions_and_reimport_adds_nothing(any_db):
    with any_db.session() as s:
        factories.center(s, tz="Asia/Shanghai")
    with (FIXTURES / "master.csv").open("rb") as fh:
        first = import_cdr(any_db, fh, batch_size=2)  # several batches; the center's zone is the default
    with (FIXTURES / "master.csv").open("rb") as fh:
        again = import_cdr(any_db, fh, batch_size=2)
    assert first.stored.calls_new == 5 and first.stored.batches == 3
    assert again.stored.calls_new == 0 and again.stored.calls_already == 5
    with any_db.session() as s:
        rows = s.execute(select(Interaction.external_id, Interaction.offered_at, Interaction.outcome,
                                Interaction.talk_sec, Queue.name, Person.full_name)
                         .join(Queue, Queue.id == Interaction.queue_id)
                         .outerjoin(Person, Person.id == Interaction.agent_id)
                         .where(Interaction.source == "cdr").order_by(Interaction.offered_at)).all()
    assert len(rows) == 5
    assert rows[0] == ("1763427600.1", datetime(2026, 11, 18, 1, 0, tzinfo=UTC), "answered", 180.0,
                       "sales", "SIP/201")
    assert [r.outcome for r in rows] == ["answered", "abandoned", "other", "other", "answered"]
    assert rows[4].full_name == "PJSIP/301" and rows[1].full_name is None


def test_cli_imports_with_timezone_and_json_summary(tmp_path, capsys):
    url = str(tmp_path / "cli.db")
    code = main(["import", "cdr", str(FIXTURES / "master.csv"), "--db", url, "--timezone", "UTC",
                 "--queue", "Inbound", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "cdr" and data["source"] == "cdr" and data["rows"] == 5
    assert data["malformed"] == 5 and [p["line"] for p in data["malformed_lines"]] == [7, 8, 9, 10, 11]
    assert data["queues"]["Inbound"]["offered"] == 5 and data["queues"]["Inbound"]["answered"] == 2
    assert data["stored"]["calls_new"] == 5
    assert main(["import", "cdr", str(FIXTURES / "master.csv"), "--db", url, "--timezone", "UTC"]) == 0
    out = capsys.readouterr().out
    assert "Read 11 lines: 5 call rows, 5 malformed, 1 blank" in out
    assert "0 new interactions" in out and "line 9: the answer time is outside start..end" in out


def test_cli_refuses_unknown_time_zone_missing_file_and_bad_header(tmp_path, capsys):
    url = str(tmp_path / "cli.db")
    assert main(["import", "cdr", str(FIXTURES / "master.csv"), "--db", url, "--timezone", "Mars/Base"]) == 2
    assert main(["import", "cdr", str(tmp_path / "nope.csv"), "--db", url]) == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("start,disposition,src\n")
    assert main(["import", "cdr", str(bad), "--db", url]) == 2
    err = capsys.readouterr().err
    assert "unknown time zone" in err and "no such file" in err and "no column end" in err
