"""Issue #10, item 12: input that printed a Python traceback now gets one clear line, exit 1, and
nothing stored; one odd record never blocks a report or a briefing."""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import event

from liaison_app.cli import main

HEADER = "tenancy_ref,first_name,last_name,address_line1,postcode\n"


def _run(db: Path, *argv) -> int:
    return main(["--db", str(db), *map(str, argv)])


def _lines(capsys) -> list[str]:
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Error:" not in err, err
    return err.strip().splitlines()


def _count(db: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{db.as_posix()}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path, capsys) -> Path:
    """A store holding one tenant, T-1."""
    path = tmp_path / "s.db"
    csv = tmp_path / "one.csv"
    csv.write_text(HEADER + "T-1,Ann,Lee,1 Road,BA1 1AA\n", encoding="utf-8")
    assert _run(path, "import", "tenants", csv) == 0
    capsys.readouterr()
    return path


@pytest.mark.parametrize("row,problem", [
    ("T-2,Bob\n", "line 2: This row has 2 cells but the header names 5."),
    ('T-2,"Bob,Ray,2 Road,BA1 1AA\n', "line 2: This row cannot be read as CSV (a quotation mark is not closed)"),
])
def test_a_short_row_or_an_unclosed_quote_is_one_problem(db, tmp_path, capsys, row, problem):
    # Before: KeyError: 'address_line1' (a traceback), for both files.
    csv = tmp_path / "bad.csv"
    csv.write_text(HEADER + row, encoding="utf-8")
    assert _run(db, "import", "tenants", csv) == 1
    lines = _lines(capsys)
    assert lines[0].startswith(problem)
    assert lines[1:] == ["liaison-app: nothing was imported: 1 problem found."]
    assert _count(db, "tenant") == 1


def test_checks_due_days_are_bounded(db, tmp_path, capsys):
    # Before: `report checks-due --days 3000000` raised OverflowError.
    assert _run(db, "report", "checks-due", "--days", 3_000_000, "-o", tmp_path / "r.csv") == 1
    assert _lines(capsys) == ["liaison-app: --days: at most 3,650 (ten years)."]
    assert not (tmp_path / "r.csv").exists()
    assert _run(db, "report", "checks-due", "--days", 3650, "-o", tmp_path / "r.csv") == 0


def test_checks_due_service_refuses_days_past_ten_years(store):
    from liaison_app.domain.validation import ValidationError
    from liaison_app.services.reports import checks_due_report

    with pytest.raises(ValidationError, match="at most 3,650"):
        checks_due_report(store, days=3_000_000)


def test_a_400_character_token_prints_in_a_checks_due_pdf(tmp_path, capsys):
    # Before: ValueError "flowable given negative availWidth": one odd record blocked the whole report.
    db = tmp_path / "s.db"
    tenants = tmp_path / "t.csv"
    tenants.write_text(HEADER + f"T-1,Ann,{'L' * 400},1 {'X' * 400},BA1 1AA\n"
                       "T-2,Bob,Ray,2 Road,BA1 1AA\n", encoding="utf-8")
    due = (date.today() + timedelta(days=10)).isoformat()
    jobs = tmp_path / "j.csv"
    jobs.write_text("job_ref,tenancy_ref,contractor,job_type,description,due_date\n"
                    f"J-1,T-1,Acme,gas_safety,Annual check,{due}\nJ-2,T-2,Acme,gas_safety,Annual check,{due}\n",
                    encoding="utf-8")
    assert _run(db, "import", "tenants", tenants) == 0 and _run(db, "import", "jobs", jobs) == 0
    out = tmp_path / "due.pdf"
    assert _run(db, "report", "checks-due", "-o", out) == 0
    text = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "T-1" in text and "T-2" in text and "Bob Ray" in text
    assert "X" * 20 in text  # the long token is wrapped inside its cell, not dropped


def test_a_job_reference_is_at_most_40_characters_at_import(db, tmp_path, capsys):
    # Before: a long reference was imported, and its briefing died with "code length overflow".
    jobs = tmp_path / "j.csv"
    jobs.write_text("job_ref,tenancy_ref,contractor,job_type,description\n"
                    f"J-OK,T-1,Acme,repair,Fix the tap\n{'J' * 41},T-1,Acme,repair,Fix the tap\n", encoding="utf-8")
    assert _run(db, "import", "jobs", jobs) == 1
    lines = _lines(capsys)
    assert lines[0] == "line 3, column job_ref: A job reference is at most 40 characters (it is printed as a QR code)."
    assert _count(db, "job") == 0
    jobs.write_text("job_ref,tenancy_ref,contractor,job_type,description\n"
                    f"{'J' * 40},T-1,Acme,repair,Fix the tap\n", encoding="utf-8")
    assert _run(db, "import", "jobs", jobs) == 0


def test_an_older_job_with_a_reference_too_long_for_a_qr_code_still_prints(store, tmp_path, capsys):
    from liaison_app.domain import Contractor, Job
    from liaison_app.services import records

    contractor = records.create(store, Contractor(name="Acme"))
    ref = "job-" * 750  # 3,000 characters, written before references were limited
    records.create(store, Job(job_ref=ref, contractor_id=contractor.id, job_type="repair", description="Fix it"))
    out = tmp_path / "b.pdf"
    assert _run(store.path, "brief", ref, "-o", out) == 0
    assert len(PdfReader(str(out)).pages) >= 1


def test_a_full_disk_during_an_import_is_one_line_and_stores_nothing(db, tmp_path, capsys, monkeypatch):
    # Before: StoreError("The disk is full…") escaped as a traceback.
    from liaison_app.store import engine as store_engine

    make_engine = store_engine.make_engine

    def full_disk_engine(url):
        engine = make_engine(url)

        @event.listens_for(engine, "connect")
        def _no_room(dbapi_conn, _record):  # SQLite's own limit: the file cannot grow any more
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count={pages}")
        return engine

    monkeypatch.setattr(store_engine, "make_engine", full_disk_engine)
    csv = tmp_path / "many.csv"
    csv.write_text(HEADER + "".join(f"T-{i},Ann,Lee,{i} Road,BA1 1AA\n" for i in range(2, 3000)), encoding="utf-8")
    assert _run(db, "import", "tenants", csv) == 1
    lines = _lines(capsys)
    assert len(lines) == 1 and "nothing was imported" in lines[0] and "disk is full" in lines[0]
    monkeypatch.undo()
    assert _count(db, "tenant") == 1


def test_demo_size_is_bounded(db, tmp_path, capsys):
    # Before: `demo --tenants 100000000` set out to build a hundred million tenants (or, on a store that
    # had demo data, said it was done).
    demo = tmp_path / "demo.db"
    assert _run(demo, "demo", "--tenants", 3) == 0
    capsys.readouterr()
    assert _run(demo, "demo", "--tenants", 100_000_000) == 1
    assert _lines(capsys) == ["liaison-app: --tenants: at most 500,000 demo tenants; nothing was made."]
    fresh = tmp_path / "fresh.db"
    assert _run(fresh, "demo", "--tenants", 100_000_000) == 1
    assert not fresh.exists()


def test_demo_service_is_bounded(store):
    from liaison_app.services.demo import DemoRefused, make_demo

    with pytest.raises(DemoRefused, match="at most 500,000"):
        make_demo(store, tenants=500_001)
