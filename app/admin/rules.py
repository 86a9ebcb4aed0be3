"""Rule values stored in the database, seeded from the defaults, edited with audit and conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.actor import Actor
from app.changes import Changes, record
from app.editing import apply_edit
from app.rules import RULE_DEFAULTS, RULES_BY_KEY
from app.security.permissions import require
from db.models import Setting


@dataclass(frozen=True)
class RuleValue:
    key: str
    value: object
    default: object
    unit: str
    description: str
    version: int
    updated_at: datetime | None
    updated_by: str | None

    @property
    def is_default(self) -> bool:
        return self.value == self.default


def seed_defaults(session: Session) -> int:
    """Insert any rule missing from the database (idempotent). Returns how many were added."""
    existing = set(session.scalars(select(Setting.key)))
    added = 0
    for rule in RULE_DEFAULTS:
        if rule.key not in existing:
            session.add(Setting(key=rule.key, value=rule.value, unit=rule.unit))
            added += 1
    session.flush()
    return added


def list_rules(session: Session) -> list[RuleValue]:
    rows = {s.key: s for s in session.scalars(select(Setting))}
    out = []
    for rule in RULE_DEFAULTS:
        row = rows.get(rule.key)
        out.append(RuleValue(
            key=rule.key, value=row.value if row else rule.value, default=rule.value, unit=rule.unit,
            description=rule.description, version=row.version if row else 0,
            updated_at=row.updated_at if row else None, updated_by=row.updated_by if row else None))
    return out


def rule_value(session: Session, key: str) -> object:
    row = session.get(Setting, key)
    if row is not None:
        return row.value
    return RULES_BY_KEY[key].value


# units whose values may have decimals even when the default is whole (1.5 h is a real target)
_DURATION_UNITS = frozenset({"s", "min", "h", "h/day", "h/month"})
# units with a natural ceiling
_CEILINGS = {"share": 1.0, "of 5": 5.0, "of 10": 10.0, "%": 100.0, "points": 100.0}
# rules with a tighter ceiling than their unit's, and how to say it: a week's service level of
# 100 % is out of reach (Erlang C never answers every call in time), so the goal stops at 0.99
_KEY_CEILINGS = {"R-SCH-1.week_sl": (0.99, "a share from 0 to 0.99 (0.9 for 90 %; 0 for no weekly goal)")}


def coerce_rule_value(key: str, raw: object) -> object:
    """Parse what a user typed into the type of the rule's default; ValueError with a clear message."""
    rule = RULES_BY_KEY[key]
    default = rule.value
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("true", "yes", "1", "on"):
            return True
        if text in ("false", "no", "0", "off"):
            return False
        raise ValueError(f"{key} must be yes or no")
    if isinstance(default, int | float):
        try:
            number = float(str(raw).strip().replace(",", "."))
        except ValueError:
            raise ValueError(f"{key} must be a number, not '{raw}'") from None
        if number != number or number < 0 or number in (float("inf"),):
            raise ValueError(f"{key} must be a number of 0 or more, not {str(raw).strip()}")
        if key in _KEY_CEILINGS and number > _KEY_CEILINGS[key][0]:
            raise ValueError(f"{key} must be {_KEY_CEILINGS[key][1]}, not {number:g}")
        ceiling = _CEILINGS.get(rule.unit)
        if ceiling is not None and number > ceiling:
            raise ValueError(f"{key} must be at most {ceiling:g} ({rule.unit}), not {number:g}")
        if isinstance(default, int) and not number.is_integer() and rule.unit not in _DURATION_UNITS:
            raise ValueError(f"{key} must be a whole number ({rule.unit}), not {number:g}")
        return int(number) if isinstance(default, int) and number.is_integer() else number
    text = str(raw).strip()
    if not text:
        raise ValueError(f"{key} must not be empty")
    if rule.unit == "time":
        parts = text.split(":")
        if (len(parts) != 2 or not all(p.isdigit() for p in parts)
                or not (0 <= int(parts[0]) <= 23 and 0 <= int(parts[1]) <= 59)):
            raise ValueError(f"{key} must be a time of day like 08:30, not '{text}'")
        return f"{int(parts[0]):02d}:{int(parts[1]):02d}"
    return text


def get_rule(session: Session, key: str) -> RuleValue:
    """One rule as :func:`list_rules` shows it (after a reload, for instance)."""
    if key not in RULES_BY_KEY:
        raise ValueError(f"Unknown rule {key}")
    return next(r for r in list_rules(session) if r.key == key)


def update_rule(session: Session, actor: Actor, key: str, raw_value: object, expected_version: int) -> Changes:
    require(actor, "rules.edit")
    if key not in RULES_BY_KEY:
        raise ValueError(f"Unknown rule {key}")
    if key.endswith(".weight"):
        raise ValueError("KPI weights must add up to 100, so they are edited together: "
                         "Reports ▸ KPI weights.")
    value = coerce_rule_value(key, raw_value)
    if session.get(Setting, key) is None:
        seed_defaults(session)
        expected_version = expected_version or 1
    apply_edit(session, actor, Setting, key, expected_version,
               {"value": value, "updated_at": clock.now(), "updated_by": actor.username}, entity="rule")
    return record(session, Changes.SETTINGS | Changes.AUDIT)
