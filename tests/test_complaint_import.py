"""`floorwalker import complaints`: a center's open complaints from a GBK CSV or an XLSX."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.actor import Actor
from app.changes import Changes
from app.cli import main
from app.complaints import importer
from app.complaints.importer import import_complaints, preview_complaints
from app.imports.reading import ImportFileError
from app.security.crypto import CustomerCipher
from app.security.customers import find_by_phone
from db.database import Database
from db.models import AuditEntry, Complaint, ComplaintEvent, Customer
from tests import factories

GBK_CSV = Path(__file__).parent / "fixtures" / "complaints" / "open_complaints_gbk.csv"
HEADER = list(importer.COLUMNS)


def _center(db: Database) -> None:
    with db.session() as s:
        c = factories.center(s)  # Asia/Shanghai
        t = factories.team(s, c, "一组")
        factories.person(s, c, t, name="王芳", title="supervisor")


def _count(db: Database, model: type) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_gbk_csv_imports_valid_rows_and_reports_bad_ones_R_FLOW_3(any_db: Database) -> None:
    _center(any_db)
    result = import_complaints(any_db, GBK_CSV, actor=Actor.system())
    assert result.encoding == "gb18030"
    assert (result.rows_read, result.rows_imported, result.rows_skipped) == (9, 3, 6)
    assert {(i.row, i.code) for i in result.skipped} == {
        (4, "unknown category"), (5, "missing summary"), (6, "closed before opened"),
        (7, "duplicate reference"), (8, "closed without closed_at"), (9, "bad date")}
    assert result.customers_created == 2  # C-1001 and C-1003 share a phone
    assert result.changes & Changes.COMPLAINTS
    with any_db.session() as s:
        c = s.scalars(select(Complaint).where(Complaint.reference == "C-1001")).one()
        assert (c.kind, c.channel, c.category, c.priority, c.stage) == (
            "complaint", "phone", "logistics", "urgent", "process")
        assert c.is_vip and c.departments == ["物流部", "客服部"] and c.temporary_solution == "先补发一件"
        assert c.opened_at == c.first_contact_at == datetime(2026, 11, 10, 1, 30, tzinfo=UTC)  # Shanghai 09:30
        assert c.expected_resolution_at == datetime(2026, 11, 12, 10, 0, tzinfo=UTC)
        assert c.owner_id is not None and c.team_id is not None
        closed = s.scalars(select(Complaint).where(Complaint.reference == "C-1003")).one()
        assert (closed.kind, closed.category, closed.stage) == ("service_request", "after_sales", "closed")
        assert closed.closed_at == datetime(2026, 11, 3, 9, 0, tzinfo=UTC)
        assert closed.customer_id == c.customer_id
        assert find_by_phone(s, CustomerCipher.from_key_file(), "13812345678") == c.customer_id
        customer = s.get(Customer, c.customer_id)
        assert customer.phone_masked != "13812345678" and customer.phone_enc
        events = s.scalars(select(ComplaintEvent).order_by(ComplaintEvent.id)).all()
        assert len(events) == 3 and {e.kind for e in events} == {"created"}
        assert all(e.note == "imported from open_complaints_gbk.csv" for e in events)
        audits = s.scalars(select(AuditEntry).where(AuditEntry.entity == "complaints")).all()
        assert len(audits) == 1 and audits[0].after["rows_imported"] == 3


def test_importing_the_same_file_again_adds_nothing(any_db: Database) -> None:
    _center(any_db)
    import_complaints(any_db, GBK_CSV)
    again = import_complaints(any_db, GBK_CSV)
    assert again.rows_imported == 0 and again.reasons["already imported"] == 3
    assert _count(any_db, Complaint) == 3 and _count(any_db, ComplaintEvent) == 3 and _count(any_db, Customer) == 2
    with any_db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "complaints")) == 2


def test_no_plaintext_phone_or_name_in_the_sqlite_file(sqlite_db: Database, tmp_path: Path) -> None:
    _center(sqlite_db)
    assert import_complaints(sqlite_db, GBK_CSV).customers_created == 2
    sqlite_db.dispose()
    blob = b"".join(p.read_bytes() for p in tmp_path.glob("test.db*"))
    assert len(blob) > 10_000
    for secret in ("13812345678", "13900001111", "张三", "李四"):
        assert secret.encode("utf-8") not in blob and secret.encode("utf-16-le") not in blob


def test_xlsx_with_real_datetimes_and_chinese_names(sqlite_db: Database, tmp_path: Path) -> None:
    import openpyxl

    _center(sqlite_db)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([h.upper() if i % 2 else h for i, h in enumerate(HEADER)])  # header case does not matter
    ws.append(["X-1", "", "", "产品质量", "特殊", "反馈", "Scratched case", "13700000000", "", "yes", "", "", "",
               "", datetime(2026, 11, 15, 20, 0), "", ""])
    ws.append(["X-2", "", "", "logistics", "", "closed", "Late parcel", "", "", "", "nobody", "", "", "",
               datetime(2026, 11, 15, 20, 0), "", datetime(2026, 11, 16, 8, 0)])
    path = tmp_path / "complaints.xlsx"
    wb.save(path)
    result = import_complaints(sqlite_db, path)
    assert result.rows_imported == 1 and [i.code for i in result.skipped] == ["unknown owner"]
    with sqlite_db.session() as s:
        c = s.scalars(select(Complaint)).one()
        assert (c.category, c.priority, c.stage, c.kind, c.channel) == (
            "product_quality", "special", "feedback", "complaint", "phone")
        assert c.opened_at == datetime(2026, 11, 15, 12, 0, tzinfo=UTC) and c.is_vip


def test_a_file_without_required_columns_writes_nothing(sqlite_db: Database, tmp_path: Path) -> None:
    _center(sqlite_db)
    path = tmp_path / "wrong.csv"
    path.write_text("ref,text\nA,b\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="reference, category, summary, opened_at"):
        import_complaints(sqlite_db, path)
    assert _count(sqlite_db, Complaint) == 0 and _count(sqlite_db, AuditEntry) == 0


def test_one_transaction_per_batch(sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _center(sqlite_db)
    path = tmp_path / "five.csv"
    lines = ["reference,category,summary,customer_phone,opened_at"]
    lines += [f"R-{i},other,s{i},1380000000{i},2026-11-0{i + 1} 10:00" for i in range(5)]
    path.write_text("\n".join(lines), encoding="utf-8")
    real, calls = importer._write_batch, []

    def failing(session, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls.append(1)
        out = real(session, *args, **kwargs)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return out

    monkeypatch.setattr(importer, "_write_batch", failing)
    with pytest.raises(RuntimeError):
        import_complaints(sqlite_db, path, batch_rows=2)
    assert _count(sqlite_db, Complaint) == 2 and _count(sqlite_db, ComplaintEvent) == 2
    assert _count(sqlite_db, Customer) == 2  # the failed batch's customers were rolled back with it
    monkeypatch.setattr(importer, "_write_batch", real)
    assert import_complaints(sqlite_db, path, batch_rows=2).rows_imported == 3
    assert _count(sqlite_db, Complaint) == 5


def test_cli_preview_json_and_report(sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    _center(sqlite_db)
    url = str(tmp_path / "test.db")
    assert main(["import", "complaints", str(GBK_CSV), "--db", url, "--preview", "3"]) == 0
    out = capsys.readouterr().out
    assert "nothing written" in out and "category=logistics" in out and "Asia/Shanghai" in out
    assert _count(sqlite_db, Complaint) == 0
    report = tmp_path / "skipped.csv"
    assert main(["import", "complaints", str(GBK_CSV), "--db", url, "--json", "--report", str(report)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rows_imported"] == 3 and data["rows_skipped"] == 6
    assert data["skipped_reasons"]["unknown category"] == 1
    text = report.read_text(encoding="utf-8-sig")
    assert text.startswith("row,reason,detail") and "closed before opened" in text
    assert main(["import", "complaints", str(tmp_path / "missing.csv"), "--db", url]) == 1
    assert "No such file" in capsys.readouterr().err


def test_preview_parses_without_writing(sqlite_db: Database) -> None:
    _center(sqlite_db)
    pv = preview_complaints(sqlite_db, GBK_CSV, rows=4)
    assert [r.row for r in pv.rows] == [1, 2, 3, 4]
    assert pv.rows[0].values["priority"] == "urgent" and pv.rows[3].error
    assert _count(sqlite_db, Complaint) == 0


def test_import_complaints_with_a_column_mapping_saved_by_name(sqlite_db, tmp_path, capsys):
    from zoneinfo import ZoneInfo

    from db.models import Complaint as ComplaintRow

    with sqlite_db.session() as s:
        factories.center(s)
    text = ("工单号,问题描述,投诉类别,受理时间\n"
            "K-1,包裹丢失,物流,03/11/2026 09:30\n"
            "K-2,态度差,服务态度,04/11/2026 10:00\n")
    path = tmp_path / "other.csv"
    path.write_text(text, encoding="utf-8")
    url = sqlite_db.url
    columns = "reference=工单号,summary=问题描述,category=投诉类别,opened_at=受理时间"
    assert main(["import", "complaints", str(path), "--db", url, "--columns", "reference=工单号"]) == 1  # required
    assert "summary" in capsys.readouterr().err
    assert main(["import", "complaints", str(path), "--db", url, "--columns", columns,
                 "--date-format", "%d/%m/%Y %H:%M", "--save-mapping", "old-system"]) == 0
    with sqlite_db.session() as s:
        opened = s.scalar(select(ComplaintRow.opened_at).where(ComplaintRow.reference == "K-1"))
        assert opened.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M") == "2026-11-03 09:30"
    path2 = tmp_path / "other2.csv"
    path2.write_text(text.replace("K-1", "K-3").replace("K-2", "K-4"), encoding="utf-8")
    assert main(["import", "complaints", str(path2), "--db", url, "--mapping", "old-system"]) == 0
    with sqlite_db.session() as s:
        assert sorted(s.scalars(select(ComplaintRow.reference))) == ["K-1", "K-2", "K-3", "K-4"]
    assert main(["import", "complaints", str(path2), "--db", url, "--mapping", "nope"]) == 1
