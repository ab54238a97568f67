"""Shared fixtures: every test gets its own store in a temporary folder; Qt runs offscreen."""
from __future__ import annotations

import os
import sqlite3
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _about_midday() -> None:
    """Run the suite in a fixed-offset time zone where it is now about midday (12:00–12:59).

    The app and the tests take "today" from the local clock, and many tests take it once, when their module
    is imported (TODAY = date.today()). A run that crossed local midnight then compared yesterday with today:
    four UI tests failed in a CI run that straddled 00:00 UTC. From midday a run has eleven hours to spare.
    A POSIX zone string needs no time-zone files; Qt, SQLite's 'localtime' and subprocesses follow TZ too.
    (Windows has no time.tzset: there a run still uses the machine's zone.)"""
    if not hasattr(time, "tzset"):
        return
    east = 12 - time.gmtime().tm_hour  # hours ahead of UTC that make it about noon: -11 … +12
    os.environ["TZ"] = f"LIAISON{-east:+d}"  # POSIX counts hours west of UTC
    time.tzset()


_about_midday()

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


def fill_audit_pages(store, rows: int = 3000) -> None:
    """Write `rows` plain audit events straight into the table, so that it spans many pages."""
    with store.raw() as conn:
        conn.exec_driver_sql(
            "INSERT INTO audit_event (at, officer, action, record_type, record_id, fields, summary, prev_hash, hash) "
            "VALUES (?, 'x', 'view', 'tenant', ?, '', '', '', '')",
            [("2026-01-01 00:00:00", f"id-{i:06d}") for i in range(rows)])


@pytest.fixture(name="fill_audit_pages")
def _fill_audit_pages_fixture():
    return fill_audit_pages
