"""No-access escalation: when a landlord may take legal action to gain access for a mandatory check.

Pure rules (no I/O), written so an officer can explain them to a tenant or a court. The same table,
each row with its test, is in docs/NO_ACCESS_RULES.md. Only attempts that are not withdrawn count.

| row | rule (all must hold for "Ready for legal action") |
| --- | --- |
| R1 | an attempt gained access: the case is closed ("Access gained"), whatever else is recorded |
| R2 | no failed attempt yet (no answer or refused): "Not started" |
| R3 | failed attempts on at least three different days ("1st attempt", "2nd attempt" before that) |
| R4 | failed attempts at at least two different times of day (morning, afternoon, evening) |
| R5 | at least two methods (visit, call, letter), one of them a written notice (a letter) |
| R6 | every active adjustment shared with the contractor and honoured on at least one attempt; one never
       shared (no consent, or not to be shared) counts as not honoured |
| R7 | every measure of an open support plan tried on at least one attempt; a draft plan is not tried |
| R8 | the check is overdue or due within 28 days (no record of the check: due now) |

Stages, in order: R1 "Access gained"; R2 "Not started"; R3 unmet: "1st attempt" or "2nd attempt";
R4 or R5 unmet: "Vary the attempts"; R6 or R7 unmet: "Try adjustments/support first"; R8 unmet:
"Evidence complete — not yet due"; all met: "Ready for legal action". Whatever the stage, `next_step`
says in plain words everything still missing ("Send a written notice; honour Large print; …").

An attempt stored before times and "used" were recorded has no time and used nothing: it counts toward
days (R3) and methods (R5), not toward times (R4), "honoured" (R6) or "tried" (R7).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from typing import Iterable, Sequence

NOT_STARTED = "Not started"
FIRST_ATTEMPT = "1st attempt"
SECOND_ATTEMPT = "2nd attempt"
VARY_ATTEMPTS = "Vary the attempts"
TRY_SUPPORT_FIRST = "Try adjustments/support first"
EVIDENCE_COMPLETE = "Evidence complete — not yet due"
READY_FOR_LEGAL = "Ready for legal action"
ACCESS_GAINED = "Access gained"

STAGES = (NOT_STARTED, FIRST_ATTEMPT, SECOND_ATTEMPT, VARY_ATTEMPTS, TRY_SUPPORT_FIRST, EVIDENCE_COMPLETE,
          READY_FOR_LEGAL, ACCESS_GAINED)
# From least to most urgent (a tie-break after days to the due date).
URGENCY = {NOT_STARTED: 0, ACCESS_GAINED: 0, FIRST_ATTEMPT: 1, SECOND_ATTEMPT: 2, VARY_ATTEMPTS: 3,
           TRY_SUPPORT_FIRST: 4, EVIDENCE_COMPLETE: 4, READY_FOR_LEGAL: 5}

FAILED_OUTCOMES = ("no_answer", "refused")
GAINED_OUTCOME = "access_gained"
WRITTEN_METHODS = ("letter",)
MIN_DAYS = 3
MIN_TIMES = 2
MIN_METHODS = 2
LEGAL_WINDOW_DAYS = 28

MORNING, AFTERNOON, EVENING = "morning", "afternoon", "evening"
TIMES_OF_DAY = (MORNING, AFTERNOON, EVENING)
_METHOD_WORDS = {"visit": "a visit", "call": "a phone call", "letter": "a letter"}


def time_slot(value: str | None) -> str:
    """Morning, afternoon or evening for a slot word or a time "HH:MM" (before 12:00, to 17:00, after);
    "" when not recorded or unreadable."""
    text = (value or "").strip().lower()
    if text in TIMES_OF_DAY:
        return text
    try:
        at = time.fromisoformat(text)
    except ValueError:
        return ""
    return MORNING if at.hour < 12 else AFTERNOON if at.hour < 17 else EVENING


@dataclass(frozen=True)
class Attempt:
    """One attempt as the rules see it."""

    on: object  # a date
    method: str
    outcome: str
    time_of_day: str = ""
    used: frozenset[str] = frozenset()  # ids of the adjustments and support measures used that time
    withdrawn: bool = False

    @property
    def failed(self) -> bool:
        return self.outcome in FAILED_OUTCOMES


@dataclass(frozen=True)
class Need:
    """An adjustment to honour or a support measure to try before legal action."""

    id: str
    label: str
    is_measure: bool = False
    shared: bool = True  # adjustments: shared with the contractor (consent given and to be shared)
    consent: bool = True
    blocked: str = ""  # why it cannot be tried yet, as the step to take ("agree the support plan (still a draft)")


@dataclass
class Assessment:
    stage: str
    next_step: str
    failed_attempts: int
    days: int  # different days with a failed attempt
    rows: dict[str, bool] = field(default_factory=dict)  # R3..R8: met?
    not_honoured: list[Need] = field(default_factory=list)


def _counted(attempts: Iterable[Attempt]) -> list[Attempt]:
    return [a for a in attempts if not a.withdrawn]


def not_honoured(needs: Sequence[Need], attempts: Sequence[Attempt]) -> list[Need]:
    """R6/R7: the needs no attempt used, every adjustment never shared, and every need that cannot be tried
    yet (a measure of a draft plan)."""
    used = set().union(*(a.used for a in _counted(attempts)))
    return [n for n in needs
            if n.id not in used or n.blocked or (not n.is_measure and not n.shared)]


def _rows(failed: list[Attempt], missing: list[Need], days_left: int | None, min_days: int) -> dict[str, bool]:
    methods = {a.method for a in failed}
    return {
        "R3": len({a.on for a in failed}) >= min_days,
        "R4": len({time_slot(a.time_of_day) for a in failed} - {""}) >= MIN_TIMES,
        "R5": len(methods) >= MIN_METHODS and bool(methods & set(WRITTEN_METHODS)),
        "R6": not any(not n.is_measure for n in missing),
        "R7": not any(n.is_measure for n in missing),
        "R8": days_left is not None and days_left <= LEGAL_WINDOW_DAYS,
    }


def _stage(rows: dict[str, bool], days: int) -> str:
    if not rows["R3"]:
        return FIRST_ATTEMPT if days == 1 else SECOND_ATTEMPT
    if not (rows["R4"] and rows["R5"]):
        return VARY_ATTEMPTS
    if not (rows["R6"] and rows["R7"]):
        return TRY_SUPPORT_FIRST
    return READY_FOR_LEGAL if rows["R8"] else EVIDENCE_COMPLETE


def assess(attempts: Iterable[Attempt], needs: Sequence[Need], days_left: int | None,
           min_days: int = MIN_DAYS) -> Assessment:
    """The stage of a no-access case and the next step in plain words (see the module notes).

    `days_left` to the check's due date (negative once overdue; 0 with no record; None unknown);
    `min_days` the different days R3 asks for (the check kind's catalogue `min_attempts`, else 3)."""
    counted = _counted(attempts)
    failed = [a for a in counted if a.failed]
    missing = not_honoured(needs, counted)
    if any(a.outcome == GAINED_OUTCOME for a in counted):
        return Assessment(ACCESS_GAINED, "", len(failed), len({a.on for a in failed}))
    if not failed:
        return Assessment(NOT_STARTED, "", 0, 0, not_honoured=missing)
    days = len({a.on for a in failed})
    rows = _rows(failed, missing, days_left, min_days)
    steps = _attempt_steps(failed, rows, min_days - days) + _need_steps(missing) + _due_steps(rows, days_left)
    return Assessment(_stage(rows, days), sentence(steps), len(failed), days, rows, missing)


def _attempt_steps(failed: list[Attempt], rows: dict[str, bool], more: int) -> list[str]:
    steps = []
    methods = {a.method for a in failed}
    if not rows["R3"]:
        steps.append(f"try again on {'another day' if more == 1 else f'{more} more different days'}")
    if not rows["R5"]:
        if not methods & set(WRITTEN_METHODS):
            steps.append("send a written notice (a letter)")
        else:
            steps.append("also try " + " or ".join(_METHOD_WORDS[m] for m in _METHOD_WORDS if m not in methods))
    if not rows["R4"]:
        tried = {time_slot(a.time_of_day) for a in failed} - {""}
        others = [t for t in TIMES_OF_DAY if t not in tried]
        steps.append(f"try in the {' or '.join(others)}" if tried
                     else "record the time of day of each attempt, and try at different times")
    return steps


def _need_steps(missing: list[Need]) -> list[str]:
    steps = []
    for need in missing:
        if need.blocked:
            steps.append(need.blocked)
        elif need.is_measure:
            steps.append(f"try “{need.label}”")
        elif not need.consent:
            steps.append(f"ask the tenant's consent to share “{need.label}” with the contractor")
        elif not need.shared:
            steps.append(f"share “{need.label}” with the contractor")
        else:
            steps.append(f"honour “{need.label}” on the next attempt")
    return list(dict.fromkeys(steps))


def _due_steps(rows: dict[str, bool], days_left: int | None) -> list[str]:
    if rows["R8"]:
        return []
    if days_left is None:
        return ["record the check's due date"]
    return [f"legal action only once the check is due within {LEGAL_WINDOW_DAYS} days "
            f"(in {days_left - LEGAL_WINDOW_DAYS} days' time)"]


def sentence(steps: list[str]) -> str:
    """Steps joined into one sentence: "Send a written notice; try in the evening."."""
    if not steps:
        return ""
    text = "; ".join(steps)
    return text[0].upper() + text[1:] + "."
