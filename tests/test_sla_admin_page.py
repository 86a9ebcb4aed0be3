"""Admin ▸ SLA: policies and calendars edited in the console (issue 6 item 3)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.actor import Actor
from db.models import BusinessCalendar, CalendarDay, SlaPolicy
from tests import factories as f

ADMIN = Actor("admin", "administrator")


def test_working_hours_are_written_and_read_like_a_person_would():
    from ui.admin.sla_page import hours_text, parse_hours

    hours = parse_hours("mon-fri 09:00-12:00,13:00-18:00; sat 10:00-16:00")
    assert hours["mon"] == [["09:00", "12:00"], ["13:00", "18:00"]] and hours["sat"] == [["10:00", "16:00"]]
    assert "sun" not in hours
    assert parse_hours(hours_text(hours)) == hours
    for bad, message in (("monday 09:00-18:00", "start with a day"), ("mon 9-18", "like 09:00-18:00"),
                         ("mon", "give the hours"), ("mon-xyz 09:00-10:00", "days are")):
        with pytest.raises(ValueError, match=message):
            parse_hours(bad)


@pytest.mark.gui
def test_an_administrator_edits_a_policy_and_a_calendar_R_SLA_6(qtbot, sqlite_db):
    from datetime import date

    from ui.admin.sla_page import SlaAdminPage
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.tasks import TaskRunner

    with sqlite_db.session() as s:
        f.center(s)
    tasks = TaskRunner(sqlite_db, inline=True)
    page = SlaAdminPage(ConsoleContext(sqlite_db, tasks, Bus(), ADMIN))
    qtbot.addWidget(page)
    assert page.policies_model.rowCount() >= 9 and page.calendars_model.rowCount() == 0
    page.save_calendar(None, {"name": "Office", "timezone": "Asia/Shanghai", "holiday_country": "CN",
                              "opening_hours": {"mon": [["09:00", "18:00"]]}})
    assert [c.name for c in page.calendars] == ["Office"]
    office = page.calendars[0]
    page.set_day(office, date(2026, 12, 7), False)
    resolution = next(p for p in page.policies if p.rule_id == "R-SLA-6")
    page.save_policy(resolution, {"target_minutes": 720, "calendar_id": office.id, "warn_at_percent": 80,
                                  "warn_before_minutes": None, "pause_when_waiting": True,
                                  "escalation_ladder": [{"level": 1, "notify": "owner", "after_minutes": 0}],
                                  "targets_by_priority": {"urgent": 240}})
    with sqlite_db.session() as s:
        row = s.scalar(select(SlaPolicy).where(SlaPolicy.rule_id == "R-SLA-6"))
        assert (row.target_minutes, row.calendar_id, row.warn_at_percent) == (720, office.id, 80)
        assert s.scalar(select(CalendarDay.is_open)) is False
        assert s.scalar(select(BusinessCalendar.holiday_country)) == "CN"
    changed = next(p for p in page.policies if p.rule_id == "R-SLA-6")
    assert changed.version > resolution.version and changed.calendar_name == "Office"
    assert page.policies_model.index(
        next(i for i, p in enumerate(page.policies) if p.rule_id == "R-SLA-6"), 2).data() == "12 h (Urgent 4 h)"
    tasks.shutdown()


@pytest.mark.gui
def test_managers_see_the_policies_read_only(qtbot, sqlite_db):
    from ui.admin.sla_page import SlaAdminPage
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.tasks import TaskRunner

    with sqlite_db.session() as s:
        f.center(s)
    tasks = TaskRunner(sqlite_db, inline=True)
    page = SlaAdminPage(ConsoleContext(sqlite_db, tasks, Bus(), Actor("ming.han", "manager")))
    qtbot.addWidget(page)
    assert not page.edit_policy_button.isEnabled() and not page.new_calendar_button.isEnabled()
    tasks.shutdown()
