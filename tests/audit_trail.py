"""The audit trail's actions, oldest first, read from a store file the command under test has closed."""
from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from liaison_app.domain import AuditEvent
from liaison_app.store import open_store


def actions_in(db: Path) -> list[str]:
    store = open_store(db)
    try:
        with store.read() as session:
            return [e.action for e in session.exec(select(AuditEvent).order_by(AuditEvent.seq))]
    finally:
        store.close()
