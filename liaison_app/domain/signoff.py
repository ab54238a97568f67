"""The operative's sign-off slip (the bottom of every printed briefing), once it comes back to the office.

Per job, the officer records what the returned slip shows: was ID shown to the tenant, does the badge
number match the operative who was booked, and is it signed. A slip with any "no" is a mismatch: it
shows on Today and counts in the conduct report (`signoff_problems` says which, in words).
"""
from __future__ import annotations

from datetime import date

from sqlmodel import Field

from liaison_app.domain.base import Record

ID_NOT_SHOWN = "ID not shown to the tenant"
BADGE_MISMATCH = "badge does not match the booked operative"
NOT_SIGNED = "not signed"
# Every problem a returned slip can show, in the order reports list them.
PROBLEMS = (BADGE_MISMATCH, ID_NOT_SHOWN, NOT_SIGNED)


class SignOff(Record, table=True):
    """A returned sign-off slip: one per job (recording it again changes it)."""

    job_id: str = Field(foreign_key="job.id", index=True, unique=True)
    returned_on: date = Field(index=True)
    id_shown: bool = False
    badge_matches: bool = False
    signed: bool = False
    badge_number: str = ""  # as written on the slip, when legible


def signoff_problems(id_shown: bool, badge_matches: bool, signed: bool) -> tuple[str, ...]:
    """What is wrong with a returned slip, in PROBLEMS order; () when it is in order."""
    found = {BADGE_MISMATCH: not badge_matches, ID_NOT_SHOWN: not id_shown, NOT_SIGNED: not signed}
    return tuple(p for p in PROBLEMS if found[p])
