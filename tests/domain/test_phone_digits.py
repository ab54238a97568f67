"""A phone number's digits are found faster (issue #15) yet exactly as before: every white space, not only
the space, and the punctuation officers type are taken out, whatever mix a cell holds."""
from __future__ import annotations

import random

import pytest

from liaison_app.domain.validation import _NOT_PHONE, _PUNCTUATION, _digits, clean_phone


def test_digits_are_what_splitting_and_translating_leave():
    rng = random.Random(7)
    chars = "0123456789+()-. \t\u00a0\u2003\u3000\n"
    for _ in range(20_000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 18)))
        if not _NOT_PHONE.search(text):
            assert _digits(text) == "".join(text.split()).translate(_PUNCTUATION), repr(text)


@pytest.mark.parametrize("typed", ["01225\t123456", "01225\u00a0123456", "(01225) 123-456", "+44 (1225) 123.456",
                                   "0044\u20031225 123456"])
def test_a_number_typed_with_odd_spacing_is_cleaned_alike(typed):
    assert clean_phone(typed) == "01225 123456"
