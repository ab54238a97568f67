"""Wishes and reasonable adjustments, and risk warnings for operatives.

Each keeps the contractor-facing instruction (defaulting to the catalogue's wording) apart from
the private reason or details. Review dates default to 12 months after the start.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import select

from liaison_app.domain import Adjustment, Home, RiskWarning, Tenant
from liaison_app.domain.enums import Severity
from liaison_app.domain.needs import clean_informed
from liaison_app.domain.periods import has_ended
from liaison_app.domain.validation import (
    ValidationError,
    check_date_order,
    clean_choice,
    default_review_date,
    parse_date,
    parse_yes_no,
)
from liaison_app.services import records
from liaison_app.services.catalogues import Catalogue, adjustment_kinds, warning_kinds
from liaison_app.services.records import Change, NotFound, field, text
from liaison_app.store import Store


def clean_kind(catalogue: Catalogue, code: Any) -> str:
    code = text(code)
    if code not in catalogue:
        raise ValidationError("Choose a kind from the list.", field="kind")
    return code


def default_instruction(catalogue: Catalogue, kind: str, instruction: Any) -> str:
    """The instruction given, else the catalogue's wording; 'other' kinds must say what to do."""
    wording = text(instruction) or catalogue.get(kind).instruction
    if not wording:
        raise ValidationError("Say what the operative must do.", field="instruction")
    return wording


def clean_dates(start: Any, review: Any, end: Any, *, default_review: bool = True) -> dict[str, date | None]:
    s = field("start_date", parse_date, start)
    r = field("review_date", parse_date, review)
    e = field("end_date", parse_date, end)
    if r is None and default_review:
        r = default_review_date(s)
    check_date_order(s, r, e)
    return {"start_date": s, "review_date": r, "end_date": e}


def clean_severity(value: Any) -> str:
    return field("severity", clean_choice, text(value), Severity.values(), "Severity", default="medium")


def _must_exist(store: Store, cls: type, record_id: str, field_name: str) -> None:
    with store.read() as session:
        records.must_exist(session, cls, record_id, field_name)


def record_adjustment(store: Store, tenant_id: str, kind: str, *, instruction: str | None = None, reason: str = "",
                      share_with_contractors: bool = True, consent_given: bool = True,
                      start_date: date | str | None = None, review_date: date | str | None = None,
                      end_date: date | str | None = None) -> Adjustment:
    """Record a wish or reasonable adjustment for a tenant."""
    catalogue = adjustment_kinds()
    kind = clean_kind(catalogue, kind)
    dates = clean_dates(start_date, review_date, end_date)
    adjustment = Adjustment(
        tenant_id=tenant_id, kind=kind, instruction=default_instruction(catalogue, kind, instruction),
        reason=reason or "", share_with_contractors=field("share_with_contractors", parse_yes_no,
                                                           share_with_contractors, default=True),
        consent_given=field("consent_given", parse_yes_no, consent_given, default=True),
        consent_on=date.today() if consent_given else None, **dates)
    _must_exist(store, Tenant, tenant_id, "tenant_id")
    return records.create(store, adjustment, summary=kind)


def _clean_changes(values: dict[str, Any], current: Any, catalogue: Catalogue) -> dict[str, Any]:
    out = dict(values)
    if "kind" in out:
        out["kind"] = clean_kind(catalogue, out["kind"])
    if "instruction" in out:
        out["instruction"] = default_instruction(catalogue, out.get("kind", current.kind), out["instruction"])
    for name in ("share_with_contractors", "consent_given"):
        if name in out:
            out[name] = field(name, parse_yes_no, out[name], default=True)
    if "severity" in out:
        out["severity"] = clean_severity(out["severity"])
    if {"informed", "informed_on"} & out.keys():
        out.update(_clean_told(out, current))
    if {"start_date", "review_date", "end_date"} & out.keys():
        dates = clean_dates(out.get("start_date", current.start_date), out.get("review_date", current.review_date),
                            out.get("end_date", current.end_date), default_review=False)
        out.update({k: v for k, v in dates.items() if k in out})
    return out


def _clean_told(values: dict[str, Any], current: Any) -> dict[str, Any]:
    """A change to whether (and when) the person was told; "no" or "not known" clears the date."""
    informed, _ = clean_informed(values.get("informed", current.informed), None, date.today())
    on = field("informed_on", parse_date, values.get("informed_on", current.informed_on))
    if "informed" in values and "informed_on" not in values and informed != "yes":
        on = None
    informed, on = clean_informed(informed, on, date.today())
    out = {"informed": informed} if "informed" in values else {}
    if "informed_on" in values or on != current.informed_on:
        out["informed_on"] = on
    return out


def change_adjustment(store: Store, adjustment_id: str, values: dict[str, Any],
                      expected_version: int | None = None) -> Change:
    return _change(store, Adjustment, adjustment_kinds(), adjustment_id, values, expected_version)


def _change(store: Store, cls: type, catalogue, record_id: str, values: dict[str, Any],
            expected_version: int | None) -> Change:
    """Clean the changed fields of an adjustment or a warning against its catalogue, and save them."""
    cleaned = _clean_changes(values, records.get(store, cls, record_id), catalogue)
    return records.change(store, cls, record_id, cleaned, expected_version=expected_version)


def end_adjustment(store: Store, adjustment_id: str, on: date | None = None) -> Change:
    return records.end(store, Adjustment, adjustment_id, on)


def list_adjustments(store: Store, tenant_id: str, include_ended: bool = False) -> list[Adjustment]:
    today = date.today()
    with store.read() as session:
        rows = session.exec(select(Adjustment).where(Adjustment.tenant_id == tenant_id)).all()
    rows = [a for a in rows if include_ended or not has_ended(a.end_date, today)]
    return sorted(rows, key=lambda a: (a.start_date or date.min, a.kind, a.id))


def record_warning(store: Store, *, tenant_id: str | None = None, home_id: str | None = None, kind: str,
                   instruction: str | None = None, details: str = "", severity: str = "medium",
                   start_date: date | str | None = None, review_date: date | str | None = None,
                   end_date: date | str | None = None, informed: str | bool | None = "",
                   informed_on: date | str | None = None) -> RiskWarning:
    """Record a risk warning on a person (tenant_id) or on a home (home_id); `informed` ("yes", "no" or
    "" when not known) and `informed_on` say whether and when the person was told about it."""
    if not tenant_id and not home_id:
        raise ValidationError("Say who or which home the warning is about.", field="tenant_id")
    catalogue = warning_kinds()
    kind = clean_kind(catalogue, kind)
    warning = RiskWarning(
        tenant_id=tenant_id or None, home_id=home_id or None, kind=kind,
        instruction=default_instruction(catalogue, kind, instruction), details=details or "",
        severity=clean_severity(severity), **clean_dates(start_date, review_date, end_date))
    warning.informed, warning.informed_on = clean_informed(
        informed, field("informed_on", parse_date, informed_on), date.today())
    if tenant_id:
        _must_exist(store, Tenant, tenant_id, "tenant_id")
    if home_id:
        _must_exist(store, Home, home_id, "home_id")
    return records.create(store, warning, summary=kind)


def change_warning(store: Store, warning_id: str, values: dict[str, Any],
                   expected_version: int | None = None) -> Change:
    return _change(store, RiskWarning, warning_kinds(), warning_id, values, expected_version)


def end_warning(store: Store, warning_id: str, on: date | None = None) -> Change:
    return records.end(store, RiskWarning, warning_id, on)


def list_warnings(store: Store, tenant_id: str, include_ended: bool = False) -> list[RiskWarning]:
    """Warnings on the tenant and on the home they live in."""
    today = date.today()
    with store.read() as session:
        tenant = session.get(Tenant, tenant_id)
        if tenant is None:
            raise NotFound("No such tenant.")
        owner = RiskWarning.tenant_id == tenant_id
        if tenant.home_id:
            owner = owner | (RiskWarning.home_id == tenant.home_id)
        rows = session.exec(select(RiskWarning).where(owner)).all()
    rows = [w for w in rows if include_ended or not has_ended(w.end_date, today)]
    return sorted(rows, key=lambda w: (Severity.rank(w.severity), w.kind, w.id))
