"""Loading what a letter to a tenant is built from, in one short read session: the job, its tenant and
home, the contractor and booked operative, the tenant's adjustments, the measures of their active
support plans, the last failed access attempt, the officer writing and the landlord's settings.

Never loaded: risk warnings, safeguarding concerns, visits' notes, other household members.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Sequence

from sqlmodel import Session, or_, select

from liaison_app.domain import (
    AccessAttempt, Adjustment, Contractor, Home, Job, Officer, Operative, Setting, SupportMeasure, SupportPlan,
    Tenant,
)
from liaison_app.domain.enums import PlanStatus
from liaison_app.domain.access_rules import FAILED_OUTCOMES
from liaison_app.services import letter_templates
from liaison_app.services import settings as settings_service


@dataclass(frozen=True)
class LetterRecords:
    job: Job
    tenant: Tenant | None
    home: Home | None
    contractor: Contractor | None
    operative: Operative | None
    adjustments: Sequence[Adjustment]
    measures: Sequence[SupportMeasure]
    last_failed: date | None
    officer_name: str
    officer_line: str
    settings: dict[str, str]
    templates: dict[str, str]  # an administrator's saved templates, by name


def _settings_in(session: Session) -> dict[str, str]:
    values = dict(settings_service.DEFAULTS)
    values.update({s.key: s.value for s in session.exec(select(Setting).where(Setting.key.in_(tuple(values))))})
    return values


def find_job(session: Session, job_ref_or_id: str) -> Job | None:
    return session.exec(select(Job).where(or_(Job.job_ref == job_ref_or_id, Job.id == job_ref_or_id))).first()


def _officer(session: Session, username: str) -> tuple[str, str]:
    officer = session.exec(select(Officer).where(Officer.username == username)).first()
    if officer is None:
        return username, ""
    return officer.display_name or officer.username, officer.direct_line


def _measures(session: Session, tenant_id: str) -> list[SupportMeasure]:
    plans = session.exec(select(SupportPlan.id).where(SupportPlan.tenant_id == tenant_id,
                                                      SupportPlan.status == PlanStatus.ACTIVE.value)).all()
    if not plans:
        return []
    query = select(SupportMeasure).where(SupportMeasure.plan_id.in_(plans), SupportMeasure.ended_on.is_(None))
    return list(session.exec(query.order_by(SupportMeasure.created_at)))


def _last_failed(session: Session, job_id: str) -> date | None:
    query = select(AccessAttempt.attempted_on).where(
        AccessAttempt.job_id == job_id, AccessAttempt.withdrawn_on.is_(None), AccessAttempt.method != "letter",
        AccessAttempt.outcome.in_(tuple(FAILED_OUTCOMES)))
    return session.exec(query.order_by(AccessAttempt.attempted_on.desc())).first()


def letter_records(session: Session, store: Any, job: Job) -> LetterRecords:
    tenant = session.get(Tenant, job.tenant_id) if job.tenant_id else None
    home_id = job.home_id or (tenant.home_id if tenant is not None else None)
    adjustments = list(session.exec(select(Adjustment).where(Adjustment.tenant_id == tenant.id))) if tenant else []
    name, line = _officer(session, store.actor)
    return LetterRecords(
        job=job, tenant=tenant, home=session.get(Home, home_id) if home_id else None,
        contractor=session.get(Contractor, job.contractor_id),
        operative=session.get(Operative, job.operative_id) if job.operative_id else None,
        adjustments=adjustments, measures=_measures(session, tenant.id) if tenant else [],
        last_failed=_last_failed(session, job.id), officer_name=name, officer_line=line,
        settings=_settings_in(session), templates=letter_templates.saved_texts(session))
