"""The doorstep rules about the booked operative (domain.operatives): one test per row of
docs/DOORSTEP_RULES.md."""
from __future__ import annotations

from datetime import date, datetime

from liaison_app.domain import operatives as rules

DAY = date(2026, 6, 15)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 6, 15, hour, minute)


# --- 1. Requested operative gender
def test_1a_no_request_is_honoured_by_anyone():
    assert rules.honours_request("", "") and rules.honours_request("", "male")
    assert rules.gender_instruction("", "male", booked=True) == ""


def test_1b_operative_recorded_as_requested_honours_it():
    assert rules.honours_request("female", "female")
    assert rules.gender_instruction("female", "female", booked=True) == "Female operative required"


def test_1c_operative_recorded_otherwise_must_be_confirmed():
    assert not rules.honours_request("female", "male")
    assert rules.gender_instruction("female", "male", booked=True) == "CONFIRM A FEMALE OPERATIVE BEFORE ATTENDING"
    assert rules.gender_instruction("male", "female", booked=True) == "CONFIRM A MALE OPERATIVE BEFORE ATTENDING"


def test_1d_operative_with_no_gender_recorded_must_be_confirmed():
    assert not rules.honours_request("female", "")
    assert rules.gender_instruction("female", "", booked=True) == "CONFIRM A FEMALE OPERATIVE BEFORE ATTENDING"


def test_1e_nobody_booked_yet_prints_the_requirement():
    assert rules.gender_instruction("male", "", booked=False) == "Male operative required"


# --- 2. Gas Safe registration
def test_2a_gas_work_is_a_gas_check_or_gas_trade():
    assert rules.needs_gas_safe("gas_safety", "")
    assert rules.needs_gas_safe("repair", " Gas ")
    assert not rules.needs_gas_safe("repair", "plumbing")


def test_2b_registration_in_date_on_the_appointment_day():
    assert rules.gas_safe_in_date("123456", DAY, DAY)  # expiring that day still counts


def test_2c_registration_expired_before_the_day():
    assert not rules.gas_safe_in_date("123456", date(2026, 6, 14), DAY)


def test_2d_no_number_or_no_expiry_is_not_in_date():
    assert not rules.gas_safe_in_date("", date(2027, 1, 1), DAY)
    assert not rules.gas_safe_in_date("123456", None, DAY)


# --- 3. Double booking
def test_3a_overlapping_appointments_overlap():
    assert rules.overlaps(at(9), at(11), at(10), at(12))
    assert rules.overlaps(at(10), at(12), at(9), at(11))
    assert rules.overlaps(at(9), at(13), at(10), at(11))  # one inside the other


def test_3b_back_to_back_appointments_do_not_overlap():
    assert not rules.overlaps(at(9), at(11), at(11), at(13))


def test_3c_an_appointment_without_an_end_lasts_an_hour():
    assert rules.overlaps(at(9), None, at(9, 30), at(10))
    assert not rules.overlaps(at(9), None, at(10), at(11))


def test_3d_a_job_without_an_appointment_overlaps_nothing():
    assert not rules.overlaps(None, None, at(9), at(11))


# --- the warnings together
def test_warnings_say_what_to_do_and_never_the_gender():
    clash = rules.Booking("J-2", at(10), at(12))
    lines = rules.operative_warnings(requested="female", booked=True, operative_gender="male", gas_work=True,
                                     gas_safe_number="", gas_safe_expiry=None, on=DAY, clashes=[clash])
    assert lines == ("CONFIRM A FEMALE OPERATIVE BEFORE ATTENDING", rules.NO_GAS_SAFE,
                     "DOUBLE BOOKED with J-2 (15/06 10:00–12:00) — rebook one before the day")
    assert not any("male" in line.lower().replace("female", "") for line in lines)


def test_no_warnings_for_a_matching_in_date_free_operative_or_nobody_booked():
    ok = dict(requested="female", operative_gender="female", gas_work=True, gas_safe_number="123456",
              gas_safe_expiry=DAY, on=DAY)
    assert rules.operative_warnings(booked=True, **ok) == ()
    assert rules.operative_warnings(booked=False, **{**ok, "operative_gender": "", "gas_safe_number": ""}) == ()
