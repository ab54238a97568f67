"""`sign_in` in two halves (services/officers.py): `verify_sign_in` checks the password and writes nothing,
`record_sign_in` audits it and signs the officer in. Apart, they keep every rule of the whole: what happened
between the two (a back-off begun, a password reset, an account switched off) is honoured when recording."""
from __future__ import annotations

import pytest
from sqlmodel import func, select

from liaison_app.domain import AuditEvent, SignInFailure
from liaison_app.services import officers
from liaison_app.services.officers import SignInError

PASSWORD = "correct horse battery"


def _count(store, model) -> int:
    with store.read() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def _actions(store) -> list[str]:
    with store.read() as session:
        return [e.action for e in session.exec(select(AuditEvent).order_by(AuditEvent.seq))]


@pytest.fixture
def admin(store):
    officers.create_officer(store, "ada", "Ada Admin", "admin", PASSWORD)
    return store


def test_verifying_writes_nothing_and_signs_nobody_in(admin):
    store = admin
    events = _count(store, AuditEvent)
    right = officers.verify_sign_in(store, "ADA ", PASSWORD)
    wrong = officers.verify_sign_in(store, "ada", "not the password")
    unknown = officers.verify_sign_in(store, "nobody", PASSWORD)
    assert (right.passed, wrong.passed, unknown.passed) == (True, False, False)
    assert _count(store, AuditEvent) == events and _count(store, SignInFailure) == 0
    assert not store.actor_id
    assert PASSWORD not in repr(right)  # the attempt holds no password


def test_acting_as_a_verified_officer_is_only_for_a_passed_attempt(admin):
    store = admin
    with pytest.raises(SignInError):
        officers.act_as_verified(store, officers.verify_sign_in(store, "ada", "not the password"))
    assert not store.actor_id
    officers.act_as_verified(store, officers.verify_sign_in(store, "ada", PASSWORD))
    assert store.actor == "ada" and officers.signed_in_name(store) == "Ada Admin"


def test_recording_audits_a_passed_attempt_and_counts_a_failed_one(admin):
    store = admin
    row = officers.record_sign_in(store, officers.verify_sign_in(store, "ada", PASSWORD))
    assert (store.actor, store.actor_id) == ("ada", row.id) and _actions(store)[-1] == "sign_in"
    with pytest.raises(SignInError):
        officers.record_sign_in(store, officers.verify_sign_in(store, "ada", "not the password"))
    assert _actions(store)[-1] == "sign_in_failed" and _count(store, SignInFailure) == 1


def test_a_back_off_begun_between_the_halves_refuses_a_right_password(admin):
    store = admin
    attempt = officers.verify_sign_in(store, "ada", PASSWORD)
    for _ in range(officers.FREE_ATTEMPTS):  # meanwhile, another copy of Liaison fails five times
        with pytest.raises(SignInError):
            officers.sign_in(store, "ada", "not the password")
    with pytest.raises(SignInError) as err:
        officers.record_sign_in(store, attempt)
    assert err.value.retry_after > 0 and _actions(store)[-1] == "sign_in_failed"


def test_a_password_reset_between_the_halves_refuses_the_old_one(admin):
    store = admin
    officers.sign_in(store, "ada", PASSWORD)
    attempt = officers.verify_sign_in(store, "ada", PASSWORD)
    officers.change_password(store, PASSWORD, "a brand new password")
    with pytest.raises(SignInError):
        officers.record_sign_in(store, attempt)
    assert _actions(store)[-1] == "sign_in_failed"


def test_an_account_switched_off_between_the_halves_is_refused(admin):
    store = admin
    officers.sign_in(store, "ada", PASSWORD)
    officers.create_officer(store, "bob", "Bob", "officer", "bobs password 1")
    bob = officers.verify_sign_in(store, "bob", "bobs password 1")
    assert bob.passed
    bob_id = bob.officer.id
    officers.set_active(store, bob_id, False)
    with pytest.raises(SignInError):
        officers.record_sign_in(store, bob)
    assert _actions(store)[-1] == "sign_in_failed"
