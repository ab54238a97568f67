"""Putting an access attempt right: its officer corrects it the same day; an admin withdraws it with a reason.

An attempt is evidence for a court, so it is never deleted. A correction is allowed only to the
officer who recorded it, on the day they recorded it (local date), and is audited with the names of
the fields it changed. Later, only an admin may withdraw it, giving a reason: the attempt stays (and
is listed as withdrawn in the evidence PDF) but no longer counts toward any rule. The reason is
office text: never in an audit event, a briefing or a report.
"""
from __future__ import annotations

from datetime import date, timezone
from typing import Any

from sqlalchemy.orm.exc import StaleDataError

from liaison_app.domain import AccessAttempt, Job, utcnow
from liaison_app.domain.enums import Role
from liaison_app.domain.validation import ValidationError
from liaison_app.services import records
from liaison_app.services.access import clean_attempt, clean_time, clean_used
from liaison_app.services.audit import record_event
from liaison_app.services.permissions import require_role
from liaison_app.store import Store

MAX_REASON = 500


def recorded_today(attempt: AccessAttempt, today: date | None = None) -> bool:
    """Was the attempt recorded today (the officer's local date)?"""
    local = attempt.created_at.replace(tzinfo=timezone.utc).astimezone().date()
    return local == (today or date.today())


def may_correct(store: Store, attempt: AccessAttempt) -> bool:
    """Only the officer who recorded an attempt may correct it, and only on the same day."""
    return attempt.created_by == store.actor and attempt.withdrawn_on is None and recorded_today(attempt)


def _load(session, attempt_id: str, expected_version: int | None) -> AccessAttempt:
    return records.load_current(session, AccessAttempt, attempt_id, expected_version, "access attempt")


def _save(session, store: Store, attempt: AccessAttempt, values: dict[str, Any], action: str) -> list[str]:
    changed = [k for k, v in values.items() if getattr(attempt, k) != v]
    for name in changed:
        setattr(attempt, name, values[name])
    if changed:
        attempt.updated_at, attempt.updated_by = utcnow(), store.actor
        session.add(attempt)
        session.flush()
        job = session.get(Job, attempt.job_id)
        record_event(session, store.actor, action, "accessattempt", attempt.id, changed,
                     f"{action} attempt {job.job_ref if job else ''}".strip())
    return changed


def correct_attempt(store: Store, attempt_id: str, *, attempted_on, method: str, outcome: str, letter_stage: str = "",
                    notes: str = "", time_of_day: str = "", adjustments_used=(), measures_used=(),
                    expected_version: int | None = None) -> list[str]:
    """Correct an attempt (same officer, same day); returns the names of the fields changed."""
    when, method, outcome, letter_stage = clean_attempt(attempted_on, method, outcome, letter_stage)
    values = {"attempted_on": when, "method": method, "outcome": outcome, "letter_stage": letter_stage,
              "notes": (notes or "").strip(), "time_of_day": clean_time(time_of_day)}
    try:
        with store.write() as session:
            attempt = _load(session, attempt_id, expected_version)
            if not may_correct(store, attempt):
                raise ValidationError("Only the officer who recorded this attempt can correct it, on the same day. "
                                      "Ask an administrator to withdraw it instead.", field="attempt")
            job = session.get(Job, attempt.job_id)
            values["adjustments_used"], values["measures_used"] = clean_used(session, job, adjustments_used,
                                                                             measures_used, when)
            return _save(session, store, attempt, values, "change")
    except StaleDataError as exc:
        raise records.StaleRecord() from exc


def withdraw_attempt(store: Store, attempt_id: str, reason: str, expected_version: int | None = None) -> None:
    """Withdraw an attempt (admins only, with a reason): kept on record, never counted again."""
    require_role(store, Role.ADMIN, message="Only an administrator can withdraw an access attempt.")
    why = (reason or "").strip()
    if not why:
        raise ValidationError("Say why the attempt is withdrawn.", field="reason")
    if len(why) > MAX_REASON:
        raise ValidationError(f"Keep the reason to {MAX_REASON} characters.", field="reason")
    try:
        with store.write() as session:
            attempt = _load(session, attempt_id, expected_version)
            if attempt.withdrawn_on is not None:
                raise ValidationError("This attempt is already withdrawn.", field="attempt")
            _save(session, store, attempt, {"withdrawn_on": date.today(), "withdrawn_by": store.actor,
                                            "withdrawn_reason": why}, "withdraw")
    except StaleDataError as exc:
        raise records.StaleRecord() from exc
