""""You said, we did" (issue #14 points 2 and 3): per code point, how many tenants raised it, anonymised quotes and
what was done, per contractor and overall; survey answers; "ID shown on N of M visits"."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from checks_world import contractor, job, tenant

from liaison_app.domain.validation import ValidationError
from liaison_app.domain.you_said import ALL_CONTRACTORS
from liaison_app.services import conduct, reports, signoff, works
from liaison_app.services.feedback_text import QUOTE_CHARS, Known, anonymise
from liaison_app.services.you_said import you_said_summary

DAY = date.today() - timedelta(days=3)
# Each marker stands for a kind of personal data a tenant may type into a comment.
KNOWN = Known(frozenset({"Zelmira Quorvath", "Bexley Tranmore"}), frozenset({"14 Larkspur Road", "Westbury"}),
              frozenset({"JOB-77123", "T-99001", "swordfish"}))
MARKED = ("Zelmira Quorvath says Bexley left mess at 14 Larkspur Road, Westbury BA13 3AB. Ring 07700 900123, "
          "+44 20 7946 0000 or zq@example.com about JOB-77123 and T-99001; password swordfish; 22b Acacia Avenue; "
          "ask Mrs Okonkwo-Blythe next door")
MARKERS = ("Zelmira", "Quorvath", "Bexley", "Larkspur", "Westbury", "BA13", "07700", "7946", "zq@", "77123",
           "99001", "swordfish", "Acacia", "Okonkwo")


def test_a_quote_keeps_the_words_and_loses_every_kind_of_personal_data():
    quote = anonymise(MARKED, KNOWN, limit=1000)
    assert [m for m in MARKERS if m.casefold() in quote.casefold()] == []
    assert quote.startswith("[name] says [name] left mess at [address]")
    assert "[phone]" in quote and "[email]" in quote and "[ref]" in quote


def test_a_long_quote_is_cut_at_a_word_with_an_ellipsis():
    quote = anonymise("They cleaned up really well afterwards. " * 10)
    assert len(quote) <= QUOTE_CHARS and quote.endswith("…") and not quote.endswith(" …")


@pytest.fixture
def world(store):
    gas, damp = contractor(store, "Acme Gas"), contractor(store, "Damp Co")
    people = [tenant(store, f"T-{i}", first=f"Firstname{i}", last=f"Surname{i}") for i in range(3)]
    op = works.add_operative(store, gas.id, "Orlando Pemberly", "AG-1")
    jobs = [job(store, f"J-{i}", gas.id, tenant_id=t.id) for i, t in enumerate(people)]
    return gas, damp, people, jobs, op


def _said(store, contractor_id, point, job_id=None, said="", action=""):
    return conduct.record_feedback(store, contractor_id=contractor_id, point=point, received_on=DAY, job_id=job_id,
                                   what_was_said=said, action_taken=action)


def test_each_point_counts_tenants_quotes_and_actions_per_contractor_and_overall(store, world):
    gas, damp, _people, jobs, _ = world
    _said(store, gas.id, "cleared_up", jobs[0].id, "Left rubble in the garden.", "Toolbox talk held.")
    _said(store, gas.id, "cleared_up", jobs[0].id, "Rubble again.")
    _said(store, gas.id, "cleared_up", jobs[1].id, "Dusty hall.", "Apology given.")
    _said(store, damp.id, "id_shown", None, "No badge shown.")
    summary = you_said_summary(store, DAY, DAY)
    cleared = {p.code: p for p in summary.overall.points}["cleared_up"]
    assert (summary.overall.contractor, cleared.tenants, cleared.raised) == (ALL_CONTRACTORS, 2, 3)
    assert set(cleared.quotes) == {"Left rubble in the garden.", "Rubble again.", "Dusty hall."}
    assert set(cleared.actions) == {"Toolbox talk held.", "Apology given."}
    by_name = {s.contractor: s for s in summary.contractors}
    assert by_name["Acme Gas"].raised == 3 and by_name["Damp Co"].raised == 1
    rows = reports.you_said_report(store, DAY, DAY).rows
    assert ["Damp Co", "ID shown and worn", "1", "1", "“No badge shown.”", ""] in rows


def test_only_the_first_quotes_are_kept_and_the_rest_counted(store, world):
    gas = world[0]
    for i in range(8):
        _said(store, gas.id, "no_damage", said=f"Scratch number {i}.")
    point = {p.code: p for p in you_said_summary(store, DAY, DAY).overall.points}["no_damage"]
    assert (len(point.quotes), point.more_quotes) == (5, 3)
    assert any(row[4].endswith("and 3 more") for row in reports.you_said_report(store, DAY, DAY).rows)


def test_quotes_in_the_summary_lose_the_tenants_and_operatives_names_and_refs(store, world):
    gas, _, people, jobs, _op = world
    _said(store, gas.id, "respect_customs", jobs[0].id,
          f"{people[0].first_name} {people[0].last_name} of {people[0].tenancy_ref}: Orlando rushed job J-0.",
          f"Spoke to Orlando Pemberly about {jobs[0].job_ref}.")
    point = {p.code: p for p in you_said_summary(store, DAY, DAY).overall.points}["respect_customs"]
    text = " ".join(point.quotes + point.actions)
    for marker in ("Firstname0", "Surname0", "T-0", "Orlando", "Pemberly", "J-0"):
        assert marker not in text
    assert "rushed job" in text


def test_returned_slips_say_id_shown_on_n_of_m_visits(store, world):
    gas, _, _, jobs, _ = world
    for j, shown in zip(jobs, (True, False, True)):
        signoff.record_signoff(store, j.id, returned_on=DAY, id_shown=shown, badge_matches=True, signed=True)
    summary = you_said_summary(store, DAY, DAY)
    assert summary.overall.id_line() == "ID shown on 2 of 3 visits"
    assert [gas.name, "Returned sign-off slips", "", "3", "ID shown on 2 of 3 visits", ""] in \
        reports.you_said_report(store, DAY, DAY).rows


def test_one_contractor_only_and_an_unknown_one_refused(store, world):
    gas, damp = world[0], world[1]
    _said(store, gas.id, "cleared_up")
    _said(store, damp.id, "id_shown")
    summary = you_said_summary(store, DAY, DAY, contractor="damp co")
    assert summary.contractor_filter == "Damp Co" and summary.overall.raised == 1 and summary.contractors == ()
    with pytest.raises(ValidationError):
        you_said_summary(store, DAY, DAY, contractor="Nobody Ltd")
    with pytest.raises(ValidationError):
        you_said_summary(store, DAY, DAY - timedelta(days=1))
