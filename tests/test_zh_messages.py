"""Messages built in app/ from N_() templates show in Chinese: import errors and skipped-row
reasons (app.i18n.Message), the stored details of the automatic chat checks (matched back to their
template), the KPI evidence formula; the English text (CLI, logs, stored rows) stays as it was."""

from __future__ import annotations

import pytest

from app.i18n import N_, Message


def test_a_message_reads_as_english_and_keeps_its_template():
    msg = Message(N_("{field} {value!r} is not a date and time{hint}"), field="arrival", value="02/31",
                  hint=Message(N_(" (give datetime_format in the mapping)")))
    assert msg == "arrival '02/31' is not a date and time (give datetime_format in the mapping)"
    assert isinstance(msg, str) and msg.template.startswith("{field}") and msg.params["field"] == "arrival"


def test_import_reasons_and_errors_show_in_chinese(chinese):
    from app.imports.reading import ImportFileError
    from ui.imports.dialog import error_html, translated

    msg = Message(N_("{field} {value!r} is not a date and time{hint}"), field="arrival", value="02/31",
                  hint=Message(N_(" (give datetime_format in the mapping)")))
    assert translated(msg) == "到达时间 '02/31' 不是日期时间（请在映射中给出 datetime_format）"
    assert translated(N_("the service ends before it starts")) == "服务结束时间早于开始时间"
    assert translated("not a template at all") == "not a template at all"
    html = error_html(ImportFileError(Message(N_("No such file: {path}"), path="/tmp/<x>.csv")))
    assert "文件不存在：/tmp/&lt;x&gt;.csv" in html


def test_stored_auto_qa_details_show_in_chinese(chinese):
    from ui.autoqa.transcript_view import check_label, detail_text

    assert detail_text("first reply after 6 s (limit 30 s)") == "首次回复用时 6 秒（上限 30 秒）"
    assert detail_text("summary “已经为您”, confirmation “还有其他”") == "总结“已经为您”，确认“还有其他”"
    assert detail_text("no summary and confirmation question in the last agent messages") == \
        "最后几条坐席消息中没有总结和确认问题"
    assert detail_text("something stored by an older version") == "something stored by an older version"
    assert check_label("first_reply") == "首次回复 ≤ 30 秒（R-RESP-1）"


def test_the_checks_write_english_details_that_match_a_template():
    from datetime import UTC, datetime, timedelta

    from app.autoqa.checks import Checker
    from app.autoqa.checks import Message as ChatMessage
    from ui.autoqa.transcript_view import _detail_patterns

    t0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    chat = [(0, "customer", "在吗？想修改收货地址"), (40, "agent", "你好，请提供新的地址"),
            (200, "customer", "好的"), (300, "agent", "好的，已经为您修改")]
    results = Checker().check([ChatMessage(i + 1, t0 + timedelta(seconds=s), who, text)
                               for i, (s, who, text) in enumerate(chat)])
    details = {r.check: r.detail for r in results}
    assert details["first_reply"] == "first reply after 40 s (limit 30 s)"
    assert details["closing"].startswith("no ") and details["polite"] == "informal address “你” (use 您)"
    for r in results:  # every detail a check writes is one of the templates the UI translates
        assert any(p.match(r.detail) for p, _t in _detail_patterns()), r.detail


def test_the_kpi_evidence_formula_shows_in_chinese(chinese):
    from ui.review.quarterly_view import _translated

    msg = Message(N_("wait {wait} s ÷ {n} phone/chat/on-site contacts = {avg}; {within} within the target"),
                  wait="3,298.2", n="179", avg=Message(N_("{v} s"), v="18.43"), within="160")
    assert msg == "wait 3,298.2 s ÷ 179 phone/chat/on-site contacts = 18.43 s; 160 within the target"
    assert _translated(msg) == "等待 3,298.2 秒 ÷ 179 次电话/在线会话/现场联络 = 18.43 秒；160 次在目标内"


def test_app_validation_errors_show_in_chinese(chinese):
    from app.review.periods import parse_quarter
    from ui.errors import message_text

    with pytest.raises(ValueError, match="is not a quarter") as caught:
        parse_quarter("Q9 2026")
    assert str(caught.value) == "'Q9 2026' is not a quarter; write it like 2026Q3."
    assert message_text(caught.value) == "“Q9 2026”不是季度；请按 2026Q3 的格式填写。"
    assert message_text(OSError(2, "No such file")) == "[Errno 2] No such file"
