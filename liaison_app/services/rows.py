"""Frozen copies of records for screens: a page holds these, never a database object.

`freeze(record)` copies every column of a table's record into a frozen dataclass named after the table
(`Adjustment` → `FrozenAdjustment`), so a list, a form opened from it and a stale-edit check (`version`) read
the same attribute names as the record, and nothing a page does can reach the store through it.
"""
from __future__ import annotations

from dataclasses import make_dataclass
from functools import cache
from typing import Any, Iterable


@cache
def row_type(table: type) -> type:
    """The frozen row class of a table: one field per column, in the table's order."""
    names = list(table.model_fields)
    return make_dataclass(f"Frozen{table.__name__}", [(name, Any) for name in names], frozen=True, repr=False,
                          namespace={"__repr__": _repr})


def _repr(row: Any) -> str:
    """Only the id: a row may hold private fields, which must never reach a log or an error message."""
    return f"{type(row).__name__}(id={getattr(row, 'id', '?')!r})"


def freeze(record: Any) -> Any:
    """A frozen copy of one record (all its columns)."""
    cls = row_type(type(record))
    return cls(**{name: getattr(record, name) for name in type(record).model_fields})


def freeze_all(records: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(freeze(r) for r in records)
