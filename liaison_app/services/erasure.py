"""Erasure (UK GDPR Art. 17) and retention: deleting a tenant so no copy stays in the live store.

What is erased: the tenancy row and everything about the person — adjustments with reasons, person
risk warnings, visits, follow-ups, support plans (measures, contacts, job links), conduct feedback
and safeguarding concerns. The home's own risk warnings go too unless another tenancy uses the
home (they describe the household that lived there).

What stays: the home, its block and mandatory check calendar, and the works orders and access
attempts on the home (the landlord's compliance record of work on its property). They are unlinked
from the tenant and the attempts' private notes are blanked. Audit events stay as well: they hold
record ids, field names and officers, never names or values, and removing them would break the
hash chain (the audit table refuses deletes anyway).

Each erasure is written to the erasure ledger (record type, id and date; never a name), in the store
and in a copy beside it that outlives a store too damaged to read. Backups are
not changed: they hold the tenant until they rotate out — every backup, daily, manual or taken before a
migration, after `backup_keep_days` (30 by default), except that the newest backup that passed its full
check is kept until a newer one does (store/backup.py). Restoring any backup with
`restore_backup` erases again every tenant the ledger (of the store, and of every backup) names.

The store runs with secure_delete on, so deleted rows are overwritten; the tenant search index is
optimised so the name leaves it, and the log is checkpointed and truncated and the file vacuumed.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import delete, func, select, text, update

from liaison_app.domain import (
    AccessAttempt,
    Adjustment,
    ConductFeedback,
    ErasureLedger,
    FollowUp,
    Job,
    RiskWarning,
    SafeguardingConcern,
    SupportContact,
    SupportMeasure,
    SupportPlan,
    SupportPlanJob,
    Tenant,
    Visit,
)
from liaison_app.domain.enums import Role
from liaison_app.domain.validation import add_months
from liaison_app.services.audit import record_event
from liaison_app.services.officers import _setting, require_role
from liaison_app.store import Store, open_store
from liaison_app.store.backup import erasure_entries, keep_days, note_erasure, restore_from

log = logging.getLogger("liaison")


@dataclass
class RetentionRow:
    tenant_id: str
    tenancy_ref: str
    tenancy_end: date


def _delete_person_rows(conn, tenant_id: str, home_id: str | None) -> int:
    plan_ids = select(SupportPlan.id).where(SupportPlan.tenant_id == tenant_id)
    job_ids = select(Job.id).where(Job.tenant_id == tenant_id)
    statements = [
        delete(SupportPlanJob).where(SupportPlanJob.plan_id.in_(plan_ids)),
        delete(SupportMeasure).where(SupportMeasure.plan_id.in_(plan_ids)),
        delete(SupportContact).where(SupportContact.plan_id.in_(plan_ids)),
        delete(SupportPlan).where(SupportPlan.tenant_id == tenant_id),
        delete(FollowUp).where(FollowUp.tenant_id == tenant_id),
        delete(Visit).where(Visit.tenant_id == tenant_id),
        delete(Adjustment).where(Adjustment.tenant_id == tenant_id),
        delete(RiskWarning).where(RiskWarning.tenant_id == tenant_id),
        delete(SafeguardingConcern).where(SafeguardingConcern.tenant_id == tenant_id),
        delete(ConductFeedback).where(ConductFeedback.tenant_id == tenant_id),
        update(AccessAttempt).where(AccessAttempt.job_id.in_(job_ids)).values(notes="", withdrawn_reason=""),
        update(Job).where(Job.tenant_id == tenant_id).values(tenant_id=None),
        update(Job).where(Job.complainant_tenant_id == tenant_id).values(  # they complained about a job
            complainant_tenant_id=None, complainant_name="", complainant_phone="", complainant_consent=False),
    ]
    if home_id is not None:
        others = conn.execute(select(func.count()).select_from(Tenant).where(
            Tenant.home_id == home_id, Tenant.id != tenant_id)).scalar_one()
        if not others:
            statements.append(delete(RiskWarning).where(RiskWarning.home_id == home_id))
    statements.append(delete(Tenant).where(Tenant.id == tenant_id))
    return sum(max(conn.execute(st).rowcount, 0) for st in statements)


def _erase_in(session, actor: str, tenant_id: str, note: str = "") -> int:
    tenant = session.get(Tenant, tenant_id)
    if tenant is None:
        raise LookupError("No such tenant.")
    home_id = tenant.home_id
    session.expunge(tenant)
    conn = session.connection()
    count = _delete_person_rows(conn, tenant_id, home_id)
    conn.execute(text("INSERT INTO tenant_fts(tenant_fts) VALUES('optimize')"))
    record_event(session, actor, "erase", "tenant", tenant_id, (), f"{count} rows erased{note}")
    return count


def erase_tenant(store: Store, tenant_id: str) -> int:
    """Erase the tenant (admins only) and note it in the erasure ledger. Returns how many rows were
    deleted or cleared."""
    require_role(store, Role.ADMIN)
    with store.write() as session:
        count = _erase_in(session, store.actor, tenant_id)
        entry = ErasureLedger(record_type="tenant", record_id=tenant_id)
        session.add(entry)
    try:
        note_erasure(store.path, entry.record_type, entry.record_id, entry.erased_at)
    except OSError as exc:  # the ledger in the store (and in every later backup) still has it
        log.warning("The erasure ledger's copy beside the store could not be written: %s", type(exc).__name__)
    _compact(store)
    return count


def backup_keep_days(store: Store) -> int:
    """How many days a backup can still hold an erased tenant (the setting backup_keep_days)."""
    return keep_days(store)


@dataclass
class RestoreResult:
    store: Store  # the restored store, open
    aside: Path  # where the replaced store was kept
    reapplied: int  # tenants erased again because the ledger names them


def restore_backup(backup: str | os.PathLike, store_path: str | os.PathLike) -> RestoreResult:
    """Put `backup` in place of the store (which must not be open; the replaced file is kept aside),
    then erase again every tenant erased since: the ledger is read from the store being replaced and
    from every backup before the restore, and copied into the restored store."""
    store_path = Path(store_path).expanduser().resolve()
    entries = erasure_entries(store_path)
    aside = restore_from(backup, store_path)
    store = open_store(store_path)
    try:
        count = reapply_erasures(store, entries, Path(backup).name)
    except BaseException:
        store.close()
        raise
    return RestoreResult(store, aside, count)


def reapply_erasures(store: Store, entries: list[tuple[str, str, str]], restored_from: str = "") -> int:
    """Copy ledger entries (record type, id, when) the store lacks into its ledger, and erase again every
    tenant they name that the store holds. Returns how many tenants were erased again."""
    erased = 0
    with store.write() as session:
        known = {(row.record_type, row.record_id) for row in session.scalars(select(ErasureLedger)).all()}
        for record_type, record_id, erased_at in entries:
            if (record_type, record_id) not in known:
                session.add(ErasureLedger(record_type=record_type, record_id=record_id,
                                          erased_at=datetime.fromisoformat(str(erased_at))))
                known.add((record_type, record_id))
            if record_type == "tenant" and session.get(Tenant, record_id) is not None:
                _erase_in(session, store.actor, record_id, " again after a backup was restored")
                erased += 1
        if restored_from:
            record_event(session, store.actor, "restore", "backup", "", (),
                         f"{restored_from} restored; {erased} erasures applied again")
    if erased:
        _compact(store)
    return erased


def _compact(store: Store) -> None:
    """Leave no copy of deleted rows in the log or free pages: checkpoint, vacuum, truncate the log."""
    store.engine.dispose()  # no idle connection keeps an old snapshot of the log
    raw = store.engine.raw_connection()
    try:
        conn = raw.driver_connection
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            raise RuntimeError("The store is busy; the erasure is done but the file could not be compacted yet.")
    finally:
        raw.close()


def records_past_retention(store: Store, years: int | None = None, today: date | None = None) -> list[RetentionRow]:
    """Tenancies that ended more than `years` ago (default: setting retention_years, else 6)."""
    if years is None:
        try:
            years = int(_setting(store, "retention_years", "6"))
        except ValueError:
            years = 6
    cutoff = add_months(today or date.today(), -12 * years)
    with store.read() as session:
        rows = session.execute(select(Tenant.id, Tenant.tenancy_ref, Tenant.tenancy_end)
                               .where(Tenant.tenancy_end.is_not(None), Tenant.tenancy_end < cutoff)
                               .order_by(Tenant.tenancy_end)).all()
    return [RetentionRow(r[0], r[1], r[2]) for r in rows]
