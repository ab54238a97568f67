"""`report` prints its PDF while the store is checked, once the password is known good (cli/checked_later.py):
what the officer gets must be what they got when the check came first — a store that fails its check, even
after the PDF was printed, leaves no file (not even a temporary one) and no audit event; a refused sign-in
prints nothing and is audited; a good report names the officer who produced it."""
from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
from audit_trail import actions_in
from pypdf import PdfReader

from liaison_app.cli import main
from liaison_app.printing import you_said
from liaison_app.services.officers import create_officer
from liaison_app.store import StoreDamaged, open_store, opening

PASSWORD = "a-long-enough-password-2026"


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "store" / "s.db"
    store = open_store(path)
    create_officer(store, "ann", "Ann Lee", "admin", PASSWORD)
    store.close()
    monkeypatch.setenv("LIAISON_PASSWORD", PASSWORD)
    return path


def _report(db: Path, out: Path) -> int:
    return main(["--db", str(db), "--officer", "ann", "report", "checks-due", "-o", str(out)])


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".lock")}


def test_a_pdf_printed_before_the_store_fails_its_check_never_appears(db, tmp_path, monkeypatch, capsys):
    printed = threading.Event()
    write = you_said.write_report_pdf

    def write_then_tell(path, document):
        result = write(path, document)
        printed.set()
        return result

    def check_failing_after_the_print(path):
        assert printed.wait(60), "the PDF was not printed while the store was being checked"
        raise StoreDamaged("This store is damaged (it failed its check); it has not been changed.", None)

    monkeypatch.setattr(you_said, "write_report_pdf", write_then_tell)
    monkeypatch.setattr(opening, "check_store_file", check_failing_after_the_print)
    before = _files(tmp_path)
    out = tmp_path / "due.pdf"
    assert _report(db, out) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "Traceback" not in err
    assert printed.is_set()
    assert _files(tmp_path) == before  # no report, no temporary file, no sign-in or export audited


def test_a_refused_sign_in_prints_nothing_and_is_audited_after_the_check(db, tmp_path, monkeypatch, capsys):
    printed = []
    monkeypatch.setattr(you_said, "write_report_pdf", lambda path, document: printed.append(path))
    monkeypatch.setenv("LIAISON_PASSWORD", "not the password at all")
    out = _folder(tmp_path) / "due.pdf"
    assert _report(db, out) == 1
    assert "Sign-in failed" in capsys.readouterr().err
    assert printed == [] and list(out.parent.iterdir()) == []
    assert actions_in(db)[-1] == "sign_in_failed"


def test_a_good_report_names_the_officer_and_audits_sign_in_then_export(db, tmp_path):
    out = _folder(tmp_path) / "due.pdf"
    assert _report(db, out) == 0
    text = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "Ann Lee" in text
    assert actions_in(db)[-2:] == ["sign_in", "export"]
    assert list(out.parent.iterdir()) == [out]  # no temporary file left beside it


def test_a_csv_report_from_a_store_failing_its_check_writes_nothing(db, tmp_path, monkeypatch, capsys):
    def failing(path):
        raise StoreDamaged("This store is damaged (it failed its check); it has not been changed.", None)

    monkeypatch.setattr(opening, "check_store_file", failing)
    before = _files(tmp_path)
    assert _report(db, tmp_path / "due.csv") == 1
    assert "damaged" in capsys.readouterr().err
    assert _files(tmp_path) == before
