"""A safeguarding concern's next action (private) and review date, on the safeguarding lead's Today;
the default "worried about someone" line names animal welfare (issue #12 point 7)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from liaison_app.domain import AuditEvent
from liaison_app.domain.validation import ValidationError
from liaison_app.services import officers, safeguarding, settings, today
from liaison_app.services.tenants import create_tenant
from liaison_app.services.today_signoffs import CONCERN_REVIEW_DAYS

PASSWORD = "a long enough password"
TODAY = date.today()
NEXT = "PRIVATE-NEXT Call the social worker about the bruising"


@pytest.fixture
def team(store):
    officers.create_officer(store, "ada", "Ada", "admin", PASSWORD)
    officers.sign_in(store, "ada", PASSWORD)
    officers.create_officer(store, "olu", "Olu", "officer", PASSWORD)
    officers.create_officer(store, "sam", "Sam", "safeguarding_lead", PASSWORD)
    tenant = create_tenant(store, tenancy_ref="T-1", first_name="Ann", last_name="Jones",
                           address_line1="1 High Street", postcode="BA1 1AA")
    officers.sign_in(store, "olu", PASSWORD)
    return store, tenant.id


def _raise(store, tenant_id, review, **extra):
    return safeguarding.raise_concern(store, tenant_id, "child", what_was_seen="PRIVATE-SEEN bruising",
                                      next_action=NEXT, review_date=review, **extra)


def test_a_concern_keeps_its_next_action_and_review_date(team):
    store, tenant_id = team
    concern = _raise(store, tenant_id, TODAY + timedelta(days=7))
    stored = safeguarding.get_concern(store, concern.id)
    assert (stored.next_action, stored.review_date) == (NEXT, TODAY + timedelta(days=7))


def test_the_review_date_is_not_before_the_concern_was_raised(team):
    store, tenant_id = team
    with pytest.raises(ValidationError) as err:
        _raise(store, tenant_id, TODAY - timedelta(days=1))
    assert err.value.field == "review_date"
    concern = _raise(store, tenant_id, None)
    with pytest.raises(ValidationError):
        safeguarding.change_concern(store, concern.id, {"review_date": TODAY - timedelta(days=1)})


def test_next_action_and_review_can_be_changed_by_who_may_see_the_concern(team):
    store, tenant_id = team
    concern = _raise(store, tenant_id, None)
    change = safeguarding.change_concern(store, concern.id, {"next_action": " Visit again ",
                                                             "review_date": TODAY + timedelta(days=3)})
    assert change.after == {"next_action": "Visit again", "review_date": TODAY + timedelta(days=3)}
    with store.read() as session:
        event = session.exec(select(AuditEvent).where(AuditEvent.record_id == concern.id,
                                                      AuditEvent.action == "change")).one()
    assert "Visit again" not in (event.summary or "") + (event.fields or "")


def test_a_concern_due_for_review_shows_on_the_safeguarding_leads_today_only(team):
    store, tenant_id = team
    _raise(store, tenant_id, TODAY + timedelta(days=10))
    assert today.today_view(store, TODAY).concern_reviews == []  # the raiser is not a lead
    officers.sign_in(store, "ada", PASSWORD)
    assert today.today_view(store, TODAY).concern_reviews == []  # nor is an admin
    officers.sign_in(store, "sam", PASSWORD)
    lines = today.today_view(store, TODAY).concern_reviews
    assert len(lines) == 1 and lines[0].tenant_id == tenant_id and "Ann Jones" in lines[0].title
    assert "PRIVATE" not in lines[0].title + lines[0].detail
    with store.read() as session:
        seen = session.exec(select(AuditEvent).where(AuditEvent.action == "view",
                                                     AuditEvent.record_type == "safeguardingconcern")).all()
    assert seen


def test_a_review_far_off_or_a_closed_concern_is_not_on_today(team):
    store, tenant_id = team
    _raise(store, tenant_id, TODAY + timedelta(days=CONCERN_REVIEW_DAYS + 1))
    closed = _raise(store, tenant_id, TODAY)
    safeguarding.close_concern(store, closed.id)
    officers.sign_in(store, "sam", PASSWORD)
    assert today.today_view(store, TODAY).concern_reviews == []


def test_the_default_worried_line_names_animal_welfare(store):
    assert "animal welfare" in settings.get_setting(store, "safeguarding_line")


def test_a_saved_worried_line_is_kept(store):
    settings.set_setting(store, "safeguarding_line", "Call 0300 123 4567.")
    assert settings.get_setting(store, "safeguarding_line") == "Call 0300 123 4567."
