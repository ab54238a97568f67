"""UK phone numbers: is a number allocated, and how is it written (national format)?

The answers are phonenumbers' own: its GB metadata (the general and per-type national number
patterns with their possible lengths, and the number formats with their leading digits) is read
once and applied with compiled regular expressions, as phonenumbers applies it, at a fraction of
its cost per number (an import reads 125,000 of them). The rare shapes this reading does not cover
(a +44 number written with its trunk 0, or starting 180020) go through phonenumbers itself.
tests/domain/test_phones.py compares the two on many thousands of numbers across every UK range.
"""
from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneMetadata

# Ofcom keeps these ranges for drama and examples; phonenumbers calls them unallocated, but demo
# and training data use them, so they are accepted (as national significant numbers).
DRAMA_RANGES = ("7700900", "1632960")
METADATA_VERSION = phonenumbers.__version__  # the numbering plan these answers come from
_TYPES = ("mobile", "fixed_line", "premium_rate", "toll_free", "shared_cost", "voip", "personal_number",
          "pager", "uan", "voicemail")
_FIRST_GROUP = re.compile(r"(\\\d)")  # phonenumbers' own: where the national prefix rule goes


class _Ranges:
    """The GB metadata, compiled: possible lengths, number patterns and national formats."""

    def __init__(self) -> None:
        meta = PhoneMetadata.metadata_for_region("GB")
        self.general = _desc(meta.general_desc)
        self.valid_by_size: dict[int, re.Pattern] | None = None  # made on first use
        self.types = [d for d in (_desc(getattr(meta, name)) for name in _TYPES) if d is not None]
        self.formats = []
        choices = []
        for i, fmt in enumerate(meta.number_format):
            rule = fmt.format
            if fmt.national_prefix_formatting_rule:
                rule = _FIRST_GROUP.sub(fmt.national_prefix_formatting_rule, rule, count=1)
            self.formats.append((re.compile(fmt.pattern), rule, _template(rule)))
            leading = f"(?={fmt.leading_digits_pattern[-1]})" if fmt.leading_digits_pattern else ""
            choices.append(f"(?P<f{i}>{leading}(?:{fmt.pattern}))")
        # One expression for the choice phonenumbers makes: the first format whose leading digits fit
        # the start of the number and whose pattern fits all of it.
        self.choice = re.compile("|".join(choices))

    def valid(self, nsn: str) -> bool:
        """phonenumbers.is_valid_number_for_region(…, "GB") for a national significant number."""
        checks = self.valid_by_size
        if checks is None:
            checks = self.valid_by_size = self._valid_by_size()
        check = checks.get(len(nsn))
        if check is not None:
            return check.fullmatch(nsn) is not None
        return self.valid_one_by_one(nsn)

    def valid_one_by_one(self, nsn: str) -> bool:
        """`valid`, as phonenumbers works it out: the general pattern, then each type's in turn."""
        if not _matches(self.general, nsn):
            return False
        size = len(nsn)
        for lengths, pattern in self.types:
            if (not lengths or size in lengths) and pattern.fullmatch(nsn) is not None:
                return True
        return False

    def _valid_by_size(self) -> dict[int, re.Pattern]:
        """For each length the general pattern allows: one expression that fits a number of that length
        exactly when `valid_one_by_one` says yes (the general pattern, and any type's for that length)."""
        if self.general is None or not self.general[0]:
            return {}
        general_lengths, general = self.general
        out = {}
        for size in general_lengths:
            fits = [pattern.pattern for lengths, pattern in self.types if not lengths or size in lengths]
            if fits:
                choice = "|".join(f"(?:{p})" for p in fits)
                out[size] = re.compile(f"(?=(?:{general.pattern})\\Z)(?:{choice})")
        return out

    def national(self, nsn: str) -> str:
        """phonenumbers.format_number(…, NATIONAL) for a national significant number: the chosen
        format's rule applied as re.sub applies it."""
        chosen = self.choice.fullmatch(nsn)
        if chosen is None:
            return nsn
        pattern, rule, template = self.formats[int(chosen.lastgroup[1:])]
        found = pattern.match(nsn)
        if found.end() != len(nsn):  # re.sub would replace more than one match: let it
            return pattern.sub(rule, nsn)
        return template.format(*found.groups())


def _template(rule: str) -> str:
    """A replacement rule ('0\\1 \\2') as a str.format template ('0{0} {1}'), read once."""
    pieces = re.split(r"\\(\d)", rule)
    return "".join(f"{{{int(piece) - 1}}}" if i % 2 else piece.replace("{", "{{").replace("}", "}}")
                   for i, piece in enumerate(pieces))


def _desc(desc) -> tuple[frozenset[int], re.Pattern] | None:
    if desc is None or not desc.national_number_pattern:
        return None
    return frozenset(desc.possible_length), re.compile(desc.national_number_pattern)


def _matches(desc: tuple[frozenset[int], re.Pattern] | None, nsn: str) -> bool:
    if desc is None:
        return False
    lengths, pattern = desc
    return (not lengths or len(nsn) in lengths) and pattern.fullmatch(nsn) is not None


@lru_cache(maxsize=1)
def _ranges() -> _Ranges:
    return _Ranges()


def is_allocated(nsn: str) -> bool:
    """Whether a national significant number (no trunk 0) is in an allocated UK range or a drama range."""
    return _ranges().valid(nsn) or (len(nsn) == 10 and nsn.startswith(DRAMA_RANGES))


def uk_national(digits: str) -> str:
    """The national format ('0161 496 0000', '07700 900123') of `digits` — a number of 10 or 11 digits
    starting with 0, or +44 and digits — or "" when it is not an allocated UK number."""
    if digits.startswith("+44"):
        nsn = digits[3:]
        if not nsn.isdigit() or nsn.startswith(("0", "180020")):
            return _parsed(digits)  # phonenumbers strips a trunk prefix here only in some cases
    elif digits[:1] == "0" and len(digits) in (10, 11) and digits.isdigit():
        nsn = digits[1:]  # the trunk 0, as phonenumbers strips it
    else:
        return _parsed(digits)
    if not is_allocated(nsn):
        return ""
    return _ranges().national(nsn)


def _parsed(digits: str) -> str:
    """uk_national, by phonenumbers itself."""
    try:
        number = phonenumbers.parse(digits, "GB")
    except phonenumbers.NumberParseException:
        return ""
    national = phonenumbers.national_significant_number(number)
    if number.country_code != 44 or not (phonenumbers.is_valid_number_for_region(number, "GB") or (
            len(national) == 10 and national.startswith(DRAMA_RANGES))):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
