"""Shared fixtures: every test gets its own store in a temporary folder; Qt runs offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Keep settings, logs and default stores of each test in its own folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("LIAISON_HOME", str(home))
    monkeypatch.delenv("LIAISON_DB", raising=False)
    monkeypatch.delenv("LIAISON_PASSWORD", raising=False)
    yield


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "store.db"


@pytest.fixture
def store(store_path):
    from liaison_app.store import open_store

    s = open_store(store_path)
    yield s
    s.close()
