"""Figures of the desktop app, each in a fresh process under offscreen Qt, timed from the moment the
process was started: the sign-in dialog on screen (beside a bare PySide6 window), the main window after
the password is accepted, memory with the tenant list scrolled end to end (and the longest pause while
scrolling), and opening a big tenant record.

The start-up run is the real `liaison-app --db STORE` (app.main): an event filter notes the first
paint of the sign-in dialog, answers it, and notes when the password was accepted and when the main
window first painted; then the app is asked to quit. Nothing of the app is replaced or patched.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.stores import PASSWORD, ROOT, USER

TIME_LIMIT = 180.0  # seconds a start-up may take before it is reported as failed

RSS = r"""
def rss_mb():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) / 1024 for l in fh if l.startswith("VmRSS:"))
"""

FLOOR = RSS + r"""
import json, sys, time
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
from PySide6.QtGui import QStandardItemModel
app = QApplication([])
w = QMainWindow(); v = QTableView(); v.setModel(QStandardItemModel(50, 5)); w.setCentralWidget(v)
w.resize(1280, 800); w.show(); app.processEvents()
print(json.dumps({"shown": time.time() - t0, "rss": rss_mb()}))
"""

STARTUP = r"""
import json, sys, time
t0 = float(sys.argv[1])
db, user, password = sys.argv[2:5]
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
marks = {}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Paint:
            return False
        kind = type(obj).__name__
        if kind == "SignInDialog" and "sign_in" not in marks:
            marks["sign_in"] = time.time() - t0
            obj.accepted.connect(lambda: marks.setdefault("accepted", time.time() - t0))
            obj.username.setText(user)
            obj.password.setText(password)
            QTimer.singleShot(0, obj.ok_button.click)
        elif kind == "MainWindow" and "main" not in marks:
            marks["main"] = time.time() - t0
            quit_timer.start()
        return False

watch = Watch()
app.installEventFilter(watch)
quit_timer = QTimer(interval=50)
quit_timer.timeout.connect(app.quit)  # again until the app's own event loop is running to hear it
watchdog = QTimer(singleShot=True, interval=int(float(sys.argv[5]) * 1000))
watchdog.timeout.connect(quit_timer.start)  # never wait for ever: no main window is reported as missing
watchdog.start()
from liaison_app.app import main
code = main(["--db", db])
print(json.dumps({**marks, "code": code}))
"""

SCROLL = RSS + r"""
import json, sys, time
sys.path.insert(0, sys.argv[3])
from PySide6.QtWidgets import QApplication
from liaison_app.store import open_store
from liaison_app.ui.main_window import MainWindow
from liaison_app.ui import workers
app = QApplication([])
store = open_store(sys.argv[2])
w = MainWindow(store); w.resize(1280, 800); w.show()
page = w.show_page("tenants"); app.processEvents()
s = time.perf_counter()
while workers._RUNNING and time.perf_counter() - s < 300:  # the Today page gathers its day on a thread
    app.processEvents(); time.sleep(0.01)
app.processEvents()
before = rss_mb()
bar = page.table.verticalScrollBar()
stride = max(bar.pageStep(), bar.maximum() // int(sys.argv[4]))
pauses = []
for value in [*range(0, bar.maximum() + 1, stride), 0, bar.maximum()]:  # the whole list, back, the end
    s = time.perf_counter()
    bar.setValue(value); app.processEvents()  # what the officer waits for: the rows in view, drawn
    pauses.append((time.perf_counter() - s) * 1000)
print(json.dumps({"before": before, "after": rss_mb(), "rows": page.model.rowCount(), "pause": max(pauses)}))
store.close()
"""


RECORD = RSS + r"""
import json, statistics, sys, time
from datetime import date, datetime, timedelta
from PySide6.QtWidgets import QApplication
from liaison_app.domain import Adjustment, Contractor, Home, Job, Tenant, Visit
from liaison_app.services import officers, records
from liaison_app.store import open_store
from liaison_app.ui.main_window import MainWindow
from liaison_app.ui import workers
app = QApplication([])
store = open_store(sys.argv[2])
officers.sign_in(store, sys.argv[3], sys.argv[4])
kinds = ["boot_covers", "female_operative", "call_ahead", "hearing", "door_time", "quiet_working", "interpreter",
         "mobility", "large_print", "vision"]
run = time.time_ns()  # each run adds its own tenant: the working copy is shared by --repeat runs
home = records.create(store, Home(address_line1="1 Bench Row", town="Frome", postcode="BA11 1AA"))
tenant = records.create(store, Tenant(tenancy_ref=f"BENCH-REC-{run}", first_name="Łucja", last_name="Wiśniewska",
                                      home_id=home.id))
contractor = records.create(store, Contractor(name=f"Bench Record Builders {run}"))
with store.write() as s:  # QUALITY.md's record: 20 adjustments, 100 visits, 20 jobs
    s.add_all([Adjustment(tenant_id=tenant.id, kind=kinds[n % len(kinds)], instruction=f"Instruction {n}")
               for n in range(20)])
    s.add_all([Visit(tenant_id=tenant.id, visit_type="home_visit", at=datetime(2025, 1, 1) + timedelta(days=3 * n))
               for n in range(100)])
    s.add_all([Job(job_ref=f"BENCH-J-{run}-{n:03d}", contractor_id=contractor.id, job_type="repair", tenant_id=tenant.id,
                   home_id=home.id, description="Repair", due_date=date(2026, 6, 1)) for n in range(20)])
w = MainWindow(store); w.resize(1280, 800); w.show()

def settle(limit=120.0):
    start = time.perf_counter()
    while workers._RUNNING and time.perf_counter() - start < limit:
        app.processEvents(); time.sleep(0.0005)
    app.processEvents()

settle()  # the Today page gathers its day first
page = w.pages["tenants"] if "tenants" in w.pages else w.show_page("tenants")
opens, tabs = [], []
for _ in range(int(sys.argv[5])):
    w.show_page("today"); settle()
    start = time.perf_counter()
    w.open_tenant(tenant.id)
    settle()  # the header and the first tab are read off the UI thread and shown
    opens.append((time.perf_counter() - start) * 1000)
    record = page.record
    for name in list(record.specs)[1:]:
        start = time.perf_counter()
        record.show_tab(name); settle()
        tabs.append((time.perf_counter() - start) * 1000)
print(json.dumps({"open": statistics.median(opens), "tab_max": max(tabs)}))
store.close()
"""


def _run(code: str, *args: str, home: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIAISON_HOME=str(home), PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", code, str(time.time()), *args], capture_output=True, text=True,
                          env=env, cwd=str(ROOT), timeout=TIME_LIMIT * 3)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise RuntimeError(f"benchmark process failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def start_up(db: Path, work: Path) -> dict[str, tuple[float, float | None]]:
    """Sign-in dialog on screen (beside a bare PySide6 window); main window after the password."""
    floor = _run(FLOOR, home=work / "home")
    ours = _run(STARTUP, str(db), USER, PASSWORD, str(TIME_LIMIT), home=work / "home")
    if "main" not in ours or "sign_in" not in ours:
        raise RuntimeError(f"the app did not reach its main window: {ours}")
    return {"startup": (ours["sign_in"] * 1000, floor["shown"] * 1000),
            "main_window": ((ours["main"] - ours["accepted"]) * 1000, None)}


def scrolled_memory(db: Path, work: Path, steps: int = 1000) -> dict[str, tuple[float, float | None]]:
    """Resident memory once the tenant list has been scrolled end to end (beside a bare PySide6 window),
    and how much it grew while scrolling."""
    floor = _run(FLOOR, home=work / "home")
    ours = _run(SCROLL, str(db), str(ROOT), str(steps), home=work / "home")
    return {"list_mb": (ours["after"], floor["rss"]), "list_growth_mb": (ours["after"] - ours["before"], None),
            "scroll_pause": (ours["pause"], None)}


def open_record(db: Path, work: Path, opens: int = 5) -> dict[str, tuple[float, float | None]]:
    """A tenant record of 20 adjustments, 100 visits and 20 jobs (added to the working copy), opened from
    Today until its header and first tab are shown (median of `opens`), and each other tab shown (slowest)."""
    ours = _run(RECORD, str(db), USER, PASSWORD, str(opens), home=work / "home")
    return {"record_open": (ours["open"], None), "record_tab": (ours["tab_max"], None)}
