"""Letters to tenants (issue #14, point 1; docs/LETTERS.md): what a letter may say, how each one sent is
logged (a contact on the tenant's record; a no-access letter as a written notice the no-access rules
count), the letters due this week, and the admin-only, audited template changes. The PDFs themselves:
tests/printing/test_letters_pdf.py."""
from __future__ import annotations

from dataclasses import astuple
from datetime import timedelta

import pytest
from sqlmodel import select

from checks_world import TODAY, contractor, job
from letters_world import MARKERS, world
from liaison_app.domain import AccessAttempt, AuditEvent, Visit
from liaison_app.domain import letters as rules
from liaison_app.domain.validation import ValidationError
from liaison_app.services import access, letter_templates, letters
from liaison_app.services.permissions import NotAllowed


def _all_text(letter) -> str:
    return repr(astuple(letter))


def test_no_private_value_reaches_any_kind_of_letter(store):
    _, j = world(store, failed=True, plan=True, password="BLUEBELL", adjustments=("large_print", "call_ahead"),
                 language="Polish", interpreter=True)
    for kind in rules.KINDS:
        text = _all_text(letters.letter_for_job(store, kind, j.job_ref))
        assert [m for m in MARKERS if m in text] == [], kind


def test_a_no_access_letter_is_a_contact_and_a_written_notice_the_rules_count(store):
    t, j = world(store, failed=True, private=False)
    assert not access.escalation(store, j.id, today=TODAY).rows["R5"]  # one visit: no written notice yet
    letters.record_letter_sent(store, letters.letter_for_job(store, "no-access-1", j.job_ref))
    with store.read() as s:
        visit = s.exec(select(Visit).where(Visit.tenant_id == t.id, Visit.visit_type == "letter")).one()
        attempt = s.exec(select(AccessAttempt).where(AccessAttempt.method == "letter")).one()
        events = s.exec(select(AuditEvent).where(AuditEvent.summary == "letter no-access-1 G-100")).all()
    assert (visit.job_id, visit.outcome) == (j.id, "First no-access letter sent (job G-100)")
    assert (attempt.job_id, attempt.letter_stage, attempt.attempted_on) == (j.id, "first", TODAY)
    assert {e.record_type for e in events} == {"visit", "accessattempt"}
    assert access.escalation(store, j.id, today=TODAY).rows["R5"]  # a visit and a letter: two methods, one written


@pytest.mark.parametrize("kind,stage", [("no-access-2", "second"), ("no-access-final", "final")])
def test_later_no_access_letters_carry_their_stage(store, kind, stage):
    _, j = world(store, failed=True, private=False)
    letters.record_letter_sent(store, letters.letter_for_job(store, kind, j.job_ref))
    with store.read() as s:
        assert s.exec(select(AccessAttempt.letter_stage).where(AccessAttempt.method == "letter")).one() == stage


def test_an_appointment_letter_is_a_contact_but_not_an_access_attempt(store):
    t, j = world(store, private=False)
    letters.record_letter_sent(store, letters.letter_for_job(store, "appointment", j.job_ref))
    with store.read() as s:
        assert s.exec(select(Visit.visit_type).where(Visit.tenant_id == t.id)).all() == ["letter"]
        assert s.exec(select(AccessAttempt)).all() == []


@pytest.mark.parametrize("kind,options,message", [
    ("appointment", {"booked": False}, "Book an appointment first"),
    ("no-access-1", {}, "Record the failed access attempt first"),
    ("support-offer", {}, "no active support plan"),
    ("reminder", {}, "Choose a letter"),
])
def test_a_letter_that_cannot_be_written_says_why(store, kind, options, message):
    _, j = world(store, private=False, **options)
    with pytest.raises(ValidationError, match=message) as info:
        letters.letter_for_job(store, kind, j.job_ref)
    assert info.value.field == "kind"


def test_a_communal_job_has_no_tenant_to_write_to(store):
    from checks_world import block
    j = job(store, "C-1", contractor(store).id, job_type="communal_repair", block_id=block(store).id)
    with pytest.raises(letters.NothingToSend, match="no tenant"):
        letters.letter_for_job(store, "appointment", j.job_ref)


def test_letters_due_this_week_and_the_post_room_list(store, tmp_path):
    _, booked = world(store, private=False, adjustments=("large_print",))
    _, failed = world(store, private=False, failed=True, ref="G-200", booked=False)
    due = letters.letters_due(store, on=TODAY)
    assert [(d.kind, d.job_ref) for d in due] == [("appointment", "G-100"), ("no-access-1", "G-200")]
    batch, skipped = letters.letters_due_batch(store, on=TODAY)
    assert skipped == [] and [l.job_ref for l in batch.letters] == ["G-100", "G-200"]
    rows = letters.post_room_rows(batch)
    assert rows[0][:3] == ["G-100", "T-G-100", "Appointment letter"] and rows[0][5] == "yes"
    assert rows[1][4] == "BA12 9AB" and rows[1][5] == "no"
    letters.write_post_room_csv(store, batch, tmp_path / "post.csv")
    lines = (tmp_path / "post.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("job_ref,tenancy_ref,letter,name_and_address") and len(lines) == 3
    letters.record_letters_sent(store, batch.letters)
    assert letters.letters_due(store, on=TODAY) == []  # each sent once
    later = letters.letters_due(store, on=TODAY + timedelta(days=7))  # a week on: the second letter
    assert [(d.kind, d.job_ref) for d in later] == [("no-access-2", "G-200")]


def test_the_dialog_suggests_the_letter_after_the_furthest_stage_reached(store):
    _, j = world(store, private=False, failed=True)
    assert letters.suggested_kind(store, j.id) == "no-access-1"
    letters.record_letter_sent(store, letters.letter_for_job(store, "no-access-1", j.id))
    assert letters.suggested_kind(store, j.id) == "no-access-2"
    # a stage the access panel recorded on another attempt counts as reached: the next letter follows it
    access.record_attempt(store, j.id, attempted_on=TODAY, method="visit", outcome="no_answer", letter_stage="second")
    assert letters.suggested_kind(store, j.id) == "no-access-final"
    letters.record_letter_sent(store, letters.letter_for_job(store, "no-access-final", j.id))
    assert letters.suggested_kind(store, j.id) == "no-access-final"  # nothing after the final letter
    assert letters.letters_due(store, on=TODAY + timedelta(days=30)) == []


def test_only_an_admin_changes_a_template_each_change_audited(store):
    _, j = world(store, private=False)
    shipped = letter_template_text = letter_templates.template_text(store, "appointment.en")
    store.actor_role = "officer"
    with pytest.raises(NotAllowed):
        letter_templates.save_template(store, "appointment.en", shipped)
    store.actor_role = "admin"
    with pytest.raises(ValidationError, match="Unknown placeholders: secret"):
        letter_templates.save_template(store, "appointment.en", shipped + "\n${secret}\n")
    changed = letter_template_text.replace("We have booked your ${job_type}.", "Your ${job_type} is booked.")
    letter_templates.save_template(store, "appointment.en", changed)
    assert "Your annual gas safety check is booked." in letters.letter_for_job(store, "appointment", "G-100").texts[0].paragraphs
    letter_templates.undo_template(store, "appointment.en")
    assert letter_templates.template_text(store, "appointment.en") == shipped
    with store.read() as s:
        summaries = [e.summary for e in s.exec(select(AuditEvent).where(AuditEvent.record_type == "setting"))]
    assert summaries[-2:] == ["letter template appointment.en changed",
                              "letter template appointment.en back to the shipped wording"]


def test_every_shipped_template_parses_with_only_known_placeholders():
    for name in letter_templates.NAMES:
        letter_templates.check_template(name, letter_templates.shipped_text(name))


def test_a_reply_date_never_falls_on_a_weekend():
    from datetime import date

    from liaison_app.services.letters_rules import reply_by

    days = [reply_by(date(2026, 11, 23) + timedelta(days=n)) for n in range(7)]
    assert all(d.weekday() < 5 for d in days) and reply_by(date(2026, 11, 24)) == date(2026, 12, 8)
