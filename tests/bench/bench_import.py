"""Benchmark: `import tenants` of 125,000 rows, beside a floor measured in the same run.

Floor: the same CSV read with the csv module and stored with bare sqlite3 executemany into a table
of the same columns (no validation, no homes, no search index). Run:
    python tests/bench/bench_import.py [--rows N]
Not collected by pytest (tests/bench is in norecursedirs).
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from liaison_app.services import demo_data as data  # noqa: E402

COLUMNS = ["tenancy_ref", "title", "first_name", "last_name", "preferred_name", "phone", "email",
           "preferred_contact", "language", "interpreter_needed", "uprn", "address_line1", "address_line2",
           "town", "postcode", "block", "tenancy_start"]


def write_csv(path: Path, rows: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(COLUMNS)
        for i in range(rows):
            c = rng.choice(data.COMMUNITIES)
            town = rng.choice(data.TOWNS)
            in_block = rng.random() < 0.35
            block = f"{rng.choice(data.BLOCK_NAMES)} {town['town']} {i % 400}" if in_block else ""
            out.writerow([
                f"HA-{i + 1:06d}", rng.choice(data.TITLES), rng.choice(c["first"]), rng.choice(c["last"]), "",
                f"07700 900{rng.randint(0, 999):03d}", f"t{i}@example.org" if i % 3 == 0 else "",
                rng.choice(["phone", "text", "email", "letter", ""]), c["language"], rng.choice(["yes", "no", ""]),
                str(100_000_000_000 + i), f"Flat {rng.randint(1, 60)}" if in_block else f"{rng.randint(1, 300)} "
                f"{rng.choice(town['streets'])}", block, town["town"],
                f"{rng.choice(town['districts'])} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
                f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
                block, f"20{rng.randint(0, 25):02d}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"])


def floor(path: Path, db: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"CREATE TABLE tenant ({', '.join(c + ' TEXT' for c in COLUMNS)})")
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        next(reader)
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(f"INSERT INTO tenant VALUES ({', '.join('?' for _ in COLUMNS)})", reader)
        conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


def liaison(path: Path, db: Path) -> tuple[float, str]:
    from liaison_app.services.imports import import_tenants
    from liaison_app.store import open_store

    store = open_store(db)
    try:
        start = time.perf_counter()
        result = import_tenants(store, path)
        return time.perf_counter() - start, str(result)
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=125_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["LIAISON_HOME"] = str(tmp / "home")
        csv_path = tmp / "tenants.csv"
        write_csv(csv_path, args.rows)
        bare = floor(csv_path, tmp / "floor.db")
        took, result = liaison(csv_path, tmp / "liaison.db")
        again, second = liaison(csv_path, tmp / "liaison.db")
    print(f"rows: {args.rows}")
    print(f"floor (csv + sqlite3 executemany): {bare:.2f} s")
    print(f"liaison import tenants:            {took:.2f} s  ({result})")
    print(f"ratio: {took / bare:.1f} x floor   (target: <= 15 s)")
    print(f"re-import (no-op):                 {again:.2f} s  ({second})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
