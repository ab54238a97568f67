"""Cleaning what an officer types (or a CSV row brings) about a tenant and their home.

One set of rules for the tenant form, `change_tenant` and `import tenants`. Each problem is a
ValidationError naming the form field (which is also the CSV column).
"""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from liaison_app.domain.enums import PreferredContact
from liaison_app.domain.validation import (
    ValidationError,
    clean_email,
    clean_phone,
    clean_postcode,
    clean_required,
    clean_uprn,
    is_postcode,
    parse_date,
    parse_yes_no,
)
from liaison_app.services.records import text

TENANT_FIELDS = (
    "tenancy_ref", "title", "first_name", "last_name", "preferred_name", "phone", "email",
    "preferred_contact", "language", "interpreter_needed", "tenancy_start", "tenancy_end",
    "date_of_birth", "private_notes", "doorstep_password",
)
HOME_FIELDS = ("uprn", "address_line1", "address_line2", "town", "postcode")
_TENANT_SET, _HOME_SET = frozenset(TENANT_FIELDS), frozenset(HOME_FIELDS)
REQUIRED = {"tenancy_ref": "The tenancy reference", "first_name": "The first name",
            "last_name": "The last name", "address_line1": "The first address line"}


def _required(name: str) -> Callable[[Any], str]:
    return lambda v: clean_required(text(v), REQUIRED[name])


_CONTACTS = frozenset(PreferredContact.values())


def _preferred_contact(value: Any) -> str:
    v = text(value).lower()
    if v and v not in _CONTACTS:
        raise ValidationError("Preferred contact must be one of: phone, text, email, letter.")
    return v


def _date(value: Any) -> date | None:
    """parse_date, with a fast path for the usual YYYY-MM-DD (imports read 125,000 of them)."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    return parse_date(value)


def _ref(value: Any) -> str:
    v = clean_required(text(value), REQUIRED["tenancy_ref"])
    if len(v) > 40:
        raise ValidationError("A tenancy reference is at most 40 characters.")
    return v


def _doorstep_password(value: Any) -> str:
    """A word or two the tenant agreed for the operative to say at the door (printed only on the briefing)."""
    v = text(value)
    if len(v) > 40:
        raise ValidationError("Keep the doorstep password to 40 characters or fewer: a word or two to say.")
    return v


CLEANERS: dict[str, Callable[[Any], Any]] = {
    "tenancy_ref": _ref,
    "first_name": _required("first_name"),
    "last_name": _required("last_name"),
    "address_line1": _required("address_line1"),
    "title": text, "preferred_name": text, "language": text, "address_line2": text, "town": text,
    "private_notes": lambda v: "" if v is None else str(v),
    "doorstep_password": _doorstep_password,
    "phone": clean_phone,
    "email": clean_email,
    "preferred_contact": _preferred_contact,
    "interpreter_needed": lambda v: parse_yes_no(v, default=False),
    "tenancy_start": _date,
    "tenancy_end": _date,
    "date_of_birth": _date,
    "uprn": clean_uprn,
    "postcode": clean_postcode,
    "block": lambda v: text(v) or None,
}


def clean_values(values: dict[str, Any]) -> dict[str, Any]:
    """Clean each value; raise the first problem as ValidationError(field=name)."""
    cleaned, problems = clean_collect(values)
    if problems:
        raise problems[0]
    return cleaned


def clean_collect(values: dict[str, Any]) -> tuple[dict[str, Any], list[ValidationError]]:
    """Clean each value, collecting every problem (each tagged with its field) instead of stopping."""
    cleaned: dict[str, Any] = {}
    problems: list[ValidationError] = []
    for name, value in values.items():
        cleaner = CLEANERS.get(name)
        if cleaner is None:
            problems.append(ValidationError("Not a field of a tenant or home.", field=name))
            continue
        try:
            cleaned[name] = cleaner(value)
        except ValidationError as exc:
            exc.field = name
            problems.append(exc)
    _check_tenancy_order(cleaned, problems)
    return cleaned, problems


def _check_tenancy_order(cleaned: dict[str, Any], problems: list[ValidationError]) -> None:
    start, end = cleaned.get("tenancy_start"), cleaned.get("tenancy_end")
    if start and end and end < start:
        problems.append(ValidationError("The tenancy ends before it starts.", field="tenancy_end"))


_UNKNOWN, _NO_SHORTCUT, _MISSING = object(), object(), object()


def _stripped(label: str) -> Callable[[str], str]:
    """_required for a CSV cell (always text): the same answers, without turning text into text."""
    message = f"{label} is required."

    def clean(value: str) -> str:
        stripped = value.strip()
        if not stripped:
            raise ValidationError(message)
        return stripped
    return clean


_REQUIRED_CLEANERS = {name: CLEANERS[name] for name in ("first_name", "last_name", "address_line1")}


def _cell_cleaner(name: str) -> Callable[[str], Any]:
    cleaner = CLEANERS[name]
    if cleaner is text:
        return str.strip
    if cleaner is _REQUIRED_CLEANERS.get(name):
        return _stripped(REQUIRED[name])
    return cleaner


# Columns whose cells repeat across a landlord's tenants and whose cleaners cost more than a look-up:
# each distinct cell is cleaned once per file (every cleaner is a pure function of the cell).
_REPEATING = frozenset({"postcode", "tenancy_start", "tenancy_end", "date_of_birth", "interpreter_needed",
                        "preferred_contact", "block"})
MEMO_LIMIT = 1 << 16  # distinct cells kept per column: memory stays flat for any file


class _Refused:
    """A kept cell's answer when its cleaner refuses it: the problem's message (never the cell)."""

    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message


def _answer(cleaner: Callable[[str], Any], value: str) -> Any:
    """What `cleaner` makes of `value`, or _Refused with its problem."""
    try:
        return cleaner(value)
    except ValidationError as exc:
        return _Refused(str(exc))


def row_cleaner(columns: list[str]) -> Callable[[dict[str, str]], tuple[dict[str, Any], list[ValidationError]]]:
    """clean_collect for rows of a file with these columns (all known fields): each cleaner looked up
    once per file, what it makes of an empty cell asked once (an import's rows are mostly empty
    optional cells; an empty required cell is asked every time, for its problem), and each distinct
    cell of a repeating column (_REPEATING) cleaned once, its answer or problem kept."""
    # name, cleaner (for a cell, always text: free text is str.strip, a required one _stripped), its
    # empty value, and the answers kept by cell (for a repeating column)
    plan = [[name, _cell_cleaner(name), _UNKNOWN, {} if name in _REPEATING else None] for name in columns]
    dated = "tenancy_start" in columns and "tenancy_end" in columns

    def clean(row: dict[str, str]) -> tuple[dict[str, Any], list[ValidationError]]:
        cleaned: dict[str, Any] = {}
        problems: list[ValidationError] = []
        for item in plan:
            name, cleaner, empty, known = item
            value = row[name]
            if known is not None:
                found = known.get(value, _MISSING)
                if found is _MISSING:
                    found = _answer(cleaner, value)
                    if len(known) < MEMO_LIMIT:
                        known[value] = found
                if found.__class__ is _Refused:
                    problems.append(ValidationError(found.message, field=name))
                else:
                    cleaned[name] = found
                continue
            if not value and empty is not _NO_SHORTCUT:
                if empty is _UNKNOWN:
                    try:
                        empty = item[2] = cleaner("")
                    except ValidationError:
                        item[2] = _NO_SHORTCUT
                if empty is not _UNKNOWN:
                    cleaned[name] = empty
                    continue
            try:
                cleaned[name] = cleaner(value)
            except ValidationError as exc:
                exc.field = name
                problems.append(exc)
        if dated:
            _check_tenancy_order(cleaned, problems)
        return cleaned, problems

    return clean


_NEVER_REFUSED = frozenset({"title", "preferred_name", "language", "address_line2", "town", "block"})
_REQUIRED_TEXT = ("first_name", "last_name", "address_line1")  # a problem only when blank


def _refused_by(cleaner: Callable[[Any], Any]) -> Callable[[str], bool]:
    def refused(value: str) -> bool:
        try:
            cleaner(value)
        except ValidationError:
            return True
        return False
    return refused


def row_counter(columns: list[str]) -> Callable[[dict[str, str]], tuple[int, str | None]]:
    """For the rows of a file already refused, past the problems it lists: how many problems a row has
    (as many as row_cleaner finds) and its tenancy reference (None when that cell is a problem), with
    nothing cleaned or kept: a million-row file of garbage is counted quickly."""
    blank = [name for name in _REQUIRED_TEXT if name in columns]
    postcode = "postcode" in columns
    checks = [(name, _refused_by(CLEANERS[name])) for name in columns
              if name not in _NEVER_REFUSED and name not in blank and name not in ("tenancy_ref", "postcode")]
    clean = row_cleaner(columns) if "tenancy_end" in columns else None  # a rule across two cells

    def count(row: dict[str, str]) -> tuple[int, str | None]:
        ref = row["tenancy_ref"].strip()
        ref = ref if ref and len(ref) <= 40 else None
        if clean is not None:
            return len(clean(row)[1]), ref
        problems = int(ref is None)  # no reference, or one over 40 characters (_ref)
        for name in blank:
            if not row[name].strip():
                problems += 1
        if postcode and not is_postcode(row["postcode"]):
            problems += 1
        for name, refused in checks:
            if refused(row[name]):
                problems += 1
        return problems, ref

    return count


def split(values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], str | None | bool]:
    """(tenant fields, home fields, block name — False when not given) from cleaned values."""
    tenant = {k: v for k, v in values.items() if k in _TENANT_SET}
    home = {k: v for k, v in values.items() if k in _HOME_SET}
    block = values.get("block", False) if "block" in values else False
    return tenant, home, block


def field_problem(name: str, value: Any) -> str:
    """What is wrong with `value` for this tenant or home field, or "" when it is fine."""
    try:
        CLEANERS[name](value)
    except ValidationError as exc:
        return str(exc)
    return ""
