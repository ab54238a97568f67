"""The registry of the main window's pages and the Officer menu's dialogs, by plain import.

A page or dialog missing from a build fails here, at import, in every test and at start-up —
never silently. Ctrl+1 opens the first page, Ctrl+2 the second, and so on. The tenant record's
tabs are listed the same way in ui/record_tabs.py (apart, because the record is itself inside a page).
"""
from __future__ import annotations

from dataclasses import dataclass


from liaison_app.ui.audit_viewer import AuditViewer
from liaison_app.ui.contractors_page import ContractorsPage
from liaison_app.ui.jobs_page import JobsPage
from liaison_app.ui.officers_dialog import ChangePasswordForm, OfficersDialog
from liaison_app.ui.reports_page import ReportsPage
from liaison_app.ui.settings_page import SettingsPage
from liaison_app.ui.tenants_page import TenantsPage
from liaison_app.ui.today_page import TodayPage
from liaison_app.ui.i18n import tr


@dataclass(frozen=True)
class PageSpec:
    """A page of the main window: its key (for LIAISON_START_PAGE and links), label and class."""

    key: str
    label: str
    page_class: type


@dataclass(frozen=True)
class DialogSpec:
    """A dialog of the Officer menu, taking (store, parent); `admin_only` hides it from other roles."""

    label: str
    dialog_class: type
    admin_only: bool
    needs_account: bool = False


def page_specs() -> tuple[PageSpec, ...]:
    """Every page, in navigation order."""
    return (
        PageSpec("today", tr("navigation", "Today"), TodayPage),
        PageSpec("tenants", tr("navigation", "Tenants"), TenantsPage),
        PageSpec("jobs", tr("navigation", "Jobs"), JobsPage),
        PageSpec("contractors", tr("navigation", "Contractors"), ContractorsPage),
        PageSpec("settings", tr("navigation", "Settings"), SettingsPage),
        PageSpec("reports", tr("navigation", "Reports"), ReportsPage),
    )


def officer_dialogs() -> tuple[DialogSpec, ...]:
    """The Officer menu's dialogs, after "Lock now"."""
    return (
        DialogSpec(tr("navigation", "&Change my password…"), ChangePasswordForm, admin_only=False,
                   needs_account=True),
        DialogSpec(tr("navigation", "&Officers…"), OfficersDialog, admin_only=True),
        DialogSpec(tr("navigation", "&Audit trail…"), AuditViewer, admin_only=True),
    )
