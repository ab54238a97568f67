"""`report` checks the store on a thread while it reads the rows (cli/checked_later.py): what the officer
sees must be what they saw when the check came first — a damaged store refused with the backup to
restore and nothing written, a refused sign-in refused and audited, and a good report written, audited
after the sign-in."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from audit_trail import actions_in

from liaison_app.cli import main
from liaison_app.services.officers import create_officer
from liaison_app.store import open_store
from liaison_app.store.backup import backup_if_due

PASSWORD = "a-long-enough-password-2026"


def _beside(path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.parent.iterdir())
            if p.is_file() and not p.name.endswith(".lock")}


@pytest.fixture
def db(tmp_path, monkeypatch, fill_audit_pages) -> Path:
    """A store with an admin account (signed in with LIAISON_PASSWORD) and an audit table of many pages."""
    path = tmp_path / "store" / "s.db"
    store = open_store(path)
    create_officer(store, "ann", "Ann Lee", "admin", PASSWORD)
    fill_audit_pages(store)
    store.close()
    monkeypatch.setenv("LIAISON_PASSWORD", PASSWORD)
    return path


def _report(db: Path, out: Path) -> int:
    return main(["--db", str(db), "--officer", "ann", "report", "checks-due", "-o", str(out)])


@pytest.mark.parametrize("name", ["due.pdf", "due.csv"])
def test_a_report_from_a_damaged_store_names_the_backup_and_writes_nothing(db, tmp_path, capsys, name,
                                                                           damage_audit_page):
    store = open_store(db)
    good = backup_if_due(store)
    store.close()
    damage_audit_page(db)
    before = _beside(db)
    out = tmp_path / name
    assert _report(db, out) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and good.name in err and "Traceback" not in err
    assert not out.exists() and not list(tmp_path.glob("*.tmp"))
    assert _beside(db) == before  # no sign-in, export or checkpoint written


def test_a_refused_sign_in_is_audited_and_writes_no_report(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LIAISON_PASSWORD", "not the password")
    out = tmp_path / "due.pdf"
    assert _report(db, out) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert not out.exists()
    assert actions_in(db)[-1] == "sign_in_failed"


def test_a_good_report_is_written_after_the_sign_in(db, tmp_path, capsys):
    out = tmp_path / "due.pdf"
    assert _report(db, out) == 0
    assert "Report written" in capsys.readouterr().out and out.stat().st_size > 0
    assert actions_in(db)[-2:] == ["sign_in", "export"]
