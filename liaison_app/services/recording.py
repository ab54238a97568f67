"""Small helpers the use-case modules share: stamping and auditing several new records in one
write transaction, and naming the form field a validation problem belongs to."""
from __future__ import annotations

from typing import Any, Callable, Iterable, TypeVar

from sqlmodel import Session

from liaison_app.domain import Record, utcnow
from liaison_app.domain.validation import ValidationError
from liaison_app.services.audit import record_event
from liaison_app.services.records import record_name
from liaison_app.store import Store

T = TypeVar("T")


def add_new(session: Session, store: Store, record: Record, *, summary: str = "") -> Record:
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


def add_all_new(store: Store, records: Iterable[Record]) -> list[Record]:
    """Create several records in one transaction (all of them or none), each audited."""
    made = []
    with store.write() as session:
        for record in records:
            made.append(add_new(session, store, record))
    return made


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
