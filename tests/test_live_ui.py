"""The live UI: chart buffers and redraws, export, the floor-now panel, stale feed, the wallboard."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from app.feed.follow import LiveFeed
from app.feed.simulator import SimConfig, simulate
from tests import factories as f

NOW = datetime(2026, 11, 18, 2, 0, tzinfo=UTC)  # the frozen clock: Wed 10:00 in Shanghai
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _simulated_floor(db) -> list[str]:
    with db.session() as s:
        f.center(s)
    lines = []
    for when, text in simulate(SimConfig(rate=600.0, agents=8, duration=None, start=int(NOW.timestamp()) - 1800,
                                         seed=11)):
        if when > NOW.timestamp():
            break
        lines.append(text)
    feed = LiveFeed(db, source="simulator", name="simulator")
    feed.feed([line.encode() for line in lines])
    feed.commit()
    return lines


# --- buffers (no widgets) ------------------------------------------------------------------------
def test_series_buffer_is_bounded_and_keeps_the_newest_points_contiguous():
    from ui.live.floor_charts import SeriesBuffer

    buf = SeriesBuffer(100, ("waiting",))
    buf.extend(np.arange(150.0), waiting=np.arange(150.0) * 2)
    assert len(buf) == 100 and buf.x[0] == 50 and buf.y("waiting")[-1] == 298
    for x in range(150, 400):
        buf.append(float(x), waiting=float(x))
    assert len(buf) == 100 and buf.x.tolist() == list(range(300, 400)) and buf.total == 400
    buf.append(10.0, waiting=1.0)  # time runs forward: an old point is dropped
    assert len(buf) == 100 and buf.x[-1] == 399
    x, ys = buf.since(390.0)
    assert x.tolist() == list(range(390, 400)) and ys["waiting"].tolist() == list(range(390, 400))


def test_peak_decimation_keeps_every_spike():
    from ui.live.floor_charts import peak_decimate

    x = np.arange(86_400, dtype=float)
    y = np.zeros(86_400)
    y[12_345] = 30  # a one-second spike
    y[50_000] = -1
    dx, dy = peak_decimate(x, {"w": y}, 800)
    assert dx.size <= 2 * 800 + 2 * 108 and dy["w"].max() == 30 and dy["w"].min() == -1
    assert np.all(np.diff(dx) >= 0)
    # small series pass through untouched
    sx, sy = peak_decimate(x[:100], {"w": y[:100]}, 800)
    assert sx is x[:100] or np.array_equal(sx, x[:100])


# --- charts ---------------------------------------------------------------------------------------
@pytest.mark.gui
def test_chart_updates_keep_the_same_plot_items_and_pause_freezes_them(qtbot, sqlite_db, frozen_clock):
    from app.live.state import shift_series
    from ui.live.floor_charts import FloorCharts

    _simulated_floor(sqlite_db)
    with sqlite_db.session() as s:
        series = shift_series(s, NOW, step_sec=30)
    charts = FloorCharts(capacity=5000)
    qtbot.addWidget(charts)
    charts.set_timezone(SHANGHAI)
    charts.load_shift(series)
    items = [id(i) for i in charts.data_items]
    plots = [id(p) for p in charts.plots]
    assert charts.redraw()
    assert not charts.redraw()  # nothing changed: no work
    charts.add_point(NOW + timedelta(seconds=2), 7, 3, 0.5)
    assert charts.redraw()
    assert [id(i) for i in charts.data_items] == items and [id(p) for p in charts.plots] == plots
    x, y = charts.waiting_item.getData()
    assert x[-1] == (NOW + timedelta(seconds=2)).timestamp() and y[-1] == 7
    assert charts.sl_item.getData()[1][-1] == 50
    charts.pause_button.setChecked(True)
    charts.add_point(NOW + timedelta(seconds=4), 9, 1, None)
    assert not charts.redraw()
    assert charts.waiting_item.getData()[1][-1] == 7  # frozen while paused
    charts.pause_button.setChecked(False)  # resume draws what arrived meanwhile
    assert charts.waiting_item.getData()[1][-1] == 9
    charts.window_combo.setCurrentIndex(0)  # 15 min: only that window goes to the item
    x, _y = charts.waiting_item.getData()
    assert x[0] >= (NOW + timedelta(seconds=4)).timestamp() - 15 * 60
    charts.set_state_counts({"available": 2, "on_call": 5})
    assert charts.state_counts.tolist() == [2, 0, 5, 0, 0, 0]
    # one bar cut into the states, the title naming those with anyone in them
    assert charts.state_bars.opts["x0"].tolist() == [0, 2, 2, 7, 7, 7]
    title = charts.state_plot.titleLabel.text
    assert "Available 2" in title and "On call 5" in title and "Ringing" not in title
    # hover text over the waiting chart names the time and the figures there
    charts.resize(900, 600)
    charts.show()
    qtbot.waitExposed(charts)
    vb = charts.waiting_plot.vb
    pos = vb.mapViewToScene(vb.viewRect().center())
    text = charts.describe_at(charts.waiting_plot, pos)
    assert "waiting" in text and "available" in text


@pytest.mark.gui
def test_export_writes_png_and_csv(qtbot, sqlite_db, frozen_clock, tmp_path):
    from PySide6.QtGui import QImage

    from app.live.state import shift_series
    from ui.live.floor_charts import FloorCharts

    _simulated_floor(sqlite_db)
    with sqlite_db.session() as s:
        series = shift_series(s, NOW, step_sec=60)
    charts = FloorCharts(capacity=5000)
    qtbot.addWidget(charts)
    charts.resize(900, 600)
    charts.set_timezone(SHANGHAI)
    charts.load_shift(series)
    charts.redraw(force=True)
    png = charts.export_png(tmp_path / "live.png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() == 900
    path = charts.export_csv(tmp_path / "live.csv")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["time", "calls_waiting", "agents_available", "service_level_15min_pct"]
    points = rows[1:rows.index([])]
    assert len(points) == series.t.size and points[-1][0] == "2026-11-18T10:00:00+08:00"
    assert float(points[-1][1]) == series.waiting[-1]
    intervals = rows[rows.index([]) + 2:]
    assert intervals[-1][0] == "2026-11-18T10:00+08:00" and len(intervals) == 41


# --- the workspace and the wallboard ------------------------------------------------------------
@pytest.mark.gui
def test_live_workspace_shows_the_simulated_floor_and_says_when_the_feed_stopped(qtbot, sqlite_db, frozen_clock):
    from ui.app import Console

    _simulated_floor(sqlite_db)
    console = Console(sqlite_db, inline_tasks=True, watch=False)
    try:
        window = console.window
        window.show()
        window.show_workspace(0)
        live = window.workspaces[0]
        qtbot.waitUntil(lambda: live.now.poll_count >= 1)
        now = live.now
        assert now.sim_badge.isVisible() and now.sim_badge.text() == "SIMULATED"
        assert "Feed live" in now.feed_indicator.text()
        assert now.active and now.timer.isActive() and now.charts.timer.isActive()
        floor = now.floor
        assert now.tile_waiting.value == str(floor.waiting)
        assert now.tile_available.value == str(floor.state_counts()["available"])
        assert now.agent_model.rowCount() == 8 and not now.stale_banner.isVisible()
        assert live.agent_stack.currentIndex() == 1 and live.chart_tabs.currentIndex() == 0
        assert "from the contact-center feed" in live.source_label.text()
        qm = live.queue_model  # the day's queue table carries each queue's live figures too
        by_id = {q.queue_id: q for q in floor.queues}
        for row in range(qm.rowCount()):
            live_q = by_id[qm.row_at(row).queue_id]
            assert qm.data(qm.index(row, qm.WAITING)) == str(live_q.waiting)
        assert not live.queue_view.isColumnHidden(qm.SL_15)

        frozen_clock.advance(seconds=600)  # nothing arrives: the feed has stopped
        now.poll()
        assert now.stale_banner.isVisible() and "stopped at 10:00" in now.stale_banner.text()
        assert "Feed stopped since 10:00" in now.feed_indicator.text()
        assert all(t.level in ("stale", None) for t in now.tiles)
        assert "as of 10:00" in now.tile_waiting.detail
        points = len(now.charts.buffer)
        now.poll()
        assert len(now.charts.buffer) == points  # stale figures are not added as current points

        live._step_day(-1)  # a past day: history only
        assert not now.active and not now.tiles_widget.isVisible() and live.agent_stack.currentIndex() == 0
        assert live.queue_view.isColumnHidden(qm.SL_15)  # no live figures for a past day
        live.show_today()
        assert now.active
        window.show_workspace(len(window.workspaces) - 1)
        assert not now.active and not now.timer.isActive()  # hidden: no polling
    finally:
        console.close()


@pytest.mark.gui
def test_wallboard_opens_full_screen_shows_the_floor_and_esc_leaves(qtbot, sqlite_db, frozen_clock):
    from PySide6.QtCore import Qt

    from ui.app import Console

    _simulated_floor(sqlite_db)
    console = Console(sqlite_db, inline_tasks=True, watch=False)
    try:
        window = console.window
        window.show()
        window.show_workspace(0)
        live = window.workspaces[0]
        qtbot.waitUntil(lambda: live.now.poll_count >= 1)
        live.now.wallboard_button.click()
        board = live.now.wallboard
        assert board is not None and board.isVisible() and board.isWindow()
        floor = live.now.floor
        assert board.tile_waiting.value.text() == str(floor.waiting)
        assert board.badge.isVisible() and not board.stale_band.isVisible()
        window.show_workspace(len(window.workspaces) - 1)
        assert live.now.active  # the wallboard keeps polling although Live is hidden
        qtbot.keyClick(board, Qt.Key.Key_Escape)
        assert live.now.wallboard is None and not board.isVisible()
        assert not live.now.active  # Live is hidden and the wallboard gone: polling stops
        window.show_workspace(0)
        window.activateWindow()
        qtbot.waitUntil(lambda: window.isActiveWindow())
        live.setFocus()
        qtbot.keyClick(live, Qt.Key.Key_F11)  # F11 toggles it too
        board = live.now.wallboard
        assert board is not None and board.isVisible()
        qtbot.keyClick(board, Qt.Key.Key_F11)
        assert live.now.wallboard is None and live.now.active  # back on Live: still polling
    finally:
        console.close()


@pytest.mark.gui
def test_alert_rules_dialog_saves_thresholds_for_administrators_only(qtbot, sqlite_db, frozen_clock):
    from app.actor import Actor
    from app.live import settings as live_settings
    from ui.app import Console

    with sqlite_db.session() as s:
        f.center(s)
    console = Console(sqlite_db, inline_tasks=True, watch=False, actor=Actor("junjie.guo", "administrator"))
    try:
        console.window.show()
        console.window.show_workspace(0)
        now = console.window.workspaces[0].now
        assert now.rules_button.isVisible()
        now.rules_button.click()
        dialog = now.rules_dialog
        assert dialog is not None and dialog.isVisible()
        assert not dialog.thresholds["online_backup"].isEnabled()  # R-SCH-4 lives in Admin ▸ Rules
        dialog.thresholds["longest_wait"].setValue(45)
        dialog.enabled["vip_waiting"].setChecked(False)
        dialog.save()
        assert now.rules_dialog is None
        with sqlite_db.session() as s:
            rules = {r.key: r for r in live_settings.list_rules(s)}
        assert rules["longest_wait"].threshold == 45 and not rules["vip_waiting"].enabled
        assert rules["online_backup"].threshold == 50
    finally:
        console.close()
    supervisor = Console(sqlite_db, inline_tasks=True, watch=False, actor=Actor("min.deng", "supervisor"))
    try:
        supervisor.window.show()
        supervisor.window.show_workspace(0)
        assert not supervisor.window.workspaces[0].now.rules_button.isVisible()
    finally:
        supervisor.close()
