"""Two of Today's sections (issue #12): returned sign-off slips that do not match, and — on a
safeguarding lead's Today only — safeguarding concerns due for review.

Lines carry job references, contractor and operative names, tenant names, category labels and dates:
never what was seen, a concern's next action or any other private text. A lead seeing the concerns
due is audited as a view of safeguarding records (ids only).
"""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from sqlmodel import Session

from liaison_app.domain import Tenant
from liaison_app.domain.text import plural, uk_date
from liaison_app.services.audit import audit
from liaison_app.services.safeguarding import concerns_to_review
from liaison_app.services.signoff import recent_mismatches
from liaison_app.store import Store

CONCERN_REVIEW_DAYS = 14  # as other reviews: due within two weeks, or overdue


def _due_text(due: date, on: date) -> str:
    """As Today's other reviews word it."""
    left = (due - on).days
    if left < 0:
        return f"overdue since {uk_date(due)}"
    return "due today" if left == 0 else f"due {uk_date(due)} ({plural(left, 'day')})"


def _name(session: Session, tenant_id: str | None) -> str:
    tenant = session.get(Tenant, tenant_id) if tenant_id else None
    return tenant.display_name if tenant else ""


def signoff_items(session: Session, on: date, make: Callable[..., Any]) -> list[Any]:
    """Mismatched slips returned lately: "JOB-1 sign-off: badge does not match … — Acme Gas"."""
    items = []
    for m in recent_mismatches(session, on):
        who = " · ".join(p for p in (m.contractor, m.operative, _name(session, m.tenant_id)) if p)
        title = f"{m.job_ref} sign-off: " + "; ".join(m.problems)
        items.append(make("signoffs", m.returned_on, title, who,  # the when column says when it came back
                          m.tenant_id, m.job_id, "signoff", m.signoff_id))
    return items


def concern_items(store: Store, session: Session, on: date, make: Callable[..., Any]) -> list[Any]:
    """Open concerns due for review (safeguarding leads only): category and tenant, never the text."""
    items = []
    for c in concerns_to_review(store, session, on, CONCERN_REVIEW_DAYS):
        label = c.category.replace("_", " ")
        title = f"Review safeguarding concern ({label}) — {_name(session, c.tenant_id)}"
        items.append(make("concern_reviews", c.review_date, title, _due_text(c.review_date, on), c.tenant_id,
                          None, "safeguardingconcern", c.id))
    return items


def sections(store: Store, session: Session, on: date, make: Callable[..., Any]) -> tuple[list[Any], list[Any]]:
    """(sign-off mismatches, concerns due for review), each line made by `make` (services.today.TodayItem)."""
    concerns = concern_items(store, session, on, make)
    if concerns:
        audit(store, "view", "safeguardingconcern", "today", (), f"{len(concerns)} concerns due for review")
    return signoff_items(session, on, make), concerns
