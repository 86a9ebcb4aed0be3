"""Quality workspace foundation: the paged interaction list, its filters, details and this week's QA status."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta

import pytest

from app.actor import Actor
from app.admin.rules import list_rules, update_rule
from app.quality.interactions import (
    InteractionFilter,
    filter_options,
    interaction_detail,
    list_interactions,
)
from app.quality.weekly import weekly_qa_status
from app.security.crypto import CustomerCipher
from app.security.customers import new_customer_values
from db.models import Complaint, Customer, QaDraw, QaReview, QaSample
from tests import factories as f
from tests.windows import open_workspace

PHONE = "13812346925"
MASKED = "138****6925"
MANAGER = Actor("hana", "manager")  # sees the whole center
# the frozen clock stands at Wed 2026-11-18 10:00 in Shanghai (02:00 UTC)
NOV_17_LAST_MINUTE = datetime(2026, 11, 17, 15, 59, tzinfo=UTC)  # 23:59 Shanghai, Tue 17 Nov
NOV_18_MIDNIGHT = datetime(2026, 11, 17, 16, 0, tzinfo=UTC)  # 00:00 Shanghai, Wed 18 Nov


@dataclass
class Floor:
    alice: int
    bob: int
    carol: int
    team_a: int
    team_b: int
    phone: int
    chat: int
    ids: dict[str, int]


def _floor(db, tmp_path) -> Floor:
    """Two teams, three agents, two queues, eight interactions over two local days."""
    cipher = CustomerCipher.from_key_file(tmp_path / "customer.key")
    ids: dict[str, int] = {}
    with db.session() as s:
        c = f.center(s)
        team_a, team_b = f.team(s, c, "Alpha"), f.team(s, c, "Beta")
        alice = f.person(s, c, team_a, name="Alice Wang")
        bob = f.person(s, c, team_a, name="Bob_Li")
        carol = f.person(s, c, team_b, name="Carol Zhao")
        phone, chat = f.queue(s, c, "General", "phone"), f.queue(s, c, "Web", "chat")
        customer = Customer(**new_customer_values(cipher, phone=PHONE, name="Zhang Wei", is_vip=True))
        s.add(customer)
        s.flush()

        def add(key, queue, agent, at, **kw):
            i = f.interaction(s, c, queue, agent, at, **kw)
            ids[key] = i.id
            return i

        add("late17", phone, alice, NOV_17_LAST_MINUTE, rating=5, recording="/rec/a.wav", wait=12)
        add("mid18", phone, alice, NOV_18_MIDNIGHT, rating=2, recording="/rec/b.wav", wait=40)
        add("bob", chat, bob, NOV_18_MIDNIGHT + timedelta(hours=1), rating=4, recording="/rec/c.wav", wait=3)
        add("carol", phone, carol, NOV_18_MIDNIGHT + timedelta(hours=2), rating=None, recording="/rec/d.wav",
            wait=20).customer_id = customer.id
        add("unrecorded", phone, carol, NOV_18_MIDNIGHT + timedelta(hours=3), rating=5, recording=None)
        add("abandoned", phone, None, NOV_18_MIDNIGHT + timedelta(hours=4), outcome="abandoned", wait=95,
            recording=None)
        add("old", chat, bob, NOV_18_MIDNIGHT - timedelta(days=5), rating=3, recording="/rec/e.wav")
        add("transferred", chat, carol, NOV_18_MIDNIGHT + timedelta(hours=5), outcome="transferred",
            rating=1, recording="/rec/f.wav")
        s.add(QaReview(interaction_id=ids["mid18"], agent_id=alice.id, dialogue_score=6, violations=1,
                       reviewed_at=NOV_18_MIDNIGHT + timedelta(days=1), status="final", reviewer_id=carol.id))
        s.add(QaReview(interaction_id=ids["mid18"], agent_id=alice.id, dialogue_score=9, violations=0,
                       reviewed_at=NOV_18_MIDNIGHT + timedelta(days=1, hours=1), status="final"))
        s.add(QaReview(interaction_id=ids["bob"], agent_id=bob.id, dialogue_score=3, violations=0,
                       reviewed_at=NOV_18_MIDNIGHT + timedelta(days=1), status="draft"))
        s.add(Complaint(center_id=c.id, reference="C-2026-000007", interaction_id=ids["carol"], channel="phone",
                        category="logistics", summary="Parcel lost", first_contact_at=NOV_18_MIDNIGHT,
                        opened_at=NOV_18_MIDNIGHT))
        return Floor(alice.id, bob.id, carol.id, team_a.id, team_b.id, phone.id, chat.id, ids)


def _keys(floor: Floor, page) -> list[str]:
    by_id = {v: k for k, v in floor.ids.items()}
    return [by_id[r.id] for r in page.rows]


def test_recorded_interactions_newest_first_with_masked_customer_only_R_SEC_2(any_db, tmp_path, frozen_clock):
    floor = _floor(any_db, tmp_path)
    with any_db.session() as s:
        page = list_interactions(s, MANAGER, InteractionFilter())
    assert _keys(floor, page) == ["transferred", "carol", "bob", "mid18", "late17", "old"]
    assert page.total == 6 and (page.first, page.last) == (1, 6)
    carol = page.rows[1]
    assert (carol.agent, carol.team, carol.queue, carol.channel) == ("Carol Zhao", "Beta", "General", "phone")
    assert carol.customer_masked == MASKED
    # nothing on a row can carry the identifier in clear
    for row in page.rows:
        assert all(PHONE not in str(getattr(row, field.name)) for field in fields(row))
    mid18 = page.rows[3]
    assert mid18.review_score == 9  # the latest final review
    assert page.rows[2].review_score is None  # a draft is not a review yet
    with any_db.session() as s:
        everything = list_interactions(s, MANAGER, InteractionFilter(recorded_only=False))
    assert everything.total == 8
    abandoned = next(r for r in everything.rows if r.id == floor.ids["abandoned"])
    assert abandoned.agent is None and abandoned.outcome == "abandoned" and not abandoned.has_recording


def test_date_range_is_center_local_days(any_db, tmp_path, frozen_clock):
    floor = _floor(any_db, tmp_path)
    with any_db.session() as s:
        only_18 = list_interactions(s, MANAGER, InteractionFilter(start_day=date(2026, 11, 18), end_day=date(2026, 11, 18)))
        only_17 = list_interactions(s, MANAGER, InteractionFilter(start_day=date(2026, 11, 17), end_day=date(2026, 11, 17)))
    assert "late17" not in _keys(floor, only_18) and "mid18" in _keys(floor, only_18)
    assert _keys(floor, only_17) == ["late17"]


@pytest.mark.parametrize(("make_filter", "expected"), [
    (lambda fl: InteractionFilter(agent_id=fl.alice), ["mid18", "late17"]),
    (lambda fl: InteractionFilter(team_id=fl.team_a), ["bob", "mid18", "late17", "old"]),
    (lambda fl: InteractionFilter(queue_id=fl.chat), ["transferred", "bob", "old"]),
    (lambda fl: InteractionFilter(channel="phone"), ["carol", "mid18", "late17"]),
    (lambda fl: InteractionFilter(outcome="transferred"), ["transferred"]),
    (lambda fl: InteractionFilter(rating_min=3, rating_max=4), ["bob", "old"]),
    (lambda fl: InteractionFilter(rating_max=2), ["transferred", "mid18"]),
    (lambda fl: InteractionFilter(not_reviewed=True), ["transferred", "carol", "bob", "late17", "old"]),
    (lambda fl: InteractionFilter(agent_text="  ALICE "), ["mid18", "late17"]),
    (lambda fl: InteractionFilter(agent_text="b_b"), []),  # "_" is a letter here, not a LIKE wildcard
    (lambda fl: InteractionFilter(agent_text="%"), []),
    (lambda fl: InteractionFilter(agent_text="b_li"), ["bob", "old"]),
    (lambda fl: InteractionFilter(recorded_only=False, outcome="abandoned"), ["abandoned"]),
])
def test_each_filter_narrows_the_list(sqlite_db, tmp_path, frozen_clock, make_filter, expected):
    floor = _floor(sqlite_db, tmp_path)
    with sqlite_db.session() as s:
        page = list_interactions(s, MANAGER, make_filter(floor))
    assert _keys(floor, page) == expected and page.total == len(expected)


def test_paging_and_sorting_keep_the_total(any_db, tmp_path, frozen_clock):
    floor = _floor(any_db, tmp_path)
    with any_db.session() as s:
        pages = [list_interactions(s, MANAGER, InteractionFilter(), offset=o, limit=4) for o in (0, 4)]
        beyond = list_interactions(s, MANAGER, InteractionFilter(), offset=40, limit=4)
        by_wait = list_interactions(s, MANAGER, InteractionFilter(), sort="wait", descending=False)
        by_rating = list_interactions(s, MANAGER, InteractionFilter(), sort="rating", descending=True)
        by_agent = list_interactions(s, MANAGER, InteractionFilter(), sort="agent", descending=False)
    assert [len(p.rows) for p in pages] == [4, 2] and {p.total for p in pages} == {6}
    assert (pages[0].has_previous, pages[0].has_next, pages[1].has_next) == (False, True, False)
    assert (pages[1].first, pages[1].last) == (5, 6)
    assert beyond.offset == 4 and len(beyond.rows) == 2  # past the end: the last page, not an empty one
    # 3 s; then 10 s twice (ties: newest first); then 12 s
    assert _keys(floor, by_wait)[:4] == ["bob", "transferred", "old", "late17"]
    assert [r.rating for r in by_rating.rows] == [5, 4, 3, 2, 1, None]  # no rating last on both engines
    assert [r.agent for r in by_agent.rows][:2] == ["Alice Wang", "Alice Wang"]


def test_bad_filters_are_refused_with_a_message(sqlite_db, tmp_path, frozen_clock):
    _floor(sqlite_db, tmp_path)
    with pytest.raises(ValueError, match="start date"), sqlite_db.session() as s:
        list_interactions(s, MANAGER, InteractionFilter(start_day=date(2026, 11, 18), end_day=date(2026, 11, 1)))
    with pytest.raises(ValueError, match="rating"), sqlite_db.session() as s:
        list_interactions(s, MANAGER, InteractionFilter(rating_min=5, rating_max=2))
    with pytest.raises(ValueError, match="sort"), sqlite_db.session() as s:
        list_interactions(s, MANAGER, InteractionFilter(), sort="customer")


def test_interaction_detail_lists_reviews_and_complaints_masked(sqlite_db, tmp_path, frozen_clock):
    floor = _floor(sqlite_db, tmp_path)
    with sqlite_db.session() as s:
        carol = interaction_detail(s, MANAGER, floor.ids["carol"])
        mid18 = interaction_detail(s, MANAGER, floor.ids["mid18"])
        missing = interaction_detail(s, MANAGER, 999_999)
        options = filter_options(s, MANAGER)
    assert missing is None
    assert carol.row.customer_masked == MASKED and carol.customer_name_masked == "Zhang *" and carol.customer_is_vip
    assert carol.complaints == ("C-2026-000007",) and carol.reviews == ()
    assert [(r.dialogue_score, r.violations, r.reviewer) for r in mid18.reviews] == [(9, 0, None), (6, 1, "Carol Zhao")]
    assert [a.name for a in options.agents] == ["Alice Wang", "Bob_Li", "Carol Zhao"]
    assert options.channels == ("chat", "phone") and options.today == date(2026, 11, 18)
    assert options.has_interactions


def _draw(s, week_start: date) -> int:
    draw = QaDraw(center_id=1, week_start=week_start, seed="s", population=[], population_hash="h", rules={},
                  algorithm_version="1", created_at=datetime(2026, 11, 16, tzinfo=UTC))
    s.add(draw)
    s.flush()
    return draw.id


def _sample(s, draw_id: int, interaction_id: int, agent_id: int, status: str = "pending",
            review: str | None = None) -> None:
    sample = QaSample(draw_id=draw_id, interaction_id=interaction_id, agent_id=agent_id, status=status)
    s.add(sample)
    s.flush()
    if review:
        s.add(QaReview(sample_id=sample.id, interaction_id=interaction_id, agent_id=agent_id, dialogue_score=8,
                       reviewed_at=datetime(2026, 11, 17, tzinfo=UTC), status=review))


def test_weekly_qa_counts_drawn_and_reviewed_against_quota_R_QA_1(any_db, tmp_path, frozen_clock):
    floor = _floor(any_db, tmp_path)
    with any_db.session() as s:
        last_week = _draw(s, date(2026, 11, 9))  # sampled last week, reviewed this week
        this_week = _draw(s, date(2026, 11, 16))  # next Monday's work: not counted yet
        i = floor.ids["late17"]
        for _ in range(2):
            _sample(s, last_week, i, floor.alice, status="reviewed")
        _sample(s, last_week, i, floor.alice, review="final")  # reviewed, status not yet updated
        _sample(s, last_week, i, floor.alice, review="draft")  # a draft does not count
        _sample(s, last_week, i, floor.alice)
        _sample(s, last_week, i, floor.alice, status="replaced")  # replaced: its stand-in counts instead
        for _ in range(5):
            _sample(s, last_week, i, floor.bob, status="reviewed")
        _sample(s, this_week, i, floor.carol, status="reviewed")
    with any_db.session() as s:
        weekly = weekly_qa_status(s, MANAGER)
    assert weekly.week_start == date(2026, 11, 9) and weekly.review_week_start == date(2026, 11, 16)
    assert weekly.quota == 5 and weekly.has_draw
    by_name = {a.agent: a for a in weekly.agents}
    assert [a.agent for a in weekly.agents] == ["Alice Wang", "Bob_Li", "Carol Zhao"]  # by team, then name
    assert (by_name["Alice Wang"].drawn, by_name["Alice Wang"].reviewed) == (5, 3)
    assert by_name["Alice Wang"].review_short and not by_name["Alice Wang"].draw_short
    assert (by_name["Bob_Li"].drawn, by_name["Bob_Li"].reviewed, by_name["Bob_Li"].under_quota) == (5, 5, False)
    assert (by_name["Carol Zhao"].drawn, by_name["Carol Zhao"].draw_short) == (0, True)
    assert weekly.under_quota == 2 and (weekly.drawn, weekly.reviewed) == (10, 8)

    admin = Actor("ada", "administrator")
    with any_db.session() as s:
        version = next(r.version for r in list_rules(s) if r.key == "R-QA-1")
        update_rule(s, admin, "R-QA-1", "3", version)
    with any_db.session() as s:
        weekly = weekly_qa_status(s, MANAGER)
    assert weekly.quota == 3 and weekly.under_quota == 1  # only Carol, with nothing drawn


def test_weekly_qa_without_a_draw_lists_every_agent_under_quota_R_QA_1(sqlite_db, tmp_path, frozen_clock):
    _floor(sqlite_db, tmp_path)
    with sqlite_db.session() as s:
        weekly = weekly_qa_status(s, MANAGER, today=date(2026, 11, 22))  # Sunday: still the week of 16 Nov
    assert weekly.week_start == date(2026, 11, 9) and not weekly.has_draw
    assert weekly.under_quota == 3 and all(a.drawn == 0 for a in weekly.agents)


# --- Qt models and the workspace ----------------------------------------------------------------------------
@pytest.mark.gui
def test_quality_models_pass_the_model_tester(qtmodeltester, sqlite_db, tmp_path, frozen_clock):
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import Qt

    from ui.quality.models import SHORT_COLOR, InteractionTableModel, WeeklyQaModel, column_of

    floor = _floor(sqlite_db, tmp_path)
    with sqlite_db.session() as s:
        page = list_interactions(s, MANAGER, InteractionFilter(recorded_only=False))
        weekly = weekly_qa_status(s, MANAGER)
    model = InteractionTableModel(ZoneInfo("Asia/Shanghai"))
    model.set_rows(page.rows)
    qtmodeltester.check(model)
    row = next(i for i, r in enumerate(page.rows) if r.id == floor.ids["carol"])
    assert model.index(row, 0).data() == "2026-11-18 02:00"  # center-local time
    assert model.index(row, column_of("customer")).data() == MASKED
    requested = []
    model.sort_requested.connect(lambda key, desc: requested.append((key, desc)))
    model.sort(column_of("wait"), Qt.SortOrder.AscendingOrder)  # the query sorts
    model.sort(column_of("outcome"), Qt.SortOrder.AscendingOrder)  # not sortable: nothing asked
    assert requested == [("wait", False)]
    weekly_model = WeeklyQaModel()
    weekly_model.set_rows(weekly.agents)
    qtmodeltester.check(weekly_model)
    assert weekly_model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole) == SHORT_COLOR  # Alice: 0 of 5 reviewed


@pytest.mark.gui
def test_quality_workspace_lists_filters_and_shows_details(qtbot, sqlite_db, tmp_path, frozen_clock):
    from ui.app import Console
    from ui.quality.workspace import QualityWorkspace

    floor = _floor(sqlite_db, tmp_path)
    console = Console(sqlite_db, inline_tasks=True, watch=False)
    try:
        window = console.window
        window.show()
        _index, page = open_workspace(window, QualityWorkspace)
        assert isinstance(page, QualityWorkspace) and page.title() == "Quality"
        qtbot.waitUntil(lambda: page.load_count >= 1)
        # the default range is the last 7 center-local days: the 5-day-old interaction is in it
        assert page.page_label.text() == "Showing 1–6 of 6"
        assert page.model.rowCount() == 6 and not page.next_button.isEnabled()
        assert page.weekly.model.rowCount() == 3
        assert "No QA draw has been made for last week yet" in page.weekly.summary.text()

        page.table.selectRow(1)  # Carol's call with the masked customer
        assert page.detail.fields["customer"].text() == "Zhang * · " + MASKED + " · VIP"
        assert page.detail.fields["complaints"].text() == "C-2026-000007"
        assert PHONE not in page.detail.fields["customer"].text()

        page.filters.not_reviewed.setChecked(True)
        assert page.page_label.text() == "Showing 1–5 of 5"
        page.filters.team.setCurrentIndex(page.filters.team.findText("Beta"))
        assert [page.filters.agent.itemText(i) for i in range(page.filters.agent.count())] == [
            "All agents", "Carol Zhao"]
        assert page.model.rowCount() == 2 and page.table.selectionModel().selectedRows()[0].row() == 1
        page.filters.recorded.setChecked(False)
        assert page.page_label.text() == "Showing 1–3 of 3"
        page.filters.rating_min.setValue(5)
        page.filters.rating_max.setValue(4)  # below the lowest: the range follows instead of refusing
        assert page.filters.rating_min.value() == 4 and page.filters.rating_max.value() == 4
        assert page.model.rowCount() == 0 and page.empty.isVisible()
        assert "No interactions match these filters" in page.empty.text()
        page.filters.reset()
        assert page.page_label.text() == "Showing 1–6 of 6" and page.table.isVisible()
        assert floor.ids["old"] == page.model.rows[-1].id
    finally:
        console.close()


@pytest.mark.gui
def test_quality_workspace_empty_database_says_what_to_do(qtbot, sqlite_db, frozen_clock):
    from ui.app import Console
    from ui.quality.workspace import QualityWorkspace

    with sqlite_db.session() as s:
        f.center(s)
    console = Console(sqlite_db, inline_tasks=True, watch=False)
    try:
        window = console.window
        window.show()
        _index, page = open_workspace(window, QualityWorkspace)
        qtbot.waitUntil(lambda: page.load_count >= 1)
        assert "floorwalker demo" in page.empty.text() and page.page_label.text() == "No interactions"
        assert "No active agents" in page.weekly.summary.text()
    finally:
        console.close()


@pytest.mark.gui
def test_quality_range_follows_a_new_day(qtbot, sqlite_db, tmp_path, frozen_clock):
    from ui.app import Console
    from ui.quality.workspace import QualityWorkspace

    _floor(sqlite_db, tmp_path)
    console = Console(sqlite_db, inline_tasks=True, watch=False)
    try:
        window = console.window
        window.show()
        _index, page = open_workspace(window, QualityWorkspace)
        qtbot.waitUntil(lambda: page.load_count >= 1)
        assert page.page_label.text() == "Showing 1–6 of 6"
        frozen_clock.advance(days=6)  # the console stayed open: the 13 and 17 Nov calls leave the range
        page.refresh()
        f = page.filters.current_filter()
        assert (f.start_day, f.end_day) == (date(2026, 11, 18), date(2026, 11, 24))
        assert page.page_label.text() == "Showing 1–4 of 4"
    finally:
        console.close()
