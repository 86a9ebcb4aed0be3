"""Translation markers for strings defined outside Qt (the UI translates them with tr())."""

from __future__ import annotations


def N_(text: str) -> str:  # noqa: N802 - the conventional gettext-style marker name
    """Mark a constant for translation; the UI passes it through QCoreApplication.translate."""
    return text


TRANSLATION_CONTEXT = "floorwalker"


class Message(str):
    """An N_() template filled in with values: it reads as the English text (logs, the CLI, tests),
    and keeps the template and the values so the UI can translate the template and fill it again.

    ``Message(N_("no {field} (column {col!r} is empty)"), field="queue", col="Q")``; a value may be a
    Message itself (translated too)."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, **params: object) -> Message:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self

