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
from liaison_app.services import access, reports, support, today

D = [TODAY - timedelta(days=n) for n in (21, 14, 7, 0)]


def gas_job(store, t, due_in=10):
    return job(store, "G-100", contractor(store).id, tenant_id=t.id, due_date=TODAY + timedelta(days=due_in))


def three_failures(store, job_id, used=(), measures=()):
    """Three failed attempts on different days, at different times, by visit and letter (rules R3-R5)."""
    access.record_attempt(store, job_id, attempted_on=D[0], method="visit", outcome="no_answer", letter_stage="first",
                          time_of_day="morning", adjustments_used=used, measures_used=measures)
    access.record_attempt(store, job_id, attempted_on=D[1], method="letter", outcome="no_answer",
                          letter_stage="second", time_of_day="afternoon")
    access.record_attempt(store, job_id, attempted_on=D[2], method="visit", outcome="refused", letter_stage="final",
                          time_of_day="17:45", notes="PRIVATE-NOTE dog barking")


def test_attempts_listed_and_job_marked_no_access(store):
    t = tenant(store)
    j = gas_job(store, t)
    assert access.escalation(store, j.id, today=TODAY).stage == rules.NOT_STARTED
    access.record_attempt(store, j.id, attempted_on=D[1], method="visit", outcome="no_answer", time_of_day="morning")
    access.record_attempt(store, j.id, attempted_on=D[0].isoformat(), method="call", outcome="rescheduled")
    assert [a.attempted_on for a in access.list_attempts(store, j.id)] == [D[0], D[1]]
    with store.read() as s:
        assert s.get(Job, j.id).status == "no_access"
    esc = access.escalation(store, j.id, today=TODAY)
    assert (esc.stage, esc.failed_attempts, esc.days_left, esc.due_date) == (
        rules.FIRST_ATTEMPT, 1, 10, TODAY + timedelta(days=10))
    assert (esc.has_adjustments, esc.has_support_plan) == (False, False)
    assert esc.prompt == ("Try again on 2 more different days; send a written notice (a letter); "
                          "try in the afternoon or evening.")


def test_ready_for_legal_action_without_support(store):
    j = gas_job(store, tenant(store))
    three_failures(store, j.id)
    esc = access.escalation(store, j.id, today=TODAY)
    assert (esc.stage, esc.failed_attempts, esc.prompt) == (rules.READY_FOR_LEGAL, 3, "")


def test_the_issue_case_is_a_first_attempt_far_from_the_due_date(store):
    # Three failed contacts on one day (two calls), 284 days before the gas check, a support plan started that day.
    t = tenant(store)
    j = gas_job(store, t, due_in=284)
    plan = support.create_plan(store, t.id, status="active", start_date=TODAY)
    measure = support.add_measure(store, plan.id, "Offer a Saturday morning")
    for method, when in (("call", "09:00"), ("call", "13:00"), ("visit", "18:00")):
        access.record_attempt(store, j.id, attempted_on=TODAY, method=method, outcome="no_answer", time_of_day=when,
                              measures_used=[measure.id])
    esc = access.escalation(store, j.id, today=TODAY)
    assert (esc.stage, esc.days_left) == (rules.FIRST_ATTEMPT, 284)
    assert esc.prompt.startswith("Try again on 2 more different days; send a written notice (a letter)")


def test_complete_evidence_waits_until_28_days_before_the_due_date(store):
    j = gas_job(store, tenant(store), due_in=60)
    three_failures(store, j.id)
    esc = access.escalation(store, j.id, today=TODAY)
    assert esc.stage == rules.EVIDENCE_COMPLETE
    assert esc.prompt == "Legal action only once the check is due within 28 days (in 32 days' time)."


def test_a_home_with_no_check_record_is_due_now(store):
    t = tenant(store)
    j = job(store, "G-200", contractor(store).id, tenant_id=t.id)  # no due date, no calendar entry
    three_failures(store, j.id)
    esc = access.escalation(store, j.id, today=TODAY)
    assert (esc.stage, esc.no_record, esc.days_left, esc.due_date) == (rules.READY_FOR_LEGAL, True, 0, None)


def test_support_measures_count_only_when_used_on_an_attempt(store):
    t = tenant(store)
    j = gas_job(store, t)
    plan = support.create_plan(store, t.id, status="active", start_date=D[0])
    measure = support.add_measure(store, plan.id, "Offer a Saturday morning")
    three_failures(store, j.id)
    esc = access.escalation(store, j.id, today=TODAY)
    assert (esc.stage, esc.has_support_plan, esc.untried) == (rules.TRY_SUPPORT_FIRST, True,
                                                              ["Offer a Saturday morning"])
    assert esc.prompt == "Try “Offer a Saturday morning”."
    access.record_attempt(store, j.id, attempted_on=TODAY, method="visit", outcome="no_answer",
                          time_of_day="evening", measures_used=[measure.id])
    assert access.escalation(store, j.id, today=TODAY).stage == rules.READY_FOR_LEGAL


def test_draft_plan_and_unused_adjustment_are_not_tried(store):
    t = tenant(store)
    j = gas_job(store, t)
    support.create_plan(store, t.id, status="draft", start_date=D[0])
    used = adjustment(store, t.id, "boot_covers", start_date=D[0])
    adjustment(store, t.id, "call_ahead", start_date=D[0])
    three_failures(store, j.id, used=[used.id])
    esc = access.escalation(store, j.id, today=TODAY)
    assert esc.stage == rules.TRY_SUPPORT_FIRST and esc.has_adjustments
    assert esc.untried == ["Call ahead", "the support plan"]
    assert esc.prompt == "Honour “Call ahead” on the next attempt; agree the support plan (still a draft)."


def test_an_adjustment_never_shared_is_not_honoured(store):
    t = tenant(store)
    j = gas_job(store, t)
    female = adjustment(store, t.id, "female_operative", start_date=D[0], consent_given=False)
    three_failures(store, j.id, used=[female.id])
    esc = access.escalation(store, j.id, today=TODAY)
    assert (esc.stage, esc.untried) == (rules.TRY_SUPPORT_FIRST, ["Female operative"])
    assert "consent to share “Female operative” with the contractor" in esc.prompt


def test_an_attempt_may_use_only_this_tenants_records(store):
    t, other = tenant(store), tenant(store, "T-002", first="Ann", last="Other")
    j = gas_job(store, t)
    foreign = adjustment(store, other.id, "boot_covers", start_date=D[0])
    with pytest.raises(ValidationError) as info:
        access.record_attempt(store, j.id, attempted_on=TODAY, method="visit", outcome="no_answer",
                              adjustments_used=[foreign.id])
    assert info.value.field == "adjustments_used" and access.list_attempts(store, j.id) == []


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
    ({"time_of_day": "teatime"}, "time_of_day"),
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


def evidence_text(store, job_id, path):
    document = access.evidence_for_pdf(store, job_id, path, today=TODAY)
    out = write_document(path, document)
    access.evidence_exported(store, job_id, document)
    return " ".join("\n".join(page.extract_text() for page in PdfReader(out).pages).split())


def test_evidence_pdf(store, tmp_path):
    t = tenant(store, first="Siân", last="Ó Briain")
    j = gas_job(store, t)
    boots = adjustment(store, t.id, "boot_covers", reason="PRIVATE-REASON", start_date=D[0])
    plan = support.create_plan(store, t.id, status="active", strain="PRIVATE-STRAIN", start_date=D[0])
    measure = support.add_measure(store, plan.id, "Officer present <b>& named</b>")
    three_failures(store, j.id, used=[boots.id], measures=[measure.id])
    flat = evidence_text(store, j.id, tmp_path / "evidence.pdf")
    for expected in ("Access evidence", "G-100", "Siân Ó Briain", "Ready for legal action", "PRIVATE-NOTE dog",
                     "Reasonable adjustments honoured (recorded as used)", "Boot covers",
                     "Support measures tried (recorded as used)", "Officer present <b>& named</b>", D[0].isoformat(),
                     "Refused", "Final", "afternoon", "17:45"):
        assert expected in flat, expected
    assert "PRIVATE-REASON" not in flat and "PRIVATE-STRAIN" not in flat
    assert list(tmp_path.glob(".liaison-*")) == []
    with store.read() as s:
        assert s.exec(select(AuditEvent).where(AuditEvent.action == "export")).first() is not None


def test_evidence_lists_only_what_was_recorded_as_used(store, tmp_path):
    # Issue #12 point 3: an adjustment never used (here: never shared) is not "in place" in the evidence.
    t = tenant(store)
    j = gas_job(store, t)
    adjustment(store, t.id, "female_operative", start_date=D[0], consent_given=False)
    three_failures(store, j.id)
    flat = evidence_text(store, j.id, tmp_path / "evidence.pdf")
    assert "Female operative" not in flat.split("Next step")[0]
    assert "in place" not in flat and flat.count("None recorded as used.") == 2
    assert "Next step Ask the tenant's consent to share “Female operative” with the contractor." in flat


def test_today_and_the_no_access_report_sort_by_days_to_the_due_date(store):
    ready = gas_job(store, tenant(store), due_in=20)
    three_failures(store, ready.id)
    first = job(store, "G-101", contractor(store, "Bolt Ltd").id, tenant_id=tenant(store, "T-002").id,
                due_date=TODAY + timedelta(days=5))
    access.record_attempt(store, first.id, attempted_on=TODAY, method="call", outcome="no_answer")
    rows = reports.no_access_report(store, today=TODAY).rows
    assert [(r[0], r[1], r[4]) for r in rows] == [(rules.FIRST_ATTEMPT, "5", "G-101"),
                                                  (rules.READY_FOR_LEGAL, "20", "G-100")]
    assert [i.job_id for i in today.today_view(store, on=TODAY).no_access] == [first.id, ready.id]
