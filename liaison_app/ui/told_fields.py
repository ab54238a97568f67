"""The warning form's "was the person told?" fields (UKHDS "informed", issue #12 point 7): yes / no /
not recorded, and the date they were told. Office data: marked private, never printed."""
from __future__ import annotations

from datetime import date
from typing import Any

from liaison_app.domain.needs import clean_informed
from liaison_app.domain.validation import ValidationError
from liaison_app.ui.i18n import tr


def add_told_fields(form: Any, warning: Any | None) -> None:
    """Add "Person told" (yes / no / not recorded) and "Told on" (a date, only with yes) to a FormDialog."""
    choices = [("yes", tr("WarningForm", "Yes, the person was told")),
               ("no", tr("WarningForm", "No, not told (say why in the details)"))]
    form.add_combo("informed", tr("WarningForm", "Person &told:"), choices, warning.informed if warning else "",
                   blank=tr("WarningForm", "Not recorded"))
    form.add_date("informed_on", tr("WarningForm", "Told &on:"), warning.informed_on if warning else None,
                  optional=True)
    form.mark_private("informed")


def told_errors(form: Any) -> dict[str, str]:
    """The rule's message beside the field: a date only with "yes", never in the future."""
    try:
        clean_informed(form.value("informed"), form.value("informed_on"), date.today())
    except ValidationError as exc:
        return {exc.field or "informed": str(exc)}
    return {}
