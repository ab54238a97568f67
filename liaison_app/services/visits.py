"""Visits and contacts with tenants, and the follow-up actions they lead to."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Iterable

from sqlmodel import select

from liaison_app.domain import FollowUp, Job, Tenant, Visit
from liaison_app.domain.validation import ValidationError, clean_required, parse_date, parse_datetime
from liaison_app.services import records
from liaison_app.services.catalogues import visit_types
from liaison_app.services.records import Change, add_new, field, text
from liaison_app.store import Store


def _visit_type(value: Any) -> str:
    code = text(value)
    if code not in visit_types():
        raise ValidationError("Choose a visit type from the list.", field="visit_type")
    return code


def _follow_up(tenant_id: str, action: Any, due: Any, visit_id: str | None = None, assigned_to: str = "") -> FollowUp:
    return FollowUp(tenant_id=tenant_id, visit_id=visit_id,
                    action=field("action", clean_required, text(action), "The action"),
                    due_date=field("due_date", parse_date, due, required=True), assigned_to=text(assigned_to))


def log_visit(store: Store, tenant_id: str, visit_type: str, *, at: datetime | str | None = None, outcome: str = "",
              notes: str = "", job_id: str | None = None,
              follow_ups: Iterable[tuple[str, date]] = ()) -> Visit:
    """Log a visit or contact (now, unless `at` says when), with its follow-up actions, all together."""
    when = field("at", parse_datetime, at) or datetime.now().replace(second=0, microsecond=0)
    visit = Visit(tenant_id=tenant_id, visit_type=_visit_type(visit_type), at=when, outcome=text(outcome),
                  notes=notes or "", officer_id=store.actor_id, job_id=job_id or None)
    actions = [_follow_up(tenant_id, a, d, visit.id) for a, d in follow_ups]
    with store.write() as session:
        records.must_exist(session, Tenant, tenant_id, "tenant_id")
        if job_id:
            records.must_exist(session, Job, job_id, "job_id")
        add_new(session, store, visit, summary=visit.visit_type)
        for action in actions:
            add_new(session, store, action)
    return visit


def change_visit(store: Store, visit_id: str, values: dict[str, Any], expected_version: int | None = None) -> Change:
    cleaned = dict(values)
    if "visit_type" in cleaned:
        cleaned["visit_type"] = _visit_type(cleaned["visit_type"])
    if "at" in cleaned:
        cleaned["at"] = field("at", parse_datetime, cleaned["at"], required=True)
    if "outcome" in cleaned:
        cleaned["outcome"] = text(cleaned["outcome"])
    return records.change(store, Visit, visit_id, cleaned, expected_version=expected_version)


def list_visits(store: Store, tenant_id: str) -> list[Visit]:
    """The tenant's visits and contacts, newest first."""
    with store.read() as session:
        stmt = select(Visit).where(Visit.tenant_id == tenant_id).order_by(Visit.at.desc(), Visit.id)
        return list(session.exec(stmt).all())


def add_follow_up(store: Store, tenant_id: str, action: str, due_date: date | str, visit_id: str | None = None,
                  assigned_to: str = "") -> FollowUp:
    follow_up = _follow_up(tenant_id, action, due_date, visit_id, assigned_to)
    return records.create(store, follow_up, under=(Tenant, tenant_id, "tenant_id"))


def change_follow_up(store: Store, follow_up_id: str, values: dict[str, Any],
                     expected_version: int | None = None) -> Change:
    cleaned = dict(values)
    if "action" in cleaned:
        cleaned["action"] = field("action", clean_required, text(cleaned["action"]), "The action")
    if "due_date" in cleaned:
        cleaned["due_date"] = field("due_date", parse_date, cleaned["due_date"], required=True)
    return records.change(store, FollowUp, follow_up_id, cleaned, expected_version=expected_version)


def mark_follow_up_done(store: Store, follow_up_id: str, on: date | None = None) -> Change:
    return records.change(store, FollowUp, follow_up_id, {"done_on": on or date.today()}, action="done")


def list_follow_ups(store: Store, tenant_id: str, include_done: bool = False) -> list[FollowUp]:
    """The tenant's follow-up actions, soonest due first."""
    with store.read() as session:
        stmt = select(FollowUp).where(FollowUp.tenant_id == tenant_id)
        if not include_done:
            stmt = stmt.where(FollowUp.done_on.is_(None))
        return list(session.exec(stmt.order_by(FollowUp.due_date, FollowUp.id)).all())
