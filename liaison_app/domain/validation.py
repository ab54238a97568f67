"""Validation rules for what officers type and what imports bring in. Pure functions, no I/O.

Each `clean_*` returns the normalised value or raises ValidationError with a message an
officer can act on. Messages never quote private values.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Any, Callable

from liaison_app.domain.phones import uk_national


class ValidationError(ValueError):
    """A value an officer typed (or a CSV cell) is not acceptable; the message says why."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


# UK postcode: outward code (area + district) and inward code (sector + unit), plus GIR 0AA.
_POSTCODE = re.compile(
    r"^(GIR0AA|"
    r"[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])"
    r"[0-9][ABD-HJLNP-UW-Z]{2})$"
)


def clean_postcode(value: str | None) -> str:
    """'ba129ab' -> 'BA12 9AB'. Raises ValidationError for anything that is not a UK postcode."""
    raw = "".join((value or "").split()).upper()  # no white space (str.split's is the regex's \s)
    if not raw:
        raise ValidationError("Enter a postcode.")
    if not _POSTCODE.match(raw):
        raise ValidationError("Not a valid UK postcode (for example BA12 9AB).")
    return f"{raw[:-3]} {raw[-3:]}"


def is_postcode(value: str | None) -> bool:
    """Whether clean_postcode takes `value` (without raising: a refused file's rows are counted with it)."""
    raw = "".join((value or "").split()).upper()
    return bool(raw) and _POSTCODE.match(raw) is not None


_UK_EXAMPLE = "Enter a UK phone number (for example 01225 123456 or 07700 900123)."
_NOT_PHONE = re.compile(r"[^0-9+()\-.\s]")
_PUNCTUATION = str.maketrans("", "", "()-.")


def _digits(text: str) -> str:
    """"".join(text.split()).translate(_PUNCTUATION) for text that _NOT_PHONE lets through, made faster
    (an import cleans 125,000 numbers): the usual spaces and punctuation replaced, then any other white
    space (a tab, a no-break space) split away."""
    digits = text.replace(" ", "").replace("(", "").replace(")", "").replace("-", "").replace(".", "")
    if not digits.replace("+", "").isdigit():
        digits = "".join(digits.split())
    return digits


def clean_phone(value: str | None) -> str:
    """A UK phone number, normalised to national format ('0161 496 0000', '07700 900123').

    Accepts +44 / 0044 prefixes, spaces, dashes, dots and brackets. Empty stays empty. A number in
    a range that is not allocated is refused (the drama ranges 07700 900xxx and 01632 960xxx are
    accepted: domain/phones.py).
    """
    text = (value or "").strip()
    if not text:
        return ""
    if _NOT_PHONE.search(text):
        raise ValidationError("A phone number may hold only digits, spaces and + ( ) -.")
    digits = _digits(text)  # what is left: digits and +
    if digits.startswith("0044"):
        digits = "+44" + digits[4:]
    if digits.startswith("00") or ("+" in digits and not digits.startswith("+44")):
        raise ValidationError(_UK_EXAMPLE)
    if not digits.startswith("+44") and (not digits.startswith("0") or len(digits) not in (10, 11)):
        raise ValidationError("Enter a UK phone number of 10 or 11 digits starting with 0.")
    national = uk_national(digits)
    if not national:
        raise ValidationError(_UK_EXAMPLE)
    return national


def reformat_phone(value: str) -> str:
    """A stored number in today's national format; one that no longer validates is kept as typed."""
    try:
        return clean_phone(value)
    except ValidationError:
        return value


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def clean_email(value: str | None) -> str:
    text = (value or "").strip()
    if text and not _EMAIL.match(text):
        raise ValidationError("Not a valid email address.")
    return text


def parse_date(value: str | date | None, *, required: bool = False) -> date | None:
    """YYYY-MM-DD (also accepts DD/MM/YYYY as officers type it). Empty gives None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    found = _read_typed(value, required, "Enter a date.", ("%Y-%m-%d", "%d/%m/%Y"),
                        "Not a valid date: use YYYY-MM-DD (for example 2026-03-31).")
    return found.date() if found else None


def parse_datetime(value: str | datetime | None, *, required: bool = False) -> datetime | None:
    """YYYY-MM-DD HH:MM (seconds optional; 'T' accepted). Empty gives None."""
    if isinstance(value, datetime):
        return value
    return _read_typed(value, required, "Enter a date and time.",
                       ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"),
                       "Not a valid date and time: use YYYY-MM-DD HH:MM (for example 2026-03-31 09:30).")


def _read_typed(value: str | None, required: bool, missing: str, formats: tuple[str, ...],
                problem: str) -> datetime | None:
    """Typed text read with the first of `formats` that fits; empty gives None (or `missing` when
    required); ValidationError(problem) when none fits."""
    text = (value or "").strip()
    if not text:
        if required:
            raise ValidationError(missing)
        return None
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValidationError(problem)


def parse_past_date(value: str | date | None, field: str, future: str) -> date:
    """A required date, not after today; `future` is the message when it is. Errors name `field`."""
    try:
        when = parse_date(value, required=True)
    except ValidationError as exc:
        raise ValidationError(str(exc), field=field) from exc
    if when > date.today():
        raise ValidationError(future, field=field)
    return when


def collect_cleaned(values: dict[str, Any], cleaners: dict[str, Callable[[Any], Any]]
                    ) -> tuple[dict[str, Any], list[ValidationError]]:
    """Each value through its field's cleaner (a field without one is kept as it is), collecting every
    problem, each naming its field (for an import, which lists them all)."""
    out: dict[str, Any] = {}
    problems: list[ValidationError] = []
    for k, v in values.items():
        try:
            out[k] = cleaners[k](v) if k in cleaners else v
        except ValidationError as exc:
            exc.field = exc.field or k
            problems.append(exc)
    return out, problems


def add_months(d: date, months: int) -> date:
    """Calendar months on; the 31st of a short month becomes its last day (29 Feb -> 28 Feb)."""
    month_index = d.month - 1 + months
    year = d.year + month_index // 12
    month = month_index % 12 + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def default_review_date(start: date | None, today: date | None = None) -> date:
    """Review dates default to 12 months after the start (or today)."""
    return add_months(start or today or date.today(), 12)


def check_date_order(start: date | None, review: date | None, end: date | None) -> None:
    if start and end and end < start:
        raise ValidationError("The end date is before the start date.", field="end_date")
    if start and review and review < start:
        raise ValidationError("The review date is before the start date.", field="review_date")


def parse_yes_no(value: str | bool | None, *, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    text = (value or "").strip().lower()
    if not text:
        return default
    if text in ("yes", "y", "true", "1"):
        return True
    if text in ("no", "n", "false", "0"):
        return False
    raise ValidationError("Use yes or no.")


def clean_required(value: str | None, label: str) -> str:
    """Required free text: stripped of surrounding space only, otherwise stored exactly as typed."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"{label} is required.")
    return text


def clean_choice(value: str | None, allowed: list[str] | tuple[str, ...], label: str, *, default: str | None = None) -> str:
    text = (value or "").strip().lower()
    if not text and default is not None:
        return default
    if text not in allowed:
        raise ValidationError(f"{label} must be one of: {', '.join(allowed)}.")
    return text


def clean_uprn(value: str | None) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    if not text.isdigit() or len(text) > 12:
        raise ValidationError("A UPRN is up to 12 digits.")
    return text


def clean_badge(value: str | None) -> str:
    text = (value or "").strip()
    if text and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9\-/ ]{0,31}", text):
        raise ValidationError("An ID badge number holds letters, digits and dashes (up to 32).")
    return text
