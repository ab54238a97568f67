"""What may be printed on a contractor briefing, and the use cases that print one.

Two steps (ARCHITECTURE.md): `build_briefing` is a pure function from the records to a `Briefing`
of plain strings, and the redaction rules live there: only *instructions* are copied, never the
*why* (adjustment reasons, warning details, dates of birth, private notes, support-plan strain,
visit notes, safeguarding, other household members). A private field cannot reach a PDF because
it is never copied into a `Briefing`. `liaison_app.briefing` then decides how it looks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from liaison_app.services.catalogues import adjustment_kinds, conduct_points, job_types, warning_kinds

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}

# Adjustments an operative must not miss: shown in a black box at the top and first on the cover sheet.
MUST_KNOW = {
    "female_operative": "Female operative required",
    "male_operative": "Male operative required",
}

DEFAULT_SETTINGS: dict[str, str] = {
    "landlord_name": "",
    "emergency_procedure": (
        "If you feel at risk, stop work and leave the home at once; go somewhere safe. In an emergency "
        "call 999. Then call your supervisor and the landlord's office, and use your company's "
        "lone-working emergency code."
    ),
    "conduct_reminders": "",  # empty: the code-of-conduct catalogue's reminders
    "safeguarding_line": (
        "If you see or hear something that worries you about a child or an adult (signs of abuse, neglect "
        "or someone not coping), call 999 if anyone is in immediate danger. Otherwise tell the customer "
        "liaison officer the same day. Do not investigate or promise to keep a secret."
    ),
}

ProgressCallback = Callable[[int, int], bool]


class BuildCancelled(Exception):
    """A pack build was stopped by its progress callback; no file was left behind."""


class NothingToPrint(LookupError):
    """No such job or contractor, or no jobs on the chosen day."""


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


@dataclass(frozen=True)
class Pack:
    """A contractor's day: the cover sheet's facts and one briefing per job, in appointment order."""

    landlord_name: str
    contractor: str
    day: str
    printed_on: str
    printed_by: str
    briefings: tuple[Briefing, ...]


@dataclass
class BriefingRecords:
    """The records a briefing is built from (detached rows or any objects with the same attributes)."""

    job: Any
    tenant: Any = None
    home: Any = None
    block: Any = None
    contractor: Any = None
    operative: Any = None
    adjustments: Sequence[Any] = ()
    warnings: Sequence[Any] = ()
    plans: Sequence[tuple[Any, Sequence[Any]]] = field(default_factory=tuple)


def _active(record: Any, on: date) -> bool:
    start, end = getattr(record, "start_date", None), getattr(record, "end_date", None)
    return (start is None or start <= on) and (end is None or end > on)


def _clean(text: str | None) -> str:
    return (text or "").strip()


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return tuple(seen)


def _adjustment_sections(adjustments: Sequence[Any], on: date) -> tuple[list[str], list[str], list[str], list[str]]:
    """Before-you-arrive and in-the-home instructions, must-know alerts and flags."""
    catalogue = adjustment_kinds()
    before: list[str] = []
    in_home: list[str] = []
    must_know: list[str] = []
    flags: list[str] = []
    for adj in sorted(adjustments, key=lambda a: (a.start_date or date.min, a.kind)):
        if not (_active(adj, on) and adj.share_with_contractors and adj.consent_given):
            continue
        kind = catalogue.get(adj.kind)
        text = _clean(adj.instruction) or (kind.instruction if kind else "")
        if not text:
            continue
        section = kind.get("section", "in_home") if kind else "in_home"
        (before if section == "before" else in_home).append(text)
        if adj.kind in MUST_KNOW:
            must_know.append(MUST_KNOW[adj.kind])
        flags.append(kind.get("badge", kind.label) if kind else "Adjustment")
    return before, in_home, must_know, flags


def _safety_items(warnings: Sequence[Any], on: date) -> list[SafetyItem]:
    catalogue = warning_kinds()
    active = [w for w in warnings if _active(w, on)]
    active.sort(key=lambda w: (SEVERITY_ORDER.get(w.severity, 1), w.start_date or date.min, w.kind))
    items = []
    for w in active:
        kind = catalogue.get(w.kind)
        text = _clean(w.instruction) or (kind.instruction if kind else "")
        if not text:
            continue
        flag = kind.get("badge", kind.label) if kind else "Risk"
        items.append(SafetyItem(flag=flag, instruction=text, high=w.severity == "high"))
    return items


def _support_measures(plans: Sequence[tuple[Any, Sequence[Any]]], on: date) -> list[str]:
    texts: list[str] = []
    for plan, measures in plans:
        if plan.status != "active" or (plan.closed_on is not None and plan.closed_on <= on):
            continue
        if plan.start_date is not None and plan.start_date > on:
            continue
        for m in measures:
            if m.contractor_facing and (m.ended_on is None or m.ended_on > on) and _clean(m.text):
                texts.append(_clean(m.text))
    return texts


def _job_type_label(code: str) -> str:
    kind = job_types().get(code)
    if kind is None:
        return job_types().label(code)
    legal = kind.get("legal", "") or ""
    return f"{kind.label} — {legal}" if legal else kind.label


def _where(records: BriefingRecords) -> tuple[str, str]:
    """The address (home, else the block's) and the block/communal area's name."""
    home, block = records.home, records.block
    block_name = block.name if block is not None else ""
    if home is not None:
        return home.one_line(), block_name
    if block is not None:
        parts = [block.address_line1, block.town, block.postcode]
        return ", ".join(p for p in parts if p) or block.name, block_name
    return "", block_name


def _appointment(job: Any) -> tuple[str, str, str]:
    start, end = job.appointment_start, job.appointment_end
    if start is None:
        due = f"No appointment booked; due by {job.due_date:%d %B %Y}" if job.due_date else "No appointment booked"
        return due, "", "9999"
    window = f"{start:%H:%M}–{end:%H:%M}" if end is not None else f"from {start:%H:%M}"
    return f"{start:%A} {start.day} {start:%B %Y}", window, start.isoformat()


def _settings(settings: Mapping[str, str]) -> dict[str, str]:
    merged = dict(DEFAULT_SETTINGS)
    merged.update({k: v for k, v in settings.items() if _clean(v)})
    return merged


def conduct_lines(setting: str) -> tuple[str, ...]:
    lines = [line.strip() for line in (setting or "").splitlines() if line.strip()]
    return tuple(lines) if lines else tuple(k.instruction for k in conduct_points().kinds if k.instruction)


def _flags(must_know: list[str], safety: list[SafetyItem], adj_flags: list[str], support: list[str]) -> tuple[str, ...]:
    flags = [m.replace(" required", "") for m in must_know]
    flags += [s.flag for s in safety if s.high] + [s.flag for s in safety if not s.high]
    flags += adj_flags
    if support:
        flags.append("Support plan")
    return _unique(flags)


def build_briefing(records: BriefingRecords, settings: Mapping[str, str], on: date, *,
                   printed_at: datetime | None = None, printed_by: str = "") -> Briefing:
    """The briefing for one job on day `on`: a pure function of its inputs (the redaction rules)."""
    job, tenant = records.job, records.tenant
    conf = _settings(settings)
    before, in_home, must_know, adj_flags = _adjustment_sections(records.adjustments, on)
    safety = _safety_items(records.warnings, on)
    support = _support_measures(records.plans, on)
    address, block_name = _where(records)
    day, window, sort_key = _appointment(job)
    operative = records.operative
    consent = bool(job.complainant_consent)
    complainant = ", ".join(p for p in (_clean(job.complainant_name), _clean(job.complainant_phone)) if p)
    language = ""
    if tenant is not None and _clean(tenant.language):
        language = _clean(tenant.language) + (" (interpreter needed)" if tenant.interpreter_needed else "")
    return Briefing(
        job_id=job.id, job_ref=job.job_ref, landlord_name=conf["landlord_name"],
        printed_on=f"{printed_at:%d %B %Y %H:%M}" if printed_at else f"{on:%d %B %Y}",
        printed_by=printed_by,
        tenant_name=tenant.display_name if tenant is not None else "",
        tenant_phone=_clean(tenant.phone) if tenant is not None else "",
        language=language, address=address, block=block_name,
        appointment_date=day, appointment_window=window, appointment_sort=sort_key,
        contractor=records.contractor.name if records.contractor is not None else "",
        operative=operative.name if operative is not None else "",
        operative_badge=operative.badge_number if operative is not None else "",
        trade=_clean(job.trade), job_type=_job_type_label(job.job_type), description=job.description or "",
        complaint_ref=_clean(job.complaint_ref), complainant=complainant if consent else "",
        must_know=_unique(must_know), before_you_arrive=_unique(before),
        in_the_home=_unique(in_home + support), your_safety=tuple(safety),
        emergency_procedure=conf["emergency_procedure"],
        conduct_reminders=conduct_lines(conf["conduct_reminders"]),
        safeguarding_line=conf["safeguarding_line"],
        flags=_flags(must_know, safety, adj_flags, support),
    )


# --- use cases: load, print, audit -------------------------------------------------------------

def briefing_for_job(store, job_id: str, *, on: date | None = None) -> Briefing:
    """Load one job's records in one short read session and build its briefing."""
    from liaison_app.services.briefing_load import load_briefings

    briefings = load_briefings(store, [job_id], on or date.today())
    if not briefings:
        raise NothingToPrint("No such job.")
    return briefings[0]


def pack_for_day(store, contractor_name: str, day: date, *, on: date | None = None) -> Pack:
    """A contractor's jobs with an appointment on `day`, in appointment order."""
    from liaison_app.services.briefing_load import load_pack

    return load_pack(store, contractor_name, day, on or day)


@dataclass(frozen=True)
class PrintedFile:
    """A briefing or pack written to disk, with the jobs it holds (id, reference) for the audit trail."""

    path: Path
    title: str
    jobs: tuple[tuple[str, str], ...]


def record_printed(store, jobs: Sequence[tuple[str, str]], action: str = "print") -> None:
    """One audit event per briefing printed, saved or viewed (record: the job; summary: its reference)."""
    from liaison_app.services.audit import record_event

    with store.write() as session:
        for job_id, job_ref in jobs:
            record_event(session, store.actor, action, "job", job_id, (), job_ref)


def build_briefing_file(store, job_ref_or_id: str, path, *, on: date | None = None) -> PrintedFile:
    """Write one job's briefing to `path` (whole or not at all), without auditing it (see record_printed)."""
    from liaison_app.briefing import render_briefing_pdf
    from liaison_app.outputs import check_output
    from liaison_app.services.briefing_load import find_job_id

    check_output(path, store.path, "pdf")  # never over the store, a backup, or a file of another kind
    job_id = find_job_id(store, job_ref_or_id)
    if job_id is None:
        raise NothingToPrint(f"No job with reference {job_ref_or_id}.")
    b = briefing_for_job(store, job_id, on=on)
    written = render_briefing_pdf(b, path)
    return PrintedFile(written, f"Briefing {b.job_ref}", ((b.job_id, b.job_ref),))


def build_pack_file(store, contractor_name: str, day: date, path,
                    progress: ProgressCallback | None = None) -> PrintedFile:
    """Write a contractor's day pack to `path`, without auditing it. `progress(done, total)` returning
    False cancels: BuildCancelled is raised and no file is left behind."""
    from liaison_app.briefing import render_pack_pdf
    from liaison_app.outputs import check_output

    check_output(path, store.path, "pdf")
    pack = pack_for_day(store, contractor_name, day)
    written = render_pack_pdf(pack, path, progress=progress)
    return PrintedFile(written, f"Day pack {pack.contractor} {day.isoformat()}",
                       tuple((b.job_id, b.job_ref) for b in pack.briefings))


def write_briefing_pdf(store, job_ref_or_id: str, path, *, on: date | None = None) -> Path:
    """Write one job's briefing to `path` and audit it as printed."""
    printed = build_briefing_file(store, job_ref_or_id, path, on=on)
    record_printed(store, printed.jobs)
    return printed.path


def write_pack_pdf(store, contractor_name: str, day: date, path, progress: ProgressCallback | None = None) -> Path:
    """Write a contractor's day pack to `path` and audit each briefing in it as printed."""
    printed = build_pack_file(store, contractor_name, day, path, progress)
    record_printed(store, printed.jobs)
    return printed.path
