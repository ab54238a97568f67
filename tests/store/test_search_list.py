"""Issue #15: what the tenant list reads on a keystroke, made cheaper without changing what it shows.

The list's first read (page, capped count and flags in one transaction: store/search_list.py) gives
exactly what the separate reads gave; a one- or two-letter search's exact matches are the same whichever
side they are read from (store/search_exact.py); a capped count of a short search stops at one source
alone past the cap; and the page's rest is read no deeper than the page."""
from __future__ import annotations

from datetime import date

import pytest

from liaison_app.services import needs, tenants
from liaison_app.store import search as store_search
from liaison_app.store import search_bounds, search_exact, search_ranked

PEOPLE = [  # first, last, postcode, first line
    ("Sam", "Smith", "SM1 1AA", "1 Mill Lane"), ("S", "Jones", "BA1 2AB", "2 Mill Lane"),
    ("Ann", "Sm", "SN1 1AA", "3 Sm Road"), ("Jo", "Baker", "SM2 4BB", "4 Station Road"),
    ("Bob", "Jo", "BA2 4DB", "5 Jo Street"), ("Łucja", "Łukasiewicz", "SN2 4EP", "6 Quarry Road"),
    ("Olu", "Ó Briain", "BA12 4AB", "7 Canal Walk"), ("Smita", "Patel", "SM3 3AA", "8 Mill Lane"),
    ("Mo", "Smithers", "BA3 3AA", "9 Smith Street"), ("Jon", "Ba", "BA14 4AB", "10 Mill Road"),
    ("Ali", "Celik", "SN3 3AA", "11 High Street"), ("Ali", "Çelik", "SN4 4AA", "12 High Street"),
    ("Cy", "Zed", "BA9 9ZZ", "13 Ba Road"),  # whole 'ba' and a BA postcode: exact through the postcode alone
    ("Ba", "Young", "CF11 3YL", "14 Heol Y Dwr"), ("Yan", "Ó Baoill", "CF11 4YL", "15 Heol Y Dwr"),
    ("Ola", "Ba", "BA1 1AA", "16 Y Road"), ("Sue", "Smith", "SM4 4AA", "14 Ba Lane"),
]
TEXTS = ["s", "sm", "ba", "b", "y", "ó", "ó b", "ł", "jo", "celik", "Çelik", "mill", "mill la", "smith jo",
         "ba12 4", "sm 1", "zz", "", "ba ro", "y d"]


@pytest.fixture
def people(store):
    for i, (first, last, postcode, line1) in enumerate(PEOPLE):
        tenants.create_tenant(store, tenancy_ref=f"HA-{i:04d}", first_name=first, last_name=last,
                              address_line1=line1, postcode=postcode)
    return store


def ids(store, text, limit=50, offset=0):
    return [hit.id for hit in store_search.search(store, text, limit, offset)]


@pytest.mark.parametrize("limit", [50, 3, 1])
def test_the_lists_first_read_is_the_page_and_the_count(people, limit):
    """The page, its count (capped or not) and its flags, read together, are what search_tenants and
    count_tenants give one by one."""
    tenant = tenants.search_tenants(people, "celik")[0]
    needs.record_adjustment(people, tenant.id, "female_operative", reason="private")
    for text in TEXTS:
        for at_most in (None, 0, 1, 2, 1000):
            rows, found = tenants.search_tenants_counted(people, text, limit, at_most)
            assert rows == tenants.search_tenants(people, text, limit), (text, at_most)
            assert found == tenants.count_tenants(people, text, at_most), (text, at_most)
    rows, _ = tenants.search_tenants_counted(people, "celik", limit)
    assert rows[0].flags == ["Female operative"] == tenants.flags_for(people, [tenant.id], date.today())[tenant.id]


def test_a_count_past_the_cap_is_the_same_from_one_source(people, monkeypatch):
    """'ba' has three sources (last names, first names, postcodes) sharing tenants: the capped count is
    at_most + 1 as soon as one source alone passes it, else the distinct tenants, as counting them all."""
    for text in ("ba", "b", "sm", "s", "y", "jo", "ó"):
        total = store_search.count(people, text)
        assert [store_search.count(people, text, at_most=n) for n in range(total + 2)] == [
            min(total, n + 1) for n in range(total + 2)], text


@pytest.mark.parametrize("side", ["whole", "candidates"])
def test_short_exact_matches_are_the_same_from_either_side(people, monkeypatch, side):
    """Read from the tenants holding the word whole, or from each source's candidates, a short search's
    exact matches (and so every window of its pages) are those the general path gives."""
    windows = [(50, 0), (2, 0), (2, 1), (3, 2), (100, 4)]
    short = ["ba", "b", "y", "jo", "sm", "ó", "ó b", "ł", "s", "y d", "ba ro"]
    monkeypatch.setattr(store_search, "SHORT_WINDOW", 0)
    general = {(t, w): ids(people, t, *w) for t in short for w in windows}
    monkeypatch.undo()
    other = search_exact._from_candidates if side == "whole" else search_exact._from_whole
    monkeypatch.setattr(search_exact, "_from_whole" if side == "candidates" else "_from_candidates", other)
    assert {(t, w): ids(people, t, *w) for t in short for w in windows} == general
    names = [(h.first_name, h.last_name) for h in store_search.search(people, "ba")]
    assert names[:4] == [("Jon", "Ba"), ("Ola", "Ba"), ("Ba", "Young"), ("Cy", "Zed")]  # spelled, then whole


def test_exact_matches_filling_the_page_read_no_source(people, monkeypatch):
    """When the exact matches fill the page, the other candidates are not read at all; the next page
    reads them, and both are the general path's."""
    whole = ids(people, "ba", 50)
    reads = []
    real = store_search._source_sql
    monkeypatch.setattr(store_search, "_source_sql", lambda *a: reads.append(a) or real(*a))
    assert ids(people, "ba", 2) == whole[:2] and not reads
    assert ids(people, "ba", 3, 2) == whole[2:5] and reads


def _fresh(store, text, limit=50):
    """The page and count with nothing remembered from earlier searches."""
    saved = dict(search_bounds._found)
    search_bounds._found.clear()
    try:
        return tenants.search_tenants_counted(store, text, limit, 1000)
    finally:
        search_bounds._found.clear()
        search_bounds._found.update(saved)


def test_typing_on_from_a_search_that_matched_few_needs_no_count(people, monkeypatch):
    """'cel', 'celi', 'celik', 'celik ali': each after the one before is ranked at once from every match,
    with no count first, and gives the page and count of the same search made afresh; a search repeated
    does not use its own earlier count."""
    search_bounds._found.clear()
    used = []
    real = search_bounds.typed_on
    monkeypatch.setattr(search_bounds, "typed_on", lambda *a: used.append(real(*a)) or used[-1])
    typed = []
    for text in ("cel", "celi", "celik", "celik ali", "celik ali", "mill", "mill lane"):
        got = tenants.search_tenants_counted(people, text, 50, 1000)
        typed.append(used[-1])
        assert got == _fresh(people, text), text
    assert [u is not None for u in typed] == [False, True, True, True, True, False, True]
    assert typed[3] == typed[4] and len(typed[3]) == 2  # 'celik ali': Ali Celik and Ali Çelik


def test_a_store_changed_since_is_counted_as_usual(people, monkeypatch):
    """'celi' matched two; then twelve more Celiks come: 'celik' reads past what ranking at once allows
    (here 5), so it is counted and takes the usual path, with the same page and count as afresh."""
    monkeypatch.setattr(search_ranked, "DIRECT_LIMIT", 5)
    search_bounds._found.clear()
    assert tenants.search_tenants_counted(people, "celi", 50, 1000)[1] == 2
    for i in range(12):
        tenants.create_tenant(people, tenancy_ref=f"C-{i}", first_name=f"Cem{i}", last_name="Celik",
                              address_line1=f"{i} Road", postcode="SN1 1AA")
    rows, found = tenants.search_tenants_counted(people, "celik", 50, 1000)
    assert (rows, found) == _fresh(people, "celik") and found == 14
    assert rows[0].name == "Ali Celik" and rows[13].name == "Ali Çelik"  # spelled as typed first
