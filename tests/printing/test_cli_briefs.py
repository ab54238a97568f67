"""`liaison-app brief` and `pack`: a PDF and an audit event per briefing, or one clear line, exit 1, no file."""
from __future__ import annotations

import pytest
from pypdf import PdfReader
from sqlmodel import select

import briefing_world as world
from liaison_app import cli
from liaison_app.domain import AuditEvent


@pytest.fixture
def run(store_path):
    def _run(*argv):
        return cli.main(["--db", str(store_path), *argv])

    return _run


def _printed(store):
    with store.read() as session:
        return [(e.record_type, e.record_id, e.summary)
                for e in session.exec(select(AuditEvent).where(AuditEvent.action == "print"))]


def test_brief_writes_the_pdf_and_audits_the_print(run, store, tmp_path, capsys):
    _, _, job = world.full_world(store)
    out = tmp_path / "b.pdf"
    assert run("brief", job.job_ref, "-o", str(out)) == 0
    assert job.job_ref in PdfReader(str(out)).metadata.title
    assert _printed(store) == [("job", job.id, job.job_ref)]
    assert "Briefing written" in capsys.readouterr().out


def test_pack_writes_every_job_of_the_day(run, store, tmp_path):
    contractor, _, job = world.full_world(store)
    other = world.job(store, contractor.id, world.tenant(store, ref="T-2", line1="2 Acre Lane"), ref="J-2",
                      start_hour=14)
    out = tmp_path / "pack.pdf"
    assert run("pack", "--contractor", contractor.name, "--date", world.TODAY.isoformat(), "-o", str(out)) == 0
    assert len(PdfReader(str(out)).pages) >= 5
    assert sorted(_printed(store)) == sorted([("job", job.id, job.job_ref), ("job", other.id, other.job_ref)])


@pytest.mark.parametrize("argv,message", [
    (("brief", "J-404"), "No job with reference J-404"),
    (("pack", "--contractor", "Nobody Ltd", "--date", world.TODAY.isoformat()), "No contractor named"),
    (("pack", "--contractor", "Acme Gas Ltd", "--date", "2001-01-01"), "has no jobs booked"),
    (("pack", "--contractor", "Acme Gas Ltd", "--date", "tomorrow"), "--date"),
])
def test_refusals_are_one_line_exit_1_and_no_file(run, store, tmp_path, capsys, argv, message):
    world.full_world(store)
    out = tmp_path / "x.pdf"
    assert run(*argv, "-o", str(out)) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err
    assert not out.exists() and _printed(store) == []


def test_an_unwritable_folder_is_refused_cleanly(run, store, tmp_path, capsys):
    _, _, job = world.full_world(store)
    assert run("brief", job.job_ref, "-o", str(tmp_path / "missing" / "b.pdf")) == 1
    assert "Could not write the PDF" in capsys.readouterr().err
    assert _printed(store) == []
