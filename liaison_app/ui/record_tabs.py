"""The registry of the tenant record's tabs, in the order they show, by plain import.

Each tab class takes (store, tenant_id, parent) and is built the first time its tab is shown.
"""
from __future__ import annotations

from dataclasses import dataclass


from liaison_app.ui.adjustments_tab import AdjustmentsTab
from liaison_app.ui.conduct_tab import ConductTab
from liaison_app.ui.safeguarding_tab import SafeguardingTab
from liaison_app.ui.support_tab import SupportPlansTab
from liaison_app.ui.tenant_jobs_tab import TenantJobsTab
from liaison_app.ui.visits_tab import VisitsTab
from liaison_app.ui.warnings_tab import WarningsTab
from liaison_app.ui.i18n import tr


@dataclass(frozen=True)
class TabSpec:
    label: str
    tab_class: type

    @property
    def class_name(self) -> str:
        return self.tab_class.__name__


def tab_specs() -> tuple[TabSpec, ...]:
    return (
        TabSpec(tr("tenant_record", "&Wishes && adjustments"), AdjustmentsTab),
        TabSpec(tr("tenant_record", "Safe&ty warnings"), WarningsTab),
        TabSpec(tr("tenant_record", "Support &plans"), SupportPlansTab),
        TabSpec(tr("tenant_record", "&Visits && follow-ups"), VisitsTab),
        TabSpec(tr("tenant_record", "&Jobs"), TenantJobsTab),
        TabSpec(tr("tenant_record", "&Conduct feedback"), ConductTab),
        TabSpec(tr("tenant_record", "Safeguar&ding"), SafeguardingTab),
    )
