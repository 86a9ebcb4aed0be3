"""Issue 12's "done when": an SLA escalation reaches a stand-in WeCom group (Chinese) at level 2 and
a local SMTP inbox (English) at level 3, through the real sweep, routing and outbox."""

from __future__ import annotations

import asyncio

import pytest

from app.actor import Actor
from app.complaints.service import ComplaintDraft, record_complaint
from app.complaints.sweep import sweep
from app.notifications import admin as nadmin
from app.notifications.fakes import FakeServer, FakeServices
from app.notifications.outbox import deliver_due
from db.models import Complaint, User
from tests import factories as f
from tests.test_notifications_delivery import _free_port, _Inbox

ADMIN = Actor("junjie.guo", "administrator")


def test_sla_escalation_reaches_the_wecom_group_and_the_managers_inbox_R_RESP_4(any_db, frozen_clock):
    pytest.importorskip("aiosmtpd")
    from aiosmtpd.controller import Controller

    db = any_db
    inbox = _Inbox()
    port = _free_port()
    smtp = Controller(inbox, hostname="127.0.0.1", port=port, loop=asyncio.new_event_loop())
    smtp.start()
    try:
        with FakeServer(FakeServices(tokens={"jade-key"})) as srv:
            with db.session() as s:
                c = f.center(s)
                team = f.team(s, c, "Jade Team")
                li = f.person(s, c, team, name="Li Na")
                sup = f.person(s, c, team, name="Wang Fang", title="supervisor", level=None)
                boss = f.person(s, c, None, name="Han Ming", title="manager", level=None)
                boss.email = "ming.han@example.test"
                team.supervisor_id = sup.id
                s.add(User(username="ming.han", display_name="Han Ming", role="manager", person_id=boss.id,
                           password_hash="x"))
                s.flush()
                im, _ = nadmin.save_channel(s, ADMIN, channel_id=None, name="Jade WeCom", kind="wecom", config={},
                                            secrets={"url": srv.url("/cgi-bin/webhook/send?key=jade-key")})
                mail, _ = nadmin.save_channel(s, ADMIN, channel_id=None, name="Managers", kind="email",
                                              config={"host": "127.0.0.1", "port": port, "security": "none",
                                                      "sender": "floorwalker@example.test"})
                nadmin.save_route(s, ADMIN, route_id=None, name="L2 team group", kinds=["sla.*"], levels=[2],
                                  team_id=team.id, channel_id=im, language="zh_CN")
                nadmin.save_route(s, ADMIN, route_id=None, name="L3 manager mail", kinds=["sla.*"], levels=[3],
                                  role="manager", channel_id=mail, language="en", to_people=True)
                li_id = li.id
            with db.session() as s:
                cid = record_complaint(s, Actor("m", "manager"), ComplaintDraft(
                    "complaint", "phone", "logistics", "regular", "Parcel arrived damaged",
                    owner_id=li_id)).complaint_id
                ref = s.get(Complaint, cid).reference
            with db.session() as s:
                sweep(s)
            frozen_clock.advance(minutes=35)  # R-SLA-1 breached at 5 min; level 2 after 30 more
            with db.session() as s:
                sweep(s)
            run = deliver_due(db)
            assert run.delivered == 1 and inbox.messages == []
            (msg,) = srv.fake.accepted("wecom")
            text = msg.body["text"]["content"]
            assert text.startswith(f"升级至第 2 级：{ref}\n") and "负责人：Li Na，班组：Jade Team。" in text
            assert f"投诉 #{cid}: floorwalker://open/complaint/{cid}" in text
            frozen_clock.advance(minutes=30)  # level 3: the customer-service managers (R-RESP-4)
            with db.session() as s:
                sweep(s)
            run = deliver_due(db)
            assert run.delivered == 1 and len(srv.fake.accepted("wecom")) == 1
            (rcpts, content), = inbox.messages
            assert rcpts == ["ming.han@example.test"]
            mail_text = content.decode()
            assert f"Subject: Escalated to level 3: {ref}" in mail_text
            assert f"Complaint #{cid}: floorwalker://open/complaint/{cid}" in mail_text
    finally:
        smtp.stop()
