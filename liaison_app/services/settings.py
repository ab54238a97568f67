"""The landlord's settings: name and logo on briefings, the emergency procedure, conduct reminders,
the safeguarding line, auto-lock minutes, the retention period and how long backups are kept.

One registry, SETTINGS: a SettingSpec per setting (key, default, type, bounds, who may change it, label,
help). The Settings page is drawn from it, so a new setting appears by adding one spec.

Every setting either reaches print (what every briefing says) or guards data (auto-lock, retention,
backups), so only an administrator may change one (admin_only), within bounds (auto-lock 1–60 minutes,
retention 1–25 years, backups kept 7–90 days, texts of a printable length). Each change is audited with
the field and its old → new value: settings hold no personal data."""
from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from liaison_app.domain import Setting
from liaison_app.domain.enums import Role
from liaison_app.domain.validation import ValidationError
from liaison_app.services.audit import record_event
from liaison_app.services.permissions import is_admin, require_role
from liaison_app.store import Store
from liaison_app.store.backup import KEEP_BOUNDS, KEEP_DAYS


@dataclass(frozen=True)
class SettingSpec:
    """One setting. `type`: "line" (one line of text), "text" (several lines), "logo" (a picture's path)
    or "number" (a whole number). `bounds`: (low, high) for a number, (0, most characters) for text.
    `label` (with its mnemonic) and `help` are in English for the page to translate (context
    "SettingsPage"); `unit` follows a number; `required` is what the page says when it is left empty."""

    key: str
    default: str
    type: str
    bounds: tuple[int, int]
    admin_only: bool
    label: str
    help: str = ""
    unit: str = ""
    lines: int = 1
    required: str = ""


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec("landlord_name", "", "line", (0, 120), True, "&Landlord name:",
                "Printed at the top of every briefing.",
                required="Give the landlord's name: it heads every briefing."),
    SettingSpec("landlord_logo", "", "logo", (0, 1024), True, "Logo:"),
    SettingSpec("landlord_address", "", "text", (0, 300), True, "La&ndlord's address:",
                "Printed at the top of every letter to a tenant: one line of the address a line.", lines=3),
    SettingSpec("letters_phone", "", "line", (0, 40), True, "Letters phone l&ine:",
                "The phone line a letter gives tenants to check a worker's ID or ask for a translation."),
    SettingSpec("emergency_procedure",
                "If you feel unsafe, leave the home at once and call the office. Use your company's emergency "
                "code by phone or text; the office will send help and call 999 if needed.",
                "text", (0, 1500), True, "&Emergency-code procedure:",
                "What an operative does when unsafe: the code word, who to call or text.", lines=4,
                required="Describe the emergency procedure: it keeps operatives safe."),
    SettingSpec("conduct_reminders", "", "text", (0, 3000), True, "Code-of-&conduct reminders:",
                "One reminder a line, printed on every briefing. Leave empty to use the code's wording.", lines=6),
    SettingSpec("safeguarding_line",
                "If something worries you about a child, an adult or an animal (signs of abuse or neglect, someone "
                "not coping, an animal welfare concern), call 999 if anyone is in immediate danger. Otherwise tell "
                "the customer liaison officer the same day. Do not investigate or promise to keep a secret.",
                "line", (0, 300), True, "Safeguar&ding line:",
                "How an operative reports signs of abuse or neglect (for example a phone number)."),
    SettingSpec("auto_lock_minutes", "15", "number", (1, 60), True, "Au&to-lock after:", unit=" minutes idle"),
    SettingSpec("retention_years", "6", "number", (1, 25), True, "&Keep records for:",
                unit=" years after a tenancy ends"),
    SettingSpec("backup_keep_days", str(KEEP_DAYS), "number", KEEP_BOUNDS, True, "&Backups kept for:",
                "Older backups are deleted, so an erased tenant leaves every backup within this time.",
                unit=" days"),
)

SPECS: dict[str, SettingSpec] = {spec.key: spec for spec in SETTINGS}
DEFAULTS: dict[str, str] = {spec.key: spec.default for spec in SETTINGS}
ADMIN_ONLY = frozenset(spec.key for spec in SETTINGS if spec.admin_only)
NUMBER_RANGES = {spec.key: spec.bounds for spec in SETTINGS if spec.type == "number"}
MAX_LENGTHS = {spec.key: spec.bounds[1] for spec in SETTINGS if spec.type != "number"}
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


def setting_specs() -> tuple[SettingSpec, ...]:
    """Every setting's spec, in the order the settings page shows them."""
    return SETTINGS


def is_admin_only(key: str) -> bool:
    """Whether only an administrator may change the setting `key`."""
    return key in ADMIN_ONLY


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
