"""The app's own remembered choices (window layout, the last contractor a pack was printed for):
an ini file in LIAISON_HOME when it is set (tests, portable use), else the platform's place."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from liaison_app import APP_NAME


def app_settings() -> QSettings:
    home = os.environ.get("LIAISON_HOME")
    if home:
        return QSettings(str(Path(home) / "liaison-window.ini"), QSettings.Format.IniFormat)
    return QSettings(APP_NAME, APP_NAME)


def recall(key: str, default: str = "") -> str:
    value = app_settings().value(key, default)
    return value if isinstance(value, str) else default


def remember(key: str, value: str) -> None:
    settings = app_settings()
    settings.setValue(key, value)
    settings.sync()
