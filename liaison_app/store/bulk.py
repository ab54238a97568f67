"""Bulk writes for imports and the demo: plain executemany on the driver, inside `store.raw()`.

SQLAlchemy's own executemany spends more time preparing parameters than SQLite spends storing
them; here each column's bind processor (dates and datetimes, in the format SQLAlchemy reads
back) is looked up once, and rows go to the driver as tuples. A larger page cache for the length
of the bulk write keeps SQLite's index pages in memory instead of spilling them to the WAL.
"""
from __future__ import annotations

from contextlib import contextmanager
from itertools import repeat
from operator import itemgetter
from typing import Any, Iterator

from sqlalchemy import Table

from liaison_app.store.search_order import rebuild as rebuild_search_index

BATCH = 20_000
BULK_CACHE_KIB = 256 * 1024


@contextmanager
def big_cache(conn) -> Iterator[None]:
    """A 256 MiB page cache on this connection while the block runs, then the previous size back."""
    previous = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(previous)}")


def insert_many(conn, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows (dicts with the same keys) into `table`. A column the rows leave out takes its
    scalar default (columns added by later migrations keep working)."""
    if not rows:
        return
    names = list(rows[0])
    constants = {c.name: c.default.arg for c in table.c
                 if c.name not in names and c.default is not None and c.default.is_scalar}
    columns = names + list(constants)
    tail = list(constants.values())
    dialect = conn.dialect
    processors = [(i, p)
                  for i, p in enumerate(table.c[n].type.dialect_impl(dialect).bind_processor(dialect) for n in columns)
                  if p is not None]
    pick = itemgetter(*names) if len(names) > 1 else (lambda row: (row[names[0]],))

    quoted = ", ".join(f'"{c}"' for c in columns)
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" for _ in columns)})'
    cursor = conn.connection.driver_connection.cursor()
    try:
        for i in range(0, len(rows), BATCH):
            cursor.executemany(sql, _parameters(rows[i:i + BATCH], pick, len(names), tail, processors))
    finally:
        cursor.close()


def _parameters(rows: list[dict[str, Any]], pick, width: int, tail: list[Any], processors) -> Iterator[tuple]:
    """Each row's values as the driver takes them, worked out a column at a time (a row at a time is
    several times slower in Python): the rows' own values, then the constants, each converted."""
    columns: list[Any] = list(zip(*map(pick, rows))) if width else []
    columns += [repeat(value, len(rows)) for value in tail]
    for i, process in processors:
        columns[i] = _converted(columns[i], process)
    return zip(*columns)


def _converted(column, process) -> list[Any]:
    """Each value of a column converted by `process` (None stays None): dates and times repeat, so each
    distinct value is converted once (equal values alike, as a cache of the conversions would give)."""
    if not isinstance(column, (list, tuple)):
        column = list(column)  # a constant's repeat()
    try:
        answers = dict.fromkeys(column)
    except TypeError:  # a value that cannot be a key: convert each
        return [None if value is None else process(value) for value in column]
    for value in answers:
        answers[value] = None if value is None else process(value)
    return list(map(answers.__getitem__, column))


def fetch_rows(conn, stmt) -> list[tuple]:
    """Every row of a Core select, as plain tuples straight from the driver, each value read back as
    SQLAlchemy reads it (dates, booleans): an import reads whole tables at once, and SQLAlchemy's own
    rows cost more than the reading itself."""
    compiled = stmt.compile(dialect=conn.dialect)
    params = [compiled.params[name] for name in compiled.positiontup or ()]
    dialect = conn.dialect
    processors = [(i, p) for i, p in enumerate(
        c.type.dialect_impl(dialect).result_processor(dialect, None) for c in stmt.selected_columns) if p is not None]
    cursor = conn.connection.driver_connection.cursor()
    try:
        rows = cursor.execute(str(compiled), params).fetchall()
    finally:
        cursor.close()
    if not processors:
        return rows
    out = []
    for row in rows:
        row = list(row)
        for i, process in processors:
            row[i] = process(row[i])
        out.append(tuple(row))
    return out


@contextmanager
def tenant_index_paused(conn, pause: bool = True) -> Iterator[None]:
    """Write many tenants without updating the search index row by row, then rebuild it once
    (five times faster for a large import; store/search_order.py). With `pause` False, the triggers
    keep it up to date."""
    if not pause:
        yield
        return
    triggers = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'tenant' "
        "AND name LIKE 'tenant_fts%'").fetchall()
    for name, _ in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    rebuild_search_index(conn)  # every key afresh in name order, then the FTS index from them
    for _, create in triggers:
        conn.exec_driver_sql(create)


@contextmanager
def indexes_paused(conn, tables: list[str]) -> Iterator[None]:
    """Drop the indexes of `tables` while the block fills them, then build each index once: sorting
    a finished table is far faster than inserting half a million keys at random places. Inside the
    caller's transaction, so a failure leaves every index as it was."""
    if not tables:
        yield
        return
    placeholders = ", ".join("?" for _ in tables)
    indexes = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({placeholders})", tuple(tables)).fetchall()
    for name, _ in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, create in indexes:
        conn.exec_driver_sql(create)
