"""Mandatory safety checks: when the next check is due, and how far a no-access case has escalated.

Pure rules (no I/O), each small enough to explain to a tenant or a court.

Next due date after a completed check (`next_due_after`):
- a kind with no cycle (checked at tenancy start or on report) has no next due date;
- with no current due date (no history), the next is one cycle after the completion;
- completed *late* (after the due date): one cycle after the completion;
- completed inside the early window (up to `early_window_months` before the due date, that day
  included): the old anniversary is kept — one cycle after the old due date (gas safety, reg. 36(3));
- completed earlier than that: the anniversary resets to one cycle after the completion.
Months are calendar months; 29 February becomes 28 February in a year without it.

No-access escalation stages (`escalation_stage`), checked in this order:
- "Access gained"                 — an attempt gained access;
- "Not started"                   — no attempts yet;
- "Ready for legal action"        — at least `min_attempts` failed attempts and a final notice sent,
                                    and no adjustment or support plan left untried;
- "Try adjustments/support first" — as above, but an adjustment or support plan is still untried;
- "Final notice"                  — a final notice was sent (too few failed attempts yet);
- "2nd attempt"                   — two or more failed attempts, or a second letter;
- "1st attempt"                   — one failed attempt or a first letter.
A failed attempt is one with outcome "no_answer" or "refused"; "rescheduled" is not a failure.
An adjustment or plan counts as *tried* once a failed attempt was made on or after the day it took effect.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Protocol

from liaison_app.domain.validation import add_months

NOT_STARTED = "Not started"
FIRST_ATTEMPT = "1st attempt"
SECOND_ATTEMPT = "2nd attempt"
FINAL_NOTICE = "Final notice"
TRY_SUPPORT_FIRST = "Try adjustments/support first"
READY_FOR_LEGAL = "Ready for legal action"
ACCESS_GAINED = "Access gained"

# From least to most urgent (used to sort no-access cases).
STAGES = (NOT_STARTED, FIRST_ATTEMPT, SECOND_ATTEMPT, FINAL_NOTICE, TRY_SUPPORT_FIRST, READY_FOR_LEGAL,
          ACCESS_GAINED)
URGENCY = {NOT_STARTED: 0, ACCESS_GAINED: 0, FIRST_ATTEMPT: 1, SECOND_ATTEMPT: 2, FINAL_NOTICE: 3,
           TRY_SUPPORT_FIRST: 4, READY_FOR_LEGAL: 5}

FAILED_OUTCOMES = ("no_answer", "refused")
GAINED_OUTCOME = "access_gained"

# Due states of a check, shown beside its date.
NO_RECORD = "No record — due now"
ON_REPORT = "On report"
OVERDUE = "Overdue"
DUE_SOON = "Due soon"
IN_DATE = "In date"


class AttemptLike(Protocol):
    attempted_on: date
    outcome: str
    letter_stage: str


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


def is_failed(attempt: AttemptLike) -> bool:
    return attempt.outcome in FAILED_OUTCOMES


def failed_dates(attempts: Iterable[AttemptLike]) -> list[date]:
    return sorted(a.attempted_on for a in attempts if is_failed(a))


def is_untried(took_effect: date | None, attempts: Iterable[AttemptLike]) -> bool:
    """An adjustment or support plan is untried until a failed attempt is made on or after it took effect.

    `took_effect` None means it has not taken effect yet (a draft plan): untried."""
    if took_effect is None:
        return True
    return not any(d >= took_effect for d in failed_dates(attempts))


@dataclass(frozen=True)
class StageFacts:
    failed: int
    letter_level: int  # 0 none, 1 first, 2 second, 3 final
    gained: bool


_LETTER_LEVEL = {"first": 1, "second": 2, "final": 3}


def stage_facts(attempts: Iterable[AttemptLike]) -> StageFacts:
    attempts = list(attempts)
    letters = [_LETTER_LEVEL.get(a.letter_stage or "", 0) for a in attempts]
    return StageFacts(failed=sum(1 for a in attempts if is_failed(a)), letter_level=max(letters, default=0),
                      gained=any(a.outcome == GAINED_OUTCOME for a in attempts))


def escalation_stage(attempts: Iterable[AttemptLike], min_attempts: int, *, support_untried: bool = False) -> str:
    """The no-access stage reached by these attempts (see the module notes for the order)."""
    attempts = list(attempts)
    facts = stage_facts(attempts)
    if facts.gained:
        return ACCESS_GAINED
    if not attempts:
        return NOT_STARTED
    final_sent = facts.letter_level >= 3
    if final_sent and facts.failed >= max(min_attempts, 1):
        return TRY_SUPPORT_FIRST if support_untried else READY_FOR_LEGAL
    if final_sent:
        return FINAL_NOTICE
    if max(facts.failed, facts.letter_level) >= 2:
        return SECOND_ATTEMPT
    if max(facts.failed, facts.letter_level) == 1:
        return FIRST_ATTEMPT
    return NOT_STARTED
