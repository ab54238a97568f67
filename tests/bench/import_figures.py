"""`import tenants`: a new file of N tenancies, the same file again (nothing changed), and a file of
garbage refused; beside a floor measured in the same run.

Floor: the same CSV read with the csv module and stored with bare sqlite3 executemany into a table of
the same columns (no validation, no homes, no search index), WAL and synchronous=FULL as the store.
The garbage file (every row a bad postcode) is refused by the command line in its own process, so
its peak memory (VmHWM) is the command's own; its floor is a bare csv read of the file.
"""
from __future__ import annotations

import csv
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.stores import ROOT

COLUMNS = ["tenancy_ref", "title", "first_name", "last_name", "preferred_name", "phone", "email",
           "preferred_contact", "language", "interpreter_needed", "uprn", "address_line1", "address_line2",
           "town", "postcode", "block", "tenancy_start"]
GARBAGE_HEADER = "tenancy_ref,first_name,last_name,address_line1,postcode\n"
REFUSE = r"""
import json, sys, time
from liaison_app.cli import main
started = time.perf_counter()
code = main(["--db", sys.argv[1], "import", "tenants", sys.argv[2]])
took = time.perf_counter() - started
with open("/proc/self/status", encoding="ascii") as fh:
    peak = next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmHWM:"))
print(json.dumps({"code": code, "seconds": took, "peak_mb": peak}))
"""


# Each row its own phone number (a real landlord's file repeats few), in allocated UK ranges that
# phonenumbers accepts, typed in the ways housing systems export them: (area code, first digits).
PHONE_RANGES = (("7400", ""), ("7507", ""), ("7723", ""), ("7812", ""), ("7956", ""), ("117", "9"),
                ("113", "2"), ("121", "4"), ("161", "7"), ("1225", "4"), ("20", "7"), ("29", "20"), ("131", "5"))


def phone(i: int) -> str:
    """Row i's own phone number (distinct for every i below a million), in one of four typed styles."""
    area, first = PHONE_RANGES[i % len(PHONE_RANGES)]
    rest = 10 - len(area) - len(first)
    subscriber = f"{first}{(i // len(PHONE_RANGES)) * 7919 % 10 ** rest:0{rest}d}"
    style = i % 4
    if style == 0:
        return f"0{area} {subscriber}"
    if style == 1:
        return f"+44 {area} {subscriber}"
    if style == 2:
        return f"(0{area}) {subscriber[:3]} {subscriber[3:]}"
    return f"0{area}{subscriber}"


def write_csv(path: Path, rows: int, seed: int = 1) -> None:
    from liaison_app.services import demo_data as data

    rng = random.Random(seed)
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(COLUMNS)
        for i in range(rows):
            c = rng.choice(data.COMMUNITIES)
            town = rng.choice(data.TOWNS)
            in_block = rng.random() < 0.35
            block = f"{rng.choice(data.BLOCK_NAMES)} {town['town']} {i % 400}" if in_block else ""
            street = (f"Flat {rng.randint(1, 60)}" if in_block
                      else f"{rng.randint(1, 300)} {rng.choice(town['streets'])}")
            postcode = f"{rng.choice(town['districts'])} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
            out.writerow([
                f"HA-{i + 1:06d}", rng.choice(data.TITLES), rng.choice(c["first"]), rng.choice(c["last"]), "",
                phone(i), f"t{i}@example.org" if i % 3 == 0 else "",
                rng.choice(["phone", "text", "email", "letter", ""]), c["language"], rng.choice(["yes", "no", ""]),
                str(100_000_000_000 + i), street, block, town["town"], postcode, block,
                f"20{rng.randint(0, 25):02d}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"])


def bare_import(path: Path, db: Path) -> float:
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


def _liaison_import(path: Path, db: Path) -> tuple[float, object]:
    from liaison_app.services.imports import import_tenants
    from liaison_app.store import open_store

    store = open_store(db)
    try:
        start = time.perf_counter()
        result = import_tenants(store, path)
        return time.perf_counter() - start, result
    finally:
        store.close()


def import_tenants(rows: int, work: Path) -> dict[str, tuple[float, float | None]]:
    """A new file into an empty store, then the same file again, which must change nothing."""
    folder = work / f"import-{time.monotonic_ns()}"
    folder.mkdir()
    csv_path = folder / "tenants.csv"
    write_csv(csv_path, rows)
    floor = bare_import(csv_path, folder / "floor.db")
    took, first = _liaison_import(csv_path, folder / "liaison.db")
    again, second = _liaison_import(csv_path, folder / "liaison.db")
    if first.created != rows or second.unchanged != rows:
        raise RuntimeError(f"the import did not do what it should: {first}; then {second}")
    return {"import": (took, floor), "reimport": (again, floor)}


def refuse_garbage(rows: int, work: Path) -> dict[str, tuple[float, float | None]]:
    """A file whose every row has a bad postcode, refused by `liaison-app import tenants`."""
    folder = work / f"garbage-{time.monotonic_ns()}"
    folder.mkdir()
    garbage = folder / "garbage.csv"
    with open(garbage, "w", encoding="utf-8", newline="") as fh:
        fh.write(GARBAGE_HEADER)
        fh.writelines(f"R{i},Ann,Lee,{i} Road,NOPE{i}\n" for i in range(rows))
    start = time.perf_counter()
    with open(garbage, newline="", encoding="utf-8") as fh:
        for _ in csv.reader(fh):
            pass
    floor = time.perf_counter() - start
    env = dict(os.environ, LIAISON_HOME=str(folder / "home"), PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", REFUSE, str(folder / "s.db"), str(garbage)], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=str(ROOT))
    garbage.unlink()
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    if out["code"] == 0:
        raise RuntimeError("the garbage file was not refused")
    return {"garbage_seconds": (out["seconds"], floor), "garbage_mb": (out["peak_mb"], None)}
