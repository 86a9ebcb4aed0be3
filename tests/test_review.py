"""Reports workspace foundation: a center-local month's figures per agent and team against the R-KPI targets."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.actor import Actor
from app.admin.rules import list_rules, update_rule
from app.review.export import write_report_csv
from app.review.monthly import FIGURES, default_month, month_report, month_window
from db.models import AgentStateInterval, Complaint, QaReview, Rota, ShiftAssignment
from tests import factories as f
from tests.windows import open_workspace

SHANGHAI = ZoneInfo("Asia/Shanghai")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def _state(s, agent, start, end, state="logged_in"):
    s.add(AgentStateInterval(agent_id=agent.id, state=state, started_at=start, ended_at=end))


def _shift(s, rota, agent, start):
    s.add(ShiftAssignment(rota_id=rota.id, person_id=agent.id, starts_at=start, ends_at=start + timedelta(hours=8)))


def _complaint(s, c, ref, owner, opened):
    s.add(Complaint(center_id=c.id, reference=ref, channel="phone", category="other", summary="x",
                    owner_id=owner.id, first_contact_at=opened, opened_at=opened))


def _october(db) -> None:
    """October 2026 in Shanghai runs from 2026-09-30 16:00 to 2026-10-31 16:00 UTC."""
    with db.session() as s:
        c = f.center(s)
        alpha, beta = f.team(s, c, "Alpha"), f.team(s, c, "Beta")
        alice = f.person(s, c, alpha, name="Alice")
        bob = f.person(s, c, alpha, name="Bob")
        f.person(s, c, beta, name="Carol")  # no work in October: listed with zeros
        eve = f.person(s, c, beta, name="Eve")  # left since, but worked in October: listed
        eve.active = False
        frank = f.person(s, c, beta, name="Frank")  # hired after October: not listed
        frank.hire_date = date(2026, 11, 5)
        f.person(s, c, alpha, name="Sam", title="supervisor")  # not an agent: not listed
        phone = f.queue(s, c)

        def call(agent, at, **kw):
            return f.interaction(s, c, phone, agent, at, **kw)

        a1 = call(alice, utc(2026, 9, 30, 16, 0), wait=10, rating=5, resolved=True)  # Oct 1 00:00 local
        a1.recommendation_offered = a1.recommendation_converted = True
        a2 = call(alice, utc(2026, 9, 30, 15, 59), wait=99, rating=1)  # Sep 30 23:59 local: not October
        a3 = call(alice, utc(2026, 10, 1, 3, 0), wait=40, rating=4, resolved=False)  # Oct 1 11:00 local
        a3.recommendation_offered = True
        a4 = call(alice, utc(2026, 10, 31, 15, 59), wait=30, rating=None, resolved=None)  # Oct 31 23:59 local
        call(alice, utc(2026, 10, 31, 16, 0), wait=1, rating=5)  # Nov 1 00:00 local: not October
        call(alice, utc(2026, 10, 15, 2, 0), outcome="abandoned", wait=60)  # never answered: not handled
        call(bob, utc(2026, 10, 2, 1, 0), wait=20, rating=5)
        call(bob, utc(2026, 10, 2, 2, 0), wait=50, rating=5)
        email = f.queue(s, c, "Mail", channel="email")
        f.interaction(s, c, email, bob, utc(2026, 10, 2, 3, 0), wait=7200, rating=None)  # handled, not timed
        call(eve, utc(2026, 10, 3, 2, 0), wait=5, rating=3)

        published = Rota(center_id=c.id, week_start=date(2026, 10, 5), status="published",
                         created_at=utc(2026, 10, 1))
        draft = Rota(center_id=c.id, week_start=date(2026, 10, 5), status="draft", created_at=utc(2026, 10, 1))
        s.add_all([published, draft])
        s.flush()
        _shift(s, published, alice, utc(2026, 10, 10, 1, 0))  # Oct 10: a working day without contacts
        _shift(s, published, alice, utc(2026, 9, 30, 23, 0))  # Oct 1 07:00 local: same day as a1, a3
        _shift(s, draft, alice, utc(2026, 10, 11, 1, 0))  # a draft is not a plan anybody worked to

        _state(s, alice, utc(2026, 10, 10, 1), utc(2026, 10, 10, 9))  # 8 h
        _state(s, alice, utc(2026, 10, 10, 3), utc(2026, 10, 10, 4), state="paused")  # not logged-in time
        _state(s, alice, utc(2026, 9, 30, 12), utc(2026, 9, 30, 18))  # 2 h of it in October
        _state(s, alice, utc(2026, 10, 31, 14), utc(2026, 10, 31, 20))  # 2 h of it in October
        _state(s, alice, utc(2026, 10, 20, 0), utc(2026, 10, 21, 6))  # 30 h: a feed gap, counts 24 h
        _state(s, alice, utc(2026, 10, 25, 0), None)  # never closed: counts 24 h
        _state(s, bob, utc(2026, 9, 20), utc(2026, 9, 30, 15))  # September only

        for interaction, score, violations, status in ((a1, 8, 0, "final"), (a3, 6, 2, "disputed"),
                                                       (a4, 2, 5, "draft"), (a2, 1, 9, "final")):
            s.add(QaReview(interaction_id=interaction.id, agent_id=alice.id, dialogue_score=score,
                           violations=violations, status=status, reviewed_at=utc(2026, 10, 20)))
        _complaint(s, c, "C-1", alice, utc(2026, 10, 5))
        _complaint(s, c, "C-2", alice, utc(2026, 10, 31, 15, 59))
        _complaint(s, c, "C-3", alice, utc(2026, 10, 31, 16, 0))  # November, locally


def test_month_window_is_center_local():
    october = month_window(2026, 10, SHANGHAI)
    assert (october.start, october.end) == (utc(2026, 9, 30, 16), utc(2026, 10, 31, 16))
    assert october.last_day == date(2026, 10, 31) and october.key == "2026-10"
    december = month_window(2026, 12, ZoneInfo("Europe/Berlin"))
    assert december.end == utc(2026, 12, 31, 23)
    with pytest.raises(ValueError, match="13"):
        month_window(2026, 13, SHANGHAI)


def test_default_month_is_last_month_center_local(sqlite_db, frozen_clock):
    with sqlite_db.session() as s:
        f.center(s)
        assert default_month(s) == (2026, 10)
        # 1 Dec 01:00 in Shanghai is still 30 Nov in UTC: the center's calendar decides
        assert default_month(s, utc(2026, 11, 30, 17)) == (2026, 11)
        assert default_month(s, utc(2027, 1, 1, 0)) == (2026, 12)


def test_agent_figures_for_a_center_local_month_R_KPI_1_to_9(any_db, frozen_clock):
    _october(any_db)
    with any_db.session() as s:
        report = month_report(s)  # last month: October
    assert report.month.key == "2026-10"
    assert [a.name for a in report.agents] == ["Alice", "Bob", "Carol", "Eve"]
    alice = report.agents[0].counts
    assert alice.handled == 3  # Oct 1 00:00, Oct 1 11:00 and Oct 31 23:59 local
    assert alice.working_days == 3  # Oct 1 (contacts and a shift), Oct 10 (shift only), Oct 31
    v = report.agents[0].value
    assert v("per_day") == pytest.approx(1.0)
    assert v("avg_wait_sec") == pytest.approx(80 / 3)
    assert v("within_target_share") == pytest.approx(2 / 3)  # 30 s exactly is within the R-KPI-1 target
    assert alice.logged_in_hours == pytest.approx(60.0)  # 8 + 2 + 2 + 24 (capped) + 24 (open)
    assert v("logged_in_per_day") == pytest.approx(20.0)
    assert (alice.rated, v("avg_rating"), v("good_rating_share")) == (2, pytest.approx(4.5), pytest.approx(0.5))
    assert (alice.resolution_known, v("resolution_rate")) == (2, pytest.approx(0.5))
    assert (alice.recommendations_offered, v("conversion")) == (2, pytest.approx(0.5))
    assert (alice.qa_reviews, v("qa_avg_score"), v("qa_violations")) == (2, pytest.approx(7.0), 2)
    assert alice.complaints_owned == 2

    bob = report.agents[1]
    assert (bob.counts.handled, bob.counts.working_days, bob.value("per_day")) == (3, 1, pytest.approx(3.0))
    # the two-hour email answer counts as handled but not in the response speed
    assert (bob.counts.realtime_handled, bob.value("avg_wait_sec")) == (2, pytest.approx(35.0))
    assert bob.value("logged_in_per_day") == 0.0 and bob.value("qa_avg_score") is None
    assert bob.value("qa_violations") is None  # no review: no evidence either way
    carol = report.agents[2]
    assert carol.counts.handled == 0 and carol.value("per_day") is None and carol.value("avg_rating") is None


def test_targets_flag_met_and_not_met_from_rule_values_R_KPI_4(any_db, frozen_clock):
    _october(any_db)
    with any_db.session() as s:
        report = month_report(s, 2026, 10)
    alice = report.agents[0]
    met = {fig.key: report.met(fig.key, alice.value(fig.key)) for fig in FIGURES}
    assert met == {
        "handled": None, "working_days": None, "per_day": False, "avg_wait_sec": True,
        "within_target_share": None, "logged_in_per_day": True, "avg_rating": True,  # 4.5 meets "at least 4.5"
        "good_rating_share": None, "resolution_rate": False, "conversion": True, "qa_avg_score": False,
        "qa_violations": False, "complaints_owned": None,
    }
    admin = Actor("ada", "administrator")
    with any_db.session() as s:
        version = next(r.version for r in list_rules(s) if r.key == "R-KPI-4")
        update_rule(s, admin, "R-KPI-4", "4.6", version)
    with any_db.session() as s:
        report = month_report(s, 2026, 10)
    assert report.met("avg_rating", report.agents[0].value("avg_rating")) is False


def test_team_totals_add_numerators_not_averages(any_db, frozen_clock):
    _october(any_db)
    with any_db.session() as s:
        report = month_report(s, 2026, 10)
        beta_only = month_report(s, 2026, 10, team_id=report.teams[1].team_id)
    alpha, beta = report.teams
    assert (alpha.team, alpha.agents, beta.team, beta.agents) == ("Alpha", 2, "Beta", 2)
    assert (alpha.counts.handled, alpha.counts.working_days) == (6, 4)
    assert alpha.value("per_day") == pytest.approx(1.5)
    assert alpha.value("avg_wait_sec") == pytest.approx(30.0)  # (80 + 70) / 5, not the mean of 26.7 and 35
    assert report.met("avg_wait_sec", alpha.value("avg_wait_sec")) is True  # at most 30 s
    assert report.total.counts.handled == 7 and report.total.counts.working_days == 5
    assert [a.name for a in beta_only.agents] == ["Carol", "Eve"] and beta_only.total.counts.handled == 1


def test_working_days_follow_the_local_calendar_across_dst(any_db, frozen_clock):
    with any_db.session() as s:
        c = f.center(s, tz="Europe/Berlin")  # summer time ends 2026-10-25 01:00 UTC
        agent = f.person(s, c, f.team(s, c, "Night"), name="Nina")
        q = f.queue(s, c)
        f.interaction(s, c, q, agent, utc(2026, 10, 24, 22, 30))  # Oct 25 00:30 CEST
        f.interaction(s, c, q, agent, utc(2026, 10, 25, 22, 30))  # Oct 25 23:30 CET
        f.interaction(s, c, q, agent, utc(2026, 10, 25, 23, 30))  # Oct 26 00:30 CET
        f.interaction(s, c, q, agent, utc(2026, 10, 31, 23, 30))  # Nov 1 00:30 CET: not October
    with any_db.session() as s:
        report = month_report(s, 2026, 10)
    nina = report.agents[0].counts
    assert (nina.handled, nina.working_days) == (3, 2)


def test_report_exports_as_csv_in_screen_order(sqlite_db, frozen_clock, tmp_path):
    _october(sqlite_db)
    with sqlite_db.session() as s:
        report = month_report(s, 2026, 10)
    headings = ["Team", "Agent"] + [fig.label for fig in FIGURES]
    buffer = io.StringIO()
    assert write_report_csv(report, buffer, headings=headings) == 7  # 4 agents, 2 teams, 1 total
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert rows[0] == headings
    assert [r[1] for r in rows[1:]] == ["Alice", "Bob", "Team total", "Carol", "Eve", "Team total", "All agents"]
    alice = dict(zip(headings, rows[1], strict=True))
    assert (alice["Handled"], alice["Per day"], alice["Avg response"], alice["Within target"]) == (
        "3", "1.0", "26.7", "66.7")
    assert (alice["Logged in / day"], alice["Avg rating"], alice["QA score"]) == ("20.00", "4.50", "7.0")
    assert rows[3][0] == "Alpha" and rows[3][2] == "6"
    assert dict(zip(headings, rows[4], strict=True))["Avg rating"] == ""  # Carol: nothing to measure
    path = tmp_path / "october.csv"
    write_report_csv(report, path, headings=headings)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, so spreadsheets read UTF-8 names
    with pytest.raises(ValueError, match="heading"):
        write_report_csv(report, io.StringIO(), headings=["Team"])


# --- Qt model and the workspace ------------------------------------------------------------------------------------
@pytest.mark.gui
def test_report_model_passes_the_model_tester(qtmodeltester, sqlite_db, frozen_clock):
    from PySide6.QtCore import Qt

    from ui.review.models import MET_COLOR, NOT_MET_COLOR, ROW_KIND_ROLE, MonthReportModel

    _october(sqlite_db)
    with sqlite_db.session() as s:
        report = month_report(s, 2026, 10)
    model = MonthReportModel()
    model.set_report(report)
    qtmodeltester.check(model)
    assert model.rowCount() == 7
    assert [model.index(r, 0).data(ROW_KIND_ROLE) for r in range(7)] == [
        "agent", "agent", "team", "agent", "agent", "team", "total"]
    columns = {model.headerData(c, Qt.Orientation.Horizontal).replace("\n", " "): c for c in range(model.columnCount())}
    assert model.index(0, columns["Avg response"]).data() == "26.7 s"
    assert model.index(0, columns["Avg response"]).data(Qt.ItemDataRole.ForegroundRole) == MET_COLOR
    assert model.index(0, columns["Per day"]).data(Qt.ItemDataRole.ForegroundRole) == NOT_MET_COLOR
    assert model.index(0, columns["Within target"]).data(Qt.ItemDataRole.ForegroundRole) is None  # no target
    assert model.index(0, columns["Within target"]).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight)
    assert model.index(2, 0).data() == "Alpha — total, 2 agents"
    assert "R-KPI-3" in model.headerData(columns["Per day"], Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


@pytest.mark.gui
def test_reports_workspace_shows_last_month_and_exports(qtbot, sqlite_db, frozen_clock, tmp_path, monkeypatch):
    from ui.app import Console
    from ui.review.workspace import ReportsWorkspace

    _october(sqlite_db)
    console = Console(sqlite_db, inline_tasks=True, watch=False)
    try:
        window = console.window
        window.show()
        index, page = open_workspace(window, ReportsWorkspace)
        assert page.title() == "Reports"
        qtbot.waitUntil(lambda: page.load_count >= 1)
        assert page.month_label.text() == "October 2026" and page.next_button.isEnabled()
        assert page.model.rowCount() == 7 and not page.empty.isVisible()
        assert "Per day ≥ 30.0" in page.targets.text()

        page.team.setCurrentIndex(page.team.findText("Alpha"))
        assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == [
            "Alice", "Bob", "Alpha — total, 2 agents"]
        out = tmp_path / "alpha.csv"
        assert page.export_csv(out)
        assert out.read_text(encoding="utf-8-sig").splitlines()[1].startswith("Alpha,Alice,3,3,1.0,")
        warnings = []
        monkeypatch.setattr("ui.review.workspace.QMessageBox.warning", lambda *args: warnings.append(args[2]))
        assert not page.export_csv(tmp_path / "missing" / "folder" / "x.csv")  # a message, not a crash
        assert "could not be written" in warnings[0] and "No such file" in warnings[0]

        page._on_prev_button_clicked()
        assert page.month_label.text() == "September 2026"
        assert page.model.index(0, 1).data() == "1"  # Alice's call at 23:59 on 30 September
        page._on_prev_button_clicked()
        assert page.empty.isVisible() and page.empty.text() == (
            "No interactions were handled in August 2026. The latest interactions are from November 2026; "
            "choose it with ◀ ▶.")
        for _ in range(3):
            page._on_next_button_clicked()
        assert page.month_label.text() == "November 2026" and not page.next_button.isEnabled()
    finally:
        console.close()


def test_the_month_report_exports_as_a_workbook_with_numbers(sqlite_db, frozen_clock, tmp_path):
    from openpyxl import load_workbook

    _october(sqlite_db)
    with sqlite_db.session() as s:
        report = month_report(s, 2026, 10)
    out = tmp_path / "october.xlsx"
    headings = ["Team", "Agent"] + [f.label for f in FIGURES]
    rows = write_report_csv(report, out, headings=headings)
    ws = load_workbook(out).active
    assert ws.title == "2026-10" and ws.max_row == rows + 1
    alice = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[1] == "Alice")
    assert alice[0] == "Alpha" and alice[2] == 3 and isinstance(alice[2], int)
    with pytest.raises(ValueError, match="csv or .xlsx"):
        write_report_csv(report, tmp_path / "october.pdf", headings=headings)
