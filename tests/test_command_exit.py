"""A headless command's process ends without the cycle collector walking what the command loaded (app.main
sets it aside at exit, as the desktop does at start-up): what the command made must be complete before then.
Run as an officer runs it, in a process of its own through the program's entry point."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from audit_trail import actions_in
from pypdf import PdfReader

from liaison_app.services.officers import create_officer
from liaison_app.store import open_store

PASSWORD = "a-long-enough-password-2026"


def _entry(*argv: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, LIAISON_HOME=str(home), LIAISON_PASSWORD=PASSWORD)
    return subprocess.run([sys.executable, "-m", "liaison_app", *argv], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)


def test_a_report_run_as_a_program_leaves_its_file_its_audit_and_a_closed_store(tmp_path):
    db = tmp_path / "store" / "s.db"
    store = open_store(db)
    create_officer(store, "ann", "Ann Lee", "admin", PASSWORD)
    store.close()
    out = tmp_path / "checks.pdf"

    done = _entry("--db", str(db), "--officer", "ann", "report", "checks-due", "-o", str(out), home=tmp_path)

    assert done.returncode == 0, done.stderr
    assert "Report written" in done.stdout
    assert "Ann Lee" in "".join(page.extract_text() for page in PdfReader(out).pages)
    beside = sorted(p.name for p in db.parent.iterdir() if p.name.startswith("s.db") and p.name != "s.db")
    assert not [name for name in beside if name.endswith(("-wal", "-shm", "-journal"))], beside
    assert actions_in(db)[-2:] == ["sign_in", "export"]


def test_a_refused_command_run_as_a_program_says_why_and_exits_1(tmp_path):
    done = _entry("--db", str(tmp_path / "none.db"), "report", "checks-due", "-o", str(tmp_path / "x.pdf"),
                  home=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("liaison-app: ")
    assert not (tmp_path / "x.pdf").exists()
