"""Putting an access attempt right: the officer who recorded it corrects it the same day; an admin
withdraws it with a reason; both audited, and a withdrawn attempt no longer counts."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from checks_world import TODAY, contractor, job, tenant
from liaison_app.domain import AccessAttempt, AuditEvent
from liaison_app.domain import checks_rules as rules
from liaison_app.domain.validation import ValidationError
from liaison_app.services import access, access_changes
from liaison_app.services.permissions import NotAllowed


def one_attempt(store):
    j = job(store, "G-300", contractor(store).id, tenant_id=tenant(store).id, due_date=TODAY + timedelta(days=5))
    return j, access.record_attempt(store, j.id, attempted_on=TODAY, method="visit", outcome="no_answer",
                                    time_of_day="morning", notes="PRIVATE-NOTE")


def events(store, action):
    with store.read() as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == action,
                                                    AuditEvent.record_type == "accessattempt")))


def test_the_recording_officer_corrects_an_attempt_the_same_day(store):
    j, attempt = one_attempt(store)
    changed = access_changes.correct_attempt(store, attempt.id, attempted_on=TODAY, method="call",
                                             outcome="no_answer", time_of_day="evening", notes="PRIVATE-NOTE")
    assert sorted(changed) == ["method", "time_of_day"]
    (fixed,) = access.list_attempts(store, j.id)
    assert (fixed.method, fixed.time_of_day, fixed.version) == ("call", "evening", 2)
    (event,) = events(store, "change")
    assert "method" in event.fields and "PRIVATE" not in event.summary + event.fields


def test_another_officer_or_another_day_cannot_correct(store, monkeypatch):
    j, attempt = one_attempt(store)
    store.actor = "someone-else"
    with pytest.raises(ValidationError, match="Only the officer who recorded"):
        access_changes.correct_attempt(store, attempt.id, attempted_on=TODAY, method="call", outcome="no_answer")
    store.actor = attempt.created_by
    assert not access_changes.recorded_today(attempt, TODAY + timedelta(days=1))
    monkeypatch.setattr(access_changes, "recorded_today", lambda a, today=None: False)
    with pytest.raises(ValidationError):
        access_changes.correct_attempt(store, attempt.id, attempted_on=TODAY, method="call", outcome="no_answer")
    assert access.list_attempts(store, j.id)[0].method == "visit"


def test_an_admin_withdraws_an_attempt_with_a_reason(store):
    j, attempt = one_attempt(store)
    assert access.escalation(store, j.id, today=TODAY).stage == rules.FIRST_ATTEMPT
    with pytest.raises(ValidationError) as info:
        access_changes.withdraw_attempt(store, attempt.id, "  ")
    assert info.value.field == "reason"
    access_changes.withdraw_attempt(store, attempt.id, "PRIVATE-WHY recorded on the wrong job")
    with store.read() as s:
        row = s.get(AccessAttempt, attempt.id)
    assert (row.withdrawn_on, row.withdrawn_by) == (TODAY, store.actor)
    assert access.escalation(store, j.id, today=TODAY).stage == rules.NOT_STARTED
    (event,) = events(store, "withdraw")
    assert "withdrawn_reason" in event.fields and "PRIVATE" not in event.summary
    with pytest.raises(ValidationError, match="already withdrawn"):
        access_changes.withdraw_attempt(store, attempt.id, "again")


def test_only_an_admin_may_withdraw(store):
    _, attempt = one_attempt(store)
    store.actor_role = "officer"
    with pytest.raises(NotAllowed):
        access_changes.withdraw_attempt(store, attempt.id, "mistake")
    assert events(store, "withdraw") == []
