"""The briefing use cases: what one job's briefing or a contractor's day pack prints, and the audit
of each one printed, saved or viewed.

`briefing_rules.build_briefing` decides what may be printed (the redaction rules), `briefing_load`
reads the records in one short session; callers (ui/, cli/) hand the `Briefing` or `Pack` returned
here to `liaison_app.printing`, which makes the PDF, then call `record_printed`. Services never
import printing.
"""
from __future__ import annotations

from datetime import date
from typing import Sequence

from liaison_app.domain.briefing import Briefing, BuildCancelled, Pack, ProgressCallback, SafetyItem
from liaison_app.services.audit import record_events
from liaison_app.services.briefing_load import find_job_id, load_briefings, load_pack
from liaison_app.services.briefing_rules import (
    MUST_KNOW, BriefingRecords, NothingToPrint, build_briefing, conduct_lines,
)

__all__ = [
    "MUST_KNOW", "Briefing", "BriefingRecords", "BuildCancelled", "NothingToPrint", "Pack", "ProgressCallback",
    "SafetyItem", "briefing_for_job", "briefing_for_ref", "build_briefing", "conduct_lines", "pack_for_day",
    "printed_jobs", "record_printed",
]


def briefing_for_job(store, job_id: str, *, on: date | None = None) -> Briefing:
    """Load one job's records in one short read session and build its briefing."""
    briefings = load_briefings(store, [job_id], on or date.today())
    if not briefings:
        raise NothingToPrint("No such job.")
    return briefings[0]


def briefing_for_ref(store, job_ref_or_id: str, *, on: date | None = None) -> Briefing:
    """The briefing of the job with this reference (or id); NothingToPrint if there is none."""
    job_id = find_job_id(store, job_ref_or_id)
    if job_id is None:
        raise NothingToPrint(f"No job with reference {job_ref_or_id}.")
    return briefing_for_job(store, job_id, on=on)


def pack_for_day(store, contractor_name: str, day: date, *, on: date | None = None) -> Pack:
    """A contractor's jobs with an appointment on `day`, in appointment order."""
    return load_pack(store, contractor_name, day, on or day)


def printed_jobs(printed: Briefing | Pack) -> tuple[tuple[str, str], ...]:
    """The jobs (id, reference) a briefing or a pack holds, for the audit trail."""
    briefings = printed.briefings if isinstance(printed, Pack) else (printed,)
    return tuple((b.job_id, b.job_ref) for b in briefings)


def record_printed(store, jobs: Sequence[tuple[str, str]], action: str = "print") -> None:
    """One audit event per briefing printed, saved or viewed (record: the job; summary: its reference)."""
    with store.write() as session:
        record_events(session, store.actor, action, (("job", job_id, job_ref) for job_id, job_ref in jobs))
