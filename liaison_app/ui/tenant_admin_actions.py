"""What only an administrator may do on a tenant record: export everything held (subject access,
UK GDPR Art. 15) and erase the tenant (Art. 17).

`admin_actions(record)` returns the two actions (in the record's Actions menu) for an admin, and
nothing for anyone else. Export everything held… (Ctrl+Shift+X) saves a PDF or JSON file; Erase this
tenant… has no shortcut on purpose and asks first, saying it cannot be undone and how long backups
can still hold the record (`backups_note`).
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from liaison_app.printing import write_subject_access_pdf
from liaison_app.services import erasure, subject_access, tenants
from liaison_app.services.officers import NotAllowed
from liaison_app.ui.i18n import tr
from liaison_app.ui.actions import shortcut_action
from liaison_app.ui.workers import run_with_progress

log = logging.getLogger("liaison")
PDF_FILTER = "PDF (*.pdf)"
JSON_FILTER = "JSON (*.json)"


def is_admin(store) -> bool:
    return getattr(store, "actor_role", None) == "admin"


def admin_actions(record) -> list[QAction]:
    """Add the admin-only actions to `record` (a TenantRecord); none for other roles."""
    if not is_admin(record.store):
        return []
    export = shortcut_action(record, tr("tenant_admin_actions", "Export everything held…"),
                             lambda: export_everything(record), "Ctrl+Shift+X")
    erase = shortcut_action(record, tr("tenant_admin_actions", "Erase this tenant…"),
                            lambda: erase_this_tenant(record))
    return [export, erase]


def _choose_export_file(parent: QWidget, tenancy_ref: str) -> Path | None:
    suggested = f"{tenancy_ref or 'tenant'}-everything-held.pdf"
    path, chosen = QFileDialog.getSaveFileName(parent, tr("tenant_admin_actions", "Export everything held"), suggested,
                                               ";;".join((PDF_FILTER, JSON_FILTER)))
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() not in (".pdf", ".json"):
        target = target.with_name(target.name + (".json" if chosen == JSON_FILTER else ".pdf"))
    return target


def write_export(store, tenant_id: str, target: Path) -> Path:
    """JSON from services; a PDF printed here from what services gather, then audited by services."""
    if target.suffix.lower() == ".json":
        return subject_access.export_tenant(store, tenant_id, target)
    document = subject_access.export_for_pdf(store, tenant_id, target)
    write_subject_access_pdf(target, document)
    subject_access.pdf_exported(store, tenant_id, document)
    return target


def export_everything(record) -> Path | None:
    """Ask where, then write everything held on the tenant there (off the UI thread)."""
    tenant, _home, _block = tenants.get_tenant(record.store, record.tenant_id)
    target = _choose_export_file(record, tenant.tenancy_ref)
    if target is None:
        return None
    try:
        written = run_with_progress(record, tr("tenant_admin_actions", "Exporting everything held…"),
                                    lambda _progress: write_export(record.store, record.tenant_id, target),
                                    cancellable=False)
    except (NotAllowed, ValueError, OSError) as exc:
        log.warning("Subject access export failed: %s", type(exc).__name__)
        QMessageBox.warning(record, tr("tenant_admin_actions", "Not exported"), str(exc))
        return None
    QMessageBox.information(record, tr("tenant_admin_actions", "Exported"),
                            tr("tenant_admin_actions", "Everything held on %s was saved to %s.")
                            % (tenant.tenancy_ref, written))
    return written


def backups_note(days: int) -> str:
    """How long backups can still hold an erased tenant (the erase question and the retention list)."""
    return tr("tenant_admin_actions", "Backups taken before the erasure still hold the record for up to %d days, until they rotate "
               "out (the newest backup that passed its check is kept until a newer one does); restoring any "
               "backup erases it again.") % days


def _erase_question(tenant, days: int) -> str:
    return (tr("tenant_admin_actions", "Erase %s (%s) and everything held about them: wishes and adjustments, warnings, visits, "
                "follow-ups, support plans, conduct feedback and safeguarding concerns?\n\n"
                "This cannot be undone. Works orders on the home are kept without their name.")
            % (tenant.display_name, tenant.tenancy_ref)) + "\n\n" + backups_note(days)


def erase_this_tenant(record) -> bool:
    """Confirm, erase, then close the record (the tenant list is refreshed by whoever listens to `erased`)."""
    tenant, _home, _block = tenants.get_tenant(record.store, record.tenant_id)
    answer = QMessageBox.question(record, tr("tenant_admin_actions", "Erase this tenant"),
                                  _erase_question(tenant, erasure.backup_keep_days(record.store)),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                  QMessageBox.StandardButton.Cancel)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        erasure.erase_tenant(record.store, record.tenant_id)
    except (NotAllowed, LookupError) as exc:
        QMessageBox.warning(record, tr("tenant_admin_actions", "Not erased"), str(exc))
        return False
    except RuntimeError as exc:  # erased, but the file could not be compacted yet
        log.warning("Erasure compaction deferred: %s", type(exc).__name__)
        QMessageBox.information(record, tr("tenant_admin_actions", "Erased"), str(exc))
    record.erased.emit(record.tenant_id)
    return True
