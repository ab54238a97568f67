"""The demo's check records as a real landlord holds them: a record of each check for nearly every home
and block.

demo_works gives a gas record (with last year's completed job) to about 85 homes in 100, and each block a
fire-risk and a lift record but no asbestos survey; a landlord keeps each for nearly every home and
block, so the others get a record here (imported, no job behind it): most done within the check's cycle,
one in OVERDUE_ONE_IN overdue, and one in NO_RECORD_ONE_IN left with no record at all ("no record — due
now"), besides the one home demo_access keeps without any record. So the checks-due report of a
landlord-sized demo holds what an officer's would: the checks due in the window, the few overdue, the
few never recorded.

It draws from its own random stream: the demo states made after it stay as they were.
"""
from __future__ import annotations

from datetime import timedelta
from random import Random
from typing import Any

from liaison_app.domain import Block, SafetyCheck, Tenant
from liaison_app.domain.validation import add_months

OVERDUE_ONE_IN = 50
NO_RECORD_ONE_IN = 50


def fill_check_records(gen, skip: str | None) -> None:
    """A gas-safety record for each tenanted home without one but `skip`, and an asbestos survey for each
    block without one (see the module notes)."""
    checks: list[dict[str, Any]] = gen.rows[SafetyCheck]
    if not checks:
        return
    gas = {c["home_id"] for c in checks if c["kind"] == "gas_safety"}
    homes = sorted({t["home_id"] for t in gen.rows[Tenant] if t.get("home_id")} - gas - {skip})
    surveyed = {c["block_id"] for c in checks if c["kind"] == "asbestos"}
    blocks = sorted({b["id"] for b in gen.rows[Block]} - surveyed)
    rng = Random(len(homes) + 7)
    for kind, months, prefix, places in (("gas_safety", 12, "CP12-I", homes), ("asbestos", 36, "ASB-", blocks)):
        for n, place in enumerate(places):
            if n % NO_RECORD_ONE_IN != NO_RECORD_ONE_IN - 1:
                _record(gen, rng, checks[0], kind, months, prefix, place)


def _record(gen, rng: Random, template: dict[str, Any], kind: str, months: int, prefix: str, place: str) -> None:
    cycle = months * 365 // 12
    overdue = rng.randrange(OVERDUE_ONE_IN) == 0
    last = gen.today - timedelta(days=rng.randint(cycle + 2, cycle + 60) if overdue else rng.randint(0, cycle - 1))
    block = kind == "asbestos"
    gen.add(SafetyCheck, **{**{k: template[k] for k in template if k != "id"}, "home_id": None if block else place,
                            "block_id": place if block else None, "kind": kind, "last_done": last,
                            "certificate_ref": f"{prefix}{rng.randint(100000, 999999)}",
                            "next_due": add_months(last, months)})
