"""Console notifications: post() in the caller's transaction, recipients, dedupe, masking, the bell."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from app.actor import Actor
from app.changes import Changes
from app.notifications import (
    Recipients,
    UnmaskedData,
    mark_read,
    post,
    post_returning_id,
    recent_for,
    render,
    unread_count,
    unread_for,
)
from app.notifications.routing import quiet_until
from db.models import (
    ChangeLogEntry,
    Notification,
    NotificationChannel,
    NotificationDelivery,
    NotificationRecipient,
    NotificationRoute,
    User,
)
from tests import factories as f


def _org(db):
    """A center with two teams; a supervisor on team A (its supervisor), two agents, a manager."""
    with db.session() as s:
        c = f.center(s)
        a, b = f.team(s, c, "Jade"), f.team(s, c, "Pearl")
        sup = f.person(s, c, a, name="Deng Min", title="supervisor")
        a.supervisor_id = sup.id
        ag1 = f.person(s, c, a, name="Li Na")
        ag2 = f.person(s, c, b, name="Wang Tao")
        mgr = f.person(s, c, None, name="Han Ming", title="manager")
        mgr.email = "ming.han@example.test"
        for p, role in ((sup, "supervisor"), (ag1, "agent"), (ag2, "agent"), (mgr, "manager")):
            s.add(User(person_id=p.id, username=p.full_name.lower().replace(" ", "."),
                       display_name=p.full_name, role=role, must_change_password=False))
        s.flush()
        return {"center": c.id, "A": a.id, "B": b.id, "sup": sup.id, "ag1": ag1.id, "ag2": ag2.id, "mgr": mgr.id}


def _actor(ids, who, role="agent"):
    return Actor(username=who, role=role, person_id=ids[who])


def _recipients_of(db, nid):
    with db.session() as s:
        return set(s.scalars(select(NotificationRecipient.person_id)
                             .where(NotificationRecipient.notification_id == nid)))


def test_post_resolves_people_roles_and_teams(any_db, frozen_clock):
    ids = _org(any_db)
    with any_db.session() as s:
        nid, changes = post_returning_id(
            s, kind="sla.warning", params={"ref": "C-1", "clock": "resolution"}, severity="warning",
            recipients=Recipients(person_ids=(ids["ag2"],), roles=("manager",), team_ids=(ids["A"],)),
            entity=("complaint", 42), dedupe_key="sla:42:warn")
    assert changes == Changes.NOTIFICATIONS
    # team A = its members (supervisor, agent 1) and its supervisor; manager by role; agent 2 by id
    assert _recipients_of(any_db, nid) == {ids["sup"], ids["ag1"], ids["mgr"], ids["ag2"]}
    with any_db.session() as s:
        n = s.get(Notification, nid)
        assert (n.kind, n.severity, n.entity_type, n.entity_id, n.level) == ("sla.warning", "warning", "complaint", "42", 1)
        kinds = s.scalars(select(ChangeLogEntry.kinds)).all()
    assert any("NOTIFICATIONS" in k for k in kinds)


def test_same_dedupe_key_twice_is_a_no_op(any_db, frozen_clock):
    ids = _org(any_db)
    for _ in range(3):
        with any_db.session() as s:
            changes = post(s, kind="sla.breach", params={"ref": "C-2"},
                           recipients=Recipients(person_ids=(ids["ag1"],)), dedupe_key="sla:2:breach")
    assert changes == Changes.NONE
    with any_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Notification)) == 1
        assert s.scalar(select(func.count()).select_from(NotificationRecipient)) == 1
    # no key: every post counts
    with any_db.session() as s:
        post(s, kind="job.failed", params={"job": "x"}, recipients=Recipients(person_ids=(ids["ag1"],)))
        post(s, kind="job.failed", params={"job": "x"}, recipients=Recipients(person_ids=(ids["ag1"],)))
    with any_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Notification)) == 3


@pytest.mark.postgres
def test_concurrent_posts_with_one_key_write_one_notification(pg_db, frozen_clock):
    ids = _org(pg_db)
    barrier = threading.Barrier(6)
    errors: list[BaseException] = []

    def one() -> None:
        try:
            barrier.wait()
            with pg_db.session() as s:
                post(s, kind="sla.breach", params={"ref": "C-3"},
                     recipients=Recipients(person_ids=(ids["ag1"],)), dedupe_key="sla:3:breach")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with pg_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Notification)) == 1
        assert s.scalar(select(func.count()).select_from(NotificationRecipient)) == 1


def test_rolled_back_event_leaves_no_notification(sqlite_db, frozen_clock):
    ids = _org(sqlite_db)
    with pytest.raises(RuntimeError), sqlite_db.session() as s:
        post(s, kind="sla.breach", params={"ref": "C-4"}, recipients=Recipients(person_ids=(ids["ag1"],)))
        raise RuntimeError("the event's own write failed")
    with sqlite_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Notification)) == 0


@pytest.mark.parametrize("params", [
    {"ref": "C-5", "note": "call back 13812345678"},
    {"ref": "C-5", "note": "138-1234-5678"},
    {"ref": "C-5", "customer": "Zhang Wei"},
    {"ref": "C-5", "contact": {"mail": "zhang.wei@example.com"}},
    {"ref": "C-5", "id": "11010519491231002X"},
])
def test_unmasked_customer_data_is_refused(sqlite_db, frozen_clock, params):
    ids = _org(sqlite_db)
    with pytest.raises(UnmaskedData), sqlite_db.session() as s:
        post(s, kind="sla.breach", params=params, recipients=Recipients(person_ids=(ids["ag1"],)))


def test_masked_customer_data_is_accepted(sqlite_db, frozen_clock):
    ids = _org(sqlite_db)
    with sqlite_db.session() as s:
        assert post(s, kind="sla.breach", params={"ref": "C-6", "customer": "Zhang *", "phone": "138****5678",
                                                  "email": "z***@example.com"},
                    recipients=Recipients(person_ids=(ids["ag1"],))) == Changes.NOTIFICATIONS


def test_bad_severity_and_level_are_refused(sqlite_db):
    with pytest.raises(ValueError, match="severity"), sqlite_db.session() as s:
        post(s, kind="x", params={}, severity="loud")
    with pytest.raises(ValueError, match="level"), sqlite_db.session() as s:
        post(s, kind="x", params={}, level=0)


def test_templates_render_both_languages_and_only_their_fields():
    params = {"ref": "C-7", "clock": "resolution", "deadline": "10:30", "owner": "Li N*", "secret": "hidden"}
    en = render("sla.breach", params, "en", ("complaint", 7))
    zh = render("sla.breach", params, "zh_CN", ("complaint", 7))
    assert en.title == "SLA breached: C-7" and "resolution" in en.body and "10:30" in en.body
    assert zh.title == "SLA 超时：C-7" and "已于 10:30 超时" in zh.body
    assert "hidden" not in en.body + en.title + zh.body
    assert en.link == "floorwalker://open/complaint/7" and en.link_text == "Complaint #7"
    assert zh.link_text == "投诉 #7"
    assert "team: -." in render("sla.breach", {"ref": "C-7"}, "en").body  # missing -> dash
    generic = render("some.new_kind", {"x": "y"}, "en")
    assert generic.title == "Notification: some.new_kind" and "y" not in generic.body


def test_every_template_has_both_languages_with_only_declared_fields():
    import string

    from app.notifications.templates import TEMPLATES

    for kind, t in TEMPLATES.items():
        for title, body in (t.en, t.zh_CN):
            used = {fld for _, fld, _, _ in string.Formatter().parse(title + body) if fld}
            assert used <= set(t.fields), (kind, used - set(t.fields))
        assert t.en != t.zh_CN, kind


def test_bell_shows_own_unread_and_mark_read_touches_only_own(any_db, frozen_clock):
    ids = _org(any_db)
    with any_db.session() as s:
        for n in range(3):
            post(s, kind="sla.breach", params={"ref": f"C-{n}"}, entity=("complaint", n),
                 recipients=Recipients(person_ids=(ids["ag1"], ids["ag2"])))
            frozen_clock.advance(minutes=1)
    me, other = _actor(ids, "ag1"), _actor(ids, "ag2")
    with any_db.session() as s:
        unread = unread_for(s, me, language="zh_CN")
        assert [v.title for v in unread] == ["SLA 超时：C-2", "SLA 超时：C-1", "SLA 超时：C-0"]
        assert unread[0].entity_type == "complaint" and unread[0].entity_id == "2"
        assert mark_read(s, me, [unread[0].id]) == Changes.NOTIFICATIONS
    with any_db.session() as s:
        assert unread_count(s, me) == 2 and unread_count(s, other) == 3
        assert mark_read(s, me) == Changes.NOTIFICATIONS  # all
    with any_db.session() as s:
        assert unread_count(s, me) == 0 and unread_count(s, other) == 3
        assert len(recent_for(s, me)) == 3 and all(v.read_at is not None for v in recent_for(s, me))
        assert mark_read(s, me) == Changes.NONE  # nothing left to mark
        # someone without a person sees nothing and changes nothing
        assert unread_for(s, Actor("admin", "administrator")) == []
        assert mark_read(s, Actor("admin", "administrator")) == Changes.NONE


def _channel(s, name, kind="wecom", config=None):
    ch = NotificationChannel(name=name, kind=kind, config=config or {}, active=True)
    s.add(ch)
    s.flush()
    return ch.id


def test_routes_pick_channels_by_kind_level_team_and_role(any_db, frozen_clock):
    ids = _org(any_db)
    with any_db.session() as s:
        im_a = _channel(s, "Jade group")
        im_b = _channel(s, "Pearl group")
        mail = _channel(s, "Managers", "email", {"to": ["duty@example.test"]})
        s.add_all([
            NotificationRoute(name="L2 Jade", kinds=["sla.*"], levels=[2], team_id=ids["A"], channel_id=im_a),
            NotificationRoute(name="L2 Pearl", kinds=["sla.*"], levels=[2], team_id=ids["B"], channel_id=im_b),
            NotificationRoute(name="L3 managers", kinds=["*"], levels=[3], role="manager", channel_id=mail,
                              to_people=True, language="en"),
        ])
    with any_db.session() as s:
        n1, _ = post_returning_id(s, kind="sla.escalation", params={"ref": "C-8"}, level=2,
                                  recipients=Recipients(team_ids=(ids["A"],)))
        n2, _ = post_returning_id(s, kind="sla.escalation", params={"ref": "C-8"}, level=3,
                                  recipients=Recipients(roles=("manager",)))
        n3, _ = post_returning_id(s, kind="live.alert", params={"alert": "x"}, level=2,
                                  recipients=Recipients(team_ids=(ids["A"],)))
        n4, _ = post_returning_id(s, kind="sla.escalation", params={"ref": "C-8"}, level=1,
                                  recipients=Recipients(team_ids=(ids["A"],)))
    with any_db.session() as s:
        rows = s.execute(select(NotificationDelivery.notification_id, NotificationDelivery.channel_id,
                                NotificationDelivery.to_addresses, NotificationDelivery.language,
                                NotificationDelivery.state)).all()
    by_n = {}
    for nid, ch, to, lang, state in rows:
        by_n.setdefault(nid, []).append((ch, to, lang, state))
    assert by_n[n1] == [(im_a, None, "zh_CN", "queued")]
    assert by_n[n2] == [(mail, ["duty@example.test", "ming.han@example.test"], "en", "queued")]
    assert n3 not in by_n and n4 not in by_n  # live.alert not routed; level 1 = console only


def test_quiet_hours_hold_non_critical_deliveries(sqlite_db, frozen_clock):
    # frozen clock: Wed 02:00 UTC = 10:00 Shanghai
    ids = _org(sqlite_db)
    with sqlite_db.session() as s:
        ch = _channel(s, "Night group")
        s.add(NotificationRoute(name="quiet", kinds=["*"], channel_id=ch, quiet_start="09:00", quiet_end="12:30"))
    with sqlite_db.session() as s:
        a, _ = post_returning_id(s, kind="sla.breach", params={"ref": "C-9"}, recipients=Recipients(person_ids=(ids["ag1"],)))
        b, _ = post_returning_id(s, kind="sla.breach", params={"ref": "C-9"}, severity="critical",
                                 recipients=Recipients(person_ids=(ids["ag1"],)))
    with sqlite_db.session() as s:
        due = dict(s.execute(select(NotificationDelivery.notification_id, NotificationDelivery.next_attempt_at)).all())
    assert due[a] == datetime(2026, 11, 18, 4, 30, tzinfo=UTC)  # 12:30 Shanghai
    assert due[b] == frozen_clock.at


def test_quiet_window_over_midnight():
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Asia/Shanghai")
    at_2330 = datetime(2026, 11, 18, 15, 30, tzinfo=UTC)  # 23:30 local
    assert quiet_until(at_2330, "22:00", "07:00", tz) == datetime(2026, 11, 18, 23, 0, tzinfo=UTC)
    at_0600 = datetime(2026, 11, 18, 22, 0, tzinfo=UTC)  # 06:00 next day local
    assert quiet_until(at_0600, "22:00", "07:00", tz) == datetime(2026, 11, 18, 23, 0, tzinfo=UTC)
    assert quiet_until(datetime(2026, 11, 18, 4, 0, tzinfo=UTC), "22:00", "07:00", tz) is None
    with pytest.raises(ValueError, match="25:00"):
        quiet_until(at_2330, "25:00", "07:00", tz)
