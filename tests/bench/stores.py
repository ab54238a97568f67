"""The benchmark store: a demo store built once per (seed, size, schema) and kept in a cache folder.

The demo is made with a fixed seed and a fixed "today", so the same key always means the same data;
the key also holds the migration files' names and the demo code's hash, so a new schema or a changed
demo builds a new store. Each run works on a copy, so the cached file is never written to.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = 1
TODAY = date(2026, 3, 2)
USER, PASSWORD = "bench-admin", "bench-password-2026"


def cache_folder() -> Path:
    base = os.environ.get("LIAISON_BENCH_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "liaison-bench"


def schema_key() -> str:
    """What makes a cached store stale: the migrations and the demo builder's code. LIAISON_BENCH_KEY
    pins a key (while a migration or the demo is being written, an engineer can keep measuring on the
    store already built; opening the working copy brings its schema up to date)."""
    if os.environ.get("LIAISON_BENCH_KEY"):
        return os.environ["LIAISON_BENCH_KEY"]
    package = ROOT / "liaison_app"
    digest = hashlib.sha256()
    for path in sorted((package / "store" / "migrations" / "versions").glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())  # a migration being written changes its content, not its name
    for path in sorted((package / "services").glob("demo*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def build(path: Path, tenants: int) -> float:
    """Make the demo store at `path` with one admin account to sign in with; returns the seconds taken."""
    from liaison_app.services.demo import make_demo
    from liaison_app.services.officers import create_officer
    from liaison_app.store import open_store

    start = time.perf_counter()
    store = open_store(path)
    try:
        make_demo(store, tenants=tenants, seed=SEED, today=TODAY)
        create_officer(store, USER, "Bench Admin", "admin", PASSWORD)
    finally:
        store.close()
    return time.perf_counter() - start


def cached_store(tenants: int, work: Path, say=print) -> Path:
    """A working copy (in `work`) of the cached benchmark store of `tenants` tenancies (the store's
    folder is copied whole, so files kept beside the store, such as the audit checkpoint, come too)."""
    cached = cache_folder() / f"demo-{tenants}-seed{SEED}-{schema_key()}"
    if not (cached / "bench.db").exists():
        partial = cached.with_name(cached.name + ".building")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        say(f"building the {tenants:,}-tenancy benchmark store (once; cached in {cached.parent}) …")
        say(f"  built in {build(partial / 'bench.db', tenants):.0f} s")
        shutil.rmtree(cached, ignore_errors=True)
        partial.rename(cached)
        for stale in cached.parent.glob(f"demo-{tenants}-seed{SEED}-*"):  # made by an older schema or demo
            if stale != cached and not stale.name.endswith(".building"):
                shutil.rmtree(stale, ignore_errors=True)
    copy = work / "store"
    shutil.copytree(cached, copy)
    return copy / "bench.db"
