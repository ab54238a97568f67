"""A day pack reads its jobs' records together, in a few queries, not a few per job (issue #15: loading
was a sixth of a 200-job pack's time); each briefing in it is the one its job gets printed alone."""
from __future__ import annotations

import dataclasses

import briefing_world as world
from liaison_app.domain import Adjustment, RiskWarning, SupportMeasure, SupportPlan
from liaison_app.services import records
from liaison_app.services.briefing import briefing_for_job, pack_for_day


def _same_clock(briefing):
    return dataclasses.replace(briefing, printed_on="")


def test_each_briefing_in_a_pack_is_the_one_printed_alone(store):
    c, first, first_job = world.full_world(store)
    second = world.tenant(store, ref="T-002", first="Łucja", last="Wiśniewska", line1="2 Acre Lane")
    records.create(store, Adjustment(tenant_id=second.id, kind="hearing", reason="PRIVATE-REASON-2"))
    records.create(store, RiskWarning(home_id=second.home_id, kind="dangerous_animal", severity="medium"))
    plan = records.create(store, SupportPlan(tenant_id=second.id, status="active", strain="PRIVATE-STRAIN-2"))
    records.create(store, SupportMeasure(plan_id=plan.id, text="Offer breaks."))
    jobs = [first_job, world.job(store, c.id, second, ref="J-1002", start_hour=13),
            world.job(store, c.id, first, ref="J-1003", start_hour=15), world.communal_job(store, c, consent=True)]
    day = first_job.appointment_start.date()
    pack = pack_for_day(store, c.name, day, on=day)
    alone = {job.id: briefing_for_job(store, job.id, on=day) for job in jobs if job.appointment_start}
    assert sorted(b.job_ref for b in pack.briefings) == ["J-1001", "J-1002", "J-1003", "J-2001"]
    for briefing in pack.briefings:
        assert _same_clock(briefing) == _same_clock(alone[briefing.job_id])
    lucja = next(b for b in pack.briefings if b.job_ref == "J-1002")
    assert "Offer breaks." in " ".join(lucja.in_the_home)  # her plan's measure, not the first tenant's
    assert len(lucja.your_safety) == 1  # her home's warning only
