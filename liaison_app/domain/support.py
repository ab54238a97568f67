"""Support plans for tenants under strain during works, their measures and contacts."""
from __future__ import annotations

from datetime import date
from typing import Optional

from sqlmodel import Field

from liaison_app.domain.base import Record


class SupportPlan(Record, table=True):
    tenant_id: str = Field(foreign_key="tenant.id", index=True)
    strain: str = ""  # private: what causes strain
    status: str = Field(default="draft", index=True)
    start_date: Optional[date] = None
    review_date: Optional[date] = Field(default=None, index=True)
    closed_on: Optional[date] = None
    outcome: str = ""


class SupportMeasure(Record, table=True):
    plan_id: str = Field(foreign_key="supportplan.id", index=True)
    kind: str = "other"
    text: str
    contractor_facing: bool = True
    ended_on: Optional[date] = None


class SupportContact(Record, table=True):
    plan_id: str = Field(foreign_key="supportplan.id", index=True)
    role: str = "other"
    name: str
    phone: str = ""
    consent: bool = False


class SupportPlanJob(Record, table=True):
    plan_id: str = Field(foreign_key="supportplan.id", index=True)
    job_id: str = Field(foreign_key="job.id", index=True)


class ConductFeedback(Record, table=True):
    """What a tenant said about a visit, against a code-of-conduct point."""

    job_id: Optional[str] = Field(default=None, foreign_key="job.id", index=True)
    contractor_id: str = Field(foreign_key="contractor.id", index=True)
    tenant_id: Optional[str] = Field(default=None, foreign_key="tenant.id", index=True)
    point: str
    received_on: date = Field(index=True)
    what_was_said: str = ""
    action_taken: str = ""
    score: Optional[int] = None  # 1-5 from a text-message survey (import feedback); None when an officer recorded it
