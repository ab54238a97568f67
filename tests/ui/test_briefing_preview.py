"""The briefing preview: pages shown, Save as… and Print… write whole files and audit each briefing,
and a pack is built off the UI thread where Cancel leaves no file behind."""
from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from sqlmodel import select

from liaison_app.domain import Adjustment, AuditEvent, Contractor, Home, Job, Tenant
from liaison_app.services import records
from liaison_app.ui.briefing_preview import PackChooser, open_briefing, open_pack
from liaison_app.ui.workers import Worker

TODAY = date.today()


@pytest.fixture
def temp_root(tmp_path, monkeypatch):
    """Send the previews' temporary folders somewhere the test can watch."""
    root = tmp_path / "temp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def _jobs(store, count=1, description="Service the boiler."):
    contractor = records.create(store, Contractor(name="Acme Gas Ltd"))
    jobs = []
    for n in range(count):
        home = records.create(store, Home(address_line1=f"{n + 1} Mill Street", postcode="BA11 1AA"))
        tenant = records.create(store, Tenant(tenancy_ref=f"T-{n}", first_name="Ŵyn", last_name="Jones",
                                              home_id=home.id))
        records.create(store, Adjustment(tenant_id=tenant.id, kind="female_operative", reason="PRIVATE"))
        start = datetime.combine(TODAY, datetime.min.time()) + timedelta(hours=8 + n)
        jobs.append(records.create(store, Job(job_ref=f"J-{n}", contractor_id=contractor.id, job_type="repair",
                                              description=description, tenant_id=tenant.id, home_id=home.id,
                                              appointment_start=start)))
    return contractor, jobs


def _events(store, action):
    with store.read() as session:
        return [(e.record_id, e.summary) for e in session.exec(select(AuditEvent).where(AuditEvent.action == action))]


def test_preview_shows_every_page_and_save_as_writes_the_pdf(qtbot, store, tmp_path, temp_root, monkeypatch):
    _, (job,) = _jobs(store, description="Long work description. " * 400)
    preview = open_briefing(None, store, job.id)
    qtbot.addWidget(preview)
    assert preview.document.pageCount() >= 2
    assert _events(store, "view") == [(job.id, "J-0")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "saved"), "PDF"))
    preview.save_button.click()
    saved = tmp_path / "saved.pdf"
    assert len(PdfReader(str(saved)).pages) == preview.document.pageCount()
    assert _events(store, "print") == [(job.id, "J-0")]
    preview.reject()
    assert list(temp_root.iterdir()) == []


def test_save_as_cancelled_writes_nothing(qtbot, store, tmp_path, temp_root, monkeypatch):
    _, (job,) = _jobs(store)
    preview = open_briefing(None, store, job.id)
    qtbot.addWidget(preview)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert preview.save_as() is None
    assert _events(store, "print") == []


def test_print_draws_every_page_onto_the_printer(qtbot, store, tmp_path, temp_root, monkeypatch):
    _, (job,) = _jobs(store, description="Long work description. " * 400)
    preview = open_briefing(None, store, job.id)
    qtbot.addWidget(preview)
    out = tmp_path / "printed.pdf"

    def fake_exec(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    assert preview.print_pages()
    assert len(PdfReader(str(out)).pages) == preview.document.pageCount()
    assert _events(store, "print") == [(job.id, "J-0")]


def test_print_dialog_cancelled_prints_nothing(qtbot, store, temp_root, monkeypatch):
    _, (job,) = _jobs(store)
    preview = open_briefing(None, store, job.id)
    qtbot.addWidget(preview)
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert not preview.print_pages()
    assert _events(store, "print") == []


def test_unknown_job_says_so_and_leaves_nothing(qtbot, store, temp_root, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    assert open_briefing(None, store, "no-such-job") is None
    assert said and "No job" in said[0]
    assert list(temp_root.iterdir()) == []


def test_pack_is_chosen_built_and_previewed(qtbot, store, temp_root, monkeypatch):
    contractor, jobs = _jobs(store, count=3)

    def choose(chooser):
        chooser.contractor.setCurrentText("Acme Gas Ltd")
        chooser.day.setDate(TODAY)  # the day the jobs were made for, even if midnight passed since
        return QDialog.DialogCode.Accepted

    def no_message(*args, **kwargs):
        pytest.fail(f"unexpected message box: {args[1:3]}")

    monkeypatch.setattr(PackChooser, "exec", choose)
    monkeypatch.setattr(QMessageBox, "information", no_message)
    preview = open_pack(None, store)
    qtbot.addWidget(preview)
    assert preview.document.pageCount() >= 4  # cover sheet and a briefing per job
    assert sorted(_events(store, "view")) == sorted((j.id, j.job_ref) for j in jobs)


def test_cancelling_a_pack_build_leaves_no_file(qtbot, store, temp_root, monkeypatch):
    contractor, _ = _jobs(store, count=3)
    real_report = Worker.report

    def cancel_then_report(worker, done, total):
        worker.cancel()  # as if the officer pressed Cancel as the first briefing started
        return real_report(worker, done, total)

    monkeypatch.setattr(Worker, "report", cancel_then_report)
    assert open_pack(None, store, contractor.id, TODAY) is None
    assert list(temp_root.iterdir()) == []
    assert _events(store, "view") == [] and _events(store, "print") == []


def test_a_day_without_jobs_says_so(qtbot, store, temp_root, monkeypatch):
    contractor, _ = _jobs(store, count=1)
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    assert open_pack(None, store, contractor.id, TODAY + timedelta(days=3)) is None
    assert said and "no jobs" in said[0]
    assert list(temp_root.iterdir()) == []


def test_save_as_onto_the_store_file_is_refused_with_a_clear_message(qtbot, tmp_path, temp_root, monkeypatch):
    from liaison_app.store import open_store

    store = open_store(tmp_path / "office.pdf")  # a store whose name a Save as… could reach
    try:
        _, (job,) = _jobs(store)
        preview = open_briefing(None, store, job.id)
        qtbot.addWidget(preview)
        before = (tmp_path / "office.pdf").read_bytes()
        said = []
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "office.pdf"), "PDF"))
        assert preview.save_as() is None
        assert len(said) == 1 and "is the store itself" in said[0]
        assert (tmp_path / "office.pdf").read_bytes() == before
        assert _events(store, "print") == []
        preview.reject()
    finally:
        store.close()
