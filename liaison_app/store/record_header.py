"""The top of a tenant record read in one go: the tenant, their home and block, whether a review falls due,
and the kinds (with severities) of their active records — two statements on the DB-API connection.

Issue #15: the header was read through four ORM sessions and about ten statements, milliseconds of Python
on a read thread while the record was being shown (the UI thread waits for the interpreter meanwhile).
The rules are the ones services/tenants.py and services/flag_notes.py apply: a record is active from its
start date until the day before its end date; a review is due when a review date falls on or before `soon`
on an adjustment or warning not ended on `on` (the home's warnings too), or on an open support plan.
"""
from __future__ import annotations

from dataclasses import dataclass

from liaison_app.store.engine import Store

_ACTIVE = "(x.start_date IS NULL OR x.start_date <= :on) AND (x.end_date IS NULL OR x.end_date > :on)"
_NOT_ENDED = "x.review_date IS NOT NULL AND x.review_date <= :soon AND (x.end_date IS NULL OR x.end_date > :on)"
_OWN_OR_HOME = "(x.tenant_id = :t OR (t.home_id IS NOT NULL AND x.home_id = t.home_id))"

HEADER_SQL = (
    "SELECT t.id, t.title, t.first_name, t.last_name, t.preferred_name, t.tenancy_ref, t.home_id, t.phone, "
    "t.email, t.preferred_contact, t.language, t.interpreter_needed, "
    "h.address_line1, h.address_line2, h.town, h.postcode, b.name, "
    f"EXISTS (SELECT 1 FROM adjustment AS x WHERE x.tenant_id = :t AND {_NOT_ENDED}) "
    f"OR EXISTS (SELECT 1 FROM riskwarning AS x WHERE {_OWN_OR_HOME} AND {_NOT_ENDED}) "
    "OR EXISTS (SELECT 1 FROM supportplan AS x WHERE x.tenant_id = :t AND x.closed_on IS NULL "
    "AND x.review_date IS NOT NULL AND x.review_date <= :soon) "
    "FROM tenant AS t LEFT JOIN home AS h ON h.id = t.home_id LEFT JOIN block AS b ON b.id = h.block_id "
    "WHERE t.id = :t"
)
# In the order the tenant list's flags come (store/search_flags.py): adjustments, own warnings, the home's
# warnings, open support plans.
RECORDS_SQL = (
    f"SELECT 'adjustment', x.kind, NULL FROM adjustment AS x WHERE x.tenant_id = :t AND {_ACTIVE} "
    f"UNION ALL SELECT 'warning', x.kind, x.severity FROM riskwarning AS x WHERE x.tenant_id = :t AND {_ACTIVE} "
    "UNION ALL SELECT 'warning', x.kind, x.severity FROM tenant AS t JOIN riskwarning AS x ON x.home_id = t.home_id "
    f"WHERE t.id = :t AND {_ACTIVE} "
    "UNION ALL SELECT 'plan', x.status, NULL FROM supportplan AS x "
    "WHERE x.tenant_id = :t AND x.closed_on IS NULL AND x.status != 'closed'"
)


@dataclass(frozen=True)
class HeaderRow:
    """The stored values behind a tenant record's header; `records` are (source, kind, severity) with
    source 'adjustment' | 'warning' | 'plan' (a warning's severity, else None)."""

    id: str
    title: str
    first_name: str
    last_name: str
    preferred_name: str
    tenancy_ref: str
    home_id: str | None
    phone: str
    email: str
    preferred_contact: str
    language: str
    interpreter_needed: bool
    address_parts: tuple[str, ...]  # line 1, line 2, town, postcode ("" each when no home is recorded)
    block_name: str
    review_due: bool
    records: tuple[tuple[str, str, str | None], ...]


def header_row(store: Store, tenant_id: str, on: str, soon: str) -> HeaderRow | None:
    """The header of `tenant_id` on the ISO date `on` (reviews due by the ISO date `soon`); None if there
    is no such tenant."""
    params = {"t": tenant_id, "on": on, "soon": soon}
    with store.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        try:
            row = cursor.execute(HEADER_SQL, params).fetchone()
            if row is None:
                return None
            records = tuple(tuple(r) for r in cursor.execute(RECORDS_SQL, params).fetchall())
        finally:
            cursor.close()
    text = ["" if v is None else v for v in row]
    return HeaderRow(row[0], text[1], text[2], text[3], text[4], text[5], row[6], text[7], text[8], text[9],
                     text[10], bool(row[11]), tuple(text[12:16]), text[16], bool(row[17]), records)
