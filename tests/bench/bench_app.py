"""Benchmark: start-up to a usable main window, scrolling the whole tenant list, and memory,
on a landlord-sized store, each beside a floor measured in the same run.

Figures (QUALITY.md):
  start-up to a usable main window (125k store)   ≤ 2 × floor (bare PySide6 QMainWindow + QTableView)
  scroll the full tenant list to the end           no fetch over 50 ms; memory flat
  memory with the store open and list scrolled     ≤ 250 MB RSS
Each figure runs in a fresh process (offscreen Qt), timed from the process start to the first
painted window. Run:
    python tests/bench/bench_app.py [--db EXISTING.db] [--tenants N]
Without --db it builds a demo store (deterministic seed) in a temporary folder first.
Not collected by pytest (tests/bench is in norecursedirs).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FLOOR = r"""
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
from PySide6.QtGui import QStandardItemModel
app = QApplication([])
w = QMainWindow(); v = QTableView(); v.setModel(QStandardItemModel(50, 5)); w.setCentralWidget(v)
w.resize(1280, 800); w.show(); app.processEvents()
print(time.time() - t0)
"""

OURS = r"""
import json, os, sys, time
t0 = float(sys.argv[1])
sys.path.insert(0, sys.argv[3])
from PySide6.QtWidgets import QApplication
from liaison_app.ui import emit_fix  # noqa: F401
from liaison_app.store import open_store
from liaison_app.ui.main_window import MainWindow
app = QApplication([])
store = open_store(sys.argv[2])
w = MainWindow(store); w.resize(1280, 800); w.show()
page = w.show_page("tenants"); app.processEvents()
startup = time.time() - t0

def rss_mb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

rss_open = rss_mb()
model = page.model
worst = 0.0
fetches = 0
while model.canFetchMore():
    s = time.perf_counter(); model.fetchMore(); app.processEvents()
    worst = max(worst, (time.perf_counter() - s) * 1000); fetches += 1
page.table.scrollToBottom(); app.processEvents()
print(json.dumps({"startup": startup, "rows": model.rowCount(), "fetches": fetches, "worst_fetch_ms": worst,
                  "rss_open_mb": rss_open, "rss_scrolled_mb": rss_mb()}))
store.close()
"""


def run(code: str, *args: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code, str(time.time()), *args], capture_output=True, text=True,
                         env=env, check=True)
    return out.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing store (copied first, so the original is untouched)")
    parser.add_argument("--tenants", type=int, default=125_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    os.environ.setdefault("LIAISON_HOME", str(Path(tmp.name) / "home"))
    db = Path(tmp.name) / "bench.db"
    sys.path.insert(0, str(ROOT))
    if args.db:
        shutil.copy(args.db, db)
    else:
        from liaison_app.services.demo import make_demo
        from liaison_app.store import open_store

        store = open_store(db)
        make_demo(store, tenants=args.tenants, seed=1)
        store.close()
    floor = min(float(run(FLOOR)) for _ in range(args.repeat))
    results = [json.loads(run(OURS, str(db), str(ROOT))) for _ in range(args.repeat)]
    best = min(results, key=lambda r: r["startup"])
    print(f"start-up to usable window: {best['startup'] * 1000:.0f} ms  (floor {floor * 1000:.0f} ms, "
          f"ratio {best['startup'] / floor:.2f}; target ≤ 2)")
    print(f"scroll whole list: {best['rows']} rows in {best['fetches']} fetches, worst fetch "
          f"{max(r['worst_fetch_ms'] for r in results):.1f} ms (target ≤ 50 ms)")
    print(f"memory: {best['rss_open_mb']:.0f} MB open, {best['rss_scrolled_mb']:.0f} MB after scrolling "
          f"to the end (target ≤ 250 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
