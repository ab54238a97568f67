"""Crash safety: SIGKILL the tenant import at random moments; every time the store passes
integrity_check and holds either every imported row or none.

100 trials run in processes forked from a warmed-up server (the same `liaison_app.cli.main` that
`python -m liaison_app` runs, without paying Python's start-up each time), plus a few real
`python -m liaison_app` processes killed during start-up and import.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROWS = 2000
TRIALS = 100
REAL_TRIALS = 3

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")

SERVER = r'''
import contextlib, os, signal, sys, time
from liaison_app.cli import main
csv_path, warm = sys.argv[2], sys.argv[3]
with contextlib.redirect_stdout(sys.stderr):
    main(["--db", warm + ".first", "import", "tenants", csv_path])  # loads every module once
    start = time.monotonic()
    code = main(["--db", warm, "import", "tenants", csv_path])
print(f"ready {code} {time.monotonic() - start:.4f}", flush=True)
for line in sys.stdin:
    path, delay = line.split("\t")
    pid = os.fork()
    if pid == 0:
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
            os._exit(main(["--db", path, "import", "tenants", csv_path]))
        finally:
            os._exit(70)
    deadline = time.monotonic() + float(delay)
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            print(f"exited {os.WEXITSTATUS(status)}", flush=True)
            break
        if time.monotonic() >= deadline:
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            print("killed" if os.WIFSIGNALED(status) else f"exited {os.WEXITSTATUS(status)}", flush=True)
            break
        time.sleep(0.002)
'''


def _write_csv(path: Path) -> None:
    areas = ["BA1 1AA", "BA12 9AB", "SN1 2DE", "BS3 4FG", "GL5 3HJ", "SP2 7LN"]
    lines = ["tenancy_ref,first_name,last_name,address_line1,town,postcode"]
    for i in range(ROWS):
        lines.append(f"CR-{i:05d},Name{i},Surname{i % 97},{i} Crash Road,Testbury,{areas[i % len(areas)]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _state(path: Path) -> tuple[str, int]:
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        count = conn.execute("SELECT count(*) FROM tenant").fetchone()[0]
        conn.execute("INSERT INTO tenant_fts(tenant_fts) VALUES('integrity-check')")
        return integrity, count
    finally:
        conn.close()


@pytest.fixture
def base_store(tmp_path):
    from liaison_app.store import open_store

    base = tmp_path / "base.db"
    open_store(base).close()  # created and migrated once; each trial starts from a copy
    csv_path = tmp_path / "tenants.csv"
    _write_csv(csv_path)
    return base, csv_path


def _copy(base: Path, target: Path) -> Path:
    shutil.copyfile(base, target)
    return target


def test_sigkill_during_import_leaves_all_or_nothing(base_store, tmp_path):
    base, csv_path = base_store
    env = dict(os.environ)
    server = subprocess.Popen([sys.executable, "-c", SERVER, "-", str(csv_path), str(tmp_path / "warm.db")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                              env=env)
    try:
        ready = server.stdout.readline().split()
        assert ready[:2] == ["ready", "0"], ready
        assert _state(tmp_path / "warm.db") == ("ok", ROWS)
        full = float(ready[2])
        rng = random.Random(20260321)
        outcomes = []
        for trial in range(TRIALS):
            path = _copy(base, tmp_path / f"trial-{trial % 4}.db")
            for side in ("-wal", "-shm"):
                Path(str(path) + side).unlink(missing_ok=True)
            # Mostly within the import's own duration; every tenth trial late enough to let it finish.
            delay = full * 5 if trial % 10 == 9 else rng.uniform(0, full * 1.2)
            server.stdin.write(f"{path}\t{delay:.4f}\n")
            server.stdin.flush()
            how = server.stdout.readline().strip()
            integrity, count = _state(path)
            assert integrity == "ok", (trial, integrity)
            assert count in (0, ROWS), (trial, count)
            outcomes.append((how, count))
    finally:
        server.stdin.close()
        server.wait(timeout=30)
    assert any(how == "killed" and count == 0 for how, count in outcomes)  # killed before its commit
    assert any(how == "exited 0" and count == ROWS for how, count in outcomes)  # and some finished


def test_sigkill_of_the_real_command(base_store, tmp_path):
    base, csv_path = base_store
    env = dict(os.environ)
    rng = random.Random(7)
    for trial in range(REAL_TRIALS):
        path = _copy(base, tmp_path / f"real-{trial}.db")
        proc = subprocess.Popen([sys.executable, "-m", "liaison_app", "--db", str(path), "import", "tenants",
                                 str(csv_path)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        integrity, count = _state(path)
        assert integrity == "ok" and count in (0, ROWS), (trial, integrity, count)
