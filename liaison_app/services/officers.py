"""Officer accounts: first-run admin, sign-in with Argon2id and back-off, passwords, roles.

Every sign-in attempt is audited (sign_in / sign_in_failed), naming the account only if it exists
(a mistyped password in the user-name box must not land in the audit trail) and never the password.
The message for a failed sign-in never says which half was wrong.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlmodel import func, select

from liaison_app.domain import Officer, Setting, utcnow
from liaison_app.domain.enums import Role
from liaison_app.domain.validation import ValidationError
from liaison_app.services.audit import record_event
from liaison_app.store import Store

FAILED_MESSAGE = "Sign-in failed: check your user name and password."
MIN_PASSWORD = 10
FREE_ATTEMPTS = 5
FIRST_BACK_OFF = 30  # seconds; doubles with each further failure
MAX_BACK_OFF = 3600
_hasher = PasswordHasher()  # Argon2id with argon2-cffi's defaults (above OWASP's minimum)
_DUMMY_HASH = _hasher.hash("not a real password, used to even out timing")
_unknown_failures: dict[str, tuple[int, datetime | None]] = {}


class SignInError(Exception):
    """Sign-in refused. `retry_after` is the seconds to wait (0 if the officer may try at once)."""

    def __init__(self, message: str = FAILED_MESSAGE, retry_after: int = 0):
        super().__init__(message)
        self.retry_after = retry_after


class NotAllowed(PermissionError):
    """The signed-in officer's role does not allow this."""


@dataclass
class OfficerRow:
    id: str
    username: str
    display_name: str
    role: str
    active: bool


def has_accounts(store: Store) -> bool:
    with store.read() as session:
        return bool(session.exec(select(func.count()).select_from(Officer)).one())


def require_role(store: Store, *roles: str) -> None:
    if store.actor_role not in roles:
        raise NotAllowed("Your role does not allow this. Ask an administrator.")


def _clean_username(username: str) -> str:
    name = (username or "").strip().casefold()
    if not name or any(ch.isspace() for ch in name) or len(name) > 64:
        raise ValidationError("A user name is one word of up to 64 characters.", "username")
    return name


def _check_password(password: str, field: str = "password") -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError(f"A password needs at least {MIN_PASSWORD} characters.", field)


def create_officer(store: Store, username: str, display_name: str, role: str, password: str) -> OfficerRow:
    """Add an account. The first account must be an admin; later ones need a signed-in admin."""
    name = _clean_username(username)
    if role not in Role.values():
        raise ValidationError("Choose officer, safeguarding lead or admin.", "role")
    _check_password(password)
    first = not has_accounts(store)
    if first and role != Role.ADMIN:
        raise ValidationError("The first account must be an administrator.", "role")
    if not first and not (store.actor_id and store.actor_role == Role.ADMIN):
        raise NotAllowed("Only an administrator can add officers.")
    officer = Officer(username=name, display_name=(display_name or "").strip() or name, role=role,
                      password_hash=_hasher.hash(password), created_by=store.actor, updated_by=store.actor)
    with store.write() as session:
        if session.exec(select(Officer).where(Officer.username == name)).first() is not None:
            raise ValidationError("That user name is taken.", "username")
        session.add(officer)
        session.flush()
        record_event(session, store.actor, "create", "officer", officer.id, ["username", "display_name", "role"],
                     summary=f"role {role}")
        return _row(officer)


def _row(officer: Officer) -> OfficerRow:
    return OfficerRow(officer.id, officer.username, officer.display_name, officer.role, officer.active)


def _back_off(failures: int) -> int:
    if failures < FREE_ATTEMPTS:
        return 0
    return min(FIRST_BACK_OFF * 2 ** (failures - FREE_ATTEMPTS), MAX_BACK_OFF)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _wait_left(locked_until: datetime | None, now: datetime) -> int:
    if locked_until is None or locked_until <= now:
        return 0
    return max(1, int((locked_until - now).total_seconds() + 0.999))


def sign_in(store: Store, username: str, password: str) -> OfficerRow:
    """Check the password; on success the officer acts on the store (store.actor / actor_id / actor_role)."""
    key = (username or "").strip().casefold()
    now = utcnow()
    with store.write() as session:
        officer = session.exec(select(Officer).where(Officer.username == key)).first()
        if officer is None or not officer.active:
            _verify(_DUMMY_HASH, password)
            record_event(session, "(unknown)", "sign_in_failed", "officer", "", (), "unknown or inactive account")
            wait = _unknown_failure(key, now)
        else:
            wait = _wait_left(officer.locked_until, now)
            if wait:
                record_event(session, officer.username, "sign_in_failed", "officer", officer.id, (), "during back-off")
            elif _verify(officer.password_hash, password):
                _succeeded(session, officer, password, now)
                row = _row(officer)
                store.actor, store.actor_id, store.actor_role = row.username, row.id, row.role
                return row
            else:
                wait = _failed(session, officer, now)
    if wait:
        raise SignInError(f"{FAILED_MESSAGE} Too many attempts: wait {wait} seconds before trying again.", wait)
    raise SignInError()


def _succeeded(session, officer: Officer, password: str, now: datetime) -> None:
    fields = ["failed_sign_ins", "locked_until"]
    if _hasher.check_needs_rehash(officer.password_hash):
        officer.password_hash = _hasher.hash(password)
        fields.append("password_hash")
    officer.failed_sign_ins = 0
    officer.locked_until = None
    session.add(officer)
    session.flush()
    record_event(session, officer.username, "sign_in", "officer", officer.id, fields)


def _failed(session, officer: Officer, now: datetime) -> int:
    officer.failed_sign_ins += 1
    wait = _back_off(officer.failed_sign_ins)
    officer.locked_until = now + timedelta(seconds=wait) if wait else None
    session.add(officer)
    session.flush()
    record_event(session, officer.username, "sign_in_failed", "officer", officer.id, ["failed_sign_ins"],
                 f"wrong password, attempt {officer.failed_sign_ins}")
    return wait


def _unknown_failure(key: str, now: datetime) -> int:
    """Unknown names back off like real ones, so the answer does not tell which accounts exist."""
    count, until = _unknown_failures.get(key, (0, None))
    wait = _wait_left(until, now)
    if wait:
        return wait
    count += 1
    wait = _back_off(count)
    _unknown_failures[key] = (count, now + timedelta(seconds=wait) if wait else None)
    return wait


def check_password(store: Store, password: str) -> bool:
    """Unlocking: is this the signed-in officer's password? Audited and backed off like a sign-in."""
    if not store.actor_id:
        return False
    with store.read() as session:
        officer = session.get(Officer, store.actor_id)
    if officer is None:
        return False
    sign_in(store, officer.username, password)
    return True


def change_password(store: Store, old_password: str, new_password: str) -> None:
    """The signed-in officer changes their own password."""
    _check_password(new_password, "new_password")
    if not store.actor_id:
        raise NotAllowed("Sign in first.")
    with store.write() as session:
        officer = session.get(Officer, store.actor_id)
        if officer is None or not _verify(officer.password_hash, old_password):
            raise ValidationError("The current password is not right.", "old_password")
        officer.password_hash = _hasher.hash(new_password)
        officer.updated_at, officer.updated_by = utcnow(), store.actor
        session.add(officer)
        session.flush()
        record_event(session, store.actor, "change", "officer", officer.id, ["password_hash"], "password changed")


def admin_reset_password(store: Store, officer_id: str, new_password: str) -> None:
    """An admin sets a new password for an officer and clears their back-off."""
    require_role(store, Role.ADMIN)
    _check_password(new_password)
    with store.write() as session:
        officer = session.get(Officer, officer_id)
        if officer is None:
            raise ValidationError("No such officer.", "officer")
        officer.password_hash = _hasher.hash(new_password)
        officer.failed_sign_ins, officer.locked_until = 0, None
        officer.updated_at, officer.updated_by = utcnow(), store.actor
        session.add(officer)
        session.flush()
        record_event(session, store.actor, "change", "officer", officer.id,
                     ["password_hash", "failed_sign_ins", "locked_until"], "password reset by an administrator")


def set_active(store: Store, officer_id: str, active: bool) -> None:
    """An admin switches an account off (a leaver) or back on. The last active admin stays on."""
    require_role(store, Role.ADMIN)
    with store.write() as session:
        officer = session.get(Officer, officer_id)
        if officer is None:
            raise ValidationError("No such officer.", "officer")
        admins = session.exec(select(func.count()).select_from(Officer).where(
            Officer.role == Role.ADMIN, Officer.active == True)).one()  # noqa: E712
        if not active and officer.role == Role.ADMIN and officer.active and admins <= 1:
            raise ValidationError("Keep at least one active administrator.", "active")
        officer.active = active
        officer.updated_at, officer.updated_by = utcnow(), store.actor
        session.add(officer)
        session.flush()
        record_event(session, store.actor, "change", "officer", officer.id, ["active"])


def list_officers(store: Store) -> list[OfficerRow]:
    with store.read() as session:
        officers = session.exec(select(Officer).order_by(Officer.username)).all()
    return [_row(o) for o in officers]


def signed_in_name(store: Store) -> str:
    """The signed-in officer's display name ('' when nobody has signed in)."""
    if not store.actor_id:
        return ""
    with store.read() as session:
        officer = session.get(Officer, store.actor_id)
    return officer.display_name if officer else ""


def auto_lock_minutes(store: Store) -> int:
    """Minutes of idleness before the app locks (setting auto_lock_minutes, default 15, at least 1)."""
    value = _setting(store, "auto_lock_minutes", "15")
    try:
        return max(1, int(value))
    except ValueError:
        return 15


def _setting(store: Store, key: str, default: str) -> str:
    try:
        from liaison_app.services.settings import get_setting
    except ImportError:
        get_setting = None
    if get_setting is not None:
        return get_setting(store, key) or default
    with store.read() as session:
        row = session.get(Setting, key)
    return row.value if row is not None and row.value else default
