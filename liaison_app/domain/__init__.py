"""Domain: SQLModel tables, enums, validation and pure rules. Imports nothing else of ours."""
from liaison_app.domain.admin import AuditEvent, ErasureLedger, Officer, Setting, SignInFailure
from liaison_app.domain.base import Record, new_id, utcnow
from liaison_app.domain.contact import FollowUp, Visit
from liaison_app.domain.homes import Block, Home, Tenant, tenant_search_text
from liaison_app.domain.needs import Adjustment, RiskWarning, SafeguardingConcern
from liaison_app.domain.signoff import SignOff
from liaison_app.domain.support import (
    ConductFeedback,
    SupportContact,
    SupportMeasure,
    SupportPlan,
    SupportPlanJob,
)
from liaison_app.domain.validation import ValidationError
from liaison_app.domain.works import AccessAttempt, Contractor, Job, Operative, SafetyCheck

__all__ = [
    "AccessAttempt", "Adjustment", "AuditEvent", "Block", "ConductFeedback", "Contractor", "ErasureLedger",
    "FollowUp",
    "Home", "Job", "Officer", "Operative", "Record", "RiskWarning", "SafeguardingConcern", "SafetyCheck",
    "Setting", "SignInFailure", "SignOff", "SupportContact", "SupportMeasure", "SupportPlan", "SupportPlanJob", "Tenant",
    "ValidationError", "Visit", "new_id", "tenant_search_text", "utcnow",
]
