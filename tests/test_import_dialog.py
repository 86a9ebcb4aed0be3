"""The import dialog over app.imports: a GBK, semicolon-separated export with bad rows; guessed
columns, preview before writing, saved mapping, import, the skipped rows as CSV, re-import."""

from __future__ import annotations

import csv
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.actor import Actor
from app.imports.mapping import guess_columns, parse_date
from app.imports.reading import peek
from app.imports.service import list_mappings
from db.models import AuditEntry, Interaction, Queue
from tests import factories

SCHEDULER = Actor("qiang.xu", "scheduler")
ROWS = [
    ("uniqueid", "queue", "start", "answered", "ended", "result", "agent"),
    ("A1", "投诉热线", "2026-11-02 09:00:05", "2026-11-02 09:00:20", "2026-11-02 09:04:00", "接通", "王芳"),
    ("A2", "投诉热线", "2026-11-02 09:01:00", "", "2026-11-02 09:02:00", "放弃", ""),
    ("A3", "Sales", "2026-11-02 09:02:00", "2026-11-02 09:02:09", "2026-11-02 09:05:00", "接通", "Li Lei"),
    ("A4", "Sales", "02/31/2026 09:03", "", "", "放弃", ""),  # no such date
    ("A5", "Sales", "2026-11-02 09:04:00", "2026-11-02 09:04:30", "2026-11-02 09:03:00", "接通", "Li Lei"),  # ends early
    ("A6", "投诉热线", "2026-11-02 09:05:00", "2026-11-02 09:05:03", "2026-11-02 09:09:00", "接通", "王芳"),
]


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "呼叫记录.csv"
    with path.open("w", encoding="gbk", newline="") as fh:
        csv.writer(fh, delimiter=";", lineterminator="\r\n").writerows(ROWS)
    return path


@pytest.fixture
def center_db(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        factories.center(s)
    return sqlite_db


def open_dialog(qtbot, db, actor=SCHEDULER):
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.imports.dialog import ImportDialog
    from ui.tasks import TaskRunner

    ctx = ConsoleContext(db, TaskRunner(db, inline=True), Bus(), actor, ZoneInfo("Asia/Shanghai"), "Test")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_guess_and_peek_need_no_database(export):
    fp = peek(export)
    assert fp.encoding == "gb18030" and fp.delimiter == ";" and len(fp.rows) == 6 and fp.estimated_rows == 6
    assert guess_columns(fp.header) == {"id": "uniqueid", "queue": "queue", "arrival": "start",
                                        "service_start": "answered", "service_end": "ended", "outcome": "result",
                                        "agent": "agent"}
    assert parse_date("990201", None).isoformat() == "1999-02-01"


@pytest.mark.gui
def test_import_dialog_previews_saves_imports_and_reports(qtbot, center_db, export, tmp_path):
    dialog = open_dialog(qtbot, center_db)
    dialog.open_file(export)
    assert "gb18030" in dialog.detected_label.text() and "semicolon" in dialog.detected_label.text()
    assert dialog.field_combos["arrival"].currentData() == "start"
    assert dialog.answered_edit.text() == "接通" and dialog.abandoned_edit.text() == "放弃"
    # preview: every row parsed or its reason, and nothing written yet
    model = dialog.preview_model
    assert model.rowCount() == 6
    assert model.data(model.index(0, 2)) == "投诉热线" and model.data(model.index(0, 3)) == "2026-11-02 09:00:05"
    assert model.data(model.index(3, 1)).startswith("Skipped: Arrival time '02/31/2026 09:03'")
    assert model.data(model.index(4, 1)).startswith("Skipped: the service ends before it starts")
    assert "4 of the first 6 rows read" in dialog.mapping_status.text()
    with center_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Interaction)) == 0
    assert dialog.import_button.isEnabled()

    # a broken mapping is named before anything runs
    dialog.field_combos["arrival"].setCurrentIndex(0)
    assert "columns.arrival" in dialog.mapping_status.text() and not dialog.import_button.isEnabled()
    dialog.field_combos["arrival"].setCurrentIndex(dialog.field_combos["arrival"].findData("start"))

    dialog.name_edit.setText("call-export")
    dialog.save_current_mapping()
    assert "Mapping call-export saved" in dialog.mapping_status.text()
    with center_db.session() as s:
        saved = next(m for m in list_mappings(s) if m.name == "call-export")
        assert saved.data["columns"]["arrival"] == "start" and saved.data["outcomes"]["answered"] == ["接通"]
        assert s.scalars(select(AuditEntry.actor).where(AuditEntry.entity == "import_mapping")).one() == "qiang.xu"

    dialog.start_import()
    r = dialog.result
    assert r is not None and r.rows_imported == 4 and r.rows_skipped == 2
    assert "4 imported, 2 skipped" in dialog.result_label.text()
    assert dialog.report_button.isEnabled()
    target = tmp_path / "skipped.csv"
    dialog.save_report(target)
    with target.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["row", "reason", "detail"] and [r[0] for r in rows[1:]] == ["4", "5"]
    assert rows[1][1] == "unparseable date" and rows[2][1] == "negative duration"
    with center_db.session() as s:
        assert sorted(s.scalars(select(Queue.name)).all()) == ["Sales", "投诉热线"]
        assert s.scalar(select(func.count()).select_from(Interaction)) == 4

    dialog.start_import()  # the same file again adds nothing
    assert dialog.result.rows_imported == 0
    with center_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Interaction)) == 4


@pytest.mark.gui
def test_a_saved_mapping_is_reused_and_a_missing_column_is_named(qtbot, center_db, export, tmp_path):
    dialog = open_dialog(qtbot, center_db)
    dialog.open_file(export)
    dialog.name_edit.setText("call-export")
    dialog.save_current_mapping()
    other = tmp_path / "other.csv"
    other.write_text("uniqueid,queue,begin\nX1,Sales,2026-11-02 10:00:00\n", encoding="utf-8")
    second = open_dialog(qtbot, center_db)
    second.open_file(other)
    assert second.saved_combo.findData("call-export") >= 0
    second._on_saved_combo_activated(second.saved_combo.findData("call-export"))
    assert "This file has no column start, answered, ended, result, agent of the mapping call-export" in \
        second.mapping_status.text()
    assert not second.import_button.isEnabled()
    second.field_combos["arrival"].setCurrentIndex(second.field_combos["arrival"].findData("begin"))
    assert second.preview_model.rowCount() == 1 and second.import_button.isEnabled()


@pytest.mark.gui
def test_only_schedulers_and_administrators_import(qtbot, center_db, export):
    dialog = open_dialog(qtbot, center_db, Actor("min.deng", "supervisor"))
    dialog.open_file(export)
    assert dialog.import_button.isHidden() and dialog.save_button.isHidden()
    dialog.start_import()
    with center_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Interaction)) == 0
    # the services refuse too, whatever the screen shows
    from app.imports.service import import_interactions, save_mapping
    from app.security.permissions import PermissionDenied

    with pytest.raises(PermissionDenied):
        import_interactions(center_db, export, "anonymous-bank", actor=Actor("min.deng", "supervisor"))
    with center_db.session() as s, pytest.raises(PermissionDenied):
        save_mapping(s, Actor("ming.han", "manager"), "x", {"columns": {"arrival": "start", "queue": "queue"}})


@pytest.mark.gui
def test_an_unreadable_file_is_named(qtbot, center_db, tmp_path):
    bad = tmp_path / "book.csv"
    bad.write_bytes(b"PK\x03\x04not really a workbook")
    dialog = open_dialog(qtbot, center_db)
    dialog.open_file(bad)
    assert "looks like an Excel workbook" in dialog.detected_label.text()
    assert not dialog.import_button.isEnabled()
