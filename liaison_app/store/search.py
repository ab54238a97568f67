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
'Celik' when 'Çelik' was typed; with several words, every word a name so spelled); then the matches
are in name order. When a query matches many, the covering index `ix_tenant_name_order` (migration
0002_search) is walked in name order, testing each entry, which stops once the page is full. All
paths apply exactly the same conditions, so paging and counts agree. Homes are joined for the page
only.

Speed (issue #15): the FTS phrase of a folded word in the folded text is exactly "the word appears",
so FTS candidates are never tested again and a count of long words is the FTS index's alone. A one- or
two-letter search matching few, near the top of the list (within SHORT_WINDOW rows), never sorts
every candidate: its exact matches are found from the few rows that can hold the word whole, and the
rest come from the first rows of each source (last name and first name ranges, postcodes) read in
name order. `count` can stop at `at_most`, so a list need not wait for every match to be counted.
The FTS index's rowids are places in name order (migration 0012, store/search_order.py): a query of
long words reads its page of matches already in order, and its exact matches from the same index
(store/search_ranked.py), so it never sorts thousands of matches nor reads their tenant rows. The rule
for exact matches, whatever the path: first whenever the query matches at most SPARSE_LIMIT (so on the
first screen); past DIRECT_LIMIT (search_ranked.py), as for most queries matching more than the list
counts at once, by the exact-word path, never by ranking every match; past SPARSE_LIMIT, name order.
A one- or two-letter query's exact matches are read from the smaller side (store/search_exact.py), its
first names and postcodes from indexes that hold the name order (migration 0013). A query typed on
from one that matched few is ranked at once, without a count (store/search_bounds.py); the list's
page, count and flags are one read (store/search_list.py).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from liaison_app.domain.text import fold
from liaison_app.store import search_bounds
from liaison_app.store.engine import Store
from liaison_app.store.search_exact import exact_rows
from liaison_app.store.search_flags import flag_rows
from liaison_app.store.search_order import fts_phrase, ordered
from liaison_app.store.search_ranked import ranked

SPARSE_LIMIT = 6000
SHORT_WINDOW = 500  # one- and two-letter searches: pages within this many rows read each source in order
SMALL_SOURCE = 3000  # first names this few are sorted from their index alone (0013); more walk the name index
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
_FTS_TIDS = ("SELECT s.tid AS rid FROM tenant_fts CROSS JOIN tenant_fts_order AS s ON s.key = tenant_fts.rowid "
             "WHERE tenant_fts MATCH {}")  # the FTS rowid is a place in name order (store/search_order.py)


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
    condition: str = "1"  # every word, tested on a row (walking the name index)
    params: dict[str, Any] = field(default_factory=dict)
    rank: str = "0"  # exact matches first (see the module docstring); used when few tenants match
    extra: str = "1"  # what the candidates do not already ensure: the short words beside long ones
    extra_s: str = "1"  # the same, tested on tenant_fts_order AS s (store/search_order.py)
    fts: bool = False  # candidates are exactly the FTS matches (unique rowids, no DISTINCT needed)
    size: str = ""  # a capped count of the candidates, when cheaper than counting them
    words: list[tuple[str, str]] = field(default_factory=list)  # (typed, folded) of each word
    prefix: dict[str, str] = field(default_factory=dict)  # short queries: each source of candidates
    sources: list[str] = field(default_factory=list)  # short queries: each source's rowids (rid), as SQL
    found: int = 0  # the candidates counted (at most SPARSE_LIMIT + 1), once the page is chosen
    long: tuple[str, ...] = ()  # the words of three or more characters, folded (the FTS words)
    matched: int | None = None  # every match, counted, when the page's path read them all


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
    q = _Query(words=words, long=tuple(long_words))
    conds = []
    if long_words:
        # A trigram phrase of a folded word in the folded text is exactly "the word appears": the
        # FTS candidates need no second test; the row condition is for walking the name index.
        q.params["match"] = " AND ".join(fts_phrase(w) for w in long_words)
        q.candidates = _FTS_TIDS.format(":match")
        q.fts = True
        extra = [f for _, f in short_words]
        for i, w in enumerate(long_words):
            q.params[f"w{i}"] = w
            conds.append(f"instr(t.search_text, :w{i}) > 0")
    else:
        (typed, first), extra = short_words[0], [f for _, f in short_words[1:]]
        conds.append(_prefix_query(q, typed, first))
    extras = []
    for i, w in enumerate(extra):
        q.params[f"s{i}"] = w
        extras.append(f"instr(t.search_text, :s{i}) > 0")
    q.condition = " AND ".join(conds + extras)
    q.extra = " AND ".join(extras) or "1"  # the candidates are exactly the rows meeting the rest
    q.extra_s = q.extra.replace("t.search_text", "s.search_text")
    if not postcode_start(" ".join(fold(w) for w in query_words(text))):  # a postcode has no "exact"
        q.rank = _rank(q, words)
    return q


def _rank(q: _Query, words: list[tuple[str, str]]) -> str:
    """0 when every typed word is a whole word of the text and a name spelled as typed (accents, in any
    case), 1 when every word is a whole word, else 2 (the module docstring's "exact matches first")."""
    partial, spelled = [], []
    for i, (typed, folded) in enumerate(words):
        q.params.update({f"rw{i}": f" {folded} ", f"rt{i}": typed, f"rT{i}": typed[:1].upper() + typed[1:]})
        partial.append(f"instr(' ' || t.search_text || ' ', :rw{i}) = 0")
        spelled.append("(" + " OR ".join(f"t.{c} = :r{v}{i} COLLATE NOCASE" for c in ("last_name", "first_name",
                                          "preferred_name") for v in ("t", "T")) + ")")
    return f"(CASE WHEN {' OR '.join(partial)} THEN 2 WHEN {' AND '.join(spelled)} THEN 0 ELSE 1 END)"


def _prefix_query(q: _Query, typed: str, first: str) -> str:
    """One or two characters: a prefix of the last name (as typed) or of the first name (folded), or
    (two) of the postcode. Sets q's candidates, their capped count and parameters; returns the row
    condition."""
    title = typed[:1].upper() + typed[1:]  # NOCASE folds ASCII only: 'ó' must also try 'Ó'
    q.params.update(lo=typed, hi=_next_prefix(typed), tlo=title, thi=_next_prefix(title),
                    flo=first, fhi=_next_prefix(first), plo=first.upper(), phi=_next_prefix(first.upper()),
                    pword=" " + first)
    by_postcode = len(first) == 2  # one letter names a quarter of the country's postcodes: too many
    names = [
        "SELECT rowid AS rid FROM tenant WHERE last_name COLLATE NOCASE >= :lo AND last_name COLLATE NOCASE < :hi",
        *([] if typed.isascii() else [("SELECT rowid AS rid FROM tenant WHERE last_name COLLATE NOCASE >= :tlo "
                                       "AND last_name COLLATE NOCASE < :thi")]),
        "SELECT rowid AS rid FROM tenant WHERE search_text >= :flo AND search_text < :fhi",
    ]
    homes = "SELECT hh.id FROM home AS hh WHERE hh.postcode >= :plo AND hh.postcode < :phi"
    q.sources = names + ([f"SELECT tt.rowid AS rid FROM ({homes}) AS hp JOIN tenant AS tt ON tt.home_id = hp.id"]
                         if by_postcode else [])
    q.candidates = " UNION ALL ".join(q.sources)
    # Counting candidates for the choice of path: the homes of a postcode stand for their tenants
    # (the home index alone answers; joining each home's tenants is what made 'ba' slow).
    capped = [f"SELECT 1 FROM ({sql}) LIMIT {SPARSE_LIMIT + 1}" for sql in names]
    if by_postcode:
        capped.append(f"SELECT 1 FROM home AS hh WHERE hh.postcode >= :plo AND hh.postcode < :phi "
                      f"LIMIT {SPARSE_LIMIT + 1}")
    q.size = " + ".join(f"(SELECT count(*) FROM ({sql}))" for sql in capped)
    q.prefix = {"last": "t.last_name COLLATE NOCASE >= :lo AND t.last_name COLLATE NOCASE < :hi",
                "first": "t.search_text >= :flo AND t.search_text < :fhi"}
    if not typed.isascii():
        q.prefix["title"] = "t.last_name COLLATE NOCASE >= :tlo AND t.last_name COLLATE NOCASE < :thi"
    if by_postcode:
        q.prefix["postcode"] = homes
    return (
        "((t.last_name COLLATE NOCASE >= :lo AND t.last_name COLLATE NOCASE < :hi) "
        "OR (t.last_name COLLATE NOCASE >= :tlo AND t.last_name COLLATE NOCASE < :thi) "
        "OR (t.search_text >= :flo AND t.search_text < :fhi)"
        # a postcode follows a space in the search text: only those rows look at their home
        + (" OR (instr(t.search_text, :pword) > 0 AND EXISTS (SELECT 1 FROM home AS hp WHERE hp.id = t.home_id "
           "AND hp.postcode >= :plo AND hp.postcode < :phi)))" if by_postcode else ")")
    )


def _hits(rows) -> list[TenantHit]:
    return [TenantHit(*row) for row in rows]


def _candidates(conn, q: _Query) -> int:
    """How many candidates the query has, counting no further than SPARSE_LIMIT + 1."""
    if q.fts:  # one FTS row per tenant: the index alone answers
        size = f"SELECT count(*) FROM (SELECT 1 FROM tenant_fts WHERE tenant_fts MATCH :match LIMIT {SPARSE_LIMIT + 1})"
    else:
        size = q.size or f"SELECT count(*) FROM (SELECT rid FROM ({q.candidates}) LIMIT {SPARSE_LIMIT + 1})"
    cursor = conn.connection.driver_connection  # one number: the driver's cursor costs least
    return cursor.execute(f"SELECT {size}" if q.size else size, q.params).fetchone()[0]


def page_sql(conn, q: _Query | None, params: dict[str, Any]) -> str:
    """The rowids (r) and rank (k) of one page of matches, in order."""
    if q is None:
        return f"SELECT t.rowid AS r, 0 AS k FROM tenant AS t {_BY_NAME} ORDER BY {_ORDER} LIMIT :limit OFFSET :offset"
    n = params["offset"] + params["limit"]
    if q.fts and (found := search_bounds.typed_on(conn, q, n)) is not None:  # no count needed
        params["page"] = json.dumps(found[params["offset"]:])
        return "SELECT j.value AS r, j.key AS k FROM json_each(:page) AS j"
    size = q.found = _candidates(conn, q)
    if q.fts and size <= SPARSE_LIMIT:
        search_bounds.remember(conn, q.long, size)
    if size == 0:
        return "SELECT 0 AS r, 0 AS k WHERE 0"
    few = size <= SPARSE_LIMIT  # then exact matches come first
    if q.fts:  # read in name order from the FTS index (store/search_order.py)
        cursor = conn.connection.driver_connection
        found = ranked(cursor, q, n, size) if few and q.rank != "0" else ordered(cursor, ":match", q.params, n, q.extra_s)
        params["page"] = json.dumps(found[params["offset"]:])
        return "SELECT j.value AS r, j.key AS k FROM json_each(:page) AS j"
    if q.prefix and few and params["offset"] + params["limit"] <= SHORT_WINDOW:
        params["page"] = json.dumps(short_page(conn, q, params["limit"], params["offset"]))
        return "SELECT j.value AS r, j.key AS k FROM json_each(:page) AS j"
    if few:
        found = f"({q.candidates})" if q.fts else f"(SELECT DISTINCT rid FROM ({q.candidates}))"
        return (f"SELECT t.rowid AS r, ({q.rank}) AS k FROM {found} AS m CROSS JOIN tenant AS t ON t.rowid = m.rid "
                f"WHERE {q.extra} ORDER BY k, {_ORDER} LIMIT :limit OFFSET :offset")
    # many matches: walk the name index and stop when the page is full (no exact-first)
    return (f"SELECT t.rowid AS r, 0 AS k FROM tenant AS t {_BY_NAME} WHERE {q.condition} "
            f"ORDER BY {_ORDER} LIMIT :limit OFFSET :offset")


def short_page(conn, q: _Query, limit: int, offset: int) -> list[int]:
    """One or two letters matching few tenants: the rowids of a page near the top, without sorting every
    candidate. The exact matches first, then the rest in name order, taken from the first rows of each
    source of candidates (last name, first name, postcode) read in name order: a source is a range of
    the name index, or small enough to sort."""
    exact = exact_rows(conn, q) if q.rank != "0" else []
    if len(exact) >= offset + limit:  # the exact matches fill the page
        return exact[offset:offset + limit]
    # The page's rest is within each source's first offset + limit rows: before any of them in its
    # source come only exact matches and the rest's earlier rows.
    params = {**q.params, "n": offset + limit}
    found: set[int] = set()
    for sql in _source_sql(conn, q):
        found.update(r for (r,) in conn.exec_driver_sql(sql, params))
    found.difference_update(exact)
    rest = [r for (r,) in conn.exec_driver_sql(
        f"SELECT t.rowid FROM tenant AS t WHERE t.rowid IN (SELECT value FROM json_each(:ids)) "
        f"ORDER BY {_ORDER} LIMIT :n", {"ids": json.dumps(sorted(found)), "n": params["n"]})]
    return (exact + rest)[offset:offset + limit]


def _source_sql(conn, q: _Query) -> list[str]:
    """For each source of a short query, its first :n rows in name order (the other words tested)."""
    walk = f"SELECT t.rowid FROM tenant AS t {_BY_NAME} WHERE {{}} AND {q.extra} ORDER BY {_ORDER} LIMIT :n"
    out = [walk.format(q.prefix["last"])] + ([walk.format(q.prefix["title"])] if "title" in q.prefix else [])
    small = f"SELECT count(*) FROM (SELECT 1 FROM {{}} LIMIT {SMALL_SOURCE + 1})"
    first = "tenant AS t INDEXED BY ix_tenant_search_text WHERE " + q.prefix["first"]
    if conn.exec_driver_sql(small.format(first), q.params).scalar_one() <= SMALL_SOURCE:
        out.append(f"SELECT t.rowid FROM {first} AND {q.extra} ORDER BY {_ORDER} LIMIT :n")
    else:  # first names are spread over the alphabet of last names: the walk soon fills a page
        out.append(walk.format(q.prefix["first"]))
    if "postcode" in q.prefix:
        homes = f"({q.prefix['postcode']}) AS hp"
        # sorting a postcode's tenants reads each one's row: a fifth as many as first names
        if conn.exec_driver_sql(small.format(homes), q.params).scalar_one() <= SMALL_SOURCE // 5:
            out.append(f"SELECT t.rowid FROM {homes} JOIN tenant AS t ON t.home_id = hp.id WHERE {q.extra} "
                       f"ORDER BY {_ORDER} LIMIT :n")
        else:  # so are postcodes; the home is read only where the search text has a word so starting
            out.append(walk.format("instr(t.search_text, :pword) > 0 AND EXISTS (SELECT 1 FROM home AS hq "
                                   "WHERE hq.id = t.home_id AND hq.postcode >= :plo AND hq.postcode < :phi)"))
    return out


def _after_sql(conn, params: dict[str, Any], after: tuple[int, str] | None) -> str | None:
    """The whole list's page as a seek from a tenant known to stand at a place before it (`after`: place,
    tenant id): the name index is entered at that tenant's last name instead of counting every entry up to
    a deep offset (a quarter of a second's scrolling was 20 ms a page at 120,000). The same page as the
    offset gives while the list is unchanged; None when the tenant is not before the page or is gone."""
    if after is None or not 0 <= after[0] < params["offset"]:
        return None
    key = conn.exec_driver_sql("SELECT last_name, first_name, id FROM tenant WHERE id = ?", (after[1],)).first()
    if key is None:
        return None
    params.update(aa=key[0], ab=key[1], ac=key[2], skip=params["offset"] - after[0] - 1)
    return (f"SELECT t.rowid AS r, 0 AS k FROM tenant AS t {_BY_NAME} WHERE t.last_name COLLATE NOCASE >= :aa "
            f"AND (t.last_name COLLATE NOCASE > :aa OR t.first_name COLLATE NOCASE > :ab "
            f"OR (t.first_name COLLATE NOCASE = :ab AND t.id > :ac)) ORDER BY {_ORDER} LIMIT :limit OFFSET :skip")


def search(store: Store, text: str, limit: int = 50, offset: int = 0,
           after: tuple[int, str] | None = None) -> list[TenantHit]:
    """Tenants matching `text`, in last name, first name order, `limit` from `offset`. For the whole list
    (no text), `after` may name a tenant the caller holds at an earlier place (place, id): the page is then
    read from there (`_after_sql`)."""
    q = build_query(text)
    params: dict[str, Any] = {"limit": max(0, int(limit)), "offset": max(0, int(offset))}
    with store.engine.connect() as conn:
        if q is not None:
            params.update(q.params)
        page = (_after_sql(conn, params, after) if q is None else None) or page_sql(conn, q, params)
        return page_hits(conn.connection.driver_connection, page, params)


def page_hits(cursor, page: str, params: dict[str, Any]) -> list[TenantHit]:
    """The tenants (with their homes) of a page's rowids (`page_sql`), read on the DB-API cursor."""
    sql = (f"SELECT {_COLUMNS} FROM ({page}) AS p CROSS JOIN tenant AS t ON t.rowid = p.r "
           f"LEFT JOIN home AS h ON h.id = t.home_id ORDER BY p.k, {_ORDER}")
    return _hits(cursor.execute(sql, params).fetchall())


def _match_rows(q: _Query | None) -> str:
    """One row per match, as cheaply as the query allows (the FTS index alone when it answers)."""
    if q is None:
        return "SELECT 1 FROM tenant"
    if q.fts and q.extra == "1":
        return "SELECT 1 FROM tenant_fts WHERE tenant_fts MATCH :match"
    if q.fts:  # the short words are tested on the index's own copy of the search text
        return (f"SELECT 1 FROM tenant_fts CROSS JOIN tenant_fts_order AS s ON s.key = tenant_fts.rowid "
                f"WHERE tenant_fts MATCH :match AND {q.extra_s}")
    found = f"({q.candidates})" if q.fts else f"(SELECT DISTINCT rid FROM ({q.candidates}))"
    if q.extra == "1":
        return f"SELECT 1 FROM {found} AS m"
    return f"SELECT 1 FROM {found} AS m CROSS JOIN tenant AS t ON t.rowid = m.rid WHERE {q.extra}"


def count_sql(q: _Query | None, at_most: int | None = None) -> str:
    """The statement counting the matches of `q` (see `count`)."""
    if at_most is not None:
        cap = max(0, int(at_most)) + 1
        capped = f"SELECT count(*) FROM ({_match_rows(q)} LIMIT {cap})"
        if q is None or not q.sources or q.extra != "1":
            return capped
        # One source alone past the cap answers at once (each lists a tenant once; only their union
        # needs DISTINCT, which read every candidate of 'ba' before it could stop).
        each = ", ".join(f"(SELECT count(*) FROM (SELECT 1 FROM ({sql}) LIMIT {cap}))" for sql in q.sources)
        return f"SELECT CASE WHEN max({each}, 0) >= {cap} THEN {cap} ELSE ({capped}) END"
    return "SELECT count(*) FROM tenant" if q is None else f"SELECT count(*) FROM ({_match_rows(q)})"


def count(store: Store, text: str, at_most: int | None = None) -> int:
    """How many tenants match `text` (all tenants when it is empty). With `at_most`, counting stops
    past it: more matches than that answer at_most + 1 (a list can say "more than 1,000" at once)."""
    q = build_query(text)
    with store.engine.connect() as conn:
        return conn.exec_driver_sql(count_sql(q, at_most), q.params if q else {}).scalar_one()


def flag_codes(store: Store, tenant_ids: list[str], on: str) -> list[tuple[str, str, str]]:
    """(tenant id, 'adjustment' | 'warning' | 'plan', kind) for each active record of these tenants
    on the ISO date `on`, including warnings on their homes (store/search_flags.py)."""
    if not tenant_ids:
        return []
    with store.engine.connect() as conn:
        return flag_rows(conn.connection.driver_connection, tenant_ids, on)
