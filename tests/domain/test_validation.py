"""Validation rules: postcodes, UK phones, emails, dates, review dates."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from liaison_app.domain.validation import (
    ValidationError,
    add_months,
    clean_badge,
    clean_email,
    clean_phone,
    clean_postcode,
    clean_uprn,
    default_review_date,
    parse_date,
    parse_datetime,
    parse_yes_no,
    reformat_phone,
)
from liaison_app.domain.text import fold


@pytest.mark.parametrize("raw,clean", [
    ("ba129ab", "BA12 9AB"), ("BA12 9AB", "BA12 9AB"), (" sw1a  1aa ", "SW1A 1AA"), ("M1 1AE", "M1 1AE"),
    ("b33 8th", "B33 8TH"), ("CR2 6XH", "CR2 6XH"), ("DN55 1PT", "DN55 1PT"), ("W1A 0AX", "W1A 0AX"),
    ("EC1A 1BB", "EC1A 1BB"), ("gir0aa", "GIR 0AA"), ("GIR 0AA", "GIR 0AA"), ("cf10 1aa", "CF10 1AA"),
])
def test_good_postcodes(raw, clean):
    assert clean_postcode(raw) == clean


@pytest.mark.parametrize("raw", ["", "   ", "BA12", "12345", "QA1 1AA", "BA12 9AC", "BA12 9A", "BA1299AB",
                                 "V1 1AA", "SW1A 1AAA", "BA12-9AB", "ZZ"])
def test_bad_postcodes(raw):
    with pytest.raises(ValidationError):
        clean_postcode(raw)


@pytest.mark.parametrize("raw,clean", [
    ("07700900123", "07700 900123"), ("+44 7700 900123", "07700 900123"), ("+447700900123", "07700 900123"),
    ("0044 7700 900123", "07700 900123"), ("(01225) 123456", "01225 123456"), ("020 7946 0018", "020 7946 0018"),
    ("02079460018", "020 7946 0018"), ("0300-123-4567", "0300 123 4567"), ("", ""), (None, ""),
    # Issue #11: national format from phonenumbers (before, 0161 496 0000 printed as "01614 960000").
    ("01614960000", "0161 496 0000"), ("01614 960000", "0161 496 0000"), ("0113 496 0000", "0113 496 0000"),
    ("01184960000", "0118 496 0000"), ("08001234567", "0800 123 4567"), ("03001234567", "0300 123 4567"),
    ("07700 900123", "07700 900123"), ("01632 960101", "01632 960101"),
])
def test_good_phones(raw, clean):
    assert clean_phone(raw) == clean


@pytest.mark.parametrize("raw", ["12345", "0770090", "077009001234", "+1 202 555 0100", "07700 9OO123",
                                 "00 1 202", "0000000000", "phone me",
                                 "01000 123456", "0199 123 4567", "07700 800123", "04000 123456", "+44"])
def test_bad_phones(raw):
    with pytest.raises(ValidationError):
        clean_phone(raw)


def test_unallocated_ranges_are_refused_with_the_clear_message():
    with pytest.raises(ValidationError, match="Enter a UK phone number"):
        clean_phone("0199 123 4567")


def test_stored_phone_reformatted_or_kept_as_typed():
    assert reformat_phone("01614 960000") == "0161 496 0000"
    assert reformat_phone("ring the office") == "ring the office"
    assert reformat_phone("0199 123 4567") == "0199 123 4567"


@pytest.mark.parametrize("name,plain", [
    ("Çelik", "celik"), ("Ağaoğlu", "agaoglu"), ("Róisín", "roisin"), ("Śliwińska", "sliwinska"),
    ("Ŵyn", "wyn"), ("Łukasiewicz", "lukasiewicz"), ("Yılmaz", "yilmaz"), ("Søren", "soren"),
])
def test_fold(name, plain):
    assert fold(name) == plain == fold(plain.upper())


def test_email():
    assert clean_email(" a.b@example.org ") == "a.b@example.org"
    assert clean_email("") == ""
    for bad in ("a@b", "no at sign", "a@@b.c", "a b@c.d"):
        with pytest.raises(ValidationError):
            clean_email(bad)


def test_dates():
    assert parse_date("2026-03-31") == date(2026, 3, 31)
    assert parse_date("31/03/2026") == date(2026, 3, 31)
    assert parse_date("") is None
    assert parse_date(datetime(2026, 1, 2, 3, 4)) == date(2026, 1, 2)
    assert parse_datetime("2026-03-31 09:30") == datetime(2026, 3, 31, 9, 30)
    assert parse_datetime("2026-03-31T09:30:15") == datetime(2026, 3, 31, 9, 30, 15)
    for bad in ("2026-02-30", "31-03-2026", "tomorrow", "2026/03/31"):
        with pytest.raises(ValidationError):
            parse_date(bad)
    with pytest.raises(ValidationError):
        parse_date("", required=True)
    with pytest.raises(ValidationError):
        parse_datetime("2026-03-31 25:00")


def test_review_default_twelve_months():
    assert default_review_date(date(2025, 6, 15)) == date(2026, 6, 15)
    assert default_review_date(date(2024, 2, 29)) == date(2025, 2, 28)
    assert default_review_date(None, today=date(2027, 2, 28)) == date(2028, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2023, 3, 29), 11) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 30), 14) == date(2028, 1, 30)


def test_small_cleaners():
    assert parse_yes_no("Yes", default=False) is True
    assert parse_yes_no("", default=True) is True
    assert parse_yes_no("n", default=True) is False
    with pytest.raises(ValidationError):
        parse_yes_no("maybe", default=True)
    assert clean_uprn(" 100012345678 ") == "100012345678"
    assert clean_uprn("") is None
    with pytest.raises(ValidationError):
        clean_uprn("1000123456789")
    assert clean_badge("AB-12") == "AB-12"
    with pytest.raises(ValidationError):
        clean_badge("<b>")
