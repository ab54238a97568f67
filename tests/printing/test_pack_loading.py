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


def test_a_packs_double_bookings_are_those_each_job_shows_alone(store):
    """The pack reads the operatives' bookings in one query: each briefing still names exactly the jobs
    services.operatives.clashes_of finds for it (overlapping, unfinished, the same operative, another
    contractor's job too), and nothing it does not (a job ending as another starts, a cancelled one)."""
    from liaison_app.domain import Contractor, Operative

    c = world.contractor(store)
    other = records.create(store, Contractor(name="Other Gas Ltd"))
    dana = records.create(store, Operative(contractor_id=c.id, name="Dana Fitter", badge_number="B-1"))
    sam = records.create(store, Operative(contractor_id=c.id, name="Sam Fitter", badge_number="B-2"))
    people = [world.tenant(store, ref=f"T-{n}", line1=f"{n} Acre Lane") for n in range(6)]
    jobs = [world.job(store, c.id, people[0], ref="J-1", start_hour=9, operative_id=dana.id),  # 9-11
            world.job(store, c.id, people[1], ref="J-2", start_hour=10, operative_id=dana.id),  # 10-12: J-1, J-5
            world.job(store, c.id, people[2], ref="J-3", start_hour=13, operative_id=dana.id),  # 13-15: none
            world.job(store, c.id, people[3], ref="J-4", start_hour=10, operative_id=sam.id),  # Sam: none
            world.job(store, other.id, people[4], ref="J-5", start_hour=11, operative_id=dana.id),  # other firm
            world.job(store, c.id, people[5], ref="J-6", start_hour=10, operative_id=dana.id, status="cancelled")]
    late = world.job(store, c.id, people[5], ref="J-0", start_hour=-1, operative_id=dana.id)  # 23:00 the day before
    day = jobs[0].appointment_start.date()
    pack = pack_for_day(store, c.name, day, on=day)
    alone = {job.id: briefing_for_job(store, job.id, on=day) for job in jobs + [late]}
    warnings = {}
    for briefing in pack.briefings:
        assert _same_clock(briefing) == _same_clock(alone[briefing.job_id])
        warnings[briefing.job_ref] = " ".join(briefing.operative_warnings)
    assert sorted(warnings) == ["J-1", "J-2", "J-3", "J-4"]  # J-5 is another firm's, J-6 cancelled
    assert "J-2" in warnings["J-1"] and "J-5" not in warnings["J-1"] and "J-0" not in warnings["J-1"]
    assert "J-1" in warnings["J-2"] and "J-5" in warnings["J-2"] and "J-6" not in warnings["J-2"]
    assert "J-" not in warnings["J-3"] and "J-" not in warnings["J-4"]
