"""Issue #10, item 14: whatever is typed or pasted into the search box, the search answers (bounded and
escaped) instead of raising an SQL error."""
from __future__ import annotations

import pytest

from liaison_app.services import tenants


@pytest.fixture
def ann(store):
    return tenants.create_tenant(store, tenancy_ref="T-1", first_name="Ann", last_name="Able",
                                 address_line1="4 Station Road", postcode="BA12 9AB")


@pytest.mark.parametrize("query", [
    "Ann\x00", "Able\x00Road", "\x00", "ab\x00cd",  # a NUL byte: before, "unterminated string"
    " ".join(["Able"] * 1000),  # a thousand words: before, "Expression tree is too large"
    " ".join(f"word{i}" for i in range(1000)),
    "Able " + "x" * 100_000, "\ud800able", "a\U0010ffff", "\ud7ff", '"Able" OR *', "NEAR(Able Road)",
])
def test_any_query_gets_an_answer(store, ann, query):
    rows = tenants.search_tenants(store, query)
    assert tenants.count_tenants(store, query) == len(rows)


def test_control_characters_are_spaces_and_repeated_words_count_once(store, ann):
    assert [r.tenancy_ref for r in tenants.search_tenants(store, "Ann\x00Able")] == ["T-1"]
    assert [r.tenancy_ref for r in tenants.search_tenants(store, "Able " * 1000)] == ["T-1"]
    assert [r.tenancy_ref for r in tenants.search_tenants(store, "station\tROAD\nann")] == ["T-1"]
    assert tenants.search_tenants(store, " ".join(f"word{i}" for i in range(1000))) == []
