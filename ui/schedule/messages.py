"""The rota rules' violation sentences (``app.rota.quality``, ``app.schedule.editing``) in the user's
language. Those checks build them as ``app.i18n.Message`` values (N_() templates with their values,
times as messages whose weekdays are translated too), said again by ``ui.errors.translated``.

A plain English sentence (not a Message) is matched by the patterns below and said again from its
parts. No code in app/ hands such sentences to the editor any more; the patterns stay only until
tests/test_schedule_i18n.py stops passing plain sentences to :func:`rule_message`, then they go."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.i18n import Message
from ui.errors import translated
from ui.schedule.dates import weekday_name

CONTEXT = "rota_rules"
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY = re.compile(r"\b(" + "|".join(_DAYS) + r")\b")

PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), t) for p, t in (
    (r"(.+) is rostered (\S+) h, below the contract's (\S+) h\.",
     QT_TRANSLATE_NOOP("rota_rules", "%1 is rostered %2 h, below the contract's %3 h.")),
    (r"(.+) is rostered (\S+) h, above the contract's (\S+) h\.",
     QT_TRANSLATE_NOOP("rota_rules", "%1 is rostered %2 h, above the contract's %3 h.")),
    (r"(.+) is rostered (\S+) h, above the contract's (\S+) h\. \(R-SCH-5 emergency cover\)",
     QT_TRANSLATE_NOOP("rota_rules", "%1 is rostered %2 h, above the contract's %3 h (R-SCH-5 emergency cover).")),
    (r"(.+) has (\d+) of (\d+) min training scheduled this week\.",
     QT_TRANSLATE_NOOP("rota_rules", "%1 has %2 of %3 min training scheduled this week.")),
    (r"(.+) has no full day off this week\.",
     QT_TRANSLATE_NOOP("rota_rules", "%1 has no full day off this week.")),
    (r"(.+) works (\d+) days in a row \(at most (\d+)\)\.",
     QT_TRANSLATE_NOOP("rota_rules", "%1 works %2 days in a row (at most %3).")),
    (r"(.+): only (\S+) h rest between the shift at (.+) and the next at (.+) \(minimum (\S+) h\)\.",
     QT_TRANSLATE_NOOP("rota_rules", "%1: only %2 h rest between the shift at %3 and the next at %4 "
                                     "(minimum %5 h).")),
    (r"(.+)'s shift at (.+) falls in approved time off\.",
     QT_TRANSLATE_NOOP("rota_rules", "%1's shift at %2 falls in approved time off.")),
    (r"(.+)'s shift at (.+) falls in unavailable time\.",
     QT_TRANSLATE_NOOP("rota_rules", "%1's shift at %2 falls in unavailable time.")),
    (r"(.+) \(new hire\) works (.+) without the mentor on shift\.",
     QT_TRANSLATE_NOOP("rota_rules", "%1 (new hire) works %2 without the mentor on shift.")),
    (r"(.+)'s shift at (.+) misses the 08:30 stand-up\.",
     QT_TRANSLATE_NOOP("rota_rules", "%1's shift at %2 misses the 08:30 stand-up.")),
    (r"(.+): shifts at (.+) and (.+) overlap\.",
     QT_TRANSLATE_NOOP("rota_rules", "%1: shifts at %2 and %3 overlap.")),
    (r"(.+) has none of the skills needed this week \((.+)\) and does not count for coverage\.",
     QT_TRANSLATE_NOOP("rota_rules", "%1 has none of the skills needed this week (%2) and does not count "
                                     "for coverage.")),
))


def _days(text: str) -> str:
    """``Tue 09:15-10:00`` -> ``周二 09:15–10:00``."""
    text = _DAY.sub(lambda m: weekday_name(_DAYS.index(m.group(1))), text)
    return re.sub(r"(\d\d:\d\d)-(\S)", r"\1–\2", text)


def rule_message(message: str) -> str:
    """A rule violation's sentence in the user's language when it is a known one, else as it came."""
    if isinstance(message, Message):
        return translated(message)
    for pattern, template in PATTERNS:
        m = pattern.fullmatch(message)
        if m:
            out = QCoreApplication.translate(CONTEXT, template)
            for i, value in enumerate(m.groups(), 1):
                out = out.replace(f"%{i}", _days(value))
            return out
    return message
