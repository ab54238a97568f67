"""When a record is in force: from its start date (if any) until the day before its end date.

Works on anything with `start_date` / `end_date` attributes (tables and plain rows alike); a record
ends *on* its end date, so a record ending today is no longer active today.
"""
from __future__ import annotations

from datetime import date
from typing import Any


def has_ended(end: date | None, on: date) -> bool:
    """True once `on` reaches the end date; a record with no end date never ends."""
    return end is not None and end <= on


def is_active(record: Any, on: date) -> bool:
    """True if `record` has started (or has no start date) and has not ended on `on`."""
    start = getattr(record, "start_date", None)
    return (start is None or start <= on) and not has_ended(getattr(record, "end_date", None), on)
