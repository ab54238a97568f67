"""One place for where things live: resources, the store and logs (backups: store/backup.py).

Nothing else builds OS paths by hand. Tests and portable use override the data folder
with LIAISON_HOME; the store itself can be named with --db or LIAISON_DB.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

from liaison_app import APP_AUTHOR, APP_NAME

_dirs = PlatformDirs(APP_NAME, APP_AUTHOR, roaming=False)


def resources_dir() -> Path:
    """The resources folder, from an installed wheel, a source checkout or a frozen build."""
    here = Path(__file__).resolve().parent
    candidates = []
    if getattr(sys, "frozen", False):
        candidates.append(Path(getattr(sys, "_MEIPASS", here)) / "resources")
    candidates += [here / "resources", here.parent / "resources"]
    for c in candidates:
        if (c / "catalogues").is_dir():
            return c
    raise FileNotFoundError("Liaison's resources folder is missing; reinstall the app.")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    home = os.environ.get("LIAISON_HOME")
    d = Path(home) / "data" if home else Path(_dirs.user_data_dir)
    d.mkdir(parents=True, exist_ok=True)
    return d


def log_dir() -> Path:
    home = os.environ.get("LIAISON_HOME")
    d = Path(home) / "logs" if home else Path(_dirs.user_log_dir)
    d.mkdir(parents=True, exist_ok=True)
    return d


def default_store_path() -> Path:
    return data_dir() / "liaison.db"


def store_path(explicit: str | os.PathLike | None = None) -> Path:
    """The store named on the command line, else LIAISON_DB, else the user's data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("LIAISON_DB")
    if env:
        return Path(env).expanduser().resolve()
    return default_store_path()
