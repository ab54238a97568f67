"""Doorstep rules about the operative booked on a job: pure functions, one per row of
docs/DOORSTEP_RULES.md, each with a test in tests/domain/test_operatives.py.

- Does the booked operative honour the tenant's request for a female (or male) operative?
- Is the operative's Gas Safe registration in date on the appointment day?
- Do two appointments overlap (one operative can be on one job at a time)?

An operative's recorded gender is office data, kept only to honour a request: it is in
domain.briefing.PRIVATE_FIELDS and never printed. What is printed is the instruction.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Optional

GENDERS = ("female", "male")  # "" = not recorded
GAS_JOB_TYPES = ("gas_safety",)
GAS_TRADE = "gas"
# An appointment booked with a start and no end is taken to last this long (for double bookings).
ASSUMED_LENGTH = timedelta(hours=1)

REQUIRED = {"female": "Female operative required", "male": "Male operative required"}
CONFIRM = {"female": "CONFIRM A FEMALE OPERATIVE BEFORE ATTENDING",
           "male": "CONFIRM A MALE OPERATIVE BEFORE ATTENDING"}
NO_GAS_SAFE = "NO IN-DATE GAS SAFE REGISTRATION — CHECK THE OPERATIVE'S GAS SAFE CARD BEFORE ATTENDING"
DOUBLE_BOOKED = "DOUBLE BOOKED with {jobs} — rebook one before the day"


def is_double_booking(line: str) -> bool:
    """True for the double-booking warning among a job's warnings."""
    return line.startswith(DOUBLE_BOOKED.split(" with ")[0])


def honours_request(requested: str, operative_gender: str) -> bool:
    """True when no operative gender is requested, or the booked operative is recorded as requested.
    A gender not recorded does not honour a request: the office must confirm it."""
    return not requested or requested == (operative_gender or "")


def gender_instruction(requested: str, operative_gender: Optional[str], booked: bool) -> str:
    """What the briefing says about a requested operative gender ('' when nothing is requested):
    the plain requirement when nobody is booked yet or the booked operative is recorded as
    requested, else the instruction to confirm one before attending."""
    if requested not in GENDERS:
        return ""
    if booked and not honours_request(requested, operative_gender or ""):
        return CONFIRM[requested]
    return REQUIRED[requested]


def needs_gas_safe(job_type: str, trade: str) -> bool:
    """Gas work: a gas safety check, or any job whose trade is gas."""
    return job_type in GAS_JOB_TYPES or (trade or "").strip().casefold() == GAS_TRADE


def gas_safe_in_date(number: str, expiry: Optional[date], on: date) -> bool:
    """A Gas Safe registration number with an expiry on or after the appointment day `on`.
    A number with no expiry recorded is not known to be in date."""
    return bool((number or "").strip()) and expiry is not None and expiry >= on


def appointment_end(start: datetime, end: Optional[datetime]) -> datetime:
    return end if end is not None and end > start else start + ASSUMED_LENGTH


def overlaps(a_start: Optional[datetime], a_end: Optional[datetime],
             b_start: Optional[datetime], b_end: Optional[datetime]) -> bool:
    """Two appointments overlap when each starts before the other ends. One ending as the other
    starts does not overlap; an appointment without a start is not booked and overlaps nothing;
    one without an end lasts ASSUMED_LENGTH."""
    if a_start is None or b_start is None:
        return False
    return a_start < appointment_end(b_start, b_end) and b_start < appointment_end(a_start, a_end)


@dataclass(frozen=True)
class Booking:
    """Another job the same operative is booked on at an overlapping time."""

    job_ref: str
    start: datetime
    end: Optional[datetime]

    def text(self) -> str:
        end = appointment_end(self.start, self.end)
        day = f"{self.start:%d/%m}"
        return f"{self.job_ref} ({day} {self.start:%H:%M}–{end:%H:%M})"


def double_booking_line(clashes: tuple[Booking, ...] | list[Booking]) -> str:
    """The warning for a double booking ('' when there is none): the operative's other jobs then."""
    if not clashes:
        return ""
    return DOUBLE_BOOKED.format(jobs=", ".join(c.text() for c in clashes))


def operative_warnings(*, requested: str, booked: bool, operative_gender: str,
                       gas_work: bool, gas_safe_number: str, gas_safe_expiry: Optional[date], on: date,
                       clashes: tuple[Booking, ...] | list[Booking] = ()) -> tuple[str, ...]:
    """Every doorstep warning about the booked operative, as instructions (never their gender)."""
    lines = []
    gender = gender_instruction(requested, operative_gender, booked)
    if gender in CONFIRM.values():
        lines.append(gender)
    if booked and gas_work and not gas_safe_in_date(gas_safe_number, gas_safe_expiry, on):
        lines.append(NO_GAS_SAFE)
    if booked and clashes:
        lines.append(double_booking_line(clashes))
    return tuple(lines)
