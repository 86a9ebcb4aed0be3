"""Believable chat transcripts for the demo's chat interactions, in Chinese and English.

Most agents greet properly, answer fast, summarise, ask whether anything else is needed and ask
for a rating; some conversations show the usual lapses (a slow first reply — taken from the
interaction's own wait —, a long gap, 你 instead of 您, a forbidden phrase, a transfer announced
and made late or never, no closing, no rating request). :func:`scenario_conversation` writes one
conversation for a given scenario, so tests can build conversations whose expected check results
are known from the scenario, independently of the checker.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from app.demo.writer import BulkWriter
from db.database import Database
from db.models import Interaction, Person, TranscriptMessage

TOPICS_ZH = [
    ("我的订单三天了还没发货", "订单号是多少？", "已为您催促仓库，今天内发出"),
    ("收到的商品有破损", "麻烦您发一张照片", "已为您登记换货，新商品两天内寄出"),
    ("想修改收货地址", "请提供新的地址", "已经为您修改好地址"),
    ("退款一直没到账", "请问是哪一笔订单？", "已为您查询，退款将在三个工作日内到账"),
    ("会员积分怎么用", "积分可以在结算时抵扣", "已为您说明积分规则"),
]
TOPICS_EN = [
    ("My order hasn't shipped after three days", "Could you share the order number?", "I have asked the warehouse to ship it today"),
    ("The item arrived damaged", "Could you send a photo of the damage?", "I have arranged a replacement, it ships in two days"),
    ("I need to change my delivery address", "What is the new address?", "I have updated the address on your order"),
    ("My refund hasn't arrived", "Which order is it for?", "I have checked: the refund reaches you within three working days"),
]


@dataclass
class Scenario:
    language: str = "zh"  # zh / en
    first_reply_sec: float = 10.0
    slow_gap: bool = False  # one agent reply after 70-150 s
    greeting: bool = True
    informal: bool = False  # zh: 你 instead of 您
    forbidden: bool = False
    transfer: str = "none"  # none / on_time / late / never
    closing: bool = True
    rating: bool = True
    no_agent: bool = False  # the customer gave up before anyone answered
    labels: dict[str, bool | None] = field(default_factory=dict)

    def expected(self, first_reply_limit: float = 30, reply_limit: float = 60) -> dict[str, bool | None]:
        """What each check should say about a conversation written for this scenario."""
        if self.no_agent:
            return {"first_reply": False, "reply_time": False, "greeting": None, "closing": None, "polite": None,
                    "forbidden": None, "transfer": None, "rating_request": None}
        return {
            "first_reply": self.first_reply_sec <= first_reply_limit,
            "reply_time": self.first_reply_sec <= reply_limit and not self.slow_gap,
            "greeting": self.greeting,
            "closing": self.closing,
            "polite": (not self.informal) if self.language == "zh" else None,
            "forbidden": not self.forbidden,
            "transfer": {"none": None, "on_time": True, "late": False, "never": False}[self.transfer],
            "rating_request": self.rating,
        }


def random_scenario(rnd: random.Random, wait_sec: float) -> Scenario:
    s = Scenario(language="zh" if rnd.random() < 0.7 else "en", first_reply_sec=max(2.0, float(wait_sec)))
    s.slow_gap = rnd.random() < 0.08
    s.greeting = rnd.random() < 0.9
    s.informal = s.language == "zh" and rnd.random() < 0.06
    s.forbidden = rnd.random() < 0.03
    r = rnd.random()
    s.transfer = "on_time" if r < 0.06 else "late" if r < 0.08 else "never" if r < 0.09 else "none"
    s.closing = rnd.random() < 0.85
    s.rating = rnd.random() < 0.8
    return s


def scenario_conversation(rnd: random.Random, start: datetime, s: Scenario, agent_name: str = "小李",
                          topics: list[tuple[str, str, str]] | None = None) -> list[tuple[datetime, str, str]]:
    """(time, sender, text) messages acting out scenario ``s`` (on one of ``topics`` if given)."""
    zh = s.language == "zh"
    topic = rnd.choice(topics or (TOPICS_ZH if zh else TOPICS_EN))
    t = start
    out: list[tuple[datetime, str, str]] = []

    def say(sender: str, text: str, after: float) -> None:
        nonlocal t
        t = t + timedelta(seconds=after)
        out.append((t, sender, text))

    say("customer", ("在吗？" if zh else "Hi, ") + topic[0], 0)
    if s.no_agent:
        say("customer", "有人吗？" if zh else "Anyone there?", rnd.uniform(40, 90))
        return out
    you = "你" if s.informal else "您"
    if s.greeting:
        first = (f"{you}好，我是{agent_name}客服，很高兴为{you}服务。" if zh
                 else f"Hello, my name is {agent_name}, thanks for contacting us.")
    else:
        first = "收到。" if zh else "OK."
    say("agent", first + " " + topic[1] if not zh else first + topic[1], s.first_reply_sec)
    say("customer", "好的，订单号是 20261105-8841" if zh else "Sure, it's order 20261105-8841", rnd.uniform(8, 40))
    gap = rnd.uniform(70, 150) if s.slow_gap else rnd.uniform(5, 45)
    if s.forbidden:
        say("agent", "这个我也不知道，系统就是这样。" if zh else "Calm down, the system is just like that.", gap)
        say("customer", "这是什么态度？" if zh else "Excuse me?", rnd.uniform(5, 20))
        gap = rnd.uniform(5, 40)
    if s.transfer != "none":
        say("agent", f"这个问题需要专员处理，我现在为{you}转接。" if zh else "This needs a specialist, I'll transfer you now.",
            gap)
        delay = {"on_time": rnd.uniform(10, 100), "late": rnd.uniform(150, 400), "never": None}[s.transfer]
        if delay is not None:
            say("system", "会话已转接至专员组" if zh else "Conversation transferred to the specialist team", delay)
            say("agent", f"{you}好，我是专员，已经为{you}处理。" if zh else "Hello, specialist here. I have sorted it out.",
                rnd.uniform(5, 30))
        gap = rnd.uniform(5, 40)
    else:
        say("agent", (topic[2] + "。") if zh else topic[2] + ".", gap)
        gap = rnd.uniform(5, 40)
    if s.closing:
        say("agent", f"总结一下：{topic[2]}。请问还有其他问题吗？" if zh
            else f"To sum up: {topic[2].lower()}. Is there anything else I can help with?", gap)
        say("customer", "没有了，谢谢" if zh else "No, thanks", rnd.uniform(5, 30))
        gap = rnd.uniform(3, 20)
    if s.rating:
        say("agent", f"感谢{you}的耐心，请为本次服务评价。" if zh else "Thank you! Please rate this chat when it closes.", gap)
    else:
        say("agent", "再见。" if zh else "Bye.", gap)
    return out


def add_demo_transcripts(db: Database, seed: int, lang: str = "en") -> int:
    """A transcript for every answered chat interaction of the demo; returns the messages written.

    ``lang="zh_CN"``: every conversation in Chinese; those the English demo writes in English take
    as many draws as there (the same number of messages, times and scenarios)."""
    rnd = random.Random(seed * 7919 + 11)
    with db.session() as s:
        names = dict(s.execute(select(Person.id, Person.full_name)).all())
        chats = s.execute(select(Interaction.id, Interaction.agent_id, Interaction.offered_at, Interaction.wait_sec,
                                 Interaction.answered_at)
                          .where(Interaction.channel == "chat").order_by(Interaction.id)).all()
        cols: dict[str, list] = {k: [] for k in ("interaction_id", "seq", "sent_at", "sender", "text")}
        for iid, agent_id, offered, wait, answered in chats:
            scenario = random_scenario(rnd, wait or 5.0)
            scenario.no_agent = answered is None
            name = (names.get(agent_id) or "小李").split(" ")[0] if scenario.language == "en" else "小李"
            topics = None
            if lang == "zh_CN" and scenario.language == "en":
                scenario.language, name, topics = "zh", "小李", TOPICS_ZH[:len(TOPICS_EN)]
            for seq, (at, sender, text) in enumerate(scenario_conversation(rnd, offered, scenario, name, topics),
                                                     start=1):
                cols["interaction_id"].append(iid)
                cols["seq"].append(seq)
                cols["sent_at"].append(at)
                cols["sender"].append(sender)
                cols["text"].append(text)
        from app.demo.timeline import db_time

        cols["sent_at"] = [db_time(t.timestamp()) for t in cols["sent_at"]]
        BulkWriter(s).columns(TranscriptMessage.__table__, cols)
    return len(cols["seq"])
