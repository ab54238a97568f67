"""The search index in name order (issue #15): `tenant_fts` rowids are tenants' places in the list.

`tenant_fts_order` holds one row per tenant: `key` (the FTS rowid), `tid` (the tenant's rowid), the
search text with a space at each end (so the FTS phrase ' word ' is "a whole word", at the start and
end too) and `names`: the last, first and preferred names, ASCII lower case (as NOCASE compares),
each between UNIT separators (so "a name spelled as typed" is one instr()). Keys follow the list's order
(last name, first name, id, NOCASE): the triggers give a new tenant a key halfway between its neighbours'
in that order, so matches read from the FTS index in rowid order are already in name order and the first
page never sorts every match. When two neighbours' keys have no room left between them (after about 13
tenants placed at the same spot since the last rebuild), the tenant gets a "misplaced" key below LOW;
`ordered` merges those few in exactly. A bulk write rebuilds every key (`rebuild`), evenly spaced.
"""
from __future__ import annotations

from typing import Any

SPACING = 1 << 13  # between neighbours' keys after a rebuild: a rowid delta of two bytes in the FTS index
HIGH = 1 << 61  # keys in order lie within (LOW, HIGH), so a difference never overflows
LOW = -(1 << 61)  # misplaced keys lie below
SEP = "\x1f"  # between names in `names` (never in a typed word: control characters are spaces there)
NAME_ORDER = "last_name COLLATE NOCASE, first_name COLLATE NOCASE, id"
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

CREATE_TABLE = ("CREATE TABLE tenant_fts_order (key INTEGER PRIMARY KEY, tid INTEGER NOT NULL UNIQUE, "
                "search_text TEXT NOT NULL, names TEXT NOT NULL)")
# exact matches first: a tenant whose preferred name is spelled as typed (most have none)
CREATE_PREFERRED_INDEX = ("CREATE INDEX ix_tenant_preferred_name ON tenant (preferred_name COLLATE NOCASE) "
                          "WHERE preferred_name != ''")
CREATE_FTS = ("CREATE VIRTUAL TABLE tenant_fts USING fts5(search_text, content='tenant_fts_order', "
              "content_rowid='key', tokenize='trigram')")


def _names(row: str) -> str:
    sep = f"char({ord(SEP)})"
    return (f"{sep} || lower({row}.last_name) || {sep} || lower({row}.first_name) || {sep} || "
            f"lower({row}.preferred_name) || {sep}")


def _neighbour(before: bool) -> str:
    """The key of the tenant just before (or after) `new` in name order, misplaced ones aside."""
    op, way = ("<", "DESC") if before else (">", "ASC")
    order = ", ".join(f"t2.{c} {way}" for c in ("last_name COLLATE NOCASE", "first_name COLLATE NOCASE", "id"))
    return (f"SELECT o2.key FROM tenant AS t2 JOIN tenant_fts_order AS o2 ON o2.tid = t2.rowid "
            f"WHERE (t2.last_name COLLATE NOCASE, t2.first_name COLLATE NOCASE, t2.id) {op} "
            f"(new.last_name, new.first_name, new.id) AND o2.key > {LOW} ORDER BY {order} LIMIT 1")


_KEY = (
    f"coalesce((SELECT CASE WHEN p IS NULL AND s IS NULL THEN 0 "
    f"WHEN s IS NULL THEN CASE WHEN p < {HIGH - SPACING} THEN p + {SPACING} END "
    f"WHEN p IS NULL THEN CASE WHEN s > {LOW + SPACING} THEN s - {SPACING} END "
    f"WHEN s - p > 1 THEN p + (s - p) / 2 END "
    f"FROM (SELECT ({_neighbour(True)}) AS p, ({_neighbour(False)}) AS s)), "
    f"(SELECT min(coalesce(min(key), {LOW}), {LOW}) - 1 FROM tenant_fts_order))"
)
_ADD = (f"INSERT INTO tenant_fts_order(key, tid, search_text, names) SELECT {_KEY}, new.rowid, "
        f"' ' || new.search_text || ' ', {_names('new')}; "
        "INSERT INTO tenant_fts(rowid, search_text) SELECT key, search_text FROM tenant_fts_order "
        "WHERE tid = new.rowid;")
_REMOVE = ("INSERT INTO tenant_fts(tenant_fts, rowid, search_text) SELECT 'delete', key, search_text "
           "FROM tenant_fts_order WHERE tid = old.rowid; DELETE FROM tenant_fts_order WHERE tid = old.rowid;")
TRIGGERS = {
    "tenant_fts_ai": f"CREATE TRIGGER tenant_fts_ai AFTER INSERT ON tenant BEGIN {_ADD} END",
    "tenant_fts_ad": f"CREATE TRIGGER tenant_fts_ad AFTER DELETE ON tenant BEGIN {_REMOVE} END",
    "tenant_fts_au": ("CREATE TRIGGER tenant_fts_au AFTER UPDATE OF search_text, last_name, first_name, "
                      f"preferred_name, id ON tenant BEGIN {_REMOVE} {_ADD} END"),
}


def rebuild(conn) -> None:
    """Every tenant's key afresh, evenly spaced in name order, and the FTS index from them (a bulk write,
    with the triggers paused). `conn` is a DB-API connection or cursor, or a SQLAlchemy connection."""
    run = getattr(conn, "exec_driver_sql", None) or conn.execute
    run("DELETE FROM tenant_fts_order")
    run(f"INSERT INTO tenant_fts_order(key, tid, search_text, names) "
        f"SELECT row_number() OVER (ORDER BY {NAME_ORDER}) * {SPACING}, rowid, ' ' || search_text || ' ', "
        f"{_names('tenant')} FROM tenant")
    run("INSERT INTO tenant_fts(tenant_fts) VALUES ('rebuild')")


def fts_phrase(word: str) -> str:
    """One word as an FTS5 string: double quotes doubled, so no input is read as query syntax."""
    return '"' + word.replace('"', '""') + '"'


def names_param(word: str) -> str:
    """A typed word as it stands in `names` when a name is spelled so (NOCASE folds ASCII only)."""
    return SEP + word.translate(_ASCII_LOWER) + SEP


def ordered(cursor, match: str, params: dict[str, Any], n: int, test: str = "1") -> list[int]:
    """The tenant rowids of the first `n` FTS matches of `match` (SQL text, e.g. ':match') that pass
    `test` (a condition on tenant_fts_order AS s), in name order."""
    return in_order(cursor, f"SELECT s.key, s.tid FROM tenant_fts CROSS JOIN tenant_fts_order AS s "
                            f"ON s.key = tenant_fts.rowid WHERE tenant_fts MATCH {match} AND {test} "
                            f"ORDER BY tenant_fts.rowid LIMIT :n", params, n)


def in_order(cursor, sql: str, params: dict[str, Any], n: int) -> list[int]:
    """The first `n` tenant rowids in name order from `sql`, which reads (key, tid) in key order up to
    :n. Misplaced keys (below LOW, so read first) are merged in exactly, reading as many more rows as
    there were misplaced ones."""
    if n <= 0:
        return []
    limit = n
    while True:
        rows = cursor.execute(sql, {**params, "n": limit}).fetchall()
        misplaced = sum(1 for key, _ in rows if key < LOW)
        if not misplaced or len(rows) < limit or len(rows) - misplaced >= n:
            break
        limit = n + misplaced
    tids = [tid for _, tid in rows]
    if misplaced:
        tids = [r for (r,) in cursor.execute(
            f"SELECT rowid FROM tenant WHERE rowid IN (SELECT value FROM json_each(:ids)) "
            f"ORDER BY {NAME_ORDER} LIMIT :n", {"ids": "[" + ",".join(map(str, tids)) + "]", "n": n})]
    return tids[:n]
