"""Audited PDF exports: services say what the PDF holds and check where it goes, printing writes it, and a
service audits it. A refused path leaves the file as it was and nothing audited; a written one is audited once."""
from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from sqlmodel import select

from checks_world import contractor, job, tenant
from liaison_app.domain import AuditEvent
from liaison_app.outputs import OutputRefused
from liaison_app.printing import write_document, write_subject_access_pdf
from liaison_app.services import access, reports, subject_access
from trust_world import build


def _exports(store) -> list[str]:
    with store.read() as session:
        return [e.summary for e in session.exec(select(AuditEvent).where(AuditEvent.action == "export"))]


def _refused_then_written(store, not_a_pdf, path, for_pdf, write, exported) -> str:
    """`for_pdf(not_a_pdf)` is refused with nothing audited; then `for_pdf(path)` is written by `write` and
    audited by `exported(document)`. Returns the text of the written PDF's first page."""
    with pytest.raises(OutputRefused):
        for_pdf(not_a_pdf)
    assert _exports(store) == []
    document = for_pdf(path)
    out = write(path, document)
    exported(document)
    return PdfReader(out).pages[0].extract_text()


@pytest.fixture
def not_a_pdf(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("tenant,notes\nT-1,keep me\n", encoding="utf-8")  # a CSV someone named .pdf
    return path


def test_report_pdf_path_checked_before_printing_and_audited_after(store, tmp_path, not_a_pdf):
    report = reports.build_report(store, "no-access")
    with pytest.raises(OutputRefused):
        reports.report_for_pdf(store, report, not_a_pdf)
    assert not_a_pdf.read_text(encoding="utf-8").endswith("keep me\n") and _exports(store) == []
    out = write_document(tmp_path / "na.pdf", reports.report_for_pdf(store, report, tmp_path / "na.pdf"))
    reports.report_exported(store, report, out)
    assert "No-access cases" in PdfReader(out).pages[0].extract_text()
    assert _exports(store) == ["no-access 0 rows .pdf"]
    with pytest.raises(ValueError):  # a PDF is never written by the CSV export
        reports.export_report(store, report, tmp_path / "other.pdf")


def test_evidence_pdf_path_checked_before_printing_and_audited_after(store, tmp_path, not_a_pdf):
    gas = job(store, "GAS-1", contractor(store).id, tenant_id=tenant(store).id, due_date=date.today())
    text = _refused_then_written(store, not_a_pdf, tmp_path / "evidence.pdf",
                                 lambda path: access.evidence_for_pdf(store, gas.id, path), write_document,
                                 lambda document: access.evidence_exported(store, gas.id, document))
    assert "Access evidence" in text
    assert _exports(store) == ["access evidence GAS-1"]


def test_subject_access_pdf_path_checked_before_printing_and_audited_after(store, tmp_path, not_a_pdf):
    world = build(store)
    text = _refused_then_written(store, not_a_pdf, tmp_path / "sar.pdf",
                                 lambda path: subject_access.export_for_pdf(store, world.tenant_id, path),
                                 write_subject_access_pdf,
                                 lambda document: subject_access.pdf_exported(store, world.tenant_id, document))
    assert "Everything held about tenancy" in text
    assert _exports(store) == ["subject access export (pdf)"]
    with pytest.raises(ValueError):  # the JSON export never writes a PDF
        subject_access.export_tenant(store, world.tenant_id, tmp_path / "again.pdf")
