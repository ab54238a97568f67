"""The plain data a briefing prints (domain.briefing): frozen, and PRIVATE_FIELDS names real fields that
are never copied into a Briefing."""
from __future__ import annotations

import dataclasses

import pytest

from liaison_app import domain
from liaison_app.domain.briefing import PRIVATE_FIELDS, Briefing, Pack, SafetyItem


def test_every_private_field_exists_on_its_table():
    for table, names in PRIVATE_FIELDS.items():
        model = getattr(domain, table)
        for name in names:
            assert name in model.model_fields, f"{table}.{name}"


def test_no_private_field_is_a_field_of_a_briefing():
    printed = {f.name for f in dataclasses.fields(Briefing)} | {f.name for f in dataclasses.fields(SafetyItem)}
    private = {name for names in PRIVATE_FIELDS.values() for name in names}
    assert not printed & private


def test_briefing_values_are_frozen():
    item = SafetyItem("Dog", "Ask for the dog to be shut away.", high=False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.flag = "Cat"
    pack = Pack("Landlord", "Acme", "Monday", "today", "me", ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        pack.briefings = ()
