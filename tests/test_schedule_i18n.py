"""Schedule in Simplified Chinese: weekdays and dates from QLocale (never strftime's English), the
rota rules' sentences said again in Chinese, the re-plan dialog and the printed rota without English
leftovers (apart from data: names, queues, template names)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QLocale

from ui.errors import message_text
from ui.schedule.dates import day_label, long_day_label, slot_range, weekday_name
from ui.schedule.messages import rule_message

pytestmark = pytest.mark.gui


def test_english_dates_and_sentences_stay_english(qapp):
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        assert day_label(date(2026, 11, 24)) == "Tue 24 Nov"
        assert long_day_label(date(2026, 11, 24)) == "Tuesday 24 November 2026"
        assert slot_range(96 + 36, 96 + 39) == "Tue 09:00–10:00"
        assert rule_message("Ann has no full day off this week.") == "Ann has no full day off this week."
    finally:
        QLocale.setDefault(before)


def test_chinese_weekdays_dates_and_rule_sentences(chinese, sqlite_db):
    assert weekday_name(0) == "周一" and weekday_name(6, long=True) == "星期日"
    assert day_label(date(2026, 11, 24)) == "11月24日 周二"
    assert day_label(date(2026, 11, 24), year=True, weekday=False) == "2026年11月24日"
    assert slot_range(20 * 4, 96 + 4 * 4 - 1) == "周一 20:00–周二 04:00"
    # the rule sentences come from app/ as Message values (more in tests/test_rota_messages.py)
    from app.rota.model import Agent, RotaProblem, Rules, Shift, ShiftTemplate
    from app.rota.quality import check_rules

    problem = RotaProblem(date(2026, 11, 23), (Agent(1, "Bob", frozenset({"phone"})),
                                               Agent(2, "韩宇", frozenset({"phone"}), training_min=60)),
                          (ShiftTemplate("Day", 9 * 60, 8 * 60, 8 * 60),), (), Rules(phone_skill=None, standup=None))
    said = {rule_message(v.message) for v in check_rules(problem, [Shift(1, "Day", 80, 32), Shift(1, "Day", 144, 32),
                                                                  Shift(2, "Day", 228, 32)])}
    assert "韩宇 本周已安排培训 0 分钟，应为 60 分钟。" in said
    assert "Bob：周一 20:00–周二 04:00 的班次与下一个 周二 12:00–20:00 的班次之间只有 8 小时休息（最少 11 小时）。" in said
    # a backtest refused by app/forecast carries its catalogue template: English as it is, Chinese on screen
    from app.forecast.backtest import BacktestError, backtest

    with sqlite_db.session() as s, pytest.raises(BacktestError) as refused:
        backtest(s, None, date(2026, 11, 17), date(2026, 11, 17))
    assert str(refused.value) == "Not enough history before 2026-11-17: 0 days with contacts before it, " \
                                 "a backtest needs 7"
    assert message_text(refused.value) == "2026-11-17 之前的历史数据不足：之前有 0 天有联络，回测需要 7 天"


def test_replan_dialog_and_printed_rota_have_no_english_leftovers(chinese, qtbot, sqlite_db, frozen_clock, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from app.schedule import editing as ed
    from tests.test_rota_editor import SCHEDULER, WEEK, build
    from ui.schedule.replan_dialog import ReplanDialog
    from ui.schedule.rota_print import print_rota, setup_printer

    with sqlite_db.session() as s:
        build(s)
        week = ed.load_editor_week(s, SCHEDULER, WEEK)
    dialog = ReplanDialog(week, 1, 600, {}, None)
    qtbot.addWidget(dialog)
    texts = [w.text() for w in dialog.findChildren(type(dialog.summary))] + [dialog.windowTitle()]
    texts += [dialog.day_combo.itemText(i) for i in range(dialog.day_combo.count())]
    names = {a.name for a in week.agents} | {a.team for a in week.agents if a.team}
    for text in texts:
        for name in names:
            text = text.replace(name, "")
        assert not re.search(r"[A-Za-z]{3,}", re.sub(r"R-SCH-\d|Ctrl\+Z", "", text)), text
    assert dialog.day_combo.itemText(1) == "2026年11月24日 星期二"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_printer(printer)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "rota.pdf"))
    assert print_rota(printer, week, "草稿") == 1
