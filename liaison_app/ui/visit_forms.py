"""Logging a visit or call in a few keystrokes, and adding a follow-up action.

The visit form opens on the type with the time set to now: choose the type, Tab to the outcome,
type it, Ctrl+S. Follow-ups (what must happen next, and by when) are saved with the visit.
"""
from __future__ import annotations

from datetime import date, timedelta


from liaison_app.services import visits
from liaison_app.services.catalogues import visit_types
from liaison_app.ui.forms import FormDialog
from liaison_app.ui.i18n import tr

FOLLOW_UP_ROWS = 2
DEFAULT_DUE_DAYS = 7


class VisitForm(FormDialog):
    """Log a visit or contact (new), or change one already logged."""

    def __init__(self, store, tenant_id: str, visit=None, parent=None):
        super().__init__(tr("visit_forms", "Change visit or call") if visit else tr("visit_forms", "Log a visit or call"), parent)
        self.store = store
        self.tenant_id = tenant_id
        self.record = visit
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.add_combo("visit_type", tr("visit_forms", "&Type:"), visit_types(), visit.visit_type if visit else "phone_call")
        self.add_datetime("at", tr("visit_forms", "&When:"), visit.at if visit else None)
        self.add_line("outcome", tr("visit_forms", "&Outcome:"), visit.outcome if visit else "",
                      tr("visit_forms", "In a few words: what happened, what was agreed"))
        self.add_text("notes", tr("visit_forms", "&Notes:"), visit.notes if visit else "")
        self.mark_private("notes")
        if visit is None:
            due = date.today() + timedelta(days=DEFAULT_DUE_DAYS)
            for i in range(1, FOLLOW_UP_ROWS + 1):
                self.add_line(f"follow_up_{i}", tr("visit_forms", "Follow-up %d:") % i, "", tr("visit_forms", "What must happen next (optional)"))
                self.add_date(f"due_{i}", tr("visit_forms", "Due by:"), due)
        self.ready()

    def follow_ups(self) -> list[tuple[str, date]]:
        return [(self.value(f"follow_up_{i}"), self.value(f"due_{i}")) for i in range(1, FOLLOW_UP_ROWS + 1)
                if f"follow_up_{i}" in self.fields and self.value(f"follow_up_{i}")]

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.value("outcome") and not self.value("notes"):
            self.required(errors, "outcome", tr("visit_forms", "Say briefly what happened."))
        for i in range(1, FOLLOW_UP_ROWS + 1):
            if f"due_{i}" in self.fields and self.value(f"follow_up_{i}") and self.value(f"due_{i}") < date.today():
                errors[f"due_{i}"] = tr("visit_forms", "A follow-up is due today or later.")
        return errors

    def save(self):
        v = self.values()
        if self.record is None:
            return visits.log_visit(self.store, self.tenant_id, v["visit_type"], at=v["at"], outcome=v["outcome"],
                                    notes=v["notes"], follow_ups=self.follow_ups())
        changed = {k: v[k] for k in ("visit_type", "at", "outcome", "notes") if (self._snapshot or {}).get(k) != v[k]}
        return visits.change_visit(self.store, self.record.id, changed, expected_version=self.record.version)


class FollowUpForm(FormDialog):
    """Add a follow-up action with a due date, or change one."""

    def __init__(self, store, tenant_id: str, follow_up=None, parent=None):
        super().__init__(tr("visit_forms", "Change follow-up") if follow_up else tr("visit_forms", "Add a follow-up"), parent)
        self.store = store
        self.tenant_id = tenant_id
        self.record = follow_up
        f = follow_up
        self.add_line("action", tr("visit_forms", "&Action:"), f.action if f else "", tr("visit_forms", "What must happen next"))
        self.add_date("due_date", tr("visit_forms", "&Due by:"), f.due_date if f else date.today() + timedelta(days=DEFAULT_DUE_DAYS))
        self.add_line("assigned_to", tr("visit_forms", "&Who:"), f.assigned_to if f else "", tr("visit_forms", "Optional: who will do it"))
        self.ready()

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.value("action"):
            self.required(errors, "action", tr("visit_forms", "Say what must happen next."))
        return errors

    def save(self):
        v = self.values()
        if self.record is None:
            return visits.add_follow_up(self.store, self.tenant_id, v["action"], v["due_date"],
                                        assigned_to=v["assigned_to"])
        changed = {k: v[k] for k in v if (self._snapshot or {}).get(k) != v[k]}
        return visits.change_follow_up(self.store, self.record.id, changed, expected_version=self.record.version)
