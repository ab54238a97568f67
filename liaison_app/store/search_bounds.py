"""How many tenants a search of long words can match at most, known from a search typed before it
(issue #15): typing on ('celi' → 'celik', 'ha-000' → 'ha-0001') only narrows a search, so once a search
matched few (at most search_ranked.DIRECT_LIMIT), the next needs no count before its matches are ranked:
ranking reads every match anyway, and their number with them. A search whose every word holds a word of
the earlier one (the same words excepted: a search repeated is counted as the first time) matches no
more tenants than it did.

Only a hint: if the store has changed since, the ranking reads more than the hint allowed and the search
counts and chooses its path as usual (store/search.py `page_sql`), so results never depend on it.
"""
from __future__ import annotations

from collections import OrderedDict
from threading import Lock

from liaison_app.store import search_ranked

KEPT = 64  # searches remembered, across the stores open in this process

_found: OrderedDict[tuple[str, tuple[str, ...]], int] = OrderedDict()
_lock = Lock()


def typed_on(conn, q, n: int) -> list[int] | None:
    """The first `n` matches (tenant rowids) of `q`, a search of long words alone, ranked from every match
    when an earlier search bounds them (store/search_ranked.py `direct_rows`); `q.found` is set to their
    number. None when no earlier search does, or the store has changed since and there are more."""
    if q.rank == "0" or q.extra != "1":
        return None
    bound = at_most(conn, q.long)
    if bound is None or bound > search_ranked.DIRECT_LIMIT:
        return None
    cursor = conn.connection.driver_connection
    rows = search_ranked.direct_rows(cursor, q, search_ranked.DIRECT_LIMIT + 1)
    if len(rows) > search_ranked.DIRECT_LIMIT:
        return None
    q.found = q.matched = len(rows)
    remember(conn, q.long, q.found)
    return search_ranked.by_rank(cursor, rows, n)


def remember(conn, words: tuple[str, ...], found: int) -> None:
    """`words` (the folded long words of a search) matched `found` tenants in the store of `conn`."""
    key = (str(conn.engine.url), words)  # the store's file: a store reopened may have changed (see above)
    with _lock:
        _found[key] = found
        _found.move_to_end(key)
        while len(_found) > KEPT:
            _found.popitem(last=False)


def at_most(conn, words: tuple[str, ...]) -> int | None:
    """The fewest tenants matched by an earlier, wider search of the store of `conn` (each of its words
    inside one of `words`), or None when there was none."""
    store = str(conn.engine.url)
    with _lock:
        known = [found for (key, earlier), found in _found.items()
                 if key == store and earlier != words and all(any(e in w for w in words) for e in earlier)]
    return min(known, default=None)
