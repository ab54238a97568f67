"""The store's engine: crash-safe pragmas, all-or-nothing writes, write lock taken up front."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text
from sqlmodel import select

from liaison_app.domain import Contractor
from liaison_app.services import records


def pragma(store, name):
    with store.engine.connect() as conn:
        return conn.exec_driver_sql(f"PRAGMA {name}").scalar_one()


def test_pragmas(store):
    assert pragma(store, "journal_mode") == "wal"
    assert pragma(store, "foreign_keys") == 1
    assert pragma(store, "synchronous") == 2  # FULL


def test_foreign_keys_enforced(store):
    with pytest.raises(Exception):
        with store.raw() as conn:
            conn.execute(text("INSERT INTO operative (id, created_at, created_by, updated_at, updated_by, version, "
                              "contractor_id, name, badge_number) VALUES ('o1', '2026-01-01', '', '2026-01-01', '', 1, "
                              "'no-such-contractor', 'X', '')"))


class Boom(Exception):
    pass


def test_write_that_raises_leaves_nothing(store):
    with pytest.raises(Boom):
        with store.write() as session:
            session.add(Contractor(name="Half Written Ltd"))
            session.flush()
            raise Boom()
    with store.read() as session:
        assert session.exec(select(Contractor)).all() == []


def test_raw_that_raises_leaves_nothing(store):
    with pytest.raises(Boom):
        with store.raw() as conn:
            conn.execute(text("INSERT INTO setting (key, value) VALUES ('landlord_name', 'X')"))
            raise Boom()
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM setting")).scalar_one() == 0


def test_write_takes_the_lock_before_its_first_statement(store):
    other = sqlite3.connect(store.path, timeout=0, isolation_level=None)
    try:
        with store.write() as session:
            session.exec(select(Contractor)).all()  # a read first: BEGIN IMMEDIATE already holds the lock
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_read_returns_loaded_detached_records(store):
    made = records.create(store, Contractor(name="Valley Gas"))
    got = records.get(store, Contractor, made.id)
    assert got.name == "Valley Gas" and got.version == 1
