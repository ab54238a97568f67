"""Works: contractors and operatives, jobs (repairs, mandatory checks, communal complaints),
access attempts on a job, and each home's or block's mandatory check calendar."""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlalchemy import JSON, DateTime, Index
from sqlmodel import Field

from liaison_app.domain.base import Record


class Contractor(Record, table=True):
    name: str = Field(index=True, unique=True)
    phone: str = ""
    email: str = ""
    conduct_version: str = ""  # code-of-conduct version the company signed
    conduct_signed_on: Optional[date] = None
    ended_on: Optional[date] = None


class Operative(Record, table=True):
    contractor_id: str = Field(foreign_key="contractor.id", index=True)
    name: str
    badge_number: str = ""
    ended_on: Optional[date] = None
    gender: str = ""  # female, male or "" (not recorded): private, used only to honour a tenant's request
    trade: str = ""
    gas_safe_number: str = ""
    gas_safe_expiry: Optional[date] = None
    badge_expiry: Optional[date] = None


class Job(Record, table=True):
    # an operative's bookings in time order: double bookings are found without scanning the day's jobs
    __table_args__ = (Index("ix_job_operative_start", "operative_id", "appointment_start"),)

    job_ref: str = Field(index=True, unique=True)
    tenant_id: Optional[str] = Field(default=None, foreign_key="tenant.id", index=True)
    home_id: Optional[str] = Field(default=None, foreign_key="home.id", index=True)
    block_id: Optional[str] = Field(default=None, foreign_key="block.id", index=True)
    contractor_id: str = Field(foreign_key="contractor.id", index=True)
    operative_id: Optional[str] = Field(default=None, foreign_key="operative.id")
    trade: str = ""
    job_type: str = Field(index=True)
    description: str
    appointment_start: Optional[datetime] = Field(sa_type=DateTime, default=None, index=True)
    appointment_end: Optional[datetime] = Field(default=None, sa_type=DateTime)
    due_date: Optional[date] = Field(default=None, index=True)
    status: str = Field(default="open", index=True)
    completed_on: Optional[date] = None
    certificate_ref: str = ""
    complaint_ref: str = ""
    complainant_name: str = ""
    complainant_phone: str = ""
    complainant_consent: bool = False  # may the contractor contact the complainant?
    # the complainant's own tenancy, when they are a tenant: completing the job adds a call-back follow-up
    complainant_tenant_id: Optional[str] = Field(default=None, foreign_key="tenant.id")


class AccessAttempt(Record, table=True):
    job_id: str = Field(foreign_key="job.id", index=True)
    attempted_on: date
    method: str
    outcome: str
    letter_stage: str = ""
    notes: str = ""  # private
    # What the no-access rules need (domain/access_rules.py); an attempt stored before 0007 has no time
    # and used nothing recorded.
    time_of_day: str = ""  # morning, afternoon, evening or HH:MM; "" not recorded
    adjustments_used: list[str] = Field(default_factory=list, sa_type=JSON)  # Adjustment ids honoured
    measures_used: list[str] = Field(default_factory=list, sa_type=JSON)  # SupportMeasure ids tried
    withdrawn_on: Optional[date] = None  # withdrawn by an admin: kept, but never counted
    withdrawn_by: str = ""
    withdrawn_reason: str = ""  # private


class SafetyCheck(Record, table=True):
    """The calendar entry of one mandatory check kind at one home or block."""

    home_id: Optional[str] = Field(default=None, foreign_key="home.id", index=True)
    block_id: Optional[str] = Field(default=None, foreign_key="block.id", index=True)
    kind: str = Field(index=True)
    last_done: Optional[date] = None
    certificate_ref: str = ""
    next_due: Optional[date] = Field(default=None, index=True)
