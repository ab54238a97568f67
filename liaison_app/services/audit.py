"""The audit trail: append-only, naming records and fields but never private values.

Each event's hash covers its content and the previous event's hash, so altering or deleting
a row breaks the chain, which `verify_chain` reports.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from sqlmodel import Session, select

from liaison_app.domain import AuditEvent, utcnow
from liaison_app.store import Store

GENESIS = "0" * 64


def _digest(prev_hash: str, at: datetime, officer: str, action: str, record_type: str,
            record_id: str, fields: str, summary: str) -> str:
    payload = "\x1f".join([prev_hash, at.isoformat(timespec="microseconds"), officer, action,
                           record_type, record_id, fields, summary])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record_event(session: Session, actor: str, action: str, record_type: str = "", record_id: str = "",
                 fields: Iterable[str] = (), summary: str = "") -> AuditEvent:
    """Append one event inside the caller's write transaction (so it lands with the change or not at all).

    `summary` must hold no personal data: a reference, a count, a kind code.
    """
    last = session.exec(select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)).first()
    prev = last or GENESIS
    at = utcnow()
    field_text = ",".join(sorted(set(fields)))
    event = AuditEvent(at=at, officer=actor, action=action, record_type=record_type, record_id=record_id,
                       fields=field_text, summary=summary, prev_hash=prev)
    event.hash = _digest(prev, at, actor, action, record_type, record_id, field_text, summary)
    session.add(event)
    session.flush()
    return event


def audit(store: Store, action: str, record_type: str = "", record_id: str = "",
          fields: Iterable[str] = (), summary: str = "") -> None:
    """Record an event in its own transaction (for views, prints and exports that change nothing else)."""
    with store.write() as session:
        record_event(session, store.actor, action, record_type, record_id, fields, summary)


@dataclass
class ChainReport:
    ok: bool
    events: int
    first_bad_seq: int | None = None
    problem: str = ""


def verify_chain(store: Store) -> ChainReport:
    prev = GENESIS
    count = 0
    with store.read() as session:
        for ev in session.exec(select(AuditEvent).order_by(AuditEvent.seq)):
            count += 1
            if ev.prev_hash != prev:
                return ChainReport(False, count, ev.seq, "an earlier event is missing or was changed")
            expected = _digest(ev.prev_hash, ev.at, ev.officer, ev.action, ev.record_type, ev.record_id,
                               ev.fields, ev.summary)
            if expected != ev.hash:
                return ChainReport(False, count, ev.seq, "this event was changed after it was written")
            prev = ev.hash
    return ChainReport(True, count)
