"""Tenant search per keystroke (first 50 results), beside the same kind of query in bare sqlite3.

Each word of TYPED is typed a letter at a time; each keystroke's time is the best of a few tries
(the search runs again on every keystroke, so a slow one is a real pause). A keystroke does what the
tenant list does before it can show the rows (ui/tenant_table.py `_first_page`): the first page of
50 and the count of the matches up to its cap, in one read (the list's length and the "N found" label
wait on it; the rest are counted when the list is scrolled to its end): `search_median`/`search_max`. The first page alone is `page_median`/`page_max`.
The floor is bare sqlite3 on the same file: an FTS5 trigram MATCH for three or more characters,
else a NOCASE prefix of the last name, first 50 rowids.

LIAISON_BENCH_VERBOSE=1 prints each keystroke's time (list, page, floor) to stderr, to see which are slow.
"""
from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

TYPED = ["smith", "begum", "ha-0001", "mill lane", "bath", "ba1 4", "łukasiewicz", "ó briain", "yılmaz", "flat 12",
         "celik", "ba14"]
TRIES = 3


def keystrokes() -> list[str]:
    return [word[:i] for word in TYPED for i in range(1, len(word) + 1)]


def best_ms(fn, text: str) -> float:
    times = []
    for _ in range(TRIES):
        start = time.perf_counter()
        fn(text)
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def floor_search(conn: sqlite3.Connection):
    def run(text: str) -> list:
        words = text.casefold().split()
        if not any(len(w) >= 3 for w in words):
            return conn.execute("SELECT rowid FROM tenant WHERE last_name >= ? COLLATE NOCASE LIMIT 50",
                                (words[0],)).fetchall()
        match = " AND ".join('"' + w.replace('"', '""') + '"' for w in words if len(w) >= 3)
        return conn.execute("SELECT rowid FROM tenant_fts WHERE tenant_fts MATCH ? LIMIT 50", (match,)).fetchall()
    return run


PAGE = 50  # ui/tenant_table.py PAGE_SIZE


def list_keystroke(store):
    """What the tenant list waits on for one search (ui/tenant_table.py `_first_page`): the first page
    and the count of the matches, at most the list's COUNT_CAP, read together."""
    from liaison_app.services.tenants import search_tenants_counted
    from liaison_app.ui.tenant_table import COUNT_CAP

    def run(text: str) -> None:
        search_tenants_counted(store, text, PAGE, COUNT_CAP)
    return run


def search_per_keystroke(db: Path, work: Path) -> dict[str, tuple[float, float | None]]:
    from liaison_app.services.tenants import search_tenants
    from liaison_app.store import open_store

    store = open_store(db)
    bare = sqlite3.connect(db)
    try:
        floor = floor_search(bare)
        ours, pages, base = [], [], []
        for text in keystrokes():
            search_tenants(store, text)  # warm, as the keystroke before warmed the real thing
            ours.append(best_ms(list_keystroke(store), text))
            pages.append(best_ms(lambda t: search_tenants(store, t, PAGE, 0), text))
            base.append(best_ms(floor, text))
            if os.environ.get("LIAISON_BENCH_VERBOSE"):
                print(f"    {text!r:16} list {ours[-1]:7.2f} ms  page {pages[-1]:7.2f} ms  floor {base[-1]:5.2f} ms",
                      file=sys.stderr)
    finally:
        bare.close()
        store.close()
    return {"search_median": (statistics.median(ours), statistics.median(base)),
            "search_max": (max(ours), max(base)),
            "page_median": (statistics.median(pages), statistics.median(base)),
            "page_max": (max(pages), max(base))}
