"""The checks-due report reads names and addresses as plain columns (issue #15: a 20,000-row report made
60,000 ORM objects): each row still says the tenant's preferred name, the home's address, its block's
name, and a block's own address, exactly as the records do."""
from __future__ import annotations

from datetime import timedelta

from checks_world import TODAY, block, calendar, home, tenant
from liaison_app.services import reports


def test_rows_name_the_preferred_name_the_address_and_the_block(store):
    court = block(store, "Tŷ Gwyn")
    flat = home(store, "Flat 3, Tŷ Gwyn", postcode="CF10 1AA", block_id=court.id)
    tenant(store, "T-9", "Katarzyna", "Łukasiewicz", home_id=flat.id, preferred_name="Kasia")
    calendar(store, "gas_safety", TODAY + timedelta(days=3), home_id=flat.id)
    calendar(store, "lift", TODAY + timedelta(days=4), block_id=court.id)
    rows = reports.checks_due_report(store, days=30, today=TODAY).rows
    due = {r[2]: r for r in rows if not r[0].startswith("no record")}
    assert due["Annual gas safety check"][3:7] == ["T-9", "Kasia Łukasiewicz", "Flat 3, Tŷ Gwyn, Warminster, CF10 1AA",
                                                   "Tŷ Gwyn"]
    assert due["Lift inspection"][3:7] == ["", "", "Tŷ Gwyn", "Tŷ Gwyn"]  # a block without an address: its name
