"""The core floors (domain, store, services, printing) import with Qt blocked: no PySide6 below ui/."""
from __future__ import annotations

import os
import subprocess
import sys


SCRIPT = r"""
import importlib, importlib.abc, pkgutil, sys

class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken6"):
            raise ImportError(f"Qt is blocked in the core: {name}")
        return None

sys.meta_path.insert(0, BlockQt())
count = 0
for package in ("liaison_app.domain", "liaison_app.store", "liaison_app.services", "liaison_app.printing"):
    pkg = importlib.import_module(package)
    count += 1
    for info in pkgutil.walk_packages(pkg.__path__, package + "."):
        if ".migrations." in info.name:  # Alembic scripts run only inside Alembic
            continue
        importlib.import_module(info.name)
        count += 1
assert not any(m.startswith("PySide6") for m in sys.modules), "PySide6 was imported"
print(count)
"""


def test_core_imports_without_qt(tmp_path):
    env = dict(os.environ, LIAISON_HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) >= 20  # every module was walked, not just the packages
