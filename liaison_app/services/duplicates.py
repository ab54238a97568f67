"""Whether a tenant already has an active record of the same kind, so a form can ask before a second
"Boot covers" (or a second "Dangerous animal" warning on the same person or home) is added."""
from __future__ import annotations

from datetime import date

from sqlmodel import select

from liaison_app.domain import Adjustment, RiskWarning
from liaison_app.domain.periods import is_active
from liaison_app.store import Store


def active_adjustment_of_kind(store: Store, tenant_id: str, kind: str, *, other_than: str | None = None,
                              on: date | None = None) -> bool:
    """True if the tenant has another adjustment of `kind` in force (or starting later) on `on`."""
    with store.read() as session:
        found = session.exec(select(Adjustment).where(Adjustment.tenant_id == tenant_id, Adjustment.kind == kind))
        return _any_current(found, other_than, on or date.today())


def active_warning_of_kind(store: Store, kind: str, *, tenant_id: str | None = None, home_id: str | None = None,
                           other_than: str | None = None, on: date | None = None) -> bool:
    """True if the person (or the home) already has another warning of `kind` that has not ended."""
    if not (tenant_id or home_id):
        return False
    with store.read() as session:
        query = select(RiskWarning).where(RiskWarning.kind == kind)
        query = query.where(RiskWarning.tenant_id == tenant_id) if tenant_id else query.where(
            RiskWarning.home_id == home_id)
        return _any_current(session.exec(query), other_than, on or date.today())


def _any_current(records, other_than: str | None, on: date) -> bool:
    return any(r.id != other_than and (is_active(r, on) or (r.start_date and r.start_date > on)) for r in records)
