"""The flags shown beside a tenant in a list: the kinds of their active adjustments, warnings (their own
and their home's) and open support plans, read for a page of tenants in one statement on the DB-API
cursor (issue #15: a page of 50 has about a hundred such rows; SQLAlchemy's per-row cost was most of it)."""
from __future__ import annotations

import json

_ACTIVE = "(x.start_date IS NULL OR x.start_date <= :on) AND (x.end_date IS NULL OR x.end_date > :on)"
_IDS = "(SELECT value FROM json_each(:ids))"
FLAG_SQL = (
    f"SELECT x.tenant_id, 'adjustment', x.kind FROM adjustment AS x WHERE x.tenant_id IN {_IDS} AND {_ACTIVE} "
    f"UNION ALL SELECT x.tenant_id, 'warning', x.kind FROM riskwarning AS x WHERE x.tenant_id IN {_IDS} AND {_ACTIVE} "
    f"UNION ALL SELECT t.id, 'warning', x.kind FROM tenant AS t JOIN riskwarning AS x ON x.home_id = t.home_id "
    f"WHERE t.id IN {_IDS} AND {_ACTIVE} "
    f"UNION ALL SELECT x.tenant_id, 'plan', x.status FROM supportplan AS x "
    f"WHERE x.tenant_id IN {_IDS} AND x.closed_on IS NULL AND x.status != 'closed'"
)


def flag_rows(cursor, tenant_ids: list[str], on: str) -> list[tuple[str, str, str]]:
    """(tenant id, 'adjustment' | 'warning' | 'plan', kind) for each active record of these tenants on
    the ISO date `on`, warnings on their homes included. `cursor`: a DB-API connection or cursor."""
    if not tenant_ids:
        return []
    return [tuple(r) for r in cursor.execute(FLAG_SQL, {"ids": json.dumps(list(tenant_ids)), "on": on}).fetchall()]
