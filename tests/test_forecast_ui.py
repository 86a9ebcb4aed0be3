"""Schedule ▸ Forecast and Schedule ▸ Forecast accuracy, offscreen, on generated history."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.actor import Actor
from db.models import AuditEntry, ForecastOverride, Queue
from tests import factories
from tests.test_forecast import SCHEDULER, generate

pytestmark = pytest.mark.gui
WEEK = date(2026, 11, 23)


@pytest.fixture
def history_db(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        c = factories.center(s)
        q = factories.queue(s, c, "Hotline")
        factories.queue(s, c, "Web chat", channel="chat")
        generate(s, s.get(Queue, q.id), date(2026, 10, 5), 42, 500, seed=3)
    return sqlite_db


def open_schedule(qtbot, db, actor: Actor):
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.schedule.workspace import ScheduleWorkspace
    from ui.tasks import TaskRunner

    ctx = ConsoleContext(db, TaskRunner(db, inline=True), Bus(), actor, ZoneInfo("Asia/Shanghai"), "Test")
    page = ScheduleWorkspace(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 860)
    page.show()
    return page


def test_forecast_view_makes_adjusts_and_withdraws_R_SCH_1(qtbot, history_db):
    page = open_schedule(qtbot, history_db, SCHEDULER)
    page.tabs.setCurrentIndex(1)
    view = page.forecast_view
    qtbot.waitUntil(lambda: view.load_count >= 1)
    assert view.queue_combo.currentText() == "Hotline"  # phone queues first
    assert view.week_start == WEEK  # next week by default (the clock says Wednesday 18 November)
    assert "no forecast yet for Hotline" in view.status_label.text()
    assert view.model.rowCount() == 0 and not view.adjust_button.isEnabled()

    view.make()
    qtbot.waitUntil(lambda: view.week is not None and view.week.run_id is not None)
    assert view.model.rowCount() == 672
    assert "made by qiang.xu" in view.status_label.text()
    assert len(view.chart.forecast_item.getData()[0]) == 672 and view.chart.band.isVisible()
    # the same week in the four weeks before, less the week of 16 November (no data yet)
    assert len(view.chart.reference_items) == 3
    assert "Week total" in view.totals_label.text()

    # adjust Wednesday 10:00-12:00 by x2 with a reason, from the selected intervals
    agents_before = int(view.model.data(view.model.index(96 * 2 + 41, view.model.AGENTS)))
    assert agents_before > 0
    # selected through the model (selectRow would follow modifier keys an earlier test left pressed)
    view.table.selectionModel().select(view.model.index(96 * 2 + 40, 0),
                                       view.table.selectionModel().SelectionFlag.ClearAndSelect
                                       | view.table.selectionModel().SelectionFlag.Rows)
    view.table.selectionModel().select(view.model.index(96 * 2 + 47, 0),
                                       view.table.selectionModel().SelectionFlag.Select
                                       | view.table.selectionModel().SelectionFlag.Rows)
    view.ask_adjust()
    dialog = view.adjust_dialog
    assert dialog is not None and dialog.span.isChecked()
    assert dialog.from_edit.time().toString("HH:mm") == "10:00" and dialog.to_edit.time().toString("HH:mm") == "12:00"
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    dialog.factor.setValue(2.0)
    dialog.reason.setText("Flash sale on the app")
    assert ok.isEnabled()
    ok.click()
    qtbot.waitUntil(lambda: view.override_model.rowCount() == 1)
    row = 96 * 2 + 41
    adjusted = view.model.data(view.model.index(row, view.model.ADJUSTED))
    volume = view.week.slots[row].volume
    assert float(adjusted.replace(",", "")) == pytest.approx(volume * 2, abs=0.06)
    assert view.model.data(view.model.index(row, view.model.REASON)) == "Flash sale on the app"
    assert view.model.data(view.model.index(row + 8, view.model.ADJUSTED)) == ""  # 12:15 untouched
    # Erlang C follows the adjustment: twice the calls need more agents than before it
    assert int(view.model.data(view.model.index(row, view.model.AGENTS))) > agents_before
    assert view.override_model.data(view.override_model.index(0, 1)) == "× 2"
    with history_db.session() as s:
        assert s.scalars(select(AuditEntry.actor).where(AuditEntry.entity == "forecast_override")).all() == [
            "qiang.xu"]

    view.remove_selected_override()
    qtbot.waitUntil(lambda: view.override_model.rowCount() == 0)
    assert view.model.data(view.model.index(row, view.model.ADJUSTED)) == ""
    with history_db.session() as s:
        assert s.scalars(select(ForecastOverride.removed_by)).one() == "qiang.xu"


def test_supervisors_see_the_forecast_but_cannot_change_it(qtbot, history_db):
    page = open_schedule(qtbot, history_db, Actor("min.deng", "supervisor"))
    page.tabs.setCurrentIndex(1)
    view = page.forecast_view
    qtbot.waitUntil(lambda: view.load_count >= 1)
    assert view.make_button.isHidden() and view.adjust_button.isHidden() and view.import_button.isHidden()
    view.ask_adjust()
    assert view.adjust_dialog is None


def test_accuracy_view_backtests_with_baselines(qtbot, history_db, qtmodeltester):
    page = open_schedule(qtbot, history_db, SCHEDULER)
    page.tabs.setCurrentIndex(2)
    view = page.accuracy_view
    qtbot.waitUntil(lambda: view.load_count >= 1)
    assert view.queue_combo.itemText(0) == "All queues together"
    # the default period: the last seven days with data before today (history ends 15 November)
    assert view.to_edit.date().toString("yyyy-MM-dd") == "2026-11-15"
    view.set_queue(None)
    view.run_backtest()
    qtbot.waitUntil(lambda: view.result is not None)
    r = view.result
    assert view.score_model.rowCount() == 3
    assert view.score_model.data(view.score_model.index(0, 0)) == "Forecast"
    text = view.score_model.data(view.score_model.index(0, 2))
    assert text.startswith(f"{r.score('forecast', 30).wape * 100:.1f} %")
    assert "Poisson noise floor" in view.summary.text() and "inside the 80 % band" in view.summary.text()
    assert len(view.chart.actual_item.getData()[0]) == 7 * 48
    assert len(view.hour_chart.bars) == 3
    qtmodeltester.check(view.score_model)
    qtmodeltester.check(page.forecast_view.model)

    # a period without history before it: a message, no crash
    view.set_period(date(2026, 10, 6), date(2026, 10, 8))
    view.run_backtest()
    assert "Not enough history" in view.summary.text()
    assert view.run_button.isEnabled()


def test_interval_model_formats_rows(qtbot):
    from datetime import UTC, datetime

    from app.forecast.service import ForecastSlot
    from ui.schedule.forecast_view import IntervalModel

    model = IntervalModel()
    model.set_slots((ForecastSlot(datetime(2026, 11, 23, 2, 0, tzinfo=UTC), 12.345, 8.0, 17.5, 241.0, None, None),
                     ForecastSlot(datetime(2026, 11, 23, 2, 15, tzinfo=UTC), 10.0, 6.0, 15.0, 240.0, 20.0, "TV")),
                    ZoneInfo("Asia/Shanghai"))
    row0 = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row0 == ["Mon 23 Nov", "10:00–10:15", "12.3", "8.0", "17.5", "241", "", "", ""]
    assert model.data(model.index(1, model.ADJUSTED)) == "20.0"
    assert model.data(model.index(1, model.ADJUSTED), Qt.ItemDataRole.ForegroundRole) is not None
