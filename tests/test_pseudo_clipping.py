"""Layouts that fit a longer language: with the pseudo-translation (every text ~40 % longer and
accented, ui/pseudo.py) the Live KPI tiles, the Forecast accuracy title, the rota editor's hint and
the quarterly review's status line are not cut, in the self-test's 1440 × 900 window. Captions and
hints wrap (and a row of tiles stays aligned), the one-line status is elided with its whole text in a
tooltip. English and Chinese are checked the same way. The horizontal check is the self-test's
clipping detector (ui.selftest.clipped_texts); a wrapped label is also checked for being cut at
the bottom, which that detector leaves out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QWidget

pytestmark = pytest.mark.gui

SIZES = [(1440, 900), (960, 600)]  # the self-test's window; the smallest the console allows (the page scrolls)


@pytest.fixture(params=["pseudo", "en", "zh_CN"])
def language(request, qapp):
    """The console in each language for one test."""
    from tests.languages import console_language

    with console_language(qapp, request.param):
        yield request.param


def _shown_whole(label: QLabel) -> bool:
    """Not cut at the bottom: as tall as its text wrapped at its width (labels that wrap only)."""
    return label.isVisible() and label.height() >= label.heightForWidth(label.width())


def _no_clipping(window: QWidget, where: str) -> None:
    from ui.selftest import clipped_texts

    clipped = sorted(set(clipped_texts(window)))
    assert clipped == [], f"{where}: clipped {clipped}"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_live_schedule_and_reports_fit_a_longer_language(qtbot, qapp, demo_db, language, size):
    from ui.app import Console
    from ui.live.workspace import LiveWorkspace
    from ui.pseudo import pseudo
    from ui.review.workspace import ReportsWorkspace
    from ui.schedule.workspace import ScheduleWorkspace
    from ui.selftest import settle, wait_idle, wait_loaded

    console = Console(demo_db, watch=False, run_jobs=False)
    window = console.window
    try:
        window.resize(*size)
        window.show()

        def show(kind: type) -> QWidget:
            index = next(i for i, page in enumerate(window.workspaces) if isinstance(page, kind))
            window.show_workspace(index)
            page = window.workspaces[index]
            assert wait_loaded(qapp, page, 30) == "ok"
            return page

        def bring(page: QWidget, view: QWidget) -> None:
            page.tabs.setCurrentWidget(view)
            assert wait_loaded(qapp, view, 30) == "ok"
            wait_idle(qapp, console.tasks, 30)
            settle(qapp, 0.2)

        # Live: the captions and details of both rows of tiles
        live = show(LiveWorkspace)
        rows = [live.now.tiles, live.tiles]
        if language == "pseudo":  # the pseudo catalogue is in use, not English
            assert live.tile_offered.caption_label.text() == pseudo("Offered")
        _no_clipping(window, "Live")
        for tiles in rows:
            labels = [label for t in tiles for label in (t.caption_label, t.detail_label)]
            assert all(label.wordWrap() and _shown_whole(label) for label in labels), \
                [label.text() for label in labels if not _shown_whole(label)]
            # one row, one line of values: the captions share one height
            assert len({t.caption_label.height() for t in tiles}) == 1
            assert len({t.value_label.mapTo(window, t.value_label.rect().topLeft()).y() for t in tiles}) == 1
        assert _shown_whole(live.source_label)

        # Schedule ▸ Forecast accuracy: the page title beside the period's fields
        schedule = show(ScheduleWorkspace)
        bring(schedule, schedule.accuracy_view)
        _no_clipping(window, "Schedule ▸ Forecast accuracy")
        title = schedule.accuracy_view.findChild(QLabel, "page_title")
        assert title.text() == QCoreApplication.translate("workspaces", "Forecast accuracy")
        assert _shown_whole(title)

        # Schedule ▸ Rota editor: the hint under the grid
        bring(schedule, schedule.rota_editor)
        _no_clipping(window, "Schedule ▸ Rota editor")
        assert schedule.rota_editor.hint.wordWrap() and _shown_whole(schedule.rota_editor.hint)

        # Reports ▸ Quarterly review: the status line beside the buttons, elided with a tooltip
        reports = show(ReportsWorkspace)
        bring(reports, reports.quarterly)
        _no_clipping(window, "Reports ▸ Quarterly review")
        status = reports.quarterly.status
        full = status.full_text()
        assert full and status.isVisible()
        if status.text() != full:
            assert status.text().endswith("…") and status.toolTip() == full
        elif language == "en":  # English fits as it always did, no tooltip
            assert status.toolTip() == ""
    finally:
        console.close()
        qapp.processEvents()


# --- the widgets on their own -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Avg speed of answer", "phone, chat and on-site, answered or not", "进线联络",
                                  "<span style='color:#c62828'>■</span> Breached &nbsp; <span>■</span> At risk"])
def test_a_wrapping_label_asks_for_the_size_of_a_plain_label(qtbot, text):
    """A text that fits is laid out exactly as before: the same size hint as a one-line QLabel."""
    from ui.widgets.labels import WrappingLabel

    plain, wrapping = QLabel(text), WrappingLabel(text)
    qtbot.addWidget(plain)
    qtbot.addWidget(wrapping)
    assert wrapping.wordWrap()
    assert wrapping.sizeHint() == plain.sizeHint()


def test_a_narrow_row_of_tiles_wraps_its_captions_and_keeps_its_values_in_line(qtbot):
    from ui.live.tiles import DetailHeights, KpiTile
    from ui.selftest import clipped_texts

    row = QWidget()
    layout = QHBoxLayout(row)
    tiles = [KpiTile("Offered"), KpiTile("Average speed of answer over the whole day, every queue"),
             KpiTile("Longest wait")]
    for tile in tiles:
        layout.addWidget(tile)
    tiles[1].set_value("20 s", "phone, chat and on-site, answered or not, since midnight")
    heights = DetailHeights(tiles, row)
    qtbot.addWidget(row)
    row.resize(480, 200)
    row.show()
    qtbot.waitExposed(row)
    QApplication.processEvents()
    heights.align()
    QApplication.processEvents()

    assert list(clipped_texts(row)) == []
    # a squeezed row never narrows a tile below a few words (Chinese would go one character a line)
    assert all(t.caption_label.width() >= KpiTile.MIN_TEXT_WIDTH for t in tiles)
    long_caption = tiles[1].caption_label
    line = long_caption.fontMetrics().lineSpacing()
    assert long_caption.height() >= 2 * line  # wrapped, not cut
    assert all(_shown_whole(label) for t in tiles for label in (t.caption_label, t.detail_label))
    assert len({t.caption_label.height() for t in tiles}) == 1
    assert len({t.value_label.mapTo(row, t.value_label.rect().topLeft()).y() for t in tiles}) == 1

    # wide again: one line each, as tall as before (a row made taller once does not stay taller)
    row.resize(1400, 200)
    QApplication.processEvents()
    heights.align()
    QApplication.processEvents()
    assert long_caption.height() < 2 * line
    assert tiles[1].detail_label.height() < 2 * line


def test_the_quarterly_status_is_elided_with_its_whole_text_in_a_tooltip(qtbot):
    from ui.selftest import clipped_texts
    from ui.widgets.labels import ElidedLabel

    bar = QWidget()
    layout = QHBoxLayout(bar)
    status = ElidedLabel(bar)
    layout.addWidget(status, 1)
    layout.addWidget(QPushButton("Export…"))
    text = "Draft — live figures. 3 under target (below 80 points), 2 without a plan."
    status.setText(text)
    qtbot.addWidget(bar)
    bar.resize(260, 40)
    bar.show()
    qtbot.waitExposed(bar)
    QApplication.processEvents()

    assert list(clipped_texts(bar)) == []
    assert status.full_text() == text
    assert status.text().endswith("…") and text.startswith(status.text()[:-1])
    assert status.toolTip() == text

    bar.resize(1200, 40)
    QApplication.processEvents()
    assert status.text() == text and status.toolTip() == ""
    assert status.sizeHint().width() >= status.fontMetrics().horizontalAdvance(text)
