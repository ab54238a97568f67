"""The landlord's settings: name and logo on briefings, the emergency procedure, conduct reminders,
the safeguarding line, auto-lock minutes and the retention period. Each change is audited."""
from __future__ import annotations

from sqlmodel import select

from liaison_app.domain import Setting
from liaison_app.domain.validation import ValidationError
from liaison_app.services.audit import record_event
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

_NUMBERS = {"auto_lock_minutes": (1, 240), "retention_years": (1, 100)}


def _clean(key: str, value: object) -> str:
    if key not in DEFAULTS:
        raise ValidationError("Not a setting Liaison knows.", field=key)
    text = "" if value is None else str(value).strip()
    if key in _NUMBERS:
        low, high = _NUMBERS[key]
        if not text.isdigit() or not low <= int(text) <= high:
            raise ValidationError(f"Enter a whole number from {low} to {high}.", field=key)
        text = str(int(text))
    return text


def get_setting(store: Store, key: str) -> str:
    """The stored value, or the default when none is stored. Unknown keys raise KeyError."""
    if key not in DEFAULTS:
        raise KeyError(key)
    with store.read() as session:
        row = session.get(Setting, key)
    return row.value if row is not None else DEFAULTS[key]


def set_setting(store: Store, key: str, value: object) -> str:
    """Store a setting (validated) and return the value stored."""
    text = _clean(key, value)
    with store.write() as session:
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=text))
        elif row.value == text:
            return text
        else:
            row.value = text
        session.flush()
        record_event(session, store.actor, "change", "setting", key, [key])
    return text


def all_settings(store: Store) -> dict[str, str]:
    """Every setting, stored or default."""
    values = dict(DEFAULTS)
    with store.read() as session:
        for row in session.exec(select(Setting)).all():
            if row.key in values:
                values[row.key] = row.value
    return values
