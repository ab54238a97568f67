"""Whether the person was told about a risk warning (UKHDS "informed"): one test per rule row."""
from __future__ import annotations

from datetime import date

import pytest

from liaison_app.domain.needs import clean_informed
from liaison_app.domain.validation import ValidationError

ON = date(2026, 6, 15)


@pytest.mark.parametrize("given, stored", [("", ""), (None, ""), ("Yes", "yes"), ("no", "no"), (True, "yes"),
                                           (False, "no")])
def test_told_is_yes_no_or_not_recorded(given, stored):
    assert clean_informed(given, None, ON) == (stored, None)


def test_anything_else_is_refused():
    with pytest.raises(ValidationError) as err:
        clean_informed("maybe", None, ON)
    assert err.value.field == "informed"


def test_a_date_goes_with_yes():
    assert clean_informed("yes", date(2026, 6, 1), ON) == ("yes", date(2026, 6, 1))


@pytest.mark.parametrize("told", ["no", ""])
def test_a_date_without_yes_is_refused(told):
    with pytest.raises(ValidationError) as err:
        clean_informed(told, date(2026, 6, 1), ON)
    assert err.value.field == "informed_on"


def test_the_date_told_is_not_in_the_future():
    with pytest.raises(ValidationError) as err:
        clean_informed("yes", date(2026, 6, 16), ON)
    assert err.value.field == "informed_on"
