"""The full check of a store file (a backup before it is kept): more than `quick_check`.

A few changed bytes inside a row pass `PRAGMA quick_check` (its pages are well formed) yet break a
read: the text is no longer UTF-8, or a date no longer a date. `full_check` finds both kinds:
- `PRAGMA integrity_check` (an index that no longer matches its row; constraints), then
- every text and date value of every table read once (text decoded, dates parsed by SQLite).

It reads the whole file, so it runs off the UI thread (the daily backup's worker, a command). The
answer names tables and indexes only, never a value.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

TEXT_TYPES = ("CHAR", "TEXT", "CLOB", "DATE", "TIME")
BATCH = 2000


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return [name for name, sql in rows if not (sql or "").upper().startswith("CREATE VIRTUAL")]


def _columns(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[str]]:
    """The table's text columns and, among them, its date and date-time columns."""
    text, dates = [], []
    for _cid, name, declared, *_rest in conn.execute(f'PRAGMA table_info("{table}")'):
        kind = (declared or "").upper()
        if any(t in kind for t in TEXT_TYPES):
            text.append(name)
            if "DATE" in kind or "TIME" in kind:
                dates.append(name)
    return text, dates


def _text_problem(conn: sqlite3.Connection, table: str, columns: list[str]) -> str | None:
    if not columns:
        return None
    joined = " || char(31) || ".join(f'coalesce(CAST("{c}" AS TEXT), \'\')' for c in columns)
    cur = conn.execute(f'SELECT {joined} FROM "{table}"')
    try:
        while cur.fetchmany(BATCH):
            pass
    except sqlite3.OperationalError as exc:
        if "decode" in str(exc).lower():
            return f"a row of {table} holds text that cannot be read"
        raise
    return None


def _date_problem(conn: sqlite3.Connection, table: str, columns: list[str]) -> str | None:
    for column in columns:
        bad = conn.execute(f'SELECT count(*) FROM "{table}" WHERE "{column}" IS NOT NULL AND '
                           f'(typeof("{column}") != \'text\' OR datetime("{column}") IS NULL)').fetchone()[0]
        if bad:
            return f"a row of {table} holds a {column} that is not a date"
    return None


def full_check(path: str | Path) -> str:
    """'ok', or what is wrong with the file (tables and indexes named, never a value)."""
    try:
        conn = _connect(Path(path))
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA integrity_check(5)").fetchall()
        result = "; ".join(str(r[0]) for r in rows[:3])
        if result != "ok":
            return result or "no answer"
        for table in _tables(conn):
            text, dates = _columns(conn, table)
            problem = _text_problem(conn, table, text) or _date_problem(conn, table, dates)
            if problem:
                return problem
        return "ok"
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()
