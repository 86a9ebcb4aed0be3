"""`floorwalker import cdr FILE --recordings DIR [--columns LIST]`: recordings linked from MixMonitor names or
the file a CDR row names, a custom column order, unknown columns reported; bad audio listed, the rest goes on."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.bootstrap import open_database
from app.cli import main
from db.models import Interaction, QaRecordingCheck
from tests.qa_fixtures import write_wav

HEADER = ("accountcode,src,dst,dcontext,clid,channel,dstchannel,lastapp,lastdata,start,answer,end,duration,"
          "billsec,disposition,amaflags,uniqueid,userfield,peeraccount,linkedid,sequence,recordingfile,did\n")


def _row(uid: str, minute: int, recording: str = "", userfield: str = "") -> str:
    return (f'"","13800000000","500","support","","SIP/trunk-1","SIP/201-0000001a","Queue","support",'
            f'"2026-11-10 09:{minute:02d}:00","2026-11-10 09:{minute:02d}:10","2026-11-10 09:{minute + 3:02d}:10",'
            f'190,180,"ANSWERED","DOCUMENTATION","{uid}","{userfield}","","{uid}",1,"{recording}","4008"\n')


def test_cdr_import_links_recordings_and_lists_bad_audio(tmp_path, capsys):
    url = str(tmp_path / "cdr.db")
    open_database(url).db.dispose()
    cdr = tmp_path / "Master.csv"
    cdr.write_text(HEADER
                   + _row("1762736400.1", 0)  # MixMonitor queue name in the folder
                   + _row("1762736400.2", 5, recording="in-500-13800000000-20261110-090500-1762736400.2.wav")
                   + _row("1762736400.3", 10, userfield="missing-call.wav")  # named, not there
                   + _row("1762736400.4", 15)  # <uniqueid>.wav, but empty
                   + _row("1762736400.5", 20),  # no recording at all: not a problem
                   encoding="utf-8")
    rec = tmp_path / "monitor"
    write_wav(rec / "q-support-13800000000-20261110-090000-1762736400.1.wav", seconds=2.0)
    write_wav(rec / "in-500-13800000000-20261110-090500-1762736400.2.wav")
    (rec / "1762736400.4.wav").write_bytes(b"")
    assert main(["import", "cdr", str(cdr), "--db", url, "--recordings", str(rec), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["stored"]["calls_new"] == 5
    assert out["unknown_columns"] == ["did"]
    recordings = out["recordings"]
    assert recordings["linked"] == 2
    assert {(p["file"], p["status"]) for p in recordings["problems"]} == {
        ("missing-call.wav", "missing"), ("1762736400.4.wav", "empty")}
    db = open_database(url).db
    with db.session() as s:
        refs = dict(s.execute(select(Interaction.external_id, Interaction.recording_ref)).all())
        checks = dict(s.execute(select(QaRecordingCheck.interaction_id, QaRecordingCheck.status)).all())
        secs = s.scalar(select(Interaction.recording_sec).where(Interaction.external_id == "1762736400.1"))
    db.dispose()
    assert refs["1762736400.1"].endswith("1762736400.1.wav") and secs == 2.0
    assert refs["1762736400.2"].endswith("1762736400.2.wav")
    assert refs["1762736400.3"] is None and refs["1762736400.5"] is None
    assert sorted(checks.values()) == ["empty", "missing", "ok", "ok"]
    # importing again adds nothing and links nothing twice
    assert main(["import", "cdr", str(cdr), "--db", url, "--recordings", str(rec), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["stored"]["calls_new"] == 0 and again["recordings"]["linked"] == 0
    assert again["recordings"]["already"] == 2


def test_a_custom_column_order_without_header(tmp_path, capsys):
    url = str(tmp_path / "cdr.db")
    open_database(url).db.dispose()
    cdr = tmp_path / "custom.csv"
    cdr.write_text('"2026-11-10 09:00:00","2026-11-10 09:03:10","ANSWERED","180","support","SIP/201-01",'
                   '"2026-11-10 09:00:10","1762736400.7"\n'
                   '"2026-11-10 09:10:00","2026-11-10 09:10:30","NO ANSWER","0","support","","","1762736400.8"\n'
                   '"2026-11-10 09:20:00","broken\n', encoding="utf-8")
    columns = "start,end,disposition,billsec,dcontext,dstchannel,answer,uniqueid"
    assert main(["import", "cdr", str(cdr), "--db", url, "--columns", columns, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["stored"]["calls_new"] == 2 and out["malformed"] == 1
    assert "columns" in out["malformed_lines"][0]["reason"] and out["malformed_lines"][0]["line"] == 3
    # a column list without the required columns is refused before anything is stored
    assert main(["import", "cdr", str(cdr), "--db", url, "--columns", "start,end,billsec"]) == 2
    assert "disposition" in capsys.readouterr().err
    assert main(["import", "cdr", str(cdr), "--db", url, "--recordings", str(tmp_path / "nowhere")]) == 2
