"""Issue #15: the search index read in name order (store/search_order.py) finds exactly what sorting every
match found, in the same order, whatever writes came before: tenants added anywhere in the list, renamed,
removed, added so often at one spot that their keys run out (misplaced, merged in exactly), or written in
bulk (every key rebuilt)."""
from __future__ import annotations

import pytest
from sqlalchemy import event

from liaison_app.services import tenants
from liaison_app.store import search as store_search
from liaison_app.store import search_ranked
from liaison_app.store.bulk import tenant_index_paused
from liaison_app.store.search_order import LOW, names_param

NAMES = [("Ali", "Çelik"), ("Ali", "Celik"), ("Alison", "Celik"), ("Bea", "Celikson"), ("Sam", "Smith"),
         ("smith", "Jones"), ("Mo", "Smithers"), ("Sue", "smith"), ("Ann", "Mill"), ("Jo", "Millard"),
         ("Łucja", "Łukasiewicz"), ("Olu", "Ó Briain"), ("Deniz", "Yılmaz"), ("Zed", "Adams")]
QUERIES = ["celik", "Çelik", "smith", "mill", "mill lane", "ali celik", "lukasiewicz", "o briain", "ó briain",
           "yilmaz", "lane", "road", "smith jo", "ha-00", "ba12 4", "celik s"]


def _people(store, names=NAMES, start=0):
    made = []
    for i, (first, last) in enumerate(names, start):
        line1 = f"{i} {'Mill Lane' if i % 3 == 0 else 'Smith Road' if i % 3 == 1 else 'Celik Street'}"
        made.append(tenants.create_tenant(store, tenancy_ref=f"HA-{i:04d}", first_name=first, last_name=last,
                                          address_line1=line1, postcode=f"BA12 {i % 10}AB").id)
    return made


def _expected(store, text):
    """What the search promises, worked out in Python from every tenant: exact matches first (every word
    whole; of those first every word a name spelled as typed), then name order (NOCASE, then id)."""
    words = store_search.search_words(text)
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT id, first_name, preferred_name, last_name, search_text FROM tenant").all()
    out = []
    for tid, first, preferred, last, search_text in rows:
        if not all(folded in search_text for _, folded in words):
            continue
        names = names_param(f"{last}\x1f{first}\x1f{preferred}")
        whole = all(f" {folded} " in f" {search_text} " for _, folded in words)
        spelled = all(names_param(typed) in names or names_param(typed[:1].upper() + typed[1:]) in names
                      for typed, _ in words)
        rank = 0 if store_search.postcode_start(" ".join(f for _, f in words)) else (
            2 if not whole else 0 if spelled else 1)
        out.append((rank, last.translate(_ASCII_LOWER), first.translate(_ASCII_LOWER), tid))
    return [tid for *_, tid in sorted(out)]


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _keys(store):
    with store.engine.connect() as conn:
        keyed = conn.exec_driver_sql("SELECT key, tid FROM tenant_fts_order ORDER BY key").all()
        order = [r for (r,) in conn.exec_driver_sql(
            "SELECT rowid FROM tenant ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id")]
        conn.exec_driver_sql("INSERT INTO tenant_fts(tenant_fts, rank) VALUES ('integrity-check', 1)")
    return keyed, order


def _assert_pages_as_promised(store, monkeypatch):
    for direct, named in [(1500, 1000), (0, 1000), (0, 0)]:  # every way of reading exact matches first
        monkeypatch.setattr(search_ranked, "DIRECT_LIMIT", direct)
        monkeypatch.setattr(search_ranked, "NAMED_LIMIT", named)
        for text in QUERIES:
            expected = _expected(store, text)
            assert [h.id for h in store_search.search(store, text, 100)] == expected, (text, direct, named)
            assert [h.id for h in store_search.search(store, text, 3, 2)] == expected[2:5], text
            assert store_search.count(store, text) == len(expected)
    monkeypatch.setattr(store_search, "SPARSE_LIMIT", 1)  # many matches: plain name order
    for text in QUERIES:
        plain = [tid for tid in _expected(store, "") if tid in set(_expected(store, text))]
        assert [h.id for h in store_search.search(store, text, 100)] == plain, text


def test_keys_follow_name_order_through_every_kind_of_write(store, monkeypatch):
    made = _people(store)
    tenants.change_tenant(store, made[4], {"last_name": "Aaronson"})  # moves to the top of the list
    tenants.change_tenant(store, made[12], {"first_name": "Celik"})  # now named as typed
    with store.raw() as conn:
        conn.exec_driver_sql("DELETE FROM tenant WHERE id = ?", (made[8],))
    keyed, order = _keys(store)
    assert [tid for _, tid in keyed] == order
    assert all(key > LOW for key, _ in keyed)
    _assert_pages_as_promised(store, monkeypatch)


def test_a_crowded_spot_runs_out_of_keys_and_still_comes_in_order(store, monkeypatch):
    """Forty tenants added one after another at the same spot (each just after the last, before 'Zed
    Adams' moved to the end): the keys between run out, the rest are misplaced and merged in exactly."""
    _people(store, NAMES[:3] + [("Zed", "Zz")])
    _people(store, [(f"Ali {i:02d}", "Celik") for i in range(40)], start=100)
    keyed, order = _keys(store)
    assert sum(key < LOW for key, _ in keyed) > 10  # misplaced
    assert [tid for key, tid in keyed if key > LOW] == [tid for tid in order if tid in
                                                        {t for k, t in keyed if k > LOW}]
    _assert_pages_as_promised(store, monkeypatch)


def test_a_bulk_write_rebuilds_every_key_evenly(store, monkeypatch):
    _people(store, NAMES[:3] + [("Zed", "Zz")])
    _people(store, [(f"Ali {i:02d}", "Celik") for i in range(40)], start=100)
    with store.raw() as conn, tenant_index_paused(conn):
        conn.exec_driver_sql("UPDATE tenant SET last_name = 'Celik-Jones' WHERE tenancy_ref = 'HA-0101'")
    keyed, order = _keys(store)
    assert [tid for _, tid in keyed] == order and all(key > LOW for key, _ in keyed)
    _assert_pages_as_promised(store, monkeypatch)


@pytest.mark.parametrize("text", ["celik", "ali", "mill lane"])
def test_few_matches_are_ranked_at_once(store, monkeypatch, text):
    """A query matching few (up to DIRECT_LIMIT) ranks every match in one read of the index's rows."""
    _people(store)
    seen = []
    real = search_ranked.ranked
    monkeypatch.setattr(store_search, "ranked", lambda *a: seen.append(a[3]) or real(*a))
    assert [h.id for h in store_search.search(store, text)] == _expected(store, text)
    assert seen and seen[0] <= search_ranked.DIRECT_LIMIT


@pytest.mark.parametrize("text,street", [("y", "Heol Y Dwr"), ("le", "Mill Road")])
def test_a_short_words_exact_matches_from_either_side_give_the_general_paths_page(store, monkeypatch, text, street):
    """'y' is a whole word in many addresses (Heol Y Dwr) but starts few names: its exact matches are
    found by testing the candidates; 'le' starts many names (Lee) but is whole nowhere: from the FTS
    phrase ' le '. Either way, every window is the page the general path (sort every candidate) gives."""
    _people(store)
    for i in range(8):
        tenants.create_tenant(store, tenancy_ref=f"W-{i}", first_name=f"Ann{i}", last_name="Lee",
                              address_line1=f"{i} {street}", postcode="CF11 3YL")
    yates = tenants.create_tenant(store, tenancy_ref="W-9", first_name="Y", last_name="Yates",
                                  address_line1="1 Road", postcode="CF11 3YL")
    statements = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    windows = [(50, 0), (2, 0), (2, 1), (100, 3)]
    shortcut = [[h.id for h in store_search.search(store, text, *w)] for w in windows]
    assert any("instr(s.search_text, :ew)" in sql for sql in statements) == (text == "y")
    monkeypatch.setattr(store_search, "SHORT_WINDOW", 0)
    assert [[h.id for h in store_search.search(store, text, *w)] for w in windows] == shortcut
    assert len(shortcut[0]) >= (2 if text == "y" else 8)
    assert (shortcut[0][0] == yates.id) == (text == "y")  # first name Y: whole and spelled as typed
