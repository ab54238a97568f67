"""The concern form's next action and review date (issue #12 point 7): what the officer or lead will do
next, and when a safeguarding lead looks at it again (their Today lists it when due).

The next action is private, like the whole concern: never printed, never on a report, and seen only by
whoever may see the concern (the service answers a concern another officer may not see as not found).
"""
from __future__ import annotations

from datetime import date, timedelta
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.i18n import tr

REVIEW_AFTER_DAYS = 14  # the date offered when "Review by" is ticked


def add_review_fields(form: FormDialog, next_action: str = "", review: date | None = None,
                      raised_on: date | None = None) -> None:
    """Add "Next action" (private) and "Review by" to a concern form."""
    form.add_text("next_action", tr("ConcernForm", "&Next action:"), next_action,
                  tr("ConcernForm", "What will be done next, and by whom"))
    form.mark_private("next_action")
    start = raised_on or date.today()
    form.add_date("review_date", tr("ConcernForm", "Re&view by:"), review, optional=True,
                  default=max(start, date.today()) + timedelta(days=REVIEW_AFTER_DAYS))


def review_errors(form: FormDialog, raised_on: date) -> dict[str, str]:
    review = form.value("review_date")
    if review is not None and review < raised_on:
        return {"review_date": tr("ConcernForm", "The review date is before the concern was raised.")}
    return {}
