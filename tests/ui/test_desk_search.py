"""Issue #13.5: officers on UK keyboards find names typed without accents; exact matches come first;
the start of a postcode with its space finds postcodes starting that way, nothing else."""
from __future__ import annotations

import pytest

from liaison_app.services import tenants
from liaison_app.ui.tenant_table import NAME
from liaison_app.ui.tenants_page import TenantsPage

PEOPLE = [  # first, last, postcode
    ("Mehmet", "Çelik", "BA12 4AB"), ("Ali", "Celik", "BA12 9AB"), ("Celia", "Celikson", "BA3 3AA"),
    ("Ayşe", "Ağaoğlu", "BA1 1AA"), ("Róisín", "Murphy", "BA2 4DB"), ("Zofia", "Śliwińska", "SN1 1AA"),
    ("Siân", "Ŵyn", "SN2 4EP"), ("Łucja", "Łukasiewicz", "SN3 3AA"), ("Emre", "Yılmaz", "BA14 4AB"),
    ("Søren", "Kierkegaard", "BA12 4ZZ"), ("Ben", "Baker", "BA1 4BA"),
]


@pytest.fixture
def people(store):
    for i, (first, last, postcode) in enumerate(PEOPLE):
        tenants.create_tenant(store, tenancy_ref=f"T{i:03d}", first_name=first, last_name=last,
                              address_line1=f"{i + 4} Station Road", postcode=postcode)
    return store


def names(store, text):
    return [row.name for row in tenants.search_tenants(store, text)]


@pytest.mark.parametrize("typed,found", [
    ("celik", "Mehmet Çelik"), ("agaoglu", "Ayşe Ağaoğlu"), ("roisin", "Róisín Murphy"),
    ("sliwinska", "Zofia Śliwińska"), ("wyn", "Siân Ŵyn"), ("lukasiewicz", "Łucja Łukasiewicz"),
    ("yilmaz", "Emre Yılmaz"), ("soren", "Søren Kierkegaard"), ("LUCJA", "Łucja Łukasiewicz"),
])
def test_a_name_typed_without_accents_finds_the_tenant(people, typed, found):
    assert found in names(people, typed)
    assert tenants.count_tenants(people, typed) == len(names(people, typed))


def test_exact_matches_come_first(people):
    assert names(people, "celik") == ["Ali Celik", "Mehmet Çelik", "Celia Celikson"]  # whole words first
    assert names(people, "Çelik") == ["Mehmet Çelik", "Ali Celik", "Celia Celikson"]  # as typed first


def test_the_start_of_a_postcode_finds_only_postcodes_starting_so(people):
    found = names(people, "ba12 4")
    assert sorted(found) == ["Mehmet Çelik", "Søren Kierkegaard"]  # not BA1 4BA, BA14 4AB, BA2 4DB, "4 Station Road"
    assert tenants.count_tenants(people, "BA12 4") == 2


def test_typing_without_accents_in_the_search_box_finds_the_tenant(people, qtbot):
    page = TenantsPage(people)
    qtbot.addWidget(page)
    page.show()
    page.search_box.setFocus()
    qtbot.keyClicks(page.search_box, "sliwinska")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.model.index(0, NAME).data() == "Zofia Śliwińska"
