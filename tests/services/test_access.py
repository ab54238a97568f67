"""Access attempts, the escalation with days left and support prompts, and the evidence PDF."""
from __future__ import annotations

from datetime import timedelta

import pytest
from pypdf import PdfReader
from sqlmodel import select

from checks_world import TODAY, adjustment, contractor, job, tenant
from liaison_app.domain import AuditEvent, Job
from liaison_app.domain import checks_rules as rules
from liaison_app.domain.validation import ValidationError
from liaison_app.printing import write_document
from liaison_app.services import access, support

D = [TODAY - timedelta(days=n) for n in (21, 14, 7, 0)]


def gas_job(store, t, due_in=10):
    return job(store, "G-100", contractor(store).id, tenant_id=t.id, due_date=TODAY + timedelta(days=due_in))


def three_failures(store, job_id, final=True):
    access.record_attempt(store, job_id, attempted_on=D[0], method="visit", outcome="no_answer", letter_stage="first")
    access.record_attempt(store, job_id, attempted_on=D[1], method="letter", outcome="no_answer",
                          letter_stage="second")
    access.record_attempt(store, job_id, attempted_on=D[2], method="visit", outcome="refused",
                          letter_stage="final" if final else "", notes="PRIVATE-NOTE dog barking")


def test_attempts_listed_and_job_marked_no_access(store):
    t = tenant(store)
    j = gas_job(store, t)
    assert access.escalation(store, j.id, today=TODAY).stage == rules.NOT_STARTED
    access.record_attempt(store, j.id, attempted_on=D[1], method="visit", outcome="no_answer")
    access.record_attempt(store, j.id, attempted_on=D[0].isoformat(), method="call", outcome="rescheduled")
    assert [a.attempted_on for a in access.list_attempts(store, j.id)] == [D[0], D[1]]
    with store.read() as s:
        assert s.get(Job, j.id).status == "no_access"
    esc = access.escalation(store, j.id, today=TODAY)
    assert (esc.stage, esc.failed_attempts, esc.days_left, esc.due_date) == (
        rules.FIRST_ATTEMPT, 1, 10, TODAY + timedelta(days=10))
    assert (esc.has_adjustments, esc.has_support_plan, esc.prompt) == (False, False, "")


def test_ready_for_legal_action_without_support(store):
    j = gas_job(store, tenant(store))
    three_failures(store, j.id)
    esc = access.escalation(store, j.id, today=TODAY)
    assert (esc.stage, esc.failed_attempts) == (rules.READY_FOR_LEGAL, 3)


def test_untried_support_plan_prompts_first(store):
    t = tenant(store)
    j = gas_job(store, t)
    three_failures(store, j.id)
    support.create_plan(store, t.id, status="active", start_date=TODAY)  # agreed after the attempts
    esc = access.escalation(store, j.id, today=TODAY)
    assert esc.stage == rules.TRY_SUPPORT_FIRST and esc.has_support_plan
    assert esc.prompt == "Before legal action, try: the support plan."
    access.record_attempt(store, j.id, attempted_on=TODAY, method="visit", outcome="no_answer")
    assert access.escalation(store, j.id, today=TODAY).stage == rules.READY_FOR_LEGAL


def test_no_prompt_before_the_case_starts(store):
    t = tenant(store)
    j = gas_job(store, t)
    support.create_plan(store, t.id, status="draft")
    esc = access.escalation(store, j.id, today=TODAY)
    assert (esc.stage, esc.prompt, esc.has_support_plan) == (rules.NOT_STARTED, "", True)


def test_draft_plan_and_new_adjustment_are_untried(store):
    t = tenant(store)
    j = gas_job(store, t)
    three_failures(store, j.id)
    support.create_plan(store, t.id, status="draft", start_date=D[0])
    adjustment(store, t.id, "call_ahead", start_date=TODAY)
    adjustment(store, t.id, "boot_covers", start_date=D[0])
    esc = access.escalation(store, j.id, today=TODAY)
    assert esc.stage == rules.TRY_SUPPORT_FIRST and esc.has_adjustments
    assert esc.untried == ["Call ahead", "the support plan (still a draft: agree it)"]


def test_access_gained(store):
    j = gas_job(store, tenant(store))
    three_failures(store, j.id)
    access.record_attempt(store, j.id, attempted_on=TODAY, method="visit", outcome="access_gained")
    assert access.escalation(store, j.id, today=TODAY).stage == rules.ACCESS_GAINED
    with store.read() as s:
        assert s.get(Job, j.id).status == "open"


@pytest.mark.parametrize("kwargs,field", [
    ({"method": "pigeon"}, "method"),
    ({"outcome": "maybe"}, "outcome"),
    ({"letter_stage": "fourth"}, "letter_stage"),
    ({"attempted_on": ""}, "attempted_on"),
    ({"attempted_on": TODAY + timedelta(days=1)}, "attempted_on"),
])
def test_attempt_validation(store, kwargs, field):
    j = gas_job(store, tenant(store))
    args = {"attempted_on": TODAY, "method": "visit", "outcome": "no_answer", **kwargs}
    with pytest.raises(ValidationError) as info:
        access.record_attempt(store, j.id, **args)
    assert info.value.field == field
    assert access.list_attempts(store, j.id) == []


def test_notes_never_in_audit(store):
    j = gas_job(store, tenant(store))
    three_failures(store, j.id)
    with store.read() as s:
        texts = [e.summary + e.fields for e in s.exec(select(AuditEvent))]
    assert texts and all("PRIVATE" not in t for t in texts)


def test_evidence_pdf(store, tmp_path):
    t = tenant(store, first="Siân", last="Ó Briain")
    j = gas_job(store, t)
    adjustment(store, t.id, "boot_covers", reason="PRIVATE-REASON", start_date=D[0])
    plan = support.create_plan(store, t.id, status="active", strain="PRIVATE-STRAIN", start_date=D[0])
    support.add_measure(store, plan.id, "Officer present <b>& named</b>")
    three_failures(store, j.id)
    out = access.write_evidence_pdf(store, j.id, tmp_path / "evidence.pdf", write_document, today=TODAY)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    flat = " ".join(text.split())
    for expected in ("Access evidence", "G-100", "Siân Ó Briain", "Ready for legal action", "PRIVATE-NOTE dog",
                     "Boot covers", "Officer present <b>& named</b>", D[0].isoformat(), "Refused", "Final"):
        assert expected in flat, expected
    assert "PRIVATE-REASON" not in flat and "PRIVATE-STRAIN" not in flat
    assert list(tmp_path.glob(".liaison-*")) == []
    with store.read() as s:
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "export")).first() is not None
