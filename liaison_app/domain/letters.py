"""The plain data a letter to a tenant prints (issue #14), and the pure rules of what a letter says.

`services.letters` builds a `Letter` from the records, copying only what a tenant may be sent: their
name and address, the job, the booked operative, the landlord's and officer's contact lines, and the
template paragraphs that apply (chosen here by `sections_for`). `printing.letters` substitutes the
values into the paragraphs, escaping them first, and lays the letter out. Never copied into a Letter:
every field of domain.briefing.PRIVATE_FIELDS, any risk warning or safeguarding concern, a support
plan's cause of strain, and the doorstep password (NEVER_IN_A_LETTER).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

APPOINTMENT = "appointment"
NO_ACCESS_1 = "no-access-1"
NO_ACCESS_2 = "no-access-2"
NO_ACCESS_FINAL = "no-access-final"
SUPPORT_OFFER = "support-offer"
KINDS = (APPOINTMENT, NO_ACCESS_1, NO_ACCESS_2, NO_ACCESS_FINAL, SUPPORT_OFFER)
# A no-access letter is a written notice at this stage of the no-access rules (domain.access_rules).
LETTER_STAGES = {NO_ACCESS_1: "first", NO_ACCESS_2: "second", NO_ACCESS_FINAL: "final"}

# Large print: never smaller than this, for the whole letter (RNIB's clear print guidance: 16 pt or more).
LARGE_PRINT_PT = 16.0
STANDARD_PT = 12.0
LARGE_PRINT_KINDS = ("large_print",)
CALL_AHEAD_KINDS = ("call_ahead",)
INTERPRETER_KINDS = ("interpreter", "bsl_interpreter")
WELSH = "cy"
ENGLISH = "en"

# What a letter never carries, beyond domain.briefing.PRIVATE_FIELDS: the doorstep password is said by
# the operative (it is on the briefing); the letter only reminds the tenant to ask for it.
NEVER_IN_A_LETTER = ("doorstep_password",)


@dataclass(frozen=True)
class Needs:
    """What the tenant has asked for that changes a letter."""

    large_print: bool = False
    call_ahead: bool = False
    interpreter: bool = False
    language: str = ""  # preferred language as recorded ("" or "English": none other)
    doorstep_password: bool = False  # one is agreed (never the word itself)


@dataclass(frozen=True)
class LetterText:
    """A letter's wording in one language: its subject and paragraphs, plain text with the placeholders
    filled in (printing escapes it all). A paragraph starting with '! ' prints bold."""

    language: str
    subject: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Letter:
    """Everything a letter prints, as plain strings. No ORM objects, no private fields."""

    kind: str
    job_id: str
    job_ref: str
    tenant_id: str
    landlord_name: str
    landlord_address: tuple[str, ...]
    recipient: tuple[str, ...]  # the tenant's name and postal address, one line each
    dated: str
    font_size: float
    texts: tuple[LetterText, ...]  # Welsh first for a Welsh-language tenant, then English
    translation_line: str  # in the tenant's preferred language; "" when none is needed
    tenancy_ref: str = ""
    postcode: str = ""
    honours: tuple[str, ...] = ()  # what the letter does for the tenant, in words ("Large print (16 pt)", …)

    @property
    def large_print(self) -> bool:
        return self.font_size >= LARGE_PRINT_PT


@dataclass(frozen=True)
class LetterBatch:
    """Letters printed together (the letters due this week): one letter per page."""

    title: str
    letters: tuple[Letter, ...]


def is_welsh(language: str) -> bool:
    return language.strip().lower() in ("welsh", "cymraeg", "cy")


def needs_translation_line(language: str) -> bool:
    """A line in the tenant's own language, unless that is English or Welsh (Welsh gets the whole letter)."""
    lang = language.strip().lower()
    return bool(lang) and lang not in ("english", "en") and not is_welsh(lang)


def languages_for(needs: Needs) -> tuple[str, ...]:
    """The letter's languages, in order: Welsh first for a Welsh-language tenant (Welsh language standards)."""
    return (WELSH, ENGLISH) if is_welsh(needs.language) else (ENGLISH,)


def honours(needs: Needs) -> tuple[str, ...]:
    """What a letter does for this tenant, in words, for the officer (the letter dialog, the post room list)."""
    lines = []
    if needs.large_print:
        lines.append(f"Large print ({LARGE_PRINT_PT:g} pt)")
    if is_welsh(needs.language):
        lines.append("Welsh first, then English")
    elif needs_translation_line(needs.language):
        lines.append(f"How to get it translated, in {needs.language}")
    if needs.interpreter:
        lines.append("Interpreter offered")
    if needs.call_ahead:
        lines.append("We will phone before we come")
    if needs.doorstep_password:
        lines.append("Reminds them to ask for their doorstep password")
    return tuple(lines)


def sections_for(kind: str, needs: Needs, *, booked: bool, operative: bool, statutory: str) -> tuple[str, ...]:
    """The optional template sections that apply to this letter, by name: a body line '@name' prints
    the section `name` only when it is listed here."""
    chosen = []
    if booked:
        chosen.append("booked")
    else:
        chosen.append("not_booked")
    if operative and booked:
        chosen += ["who_is_coming", "id_check"]
    elif booked:
        chosen.append("id_check")
    if needs.doorstep_password and booked:
        chosen.append("doorstep_password")
    if needs.call_ahead:
        chosen.append("call_ahead")
    if needs.interpreter:
        chosen.append("interpreter")
    if statutory:
        chosen.append(f"statutory_{statutory}")
    else:
        chosen.append("statutory_other")
    return tuple(chosen)


# Template sections every letter prints; the rest print only when `sections_for` chooses them.
ALWAYS = ("greeting", "contact", "sign_off")
OFFERS = "offers"  # a body line "@offers" prints one line per support the plan offers
PLACEHOLDERS = ("name", "job_type", "job_ref", "appointment_date", "appointment_window", "operative", "company",
                "badge", "check_line", "officer", "officer_line", "landlord", "language", "last_attempt", "reply_by")


class TemplateError(ValueError):
    """A letter template that cannot be used (no subject or body, an unknown section or placeholder)."""


def parse_template(text: str) -> dict[str, tuple[str, ...]]:
    """A template file as its sections: '== name' starts one, blank lines part paragraphs, lines starting
    '#' before the first section are comments. Each paragraph keeps its own line breaks."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    lines: list[str] = []

    def close() -> None:
        if current is not None and lines:
            current.append("\n".join(lines).strip())
        lines.clear()

    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        if line.startswith("== "):
            close()
            current = sections.setdefault(line[3:].strip(), [])
        elif current is None:
            if line and not line.startswith("#"):
                raise TemplateError("Text before the first '== section' line (start comment lines with #).")
        elif line.strip():
            lines.append(line)
        else:
            close()
    close()
    return {name: tuple(p for p in paras if p) for name, paras in sections.items()}


def _escape_dollars(text: str) -> str:
    return text.replace("$", "$$")


def assemble(sections: Mapping[str, tuple[str, ...]], chosen: tuple[str, ...], language: str,
             offers: tuple[str, ...] = ()) -> LetterText:
    """The subject and paragraphs of one language's letter: the body with each '@section' line replaced by
    that section's paragraphs when it applies. `offers` are plain words (a '$' in them prints as itself)."""
    if "subject" not in sections or "body" not in sections:
        raise TemplateError("A letter template needs a '== subject' and a '== body' section.")
    paragraphs: list[str] = []
    for para in sections["body"]:
        if not para.startswith("@"):
            paragraphs.append(para)
            continue
        name = para[1:].strip()
        if name == OFFERS:
            paragraphs += [f"• {_escape_dollars(offer)}" for offer in offers]
        elif name in ALWAYS or name in chosen:
            paragraphs += list(sections.get(name, ()))
    return LetterText(language=language, subject=" ".join(sections["subject"]), paragraphs=tuple(paragraphs))


def unknown_placeholders(text: str) -> list[str]:
    """The ${names} a template uses that no letter fills in (shown to the admin who edits it)."""
    unknown = []
    pos = 0
    while True:
        start = text.find("${", pos)
        if start < 0:
            return unknown
        end = text.find("}", start)
        if end < 0:
            return unknown + [text[start:start + 20]]
        name = text[start + 2:end]
        if name not in PLACEHOLDERS and name not in unknown:
            unknown.append(name)
        pos = end + 1
