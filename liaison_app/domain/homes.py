"""Where tenants live: blocks (communal areas) and homes, and the tenancies in them."""
from __future__ import annotations

from datetime import date
from typing import Optional

from sqlmodel import Field

from liaison_app.domain.base import Record
from liaison_app.domain.text import fold_joined


class Block(Record, table=True):
    """A communal block or estate: the place a communal job or communal check belongs to."""

    name: str = Field(index=True, unique=True)
    estate: str = ""
    address_line1: str = ""
    town: str = ""
    postcode: str = ""
    ended_on: Optional[date] = None


class Home(Record, table=True):
    uprn: Optional[str] = Field(default=None, index=True, unique=True, max_length=12)
    address_line1: str
    address_line2: str = ""
    town: str = ""
    postcode: str = Field(index=True)
    block_id: Optional[str] = Field(default=None, foreign_key="block.id", index=True)
    ended_on: Optional[date] = None

    def one_line(self) -> str:
        parts = [self.address_line1, self.address_line2, self.town, self.postcode]
        return ", ".join(p for p in parts if p)


class Tenant(Record, table=True):
    """A tenancy and its lead tenant: the person officers know by name and reference."""

    tenancy_ref: str = Field(index=True, unique=True)
    title: str = ""
    first_name: str
    last_name: str = Field(index=True)
    preferred_name: str = ""
    phone: str = ""
    email: str = ""
    preferred_contact: str = ""
    language: str = ""
    interpreter_needed: bool = False
    home_id: Optional[str] = Field(default=None, foreign_key="home.id", index=True)
    tenancy_start: Optional[date] = None
    tenancy_end: Optional[date] = None
    # A word the tenant agreed with the office: the operative says it at the door. Shown only to officers,
    # printed only in the briefing's confidential box; never in a letter, a log or an audit event.
    doorstep_password: str = ""
    # Private: never printed on a briefing, never logged.
    date_of_birth: Optional[date] = None
    private_notes: str = ""
    # Case-folded name, reference, address and postcode, kept by services for fast search.
    search_text: str = Field(default="", index=False)
    # What the last `import tenants` row for this tenancy held (a hash of its cells, with the tenant's,
    # home's and block's versions after it): an unchanged re-import skips the row (services/import_rows.py).
    import_hash: str = ""
    # Set when the demo command made this record, so `demo` can refuse a store with real data.
    demo: bool = False

    @property
    def display_name(self) -> str:
        """The name the tenant likes to be addressed by."""
        first = self.preferred_name or self.first_name
        return f"{first} {self.last_name}".strip()

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.title, self.first_name, self.last_name) if p)


def tenant_search_text(tenant: Tenant, home: Home | None) -> str:
    """What tenant search looks in: names, reference, address and postcode (with and without its space),
    folded (domain.text.fold) so 'ŁUCJA' finds 'łucja' and 'celik' finds 'Çelik'."""
    address = None if home is None else (home.address_line1, home.address_line2, home.town, home.postcode, home.uprn)
    return search_text_of(tenant.first_name, tenant.preferred_name, tenant.last_name, tenant.tenancy_ref, address)


def search_text_of(first_name: str, preferred_name: str, last_name: str, tenancy_ref: str,
                   address: tuple[str, str, str, str, str | None] | None) -> str:
    """tenant_search_text from the values themselves (an import makes 125,000 of them): `address` is the
    home's (address_line1, address_line2, town, postcode, uprn), or None for no home."""
    parts = [first_name, preferred_name, last_name, tenancy_ref]
    if address is not None:
        line1, line2, town, postcode, uprn = address
        parts += [line1, line2, town, postcode, postcode.replace(" ", ""), uprn or ""]
    return fold_joined([p for p in parts if p])
