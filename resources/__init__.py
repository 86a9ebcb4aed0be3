"""Icons, style sheet, translations and fonts, found both from source and from a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) / "resources" if base else Path(__file__).parent
    return root.joinpath(*parts)
