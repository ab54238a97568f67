"""Officer accounts: first-run admin, sign-in with Argon2id and back-off, passwords, roles.

Every sign-in attempt is audited (sign_in / sign_in_failed), naming the account only if it exists
(a mistyped password in the user-name box must not land in the audit trail) and never the password.
The message for a failed sign-in never says which half was wrong.

Failed sign-ins are counted per typed user name in the store (SignInFailure), for real accounts and
unknown names by the same code: after FREE_ATTEMPTS failures both answer "wait N seconds", in this
process and the next, so the answers do not tell which accounts exist. The name is kept only as a
slow one-way hash. Roles and NotAllowed live in services/permissions.py (re-exported here).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.low_level import Type, hash_secret_raw
from sqlmodel import delete, func, select

from liaison_app.domain import Officer, SignInFailure, utcnow
from liaison_app.domain.enums import Role
from liaison_app.domain.validation import ValidationError
from liaison_app.services.audit import record_event
from liaison_app.services.password_rule import MIN_PASSWORD, password_minimum  # noqa: F401 (re-exported)
from liaison_app.services.permissions import NotAllowed, require_role  # noqa: F401  (re-exported)
from liaison_app.services.settings import NUMBER_RANGES, get_setting
from liaison_app.store import Store

FAILED_MESSAGE = "Sign-in failed: check your user name and password."
FREE_ATTEMPTS = 5
FIRST_BACK_OFF = 30  # seconds; doubles with each further failure
MAX_BACK_OFF = 3600
_hasher = PasswordHasher()  # Argon2id with argon2-cffi's defaults (above OWASP's minimum)
_NAME_SALT = b"liaison:sign-in-failure:v1"
FORGET_AFTER = timedelta(days=30)  # failure counts quiet this long are dropped


@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against for an unknown name, so it takes as long as a known one. Made on first
    use, not at import (0.5 s and 64 MB that every command would otherwise pay)."""
    return _hasher.hash("not a real password, used to even out timing")


class SignInError(Exception):
    """Sign-in refused. `retry_after` is the seconds to wait (0 if the officer may try at once)."""

    def __init__(self, message: str = FAILED_MESSAGE, retry_after: int = 0):
        super().__init__(message)
        self.retry_after = retry_after


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


def _name_key(name: str) -> str:
    """A slow one-way hash of the typed (casefolded) user name: the key of its failure count. Argon2id at
    OWASP's minimum, so a password typed into the user-name box is not stored in a form quick to guess."""
    raw = hash_secret_raw(name.encode("utf-8"), _NAME_SALT, time_cost=2, memory_cost=19456, parallelism=1,
                          hash_len=32, type=Type.ID)
    return raw.hex()


def sign_in(store: Store, username: str, password: str) -> OfficerRow:
    """Check the password; on success the officer acts on the store (store.actor / actor_id / actor_role).

    Known and unknown names take the same path: the failure count is read and written per typed name.
    The two halves, `verify_sign_in` (the password, read only) and `record_sign_in` (the audited write), are
    apart only for a command that prepares its output while the store is checked (cli/checked_later.py)."""
    return record_sign_in(store, verify_sign_in(store, username, password))


@dataclass(frozen=True)
class SignInAttempt:
    """A sign-in checked (`verify_sign_in`) but not yet recorded (`record_sign_in`). It holds no password:
    at most the new hash of a right one, when the hashing parameters have changed."""

    name_key: str
    at: datetime
    officer: OfficerRow | None  # the active account of the typed name (None: unknown or inactive)
    checked_hash: str = field(default="", repr=False)  # the hash the password was checked against
    passed: bool = False  # the password was right and no back-off was running
    backed_off: bool = False  # refused unchecked: a back-off was running
    new_hash: str | None = field(default=None, repr=False)


def verify_sign_in(store: Store, username: str, password: str) -> SignInAttempt:
    """The read-only half of `sign_in`: the back-off and the password (an unknown name is checked against a
    dummy hash, to take as long). Nothing is written and nobody signed in until `record_sign_in`."""
    key = (username or "").strip().casefold()
    name_key = _name_key(key)
    now = utcnow()
    with store.read() as session:
        officer = session.exec(select(Officer).where(Officer.username == key)).first()
        known = officer is not None and officer.active
        row, checked = (_row(officer), officer.password_hash) if known else (None, "")
        failure = session.get(SignInFailure, name_key)
        wait = _wait_left(failure.locked_until if failure else None, now)
    if wait:
        return SignInAttempt(name_key, now, row, backed_off=True)
    if not known:
        _verify(_dummy_hash(), password)
        return SignInAttempt(name_key, now, None)
    passed = _verify(checked, password)
    new_hash = _hasher.hash(password) if passed and _hasher.check_needs_rehash(checked) else None
    return SignInAttempt(name_key, now, row, checked, passed, new_hash=new_hash)


def act_as_verified(store: Store, attempt: SignInAttempt) -> None:
    """Before `record_sign_in`: the officer of a passed attempt acts on the store for reading, so a command can
    name them on its output while the store is checked. Raises SignInError (nothing set) if it did not pass."""
    if not attempt.passed or attempt.officer is None:
        raise SignInError()
    row = attempt.officer
    store.actor, store.actor_id, store.actor_role = row.username, row.id, row.role


def record_sign_in(store: Store, attempt: SignInAttempt) -> OfficerRow:
    """The audited half of `sign_in`, in one write: a passed attempt signs the officer in (unless the account
    changed or a back-off began meanwhile), any other counts a failure or notes the back-off."""
    with store.write() as session:
        officer = session.get(Officer, attempt.officer.id) if attempt.officer else None
        known = officer is not None and officer.active
        failure = session.get(SignInFailure, attempt.name_key)
        wait = _wait_left(failure.locked_until if failure else None, attempt.at)
        if wait or attempt.backed_off:
            record_event(session, officer.username if known else "(unknown)", "sign_in_failed", "officer",
                         officer.id if known else "", (), "during back-off")
        elif known and attempt.passed and officer.password_hash == attempt.checked_hash:
            _succeeded(session, officer, attempt.new_hash, failure)
            row = _row(officer)
            store.actor, store.actor_id, store.actor_role = row.username, row.id, row.role
            return row
        else:
            wait = _record_failure(session, officer if known else None, failure, attempt)
    if wait:
        raise SignInError(f"{FAILED_MESSAGE} Too many attempts: wait {wait} seconds before trying again.", wait)
    raise SignInError()


def _record_failure(session, officer: Officer | None, failure: SignInFailure | None, attempt: SignInAttempt) -> int:
    wait, count = _failed(session, failure, attempt.name_key, attempt.at)
    if officer is not None:
        record_event(session, officer.username, "sign_in_failed", "officer", officer.id, ["sign_in_failures"],
                     f"wrong password, attempt {count}")
    else:
        record_event(session, "(unknown)", "sign_in_failed", "officer", "", (), "unknown or inactive account")
    return wait


def _succeeded(session, officer: Officer, new_hash: str | None, failure: SignInFailure | None) -> None:
    fields = []
    if failure is not None:
        session.delete(failure)
        fields.append("sign_in_failures")
    if new_hash is not None:
        officer.password_hash = new_hash
        fields.append("password_hash")
        session.add(officer)
    session.flush()
    record_event(session, officer.username, "sign_in", "officer", officer.id, fields)


def _failed(session, failure: SignInFailure | None, name_key: str, now: datetime) -> tuple[int, int]:
    """Count one more failure for the typed name; returns (seconds to wait, failures so far)."""
    session.exec(delete(SignInFailure).where(SignInFailure.last_failed_at < now - FORGET_AFTER,
                                             SignInFailure.name_key != name_key))
    if failure is None:
        failure = SignInFailure(name_key=name_key, failures=0)
    elif failure.last_failed_at < now - FORGET_AFTER:
        failure.failures = 0
    failure.failures += 1
    wait = _back_off(failure.failures)
    failure.locked_until = now + timedelta(seconds=wait) if wait else None
    failure.last_failed_at = now
    session.add(failure)
    session.flush()
    return wait, failure.failures


def clear_failures(session, username: str) -> None:
    """Forget the failed sign-ins counted against a user name (an admin reset the password)."""
    row = session.get(SignInFailure, _name_key((username or "").strip().casefold()))
    if row is not None:
        session.delete(row)


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
        officer.updated_at, officer.updated_by = utcnow(), store.actor
        session.add(officer)
        clear_failures(session, officer.username)
        session.flush()
        record_event(session, store.actor, "change", "officer", officer.id,
                     ["password_hash", "sign_in_failures"], "password reset by an administrator")


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
    """Minutes of idleness before the app locks (setting auto_lock_minutes, default 15, within 1–60:
    a value stored before the bound existed is read as the nearest bound)."""
    low, high = NUMBER_RANGES["auto_lock_minutes"]
    value = _setting(store, "auto_lock_minutes", "15")
    try:
        return min(high, max(low, int(value)))
    except ValueError:
        return 15


def _setting(store: Store, key: str, default: str) -> str:
    return get_setting(store, key) or default


def sign_in_failed_message() -> str:
    """What a failed sign-in says (never which half was wrong)."""
    return FAILED_MESSAGE
