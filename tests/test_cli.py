"""The command line, run as officers run it: `python -m liaison_app` in a separate process."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest



def run(*args, tmp_path, check=None):
    env = dict(os.environ, LIAISON_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")  # the installed package
    env.pop("LIAISON_DB", None)
    env.pop("LIAISON_PASSWORD", None)
    proc = subprocess.run([sys.executable, "-m", "liaison_app", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=180, encoding="utf-8")
    if check is not None:
        assert proc.returncode == check, proc.stderr
    return proc


def test_help_lists_commands(tmp_path):
    proc = run("--help", tmp_path=tmp_path, check=0)
    for command in ("demo", "import", "gui"):
        assert command in proc.stdout
    imp = run("import", "--help", tmp_path=tmp_path, check=0)
    assert all(kind in imp.stdout for kind in ("tenants", "jobs", "adjustments", "warnings"))


def test_usage_errors_exit_2(tmp_path):
    assert run("import", "pets", "x.csv", tmp_path=tmp_path).returncode == 2
    assert run("demo", "--tenants", "none", tmp_path=tmp_path).returncode == 2
    assert run("no-such-command", tmp_path=tmp_path).returncode == 2


def test_demo_then_refused_on_real_store(tmp_path):
    db = tmp_path / "demo.db"
    proc = run("--db", db, "demo", "--tenants", "40", "--seed", "3", tmp_path=tmp_path, check=0)
    assert "40 tenant" in proc.stdout
    again = run("--db", db, "demo", tmp_path=tmp_path, check=0)
    assert "already holds demo data" in again.stdout
    real = tmp_path / "real.db"
    csv = tmp_path / "t.csv"
    csv.write_text("tenancy_ref,first_name,last_name,address_line1,postcode\nR-1,Ann,Lee,1 Road,BA1 1AA\n",
                   encoding="utf-8")
    run("--db", real, "import", "tenants", csv, tmp_path=tmp_path, check=0)
    refused = run("--db", real, "demo", tmp_path=tmp_path, check=1)
    assert "records the demo did not make" in refused.stderr


def test_import_success_prints_counts(tmp_path):
    csv = tmp_path / "t.csv"
    csv.write_bytes("tenancy_ref,first_name,last_name,address_line1,postcode\nR-1,Siân,Ŵyn,1 Road,ba11aa\n"
                    .encode("utf-8-sig"))
    db = tmp_path / "s.db"
    proc = run("--db", db, "import", "tenants", csv, tmp_path=tmp_path, check=0)
    assert "1 created, 0 updated, 0 unchanged" in proc.stdout
    again = run("--db", db, "import", "tenants", csv, tmp_path=tmp_path, check=0)
    assert "0 created, 0 updated, 1 unchanged" in again.stdout


def test_refused_import_lists_every_problem_and_exits_1(tmp_path):
    csv = tmp_path / "bad.csv"
    csv.write_text("tenancy_ref,first_name,last_name,address_line1,postcode\n"
                   "A-1,Ann,Lee,1 Road,BA1 1AA\n"
                   "A-2,Bob,Ray,2 Road,NOPE\n"
                   "A-3,,Kay,3 Road,BA1 1AA\n", encoding="utf-8")
    db = tmp_path / "s.db"
    proc = run("--db", db, "import", "tenants", csv, tmp_path=tmp_path, check=1)
    lines = proc.stderr.strip().splitlines()
    assert lines[0] == "line 3, column postcode: Not a valid UK postcode (for example BA12 9AB)."
    assert lines[1] == "line 4, column first_name: The first name is required."
    assert "nothing was imported" in lines[-1]
    listing = run("--db", db, "import", "tenants", tmp_path / "missing.csv", tmp_path=tmp_path, check=1)
    assert "Cannot read the file" in listing.stderr


@pytest.mark.parametrize("kind", ["jobs", "adjustments", "warnings"])
def test_other_kinds_refuse_unknown_columns(tmp_path, kind):
    csv = tmp_path / "x.csv"
    csv.write_text("colour\nred\n", encoding="utf-8")
    proc = run("--db", tmp_path / "s.db", "import", kind, csv, tmp_path=tmp_path, check=1)
    assert "line 1, column colour: Unknown column" in proc.stderr


def test_the_desktop_opens_setup_then_main_window_then_sign_in(tmp_path):
    """The installed program, as `liaison-app --smoke-test`: first start makes the first admin through the
    real setup dialog, the main window shows; the next start signs in through the real sign-in dialog."""
    db = tmp_path / "desk.db"
    env = {"LIAISON_SMOKE_USER": "smoke-admin", "LIAISON_SMOKE_PASSWORD": "a-long-password"}
    first = run_env(env, "--db", db, "--smoke-test", tmp_path=tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "'Welcome to Liaison' shown" in first.stdout and "main window shown: 'Today" in first.stdout
    second = run_env(env, "--db", db, "--smoke-test", tmp_path=tmp_path)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "'Sign in to Liaison' shown" in second.stdout and "main window shown" in second.stdout
    wrong = run_env(dict(env, LIAISON_SMOKE_PASSWORD="not-the-password"), "--db", db, "--smoke-test",
                    tmp_path=tmp_path)
    assert wrong.returncode == 1 and "main window shown" not in wrong.stdout  # sign-in cannot be skipped


def run_env(extra: dict, *args, tmp_path):
    env = dict(os.environ, LIAISON_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen", **extra)
    env.pop("LIAISON_DB", None)
    return subprocess.run([sys.executable, "-m", "liaison_app", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=180, encoding="utf-8")
