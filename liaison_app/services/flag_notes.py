"""What each flag in a tenant's header means, for its tooltip: the kind of record behind it and, for a
safety warning, how serious it is ("Safety warning — risk to operatives, high severity")."""
from __future__ import annotations

from datetime import date

from sqlmodel import select

from liaison_app.domain import RiskWarning, Tenant
from liaison_app.domain.enums import Severity
from liaison_app.domain.periods import is_active
from liaison_app.services.catalogues import warning_kinds
from liaison_app.store import Store

LEGEND = (("danger", "Safety warning: a risk to operatives (⚠ high severity)"), ("info", "Wish or adjustment"),
          ("support", "Support plan"), ("warning", "A review is due"))
SUPPORT_NOTE = "Support plan: the tenant has an open support plan"
REVIEW_NOTE = "A review is due within two weeks, or overdue"
ADJUSTMENT_NOTE = "Wish or adjustment: operatives must follow it"


def legend() -> tuple[tuple[str, str], ...]:
    """The header's legend: (tone, what a flag of that tone means), in the order shown."""
    return LEGEND


def warning_severities(store: Store, tenant_id: str, on: date | None = None) -> dict[str, str]:
    """Each active warning's flag (its catalogue label) on the tenant or their home, with its most serious
    severity: {"Dangerous animal": "high"}."""
    on = on or date.today()
    with store.read() as session:
        tenant = session.get(Tenant, tenant_id)
        if tenant is None:
            return {}
        owner = RiskWarning.tenant_id == tenant_id
        if tenant.home_id:
            owner = owner | (RiskWarning.home_id == tenant.home_id)
        found = [w for w in session.exec(select(RiskWarning).where(owner)) if is_active(w, on)]
    return most_serious([(w.kind, w.severity) for w in found])


def most_serious(warnings: list[tuple[str, str]]) -> dict[str, str]:
    """Each warning kind's flag (its catalogue label) with the most serious of the severities given for it,
    from (kind, severity) pairs of active warnings."""
    out: dict[str, str] = {}
    for kind, severity in sorted(warnings, key=lambda w: Severity.rank(w[1]), reverse=True):
        out[warning_kinds().label(kind)] = severity  # the most serious one is written last
    return out


def flag_notes(store: Store, tenant_id: str, flags: list[str], on: date | None = None) -> dict[str, str]:
    """A sentence for each of the tenant's flags (as tenants.tenant_badges gave them)."""
    return notes_for(flags, warning_severities(store, tenant_id, on))


def notes_for(flags: list[str], severities: dict[str, str]) -> dict[str, str]:
    """A sentence for each flag, given the most serious severity of each warning flag (most_serious)."""
    notes = {}
    for flag in flags:
        if flag in severities:
            level = Severity(severities[flag]).label if severities[flag] in Severity.values() else severities[flag]
            notes[flag] = f"Safety warning — risk to operatives, {level.lower()} severity"
        elif flag == "Support plan":
            notes[flag] = SUPPORT_NOTE
        elif flag == "Review due":
            notes[flag] = REVIEW_NOTE
        else:
            notes[flag] = ADJUSTMENT_NOTE
    return notes
