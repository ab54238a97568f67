"""The demo keeps check records as a landlord does (services/demo_checks.py, issue #15): a record of each
cycled check for nearly every home and block, a few overdue, a few never recorded, so the checks-due
report of a window holds what an officer's would (the benchmark's 4,000-row report is a real window)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from liaison_app.domain import Block, Home, SafetyCheck
from liaison_app.services import reports
from liaison_app.services.demo import make_demo

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from liaison_app.store import open_store

    store = open_store(tmp_path_factory.mktemp("demo") / "demo.db")
    make_demo(store, tenants=600, seed=1, today=TODAY)
    yield store
    store.close()


def test_nearly_every_home_and_block_has_a_record_of_each_check(demo):
    with demo.read() as s:
        homes = len(s.exec(select(Home.id)).all())
        blocks = len(s.exec(select(Block.id)).all())
        checks = s.exec(select(SafetyCheck.kind, SafetyCheck.home_id, SafetyCheck.block_id)).all()
    for kind in ("gas_safety", "electrical_safety", "water_safety"):
        recorded = {home for k, home, _ in checks if k == kind and home}
        assert 0.97 * homes <= len(recorded) < homes, kind  # nearly every home, never quite all
    for kind in ("fire_risk", "lift", "asbestos"):
        recorded = {block for k, _, block in checks if k == kind and block}
        assert len(recorded) >= 0.95 * blocks, kind


def test_a_short_window_holds_a_few_overdue_a_few_never_recorded_and_the_checks_due(demo):
    rows = reports.checks_due_report(demo, days=7, today=TODAY).rows
    never = [r for r in rows if r[0] == "no record — due now"]
    overdue = [r for r in rows if r[0] != "no record — due now" and int(r[1]) < 0]
    due = [r for r in rows if r[0] != "no record — due now" and int(r[1]) >= 0]
    assert never and overdue and due
    assert len(never) + len(overdue) < len(due)  # mostly what falls due, as at a landlord
