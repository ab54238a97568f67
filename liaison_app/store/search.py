"""Tenant search: the queries behind the search box, fast on 125,000 tenancies.

`tenant.search_text` is folded (domain.text.fold: lower case, accents spelled in ASCII) and so is the
query, so 'celik' finds Çelik. Words of three or more characters use the FTS5 trigram index `tenant_fts`
over `tenant.search_text` (every word must appear somewhere: AND). Shorter input uses index range
scans: a prefix of the last name (NOCASE, as typed), of the search text (which starts with the first
name) or, for two characters, of the postcode. The start of a postcode with its space ('ba12 4') is
one word without the space ('ba124'), so it finds postcodes starting that way ('BA12 4…'), and nothing
else (no valid postcode holds 'ba124' anywhere but at its start).

The query is bounded and escaped: control characters (NUL included) are spaces, at most
MAX_QUERY_CHARS characters and MAX_WORDS distinct words are used, and every word reaches SQLite as
a bound parameter (FTS5 words as quoted strings), so no input can raise an SQL error.

Results come in last name, first name order. When a query matches few tenants (up to `SPARSE_LIMIT`),
exact matches come first: tenants for whom every typed word is a whole word (accents aside: 'celik' is
Çelik, not Celikson), and of those first the ones whose name is spelled as typed ('Çelik' before
'Celik' when 'Çelik' was typed); then the matches are in name order. When a query matches many, the covering index `ix_tenant_name_order` (migration
0002_search) is walked in name order, testing each entry, which stops once the page is full. Both
paths apply exactly the same conditions, so paging and counts agree. Homes are joined for the page
only.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from liaison_app.domain.text import fold
from liaison_app.store.engine import Store

SPARSE_LIMIT = 6000
MAX_QUERY_CHARS = 200
MAX_WORDS = 12
_CONTROLS = re.compile("[\x00-\x1f\x7f\ud800-\udfff\U0010ffff]")  # controls, lone surrogates, the last code point
_POSTCODE_START = re.compile(r"^([a-z]{1,2}[0-9][a-z0-9]?) ([0-9][a-z]{0,2})$")  # 'ba12 4', 'sn1 1aa'

_COLUMNS = (
    "t.id, t.tenancy_ref, t.title, t.first_name, t.preferred_name, t.last_name, "
    "h.address_line1, h.address_line2, h.town, h.postcode"
)
_ORDER = "t.last_name COLLATE NOCASE, t.first_name COLLATE NOCASE, t.id"
_BY_NAME = "INDEXED BY ix_tenant_name_order"  # migration 0002_search: name order, covering the tests


@dataclass
class TenantHit:
    id: str
    tenancy_ref: str
    title: str
    first_name: str
    preferred_name: str
    last_name: str
    address_line1: str | None
    address_line2: str | None
    town: str | None
    postcode: str | None


@dataclass
class _Query:
    """Candidates (a rowid subquery that can use an index) and the same test as a row condition."""

    candidates: str = ""  # may repeat a rowid (UNION ALL: a capped count must not build the whole union)
    condition: str = "1"
    params: dict[str, Any] = field(default_factory=dict)
    rank: str = "0"  # exact matches first (see the module docstring); used when few tenants match


def fts_phrase(word: str) -> str:
    """One word as an FTS5 string: double quotes doubled, so no input is read as query syntax."""
    return '"' + word.replace('"', '""') + '"'


def _next_prefix(prefix: str) -> str:
    """The smallest string above every string starting with `prefix`."""
    following = ord(prefix[-1]) + 1
    return prefix[:-1] + chr(0xE000 if 0xD800 <= following <= 0xDFFF else following)  # surrogates cannot be bound


def query_words(text: str | None) -> list[str]:
    """The words of a search, bounded: control characters (a NUL byte included), lone surrogates (which
    cannot be stored) and U+10FFFF (which has no next character for a prefix range) count as spaces, only
    the first MAX_QUERY_CHARS characters are read, a repeated word counts once, and words after the
    first MAX_WORDS are dropped (a name and an address never need more; each adds to the SQL)."""
    cleaned = _CONTROLS.sub(" ", (text or "")[:MAX_QUERY_CHARS]).casefold()
    return list(dict.fromkeys(cleaned.split()))[:MAX_WORDS]


def search_words(text: str | None) -> list[tuple[str, str]]:
    """(word as typed, case-folded; the same word folded) for each word of the query; words that fold
    to nothing are dropped, words that fold alike count once. The start of a postcode ('ba12 4') is
    one word without its space."""
    pairs = {}
    for word in query_words(text):
        folded = fold(word)
        if folded and folded not in pairs:
            pairs[folded] = word
    if postcode_start(" ".join(pairs)):
        joined = "".join(pairs)
        return [(joined, joined)]
    return [(word, folded) for folded, word in pairs.items()]


def postcode_start(text: str) -> bool:
    """Whether `text` (folded words) is the start of a postcode with its space: 'ba12 4', 'sn1 1aa'."""
    return _POSTCODE_START.match(text) is not None


def build_query(text: str) -> _Query | None:
    """The conditions for `text`, or None when it is empty (every tenant)."""
    words = search_words(text)
    if not words:
        return None
    long_words = [f for _, f in words if len(f) >= 3]
    short_words = [(w, f) for w, f in words if len(f) < 3]
    q = _Query()
    conds = []
    if long_words:
        q.params["match"] = " AND ".join(fts_phrase(w) for w in long_words)
        q.candidates = "SELECT rowid AS rid FROM tenant_fts WHERE tenant_fts MATCH :match"
        extra = [f for _, f in short_words]
        for i, w in enumerate(long_words):
            q.params[f"w{i}"] = w
            conds.append(f"instr(t.search_text, :w{i}) > 0")
    else:
        (typed, first), extra = short_words[0], [f for _, f in short_words[1:]]
        conds.append(_prefix_query(q, typed, first))
    for i, w in enumerate(extra):
        q.params[f"s{i}"] = w
        conds.append(f"instr(t.search_text, :s{i}) > 0")
    q.condition = " AND ".join(conds)
    if not postcode_start(" ".join(fold(w) for w in query_words(text))):  # a postcode has no "exact"
        q.rank = _rank(q, words)
    return q


def _rank(q: _Query, words: list[tuple[str, str]]) -> str:
    """How far from exact a match is: words found only inside a longer word count 2 each, words whose
    name is not spelled as typed (accents, in any case) count 1 each; 0 is an exact match."""
    terms = []
    for i, (typed, folded) in enumerate(words):
        q.params.update({f"rw{i}": f" {folded} ", f"rt{i}": typed, f"rT{i}": typed[:1].upper() + typed[1:]})
        whole = f"instr(' ' || t.search_text || ' ', :rw{i}) = 0"
        spelled = " OR ".join(f"t.{c} = :r{v}{i} COLLATE NOCASE" for c in ("last_name", "first_name",
                              "preferred_name") for v in ("t", "T"))
        terms.append(f"2 * ({whole}) + NOT ({spelled})")
    return " + ".join(terms)


def _prefix_query(q: _Query, typed: str, first: str) -> str:
    """One or two characters: a prefix of the last name (as typed) or of the first name (folded), or
    (two) of the postcode. Sets q's candidates and parameters; returns the row condition."""
    title = typed[:1].upper() + typed[1:]  # NOCASE folds ASCII only: 'ó' must also try 'Ó'
    q.params.update(lo=typed, hi=_next_prefix(typed), tlo=title, thi=_next_prefix(title),
                    flo=first, fhi=_next_prefix(first), plo=first.upper(), phi=_next_prefix(first.upper()))
    by_postcode = len(first) == 2  # one letter names a quarter of the country's postcodes: too many
    q.candidates = (
        "SELECT rowid AS rid FROM tenant WHERE last_name COLLATE NOCASE >= :lo AND last_name COLLATE NOCASE < :hi "
        + ("" if typed.isascii() else "UNION ALL SELECT rowid AS rid FROM tenant WHERE last_name COLLATE NOCASE "
           ">= :tlo AND last_name COLLATE NOCASE < :thi ")
        + "UNION ALL SELECT rowid AS rid FROM tenant WHERE search_text >= :flo AND search_text < :fhi"
        + (" UNION ALL SELECT tt.rowid AS rid FROM home AS hh JOIN tenant AS tt ON tt.home_id = hh.id "
           "WHERE hh.postcode >= :plo AND hh.postcode < :phi" if by_postcode else "")
    )
    return (
        "((t.last_name COLLATE NOCASE >= :lo AND t.last_name COLLATE NOCASE < :hi) "
        "OR (t.last_name COLLATE NOCASE >= :tlo AND t.last_name COLLATE NOCASE < :thi) "
        "OR (t.search_text >= :flo AND t.search_text < :fhi)"
        + (" OR EXISTS (SELECT 1 FROM home AS hp WHERE hp.id = t.home_id "
           "AND hp.postcode >= :plo AND hp.postcode < :phi))" if by_postcode else ")")
    )


def _hits(rows) -> list[TenantHit]:
    return [TenantHit(*row) for row in rows]


def search(store: Store, text: str, limit: int = 50, offset: int = 0) -> list[TenantHit]:
    """Tenants matching `text`, in last name, first name order, `limit` from `offset`."""
    q = build_query(text)
    params: dict[str, Any] = {"limit": max(0, int(limit)), "offset": max(0, int(offset))}
    with store.engine.connect() as conn:
        if q is None:
            page = (f"SELECT t.rowid AS r, 0 AS k FROM tenant AS t {_BY_NAME} ORDER BY {_ORDER} "
                    f"LIMIT :limit OFFSET :offset")
        else:
            params.update(q.params)
            sparse_sql = f"SELECT count(*) FROM (SELECT rid FROM ({q.candidates}) LIMIT {SPARSE_LIMIT + 1})"
            if conn.exec_driver_sql(sparse_sql, q.params).scalar_one() <= SPARSE_LIMIT:
                page = (f"SELECT t.rowid AS r, ({q.rank}) AS k FROM (SELECT DISTINCT rid FROM ({q.candidates})) AS m "
                        f"CROSS JOIN tenant AS t ON t.rowid = m.rid "
                        f"WHERE {q.condition} ORDER BY k, {_ORDER} LIMIT :limit OFFSET :offset")
            else:  # many matches: walk the name index and stop when the page is full (no exact-first)
                page = (f"SELECT t.rowid AS r, 0 AS k FROM tenant AS t {_BY_NAME} WHERE {q.condition} "
                        f"ORDER BY {_ORDER} LIMIT :limit OFFSET :offset")
        sql = (f"SELECT {_COLUMNS} FROM ({page}) AS p CROSS JOIN tenant AS t ON t.rowid = p.r "
               f"LEFT JOIN home AS h ON h.id = t.home_id ORDER BY p.k, {_ORDER}")
        return _hits(conn.exec_driver_sql(sql, params))


def count(store: Store, text: str) -> int:
    """How many tenants match `text` (all tenants when it is empty)."""
    q = build_query(text)
    with store.engine.connect() as conn:
        if q is None:
            return conn.exec_driver_sql("SELECT count(*) FROM tenant").scalar_one()
        sql = f"SELECT count(*) FROM tenant AS t WHERE t.rowid IN (SELECT rid FROM ({q.candidates})) AND {q.condition}"
        return conn.exec_driver_sql(sql, q.params).scalar_one()


def flag_codes(store: Store, tenant_ids: list[str], on: str) -> list[tuple[str, str, str]]:
    """(tenant id, 'adjustment' | 'warning' | 'plan', kind) for each active record of these tenants
    on the ISO date `on`, including warnings on their homes."""
    if not tenant_ids:
        return []
    ids = json.dumps(list(tenant_ids))
    active = "(x.start_date IS NULL OR x.start_date <= :on) AND (x.end_date IS NULL OR x.end_date > :on)"
    sql = (
        f"SELECT x.tenant_id, 'adjustment', x.kind FROM adjustment AS x "
        f"WHERE x.tenant_id IN (SELECT value FROM json_each(:ids)) AND {active} "
        f"UNION ALL SELECT x.tenant_id, 'warning', x.kind FROM riskwarning AS x "
        f"WHERE x.tenant_id IN (SELECT value FROM json_each(:ids)) AND {active} "
        f"UNION ALL SELECT t.id, 'warning', x.kind FROM tenant AS t JOIN riskwarning AS x ON x.home_id = t.home_id "
        f"WHERE t.id IN (SELECT value FROM json_each(:ids)) AND {active} "
        f"UNION ALL SELECT x.tenant_id, 'plan', x.status FROM supportplan AS x "
        f"WHERE x.tenant_id IN (SELECT value FROM json_each(:ids)) AND x.closed_on IS NULL AND x.status != 'closed'"
    )
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql, {"ids": ids, "on": on})]
