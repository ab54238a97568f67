"""Complaint jobs: a communal job raised by a resident's complaint can be linked to the complainant's own
tenancy (Job.complainant_tenant_id); completing it adds a call-back follow-up on that tenancy, so the
officer rings them to say it is done and ask whether they are satisfied.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlmodel import Session

from liaison_app.domain import FollowUp, Tenant
from liaison_app.domain.enums import JobStatus
from liaison_app.services.records import add_new
from liaison_app.store import Store

CALL_BACK_DAYS = 2  # the call-back is due this many days after the job is completed


def call_back_action(job: Any) -> str:
    """The follow-up's wording: references only (never the complaint's content)."""
    about = f"complaint {job.complaint_ref}" if job.complaint_ref else "their complaint"
    return f"Call back about {about}: job {job.job_ref} completed — check they are satisfied"


def after_job_change(session: Session, store: Store, job: Any, changed: dict[str, Any]) -> FollowUp | None:
    """Inside a job change's transaction: when a complaint job linked to a tenancy becomes completed,
    add the call-back follow-up (audited)."""
    if changed.get("status") != JobStatus.COMPLETED.value or not job.complainant_tenant_id:
        return None
    if session.get(Tenant, job.complainant_tenant_id) is None:
        return None
    done = job.completed_on or date.today()
    follow_up = FollowUp(tenant_id=job.complainant_tenant_id, action=call_back_action(job),
                         due_date=done + timedelta(days=CALL_BACK_DAYS))
    return add_new(session, store, follow_up, summary=job.job_ref)
