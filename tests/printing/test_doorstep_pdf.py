"""Issue #12 on paper: a mismatched operative's briefing says to confirm one, and the pack cover names each
job's operative and says what to do (text extracted from real PDFs)."""
from __future__ import annotations

import shutil
import subprocess

import pytest

import briefing_world as world
from liaison_app.domain import Operative, SupportMeasure, SupportPlan
from liaison_app.printing import render_briefing_pdf, render_pack_pdf
from liaison_app.services import records
from liaison_app.services.briefing import briefing_for_ref, pack_for_day

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def text_of(path) -> str:
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True,
                         text=True)
    return " ".join(out.stdout.split())  # drawing order (cell by cell), lines joined: wrapped cells read as one


@pytest.fixture
def mismatched(store):
    """The world's job (its tenant asks for a female operative) booked with a man, who is also on a second
    job at the same time; the second tenant has a support plan."""
    contractor, _tenant, job = world.full_world(store)
    man = records.create(store, Operative(contractor_id=contractor.id, name="Dai Evans", badge_number="B-9",
                                          gender="male", gas_safe_number="512345",
                                          gas_safe_expiry=world.TODAY.replace(year=world.TODAY.year + 1)))
    records.change(store, type(job), job.id, {"operative_id": man.id})
    other = world.tenant(store, ref="T-2", line1="2 Acre Lane")
    plan = records.create(store, SupportPlan(tenant_id=other.id, status="active"))
    records.create(store, SupportMeasure(plan_id=plan.id, text="Offer breaks."))
    world.job(store, contractor.id, other, ref="J-2002", operative_id=man.id, start_hour=11)
    return store, contractor, job


@needs_poppler
def test_mismatched_briefing_says_confirm_a_female_operative(mismatched, tmp_path):
    store, _contractor, job = mismatched
    text = text_of(render_briefing_pdf(briefing_for_ref(store, job.job_ref), tmp_path / "b.pdf"))
    assert "CONFIRM A FEMALE OPERATIVE BEFORE ATTENDING" in text
    assert "FEMALE OPERATIVE REQUIRED" not in text
    assert "Dai Evans (ID badge B-9) — CONFIRM A FEMALE OPERATIVE BEFORE ATTENDING" in text
    assert " male" not in text.lower().replace("female", "")  # the recorded gender is never printed


@needs_poppler
def test_pack_cover_names_each_operative_and_says_what_to_do(mismatched, tmp_path):
    store, contractor, job = mismatched
    pdf = render_pack_pdf(pack_for_day(store, contractor.name, world.TODAY), tmp_path / "p.pdf")
    cover = text_of(pdf).split("pack page 1 of")[0]
    assert cover.count("Operative: Dai Evans (badge B-9)") == 2
    assert "■ CONFIRM A FEMALE OPERATIVE BEFORE ATTENDING" in cover
    assert "■ DOUBLE BOOKED WITH J-2002" in cover and f"■ DOUBLE BOOKED WITH {job.job_ref}" in cover
    assert "Extra care — see briefing" in cover and "Support plan" not in cover

