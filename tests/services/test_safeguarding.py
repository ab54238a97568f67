"""Safeguarding concerns: seen only by safeguarding leads and the officer who raised them."""
from __future__ import annotations

import pytest
from sqlmodel import select

from liaison_app.domain import AuditEvent
from liaison_app.domain.validation import ValidationError
from liaison_app.services import officers, safeguarding
from liaison_app.services.records import NotFound
from safeguarding_team import officers_and_tenant

PASSWORD = "a long enough password"
SEEN = "Bruising seen on the child's arm during the visit"


@pytest.fixture
def team(store):
    return store, officers_and_tenant(store, PASSWORD, lead="sam").id


def test_only_the_raiser_and_safeguarding_leads_see_a_concern(team):
    store, tenant_id = team
    officers.sign_in(store, "olu", PASSWORD)
    concern = safeguarding.raise_concern(store, tenant_id, "child", what_was_seen=SEEN, referred_to="MASH")
    assert concern.status == "referred"
    assert [c.id for c in safeguarding.list_concerns(store, tenant_id)] == [concern.id]
    officers.sign_in(store, "pat", PASSWORD)
    assert safeguarding.list_concerns(store, tenant_id) == []
    with pytest.raises(NotFound):
        safeguarding.get_concern(store, concern.id)
    with pytest.raises(NotFound):
        safeguarding.close_concern(store, concern.id)
    officers.sign_in(store, "ada", PASSWORD)  # an admin is not a safeguarding lead
    assert safeguarding.list_concerns(store, tenant_id) == []
    officers.sign_in(store, "sam", PASSWORD)
    seen = safeguarding.list_concerns(store, tenant_id)
    assert [c.what_was_seen for c in seen] == [SEEN]
    safeguarding.close_concern(store, concern.id)
    assert safeguarding.get_concern(store, concern.id).status == "closed"
    assert safeguarding.list_concerns(store, tenant_id, include_closed=False) == []


def test_input_is_checked(team):
    store, tenant_id = team
    with pytest.raises(ValidationError) as err:
        safeguarding.raise_concern(store, tenant_id, "gossip", what_was_seen=SEEN)
    assert err.value.field == "category"
    with pytest.raises(ValidationError) as err:
        safeguarding.raise_concern(store, tenant_id, "child", what_was_seen="  ")
    assert err.value.field == "what_was_seen"
    concern = safeguarding.raise_concern(store, tenant_id, "self_neglect", what_was_seen=SEEN)
    with pytest.raises(ValidationError):
        safeguarding.change_concern(store, concern.id, {"tenant_id": "elsewhere"})


def test_audit_names_fields_never_values(team):
    store, tenant_id = team
    concern = safeguarding.raise_concern(store, tenant_id, "domestic_abuse", what_was_seen=SEEN,
                                         raised_by_contractor="Acme Gas")
    safeguarding.change_concern(store, concern.id, {"referred_to": "Police liaison unit"})
    safeguarding.list_concerns(store, tenant_id)
    with store.read() as session:
        events = session.exec(select(AuditEvent)).all()
    actions = [(e.action, e.record_type) for e in events]
    assert ("create", "safeguardingconcern") in actions and ("change", "safeguardingconcern") in actions
    assert ("view", "safeguardingconcern") in actions
    text = " ".join(f"{e.fields} {e.summary}" for e in events)
    for secret in ("Bruising", "domestic", "Police", "Acme"):
        assert secret not in text


def test_a_concern_never_reaches_a_briefing(team, tmp_path):
    from pypdf import PdfReader

    from liaison_app.services import works
    from liaison_app.cli.briefs import write_briefing as write_briefing_pdf
    from liaison_app.services.briefing import briefing_for_job

    store, tenant_id = team
    safeguarding.raise_concern(store, tenant_id, "adult_at_risk", what_was_seen="Xylophonic bruising noted",
                               referred_to="Adult social care")
    contractor = works.create_contractor(store, "Acme Gas")
    job = works.create_job(store, job_ref="J-7", contractor_id=contractor.id, job_type="repair",
                           description="Fix the tap", tenant_id=tenant_id)
    assert "Xylophonic" not in repr(briefing_for_job(store, job.id))
    pdf = write_briefing_pdf(store, "J-7", tmp_path / "b.pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Fix the tap" in text and "Xylophonic" not in text and "social care" not in text
