"""Rota slots are wall-clock quarter hours, also in a week with a DST change (672 per week): the
rota editor (app.schedule.editing) and the time-off impact (app.schedule.timeoff) map stored
moments to slots with the solver's own mapping (app.rota.service.wall_slot), not with the time
elapsed since Monday 00:00. Europe/London changes on the last Sunday of the week: 2026-03-29
(spring forward, 01:00 -> 02:00) and 2026-10-25 (fall back, 02:00 -> 01:00). Every expected
moment below is built from the calendar date and the wall-clock time, independently of the code."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.actor import Actor
from app.rota.model import DAY_SLOTS, WEEK_SLOTS
from app.rota.service import load_week
from app.schedule import editing as ed
from app.schedule import timeoff as to
from db.models import PersonSkill, Rota, ShiftActivity, ShiftAssignment, TimeOffRequest
from db.models import ShiftTemplate as ShiftTemplateRow
from tests import factories as f

TZ = ZoneInfo("Europe/London")
SCHEDULER = Actor("qiang.xu", "scheduler")
H = 4  # slots per hour
SAT, SUN = 5 * DAY_SLOTS, 6 * DAY_SLOTS
WEEKS = {"spring-forward": date(2026, 3, 23), "fall-back": date(2026, 10, 19)}


def wall(week: date, slot: int) -> datetime:
    """The UTC moment of a wall-clock slot: the slot's calendar day and local time, in London."""
    day = week + timedelta(days=slot // DAY_SLOTS)
    minutes = (slot % DAY_SLOTS) * 15
    return datetime.combine(day, time(minutes // 60, minutes % 60), TZ).astimezone(UTC)


def test_the_weeks_really_change_the_clock_on_sunday():
    for week, hours in ((WEEKS["spring-forward"], 167), (WEEKS["fall-back"], 169)):
        assert (wall(week + timedelta(days=7), 0) - wall(week, 0)) == timedelta(hours=hours)
        assert wall(week, SUN + 9 * H) - wall(week, SUN) == timedelta(hours=8 if hours == 167 else 10)


def build(s, week: date) -> dict:
    """A London center; a published rota copied to a draft: Ann Sun 09:00-17:00 (lunch 12-13, after
    the clock change), Bob Sat 22:00-Sun 06:00 (across it), Cai off (the cover)."""
    c = f.center(s, tz="Europe/London")
    t = f.team(s, c, "Blue")
    q = f.queue(s, c, "phone")
    ann, bob, cai = (f.person(s, c, t, name=n) for n in ("Ann", "Bob", "Cai"))
    for p in (ann, bob, cai):
        s.add(PersonSkill(person_id=p.id, queue_id=q.id))
    tpl = ShiftTemplateRow(center_id=c.id, name="Day", start_time=time(8), duration_min=540, break_min=60)
    s.add(tpl)
    rota = Rota(center_id=c.id, week_start=week, status="published", revision=1,
                created_at=datetime(2026, 3, 1, tzinfo=UTC))
    s.add(rota)
    s.flush()

    def shift(person, start, slots, lunch=None):
        row = ShiftAssignment(rota_id=rota.id, person_id=person.id, template_id=tpl.id, starts_at=wall(week, start),
                              ends_at=wall(week, start + slots))
        if lunch is not None:
            row.activities.append(ShiftActivity(kind="work", starts_at=wall(week, start), ends_at=wall(week, lunch)))
            row.activities.append(ShiftActivity(kind="break", starts_at=wall(week, lunch),
                                                ends_at=wall(week, lunch + H)))
            row.activities.append(ShiftActivity(kind="work", starts_at=wall(week, lunch + H),
                                                ends_at=wall(week, start + slots)))
        s.add(row)

    shift(ann, SUN + 9 * H, 8 * H, SUN + 12 * H)
    shift(bob, SAT + 22 * H, 8 * H)
    s.flush()
    ref = ed.ensure_draft(s, SCHEDULER, week)
    return {"ann": ann.id, "bob": bob.id, "cai": cai.id, "draft": ref.rota_id, "center": c, "queue": q}


@pytest.fixture(params=sorted(WEEKS))
def london(request, sqlite_db, frozen_clock):
    week = WEEKS[request.param]
    with sqlite_db.session() as s:
        ids = build(s, week)
        ids.pop("center"), ids.pop("queue")
    return sqlite_db, week, ids


def _week(db, week):
    with db.session() as s:
        return ed.load_editor_week(s, SCHEDULER, week)


def _shift(w, person):
    return next(x for x in w.shifts if x.person_id == person)


def test_editor_reads_wall_clock_slots_in_a_dst_week_R_SCH_1(london):
    db, week, ids = london
    with db.session() as s:
        s.add(TimeOffRequest(person_id=ids["cai"], starts_at=wall(week, SUN), ends_at=wall(week, WEEK_SLOTS),
                             kind="annual", status="approved", requested_at=datetime(2026, 3, 1, tzinfo=UTC)))
    w = _week(db, week)
    ann, bob = _shift(w, ids["ann"]), _shift(w, ids["bob"])
    assert (ann.start, ann.slots) == (SUN + 9 * H, 8 * H)  # Sun 09:00, as on the clock
    assert ann.activities == (("break", SUN + 12 * H, SUN + 13 * H),)
    assert (bob.start, bob.slots) == (SAT + 22 * H, 8 * H)  # 22:00-06:00 on the clock (7 or 9 h elapsed)
    assert (ids["cai"], SUN, WEEK_SLOTS) in w.time_off  # all of Sunday, to the end of the week


def test_moving_a_shift_after_the_clock_change_keeps_wall_clock_times(london):
    db, week, ids = london
    ann = _shift(_week(db, week), ids["ann"])
    with db.session() as s:
        ed.move_shift(s, SCHEDULER, ann.id, ann.version, SUN + 10 * H, 8 * H)  # an hour later: 10:00-18:00
    with db.session() as s:
        row = s.get(ShiftAssignment, ann.id)
        assert (row.starts_at.astimezone(UTC), row.ends_at.astimezone(UTC)) == \
            (wall(week, SUN + 10 * H), wall(week, SUN + 18 * H))
        brk = next(a for a in row.activities if a.kind == "break")
        assert (brk.starts_at.astimezone(UTC), brk.ends_at.astimezone(UTC)) == \
            (wall(week, SUN + 13 * H), wall(week, SUN + 14 * H))  # the lunch moved along
    moved = _shift(_week(db, week), ids["ann"])
    assert (moved.start, moved.slots, moved.activities) == (SUN + 10 * H, 8 * H, (("break", SUN + 13 * H,
                                                                                     SUN + 14 * H),))


def test_sick_cover_takes_the_same_wall_clock_shift_R_SCH_5(london):
    db, week, ids = london
    ann = _shift(_week(db, week), ids["ann"])
    with db.session() as s:
        assert ids["cai"] in [c.person_id for c in ed.cover_candidates(s, ann.id)]
        sick = ed.mark_sick(s, SCHEDULER, ann.id, ann.version, cover_person_id=ids["cai"])
    assert (sick.removed.start, sick.removed.slots) == (SUN + 9 * H, 8 * H)
    with db.session() as s:
        cover = s.get(ShiftAssignment, sick.cover.shift_id)
        assert (cover.person_id, cover.starts_at.astimezone(UTC), cover.ends_at.astimezone(UTC)) == \
            (ids["cai"], wall(week, SUN + 9 * H), wall(week, SUN + 17 * H))


def _history(s, week: date) -> None:
    """Four weeks of phone calls on Sundays 09:00-17:00 London time, so load_week has a requirement."""
    from db.models import Center, Queue

    c = s.scalars(select(Center)).first()
    q = s.scalars(select(Queue)).first()
    for back in range(1, 5):
        for slot in range(SUN + 9 * H, SUN + 17 * H):
            start = wall(week - timedelta(weeks=back), slot)
            for k in range(4):
                f.interaction(s, c, q, None, start + timedelta(seconds=30 * k), talk=180.0)


def test_time_off_impact_counts_wall_clock_slots_in_a_dst_week_R_SCH_1(london):
    db, week, ids = london
    with db.session() as s:
        _history(s, week)
        rid, _c = to.request_time_off(s, SCHEDULER, ids["ann"], wall(week, SUN).astimezone(TZ),
                                      wall(week, WEEK_SLOTS).astimezone(TZ))  # all of Sunday
    with db.session() as s:
        assert load_week(s, week).requirement_sources == {"phone": "history, 4 weeks"}
        impact = to.approval_impact(s, rid)
    (w,) = impact.weeks
    assert (w.week_start, w.rota_status, w.shifts_hit, w.hours_lost) == (week, "draft", 1, 8.0)
    # Ann is on the phones Sun 09:00-12:00 and 13:00-17:00 on the clock: exactly those intervals drop
    assert [(d.skill, d.first, d.last) for d in w.drops] == [("phone", SUN + 9 * H, SUN + 12 * H - 1),
                                                             ("phone", SUN + 13 * H, SUN + 17 * H - 1)]
    assert [d.label for d in w.drops] == ["Sun 09:00-12:00", "Sun 13:00-17:00"]
    assert all(d.after == d.before - 1 for d in w.drops)
