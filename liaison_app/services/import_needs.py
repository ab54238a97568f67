"""`import adjustments` and `import warnings`: matched on tenancy (or home), kind and start date.

The instruction defaults to the catalogue's wording; the private reason (adjustments) or details
(warnings) is stored but never quoted in a problem or the audit trail.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import Table, select

from liaison_app.domain import Adjustment, Home, RiskWarning, Tenant
from liaison_app.domain.validation import ValidationError, clean_uprn, default_review_date, parse_yes_no
from liaison_app.services.catalogues import Catalogue, adjustment_kinds, warning_kinds
from liaison_app.services.csv_files import read_rows
from liaison_app.services.import_common import (
    unique_rows,
    ImportResult,
    Problems,
    Stamper,
    audit_import,
    changed,
    insert_rows,
    update_rows,
)
from liaison_app.services.needs import clean_dates, clean_kind, clean_severity, default_instruction
from liaison_app.services.records import text
from liaison_app.store import Store


@dataclass(frozen=True)
class _Kind:
    name: str  # the record type (audit)
    label: str  # what the officer calls it
    table: Table
    columns: tuple[str, ...]
    required: tuple[str, ...]
    catalogue: Callable[[], Catalogue]
    private: str
    extra: dict[str, Callable[[Any], Any]]
    owners: tuple[str, ...]


ADJUSTMENTS = _Kind(
    "adjustment", "adjustment", Adjustment.__table__,
    ("tenancy_ref", "kind", "instruction", "reason", "share_with_contractors", "start_date", "review_date",
     "end_date"),
    ("tenancy_ref", "kind"), adjustment_kinds, "reason",
    {"share_with_contractors": lambda v: parse_yes_no(v, default=True)}, ("tenancy_ref",))
WARNINGS = _Kind(
    "riskwarning", "warning", RiskWarning.__table__,
    ("tenancy_ref", "uprn", "kind", "instruction", "details", "severity", "start_date", "review_date", "end_date"),
    ("kind",), warning_kinds, "details", {"severity": clean_severity}, ("tenancy_ref", "uprn"))


class _Known:
    def __init__(self, conn, spec: _Kind):
        t, h, x = Tenant.__table__, Home.__table__, spec.table
        self.tenants = {r.tenancy_ref: r.id for r in conn.execute(select(t.c.id, t.c.tenancy_ref))}
        self.homes = {r.uprn: r.id for r in conn.execute(select(h.c.id, h.c.uprn).where(h.c.uprn.is_not(None)))}
        owner_cols = [x.c.tenant_id] + ([x.c.home_id] if "home_id" in x.c else [])
        value_cols = [x.c[k] for k in ("instruction", spec.private, *spec.extra, "review_date", "end_date")]
        self.records: dict[tuple, dict[str, Any]] = {}
        for r in conn.execute(select(x.c.id, x.c.kind, x.c.start_date, *owner_cols, *value_cols)).mappings():
            self.records[_key(r["tenant_id"], r.get("home_id"), r["kind"], r["start_date"])] = dict(r)


def _key(tenant_id: str | None, home_id: str | None, kind: str, start: date | None) -> tuple:
    return (tenant_id, None if tenant_id else home_id, kind, start)


def _owner(line: int, row: dict[str, str], spec: _Kind, known: _Known, problems: Problems):
    ref, uprn = text(row.get("tenancy_ref")), text(row.get("uprn"))
    if ref:
        if ref not in known.tenants:
            problems.add(line, "tenancy_ref", "No tenant with this tenancy reference.")
        return known.tenants.get(ref), None
    if "uprn" in spec.owners and uprn:
        try:
            uprn = clean_uprn(uprn)
        except ValidationError as exc:
            problems.add(line, "uprn", str(exc))
            return None, None
        if uprn not in known.homes:
            problems.add(line, "uprn", "No home with this UPRN.")
        return None, known.homes.get(uprn)
    column = "tenancy_ref"
    problems.add(line, column, "Give the tenancy_ref." if len(spec.owners) == 1 else
                 "Give the tenancy_ref of the person, or the uprn of the home.")
    return None, None


def _clean(line: int, row: dict[str, str], spec: _Kind, problems: Problems) -> dict[str, Any]:
    catalogue = spec.catalogue()
    values: dict[str, Any] = {}
    steps = [("kind", lambda: clean_kind(catalogue, row.get("kind")))]
    for name, cleaner in spec.extra.items():
        if name in row:
            steps.append((name, lambda c=cleaner, n=name: c(row[n])))
    for name, step in steps:
        try:
            values[name] = step()
        except ValidationError as exc:
            problems.add(line, exc.field or name, str(exc))
    if "kind" in values:
        try:
            values["instruction"] = default_instruction(catalogue, values["kind"], row.get("instruction"))
        except ValidationError as exc:
            problems.add(line, "instruction", str(exc))
    try:
        values.update(clean_dates(row.get("start_date"), row.get("review_date"), row.get("end_date"),
                                  default_review=False))
    except ValidationError as exc:
        problems.add(line, exc.field or "start_date", str(exc))
    if spec.private in row:
        values[spec.private] = row[spec.private]
    return values


def check_rows(path: str | Path, spec: _Kind, known: _Known) -> list[dict[str, Any]]:
    problems = Problems()
    csv_rows = read_rows(path, spec.columns, spec.required, problems)
    if not set(spec.owners) & set(csv_rows.columns):
        problems.add(1, "tenancy_ref", f"The header needs a {' or '.join(spec.owners)} column.")
    return unique_rows(csv_rows, problems, lambda line, row: _row(line, row, spec, known, problems), _row_key,
                       "start_date", "record (owner, kind and start date)")


def _row(line: int, row: dict[str, str], spec: _Kind, known: _Known, problems: Problems) -> dict[str, Any]:
    values = _clean(line, row, spec, problems)
    values["tenant_id"], values["home_id"] = _owner(line, row, spec, known, problems)
    values["_columns"] = set(row)
    return values


def _row_key(values: dict[str, Any]) -> tuple | None:
    if not (values["tenant_id"] or values["home_id"]):
        return None
    return _key(values["tenant_id"], values["home_id"], values.get("kind"), values.get("start_date"))


def _import(store: Store, path: str | Path, spec: _Kind) -> ImportResult:
    result = ImportResult(spec.label)
    stamp = Stamper(store.actor)
    with store.raw() as conn:
        known = _Known(conn, spec)
        rows = check_rows(path, spec, known)
        new_rows, updates = [], []
        for values in rows:
            given = values.pop("_columns")
            key = _key(values["tenant_id"], values["home_id"], values["kind"], values["start_date"])
            current = known.records.get(key)
            if current is None:
                new_rows.append(_new_row(stamp, spec, values))
                result.created += 1
                continue
            if values["review_date"] is None:
                values["review_date"] = current["review_date"]
            diff = changed(current, {k: v for k, v in values.items() if k in current and k in given})
            if diff:
                updates.append({"id": current["id"], **diff})
                result.updated += 1
            else:
                result.unchanged += 1
        insert_rows(conn, spec.table, new_rows)
        update_rows(conn, spec.table, updates, store.actor)
        audit_import(conn, store, spec.name, result)
    return result


def _new_row(stamp: Stamper, spec: _Kind, values: dict[str, Any]) -> dict[str, Any]:
    row = {**stamp(), **values}
    row["review_date"] = row["review_date"] or default_review_date(row["start_date"])
    row.setdefault(spec.private, "")
    for name, cleaner in spec.extra.items():
        row.setdefault(name, cleaner(""))
    if spec is ADJUSTMENTS:
        row.pop("home_id", None)
        row.update(consent_given=True, consent_on=date.today())
    return row


def import_adjustments(store: Store, path: str | Path) -> ImportResult:
    """Import adjustments.csv: all rows or none. Raises ImportRefused listing every problem."""
    return _import(store, path, ADJUSTMENTS)


def import_warnings(store: Store, path: str | Path) -> ImportResult:
    """Import warnings.csv: all rows or none. Raises ImportRefused listing every problem."""
    return _import(store, path, WARNINGS)
