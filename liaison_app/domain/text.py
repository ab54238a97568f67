"""Text as search compares it: lower case, accents and other scripts spelled in plain ASCII.

`fold` is applied the same way to what search looks in and to what an officer types, so 'celik'
finds Çelik, 'lukasiewicz' finds Łukasiewicz and 'ŁUCJA' finds Łucja.
"""
from __future__ import annotations

from anyascii import anyascii


def fold(text: str | None) -> str:
    """'Çelik' -> 'celik', 'Ağaoğlu' -> 'agaoglu', 'Søren' -> 'soren', 'Yılmaz' -> 'yilmaz'."""
    return anyascii(text or "").lower()
