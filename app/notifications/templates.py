"""Message templates per notification kind and language (en, zh_CN), and the masking guard.

A template names the params it renders (``fields``); nothing else from ``params`` ever reaches a
message, so a feature that puts more into params cannot leak it to an IM group by accident. On
top of that :func:`check_params` refuses, at post time, any value that looks like unmasked
customer data (a phone number, an e-mail address, an ID-card number, or an unmasked value under
a customer key). Features add their kinds here: one ``Template`` entry each, both languages.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("en", "zh_CN")
SEVERITIES = ("info", "warning", "critical")
MAX_FIELD_CHARS = 200


@dataclass(frozen=True)
class Template:
    fields: tuple[str, ...]
    en: tuple[str, str]  # (title, body)
    zh_CN: tuple[str, str]

    def text(self, language: str) -> tuple[str, str]:
        return self.zh_CN if language.startswith("zh") else self.en


TEMPLATES: dict[str, Template] = {
    "sla.warning": Template(
        ("ref", "clock", "deadline", "minutes_left", "owner", "team"),
        ("SLA warning: {ref}", "The {clock} clock of {ref} runs out at {deadline} "
                               "({minutes_left} min left). Owner: {owner}, team: {team}."),
        ("SLA 预警：{ref}", "{ref} 的「{clock}」时限将于 {deadline} 到期（剩余 {minutes_left} 分钟）。"
                          "负责人：{owner}，班组：{team}。"),
    ),
    "sla.breach": Template(
        ("ref", "clock", "deadline", "owner", "team"),
        ("SLA breached: {ref}", "The {clock} clock of {ref} ran out at {deadline}. "
                                "Owner: {owner}, team: {team}."),
        ("SLA 超时：{ref}", "{ref} 的「{clock}」时限已于 {deadline} 超时。负责人：{owner}，班组：{team}。"),
    ),
    "sla.escalation": Template(
        ("ref", "clock", "deadline", "step", "owner", "team", "category", "priority"),
        ("Escalated to level {step}: {ref}",
         "{ref} ({priority}, {category}) breached its {clock} clock at {deadline} and is escalated "
         "to level {step}. Owner: {owner}, team: {team}."),
        ("升级至第 {step} 级：{ref}",
         "{ref}（{priority}，{category}）的「{clock}」时限已于 {deadline} 超时，升级至第 {step} 级。"
         "负责人：{owner}，班组：{team}。"),
    ),
    "qa.draw": Template(
        ("week", "count", "due"),
        ("QA sample of {week}: {count} to review", "You have {count} recorded interactions of {week} to review "
                                                   "by {due}."),
        ("{week} 质检抽样：待评 {count} 条", "您有 {count} 条 {week} 的录音待质检，请于 {due} 前完成。"),
    ),
    "qa.shortfall": Template(
        ("week", "agents", "quota"),
        ("QA draw of {week}: {agents} agents under quota", "{agents} agents had fewer than {quota} eligible "
                                                           "recorded interactions in {week}; see the draw's reasons."),
        ("{week} 质检抽样：{agents} 名坐席不足配额", "{week} 有 {agents} 名坐席的可抽录音少于 {quota} 条，"
                                                "原因见抽样记录。"),
    ),
    "qa.dispute": Template(
        ("agent", "question", "deadline"),
        ("QA dispute to decide: {agent}", "{agent} disputes '{question}' of a QA review; decide by {deadline} "
                                          "(not the reviewer)."),
        ("待裁决的质检申诉：{agent}", "{agent} 对质检评分「{question}」提出申诉，请于 {deadline} 前裁决（评分人回避）。"),
    ),
    "live.alert": Template(
        ("alert", "queue", "value", "threshold", "since"),
        ("Live alert: {alert}", "{queue}: {alert} — {value} (threshold {threshold}) since {since}."),
        ("实时告警：{alert}", "{queue}：{alert} —— 当前 {value}（阈值 {threshold}），自 {since} 起。"),
    ),
    "live.backup": Template(
        ("online", "threshold", "agents", "since"),
        ("Call in the backup team: {online} customers online",
         "{online} customers are online at once (threshold {threshold}, R-SCH-4) since {since}. "
         "Backup agents to call in: {agents}."),
        ("请启用后备团队：在线客户 {online} 位",
         "自 {since} 起同时在线客户达 {online} 位（阈值 {threshold}，R-SCH-4）。可调用的后备坐席：{agents}。"),
    ),
    "job.failed": Template(
        ("job", "slot", "error"),
        ("Background job failed: {job}", "The job {job} failed for {slot}: {error}"),
        ("后台任务失败：{job}", "任务 {job}（{slot}）失败：{error}"),
    ),
    "review.pack_ready": Template(
        ("period", "title"),
        ("Review pack ready: {period}", "The {title} for {period} is ready in Reports."),
        ("复盘材料已生成：{period}", "{period} 的「{title}」已生成，请在报表中查看。"),
    ),
    "notify.test": Template(
        ("channel", "sent_by"),
        ("Floorwalker test message", "This is a test message for the channel {channel}, sent by {sent_by}."),
        ("Floorwalker 测试消息", "这是发往渠道「{channel}」的测试消息，发送人：{sent_by}。"),
    ),
}

_GENERIC = Template((), ("Notification: {kind}", "A {kind} notification."),
                    ("通知：{kind}", "一条 {kind} 通知。"))

ENTITY_NAMES = {
    "complaint": ("Complaint", "投诉"),
    "interaction": ("Interaction", "通话"),
    "job": ("Job", "任务"),
    "review": ("Review", "复盘"),
    "queue": ("Queue", "队列"),
}


@dataclass(frozen=True)
class Rendered:
    title: str
    body: str
    link: str | None  # floorwalker://open/complaint/42: opens the item in the console
    link_text: str | None  # "Complaint #42"

    def full_text(self) -> str:
        if self.link_text:
            return f"{self.body}\n{self.link_text}: {self.link}"
        return self.body


class UnmaskedData(ValueError):
    """A notification's params carry what looks like unmasked customer data."""


# A mainland mobile (with optional separators), a long digit run (landline with area code, bank
# card), an 18-character ID-card number, an e-mail address whose local part is not masked.
_PHONE = re.compile(r"(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)")
_LONG_DIGITS = re.compile(r"\d{11,}")
_ID_CARD = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_EMAIL = re.compile(r"([A-Za-z0-9._%+-]+)@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_CUSTOMER_KEYS = ("customer", "phone", "mobile", "email", "caller")


def check_params(params: Mapping[str, Any]) -> None:
    """Raise :class:`UnmaskedData` naming the param if any value looks like customer data."""
    for key, value in _walk(params):
        text = str(value)
        why = _unmasked_reason(key, text)
        if why:
            raise UnmaskedData(f"The notification parameter '{key}' looks like {why}; "
                               f"pass the masked form (e.g. 138****6925, Zhang *).")


def _unmasked_reason(key: str, text: str) -> str | None:
    if _PHONE.search(text) or _LONG_DIGITS.search(text):
        return "an unmasked phone or card number"
    if _ID_CARD.search(text):
        return "an unmasked ID-card number"
    for m in _EMAIL.finditer(text):
        if "*" not in m.group(1):
            return "an unmasked e-mail address"
    lowered = key.lower()
    if any(word in lowered for word in _CUSTOMER_KEYS) and text.strip() and "*" not in text:
        return "unmasked customer data (customer fields must be masked)"
    return None


def _walk(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, Mapping):
        out: list[tuple[str, Any]] = []
        for k, v in value.items():
            out.extend(_walk(v, f"{prefix}.{k}" if prefix else str(k)))
        return out
    if isinstance(value, list | tuple):
        out = []
        for i, v in enumerate(value):
            out.extend(_walk(v, f"{prefix}[{i}]"))
        return out
    if value is None or isinstance(value, bool | int | float):
        return []
    return [(prefix, value)]


class _Whitelisted(dict):
    """Only the template's fields; anything missing renders as a dash, never as a KeyError."""

    def __missing__(self, key: str) -> str:
        return "-"


_FORMATTER = string.Formatter()


def _fill(text: str, values: Mapping[str, str]) -> str:
    out = []
    for literal, field, spec, conv in _FORMATTER.parse(text):
        out.append(literal)
        if field is None:
            continue
        value = values[field]
        if conv or spec:
            try:
                value = _FORMATTER.format_field(_FORMATTER.convert_field(value, conv), spec or "")
            except (ValueError, TypeError):
                pass
        out.append(str(value))
    return "".join(out)


def known_kinds() -> list[str]:
    return sorted(TEMPLATES)


def render(kind: str, params: Mapping[str, Any], language: str = "en",
           entity: tuple[str, object] | None = None) -> Rendered:
    """Title and body of a notification in ``language``; only the template's fields are used."""
    template = TEMPLATES.get(kind, _GENERIC)
    values = _Whitelisted()
    for name in template.fields:
        if name in params and params[name] is not None:
            values[name] = _short(params[name])
    values["kind"] = kind
    title, body = template.text(language)
    link = link_text = None
    if entity is not None:
        etype, eid = entity
        link = f"floorwalker://open/{etype}/{eid}"
        names = ENTITY_NAMES.get(etype)
        label = (names[1] if language.startswith("zh") else names[0]) if names else etype
        link_text = f"{label} #{eid}"
    return Rendered(_fill(title, values), _fill(body, values), link, link_text)


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= MAX_FIELD_CHARS else text[:MAX_FIELD_CHARS - 1] + "…"
