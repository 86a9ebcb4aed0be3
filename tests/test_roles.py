"""Roles (issue 3): whose complaints and QA each role sees, enforced in the services themselves.

A supervisor sees the teams whose ``teams.supervisor_id`` is theirs; an agent their own rows;
managers, quality analysts, trainers, schedulers and administrators the whole center. Each test
calls the services directly, so the UI cannot be the only thing standing in the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from app import clock
from app.actor import Actor
from app.complaints.board import complaint_detail, load_board
from app.quality.interactions import (
    InteractionFilter,
    filter_options,
    interaction_detail,
    list_interactions,
)
from app.quality.weekly import weekly_qa_status
from app.security.crypto import CustomerCipher
from app.security.customers import new_customer_values
from app.security.permissions import ROW_SCOPES, SCOPE_ALL, SCOPE_OWN, SCOPE_TEAMS, row_scope
from db.models import Complaint, Customer, QaDraw, QaSample
from db.models.org import ROLES
from tests import factories as f
from tests.windows import open_workspace

PHONE = "13812346925"
NAME = "Zhang Wei"
EMAIL = "zhang.wei@example.com"
MASKED = "138****6925"
ANY_DAY = InteractionFilter(recorded_only=False)  # no date range: every interaction


@dataclass
class TwoTeams:
    jade: int
    pearl: int
    sup_jade: int
    sup_pearl: int
    sup_none: int  # a supervisor without a team
    ana: int  # agent in Jade
    bo: int  # agent in Jade
    cy: int  # agent in Pearl
    customer: int
    complaints: dict[str, int]
    interactions: dict[str, int]

    def supervisor(self, person_id: int) -> Actor:
        return Actor("sup", "supervisor", person_id)


def build_two_teams(db, key_file) -> TwoTeams:
    """Jade (supervised by Min, agents Ana and Bo) and Pearl (supervised by Hu, agent Cy), each with
    complaints, recorded interactions and last week's QA samples; one customer on a Jade case."""
    cipher = CustomerCipher.from_key_file(key_file)
    now = clock.now()
    with db.session() as s:
        c = f.center(s)
        jade, pearl = f.team(s, c, "Jade Team"), f.team(s, c, "Pearl Team")
        min_deng = f.person(s, c, jade, name="Min Deng", title="supervisor")
        hu = f.person(s, c, pearl, name="Hu Jianhua", title="supervisor")
        lone = f.person(s, c, None, name="New Supervisor", title="supervisor")
        jade.supervisor_id, pearl.supervisor_id = min_deng.id, hu.id
        ana = f.person(s, c, jade, name="Ana")
        bo = f.person(s, c, jade, name="Bo")
        cy = f.person(s, c, pearl, name="Cy")
        q = f.queue(s, c, "General")
        customer = Customer(**new_customer_values(cipher, phone=PHONE, name=NAME, email=EMAIL))
        s.add(customer)
        s.flush()
        interactions = {}
        for key, agent, hours in (("ana", ana, 1), ("bo", bo, 2), ("cy", cy, 3), ("cy2", cy, 4)):
            i = f.interaction(s, c, q, agent, now - timedelta(hours=hours), recording=f"/rec/{key}.wav", rating=4)
            interactions[key] = i.id
        s.get_one(type(i), interactions["ana"]).customer_id = customer.id
        complaints = {}
        for ref, team, owner, cust in (("J-1", jade, ana, customer.id), ("J-2", jade, None, None),
                                       ("P-1", pearl, cy, None), ("P-2", pearl, ana, None),
                                       ("X-1", None, None, None)):
            row = Complaint(center_id=c.id, reference=ref, channel="phone", category="logistics",
                            summary=f"case {ref}", team_id=team.id if team else None,
                            owner_id=owner.id if owner else None, customer_id=cust,
                            first_contact_at=now - timedelta(hours=2), opened_at=now - timedelta(hours=2))
            s.add(row)
            s.flush()
            complaints[ref] = row.id
        monday = date(2026, 11, 9)  # the week sampled for "this week's QA" of Wed 18 Nov
        draw = QaDraw(center_id=c.id, week_start=monday, seed="1", population=[], population_hash="x",
                      rules={}, algorithm_version="1", created_at=now, created_by="system")
        s.add(draw)
        s.flush()
        for key, agent in (("ana", ana), ("bo", bo), ("cy", cy), ("cy2", cy)):
            s.add(QaSample(draw_id=draw.id, interaction_id=interactions[key], agent_id=agent.id, status="pending"))
        return TwoTeams(jade.id, pearl.id, min_deng.id, hu.id, lone.id, ana.id, bo.id, cy.id, customer.id,
                        complaints, interactions)


@pytest.fixture
def teams_db(any_db, tmp_path, frozen_clock):
    return any_db, build_two_teams(any_db, tmp_path / "customer.key")


def _board_refs(s, actor: Actor) -> set[str]:
    board = load_board(s, actor)
    return {card.reference for column in board.columns for card in column.cards}


# --- the matrix ---------------------------------------------------------------------------------
def test_every_role_has_a_documented_row_scope():
    assert set(ROW_SCOPES) == set(ROLES)
    assert ROW_SCOPES["supervisor"] == SCOPE_TEAMS and ROW_SCOPES["agent"] == SCOPE_OWN
    assert {ROW_SCOPES[r] for r in ("manager", "quality_analyst", "trainer", "scheduler", "administrator")} \
        == {SCOPE_ALL}


def test_an_unknown_role_sees_only_its_own_rows(teams_db):
    db, t = teams_db
    with db.session() as s:
        assert row_scope(s, Actor("odd", "intern", t.ana)).kind == SCOPE_OWN
        assert _board_refs(s, Actor("odd", "intern", t.ana)) == {"J-1", "P-2"}
        assert row_scope(s, Actor.system()).kind == SCOPE_ALL


# --- complaints -----------------------------------------------------------------------------------
def test_supervisor_sees_only_their_teams_complaints(teams_db):
    db, t = teams_db
    with db.session() as s:
        jade_sup = t.supervisor(t.sup_jade)
        board = load_board(s, jade_sup)
        assert _board_refs(s, jade_sup) == {"J-1", "J-2"}
        assert board.scope.team_names == ("Jade Team",) and board.open_count == 2
        assert _board_refs(s, t.supervisor(t.sup_pearl)) == {"P-1", "P-2"}
        # another team's case is not there even when asked for by id
        assert complaint_detail(s, jade_sup, t.complaints["P-1"]) is None
        assert complaint_detail(s, jade_sup, t.complaints["J-1"]).card.reference == "J-1"


def test_agent_sees_only_the_complaints_they_own(teams_db):
    db, t = teams_db
    with db.session() as s:
        ana = Actor("ana", "agent", t.ana)
        assert _board_refs(s, ana) == {"J-1", "P-2"}  # owner, whichever team
        assert _board_refs(s, Actor("bo", "agent", t.bo)) == set()
        assert complaint_detail(s, ana, t.complaints["J-2"]) is None


@pytest.mark.parametrize("role", ["manager", "quality_analyst", "trainer", "scheduler", "administrator"])
def test_center_wide_roles_see_every_complaint(sqlite_db, tmp_path, frozen_clock, role):
    build_two_teams(sqlite_db, tmp_path / "customer.key")
    with sqlite_db.session() as s:
        assert _board_refs(s, Actor("x", role)) == {"J-1", "J-2", "P-1", "P-2", "X-1"}


def test_supervisor_without_a_team_or_a_person_sees_nothing(teams_db):
    db, t = teams_db
    with db.session() as s:
        assert _board_refs(s, t.supervisor(t.sup_none)) == set()
        assert _board_refs(s, Actor("ghost", "supervisor", None)) == set()
        assert list_interactions(s, Actor("ghost", "supervisor", None), ANY_DAY).total == 0
        assert weekly_qa_status(s, t.supervisor(t.sup_none)).agents == ()


# --- quality --------------------------------------------------------------------------------------
def test_supervisor_sees_only_their_teams_interactions(teams_db):
    db, t = teams_db
    with db.session() as s:
        jade_sup = t.supervisor(t.sup_jade)
        page = list_interactions(s, jade_sup, ANY_DAY)
        assert page.total == 2 and {r.agent for r in page.rows} == {"Ana", "Bo"}
        # asking for the other team explicitly does not widen the scope
        assert list_interactions(s, jade_sup, InteractionFilter(recorded_only=False, team_id=t.pearl)).total == 0
        assert list_interactions(s, jade_sup, InteractionFilter(recorded_only=False, agent_id=t.cy)).total == 0
        assert interaction_detail(s, jade_sup, t.interactions["cy"]) is None
        assert interaction_detail(s, jade_sup, t.interactions["ana"]).row.agent == "Ana"
        pearl = list_interactions(s, t.supervisor(t.sup_pearl), ANY_DAY)
        assert pearl.total == 2 and {r.agent for r in pearl.rows} == {"Cy"}


def test_supervisor_filter_choices_and_weekly_qa_are_their_teams(teams_db):
    db, t = teams_db
    with db.session() as s:
        jade_sup = t.supervisor(t.sup_jade)
        options = filter_options(s, jade_sup)
        assert [team.name for team in options.teams] == ["Jade Team"]
        assert [a.name for a in options.agents] == ["Ana", "Bo"] and options.has_interactions
        weekly = weekly_qa_status(s, jade_sup)
        assert [(a.agent, a.drawn) for a in weekly.agents] == [("Ana", 1), ("Bo", 1)]
        assert weekly.drawn == 2 and weekly.scope.team_names == ("Jade Team",)
        everyone = weekly_qa_status(s, Actor("qa", "quality_analyst"))
        assert {a.agent: a.drawn for a in everyone.agents} == {"Ana": 1, "Bo": 1, "Cy": 2}


def test_agent_sees_only_their_own_interactions_and_qa(teams_db):
    db, t = teams_db
    with db.session() as s:
        cy = Actor("cy", "agent", t.cy)
        page = list_interactions(s, cy, ANY_DAY)
        assert page.total == 2 and {r.agent for r in page.rows} == {"Cy"}
        assert interaction_detail(s, cy, t.interactions["ana"]) is None
        assert [(a.agent, a.drawn) for a in weekly_qa_status(s, cy).agents] == [("Cy", 2)]
        assert [a.name for a in filter_options(s, cy).agents] == ["Cy"]


def test_manager_sees_every_interaction(teams_db):
    db, t = teams_db
    with db.session() as s:
        assert list_interactions(s, Actor("m", "manager"), ANY_DAY).total == 4
        assert len(filter_options(s, Actor("m", "manager")).teams) == 2


def test_scoped_interaction_query_uses_the_agent_index(sqlite_db, tmp_path, frozen_clock):
    """The scope is a WHERE on agent_id: SQLite plans it on the (agent_id, offered_at) index."""
    from sqlalchemy import func, select

    from app.security.permissions import RowScope
    from db.models import Interaction

    t = build_two_teams(sqlite_db, tmp_path / "customer.key")
    scope = RowScope(SCOPE_TEAMS, t.sup_jade, (t.jade,), ("Jade Team",))
    start = datetime(2026, 11, 1, tzinfo=UTC)
    query = select(func.count()).select_from(Interaction).where(Interaction.offered_at >= start,
                                                                scope.interaction_clause())
    with sqlite_db.engine.connect() as conn:
        compiled = query.compile(conn, compile_kwargs={"literal_binds": True})
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
    assert "ix_interactions_agent_offered" in plan, plan


@pytest.mark.gui
def test_quality_workspace_shows_a_supervisor_their_teams_only(qtbot, sqlite_db, tmp_path, frozen_clock):
    from ui.app import Console
    from ui.quality.workspace import QualityWorkspace

    t = build_two_teams(sqlite_db, tmp_path / "customer.key")
    console = Console(sqlite_db, actor=Actor("min.deng", "supervisor", t.sup_jade), inline_tasks=True, watch=False)
    try:
        window = console.window
        window.show()
        _index, page = open_workspace(window, QualityWorkspace)
        qtbot.waitUntil(lambda: page.load_count >= 1)
        assert page.scope_label.text() == "Your teams: Jade Team"
        teams = page.filters.team
        assert [teams.itemText(i) for i in range(teams.count())] == ["All your teams", "Jade Team"]
        assert {r.agent for r in page.model.rows} == {"Ana", "Bo"} and page.page_label.text() == "Showing 1–2 of 2"
        assert [a.agent for a in page.weekly.weekly.agents] == ["Ana", "Bo"]
    finally:
        console.close()
