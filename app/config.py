"""Where the console keeps its files, and which database it opens."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Floorwalker"
ENV_DB = "FLOORWALKER_DB"
ENV_DATA = "FLOORWALKER_DATA_DIR"


def data_dir() -> Path:
    """The user's data folder (created on first use); FLOORWALKER_DATA_DIR overrides it."""
    path = Path(os.environ[ENV_DATA]) if os.environ.get(ENV_DATA) else user_data_path(APP_NAME, False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "floorwalker.db"


def recordings_dir() -> Path:
    path = data_dir() / "recordings"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resolve_database_url(cli_value: str | None, saved_value: str | None = None) -> str:
    """`--db` wins, then FLOORWALKER_DB, then the saved setting, then the embedded SQLite file."""
    for value in (cli_value, os.environ.get(ENV_DB), saved_value):
        if value and value.strip():
            return value.strip()
    return str(default_database_path())
