"""What the tenant list reads on each keystroke (issue #15): the first page of matches, how many there
are (counting no further than the list shows at once) and the flags of the page's tenants, in one read
transaction and on the DB-API cursor: at a budget of 2 ms a keystroke, a connection's BEGIN and
ROLLBACK and SQLAlchemy's cost per statement and per row were most of the time.

The count costs nothing more where the page already knows it: a page that is not full holds every
match, a page ranked from every match (store/search_ranked.py `direct_rows`) has counted them, and a
query of long words alone has had its matches counted by the FTS index (store/search.py `page_sql`, up
to SPARSE_LIMIT + 1) before its page was chosen. Otherwise it is `count`'s statement.
"""
from __future__ import annotations

from typing import Any

from liaison_app.store import search
from liaison_app.store.engine import Store
from liaison_app.store.search_flags import flag_rows


def first_page(store: Store, text: str, limit: int, at_most: int | None,
               flags_on: str) -> tuple[list[search.TenantHit], int, list[tuple[str, str, str]]]:
    """The first `limit` matches of `text` (as `search.search` gives them), their number as
    `search.count(store, text, at_most)` gives it, and the flag rows of those tenants on the ISO date
    `flags_on` (store/search_flags.py)."""
    q = search.build_query(text)
    params: dict[str, Any] = {"limit": max(0, int(limit)), "offset": 0}
    if q is not None:
        params.update(q.params)
    with store.engine.connect() as conn:
        page = search.page_sql(conn, q, params)
        cursor = conn.connection.driver_connection
        hits = search.page_hits(cursor, page, params)
        found = _known_count(q, len(hits), params["limit"], at_most)
        if found is None:
            found = cursor.execute(search.count_sql(q, at_most), q.params if q else {}).fetchone()[0]
        return hits, found, flag_rows(cursor, [h.id for h in hits], flags_on)


def _known_count(q: search._Query | None, shown: int, limit: int, at_most: int | None) -> int | None:
    """The count when the page has already answered it, else None."""
    if 0 < limit and shown < limit:  # the first page holds every match
        return _capped(shown, at_most)
    if q is not None and q.matched is not None:  # the page's path read every match
        return _capped(q.matched, at_most)
    if q is None or not q.fts or q.extra != "1":
        return None
    if q.found <= search.SPARSE_LIMIT:  # the FTS matches, counted when the page was chosen
        return _capped(q.found, at_most)
    if at_most is not None and int(at_most) < search.SPARSE_LIMIT:  # more than SPARSE_LIMIT: past at_most
        return max(0, int(at_most)) + 1
    return None


def _capped(found: int, at_most: int | None) -> int:
    return found if at_most is None else min(found, max(0, int(at_most)) + 1)
