"""The quarterly review in the console, its printed pack (PDF), the `report` commands and the
quarter-end job (R-REV-1, R-KPI-*)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.actor import Actor
from app.cli import main
from app.notifications import unread_count
from app.review import quarterly
from app.review.jobs import draft_finished_quarter, first_working_day_after
from db.models import Center, Notification, Person, QuarterlyReview, User
from tests import factories as f
from tests.test_kpi import _quarter_center
from tests.windows import open_workspace

MANAGER = Actor("ming.han", "manager")
HAS_POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdfinfo") is not None


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def _pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_first_working_day_after_a_quarter_skips_weekends_and_holidays():
    # 2026-09-30 is a Wednesday; 1-7 October are China's National Day holidays
    assert first_working_day_after(date(2026, 9, 30), "CN") == date(2026, 10, 8)
    assert first_working_day_after(date(2026, 9, 30), None) == date(2026, 10, 1)
    assert first_working_day_after(date(2026, 6, 30), "CN") == date(2026, 7, 1)


def test_quarter_end_job_drafts_once_and_tells_the_managers_R_REV_1(sqlite_db, frozen_clock):
    _quarter_center(sqlite_db)
    with sqlite_db.session() as s:
        boss = f.person(s, s.scalar(select(Center)), None, name="Manager Ma", title="manager")
        s.add(User(username="ma", display_name="Manager Ma", password_hash="x", role="manager", person_id=boss.id))
        boss_id = boss.id
    early = utc(2026, 10, 6, 23)  # 7 October 07:00 in Shanghai: still the National Day holiday
    assert "first working day" in draft_finished_quarter(sqlite_db, early, Actor.system())["skipped"]
    slot = utc(2026, 10, 7, 23)  # 8 October 07:00 in Shanghai
    assert draft_finished_quarter(sqlite_db, slot, Actor.system()) == {"drafted": "2026Q3"}
    assert "already drafted" in draft_finished_quarter(sqlite_db, slot, Actor.system())["skipped"]
    with sqlite_db.session() as s:
        assert s.scalar(select(QuarterlyReview.status)) == "draft"
        notes = s.scalars(select(Notification).where(Notification.kind == "review.pack_ready")).all()
        assert len(notes) == 1 and notes[0].params["period"] == "2026Q3"
        assert unread_count(s, Actor("ma", "manager", person_id=boss_id)) == 1


@pytest.mark.gui
@pytest.mark.skipif(not HAS_POPPLER, reason="needs poppler-utils (pdfinfo, pdftotext)")
def test_the_printed_pack_has_cover_summary_a_page_per_agent_and_appendix(qapp, sqlite_db, tmp_path, frozen_clock):
    from app.review.pack_data import pack_data
    from ui.review.pack import save_pack_pdf

    frozen_clock.at = utc(2026, 10, 10)
    ids = _quarter_center(sqlite_db)
    with sqlite_db.session() as s:
        s.get(Person, ids["nina"]).full_name = "张伟"  # Chinese text must render (and be extractable)
    with sqlite_db.session() as s:
        quarterly.add_plan(s, MANAGER, "2026Q3", ids["bob"], goal="Average wait under 30 s",
                           measures="Weekly coaching", deadline=date(2026, 12, 31))
        quarterly.save_comment(s, MANAGER, "2026Q3", ids["bob"], "Slow but steady.", 0)
        quarterly.publish(s, MANAGER, "2026Q3")
    with sqlite_db.session() as s:
        data = pack_data(s, MANAGER, "2026Q3")
    out = tmp_path / "pack.pdf"
    pages = save_pack_pdf(data, out, page_size="Letter")
    assert pages == 2 + 4 + 1 == _pdf_pages(out)  # cover, summary, four agents, appendix
    text = _pdf_text(out)
    for expected in ("Quarterly review", "2026Q3", "Alice", "Bob", "张伟", "Olga", "Average wait under 30 s",
                     "Slow but steady.", "Appendix", "Page 7 of 7", "Published"):
        assert expected in text, expected
    assert "improvement plan is required" not in text  # Bob is under target but has his plan
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.gui
@pytest.mark.skipif(not HAS_POPPLER, reason="needs poppler-utils (pdfinfo, pdftotext)")
def test_report_commands_print_export_and_refuse_bad_input(sqlite_db, tmp_path, capsys, monkeypatch):
    _quarter_center(sqlite_db)
    db_path = sqlite_db.url
    pdf = tmp_path / "alpha.pdf"
    assert main(["report", "quarterly", "--quarter", "2026Q3", "--team", "Alpha", "--out", str(pdf),
                 "--db", str(db_path)]) == 0
    assert _pdf_pages(pdf) == 2 + 3 + 1 and "Alpha" in _pdf_text(pdf)
    assert main(["report", "quarterly", "--quarter", "2026Q3", "--team", "Gamma", "--out", str(tmp_path / "x.pdf"),
                 "--db", str(db_path)]) == 2
    assert "no team called 'Gamma'" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()
    assert main(["report", "kpi", "--quarter", "2026-q3", "--json", "--db", str(db_path)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["quarter"] == "2026Q3" and {a["name"] for a in payload["agents"]} == {"Alice", "Bob", "Nina",
                                                                                           "Olga"}
    assert sum(payload["weights"].values()) == 100
    xlsx = tmp_path / "q3.xlsx"
    assert main(["report", "export", "--quarter", "2026Q3", "--out", str(xlsx), "--db", str(db_path)]) == 0
    from openpyxl import load_workbook

    ws = load_workbook(xlsx).active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Team", "Agent", "Employee no", "KPI score"] and ws.max_row == 5
    assert main(["report", "export", "--quarter", "2026Q3", "--out", str(tmp_path / "q3.txt"),
                 "--db", str(db_path)]) == 2


@pytest.mark.gui
def test_a_manager_reviews_plans_and_publishes_the_quarter_in_the_console(qtbot, sqlite_db, frozen_clock, tmp_path,
                                                                          monkeypatch):
    from ui.app import Console
    from ui.review.workspace import ReportsWorkspace

    frozen_clock.at = utc(2026, 10, 10, 2)
    ids = _quarter_center(sqlite_db)
    console = Console(sqlite_db, actor=MANAGER, inline_tasks=True, watch=False, run_jobs=False)
    try:
        window = console.window
        window.show()
        index, page = open_workspace(window, ReportsWorkspace)
        page.tabs.setCurrentIndex(2)
        view = page.quarterly
        qtbot.waitUntil(lambda: view.load_count >= 1)
        assert view.quarter == "2026Q3"  # the last finished quarter
        assert view.model.rowCount() == 4 and "1 under target" in view.status.text()
        view.select_agent("Bob")
        assert view.selected_agent().figures.under_target
        assert view.card_model.rowCount() == 9
        plan_col = view.model.COLUMNS.index("plan")
        bob_row = next(r for r in range(view.model.rowCount()) if view.model.row_at(r).figures.name == "Bob")
        assert view.model.index(bob_row, plan_col).data() == "needed"

        view.add_plan(view.selected_agent(), "Answer within 30 s", "Coaching twice a week", date(2026, 12, 15))
        view.select_agent("Bob")
        view.save_comment(view.selected_agent(), "Agreed the plan with Bob.")
        view.select_agent("Bob")
        bob = view.selected_agent()
        assert bob.comment == "Agreed the plan with Bob." and [p.goal for p in bob.plans] == ["Answer within 30 s"]
        assert view.model.index(bob_row, plan_col).data() == "1 plan(s)"
        assert "Answer within 30 s" in view.plans_label.text()

        # drill down: the records behind an indicator
        dialogs = []
        monkeypatch.setattr("ui.review.quarterly_view.EvidenceDialog.exec", lambda self: dialogs.append(self))
        speed_row = next(r for r in range(9) if view.card_model.row_at(r).rule_id == "R-KPI-1")
        view._on_card_double_clicked(view.card_model.index(speed_row, 0))
        assert dialogs and "÷ 91 phone/chat/on-site contacts" in dialogs[0].formula.text()
        assert dialogs[0].model.rowCount() == 91

        monkeypatch.setattr("ui.review.evaluation_view.QMessageBox.warning", lambda *a: None)
        monkeypatch.setattr("ui.review.quarterly_view.QMessageBox.question",
                            lambda *a: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Yes)
        view._on_publish_button_clicked()
        qtbot.waitUntil(lambda: view.review is not None and view.review.status == "published")
        assert "Published" in view.status.text() and not view.publish_button.isEnabled()

        out = tmp_path / "review.xlsx"
        assert view.export(out) and out.exists()
        from app.review.pack_data import pack_data

        with sqlite_db.session() as s:
            data = pack_data(s, MANAGER, "2026Q3")
        dialog = view.preview(data, exec_dialog=False)
        assert dialog.windowTitle().startswith("Quarterly review pack")
        dialog.deleteLater()
        assert view.save_pdf(data, tmp_path / "pack.pdf") and (tmp_path / "pack.pdf").stat().st_size > 10_000

        # the monthly evaluation tab (R-QA-5): September against August, exported as a workbook
        page.tabs.setCurrentIndex(1)
        evaluation = page.evaluation
        qtbot.waitUntil(lambda: evaluation.load_count >= 1)
        assert evaluation.month_box.currentText() == "2026-09"
        names = [evaluation.model.index(r, 1).data() for r in range(evaluation.model.rowCount())]
        assert names[-1] == "All agents" and "Bob" in names
        workbook = tmp_path / "evaluation.xlsx"
        assert evaluation.export(workbook)
        from openpyxl import load_workbook

        ws = load_workbook(workbook).active
        assert [c.value for c in ws[1]][:3] == ["Team", "Agent", "Response speed"]
        bob = next(row for row in ws.iter_rows(min_row=2, values_only=True) if row[1] == "Bob")
        assert bob[2] == pytest.approx(90.0)
        assert not evaluation.export(tmp_path / "evaluation.txt")  # a message, not a crash
    finally:
        console.close()
    with sqlite_db.session() as s:
        assert s.scalar(select(func.count()).select_from(QuarterlyReview)) == 1
        assert ids["bob"]


@pytest.mark.gui
@pytest.mark.skipif(not HAS_POPPLER, reason="needs poppler-utils (pdfinfo, pdftotext)")
def test_the_pack_prints_in_chinese(chinese, sqlite_db, tmp_path, frozen_clock):
    from app.review.pack_data import pack_data
    from ui.review.pack import save_pack_pdf

    frozen_clock.at = utc(2026, 10, 10)
    _quarter_center(sqlite_db)
    with sqlite_db.session() as s:
        data = pack_data(s, MANAGER, "2026Q3")
    out = tmp_path / "pack-zh.pdf"
    save_pack_pdf(data, out)
    text = _pdf_text(out)
    # (Qt maps a few shared CJK glyphs back to radicals when the text is extracted, e.g. 页 -> U+2EDA,
    # so the footer is checked without that character)
    for expected in ("季度考核", "第 1 ", "，共 7 ", "响应速度", "附录：指标定义与权重", "草稿"):
        assert expected in text, expected
    assert "Quarterly review" not in text and "Page 1 of" not in text
