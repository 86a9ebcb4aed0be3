"""`floorwalker selftest` and its helpers: tabs walked, texts read, clipped text found, stray dialogs closed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

pytestmark = pytest.mark.gui


def _page() -> tuple[QWidget, QTabWidget, QTabWidget]:
    page = QWidget()
    layout = QVBoxLayout(page)
    outer = QTabWidget()
    inner = QTabWidget()
    inner.addTab(QLabel("Channels"), "&Channels")
    inner.addTab(QLabel("Routing"), "Routing")
    outer.addTab(QLabel("People"), "People")
    outer.addTab(inner, "Notifications")
    outer.addTab(QLabel("hidden"), "Hidden")
    outer.setTabVisible(2, False)
    layout.addWidget(outer)
    return page, outer, inner


def test_tab_stops_walk_nested_tabs_and_bring_each_forward(qtbot):
    from ui.selftest import tab_stops

    page, outer, inner = _page()
    qtbot.addWidget(page)
    stops = tab_stops(page)
    assert sorted(s.path for s in stops) == [["Notifications"], ["Notifications", "Channels"],
                                             ["Notifications", "Routing"], ["People"]]
    routing = next(s for s in stops if s.path == ["Notifications", "Routing"])
    routing.show()
    assert outer.currentIndex() == 1 and inner.currentIndex() == 1


def test_visible_texts_and_clipped_texts(qtbot):
    from ui.selftest import clipped_texts, visible_texts

    page, _outer, _inner = _page()
    button = QPushButton("Publish this week…")
    button.setToolTip("<b>Publish</b> the draft")
    page.layout().addWidget(button)
    qtbot.addWidget(page)
    page.resize(600, 300)
    page.show()
    texts = {t for _w, t in visible_texts(page)}
    assert {"People", "Notifications", "Publish this week…", "Publish the draft"} <= texts
    assert "Hidden" not in texts  # a hidden tab is not read
    assert list(clipped_texts(page)) == []
    button.setFixedWidth(40)
    assert ("QPushButton#", "Publish this week…") in list(clipped_texts(page))


def test_a_dialog_that_opens_by_itself_is_closed_and_reported(qtbot, qapp):
    from ui.selftest import ModalWatch

    watch = ModalWatch(qapp)
    try:
        QTimer.singleShot(0, lambda: QMessageBox.warning(None, "Not allowed", "No access (qa.review)."))
        qtbot.waitUntil(lambda: bool(watch.seen), timeout=3000)
    finally:
        watch.stop()
    assert watch.seen == ["QMessageBox Not allowed: No access (qa.review)."]


def test_selftest_visits_every_workspace_and_tab_and_saves_screenshots(tmp_path, qapp, capsys):
    from app.demo.builder import DemoOptions, build_demo
    from ui.selftest import run_selftest

    url = str(tmp_path / "demo.db")
    build_demo(url, DemoOptions(seed=7, agents=8, weeks=1, recordings_dir=tmp_path / "rec"))
    shots = tmp_path / "shots"
    run_selftest(url, str(shots), timeout=20, language="en", theme="light", tabs=True)
    out = capsys.readouterr().out
    names = sorted(p.name for p in shots.glob("*.png"))
    for n, slug in enumerate(("live", "schedule", "quality", "complaints", "reports", "admin"), 1):
        assert f"{n:02d}-{slug}.png" in names
    assert "04-complaints.png" in names and any(n.startswith("06-admin-") and "notifications" in n for n in names)
    assert "▸ Forecast accuracy" in out and "▸ Notifications ▸ Routing" in out


def test_the_environment_signs_in_an_unattended_desk_or_refuses(sqlite_db, monkeypatch):
    # one sign-in path for `floorwalker gui` and the self-test (FLOORWALKER_USER / FLOORWALKER_PASSWORD)
    from app.security.accounts import SignInError
    from ui.app import ENV_PASSWORD, ENV_USER, environment_actor

    monkeypatch.delenv(ENV_USER, raising=False)
    assert environment_actor(sqlite_db) is None
    monkeypatch.setenv(ENV_USER, "nobody")
    monkeypatch.setenv(ENV_PASSWORD, "wrong")
    with pytest.raises(SignInError):
        environment_actor(sqlite_db)


def test_the_selftest_window_size_is_read_as_width_x_height_and_bad_sizes_are_refused():
    import argparse

    from ui.cli import window_size

    assert window_size("1280x720") == (1280, 720)
    assert window_size("960X600") == (960, 600)
    for bad, said in (("1280", "not a size"), ("axb", "not a size"), ("800x600", "smallest window is 960x600")):
        with pytest.raises(argparse.ArgumentTypeError, match=said):
            window_size(bad)
