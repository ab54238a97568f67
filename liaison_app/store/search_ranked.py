"""Exact matches first, for long words matching few tenants (store/search.py's module docstring): tenants
for whom every typed word is a whole word and a name spelled as typed, then those for whom every word is
whole, then the rest; each part in name order, read from the FTS index in key order (store/search_order.py).

A query matching at most DIRECT_LIMIT tenants ranks each match from the index's own rows (no tenant row is
read); a larger one reads each part in key order and stops when the page is full. The tenants named as
typed are found from the name indexes when there are at most NAMED_LIMIT of them.
"""
from __future__ import annotations

import json
from typing import Any

from liaison_app.store.search_order import (
    LOW,
    NAME_ORDER,
    fts_phrase,
    in_order,
    names_param,
    ordered,
)

DIRECT_LIMIT = 1500  # long words matching at most this many: each match ranked from the FTS index's rows
NAMED_LIMIT = 1000  # at most this many tenants named as typed are read by key; more are found among the matches


def ranked(cursor, q, n: int, size: int) -> list[int]:
    """The first `n` matches of a query of long words matching few: the exact ones (every word whole and a
    name spelled as typed, then every word whole), then the rest, each part read in name order."""
    if size <= DIRECT_LIMIT:  # few enough to rank each: the index's own rows, no tenant row read
        rows = direct_rows(cursor, q)
        q.matched = len(rows)  # every match: the count too
        return by_rank(cursor, rows, n)
    params, named, wholes = _terms(q)
    found = _named_first(cursor, q, params, n, f"{named} AND {wholes} AND {q.extra_s}")
    if found is None:  # many tenants so named: they are found soon among the whole-word matches
        found = ordered(cursor, ":exact", params, n, f"{q.extra_s} AND {named}")
    if len(found) < n:
        found += ordered(cursor, ":exact", params, n - len(found), f"{q.extra_s} AND NOT ({named})")
    if len(found) < n:
        found += ordered(cursor, ":rest", params, n - len(found), q.extra_s)
    return found


def direct_rows(cursor, q, limit: int | None = None) -> list[tuple[int, int, int]]:
    """(rank, key, tenant rowid) of every match of `q` (at most `limit`), from the index's own rows."""
    params, named, wholes = _terms(q)
    rank = f"(CASE WHEN NOT ({wholes}) THEN 2 WHEN {named} THEN 0 ELSE 1 END)"
    return cursor.execute(
        f"SELECT {rank} AS k, s.key, s.tid FROM tenant_fts CROSS JOIN tenant_fts_order AS s "
        f"ON s.key = tenant_fts.rowid WHERE tenant_fts MATCH :match AND {q.extra_s}"
        + ("" if limit is None else f" LIMIT {int(limit)}"), params).fetchall()


def _terms(q) -> tuple[dict[str, Any], str, str]:
    """The parameters and the tests (every word a name spelled as typed; every word whole) on s."""
    whole = " AND ".join(fts_phrase(f" {folded} ") for _, folded in q.words)
    params = {**q.params, "exact": whole, "rest": f"({q.params['match']}) NOT ({whole})"}
    spelled, wholes = [], []
    for i, (typed, folded) in enumerate(q.words):
        params.update({f"na{i}": names_param(typed), f"nb{i}": names_param(typed[:1].upper() + typed[1:]),
                       f"ew{i}": f" {folded} "})
        spelled.append(f"(instr(s.names, :na{i}) > 0 OR instr(s.names, :nb{i}) > 0)")
        wholes.append(f"instr(s.search_text, :ew{i}) > 0")
    return params, " AND ".join(spelled), " AND ".join(wholes)


def by_rank(cursor, rows: list[tuple[int, int, int]], n: int) -> list[int]:
    """The first `n` tenant rowids of (rank, key, tid) rows by rank, then name order (keys; misplaced
    keys, if any, sorted by the names themselves)."""
    if any(key < LOW for _, key, _ in rows):
        order = {tid: i for i, (tid,) in enumerate(cursor.execute(
            f"SELECT t.rowid FROM tenant AS t WHERE t.rowid IN (SELECT value FROM json_each(:ids)) ORDER BY {NAME_ORDER}",
            {"ids": json.dumps([tid for _, _, tid in rows])}))}
        return [tid for _, _, tid in sorted(rows, key=lambda r: (r[0], order[r[2]]))][:n]
    return [tid for _, _, tid in sorted(rows)][:n]


def _named_first(cursor, q, params: dict[str, Any], n: int, test: str) -> list[int] | None:
    """The first `n` tenants with every word a name spelled as typed (`test`), found from the tenants with
    a name spelled as the first word (last name, first name or preferred name: an index each), or None
    when there are more than NAMED_LIMIT of those."""
    typed, folded = q.words[0]
    params.update(r0=typed, r1=typed[:1].upper() + typed[1:], r2=folded + " ", r3=folded + "!")
    named = ("SELECT rowid AS rid FROM tenant WHERE last_name COLLATE NOCASE IN (:r0, :r1) "
             "UNION SELECT rowid FROM tenant WHERE search_text >= :r2 AND search_text < :r3 "  # first name, folded
             "UNION SELECT rowid FROM tenant WHERE preferred_name != '' AND preferred_name COLLATE NOCASE IN (:r0, :r1)")
    size = cursor.execute(f"SELECT count(*) FROM (SELECT 1 FROM ({named}) LIMIT {NAMED_LIMIT + 1})", params).fetchone()[0]
    if size > NAMED_LIMIT:
        return None
    if size == 0:
        return []
    return in_order(cursor, f"SELECT s.key, s.tid FROM ({named}) AS r CROSS JOIN tenant_fts_order AS s ON s.tid = r.rid "
                            f"WHERE {test} ORDER BY s.key LIMIT :n", params, n)
