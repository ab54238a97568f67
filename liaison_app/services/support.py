"""Support plans for tenants under strain during mandatory works: measures, contacts, linked jobs.

The cause of strain (`SupportPlan.strain`) is private: it is stored and shown to officers, never
copied into an audit summary, a briefing or a report. Contractor-facing measures are what a
briefing may print.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import select

from liaison_app.domain import Job, SupportContact, SupportMeasure, SupportPlan, SupportPlanJob, Tenant
from liaison_app.domain.enums import ContactRole, PlanStatus
from liaison_app.domain.validation import (
    ValidationError,
    check_date_order,
    clean_choice,
    clean_phone,
    clean_required,
    default_review_date,
    parse_date,
)
from liaison_app.services import records
from liaison_app.services.catalogues import support_measures
from liaison_app.store import Store

PLAN_FIELDS = ("strain", "status", "start_date", "review_date", "outcome")


@dataclass
class PlanView:
    plan: SupportPlan
    measures: list[SupportMeasure] = field(default_factory=list)
    contacts: list[SupportContact] = field(default_factory=list)
    job_ids: list[str] = field(default_factory=list)


def _require(store: Store, cls: type, record_id: str, what: str, field_name: str):
    with store.read() as session:
        records.must_exist(session, cls, record_id, field_name, what)


def _clean_plan_values(values: dict[str, Any], current: SupportPlan | None = None) -> dict[str, Any]:
    unknown = set(values) - set(PLAN_FIELDS)
    if unknown:
        raise ValidationError("These fields cannot be changed here: " + ", ".join(sorted(unknown)) + ".")
    out: dict[str, Any] = {}
    if "strain" in values:
        out["strain"] = (values["strain"] or "").strip()
    if "status" in values:
        out["status"] = clean_choice(values["status"], PlanStatus.values(), "Status", default="draft")
    if "outcome" in values:
        out["outcome"] = (values["outcome"] or "").strip()
    for key in ("start_date", "review_date"):
        if key in values:
            try:
                out[key] = parse_date(values[key])
            except ValidationError as exc:
                raise ValidationError(str(exc), field=key) from exc
    start = out.get("start_date", current.start_date if current else None)
    review = out.get("review_date", current.review_date if current else None)
    check_date_order(start, review, None)
    return out


def create_plan(store: Store, tenant_id: str, *, strain: str = "", status: str = "draft",
                start_date: date | str | None = None, review_date: date | str | None = None) -> SupportPlan:
    """Open a support plan (draft or active) for a tenant; review defaults to 12 months after the start."""
    _require(store, Tenant, tenant_id, "tenant", "tenant_id")
    values = _clean_plan_values({"strain": strain, "status": status, "start_date": start_date,
                                 "review_date": review_date})
    if values["status"] == PlanStatus.CLOSED:
        raise ValidationError("A new plan cannot start closed.", field="status")
    start = values["start_date"] or date.today()
    review = values["review_date"] or default_review_date(start)
    plan = SupportPlan(tenant_id=tenant_id, strain=values["strain"], status=values["status"],
                       start_date=start, review_date=review)
    return records.create(store, plan, summary=f"support plan ({plan.status})")


def change_plan(store: Store, plan_id: str, values: dict[str, Any], expected_version: int | None = None
                ) -> records.Change:
    current = records.get(store, SupportPlan, plan_id)
    cleaned = _clean_plan_values(values, current)
    if cleaned.get("status") == PlanStatus.CLOSED and current.status != PlanStatus.CLOSED:
        raise ValidationError("Use Close plan to close it with an outcome.", field="status")
    return records.change(store, SupportPlan, plan_id, cleaned, expected_version=expected_version)


def close_plan(store: Store, plan_id: str, outcome: str, on: date | None = None) -> records.Change:
    """Close the plan with its outcome (what happened; required)."""
    text = clean_required(outcome, "Outcome")
    return records.change(store, SupportPlan, plan_id,
                          {"status": PlanStatus.CLOSED.value, "closed_on": on or date.today(), "outcome": text},
                          action="end")


def add_measure(store: Store, plan_id: str, text: str, *, kind: str = "other",
                contractor_facing: bool = True) -> SupportMeasure:
    """An agreed measure; the text defaults to the catalogue wording for its kind."""
    _require(store, SupportPlan, plan_id, "support plan", "plan_id")
    kind = clean_choice(kind, support_measures().codes(), "Measure", default="other")
    wording = (text or "").strip() or support_measures().get(kind).instruction
    wording = clean_required(wording, "Measure text")
    measure = SupportMeasure(plan_id=plan_id, kind=kind, text=wording, contractor_facing=bool(contractor_facing))
    return records.create(store, measure, summary=f"measure {kind}")


def end_measure(store: Store, measure_id: str, on: date | None = None) -> records.Change:
    return records.end(store, SupportMeasure, measure_id, on, field="ended_on")


def add_contact(store: Store, plan_id: str, name: str, *, role: str = "other", phone: str = "",
                consent: bool = False) -> SupportContact:
    """Someone involved in the plan (support worker, family, advocate …) and whether they consented to contact."""
    _require(store, SupportPlan, plan_id, "support plan", "plan_id")
    try:
        name = clean_required(name, "Name")
    except ValidationError as exc:
        raise ValidationError(str(exc), field="name") from exc
    role = clean_choice(role, ContactRole.values(), "Role", default="other")
    try:
        phone = clean_phone(phone)
    except ValidationError as exc:
        raise ValidationError(str(exc), field="phone") from exc
    contact = SupportContact(plan_id=plan_id, role=role, name=name, phone=phone, consent=bool(consent))
    return records.create(store, contact, summary=f"contact {role}")


def link_job(store: Store, plan_id: str, job_id: str) -> SupportPlanJob:
    """Tie the plan to a job (the works it supports). Linking twice keeps one link."""
    _require(store, SupportPlan, plan_id, "support plan", "plan_id")
    _require(store, Job, job_id, "job", "job_id")
    with store.read() as session:
        existing = session.exec(select(SupportPlanJob).where(SupportPlanJob.plan_id == plan_id,
                                                             SupportPlanJob.job_id == job_id)).first()
    if existing is not None:
        return existing
    return records.create(store, SupportPlanJob(plan_id=plan_id, job_id=job_id), summary="plan linked to job")


def list_plans(store: Store, tenant_id: str, include_closed: bool = False) -> list[PlanView]:
    """The tenant's plans, newest first, each with its active measures, contacts and linked jobs."""
    with store.read() as session:
        query = select(SupportPlan).where(SupportPlan.tenant_id == tenant_id)
        if not include_closed:
            query = query.where(SupportPlan.status != PlanStatus.CLOSED.value)
        plans = session.exec(query.order_by(SupportPlan.start_date.desc(), SupportPlan.created_at.desc())).all()
        views = []
        for plan in plans:
            measures = session.exec(select(SupportMeasure).where(
                SupportMeasure.plan_id == plan.id, SupportMeasure.ended_on.is_(None)
            ).order_by(SupportMeasure.created_at)).all()
            contacts = session.exec(select(SupportContact).where(SupportContact.plan_id == plan.id)
                                    .order_by(SupportContact.created_at)).all()
            job_ids = session.exec(select(SupportPlanJob.job_id).where(SupportPlanJob.plan_id == plan.id)).all()
            views.append(PlanView(plan, list(measures), list(contacts), list(job_ids)))
    return views


def get_plan(store: Store, plan_id: str) -> PlanView:
    """One plan with its active measures, contacts and linked jobs."""
    plan = records.get(store, SupportPlan, plan_id)
    for view in list_plans(store, plan.tenant_id, include_closed=True):
        if view.plan.id == plan_id:
            return view
    raise records.NotFound("No such support plan.")
