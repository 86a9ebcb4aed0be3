"""History import (issue 9 item 1): readers, mappings, batched resumable import, bad rows, CLI."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

import app.imports.service as service
from app.actor import Actor
from app.cli import main
from app.imports.mapping import Mapping, MappingError
from app.imports.reading import ImportFileError, detect_encoding, open_table
from app.imports.service import (
    import_interactions,
    list_mappings,
    load_mapping,
    preview,
    save_mapping,
    write_report,
)
from db.models import Center, Customer, ImportBatch, Interaction, Person, PersonSkill, Queue
from tests.conftest import SHARED_DATA

BANK = SHARED_DATA / "anonymous_bank" / "data_anonymous_bank_february.txt"
FIXTURES = Path(__file__).parent / "fixtures" / "imports"

SIMPLE = {
    "columns": {"id": "id", "queue": "queue", "arrival": "arrival", "wait": "wait", "handle_time": "handle",
                "outcome": "outcome", "agent": "agent"},
    "timezone": "Asia/Shanghai",
    "outcomes": {"answered": ["answered", "接通"], "abandoned": ["abandoned", "放弃"]},
}
HEADER = ["id", "queue", "arrival", "wait", "handle", "outcome", "agent"]
GOOD_ROWS = [
    ["c1", "热线", "2026-11-02 08:00:05", "12", "180", "接通", "张伟"],
    ["c2", "热线", "2026-11-02 08:01:00", "40", "0", "放弃", ""],
    ["c3", "贵宾", "2026-11-02 09:30:00", "3", "95", "接通", "李娜"],
]


def mapping(data: dict | None = None, name: str = "test") -> Mapping:
    return Mapping.from_json(name, data or SIMPLE)


def write_csv(path: Path, header: list[str], rows: list[list[str]], *, encoding: str = "utf-8",
              delimiter: str = ",", newline: str = "\n") -> Path:
    lines = [delimiter.join(header)] + [delimiter.join(r) for r in rows]
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


def count(db, model=Interaction, *where) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def bank_expectations() -> dict:
    """Counted independently of the importer, with the csv module."""
    with BANK.open(newline="", encoding="ascii") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    outcomes = Counter(r["outcome"] for r in rows)
    kept = [r for r in rows if r["outcome"] != "PHANTOM"]
    return {"rows": len(rows), "outcomes": outcomes, "queues": {r["type"] for r in kept},
            "agents": {r["server"] for r in kept} - {"NO_SERVER"},
            "skills": {(r["server"], r["type"]) for r in rows if r["outcome"] == "AGENT" and r["server"] != "NO_SERVER"}}


# --- the bank month -------------------------------------------------------------------------------

@pytest.mark.skipif(not BANK.is_file(), reason=f"the shared anonymous bank file is absent ({BANK})")
def test_the_anonymous_bank_month_imports_with_exact_counts_and_again_adds_nothing(sqlite_db, tmp_path):
    expected = bank_expectations()
    assert expected["rows"] == 33_344
    result = import_interactions(sqlite_db, BANK, "anonymous-bank")
    assert result.rows_read == expected["rows"]
    assert result.rows_imported == expected["outcomes"]["AGENT"] + expected["outcomes"]["HANG"]
    assert result.rows_skipped == expected["outcomes"]["PHANTOM"] == result.reasons["ignored outcome"]
    assert set(result.queues_created) == expected["queues"]
    assert set(result.agents_created) == expected["agents"]
    assert result.skills_added == len(expected["skills"])
    assert count(sqlite_db, Interaction, Interaction.outcome == "answered") == expected["outcomes"]["AGENT"]
    assert count(sqlite_db, Interaction, Interaction.outcome == "abandoned") == expected["outcomes"]["HANG"]
    with sqlite_db.session() as s:
        first = s.scalars(select(Interaction).where(Interaction.external_id == "AA0101:34536")).one()
        # 990201 7:02:47 in Israel (UTC+2 in February), served 7:02:55-7:05:41 by DORIT
        assert first.offered_at == datetime(1999, 2, 1, 5, 2, 47, tzinfo=UTC)
        assert first.answered_at == datetime(1999, 2, 1, 5, 2, 55, tzinfo=UTC)
        assert first.talk_sec == 166 and first.wait_sec == 0 and first.source == "import:anonymous-bank"
        assert s.get(Person, first.agent_id).full_name == "DORIT"
        # arrived 23:59:21, service ended 0:00:29: past midnight, the next day
        late = s.scalars(select(Interaction).where(Interaction.external_id == "AA0103:26809")).one()
        assert late.offered_at.date() == datetime(1999, 2, 17).date()
        assert late.ended_at == datetime(1999, 2, 17, 22, 0, 29, tzinfo=UTC)
        # "0:00:00 = did not happen": an abandoned call has no service times
        hang = s.scalars(select(Interaction).where(Interaction.external_id == "AA0101:34539")).one()
        assert hang.outcome == "abandoned" and hang.answered_at is None and hang.wait_sec == 5
        assert hang.ended_at == datetime(1999, 2, 1, 6, 9, 27, tzinfo=UTC)
        assert {q.channel for q in s.scalars(select(Queue))} == {"phone"}
    again = import_interactions(sqlite_db, BANK, "anonymous-bank")
    assert again.rows_imported == 0 and again.reasons["already imported"] == result.rows_imported
    assert count(sqlite_db) == result.rows_imported
    report = write_report(tmp_path / "skipped.csv", result.skipped)
    assert report == expected["outcomes"]["PHANTOM"]


# --- readers -------------------------------------------------------------------------------------

def test_a_gbk_csv_with_crlf_and_semicolons_is_detected_and_imported(sqlite_db, tmp_path):
    path = write_csv(tmp_path / "gbk.csv", HEADER, GOOD_ROWS, encoding="gbk", delimiter=";", newline="\r\n")
    with open_table(path) as table:
        assert (table.encoding, table.delimiter) == ("gb18030", ";")
    result = import_interactions(sqlite_db, path, mapping())
    assert (result.rows_read, result.rows_imported, result.rows_skipped) == (3, 3, 0)
    assert set(result.queues_created) == {"热线", "贵宾"} and set(result.agents_created) == {"张伟", "李娜"}
    with sqlite_db.session() as s:
        c1 = s.scalars(select(Interaction).where(Interaction.external_id == "c1")).one()
        assert c1.offered_at == datetime(2026, 11, 2, 0, 0, 5, tzinfo=UTC)  # Shanghai is UTC+8
        assert s.get(Person, c1.agent_id).employee_no.startswith("imp-")
        assert c1.outcome == "answered" and c1.talk_sec == 180 and c1.wait_sec == 12


def test_a_utf8_bom_csv_with_crlf_and_semicolons_keeps_its_first_column_name(sqlite_db, tmp_path):
    path = write_csv(tmp_path / "bom.csv", HEADER, GOOD_ROWS, encoding="utf-8-sig", delimiter=";", newline="\r\n")
    with open_table(path) as table:
        assert table.encoding == "utf-8-sig" and table.header[0] == "id"  # not "\ufeffid"
    assert import_interactions(sqlite_db, path, mapping()).rows_imported == 3


def test_encoding_and_delimiter_can_be_given_and_an_unknown_encoding_is_refused(sqlite_db, tmp_path):
    path = write_csv(tmp_path / "cr.csv", HEADER, GOOD_ROWS, encoding="gb18030", delimiter="|", newline="\r")
    result = import_interactions(sqlite_db, path, mapping(), encoding="gb18030", delimiter="|")
    assert result.rows_imported == 3
    with pytest.raises(ImportFileError, match="Unknown encoding"):
        open_table(path, encoding="klingon-8")
    assert detect_encoding("张伟".encode()) == "utf-8"
    assert detect_encoding("张伟".encode("gbk")) == "gb18030"


def test_an_xlsx_imports_and_merged_header_cells_are_refused_with_a_message(sqlite_db, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for r in GOOD_ROWS:
        ws.append([r[0], r[1], datetime.fromisoformat(r[2]), int(r[3]), float(r[4]), r[5], r[6] or None])
    good = tmp_path / "calls.xlsx"
    wb.save(good)
    result = import_interactions(sqlite_db, good, mapping())
    assert (result.rows_read, result.rows_imported) == (3, 3)
    with sqlite_db.session() as s:
        c3 = s.scalars(select(Interaction).where(Interaction.external_id == "c3")).one()
        assert c3.offered_at == datetime(2026, 11, 2, 1, 30, tzinfo=UTC) and c3.talk_sec == 95

    ws.insert_rows(1)
    ws["A1"] = "Calls"
    ws.merge_cells("A1:C1")
    merged = tmp_path / "merged.xlsx"
    wb.save(merged)
    with pytest.raises(ImportFileError, match="merged cells.*A1:C1"):
        import_interactions(sqlite_db, merged, mapping())
    assert count(sqlite_db) == 3


# --- mappings --------------------------------------------------------------------------------------

def test_separate_and_combined_date_time_columns_give_the_same_moments(sqlite_db, tmp_path):
    combined = write_csv(tmp_path / "combined.csv", ["id", "when", "answered", "ended", "queue"], [
        ["a", "03/11/2026 23:58:00", "03/11/2026 23:59:30", "04/11/2026 00:02:00", "Q"]])
    separate = write_csv(tmp_path / "separate.csv", ["id", "day", "when", "answered", "ended", "queue"], [
        ["a", "2026年11月03日", "11:58:00 PM", "23:59:30", "0:02:00", "Q"]])
    cols = {"id": "id", "arrival": "when", "service_start": "answered", "service_end": "ended", "queue": "queue"}
    m1 = Mapping.from_json("combined", {"columns": cols, "datetime_format": "%d/%m/%Y %H:%M:%S",
                                        "timezone": "Asia/Shanghai"})
    m2 = Mapping.from_json("separate", {"columns": {**cols, "date": "day"}, "timezone": "Asia/Shanghai"})
    for path, m in ((combined, m1), (separate, m2)):
        assert import_interactions(sqlite_db, path, m).rows_imported == 1
    with sqlite_db.session() as s:
        rows = s.scalars(select(Interaction).order_by(Interaction.source)).all()
        assert [r.source for r in rows] == ["import:combined", "import:separate"]
        for r in rows:
            assert r.offered_at == datetime(2026, 11, 3, 15, 58, tzinfo=UTC)
            assert r.ended_at == datetime(2026, 11, 3, 16, 2, tzinfo=UTC)  # past midnight locally
            assert r.talk_sec == 150 and r.outcome == "answered" and r.wait_sec == 90


def test_the_centers_time_zone_is_used_when_the_mapping_has_none(sqlite_db, tmp_path):
    with sqlite_db.session() as s:
        s.add(Center(name="Kyiv", timezone="Europe/Kyiv"))
    data = {k: v for k, v in SIMPLE.items() if k != "timezone"}
    path = write_csv(tmp_path / "a.csv", HEADER, GOOD_ROWS[:1])
    import_interactions(sqlite_db, path, mapping(data))
    with sqlite_db.session() as s:
        assert s.scalars(select(Interaction.offered_at)).one() == datetime(2026, 11, 2, 6, 0, 5, tzinfo=UTC)


@pytest.mark.parametrize("data, message", [
    ({"columns": {"queue": "q"}}, "columns.arrival"),
    ({"columns": {"arrival": "a"}}, "queue"),
    ({"columns": {"arrival": "a", "queue": "q", "colour": "c"}}, "Unknown fields"),
    ({"columns": {"arrival": "a", "queue": "q"}, "timezone": "Mars/Olympus"}, "Unknown time zone"),
    ({"columns": {"arrival": "a", "queue": "q", "outcome": "o"}}, "outcomes"),
    ({"columns": {"arrival": "a", "queue": "q"}, "channel": "pigeon"}, "channel"),
])
def test_a_wrong_mapping_is_refused_with_the_reason(data, message):
    with pytest.raises(MappingError, match=message):
        Mapping.from_json("bad", data)


def test_mappings_are_saved_by_name_versioned_and_found_before_the_builtins(sqlite_db):
    actor = Actor("ana", "administrator")
    with sqlite_db.session() as s:
        save_mapping(s, actor, "acme", SIMPLE)
    with sqlite_db.session() as s:
        save_mapping(s, actor, "acme", {**SIMPLE, "channel": "chat"})
    with sqlite_db.session() as s:
        assert load_mapping(s, "acme").channel == "chat"
        infos = {m.name: m for m in list_mappings(s)}
        assert infos["acme"].version == 2 and not infos["acme"].builtin and infos["anonymous-bank"].builtin
        with pytest.raises(MappingError, match="No mapping named 'nope'.*acme.*anonymous-bank"):
            load_mapping(s, "nope")


# --- bad rows, duplicates, resume -------------------------------------------------------------------

def test_bad_rows_are_reported_row_by_row_and_the_valid_rows_are_imported(sqlite_db, tmp_path):
    rows = [
        GOOD_ROWS[0],
        ["c2", "热线", "2026-13-45 08:00", "1", "1", "接通", ""],  # unparseable date
        ["c3", "热线", "2026-11-02 08:03:00", "-4", "10", "接通", ""],  # negative duration
        ["c1", "热线", "2026-11-02 08:04:00", "1", "10", "接通", ""],  # duplicate id
        ["c5", "", "2026-11-02 08:05:00", "1", "10", "接通", ""],  # no queue
        ["c6", "热线", "2026-11-02 08:06:00", "1", "10", "maybe", ""],  # unknown outcome
        ["c7", "热线"],  # short row
        GOOD_ROWS[2],
    ]
    path = write_csv(tmp_path / "bad.csv", HEADER, rows)
    result = import_interactions(sqlite_db, path, mapping())
    assert (result.rows_read, result.rows_imported, result.rows_skipped) == (8, 2, 6)
    by_row = {i.row: i for i in result.skipped}
    assert {r: i.code for r, i in by_row.items()} == {
        2: "unparseable date", 3: "negative duration", 4: "duplicate id", 5: "missing value",
        6: "unknown outcome", 7: "missing columns"}
    assert "data row 1" in by_row[4].message
    assert count(sqlite_db) == 2
    out = tmp_path / "report.csv"
    write_report(out, result.skipped)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        report = list(csv.DictReader(fh))
    assert [(int(r["row"]), r["reason"]) for r in report] == sorted((r, i.code) for r, i in by_row.items())


def test_a_missing_required_column_is_refused_before_anything_is_written(sqlite_db, tmp_path):
    path = write_csv(tmp_path / "cols.csv", [h for h in HEADER if h != "arrival"], [r[:2] + r[3:] for r in GOOD_ROWS])
    with pytest.raises(MappingError, match="no column 'arrival'"):
        import_interactions(sqlite_db, path, mapping())
    assert count(sqlite_db) == 0 and count(sqlite_db, ImportBatch) == 0


def test_reimporting_the_same_file_adds_nothing(any_db, tmp_path):
    path = write_csv(tmp_path / "calls.csv", HEADER, GOOD_ROWS)
    first = import_interactions(any_db, path, mapping(), batch_rows=2)
    again = import_interactions(any_db, path, mapping(), batch_rows=2)
    assert first.rows_imported == 3 and again.rows_imported == 0
    assert again.reasons == {"already imported": 3} and again.queues_created == ()
    assert count(any_db) == 3 and count(any_db, Queue) == 2 and count(any_db, Person) == 2
    assert first.skills_added == 2 and again.skills_added == 0 and count(any_db, PersonSkill) == 2
    with any_db.session() as s:
        assert [b.status for b in s.scalars(select(ImportBatch).order_by(ImportBatch.id))] == ["done", "done"]


def test_rows_without_an_id_column_are_recognised_by_a_hash_of_the_row(sqlite_db, tmp_path):
    data = {**SIMPLE, "columns": {k: v for k, v in SIMPLE["columns"].items() if k != "id"}}
    path = write_csv(tmp_path / "noid.csv", HEADER, GOOD_ROWS)
    assert import_interactions(sqlite_db, path, mapping(data)).rows_imported == 3
    assert import_interactions(sqlite_db, path, mapping(data)).rows_imported == 0


def test_an_interrupted_import_resumes_after_the_last_committed_batch(sqlite_db, tmp_path, monkeypatch):
    rows = [[f"c{i}", "热线", f"2026-11-02 08:{i:02d}:00", "1", "60", "接通", f"agent {i % 3}"] for i in range(10)]
    path = write_csv(tmp_path / "ten.csv", HEADER, rows)
    real = service._write_batch
    calls = {"n": 0}

    def fail_second_batch_once(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk unplugged")
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "_write_batch", fail_second_batch_once)
    with pytest.raises(OSError, match="disk unplugged"):
        import_interactions(sqlite_db, path, mapping(), batch_rows=4)
    assert count(sqlite_db) == 4  # batch 1 committed, batch 2 left nothing behind
    with sqlite_db.session() as s:
        batch = s.scalars(select(ImportBatch)).one()
        assert (batch.status, batch.last_row, batch.rows_imported) == ("failed", 4, 4)
        assert "disk unplugged" in batch.error
    result = import_interactions(sqlite_db, path, mapping(), batch_rows=4)
    assert result.resumed_from == 4 and result.batch_id == batch.id
    assert (result.rows_read, result.rows_imported, result.rows_skipped) == (10, 10, 0)
    assert count(sqlite_db) == 10 and count(sqlite_db, Person) == 3
    with sqlite_db.session() as s:
        assert s.get(ImportBatch, batch.id).status == "done"


def test_customers_are_matched_by_keyed_hash_and_stored_encrypted(sqlite_db, tmp_path):
    data = {**SIMPLE, "columns": {**SIMPLE["columns"], "customer": "phone"}, "customer_none_values": ["-"]}
    rows = [r + [p] for r, p in zip(GOOD_ROWS, ["13812346925", "-", "138 1234 6925"], strict=True)]
    path = write_csv(tmp_path / "cust.csv", [*HEADER, "phone"], rows)
    result = import_interactions(sqlite_db, path, mapping(data))
    assert result.customers_created == 1
    with sqlite_db.session() as s:
        (c,) = s.scalars(select(Customer)).all()
        assert c.phone_masked == "138****6925" and b"13812346925" not in c.phone_enc
        assert sorted(i.customer_id or 0 for i in s.scalars(select(Interaction))) == [0, c.id, c.id]


# --- preview and CLI ------------------------------------------------------------------------------

def test_preview_parses_the_first_rows_and_writes_nothing(sqlite_db, tmp_path):
    path = write_csv(tmp_path / "p.csv", HEADER, [GOOD_ROWS[0], ["x", "Q", "soon", "1", "1", "接通", ""], *GOOD_ROWS])
    pv = preview(sqlite_db, path, mapping(), rows=2)
    assert [r.row for r in pv.rows] == [1, 2] and pv.timezone == "Asia/Shanghai"
    assert pv.rows[0].values["arrival"] == "2026-11-02 08:00:05+08:00" and pv.rows[0].values["agent"] == "张伟"
    assert pv.rows[1].values is None and "soon" in pv.rows[1].error
    assert count(sqlite_db) == 0 and count(sqlite_db, Queue) == 0 and count(sqlite_db, ImportBatch) == 0


def test_cli_saves_a_mapping_imports_and_writes_the_report(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    spec = tmp_path / "acme.json"
    spec.write_text(json.dumps(SIMPLE), encoding="utf-8")
    assert main(["import", "mappings", "save", "acme", str(spec), "--db", db]) == 0
    assert main(["import", "mappings", "list", "--db", db]) == 0
    assert "acme" in capsys.readouterr().out
    assert main(["import", "mappings", "show", "anonymous-bank", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["outcomes"]["skip"] == ["PHANTOM"]
    path = write_csv(tmp_path / "calls.csv", HEADER, [*GOOD_ROWS, ["c9", "热线", "never", "1", "1", "接通", ""]])
    report = tmp_path / "skipped.csv"
    assert main(["import", "interactions", str(path), "--mapping", "acme", "--db", db,
                 "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "4 rows read, 3 imported, 1 skipped" in out and "unparseable date: 1" in out
    assert "agents created (2)" in out
    assert report.read_text(encoding="utf-8-sig").splitlines()[1].startswith("4,unparseable date,")
    assert main(["import", "interactions", str(path), "--mapping", "acme", "--db", db, "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["rows_imported"] == 0 and again["skipped_reasons"]["already imported"] == 3
    assert main(["import", "interactions", str(path), "--mapping", "acme", "--db", db, "--preview", "2"]) == 0
    assert "row 2:" in capsys.readouterr().out
    assert main(["import", "interactions", str(tmp_path / "none.csv"), "--mapping", "acme", "--db", db]) == 1
    assert "No such file" in capsys.readouterr().err
    assert main(["import", "interactions", str(path), "--mapping", "nope", "--db", db]) == 1
    assert "No mapping named 'nope'" in capsys.readouterr().err


def test_times_past_midnight_and_out_of_range_values(sqlite_db, tmp_path):
    path = write_csv(tmp_path / "late.csv", ["id", "day", "arrival", "start", "end", "handle", "q"], [
        ["a", "20261103", "24:05:00", "24:06:00", "0:10:00", "", "Q"],  # 00:05 on the 4th, a "24:xx" export
        ["b", "20261103", "23:50:00", "0:01:00", "0:03:00", "", "Q"],  # answered after midnight
        ["c", "20261103", "10:00:00", "10:01:00", "10:02:00", "999999", "Q"],  # handle time over a week
        ["d", "18000101", "10:00:00", "", "", "", "Q"],  # before 1900
    ])
    m = Mapping.from_json("late", {"columns": {"id": "id", "date": "day", "arrival": "arrival",
                                               "service_start": "start", "service_end": "end",
                                               "handle_time": "handle", "queue": "q"}, "timezone": "UTC"})
    result = import_interactions(sqlite_db, path, m)
    assert result.rows_imported == 2 and {i.row: i.code for i in result.skipped} == {3: "out of range",
                                                                                       4: "out of range"}
    with sqlite_db.session() as s:
        a, b = s.scalars(select(Interaction).order_by(Interaction.external_id)).all()
    assert a.offered_at == datetime(2026, 11, 4, 0, 5, tzinfo=UTC) and a.talk_sec == 240
    assert b.answered_at == datetime(2026, 11, 4, 0, 1, tzinfo=UTC) and b.wait_sec == 660 and b.talk_sec == 120


@pytest.mark.skipif(not BANK.is_file(), reason=f"the shared anonymous bank file is absent ({BANK})")
def test_bench_import_meets_its_target_and_reports_the_parse_baseline(capsys):
    assert main(["bench", "import", "--repeat", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    by_name = {m["name"]: m for m in report["measurements"]}
    assert by_name["import"]["baseline"] == "parse only" and by_name["parse only"]["median"] > 0
    # the figure itself is for `floorwalker bench import` on a quiet machine, not a timing assertion here
    assert by_name["import"]["target"] == 5.0 and by_name["import"]["median"] > by_name["parse only"]["median"]
    assert report["info"]["imported"] == "33,066"


def test_a_moment_before_the_first_representable_one_is_unreadable_not_a_crash():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from app.imports.mapping import parse_datetime

    assert parse_datetime("0001-01-01", None, ZoneInfo("Asia/Shanghai")) is None  # 8 h east of UTC
    assert parse_datetime("0001-01-01 09:30", None, ZoneInfo("UTC")) == datetime(1, 1, 1, 9, 30, tzinfo=ZoneInfo("UTC"))
