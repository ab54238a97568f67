"""Record a tenant's feedback on a contractor's conduct, against a code-of-conduct point."""
from __future__ import annotations

from datetime import date

from liaison_app.services import conduct, works
from liaison_app.services.catalogues import conduct_points
from liaison_app.ui.forms import FormDialog


class ConductFeedbackDialog(FormDialog):
    """New feedback; the contractor defaults to the job's. `result_value` is the saved feedback."""

    def __init__(self, store, tenant_id: str | None = None, job_id: str | None = None,
                 contractor_id: str | None = None, parent=None) -> None:
        super().__init__(self.tr("Conduct feedback"), parent)
        self.store, self.tenant_id, self.job_id = store, tenant_id, job_id
        if job_id and not contractor_id:
            contractor_id = works.get_job(store, job_id).contractor_id
        contractors = [(c.id, c.name) for c in works.list_contractors(store)]
        self.add_combo("contractor_id", self.tr("&Contractor:"), contractors, contractor_id or "",
                       blank=self.tr("Choose…"))
        self.add_combo("point", self.tr("Code-of-conduct &point:"), conduct_points(), "", blank=self.tr("Choose…"))
        self.add_date("received_on", self.tr("&Received on:"), date.today())
        self.add_text("what_was_said", self.tr("&What the tenant said:"))
        self.add_text("action_taken", self.tr("&Action taken:"))
        self.ready()

    def validate(self) -> dict[str, str]:
        errors = {}
        self.require(errors, {"contractor_id": self.tr("Choose the contractor."),
                              "point": self.tr("Choose the code-of-conduct point.")})
        if self.value("received_on") > date.today():
            errors["received_on"] = self.tr("The date feedback was received is in the future.")
        return errors

    def save(self):
        return conduct.record_feedback(self.store, tenant_id=self.tenant_id, job_id=self.job_id, **self.values())
