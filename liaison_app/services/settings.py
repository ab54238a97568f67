"""The landlord's settings: name and logo on briefings, the emergency procedure, conduct reminders,
the safeguarding line, auto-lock minutes and the retention period.

Every setting either reaches print (what every briefing says) or guards data (auto-lock, retention),
so only an administrator may change one (ADMIN_ONLY), within bounds (auto-lock 1–60 minutes, retention
1–25 years, texts of a printable length). Each change is audited with the field and its old → new
value: settings hold no personal data."""
from __future__ import annotations

from sqlmodel import select

from liaison_app.domain import Setting
from liaison_app.domain.validation import ValidationError
from liaison_app.domain.enums import Role
from liaison_app.services.audit import record_event
from liaison_app.services.permissions import is_admin, require_role
from liaison_app.store import Store

DEFAULTS: dict[str, str] = {
    "landlord_name": "",
    "landlord_logo": "",
    "emergency_procedure": (
        "If you feel unsafe, leave the home at once and call the office. Use your company's emergency "
        "code by phone or text; the office will send help and call 999 if needed."
    ),
    "conduct_reminders": "",
    "safeguarding_line": "",
    "auto_lock_minutes": "15",
    "retention_years": "6",
}

ADMIN_ONLY = frozenset(DEFAULTS)  # every setting: each reaches print or guards data
NUMBER_RANGES = {"auto_lock_minutes": (1, 60), "retention_years": (1, 25)}
MAX_LENGTHS = {"landlord_name": 120, "landlord_logo": 1024, "emergency_procedure": 1500,
               "conduct_reminders": 3000, "safeguarding_line": 300}
NOT_ALLOWED = "Only an administrator can change settings: they reach every briefing or guard the data."


def _clean(key: str, value: object) -> str:
    if key not in DEFAULTS:
        raise ValidationError("Not a setting Liaison knows.", field=key)
    text = "" if value is None else str(value).strip()
    if key in NUMBER_RANGES:
        low, high = NUMBER_RANGES[key]
        if not text.isdigit() or not low <= int(text) <= high:
            raise ValidationError(f"Enter a whole number from {low} to {high}.", field=key)
        text = str(int(text))
    elif len(text) > MAX_LENGTHS.get(key, 1000):
        raise ValidationError(f"Keep this to {MAX_LENGTHS.get(key, 1000)} characters or fewer.", field=key)
    return text


def get_setting(store: Store, key: str) -> str:
    """The stored value, or the default when none is stored. Unknown keys raise KeyError."""
    if key not in DEFAULTS:
        raise KeyError(key)
    with store.read() as session:
        row = session.get(Setting, key)
    return row.value if row is not None else DEFAULTS[key]


def set_setting(store: Store, key: str, value: object) -> str:
    """Store a setting (validated; administrators only) and return the value stored. Audited old → new."""
    if key in ADMIN_ONLY:
        require_role(store, Role.ADMIN, message=NOT_ALLOWED)
    text = _clean(key, value)
    with store.write() as session:
        row = session.get(Setting, key)
        old = row.value if row is not None else DEFAULTS[key]
        if row is None:
            session.add(Setting(key=key, value=text))
        elif row.value == text:
            return text
        else:
            row.value = text
        session.flush()
        record_event(session, store.actor, "change", "setting", key, [key],
                     f"{key}: {old!r} → {text!r}")
    return text


def may_change_settings(store: Store) -> bool:
    """May the signed-in officer change settings? (The settings page shows them read-only otherwise.)"""
    return is_admin(store)


def all_settings(store: Store) -> dict[str, str]:
    """Every setting, stored or default."""
    values = dict(DEFAULTS)
    with store.read() as session:
        for row in session.exec(select(Setting)).all():
            if row.key in values:
                values[row.key] = row.value
    return values
