"""An import's rows are cleaned by a faster path (issue #15: cleaners looked up once per file, an empty
cell's answer kept, required text stripped once) that always gives the one set of tenant rules' answers:
a refused value is refused on every row it is on, and a file's problems are all listed."""
from __future__ import annotations

import random

import pytest

from liaison_app.services import imports, tenant_fields
from liaison_app.services.imports import ImportRefused

POOLS = {
    "tenancy_ref": ["HA-1", "HA-2", " HA-3 ", "", "R" * 41],
    "title": ["", "Mrs", " Dr "],
    "first_name": ["Ann", " Siân ", "", "   "],
    "last_name": ["Lee", "Çelik", ""],
    "preferred_name": ["", "Annie"],
    "phone": ["", "07700 900123", "+44 1225 123456", "0123", "call me", "(0113) 496 0000"],
    "email": ["", "a@b.org", "not an email"],
    "preferred_contact": ["", "Text", "pigeon"],
    "language": ["", "Welsh"],
    "interpreter_needed": ["", "yes", "N", "maybe"],
    "uprn": ["", "100012345678", "12ab"],
    "address_line1": ["1 Mill Lane", "", "Flat 2"],
    "address_line2": ["", "Elm Court"],
    "town": ["Bath", ""],
    "postcode": ["BA1 1AA", "ba11aa", "", "NOPE"],
    "block": ["", "Elm Court"],
    "tenancy_start": ["", "2020-01-31", "31/01/2020", "2020-02-30", "soon"],
    "tenancy_end": ["", "2019-01-01", "2030-01-01"],
}


def _as_list(pair):
    cleaned, problems = pair
    return cleaned, sorted((p.field, str(p)) for p in problems)


@pytest.mark.parametrize("seed", [1, 2])
def test_each_row_is_cleaned_as_the_tenant_rules_clean_it(seed):
    rng = random.Random(seed)
    columns = list(POOLS)
    rng.shuffle(columns)
    clean = tenant_fields.row_cleaner(columns)
    for _ in range(1500):
        row = {name: rng.choice(POOLS[name]) for name in columns}
        assert _as_list(clean(row)) == _as_list(tenant_fields.clean_collect(row))


def test_a_refused_value_is_refused_on_every_row_it_is_on(store, tmp_path):
    path = tmp_path / "tenants.csv"
    path.write_text("tenancy_ref,first_name,last_name,address_line1,postcode,tenancy_start\n"
                    "HA-1,Ann,Lee,1 Mill Lane,NOPE,2020-02-30\n"
                    "HA-2,Bo,Khan,2 Mill Lane,ba11aa,2020-01-01\n"
                    "HA-3,Cy,Ode,3 Mill Lane,NOPE,2020-02-30\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        imports.import_tenants(store, path)
    assert [(p.line, p.column) for p in refused.value.problems] == [
        (2, "postcode"), (2, "tenancy_start"), (4, "postcode"), (4, "tenancy_start")]
    assert refused.value.total == 4
