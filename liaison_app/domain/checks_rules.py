"""Mandatory safety checks: when the next check is due, and the state of its due date.

Pure rules (no I/O), each small enough to explain to a tenant or a court.

Next due date after a completed check (`next_due_after`):
- a kind with no cycle (checked at tenancy start or on report) has no next due date;
- with no current due date (no history), the next is one cycle after the completion;
- completed *late* (after the due date): one cycle after the completion;
- completed inside the early window (up to `early_window_months` before the due date, that day
  included): the old anniversary is kept — one cycle after the old due date (gas safety, reg. 36(3));
- completed earlier than that: the anniversary resets to one cycle after the completion.
Months are calendar months; 29 February becomes 28 February in a year without it.

The no-access escalation (when legal action may start) is its own rule table: domain/access_rules.py
and docs/NO_ACCESS_RULES.md. Its stage names are re-exported here for the callers that sort by them.
"""
from __future__ import annotations

from datetime import date

from liaison_app.domain import access_rules
from liaison_app.domain.validation import add_months

# The no-access stages, re-exported (the rules are in access_rules).
NOT_STARTED, FIRST_ATTEMPT = access_rules.NOT_STARTED, access_rules.FIRST_ATTEMPT
SECOND_ATTEMPT = access_rules.SECOND_ATTEMPT
VARY_ATTEMPTS, TRY_SUPPORT_FIRST = access_rules.VARY_ATTEMPTS, access_rules.TRY_SUPPORT_FIRST
EVIDENCE_COMPLETE, READY_FOR_LEGAL = access_rules.EVIDENCE_COMPLETE, access_rules.READY_FOR_LEGAL
ACCESS_GAINED, STAGES, URGENCY = access_rules.ACCESS_GAINED, access_rules.STAGES, access_rules.URGENCY
FAILED_OUTCOMES, GAINED_OUTCOME = access_rules.FAILED_OUTCOMES, access_rules.GAINED_OUTCOME

# Due states of a check, shown beside its date.
NO_RECORD = "No record — due now"
ON_REPORT = "On report"
OVERDUE = "Overdue"
DUE_SOON = "Due soon"
IN_DATE = "In date"


def next_due_after(completed_on: date, current_due: date | None, cycle_months: int | None,
                   early_window_months: int = 0) -> date | None:
    """The next due date once a check is completed on `completed_on` (see the module notes)."""
    if not cycle_months:
        return None
    if current_due is None or completed_on > current_due:
        return add_months(completed_on, cycle_months)
    window_opens = add_months(current_due, -early_window_months)
    if completed_on >= window_opens:
        return add_months(current_due, cycle_months)
    return add_months(completed_on, cycle_months)


def days_left(due: date | None, today: date) -> int | None:
    """Days from today to the due date: negative once overdue, None when unknown."""
    return None if due is None else (due - today).days


def due_state(due: date | None, today: date, cycle_months: int | None, soon_days: int = 30) -> str:
    """A short word for a check's position: no record, on report, overdue, due soon or in date."""
    if due is None:
        return ON_REPORT if not cycle_months else NO_RECORD
    left = (due - today).days
    if left < 0:
        return OVERDUE
    return DUE_SOON if left <= soon_days else IN_DATE
