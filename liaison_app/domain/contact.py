"""Visits and contacts with tenants, and the follow-up actions they lead to."""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlalchemy import DateTime
from sqlmodel import Field

from liaison_app.domain.base import Record


class Visit(Record, table=True):
    tenant_id: str = Field(foreign_key="tenant.id", index=True)
    visit_type: str
    at: datetime = Field(sa_type=DateTime, index=True)
    outcome: str = ""
    notes: str = ""  # private
    officer_id: Optional[str] = Field(default=None, foreign_key="officer.id")
    job_id: Optional[str] = Field(default=None, foreign_key="job.id", index=True)


class FollowUp(Record, table=True):
    tenant_id: str = Field(foreign_key="tenant.id", index=True)
    visit_id: Optional[str] = Field(default=None, foreign_key="visit.id", index=True)
    action: str
    due_date: date = Field(index=True)
    done_on: Optional[date] = None
    assigned_to: str = ""
