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
    direct_line: str = ""  # the officer's direct phone line, printed on the letters they send
    # Unused since migration 0004: failed sign-ins are kept per user name in SignInFailure, for known
    # and unknown names alike. Kept because older stores hold the columns (NOT NULL).
    failed_sign_ins: int = 0
    locked_until: Optional[datetime] = Field(default=None, sa_type=DateTime)
    active: bool = True


class SignInFailure(SQLModel, table=True):
    """Failed sign-ins per user name (known or not), so a back-off outlives the process and answers the
    same for a real account and an unknown name.

    `name_key` is a slow one-way hash of the typed name, never the name itself: a password typed into the
    user-name box must not be stored readable."""

    __tablename__ = "sign_in_failure"
    name_key: str = Field(primary_key=True)
    failures: int = 0
    locked_until: Optional[datetime] = Field(default=None, sa_type=DateTime)
    last_failed_at: datetime = Field(sa_type=DateTime, default_factory=utcnow)


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


class ErasureLedger(SQLModel, table=True):
    """Append-only: one row per data-protection erasure — which record and when, never a name.

    Restoring a backup re-applies every erasure recorded after the backup was taken."""

    __tablename__ = "erasure_ledger"
    seq: Optional[int] = Field(default=None, primary_key=True)
    record_type: str
    record_id: str
    erased_at: datetime = Field(sa_type=DateTime, default_factory=utcnow, index=True)


class Setting(SQLModel, table=True):
    key: str = Field(primary_key=True)
    value: str = ""
