"""Subject access (UK GDPR Art. 15): everything held on one tenant, as JSON or a readable PDF.

Private fields are included here on purpose (reasons, details, notes, strain): the export is for the
tenant themself, made by an administrator or a safeguarding lead, and audited as "export". It includes
the audit events about the tenant's records: who saw or changed them, when. Officers should read it for
third parties' details before sending it.

Safeguarding concerns are seen only by safeguarding leads and the officer who raised them, and a
concern is often about someone else in the household, so disclosing it can put a person at risk. The
export leaves them out (and the audit events about them, which would tell they exist) unless a
safeguarding lead makes it; then they come in a separate section marked REVIEW_HEADING, for the lead
to decide what may be disclosed.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import or_, select

from liaison_app.domain import (AccessAttempt, Adjustment, Block, ConductFeedback, FollowUp, Home, Job,
                                RiskWarning, SafeguardingConcern, SupportContact, SupportMeasure, SupportPlan,
                                SupportPlanJob, Tenant, Visit)
from liaison_app.domain.briefing import RecordSection, SubjectAccessDocument
from liaison_app.domain.enums import Role
from liaison_app.outputs import atomic_write, check_output
from liaison_app.services.audit import audit, events_about
from liaison_app.services.permissions import is_safeguarding_lead, require_role
from liaison_app.store import Store

SKIP_FIELDS = {"search_text", "demo", "import_hash"}
SECTIONS = [  # (key, heading)
    ("tenant", "Tenancy and contact details"), ("home", "Home"), ("block", "Block"),
    ("adjustments", "Wishes and reasonable adjustments"), ("warnings", "Risk warnings"),
    ("visits", "Visits and contacts"), ("follow_ups", "Follow-up actions"), ("jobs", "Works orders"),
    ("access_attempts", "Access attempts"), ("support_plans", "Support plans"),
    ("support_measures", "Support measures"), ("support_contacts", "Support contacts"),
    ("support_plan_jobs", "Jobs linked to support plans"), ("conduct_feedback", "Feedback about contractors"),
    ("audit_events", "Who saw or changed these records"),
]
REVIEW_KEY = "review_before_disclosure"
REVIEW_HEADING = "Review before disclosure — third-party and serious-harm exemptions may apply"
REVIEW_NOTE = ("Safeguarding concerns about this household, included because a safeguarding lead made this "
               "export. A concern may be about someone else in the household, and disclosing it may put a person "
               "at risk. Decide what to withhold before anything here is sent.")
REVIEW_SECTIONS = [("safeguarding_concerns", "Safeguarding concerns"),
                   ("audit_events", "Who saw or changed these concerns")]
CONCERN_TYPE = "safeguardingconcern"  # the audit trail's record type for concerns


@dataclass
class SubjectData:
    tenancy_ref: str
    made_at: datetime
    sections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    review: dict[str, list[dict[str, Any]]] | None = None  # only for a safeguarding lead (REVIEW_SECTIONS)

    def record_ids(self) -> set[str]:
        return {row["id"] for key, rows in self.sections.items() if key != "audit_events" for row in rows}


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _dump(obj) -> dict[str, Any]:
    return {k: _plain(v) for k, v in obj.model_dump().items() if k not in SKIP_FIELDS}


def _all(session, cls, *conditions) -> list:
    return list(session.exec(select(cls).where(*conditions)).all()) if conditions else []


def _event_row(e) -> dict[str, Any]:
    return {"seq": e.seq, "at": _plain(e.at), "officer": e.officer, "action": e.action,
            "record_type": e.record_type, "record_id": e.record_id, "fields": e.fields}


def collect(store: Store, tenant_id: str) -> SubjectData:
    """Gather every record about the tenant (administrators and safeguarding leads). Safeguarding concerns
    only for a safeguarding lead, kept apart in `review`."""
    require_role(store, Role.ADMIN, Role.SAFEGUARDING_LEAD)
    lead = is_safeguarding_lead(store)
    with store.read() as session:
        tenant = session.get(Tenant, tenant_id)
        if tenant is None:
            raise LookupError("No such tenant.")
        home = session.get(Home, tenant.home_id) if tenant.home_id else None
        block = session.get(Block, home.block_id) if home is not None and home.block_id else None
        jobs = _all(session, Job, Job.tenant_id == tenant_id)
        plans = _all(session, SupportPlan, SupportPlan.tenant_id == tenant_id)
        job_ids, plan_ids = [j.id for j in jobs], [p.id for p in plans]
        warning_filter = [RiskWarning.tenant_id == tenant_id] + ([RiskWarning.home_id == home.id] if home else [])
        found = {
            "tenant": [tenant], "home": [home] if home else [], "block": [block] if block else [],
            "adjustments": _all(session, Adjustment, Adjustment.tenant_id == tenant_id),
            "warnings": _all(session, RiskWarning, or_(*warning_filter)),
            "visits": _all(session, Visit, Visit.tenant_id == tenant_id),
            "follow_ups": _all(session, FollowUp, FollowUp.tenant_id == tenant_id),
            "jobs": jobs,
            "access_attempts": _all(session, AccessAttempt, AccessAttempt.job_id.in_(job_ids)) if job_ids else [],
            "support_plans": plans,
            "support_measures": _all(session, SupportMeasure, SupportMeasure.plan_id.in_(plan_ids)) if plans else [],
            "support_contacts": _all(session, SupportContact, SupportContact.plan_id.in_(plan_ids)) if plans else [],
            "support_plan_jobs": _all(session, SupportPlanJob, SupportPlanJob.plan_id.in_(plan_ids)) if plans else [],
            "conduct_feedback": _all(session, ConductFeedback, ConductFeedback.tenant_id == tenant_id),
        }
        concerns = _all(session, SafeguardingConcern, SafeguardingConcern.tenant_id == tenant_id) if lead else []
    data = SubjectData(tenant.tenancy_ref, datetime.now().replace(microsecond=0),
                       {key: [_dump(r) for r in rows] for key, rows in found.items()})
    concern_ids = {c.id for c in concerns}
    events = events_about(store, data.record_ids() | concern_ids)
    about_concerns = [e for e in events if e.record_type == CONCERN_TYPE or e.record_id in concern_ids]
    kept_apart = {e.seq for e in about_concerns}
    data.sections["audit_events"] = [_event_row(e) for e in events if e.seq not in kept_apart]
    if lead:
        data.review = {"safeguarding_concerns": [_dump(c) for c in concerns],
                       "audit_events": [_event_row(e) for e in about_concerns]}
    return data


def export_json(store: Store, tenant_id: str, path: str | os.PathLike) -> Path:
    data = collect(store, tenant_id)
    payload = {"tenancy_ref": data.tenancy_ref, "made_at": data.made_at.isoformat(), **data.sections}
    if data.review is not None:
        payload[REVIEW_KEY] = {"heading": REVIEW_HEADING, "note": REVIEW_NOTE, **data.review}
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    check_output(path, store.path, "json")  # never over the store, a backup, or a file of another kind
    out = atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), make_folder=True)
    audit(store, "export", "tenant", tenant_id, summary=_export_summary("json", data))
    return out


def _export_summary(kind: str, data: SubjectData) -> str:
    if data.review is None:
        return f"subject access export ({kind})"
    return f"subject access export ({kind}), with safeguarding concerns marked for review"


def subject_access_document(data: SubjectData) -> SubjectAccessDocument:
    """What the readable export prints: the sections in SECTIONS' order, then (for a lead) those to review."""
    sections = [RecordSection(heading, data.sections.get(key, [])) for key, heading in SECTIONS]
    review = None if data.review is None else [RecordSection(heading, data.review.get(key, []))
                                                for key, heading in REVIEW_SECTIONS]
    return SubjectAccessDocument(data.tenancy_ref, f"{data.made_at:%d %B %Y %H:%M}", sections,
                                 REVIEW_HEADING, REVIEW_NOTE, review)


def export_for_pdf(store: Store, tenant_id: str, path: str | os.PathLike) -> SubjectAccessDocument:
    """Check the readable export may be written to `path` and gather what it prints. Services never print:
    the caller writes it with liaison_app.printing (write_subject_access_pdf), then calls `pdf_exported`."""
    check_output(path, store.path, "pdf")  # never over the store, a backup, or a file of another kind
    return subject_access_document(collect(store, tenant_id))


def pdf_exported(store: Store, tenant_id: str, document: SubjectAccessDocument) -> None:
    """Audit the readable export once printing has written `document`."""
    summary = "subject access export (pdf)"
    if document.review_sections is not None:  # made by a safeguarding lead: concerns marked for review
        summary += ", with safeguarding concerns marked for review"
    audit(store, "export", "tenant", tenant_id, summary=summary)


def export_tenant(store: Store, tenant_id: str, path: str | os.PathLike) -> Path:
    """Write the export as JSON (a readable PDF is printing's: see export_for_pdf)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return export_json(store, tenant_id, path)
    if suffix == ".pdf":
        raise ValueError("A PDF export is written by printing with export_for_pdf's document.")
    raise ValueError("Name the export file .pdf or .json.")
