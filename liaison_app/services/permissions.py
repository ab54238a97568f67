"""Who may do what: the three roles, the admin-only gate, and who may see a safeguarding concern.

Every service asks here, so one rule answers the same everywhere (the concern tab, a generic
`records.get`, a subject access export). Imports only domain: any service may import it without
a cycle.

Roles: an officer; a safeguarding lead (sees every safeguarding concern); an admin (officer accounts,
settings, backups to a chosen file, subject access, erasure, the audit trail). Before the first account
exists, the operating-system user acts as an admin (store.actor_role defaults to "admin").
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from liaison_app.domain import SafeguardingConcern
from liaison_app.domain.enums import Role

if TYPE_CHECKING:  # typing only: services sit above store
    from liaison_app.store import Store

ADMIN_ONLY_MESSAGE = "Your role does not allow this. Ask an administrator."


class NotAllowed(PermissionError):
    """The signed-in officer's role does not allow this."""


def require_role(store: Store, *roles: str, message: str = ADMIN_ONLY_MESSAGE) -> None:
    """Raise NotAllowed unless the signed-in officer has one of `roles`."""
    if store.actor_role not in roles:
        raise NotAllowed(message)


def is_admin(store: Store) -> bool:
    return store.actor_role == Role.ADMIN


def is_safeguarding_lead(store: Store) -> bool:
    return store.actor_role == Role.SAFEGUARDING_LEAD


def may_see_concern(store: Store, concern: SafeguardingConcern) -> bool:
    """Safeguarding leads see every concern; anyone else only the concerns they raised themselves."""
    if is_safeguarding_lead(store):
        return True
    if store.actor_id:
        return concern.raised_by_officer_id == store.actor_id
    # No accounts yet: the operating-system user sees what they raised themselves.
    return concern.raised_by_officer_id is None and concern.created_by == store.actor


def may_read(store: Store, record: Any) -> bool:
    """May the signed-in officer see this record at all? (Only safeguarding concerns are restricted.)"""
    if isinstance(record, SafeguardingConcern):
        return may_see_concern(store, record)
    return True
