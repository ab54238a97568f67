"""The audit trail: append-only, naming records and fields but never private values.

Each event's hash covers its content and the previous event's hash, so altering or deleting
a row breaks the chain, which `verify_chain` reports. Triggers refuse UPDATE and DELETE on the table
(migration 0003). Deleting the last events, or the whole table, or rewriting the chain consistently,
leaves a chain that holds together: `verify_chain` also compares it with the newest checkpoint of its
head kept outside the store (store/checkpoint.py: a file beside the store, and one in every backup)
and says which of these it found.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterable

from sqlmodel import Session, or_, select

from liaison_app.domain import AuditEvent, utcnow
from liaison_app.services.permissions import require_role
from liaison_app.store import Store
from liaison_app.store.backup import newest_checkpoint

GENESIS = "0" * 64


def _digest(prev_hash: str, at: datetime, officer: str, action: str, record_type: str,
            record_id: str, fields: str, summary: str) -> str:
    payload = "\x1f".join([prev_hash, at.isoformat(timespec="microseconds"), officer, action,
                           record_type, record_id, fields, summary])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _head(session: Session) -> str:
    """The hash of the trail's last event (GENESIS for an empty trail)."""
    return session.exec(select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)).first() or GENESIS


def _chained(prev: str, actor: str, action: str, record_type: str, record_id: str, field_text: str,
             summary: str) -> AuditEvent:
    """A new event after the one whose hash is `prev`, stamped now and hashed."""
    at = utcnow()
    event = AuditEvent(at=at, officer=actor, action=action, record_type=record_type, record_id=record_id,
                       fields=field_text, summary=summary, prev_hash=prev)
    event.hash = _digest(prev, at, actor, action, record_type, record_id, field_text, summary)
    return event


def record_event(session: Session, actor: str, action: str, record_type: str = "", record_id: str = "",
                 fields: Iterable[str] = (), summary: str = "") -> AuditEvent:
    """Append one event inside the caller's write transaction (so it lands with the change or not at all).

    `summary` must hold no personal data: a reference, a count, a kind code.
    """
    event = _chained(_head(session), actor, action, record_type, record_id, ",".join(sorted(set(fields))), summary)
    session.add(event)
    session.flush()
    return event


def record_events(session: Session, actor: str, action: str, records: Iterable[tuple[str, str, str]]) -> int:
    """Append one event per (record type, record id, summary), in that order, inside the caller's write
    transaction: the chain's head is read once and the events are written in one flush (a 200-job pack's
    prints were 200 reads and 200 flushes). The same events, chained the same way, as `record_event` one
    at a time. Returns how many were appended."""
    prev, events = _head(session), []
    for record_type, record_id, summary in records:
        events.append(_chained(prev, actor, action, record_type, record_id, "", summary))
        prev = events[-1].hash
    session.add_all(events)  # inserted in the order added: seq follows the chain
    session.flush()
    return len(events)


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
    kind: str = ""  # on failure: changed event, missing tail, emptied table or rewritten chain
    checkpoint: str = ""  # the checkpoint compared with: "29 November 2026 at 13:21 (beside the store)"


def verify_chain(store: Store) -> ChainReport:
    """Walk the chain from its first event, then compare it with the newest checkpoint found."""
    cp = newest_checkpoint(store.path)
    prev = GENESIS
    count = last_seq = 0
    at_checkpoint = None  # the hash of the event the checkpoint names, if the trail still has it
    known_then = 0  # the last event written by the time of the checkpoint
    cp_time = cp.at.astimezone(timezone.utc).replace(tzinfo=None) if cp else None
    with store.read() as session:
        for ev in session.exec(select(AuditEvent).order_by(AuditEvent.seq)):
            count += 1
            if ev.prev_hash != prev:
                return ChainReport(False, count, ev.seq, "an earlier event is missing or was changed", "changed event")
            expected = _digest(ev.prev_hash, ev.at, ev.officer, ev.action, ev.record_type, ev.record_id,
                               ev.fields, ev.summary)
            if expected != ev.hash:
                return ChainReport(False, count, ev.seq, "this event was changed after it was written", "changed event")
            prev, last_seq = ev.hash, ev.seq
            if cp is not None and ev.seq == cp.seq:
                at_checkpoint = ev.hash
            if cp_time is not None and ev.at <= cp_time:
                known_then = ev.seq
    if cp is None or cp.seq == 0:
        return ChainReport(True, count)
    return _against_checkpoint(count, last_seq, at_checkpoint, known_then, cp)


def _against_checkpoint(count: int, last_seq: int, at_checkpoint: str | None, known_then: int, cp) -> ChainReport:
    """Compare the walked chain with the checkpoint: the same event (same hash) at its sequence number
    is intact; otherwise say what was done, judging by which events were written before the checkpoint."""
    where = f"{cp.when()} ({cp.source})"
    if at_checkpoint == cp.hash:
        return ChainReport(True, count, checkpoint=where)
    if count == 0 or known_then == 0:
        since = f" (it holds only {count} written since)" if count else ""
        return ChainReport(False, count, 1, f"emptied table — the trail holds none of the {cp.seq} events the "
                           f"checkpoint of {where} records{since}: every event was deleted", "emptied table", where)
    if known_then < cp.seq:
        gone = cp.seq - known_then
        if last_seq == known_then:
            text = (f"the trail ends at event {last_seq}, but the checkpoint of {where} records event {cp.seq}: "
                    f"the last {gone} event{'s were' if gone > 1 else ' was'} deleted")
        else:
            text = (f"events {known_then + 1} to {cp.seq}, recorded by the checkpoint of {where}, were deleted "
                    "and other events written after them")
        return ChainReport(False, count, known_then + 1, f"missing tail — {text}", "missing tail", where)
    return ChainReport(False, count, cp.seq, f"rewritten chain — event {cp.seq} is not the event the checkpoint "
                       f"of {where} recorded: the chain was rewritten", "rewritten chain", where)


@dataclass
class AuditFilter:
    """What the audit viewer narrows to; empty values match everything."""

    officer: str = ""
    action: str = ""
    record: str = ""  # a record id, or a record type such as "tenant"
    date_from: date | None = None
    date_to: date | None = None  # inclusive


def list_audit(store: Store, filters: AuditFilter | None = None, limit: int = 200, offset: int = 0) -> list[AuditEvent]:
    """Audit events, newest first, for the admin's audit viewer (read-only; admins only)."""
    require_role(store, "admin")
    f = filters or AuditFilter()
    query = select(AuditEvent)
    if f.officer:
        query = query.where(AuditEvent.officer == f.officer.strip())
    if f.action:
        query = query.where(AuditEvent.action == f.action.strip())
    if f.record:
        text = f.record.strip()
        query = query.where(or_(AuditEvent.record_id == text, AuditEvent.record_type == text))
    if f.date_from:
        query = query.where(AuditEvent.at >= datetime.combine(f.date_from, time.min))
    if f.date_to:
        query = query.where(AuditEvent.at < datetime.combine(f.date_to + timedelta(days=1), time.min))
    query = query.order_by(AuditEvent.seq.desc()).offset(max(0, offset)).limit(max(0, limit))
    with store.read() as session:
        return list(session.exec(query).all())


def audit_actions(store: Store) -> list[str]:
    """The actions that occur in the trail, for the viewer's filter list."""
    with store.read() as session:
        return sorted(session.exec(select(AuditEvent.action).distinct()).all())


def events_about(store: Store, record_ids: Iterable[str]) -> list[AuditEvent]:
    """Every event naming one of `record_ids` (for a subject access export), oldest first."""
    ids = list(set(record_ids))
    found: list[AuditEvent] = []
    with store.read() as session:
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            found += session.exec(select(AuditEvent).where(AuditEvent.record_id.in_(chunk))).all()
    return sorted(found, key=lambda ev: ev.seq)
