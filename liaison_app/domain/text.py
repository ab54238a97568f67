"""Text as search compares it: lower case, accents and other scripts spelled in plain ASCII.

`fold` is applied the same way to what search looks in and to what an officer types, so 'celik'
finds Çelik, 'lukasiewicz' finds Łukasiewicz and 'ŁUCJA' finds Łucja.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii


def fold(text: str | None) -> str:
    """'Çelik' -> 'celik', 'Ağaoğlu' -> 'agaoglu', 'Søren' -> 'soren', 'Yılmaz' -> 'yilmaz'."""
    return anyascii(text or "").lower()


@lru_cache(maxsize=1 << 14)
def _fold_word(text: str) -> str:
    return anyascii(text).lower()


def fold_joined(parts: Iterable[str]) -> str:
    """fold(" ".join(parts)), the same text, made faster for many records: fold changes each character
    on its own, so each part is folded alone, and a part with letters beyond ASCII (a name, a street:
    they repeat across a landlord's tenants) is folded once however often it comes; plain ASCII (most
    records) is lowered in one go."""
    parts = parts if isinstance(parts, list) else list(parts)
    joined = " ".join(parts)
    if joined.isascii():
        return joined.lower()
    return " ".join([p.lower() if p.isascii() else _fold_word(p) for p in parts])


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 minute', '2 minutes', '0 days', '1 failed attempt'; `many` for irregular words ('1 person', '2 people')."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def uk_date(day) -> str:
    """A date as officers read it on screens and in PDFs: '29 Nov 2026' (CSV files keep ISO dates)."""
    return f"{day.day} {day:%b %Y}" if day else ""
