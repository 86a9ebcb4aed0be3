"""The rota rules' violation sentences (app.rota.quality, app.schedule.editing) are app.i18n.Message
values: the same English as before for the CLI, logs and the solver's stats, and the user's language
on screen through the catalogue (ui.errors.translated / message_text, the editor's violation list),
weekdays included — no pattern re-reading the filled-in English."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from app.i18n import Message
from app.rota import engine as eng
from app.rota import quality as rq
from app.rota.model import (
    DAY_SLOTS,
    WEEK_SLOTS,
    Activity,
    Agent,
    Requirement,
    RotaProblem,
    Rules,
    Shift,
    ShiftTemplate,
    Violation,
    range_label,
)
from app.schedule import editing as ed
from tests import factories as f
from ui.errors import message_text, translated
from ui.schedule.messages import rule_message

H = 4
WEEK = date(2026, 11, 23)


def _violations() -> dict[str, Message]:
    """Bob rests 8 h between Monday night and Tuesday; 韩宇 has an hour of training due and none
    scheduled; Cai works every day and has a break outside the shift; Dee's shift is in time off."""
    bob = Agent(1, "Bob", frozenset({"phone"}), contract_hours=40)
    han = Agent(2, "韩宇", frozenset({"phone"}), contract_hours=40, training_min=60)
    cai = Agent(3, "Cai", frozenset({"phone"}), contract_hours=40)
    dee = Agent(4, "Dee", frozenset({"phone"}), contract_hours=40, time_off=((DAY_SLOTS, 2 * DAY_SLOTS),))
    shifts = [Shift(1, "Day", 20 * H, 8 * H), Shift(1, "Day", DAY_SLOTS + 12 * H, 8 * H),
              Shift(2, "Day", 2 * DAY_SLOTS + 9 * H, 8 * H),
              *(Shift(3, "Day", d * DAY_SLOTS + 9 * H, 8 * H) for d in range(6)),
              Shift(3, "Day", 6 * DAY_SLOTS + 9 * H, 8 * H, (Activity("lunch", 6 * DAY_SLOTS + 18 * H, 2),)),
              Shift(4, "Day", DAY_SLOTS + 9 * H, 8 * H)]
    q = ed.rota_quality(f.day_shift_problem([bob, han, cai, dee], req=3), shifts)
    out: dict[str, Message] = {}
    for v in q.violations:
        assert isinstance(v.message, Message), v.message
        out.setdefault(f"{v.rule}:{v.message.split(' ')[0]}", v.message)
    return out


def _more_violations() -> dict[str, Message]:
    """Bob's shifts overlap; New (a new hire) works without the mentor and below the contract; Em has
    no phone skill and works in unavailable time; Fay's early shift misses the stand-up."""
    bob = Agent(1, "Bob", frozenset({"phone"}), contract_hours=40)
    new = Agent(5, "New", frozenset({"phone"}), contract_hours=40, mentor_id=1, cleared_for_solo=False, min_hours=30)
    em = Agent(6, "Em", frozenset({"email"}), contract_hours=40, unavailable=((0, 50),))
    fay = Agent(7, "Fay", frozenset({"phone"}), contract_hours=40)
    shifts = [Shift(1, "Day", 20 * H, 8 * H), Shift(1, "Day", 21 * H, 8 * H), Shift(5, "Day", DAY_SLOTS + 9 * H, 8 * H),
              Shift(6, "Day", 0, 8 * H), Shift(7, "Day", 2 * DAY_SLOTS + 8 * H, 8 * H)]
    q = ed.rota_quality(replace(f.day_shift_problem([bob, new, em, fay]), rules=Rules(phone_skill=None)), shifts)
    out: dict[str, Message] = {}
    for v in q.violations:
        assert isinstance(v.message, Message), v.message
        out.setdefault(f"{v.rule}:{v.message.split(' ')[0]}", v.message)
    return out


ENGLISH = {
    "R-SCH-3:Bob:": "Bob: only 8 h rest between the shift at Mon 20:00-Tue 04:00 and the next at Tue 12:00-20:00 "
                    "(minimum 11 h).",
    "R-SCH-8:韩宇": "韩宇 has 0 of 60 min training scheduled this week.",
    "R-SCH-3:Cai": "Cai has no full day off this week.",
    "max-consecutive-days:Cai": "Cai works 7 days in a row (at most 5).",
    "contract:Cai": "Cai is rostered 56 h, above the contract's 40 h.",
    "breaks:Cai:": "Cai: lunch at Sun 18:00-18:30 lies outside the shift.",
    "availability:Dee's": "Dee's shift at Tue 09:00-17:00 falls in approved time off.",
    "coverage:phone:": "phone: short of the requirement in Mon 09:00-17:00, Tue 09:00-12:00, Wed 09:00-17:00, "
                       "Thu 09:00-17:00, Fri 09:00-17:00, Sat 09:00-17:00 and 1 more (30.4 % of the intervals).",
}
MORE_ENGLISH = {
    "R-SCH-9:New": "New (new hire) works Tue 09:00-17:00 without the mentor on shift.",
    "availability:Em's": "Em's shift at Mon 00:00-08:00 falls in unavailable time.",
    "overlap:Bob:": "Bob: shifts at Mon 20:00-Tue 04:00 and Mon 21:00-Tue 05:00 overlap.",
    "skills:Em": "Em has none of the skills needed this week (phone) and does not count for coverage.",
    "R-SCH-6:Fay's": "Fay's shift at Wed 08:00-16:00 misses the 08:30 stand-up.",
    "contract:New": "New is rostered 8 h, below the contract's 30 h.",
    "coverage:phone:": "phone: short of the requirement in Mon 09:00-17:00, Wed 16:00-17:00, Thu 09:00-17:00, "
                       "Fri 09:00-17:00, Sat 09:00-17:00, Sun 09:00-17:00 (24.4 % of the intervals).",
}
MORE_CHINESE = {
    "R-SCH-9:New": "New（新员工）在导师不在班时上班：周二 09:00–17:00。",
    "availability:Em's": "Em 在 周一 00:00–08:00 的班次处于不可排班时间。",
    "overlap:Bob:": "Bob：周一 20:00–周二 04:00 与 周一 21:00–周二 05:00 的班次重叠。",
    "skills:Em": "Em 不具备本周所需的任何技能（phone），不计入覆盖。",
    "R-SCH-6:Fay's": "Fay 在 周三 08:00–16:00 的班次错过了 08:30 站会。",
    "contract:New": "New 排班 8 小时，低于合同的 30 小时。",
    "coverage:phone:": "phone：需求人数不足的时段 周一 09:00–17:00，周三 16:00–17:00，周四 09:00–17:00，"
                       "周五 09:00–17:00，周六 09:00–17:00，周日 09:00–17:00（占 24.4 % 的时段）。",
}
CHINESE = {
    "R-SCH-3:Bob:": "Bob：周一 20:00–周二 04:00 的班次与下一个 周二 12:00–20:00 的班次之间只有 8 小时休息（最少 11 小时）。",
    "R-SCH-8:韩宇": "韩宇 本周已安排培训 0 分钟，应为 60 分钟。",
    "R-SCH-3:Cai": "Cai 本周没有完整的休息日。",
    "max-consecutive-days:Cai": "Cai 连续工作 7 天（最多 5 天）。",
    "contract:Cai": "Cai 排班 56 小时，超过合同的 40 小时。",
    "breaks:Cai:": "Cai：周日 18:00–18:30 的午餐在班次之外。",
    "availability:Dee's": "Dee 在 周二 09:00–17:00 的班次与已批准的休假冲突。",
    "coverage:phone:": "phone：需求人数不足的时段 周一 09:00–17:00，周二 09:00–12:00，周三 09:00–17:00，"
                       "周四 09:00–17:00，周五 09:00–17:00，周六 09:00–17:00 及另外 1 段（占 30.4 % 的时段）。",
}


def test_rule_sentences_read_as_the_same_english_in_the_cli_and_logs_R_SCH_3_R_SCH_6_R_SCH_8_R_SCH_9():
    found, more = _violations(), _more_violations()
    assert {k: str(found.get(k)) for k in ENGLISH} == ENGLISH
    assert {k: str(more.get(k)) for k in MORE_ENGLISH} == MORE_ENGLISH
    # the CLI prints the solver's violations as JSON, and the saved rota keeps them the same way
    assert json.loads(json.dumps([found["R-SCH-3:Bob:"]])) == [ENGLISH["R-SCH-3:Bob:"]]
    assert f"{found['R-SCH-8:韩宇']}" == ENGLISH["R-SCH-8:韩宇"]


def test_slot_ranges_say_what_range_label_says():
    for first in range(0, WEEK_SLOTS, 5):
        for last in range(first, first + WEEK_SLOTS + 40, 11):
            assert str(rq.slot_range(first, last)) == range_label(first, last)


def test_rule_sentences_stay_english_without_a_translation(qapp):
    found, more = _violations(), _more_violations()
    for key, english in ENGLISH.items():
        assert translated(found[key]) == english
        assert rule_message(found[key]) == english
    assert {k: rule_message(more[k]) for k in MORE_ENGLISH} == MORE_ENGLISH


def test_rule_sentences_in_chinese_through_message_text_R_SCH_3_R_SCH_6_R_SCH_8_R_SCH_9(chinese):
    found, more = _violations(), _more_violations()
    assert {k: translated(found[k]) for k in CHINESE} == CHINESE
    assert {k: translated(more[k]) for k in MORE_CHINESE} == MORE_CHINESE
    assert message_text(ValueError(found["R-SCH-3:Bob:"])) == CHINESE["R-SCH-3:Bob:"]
    assert rule_message(found["R-SCH-8:韩宇"]) == CHINESE["R-SCH-8:韩宇"]
    assert str(found["R-SCH-8:韩宇"]) == ENGLISH["R-SCH-8:韩宇"]  # the value itself stays English


def test_the_editors_violation_list_is_chinese(chinese, qtbot):
    from ui.schedule.rota_editor import QualityPanel

    bob = Agent(1, "Bob", frozenset({"phone"}), contract_hours=40)
    han = Agent(2, "韩宇", frozenset({"phone"}), contract_hours=40, training_min=60)
    q = ed.rota_quality(f.day_shift_problem([bob, han]), [Shift(1, "Day", 20 * H, 8 * H),
                                               Shift(1, "Day", DAY_SLOTS + 12 * H, 8 * H),
                                               Shift(2, "Day", 9 * H, 8 * H)])
    panel = QualityPanel()
    qtbot.addWidget(panel)
    panel.show_quality(q, WEEK)
    items = [panel.violations.item(i).text() for i in range(panel.violations.count())]
    assert f"R-SCH-3: {CHINESE['R-SCH-3:Bob:']}" in items
    assert f"R-SCH-8: {CHINESE['R-SCH-8:韩宇']}" in items
    assert not [t for t in items if "rest between" in t or "training scheduled" in t]


# --------------------------------------------------------------------------- the solver's own notes
# app.rota.engine's notes and explanations (prepare, assign_tours, shadow_mentees, place_training,
# explain_shortfall) and app.rota.quality.week_goal_violations are Messages too: the same English as the f-strings
# they replaced, and Chinese in the rota editor.

def _engine_problem(agents, cells) -> RotaProblem:
    """One 8 h template starting at 09:00; ``cells`` are (day, from hour, to hour, agents) of "phone"."""
    need = [0] * WEEK_SLOTS
    for d, first, last, n in cells:
        for i in range(first * H, last * H):
            need[d * DAY_SLOTS + i] = n
    return RotaProblem(WEEK, tuple(agents), (ShiftTemplate("Day", 8 * 60, 9 * 60, 9 * 60),),
                       (Requirement("phone", tuple(need), (4.0,) * WEEK_SLOTS, (180.0,) * WEEK_SLOTS),),
                       Rules(phone_skill=None, standup=None))


# every day 09-17 one agent, Monday 20-21 (nobody can start then) and Tuesday 09-12 two agents
_CELLS = [(d, 9, 17, 1) for d in range(7)] + [(0, 20, 21, 1), (1, 9, 12, 2)]


def _engine_notes() -> list[Violation]:
    """Ann can work; Ben has no skills; Cy only email; Dot's mentor is not on the rota; Eve's 60 h do
    not fit an 8 h template five days a week; Fox's mentor (Ann) has no shifts; no shift is rostered,
    so the week's service level is low and every interval is short."""
    agents = [Agent(1, "Ann", frozenset({"phone"}), contract_hours=40, min_hours=40),
              Agent(2, "Ben", frozenset(), contract_hours=40),
              Agent(3, "Cy", frozenset({"email"}), contract_hours=40),
              Agent(4, "Dot", frozenset({"phone"}), contract_hours=40, mentor_id=99, cleared_for_solo=False),
              Agent(5, "Eve", frozenset({"phone"}), contract_hours=60, min_hours=60),
              Agent(6, "Fox", frozenset({"phone"}), contract_hours=40, mentor_id=1, cleared_for_solo=False)]
    problem = _engine_problem(agents, _CELLS)
    prep = eng.prepare(problem)
    cov = rq.coverage(problem, [])
    notes = [*prep.notes, *eng.explain_shortfall(prep, cov)]
    eng.shadow_mentees(prep, [], notes)
    goal = replace(problem, rules=replace(problem.rules, weekly_service_level=0.9))
    notes += rq.week_goal_violations(goal, [replace(cov[0], weekly_service_level=0.81234)])
    # nobody at all can take the phones: 7 agents round the clock, no "more full-time agents" guess
    empty = _engine_problem([agents[1]], [(d, 0, 24, 7) for d in range(7)])
    notes += eng.explain_shortfall(eng.prepare(empty), rq.coverage(empty, []))
    # R-SCH-8: Ann's training on Monday takes the one agent needed; Tuesday's shift is all meeting
    ann = Agent(1, "Ann", frozenset({"phone"}), contract_hours=40, training_min=60)
    trained = _engine_problem([ann], _CELLS)
    shifts = [Shift(1, "Day", 9 * H, 8 * H),
              Shift(1, "Day", DAY_SLOTS + 9 * H, 8 * H, (Activity("meeting", DAY_SLOTS + 9 * H, 8 * H),))]
    notes += eng.place_training(eng.prepare(trained), shifts)[1]
    notes += eng.place_training(eng.prepare(trained), shifts[1:])[1]
    # Gil is off on Monday and the only tour left works Monday (days off Wednesday and Thursday)
    gil = Agent(7, "Gil", frozenset({"phone"}), contract_hours=40, time_off=((0, DAY_SLOTS),))
    prep = eng.prepare(_engine_problem([gil], _CELLS))
    notes += eng.assign_tours(prep, {(0, 0, 2, 9 * H): 1})[2]
    return notes


ENGINE_ENGLISH = [
    ("skills", "Ben has no skills and was not scheduled."),
    ("skills", "Cy has none of the skills this week's requirement asks for and was not scheduled."),
    ("R-SCH-9", "Dot is a new hire whose mentor is not on this rota; not scheduled."),
    ("contract", "Eve: no shift template fits the contract (60-60 h a week, 2 days off) and the availability; "
                 "not scheduled."),
    ("R-SCH-1", "The week needs 60 agent-hours on the phones over all queues; this rota's agents can give at most "
                "40 (contracts, days off, breaks); about 1 more full-time agents."),
    ("R-SCH-1", "phone: no agent with this skill can work Mon 20:00-21:00 (time off, availability, shift start "
                "windows)."),
    ("R-SCH-1", "phone: fewer agents with this skill can work than required in Tue 09:00-12:00."),
    ("R-SCH-1", "phone: short of the requirement in Mon 09:00-17:00, Tue 12:00-17:00, Wed 09:00-17:00, "
                "Thu 09:00-17:00, Fri 09:00-17:00, Sat 09:00-17:00 and 1 more: the agents' contracts and the rules "
                "(2 days off together, one start time, 11 h rest, R-SCH-3) do not stretch that far."),
    ("R-SCH-9", "Fox is a new hire and the mentor has no shifts this week; not scheduled."),
    ("R-SCH-1", "phone: the week's expected service level is 81.2 %, below the goal of 90 %."),
    ("R-SCH-1", "The week needs 1,176 agent-hours on the phones over all queues; this rota's agents can give at most "
                "0 (contracts, days off, breaks)."),
    ("R-SCH-1", "phone: no agent with this skill can work Mon 00:00-Sun 24:00 (time off, availability, shift start "
                "windows)."),
    ("R-SCH-8", "Ann's training Mon 09:30-10:30 takes an agent the requirement needs."),
    ("R-SCH-8", "Ann: no room for 60 min of training in this week's shifts."),
    ("availability", "No agent free of time off was left for the tour starting 09:00 with days off from Wed; "
                     "it stays empty."),
]
ENGINE_CHINESE = [
    "Ben 没有任何技能，未排班。",
    "Cy 不具备本周需求所要求的任何技能，未排班。",
    "Dot 是新员工，其导师不在本排班中；未排班。",
    "Eve：没有班次模板符合合同（每周 60–60 小时，休息 2 天）和可排班时间；未排班。",
    "本周所有队列共需 60 坐席小时在线接听；本排班的坐席最多只能提供 40 小时（受合同、休息日、休息时间限制）；约还需 1 名全职坐席。",
    "phone：周一 20:00–21:00 没有具备该技能的坐席能上班（休假、可排班时间、班次开始时间窗口）。",
    "phone：在 周二 09:00–12:00，具备该技能且能上班的坐席少于需求人数。",
    "phone：需求人数不足的时段 周一 09:00–17:00，周二 12:00–17:00，周三 09:00–17:00，周四 09:00–17:00，"
    "周五 09:00–17:00，周六 09:00–17:00 及另外 1 段：坐席的合同与规则（2 个休息日连在一起、固定开始时间、"
    "11 小时休息间隔，R-SCH-3）无法覆盖到这些时段。",
    "Fox 是新员工，其导师本周没有班次；未排班。",
    "phone：本周预计服务水平为 81.2 %，低于目标 90 %。",
    "本周所有队列共需 1,176 坐席小时在线接听；本排班的坐席最多只能提供 0 小时（受合同、休息日、休息时间限制）。",
    "phone：周一 00:00–周日 24:00 没有具备该技能的坐席能上班（休假、可排班时间、班次开始时间窗口）。",
    "Ann 在 周一 09:30–10:30 的培训占用了需求所需的坐席。",
    "Ann：本周班次中没有空档安排 60 分钟的培训。",
    "已没有不在休假中的坐席可排 09:00 开始、休息日从周三起的周班次；该班次空缺。",
]


def test_solver_notes_read_as_the_same_english_R_SCH_1_R_SCH_8_R_SCH_9():
    notes = _engine_notes()
    assert [(v.rule, str(v.message)) for v in notes] == ENGINE_ENGLISH
    assert all(isinstance(v.message, Message) for v in notes)
    # the CLI's JSON and the saved solver stats read them as plain strings
    assert json.loads(json.dumps([v.message for v in notes])) == [text for _rule, text in ENGINE_ENGLISH]
    # the agent and queue names are values, never part of a template
    assert not [v for v in notes if any(name in v.message.template for name in ("Ben", "Ann", "Gil", "phone:"))]


def test_solver_notes_list_at_most_six_ranges_and_say_how_many_more():
    assert str(eng._list([(0, 3)])) == "Mon 00:00-01:00"
    six = [(d * DAY_SLOTS, d * DAY_SLOTS + 3) for d in range(6)]
    assert str(eng._list(six)) == ", ".join(range_label(a, b) for a, b in six)
    sun = 6 * DAY_SLOTS
    nine = [*six, (sun, sun + 3), (sun + 8, sun + 9), (sun + 20, sun + 20)]
    assert str(eng._list(nine)) == ", ".join(range_label(a, b) for a, b in six) + " and 3 more"
    assert eng._list([]) == ""


def test_solver_notes_stay_english_without_a_translation(qapp):
    notes = _engine_notes()
    assert [rule_message(v.message) for v in notes] == [text for _rule, text in ENGINE_ENGLISH]


def test_solver_notes_in_chinese_R_SCH_1_R_SCH_8_R_SCH_9(chinese):
    notes = _engine_notes()
    assert [translated(v.message) for v in notes] == ENGINE_CHINESE
    assert [rule_message(v.message) for v in notes] == ENGINE_CHINESE
    assert message_text(ValueError(notes[0].message)) == ENGINE_CHINESE[0]
    assert str(notes[4].message) == ENGINE_ENGLISH[4][1]  # the value itself stays English


def test_every_optimiser_progress_message_is_shown_in_chinese(chinese):
    """Each progress text the optimiser and the re-plan report (say(...) / progress(...) with a
    literal in app/rota) is in the editor's list of engine messages and has a Chinese translation;
    an unlisted one would show in English in a Chinese progress dialog."""
    import re
    from pathlib import Path

    from ui.schedule.rota_editor import ENGINE_MESSAGES, engine_text

    root = Path(__file__).resolve().parent.parent / "app" / "rota"
    said = set()
    for path in root.glob("*.py"):
        said |= set(re.findall(r'\b(?:say|progress)\([^,()]+, "([^"]+)"\)', path.read_text(encoding="utf-8")))
    assert {"Choosing whole tours", "Re-planning the rest of the day"} <= said  # the pattern finds them
    assert said - set(ENGINE_MESSAGES) == set()
    for message in said:
        shown = engine_text(message)
        assert shown != message and re.search(r"[\u4e00-\u9fff]", shown), message
    assert re.search(r"[\u4e00-\u9fff]", engine_text("Lower bound, round 2: 14 better start times"))
