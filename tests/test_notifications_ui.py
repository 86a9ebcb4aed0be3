"""The bell in the main window: unread count, popup, toast, open-the-item, and the Admin pages."""

from __future__ import annotations

import os
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt

from app.actor import Actor
from app.changes import Changes
from app.notifications import Recipients, post, unread_count
from tests import factories as f
from ui.workspace import Workspace

# the offscreen platform cannot raise windows or grab the keyboard for a popup
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support raise",
                                                       "This plugin does not support grabbing")]
SHOTS = os.environ.get("FLOORWALKER_SHOTS")  # a folder: save screenshots there to look at them


@pytest.fixture
def settings_home(tmp_path, qapp):
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield
    QSettings().clear()
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])


class ComplaintsPage(Workspace):
    refresh_on = Changes.COMPLAINTS
    opened: list[tuple[str, str]] = []

    @staticmethod
    def title() -> str:
        return "Complaints"

    @staticmethod
    def icon_name() -> str:
        return "admin"

    def reload(self) -> None:
        self.mark_loaded()

    def open_entity(self, entity_type: str, entity_id: str) -> bool:
        if entity_type != "complaint":
            return False
        self.opened.append((entity_type, entity_id))
        return True


class OtherPage(ComplaintsPage):
    @staticmethod
    def title() -> str:
        return "Other"

    def open_entity(self, entity_type: str, entity_id: str) -> bool:
        return False


class DetailPage(OtherPage):
    """A workspace without open_entity that opens a complaint by id (the Complaints board)."""

    details: list[int] = []

    @staticmethod
    def title() -> str:
        return "Board"

    def open_detail(self, complaint_id: int) -> None:
        self.details.append(complaint_id)


def _person(db):
    with db.session() as s:
        c = f.center(s)
        p = f.person(s, c, f.team(s, c), name="Deng Min", title="supervisor")
        return p.id


def _window(qtbot, db, actor):
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    ctx = ConsoleContext(db=db, tasks=TaskRunner(db, inline=True), bus=Bus(), actor=actor,
                         timezone=ZoneInfo("Asia/Shanghai"), center_name="Test Center")
    window = MainWindow(ctx, [OtherPage, ComplaintsPage])
    qtbot.addWidget(window)
    return window


def _post(db, pid, ref, n, severity="warning"):
    with db.session() as s:
        return post(s, kind="sla.breach", params={"ref": ref, "clock": "resolution", "deadline": "10:30",
                                                  "owner": "Li N*", "team": "Jade"},
                    severity=severity, recipients=Recipients(person_ids=(pid,)), entity=("complaint", n))


def test_bell_counts_lists_toasts_and_opens_the_complaint(qtbot, sqlite_db, settings_home, frozen_clock, tmp_path):
    pid = _person(sqlite_db)
    actor = Actor("min.deng", "supervisor", person_id=pid)
    _post(sqlite_db, pid, "C-20261118-0007", 7)
    frozen_clock.advance(minutes=3)
    _post(sqlite_db, pid, "C-20261118-0009", 9, severity="critical")
    window = _window(qtbot, sqlite_db, actor)
    window.resize(1200, 760)
    window.show()
    bell = window.bell
    qtbot.waitUntil(lambda: bell.unread == 2)
    assert bell.text() == "2" and not bell.toast.isVisible()  # what was there before: no toast
    assert bell.toolTip() == "2 unread notification(s) (Ctrl+Shift+N)"
    # another desk posts: the change bus brings it, the count rises and a toast appears
    frozen_clock.advance(minutes=1)
    _post(sqlite_db, pid, "C-20261118-0011", 11)
    window.ctx.bus.operation_did_execute.emit(Changes.NOTIFICATIONS, None)
    qtbot.waitUntil(lambda: bell.unread == 3)
    assert bell.toast.isVisible() and bell.toast.title.text() == "SLA breached: C-20261118-0011"
    if SHOTS:
        window.grab().save(os.path.join(SHOTS, "notifications_toast.png"))
    bell.show_popup()
    assert bell.popup.list.count() == 3
    first = bell.popup.list.item(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert first.startswith("SLA breached: C-20261118-0011\nThe resolution clock")
    assert "Open complaint #11" in first
    assert "font-weight:700" in bell.popup.list.itemWidget(bell.popup.list.item(0)).text()  # unread: bold
    if SHOTS:
        bell.popup.grab().save(os.path.join(SHOTS, "notifications_bell_popup.png"))
    ComplaintsPage.opened = []
    with qtbot.waitSignal(window.ctx.bus.entity_open_requested) as sig:
        bell.popup.list.itemClicked.emit(bell.popup.list.item(1))
    assert sig.args == ["complaint", "9"]
    assert ComplaintsPage.opened == [("complaint", "9")]
    assert window.current_workspace() is window.workspaces[1]
    assert not bell.popup.isVisible()
    qtbot.waitUntil(lambda: bell.unread == 2)
    with sqlite_db.session() as s:
        assert unread_count(s, actor) == 2
    bell.mark_all_read()
    qtbot.waitUntil(lambda: bell.unread == 0)
    assert bell.text() == ""
    window.close()


def test_a_user_without_a_person_sees_an_empty_bell(qtbot, sqlite_db, settings_home):
    window = _window(qtbot, sqlite_db, Actor("ada", "administrator"))
    window.show()
    bell = window.bell
    qtbot.wait(10)
    assert bell.unread == 0 and bell.text() == ""
    bell.show_popup()
    assert bell.popup.empty.isVisible() and bell.popup.list.count() == 0
    bell.popup.hide()
    window.close()


def _admin_page(qtbot, db, actor):
    from ui.admin.notifications_page import NotificationsAdminPage
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.tasks import TaskRunner

    ctx = ConsoleContext(db=db, tasks=TaskRunner(db, inline=True), bus=Bus(), actor=actor,
                         timezone=ZoneInfo("Asia/Shanghai"), center_name="Test Center")
    page = NotificationsAdminPage(ctx)
    qtbot.addWidget(page)
    page.resize(1180, 560)
    return page


def test_admin_pages_add_a_channel_route_and_resend(qtbot, sqlite_db, settings_home, frozen_clock):
    from app.notifications.fakes import FakeServer, FakeServices
    from app.notifications.outbox import deliver_due

    pid = _person(sqlite_db)
    admin = Actor("junjie.guo", "administrator")
    with FakeServer(FakeServices(tokens={"good"}, rate_limits=False)) as srv:
        page = _admin_page(qtbot, sqlite_db, admin)
        page.show()
        qtbot.waitUntil(lambda: page.counts.text().startswith("Outbox: 0 queued"))
        for name, url in (("Jade WeCom group", srv.url("/cgi-bin/webhook/send?key=good")),
                          ("Old WeCom group", srv.url("/cgi-bin/webhook/send?key=revoked"))):
            dialog = page.edit_channel(None)
            dialog.name.setText(name)
            dialog.url.setText(url)
            dialog.accept()
        dialog = page.edit_channel(None)
        dialog.name.setText("Managers' mail")
        dialog.kind.setCurrentIndex(dialog.kind.findData("email"))
        assert dialog.host.isVisibleTo(dialog) and not dialog.url.isVisibleTo(dialog)
        dialog.host.setText("smtp.example.test")
        dialog.username.setText("floorwalker")
        dialog.password.setText("s3cret-pass")
        dialog.to.setText("ming.han@example.test")
        if SHOTS:
            dialog.grab().save(os.path.join(SHOTS, "notifications_channel_dialog.png"))
        dialog.accept()
        qtbot.waitUntil(lambda: page.channels_model.rowCount() == 3)
        rows = {r.name: r for r in page.channels_model.rows()}
        assert rows["Jade WeCom group"].secret_hint.endswith("good"[-4:]) and rows["Managers' mail"].secrets_set == ("password",)
        edit = page.edit_channel(rows["Managers' mail"])
        assert edit.password.text() == "" and "keep" in edit.password.placeholderText()
        edit.reject()
        for name in ("Jade WeCom group", "Old WeCom group"):
            route = page.edit_route(None)
            route.name.setText(f"L2 {name}")
            route.channel.setCurrentIndex(route.channel.findData(rows[name].id))
            route.levels.setText("")
            route.quiet_start.setText("22:00")
            route.quiet_end.setText("07:00")
            route.accept()
        qtbot.waitUntil(lambda: page.routes_model.rowCount() == 2)
        assert page.routes_model.rows()[0].quiet_start == "22:00"
        route = page.edit_route(None)  # a rule for one person (supervisors and up are listed)
        assert route.person.findText("Deng Min") > 0
        route.name.setText("Deng Min by mail")
        route.person.setCurrentIndex(route.person.findText("Deng Min"))
        route.channel.setCurrentIndex(route.channel.findData(rows["Managers' mail"].id))
        route.kinds.setText("nothing.matches")
        if SHOTS:
            route.grab().save(os.path.join(SHOTS, "notifications_route_dialog.png"))
        route.accept()
        qtbot.waitUntil(lambda: page.routes_model.rowCount() == 3)
        assert {r.name: r.person_name for r in page.routes_model.rows()}["Deng Min by mail"] == "Deng Min"
        with sqlite_db.session() as s:
            for n in range(3):
                post(s, kind="sla.escalation", params={"ref": f"C-20261118-00{n}", "step": 2, "clock": "resolution",
                                                       "deadline": "10:30", "owner": "Li N*", "team": "Jade",
                                                       "category": "logistics", "priority": "urgent"},
                     severity="critical", level=2, recipients=Recipients(person_ids=(pid,)), entity=("complaint", n))
        deliver_due(sqlite_db)
        page.ctx.bus.operation_did_execute.emit(Changes.NOTIFICATIONS, None)
        qtbot.waitUntil(lambda: page.deliveries_model.rowCount() == 6)
        states = sorted(r.state for r in page.deliveries_model.rows())
        assert states == ["delivered"] * 3 + ["failed"] * 3
        page.tabs.setCurrentIndex(2)
        failed = [i for i, r in enumerate(page.deliveries_model.rows()) if r.state == "failed"]
        page.deliveries_view.selectRow(page.deliveries_view.model().mapFromSource(
            page.deliveries_model.index(failed[0], 0)).row())
        qtbot.waitUntil(lambda: "93000 invalid webhook url" in page.attempts.toPlainText())
        if SHOTS:
            for i, name in enumerate(("channels", "routing", "deliveries")):
                page.tabs.setCurrentIndex(i)
                page.grab().save(os.path.join(SHOTS, f"notifications_admin_{name}.png"))
            page.tabs.setCurrentIndex(2)
        page.resend_selected()
        qtbot.waitUntil(lambda: sum(r.state == "queued" for r in page.deliveries_model.rows()) == 1)
        # Send test on the good channel: sent at once, its answer shown under the deliveries
        page.tabs.setCurrentIndex(0)
        good = [i for i, r in enumerate(page.channels_model.rows()) if r.name == "Jade WeCom group"][0]
        page.channels_view.selectRow(page.channels_view.model().mapFromSource(page.channels_model.index(good, 0)).row())
        page.test_selected_channel()
        qtbot.waitUntil(lambda: "delivered" in page.attempts.toPlainText())
        assert page.tabs.currentIndex() == 2 and '"errcode": 0' in page.attempts.toPlainText()
        assert srv.fake.accepted("wecom")[-1].body["text"]["content"].startswith("Floorwalker 测试消息")
        page.close()


def test_a_manager_sees_the_pages_read_only(qtbot, sqlite_db, settings_home):
    page = _admin_page(qtbot, sqlite_db, Actor("ming.han", "manager"))
    page.show()
    qtbot.waitUntil(lambda: page.counts.text() != "")
    assert not page.add_channel_button.isEnabled() and not page.resend_button.isEnabled()
    page.close()


def test_a_complaint_opens_through_open_detail_when_no_page_claims_it(qtbot, sqlite_db, settings_home):
    from ui.bus import Bus
    from ui.context import ConsoleContext
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    ctx = ConsoleContext(db=sqlite_db, tasks=TaskRunner(sqlite_db, inline=True), bus=Bus(),
                         actor=Actor("ada", "administrator"), timezone=ZoneInfo("Asia/Shanghai"))
    window = MainWindow(ctx, [OtherPage, DetailPage])
    qtbot.addWidget(window)
    DetailPage.details = []
    ctx.bus.entity_open_requested.emit("complaint", "42")
    assert DetailPage.details == [42] and window.current_workspace() is window.workspaces[1]
    ctx.bus.entity_open_requested.emit("live", "center")  # nobody opens it: a status-bar note
    assert "live alert #center" in window.statusBar().currentMessage()
    window.close()


def test_stored_words_of_a_notification_are_put_into_the_console_language_before_rendering(qapp) -> None:
    from ui.notifications.bell import localize_params

    params = {"ref": "C-1", "priority": "regular", "category": "after_sales",
              "clock": "R-SLA-5 Progress feedback to the complaining customer, repeated, R-SLA-6 Complaint handled"}
    out = localize_params("sla.escalation", params)
    assert out["priority"] == "Regular" and out["category"] == "After-sales" and out["ref"] == "C-1"
    assert out["clock"] == params["clock"]  # two clocks, the comma inside a name kept
    live = localize_params("live.alert", {"alert": "Caller waiting too long", "queue": "All queues",
                                          "value": "95 s", "threshold": "90 s"})
    assert live == {"alert": "Caller waiting too long", "queue": "All queues", "value": "95 s", "threshold": "90 s"}
    assert params["priority"] == "regular"  # the stored params are not touched


def test_notification_words_read_in_chinese_with_the_zh_cn_catalogue(chinese) -> None:
    from ui.notifications.bell import localize_params

    out = localize_params("sla.breach", {"priority": "urgent", "clock": "R-SLA-6 Complaint handled (resolved)"})
    live = localize_params("live.alert", {"queue": "All queues", "value": "12 min (lunch)"})
    assert out["priority"] != "Urgent"  # the app catalogue's word for it
    assert out["clock"].startswith("R-SLA-6 ") and "Complaint" not in out["clock"]
    assert live["queue"] == "全部队列" and live["value"] == "12 分钟 (午餐)"
