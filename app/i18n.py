"""Translation markers for strings defined outside Qt (the UI translates them with tr())."""


def N_(text: str) -> str:  # noqa: N802 - the conventional gettext-style marker name
    """Mark a constant for translation; the UI passes it through QCoreApplication.translate."""
    return text


TRANSLATION_CONTEXT = "floorwalker"
