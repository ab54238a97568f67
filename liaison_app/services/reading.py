"""A read session whose objects stay usable after it closes.

`Store.read()` rolls its session back on exit, and a rollback expires every object it loaded;
reading one of their attributes afterwards would then fail. Expunging them first keeps them
loaded and detached, as ARCHITECTURE.md promises ("return detached records").
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, TypeVar

from sqlmodel import Session

from liaison_app.services.records import NotFound
from liaison_app.store import Store

T = TypeVar("T")


@contextmanager
def detached_read(store: Store) -> Iterator[Session]:
    with store.read() as session:
        try:
            yield session
        finally:
            session.expunge_all()


def load(store: Store, cls: type[T], record_id: str) -> T:
    """One record, detached and loaded; NotFound if there is none."""
    with detached_read(store) as session:
        obj = session.get(cls, record_id)
        if obj is None:
            raise NotFound(f"No such {cls.__name__.lower()}.")
        return obj
