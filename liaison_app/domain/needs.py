"""What a tenant needs and what an operative must know: adjustments, risk warnings, safeguarding.

Every record keeps the contractor-facing *instruction* apart from the private *why*
(reason / details), which is never copied into a briefing.
"""
from __future__ import annotations

from datetime import date
from typing import Optional

from sqlmodel import Field

from liaison_app.domain.base import Record
from liaison_app.domain.validation import ValidationError


class Adjustment(Record, table=True):
    """A wish or reasonable adjustment (Equality Act 2010 s.20)."""

    tenant_id: str = Field(foreign_key="tenant.id", index=True)
    kind: str = Field(index=True)
    instruction: str = ""
    reason: str = ""  # private
    share_with_contractors: bool = True
    consent_given: bool = True
    consent_on: Optional[date] = None
    start_date: Optional[date] = None
    review_date: Optional[date] = Field(default=None, index=True)
    end_date: Optional[date] = None


class RiskWarning(Record, table=True):
    """A cautionary alert: a risk to operatives, on a person (tenant) or on a home."""

    tenant_id: Optional[str] = Field(default=None, foreign_key="tenant.id", index=True)
    home_id: Optional[str] = Field(default=None, foreign_key="home.id", index=True)
    kind: str = Field(index=True)
    instruction: str = ""
    details: str = ""  # private
    severity: str = "medium"
    start_date: Optional[date] = None
    review_date: Optional[date] = Field(default=None, index=True)
    end_date: Optional[date] = None
    # Was the person told about the warning (UKHDS "informed")? "yes", "no" or "" (not recorded); office only.
    informed: str = ""
    informed_on: Optional[date] = None


class SafeguardingConcern(Record, table=True):
    """Restricted: seen only by safeguarding leads and the officer who raised it. Never printed."""

    tenant_id: str = Field(foreign_key="tenant.id", index=True)
    category: str
    raised_by_officer_id: Optional[str] = Field(default=None, foreign_key="officer.id")
    raised_by_contractor: str = ""  # a contractor's report, named
    raised_on: date
    what_was_seen: str = ""
    referred_to: str = ""
    referred_on: Optional[date] = None
    status: str = "open"
    closed_on: Optional[date] = None
    next_action: str = ""  # private, like the rest of the concern
    review_date: Optional[date] = Field(default=None, index=True)


INFORMED_CHOICES = ("", "yes", "no")  # not recorded, told, not told


def clean_informed(informed: object, informed_on: Optional[date], today: date) -> tuple[str, Optional[date]]:
    """Whether the person was told about a warning, and when: a date only when they were told, never
    in the future. Raises ValidationError naming the field."""
    value = "" if informed is None else str(informed).strip().lower()
    value = {"true": "yes", "false": "no", "y": "yes", "n": "no"}.get(value, value)
    if value not in INFORMED_CHOICES:
        raise ValidationError("Say yes, no, or leave it blank if not known.", field="informed")
    if informed_on is not None and value != "yes":
        raise ValidationError("Give the date only when the person was told.", field="informed_on")
    if informed_on is not None and informed_on > today:
        raise ValidationError("The date they were told is in the future.", field="informed_on")
    return value, informed_on
