"""`demo`: fill a store with realistic invented data, the same every time for a given seed and day.

Tenants from across the UK's communities in a few towns, with homes and blocks, adjustments with
private reasons, risk warnings on people and homes, visits and follow-ups, contractors and
operatives, jobs and mandatory checks (gas checks due in the coming weeks, appointments today and
the next few days), communal complaint jobs, no-access cases at each stage, support plans, conduct
feedback and settings (see demo_works.py for the works half).

The officer's day it makes is a realistic, manageable one: most reviews fall due in the coming
months with only a handful within a fortnight or overdue; past follow-ups are done except a few due
today or just overdue; a few visits and appointments today.

Everything is written with core executemany inserts in one transaction, so 125,000 tenants with
their records take seconds. Demo tenants carry `demo=True`; a store holding records the demo did
not make is refused.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random
from typing import Any

from sqlalchemy import text as sql

from liaison_app.domain import (
    AccessAttempt,
    Adjustment,
    Block,
    ConductFeedback,
    Contractor,
    FollowUp,
    Home,
    Job,
    Operative,
    RiskWarning,
    SafetyCheck,
    Setting,
    SupportContact,
    SupportMeasure,
    SupportPlan,
    SupportPlanJob,
    Tenant,
    Visit,
    utcnow,
)
from liaison_app.services import demo_data as data
from liaison_app.services import demo_access, demo_doorstep, demo_feedback, demo_letters, demo_signoffs, demo_works
from liaison_app.services.catalogues import adjustment_kinds, visit_types, warning_kinds
from liaison_app.services.import_common import audit_import, insert_rows
from liaison_app.services.import_tenants import search_text
from liaison_app.store import Store
from liaison_app.store.bulk import big_cache, indexes_paused, tenant_index_paused

# Insert order: parents before children (foreign keys are on).
TABLES = [Block, Home, Tenant, Adjustment, RiskWarning, Contractor, Operative, Job, Visit, FollowUp, SafetyCheck,
          AccessAttempt, SupportPlan, SupportMeasure, SupportContact, SupportPlanJob, ConductFeedback]


MAX_TENANTS = 500_000  # the largest English housing associations have about 125,000 tenancies


class DemoRefused(Exception):
    """The store holds records the demo did not make; nothing was added."""


@dataclass
class DemoResult:
    counts: dict[str, int] = field(default_factory=dict)
    already: bool = False  # the store already held demo data; nothing was added

    def __str__(self) -> str:
        if self.already:
            return "The store already holds demo data; nothing was added."
        return ", ".join(f"{n} {name}" for name, n in self.counts.items())


class Gen:
    """Builds the rows of every table as plain dicts (ids from the seeded generator)."""

    def __init__(self, seed: int, today: date, actor: str):
        self.rng = Random(seed)
        self.today = today
        self.actor = actor
        self.now = utcnow()
        self.rows: dict[type, list[dict[str, Any]]] = {cls: [] for cls in TABLES}
        self._id_prefix = str(uuid.UUID(int=self.rng.getrandbits(64) << 64, version=4))[:19]
        self._ids = 0x8000_0000_0000_0000  # the RFC 4122 variant bits, then a counter

    def new_id(self) -> str:
        """UUIDs (version 4 form) in ascending order: a random half from the seed, a counter below.
        Appending to each key index is much faster than inserting at random places in it."""
        self._ids += 1
        low = self._ids
        return f"{self._id_prefix}{low >> 48:04x}-{low & 0xFFFF_FFFF_FFFF:012x}"

    def randint(self, low: int, high: int) -> int:
        return low + int(self.rng.random() * (high - low + 1))

    def add(self, cls: type, **values: Any) -> dict[str, Any]:
        row = {"id": self.new_id(), "created_at": self.now, "created_by": self.actor, "updated_at": self.now,
               "updated_by": self.actor, "version": 1, **values}
        self.rows[cls].append(row)
        return row

    def days_ago(self, low: int, high: int) -> date:
        return self.today - timedelta(days=self.randint(low, high))

    def at(self, day: date, hour_low: int = 8, hour_high: int = 16) -> datetime:
        return datetime.combine(day, time(self.randint(hour_low, hour_high), self.pick((0, 15, 30, 45))))

    def pick(self, seq):
        return seq[int(self.rng.random() * len(seq))]


def _postcode(gen: Gen, district: str) -> str:
    letters = data.INWARD_LETTERS
    return f"{district} {gen.randint(1, 9)}{gen.pick(letters)}{gen.pick(letters)}"


def _phone(gen: Gen) -> str:
    return f"07700 900{gen.randint(0, 999):03d}" if gen.rng.random() < 0.8 else f"01632 960{gen.randint(0, 999):03d}"


def make_blocks(gen: Gen, n_tenants: int) -> list[dict[str, Any]]:
    blocks = []
    for i in range(max(3, n_tenants // 40)):
        town = data.TOWNS[i % len(data.TOWNS)]
        base = data.BLOCK_NAMES[i % len(data.BLOCK_NAMES)]
        name = base if i < len(data.BLOCK_NAMES) else f"{base} {town['town']} {i // len(data.BLOCK_NAMES)}"
        street = gen.pick(town["streets"])
        blocks.append(gen.add(Block, name=name, estate=f"{town['town']} estates", address_line1=f"1 {street}",
                              town=town["town"], postcode=_postcode(gen, gen.pick(town["districts"])),
                              ended_on=None))
    return blocks


def _home(gen: Gen, i: int, blocks: list[dict[str, Any]]) -> dict[str, Any]:
    uprn = str(100_000_000_000 + i)
    if gen.rng.random() < 0.35:
        block = gen.pick(blocks)
        return gen.add(Home, uprn=uprn, address_line1=f"Flat {gen.randint(1, 60)}, {block['name']}",
                       address_line2=block["address_line1"], town=block["town"], postcode=block["postcode"],
                       block_id=block["id"], ended_on=None)
    town = gen.pick(data.TOWNS)
    return gen.add(Home, uprn=uprn, address_line1=f"{gen.randint(1, 240)} {gen.pick(town['streets'])}",
                   address_line2="", town=town["town"], postcode=_postcode(gen, gen.pick(town["districts"])),
                   block_id=None, ended_on=None)


_WEIGHTED = [c for c in data.COMMUNITIES for _ in range(c["weight"])]


def _tenant(gen: Gen, i: int, home: dict[str, Any]) -> dict[str, Any]:
    community = gen.pick(_WEIGHTED)
    first, last = gen.pick(community["first"]), gen.pick(community["last"])
    interpreter = gen.rng.random() < community["interpreter"]
    values = dict(
        tenancy_ref=f"HA-{i + 1:06d}", title=gen.pick(data.TITLES), first_name=first, last_name=last,
        preferred_name="", phone=_phone(gen) if gen.rng.random() < 0.9 else "",
        email=f"tenant{i + 1}@example.org" if gen.rng.random() < 0.4 else "",
        preferred_contact=gen.pick(["phone", "phone", "text", "email", "letter"]),
        language=community["language"], interpreter_needed=interpreter, home_id=home["id"],
        tenancy_start=gen.days_ago(60, 9000), tenancy_end=None, date_of_birth=gen.days_ago(18 * 365, 95 * 365),
        private_notes="", demo=True)
    values["search_text"] = search_text(values, home)
    return gen.add(Tenant, **values)


def make_people(gen: Gen, n: int) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    blocks = make_blocks(gen, n)
    people = []
    for i in range(n):
        home = _home(gen, i, blocks)
        people.append((_tenant(gen, i, home), home))
    return people


def review_date(gen: Gen, due_soon: float = 0.015) -> date:
    """Mostly weeks or months ahead; a few (`due_soon` of them) due within a fortnight or just overdue,
    so the officer's review list stays a handful long."""
    if gen.rng.random() < due_soon:
        return gen.today + timedelta(days=gen.randint(-20, 14))
    return gen.today + timedelta(days=gen.randint(15, 330))


def _dates(gen: Gen) -> dict[str, Any]:
    start = gen.days_ago(30, 800)
    end = gen.days_ago(1, 15) if gen.rng.random() < 0.05 else None
    return {"start_date": start, "review_date": review_date(gen), "end_date": end}


def make_needs(gen: Gen, people) -> None:
    adjustments, warnings = adjustment_kinds(), warning_kinds()
    for tenant, home in people:
        kinds = set(gen.rng.sample(data.ADJUSTMENT_KINDS, gen.randint(1, 3))) if gen.rng.random() < 0.55 else set()
        if tenant["interpreter_needed"]:
            kinds.add("interpreter")
        for kind in sorted(kinds):
            gen.add(Adjustment, tenant_id=tenant["id"], kind=kind, instruction=adjustments.get(kind).instruction,
                    reason=gen.pick(data.ADJUSTMENT_REASONS.get(kind, [""])), share_with_contractors=True,
                    consent_given=True, consent_on=gen.today, **_dates(gen))
        if gen.rng.random() < 0.25:
            kind = gen.pick(data.PERSON_WARNING_KINDS)
            gen.add(RiskWarning, tenant_id=tenant["id"], home_id=None, kind=kind,
                    instruction=warnings.get(kind).instruction, details=gen.pick(data.WARNING_DETAILS.get(kind, [""])),
                    severity=gen.pick(["medium", "high"]), **_dates(gen))
        if gen.rng.random() < 0.45:
            kind = gen.pick(data.HOME_WARNING_KINDS)
            gen.add(RiskWarning, tenant_id=None, home_id=home["id"], kind=kind,
                    instruction=warnings.get(kind).instruction, details=gen.pick(data.WARNING_DETAILS.get(kind, [""])),
                    severity=gen.pick(["low", "medium", "high"]), **_dates(gen))


def make_visits(gen: Gen, people) -> None:
    types = [c for c in visit_types().codes() if c != "no_access"]
    for i, (tenant, _) in enumerate(people):
        for _ in range(gen.randint(0, 8)):
            gen.add(Visit, tenant_id=tenant["id"], visit_type=gen.pick(types), at=gen.at(gen.days_ago(1, 700)),
                    outcome=gen.pick(data.VISIT_OUTCOMES), notes=gen.pick(data.VISIT_NOTES), officer_id=None,
                    job_id=None)
        if i % 60 == 0:  # a few visits booked for today
            gen.add(Visit, tenant_id=tenant["id"], visit_type="home_visit", at=gen.at(gen.today, 9, 15),
                    outcome="", notes="", officer_id=None, job_id=None)
        late = i % 60 == 1 or i == 3  # past follow-ups are done, except a few due today or just overdue
        if i % 4 == 0 or late:
            due = gen.today - timedelta(days=gen.randint(0, 4)) if late else gen.days_ago(-45, 90)
            done = not late and due <= gen.today
            gen.add(FollowUp, tenant_id=tenant["id"], visit_id=None, action=gen.pick(data.FOLLOW_UP_ACTIONS),
                    due_date=due, done_on=due if done else None, assigned_to="")


def _refuse_unless_empty(conn) -> bool:
    """True when the store already holds demo data; DemoRefused when it holds anything else."""
    real = conn.execute(sql("SELECT count(*) FROM tenant WHERE demo = 0")).scalar_one()
    demo = conn.execute(sql("SELECT count(*) FROM tenant WHERE demo = 1")).scalar_one()
    others = sum(conn.execute(sql(f"SELECT count(*) FROM {t}")).scalar_one()
                 for t in ("home", "block", "contractor", "job"))
    if real or (others and not demo):
        raise DemoRefused("This store already holds records the demo did not make; use a new store for the demo.")
    return bool(demo)


def make_demo(store: Store, tenants: int = 300, seed: int = 1, today: date | None = None) -> DemoResult:
    """Fill `store` with demo data. Refuses (DemoRefused) a store holding records the demo did not make."""
    if tenants < 1:
        raise ValueError("The demo needs at least one tenant.")
    if tenants > MAX_TENANTS:
        raise DemoRefused(f"The demo makes at most {MAX_TENANTS:,} tenants; nothing was made.")
    gen = Gen(seed, today or date.today(), store.actor)
    with store.raw() as conn:
        if _refuse_unless_empty(conn):
            return DemoResult(already=True)
        people = make_people(gen, tenants)
        make_needs(gen, people)
        make_visits(gen, people)
        demo_works.make_works(gen, people)
        demo_access.make_access_states(gen)
        demo_doorstep.make_doorstep_states(gen)
        names = [cls.__tablename__ for cls in TABLES]
        with big_cache(conn), tenant_index_paused(conn), indexes_paused(conn, names):
            for cls in TABLES:
                insert_rows(conn, cls.__table__, gen.rows[cls])
        insert_rows(conn, Setting.__table__, [{"key": k, "value": v} for k, v in demo_works.SETTINGS.items()])
        demo_signoffs.add_signoff_states(conn, gen)
        demo_letters.add_letter_states(conn, gen)  # letters' settings and a doorstep password (issue #14)
        demo_feedback.add_survey_answers(conn, gen)  # survey answers for "You said, we did"
        result = DemoResult({cls.__tablename__: len(gen.rows[cls]) for cls in TABLES})
        audit_import(conn, store, "demo", f"demo data: {result}", action="demo")
    return result

