"""Safeguarding concerns: restricted to safeguarding leads and the officer who raised each one.

A concern never reaches a briefing, a report, a log or an audit event's text: audit events name
the fields changed, never their values, and a concern another officer may not see is answered
as if it did not exist.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, select

from liaison_app.domain import SafeguardingConcern, Tenant
from liaison_app.domain.enums import ConcernStatus, SafeguardingCategory
from liaison_app.domain.validation import ValidationError, parse_date
from liaison_app.services import records
from liaison_app.services.audit import record_event
from liaison_app.services.permissions import is_safeguarding_lead, may_see_concern
from liaison_app.store import Store

EDITABLE = {"category", "what_was_seen", "referred_to", "referred_on", "raised_by_contractor", "status",
            "closed_on", "next_action", "review_date"}


def _choice(value: str, allowed: list[str], field: str) -> str:
    text = (value or "").strip().lower()
    if text not in allowed:
        raise ValidationError(f"Choose one of: {', '.join(a.replace('_', ' ') for a in allowed)}.", field)
    return text


def _required(value: str, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError("Say what was seen or heard.", field)
    return text


def _review(value: Any, raised_on: date) -> date | None:
    """A review date: optional, never before the concern was raised."""
    review = records.field("review_date", parse_date, value)
    if review is not None and review < raised_on:
        raise ValidationError("The review date is before the concern was raised.", "review_date")
    return review


def raise_concern(store: Store, tenant_id: str, category: str, *, what_was_seen: str, referred_to: str = "",
                  raised_by_contractor: str = "", raised_on: date | None = None, next_action: str = "",
                  review_date: date | str | None = None) -> SafeguardingConcern:
    """Record a concern about a tenant's household, raised by the signed-in officer, with the next action
    (private) and when a safeguarding lead should review it."""
    category = _choice(category, SafeguardingCategory.values(), "category")
    what = _required(what_was_seen, "what_was_seen")
    review = _review(review_date, raised_on or date.today())
    with store.read() as session:
        if session.get(Tenant, tenant_id) is None:
            raise ValidationError("No such tenant.", "tenant")
    concern = SafeguardingConcern(
        tenant_id=tenant_id, category=category, what_was_seen=what, referred_to=(referred_to or "").strip(),
        referred_on=(raised_on or date.today()) if (referred_to or "").strip() else None,
        raised_by_officer_id=store.actor_id, raised_by_contractor=(raised_by_contractor or "").strip(),
        raised_on=raised_on or date.today(), next_action=(next_action or "").strip(), review_date=review,
        status=ConcernStatus.REFERRED if (referred_to or "").strip() else ConcernStatus.OPEN)
    return records.create(store, concern)


def list_concerns(store: Store, tenant_id: str, include_closed: bool = True) -> list[SafeguardingConcern]:
    """The tenant's concerns the signed-in officer may see, newest first. The viewing is audited."""
    with store.write() as session:
        rows = session.exec(select(SafeguardingConcern).where(SafeguardingConcern.tenant_id == tenant_id)
                            .order_by(SafeguardingConcern.raised_on.desc())).all()
        visible = [c for c in rows if may_see_concern(store, c)
                   and (include_closed or c.status != ConcernStatus.CLOSED)]
        if visible:
            record_event(session, store.actor, "view", "safeguardingconcern", tenant_id, (),
                         f"{len(visible)} concerns")
    return visible


def get_concern(store: Store, concern_id: str) -> SafeguardingConcern:
    concern = None
    with store.read() as session:
        concern = session.get(SafeguardingConcern, concern_id)
    if concern is None or not may_see_concern(store, concern):
        raise records.NotFound("No such concern.")
    return concern


def change_concern(store: Store, concern_id: str, values: dict[str, Any],
                   expected_version: int | None = None) -> records.Change:
    """Change a concern the officer may see (category, what was seen, referral, status)."""
    current = get_concern(store, concern_id)
    unknown = set(values) - EDITABLE
    if unknown:
        raise ValidationError("Those details cannot be changed here.", sorted(unknown)[0])
    values = dict(values)
    if "category" in values:
        values["category"] = _choice(values["category"], SafeguardingCategory.values(), "category")
    if "status" in values:
        values["status"] = _choice(values["status"], ConcernStatus.values(), "status")
    if "what_was_seen" in values:
        values["what_was_seen"] = _required(values["what_was_seen"], "what_was_seen")
    if "next_action" in values:
        values["next_action"] = (values["next_action"] or "").strip()
    if "review_date" in values:
        values["review_date"] = _review(values["review_date"], current.raised_on)
    return records.change(store, SafeguardingConcern, concern_id, values, expected_version=expected_version)


def close_concern(store: Store, concern_id: str, on: date | None = None,
                  expected_version: int | None = None) -> records.Change:
    return change_concern(store, concern_id, {"status": ConcernStatus.CLOSED.value, "closed_on": on or date.today()},
                          expected_version=expected_version)


def concerns_to_review(store: Store, session: Session, on: date, days: int) -> list[SafeguardingConcern]:
    """Open concerns whose review falls within `days` of `on` (or is overdue), soonest first — for a
    safeguarding lead only: anyone else gets none (their own concerns are on the tenant's tab)."""
    if not is_safeguarding_lead(store):
        return []
    query = select(SafeguardingConcern).where(
        SafeguardingConcern.review_date.is_not(None), SafeguardingConcern.review_date <= on + timedelta(days=days),
        SafeguardingConcern.status != ConcernStatus.CLOSED.value).order_by(SafeguardingConcern.review_date)
    return list(session.exec(query))
