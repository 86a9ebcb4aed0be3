"""Schedule workspace: the rota week grouped by team, night shifts crossing midnight, headcount
and hourly coverage, weeks with rotas, and who is on shift now (published rotas only)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app import clock
from app.actor import Actor
from app.changes import Changes
from app.schedule.publish import publish_preview, publish_rota
from app.schedule.week import on_shift_now, rota_week, rota_weeks, week_start_of
from app.security.permissions import PermissionDenied
from db.errors import ConflictError
from db.models import AuditEntry, Person, Rota, ShiftActivity, ShiftAssignment, ShiftTemplate
from tests import factories as f
from tests.windows import open_workspace

SHANGHAI = ZoneInfo("Asia/Shanghai")
WEEK = date(2026, 11, 16)  # Monday; the frozen clock stands at Wed 18 Nov 10:00 Shanghai


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=SHANGHAI).astimezone(UTC)


def rota(s, c, week: date, status: str = "published", revision: int = 1, by: str | None = "sam") -> Rota:
    r = Rota(center_id=c.id, week_start=week, status=status, revision=revision,
             created_at=local(week, 0) - timedelta(days=5),
             published_at=local(week, 0) - timedelta(days=3) if status == "published" else None,
             published_by=by if status == "published" else None)
    s.add(r)
    s.flush()
    return r


def shift(s, r: Rota, person, start: datetime, hours: float, template: ShiftTemplate | None = None,
          activities: tuple[tuple[str, datetime, float], ...] = ()) -> ShiftAssignment:
    a = ShiftAssignment(rota_id=r.id, person_id=person.id, template_id=template.id if template else None,
                        starts_at=start, ends_at=start + timedelta(hours=hours))
    s.add(a)
    s.flush()
    for kind, at, minutes in activities:
        s.add(ShiftActivity(assignment_id=a.id, kind=kind, starts_at=at, ends_at=at + timedelta(minutes=minutes)))
    s.flush()
    return a


def build_week(s) -> dict[str, int]:
    """Two teams and a teamless agent; a published revision 1, a newer draft, last week's rota."""
    c = f.center(s)
    alpha, bravo = f.team(s, c, "Alpha"), f.team(s, c, "bravo")
    chen = f.person(s, c, alpha, name="Chen Wei")
    an = f.person(s, c, alpha, name="An Qi")
    zhou = f.person(s, c, bravo, name="Zhou Min")
    floater = f.person(s, c, None, name="Floater")
    sup = f.person(s, c, bravo, name="Sun Supervisor", title="supervisor")
    gone = f.person(s, c, alpha, name="Left Last Year")
    gone.active = False
    early = ShiftTemplate(center_id=c.id, name="Early", start_time=time(8), duration_min=540, color="#4c8bf5")
    night = ShiftTemplate(center_id=c.id, name="Night", start_time=time(22), duration_min=480, color=None)
    s.add_all([early, night])
    s.flush()

    r = rota(s, c, WEEK)
    wed = WEEK + timedelta(days=2)
    for d in range(3):
        day = WEEK + timedelta(days=d)
        acts = [("break", local(day, 12), 60)]
        if d == 2:
            acts.append(("meeting", local(day, 8, 30), 15))
        shift(s, r, chen, local(day, 8), 9, early, tuple(acts))
    shift(s, r, an, local(WEEK + timedelta(days=1), 22), 8, night, (("break", local(wed, 2, 15), 30),))
    shift(s, r, an, local(WEEK + timedelta(days=6), 22), 8, night)  # Sunday night into next Monday
    shift(s, r, zhou, local(wed, 9), 9, None, (("training", local(wed, 10), 60),))
    shift(s, r, sup, local(WEEK + timedelta(days=4), 9), 8)

    draft = rota(s, c, WEEK, status="draft", revision=2)
    shift(s, draft, floater, local(wed, 9), 9, early)  # a draft shift: not on the published week

    last = rota(s, c, WEEK - timedelta(days=7))
    shift(s, last, an, local(WEEK - timedelta(days=1), 22), 8, night)  # Sun 15 Nov 22:00 -> Mon 06:00
    rota(s, c, WEEK + timedelta(days=7), status="draft")  # next week: only a draft so far
    return {"rota": r.id, "chen": chen.id, "an": an.id, "zhou": zhou.id, "floater": floater.id}


@pytest.fixture
def week_db(any_db, frozen_clock):
    with any_db.session() as s:
        ids = build_week(s)
    return any_db, ids


def test_week_start_is_monday():
    assert week_start_of(date(2026, 11, 22)) == WEEK and week_start_of(WEEK) == WEEK


def test_published_week_grouped_by_team_with_status(week_db):
    db, ids = week_db
    with db.session() as s:
        week = rota_week(s)  # this week per the clock
    assert week.week_start == WEEK and week.rota_id == ids["rota"]
    assert (week.status, week.revision, week.published_by) == ("published", 1, "sam")
    assert week.published_at == local(WEEK, 0) - timedelta(days=3)
    assert week.newer_draft_revision == 2
    assert [(t.name, [r.name for r in t.rows]) for t in week.teams] == [
        ("Alpha", ["An Qi", "Chen Wei"]),
        ("bravo", ["Sun Supervisor", "Zhou Min"]),  # a supervisor appears because he has a shift
        (None, ["Floater"]),  # active agent without team and without a published shift
    ]
    chen = week.teams[0].rows[1]
    assert [len(d) for d in chen.days] == [1, 1, 1, 0, 0, 0, 0]
    monday = chen.days[0][0]
    assert (monday.start.time(), monday.end.time(), monday.template_name) == (time(8), time(17), "Early")
    assert monday.template_color == "#4c8bf5" and monday.hours == 9 and monday.break_hours == 1
    assert [(a.kind, a.start.time()) for a in chen.days[2][0].activities] == [("meeting", time(8, 30)),
                                                                               ("break", time(12))]
    assert chen.hours == 27 and chen.shift_count == 3
    assert [t.name for t in week.templates] == ["Early", "Night"]


def test_night_shift_crossing_midnight_stays_on_its_start_day(week_db):
    db, _ids = week_db
    with db.session() as s:
        week = rota_week(s, date(2026, 11, 20), tz=SHANGHAI)  # any day of the week finds its Monday
    an = week.teams[0].rows[0]
    assert [len(d) for d in an.days] == [0, 1, 0, 0, 0, 0, 1]
    sunday = an.days[6][0]
    assert sunday.ends_next_day and sunday.start.date() == date(2026, 11, 22)
    assert sunday.end == datetime(2026, 11, 23, 6, tzinfo=SHANGHAI)
    assert sunday.template_color is None


def test_headcount_and_hourly_coverage(week_db):
    db, _ids = week_db
    with db.session() as s:
        week = rota_week(s, WEEK)
    assert week.headcount == (1, 2, 2, 0, 1, 0, 1)
    mon, tue, wed = week.coverage[0], week.coverage[1], week.coverage[2]
    assert len(week.coverage) == 7 and all(len(d) == 24 for d in week.coverage)
    assert (mon[0].on_shift, mon[5].on_shift, mon[6].on_shift) == (1, 1, 0)  # last week's Sunday night
    assert (mon[12].on_shift, mon[12].working) == (1, 0)  # Chen at lunch
    assert (tue[23].on_shift, wed[2].on_shift, wed[2].working) == (1, 1, 0.5)  # An Qi's night, half-hour break
    assert (wed[8].on_shift, wed[8].working) == (1, 0.75)  # the 15-minute 08:30 stand-up R-SCH-6
    assert (wed[10].on_shift, wed[10].working) == (2, 1)  # Zhou in training
    assert (wed[16].on_shift, wed[17].on_shift) == (2, 1)
    # Sunday night gives 2 h to this week; last week's Sunday night gives Monday 6 h
    assert sum(h.on_shift for d in week.coverage for h in d) == 6 + 9 + 9 + 2 + 6 + 9 + 9 + 8 + 2
    assert sum(h.working for d in week.coverage for h in d) == pytest.approx(60 - 3 - 0.25 - 0.5 - 1)


def test_week_without_rota_and_weeks_list(week_db):
    db, _ids = week_db
    with db.session() as s:
        empty = rota_week(s, WEEK + timedelta(days=14))
        draft_only = rota_week(s, WEEK + timedelta(days=7))
        weeks = rota_weeks(s)
    assert not empty.has_rota and empty.teams == () and empty.headcount == (0,) * 7
    assert draft_only.status == "draft" and draft_only.published_by is None
    assert draft_only.people == 4  # the active agents, none with shifts yet
    assert [(w.week_start, w.status, w.revision) for w in weeks] == [
        (WEEK + timedelta(days=7), "draft", 1), (WEEK, "published", 1), (WEEK - timedelta(days=7), "published", 1)]


def test_on_shift_now_uses_published_rotas_only(week_db):
    db, _ids = week_db
    with db.session() as s:
        now = on_shift_now(s)  # Wed 10:00: Chen working, Zhou in training; the draft shift does not count
        monday_night = on_shift_now(s, local(WEEK, 2))  # last week's Sunday night shift
        quiet = on_shift_now(s, local(WEEK + timedelta(days=3), 3))
    assert [(p.name, p.activity) for p in now.people] == [("Chen Wei", None), ("Zhou Min", "training")]
    assert now.working == 1 and now.people[0].shift_end == datetime(2026, 11, 18, 17, tzinfo=SHANGHAI)
    assert [p.name for p in monday_night.people] == ["An Qi"]
    assert quiet.people == ()


def test_empty_database_has_no_rota(any_db, frozen_clock):
    with any_db.session() as s:
        assert not rota_week(s).has_rota
        assert rota_weeks(s) == [] and on_shift_now(s).people == ()


# --- the workspace -------------------------------------------------------------------------------
@pytest.mark.gui
def test_schedule_workspace_shows_the_published_week(qtbot, sqlite_db, frozen_clock):
    from ui.app import Console
    from ui.schedule.models import RotaWeekModel
    from ui.schedule.workspace import ScheduleWorkspace

    with sqlite_db.session() as s:
        build_week(s)
    console = Console(sqlite_db, inline_tasks=True, watch=False)
    try:
        window = console.window
        window.show()
        window.show_workspace(1)
        page = window.workspaces[1]
        assert isinstance(page, ScheduleWorkspace)
        qtbot.waitUntil(lambda: page.load_count >= 1)
        model = page.model
        assert page.stack.currentIndex() == 0
        assert page.status_label.text().startswith("Published by sam on ")
        assert "revision 1" in page.status_label.text() and "draft of revision 2" in page.status_label.text()
        assert page.on_shift_label.text() == "On shift now: 2"
        assert "Zhou Min" in page.on_shift_label.toolTip()
        assert "Week 47" in page.week_label.text()
        # 3 team header rows + 5 people
        assert model.rowCount() == 8 and model.team_rows() == [0, 3, 6]
        assert page.view.columnSpan(0, 0) == 9 and page.view.columnSpan(1, 0) == 1
        assert model.data(model.index(0, 0)) == "Alpha (2)"
        texts = [[model.data(model.index(r, c)) for c in range(9)] for r in range(model.rowCount())]
        assert texts[2] == ["Chen Wei", "08:00–17:00", "08:00–17:00", "08:00–17:00", "Off", "Off", "Off", "Off",
                            "27 h"]
        assert texts[1][2] == "22:00–06:00 +1" and texts[1][7] == "22:00–06:00 +1"
        assert texts[7][0] == "Floater" and texts[7][8] == ""
        tip = model.data(model.index(2, 3), Qt.ItemDataRole.ToolTipRole)
        assert "Early" in tip and "Meeting 08:30–08:45" in tip and "Break 12:00–13:00" in tip
        assert "today" in model.headerData(3, Qt.Orientation.Horizontal) and \
            model.headerData(3, Qt.Orientation.Horizontal).endswith("2 on shift")
        assert page.coverage_model.data(page.coverage_model.index(2, 10)) == "1"
        assert "Early" in page.legend.text() and "Night" in page.legend.text()
        assert page._timer.isActive()

        page._step_week(1)  # next week: a draft with no shifts yet
        # the console's default actor is an administrator: no publishing, and the status line says why
        assert page.status_label.text() == "Draft — not yet published (revision 1) · only schedulers publish rotas"
        assert page.publish_button.isHidden()
        assert model.rowCount() == 3 + 4  # the four active agents under Alpha, bravo and "No team"
        assert isinstance(model, RotaWeekModel)
        page._step_week(1)  # two weeks ahead: nothing at all
        assert page.stack.currentIndex() == 1
        assert page.empty_label.text().startswith("No rota for this week yet")
        assert page.latest_button.text() == "Go to the rota of the week of 23 Nov 2026"
        page.latest_button.click()
        assert page.shown_week == WEEK + timedelta(days=7)
        page.show_this_week()
        assert page.shown_week == WEEK and not page.this_week_button.isEnabled()
        window.show_workspace(0)
        assert not page._timer.isActive()
    finally:
        console.close()


@pytest.mark.gui
def test_schedule_models_pass_the_model_tester(qtmodeltester, sqlite_db, frozen_clock):
    from ui.schedule.models import CoverageModel, RotaWeekModel

    with sqlite_db.session() as s:
        build_week(s)
        week = rota_week(s)
    grid = RotaWeekModel()
    grid.set_week(week, WEEK)
    qtmodeltester.check(grid)
    coverage = CoverageModel()
    coverage.set_week(week)
    qtmodeltester.check(coverage)
    assert coverage.rowCount() == 7 and coverage.columnCount() == 24
    assert coverage.data(coverage.index(2, 8)) == "0.8"  # 45 of 60 minutes: the stand-up took 15
    assert coverage.data(coverage.index(3, 8)) == "0"  # nobody on Thursday morning


# --- publishing (issue 3: only schedulers publish; issue 4: versioned, audited) ------------------------
SCHEDULER = Actor("fang.zhu", "scheduler")


def _rota_id(s, week: date, status: str = "draft") -> int:
    return s.scalars(select(Rota.id).where(Rota.week_start == week, Rota.status == status)
                     .order_by(Rota.revision.desc())).first()


def _publish_audits(s) -> list[AuditEntry]:
    return list(s.scalars(select(AuditEntry).where(AuditEntry.entity == "rota", AuditEntry.action == "publish")))


@pytest.mark.parametrize("role", ["supervisor", "manager", "administrator", "agent"])
def test_only_a_scheduler_may_publish_a_rota_and_nothing_changes(sqlite_db, frozen_clock, role):
    with sqlite_db.session() as s:
        build_week(s)
        draft = s.get(Rota, _rota_id(s, WEEK))
        version = draft.version
    with sqlite_db.session() as s, pytest.raises(PermissionDenied):
        publish_rota(s, Actor("min.deng", role, 1), draft.id, version)
    with sqlite_db.session() as s:
        after = s.get(Rota, draft.id)
        assert (after.status, after.revision, after.version, after.published_by) == ("draft", 2, version, None)
        assert _publish_audits(s) == []
        assert rota_week(s, WEEK).revision == 1


def test_scheduler_publishes_the_next_revision_and_the_old_one_stays_as_history(week_db):
    db, _ids = week_db
    with db.session() as s:
        draft_id = _rota_id(s, WEEK)
        preview = publish_preview(s, draft_id)
        version = s.get(Rota, draft_id).version
    assert preview.can_publish and (preview.shifts, preview.people, preview.hours) == (1, 1, 9.0)
    assert (preview.next_revision, preview.previous_revision) == (2, 1)
    with db.session() as s:
        changes = publish_rota(s, SCHEDULER, draft_id, version)
    assert changes == Changes.SCHEDULE | Changes.AUDIT
    with db.session() as s:
        week = rota_week(s, WEEK)
        assert (week.rota_id, week.status, week.revision, week.published_by) == (draft_id, "published", 2,
                                                                                 "fang.zhu")
        assert week.published_at == clock.now() and week.newer_draft_revision is None
        revisions = s.execute(select(Rota.revision, Rota.status).where(Rota.week_start == WEEK)
                              .order_by(Rota.revision)).all()
        assert [tuple(r) for r in revisions] == [(1, "published"), (2, "published")]
        [entry] = _publish_audits(s)
        assert entry.actor == "fang.zhu" and entry.entity_id == str(draft_id)
        assert entry.before["status"] == "draft" and entry.after["status"] == "published"
        assert entry.after["revision"] == 2 and entry.after["replaces_revision"] == 1
        # publishing it again is refused: it is no longer a draft
        with pytest.raises(ValueError, match="already published"):
            publish_rota(s, SCHEDULER, draft_id, s.get(Rota, draft_id).version)


def test_publishing_with_a_stale_version_conflicts(week_db):
    db, _ids = week_db
    next_week = WEEK + timedelta(days=7)
    with db.session() as s:
        draft = s.get(Rota, _rota_id(s, next_week))
        shift(s, draft, s.scalars(select(Person).where(Person.full_name == "Chen Wei")).one(),
              local(next_week, 8), 9)
        seen = draft.version
    with db.session() as s:  # another desk edits the draft after this one loaded it
        s.get(Rota, draft.id).solver_stats = {"gap": 0.01}
    with db.session() as s, pytest.raises(ConflictError) as info:
        publish_rota(s, SCHEDULER, draft.id, seen)
    assert info.value.entity == "rota" and info.value.theirs["version"] == seen + 1
    with db.session() as s:
        assert s.get(Rota, draft.id).status == "draft" and _publish_audits(s) == []
        assert publish_rota(s, SCHEDULER, draft.id, seen + 1)  # with the current version it goes through
    with db.session() as s:
        assert rota_week(s, next_week).revision == 1 and rota_week(s, next_week).status == "published"


def test_a_draft_that_fails_the_checks_is_not_published(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        ids = build_week(s)
        c_id = s.get(Rota, ids["rota"]).center_id
        chen = s.get(Person, ids["chen"])
        empty_next = _rota_id(s, WEEK + timedelta(days=7))
        past = Rota(center_id=c_id, week_start=WEEK - timedelta(days=7), status="draft", revision=2,
                    created_at=clock.now())
        s.add(past)
        s.flush()
        shift(s, past, chen, local(WEEK - timedelta(days=7), 8), 9)
        broken = s.get(Rota, _rota_id(s, WEEK))
        shift(s, broken, chen, local(WEEK + timedelta(days=4), 8), -1)  # ends before it starts
        versions = {r.id: r.version for r in (past, broken, s.get(Rota, empty_next))}
    for rota_id, message in ((empty_next, "no shifts"), (past.id, "is over"),
                             (broken.id, "Chen Wei's shift on Fri 20 Nov 08:00 ends before it starts")):
        with sqlite_db.session() as s, pytest.raises(ValueError, match=message):
            publish_rota(s, SCHEDULER, rota_id, versions[rota_id])
        with sqlite_db.session() as s:
            assert s.get(Rota, rota_id).status == "draft"
            assert message.split("'")[0] in " ".join(publish_preview(s, rota_id).problems)
    with sqlite_db.session() as s:
        assert _publish_audits(s) == []


@pytest.mark.gui
def test_publish_button_is_for_schedulers_only(qtbot, sqlite_db, frozen_clock):
    from ui.app import Console
    from ui.schedule.workspace import ScheduleWorkspace

    next_week = WEEK + timedelta(days=7)
    with sqlite_db.session() as s:
        ids = build_week(s)
        draft = s.get(Rota, _rota_id(s, next_week))
        shift(s, draft, s.get(Person, ids["chen"]), local(next_week, 8), 9)
        shift(s, draft, s.get(Person, ids["zhou"]), local(next_week + timedelta(days=1), 22), 8)

    def open_schedule(actor):
        console = Console(sqlite_db, actor=actor, inline_tasks=True, watch=False)
        console.window.show()
        _index, page = open_workspace(console.window, ScheduleWorkspace)
        qtbot.waitUntil(lambda: page.load_count >= 1)
        page.show_week(next_week)
        return console, page

    console, page = open_schedule(Actor("min.deng", "supervisor", ids["zhou"]))
    try:
        assert page.week.status == "draft"
        assert page.publish_button.isHidden() and "only schedulers publish rotas" in page.status_label.text()
        page.ask_publish()  # even called directly, nothing is offered
        assert page.publish_dialog is None
    finally:
        console.close()

    console, page = open_schedule(SCHEDULER)
    try:
        assert page.publish_button.isVisible() and page.publish_button.text() == "Publish this week…"
        assert "only schedulers" not in page.status_label.text()
        page.publish_button.click()
        box = page.publish_dialog
        assert box is not None and box.isVisible()
        assert box.text() == "Publish the rota for 23 Nov – 29 Nov 2026?"
        assert "2 shifts · 2 people · 17 hours" in box.informativeText()
        assert "It becomes revision 1." in box.informativeText()
        publish = next(b for b in box.buttons() if b.text() == "Publish")
        publish.click()
        qtbot.waitUntil(lambda: page.week is not None and page.week.status == "published")
        assert page.status_label.text().startswith("Published by fang.zhu on ")
        assert page.publish_button.isHidden()
        page.show_week(WEEK)  # this week: published revision 1 and a newer draft revision 2
        assert page.publish_button.isVisible() and page.publish_button.text() == "Publish draft revision 2…"
    finally:
        console.close()
    with sqlite_db.session() as s:
        assert [e.entity_id for e in _publish_audits(s)] == [str(draft.id)]
