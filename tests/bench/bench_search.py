"""Benchmark: tenant search per keystroke (first 50 results) on a 125,000-tenant store, beside a floor.

Floor: the same kind of query in bare sqlite3 on the same file: an FTS5 trigram MATCH (three or
more characters) or a NOCASE prefix on last name (one or two), first 50 rowids. Run:
    python tests/bench/bench_search.py [--db EXISTING.db] [--tenants N]
Without --db it builds a demo store (deterministic seed) in a temporary folder first.
Not collected by pytest (tests/bench is in norecursedirs).
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

TYPED = ["smith", "begum", "ha-0001", "mill lane", "bath", "ba1 4", "łukasiewicz", "ó briain", "yılmaz", "flat 12"]
REPEAT = 5


def keystrokes() -> list[str]:
    return [word[:i] for word in TYPED for i in range(1, len(word) + 1)]


def best_ms(fn, text: str) -> float:
    times = []
    for _ in range(REPEAT):
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing store to search (else a demo store is built)")
    parser.add_argument("--tenants", type=int, default=125_000)
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    os.environ.setdefault("LIAISON_HOME", str(Path(tmp.name) / "home"))
    from liaison_app.services.demo import make_demo
    from liaison_app.services.tenants import count_tenants, search_tenants
    from liaison_app.store import open_store

    path = Path(args.db) if args.db else Path(tmp.name) / "bench.db"
    store = open_store(path)
    if not args.db:
        start = time.perf_counter()
        make_demo(store, tenants=args.tenants, seed=1)
        print(f"demo store of {args.tenants} tenants made in {time.perf_counter() - start:.1f} s")
    print(f"tenants in store: {count_tenants(store, '')}")
    bare = sqlite3.connect(path)
    floor = floor_search(bare)
    rows = []
    for text in keystrokes():
        search_tenants(store, text)  # warm
        rows.append((text, best_ms(lambda t: search_tenants(store, t), text), best_ms(floor, text)))
    for text, ours, base in rows:
        print(f"{text!r:18} liaison {ours:7.2f} ms   floor {base:6.2f} ms")
    ours = [r[1] for r in rows]
    base = [r[2] for r in rows]
    print(f"keystrokes: {len(rows)}; liaison median {statistics.median(ours):.2f} ms, max {max(ours):.2f} ms; "
          f"floor median {statistics.median(base):.2f} ms, max {max(base):.2f} ms")
    print(f"median ratio {statistics.median(o / max(b, 0.01) for o, b in zip(ours, base)):.1f} x floor; "
          f"keystrokes within 5 ms: {sum(o <= 5 for o in ours)}/{len(ours)}")
    bare.close()
    store.close()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
