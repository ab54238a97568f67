"""Shared fixtures: every test gets its own store in a temporary folder; Qt runs offscreen."""
from __future__ import annotations

import os
import sqlite3

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


def damage_audit_page(store_path) -> None:
    """Overwrite 400 bytes inside the audit table's first page, as a failing disk would."""
    conn = sqlite3.connect(store_path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='audit_event'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(store_path, "r+b") as fh:
        fh.seek((root - 1) * page_size + 20)
        fh.write(os.urandom(400))


@pytest.fixture(name="damage_audit_page")
def _damage_audit_page_fixture():
    return damage_audit_page
