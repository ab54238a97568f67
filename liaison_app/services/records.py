"""Generic create / change / end of any record, each writing an audit event in the same transaction,
and the one helper that stamps and audits a new record inside a caller's write (add_new).

Use-case modules (tenants, needs, visits, jobs, …) build on these so every officer action is
audited the same way. A stale edit (the record changed since it was read) is refused. A record the
signed-in officer may not see (another officer's safeguarding concern, permissions.may_read) is
answered as if it did not exist, by get, change, undo and end alike.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, TypeVar

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from liaison_app.domain import Record, utcnow
from liaison_app.domain.validation import ValidationError
from liaison_app.services.audit import record_event
from liaison_app.services.permissions import may_read
from liaison_app.store import Store

R = TypeVar("R", bound=Record)
T = TypeVar("T")


class StaleRecord(Exception):
    """The record was changed by someone else since it was read."""

    def __init__(self) -> None:
        super().__init__("This record was changed by someone else since you opened it. Reload it and try again.")


class NotFound(LookupError):
    pass


@dataclass
class Change:
    """What a change did: enough to undo it (the previous values) and to show it."""

    record_type: type
    record_id: str
    before: dict[str, Any]
    after: dict[str, Any]
    version: int  # the record's version after the change


def record_name(cls: type) -> str:
    return cls.__tablename__ if hasattr(cls, "__tablename__") else cls.__name__.lower()


def add_new(session: Session, store: Store, record: R, *, summary: str = "") -> R:
    """Stamp `record` as made now by the acting officer, add it and audit its creation.

    Must run inside `store.write()`, so the record and its audit event land together."""
    now = utcnow()
    record.created_at = record.updated_at = now
    record.created_by = record.updated_by = store.actor
    session.add(record)
    session.flush()
    fields = [f for f in type(record).model_fields if f not in Record.model_fields]
    record_event(session, store.actor, "create", record_name(type(record)), record.id, fields, summary)
    return record


def create(store: Store, record: R, *, summary: str = "", under: tuple[type, str, str] | None = None) -> R:
    """Create one record in its own write transaction, audited. `under` (class, id, field): the record
    it belongs to, which must still exist (else ValidationError on that field)."""
    with store.write() as session:
        if under is not None:
            must_exist(session, *under)
        return add_new(session, store, record, summary=summary)


def get(store: Store, cls: type[R], record_id: str) -> R:
    with store.read() as session:
        obj = session.get(cls, record_id)
        if obj is None or not may_read(store, obj):
            raise NotFound(f"No such {cls.__name__.lower()}.")
        return obj


def must_exist(session: Session, cls: type[R], record_id: str, field_name: str, what: str = "") -> R:
    """The record a new one refers to, or ValidationError ("No such {what}.") on `field_name`."""
    obj = session.get(cls, record_id)
    if obj is None:
        raise ValidationError(f"No such {what or cls.__name__.lower()}.", field=field_name)
    return obj


def load_current(session: Session, cls: type[R], record_id: str, expected_version: int | None,
                 what: str = "") -> R:
    """The record about to be changed: NotFound ("No such {what}.") if it is gone, StaleRecord if
    someone changed it since `expected_version` (None: no check)."""
    obj = session.get(cls, record_id)
    if obj is None:
        raise NotFound(f"No such {what or cls.__name__.lower()}.")
    if expected_version is not None and obj.version != expected_version:
        raise StaleRecord()
    return obj


def change(store: Store, cls: type[R], record_id: str, values: dict[str, Any], *,
           expected_version: int | None = None, action: str = "change", summary: str = "",
           then: Callable[[Session, R, dict[str, Any]], None] | None = None) -> Change:
    """Set `values` on the record. With `expected_version`, refuse if someone changed it meanwhile.
    `then(session, record, changed)` runs in the same transaction once a change is made (a use case's
    consequence, e.g. a follow-up, audited with add_new)."""
    try:
        with store.write() as session:
            obj = session.get(cls, record_id)
            if obj is None or not may_read(store, obj):
                raise NotFound(f"No such {cls.__name__.lower()}.")
            if expected_version is not None and obj.version != expected_version:
                raise StaleRecord()
            before = {k: getattr(obj, k) for k in values}
            changed = {k: v for k, v in values.items() if before[k] != v}
            if not changed:
                return Change(cls, record_id, {}, {}, obj.version)
            for k, v in changed.items():
                setattr(obj, k, v)
            obj.updated_at = utcnow()
            obj.updated_by = store.actor
            session.flush()
            record_event(session, store.actor, action, record_name(cls), record_id, changed.keys(), summary)
            if then is not None:
                then(session, obj, changed)
            return Change(cls, record_id, {k: before[k] for k in changed}, changed, obj.version)
    except StaleDataError as exc:
        raise StaleRecord() from exc


def undo(store: Store, change_made: Change) -> Change:
    """Put back the values a change replaced (refused if the record changed again since)."""
    return change(store, change_made.record_type, change_made.record_id, change_made.before,
                  expected_version=change_made.version, action="undo")


def end(store: Store, cls: type[R], record_id: str, on: date | None = None, *, field: str = "end_date",
        expected_version: int | None = None) -> Change:
    """End a record (records are ended, not deleted) from `on` (default today)."""
    return change(store, cls, record_id, {field: on or date.today()}, expected_version=expected_version,
                  action="end")


def field(name: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a cleaner; a ValidationError it raises is tagged with the form field `name`."""
    try:
        return fn(*args, **kwargs)
    except ValidationError as exc:
        if exc.field is None:
            exc.field = name
        raise


def text(value: Any) -> str:
    """Free text as typed, without surrounding space; None becomes ''."""
    return "" if value is None else str(value).strip()
