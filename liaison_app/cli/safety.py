"""Commands that keep data safe: `backup [-o FILE]`, `export tenant REF -o FILE`, `audit verify`.

Imports inside the command functions are there for start-up speed: each command loads only what it needs.
"""
from __future__ import annotations

from pathlib import Path

from liaison_app.cli.common import open_for_command, output_for_command, refusing_damage


def register(sub) -> None:
    p = sub.add_parser("backup", help="copy the store to a checked backup file")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write it (default: the store's backup folder)")
    p.set_defaults(func=run_backup)

    p = sub.add_parser("export", help="subject access: everything held on one tenant")
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    t = what.add_parser("tenant", help="everything held on one tenant, as .pdf or .json")
    t.add_argument("tenancy_ref", metavar="TENANCY_REF")
    t.add_argument("-o", "--output", metavar="FILE", required=True, help="FILE.pdf or FILE.json")
    t.set_defaults(func=run_export_tenant)

    p = sub.add_parser("audit", help="the audit trail")
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    v = what.add_parser("verify", help="check the audit trail's hash chain for tampering, against the newest "
                                       "checkpoint of it kept outside the store")
    v.set_defaults(func=run_audit_verify)


def run_backup(args) -> int:
    from liaison_app.cli.common import CommandError
    from liaison_app.outputs import OutputRefused
    from liaison_app.services.audit import audit
    from liaison_app.services.stores import StoreError, backup_now

    if args.output:  # a file of the officer's choosing: never the store, its journal or lock, or a backup
        output_for_command(args, args.output, "sqlite")
    store = open_for_command(args)
    try:
        if args.output:  # a copy of every record, concerns included, to a file of one's choosing: admins only
            _require_admin_for_copy(store)
        try:
            target = backup_now(store, args.output)
        except OutputRefused as exc:
            raise CommandError(str(exc)) from exc
        except (StoreError, OSError) as exc:
            raise CommandError(f"The backup failed: {getattr(exc, 'strerror', None) or exc}") from exc
        audit(store, "backup", summary="backup written")
        print(f"Backup written: {target}")
        return 0
    finally:
        store.close()


def _require_admin_for_copy(store) -> None:
    from liaison_app.cli.common import CommandError
    from liaison_app.domain.enums import Role
    from liaison_app.services.permissions import NotAllowed, require_role

    try:
        require_role(store, Role.ADMIN, message="Only an administrator can copy the store to a file of their "
                                                "choosing (backup -o); `backup` alone writes to the backups folder.")
    except NotAllowed as exc:
        raise CommandError(str(exc)) from exc


def run_export_tenant(args) -> int:
    from liaison_app.cli.common import CommandError
    from liaison_app.services.officers import NotAllowed
    from liaison_app.printing import write_subject_access_pdf  # here, not at the top: start-up speed
    from liaison_app.services import subject_access
    from liaison_app.services.tenants import find_tenant

    if Path(args.output).suffix.lower() not in (".pdf", ".json"):
        raise CommandError("Name the export file .pdf or .json.")
    output_for_command(args, args.output, Path(args.output).suffix.lower()[1:])
    store = open_for_command(args)
    try:
        with refusing_damage():
            tenant = find_tenant(store, args.tenancy_ref)
            if tenant is None:
                raise CommandError(f"No tenancy with reference {args.tenancy_ref}.")
            try:
                path = Path(args.output)
                if path.suffix.lower() == ".json":
                    subject_access.export_tenant(store, tenant.id, path)
                else:  # services gather what the PDF holds, printing writes it, services audit it
                    document = subject_access.export_for_pdf(store, tenant.id, path)
                    write_subject_access_pdf(path, document)
                    subject_access.pdf_exported(store, tenant.id, document)
            except NotAllowed as exc:
                raise CommandError(str(exc)) from exc
            except OSError as exc:
                raise CommandError(f"Could not write {args.output}: {exc.strerror or exc}") from exc
        print(f"Export written: {path}")
        return 0
    finally:
        store.close()


def run_audit_verify(args) -> int:
    from liaison_app.services.audit import verify_chain

    store = open_for_command(args)
    try:
        with refusing_damage():
            report = verify_chain(store)
    finally:
        store.close()
    if report.ok:
        against = (f"it matches the checkpoint of {report.checkpoint}" if report.checkpoint
                   else "no checkpoint of it was found outside the store yet")
        print(f"OK: {report.events} audit events, chain intact; {against}.")
        return 0
    print(f"FAILED at event {report.first_bad_seq}: {report.problem}.")
    return 1
