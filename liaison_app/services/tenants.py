"""Tenants and their homes: find, create, change, and the short flags shown beside a name.

Every write keeps `Tenant.search_text` in step (names, reference, address, postcode), including
when the address of the home changes, and is audited (field names, never values).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, func, select

from liaison_app.domain import Adjustment, Block, Home, RiskWarning, SupportPlan, Tenant, tenant_search_text, utcnow
from liaison_app.domain.validation import ValidationError
from liaison_app.services import tenant_fields
from liaison_app.services.audit import record_event
from liaison_app.services.catalogues import adjustment_kinds, warning_kinds
from liaison_app.services.records import Change, NotFound, add_new, load_current
from liaison_app.store import Store
from liaison_app.store import search as store_search
from liaison_app.store import search_list

REVIEW_SOON_DAYS = 14


@dataclass
class TenantRow:
    id: str
    tenancy_ref: str
    name: str
    address: str
    postcode: str
    flags: list[str] = field(default_factory=list)


def _row(hit: store_search.TenantHit, flags: list[str]) -> TenantRow:
    first = hit.preferred_name or hit.first_name
    address = ", ".join(p for p in (hit.address_line1, hit.address_line2, hit.town) if p)
    return TenantRow(hit.id, hit.tenancy_ref, f"{first} {hit.last_name}".strip(), address, hit.postcode or "", flags)


def search_tenants(store: Store, text: str, limit: int = 50, offset: int = 0,
                   after: tuple[int, str] | None = None) -> list[TenantRow]:
    """Tenants whose name, preferred name, reference, address or postcode match `text`, by last name.
    `after` (place, tenant id): a tenant already shown at an earlier place of the whole list, to read on
    from (store.search.search)."""
    hits = store_search.search(store, text, limit, offset, after)
    flags = _flags_for(store, [h.id for h in hits], date.today())
    return [_row(h, flags.get(h.id, [])) for h in hits]


def search_tenants_counted(store: Store, text: str, limit: int = 50,
                           at_most: int | None = None) -> tuple[list[TenantRow], int]:
    """What a list shows first for `text`, in one read: `search_tenants(store, text, limit)` and
    `count_tenants(store, text, at_most)` (store/search_list.py)."""
    today = date.today()
    hits, found, codes = search_list.first_page(store, text, limit, at_most, today.isoformat())
    flags = _flags_from(codes)
    return [_row(h, flags.get(h.id, [])) for h in hits], found


def count_tenants(store: Store, text: str, at_most: int | None = None) -> int:
    """How many tenants `search_tenants` finds for `text`; with `at_most`, at most at_most + 1 (counting
    stops there: "more than at_most")."""
    return store_search.count(store, text, at_most)


def flags_for(store: Store, ids: list[str], on: date | None = None, *, risks_first: bool = False) -> dict[str, list[str]]:
    """Each tenant's flags (as `tenant_badges` gives them, without "Review due"); risk warnings first if asked."""
    found = _flags_for(store, ids, on or date.today())
    if risks_first:
        risks = {k.label for k in warning_kinds().kinds}
        found = {t: sorted(f, key=lambda b: b not in risks) for t, f in found.items()}
    return found


def screen_flag(source: str, code: str) -> str:
    """A flag in the officer's words: the catalogue's label ("Dangerous animal", "Time to answer the door"),
    not the short badge printed on pack cover sheets ("Dog", "Door time")."""
    if source == "plan":
        return "Support plan"
    catalogue = adjustment_kinds() if source == "adjustment" else warning_kinds()
    kind = catalogue.get(code)
    if kind is not None and code == "other":
        return kind.get("badge") or kind.label
    return catalogue.label(code)


def _flags_for(store: Store, ids: list[str], on: date) -> dict[str, list[str]]:
    return _flags_from(store_search.flag_codes(store, ids, on.isoformat()))


def _flags_from(codes: list[tuple[str, str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    labels: dict[tuple[str, str], str] = {}  # a page holds a few kinds many times over
    for tenant_id, source, code in codes:
        badge = labels.get((source, code))
        if badge is None:
            badge = labels[(source, code)] = screen_flag(source, code)
        flags = out.setdefault(tenant_id, [])
        if badge not in flags:
            flags.append(badge)
    return out


def tenant_badges(store: Store, tenant_id: str, on: date | None = None) -> list[str]:
    """Short flags for a tenant: active adjustments and warnings (catalogue badges), "Support plan",
    and "Review due" when a review falls within two weeks or is overdue."""
    on = on or date.today()
    badges = _flags_for(store, [tenant_id], on).get(tenant_id, [])
    if _review_due(store, tenant_id, on):
        badges.append("Review due")
    return badges


def _review_due(store: Store, tenant_id: str, on: date) -> bool:
    soon = on + timedelta(days=REVIEW_SOON_DAYS)
    with store.read() as session:
        tenant = session.get(Tenant, tenant_id)
        if tenant is None:
            raise NotFound("No such tenant.")
        for cls in (Adjustment, RiskWarning):
            owner = cls.tenant_id == tenant_id
            if cls is RiskWarning and tenant.home_id:
                owner = owner | (RiskWarning.home_id == tenant.home_id)
            stmt = select(func.count()).select_from(cls).where(
                owner, cls.review_date.is_not(None), cls.review_date <= soon,
                (cls.end_date.is_(None)) | (cls.end_date > on))
            if session.exec(stmt).one():
                return True
        stmt = select(func.count()).select_from(SupportPlan).where(
            SupportPlan.tenant_id == tenant_id, SupportPlan.closed_on.is_(None),
            SupportPlan.review_date.is_not(None), SupportPlan.review_date <= soon)
        return bool(session.exec(stmt).one())


def get_tenant(store: Store, tenant_id: str) -> tuple[Tenant, Home | None, Block | None]:
    with store.read() as session:
        tenant = session.get(Tenant, tenant_id)
        if tenant is None:
            raise NotFound("No such tenant.")
        home = session.get(Home, tenant.home_id) if tenant.home_id else None
        block = session.get(Block, home.block_id) if home and home.block_id else None
        return tenant, home, block


def find_tenant(store: Store, tenancy_ref: str) -> Tenant | None:
    with store.read() as session:
        return session.exec(select(Tenant).where(Tenant.tenancy_ref == tenancy_ref.strip())).first()


def create_tenant(store: Store, *, tenancy_ref: str, first_name: str, last_name: str, address_line1: str,
                  postcode: str, title: str = "", preferred_name: str = "", phone: str = "", email: str = "",
                  preferred_contact: str = "", language: str = "", interpreter_needed: bool = False,
                  uprn: str | None = None, address_line2: str = "", town: str = "", block: str | None = None,
                  tenancy_start: date | str | None = None) -> Tenant:
    """A new tenancy, in a home found by UPRN or address (made if new), in a block (made if new)."""
    values = dict(tenancy_ref=tenancy_ref, first_name=first_name, last_name=last_name,
                  address_line1=address_line1, postcode=postcode, title=title, preferred_name=preferred_name,
                  phone=phone, email=email, preferred_contact=preferred_contact, language=language,
                  interpreter_needed=interpreter_needed, uprn=uprn, address_line2=address_line2, town=town,
                  block=block, tenancy_start=tenancy_start)
    cleaned = tenant_fields.clean_values(values)
    tenant_values, home_values, block_name = tenant_fields.split(cleaned)
    with store.write() as session:
        if session.exec(select(Tenant.id).where(Tenant.tenancy_ref == cleaned["tenancy_ref"])).first():
            raise ValidationError("A tenant with this tenancy reference already exists.", field="tenancy_ref")
        block_row = _block_named(session, store, block_name) if block_name else None
        home = _home_for(session, store, home_values, block_row)
        tenant = Tenant(**tenant_values, home_id=home.id)
        tenant.search_text = tenant_search_text(tenant, home)
        add_new(session, store, tenant)  # no reference in the trail: it must not outlive an erasure
    return tenant


def _block_named(session: Session, store: Store, name: str) -> Block:
    block = session.exec(select(Block).where(Block.name == name)).first()
    return block or add_new(session, store, Block(name=name))


def _home_for(session: Session, store: Store, values: dict[str, Any], block: Block | None) -> Home:
    home = None
    if values.get("uprn"):
        home = session.exec(select(Home).where(Home.uprn == values["uprn"])).first()
    if home is None:
        home = session.exec(select(Home).where(
            func.lower(Home.address_line1) == values["address_line1"].lower(),
            Home.postcode == values["postcode"])).first()
    if home is not None:
        return home
    home = Home(**values, block_id=block.id if block else None)
    return add_new(session, store, home)


def change_tenant(store: Store, tenant_id: str, values: dict[str, Any], expected_version: int | None = None) -> Change:
    """Change a tenant (and, for address fields and `block`, their home) in one transaction.

    The returned Change names every field changed, tenant and home alike; `undo_tenant_change`
    puts them back."""
    cleaned = tenant_fields.clean_values(values)
    tenant_values, home_values, block_name = tenant_fields.split(cleaned)
    with store.write() as session:
        tenant = load_current(session, Tenant, tenant_id, expected_version)
        if "tenancy_ref" in tenant_values and tenant_values["tenancy_ref"] != tenant.tenancy_ref:
            if session.exec(select(Tenant.id).where(Tenant.tenancy_ref == tenant_values["tenancy_ref"])).first():
                raise ValidationError("A tenant with this tenancy reference already exists.", field="tenancy_ref")
        home = session.get(Home, tenant.home_id) if tenant.home_id else None
        before, after = _apply(tenant, tenant_values)
        if home is not None and (home_values or block_name is not False):
            hb, ha = _change_home_in(session, store, home, home_values, block_name)
            before.update(hb)
            after.update(ha)
        if not after:
            return Change(Tenant, tenant_id, {}, {}, tenant.version)
        _touch(store, tenant)
        tenant.search_text = tenant_search_text(tenant, home)
        session.flush()
        tenant_changed = [k for k in after if k in tenant_fields.TENANT_FIELDS]
        if tenant_changed:
            record_event(session, store.actor, "change", "tenant", tenant_id, tenant_changed)
        return Change(Tenant, tenant_id, before, after, tenant.version)


def undo_tenant_change(store: Store, change_made: Change) -> Change:
    """Put back what `change_tenant` replaced (refused if the tenant changed again since)."""
    return change_tenant(store, change_made.record_id, change_made.before, expected_version=change_made.version)


def _apply(obj: Any, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    before, after = {}, {}
    for k, v in values.items():
        if getattr(obj, k) != v:
            before[k], after[k] = getattr(obj, k), v
            setattr(obj, k, v)
    return before, after


def _touch(store: Store, obj: Any) -> None:
    obj.updated_at = utcnow()
    obj.updated_by = store.actor


def _change_home_in(session: Session, store: Store, home: Home, values: dict[str, Any],
                    block_name: str | None | bool) -> tuple[dict[str, Any], dict[str, Any]]:
    if values.get("uprn") and values["uprn"] != home.uprn:
        if session.exec(select(Home.id).where(Home.uprn == values["uprn"], Home.id != home.id)).first():
            raise ValidationError("Another home already has this UPRN.", field="uprn")
    before, after = _apply(home, values)
    if block_name is not False:
        block_id = _block_named(session, store, block_name).id if block_name else None
        if block_id != home.block_id:
            old = session.get(Block, home.block_id).name if home.block_id else None
            before["block"], after["block"] = old, block_name
            home.block_id = block_id
    if not after:
        return before, after
    _touch(store, home)
    session.flush()
    record_event(session, store.actor, "change", "home", home.id, after.keys())
    _refresh_search_text(session, home)
    return before, after


def _refresh_search_text(session: Session, home: Home) -> None:
    for tenant in session.exec(select(Tenant).where(Tenant.home_id == home.id)):
        text = tenant_search_text(tenant, home)
        if tenant.search_text != text:
            tenant.search_text = text
    session.flush()


def change_home(store: Store, home_id: str, values: dict[str, Any], expected_version: int | None = None) -> Change:
    """Change a home's address (or UPRN, or block); every tenant living there stays findable by it."""
    cleaned = tenant_fields.clean_values(values)
    _, home_values, block_name = tenant_fields.split(cleaned)
    with store.write() as session:
        home = load_current(session, Home, home_id, expected_version)
        before, after = _change_home_in(session, store, home, home_values, block_name)
        return Change(Home, home_id, before, after, home.version)
