"""The no-access rule table (domain/access_rules.py, docs/NO_ACCESS_RULES.md): one test per row."""
from __future__ import annotations

from datetime import date

import pytest

from liaison_app.domain import access_rules as r

D1, D2, D3, D4 = date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19), date(2026, 1, 26)
LARGE_PRINT = r.Need("adj-lp", "Large print")
SATURDAY = r.Need("m-sat", "Offer a Saturday morning", is_measure=True)


def A(on, method="visit", time="morning", outcome="no_answer", used=(), withdrawn=False):  # noqa: N802
    return r.Attempt(on, method, outcome, time, frozenset(used), withdrawn)


def complete(used=("adj-lp", "m-sat")):
    """Three days, two times of day, a visit and a letter, everything used: the attempts R3–R7 ask for."""
    return [A(D1, "visit", "morning", used=used), A(D2, "letter", "afternoon"), A(D3, "visit", "evening")]


def test_r1_access_gained_closes_the_case():
    result = r.assess(complete() + [A(D4, outcome="access_gained")], [LARGE_PRINT], -5)
    assert (result.stage, result.next_step) == (r.ACCESS_GAINED, "")


def test_r2_no_failed_attempt_is_not_started():
    assert r.assess([], [], -5).stage == r.NOT_STARTED
    assert r.assess([A(D1, outcome="rescheduled")], [], -5).stage == r.NOT_STARTED


def test_r3_three_failures_on_one_day_are_a_first_attempt():
    # The case in issue #12: three failed contacts on one day (two phone calls) with a support plan started.
    same_day = [A(D1, "call", "morning"), A(D1, "call", "afternoon"), A(D1, "visit", "evening", used={"m-sat"})]
    result = r.assess(same_day, [SATURDAY], 284)
    assert (result.stage, result.days, result.rows["R3"]) == (r.FIRST_ATTEMPT, 1, False)
    assert result.next_step.startswith("Try again on 2 more different days")
    assert r.assess(same_day + [A(D2, "letter")], [SATURDAY], 284).stage == r.SECOND_ATTEMPT


def test_r4_attempts_at_two_times_of_day():
    mornings = [A(D1, "visit"), A(D2, "letter"), A(D3, "visit")]
    result = r.assess(mornings, [], 10)
    assert (result.stage, result.rows["R4"]) == (r.VARY_ATTEMPTS, False)
    assert result.next_step == "Try in the afternoon or evening."
    assert r.assess(mornings[:2] + [A(D3, "visit", "18:30")], [], 10).stage == r.READY_FOR_LEGAL


def test_r5_two_methods_one_a_written_notice():
    visits = [A(D1, "visit", "morning"), A(D2, "call", "afternoon"), A(D3, "visit", "evening")]
    result = r.assess(visits, [], 10)
    assert (result.stage, result.rows["R5"]) == (r.VARY_ATTEMPTS, False)
    assert result.next_step == "Send a written notice (a letter)."
    letters = [A(D1, "letter", "morning"), A(D2, "letter", "afternoon"), A(D3, "letter", "evening")]
    assert r.assess(letters, [], 10).next_step == "Also try a visit or a phone call."
    assert r.assess(complete(), [], 10).rows["R5"]


def test_r6_every_shared_adjustment_honoured():
    result = r.assess(complete(used=()), [LARGE_PRINT], 10)
    assert (result.stage, result.rows["R6"]) == (r.TRY_SUPPORT_FIRST, False)
    assert result.next_step == "Honour “Large print” on the next attempt."
    assert r.assess(complete(used={"adj-lp"}), [LARGE_PRINT], 10).stage == r.READY_FOR_LEGAL


def test_r6_an_adjustment_never_shared_is_not_honoured():
    # The female-operative adjustment with consent unticked, even if recorded as used.
    female = r.Need("adj-f", "Female operative", shared=False, consent=False)
    result = r.assess(complete(used={"adj-f"}), [female], 10)
    assert (result.stage, [n.label for n in result.not_honoured]) == (r.TRY_SUPPORT_FIRST, ["Female operative"])
    assert result.next_step == "Ask the tenant's consent to share “Female operative” with the contractor."
    not_to_share = r.Need("adj-f", "Female operative", shared=False)
    assert "Share “Female operative” with the contractor" in r.assess(complete(), [not_to_share], 10).next_step


def test_r7_every_support_measure_tried():
    result = r.assess(complete(used={"adj-lp"}), [LARGE_PRINT, SATURDAY], 10)
    assert (result.stage, result.rows["R7"]) == (r.TRY_SUPPORT_FIRST, False)
    assert result.next_step == "Try “Offer a Saturday morning”."
    draft = r.Need("plan-1", "the support plan", is_measure=True, blocked="agree the support plan (still a draft)")
    assert r.assess(complete(used={"plan-1"}), [draft], 10).next_step == "Agree the support plan (still a draft)."


@pytest.mark.parametrize("days_left,stage", [(284, r.EVIDENCE_COMPLETE), (29, r.EVIDENCE_COMPLETE),
                                             (28, r.READY_FOR_LEGAL), (0, r.READY_FOR_LEGAL),
                                             (-3, r.READY_FOR_LEGAL), (None, r.EVIDENCE_COMPLETE)])
def test_r8_overdue_or_due_within_28_days(days_left, stage):
    result = r.assess(complete(), [LARGE_PRINT, SATURDAY], days_left)
    assert result.stage == stage
    if stage == r.EVIDENCE_COMPLETE:
        assert result.next_step.startswith("Legal action only once" if days_left else "Record the check's due date")


def test_withdrawn_attempts_never_count():
    attempts = complete()[:2] + [A(D3, "visit", "evening", withdrawn=True)]
    assert r.assess(attempts, [], 10).stage == r.SECOND_ATTEMPT
    assert r.assess(complete(used=()) + [A(D4, used={"adj-lp"}, withdrawn=True)], [LARGE_PRINT], 10).rows["R6"] is False


def test_an_old_attempt_counts_for_days_and_methods_not_times_or_honoured():
    old = [A(D1, "visit", ""), A(D2, "letter", ""), A(D3, "visit", "")]
    result = r.assess(old, [LARGE_PRINT], 10)
    assert (result.days, result.rows["R3"], result.rows["R5"]) == (3, True, True)
    assert (result.rows["R4"], result.rows["R6"]) == (False, False)
    assert result.next_step.startswith("Record the time of day of each attempt")


def test_next_step_names_everything_missing_in_plain_words():
    result = r.assess([A(D1, "visit", "morning")], [LARGE_PRINT, SATURDAY], 200)
    assert result.next_step == ("Try again on 2 more different days; send a written notice (a letter); try in the "
                                "afternoon or evening; honour “Large print” on the next attempt; try “Offer a "
                                "Saturday morning”; legal action only once the check is due within 28 days (in "
                                "172 days' time).")


@pytest.mark.parametrize("text,slot", [("morning", "morning"), ("Evening", "evening"), ("09:15", "morning"),
                                       ("12:00", "afternoon"), ("16:59", "afternoon"), ("17:00", "evening"),
                                       ("", ""), ("teatime", "")])
def test_time_slots(text, slot):
    assert r.time_slot(text) == slot
