"""Column mapping for the complaint import dialog (no Qt): guesses, date formats, remapped files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.complaints.import_mapping import (
    ComplaintMapping,
    MappingProblem,
    detect_date_format,
    guess_mapping,
    remap_file,
    write_failed_rows,
)


def test_guess_maps_own_names_then_synonyms_each_column_once():
    header = ("编号", "Category", "问题描述", "受理时间", "Status", "Phone", "Mobile", "unrelated")
    assert guess_mapping(header) == {"reference": "编号", "category": "Category", "summary": "问题描述",
                                     "opened_at": "受理时间", "stage": "Status", "customer_phone": "Phone"}


@pytest.mark.parametrize(("values", "fmt", "ambiguous"), [
    (["2026/11/03 14:05", "2026/11/24 08:00"], "%Y/%m/%d %H:%M", False),
    (["24/11/2026 14:05", "03/11/2026 08:00"], "%d/%m/%Y %H:%M", False),  # 24 can only be a day
    (["11/24/2026 14:05"], "%m/%d/%Y %H:%M", False),
    (["03/11/2026 14:05"], "%d/%m/%Y %H:%M", True),  # day first, month first also reads it
    (["2026年11月03日 14:05"], "%Y年%m月%d日 %H:%M", False),
])
def test_date_format_is_detected_from_the_samples(values, fmt, ambiguous):
    guess = detect_date_format(values + ["", "  "])
    assert guess.date_format == fmt and guess.samples == len(values) and bool(guess.ambiguous) == ambiguous


def test_no_single_format_or_no_dates():
    assert detect_date_format(["2026-11-03 14:05", "yesterday"]).date_format is None
    assert detect_date_format([]).samples == 0


def test_remap_renames_columns_rewrites_dates_and_keeps_row_numbers(tmp_path: Path):
    source = tmp_path / "src.csv"
    source.write_text("Ticket;Desc;When;Cat\nA-1;Box;03/11/2026 14:05;物流\n;;;\nA-2;Late;not a date;logistics\n",
                      encoding="utf-8")
    mapping = ComplaintMapping({"reference": "Ticket", "summary": "Desc", "opened_at": "When",
                                "category": "Cat"}, "%d/%m/%Y %H:%M")
    target = tmp_path / "out.csv"
    assert remap_file(source, mapping, target) == 3
    with target.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["reference", "category", "summary", "opened_at"]
    assert rows[1] == ["A-1", "物流", "Box", "2026-11-03 14:05:00"]
    assert rows[2] == ["", "", "", ""]  # the blank line keeps data row 3 as row 3
    assert rows[3] == ["A-2", "logistics", "Late", "not a date"]  # left for the importer to name
    with pytest.raises(MappingProblem, match="summary"):
        remap_file(source, ComplaintMapping({"reference": "Ticket", "opened_at": "When", "category": "Cat"}), target)
    with pytest.raises(MappingProblem, match="'Gone'"):
        remap_file(source, ComplaintMapping({**mapping.columns, "summary": "Gone"}), target)
    assert ComplaintMapping.from_json(mapping.to_json()) == mapping
    assert ComplaintMapping.from_json({"columns": {"nonsense": "x"}}).columns == {}


def test_xlsx_is_remapped_and_failed_rows_keep_their_cells(tmp_path: Path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Case", "Text", "Opened", "Kind of problem"])
    ws.append(["K-1", "Refund missing", "2026-11-03 10:00", "after_sales"])
    ws.append(["K-2", "", "2026-11-03 11:00", "logistics"])
    source = tmp_path / "cases.xlsx"
    wb.save(source)
    mapping = ComplaintMapping({"reference": "Case", "summary": "Text", "opened_at": "Opened",
                                "category": "Kind of problem"})
    target = tmp_path / "out.csv"
    assert remap_file(source, mapping, target, limit=1) == 1  # a preview reads only what it shows

    class Issue:
        row, code, message = 2, "missing summary", "the summary is empty"

    report = tmp_path / "failed.csv"
    assert write_failed_rows(report, source, [Issue()]) == 1
    with report.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["row", "reason", "detail", "Case", "Text", "Opened", "Kind of problem"],
                    ["2", "missing summary", "the summary is empty", "K-2", "", "2026-11-03 11:00", "logistics"]]
