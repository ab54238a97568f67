"""Subject access: everything held on one tenant, as JSON and as a readable PDF, audited as export.
Safeguarding concerns only when a safeguarding lead exports, in a section marked for review."""
from __future__ import annotations

import json

import pytest
from pypdf import PdfReader
from sqlmodel import select

from liaison_app.domain import AuditEvent
from liaison_app.printing import write_subject_access_pdf
from liaison_app.services import officers, safeguarding, subject_access
from liaison_app.services.officers import NotAllowed
from liaison_app.services.subject_access import REVIEW_HEADING, REVIEW_KEY
from trust_world import NAME, build

PASSWORD = "correct horse battery"


def export_pdf(store, tenant_id, path):
    """As the app does it: services gather what the PDF holds, printing writes it, services audit it."""
    document = subject_access.export_for_pdf(store, tenant_id, path)
    out = write_subject_access_pdf(path, document)
    subject_access.pdf_exported(store, tenant_id, document)
    return out


def test_json_holds_every_kind_of_record_with_private_fields(store, tmp_path):
    world = build(store)
    out = subject_access.export_tenant(store, world.tenant_id, tmp_path / "sar.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["tenancy_ref"] == "WX-0042"
    assert data["tenant"][0]["last_name"] == NAME[1]
    assert data["adjustments"][0]["reason"].startswith("Past trauma")
    assert {w["details"] for w in data["warnings"]} == {"Bit a plumber in 2024", "Rooms full to the ceiling"}
    assert "upset" in data["visits"][0]["notes"]
    assert data["support_plans"][0]["strain"].startswith("Anxiety")
    assert data["access_attempts"][0]["notes"].startswith("Curtains")
    for key in ("follow_ups", "jobs", "support_measures", "support_contacts", "support_plan_jobs",
                "conduct_feedback", "home", "block"):
        assert len(data[key]) == 1, key
    assert "Nora" not in out.read_text(encoding="utf-8")
    audited = {(e["action"], e["record_type"]) for e in data["audit_events"]}
    assert ("create", "tenant") in audited and ("create", "adjustment") in audited
    assert all("search_text" not in row for row in data["tenant"])


def test_pdf_is_readable_and_markup_is_escaped(store, tmp_path):
    world = build(store)
    out = export_pdf(store, world.tenant_id, tmp_path / "sar.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Everything held about tenancy WX-0042" in text
    assert NAME[1] in text and "Wishes and reasonable adjustments (1)" in text
    assert "<b>private</b> & more" in text  # typed markup printed as typed
    assert "Safeguarding concerns" not in text and "No food in the flat" not in text
    assert not list(tmp_path.glob("*.part"))


def test_export_is_audited_and_admin_only(store, tmp_path):
    world = build(store)
    subject_access.export_tenant(store, world.tenant_id, tmp_path / "a.json")
    with store.read() as session:
        ev = session.exec(select(AuditEvent).where(AuditEvent.action == "export")).one()
    assert ev.record_id == world.tenant_id and NAME[1] not in ev.summary
    store.actor_role = "officer"
    with pytest.raises(NotAllowed):
        subject_access.export_tenant(store, world.tenant_id, tmp_path / "b.json")
    assert not (tmp_path / "b.json").exists()
    store.actor_role = "admin"
    with pytest.raises(ValueError):
        subject_access.export_tenant(store, world.tenant_id, tmp_path / "c.txt")


def test_cli_export_tenant(store_path, tmp_path, capsys):
    from liaison_app.cli import main
    from liaison_app.store import open_store

    s = open_store(store_path)
    build(s)
    s.close()
    out = tmp_path / "export.json"
    assert main(["--db", str(store_path), "export", "tenant", "WX-0042", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["tenancy_ref"] == "WX-0042"
    assert main(["--db", str(store_path), "export", "tenant", "NOPE", "-o", str(out)]) == 1
    assert "No tenancy" in capsys.readouterr().err


def _team(store):
    """The trust world, then accounts: an admin, a safeguarding lead, and an officer who raises a concern
    about someone else in the tenant's household."""
    world = build(store)
    officers.create_officer(store, "ada", "Ada Admin", "admin", PASSWORD)
    officers.sign_in(store, "ada", PASSWORD)
    officers.create_officer(store, "sal", "Sal Lead", "safeguarding_lead", PASSWORD)
    officers.create_officer(store, "olu", "Olu Officer", "officer", PASSWORD)
    officers.sign_in(store, "olu", PASSWORD)
    raised = safeguarding.raise_concern(store, world.tenant_id, "domestic_abuse",
                                        what_was_seen="Partner shouted threats at the daughter")
    safeguarding.list_concerns(store, world.tenant_id)  # viewed: an audit event about the concerns
    return world, raised


def test_admin_export_leaves_safeguarding_concerns_out(store, tmp_path):
    world, raised = _team(store)
    officers.sign_in(store, "ada", PASSWORD)
    out = subject_access.export_tenant(store, world.tenant_id, tmp_path / "sar.json")
    held = out.read_text(encoding="utf-8")
    data = json.loads(held)
    assert "safeguarding_concerns" not in data and REVIEW_KEY not in data
    for words in ("No food in the flat", "Partner shouted", "domestic_abuse", raised.id, "safeguardingconcern"):
        assert words not in held  # not even the audit trail says a concern exists
    assert data["adjustments"][0]["reason"].startswith("Past trauma")  # the rest is all there
    pdf = export_pdf(store, world.tenant_id, tmp_path / "sar.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Partner shouted" not in text and "Safeguarding" not in text and "Review before" not in text


def test_safeguarding_lead_export_marks_concerns_for_review(store, tmp_path):
    world, raised = _team(store)
    officers.sign_in(store, "sal", PASSWORD)
    out = subject_access.export_tenant(store, world.tenant_id, tmp_path / "sar.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "safeguarding_concerns" not in data  # never among what may be sent as it is
    review = data[REVIEW_KEY]
    assert review["heading"] == "Review before disclosure — third-party and serious-harm exemptions may apply"
    assert {c["what_was_seen"] for c in review["safeguarding_concerns"]} == {
        "No food in the flat", "Partner shouted threats at the daughter"}
    assert ("create", raised.id) in {(e["action"], e["record_id"]) for e in review["audit_events"]}
    assert all(e["record_type"] != "safeguardingconcern" for e in data["audit_events"])
    pdf = export_pdf(store, world.tenant_id, tmp_path / "sar.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert REVIEW_HEADING in text
    assert text.index("Who saw or changed these records") < text.index(REVIEW_HEADING) < text.index(
        "Partner shouted threats at the daughter")
    with store.read() as session:
        exports = session.exec(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert [e.summary.endswith("marked for review") for e in exports] == [True, True]
