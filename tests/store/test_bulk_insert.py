"""Bulk inserts (imports and the demo) store each value as SQLAlchemy itself would, in every batch:
dates, times and yes/no read back as they were, None stays None, and a column left out takes its default."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    select,
)

from liaison_app.store import bulk


def test_rows_read_back_as_they_were_written_across_batches(monkeypatch):
    monkeypatch.setattr(bulk, "BATCH", 4)
    engine = create_engine("sqlite://")
    meta = MetaData()
    table = Table("t", meta, Column("id", String, primary_key=True), Column("at", DateTime), Column("day", Date),
                  Column("yes", Boolean), Column("note", String), Column("count", Integer, default=7))
    meta.create_all(engine)
    now = datetime(2026, 11, 29, 23, 5, 6, 789)
    rows = [{"id": f"r{i}", "at": now, "day": date(2020, 1, 1 + i) if i % 3 else None, "yes": bool(i % 2),
             "note": None if i == 5 else f"note {i}"} for i in range(10)]
    with engine.begin() as conn:
        bulk.insert_many(conn, table, rows)
        stored = [dict(r._mapping) for r in conn.execute(select(table).order_by(table.c.id))]
    assert stored == sorted(({**row, "count": 7} for row in rows), key=lambda r: r["id"])
