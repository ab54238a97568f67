"""What every record table shares: a UUID key, who/when created and changed, and a version.

The version is SQLAlchemy's version_id_col, so a stale edit is refused rather than silently
overwriting someone else's change. Records are ended, not deleted (see ARCHITECTURE.md).
"""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy.orm import declared_attr
from sqlalchemy import DateTime
from sqlmodel import Field, SQLModel


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Naive UTC timestamp (SQLite has no time zones; everything stored is UTC)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Record(SQLModel):
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    created_at: datetime = Field(sa_type=DateTime, default_factory=utcnow)
    created_by: str = Field(default="")
    updated_at: datetime = Field(sa_type=DateTime, default_factory=utcnow)
    updated_by: str = Field(default="")
    version: int = Field(default=1)

    @declared_attr
    def __mapper_args__(cls):  # noqa: N805 - SQLAlchemy hook
        return {"version_id_col": cls.__table__.c.version}
