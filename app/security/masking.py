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
