"""Issue #15: tenant search made fast without changing what it finds or the order it finds it in.

The one- and two-letter shortcut (each source read in name order, exact matches found from the few
rows that can hold the word whole) must give exactly the page the general path gives; counts come
from the FTS index alone where it answers, and can stop early; exact matches with several words
need every word whole."""
from __future__ import annotations

import pytest

from liaison_app.domain import Tenant, tenant_search_text
from liaison_app.services import tenants
from liaison_app.store import search as store_search

PEOPLE = [  # first, last, postcode, first line
    ("Sam", "Smith", "SM1 1AA", "1 Mill Lane"), ("S", "Jones", "BA1 2AB", "2 Mill Lane"),
    ("Ann", "Sm", "SN1 1AA", "3 Sm Road"), ("Jo", "Baker", "SM2 4BB", "4 Station Road"),
    ("Bob", "Jo", "BA2 4DB", "5 Jo Street"), ("Łucja", "Łukasiewicz", "SN2 4EP", "6 Quarry Road"),
    ("Olu", "Ó Briain", "BA12 4AB", "7 Canal Walk"), ("Smita", "Patel", "SM3 3AA", "8 Mill Lane"),
    ("Mo", "Smithers", "BA3 3AA", "9 Smith Street"), ("Jon", "Ba", "BA14 4AB", "10 Mill Road"),
    ("Ali", "Celik", "SN3 3AA", "11 High Street"), ("Ali", "Çelik", "SN4 4AA", "12 High Street"),
    ("Alison", "Celik", "SN5 5AA", "13 High Street"), ("Sue", "Smith", "SM4 4AA", "14 Ba Lane"),
]


@pytest.fixture
def people(store):
    for i, (first, last, postcode, line1) in enumerate(PEOPLE):
        tenants.create_tenant(store, tenancy_ref=f"HA-{i:04d}", first_name=first, last_name=last,
                              address_line1=line1, postcode=postcode)
    with store.write() as session:  # no home: the reference ends the search text
        tenant = Tenant(tenancy_ref="SM", first_name="Zed", last_name="Smyth", search_text="")
        tenant.search_text = tenant_search_text(tenant, None)
        session.add(tenant)
    return store


SHORT = ["s", "sm", "j", "jo", "b", "ba", "ł", "łu", "ó", "ó b", "sm 1", "s m", "a", "zz", "sn", "c"]


def ids(store, text, limit=50, offset=0):
    return [hit.id for hit in store_search.search(store, text, limit, offset)]


@pytest.mark.parametrize("small", [600, 0], ids=["sources-sorted", "sources-walked"])
@pytest.mark.parametrize("few", [True, False], ids=["exact-first", "name-order"])
def test_short_searches_give_the_general_paths_pages(people, monkeypatch, few, small):
    """Each one- or two-letter query, every window of the list, as the general path (sort every
    candidate, or walk the name index) gives it; a source of candidates sorted or walked alike."""
    if not few:
        monkeypatch.setattr(store_search, "SPARSE_LIMIT", 1)
    monkeypatch.setattr(store_search, "SMALL_SOURCE", small)
    answered = []
    real = store_search.short_page
    monkeypatch.setattr(store_search, "short_page", lambda *a: answered.append(real(*a)) or answered[-1])
    windows = [(50, 0), (3, 0), (3, 2), (2, 5), (100, 1)]
    shortcut = {(text, w): ids(people, text, *w) for text in SHORT for w in windows}
    assert bool(answered) == few  # many matches: the name index is walked, as before
    monkeypatch.setattr(store_search, "SHORT_WINDOW", 0)
    assert {(text, w): ids(people, text, *w) for text in SHORT for w in windows} == shortcut
    assert any(shortcut.values())


def test_a_short_word_whole_comes_first(people):
    """'jo': Jo Baker (first name spelled as typed) and Bob Jo (last name), then the others in name order;
    'sm': the tenant with no home whose reference is SM (a whole word at the end of the text) before
    Smith, but after Ann Sm (spelled as typed)."""
    names = [(h.first_name, h.last_name) for h in store_search.search(people, "jo")]
    assert names == [("Jo", "Baker"), ("Bob", "Jo"), ("Jon", "Ba"), ("S", "Jones")]
    sm = [(h.first_name, h.last_name) for h in store_search.search(people, "sm")]
    assert sm[:2] == [("Ann", "Sm"), ("Zed", "Smyth")]
    assert sm[2:] == sorted(sm[2:], key=lambda n: (n[1].lower(), n[0].lower()))


def test_exact_with_several_words_needs_every_word_whole(people):
    """'celik ali': both names spelled as typed, then every word whole (Çelik is celik), then the
    rest in name order (Alison holds 'ali' only inside a word)."""
    assert [(h.first_name, h.last_name) for h in store_search.search(people, "celik ali")] == [
        ("Ali", "Celik"), ("Ali", "Çelik"), ("Alison", "Celik")]
    mill = [h.last_name for h in store_search.search(people, "mill la")]
    assert mill == ["Jones", "Patel", "Smith"]  # "la" is whole nowhere: name order


@pytest.mark.parametrize("text", ["mill", "mill la", "smith", "ba", "s", "sm 1", "ó b", "", "zz", "ba12 4"])
def test_count_agrees_with_the_rows_and_stops_at_at_most(people, text):
    found = len(store_search.search(people, text, 1000))
    assert store_search.count(people, text) == found
    assert store_search.count(people, text, at_most=2) == min(found, 3)
    assert tenants.count_tenants(people, text, at_most=found) == found


def test_long_words_are_counted_by_the_fts_index_alone(people, monkeypatch):
    """Counting 'mill lane' never reads a tenant row: the FTS phrase is already the whole test."""
    seen = []
    real = store_search.build_query

    def spy(text):
        q = real(text)
        seen.append(q)
        return q
    monkeypatch.setattr(store_search, "build_query", spy)
    assert store_search.count(people, "mill lane") == 3
    assert store_search._match_rows(seen[-1]) == "SELECT 1 FROM tenant_fts WHERE tenant_fts MATCH :match"


def test_the_whole_list_read_on_from_a_held_tenant_gives_the_offsets_page(store):
    """Scrolling the whole list reads each page on from a tenant already shown (`after`), not from a deep
    offset: the same rows in every window, ties of last and first name included (decided by id); a tenant
    not before the page, or no longer there, falls back to the offset."""
    names = [("Ann", "Lee"), ("ann", "lee"), ("Bo", "Lee"), ("Ann", "LEE"), ("Cy", "Ng"), ("Ann", "Ng"),
             ("Dee", "Abbot"), ("Al", "lee"), ("Ed", "Zane"), ("Ann", "Lee")]
    for i in range(40):
        first, last = names[i % len(names)]
        tenants.create_tenant(store, tenancy_ref=f"SK-{i:03d}", first_name=first, last_name=last,
                              address_line1=f"{i} Road", postcode="BA1 1AA")
    whole = ids(store, "", 100)
    assert len(whole) == 40
    for place in range(39):
        for offset in range(place + 1, 40, 3):
            for limit in (1, 4, 50):
                seek = [h.id for h in store_search.search(store, "", limit, offset, after=(place, whole[place]))]
                assert seek == whole[offset:offset + limit], (place, offset, limit)
    assert [h.id for h in store_search.search(store, "", 5, 3, after=(10, whole[10]))] == whole[3:8]  # not before
    assert [h.id for h in store_search.search(store, "", 5, 20, after=(10, "gone"))] == whole[20:25]
    assert [h.id for h in store_search.search(store, "lee", 5, 5, after=(1, whole[1]))] == ids(store, "lee", 5, 5)
