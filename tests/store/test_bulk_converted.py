"""Bulk inserts convert each distinct value once (issue #15) and still store every value as SQLAlchemy
would: a converted constant left out of the rows, values that cannot be dictionary keys, and equal dates
on many rows."""
from __future__ import annotations

from datetime import date

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    MetaData,
    String,
    Table,
    create_engine,
    select,
)

from liaison_app.store import bulk


def test_defaults_unhashable_values_and_repeats_are_stored_as_given():
    engine = create_engine("sqlite://")
    meta = MetaData()
    table = Table("t", meta, Column("id", String, primary_key=True), Column("day", Date),
                  Column("extra", JSON), Column("yes", Boolean, default=True), Column("no", Boolean, default=False))
    meta.create_all(engine)
    rows = [{"id": f"r{i:02d}", "day": date(2020, 1, 1 + i % 3) if i % 4 else None, "extra": {"n": [i]}}
            for i in range(12)]
    with engine.begin() as conn:
        bulk.insert_many(conn, table, rows)
        stored = [dict(r._mapping) for r in conn.execute(select(table).order_by(table.c.id))]
    assert stored == [{**row, "yes": True, "no": False} for row in rows]
