"""The plain data a briefing or a day pack prints, and the fields that must never reach one.

`services.briefing` builds these values from the records (copying only what may be printed);
`printing` turns them into PDF. A private field cannot reach a PDF because it is never copied into
a `Briefing`: PRIVATE_FIELDS names them, per table, once.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

# The private fields of each table (by class name): never copied into a Briefing, never printed.
# Safeguarding concerns are private as a whole and are never loaded for a briefing at all.
PRIVATE_FIELDS: dict[str, tuple[str, ...]] = {
    "Tenant": ("date_of_birth", "private_notes"),
    "Adjustment": ("reason",),
    "RiskWarning": ("details", "informed", "informed_on"),
    "SafeguardingConcern": ("what_was_seen", "referred_to", "next_action"),
    "SupportPlan": ("strain",),
    "Visit": ("notes",),
    "AccessAttempt": ("notes", "withdrawn_reason"),
    "Operative": ("gender",),  # office data, only to honour a tenant's request: the briefing prints the instruction
}

# `progress(done, total)` is called as a pack's briefings are laid out; returning False cancels.
ProgressCallback = Callable[[int, int], bool]


class BuildCancelled(Exception):
    """A pack build was stopped by its progress callback; no file was left behind."""


@dataclass(frozen=True)
class SafetyItem:
    """One active risk warning, as an instruction (never its details)."""

    flag: str
    instruction: str
    high: bool


@dataclass(frozen=True)
class Briefing:
    """Everything a briefing prints, as plain strings. No ORM objects, no private fields."""

    job_id: str
    job_ref: str
    landlord_name: str
    printed_on: str
    printed_by: str
    tenant_name: str
    tenant_phone: str
    language: str
    address: str
    block: str
    appointment_date: str
    appointment_window: str
    appointment_sort: str
    contractor: str
    operative: str
    operative_badge: str
    trade: str
    job_type: str
    description: str
    complaint_ref: str
    complainant: str
    must_know: tuple[str, ...]
    before_you_arrive: tuple[str, ...]
    in_the_home: tuple[str, ...]
    your_safety: tuple[SafetyItem, ...]
    emergency_procedure: str
    conduct_reminders: tuple[str, ...]
    safeguarding_line: str
    flags: tuple[str, ...]
    # doorstep warnings about the booked operative, as instructions (domain.operatives): Gas Safe, double booking
    operative_warnings: tuple[str, ...] = ()
    # the word the tenant agreed with the office (issue #14): printed only in the confidential doorstep box
    doorstep_password: str = ""


@dataclass(frozen=True)
class Pack:
    """A contractor's day: the cover sheet's facts and one briefing per job, in appointment order."""

    landlord_name: str
    contractor: str
    day: str
    printed_on: str
    printed_by: str
    briefings: tuple[Briefing, ...]


@dataclass(frozen=True)
class Section:
    """A part of a plain document: a heading, some lines of text, and an optional table (headers and
    rows of plain text)."""

    heading: str
    lines: Sequence[str] = ()
    headers: Sequence[str] = ()
    rows: Sequence[Sequence[str]] = ()
    empty_text: str = "None recorded."


@dataclass(frozen=True)
class TableDocument:
    """A plain A4 document of headed tables (a report, access evidence): what services say it holds."""

    title: str
    intro: Sequence[str]
    sections: Sequence[Section]
    wide: bool = False
    footer: str = "Confidential — personal data."
    subject: str = ""


@dataclass(frozen=True)
class RecordSection:
    """A heading and the records under it, each a mapping of field name to plain value."""

    heading: str
    rows: Sequence[Mapping[str, Any]] = ()


@dataclass(frozen=True)
class SubjectAccessDocument:
    """The readable subject access export: every section held on a tenancy, and (for a safeguarding lead
    only) a part marked for review before disclosure."""

    tenancy_ref: str
    made_at: str
    sections: Sequence[RecordSection]
    review_heading: str = ""
    review_note: str = ""
    review_sections: Sequence[RecordSection] | None = None
