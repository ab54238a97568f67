"""Tenant feedback on contractor conduct, recorded against the code-of-conduct points.

`what_was_said` and `action_taken` are shown to officers; reports count feedback per contractor
and point and never print what a tenant said.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import select

from liaison_app.domain import ConductFeedback, Contractor, Job, Tenant
from liaison_app.domain.validation import ValidationError, clean_choice, parse_past_date
from liaison_app.services import records
from liaison_app.services.catalogues import conduct_points
from liaison_app.store import Store

FEEDBACK_FIELDS = ("contractor_id", "point", "received_on", "what_was_said", "action_taken", "job_id", "tenant_id")


def _check_refs(store: Store, values: dict[str, Any]) -> None:
    refs = (("contractor_id", Contractor, "contractor"), ("job_id", Job, "job"), ("tenant_id", Tenant, "tenant"))
    with store.read() as session:
        for key, cls, what in refs:
            if values.get(key):
                records.must_exist(session, cls, values[key], key, what)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(FEEDBACK_FIELDS)
    if unknown:
        raise ValidationError("These fields cannot be changed here: " + ", ".join(sorted(unknown)) + ".")
    out = dict(values)
    if "contractor_id" in values and not values["contractor_id"]:
        raise ValidationError("Choose the contractor.", field="contractor_id")
    if "point" in values:
        try:
            out["point"] = clean_choice(values["point"], conduct_points().codes(), "Code-of-conduct point")
        except ValidationError as exc:
            raise ValidationError(str(exc), field="point") from exc
    if "received_on" in values:
        out["received_on"] = parse_past_date(values["received_on"], "received_on",
                                             "The date feedback was received is in the future.")
    for key in ("what_was_said", "action_taken"):
        if key in values:
            out[key] = (values[key] or "").strip()
    for key in ("job_id", "tenant_id"):
        if key in values:
            out[key] = values[key] or None
    return out


def record_feedback(store: Store, *, contractor_id: str, point: str, received_on: date | str,
                    what_was_said: str = "", action_taken: str = "", job_id: str | None = None,
                    tenant_id: str | None = None) -> ConductFeedback:
    """Record what a tenant said about a contractor's visit, against one code-of-conduct point."""
    values = _clean({"contractor_id": contractor_id, "point": point, "received_on": received_on,
                     "what_was_said": what_was_said, "action_taken": action_taken, "job_id": job_id,
                     "tenant_id": tenant_id})
    _check_refs(store, values)
    if values["job_id"] and not values["tenant_id"]:
        values["tenant_id"] = records.get(store, Job, values["job_id"]).tenant_id
    feedback = ConductFeedback(**values)
    return records.create(store, feedback, summary=f"conduct {values['point']}")


def change_feedback(store: Store, feedback_id: str, values: dict[str, Any],
                    expected_version: int | None = None) -> records.Change:
    cleaned = _clean(values)
    _check_refs(store, cleaned)
    return records.change(store, ConductFeedback, feedback_id, cleaned, expected_version=expected_version)


def list_feedback(store: Store, *, tenant_id: str | None = None, contractor_id: str | None = None,
                  date_from: date | None = None, date_to: date | None = None) -> list[ConductFeedback]:
    """Feedback, newest first, for a tenant and/or a contractor, optionally between two dates (inclusive)."""
    query = select(ConductFeedback)
    if tenant_id:
        query = query.where(ConductFeedback.tenant_id == tenant_id)
    if contractor_id:
        query = query.where(ConductFeedback.contractor_id == contractor_id)
    if date_from:
        query = query.where(ConductFeedback.received_on >= date_from)
    if date_to:
        query = query.where(ConductFeedback.received_on <= date_to)
    with store.read() as session:
        return list(session.exec(query.order_by(ConductFeedback.received_on.desc(),
                                                ConductFeedback.created_at.desc())).all())
