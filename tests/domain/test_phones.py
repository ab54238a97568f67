"""The fast reading of UK phone numbers (domain/phones.py) gives phonenumbers' own answers.

`reference_clean_phone` is clean_phone as it was written on phonenumbers (parse, is_valid_number_for_region,
format_number), with the drama-range rule; the fast path must agree with it on every number: valid,
unallocated, too short, too long, +44 and 0044, spaces, brackets, dots and dashes, across every leading
range of the UK numbering plan.
"""
from __future__ import annotations

import random
import re

import phonenumbers
import pytest

from liaison_app.domain.phones import uk_national
from liaison_app.domain.validation import ValidationError, clean_phone

DRAMA = ("7700900", "1632960")
EXAMPLE = "Enter a UK phone number (for example 01225 123456 or 07700 900123)."


def reference_clean_phone(value: str) -> str:
    text = (value or "").strip()
    if not text:
        return ""
    if re.search(r"[^0-9+()\-.\s]", text):
        raise ValidationError("A phone number may hold only digits, spaces and + ( ) -.")
    digits = re.sub(r"[^0-9+]", "", text)
    if digits.startswith("0044"):
        digits = "+44" + digits[4:]
    if digits.startswith("00") or ("+" in digits and not digits.startswith("+44")):
        raise ValidationError(EXAMPLE)
    if not digits.startswith("+44") and (not digits.startswith("0") or len(digits) not in (10, 11)):
        raise ValidationError("Enter a UK phone number of 10 or 11 digits starting with 0.")
    try:
        number = phonenumbers.parse(digits, "GB")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(EXAMPLE) from exc
    national = phonenumbers.national_significant_number(number)
    allocated = phonenumbers.is_valid_number_for_region(number, "GB") or (
        len(national) == 10 and national.startswith(DRAMA))
    if number.country_code != 44 or not allocated:
        raise ValidationError(EXAMPLE)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def outcome(clean, value: str) -> str:
    try:
        return clean(value)
    except ValidationError as exc:
        return f"refused: {exc}"


def significant_numbers(rng: random.Random) -> list[str]:
    """National significant numbers under every four-digit leading range (10 digits) and every three-digit
    one (7, 9 and 11 digits), plus the drama ranges and the shapes phonenumbers treats specially (180020,
    a kept trunk 0)."""
    out = [f"{prefix}{rng.randrange(10 ** 6):06d}" for prefix in range(1000, 10000)]
    for prefix in range(100, 1000):
        out += [f"{prefix}{rng.randrange(10 ** (length - 3)):0{length - 3}d}" for length in (7, 9, 11)]
    out += [f"{d}{rng.randrange(1000):03d}" for d in DRAMA for _ in range(20)]
    out += [f"180020{rng.randrange(10 ** 4):04d}", "1800201234", "0" + "7700900123", "07911123456"]
    return out


def typed_forms(nsn: str, rng: random.Random) -> list[str]:
    """The ways a number is typed or exported: national, +44, 0044, with spaces, brackets, dots, dashes."""
    national = "0" + nsn
    return [national, "+44" + nsn, "0044 " + nsn, f"+44 (0) {nsn}", f"({national[:5]}) {national[5:]}",
            f"{national[:4]} {national[4:7]} {national[7:]}", national.replace("0", "0.", 1),
            f"+44-{nsn[:4]}-{nsn[4:]}", "0" + national if rng.random() < 0.5 else national + "1"]


def test_fast_phone_reading_agrees_with_phonenumbers_across_every_uk_range():
    rng = random.Random(15)
    disagree = []
    checked = 0
    for nsn in significant_numbers(rng):
        for typed in rng.sample(typed_forms(nsn, rng), 3):
            checked += 1
            if outcome(clean_phone, typed) != outcome(reference_clean_phone, typed):
                disagree.append((typed, outcome(clean_phone, typed), outcome(reference_clean_phone, typed)))
    assert checked > 35_000
    assert disagree == []


@pytest.mark.parametrize("typed", ["+44", "+44 1", "+4412", "+44 7700 900123 4567 8", "07700 9001234",
                                   "01632 960000", "01632 961000", "+44 0207 946 0000", "0044 (0) 20 7946 0000",
                                   "+44+7700900123", "0800 123 4567", "0845 464 0000", "0500 123456",
                                   "08001111", "+448001111", "03000 123 456", "0870 123 4567"])
def test_fast_phone_reading_agrees_on_odd_shapes(typed):
    assert outcome(clean_phone, typed) == outcome(reference_clean_phone, typed)


def test_drama_ranges_are_accepted_and_formatted():
    assert uk_national("07700900123") == "07700 900123"
    assert uk_national("+441632960001") == "01632 960001"
    assert uk_national("07700901123") == ""  # next to the drama range, unallocated
