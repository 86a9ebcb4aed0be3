"""The rota rules' violation sentences (``app.rota.quality``, ``app.schedule.editing``) in the user's
language. Those checks build them as ``app.i18n.Message`` values (N_() templates with their values,
times as messages whose weekdays are translated too), said again by ``ui.errors.translated``; a
sentence the solver writes in plain English (``app.rota.engine``) is shown as it came."""

from __future__ import annotations

from ui.errors import translated


def rule_message(message: str) -> str:
    """A rule violation's sentence in the user's language when app/ built it from a template."""
    return translated(message)
