"""What a letter to a tenant says: a pure function from the loaded records to a `Letter`
(domain.letters). Only what a tenant may be sent is copied: their name and postal address, the job,
the booked operative (name, company, badge), the landlord's and officer's contact lines, and the
template paragraphs their adjustments call for. Never a reason, a warning, a concern, a support
plan's cause or the doorstep password itself (tests/services/test_letters.py puts marker strings in
every one of them).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from string import Template

from liaison_app.domain import letters as rules
from liaison_app.domain.letters import Letter, LetterText, Needs
from liaison_app.domain.periods import is_active
from liaison_app.domain.validation import ValidationError
from liaison_app.services import letter_templates
from liaison_app.services.catalogues import job_types
from liaison_app.services.letters_load import LetterRecords

REPLY_DAYS = 14  # a no-access letter asks for a reply within two weeks
STATUTORY = ("gas_safety", "electrical_safety")
NO_BADGE = {"en": "(ask us for it)", "cy": "(gofynnwch i ni amdano)"}


class NothingToSend(ValidationError):
    """This letter cannot be written for this job (no tenant, no appointment, no support plan …)."""


def tenant_needs(records: LetterRecords, on: date) -> Needs:
    """What the tenant asked for that changes a letter: from their active adjustments and language."""
    tenant = records.tenant
    kinds = {a.kind for a in records.adjustments if is_active(a, on)}
    return Needs(large_print=bool(kinds & set(rules.LARGE_PRINT_KINDS)),
                 call_ahead=bool(kinds & set(rules.CALL_AHEAD_KINDS)),
                 interpreter=bool(tenant.interpreter_needed) or bool(kinds & set(rules.INTERPRETER_KINDS)),
                 language=(tenant.language or "").strip(),
                 doorstep_password=bool((tenant.doorstep_password or "").strip()))


def _date(when: date, lang: str) -> str:
    if lang == rules.WELSH:
        return f"{when.day} {letter_templates.words()['months']['cy'][when.month - 1]} {when.year}"
    return f"{when.day} {when:%B %Y}"


def _day(when: date, lang: str) -> str:
    weekday = letter_templates.words()["days"]["cy"][when.weekday()] if lang == rules.WELSH else f"{when:%A}"
    return f"{weekday} {_date(when, lang)}"


def _window(start: datetime, end: datetime | None, lang: str) -> str:
    # no-break spaces keep the times together on one line (a window split over two lines is misread)
    if lang == rules.WELSH:
        return f"rhwng {start:%H:%M}\u00a0a\u00a0{end:%H:%M}" if end else f"o\u00a0{start:%H:%M}"
    return f"between {start:%H:%M}\u00a0and\u00a0{end:%H:%M}" if end else f"from\u00a0{start:%H:%M}"


def _job_type(code: str, lang: str) -> str:
    return letter_templates.words()["job_types"].get(lang, {}).get(code) or job_types().label(code).lower()


def reply_by(on: date) -> date:
    """The day a no-access letter asks for a reply by: two weeks on, moved to the Monday if a weekend."""
    day = on + timedelta(days=REPLY_DAYS)
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def _booked(records: LetterRecords, on: date) -> bool:
    start = records.job.appointment_start
    return start is not None and start.date() >= on


def _values(records: LetterRecords, lang: str, on: date) -> dict[str, str]:
    job, tenant, settings = records.job, records.tenant, records.settings
    check_line = settings.get("letters_phone", "") or records.officer_line
    operative = records.operative
    values = {
        "name": tenant.display_name, "job_type": _job_type(job.job_type, lang), "job_ref": job.job_ref,
        "operative": operative.name if operative else "", "company": records.contractor.name if records.contractor else "",
        "badge": (operative.badge_number if operative else "") or NO_BADGE[lang], "check_line": check_line,
        "officer": records.officer_name, "officer_line": records.officer_line or check_line,
        "landlord": settings.get("landlord_name", ""),
        "language": "Cymraeg" if lang == rules.WELSH and rules.is_welsh(tenant.language or "") else tenant.language or "",
        "last_attempt": _day(records.last_failed, lang) if records.last_failed else "",
        "reply_by": _day(reply_by(on), lang), "appointment_date": "", "appointment_window": "",
    }
    if _booked(records, on):
        start = job.appointment_start
        values.update(appointment_date=_day(start.date(), lang), appointment_window=_window(start, job.appointment_end, lang))
    return values


def _offers(records: LetterRecords, lang: str) -> tuple[str, ...]:
    """What the support plan offers, in the tenant's words (an 'other' measure: the officer's own words)."""
    offers = letter_templates.words()["offers"].get(lang, {})
    return tuple(dict.fromkeys(offers.get(m.kind) or m.text for m in records.measures if offers.get(m.kind) or m.text))


def _check_can_send(kind: str, records: LetterRecords, on: date) -> None:
    if kind not in rules.KINDS:
        raise ValidationError("Choose a letter: " + ", ".join(rules.KINDS) + ".", field="kind")
    if records.tenant is None:
        raise NothingToSend("This job has no tenant to write to (a communal job).", field="kind")
    if kind == rules.APPOINTMENT and not _booked(records, on):
        raise NothingToSend("Book an appointment first: the appointment letter gives its day and time.",
                            field="kind")
    if kind in rules.LETTER_STAGES and records.last_failed is None:
        raise NothingToSend("Record the failed access attempt first: a no-access letter says when we called.",
                            field="kind")
    if kind == rules.SUPPORT_OFFER and not records.measures:
        raise NothingToSend("This tenant has no active support plan with measures to offer.", field="kind")


def _text(kind: str, lang: str, records: LetterRecords, chosen: tuple[str, ...], on: date) -> LetterText:
    sections = {**letter_templates.sections_in_use(records.templates, f"common.{lang}"),
                **letter_templates.sections_in_use(records.templates, f"{kind}.{lang}")}
    raw = rules.assemble(sections, chosen, lang, _offers(records, lang))
    values = _values(records, lang, on)
    fill = lambda text: Template(text).safe_substitute(values)  # noqa: E731 — values are plain; printing escapes
    return LetterText(lang, fill(raw.subject), tuple(fill(p) for p in raw.paragraphs))


def _translation_line(needs: Needs, records: LetterRecords, on: date) -> str:
    if not rules.needs_translation_line(needs.language):
        return ""
    lines = letter_templates.words()["translation"]
    text = lines.get(needs.language.lower()) or lines["default"]
    return Template(text).safe_substitute(_values(records, rules.ENGLISH, on))


def build_letter(kind: str, records: LetterRecords, on: date) -> Letter:
    """The letter `kind` for the job in `records`, dated `on`: a pure function of its inputs."""
    _check_can_send(kind, records, on)
    tenant, home, job = records.tenant, records.home, records.job
    needs = tenant_needs(records, on)
    chosen = rules.sections_for(kind, needs, booked=_booked(records, on), operative=records.operative is not None,
                                statutory=job.job_type if job.job_type in STATUTORY else "")
    langs = rules.languages_for(needs)
    address = [home.address_line1, home.address_line2, home.town, home.postcode] if home is not None else []
    settings = records.settings
    return Letter(
        kind=kind, job_id=job.id, job_ref=job.job_ref, tenant_id=tenant.id,
        landlord_name=settings.get("landlord_name", ""),
        landlord_address=tuple(line.strip() for line in settings.get("landlord_address", "").splitlines() if line.strip()),
        recipient=tuple(p for p in [tenant.full_name or tenant.display_name, *address] if p),
        dated="\n".join(_date(on, lang) for lang in langs),
        font_size=rules.LARGE_PRINT_PT if needs.large_print else rules.STANDARD_PT,
        texts=tuple(_text(kind, lang, records, chosen, on) for lang in langs),
        translation_line=_translation_line(needs, records, on),
        tenancy_ref=tenant.tenancy_ref, postcode=home.postcode if home is not None else "",
        honours=rules.honours(needs))
