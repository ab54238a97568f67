"""One read per screen: everything a page shows, gathered in one call, as frozen rows (never ORM objects).

Pages call these off the UI thread (ui/workers.py `load`), so a read here must not touch Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_
from sqlmodel import select

from liaison_app.domain import ConductFeedback, Contractor, Operative
from liaison_app.services.catalogues import conduct_points
from liaison_app.store import Store


@dataclass(frozen=True)
class OperativeRow:
    id: str
    contractor_id: str
    name: str
    badge_number: str
    ended_on: date | None
    version: int
    # what the office records to book the right person (issue #12); gender only to honour a tenant's request
    gender: str = ""
    trade: str = ""
    gas_safe_number: str = ""
    gas_safe_expiry: date | None = None
    badge_expiry: date | None = None


@dataclass(frozen=True)
class ContractorRow:
    """A contractor as the Contractors page lists it, with its current operatives and feedback count."""

    id: str
    name: str
    phone: str
    email: str
    conduct_version: str
    conduct_signed_on: date | None
    ended_on: date | None
    version: int
    current_code: str  # the code-of-conduct version in force today
    feedback: int
    operatives: tuple[OperativeRow, ...]

    @property
    def signed_current_code(self) -> bool:
        return self.conduct_version == self.current_code

    @property
    def code_note(self) -> str:
        if not self.conduct_version:
            return f"Has not signed the code of conduct (current version {self.current_code})"
        if not self.signed_current_code:
            return f"Signed version {self.conduct_version}; the current version is {self.current_code}"
        return "Signed the current code of conduct"


@dataclass(frozen=True)
class ContractorsScreen:
    contractors: tuple[ContractorRow, ...]
    current_code: str


def _operative_row(o: Operative) -> OperativeRow:
    return OperativeRow(o.id, o.contractor_id, o.name, o.badge_number, o.ended_on, o.version, o.gender, o.trade,
                        o.gas_safe_number, o.gas_safe_expiry, o.badge_expiry)


def _contractor_row(c: Contractor, current: str, feedback: int,
                    operatives: tuple[OperativeRow, ...]) -> ContractorRow:
    return ContractorRow(c.id, c.name, c.phone, c.email, c.conduct_version, c.conduct_signed_on, c.ended_on,
                         c.version, current, feedback, operatives)


def contractors_screen(store: Store) -> ContractorsScreen:
    """Current contractors by name, each with its current operatives and tenant feedback count: three queries
    in one short session, however many contractors there are."""
    current = conduct_points().version
    with store.read() as session:
        contractors = session.exec(
            select(Contractor).where(or_(Contractor.ended_on.is_(None), Contractor.ended_on > date.today()))
            .order_by(Contractor.name)).all()
        operatives = session.exec(select(Operative).where(Operative.ended_on.is_(None))
                                  .order_by(Operative.name)).all()
        counts = dict(session.exec(select(ConductFeedback.contractor_id, func.count())
                                   .group_by(ConductFeedback.contractor_id)).all())
    by_contractor: dict[str, list[OperativeRow]] = {}
    for o in operatives:
        by_contractor.setdefault(o.contractor_id, []).append(_operative_row(o))
    rows = tuple(_contractor_row(c, current, counts.get(c.id, 0), tuple(by_contractor.get(c.id, ())))
                 for c in contractors)
    return ContractorsScreen(rows, current)
