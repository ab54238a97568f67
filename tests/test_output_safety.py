"""Issue #10, items 1–3, as an officer meets them on the command line.

1. No command writes its output over the store, its journal or lock, a backup, or an existing file of
   another kind; every output is owner-only (one atomic writer).
2. A failed backup leaves nothing behind.
3. A mistyped --db never starts a new store: only demo and import make one, and say so.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from liaison_app.cli import main

TENANTS = 8


def _run(db: Path, *argv) -> int:
    return main(["--db", str(db), *map(str, argv)])


def _err_line(capsys) -> str:
    """stderr, which must be exactly one line (no traceback)."""
    err = capsys.readouterr().err.strip()
    assert err and "\n" not in err and "Traceback" not in err, err
    return err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tenant_count(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db.as_posix()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM tenant").fetchone()[0]
    finally:
        conn.close()


def _first_job(db: Path) -> tuple[str, str, str, str]:
    """(job_ref, contractor, day, tenancy_ref) of a booked job of a tenant in the demo store."""
    conn = sqlite3.connect(f"file:{db.as_posix()}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT j.job_ref, c.name, substr(j.appointment_start, 1, 10), t.tenancy_ref FROM job AS j "
            "JOIN contractor AS c ON c.id = j.contractor_id JOIN tenant AS t ON t.id = j.tenant_id "
            "WHERE j.appointment_start IS NOT NULL ORDER BY j.appointment_start LIMIT 1").fetchone()
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path, capsys) -> Path:
    """A small demo store at tmp/c.db (as `liaison-app --db c.db demo` makes it)."""
    path = tmp_path / "c.db"
    assert _run(path, "demo", "--tenants", TENANTS) == 0
    capsys.readouterr()
    return path


# ------------------------------------------------------------------ 1. never over the store

@pytest.mark.parametrize("name", ["c.db", "c.db-wal", "c.db-shm", "c.db-journal", "c.db.lock"])
def test_brief_and_pack_refuse_the_store_and_its_own_files(db, capsys, name):
    # Before: `brief JOB -o c.db` printed "Briefing written: c.db", exit 0, and the store was a PDF.
    job_ref, contractor, day, _ = _first_job(db)
    target = db.parent / name
    before = _digest(target) if target.exists() else None
    assert _run(db, "brief", job_ref, "-o", target) == 1
    assert name in _err_line(capsys)
    assert _run(db, "pack", "--contractor", contractor, "--date", day, "-o", target) == 1
    assert name in _err_line(capsys)
    assert (_digest(target) if target.exists() else None) == before
    assert _tenant_count(db) == TENANTS


def test_backup_refuses_the_store_and_its_journal(db, capsys):
    # Before: `backup -o c.db-wal` wrote a database over the live journal.
    for target in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}.lock")):
        before = _digest(target) if target.exists() else None
        assert _run(db, "backup", "-o", target) == 1
        err = _err_line(capsys)
        assert target.name in err and ("the store itself" in err or "belongs to the store" in err)
        assert (_digest(target) if target.exists() else None) == before
    assert _tenant_count(db) == TENANTS


def test_nothing_is_written_into_the_backups(db, capsys):
    # Before: a brief, report or export could overwrite a backup, or add files to the backups folder.
    assert _run(db, "backup") == 0
    capsys.readouterr()
    backup = next((db.parent / "c-backups").glob("c-manual-*.db"))
    kept = _digest(backup)
    job_ref, _, _, tenancy_ref = _first_job(db)
    folder = db.parent / "c-backups"
    for argv in (("brief", job_ref, "-o", backup), ("backup", "-o", backup),
                 ("backup", "-o", folder / "another.db"),
                 ("report", "checks-due", "-o", folder / "due.csv"),
                 ("export", "tenant", tenancy_ref, "-o", folder / "everything.json")):
        assert _run(db, *argv) == 1, argv
        assert "store's backups" in _err_line(capsys)
    assert _digest(backup) == kept
    assert sorted(p.name for p in folder.iterdir()) == [backup.name]


def test_an_existing_file_of_another_kind_is_refused_and_kept(db, capsys, tmp_path):
    # Before: `brief JOB -o notes.pdf` replaced a spreadsheet that happened to be named .pdf, and so on.
    job_ref, _, _, tenancy_ref = _first_job(db)
    notes = tmp_path / "notes.pdf"
    notes.write_text("tenancy_ref,first_name\nT-1,Ann\n", encoding="utf-8")
    briefing = tmp_path / "briefing.pdf"
    assert _run(db, "brief", job_ref, "-o", briefing) == 0
    capsys.readouterr()
    figures = tmp_path / "figures.csv"
    figures.write_bytes(briefing.read_bytes())  # a PDF saved under a .csv name
    cases = [(("brief", job_ref, "-o", notes), notes, "not a PDF"),
             (("report", "checks-due", "-o", figures), figures, "not a CSV file"),
             (("export", "tenant", tenancy_ref, "-o", tmp_path / "copy.json"), None, None),
             (("backup", "-o", briefing), briefing, "not a database")]
    (tmp_path / "copy.json").write_bytes(briefing.read_bytes())
    cases[2] = (cases[2][0], tmp_path / "copy.json", "not a JSON file")
    for argv, target, reason in cases:
        before = _digest(target)
        assert _run(db, *argv) == 1, argv
        err = _err_line(capsys)
        assert target.name in err and reason in err
        assert _digest(target) == before
    assert _run(db, "brief", job_ref, "-o", briefing) == 0  # an earlier PDF may be replaced by a new one


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_every_output_is_owner_only(db, capsys, tmp_path):
    # Before: a backup written with `backup -o` was readable by everyone (0644 with the usual umask).
    old = os.umask(0o022)
    try:
        job_ref, _, _, _ = _first_job(db)
        outputs = {"brief.pdf": ("brief", job_ref), "due.csv": ("report", "checks-due"),
                   "due.pdf": ("report", "checks-due"), "copy.db": ("backup",)}
        for name, argv in outputs.items():
            assert _run(db, *argv, "-o", tmp_path / name) == 0, name
        modes = {name: stat.S_IMODE(os.stat(tmp_path / name).st_mode) for name in outputs}
    finally:
        os.umask(old)
    assert modes == {name: 0o600 for name in outputs}
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]


# ------------------------------------------------------------------ 2. a failed write leaves nothing

def test_a_backup_to_a_folder_fails_and_leaves_nothing(db, capsys, tmp_path):
    # Before: `backup -o adir` failed but left adir.part, a full copy of every tenant.
    folder = tmp_path / "adir"
    folder.mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    assert _run(db, "backup", "-o", folder) == 1
    assert "is a folder" in _err_line(capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert list(folder.iterdir()) == []


def test_backup_to_a_folder_raises_and_leaves_no_partial_copy(store, tmp_path):
    from liaison_app.outputs import OutputRefused
    from liaison_app.store.backup import backup_to

    folder = tmp_path / "adir"
    folder.mkdir()
    with pytest.raises(OutputRefused, match="is a folder"):
        backup_to(store, folder)
    assert not (tmp_path / "adir.part").exists()
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]


# ------------------------------------------------------------------ 3. no store made by mistake

@pytest.mark.parametrize("argv", [
    ("brief", "J-1", "-o", "out.pdf"),
    ("pack", "--contractor", "Acme", "--date", "2026-01-05", "-o", "out.pdf"),
    ("report", "checks-due", "-o", "out.csv"),
    ("backup",),
    ("export", "tenant", "T-1", "-o", "out.json"),
    ("audit", "verify"),
])
def test_commands_refuse_a_store_that_does_not_exist(tmp_path, capsys, monkeypatch, argv):
    # Before: `--db new/deep/x.db` made the folders and a new, empty store, then carried on.
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "new" / "deep" / "x.db"
    assert _run(missing, *argv) == 1
    err = _err_line(capsys)
    assert "No store at" in err and str(missing) in err
    assert not (tmp_path / "new").exists()
    assert not list(tmp_path.glob("out.*"))


def test_an_empty_file_or_a_folder_is_not_a_store(tmp_path, capsys):
    # Before: a 0-byte file silently became a fresh store, and a folder was called "damaged".
    empty = tmp_path / "empty.db"
    empty.touch()
    assert _run(empty, "report", "checks-due", "-o", tmp_path / "r.csv") == 1
    err = _err_line(capsys)
    assert "empty file, not a Liaison store" in err and str(empty) in err
    assert empty.stat().st_size == 0
    folder = tmp_path / "records"
    folder.mkdir()
    assert _run(folder, "audit", "verify") == 1
    err = _err_line(capsys)
    assert "is a folder, not a store file" in err and str(folder) in err and "damaged" not in err
    assert list(folder.iterdir()) == []


def test_demo_and_import_say_when_they_make_a_store(tmp_path, capsys):
    # Before: demo and import made a store at a new path without a word.
    fresh = tmp_path / "fresh.db"
    assert _run(fresh, "demo", "--tenants", 3) == 0
    assert f"Created a new empty store at {fresh}" in capsys.readouterr().out
    assert _run(fresh, "demo", "--tenants", 3) == 0
    assert "Created a new empty store" not in capsys.readouterr().out
    csv = tmp_path / "t.csv"
    csv.write_text("tenancy_ref,first_name,last_name,address_line1,postcode\nR-1,Ann,Lee,1 Road,BA1 1AA\n",
                   encoding="utf-8")
    other = tmp_path / "other.db"
    assert _run(other, "import", "tenants", csv) == 0
    out = capsys.readouterr().out
    assert f"Created a new empty store at {other}" in out and "1 created" in out


def test_a_refused_import_into_a_new_store_leaves_no_store(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("tenancy_ref,first_name,last_name,address_line1,postcode\nR-1,Ann,Lee,1 Road,NOPE\n",
                   encoding="utf-8")
    typo = tmp_path / "typo.db"
    assert _run(typo, "import", "tenants", bad) == 1
    assert "Created" not in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "home"]
    empty = tmp_path / "empty.db"  # an empty file of the officer's is left as it was, not deleted
    empty.touch()
    assert _run(empty, "import", "tenants", bad) == 1
    assert empty.exists() and empty.stat().st_size == 0
