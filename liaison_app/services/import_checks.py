"""`import checks`: the landlord's certificate history (CP12, EICR, …) into each home's check calendar.

One row per certificate: the home (tenancy_ref or uprn), the check_type (a mandatory check kind), the
day it was done, its certificate number and, optionally, a due date that overrides the computed one.
A block's check (fire risk, lift, …) given for a home goes to the home's block. The rows of one home
and kind are applied oldest first with the same date rule as completing a check job
(domain.checks_rules.next_due_after: a gas check done up to 2 months before the due date keeps the
anniversary), so a history ends on the right due date. A certificate no newer than what the calendar
already holds changes nothing: re-importing the same file changes nothing. All rows or none; every
bad row is named (line, column, reason). One audit event records the counts.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from liaison_app.domain import Home, SafetyCheck, Tenant
from liaison_app.domain import checks_rules as rules
from liaison_app.domain.validation import ValidationError, clean_uprn, parse_date
from liaison_app.services.catalogues import Kind, mandatory_check_kinds
from liaison_app.services.csv_files import read_rows
from liaison_app.services.import_common import (
    ImportResult, Problems, Stamper, audit_import, insert_rows, unique_rows, update_rows,
)
from liaison_app.services.records import text
from liaison_app.store import Store

COLUMNS = ("tenancy_ref", "uprn", "check_type", "last_done", "certificate_ref", "due_date")
REQUIRED = ("check_type", "last_done")
MAX_CERTIFICATE = 64


@dataclass
class _Certificate:
    line: int
    target: tuple[str, str]  # ("home" or "block", id)
    kind: Kind
    done: date
    certificate: str
    due: date | None


class _Known:
    """What the store holds that rows refer to: homes by tenancy and by UPRN, and the check calendar."""

    def __init__(self, conn):
        t, h, c = Tenant.__table__, Home.__table__, SafetyCheck.__table__
        self.blocks = {r.id: r.block_id for r in conn.execute(select(h.c.id, h.c.block_id))}
        self.tenants = {r.tenancy_ref: r.home_id for r in conn.execute(select(t.c.tenancy_ref, t.c.home_id))}
        self.uprns = {r.uprn: r.id for r in conn.execute(select(h.c.id, h.c.uprn).where(h.c.uprn.is_not(None)))}
        self.calendar: dict[tuple, dict[str, Any]] = {}
        for r in conn.execute(select(c.c.id, c.c.home_id, c.c.block_id, c.c.kind, c.c.last_done,
                                     c.c.certificate_ref, c.c.next_due)).mappings():
            target = ("block", r["block_id"]) if r["block_id"] else ("home", r["home_id"])
            self.calendar[(target, r["kind"])] = dict(r)


def _home(line: int, row: dict[str, str], known: _Known, problems: Problems) -> str | None:
    ref, uprn = text(row.get("tenancy_ref")), text(row.get("uprn"))
    if ref:
        if ref not in known.tenants:
            problems.add(line, "tenancy_ref", "No tenant with this tenancy reference.")
        elif not known.tenants[ref]:
            problems.add(line, "tenancy_ref", "This tenancy has no home recorded.")
        return known.tenants.get(ref)
    if not uprn:
        problems.add(line, "tenancy_ref", "Give the tenancy_ref or the uprn of the home.")
        return None
    try:
        uprn = clean_uprn(uprn)
    except ValidationError as exc:
        problems.add(line, "uprn", str(exc))
        return None
    if uprn not in known.uprns:
        problems.add(line, "uprn", "No home with this UPRN.")
    return known.uprns.get(uprn)


def _kind(line: int, value: str | None, problems: Problems) -> Kind | None:
    kinds = {k.code: k for k in mandatory_check_kinds()}
    code = text(value).lower()
    if code not in kinds:
        problems.add(line, "check_type", "Not a mandatory check type; use one of: " + ", ".join(kinds) + ".")
    return kinds.get(code)


def _dates(line: int, row: dict[str, str], problems: Problems) -> tuple[date | None, date | None]:
    found: dict[str, date | None] = {}
    for name in ("last_done", "due_date"):
        try:
            found[name] = parse_date(row.get(name), required=name == "last_done")
        except ValidationError as exc:
            problems.add(line, name, str(exc))
            found[name] = None
    done, due = found["last_done"], found["due_date"]
    if done and done > date.today():
        problems.add(line, "last_done", "The check date is in the future.")
    if done and due and due <= done:
        problems.add(line, "due_date", "The due date must be after the day the check was done.")
    return done, due


def _certificate(line: int, row: dict[str, str], known: _Known, problems: Problems) -> _Certificate | None:
    home_id = _home(line, row, known, problems)
    kind = _kind(line, row.get("check_type"), problems)
    done, due = _dates(line, row, problems)
    certificate = text(row.get("certificate_ref"))
    if len(certificate) > MAX_CERTIFICATE:
        problems.add(line, "certificate_ref", f"A certificate reference is at most {MAX_CERTIFICATE} characters.")
    if not (home_id and kind and done):
        return None
    target: tuple[str, str] = ("home", home_id)
    if kind.get("scope") == "block":
        if not known.blocks.get(home_id):
            problems.add(line, "check_type", f"{kind.label} is a block's check, and this home is in no block.")
            return None
        target = ("block", known.blocks[home_id])
    return _Certificate(line, target, kind, done, certificate, due)


def check_rows(path: str | Path, known: _Known) -> list[_Certificate]:
    """Every certificate in the file, or ImportRefused naming every bad row."""
    problems = Problems()
    csv_rows = read_rows(path, COLUMNS, REQUIRED, problems)
    if not {"tenancy_ref", "uprn"} & set(csv_rows.columns):
        problems.add(1, "tenancy_ref", "The header needs a tenancy_ref or uprn column.")
    return unique_rows(csv_rows, problems, lambda line, row: _certificate(line, row, known, problems),
                       lambda cert: (cert.target, cert.kind.code, cert.done),
                       "last_done", "check of the same home on the same day")


def _advance(state: dict[str, Any], cert: _Certificate) -> dict[str, Any]:
    """What one certificate changes in a calendar entry (empty: nothing, e.g. an older certificate)."""
    last = state.get("last_done")
    if last and cert.done < last:
        return {}  # older than what the calendar holds: history only
    if last and cert.done == last:
        new = {"certificate_ref": cert.certificate or state.get("certificate_ref", ""),
               "next_due": cert.due or state.get("next_due")}
    else:
        due = cert.due or rules.next_due_after(cert.done, state.get("next_due"), cert.kind.get("cycle_months"),
                                               cert.kind.get("early_window_months") or 0)
        new = {"last_done": cert.done, "certificate_ref": cert.certificate, "next_due": due}
    return {k: v for k, v in new.items() if state.get(k) != v}


def _entry(key: tuple, state: dict[str, Any], stamp: Stamper) -> dict[str, Any]:
    (scope, target_id), kind = key
    return {**stamp(), "home_id": target_id if scope == "home" else None,
            "block_id": target_id if scope == "block" else None, "kind": kind,
            "last_done": state.get("last_done"), "certificate_ref": state.get("certificate_ref", ""),
            "next_due": state.get("next_due")}


def import_checks(store: Store, path: str | Path) -> ImportResult:
    """Import checks.csv: all rows or none. Raises ImportRefused listing every problem."""
    result = ImportResult("check")
    stamp = Stamper(store.actor)
    with store.raw() as conn:
        known = _Known(conn)
        groups: dict[tuple, list[_Certificate]] = {}
        for cert in sorted(check_rows(path, known), key=lambda c: (c.done, c.line)):
            groups.setdefault((cert.target, cert.kind.code), []).append(cert)
        new_rows, updates = [], []
        for key, certs in groups.items():
            current = known.calendar.get(key)
            state = dict(current or {})
            for cert in certs:
                diff = _advance(state, cert)
                if not diff:
                    result.unchanged += 1
                    continue
                result.created += 1 if current is None and not state else 0
                result.updated += 0 if current is None and not state else 1
                state.update(diff)
            if current is None and state:
                new_rows.append(_entry(key, state, stamp))
            elif current is not None and any(state[k] != current[k] for k in state):
                updates.append({"id": current["id"], **{k: v for k, v in state.items() if current[k] != v}})
        insert_rows(conn, SafetyCheck.__table__, new_rows)
        update_rows(conn, SafetyCheck.__table__, updates, store.actor)
        audit_import(conn, store, "safetycheck", result)
    return result
