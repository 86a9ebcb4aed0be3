"""Automatic checks on a conversation transcript (pure: no database, no clock).

Each check is tied to a rule and says which message decided it (``message_seq``):

=================  ==========  =============================================================
check              rule        passes when
=================  ==========  =============================================================
first_reply        R-RESP-1    the first agent reply comes within 30 s of the customer's first
                               message (bots do not count; no agent reply at all fails; n/a
                               when the agent wrote first: not an inquiry)
reply_time         R-RESP-2    every customer message is answered by an agent within 60 s
                               (the clock runs from the first unanswered customer message)
greeting           R-QA-3      the agent's first message uses a standard greeting pattern
closing            R-QA-3      the agent's last messages hold a summary and a confirmation
                               question ("还有其他问题吗", "anything else")
polite             R-QA-3      no agent message in Chinese addresses the customer as 你
                               (the polite form is 您); not applicable without Chinese
forbidden          R-QA-3      no agent message holds a forbidden word or phrase
transfer           R-SLA-2     once the agent says they will transfer the customer, a transfer
                               (a system message) follows within 2 min; n/a without a promise
rating_request     R-QA-4      the agent or bot asks for a rating near the end
=================  ==========  =============================================================

Matching: Chinese phrases are plain substrings (Chinese has no spaces, and the phrases are
whole words in themselves); Latin phrases match case-insensitively on word boundaries. Each
language's patterns are configurable (a rule set); all languages are tried, so a mixed-language
conversation is judged on what it says. Messages are taken in time order; bots and the system
never count as the agent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.i18n import N_

ALGORITHM_VERSION = "autoqa/1"
SENDERS = ("agent", "customer", "bot", "system", "unknown")
SCAN_CHARS = 20_000  # longer messages are judged on their first 20,000 characters
CJK = re.compile(r"[\u3400-\u9fff]")

CHECKS: tuple[tuple[str, str], ...] = (
    ("first_reply", "R-RESP-1"), ("reply_time", "R-RESP-2"), ("greeting", "R-QA-3"), ("closing", "R-QA-3"),
    ("polite", "R-QA-3"), ("forbidden", "R-QA-3"), ("transfer", "R-SLA-2"), ("rating_request", "R-QA-4"),
)
RULE_OF = dict(CHECKS)

DEFAULT_CONFIG: dict[str, Any] = {
    "first_reply_sec": 30,
    "reply_sec": 60,
    "transfer_sec": 120,
    "closing_window": 3,  # the last N agent messages are searched for the summary and the question
    "greeting": {
        "zh": [r"(您好|你好).{0,20}(我是|这里是|很高兴为您服务)"],
        "en": [r"\b(hello|hi|good (morning|afternoon|evening))\b.{0,80}\b(my name is|this is|i am|i'm)\b"],
    },
    "closing_summary": {
        "zh": ["总结一下", "已为您", "已经为您", "为您处理", "帮您处理", "处理好了"],
        "en": ["to summarize", "to sum up", "i have", "i've", "has been"],
    },
    "closing_question": {
        "zh": ["还有其他", "还有什么", "其他问题", "其他需要"],
        "en": ["anything else", "any other question", "anything more"],
    },
    "informal_address": {"zh": ["你"]},
    "forbidden": {
        "zh": ["不知道", "不归我管", "你自己看", "没办法", "爱买不买", "投诉也没用", "烦死了"],
        "en": ["not my problem", "calm down", "whatever", "you should have", "that's your fault"],
    },
    "transfer_promise": {
        "zh": ["为您转接", "帮您转接", "转接到", "转给专员", "转到专业"],
        "en": ["transfer you", "transferring you", "connect you with a specialist", "put you through"],
    },
    "transfer_event": {"zh": ["已转接", "转接至"], "en": ["transferred to", "transfer to"]},
    "rating_request": {
        "zh": ["评价", "满意度", "打分", "评分"],
        "en": ["rate", "rating", "survey", "feedback"],
    },
}


@dataclass(frozen=True)
class Message:
    seq: int
    at: datetime
    sender: str
    text: str


@dataclass(frozen=True)
class CheckResult:
    check: str
    rule_id: str
    passed: bool | None  # None: not applicable
    message_seq: int | None
    detail: str


class Phrases:
    """Compiled patterns of one kind: plain phrases (CJK substrings, Latin word matches) or regexes."""

    def __init__(self, by_language: dict[str, list[str]], *, regex: bool = False) -> None:
        self.substrings: list[str] = []
        patterns: list[str] = []
        for phrases in by_language.values():
            for p in phrases:
                if not p:
                    continue
                if regex:
                    patterns.append(p)
                elif CJK.search(p):
                    self.substrings.append(p)
                else:
                    patterns.append(r"(?<!\w)" + re.escape(p.lower()) + r"(?!\w)")
        self.regex = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.DOTALL) if patterns \
            else None

    def find(self, text: str) -> str | None:
        """The first phrase found in ``text`` (None: none)."""
        text = text[:SCAN_CHARS]
        for s in self.substrings:
            if s in text:
                return s
        if self.regex is not None:
            m = self.regex.search(text)
            if m:
                return m.group(0)
        return None


class Checker:
    """The checks of one rule set, compiled once and applied to many conversations."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        c = {**DEFAULT_CONFIG, **(config or {})}
        self.config = c
        self.first_reply_sec = float(c["first_reply_sec"])
        self.reply_sec = float(c["reply_sec"])
        self.transfer_sec = float(c["transfer_sec"])
        self.closing_window = int(c["closing_window"])
        self.greeting = Phrases(c["greeting"], regex=True)
        self.summary = Phrases(c["closing_summary"])
        self.question = Phrases(c["closing_question"])
        self.informal = [p for ps in c["informal_address"].values() for p in ps]
        self.forbidden = Phrases(c["forbidden"])
        self.promise = Phrases(c["transfer_promise"])
        self.transfer_event = Phrases(c["transfer_event"])
        self.rating = Phrases(c["rating_request"])

    def check(self, messages: Sequence[Message]) -> list[CheckResult]:
        msgs = sorted(messages, key=lambda m: (m.at, m.seq))
        agent = [m for m in msgs if m.sender == "agent"]
        out = [self._first_reply(msgs, agent), self._reply_time(msgs), self._greeting(agent),
               self._closing(agent), self._polite(agent), self._forbidden(agent), self._transfer(msgs),
               self._rating(msgs, agent)]
        return out

    # --- the checks --------------------------------------------------------------------------------------
    def _first_reply(self, msgs: Sequence[Message], agent: Sequence[Message]) -> CheckResult:
        opener = next((m for m in msgs if m.sender in ("agent", "customer")), None)
        if opener is not None and opener.sender == "agent":
            return _r("first_reply", None, opener.seq, N_("outbound: the agent wrote first"))
        first_customer = next((m for m in msgs if m.sender == "customer"), None)
        if first_customer is None:
            return _r("first_reply", None, None, N_("no customer message (outbound or empty conversation)"))
        reply = next((m for m in agent if (m.at, m.seq) >= (first_customer.at, first_customer.seq)), None)
        if reply is None:
            return _r("first_reply", False, first_customer.seq, N_("no agent ever replied"))
        wait = (reply.at - first_customer.at).total_seconds()
        return _r("first_reply", wait <= self.first_reply_sec, reply.seq,
                  N_("first reply after {wait} s (limit {limit} s)").format(
                      wait=f"{wait:.0f}", limit=f"{self.first_reply_sec:g}"))

    def _reply_time(self, msgs: Sequence[Message]) -> CheckResult:
        waiting: Message | None = None
        worst: tuple[float, int] | None = None
        answered = 0
        for m in msgs:
            if m.sender == "customer":
                if waiting is None:
                    waiting = m
            elif m.sender == "agent" and waiting is not None:
                gap = (m.at - waiting.at).total_seconds()
                answered += 1
                if worst is None or gap > worst[0]:
                    worst = (gap, waiting.seq)
                waiting = None
        if worst is None:
            return _r("reply_time", None if waiting is None else False, None if waiting is None else waiting.seq,
                      N_("no agent reply to a customer message") if waiting is not None else N_("nothing to answer"))
        gap, seq = worst
        return _r("reply_time", gap <= self.reply_sec, seq,
                  N_("longest wait for an agent reply {gap} s over {n} replies (limit {limit} s)").format(
                      gap=f"{gap:.0f}", n=answered, limit=f"{self.reply_sec:g}"))

    def _greeting(self, agent: Sequence[Message]) -> CheckResult:
        if not agent:
            return _r("greeting", None, None, N_("no agent message"))
        first = agent[0]
        found = self.greeting.find(first.text)
        return _r("greeting", found is not None, first.seq,
                  N_("greeting: {phrase}").format(phrase=found) if found
                  else N_("the first agent message has no standard greeting"))

    def _closing(self, agent: Sequence[Message]) -> CheckResult:
        if not agent:
            return _r("closing", None, None, N_("no agent message"))
        tail = agent[-self.closing_window:]
        summary = next(((m, p) for m in tail if (p := self.summary.find(m.text))), None)
        question = next(((m, p) for m in tail if (p := self.question.find(m.text))), None)
        if summary and question:
            return _r("closing", True, question[0].seq, N_("summary “{summary}”, confirmation “{question}”").format(
                summary=summary[1], question=question[1]))
        missing = (N_("no summary and confirmation question in the last agent messages") if not summary and not question
                   else N_("no summary in the last agent messages") if not summary
                   else N_("no confirmation question in the last agent messages"))
        return _r("closing", False, tail[-1].seq, missing)

    def _polite(self, agent: Sequence[Message]) -> CheckResult:
        chinese = [m for m in agent if CJK.search(m.text[:SCAN_CHARS])]
        if not chinese:
            return _r("polite", None, None, N_("no agent message in Chinese"))
        for m in chinese:
            text = m.text[:SCAN_CHARS]
            for word in self.informal:
                if word in text:
                    return _r("polite", False, m.seq, N_("informal address “{word}” (use 您)").format(word=word))
        return _r("polite", True, None, N_("polite address throughout"))

    def _forbidden(self, agent: Sequence[Message]) -> CheckResult:
        if not agent:
            return _r("forbidden", None, None, N_("no agent message"))
        for m in agent:
            found = self.forbidden.find(m.text)
            if found:
                return _r("forbidden", False, m.seq, N_("forbidden phrase “{phrase}”").format(phrase=found))
        return _r("forbidden", True, None, N_("no forbidden phrase"))

    def _transfer(self, msgs: Sequence[Message]) -> CheckResult:
        promise = next((m for m in msgs if m.sender == "agent" and self.promise.find(m.text)), None)
        if promise is None:
            return _r("transfer", None, None, N_("no transfer announced"))
        done = next((m for m in msgs if m.sender == "system" and (m.at, m.seq) >= (promise.at, promise.seq)
                     and self.transfer_event.find(m.text)), None)
        if done is None:
            return _r("transfer", False, promise.seq, N_("transfer announced but never made"))
        delay = (done.at - promise.at).total_seconds()
        return _r("transfer", delay <= self.transfer_sec, done.seq,
                  N_("transferred {delay} s after it was announced (limit {limit} s)").format(
                      delay=f"{delay:.0f}", limit=f"{self.transfer_sec:g}"))

    def _rating(self, msgs: Sequence[Message], agent: Sequence[Message]) -> CheckResult:
        if not agent:
            return _r("rating_request", None, None, N_("no agent message"))
        tail = [m for m in msgs if m.sender in ("agent", "bot")][-self.closing_window:]
        for m in reversed(tail):
            found = self.rating.find(m.text)
            if found:
                return _r("rating_request", True, m.seq, N_("rating asked: “{phrase}”").format(phrase=found))
        return _r("rating_request", False, tail[-1].seq, N_("the customer was not asked for a rating"))


def _r(check: str, passed: bool | None, seq: int | None, detail: str) -> CheckResult:
    return CheckResult(check, RULE_OF[check], passed, seq, detail)


def normalise_sender(raw: object) -> str:
    """The sender role from common spellings; anything else is 'unknown' (kept, never the agent)."""
    text = str(raw or "").strip().lower()
    return {
        "agent": "agent", "staff": "agent", "operator": "agent", "service": "agent", "客服": "agent", "坐席": "agent",
        "customer": "customer", "client": "customer", "user": "customer", "visitor": "customer", "客户": "customer",
        "用户": "customer", "bot": "bot", "robot": "bot", "机器人": "bot", "system": "system", "系统": "system",
    }.get(text, "unknown")


# Every detail a check writes, as its N_() template: results are stored as English text, and the UI
# finds the template a stored detail was made from to show it translated.
DETAIL_TEMPLATES = (
    N_("outbound: the agent wrote first"), N_("no customer message (outbound or empty conversation)"),
    N_("no agent ever replied"), N_("first reply after {wait} s (limit {limit} s)"),
    N_("no agent reply to a customer message"), N_("nothing to answer"),
    N_("longest wait for an agent reply {gap} s over {n} replies (limit {limit} s)"), N_("no agent message"),
    N_("greeting: {phrase}"), N_("the first agent message has no standard greeting"),
    N_("summary “{summary}”, confirmation “{question}”"),
    N_("no summary and confirmation question in the last agent messages"),
    N_("no summary in the last agent messages"), N_("no confirmation question in the last agent messages"),
    N_("no agent message in Chinese"), N_("informal address “{word}” (use 您)"), N_("polite address throughout"),
    N_("forbidden phrase “{phrase}”"), N_("no forbidden phrase"), N_("no transfer announced"),
    N_("transfer announced but never made"), N_("transferred {delay} s after it was announced (limit {limit} s)"),
    N_("rating asked: “{phrase}”"), N_("the customer was not asked for a rating"),
)
