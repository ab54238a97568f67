"""The team of the safeguarding tests: an admin, two officers (olu, pat), a safeguarding lead, one tenant."""
from __future__ import annotations

from liaison_app.services import officers
from liaison_app.services.tenants import create_tenant


def officers_and_tenant(store, password: str, lead: str):
    """Ada (admin, signed in) adds olu and pat (officers) and `lead` (safeguarding lead), then tenant T-1.
    Returns the tenant; Ada is still the one signed in."""
    officers.create_officer(store, "ada", "Ada Admin", "admin", password)
    officers.sign_in(store, "ada", password)
    for name, role in (("olu", "officer"), ("pat", "officer"), (lead, "safeguarding_lead")):
        officers.create_officer(store, name, name.title(), role, password)
    return create_tenant(store, tenancy_ref="T-1", first_name="Ann", last_name="Able",
                         address_line1="1 Elm Street", postcode="BA12 9AB")
