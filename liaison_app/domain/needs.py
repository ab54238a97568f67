"""What a tenant needs and what an operative must know: adjustments, risk warnings, safeguarding.

Every record keeps the contractor-facing *instruction* apart from the private *why*
(reason / details), which is never copied into a briefing.
"""
from __future__ import annotations

from datetime import date
from typing import Optional

from sqlmodel import Field

from liaison_app.domain.base import Record


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
