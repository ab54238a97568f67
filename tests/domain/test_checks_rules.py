"""Mandatory check date rules (the no-access rules: test_access_rules.py)."""
from __future__ import annotations

from datetime import date

import pytest

from liaison_app.domain import checks_rules as r


def gas(completed, due):
    return r.next_due_after(completed, due, 12, 2)


class TestNextDue:
    def test_exactly_two_months_early_keeps_anniversary(self):
        assert gas(date(2026, 3, 15), date(2026, 5, 15)) == date(2027, 5, 15)

    def test_two_months_and_a_day_early_resets(self):
        assert gas(date(2026, 3, 14), date(2026, 5, 15)) == date(2027, 3, 14)

    def test_on_the_due_date_keeps_anniversary(self):
        assert gas(date(2026, 5, 15), date(2026, 5, 15)) == date(2027, 5, 15)

    def test_late_check_counts_from_completion(self):
        assert gas(date(2026, 6, 2), date(2026, 5, 15)) == date(2027, 6, 2)

    def test_no_history_counts_from_completion(self):
        assert gas(date(2026, 1, 10), None) == date(2027, 1, 10)

    def test_leap_day_due_becomes_28_february(self):
        assert gas(date(2024, 2, 1), date(2024, 2, 29)) == date(2025, 2, 28)

    def test_leap_day_completion_late_becomes_28_february(self):
        assert gas(date(2024, 2, 29), date(2024, 2, 20)) == date(2025, 2, 28)

    def test_window_from_end_of_month(self):
        # due 30 April: the window opens 28 February (2026 has no 29th or 30th of February)
        assert gas(date(2026, 2, 28), date(2026, 4, 30)) == date(2027, 4, 30)
        assert gas(date(2026, 2, 27), date(2026, 4, 30)) == date(2027, 2, 27)

    def test_no_early_window_for_other_kinds(self):
        assert r.next_due_after(date(2026, 5, 14), date(2026, 5, 15), 60, 0) == date(2031, 5, 14)

    def test_kind_without_cycle_has_no_next_due(self):
        assert r.next_due_after(date(2026, 5, 14), date(2026, 5, 15), None, 0) is None


class TestDueState:
    def test_no_history_is_due_now(self):
        assert r.due_state(None, date(2026, 1, 1), 12) == r.NO_RECORD
        assert r.days_left(None, date(2026, 1, 1)) is None

    def test_on_report_kind(self):
        assert r.due_state(None, date(2026, 1, 1), None) == r.ON_REPORT

    @pytest.mark.parametrize("due,state,left", [
        (date(2025, 12, 31), r.OVERDUE, -1),
        (date(2026, 1, 1), r.DUE_SOON, 0),
        (date(2026, 1, 31), r.DUE_SOON, 30),
        (date(2026, 2, 1), r.IN_DATE, 31),
    ])
    def test_states(self, due, state, left):
        assert r.due_state(due, date(2026, 1, 1), 12) == state
        assert r.days_left(due, date(2026, 1, 1)) == left
