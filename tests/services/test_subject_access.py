"""Subject access: everything held on one tenant, as JSON and as a readable PDF, audited as export."""
from __future__ import annotations

import json

import pytest
from pypdf import PdfReader
from sqlmodel import select

from liaison_app.domain import AuditEvent
from liaison_app.services import subject_access
from liaison_app.services.officers import NotAllowed
from trust_world import NAME, build


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
    assert data["safeguarding_concerns"][0]["what_was_seen"] == "No food in the flat"
    for key in ("follow_ups", "jobs", "support_measures", "support_contacts", "support_plan_jobs",
                "conduct_feedback", "home", "block"):
        assert len(data[key]) == 1, key
    assert "Nora" not in out.read_text(encoding="utf-8")
    audited = {(e["action"], e["record_type"]) for e in data["audit_events"]}
    assert ("create", "tenant") in audited and ("create", "adjustment") in audited
    assert all("search_text" not in row for row in data["tenant"])


def test_pdf_is_readable_and_markup_is_escaped(store, tmp_path):
    world = build(store)
    out = subject_access.export_tenant(store, world.tenant_id, tmp_path / "sar.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Everything held about tenancy WX-0042" in text
    assert NAME[1] in text and "Wishes and reasonable adjustments (1)" in text
    assert "<b>private</b> & more" in text  # typed markup printed as typed
    assert "Safeguarding concerns (1)" in text and "No food in the flat" in text
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
