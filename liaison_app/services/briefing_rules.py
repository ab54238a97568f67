"""What may be printed on a contractor briefing: the redaction rules, as a pure function.

Two steps (ARCHITECTURE.md): `build_briefing` is a pure function from the records to a `Briefing`
of plain strings, and the redaction rules live there: only *instructions* are copied, never the
*why* (adjustment reasons, warning details, dates of birth, private notes, support-plan strain,
visit notes, safeguarding, other household members). A private field cannot reach a PDF because
it is never copied into a `Briefing` (domain.briefing.PRIVATE_FIELDS names them). `liaison_app.printing`
then decides how it looks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Mapping, Sequence

from liaison_app.domain.briefing import Briefing, SafetyItem
from liaison_app.domain import operatives as doorstep
from liaison_app.domain.enums import Severity
from liaison_app.domain.periods import has_ended, is_active
from liaison_app.services import settings as settings_service
from liaison_app.services.catalogues import adjustment_kinds, conduct_points, job_types, warning_kinds

# Adjustments an operative must not miss: shown in a black box at the top and first on the cover sheet
# (as domain.operatives.CONFIRM's instruction when the booked operative is not recorded as requested).
MUST_KNOW = {
    "female_operative": doorstep.REQUIRED["female"],
    "male_operative": doorstep.REQUIRED["male"],
}
GENDER_KINDS = {"female_operative": "female", "male_operative": "male"}
# The cover sheet's flag for a tenant with an active support plan: what to do, not what is held.
EXTRA_CARE = "Extra care — see briefing"


class NothingToPrint(LookupError):
    """No such job or contractor, or no jobs on the chosen day."""


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
    clashes: Sequence[doorstep.Booking] = ()  # the operative's other jobs at an overlapping time


def _clean(text: str | None) -> str:
    return (text or "").strip()


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return tuple(seen)


def _adjustment_sections(adjustments: Sequence[Any], on: date) -> tuple[list[str], list[str], list[str], list[str]]:
    """Before-you-arrive and in-the-home instructions, the requested operative genders and flags."""
    catalogue = adjustment_kinds()
    before: list[str] = []
    in_home: list[str] = []
    must_know: list[str] = []
    flags: list[str] = []
    for adj in sorted(adjustments, key=lambda a: (a.start_date or date.min, a.kind)):
        if not (is_active(adj, on) and adj.share_with_contractors and adj.consent_given):
            continue
        kind = catalogue.get(adj.kind)
        text = _clean(adj.instruction) or (kind.instruction if kind else "")
        if not text:
            continue
        section = kind.get("section", "in_home") if kind else "in_home"
        (before if section == "before" else in_home).append(text)
        if adj.kind in GENDER_KINDS:
            must_know.append(GENDER_KINDS[adj.kind])
            continue  # flagged through the must-know line
        flags.append(kind.get("badge", kind.label) if kind else "Adjustment")
    return before, in_home, must_know, flags


def _safety_items(warnings: Sequence[Any], on: date) -> list[SafetyItem]:
    catalogue = warning_kinds()
    active = [w for w in warnings if is_active(w, on)]
    active.sort(key=lambda w: (Severity.rank(w.severity), w.start_date or date.min, w.kind))
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
            if m.contractor_facing and not has_ended(m.ended_on, on) and _clean(m.text):
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


def settings_over_defaults(settings: Mapping[str, str]) -> dict[str, str]:
    """The given settings over the settings registry's defaults (services.settings); an empty value
    means the default."""
    merged = dict(settings_service.DEFAULTS)
    merged.update({k: v for k, v in settings.items() if _clean(v)})
    return merged


def conduct_lines(setting: str) -> tuple[str, ...]:
    lines = [line.strip() for line in (setting or "").splitlines() if line.strip()]
    return tuple(lines) if lines else tuple(k.instruction for k in conduct_points().kinds if k.instruction)


def _flags(must_know: Sequence[str], safety: list[SafetyItem], adj_flags: list[str], support: list[str],
           warnings: Sequence[str] = ()) -> tuple[str, ...]:
    flags = [m.replace(" required", "") for m in must_know]
    flags += [w for w in warnings if w not in must_know]
    flags += [s.flag for s in safety if s.high] + [s.flag for s in safety if not s.high]
    flags += adj_flags
    if support:
        flags.append(EXTRA_CARE)
    return _unique(flags)


def _operative_lines(records: BriefingRecords, requested: Sequence[str], on: date) -> tuple[tuple[str, ...],
                                                                                          tuple[str, ...]]:
    """The must-know lines (a requested operative gender, as an instruction) and the doorstep warnings
    about the booked operative (domain.operatives). The operative's recorded gender is never copied."""
    operative, job = records.operative, records.job
    booked = operative is not None
    gender = getattr(operative, "gender", "") if booked else ""
    must_know = [doorstep.gender_instruction(r, gender, booked) for r in requested]
    warnings = doorstep.operative_warnings(
        requested=requested[0] if requested else "", booked=booked, operative_gender=gender,
        gas_work=doorstep.needs_gas_safe(job.job_type, job.trade),
        gas_safe_number=getattr(operative, "gas_safe_number", "") if booked else "",
        gas_safe_expiry=getattr(operative, "gas_safe_expiry", None) if booked else None,
        on=job.appointment_start.date() if job.appointment_start else on, clashes=tuple(records.clashes))
    return _unique(must_know), tuple(w for w in warnings if w not in must_know)


def build_briefing(records: BriefingRecords, settings: Mapping[str, str], on: date, *,
                   printed_at: datetime | None = None, printed_by: str = "") -> Briefing:
    """The briefing for one job on day `on`: a pure function of its inputs (the redaction rules)."""
    job, tenant = records.job, records.tenant
    conf = settings_over_defaults(settings)
    before, in_home, requested, adj_flags = _adjustment_sections(records.adjustments, on)
    must_know, warnings = _operative_lines(records, _unique(requested), on)
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
        must_know=must_know, operative_warnings=warnings, before_you_arrive=_unique(before),
        in_the_home=_unique(in_home + support), your_safety=tuple(safety),
        emergency_procedure=conf["emergency_procedure"],
        conduct_reminders=conduct_lines(conf["conduct_reminders"]),
        safeguarding_line=conf["safeguarding_line"],
        flags=_flags(must_know, safety, adj_flags, support, warnings),
        doorstep_password=_clean(tenant.doorstep_password) if tenant is not None else "",
    )
