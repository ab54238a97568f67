"""Officers, the audit trail and settings."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime
from sqlmodel import Field, SQLModel

from liaison_app.domain.base import Record, utcnow


class Officer(Record, table=True):
    username: str = Field(index=True, unique=True)
    display_name: str = ""
    role: str = "officer"
    password_hash: str = ""
    failed_sign_ins: int = 0
    locked_until: Optional[datetime] = Field(default=None, sa_type=DateTime)
    active: bool = True


class AuditEvent(SQLModel, table=True):
    """Append-only: who did what to which record, when, naming fields but never private values.

    Each row carries a hash over its content and the previous row's hash (a hash chain)."""

    __tablename__ = "audit_event"
    seq: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = Field(sa_type=DateTime, default_factory=utcnow, index=True)
    officer: str = ""
    action: str  # view, create, change, end, delete, print, export, sign_in, erase, import ...
    record_type: str = ""
    record_id: str = Field(default="", index=True)
    fields: str = ""  # comma-separated field names, never values
    summary: str = ""  # non-personal description, e.g. "12 rows" or a job reference
    prev_hash: str = ""
    hash: str = ""


class Setting(SQLModel, table=True):
    key: str = Field(primary_key=True)
    value: str = ""
