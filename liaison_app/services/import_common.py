"""What every import shares: the result, problem collection, bulk writes and the one audit event.

Imports write with core executemany statements inside one `store.raw()` transaction (BEGIN
IMMEDIATE): every row is stored or none, and 125,000 rows take seconds, not minutes.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Hashable, Iterator

from sqlalchemy import Table, bindparam, update
from sqlmodel import Session

from liaison_app.domain import new_id, utcnow
from liaison_app.domain.text import plural
from liaison_app.domain.validation import ValidationError
from liaison_app.services.audit import record_event
from liaison_app.services.csv_files import ProblemList
from liaison_app.store import Store
from liaison_app.store.bulk import insert_many

BATCH = 20_000


@dataclass
class ImportResult:
    kind: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged

    def __str__(self) -> str:
        return (f"{plural(self.rows, self.kind + ' row')}: {self.created} created, {self.updated} updated, "
                f"{self.unchanged} unchanged")


class Problems(ProblemList):
    """Every problem found so far (the first LISTED kept, the rest counted); `refuse_if_any` raises
    ImportRefused listing them."""

    def add_errors(self, line: int, errors: list[ValidationError]) -> None:
        if errors and not self.listed(line):
            self.total += len(errors)  # past the listing: counted only
            return
        for exc in errors:
            self.add(line, exc.field or "", str(exc))


class FirstSeen:
    """The line each key (a reference, or a record's natural key) was first seen on, for "the same …
    is on line N" problems. Once a file's problems run past the listing (see ProblemList.listed),
    new keys are kept only as hashes (a file already refused needs only its problems counted, not
    described), so a million-row file of garbage is refused in little memory."""

    def __init__(self, problems: ProblemList):
        self.problems = problems
        self.lines: dict[Hashable, int] = {}
        self.hashes: set[int] = set()

    def earlier(self, key: Hashable, line: int) -> int | None:
        """The line `key` was seen on before (0 if known only by its hash), or None (and remember it)."""
        found = self.lines.get(key)
        if found is not None:
            return found
        cutoff = self.problems.cutoff  # ProblemList.listed(line), inline: this runs once a row
        if cutoff is None or line <= cutoff:
            self.lines[key] = line
            return None
        digest = hash(key)
        if digest in self.hashes:
            return 0
        self.hashes.add(digest)
        return None


def unique_rows(csv_rows, problems: Problems, clean: Callable[[int, dict[str, str]], Any],
                key: Callable[[Any], Hashable | None], field: str, same: str) -> list[Any]:
    """Every row `clean` makes of the file (None: a bad row, skipped), with "The same {same} is on
    line N" on `field` for a repeated `key` (None: not checked); ImportRefused if any problem.
    Once the file is refused its rows are only checked, not kept."""
    seen = FirstSeen(problems)
    lines = seen.lines
    out = []
    for line, row in csv_rows.rows:
        item = clean(line, row)
        if item is None:
            continue
        found = key(item)
        if found is None:
            earlier = None
        elif problems.cutoff is None:  # the usual case: FirstSeen.earlier, inline (this runs once a row)
            earlier = lines.setdefault(found, line)
            if earlier == line:
                earlier = None
        else:
            earlier = seen.earlier(found, line)
        if earlier is not None:
            problems.add(line, field, f"The same {same} is on line {earlier}.")
        if not problems.total:
            out.append(item)
    problems.refuse_if_any()
    return out


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while an import builds its rows: it would otherwise walk
    every row made so far, again and again, as they pile up (a fifth of the checking time of a large
    file). Reference counting still frees everything as usual; the collector runs again after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Stamper:
    """The shared record columns of new rows: one timestamp per import, and ids in ascending order
    (version 4 UUID form: a random half per import, a counter below) so key indexes are appended to."""

    def __init__(self, actor: str, now: datetime | None = None):
        self.actor = actor
        self.now = now or utcnow()
        self._prefix = new_id()[:19]
        self._count = 0x8000_0000_0000_0000  # the RFC 4122 variant bits
        self._high, self._head = -1, ""  # the id's fourth group, and the id up to it
        self._row = {"id": "", "created_at": self.now, "created_by": actor, "updated_at": self.now,
                     "updated_by": actor, "version": 1}

    def __call__(self) -> dict[str, Any]:
        self._count += 1
        low = self._count
        if low >> 48 != self._high:
            self._high = low >> 48
            self._head = f"{self._prefix}{self._high:04x}-"
        row = self._row.copy()
        row["id"] = f"{self._head}{low & 0xFFFF_FFFF_FFFF:012x}"
        return row


def insert_rows(conn, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows with the driver's executemany, in batches."""
    insert_many(conn, table, rows)


def update_rows(conn, table: Table, rows: list[dict[str, Any]], actor: str) -> None:
    """Update rows by id (each dict holds 'id' and the same set of columns), bumping their version."""
    if not rows:
        return
    now = utcnow()
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        cols = tuple(sorted(k for k in row if k != "id"))
        by_columns.setdefault(cols, []).append({**{f"v_{k}": row[k] for k in cols}, "b_id": row["id"]})
    for cols, params in by_columns.items():
        values: dict[str, Any] = {k: bindparam(f"v_{k}") for k in cols}
        values.update(updated_at=now, updated_by=actor, version=table.c.version + 1)
        stmt = update(table).where(table.c.id == bindparam("b_id")).values(**values)
        stmt = stmt.execution_options(synchronize_session=False)
        for i in range(0, len(params), BATCH):
            conn.execute(stmt, params[i:i + BATCH])


def audit_import(conn, store: Store, record_type: str, result: ImportResult | str, action: str = "import") -> None:
    """One audit event for the whole import (inside its transaction): counts only, never personal data."""
    with Session(bind=conn) as session:
        record_event(session, store.actor, action, record_type, "", [], str(result))
        session.flush()


def changed(current: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The entries of `new` that differ from `current`."""
    return {k: v for k, v in new.items() if current.get(k) != v}
