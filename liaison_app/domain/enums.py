"""Fixed vocabularies stored as text (portable: no native database enums).

Catalogue kinds (adjustment kinds, warning kinds, job types, visit types, conduct points) are
data in resources/catalogues, not enums: a landlord can extend them without code changes.
"""
from __future__ import annotations

from enum import Enum


class TextEnum(str, Enum):
    def __str__(self) -> str:  # prints as its value
        return self.value

    @classmethod
    def values(cls) -> list[str]:
        return [m.value for m in cls]

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class PreferredContact(TextEnum):
    PHONE = "phone"
    TEXT = "text"
    EMAIL = "email"
    LETTER = "letter"


class Severity(TextEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @classmethod
    def rank(cls, value: str) -> int:
        """The one severity order, most serious first: high 0, medium 1, low 2.

        A value that is not a severity (only old or hand-edited data) ranks as medium, the default."""
        order = (cls.HIGH, cls.MEDIUM, cls.LOW)
        return order.index(value) if value in order else order.index(cls.MEDIUM)


class JobStatus(TextEnum):
    OPEN = "open"
    BOOKED = "booked"
    COMPLETED = "completed"
    NO_ACCESS = "no_access"
    CANCELLED = "cancelled"


class AccessMethod(TextEnum):
    VISIT = "visit"
    CALL = "call"
    LETTER = "letter"


class AccessOutcome(TextEnum):
    NO_ANSWER = "no_answer"
    REFUSED = "refused"
    RESCHEDULED = "rescheduled"
    ACCESS_GAINED = "access_gained"


class LetterStage(TextEnum):
    FIRST = "first"
    SECOND = "second"
    FINAL = "final"


class PlanStatus(TextEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    CLOSED = "closed"


class SafeguardingCategory(TextEnum):
    CHILD = "child"
    ADULT_AT_RISK = "adult_at_risk"
    DOMESTIC_ABUSE = "domestic_abuse"
    ANIMAL_WELFARE = "animal_welfare"
    SELF_NEGLECT = "self_neglect"


class ConcernStatus(TextEnum):
    OPEN = "open"
    REFERRED = "referred"
    CLOSED = "closed"


class Role(TextEnum):
    OFFICER = "officer"
    SAFEGUARDING_LEAD = "safeguarding_lead"
    ADMIN = "admin"


class ContactRole(TextEnum):
    SUPPORT_WORKER = "support_worker"
    FAMILY = "family"
    ADVOCATE = "advocate"
    CARER = "carer"
    OTHER = "other"
