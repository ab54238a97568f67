"""Tenants' words made fit to publish: a short quote with the personal data taken out.

`anonymise(text, known)` removes e-mail addresses; the tenant's doorstep password, the job's and tenancy's
references and the home's postcode; phone numbers (phonenumbers' matcher for GB, so "07700 900123",
"+44 20 7946 0000" and "(0117) 496 0123" all go); UK postcodes; a house number and street and the words of
the tenant's address; the words of every name the store knows for this feedback (the tenant's first, last
and preferred names, every operative, every officer); a name after a title ("Mrs Okafor"); and anything that
still looks like a reference ("JOB-20417", "T0042", four digits or more). The rest is cut to `QUOTE_CHARS`
characters at a word, with "…". docs/FEEDBACK.md says the same for officers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import phonenumbers

QUOTE_CHARS = 160
NAME = "[name]"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b", re.IGNORECASE)
_STREET = re.compile(r"\b\d+[A-Za-z]?,?\s+(?:[A-Z][\w'-]*\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Close|Lane|Ln|"
                     r"Drive|Way|Court|Crescent|Place|Gardens|Grove|Terrace|Walk|Square|Hill|Row|Mews)\b",
                     re.IGNORECASE)
_REFERENCE = re.compile(r"\b(?=[\w/-]*\d)(?:[A-Za-z]+[-/]?\d[\w/-]*|\d{4,}[\w/-]*)\b")
# "Mrs Smith", "Mr J Bloggs": a name after a title, known to the store or not
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:[A-Z][\w'-]*\s+)?[A-Z][\w'-]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Known:
    """What the store knows that may not be published: names, address words and references."""

    names: frozenset[str] = field(default_factory=frozenset)  # whole names; each word is removed
    addresses: frozenset[str] = field(default_factory=frozenset)  # address lines and towns
    secrets: frozenset[str] = field(default_factory=frozenset)  # references, doorstep passwords: removed as found


def _phones(text: str) -> str:
    matches = list(phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE))
    for match in reversed(matches):
        text = text[:match.start] + "[phone]" + text[match.end:]
    return text


@lru_cache(maxsize=512)
def _words(values: frozenset[str], minimum: int) -> re.Pattern | None:
    """One pattern for every word of the values worth removing, longest first (so "Anne-Marie" goes before
    "Anne"), as whole words in any case; None when there is none."""
    words = {w for v in values for w in re.split(r"[\s,]+", v or "") if len(w) >= minimum}
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _remove(text: str, pattern: re.Pattern | None, placeholder: str) -> str:
    return pattern.sub(placeholder, text) if pattern is not None else text


def _collapse(text: str) -> str:
    """One placeholder for a run of the same ("[name] [name]" → "[name]")."""
    text = _SPACES.sub(" ", text).strip()
    return re.sub(r"(\[(\w+)\])(?:[\s,]*\[\2\])+", r"\1", text)


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """`text` cut to at most `limit` characters at a word boundary, with "…" when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rfind(" ")]
    return cut.rstrip(" ,;:.-") + "…"


def anonymise(text: str | None, known: Known = Known(), limit: int = QUOTE_CHARS) -> str:
    """`text` as a short quote with no e-mail, phone number, postcode, known name, address or reference."""
    if not text:
        return ""
    out = _EMAIL.sub("[email]", str(text))
    for secret in sorted((s for s in known.secrets if s and len(s) >= 3), key=len, reverse=True):
        out = re.sub(re.escape(secret), "[ref]", out, flags=re.IGNORECASE)
    out = _phones(out)
    out = _POSTCODE.sub("[postcode]", out)
    out = _STREET.sub("[address]", out)
    out = _remove(out, _words(known.addresses, 3), "[address]")
    out = _remove(out, _words(known.names, 2), NAME)
    out = _TITLED.sub(NAME, out)
    out = _REFERENCE.sub("[ref]", out)
    return shorten(_collapse(out), limit)
