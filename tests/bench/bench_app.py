"""Benchmark: start-up to a usable main window, scrolling the whole tenant list, and memory,
on a landlord-sized store, each beside a floor measured in the same run.

Figures (QUALITY.md):
  start-up to a usable main window (125k store)   ≤ 2 × floor (bare PySide6 QMainWindow + QTableView)
  scroll the full tenant list to the end           no scroll step over 50 ms; memory flat
  memory with the store open and list scrolled     ≤ 250 MB RSS
Each figure runs in a fresh process (offscreen Qt), timed from the process start to the first
painted window. The scroll moves the list's scroll bar down the whole list (--steps steps, at least a
screen each), pages down 200 screens from the middle, goes back to the top and jumps to the end, timing
each step with the events it causes (painting, reading rows); garbage-collection pauses are timed too.
The Today page, shown first, gathers its day on a thread: the scroll starts once it has arrived, so
the scroll figures are the tenant list's own, and the Today load is reported on its own line.
Run:
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
import gc, json, os, statistics, sys, time
t0 = float(sys.argv[1])
sys.path.insert(0, sys.argv[3])
from PySide6.QtWidgets import QApplication
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
if sys.argv[5] == "freeze":
    from liaison_app.app import freeze_start_up_objects
    freeze_start_up_objects()  # as app.run does once the window shows
from liaison_app.ui import workers
s = time.perf_counter()
while workers._RUNNING and time.perf_counter() - s < 300:  # the Today page gathers its day on a thread
    app.processEvents(); time.sleep(0.01)
app.processEvents()
today_ms, rss_loaded = (time.perf_counter() - s) * 1000, rss_mb()
gc_pauses = []
def on_gc(phase, info, _t=[0.0]):
    if phase == "start":
        _t[0] = time.perf_counter()
    else:
        gc_pauses.append(((time.perf_counter() - _t[0]) * 1000, info["generation"]))
gc.callbacks.append(on_gc)
model, bar = page.model, page.table.verticalScrollBar()
steps = []
def step(value):
    s = time.perf_counter(); bar.setValue(value); app.processEvents()
    steps.append((time.perf_counter() - s) * 1000)
stride = max(bar.pageStep(), bar.maximum() // int(sys.argv[4]))
for value in range(0, bar.maximum() + 1, stride):  # down the whole list, a stride at a time
    step(value)
for value in range(bar.maximum() // 2, bar.maximum() // 2 + 200 * bar.pageStep(), bar.pageStep()):
    step(value)  # Page Down two hundred times from the middle
step(0); step(bar.maximum())  # back to the top, then jump to the end
end_ms = steps[-1]
last = model.index(model.rowCount() - 1, 0).data()
gc.callbacks.remove(on_gc)
s = time.perf_counter(); gc.collect(); full_gc_ms = (time.perf_counter() - s) * 1000
print(json.dumps({"startup": startup, "rows": model.rowCount(), "steps": len(steps), "worst_step_ms": max(steps),
                  "median_step_ms": statistics.median(steps), "jump_to_end_ms": end_ms,
                  "page_reads": model.page_reads, "cached_pages": model.cached_pages(), "last_row": bool(last),
                  "worst_gc_ms": max((p for p, _g in gc_pauses), default=0.0),
                  "gc_full": sum(1 for _p, g in gc_pauses if g == 2),
                  "full_gc_ms": full_gc_ms, "today_ms": today_ms, "rss_today_mb": rss_loaded,
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
    parser.add_argument("--steps", type=int, default=1000, help="scroll steps across the whole list")
    parser.add_argument("--no-gc-freeze", action="store_true", help="leave out app.freeze_start_up_objects()")
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
    results = [json.loads(run(OURS, str(db), str(ROOT), str(args.steps),
                                   "nofreeze" if args.no_gc_freeze else "freeze")) for _ in range(args.repeat)]
    best = min(results, key=lambda r: r["startup"])
    print(f"start-up to usable window: {best['startup'] * 1000:.0f} ms  (floor {floor * 1000:.0f} ms, "
          f"ratio {best['startup'] / floor:.2f}; target ≤ 2)")
    print(f"scroll whole list: {best['rows']} rows, {best['steps']} scroll steps, {best['page_reads']} page reads; "
          f"worst step {max(r['worst_step_ms'] for r in results):.1f} ms, median {best['median_step_ms']:.1f} ms, "
          f"jump to the end {best['jump_to_end_ms']:.1f} ms (target ≤ 50 ms); pages held {best['cached_pages']}")
    print(f"garbage collection while scrolling: worst pause {max(r['worst_gc_ms'] for r in results):.1f} ms, "
          f"{best['gc_full']} full collections; a full collection afterwards {best['full_gc_ms']:.0f} ms")
    print(f"Today page's day gathered (in the background) {best['today_ms']:.0f} ms after the window showed")
    print(f"memory: {best['rss_open_mb']:.0f} MB open, {best['rss_today_mb']:.0f} MB once Today has its day, "
          f"{best['rss_scrolled_mb']:.0f} MB after scrolling the whole list (target ≤ 250 MB; flat while "
          f"scrolling: {best['rss_scrolled_mb'] - best['rss_today_mb']:+.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
