"""The print stack's before/after guard: the demo store's briefings, day pack and report PDFs print exactly
the text they printed before the print stack moved (golden files in tests/printing/golden, made from the
code as it was). Only what legitimately changes between runs is normalised: the printed-at clock time and
the report's "Produced" date.

Regenerate (only on purpose, saying why): LIAISON_WRITE_GOLDEN=1 pytest tests/printing/test_same_text.py
"""
from __future__ import annotations

import os
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import select

from liaison_app.domain import Job
from liaison_app.services import briefing_load, reports
from liaison_app.printing import render_briefing_pdf, render_pack_pdf, write_document
from liaison_app.services.briefing import briefing_for_ref, pack_for_day
from liaison_app.services.demo import make_demo

GOLDEN = Path(__file__).parent / "golden"
TODAY = date(2026, 3, 2)  # a Monday; the demo is generated as of this day
PRINTED_AT = datetime(2026, 3, 2, 7, 30)
CONTRACTOR = "Valley Gas Services"
_PRODUCED = re.compile(r"Produced (\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]{2} \d{4})")


class _FixedClock(datetime):
    @classmethod
    def now(cls, tz=None):
        return PRINTED_AT


class _FixedDay(date):
    @classmethod
    def today(cls):
        return TODAY


def _text(path: Path) -> str:
    pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    text = "\n--- page ---\n".join(pages)
    return _PRODUCED.sub("Produced <date>", text).rstrip() + "\n"


def _chosen_jobs(store) -> list[str]:
    """Three job references, chosen from the data: the gas round's first and last job today, and the
    first communal complaint job (a block, no tenant)."""
    with store.read() as session:
        jobs = sorted(session.exec(select(Job)), key=lambda j: j.job_ref)
        gas_today = sorted((j for j in jobs if j.appointment_start and j.appointment_start.date() == TODAY
                            and j.job_ref.startswith("GS-")), key=lambda j: (j.appointment_start, j.job_ref))
        communal = [j for j in jobs if j.complaint_ref and j.tenant_id is None]
        return [gas_today[0].job_ref, gas_today[-1].job_ref, communal[0].job_ref]


def _render_all(store, folder: Path, render) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for k, ref in enumerate(_chosen_jobs(store)):
        out[f"briefing-{k + 1}"] = render.briefing(store, ref, folder / f"briefing-{k + 1}.pdf")
    out["pack"] = render.pack(store, folder / "pack.pdf")
    for report in (reports.checks_due_report(store, days=30, today=TODAY), reports.no_access_report(store, today=TODAY),
                   reports.conduct_report(store, date(2025, 3, 1), TODAY)):
        out[report.name] = render.report(store, report, folder / f"{report.name}.pdf")
    return out


class _Render:
    """How the code makes each PDF (the only part of this test that follows the API): data from services,
    the file from printing."""

    @staticmethod
    def briefing(store, ref, path):
        return render_briefing_pdf(briefing_for_ref(store, ref, on=TODAY), path)

    @staticmethod
    def pack(store, path):
        return render_pack_pdf(pack_for_day(store, CONTRACTOR, TODAY), path)

    @staticmethod
    def report(store, report, path):
        out = write_document(path, reports.report_for_pdf(store, report, path))
        reports.report_exported(store, report, out)
        return out


@pytest.fixture
def demo_store(store, monkeypatch):
    monkeypatch.setattr(briefing_load, "datetime", _FixedClock)
    store.actor = "demo.officer"
    make_demo(store, tenants=60, seed=1, today=TODAY)
    return store


def test_demo_pdfs_print_the_same_text(demo_store, tmp_path):
    written = _render_all(demo_store, tmp_path, _Render)
    assert sorted(written) == ["briefing-1", "briefing-2", "briefing-3", "checks-due", "conduct", "no-access", "pack"]
    if os.environ.get("LIAISON_WRITE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        for name, path in written.items():
            (GOLDEN / f"{name}.txt").write_text(_text(path), encoding="utf-8")
    for name, path in written.items():
        assert _text(path) == (GOLDEN / f"{name}.txt").read_text(encoding="utf-8"), name
