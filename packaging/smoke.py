"""Smoke what an officer or IT department receives: run every command of an installed or frozen Liaison.

    python packaging/smoke.py PROGRAM [PROGRAM_ARGS ...]

PROGRAM is the installed `liaison-app` (from pip) or the frozen `dist/Liaison-<version>/liaison-app`.
It works in a fresh temporary folder, outside the source checkout, and runs: --version, demo,
import tenants and jobs, brief, pack, each report as PDF, export tenant, backup, then the desktop's
first-account setup and its main window (`--smoke-test`, which needs a screen: DISPLAY from a virtual
X server, or QT_QPA_PLATFORM=offscreen), the desktop's sign-in, and headless commands signed in.
Each step prints one line; the exit code is 0 only when every step did what it should.
Only the standard library is used, so this runs with any Python 3.10+ on Windows, macOS or Linux.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TODAY = date.today().isoformat()
PASSWORD = "smoke-test-password-1"
TENANTS = (
    "tenancy_ref,first_name,last_name,address_line1,town,postcode,phone,language\n"
    "T-SMOKE-1,Siân,Ŵyn-Łukasiewicz,1 Heol y Parc,Caerdydd,CF10 1AA,029 2000 0000,Welsh\n"
    "T-SMOKE-2,Αλέξανδρος,Ковальчук,2 Park Row,Bath,BA1 1AA,,\n"
)
JOBS = (
    "job_ref,tenancy_ref,contractor,operative,job_type,description,appointment_start,appointment_end,due_date\n"
    f"J-SMOKE-1,T-SMOKE-1,Smoke Gas Ltd,Ann Fitter,gas_safety,Annual gas safety check,{TODAY} 10:00,"
    f"{TODAY} 11:00,{TODAY}\n"
)


class SmokeFailed(Exception):
    pass


def run_step(name: str, program: list[str], args: list[str], cwd: Path, env: dict, *, expect_file: Path | None = None,
             magic: bytes = b"%PDF", expect_out: str | None = None, timeout: int = 300) -> str:
    started = time.monotonic()
    try:
        proc = subprocess.run([*program, *args], cwd=cwd, env=env, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise SmokeFailed(f"{name}: no answer within {timeout} s") from exc
    took = time.monotonic() - started
    if proc.returncode != 0:
        raise SmokeFailed(f"{name}: exit {proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}")
    if expect_out is not None and expect_out not in proc.stdout:
        raise SmokeFailed(f"{name}: expected {expect_out!r} in the output\n{proc.stdout}\n{proc.stderr}")
    if expect_file is not None:
        if not expect_file.is_file() or expect_file.stat().st_size < 500:
            raise SmokeFailed(f"{name}: {expect_file.name} was not written")
        if not expect_file.read_bytes().startswith(magic):
            raise SmokeFailed(f"{name}: {expect_file.name} does not start with {magic!r}")
    size = f", {expect_file.stat().st_size:,} bytes" if expect_file is not None else ""
    print(f"ok  {name} ({took:.1f} s{size})", flush=True)
    return proc.stdout


def smoke(program: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="liaison-smoke-") as folder:
        work = Path(folder)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LIAISON_", "PYTHON"))}
        env.update(LIAISON_HOME=str(work / "home"), PYTHONIOENCODING="utf-8")
        db = ["--db", str(work / "smoke.db")]
        (work / "tenants.csv").write_text(TENANTS, encoding="utf-8")
        (work / "jobs.csv").write_text(JOBS, encoding="utf-8")

        def step(name, args, **kw):
            return run_step(name, program, args, work, env, **kw)

        step("--version", ["--version"], expect_out="Liaison ")
        step("demo", [*db, "demo", "--tenants", "60"], expect_out="Demo data made")
        step("import tenants", [*db, "import", "tenants", "tenants.csv"], expect_out="2 created")
        step("import jobs", [*db, "import", "jobs", "jobs.csv"], expect_out="1 created")
        step("brief", [*db, "brief", "J-SMOKE-1", "-o", "brief.pdf"], expect_file=work / "brief.pdf")
        step("pack", [*db, "pack", "--contractor", "Smoke Gas Ltd", "--date", TODAY, "-o", "pack.pdf"],
             expect_file=work / "pack.pdf")
        step("report checks-due", [*db, "report", "checks-due", "--days", "400", "-o", "checks.pdf"],
             expect_file=work / "checks.pdf")
        step("report no-access", [*db, "report", "no-access", "-o", "no-access.pdf"], expect_file=work / "no-access.pdf")
        step("report conduct", [*db, "report", "conduct", "--from", "2000-01-01", "--to", TODAY, "-o", "conduct.pdf"],
             expect_file=work / "conduct.pdf")
        step("export tenant", [*db, "export", "tenant", "T-SMOKE-1", "-o", "export.pdf"], expect_file=work / "export.pdf")
        step("backup", [*db, "backup", "-o", "copy.db"], expect_file=work / "copy.db", magic=b"SQLite format 3\x00")

        gui = dict(env, LIAISON_SMOKE_USER="smoke-admin", LIAISON_SMOKE_PASSWORD=PASSWORD)
        if "DISPLAY" not in gui and "WAYLAND_DISPLAY" not in gui and sys.platform.startswith("linux"):
            gui.setdefault("QT_QPA_PLATFORM", "offscreen")
        run_step("desktop: first-account setup, then the main window", program, [*db, "--smoke-test"], work, gui,
                 expect_out="main window shown")
        run_step("desktop: sign-in, then the main window", program, [*db, "--smoke-test"], work, gui,
                 expect_out="'Sign in to Liaison' shown")

        signed = dict(env, LIAISON_PASSWORD=PASSWORD)
        me = [*db, "--officer", "smoke-admin"]
        run_step("officer list (signed in)", program, [*me, "officer", "list"], work, signed, expect_out="smoke-admin")
        run_step("brief (signed in)", program, [*me, "brief", "J-SMOKE-1", "-o", "brief2.pdf"], work, signed,
                 expect_file=work / "brief2.pdf")


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        smoke(argv)
    except SmokeFailed as exc:
        print(f"FAILED {exc}", file=sys.stderr, flush=True)
        return 1
    print(f"smoke passed in {time.monotonic() - started:.0f} s: {' '.join(argv)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
