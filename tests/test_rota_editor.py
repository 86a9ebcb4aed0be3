"""Rota editor services (issue 4, items 4-5): move, resize, swap, sick + cover (R-SCH-5), pins,
undo by the inverse service, conflicts on a stale version, compare with published, quality and
violations (R-SCH-3, contract, skills), permissions."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.actor import Actor
from app.rota.model import (
    DAY_SLOTS,
    Agent,
    Shift,
)
from app.schedule import editing as ed
from app.security.permissions import PermissionDenied
from db.errors import ConflictError
from db.models import AuditEntry, PersonSkill, Rota, ShiftActivity, ShiftAssignment, TimeOffRequest
from db.models import ShiftTemplate as ShiftTemplateRow
from tests import factories as f

WEEK = date(2026, 11, 23)  # the Monday after the frozen clock's Wednesday
TZ = ZoneInfo("Asia/Shanghai")
SCHEDULER = Actor("qiang.xu", "scheduler")
SUPERVISOR = Actor("min.deng", "supervisor")
H = 4  # slots per hour


def at(slot: int) -> datetime:
    return (datetime.combine(WEEK, time(0), TZ) + timedelta(minutes=15 * slot)).astimezone(UTC)


def build(s) -> dict:
    """Four phone agents; a published rota and a draft copy: Ann Mon-Fri 08-17 (lunch 12-13),
    Bob Mon 20:00-Tue 04:00, Cai off, Dee off (approved time off on Monday)."""
    c = f.center(s)
    t = f.team(s, c, "Blue")
    q = f.queue(s, c, "phone")
    ann, bob, cai, dee = (f.person(s, c, t, name=n) for n in ("Ann", "Bob", "Cai", "Dee"))
    for p in (ann, bob, cai, dee):
        s.add(PersonSkill(person_id=p.id, queue_id=q.id))
    tpl = ShiftTemplateRow(center_id=c.id, name="Day", start_time=time(8), duration_min=540, break_min=60)
    s.add(tpl)
    s.add(TimeOffRequest(person_id=dee.id, starts_at=at(0), ends_at=at(DAY_SLOTS), kind="annual",
                         status="approved", requested_at=datetime(2026, 11, 1, tzinfo=UTC)))
    s.flush()
    rota = Rota(center_id=c.id, week_start=WEEK, status="published", revision=1,
                created_at=datetime(2026, 11, 10, tzinfo=UTC))
    s.add(rota)
    s.flush()

    def shift(person, start, slots, lunch=None):
        row = ShiftAssignment(rota_id=rota.id, person_id=person.id, template_id=tpl.id, starts_at=at(start),
                              ends_at=at(start + slots))
        if lunch is not None:
            row.activities.append(ShiftActivity(kind="work", starts_at=at(start), ends_at=at(lunch)))
            row.activities.append(ShiftActivity(kind="break", starts_at=at(lunch), ends_at=at(lunch + H)))
            row.activities.append(ShiftActivity(kind="work", starts_at=at(lunch + H), ends_at=at(start + slots)))
        s.add(row)

    for d in range(5):
        shift(ann, d * DAY_SLOTS + 8 * H, 9 * H, d * DAY_SLOTS + 12 * H)
    shift(bob, 20 * H, 8 * H)
    s.flush()
    ref = ed.ensure_draft(s, SCHEDULER, WEEK)
    return {"ann": ann.id, "bob": bob.id, "cai": cai.id, "dee": dee.id, "draft": ref.rota_id, "tpl": tpl.id,
            "published": rota.id}


def history(s, calls_per_slot: int = 6) -> None:
    """Four weeks of phone calls Mon-Fri 09:00-17:00 (center-local) so load_week has a requirement."""
    from db.models import Center, Queue

    c = s.scalars(select(Center)).first()
    q = s.scalars(select(Queue)).first()
    for week in range(1, 5):
        for d in range(5):
            for slot in range(9 * H, 17 * H):
                start = at(d * DAY_SLOTS + slot) - timedelta(weeks=week)
                for k in range(calls_per_slot):
                    f.interaction(s, c, q, None, start + timedelta(seconds=20 * k), talk=180.0)


@pytest.fixture
def data(any_db, frozen_clock):
    with any_db.session() as s:
        ids = build(s)
    return any_db, ids


def week(db):
    with db.session() as s:
        return ed.load_editor_week(s, SCHEDULER, WEEK)


def shift_of(w: ed.EditorWeek, person: int, day: int = 0) -> ed.DraftShift:
    return next(x for x in w.shifts if x.person_id == person and x.day == day)


def test_draft_copies_the_published_rota_and_is_audited(data):
    db, ids = data
    w = week(db)
    assert w.rota_id == ids["draft"] and w.published_rota_id == ids["published"]
    assert len(w.shifts) == 6
    assert shift_of(w, ids["ann"]).activities == (("break", 12 * H, 13 * H),)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "rota", AuditEntry.action == "create")) == 1
        again = ed.ensure_draft(s, SCHEDULER, WEEK)
    assert again.rota_id == ids["draft"]  # the same draft, not a second copy


def test_move_shifts_breaks_along_and_a_stale_version_conflicts(data):
    db, ids = data
    sh = shift_of(week(db), ids["ann"], 1)
    with db.session() as s:
        saved = ed.move_shift(s, SCHEDULER, sh.id, sh.version, sh.start + 2 * H, sh.slots)
    assert saved.version == sh.version + 1 and "SCHEDULE" in saved.changes.names()
    moved = next(x for x in week(db).shifts if x.id == sh.id)
    assert (moved.start, moved.slots) == (sh.start + 2 * H, sh.slots)
    assert moved.activities == (("break", sh.activities[0][1] + 2 * H, sh.activities[0][2] + 2 * H),)
    with db.session() as s, pytest.raises(ConflictError):
        ed.move_shift(s, SCHEDULER, sh.id, sh.version, sh.start, sh.slots)  # the version before the move
    assert next(x for x in week(db).shifts if x.id == sh.id).start == sh.start + 2 * H
    with db.session() as s:
        audits = s.scalars(select(AuditEntry).where(AuditEntry.entity == "shift",
                                                    AuditEntry.entity_id == str(sh.id))).all()
    assert len(audits) == 1 and audits[0].before["starts_at"] != audits[0].after["starts_at"]


def test_resize_keeps_the_break_that_still_fits_and_overlaps_are_refused(data):
    db, ids = data
    sh = shift_of(week(db), ids["ann"], 0)
    with db.session() as s:
        ed.move_shift(s, SCHEDULER, sh.id, sh.version, sh.start, sh.slots - 2 * H)  # ends 15:00
    resized = next(x for x in week(db).shifts if x.id == sh.id)
    assert resized.end == 15 * H and resized.activities == sh.activities
    with db.session() as s:
        rows = s.scalars(select(ShiftActivity).where(ShiftActivity.assignment_id == sh.id)
                         .order_by(ShiftActivity.starts_at)).all()
        assert [r.kind for r in rows] == ["work", "break", "work"] and rows[-1].ends_at == at(15 * H)
    bob = shift_of(week(db), ids["bob"])
    with db.session() as s, pytest.raises(ValueError, match="overlaps"):
        ed.move_shift(s, SCHEDULER, bob.id, bob.version, 10 * H, 8 * H, person_id=ids["ann"])
    assert shift_of(week(db), ids["bob"]).start == 20 * H


def test_swap_exchanges_people_and_refuses_a_stale_version(data):
    db, ids = data
    w = week(db)
    a, b = shift_of(w, ids["ann"], 0), shift_of(w, ids["bob"], 0)
    with db.session() as s, pytest.raises(ConflictError):
        ed.swap_shifts(s, SCHEDULER, a.id, a.version + 1, b.id, b.version)
    with db.session() as s:
        ed.swap_shifts(s, SCHEDULER, a.id, a.version, b.id, b.version)
    w2 = week(db)
    assert next(x for x in w2.shifts if x.id == a.id).person_id == ids["bob"]
    assert next(x for x in w2.shifts if x.id == b.id).person_id == ids["ann"]


def test_sick_cover_proposes_only_agents_who_keep_rest_and_time_off_R_SCH_5(data):
    db, ids = data
    ann_tue = shift_of(week(db), ids["ann"], 1)  # Tue 08-17
    with db.session() as s:
        names = {c.name for c in ed.cover_candidates(s, ann_tue.id)}
    # Bob's Mon 20:00-Tue 04:00 leaves 4 h rest before 08:00: not eligible; Cai is free
    assert "Cai" in names and "Bob" not in names and "Ann" not in names
    ann_mon = shift_of(week(db), ids["ann"], 0)
    with db.session() as s:
        names_mon = {c.name for c in ed.cover_candidates(s, ann_mon.id)}
    assert "Dee" not in names_mon and "Dee" in names  # approved time off on Monday only
    with db.session() as s, pytest.raises(ValueError, match="cannot cover"):
        ed.mark_sick(s, SCHEDULER, ann_tue.id, ann_tue.version, ids["bob"])
    before = {(x.person_id, x.start, x.slots, x.activities) for x in week(db).shifts}
    with db.session() as s:
        sick = ed.mark_sick(s, SCHEDULER, ann_tue.id, ann_tue.version, ids["cai"])
    w = week(db)
    cover = next(x for x in w.shifts if x.id == sick.cover.shift_id)
    assert (cover.person_id, cover.start, cover.slots) == (ids["cai"], ann_tue.start, ann_tue.slots)
    assert "R-SCH-5" in cover.note and all(x.id != ann_tue.id for x in w.shifts)
    with db.session() as s:  # undo: the original comes back, the cover goes
        ed.undo_sick(s, SCHEDULER, ids["draft"], sick.removed, sick.cover.shift_id, sick.cover.version)
    assert {(x.person_id, x.start, x.slots, x.activities) for x in week(db).shifts} == before


def test_undo_by_inverse_edits_restores_the_database(data):
    db, ids = data
    sh = shift_of(week(db), ids["ann"], 2)
    before = {(x.person_id, x.start, x.slots, x.activities) for x in week(db).shifts}
    with db.session() as s:
        moved = ed.move_shift(s, SCHEDULER, sh.id, sh.version, sh.start + DAY_SLOTS + H, sh.slots, ids["cai"])
    with db.session() as s:
        ed.move_shift(s, SCHEDULER, sh.id, moved.version, sh.start, sh.slots, sh.person_id)  # undo
    assert {(x.person_id, x.start, x.slots, x.activities) for x in week(db).shifts} == before
    cur = next(x for x in week(db).shifts if x.id == sh.id)
    with db.session() as s:
        removed = ed.delete_shift(s, SCHEDULER, cur.id, cur.version)
    assert len(week(db).shifts) == 5
    with db.session() as s:
        ed.add_shift(s, SCHEDULER, ids["draft"], removed.spec)  # undo of delete
    assert {(x.person_id, x.start, x.slots, x.activities) for x in week(db).shifts} == before


def test_pin_is_kept_in_the_note_and_published_rotas_are_not_edited(data):
    db, ids = data
    sh = shift_of(week(db), ids["bob"])
    with db.session() as s:
        ed.set_pinned(s, SCHEDULER, sh.id, sh.version, True)
    pinned = shift_of(week(db), ids["bob"])
    assert pinned.pinned and pinned.note is None
    with db.session() as s:
        pub = s.scalars(select(ShiftAssignment).where(ShiftAssignment.rota_id == ids["published"])).first()
        with pytest.raises(ValueError, match="published"):
            ed.move_shift(s, SCHEDULER, pub.id, pub.version, 0, 8 * H)


def test_compare_with_published_finds_added_removed_and_changed(data):
    db, ids = data
    with db.session() as s:
        diff = ed.compare_with_published(s, ids["draft"])
    assert diff.diffs == () and diff.unchanged == 6 and diff.published_revision == 1
    w = week(db)
    mon, tue = shift_of(w, ids["ann"], 0), shift_of(w, ids["ann"], 1)
    with db.session() as s:
        ed.move_shift(s, SCHEDULER, mon.id, mon.version, mon.start + H, mon.slots)
        ed.delete_shift(s, SCHEDULER, tue.id, tue.version)
        added = ed.add_shift(s, SCHEDULER, ids["draft"], ed.ShiftSpec(ids["cai"], 5 * DAY_SLOTS + 8 * H, 9 * H,
                                                                       ids["tpl"]))
    with db.session() as s:
        diff = ed.compare_with_published(s, ids["draft"])
    assert [(d.kind, d.person_id) for d in diff.of_kind("changed")] == [("changed", ids["ann"])]
    assert diff.of_kind("changed")[0].old_start == mon.start
    assert [(d.person_id, d.start) for d in diff.of_kind("removed")] == [(ids["ann"], tue.start)]
    assert [d.draft_shift_id for d in diff.of_kind("added")] == [added.shift_id]
    assert diff.unchanged == 4
    cai_sat = next(x for x in week(db).shifts if x.id == added.shift_id)
    assert cai_sat.activities and cai_sat.activities[0][0] == "break"  # the template's lunch placed


@pytest.mark.parametrize("role", ["supervisor", "manager", "agent"])
def test_only_schedulers_edit(data, role):
    db, ids = data
    actor = Actor("someone", role)
    sh = shift_of(week(db), ids["ann"])
    with db.session() as s:
        for call in (lambda: ed.move_shift(s, actor, sh.id, sh.version, sh.start + H, sh.slots),
                     lambda: ed.delete_shift(s, actor, sh.id, sh.version),
                     lambda: ed.set_pinned(s, actor, sh.id, sh.version, True),
                     lambda: ed.add_shift(s, actor, ids["draft"], ed.ShiftSpec(ids["cai"], 0, 8 * H)),
                     lambda: ed.mark_sick(s, actor, sh.id, sh.version),
                     lambda: ed.ensure_draft(s, actor, WEEK)):
            with pytest.raises(PermissionDenied):
                call()
    assert shift_of(week(db), ids["ann"]) == sh
    with db.session() as s:  # reading is for everyone
        assert ed.load_editor_week(s, actor, WEEK).may_edit is False


# --- quality (pure) ----------------------------------------------------------------------------

def test_violations_rest_day_off_contract_and_skills_R_SCH_3():
    a = Agent(1, "Ann", frozenset({"phone"}), contract_hours=40)
    b = Agent(2, "Bob", frozenset({"phone"}), contract_hours=40)
    c = Agent(3, "Cai", frozenset({"email"}), contract_hours=40)
    p = f.day_shift_problem([a, b, c])
    shifts = [Shift(1, "Day", d * DAY_SLOTS + 8 * H, 9 * H) for d in range(7)]  # every day: no day off, 63 h
    shifts += [Shift(2, "Day", 8 * H, 9 * H), Shift(2, "Day", 22 * H, 8 * H),  # Mon 08-17 then 22-06: 5 h rest
               Shift(3, "Day", 8 * H, 9 * H)]
    q = ed.rota_quality(p, shifts)
    rules = {(v.rule, v.agent_ids[0]) for v in q.violations if v.hard}
    assert ("R-SCH-3", 1) in rules  # no full day off
    assert ("contract", 1) in rules  # 63 h > 40 h
    assert ("R-SCH-3", 2) in rules and any("5 h rest" in v.message for v in q.violations)
    assert ("skills", 3) in rules
    assert ("contract", 2) not in rules and ("R-SCH-3", 3) not in rules
    assert q.paid_hours == pytest.approx(7 * 9 + 9 + 8 + 9)
    ok = ed.rota_quality(p, [Shift(1, "Day", d * DAY_SLOTS + 8 * H, 9 * H) for d in range(4)])
    assert not [v for v in ok.violations if v.hard]


def test_quality_coverage_service_level_and_gap():
    a = Agent(1, "Ann", frozenset({"phone"}))
    p = f.day_shift_problem([a], req=2)
    q = ed.rota_quality(p, [Shift(1, "Day", 8 * H, 9 * H)], {"source": "rota solver", "lp_bound_hours": 6.0})
    assert q.required[9 * H] == 2 and q.staffed[9 * H] == 1 and q.staffed[8 * H] == 1
    assert q.short_slots == 7 * 8 * H  # one agent on Monday is short everywhere
    assert q.service_level[9 * H] is not None and q.service_level[9 * H] < q.service_level[8 * H] + 1e-9
    assert q.lp_bound_hours == 6.0 and q.gap == pytest.approx((9 - 6) / 6)
    assert ed.short_ranges(q)[0] == "Mon 09:00-17:00"
    cov = [v for v in q.violations if v.rule == "coverage"]
    assert len(cov) == 1 and not cov[0].hard and "Mon 09:00-17:00, Tue 09:00-17:00" in cov[0].message
    assert ed.rota_quality(p, [], {"source": "copy"}).gap is None


def test_solve_keeps_pinned_shifts_and_replaces_the_draft(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        ids = build(s)
        history(s)
    w = week(sqlite_db)
    bob = shift_of(w, ids["bob"])
    with sqlite_db.session() as s:
        ed.set_pinned(s, SCHEDULER, bob.id, bob.version, True)
    w = week(sqlite_db)
    with sqlite_db.session() as s:
        solved = ed.solve_draft(s, SCHEDULER, WEEK, w.rota_id, w.rota_version, time_limit=5.0)
    assert solved.pinned == 1 and solved.rota_id != w.rota_id and solved.shifts > 1
    after = week(sqlite_db)
    assert after.rota_id == solved.rota_id and after.solver_stats["source"] == "rota solver"
    kept = [x for x in after.shifts if x.person_id == ids["bob"] and x.start == bob.start]
    assert len(kept) == 1 and kept[0].pinned and kept[0].slots == bob.slots
    with sqlite_db.session() as s:
        assert s.get(Rota, w.rota_id) is None  # the old draft went in the same transaction
        q = ed.rota_quality(ed.week_problem(s, WEEK), ed.to_rota_shifts(ed.week_problem(s, WEEK), after.shifts),
                            after.solver_stats)
    assert q.lp_bound_hours is not None and q.gap is not None and q.paid_hours >= q.lp_bound_hours - 1e-6
    with sqlite_db.session() as s, pytest.raises(ConflictError):  # the replaced draft is gone
        ed.solve_draft(s, SCHEDULER, WEEK, w.rota_id, w.rota_version, time_limit=5.0)


def test_sick_cover_follows_the_edited_rest_rule_R_SCH_3(data):
    from app.admin.rules import get_rule, update_rule

    db, ids = data
    ann_tue = shift_of(week(db), ids["ann"], 1)  # Tue 08-17; Bob ends Tue 04:00 (4 h before)
    with db.session() as s:
        update_rule(s, Actor.local_administrator(), "R-SCH-3.rest_hours", "3", get_rule(s, "R-SCH-3.rest_hours").version)
    with db.session() as s:
        names = {c.name for c in ed.cover_candidates(s, ann_tue.id)}
    assert "Bob" in names  # 4 h of rest keeps a 3 h rule
    with db.session() as s:
        update_rule(s, Actor.local_administrator(), "R-SCH-3.rest_hours", "11", get_rule(s, "R-SCH-3.rest_hours").version)
    with db.session() as s:
        assert "Bob" not in {c.name for c in ed.cover_candidates(s, ann_tue.id)}
