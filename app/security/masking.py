"""Masks for customer identifiers on screen and in reports (R-SEC-2): `138****6925`, `Zhang *`."""

from __future__ import annotations

import re


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    digits = re.sub(r"\D", "", phone)
    if len(digits) <= 4:
        return "*" * len(digits)
    if len(digits) < 8:
        return digits[:1] + "*" * (len(digits) - 3) + digits[-2:]
    return digits[:3] + "****" + digits[-4:]


def mask_name(name: str | None) -> str:
    """Keep the family name: `Zhang Wei` -> `Zhang *`; `张伟` -> `张*`."""
    if not name:
        return ""
    name = name.strip()
    if " " in name:
        return name.split()[0] + " *"
    if len(name) == 1:
        return "*"
    return name[0] + "*" * (len(name) - 1) if _is_cjk(name[0]) else name[0] + "*"


def mask_email(email: str | None) -> str:
    if not email or "@" not in email:
        return ""
    local, _, domain = email.partition("@")
    return (local[:1] or "*") + "***@" + domain


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


_PHONE_IN_TEXT = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_ID_CARD_IN_TEXT = re.compile(r"(?<![\dXx])(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])")
_EMAIL_IN_TEXT = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def mask_text(text: str) -> str:
    """Customer identifiers inside free text (a chat message): mobile numbers, ID-card numbers and
    e-mail addresses, masked as everywhere else on screen."""
    text = _PHONE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)), text)
    text = _ID_CARD_IN_TEXT.sub(lambda m: f"{m.group(1)}********{m.group(2)}", text)
    return _EMAIL_IN_TEXT.sub(lambda m: mask_email(m.group(0)), text)
