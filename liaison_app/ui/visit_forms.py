"""Logging a visit or call in a few keystrokes, and adding a follow-up action.

The visit form opens on the type with the time set to now: choose the type, Tab to the outcome,
type it, Ctrl+S. Follow-ups (what must happen next, and by when) are saved with the visit.
"""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication

from liaison_app.services import visits
from liaison_app.services.catalogues import visit_types
from liaison_app.ui.quiet_forms import QuietFormDialog

FOLLOW_UP_ROWS = 2
DEFAULT_DUE_DAYS = 7


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit_forms", text)


class VisitForm(QuietFormDialog):
    """Log a visit or contact (new), or change one already logged."""

    def __init__(self, store, tenant_id: str, visit=None, parent=None):
        super().__init__(_tr("Change visit or call") if visit else _tr("Log a visit or call"), parent)
        self.store = store
        self.tenant_id = tenant_id
        self.record = visit
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.add_combo("visit_type", _tr("&Type:"), visit_types(), visit.visit_type if visit else "phone_call")
        self.add_datetime("at", _tr("&When:"), visit.at if visit else None)
        self.add_line("outcome", _tr("&Outcome:"), visit.outcome if visit else "",
                      _tr("In a few words: what happened, what was agreed"))
        self.add_text("notes", _tr("&Notes:"), visit.notes if visit else "")
        self.mark_private("notes")
        if visit is None:
            due = date.today() + timedelta(days=DEFAULT_DUE_DAYS)
            for i in range(1, FOLLOW_UP_ROWS + 1):
                self.add_line(f"follow_up_{i}", _tr("Follow-up %d:") % i, "", _tr("What must happen next (optional)"))
                self.add_date(f"due_{i}", _tr("Due by:"), due)
        self.ready()

    def follow_ups(self) -> list[tuple[str, date]]:
        return [(self.value(f"follow_up_{i}"), self.value(f"due_{i}")) for i in range(1, FOLLOW_UP_ROWS + 1)
                if f"follow_up_{i}" in self.fields and self.value(f"follow_up_{i}")]

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.value("outcome") and not self.value("notes"):
            self.required(errors, "outcome", _tr("Say briefly what happened."))
        for i in range(1, FOLLOW_UP_ROWS + 1):
            if f"due_{i}" in self.fields and self.value(f"follow_up_{i}") and self.value(f"due_{i}") < date.today():
                errors[f"due_{i}"] = _tr("A follow-up is due today or later.")
        return errors

    def save(self):
        v = self.values()
        if self.record is None:
            return visits.log_visit(self.store, self.tenant_id, v["visit_type"], at=v["at"], outcome=v["outcome"],
                                    notes=v["notes"], follow_ups=self.follow_ups())
        changed = {k: v[k] for k in ("visit_type", "at", "outcome", "notes") if (self._snapshot or {}).get(k) != v[k]}
        return visits.change_visit(self.store, self.record.id, changed, expected_version=self.record.version)


class FollowUpForm(QuietFormDialog):
    """Add a follow-up action with a due date, or change one."""

    def __init__(self, store, tenant_id: str, follow_up=None, parent=None):
        super().__init__(_tr("Change follow-up") if follow_up else _tr("Add a follow-up"), parent)
        self.store = store
        self.tenant_id = tenant_id
        self.record = follow_up
        f = follow_up
        self.add_line("action", _tr("&Action:"), f.action if f else "", _tr("What must happen next"))
        self.add_date("due_date", _tr("&Due by:"), f.due_date if f else date.today() + timedelta(days=DEFAULT_DUE_DAYS))
        self.add_line("assigned_to", _tr("&Who:"), f.assigned_to if f else "", _tr("Optional: who will do it"))
        self.ready()

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.value("action"):
            self.required(errors, "action", _tr("Say what must happen next."))
        return errors

    def save(self):
        v = self.values()
        if self.record is None:
            return visits.add_follow_up(self.store, self.tenant_id, v["action"], v["due_date"],
                                        assigned_to=v["assigned_to"])
        changed = {k: v[k] for k in v if (self._snapshot or {}).get(k) != v[k]}
        return visits.change_follow_up(self.store, self.record.id, changed, expected_version=self.record.version)
