"""Reports: contents row by row on a known store, formula neutralisation, PDF text, CLI exit codes."""
from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlmodel import select

from checks_world import TODAY, adjustment, block, calendar, contractor, job, tenant
from liaison_app.domain import AuditEvent
from liaison_app.domain.validation import ValidationError
from liaison_app.printing import write_document
from liaison_app.services import access, conduct, reports, support


def world(store):
    acme, bolt = contractor(store, "Acme Gas Ltd"), contractor(store, "=HYPERLINK(\"x\")")
    ann = tenant(store, "T-1", "Ann", "Plain")
    bea = tenant(store, "T-2", "Łucja", "Wiśniewska")
    since = TODAY - timedelta(days=100)
    used = [adjustment(store, bea.id, "boot_covers", reason="PRIVATE-REASON", start_date=since).id,
            adjustment(store, bea.id, "call_ahead", start_date=since).id]
    plan = support.create_plan(store, bea.id, strain="PRIVATE-STRAIN", status="active",
                               start_date=TODAY - timedelta(days=100))
    measure = support.add_measure(store, plan.id, "Officer present")
    cy = tenant(store, "T-3", "@Cy", "-Minus")
    calendar(store, "gas_safety", TODAY + timedelta(days=5), home_id=ann.home_id)
    calendar(store, "gas_safety", TODAY + timedelta(days=60), home_id=cy.home_id)
    g = job(store, "G-2", acme.id, tenant_id=bea.id, due_date=TODAY - timedelta(days=2))
    b = block(store, "Elm Court")
    calendar(store, "lift", TODAY + timedelta(days=9), block_id=b.id)
    for n, stage, method, when in ((20, "first", "visit", "morning"), (10, "second", "letter", "afternoon"),
                                   (3, "final", "visit", "evening")):
        access.record_attempt(store, g.id, attempted_on=TODAY - timedelta(days=n), method=method, time_of_day=when,
                              outcome="no_answer", letter_stage=stage, notes="PRIVATE-NOTE", adjustments_used=used,
                              measures_used=[measure.id])
    every_check_recorded(store, [ann, bea, cy], b)
    c = job(store, "G-3", acme.id, tenant_id=cy.id, due_date=TODAY + timedelta(days=60))
    access.record_attempt(store, c.id, attempted_on=TODAY, method="call", outcome="refused")
    conduct.record_feedback(store, contractor_id=acme.id, point="id_shown", received_on=date(2026, 1, 5),
                            what_was_said="PRIVATE-SAID", action_taken="Raised")
    conduct.record_feedback(store, contractor_id=acme.id, point="id_shown", received_on=date(2026, 1, 9))
    conduct.record_feedback(store, contractor_id=acme.id, point="cleared_up", received_on=date(2026, 1, 7))
    conduct.record_feedback(store, contractor_id=bolt.id, point="no_damage", received_on=date(2026, 1, 6))
    conduct.record_feedback(store, contractor_id=bolt.id, point="no_damage", received_on=date(2026, 2, 1))
    return ann, bea, cy


def every_check_recorded(store, tenants, b):
    """Calendar entries, due in more than a year, for every check the world's homes and block have no record of."""
    later = TODAY + timedelta(days=400)
    for t in tenants:
        for kind in ("electrical_safety", "water_safety"):
            calendar(store, kind, later, home_id=t.home_id)
    for kind in ("fire_risk", "asbestos"):
        calendar(store, kind, later, block_id=b.id)


def test_homes_with_no_check_record_are_due_now(store):
    world(store)
    dee = tenant(store, "T-4", "Dee", "Norecord")
    adjustment(store, dee.id, "large_print", start_date=TODAY - timedelta(days=10))
    rows = [r for r in reports.checks_due_report(store, days=30, today=TODAY).rows if r[3] == "T-4"]
    assert [(r[0], r[1], r[2], r[8]) for r in rows] == [
        ("no record — due now", "0", label, "Large print") for label in
        ("Annual gas safety check", "Electrical safety check (EICR)", "Water safety (legionella) check")]


def test_checks_due_rows(store):
    world(store)
    rep = reports.checks_due_report(store, days=30, today=TODAY)
    assert rep.headers == reports.CHECKS_HEADERS
    d = lambda n: (TODAY + timedelta(days=n)).isoformat()  # noqa: E731
    assert rep.rows == [
        [d(-2), "-2", "Annual gas safety check", "T-2", "Łucja Wiśniewska", "T-2 Acre Lane, Warminster, BA12 9AB", "",
         "G-2", "Boot covers; Call ahead", "yes"],
        [d(5), "5", "Annual gas safety check", "T-1", "Ann Plain", "T-1 Acre Lane, Warminster, BA12 9AB", "", "",
         "", "no"],
        [d(9), "9", "Lift inspection", "", "", "Elm Court", "Elm Court", "", "", "no"],
    ]
    assert len(reports.checks_due_report(store, days=60, today=TODAY).rows) == 4
    with pytest.raises(ValidationError):
        reports.checks_due_report(store, days=-1)


def test_no_access_rows(store):
    world(store)
    rep = reports.no_access_report(store, today=TODAY)
    assert [r[:5] for r in rep.rows] == [
        ["Ready for legal action", "-2", (TODAY - timedelta(days=2)).isoformat(), "Annual gas safety check", "G-2"],
        ["1st attempt", "60", (TODAY + timedelta(days=60)).isoformat(), "Annual gas safety check", "G-3"],
    ]
    assert rep.rows[0][5:] == ["T-2", "Łucja Wiśniewska", "T-2 Acre Lane, Warminster, BA12 9AB", "Acme Gas Ltd",
                               "3", (TODAY - timedelta(days=3)).isoformat(), "Boot covers; Call ahead", "yes", ""]


def test_conduct_rows(store):
    world(store)
    rep = reports.conduct_report(store, "2026-01-01", "2026-01-31")
    assert rep.rows == [
        ["=HYPERLINK(\"x\")", "No damage", "1", "0", "2026-01-06", "2026-01-06"],
        ["Acme Gas Ltd", "ID shown and worn", "2", "1", "2026-01-05", "2026-01-09"],
        ["Acme Gas Ltd", "Cleared up", "1", "0", "2026-01-07", "2026-01-07"],
    ]
    with pytest.raises(ValidationError):
        reports.conduct_report(store, "2026-02-01", "2026-01-01")


def test_nothing_private_in_any_report(store, tmp_path):
    world(store)
    for rep in (reports.checks_due_report(store, 90, TODAY), reports.no_access_report(store, TODAY),
                reports.conduct_report(store, "2026-01-01", "2026-12-31")):
        assert "PRIVATE" not in repr(rep.rows)


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+44", "'+44"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("-2", "-2"), ("12", "12"), ("a=b", "a=b"), ("", ""), (None, ""),
])
def test_neutralise_cell(value, expected):
    assert reports.neutralise_cell(value) == expected


def test_csv_export_neutralises_and_audits(store, tmp_path):
    ann, bea, cy = world(store)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = reports.export_report(store, reports.checks_due_report(store, 90, TODAY), tmp_path / "due.csv")
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == reports.CHECKS_HEADERS
    cy_row = [r for r in rows if r[3] == "T-3"][0]
    assert cy_row[4] == "'@Cy -Minus" and cy_row[1] == "60"
    assert rows[1][1] == "-2"
    conduct_csv = reports.export_report(store, reports.conduct_report(store, "2026-01-01", "2026-01-31"),
                                        tmp_path / "conduct.csv")
    assert "'=HYPERLINK" in conduct_csv.read_text(encoding="utf-8-sig")
    with store.read() as s:
        summaries = [e.summary for e in s.exec(select(AuditEvent).where(AuditEvent.action == "export"))]
    assert summaries == ["checks-due 4 rows .csv", "conduct 3 rows .csv"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["conduct.csv", "due.csv"]


def test_pdf_export(store, tmp_path):
    world(store)
    report = reports.no_access_report(store, TODAY)
    out = write_document(tmp_path / "na.pdf", reports.report_for_pdf(store, report, tmp_path / "na.pdf"))
    reports.report_exported(store, report, out)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    for expected in ("No-access cases", "Ready for legal action", "Łucja Wiśniewska", "G-2", "1st attempt"):
        assert expected in text
    assert "PRIVATE" not in text
    assert pdf_fonts(out) == {"DejaVuSans", "DejaVuSans-Bold"}


def pdf_fonts(path) -> set[str]:
    """Base names of every font the PDF's pages use (subset prefixes removed)."""
    names = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def test_bad_suffix_refused(store, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(ValidationError):
        reports.export_report(store, reports.no_access_report(store), tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


class TestCommandLine:
    def run(self, store_path, *argv):
        from liaison_app.cli import main

        return main(["--db", str(store_path), "report", *argv])

    def test_checks_due_csv(self, store, store_path, tmp_path, capsys):
        world(store)
        store.close()
        out = tmp_path / "due.csv"
        assert self.run(store_path, "checks-due", "--days", "30", "-o", str(out)) == 0
        with open(out, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert [r[3] for r in rows[1:]] == ["T-2", "T-1", ""]
        assert "3 rows" in capsys.readouterr().out

    def test_no_access_and_conduct_pdf(self, store, store_path, tmp_path):
        world(store)
        store.close()
        assert self.run(store_path, "no-access", "-o", str(tmp_path / "na.pdf")) == 0
        assert self.run(store_path, "conduct", "--from", "2026-01-01", "--to", "2026-01-31",
                        "-o", str(tmp_path / "c.pdf")) == 0
        assert PdfReader(tmp_path / "c.pdf").pages

    @pytest.mark.parametrize("argv", [
        ["checks-due", "-o", "due.txt"],
        ["checks-due", "--days", "-3", "-o", "due.csv"],
        ["conduct", "--from", "2026-13-01", "--to", "2026-01-31", "-o", "c.csv"],
        ["conduct", "--from", "2026-02-01", "--to", "2026-01-31", "-o", "c.csv"],
        ["no-access", "-o", "missing-folder/na.csv"],
    ])
    def test_refused_input_exits_1(self, store_path, tmp_path, monkeypatch, capsys, argv):
        monkeypatch.chdir(tmp_path)
        assert self.run(store_path, *argv) == 1
        assert capsys.readouterr().err.startswith("liaison-app: ")
        assert not any(p.suffix in (".csv", ".pdf", ".txt") for p in tmp_path.rglob("*"))

    @pytest.mark.parametrize("argv", [["checks-due"], ["conduct", "-o", "c.csv"], ["nonsense", "-o", "x.csv"],
                                      ["checks-due", "--days", "many", "-o", "x.csv"]])
    def test_usage_errors_exit_2(self, store_path, argv):
        with pytest.raises(SystemExit) as info:
            self.run(store_path, *argv)
        assert info.value.code == 2
